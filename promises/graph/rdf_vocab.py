"""The RDF namespaces of the RDF view, declared once for the exporter, SHACL and SPARQL.

Our own terms live in a closed `DefinedNamespace`, like rdflib's generated vocabularies, so a
misspelt `PG.madAt` fails at import time instead of silently minting a new predicate. Web
Annotation has no rdflib module, so its few terms are declared here the same way.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, SDO, SKOS, TIME, XSD, DefinedNamespace

PG_IRI = "https://promise-graph.example/ns#"
OA_IRI = "http://www.w3.org/ns/oa#"


class PG(DefinedNamespace):
    """Promise Graph terms with no good equivalent in a standard vocabulary."""

    _NS = Namespace(PG_IRI)
    _fail = True

    # classes
    Update: URIRef  # a later meeting returning to a commitment
    # meetings
    body: URIRef
    time: URIRef
    dateConfidence: URIRef
    dateEvidence: URIRef
    nextMeetingDate: URIRef
    stub: URIRef
    chair: URIRef
    minutedBy: URIRef
    apologies: URIRef
    nextMeeting: URIRef
    # roles, organisations, places
    abbrev: URIRef
    acting: URIRef
    organisationName: URIRef
    orgKind: URIRef
    placeKind: URIRef
    # commitments
    kind: URIRef
    status: URIRef
    statusAsOf: URIRef
    dueText: URIRef
    ownerRole: URIRef
    ownerText: URIRef
    requestedBy: URIRef
    requestedByText: URIRef
    madeAt: URIRef
    confidence: URIRef
    rule: URIRef
    # updates
    updates: URIRef
    signal: URIRef
    atMeeting: URIRef
    # documents and evidence
    sha256: URIRef
    path: URIRef
    chars: URIRef
    ingestedAt: URIRef


class OA(DefinedNamespace):
    """The Web Annotation terms the evidence uses (https://www.w3.org/TR/annotation-vocab/)."""

    _NS = Namespace(OA_IRI)
    _fail = True

    Annotation: URIRef
    SpecificResource: URIRef
    TextQuoteSelector: URIRef
    TextPositionSelector: URIRef
    hasBody: URIRef
    hasTarget: URIRef
    hasSource: URIRef
    hasSelector: URIRef
    motivatedBy: URIRef
    identifying: URIRef
    exact: URIRef
    start: URIRef
    end: URIRef


# Prefixes bound in every export and pre-declared for every SPARQL query.
PREFIXES: dict[str, str] = {
    "pg": PG_IRI,
    "schema": str(SDO),
    "org": str(ORG),
    "foaf": str(FOAF),
    "skos": str(SKOS),
    "prov": str(PROV),
    "oa": OA_IRI,
    "time": str(TIME),
    "dcterms": str(DCTERMS),
    "xsd": str(XSD),
}
