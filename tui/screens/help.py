"""Help for the focused pane, generated from its HELP texts and its live key bindings.

Nothing here is written by hand per key: the table lists the bindings that are active at the
moment help was asked for, with their descriptions and tooltips, and comes first so that it
is on screen at 80x24; the pane's ``HELP`` (and that of the focused widget and its parents)
then explains what the pane is for. The same bindings fill the command palette
(:func:`tui.screens.palette.pane_commands`).
"""

from __future__ import annotations

from textwrap import dedent
from typing import TYPE_CHECKING, ClassVar

from rich.markdown import Markdown as RichMarkdown
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

if TYPE_CHECKING:
    from textual.screen import Screen


EVERYWHERE = "Everywhere: F2/F3/F4 panes · F1 help · ctrl+p commands · ctrl+c quit."
"""The global keys, under every pane's table."""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def is_documented(node: object, binding: Binding) -> bool:
    """True for bindings factscope declares (or shows in the footer), not inherited plumbing."""
    if not binding.description:
        return False
    if binding.show:
        return True
    for cls in type(node).__mro__:
        if cls.__module__.startswith("factscope.tui.") and any(
            isinstance(b, Binding) and b.action == binding.action
            for b in cls.__dict__.get("BINDINGS", ())
        ):
            return True
    return False


def key_rows(screen: Screen[object]) -> list[tuple[str, str, str]]:
    """(keys, description, tooltip) for each documented action active on ``screen``: the
    pane's own first, then the focused widget's, then the app's."""
    rows: dict[tuple[int, str], tuple[int, list[str], str, str]] = {}
    for key, active in screen.active_bindings.items():
        binding, node = active.binding, active.node
        if not is_documented(node, binding):
            continue
        display = screen.app.get_key_display(binding.with_key(key))
        rank = 0 if node is screen else 2 if node is screen.app else 1
        entry = rows.setdefault(
            (id(node), binding.action),
            (rank, [], binding.description, binding.tooltip or active.tooltip),
        )
        if display not in entry[1]:
            entry[1].append(display)
    ordered = sorted(rows.values(), key=lambda row: row[0])
    return [(" / ".join(keys), description, tip) for _, keys, description, tip in ordered]


def help_markdown(screen: Screen[object], title: str) -> str:
    """Markdown help for ``screen``: its HELP, a table of its active keys, widget HELPs."""
    texts: list[str] = []
    focused = screen.focused
    chain = list(focused.ancestors_with_self) if focused is not None else [screen]
    for node in reversed(chain):
        text = getattr(node, "HELP", None)
        if isinstance(text, str) and text.strip() and dedent(text).strip() not in texts:
            texts.append(dedent(text).strip())
    table = ["| Keys | Action | What it does |", "|---|---|---|"]
    for keys, description, tooltip in key_rows(screen):
        table.append(f"| {_cell(keys)} | {_cell(description)} | {_cell(tooltip)} |")
    parts = [f"## {title}", "\n".join(table) + "\n\n" + EVERYWHERE, *texts]
    return "\n\n".join(parts) + "\n"


class HelpScreen(ModalScreen[None]):
    """The focused pane's help as Rich Markdown (compact at 80x24); Escape, q, ? or F1 close
    (F1 through the app's binding)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close help", tooltip="Back to the pane."),
        Binding("j,down", "scroll_down", "Scroll down", show=False),
        Binding("k,up", "scroll_up", "Scroll up", show=False),
    ]
    """Closing and scrolling keys."""

    def __init__(self, markdown: str) -> None:
        super().__init__()
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-dialog"):
            yield Static(RichMarkdown(self.markdown), id="help-text")

    def action_close(self) -> None:
        """Close help."""
        self.dismiss(None)

    def action_scroll_down(self) -> None:
        """Scroll the help text down."""
        self.query_one("#help-dialog", VerticalScroll).scroll_down()

    def action_scroll_up(self) -> None:
        """Scroll the help text up."""
        self.query_one("#help-dialog", VerticalScroll).scroll_up()
