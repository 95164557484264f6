"""The offices that appear in accountability minutes, and how minutes write them.

A role is written in many ways ("Chief Constable (CC)", "T/ Chief Constable (T/CC)", "the
Chief", "ACC Cooper", "Ch. Supt"). `parse_role` reduces any of them to one canonical office
plus an acting flag, so "the CC" and "T/CC" can meet at the same office while keeping the
words as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FORCE = "force"
OPCC = "opcc"


@dataclass(frozen=True, slots=True)
class Office:
    """A canonical office: its abbreviation, full title and which side of the table it sits."""

    abbrev: str
    title: str
    side: str  # FORCE or OPCC or "partner"
    aliases: tuple[str, ...] = ()


OFFICES: tuple[Office, ...] = (
    Office("PCC", "Police and Crime Commissioner", OPCC, ("Commissioner", "Police & Crime Commissioner")),
    Office(
        "DPCC",
        "Deputy Police and Crime Commissioner",
        OPCC,
        ("Deputy Commissioner", "Deputy Police & Crime Commissioner"),
    ),
    Office(
        "PFCC",
        "Police, Fire and Crime Commissioner",
        OPCC,
        ("Police Fire and Crime Commissioner", "Police, Fire & Crime Commissioner", "PFCC"),
    ),
    Office("CEO", "Chief Executive", OPCC, ("Chief Executive Officer", "OPCC Chief Executive")),
    Office("CFO", "Chief Finance Officer", OPCC, ("Treasurer",)),
    Office("CC", "Chief Constable", FORCE, ("Chief",)),
    Office("DCC", "Deputy Chief Constable", FORCE, ()),
    Office("ACC", "Assistant Chief Constable", FORCE, ()),
    Office("ACO", "Assistant Chief Officer", FORCE, ()),
    Office("DCS", "Detective Chief Superintendent", FORCE, ("Det Ch Supt", "Det. Ch. Supt")),
    Office("Ch Supt", "Chief Superintendent", FORCE, ("Ch. Supt", "Chief Supt", "C/Supt")),
    Office("Det Supt", "Detective Superintendent", FORCE, ("Det. Supt", "D/Supt")),
    Office("Supt", "Superintendent", FORCE, ("Supt.",)),
    Office("Ch Insp", "Chief Inspector", FORCE, ("Ch. Insp", "C/Insp", "CI")),
    Office("Insp", "Inspector", FORCE, ("Insp.",)),
    Office("FCR", "Force Crime Registrar", FORCE, ()),
)
_BY_ABBREV = {o.abbrev.casefold(): o for o in OFFICES}
_BY_TITLE: dict[str, Office] = {}
for _office in OFFICES:
    _BY_TITLE[_office.title.casefold()] = _office
    for _alias in _office.aliases:
        _BY_TITLE.setdefault(_alias.casefold(), _office)

ACTING_PREFIX = re.compile(r"^(?:(T|A)\s*/\s*|(?:Temporary|Acting|Interim)\s+)", re.IGNORECASE)
_ABBREV_IN_PARENS = re.compile(r"\(\s*([A-Za-z][A-Za-z/&.\s]{0,12}?)\s*\)\s*$")
_LEADING_ORG = re.compile(r"^(?:OPCC|OPFCC)\s+(?=(?:Chief|Deputy)\b)")
_OPCC_SIDE = re.compile(r"\bOPCC\b|commission|policy", re.IGNORECASE)
_ORG_QUALIFIER = re.compile(r"\s*(?:,\s*|\s)(?:OPCC|OPFCC|Force)\s*$")

RANKS = re.compile(
    r"^(?:(?:T|A)\s*/\s*)?(?:Det(?:ective)?\.?\s+)?(?:Ch(?:ief)?\.?\s+)?"
    r"(?:Supt\.?|Superintendent|Insp\.?|Inspector|Sgt\.?|Sergeant|Constable|PC|DC|DS|DI|DCI|DCS|"
    r"ACC|DCC|CC|ACO|Cllr\.?|Councillor|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Prof\.?)\s+",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class RoleMention:
    """A role as written, reduced to a canonical office where one is known."""

    written: str  # "T/ Chief Constable"
    title: str  # "Chief Constable" (canonical if known, else as written without acting prefix)
    abbrev: str  # "CC" for a known office, else "" (initials are not role abbreviations)
    acting: bool
    side: str  # FORCE, OPCC, partner or ""

    @property
    def display_abbrev(self) -> str:
        """The abbreviation with its acting prefix, as minutes write it ("T/CC")."""
        if not self.abbrev:
            return ""
        return f"T/{self.abbrev}" if self.acting else self.abbrev

    @property
    def display_title(self) -> str:
        return f"Temporary {self.title}" if self.acting else self.title


def parse_role(written: str) -> RoleMention:
    """Reduce a written role to its office.

    >>> parse_role("T/ Chief Constable").display_abbrev
    'T/CC'
    >>> parse_role("Senior Policy Officer").title
    'Senior Policy Officer'
    """
    text = " ".join(written.split()).strip(" ,;-–—")  # as re.sub(r"\s+", " ", …): the strip takes " "
    acting = False
    match = ACTING_PREFIX.match(text)
    if match:
        acting = True
        text = text[match.end() :].strip()
    # "Chief Executive, OPCC": the organisation qualifier names the side, not the office
    text = _LEADING_ORG.sub("", text) or text  # "OPCC Chief Executive"
    office = office_for(text) or office_for(_ORG_QUALIFIER.sub("", text))
    if office is not None:
        return RoleMention(written, office.title, office.abbrev, acting, office.side)
    side = OPCC if _OPCC_SIDE.search(text) else ""
    return RoleMention(written, _ORG_QUALIFIER.sub("", text) or text, "", acting, side)


def office_for(text: str) -> Office | None:
    """The canonical office named by an abbreviation or title, if it is one we know."""
    key = " ".join(text.split()).strip(" .,").casefold()
    key = key.removeprefix("the ").strip()
    if key in _BY_ABBREV:
        return _BY_ABBREV[key]
    if key in _BY_TITLE:
        return _BY_TITLE[key]
    key = key.replace(".", "")
    return _BY_ABBREV.get(key) or _BY_TITLE.get(key)


def split_abbrev(text: str) -> tuple[str, str]:
    """Split "Chief Constable (CC)" into ("Chief Constable", "CC")."""
    match = _ABBREV_IN_PARENS.search(text)
    if not match:
        return text.strip(), ""
    return text[: match.start()].strip(), "".join(match.group(1).split())


def acting_abbrev(abbrev: str) -> tuple[str, bool]:
    """("T/CC") -> ("CC", True); ("DCC") -> ("DCC", False)."""
    match = ACTING_PREFIX.match(abbrev)
    if match:
        return abbrev[match.end() :].strip(), True
    return abbrev, False
