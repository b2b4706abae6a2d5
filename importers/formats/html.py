"""HTML pages: the main text (no menus, footers, share bars or scripts), title and date.

selectolax (lexbor) parses; a readability-style heuristic picks the main block: every text
paragraph scores its container by length and commas, the best-scoring container (penalized
by link density) wins, and link-dominated or boilerplate paragraphs inside it ("Hosted by ...
ICP No. ...", "Share to:", "【打印】") are dropped. Paragraphs are separated by a blank line,
``<br>`` becomes a newline and data-table rows become ``cell | cell`` lines. The title comes
from og:title / ArticleTitle / ``<h1>`` / ``<title>``, the date from meta tags, ``<time>`` or
JSON-LD, else from the text.

Non-goals: running JavaScript, fetching URLs, comments sections, multi-page articles, and
pages whose text only exists in images.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from factscope.db.models import RawDocument
from factscope.importers.dates import find_published
from factscope.importers.lexicon.common import IDEOGRAPH_RE
from factscope.importers.readers import (
    ReadContext,
    ReadError,
    decode,
    document_from_text,
)

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser, LexborNode

MAX_DEPTH = 5000
"""Deeper tag nesting is refused: lexbor's parse time grows with the square of the depth."""

_DROP_TAGS = (
    "script, style, noscript, template, svg, iframe, form, button, select, textarea, nav, "
    "aside, footer, object, embed, canvas, map, dialog, head"
)
_KEEP_TAGS = {"html", "body", "article", "main"}
_BOILER_WORDS = {
    "nav", "navbar", "navigation", "menu", "topnav", "subnav", "topbar", "breadcrumb",
    "breadcrumbs", "crumb", "crumbs", "position", "location", "footer", "foot", "bottom",
    "copyright", "share", "sharing", "social", "related", "recommend", "popular", "hot",
    "sidebar", "comment", "comments", "advert", "advertisement", "ad", "ads", "banner",
    "cookie", "cookies", "subscribe", "newsletter", "print", "toolbar", "pagination", "pager",
    "login", "search", "header", "masthead", "dy", "fx", "bdsharebuttonbox",
}  # fmt: skip
_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "caption", "center", "dd", "details", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "tfoot", "thead", "ul", "body", "html", "tr",
}  # fmt: skip
_PARAGRAPH_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd"}
_BOILER_LINE = re.compile(
    r"^\W*(hosted by|sponsored by|organi[sz]ed by|technical support|copyright|©|all rights "
    r"reserved|share( to| this)?\b|print\b|close\b|editor:|source:.*font|主办|承办|协办|版权所有|"
    r"网站标识码|技术支持|分享到|打印|关闭|责任编辑|当前位置|扫一扫)"
    r"|\bICP\b|ICP备|公网安备",
    re.I,
)
_SPACE = re.compile(r"[ \t\n\r\f\v\xa0\u3000\u200b]+")
_TAG = re.compile(rb"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(/?)>")
_NON_NESTING = {
    b"p", b"li", b"dt", b"dd", b"tr", b"td", b"th", b"option", b"br", b"img", b"hr", b"meta",
    b"link", b"input", b"area", b"base", b"col", b"embed", b"source", b"track", b"wbr",
    b"param", b"thead", b"tbody", b"tfoot", b"rt", b"rp", b"optgroup", b"colgroup",
}  # fmt: skip
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.I)
_DATE_KEYS = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "publish_date", "publishedtime", "firstpublishedtime", "dc.date.issued",
    "dc.date", "dcterms.date", "date", "sailthru.date", "parsely-pub-date",
)  # fmt: skip
_ISO_DATE = re.compile(
    r"((?:19|20)\d\d)[-/.年]([01]?\d)[-/.月]([0-3]?\d)(?!\d)|((?:19|20)\d\d)(\d\d)(\d\d)"
)
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')
_TITLE_SPLIT = re.compile(r"\s+[-|–—]\s+|_|\s*｜\s*")


@dataclass
class _Paragraph:
    lines: list[str] = field(default_factory=lambda: [""])
    link_chars: int = 0
    holder: LexborNode | None = None
    chain: tuple[LexborNode, ...] = ()

    @property
    def text(self) -> str:
        return "\n".join(line.strip() for line in self.lines if line.strip())


def _html_text(data: bytes, name: str) -> str:
    """Decode with the charset the page declares, else BOM / UTF-8 / detection."""
    match = _CHARSET.search(data[:4096])
    if match and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        declared = match.group(1).decode("ascii", "replace").lower()
        if declared in {"gb2312", "gbk", "gb_2312-80", "x-gbk"}:
            declared = "gb18030"
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data, name)


def _check_depth(data: bytes, name: str) -> None:
    depth = 0
    for match in _TAG.finditer(data):
        tag = match.group(2).lower()
        if tag in _NON_NESTING or match.group(3):
            continue
        depth += -1 if match.group(1) else 1
        if depth > MAX_DEPTH:
            raise ReadError(name, f"HTML nested too deeply (over {MAX_DEPTH:,} levels)")
        depth = max(depth, 0)


def _decompose(nodes: list[LexborNode]) -> None:
    """Remove nodes, outermost first, never touching a node inside one already removed."""
    marked = {node.mem_id for node in nodes}
    for node in nodes:
        parent = node.parent
        while parent is not None and parent.mem_id not in marked:
            parent = parent.parent
        if parent is None:
            node.decompose()
        # else: an ancestor is marked too and removes this node with it


def _is_boilerplate_container(node: LexborNode) -> bool:
    if node.tag in _KEEP_TAGS:
        return False
    attrs = node.attributes
    role = (attrs.get("role") or "").lower()
    if role in {"navigation", "banner", "contentinfo", "complementary", "search"}:
        return True
    words = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
    parts = set(re.split(r"[\s_-]+", words))
    if not parts & _BOILER_WORDS and "bdshare" not in words:
        return False
    # Never drop a wrapper that holds the article itself.
    return node.css_first("article, main, [itemprop=articleBody]") is None


def _is_layout_cell(node: LexborNode) -> bool:
    if node.css_first("p, div, table, br, ul, ol, h1, h2, h3, h4, h5, h6") is not None:
        return True
    return len(node.text(deep=True)) > 200


def _paragraphs(root: LexborNode) -> list[_Paragraph]:
    """Text paragraphs of ``root`` in order, each with its block holder and ancestors.

    An explicit stack, not recursion: a page thousands of tags deep (up to MAX_DEPTH) must
    not exhaust Python's recursion limit. Each element is visited once on the way in and
    once on the way out, where the blocks it opened are closed.
    """
    walk = _ParagraphWalk(root)
    stack: list[tuple[LexborNode, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        if leaving:
            walk.leave(node)
        elif walk.enter(node):
            stack.append((node, True))
            children = list(node.iter(include_text=True))
            stack.extend((child, False) for child in reversed(children))
    walk.flush()
    return walk.result


class _ParagraphWalk:
    """The state of :func:`_paragraphs`: the paragraph being filled and the open elements."""

    def __init__(self, root: LexborNode) -> None:
        self.root = root
        self.result: list[_Paragraph] = []
        self.current = _Paragraph()
        self.elements: list[LexborNode] = []
        """Open elements, outermost first (a paragraph keeps the last four as its chain)."""
        self.blocks: list[LexborNode] = []
        """Open block elements: the innermost holds the paragraph being filled."""
        self.link_depth = 0

    def flush(self) -> None:
        """End the current paragraph (kept when it has text)."""
        if self.current.text:
            self.result.append(self.current)
        self.current = _Paragraph()

    def add(self, text: str) -> None:
        current = self.current
        if current.holder is None:
            current.holder = self.blocks[-1] if self.blocks else self.root
            current.chain = tuple(self.elements[-4:])
        current.lines[-1] += text
        if self.link_depth:
            current.link_chars += len(text.strip())

    def leave(self, node: LexborNode) -> None:
        """The way out of an element entered with :meth:`enter`."""
        tag = node.tag
        self.elements.pop()
        if tag == "a":
            self.link_depth -= 1
        elif (tag in ("td", "th") and self.blocks and self.blocks[-1].mem_id == node.mem_id) or (
            tag in _BLOCK_TAGS and tag not in ("td", "th")
        ):
            self.blocks.pop()
            self.flush()

    def enter(self, node: LexborNode) -> bool:
        """Take in a node; True when it is an element whose children are to be walked."""
        tag = node.tag
        if node.is_text_node:
            text = _SPACE.sub(" ", node.text(deep=False))
            if text.strip() or self.current.lines[-1]:
                self.add(text)
            return False
        if tag is None or tag.startswith("-"):
            return False
        if tag == "br":
            if self.current.lines[-1].strip():
                self.current.lines.append("")
            elif self.current.text:
                self.flush()
            return False
        if tag == "pre":
            self.flush()
            self.blocks.append(node)
            self.add(node.text(deep=True))
            self.blocks.pop()
            self.flush()
            return False
        if tag in _BLOCK_TAGS or (tag in ("td", "th") and _is_layout_cell(node)):
            self.flush()
            self.blocks.append(node)
        elif tag in ("td", "th") and self.current.lines[-1].strip():
            self.add(" | ")
        elif tag == "a":
            self.link_depth += 1
        self.elements.append(node)
        return True


def _is_content(paragraph: _Paragraph) -> bool:
    text = paragraph.text
    if _BOILER_LINE.search(text) and len(text) < 300:
        return False
    return paragraph.link_chars <= 0.5 * len(text.replace(" ", ""))


def _weight(text: str) -> float:
    length = len(text) + 2 * len(IDEOGRAPH_RE.findall(text))
    return 1 + len(re.findall(r"[,，、;；]", text)) + min(length / 100, 3)


def _link_density(node: LexborNode) -> float:
    total = len(_SPACE.sub("", node.text(deep=True)))
    links = sum(len(_SPACE.sub("", a.text(deep=True))) for a in node.css("a"))
    return links / total if total else 1.0


def _main_text(body: LexborNode) -> str:
    paragraphs = [p for p in _paragraphs(body) if _is_content(p)]
    scores: dict[int, float] = {}
    nodes: dict[int, LexborNode] = {}
    for paragraph in paragraphs:
        text = paragraph.text
        cjk = len(IDEOGRAPH_RE.findall(text))
        if len(text) < 25 and cjk < 10:
            continue
        chain = list(paragraph.chain)
        holder = paragraph.holder
        ids = [node.mem_id for node in chain]
        if holder is not None and holder.tag in _PARAGRAPH_TAGS and holder.mem_id in ids:
            chain = chain[: ids.index(holder.mem_id)]
        targets = chain[-2:][::-1]
        for share, node in zip((1.0, 0.5), targets, strict=False):
            nodes[node.mem_id] = node
            scores[node.mem_id] = scores.get(node.mem_id, 0.0) + share * _weight(text)
    if not scores:
        return "\n\n".join(p.text for p in paragraphs)
    ranked = sorted(scores, key=scores.__getitem__, reverse=True)[:5]
    best = max(ranked, key=lambda key: scores[key] * (1 - _link_density(nodes[key])))
    top = nodes[best]
    chosen = [top]
    parent = top.parent
    if parent is not None:
        threshold = max(10.0, 0.2 * scores[best])
        siblings = [c for c in parent.iter(include_text=False) if c.mem_id != top.mem_id]
        extra = [s for s in siblings if scores.get(s.mem_id, 0.0) >= threshold]
        if extra:
            wanted = {top.mem_id, *(s.mem_id for s in extra)}
            chosen = [c for c in parent.iter(include_text=False) if c.mem_id in wanted]
    kept = [p.text for node in chosen for p in _paragraphs(node) if _is_content(p)]
    return "\n\n".join(kept)


def _parse_date(value: str) -> dt.date | None:
    match = _ISO_DATE.search(value)
    if not match:
        return None
    year, month, day = (
        int(g) for g in (match.groups()[:3] if match.group(1) else match.groups()[3:])
    )
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _meta(tree: LexborHTMLParser) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in tree.css("meta"):
        attrs = meta.attributes
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
        content = attrs.get("content")
        if key and content and content.strip():
            found.setdefault(key.strip().lower(), content.strip())
    return found


def _title(tree: LexborHTMLParser, meta: dict[str, str]) -> str | None:
    for key in ("og:title", "articletitle", "twitter:title"):
        if key in meta:
            return _SPACE.sub(" ", meta[key]).strip()
    h1 = tree.css_first("h1")
    if h1 is not None:
        text = _SPACE.sub(" ", h1.text(deep=True)).strip()
        if 0 < len(text) <= 200:
            return text
    title = tree.css_first("title")
    if title is not None:
        text = _SPACE.sub(" ", title.text(deep=True)).strip()
        if text:
            return _TITLE_SPLIT.split(text)[0].strip() or text
    return None


def _published(tree: LexborHTMLParser, meta: dict[str, str], html: str) -> dt.date | None:
    for key in _DATE_KEYS:
        if key in meta and (date := _parse_date(meta[key])):
            return date
    for time in tree.css("time[datetime]"):
        if date := _parse_date(time.attributes.get("datetime") or ""):
            return date
    match = _JSONLD_DATE.search(html)
    return _parse_date(match.group(1)) if match else None


def read_html(data: bytes, context: ReadContext) -> Iterator[RawDocument]:
    """One HTML page → one document with its main text, title and date."""
    from selectolax.lexbor import LexborHTMLParser

    html = _html_text(data, context.name)
    _check_depth(data, context.name)
    tree = LexborHTMLParser(html)
    meta = _meta(tree)
    title = _title(tree, meta)
    published = _published(tree, meta, html)
    body = tree.body
    if body is None:
        raise ReadError(context.name, "no text found in HTML")
    full_text = _SPACE.sub(" ", body.text(deep=True))
    _decompose(tree.css(_DROP_TAGS))
    _decompose([n for n in tree.css("header") if n.css_first("h1") is None])
    containers = body.css("div, section, ul, ol, table, td, span, p, dl, header, center")
    _decompose([n for n in containers if _is_boilerplate_container(n)])
    text = _main_text(body)
    if not text.strip():
        raise ReadError(context.name, "no text found in HTML")
    if title and not text.lstrip().startswith(title):
        text = f"{title}\n\n{text}"
    document = document_from_text(text, context.source, context.stem)
    updates: dict[str, object] = {}
    if title:
        updates["title"] = title
    published = published or document.published or find_published(full_text[:3000])
    if published:
        updates["published"] = published
    yield document.model_copy(update=updates)


def looks_like_html(head: bytes) -> bool:
    """The sniffer: a document that opens as HTML whatever its name (a download, stdin)."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith((b"<!doctype html", b"<html")) or (
        start.startswith(b"<") and b"<html" in start[:1024]
    )
