#!/usr/bin/env bash
# Benchmarks the classic engine against the `vips` command-line tool doing the same
# operations on the same input, in the same run. Usage: bench/classic/run.sh [runs]
# Builds a throw-away package in $BENCH_DIR (default /tmp/easel-classic-bench) that links
# the repository's source folders, so the main package's .build is left alone.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-15}"
dir="${BENCH_DIR:-/tmp/easel-classic-bench}"
mkdir -p "$dir/Sources"
for target in CVips CVipsShim EaselAPI EaselCore EaselImaging EaselEngines; do
    ln -sfn "$repo/Sources/$target" "$dir/Sources/$target"
done
ln -sfn "$repo/bench/classic/ClassicBench" "$dir/Sources/ClassicBench"
cat > "$dir/Package.swift" <<'SWIFT'
// swift-tools-version:6.2
import PackageDescription
let package = Package(
    name: "easel-classic-bench",
    dependencies: [.package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3")],
    targets: [
        .systemLibrary(name: "CVips", pkgConfig: "vips"),
        .target(name: "CVipsShim", dependencies: ["CVips"]),
        .target(name: "EaselImaging", dependencies: ["CVipsShim"]),
        .target(name: "EaselAPI"),
        .target(name: "EaselCore", dependencies: ["EaselAPI", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "EaselEngines", dependencies: ["EaselCore", "EaselImaging"]),
        .executableTarget(name: "ClassicBench", dependencies: ["EaselEngines", "EaselImaging", "EaselCore"]),
    ]
)
SWIFT
(cd "$dir" && swift build -c release --product ClassicBench 2>&1 | tail -1)
bench="$dir/.build/release/ClassicBench"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), libvips $(vips --version)"
"$bench" "$runs"

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
