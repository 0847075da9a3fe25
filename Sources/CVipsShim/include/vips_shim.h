// Non-variadic entry points over libvips for Swift.
//
// libvips operations take NULL-terminated variadic option lists, which Swift cannot call.
// Each wrapper here fixes the options Easel needs and returns 0 on success, -1 on failure
// (the reason is then in libvips' error buffer). Output images are new references that the
// caller owns and releases with g_object_unref. Non-variadic libvips functions (getters,
// g_object_unref, vips_error_buffer_copy …) are called from Swift directly.
#ifndef EASEL_VIPS_SHIM_H
#define EASEL_VIPS_SHIM_H

#include <vips/vips.h>
// Wrappers for the classic engine's editing operations.
#include "vips_shim_effects.h"
// Pixel loops in C: tiled CLAHE and seeded grain.
#include "vips_shim_local.h"
// Point grades through a 3-D colour lattice.
#include "vips_shim_lattice.h"

// MARK: start-up

/// Starts libvips once and applies server settings: operation cache off, no untrusted loaders.
/// `concurrency` <= 0 keeps libvips' own choice (VIPS_CONCURRENCY or the core count).
int easel_vips_start(int concurrency);

// MARK: load and save

/// Opens an encoded image lazily: only the header is read until pixels are asked for, and
/// then they stream top to bottom (sequential access: read them once, in order, e.g. into
/// memory). Truncated files fail instead of being padded with grey. `strict` also fails on
/// the decoder's warnings: for JPEG, libjpeg reports missing scan data (a frame header that
/// claims more pixels than the file holds) only as a warning and pads with grey.
/// `buf` must outlive the image.
VipsImage *easel_load_buffer(const void *buf, size_t len, int strict);

/// Encoders writing into a g_malloc'ed buffer the caller frees with g_free.
/// `strip` drops all metadata (EXIF, XMP, ICC) so outputs leak nothing from the inputs.
int easel_png_save(VipsImage *in, void **buf, size_t *len, int compression, int strip);
int easel_jpeg_save(VipsImage *in, void **buf, size_t *len, int quality, int strip);
int easel_webp_save(VipsImage *in, void **buf, size_t *len, int quality, int lossless, int strip);

// MARK: colour and format

int easel_autorot(VipsImage *in, VipsImage **out);
int easel_colourspace(VipsImage *in, VipsImage **out, VipsInterpretation space);
/// Converts through the embedded ICC profile to sRGB, 8 bits per channel.
int easel_icc_to_srgb(VipsImage *in, VipsImage **out);
int easel_cast(VipsImage *in, VipsImage **out, VipsBandFormat format);
/// Same pixels, with the interpretation field set (e.g. after building an image from bytes).
int easel_copy_interpretation(VipsImage *in, VipsImage **out, VipsInterpretation space);
/// A new image sharing pixels, with the EXIF orientation tag set (for tests and tools).
int easel_copy_with_orientation(VipsImage *in, VipsImage **out, int orientation);

// MARK: bands

int easel_extract_bands(VipsImage *in, VipsImage **out, int first, int count);
int easel_bandjoin_const(VipsImage *in, VipsImage **out, double value);
int easel_bandjoin2(VipsImage *first, VipsImage *second, VipsImage **out);
int easel_flatten(VipsImage *in, VipsImage **out, const double *background, int n);
int easel_premultiply(VipsImage *in, VipsImage **out);
int easel_unpremultiply(VipsImage *in, VipsImage **out);

// MARK: geometry

/// Lanczos3 resample by independent horizontal and vertical factors.
int easel_resize(VipsImage *in, VipsImage **out, double hscale, double vscale);
int easel_extract_area(VipsImage *in, VipsImage **out, int left, int top, int width, int height);
/// Places `in` at (x, y) on a width × height canvas; the rest is `background` (n values),
/// or, when `background` is NULL, copies of the nearest edge pixels.
int easel_embed(VipsImage *in, VipsImage **out, int x, int y, int width, int height,
                const double *background, int n);

// MARK: pixel maths

/// out = in * a + b per band (n values each, one per band); the result is float.
int easel_linear(VipsImage *in, VipsImage **out, const double *a, const double *b, int n);
/// Mean and standard deviation of each of the first `n` bands of `in`.
int easel_band_stats(VipsImage *in, double *mean, double *deviation, int n);

#endif
