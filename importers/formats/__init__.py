"""Readers for HTML, PDF, CSV and JSONL.

Importing this package registers nothing: :data:`factscope.importers.registry.READER_TABLE`
lists each reader with its suffixes, ``--format`` names and sniffer. Third-party parsers
(selectolax, pdfminer.six) are imported inside the reader functions, so importing a reader
stays cheap for commands that never read a file.
Non-goal: formats that need a network or an external program (OCR, Office documents).
"""
