"""An import's report: printable paths whatever the OS gave, and batch reports that add up."""

from __future__ import annotations

import os

from factscope.importers.report import ImportFailure, ImportReport


def test_a_failure_escapes_undecodable_bytes_of_its_path() -> None:
    name = os.fsdecode(b"bad\xffname.txt")  # a lone surrogate, as Python lists the file
    failure = ImportFailure(path=name, reason="empty file")
    assert failure.path == "bad\\xffname.txt"
    failure.path.encode("utf-8")  # printable and storable


def test_batch_reports_add_up() -> None:
    report = ImportReport(imported=1, facts=3, doc_ids=["a"])
    report.add(
        ImportReport(
            imported=2,
            replaced=1,
            unchanged=1,
            facts=4,
            failed=[ImportFailure(path="x.txt", reason="empty file")],
            notices=[ImportFailure(path="big.txt", reason="kept the first 40,000 facts")],
            doc_ids=["b", "c"],
        )
    )
    assert (report.imported, report.replaced, report.unchanged, report.facts) == (3, 1, 1, 7)
    assert report.doc_ids == ["a", "b", "c"]
    assert [f.path for f in report.failed] == ["x.txt"]
    assert [n.path for n in report.notices] == ["big.txt"]
    assert not report.ok


def test_a_report_is_ok_without_failures_or_a_stop() -> None:
    assert ImportReport(imported=1, notices=[ImportFailure(path="a", reason="capped")]).ok
    assert not ImportReport(stopped="disk full").ok
