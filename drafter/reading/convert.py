"""Old Word (.doc), WPS (.wps) and RTF files read by converting them to .docx with LibreOffice first."""

from __future__ import annotations

import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from drafter.errors import InputError

CONVERTIBLE = (".doc", ".wps", ".rtf")
TIMEOUT = 120  # seconds: a long .doc converts in a few
NO_LIBREOFFICE = ("{path}: 读取 {suffix} 文件需要 LibreOffice，但本机没有找到（soffice）。"
                  "请用 Word 或 WPS 打开该文件，“另存为” .docx 后再试；或安装 LibreOffice。")


@contextmanager
def converted_docx(path: Path):
    """A .docx converted from `path` in a private temporary folder, removed afterwards."""
    from drafter.errors import DrafterError
    from drafter.preview import soffice_convert

    if not path.is_file():
        raise InputError(f"{path}: 文件不存在。")
    with tempfile.TemporaryDirectory(prefix="drafter-read-") as work:
        work_dir = Path(work)
        # a copy under a plain name: soffice names its output after the input, and a name with odd
        # characters or a leading dash must not reach its command line
        source = work_dir / ("source" + path.suffix.lower())
        shutil.copyfile(path, source)
        try:
            docx = soffice_convert(source, "docx", work_dir, TIMEOUT,
                                   missing=NO_LIBREOFFICE.format(path=path, suffix=path.suffix.lower()))
        except DrafterError as exc:
            message = str(exc).replace(str(source), str(path))
            raise InputError(message) from exc
        yield docx
