"""named_rate: which percents without a verb of change state a growth rate. Our own words."""

from __future__ import annotations

import pytest

from factscope.importers.extract.rates import named_rate


@pytest.mark.parametrize(
    ("before", "after", "previous", "basis"),
    [
        ("the average annual growth rate of the park's output has been ", ".", None,
         "avg_annual"),
        ("recorded GDP growth of ", " in 2010", None, "unstated"),
        (" in 2010, ", " in 2011", "unstated", "unstated"),  # next in a list of rates
        (", up from ", " in the first quarter", "yoy", "yoy"),
        ("高于同期全国", "的整体进出口增幅。", None, "unstated"),
        ("growth in exports accounted for ", " of the total", None, None),  # a share
        ("the province's share of national trade was ", ".", None, None),
        (" in 2010, ", " in 2011", None, None),  # no rate before: nothing to continue
    ],
)  # fmt: skip
def test_named_rate(before: str, after: str, previous: str | None, basis: str | None) -> None:
    assert named_rate(before, after, previous) == basis


def test_a_share_moved_in_percent_is_no_growth_rate() -> None:
    import datetime as dt

    from factscope.importers.extract import extract_facts

    text = (
        "Their trade accounted for 11.2%, 9.5% and 3.1% of the province's total, respectively, "
        "with an increase of 0.8%, 0.3% and 1.1% year-on-year."
    )
    got = {f.quote: f for f in extract_facts(text, dt.date(2023, 5, 1))}
    for quote in ("0.8%", "0.3%", "1.1%"):
        assert (got[quote].kind, got[quote].change_percent) == ("change", None), quote
    # a growth rate after an amount stays one
    amount = {f.quote: f for f in extract_facts("Exports were 5 billion yuan, up 3%.")}
    assert amount["5 billion yuan"].change_percent == 3.0
