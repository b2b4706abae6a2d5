"""What an import did: counts, failures with their reasons, notices, and progress events.

:func:`importers.pipeline.import_paths` builds an :class:`ImportReport` batch by batch;
the CLI and the TUI print or show it. Every path in a report is text that can be printed
and stored: undecodable bytes of a file name are escaped (``bad\\xffname.txt``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pydantic import BaseModel, Field, field_validator

from factscope.importers.sanitize import escape_undecodable


class ImportFailure(BaseModel):
    """An input that was not imported, and why."""

    path: str
    """The input as given, with undecodable bytes of its name escaped (``bad\\xffname.txt``)."""
    reason: str

    @field_validator("path", "reason")
    @classmethod
    def _printable(cls, value: str) -> str:
        # A file name that is not UTF-8 must not cost the report (or a terminal) its line.
        return escape_undecodable(value)


class ImportReport(BaseModel):
    """What an import did."""

    imported: int = 0
    replaced: int = 0
    unchanged: int = 0
    facts: int = 0
    failed: list[ImportFailure] = Field(default_factory=list)
    notices: list[ImportFailure] = Field(default_factory=list)
    """Documents imported with a caveat (facts capped); they do not make the import fail."""
    doc_ids: list[str] = Field(default_factory=list)
    stopped: str | None = None
    """Why the import stopped before its last input (a full disk), if it did: the inputs
    after the failed batch were not tried, and importing them again resumes."""

    @property
    def ok(self) -> bool:
        """True when no input failed and the import was not stopped."""
        return not self.failed and self.stopped is None

    def add(self, part: ImportReport) -> None:
        """Count ``part`` (one batch's report) into this one."""
        self.imported += part.imported
        self.replaced += part.replaced
        self.unchanged += part.unchanged
        self.facts += part.facts
        self.failed.extend(part.failed)
        self.notices.extend(part.notices)
        self.doc_ids.extend(part.doc_ids)


@dataclass(frozen=True)
class ImportProgress:
    """Sent after each input: how far along the import is."""

    done: int
    total: int
    path: str


ProgressCallback = Callable[[ImportProgress], None]
