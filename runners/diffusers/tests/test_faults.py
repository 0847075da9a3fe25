"""The test-only faults the host's failure tests rely on (easel_runner.faults)."""

import signal

import pytest

from easel_runner.faults import ENVIRONMENT_VARIABLE


def test_exit_at_start_and_unknown_faults_are_fatal(tiny_models, start_runner, tmp_path, monkeypatch):
    fault = tmp_path / "fault"
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, str(fault))
    for name, words in (("exit-at-start", "injected fault: exit-at-start"), ("exit-at-lunch", "unknown fault 'exit-at-lunch'")):
        fault.write_text(name)
        r = start_runner(tiny_models["2509"])
        msg = r.read()
        assert msg["type"] == "fatal" and words in msg["message"], msg
        assert r.close() == 2


def test_exit_on_edit_dies_mid_job_and_an_empty_file_means_no_fault(
    tiny_models, input_images, start_runner, tmp_path, monkeypatch
):
    fault = tmp_path / "fault"
    fault.write_text("")
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, str(fault))
    r = start_runner(tiny_models["2509"])
    r.ready()
    end, _ = r.edit("fine", input_images[:1], tmp_path / "fine")
    assert end["type"] == "done", end

    fault.write_text("exit-on-edit\n")
    r.send({**_edit(input_images, tmp_path), "id": "doomed"})
    assert r.read() == {"type": "progress", "id": "doomed", "step": 1, "steps": 2}
    assert r.read() is None
    assert r.close() == -signal.SIGKILL


def test_hold_at_step_holds_the_job_until_cleared_or_canceled(
    tiny_models, input_images, start_runner, tmp_path, monkeypatch
):
    fault = tmp_path / "fault"
    fault.write_text("hold-at-step")
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, str(fault))
    r = start_runner(tiny_models["2509"])
    r.ready()
    r.send({**_edit(input_images, tmp_path), "id": "held"})
    assert r.read() == {"type": "progress", "id": "held", "step": 1, "steps": 2}
    # Held: the runner says nothing more until the fault is cleared.
    with pytest.raises(TimeoutError):
        r.read(timeout=0.5)
    fault.write_text("")
    end, seen = r.until_end("held")
    assert end["type"] == "done" and seen == [{"type": "progress", "id": "held", "step": 2, "steps": 2}], (end, seen)

    fault.write_text("hold-at-step")
    r.send({**_edit(input_images, tmp_path / "second"), "id": "canceled"})
    assert r.read()["type"] == "progress"
    r.send({"type": "cancel", "id": "canceled"})
    end, _ = r.until_end("canceled")
    assert end == {"type": "canceled", "id": "canceled"}


def _edit(images, out):
    return {
        "type": "edit", "prompt": "make the sky blue", "negative_prompt": None, "images": images[:1], "width": 64,
        "height": 64, "num_images": 1, "seed": 1, "steps": 2, "guidance": 1.0, "prompt_extend": False,
        "output_dir": str(out / "doomed"),
    }
