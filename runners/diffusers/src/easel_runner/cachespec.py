"""The `--cache` setting: which step cache the runner applies, parsed and checked at start.

Only `first-block:THRESHOLD` exists (see firstblock.py). Parsing needs no torch, so a
malformed value is reported before any library is imported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FIRST_BLOCK = "first-block"
METHODS = (FIRST_BLOCK,)
_NUMBER = re.compile(r"[0-9]+(\.[0-9]*)?|\.[0-9]+")  # plain decimals: no sign, exponent, nan or inf
RULE = 'must be "first-block:THRESHOLD" with THRESHOLD a number >= 0 (e.g. first-block:0.08), or "none"'


class CacheSpecError(ValueError):
    """The value breaks the rule; the message names the setting and the rule."""


@dataclass(frozen=True)
class CacheSpec:
    method: str
    threshold: float

    def __str__(self) -> str:
        # The canonical spelling `ready` reports: "first-block:0.08" whatever the input's zeros.
        return f"{self.method}:{self.threshold:g}"


def parse_cache(text: str | None) -> CacheSpec | None:
    """None (or "none") turns caching off; anything else must follow RULE."""
    if text is None or text == "none":
        return None
    method, sep, value = text.partition(":")
    if not sep or method not in METHODS:
        raise CacheSpecError(f"--cache: {RULE}, got {text!r}")
    if not _NUMBER.fullmatch(value):
        raise CacheSpecError(f"--cache: {RULE}, got {text!r}")
    return CacheSpec(method, float(value))
