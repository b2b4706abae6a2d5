"""The counted noun of a Chinese count: "进出口实绩企业2.3万家" counts 进出口实绩企业.

A Chinese count is written noun + number + measure word (家, 个, 人 ...); the measure word says
almost nothing, so the metric is the noun phrase before the number, without the place, the
period and the verbs around it (新增, 共有, 达). Called only for non-ASCII clauses.

Non-goals: word segmentation; nouns written after the number ("1500家市场主体" keeps its noun
through :mod:`.units`).
"""

from __future__ import annotations

import re

from factscope.importers.lexicon.common import IDEOGRAPH_RANGES

# the phrase starts after the last clause punctuation
_CLAUSE_CUT_RE = re.compile(r"^.*[，。；、：:,;（）()“”\"]", re.DOTALL)
# what leads the noun phrase: places as 全省 or 本市, periods, and verbs of having or adding
_COMPARED = r"(?:比|较|与)(?:上年末|上年同期|上年|去年同期|去年|年初|上月)"  # "比上年末增加1万人"
_LEAD_RE = re.compile(
    r"^(?:全[省市区县]|本[省市区县]|我[省市区县]|"
    r"(?:截至|截止)?(?:\d{4}年)?(?:\d{1,2}(?:[-—至]\d{1,2})?月)?(?:底|末|以来)?|"
    r"今年|去年|上年|全年|上半年|下半年|前?[一二三四]季度|以来|目前|其中|"
    rf"{_COMPARED}|"
    r"新增|增加|新设立?|新引进|引进|累计|共有|拥有|现有|已有|共|有|达到|达)+"
)
# what trails it: verbs and qualifiers before the number, and count words (企业数量 → 企业)
_TRAIL_RE = re.compile(
    r"(?:总数|数量|个数|总量|数|已|共计|共|累计|合计|达到|达|为|是|有|超过|突破|逾|超|近|约|增至|增加|新增|"
    rf"{_COMPARED})+$"
)
_NOUN_RE = re.compile(rf"[{IDEOGRAPH_RANGES}A-Za-z]{{2,16}}")


def count_noun(before: str) -> str | None:
    """The noun phrase a Chinese count counts, from the clause before its number, or None."""
    clause = _CLAUSE_CUT_RE.sub("", before[-40:]).strip()
    prev = None
    while clause != prev:  # leads and trails can nest: "2022年全市共有" / "达到约"
        prev = clause
        clause = _TRAIL_RE.sub("", _LEAD_RE.sub("", clause)).strip()
    return clause if _NOUN_RE.fullmatch(clause) else None
