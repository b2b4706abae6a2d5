"""Moving a corpus between databases: SQLite to PostgreSQL and back, or file to file.

The team workflow is "import on my machine, push to the team's database". A copy goes
through the target's own write path (:meth:`Store.add_document`), so its search rows,
typo vocabulary and ids are built there as an import builds them, whatever the backends:
documents identical to one already stored are left alone, so copying again (after an
interruption, say) resumes where the last committed batch ended. Regions go first, then
documents with their facts, a batch of documents per transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from factscope.db.models import RawDocument
from factscope.db.store import Store

BATCH = 50
"""Documents per target transaction: a commit per document would cost as much as its facts."""


@dataclass
class CopyReport:
    """What a copy did, by document outcome."""

    imported: int = 0
    replaced: int = 0
    unchanged: int = 0
    facts: int = 0


def copy_corpus(
    source: Store,
    target: Store,
    *,
    on_progress: Callable[[int, int, str], None] | None = None,
    batch: int = BATCH,
) -> CopyReport:
    """Copy every region, document and fact of ``source`` into ``target``.

    :param on_progress: called after each document with (done, total, title).
    """
    report = CopyReport()
    target.add_regions(source.regions())
    total = source.document_count()
    done = 0
    documents = source.iter_documents()
    while True:
        with target.batch():
            for document in documents:
                facts = source.facts_for_document(document.id)
                raw = RawDocument(
                    text=document.text,
                    title=document.title,
                    source=document.source,
                    published=document.published,
                    language=document.language,
                )
                outcome, _ = target.add_document(raw, facts)
                setattr(report, outcome, getattr(report, outcome) + 1)
                report.facts += len(facts) if outcome != "unchanged" else 0
                done += 1
                if on_progress is not None:
                    on_progress(done, total, document.title)
                if done % batch == 0:
                    break
            else:
                return report
