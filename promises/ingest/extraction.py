"""Find the commitments in one meeting (DESIGN.md section 3).

A commitment needs a party and a checkable future act. Rules, tried in order on each
sentence, each named so every commitment records which rule found it:

- `action_line`: "ACTION: DCC to provide …", "Actions – …"; with "Action: RJ" after the text
  the owner follows and the action is the sentence before (`action_owner_after`).
- `action_summary`: items under "Summary of Actions", "Actions arising", "Action log", and
  "Ref 01/21/06/2023" item codes.
- `directive`: "The Force to provide the PCC with …" (a party, then "to" and a verb).
- `request`: the PCC (or another) asks for a deliverable: "asked to receive a copy", "requested
  sighting of", "asked that consideration is given", "asked the CC to provide".
- `assurance`: a party is confident a specific outcome will happen ("believes the training will
  be fully delivered before …", "on track to deliver … by …").
- `undertaking`: a party says it will do something ("the CC said the force would review …",
  "The DCC will review …", "The findings … will be shared with the PCC").
- `assurance_continued`: a sentence carrying on a force speaker's answer in which a thing brings
  an effect ("Current work … will allow the force to …").
- `list_item`: items under "the improvements he hoped would be made:" belong to the speaker.

Owners: the party named as subject of the future clause wins; pronouns, passives and things
("Op Reset will shape …") stay with the speaker, who is the subject of the last speech verb
("said", "asked", "X who highlighted …"), not merely the last party named. A request with no
addressee is owed by the last speaker other than the one asking. A commissioner's reported
speech is holding to account, so only his own acts become his commitments.

Questions seeking reassurance (and any future after "asked"/"sought" until someone answers),
descriptions of past or current work, conditional warnings ("would rise if …") and aspirations
with no party ("it is hoped …") are not commitments. Soft intent ("looking to", "hopes to") is
kept at confidence 0.5. Deadlines come from the commitment's own words, except that an answer
which only refers back ("The CC was confident that this would be achieved") takes the deadline
of the question in the sentence before it. The same promise stated twice in a meeting (body and
summary list, or a PDF repeat) becomes one commitment whose `evidence` lists every span.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from rapidfuzz import fuzz

from promises.graph.model import CommitmentKind, Span
from promises.ingest.deadlines import Deadline, find_deadline
from promises.ingest.lead_ins import plain_lead
from promises.ingest.parties import PARTY_PATTERN, PartyResolver, is_pronoun
from promises.ingest.records import CandidateCommitment, MeetingInfo, Party
from promises.ingest.roles import OPCC
from promises.ingest.segmentation import Line, LineKind, Sentence, normalise
from promises.ingest.tables import (
    ACTION,
    DUE,
    OWNER,
    REF,
    STATUS,
    ActionTable,
    TableRow,
    find_action_tables,
    quote,
)
from promises.ingest.vocabulary import Vocabulary, VocabularyNode

_ACTION_LABEL = re.compile(
    r"^\s*(?:[•\-*]\s*)?(?:new\s+)?actions?\s*(?P<ref>(?:[A-Z]{1,3}\s?)?\d[\w/.\-]*|point)?\s*"
    r"(?:\((?P<owner>[^()]{1,40})\)\s*)?"
    r"(?:arising)?\s*[:\-–—]\s*",
    re.IGNORECASE,
)
_ACTION_LABEL_AT = re.compile(_ACTION_LABEL.pattern.removeprefix("^"), re.IGNORECASE)
_INLINE_ACTION = re.compile(
    r"(?:[–—]|\s-|[.;])\s+(?=(?:ACTION|Action)\s*(?:[A-Z]{0,3}\d[\w/.\-]*\s*)?[:\-–—])"
)
# "Supt Hale – provide the PFCC with …": the owner, a dash, then the task
_OWNER_DASH = re.compile(r"^(?P<owner>[^–—:;,]{2,40}?)\s+[–—-]\s+(?P<verb>[a-z]+)\b")
# "…: complete.", "– Closed": an action reported done, not owed
_DONE_TAIL = re.compile(
    r"[:;–—-]\s*(?:complete[d]?|closed|discharged|done|achieved|superseded|withdrawn)\b[^;:]*$", re.IGNORECASE
)
# "02/24 DoF – overtime forecast to PCC – ongoing, now due 29 Feb", "DCC Smith – review … – end
# of Q2": a decision log's terse row, owner then task then a deadline or status, dash-separated
_OWNER_TASK_TAIL = re.compile(
    r"^(?:(?P<ref>\d{1,3}(?:/\d{1,4}){1,2})\s+)?(?P<owner>[^–—:;,.]{2,40}?)\s+[–—-]\s+"
    r"(?P<task>[^–—]{5,}?)\s+[–—-]\s+(?P<tail>[^–—]+)$"
)
_OPEN_STATUS = re.compile(
    r"\b(?:ongoing|open|in progress|carried (?:forward|over)|deferred|outstanding|due|pending|revised|"
    r"extended|by|end of|tbc|tba|asap)\b",
    re.IGNORECASE,
)
# "It was agreed that the Chief Constable would provide …", "RESOLVED that (b) the Lead Officer add …"
_RESOLUTION = re.compile(
    r"^(?:It\s+was\s+(?:agreed|resolved)|RESOLVED|AGREED|Resolved|Agreed|"
    r"The\s+(?:Panel|Board|Committee|Group|[Mm]eeting)\s+(?:agreed|resolved))\b\s*:?\s*(?:that\s*:?\s*)?"
)
_RESOLVED_ITEM = re.compile(
    rf"^(?:\(?[a-z0-9]{{1,3}}[.)]\s+)?(?:that\s+)?(?P<owner>{PARTY_PATTERN})\s+"
    r"(?:would\s+|will\s+|should\s+|shall\s+|to\s+|be\s+asked\s+to\s+)?(?P<verb>[a-z]+)\b"
)
_SCHEDULE = re.compile(
    r"\b(?:meeting|board|panel|committee|session)s?\b[^.;]{0,40}?\b(?:will|would|is to)\s+"
    r"(?:be\s+held|take\s+place)\b",
    re.IGNORECASE,
)
# "Response (ACC): …", "Answer (CC): …": a Q&A note names who answers in a label, and what
# follows is that party's speech as if reported ("the ACC said that …")
_ANSWER_LABEL = re.compile(
    r"^(?:Response|Answer|Reply|Force response|A)\s*\d*\s*\((?P<who>[^()]{2,40})\)\s*:\s*", re.IGNORECASE
)
# "we expect all vacancies to be filled by March": the speaker's own expectation of an outcome
_FIRST_PERSON_EXPECT = re.compile(
    r"\b(?:[Ww]e|I)\s+(?:fully\s+|now\s+)?(?:expect|anticipate|are confident|am confident|believe)\s+"
    r"(?:that\s+)?[^.;]{3,120}?\b(?:to|will|would)\s+[a-z]+"
)
# an action line closing with its Due cell: "… by department – 31/10/2023"
_TRAILING_DUE = re.compile(r"\s[–—-]\s+(?P<due>[^–—]{3,40}?)\.?\s*$")
_BULLET_GLYPH = re.compile(r"^(?:[•●▪◦·*]|-(?=\s))\s*")
_NARRATIVE = re.compile(r"\b(?:is|are|was|were|has|have|had|been)\b", re.IGNORECASE)
# an item reference that recurs in a summary: "43/23/1  Supt Hale  …", "ACTION 43/23/1:"
_LEADING_REF = re.compile(
    r"^\s*(?:[•\-*]\s*)?(?:actions?\s*)?(?:ref\.?\s*)?(?P<ref>(?:[A-Z]{1,3})?\d{1,3}(?:/\d{1,4}){1,3})\b",
    re.IGNORECASE,
)
# every match holds "ction", "wner" or "lead", which `_match` checks before searching
_OWNER_AFTER = re.compile(
    r"(?:^|[.;]\s*|\s)\(?(?:[Aa]ction(?:ed)?|[Oo]wner|lead)\s*(?:by)?\s*[:\-–—]\s*"
    r"(?P<owner>[A-Z][A-Za-z/&.' ]{0,40}?)(?:\s*[–—,]\s*(?P<due>[^()–—]{3,30}?))?\)?\s*\.?\s*$"
)
# "Owner: DCC    Deadline: 31/10/2024" on the line after a paragraph: that paragraph is the action
_OWNER_DUE_LINE = re.compile(
    r"^\(?(?:Action\s+)?(?:Owner|Lead|Responsible(?:\s+officer)?|Action\s+by|By\s+whom)\s*[:\-–—]\s*"
    r"(?P<owner>[^:;|]{2,40}?)\s*[,;|]?\s*(?:(?:Deadline|Due(?:\s+date)?|Target(?:\s+date)?|Timescales?|"
    r"By\s+when|Date|When)\s*[:\-–—]\s*(?P<due>[^:]{2,40}?))?\)?\.?$",
    re.IGNORECASE,
)
_SUMMARY_HEADING = re.compile(
    r"(summary of actions|actions? arising|action log|actions? agreed|actions?\s*/\s*requests|"
    r"requests?\s+for\s+(?:further\s+)?information|"
    r"^\s*actions?\s*:?\s*$|new actions|agreed actions)",
    re.IGNORECASE,
)
_NEXT_STEPS = re.compile(r"^\s*(?:\d+\.?\s*)?next\s+steps\b", re.IGNORECASE)
_REF_CODE = re.compile(
    r"^\s*(?:Ref\.?\s*)?(?P<code>\d{1,3}/\d{1,2}/\d{1,2}/\d{2,4})\b\s*[:\-–]?\s*", re.IGNORECASE
)
_DIRECTIVE = re.compile(
    rf"^(?:[•\-*]\s*)?(?P<owner>{PARTY_PATTERN}(?:\s+(?:and|&|/)\s+{PARTY_PATTERN})?)\s+"
    r"(?:now\s+|also\s+|then\s+|still\s+|instead\s+)?to\s+"
    r"(?P<verb>(?!be\b)[a-z]+)\b"
)
_REPORT = (
    r"(?:said|says|stated|states|confirmed|agreed|added|commented|explained|outlined|highlighted|responded|"
    r"replied|reiterated|advised|noted|indicated|clarified|reported|assured|undertook|committed|suggested|"
    r"acknowledged|remarked|accepted|informed|promised|provided (?:assurance|reassurance|assurances)|"
    r"gave (?:assurance|an assurance|reassurance)|is confident|was confident|were confident|is reassured|"
    r"was reassured|believes|believed|expects|expected|anticipates|anticipated)"
)
_REPORTED = re.compile(
    rf"^(?P<speaker>{PARTY_PATTERN}(?:\s+(?:and|&)\s+{PARTY_PATTERN})?|[Hh]e|[Ss]he|[Tt]hey)\s+"
    r"(?:also\s+|then\s+|further\s+)?"
    rf"(?P<verb>{_REPORT})\b(?:\s+(?:the\s+)?(?:PCC|DPCC|meeting|panel))?\s*(?:that\s+|,\s*)?"
    r"(?P<clause>.*)$",
    re.DOTALL,
)
_DIRECT = re.compile(
    rf"(?<![\w/])(?P<subject>{PARTY_PATTERN}|[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)\s+(?:also\s+)?(?P<modal>will|shall|would|"
    r"is going to|are going to|intends? to|plans? to|has agreed to|have agreed to|agreed to|undertook to|"
    r"committed to|(?:is|are)\s+(?:also\s+)?(?:looking\s+forward|looking|hoping|aiming|planning)\s+to|"
    r"hope[sd]? to|aim(?:s|ed)? to|wants? to)\s+(?:also\s+)?(?P<verb>[a-z]+)\b(?:\s+(?P<next>[a-z]+))?"
)
# a question put to the force: futures after it are what was asked about, not what was promised
_QUESTION_CUE = re.compile(
    r"\b(?:asked|sought|seeking|queried|questioned|wanted to know|enquired)\b", re.IGNORECASE
)
_PREPOSITION_END = re.compile(r"\b(?:by|of|to|with|for|from|at|on|in|about|than|under)\s+$", re.IGNORECASE)
_IMPERSONAL_HOPE = re.compile(r"\bit\s+(?:is|was)\s+(?:hoped|anticipated|expected)\b", re.IGNORECASE)
_ANSWER = re.compile(
    r"\b(?:said|stated|confirmed|responded|replied|explained|added|advised|clarified|assured)\b"
)
# who spoke: the verbs that make the sentence's subject the speaker of what follows
_SPEECH = re.compile(
    rf"^(?:also\s+|then\s+|further\s+)?(?:{_REPORT[3:-1]}|asked|requested|sought|queried|questioned|wanted|"
    r"presented|described|discussed|deferred|welcomed|thanked|raised|drew|shifted|began|referred|spoke|"
    r"updated|briefed|introduced|summarised|set out)\b"
)
_WHO_SPOKE = re.compile(rf"(?P<who>{PARTY_PATTERN})\s+who\s+(?:also\s+)?(?:{_REPORT[3:-1]})\b")
_REQUEST_SUBJECT = re.compile(
    rf"^(?P<who>{PARTY_PATTERN}|[Hh]e|[Ss]he|(?:[Aa]n?\s+|[Tt]he\s+)?(?:Panel\s+)?[Mm]embers?|"
    r"Councillor\s+[A-Z][a-z]+|(?:[Tt]he\s+)?(?:Vice[- ])?Chair(?:man)?)\s+"
    r"(?:also\s+|then\s+|(?:stated|said) (?:that )?(?:he|she) )?(?P<rest>.*)$"
)
_SUBJECT_AND_WILL = re.compile(
    rf"^(?P<who>{PARTY_PATTERN})\b[^.;]*?\band\s+(?:will|would)\s+(?P<verb>[a-z]+)"
)
_SPEAKER_SUBJECT = re.compile(
    rf"^(?:(?:When|Further|In response)[^,]{{0,80}},\s*)?(?P<who>{PARTY_PATTERN}|[Hh]e|[Ss]he)"
    r"(?:\s+(?:and|&)\s+(?:the\s+)?[A-Z]\S*(?:\s+[A-Z]\S*)?)?\s+(?P<rest>.*)$"
)
_CLAUSE_LEAD = re.compile(
    r"^(?:(?:moving forward|going forward|in future|now|also)\s*,?\s*|"
    r"(?:said|stated|confirmed|added|explained|noted|advised|reported|indicated|agreed)\s+(?:that\s+)?)+",
    re.IGNORECASE,
)
_ASKED_FOR = re.compile(
    rf"^(?:asked|requested)\s+(?:(?P<that>that)\s+(?P<who_t>{PARTY_PATTERN})\s+(?=[a-z])|"
    rf"(?P<who_f>{PARTY_PATTERN})\s+for\s+)"
)
_DELIVERABLE_NOUN = re.compile(
    r"\b(?:copy|report|plan|paper|briefing|note|breakdown|analysis|data|figures|evaluation|update|results|"
    r"strategy|timeline|review)\b"
)
_WISH = re.compile(r"^(?:would like|wanted|wants)\s+to\s+see\b")
_GIVES_CONFIDENCE = re.compile(
    rf"\b(?:gives?|gave|provides?|provided)\s+(?P<who>{PARTY_PATTERN})\s+(?:further\s+|more\s+|greater\s+)?"
    r"(?:confidence|assurance|reassurance)\s+that\s+(?P<clause>.*)$"
)
_CONDITION = re.compile(r"^[^.;]*?\b(?:if|unless)\b")
_TAKES_TIME = re.compile(r"^take\s+(?:time|a while|longer)\b")
_WHOLE_PARTY = re.compile(rf"(?P<who>{PARTY_PATTERN})")
_OVERSEERS = frozenset({"PCC", "DPCC", "PFCC"})
# a thing that will bring an outcome, said by the force: "Current work will allow the force to …"
_OUTCOME_VERBS = frozenset({"ensure", "allow", "enable", "maintain", "shape", "show", "lead", "put"})
_UNIT = re.compile(
    r"\b(?:team|unit|department|directorate|board|panel|service|group|office|function)$", re.IGNORECASE
)
_LIST_CUE = re.compile(r"\b(?:hope[sd]?|will|would|plans?|expects?|aims?|intends?)\b")
_FUTURE = re.compile(
    r"\b(?P<modal>will|shall|would|is going to|are going to|is on track to|are on track to|should|could)\s+"
    r"(?:also\s+|now\s+|then\s+|hopefully\s+|further\s+|[a-z]+ly\s+|continue to\s+|be able to\s+)?"
    r"(?P<neg>not\s+)?"
    r"(?P<never>never\s+)?(?P<verb>[a-z]+)(?:\s+(?:(?:fully|further|robustly|also)\s+)?(?P<participle>[a-z]+))?",
)
_SOFT = re.compile(
    r"\b(looking to|hope[sd]? to|hoping to|it is hoped|aims? to|aiming to|aspires?|may|might|could|exploring|"
    r"if necessary|where appropriate|hopefully|would like)\b",
    re.IGNORECASE,
)
_QUESTION = re.compile(
    r"^(?:The\s+)?(?:[A-Z]{2,5}|Chair|Commissioner|[A-Z][a-z]+)\s+(?:also\s+|then\s+)?(?:asked\s+(?:the\s+\S+\s+)?"
    r"(?:if|whether|how|what|when|why|who|which|about|"
    r"for (?:reassurance|assurance|timescales|views|the force)|for an? (?:assessment|summary|overview))|"
    r"sought|queried|questioned|wanted to know|enquired|challenged)\b"
)
_REQUEST = re.compile(
    r"\b(?:asked|requested|request(?:ed)?|would like|wanted|wants|wishes|wished)\b\s*"
    r"(?:that\s+|for\s+|to\s+|the\s+\S+\s+to\s+|a\s+|an\s+)?(?P<what>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_REQUEST_OBJECT = re.compile(
    r"^(?:(?:be\s+)?(?:kept\s+)?(?:updated|informed|briefed|sighted)|receive|see\s+(?:a|the)\s+(?:copy|report|plan|"
    r"evaluation|findings|results)|have\s+sight|sight|sighting|(?:a|an|the)?\s*(?:[a-z-]+\s+){0,2}"
    r"(?:copy|update|report|briefing|paper|note|breakdown|analysis|details|dates?|data|figures|timeline)\b|"
    r"consideration|(?:his|her|the)\s+office\s+(?:are|is|be)\s+(?:engaged|involved|consulted|sighted|updated)|"
    r"(?:provide|share|send|circulate|report|bring|present|return|update|confirm|consider|review|look into|"
    r"explore|ensure|produce|prepare|arrange|schedule|write|set up|come back|feed back)\b)",
    re.IGNORECASE,
)
# "asked that the plan includes …", "asked for the figures to be included …": a deliverable
# asked for by naming what should happen to it
_ASKED_DONE = re.compile(
    r"^(?:asked|requested)\s+(?:that\s+\S"
    r"|for\s+[^.;]{3,100}?\s+to\s+be\s+[a-z]+(?:ed|en)\b)",
)
_IN_MEETING_VERBS = re.compile(
    r"^(?:outline|rank|summarise|summarize|explain|set out|identify|describe|comment|clarify|give|assess|"
    r"consider (?:whether|if|how))\b",
    re.IGNORECASE,
)
_UNDERTAKING_VERBS = frozenset(
    """anticipate expect provide share review report update deliver implement introduce launch develop
    conduct undertake complete publish produce bring present circulate send write monitor ensure
    consider explore look seek schedule arrange hold establish set roll run pick feed discuss
    incorporate evaluate audit train recruit fill invest prioritise return revisit include engage
    work continue commission replicate adopt receive go confirm inform liaise meet refresh improve
    reduce increase address tackle take put create design pilot extend expand agree escalate follow
    check assess test identify outline brief prepare raise remind reinforce embed strengthen fund
    start appoint revisit push have streamline refine revise simplify add""".split()
)
_DELIVERABLE_PARTICIPLES = frozenset(
    """shared provided circulated sent presented reported brought prioritised reviewed scheduled held
    considered taken made undertaken conducted introduced developed launched published evaluated
    returned discussed fed picked monitored audited arranged given offered revisited replicated
    refurbished adopted extended expanded commissioned tested trialled piloted published submitted
    trained issued drafted refreshed revised updated""".split()
)
_OUTCOME_WORDS = re.compile(
    r"\b(?:seen|delivered|implemented|completed|achieved|realised|realized|live|in place|rolled out|"
    r"finalised|finalized|met|sustained|maintained|filled|reduced|embedded|on track|operational|launched)\b",
    re.IGNORECASE,
)
_ASSURANCE_CUE = re.compile(
    r"\b(?:confident|assured|assurance|assurances|reassurance|reassured|believes?|believed|on track|"
    r"anticipates?|anticipated|expects?|expected|should be)\b",
    re.IGNORECASE,
)
_ASSURANCE_GIVEN = re.compile(
    rf"^(?:Assurance|Assurances|Reassurance)\s+(?:was|were)\s+(?:provided|given)(?:\s+by\s+(?P<who>{PARTY_PATTERN}))?"
    r"\s+that\b"
)
# what befalls a party rather than what it does: "the force would struggle", "will face"
_NOT_ACTS = frozenset(
    """struggle face suffer lose miss fail benefit depend require prefer feel find see hear remain
    become get happen mean cost result affect impact say argue""".split()
)
_EXPECTED_OUTCOME = re.compile(r"^[^.;?]{3,100}?\bto\s+(?:be\s+)?(?!have\b)[a-z]+")
_WORD3 = re.compile(r"[a-z]{3,}")
_LIST_NUMBER = re.compile(r"^\s*(?:\d{1,2}|[a-z])[.)]\s+")
_FUNCTION_WORDS = frozenset(
    """the and for with from that this will would into onto its their they his her our are was were
    has have had been being not all any each per via ensure provide update when once which where while
    what who""".split()
)
_BY_DATE = re.compile(
    r"\b(?:by|before|within)\s+(?:the\s+)?(?:end\s+of\s+)?(?:\d|next|this|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
    r"nov|dec|q[1-4]|spring|summer|autumn|winter|christmas|year|financial)",
    re.IGNORECASE,
)
_BRACKETED_DATE = re.compile(r"\((\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\)")
_TASKED_AFTER = re.compile(rf"\s[–—-]\s+(?P<owner>{PARTY_PATTERN})\s+to\s+(?!be\b)[a-z]+")
_FIRM_MODAL = re.compile(
    r"^(?:will|shall|is going to|are going to|(?:has |have )?agreed to|undertook to|committed to)$"
)
_EXPECT_VERBS = frozenset({"anticipate", "expect", "foresee"})
_ADDRESSEE = re.compile(
    r"\b(?:with|to)\s+(?:the\s+)?(?:PCC|OPCC|DPCC|panel|board|Commissioner)\b|\bat\s+the\b.*\bmeeting\b|"
    r"\b(?:over|in)\s+the\s+(?:coming|next)\b"
)
# "… that this would be achieved", "it will": a future whose subject points back to the question
_ANAPHORIC_FUTURE = re.compile(
    r"(?:^|\bthat\s+|\bconfident\s+|[,;]\s*|\b(?:said|replied|responded|confirmed|stated|assured)\s+)"
    r"(?:this|that|it)\s+(?:would|will|is\s+going\s+to|should|can|could)\b",
    re.IGNORECASE,
)
# a sentence without one of these cannot match _QUESTION or _ASKS (a substring test is cheap)
_ASK_WORDS = ("ask", "sought", "queried", "questioned", "know", "enquired", "challenged")
# a question asked mid-sentence: "The PFCC welcomed the progress and asked whether …"
_ASKS = re.compile(
    r"\b(?:asked|queried|questioned)\s+(?:the\s+\S+\s+)?(?:whether|if|when)\b|\bsought\s+(?:re)?assurance\b"
    r"|\bwanted\s+to\s+know\b",
    re.IGNORECASE,
)
# a bare yes to the question before: "The CC replied that it would."
_ELLIPTICAL_ANSWER = re.compile(
    rf"^(?:{PARTY_PATTERN}|[Hh]e|[Ss]he|[Tt]hey)\s+(?:also\s+)?"
    r"(?:said|replied|responded|confirmed|stated|assured(?:\s+the\s+\w+)?|advised)\s+(?:that\s+)?"
    r"(?:it|this|they|he|she|we|the\s+force)\s+(?:would|will|could|can|should)(?:\s+(?:be|do))?\s*[.!]?$"
)
# "4.5 ", "12.3.1 ", "7. ": numbered minutes put the paragraph number before the speaker
_PARAGRAPH_NUMBER = re.compile(r"^\s*\d{1,2}\.(?:\d{1,2}\.?){0,2}\s+(?=[A-Z(])")
# "(Action PAB 22/01)" after a body sentence: the action log's row for it
_CROSS_REF = re.compile(
    r"\(\s*(?:see\s+)?actions?\s*(?:no\.?|ref\.?|number)?\s*:?\s*"
    r"(?P<ref>(?:[A-Z]{1,6}\s?)?\d{1,4}(?:\s?[/.\-]\s?\d{1,4}){0,3})\s*\)\s*\.?$",
    re.IGNORECASE,
)
_CLOSED = re.compile(
    r"^(?:closed?|complete[d]?|discharged|done|achieved|superseded|withdrawn)\b", re.IGNORECASE
)
_THAT = re.compile(r"\bthat\s+|;\s*")
_HOW_CLAUSE = re.compile(r"^(?:how|what|why|where)\b", re.IGNORECASE)
_NOT_FUTURE = re.compile(r"^(?:had|been|need|needs|like|welcome|appear|seem|give|know|rate)\b")
_PERFECT = re.compile(r"^(?:been|had|[a-z]+ed|[a-z]+en)$")
# Patterns the functions below once wrote inline: re's module functions look a string pattern
# up in a cache on every call, which in these hot loops cost as much as some of the matching.
_LETTERED_ITEM = re.compile(r"^\(?[a-z0-9]{1,3}[.)]\s")
_TO_VERB = re.compile(r"\bto\s+(?:be\s+)?(?P<verb>[a-z]+)")
_ASKED_SOMEONE = re.compile(r"^(?:asked|requested)\s+(?:the\s+)?(?P<who>\S+(?:\s+\S+)?)\s+to\s+(?P<verb>\w+)")
_ASKED_FOR_UPDATE = re.compile(r"^(?:asked|requested)\s+(?:for\s+)?an?\s+update\s+on\b")
_ON_TRACK = re.compile(r"\bon track to\s+(\w+)")
_TENTATIVE = re.compile(r"looking|hoping|hopes?|aim|wants?")
_PASSIVE = re.compile(r"\b(?:will|would|is going to)\s+(?:also\s+)?be\s+(?P<p>[a-z]+)\b")
_OUTCOME_BY = re.compile(
    r"\b(?:should|will)\s+be\s+(?:fully\s+)?(?:live|in place|delivered|implemented|completed)\b"
)
_CLAUSE_JOINT = re.compile(r"\b(?:that|and|but|then|once|so|which|because|how|if)\b|[,;:]")
_WHITESPACE = re.compile(r"\s+")
_ACTIONS_FROM_MEETING = re.compile(r"^\s*(?:the )?actions from the meeting", re.IGNORECASE)
_IT_OR_THIS = re.compile(r"^(?:it|this)\b", re.IGNORECASE)
_HOPED = re.compile(r"\b(?:hope[sd]?|expect|anticipate|improvements?)\b")
_LIST_JOINT = re.compile(r"\s*(?:\band\b|&|,)\s*|(?<=[A-Za-z]{2})/(?=[A-Z]{2})")
_BE_PARTICIPLE = re.compile(r"\bbe\s+(?P<p>[a-z]+)\b")
_LABEL_AT_END = re.compile(r"[.;]?\s*\(?(?:action(?:ed)?|owner|lead)\s*(?:by)?\s*[:\-–—]\s*$", re.IGNORECASE)
_KEY_LEAD = re.compile(r"^(?:action\s*[:\-–]\s*)?(?:the\s+)")
_KEY_PUNCTUATION = re.compile(r"[^\w/ ]+")


@dataclass(slots=True)
class _Voices:
    """Who has spoken so far in the meeting, most recent last.

    Pronouns and subject-less sentences continue the last speaker; a request with no named
    addressee is owed by the last speaker other than the one asking (the party answering).
    """

    history: list[Party] = field(default_factory=list)

    @property
    def last(self) -> Party | None:
        return self.history[-1] if self.history else None

    def heard(self, party: Party | None) -> None:
        if party is not None:
            self.history.append(party)

    def other_than(self, party: Party | None) -> Party | None:
        for earlier in reversed(self.history[-12:]):
            if party is None or not _same_party(earlier, party):
                return earlier
        return None


_CONTEXT_SENTENCES = 2


def extract_commitments(
    sentences: Sequence[Sentence],
    meeting: MeetingInfo,
    file: str,
    vocabulary: Vocabulary,
    lines: Sequence[Line] = (),
) -> list[CandidateCommitment]:
    """All commitments of one meeting, repeats merged, in order of first statement.

    With the document's `lines`, action tables (`promises.ingest.tables`) are read row by row
    instead of as sentences, and a body sentence that names its row ("(Action PAB 22/01)") is
    the same commitment as that row.
    """
    resolver = PartyResolver(meeting.attendees)
    tables = find_action_tables(lines, lambda cell: resolver.resolve(cell) is not None) if lines else []
    cross_refs: dict[str, int] = {}  # an action's reference -> the body commitment naming it
    made_by: int | None = None  # index of the sentence that produced the last commitment
    found: list[CandidateCommitment] = []
    section = ""
    previous: Sentence | None = None
    voices = _Voices()
    list_intro: tuple[Party, CommitmentKind] | None = None
    context: list[Sentence] = []  # the paragraph so far: what a promise in it is about
    asked: Deadline | None = None  # the deadline of a question in the sentence just before
    questioned = False  # whether the sentence just before asked a question
    resolving = False  # after "RESOLVED that:", whose lettered items are each a decision
    list_only = False  # the actions section is the list an "Actions …:" sentence introduces
    answering: tuple[int, Party] | None = None  # the block of a "Response (ACC):" label, and who
    attendance = [a.span.start for a in meeting.attendees if a.span.file == file]
    for position, sentence in enumerate(sentences):
        if tables and _in_table(sentence, tables):
            if section == "actions":
                section = "after_table"  # the table was the list; lines after it are not its items
            continue
        entries = sum(sentence.start <= at < sentence.end for at in attendance)
        if entries >= 2:
            continue  # the attendance list, even under a title such as "Decision and Action Log"
        if sentence.kind is LineKind.BULLET:
            # "• ACC Desai said …": the glyph is layout, and rules anchored at the subject must see past it
            sentence = replace(sentence, flat_text=_BULLET_GLYPH.sub("", sentence.flat))
        if context and context[-1].block != sentence.block:
            context = []
        asked_before, asked = asked, None
        question_before, questioned = questioned, False
        cross_ref = _CROSS_REF.search(sentence.flat) if "ction" in sentence.flat else None
        if cross_ref is not None and cross_ref.start() == 0:
            if found and made_by == position - 1:
                cross_refs[_ref_key(cross_ref.group("ref"))] = len(found) - 1
            continue
        if sentence.kind is LineKind.HEADING and _LIST_NUMBER.match(sentence.flat):
            item = _LIST_NUMBER.sub("", sentence.flat)
            if _OWNER_TASK_TAIL.match(item) or _DIRECTIVE.match(item):
                # "1. LT – final custody costs – w/c 17/03/25" under "Actions": an item, not a heading
                sentence = replace(sentence, kind=LineKind.TEXT, flat_text=item)
        numbered = sentence.kind is LineKind.NUMBERED and _PARAGRAPH_NUMBER.match(sentence.text) is not None
        if numbered and len(sentence.flat.split()) >= 8:
            sentence = _without_paragraph_number(sentence)
        labelled: Party | None = None
        if not entries and not _ANSWER_LABEL.match(sentence.flat):  # "Jo Reid – ACC" is no speech
            plain, labelled = plain_lead(sentence.flat, resolver)
            if plain != sentence.flat:
                # "Q: …", "SB: …", "In response the CC …": match the words, not the layout
                line_kind = LineKind.TEXT if sentence.kind is LineKind.LABEL else sentence.kind
                sentence = replace(sentence, flat_text=plain, kind=line_kind)
        if sentence.kind in (LineKind.HEADING, LineKind.LABEL) or numbered and len(sentence.flat.split()) < 8:
            section = _section(sentence.flat, section)
            recorded = _ACTION_LABEL.match(sentence.text) or _OWNER_DUE_LINE.match(sentence.flat)
            if sentence.kind is not LineKind.LABEL or not recorded:
                if sentence.kind is LineKind.LABEL:
                    voices.heard(_speaker(sentence.flat, resolver, voices.last))
                continue
        if (
            sentence.flat.endswith(":")
            and len(sentence.flat.split()) <= 8
            and _SUMMARY_HEADING.search(sentence.flat)
        ):
            section = "actions"  # "Actions/requests for further information:" introduces the list
            list_only = True  # … and only the list: the first sentence that is no item ends it
            continue
        if list_only and sentence.kind not in (LineKind.BULLET, LineKind.NUMBERED):
            section, list_only = "", False
        answer = _ANSWER_LABEL.match(sentence.flat)
        responder = resolver.resolve(answer.group("who")) if answer else None
        if answer is not None:
            answering = (sentence.block, responder) if responder is not None else None
        elif answering is not None and answering[0] != sentence.block:
            answering = None
        if answering is not None and not sentence.flat.endswith("?"):
            # read the answer as reported speech of the responder; spans still quote the text
            rest = sentence.flat[answer.end() :] if answer else sentence.flat
            said = f"{answering[1].text} said that {rest}"
            sentence = replace(sentence, flat_text=said)
            voices.heard(answering[1])
        else:
            voices.heard(labelled or _speaker(sentence.flat, resolver, voices.last))
        candidate = _match(sentence, previous, section, resolver, voices, meeting, file)
        if resolving and candidate is None:
            candidate = _resolved(sentence, sentence.flat, resolver, meeting, file)
        intro = _RESOLUTION.match(sentence.flat)
        resolving = (intro is not None and sentence.flat.endswith(":")) or (
            resolving and (sentence.kind is LineKind.BULLET or bool(_LETTERED_ITEM.match(sentence.flat)))
        )
        if candidate is None and list_intro is not None and sentence.kind is LineKind.BULLET:
            owner, kind = list_intro
            candidate = _candidate(
                kind,
                sentence,
                _bullet_end(sentence.text),
                len(sentence.text),
                owner,
                None,
                0.5,
                "list_item",
                meeting,
                file,
            )
        if sentence.kind is not LineKind.BULLET:
            list_intro = _list_intro(sentence.flat, voices.last)
        if candidate is not None and sentence.duplicate_of is not None and candidate.rule == "list_item":
            candidate = None
        if candidate is None and question_before and _ELLIPTICAL_ANSWER.match(sentence.flat):
            # "The CC replied that it would.": yes to the question, which says what and by when
            speaker = voices.last
            if speaker is not None and not _is_overseer(speaker):
                candidate = _candidate(
                    CommitmentKind.ASSURANCE, sentence, 0, len(sentence.text), speaker, None, 0.8,
                    "assurance_answer", meeting, file,
                )  # fmt: skip
        if candidate is not None and candidate.kind is CommitmentKind.REQUEST and candidate.owner is None:
            candidate = replace(
                candidate, owner=_answerer(sentences, position, resolver, candidate.requested_by)
            )
        if candidate is not None and asked_before is not None:
            candidate = _answer_deadline(candidate, asked_before)
        questioned = _asks(sentence.flat)
        asked = _question_deadline(sentence, meeting) if questioned else None
        if (
            candidate is not None
            and candidate.rule == "action_line"
            and found
            and made_by == position - 1
            and found[-1].kind is CommitmentKind.REQUEST
            and previous is not None
            and previous.kind is LineKind.BULLET
            and _indented(lines, sentence.start)
        ):
            # "• PCC asked for sight of the CIA." and, indented under that bullet, "ACTION: CC to
            # share CIA with PCC by Fri": one promise, asked and recorded; it quotes both. An
            # ACTION line of its own paragraph may task something else, so it stays its own.
            found[-1] = _asked_and_recorded(found[-1], candidate, lines)
            made_by = position
            candidate = None
        if candidate is not None:
            candidate = replace(candidate, topics=_topics(candidate.text, section, context, vocabulary))
            made_by = position
            leading = _LEADING_REF.match(sentence.text) if candidate.kind is CommitmentKind.ACTION else None
            ref = _ref_key(leading.group("ref")) if leading else None
            if ref is not None and ref in cross_refs:  # "43/23/1 …" in the summary: the action again
                found[cross_refs[ref]] = _combine(found[cross_refs[ref]], candidate)
            elif section == "actions" and (body := _summarised(found, candidate)) is not None:
                found[body] = _combine(found[body], candidate)  # the summary restates a body promise
            else:
                found.append(candidate)
                if ref is not None:
                    cross_refs[ref] = len(found) - 1
            if cross_ref is not None:
                cross_refs[_ref_key(cross_ref.group("ref"))] = len(found) - 1
        if sentence.duplicate_of is None:
            previous = sentence
            context = [*context[-(_CONTEXT_SENTENCES - 1) :], sentence]
    if tables:
        _add_table_rows(found, tables, cross_refs, lines, resolver, meeting, file, vocabulary)
    return _merge_repeats(found)


def _topics(
    text: str, section: str, context: Sequence[Sentence], vocabulary: Vocabulary
) -> tuple[VocabularyNode, ...]:
    """Topics named by the promise and the two sentences before it, else by its section heading.

    Minutes name the subject once ("The PCC asked about the Witness Care Unit …") and the answer
    says "this"; without that context, `--about "witness care"` would miss the promise.
    """
    found = vocabulary.find(normalise(text))
    for before in context:
        found += vocabulary.find(before.flat)
    if not found and section:
        found = vocabulary.find(section)
    return tuple({e.node.id: e.node for e in found}.values())


# -- rules, in the order tried ------------------------------------------------------------------


def _match(
    sentence: Sentence,
    previous: Sentence | None,
    section: str,
    resolver: PartyResolver,
    voices: _Voices,
    meeting: MeetingInfo,
    file: str,
) -> CandidateCommitment | None:
    flat = sentence.flat
    label = _ACTION_LABEL.match(sentence.text)
    if label is None and ("ction" in sentence.text or "CTION" in sentence.text):
        inline = _INLINE_ACTION.search(sentence.text)  # "Rural funding letter – ACTION: RS to draft …"
        label = _ACTION_LABEL_AT.match(sentence.text, inline.end()) if inline else None
    if label:
        return _action_line(sentence, label, previous, resolver, meeting, file)
    owner_due = _OWNER_DUE_LINE.match(flat)
    if owner_due and previous is not None:
        return _recorded_before(previous, owner_due, resolver, meeting, file)
    owner_after = _OWNER_AFTER.search(flat) if "ction" in flat or "wner" in flat or "lead" in flat else None
    if owner_after and len(flat) > len(owner_after.group(0)) + 15:
        party = _resolve_list(owner_after.group("owner"), resolver)
        body = sentence.text[: sentence.text.rfind(owner_after.group("owner").split()[0])]
        cut = _last_label_start(body)
        found = _candidate(
            CommitmentKind.ACTION, sentence, _bullet_end(sentence.text), cut, party, None, 1.0,
            "action_owner_after", meeting, file,
        )  # fmt: skip
        return _with_due_cell(found, owner_after.group("due"), meeting)
    ref = _REF_CODE.match(sentence.text)
    if ref and _looks_like_action(sentence.text[ref.end() :], meeting):
        rest = sentence.text[ref.end() :]
        directive = _DIRECTIVE.match(" ".join(rest.split()))
        party = resolver.resolve(directive.group("owner")) if directive else None
        return _candidate(
            CommitmentKind.ACTION,
            sentence,
            ref.end(),
            len(sentence.text),
            party,
            None,
            1.0,
            "action_summary",
            meeting,
            file,
        )
    resolution = _RESOLUTION.match(flat)
    if resolution and not flat.endswith(":"):
        decided = _resolved(sentence, flat[resolution.end() :], resolver, meeting, file)
        if decided is not None:
            return decided
    row = _owner_task_row(sentence, flat, resolver, meeting, file)
    if row is not None:
        return row
    directive = _DIRECTIVE.match(flat)
    if directive and directive.group("verb") not in ("be",):
        party = resolver.resolve(directive.group("owner"))
        if party is not None:
            rule = "action_summary" if section == "actions" else "directive"
            start = _bullet_end(sentence.text)
            return _candidate(
                CommitmentKind.ACTION,
                sentence,
                start,
                len(sentence.text),
                party,
                None,
                1.0,
                rule,
                meeting,
                file,
            )
    if flat.endswith(":"):
        return None  # introduces a list; the items are judged one by one
    if (
        section == "actions"
        and sentence.kind in (LineKind.BULLET, LineKind.TEXT, LineKind.NUMBERED)
        and _looks_like_action(flat, meeting, listed=True)
    ):
        start = len(sentence.text) - len(sentence.text.lstrip("•-* \t0123456789.)"))
        dashed = _OWNER_DASH.match(flat)  # "KM/TG – add roads policing to the June agenda"
        owner = _resolve_list(dashed.group("owner"), resolver) if dashed else None
        return _candidate(
            CommitmentKind.ACTION,
            sentence,
            start,
            len(sentence.text),
            owner,
            None,
            1.0 if owner else 0.8,
            "action_summary",
            meeting,
            file,
        )
    request = _request(sentence, resolver, voices, meeting, file)
    if request is not None:
        return request
    if _QUESTION.match(flat) and not _answered_after(flat, 0):
        return None
    return _statement(sentence, resolver, voices.last, meeting, file)


def _resolved(
    sentence: Sentence, decision: str, resolver: PartyResolver, meeting: MeetingInfo, file: str
) -> CandidateCommitment | None:
    """A decision that tasks a party ("RESOLVED that the Lead Officer add …") is a recorded action.

    Council minutes record what the body decided, so "it was agreed that X would …" is a task
    minuted for X, not X's own undertaking; decisions that only note or approve task nobody.
    """
    item = _RESOLVED_ITEM.match(decision)
    if item is None or item.group("verb") in ("be", "been", "note", "noted", "approve"):
        return None
    if item.group("verb") not in _UNDERTAKING_VERBS:
        return None
    party = _resolve_list(item.group("owner"), resolver)
    if party is None:
        return None
    return _candidate(
        CommitmentKind.ACTION, sentence, _bullet_end(sentence.text), len(sentence.text), party, None, 1.0,
        "resolution", meeting, file,
    )  # fmt: skip


def _owner_task_row(
    sentence: Sentence, flat: str, resolver: PartyResolver, meeting: MeetingInfo, file: str
) -> CandidateCommitment | None:
    """ "DCC Smith – review stop and search data – end of Q2": a row of a terse decision log.

    Three dash-separated parts, the first wholly a party and the last a deadline or an open
    status; a row whose status reports it done is past work. Two parts ("DoF – Q3 forecast
    underspend £1.1m") are a report by that party, not a task.
    """
    row = _OWNER_TASK_TAIL.match(flat) if "-" in flat or "–" in flat or "—" in flat else None  # two dashes
    if row is None or _DONE_TAIL.search(flat):
        return None
    owner = row.group("owner").strip()
    party = _resolve_list(owner, resolver) if "/" in owner else resolver.resolve(owner)
    # wholly a party: "DCC Smith", or a title an attendee holds ("OPCC Head of Policy")
    if party is None or not (_WHOLE_PARTY.fullmatch(owner) or party.text == owner or "/" in owner):
        return None
    tail = row.group("tail")
    # the last part is the row's Due cell: "end of Q2" there means "by the end of Q2"
    due = find_deadline(tail, meeting.date.value, meeting.next_meeting) or _cell_deadline(tail, meeting)
    if due is None and not _OPEN_STATUS.search(tail):
        return None
    start = sentence.text.find(owner)
    found = _candidate(
        CommitmentKind.ACTION, sentence, max(start, 0), len(sentence.text), party, None, 1.0,
        "action_row", meeting, file,
    )  # fmt: skip
    if found is not None and found.due is None and due is not None:
        found = replace(found, due=due.due, due_text=due.due_text)
    return found


def _cell_deadline(cell: str, meeting: MeetingInfo) -> Deadline | None:
    """A Due cell's words, read as a deadline: the cell stands for "by …" ("end of Q2", "25.03.22")."""
    return find_deadline(f"by {cell}", meeting.date.value, meeting.next_meeting)


def _recorded_before(
    previous: Sentence, owner_due: re.Match[str], resolver: PartyResolver, meeting: MeetingInfo, file: str
) -> CandidateCommitment | None:
    """The sentence before an "Owner: X  Deadline: Y" record, as X's action due on Y."""
    party = _resolve_list(owner_due.group("owner"), resolver)
    found = _candidate(
        CommitmentKind.ACTION, previous, 0, len(previous.text), party, None, 1.0,
        "action_owner_after", meeting, file,
    )  # fmt: skip
    return _with_due_cell(found, owner_due.group("due"), meeting)


def _with_due_cell(
    found: CandidateCommitment | None, cell: str | None, meeting: MeetingInfo
) -> CandidateCommitment | None:
    """The recorded due date ("Deadline: 31/10/2024", "(Action: DCC – March 2025)") wins over the prose."""
    if found is None or not cell:
        return found
    due = _cell_deadline(cell, meeting)
    if due is None:
        return found
    return replace(found, due=due.due, due_text=due.due_text)


def _looks_like_action(text: str, meeting: MeetingInfo, *, listed: bool = False) -> bool:
    """Whether an item under an actions heading or an item code is a task, not narrative.

    "Updates are recorded in the action log" and an agenda title after "Ref 02/17/04/2024" sit
    where actions do but task nobody: an action names a party and a verb, opens with an
    imperative ("Provide …"), speaks of the future, or states a deadline. Items `listed` under
    an actions heading may also be bare noun phrases ("Breakdown of 101 abandonment by hour"),
    so there only a finite verb of narrative ("are recorded", "was agreed") rules one out.
    """
    flat = normalise(text).lstrip("•-*–— \t0123456789.):")
    if not flat:
        return False
    if _DIRECTIVE.match(flat) or _FUTURE.search(flat):
        return True
    first = flat.split(" ", 1)[0]
    if first[:1].isupper() and first.lower() in _UNDERTAKING_VERBS:
        return True
    if _TO_VERB.search(flat) and any(
        m.group("verb") in _UNDERTAKING_VERBS or m.group("verb") in _DELIVERABLE_PARTICIPLES
        for m in _TO_VERB.finditer(flat)
    ):
        return True
    if find_deadline(flat, meeting.date.value, meeting.next_meeting) is not None:
        return True
    return listed and not _NARRATIVE.search(flat)


def _action_line(
    sentence: Sentence,
    label: re.Match[str],
    previous: Sentence | None,
    resolver: PartyResolver,
    meeting: MeetingInfo,
    file: str,
) -> CandidateCommitment | None:
    offset = label.end()
    rest = " ".join(sentence.text[offset:].split())
    owner_due = _OWNER_DUE_LINE.match(rest)
    if owner_due and previous is not None:
        # "ACTION A28/24 – Owner: DCC  Deadline: 24/12/2024": the sentence before is the action
        return _recorded_before(previous, owner_due, resolver, meeting, file)
    if not rest or _DONE_TAIL.search(rest) or _DONE_TAIL.match(f"– {rest}"):
        return None  # "Action 38/23/2 (DCC) – publish the policy: complete.", "Action 12/24 – complete."
    if label.group("owner"):
        party = _resolve_list(label.group("owner"), resolver)
        if party is not None:
            return _candidate(
                CommitmentKind.ACTION, sentence, offset, len(sentence.text), party, None, 1.0,
                "action_line", meeting, file,
            )  # fmt: skip
    if len(rest.split()) <= 4 and " to " not in f" {rest} " and previous is not None:
        party = _resolve_list(rest, resolver)
        return _candidate(
            CommitmentKind.ACTION,
            previous,
            0,
            len(previous.text),
            party,
            None,
            1.0,
            "action_owner_after",
            meeting,
            file,
        )
    directive = _DIRECTIVE.match(rest)
    party = resolver.resolve(directive.group("owner")) if directive else None
    dashed = _OWNER_DASH.match(rest) if party is None else None
    if dashed is not None:
        party = _resolve_list(dashed.group("owner"), resolver)
    if party is None:
        party = resolver.resolve(rest)
    return _candidate(
        CommitmentKind.ACTION,
        sentence,
        offset,
        len(sentence.text),
        party,
        None,
        1.0,
        "action_line",
        meeting,
        file,
    )


def _request(
    sentence: Sentence, resolver: PartyResolver, voices: _Voices, meeting: MeetingInfo, file: str
) -> CandidateCommitment | None:
    last_speaker = voices.last
    flat = sentence.flat
    subject = _REQUEST_SUBJECT.match(flat)
    if not subject:
        return None
    rest = subject.group("rest")
    match = _REQUEST.match(rest)
    if not match:
        return None
    what = match.group("what").strip()
    asked_someone = _ASKED_SOMEONE.match(rest)
    tasked = _TASKED_AFTER.search(flat)  # "… – JP to provide by end of Feb"
    # "asked JP for a short note", "asked that the Commissioner include …": the party asked
    asked_for = _ASKED_FOR.match(rest) if asked_someone is None else None
    asked_party = (asked_for.group("who_t") or asked_for.group("who_f")) if asked_for else ""
    if asked_for is not None and resolver.resolve(asked_party) is None:
        asked_for = None
    if asked_for is not None:
        what = rest[asked_for.end() :]
    if asked_someone:
        verb = asked_someone.group("verb")
        after = rest[asked_someone.start("verb") :]
        if _IN_MEETING_VERBS.match(after) or verb not in _UNDERTAKING_VERBS:
            return None
    requester = _who(subject.group("who"), resolver, last_speaker)
    holds_to_account = _is_overseer(requester) or requester is not None and requester.organisation == OPCC
    if _WISH.match(rest):
        if not holds_to_account:
            return None  # "the ACC wants to see more cases referred": a force wish, asked of nobody
        if not rest.startswith("would") and not _DELIVERABLE_NOUN.search(rest):
            return None  # "wants to see the force move faster": an opinion on pace, no deliverable
    elif (
        not asked_someone
        and not (asked_for and (asked_for.group("that") or tasked or _DELIVERABLE_NOUN.search(what)))
        and not _REQUEST_OBJECT.match(what)
        and not _ASKED_DONE.match(rest)
    ):
        return None
    if (
        _ASKED_FOR_UPDATE.match(rest)
        and find_deadline(flat, meeting.date.value, meeting.next_meeting) is None
    ):
        return None  # "asked for an update on X" answered in the meeting itself
    owner = resolver.resolve(asked_someone.group("who")) if asked_someone else None
    if owner is None and asked_for is not None:
        owner = resolver.resolve(asked_party)
        if owner is not None and requester is not None and _own_act(owner, requester):
            owner = None  # "asked that his office are engaged": asked of the force, about his office
    if owner is None:
        # the party the request answers: the last other speaker, else whoever answers next (`_answerer`)
        owner = voices.other_than(requester)
    tasked_party = resolver.resolve(tasked.group("owner")) if tasked else None
    if tasked_party is not None:
        # "asked the Chief for costed options – JP to provide by end of Feb": asked and tasked
        return _candidate(
            CommitmentKind.ACTION, sentence, 0, len(sentence.text), tasked_party, requester, 1.0,
            "request_tasked", meeting, file,
        )  # fmt: skip
    return _candidate(
        CommitmentKind.REQUEST,
        sentence,
        0,
        len(sentence.text),
        owner,
        requester,
        0.9,
        "request",
        meeting,
        file,
    )


def _statement(
    sentence: Sentence, resolver: PartyResolver, last_speaker: Party | None, meeting: MeetingInfo, file: str
) -> CandidateCommitment | None:
    flat = sentence.flat
    soft = bool(_SOFT.search(flat))
    confidence = 0.5 if soft else 0.8

    def make(
        kind: CommitmentKind, owner: Party | None, rule: str, conf: float = confidence, focus: str = ""
    ) -> CandidateCommitment | None:
        return _candidate(
            kind, sentence, 0, len(sentence.text), owner, None, conf, rule, meeting, file, focus
        )

    provided = _ASSURANCE_GIVEN.match(flat)
    if provided:
        owner = resolver.resolve(provided.group("who")) if provided.group("who") else last_speaker
        return make(CommitmentKind.ASSURANCE, owner, "assurance")
    given = _GIVES_CONFIDENCE.search(flat)
    if given and _futures(given.group("clause")):
        owner = resolver.resolve(given.group("who"))  # "the policy gives the CC confidence that … will …"
        if owner is not None and not _is_overseer(owner):
            return make(CommitmentKind.ASSURANCE, owner, "assurance")
    reported = _REPORTED.match(flat)
    if reported:
        speaker = _who(reported.group("speaker"), resolver, last_speaker)
        clause = reported.group("clause")
        if _HOW_CLAUSE.match(clause) and _is_overseer(speaker):
            return None  # "The PCC highlighted how …": the question, not an answer
        clause = _HOW_CLAUSE.sub("", clause, count=1).lstrip()
        cue = bool(_ASSURANCE_CUE.search(reported.group("verb")) or _ASSURANCE_CUE.search(clause[:60]))
        verdicts = [(f, v) for f in _futures(clause) if (v := _judge(clause, f, resolver, speaker, cue))]
        # a clause naming its party ("… and the force would review …") beats one left to the speaker
        verdicts.sort(key=lambda item: not item[1][2])
        for future, (kind, owner, _named) in verdicts[:1]:
            soft_here = soft or future.group("modal") == "could"
            focus = clause[_clause_start(clause, future.start()) :]
            return make(kind, owner, kind.value, 0.5 if soft_here else confidence, focus)
        expected = (
            _EXPECTED_OUTCOME.match(clause)
            if reported.group("verb").startswith(("expect", "anticip"))
            else None
        )
        if expected and speaker is not None and not _is_overseer(speaker) and not _asked_before(flat, 0):
            # "He expects median attendance to return below 15 minutes by Christmas"
            return make(CommitmentKind.ASSURANCE, speaker, "assurance")
        on_track = _ON_TRACK.search(clause)
        if on_track and speaker is not None and not _is_overseer(speaker):
            owner = _clause_owner(clause[: on_track.start()], resolver, speaker)
            return make(CommitmentKind.ASSURANCE, owner or speaker, "assurance")
    for direct in _DIRECT.finditer(flat):
        before = flat[: direct.start()]
        if _asked_before(flat, direct.start()):
            continue  # "asked whether the force would …": the question, even if answered later
        if _PREPOSITION_END.search(before) or _IMPERSONAL_HOPE.search(before):
            continue  # "overseen by ACC X will be finalised": X is not the subject; "it is hoped …"
        verb, modal, following = direct.group("verb"), direct.group("modal"), direct.group("next") or ""
        if modal.startswith("looking forward") or (verb.endswith("ing") and modal.endswith("to")):
            verb = _stem(verb)
        perfect = verb == "have" and _PERFECT.match(following) and not modal.endswith("to")
        if _NOT_FUTURE.match(verb) or perfect:
            continue
        owner = _who(direct.group("subject"), resolver, last_speaker)
        if owner is None:
            continue
        tentative = soft or bool(_TENTATIVE.search(modal))
        conf = 0.5 if tentative else 0.8
        if verb in _EXPECT_VERBS:
            return make(CommitmentKind.ASSURANCE, owner, "assurance", conf)
        if verb == "be":
            after = flat[direct.end("verb") :]
            if _OUTCOME_WORDS.match(after.strip()):
                return make(CommitmentKind.ASSURANCE, owner, "assurance", conf)
            if _deliverable("be " + after.strip()):
                return make(CommitmentKind.UNDERTAKING, owner, "undertaking", conf)
            continue
        named = not is_pronoun(direct.group("subject")) and direct.group("subject") not in ("We", "we")
        if verb in _UNDERTAKING_VERBS or (named and _FIRM_MODAL.match(modal) and verb not in _NOT_ACTS):
            # "Supt Reilly is going to trial …": a named party's own act, whatever the verb
            return make(CommitmentKind.UNDERTAKING, owner, "undertaking", conf)
    expects = _FIRST_PERSON_EXPECT.search(flat)
    if expects and last_speaker is not None and not _is_overseer(last_speaker):
        owner = _who(reported.group("speaker"), resolver, last_speaker) if reported else last_speaker
        focus = flat[expects.start() :]
        return make(CommitmentKind.ASSURANCE, owner or last_speaker, "assurance", focus=focus)
    if reported:
        return None
    continued = _continued_outcome(flat, resolver, last_speaker)
    if continued is not None:
        return make(CommitmentKind.ASSURANCE, continued, "assurance_continued", 0.6)
    subject_and = _SUBJECT_AND_WILL.match(flat)
    if subject_and and subject_and.group("verb") in _UNDERTAKING_VERBS:
        owner = _who(subject_and.group("who"), resolver, last_speaker)
        if owner is not None:
            return make(CommitmentKind.UNDERTAKING, owner, "undertaking")
    passive = _PASSIVE.search(flat)
    if (
        passive
        and passive.group("p") in _DELIVERABLE_PARTICIPLES
        and not _SCHEDULE.search(flat)  # "The next meeting will be held on …": a date, not a deliverable
        and (
            _ADDRESSEE.search(flat)
            or find_deadline(flat, meeting.date.value, meeting.next_meeting) is not None
        )
    ):
        return make(CommitmentKind.UNDERTAKING, last_speaker, "undertaking_passive", 0.7)
    outcome_by = _OUTCOME_BY.search(flat)
    if outcome_by and find_deadline(flat, meeting.date.value, meeting.next_meeting) is not None:
        return make(CommitmentKind.ASSURANCE, last_speaker, "assurance_outcome", 0.7)
    return None


def _last_clause(before: str) -> str:
    """The subject end of "… said that the force would": what follows the last joint."""
    return _CLAUSE_JOINT.split(before)[-1].strip()


def _clause_start(clause: str, position: int) -> int:
    """Where the reported clause holding `position` begins: after the last "that" before it."""
    start = 0
    for joint in _THAT.finditer(clause, 0, position):
        start = joint.end()
    return start


def _asks(flat: str) -> bool:
    """Whether a sentence puts a question nobody answers within it ("The PCC … asked whether …")."""
    if not any(word in flat for word in _ASK_WORDS):
        return False
    if _QUESTION.match(flat):
        return not _answered_after(flat, 0)
    ask = _ASKS.search(flat)
    return ask is not None and not _answered_after(flat, ask.end())


def _question_deadline(sentence: Sentence, meeting: MeetingInfo) -> Deadline | None:
    """The deadline a question puts to the force ("asked if all vacancies will be filled by
    March 23'"), which an answer in the next sentence may take on (`_answer_deadline`)."""
    flat = sentence.flat
    ask = _ASKS.search(flat)
    return find_deadline(flat[ask.start() :] if ask else flat, meeting.date.value, meeting.next_meeting)


def _answer_deadline(candidate: CandidateCommitment, asked: Deadline) -> CandidateCommitment:
    """An assurance that only refers back to the question before it takes the question's date.

    "The CC was confident that this would be achieved" promises what was asked, by when it
    was asked; its own words name no time. Any time words of its own win, and so does any
    subject other than a bare "this"/"that"/"it", which may be a different matter.
    """
    if (
        candidate.kind not in (CommitmentKind.ASSURANCE, CommitmentKind.UNDERTAKING)
        or candidate.due_text
        or not _ANAPHORIC_FUTURE.search(candidate.text)
    ):
        return candidate
    return replace(candidate, due=asked.due, due_text=asked.due_text)


def _futures(clause: str) -> list[re.Match[str]]:
    return [m for m in _FUTURE.finditer(clause) if not m.group("neg")]


def _judge(
    clause: str, future: re.Match[str], resolver: PartyResolver, speaker: Party | None, cue: bool
) -> tuple[CommitmentKind, Party | None, bool] | None:
    """Classify one future verb inside reported speech, or None when it promises nothing.

    The subject of the future clause owns it when it names a party (the third value says so);
    a pronoun, a passive or a thing ("Op Reset will shape …") leaves it with the speaker. A
    commissioner reporting what will happen is holding the force to account, not promising,
    unless it is his own act.
    """
    verb, modal = future.group("verb"), future.group("modal")
    participle = future.group("participle") or ""
    if _NOT_FUTURE.match(verb) or speaker is None:
        return None
    if verb == "have" and _PERFECT.match(participle):
        # "would have completed the training by the end of March": an outcome by a date, vouched
        # for; without a date it is a supposition ("would have been better")
        if not cue or not _BY_DATE.search(clause, future.end()):
            return None
        named = _clause_owner(_last_clause(clause[: future.start()]), resolver, speaker)
        return CommitmentKind.ASSURANCE, named or speaker, named is not None and named is not speaker
    if _asked_before(clause, future.start()) or _IMPERSONAL_HOPE.search(clause, 0, future.start()):
        return None
    if _TAKES_TIME.match(clause[future.start("verb") :]):
        return None  # "changes will take time": a caution, not a promise
    before = clause[: future.start()]
    subject = _last_clause(before)
    explicit = _clause_owner(subject, resolver, speaker) if subject else None
    owner = explicit if subject else speaker
    if owner is None and subject.casefold() == "they" and before.strip().casefold() == "they":
        # "She said they would add …": nothing named before it for "they" to be, so it is the
        # speaker's side; after "two officers had been appointed and that …" it is the officers
        owner = speaker
    unit = owner is None and bool(_UNIT.search(subject))
    if unit:
        owner = speaker  # "the Review Team would publish …": a part of the speaker's organisation
    is_party = owner is not None
    after = clause[future.start() :][:90]
    outcome = bool(_OUTCOME_WORDS.search(after)) or bool(future.group("never"))
    verdict: tuple[CommitmentKind, Party | None] | None = None
    if modal == "could":
        verdict = (CommitmentKind.ASSURANCE, owner or speaker) if cue else None
    elif verb in _EXPECT_VERBS:
        verdict = CommitmentKind.ASSURANCE, owner or speaker
    elif verb == "be":
        if participle in _DELIVERABLE_PARTICIPLES or participle == "going":
            # "confident all PCSOs will be issued …": the frame makes it an assurance
            kind = CommitmentKind.ASSURANCE if cue and not explicit else CommitmentKind.UNDERTAKING
            verdict = kind, owner or speaker
        elif outcome or cue:
            verdict = CommitmentKind.ASSURANCE, owner or speaker
        elif (
            not is_party and _PERFECT.match(participle) and not _CONDITION.match(clause[future.end("verb") :])
        ):
            # "the backlog would be cleared by …": a thing's future state, vouched for by the speaker
            verdict = CommitmentKind.ASSURANCE, speaker
    elif cue and (outcome or not is_party):
        verdict = CommitmentKind.ASSURANCE, owner or speaker
    elif not is_party:
        if _CONDITION.match(clause[future.end("verb") :]):
            return None  # "crime would rise if the funding was cut": a warning, not an assurance
        verdict = CommitmentKind.ASSURANCE, speaker
    elif verb in _UNDERTAKING_VERBS or (
        explicit is not None and modal in ("will", "would", "shall") and verb not in _NOT_ACTS
    ):
        # a named party that will do something: the verb list only has to catch pronoun subjects
        verdict = (CommitmentKind.ASSURANCE if cue and not unit else CommitmentKind.UNDERTAKING), owner
    elif outcome or unit:
        verdict = CommitmentKind.ASSURANCE, owner
    if verdict is None:
        return None
    if _is_overseer(speaker) and not (explicit is not None and _own_act(explicit, speaker)):
        return None
    return verdict[0], verdict[1], explicit is not None and not is_pronoun(subject)


# -- helpers, in call order ---------------------------------------------------------------------


def _in_table(sentence: Sentence, tables: Sequence[ActionTable]) -> bool:
    return any(table.start <= sentence.start < table.end for table in tables)


def _ref_key(ref: str) -> str:
    return _WHITESPACE.sub("", ref).upper()


def _add_table_rows(
    found: list[CandidateCommitment],
    tables: Sequence[ActionTable],
    cross_refs: dict[str, int],
    lines: Sequence[Line],
    resolver: PartyResolver,
    meeting: MeetingInfo,
    file: str,
    vocabulary: Vocabulary,
) -> None:
    """Each open row of each action table, as an action; a row a body sentence named by its
    reference joins that sentence's commitment, whose owner and due the row then states."""
    for table in tables:
        for row in table.rows:
            made = _row_commitment(row, lines, resolver, meeting, file)
            if made is None:
                continue
            made = replace(made, topics=_topics(made.text, "", (), vocabulary))
            body = cross_refs.get(_ref_key(row.text(REF))) if row.column(REF) else None
            if body is None:
                body = _summarised(found, made, before=table.start)
            if body is not None:
                found[body] = _combine(found[body], made)
            else:
                found.append(made)
    found.sort(key=lambda c: c.span.start)


def _row_commitment(
    row: TableRow, lines: Sequence[Line], resolver: PartyResolver, meeting: MeetingInfo, file: str
) -> CandidateCommitment | None:
    """One row of an action table as an action, or None when it is closed or names no action.

    The Status cell overrides the Due cell when it gives a date ("Ongoing – revised date
    30.06.22"): logs record slippage there. A row marked complete reports past work.
    """
    actions = row.column(ACTION)
    status = row.text(STATUS)
    if not actions or _CLOSED.match(status):
        return None
    first, last = actions[0], actions[-1]
    contiguous = all(
        not quote(lines, a.end, b.start).strip() for a, b in zip(actions, actions[1:], strict=False)
    )
    evidence: tuple[Span, ...]
    if contiguous:
        text, span = quote(lines, first.start, last.end), Span(file, first.start, last.end)
        evidence = (span,)
    else:  # a laid-out cell wraps between other columns: quote its pieces one by one
        text, span = first.text, Span(file, first.start, first.end)
        evidence = tuple(Span(file, a.start, a.end) for a in actions)
    owner_text = row.text(OWNER)
    owner = _resolve_list(owner_text, resolver) if owner_text else None
    if owner is None:
        directive = _DIRECTIVE.match(normalise(text))
        owner = resolver.resolve(directive.group("owner")) if directive else None
    when, due_text = _row_deadline(row, text, meeting)
    return CandidateCommitment(
        kind=CommitmentKind.ACTION,
        span=span,
        text=text,
        owner=owner,
        requested_by=None,
        due=when.due if when else None,
        due_text=due_text,
        confidence=1.0 if owner is not None else 0.8,
        rule="action_log",
        evidence=evidence,
        key=_key(text),
    )


def _row_deadline(row: TableRow, text: str, meeting: MeetingInfo) -> tuple[Deadline | None, str]:
    day, following = meeting.date.value, meeting.next_meeting
    status = normalise(row.text(STATUS))
    stated_day = _BRACKETED_DATE.search(status)  # "deferred to the January Board (21/01/2025)"
    revised = _cell_deadline(stated_day.group(1), meeting) if stated_day else None
    if revised is None:
        revised = find_deadline(status, day, following) if status else None
    if revised is not None and revised.due is not None:
        return revised, revised.due_text
    cell = normalise(row.text(DUE))
    stated = _cell_deadline(cell, meeting) if cell else None
    if stated is not None:
        return stated, cell
    in_text = find_deadline(normalise(text), day, following)
    return in_text, in_text.due_text if in_text else ""


def _without_paragraph_number(sentence: Sentence) -> Sentence:
    """ "4.5 The DCC confirmed …" read as "The DCC confirmed …", whose rules expect the subject first.

    The span moves past the number too, so the commitment quotes the sentence, not the numbering.
    """
    number = _PARAGRAPH_NUMBER.match(sentence.text)
    if number is None:
        return sentence
    text = sentence.text[number.end() :]
    return replace(sentence, start=sentence.start + number.end(), text=text, flat_text=normalise(text))


def _section(heading: str, current: str) -> str:
    if _SUMMARY_HEADING.search(heading):
        return "actions"
    if _NEXT_STEPS.match(heading):
        return "next_steps"
    if _ACTIONS_FROM_MEETING.match(heading):
        return "actions"
    return "" if len(heading.split()) <= 12 else current


def _speaker(flat: str, resolver: PartyResolver, last: Party | None) -> Party | None:
    """Who speaks in this sentence: its subject when a speech verb follows, or "X who said …"."""
    relative = _WHO_SPOKE.search(flat) if " who " in flat else None
    if relative:
        return resolver.resolve(relative.group("who")) or last
    match = _SPEAKER_SUBJECT.match(flat)
    if not match or not _SPEECH.match(match.group("rest")):
        return None
    if is_pronoun(match.group("who")):
        return last
    return resolver.resolve(match.group("who"))


def _answerer(
    sentences: Sequence[Sentence], position: int, resolver: PartyResolver, asker: Party | None
) -> Party | None:
    """Who speaks next in the same paragraph (or the next one), other than the one asking."""
    block = sentences[position].block
    for sentence in sentences[position + 1 : position + 6]:
        if sentence.block > block + 1:
            return None
        speaker = _speaker(plain_lead(sentence.flat, resolver)[0], resolver, None)
        if speaker is not None and (asker is None or not _same_party(speaker, asker)):
            return None if _is_overseer(speaker) else speaker
    return None


def _same_party(a: Party, b: Party) -> bool:
    if a.person or b.person:
        return a.person == b.person
    return (a.role_abbrev, a.organisation, a.role_title) == (b.role_abbrev, b.organisation, b.role_title)


def _is_overseer(party: Party | None) -> bool:
    return party is not None and party.role_abbrev in _OVERSEERS


def _own_act(owner: Party | None, speaker: Party) -> bool:
    """Whether a commissioner's reported future is his own (or his office's) act."""
    return owner is not None and (
        _same_party(owner, speaker) or owner.organisation == OPCC and not owner.person
    )


def _answered_after(flat: str, position: int) -> bool:
    """Whether someone answers later in the sentence ("When asked …, the CC said that …")."""
    return bool(_ANSWER.search(flat, position))


def _asked_before(clause: str, position: int) -> bool:
    """Whether a question cue precedes `position` with no answer between them."""
    cues = list(_QUESTION_CUE.finditer(clause, 0, position))
    return bool(cues) and not _ANSWER.search(clause, cues[-1].end(), position)


def _stem(gerund: str) -> str:
    """ "revisiting" → "revisit", "having" → "have": the verb a soft intent names."""
    base = gerund.removesuffix("ing")
    if base in _UNDERTAKING_VERBS:
        return base
    if base + "e" in _UNDERTAKING_VERBS:
        return base + "e"
    return gerund


def _continued_outcome(flat: str, resolver: PartyResolver, speaker: Party | None) -> Party | None:
    """The speaker of "Current work … will allow the force to …": a thing bringing an outcome.

    Only in sentences that carry on a force speaker's answer without a reporting verb, and only
    for verbs that state an effect, so descriptions of process ("will be linked to …") stay out.
    """
    if speaker is None or _is_overseer(speaker) or speaker.organisation == OPCC:
        return None
    future = next(iter(_futures(flat)), None)
    if (
        future is None
        or future.group("modal") not in ("will", "would")
        or future.group("verb") not in _OUTCOME_VERBS
    ):
        return None
    subject = flat[: future.start()]
    if _QUESTION_CUE.search(subject) or resolver.resolve(subject) is not None or _IT_OR_THIS.match(subject):
        return None
    return speaker


def _list_intro(flat: str, speaker: Party | None) -> tuple[Party, CommitmentKind] | None:
    """ "The T/CC highlighted the improvements he hoped would be made:" makes its items promises."""
    if not flat.endswith(":") or speaker is None or _is_overseer(speaker) or not _LIST_CUE.search(flat):
        return None
    hoped = _HOPED.search(flat)
    return speaker, CommitmentKind.ASSURANCE if hoped else CommitmentKind.UNDERTAKING


def _bullet_end(text: str) -> int:
    return len(text) - len(text.lstrip("•-* \t"))


def _who(text: str, resolver: PartyResolver, last_speaker: Party | None) -> Party | None:
    if is_pronoun(text) or text.casefold() in ("they", "we", "i"):
        return last_speaker
    if " and " in text or " & " in text:
        return _resolve_list(text, resolver)
    return resolver.resolve(text)


def _resolve_list(text: str, resolver: PartyResolver) -> Party | None:
    """ "The CC and DCC" or "RJ/CP": the first named party owns it (the rest are noted in the text)."""
    first = _LIST_JOINT.split(text.strip())[0]
    return resolver.resolve(first) or resolver.resolve(text)


def _clause_owner(subject_text: str, resolver: PartyResolver, speaker: Party) -> Party | None:
    """The party a clause's subject names; the speaker for a pronoun; None for any other noun.

    "They" is the speaker only when the speaker is a body ("the force … they would"); after one
    person speaks it points at the things or people just named ("two officers had been
    appointed and that they would start in May"), which are not a party.
    """
    # "… and said the force would publish": the speech verb of a second clause is not its subject
    subject = _CLAUSE_LEAD.sub("", subject_text.strip(" ,"))
    if subject.casefold() == "they" and (speaker.person or speaker.role_abbrev):
        return None
    if not subject or is_pronoun(subject) or subject.casefold() in ("they", "we"):
        return speaker
    whole = _WHOLE_PARTY.fullmatch(subject)
    if whole:
        return resolver.resolve(whole.group("who"))
    return None


def _deliverable(text: str) -> bool:
    match = _BE_PARTICIPLE.search(text)
    return bool(match and match.group("p") in _DELIVERABLE_PARTICIPLES)


def _last_label_start(body: str) -> int:
    match = _LABEL_AT_END.search(body)
    return match.start() if match else len(body.rstrip())


def _candidate(
    kind: CommitmentKind,
    sentence: Sentence,
    start: int,
    end: int,
    owner: Party | None,
    requested_by: Party | None,
    confidence: float,
    rule: str,
    meeting: MeetingInfo,
    file: str,
    focus: str = "",
) -> CandidateCommitment | None:
    """A commitment quoting `sentence.text[start:end]`.

    `focus` is the reported clause that carries the promise, when the sentence has others: its
    own deadline wins ("the force would need savings by 2025/26 and that a programme would be
    brought to the Board in December" is due in December).
    """
    raw = sentence.text[start:end]
    lead = len(raw) - len(raw.lstrip())
    trail = len(raw) - len(raw.rstrip())
    span = Span(file, sentence.start + start + lead, sentence.start + end - trail)
    text = raw.strip()
    if len(text) < 12:
        return None
    deadline = find_deadline(focus, meeting.date.value, meeting.next_meeting) if focus else None
    if deadline is None:
        deadline = find_deadline(normalise(text), meeting.date.value, meeting.next_meeting)
    trailing = _TRAILING_DUE.search(text) if deadline is None and kind is CommitmentKind.ACTION else None
    if trailing is not None:
        # the dash stands for "by": the cell after it is the action's Due column
        deadline = _cell_deadline(trailing.group("due"), meeting)
    if requested_by is None and kind is CommitmentKind.ACTION:
        requested_by = None
    evidence = [span]
    if sentence.duplicate_of is not None:
        confidence = min(confidence, 1.0)
    return CandidateCommitment(
        kind=kind,
        span=span,
        text=text,
        owner=owner,
        requested_by=requested_by,
        due=deadline.due if deadline else None,
        due_text=deadline.due_text if deadline else "",
        confidence=confidence,
        rule=rule,
        evidence=tuple(evidence),
        key=_key(text),
    )


def _indented(lines: Sequence[Line], position: int) -> bool:
    """Whether the line holding `position` starts with white space (sits under a bullet)."""
    index = bisect_right([line.start for line in lines], position) - 1
    return index >= 0 and lines[index].text[:1] in (" ", "\t")


def _asked_and_recorded(
    request: CandidateCommitment, action: CandidateCommitment, lines: Sequence[Line]
) -> CandidateCommitment:
    start, end = request.span.start, action.span.end
    text = quote(lines, start, end)
    return replace(
        action,
        span=Span(request.span.file, start, end),
        text=text,
        owner=action.owner or request.owner,
        requested_by=request.requested_by,
        due=action.due or request.due,
        due_text=action.due_text if action.due else request.due_text,
        evidence=(*request.evidence, *action.evidence),
        topics=request.topics,
        key=_key(text),
    )


def _summarised(
    found: Sequence[CandidateCommitment], item: CandidateCommitment, before: int | None = None
) -> int | None:
    """The body commitment an end-of-minutes action item restates in other words, if any.

    "AK – updated VAWG plan to OPCC – 31/03/25" restates "AK to share the updated plan with
    OPCC – end of March": same owner, and most of the item's content words said before; or the
    same owner and the same due date with some words in common ("CIA (Hexham Road) to PCC – 13/12"
    after "CC to share CIA with PCC by Fri 13th Dec"). Only commitments stated before `before`
    count: a summary restates what came earlier, never what follows; and only actions and
    requests, since a log row "Provide an update on hotspot patrols" after "the force would
    introduce hotspot patrols" is a further task, not the same promise.
    """
    words = _content_words(item.text)
    if not words:
        return None
    best, best_share = None, 0.0
    for index, body in enumerate(found):
        if before is not None and body.span.start >= before:
            continue
        if body.kind not in (CommitmentKind.ACTION, CommitmentKind.REQUEST):
            continue  # a summary turns a request into an action; an undertaking stays its own
        asked = body.kind is CommitmentKind.REQUEST  # its owner is often only inferred
        if body.owner and item.owner and not asked and not _compatible(body.owner, item.owner):
            continue
        shared = len(words & _content_words(body.text))
        share = shared / len(words)
        if item.due is not None and body.due == item.due and item.owner is not None and shared >= 2:
            share = max(share, 0.6)  # same owner, same day: the same action in other words
        if share > best_share:
            best, best_share = index, share
    if best_share >= 0.6 and (len(words) >= 2 or item.due) or best_share >= 0.5 and len(words) >= 6:
        return best
    return None


def _compatible(a: Party, b: Party) -> bool:
    """Same party, or one is the organisation the other works for ("Force" and the CC)."""
    if _same_party(a, b):
        return True
    return bool(a.organisation and a.organisation == b.organisation and not (a.person and b.person))


def _content_words(text: str) -> frozenset[str]:
    return frozenset(w[:6] for w in _WORD3.findall(text.casefold()) if w not in _FUNCTION_WORDS)


def _key(text: str) -> str:
    flat = normalise(text).casefold()
    flat = _KEY_LEAD.sub("", flat)
    return _KEY_PUNCTUATION.sub("", flat).strip()


def _merge_repeats(found: list[CandidateCommitment]) -> list[CandidateCommitment]:
    """One commitment per promise: later statements of it become extra evidence."""
    merged: list[CandidateCommitment] = []
    for candidate in found:
        for index, existing in enumerate(merged):
            same = (
                existing.key == candidate.key
                or (
                    min(len(existing.key), len(candidate.key)) >= 30
                    and fuzz.ratio(existing.key, candidate.key) >= 90
                )
                or (len(candidate.key) >= 40 and candidate.key in existing.key)
            )
            if same:
                merged[index] = _combine(existing, candidate)
                break
        else:
            merged.append(candidate)
    return merged


def _combine(first: CandidateCommitment, again: CandidateCommitment) -> CandidateCommitment:
    evidence = tuple(dict.fromkeys([*first.evidence, *again.evidence]))
    kind = (
        first.kind
        if first.kind is CommitmentKind.ACTION or again.kind is not CommitmentKind.ACTION
        else again.kind
    )
    # the formally recorded action names its owner; a request's owner was only inferred
    lead, other = (
        (again, first) if again.kind is CommitmentKind.ACTION and first.kind is not kind else (first, again)
    )
    return replace(
        first,
        kind=kind,
        owner=lead.owner or other.owner,
        requested_by=first.requested_by or again.requested_by,
        due=lead.due or other.due,  # a recorded action's Due cell wins over the prose it records
        due_text=lead.due_text if lead.due else other.due_text,
        confidence=max(first.confidence, again.confidence),
        evidence=evidence,
        topics=tuple({t.id: t for t in [*first.topics, *again.topics]}.values()),
    )


def meeting_year(meeting: MeetingInfo) -> date | None:
    return meeting.date.value
