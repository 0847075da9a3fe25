#!/usr/bin/env bash
# Builds the tiny random Qwen-Image-Edit-Plus (2509) pipeline the Swift tests serve, offline,
# into .build/easel-tiny-weights/2509. Rebuilt when the builder changes.
set -euo pipefail
cd "$(dirname "$0")/.."
out=.build/easel-tiny-weights/2509
stamp="$(sha256sum runners/diffusers/fixtures/easel_fixtures/tiny.py | cut -c1-16)"
if [ "$(cat "$out/.easel-stamp" 2>/dev/null)" != "$stamp" ]; then
  rm -rf "$out"
  mkdir -p "$(dirname "$out")"
  HF_HUB_OFFLINE=1 PYTHONPATH=runners/diffusers/fixtures runners/diffusers/.venv/bin/python -m easel_fixtures.tiny "$out" --variant 2509
  echo "$stamp" > "$out/.easel-stamp"
fi
