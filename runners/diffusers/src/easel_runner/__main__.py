"""CLI entry point: python -m easel_runner --weights DIR [options]."""

from __future__ import annotations

import argparse
import io
import logging
import os
import sys
import traceback

from .errors import StartupError


def _claim_stdout() -> io.TextIOWrapper:
    """Keep the real stdout for protocol lines only and send everything else to stderr.

    Libraries print progress bars and warnings, sometimes from C code; pointing fd 1 at
    stderr means nothing but the protocol writer can reach the host's stdout pipe.
    """
    sys.stdout.flush()
    proto_fd = os.dup(1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    return io.TextIOWrapper(os.fdopen(proto_fd, "wb", buffering=0), encoding="utf-8", newline="\n")


def _quiet_libraries() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # weights are local; never reach for the hub
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TQDM_DISABLE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1")


class UsageError(StartupError):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse would print usage and exit 2 silently on stdout's behalf
        raise UsageError(f"usage: {message}")


def _positive(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError("must be a positive integer")
    return value


def _cache(text: str):
    from .cachespec import CacheSpecError, parse_cache

    try:
        return parse_cache(text)
    except CacheSpecError as exc:
        raise argparse.ArgumentTypeError(str(exc).removeprefix("--cache: ")) from None


def build_parser() -> argparse.ArgumentParser:
    from .sizing import DEFAULT_MAX_PIXELS, DEFAULT_MIN_PIXELS

    p = _Parser(prog="python -m easel_runner", description="Easel diffusers runner (protocol v1 on stdin/stdout)")
    p.add_argument("--weights", required=True, metavar="DIR", help="diffusers Qwen-Image-Edit folder")
    p.add_argument("--device", choices=("auto", "cpu", "cuda"), default="auto")
    p.add_argument("--dtype", choices=("auto", "bfloat16", "float32"), default="auto")
    p.add_argument("--lora", metavar="FILE", help="Lightning-style LoRA .safetensors, fused at load")
    p.add_argument("--lora-steps", type=_positive, default=8, metavar="N", help="default steps with --lora (8)")
    p.add_argument("--compile", action="store_true", help="regional torch.compile of the transformer blocks")
    p.add_argument("--fp8", action="store_true", help="store transformer weights as float8_e4m3fn")
    p.add_argument("--offload", choices=("none", "model", "sequential"), default="none")
    p.add_argument("--max-pixels", type=_positive, default=DEFAULT_MAX_PIXELS, metavar="N")
    p.add_argument("--min-pixels", type=_positive, default=DEFAULT_MIN_PIXELS, metavar="N")
    p.add_argument("--max-batch", type=_positive, default=16, metavar="N", help="most images per pipeline call")
    p.add_argument(
        "--cache",
        type=_cache,
        default=None,
        metavar="SPEC",
        help="step cache, off by default: first-block:THRESHOLD (e.g. first-block:0.08) or none",
    )
    p.add_argument(
        "--random-weights",
        action="store_true",
        help="benchmark only: build the models from the folder's configs with random weights",
    )
    return p


def main(argv: list[str] | None = None) -> int:
    proto = _claim_stdout()
    _quiet_libraries()
    logging.basicConfig(stream=sys.stderr, level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")

    from .protocol import Writer

    writer = Writer(proto)
    try:
        args = build_parser().parse_args(argv)
        if args.min_pixels > args.max_pixels:
            raise UsageError("--min-pixels must not exceed --max-pixels")
        from . import faults

        faults.check_at_start()

        from .weights import inspect_weights

        # The folder is checked before torch and diffusers are imported (seconds), so a wrong
        # path is reported at once.
        info = inspect_weights(args.weights)
        from .loading import RunnerOptions, load_pipeline

        _silence_progress_bars()
        loaded = load_pipeline(info, RunnerOptions(**vars(args)))  # flags and options match one for one
        warmup_seconds = None
        if loaded.options.compile:
            from .warmup import warm_up

            warmup_seconds = warm_up(loaded)
    except StartupError as exc:
        writer.send("fatal", message=str(exc))
        return 2
    except Exception as exc:
        traceback.print_exc()
        writer.send("fatal", message=f"startup failed: {type(exc).__name__}: {exc}")
        return 2

    from .server import ready_message, serve

    writer.send("ready", **ready_message(loaded, warmup_seconds))
    try:
        return serve(loaded, writer, sys.stdin)
    except BaseException as exc:
        traceback.print_exc()
        writer.send("fatal", message=f"runner crashed: {type(exc).__name__}: {exc}")
        return 1


def _silence_progress_bars() -> None:
    import diffusers
    import transformers

    diffusers.utils.logging.disable_progress_bar()
    diffusers.utils.logging.set_verbosity_error()
    transformers.utils.logging.disable_progress_bar()
    transformers.utils.logging.set_verbosity_error()


def run() -> None:
    code = main()
    sys.stderr.flush()
    # os._exit: the stdin reader thread may still be blocked in read(); a normal interpreter
    # shutdown can abort on the stdin buffer lock.
    os._exit(code)


if __name__ == "__main__":
    run()
