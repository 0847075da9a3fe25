#!/usr/bin/env bash
# Creates (or refreshes) the Python environment of a tool the tests drive, from a requirements
# file and an optional constraints file. Idempotent: pip runs only when those files changed
# since the last successful install.
#   scripts/python-env.sh VENV REQUIREMENTS [CONSTRAINTS]
set -euo pipefail
venv="$1"
requirements="$2"
constraints="${3:-}"
python="${PYTHON:-python3}"

[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
hash="$(cat "$requirements" ${constraints:+"$constraints"} | sha256sum | cut -c1-16)"
marker="$venv/.easel-installed"
if [ "$(cat "$marker" 2>/dev/null)" = "$hash" ]; then
    exit 0
fi
echo "python env: pip install -r $requirements${constraints:+ -c $constraints} into $venv"
"$venv/bin/python" -m pip install -q -r "$requirements" ${constraints:+-c "$constraints"}
echo "$hash" > "$marker"
