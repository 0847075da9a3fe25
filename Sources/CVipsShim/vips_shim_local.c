// See include/vips_shim_local.h.
#include "vips_shim_local.h"

#include <math.h>

// Tiles per axis at most: bounds the mapping tables (tiles² × 256 bytes) for tiny tiles.
#define EASEL_MAX_TILES 64

static void easel_free_buffer(VipsImage *image, gpointer buffer) {
    (void) image;
    g_free(buffer);
}

// Wraps a g_malloc'ed one-band buffer as an image that frees it when closed.
static VipsImage *easel_image_owning(unsigned char *buffer, int width, int height, VipsBandFormat format) {
    size_t size = (size_t) width * height;
    VipsImage *image = vips_image_new_from_memory(buffer, size, width, height, 1, format);
    if (image == NULL) {
        g_free(buffer);
        return NULL;
    }
    g_signal_connect(image, "postclose", G_CALLBACK(easel_free_buffer), buffer);
    return image;
}

// The mapping of one tile: each level goes to the middle of its step in the cumulative
// histogram, after bins over `limit` are clipped and the excess is spread over all bins.
static void easel_tile_map(const unsigned char *pixels, int stride, int x0, int y0, int x1, int y1,
                           double max_slope, unsigned char *map) {
    guint32 histogram[256] = {0};
    for (int y = y0; y < y1; y++) {
        const unsigned char *row = pixels + (size_t) y * stride;
        for (int x = x0; x < x1; x++) {
            histogram[row[x]]++;
        }
    }
    double count = (double) (x1 - x0) * (y1 - y0);
    double limit = max_slope > 0 ? fmax(1, max_slope * count / 256) : count;
    double excess = 0;
    for (int i = 0; i < 256; i++) {
        excess += fmax(0, histogram[i] - limit);
    }
    double share = excess / 256, below = 0;
    for (int i = 0; i < 256; i++) {
        double bin = fmin(histogram[i], limit) + share;
        map[i] = (unsigned char) lround(fmin(255, 255 * (below + bin / 2) / count));
        below += bin;
    }
}

// For each position along an axis of `length` pixels cut into `tiles`: the two tiles whose
// centres bracket it and the weight (0…256) of the second.
static void easel_axis_weights(int length, int tiles, int *first, int *second, int *weight) {
    for (int p = 0; p < length; p++) {
        double f = (p + 0.5) * tiles / length - 0.5;
        int i = (int) floor(f);
        double w = f - i;
        if (i < 0) {
            i = 0;
            w = 0;
        } else if (i >= tiles - 1) {
            i = tiles - 1;
            w = 0;
        }
        first[p] = i;
        second[p] = i + 1 < tiles ? i + 1 : i;
        weight[p] = (int) lround(w * 256);
    }
}

static int easel_tile_count(int length, int tile) {
    int tiles = (int) lround((double) length / tile);
    return tiles < 1 ? 1 : (tiles > EASEL_MAX_TILES ? EASEL_MAX_TILES : tiles);
}

int easel_clahe(VipsImage *in, VipsImage **out, int tile, double max_slope) {
    if (in->Bands != 1 || in->BandFmt != VIPS_FORMAT_UCHAR || tile < 1) {
        vips_error("easel_clahe", "needs one 8-bit band and a positive tile size");
        return -1;
    }
    int width = in->Xsize, height = in->Ysize;
    size_t size = 0;
    unsigned char *pixels = vips_image_write_to_memory(in, &size);
    if (pixels == NULL) {
        return -1;
    }
    int nx = easel_tile_count(width, tile), ny = easel_tile_count(height, tile);
    unsigned char *maps = g_malloc((size_t) nx * ny * 256);
    for (int ty = 0; ty < ny; ty++) {
        for (int tx = 0; tx < nx; tx++) {
            easel_tile_map(pixels, width,
                           (int) ((gint64) tx * width / nx), (int) ((gint64) ty * height / ny),
                           (int) ((gint64) (tx + 1) * width / nx), (int) ((gint64) (ty + 1) * height / ny),
                           max_slope, maps + ((size_t) ty * nx + tx) * 256);
        }
    }
    int *columns = g_malloc(sizeof(int) * 3 * (size_t) width);
    int *rows = g_malloc(sizeof(int) * 3 * (size_t) height);
    easel_axis_weights(width, nx, columns, columns + width, columns + 2 * width);
    easel_axis_weights(height, ny, rows, rows + height, rows + 2 * height);
    unsigned char *result = g_malloc(size);
    for (int y = 0; y < height; y++) {
        const unsigned char *top = maps + (size_t) rows[y] * nx * 256;
        const unsigned char *bottom = maps + (size_t) rows[height + y] * nx * 256;
        int wy = rows[2 * height + y];
        const unsigned char *source = pixels + (size_t) y * width;
        unsigned char *target = result + (size_t) y * width;
        for (int x = 0; x < width; x++) {
            int v = source[x], left = columns[x] * 256 + v, right = columns[width + x] * 256 + v;
            int wx = columns[2 * width + x];
            int upper = top[left] * (256 - wx) + top[right] * wx;
            int lower = bottom[left] * (256 - wx) + bottom[right] * wx;
            target[x] = (unsigned char) ((upper * (256 - wy) + lower * wy + 32768) >> 16);
        }
    }
    g_free(rows);
    g_free(columns);
    g_free(maps);
    g_free(pixels);
    *out = easel_image_owning(result, width, height, VIPS_FORMAT_UCHAR);
    return *out == NULL ? -1 : 0;
}

// splitmix64's finaliser: a well-mixed 64-bit value from a counter.
static inline guint64 easel_hash(guint64 z) {
    z += 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

int easel_grain_noise(VipsImage **out, int width, int height, double sigma, guint32 seed) {
    if (width < 1 || height < 1 || !(sigma >= 0 && sigma <= 40)) {
        vips_error("easel_grain_noise", "needs a positive size and a deviation of 0…40");
        return -1;
    }
    size_t count = (size_t) width * height;
    signed char *noise = g_malloc(count);
    // Four 16-bit uniforms sum to mean 2 · 65535 and deviation 65536 / √3 (Irwin–Hall).
    const double mean = 2 * 65535.0, scale = sigma * sqrt(3.0) / 65536;
    const guint64 key = (guint64) seed << 32;
    for (size_t i = 0; i < count; i++) {
        guint64 h = easel_hash(key + i);
        double sum = (double) ((h & 0xFFFF) + ((h >> 16) & 0xFFFF) + ((h >> 32) & 0xFFFF) + (h >> 48));
        long v = lround((sum - mean) * scale);
        noise[i] = (signed char) (v > 127 ? 127 : (v < -127 ? -127 : v));
    }
    *out = easel_image_owning((unsigned char *) noise, width, height, VIPS_FORMAT_CHAR);
    return *out == NULL ? -1 : 0;
}
