"""Import benchmark: N synthetic news documents (seeded) through the real pipeline.

Prints documents/s, MB/s and facts/s for the whole import (read, extract, store), the
extraction rate alone (one core), and peak RSS of this process (the writer; pool workers are
separate processes). Usage: python bench/import_speed.py [--jobs J ...] [N ...]; each J is
run in turn (1 = serial, the default is 1 and the number of cores).
Figures depend on the machine: compare runs on the same box only.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from db import Store  # noqa: E402
from importers import import_paths  # noqa: E402
from importers.extract import extract_facts  # noqa: E402
from importers.parallel import available_cpus  # noqa: E402

REGIONS = [
    ("Songjiang District", "Shanghai"),
    ("Sichuan Province", "China"),
    ("Chengdu", "Sichuan Province"),
    ("Hangzhou", "Zhejiang Province"),
    ("Suzhou", "Jiangsu Province"),
    ("Shenzhen", "Guangdong Province"),
    ("Xi'an", "Shaanxi Province"),
    ("Hefei", "Anhui Province"),
    ("Chongqing", "China"),
    ("Qingdao", "Shandong Province"),
    ("Wuhan", "Hubei Province"),
    ("Pudong New Area", "Shanghai"),
]
METRICS = [
    "total foreign trade volume",
    "exports",
    "imports",
    "gross domestic product",
    "actual use of foreign investment",
    "industrial output",
    "retail sales of consumer goods",
    "fiscal revenue",
]
PHRASES = [
    "{region}'s {metric} reached {value} billion yuan in {year}, up {pct} percent year on year.",
    "In {year}, the {metric} of {region} was {value} billion yuan, an increase of {pct}% over"
    " the previous year.",
    "The {metric} of {region} fell by {pct} percent to {value} billion yuan in the first"
    " {months} months of {year}.",
    "{region} attracted {count} new foreign-invested companies in {year}, accounting for"
    " {share} percent of the total in {parent}.",
    "Officials in {region} said the figure ranked No. {rank} in {parent}.",
]
FILLER = [
    "Local officials credited supportive policies and a friendly business environment.",
    "Companies in the area expanded production lines and hired more workers.",
    "The government plans to further open up and improve services for investors.",
    "Analysts expect steady growth to continue in the coming months.",
]


def make_document(rng: random.Random, index: int) -> str:
    region, parent = rng.choice(REGIONS)
    year = rng.randint(2016, 2023)
    lines = [
        f"{region} economy report number {index}",
        "",
        f"{year + 1}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
        "",
    ]
    for _ in range(rng.randint(4, 8)):
        sentences = []
        for _ in range(rng.randint(2, 4)):
            template = rng.choice(PHRASES + FILLER)
            sentences.append(
                template.format(
                    region=region,
                    parent=parent,
                    metric=rng.choice(METRICS),
                    value=f"{rng.uniform(1, 900):.2f}",
                    pct=f"{rng.uniform(0.5, 30):.1f}",
                    year=year,
                    months=rng.choice(["three", "five", "six", "nine"]),
                    count=f"{rng.randint(10, 3000):,}",
                    share=f"{rng.uniform(1, 60):.1f}",
                    rank=rng.randint(1, 9),
                )
            )
        lines.append(" ".join(sentences))
        lines.append("")
    return "\n".join(lines)


def bench(count: int, jobs: int) -> None:
    rng = random.Random(42)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        texts = [make_document(rng, i) for i in range(count)]
        for i, text in enumerate(texts):
            (folder / f"doc{i:06d}.txt").write_text(text, encoding="utf-8")
        megabytes = sum(len(t.encode()) for t in texts) / 1e6

        started = time.perf_counter()
        for text in texts:
            extract_facts(text, None)
        extract_seconds = time.perf_counter() - started

        with Store.open(Path(tmp) / "bench.db") as store:
            started = time.perf_counter()
            report = import_paths([folder], store, jobs=jobs)
            seconds = time.perf_counter() - started
        assert report.imported == count, report.failed[:3]
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{count:>7,} docs {megabytes:7.2f} MB | jobs {jobs} | import {seconds:7.2f} s"
        f" = {count / seconds:8.1f} docs/s, {megabytes / seconds:5.2f} MB/s,"
        f" {report.facts / seconds:9.0f} facts/s ({report.facts:,} facts)"
        f" | extraction alone {megabytes / extract_seconds:5.2f} MB/s | peak RSS {rss:6.0f} MB"
    )


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[200, 2000])
    parser.add_argument("--jobs", type=int, action="append", help="repeatable")
    args = parser.parse_args(argv)
    for size in args.sizes:
        for jobs in args.jobs or sorted({1, available_cpus()}):
            bench(size, jobs)


if __name__ == "__main__":
    main(sys.argv[1:])
