#!/usr/bin/env python3
"""Writes a synthetic derailed `bundle:mem` require tree of N nodes (for scripts/bench).

    scripts/generate-require-tree.py OUT [--nodes 5000] [--seed 1] [--variant 0]

The shape follows the real samples (Samples/boot/): about 40 gems under TOP, each a subtree up to
12 levels deep, values in MiB at KiB resolution printed as derailed does (`round(4)`), inclusive of
their children, "Also required by" on every tenth node. `--variant 1` drops one gem's subtree,
moves a few requires and jitters every value by up to 2%, as a second run after a change would.
"""
import argparse
import random


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--nodes", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--variant", type=int, default=0)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    # Build the tree: (name, depth, own KiB), pre-order.
    nodes = []
    gems = 40
    per_gem = (args.nodes - 1) // gems
    for g in range(gems):
        name = f"gem{g:02d}"
        nodes.append([name, 1, rng.randint(0, 400)])
        depth = 1
        for i in range(per_gem - 1):
            depth = max(2, min(12, depth + rng.choice([-2, -1, 0, 1, 1])))
            nodes.append([f"{name}/lib/{name}/part{i:04d}", depth, rng.randint(4, 300)])
    while len(nodes) < args.nodes - 1:
        nodes.append([f"extra{len(nodes)}", 1, rng.randint(4, 300)])
    if args.variant:
        vr = random.Random(args.seed + args.variant)
        # Drop the subtree of gem07.
        start = next(i for i, n in enumerate(nodes) if n[0] == "gem07")
        end = next(i for i in range(start + 1, len(nodes)) if nodes[i][1] == 1)
        del nodes[start:end]
        for n in nodes:
            n[2] = max(0, round(n[2] * (1 + vr.uniform(-0.02, 0.02))))
    # Inclusive costs: own plus the children, computed bottom-up without recursion.
    inclusive = [n[2] for n in nodes]
    stack = []
    for i, n in enumerate(nodes):
        while stack and nodes[stack[-1]][1] >= n[1]:
            stack.pop()
        stack.append(i)
    parents = [None] * len(nodes)
    stack = []
    for i, n in enumerate(nodes):
        while stack and nodes[stack[-1]][1] >= n[1]:
            stack.pop()
        parents[i] = stack[-1] if stack else None
        stack.append(i)
    for i in range(len(nodes) - 1, -1, -1):
        if parents[i] is not None:
            inclusive[parents[i]] += inclusive[i]
    top = sum(inclusive[i] for i in range(len(nodes)) if parents[i] is None) + 20000
    with open(args.out, "w") as f:
        f.write(f"TOP: {round(top / 1024, 4)} MiB\n")
        for i, n in enumerate(nodes):
            line = "  " * n[1] + f"{n[0]}: {round(inclusive[i] / 1024, 4)} MiB"
            if i % 10 == 3:
                line += f" (Also required by: {nodes[i - 1][0]}, gem00)"
            f.write(line + "\n")


if __name__ == "__main__":
    main()
