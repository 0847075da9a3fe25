// See include/vips_shim_lattice.h.
#include "vips_shim_lattice.h"

#include <string.h>

typedef struct {
    float *table;
    // Each interpolated value, rounded and clipped to 0…65535, indexes its 8-bit result.
    guint8 *output;
    int nodes;
    int step;
    // For each 8-bit value: its cell's lower point (times the stride of each axis) and its
    // distance from that point, 0…step.
    guint32 red[256], green[256], blue[256];
    guint8 fraction[256];
} EaselLattice;

// The tetrahedron of a lattice cell that holds a pixel, as the offsets of its two inner
// corners from the cell's lower point and the weights of its four corners (times `step`).
// The order of the pixel's distances from the lower point (`f*`) picks one of six; `d*`
// are the axes' strides.
typedef struct {
    guint32 first, second;
    float w000, wfirst, wsecond, w111;
} EaselTetrahedron;

static inline EaselTetrahedron easel_tetrahedron(guint32 dr, guint32 dg, guint32 db, int fr, int fg, int fb, int step) {
    if (fr >= fg) {
        if (fg >= fb)  // r ≥ g ≥ b
            return (EaselTetrahedron) {dr, dr + dg, step - fr, fr - fg, fg - fb, fb};
        if (fr >= fb)  // r ≥ b > g
            return (EaselTetrahedron) {dr, dr + db, step - fr, fr - fb, fb - fg, fg};
        // b > r ≥ g
        return (EaselTetrahedron) {db, dr + db, step - fb, fb - fr, fr - fg, fg};
    }
    if (fr >= fb)  // g > r ≥ b
        return (EaselTetrahedron) {dg, dr + dg, step - fg, fg - fr, fr - fb, fb};
    if (fg >= fb)  // g ≥ b > r
        return (EaselTetrahedron) {dg, dg + db, step - fg, fg - fb, fb - fr, fr};
    // b > g > r
    return (EaselTetrahedron) {db, dg + db, step - fb, fb - fg, fg - fr, fr};
}

// `a` is the input image (vips_start_one's), `b` the lattice.
static int easel_lattice_generate(VipsRegion *out_region, void *sequence, void *a, void *b, gboolean *stop) {
    (void) a;
    (void) stop;
    VipsRegion *in_region = (VipsRegion *) sequence;
    const EaselLattice *lattice = (const EaselLattice *) b;
    VipsRect *rect = &out_region->valid;
    if (vips_region_prepare(in_region, rect)) return -1;
    const int bands = out_region->im->Bands, step = lattice->step;
    const guint32 dg = 3 * lattice->nodes, dr = dg * lattice->nodes, db = 3;
    const float scale = 1.0f / step;
    for (int y = 0; y < rect->height; y++) {
        const VipsPel *p = VIPS_REGION_ADDR(in_region, rect->left, rect->top + y);
        VipsPel *q = VIPS_REGION_ADDR(out_region, rect->left, rect->top + y);
        for (int x = 0; x < rect->width; x++, p += bands, q += bands) {
            const float *cell = lattice->table + lattice->red[p[0]] + lattice->green[p[1]] + lattice->blue[p[2]];
            const EaselTetrahedron t = easel_tetrahedron(dr, dg, db, lattice->fraction[p[0]],
                                                         lattice->fraction[p[1]], lattice->fraction[p[2]], step);
            const float *far = cell + dr + dg + db;
            for (int band = 0; band < 3; band++) {
                // The table is not clipped, so that a cell across the gamut's edge
                // interpolates the smooth grade; the clipping comes after, as it does exactly.
                float value = (t.w000 * cell[band] + t.wfirst * cell[t.first + band]
                               + t.wsecond * cell[t.second + band] + t.w111 * far[band]) * scale;
                q[band] = lattice->output[value <= 0 ? 0 : value >= 65535 ? 65535 : (guint32) (value + 0.5f)];
            }
            if (bands == 4) q[3] = p[3];
        }
    }
    return 0;
}

int easel_lattice_map(VipsImage *in, VipsImage **out, const float *table, int nodes, const guint8 *output) {
    if (nodes < 2 || 255 % (nodes - 1) != 0) {
        vips_error("easel_lattice_map", "255 / (nodes - 1) must be whole, got %d nodes", nodes);
        return -1;
    }
    if (in->BandFmt != VIPS_FORMAT_UCHAR || (in->Bands != 3 && in->Bands != 4)) {
        vips_error("easel_lattice_map", "needs an 8-bit image of 3 or 4 bands");
        return -1;
    }
    if (vips_image_pio_input(in)) return -1;
    VipsImage *image = vips_image_new();
    size_t count = (size_t) nodes * nodes * nodes * 3;
    // Owned by the output image: freed when it is.
    EaselLattice *lattice = VIPS_NEW(VIPS_OBJECT(image), EaselLattice);
    float *copy = VIPS_ARRAY(VIPS_OBJECT(image), count, float);
    guint8 *output_copy = VIPS_ARRAY(VIPS_OBJECT(image), 65536, guint8);
    if (lattice == NULL || copy == NULL || output_copy == NULL || vips_image_pipelinev(image, VIPS_DEMAND_STYLE_THINSTRIP, in, NULL)) {
        g_object_unref(image);
        return -1;
    }
    memcpy(copy, table, count * sizeof(float));
    memcpy(output_copy, output, 65536);
    lattice->table = copy;
    lattice->output = output_copy;
    lattice->nodes = nodes;
    lattice->step = 255 / (nodes - 1);
    for (int v = 0; v < 256; v++) {
        // The last value sits at the far end of the last cell rather than in a cell of its own.
        int cell = v / lattice->step == nodes - 1 ? nodes - 2 : v / lattice->step;
        guint32 point = (guint32) cell * 3;
        lattice->red[v] = point * nodes * nodes;
        lattice->green[v] = point * nodes;
        lattice->blue[v] = point;
        lattice->fraction[v] = (guint8) (v - cell * lattice->step);
    }
    // The output reads `in` for as long as it lives, so it holds a reference of its own.
    g_object_ref(in);
    vips_object_local(image, in);
    if (vips_image_generate(image, vips_start_one, easel_lattice_generate, vips_stop_one, in, lattice)) {
        g_object_unref(image);
        return -1;
    }
    *out = image;
    return 0;
}
