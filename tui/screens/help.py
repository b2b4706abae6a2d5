"""Help for the focused pane, generated from its HELP texts and its live key bindings.

Nothing here is written by hand per key: the table lists the bindings that are active at the
moment help was asked for, with their descriptions and tooltips, and comes first so that it
is on screen at 80x24; the pane's ``HELP`` (and that of the focused widget and its parents)
then explains what the pane is for. The same bindings fill the command palette
(:func:`pane_commands`), the pane's own first.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import suppress
from textwrap import dedent
from typing import TYPE_CHECKING, Any, ClassVar

from rich.markdown import Markdown as RichMarkdown
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandInput, CommandPalette
from textual.containers import VerticalScroll
from textual.css.query import NoMatches
from textual.screen import ModalScreen
from textual.widgets import Static

if TYPE_CHECKING:
    from textual.app import App
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
        if cls.__module__.startswith("tui.") and any(
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


def pane_commands(app: App[Any], screen: Screen[object]) -> Iterator[SystemCommand]:
    """Palette entries for the commands bound in ``screen``, its own first.

    Each says its key ("ctrl+s · Save these results…"); cursor moves and the app's global
    keys are left out (the palette lists panes and help by name).
    """
    seen: set[tuple[int, str]] = set()
    own: list[SystemCommand] = []
    widgets: list[SystemCommand] = []
    for key, active in screen.active_bindings.items():
        binding, node = active.binding, active.node
        if node is app or (id(node), binding.action) in seen:
            continue
        if not is_documented(node, binding) or not (node is screen or binding.show):
            continue
        seen.add((id(node), binding.action))
        keys = app.get_key_display(binding.with_key(key))
        command = SystemCommand(
            binding.description,
            f"{keys} · {binding.tooltip or binding.description}",
            lambda action=binding.action, node=node: app.call_later(app.run_action, action, node),
        )
        (own if node is screen else widgets).append(command)
    yield from own
    yield from widgets
    commands = getattr(screen, "palette_commands", None)
    if commands is not None:
        for title, help_text, callback in commands():
            yield SystemCommand(title, help_text, callback)


def type_into_palette(palette: CommandPalette, text: str) -> None:
    """Type ``text`` into an open palette's search (a key pressed while it was opening)."""
    with suppress(NoMatches):  # it closed in the meantime
        palette.query_one(CommandInput).insert_text_at_cursor(text)


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
