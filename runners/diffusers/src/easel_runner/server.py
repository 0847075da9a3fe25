"""Main loop: a reader thread parses stdin, the main thread runs one job at a time."""

from __future__ import annotations

import logging
import os
import queue
import threading
import traceback
from dataclasses import dataclass, field
from typing import IO

from .applied import compiled_blocks, fp8_method
from .editing import JobCanceled, OutOfMemory, run_edit
from .loading import LoadedPipeline
from .protocol import (
    PROTOCOL_VERSION,
    BadRequest,
    CancelRequest,
    EditRequest,
    InvalidEdit,
    InvalidMessage,
    ShutdownRequest,
    Writer,
    parse_message,
)

log = logging.getLogger("easel_runner")

_STOP = object()  # queued on shutdown or EOF


def ready_message(loaded: LoadedPipeline, warmup_seconds: float | None = None) -> dict:
    opts = loaded.options
    transformer = loaded.pipe.transformer
    fp8 = fp8_method(transformer)
    compiled = compiled_blocks(transformer)
    return {
        "protocol": PROTOCOL_VERSION,
        "pid": os.getpid(),
        "variant": loaded.info.variant,
        "pipeline": loaded.info.pipeline,
        "device": loaded.device,
        "dtype": loaded.dtype_name,
        "max_input_images": loaded.info.max_input_images,
        "options": {
            "lora": opts.lora is not None,
            "compile": compiled > 0,
            "compiled_blocks": compiled,
            "fp8": fp8 is not None,
            "fp8_method": fp8,
            "offload": opts.offload,
            "cache": str(opts.cache) if loaded.cache is not None else None,
        },
        "defaults": {"steps": loaded.default_steps, "guidance": loaded.default_guidance},
        "warmup_seconds": None if warmup_seconds is None else round(warmup_seconds, 3),
    }


@dataclass
class _Jobs:
    """Jobs waiting or running, each with its cancel flag; shared by both threads."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    cancels: dict[str, threading.Event] = field(default_factory=dict)
    queue: "queue.Queue[object]" = field(default_factory=queue.Queue)

    def add(self, req: EditRequest) -> bool:
        with self.lock:
            if req.id in self.cancels:
                return False
            self.cancels[req.id] = threading.Event()
        self.queue.put(req)
        return True

    def cancel(self, job_id: str) -> None:
        with self.lock:
            event = self.cancels.get(job_id)
        if event is not None:  # unknown or finished ids are ignored
            event.set()

    def event(self, job_id: str) -> threading.Event:
        with self.lock:
            return self.cancels[job_id]

    def finish(self, job_id: str) -> None:
        with self.lock:
            self.cancels.pop(job_id, None)


def _read_loop(stdin: IO[str], writer: Writer, jobs: _Jobs, max_input_images: int) -> None:
    try:
        for line in stdin:
            if not line.strip():
                continue
            msg = parse_message(line, max_input_images)
            if isinstance(msg, ShutdownRequest):
                break
            if isinstance(msg, CancelRequest):
                jobs.cancel(msg.id)
            elif isinstance(msg, InvalidEdit):
                writer.send("failed", id=msg.id, code="bad_request", message=msg.message)
            elif isinstance(msg, InvalidMessage):
                writer.send("error", message=msg.message)
            elif isinstance(msg, EditRequest) and not jobs.add(msg):
                writer.send("failed", id=msg.id, code="bad_request", message="id: a job with this id is already queued or running")
    except BaseException:
        log.error("stdin reader crashed:\n%s", traceback.format_exc())
        writer.send("fatal", message="stdin reader crashed: " + traceback.format_exc(limit=1).strip())
        os._exit(1)
    jobs.queue.put(_STOP)


def _run_job(loaded: LoadedPipeline, req: EditRequest, writer: Writer, cancel: threading.Event) -> None:
    try:
        done = run_edit(loaded, req, writer.send, cancel)
    except JobCanceled:
        writer.send("canceled", id=req.id)
    except BadRequest as exc:
        writer.send("failed", id=req.id, code="bad_request", message=str(exc))
    except OutOfMemory as exc:
        writer.send("failed", id=req.id, code="out_of_memory", message=str(exc))
    except Exception as exc:
        log.error("job %s failed:\n%s", req.id, traceback.format_exc())
        writer.send("failed", id=req.id, code="internal", message=f"{type(exc).__name__}: {exc}")
    else:
        writer.send("done", id=req.id, **done)


def serve(loaded: LoadedPipeline, writer: Writer, stdin: IO[str]) -> int:
    """Answer jobs until shutdown or EOF; returns the exit code."""
    jobs = _Jobs()
    reader = threading.Thread(
        target=_read_loop, args=(stdin, writer, jobs, loaded.info.max_input_images), name="stdin", daemon=True
    )
    reader.start()
    while True:
        item = jobs.queue.get()
        if item is _STOP:
            return 0
        assert isinstance(item, EditRequest)
        try:
            _run_job(loaded, item, writer, jobs.event(item.id))
        finally:
            jobs.finish(item.id)
