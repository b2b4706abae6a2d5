"""Readers for HTML, PDF, CSV and JSONL; importing this package registers them.

Each module registers its reader by suffix, by ``--format`` name and, where the content has a
signature, by sniffing. Third-party parsers (selectolax, pdfminer.six) are imported inside the
reader functions, so ``import importers`` stays cheap for commands that never read a file.
Non-goal: formats that need a network or an external program (OCR, Office documents).
"""

from factscope.importers.formats import collections, html, pdf

__all__ = ["collections", "html", "pdf"]
