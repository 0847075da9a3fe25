#!/usr/bin/env bash
# On the GPU machine (no network): make diffusers, transformers and torchao importable from
# bench/diffusion/wheels, then say what the benchmark would still miss. Safe to run again.
#   bash bench/diffusion/setup_gpu.sh            (PYTHON=... to pick the interpreter)
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
py="${PYTHON:-python3}"
"$py" -c 'import sys, torch; print("python", sys.version.split()[0], "torch", torch.__version__, "cuda", torch.cuda.is_available())'
want='import diffusers, transformers; assert diffusers.__version__ == "0.42.1" and transformers.__version__ == "5.24.0"'
if ! "$py" -c "$want" 2>/dev/null; then
    [ -d "$here/wheels" ] || { echo "setup_gpu: $here/wheels missing; run fetch_wheels.sh with network and carry it"; exit 3; }
    args=(-m pip install -q --no-index --find-links "$here/wheels" "diffusers==0.42.1" "transformers==5.24.0")
    # Debian-style system Pythons refuse pip without --break-system-packages (PEP 668); the box is throwaway.
    "$py" "${args[@]}" || "$py" "${args[@]}" --break-system-packages || exit 3
fi
# torchao when its wheel was carried: FP8 through float8 weights and matmuls, not layerwise casting.
if ls "$here"/wheels/torchao-*.whl >/dev/null 2>&1 && ! "$py" -c 'import torchao' 2>/dev/null; then
    args=(-m pip install -q --no-index --no-deps "$here"/wheels/torchao-*.whl)
    "$py" "${args[@]}" || "$py" "${args[@]}" --break-system-packages || echo "setup_gpu: torchao did not install"
fi
"$py" -c 'import importlib.util as u; print("torchao (fp8 fast path):", "present" if u.find_spec("torchao") else "absent, --fp8 uses layerwise casting")'
