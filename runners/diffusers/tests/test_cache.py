"""--cache first-block:THRESHOLD: checked at start, reported in `ready` and `done`, exact at 0."""

import pytest

from conftest import pixels

STEPS = 4


@pytest.mark.parametrize("value", ["first-block", "first-block:", "first-block:-0.1", "first-block:abc",
                                   "first-block:nan", "first-block:1e-3", "last-block:0.1", ""])
def test_malformed_cache_is_fatal_naming_the_rule(tiny_models, start_runner, value):
    r = start_runner(tiny_models["2509"], "--cache", value)
    msg = r.read()
    assert msg["type"] == "fatal", msg
    assert "--cache" in msg["message"] and "first-block:THRESHOLD" in msg["message"] and ">= 0" in msg["message"], msg
    assert r.close() == 2


def test_threshold_zero_is_pixel_identical(tiny_models, input_images, start_runner, runner_2509, tmp_path):
    r = start_runner(tiny_models["2509"], "--cache", "first-block:0")
    assert r.ready()["options"]["cache"] == "first-block:0"
    cached, _ = r.edit("z", input_images, tmp_path / "z", steps=STEPS, guidance=4.0)
    assert cached["type"] == "done", cached
    assert cached["cache"] == {"calls": 2 * STEPS, "skipped": 0}  # CFG: two transformer calls a step
    plain, _ = runner_2509.edit("p", input_images, tmp_path / "p", steps=STEPS, guidance=4.0)
    assert plain["cache"] is None
    assert pixels(cached["images"][0]) == pixels(plain["images"][0])


def test_high_threshold_skips_per_branch_and_resets_each_edit(tiny_models, input_images, start_runner, runner_2509, tmp_path):
    r = start_runner(tiny_models["2509"], "--cache", "first-block:1000.0")
    assert r.ready()["options"]["cache"] == "first-block:1000"  # canonical spelling
    first, _ = r.edit("a", input_images, tmp_path / "a", steps=STEPS, guidance=4.0)
    # Only the first call of each branch (cond and uncond) runs in full: one shared cache would
    # skip the uncond branch's first call too.
    assert first["cache"] == {"calls": 2 * STEPS, "skipped": 2 * STEPS - 2}, first
    again, _ = r.edit("b", input_images, tmp_path / "b", steps=STEPS, guidance=4.0)
    assert again["cache"] == first["cache"]  # nothing carried over from the last edit
    assert pixels(again["images"][0]) == pixels(first["images"][0])
    no_cfg, _ = r.edit("c", input_images, tmp_path / "c", steps=STEPS, guidance=1.0)
    assert no_cfg["cache"] == {"calls": STEPS, "skipped": STEPS - 1}
    plain, _ = runner_2509.edit("p", input_images, tmp_path / "p", steps=STEPS, guidance=4.0)
    assert pixels(first["images"][0]) != pixels(plain["images"][0])  # skipping did change the output


def test_cache_none_is_off(tiny_models, start_runner):
    r = start_runner(tiny_models["2509"], "--cache", "none")
    assert r.ready()["options"]["cache"] is None
