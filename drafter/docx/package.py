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
    parts = {info.filename: source.read(info.filename) for info in source.infolist()}
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
