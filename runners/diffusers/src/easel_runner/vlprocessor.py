"""Image-only Qwen2-VL processor.

transformers 5 builds Qwen2VLProcessor with a video processor, and its video
processor needs torchvision.  PyPI's torchvision wheels are CUDA builds that do
not load next to the CPU torch wheel, so CPU machines often have no
torchvision.  Saved processor folders (and the benchmark's config-only ones) may
also lack a video processor config.  Edit pipelines never pass videos, so the
runner always uses this subclass, which leaves the video half out; everything
the pipelines call (text + images) is inherited.
"""

from __future__ import annotations

from pathlib import Path

from transformers import AutoTokenizer, Qwen2VLImageProcessor, Qwen2VLProcessor
from transformers.processing_utils import ProcessorMixin


class ImageOnlyQwen2VLProcessor(Qwen2VLProcessor):
    # ProcessorMixin derives its sub-processor list from this signature.
    def __init__(self, image_processor=None, tokenizer=None, chat_template=None, **kwargs):
        self.image_token = getattr(tokenizer, "image_token", None) or "<|image_pad|>"
        self.video_token = getattr(tokenizer, "video_token", None) or "<|video_pad|>"
        self.image_token_id = tokenizer.convert_tokens_to_ids(self.image_token)
        self.video_token_id = tokenizer.convert_tokens_to_ids(self.video_token)
        self.video_processor = None
        ProcessorMixin.__init__(self, image_processor, tokenizer, chat_template=chat_template)


def load_image_only_processor(folder: str | Path) -> ImageOnlyQwen2VLProcessor:
    """Load a saved Qwen2VLProcessor folder without its video processor."""
    folder = Path(folder)
    tokenizer = AutoTokenizer.from_pretrained(folder)
    image_processor = Qwen2VLImageProcessor.from_pretrained(folder)
    template = getattr(tokenizer, "chat_template", None)
    jinja = folder / "chat_template.jinja"
    if jinja.is_file():
        template = jinja.read_text(encoding="utf-8")
    return ImageOnlyQwen2VLProcessor(image_processor=image_processor, tokenizer=tokenizer, chat_template=template)
