"""Time `drafter check` of a .docx of just over 100 pages: cold process, median of N runs after a warm-up.

    python bench/check_speed.py [--pages 100] [--runs 5]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import timed, write_form  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=108)  # 108 sections render as just over 100 pages
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        form = write_form(Path(work), args.pages)
        docx = Path(work) / "long.docx"
        subprocess.run([sys.executable, "-m", "drafter", "build", str(form), "-o", str(docx)], check=True, capture_output=True)
        pages = "?"
        try:
            from drafter.preview import docx_to_pdf, find_soffice
            if find_soffice():
                pdf = docx_to_pdf(docx, Path(work) / "long.pdf")
                info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
                pages = next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:"))
        except Exception:  # the page count is a description only
            pass
        # check exits 1 when it finds errors; the synthetic draft has none, so check=True holds.
        seconds = timed([sys.executable, "-m", "drafter", "check", str(docx)], args.runs)
        paragraphs = len(__import__("docx").Document(str(docx)).paragraphs)
    print(f"check of a {pages}-page .docx ({paragraphs} paragraphs): median {seconds:.3f} s")


if __name__ == "__main__":
    main()
