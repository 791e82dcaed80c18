#!/usr/bin/env python3
"""gen_history.py N FILE: a deterministic history of N lines ending today
(local time as the machine says it), six runs a day going back, in the
format backease writes (SPEC section 5): a fifth of the lines are old
six-field ones, the rest have check-in answers, some `-`."""
import datetime
import sys

PRESETS = ["warmup-6", "desk-break", "strength", "cool-down", "neck-5",
           "yoga-10", "posture", "evening", "morning", "quick", "long",
           "shoulders"]


def main():
    n, path = int(sys.argv[1]), sys.argv[2]
    today = datetime.date.today()
    per_day = 6
    with open(path, "w") as f:
        for i in range(n):
            k = (n - 1 - i) // per_day  # oldest first
            day = today - datetime.timedelta(days=k)
            hour = 7 + (i % per_day) * 2
            offset = "+01:00" if i % 7 else "-05:00"
            preset = PRESETS[i * 7 % len(PRESETS)]
            planned = 360 + i % 5 * 60
            active = planned - i % 37
            status = "quit" if i % 9 == 0 else "done"
            line = (f"{day.isoformat()}T{hour:02d}:{i % 60:02d}:00{offset}"
                    f"\t{preset}\t{planned}\t{active}\t{i % 12}/12\t{status}")
            if i % 5:
                before = "-" if i % 4 == 0 else str(i % 11)
                after = "-" if i % 6 == 0 else str(i % 8)
                line += f"\t{before}\t{after}"
            f.write(line + "\n")


if __name__ == "__main__":
    main()
