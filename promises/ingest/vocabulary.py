"""The curated vocabulary of themes, operations, places and organisations, and matching it.

The vocabulary is data (`promises/data/vocabulary.toml`) so analysts extend it without code.
Matching rule, chosen so acronyms and proper names do not fire on ordinary words: an alias
written with any capital letter ("ASB", "Reset", "Shropshire") matches case-sensitively; an
all-lowercase alias ("anti-social behaviour") matches in any case. Any "Operation X"/"Op X"
is found even when not listed.
"""

from __future__ import annotations

import copy
import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from promises.graph.ids import make_id
from promises.graph.model import Operation, Organisation, Place, Theme
from promises.ingest.patterns import fold, literal_trie

VocabularyNode = Theme | Operation | Place | Organisation
_KINDS = {"theme": "t", "operation": "op", "place": "pl", "organisation": "o"}
_STOPWORDS = frozenset({"the", "a", "an", "and", "of", "to", "in", "on", "at", "is", "was", "will", "be"})
_OPERATION = re.compile(r"\b(?:Operation|Op\.?)\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)")


@dataclass(frozen=True, slots=True)
class Entry:
    """One vocabulary concept and the node that represents it in the graph."""

    kind: str
    node: VocabularyNode
    aliases: tuple[str, ...]


class Vocabulary:
    """Compiled matchers over all aliases; one pass of two regexes per text."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries = list(entries)
        self._by_alias_exact: dict[str, Entry] = {}
        self._by_alias_folded: dict[str, Entry] = {}
        for entry in self.entries:
            for alias in entry.aliases:
                if alias != alias.lower():
                    self._by_alias_exact.setdefault(alias, entry)
                else:
                    self._by_alias_folded.setdefault(alias.casefold(), entry)
        self._exact = _trie(self._by_alias_exact)
        self._folded = _alternation(self._by_alias_folded, re.IGNORECASE)
        # Case-insensitive matching of a large alternation is several times slower than matching
        # the lower-cased text case-sensitively; for ASCII aliases the two agree (`patterns.fold`).
        ascii_aliases = all(alias.isascii() for alias in self._by_alias_folded)
        self._lowered = _trie(self._by_alias_folded) if ascii_aliases else None
        self._memo: dict[str, tuple[Entry, ...]] | None = None

    def for_document(self) -> Vocabulary:
        """This vocabulary, remembering what it found in each text until the document is done.

        Extraction asks about the same sentences many times (each promise with the sentences
        before it, then each return statement); the memo is per document so memory stays bounded.
        """
        scoped = copy.copy(self)
        scoped._memo = {}
        return scoped

    def find(self, text: str) -> list[Entry]:
        """Entries mentioned in `text`, each once, in order of first mention."""
        memo = self._memo
        if memo is None:
            return list(self._find(text))
        found = memo.get(text)
        if found is None:
            found = memo[text] = self._find(text)
        return list(found)  # a fresh list: callers extend what they get

    def _find(self, text: str) -> tuple[Entry, ...]:
        found: dict[str, tuple[int, Entry]] = {}
        if self._exact is not None:
            self._collect(self._exact.finditer(text), self._by_alias_exact, found, casefold=False)
        lowered = fold(text) if self._lowered is not None else None
        if self._lowered is not None and lowered is not None:
            self._collect(self._lowered.finditer(lowered), self._by_alias_folded, found, casefold=True)
        elif self._folded is not None:
            self._collect(self._folded.finditer(text), self._by_alias_folded, found, casefold=True)
        if "Op" in text:  # every operation is written "Operation X" or "Op X"
            for match in _OPERATION.finditer(text):
                entry = self._operation(match.group("name"))
                if entry.node.id not in found:
                    found[entry.node.id] = (match.start(), entry)
        if len(found) <= 1:  # most texts name one concept or none
            return tuple(entry for _, entry in found.values())
        return tuple(entry for _, entry in sorted(found.values(), key=lambda item: item[0]))

    @staticmethod
    def _collect(
        matches: Iterator[re.Match[str]],
        table: dict[str, Entry],
        found: dict[str, tuple[int, Entry]],
        *,
        casefold: bool,
    ) -> None:
        for match in matches:
            key = match.group(0).casefold() if casefold else match.group(0)
            entry = table.get(key)
            if entry is not None and entry.node.id not in found:
                found[entry.node.id] = (match.start(), entry)

    def _operation(self, name: str) -> Entry:
        name = name.split()[0] if name.split()[-1].casefold() in _STOPWORDS else name
        for entry in self.entries:
            if entry.kind == "operation" and name in entry.aliases:
                return entry
        return operation_entry(f"Operation {name}", (f"Op {name}", f"Operation {name}", name))


def operation_entry(name: str, aliases: tuple[str, ...]) -> Entry:
    return Entry("operation", Operation(make_id("op", name), name, aliases), aliases)


@cache
def default_vocabulary() -> Vocabulary:
    """The vocabulary shipped in the package."""
    text = resources.files("promises").joinpath("data/vocabulary.toml").read_text(encoding="utf-8")
    return parse_vocabulary(text)


def load_vocabulary(path: Path) -> Vocabulary:
    return parse_vocabulary(path.read_text(encoding="utf-8"))


def parse_vocabulary(text: str) -> Vocabulary:
    """Build a vocabulary from TOML text (see the comments in the shipped file)."""
    data = tomllib.loads(text)
    entries: list[Entry] = []
    for item in data.get("theme", []):
        aliases = tuple(dict.fromkeys([item["label"], *item.get("aliases", [])]))
        entries.append(Entry("theme", Theme(make_id("t", item["label"]), item["label"], aliases), aliases))
    for item in data.get("operation", []):
        aliases = tuple(dict.fromkeys([item["name"], *item.get("aliases", [])]))
        entries.append(operation_entry(item["name"], aliases))
    for item in data.get("place", []):
        aliases = tuple(dict.fromkeys([item["name"], *item.get("aliases", [])]))
        node = Place(make_id("pl", item["name"]), item["name"], item.get("kind", ""), aliases)
        entries.append(Entry("place", node, aliases))
    for item in data.get("organisation", []):
        aliases = tuple(dict.fromkeys([item["name"], *item.get("aliases", [])]))
        org = Organisation(make_id("o", item["name"]), item["name"], item.get("kind", ""), aliases)
        entries.append(Entry("organisation", org, aliases))
    return Vocabulary(entries)


def _alternation(table: dict[str, Entry], flags: re.RegexFlag) -> re.Pattern[str] | None:
    if not table:
        return None
    alternatives = sorted(table, key=len, reverse=True)
    body = "|".join(re.escape(a) for a in alternatives)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", flags)


def _trie(table: dict[str, Entry]) -> re.Pattern[str] | None:
    """The aliases as one case-sensitive regex with shared prefixes factored out (`literal_trie`)."""
    if not table:
        return None
    return re.compile(rf"(?<![\w-])(?:{literal_trie(table)})(?![\w-])")
