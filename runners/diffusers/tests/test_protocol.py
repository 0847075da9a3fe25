"""Protocol behaviour of one long-lived 2509 runner (plus short-lived ones for other variants)."""

import pytest
from PIL import Image

from conftest import pixels


@pytest.mark.parametrize("variant,max_images", [("edit", 1), ("2509", 4), ("2511", 4)])
def test_ready_and_edit_each_variant(variant, max_images, tiny_models, input_images, start_runner, tmp_path):
    r = start_runner(tiny_models[variant])
    ready = r.ready()
    assert ready == {
        "type": "ready",
        "protocol": 1,
        "pid": r.proc.pid,
        "variant": variant,
        "pipeline": "QwenImageEditPipeline" if variant == "edit" else "QwenImageEditPlusPipeline",
        "device": "cpu",
        "dtype": "float32",
        "max_input_images": max_images,
        "options": {
            "lora": False,
            "compile": False,
            "compiled_blocks": 0,
            "fp8": False,
            "fp8_method": None,
            "offload": "none",
            "cache": None,
        },
        "defaults": {"steps": 40, "guidance": 4.0},
        "warmup_seconds": None,
    }
    images = input_images[:max_images]
    end, _ = r.edit("v", images, tmp_path, width=80, height=48)
    assert end["type"] == "done", end
    with Image.open(end["images"][0]) as im:
        assert im.size == (80, 48)
    r.send({"type": "shutdown"})
    assert r.read() is None
    assert r.close() == 0


@pytest.mark.parametrize("w,h", [(768, 768), (771, 1003), (1920, 1080), (64, 64), (33, 17)])
def test_exact_output_size(runner_2509, input_images, tmp_path, w, h):
    end, _ = runner_2509.edit(f"size-{w}x{h}", input_images[:1], tmp_path, width=w, height=h, guidance=1.0)
    assert end["type"] == "done", end
    assert end["images"] == [str(tmp_path / "out-0.png")]
    with Image.open(end["images"][0]) as im:
        assert im.size == (w, h) and im.format == "PNG"
    gw, gh = end["generated"]["width"], end["generated"]["height"]
    assert gw % 16 == 0 and gh % 16 == 0 and gw * gh <= 64 * 64
    assert end["prompt"] == "make the sky blue" and end["seconds"] > 0


def test_seed_reproducible(runner_2509, input_images, tmp_path):
    a, _ = runner_2509.edit("s1", input_images, tmp_path / "a", seed=7)
    b, _ = runner_2509.edit("s2", input_images, tmp_path / "b", seed=7)
    c, _ = runner_2509.edit("s3", input_images, tmp_path / "c", seed=8)
    assert pixels(a["images"][0]) == pixels(b["images"][0])
    assert pixels(a["images"][0]) != pixels(c["images"][0])


def test_batch_equals_single_images(runner_2509, input_images, tmp_path):
    seed = (1 << 64) - 2  # seed + i wraps past 2**64 - 1
    batch, msgs = runner_2509.edit("b", input_images[:1], tmp_path / "b", num_images=3, seed=seed, guidance=1.0)
    assert batch["type"] == "done" and len(batch["images"]) == 3
    steps = [m["step"] for m in msgs if m["type"] == "progress"]
    assert steps == [1, 2]  # one batched pass
    for i in range(3):
        single, _ = runner_2509.edit(f"b{i}", input_images[:1], tmp_path / f"s{i}", seed=(seed + i) % (1 << 64), guidance=1.0)
        assert pixels(single["images"][0]) == pixels(batch["images"][i])
    assert len({pixels(p) for p in batch["images"]}) == 3


def test_progress_counts_up(runner_2509, input_images, tmp_path):
    end, msgs = runner_2509.edit("p", input_images[:1], tmp_path, steps=5)
    assert end["type"] == "done"
    progress = [m for m in msgs if m["type"] == "progress"]
    assert [(m["step"], m["steps"], m["id"]) for m in progress] == [(i, 5, "p") for i in range(1, 6)]


def test_cancel_then_next_job(runner_2509, input_images, tmp_path):
    runner_2509.send({
        "type": "edit", "id": "long", "prompt": "x", "negative_prompt": None, "images": input_images[:1],
        "width": 64, "height": 64, "num_images": 1, "seed": 1, "steps": 200, "guidance": 1.0,
        "prompt_extend": False, "output_dir": str(tmp_path / "long"),
    })
    first = runner_2509.read()
    assert first["type"] == "progress" and first["id"] == "long"
    runner_2509.send({"type": "cancel", "id": "someone-else"})  # ignored
    runner_2509.send({"type": "cancel", "id": "long"})
    end, msgs = runner_2509.until_end("long")
    assert end == {"type": "canceled", "id": "long"}
    assert all(m["type"] == "progress" and m["step"] < 200 for m in msgs)
    assert not (tmp_path / "long" / "out-0.png").exists()
    after, _ = runner_2509.edit("after", input_images[:1], tmp_path / "after")
    assert after["type"] == "done"


BAD_FIELDS = [
    ({"prompt": 5}, "prompt:"),
    ({"prompt": "   "}, "prompt:"),
    ({"negative_prompt": 3}, "negative_prompt:"),
    ({"images": []}, "images:"),
    ({"images": ["relative.png"]}, "images[0]:"),
    ({"images": ["/does/not/exist.png"]}, "images[0]:"),
    ({"width": 0}, "width:"),
    ({"height": 1.5}, "height:"),
    ({"width": 100000}, "width:"),
    ({"num_images": 0}, "num_images:"),
    ({"seed": -1}, "seed:"),
    ({"seed": 1 << 64}, "seed:"),
    ({"steps": 0}, "steps:"),
    ({"guidance": "high"}, "guidance:"),
    ({"guidance": -1}, "guidance:"),
    ({"prompt_extend": "yes"}, "prompt_extend:"),
    ({"output_dir": "rel/dir"}, "output_dir:"),
]


@pytest.mark.parametrize("fields,field", BAD_FIELDS, ids=[f for _, f in BAD_FIELDS])
def test_bad_request_names_field(runner_2509, input_images, tmp_path, fields, field):
    fields = dict(fields)
    images = fields.pop("images", input_images[:1])
    end, msgs = runner_2509.edit("bad", images, tmp_path, **fields)
    assert end["type"] == "failed" and end["code"] == "bad_request", end
    assert end["message"].startswith(field), end
    assert msgs == []


def test_too_many_images_and_unreadable_image(runner_2509, input_images, tmp_path):
    end, _ = runner_2509.edit("many", input_images[:1] * 5, tmp_path)
    assert end["code"] == "bad_request" and end["message"].startswith("images:")
    junk = tmp_path / "junk.png"
    junk.write_bytes(b"not a png")
    end, _ = runner_2509.edit("junk", [str(junk)], tmp_path)
    assert end["code"] == "bad_request" and end["message"].startswith("images[0]: not a readable image")


def test_invalid_json_and_unknown_type(runner_2509, input_images, tmp_path):
    runner_2509.send("{not json")
    msg = runner_2509.read()
    assert msg["type"] == "error" and "invalid JSON" in msg["message"]
    runner_2509.send({"type": "paint"})
    msg = runner_2509.read()
    assert msg == {"type": "error", "message": 'unknown message type: "paint"'}
    end, _ = runner_2509.edit("still-alive", input_images[:1], tmp_path)
    assert end["type"] == "done"


def test_prompt_extend(runner_2509, input_images, tmp_path):
    results = []
    for i in range(2):
        end, msgs = runner_2509.edit(f"x{i}", input_images, tmp_path / str(i), prompt_extend=True)
        assert end["type"] == "done", end
        prompt_msgs = [m for m in msgs if m["type"] == "prompt"]
        assert len(prompt_msgs) == 1 and msgs[0]["type"] == "prompt"  # before any progress
        assert prompt_msgs[0]["prompt"] == end["prompt"] and end["prompt"].strip()
        results.append(end["prompt"])
    assert results[0] == results[1]  # greedy decoding is deterministic


def test_shutdown_exits_zero_and_eof_exits_zero(tiny_models, start_runner):
    r = start_runner(tiny_models["2509"])
    r.ready()
    r.proc.stdin.close()  # EOF
    assert r.read() is None
    assert r.close() == 0


def test_stdout_clean_while_libraries_log(tiny_models, input_images, start_runner, tmp_path):
    r = start_runner(tiny_models["edit"])
    r.ready()
    end, _ = r.edit("clean", input_images[:1], tmp_path)  # Runner.read asserts each line is JSON
    assert end["type"] == "done"
    r.send({"type": "shutdown"})
    assert r.read() is None
    assert r.close() == 0
    assert "".join(r.stderr).strip(), "expected library logs on stderr"
