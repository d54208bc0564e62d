"""Commands drafter suggests to the user, written so that they can be pasted as they are."""

from __future__ import annotations


def shell_quote(path) -> str:
    """A path as the user can paste it into a suggested command: quoted when it has spaces or
    characters a shell would split on (double quotes work in cmd, PowerShell and POSIX shells)."""
    text = str(path)
    return f'"{text}"' if not text or any(char in text for char in ' \t&;|<>()$`\'"!*?') else text
