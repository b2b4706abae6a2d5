"""`python -m factscope.tui` runs the factscope command line."""

from factscope.tui.cli import run

run()
