"""Variant detection and the fatal startup paths, through the real process where visible."""

import json
import shutil

import pytest

from easel_runner.weights import WeightsError, inspect_weights


@pytest.mark.parametrize("variant,pipeline", [("edit", "QwenImageEditPipeline"), ("2509", "QwenImageEditPlusPipeline"), ("2511", "QwenImageEditPlusPipeline")])
def test_detects_variant(tiny_models, variant, pipeline):
    info = inspect_weights(tiny_models[variant])
    assert (info.variant, info.pipeline) == (variant, pipeline)
    assert info.max_input_images == (1 if variant == "edit" else 4)


def test_zero_cond_t_marks_2511(tiny_models):
    assert json.loads((tiny_models["2511"] / "transformer" / "config.json").read_text())["zero_cond_t"] is True
    assert json.loads((tiny_models["2509"] / "transformer" / "config.json").read_text())["zero_cond_t"] is False


def _copy(tiny_models, tmp_path, name="w"):
    dst = tmp_path / name
    shutil.copytree(tiny_models["2509"], dst)
    return dst


def _broken(kind, tiny_models, tmp_path):
    if kind == "missing_folder":
        return tmp_path / "nope", "does not exist"
    w = _copy(tiny_models, tmp_path)
    if kind == "no_model_index":
        (w / "model_index.json").unlink()
        return w, "model_index.json: missing"
    if kind == "wrong_class":
        idx = json.loads((w / "model_index.json").read_text())
        idx["_class_name"] = "StableDiffusionPipeline"
        (w / "model_index.json").write_text(json.dumps(idx))
        return w, "unsupported pipeline class 'StableDiffusionPipeline'"
    if kind == "missing_subfolder":
        shutil.rmtree(w / "vae")
        return w, "missing subfolder 'vae'"
    if kind == "corrupt_weights":
        (w / "transformer" / "diffusion_pytorch_model.safetensors").write_bytes(b"not a safetensors file")
        return w, "cannot load QwenImageEditPlusPipeline"
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", ["missing_folder", "no_model_index", "wrong_class", "missing_subfolder", "corrupt_weights"])
def test_fatal_on_bad_weights(kind, tiny_models, tmp_path, start_runner):
    path, expected = _broken(kind, tiny_models, tmp_path)
    r = start_runner(path)
    msg = r.read()
    assert msg["type"] == "fatal"
    assert str(path.resolve()) in msg["message"] and expected in msg["message"], msg
    assert r.read() is None  # nothing after fatal
    assert r.close() == 2


def test_inspect_raises_for_missing_folder(tmp_path):
    with pytest.raises(WeightsError, match="does not exist"):
        inspect_weights(tmp_path / "x")
