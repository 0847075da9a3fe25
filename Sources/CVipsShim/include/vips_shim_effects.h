// Non-variadic wrappers for the editing operations of the classic engine (see vips_shim.h
// for the conventions: 0 on success, -1 on failure, outputs owned by the caller).
#ifndef EASEL_VIPS_SHIM_EFFECTS_H
#define EASEL_VIPS_SHIM_EFFECTS_H

#include <vips/vips.h>

// MARK: loading

/// As easel_load_buffer, with a libvips option string such as "[shrink=4]" (JPEG) or
/// "[scale=0.25]" (WebP): shrink-on-load decodes a large input at a fraction of its size.
VipsImage *easel_load_buffer_options(const void *buf, size_t len, const char *options, int strict);

// MARK: geometry

/// Rotates by quarter turns clockwise (1, 2 or 3).
int easel_rot(VipsImage *in, VipsImage **out, int quarter_turns);
/// Rotates by any angle in degrees, clockwise; the new corners are black.
int easel_rotate(VipsImage *in, VipsImage **out, double degrees);
int easel_flip(VipsImage *in, VipsImage **out, int horizontal);
/// Nearest-neighbour enlargement by whole factors.
int easel_zoom(VipsImage *in, VipsImage **out, int xfac, int yfac);
/// Block-average reduction by whole factors.
int easel_shrink(VipsImage *in, VipsImage **out, double hshrink, double vshrink);
/// `second` to the right of (horizontal) or below `first`.
int easel_join(VipsImage *first, VipsImage *second, VipsImage **out, int horizontal);

// MARK: pixel maths

int easel_add(VipsImage *left, VipsImage *right, VipsImage **out);
int easel_subtract(VipsImage *left, VipsImage *right, VipsImage **out);
int easel_multiply(VipsImage *left, VipsImage *right, VipsImage **out);
int easel_divide(VipsImage *left, VipsImage *right, VipsImage **out);
int easel_pow_const(VipsImage *in, VipsImage **out, double exponent);
int easel_remainder_const(VipsImage *in, VipsImage **out, double divisor);
int easel_round(VipsImage *in, VipsImage **out);
/// Per-pixel matrix multiply of the bands; `matrix` is rows × cols, row-major.
int easel_recomb(VipsImage *in, VipsImage **out, const double *matrix, int rows, int cols);
/// Maps each pixel (uchar or ushort) through `lut`, a one-row image of 256 or 65536 entries.
int easel_maplut(VipsImage *in, VipsImage **out, VipsImage *lut);
/// The value below which `percent` % of the pixels of a one-band 8-bit image lie.
int easel_percent(VipsImage *in, double percent, int *threshold);

// MARK: filters

int easel_gaussblur(VipsImage *in, VipsImage **out, double sigma);
int easel_median(VipsImage *in, VipsImage **out, int size);
int easel_sobel(VipsImage *in, VipsImage **out);

// MARK: sources

/// Two-band float image whose pixels are their own (x, y) coordinates.
int easel_xyz(VipsImage **out, int width, int height);

/* The width × height window libvips' attention measure finds most interesting (edges,
 * skin tones, saturated colour): no subject detection. */
int easel_smartcrop_attention(VipsImage *in, VipsImage **out, int width, int height);
/* `sub` drawn over `main` with its top-left corner at (x, y). */
int easel_insert(VipsImage *main, VipsImage *sub, VipsImage **out, int x, int y);

#endif
