"""Shared fixtures: tiny random models built offline, and a protocol client for the runner process."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PIL import Image

os.environ.setdefault("HF_HUB_OFFLINE", "1")

# Tiny models generate at 64x64 whatever the requested size, so every edit stays fast.
TINY_PIXELS = str(64 * 64)
TIMEOUT = 120.0


@pytest.fixture(scope="session")
def tiny_models(tmp_path_factory) -> dict[str, Path]:
    from easel_runner.tiny import build

    root = tmp_path_factory.mktemp("tiny")
    return {v: build(root / v, variant=v, seed=0) for v in ("edit", "2509", "2511")}


@pytest.fixture(scope="session")
def tiny_lora(tmp_path_factory) -> Path:
    from easel_runner.tiny import write_tiny_lora

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


class Runner:
    """The runner as a subprocess; every stdout line must parse as JSON."""

    def __init__(self, weights: Path, *extra: str, tiny: bool = True):
        args = [sys.executable, "-m", "easel_runner", "--weights", str(weights)]
        if tiny:
            args += ["--max-pixels", TINY_PIXELS, "--min-pixels", TINY_PIXELS]
        self.proc = subprocess.Popen(
            args + list(extra),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "HF_HUB_OFFLINE": "1"},
        )
        self.lines: "queue.Queue[str | None]" = queue.Queue()
        self.stderr: list[str] = []
        threading.Thread(target=self._pump_out, daemon=True).start()
        threading.Thread(target=self._pump_err, daemon=True).start()

    def _pump_out(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def _pump_err(self) -> None:
        for line in self.proc.stderr:
            self.stderr.append(line)

    def read(self, timeout: float = TIMEOUT) -> dict | None:
        """Next message, or None at EOF."""
        line = self.lines.get(timeout=timeout)
        if line is None:
            return None
        assert line.endswith("\n")
        msg = json.loads(line)  # stdout must carry protocol lines only
        assert isinstance(msg, dict) and "type" in msg, line
        return msg

    def send(self, msg: dict | str) -> None:
        self.proc.stdin.write((msg if isinstance(msg, str) else json.dumps(msg)) + "\n")
        self.proc.stdin.flush()

    def ready(self) -> dict:
        msg = self.read()
        assert msg is not None and msg["type"] == "ready", (msg, "".join(self.stderr[-30:]))
        return msg

    def until_end(self, job_id: str) -> tuple[dict, list[dict]]:
        """Messages for a job up to its terminal one: (terminal, everything before)."""
        seen = []
        while True:
            msg = self.read()
            assert msg is not None, "runner exited: " + "".join(self.stderr[-30:])
            if msg.get("id") == job_id and msg["type"] in ("done", "failed", "canceled"):
                return msg, seen
            seen.append(msg)

    def edit(self, job_id: str, images: list[str], out: Path, **fields) -> tuple[dict, list[dict]]:
        req = {
            "type": "edit",
            "id": job_id,
            "prompt": "make the sky blue",
            "negative_prompt": None,
            "images": images,
            "width": 64,
            "height": 64,
            "num_images": 1,
            "seed": 42,
            "steps": 2,
            "guidance": None,
            "prompt_extend": False,
            "output_dir": str(out),
        }
        req.update(fields)
        self.send(req)
        return self.until_end(job_id)

    def close(self, timeout: float = 60) -> int:
        if self.proc.poll() is None:
            try:
                self.proc.stdin.close()
            except BrokenPipeError:
                pass
        try:
            return self.proc.wait(timeout=timeout)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()


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
