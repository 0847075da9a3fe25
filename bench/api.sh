#!/usr/bin/env bash
# Benchmark (not a test): create and query on loopback against a bare Hummingbird JSON route
# measured in the same run, with wrk. Prints requests/s and p99 for each; see
# docs/PERFORMANCE.md. Usage: bench/api.sh [seconds per run, default 10] [connections, default 16]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d /opt/swift/usr/bin ] && export PATH="/opt/swift/usr/bin:$PATH"
EASEL_BENCH=1 scripts/bootstrap.sh
duration=${1:-10}
connections=${2:-16}
swift build -c release --product easel >/dev/null
swift build -c release --product BareJSONRoute >/dev/null

work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
.build/release/easel serve --port 18181 --data-dir "$work/data" --log-level error >"$work/easel.log" 2>&1 &
.build/release/BareJSONRoute 18182 >"$work/bare.log" 2>&1 &
for _ in $(seq 100); do
  curl -sf http://127.0.0.1:18181/healthz >/dev/null && curl -sf http://127.0.0.1:18182/json >/dev/null && break
  sleep 0.2
done
export EASEL_KEY=$(grep -o 'esk_[A-Za-z0-9_-]*' "$work/data/initial-api-key.txt" | head -1)
# The image URL is on loopback, which the server refuses to fetch (no allowlist): each job
# fails at once, so the worker adds its store writes to the load but sends no traffic.
export EASEL_CREATE_BODY='{"model":"alibaba/wan-2.6/image-to-image","args":{"prompt":"make it warmer","image_urls":["http://127.0.0.1:9/photo.png"],"width":1024,"height":1024}}'
export EASEL_JOB=$(curl -s -X POST http://127.0.0.1:18181/api/v1/job/create \
  -H "Authorization: Bearer $EASEL_KEY" -d "$EASEL_CREATE_BODY" \
  | grep -o '"job_id":"[^"]*"' | head -1 | cut -d'"' -f4)
[ -n "$EASEL_JOB" ] || { echo "could not create a job"; cat "$work/easel.log"; exit 1; }

run() { # name, url, [script]
  local out
  out=$(wrk -t1 -c"$connections" -d"${duration}s" --latency ${3:+-s "$3"} "$2")
  printf '%-26s %10s req/s   p99 %s\n' "$1" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" "$(awk '$1 == "99%" {print $2}' <<<"$out")"
}
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); wrk 1 thread, $connections connections, ${duration}s each"
run "bare Hummingbird JSON" http://127.0.0.1:18182/json
run "GET /api/v1/job/query" http://127.0.0.1:18181 bench/query.lua
run "POST /api/v1/job/create" http://127.0.0.1:18181 bench/create.lua
connections=4
run "POST create, 4 connections" http://127.0.0.1:18181 bench/create.lua
