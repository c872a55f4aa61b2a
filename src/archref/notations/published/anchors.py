"""Where a published work can be: the facts every reading needs, and how far a reading reaches.

A publication is only found where one of the two readers understands it,
and neither understands a reference without certain facts. Derived from
what each reader requires before it names the kind of a work:

- the **GOST** reader needs ``//`` before a journal or book (an article, a
  chapter) or a year: after a place ("М., 1996", "М.: Наука, 1996") or as a
  field ("2012.", with the number of an issue or the day of a newspaper);
- the **Chicago** reader needs a year (publication facts "(Princeton,
  1997)", a date "(Winter 1995/1996)", "April 6, 1912"), the title of a
  known series of documents ("Foreign Relations of the United States"),
  "Working Paper", or a quoted title followed by what makes it an article
  or a chapter: "in" (a chapter), a volume, issue or page (a number, or a
  roman numeral: "5", "no. 2", ": 250–51", ", VI", "pp. xii").

These are the *anchors*. :func:`find` tries a reader at a place only when
one of the reader's anchors lies within the tokens that reading may look
at; a reading looks at no more than :data:`MAX_ATTEMPT_TOKENS` tokens and
:data:`MAX_ATTEMPT_CHARS` characters from where it starts (plus the
parentheses of publication facts or a date that open before that bound), so
no attempt is unbounded and a text with no anchor costs no attempt at all.

For a scanning core that hands :func:`find` only parts of a text,
:data:`ANCHOR` finds the same facts in characters, a little more widely
(every four-digit number, every quotation mark, the first word of every
known series, the credits "Translated by ..."), and :func:`anchors` lists
where it matches. A publication found in a text starts at most
:data:`REACH_BEFORE` characters before an anchor it needs and ends at most
:data:`REACH_AFTER` characters after it: a reading starts at most
:data:`MAX_ATTEMPT_CHARS` before its anchor, and what it reads after the
anchor (pages, the rest of a parenthesis) stays within the same bound plus
a margin for the parenthesis. A window should also start where a note,
line or sentence starts, since that is where a publication is looked for.

>>> note = 'See Хлевнюк О. В. Сталин. М., 1996. С. 205–206; "Title," in *Book*'
>>> [note[a:b] for a, b in anchors(note)]
['1996', '"', '"']
>>> anchors("No publication here, just prose.")
[]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from ._base import _any_in, _BaseParser
from ._lexer import _lex
from ._words import _MAX_PAREN, _PAPER, _PAPER_KINDS, _data, _is_roman
from .dates import _year_value

__all__ = [
    "ANCHOR",
    "MAX_ATTEMPT_CHARS",
    "MAX_ATTEMPT_TOKENS",
    "REACH_AFTER",
    "REACH_BEFORE",
    "anchor_words",
    "anchors",
]

#: The most tokens one attempt of a reader reads from where it starts.
MAX_ATTEMPT_TOKENS = 150
#: The most characters one attempt of a reader reads from where it starts.
MAX_ATTEMPT_CHARS = 1000
#: How far (characters) a publication may start before an anchor it needs.
REACH_BEFORE = 1500
#: How far (characters) a publication may end after an anchor it needs.
REACH_AFTER = 1500

# Tokens a reading may look at beyond its bound: the parentheses of
# publication facts or of a date that open before it, and a label's value.
_SLACK = _MAX_PAREN + 2

_CREDIT_WORDS = r"translat|contribut|obtained|edited"


@cache
def _series_words() -> frozenset[str]:
    """The first word of each known series of documents, casefolded."""
    _, collections = _data()
    return frozenset(_lex(c.title)[0].text.casefold() for c in collections)


@cache
def _anchor_pattern() -> re.Pattern[str]:
    series = "|".join(sorted((re.escape(w) for w in _series_words()), key=lambda w: (-len(w), w)))
    kinds = "|".join(sorted(_PAPER_KINDS))
    return re.compile(
        "|".join(
            (
                r"(?<!\d)\d{4}(?!\d)",  # a year (every four-digit number)
                r"//",  # a GOST journal or book
                r"[\"“”«»„‟]",  # a quoted title
                rf"(?i:{series})",  # a series of documents
                rf"(?i:{kinds})",  # a working paper
                rf"(?i:{_CREDIT_WORDS})",  # a credit
                r"(?i:source|источник)\s*:",  # a "[Source: ...]" note
            )
        )
    )


def anchor_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The words that anchor a published work without a year, casefolded: the
    first words of the known series, the kinds of working paper ("working",
    "discussion"...) and what follows them ("paper", "papers")."""
    return _series_words(), _PAPER_KINDS, _PAPER


#: The anchors of published works and credits in characters; see :func:`anchors`.
ANCHOR: re.Pattern[str] = _anchor_pattern()


def anchors(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of every anchor of a published work or a credit in ``text``.

    A publication or credit that :func:`find` returns lies within
    :data:`REACH_BEFORE` characters before and :data:`REACH_AFTER` after
    one of them.
    """
    return [m.span() for m in ANCHOR.finditer(text)]


class _Anchors:
    """The anchors of one text's tokens, for deciding whether a reader may succeed."""

    def __init__(self, p: _BaseParser) -> None:
        toks = p.toks
        folded = p.folded
        series = _series_words()
        self.starts = [t.start for t in toks]
        self.years = [k for k, t in enumerate(toks) if t.kind == "num" and _year_value(t)]
        self.slashes = [k for k, t in enumerate(toks) if t.kind == "dslash"]
        self.quotes = [k for k, t in enumerate(toks) if t.kind == "quote"]
        # without a year, the Chicago reader needs a series, a working paper, or a
        # quoted title with "in", a number or a roman numeral after it
        self.series = [
            k
            for k, (t, w) in enumerate(zip(toks, folded, strict=True))
            if t.kind == "word"
            and (
                w in series or (w in _PAPER_KINDS and k + 1 < len(toks) and folded[k + 1] in _PAPER)
            )
        ]
        self.values = [
            k
            for k, (t, w) in enumerate(zip(toks, folded, strict=True))
            if t.kind == "num" or (t.kind == "word" and (w == "in" or _is_roman(t.text)))
        ]

    def bound(self, i: int, end: int) -> int:
        """Where an attempt at token ``i`` stops reading (``end`` at most)."""
        chars = bisect_left(self.starts, self.starts[i] + MAX_ATTEMPT_CHARS + 1)
        return min(end, i + MAX_ATTEMPT_TOKENS, chars)

    def readers(self, i: int, bound: int) -> tuple[bool, bool]:
        """May the GOST reader, may the Chicago reader succeed at ``i`` reading to ``bound``?"""
        stop = bound + _SLACK
        year = _any_in(self.years, i, stop)
        gost = year or _any_in(self.slashes, i, stop)
        chicago = (
            year
            or _any_in(self.series, i, stop)
            or (_any_in(self.quotes, i, stop) and _any_in(self.values, i, stop))
        )
        return gost, chicago
