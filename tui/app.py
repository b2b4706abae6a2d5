"""FactscopeApp: the shell around the panes. Modes, global keys, help, palette, status counts.

Thin on purpose: each pane is a screen in :mod:`tui.screens` (one mode each) and every store
query runs in a worker of the screen that needs it. The app only switches panes, opens help,
fills the command palette from the panes' own bindings, keeps the status counts, and routes
:class:`tui.messages.OpenEvidence` to the reader.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path, PurePath
from typing import Any, ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import Screen

from db.store import Store
from tui.clipboard import copy_natively, native_copy_command
from tui.messages import OpenEvidence
from tui.screens.base import PaneScreen
from tui.screens.compare import CompareScreen
from tui.screens.documents import DocumentsScreen
from tui.screens.facts import FactsScreen
from tui.screens.help import HelpScreen, help_markdown, is_documented
from tui.screens.reader import ReaderScreen

PANES: dict[str, str] = {"documents": "Documents", "facts": "Facts", "compare": "Compare"}
"""Mode name -> pane title."""


def short_path(path: str, width: int = 28) -> str:
    """A database path that fits the status line: ``~`` for home, else ``…/name.db``."""
    home = str(Path.home())
    if path.startswith(home + "/"):
        path = "~" + path[len(home) :]
    if len(path) > width:
        path = "…/" + Path(path).name
    return path


class FactscopeApp(App[None]):
    """A keyboard-driven browser for documents and the figures stated in them."""

    TITLE = "factscope"
    CSS_PATH: ClassVar[list[str | PurePath]] = [
        "app.tcss",
        "facts.tcss",
        "compare.tcss",
        "trend.tcss",
    ]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "d",
            "switch_mode('documents')",
            "Documents pane",
            show=False,
            tooltip="Browse, search and read documents.",
            id="pane.documents",
        ),
        Binding(
            "f",
            "switch_mode('facts')",
            "Facts pane",
            show=False,
            tooltip="Fuzzy search over every figure.",
            id="pane.facts",
        ),
        Binding(
            "c",
            "switch_mode('compare')",
            "Compare pane",
            show=False,
            tooltip="Regions side by side.",
            id="pane.compare",
        ),
        Binding(
            "f2",
            "switch_mode('documents')",
            "Documents",
            show=False,
            priority=True,
            tooltip="Documents pane, even while typing in a search box.",
            id="pane.documents.fkey",
        ),
        Binding(
            "f3",
            "switch_mode('facts')",
            "Facts",
            show=False,
            priority=True,
            tooltip="Facts pane, even while typing in a search box.",
            id="pane.facts.fkey",
        ),
        Binding(
            "f4",
            "switch_mode('compare')",
            "Compare",
            show=False,
            priority=True,
            tooltip="Compare pane, even while typing in a search box.",
            id="pane.compare.fkey",
        ),
        Binding("question_mark,f1", "help", "Help", tooltip="Help for this pane.", id="app.help"),
        Binding(
            "colon",
            "command_palette",
            "Commands",
            show=False,
            tooltip="Every command, searchable (also ctrl+p).",
            id="app.palette",
        ),
        Binding("q", "quit", "Quit", tooltip="Leave factscope.", id="app.quit"),
    ]
    """Global keys: panes by letter, help on ? and F1, the palette also on ':'."""

    status_counts: reactive[str] = reactive("")
    """'path · N documents · M facts' for every pane's status line."""

    def __init__(self, store: Store, *, initial_mode: str = "documents") -> None:
        super().__init__()
        self.store = store
        """The open database, handed down to each pane."""
        self.initial_mode = initial_mode
        self.add_mode("documents", lambda: DocumentsScreen(store))
        self.add_mode("facts", lambda: FactsScreen(store))
        self.add_mode("compare", lambda: CompareScreen(store))

    def on_mount(self) -> None:
        self.status_counts = f"{self.store.path}"
        self.switch_mode(self.initial_mode)
        self._count()

    @work(thread=True, exit_on_error=False, group="stats", description="Counting")
    def _count(self) -> None:
        stats = self.store.stats()
        text = f"{short_path(stats.path)} · {stats.documents:,} docs · {stats.facts:,} facts"
        if self.store.snapshot:  # opened immutable: say so, or the user may wait for updates
            text += " · snapshot: changes by others not shown"
        self.call_from_thread(setattr, self, "status_counts", text)

    # -- help and palette -------------------------------------------------------------------

    def _pane(self) -> Screen[Any]:
        """The screen under any modal (help, export, palette)."""
        for screen in reversed(self.screen_stack):
            if isinstance(screen, PaneScreen):
                return screen
        return self.screen

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Notifications never parse Rich markup: they quote figures, titles and errors that
        come from documents ("[bold]" must show as typed, and "[/x" must not raise)."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def copy_to_clipboard(self, text: str) -> None:
        """OSC 52 (works over SSH), and in a local desktop session the platform's copy
        command too, for terminals that ignore OSC 52 (see :mod:`tui.clipboard`)."""
        super().copy_to_clipboard(text)
        command = native_copy_command()
        if command is not None:
            self._copy_natively(text, command)

    @work(thread=True, exit_on_error=False, group="clipboard", description="Copy")
    def _copy_natively(self, text: str, command: list[str]) -> None:
        copy_natively(text, command)

    def action_help(self) -> None:
        """Help for the focused pane: its purpose and its keys."""
        if isinstance(self.screen, HelpScreen):
            return
        pane = self._pane()
        title = f"{getattr(pane, 'PANE', '') or 'factscope'} — help"
        self.push_screen(HelpScreen(help_markdown(pane, title)))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The palette: panes, then every action bound in the current pane, then Textual's."""
        for mode, title in PANES.items():
            yield SystemCommand(
                f"Go to {title}",
                f"Switch to the {title} pane.",
                lambda mode=mode: self.switch_mode(mode),
            )
        yield SystemCommand(
            "Help", "Help for this pane: what it does and its keys.", self.action_help
        )
        seen: set[tuple[int, str]] = set()
        for active in screen.active_bindings.values():
            binding, node = active.binding, active.node
            key = (id(node), binding.action)
            if key in seen or node is self or not is_documented(node, binding):
                continue
            seen.add(key)
            yield SystemCommand(
                binding.description,
                binding.tooltip or binding.description,
                lambda action=binding.action, node=node: self._run(action, node),
            )
        if isinstance(screen, PaneScreen):
            for title, help_text, callback in screen.palette_commands():
                yield SystemCommand(title, help_text, callback)
        yield from super().get_system_commands(screen)

    def _run(self, action: str, node: DOMNode) -> None:
        self.call_later(self.run_action, action, node)

    # -- evidence ---------------------------------------------------------------------------

    async def on_open_evidence(self, message: OpenEvidence) -> None:
        """Another pane asked to show a figure's evidence."""
        await self.open_evidence(message.doc_id, message.fact_id)

    async def open_evidence(self, doc_id: str, fact_id: int | None = None) -> None:
        """Switch to the Documents pane and open ``doc_id`` with ``fact_id`` selected."""
        await self.switch_mode("documents")
        while not isinstance(self.screen, PaneScreen) and len(self.screen_stack) > 1:
            self.pop_screen()
        screen = self.screen
        if isinstance(screen, ReaderScreen):
            screen.open(doc_id, fact_id)
        elif isinstance(screen, DocumentsScreen):
            screen.open_document(doc_id, fact_id)
