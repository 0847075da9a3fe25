"""Run one edit job: size, seeds, batching with OOM fallback, progress, cancel, save."""

from __future__ import annotations

import gc
import logging
import math
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
from PIL import Image

from . import faults
from .extend import rewrite_prompt
from .loading import LoadedPipeline
from .protocol import SEED_MASK, BadRequest, EditRequest
from .sizing import generation_size

log = logging.getLogger("easel_runner")

# zlib level 1: on a photo-like 1024² output about 0.4x the time of Pillow's default level 6, for
# files about 15% larger that only cross the local disk (docs/PERFORMANCE.md).
PNG_COMPRESS_LEVEL = 1

Send = Callable[..., None]


class JobCanceled(Exception):
    pass


class OutOfMemory(Exception):
    pass


@dataclass
class _Progress:
    """Counts denoising steps across all pipeline calls of a job; total may grow after an OOM fallback."""

    send: Send
    job_id: str
    cancel: threading.Event
    done: int = 0
    total: int = 0

    def step(self, pipe: Any, i: int, t: Any, kwargs: dict) -> dict:
        self.done += 1
        self.send("progress", id=self.job_id, step=self.done, steps=self.total)
        faults.at_step(self.cancel)
        if self.cancel.is_set():
            raise JobCanceled()
        return {}


def _load_images(paths: list[str]) -> list[Image.Image]:
    images = []
    for i, p in enumerate(paths):
        try:
            with Image.open(p) as im:
                images.append(im.convert("RGB"))
        except Exception as exc:
            raise BadRequest(f"images[{i}]: not a readable image: {p} ({exc})") from exc
    return images


def _generators(seed: int, first: int, count: int) -> list[torch.Generator]:
    # CPU generators give the same noise on every device, and seed+i makes image i independent
    # of how the batch is split.
    return [torch.Generator("cpu").manual_seed((seed + i) & SEED_MASK) for i in range(first, first + count)]


def _is_oom(exc: BaseException) -> bool:
    return isinstance(exc, torch.OutOfMemoryError) or "out of memory" in str(exc).lower()


def release_memory(device: str) -> None:
    """Return cached blocks to the driver once nothing references the failed call's tensors."""
    gc.collect()
    if device == "cuda":
        torch.cuda.empty_cache()


def run_edit(loaded: LoadedPipeline, req: EditRequest, send: Send, cancel: threading.Event) -> dict:
    """Run the job and return the fields of the `done` message.

    Raises BadRequest, JobCanceled or OutOfMemory; anything else is an internal error.
    """
    started = time.monotonic()
    pipe = loaded.pipe
    opts = loaded.options
    images = _load_images(req.images)
    out_dir = Path(req.output_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BadRequest(f"output_dir: cannot create {out_dir} ({exc})") from exc
    if cancel.is_set():
        raise JobCanceled()

    plus = loaded.info.pipeline == "QwenImageEditPlusPipeline"
    prompt = req.prompt
    if req.prompt_extend:
        prompt = rewrite_prompt(pipe, images, req.prompt, labelled=plus)
        send("prompt", id=req.id, prompt=prompt)
        if cancel.is_set():
            raise JobCanceled()

    multiple = pipe.vae_scale_factor * 2
    gen_w, gen_h = generation_size(req.width, req.height, opts.min_pixels, opts.max_pixels, multiple)
    steps = req.steps if req.steps is not None else loaded.default_steps
    guidance = req.guidance if req.guidance is not None else loaded.default_guidance
    cfg = guidance > 1.0
    # True CFG needs a negative branch; Qwen-Image uses a single space when none is given.
    negative = (req.negative_prompt if req.negative_prompt is not None else " ") if cfg else None

    progress = _Progress(send=send, job_id=req.id, cancel=cancel)
    batch = max(1, min(opts.max_batch, req.num_images))
    progress.total = steps * math.ceil(req.num_images / batch)

    cache = loaded.cache
    if cache is not None:
        cache.take_counts()  # counts are per edit

    def generate(first: int, count: int) -> list[Image.Image]:
        if cache is not None:
            cache.clear()  # each call denoises from fresh noise: nothing cached carries over
        result = pipe(
            image=images if plus else images[0],
            prompt=prompt,
            negative_prompt=negative,
            true_cfg_scale=guidance,
            height=gen_h,
            width=gen_w,
            num_inference_steps=steps,
            num_images_per_prompt=count,
            generator=_generators(req.seed, first, count),
            callback_on_step_end=progress.step,
            output_type="pil",
        )
        return list(result.images)

    outputs: list[Image.Image] = []
    while len(outputs) < req.num_images:  # one pipeline call per pass; an OOM pass retries smaller
        count = min(batch, req.num_images - len(outputs))
        oom = None
        try:
            outputs.extend(generate(len(outputs), count))
        except JobCanceled:
            raise
        except Exception as exc:
            if not _is_oom(exc):
                raise
            # The traceback's frames hold the failed call's tensors: drop them before freeing.
            traceback.clear_frames(exc.__traceback__)
            oom = f"{type(exc).__name__}: {exc}"
        if oom is None:
            continue
        release_memory(loaded.device)
        if count == 1:
            raise OutOfMemory(f"out of memory generating {gen_w}x{gen_h}: {oom}")
        # Retry the rest one image at a time; keep step numbers monotonic for the host.
        log.warning("batch of %d ran out of memory; continuing one image at a time", count)
        batch = 1
        progress.total = progress.done + steps * (req.num_images - len(outputs))

    paths = []
    for i, img in enumerate(outputs):
        if img.size != (req.width, req.height):
            img = img.resize((req.width, req.height), Image.Resampling.LANCZOS)
        path = out_dir / f"out-{i}.png"
        img.save(path, format="PNG", compress_level=PNG_COMPRESS_LEVEL)
        paths.append(str(path))
    done = {
        "images": paths,
        "prompt": prompt,
        "generated": {"width": gen_w, "height": gen_h},
        "seconds": round(time.monotonic() - started, 3),
        "cache": cache.take_counts() if cache is not None else None,
    }
    if loaded.device == "cuda":
        # Peak since the runner started (weights included); only this process can see it exactly.
        done["peak_memory_bytes"] = torch.cuda.max_memory_allocated()
    return done
