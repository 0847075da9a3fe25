"""Schemathesis hooks for Easel's OpenAPI document.

JSON Schema cannot state three of the server's rules, so generated requests are brought
within them here, and only where a value is otherwise valid per the schema: a request
stays valid or invalid exactly as it was generated, and the server must still accept every
valid one and refuse every invalid one.

- An upload must be a decodable image: bodies and `file` parts of type image/* are small PNGs.
- `args.prompt` must contain a visible character.
- `args.width`×`args.height` must lie within 768×768 … 1280×1280 pixels with an aspect ratio
  within 1:4 … 4:1: the height moves to the nearest one that fits the width.

One header is dropped rather than adjusted: `Prefer: wait=N` on create makes the server wait
for the job to finish, which never happens in this run (the server is `--role api`, so
nothing runs jobs); its own tests cover it.
"""

import math
import struct
import zlib

import schemathesis
from hypothesis import strategies as st

MIN_PIXELS = 768 * 768
MAX_PIXELS = 1280 * 1280
MAX_RATIO = 4
SIDES = range(384, 2561)


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A truecolour PNG of one colour, written by hand to need no imaging package."""

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


colours = st.tuples(*(st.integers(0, 255) for _ in range(3)))
schemathesis.openapi.media_type(
    "image/png", st.builds(png, st.integers(1, 48), st.integers(1, 48), colours), aliases=["image/*"]
)


def side(value) -> bool:
    """An integer the schema takes for a side (bool is an int in Python, not in JSON)."""
    return type(value) in (int, float) and math.isfinite(value) and value == int(value) and int(value) in SIDES


def fitting_height(width: int, height: int) -> int:
    low = max(SIDES.start, math.ceil(MIN_PIXELS / width), math.ceil(width / MAX_RATIO))
    high = min(SIDES.stop - 1, MAX_PIXELS // width, width * MAX_RATIO)
    return min(max(height, low), high)


def bring_within_rules(body) -> None:
    args = body.get("args") if isinstance(body, dict) else None
    if not isinstance(args, dict):
        return
    prompt = args.get("prompt")
    # ASCII letters and digits are visible whatever the Unicode version; keeping the length
    # keeps the prompt within its bounds.
    if isinstance(prompt, str) and 1 <= len(prompt) <= 2000 and not any(c.isascii() and c.isalnum() for c in prompt):
        args["prompt"] = "a" + prompt[1:]
    width, height = args.get("width"), args.get("height")
    if side(width) and side(height):
        args["height"] = fitting_height(int(width), int(height))


@schemathesis.hook
def before_call(context, case, **kwargs):
    if case.operation.method.upper() == "POST" and case.operation.path == "/api/v1/job/create":
        bring_within_rules(case.body)
        if case.headers:
            case.headers.pop("Prefer", None)
