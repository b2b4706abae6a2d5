"""The browser on a PostgreSQL database: the panes search it as they search a file, and the
status line names the server without the password."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from factscope.db.store import Store
from factscope.tui.app import FactscopeApp
from factscope.tui.panes.documents.document_list import DocumentList
from factscope.tui.widgets.status_line import StatusLine
from tests.tui.support import SEEDS, settle
from tests.tui.test_facts import hits, search

SECRET = "tui-s3cret"


@pytest.fixture
def pg_seeds(pg_url: str) -> Iterator[Store]:
    """The seeds in a new server database, opened with a password in the URL."""
    if not SEEDS.is_dir():
        pytest.skip("shared corpus not available")
    from factscope.importers import import_paths

    parts = urlsplit(pg_url)
    url = parts._replace(netloc=parts.netloc.replace("postgres@", f"postgres:{SECRET}@")).geturl()
    store = Store.open(url)
    assert import_paths([SEEDS], store).imported == 5
    yield store
    store.close()


async def test_documents_and_facts_panes_search_the_server(pg_seeds: Store) -> None:
    app = FactscopeApp(pg_seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.screen.query_one(DocumentList).total == 5
        await pilot.press(*"songjiang")
        await settle(pilot)
        listing = app.screen.query_one(DocumentList)
        assert 0 < listing.total < 5
        assert all(row.highlights for row in listing.loaded_rows)
        status = str(app.screen.query_one(StatusLine).render())
        assert "pg:factscope_test_" in status
        assert SECRET not in status
    app = FactscopeApp(pg_seeds, initial_mode="facts")
    async with app.run_test(size=(80, 24)) as pilot:
        await search(pilot, "songj trade 2020", typed=True)
        assert hits(app)[0].fact.normalized == pytest.approx(305.57e9)
        assert SECRET not in str(app.screen.query_one(StatusLine).render())
