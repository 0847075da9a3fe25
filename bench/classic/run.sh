#!/usr/bin/env bash
# Benchmarks the classic engine against libvips in-process (Benchmarks/VipsPipeline) and the
# `vips` command-line tool doing the same operations on the same input, in the same run.
# Usage: bench/classic/run.sh [runs]
# Builds the package's benchmark programs (Benchmarks/ClassicBench, Benchmarks/VipsPipeline)
# in release mode; every debug build compiles them too, so they cannot stop building unseen.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-15}"
cd "$repo"
swift build -c release --product ClassicBench 2>&1 | tail -1
swift build -c release --product VipsPipeline 2>&1 | tail -1
bench="$repo/.build/release/ClassicBench"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), libvips $(vips --version)"
"$bench" "$runs"
# libvips doing the first two edits' operations in one process: the baseline to beat.
"$repo/.build/release/VipsPipeline" /tmp/easel-bench-input.jpg "$runs"

# The same three global edits with the vips CLI: decode, Lab, one linear map (brightness,
# contrast and warmth composed, as the engine does), back to sRGB, encode. Each step is a
# process writing a .v file, as a shell user would run it.
in=/tmp/easel-bench-input.jpg
tmp="$(mktemp -d)"
cli() {
    vips colourspace "$in" "$tmp/lab.v" lab
    vips linear "$tmp/lab.v" "$tmp/graded.v" "0.75 1 1" "22.5 2 8"
    vips colourspace "$tmp/graded.v" "$tmp/out.jpg[Q=92,optimize_coding]" srgb
}
cli_sharpen() {
    vips sharpen "$in" "$tmp/sharp.v"
    vips colourspace "$tmp/sharp.v" "$tmp/lab.v" lab
    vips linear "$tmp/lab.v" "$tmp/graded.v" "1 1 1" "0 2 8"
    vips colourspace "$tmp/graded.v" "$tmp/out.jpg[Q=92,optimize_coding]" srgb
}
for name in cli cli_sharpen; do
    times=()
    for _ in $(seq 0 "$runs"); do
        start=$(date +%s%N); $name; end=$(date +%s%N)
        times+=($(( (end - start) / 1000 )))
    done
    median=$(printf '%s\n' "${times[@]:1}" | sort -n | awk '{a[NR]=$1} END {print a[int(NR/2)+1]/1000}')
    echo "vips CLI ($name) 1024×1024 → 1024×1024  median ${median} ms"
done
rm -rf "$tmp"
"$bench" 3 --large

# Peak memory for the largest inputs the server allows (40 megapixels, 16384 px a side),
# read from a file on disk and fitted to 1280×1280 and to the API's largest 2560×2560. Each
# edit is its own process under /usr/bin/time, so its peak RSS is that edit's alone.
if [ -x /usr/bin/time ]; then
    for size in "6324 6324" "16384 2441"; do
        set -- $size
        for ext in jpg png; do
            file="/tmp/easel-bench-$1x$2.$ext"
            [ -f "$file" ] || "$bench" --make "$1" "$2" "$file"
            for out in 1280 2560; do
                /usr/bin/time -f "  peak RSS %M KiB" "$bench" --edit "$file" "$out" "$out" 2>&1 | paste -sd ' '
            done
        done
    done
fi
