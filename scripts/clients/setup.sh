#!/usr/bin/env bash
# Creates (or refreshes) the Python environment of the client libraries the tests run
# against a live server: .build/clients-venv. Idempotent: pip runs only when
# requirements.txt changed since the last successful install.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="${1:-$here/../../.build/clients-venv}"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
hash="$(sha256sum "$here/requirements.txt" | cut -c1-16)"
marker="$venv/.easel-clients-installed"
if [ "$(cat "$marker" 2>/dev/null)" = "$hash" ]; then
    exit 0
fi
"$venv/bin/python" -m pip install -q --upgrade pip
"$venv/bin/python" -m pip install -q -r "$here/requirements.txt"
echo "$hash" > "$marker"
