# benchmark rules
.PHONY: bench bench-long
