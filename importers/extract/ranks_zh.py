"""Chinese ranks: "居全国第3位", "位居全国第二", "排名全国第5", "全国第二大", "居全国首位".

A rank needs a ranking verb or a scope before 第 so that ordinals that rank nothing ("第二产业",
"第三季度", "第十四个五年规划") stay out. The quote is the ordinal ("第3", "首位"); the scope is
kept as written ("全国"). ``verb_start`` tells :func:`.attach.assign_ranks` where the ranking
clause begins, so the rank goes to the figure right before it ("2815亿元，居全国第18位") and not
to one a growth rate stands between ("增长25%，增速居全国第3位").

Non-goals: ranges of ranks ("前十"), vague positions ("前列"), ranks after the counted noun
("第3名的城市").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from factscope.importers.lexicon.common import IDEOGRAPH

from .cjk import numeral_value

_VERB = r"位居|位列|名列|居于|排名|排在|排位|排|居|列"
# a named group of places ("西部省份", "东北城市中"); no 在/是/的 inside, so the subject
# before "在" stays out of the scope
_SCOPE = (
    r"全国|全省|全市|全区|全球|世界|"
    rf"(?:(?![在是的]){IDEOGRAPH}){{1,6}}?(?:省份|省区市|城市|地区|省市)中?"
)
RANK_ZH_RE = re.compile(
    rf"(?P<verb>{_VERB})?(?:在)?(?P<scope>{_SCOPE})?(?:(?P<verb2>{_VERB}))?"
    r"(?P<ord>第(?P<n>\d{1,3}|[一二三四五六七八九十]{1,3})|首位)"
    # not "第二产业", "第三季度", "第二批", "第十四个", "第5次"
    r"(?![产季批个次届轮期阶条号章款项部年月日天周\d一二三四五六七八九十])"
)


class RankZh(NamedTuple):
    start: int
    end: int
    value: int
    scope: str | None
    verb_start: int


def ranks_zh(text: str, s_start: int, s_end: int) -> list[RankZh]:
    """Chinese rank expressions in ``text[s_start:s_end]``."""
    out: list[RankZh] = []
    if text.find("第", s_start, s_end) == -1 and text.find("首位", s_start, s_end) == -1:
        return out
    for m in RANK_ZH_RE.finditer(text, s_start, s_end):
        if not (m.group("verb") or m.group("verb2") or m.group("scope")):
            continue
        raw = m.group("n")
        value = 1 if raw is None else int(raw) if raw.isdigit() else numeral_value(raw)
        if not value:
            continue
        verb_start = m.start()
        out.append(RankZh(m.start("ord"), m.end("ord"), value, m.group("scope"), verb_start))
    return out
