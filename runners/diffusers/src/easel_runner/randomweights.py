"""`--random-weights` (benchmarks only): every model built from its config with random weights."""

from __future__ import annotations

import contextlib
import importlib
import json
import logging
from pathlib import Path
from typing import Any

import torch

log = logging.getLogger("easel_runner")


@contextlib.contextmanager
def _default_dtype(dtype: torch.dtype):
    previous = torch.get_default_dtype()
    torch.set_default_dtype(dtype)
    try:
        yield
    finally:
        torch.set_default_dtype(previous)


def random_models(root: Path, device: str, dtype: torch.dtype) -> dict[str, Any]:
    """Every model component of model_index.json, built from its config with random weights.

    Built directly on the target device and in the target dtype: the real transformer is 20B
    parameters, so float32 or a CPU detour would need 80 GB and minutes. Random weights cost the
    same FLOPs as trained ones; diffusers' from_pretrained still loads the tokenizer, processor
    and scheduler from the folder.
    """
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
