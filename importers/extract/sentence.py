"""The facts of one sentence: a typed draft per figure, attributed by named passes in order.

:func:`.passes.sentence_facts` reads what the whole sentence shares (its growth rates, ranks,
periods and lists: :class:`SentenceWork`), then runs every figure through
:data:`.passes.PASSES`, one table of named functions, each filling some fields of the figure's
:class:`.draft.Draft` or of its :class:`FigureWork` (the context words, the chosen period and
change, the metric being decided). A pass reads what the passes before it decided;
``tests/test_extract_passes.py`` holds a table of cases per pass.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field

from factscope.db.models import Fact, Region

from . import cjk
from .attach import PERCENTS, Changes, assign_ranks, list_markers
from .changes import Change
from .doc_context import PeriodContext
from .draft import Draft
from .figure import Figure
from .metric_lists import level_lists
from .period_carry import SentencePeriods
from .period_choice import choose_periods
from .periods import Period
from .regions import RegionTracker
from .text_index import offsets_of

_CONTEXT_WALK = 8  # figures looked back over for the start of a figure's context
_DEFINITE_BEFORE_RE = re.compile(r"\b(?:the|its|their|these|those)[\s\xa0]+$", re.IGNORECASE)
# period words, growth verbs and function words: what an elliptical clause is made of
_ELLIPSIS_WORDS_RE = re.compile(
    r"[一二三四1-4]季度|[上下]半年|全年|前\d{1,2}个月|\d{1,2}月|增长|下降|增加|减少|提高|为|达到|"
    r"\b(?:the|a|an|and|but|while|in|of|to|by|at|on|up|down|rose|grew|fell|rise|rises|grow|"
    r"grows|fall|falls|increased|decreased|declined|was|were|is|saw|first|second|third|fourth|"
    r"quarter|quarters|half|year|month|percent|from|over|for|with|it|its|their)\b",
    re.IGNORECASE,
)
_CONTENT_WORD_RE = re.compile(r"[A-Za-z]{3,}")


@dataclass
class Document:
    """What attributing the figures of one sentence needs to know about the whole text."""

    text: str
    tracker: RegionTracker
    guessed_year: bool
    semicolons: list[int]
    counts: dict[float, list[Fact]] = field(default_factory=dict)
    """Count facts so far by value, oldest first: what "the nine cities" can restate."""
    published: dt.date | None = None
    periods: PeriodContext = field(default_factory=PeriodContext)
    """The period stated last: what figures without one continue and what "during the same
    period" restates."""
    paragraph: int = 0
    sentence: int = 0
    """Indexes of the current paragraph and of the sentence within it (for the notes)."""
    multiplied: bool = True
    """Whether the text may state a change as "doubled", "halved" ...: one look at the whole
    text spares the reading before every figure of a text with none."""
    topped: bool = True
    """Whether the text holds "top" ("topping the other districts in the city": rank 1)."""
    listed: bool = True
    """Whether the text holds "respectively" or 分别, which mark the lists of a sentence."""

    @staticmethod
    def semicolons_of(text: str) -> list[int]:
        """Offsets of the semicolons of ``text``: a clause after one starts afresh."""
        return offsets_of(text, ";；")


@dataclass
class SentenceWork:
    """What the figures of one sentence share, and what each pass leaves for the next figure."""

    doc: Document
    figs: list[Figure]
    s_start: int
    s_end: int
    topic: Region | None
    changes: Changes
    periods: list[Period | None]
    lists: dict[int, tuple[int, int, int]]
    carried: SentencePeriods
    out: list[Fact] = field(default_factory=list)
    by_index: dict[int, Draft] = field(default_factory=dict)
    ranked_by: dict[int, Fact] = field(default_factory=dict)
    prev_metric: tuple[str | None, str | None] = (None, None)
    """The last typed metric: a figure that names none continues it."""
    prev_named: tuple[str | None, str | None] = (None, None)
    """The last named metric, typed or not: what "that of rural residents" refers to."""
    list_contexts: dict[int, str] = field(default_factory=dict)

    @property
    def previous(self) -> Fact | None:
        """The sentence's fact before the current figure, if any."""
        return self.out[-1] if self.out else None


class FigureWork:
    """One figure on its way through the passes: its draft and what the passes decided.

    A plain class whose undecided fields read the class defaults: the constructor sets three
    attributes, not twelve (a dataclass ``__init__`` assigns every field, about 1,000
    instructions a figure more)."""

    context_lo: int = 0
    before: str = ""
    after: str = ""
    period: Period | None = None
    change: Change | None = None
    kind: str = "level"
    metric: str | None = None
    metric_type: str | None = None
    share: str | None = None

    def __init__(self, i: int, fig: Figure, draft: Draft) -> None:
        self.i = i
        self.fig = fig
        self.draft = draft


Pass = Callable[[SentenceWork, FigureWork], None]


def sentence_work(
    doc: Document,
    figs: list[Figure],
    periods: list[Period],
    span: tuple[int, int],
    topic: Region | None,
) -> SentenceWork:
    """The sentence-wide readings the passes share: changes, ranks, chosen periods, lists."""
    text, (s_start, s_end) = doc.text, span
    markers = list_markers(text, s_start, s_end) if doc.listed else []
    changes = (
        Changes(text, figs, s_start, s_end, doc.multiplied, markers)
        if doc.multiplied or markers or _rated(figs)
        else NO_CHANGES
    )
    # "topping ...": the text's folded copy says whether the sentence holds "top" (what
    # topping_scope looks for first) without folding the sentence again
    topped = doc.topped and doc.tracker.folded.find("top", s_start, s_end) >= 0
    assign_ranks(text, figs, s_start, s_end, topped)
    where = (doc.paragraph, doc.sentence)
    return SentenceWork(
        doc=doc,
        figs=figs,
        s_start=s_start,
        s_end=s_end,
        topic=topic,
        changes=changes,
        periods=choose_periods(figs, periods, doc.semicolons),
        lists=level_lists(text, figs, s_start, s_end, markers) if markers else {},
        carried=SentencePeriods(doc.periods, text, span, figs, where, doc.published),
    )


NO_CHANGES = Changes("", [], 0, 0, False, [])
"""The changes of a sentence with nothing to read (read only): no percent, multiple or list
marker, in a text with no "doubled". Two sentences in three with figures (on the seeds) share
it instead of building their own, empty, at about 15,000 instructions each."""
_RATED_UNITS = frozenset({*PERCENTS, "times"})  # a figure Changes reads: a rate, 增长1.7倍


def _rated(figs: list[Figure]) -> bool:
    """Whether a figure of the sentence may state or take a change by itself (a percent, a
    point, a multiple): if none does, :class:`.attach.Changes` finds none."""
    for fig in figs:  # noqa: SIM110 - a loop: any() would make a generator per sentence
        if fig.unit in _RATED_UNITS:
            return True
    return False


def context_start(work: SentenceWork, i: int) -> int:
    """Where the words that describe figure ``i`` start: after the figure before it, skipping
    consumed percents and counts inside a noun phrase ("trade with the five Central Asian
    countries amounted to ..."); a bounded walk keeps a sentence of thousands of figures
    linear."""
    figs, text, s_start = work.figs, work.doc.text, work.s_start
    fig = figs[i]
    last_j = i - 1 - _CONTEXT_WALK if i > _CONTEXT_WALK else -1  # no max(): a figure's hot path
    for j in range(i - 1, last_j, -1):
        if (
            j in work.changes.consumed
            or _in_noun_phrase(text, figs[j], s_start)
            or (fig.is_rank and figs[j].duration)  # "总额连续7年居全国第1位"
        ):
            continue
        end = figs[j].end
        return end if end > s_start else s_start
    end = figs[last_j].end if last_j >= 0 else s_start
    return end if end > s_start else s_start


def names_a_subject(clause: str) -> bool:
    """Whether a clause after a semicolon names what its figure measures ("城镇调查失业率控制在")
    rather than leaving it to the clause before ("二季度增长", "0.4 percent in the second")."""
    rest = _ELLIPSIS_WORDS_RE.sub("", clause)
    return len(cjk.IDEOGRAPH_RE.findall(rest)) >= 2 or _CONTENT_WORD_RE.search(rest) is not None


def _in_noun_phrase(text: str, fig: Figure, s_start: int) -> bool:
    """Whether ``fig`` is a count inside a definite noun phrase ("the 10 ASEAN members"),
    which the metric phrase of a later figure reads through."""
    if fig.unit != "count":
        return False
    lo = fig.start - 8
    return bool(_DEFINITE_BEFORE_RE.search(text, lo if lo > s_start else s_start, fig.start))


def clause_start(work: SentenceWork, fig: Figure, context_lo: int) -> int:
    """``context_lo``, or past a semicolon between it and the figure ("收入增长5%；二季度增长0.4%":
    the phrase is cut there)."""
    semicolons = work.doc.semicolons
    k = bisect_left(semicolons, fig.start) - 1
    if k >= 0 and semicolons[k] >= context_lo:
        return semicolons[k] + 1
    return context_lo
