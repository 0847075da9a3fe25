"""What loading actually did to the transformer, read from the model itself.

`ready` reports these rather than the flags asked for, so a flag that silently did nothing
(an API that changed, a fallback taken) shows as off.
"""

from __future__ import annotations

from typing import Any

import torch


def fp8_method(transformer: Any) -> str | None:
    """`torchao` when torchao tensors hold the weights, `layerwise` when they are stored as
    float8_e4m3fn (upcast per layer), None when no weight is FP8."""
    params = list(transformer.parameters())
    if any(type(p).__module__.split(".")[0] == "torchao" for p in params):
        return "torchao"
    if any(p.dtype == torch.float8_e4m3fn for p in params):
        return "layerwise"
    return None


def compiled_blocks(transformer: Any) -> int:
    """Submodules whose calls go through torch.compile (`nn.Module.compile` sets this hook)."""
    return sum(1 for m in transformer.modules() if getattr(m, "_compiled_call_impl", None) is not None)
