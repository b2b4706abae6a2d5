"""Build a synthetic benchmark database: N facts in realistic news-like documents (seeded).

Regions come from the gazetteer (with their parent chains), metrics and units from the
genre, periods 2005-2024. Facts are written through ``Store.add_document`` (the import
path), so the FTS indexes are the real ones. Prints the build rate.

Usage: python bench/make_corpus.py N [--out PATH]   (default PATH: bench/data/facts-N.db)
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from factscope.db import Fact, RawDocument, Region, Store  # noqa: E402
from factscope.importers.gazetteer import Gazetteer  # noqa: E402

METRICS = [
    ("total foreign trade volume", "trade_total", "CNY"),
    ("import and export volume", "trade_total", "USD"),
    ("exports", "exports", "CNY"),
    ("imports", "imports", "CNY"),
    ("gross domestic product", "gdp", "CNY"),
    ("actual use of foreign investment", "fdi", "USD"),
    ("fixed-asset investment", "investment", "CNY"),
    ("industrial output", "industry_scale", "CNY"),
    ("fiscal revenue", "fiscal_revenue", "CNY"),
    ("operating revenue", "revenue", "CNY"),
    ("number of foreign-invested companies", "count", "count"),
    ("share of high-tech exports", "exports", "percent"),
]
UNIT_WORDS = {"CNY": "yuan", "USD": "US dollars", "count": "companies", "percent": "percent"}
FACTS_PER_DOCUMENT = 20


def pick_regions(rng: random.Random, count: int = 400) -> list[list[Region]]:
    """Chains (region first) for a spread of provinces, cities and districts."""
    gazetteer = Gazetteer.default()
    pool = [
        r
        for r in gazetteer.regions()
        if r.level in ("province", "municipality", "city", "district")
    ]
    chosen = rng.sample(pool, min(count, len(pool)))
    return [gazetteer.chain(r.id) for r in chosen]


def make_document(
    rng: random.Random, index: int, chains: list[list[Region]]
) -> tuple[RawDocument, list[Fact], list[Region]]:
    chain = rng.choice(chains)
    region = chain[0]
    parts: list[str] = [f"{region.name} economic bulletin {index}\n\n"]
    offset = len(parts[0])
    facts: list[Fact] = []
    for _ in range(FACTS_PER_DOCUMENT):
        metric, metric_type, unit = rng.choice(METRICS)
        year = rng.randint(2005, 2024)
        change = round(rng.uniform(-15, 35), 1)
        if unit == "percent":
            value, scale, number = round(rng.uniform(1, 90), 1), 1.0, ""
        elif unit == "count":
            value, scale, number = float(rng.randint(10, 5000)), 1.0, ""
        else:
            value, scale, number = round(rng.uniform(1, 999), 2), 1e9, " billion"
        quote = f"{value:g}{number} {UNIT_WORDS[unit]}"
        head = f"In {year}, the {metric} of {region.name} was "
        sentence = f"{head}{quote}, up {change} percent year on year. "
        start = offset + len(head)
        facts.append(
            Fact(
                start=start,
                end=start + len(quote),
                quote=quote,
                number_quote=f"{value:g}{number}",
                value=value,
                unit=unit,
                scale=scale,
                normalized=value * scale,
                kind="share" if unit == "percent" else "level",
                region=region.name,
                region_level=region.level,
                region_id=region.id,
                metric=metric,
                metric_type=metric_type,
                period=str(year),
                period_text=f"In {year}",
                change_percent=change,
                change_basis="yoy",
                sentence_start=offset,
                sentence_end=offset + len(sentence) - 1,
            )
        )
        parts.append(sentence)
        offset += len(sentence)
    text = "".join(parts)
    raw = RawDocument(
        text=text, title=f"{region.name} economic bulletin {index}", source=f"synthetic/{index}.txt"
    )
    return raw, facts, chain


def build(count: int, out: Path, seed: int = 42) -> None:
    rng = random.Random(seed)
    out.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{out}{suffix}").unlink(missing_ok=True)
    chains = pick_regions(rng)
    started = time.perf_counter()
    with Store.open(out) as store:
        store.add_regions({r.id: r for chain in chains for r in chain}.values())
        for index in range(count // FACTS_PER_DOCUMENT):
            raw, facts, _ = make_document(rng, index, chains)
            store.add_document(raw, facts)
    seconds = time.perf_counter() - started
    size = out.stat().st_size / 1e6
    print(
        f"{count:,} facts in {count // FACTS_PER_DOCUMENT:,} documents: {seconds:.1f} s"
        f" ({count / seconds:,.0f} facts/s), {size:.0f} MB -> {out}"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    build(args.count, args.out or REPO / "bench" / "data" / f"facts-{args.count}.db")
