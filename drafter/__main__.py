"""Entry point for `python -m drafter`."""

from drafter.launch import main

main()
