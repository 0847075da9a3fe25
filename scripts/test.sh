#!/usr/bin/env bash
# Runs every test: installs what the build needs, sets up the diffusion runner's Python
# environment (a CPU build of PyTorch), Selenium for the playground's browser test, the
# client libraries the tests drive, schemathesis (scripts/conformance) and a tiny random
# Qwen-Image-Edit-Plus pipeline, runs the runner's pytest suite, builds, then runs the Swift
# test suites (which start real servers on loopback, real `easel` processes, the real runner
# and a headless chromium, and check the served OpenAPI document and /metrics with
# schemathesis and promtool).
# Arguments are passed to `swift test` and skip the Python suite, e.g. --filter DiffusionEngineTests.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d /opt/swift/usr/bin ] && export PATH="/opt/swift/usr/bin:$PATH"
scripts/bootstrap.sh
runners/diffusers/setup.sh
scripts/clients/setup.sh
scripts/browser/setup.sh
scripts/tiny-weights.sh
scripts/conformance/setup.sh
if [ $# -eq 0 ]; then
  (cd runners/diffusers && .venv/bin/python -m pytest -q)
fi
swift build --build-tests
swift test --skip-build "$@"
