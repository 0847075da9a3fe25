"""Easel diffusers runner: Qwen-Image-Edit over a JSON-lines protocol (see docs/RUNNER_PROTOCOL.md)."""

__version__ = "0.1.0"
