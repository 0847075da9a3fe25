#!/usr/bin/env bash
# Runs every test: installs what the build needs, builds, then runs the Swift test suites
# (which start real servers on loopback and real `easel` processes).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d /opt/swift/usr/bin ] && export PATH="/opt/swift/usr/bin:$PATH"
scripts/bootstrap.sh
swift build --build-tests
swift test --skip-build "$@"
