"""Write a config-only Qwen-Image-Edit folder, for benchmarks with `--random-weights`.

    python -m easel_runner.configs OUT_DIR [--size tiny|real] [--variant edit|2509|2511]

The folder looks like a diffusers checkpoint (model_index.json, each component's config,
tokenizer, processor, scheduler) but holds no tensors: the real model is 20B + 8B parameters,
too large to write to a benchmark machine's disk and read back. `--size real` uses the released
models' shapes: the diffusers defaults of QwenImageTransformer2DModel and AutoencoderKLQwenImage,
and Qwen2.5-VL-7B for the text encoder. `--size tiny` writes tiny.py's configs.

The tokenizer is tiny.py's locally trained byte-level BPE (the real one cannot be downloaded
here). Its special tokens have small ids, so the real-size text encoder keeps its 152064-entry
vocabulary (which covers them) and takes its image/video/vision token ids from the tokenizer.
Prompts tokenize somewhat differently from the real tokenizer; image tokens dominate the text
encoder's cost, and those are the same.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .tiny import (
    SPECIAL_TOKENS,
    VARIANTS,
    _as_stock_processor,
    assemble,
    build_pipeline,
    build_processor,
    build_tokenizer,
)

SIZES = ("tiny", "real")

# Qwen2.5-VL-7B-Instruct, the text encoder of every Qwen-Image-Edit release. transformers'
# Qwen2_5_VLConfig defaults are not these (its text defaults are the 72B model's).
REAL_TEXT = {
    "vocab_size": 152064,
    "hidden_size": 3584,
    "intermediate_size": 18944,
    "num_hidden_layers": 28,
    "num_attention_heads": 28,
    "num_key_value_heads": 4,
    "max_position_embeddings": 128000,
    "rms_norm_eps": 1e-6,
    "sliding_window": 32768,
    "max_window_layers": 28,
    "use_sliding_window": False,
    "tie_word_embeddings": False,
    "rope_parameters": {"rope_type": "default", "mrope_section": [16, 24, 24], "rope_theta": 1000000.0},
}
REAL_VISION = {
    "depth": 32,
    "hidden_size": 1280,
    "intermediate_size": 3420,
    "num_heads": 16,
    "out_hidden_size": 3584,
    "patch_size": 14,
    "spatial_merge_size": 2,
    "temporal_patch_size": 2,
    "tokens_per_second": 2,
    "window_size": 112,
    "fullatt_block_indexes": [7, 15, 23, 31],
}
# Qwen-Image's processor/preprocessor_config.json pixel budget.
REAL_MIN_PIXELS = 3136
REAL_MAX_PIXELS = 12845056


def _real_pipeline(variant: str):
    """The real-size pipeline with its models on the meta device: configs without memory."""
    import torch
    from diffusers import AutoencoderKLQwenImage, QwenImageTransformer2DModel
    from transformers import Qwen2_5_VLConfig, Qwen2_5_VLForConditionalGeneration

    tok = build_tokenizer()
    ids = {t: tok.convert_tokens_to_ids(t) for t in SPECIAL_TOKENS}
    text_config = dict(
        REAL_TEXT,
        bos_token_id=ids["<|endoftext|>"],
        eos_token_id=ids["<|im_end|>"],
        pad_token_id=ids["<|endoftext|>"],
    )
    te_config = Qwen2_5_VLConfig(
        text_config=text_config,
        vision_config=REAL_VISION,
        image_token_id=ids["<|image_pad|>"],
        video_token_id=ids["<|video_pad|>"],
        vision_start_token_id=ids["<|vision_start|>"],
        vision_end_token_id=ids["<|vision_end|>"],
        tie_word_embeddings=False,
    )
    with torch.device("meta"):
        transformer = QwenImageTransformer2DModel(zero_cond_t=(variant == "2511"))
        vae = AutoencoderKLQwenImage()
        text_encoder = Qwen2_5_VLForConditionalGeneration(te_config)
    return assemble(
        variant,
        transformer=transformer,
        vae=vae,
        text_encoder=text_encoder,
        tokenizer=tok,
        processor=build_processor(tok, REAL_MIN_PIXELS, REAL_MAX_PIXELS),
    )


def write_configs(out_dir: str | os.PathLike, size: str = "tiny", variant: str = "2509") -> Path:
    """Write the config-only folder; returns it."""
    if size not in SIZES:
        raise ValueError(f"size must be one of {SIZES}, got {size!r}")
    if variant not in VARIANTS:
        raise ValueError(f"variant must be one of {VARIANTS}, got {variant!r}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    # Tiny models are cheap to build for real; real-size ones live on the meta device.
    pipe = build_pipeline(variant, seed=0) if size == "tiny" else _real_pipeline(variant)
    pipe.save_config(out)  # model_index.json only
    pipe.transformer.save_config(out / "transformer")
    pipe.vae.save_config(out / "vae")
    pipe.text_encoder.config.save_pretrained(out / "text_encoder")
    pipe.text_encoder.generation_config.save_pretrained(out / "text_encoder")
    pipe.tokenizer.save_pretrained(out / "tokenizer")
    pipe.processor.save_pretrained(out / "processor")
    pipe.scheduler.save_pretrained(out / "scheduler")
    _as_stock_processor(out)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m easel_runner.configs", description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--size", choices=SIZES, default="tiny")
    parser.add_argument("--variant", choices=VARIANTS, default="2509")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    out = write_configs(args.out_dir, args.size, args.variant)
    print(f"{args.size} {args.variant} config-only folder written to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
