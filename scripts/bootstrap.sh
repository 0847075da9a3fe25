#!/usr/bin/env bash
# Installs the system libraries Easel builds against (Debian/Ubuntu), only when missing:
# libvips (imaging), SQLite (the embedded store), pkg-config (to find them), the
# PostgreSQL server the store tests start for themselves, Prometheus' promtool, Node.js,
# curl and Python's requests for the hosted API's client examples the tests run, and
# chromium with its driver for the playground's browser test.
set -euo pipefail

need=()
pkg-config --exists vips 2>/dev/null || need+=(libvips-dev)
[ -f /usr/include/sqlite3.h ] || need+=(libsqlite3-dev)
command -v pkg-config >/dev/null || need+=(pkg-config)
# The store tests start their own PostgreSQL server (initdb + pg_ctl on loopback).
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)
# The hosted API's three usage examples run as written against a live server (examples/seed).
command -v node >/dev/null || need+=(nodejs)
command -v curl >/dev/null || need+=(curl)
python3 -c "import requests" 2>/dev/null || need+=(python3-requests)
# The web playground's browser test: Debian's chromium and its driver, so that nothing
# downloads a browser (scripts/browser/setup.sh adds Selenium in its own environment).
command -v chromium >/dev/null || need+=(chromium)
[ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
# The tests check /metrics with promtool, which Debian ships only inside the Prometheus
# server's package (the server itself is not used).
command -v promtool >/dev/null || need+=(prometheus)
[ "${EASEL_BENCH:-0}" = 1 ] && { command -v wrk >/dev/null || need+=(wrk); command -v vips >/dev/null || need+=(libvips-tools); }

if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

if ! command -v swift >/dev/null; then
  if [ -x /opt/swift/usr/bin/swift ]; then
    echo "swift is at /opt/swift/usr/bin; add it to PATH" >&2
  else
    echo "Swift 6.2 or newer is needed: https://swift.org/install" >&2
  fi
  exit 1
fi
