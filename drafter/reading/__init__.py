"""Past reports and drafts (.txt, .docx) into the block model: cleaned, with headings and sections found."""

__all__ = ["ReadReport", "read_report"]


def __getattr__(name: str):
    # Loaded on first use: the build needs only reading.classify, not the Word and text readers.
    if name in __all__:
        from drafter.reading import read

        return getattr(read, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
