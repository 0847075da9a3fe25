"""The benchmark's plan estimate and its markdown table."""

from __future__ import annotations

import importlib
import platform

from settings import EST, MODES, VARIANTS, WARMUP


def estimate_s(variants: list[str], modes: dict, reps: int, warmup: int, sides: list[str]) -> float:
    total = 0.0
    for v in variants:
        compile_, fp8, cache = VARIANTS[v]
        factor = (EST["compile_speedup"] if compile_ else 1.0) * (EST["fp8_speedup"] if fp8 else 1.0)
        factor *= EST["cache_factor"] if cache else 1.0
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
