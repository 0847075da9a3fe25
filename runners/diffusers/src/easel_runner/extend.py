"""Prompt extension: rewrite the user's instruction with the pipeline's own Qwen2.5-VL."""

from __future__ import annotations

import math
from typing import Any

import torch
from PIL import Image

MAX_NEW_TOKENS = 128
# The VLM only needs to see what is in the picture; ~384x384 keeps the vision pass cheap
# (the Plus pipeline conditions its text encoder at the same size).
VIEW_PIXELS = 384 * 384

SYSTEM_PROMPT = (
    "You rewrite image-editing instructions. Look at the input image(s) and the user's instruction, "
    "then reply with exactly one concise, concrete edit instruction in English. Name the objects to "
    "change and how (colour, position, material, text content), and state that everything else "
    "stays unchanged: keep people's identity and faces, pose, composition, lighting and style unless "
    "the user asked to change them. Do not add new ideas, explanations, lists or quotes. "
    "Reply with the instruction only."
)


def _view(img: Image.Image, multiple: int = 28) -> Image.Image:
    scale = math.sqrt(VIEW_PIXELS / (img.width * img.height))
    w = max(multiple, round(img.width * scale / multiple) * multiple)
    h = max(multiple, round(img.height * scale / multiple) * multiple)
    return img.resize((w, h), Image.Resampling.BICUBIC)


def build_chat(prompt: str, n_images: int, labelled: bool) -> str:
    """The Qwen chat text; Plus pipelines label their inputs "Picture N:", so we do too."""
    vision = "<|vision_start|><|image_pad|><|vision_end|>"
    if labelled:
        images = "".join(f"Picture {i + 1}: {vision}" for i in range(n_images))
    else:
        images = vision * n_images
    return (
        f"<|im_start|>system\n{SYSTEM_PROMPT}<|im_end|>\n"
        f"<|im_start|>user\n{images}Instruction: {prompt}<|im_end|>\n"
        "<|im_start|>assistant\n"
    )


def _clean(text: str) -> str:
    # One line of printable text: drop control characters and collapse whitespace.
    text = "".join(ch for ch in text if ch.isprintable() or ch.isspace())
    text = " ".join(text.split())
    # Models sometimes wrap the answer in quotes or prefix it; keep just the instruction.
    for prefix in ("Instruction:", "Rewritten instruction:"):
        if text.lower().startswith(prefix.lower()):
            text = text[len(prefix):].strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1].strip()
    return text


@torch.no_grad()
def rewrite_prompt(pipe: Any, images: list[Image.Image], prompt: str, labelled: bool,
                   max_new_tokens: int = MAX_NEW_TOKENS) -> str:
    """Greedy-decode a rewritten instruction; the original prompt if the model returns nothing."""
    processor = pipe.processor
    chat = build_chat(prompt, len(images), labelled)
    inputs = processor(text=[chat], images=[_view(im) for im in images], padding=True, return_tensors="pt")
    device = pipe._execution_device
    keep = ("input_ids", "attention_mask", "pixel_values", "image_grid_thw")
    model_inputs = {k: inputs[k].to(device) for k in keep if k in inputs}
    model_inputs["pixel_values"] = model_inputs["pixel_values"].to(pipe.text_encoder.dtype)
    out = pipe.text_encoder.generate(
        **model_inputs,
        max_new_tokens=max_new_tokens,
        do_sample=False,
        num_beams=1,
        pad_token_id=processor.tokenizer.pad_token_id,
    )
    new_tokens = out[0, model_inputs["input_ids"].shape[1]:]
    text = _clean(processor.tokenizer.decode(new_tokens, skip_special_tokens=True))
    return text or prompt
