// Pixel loops libvips has no fast equivalent for. Same conventions as vips_shim.h: 0 on
// success, -1 on failure (reason in libvips' error buffer), outputs owned by the caller.
#ifndef EASEL_VIPS_SHIM_LOCAL_H
#define EASEL_VIPS_SHIM_LOCAL_H

#include <vips/vips.h>

/// Contrast-limited adaptive histogram equalisation of a one-band 8-bit image, by tiles:
/// one clipped-histogram mapping per tile of about `tile` × `tile` pixels, blended
/// bilinearly between tile centres. Linear in the pixel count whatever the tile size
/// (vips_hist_local's sliding window costs a window's height per pixel). `max_slope` caps
/// a bin at that many times the mean bin, as in vips_hist_local. Computes `in` to memory.
int easel_clahe(VipsImage *in, VipsImage **out, int tile, double max_slope);

/// One-band signed 8-bit image of zero-mean noise of deviation `sigma` (at most 40):
/// each pixel a sum of four uniform draws from a counter-based hash of (seed, position),
/// so the same seed and size always give the same pixels, on any thread count.
int easel_grain_noise(VipsImage **out, int width, int height, double sigma, guint32 seed);

#endif
