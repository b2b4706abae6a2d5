"""How fast the TUI opens on a large database: first paint, interactive list, jump to end.

    .venv/bin/python bench/tui_startup.py                 # 1,000 and 100,000 documents
    .venv/bin/python bench/tui_startup.py --sizes 10000

For each size a database of synthetic documents is built once (cached in the temp directory)
and the app is started headless at 80x24 in a fresh process, so import time and peak RSS are
per size. Printed per size:

- import: importing ``tui.app`` (textual and the screens);
- first paint: from constructing the app to the Documents pane being on screen;
- interactive: until the list has its total and its first rows (what the user can act on);
- jump to end: pressing ctrl+End and waiting until the last row has been fetched and drawn;
- peak RSS of the process.

Target (issue 5): interactive under 0.5 s at 100,000 documents.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WORDS = [
    *("trade", "export", "import", "growth", "district", "province", "investment", "industry"),
    *("port", "zone", "revenue", "output", "logistics", "policy", "enterprise", "customs"),
    *("volume", "quarter", "annual", "market"),
]


def build(path: Path, count: int) -> None:
    """A database of ``count`` synthetic documents, written in one transaction."""
    from factscope.db.store import Store, document_id

    rng = random.Random(count)
    rows = []
    for number in range(count):
        words = " ".join(rng.choice(WORDS) for _ in range(30))
        text = f"Report {number}\n\n{words}. Volume rose {rng.randint(1, 40)} percent."
        day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randint(0, 3650))
        rows.append(
            (
                document_id(text),
                f"/bench/doc{number:06d}.txt",
                f"Report {number} on {words[:40]}",
                day.isoformat(),
                "en",
                text,
                "2024-01-01T00:00:00+00:00",
                rng.randint(0, 30),
            )
        )
    store = Store.open(path)
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO documents (id, source, title, published, language, text, imported_at,"
            " fact_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    store.close()


def database(count: int) -> Path:
    """The cached database for ``count`` documents, built when missing."""
    path = Path(tempfile.gettempdir()) / f"factscope-bench-{count}.db"
    if not path.exists():
        started = time.perf_counter()
        build(path, count)
        print(f"  (built {count:,} documents in {time.perf_counter() - started:.1f} s)")
    return path


def child(path: Path) -> None:
    """Run in a fresh process: time the app on ``path`` and print one result line."""
    started = time.perf_counter()
    from factscope.db.store import Store
    from factscope.tui.app import FactscopeApp
    from factscope.tui.panes.documents.document_list import DocumentList
    from factscope.tui.panes.documents.screen import DocumentsScreen

    imported = time.perf_counter() - started
    store = Store.open(path, read_only=True)
    times: dict[str, float] = {}

    async def auto_pilot(pilot) -> None:  # type: ignore[no-untyped-def]
        app = pilot.app
        while not (isinstance(app.screen, DocumentsScreen) and app.screen.is_mounted):
            await asyncio.sleep(0.001)
        await pilot.pause()
        times["paint"] = time.perf_counter() - begin
        listing = app.screen.query_one(DocumentList)
        while not listing.loaded_rows:
            await asyncio.sleep(0.001)
        await pilot.pause()
        times["interactive"] = time.perf_counter() - begin
        jump = time.perf_counter()
        await pilot.press("ctrl+end")  # G would be typed into the query box
        while listing.total - 1 not in {listing.cursor} or not listing.highlighted_row:
            await asyncio.sleep(0.001)
        await pilot.pause()
        times["end"] = time.perf_counter() - jump
        app.exit()

    begin = time.perf_counter()
    FactscopeApp(store).run(headless=True, size=(80, 24), auto_pilot=auto_pilot)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{imported:.3f} {times['paint']:.3f} {times['interactive']:.3f} {times['end']:.3f} "
        f"{peak:.0f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 100_000])
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    print(
        f"{'documents':>10} {'import':>8} {'1st paint':>10} {'interactive':>12} "
        f"{'jump to end':>12} {'peak RSS':>9}"
    )
    for count in args.sizes:
        path = database(count)
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(path)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        imported, paint, interactive, end, rss = out[-5:]
        print(
            f"{count:>10,} {float(imported):>7.3f}s {float(paint):>9.3f}s "
            f"{float(interactive):>11.3f}s {float(end):>11.3f}s {rss:>6} MB"
        )


if __name__ == "__main__":
    main()
