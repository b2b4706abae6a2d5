"""Export the current list: a modal that shows the full target path before anything is
written, and the writers.

The dialog offers CSV, JSON or Markdown (Up/Down while the path keeps the focus) and a path
the user can edit: by default a new name in the current directory (``-2``, ``-3`` ... is
appended rather than overwrite). Enter writes; an existing file or a missing directory is
refused in the dialog with one line, and the file is opened with ``x`` so it is never
overwritten. :class:`PathScreen` alone (no formats) asks where to save a screenshot.

In a served app (``factscope serve``: the user is in a web browser, maybe on another
machine) a file on the server's disk would never reach them: the dialog asks only for a
file name and the export is handed to the browser as a download (Textual's
``deliver_text``, which textual-serve turns into a download link).
"""

from __future__ import annotations

import io
import threading
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any, ClassVar, Literal

from rich.text import Text
from textual import on
from textual._context import active_app
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import NoActiveWorker, get_current_worker

from factscope.tui.records import write_records
from factscope.tui.render import safe

ExportFormat = Literal["csv", "json", "md"]
FORMATS: dict[ExportFormat, str] = {"csv": "CSV", "json": "JSON", "md": "Markdown"}
"""Format -> its name; the format is also the file's suffix."""


def render_rows(rows: Sequence[dict[str, Any]], fmt: ExportFormat) -> str:
    """Rows as CSV, JSON (a list of objects) or a Markdown table: the CLI's one writer."""
    buffer = io.StringIO()
    write_records(rows, fmt, buffer)
    return buffer.getvalue()


def unused_path(directory: Path, stem: str, fmt: str) -> Path:
    """``directory/stem.fmt``, or ``stem-2.fmt`` ... when that exists."""
    path = directory / f"{stem}.{fmt}"
    number = 2
    while path.exists():
        path = directory / f"{stem}-{number}.{fmt}"
        number += 1
    return path


def served_app() -> App[Any] | None:
    """The running app when it is served to a web browser, else None.

    Exports run in thread workers, where Textual's ``active_app`` is not set: the worker's
    node knows its app."""
    try:
        app: App[Any] = get_current_worker().node.app
    except NoActiveWorker:
        try:
            app = active_app.get()
        except LookupError:
            return None
    return app if app.is_web else None


def write_export(rows: Sequence[dict[str, Any]], fmt: ExportFormat, path: Path) -> Path:
    """Write ``rows`` to the new file ``path`` (never over an existing one); its absolute path.

    In a served app the rows go to the browser as a download named ``path.name`` instead,
    and that name is returned."""
    app = served_app()
    if app is not None:
        text = io.StringIO(render_rows(rows, fmt))
        deliver = partial(app.deliver_text, text, save_filename=path.name, encoding="utf-8")
        if threading.get_ident() == app._thread_id:
            deliver()
        else:
            app.call_from_thread(deliver)
        return Path(path.name)
    with path.open("x", encoding="utf-8", newline="") as handle:
        handle.write(render_rows(rows, fmt))
    return path.resolve()


def path_problem(text: str, *, download: bool = False) -> str:
    """Why ``text`` cannot be a new file's path ('' when it can); for a ``download`` only
    a name is asked for (the browser chooses the folder)."""
    if not text.strip():
        return "Type a file name."
    if download:
        return "Type a file name, without a folder." if "/" in text else ""
    path = Path(text).expanduser()
    if path.exists():
        return f"{path.name} exists: edit the name (nothing is overwritten)."
    if not path.parent.is_dir():
        return f"No such directory: {path.parent}"
    return ""


class PathInput(Input):
    """The target path: Up/Down change the format while the path keeps the focus."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "format(-1)", "Previous format", show=False),
        Binding("down", "format(1)", "Next format", show=False),
    ]
    """Format keys (the dialog's list never takes the focus)."""

    def action_format(self, step: int) -> None:
        """Pick the previous (-1) or next (1) format."""
        for options in self.screen.query(OptionList):
            if step < 0:
                options.action_cursor_up()
            else:
                options.action_cursor_down()


class PathScreen(ModalScreen[tuple[str, Path] | None]):
    """Where to write: the full path, editable; Enter writes, Escape cancels.

    With ``formats`` the dialog also picks one (Up/Down) and keeps the path's suffix in step;
    it returns (format, path), or None when cancelled.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Write nothing."),
    ]
    """Enter (on the path) writes, Escape cancels; Up/Down pick the format."""

    def __init__(
        self,
        title: str,
        path: Path,
        formats: dict[str, str] | None = None,
        *,
        download: bool = False,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.initial = path
        self.formats = formats or {}
        self.download = download

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog"):
            yield Label(Text(safe(self.title_text)), id="export-title")
            if self.formats:
                yield OptionList(
                    *(Option(Text(label), id=key) for key, label in self.formats.items()),
                    id="export-formats",
                )
            yield PathInput(str(self.initial), id="export-path", select_on_focus=False)
            yield Static(id="export-problem")
            hint = "Enter saves · Esc cancels" + (" · ↑/↓ format" if self.formats else "")
            yield Static(Text(hint, style="dim"), id="export-hint")

    def on_mount(self) -> None:
        box = self.query_one(PathInput)
        box.cursor_position = len(box.value)
        if self.formats:
            options = self.query_one(OptionList)
            options.can_focus = False
            suffix = self.initial.suffix.lstrip(".")
            keys = list(self.formats)
            options.highlighted = keys.index(suffix) if suffix in keys else 0
        self.set_focus(box)

    @property
    def fmt(self) -> str:
        """The chosen format ('' without formats)."""
        if not self.formats:
            return ""
        option = self.query_one(OptionList).highlighted_option
        return str(option.id) if option is not None else next(iter(self.formats))

    @on(OptionList.OptionHighlighted)
    def _format_changed(self) -> None:
        """Keep the path's suffix the format's, when it is one of the formats' suffixes."""
        box = self.query_one(PathInput)
        path = Path(box.value)
        if path.suffix.lstrip(".") in self.formats and path.suffix != f".{self.fmt}":
            box.value = str(path.with_suffix(f".{self.fmt}"))
            box.cursor_position = len(box.value)

    @on(OptionList.OptionSelected)
    def _format_clicked(self) -> None:
        self.set_focus(self.query_one(PathInput))

    @on(Input.Submitted, "#export-path")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        problem = path_problem(event.value, download=self.download)
        if problem:
            self.query_one("#export-problem", Static).update(Text(problem, style="bold"))
            return
        self.dismiss((self.fmt, Path(event.value).expanduser()))

    def action_cancel(self) -> None:
        """Close without writing."""
        self.dismiss(None)


def export_dialog(what: str, stem: str) -> PathScreen:
    """The export dialog for ``what`` (``'13 figures'``), offering ``cwd/stem.csv``; in a
    served app ``stem.csv``, downloaded by the browser."""
    formats = {str(k): v for k, v in FORMATS.items()}
    if served_app() is not None:
        return PathScreen(
            f"Export {what} to your browser as:", Path(f"{stem}.csv"), formats, download=True
        )
    return PathScreen(f"Export {what} as:", unused_path(Path.cwd(), stem, "csv"), formats)
