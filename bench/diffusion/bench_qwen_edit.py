#!/usr/bin/env python3
"""Benchmark (not a test): Easel's diffusion runner against the bare diffusers pipeline it wraps.

One 1024x1024 edit with one 1024x1024 reference image, Qwen-Image-Edit-2509 at its real size with
random weights (same FLOPs as trained ones), on one GPU. For each variant (eager, compile, fp8,
compile+fp8) it times, one after the other so only one copy of the model is ever on the GPU:

  bare    QwenImageEditPlusPipeline built in a worker process, called directly;
  runner  `python -m easel_runner --random-weights ...` driven over its JSON-lines protocol the
          way Easel drives it (write a PNG, send `edit`, read progress until `done`); the time is
          from sending `edit` to reading `done`.

Modes: full (40 steps, true CFG 4.0, negative prompt " "), 8step and 4step (CFG off, the cost of
a fused Lightning LoRA). Warm-up edits are excluded and reported apart (they hold the compile time).
Writes JSON (default $OUT/diffusion_bench.json) after every measurement, so a run cut off by a
time limit keeps what it measured, and prints a markdown table. See bench/diffusion/README.md.

    bench_qwen_edit.py --tiny                 # CPU smoke run with tiny configs
    bench_qwen_edit.py --variants eager --modes full,8step,4step --reps 3
    bench_qwen_edit.py --dry-run ...          # print the plan and its H100 time estimate only
    bench_qwen_edit.py --table a.json b.json  # one table from several result files
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

from bare_side import bare_worker, run_bare
from common import missing_modules, mode_plan, png_encode_ms, write_reference
from report import estimate_s, header, overheads, table, versions
from runner_side import run_runner
from settings import AIMS, AIMS_TEXT, FIXTURES, MODES, PROMPT, RUNNER_SRC, VARIANTS, log_name

def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--tiny", action="store_true", help="CPU smoke run: tiny configs, few steps, 128x128")
    p.add_argument("--modes", default="full,8step,4step", help=f"comma list of {','.join(MODES)}")
    p.add_argument("--variants", default="eager,compile,fp8", help=f"comma list of {','.join(VARIANTS)}")
    p.add_argument("--sides", default="bare,runner", help="comma list of bare,runner")
    p.add_argument("--reps", type=int, default=3, help="timed edits per mode (median reported)")
    p.add_argument("--warmup", type=int, default=1, help="untimed warm-up edits per process")
    p.add_argument("--size", type=int, help="output and reference side (default 1024, tiny 128)")
    p.add_argument("--variant", choices=("2509", "2511"), default="2509", help="Qwen-Image-Edit release")
    p.add_argument("--out", help="result JSON (default $OUT/diffusion_bench.json, else ./diffusion_bench.json)")
    p.add_argument("--timeout", type=float, default=1800, help="seconds without progress before giving up")
    p.add_argument("--dry-run", action="store_true", help="print the plan and an H100 time estimate, run nothing")
    p.add_argument("--table", nargs="+", metavar="JSON", help="print one table from result files and exit")
    p.add_argument("--worker-bare", help=argparse.SUPPRESS)
    p.add_argument("--worker-result", help=argparse.SUPPRESS)
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.table:
        results = [json.loads(Path(p).read_text()) for p in args.table]
        print(header(results[0]["meta"]))
        print()
        print(table(results))
        print()
        print(AIMS_TEXT)
        return 0

    if args.worker_bare:  # the parent checked the packages
        result = bare_worker(json.loads(args.worker_bare))
        Path(args.worker_result).write_text(json.dumps(result))
        return 0

    modes_all = mode_plan(args.tiny)
    try:
        modes = {m: modes_all[m] for m in args.modes.split(",")}
        variants = [v for v in args.variants.split(",") if VARIANTS[v] is not None]
        sides = [s for s in args.sides.split(",") if s in ("bare", "runner")] or ["bare", "runner"]
    except KeyError as exc:
        print(f"bench_qwen_edit: unknown mode or variant {exc}", file=sys.stderr)
        return 2
    size = args.size or (128 if args.tiny else 1024)
    est = estimate_s(variants, modes, args.reps, args.warmup, sides)
    print(f"plan: variants {variants}, modes {list(modes)}, sides {sides}, {args.reps} reps + {args.warmup} warm-up; "
          f"estimated {est / 60:.1f} min on an H100 (device tool limit: 10 min per command)", flush=True)
    if args.dry_run:
        return 0
    missing = missing_modules()
    if missing:
        print("bench_qwen_edit: missing Python packages: " + ", ".join(missing), file=sys.stderr)
        print(f"  Python {platform.python_version()} at {sys.executable}. Bring wheels as bench/diffusion/README.md "
              "says (section 'Wheels'), then: python -m pip install --no-index --find-links bench/diffusion/wheels "
              "diffusers transformers", file=sys.stderr)
        return 3

    import torch

    if args.tiny:
        device, dtype = "cpu", "float32"
    elif torch.cuda.is_available():
        device, dtype = "cuda", "bfloat16"
    else:
        print("bench_qwen_edit: no CUDA device; use --tiny for the CPU smoke run", file=sys.stderr)
        return 2

    out_path = Path(args.out) if args.out else Path(os.environ.get("OUT", ".")) / "diffusion_bench.json"
    out_path.parent.mkdir(parents=True, exist_ok=True)
    sys.path[:0] = [str(RUNNER_SRC), str(FIXTURES)]
    from easel_fixtures.configs import write_configs

    with tempfile.TemporaryDirectory(prefix="easel-bench-") as tmp:
        work = Path(tmp)
        configs = write_configs(work / "configs", "tiny" if args.tiny else "real", args.variant)
        image = work / "reference.png"
        write_reference(image, size if args.tiny else 1024)
        meta = {**versions(), "tiny": args.tiny, "device": device, "dtype": dtype, "size": size,
                "qwen_variant": args.variant, "reps": args.reps, "warmup": args.warmup,
                "png_encode_ms_reference": png_encode_ms(image), "prompt": PROMPT}
        if device == "cpu":
            meta["gpu"] = f"none (CPU, {os.cpu_count()} cores)"
        results = {"meta": meta, "aims": AIMS, "runs": [], "overhead": {}}
        spec_base = {"configs": str(configs), "image": str(image), "size": size, "device": device, "dtype": dtype,
                     "modes": modes, "reps": args.reps, "warmup": args.warmup}
        logs = out_path.parent / (out_path.stem + "-logs")
        logs.mkdir(exist_ok=True)
        failures = 0
        for variant in variants:
            for side in sides:
                spec = {**spec_base, "variant": variant}
                log_path = logs / log_name(side, variant)
                started = time.perf_counter()
                print(f"-- {side} {variant} ...", flush=True)
                try:
                    run = (run_bare if side == "bare" else run_runner)(spec, work, log_path, args.timeout)
                except Exception as exc:  # record and go on: other variants may still fit the time limit
                    failures += 1
                    run = {"side": side, "variant": variant, "modes": {}, "error": f"{type(exc).__name__}: {exc}"}
                    print(f"   failed: {run['error']}", flush=True)
                run["wall_s"] = round(time.perf_counter() - started, 1)
                if "gpu" in run:
                    meta["gpu"] = run.pop("gpu")
                results["runs"].append(run)
                results["overhead"] = overheads(results["runs"])
                out_path.write_text(json.dumps(results, indent=1))
                summary = ", ".join(f"{m} {r['median_s']:.2f}s" for m, r in run["modes"].items())
                print(f"   {side} {variant}: load {run.get('load_s')} s, warm-up {run.get('warmup_s')}, {summary} "
                      f"({run['wall_s']} s wall)", flush=True)

    print()
    print(header(meta))
    print()
    print(table([results]))
    print()
    print(AIMS_TEXT)
    print(f"\nwrote {out_path}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
