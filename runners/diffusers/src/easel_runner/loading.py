"""Build the diffusers pipeline from a checked weights folder and the runner options."""

from __future__ import annotations

import contextlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch

from .cachespec import CacheSpec
from .errors import StartupError
from .firstblock import FirstBlockCache
from .sizing import DEFAULT_MAX_PIXELS, DEFAULT_MIN_PIXELS
from .vlprocessor import load_image_only_processor, torchvision_available
from .weights import WeightsError, WeightsInfo

log = logging.getLogger("easel_runner")

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


def _torchao_fp8_supported(device: str) -> bool:
    if device != "cuda":
        return False
    try:
        import torchao  # noqa: F401
    except ImportError:
        return False
    return torch.cuda.get_device_capability() >= (8, 9)  # fp8 tensor cores: Ada / Hopper and newer


def _apply_fp8(pipe: Any, device: str, dtype: torch.dtype) -> None:
    if _torchao_fp8_supported(device):
        try:
            from torchao.quantization import Float8DynamicActivationFloat8WeightConfig, quantize_

            quantize_(pipe.transformer, Float8DynamicActivationFloat8WeightConfig())
            return
        except Exception as exc:  # version skew in torchao APIs: fall back rather than fail
            log.warning("torchao float8 failed (%s); using layerwise casting", exc)
    # Weights stored as float8_e4m3fn and upcast per layer for compute: halves memory, not faster.
    pipe.transformer.enable_layerwise_casting(storage_dtype=torch.float8_e4m3fn, compute_dtype=dtype)


def _load_lora(pipe: Any, path: str) -> None:
    file = Path(path).expanduser()  # its existence was checked before the (slow) model load
    try:
        pipe.load_lora_weights(str(file.parent), weight_name=file.name, adapter_name="easel_lora")
        # Fusing bakes the LoRA into the weights so steps cost the same as without it.
        pipe.fuse_lora(lora_scale=1.0)
        pipe.unload_lora_weights()
    except Exception as exc:
        raise OptionError(f"{file}: cannot load LoRA weights: {exc}") from exc


@contextlib.contextmanager
def _default_dtype(dtype: torch.dtype):
    previous = torch.get_default_dtype()
    torch.set_default_dtype(dtype)
    try:
        yield
    finally:
        torch.set_default_dtype(previous)


def _random_models(root: Path, device: str, dtype: torch.dtype) -> dict[str, Any]:
    """Every model component of model_index.json, built from its config with random weights.

    Built directly on the target device and in the target dtype: the real transformer is 20B
    parameters, so float32 or a CPU detour would need 80 GB and minutes. Random weights cost the
    same FLOPs as trained ones; diffusers' from_pretrained still loads the tokenizer, processor
    and scheduler from the folder.
    """
    import importlib

    from diffusers import ModelMixin
    from transformers import AutoConfig, PreTrainedModel

    index = json.loads((root / "model_index.json").read_text(encoding="utf-8"))
    models: dict[str, Any] = {}
    with _default_dtype(dtype), torch.device(device), torch.no_grad():
        for name, spec in sorted(index.items()):
            if name.startswith("_") or not isinstance(spec, list) or len(spec) != 2:
                continue
            cls = getattr(importlib.import_module(spec[0]), spec[1], None)
            if isinstance(cls, type) and issubclass(cls, ModelMixin):
                models[name] = cls.from_config(cls.load_config(root / name))
            elif isinstance(cls, type) and issubclass(cls, PreTrainedModel):
                models[name] = cls._from_config(AutoConfig.from_pretrained(root / name), dtype=dtype)
                if (root / name / "generation_config.json").is_file():  # greedy settings for prompt_extend
                    from transformers import GenerationConfig

                    models[name].generation_config = GenerationConfig.from_pretrained(root / name)
            else:
                continue
            models[name].eval().requires_grad_(False)
            log.info("random %s: %.4g parameters", name, float(sum(p.numel() for p in models[name].parameters())))
    return models


def load_pipeline(info: WeightsInfo, opts: RunnerOptions) -> LoadedPipeline:
    device = resolve_device(opts.device)
    dtype = resolve_dtype(opts.dtype, device)
    if opts.offload != "none" and device != "cuda":
        raise OptionError(f"--offload {opts.offload}: CPU offload needs a CUDA device (device is {device})")
    if opts.lora is not None and not Path(opts.lora).expanduser().is_file():
        raise OptionError(f"{Path(opts.lora).expanduser()}: LoRA file does not exist")

    import diffusers

    cls = getattr(diffusers, info.pipeline)
    kwargs: dict[str, Any] = {"dtype": dtype}
    try:
        if not torchvision_available():
            # The stock processor needs torchvision for its (unused) video half.
            kwargs["processor"] = load_image_only_processor(info.path / "processor")
        if opts.random_weights:
            kwargs.update(_random_models(info.path, device, dtype))
        pipe = cls.from_pretrained(str(info.path), **kwargs)
    except Exception as exc:
        raise WeightsError(f"{info.path}: cannot load {info.pipeline}: {type(exc).__name__}: {exc}") from exc
    pipe.set_progress_bar_config(disable=True)

    if opts.lora:
        _load_lora(pipe, opts.lora)

    if opts.fp8:
        _apply_fp8(pipe, device, dtype)

    if opts.offload == "model":
        pipe.enable_model_cpu_offload()
    elif opts.offload == "sequential":
        pipe.enable_sequential_cpu_offload()
    else:
        pipe.to(device)

    if opts.compile:
        # Regional compile: one compiled graph reused by all identical transformer blocks,
        # which compiles ~N times faster than compiling the whole transformer.
        pipe.transformer.compile_repeated_blocks(fullgraph=True)

    cache = None
    if opts.cache is not None:
        cache = FirstBlockCache(opts.cache.threshold)
        try:
            cache.install(pipe.transformer)
        except ValueError as exc:
            raise OptionError(str(exc)) from exc

    return LoadedPipeline(pipe=pipe, info=info, device=device, dtype=dtype, options=opts, cache=cache)
