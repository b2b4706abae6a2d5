"""`python -m tui` runs the factscope command line."""

from tui.cli import main

main()
