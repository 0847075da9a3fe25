"""Shared fixtures: tiny random models built offline, and a protocol client for the runner process."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PIL import Image

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))  # easel_fixtures: not installed

from easel_fixtures.client import RunnerClient  # noqa: E402

# Tiny models generate at 64x64 whatever the requested size, so every edit stays fast.
TINY_PIXELS = str(64 * 64)


@pytest.fixture(scope="session")
def tiny_models(tmp_path_factory) -> dict[str, Path]:
    from easel_fixtures.tiny import build

    root = tmp_path_factory.mktemp("tiny")
    return {v: build(root / v, variant=v, seed=0) for v in ("edit", "2509", "2511")}


@pytest.fixture(scope="session")
def tiny_lora(tmp_path_factory) -> Path:
    from easel_fixtures.tiny import write_tiny_lora

    return write_tiny_lora(tmp_path_factory.mktemp("lora") / "lightning.safetensors", variant="2509")


@pytest.fixture(scope="session")
def input_images(tmp_path_factory) -> list[str]:
    root = tmp_path_factory.mktemp("inputs")
    paths = []
    for i, (size, color) in enumerate([((96, 64), (200, 40, 40)), ((64, 80), (30, 160, 220))]):
        img = Image.new("RGB", size, color)
        for x in range(0, size[0], 8):  # some structure so the VAE sees more than a flat colour
            for y in range(size[1]):
                img.putpixel((x, y), (255, 255, 255))
        p = root / f"in-{i}.png"
        img.save(p)
        paths.append(str(p))
    return paths


class Runner(RunnerClient):
    """The runner started on a weights folder; tiny runs generate at 64x64 whatever the size asked."""

    def __init__(self, weights: Path, *extra: str, tiny: bool = True):
        args = ["--weights", str(weights)]
        if tiny:
            args += ["--max-pixels", TINY_PIXELS, "--min-pixels", TINY_PIXELS]
        super().__init__(args + list(extra), env={**os.environ, "HF_HUB_OFFLINE": "1"})

    def ready(self) -> dict:
        msg = self.read()
        assert msg is not None and msg["type"] == "ready", (msg, self.stderr_tail())
        return msg


@pytest.fixture
def start_runner():
    runners: list[Runner] = []

    def start(weights: Path, *extra: str, tiny: bool = True) -> Runner:
        r = Runner(weights, *extra, tiny=tiny)
        runners.append(r)
        return r

    yield start
    for r in runners:
        if r.proc.poll() is None:
            r.proc.kill()
            r.proc.wait()


@pytest.fixture(scope="session")
def runner_2509(tiny_models):
    """One long-lived 2509 runner shared by the protocol tests (startup costs seconds)."""
    r = Runner(tiny_models["2509"])
    r.ready()
    yield r
    r.send({"type": "shutdown"})
    r.close()


def pixels(path: str) -> bytes:
    with Image.open(path) as im:
        return im.convert("RGB").tobytes()
