"""What a sentence says once the layout's lead-in is set aside.

Every force lays out who is speaking differently: "Q:" / "A:" labels, "PCC:" or "SB:" at the
start of a bullet, "Question 3 –", or a discourse opener before the subject ("In response the
CC stated …", "With regard to fleet, the DCC confirmed …"). The extraction rules are anchored
at the subject of reported speech, so they only generalise across layouts if those lead-ins are
removed first, and a label that names a party becomes that party's reported speech. Spans still
quote the original text; only the matching text changes.
"""

from __future__ import annotations

import re

from promises.ingest.parties import PARTY_PATTERN, PartyResolver, is_pronoun
from promises.ingest.records import Party

__all__ = ["plain_lead"]

# "Q:", "A3:", "Question 2 –", "Response:", "Issue raised:": layout, naming nobody
_QA_LABEL = re.compile(
    r"^(?:Q|A|Q\d{1,2}|A\d{1,2}|Questions?(?:\s+\d{1,2})?|Responses?|Answers?|Reply|Comments?|Update|"
    r"Outcome|Discussion|Notes?|Issues?(?:\s+raised)?|Summary|Key\s+points?|(?:Force|OPCC)\s+response)"
    r"\s*[:\-–—]\s+(?=\S)"
)
# "PCC:", "SB:", "DCC Flynn –": a label naming who speaks; never a header field or an action
_PARTY_LABEL = re.compile(
    r"^(?P<who>[A-Z][A-Za-z/.'’ ]{0,30}?)\s*(?::|\s[–—]\s)\s*(?P<rest>\S.*)$", re.DOTALL
)
_NOT_SPEAKERS = re.compile(
    r"^(?:actions?|owner|lead|deadline|due|date|venue|chair|present|apologies|attendees|minutes|item|"
    r"agenda|status|ref|update|note|notes|outcome|decision|resolved|agreed|time|location|by)\b",
    re.IGNORECASE,
)
# verbs a label's text may open with: "CC: Confirmed that …" is the CC confirming
_OPENING_VERB = re.compile(
    r"^(?:asked|requested|sought|queried|confirmed|agreed|said|stated|advised|explained|noted|reported|"
    r"highlighted|outlined|added|assured|undertook|committed|will|would|is|was|has|had|to|"
    r"provided|gave|welcomed|thanked|raised|suggested|expects|expected|believes|hopes|hoped)\b",
    re.IGNORECASE,
)
_SUBJECT_START = re.compile(rf"^(?:{PARTY_PATTERN}|[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)\b")
# "In response the CC stated …": openers before a speaking subject
_OPENER = re.compile(
    r"^(?:In\s+(?:response|reply|answer)|Responding|However|Additionally|Furthermore|Moreover|"
    r"In\s+addition|Also|Finally|Separately|Similarly|Likewise|Overall|In\s+summary|"
    r"(?:With\s+(?:regard|reference|respect)|In\s+relation|Turning|Referring)\s+to|Regarding|"
    r"Following|After)\b"
)
_SPEAKS = re.compile(
    rf"(?:^|,\s*|\s)(?P<rest>(?:{PARTY_PATTERN}|[Hh]e|[Ss]he|[Tt]hey|[Ww]e)\s+(?:also\s+|then\s+|further\s+)?"
    r"(?:said|stated|confirmed|agreed|added|explained|outlined|highlighted|responded|replied|advised|"
    r"noted|indicated|clarified|reported|assured|undertook|committed|acknowledged|informed|promised|"
    r"provided|gave|is|was|were|believes|believed|expects|expected|will|would)\b)"
)

# "R21/25 –", "A28/24:", "02/12-3": an item's reference before its text
_ITEM_REF = re.compile(
    r"^(?:[A-Z]{1,3})?\d{1,3}(?:[/.]\d{1,4}){1,3}(?:-\d{1,2})?[a-z]?\s*(?:[–—:-]\s+|\s+(?=[A-Z]))"
)
_TERSE_STATE = re.compile(
    rf"^(?P<who>{PARTY_PATTERN})\s+(?=(?:confident|hoping|looking|keen|planning|aiming|optimistic|content|"
    r"satisfied|committed)\b)"
)
# "Custody refurbishment – LT to confirm final costs": a topic, a dash, then the tasked party
_TOPIC_DASH = re.compile(r"^(?P<topic>[^–—:;.]{2,50}?)\s[–—-]\s(?P<rest>\S.*)$", re.DOTALL)
_DIRECTIVE_START = re.compile(
    rf"^(?:{PARTY_PATTERN})(?:\s*(?:/|and|&)\s*(?:{PARTY_PATTERN}))?\s+(?:now\s+|also\s+)?"
    r"(?:to|will|would|agreed\s+to)\s+[a-z]+"
)


def plain_lead(flat: str, resolver: PartyResolver) -> tuple[str, Party | None]:
    """`flat` without its layout lead-in, and the party a speaker label names (else None)."""
    ref = _ITEM_REF.match(flat)
    if ref is not None and flat[ref.end() :]:
        flat = flat[ref.end() :]  # "R21/25 – The Head of … to circulate …"
    qa = _QA_LABEL.match(flat)
    if qa is not None:
        flat = flat[qa.end() :]
    labelled = _PARTY_LABEL.match(flat)
    if labelled is not None and not _NOT_SPEAKERS.match(labelled.group("who")):
        who, rest = labelled.group("who").strip(), labelled.group("rest")
        party = resolver.resolve(who)
        if party is not None and _names_only(who, party):
            if rest.rstrip().endswith("?"):
                return f"{who} asked {rest}", party  # "PCC: Will the Force meet …?" is a question
            if _OPENING_VERB.match(rest):
                return f"{who} {rest[:1].lower()}{rest[1:]}", party
            if _SUBJECT_START.match(rest):
                return rest, party
            if ":" in flat[labelled.start("who") : labelled.start("rest")]:
                # "DCC Smith – review …" is a log row (owner, task); only a colon marks speech
                return f"{who} said that {rest}", party
    if _OPENER.match(flat):
        speaks = _SPEAKS.search(flat, 0, 200)
        if speaks is not None and speaks.start("rest") > 0:
            rest = speaks.group("rest")
            if is_pronoun(rest) or rest.split()[0].casefold() in ("they", "we") or resolver.resolve(rest):
                return flat[speaks.start("rest") :], None
    terse = _TERSE_STATE.match(flat)
    if terse is not None and resolver.resolve(terse.group("who")) is not None:
        # notes drop the verb: "JP confident the campaign will …", "Force looking to recruit …"
        return f"{terse.group('who')} is {flat[terse.end('who') :].lstrip()}", None
    topic = _TOPIC_DASH.match(flat)
    if topic is not None and resolver.resolve(topic.group("topic")) is None:
        rest = topic.group("rest")
        if _DIRECTIVE_START.match(rest) and resolver.resolve(rest) is not None:
            return rest, None
    return flat, None


def _names_only(label: str, party: Party) -> bool:
    """Whether the whole label is the party ("DCC Flynn"), not a topic that starts with one."""
    return len(label.split()) <= 3 and (party.text.casefold() == label.casefold() or len(label.split()) <= 2)
