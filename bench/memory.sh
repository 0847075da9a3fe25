#!/usr/bin/env bash
# Benchmark (not a test): the server's memory under hostile images. Starts `easel serve`,
# runs one ordinary job (the idle figure), then JOBS jobs of four 40-megapixel 16-bit
# interlaced PNGs each (the worst decode the input caps allow: no row streaming, 240 MB of
# samples per image, 230 KB on the wire), and prints resident memory: idle, peak during the
# jobs, and 10 s after the last job ended (what the process keeps). See docs/PERFORMANCE.md.
# Usage: bench/memory.sh [jobs, default 4] [other easel binary to measure in the same run]
# (EASEL_SKIP_BUILD=1 measures the release binary already built.)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d /opt/swift/usr/bin ] && export PATH="/opt/swift/usr/bin:$PATH"
EASEL_BENCH=1 scripts/bootstrap.sh
jobs=${1:-4}
binaries=(.build/release/easel ${2:+"$2"})
[ "${EASEL_SKIP_BUILD:-0}" = 1 ] || swift build -c release --product easel >/dev/null

work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
vips black "$work/b.v" 7300 5400 --bands 3
vips cast "$work/b.v" "$work/c.v" ushort
vips copy "$work/c.v" "$work/d.v" --interpretation rgb16
vips pngsave "$work/d.v" "$work/evil.png" --interlace --compression 9
vips black "$work/small.v" 640 480 --bands 3
vips pngsave "$work/small.v" "$work/small.png"

body() { # image file, copies
  python3 - "$1" "$2" <<'PY'
import base64, json, sys
url = "data:image/png;base64," + base64.b64encode(open(sys.argv[1], "rb").read()).decode()
args = {"prompt": "warmer", "image_urls": [url] * int(sys.argv[2]), "width": 1024, "height": 1024}
print(json.dumps({"model": "alibaba/wan-2.6/image-to-image", "args": args}))
PY
}
body "$work/evil.png" 4 >"$work/evil.json"
body "$work/small.png" 1 >"$work/small.json"

kib() { awk -v field="$2:" '$1 == field {print $2}' "/proc/$1/status"; }
mib() { echo $(($1 / 1024)); }

measure() { # binary
  local data="$work/data-$RANDOM" port=18191 pid key
  "$1" serve --port $port --data-dir "$data" --log-level error >"$work/easel.log" 2>&1 &
  pid=$!
  for _ in $(seq 100); do curl -sf http://127.0.0.1:$port/healthz >/dev/null && break; sleep 0.2; done
  key=$(grep -o 'esk_[A-Za-z0-9_-]*' "$data/initial-api-key.txt" | head -1)
  create() { curl -sf -X POST http://127.0.0.1:$port/api/v1/job/create -H "Authorization: Bearer $key" \
    -H 'Content-Type: application/json' --data-binary @"$1" >/dev/null; }
  settle() { # waits until no job is queued or running
    while curl -sf "http://127.0.0.1:$port/api/v1/job/list?limit=100" -H "Authorization: Bearer $key" \
      | grep -q '"status":[01][,}]'; do sleep 0.5; done
  }
  create "$work/small.json"; settle; sleep 2
  local idle; idle=$(kib $pid VmRSS)
  for _ in $(seq "$jobs"); do create "$work/evil.json"; done
  settle
  local peak; peak=$(kib $pid VmHWM)
  local outcome; outcome=$(curl -sf "http://127.0.0.1:$port/api/v1/job/list?limit=100" -H "Authorization: Bearer $key" \
    | grep -o '"status":[0-9]' | sort | uniq -c | tr -s ' ' | tr '\n' ' ')
  sleep 10
  local kept; kept=$(kib $pid VmRSS)
  printf '%-34s idle %5s MiB   peak %5s MiB   kept after 10 s %5s MiB (%s× idle)   jobs by status: %s\n' "$1" \
    "$(mib "$idle")" "$(mib "$peak")" "$(mib "$kept")" "$(awk -v a="$kept" -v b="$idle" 'BEGIN {printf "%.1f", a / b}')" "$outcome"
  kill $pid; wait $pid 2>/dev/null || true
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $jobs jobs × 4 images of 7300×5400 16-bit interlaced PNG"
for binary in "${binaries[@]}"; do measure "$binary"; done
