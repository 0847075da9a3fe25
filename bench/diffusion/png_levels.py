#!/usr/bin/env python3
"""Benchmark (not a test): Pillow PNG encode time and size of a 1024² photo-like image per zlib
level, the cost the runner adds per output image (it saves at level 1).

    runners/diffusers/.venv/bin/python bench/diffusion/png_levels.py [--reps 7]

Two images: a smooth photo-like one (gradients, an edge, sensor-like noise sigma 3) and a noisy
one (sigma 12, nearly incompressible, the worst case for a low level). Ratios are against level 6,
Pillow's default, measured interleaved in the same run.
"""

from __future__ import annotations

import argparse
import io
import statistics
import time

import numpy as np
from PIL import Image

LEVELS = (6, 3, 1, 0)


def photo_like(size: int, sigma: float) -> Image.Image:
    rng = np.random.default_rng(0)
    y, x = np.mgrid[0:size, 0:size].astype(np.float32) / size
    img = np.stack([200 * x + 30, 160 * y + 40, 120 * (1 - x) * y + 60], axis=-1)
    img[size // 3 : size // 2, size // 4 : 3 * size // 4] = (40, 40, 50)
    img += rng.normal(0, sigma, img.shape)
    return Image.fromarray(np.clip(img, 0, 255).astype(np.uint8))


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--reps", type=int, default=7)
    args = p.parse_args()
    print("| image | zlib level | encode ms (median) | vs level 6 | size MB |")
    print("|---|---:|---:|---:|---:|")
    for name, sigma in (("photo-like (noise sigma 3)", 3.0), ("noisy (sigma 12)", 12.0)):
        im = photo_like(1024, sigma)
        times: dict[int, list[float]] = {level: [] for level in LEVELS}
        sizes: dict[int, int] = {}
        for _ in range(args.reps):
            for level in LEVELS:  # interleaved, so load changes hit every level alike
                buf = io.BytesIO()
                t = time.perf_counter()
                im.save(buf, format="PNG", compress_level=level)
                times[level].append(time.perf_counter() - t)
                sizes[level] = buf.tell()
        base = statistics.median(times[6])
        for level in LEVELS:
            med = statistics.median(times[level])
            print(f"| {name} | {level} | {med * 1e3:.0f} | {med / base:.2f}x | {sizes[level] / 1e6:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
