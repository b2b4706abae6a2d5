"""Score ``extract_facts`` against the hand-checked gold facts of the seed documents.

Detection and value+unit precision/recall/F1 (a prediction matches a gold fact when their spans
overlap; for value+unit the value, value_max and unit must agree too), accuracy of region,
period, change_percent, kind and metric_type over value+unit matches, every miss and false
positive, and extraction speed in MB/s (median of ``--runs`` rounds) over the seeds and over
the import benchmark's synthetic news documents (``bench/import_speed.py``).

``--set real-dev`` scores the real published paragraphs of ``corpus/real-dev`` instead
(``paragraphs.jsonl`` + ``facts.jsonl``, conventions in its README): each record is extracted
with its own ``published`` date (None when the record has none, so the extractor falls back on
what the text states), and the same table and listings are printed, rows prefixed with the
record id. ``--set general-news`` scores ``bench/general_news`` (the same shape: sentences of
general news written for the project, value and unit annotated, README there) and prints
recall and precision by category of unit (physical measures, currency, percent, duration,
count) as well.

Usage: ``python bench/eval_extraction.py [--set seeds|real-dev|general-news] [--gold PATH]
[--seeds DIR] [--real-dev DIR] [--quiet] [--no-speed] [--runs N]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from factscope.db.models import Fact
from factscope.db.units import kind_of
from factscope.importers.extract import extract_facts, guess_published

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "corpus"
DEFAULT_GOLD = SHARED / "gold" / "seed_facts.jsonl"
DEFAULT_SEEDS = SHARED / "seeds"
DEFAULT_REAL_DEV = SHARED / "real-dev"
GENERAL_NEWS = REPO / "bench" / "general_news"
ATTRIBUTES = ("region", "period", "change_percent", "kind", "metric_type")
CATEGORIES = ("physical", "currency", "percent", "duration", "count", "other")
_CATEGORY_OF_KIND = {
    "currency": "currency",
    "ratio": "percent",
    "ratio difference": "percent",
    "time": "duration",
    "count": "count",
    "multiple": "other",
    "rank": "other",
}


def category(unit: object) -> str:
    """The category of a unit value as the issue counts them: a physical measure (length,
    speed, mass ...), currency, percent (and points), duration, count, or other."""
    kind = kind_of(str(unit)) if unit else None
    if kind is None:
        return "other"
    return _CATEGORY_OF_KIND.get(kind, "physical")


@dataclass
class Score:
    """Counts and mismatch listings of one evaluation run."""

    gold: int = 0
    predicted: int = 0
    detected: int = 0
    detected_pred: int = 0
    matched: int = 0
    attribute_hits: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ATTRIBUTES, 0))
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    # by category: [gold, matched gold, predicted, matched predictions]
    by_category: dict[str, list[int]] = field(
        default_factory=lambda: {c: [0, 0, 0, 0] for c in CATEGORIES}
    )

    @staticmethod
    def _prf(hits_p: int, pred: int, hits_r: int, gold: int) -> tuple[float, float, float]:
        p = hits_p / pred if pred else 0.0
        r = hits_r / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def detection(self) -> tuple[float, float, float]:
        return self._prf(self.detected_pred, self.predicted, self.detected, self.gold)

    def value_unit(self) -> tuple[float, float, float]:
        return self._prf(self.matched, self.predicted, self.matched, self.gold)

    def accuracy(self, attribute: str) -> float:
        return self.attribute_hits[attribute] / self.matched if self.matched else 0.0


def _same_number(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)


def _value_unit_equal(gold: dict[str, object], fact: Fact) -> bool:
    return (
        gold["unit"] == fact.unit
        and _same_number(gold["value"], fact.value)  # type: ignore[arg-type]
        and _same_number(gold["value_max"], fact.value_max)  # type: ignore[arg-type]
    )


def _attr_equal(attribute: str, gold: dict[str, object], fact: Fact) -> bool:
    got = getattr(fact, attribute)
    if attribute == "change_percent":
        return _same_number(gold[attribute], got)  # type: ignore[arg-type]
    return bool(gold[attribute] == got)


def score_document(
    doc: str,
    text: str,
    gold: list[dict[str, object]],
    score: Score,
    published: dt.date | None = None,
    *,
    guess: bool = True,
) -> None:
    """Add the comparison of one document's extraction with its gold facts to ``score``.

    The extractor gets ``published``; when it is None and ``guess`` is set (the seeds, which
    carry their date in the text), the date guessed from the text instead."""
    if published is None and guess:
        published = guess_published(text)
    facts = extract_facts(text, published)
    score.gold += len(gold)
    score.predicted += len(facts)
    used: set[int] = set()
    overlapping: set[int] = set()
    for f in facts:
        score.by_category[category(f.unit)][2] += 1
    for g in gold:
        score.by_category[category(g["unit"])][0] += 1
        g_start, g_end = int(str(g["start"])), int(str(g["end"]))
        overlaps = [i for i, f in enumerate(facts) if f.start < g_end and g_start < f.end]
        overlapping.update(overlaps)
        if overlaps:
            score.detected += 1
        match = next(
            (i for i in overlaps if i not in used and _value_unit_equal(g, facts[i])), None
        )
        if match is None:
            got = (
                "; ".join(f"{facts[i].quote!r} {facts[i].value} {facts[i].unit}" for i in overlaps)
                or "nothing"
            )
            score.misses.append(f"{doc} {g['quote']!r} {g['value']} {g['unit']} -> {got}")
            continue
        used.add(match)
        score.matched += 1
        fact = facts[match]
        score.by_category[category(g["unit"])][1] += 1
        score.by_category[category(fact.unit)][3] += 1
        for attribute in ATTRIBUTES:
            if _attr_equal(attribute, g, fact):
                score.attribute_hits[attribute] += 1
            else:
                score.wrong.append(
                    f"{doc} {g['quote']!r} {attribute}: gold {g[attribute]!r} "
                    f"got {getattr(fact, attribute)!r}"
                )
    score.detected_pred += len(overlapping)
    for i, f in enumerate(facts):
        if i not in overlapping:
            score.false_positives.append(f"{doc} {f.quote!r} {f.value} {f.unit} @{f.start}")


def evaluate(gold_path: Path = DEFAULT_GOLD, seeds: Path = DEFAULT_SEEDS) -> Score:
    """Score every seed document that has gold facts."""
    by_doc: dict[str, list[dict[str, object]]] = {}
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            by_doc.setdefault(record["doc"], []).append(record)
    score = Score()
    for path in sorted(seeds.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        score_document(path.name, text, by_doc.get(path.name, []), score)
    return score


def _read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def real_dev_records(folder: Path = DEFAULT_REAL_DEV) -> list[dict[str, object]]:
    """The records of ``paragraphs.jsonl`` in ``folder``, each with its gold ``facts``."""
    by_record: dict[str, list[dict[str, object]]] = {}
    for fact in _read_jsonl(folder / "facts.jsonl"):
        by_record.setdefault(str(fact["paragraph_id"]), []).append(fact)
    records = _read_jsonl(folder / "paragraphs.jsonl")
    for record in records:
        record["facts"] = by_record.get(str(record["id"]), [])
    return records


def published_of(record: dict[str, object]) -> dt.date | None:
    """A real-dev record's ``published`` date (None when the record has none)."""
    published = record.get("published")
    return dt.date.fromisoformat(str(published)) if published else None


def evaluate_real_dev(folder: Path = DEFAULT_REAL_DEV) -> Score:
    """Score every record of a real-dev style folder, each with its own publication date (a
    null date stays None: the README's conventions resolve such records from the text)."""
    score = Score()
    for record in real_dev_records(folder):
        date = published_of(record)
        gold = record["facts"]
        assert isinstance(gold, list)
        score_document(str(record["id"]), str(record["text"]), gold, score, date, guess=False)
    return score


def synthetic_texts(count: int = 200, seed: int = 42) -> list[str]:
    """The import benchmark's synthetic news documents."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from bench.import_speed import make_document

    rng = random.Random(seed)
    return [make_document(rng, i) for i in range(count)]


def speed(texts: list[str], seconds: float = 1.0) -> float:
    """MB/s of extraction over ``texts``, extracted repeatedly for about ``seconds`` of CPU
    time (process time: other jobs on a shared machine skew it less than the wall clock)."""
    size = sum(len(t.encode("utf-8")) for t in texts)
    dates = [guess_published(t) for t in texts]
    done = 0
    begin = time.process_time()
    while time.process_time() - begin < seconds:
        for text, date in zip(texts, dates, strict=True):
            extract_facts(text, date)
        done += size
    return done / (time.process_time() - begin) / 1e6


def interpreter() -> str:
    """Which Python measured the speed. Its build matters as much as a pass of tuning: the
    same code runs about 15 % faster on a PGO+LTO build (Debian's and Ubuntu's ``python3``,
    python.org's and uv's) than on a plain ``./configure`` one (pyenv's default): README."""
    build = " ".join(sys.version.split())
    return f"python {build} at {sys.executable}"


def median_speed(texts: list[str], runs: int) -> tuple[float, list[float]]:
    """Median and all of ``runs`` measurements of :func:`speed`."""
    rates = [speed(texts) for _ in range(runs)]
    return statistics.median(rates), rates


def _print_categories(score: Score) -> None:
    print("value+unit by category:")
    print(f"  {'':<12}{'gold':>6}{'R':>7}{'pred':>6}{'P':>7}")
    for name, (gold, hit, pred, hit_pred) in score.by_category.items():
        if gold or pred:
            r = f"{hit / gold:7.3f}" if gold else f"{'-':>7}"
            p = f"{hit_pred / pred:7.3f}" if pred else f"{'-':>7}"
            print(f"  {name:<12}{gold:>6}{r}{pred:>6}{p}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--set", dest="which", choices=("seeds", "real-dev", "general-news"), default="seeds"
    )
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("--real-dev", type=Path, default=DEFAULT_REAL_DEV)
    parser.add_argument("--quiet", action="store_true", help="only the table")
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--runs", type=int, default=5, help="speed rounds; the median is shown")
    args = parser.parse_args(argv)
    if args.which == "general-news":
        args.real_dev = GENERAL_NEWS
    if args.which in ("real-dev", "general-news"):
        needed = [args.real_dev / "paragraphs.jsonl", args.real_dev / "facts.jsonl"]
    else:
        needed = [args.gold]
    for path in needed:
        if not path.exists():
            print(f"gold file not found: {path}", file=sys.stderr)
            return 2
    if args.which in ("real-dev", "general-news"):
        score = evaluate_real_dev(args.real_dev)
    else:
        score = evaluate(args.gold, args.seeds)
    print(f"gold {score.gold}  predicted {score.predicted}  value+unit matches {score.matched}")
    print(f"{'':<14}{'P':>7}{'R':>7}{'F1':>7}")
    for name, (p, r, f1) in (("detection", score.detection()), ("value+unit", score.value_unit())):
        print(f"{name:<14}{p:>7.3f}{r:>7.3f}{f1:>7.3f}")
    if args.which == "general-news":
        _print_categories(score)
    print("accuracy over value+unit matches:")
    for attribute in ATTRIBUTES:
        print(f"  {attribute:<16}{score.accuracy(attribute):>7.3f}")
    if not args.quiet:
        for title, rows in (
            ("misses", score.misses),
            ("false positives", score.false_positives),
            ("wrong attributes", score.wrong),
        ):
            print(f"\n{title} ({len(rows)}):")
            for row in rows:
                print(f"  {row}")
    if not args.no_speed:
        seeds = [p.read_text(encoding="utf-8") for p in sorted(args.seeds.glob("*.txt"))]
        sets = [("seeds", seeds), ("synthetic", synthetic_texts())]
        if args.which in ("real-dev", "general-news"):
            texts = [str(r["text"]) for r in real_dev_records(args.real_dev)]
            sets.insert(0, (args.which, texts))
        print(f"\n{interpreter()}")
        for name, texts in sets:
            median, rates = median_speed(texts, args.runs)
            runs = " ".join(f"{r:.2f}" for r in rates)
            print(f"speed {name:<10} {median:5.2f} MB/s (median of {runs})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
