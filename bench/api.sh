#!/usr/bin/env bash
# Benchmark (not a test): create and query on loopback against a bare Hummingbird JSON route
# measured in the same run, with wrk. Prints requests/s, p50, p99 and non-2xx answers for each;
# see docs/PERFORMANCE.md.
# Usage: bench/api.sh [seconds per run, default 10] [connections, default 16] [other easel binary]
# With another binary (say, the release build of an earlier commit), its query and create
# runs follow this build's in the same command, each after a bare-route run of its own.
# (EASEL_SKIP_BUILD=1 measures the release binaries already built.)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d /opt/swift/usr/bin ] && export PATH="/opt/swift/usr/bin:$PATH"
EASEL_BENCH=1 scripts/bootstrap.sh
duration=${1:-10}
connections=${2:-16}
binaries=(.build/release/easel ${3:+"$3"})
if [ "${EASEL_SKIP_BUILD:-0}" != 1 ]; then
  swift build -c release --product easel >/dev/null
  swift build -c release --product BareJSONRoute >/dev/null
fi
# One key sends everything, faster than the worker fails its jobs: limits it never reaches
# keep the checks on the path without refusing anything (an older binary ignores the
# variables it does not know).
export EASEL_RATE_LIMIT_PER_SECOND=1000000 EASEL_MAX_UNFINISHED_PER_KEY=10000000 EASEL_QUEUE_LIMIT=10000000

work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
.build/release/BareJSONRoute 18182 >"$work/bare.log" 2>&1 &
# The image URL is on loopback, which the server refuses to fetch (no allowlist): each job
# fails at once, so the worker adds its store writes to the load but sends no traffic.
export EASEL_CREATE_BODY='{"model":"alibaba/wan-2.6/image-to-image","args":{"prompt":"make it warmer","image_urls":["http://127.0.0.1:9/photo.png"],"width":1024,"height":1024}}'

run() { # name, url, connections, [script]
  local out
  out=$(wrk -t1 -c"$3" -d"${duration}s" --latency ${4:+-s "$4"} "$2")
  printf '%-34s %10s req/s   p50 %-9s p99 %-9s non-2xx %s\n' "$1" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
    "$(awk '$1 == "50%" {print $2}' <<<"$out")" "$(awk '$1 == "99%" {print $2}' <<<"$out")" \
    "$(awk '/Non-2xx/ {print $NF}' <<<"$out" | grep . || echo 0)"
}

start() { # binary, port, data dir: starts it (server_pid) and exports EASEL_KEY and EASEL_JOB
  "$1" serve --port "$2" --data-dir "$3" --log-level error >"$3.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 150); do
    curl -sf "http://127.0.0.1:$2/healthz" >/dev/null && curl -sf http://127.0.0.1:18182/json >/dev/null && break
    sleep 0.2
  done
  EASEL_KEY=$(grep -o 'esk_[A-Za-z0-9_-]*' "$3/initial-api-key.txt" | head -1)
  EASEL_JOB=$(curl -s -X POST "http://127.0.0.1:$2/api/v1/job/create" \
    -H "Authorization: Bearer $EASEL_KEY" -d "$EASEL_CREATE_BODY" \
    | grep -o '"job_id":"[^"]*"' | head -1 | cut -d'"' -f4)
  [ -n "$EASEL_JOB" ] || { echo "could not create a job with $1"; cat "$3.log"; exit 1; }
  export EASEL_KEY EASEL_JOB
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); wrk 1 thread, ${duration}s each"
port=18191
for binary in "${binaries[@]}"; do
  echo "== $binary"
  start "$binary" "$port" "$work/data-$port"
  run "bare Hummingbird JSON" http://127.0.0.1:18182/json "$connections"
  run "GET /api/v1/job/query" "http://127.0.0.1:$port" "$connections" bench/query.lua
  run "POST /api/v1/job/create, $connections conn" "http://127.0.0.1:$port" "$connections" bench/create.lua
  run "POST /api/v1/job/create, 4 conn" "http://127.0.0.1:$port" 4 bench/create.lua
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  port=$((port + 1))
done
