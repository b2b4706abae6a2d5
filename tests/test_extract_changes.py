"""Changes: sign, basis and target of growth-rate wording."""

from __future__ import annotations

import re

import pytest

from importers.extract.changes import read_change


def _change(text: str) -> tuple[float, str, bool] | None:
    m = re.search(r"(\d+(?:\.\d+)?)(?:%| percent)", text)
    assert m is not None
    got = read_change(text, m.start(), m.end(), float(m.group(1)), 0, len(text))
    return None if got is None else (got.percent, got.basis, got.targets_next)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("output hit 9 billion yuan, up 7.3 percent year on year", (7.3, "yoy", False)),
        ("sales rose, an increase of 4.4% year-on-year", (4.4, "yoy", False)),
        ("imports fell by 2.5 percent", (-2.5, "unstated", False)),
        ("tax revenue saw an average annual growth of 9.1 percent", (9.1, "avg_annual", False)),
        ("orders grew 11% over June", (11.0, "mom", False)),
        ("down 3.2% compared with the same period of 2019", (-3.2, "vs_2019_same_period", False)),
        ("a year-on-year decline of 6 percent", (-6.0, "yoy", False)),
        ("trade grew 12.6 percent to 410 billion yuan", (12.6, "unstated", True)),
        ("a 5.5% year-on-year increase", (5.5, "yoy", False)),
        ("accounting for 35 percent of the total", None),
        ("chips made up about 40 percent of exports", None),  # a share, not a rise
        ("services make up 55 percent of output", None),
        ("the ratio increased to 18.2%", None),
    ],
)
def test_change_table(text: str, expected: tuple[float, str, bool] | None) -> None:
    assert _change(text) == expected
