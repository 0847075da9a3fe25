"""The one error family the runner reports at startup as a plain `fatal` message."""


class StartupError(Exception):
    """Startup cannot go on; the message names what is wrong (a flag, a path, the device)."""
