// See include/vips_shim_effects.h. Each wrapper only pins the option list of one libvips call.
#include "vips_shim_effects.h"

VipsImage *easel_load_buffer_options(const void *buf, size_t len, const char *options, int strict) {
    return vips_image_new_from_buffer(buf, len, options,
                                      "fail_on", strict ? VIPS_FAIL_ON_WARNING : VIPS_FAIL_ON_TRUNCATED,
                                      "access", VIPS_ACCESS_SEQUENTIAL,
                                      NULL);
}

int easel_rot(VipsImage *in, VipsImage **out, int quarter_turns) {
    VipsAngle angle = quarter_turns == 1 ? VIPS_ANGLE_D90
        : quarter_turns == 2 ? VIPS_ANGLE_D180 : VIPS_ANGLE_D270;
    return vips_rot(in, out, angle, NULL);
}

int easel_rotate(VipsImage *in, VipsImage **out, double degrees) {
    return vips_rotate(in, out, degrees, NULL);
}

int easel_flip(VipsImage *in, VipsImage **out, int horizontal) {
    return vips_flip(in, out, horizontal ? VIPS_DIRECTION_HORIZONTAL : VIPS_DIRECTION_VERTICAL, NULL);
}

int easel_zoom(VipsImage *in, VipsImage **out, int xfac, int yfac) {
    return vips_zoom(in, out, xfac, yfac, NULL);
}

int easel_shrink(VipsImage *in, VipsImage **out, double hshrink, double vshrink) {
    return vips_shrink(in, out, hshrink, vshrink, NULL);
}

int easel_join(VipsImage *first, VipsImage *second, VipsImage **out, int horizontal) {
    return vips_join(first, second, out,
                     horizontal ? VIPS_DIRECTION_HORIZONTAL : VIPS_DIRECTION_VERTICAL, NULL);
}

int easel_add(VipsImage *left, VipsImage *right, VipsImage **out) {
    return vips_add(left, right, out, NULL);
}

int easel_subtract(VipsImage *left, VipsImage *right, VipsImage **out) {
    return vips_subtract(left, right, out, NULL);
}

int easel_multiply(VipsImage *left, VipsImage *right, VipsImage **out) {
    return vips_multiply(left, right, out, NULL);
}

int easel_divide(VipsImage *left, VipsImage *right, VipsImage **out) {
    return vips_divide(left, right, out, NULL);
}

int easel_pow_const(VipsImage *in, VipsImage **out, double exponent) {
    return vips_pow_const1(in, out, exponent, NULL);
}

int easel_remainder_const(VipsImage *in, VipsImage **out, double divisor) {
    return vips_remainder_const1(in, out, divisor, NULL);
}

int easel_round(VipsImage *in, VipsImage **out) {
    return vips_round(in, out, VIPS_OPERATION_ROUND_RINT, NULL);
}

int easel_recomb(VipsImage *in, VipsImage **out, const double *matrix, int rows, int cols) {
    VipsImage *m = vips_image_new_matrix_from_array(cols, rows, matrix, rows * cols);
    if (m == NULL) {
        return -1;
    }
    int result = vips_recomb(in, out, m, NULL);
    g_object_unref(m);
    return result;
}

int easel_maplut(VipsImage *in, VipsImage **out, VipsImage *lut) {
    return vips_maplut(in, out, lut, NULL);
}

int easel_percent(VipsImage *in, double percent, int *threshold) {
    return vips_percent(in, percent, threshold, NULL);
}

int easel_gaussblur(VipsImage *in, VipsImage **out, double sigma) {
    return vips_gaussblur(in, out, sigma, NULL);
}

int easel_median(VipsImage *in, VipsImage **out, int size) {
    return vips_median(in, out, size, NULL);
}

int easel_sobel(VipsImage *in, VipsImage **out) {
    return vips_sobel(in, out, NULL);
}

int easel_xyz(VipsImage **out, int width, int height) {
    return vips_xyz(out, width, height, NULL);
}

int easel_smartcrop_attention(VipsImage *in, VipsImage **out, int width, int height) {
    return vips_smartcrop(in, out, width, height, "interesting", VIPS_INTERESTING_ATTENTION, NULL);
}

int easel_insert(VipsImage *main, VipsImage *sub, VipsImage **out, int x, int y) {
    return vips_insert(main, sub, out, x, y, NULL);
}
