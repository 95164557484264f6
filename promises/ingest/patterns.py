"""Faster forms of two kinds of regex that ingest runs over every line and sentence.

`re.IGNORECASE` compares every character through a case table and turns off the scan for a
possible first character that makes case-sensitive searches fast, so a case-insensitive pattern
can be three times slower than the same pattern run case-sensitively over `str.lower()`
of the text. The two agree, at the same offsets, whenever the pattern's letters are lower-case
ASCII and the text has none of `FOLDS_TO_ASCII`; `Folded` runs the fast form when they do and
the case-insensitive one otherwise, so results never depend on which ran.

A long alternation of literal words ("Avon and Somerset|Bedfordshire|…") is tried word by
word at every position; `literal_trie` writes it with shared prefixes factored out, one branch
per character.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

# The only characters `re.IGNORECASE` matches with an ASCII character other than the letter's
# own two cases (Kelvin sign, long s, dotless i, dotted capital I, whose `str.lower` is two
# characters). `tests/test_patterns.py` checks this list against `re` itself.
FOLDS_TO_ASCII = re.compile("[\u212a\u017f\u0131\u0130]")
_ESCAPES_AND_NAMES = re.compile(r"\\.|\(\?P<\w+>|\(\?P=\w+\)")
_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux-]")


def fold(text: str) -> str | None:
    """`text.lower()` when a `Folded` pattern may read it instead of `text`, else None.

    Without the characters of `FOLDS_TO_ASCII`, lower-casing keeps the length (so offsets
    stay valid) and maps every character that IGNORECASE would match with an ASCII letter onto
    that letter; every other character keeps whether it is a word character, space or digit.
    """
    if text.isascii() or not FOLDS_TO_ASCII.search(text):
        return text.lower()
    return None


class Folded:
    """A case-insensitive pattern, run case-sensitively over lower-cased text where that is the same.

    Matches index the text they were given, but their group strings are lower-cased when the
    fast form ran: read what the text says through the match's spans when the case matters.
    """

    __slots__ = ("ignorecase", "cased")

    def __init__(self, source: str, flags: int = 0) -> None:
        bare = _ESCAPES_AND_NAMES.sub("", source)
        if any(c.isupper() for c in bare) or _INLINE_FLAGS.search(bare):
            raise ValueError(f"a folded pattern is written in lower case without inline flags: {source!r}")
        if any(not c.isascii() and not _caseless(c) for c in bare):
            raise ValueError(
                f"a folded pattern may only use letters that have no case outside ASCII: {source!r}"
            )
        self.ignorecase = re.compile(source, flags | re.IGNORECASE)
        self.cased = re.compile(source, flags)

    @property
    def pattern(self) -> str:
        return self.cased.pattern

    def search(self, text: str, folded: str | None = None) -> re.Match[str] | None:
        """`search` of the case-insensitive pattern; pass `fold(text)` when several patterns read one text."""
        folded = fold(text) if folded is None else folded
        return self.ignorecase.search(text) if folded is None else self.cased.search(folded)

    def match(self, text: str, folded: str | None = None) -> re.Match[str] | None:
        folded = fold(text) if folded is None else folded
        return self.ignorecase.match(text) if folded is None else self.cased.match(folded)

    def finditer(self, text: str, folded: str | None = None) -> Iterator[re.Match[str]]:
        folded = fold(text) if folded is None else folded
        return self.ignorecase.finditer(text) if folded is None else self.cased.finditer(folded)


def _caseless(char: str) -> bool:
    return char.lower() == char == char.upper() == char.casefold()


def literal_trie(words: Iterable[str]) -> str:
    """A regex (no group of its own) matching any of `words`, longest first at each position.

    A flat alternation sorted by length tries every word at every position; the trie tries one
    branch per character, and deeper branches come before the end of a shorter word, so what
    follows the group can still make a shorter word match by backtracking, as with the flat form.
    Only for case-sensitive use: two words matching at one position are then prefixes of one
    another, which is what makes "longest first" the same choice as the flat alternation's.
    """
    root: _Trie = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _trie_body(root)


_Trie = dict[str, "_Trie"]


def _trie_body(node: _Trie) -> str:
    branches = [re.escape(char) + _trie_body(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    return ("(?:" + body + ")" if len(branches) == 1 and len(body) > 1 else body) + "?"
