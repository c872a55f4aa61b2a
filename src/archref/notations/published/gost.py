"""The GOST reader: publications as Russian scholarship cites them.

``Family I. O. Title. Place, Year. С. pages``: fields separated by ". ";
an article names its journal after ``//``, a publisher follows the place
after a colon (``М.: РОССПЭН, 2010``).
"""

from __future__ import annotations

import attrs

from archref.model import PartialDate, Person

from ._base import _BaseParser, _Events, _Fail, _Fields, _Result
from ._words import (
    _ABBREVIATIONS,
    _IBID,
    _ISSUE,
    _MAX_FIELDS,
    _MAX_TITLE,
    _PAGES,
    _TRANSLATOR,
    _VOLUME,
    _clean_title,
)
from .dates import _MONTHS, _date_from, _year_value

_GOST_STOPS = frozenset({"open", "close", "dslash", "slash"})


class _GostReader(_BaseParser):
    """Reads a GOST description at a token (:meth:`gost`)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._marker_cache: dict[tuple[int, int], bool] = {}
        self._gost_authors: dict[tuple[int, int], tuple[tuple[Person, ...], int]] = {}
        self._gost_events: _Events | None = None

    def _gost_event(self, k: int) -> bool:
        """May a GOST title or container end at token ``k``?"""
        n = len(self.toks)
        t = self.toks[k]
        if t.kind in {"open", "close", "dslash", "slash"} or self.is_punct(k, ";"):
            return True
        if (
            self.is_punct(k, ".")
            and k + 1 < n
            and self.toks[k + 1].space
            and self.toks[k + 1].kind == "word"
            and self.toks[k + 1].text[0].islower()
        ):
            return True
        return k > 0 and self.gost_boundary(k, 0) and self.gost_marker(k, n)

    def next_gost_event(self, j: int, limit: int) -> int:
        """The next token from ``j`` at which a GOST title may end (see :class:`_Events`)."""
        if self._gost_events is None:
            toks = self.toks
            # brackets, slashes, ";" and ".", and every token after "." or a dash
            # (where :meth:`gost_boundary` may hold)
            candidates = [
                k
                for k, (before, t) in enumerate(zip([None, *toks], toks, strict=False))
                if t.kind in _GOST_STOPS
                or (t.kind == "punct" and t.text in ";.")
                or (before is not None and (before.kind == "dash" or before.text == "."))
            ]
            self._gost_events = _Events(candidates, self._gost_event)
        return self._gost_events.next(j, limit)

    # ------------------------------------------------------------------ GOST

    def gost_marker(self, j: int, end: int) -> bool:
        """Does a field of a GOST description (after the title) start at ``j``?"""
        key = (j, end)
        cached = self._marker_cache.get(key)
        if cached is None:
            cached = self._marker_cache[key] = self._gost_marker(j, end)
        return cached

    def _gost_marker(self, j: int, end: int) -> bool:
        if self.is_container_sep(j):
            return True
        if self.year_field_at(j, end) is not None:
            return True
        for labels in (_PAGES, _VOLUME, _ISSUE):
            k = self.label(j, labels)
            if k is not None and k < end and self.value_at(k) is not None:
                return True
        return self.place_at(j, end) is not None

    def keep_abbreviation(self, j: int) -> int:
        """Where a title ends: after the separator too when it is an abbreviation's full stop."""
        if self.is_punct(j, ".") and self.word(j - 1) in _ABBREVIATIONS:
            return j + 1
        return j

    def gost_boundary(self, j: int, start: int) -> bool:
        """Is token ``j`` right after a field separator (". " or ". — ")?"""
        if j <= start:
            return False
        prev = self.toks[j - 1]
        if prev.kind == "dash" and j - 2 >= start and self.is_punct(j - 2, "."):
            return True
        return prev.kind == "punct" and prev.text == "." and self.toks[j].space

    def gost_text_until_field(self, i: int, end: int) -> int:
        """The end of a title or container: the separator before the next field."""
        j = i
        depth = 0
        while True:
            j = self.next_gost_event(j, min(end, i + _MAX_TITLE))
            if j >= end or j - i >= _MAX_TITLE:
                j = min(j, end)
                break
            t = self.toks[j]
            if t.kind == "open":
                if t.space:
                    raise _Fail("a parenthesis inside a title", j)
                depth += 1
            elif t.kind == "close":
                if depth == 0:
                    return j
                depth -= 1
            elif (
                (self.is_punct(j, ";") and depth == 0)
                or self.is_container_sep(j)
                or (t.kind == "slash" and t.space and j > i)
            ):
                return j
            elif (
                self.is_punct(j, ".")
                and j + 1 < end
                and self.toks[j + 1].space
                and self.toks[j + 1].kind == "word"
                and self.toks[j + 1].text[0].islower()
            ):
                raise _Fail("a sentence, not a title", j + 1)
            elif self.gost_boundary(j, i) and self.gost_marker(j, end):
                k = j - 1
                if self.toks[k].kind == "dash":
                    k -= 1
                return k
            j += 1
        if j - i >= _MAX_TITLE:
            raise _Fail("no end of the title", i)
        return j

    def is_container_sep(self, j: int) -> bool:
        """ "//" between spaces (not the "//" of an address)."""
        t = self.tok(j)
        nxt = self.tok(j + 1)
        return t is not None and t.kind == "dslash" and t.space and (nxt is None or nxt.space)

    def gost_authors(self, i: int, end: int) -> tuple[tuple[Person, ...], int]:
        """The names that open a GOST description at ``i`` ("Хлевнюк О. В., Иванов И. И."),
        and where the title starts; read once for each place (a fast path and the
        reader ask alike)."""
        key = (i, end)
        got = self._gost_authors.get(key)
        if got is None:
            authors: list[Person] = []
            j = i
            while True:
                k = self.gost_name_at(j, end)
                if k is None:
                    break
                authors.append(self.person(j, k))
                j = k
                if self.is_punct(j, ",") and self.gost_name_at(j + 1, end) is not None:
                    j += 1
                    continue
                break
            if authors and self.is_punct(j, ".") and self.toks[j - 1].kind != "punct":
                j += 1  # "О. В. Хлевнюк. Политбюро"
            got = self._gost_authors[key] = (tuple(authors), j)
        return got

    def gost(self, i: int, end: int, find: bool) -> _Result:
        first = i
        f = _Fields()
        authors, j = self.gost_authors(i, end)
        f.authors.extend(authors)
        title_start = j
        t = self.tok(j)
        if t is None or j >= end:
            raise _Fail("no title", j)
        if not (t.text[0].isupper() or t.kind in {"quote", "num"}):
            raise _Fail("a title starts with a capital letter", j)
        if self.word(j) in _IBID and self.word(j + 1) in {"же", ""}:
            raise _Fail("a short form (ibid.), not a publication", j)
        title_end = self.gost_text_until_field(j, end)
        if title_end <= title_start:
            raise _Fail("no title", j)
        f.title = _clean_title(self.span_text(title_start, self.keep_abbreviation(title_end)))
        k = title_end
        last = title_end
        pages_done = False
        year_end: int | None = None  # the token after a year read as a field
        steps = 0
        while k < end and steps < _MAX_FIELDS:
            steps += 1
            tk = self.toks[k]
            if tk.kind == "punct" and tk.text in ".,":
                k += 1
                continue
            if tk.kind == "dash" and self.is_punct(k - 1, "."):
                k += 1
                continue
            if self.is_punct(k, ";") or tk.kind == "close":
                break
            if pages_done and find:
                break
            if self.is_container_sep(k) and f.container is None:
                c_start = k + 1
                if self.archival_at(c_start, end) is not None:
                    raise _Fail("an archival reference after '//', not a publication", c_start)
                c_end = self.gost_text_until_field(c_start, end)
                if c_end <= c_start:
                    raise _Fail("no title after '//'", k)
                f.container = _clean_title(self.span_text(c_start, self.keep_abbreviation(c_end)))
                k = last = c_end
                continue
            if tk.kind == "slash":
                r_end = self.gost_text_until_field(k + 1, end)
                self.responsibility(f, k + 1, r_end)
                k = last = r_end
                continue
            found = self.place_at(k, end) if self.gost_boundary(k, first) else None
            if found is not None and f.place is None:
                self.apply_place(f, k, found)
                k = last = found[3]
                continue
            y_end = self.year_field_at(k, end)
            if y_end is not None and f.date is None:
                f.date = PartialDate(year=_year_value(tk), text=tk.text)
                k = last = year_end = y_end
                continue
            # "5 марта" right after the year (past its full stop or comma): the day of a newspaper
            if (
                tk.kind == "num"
                and year_end is not None
                and all(
                    self.toks[m].kind == "dash" or self.is_punct(m, ".,")
                    for m in range(year_end, k)
                )
                and f.date is not None
                and f.date.month is None
                and self.word(k + 1) in _MONTHS
            ):
                d = _date_from(self.text, [tk, self.toks[k + 1]])
                if d is None:
                    d = PartialDate(year=None)
                f.date = attrs.evolve(
                    f.date,
                    month=_MONTHS[self.word(k + 1)],
                    day=int(tk.text) if int(tk.text) <= 31 else None,
                )
                k = last = k + 2
                continue
            labelled = False
            for labels, attr in (
                (_PAGES, "pages"),
                (_VOLUME, "volume"),
                (_ISSUE, "issue"),
            ):
                lk = self.label(k, labels)
                if lk is None or lk >= end:
                    continue
                got = self.pages_at(lk) if attr == "pages" else self.value_at(lk)
                if got is None:
                    continue
                if getattr(f, attr) is None:
                    setattr(f, attr, got[0])
                else:
                    f.unparsed.append((k, got[1]))
                k = last = got[1]
                labelled = True
                pages_done = pages_done or attr == "pages"
                break
            if labelled:
                continue
            # an unknown piece: up to the next field separator
            if find:
                break
            u_end = k + 1
            while u_end < end and not (
                self.is_punct(u_end, ";")
                or self.toks[u_end].kind == "close"
                or (self.is_punct(u_end, ".") and self.sentence_end(u_end))
            ):
                u_end += 1
                if u_end - k > _MAX_FIELDS:
                    break
            f.unparsed.append((k, u_end))
            k = last = u_end
        # what kind of work
        if f.container is not None:
            f.kind = "chapter" if f.place is not None else "article"
            if f.date is not None and f.date.day is not None and f.volume is None:
                f.kind = "newspaper"
        elif f.place is not None:
            f.kind = "document-collection" if self.collection_of(f.title) else "book"
        elif f.date is not None and (f.issue is not None or f.volume is not None):
            f.kind = "article"
            f.container, f.title = f.title, None
        elif f.date is not None and f.date.day is not None:
            f.kind = "newspaper"
            f.container, f.title = f.title, None
        else:
            raise _Fail(
                "no place and year, '//' or journal issue: not a publication reference",
                title_start,
            )
        return self.result(f, first, last)

    def responsibility(self, f: _Fields, i: int, j: int) -> None:
        """The statement after "/": editors ("под ред."), compilers, translators."""
        k = i
        while k < j:
            w = self.word(k)
            target: list[Person] | None = None
            if w in {"под", "ed", "eds", "edited", "сост", "отв"}:
                target = f.editors
            elif w in _TRANSLATOR or w == "translated":
                target = f.translators
            if target is None:
                break
            k += 1
            while k < j and (
                self.word(k) in {"ред", "by", "с", "англ", "нем", "франц", "пер"}
                or self.is_punct(k, ".:")
            ):
                k += 1
            got = self.names_list(k, j)
            if got is None:
                break
            target.extend(got[0])
            k = got[1]
            while k < j and self.is_punct(k, ";,"):
                k += 1
        if k < j:
            f.unparsed.append((k, j))
