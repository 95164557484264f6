"""Hand-built graphs for the view tests: a monthly meeting series and a hostile-text graph.

Built directly as model objects (no ingest), so the expected node and edge counts follow from
the construction below and not from the code under test.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from promises.graph.graphdata import GraphData
from promises.graph.ids import make_id
from promises.graph.model import (
    ChangeSet,
    Commitment,
    CommitmentKind,
    DateConfidence,
    Document,
    Edge,
    Meeting,
    Operation,
    Person,
    Place,
    RelType,
    Role,
    Signal,
    Status,
    Theme,
    Update,
)

XSS_PAYLOADS = (
    "<script>alert(1)</script>",
    '"onmouseover="alert(1)',
    "</title><img src=x onerror=alert(1)>",
)
STATUS_CYCLE = (Status.OPEN, Status.IN_PROGRESS, Status.REPORTED_DONE, Status.OVERDUE, Status.SILENT)
KIND_CYCLE = tuple(CommitmentKind)
DISTRACTORS = (RelType.RECORDED_IN, RelType.ATTENDED)
SIGNAL_CYCLE = (Signal.PROGRESS, Signal.DONE, Signal.DEFERRED, Signal.MENTIONED)


@dataclass
class Series:
    """A fixture graph plus what a view of all its commitments must contain."""

    data: GraphData
    commitment_ids: list[str]
    meetings: list[Meeting]
    drawn_nodes: int  # nodes a network of all commitments draws
    drawn_edges: int  # edges a network of all commitments draws


def series(meetings: int = 6, per_meeting: int = 4, *, start: date = date(2023, 1, 10)) -> Series:
    """`meetings` monthly meetings of one body, each making `per_meeting` commitments.

    Every other commitment gets a follow-up at the next meeting; every third has a due date
    90 days out. A document, its RECORDED_IN edges, one ATTENDED edge and Meeting-ABOUT edges
    are added as distractors that the network must not draw.
    """
    cs = ChangeSet()
    roles = [
        Role(make_id("r", title), title, abbrev)
        for title, abbrev in (
            ("Chief Constable", "CC"),
            ("Deputy Chief Constable", "DCC"),
            ("Head of Finance", ""),
        )
    ]
    people = [Person(make_id("p", name), name) for name in ("Richard Cooper", "Julian Moss", "Rachel Jones")]
    pcc = Person(make_id("p", "John Campion"), "John Campion")
    themes = [
        Theme(make_id("t", label), label) for label in ("VAWG", "anti-social behaviour", "witness care")
    ]
    soteria = Operation(make_id("op", "Operation Soteria"), "Operation Soteria", ("Op Soteria",))
    shropshire = Place(make_id("pl", "Shropshire"), "Shropshire", "county")
    cs.add(*roles, *people, pcc, *themes, soteria, shropshire)
    doc = Document("d-" + "0" * 64, "minutes/all.txt", "txt", 1000)
    cs.add(doc)
    extra_edges = 0

    ms: list[Meeting] = []
    for i in range(meetings):
        day = start + timedelta(days=30 * i)
        m = Meeting(
            make_id("m", "West Mercia PCC", day.isoformat()),
            day,
            "West Mercia PCC",
            title="Holding to Account",
            topic=f"Quarter {i % 4 + 1}",
            date_confidence=DateConfidence.STATED,
        )
        cs.add(m)
        cs.link(RelType.RECORDED_IN, m, doc)
        cs.link(RelType.ABOUT, m, themes[i % 3])
        extra_edges += 2
        if ms:
            cs.link(RelType.NEXT, ms[-1], m)
        ms.append(m)
    cs.link(RelType.ATTENDED, pcc, ms[0], abbrev="PCC")
    extra_edges += 1

    ids: list[str] = []
    for i, m in enumerate(ms):
        assert m.date is not None
        for j in range(per_meeting):
            n = i * per_meeting + j
            text = f"{roles[j % 3].abbrev or roles[j % 3].title} to report on item {n} at a later meeting"
            c = Commitment(
                make_id("c", m.id, text),
                KIND_CYCLE[n % 4],
                text,
                "minutes/all.txt",
                n * 100,
                n * 100 + len(text),
                due=m.date + timedelta(days=90) if n % 3 == 0 else None,
                due_text="within three months" if n % 3 == 0 else "",
                status=STATUS_CYCLE[n % 5],
                owner_text=roles[j % 3].abbrev,
            )
            cs.add(c)
            ids.append(c.id)
            cs.link(RelType.MADE_AT, c, m)
            cs.link(RelType.OWNED_BY, c, roles[j % 3])
            cs.link(RelType.HELD_BY, c, people[j % 3])
            cs.link(RelType.ABOUT, c, themes[n % 3])
            if n % 4 == 0:
                cs.link(RelType.ABOUT, c, soteria)
            if n % 5 == 0:
                cs.link(RelType.ABOUT, c, shropshire)
            if c.kind is CommitmentKind.REQUEST:
                cs.link(RelType.REQUESTED_BY, c, pcc)
            if n % 2 == 0 and i + 1 < len(ms):
                u_text = f"Update on item {n}: work continues"
                u = Update(
                    make_id("u", c.id, ms[i + 1].id),
                    u_text,
                    "minutes/all.txt",
                    0,
                    len(u_text),
                    SIGNAL_CYCLE[n % 4],
                )
                cs.add(u)
                cs.link(RelType.UPDATES, u, c, confidence=0.9)
                cs.link(RelType.AT, u, ms[i + 1])
    data = GraphData()
    data.apply(cs)
    drawn = [e for e in data.edges.values() if e.type not in DISTRACTORS and not _meeting_about(e)]
    assert len(drawn) == len(data.edges) - extra_edges
    ends = {e.src for e in drawn} | {e.dst for e in drawn}
    return Series(data, ids, ms, drawn_nodes=len(ends), drawn_edges=len(drawn))


def _meeting_about(e: Edge) -> bool:
    return e.type is RelType.ABOUT and e.src_label == "Meeting"


def hostile() -> tuple[GraphData, str]:
    """One meeting with one commitment whose every text field carries an injection payload."""
    payload = " ".join(XSS_PAYLOADS)
    cs = ChangeSet()
    m = Meeting(make_id("m", "hostile"), date(2024, 5, 1), f"Body {payload}", title=f"Meeting {payload}")
    role = Role(make_id("r", "hostile"), f"Role {payload}", abbrev=XSS_PAYLOADS[1])
    person = Person(make_id("p", "hostile"), f"Person {payload}")
    theme = Theme(make_id("t", "hostile"), f"Theme {payload}")
    later = Meeting(make_id("m", "hostile later"), date(2024, 6, 1), f"Body {payload}", title=payload)
    c = Commitment(
        make_id("c", "hostile"),
        CommitmentKind.ACTION,
        f"Quote {payload}",
        "x.txt",
        0,
        10,
        due=date(2024, 9, 30),
        due_text=f"by {payload}",
        status=Status.OVERDUE,
        owner_text=payload,
    )
    u = Update(make_id("u", "hostile"), f"Follow {payload}", "x.txt", 0, 10, Signal.PROGRESS)
    cs.add(m, role, person, theme, later, c, u)
    cs.link(RelType.MADE_AT, c, m)
    cs.link(RelType.OWNED_BY, c, role)
    cs.link(RelType.HELD_BY, c, person)
    cs.link(RelType.ABOUT, c, theme)
    cs.link(RelType.NEXT, m, later)
    cs.link(RelType.UPDATES, u, c)
    cs.link(RelType.AT, u, later)
    data = GraphData()
    data.apply(cs)
    return data, c.id
