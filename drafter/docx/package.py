"""Reproducible .docx bytes, and the fingerprint that tells a drafter-written file from an edited one."""

from __future__ import annotations

import hashlib
import io
import zipfile

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
