"""The `drafter` command's entry point, for a process that lives one command long.

Python's cyclic collector is off while drafter imports its libraries and does its work: a command keeps
what it builds until it exits, so the collector's passes over the ~100,000 objects the imports make find
nothing to free (5-8 ms of a build, measured with and without). The commands that read drafts (check,
outline and mine any number, extract one of any size) switch it back on (`collect_garbage`). drafter.cli.main freezes what
is left at exit, so Python's last collection skips it too.
"""

from __future__ import annotations

import gc


def main() -> None:
    gc.disable()
    from drafter.cli import main as run  # click and the command line, imported with the collector off

    run()


def collect_garbage() -> None:
    """For a command that reads any number of files: what each file leaves behind is freed as it goes."""
    gc.enable()
