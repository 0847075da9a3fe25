#!/usr/bin/env bash
# The Python environment of the client libraries the tests run against a live server (the
# official OpenAI SDK): .build/clients-venv.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "$here/../python-env.sh" "${1:-$here/../../.build/clients-venv}" "$here/requirements.txt"
