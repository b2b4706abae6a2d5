"""Which words of a fact query the GIN index answers on PostgreSQL, and which it leaves to a
test of the rows found.

A GIN index answers a ``tsquery`` by merging the posting list of every lexeme the query
names before the first row comes out: a prefix of one or two letters (``'s':*``, ``'2':*``
while a user types ``2020``) names thousands of lexemes and most of a million facts, and
the merge alone took about 100 ms at 1M facts, whatever the LIMIT. The same word tested
on the rows that the other words found costs a microsecond a row, and those rows stop at
the LIMIT.

So the query's top-level conjuncts (each word, each ``a | b`` group) are split: those whose
posting lists cost less to merge than the rows they strike out cost to read go to the
index, the dense rest becomes a filter (``ts_match_vq``, which the planner cannot match to
the index): see :func:`split`. The shares come from the
column's own statistics (``pg_stats.most_common_elems`` of ``facts_fts.tsv``, the lexemes
ANALYZE found in at least about 0.5 % of the rows): a prefix's share is the sum of the
shares of the common lexemes it starts. The rarest part always goes to the index: the
planner still chooses a sequential scan by itself when even that part is dense (it stops
at the LIMIT). Without
statistics (a new database) nothing is split. The rows, and their order, are the same
either way: only the work differs.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

ROW_COST = 30.0
"""What testing one row found costs (reading it from the table), in posting-list entries a
GIN index merges: about 3 µs against 0.1 µs, measured at 1M facts on this box."""

_LEXEME = re.compile(r"'((?:[^'\\]|''|\\.)*)'(:\*)?")


class LexemeShares:
    """The share of rows holding each common lexeme of ``facts_fts.tsv``, read once."""

    def __init__(self, shares: dict[str, float]) -> None:
        self._shares = shares
        self._sorted = sorted(shares)

    @classmethod
    def read(cls, raw: Any) -> LexemeShares:
        """The column's statistics (empty before the first ANALYZE)."""
        row = raw.execute(
            "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats"
            " WHERE schemaname = current_schema() AND tablename = 'facts_fts'"
            " AND attname = 'tsv'"
        ).fetchone()
        if row is None or row[0] is None:
            return cls({})
        # The frequencies end with three summary numbers (min, max, null share).
        return cls(dict(zip(row[0], row[1], strict=False)))

    def share(self, lexeme: str, prefix: bool) -> float:
        """The estimated share of rows holding the lexeme (or a lexeme it starts)."""
        if not prefix:
            return self._shares.get(lexeme, 0.0)
        total = 0.0
        index = bisect_left(self._sorted, lexeme)
        while index < len(self._sorted) and self._sorted[index].startswith(lexeme):
            total += self._shares[self._sorted[index]]
            index += 1
        return min(total, 1.0)


def conjuncts(tsquery: str) -> list[str]:
    """The top-level ``&`` parts of a ``tsquery`` text (as :mod:`db.pgdialect` writes it,
    bracketed and spaced), or the whole query as one part when it has a top-level ``|``."""
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for token in _tokens(tsquery):
        if token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
        elif depth == 0 and token == "|":
            return [tsquery]
        if depth == 0 and token == "&":
            parts.append(" ".join(current))
            current = []
        else:
            current.append(token)
    parts.append(" ".join(current))
    return [p for p in parts if p]


def _tokens(tsquery: str) -> list[str]:
    """Lexemes (with their ``:*``) and the operators between them."""
    tokens: list[str] = []
    index = 0
    while index < len(tsquery):
        char = tsquery[index]
        if char == "'":
            match = _LEXEME.match(tsquery, index)
            if match is None:
                return [tsquery]  # not a query this module wrote: leave it whole
            tokens.append(match.group(0))
            index = match.end()
        elif char.isspace():
            index += 1
        else:
            tokens.append(char)
            index += 1
    return tokens


def conjunct_share(part: str, shares: LexemeShares) -> float:
    """A conjunct's estimated share: its lexemes' shares added (an upper bound for ``&``
    inside it, exact enough to tell a dense part from a rare one)."""
    total = 0.0
    for match in _LEXEME.finditer(part):
        lexeme = match.group(1).replace("''", "'").replace("\\\\", "\\")
        total += shares.share(lexeme, prefix=bool(match.group(2)))
    return min(total, 1.0)


def split(tsquery: str, shares: LexemeShares) -> tuple[str, str | None]:
    """(the part the index answers, the part tested on its rows or None).

    The rarest conjunct goes to the index; each next one, rarest first, joins it when
    merging its posting lists (its share of the facts) costs less than reading the rows it
    would strike out (the rows found so far, times the share it rejects; the shares taken
    as independent), and is tested on the rows otherwise.
    """
    parts = conjuncts(tsquery)
    if len(parts) < 2:
        return tsquery, None
    scored = sorted((conjunct_share(p, shares), i, p) for i, p in enumerate(parts))
    found = scored[0][0]
    indexed, tested = [scored[0]], []
    for share, index, part in scored[1:]:
        if share <= ROW_COST * found * (1.0 - share):
            indexed.append((share, index, part))
            found *= share
        else:
            tested.append((share, index, part))
    if not tested:
        return tsquery, None
    order = sorted(indexed, key=lambda s: s[1])
    return " & ".join(p for _, _, p in order), " & ".join(p for _, _, p in tested)
