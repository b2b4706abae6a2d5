"""Latest: results delivered from worker threads reach the UI thread only while wanted."""

from __future__ import annotations

import threading
from collections.abc import Callable

from textual.app import App

from factscope.tui.results import Latest
from tests.tui.support import settle


def in_a_thread(call: Callable[[], None]) -> None:
    """Run ``call`` in a worker-like thread of its own and wait for it."""
    thread = threading.Thread(target=call)
    thread.start()
    thread.join(5)
    assert not thread.is_alive()


async def test_only_the_newest_requests_result_is_applied_on_the_ui_thread() -> None:
    app: App[None] = App()
    applied: list[tuple[str, int, bool]] = []

    def apply(text: str, number: int = 0) -> None:
        on_ui = threading.get_ident() == threading.main_thread().ident
        applied.append((text, number, on_ui))

    async with app.run_test() as pilot:
        latest = Latest(app, apply)
        old, new = latest.begin(), latest.begin()
        assert not latest.shown and latest.is_current(new) and not latest.is_current(old)
        # The newer search answers first, then the older one: only the newer one lands.
        in_a_thread(lambda: latest.deliver(new, "new", 2))
        in_a_thread(lambda: latest.deliver(old, "old"))
        await settle(pilot)
        assert applied == [("new", 2, True)]
        assert latest.shown and latest.applied == new

        # A result that arrives after a newer request began is dropped, even if it was
        # the newest when its worker started.
        started = latest.begin()
        latest.begin()
        latest.deliver(started, "overtaken", number=3)
        await settle(pilot)
        assert applied == [("new", 2, True)]
        assert not latest.shown
