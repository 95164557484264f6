"""Stable, prefixed identifiers derived from content.

Ids survive a re-ingest because they hash a canonical string of the key fields (normalised
case and whitespace, joined by a fixed separator), never insertion order, `hash()` or pickle.

>>> make_id("m", "West Mercia PCC", "2023-02-28")
'm-861e1eb8e91b8401'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

PREFIXES = {
    "c": "Commitment",
    "d": "Document",
    "m": "Meeting",
    "p": "Person",
    "r": "Role",
    "o": "Organisation",
    "t": "Theme",
    "op": "Operation",
    "pl": "Place",
    "u": "Update",
}
ID_PATTERN = re.compile(r"^(?:c|d|m|p|r|o|t|op|pl|u)-[0-9a-f]{16,64}$")
_SEPARATOR = "\x1f"
_SPACE = re.compile(r"\s+")


def canonical(text: str) -> str:
    """Normalise text for hashing: NFKC, casefold, unify dashes and quotes, squeeze spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-")
    text = text.replace("\u2014", "-").replace("\u201c", '"').replace("\u201d", '"')
    return _SPACE.sub(" ", text).strip().casefold()


def make_id(prefix: str, *parts: str) -> str:
    """Hash the canonical form of `parts` into an id such as `c-1a2b…`."""
    if prefix not in PREFIXES:
        raise ValueError(f"unknown id prefix {prefix!r}; known: {', '.join(sorted(PREFIXES))}")
    key = _SEPARATOR.join(canonical(p) for p in parts)
    return f"{prefix}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:16]}"


def document_id(data_sha256: str) -> str:
    """A document is its bytes: the id is the full SHA-256, so a renamed copy is the same document."""
    return f"d-{data_sha256}"


def is_valid(identifier: str) -> bool:
    """True when `identifier` has a known prefix and a hex digest."""
    return bool(ID_PATTERN.match(identifier))
