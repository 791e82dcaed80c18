# Fuzzing with libFuzzer (clang); see tests/fuzz/README.
#   make fuzz [FUZZ_SECONDS=60]   fuzz both harnesses, split the time
#   make fuzz-regress             run the corpus and regressions once (CI)
# Everything is built in build/fuzz/, apart from the normal objects.

# Debian packages needed on top of BUILD_PKGS: clang, and the libFuzzer
# runtime (libclang_rt.fuzzer-x86_64.a), which Debian ships separately.
FUZZ_PKGS := clang libclang-rt-14-dev

FUZZ_CC       ?= clang
FUZZ_SECONDS  ?= 60
FUZZ_MAX_LEN  ?= 65536
FUZZ_TIMEOUT  ?= 10
FUZZ_OPT      ?= -O1 -g
FUZZ_ARGS     ?=

FUZZ_DIR    := build/fuzz
FUZZ_OBJDIR := $(FUZZ_DIR)/obj
FUZZ_SRC    := tests/fuzz
FUZZ_SAN    := -fsanitize=address,undefined -fno-sanitize-recover=all \
               -fno-omit-frame-pointer
# Same language, defines and include paths as ALL_CFLAGS; warnings as the
# normal build, but not fatal in src/ (clang may warn where gcc does not).
FUZZ_CFLAGS  = -std=c11 -D_GNU_SOURCE $(WARNINGS) -Wno-unknown-warning-option \
               -Iinclude -I$(BUILD) -DBACKEASE_VERSION='"$(VERSION)"' \
               $(FUZZ_OPT) $(FUZZ_SAN) \
               $(shell $(PKG_CONFIG) --cflags libcyaml yaml-0.1 2>/dev/null)

FUZZ_OBJS := $(CORE_SRCS:src/%.c=$(FUZZ_OBJDIR)/%.o) \
             $(FUZZ_OBJDIR)/catalog_data.o
FUZZ_BINS := $(FUZZ_DIR)/fuzz_catalog $(FUZZ_DIR)/fuzz_parsers

.PHONY: fuzz fuzz-build fuzz-regress

fuzz-build: $(FUZZ_BINS)

$(FUZZ_OBJDIR):
	@mkdir -p $@

# Kept: they are only reached through pattern rules.
.SECONDARY: $(FUZZ_OBJS)

# The core, instrumented for coverage but without libFuzzer's main().
# (clang, unlike gcc, flags vsnprintf(fmt, va_list) in a callback that has
# no format attribute, such as libcyaml's log function.)
$(FUZZ_OBJDIR)/%.o: src/%.c | $(FUZZ_OBJDIR)
	@echo "  FUZZCC  $<"
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -Wno-format-nonliteral \
	    -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

$(FUZZ_OBJDIR)/catalog_data.o: $(BUILD)/catalog_data.c | $(FUZZ_OBJDIR)
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -Wno-missing-prototypes -c -o $@ $<

$(FUZZ_DIR)/fuzz_%: $(FUZZ_SRC)/fuzz_%.c $(FUZZ_OBJS) | $(FUZZ_OBJDIR)
	@echo "  FUZZLD  $@"
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -Werror -fsanitize=fuzzer -MMD -MP \
	    -MF $(FUZZ_OBJDIR)/$(notdir $@).d -o $@ $< $(FUZZ_OBJS) \
	    $(CORE_LIBS)

# Fuzzes over a copy of the corpus (build/fuzz/corpus/, kept between runs,
# so the repository's seeds stay as they are): three quarters of the time
# on the catalog loader, the rest on the small parsers.  Fails when either
# harness finds a crash; the input is in build/fuzz/artifacts/.
fuzz: $(FUZZ_BINS)
	@mkdir -p $(FUZZ_DIR)/corpus/catalog $(FUZZ_DIR)/corpus/parsers \
	    $(FUZZ_DIR)/artifacts
	@cp -R $(FUZZ_SRC)/corpus/catalog/. $(FUZZ_DIR)/corpus/catalog/
	@cp -R $(FUZZ_SRC)/corpus/parsers/. $(FUZZ_DIR)/corpus/parsers/
	@total=$(FUZZ_SECONDS); cat_s=$$((total * 3 / 4)); \
	 [ $$cat_s -ge 1 ] || cat_s=1; \
	 par_s=$$((total - cat_s)); [ $$par_s -ge 1 ] || par_s=1; \
	 rc=0; \
	 $(FUZZ_SRC)/run.sh $(FUZZ_DIR)/fuzz_catalog $(FUZZ_DIR)/corpus/catalog \
	     $$cat_s -max_len=$(FUZZ_MAX_LEN) -timeout=$(FUZZ_TIMEOUT) \
	     -dict=$(FUZZ_SRC)/catalog.dict \
	     -artifact_prefix=$(FUZZ_DIR)/artifacts/catalog- $(FUZZ_ARGS) \
	     || rc=1; \
	 $(FUZZ_SRC)/run.sh $(FUZZ_DIR)/fuzz_parsers $(FUZZ_DIR)/corpus/parsers \
	     $$par_s -max_len=$(FUZZ_MAX_LEN) -timeout=$(FUZZ_TIMEOUT) \
	     -dict=$(FUZZ_SRC)/parsers.dict \
	     -artifact_prefix=$(FUZZ_DIR)/artifacts/parsers- $(FUZZ_ARGS) \
	     || rc=1; \
	 if [ $$rc -ne 0 ]; then \
	     echo "fuzz: crash found; inputs in $(FUZZ_DIR)/artifacts/" >&2; \
	     ls -l $(FUZZ_DIR)/artifacts/ >&2; \
	 fi; \
	 exit $$rc

# Every seed and every saved crash, once each; no fuzzing.
fuzz-regress: $(FUZZ_BINS)
	@$(FUZZ_SRC)/regress.sh $(FUZZ_DIR)/fuzz_catalog \
	    $(FUZZ_SRC)/corpus/catalog $(FUZZ_SRC)/regressions/catalog
	@$(FUZZ_SRC)/regress.sh $(FUZZ_DIR)/fuzz_parsers \
	    $(FUZZ_SRC)/corpus/parsers $(FUZZ_SRC)/regressions/parsers

-include $(FUZZ_OBJS:.o=.d) $(FUZZ_BINS:$(FUZZ_DIR)/%=$(FUZZ_OBJDIR)/%.d)
