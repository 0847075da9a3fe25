"""Benchmark support: config-only folders, --random-weights, and the GPU benchmark's CPU smoke run."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from easel_fixtures.configs import write_configs
from easel_runner.weights import inspect_weights

REPO = Path(__file__).resolve().parents[3]
BENCH = REPO / "bench" / "diffusion" / "bench_qwen_edit.py"


@pytest.fixture(scope="module")
def config_only(tmp_path_factory) -> Path:
    return write_configs(tmp_path_factory.mktemp("configs") / "2509", size="tiny", variant="2509")


def test_config_only_folder_has_no_tensors_and_keeps_variant(config_only, tmp_path):
    assert not [p for p in config_only.rglob("*") if p.suffix in (".safetensors", ".bin", ".pt")]
    assert inspect_weights(config_only).variant == "2509"
    assert inspect_weights(write_configs(tmp_path / "2511", size="tiny", variant="2511")).variant == "2511"


def test_real_size_configs_match_released_shapes(tmp_path):
    out = write_configs(tmp_path / "real", size="real", variant="2511")
    assert inspect_weights(out).variant == "2511"
    transformer = json.loads((out / "transformer" / "config.json").read_text())
    assert (transformer["num_layers"], transformer["joint_attention_dim"], transformer["zero_cond_t"]) == (60, 3584, True)
    te = json.loads((out / "text_encoder" / "config.json").read_text())
    text, vision = te["text_config"], te["vision_config"]
    assert (text["hidden_size"], text["num_hidden_layers"], text["num_key_value_heads"], text["vocab_size"]) == (3584, 28, 4, 152064)
    assert (vision["depth"], vision["hidden_size"], vision["out_hidden_size"]) == (32, 1280, 3584)
    # The tokenizer's special-token ids are what the text encoder looks for, and it covers them.
    tokenizer = json.loads((out / "tokenizer" / "tokenizer.json").read_text())
    ids = {t["content"]: t["id"] for t in tokenizer["added_tokens"]}
    assert te["image_token_id"] == ids["<|image_pad|>"] and te["vision_start_token_id"] == ids["<|vision_start|>"]
    assert max(ids.values()) < text["vocab_size"]


def test_runner_serves_random_weights(config_only, input_images, start_runner, tmp_path):
    r = start_runner(config_only, "--random-weights")
    ready = r.ready()
    assert ready["variant"] == "2509"
    end, _ = r.edit("rw", input_images[:1], tmp_path, guidance=4.0)
    assert end["type"] == "done", end
    assert "peak_memory_bytes" not in end  # CUDA only


def test_config_only_folder_without_flag_is_fatal(config_only, start_runner):
    r = start_runner(config_only)
    msg = r.read()
    assert msg["type"] == "fatal" and str(config_only) in msg["message"]
    assert r.close() == 2


def test_bench_tiny_smoke(tmp_path):
    out = tmp_path / "bench.json"
    proc = subprocess.run(
        [sys.executable, str(BENCH), "--tiny", "--variants", "eager+cache", "--reps", "1", "--warmup", "0", "--out", str(out)],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    result = json.loads(out.read_text())
    sides = {(r["side"], r["variant"]): r for r in result["runs"]}
    assert set(sides) == {("bare", "eager+cache"), ("runner", "eager+cache")}
    for run in sides.values():
        assert set(run["modes"]) == {"full", "8step", "4step"}
        assert all(t > 0 for m in run["modes"].values() for t in m["times_s"])
    assert set(result["overhead"]["eager+cache"]) == {"full", "8step", "4step"}
    assert "| full | eager+cache |" in proc.stdout
    runner = sides[("runner", "eager+cache")]
    assert runner["ready"]["options"]["cache"] == "first-block:0.08"
    assert runner["modes"]["full"]["cache"][0]["calls"] == 2 * runner["modes"]["full"]["steps"]  # CFG: two calls a step
    # The device tool brings back no file whose name has a `+`.
    assert sorted(p.name for p in (tmp_path / "bench-logs").iterdir()) == ["bare-eager-cache.log", "runner-eager-cache.log"]
