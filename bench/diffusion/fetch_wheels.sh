#!/usr/bin/env bash
# Download the benchmark's Python packages (everything but torch) as wheels into
# bench/diffusion/wheels, for a GPU machine without network. Run here, with network.
#   bench/diffusion/fetch_wheels.sh [PYTHON_VERSION ...]     default: 3.11 3.12 3.13
# (diffusers 0.42 needs Python >= 3.11.)
# Pure-Python and abi3 wheels (tokenizers, safetensors, hf_xet) serve every version; the few
# per-version ones (regex, pyyaml, pydantic_core, charset_normalizer) are fetched per version.
# numpy and pillow (16 + 7 MB per version) are left out unless KEEP_NUMPY_PILLOW=1: the device
# tool carries at most 64 MiB and PyTorch images ship both. The pins match runners/diffusers/.venv.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dest="$here/wheels"
mkdir -p "$dest"
versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(3.11 3.12 3.13)
for v in "${versions[@]}"; do
    echo "fetch_wheels: Python $v"
    python3 -m pip download -q -d "$dest" --only-binary=:all: --python-version "$v" \
        --platform manylinux_2_28_x86_64 --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64 \
        "diffusers==0.42.1" "transformers==5.24.0"
done
# torchao for real FP8 (float8 weights and matmuls): 0.18 is the release built against torch
# 2.11, the device image's torch; one abi3 wheel, no dependencies.
python3 -m pip download -q -d "$dest" --no-deps --only-binary=:all: --python-version 3.11 \
    --platform manylinux_2_28_x86_64 "torchao==0.18.0"
if [ "${KEEP_NUMPY_PILLOW:-0}" != 1 ]; then
    rm -f "$dest"/numpy-*.whl "$dest"/pillow-*.whl
fi
du -sh "$dest"
