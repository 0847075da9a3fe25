#!/usr/bin/env bash
# Benchmark (not a test): Easel on PostgreSQL against SQLite, on loopback. Starts its own
# PostgreSQL server (initdb into a temporary folder, pg_ctl on a free port; as the postgres
# user when run as root), then measures in one run:
#   1. create, query and file download requests/s and p99 (wrk) on SQLite and on PostgreSQL
#      (files: a 768 KiB PNG, from disk or from a bytea row);
#   2. classic-job throughput with 1, 2 and 3 worker processes on one PostgreSQL database;
#   3. the claim statement's latency with 10 and with 100 000 jobs waiting.
# See docs/PERFORMANCE.md. Usage: bench/postgres.sh [seconds per wrk run, default 10]
# (EASEL_SKIP_BUILD=1 measures the release binary already built.)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d /opt/swift/usr/bin ] && export PATH="/opt/swift/usr/bin:$PATH"
EASEL_BENCH=1 scripts/bootstrap.sh
duration=${1:-10}
[ "${EASEL_SKIP_BUILD:-0}" = 1 ] || swift build -c release --product easel >/dev/null
easel=$PWD/.build/release/easel

work=$(mktemp -d)
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres:postgres "$work"
pgport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cleanup() {
  kill $(jobs -p) 2>/dev/null || true
  as_pg "$pgbin/pg_ctl" -D "$work/pg" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
as_pg "$pgbin/initdb" -D "$work/pg" -U easel -A trust -E UTF8 --no-locale >/dev/null
# A server configured as shipped (fsync on): the figures include durable commits.
as_pg "$pgbin/pg_ctl" -D "$work/pg" -o "-p $pgport -k $work -c listen_addresses=127.0.0.1 -c max_connections=200" \
  -l "$work/pg.log" -w start >/dev/null
psql_easel() { "$pgbin/psql" -h 127.0.0.1 -p "$pgport" -U easel -q -v ON_ERROR_STOP=1 "$@"; }
newdb() { psql_easel -d postgres -c "CREATE DATABASE $1"; echo "postgres://easel@127.0.0.1:$pgport/$1?sslmode=disable"; }

start() { # port, data dir, extra flags…
  local port=$1 data=$2; shift 2
  "$easel" serve --port "$port" --data-dir "$data" --log-level error "$@" >>"$work/easel.log" 2>&1 &
  for _ in $(seq 150); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && return; sleep 0.2; done
  echo "easel on port $port did not start"; cat "$work/easel.log"; exit 1
}
key_of() { grep -o 'esk_[A-Za-z0-9_-]*' "$1/initial-api-key.txt" | head -1; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on loopback"

# 1. The API's hot paths on each store. Jobs fail at once (a refused loopback URL), so the
#    worker's writes are part of the load but no traffic leaves the machine.
export EASEL_CREATE_BODY='{"model":"alibaba/wan-2.6/image-to-image","args":{"prompt":"make it warmer","image_urls":["http://127.0.0.1:9/photo.png"],"width":1024,"height":1024}}'
run_wrk() { # name, url, script
  local out
  out=$(wrk -t1 -c16 -d"${duration}s" --latency -s "$3" "$2")
  printf '  %-34s %9s req/s   p99 %s\n' "$1" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" "$(awk '$1 == "99%" {print $2}' <<<"$out")"
}
python3 - "$work/noise.png" <<'PY'
import random, struct, sys, zlib
random.seed(7)
w = h = 512
raw = b"".join(b"\0" + random.randbytes(w * 3) for _ in range(h))
def chunk(kind, data): return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY
echo "1. wrk, 1 thread, 16 connections, ${duration}s each"
start 18301 "$work/sqlite"
start 18302 "$work/pgnode" --database-url "$(newdb api)"
for store in sqlite:18301:"$work/sqlite" postgres:18302:"$work/pgnode"; do
  IFS=: read -r name port data <<<"$store"
  export EASEL_KEY; EASEL_KEY=$(key_of "$data")
  export EASEL_JOB; EASEL_JOB=$(curl -s -X POST "http://127.0.0.1:$port/api/v1/job/create" -H "Authorization: Bearer $EASEL_KEY" \
    -d "$EASEL_CREATE_BODY" | grep -o '"job_id":"[^"]*"' | head -1 | cut -d'"' -f4)
  run_wrk "$name GET /api/v1/job/query" "http://127.0.0.1:$port" bench/query.lua
  run_wrk "$name POST /api/v1/job/create" "http://127.0.0.1:$port" bench/create.lua
  file=$(curl -sf -X POST "http://127.0.0.1:$port/api/v1/files" -H "Authorization: Bearer $EASEL_KEY" \
    --data-binary @"$work/noise.png" | grep -o '/v1/files/[^"]*' | head -1)
  out=$(wrk -t1 -c16 -d"${duration}s" --latency "http://127.0.0.1:$port$file")
  printf '  %-34s %9s req/s   p99 %s\n' "$name GET $(du -k "$work/noise.png" | cut -f1) KiB file" \
    "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" "$(awk '$1 == "99%" {print $2}' <<<"$out")"
done
kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true

# 2. Classic jobs (768×768 from a 640×480 input) through 1, 2 and 3 worker processes.
jobs_count=120
image=$(python3 -c 'import base64,zlib,struct
w,h=640,480
raw=b"".join(b"\0"+bytes(v for x in range(w) for v in (x*255//w,y*255//h,128)) for y in range(h))
def chunk(t,d): return struct.pack(">I",len(d))+t+d+struct.pack(">I",zlib.crc32(t+d)&0xffffffff)
png=b"\x89PNG\r\n\x1a\n"+chunk(b"IHDR",struct.pack(">IIBBBBB",w,h,8,2,0,0,0))+chunk(b"IDAT",zlib.compress(raw))+chunk(b"IEND",b"")
print(base64.b64encode(png).decode())')
printf '{"model":"alibaba/wan-2.6/image-to-image","args":{"prompt":"warmer and brighter","image_urls":["data:image/png;base64,%s"],"width":768,"height":768}}' "$image" >"$work/job.json"
echo "2. $jobs_count classic jobs, each worker process with --workers 1"
for workers in 1 2 3; do
  url=$(newdb "w$workers")
  start 18310 "$work/api$workers" --database-url "$url" --role api
  key=$(key_of "$work/api$workers")
  for i in $(seq "$jobs_count"); do
    curl -sf -X POST http://127.0.0.1:18310/api/v1/job/create -H "Authorization: Bearer $key" \
      -H 'Content-Type: application/json' --data-binary @"$work/job.json" >/dev/null
  done
  began=$(date +%s.%N)
  for w in $(seq "$workers"); do start $((18320 + w)) "$work/worker$workers-$w" --database-url "$url" --role worker --workers 1; done
  until [ "$(psql_easel -d "w$workers" -tA -c "SELECT COUNT(*) FROM jobs WHERE status IN (0, 1)")" = 0 ]; do sleep 0.2; done
  ended=$(date +%s.%N)
  done_ok=$(psql_easel -d "w$workers" -tA -c "SELECT COUNT(*) FROM jobs WHERE status = 2")
  printf '  %d worker process(es): %6.1f jobs/s (%s of %s succeeded)\n' "$workers" \
    "$(awk -v n="$jobs_count" -v a="$began" -v b="$ended" 'BEGIN {print n / (b - a)}')" "$done_ok" "$jobs_count"
  kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true
done

# 3. The claim statement (as PostgresJobStore runs it), timed by the server, with 10 and
#    then 100 000 queued jobs; each claim is rolled back so the depth stays the same.
echo "3. claim latency (server-side, median of 200 claims)"
url=$(newdb claims)
start 18330 "$work/claims" --database-url "$url" --role api
kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true
claim_ms() {
  for _ in $(seq 200); do
    echo "BEGIN; EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON) UPDATE jobs SET status = 1, lease_owner = 'bench', lease_expires_at = 0, attempts = attempts + 1
      WHERE seq = (SELECT seq FROM jobs WHERE status = 0 AND key_id NOT IN (SELECT key_id FROM jobs WHERE status = 1 GROUP BY key_id HAVING COUNT(*) >= 100)
      ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING *; ROLLBACK;"
  done | psql_easel -d claims -tA | awk '/Execution Time/ {print $3}' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
fill() { # total queued jobs afterwards
  psql_easel -d claims -c "INSERT INTO jobs (id, key_id, model, engine, args_json, status, max_attempts, amount_units, amount_scale, created_at)
    SELECT md5(random()::text || g), (SELECT id FROM api_keys LIMIT 1), 'alibaba/wan-2.6/image-to-image', 'classic', '{}', 0, 3, 26, 3, g
    FROM generate_series(1, $1 - (SELECT COUNT(*) FROM jobs)) AS g; ANALYZE jobs;"
}
fill 10
printf '  %7s waiting: %s ms\n' 10 "$(claim_ms)"
fill 100000
printf '  %7s waiting: %s ms\n' 100000 "$(claim_ms)"
