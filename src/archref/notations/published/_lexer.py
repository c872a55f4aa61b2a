"""Tokens: one regular expression splits a note into words, numbers and signs.

Its alternatives cannot backtrack, so tokenising is linear in the length of
the text; every reader works on the tokens, never on the characters. A
number is written in ASCII digits (another script's digit is a sign of its
own), as the anchors of :mod:`.anchors` assume.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_TOKEN_RE = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<num>[0-9]+)
  | (?P<mark>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)
  | (?P<word>[^\W\d_]+(?:['’ʼ][^\W\d_]+)*)
  | (?P<quote>["“”«»„‟])
  | (?P<dslash>//)
  | (?P<slash>/)
  | (?P<open>[(\[])
  | (?P<close>[)\]])
  | (?P<dash>[-‐‑‒–—−])
  | (?P<punct>[,;:.])
  | (?P<star>\*+|_+)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


class _Tok(NamedTuple):
    kind: str
    text: str
    start: int
    end: int
    space: bool  # whitespace before the token


def _lex(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    pos = 0
    space = False
    n = len(text)
    while pos < n:
        m = _TOKEN_RE.match(text, pos)
        assert m is not None  # the last alternative matches any character
        kind = m.lastgroup
        assert kind is not None
        if kind == "ws":
            space = True
        else:
            toks.append(_Tok(kind, m.group(), m.start(), m.end(), space))
            space = False
        pos = m.end()
    return toks
