"""The bare side: diffusers' pipeline called directly, in a worker process of its own so that its
GPU memory is gone before the runner starts."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from common import env_with_runner_path, fresh_inductor_cache, log_tail, mode_result
from settings import FIXTURES, PROMPT, RUNNER_SRC, VARIANTS, WARMUP


def bare_worker(spec: dict) -> dict:
    import torch

    sys.path[:0] = [str(RUNNER_SRC), str(FIXTURES)]
    import diffusers
    from PIL import Image

    from easel_runner.fp8 import apply_fp8
    from easel_runner.randomweights import random_models
    from easel_runner.vlprocessor import load_image_only_processor

    device, dtype = spec["device"], getattr(torch, spec["dtype"])
    root = Path(spec["configs"])
    result: dict = {"side": "bare", "variant": spec["variant"], "modes": {}}
    if device == "cuda":
        torch.cuda.reset_peak_memory_stats()
    t0 = time.perf_counter()
    kwargs = random_models(root, device, dtype)  # the same random models the runner builds
    kwargs["processor"] = load_image_only_processor(root / "processor")  # as the runner: no video half
    pipe = diffusers.QwenImageEditPlusPipeline.from_pretrained(str(root), dtype=dtype, **kwargs)
    pipe.set_progress_bar_config(disable=True)
    pipe.vae.enable_slicing()  # as the runner
    pipe.to(device)  # before FP8, as the runner: quantise on the device
    compile_, fp8, cache = VARIANTS[spec["variant"]]
    if fp8:
        result["fp8_method"] = apply_fp8(pipe, device, dtype)  # same rule as the runner (torchao or layerwise)
    if compile_:
        pipe.transformer.compile_repeated_blocks(fullgraph=True)
    cached = None
    if cache:  # the runner's own cache, so that cached variants compare like with like
        from easel_runner.cachespec import parse_cache
        from easel_runner.firstblock import FirstBlockCache

        cached = FirstBlockCache(parse_cache(cache).threshold)
        cached.install(pipe.transformer)
    result["load_s"] = round(time.perf_counter() - t0, 2)

    with Image.open(spec["image"]) as im:
        image = im.convert("RGB")
    size = spec["size"]

    def edit(steps: int, guidance: float) -> float:
        if device == "cuda":
            torch.cuda.synchronize()
        if cached is not None:
            cached.clear()
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
        result["modes"][mode] = mode_result(steps, guidance, times)
    if device == "cuda":
        result["peak_memory_bytes"] = torch.cuda.max_memory_allocated()
        result["gpu"] = torch.cuda.get_device_name()
    return result


def run_bare(spec: dict, work: Path, log_path: Path, timeout: float) -> dict:
    result_path = work / f"bare-{spec['variant']}.json"
    cmd = [sys.executable, str(Path(__file__).resolve().with_name("bench_qwen_edit.py")), "--worker-bare", json.dumps(spec), "--worker-result", str(result_path)]
    env = fresh_inductor_cache(env_with_runner_path(), work, f"bare-{spec['variant']}")
    with open(log_path, "w") as log:
        proc = subprocess.run(cmd, stdout=log, stderr=subprocess.STDOUT, env=env, timeout=timeout)
    if proc.returncode != 0 or not result_path.is_file():
        raise RuntimeError(f"bare worker failed (exit {proc.returncode}); see {log_path}:\n{log_tail(log_path)}")
    return json.loads(result_path.read_text())
