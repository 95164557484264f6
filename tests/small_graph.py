"""A small but complete graph, built by hand: every node label and every edge type once or more.

The same graph backs the RDF, SPARQL and GraphML tests and `tests/data/expected/small.ttl`,
so a change here must be mirrored there.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from promises.graph.graphdata import GraphData
from promises.graph.model import (
    Commitment,
    CommitmentKind,
    DateConfidence,
    Document,
    Meeting,
    Operation,
    Organisation,
    Person,
    Place,
    RelType,
    Role,
    Signal,
    Status,
    Theme,
    Update,
    edge,
)

D1 = Document("d-" + "a" * 64, "minutes/2024-11-27.txt", "txt", 5000, datetime(2025, 1, 2, 9, 30, tzinfo=UTC))
D2 = Document("d-" + "b" * 64, "minutes/2025-02-26.pdf", "pdf", 3000)
M0 = Meeting(
    "m-0000000000000000", date(2019, 5, 1), "West Mercia PCC", date_confidence=DateConfidence.MONTH, stub=True
)
M1 = Meeting(
    "m-0000000000000001",
    date(2024, 11, 27),
    "West Mercia PCC",
    title="Holding to Account",
    topic="Quarterly Performance",
    time="10:00",
    venue="West Mercia Police HQ",
    date_confidence=DateConfidence.STATED,
    date_evidence="Wednesday 27 November 2024",
    next_meeting=date(2025, 2, 26),
)
M2 = Meeting(
    "m-0000000000000002",
    date(2025, 2, 26),
    "West Mercia PCC",
    title="Holding to Account",
    date_confidence=DateConfidence.INFERRED,
)
COOPER = Person("p-0000000000000001", "Richard Cooper", ("RC",))
CAMPION = Person("p-0000000000000002", "John Campion")
JENSEN = Person("p-0000000000000003", "Chris Jensen", ("CJ", "Chris Jensen-Policy Officer"))
TCC = Role("r-0000000000000001", "Chief Constable", "T/CC", acting=True, organisation="West Mercia Police")
PCC = Role("r-0000000000000002", "Police and Crime Commissioner", "PCC")
WMP = Organisation("o-0000000000000001", "West Mercia Police", "force")
OPCC = Organisation(
    "o-0000000000000002", "Office of the Police and Crime Commissioner", "commissioner's office", ("OPCC",)
)
VAWG = Theme("t-0000000000000001", "violence against women and girls", ("VAWG",))
SOTERIA = Operation("op-0000000000000001", "Operation Soteria", ("Op Soteria", "Soteria"))
SHROPSHIRE = Place("pl-0000000000000001", "Shropshire", "county")
C1 = Commitment(
    "c-0000000000000001",
    CommitmentKind.ACTION,
    "T/CC to provide an update on Op Soteria at the Q3 meeting.",
    D1.path,
    1200,
    1258,
    due=date(2024, 12, 31),
    due_text="at the Q3 meeting",
    status=Status.IN_PROGRESS,
    status_as_of=date(2025, 3, 1),
    owner_text="T/CC",
    requested_by_text="the PCC",
    confidence=0.9,
    evidence=(f"{D1.path}:1200-1258", f"{D1.path}:4800-4858"),
    rule="action-line",
)
C2 = Commitment(
    "c-0000000000000002",
    CommitmentKind.UNDERTAKING,
    "the force would review its VAWG training",
    D1.path,
    2000,
    2040,
    status=Status.OPEN,
    owner_text="the force",
)
C3 = Commitment(
    "c-0000000000000003",
    CommitmentKind.REQUEST,
    "The PCC asked to receive a copy of the Soteria plan by the end of March.",
    D1.path,
    3000,
    3072,
    due=date(2025, 3, 31),
    due_text="by the end of March",
    status=Status.OVERDUE,
    owner_text="the Chief Constable",
)
U1 = Update(
    "u-0000000000000001",
    "Soteria update was provided; work continues.",
    D2.path,
    100,
    144,
    Signal.PROGRESS,
    confidence=0.8,
    rule="echo",
)

NODES = (
    D1,
    D2,
    M0,
    M1,
    M2,
    COOPER,
    CAMPION,
    JENSEN,
    TCC,
    PCC,
    WMP,
    OPCC,
    VAWG,
    SOTERIA,
    SHROPSHIRE,
    C1,
    C2,
    C3,
    U1,
)
EDGES = (
    edge(RelType.HELD, COOPER, TCC, from_date=date(2024, 4, 1), acting=True),
    edge(RelType.HELD, CAMPION, PCC, from_date=date(2016, 5, 12), to_date=date(2025, 5, 8)),
    edge(RelType.OF, TCC, WMP),
    edge(RelType.OF, PCC, OPCC),
    edge(RelType.ATTENDED, COOPER, M1, abbrev="T/CC"),
    edge(RelType.ATTENDED, CAMPION, M1, abbrev="PCC"),
    edge(RelType.ATTENDED, JENSEN, M2, apologies=True),
    edge(RelType.CHAIRED, CAMPION, M1),
    edge(RelType.MINUTED, JENSEN, M1),
    edge(RelType.RECORDED_IN, M1, D1),
    edge(RelType.RECORDED_IN, M2, D2),
    edge(RelType.NEXT, M1, M2),
    edge(RelType.REFERS_TO, M2, M0, text="Action arising from the May 2019 meeting", start=10, end=50),
    edge(RelType.MADE_AT, C1, M1),
    edge(RelType.MADE_AT, C2, M1),
    edge(RelType.MADE_AT, C3, M1),
    edge(RelType.OWNED_BY, C1, TCC),
    edge(RelType.HELD_BY, C1, COOPER),
    edge(RelType.REQUESTED_BY, C1, CAMPION),
    edge(RelType.OWNED_BY, C2, WMP),
    edge(RelType.OWNED_BY, C3, TCC),
    edge(RelType.REQUESTED_BY, C3, CAMPION),
    edge(RelType.ABOUT, C1, SOTERIA),
    edge(RelType.ABOUT, C1, SHROPSHIRE),
    edge(RelType.ABOUT, C2, VAWG),
    edge(RelType.ABOUT, C2, OPCC),
    edge(RelType.ABOUT, C3, SOTERIA),
    edge(RelType.ABOUT, M1, VAWG),
    edge(RelType.UPDATES, U1, C1, confidence=0.8, rule="echo"),
    edge(RelType.AT, U1, M2),
)


@pytest.fixture
def small_graph() -> GraphData:
    """A fresh copy each time, since GraphData is mutable."""
    return GraphData.build(NODES, EDGES)
