#!/usr/bin/env python3
"""Writes a synthetic backease catalog with N exercises and a few presets.

Usage: gen_catalog.py N [OUT]   (OUT defaults to standard output)

Every exercise is written as data/exercises.yaml writes its own: id,
name, kind, position, equipment (often []), sides, only the timing keys
its way of timing uses (no key written only to be 0, no sets: 1), four
steps, two cues, a caution in two of three, a quoted source, one to three
areas, and a figure of two to four frames of five lines (from a second
random stream).  The four ways of timing (time, hold + reps, breaths +
reps, reps + tempo with sets and rest) rotate, and so do the duration
spellings (30, 30s, 1m30s).  Output is deterministic, so two runs time the
same bytes.
"""
import random
import sys

KINDS = ["warmup", "stretch", "strength", "yoga", "posture"]
POSITIONS = ["seated", "standing", "floor", "any"]
EQUIPMENT = ["dumbbell", "resistance-band", "chair", "wall", "pull-up-bar",
             "yoga-strap", "foam-roller", "mat"]
VERBS = ["Stand tall", "Sit up straight", "Kneel on the mat", "Lie on your back",
         "Face the wall", "Hold the band", "Rest your forearms", "Reach forward"]
PARTS = ["your shoulder blades", "your elbows", "your chin", "your upper back",
         "your hands", "your knees", "your hips", "your ribs"]
ENDS = ["and hold the position without straining.",
        "keeping the movement slow and even.",
        "then return to the start on an out-breath.",
        "as far as feels comfortable, never into pain.",
        "while your neck stays long and relaxed."]
CAUTIONS = ["Stop if you feel sharp pain, numbness or tingling.",
            "Move gently; stop if you feel dizzy.",
            "Keep the range small if your neck is sore.",
            "Skip this one after a recent shoulder injury."]
SOURCES = ["6 Exercises for Upper Back Pain",
           "9 Exercises for easing and preventing upper back pain",
           "10 Best Upper Back Pain Exercises for a Healthier You",
           "How to Relieve Upper Back Pain with Exercise",
           "Upper Back Pain Treatment: The Top Exercises And Stretches"]
AREAS = ["neck", "shoulders", "upper-back", "mid-back", "chest", "core",
         "full-body"]
# Frames of one figure, five lines each; a block scalar's first line must
# not start with a space (or it needs |2), so each starts at the edge.
POSES = [["\\o/", " |", "/ \\", "", "---------"],
         ["_o_", " |", "/ \\", "", "---------"],
         ["o", "|\\", "| \\", "|", "---------"],
         ["o__", "|  \\__", "|", "/\\", "=========="]]


def figure(frng, w):
    """areas and a figure, from their own random stream."""
    w("    areas: [%s]\n" % ", ".join(frng.sample(AREAS, frng.randint(1, 3))))
    w("    figure:\n")
    w("      frames:\n")
    for pose in frng.sample(POSES, frng.randint(2, 4)):
        w("        - |\n")
        for line in pose:
            w("          %s\n" % line if line else "\n")
    if frng.randrange(2):
        w("      mirror: %s\n" % frng.choice(["true", "false"]))


def dur(rng, seconds):
    """One of the duration spellings the spec allows."""
    form = rng.randrange(3)
    if form == 0 or seconds < 60:
        return str(seconds) if form != 1 else "%ds" % seconds
    m, s = divmod(seconds, 60)
    return "%dm%ds" % (m, s) if s else "%dm" % m


def exercise(rng, frng, i, out):
    way = i % 4
    p = dict(time="0", hold="0", breaths="0", reps="0", tempo="0",
             sets="1", rest="0")
    sides = "none"
    if way == 0:
        p["time"] = dur(rng, rng.choice([30, 45, 60, 90]))
    elif way == 1:
        p["hold"] = dur(rng, rng.choice([10, 15, 20, 30]))
        p["reps"] = str(rng.randint(2, 5))
        sides = "each"
    elif way == 2:
        p["breaths"] = str(rng.randint(3, 8))
        p["reps"] = str(rng.randint(1, 3))
    else:
        p["reps"] = str(rng.randint(8, 15))
        p["tempo"] = dur(rng, rng.choice([2, 3, 4]))
        p["sets"] = str(rng.randint(2, 3))
        p["rest"] = dur(rng, rng.choice([15, 30, 60, 75]))
        sides = rng.choice(["none", "alternate"])
    eq = rng.sample(EQUIPMENT, rng.randrange(3))
    w = out.write
    w("  - id: gen-ex-%05d\n" % i)
    w("    name: Generated Move %d %s\n" % (i, rng.choice(PARTS).split()[-1].title()))
    w("    kind: %s\n" % rng.choice(KINDS))
    w("    position: %s\n" % rng.choice(POSITIONS))
    w("    equipment: [%s]\n" % ", ".join(eq))
    w("    sides: %s\n" % sides)
    for k in ("time", "hold", "breaths", "reps", "tempo", "sets", "rest"):
        if p[k] not in ("0", "1") or (k == "reps" and p[k] == "1"):
            w("    %s: %s\n" % (k, p[k]))
    w("    steps:\n")
    for _ in range(4):
        w("      - %s, move %s %s\n" % (rng.choice(VERBS), rng.choice(PARTS),
                                       rng.choice(ENDS)))
    w("    cues: [Keep %s soft, Breathe steadily]\n" % rng.choice(PARTS))
    caution = rng.choice(CAUTIONS)
    if i % 3 != 2:
        w("    caution: \"%s\"\n" % caution)
    w("    source: \"%s\"\n" % rng.choice(SOURCES))
    figure(frng, w)


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: gen_catalog.py N [OUT]")
    n = int(sys.argv[1])
    out = open(sys.argv[2], "w") if len(sys.argv) == 3 else sys.stdout
    rng = random.Random(20240601 + n)
    frng = random.Random(20250101 + n)
    out.write("# Generated by bench/gen_catalog.py %d; do not edit.\n" % n)
    out.write("exercises:\n")
    for i in range(n):
        exercise(rng, frng, i, out)
    out.write("presets:\n")
    for k in range(5):
        out.write("  - id: gen-preset-%d\n" % k)
        out.write("    name: Generated preset %d\n" % k)
        out.write("    summary: A mix of generated moves.\n")
        out.write("    items:\n")
        for j in range(8):
            i = (k * 997 + j * 131) % n
            out.write("      - exercise: gen-ex-%05d\n" % i)
            if j % 3 == 1 and i % 4 == 0:
                out.write("        time: 45\n")
            elif j % 3 == 2:
                out.write("        sets: 1\n")
    if out is not sys.stdout:
        out.close()


main()
