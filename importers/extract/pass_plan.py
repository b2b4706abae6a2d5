"""Which passes of the table a figure runs: what each pass needs of the figure itself.

:data:`NEEDS` states, for the passes that act only on some figures, what they need of the
figure (a percent for the rate passes, a rank, a bare count ...); :func:`plan_of` picks the
passes of a table, in order, once per figure shape, so a figure skips the calls of the passes
that would return at once. :mod:`.passes` runs the plan; a test runs every pass on every figure
of the demo corpus and compares the facts.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from .figure import Figure
from .period_carry import FLOWS
from .sentence import Pass
from .units import CONVERTIBLE

_NO_SUBJECT_UNITS = ("rank", "percent", "percentage point")  # no company's subject
_SHARE_UNITS = ("percent", "percentage point", "fraction")  # a share's (kinds._percent_kind)
NEEDS: dict[str, Callable[[Figure], bool]] = {
    "per": lambda fig: fig.per is None and fig.unit in FLOWS,
    "subject": lambda fig: fig.unit not in _NO_SUBJECT_UNITS,
    "rank_metric": lambda fig: fig.is_rank and fig.rank is not None,
    "count_metric": lambda fig: fig.bare and fig.unit == "count",
    "share_link": lambda fig: fig.unit in _SHARE_UNITS,
    "named_rate": lambda fig: fig.unit == "percent",
    "national_rate": lambda fig: fig.unit == "percent",
    "moved_share": lambda fig: fig.unit == "percent",
    "rate_gap": lambda fig: fig.unit == "percent",
    "links": lambda fig: fig.unit in CONVERTIBLE or fig.unit == "count",
}
"""What a pass needs of the figure itself to do anything (a pass not listed may act on any
figure). Each reads only the figure's unit, ``per``, ``is_rank``, ``rank`` and ``bare``: the
passes a figure runs are chosen once per such shape (:func:`plan_of`): a currency amount
skips the seven passes for percents, ranks and bare counts, a percent the five for amounts,
subjects, ranks and counts."""


_plans: dict[tuple[object, ...], tuple[Pass, ...]] = {}
_planned_for: list[object] = [None, None]  # the tables the plans were made from


def plan_of(
    fig: Figure,
    passes: tuple[tuple[str, Pass], ...],
    needs: Mapping[str, Callable[[Figure], bool]],
) -> tuple[Pass, ...]:
    """The passes of the table ``passes``, in order, that ``fig`` needs (``needs``, as
    :data:`NEEDS`); built once per figure shape and tables (a test may run a table without
    one of its passes, or with no needs)."""
    if _planned_for[0] is not passes or _planned_for[1] is not needs:
        _plans.clear()
        _planned_for[:] = [passes, needs]
    shape = (fig.unit, fig.per is None, fig.is_rank, fig.rank is None, fig.bare)  # what NEEDS reads
    plan = _plans.get(shape)
    if plan is None:
        plan = _plans[shape] = tuple(
            run for name, run in passes if name not in needs or needs[name](fig)
        )
    return plan
