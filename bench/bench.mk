# Benchmarks: `make bench` (about 3 minutes) and `make bench-long` (about
# 10 minutes).  Not part of `make test`.  See bench/README.md.
#
# `make bench` needs tmux, tty-clock (the baseline of the run-screen
# figures), strace and python3 besides the build packages; .ci/deps.sh
# installs the missing ones with apt-get when run as root, and otherwise
# prints the apt-get command and stops.  They are not in TEST_PKGS on
# purpose: the tests do not need them.

BENCH_PKGS  := tmux tty-clock strace python3
BENCH_BUILD := $(BUILD)/bench
BENCH_TOOLS := $(BENCH_BUILD)/spawn_time $(BENCH_BUILD)/empty \
               $(BENCH_BUILD)/load_time $(BENCH_BUILD)/yaml_scan \
               $(BENCH_BUILD)/run_time

.PHONY: bench bench-long bench-tools bench-deps

bench: bench-deps
	@$(MAKE) --no-print-directory $(BIN) bench-tools
	@BACKEASE=$(abspath $(BIN)) BENCH_BUILD=$(abspath $(BENCH_BUILD)) \
	    bench/bench.sh

bench-long: bench-deps
	@$(MAKE) --no-print-directory $(BIN) bench-tools
	@BACKEASE=$(abspath $(BIN)) BENCH_BUILD=$(abspath $(BENCH_BUILD)) \
	    bench/bench.sh long

bench-deps:
	@.ci/deps.sh --commands $(BENCH_PKGS)

bench-tools: $(BENCH_TOOLS)

$(BENCH_BUILD):
	@mkdir -p $@

# The baseline of `backease list`: links every library backease links, and
# keeps them all (--no-as-needed) so that the loader really maps them.
$(BENCH_BUILD)/empty: bench/empty.c | $(BENCH_BUILD)
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< -Wl,--no-as-needed $(LIB_LIBS) \
	    $(LDFLAGS)

$(BENCH_BUILD)/spawn_time: bench/spawn_time.c bench/clock_ns.c \
                           bench/clock_ns.h | $(BENCH_BUILD)
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_CFLAGS) -Ibench -o $@ $< bench/clock_ns.c $(LDFLAGS)

$(BENCH_BUILD)/run_time: bench/run_time.c bench/clock_ns.c bench/clock_ns.h \
                         | $(BENCH_BUILD)
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_CFLAGS) -Ibench -o $@ $< bench/clock_ns.c $(LDFLAGS)

$(BENCH_BUILD)/yaml_scan: bench/yaml_scan.c bench/yaml_scan.h | $(BENCH_BUILD)
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_CFLAGS) $(LIB_CFLAGS) -DYAML_SCAN_MAIN -o $@ $< \
	    $(CORE_LIBS) $(LDFLAGS)

# Links the core objects like the unit tests do, and times catalog loading
# in-process against yaml_scan() on the same buffer.
$(BENCH_BUILD)/load_time: bench/load_time.c bench/yaml_scan.c \
                          bench/yaml_scan.h bench/clock_ns.c \
                          $(CORE_OBJS) | $(BENCH_BUILD)
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_CFLAGS) $(LIB_CFLAGS) -Ibench -o $@ bench/load_time.c \
	    bench/yaml_scan.c bench/clock_ns.c $(CORE_OBJS) $(CORE_LIBS) \
	    $(LDFLAGS)
