"""Random keys across every pane and dialog, with fixed seeds: no exception, no file written.

The keys come in small bursts (one to eight keys queued before any is handled, as a fast
typist sends them) from an alphabet of printable characters and the keys that act: arrows,
Enter, Escape, Tab, F-keys, the palette, the ctrl commands that open dialogs or change a
pane. Left out are the keys whose whole point is to write or to leave: ctrl+s (export),
ctrl+y (copy to the clipboard), ctrl+c and ctrl+q (quit); and Enter in a path dialog, which
is the deliberate "write here" (tested in test_documents and test_facts). A quit chosen in
the palette is counted instead of ending the run.

The default run presses 240 keys (two seeds); ``FACTSCOPE_SLOW=1`` adds 9,000 (six seeds).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from textual import events
from textual.keys import _character_to_key

from factscope.db.store import Store
from factscope.tui.app import FactscopeApp
from factscope.tui.screens.export import PathScreen
from tests.tui.support import settle

TYPED = "abcdefghijklmnopqrstuvwxyzGNM0123456789 :/?!'>-.,[]松江"
"""Printable keys: letters (those that once were commands among them), digits, query
syntax, and Chinese."""
ACTING = [
    *("up", "down", "left", "right", "pageup", "pagedown", "home", "end"),
    *("enter", "enter", "escape", "escape", "escape", "tab", "shift+tab", "backspace"),
    *("delete", "f1", "f2", "f3", "f4", "ctrl+p", "ctrl+r", "ctrl+t", "ctrl+d", "ctrl+f"),
    "ctrl+o",
    *("ctrl+home", "ctrl+end"),
]
"""Keys that act rather than type (each listed once per weight)."""


def key_event(key: str) -> events.Key:
    """The event a terminal sends for ``key`` (a character or a key name)."""
    if len(key) == 1:
        return events.Key(_character_to_key(key), key)
    return events.Key(key, "\r" if key == "enter" else "\x1b" if key == "escape" else None)


def next_key(rng: random.Random) -> str:
    """Half the time a printable key, else one that acts."""
    return rng.choice(TYPED) if rng.random() < 0.5 else rng.choice(ACTING)


async def run_keys(store: Store, directory: Path, seed: int, count: int) -> int:
    """Press ``count`` random keys in bursts; return how many quits the palette ran."""
    rng = random.Random(seed)
    quits = 0
    app = FactscopeApp(store, initial_mode=rng.choice(["documents", "facts", "compare"]))

    def no_exit(*args: object, **kwargs: object) -> None:
        nonlocal quits
        quits += 1

    app.exit = no_exit  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        sent = 0
        while sent < count:
            for _ in range(rng.randint(1, 8)):
                key = next_key(rng)
                if key == "enter" and isinstance(app.screen, PathScreen):
                    key = "tab"  # Enter there is "write here": deliberate, tested elsewhere
                assert app._driver is not None
                app._driver.send_message(key_event(key))
                sent += 1
            await pilot.pause()
            if isinstance(app.screen, PathScreen):
                await settle(pilot)  # the dialog must own the focus before the next Enter
        await settle(pilot)
    return quits


@pytest.mark.parametrize("seed", [1, 2])
async def test_random_keys_raise_nothing_and_write_nothing(
    fixture_store: Store, tmp_path: Path, seed: int
) -> None:
    before = set(tmp_path.iterdir())
    await run_keys(fixture_store, tmp_path, seed, 120)
    written = {p.name for p in set(tmp_path.iterdir()) - before} - {"fixture.db-shm"}
    assert written == set()


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(3, 9))
async def test_thousands_of_random_keys(fixture_store: Store, tmp_path: Path, seed: int) -> None:
    before = set(tmp_path.iterdir())
    await run_keys(fixture_store, tmp_path, seed, 1500)
    written = {p.name for p in set(tmp_path.iterdir()) - before} - {"fixture.db-shm"}
    assert written == set()
