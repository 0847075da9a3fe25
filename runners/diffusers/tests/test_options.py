"""Startup options: LoRA, fp8, offload, --max-batch, and the OOM fallback."""

import threading
import weakref

import torch

from conftest import pixels
from easel_runner import editing
from easel_runner.editing import run_edit
from easel_runner.loading import RunnerOptions, load_pipeline
from easel_runner.protocol import EditRequest
from easel_runner.weights import inspect_weights


def test_lora_fused_and_changes_output(tiny_models, tiny_lora, input_images, start_runner, runner_2509, tmp_path):
    r = start_runner(tiny_models["2509"], "--lora", str(tiny_lora), "--lora-steps", "3")
    ready = r.ready()
    assert ready["options"]["lora"] is True
    assert ready["defaults"] == {"steps": 3, "guidance": 1.0}
    with_lora, msgs = r.edit("l", input_images[:1], tmp_path / "l", steps=None, guidance=None)
    assert with_lora["type"] == "done", with_lora
    assert [m["steps"] for m in msgs if m["type"] == "progress"] == [3, 3, 3]
    plain, _ = runner_2509.edit("nl", input_images[:1], tmp_path / "nl", steps=3, guidance=1.0)
    assert pixels(with_lora["images"][0]) != pixels(plain["images"][0])


def test_missing_lora_is_fatal(tiny_models, start_runner, tmp_path):
    r = start_runner(tiny_models["2509"], "--lora", str(tmp_path / "none.safetensors"))
    msg = r.read()
    assert msg["type"] == "fatal" and "none.safetensors" in msg["message"]
    assert r.close() == 2


def test_fp8_layerwise_on_cpu(tiny_models, input_images, start_runner, tmp_path):
    r = start_runner(tiny_models["2509"], "--fp8")
    options = r.ready()["options"]
    # Read from the loaded weights: without a GPU and torchao they are stored as float8 and upcast per layer.
    assert options["fp8"] is True and options["fp8_method"] == "layerwise", options
    end, _ = r.edit("f", input_images[:1], tmp_path)
    assert end["type"] == "done", end


def test_offload_refused_on_cpu(tiny_models, start_runner):
    for mode in ("model", "sequential"):
        r = start_runner(tiny_models["2509"], "--offload", mode, "--device", "cpu")
        msg = r.read()
        assert msg["type"] == "fatal" and f"--offload {mode}" in msg["message"] and "CUDA" in msg["message"]
        assert r.close() == 2


def test_bad_cli_flag_is_fatal(tiny_models, start_runner):
    r = start_runner(tiny_models["2509"], "--offload", "disk")
    msg = r.read()
    assert msg["type"] == "fatal" and "--offload" in msg["message"]
    assert r.close() == 2


def test_max_batch_splits_and_matches(tiny_models, input_images, start_runner, runner_2509, tmp_path):
    r = start_runner(tiny_models["2509"], "--max-batch", "2")
    r.ready()
    split, msgs = r.edit("mb", input_images[:1], tmp_path / "mb", num_images=3, guidance=1.0)
    assert split["type"] == "done"
    assert [(m["step"], m["steps"]) for m in msgs if m["type"] == "progress"] == [(1, 4), (2, 4), (3, 4), (4, 4)]
    whole, _ = runner_2509.edit("whole", input_images[:1], tmp_path / "whole", num_images=3, guidance=1.0)
    assert [pixels(p) for p in split["images"]] == [pixels(p) for p in whole["images"]]


class _OomOnBatch:
    """Wraps a pipeline so any call with more than one image raises CUDA-style OOM."""

    def __init__(self, pipe):
        self._pipe = pipe
        self.failed_batch: weakref.ref | None = None  # a tensor the failed call held when it raised

    def __getattr__(self, name):
        return getattr(self._pipe, name)

    def __call__(self, *args, **kwargs):
        if kwargs.get("num_images_per_prompt", 1) > 1:
            activations = torch.empty(1024)
            self.failed_batch = weakref.ref(activations)
            raise torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 20.00 GiB")
        return self._pipe(*args, **kwargs)


def test_oom_falls_back_to_one_at_a_time(tiny_models, input_images, tmp_path, monkeypatch):
    opts = RunnerOptions(weights=str(tiny_models["2509"]), max_pixels=64 * 64, min_pixels=64 * 64)
    loaded = load_pipeline(inspect_weights(opts.weights), opts)
    sent = []

    def request(out):
        return EditRequest(id="o", prompt="p", negative_prompt=None, images=input_images[:1], width=64, height=64,
                           num_images=3, seed=5, steps=2, guidance=1.0, prompt_extend=False, output_dir=str(out))

    batched = run_edit(loaded, request(tmp_path / "a"), lambda *a, **k: None, threading.Event())
    loaded.pipe = oom = _OomOnBatch(loaded.pipe)
    freed_when_released = []

    def release(device):  # the failed call's tensors must be gone by the time the cache is emptied
        real_release(device)
        freed_when_released.append(oom.failed_batch() is None)

    real_release = editing.release_memory
    monkeypatch.setattr(editing, "release_memory", release)
    fallback = run_edit(loaded, request(tmp_path / "b"), lambda kind, **f: sent.append((kind, f)), threading.Event())
    assert [pixels(p) for p in fallback["images"]] == [pixels(p) for p in batched["images"]]
    progress = [(f["step"], f["steps"]) for kind, f in sent if kind == "progress"]
    assert progress == [(i, 6) for i in range(1, 7)]
    assert freed_when_released == [True]
