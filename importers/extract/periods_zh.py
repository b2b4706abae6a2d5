"""Chinese period wording, normalized exactly like the English periods of :mod:`.periods`.

"2021年一季度" -> "2021-01/2021-03", "前三季度" -> "XXXX-01/XXXX-09", "上半年" -> "XXXX-01/XXXX-06",
"1-5月" / "1至5月" / "前5个月" -> "XXXX-01/XXXX-05", "5月" -> "XXXX-05", "2016-2020年" and
"“十三五”期间" -> "2016/2020", "全年" / "年末" -> the year; "今年" / "去年" / "上年" are resolved
against the reference year (the publication year), also in front of the rest ("去年上半年").
A year the text does not give stays ``XXXX`` here: :func:`.periods.find_periods` fills it from
the sentence's year or the publication date, as it does for English. "以来" / "目前" /
"过去五年" are no period (None), like "since" / "so far" / "over the past five years".

The year after 比 / 较 / 与 ("比去年同期增长", "较上年") is the base of a change, not the period
of the figure, and is not returned; nor is "去年同期" on its own (its months are those of another
period in the text, which this module cannot know).

Non-goals: relative months (上月, 本月), quarter ends as their own periods (一季度末 is the
quarter), "当年" / "同年" (they refer to a year named in another sentence).
"""

from __future__ import annotations

import re

from .cjk import numeral_value

ZhPeriod = tuple[int, int, str | None, str]
"""start, end, normalized value (None: "so far") and the wording, as in ``periods.Period``."""

_YEAR = r"(?:19[5-9]\d|20\d\d)"
_DASH = r"[\s\xa0]*[-–—~～－至到][\s\xa0]*"
_MONTH_NUM = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二两三四五六七八九])"
_NOT_AFTER_NUMERAL = r"(?<![\d.零〇一二两三四五六七八九十百千])"
# Words before a quarter that make it no period of the figure: 每一季度 (every quarter), 上一季度
# (the previous one), 同一季度, 单一季度, 统一季度 ...
_NOT_A_QUARTER = r"(?<![每同单统唯某上下这那任逐])"

ZH_PERIOD_RE = re.compile(
    rf"""
    (?=[\d“"「一二两三四五六七八九十第前上下今去明本全年截目迄当过過近Qq])
    (?:(?P<fyp>[“"「]?{_NOT_AFTER_NUMERAL}(?P<fn>十[一二三四五六七八九]?|[三四五六七八九])五
        [”"」]?(?:规划)?(?:期间|时期))
  | (?P<yrange>(?<!\d)(?P<y1>{_YEAR})年?{_DASH}(?P<y2>{_YEAR})年(?:期间)?)
  | (?P<now>截至目前|截止目前|目前|迄今|当前
      |(?:[过過]去|近)(?:[一二两三四五六七八九十]|\d{{1,2}})[个個]?年)
  | (?:(?P<pre>(?<!\d)(?P<y>{_YEAR})年度?|(?P<rel>今年|(?<![过過])去年|明年|上年|本年|前年)度?)的?)?
    (?:(?P<qrange>(?P<q1>[一二三1-3])(?:季度)?{_DASH}(?P<q2>[二三四2-4])季度)
      | (?P<quarters>前(?P<qs>[两二三2-3])[个個]?季度)
      | (?P<quarter>{_NOT_A_QUARTER}第?(?P<q>[一二三四1-4])季度
          |(?<![A-Za-z])[Qq](?P<qd>[1-4])(?!\d))
      | (?P<halfy>(?P<h>[上下])半年)
      | (?P<mrange>{_NOT_AFTER_NUMERAL}(?P<m1>{_MONTH_NUM})(?:月份?)?{_DASH}
          (?P<m2>{_MONTH_NUM})月份?)
      | (?P<firstn>前(?P<n>{_MONTH_NUM})[个個]月)
      | (?P<month>{_NOT_AFTER_NUMERAL}(?P<m>{_MONTH_NUM})月份?)
      | (?P<whole>全年度?|年末|年底)
    )?
    (?P<since>以[来來]|至今)?)
    """,
    re.VERBOSE,
)
_BODIES = ("qrange", "quarters", "quarter", "halfy", "mrange", "firstn", "month", "whole")
# 比上年, 较2020年, 与去年同期相比, 同2019年相比, 高于/快于去年: the compared period
_MULTIPLE_OF_RE = re.compile(r"(?:同期)?的?[\s\xa0]*[\d.零〇一二两三四五六七八九十]+[\s\xa0]*倍")
_COMPARED_RE = re.compile(r"(?:比|较|(?<!参)与|同|[高低快慢好多少]于)[\s\xa0]*$")
_SAME_PERIOD_AFTER_RE = re.compile(r"[\s\xa0]*同期")
_REL_YEARS: dict[str, int] = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "明年": 1, "前年": -2}
_FIRST_PLAN_YEAR = 1966
"""First year of the 3rd Five-Year Plan; from it on every plan is five calendar years."""


def _number(raw: str) -> int:
    return int(raw) if raw.isdigit() else numeral_value(raw) or 0


def _span(year: str, m1: int, m2: int) -> str:
    return f"{year}-{m1:02d}/{year}-{m2:02d}"


def _year(m: re.Match[str], ref_year: int | None) -> str:
    """The year given before the period ("2021年", "去年"), else ``XXXX`` (filled later)."""
    if m.group("y"):
        return m.group("y")
    if m.group("rel"):
        return "XXXX" if ref_year is None else str(ref_year + _REL_YEARS[m.group("rel")])
    return "XXXX"


def _value(m: re.Match[str], ref_year: int | None) -> str | None:
    """The normalized period of a match with a year prefix and/or a period body; ``""`` when
    the wording is no period (an impossible month, a plan before the 3rd)."""
    if m.group("fyp"):
        n = numeral_value(m.group("fn")) or 0
        if n < 3:
            return ""
        first = _FIRST_PLAN_YEAR + 5 * (n - 3)
        return f"{first}/{first + 4}"
    if m.group("yrange"):
        y1, y2 = m.group("y1"), m.group("y2")
        return f"{y1}/{y2}" if y1 < y2 else ""
    if m.group("now") or m.group("since"):
        return None
    year = _year(m, ref_year)
    if m.group("qrange"):
        q1, q2 = _number(m.group("q1")), _number(m.group("q2"))
        return _span(year, 3 * q1 - 2, 3 * q2) if q1 < q2 else ""
    if m.group("quarters"):
        return _span(year, 1, 3 * _number(m.group("qs")))
    if m.group("quarter"):
        q = _number(m.group("q") or m.group("qd"))
        return _span(year, 3 * q - 2, 3 * q)
    if m.group("halfy"):
        return _span(year, 1, 6) if m.group("h") == "上" else _span(year, 7, 12)
    if m.group("mrange"):
        m1, m2 = _number(m.group("m1")), _number(m.group("m2"))
        return _span(year, m1, m2) if 1 <= m1 < m2 <= 12 else ""
    if m.group("firstn"):
        n = _number(m.group("n"))
        return _span(year, 1, n) if 1 <= n <= 12 else ""
    if m.group("month"):
        month = _number(m.group("m"))
        return f"{year}-{month:02d}" if 1 <= month <= 12 else ""
    return year  # "2021年", "去年", "全年", "年末" (a stock at the year's end)


def multiple_base(text: str, start: int, end: int, limit: int) -> bool:
    """Whether the period ``text[start:end]`` is the base of a multiple: "是2019年的3倍"."""
    if text[start - 1 : start] != "是":
        return False
    if text[end : end + 1] == "年":
        end += 1
    return _MULTIPLE_OF_RE.match(text, end, limit) is not None


def find_periods_zh(text: str, start: int, end: int, ref_year: int | None) -> list[ZhPeriod]:
    """Chinese period expressions in ``text[start:end]`` (a sentence), in order."""
    found: list[ZhPeriod] = []
    for m in ZH_PERIOD_RE.finditer(text, start, end):
        bare_year = m.group("pre") and not any(m.group(body) for body in _BODIES)
        if not (bare_year or m.group("fyp") or m.group("yrange") or m.group("now")) and not (
            any(m.group(body) for body in _BODIES)
        ):
            continue  # an empty match, or 以来 / 的 without a period before it
        if _COMPARED_RE.search(text, max(start, m.start() - 3), m.start()):
            continue  # the base of a change ("比去年同期增长"), not the figure's period
        if multiple_base(text, m.start(), m.end(), end):
            continue  # "是2019年的3倍": the base of a multiple
        if bare_year and not m.group("since") and _SAME_PERIOD_AFTER_RE.match(text, m.end(), end):
            continue  # "去年同期": the same months of another year, not known here
        value = _value(m, ref_year)
        if value != "":
            found.append((m.start(), m.end(), value, m.group(0)))
    return found
