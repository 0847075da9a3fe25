// See include/vips_shim.h. Each wrapper only pins the option list of one libvips call.
#include "vips_shim.h"

// vips_vector_set_enabled: not among the headers vips.h includes.
#include <vips/vector.h>

// libvips also prints a warning for each problem it then reports as an error ("error in
// tile …" for a truncated file). Easel returns those errors to the caller, so the copies on
// stderr would only be noise an uploader could trigger at will.
static void easel_drop_log(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void) domain;
    (void) level;
    (void) message;
    (void) data;
}

int easel_vips_start(int concurrency) {
    if (VIPS_INIT("easel")) {
        return -1;
    }
    g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING, easel_drop_log, NULL);
    // Servers decode each image once: the operation cache would only hold memory.
    vips_cache_set_max(0);
    vips_cache_set_max_mem(0);
    vips_cache_set_max_files(0);
    // Refuse loaders libvips marks as unsafe for untrusted input (ImageMagick, PDF, SVG …).
    vips_block_untrusted_set(TRUE);
    // No run-time compiled (Orc) vector code: programs compiled for operations built at once
    // on several threads crashed in liborc (1 test run in 12), and the plain C paths are as
    // fast for the engine's edits (ClassicBench, docs/PERFORMANCE.md).
    vips_vector_set_enabled(FALSE);
    if (concurrency > 0) {
        vips_concurrency_set(concurrency);
    }
    return 0;
}

VipsImage *easel_load_buffer(const void *buf, size_t len, int strict) {
    return vips_image_new_from_buffer(buf, len, "",
                                      "fail_on", strict ? VIPS_FAIL_ON_WARNING : VIPS_FAIL_ON_TRUNCATED,
                                      "access", VIPS_ACCESS_SEQUENTIAL,
                                      NULL);
}

int easel_png_save(VipsImage *in, void **buf, size_t *len, int compression, int strip) {
    return vips_pngsave_buffer(in, buf, len,
                               "compression", compression,
                               "strip", strip,
                               NULL);
}

int easel_jpeg_save(VipsImage *in, void **buf, size_t *len, int quality, int strip) {
    return vips_jpegsave_buffer(in, buf, len,
                                "Q", quality,
                                "strip", strip,
                                "optimize_coding", TRUE,
                                NULL);
}

int easel_webp_save(VipsImage *in, void **buf, size_t *len, int quality, int lossless, int strip) {
    return vips_webpsave_buffer(in, buf, len,
                                "Q", quality,
                                "lossless", lossless,
                                "strip", strip,
                                NULL);
}

int easel_autorot(VipsImage *in, VipsImage **out) {
    return vips_autorot(in, out, NULL);
}

int easel_colourspace(VipsImage *in, VipsImage **out, VipsInterpretation space) {
    return vips_colourspace(in, out, space, NULL);
}

int easel_icc_to_srgb(VipsImage *in, VipsImage **out) {
    return vips_icc_transform(in, out, "srgb",
                              "embedded", TRUE,
                              "intent", VIPS_INTENT_RELATIVE,
                              "depth", 8,
                              NULL);
}

int easel_cast(VipsImage *in, VipsImage **out, VipsBandFormat format) {
    return vips_cast(in, out, format, NULL);
}

int easel_copy_interpretation(VipsImage *in, VipsImage **out, VipsInterpretation space) {
    return vips_copy(in, out, "interpretation", space, NULL);
}

int easel_copy_with_orientation(VipsImage *in, VipsImage **out, int orientation) {
    // Metadata is set on a fresh copy, so images other code holds are never mutated. The copy
    // is fresh because easel_vips_start turns the operation cache off; with it on, vips_copy
    // could hand back a cached image shared with another caller.
    if (vips_copy(in, out, NULL)) {
        return -1;
    }
    vips_image_set_int(*out, VIPS_META_ORIENTATION, orientation);
    return 0;
}

int easel_extract_bands(VipsImage *in, VipsImage **out, int first, int count) {
    return vips_extract_band(in, out, first, "n", count, NULL);
}

int easel_bandjoin_const(VipsImage *in, VipsImage **out, double value) {
    return vips_bandjoin_const1(in, out, value, NULL);
}

int easel_bandjoin2(VipsImage *first, VipsImage *second, VipsImage **out) {
    return vips_bandjoin2(first, second, out, NULL);
}

int easel_flatten(VipsImage *in, VipsImage **out, const double *background, int n) {
    VipsArrayDouble *bg = vips_array_double_new(background, n);
    int result = vips_flatten(in, out, "background", bg, NULL);
    vips_area_unref(VIPS_AREA(bg));
    return result;
}

int easel_premultiply(VipsImage *in, VipsImage **out) {
    return vips_premultiply(in, out, NULL);
}

int easel_unpremultiply(VipsImage *in, VipsImage **out) {
    return vips_unpremultiply(in, out, NULL);
}

int easel_resize(VipsImage *in, VipsImage **out, double hscale, double vscale) {
    return vips_resize(in, out, hscale,
                       "vscale", vscale,
                       "kernel", VIPS_KERNEL_LANCZOS3,
                       NULL);
}

int easel_extract_area(VipsImage *in, VipsImage **out, int left, int top, int width, int height) {
    return vips_extract_area(in, out, left, top, width, height, NULL);
}

int easel_embed(VipsImage *in, VipsImage **out, int x, int y, int width, int height,
                const double *background, int n) {
    if (background == NULL) {
        return vips_embed(in, out, x, y, width, height,
                          "extend", VIPS_EXTEND_COPY,
                          NULL);
    }
    VipsArrayDouble *bg = vips_array_double_new(background, n);
    int result = vips_embed(in, out, x, y, width, height,
                            "extend", VIPS_EXTEND_BACKGROUND,
                            "background", bg,
                            NULL);
    vips_area_unref(VIPS_AREA(bg));
    return result;
}

int easel_linear(VipsImage *in, VipsImage **out, const double *a, const double *b, int n) {
    return vips_linear(in, out, a, b, n, NULL);
}

int easel_band_stats(VipsImage *in, double *mean, double *deviation, int n) {
    if (n > in->Bands) {
        vips_error("easel", "asked for statistics of %d bands, image has %d", n, in->Bands);
        return -1;
    }
    VipsImage *stats = NULL;
    if (vips_stats(in, &stats, NULL)) {
        return -1;
    }
    // vips_stats: row 0 covers all bands, row i + 1 band i; column 4 is the mean and
    // column 5 the standard deviation.
    for (int band = 0; band < n; band++) {
        mean[band] = *VIPS_MATRIX(stats, 4, band + 1);
        deviation[band] = *VIPS_MATRIX(stats, 5, band + 1);
    }
    g_object_unref(stats);
    return 0;
}
