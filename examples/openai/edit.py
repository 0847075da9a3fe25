"""Edits a photo with Easel through the official OpenAI Python SDK.

    OPENAI_BASE_URL=http://127.0.0.1:8080/v1 OPENAI_API_KEY=esk_… python edit.py photo.png "make it warmer" [N]

Writes edited-1.png … edited-N.png beside the photo and prints one line per image.
"""
import base64
import pathlib
import sys

from openai import OpenAI

photo, prompt = pathlib.Path(sys.argv[1]), sys.argv[2]
count = int(sys.argv[3]) if len(sys.argv) > 3 else 1

client = OpenAI()  # reads OPENAI_BASE_URL and OPENAI_API_KEY
with photo.open("rb") as image:
    result = client.images.edit(
        model="alibaba/wan-2.6/image-to-image",
        image=[image],
        prompt=prompt,
        n=count,
        size="1024x1024",
        response_format="b64_json",
    )

for index, item in enumerate(result.data, start=1):
    out = photo.with_name(f"edited-{index}.png")
    out.write_bytes(base64.b64decode(item.b64_json))
    print(f"{out} {len(out.read_bytes())} bytes")
