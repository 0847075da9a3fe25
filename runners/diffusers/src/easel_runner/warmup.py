"""A warm-up edit at start when --compile is on.

torch.compile traces on the first call and again on the first shape change (the CFG branches'
prompt lengths differ; so do generation sizes). Running those calls before `ready` turns a trace
failure into a startup error instead of a failed job, and keeps compile time out of requests.
"""

from __future__ import annotations

import logging
import time

import torch
from PIL import Image

from .errors import StartupError
from .loading import LoadedPipeline

log = logging.getLogger("easel_runner")

STEPS = 2
GUIDANCE = 4.0  # CFG on: both prompt lengths are traced


class WarmUpError(StartupError):
    pass


def warm_up(loaded: LoadedPipeline) -> float:
    """Run the warm-up edits at the smallest and largest generation sizes; returns seconds."""
    started = time.monotonic()
    pipe, opts = loaded.pipe, loaded.options
    plus = loaded.info.pipeline == "QwenImageEditPlusPipeline"
    multiple = pipe.vae_scale_factor * 2
    sides = sorted({max(multiple, int(pixels**0.5) // multiple * multiple) for pixels in (opts.min_pixels, opts.max_pixels)})
    image = Image.new("RGB", (sides[0], sides[0]), (127, 127, 127))
    try:
        for side in sides:
            pipe(
                image=[image] if plus else image,
                prompt="warm-up",
                negative_prompt=" ",
                true_cfg_scale=GUIDANCE,
                height=side,
                width=side,
                num_inference_steps=STEPS,
                generator=torch.Generator("cpu").manual_seed(0),
                output_type="pil",
            )
    except Exception as exc:
        raise WarmUpError(f"--compile: the warm-up edit failed: {type(exc).__name__}: {exc}") from exc
    finally:
        if loaded.cache is not None:
            loaded.cache.clear()
            loaded.cache.take_counts()
    seconds = time.monotonic() - started
    log.info("warm-up edits at %s px sides took %.1f s", sides, seconds)
    return seconds
