#!/usr/bin/env bash
# Create (or refresh) the runner's Python environment.
#   runners/diffusers/setup.sh [VENV_DIR]      default: runners/diffusers/.venv
# Idempotent: pip runs only when pyproject.toml or constraints.txt changed since the last
# successful install.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="${1:-$here/.venv}"
python="${PYTHON:-python3}"

if [ ! -x "$venv/bin/python" ]; then
    echo "setup: creating virtual environment $venv (with $python)"
    "$python" -m venv "$venv"
else
    echo "setup: using existing virtual environment $venv"
fi

hash="$(cat "$here/pyproject.toml" "$here/constraints.txt" | sha256sum | cut -c1-16)"
marker="$venv/.easel-runner-installed"
if [ -f "$marker" ] && [ "$(cat "$marker")" = "$hash" ] && "$venv/bin/python" -c "import easel_runner" 2>/dev/null; then
    echo "setup: dependencies already installed for this pyproject.toml ($hash); nothing to do"
    exit 0
fi

# torch first and pinned: with a local CPU wheel on pip's find-links this picks it instead of
# PyPI's CUDA build (gigabytes); elsewhere the same spec resolves from PyPI.
echo "setup: pip install torch==2.13.*"
"$venv/bin/python" -m pip install --upgrade pip >/dev/null
"$venv/bin/python" -m pip install -c "$here/constraints.txt" "torch==2.13.*"
echo "setup: pip install -e $here[test] (versions from constraints.txt)"
"$venv/bin/python" -m pip install -c "$here/constraints.txt" -e "$here[test]"
echo "$hash" > "$marker"
echo "setup: done; run tests with: cd $here && $venv/bin/python -m pytest -q"
