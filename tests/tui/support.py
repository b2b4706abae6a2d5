"""Test data for the TUI tests: fixture documents with hand-made figure spans, and helpers.

The texts include a Chinese document and one whose title and text hold Rich markup and an
ANSI escape, to prove untrusted text is shown literally. Spans are found with str.index, so
they are right by construction.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path
from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.worker import WorkerCancelled

from factscope.db.models import Fact, RawDocument
from factscope.db.store import Store

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "seeds"
GOLD = SEEDS.parent / "gold" / "seed_facts.jsonl"

ENGLISH = (
    "Songjiang trade keeps growing\n\n"
    "In 2020 the district's imports and exports came to 305.57 billion yuan (US$47.27 "
    "billion), a rise of 13.1 percent on a year earlier that made it No. 2 in Shanghai.\n\n"
    "Exports accounted for 62 percent of the total. The bonded zone hosts 1,600 industrial "
    "companies, and the district plans 30 new projects in 2021.\n"
)
CHINESE = (
    "松江区外贸稳步增长\n\n"
    "2020年松江区外贸进出口总额3055.7亿元，同比增长13.1%，位列上海市第2。"
    "其中出口额占比62%。综合保税区内有1600家工业企业。\n"
)
HOSTILE = (
    "Markup [bold]is not[/bold] parsed\n\n"
    "This text has [bold]square brackets[/bold], [red]colour tags[/] and an escape "
    "\x1b[31mred\x1b[0m sequence, and a figure of 42 percent.\n"
)


def _fact(text: str, quote: str, number: str, value: float, **fields: object) -> Fact:
    start = text.index(quote)
    sentence_start = text.rfind("\n", 0, start) + 1
    sentence_end = text.find("\n", start)
    return Fact(
        start=start,
        end=start + len(quote),
        quote=quote,
        number_quote=number,
        value=value,
        sentence_start=sentence_start,
        sentence_end=sentence_end if sentence_end >= 0 else len(text),
        **fields,
    )


ENGLISH_FACTS = [
    _fact(
        ENGLISH,
        "305.57 billion yuan",
        "305.57 billion",
        305.57,
        unit="CNY",
        scale=1e9,
        normalized=305.57e9,
        region="Songjiang District",
        period="2020",
        metric="annual total foreign trade volume",
        change_percent=13.1,
        change_basis="yoy",
    ),
    _fact(
        ENGLISH,
        "US$47.27 billion",
        "47.27 billion",
        47.27,
        unit="USD",
        scale=1e9,
        normalized=47.27e9,
        region="Songjiang District",
        period="2020",
        equivalent_of="305.57 billion yuan",
    ),
    _fact(
        ENGLISH,
        "13.1 percent",
        "13.1",
        13.1,
        unit="percent",
        kind="change",
        region="Songjiang District",
        period="2020",
    ),
    _fact(ENGLISH, "No. 2", "2", 2, unit="rank", kind="rank", rank=2, rank_scope="Shanghai"),
    _fact(
        ENGLISH,
        "62 percent",
        "62",
        62,
        unit="percent",
        kind="share",
        region="Songjiang District",
        metric="exports share",
    ),
    _fact(
        ENGLISH,
        "1,600 industrial companies",
        "1,600",
        1600,
        unit="count",
        region="Songjiang District",
    ),
    _fact(ENGLISH, "30 new projects", "30", 30, unit="count", period="2021"),
]
CHINESE_FACTS = [
    _fact(
        CHINESE,
        "3055.7亿元",
        "3055.7亿",
        3055.7,
        unit="CNY",
        scale=1e8,
        normalized=305.57e9,
        region="松江区",
        period="2020",
        metric="外贸进出口总额",
        change_percent=13.1,
    ),
    _fact(CHINESE, "13.1%", "13.1", 13.1, unit="percent", kind="change", region="松江区"),
    _fact(CHINESE, "第2", "2", 2, unit="rank", kind="rank", rank=2, rank_scope="上海市"),
    _fact(CHINESE, "62%", "62", 62, unit="percent", kind="share", region="松江区"),
    _fact(CHINESE, "1600家工业企业", "1600", 1600, unit="count", region="松江区"),
]
HOSTILE_FACTS = [_fact(HOSTILE, "42 percent", "42", 42, unit="percent", kind="share")]


def build_fixture_store(path: str) -> Store:
    """A store with the three fixture documents and two plain ones."""
    store = Store.open(path)
    docs = [
        (
            RawDocument(
                text=ENGLISH,
                title="Songjiang trade keeps growing",
                source="/corpus/en/songjiang.txt",
                published=dt.date(2021, 1, 20),
            ),
            ENGLISH_FACTS,
        ),
        (
            RawDocument(
                text=CHINESE,
                title="松江区外贸稳步增长",
                source="/corpus/zh/songjiang.txt",
                published=dt.date(2021, 2, 3),
                language="zh",
            ),
            CHINESE_FACTS,
        ),
        (
            RawDocument(
                text=HOSTILE,
                title="[bold]Markup[/bold] \x1b[31mtrap\x1b[0m",
                source="/corpus/odd/[red]hostile.txt",
                published=dt.date(2020, 5, 1),
            ),
            HOSTILE_FACTS,
        ),
        (
            RawDocument(
                text="Sichuan notes\n\nNo figures in this one at all.\n",
                title="Sichuan notes",
                source="/corpus/en/sichuan.txt",
                published=dt.date(2019, 11, 30),
            ),
            [],
        ),
        (
            RawDocument(
                text="Undated memo\n\nA memo about trade policy and nothing else.\n",
                title="Undated memo",
                source="/corpus/en/memo.txt",
            ),
            [],
        ),
    ]
    for raw, facts in docs:
        store.add_document(raw, facts)
    return store


async def settle(pilot: Pilot[Any], rounds: int = 3) -> None:
    """Wait until workers are done and the messages they posted are handled.

    A worker cancelled meanwhile (an exclusive one, superseded by the next keystroke's) is
    done too: ``wait_for_complete`` would raise for it, and under load a burst of keys makes
    that likely. A worker that failed still fails the test.
    """
    for _ in range(rounds):
        waits = [worker.wait() for worker in pilot.app.workers]
        for outcome in await asyncio.gather(*waits, return_exceptions=True):
            if isinstance(outcome, BaseException) and not isinstance(outcome, WorkerCancelled):
                raise outcome
        await pilot.pause()


def has_focus(where: App[Any] | Screen[Any], widget: Widget) -> bool:
    """Whether ``widget`` has the focus of ``where`` now. A call, not ``where.focused is
    widget`` in the test: mypy keeps the type an earlier ``isinstance`` assert narrowed the
    attribute to, though a key pressed since may have moved the focus."""
    return where.focused is widget


def is_showing(app: App[Any], screen: Screen[Any]) -> bool:
    """Whether ``app`` shows ``screen`` now (a call, for the reason :func:`has_focus` gives)."""
    return app.screen is screen
