"""Test-only fault injection: the real runner misbehaving on purpose.

The host's failure handling (a cancel never confirmed, a runner that dies on every job, starts
that keep failing) is tested against this process rather than a stand-in. EASEL_RUNNER_FAULT_FILE
names a file holding one fault name. The file is read each time a fault could apply, so a test
can switch faults while the runner lives; a missing or empty file means no fault. Without the
variable, as in production, nothing here does anything.
"""

from __future__ import annotations

import os
import signal
import threading
from pathlib import Path

from .errors import StartupError

ENVIRONMENT_VARIABLE = "EASEL_RUNNER_FAULT_FILE"

EXIT_AT_START = "exit-at-start"  # write `fatal` and exit 2 before loading the model
EXIT_ON_EDIT = "exit-on-edit"  # SIGKILL itself at the first denoising step of every job
HANG_ON_CANCEL = "hang-on-cancel"  # never confirm a cancel: the job blocks forever instead
HOLD_AT_STEP = "hold-at-step"  # each step waits while the fault lasts, until a cancel arrives

KNOWN = (EXIT_AT_START, EXIT_ON_EDIT, HANG_ON_CANCEL, HOLD_AT_STEP)


class InjectedFault(StartupError):
    pass


def active() -> str | None:
    path = os.environ.get(ENVIRONMENT_VARIABLE)
    if not path:
        return None
    try:
        return Path(path).read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


def check_at_start() -> None:
    """Raise for `exit-at-start`, and for a name that is no fault (a typo would test nothing)."""
    fault = active()
    if fault is not None and fault not in KNOWN:
        raise InjectedFault(f"{ENVIRONMENT_VARIABLE}: unknown fault {fault!r} (known: {', '.join(KNOWN)})")
    if fault == EXIT_AT_START:
        raise InjectedFault(f"injected fault: {EXIT_AT_START}")


def at_step(cancel: threading.Event) -> None:
    """Called after each denoising step is reported, before the cancel flag is honoured."""
    fault = active()
    if fault == EXIT_ON_EDIT:
        os.kill(os.getpid(), signal.SIGKILL)  # as the OOM killer would: no last words
    if cancel.is_set() and fault == HANG_ON_CANCEL:
        threading.Event().wait()  # a step that never returns, like a wedged GPU kernel
    # A job that stays running for as long as a test needs, however fast or slow the
    # machine: the test clears the fault (or cancels the job) to let it go on.
    while fault == HOLD_AT_STEP and not cancel.wait(0.05):
        fault = active()
