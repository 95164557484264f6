"""Vocabulary matching: the fast matchers must find exactly what the plain alternation finds."""

from __future__ import annotations

import random
import re

import pytest

from promises.ingest.vocabulary import (
    Entry,
    Vocabulary,
    _alternation,
    default_vocabulary,
    parse_vocabulary,
)


def _plain_find(vocabulary: Vocabulary, text: str) -> list[str]:
    """The matching rule written plainly, as flat alternations sorted longest first."""
    found: dict[str, tuple[int, Entry]] = {}
    exact = vocabulary._by_alias_exact
    folded = vocabulary._by_alias_folded
    for pattern, table, fold in (
        (_alternation(exact, re.NOFLAG), exact, False),
        (_alternation(folded, re.IGNORECASE), folded, True),
    ):
        for match in pattern.finditer(text) if pattern else ():
            entry = table.get(match.group(0).casefold() if fold else match.group(0))
            if entry is not None and entry.node.id not in found:
                found[entry.node.id] = (match.start(), entry)
    for match in re.finditer(r"\b(?:Operation|Op\.?)\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)", text):
        entry = vocabulary._operation(match.group("name"))
        found.setdefault(entry.node.id, (match.start(), entry))
    return [e.node.id for _, e in sorted(found.values(), key=lambda item: item[0])]


def _texts(vocabulary: Vocabulary, count: int, seed: int) -> list[str]:
    """Sentences stitched from aliases, their prefixes and case changes, and awkward characters."""
    rng = random.Random(seed)
    aliases = [a for e in vocabulary.entries for a in e.aliases]
    pieces = ["the", "and", "-", "’", "K", "ſ", "ı", "İ", "é", "Op Reset", "Operation Ice", ".", ","]
    out = []
    for _ in range(count):
        words = []
        for _ in range(rng.randint(1, 12)):
            alias = rng.choice(aliases)
            choice = rng.random()
            if choice < 0.2:
                alias = alias.upper()
            elif choice < 0.35:
                alias = alias[: rng.randint(1, len(alias))]
            elif choice < 0.45:
                alias = alias.title()
            words.append(alias)
            if rng.random() < 0.5:
                words.append(rng.choice(pieces))
        out.append(rng.choice(["", " ", "-"]).join(words))
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_find_agrees_with_plain_alternations(seed: int) -> None:
    vocabulary = default_vocabulary()
    for text in _texts(vocabulary, 400, seed):
        assert [e.node.id for e in vocabulary.find(text)] == _plain_find(vocabulary, text), text


def test_non_ascii_aliases_fall_back_to_case_insensitive_matching() -> None:
    vocabulary = parse_vocabulary('[[theme]]\nlabel = "Straße"\naliases = ["straße", "kıt", "kit"]\n')
    assert vocabulary._lowered is None
    for text in ["STRASSE", "straße", "KIT", "KİT", "KIT and kıt", "K\u212aIT"]:
        assert [e.node.id for e in vocabulary.find(text)] == _plain_find(vocabulary, text), text


def test_per_document_memo_returns_fresh_lists() -> None:
    scoped = default_vocabulary().for_document()
    first = scoped.find("Rural crime and anti-social behaviour")
    first.append(first[0])
    again = scoped.find("Rural crime and anti-social behaviour")
    assert again == first[:-1]
    assert default_vocabulary()._memo is None  # the shared instance keeps no memo
