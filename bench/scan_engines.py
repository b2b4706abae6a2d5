"""One multi-pattern scan against the extractor's separate gate scans: which engine to choose.

The extractor finds candidate positions with gate patterns, each its own pass over the text
(numerals, period words, ordinals, anaphors, sentence ends, dates, growth verbs ...). This
script times, on the seeds and the import benchmark's synthetic documents, in ms per MB:

- ``re, one pass per gate``: every gate's ``finditer`` over the text, as the extractor does;
- ``re, one alternation``: the gates as one pattern of named groups, one ``finditer`` (fewer
  passes, but matches of different gates can no longer overlap: a lower bound, not a drop-in);
- ``hyperscan, one scan``: all gates compiled into one Hyperscan database, one ``scan`` with a
  Python callback per match (every match of every gate, start of match on);

and how many of the gate patterns and of all module-level patterns of ``importers.extract``
Hyperscan accepts as written. Engines that are not installed are reported as such
(``pip install hyperscan``); nothing here is a dependency of factscope.

Usage: ``python bench/scan_engines.py [--rounds N]``. Figures depend on the machine.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import factscope.importers.extract as extract_pkg  # noqa: E402
from bench.eval_extraction import DEFAULT_SEEDS, synthetic_texts  # noqa: E402
from bench.extraction_stages import best_ms_per_mb as ms_per_mb  # noqa: E402
from factscope.importers.extract._fold import fold_case  # noqa: E402

GATES = (
    "numbers._DIGIT_TOKEN_RE",
    "numbers._WORD_START_RE",
    "periods._PERIOD_GATE_RE",
    "calendar_dates._NUMERIC_DATE_GATE_RE",
    "calendar_dates._MONTH_GATE_RE",
    "doc_context._YEAR_WORD_RE",
    "ranks._DIGIT_ORDINAL_RE",  # with str.find of the ordinal words: ranks.OrdinalHits
    "ranks._SUPERLATIVE_GATE_RE",
    "changes._TRIGGER_GATE_RE",
    "region_cues.ANAPHOR_FOLDED_RE",
    "region_cues.RANK_SCOPE_GATE_RE",
    "sentences._BOUNDARY_RE",
    "cjk.NUMERAL_RE",
    "doc_context._WORD_PERIOD_RE",
)
"""The whole-text gate scans of the extractor (module.name in ``importers.extract``)."""


def module_patterns() -> dict[str, re.Pattern[str]]:
    """Every module-level compiled pattern of ``importers.extract``, by module.name."""
    found: dict[str, re.Pattern[str]] = {}
    for info in pkgutil.iter_modules(extract_pkg.__path__):
        module = importlib.import_module(f"{extract_pkg.__name__}.{info.name}")
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found[f"{info.name}.{name}"] = value
    return found


def separate(gates: list[re.Pattern[str]]) -> Callable[[str], int]:
    """Every gate's own pass over the text; returns the number of matches."""

    def scan(text: str) -> int:
        return sum(1 for gate in gates for _ in gate.finditer(text))

    return scan


def alternation(gates: list[re.Pattern[str]]) -> Callable[[str], int]:
    """The gates as one alternation of groups (flags inlined per branch), one pass."""
    branches = []
    for gate in gates:
        flags = "i" if gate.flags & re.IGNORECASE else ""
        flags += "x" if gate.flags & re.VERBOSE else ""
        source = re.sub(r"\(\?P<(\w+)>", "(?:", gate.pattern)  # group names may repeat
        branches.append(f"(?{flags}:{source})" if flags else f"(?:{source})")
    combined = re.compile("|".join(branches))

    def scan(text: str) -> int:
        return sum(1 for _ in combined.finditer(text))

    return scan


def hyperscan_flags(pattern: re.Pattern[str], hs: Any) -> int:
    flags: int = hs.HS_FLAG_UTF8 | hs.HS_FLAG_UCP | hs.HS_FLAG_SOM_LEFTMOST
    return flags | (hs.HS_FLAG_CASELESS if pattern.flags & re.IGNORECASE else 0)


def hyperscan_accepts(patterns: list[re.Pattern[str]], hs: Any) -> list[re.Pattern[str]]:
    """The patterns Hyperscan compiles as written (no look-behind, no back-references ...)."""
    accepted = []
    for pattern in patterns:
        if pattern.flags & re.VERBOSE:
            continue
        try:
            db = hs.Database()
            db.compile(expressions=[pattern.pattern.encode()], flags=[hyperscan_flags(pattern, hs)])
        except Exception:  # hyperscan.error: the pattern uses what Hyperscan lacks
            continue
        accepted.append(pattern)
    return accepted


def hyperscan_scan(gates: list[re.Pattern[str]], hs: Any) -> Callable[[str], int]:
    """All the gates in one Hyperscan database, one scan, a callback per match."""
    db = hs.Database()
    db.compile(
        expressions=[g.pattern.encode() for g in gates],
        ids=list(range(len(gates))),
        flags=[hyperscan_flags(g, hs) for g in gates],
    )
    hits: list[tuple[int, int, int]] = []

    def on_match(gate: int, start: int, end: int, flags: int, context: object) -> None:
        hits.append((gate, start, end))

    def scan(text: str) -> int:
        hits.clear()
        db.scan(text.encode("utf-8"), match_event_handler=on_match)
        return len(hits)

    return scan


def report(name: str, texts: list[str], rounds: int) -> None:
    folded = [fold_case(t) for t in texts]  # most gates run on folded text
    patterns = module_patterns()
    gates = [patterns[g] for g in GATES]
    print(f"\n{name}: {len(texts)} documents, {sum(len(t.encode()) for t in texts) / 1e6:.3f} MB")
    print(f"  {'re, one pass per gate':<34}{ms_per_mb(folded, separate(gates), rounds):8.1f} ms/MB")
    print(
        f"  {'re, one alternation':<34}{ms_per_mb(folded, alternation(gates), rounds):8.1f} ms/MB"
    )
    try:
        import hyperscan as hs
    except ImportError:
        print("  hyperscan                         not installed (pip install hyperscan)")
        return
    accepted = hyperscan_accepts(gates, hs)
    every = list(patterns.values())
    print(
        f"  hyperscan accepts {len(accepted)} of {len(gates)} gates as written, "
        f"{len(hyperscan_accepts(every, hs))} of {len(every)} patterns"
    )
    label = f"hyperscan, one scan ({len(accepted)} gates)"
    print(f"  {label:<34}{ms_per_mb(folded, hyperscan_scan(accepted, hs), rounds):8.1f} ms/MB")
    same = separate(accepted)
    print(f"  {'re, the same gates one by one':<34}{ms_per_mb(folded, same, rounds):8.1f} ms/MB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    args = parser.parse_args(argv)
    seeds = [p.read_text(encoding="utf-8") for p in sorted(args.seeds.glob("*.txt"))]
    if seeds:
        report("seeds", seeds, args.rounds)
    report("synthetic", synthetic_texts(), args.rounds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
