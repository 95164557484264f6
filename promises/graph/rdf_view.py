"""The RDF view of the graph: the property graph of DESIGN.md section 2 in standard vocabularies.

Analysts who already speak Linked Data can load the export next to other open data and query it
with SPARQL, so we reuse well-known terms wherever one fits (Popolo-style `org:`/`foaf:` for
people and posts, `schema:Event` for meetings, `schema:PlanAction` for commitments, SKOS for
themes and operations, PROV and Web Annotation for evidence) and fall back to `pg:` terms only
for what no vocabulary says (a commitment's kind, a meeting's body).

Edges that carry properties become nodes: a `HELD` tenure is an `org:Membership` whose
`org:memberDuring` is a `time:Interval`, and each quote is an `oa:Annotation` whose target
selects the text by quote and by `[start, end)` offsets. Every IRI is `base` plus the stable id
of DESIGN.md section 2 (derived IRIs append a path or a fragment), so an exported IRI keeps
pointing at the same thing after a re-ingest.

This module imports rdflib at module level; import it only from the commands that need it.
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, SDO, SKOS, TIME, XSD
from rdflib.term import Identifier

from promises.graph.atomic import write_atomically
from promises.graph.errors import ExportError
from promises.graph.graphdata import GraphData
from promises.graph.model import (
    Commitment,
    Document,
    Meeting,
    Node,
    Operation,
    Organisation,
    Person,
    Place,
    RelType,
    Role,
    Status,
    Theme,
    Update,
)
from promises.graph.rdf_vocab import OA, PG, PREFIXES

log = logging.getLogger(__name__)

DEFAULT_BASE = "https://promise-graph.example/id/"

# `--to` value -> rdflib serialiser name.
RDF_FORMATS: dict[str, str] = {"ttl": "turtle", "jsonld": "json-ld"}

# schema.org has no "overdue" or "silent"; both are still potential actions as far as it can
# say, and the exact status is kept alongside in `pg:status`.
ACTION_STATUS: dict[Status, URIRef] = {
    Status.OPEN: SDO.PotentialActionStatus,
    Status.IN_PROGRESS: SDO.ActiveActionStatus,
    Status.REPORTED_DONE: SDO.CompletedActionStatus,
    Status.OVERDUE: SDO.PotentialActionStatus,
    Status.SILENT: SDO.PotentialActionStatus,
}

# dcterms:format expects a media type; formats we do not know stay as written.
MEDIA_TYPES: dict[str, str] = {
    "txt": "text/plain",
    "md": "text/markdown",
    "html": "text/html",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


Triple = tuple[URIRef, URIRef, URIRef | Literal]


def to_rdf(data: GraphData, base: str = DEFAULT_BASE) -> Graph:
    """Build the RDF view of `data`; the same data always yields the same triples."""
    graph = Graph()
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)
    graph.bind("id", base)
    for triple in rdf_triples(data, base):
        graph.add(triple)
    return graph


def rdf_triples(data: GraphData, base: str = DEFAULT_BASE) -> list[Triple]:
    """The triples of the RDF view, not yet in any graph (duplicates possible, order fixed).

    Why separate from `to_rdf`: indexing each triple in an rdflib graph is most of the cost of
    the view, and a store that indexes them itself (pyoxigraph, `queries/sparql.py`) can take
    the triples straight from here.
    """
    return _RdfBuilder(data, base).build()


def oxigraph_store(data: GraphData, base: str = DEFAULT_BASE) -> Any:
    """The RDF view in an in-memory `pyoxigraph.Store`, without building an rdflib graph.

    Why: rdflib indexes every triple on the way in, most of the cost of `to_rdf`; pyoxigraph
    indexes them in Rust (benchmarks/RESULTS.md). Needs pyoxigraph. The store keeps the same
    triples, except that it files derived integer types as `xsd:integer` (the offsets typed
    `xsd:nonNegativeInteger`), which changes `datatype()` in SPARQL but no value.
    """
    import pyoxigraph as ox

    store = ox.Store()
    store.bulk_extend(ox.Quad(s, p, o) for s, p, o in _ox_terms(data, base))
    return store


def _ox_terms(data: GraphData, base: str, *, grouped: bool = False) -> Iterator[tuple[Any, Any, Any]]:
    """The view's triples in pyoxigraph terms, each distinct rdflib term converted once.

    `grouped` sorts them by subject and predicate, without duplicates: the Turtle writer shares
    a subject only between neighbouring triples.
    """
    cache: dict[URIRef | Literal, Any] = {}

    def term(t: URIRef | Literal) -> Any:
        found = cache.get(t)
        if found is None:
            found = cache[t] = ox_term(t)
        return found

    triples: Iterable[Triple] = rdf_triples(data, base)
    if grouped:
        triples = sorted(dict.fromkeys(triples), key=lambda t: (t[0], t[1]))
    return ((term(s), term(p), term(o)) for s, p, o in triples)


def pyoxigraph_installed() -> bool:
    """True when pyoxigraph can be imported: a default dependency, absent only where no wheel exists."""
    return importlib.util.find_spec("pyoxigraph") is not None


def ox_term(term: Identifier) -> Any:
    """The pyoxigraph term for an rdflib one: same IRI, or same lexical form, datatype and language."""
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    assert isinstance(term, Literal)
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def export_rdf(data: GraphData, path: Path, fmt: str) -> Path:
    """Write the RDF view as Turtle (`ttl`) or JSON-LD (`jsonld`), atomically.

    Turtle is written by pyoxigraph when it is installed: rdflib's Turtle writer works out a
    prefixed name for every IRI through a namespace index that grows with each `…#fragment`
    IRI of the evidence, so its time grows with the square of the graph (24 minutes for 10,000
    meetings against 35 s for 1,000, benchmarks/RESULTS.md). Same triples, same prefixes.

    Raises:
        ExportError: unknown format, or the file cannot be written.
    """
    serialiser = RDF_FORMATS.get(fmt)
    if serialiser is None:
        raise ExportError(fmt, f"unknown RDF format; supported: {', '.join(RDF_FORMATS)}")
    if serialiser == "turtle" and pyoxigraph_installed():
        import pyoxigraph as ox

        def write_turtle(tmp: Path) -> None:
            triples = (ox.Triple(s, p, o) for s, p, o in _ox_terms(data, DEFAULT_BASE, grouped=True))
            ox.serialize(triples, tmp, ox.RdfFormat.TURTLE, prefixes={**PREFIXES, "id": DEFAULT_BASE})

        return write_atomically(Path(path), write_turtle)
    graph = to_rdf(data)

    def write(tmp: Path) -> None:
        if serialiser == "json-ld":
            graph.serialize(destination=tmp, format=serialiser, context=PREFIXES, auto_compact=True)
        else:
            graph.serialize(destination=tmp, format=serialiser)

    return write_atomically(Path(path), write)


class _RdfBuilder:
    """One pass over the nodes, then one over the edges; kept in a class to share `g` and `base`."""

    def __init__(self, data: GraphData, base: str) -> None:
        self.data = data
        self.base = base
        self.triples: list[Triple] = []
        self.docs_by_path = {d.path: d for d in data.of_type(Document)}
        self.themes = URIRef(base + "scheme/themes")
        self.operations = URIRef(base + "scheme/operations")

    def build(self) -> list[Triple]:
        self._schemes()
        for node in sorted(self.data.nodes.values(), key=lambda n: n.id):
            self._node(node)
        for e in sorted(self.data.edges.values(), key=lambda e: e.key):
            self._edge(e.type, e.src, e.dst, dict(e.props))
        return self.triples

    def iri(self, node_id: str) -> URIRef:
        return URIRef(self.base + node_id)

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
        self.triples.append((s, p, o))

    def text(self, s: URIRef, p: URIRef, value: str) -> None:
        """Add a string literal, skipping empty strings: the model uses "" for unknown."""
        if value:
            self.add(s, p, Literal(value))

    def texts(self, s: URIRef, p: URIRef, values: Iterable[str]) -> None:
        for value in values:
            self.text(s, p, value)

    def _schemes(self) -> None:
        for scheme, label in ((self.themes, "Themes"), (self.operations, "Operations")):
            self.add(scheme, RDF.type, SKOS.ConceptScheme)
            self.add(scheme, SKOS.prefLabel, Literal(label))

    def _node(self, node: Node) -> None:
        s = self.iri(node.id)
        if isinstance(node, Document):
            self._document(s, node)
        elif isinstance(node, Meeting):
            self._meeting(s, node)
        elif isinstance(node, Person):
            self.add(s, RDF.type, FOAF.Person)
            self.text(s, FOAF.name, node.name)
            self.texts(s, SKOS.altLabel, node.aliases)
        elif isinstance(node, Role):
            self.add(s, RDF.type, ORG.Post)
            self.add(s, RDF.type, ORG.Role)
            self.text(s, SKOS.prefLabel, node.title)
            self.text(s, PG.abbrev, node.abbrev)
            self.add(s, PG.acting, Literal(node.acting))
            self.text(s, PG.organisationName, node.organisation)
        elif isinstance(node, Organisation):
            self.add(s, RDF.type, ORG.Organization)
            self.text(s, SKOS.prefLabel, node.name)
            self.text(s, PG.orgKind, node.kind)
            self.texts(s, SKOS.altLabel, node.alt_labels)
        elif isinstance(node, Theme):
            self._concept(s, self.themes, node.label, node.alt_labels)
        elif isinstance(node, Operation):
            self._concept(s, self.operations, node.name, node.alt_labels)
        elif isinstance(node, Place):
            self.add(s, RDF.type, SDO.Place)
            self.text(s, SDO.name, node.name)
            self.text(s, PG.placeKind, node.kind)
            self.texts(s, SKOS.altLabel, node.alt_labels)
        elif isinstance(node, Commitment):
            self._commitment(s, node)
        elif isinstance(node, Update):
            self._update(s, node)

    def _document(self, s: URIRef, doc: Document) -> None:
        self.add(s, RDF.type, FOAF.Document)
        self.add(s, RDF.type, PROV.Entity)
        self.text(s, PG.path, doc.path)
        self.text(s, DCTERMS.format, MEDIA_TYPES.get(doc.format.lower().lstrip("."), doc.format))
        self.add(s, PG.sha256, Literal(doc.id.removeprefix("d-")))
        self.add(s, PG.chars, Literal(doc.chars))
        if doc.ingested_at is not None:
            self.add(s, PG.ingestedAt, Literal(doc.ingested_at))

    def _meeting(self, s: URIRef, m: Meeting) -> None:
        self.add(s, RDF.type, SDO.Event)
        if m.date is not None:
            self.add(s, SDO.startDate, Literal(m.date))
        self.text(s, SDO.name, m.title)
        self.text(s, SDO.about, m.topic)
        self.text(s, SDO.location, m.venue)
        self.text(s, PG.body, m.body)
        self.text(s, PG.time, m.time)
        self.add(s, PG.dateConfidence, Literal(m.date_confidence.value))
        self.text(s, PG.dateEvidence, m.date_evidence)
        if m.next_meeting is not None:
            self.add(s, PG.nextMeetingDate, Literal(m.next_meeting))
        if m.stub:
            self.add(s, PG.stub, Literal(True))

    def _concept(self, s: URIRef, scheme: URIRef, label: str, alt: Iterable[str]) -> None:
        self.add(s, RDF.type, SKOS.Concept)
        self.add(s, SKOS.inScheme, scheme)
        self.text(s, SKOS.prefLabel, label)
        self.texts(s, SKOS.altLabel, alt)

    def _commitment(self, s: URIRef, c: Commitment) -> None:
        self.add(s, RDF.type, SDO.PlanAction)
        self.add(s, SDO.description, Literal(c.text))
        self.add(s, PG.kind, Literal(c.kind.value))
        self.add(s, PG.status, Literal(c.status.value))
        self.add(s, SDO.actionStatus, ACTION_STATUS[c.status])
        if c.status_as_of is not None:
            self.add(s, PG.statusAsOf, Literal(c.status_as_of))
        if c.due is not None:
            self.add(s, SDO.endTime, Literal(c.due))
        self.text(s, PG.dueText, c.due_text)
        self.text(s, PG.ownerText, c.owner_text)
        self.text(s, PG.requestedByText, c.requested_by_text)
        self.add(s, PG.confidence, Literal(c.confidence))
        self.text(s, PG.rule, c.rule)
        owner_person = [e.dst for e in self.data.out(c.id, RelType.HELD_BY)]
        owner_office = [e.dst for e in self.data.out(c.id, RelType.OWNED_BY)]
        # The person is the agent only when a tenure proved who held the office that day;
        # otherwise the office (or organisation) itself is the agent, never a guess.
        for agent in owner_person or owner_office:
            self.add(s, SDO.agent, self.iri(agent))
        self._evidence(s, c.id, c.text, c.file, c.start, c.end)
        extras = [span for span in _spans(c.evidence) if span != (c.file, c.start, c.end)]
        for n, extra in enumerate(extras, start=1):
            self._evidence(s, f"{c.id}#evidence-{n}", None, *extra)

    def _update(self, s: URIRef, u: Update) -> None:
        self.add(s, RDF.type, PG.Update)
        self.add(s, SDO.description, Literal(u.text))
        self.add(s, PG.signal, Literal(u.signal.value))
        self.add(s, PG.confidence, Literal(u.confidence))
        self.text(s, PG.rule, u.rule)
        for e in self.data.out(u.id, RelType.AT):
            meeting = self.data.get(e.dst, Meeting)
            if meeting is not None and meeting.date is not None:
                self.add(s, SDO.startDate, Literal(meeting.date))
        self._evidence(s, u.id, u.text, u.file, u.start, u.end)

    def _evidence(self, s: URIRef, key: str, exact: str | None, file: str, start: int, end: int) -> None:
        """Point `s` at its quote: `prov:wasQuotedFrom` the document, plus an `oa:Annotation`.

        The annotation's body is the node and its target the quoted text, selected both by
        the exact words (robust to re-extraction) and by offsets (exact for this file).
        """
        base = key if "#" in key else f"{key}#evidence-0"
        anno = self.iri(base)
        target = self.iri(base + "-target")
        doc = self._document_for(file, key.partition("#")[0])
        self.add(anno, RDF.type, OA.Annotation)
        self.add(anno, OA.motivatedBy, OA.identifying)
        self.add(anno, OA.hasBody, s)
        self.add(anno, OA.hasTarget, target)
        self.add(target, RDF.type, OA.SpecificResource)
        self.text(target, PG.path, file)
        if doc is not None:
            self.add(s, PROV.wasQuotedFrom, self.iri(doc.id))
            self.add(target, OA.hasSource, self.iri(doc.id))
        if exact is not None:
            quote_sel = self.iri(base + "-quote")
            self.add(target, OA.hasSelector, quote_sel)
            self.add(quote_sel, RDF.type, OA.TextQuoteSelector)
            self.add(quote_sel, OA.exact, Literal(exact))
        position = self.iri(base + "-position")
        self.add(target, OA.hasSelector, position)
        self.add(position, RDF.type, OA.TextPositionSelector)
        self.add(position, OA.start, Literal(start, datatype=XSD.nonNegativeInteger))
        self.add(position, OA.end, Literal(end, datatype=XSD.nonNegativeInteger))

    def _document_for(self, file: str, node_id: str) -> Document | None:
        """The document a quote comes from: by id or path, else the meeting's record."""
        doc = self.data.get(file, Document) or self.docs_by_path.get(file)
        if doc is not None:
            return doc
        meetings = [e.dst for rel in (RelType.MADE_AT, RelType.AT) for e in self.data.out(node_id, rel)]
        for meeting in meetings:
            for e in self.data.out(meeting, RelType.RECORDED_IN):
                found = self.data.get(e.dst, Document)
                if found is not None:
                    return found
        log.debug("no document known for %s (%s)", node_id, file)
        return None

    def _edge(self, rel: RelType, src: str, dst: str, props: dict[str, object]) -> None:
        s, o = self.iri(src), self.iri(dst)
        if rel is RelType.HELD:
            self._membership(src, dst, props)
        elif rel is RelType.OF:
            self.add(s, ORG.postIn, o)
        elif rel is RelType.ATTENDED:
            # An apology is recorded on the attendance line but means the person was absent.
            self.add(o, PG.apologies if props.get("apologies") else SDO.attendee, s)
        elif rel is RelType.CHAIRED:
            self.add(o, PG.chair, s)
        elif rel is RelType.MINUTED:
            self.add(o, PG.minutedBy, s)
        elif rel is RelType.RECORDED_IN:
            self.add(s, SDO.recordedIn, o)
        elif rel is RelType.NEXT:
            self.add(s, PG.nextMeeting, o)
        elif rel is RelType.REFERS_TO:
            self.add(s, DCTERMS.references, o)
        elif rel is RelType.MADE_AT:
            self.add(s, PG.madeAt, o)
        elif rel is RelType.OWNED_BY:
            self.add(s, PG.ownerRole, o)
        elif rel is RelType.REQUESTED_BY:
            self.add(s, PG.requestedBy, o)
        elif rel is RelType.ABOUT:
            self.add(s, SDO.about, o)
        elif rel is RelType.UPDATES:
            self.add(s, PG.updates, o)
        elif rel is RelType.AT:
            self.add(s, PG.atMeeting, o)
        # HELD_BY is folded into schema:agent by _commitment.

    def _membership(self, person: str, role: str, props: dict[str, object]) -> None:
        m = URIRef(f"{self.base}held/{person}/{role}")
        self.add(m, RDF.type, ORG.Membership)
        self.add(m, ORG.member, self.iri(person))
        # ORG has no `org:post`; the office is linked by `org:role` (hence roles are typed
        # org:Role as well as org:Post) and its organisation by `org:organization`.
        self.add(m, ORG.role, self.iri(role))
        for e in self.data.out(role, RelType.OF):
            self.add(m, ORG.organization, self.iri(e.dst))
        if props.get("acting") is not None:
            self.add(m, PG.acting, Literal(bool(props["acting"])))
        begin, end = props.get("from_date"), props.get("to_date")
        if begin is None and end is None:
            return
        interval = URIRef(f"{m}#during")
        self.add(m, ORG.memberDuring, interval)
        self.add(interval, RDF.type, TIME.Interval)
        for when, pred, frag in ((begin, TIME.hasBeginning, "begin"), (end, TIME.hasEnd, "end")):
            if when is not None:
                instant = URIRef(f"{m}#{frag}")
                self.add(interval, pred, instant)
                self.add(instant, RDF.type, TIME.Instant)
                self.add(instant, TIME.inXSDDate, Literal(when, datatype=XSD.date))


def _spans(evidence: Iterable[str]) -> list[tuple[str, int, int]]:
    """Parse evidence entries written as `str(Span)` ("file:start-end"); others are skipped."""
    spans = []
    for entry in evidence:
        file, _, offsets = entry.rpartition(":")
        start, _, end = offsets.partition("-")
        if file and start.isdigit() and end.isdigit():
            spans.append((file, int(start), int(end)))
        else:
            log.debug("evidence %r is not file:start-end; not exported", entry)
    return spans
