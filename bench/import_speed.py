"""Import benchmark: N synthetic news documents (seeded) through the real pipeline.

Prints documents/s, MB/s and facts/s for the whole import (read, extract, store), the
extraction rate alone (one core), and peak RSS of this process (the writer; pool workers are
separate processes). Usage: python bench/import_speed.py [--jobs J ...] [N ...]; each J is
run in turn (1 = serial, the default is 1 and the number of cores).

``--big`` instead imports single huge documents, each with ``factscope import --jobs 1`` in a
process of its own, and prints size, seconds, MB/s, that process's CPU seconds and MB per
CPU second (the one-core rate, steadier than wall time on a shared machine), facts and its
peak RSS (``getrusage(RUSAGE_CHILDREN)`` in a wrapper process that runs only it): a 20 MB
single-line text, the same without figures, a 30 MB CSV field, a JSONL file of one huge
line and a text stating a million figures. ``--scale 0.1`` makes them ten times smaller,
``--case figures`` runs only the cases whose name has that word; the cases "at limit" are
just under the 50 MB size limit, where the target is a peak of at most 400 MB. A big
document's peak is its text (one to four bytes a character), the interpreter with the
extractor and gazetteer (about 70 MB), and either a slice's structures while extracting or
twice the text's UTF-8 size while SQLite inserts its row; a CSV or JSONL document adds the
file's bytes. The last case imports a text, changes it and measures the import that
replaces it. Figures depend on the machine: compare runs on the same box only.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from factscope.db import Store  # noqa: E402
from factscope.importers import import_paths  # noqa: E402
from factscope.importers.extract import extract_facts  # noqa: E402
from factscope.importers.parallel import available_cpus  # noqa: E402

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


def _news(rng: random.Random, size: int, *, figures: bool = True, sep: str = " ") -> str:
    """About ``size`` characters of news documents joined by ``sep`` (figures or filler)."""
    parts: list[str] = []
    total = index = 0
    while total < size:
        if figures:
            part = make_document(rng, index)
            part = part.replace("\n", " ") if sep == " " else part
        else:
            part = " ".join(rng.choice(FILLER) for _ in range(20))
        parts.append(part)
        total += len(part) + len(sep)
        index += 1
    return sep.join(parts)


def _write_line(path: Path, rng: random.Random, size: int) -> None:
    path.write_text(_news(rng, size), encoding="utf-8")


def _write_plain(path: Path, rng: random.Random, size: int) -> None:
    path.write_text(_news(rng, size, figures=False), encoding="utf-8")


def _write_csv(path: Path, rng: random.Random, size: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["title", "text"])
        writer.writerow(["Short", "Hefei made 254,000 vehicles in 2022."])
        writer.writerow(["Huge field", _news(rng, size, sep="\n\n")])


def _write_jsonl(path: Path, rng: random.Random, size: int) -> None:
    with path.open("w", encoding="utf-8") as handle:
        handle.write(json.dumps({"title": "Short", "text": "Wuhan's GDP rose 4% in 2021."}))
        handle.write("\n" + json.dumps({"title": "One huge line", "text": _news(rng, size)}))


def _write_emoji(path: Path, rng: random.Random, size: int) -> None:
    # One character outside the BMP makes Python hold the whole text at four bytes a
    # character: the costliest text of a given size.
    text = _news(rng, size - 2)
    middle = text.index(" ", len(text) // 2)
    path.write_text(f"{text[:middle]} \N{SLIGHTLY SMILING FACE}{text[middle:]}", encoding="utf-8")


def _write_figures(path: Path, rng: random.Random, size: int) -> None:
    # About 24 characters per figure: a million figures in 24 MB, on lines of a hundred.
    lines = []
    for line in range(max(1, size // 2400)):
        row = " ".join(f"Output rose {rng.uniform(1, 99):.1f}%." for _ in range(100))
        lines.append(f"Line {line}: {row}")
    path.write_text("\n".join(lines), encoding="utf-8")


LIMIT_CHARS = 52_000_000
"""Characters of a case at the size limit: its file stays just under 50 MB (52,428,800)."""

BIG_CASES: list[tuple[str, str, int, Callable[[Path, random.Random, int], None]]] = [
    ("single-line text", "line.txt", 20_000_000, _write_line),
    ("text without figures", "plain.txt", 20_000_000, _write_plain),
    ("CSV with one huge field", "field.csv", 30_000_000, _write_csv),
    ("JSONL, one huge line", "huge.jsonl", 30_000_000, _write_jsonl),
    ("a million figures", "figures.txt", 2_400_000_000 // 100, _write_figures),
    # The same at the size limit (50 MB = 52,428,800 bytes): the target is 400 MB for these.
    ("single-line text at limit", "line50.txt", LIMIT_CHARS, _write_line),
    ("text without figures at limit", "plain50.txt", LIMIT_CHARS, _write_plain),
    ("CSV field at limit", "field50.csv", LIMIT_CHARS, _write_csv),
    ("JSONL line at limit", "huge50.jsonl", LIMIT_CHARS, _write_jsonl),
    ("text with an emoji at limit", "emoji50.txt", LIMIT_CHARS, _write_emoji),
    ("replacing a line at limit", "again50.txt", LIMIT_CHARS, _write_line),
]
"""(what, file name, size in bytes at scale 1, writer)."""

_PEAK = (
    "import resource, subprocess, sys\n"
    "code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(code, usage.ru_maxrss, usage.ru_utime + usage.ru_stime)\n"
)
"""Runs one command and prints its exit code, peak RSS (KB) and CPU seconds: a wrapper per
case, since RUSAGE_CHILDREN holds the largest of all children a process has waited for."""


def bench_big(scale: float, only: str | None = None) -> None:
    print(
        f"{'document':<30} {'MB':>6} {'seconds':>8} {'MB/s':>6} {'CPU s':>6} {'MB/CPU s':>8}"
        f" {'facts':>8} {'peak RSS':>9}"
    )
    for what, name, size, write in BIG_CASES:
        if only and only not in what:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / name
            write(path, random.Random(7), int(size * scale))
            megabytes = path.stat().st_size / 1e6
            db = Path(tmp) / "big.db"
            command = [
                sys.executable,
                "-m",
                "factscope.tui.cli",
                "--db",
                str(db),
                "import",
                "--jobs",
                "1",
            ]
            if what.startswith("replacing"):
                # Imported once, then changed: the import measured replaces it, reusing the
                # pages its first version freed.
                subprocess.run([*command, "-q", str(path)], cwd=REPO, capture_output=True)
                with path.open("a", encoding="utf-8") as handle:
                    handle.write(" Changed.")
            started = time.perf_counter()
            wrapper = [sys.executable, "-c", _PEAK, *command, "-q", str(path)]
            done = subprocess.run(wrapper, cwd=REPO, capture_output=True, text=True, check=True)
            seconds = time.perf_counter() - started
            code, peak_kb, cpu = done.stdout.split()
            with Store.open(db) as store:
                facts = store.fact_count()
            capped = " (facts capped)" if "kept the first" in done.stderr else ""
            print(
                f"{what:<30} {megabytes:6.1f} {seconds:8.1f} {megabytes / seconds:6.2f}"
                f" {float(cpu):6.1f} {megabytes / float(cpu):8.2f} {facts:8,}"
                f" {int(peak_kb) / 1024:7.0f} MB  exit {code}{capped}",
                flush=True,
            )


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[200, 2000])
    parser.add_argument("--jobs", type=int, action="append", help="repeatable")
    parser.add_argument("--big", action="store_true", help="huge single documents instead")
    parser.add_argument("--scale", type=float, default=1.0, help="--big sizes times this")
    parser.add_argument("--case", help="--big: only the cases whose name contains this")
    args = parser.parse_args(argv)
    if args.big:
        bench_big(args.scale, args.case)
        return
    for size in args.sizes:
        for jobs in args.jobs or sorted({1, available_cpus()}):
            bench(size, jobs)


if __name__ == "__main__":
    main(sys.argv[1:])
