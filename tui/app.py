"""FactscopeApp: the shell around the panes. Modes, global keys, help, palette, status counts.

Thin on purpose: each pane is a screen in :mod:`tui.screens` (one mode each) and every store
query runs in a worker of the screen that needs it. The app only switches panes (F2-F4) and
remembers where the user came from (Escape goes back), opens help and the palette, keeps
the status counts (polling ``PRAGMA data_version``, so an import by another process shows
up), and routes :class:`tui.messages.OpenEvidence` to the reader.

The keyboard model: in a pane with a query box every printable key is part of the query, so
no global key is a letter; commands are F-keys, ctrl keys, Enter, Escape and the arrows, and
the palette (ctrl+p, or ':' where it is not typed into a box).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path, PurePath
from typing import Any, ClassVar

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette, Provider
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen

from factscope.db.dsn import is_server_url, short_label
from factscope.db.store import Store
from factscope.tui.clipboard import copy_natively, native_copy_command
from factscope.tui.messages import GoBack, OpenEvidence
from factscope.tui.panes.compare.screen import CompareScreen
from factscope.tui.panes.documents.screen import DocumentsScreen
from factscope.tui.panes.facts.screen import FactsScreen
from factscope.tui.panes.reader.screen import ReaderScreen
from factscope.tui.screens.base import PaneScreen
from factscope.tui.screens.export import PathScreen
from factscope.tui.screens.help import HelpScreen, help_markdown
from factscope.tui.screens.palette import OrderedCommands, Palette, pane_commands, type_into_palette

PANES: dict[str, str] = {"documents": "Documents", "facts": "Facts", "compare": "Compare"}
"""Mode name -> pane title."""


def short_path(path: str, width: int = 28) -> str:
    """A database path that fits the status line: ``~`` for home, else ``…/name.db``; a
    server's database as ``pg:NAME@HOST``."""
    if is_server_url(path):
        return short_label(path)[: width + 8]
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
        "panes/documents/documents.tcss",
        "panes/reader/reader.tcss",
        "panes/facts/facts.tcss",
        "panes/compare/compare.tcss",
        "panes/trend/trend.tcss",
    ]
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(
                key,
                f"pane('{mode}')",
                title,
                show=False,
                priority=True,
                tooltip=f"The {title} pane, from anywhere (even while typing).",
                id=f"pane.{mode}",
            )
            for key, (mode, title) in zip(("f2", "f3", "f4"), PANES.items(), strict=True)
        ),
        Binding("f1", "help", "Help", priority=True, tooltip="Help for this pane.", id="app.help"),
        Binding(
            "question_mark",
            "help",
            "Help",
            show=False,
            tooltip="Help for this pane (where ? is not typed into a box).",
            id="app.help.key",
        ),
        Binding(
            "ctrl+p",
            "palette('')",
            "Commands",
            show=False,
            priority=True,
            tooltip="Every command, searchable.",
            id="app.palette",
        ),
        Binding(
            "colon",
            "palette(':')",
            "Commands",
            show=False,
            tooltip="Every command (where : is not typed into a box).",
            id="app.palette.key",
        ),
        Binding(
            "ctrl+c,ctrl+q",
            "quit",
            "Quit",
            show=False,
            priority=True,
            tooltip="Leave factscope.",
            id="app.quit",
        ),
    ]
    """Global keys. None is a letter: in the panes every printable key is part of the
    query. ctrl+p is bound here by hand because binding any key to the palette makes
    Textual skip its own ctrl+p; ctrl+c quits, as in fzf."""

    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {OrderedCommands}
    """The palette's one source: :meth:`get_system_commands`, in its order."""
    POLL_SECONDS: ClassVar[float] = 2.0
    """How often the status counts check whether another process wrote to the database."""

    status_counts: reactive[str] = reactive("")
    """'path · N documents · M facts' for every pane's status line."""

    def __init__(self, store: Store, *, initial_mode: str = "documents") -> None:
        super().__init__()
        self.store = store
        """The open database, handed down to each pane."""
        self.initial_mode = initial_mode
        self.history: list[str] = []
        """The panes the user came from, most recent last (Escape goes back to them)."""
        self._data_version: int | None = None
        self.add_mode("documents", lambda: DocumentsScreen(store))
        self.add_mode("facts", lambda: FactsScreen(store))
        self.add_mode("compare", lambda: CompareScreen(store))

    def on_mount(self) -> None:
        self.status_counts = f"{self.store.path}"
        self.switch_mode(self.initial_mode)
        self._count()
        self.set_interval(self.POLL_SECONDS, self._poll)

    @work(thread=True, exit_on_error=False, group="stats", description="Counting")
    def _count(self) -> None:
        self._data_version = self.store.data_version()
        stats = self.store.stats()
        text = f"{short_path(stats.path)} · {stats.documents:,} docs · {stats.facts:,} facts"
        if self.store.snapshot:  # opened immutable: say so, or the user may wait for updates
            text += " · snapshot: changes by others not shown"
        self.call_from_thread(setattr, self, "status_counts", text)

    @work(thread=True, exclusive=True, exit_on_error=False, group="poll", description="Poll")
    def _poll(self) -> None:
        """Count again when another connection committed since the last count (an import)."""
        if self.store.data_version() != self._data_version:
            self._count()

    # -- panes and going back ---------------------------------------------------------------

    async def action_pane(self, mode: str) -> None:
        """Go to the pane ``mode``, closing any dialog or palette first."""
        self._close_modals()
        if mode != self.current_mode:
            self.history = [m for m in self.history if m != self.current_mode]
            self.history.append(self.current_mode)
            await self.switch_mode(mode)

    def _close_modals(self) -> None:
        while isinstance(self.screen, ModalScreen) and len(self.screen_stack) > 1:
            self.pop_screen()

    def on_go_back(self, message: GoBack) -> None:
        """Back: from a reader to the pane it was opened from, else to the previous pane."""
        screen = self.screen
        if isinstance(screen, ReaderScreen):
            self.pop_screen()
            origin = screen.origin
            if origin and origin != self.current_mode:
                self.history = [m for m in self.history if m != origin]
                self.call_later(self.switch_mode, origin)
            return
        while self.history:
            mode = self.history.pop()
            if mode != self.current_mode:
                self.call_later(self.switch_mode, mode)
                return

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
        come from documents ("[bold]" must show as typed, and "[/x" must not raise). Textual's
        own markup notices (ctrl+c's "Press [b]…") are replaced: ctrl+c quits here."""
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
        """Help for the focused pane: its keys, then what it does (F1 again closes it)."""
        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
            return
        if isinstance(self.screen, CommandPalette):
            return
        pane = self._pane()
        title = f"{getattr(pane, 'PANE', '') or 'factscope'} — help"
        self.push_screen(HelpScreen(help_markdown(pane, title)))

    def action_palette(self, typed: str) -> None:
        """Open the palette, once. ``typed`` is the key's character (':'): pressed again
        while the palette is opening, before its box has the focus, it is typed there."""
        palettes = [s for s in self.screen_stack if isinstance(s, CommandPalette)]
        if palettes:
            if typed:
                palettes[-1].call_after_refresh(type_into_palette, palettes[-1], typed)
            return
        self.action_command_palette()

    def on_key(self, event: events.Key) -> None:
        """A printable key that reached the app while the palette is open was sent before
        its box had the focus (the box never lets one through): type it there."""
        palette = self.screen
        if isinstance(palette, CommandPalette) and event.is_printable and event.character:
            event.stop()
            event.prevent_default()  # not a binding: the palette's text
            palette.call_after_refresh(type_into_palette, palette, event.character)

    def action_command_palette(self) -> None:
        """Open the palette unless one is open (in any pane's stack: DuplicateIds else)."""
        if self.use_command_palette and not any(
            isinstance(s, CommandPalette) for s in self.screen_stack
        ):
            self.push_screen(Palette(id="--command-palette"))

    def action_save_screenshot(self) -> None:
        """Ask where to save an SVG screenshot of the pane, then save it there."""
        directory = Path.home() / "Downloads"
        if not directory.is_dir():
            directory = Path.cwd()
        name = f"factscope-{datetime.now():%Y-%m-%d_%H-%M-%S}.svg"
        if self.is_web:  # served (factscope serve): the browser downloads it, not the server
            self.deliver_screenshot(name)
            return

        def chosen(target: tuple[str, Path] | None) -> None:
            if target is not None:
                self.call_after_refresh(self._save_screenshot, target[1])

        self.push_screen(PathScreen("Save a screenshot (SVG) to:", directory / name), chosen)

    def _save_screenshot(self, path: Path) -> None:
        try:
            with path.open("x", encoding="utf-8") as handle:
                handle.write(self.export_screenshot())
        except OSError as error:
            self.notify(f"Screenshot not saved: {error.strerror or error}", severity="error")
            return
        self.notify(f"Screenshot saved to {path.resolve()}", title="Screenshot")

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The palette: the pane's own actions, then panes and help, then Textual's."""
        yield from pane_commands(self, screen)
        for mode, title in PANES.items():
            yield SystemCommand(
                f"Go to {title}",
                f"Switch to the {title} pane.",
                lambda mode=mode: self.call_later(self.action_pane, mode),
            )
        yield SystemCommand("Help", "This pane's keys, and what it does.", self.action_help)
        yield SystemCommand(
            "Screenshot", "Save an SVG screenshot: you choose where.", self.action_save_screenshot
        )
        for command in super().get_system_commands(screen):
            if command.title not in ("Screenshot", "Keys"):
                yield command

    # -- evidence ---------------------------------------------------------------------------

    async def on_open_evidence(self, message: OpenEvidence) -> None:
        """Another pane asked to show a figure's evidence."""
        await self.open_evidence(message.doc_id, message.fact_id)

    async def open_evidence(self, doc_id: str, fact_id: int | None = None) -> None:
        """Open ``doc_id`` in the reader with ``fact_id`` selected; Escape there comes back
        to the pane that asked."""
        origin = self.current_mode
        await self.switch_mode("documents")
        while not isinstance(self.screen, PaneScreen) and len(self.screen_stack) > 1:
            self.pop_screen()
        screen = self.screen
        if isinstance(screen, ReaderScreen):
            screen.open(doc_id, fact_id)
            screen.origin = origin
        elif isinstance(screen, DocumentsScreen):
            screen.open_document(doc_id, fact_id, origin=origin)
