#!/usr/bin/env python3
"""Write a synthetic memory_profiler report as large as a big app's (all 16 sections, long string
reports), for scripts/bench. Deterministic: the same arguments give the same bytes.

usage: generate-big-report.py OUT [--rows 300000] [--copies 1] [--variant N]
--copies N repeats the report N times in one file (several runs appended, as in a log), which is
how the benchmark builds its 1 GB input. --variant N (N > 0) makes an "after" report: every 7th
row grows by N×10% and every 11th location moves down 2 lines, for the diff benchmark.
"""
import random, sys

def main():
    args = sys.argv[1:]
    out = args[0]
    rows = int(args[args.index("--rows") + 1]) if "--rows" in args else 300_000
    copies = int(args[args.index("--copies") + 1]) if "--copies" in args else 1
    variant = int(args[args.index("--variant") + 1]) if "--variant" in args else 0
    rnd = random.Random(42)
    gems = [f"gem{i}-{rnd.randint(1,9)}.{rnd.randint(0,20)}.{rnd.randint(0,9)}" for i in range(400)]
    home = "/srv/app/vendor/bundle/ruby/3.3.0/gems"
    files = []
    for i in range(rows // 10):
        g = gems[i % len(gems)]
        files.append(f"{home}/{g}/lib/m{i % 97}/f{i}.rb")
    locations = [f"{files[i % len(files)]}:{(i * 7919) % 5000 + 1 + (2 if variant and i % 11 == 0 else 0)}" for i in range(rows)]
    classes = [f"App::Model{i}" for i in range(2000)] + ["String", "Array", "Hash"]

    sums = {}

    def section(title, keys, total, scale):
        lines = [title, "-" * 35]
        listed = 0
        for i, key in enumerate(keys):
            value = max(1, int(total / (i + 2) / scale))
            if variant and i % 7 == 0:
                value = int(value * (1 + variant / 10))
            listed += value
            lines.append(f"{value:>10}  {key}")
        key = tuple(title.split()[:2])
        sums[key] = max(sums.get(key, 0), listed)
        return "\n".join(lines) + "\n"

    body = []
    for state in ("allocated", "retained"):
        for metric in ("memory", "objects"):
            scale = 1 if metric == "memory" else 40
            base = 98765432 if state == "allocated" else 9876543
            for name, keys in (("gem", gems), ("file", files), ("location", locations), ("class", classes)):
                body.append("\n" + section(f"{state} {metric} by {name}", keys, base, scale))
    # Totals exceed every section's listed sum, as in a real top-N report.
    a_bytes, a_objects = sums[("allocated", "memory")] * 2, sums[("allocated", "objects")] * 2
    r_bytes, r_objects = sums[("retained", "memory")] * 2, sums[("retained", "objects")] * 2
    parts = [f"Total allocated: {a_bytes} bytes ({a_objects} objects)\nTotal retained:  {r_bytes} bytes ({r_objects} objects)\n"] + body
    for kind in ("Allocated", "Retained"):
        lines = ["", f"{kind} String Report", "-" * 35]
        for g in range(3000):
            text = ("lorem ipsum dolor sit amet " * 8)[: 40 + g % 160]
            locs = [(locations[(g * 31 + j) % rows], 40 - j) for j in range(40)]
            lines.append(f"{sum(c for _, c in locs):>10}  \"{text} {g}\"")
            for loc, c in locs:
                lines.append(f"{c:>10}  {loc}")
            lines.append("")
        parts.append("\n" + "\n".join(lines) + "\n")
    report = "".join(parts)
    with open(out, "w") as f:
        for _ in range(copies):
            f.write(report)

main()
