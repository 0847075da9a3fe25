"""Pick the size the model generates at for a requested output size."""

from __future__ import annotations

import math

# Qwen-Image-Edit is trained around one megapixel (its pipeline targets a 1024x1024 area and the
# base Qwen-Image uses up to 1328x1328).  Below ~512x512 results fall apart; above ~1280x1280
# memory and time grow quickly with little gain, so larger requests are generated smaller and
# upscaled.
DEFAULT_MIN_PIXELS = 512 * 512
DEFAULT_MAX_PIXELS = 1280 * 1280
# VAE downsampling (8) x transformer patch size (2).
DEFAULT_MULTIPLE = 16


def generation_size(
    width: int,
    height: int,
    min_pixels: int = DEFAULT_MIN_PIXELS,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    multiple: int = DEFAULT_MULTIPLE,
) -> tuple[int, int]:
    """Return (w, h): same aspect as width x height, area in [min_pixels, max_pixels] when
    possible, each side a positive multiple of `multiple`."""
    if width <= 0 or height <= 0:
        raise ValueError("width and height must be positive")
    if min_pixels <= 0 or max_pixels < min_pixels:
        raise ValueError("need 0 < min_pixels <= max_pixels")
    area = width * height
    target = min(max(area, min_pixels), max_pixels)
    scale = math.sqrt(target / area)
    fw, fh = width * scale, height * scale

    def snap(v: float, how) -> int:
        return max(multiple, int(how(v / multiple)) * multiple)

    w, h = snap(fw, round), snap(fh, round)
    # Rounding can push the area just outside the budget; fix by rounding the other way.
    # When both bounds cannot hold, staying under max_pixels (memory) wins.
    if w * h > max_pixels:
        w, h = snap(fw, math.floor), snap(fh, math.floor)
    elif w * h < min_pixels:
        cw, ch = snap(fw, math.ceil), snap(fh, math.ceil)
        if cw * ch <= max_pixels:
            w, h = cw, ch
    return w, h
