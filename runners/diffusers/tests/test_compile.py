"""--compile on CPU: inductor compiles the transformer's repeated blocks on the first edit."""

import json

from conftest import pixels


def test_compiled_runner_edits_like_the_eager_one(tiny_models, input_images, start_runner, runner_2509, tmp_path):
    compiled = start_runner(tiny_models["2509"], "--compile", "--device", "cpu")
    ready = compiled.ready()
    options = ready["options"]
    # Compiled at start by the warm-up edits, so a trace failure is a startup error, not a failed job.
    assert ready["warmup_seconds"] > 0, ready
    # Counted on the loaded transformer: every repeated block, and only those, goes through torch.compile.
    blocks = json.loads((tiny_models["2509"] / "transformer" / "config.json").read_text())["num_layers"]
    assert options["compile"] is True and options["compiled_blocks"] == blocks, options
    for job in ("c1", "c2"):
        end, _ = compiled.edit(job, input_images[:1], tmp_path / job)
        assert end["type"] == "done", end
    eager, _ = runner_2509.edit("e", input_images[:1], tmp_path / "e")
    a, b = pixels(end["images"][0]), pixels(eager["images"][0])
    assert len(a) == len(b)
    # Fused kernels round differently, so pixels may differ by a step or two, never more.
    assert max(abs(x - y) for x, y in zip(a, b)) <= 8


def test_pairs_compile_cannot_trace_are_refused_at_start(tiny_models, start_runner):
    for pair, names in ((["--fp8"], "--compile with --fp8"), (["--offload", "sequential"], "--compile with --offload sequential")):
        r = start_runner(tiny_models["2509"], "--compile", "--device", "cpu", *pair)
        msg = r.read()
        assert msg["type"] == "fatal" and msg["message"].startswith(names), msg
        assert r.close() == 2
