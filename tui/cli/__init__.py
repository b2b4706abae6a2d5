"""The ``factscope`` command line: a subpackage of its own, with no Textual in it.

:mod:`.commands` defines the click commands, :mod:`.support` what they share (the database
they open, one-line failures, the import runner). They print through the presentation
modules the TUI uses too (``tui.output``, ``tui.records``, ``tui.tables``,
``tui.formatting``), so a value reads the same in both front ends. Only ``factscope open``
imports the Textual app, inside the command.
"""

from factscope.tui.cli.commands import main, run

__all__ = ["main", "run"]
