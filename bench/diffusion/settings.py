"""What the diffusion benchmark measures: modes, variants, aims and the H100 cost model."""

from __future__ import annotations

from pathlib import Path

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
VARIANTS = {  # name -> (compile, fp8)
    "eager": (False, False),
    "compile": (True, False),
    "fp8": (False, True),
    "compile+fp8": (True, True),
}
WARMUP = (2, 4.0)  # steps, guidance: CFG on, so both prompt lengths are seen (and compiled)
AIMS = {
    "full_s": 20.0,
    "bare_eager_full_s_reference": 36.0,
    "4step_s": 1.5,
    "runner_overhead": 0.05,
}
AIMS_TEXT = (
    "Aims (one H100): full quality <= 20 s per image (bare eager diffusers ~= 36 s), "
    "4-step <= 1.5 s, runner overhead <= 5%."
)
# Rough H100 costs for --dry-run: seconds per transformer forward at 1024x1024 + one 1024 reference
# (from the anchor: ~0.45 s eager), per-edit fixed cost (text encoder, VAE encode/decode, PNG), and
# per-process start (imports, random init of 28B parameters). Compile is assumed to cost ~90 s.
EST = {"forward_s": 0.45, "edit_fixed_s": 1.5, "start_s": 45.0, "compile_s": 90.0, "compile_speedup": 0.7, "fp8_speedup": 0.8}

REQUIRED = ("torch", "numpy", "PIL", "safetensors", "tokenizers", "huggingface_hub", "transformers", "diffusers")
