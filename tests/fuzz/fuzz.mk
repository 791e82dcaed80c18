# fuzzing rules: see tests/fuzz/README
.PHONY: fuzz
