"""Instructions the extractor executes per round of the seeds: a speed figure load cannot move.

On a shared machine process time moves ±10 % with what else runs; the count of machine
instructions does not. This runs ``extract_facts`` over the five seed texts (after two
warm-up rounds) under Valgrind's cachegrind with no cache simulation, once with ``--rounds``
rounds and once with none, and prints the difference divided by the rounds: millions of
instructions per round of the seeds, start-up and imports excluded. ``PYTHONHASHSEED`` is
fixed so that set and dict orders repeat. Needs ``valgrind`` on the PATH (Debian package
``valgrind``); about a minute at the default five rounds.

Usage: ``python bench/extraction_instructions.py [--rounds N] [--seeds DIR]``
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
_REFS_RE = re.compile(r"I\s+refs:\s+([\d,]+)")

# What the child process runs: warm-up, then the measured rounds.
_CHILD = """
import sys
from pathlib import Path
from factscope.importers.extract import extract_facts, guess_published
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
dates = [guess_published(t) for t in texts]
for _ in range(2 + int(sys.argv[2])):
    for text, date in zip(texts, dates):
        extract_facts(text, date)
"""


def instructions_of(valgrind_output: str) -> int:
    """The instruction count cachegrind reports ("I refs: 1,234")."""
    m = _REFS_RE.search(valgrind_output)
    if m is None:
        raise ValueError("no instruction count in valgrind's output")
    return int(m.group(1).replace(",", ""))


def count(seeds: Path, rounds: int, valgrind: str) -> int:
    """Instructions of one process that extracts the seeds ``rounds`` times after warming up."""
    command = [valgrind, "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
    command += [sys.executable, "-c", _CHILD, str(seeds), str(rounds)]
    env = dict(os.environ, PYTHONHASHSEED="0")
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr else "failed")
    return instructions_of(done.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    args = parser.parse_args(argv)
    texts = sorted(args.seeds.glob("*.txt"))
    if not texts or args.rounds < 1:
        print(f"no seed texts in {args.seeds} (or --rounds below 1)", file=sys.stderr)
        return 2
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        print("valgrind not found: install it (Debian: apt-get install valgrind)", file=sys.stderr)
        return 2
    size = sum(len(p.read_text(encoding="utf-8").encode("utf-8")) for p in texts)
    try:
        base = count(args.seeds, 0, valgrind)
        measured = count(args.seeds, args.rounds, valgrind)
    except (RuntimeError, ValueError) as exc:
        print(f"valgrind run failed: {exc}", file=sys.stderr)
        return 1
    per_round = (measured - base) / args.rounds
    print(f"seeds: {len(texts)} texts, {size:,} bytes, {args.rounds} rounds")
    print(f"instructions per round  {per_round / 1e6:8.1f} M")
    print(f"instructions per byte   {per_round / size:8.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
