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
import importlib
import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RUNNER_SRC = HERE.parent.parent / "runners" / "diffusers" / "src"

PROMPT = "Replace the sky with a warm orange sunset and keep the buildings unchanged."
MODES = {  # name -> (steps, guidance)
    "full": (40, 4.0),
    "8step": (8, 1.0),
    "4step": (4, 1.0),
}
# Tiny CPU models spend their time in the VAE and in attention over the 1024x1024 reference, so
# the smoke run keeps the mode semantics (CFG or not) with fewer steps.
TINY_STEPS = {"full": 2, "8step": 2, "4step": 1}
VARIANTS = {  # name -> (compile, fp8)
    "eager": (False, False),
    "compile": (True, False),
    "fp8": (False, True),
    "compile+fp8": (True, True),
}
WARMUP = (2, 4.0)  # steps, guidance: CFG on, so both prompt lengths are seen (and compiled)
AIMS = {
    "full_s": 20.0,
    "bare_eager_full_s_reference": 36.0,
    "4step_s": 1.5,
    "runner_overhead": 0.05,
}
AIMS_TEXT = (
    "Aims (one H100): full quality <= 20 s per image (bare eager diffusers ~= 36 s), "
    "4-step <= 1.5 s, runner overhead <= 5%."
)
# Rough H100 costs for --dry-run: seconds per transformer forward at 1024x1024 + one 1024 reference
# (from the anchor: ~0.45 s eager), per-edit fixed cost (text encoder, VAE encode/decode, PNG), and
# per-process start (imports, random init of 28B parameters). Compile is assumed to cost ~90 s.
EST = {"forward_s": 0.45, "edit_fixed_s": 1.5, "start_s": 45.0, "compile_s": 90.0, "compile_speedup": 0.7, "fp8_speedup": 0.8}

REQUIRED = ("torch", "numpy", "PIL", "safetensors", "tokenizers", "huggingface_hub", "transformers", "diffusers")


# --------------------------------------------------------------------------------------------
# helpers


def missing_modules() -> list[str]:
    """Modules the benchmark cannot run without; import errors of present ones count too."""
    missing = []
    for name in REQUIRED:
        if importlib.util.find_spec(name) is None:
            missing.append(name)
            continue
        try:
            importlib.import_module(name)
        except Exception as exc:  # e.g. a transformers too new for this torch
            missing.append(f"{name} (import failed: {type(exc).__name__}: {exc})")
    return missing


def env_with_runner_path() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(RUNNER_SRC)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    env["HF_HUB_OFFLINE"] = "1"
    env.setdefault("TOKENIZERS_PARALLELISM", "false")
    return env


def fresh_inductor_cache(env: dict[str, str], work: Path, tag: str) -> dict[str, str]:
    # A cold cache per process: the runner must not reuse the bare side's compiled graphs
    # (that would understate its compile warm-up).
    env = dict(env)
    env["TORCHINDUCTOR_CACHE_DIR"] = str(work / f"inductor-{tag}")
    return env


def mode_plan(tiny: bool) -> dict[str, tuple[int, float]]:
    return {m: ((TINY_STEPS[m], g) if tiny else (s, g)) for m, (s, g) in MODES.items()}


def write_reference(path: Path, size: int) -> None:
    """A photo-like reference (gradients, edges, noise), so PNG decode costs what a photo does."""
    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(0)
    y, x = np.mgrid[0:size, 0:size].astype(np.float32) / size
    img = np.stack([200 * x + 30, 160 * y + 40, 120 * (1 - x) * y + 60], axis=-1)
    img[size // 3 : size // 2, size // 4 : 3 * size // 4] = (40, 40, 50)
    img += rng.normal(0, 12, img.shape)
    Image.fromarray(np.clip(img, 0, 255).astype(np.uint8)).save(path, format="PNG")


def png_encode_ms(path: Path) -> float:
    """Pillow PNG save of the reference: the floor of what the runner adds per output image."""
    import io

    from PIL import Image

    with Image.open(path) as im:
        im = im.convert("RGB")
    times = []
    for _ in range(3):
        t = time.perf_counter()
        im.save(io.BytesIO(), format="PNG")
        times.append(time.perf_counter() - t)
    return round(statistics.median(times) * 1e3, 1)


# --------------------------------------------------------------------------------------------
# bare side: runs in its own process (--worker-bare) so its GPU memory is gone before the runner starts


def bare_worker(spec: dict) -> dict:
    import torch

    sys.path.insert(0, str(RUNNER_SRC))
    import diffusers
    from PIL import Image

    from easel_runner.loading import _apply_fp8, _random_models
    from easel_runner.vlprocessor import load_image_only_processor, torchvision_available

    device, dtype = spec["device"], getattr(torch, spec["dtype"])
    root = Path(spec["configs"])
    result: dict = {"side": "bare", "variant": spec["variant"], "modes": {}}
    if device == "cuda":
        torch.cuda.reset_peak_memory_stats()
    t0 = time.perf_counter()
    kwargs = _random_models(root, device, dtype)  # the same random models the runner builds
    if not torchvision_available():
        kwargs["processor"] = load_image_only_processor(root / "processor")
    pipe = diffusers.QwenImageEditPlusPipeline.from_pretrained(str(root), dtype=dtype, **kwargs)
    pipe.set_progress_bar_config(disable=True)
    compile_, fp8 = VARIANTS[spec["variant"]]
    if fp8:
        result["fp8_method"] = _apply_fp8(pipe, device, dtype)  # same rule as the runner (torchao or layerwise)
    if compile_:
        pipe.transformer.compile_repeated_blocks(fullgraph=True)
    result["load_s"] = round(time.perf_counter() - t0, 2)

    with Image.open(spec["image"]) as im:
        image = im.convert("RGB")
    size = spec["size"]

    def edit(steps: int, guidance: float) -> float:
        if device == "cuda":
            torch.cuda.synchronize()
        t = time.perf_counter()
        pipe(
            image=[image],
            prompt=PROMPT,
            negative_prompt=" " if guidance > 1.0 else None,
            true_cfg_scale=guidance,
            height=size,
            width=size,
            num_inference_steps=steps,
            num_images_per_prompt=1,
            generator=[torch.Generator("cpu").manual_seed(42)],
            output_type="pil",
        )
        if device == "cuda":
            torch.cuda.synchronize()
        return time.perf_counter() - t

    result["warmup_s"] = [round(edit(*WARMUP), 3) for _ in range(spec["warmup"])]
    for mode, (steps, guidance) in spec["modes"].items():
        times = [edit(steps, guidance) for _ in range(spec["reps"])]
        result["modes"][mode] = _mode_result(steps, guidance, times)
    if device == "cuda":
        result["peak_memory_bytes"] = torch.cuda.max_memory_allocated()
        result["gpu"] = torch.cuda.get_device_name()
    return result


def _mode_result(steps: int, guidance: float, times: list[float], reported: list[float] | None = None) -> dict:
    out = {"steps": steps, "guidance": guidance, "times_s": [round(t, 3) for t in times], "median_s": round(statistics.median(times), 3)}
    if reported is not None:
        out["runner_reported_s"] = reported
    return out


def run_bare(spec: dict, work: Path, log_path: Path, timeout: float) -> dict:
    result_path = work / f"bare-{spec['variant']}.json"
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker-bare", json.dumps(spec), "--worker-result", str(result_path)]
    env = fresh_inductor_cache(env_with_runner_path(), work, f"bare-{spec['variant']}")
    with open(log_path, "w") as log:
        proc = subprocess.run(cmd, stdout=log, stderr=subprocess.STDOUT, env=env, timeout=timeout)
    if proc.returncode != 0 or not result_path.is_file():
        raise RuntimeError(f"bare worker failed (exit {proc.returncode}); see {log_path}:\n{_tail(log_path)}")
    return json.loads(result_path.read_text())


# --------------------------------------------------------------------------------------------
# runner side: a subprocess driven over the protocol, as Easel drives it


class RunnerProcess:
    def __init__(self, args: list[str], env: dict[str, str], log_path: Path):
        self.log = open(log_path, "w")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "easel_runner", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.log,
            text=True,
            env=env,
        )
        self.lines: list[str] = []
        self.cv = threading.Condition()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        for line in self.proc.stdout:
            with self.cv:
                self.lines.append(line)
                self.cv.notify()
        with self.cv:
            self.lines.append("")  # EOF marker
            self.cv.notify()

    def read(self, timeout: float) -> dict:
        with self.cv:
            if not self.cv.wait_for(lambda: self.lines, timeout=timeout):
                raise TimeoutError(f"runner sent nothing for {timeout:.0f} s")
            line = self.lines.pop(0)
        if not line:
            raise RuntimeError(f"runner exited (code {self.proc.wait()})")
        return json.loads(line)

    def send(self, msg: dict) -> None:
        self.proc.stdin.write(json.dumps(msg, separators=(",", ":")) + "\n")
        self.proc.stdin.flush()

    def close(self) -> int:
        try:
            self.send({"type": "shutdown"})
            self.proc.stdin.close()
            return self.proc.wait(timeout=120)
        except Exception:
            self.proc.kill()
            return self.proc.wait()
        finally:
            self.log.close()


def run_runner(spec: dict, work: Path, log_path: Path, timeout: float) -> dict:
    compile_, fp8 = VARIANTS[spec["variant"]]
    pixels = str(spec["size"] ** 2)  # generate exactly at the requested size
    args = ["--weights", spec["configs"], "--random-weights", "--device", spec["device"], "--dtype", spec["dtype"],
            "--max-pixels", pixels, "--min-pixels", pixels]
    args += ["--compile"] if compile_ else []
    args += ["--fp8"] if fp8 else []
    env = fresh_inductor_cache(env_with_runner_path(), work, f"runner-{spec['variant']}")
    result: dict = {"side": "runner", "variant": spec["variant"], "modes": {}}
    t0 = time.perf_counter()
    runner = RunnerProcess(args, env, log_path)
    try:
        ready = runner.read(timeout)
        if ready.get("type") != "ready":
            raise RuntimeError(f"runner did not start: {ready}; see {log_path}:\n{_tail(log_path)}")
        result["load_s"] = round(time.perf_counter() - t0, 2)
        result["ready"] = ready
        counter = iter(range(1_000_000))
        peaks: list[int] = []

        def edit(steps: int, guidance: float) -> tuple[float, float]:
            job = f"{spec['variant']}-{next(counter)}"
            out_dir = work / "out" / job
            msg = {"type": "edit", "id": job, "prompt": PROMPT, "negative_prompt": None, "images": [spec["image"]],
                   "width": spec["size"], "height": spec["size"], "num_images": 1, "seed": 42, "steps": steps,
                   "guidance": guidance, "prompt_extend": False, "output_dir": str(out_dir)}
            t = time.perf_counter()
            runner.send(msg)
            while True:
                reply = runner.read(timeout)
                if reply.get("id") == job and reply["type"] in ("done", "failed", "canceled"):
                    break
            elapsed = time.perf_counter() - t
            if reply["type"] != "done":
                raise RuntimeError(f"edit {job} ended with {reply}; see {log_path}")
            if "peak_memory_bytes" in reply:
                peaks.append(reply["peak_memory_bytes"])
            return elapsed, reply["seconds"]

        result["warmup_s"] = [round(edit(*WARMUP)[0], 3) for _ in range(spec["warmup"])]
        for mode, (steps, guidance) in spec["modes"].items():
            runs = [edit(steps, guidance) for _ in range(spec["reps"])]
            result["modes"][mode] = _mode_result(steps, guidance, [r[0] for r in runs], [r[1] for r in runs])
        if peaks:
            result["peak_memory_bytes"] = max(peaks)
    finally:
        result["exit_code"] = runner.close()
    return result


def _tail(path: Path, lines: int = 25) -> str:
    try:
        return "".join(path.read_text(errors="replace").splitlines(keepends=True)[-lines:])
    except OSError:
        return ""


# --------------------------------------------------------------------------------------------
# plan, estimate, report


def estimate_s(variants: list[str], modes: dict, reps: int, warmup: int, sides: list[str]) -> float:
    total = 0.0
    for v in variants:
        compile_, fp8 = VARIANTS[v]
        factor = (EST["compile_speedup"] if compile_ else 1.0) * (EST["fp8_speedup"] if fp8 else 1.0)
        per_side = EST["start_s"] + (EST["compile_s"] if compile_ else 0.0)
        edits = [WARMUP] * warmup + [sg for sg in modes.values() for _ in range(reps)]
        for steps, guidance in edits:
            per_side += steps * (2 if guidance > 1 else 1) * EST["forward_s"] * factor + EST["edit_fixed_s"]
        total += per_side * len(sides)
    return total


def overheads(runs: list[dict]) -> dict:
    by = {(r["side"], r["variant"]): r for r in runs}
    out: dict = {}
    for (side, variant), r in by.items():
        bare = by.get(("bare", variant))
        if side != "runner" or bare is None:
            continue
        for mode, m in r["modes"].items():
            if mode in bare["modes"]:
                out.setdefault(variant, {})[mode] = round(m["median_s"] / bare["modes"][mode]["median_s"] - 1, 4)
    return out


def table(results: list[dict]) -> str:
    runs = [r for res in results for r in res["runs"]]
    ovh = overheads(runs)
    by = {(r["side"], r["variant"]): r for r in runs}
    lines = [
        "| mode | variant | bare s | runner s | overhead | warm-up s (bare / runner) | peak GiB (bare / runner) |",
        "|---|---|---:|---:|---:|---|---|",
    ]
    gib = lambda r: f"{r['peak_memory_bytes'] / 2**30:.1f}" if r and "peak_memory_bytes" in r else "–"
    variants = [v for v in VARIANTS if any(k[1] == v for k in by)]
    for mode in MODES:
        for v in variants:
            bare, runner = by.get(("bare", v)), by.get(("runner", v))
            if not any(r and mode in r["modes"] for r in (bare, runner)):
                continue
            med = lambda r: f"{r['modes'][mode]['median_s']:.2f}" if r and mode in r["modes"] else "–"
            warm = lambda r: "+".join(f"{w:.0f}" for w in r["warmup_s"]) if r and r.get("warmup_s") else "–"
            o = ovh.get(v, {}).get(mode)
            lines.append(f"| {mode} | {v} | {med(bare)} | {med(runner)} | {'–' if o is None else f'{o:+.1%}'} "
                         f"| {warm(bare)} / {warm(runner)} | {gib(bare)} / {gib(runner)} |")
    return "\n".join(lines)


def header(meta: dict) -> str:
    return (f"GPU: {meta.get('gpu', '?')}; torch {meta.get('torch')}, diffusers {meta.get('diffusers')}, "
            f"transformers {meta.get('transformers')}, torchao {meta.get('torchao') or 'absent'}; "
            f"{meta.get('size')}x{meta.get('size')} + one {meta.get('size')}x{meta.get('size')} reference, "
            f"median of {meta.get('reps')}, {'TINY CPU smoke run' if meta.get('tiny') else meta.get('dtype')}")


def versions() -> dict:
    import torch

    out = {"python": platform.python_version(), "torch": torch.__version__}
    for name in ("diffusers", "transformers", "torchao"):
        try:
            out[name] = importlib.import_module(name).__version__
        except Exception:
            out[name] = None
    return out


# --------------------------------------------------------------------------------------------


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
    sys.path.insert(0, str(RUNNER_SRC))
    from easel_runner.configs import write_configs

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
                log_path = logs / f"{side}-{variant}.log"
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
