#!/usr/bin/env python3
"""Benchmark (not a test): what the runner's first-block step cache costs in fidelity.

Runs one seeded edit without the cache and with `--cache first-block:T` for several thresholds,
in-process through the runner's own loading and editing code, and prints per threshold the PSNR
of the output against the uncached one and the fraction of transformer calls skipped.

    runners/diffusers/.venv/bin/python bench/diffusion/cache_fidelity.py            # tiny random pipeline, CPU
    ... cache_fidelity.py --weights DIR [--random-weights] --size 1024 --steps 40 --guidance 4

The tiny pipeline's random weights denoise nothing in particular, so its numbers show that the
mechanism behaves (0 is exact, skips grow with the threshold) and not what the real model loses.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

from common import write_reference
from settings import FIXTURES, PROMPT, RUNNER_SRC

THRESHOLDS = (0.0, 0.02, 0.05, 0.08, 0.12, 0.2)


def psnr(a, b) -> float:
    import numpy as np

    mse = float(np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2))
    return math.inf if mse == 0 else 10 * math.log10(255.0**2 / mse)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--weights", help="pipeline folder (default: build the tiny 2509 pipeline in a temporary folder)")
    p.add_argument("--random-weights", action="store_true", help="build the models from the folder's configs")
    p.add_argument("--thresholds", default=",".join(f"{t:g}" for t in THRESHOLDS))
    p.add_argument("--size", type=int, default=128, help="output side (tiny default 128)")
    p.add_argument("--steps", type=int, default=40)
    p.add_argument("--guidance", type=float, default=4.0)
    p.add_argument("--seed", type=int, default=42)
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    sys.path[:0] = [str(RUNNER_SRC), str(FIXTURES)]
    import numpy as np
    from PIL import Image

    from easel_runner.cachespec import parse_cache
    from easel_runner.editing import run_edit
    from easel_runner.loading import RunnerOptions, load_pipeline
    from easel_runner.protocol import EditRequest
    from easel_runner.weights import inspect_weights

    with tempfile.TemporaryDirectory(prefix="easel-cache-") as tmp:
        work = Path(tmp)
        weights = args.weights
        if weights is None:
            from easel_fixtures.tiny import build

            weights = str(build(work / "tiny", variant="2509", seed=0))
        image = work / "reference.png"
        write_reference(image, 1024)
        pixels = args.size * args.size
        rows = []
        reference = None
        for spec in [None] + [f"first-block:{t}" for t in args.thresholds.split(",")]:
            opts = RunnerOptions(weights=weights, max_pixels=pixels, min_pixels=pixels, cache=parse_cache(spec),
                                 random_weights=args.random_weights)
            loaded = load_pipeline(inspect_weights(weights), opts)
            req = EditRequest(id="f", prompt=PROMPT, negative_prompt=None, images=[str(image)], width=args.size,
                              height=args.size, num_images=1, seed=args.seed, steps=args.steps, guidance=args.guidance,
                              prompt_extend=False, output_dir=str(work / (spec or "uncached")))
            started = time.perf_counter()
            done = run_edit(loaded, req, lambda *a, **k: None, threading.Event())
            seconds = time.perf_counter() - started
            with Image.open(done["images"][0]) as im:
                out = np.asarray(im.convert("RGB"))
            if reference is None:
                reference = out
            counts = done["cache"] or {"calls": 0, "skipped": 0}
            rows.append((spec or "off", psnr(out, reference), counts, seconds))
            print(f"{spec or 'off'}: {counts} {seconds:.1f} s", file=sys.stderr, flush=True)
            del loaded

    print(f"{'tiny random' if args.weights is None else args.weights} pipeline, {args.size}x{args.size}, "
          f"{args.steps} steps, guidance {args.guidance:g}, seed {args.seed}\n")
    print("| cache | PSNR vs uncached (dB) | transformer calls skipped | edit s |")
    print("|---|---:|---:|---:|")
    for spec, db, counts, seconds in rows:
        frac = f"{counts['skipped']}/{counts['calls']} ({counts['skipped'] / counts['calls']:.0%})" if counts["calls"] else "–"
        print(f"| {spec} | {'identical' if math.isinf(db) else f'{db:.1f}'} | {frac} | {seconds:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
