#!/usr/bin/env bash
# Builds Easel (release) and runs the API server with the built-in classic engine.
# Extra arguments are settings, e.g. scripts/serve.sh --port 9000 --data-dir /var/lib/easel
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d /opt/swift/usr/bin ] && export PATH="/opt/swift/usr/bin:$PATH"
scripts/bootstrap.sh
swift build -c release --product easel
exec .build/release/easel serve "$@"
