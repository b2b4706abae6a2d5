"""Shared fixtures: real SQLite files in tmp_path, the seed documents from ../shared."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from factscope.db import Store

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "corpus" / "gold" / "seed_facts.jsonl"
SAMPLES = REPO / "importers" / "samples"

requires_shared = pytest.mark.skipif(
    not SEEDS.is_dir(), reason="shared corpus not available (../shared/corpus/seeds)"
)
"""Marks tests that read the seed documents; CI always has them."""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Slow tests run only with FACTSCOPE_SLOW=1, so the default run stays short."""
    if os.environ.get("FACTSCOPE_SLOW") == "1":
        return
    skip = pytest.mark.skip(reason="slow test: set FACTSCOPE_SLOW=1 to run it")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A path for a new database file."""
    return tmp_path / "facts.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    """An empty store on a real file."""
    with Store.open(db_path) as opened:
        yield opened


@pytest.fixture
def seed_store(db_path: Path) -> Iterator[Store]:
    """A store with the five seed documents imported through the real pipeline."""
    yield from _seeded(str(db_path))


def _seeded(target: str) -> Iterator[Store]:
    if not SEEDS.is_dir():
        pytest.skip("shared corpus not available (../shared/corpus/seeds)")
    from factscope.importers import import_paths

    with Store.open(target) as opened:
        report = import_paths([SEEDS], opened)
        assert report.imported == 5, report.failed
        yield opened


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The DSN of a PostgreSQL server for this session: ``$FACTSCOPE_TEST_PG_DSN``, else a
    throwaway server the tests start (tests/pgserver.py) and stop at the end."""
    from tests.pgserver import ENV_DSN, throwaway_server

    if os.environ.get(ENV_DSN):
        yield os.environ[ENV_DSN]
        return
    with throwaway_server() as dsn:
        yield dsn


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A new, empty database on the session's server (dropped after the test)."""
    from tests.pgserver import drop_database, new_database

    url = new_database(pg_server)
    yield url
    drop_database(pg_server, url)


BACKENDS = ("sqlite", "postgres")


@pytest.fixture(params=BACKENDS)
def db_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """What ``--db`` names, on each backend: an SQLite file, then a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "facts.db")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def any_store(db_target: str) -> Iterator[Store]:
    """An empty store on each backend."""
    with Store.open(db_target) as opened:
        yield opened


@pytest.fixture
def any_seed_store(db_target: str) -> Iterator[Store]:
    """The five seed documents imported through the real pipeline, on each backend."""
    yield from _seeded(db_target)


@pytest.fixture
def any_samples_store(any_store: Store) -> Store:
    """The README's demo samples (importers/samples) imported for real, on each backend."""
    from factscope.importers import import_paths

    report = import_paths([SAMPLES], any_store)
    assert report.imported and not report.failed
    return any_store
