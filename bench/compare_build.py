"""drafter build against its peers, cold processes, median of N runs after a warm-up.

    python bench/compare_build.py [--runs 5]

Forms: the main example and a 60-page synthetic form (bench/synthetic.py). Peers (bench/peers.py):
the floor (python-docx writing the same paragraphs with the same styles) and docxtpl (rendering the
same content from a Word template with the same styles). Also drafter --help, whether build imports
jieba, and the scaling of build with size (10, 60 and 300 pages).
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

import docx

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
from common import timed, write_form  # noqa: E402

REFERENCE = REPO / "templates" / "reference.docx"


def page_count(path: Path) -> str:
    try:
        sys.path.insert(0, str(REPO))
        from drafter.preview import docx_to_pdf, find_soffice
        if not find_soffice():
            return "?"
        pdf = docx_to_pdf(path, path.with_suffix(".pdf"))
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        return next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:"))
    except Exception:  # the page count only describes the input
        return "?"


def measure(form: Path, work: Path, runs: int) -> dict:
    out = work / f"{form.stem}.docx"
    drafter = timed([sys.executable, "-m", "drafter", "build", str(form), "-o", str(out), "--force"], runs)
    blocks = [[p.style.name, p.text] for p in docx.Document(str(out)).paragraphs if p.text]
    blocks_path = work / f"{form.stem}.json"
    blocks_path.write_text(json.dumps(blocks, ensure_ascii=False), encoding="utf-8")
    peers = [sys.executable, str(HERE / "peers.py")]
    floor = timed([*peers, "floor", str(blocks_path), str(REFERENCE), str(work / "floor.docx")], runs)
    template = work / "template.docx"
    subprocess.run([*peers, "template", str(REFERENCE), str(template)], check=True)
    docxtpl = timed([*peers, "docxtpl", str(blocks_path), str(template), str(work / "tpl.docx")], runs)
    return {"pages": page_count(out), "paragraphs": len(blocks), "drafter": drafter, "floor": floor, "docxtpl": docxtpl}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {platform.system()}, Python {platform.python_version()}, "
          f"median of {args.runs} cold processes after a warm-up")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        forms = [REPO / "docs" / "examples" / "qingshan-2024.yaml", write_form(work, 60)]
        print("form | pages | paragraphs | drafter s | floor s | drafter/floor | docxtpl s | drafter/docxtpl")
        print("--- | --- | --- | --- | --- | --- | --- | ---")
        for form in forms:
            r = measure(form, work, args.runs)
            print(f"{form.name} | {r['pages']} | {r['paragraphs']} | {r['drafter']:.3f} | {r['floor']:.3f} | "
                  f"{r['drafter'] / r['floor']:.2f} | {r['docxtpl']:.3f} | {r['drafter'] / r['docxtpl']:.2f}")
        print()
        print("pages asked | pages | drafter s | s per page")
        print("--- | --- | --- | ---")
        for pages in (10, 60, 300):
            form = write_form(work, pages)
            out = work / f"scale-{pages}.docx"
            seconds = timed([sys.executable, "-m", "drafter", "build", str(form), "-o", str(out), "--force"], args.runs)
            real = page_count(out)
            per = seconds / int(real) if real != "?" else float("nan")
            print(f"{pages} | {real} | {seconds:.3f} | {per:.4f}")
        help_time = timed([sys.executable, "-m", "drafter", "--help"], args.runs)
        probe = ("import sys, drafter.cli as c; sys.argv=['drafter','build',%r,'-o',%r,'--force']\n"
                 "try: c.main()\nexcept SystemExit: pass\nprint('jieba' in sys.modules)") % (str(forms[0]), str(work / "p.docx"))
        jieba = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split()[-1]
        print(f"\ndrafter --help: {help_time:.3f} s; jieba imported by build: {jieba}")


if __name__ == "__main__":
    main()
