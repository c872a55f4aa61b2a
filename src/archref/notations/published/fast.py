"""Fast paths for the commonest books: "Иванов И. И. Название. М., 1995.", "*Title* (Place, Year)".

The GOST reader (:mod:`.gost`) finds where a title ends by visiting the
tokens at which a field may start, one by one, each confirmed by asking
whether a field follows (a place, a year, a label with its value...). A
title without a full stop, slash, semicolon, bracket or parenthesis can
end at none of them but the first full stop followed by a space: one
pattern finds it. :func:`gost_book` reads the names before the title, the
title up to that full stop, the publication facts after it and the pages
that may follow with the reader's own helpers, and answers only when the
reading is one it can be sure of; anywhere else it answers ``None`` and the
reader reads as before. Its answer is the reader's, field by field
(``tests/test_published_fast.py`` compares them on the corpus, the
benchmarks' prose and generated text).

>>> from .parser import _Parser
>>> p = _Parser("Хлевнюк О. В. Политбюро : Механизмы власти. М., 1996. С. 205–206.")
>>> res = gost_book(p, 0, len(p.toks))
>>> res is not None and (res.work.kind, res.work.title, res.work.place, res.work.pages)
('book', 'Политбюро : Механизмы власти', 'М.', '205–206')
>>> res.work == p.gost(0, len(p.toks), True).work
True
>>> gost_book(_Parser("Иванов И. И. Т. 2. М., 1996."), 0, 8) is None  # a volume: the reader's
True

The Chicago reader reads a book in italics with its publication facts,
"William Stueck, *The Korean War* (Princeton, 1997)", through the loop of
every field a note may hold. :func:`chicago_book` reads the names and the
title as the reader does, the publication facts with its helper, and
answers when the reading ends right after them: at the end, at ";", at a
closing parenthesis, at a full stop followed by a space, or at a comma
followed by a word in lower case that opens no field (", and", ", argues").

>>> p = _Parser("William Stueck, *The Korean War* (Princeton, 1997), and more.")
>>> res = chicago_book(p, 0, len(p.toks))
>>> res is not None and (res.work.kind, res.work.title, str(res.work.authors[0]), res.work.year)
('book', 'The Korean War', 'William Stueck', 1997)
>>> res.work == p.chicago(0, len(p.toks), True).work
True
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ._base import _Fields, _Result
from ._words import (
    _EDITOR,
    _IBID,
    _ISSUE,
    _MAX_TITLE,
    _NUMBER,
    _PAGES,
    _PAPER_KINDS,
    _TRANSLATOR,
    _VOLUME,
    _clean_title,
)
from .chicago import _ChicagoReader
from .dates import _MONTHS, _SEASONS
from .gost import _GostReader

__all__ = ["chicago_book", "gost_book"]

#: The words in lower case that may open a field of a Chicago note after a comma.
_FIELD_WORDS = frozenset(
    {"in", "edited", "translated", "by"}
    | _PAPER_KINDS
    | _EDITOR
    | _TRANSLATOR
    | _VOLUME
    | _ISSUE
    | _PAGES
    | _NUMBER
    | set(_MONTHS)
    | set(_SEASONS)
)

#: A title with no sign at which the reader's scan of a title may stop but its
#: final full stop: no ".", "/", ";", bracket or parenthesis, then "." (bounded).
_PLAIN_TITLE = re.compile(r"[^.;/()\[\]]{0,1000}+\.")


def gost_book(p: _GostReader, i: int, end: int) -> _Result | None:
    """The GOST reader's reading of a book at token ``i`` (to ``end``), when it has the
    commonest shape; ``None`` when it may not (the reader then reads it)."""
    toks = p.toks
    f = _Fields()
    # the names, as the reader reads them
    authors, j = p.gost_authors(i, end)
    f.authors.extend(authors)
    title_start = j
    if j >= end:
        return None
    t = toks[j]
    if t.kind != "word" or not t.text[0].isupper() or p.word(j) in _IBID:
        return None
    # the title, to its first full stop: a field starts after it, or the reader reads on
    m = _PLAIN_TITLE.match(p.text, t.start)
    if m is None:
        return None
    stop = _token_at(p, m.end() - 1)  # the full stop
    field = stop + 1
    if (
        field >= end
        or field - title_start >= _MAX_TITLE
        or not toks[field].space
        or p.place_at(field, end) is None
        or not p.gost_marker(field, len(toks))
    ):
        return None
    f.title = _clean_title(p.span_text(title_start, p.keep_abbreviation(stop)))
    # the publication facts
    found = p.place_at(field, end)
    assert found is not None
    p.apply_place(f, field, found)
    k = last = found[3]
    # then the pages, or the end of the reading
    k = _past_separators(p, k, end)
    if k < end and not (p.is_punct(k, ";") or toks[k].kind == "close"):
        if p.is_container_sep(k) or toks[k].kind == "slash":
            return None
        for labels in (_PAGES, _VOLUME, _ISSUE):
            lk = p.label(k, labels)
            if lk is None or lk >= end:
                continue
            got = p.pages_at(lk) if labels is _PAGES else p.value_at(lk)
            if got is None:
                continue
            if labels is not _PAGES:
                return None  # a volume or an issue: more fields may follow
            f.pages = got[0]
            last = got[1]
            break
    f.kind = "document-collection" if p.collection_of(f.title) else "book"
    return p.result(f, i, last)


def chicago_book(p: _ChicagoReader, i: int, end: int) -> _Result | None:
    """The Chicago reader's reading of a book in italics with its publication facts at
    token ``i`` (to ``end``); ``None`` when it may be anything else (the reader then
    reads it)."""
    toks = p.toks
    t = toks[i]
    f = _Fields()
    j = i
    # the names before the title, as the reader reads them
    got = None
    if t.kind not in {"quote", "star", "open"}:
        got = p.chicago_authors(i, end)
    if got is not None and p.is_punct(got[2], ",") and p.tok(got[2] + 1) is not None:
        names, editors, after = got
        nxt = toks[after + 1]
        if nxt.kind in {"quote", "star"} or (nxt.kind == "word" and nxt.text[0].isupper()):
            (f.editors if editors else f.authors).extend(names)
            j = after + 1
    elif got is not None and got[2] < end and toks[got[2]].kind in {"quote", "star"}:
        names, editors, after = got
        (f.editors if editors else f.authors).extend(names)
        j = after
    if j >= end or toks[j].kind != "star":
        return None
    italic = p.italic_at(j, end)
    if italic is None:
        return None
    f.title = _clean_title(p.span_text(italic[0], italic[1]))
    k = italic[2]
    if p.collection_of(f.title) is not None or k >= end or toks[k].kind != "open":
        return None
    found = p.pubfacts_at(k)
    if found is None:
        return None
    p.apply_place(f, k + 1, found)
    last = found[3] + 1
    # the reading ends right after the parenthesis, or the reader reads it
    k = last
    while k < end and p.is_punct(k, ","):
        k += 1
    if k < end:
        tk = toks[k]
        if k > last:  # after a comma: a word in lower case that opens no field
            if not (tk.kind == "word" and tk.text[0].islower() and p.word(k) not in _FIELD_WORDS):
                return None
        elif not (
            p.is_punct(k, ";")
            or tk.kind == "close"
            or (p.is_punct(k, ".") and (k + 1 >= end or toks[k + 1].space))
        ):
            return None
    f.kind = "book"
    return p.result(f, i, last)


def _past_separators(p: _GostReader, k: int, end: int) -> int:
    """Past the full stops, commas and ". —" dashes between two fields."""
    toks = p.toks
    while k < end:
        tk = toks[k]
        if (tk.kind == "punct" and tk.text in ".,") or (
            tk.kind == "dash" and p.is_punct(k - 1, ".")
        ):
            k += 1
            continue
        break
    return k


def _token_at(p: _GostReader, offset: int) -> int:
    """The index of the token that starts at character ``offset``."""
    return bisect_left(p.starts, offset)
