"""Validate a diffusers weights folder and detect which Qwen-Image-Edit variant it holds.

Variant rule:
  * model_index.json `_class_name` QwenImageEditPipeline      -> "edit"
  * QwenImageEditPlusPipeline and transformer/config.json has
    `zero_cond_t: true`                                       -> "2511"
  * QwenImageEditPlusPipeline otherwise                       -> "2509"
`zero_cond_t` is the 2511 transformer change in diffusers: the reference
(input) image tokens are modulated with timestep 0 instead of the current one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .errors import StartupError

PIPELINES = {"QwenImageEditPipeline": 1, "QwenImageEditPlusPipeline": 4}  # -> max input images
REQUIRED = ("transformer", "vae", "text_encoder", "tokenizer", "processor", "scheduler")


class WeightsError(StartupError):
    """The folder cannot be used; the message names the path and the problem."""


@dataclass(frozen=True)
class WeightsInfo:
    path: Path
    pipeline: str
    variant: str
    max_input_images: int


def _read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise WeightsError(f"{path}: cannot read JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise WeightsError(f"{path}: expected a JSON object")
    return data


def inspect_weights(folder: str | Path) -> WeightsInfo:
    root = Path(folder).expanduser().resolve()
    if not root.exists():
        raise WeightsError(f"{root}: weights folder does not exist")
    if not root.is_dir():
        raise WeightsError(f"{root}: weights path is not a folder")
    index_path = root / "model_index.json"
    if not index_path.is_file():
        raise WeightsError(f"{index_path}: missing (not a diffusers pipeline folder)")
    index = _read_json(index_path)
    cls = index.get("_class_name")
    if cls not in PIPELINES:
        supported = ", ".join(sorted(PIPELINES))
        raise WeightsError(f"{index_path}: unsupported pipeline class {cls!r} (supported: {supported})")
    for name in REQUIRED:
        sub = root / name
        if not sub.is_dir():
            raise WeightsError(f"{sub}: missing subfolder '{name}' required by {cls}")
        if name in ("transformer", "vae", "text_encoder", "scheduler"):
            config_name = "scheduler_config.json" if name == "scheduler" else "config.json"
            if not (sub / config_name).is_file():
                raise WeightsError(f"{sub / config_name}: missing")

    variant = "edit"
    if cls == "QwenImageEditPlusPipeline":
        transformer_cfg = _read_json(root / "transformer" / "config.json")
        variant = "2511" if transformer_cfg.get("zero_cond_t") is True else "2509"
    return WeightsInfo(path=root, pipeline=cls, variant=variant, max_input_images=PIPELINES[cls])
