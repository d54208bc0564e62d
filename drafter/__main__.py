"""Entry point for `python -m drafter`."""

from drafter.cli import main

main()
