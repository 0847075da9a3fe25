"""What the diffusion benchmark measures: modes, variants, aims and the H100 cost model."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent
RUNNER_SRC = HERE.parent.parent / "runners" / "diffusers" / "src"
FIXTURES = HERE.parent.parent / "runners" / "diffusers" / "fixtures"  # easel_fixtures: tiny, configs, client

PROMPT = "Replace the sky with a warm orange sunset and keep the buildings unchanged."
MODES = {  # name -> (steps, guidance)
    "full": (40, 4.0),
    "8step": (8, 1.0),
    "4step": (4, 1.0),
}
# Tiny CPU models spend their time in the VAE and in attention over the 1024x1024 reference, so
# the smoke run keeps the mode semantics (CFG or not) with fewer steps.
TINY_STEPS = {"full": 2, "8step": 2, "4step": 1}
class Variant(NamedTuple):
    compile: bool
    fp8: bool
    cache: str | None  # the runner's --cache; the bare side installs the same cache


CACHE = "first-block:0.08"
VARIANTS = {
    "eager": Variant(False, False, None),
    "compile": Variant(True, False, None),
    "fp8": Variant(False, True, None),
    "compile+fp8": Variant(True, True, None),  # needs torchao (the runner refuses compile with layerwise FP8)
    "eager+cache": Variant(False, False, CACHE),
    "compile+cache": Variant(True, False, CACHE),
}


def log_name(side: str, variant: str) -> str:
    """A log file name the device tool brings back (it drops names with `+`)."""
    return f"{side}-{variant.replace('+', '-')}.log"
WARMUP = (2, 4.0)  # steps, guidance: CFG on, so both prompt lengths are seen (and compiled)
AIMS = {
    "full_s": 12.0,
    "bare_eager_full_s_reference": 36.0,
    "4step_s": 0.9,
    "runner_overhead": 0.03,
}
AIMS_TEXT = (
    "Aims (one H100/H200): full quality <= 12 s per 1024^2 edit (bare eager diffusers ~= 36 s), "
    "4-step <= 0.9 s end to end, runner overhead <= 3% against bare diffusers."
)
# Rough H100 costs for --dry-run: seconds per transformer forward at 1024x1024 + one 1024 reference
# (from the anchor: ~0.45 s eager), per-edit fixed cost (text encoder, VAE encode/decode, PNG), and
# per-process start (imports, random init of 28B parameters). Compile is assumed to cost ~90 s.
# The cache is assumed to skip about 40% of transformer calls at 0.08 (published first-block cache
# figures on edit models; the random-weight model's own rate is measured, not assumed).
EST = {"forward_s": 0.45, "edit_fixed_s": 1.5, "start_s": 45.0, "compile_s": 90.0, "compile_speedup": 0.7,
       "fp8_speedup": 0.8, "cache_factor": 0.6}

REQUIRED = ("torch", "numpy", "PIL", "safetensors", "tokenizers", "huggingface_hub", "transformers", "diffusers")
