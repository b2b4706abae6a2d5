"""The command palette: safe against bursts of keys, with the pane's commands first.

:class:`Palette` is Textual's, made safe against bursts of keys (crashes the random-key
test found).
:func:`pane_commands` lists the commands bound in the pane it was opened from, the pane's
own first, each with its key; :func:`type_into_palette` types a key that arrived while it
was opening, before its box had the focus (a burst of '::'), instead of losing it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import suppress
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import SystemCommand
from textual.command import CommandInput, CommandPalette, DiscoveryHit, Hits
from textual.css.query import NoMatches
from textual.message import Message
from textual.system_commands import SystemCommandsProvider
from textual.widgets import Button, Input, OptionList

from factscope.tui.screens.help import is_documented

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen


class Palette(CommandPalette):
    """Textual's palette (8.2.8), made safe against bursts of keys.

    Each guard is for a crash the random-key test found: a second Enter (or selection)
    queued behind the one that closed the palette closed it again and popped the pane's
    screen; PgUp/PgDn before the list had laid out its lines raised KeyError; the search
    worker finishing while the palette closed looked for widgets already gone.
    """

    @on(Input.Submitted)
    @on(OptionList.OptionSelected)
    @on(Button.Pressed)
    def _after_closing(self, event: Message) -> None:
        # Runs before CommandPalette's own handlers; prevent_default skips them.
        if not self.is_current:
            event.stop()
            event.prevent_default()

    def _action_command_list(self, action: str) -> None:
        with suppress(KeyError):
            super()._action_command_list(action)

    def _watch__list_visible(self) -> None:
        with suppress(NoMatches):
            super()._watch__list_visible()

    async def _watch__show_busy(self) -> None:
        with suppress(NoMatches):
            await super()._watch__show_busy()


class OrderedCommands(SystemCommandsProvider):
    """The app's commands in the app's order (the pane's own first), not alphabetical."""

    async def discover(self) -> Hits:
        """Every command, in :meth:`tui.app.FactscopeApp.get_system_commands` order."""
        for name, help_text, callback, discover in self.app.get_system_commands(self.screen):
            if discover:
                yield DiscoveryHit(name, callback, help=help_text)


def pane_commands(app: App[Any], screen: Screen[object]) -> Iterator[SystemCommand]:
    """Palette entries for the commands bound in ``screen``, its own first.

    Each says its key ("ctrl+s · Save these results…"). The pane's own bindings are
    commands; a widget's only when it gives it an id (cursor moves, Enter and Escape are
    not); the app's global keys are left out (the palette lists panes and help by name).
    """
    seen: set[tuple[int, str]] = set()
    own: list[SystemCommand] = []
    widgets: list[SystemCommand] = []
    for key, active in screen.active_bindings.items():
        binding, node = active.binding, active.node
        if node is app or (id(node), binding.action) in seen:
            continue
        if not is_documented(node, binding) or not (node is screen or binding.id):
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
