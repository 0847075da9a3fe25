"""Helpers both sides of the diffusion benchmark use: environment, reference image, results."""

from __future__ import annotations

import importlib
import importlib.util
import os
import statistics
import time
from pathlib import Path

from settings import FIXTURES, MODES, REQUIRED, RUNNER_SRC, TINY_STEPS


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
    env["PYTHONPATH"] = os.pathsep.join([str(RUNNER_SRC), str(FIXTURES)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
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


def mode_result(steps: int, guidance: float, times: list[float], reported: list[float] | None = None) -> dict:
    out = {"steps": steps, "guidance": guidance, "times_s": [round(t, 3) for t in times], "median_s": round(statistics.median(times), 3)}
    if reported is not None:
        out["runner_reported_s"] = reported
    return out


def log_tail(path: Path, lines: int = 25) -> str:
    try:
        return "".join(path.read_text(errors="replace").splitlines(keepends=True)[-lines:])
    except OSError:
        return ""
