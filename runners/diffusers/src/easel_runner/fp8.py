"""FP8 transformer weights: torchao's float8 compute where it can run, else layerwise casting."""

from __future__ import annotations

import logging
from typing import Any

import torch

from .applied import fp8_method

log = logging.getLogger("easel_runner")


def torchao_fp8_supported(device: str) -> bool:
    if device != "cuda":
        return False
    try:
        import torchao  # noqa: F401
    except ImportError:
        return False
    return torch.cuda.get_device_capability() >= (8, 9)  # fp8 tensor cores: Ada / Hopper and newer


def apply_fp8(pipe: Any, device: str, dtype: torch.dtype) -> str | None:
    """Quantise the transformer where it already lives (on the GPU: quantising 20B parameters on
    the CPU takes minutes); returns the method applied, read back from the weights."""
    if torchao_fp8_supported(device):
        try:
            from torchao.quantization import Float8DynamicActivationFloat8WeightConfig, quantize_

            quantize_(pipe.transformer, Float8DynamicActivationFloat8WeightConfig())
            return fp8_method(pipe.transformer)
        except Exception as exc:  # version skew in torchao APIs: fall back rather than fail
            log.warning("torchao float8 failed (%s); using layerwise casting", exc)
    # Weights stored as float8_e4m3fn and upcast per layer for compute: halves memory, not faster.
    pipe.transformer.enable_layerwise_casting(storage_dtype=torch.float8_e4m3fn, compute_dtype=dtype)
    return fp8_method(pipe.transformer)
