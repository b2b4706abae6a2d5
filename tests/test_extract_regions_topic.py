"""The story's place (``RegionTracker._doc_topic``): regions tallied most-mentioned first and
the rest skipped once none can reach the best count, which must choose as counting every
mention does."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from factscope.db.models import Region
from factscope.importers.extract._fold import fold_case
from factscope.importers.extract.region_cues import FROM_BEFORE_RE, LOCATING_GAP_RE
from factscope.importers.extract.regions import RegionTracker
from factscope.importers.extract.sentences import split_sentences
from factscope.importers.gazetteer import Gazetteer

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SAMPLES = Path(__file__).resolve().parents[1] / "importers" / "samples"

CRAFTED = [
    # a tie: the region counted first wins
    "Exports from Sichuan rose. Exports from Hubei rose. Hubei and Sichuan traded more.",
    # offices count only where no other place does
    "Zhengzhou Customs said trade rose. Zhengzhou Customs added that exports grew.",
    "Zhengzhou Customs said trade rose 5%. Henan Province grew 3%. Zhengzhou Customs said.",
    # destinations do not count, "from" does
    "Shipments to Japan rose, and shipments to Japan grew again, while Sichuan grew 3%.",
    "Imports from Japan rose; exports to Japan and Korea fell. Japan. Sichuan's trade grew.",
    # a locating place and a rank scope do not count
    "Pudong New Area in Shanghai grew 5%. Pudong grew again. The only district in Shanghai.",
    "Wuxi ranked second in Jiangsu Province. Jiangsu Province and Jiangsu Province grew.",
    # comparands and places abroad
    "Chengdu grew faster than Chongqing, ahead of Chongqing and behind Chongqing.",
    "Bavaria's exports rose; Munich grew. Germany's trade fell. Germany and Germany.",
    "MUNICH -- Exports rose 5 percent.",
    "Trade rose 5 percent.",
]


def _exhaustive(tracker: RegionTracker) -> Region | None:
    """The story's place by checking every mention (the code the bounded tally replaced)."""
    counts: Counter[str] = Counter()
    offices: Counter[str] = Counter()
    first: dict[str, Region] = {}
    previous = None
    for p in tracker._places:
        if not tracker._usable(p.region) or p.comparand:
            previous = p
            continue
        locating = (
            previous is not None
            and p.start - previous.end <= 12
            and LOCATING_GAP_RE.fullmatch(tracker.text, previous.end, p.start) is not None
            and tracker._nested(p.region.id, previous.region.id)
        )
        previous = p
        if locating or not tracker._candidate(p):
            continue
        if tracker._destination(p, tracker._sentence_of(p.start)[0]) and not FROM_BEFORE_RE.search(
            tracker.text, max(0, p.start - 8), p.start
        ):
            continue
        (offices if p.org else counts)[p.region.id] += 1
        first.setdefault(p.region.id, p.region)
    counts = counts or offices
    if not counts:
        return tracker._dateline()
    best = max(counts.values())
    return next(region for rid, region in first.items() if counts[rid] == best)


def _texts() -> list[str]:
    texts = list(CRAFTED)
    texts += [p.read_text(encoding="utf-8") for p in sorted((CORPUS / "seeds").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.*"))]
    dev = CORPUS / "real-dev" / "paragraphs.jsonl"
    if dev.exists():
        for line in dev.read_text(encoding="utf-8").splitlines():
            text = json.loads(line)["text"]
            texts += [text, *text.split("\n\n")]
    return texts


def _tracker(text: str) -> RegionTracker:
    return RegionTracker(text, Gazetteer.default(), split_sentences(text), fold_case(text))


def test_bounded_tally_chooses_as_counting_every_mention() -> None:
    texts = _texts()
    assert len(texts) > 100 or not (CORPUS / "real-dev").exists()
    for text in texts:
        tracker = _tracker(text)
        # the exhaustive count asks under the rule the tally used (before a home abroad)
        tracker.home_abroad = None
        tracker._usable_ids.clear()
        tracker._candidates.clear()
        assert tracker._doc_topic() == _exhaustive(tracker), text[:80]


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        (CRAFTED[0], "Sichuan Province"),
        (CRAFTED[1], "Zhengzhou"),
        (CRAFTED[2], "Henan Province"),
        (CRAFTED[3], "Sichuan Province"),
        (CRAFTED[5], "Pudong New Area"),
        (CRAFTED[9], "Munich"),
        (CRAFTED[10], None),
    ],
)
def test_story_place(text: str, topic: str | None) -> None:
    found = _tracker(text).doc_topic
    assert (found.name if found else None) == topic


def test_regions_that_cannot_win_are_not_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Sichuan grew 5%. Sichuan's exports rose. Sichuan led. Exports to Japan rose 2%."
    tallied: list[str] = []
    original = RegionTracker._topic_tally

    def spy(self: RegionTracker, indexes: list[int]) -> tuple[int, int, int, Region]:
        tallied.append(self._places[indexes[0]].region.name)
        return original(self, indexes)

    monkeypatch.setattr(RegionTracker, "_topic_tally", spy)
    assert _tracker(text).doc_topic is not None
    assert tallied == ["Sichuan Province"]  # Japan's one mention cannot reach three
