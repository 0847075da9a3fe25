"""Build tiny random Qwen-Image-Edit pipelines offline, for tests and smoke runs.

    python -m easel_runner.tiny OUT_DIR [--variant edit|2509|2511] [--seed N]

Every component is constructed from a config (no hub access) and saved with
save_pretrained, so the folder looks exactly like a real diffusers checkpoint,
only a few hundred kilobytes large.  The same seed gives identical files.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

VARIANTS = ("edit", "2509", "2511")

# Qwen2 special tokens the pipeline templates and the processor rely on.
SPECIAL_TOKENS = (
    "<|endoftext|>",
    "<|im_start|>",
    "<|im_end|>",
    "<|object_ref_start|>",
    "<|object_ref_end|>",
    "<|box_start|>",
    "<|box_end|>",
    "<|quad_start|>",
    "<|quad_end|>",
    "<|vision_start|>",
    "<|vision_end|>",
    "<|vision_pad|>",
    "<|image_pad|>",
    "<|video_pad|>",
)

# A minimal Qwen2-VL style chat template: string content or a list of
# {"type": "image"} / {"type": "text", "text": ...} parts.
CHAT_TEMPLATE = (
    "{% for message in messages %}"
    "<|im_start|>{{ message['role'] }}\n"
    "{% if message['content'] is string %}{{ message['content'] }}"
    "{% else %}{% for part in message['content'] %}"
    "{% if part['type'] == 'image' %}<|vision_start|><|image_pad|><|vision_end|>"
    "{% elif part['type'] == 'text' %}{{ part['text'] }}{% endif %}"
    "{% endfor %}{% endif %}<|im_end|>\n"
    "{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)

# Text the BPE merges are learnt from: the pipelines' own templates plus a few
# edit instructions, so typical prompts tokenize into short sequences.
_CORPUS = (
    "Describe the key features of the input image (color, shape, size, texture, objects, background), "
    "then explain how the user's text instruction should alter or modify the image. Generate a new image "
    "that meets the user's requirements while maintaining consistency with the original input where appropriate.",
    "Picture 1: Picture 2: Picture 3: system user assistant",
    "Make the sky blue. Add a red hat to the cat. Remove the person on the left. Turn it into a painting.",
    "Rewrite the edit instruction as one concise, concrete sentence that keeps identity and layout.",
)

TEXT_HIDDEN = 16  # must equal the transformer's joint_attention_dim
Z_DIM = 4


def build_tokenizer():
    """A byte-level BPE with the Qwen special tokens, wrapped as Qwen2Tokenizer."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import Qwen2Tokenizer

    bpe = Tokenizer(models.BPE(unk_token=None))
    bpe.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True)
    bpe.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=600,
        special_tokens=list(SPECIAL_TOKENS),
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    bpe.train_from_iterator(_CORPUS * 4, trainer=trainer)
    tok = Qwen2Tokenizer(
        tokenizer_object=bpe,
        unk_token=None,
        bos_token=None,
        eos_token="<|im_end|>",
        pad_token="<|endoftext|>",
        additional_special_tokens=[t for t in SPECIAL_TOKENS if t not in ("<|im_end|>", "<|endoftext|>")],
    )
    tok.chat_template = CHAT_TEMPLATE
    return tok


def build_text_encoder(tok, seed: int):
    import torch
    from transformers import Qwen2_5_VLConfig, Qwen2_5_VLForConditionalGeneration

    ids = {t: tok.convert_tokens_to_ids(t) for t in SPECIAL_TOKENS}
    config = Qwen2_5_VLConfig(
        text_config={
            "vocab_size": len(tok),
            "hidden_size": TEXT_HIDDEN,
            "intermediate_size": 32,
            "num_hidden_layers": 2,
            "num_attention_heads": 2,
            "num_key_value_heads": 2,
            "max_position_embeddings": 4096,
            # head_dim 8 -> 4 rotary pairs split over (t, h, w)
            "rope_parameters": {"rope_type": "default", "mrope_section": [1, 1, 2], "rope_theta": 1000000.0},
            "bos_token_id": ids["<|endoftext|>"],
            "eos_token_id": ids["<|im_end|>"],
            "pad_token_id": ids["<|endoftext|>"],
        },
        vision_config={
            "depth": 2,
            "hidden_size": 16,
            "intermediate_size": 16,
            "num_heads": 2,
            "out_hidden_size": TEXT_HIDDEN,
            "patch_size": 14,
            "spatial_merge_size": 2,
            "temporal_patch_size": 2,
            "fullatt_block_indexes": [1],
        },
        image_token_id=ids["<|image_pad|>"],
        video_token_id=ids["<|video_pad|>"],
        vision_start_token_id=ids["<|vision_start|>"],
        vision_end_token_id=ids["<|vision_end|>"],
    )
    torch.manual_seed(seed)
    model = Qwen2_5_VLForConditionalGeneration(config).eval()
    model.generation_config.eos_token_id = ids["<|im_end|>"]
    model.generation_config.pad_token_id = ids["<|endoftext|>"]
    model.generation_config.do_sample = False
    return model


def build_processor(tok, min_pixels: int = 28 * 28, max_pixels: int = 56 * 56):
    from transformers import Qwen2VLImageProcessor

    from .vlprocessor import ImageOnlyQwen2VLProcessor

    # Default small pixel budget: a condition image becomes at most 4x4 patches (4 vision tokens).
    # configs.py passes the real checkpoint's budget for real-size folders.
    image_processor = Qwen2VLImageProcessor(
        min_pixels=min_pixels,
        max_pixels=max_pixels,
        patch_size=14,
        merge_size=2,
        temporal_patch_size=2,
    )
    return ImageOnlyQwen2VLProcessor(image_processor=image_processor, tokenizer=tok, chat_template=CHAT_TEMPLATE)


def build_pipeline(variant: str = "2509", seed: int = 0):
    """Return an in-memory tiny pipeline of the given variant."""
    import torch
    from diffusers import AutoencoderKLQwenImage, QwenImageTransformer2DModel

    if variant not in VARIANTS:
        raise ValueError(f"variant must be one of {VARIANTS}, got {variant!r}")

    torch.manual_seed(seed)
    transformer = QwenImageTransformer2DModel(
        patch_size=2,
        in_channels=Z_DIM * 4,  # 2x2 packed latents
        out_channels=Z_DIM,
        num_layers=2,
        attention_head_dim=16,
        num_attention_heads=2,
        joint_attention_dim=TEXT_HIDDEN,
        axes_dims_rope=(4, 6, 6),
        zero_cond_t=(variant == "2511"),  # the 2511 marker, see weights.py
    )
    torch.manual_seed(seed + 1)
    # Three spatial downsamples like the real VAE, so the pixel grid is also 8 (x2 patch = 16).
    vae = AutoencoderKLQwenImage(
        base_dim=4,
        z_dim=Z_DIM,
        dim_mult=[1, 1, 1, 1],
        # The pipelines always VAE-encode the input at ~1024x1024; this keeps that under a second on CPU.
        num_res_blocks=0,
        temperal_downsample=[False, True, True],
        latents_mean=[0.0] * Z_DIM,
        latents_std=[1.0] * Z_DIM,
    )
    tok = build_tokenizer()
    text_encoder = build_text_encoder(tok, seed + 2)
    processor = build_processor(tok)
    return assemble(variant, transformer=transformer, vae=vae, text_encoder=text_encoder, tokenizer=tok, processor=processor)


def build_scheduler():
    """The released models' scheduler settings (dynamic shift for Qwen-Image's token counts)."""
    from diffusers import FlowMatchEulerDiscreteScheduler

    return FlowMatchEulerDiscreteScheduler(
        base_image_seq_len=256,
        base_shift=0.5,
        max_image_seq_len=8192,
        max_shift=0.9,
        shift_terminal=0.02,
        use_dynamic_shifting=True,
        time_shift_type="exponential",
    )


def assemble(variant: str, **components):
    """The variant's pipeline class around the given components and the standard scheduler."""
    from diffusers import QwenImageEditPipeline, QwenImageEditPlusPipeline

    cls = QwenImageEditPipeline if variant == "edit" else QwenImageEditPlusPipeline
    return cls(scheduler=build_scheduler(), **components)


def build(out_dir: str | os.PathLike, variant: str = "2509", seed: int = 0) -> Path:
    """Build and save a tiny pipeline; returns the folder."""
    out = Path(out_dir)
    pipe = build_pipeline(variant, seed)
    pipe.save_pretrained(out, safe_serialization=True)
    _as_stock_processor(out)
    return out


def _as_stock_processor(out: Path) -> None:
    """Record the processor as the stock Qwen2VLProcessor, like real checkpoints do."""
    index_path = out / "model_index.json"
    index = json.loads(index_path.read_text())
    index["processor"] = ["transformers", "Qwen2VLProcessor"]
    index_path.write_text(json.dumps(index, indent=2, sort_keys=True) + "\n")
    for cfg in (out / "processor").glob("*.json"):
        data = json.loads(cfg.read_text())
        if isinstance(data, dict) and data.get("processor_class") == "ImageOnlyQwen2VLProcessor":
            data["processor_class"] = "Qwen2VLProcessor"
            cfg.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n")


def write_tiny_lora(path: str | os.PathLike, variant: str = "2509", seed: int = 0, scale: float = 0.5) -> Path:
    """Write a LoRA for the tiny transformer in diffusers' LoRA format.

    The LoRA B matrices are filled with random values (peft initialises them to
    zero) so that fusing it visibly changes the output.
    """
    import torch
    from diffusers import QwenImageEditPipeline, QwenImageEditPlusPipeline
    from peft import LoraConfig, get_peft_model_state_dict

    pipe = build_pipeline(variant, seed)
    transformer = pipe.transformer
    transformer.add_adapter(
        LoraConfig(r=4, lora_alpha=4, init_lora_weights=True, target_modules=["to_q", "to_k", "to_v", "to_out.0"])
    )
    gen = torch.Generator().manual_seed(seed + 100)
    with torch.no_grad():
        for name, param in transformer.named_parameters():
            if "lora_" in name:
                param.copy_(torch.randn(param.shape, generator=gen) * scale)
    state = get_peft_model_state_dict(transformer)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    cls = QwenImageEditPipeline if variant == "edit" else QwenImageEditPlusPipeline
    cls.save_lora_weights(
        save_directory=str(path.parent),
        transformer_lora_layers=state,
        weight_name=path.name,
        safe_serialization=True,
    )
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m easel_runner.tiny", description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--variant", choices=VARIANTS, default="2509")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--lora", metavar="FILE", help="also write a tiny LoRA file for this model")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    out = build(args.out_dir, args.variant, args.seed)
    print(f"tiny {args.variant} pipeline written to {out}", file=sys.stderr)
    if args.lora:
        lora = write_tiny_lora(args.lora, args.variant, args.seed)
        print(f"tiny LoRA written to {lora}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
