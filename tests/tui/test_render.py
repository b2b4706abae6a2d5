"""The text helpers: wrapping by cell width with offsets kept, safe text, citations."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from factscope.tui.render import (
    display_text,
    highlighted,
    line_of,
    list_columns,
    safe,
    wrap_offsets,
)
from tests.tui.support import CHINESE, ENGLISH, ENGLISH_FACTS, HOSTILE


@pytest.mark.parametrize("text", [ENGLISH, CHINESE, HOSTILE, "", "a\n\nb", "x" * 95])
@pytest.mark.parametrize("width", [10, 33, 48, 80])
def test_wrapped_lines_fit_and_cover_the_text(text: str, width: int) -> None:
    shown = display_text(text)
    lines = wrap_offsets(shown, width)
    assert "".join(shown[a:b] for a, b in lines).replace("\n", "") == shown.replace("\n", "")
    for start, end in lines:
        assert cell_len(shown[start:end].rstrip()) <= width


def test_cjk_wraps_between_characters_by_cell_width() -> None:
    lines = wrap_offsets("松江区外贸进出口总额", 7)
    assert [(b - a) for a, b in lines] == [3, 3, 3, 1]  # 3 wide characters = 6 cells


def test_line_of_finds_the_line_of_a_fact() -> None:
    lines = wrap_offsets(ENGLISH, 40)
    fact = ENGLISH_FACTS[-1]
    start, end = lines[line_of(lines, fact.start)]
    assert start <= fact.start < end


def test_untrusted_text_is_never_markup_and_controls_are_masked() -> None:
    text = highlighted("[bold]x\x1b[31m y", [(0, 6)])
    assert text.plain == "[bold]x      y"  # same length: spans stay aligned
    assert safe("a\x1b]0;title\x07b\nc") == "ab c"


def test_columns_fill_the_width() -> None:
    for width in (60, 80, 120):
        cols = list_columns(width)
        assert 2 + cols.title + cols.date + cols.facts + cols.source + 3 == width


def test_short_path_fits_the_status_line() -> None:
    from pathlib import Path

    from factscope.tui.app import short_path

    home = str(Path.home())
    assert short_path("/tmp/x.db") == "/tmp/x.db"
    assert short_path(f"{home}/f.db") == "~/f.db"
    assert short_path("/very/long/directory/name/that/goes/on/factscope.db") == "…/factscope.db"
