"""Who a phrase points at, inside one meeting.

"The T/CC", "NN", "ACC Cooper", "the Chief", "the Force", "his office" resolve against that
meeting's attendance: abbreviations and initials only ever resolve to an attendee of the same
meeting, so two people with the same initials in different meetings never merge. A role with
no attendee holding it keeps the role and leaves the person empty; tenures learnt across
meetings may fill it in later (graph linking), never a guess here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from promises.ingest.records import Attendee, Party
from promises.ingest.roles import FORCE, OPCC, RANKS, acting_abbrev, office_for

_ORG_FORCE = re.compile(
    r"^(?:the\s+)?(?:force|force's|constabulary|west mercia police|police|organisation|chief officers?|"
    r"executive team|chief officer team|force executive)\b",
    re.IGNORECASE,
)
_ORG_OPCC = re.compile(
    r"^(?:the\s+)?(?:opcc|pcc'?s office|his office|her office|commissioner'?s office|office of the pcc|"
    r"pcc policy team|policy team)\b",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"^(?:he|she)\b", re.IGNORECASE)
_HEAD_OF = re.compile(
    r"^(?i:the\s+)?(?i:new\s+)?((?i:head|director)\s+of\s+[A-Z][\w&]*(?:\s+(?:and|&)\s+[A-Z]\w*)?"
    r"(?:\s+[A-Z][a-z]+)?|(?i:force crime registrar|tactical lead|strategic lead))"
)
_ABBREV_TOKEN = re.compile(r"^(?:the\s+)?(?P<abbr>(?:[TA]\s*/\s*)?[A-Z][A-Za-z]{0,4}(?:\s+Supt)?)\b")

PARTY_PATTERN = (
    # rank and surname first: "ACC Hartigan said" is ACC Hartigan, not "ACC" then "Hartigan said"
    r"(?:(?:[TA]\s*/\s*)?(?:ACC|DCC|Supt|Superintendent|Ch\.?\s*Supt|Inspector|Insp|DCS|Det\s+Supt)\s+[A-Z][a-z]+"
    r"|(?:[Tt]he\s+)?(?:[TA]\s*/\s*)?(?:Chief\s+Finance\s+Officer|Chief\s+Executive|Chief\s+Officers?|"
    r"PCC|DPCC|CEO|CFO|CC|DCC|ACC|ACO|Chief(?:\s+Constable)?|Commissioner|"
    r"Deputy\s+Commissioner|Deputy\s+Chief\s+Constable|Assistant\s+Chief\s+Constable|"
    r"Force\s+Crime\s+Registrar|Force|force|OPCC|(?:PCC\s+)?[Pp]olicy\s+[Tt]eam|[Ee]xecutive\s+[Tt]eam|"
    r"PFCC|(?:Head|Director)\s+of\s+[A-Z]\w+(?:\s+(?:and|&)\s+[A-Z]\w+|\s+[A-Z]\w+)?|Treasurer|"
    r"(?:Deputy\s+)?Police(?:,\s+Fire)?\s+and\s+Crime\s+Commissioner|Commissioner'?s\s+[Oo]ffice|"
    r"(?:[A-Z][a-z]+\s+){1,3}(?:Officer|Manager|Adviser|Advisor|Lead))"
    r"|[Hh](?:is|er)\s+office"
    r"|(?:[Tt]he\s+)?[A-Z]o[A-Z]{1,2}(?![A-Za-z])"
    r"|[A-Z]{2,3}"
    r"|[A-Z][a-z]+\s+[A-Z][a-z]+)"
)


class PartyResolver:
    """Resolve party mentions against one meeting's attendees."""

    def __init__(self, attendees: Sequence[Attendee]) -> None:
        self.attendees = [a for a in attendees if not a.apologies] or list(attendees)
        self._by_abbrev: dict[str, list[Attendee]] = {}
        for a in self.attendees:
            for key in {a.abbrev, a.role_display, a.initials if len(a.initials) >= 2 else ""}:
                if key:
                    self._by_abbrev.setdefault(key.replace(" ", ""), []).append(a)
        for a in self.attendees:
            # "DoF" for the Director of Finance: minutes abbreviate titles that have no office
            initials = _title_initials(a.role_title) if not a.role_abbrev else ""
            if len(initials) >= 3:
                for key in {initials, initials.upper()}:
                    self._by_abbrev.setdefault(key, []).append(a)
        self._by_office: dict[str, list[Attendee]] = {}
        for a in self.attendees:
            if a.role_abbrev:
                self._by_office.setdefault(a.role_abbrev, []).append(a)
        # titles without an office, as `_by_held_title` compares them
        self._held_titles = [
            (a, _LEADING_ORG.sub("", a.role_title.casefold()).strip())
            for a in self.attendees
            if not a.role_abbrev and len(a.role_title.split()) >= 2
        ]
        # A resolver serves one meeting, whose sentences name the same few parties over and over
        # (each rule asks again); the answer depends only on the text and the fixed attendance.
        self._resolved: dict[str, Party | None] = {}

    def resolve(self, text: str) -> Party | None:
        """The party named at the start of `text`, or None when it names nobody we can place."""
        try:
            return self._resolved[text]
        except KeyError:
            party = self._resolved[text] = self._resolve(text)
            return party

    def _resolve(self, text: str) -> Party | None:
        phrase = " ".join(text.split()).strip(" ,.;:")
        if not phrase:
            return None
        titled = self._by_title(phrase) or self._by_held_title(phrase)
        if titled is not None:
            return titled  # before "the Force …": "the Force Crime Registrar" is a role, not the force
        org = _ORG_OPCC.match(phrase)
        if org:
            return Party(org.group(0), organisation=OPCC)
        org = _ORG_FORCE.match(phrase)
        if org:
            return Party(org.group(0), organisation=FORCE)
        named = self._by_name(phrase)
        if named is not None:
            return named
        ranked = RANKS.match(phrase)
        if ranked:
            surname = phrase[ranked.end() :].split()[0].strip(".,") if phrase[ranked.end() :].split() else ""
            match = [a for a in self.attendees if a.name.split()[-1] == surname]
            if len(match) == 1:
                return _party(phrase, match[0])
            office = office_for(ranked.group(0).strip())
            if office is not None:
                return Party(phrase, role_abbrev=office.abbrev, role_title=office.title)
        return self._by_role(phrase)

    def _by_title(self, phrase: str) -> Party | None:
        """ "Head of Estates", "the Force Crime Registrar": the attendee holding it, else the role."""
        head = _HEAD_OF.match(phrase)
        if not head:
            return None
        title = head.group(1)
        holders = [a for a in self.attendees if a.role_title.casefold().startswith(title.casefold())]
        if len({a.name for a in holders}) == 1:
            return _party(head.group(0), holders[0])
        office = office_for(title)
        if office is not None:
            return Party(
                head.group(0), role_abbrev=office.abbrev, role_title=office.title, organisation=office.side
            )
        return Party(head.group(0), role_title=title[:1].upper() + title[1:])

    def _by_held_title(self, phrase: str) -> Party | None:
        """ "The Panel Lead Officer", "OPCC Head of Policy": a title an attendee holds, word for word.

        Titles with no canonical office are only known from the attendance list; without this
        they resolve to nobody, or "OPCC Head of …" to the whole office.
        """
        key = _LEADING_ORG.sub("", phrase.casefold().removeprefix("the ")).strip()
        holders = [a for a, title in self._held_titles if key.startswith(title)]
        if len({a.name for a in holders}) == 1:
            return _party(phrase, holders[0])
        return None

    def _by_name(self, phrase: str) -> Party | None:
        for a in self.attendees:
            if phrase.startswith(a.name):
                return _party(a.name, a)
        return None

    def _by_role(self, phrase: str) -> Party | None:
        words = phrase.removeprefix("the ").removeprefix("The ").split()
        for size in (3, 2, 1):
            candidate = " ".join(words[:size])
            compact = candidate.replace(" ", "")
            if compact in self._by_abbrev:
                holders = self._by_abbrev[compact]
                if len({h.name for h in holders}) == 1:
                    return _party(candidate, holders[0], compact)
            base, acting = acting_abbrev(compact)
            office = office_for(base) or office_for(candidate)
            if office is not None and (size > 1 or candidate[:1].isupper()):
                holders = self._by_office.get(office.abbrev, [])
                if len({h.name for h in holders}) == 1:
                    return _party(candidate, holders[0], office.abbrev if not acting else None)
                return Party(candidate, role_abbrev=office.abbrev, acting=acting, role_title=office.title)
        return None


_LEADING_ORG = re.compile(r"^(?:opcc|opfcc|force)\s+")
_TITLE_WORD_BREAK = re.compile(r"[\s/]+")
_MINOR_WORDS = frozenset({"of", "and", "for", "the", "&"})


def _title_initials(title: str) -> str:
    """ "Director of Finance" -> "DoF": capitals for the words, lower case for the small ones."""
    words = [w for w in _TITLE_WORD_BREAK.split(title) if w]
    if len(words) < 2:
        return ""
    return "".join(w[0].lower() if w.casefold() in _MINOR_WORDS else w[0].upper() for w in words if w != "&")


def is_pronoun(text: str) -> bool:
    return bool(_PRONOUN.match(text.strip()))


def _party(text: str, attendee: Attendee, written_abbrev: str | None = None) -> Party:
    return Party(
        text=text,
        role_abbrev=attendee.role_abbrev,
        acting=attendee.acting,
        role_title=attendee.role_title,
        person=attendee.name,
        organisation=FORCE if attendee.side == FORCE else OPCC if attendee.side == OPCC else "",
    )
