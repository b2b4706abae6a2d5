"""factscope's storage library: models, the SQLite store, query escaping.

Reachable without any UI: nothing here imports textual, rich or ``tui``.
"""

from factscope.db.errors import NotFoundError, ReadOnlyError, SchemaTooNewError, StoreError
from factscope.db.models import (
    Document,
    DocumentSummary,
    Fact,
    RawDocument,
    Region,
    SearchHit,
    StoreStats,
)
from factscope.db.store import Store, document_id

__all__ = [
    "Document",
    "DocumentSummary",
    "Fact",
    "NotFoundError",
    "RawDocument",
    "ReadOnlyError",
    "Region",
    "SchemaTooNewError",
    "SearchHit",
    "Store",
    "StoreError",
    "StoreStats",
    "document_id",
]
