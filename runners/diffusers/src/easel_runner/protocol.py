"""Protocol v1 message types, validation and the JSON-lines writer.

See docs/RUNNER_PROTOCOL.md for the full description.
"""

from __future__ import annotations

import json
import math
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

PROTOCOL_VERSION = 1
SEED_MASK = (1 << 64) - 1

MAX_SIDE = 8192
MAX_NUM_IMAGES = 16
MAX_STEPS = 200
MAX_GUIDANCE = 20.0
MAX_PROMPT_CHARS = 8000
MAX_ID_CHARS = 200


class BadRequest(Exception):
    """A request field failed validation; the message names the field and the rule."""


@dataclass(frozen=True)
class EditRequest:
    id: str
    prompt: str
    negative_prompt: str | None
    images: list[str]
    width: int
    height: int
    num_images: int
    seed: int
    steps: int | None
    guidance: float | None
    prompt_extend: bool
    output_dir: str


@dataclass(frozen=True)
class CancelRequest:
    id: str


@dataclass(frozen=True)
class ShutdownRequest:
    pass


@dataclass(frozen=True)
class InvalidMessage:
    """A line that is not a usable message: answered with an `error` line."""

    message: str


@dataclass(frozen=True)
class InvalidEdit:
    """An edit whose id is known but whose fields are bad: answered with `failed`."""

    id: str
    message: str


Message = EditRequest | CancelRequest | ShutdownRequest | InvalidMessage | InvalidEdit


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _int_field(obj: dict, name: str, lo: int, hi: int, nullable: bool = False) -> int | None:
    v = obj.get(name)
    if v is None and nullable:
        return None
    if not _is_int(v) or not lo <= v <= hi:
        null = " or null" if nullable else ""
        raise BadRequest(f"{name}: must be an integer in [{lo}, {hi}]{null}, got {json.dumps(v)}")
    return v


def _str_field(obj: dict, name: str, nullable: bool = False) -> str | None:
    v = obj.get(name)
    if v is None and nullable:
        return None
    if not isinstance(v, str):
        null = " or null" if nullable else ""
        raise BadRequest(f"{name}: must be a string{null}, got {json.dumps(v)}")
    if len(v) > MAX_PROMPT_CHARS:
        raise BadRequest(f"{name}: must be at most {MAX_PROMPT_CHARS} characters")
    return v


def validate_edit(obj: dict, max_input_images: int) -> EditRequest:
    """Check every field of an `edit` message; raise BadRequest naming the first bad one."""
    job_id = obj["id"]
    prompt = _str_field(obj, "prompt")
    assert prompt is not None
    if not prompt.strip():
        raise BadRequest("prompt: must not be empty")
    negative = _str_field(obj, "negative_prompt", nullable=True)

    images = obj.get("images")
    if not isinstance(images, list) or not 1 <= len(images) <= max_input_images:
        raise BadRequest(f"images: must be a list of 1 to {max_input_images} PNG paths for this model")
    for i, p in enumerate(images):
        if not isinstance(p, str) or not os.path.isabs(p):
            raise BadRequest(f"images[{i}]: must be an absolute path, got {json.dumps(p)}")
        if not os.path.isfile(p):
            raise BadRequest(f"images[{i}]: file not found: {p}")

    width = _int_field(obj, "width", 1, MAX_SIDE)
    height = _int_field(obj, "height", 1, MAX_SIDE)
    num_images = _int_field(obj, "num_images", 1, MAX_NUM_IMAGES)
    seed = _int_field(obj, "seed", 0, SEED_MASK)
    steps = _int_field(obj, "steps", 1, MAX_STEPS, nullable=True)

    guidance = obj.get("guidance")
    if guidance is not None:
        ok = isinstance(guidance, (int, float)) and not isinstance(guidance, bool)
        if not ok or not math.isfinite(guidance) or not 0 <= guidance <= MAX_GUIDANCE:
            raise BadRequest(f"guidance: must be a number in [0, {MAX_GUIDANCE}] or null, got {json.dumps(guidance)}")
        guidance = float(guidance)

    extend = obj.get("prompt_extend", False)
    if not isinstance(extend, bool):
        raise BadRequest(f"prompt_extend: must be true or false, got {json.dumps(extend)}")

    out = obj.get("output_dir")
    if not isinstance(out, str) or not os.path.isabs(out):
        raise BadRequest(f"output_dir: must be an absolute path, got {json.dumps(out)}")
    if Path(out).exists() and not Path(out).is_dir():
        raise BadRequest(f"output_dir: exists and is not a directory: {out}")

    assert width is not None and height is not None and num_images is not None and seed is not None
    return EditRequest(
        id=job_id,
        prompt=prompt,
        negative_prompt=negative,
        images=list(images),
        width=width,
        height=height,
        num_images=num_images,
        seed=seed,
        steps=steps,
        guidance=guidance,
        prompt_extend=extend,
        output_dir=out,
    )


def parse_message(line: str, max_input_images: int) -> Message:
    """Turn one input line into a message; never raises."""
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return InvalidMessage(f"invalid JSON: {exc.msg if hasattr(exc, 'msg') else exc}")
    if not isinstance(obj, dict):
        return InvalidMessage("invalid message: expected a JSON object")
    kind = obj.get("type")
    if kind == "shutdown":
        return ShutdownRequest()
    if kind in ("edit", "cancel"):
        job_id = obj.get("id")
        if not isinstance(job_id, str) or not job_id or len(job_id) > MAX_ID_CHARS:
            return InvalidMessage(f"{kind}: id must be a non-empty string of at most {MAX_ID_CHARS} characters")
        if kind == "cancel":
            return CancelRequest(job_id)
        try:
            return validate_edit(obj, max_input_images)
        except BadRequest as exc:
            return InvalidEdit(job_id, str(exc))
    return InvalidMessage(f"unknown message type: {json.dumps(kind)}")


class Writer:
    """Writes one compact JSON object per line and flushes; safe across threads."""

    def __init__(self, stream: IO[str]):
        self._stream = stream
        self._lock = threading.Lock()

    def send(self, kind: str, **fields: Any) -> None:
        line = json.dumps({"type": kind, **fields}, separators=(",", ":"), ensure_ascii=False)
        with self._lock:
            self._stream.write(line + "\n")
            self._stream.flush()
