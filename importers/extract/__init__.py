"""Fact extraction from news text: every figure with its value, unit, region, period and change.

Pure functions over a document's text; no database or UI. See :func:`extract_facts`.
"""

from __future__ import annotations

from factscope.importers.dates import find_published as guess_published

from .calendar_dates import find_dates
from .facts import extract_facts

# One publication-date finder for the import and the benchmarks: the one the readers use.
__all__ = ["extract_facts", "find_dates", "guess_published"]
