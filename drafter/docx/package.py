"""Reproducible .docx bytes, and the fingerprint that tells a drafter-written file from an edited one."""

from __future__ import annotations

import hashlib
import io
import zipfile

from drafter.errors import DrafterError

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
CORE_PART = "docProps/core.xml"
FINGERPRINT_PREFIX = "drafter-sha256:"
FINGERPRINT_PLACEHOLDER = FINGERPRINT_PREFIX + "0" * 64


def normalise_zip(data: bytes, fingerprint: bool = False) -> bytes:
    """Rewrite a .docx with fixed timestamps and attributes, so equal content gives equal bytes.

    With fingerprint, the placeholder in the core properties becomes the hash of every other part.
    """
    source = zipfile.ZipFile(io.BytesIO(data))
    return zip_parts({info.filename: source.read(info.filename) for info in source.infolist()}, fingerprint)


def zip_parts(parts: dict[str, bytes], fingerprint: bool = False) -> bytes:
    """The parts (in order) as a reproducible .docx; with fingerprint, as normalise_zip says."""
    if fingerprint:
        digest = _digest(parts)
        parts[CORE_PART] = parts[CORE_PART].replace(FINGERPRINT_PLACEHOLDER.encode(), digest.encode())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, blob in parts.items():
            fixed = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 0
            target.writestr(fixed, blob)
    return out.getvalue()


def document_bytes(document, fingerprint: bool = False) -> bytes:
    """A python-docx document as reproducible .docx bytes, compressed once: its parts are taken as
    document.save() would write them, without saving a zip only to unpack it again."""
    try:
        from docx.opc.pkgwriter import PackageWriter

        package = document.part.package
        for part in package.parts:
            part.before_marshal()
        parts = _PartCollector()
        package_parts = package.parts
        PackageWriter._write_content_types_stream(parts, package_parts)
        PackageWriter._write_pkg_rels(parts, package.rels)
        PackageWriter._write_parts(parts, package_parts)
    except AttributeError:  # another python-docx inside: save and rewrite
        buffer = io.BytesIO()
        document.save(buffer)
        return normalise_zip(buffer.getvalue(), fingerprint)
    return zip_parts(parts, fingerprint)


class _PartCollector(dict):
    """Stands in for python-docx's zip writer: member name -> bytes, in the order written."""

    def write(self, pack_uri, blob: bytes) -> None:
        self[pack_uri.membername] = blob


def _digest(parts: dict[str, bytes]) -> str:
    digest = hashlib.sha256()
    for name in sorted(parts):
        if name != CORE_PART:
            digest.update(name.encode())
            digest.update(parts[name])
    return FINGERPRINT_PREFIX + digest.hexdigest()


def content_fingerprint(data: bytes) -> str:
    """A hash of every part except the core properties, where the fingerprint itself is kept."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return _digest({name: archive.read(name) for name in archive.namelist()})


def stored_fingerprint(parts: dict[str, bytes]) -> str | None:
    """The fingerprint drafter stored in dc:identifier, or None for a file drafter did not write."""
    from drafter.docx.guard import parse_xml

    try:
        core = parse_xml(parts.get(CORE_PART, b""), "", CORE_PART)
    except DrafterError:
        return None
    identifier = core.findtext("{http://purl.org/dc/elements/1.1/}identifier") or ""
    return identifier if identifier.startswith(FINGERPRINT_PREFIX) else None


def is_unedited_drafter_output(data: bytes) -> bool:
    """Whether `data` is a .docx drafter wrote and nobody changed since. An existing file may be anything
    (a zip bomb named like the output), so it is opened through the guard's limits."""
    from drafter.docx.guard import package_parts

    try:
        parts = package_parts(data, "")
    except DrafterError:
        return False  # not a readable .docx: certainly not ours
    stored = stored_fingerprint(parts)
    return stored is not None and stored == _digest(parts)
