"""Ingest files into a store: read, extract, plan, then apply and re-link in one atomic write.

Documents already in the store (same bytes, whatever the name) are skipped, so re-ingesting
changes nothing. A bad file is reported with its reason and the rest of the batch goes on. All
changes of a run, and the re-linking they trigger, are applied inside one store transaction:
if anything fails, or the process is killed, the store stays exactly as it was.

The store is read once per run, inside the transaction; the planned changes are applied to
that in-memory copy as the store applies them, and re-linking is incremental (only what the
new meetings reach, `linking.py`) when the store says it was linked with the current rules
(`LINKING_RULES` in the store pointer's meta), and in full otherwise.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from promises.graph.errors import InputFileError
from promises.graph.graphdata import GraphData
from promises.graph.ids import document_id
from promises.graph.ladybug_store import LadybugStore
from promises.graph.linking import LINKING_RULES, relink
from promises.graph.model import ChangeSet, Commitment, Meeting, Node, Person
from promises.ingest.extraction import extract_commitments
from promises.ingest.metadata import parse_meeting
from promises.ingest.plan import plan_document
from promises.ingest.readers import SourceText, iter_input_files, read_document
from promises.ingest.records import DocumentRecord
from promises.ingest.returns import find_returns
from promises.ingest.segmentation import blocks, sentences, split_lines
from promises.ingest.vocabulary import Vocabulary, default_vocabulary

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]


@dataclass(slots=True)
class IngestSummary:
    """What one run did, for the closing line and for scripts."""

    read: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    skipped: list[InputFileError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    new_meetings: int = 0
    new_people: int = 0
    new_commitments: int = 0
    total_meetings: int = 0
    total_people: int = 0
    total_commitments: int = 0

    @property
    def failed(self) -> bool:
        """True when nothing could be ingested and nothing was already there: the run failed."""
        return not self.read and not self.already

    def line(self) -> str:
        parts = [f"{len(self.read)} document(s) read"]
        if self.already:
            parts.append(f"{len(self.already)} already ingested")
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped")
        parts.append(f"{self.new_meetings} new meeting(s) ({self.total_meetings} in store)")
        parts.append(f"{self.new_people} new people ({self.total_people})")
        parts.append(f"{self.new_commitments} new commitment(s) ({self.total_commitments})")
        return ", ".join(parts)


def extract_document(
    source: SourceText, year: int | None = None, vocabulary: Vocabulary | None = None
) -> DocumentRecord:
    """Everything one document says, before it meets the store."""
    lines = split_lines(source.text)
    meeting = parse_meeting(source.text, lines, source.path, year_override=year)
    record = DocumentRecord(source.path, source.sha256, source.format, source.text, meeting)
    vocabulary = (vocabulary or default_vocabulary()).for_document()
    found = sentences(source.text, blocks(source.text, lines))  # the lines are split once per document
    record.commitments = extract_commitments(found, meeting, source.path, vocabulary, lines)
    record.returns = find_returns(found, source.path, vocabulary)
    if meeting.date.warning:
        record.warnings.append(f"{source.path}: {meeting.date.warning}")
    return record


def ingest_paths(
    paths: Sequence[Path],
    store: LadybugStore,
    *,
    now: datetime,
    as_of: date,
    year: int | None = None,
    max_bytes: int = 20 * 1024 * 1024,
    progress: Progress | None = None,
) -> IngestSummary:
    """Read `paths` into `store`; see the module docstring for the guarantees."""
    summary = IngestSummary()
    known_documents: set[str] = set()
    if store.exists():
        known_documents = {str(row[0]) for row in store.query("MATCH (d:Document) RETURN d.id").rows}
    items = list(iter_input_files(paths))
    changes = ChangeSet()
    seen_in_run: set[str] = set()
    for index, item in enumerate(items, start=1):
        label = str(item.path if isinstance(item, InputFileError) else item)
        if progress is not None:
            progress(label, index, len(items))
        if isinstance(item, InputFileError):
            summary.skipped.append(item)
            continue
        try:
            source = read_document(item, max_bytes=max_bytes)
        except InputFileError as err:
            summary.skipped.append(err)
            continue
        doc_id = document_id(source.sha256)
        if doc_id in known_documents or doc_id in seen_in_run:
            summary.already.append(source.path)
            continue
        seen_in_run.add(doc_id)
        record = extract_document(source, year)
        summary.warnings.extend(record.warnings)
        changes.merge(plan_document(record, now))
        summary.read.append(source.path)
    if changes.is_empty():
        if store.exists():
            _totals(summary, store)
        return summary
    with store.transaction() as tx:
        data = tx.load()
        stored = GraphData(dict(data.nodes), dict(data.edges))  # as the transaction holds it
        before = set(data.nodes)
        data.apply(changes)
        incremental = tx.meta.get("linking_rules") == LINKING_RULES
        derived = relink(data, as_of, changed=changes if incremental else None)
        tx.apply(changes, stored=stored)
        tx.apply(derived, stored=data)
        tx.meta["linking_rules"] = LINKING_RULES
        data.apply(derived)
    _count(summary, data.nodes.values(), before=before)
    return summary


def _count(summary: IngestSummary, nodes: Iterable[Node], before: Container[str]) -> None:
    listed = list(nodes)
    summary.total_meetings = sum(1 for n in listed if isinstance(n, Meeting) and not n.stub)
    summary.total_people = sum(1 for n in listed if isinstance(n, Person))
    summary.total_commitments = sum(1 for n in listed if isinstance(n, Commitment))
    fresh = [n for n in listed if n.id not in before]
    summary.new_meetings = sum(1 for n in fresh if isinstance(n, Meeting) and not n.stub)
    summary.new_people = sum(1 for n in fresh if isinstance(n, Person))
    summary.new_commitments = sum(1 for n in fresh if isinstance(n, Commitment))


def _totals(summary: IngestSummary, store: LadybugStore) -> None:
    """Totals for a run that wrote nothing, counted by the engine rather than by a full load."""
    for attribute, cypher in (
        ("total_meetings", "MATCH (n:Meeting) WHERE NOT coalesce(n.stub, false) RETURN count(n)"),
        ("total_people", "MATCH (n:Person) RETURN count(n)"),
        ("total_commitments", "MATCH (n:Commitment) RETURN count(n)"),
    ):
        setattr(summary, attribute, int(store.query(cypher).rows[0][0]))
