#!/usr/bin/env bash
# The Python environment of the playground's browser test (Selenium): scripts/browser/.venv.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "$here/../python-env.sh" "${1:-$here/.venv}" "$here/requirements.txt"
