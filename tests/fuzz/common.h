/* common: what the fuzz harnesses share. */
#ifndef BACKEASE_FUZZ_COMMON_H
#define BACKEASE_FUZZ_COMMON_H

/* Reports a broken invariant of harness `who` with the offending text
 * (labelled `label`, bytes outside printable ASCII escaped), and aborts so
 * that libFuzzer keeps the input. */
_Noreturn void fuzz_die(const char *who, const char *what, const char *label,
                        const char *detail);

#endif
