#!/usr/bin/env python3
"""Generates labelled memory-over-time series for `scripts/trend-accuracy`.

Each series is written the way derailed's perf:mem_over_time writes it: one Float per line, in
MiB, rounded to whole KiB (get_process_mem reads VmRSS in kB), one sample every 5 s. Every class
says which verdict `memreport trend` should give; `labels.tsv` lists file, class, expected verdict
and the parameters drawn. The output is a pure function of --seed.

Usage: generate-series.py OUTPUT_DIR [--seed N] [--per-class N]
"""
import argparse
import math
import os
import random

# class name -> expected verdict
CLASSES = {
    "leak-fast": "leak",            # steady growth, clearly visible
    "leak-slow": "leak",            # grows 10-30% of its level over the run
    "leak-hidden-in-noise": "leak", # slow growth, noise as large as the growth
    "leak-after-boot": "leak",      # boot bloat, then a steady leak
    "leak-sawtooth": "leak",        # a leak under a GC sawtooth
    "leak-steps": "leak",           # memory steps up again and again, to the end
    "leak-restart": "leak",         # a leak with one restart (a drop to the boot level)
    "plateau-short-warmup": "bloat",  # rises for 5-20% of the run, then flat
    "plateau-long-warmup": "bloat",   # rises for 30-50% of the run, then flat
    "plateau-linear-rise": "bloat",   # a straight rise, then flat (a kink)
    "plateau-one-step": "bloat",      # one step up, then flat
    "plateau-sawtooth": "bloat",      # bloat under a GC sawtooth
    "plateau-gc-drop": "bloat",       # bloat, one big GC drop, regrowth to the plateau
    "plateau-creep": "bloat",         # bloat whose plateau creeps by <1% of its level (like the real sample)
    "stable-noisy": "stable",         # flat with white or autocorrelated noise
    "stable-sawtooth": "stable",      # flat with a GC sawtooth
    "stable-spikes": "stable",        # flat with single-sample spikes and dips
    "short": "inconclusive",          # 3-25 samples: too short to tell
}


def rss(value):
    """MiB rounded to whole KiB, as get_process_mem reports it; never below 1 MiB."""
    return max(1.0, round(value * 1024) / 1024)


def noise_series(rng, n, sigma, phi=0.0):
    """Gaussian noise, optionally AR(1) with coefficient phi (same marginal sigma)."""
    out = []
    e = 0.0
    scale = math.sqrt(1 - phi * phi)
    for _ in range(n):
        e = phi * e + scale * rng.gauss(0, sigma)
        out.append(e)
    return out


def sawtooth(rng, n, period, amplitude):
    """A GC sawtooth: memory climbs by `amplitude` over each period, then drops back."""
    phase = rng.randrange(period)
    return [amplitude * (((i + phase) % period) / period) for i in range(n)]


def approach(i, warmup, height):
    """Exponential approach to `height`, within 1% of it at sample `warmup`."""
    tau = warmup / 4.6
    return height * (1 - math.exp(-i / tau))


def generate(cls, rng):
    n = rng.randint(120, 1500)
    base = rng.uniform(40, 500)
    p = {"n": n, "base": round(base, 1)}
    if cls == "leak-fast":
        rate = rng.uniform(0.3, 6.0)
        sigma = rng.uniform(0.05, 2.0)
        noise = noise_series(rng, n, sigma)
        values = [base + rate * i + noise[i] for i in range(n)]
        p.update(rate=round(rate, 3), sigma=round(sigma, 2))
    elif cls == "leak-slow":
        growth = base * rng.uniform(0.10, 0.30)
        sigma = rng.uniform(0.002, 0.01) * base
        noise = noise_series(rng, n, sigma, rng.choice([0.0, 0.5]))
        values = [base + growth * i / (n - 1) + noise[i] for i in range(n)]
        p.update(growth=round(growth, 1), sigma=round(sigma, 2))
    elif cls == "leak-hidden-in-noise":
        n = rng.randint(300, 2000)
        growth = base * rng.uniform(0.10, 0.20)
        sigma = growth * rng.uniform(0.4, 1.0)
        noise = noise_series(rng, n, sigma)
        values = [base + growth * i / (n - 1) + noise[i] for i in range(n)]
        p.update(n=n, growth=round(growth, 1), sigma=round(sigma, 2))
    elif cls == "leak-after-boot":
        boot = rng.uniform(30, 150)
        warmup = int(n * rng.uniform(0.05, 0.2))
        growth = (base + boot) * rng.uniform(0.15, 0.4)
        sigma = rng.uniform(0.1, 1.5)
        noise = noise_series(rng, n, sigma)
        values = [base + approach(i, warmup, boot) + growth * i / (n - 1) + noise[i] for i in range(n)]
        p.update(boot=round(boot, 1), warmup=warmup, growth=round(growth, 1))
    elif cls == "leak-sawtooth":
        period = rng.randint(8, 40)
        amp = base * rng.uniform(0.05, 0.15)
        growth = base * rng.uniform(0.2, 0.5)
        saw = sawtooth(rng, n, period, amp)
        noise = noise_series(rng, n, rng.uniform(0.05, 0.5))
        values = [base + growth * i / (n - 1) + saw[i] + noise[i] for i in range(n)]
        p.update(period=period, amp=round(amp, 1), growth=round(growth, 1))
    elif cls == "leak-steps":
        steps = rng.randint(5, 9)
        height = base * rng.uniform(0.03, 0.08)
        spacing = n / (steps + 0.5)
        offset = rng.uniform(0.2, 0.8) * spacing
        noise = noise_series(rng, n, rng.uniform(0.05, 0.5))
        values = [base + height * sum(1 for s in range(steps) if i >= offset + s * spacing) + noise[i] for i in range(n)]
        p.update(steps=steps, height=round(height, 1))
    elif cls == "leak-restart":
        at = int(n * rng.uniform(0.35, 0.6))
        rate = base * rng.uniform(0.3, 0.8) / n
        noise = noise_series(rng, n, rng.uniform(0.05, 1.0))
        values = [base + rate * (i if i < at else i - at) + noise[i] for i in range(n)]
        p.update(restart=at, rate=round(rate, 4))
    elif cls in ("plateau-short-warmup", "plateau-long-warmup", "plateau-creep"):
        share = rng.uniform(0.05, 0.2) if cls == "plateau-short-warmup" else rng.uniform(0.3, 0.5)
        if cls == "plateau-creep":
            share = rng.uniform(0.1, 0.3)
        warmup = max(3, int(n * share))
        height = base * rng.uniform(0.3, 3.0)
        level = base + height
        creep = level * rng.uniform(0.0, 0.008) if cls == "plateau-creep" else 0.0
        sigma = level * rng.uniform(0.0005, 0.006)
        noise = noise_series(rng, n, sigma, rng.choice([0.0, 0.6]))
        values = [base + approach(i, warmup, height) + creep * max(0, i - warmup) / (n - warmup) + noise[i] for i in range(n)]
        p.update(warmup=warmup, height=round(height, 1), creep=round(creep, 2), sigma=round(sigma, 2))
    elif cls == "plateau-linear-rise":
        warmup = max(3, int(n * rng.uniform(0.1, 0.5)))
        height = base * rng.uniform(0.3, 2.0)
        sigma = (base + height) * rng.uniform(0.0005, 0.005)
        noise = noise_series(rng, n, sigma)
        values = [base + height * min(1.0, i / warmup) + noise[i] for i in range(n)]
        p.update(warmup=warmup, height=round(height, 1))
    elif cls == "plateau-one-step":
        at = int(n * rng.uniform(0.1, 0.5))
        height = base * rng.uniform(0.05, 0.3)
        sigma = base * rng.uniform(0.0005, 0.005)
        noise = noise_series(rng, n, sigma)
        values = [base + (height if i >= at else 0) + noise[i] for i in range(n)]
        p.update(step=at, height=round(height, 1))
    elif cls == "plateau-sawtooth":
        warmup = max(3, int(n * rng.uniform(0.05, 0.4)))
        height = base * rng.uniform(0.3, 2.0)
        period = rng.randint(8, 40)
        amp = (base + height) * rng.uniform(0.05, 0.15)
        saw = sawtooth(rng, n, period, amp)
        noise = noise_series(rng, n, rng.uniform(0.05, 0.5))
        values = [base + approach(i, warmup, height) + saw[i] + noise[i] for i in range(n)]
        p.update(warmup=warmup, period=period, amp=round(amp, 1))
    elif cls == "plateau-gc-drop":
        warmup = max(3, int(n * rng.uniform(0.05, 0.25)))
        height = base * rng.uniform(0.5, 2.0)
        at = int(n * rng.uniform(0.45, 0.65))
        drop = (base + height) * rng.uniform(0.1, 0.3)
        regrow = max(3, int(n * rng.uniform(0.02, 0.08)))
        sigma = (base + height) * rng.uniform(0.0005, 0.004)
        noise = noise_series(rng, n, sigma)
        values = []
        for i in range(n):
            v = base + approach(i, warmup, height)
            if i >= at:
                v -= drop * math.exp(-(i - at) / (regrow / 4.6))
            values.append(v + noise[i])
        p.update(warmup=warmup, drop_at=at, drop=round(drop, 1))
    elif cls == "stable-noisy":
        sigma = base * rng.uniform(0.005, 0.03)
        phi = rng.choice([0.0, 0.0, 0.5, 0.8])
        noise = noise_series(rng, n, sigma, phi)
        values = [base + noise[i] for i in range(n)]
        p.update(sigma=round(sigma, 2), phi=phi)
    elif cls == "stable-sawtooth":
        period = rng.randint(8, 40)
        amp = base * rng.uniform(0.05, 0.2)
        saw = sawtooth(rng, n, period, amp)
        noise = noise_series(rng, n, rng.uniform(0.05, 0.5))
        values = [base + saw[i] + noise[i] for i in range(n)]
        p.update(period=period, amp=round(amp, 1))
    elif cls == "stable-spikes":
        sigma = base * rng.uniform(0.001, 0.005)
        noise = noise_series(rng, n, sigma)
        values = [base + noise[i] for i in range(n)]
        for _ in range(rng.randint(2, 8)):
            i = rng.randrange(n)
            values[i] += rng.choice([-1, 1]) * base * rng.uniform(0.05, 0.3)
        p.update(sigma=round(sigma, 2))
    elif cls == "short":
        n = rng.randint(3, 25)
        shape = rng.choice(["rising", "flat", "bloat"])
        noise = noise_series(rng, n, base * 0.005)
        if shape == "rising":
            values = [base + 3 * i + noise[i] for i in range(n)]
        elif shape == "flat":
            values = [base + noise[i] for i in range(n)]
        else:
            values = [base + approach(i, max(2, n // 2), base) + noise[i] for i in range(n)]
        p.update(n=n, shape=shape)
    else:
        raise ValueError(cls)
    return [rss(v) for v in values], p


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output")
    parser.add_argument("--seed", type=int, default=20260101)
    parser.add_argument("--per-class", type=int, default=40)
    args = parser.parse_args()
    os.makedirs(args.output, exist_ok=True)
    rng = random.Random(args.seed)
    with open(os.path.join(args.output, "labels.tsv"), "w") as manifest:
        manifest.write("file\tclass\texpected\tparameters\n")
        for cls, expected in CLASSES.items():
            for k in range(args.per_class):
                values, params = generate(cls, rng)
                name = f"{cls}-{k:03d}.txt"
                with open(os.path.join(args.output, name), "w") as f:
                    for v in values:
                        f.write(repr(float(v)) + "\n")
                desc = " ".join(f"{key}={value}" for key, value in params.items())
                manifest.write(f"{name}\t{cls}\t{expected}\t{desc}\n")


if __name__ == "__main__":
    main()
