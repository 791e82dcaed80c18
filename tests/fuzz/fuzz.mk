# Fuzzing with libFuzzer (clang); see tests/fuzz/README.
#   make fuzz [FUZZ_SECONDS=60]   fuzz both harnesses, split the time
#   make fuzz-regress             run the corpus and regressions once (CI)
# Everything is built in build/fuzz/, apart from the normal objects.

# Debian packages needed on top of BUILD_PKGS (`make fuzz-deps` installs
# them): clang; the libFuzzer and sanitizer runtimes, which clang only
# recommends (so --no-install-recommends leaves them out); llvm-14 for
# llvm-symbolizer, so that crash reports name files and lines.
FUZZ_PKGS := clang libclang-rt-14-dev llvm-14

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
               $(shell $(PKG_CONFIG) --cflags libcyaml yaml-0.1 libxxhash 2>/dev/null)

# The core, and the built-in catalog the top Makefile generates in $(BUILD)
# (gen_builtin's C data), compiled again here.
FUZZ_GEN_OBJS := $(patsubst $(BUILD)/%.o,$(FUZZ_OBJDIR)/%.o,\
                   $(or $(BUILTIN_OBJS),$(BUILD)/builtin_catalog.o))
FUZZ_OBJS := $(CORE_SRCS:src/%.c=$(FUZZ_OBJDIR)/%.o) $(FUZZ_GEN_OBJS)
# One harness per tests/fuzz/fuzz_NAME.c, with its seeds in corpus/NAME.
FUZZ_BINS := $(patsubst $(FUZZ_SRC)/%.c,$(FUZZ_DIR)/%,\
               $(wildcard $(FUZZ_SRC)/fuzz_*.c))

# Under AddressSanitizer src/arena.c mallocs every block; the program carves
# small blocks out of 64 kB chunks.  fuzz_catalog_arena is fuzz_catalog
# with arena.c built without ASan (UBSan still on), so that the allocator
# the program really runs is fuzzed too: use after free of a chunk is still
# caught, an overflow from one small block into the next is not.
FUZZ_ARENA_OBJS := $(if $(filter src/arena.c,$(CORE_SRCS)),\
    $(patsubst $(FUZZ_OBJDIR)/arena.o,$(FUZZ_OBJDIR)/arena-chunks.o,$(FUZZ_OBJS)))
ifneq ($(FUZZ_ARENA_OBJS),)
FUZZ_BINS += $(FUZZ_DIR)/fuzz_catalog_arena
endif

.PHONY: fuzz fuzz-build fuzz-regress fuzz-deps fuzz-check

fuzz-build: $(FUZZ_BINS)

fuzz-deps:
	@.ci/deps.sh $(BUILD_PKGS) $(FUZZ_PKGS)

# Says what to install rather than failing on a link error.
fuzz-check:
	@mkdir -p $(FUZZ_DIR)
	@command -v $(FUZZ_CC) >/dev/null 2>&1 || { \
	    echo "fuzz: no $(FUZZ_CC); run make fuzz-deps" \
	         "(Debian: $(FUZZ_PKGS))" >&2; exit 1; }
	@printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n)%s\n' \
	    '{ (void)d; (void)n; return 0; }' | \
	    $(FUZZ_CC) -x c -fsanitize=fuzzer,address,undefined \
	        -o $(FUZZ_DIR)/.check - 2>/dev/null || { \
	    echo "fuzz: $(FUZZ_CC) cannot link -fsanitize=fuzzer; run make" \
	         "fuzz-deps (Debian: $(FUZZ_PKGS))" >&2; exit 1; }
	@rm -f $(FUZZ_DIR)/.check

$(FUZZ_OBJDIR):
	@mkdir -p $@

# Kept: they are only reached through pattern rules.
.SECONDARY: $(FUZZ_OBJS) $(FUZZ_ARENA_OBJS)

# The core, instrumented for coverage but without libFuzzer's main().
# (clang, unlike gcc, flags vsnprintf(fmt, va_list) in a callback that has
# no format attribute, such as libcyaml's log function.)
$(FUZZ_OBJDIR)/%.o: src/%.c | $(FUZZ_OBJDIR) fuzz-check
	@echo "  FUZZCC  $<"
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -Wno-format-nonliteral \
	    -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

$(FUZZ_GEN_OBJS): $(FUZZ_OBJDIR)/%.o: $(BUILD)/%.c | $(FUZZ_OBJDIR) fuzz-check
	@echo "  FUZZCC  $<"
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -Wno-missing-prototypes \
	    -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_OBJDIR)/arena-chunks.o: src/arena.c | $(FUZZ_OBJDIR) fuzz-check
	@echo "  FUZZCC  $< (no ASan)"
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -fno-sanitize=address \
	    -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

$(FUZZ_DIR)/fuzz_%: $(FUZZ_SRC)/fuzz_%.c $(FUZZ_SRC)/common.c $(FUZZ_OBJS) \
                    | $(FUZZ_OBJDIR) fuzz-check
	@echo "  FUZZLD  $@"
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -Werror -fsanitize=fuzzer -MMD -MP \
	    -MF $(FUZZ_OBJDIR)/$(notdir $@).d -o $@ $< $(FUZZ_SRC)/common.c \
	    $(FUZZ_OBJS) $(CORE_LIBS)

$(FUZZ_DIR)/fuzz_catalog_arena: $(FUZZ_SRC)/fuzz_catalog.c $(FUZZ_SRC)/common.c \
                                $(FUZZ_ARENA_OBJS) | $(FUZZ_OBJDIR) fuzz-check
	@echo "  FUZZLD  $@"
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -Werror -fsanitize=fuzzer -MMD -MP \
	    -MF $(FUZZ_OBJDIR)/$(notdir $@).d -o $@ $< $(FUZZ_SRC)/common.c \
	    $(FUZZ_ARENA_OBJS) $(CORE_LIBS)

# Fuzzes every harness over a copy of the corpus (build/fuzz/corpus/, kept
# between runs, so the repository's seeds stay as they are); tests/fuzz/all.sh
# says how the time is split.  Fails when a harness finds a crash.
fuzz: $(FUZZ_BINS)
	@$(FUZZ_SRC)/all.sh fuzz $(FUZZ_DIR) $(FUZZ_SECONDS) \
	    -max_len=$(FUZZ_MAX_LEN) -timeout=$(FUZZ_TIMEOUT) $(FUZZ_ARGS)

# Every seed and every saved crash, once each; no fuzzing.
fuzz-regress: $(FUZZ_BINS)
	@$(FUZZ_SRC)/all.sh regress $(FUZZ_DIR) 0

-include $(FUZZ_OBJS:.o=.d) $(FUZZ_OBJDIR)/arena-chunks.d \
         $(FUZZ_BINS:$(FUZZ_DIR)/%=$(FUZZ_OBJDIR)/%.d)
