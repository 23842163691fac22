#!/usr/bin/env python3
"""An independent reading of the committed derailed require trees (Samples/boot/), written
without memreport's code, to check the numbers its tests assert (RequireTreeTests, BootTests).

    scripts/boot-check.py            # prints the facts the tests assert

Each line `(2 spaces x depth)name: <float> MiB[ (Also required by: ...)]`; values are read as
KiB = round(MiB * 1024). Own cost = inclusive - sum of the children shown.
"""
import os
import re
import statistics

HERE = os.path.dirname(os.path.abspath(__file__))
BOOT = os.path.join(HERE, "..", "Samples", "boot")
LINE = re.compile(r"^( *)(.*): (-?[0-9.]+) (?:MiB|mb)(?: \(Also required by: (.*)\))?$")


def read(name):
    trees = []
    with open(os.path.join(BOOT, name), encoding="utf-8") as f:
        for raw in f:
            m = LINE.match(raw.rstrip("\n"))
            if not m:
                continue
            indent, label, value, also = m.groups()
            depth = len(indent) // 2
            kib = round(float(value) * 1024)
            if label == "TOP" and depth == 0:
                trees.append([])
                stack = []
            tree = trees[-1]
            del stack[depth:]
            parent = stack[-1] if stack else None
            tree.append({"name": label, "depth": depth, "kib": kib, "parent": parent,
                         "also": also.split(", ") if also else []})
            stack.append(len(tree) - 1)
    return trees


def own(tree, i):
    return tree[i]["kib"] - sum(n["kib"] for n in tree if n["parent"] == i)


def find(tree, name, depth=None):
    return next(i for i, n in enumerate(tree) if n["name"] == name and (depth is None or n["depth"] == depth))


def path_values(trees):
    out = {}
    for t in trees:
        paths = []
        for i, n in enumerate(t):
            p = () if n["parent"] is None else paths[n["parent"]] + (n["name"],)
            paths.append(p)
            out.setdefault(p, []).append(n["kib"])
    return out


def main():
    for name in ["shop-1.txt", "shop-all-1.txt", "api-1.txt", "shop-perf-mem.txt",
                 "shop-without-mail-1.txt", "shop-1-derailed-1.0.0.txt"]:
        t = read(name)[0]
        print(f"{name}: nodes {len(t)} (requires {len(t) - 1}), TOP {t[0]['kib']} KiB,"
              f" max depth {max(n['depth'] for n in t)}, gems {[n['name'] for n in t if n['depth'] == 1]}")
    t = read("shop-1.txt")[0]
    for name in ["sinatra", "openssl", "rack/protection/encrypted_cookie", "mail"]:
        i = find(t, name)
        n = t[i]
        print(f"shop-1 {name}: index {i} depth {n['depth']} kib {n['kib']} own {own(t, i)} also {n['also']}")
    print(f"shop-1 TOP own {own(t, 0)}")
    print(f"shop-three-runs trees: {len(read('shop-three-runs.txt'))}")
    tops = lambda names: [read(n)[0][0]["kib"] for n in names]
    before = tops([f"shop-{i}.txt" for i in range(1, 6)])
    after = tops([f"shop-without-mail-{i}.txt" for i in range(1, 6)])
    print(f"TOP before {before} median {statistics.median(before)}; after {after} median {statistics.median(after)}")
    d = statistics.median(after) - statistics.median(before)
    spread = max(max(before) - min(before), max(after) - min(after))
    disjoint = max(after) < min(before) or max(before) < min(after)
    print(f"TOP delta {d} KiB, spread {spread}, disjoint {disjoint},"
          f" real {abs(d) > 512 and (abs(d) > 3 * spread or disjoint)}")
    a, b = tops(["shop-1.txt"]), tops(["shop-2.txt"])
    d1 = b[0] - a[0]
    print(f"shop-1 vs shop-2: TOP delta {d1} KiB, real {abs(d1) > 512 and abs(d1) >= 0.03 * a[0]}")
    pv = path_values([read(f'shop-{i}.txt')[0] for i in range(1, 6)])
    mail = pv[("mail",)]
    print(f"mail before runs {mail} median {statistics.median(mail)}")
    pa = path_values([read(f'shop-without-mail-{i}.txt')[0] for i in range(1, 6)])
    print(f"mail after present: {('mail',) in pa}; mail subtree before (shop-1): "
          f"{[n['name'] for n in t if n['depth'] > 1 and t[find(t, 'mail')]['depth'] == 1 and _under(t, n, find(t, 'mail'))]}")


def _under(tree, node, root):
    p = node["parent"]
    while p is not None:
        if p == root:
            return True
        p = tree[p]["parent"]
    return False


if __name__ == "__main__":
    main()
