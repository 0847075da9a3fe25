"""Build the diffusers pipeline from a checked weights folder and the runner options."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch

from .cachespec import CacheSpec
from .errors import StartupError
from .firstblock import FirstBlockCache
from .fp8 import apply_fp8, torchao_fp8_supported
from .randomweights import random_models
from .sizing import DEFAULT_MAX_PIXELS, DEFAULT_MIN_PIXELS
from .vlprocessor import load_image_only_processor
from .weights import WeightsError, WeightsInfo

DEFAULT_STEPS = 40
DEFAULT_GUIDANCE = 4.0
LORA_GUIDANCE = 1.0  # Lightning LoRAs are distilled without CFG


class OptionError(StartupError):
    """An option cannot be honoured on this machine; fatal at startup."""


@dataclass(frozen=True)
class RunnerOptions:
    weights: str
    device: str = "auto"  # auto | cpu | cuda
    dtype: str = "auto"  # auto | bfloat16 | float32
    lora: str | None = None
    lora_steps: int = 8
    compile: bool = False
    fp8: bool = False
    offload: str = "none"  # none | model | sequential
    max_pixels: int = DEFAULT_MAX_PIXELS
    min_pixels: int = DEFAULT_MIN_PIXELS
    max_batch: int = 16
    cache: CacheSpec | None = None  # step cache; None runs every block of every step
    random_weights: bool = False  # benchmark only: build models from configs, no tensors read


@dataclass
class LoadedPipeline:
    pipe: Any
    info: WeightsInfo
    device: str
    dtype: torch.dtype
    options: RunnerOptions
    cache: FirstBlockCache | None = None

    @property
    def default_steps(self) -> int:
        return self.options.lora_steps if self.options.lora else DEFAULT_STEPS

    @property
    def default_guidance(self) -> float:
        return LORA_GUIDANCE if self.options.lora else DEFAULT_GUIDANCE

    @property
    def dtype_name(self) -> str:
        return str(self.dtype).removeprefix("torch.")


def resolve_device(name: str) -> str:
    if name == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if name == "cuda" and not torch.cuda.is_available():
        raise OptionError("--device cuda: no CUDA device is available (torch.cuda.is_available() is False)")
    return name


def resolve_dtype(name: str, device: str) -> torch.dtype:
    if name == "auto":
        # bf16 halves memory on GPUs; CPU bf16 matmuls are slow or unsupported, so use fp32 there.
        return torch.bfloat16 if device == "cuda" else torch.float32
    return {"bfloat16": torch.bfloat16, "float32": torch.float32}[name]


def _load_lora(pipe: Any, path: str) -> None:
    file = Path(path).expanduser()  # its existence was checked before the (slow) model load
    try:
        pipe.load_lora_weights(str(file.parent), weight_name=file.name, adapter_name="easel_lora")
        # Fusing bakes the LoRA into the weights so steps cost the same as without it.
        pipe.fuse_lora(lora_scale=1.0)
        pipe.unload_lora_weights()
    except Exception as exc:
        raise OptionError(f"{file}: cannot load LoRA weights: {exc}") from exc


def check_pairs(opts: RunnerOptions, device: str) -> None:
    """Refuse option pairs that load but fail on the first edit (dynamo cannot trace them)."""
    if opts.compile and opts.offload == "sequential":
        raise OptionError("--compile with --offload sequential: accelerate's offload hooks are excluded "
                          "from torch.compile and the first edit would fail; drop one of them")
    if opts.compile and opts.fp8 and not torchao_fp8_supported(device):
        raise OptionError("--compile with --fp8: without torchao on a GPU of compute capability 8.9 or newer, "
                          "FP8 is layerwise casting, whose hooks torch.compile cannot trace; drop one of them "
                          "or install torchao")


def load_pipeline(info: WeightsInfo, opts: RunnerOptions) -> LoadedPipeline:
    device = resolve_device(opts.device)
    dtype = resolve_dtype(opts.dtype, device)
    check_pairs(opts, device)
    if opts.offload != "none" and device != "cuda":
        raise OptionError(f"--offload {opts.offload}: CPU offload needs a CUDA device (device is {device})")
    if opts.lora is not None and not Path(opts.lora).expanduser().is_file():
        raise OptionError(f"{Path(opts.lora).expanduser()}: LoRA file does not exist")

    import diffusers

    cls = getattr(diffusers, info.pipeline)
    kwargs: dict[str, Any] = {"dtype": dtype}
    try:
        # Always image-only: the stock processor needs torchvision and a video processor config
        # (which config-only folders lack) for a video half that edits never use.
        kwargs["processor"] = load_image_only_processor(info.path / "processor")
        if opts.random_weights:
            kwargs.update(random_models(info.path, device, dtype))
        pipe = cls.from_pretrained(str(info.path), **kwargs)
    except Exception as exc:
        raise WeightsError(f"{info.path}: cannot load {info.pipeline}: {type(exc).__name__}: {exc}") from exc
    pipe.set_progress_bar_config(disable=True)

    if opts.lora:
        _load_lora(pipe, opts.lora)

    # Decode a batch an image at a time: VAE decode memory then does not grow with the batch,
    # so a batch that survived its steps does not lose them to an out-of-memory decode.
    pipe.vae.enable_slicing()

    if opts.offload == "none":
        pipe.to(device)
        if opts.fp8:  # on the device: quantising 20B parameters on the CPU first takes minutes
            apply_fp8(pipe, device, dtype)
    else:
        if opts.fp8:  # offload hooks move the weights per call; quantise before installing them
            apply_fp8(pipe, device, dtype)
        if opts.offload == "model":
            pipe.enable_model_cpu_offload()
        else:
            pipe.enable_sequential_cpu_offload()

    if opts.compile:
        # Regional compile: one compiled graph reused by all identical transformer blocks,
        # which compiles ~N times faster than compiling the whole transformer.
        # dynamic=None (automatic): a block compiles static first and dynamic on the first shape
        # change; the start-up warm-up (warmup.py) makes those changes, so requests do not.
        pipe.transformer.compile_repeated_blocks(fullgraph=True)

    cache = None
    if opts.cache is not None:
        cache = FirstBlockCache(opts.cache.threshold)
        try:
            cache.install(pipe.transformer)
        except ValueError as exc:
            raise OptionError(str(exc)) from exc

    return LoadedPipeline(pipe=pipe, info=info, device=device, dtype=dtype, options=opts, cache=cache)
