"""Tokens: one regular expression splits a note into words, numbers and signs.

Its alternatives cannot backtrack, so tokenising is linear in the length of
the text; every reader works on the tokens, never on the characters. A
number is written in ASCII digits (another script's digit is a sign of its
own), as the anchors of :mod:`.anchors` assume.

One ``findall`` reads the whole text: each match is the white space before a
token and the token, and the matches follow each other without a gap, so
each token's offsets are counted from the lengths. A token's kind follows
from its first character (and "//" from its second), looked up once per
character.

>>> [(t.kind, t.text, t.start, t.space) for t in _lex("М., 1996. // Вопросы")]
[('word', 'М', 0, False), ('punct', '.', 1, False), ('punct', ',', 2, False), \
('num', '1996', 4, True), ('punct', '.', 8, False), ('dslash', '//', 10, True), \
('word', 'Вопросы', 13, True)]
"""

from __future__ import annotations

import re
from typing import NamedTuple

#: The tokens, each alternative a kind; tried in this order at each place.
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

#: The same alternatives, each match the white space before a token and the token (the
#: white space taken whole: "." never reads a space, so white space that ends the text
#: is no token).
_SPACED_TOKEN_RE = re.compile(
    r"""
    (\s*+)
    ( [0-9]+
    | [⁰¹²³⁴⁵⁶⁷⁸⁹]+
    | [^\W\d_]+(?:['’ʼ][^\W\d_]+)*
    | ["“”«»„‟]
    | //
    | /
    | [(\[]
    | [)\]]
    | [-‐‑‒–—−]
    | [,;:.]
    | \*+|_+
    | .
    )
    """,
    re.VERBOSE | re.DOTALL,
)


class _Tok(NamedTuple):
    kind: str
    text: str
    start: int
    end: int
    space: bool  # whitespace before the token


#: The kind of a token by its first character, filled on first sight of each.
_KIND: dict[str, str] = {}


def _kind_of(first: str) -> str:
    """The kind of a token that starts with ``first`` ("//" aside): the alternative of
    :data:`_TOKEN_RE` that reads it, which its first character decides."""
    kind = _KIND.get(first)
    if kind is None:
        m = _TOKEN_RE.match(first)
        assert m is not None and m.lastgroup is not None  # the last alternative reads any
        kind = _KIND[first] = m.lastgroup
    return kind


def _lex(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    append = toks.append
    kinds = _KIND
    new = tuple.__new__  # what the named tuple's constructor calls, without its frame
    pos = 0
    for space, tok in _SPACED_TOKEN_RE.findall(text):
        if space:
            pos += len(space)
        end = pos + len(tok)
        kind = kinds.get(tok[0]) or _kind_of(tok[0])
        if kind == "slash" and tok == "//":
            kind = "dslash"
        append(new(_Tok, (kind, tok, pos, end, space != "")))
        pos = end
    return toks
