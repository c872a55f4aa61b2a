"""Regular expressions compiled on first use rather than when their module loads.

A notation module holds dozens of patterns, most of which a given text never
needs: prose without a NARA reference never runs the NARA patterns. A
:class:`LazyPattern` keeps its source and compiles it the first time one of
its methods is called; from then on the compiled pattern's own bound methods
sit in the instance, so a call costs what it costs on a compiled pattern.

>>> year = LazyPattern(r"1[0-9]{3}")
>>> year.pattern
'1[0-9]{3}'
>>> year.search("in 1950").group()
'1950'
>>> [m.group() for m in year.finditer("1945-1950")]
['1945', '1950']

:func:`alternation` writes a set of words as one alternation shaped like a
trie, which the engine reads in time that does not grow with the number of
words (a flat ``a|b|c`` of a thousand names is tried name by name at every
position).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any

__all__ = ["LazyPattern", "alternation"]

_METHODS = ("match", "search", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """A ``re.Pattern[str]`` that compiles itself when first used."""

    def __init__(self, pattern: str, flags: int | re.RegexFlag = 0) -> None:
        self.pattern = pattern
        self.flags = int(flags)

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled once, then its methods replace these)."""
        compiled = re.compile(self.pattern, self.flags)
        for name in _METHODS:
            setattr(self, name, getattr(compiled, name))
        self.compiled = lambda: compiled  # type: ignore[method-assign]
        return compiled

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().match(string, pos, endpos)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().search(string, pos, endpos)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        return self.compiled().fullmatch(string, pos, endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.compiled().findall(string, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self.compiled().sub(repl, string, count)

    def subn(
        self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0
    ) -> tuple[str, int]:
        return self.compiled().subn(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        return self.compiled().split(string, maxsplit)


def alternation(words: Iterable[str], space: str = r"\s+") -> str:
    """A pattern matching any of ``words``, the longest first, as a trie of characters.

    Words that begin alike share their beginning ("RGA(?:SPI|NI)"), so at a
    given position the engine follows one branch a character at a time
    instead of trying every word. Where several words match at one position
    (each then begins the next), the longest is tried first, as in a flat
    alternation sorted longest first. A space in a word stands for ``space``.

    >>> alternation(["RGASPI", "RGANI", "RGA", "GA RF"], space=" +")
    '(?:GA +RF|RGA(?:NI|SPI)?)'
    >>> import re
    >>> re.fullmatch(alternation(["RGASPI", "RGA"]), "RGASPI") is not None
    True
    """
    trie: dict[str, dict[str, Any]] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def branch(node: dict[str, Any]) -> str:
        arms = [
            (space if char == " " else re.escape(char)) + branch(node[char])
            for char in sorted(node)
            if char
        ]
        if not arms:
            return ""
        body = arms[0] if len(arms) == 1 else "(?:" + "|".join(arms) + ")"
        if "" not in node:
            return body
        return f"{body}?" if len(arms) > 1 else f"(?:{body})?"

    return branch(trie) or "(?!)"
