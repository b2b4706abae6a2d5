"""The local clipboard, beside OSC 52.

Copying sends OSC 52, which puts text on the clipboard of the machine the terminal runs on —
also over SSH. Some terminals ignore it (VTE-based ones such as GNOME Terminal, tmux without
``set-clipboard``), so in a local desktop session the text also goes to the platform's copy
command when one is installed: ``pbcopy``, ``wl-copy``, ``xclip`` or ``xsel``. Over SSH the
command would fill the server's clipboard, not the user's, so it is not used there; nor in
an app served to a web browser (``factscope serve``), where xterm.js turns OSC 52 into the
browser's own clipboard.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping

TIMEOUT = 2.0
"""Seconds a copy command may take (xclip and wl-copy fork and return at once)."""


def native_copy_command(env: Mapping[str, str] | None = None) -> list[str] | None:
    """The command that copies its standard input here, or None (SSH, no desktop, none)."""
    env = os.environ if env is None else env
    if env.get("SSH_CONNECTION") or env.get("SSH_TTY"):
        return None
    if "web_driver" in env.get("TEXTUAL_DRIVER", ""):  # served: the user is in a browser
        return None
    path = env.get("PATH")
    candidates: list[list[str]] = []
    if sys.platform == "darwin":
        candidates.append(["pbcopy"])
    if env.get("WAYLAND_DISPLAY"):
        candidates.append(["wl-copy"])
    if env.get("DISPLAY"):
        candidates += [["xclip", "-selection", "clipboard"], ["xsel", "--clipboard", "--input"]]
    for command in candidates:
        found = shutil.which(command[0], path=path)
        if found:
            return [found, *command[1:]]
    return None


def copy_natively(text: str, command: list[str]) -> bool:
    """Give ``text`` to ``command``; False when it failed (never raises)."""
    try:
        done = subprocess.run(
            command,
            input=text.encode("utf-8"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0
