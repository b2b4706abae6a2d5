"""HTML reader: main text without navigation, footers, share bars or scripts; title and date.

The pages are written here to mimic real government press releases and news pages.
"""

from __future__ import annotations

import html as html_lib
import time
from collections import Counter

import pytest

from factscope.importers.formats.html import MAX_DEPTH, read_html
from factscope.importers.readers import ReadContext, ReadError
from factscope.importers.registry import read_input
from tests.conftest import SEEDS, requires_shared

NAV = """<div id="nav" class="nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News
Center</a></li><li><a href="/open">Open Governance</a></li><li><a href="/zh">
中文版</a></li></ul></div>
<div class="crumb">Home &gt; <a href="/open">Open Governance</a> &gt; News</div>"""
FOOTER = """<div class="footer"><p><a href="/about">About Us</a> |
<a href="/contact">Contact Us</a></p>
<p>Hosted by: The People's Government of Example Province</p>
<p>Copyright © 2021 All Rights Reserved. ICP No. 05003300</p></div>"""
SCRIPTS = """<script>var _hmt = _hmt || []; document.write("tracking code");</script>
<style>.nav li { float: left }</style>"""
SHARE = """<div class="share">Share to: <a href="#">WeChat</a> <a href="#">Weibo</a></div>
<div class="related"><h3>Related News</h3><ul><li><a href="/a">Province signs 12 investment
projects worth 30 billion yuan</a></li><li><a href="/b">
Trade grows 9.2 percent</a></li></ul></div>"""
BOILERPLATE = ["Home", "Hosted by", "ICP", "Copyright", "Share to", "WeChat", "Related News",
               "30 billion", "tracking", "float", "中文版", "Contact Us"]  # fmt: skip


def press_release(paragraphs: list[str], *, title: str, meta: str = "") -> str:
    body = "".join(f"<p>&nbsp;&nbsp;{html_lib.escape(p)}</p>\n" for p in paragraphs)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>{title} - Example Province Government</title>{meta}{SCRIPTS}</head><body>{NAV}
<div class="content"><h1>{title}</h1>
<div class="info">Source: Department of Commerce  Font size:
<a href="#">L</a> <a href="#">S</a></div>
<div id="zoom" class="TRS_Editor">{body}</div>{SHARE}</div>{FOOTER}</body></html>"""


PARAGRAPHS = [
    "In 2020, the number of foreign trade bases in the province reached 28, up 6 from 2019.",
    "The bases gathered 3,800 enterprises and 676.08 billion yuan in trade, 84% of the total.",
    "Exports of agricultural products rose 12.4 percent year on year to 18.6 billion yuan.",
]


def _read(page: str | bytes, name: str = "page.html") -> tuple[str, str, str | None]:
    data = page.encode() if isinstance(page, str) else page
    [doc] = list(read_html(data, ReadContext(name, f"/abs/{name}")))
    assert not isinstance(doc, ReadError)
    return doc.text, doc.title, str(doc.published) if doc.published else None


def test_press_release_main_text_title_and_date() -> None:
    meta = '<meta name="PubDate" content="2021-03-15 09:30">'
    text, title, date = _read(
        press_release(PARAGRAPHS, title="Foreign Trade Bases Reach 28", meta=meta)
    )
    assert title == "Foreign Trade Bases Reach 28"
    assert date == "2021-03-15"
    assert text == "\n\n".join(["Foreign Trade Bases Reach 28", *PARAGRAPHS])
    assert not [b for b in BOILERPLATE if b in text]


def test_news_page_og_title_published_time_and_article() -> None:
    page = f"""<!doctype html><html lang="en"><head><title>Trade up | Example Daily</title>
<meta property="og:title" content="Songjiang's trade up 13.1% in 2020">
<meta property="article:published_time" content="2021-01-26T08:15:00+08:00">{SCRIPTS}</head>
<body><header class="site-header"><nav><a href="/world">World</a> <a href="/biz">Business</a></nav>
</header>
<main><article><h1>Songjiang's trade up 13.1% in 2020</h1>
<div class="social-share"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
<div class="article-body"><p>{PARAGRAPHS[0]}</p><div class="ad-slot">Advertisement</div>
<p>{PARAGRAPHS[1]}<br>Second line of the same paragraph.</p></div></article>
<aside><h3>Most Popular</h3><ol><li><a href="/1">Stocks rally as exports surge</a></li></ol></aside>
</main><footer>Copyright 1995 - 2021. All rights reserved.</footer></body></html>"""
    text, title, date = _read(page)
    assert (title, date) == ("Songjiang's trade up 13.1% in 2020", "2021-01-26")
    assert f"{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]}\nSecond line of the same paragraph." in text
    for junk in ("World", "Facebook", "Advertisement", "Most Popular", "Stocks", "Copyright"):
        assert junk not in text


def test_time_element_and_br_paragraphs_in_a_layout_table() -> None:
    page = f"""<html><head><title>Industrial output | Bureau</title></head><body>
<table><tr><td class="topnav"><a href="/">Home</a> | <a href="/d">Data</a></td></tr></table>
<table><tr><td><ul><li><a href="/x">Bulletins</a></li><li><a href="/y">Releases</a></li></ul></td>
<td><b>Industrial output</b> <time datetime="2022-07-18">July 18</time>
<br><br>{PARAGRAPHS[0]}<br><br>
{PARAGRAPHS[2]}<br></td></tr></table>
<table><tr><td>Hosted by: Municipal Bureau of Statistics  ICP No. 12345678-1</td></tr></table>
</body></html>"""
    text, title, date = _read(page)
    assert (title, date) == ("Industrial output", "2022-07-18")
    assert f"{PARAGRAPHS[0]}\n\n{PARAGRAPHS[2]}" in text
    assert not [b for b in ("Bulletins", "Hosted", "Data") if b in text]


def test_gb18030_page_with_declared_charset() -> None:
    paragraphs = [
        "2020年，全市地区生产总值达到1.2万亿元，同比增长3.6%。",
        "全年进出口总额3055.7亿元，比上年增长13.1%。",
    ]
    page = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>2020年全市经济运行情况_政务公开_示例市人民政府</title></head><body>
<div class="menu"><a href="/">首页</a> <a href="/zw">政务公开</a></div>
<div class="TRS_Editor">{"".join(f"<p>{p}</p>" for p in paragraphs)}</div>
<div class="foot">主办单位：示例市人民政府办公厅 京ICP备05070218号</div></body></html>"""
    text, title, date = _read(page.encode("gb18030"))
    assert title == "2020年全市经济运行情况"
    assert "\n\n".join(paragraphs) in text
    assert "首页" not in text and "主办" not in text
    assert date is None


def test_html_without_suffix_is_sniffed_and_text_files_are_not() -> None:
    page = press_release(PARAGRAPHS, title="Sniffed page").encode()
    [doc] = list(read_input(page, "", ReadContext("download", "/abs/download")))
    assert not isinstance(doc, ReadError) and doc.title == "Sniffed page"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"<html><head><script>x()</script></head><body><nav>Home</nav></body></html>", "no text"),
    ],
)
def test_empty_pages_fail_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(ReadError, match=reason):
        list(read_html(data, ReadContext("bad.html", "bad")))


def test_deep_nesting_is_refused_quickly() -> None:
    page = b"<html><body>" + b"<div>" * (MAX_DEPTH + 10) + b"text" + b"</div>" * (MAX_DEPTH + 10)
    started = time.monotonic()
    with pytest.raises(ReadError, match="nested too deeply"):
        list(read_html(page, ReadContext("deep.html", "deep")))
    assert time.monotonic() - started < 30  # generous: refusing must not parse


@requires_shared
@pytest.mark.parametrize(
    "seed", sorted(p.name for p in SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
)
def test_seed_facts_survive_an_html_round_trip(seed: str) -> None:
    from factscope.importers.extract import extract_facts

    text = (SEEDS / seed).read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    page = press_release(paragraphs[1:], title=paragraphs[0])
    imported, _, _ = _read(page, seed.replace(".txt", ".html"))

    def facts(t: str) -> Counter[tuple[float, str | None]]:
        return Counter((f.value, f.unit) for f in extract_facts(t))

    assert facts(imported) == facts("\n\n".join(paragraphs))
    assert facts(imported)
