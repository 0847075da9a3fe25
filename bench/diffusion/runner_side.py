"""The runner side: `python -m easel_runner` driven over its protocol the way Easel drives it."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from common import env_with_runner_path, fresh_inductor_cache, log_tail, mode_result
from settings import FIXTURES, PROMPT, VARIANTS, WARMUP

sys.path.insert(0, str(FIXTURES))
from easel_fixtures.client import RunnerClient  # noqa: E402  the tests' client too


def run_runner(spec: dict, work: Path, log_path: Path, timeout: float) -> dict:
    compile_, fp8, cache = VARIANTS[spec["variant"]]
    pixels = str(spec["size"] ** 2)  # generate exactly at the requested size
    args = ["--weights", spec["configs"], "--random-weights", "--device", spec["device"], "--dtype", spec["dtype"],
            "--max-pixels", pixels, "--min-pixels", pixels]
    args += ["--compile"] if compile_ else []
    args += ["--fp8"] if fp8 else []
    args += ["--cache", cache] if cache else []
    env = fresh_inductor_cache(env_with_runner_path(), work, f"runner-{spec['variant']}")
    result: dict = {"side": "runner", "variant": spec["variant"], "modes": {}}
    t0 = time.perf_counter()
    runner = RunnerClient(args, env=env, stderr_path=log_path)
    try:
        ready = runner.read(timeout)
        if ready is None or ready.get("type") != "ready":
            raise RuntimeError(f"runner did not start: {ready}; see {log_path}:\n{log_tail(log_path)}")
        result["load_s"] = round(time.perf_counter() - t0, 2)
        result["ready"] = ready
        counter = iter(range(1_000_000))
        peaks: list[int] = []
        skipped: list[dict] = []  # done.cache of each edit

        def edit(steps: int, guidance: float) -> tuple[float, float]:
            job = f"{spec['variant']}-{next(counter)}"
            out_dir = work / "out" / job
            msg = {"type": "edit", "id": job, "prompt": PROMPT, "negative_prompt": None, "images": [spec["image"]],
                   "width": spec["size"], "height": spec["size"], "num_images": 1, "seed": 42, "steps": steps,
                   "guidance": guidance, "prompt_extend": False, "output_dir": str(out_dir)}
            t = time.perf_counter()
            runner.send(msg)
            reply, _ = runner.until_end(job, timeout)
            elapsed = time.perf_counter() - t
            if reply["type"] != "done":
                raise RuntimeError(f"edit {job} ended with {reply}; see {log_path}")
            if "peak_memory_bytes" in reply:
                peaks.append(reply["peak_memory_bytes"])
            if reply.get("cache"):
                skipped.append(reply["cache"])
            return elapsed, reply["seconds"]

        result["warmup_s"] = [round(edit(*WARMUP)[0], 3) for _ in range(spec["warmup"])]
        for mode, (steps, guidance) in spec["modes"].items():
            runs = [edit(steps, guidance) for _ in range(spec["reps"])]
            result["modes"][mode] = mode_result(steps, guidance, [r[0] for r in runs], [r[1] for r in runs])
            if skipped:
                result["modes"][mode]["cache"] = skipped[-len(runs):]  # done.cache of each timed edit
        if peaks:
            result["peak_memory_bytes"] = max(peaks)
    finally:
        result["exit_code"] = runner.close(timeout=120, shutdown=True)
    return result
