"""Links between the figures of one sentence: growth rates and ranks (periods: see
:mod:`.period_choice`).

Attaches growth rates to the figure they qualify (or keeps them as their own
``change`` record; "X and Y, up 3% and 5% respectively" pairs them in order) and copies ranks
onto the figure they rank. Each step costs about linear time in the sentence's figures, so
a document that is one huge sentence stays fast.

Non-goals: links across sentences; reading the wording itself (see :mod:`.changes`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import pairwise

from . import metrics
from .changes import TO_TARGET_RE, Change, basis_after, read_change, read_multiplier
from .figure import Figure
from .ranks import topping_scope
from .thresholds import skips_milestone
from .units import CURRENCY_CODES

BRACKET_GAP_RE = re.compile(
    r"^[\s\xa0]*[(（][\s\xa0]*(?:about|around|approximately|approx\.|roughly|nearly|almost|some"
    r"|close[\s\xa0]+to|more[\s\xa0]+than|over|or)?[\s\xa0]*$",
    re.IGNORECASE,
)
_RANK_GAP_RE = re.compile(
    r"^[^;]*,[\s\xa0]*(?:which[\s\xa0]+|and[\s\xa0]+|that[\s\xa0]+)?$|"
    r"^[\s\xa0]*$"
)
# Between a Chinese figure and the clause ranking it: a comma and at most "总量"/"规模", so
# "增长25%，增速居全国第3位" ranks the growth, not the amount before it.
_ZH_RANK_GAP_RE = re.compile(r"^[，,]?[\s\xa0]*(?:总量|规模|总额|总值)?$")
CURRENCIES = CURRENCY_CODES
PERCENTS = ("percent", "percentage point")
# a clause with a subject of its own: its change is not of the figure before
_NEW_SUBJECT_RE = re.compile(
    r"^[\s\xa0]*(?i:while|whereas|but)[\s\xa0]+(?:(?i:that|those|the|its|their|it|they)\b|[A-Z])"
)
# what "grew 4.6 percent to ..." may grow to, besides money
_TARGET_UNITS = frozenset({
    "count", "ton", "TEU", "kilowatt hour", "barrel", "cubic meter", "square meter",
    "square kilometer", "hectare", "mu",
})  # fmt: skip
RESPECTIVELY = "respectively"
RESPECTIVELY_ZH = "分别"  # before its list: "出口、进口分别增长12.1%和8.3%"
# Between the percents of a list: "3.3 percent and 7.8 percent", "5%, down 2%", "12.1%和8.3%"
# (used with match(text, pos, endpos): no "^")
_LIST_JOIN_RE = re.compile(
    r"[\s\xa0]*,?[\s\xa0]*(?:and[\s\xa0]+)?(?:[a-z]+[\s\xa0]+(?:by[\s\xa0]+)?)?$"
    r"|[\s\xa0]*(?:和|与|及|、|，)[\s\xa0]*$"
)
# Between the amounts of a list: "A, B and C" (a bracket closing a conversion before)
_AMOUNT_JOIN_RE = re.compile(r"\)?[\s\xa0]*,?[\s\xa0]*(?:and[\s\xa0]+)?$")
# Between a list's last percent and "respectively" (or "respectively" and the list's first):
# no figure, no clause break, at most a base ("year on year") or a verb ("up").
LIST_GAP_RE = re.compile(r"[^;.；。\d]{0,40}$")


def list_markers(text: str, s_start: int, s_end: int) -> list[tuple[int, int]]:
    """Spans of "respectively" and 分别 in the sentence ``text[s_start:s_end]``, in order."""
    found = []
    for marker in (RESPECTIVELY, RESPECTIVELY_ZH):
        pos = text.find(marker, s_start, s_end)
        while pos != -1:
            found.append((pos, pos + len(marker)))
            pos = text.find(marker, pos + len(marker), s_end)
    return sorted(found)


class Changes:
    """The growth rates of one sentence: ``attached`` to figure indexes, the indexes of the
    percent figures thereby ``consumed``, ``standalone`` changes (by the percent's index), and
    the ``verbs`` of multiplicative changes ("doubled to ...") by figure index. ``multiplied``
    False says the text has no "doubled"; ``markers`` are the sentence's :func:`list_markers`
    if the caller has them."""

    def __init__(
        self,
        text: str,
        figs: list[Figure],
        s_start: int,
        s_end: int,
        multiplied: bool = True,
        markers: list[tuple[int, int]] | None = None,
    ) -> None:
        self.figs = figs
        self.attached: dict[int, Change] = {}
        self.consumed: set[int] = set()
        self.standalone: dict[int, Change] = {}
        self.verbs: dict[int, tuple[int, int]] = {}
        self.listed: dict[int, tuple[int, int, int]] = {}
        """Standalone changes of a "respectively" list by index: (the list's first index, the
        position in it, its length), to pair them with a list of metrics."""
        self._targets_of: dict[int, list[int]] = {}
        """The figures each consumed percent's change was attached to (to undo it)."""
        self._starts: list[int] | None = None
        next_target: list[int | None] = [None] * len(figs)
        upcoming: int | None = None
        for j in range(len(figs) - 1, -1, -1):
            next_target[j] = upcoming
            if figs[j].unit in CURRENCIES or figs[j].unit in _TARGET_UNITS:
                upcoming = j
        for i, fig in enumerate(figs):
            # "增长1.7倍" (grew by 1.7 times) is a change of 170 percent
            if fig.unit in PERCENTS or (fig.unit == "times" and text[fig.end - 1] == "倍"):
                self._read(text, i, s_start, s_end, next_target[i])
        if markers is None:
            markers = list_markers(text, s_start, s_end)
        for pos, marker_end in markers:
            self._respectively(text, pos, marker_end, s_start, s_end)
        if len(figs) >= 4:
            self._implicit_lists(text, s_start, s_end)
        for i, fig in enumerate(figs) if multiplied else ():  # "doubled to ...", if the text may
            if i not in self.attached and not fig.is_rank and fig.unit not in PERCENTS:
                floor = figs[i - 1].end if i > 0 else s_start
                found = read_multiplier(text, floor, fig.start)
                if found is not None:
                    self.attached[i], self.verbs[i] = found[0], found[1:]
        self._consumed_order = sorted(self.consumed)
        self._consumed_starts = [figs[k].start for k in self._consumed_order]

    def _read(self, text: str, i: int, s_start: int, s_end: int, next_target: int | None) -> None:
        figs, attached = self.figs, self.attached
        fig = figs[i]
        floor = s_start
        for j in range(i - 1, -1, -1):
            if not figs[j].is_rank:
                floor = figs[j].end
                break
        change = read_change(text, fig.start, fig.end, fig.value, floor, s_end)
        if change is None:
            return
        if fig.unit == "times":
            change = change._replace(percent=change.percent * 100, targets_next=False)
        if fig.unit == "percentage point":
            self.standalone[i] = change
            return
        target = next_target if change.targets_next else None
        if target is None:
            for j in range(i - 1, -1, -1):
                prev = figs[j]
                if prev.is_rank:
                    continue
                gap = text[prev.end : change.trigger_start]
                clause = gap.rsplit(",", 1)[-1]
                if (
                    prev.unit not in ("percent", "percentage point", "fraction")
                    and ";" not in gap
                    and j not in attached
                    and not change.versus_other
                    # "..., while imports fell 3%" states the change of another quantity
                    and metrics.classify(clause) is None
                    and not _NEW_SUBJECT_RE.match(clause)  # "..., while those to Germany fell"
                ):
                    target = j
                break
        if target is None and change.links_next:
            target = next_target  # "grew 9.1%, amounting to 180 billion yuan"
        if target is not None and target > i and target + 1 < len(figs):
            after = text[figs[target].end : figs[target + 1].start + 1]
            if skips_milestone(after):
                target += 1  # "rose 15.7%, exceeding 2 trillion yuan, reaching 2.08 trillion"
        if target is None or target in attached:
            self.standalone[i] = change
            return
        attached[target] = change
        self.consumed.add(i)
        self._targets_of[i] = [target]
        if target > 0 and BRACKET_GAP_RE.match(text[figs[target - 1].end : figs[target].start]):
            attached[target - 1] = change
            self._targets_of[i].append(target - 1)

    def _respectively(self, text: str, pos: int, marker_end: int, s_start: int, s_end: int) -> None:
        """ "630 million tonnes and 25.67 million TEUs, up 3.3 percent and 7.8 percent
        respectively": the N changes of a list of percents next to "respectively" (at ``pos``)
        qualify the N figures before the list, in order; with no figure before the list they
        are N standalone changes ("exports and imports grew 8% and 2% respectively")."""
        run = self._percent_list(text, pos, marker_end)
        if run is None:
            return
        changes = self._list_changes(text, run, s_start, s_end)
        if changes is None:
            return
        targets = self._list_targets(text, run[0], len(run))
        if targets is None:
            return
        undone = {t for k in run for t in self._targets_of.get(k, ())}
        if any(t in self.attached and t not in undone for t in targets):
            return  # a figure with a change of its own ("grew 5% to ...")
        for k, change in zip(run, changes, strict=True):
            for t in self._targets_of.pop(k, ()):
                del self.attached[t]  # undo what the one-by-one reading attached
            self.standalone.pop(k, None)
            self.consumed.discard(k)
            if not targets:
                self.standalone[k] = change
                self.listed[k] = (run[0], k - run[0], len(run))
        for t, k, change in zip(targets, run, changes, strict=False):
            self.attached[t] = change
            self.consumed.add(k)
            self._targets_of[k] = [t]
            # a bracketed conversion right after the target restates it
            if t + 1 < len(self.figs) and BRACKET_GAP_RE.match(
                text[self.figs[t].end : self.figs[t + 1].start]
            ):
                self.attached[t + 1] = change
                self._targets_of[k].append(t + 1)

    def _implicit_lists(self, text: str, s_start: int, s_end: int) -> None:
        """ "hit 63 billion yuan, 58.7 billion yuan and 55.5 billion yuan, up 24.5 percent,
        33.6 percent and 32.3 percent": a list of N rates right after a list of N amounts
        pairs them in order, as if "respectively" followed."""
        figs, i = self.figs, 0
        while i < len(figs):
            j = i
            while (
                figs[j].unit == "percent"
                and j + 1 < len(figs)
                and figs[j + 1].unit == "percent"
                and _LIST_JOIN_RE.match(text, figs[j].end, figs[j + 1].start)
            ):
                j += 1
            if j > i and not any(k in self.listed for k in range(i, j + 1)):
                targets = self._list_targets(text, i, j - i + 1)
                if targets and self._listed_amounts(text, targets):
                    self._respectively(text, figs[j].end, figs[j].end, s_start, s_end)
                elif TO_TARGET_RE.match(text, figs[j].end, s_end):
                    self._to_list(text, list(range(i, j + 1)), s_start, s_end)
            i = j + 1

    def _to_list(self, text: str, run: list[int], s_start: int, s_end: int) -> None:
        """ "grew by 9.6 percent and 12.7 percent year-on-year to 2.27 trillion yuan and
        785.73 billion yuan": the N rates of ``run``, followed by "to", pair in order with the
        list of N amounts after it."""
        figs, n, last = self.figs, len(run), run[-1]
        targets = list(range(last + 1, last + 1 + n))
        if targets[-1] >= len(figs) or not self._listed_amounts(text, targets):
            return
        changes = self._list_changes(text, run, s_start, s_end)
        if changes is None or any(t in self.attached for t in targets):
            return
        for k, t, change in zip(run, targets, changes, strict=True):
            for old in self._targets_of.pop(k, ()):
                del self.attached[old]
            self.standalone.pop(k, None)
            self.attached[t] = change
            self.consumed.add(k)
            self._targets_of[k] = [t]

    def _listed_amounts(self, text: str, targets: list[int]) -> bool:
        """Whether the ``targets`` are one list ("A, B and C"; bracketed conversions
        between them allowed) of amounts in one unit."""
        figs = self.figs
        if len({figs[t].unit for t in targets}) != 1:
            return False
        for a, b in pairwise(targets):
            end = figs[b - 1].end if b - 1 > a else figs[a].end
            if not _AMOUNT_JOIN_RE.match(text, end, figs[b].start):
                return False
        return True

    def _percent_list(self, text: str, pos: int, marker_end: int) -> list[int] | None:
        """Indexes of the two or more percents listed right before the list marker at ``pos``
        or right after it (it ends at ``marker_end``)."""
        figs = self.figs
        if self._starts is None:  # once per sentence: linear even in one huge sentence
            self._starts = [f.start for f in figs]
        n = bisect_left(self._starts, pos)
        last: int | None = None
        if (
            n > 0
            and figs[n - 1].unit == "percent"
            and LIST_GAP_RE.match(text, figs[n - 1].end, pos)
        ):
            last = n - 1
        elif (
            n < len(figs)
            and figs[n].unit == "percent"
            and LIST_GAP_RE.match(text, marker_end, figs[n].start)
        ):
            last = n
            while (
                last + 1 < len(figs)
                and figs[last + 1].unit == "percent"
                and (_LIST_JOIN_RE.match(text, figs[last].end, figs[last + 1].start))
            ):
                last += 1
        if last is None:
            return None
        first = last
        while (
            first > 0
            and figs[first - 1].unit == "percent"
            and (_LIST_JOIN_RE.match(text, figs[first - 1].end, figs[first].start))
        ):
            first -= 1
        return list(range(first, last + 1)) if last > first else None

    def _list_changes(
        self, text: str, run: list[int], s_start: int, s_end: int
    ) -> list[Change] | None:
        """The change each listed percent states: its own wording ("and down 2%"), else the
        sign and base of the one before ("up 3% and 5%"); None if the first is no change."""
        figs = self.figs
        floor = s_start
        for j in range(run[0] - 1, -1, -1):
            if not figs[j].is_rank:
                floor = figs[j].end
                break
        out: list[Change] = []
        for k in run:
            fig = figs[k]
            own = read_change(text, fig.start, fig.end, fig.value, floor, s_end)
            if own is None:
                if not out:
                    return None
                sign = -1.0 if out[-1].percent < 0 else 1.0
                own = Change(sign * fig.value, out[-1].basis, fig.start, fig.end, False)
            out.append(own)
            floor = fig.end
        # "up 3% and 5% year on year respectively": a base after the list is that of all
        stated = basis_after(text, figs[run[-1]].end, s_end)
        shared = (
            stated[0] if stated else next((c.basis for c in out if c.basis != "unstated"), None)
        )
        if shared is not None:
            out = [c._replace(basis=shared) if c.basis == "unstated" else c for c in out]
        return out

    def _list_targets(self, text: str, first: int, n: int) -> list[int] | None:
        """The ``n`` figures before the list starting at ``first`` (bracketed conversions
        skipped), or [] when there is none; None when there are some, but fewer than ``n``."""
        figs = self.figs
        found: list[int] = []
        end = figs[first].start
        for t in range(first - 1, -1, -1):
            fig = figs[t]
            if fig.is_rank:
                continue
            if fig.unit in PERCENTS or fig.unit == "fraction" or ";" in text[fig.end : end]:
                break
            end = fig.start
            if t > 0 and BRACKET_GAP_RE.match(text[figs[t - 1].end : fig.start]):
                continue  # "(US$1.2 billion)" restates the figure before it
            found.append(t)
            if len(found) == n:
                return found[::-1]
        return [] if not found else None

    def quote_of(self, change: Change) -> Figure | None:
        """The consumed percent figure that states ``change``."""
        n = bisect_left(self._consumed_starts, change.trigger_start)
        for k in self._consumed_order[n:]:
            fig = self.figs[k]
            if fig.start > change.end:
                break
            if fig.end <= change.end:
                return fig
        return None


def assign_ranks(
    text: str, figs: list[Figure], s_start: int, s_end: int, topped: bool = True
) -> None:
    """Copy a rank onto the figure it ranks ("X yuan, ranking No. 2 ..." / "topping ...");
    ``topped`` False says the text holds no "top" (no "topping the other districts")."""
    for i, fig in enumerate(figs):
        if not fig.is_rank:
            continue
        if fig.rank_verb is not None:  # Chinese: "2815亿元，居全国第18位"
            _rank_previous(text, figs, i, fig.rank_verb, fig.rank, fig.rank_scope, _ZH_RANK_GAP_RE)
            continue
        verb_start = text.rfind(" ", s_start, fig.start - 1) + 1
        if text[verb_start : fig.start].rstrip().endswith((",", ";")):
            verb_start = fig.start  # a verbless rank after a comma: ", No. 1 among ..."
        if not _rank_previous(text, figs, i, max(s_start, verb_start), fig.rank, fig.rank_scope):
            _rank_next(text, figs, i)
    top = topping_scope(text, s_start, s_end) if topped else None
    if top is not None:
        idx = sum(1 for f in figs if f.start < top[0])
        _rank_previous(text, figs, idx, top[0], 1, top[1])


_RANK_WALK = 6  # figures looked back over for the one a rank ranks
# "ranked fifth in China with 5.9 trillion yuan", "China's fifth-largest economy, with a GDP
# of 5.9 trillion yuan": the figure that earned the rank follows it
_RANK_WITH_GAP_RE = re.compile(
    r"^[^.;:]{0,50}?\bwith[\s\xa0]+(?:(?:an?|the|its|their|a\s+total\s+of)[\s\xa0]+)?"
    r"(?:(?:[a-z][\w-]*|[A-Z]{2,})[\s\xa0]+){0,5}$"  # "with a GDP of", not "with Jiangsu ..."
)


def _rank_next(text: str, figs: list[Figure], idx: int) -> None:
    rank = figs[idx]
    for k in range(idx + 1, min(len(figs), idx + 4)):
        nxt = figs[k]
        if nxt.is_rank or nxt.unit in PERCENTS or nxt.duration:
            continue
        if nxt.rank is None and _RANK_WITH_GAP_RE.match(text[rank.end : nxt.start]):
            nxt.rank, nxt.rank_scope = rank.rank, rank.rank_scope
        return


def _rank_previous(
    text: str,
    figs: list[Figure],
    idx: int,
    verb_start: int,
    rank: int | None,
    scope: str | None,
    gap_re: re.Pattern[str] = _RANK_GAP_RE,
) -> bool:
    """Copy the rank onto the figure(s) just before ``verb_start``; whether any took it. The
    walk back is bounded: a sentence of thousands of figures stays linear."""
    for j in range(idx - 1, max(-1, idx - 1 - _RANK_WALK), -1):
        prev = figs[j]
        if prev.is_rank or prev.unit in PERCENTS or prev.duration:
            continue
        if not gap_re.match(text[prev.end : verb_start]):
            return False
        for k in range(j, max(-1, j - _RANK_WALK), -1):
            other = figs[k]
            if other.is_rank or other.unit in PERCENTS or other.duration:
                continue
            if k == j or BRACKET_GAP_RE.match(text[other.end : figs[k + 1].start]):
                other.rank, other.rank_scope = rank, scope
            else:
                break
        return True
    return False
