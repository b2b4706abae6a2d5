"""``factscope serve`` in a real browser: Debian's Chromium driven by Playwright.

One server, one page flow — load with the token, type in Facts before any click, open a
reader, go back, copy, export and receive the download — and the first screen at device
pixel ratios 1 and 2, each checked to draw the footer (the bottom row) in its pixels.
Playwright is pointed at the system browser (``executable_path``): nothing is downloaded.
"""

from __future__ import annotations

import base64
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("textual_serve", reason="the serve extra is not installed")
# playwright is in the test extra: missing is a failure, not a skip
from playwright import sync_api

from factscope.db import Store
from factscope.importers import import_paths
from tests.conftest import SAMPLES
from tests.serving import Served, serving

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no Chromium found (apt-get install chromium; CI installs it): browser tests skipped",
)

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
"""Headless, as root, and quiet: no request to Google's hosts (the network is closed)."""

VIEWPORT = {"width": 960, "height": 540}
WAIT_MS = 30_000
"""Milliseconds to wait for a screen (the app starts in a new process; the CPU is shared)."""

SCREEN_TEXT = "document.querySelector('.xterm-rows').innerText"
"""The terminal's text: xterm.js's DOM renderer keeps it in the page."""


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """A server on the bundled sample corpus."""
    db = tmp_path_factory.mktemp("browser") / "facts.db"
    with Store.open(db) as store:
        assert import_paths([SAMPLES], store, recursive=True).imported > 0
    with serving(db) as server:
        yield server


@pytest.fixture(scope="module")
def browser(served: Served) -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def wait_for_text(page: object, text: str) -> None:
    """Wait until the terminal shows ``text``."""
    page.wait_for_function(  # type: ignore[attr-defined]
        f"({SCREEN_TEXT}).includes({text!r})", timeout=WAIT_MS
    )


def drawn_fraction(page: object, png: bytes, dpr: int) -> float:
    """The share of the terminal's bottom strip (the footer) in the screenshot whose pixels
    differ from the strip's commonest colour (its background): 0 where nothing is drawn, as
    at dpr 2 with textual-serve's canvas renderer. The browser decodes the PNG."""
    script = """async ([data, dpr]) => {
        const screen = document.querySelector('.xterm-screen').getBoundingClientRect();
        const strip = screen.height * 0.02;
        const box = {left: screen.left, top: screen.bottom - strip, width: screen.width,
                     height: strip};
        const blob = await (await fetch('data:image/png;base64,' + data)).blob();
        const image = await createImageBitmap(blob);
        const canvas = new OffscreenCanvas(image.width, image.height);
        const context = canvas.getContext('2d');
        context.drawImage(image, 0, 0);
        const x = Math.floor(box.left * dpr), y = Math.floor(box.top * dpr);
        const w = Math.floor(box.width * dpr), h = Math.floor(box.height * dpr);
        const pixels = context.getImageData(x, y, w, h).data;
        const counts = new Map();
        for (let i = 0; i < pixels.length; i += 4) {
            const key = (pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2];
            counts.set(key, (counts.get(key) || 0) + 1);
        }
        const most = Math.max(...counts.values());
        return [image.width, 1 - most / (pixels.length / 4)];
    }"""
    width, fraction = page.evaluate(  # type: ignore[attr-defined]
        script, [base64.b64encode(png).decode(), dpr]
    )
    assert width == VIEWPORT["width"] * dpr, "a screenshot at this device pixel ratio"
    return float(fraction)


def test_a_session_in_chromium(served: Served, browser: object, tmp_path: Path) -> None:
    context = browser.new_context(  # type: ignore[attr-defined]
        viewport=VIEWPORT, accept_downloads=True, permissions=["clipboard-read", "clipboard-write"]
    )
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(served.url)
    page.wait_for_selector("body.-first-byte", timeout=WAIT_MS)
    # No click first: the terminal has the focus on load.
    page.keyboard.press("F3")
    page.keyboard.type("songjiang trade")
    wait_for_text(page, "for 'songjiang trade'")
    page.keyboard.press("Enter")
    wait_for_text(page, "Reader")
    page.keyboard.press("Escape")
    wait_for_text(page, "for 'songjiang trade'")
    page.keyboard.press("Control+y")
    wait_for_text(page, "Copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "Songjiang" in copied, "the citation reached the browser's clipboard"
    page.keyboard.press("Control+s")
    wait_for_text(page, "to your browser as")
    with page.expect_download(timeout=WAIT_MS) as download_info:
        page.keyboard.press("Enter")
    download = download_info.value
    assert download.suggested_filename == "factscope-facts.csv"
    csv = Path(download.path()).read_text(encoding="utf-8")
    assert csv.startswith("region,") and "Songjiang" in csv
    assert {url.split("/")[2] for url in requests} == {served.base.split("/")[2]}, (
        "no request leaves the machine"
    )
    shot = page.screenshot(path=str(tmp_path / "dpr1.png"))
    assert drawn_fraction(page, shot, 1) > 0.02, "the footer is drawn at dpr 1"
    context.close()


def test_the_whole_screen_is_drawn_at_device_pixel_ratio_2(
    served: Served, browser: object, tmp_path: Path
) -> None:
    context = browser.new_context(viewport=VIEWPORT, device_scale_factor=2)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(served.url)
    wait_for_text(page, "Documents")
    wait_for_text(page, "Commands")  # the footer's last key, at the bottom right
    shot = page.screenshot(path=str(tmp_path / "dpr2.png"))
    assert drawn_fraction(page, shot, 2) > 0.02, "the footer is drawn at dpr 2"
    context.close()
