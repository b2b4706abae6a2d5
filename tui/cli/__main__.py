"""``python -m factscope.tui.cli`` runs the command line."""

from factscope.tui.cli.commands import run

run()
