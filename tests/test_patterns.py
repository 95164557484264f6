"""Fast paths in ingest (folded patterns, tries, guards) must find exactly what the plain forms do."""

from __future__ import annotations

import random
import re
import sys
from functools import cache
from pathlib import Path

import pytest

from promises.ingest import attendance, meeting_date, metadata, returns, segmentation
from promises.ingest.patterns import FOLDS_TO_ASCII, Folded, fold, literal_trie

_ALL_CHARACTERS = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
_ODD = set(FOLDS_TO_ASCII.pattern.strip("[]"))


def test_folds_to_ascii_lists_every_character_re_matches_with_an_ascii_one() -> None:
    """Lower-casing the text stands in for IGNORECASE only if no other character behaves oddly."""
    odd = set()
    for code in range(128):
        pattern = re.compile(re.escape(chr(code)), re.IGNORECASE)
        odd |= {m.group() for m in pattern.finditer(_ALL_CHARACTERS) if not m.group().isascii()}
    odd |= {c for c in _ALL_CHARACTERS if len(c.lower()) != 1}
    assert odd == _ODD


@pytest.mark.parametrize("cls", [r"\w", r"\s", r"\d"])
def test_lower_case_keeps_character_classes(cls: str) -> None:
    pattern = re.compile(cls)
    changed = [c for c in _ALL_CHARACTERS if c.lower() != c and c not in _ODD]  # the others trivially agree
    assert changed
    assert all(bool(pattern.match(c)) == bool(pattern.match(c.lower())) for c in changed)


def _folded_patterns() -> list[Folded]:
    modules = (attendance, meeting_date, metadata, returns)
    return [value for module in modules for value in vars(module).values() if isinstance(value, Folded)]


def test_folded_patterns_use_only_characters_without_case_partners() -> None:
    """A non-ASCII character in a folded pattern must match only itself, with or without IGNORECASE."""
    patterns = _folded_patterns()
    assert len(patterns) >= 5
    for char in {c for p in patterns for c in p.pattern if not c.isascii()}:
        matched = set(re.findall(re.escape(char), _ALL_CHARACTERS, re.IGNORECASE))
        assert matched == {char}
        assert {c for c in _ALL_CHARACTERS if c.lower() == char} == {char}


def _mangled(text: str, rng: random.Random) -> str:
    """The text with random case changes and, now and then, a character IGNORECASE treats oddly."""
    out = []
    for char in text:
        roll = rng.random()
        if roll < 0.2:
            char = char.swapcase()
        elif roll < 0.22 and char in "kKsSiI":
            char = {"k": "\u212a", "s": "\u017f", "i": "\u0131", "I": "\u0130"}.get(char, char)
        out.append(char)
    return "".join(out)


@cache
def _corpus() -> list[str]:
    """Fixture texts, their lines, and the lines with case changes and odd characters mixed in."""
    root = Path(__file__).parent
    files = sorted((root / "data" / "minutes").iterdir()) + sorted(
        (root.parent / "examples" / "minutes").iterdir()
    )
    rng = random.Random(5)
    texts = [f.read_text(encoding="utf-8") for f in files if f.suffix in (".txt", ".md")]
    lines = [line for text in texts for line in text.splitlines() if line.strip()]
    extra = [
        "arising from the March 2021 meeting", "deferred to the CC in Sept", "previous HTA meeting in June",
        "The action log: action 3 completed", "No outstanding actions", "Date of next meeting: 4 May",
        "Tue 3rd Sept 2024", "originally raised by the DCC in dec", "carried forward from the Nov 2020 board",
    ]  # fmt: skip
    return texts + lines + [_mangled(x, rng) for x in lines + extra for _ in range(3)] + extra


def _spans(matches: list[re.Match[str]]) -> list[list[tuple[int, int]]]:
    return [[m.span(g) for g in range(len(m.groups()) + 1)] for m in matches]


def test_folded_patterns_match_as_ignorecase_does() -> None:
    corpus = _corpus()
    for pattern in _folded_patterns():
        for text in corpus:
            expected = list(pattern.ignorecase.finditer(text))
            assert _spans(list(pattern.finditer(text))) == _spans(expected), (pattern.pattern, text)
            assert _spans([m for m in [pattern.search(text)] if m]) == _spans(expected[:1])
            match = pattern.ignorecase.match(text)
            assert _spans([m for m in [pattern.match(text)] if m]) == _spans([match] if match else [])


def test_fold_refuses_texts_it_cannot_lower_safely() -> None:
    assert fold("Straße – K9") == "straße – k9"
    assert fold("\u0130stanbul") is None
    assert fold("\u017fection") is None


def test_folded_rejects_patterns_that_would_differ() -> None:
    for source in ("Chief", r"(?-i:May)", "caf\u00e9", "(?i)x"):
        with pytest.raises(ValueError):
            Folded(source)
    Folded(r"\bnext\s+(?P<Kind>meeting)\S*[’–]")


@pytest.mark.parametrize("seed", [1, 2])
def test_literal_trie_agrees_with_a_flat_alternation(seed: int) -> None:
    rng = random.Random(seed)
    words = sorted(
        {"".join(rng.choice("abc ") for _ in range(rng.randint(1, 6))).strip() or "a" for _ in range(40)}
    )
    flat = re.compile(
        r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b"
    )
    trie = re.compile(r"\b(?:" + literal_trie(words) + r")\b")
    for _ in range(300):
        text = "".join(rng.choice("abc  .") for _ in range(rng.randint(0, 40)))
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)], text


def test_deferred_words_gate_every_deferral() -> None:
    for text in _corpus():
        if returns._DEFERRED.search(text):
            assert returns._DEFERRED_WORDS.search(text), text


def test_force_areas_suit_a_trie() -> None:
    """`literal_trie` prefers the longest name; the flat list preferred the first listed."""
    areas = metadata.FORCE_AREAS
    assert not [(a, b) for a in areas for b in areas if a != b and b.startswith(a)]


def test_return_signal_gate_changes_no_classification(monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _corpus()
    gated = [returns.classify(text) for text in corpus]
    monkeypatch.setattr(returns, "_ANY_SIGNAL", Folded(""))  # matches every text: no gate
    assert [returns.classify(text) for text in corpus] == gated
    assert sum(1 for found in gated if found is not None) > 20


def test_note_taker_check_agrees_with_the_pattern() -> None:
    rng = random.Random(9)
    entries = [
        "Tom Fairley (Head of Policy) – notes",
        "Ann Lee (minute taker).",
        "Jo Bell - SECRETARIAT",
        "Al Roy (Scribe)",
    ]
    texts = _corpus() + entries + [_mangled(e, rng) for e in entries for _ in range(20)]
    for text in texts:
        assert attendance._without_note_taker(text) == attendance._NOTE_TAKER.sub("", text), text


def _contained_in_plainly(key: str, seen_text: list[str], seen: dict[str, int]) -> int | None:
    for earlier in reversed(seen_text[-400:]):
        if key in earlier:
            return seen[earlier]
    if key in " ".join(seen_text[-400:]):
        for earlier in reversed(seen_text[-400:]):
            if earlier[:30] in key or key[:30] in earlier:
                return seen[earlier]
    return None


def test_repeated_fragment_lookup_agrees_with_the_plain_loops() -> None:
    rng = random.Random(3)
    words = ["the", "force", "will", "review", "custody", "plan", "by", "march"]
    for _ in range(300):
        seen_text = [" ".join(rng.choices(words, k=rng.randint(3, 12))) for _ in range(rng.randint(0, 30))]
        seen = {text: index for index, text in enumerate(seen_text)}
        key = " ".join(rng.choices(words, k=rng.randint(2, 8)))
        assert segmentation._contained_in(key, seen_text, seen) == _contained_in_plainly(key, seen_text, seen)
