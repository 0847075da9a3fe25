#!/usr/bin/env bash
# Runs the README's test command on a fresh clone several times in a row while another
# process keeps every core busy, as a loaded CI machine would be, and prints how long each
# run took. A test that races the clock (a delay that must not have passed, a deadline too
# short for a slow machine) fails here long before it fails a CI run by chance.
#
#   scripts/test-under-load.sh            # three runs of the clone of HEAD
#   RUNS=1 scripts/test-under-load.sh     # one
#   LOAD="swift" scripts/test-under-load.sh   # the load is a second `swift build` loop
#
# The load is stress-ng (Debian's; installed when missing) with one CPU worker per core, at
# the same priority as the tests, or with LOAD=swift a loop of clean `swift build`s of a
# second clone. The first run builds the clone; later runs reuse its build, as a developer's
# would. Exits non-zero as soon as a run fails; the logs stay in the printed folder.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
runs=${RUNS:-3}
load=${LOAD:-stress}
[ -d /opt/swift/usr/bin ] && export PATH="/opt/swift/usr/bin:$PATH"

work=$(mktemp -d /tmp/easel-under-load.XXXXXX)
echo "work folder: $work"
git clone -q --no-hardlinks "$repo" "$work/clone"
# The clone needs shared/ beside it, as the checkout has it.
[ -d "$repo/../shared" ] && [ ! -e "$work/shared" ] && ln -s "$(cd "$repo/../shared" && pwd)" "$work/shared"

loader=""
stop_load() {
  if [ -n "$loader" ]; then
    kill -- -"$loader" 2>/dev/null || kill "$loader" 2>/dev/null || true
    wait "$loader" 2>/dev/null || true
  fi
}
trap stop_load EXIT

case "$load" in
  stress)
    if ! command -v stress-ng >/dev/null; then
      sudo=""
      [ "$(id -u)" = 0 ] || sudo="sudo"
      $sudo apt-get update -qq
      DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends stress-ng
    fi
    set -m
    stress-ng --cpu "$(nproc)" --cpu-method matrixprod --quiet &
    loader=$!
    set +m
    ;;
  swift)
    git clone -q --no-hardlinks "$repo" "$work/load"
    set -m
    (cd "$work/load" && while true; do rm -rf .build; swift build >/dev/null 2>&1 || true; done) &
    loader=$!
    set +m
    ;;
  *)
    echo "LOAD must be stress or swift (got $load)" >&2
    exit 2
    ;;
esac
echo "load: $load (pid $loader) on $(nproc) cores"

for run in $(seq 1 "$runs"); do
  start=$(date +%s)
  status=0
  (cd "$work/clone" && scripts/test.sh) >"$work/run-$run.log" 2>&1 || status=$?
  seconds=$(( $(date +%s) - start ))
  summary=$(grep -E "^(✔|✘) Test run with|Executed [0-9]+ tests" "$work/run-$run.log" | tail -2 | tr '\n' ' ' || true)
  printf 'run %d: exit %d after %dm%02ds  %s\n' "$run" "$status" $((seconds / 60)) $((seconds % 60)) "$summary"
  if [ "$status" -ne 0 ]; then
    grep -E "✘|error:" "$work/run-$run.log" | head -40 >&2 || true
    exit "$status"
  fi
done
