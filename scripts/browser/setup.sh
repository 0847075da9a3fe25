#!/usr/bin/env bash
# Create (or refresh) the Python environment of the playground's browser test.
#   scripts/browser/setup.sh [VENV_DIR]      default: scripts/browser/.venv
# Idempotent: pip runs only when requirements.txt changed since the last successful install.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="${1:-$here/.venv}"
python="${PYTHON:-python3}"

if [ ! -x "$venv/bin/python" ]; then
    echo "browser setup: creating virtual environment $venv (with $python)"
    "$python" -m venv "$venv"
fi

hash="$(sha256sum < "$here/requirements.txt" | cut -c1-16)"
marker="$venv/.easel-browser-installed"
if [ -f "$marker" ] && [ "$(cat "$marker")" = "$hash" ] && "$venv/bin/python" -c "import selenium" 2>/dev/null; then
    echo "browser setup: selenium already installed ($hash); nothing to do"
    exit 0
fi

echo "browser setup: pip install -r requirements.txt"
"$venv/bin/python" -m pip install --quiet -r "$here/requirements.txt"
echo "$hash" > "$marker"
