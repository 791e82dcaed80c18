# backease - guided stretching and exercise timer for the terminal.
# GNU make; libraries found with pkg-config.  `make help` lists the targets.

PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
MANDIR     ?= $(PREFIX)/share/man
DATADIR    ?= $(PREFIX)/share/backease
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  ?= $(PREFIX)/share/zsh/vendor-completions
DESTDIR    ?=
PKG_CONFIG ?= pkg-config
CC         ?= cc
VARIANT    ?=

VERSION := 0.1.0
V ?= 0
Q := $(if $(filter 1,$(V)),,@)

# BUILD_PKGS and TEST_PKGS, the Debian packages the build and the tests
# need; ./configure (which make run and make test call) installs them.
include .ci/packages.mk

WARNINGS := -Wall -Wextra -pedantic -Wshadow -Wstrict-prototypes \
            -Wmissing-prototypes -Wwrite-strings -Wformat=2 -Wvla \
            -Wno-format-truncation
CFLAGS   ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE \
             $(WARNINGS) -Werror -Iinclude -I$(BUILD) \
             -DBACKEASE_VERSION='"$(VERSION)"' $(CFLAGS) $(VARIANT_FLAGS)

ifeq ($(VARIANT),san)
BUILD     := build/san
VARIANT_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all \
             -fno-omit-frame-pointer
else
BUILD     := build
# Smaller in memory, since each page of the program that a countdown maps
# counts in its resident memory (SPEC 7): C needs no unwind tables at run
# time (-g keeps them for gdb, in .debug_frame), and RELR packs the
# relocations of the built-in catalog's pointers into a tenth of the size
# (glibc 2.36 and binutils 2.38 have it; Debian bookworm has both).
VARIANT_FLAGS := -fno-asynchronous-unwind-tables -fno-unwind-tables
LINK_FLAGS := -Wl,-z,pack-relative-relocs
endif

# libxxhash is used from its header alone (include/xxh.h), so it has
# cflags here but no libs.
# Only evaluated when something is compiled or linked, so `make deps` works
# on a machine where the libraries are not installed yet.
LIB_CFLAGS = $(shell $(PKG_CONFIG) --cflags ncursesw libcyaml yaml-0.1 libxxhash 2>/dev/null)
LIB_LIBS   = $(shell $(PKG_CONFIG) --libs ncursesw libcyaml yaml-0.1 2>/dev/null)
CORE_LIBS  = $(shell $(PKG_CONFIG) --libs libcyaml yaml-0.1 2>/dev/null)
CMOCKA_LIBS = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)

# Sources are found by name, so a new module needs no Makefile edit:
# the front ends (curses screens tui_*.c and screen_*.c, commands cmd_*.c,
# and the few files below) link only into the program; every other file in
# src/ is the pure core (no curses, no terminal) that unit tests link.
FRONT_SRCS := src/main.c src/cli.c src/run.c src/ui_plain.c src/ui_curses.c \
              src/speech.c \
              $(wildcard src/cmd_*.c src/tui*.c src/screen_*.c)
CORE_SRCS := $(filter-out $(FRONT_SRCS) src/gen_builtin.c,$(wildcard src/*.c))
APP_SRCS  := $(CORE_SRCS) $(FRONT_SRCS)
# The built-in catalog, twice: its YAML text (for the places in messages)
# and, written by gen_builtin, the same catalog as checked C data, so that
# start-up parses no YAML and a bad data/exercises.yaml fails the build.
BUILTIN_OBJS := $(BUILD)/builtin_catalog.o
CORE_OBJS := $(CORE_SRCS:src/%.c=$(BUILD)/%.o) $(BUILTIN_OBJS)
# gen_builtin makes the built-in data, so it links nothing that uses it.
GEN_OBJS  := $(filter-out $(BUILD)/sources.o $(BUILD)/quick_save.o,\
                          $(CORE_SRCS:src/%.c=$(BUILD)/%.o))
APP_OBJS  := $(APP_SRCS:src/%.c=$(BUILD)/%.o) $(BUILTIN_OBJS)

UNIT_TESTS := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(wildcard tests/unit/test_*.c))

BIN := backease
ifeq ($(VARIANT),san)
BIN := $(BUILD)/backease
endif

.PHONY: all run test unit e2e check-deps deps install uninstall clean format help

all: $(BIN)

$(BIN): $(APP_OBJS) data/exercises.yaml
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $(APP_OBJS) $(LIB_LIBS) $(LINK_FLAGS) \
	    $(LDFLAGS)
	$(Q)$(ADD_CATALOG_TEXT) $@

$(BUILD)/%.o: src/%.c | $(BUILD)
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) $(LIB_CFLAGS) -MMD -MP -c -o $@ $<

# The built-in catalog is compiled in, so backease runs from any directory.
# Its YAML, for the places in messages, goes into a section of the program
# file that is not loaded (src/selfexe.c reads it at need): 50 kB that no
# countdown keeps in memory.
ADD_CATALOG_TEXT = objcopy \
	--add-section .backease.catalog=data/exercises.yaml \
	--set-section-flags .backease.catalog=noload,readonly

$(BUILD)/gen_builtin: src/gen_builtin.c $(GEN_OBJS)
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_CFLAGS) $(LIB_CFLAGS) -o $@ $< $(GEN_OBJS) $(CORE_LIBS) \
	    $(LDFLAGS)

$(BUILD)/builtin_catalog.c: data/exercises.yaml $(BUILD)/gen_builtin
	@echo "  GEN     $@"
	$(Q)$(BUILD)/gen_builtin $< > $@.tmp && mv $@.tmp $@

$(BUILD)/builtin_catalog.o: $(BUILD)/builtin_catalog.c
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD) $(BUILD)/tests:
	@mkdir -p $@

$(BUILD)/tests/%: tests/unit/%.c tests/unit/scratch.c tests/unit/scratch.h \
                  $(CORE_OBJS) | $(BUILD)/tests
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) $(LIB_CFLAGS) -Itests/unit -o $@ $< \
	    tests/unit/scratch.c $(CORE_OBJS) $(CMOCKA_LIBS) $(CORE_LIBS) \
	    $(LDFLAGS)
	$(Q)$(ADD_CATALOG_TEXT) $@

run: check-deps
	@$(MAKE) --no-print-directory $(BIN)
	./$(BIN)

test: check-deps
	@$(MAKE) --no-print-directory $(BIN) unit
	@$(MAKE) --no-print-directory e2e

unit: $(UNIT_TESTS)
	@tests/run-unit.sh $(UNIT_TESTS)

e2e: $(BIN)
	@BACKEASE=$(abspath $(BIN)) tests/run-e2e.sh

# Installs what is missing (as root or through sudo); otherwise says how.
check-deps:
	@./configure --quiet $(if $(filter test,$(MAKECMDGOALS)),--tests)

deps:
	@./configure --tests

# install notes in $(DATADIR)/installed-dirs the directories it creates
# (the ones that were not there, as they are without DESTDIR), so that
# uninstall removes those, if they are empty, and no other.
INSTALL_DIRS := $(BINDIR) $(MANDIR)/man1 $(DATADIR) $(BASHCOMPDIR) $(ZSHCOMPDIR)
INSTALLED_DIRS = $(DESTDIR)$(DATADIR)/installed-dirs

install: $(BIN)
	@new=$$(for d in $(INSTALL_DIRS); do \
	    while [ ! -d "$(DESTDIR)$$d" ] && [ "$$d" != / ] && [ "$$d" != . ]; do \
	        echo "$$d"; d=$$(dirname "$$d"); \
	    done; done); \
	 install -d $(addprefix $(DESTDIR),$(INSTALL_DIRS)) && \
	 { cat "$(INSTALLED_DIRS)" 2>/dev/null; \
	   [ -z "$$new" ] || printf '%s\n' "$$new"; } | sort -u \
	     >"$(INSTALLED_DIRS).tmp" && \
	 mv "$(INSTALLED_DIRS).tmp" "$(INSTALLED_DIRS)"
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/backease
	install -m 644 man/backease.1 $(DESTDIR)$(MANDIR)/man1/backease.1
	install -m 644 data/exercises.yaml $(DESTDIR)$(DATADIR)/exercises.yaml
	install -m 644 data/completion/backease.bash \
	    $(DESTDIR)$(BASHCOMPDIR)/backease
	install -m 644 data/completion/_backease $(DESTDIR)$(ZSHCOMPDIR)/_backease

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/backease $(DESTDIR)$(MANDIR)/man1/backease.1 \
	      $(DESTDIR)$(DATADIR)/exercises.yaml \
	      $(DESTDIR)$(BASHCOMPDIR)/backease $(DESTDIR)$(ZSHCOMPDIR)/_backease
	@dirs=$$(sort -r "$(INSTALLED_DIRS)" 2>/dev/null); \
	 rm -f "$(INSTALLED_DIRS)"; \
	 for d in $$dirs $(DATADIR); do \
	     rmdir "$(DESTDIR)$$d" 2>/dev/null || true; \
	 done

# The gallery of the built-in figures, committed so it can be read without
# building; make it again after editing data/exercises.yaml (the e2e test
# test_figures fails while it is out of date).
doc/figures.txt: $(BIN) data/exercises.yaml
	@echo "  GEN     $@"
	$(Q)mkdir -p doc && \
	 { echo 'The figures of the built-in exercises, as backease show --figures prints them.'; \
	   echo 'Made by `make doc/figures.txt` from data/exercises.yaml: do not edit.'; \
	   echo; \
	   XDG_CONFIG_HOME=/nonexistent ./$(BIN) --catalog data/exercises.yaml \
	       show --figures; } >$@.tmp && mv $@.tmp $@

format:
	clang-format -i src/*.c include/*.h tests/unit/*.c tests/unit/*.h

clean:
	rm -rf build backease

help:
	@echo 'make            build ./backease'
	@echo './configure     install the missing packages if it can, or say how'
	@echo 'make run        the same (quietly), then build and run'
	@echo 'make test       the same with the test packages, then build, run all tests'
	@echo 'make VARIANT=san test   the same with AddressSanitizer + UBSan'
	@echo 'make install    PREFIX=$(PREFIX) DESTDIR=$(DESTDIR)'
	@echo 'make doc/figures.txt    the gallery of the built-in figures'

-include $(APP_OBJS:.o=.d)

# Fuzzing (make fuzz FUZZ_SECONDS=N) and benchmarks (make bench) live with
# their scripts.
include tests/fuzz/fuzz.mk
include bench/bench.mk
