"""Past reports and drafts (.txt, .docx) into the block model: cleaned, with headings and sections found."""

from drafter.reading.read import ReadReport, read_report

__all__ = ["ReadReport", "read_report"]
