"""Chinese words of the extractor: scale words, qualifiers, growth verbs and measure words.

Traditional forms stand beside the simplified ones where releases from Hong Kong and Taiwan
write them (增長, 減少); the extractor reads the rest of a traditional text through
``importers/extract/traditional.py``. Lists are in the order their patterns try the words.
"""

from __future__ import annotations

SCALE_WORDS: dict[str, float] = {"万": 1e4, "亿": 1e8, "万亿": 1e12, "千": 1e3, "百万": 1e6}
"""Scale characters after a numeral → the factor ("305亿元", "1.2万亿")."""

NUMERAL_SCALES: tuple[str, ...] = ("万亿", "亿", "万")
"""The scales read after a numeral written in characters ("两亿元", "三万"); 千 and 百 are
digits of such a numeral (三千五百)."""

QUALIFIERS_BEFORE: dict[str, str] = {
    "大约": "~", "约为": "~", "约": "~", "将近": "~", "接近": "~", "近": "~",
    "超过": ">", "突破": ">", "超": ">", "逾": ">", "多达": ">", "破": ">",
    "至少": ">=", "不低于": ">=", "不少于": ">=",
    "不到": "<", "不足": "<", "低于": "<", "少于": "<",
}  # fmt: skip
"""Words right before a figure → the qualifier it states ("超过5000亿元" is ``>``)."""

QUALIFIER_NOT_AFTER: dict[str, str] = {"约": "节制合签预公", "近": "最附", "破": "打"}
"""Characters before a one-character qualifier that make it part of another word (节约,
最近, 打破): no qualifier then."""

QUALIFIERS_AFTER: dict[str, str] = {"以上": ">", "左右": "~", "以内": "<=", "以下": "<="}
"""Words right after a figure → the qualifier it states ("5000亿元以上" is ``>``)."""

QUALIFIERS_IN_GROWTH: tuple[str, ...] = (
    "约", "近", "逾", "超过", "超", "接近", "将近", "不到", "不足",
)  # fmt: skip
"""The qualifiers news puts between a growth verb and its percent ("增长逾10%")."""

GROWTH_VERBS_UP: tuple[str, ...] = (
    "增长", "增長", "上升", "提高", "增加", "上涨", "上漲", "攀升", "提升",
)  # fmt: skip
"""Verbs before a percent that state a rise ("同比增长5%")."""

GROWTH_VERBS_DOWN: tuple[str, ...] = (
    "下降", "减少", "減少", "下滑", "回落", "降低", "缩减", "縮減", "缩減", "縮减", "萎缩", "萎縮",
)  # fmt: skip
"""Verbs before a percent that state a fall ("下降3.2%")."""

COUNT_MEASURE_WORDS: tuple[str, ...] = ("家", "项", "座", "所", "台", "辆", "艘", "名", "人", "户")
"""One-character measure words that count things: 家 (companies), 项 (projects), 座 ... ("三家");
个 counts too, unless a span of time follows it ("两个月")."""

DURATION_LEADS: tuple[str, ...] = ("连续", "持续", "历时", "长达", "用时", "耗时", "仅用")
"""Words before a span of time counted as a figure ("连续7年", "历时3天")."""

DURATION_UNITS: dict[str, str] = {
    "年": "year",
    "个月": "month",
    "天": "day",
    "周": "week",
    "小时": "hour",
}
"""Measure words of a counted span of time → its unit."""
