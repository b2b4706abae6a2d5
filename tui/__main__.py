"""`python -m tui` runs the factscope command line."""

from tui.cli import run

run()
