// The baseline for bench/classic/run.sh: libvips itself doing the first two benchmark edits'
// operations as one in-process pipeline per edit (decode, Lab, one linear map, sRGB, encode),
// the way a program using libvips directly would, so that the engine is compared with the
// library's own cost rather than with the vips command-line tool's processes and files.
// A third pipeline grades the way the engine does (L* through a tone curve's lookup table,
// then a 3×3 recombination and offset of L*a*b*), for a like-for-like ratio: a curve keeps
// highlights and shadows that one linear map clips, and costs more.
//   VipsPipeline FILE RUNS     prints the median of RUNS timed runs of each pipeline
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <vips/vips.h>

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

// One edit, decode to encode. Returns 0 on success.
static int pipeline(const void *input, size_t length, int sharpen, const double *scale, const double *offset) {
    VipsImage *decoded = NULL, *sharpened = NULL, *lab = NULL, *graded = NULL, *srgb = NULL;
    void *output = NULL;
    size_t output_length = 0;
    int failed = 0;
    decoded = vips_image_new_from_buffer(input, length, "", "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    failed = decoded == NULL;
    VipsImage *source = decoded;
    if (!failed && sharpen) {
        failed = vips_sharpen(decoded, &sharpened, NULL);
        source = sharpened;
    }
    failed = failed || vips_colourspace(source, &lab, VIPS_INTERPRETATION_LAB, NULL);
    failed = failed || vips_linear(lab, &graded, scale, offset, 3, NULL);
    failed = failed || vips_colourspace(graded, &srgb, VIPS_INTERPRETATION_sRGB, NULL);
    failed = failed || vips_jpegsave_buffer(srgb, &output, &output_length, "Q", 92, "optimize_coding", TRUE, NULL);
    g_free(output);
    if (srgb) g_object_unref(srgb);
    if (graded) g_object_unref(graded);
    if (lab) g_object_unref(lab);
    if (sharpened) g_object_unref(sharpened);
    if (decoded) g_object_unref(decoded);
    return failed;
}

// The engine's grade, decode to encode: L* × 10 indexes a 1001-entry curve, and the graded
// L* with a*, b* goes through a 3×3 matrix and an offset (warmth), as `Raster.graded` builds it.
static int curve_pipeline(const void *input, size_t length, VipsImage *curve, const double *offset) {
    VipsObject *scope = VIPS_OBJECT(vips_image_new());
    VipsImage **t = (VipsImage **) vips_object_local_array(scope, 12);
    const double identity[9] = {1, 0, 0, 0, 1, 0, 0, 0, 1}, ones[3] = {1, 1, 1};
    void *output = NULL;
    size_t output_length = 0;
    int failed = (t[0] = vips_image_new_from_buffer(input, length, "", "access", VIPS_ACCESS_SEQUENTIAL, NULL)) == NULL;
    failed = failed || vips_colourspace(t[0], &t[1], VIPS_INTERPRETATION_LAB, NULL);
    failed = failed || vips_extract_band(t[1], &t[2], 0, NULL);
    failed = failed || vips_extract_band(t[1], &t[3], 1, "n", 2, NULL);
    failed = failed || vips_linear1(t[2], &t[4], 10, 0.5, NULL);
    failed = failed || vips_cast(t[4], &t[5], VIPS_FORMAT_USHORT, NULL);
    failed = failed || vips_maplut(t[5], &t[6], curve, NULL);
    failed = failed || vips_bandjoin2(t[6], t[3], &t[7], NULL);
    failed = failed || (t[8] = vips_image_new_matrix_from_array(3, 3, identity, 9)) == NULL;
    failed = failed || vips_recomb(t[7], &t[9], t[8], NULL);
    failed = failed || vips_linear(t[9], &t[10], ones, offset, 3, NULL);
    failed = failed || vips_copy(t[10], &t[11], "interpretation", VIPS_INTERPRETATION_LAB, NULL);
    VipsImage *srgb = NULL;
    failed = failed || vips_colourspace(t[11], &srgb, VIPS_INTERPRETATION_sRGB, NULL);
    failed = failed || vips_jpegsave_buffer(srgb, &output, &output_length, "Q", 92, "optimize_coding", TRUE, NULL);
    g_free(output);
    if (srgb) g_object_unref(srgb);
    g_object_unref(scope);
    return failed;
}

int main(int argc, char **argv) {
    if (argc != 3 || VIPS_INIT(argv[0])) {
        fprintf(stderr, "usage: VipsPipeline FILE RUNS\n");
        return 2;
    }
    // The engine keeps libvips' operation cache off; so does the baseline.
    vips_cache_set_max(0);
    int runs = atoi(argv[2]);
    gchar *input = NULL;
    gsize length = 0;
    if (runs < 1 || !g_file_get_contents(argv[1], &input, &length, NULL)) {
        fprintf(stderr, "cannot read %s\n", argv[1]);
        return 1;
    }
    // "brighter, more contrast, warmer" and "sharpen, add a vignette, warmer" as the vips CLI
    // baseline writes them (brightness, contrast and warmth as one linear map on Lab).
    const double graded_scale[3] = {0.75, 1, 1}, graded_offset[3] = {22.5, 2, 8};
    const double warm_scale[3] = {1, 1, 1}, warm_offset[3] = {0, 2, 8};
    const char *names[2] = {"grade", "sharpen+grade"};
    double *times = malloc(sizeof(double) * runs);
    for (int edit = 0; edit < 2; edit++) {
        const double *scale = edit ? warm_scale : graded_scale, *offset = edit ? warm_offset : graded_offset;
        for (int run = -1; run < runs; run++) {  // run -1 warms libvips up
            double start = now_ms();
            if (pipeline(input, length, edit, scale, offset)) {
                fprintf(stderr, "libvips failed: %s\n", vips_error_buffer());
                return 1;
            }
            if (run >= 0) times[run] = now_ms() - start;
        }
        qsort(times, runs, sizeof(double), compare);
        printf("libvips in-process (%s) median %.1f ms  min %.1f ms\n", names[edit], times[runs / 2], times[0]);
    }
    // "brightness +1; contrast +1; temperature +1" as the engine grades it: brightness lifts
    // L* toward 100 by a fifth, contrast stretches it about 50 by a quarter, warmth moves b*.
    float samples[1001];
    for (int i = 0; i <= 1000; i++) {
        double l = i / 10.0;
        l = l + 0.2 * (100 - l);
        l = 50 + (l - 50) * 1.25;
        samples[i] = (float) (l < 0 ? 0 : l > 100 ? 100 : l);
    }
    VipsImage *curve = vips_image_new_from_memory_copy(samples, sizeof(samples), 1001, 1, 1, VIPS_FORMAT_FLOAT);
    const double warm_lab[3] = {0, 2, 8};
    for (int run = -1; run < runs; run++) {
        double start = now_ms();
        if (curve == NULL || curve_pipeline(input, length, curve, warm_lab)) {
            fprintf(stderr, "libvips failed: %s\n", vips_error_buffer());
            return 1;
        }
        if (run >= 0) times[run] = now_ms() - start;
    }
    qsort(times, runs, sizeof(double), compare);
    printf("libvips in-process (grade, the engine's operations) median %.1f ms  min %.1f ms\n", times[runs / 2], times[0]);
    g_object_unref(curve);
    free(times);
    g_free(input);
    vips_shutdown();
    return 0;
}
