"""The store on a PostgreSQL server: the same :class:`~db.store.Store` API over psycopg 3.

:class:`PgConnection` lends the store's modules a connection that reads like SQLite's
(``execute`` with ``?`` parameters, ``lastrowid``, ``in_transaction``), translating each
statement once through :mod:`db.pgdialect` (rows every writer touches go through
:mod:`db.pgshared`); :class:`PgStore` overrides only what has no
SQL equal: opening, document search (:mod:`db.pgsearch`), ``stats`` and ``check``.

The connection is in autocommit mode so that the store's own ``BEGIN``/``SAVEPOINT``/
``COMMIT`` statements drive transactions, exactly as on SQLite. ``--read-only`` makes every
transaction read-only on the server (it works for a role granted SELECT only). Errors become
one :class:`~db.errors.StoreError` line naming the URL without its password.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from typing import Any

from factscope.db.dsn import INSTALL_HINT, scrub, shown_url
from factscope.db.errors import ReadOnlyError, SchemaTooNewError, StoreError, WriteFailedError
from factscope.db.models import RawDocument, Region, SearchHit
from factscope.db.pgdialect import fts5_tsquery, translate
from factscope.db.pgplan import LexemeShares, split
from factscope.db.pgschema import (
    PG_SCHEMA_VERSION,
    TRIGRAM_INDEX,
    TRIGRAM_NOTE,
    ensure_trigrams,
    migrate,
    schema_version,
)
from factscope.db.pgsearch import count_documents, search_documents
from factscope.db.pgshared import REGIONS_UPSERT, TermBuffer, upsert_regions
from factscope.db.store import AddOutcome, Store, document_id
from factscope.db.writes import FactSource

CONNECT_TIMEOUT_S = 10
"""How long opening waits for a server that does not answer."""
SHARES_TTL_S = 300.0
"""How long the lexeme statistics that plan a fact query are kept before reading again."""
SESSION_SETTINGS = (
    # psycopg prepares a statement run five times; the server's generic plan for it cannot
    # see the LIMIT or the words, and chose a full join (160 ms where the plan for the
    # actual values takes 3 ms at 300k facts). Plan each run with its values.
    "SET plan_cache_mode = force_custom_plan",
    # A keystroke's queries are small: compiling them (JIT) or starting parallel workers
    # costs more than it saves, most of all on a busy machine.
    "SET jit = off",
    "SET max_parallel_workers_per_gather = 0",
    # A GIN index answering a short prefix ("r", "2") gathers hundreds of thousands of rows
    # in a bitmap; past work_mem (4 MB by default) it keeps pages, not rows, and every row
    # of those pages is read and tested again: at 1M facts "unit:usd r" read 34,690 pages
    # for its 10,000 matches, and 7,174 with room for the rows (536 -> 140 ms).
    "SET work_mem = '32MB'",
)
"""Session settings for the store's short, many queries."""


def _psycopg(shown: str = "postgresql") -> Any:
    """The driver; without the ``postgres`` extra, a StoreError saying how to install it."""
    try:
        import psycopg
    except ImportError as exc:
        raise StoreError(shown, INSTALL_HINT) from exc
    return psycopg


class PgCursor:
    """The rows of one statement, as ``sqlite3.Cursor`` offers them."""

    def __init__(self, rows: list[tuple[Any, ...]], lastrowid: int | None) -> None:
        self._rows = rows
        self.lastrowid = lastrowid

    def fetchone(self) -> tuple[Any, ...] | None:
        return self._rows.pop(0) if self._rows else None

    def fetchall(self) -> list[tuple[Any, ...]]:
        rows, self._rows = self._rows, []
        return rows

    def __iter__(self) -> Any:
        return iter(self.fetchall())


class PgConnection:
    """A psycopg connection that takes the store's SQLite statements (see the module doc)."""

    value_tags = True
    """The search rows hold each fact's unit, kind and metric type (schema version 3)."""
    counts_with_candidates = True
    """A fact search counts its matches in the candidates' statement (db/factcount.py)."""

    def __init__(self, raw: Any, url: str) -> None:
        self.raw = raw
        self.url = url
        self.shown = shown_url(url)
        self.terms = TermBuffer()
        """The transaction's typo-vocabulary counts, written at COMMIT (db/pgshared.py)."""
        self._shares: LexemeShares | None = None
        self._shares_read = 0.0

    def _params(self, sql: str, params: Sequence[Any]) -> tuple[str, list[Any], bool]:
        statement = translate(sql)
        values = list(params)
        for index in reversed(statement.match_params):
            # Two values per MATCH: what the index answers, what is tested on its rows.
            values[index : index + 1] = split(fts5_tsquery(str(values[index])), self.shares())
        return statement.sql, values, statement.returning

    def shares(self) -> LexemeShares:
        """The search rows' common lexemes (db/pgplan.py), read again every few minutes:
        they change only as fast as the server's ANALYZE runs."""
        now = time.monotonic()
        if self._shares is None or now - self._shares_read > SHARES_TTL_S:
            try:
                self._shares = LexemeShares.read(self.raw)
            except Exception as exc:
                raise self.error(exc) from exc
            self._shares_read = now
        return self._shares

    def execute(self, sql: str, params: Sequence[Any] = ()) -> PgCursor:
        """Run one statement; its rows are read at once (the store's results are bounded)."""
        if self.terms.take(sql, [params] if params else []):
            return PgCursor([], None)
        text, values, returning = self._params(sql, params)
        try:
            if text == "COMMIT":
                self.terms.flush(self.raw)
            self.terms.control(text)
            cursor = self.raw.execute(text, values)
            rows = cursor.fetchall() if cursor.description else []
        except Exception as exc:
            raise self.error(exc) from exc
        return PgCursor([] if returning else rows, rows[0][0] if returning and rows else None)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement for each row (psycopg pipelines them)."""
        rows = list(rows)
        if self.terms.take(sql, rows):
            return
        if sql.startswith(REGIONS_UPSERT) and "ON CONFLICT" in sql:
            try:
                upsert_regions(self.raw, rows)
            except Exception as exc:
                raise self.error(exc) from exc
            return
        text, _, _ = self._params(sql, ())
        statement = translate(sql)
        batch = [self._params(sql, row)[1] for row in rows] if statement.match_params else rows
        if not batch:
            return
        try:
            with self.raw.cursor() as cursor:
                cursor.executemany(text, batch)
        except Exception as exc:
            raise self.error(exc) from exc

    @property
    def in_transaction(self) -> bool:
        """True inside a transaction (also one an error aborted, which needs a ROLLBACK)."""
        return bool(self.raw.info.transaction_status != _psycopg().pq.TransactionStatus.IDLE)

    def new_fact_ids(self, count: int) -> list[int]:
        """``count`` ids from the facts' identity sequence: concurrent writers never share one."""
        rows = self.execute(
            "SELECT nextval(pg_get_serial_sequence('facts', 'id')) FROM generate_series(1, ?)",
            (count,),
        ).fetchall()
        return [int(r[0]) for r in rows]

    def error(self, exc: BaseException) -> StoreError:
        """The one-line StoreError for a driver error, without the password."""
        psycopg = _psycopg()
        if isinstance(exc, StoreError):
            return exc
        first = scrub(str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc), self.url)
        if isinstance(exc, psycopg.errors.ReadOnlySqlTransaction):
            return ReadOnlyError(self.shown, "opened read-only")
        if isinstance(exc, psycopg.errors.InsufficientPrivilege):
            return ReadOnlyError(self.shown, f"permission denied: {first}")
        if isinstance(exc, psycopg.OperationalError) and self.raw.closed:
            # No later write can succeed: an import stops here (its open batch is rolled
            # back by the server; importing again resumes).
            return WriteFailedError(self.shown, f"lost the connection to the server: {first}")
        return StoreError(self.shown, first)

    def close(self) -> None:
        self.raw.close()


def connect_server(url: str, *, read_only: bool = False) -> PgConnection:
    """Connect, check the schema version, and create or migrate the schema if needed.

    :raises StoreError: no driver, server down, wrong database or password (one line, no
        password), not a factscope database, or a newer schema.
    """
    shown = shown_url(url)
    psycopg = _psycopg(shown)
    try:
        raw = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
    except psycopg.Error as exc:
        lines = [ln.strip() for ln in str(exc).splitlines() if ln.strip()]
        reason = lines[-1] if lines else "cannot connect"
        raise StoreError(shown, f"cannot connect: {scrub(reason, url)}") from exc
    conn = PgConnection(raw, url)
    try:
        for setting in SESSION_SETTINGS:
            raw.execute(setting)
        if read_only:
            raw.execute("SET default_transaction_read_only = on")
        version = schema_version(raw)
        if version < 0:
            raise StoreError(shown, "not a factscope database (it has other tables)")
        if version > PG_SCHEMA_VERSION:
            raise SchemaTooNewError(
                shown,
                f"written by a newer factscope (schema {version}; this version reads up to"
                f" {PG_SCHEMA_VERSION}): upgrade factscope",
            )
        if version < PG_SCHEMA_VERSION:
            if read_only:
                raise ReadOnlyError(
                    shown, "needs creating or upgrading; open it once without --read-only"
                )
            migrate(raw)
        elif not read_only:
            ensure_trigrams(raw)
    except StoreError:
        raw.close()
        raise
    except psycopg.Error as exc:
        error = conn.error(exc)
        raw.close()
        raise error from exc
    return conn


class PgStore(Store):
    """A factscope database on a PostgreSQL server; opened by :meth:`Store.open` for a URL."""

    def __init__(self, conn: PgConnection, read_only: bool) -> None:
        super().__init__(conn, conn.shown, read_only)
        self.url = conn.url

    @classmethod
    def connect(cls, url: str, *, read_only: bool = False) -> PgStore:
        """Open the database a ``postgresql://`` URL names (see :func:`connect_server`)."""
        return cls(connect_server(url, read_only=read_only), read_only)

    def add_document(
        self, raw: RawDocument, facts: FactSource, regions: Iterable[Region] = ()
    ) -> tuple[AddOutcome, str]:
        """As on SQLite; concurrent writers of one document queue on a per-document lock
        (held to the end of the batch), so the second sees it stored and leaves it."""
        if self._in_batch:
            self._lock_document(document_id(raw.text))
            return super().add_document(raw, facts, regions)
        with self.batch():
            self._lock_document(document_id(raw.text))
            return super().add_document(raw, facts, regions)

    def _lock_document(self, doc_id: str) -> None:
        self._rows("SELECT pg_advisory_xact_lock(hashtext(?))", (doc_id,))

    def search(
        self, query: str, *, limit: int = 20, offset: int = 0, prefix: bool = False
    ) -> list[SearchHit]:
        """Full-text search of documents, best first (``ts_rank_cd``): see :mod:`db.pgsearch`."""
        with self._lock:
            return search_documents(self._conn, query, limit, offset, prefix)

    def search_count(self, query: str, *, cap: int = 10_000, prefix: bool = False) -> int:
        """How many documents match, counting at most ``cap``."""
        with self._lock:
            return count_documents(self._conn, query, cap, prefix)

    def check(self) -> list[str]:
        """Facts whose search row is missing, or search rows without a fact (the server
        checks its own pages and indexes)."""
        orphans = self._rows(
            "SELECT count(*) FROM facts_fts s WHERE NOT EXISTS"
            " (SELECT 1 FROM facts f WHERE f.doc_id = s.doc_id AND f.id = s.rowid)"
        )[0][0]
        missing = self._rows(
            "SELECT count(*) FROM facts f WHERE NOT EXISTS"
            " (SELECT 1 FROM facts_fts s WHERE s.doc_id = f.doc_id AND s.rowid = f.id)"
        )[0][0]
        if orphans or missing:
            return [
                f"full-text index facts_fts: {orphans} entries without a fact,"
                f" {missing} facts without an entry"
            ]
        return []

    def notes(self) -> list[str]:
        """A note when Chinese substrings are found by reading text, for want of pg_trgm."""
        if self._rows("SELECT to_regclass(?) IS NOT NULL", (TRIGRAM_INDEX,))[0][0]:
            return []
        return [TRIGRAM_NOTE]

    def schema_version(self) -> int:
        """The PostgreSQL schema's version (:data:`db.pgschema.PG_SCHEMA_VERSION`)."""
        return PG_SCHEMA_VERSION

    def engine_version(self) -> str:
        """``PostgreSQL 15.x``: the server's version."""
        return f"PostgreSQL {self._rows('SELECT current_setting(?)', ('server_version',))[0][0]}"

    def size_bytes(self) -> int:
        """The database's size on the server."""
        return int(self._rows("SELECT pg_database_size(current_database())")[0][0])
