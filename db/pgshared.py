"""Rows every writer touches, on PostgreSQL: the typo vocabulary's counts and the regions.

``fact_terms`` (see :mod:`db.typos`) counts how many facts have each word. Every document
changes the counts of common words ("trade", "2020"), so on a server where several importers
write at once, updating those rows statement by statement would hold their locks for a whole
batch (the writers queue) and take them in a different order in each writer (deadlocks).
Here the store's ``fact_terms`` writes are added up in memory instead, following the
transaction's savepoints, and written as one statement just before ``COMMIT``, its rows
sorted: the locks are held only for the commit, and every writer takes them in one order.

Regions are upserted with each document (the places its facts name, nearly always already
stored and unchanged). An ``ON CONFLICT DO UPDATE`` locks the row even when nothing changes,
so :func:`upsert_regions` inserts the missing ones and updates only those that differ.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from factscope.db.rows import REGION_COLUMNS

ADD = "INSERT INTO fact_terms (field, term, facts) VALUES"
SUBTRACT = "UPDATE fact_terms SET facts = facts - ?"
DROP_EMPTY = "DELETE FROM fact_terms WHERE field = ?"

FLUSH = (
    "INSERT INTO fact_terms (field, term, facts) SELECT d.field, d.term, d.facts"
    " FROM unnest(%s::text[], %s::text[], %s::bigint[]) AS d(field, term, facts)"
    " ORDER BY d.field, d.term"
    " ON CONFLICT (field, term) DO UPDATE SET facts = fact_terms.facts + excluded.facts"
)
DROP = (
    "DELETE FROM fact_terms WHERE facts <= 0 AND (field, term) IN"
    " (SELECT * FROM unnest(%s::text[], %s::text[]))"
)


class TermBuffer:
    """Count changes of the current transaction, by savepoint (see the module docstring)."""

    def __init__(self) -> None:
        self._levels: list[Counter[tuple[str, str]]] = [Counter()]

    def take(self, sql: str, rows: Iterable[Sequence[Any]]) -> bool:
        """Absorb one of the store's ``fact_terms`` writes; False for any other statement."""
        if sql.startswith(ADD):
            for field, term, facts in rows:
                self._levels[-1][(field, term)] += int(facts)
            return True
        if sql.startswith(SUBTRACT):
            for facts, field, term in rows:
                self._levels[-1][(field, term)] -= int(facts)
            return True
        return sql.startswith(DROP_EMPTY)  # empty rows are dropped at the flush

    def control(self, sql: str) -> None:
        """Follow ``SAVEPOINT``/``RELEASE``/``ROLLBACK [TO]`` so a rolled-back unit counts
        nothing."""
        if sql.startswith("SAVEPOINT"):
            self._levels.append(Counter())
        elif sql.startswith("RELEASE") and len(self._levels) > 1:
            top = self._levels.pop()
            self._levels[-1].update(top)
        elif sql.startswith("ROLLBACK TO"):
            self._levels[-1].clear()
        elif sql == "ROLLBACK":
            self._levels = [Counter()]

    def flush(self, conn: Any) -> None:
        """Write the transaction's counts (call just before ``COMMIT``), then forget them."""
        total: Counter[tuple[str, str]] = Counter()
        for level in self._levels:
            total.update(level)
        self._levels = [Counter()]
        changes = sorted((key, n) for key, n in total.items() if n)
        if not changes:
            return
        fields = [field for (field, _), _ in changes]
        terms = [term for (_, term), _ in changes]
        conn.execute(FLUSH, (fields, terms, [n for _, n in changes]))
        fewer = [(field, term) for (field, term), n in changes if n < 0]
        if fewer:
            conn.execute(DROP, ([f for f, _ in fewer], [t for _, t in fewer]))


REGIONS_UPSERT = "INSERT INTO regions "
"""How :func:`db.writes.upsert_regions`'s statement starts (with ``ON CONFLICT``)."""
_NAMES = ", ".join(f'"{c}"' for c in REGION_COLUMNS)
_INSERT_REGION = (
    f"INSERT INTO regions ({_NAMES}) VALUES ({', '.join('%s' for _ in REGION_COLUMNS)})"
    " ON CONFLICT (id) DO NOTHING"
)
_UPDATE_REGION = (
    f"UPDATE regions SET ({_NAMES}) = ({', '.join(f'given.{c}' for c in REGION_COLUMNS)}) FROM"
    f" (SELECT {', '.join(f'%s AS {c}' for c in REGION_COLUMNS)}) AS given"
    f" WHERE regions.id = given.id AND ({', '.join(f'regions.{c}' for c in REGION_COLUMNS)})"
    f" IS DISTINCT FROM ({', '.join(f'given.{c}' for c in REGION_COLUMNS)})"
)


def upsert_regions(conn: Any, rows: list[Sequence[Any]]) -> None:
    """Insert missing regions and update changed ones, locking no unchanged row."""
    ordered = sorted(rows, key=lambda row: str(row[0]))
    with conn.cursor() as cursor:
        cursor.executemany(_INSERT_REGION, ordered)
        cursor.executemany(_UPDATE_REGION, ordered)
