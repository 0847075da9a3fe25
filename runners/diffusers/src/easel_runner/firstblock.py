"""First-block step cache for the Qwen-Image transformer (`--cache first-block:THRESHOLD`).

Consecutive denoising steps change the transformer's hidden states little, and how much the
first block's output moves is a cheap signal of how much the whole stack's would. So each
transformer call runs block 0 and takes its residual (output minus input, image stream). That
residual is compared with block 0's residual at the last fully computed call of the same branch,
as a relative mean absolute difference mean|r - r_ref| / mean|r_ref|. Below the threshold the
other blocks are skipped and the residual they added at that last full call is added to block 0's
output instead; otherwise they run and the cached residuals are refreshed. The reference moves
only on full calls, so drift across skipped calls adds up until it crosses the threshold.

CFG's conditional and unconditional passes see different prompts, so each keeps its own cache,
keyed by the name diffusers' Qwen-Image pipelines give each pass (`transformer.cache_context`).
Each pipeline call starts from an empty cache (`clear`), so no edit reuses another's residuals.
A threshold of 0 never skips: the outputs are those of the uncached model, bit for bit.

The blocks themselves are untouched (a regionally compiled block stays compiled): the transformer
iterates its block list, and the list hands out wrappers while a transformer call runs.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any

import torch
from torch import nn

DEFAULT_BRANCH = "default"  # a call outside any cache_context (pipelines without one)


@dataclass
class _Branch:
    """What one branch (cond or uncond) remembers from its last fully computed call."""

    head_residual: torch.Tensor | None = None
    tail_hidden: torch.Tensor | None = None
    tail_encoder: torch.Tensor | None = None

    def relative_change(self, residual: torch.Tensor, encoder: torch.Tensor) -> float | None:
        """mean|r - r_ref| / mean|r_ref|, or None when there is nothing comparable cached."""
        ref = self.head_residual
        if ref is None or self.tail_hidden is None or self.tail_encoder is None:
            return None
        if ref.shape != residual.shape or self.tail_encoder.shape != encoder.shape:  # another batch or prompt length
            return None
        ref32 = ref.float()
        return ((residual.float() - ref32).abs().mean() / ref32.abs().mean()).item()


class FirstBlockCache:
    def __init__(self, threshold: float):
        self.threshold = threshold
        self.calls = 0  # transformer calls since the counts were last taken (a CFG step makes two)
        self.skipped = 0  # of which only block 0 ran
        self._branches: dict[str, _Branch] = {}
        self._branch_name = DEFAULT_BRANCH
        self._armed = False  # a transformer call is running
        self._branch: _Branch | None = None  # the current call's branch
        self._skip = False
        self._head_out: tuple[torch.Tensor, torch.Tensor] | None = None

    def install(self, transformer: nn.Module) -> None:
        blocks = transformer.transformer_blocks
        if len(blocks) < 2:
            raise ValueError(f"--cache: the transformer has {len(blocks)} block(s); a first-block cache needs two or more")
        transformer.transformer_blocks = _CachedBlocks(self, blocks)  # the same modules under the same names
        original = transformer.cache_context

        @contextlib.contextmanager
        def named_context(name: str, **kwargs: Any):
            previous, self._branch_name = self._branch_name, name
            try:
                with original(name, **kwargs):
                    yield
            finally:
                self._branch_name = previous

        transformer.cache_context = named_context
        transformer.register_forward_pre_hook(lambda module, args: self._set_armed(True))
        transformer.register_forward_hook(lambda module, args, out: self._set_armed(False), always_call=True)

    def clear(self) -> None:
        """Forget every cached residual: the next call of each branch runs in full."""
        self._branches.clear()
        self._branch = None
        self._head_out = None

    def take_counts(self) -> dict[str, int]:
        counts = {"calls": self.calls, "skipped": self.skipped}
        self.calls = self.skipped = 0
        return counts

    def _set_armed(self, armed: bool) -> None:
        self._armed = armed
        if not armed:
            self._head_out = None

    def _blocks_for_call(self, blocks: list[nn.Module]):
        yield self._head(blocks[0])
        if self._skip:  # decided while block 0 ran, before the transformer asks for the next block
            yield self._replay
            return
        yield from blocks[1:-1]
        yield self._tail(blocks[-1])

    def _head(self, block: nn.Module):
        def run(**kwargs: Any):
            encoder, hidden = block(**kwargs)
            residual = hidden - kwargs["hidden_states"]
            branch = self._branches.setdefault(self._branch_name, _Branch())
            change = branch.relative_change(residual, encoder)
            self._skip = change is not None and change < self.threshold
            self.calls += 1
            if self._skip:
                self.skipped += 1
            else:
                branch.head_residual = residual
            self._branch, self._head_out = branch, (encoder, hidden)
            return encoder, hidden

        return run

    def _replay(self, **kwargs: Any):
        branch = self._branch
        assert branch is not None and branch.tail_hidden is not None and branch.tail_encoder is not None
        return kwargs["encoder_hidden_states"] + branch.tail_encoder, kwargs["hidden_states"] + branch.tail_hidden

    def _tail(self, block: nn.Module):
        def run(**kwargs: Any):
            encoder, hidden = block(**kwargs)
            assert self._branch is not None and self._head_out is not None
            head_encoder, head_hidden = self._head_out
            self._branch.tail_hidden = hidden - head_hidden
            self._branch.tail_encoder = encoder - head_encoder
            return encoder, hidden

        return run


class _CachedBlocks(nn.ModuleList):
    """The transformer's block list; during a transformer call it yields the cache's wrappers."""

    def __init__(self, cache: FirstBlockCache, blocks: nn.ModuleList):
        super().__init__(blocks)
        object.__setattr__(self, "_cache", cache)  # a plain attribute, not a submodule

    def __iter__(self):
        blocks = list(super().__iter__())
        if not self._cache._armed:
            return iter(blocks)
        return self._cache._blocks_for_call(blocks)
