// A colour lookup through a 3-D lattice, for point grades. Same conventions as vips_shim.h:
// 0 on success, -1 on failure (reason in libvips' error buffer), outputs owned by the caller.
#ifndef EASEL_VIPS_SHIM_LATTICE_H
#define EASEL_VIPS_SHIM_LATTICE_H

#include <vips/vips.h>

/// Maps each pixel of an 8-bit image of 3 bands (RGB) or 4 (RGB + alpha, passed through)
/// through `table`, the results of a colour function at `nodes`³ lattice points spaced
/// evenly over 0…255, red slowest, three values a point. Between points the result is
/// interpolated in the lattice cell's tetrahedron, as colour-management engines do, then
/// rounded and clipped to 0…65535, and `output` (65 536 entries) gives its 8-bit value.
/// 255 / (`nodes` − 1) must be whole, so that every point is an 8-bit value. Lazy and
/// sequential: pixels are computed as the consumer asks for them. Both tables are copied.
int easel_lattice_map(VipsImage *in, VipsImage **out, const float *table, int nodes, const guint8 *output);

#endif
