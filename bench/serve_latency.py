"""How ``factscope serve`` feels over its websocket, and what each session costs (issue 25).

    .venv/bin/python bench/serve_latency.py                 # the demo corpus, imported once
    .venv/bin/python bench/serve_latency.py --db PATH --sessions 4

Starts the real server on a free loopback port and prints:

- websocket: for each session, milliseconds from the websocket's opening to the app's first
  frame and to its first full screen (the last frame before 300 ms of quiet), then per key
  typed into Facts (``songjiang trade``, one key at a time): milliseconds from sending the
  key to the first frame that answers it (median, 90th percentile, worst);
- RSS: each session's app process (VmRSS, MB) with all sessions open, and the server's;
- browser (when Chromium and Playwright are installed): milliseconds from the page request
  to the first screen drawn in the page (footer included), and per key from the keydown
  event to the next change of the terminal's text, both timed inside the page.

Figures depend on the machine and its load; compare runs on the same box.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TYPED = "songjiang trade"
QUIET = 0.3
"""Seconds without a frame after which the screen counts as drawn."""
F3 = "\x1bOR"


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def children(pid: int) -> list[int]:
    return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


async def until_quiet(ws: object) -> float:
    """Read frames until QUIET seconds pass without one; the time of the last frame."""
    last = time.perf_counter()
    while True:
        try:
            await ws.receive(timeout=QUIET)  # type: ignore[attr-defined]
            last = time.perf_counter()
        except TimeoutError:
            return last


async def one_session(base: str, token: str) -> tuple[float, float, list[float], object, object]:
    """(first frame ms, first screen ms, per-key ms, the open websocket, its client)."""
    import aiohttp

    client = aiohttp.ClientSession()
    start = time.perf_counter()
    ws = await client.ws_connect(
        f"{base}/ws?token={token}&width=100&height=30", headers={"Origin": base}
    )
    await ws.receive(timeout=60)
    first = time.perf_counter() - start
    screen = await until_quiet(ws) - start
    await ws.send_str(json.dumps(["stdin", F3]))
    await until_quiet(ws)
    keys = []
    for char in TYPED:
        sent = time.perf_counter()
        await ws.send_str(json.dumps(["stdin", char]))
        await ws.receive(timeout=30)
        keys.append((time.perf_counter() - sent) * 1000)
        await until_quiet(ws)
    return first * 1000, screen * 1000, keys, ws, client


def summary(values: list[float]) -> str:
    ordered = sorted(values)
    p90 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.9))]
    return f"median {statistics.median(ordered):6.1f}  p90 {p90:6.1f}  worst {ordered[-1]:6.1f}"


async def websocket_bench(server: subprocess.Popen[str], base: str, token: str, n: int) -> None:
    opened = []
    all_keys: list[float] = []
    for number in range(1, n + 1):
        first, screen, keys, ws, client = await one_session(base, token)
        opened.append((ws, client))
        all_keys += keys
        print(
            f"session {number}: first frame {first:7.1f} ms  first screen {screen:7.1f} ms"
            f"  keys (ms) {summary(keys)}"
        )
    print(f"all keys over the websocket (ms, n={len(all_keys)}): {summary(all_keys)}")
    apps = children(server.pid)
    sizes = ", ".join(f"{rss_mb(pid):.1f}" for pid in apps)
    print(f"RSS with {len(apps)} sessions open (MB): apps {sizes}; server {rss_mb(server.pid):.1f}")
    for ws, client in opened:
        await ws.close()  # type: ignore[attr-defined]
        await client.close()  # type: ignore[attr-defined]


KEY_TIMER = """() => {
    window.keyTimes = [];
    let pressed = null;
    document.addEventListener('keydown', () => { pressed = performance.now(); }, true);
    new MutationObserver(() => {
        if (pressed !== null) { window.keyTimes.push(performance.now() - pressed); pressed = null; }
    }).observe(document.querySelector('.xterm-rows'),
               {subtree: true, childList: true, characterData: true});
}"""
"""Times, in the page, from each keydown to the next change of the terminal's text."""


def browser_bench(url: str) -> None:
    chromium = shutil.which("chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        chromium = None
    if chromium is None:
        print("browser: skipped (no Chromium or no Playwright)")
        return
    from tests.test_serve_browser import CHROMIUM_ARGS, SCREEN_TEXT

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for dpr in (1, 2):
            page = browser.new_context(
                viewport={"width": 1000, "height": 600}, device_scale_factor=dpr
            ).new_page()
            start = time.perf_counter()
            page.goto(url)
            page.wait_for_function(f"({SCREEN_TEXT}).includes('Commands')", timeout=60_000)
            shown = (time.perf_counter() - start) * 1000
            page.keyboard.press("F3")
            page.wait_for_function(f"({SCREEN_TEXT}).includes('Search facts')", timeout=60_000)
            page.evaluate(KEY_TIMER)
            for typed in range(1, len(TYPED) + 1):
                page.keyboard.type(TYPED[typed - 1])
                page.wait_for_function(f"window.keyTimes.length >= {typed}", timeout=30_000)
                page.wait_for_timeout(QUIET * 1000)
            keys = page.evaluate("window.keyTimes")
            print(f"browser dpr {dpr}: first screen {shown:7.1f} ms  keys (ms) {summary(keys)}")
            page.context.close()
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="database (default: the demo corpus)")
    parser.add_argument("--sessions", type=int, default=3, help="sessions open at once")
    args = parser.parse_args()
    from tui_keys import demo_database  # the same demo corpus, imported once for both

    db = args.db or demo_database()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "factscope.tui",
            "--db",
            str(db),
            "serve",
            "--port",
            "0",
            "--max-sessions",
            str(args.sessions + 2),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        url = server.stdout.readline().strip()
        base, token = url.split("/?token=")
        asyncio.run(websocket_bench(server, base, token, args.sessions))
        browser_bench(url)
    finally:
        server.terminate()
        server.wait(30)


if __name__ == "__main__":
    main()
