"""Find return statements: sentences in which a meeting reports back on earlier business.

Ingest sees one document, so it cannot know *which* earlier commitment a sentence returns to;
it only keeps the sentences that read like a return, verbatim with their spans, the wording
signal (done, progress, deferred, mentioned) and the scope of the reference. Cross-meeting
linking (`promises.graph.followups`) attaches them later. Three scopes:

- blanket: "No outstanding actions, previous actions had been addressed and completed."
- explicit: "Update on action 14", "as previously requested", "the PCC had previously asked",
  "following the last meeting", "Action 3 closed".
- implicit: a sentence with a progress, completion or deferral verb ("Op Reset is now
  embedded", "the summit has been postponed"); progress needs a known theme or operation as
  well, because "work is ongoing" is what every agenda item says.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from promises.graph.model import Signal, Span, UpdateScope
from promises.ingest.patterns import Folded, fold
from promises.ingest.records import ReturnStatement
from promises.ingest.segmentation import LineKind, Sentence, normalise
from promises.ingest.vocabulary import Vocabulary

_BLANKET = Folded(
    r"\bno (?:outstanding|open) actions\b|\ball (?:previous |outstanding |open )?actions (?:have|had) been "
    r"(?:addressed|completed|closed|discharged)|"
    r"\bprevious actions (?:have|had) been (?:addressed|completed|closed)"
)
_EXPLICIT = Folded(
    r"\bupdate on (?:the )?actions?\b|\baction (?:log|tracker)\b|"
    r"\bas previously (?:requested|agreed|reported|discussed|stated|asked|raised)|"
    r"\b(?:had|has) previously (?:asked|requested|raised|sought|queried)|\bfollowing (?:on from )?"
    r"(?:the|our) (?:last|previous) meeting|\bat the (?:last|previous) meeting|\boriginally raised\b|"
    r"\b(?:raised|asked|requested) .{0,40}\b(?:at|in|as part of) (?:a|the) previous\b|"
    r"\baction \d+\b.{0,80}\b(?:complete|completed|closed|ongoing|deferred|carried forward|remains open)\b"
)
_DEFERRED = re.compile(
    r"\b(?:deferred(?! to (?:the )?(?:T/|A/)?(?-i:[A-Z]{2,}|Chief|Deputy|Assistant))|"
    r"postponed|delayed|pushed back|carried (?:forward|over)|"
    r"rescheduled|put on hold|paused|slipped)\b",
    re.IGNORECASE,
)
# _DEFERRED without its case-sensitive exception: a sentence it misses cannot match _DEFERRED
_DEFERRED_WORDS = Folded(
    r"\b(?:deferred|postponed|delayed|pushed back|carried (?:forward|over)|rescheduled|put on hold|paused"
    r"|slipped)\b"
)
_DONE = Folded(
    r"\b(?:completed|complete|closed|discharged|signed off|addressed and completed|"
    r"(?:has|have|had) (?:now )?been (?:delivered|implemented|achieved|filled|provided|shared|circulated|"
    r"sent|launched|rolled out|received|published|agreed|secured|appointed)|"
    r"(?:was|were) (?:delivered|implemented|achieved|shared|circulated|launched|rolled out|received|secured)|"
    r"now (?:in place|live|fully \w+|embedded))\b"
)
_PROGRESS = Folded(
    r"\b(?:ongoing|in progress|under ?way|progressing|on track|continues|continuing|to date|"
    r"(?:is|are) (?:now )?being \w+ed|has (?:started|begun|commenced)|progress (?:has been|was) made|"
    r"(?:had|has) (?:been )?(?:improved|increased|reduced)|scheduled)\b"
)
# A question or a new task is not a report back, however progress-like its words.
_ASKING = Folded(r"^\W*action\b|\b(?:asked|sought|queried|requested|to provide)\b")
_ROLE = re.compile(
    r"(?<![\w/])(?:[TA]\s?/\s?)?(?P<abbrev>DPCC|PCC|DCC|ACC|ACO|DCS|CC)\b"
    r"|\b(?P<title>Deputy Chief Constable|Assistant Chief Constable|Chief Constable|"
    r"Deputy (?:Police and Crime )?Commissioner|Police and Crime Commissioner)\b"
)
# Whether any of the patterns `classify` tries matches anywhere; where none does, it returns None
_ANY_SIGNAL = Folded(
    "|".join(f"(?:{p.pattern})" for p in (_BLANKET, _EXPLICIT, _DEFERRED_WORDS, _DONE, _PROGRESS))
)
_TITLE_ABBREV = {
    "deputy chief constable": "DCC",
    "assistant chief constable": "ACC",
    "chief constable": "CC",
    "deputy police and crime commissioner": "DPCC",
    "deputy commissioner": "DPCC",
    "police and crime commissioner": "PCC",
}


def find_returns(sentences: Sequence[Sentence], path: str, vocabulary: Vocabulary) -> list[ReturnStatement]:
    """Return statements of one document, in text order, repeats (PDF duplicates) skipped."""
    out: list[ReturnStatement] = []
    for sentence in sentences:
        if sentence.duplicate_of is not None or sentence.kind is LineKind.HEADING:
            continue
        flat = sentence.flat
        found = classify(flat)
        if found is None:
            continue
        scope, signal, rule = found
        topics = tuple(entry.node for entry in vocabulary.find(flat))
        if scope is UpdateScope.IMPLICIT and not topics and signal is Signal.PROGRESS:
            continue  # "work is ongoing" with no named subject could be about anything
        out.append(
            ReturnStatement(
                text=sentence.text,
                span=Span(path, sentence.start, sentence.end),
                signal=signal,
                scope=scope,
                rule=rule,
                roles=roles_named(flat),
                topics=topics,
                key=normalise(sentence.text),
            )
        )
    return out


def classify(text: str) -> tuple[UpdateScope, Signal, str] | None:
    """Scope, signal and rule name for a sentence that reads like a return, else None.

    >>> classify("No outstanding actions, previous actions had been addressed and completed.")
    (<UpdateScope.BLANKET: 'blanket'>, <Signal.DONE: 'done'>, 'blanket')
    >>> classify("The T/CC deferred to the T/DCC who highlighted the work.") is None
    True
    """
    folded = fold(text)  # once for the case-insensitive patterns below
    if not _ANY_SIGNAL.search(text, folded):
        return None  # most sentences report nothing back: one scan instead of five
    if _BLANKET.search(text, folded):
        return UpdateScope.BLANKET, Signal.DONE, "blanket"
    signal = signal_of(text, folded)
    if _EXPLICIT.search(text, folded):
        return UpdateScope.EXPLICIT, signal, "explicit-reference"
    if signal is not Signal.MENTIONED and not _ASKING.search(text, folded):
        return UpdateScope.IMPLICIT, signal, f"topic-{signal.value}"
    return None


def signal_of(text: str, folded: str | None = None) -> Signal:
    """What the wording says happened; deferral beats completion ("completion deferred").

    `folded` is `patterns.fold(text)` when the caller has it already.
    """
    folded = fold(text) if folded is None else folded
    if _DEFERRED_WORDS.search(text, folded) and _DEFERRED.search(text):
        return Signal.DEFERRED
    if _DONE.search(text, folded):
        return Signal.DONE
    if _PROGRESS.search(text, folded):
        return Signal.PROGRESS
    return Signal.MENTIONED


def roles_named(text: str) -> tuple[str, ...]:
    """Offices named in the sentence as bare abbreviations, acting prefixes dropped."""
    found: dict[str, None] = {}
    for match in _ROLE.finditer(text):
        abbrev = match.group("abbrev") or _TITLE_ABBREV.get(match.group("title").casefold(), "")
        if abbrev:
            found[abbrev] = None
    return tuple(found)
