"""Score follow-up links and statuses against tests/data/annotations/followups.json.

Each annotated series is ingested into a fresh LadybugDB store, files in reverse name order
so the out-of-order meeting of each Northshire series is not a special case, and predicted
`UPDATES` edges are compared with the annotated links. A prediction matches an annotation when
the meeting dates agree and the annotated words occur in the update and the commitment.

    python -m benchmarks.score_followups            # table on stdout
    python -m benchmarks.score_followups --json     # figures as JSON (the tests use `score`)
"""

from __future__ import annotations

import json
import sys
import tempfile
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from promises.graph.graphdata import GraphData
from promises.graph.ladybug_store import LadybugStore
from promises.graph.linking import meeting_of
from promises.graph.model import Commitment, Meeting, RelType, Update
from promises.graph.status import compute_status
from promises.ingest.pipeline import ingest_paths

ROOT = Path(__file__).resolve().parent.parent
ANNOTATIONS = ROOT / "tests" / "data" / "annotations" / "followups.json"
NOW = datetime(2026, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class SeriesScore:
    """Figures for one annotated series; `strong` counts only links with confidence >= 0.5."""

    name: str
    truth_links: int
    predicted: int
    correct: int
    predicted_strong: int
    correct_strong: int
    status_cases: int
    status_correct: int
    misses: tuple[str, ...]
    false_links: tuple[str, ...]
    status_errors: tuple[str, ...]

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.truth_links if self.truth_links else 1.0

    @property
    def precision_strong(self) -> float:
        return self.correct_strong / self.predicted_strong if self.predicted_strong else 1.0

    @property
    def status_accuracy(self) -> float:
        return self.status_correct / self.status_cases if self.status_cases else 1.0


def score(annotations: Path = ANNOTATIONS) -> list[SeriesScore]:
    """Ingest every annotated series and score it."""
    spec = json.loads(annotations.read_text(encoding="utf-8"))
    out = []
    for series in spec["series"]:
        with tempfile.TemporaryDirectory() as tmp:
            store = LadybugStore(Path(tmp) / "store")
            files = sorted((ROOT / series["path"]).glob("*.txt"), reverse=True)
            for path in files:  # one file per run: the worst case for order-independence
                ingest_paths([path], store, now=NOW, as_of=date(2026, 1, 1))
            out.append(score_series(series, store.load()))
    return out


def score_series(series: dict[str, Any], data: GraphData) -> SeriesScore:
    predicted = _predicted(data)
    truth = series["links"]
    matched_truth: set[int] = set()
    correct = correct_strong = strong = 0
    false_links = []
    for update_date, update_text, commitment_date, commitment_text, confidence in predicted:
        strong += confidence >= 0.5
        hit = next(
            (
                i
                for i, t in enumerate(truth)
                if t["update_date"] == update_date
                and t["commitment_date"] == commitment_date
                and _flat(t["update"]) in update_text
                and _flat(t["commitment"]) in commitment_text
            ),
            None,
        )
        if hit is None:
            false_links.append(
                f"{update_date} {update_text[:70]!r} -> {commitment_date} {commitment_text[:60]!r}"
            )
            continue
        correct += 1
        correct_strong += confidence >= 0.5
        matched_truth.add(hit)
    misses = tuple(
        f"{t['update_date']} {t['update']!r} -> {t['commitment_date']} {t['commitment']!r}"
        for i, t in enumerate(truth)
        if i not in matched_truth
    )
    status_errors = []
    cases = series["status"]
    for case in cases:
        found = [c for c in data.of_type(Commitment) if _flat(case["commitment"]) in _flat(c.text)]
        got = (
            compute_status(data, found[0], date.fromisoformat(case["as_of"]))[0].value
            if found
            else "(not extracted)"
        )
        if got != case["status"]:
            status_errors.append(
                f"{case['commitment']!r} as of {case['as_of']}: {got}, expected {case['status']}"
            )
    return SeriesScore(
        name=series["name"],
        truth_links=len(truth),
        predicted=len(predicted),
        correct=correct,
        predicted_strong=strong,
        correct_strong=correct_strong,
        status_cases=len(cases),
        status_correct=len(cases) - len(status_errors),
        misses=misses,
        false_links=tuple(false_links),
        status_errors=tuple(status_errors),
    )


def main(argv: list[str]) -> int:
    scores = score()
    if "--json" in argv:
        rows = [
            {**asdict(s), "precision": s.precision, "recall": s.recall, "status_accuracy": s.status_accuracy}
            for s in scores
        ]
        json.dump(rows, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    print(f"{'series':<14}{'links':>6}{'pred':>6}{'P':>7}{'R':>7}{'P>=.5':>7}{'status':>10}")
    for s in scores:
        print(
            f"{s.name:<14}{s.truth_links:>6}{s.predicted:>6}{s.precision:>7.2f}{s.recall:>7.2f}"
            f"{s.precision_strong:>7.2f}{s.status_correct:>5}/{s.status_cases:<4}"
        )
        for label, items in (("miss", s.misses), ("false", s.false_links), ("status", s.status_errors)):
            for item in items:
                print(f"    {label}: {item}")
    return 0


def _predicted(data: GraphData) -> list[tuple[str, str, str, str, float]]:
    out = []
    for e in data.edges_of(RelType.UPDATES):
        update, commitment = data.get(e.src, Update), data.get(e.dst, Commitment)
        at = next((data.get(a.dst, Meeting) for a in data.out(e.src, RelType.AT)), None)
        made = meeting_of(data, e.dst)
        if update is None or commitment is None or at is None or made is None:
            continue
        confidence = e.prop("confidence")
        out.append(
            (
                str(at.date),
                _flat(update.text),
                str(made.date),
                _flat(commitment.text),
                float(confidence) if isinstance(confidence, int | float) else 1.0,
            )
        )
    return sorted(out)


def _flat(text: str) -> str:
    return " ".join(text.split()).casefold()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
