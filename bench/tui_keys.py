"""How fast typing turns into results in each pane with a query box (issue 14).

    .venv/bin/python bench/tui_keys.py                    # the demo corpus, imported once
    .venv/bin/python bench/tui_keys.py --db PATH          # any factscope database

The app runs headless at 80x24. For Documents, Facts and the Compare picker, printed:

- per key: median and worst milliseconds from a key sent by the driver until the app is
  idle again (key by key, "human speed": the text of QUERIES);
- burst: milliseconds from sending the whole query at once until that query's results are
  on screen (the query box holding exactly the text typed).

Figures depend on the machine and its load; compare runs on the same box.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

QUERIES = {"documents": "songjiang trade", "facts": "region:sichuan 2020", "compare": "chengdu"}
"""What is typed in each pane."""


def demo_database() -> Path:
    """The demo corpus imported into a cached temporary database."""
    from factscope.db.store import Store
    from factscope.importers import import_paths

    path = Path(tempfile.gettempdir()) / "factscope-bench-keys.db"
    if not path.exists():
        with Store.open(path) as store:
            import_paths([ROOT / "importers" / "samples"], store, recursive=True)
    return path


def shown(screen: Any, text: str) -> bool:
    """True when ``screen`` shows the results of ``text``."""
    from factscope.tui.panes.compare.screen import CompareScreen

    if isinstance(screen, CompareScreen):
        return screen.picker.shown_query == text.strip()
    from factscope.tui.panes.documents.screen import DocumentsScreen

    requests = screen.listings if isinstance(screen, DocumentsScreen) else screen.searches
    return bool(requests.shown)


async def measure(db: Path, mode: str) -> tuple[list[float], float]:
    """(per-key milliseconds, burst milliseconds) in pane ``mode``."""
    from textual import events
    from textual.keys import _character_to_key

    from factscope.db.store import Store
    from factscope.tui.app import FactscopeApp

    text = QUERIES[mode]
    with Store.open(db, read_only=True) as store:
        app = FactscopeApp(store, initial_mode=mode)
        async with app.run_test(size=(80, 24)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            driver = app._driver
            assert driver is not None
            per_key = []
            for character in text:
                started = time.perf_counter()
                driver.send_message(events.Key(_character_to_key(character), character))
                await pilot.pause()
                per_key.append((time.perf_counter() - started) * 1000)
            box = app.focused
            box.value = ""  # type: ignore[union-attr]
            await app.workers.wait_for_complete()
            await pilot.pause()
            started = time.perf_counter()
            for character in text:
                driver.send_message(events.Key(_character_to_key(character), character))
            while not (box.value == text and shown(app.screen, text)):  # type: ignore[union-attr]
                await asyncio.sleep(0.001)
            burst = (time.perf_counter() - started) * 1000
    return per_key, burst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a factscope database (default: the demo)")
    args = parser.parse_args()
    db = args.db or demo_database()
    print(f"database: {db}")
    for mode in QUERIES:
        per_key, burst = asyncio.run(measure(db, mode))
        print(
            f"{mode:10} per key: median {statistics.median(per_key):6.1f} ms, worst "
            f"{max(per_key):6.1f} ms ({len(per_key)} keys) · burst of "
            f"{len(QUERIES[mode])} keys to results: {burst:6.1f} ms"
        )


if __name__ == "__main__":
    main()
