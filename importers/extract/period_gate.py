"""Where a period can start in a sentence, found in a copy of its folded text with one byte a
character, in which every character but ``a-z`` and ``0-9`` is a space.

The period gate of :mod:`.periods` is ``[^a-z0-9](?=opening)`` over the folded sentence: ``re``
tests its leading class at every character (about 90 instructions each) and enters the
openings at every space or mark. In the copy the class is the literal space, which ``re``
skips to in a tight loop, and the gate opens with it (:func:`relaxed_gate`). A space of the
copy stands for any of the characters the pattern tells apart there (whitespace, "(", "-",
a digit beyond ASCII), so the copy's gate finds every start the pattern finds and a few more;
:func:`.periods.find_periods` keeps a start only where the pattern itself agrees.

Non-goals: the whole text at once (the gate reads only sentences with figures, half of it).
"""

from __future__ import annotations

import re

# Every byte but a-z and 0-9 a space; a character beyond Latin-1 is encoded as "?" first
_SPACES = bytes(b if 0x61 <= b <= 0x7A or 0x30 <= b <= 0x39 else 0x20 for b in range(256))


def stop_bytes(folded: str, start: int, end: int) -> bytes:
    """``folded[start:end]`` one byte a character, every character but a-z and 0-9 a space.
    A slice of English text is ASCII, whose encoding is a copy."""
    return folded[start:end].encode("latin-1", "replace").translate(_SPACES)


def relaxed_gate(openings: dict[str, str]) -> re.Pattern[bytes]:
    """A space and then one of ``openings`` (first character: the rest of its pattern), read
    in :func:`stop_bytes`' copy: whitespace, "-" and "(" became spaces there, and a digit
    beyond ASCII too, so ``\\s``, ``[-\\s]``, ``\\(`` and ``\\d`` are written as what they
    became. The openings are consumed: the caller searches again from the space after."""
    branches = []
    for first, rest in openings.items():
        relaxed = rest.replace(r"[-\s]", " ").replace(r"\s", " ").replace(r"\d", "[0-9 ]")
        branches.append(f"{' ' if first == '(' else re.escape(first)}(?:{relaxed})")
    return re.compile(f" (?:{'|'.join(branches)})".encode("ascii"))
