"""Turn what ingest found in one document into graph changes (plain data, no store).

Ids come from content: a meeting from its body and date, a person from their name, a role from
its organisation and office, a commitment from its meeting and normalised words. So the same
meeting published as PDF and as HTML lands on the same nodes, and a re-ingest changes nothing.
"""

from __future__ import annotations

from datetime import date, datetime

from promises.graph.ids import document_id, make_id
from promises.graph.model import (
    ChangeSet,
    Commitment,
    DateConfidence,
    Document,
    Meeting,
    Organisation,
    Person,
    RelType,
    Role,
    Update,
)
from promises.ingest.records import (
    Attendee,
    CandidateCommitment,
    DocumentRecord,
    MeetingInfo,
    Party,
    ReturnStatement,
)
from promises.ingest.roles import FORCE, OPCC, office_for


def plan_document(record: DocumentRecord, ingested_at: datetime) -> ChangeSet:
    """All nodes and edges one document contributes."""
    changes = ChangeSet()
    info = record.meeting
    document = Document(document_id(record.sha256), record.path, record.format, len(record.text), ingested_at)
    meeting = meeting_node(info, record.sha256)
    force, opcc = body_organisations(info.body)
    changes.add(document, meeting, force, opcc)
    changes.link(RelType.RECORDED_IN, meeting, document)
    people: dict[str, Person] = {}
    for attendee in info.attendees:
        person = _person(attendee.name, people)
        role = _attendee_role(attendee, force, opcc)
        changes.add(person)
        if role is not None:
            changes.add(role)
            changes.link(RelType.OF, role, force if role.organisation == force.name else opcc)
        changes.link(
            RelType.ATTENDED,
            person,
            meeting,
            abbrev=attendee.abbrev,
            role=role.id if role is not None else None,
            apologies=attendee.apologies,
        )
    for name, rel in ((info.chair, RelType.CHAIRED), (info.minutes_by, RelType.MINUTED)):
        if name:
            person = _person(name, people)
            changes.add(person)
            changes.link(rel, person, meeting)
    for ref in info.back_references:
        stub = stub_meeting(info.body, ref.year, ref.month)
        changes.add(stub)
        changes.link(RelType.REFERS_TO, meeting, stub, text=ref.text, start=ref.span.start, end=ref.span.end)
    for candidate in record.commitments:
        _plan_commitment(changes, candidate, meeting, force, opcc, people)
    for statement in record.returns:
        _plan_return(changes, statement, meeting)
    return changes


def meeting_node(info: MeetingInfo, sha256: str) -> Meeting:
    when = info.date.value
    key = when.isoformat() if when is not None else f"undated {sha256}"
    return Meeting(
        id=make_id("m", info.body, key),
        date=when,
        body=info.body,
        title=info.title,
        topic=info.topic,
        time=info.time,
        venue=info.venue,
        date_confidence=info.date.confidence,
        date_evidence=info.date.evidence,
        next_meeting=info.next_meeting,
    )


def stub_meeting(body: str, year: int, month: int) -> Meeting:
    """A meeting known only by month from a back-reference; linking joins it to the real one."""
    return Meeting(
        id=make_id("m", body, f"{year:04d}-{month:02d}", "stub"),
        date=date(year, month, 1),
        body=body,
        title="(known only from a back-reference)",
        date_confidence=DateConfidence.MONTH,
        date_evidence=f"referred to as {year:04d}-{month:02d}",
        stub=True,
    )


def body_organisations(body: str) -> tuple[Organisation, Organisation]:
    """The force and the commissioner's office behind a body such as "West Mercia PCC"."""
    area = body.removesuffix(" PCC")
    force_name = f"{area} Police" if area != "Unknown body" else "Police force"
    opcc_name = f"{area} OPCC" if area != "Unknown body" else "Commissioner's office"
    force = Organisation(make_id("o", force_name), force_name, "force", ("the force", "Force"))
    opcc = Organisation(make_id("o", opcc_name), opcc_name, "commissioner's office", ("OPCC",))
    return force, opcc


def role_node(abbrev: str, title: str, acting: bool, organisation: Organisation) -> Role:
    base = abbrev or title
    display = (f"T/{abbrev}" if abbrev else f"Temporary {title}") if acting else base
    return Role(
        id=make_id("r", organisation.name, base, "acting" if acting else "substantive"),
        title=f"Temporary {title}" if acting else title,
        abbrev=display if abbrev else "",
        acting=acting,
        organisation=organisation.name,
    )


# -- helpers, in call order ---------------------------------------------------------------------


def _person(name: str, people: dict[str, Person]) -> Person:
    key = " ".join(name.split())
    if key not in people:
        people[key] = Person(make_id("p", key), key)
    return people[key]


def _attendee_role(attendee: Attendee, force: Organisation, opcc: Organisation) -> Role | None:
    if not attendee.role_title:
        return None
    org = force if attendee.side == FORCE else opcc if attendee.side == OPCC else opcc
    return role_node(attendee.role_abbrev, attendee.role_title, attendee.acting, org)


def _party_role(party: Party, force: Organisation, opcc: Organisation) -> Role | None:
    if not party.role_abbrev and not party.role_title:
        return None
    office = office_for(party.role_abbrev) if party.role_abbrev else None
    side = office.side if office is not None else party.organisation
    org = force if side == FORCE else opcc
    title = office.title if office is not None else party.role_title
    return role_node(party.role_abbrev, title, party.acting, org)


def _plan_commitment(
    changes: ChangeSet,
    candidate: CandidateCommitment,
    meeting: Meeting,
    force: Organisation,
    opcc: Organisation,
    people: dict[str, Person],
) -> None:
    owner = candidate.owner
    commitment = Commitment(
        id=make_id("c", meeting.id, candidate.key),
        kind=candidate.kind,
        text=candidate.text,
        file=candidate.span.file,
        start=candidate.span.start,
        end=candidate.span.end,
        due=candidate.due,
        due_text=candidate.due_text,
        owner_text=owner.text if owner else "",
        requested_by_text=candidate.requested_by.text if candidate.requested_by else "",
        confidence=candidate.confidence,
        evidence=tuple(str(span) for span in candidate.evidence),
        rule=candidate.rule,
    )
    changes.add(commitment)
    changes.link(RelType.MADE_AT, commitment, meeting)
    if owner is not None:
        role = _party_role(owner, force, opcc)
        if role is not None:
            changes.add(role)
            changes.link(RelType.OF, role, force if role.organisation == force.name else opcc)
            changes.link(RelType.OWNED_BY, commitment, role)
        elif owner.organisation in (FORCE, OPCC):
            changes.link(RelType.OWNED_BY, commitment, force if owner.organisation == FORCE else opcc)
        if owner.person:
            person = _person(owner.person, people)
            changes.add(person)
            changes.link(RelType.HELD_BY, commitment, person, via="meeting")
    requester = candidate.requested_by
    if requester is not None and requester.person:
        person = _person(requester.person, people)
        changes.add(person)
        changes.link(RelType.REQUESTED_BY, commitment, person)
    for topic in candidate.topics:
        changes.add(topic)
        changes.link(RelType.ABOUT, commitment, topic)


def _plan_return(changes: ChangeSet, statement: ReturnStatement, meeting: Meeting) -> None:
    """An Update at its meeting, with topics; `UPDATES` edges are linking's job."""
    update = Update(
        id=make_id("u", meeting.id, statement.key or statement.text),
        text=statement.text,
        file=statement.span.file,
        start=statement.span.start,
        end=statement.span.end,
        signal=statement.signal,
        rule=statement.rule,
        scope=statement.scope,
        roles=statement.roles,
    )
    changes.add(update)
    changes.link(RelType.AT, update, meeting)
    for topic in statement.topics:
        changes.add(topic)
        changes.link(RelType.ABOUT, update, topic)
