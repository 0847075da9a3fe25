#!/usr/bin/env bash
# Creates (or refreshes) the Python environment of the OpenAPI conformance run (schemathesis).
#   scripts/conformance/setup.sh [VENV_DIR]      default: scripts/conformance/.venv
# Idempotent: pip runs only when requirements.txt or constraints.txt changed since the last
# successful install.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="${1:-$here/.venv}"
python="${PYTHON:-python3}"

[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"

hash="$(cat "$here/requirements.txt" "$here/constraints.txt" | sha256sum | cut -c1-16)"
marker="$venv/.easel-conformance-installed"
if [ -f "$marker" ] && [ "$(cat "$marker")" = "$hash" ] && [ -x "$venv/bin/st" ]; then
    exit 0
fi
echo "conformance setup: pip install -r requirements.txt (versions from constraints.txt) into $venv"
"$venv/bin/python" -m pip install -q -r "$here/requirements.txt" -c "$here/constraints.txt"
echo "$hash" > "$marker"
