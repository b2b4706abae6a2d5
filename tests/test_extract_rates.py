"""named_rate: which percents without a verb of change state a growth rate. Our own words."""

from __future__ import annotations

import pytest

from importers.extract.rates import named_rate


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
