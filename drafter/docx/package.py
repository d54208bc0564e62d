"""Reproducible .docx bytes, and the fingerprint that tells a drafter-written file from an edited one."""

from __future__ import annotations

import hashlib
import io
import zipfile

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
CORE_PART = "docProps/core.xml"
FINGERPRINT_PREFIX = "drafter-sha256:"


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a .docx with fixed timestamps and attributes, so equal content gives equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 0
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def content_fingerprint(data: bytes) -> str:
    """A hash of every part except the core properties, where the fingerprint itself is kept."""
    digest = hashlib.sha256()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in sorted(archive.namelist()):
            if name == CORE_PART:
                continue
            digest.update(name.encode())
            digest.update(archive.read(name))
    return FINGERPRINT_PREFIX + digest.hexdigest()


def stored_fingerprint(data: bytes) -> str | None:
    """The fingerprint drafter stored in dc:identifier, or None for a file drafter did not write."""
    import docx

    if len(data) > 64 * 1024 * 1024:
        return None  # no draft of ours is this large
    try:
        identifier = docx.Document(io.BytesIO(data)).core_properties.identifier or ""
    except Exception:  # not a readable .docx: certainly not ours
        return None
    return identifier if identifier.startswith(FINGERPRINT_PREFIX) else None


def is_unedited_drafter_output(data: bytes) -> bool:
    stored = stored_fingerprint(data)
    return stored is not None and stored == content_fingerprint(data)
