"""What the benchmarks share: the machine's description, timing cold processes interleaved (A B A B…),
and a synthetic form of any length made from the main example's own sentences.

Every process is started from a temporary folder, never from the repository: `python -m drafter` run
inside a clone would import the source tree instead of the installed package."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

import yaml

try:
    import resource
except ImportError:  # Windows: wall time only
    resource = None

REPO = Path(__file__).resolve().parent.parent
MAIN = REPO / "docs" / "examples" / "qingshan-2024.yaml"
MIN_RUNS = 7
NEUTRAL = tempfile.mkdtemp(prefix="drafter-bench-")  # cwd of every timed process


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo", encoding="utf-8")
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    memory = ""
    try:
        memory = f", {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB"
    except (ValueError, OSError, AttributeError):
        pass
    versions = ", ".join(f"{name} {_version(name)}" for name in
                         ("drafter", "python-docx", "docxtpl", "jsonschema", "Jinja2", "jieba", "rjieba"))
    return (f"{cpu}, {os.cpu_count()} cores{memory}, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}; {versions}")


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "(not installed)"


def installed_drafter() -> str:
    """Where the drafter the benchmarks run is imported from, to show it is the installed one."""
    code = "import drafter, os; print(os.path.dirname(drafter.__file__))"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=NEUTRAL,
                          check=True).stdout.strip()


# A normal install has its .pyc files (pip compiles them); a shell that forbids writing them would make
# every timed process compile drafter from source, which no user's run does.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, check=True, capture_output=True, cwd=NEUTRAL, env=kwargs.pop("env", ENV), **kwargs)


CPU: dict[str, float] = {}  # median CPU seconds (user + system, the process and its children) per command name


def interleaved(commands: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Median wall time of each command over `runs` cold processes, taken in rounds (A B C, A B C, …)
    so that a busy moment of the machine falls on every command alike; one warm-up round first.
    The median CPU time of each is left in CPU: on a shared machine it varies less than wall time."""
    runs = max(runs, MIN_RUNS)
    times: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    for round_ in range(runs + 1):
        for name, command in commands.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN) if resource else None
            start = time.perf_counter()
            run(command)
            if round_:
                times[name].append(time.perf_counter() - start)
                if before:
                    after = resource.getrusage(resource.RUSAGE_CHILDREN)
                    cpu[name].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    CPU.update({name: statistics.median(values) for name, values in cpu.items() if values})
    return {name: statistics.median(values) for name, values in times.items()}


def load() -> str:
    """The machine's load while the benchmark ran: other work on a shared machine slows every figure."""
    try:
        return "、".join(open("/proc/loadavg", encoding="ascii").read().split()[:3])
    except OSError:
        return "?"


def synthetic_form(pages: int) -> str:
    """About `pages` pages: the main example's figures, then sections of ordinary paragraphs."""
    data = yaml.safe_load(MAIN.read_text(encoding="utf-8"))
    paragraph = ("围绕新材料、装备制造、生物医药等主导产业，组织实施县级揭榜挂帅项目8项，"
                 "攻克高性能密封材料、智能分拣装备等关键技术12项，带动企业新增产值9.6亿元。") * 2
    sections = []
    for number in range(pages):  # a heading and three paragraphs (19 lines) fill about a page
        sections.append({"title": f"深化第{number + 1}项重点工作，创新能力持续增强",
                         "paragraphs": [paragraph] * 3})
    data["achievements"]["sections"] = data["achievements"]["sections"] + sections
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def write_form(folder: Path, pages: int) -> Path:
    path = folder / f"synthetic-{pages}.yaml"
    path.write_text(synthetic_form(pages), encoding="utf-8")
    return path


def page_count(path: Path) -> str:
    """Pages as LibreOffice lays the .docx out (a description of the input only; "?" without it)."""
    try:
        from drafter.preview import docx_to_pdf, find_soffice
        if not find_soffice():
            return "?"
        pdf = docx_to_pdf(path, path.with_suffix(".pdf"))
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        return next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:"))
    except Exception:  # the page count only describes the input
        return "?"


def verdict(value: float, target: float) -> str:
    return "达标" if value <= target else "未达标"
