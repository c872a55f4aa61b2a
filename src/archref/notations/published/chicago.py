"""The Chicago reader: publications as English-language notes cite them.

Authors, a title in quotation marks (an article, a chapter, a working
paper) or in italics (a book), then the journal, volume, ``No.``, the date
in parentheses and the pages after a colon or comma; a book ends with its
publication facts in parentheses, "(Place: Publisher, Year)".
"""

from __future__ import annotations

from typing import Literal

from archref.model import PartialDate, Person

from ._base import _BaseParser, _Events, _Fail, _Fields, _Result
from ._words import (
    _EDITOR,
    _ISSUE,
    _MAX_FIELDS,
    _MAX_HEAD,
    _MAX_PAREN,
    _NUMBER,
    _OPENING_QUOTES,
    _PAGES,
    _PAPER,
    _PAPER_KINDS,
    _TRANSLATOR,
    _VOLUME,
    _clean_title,
    _data,
    _is_roman,
)
from .dates import _MONTHS, _SEASONS, _date_from, _year_value
from .markers import _MARKERS_BY_FIRST, _marker_at

_PLAIN_STOPS = frozenset({"star", "quote", "open", "close", "num"})


class _ChicagoReader(_BaseParser):
    """Reads a Chicago note at a token (:meth:`chicago`)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._plain_events: _Events | None = None
        self._authors: dict[tuple[int, int], tuple[list[Person], bool, int] | None] = {}

    def _plain_event(self, k: int) -> bool:
        """May an unquoted title end at token ``k``?"""
        n = len(self.toks)
        t = self.toks[k]
        if t.kind in {"star", "quote", "open", "close"} or self.is_punct(k, ";"):
            return True
        if self.is_punct(k, ","):
            return self.field_start(k + 1, n)
        if t.kind == "num" or self.word(k) in _MONTHS:
            return True
        return _marker_at(self, k) is not None or self.sentence_end(k)

    def next_plain_event(self, j: int, limit: int) -> int:
        """The next token from ``j`` at which an unquoted title may end (see :class:`_Events`)."""
        if self._plain_events is None:
            # italics, quotes, brackets, numbers, ";", ",", ".", months and the
            # first words of the words that introduce a publication
            candidates = [
                k
                for k, (t, w) in enumerate(zip(self.toks, self.folded, strict=True))
                if t.kind in _PLAIN_STOPS
                or (t.kind == "punct" and t.text in ";,.")
                or w in _MONTHS
                or w in _MARKERS_BY_FIRST
            ]
            self._plain_events = _Events(candidates, self._plain_event)
        return self._plain_events.next(j, limit)

    def chicago_authors(self, i: int, end: int) -> tuple[list[Person], bool, int] | None:
        """Names before a title: (names, are they editors, index after the names).

        Read once for each place (a fast path and the reader ask alike); the list
        of names is not to be changed.
        """
        key = (i, end)
        if key not in self._authors:
            self._authors[key] = self._chicago_authors(i, end)
        return self._authors[key]

    def _chicago_authors(self, i: int, end: int) -> tuple[list[Person], bool, int] | None:
        names: list[Person] = []
        inv = self.inverted_at(i, end)
        j: int
        if inv is not None and self.is_punct(inv[2], ","):
            fam_end, g, j = inv
            names.append(
                Person(
                    family=self.span_text(i, fam_end),
                    given=self.span_text(g, j),
                    text=self.span_text(i, j),
                )
            )
        else:
            k = self.name_at(i, end)
            if k is None:
                return None
            names.append(self.person(i, k))
            j = k
        # Chicago joins two names with "and", more with commas and a final "and"
        confirmed = (len(names), j)
        while j < end:
            k = j
            if self.is_punct(k, ","):
                k += 1
            joined = False
            if self.word(k) in {"and", "&"} or (self.tok(k) and self.toks[k].text == "&"):
                k += 1
                joined = True
            if k == j:
                break
            m = self.name_at(k, end)
            if m is None:
                break
            names.append(self.person(k, m))
            j = m
            if joined:
                confirmed = (len(names), j)
                break
        del names[confirmed[0] :]
        j = confirmed[1]
        editors = False
        if self.is_punct(j, ",") and self.word(j + 1) in {"ed", "eds", "editor", "editors"}:
            editors = True
            j += 2
            if self.is_punct(j, ".") and not self.toks[j].space:
                j += 1
        return names, editors, j

    # ------------------------------------------------------------------ Chicago

    def quoted_at(self, i: int, end: int) -> tuple[int, int, int] | None:
        """A quoted title at ``i``: (first token inside, close quote, index after it)."""
        t = self.tok(i)
        if t is None or t.kind != "quote" or t.text not in _OPENING_QUOTES:
            return None
        closing = _OPENING_QUOTES[t.text]
        j = i + 1
        while j < end and j - i < _MAX_HEAD:
            tj = self.toks[j]
            if tj.kind == "quote" and (
                closing in {tj.text, '"'} or (t.text == "“" and tj.text == '"')
            ):
                return i + 1, j, j + 1
            j += 1
        return None

    def italic_at(self, i: int, end: int) -> tuple[int, int, int] | None:
        t = self.tok(i)
        if t is None or t.kind != "star":
            return None
        j = i + 1
        while j < end and j - i < _MAX_HEAD:
            if self.toks[j].kind == "star" and self.toks[j].text == t.text:
                return (i + 1, j, j + 1) if j > i + 1 else None
            j += 1
        return None

    def pubfacts_at(self, i: int) -> tuple[int, int, int | None, int] | None:
        """ "(Place: Publisher, Year)" at ``i`` (an open paren): as :meth:`place_at`."""
        close = self.close_of.get(i)
        if close is None or close - i > _MAX_PAREN:
            return None
        found = self.place_at(i + 1, close)
        if found is None or found[3] != close:
            return None
        return found

    def field_start(self, j: int, end: int) -> bool:
        """After a comma: does a field (not more title) start at ``j``?"""
        w = self.word(j)
        if w in _VOLUME | _ISSUE | _PAGES | _EDITOR | _TRANSLATOR:
            return self.label(j, _VOLUME | _ISSUE | _PAGES) is not None or w in (
                _EDITOR | _TRANSLATOR
            )
        if w in {"edited", "translated"}:
            return True
        if w in _NUMBER:
            lk = self.label(j, _NUMBER)
            return lk is not None and self.value_at(lk) is not None
        if w in _PAPER_KINDS and self.word(j + 1) in _PAPER:
            return True
        return self.year_field_at(j, end) is not None

    def chicago(self, i: int, end: int, find: bool) -> _Result:
        first = i
        f = _Fields()
        t = self.tok(i)
        if t is None:
            raise _Fail("empty", i)
        title_kind: Literal["quoted", "italic", "plain", "none"]
        j = i
        got = None
        if t.kind not in {"quote", "star", "open"}:
            got = self.chicago_authors(i, end)
        if got is not None and self.is_punct(got[2], ",") and self.tok(got[2] + 1) is not None:
            names, editors, after = got
            nxt = self.toks[after + 1]
            if nxt.kind in {"quote", "star"} or (nxt.kind == "word" and nxt.text[0].isupper()):
                (f.editors if editors else f.authors).extend(names)
                j = after + 1
        elif got is not None and got[2] < end and self.toks[got[2]].kind in {"quote", "star"}:
            names, editors, after = got  # a missing comma before the title
            (f.editors if editors else f.authors).extend(names)
            j = after
        quoted = self.quoted_at(j, end)
        italic = self.italic_at(j, end)
        if quoted is not None:
            title_kind = "quoted"
            f.title = _clean_title(self.span_text(quoted[0], quoted[1]))
            k = quoted[2]
        elif italic is not None:
            title_kind = "italic"
            f.title = _clean_title(self.span_text(italic[0], italic[1]))
            k = italic[2]
        elif self.toks[j].kind == "open" and self.pubfacts_at(j) is not None:
            title_kind = "none"
            k = j
        else:
            title_kind = "plain"
            k = self.plain_title(f, j, end)
        if title_kind in {"quoted", "plain"} and not f.title:
            raise _Fail("no title", j)
        collection = self.collection_of(f.title)
        last = k
        strong = collection is not None
        k, last = self.chicago_fields(f, k, end, find, title_kind, last=last, strong=strong)
        # what kind of work
        if f.kind is None:
            if collection is not None:
                f.kind = "document-collection"
            elif f.container is not None and f.place is not None:
                f.kind = "chapter"
            elif f.container is not None:
                if f.date is None and f.volume is None and f.issue is None and f.pages is None:
                    raise _Fail("a journal without date, volume, number or pages", j)
                is_day = f.date is not None and f.date.day is not None
                if is_day and f.volume is None and f.issue is None:
                    f.kind = "newspaper"
                else:
                    f.kind = "article"
            elif f.place is not None:
                f.kind = "book"
            elif title_kind == "italic" and f.date is not None and (f.issue or f.volume):
                f.kind = "article"  # a whole issue of a journal
                f.container, f.title = f.title, None
            else:
                raise _Fail("no journal, publication facts or series: not a publication", j)
        if title_kind == "quoted" and f.kind == "book":
            f.kind = "unknown"
        return self.result(f, first, last)

    def plain_title(self, f: _Fields, i: int, end: int) -> int:
        """An unquoted title (a book, a collection of documents), with any author before it."""
        t = self.tok(i)
        if t is None or not (t.text[0].isupper() or t.kind == "num"):
            raise _Fail("a title starts with a capital letter", i)
        j = i
        depth = 0
        while True:
            j = self.next_plain_event(j, min(end, i + _MAX_HEAD))
            if j >= end or j - i >= _MAX_HEAD:
                j = min(j, end)
                break
            tj = self.toks[j]
            if tj.kind in {"star", "quote"}:
                raise _Fail("a title inside the text", j)
            if j > i and _marker_at(self, j) is not None:
                raise _Fail("a sentence, not a title", j)
            if (self.word(j) in _MONTHS and self.tok(j + 1) and self.toks[j + 1].kind == "num") or (
                tj.kind == "num" and self.word(j + 1) in _MONTHS
            ):
                raise _Fail("a date inside a title", j)
            if tj.kind == "open":
                if self.pubfacts_at(j) is not None or self.paren_date(j) is not None:
                    break
                close = self.close_of.get(j)
                if close is None or close - j > 6:
                    break
                depth += 1
            elif tj.kind == "close":
                if depth == 0:
                    break
                depth -= 1
            elif self.is_punct(j, ";"):
                break
            elif self.is_punct(j, ",") and self.field_start(j + 1, end):
                years = self.collection_years(i, j, end)
                if years is None:
                    break
                j = years
                continue
            elif self.sentence_end(j):
                break
            j += 1
        if j - i >= _MAX_HEAD:
            raise _Fail("no end of the title", i)
        head_end = j
        # a collection of documents, with the institution that published it before it
        _, collections = _data()
        head = self.span_text(i, head_end)
        folded = head.casefold()
        start_tok = i
        for c in collections:
            pos = folded.find(c.title.casefold())
            if pos > 0:
                before = head[:pos].rstrip(" ,")
                cut = self.toks[i].start + pos
                start_tok = next(k for k in range(i, head_end) if self.toks[k].start >= cut)
                if not self.institution_like(i, start_tok):
                    raise _Fail("a sentence before a collection of documents", i, start_tok)
                if before:
                    f.authors.append(Person(literal=before, text=before))
                break
        else:
            k = self.name_at(i, head_end) if not (f.authors or f.editors) else None
            if k is not None and self.is_punct(k, ",") and self.is_upper_word(k + 1):
                f.authors.append(self.person(i, k))
                start_tok = k + 1
        f.title = _clean_title(self.span_text(start_tok, head_end))
        return head_end

    def collection_years(self, i: int, comma: int, end: int) -> int | None:
        """ "Foreign Relations of the United States, 1945": the years belong to the title.

        ``comma`` is the comma after the head ``i``..``comma``; returns the index
        after the years when the head is such a collection, else ``None``.
        """
        y = comma + 1
        if _year_value(self.toks[y]) is None:
            return None
        head = self.span_text(i, comma).casefold()
        _, collections = _data()
        if not any(c.years_in_title and head.endswith(c.title.casefold()) for c in collections):
            return None
        after = y + 1
        if (
            after + 1 < end
            and self.toks[after].kind == "dash"
            and self.toks[after + 1].kind == "num"
        ):
            after += 2
        return after

    def institution_like(self, i: int, j: int) -> bool:
        """Tokens ``i``..``j`` could name an institution ("U.S. Department of State, ")."""
        if j - i > 12:
            return False
        for k in range(i, j):
            t = self.toks[k]
            if (
                t.kind == "word"
                and t.text[0].islower()
                and t.text
                not in {
                    "of",
                    "the",
                    "for",
                    "and",
                    "on",
                    "de",
                    "du",
                    "des",
                    "für",
                }
            ):
                return False
            if t.kind not in {"word", "punct", "dash"} or self.is_punct(k, ";:"):
                return False
        return True

    def bare_date_at(self, k: int, end: int) -> tuple[PartialDate, int] | None:
        """A date outside parentheses: "November 23, 1943", "9 November 1989"."""
        t = self.tok(k)
        w = self.word(k)
        if t is None or not (
            w in _MONTHS
            or w in _SEASONS
            or (t.kind == "num" and len(t.text) <= 2 and self.word(k + 1) in _MONTHS)
        ):
            return None
        j = k
        while j < end and j - k < 7:
            if _year_value(self.toks[j]) is not None:
                date = _date_from(self.text, self.toks[k : j + 1])
                return (date, j + 1) if date is not None else None
            if self.toks[j].kind in {"open", "close", "quote", "star"} or self.is_punct(j, ";:"):
                return None
            j += 1
        return None

    def chicago_fields(
        self,
        f: _Fields,
        k: int,
        end: int,
        find: bool,
        title_kind: str,
        *,
        last: int,
        strong: bool = False,
    ) -> tuple[int, int]:
        """The fields after a title, from ``k``: (where reading stopped, end of the reference).

        ``strong`` says the title alone shows a publication (a collection of documents).
        """
        steps = 0
        after_title = True
        while k < end and steps < _MAX_FIELDS:
            steps += 1
            tk = self.toks[k]
            if self.is_punct(k, ","):
                k += 1
                continue
            if self.is_punct(k, ";"):
                break
            if self.is_punct(k, "."):
                if k + 1 >= end or self.toks[k + 1].space:
                    break  # the end of the reference
                k += 1
                continue
            if self.is_punct(k, ":") and self.pages_at(k + 1) is not None:
                pg = self.pages_at(k + 1)
                assert pg is not None
                f.pages = f.pages or pg[0]
                k = last = pg[1]
                continue
            w = self.word(k)
            # "in Book Title": a chapter
            if w == "in" and after_title and title_kind == "quoted":
                c_start = k + 1
                eds = self.chicago_authors(c_start, end)
                if eds is not None and eds[1]:
                    f.editors.extend(eds[0])
                    c_start = eds[2] + 1 if self.is_punct(eds[2], ",") else eds[2]
                italic = self.italic_at(c_start, end)
                if italic is not None:
                    f.container = _clean_title(self.span_text(italic[0], italic[1]))
                    k = last = italic[2]
                else:
                    c_end = self.container_end(c_start, end, subtitle=True)
                    f.container = _clean_title(self.span_text(c_start, c_end))
                    k = last = c_end
                f.kind = "chapter"
                after_title = False
                continue
            if w in _PAPER_KINDS and self.word(k + 1) in _PAPER:
                f.kind = "working-paper"
                lk = self.label(k + 2, _ISSUE)
                got = self.value_at(lk) if lk is not None else None
                if got is not None:
                    f.number = got[0]
                    k = last = got[1]
                else:
                    k = last = k + 2
                continue
            if (w in {"edited", "translated"} and self.word(k + 1) == "by") or (
                w in _EDITOR | _TRANSLATOR and self.label(k, _EDITOR | _TRANSLATOR) is not None
            ):
                start_names = k + 2 if self.word(k + 1) == "by" else k + 1
                if self.is_punct(start_names, "."):
                    start_names += 1
                names = self.names_list(start_names, end)
                if names is not None:
                    target = f.translators if w in _TRANSLATOR or w == "translated" else f.editors
                    target.extend(names[0])
                    k = last = names[1]
                    continue
            bare = self.bare_date_at(k, end)
            if bare is not None:
                if f.date is None:
                    f.date = bare[0]
                else:
                    f.unparsed.append((k, bare[1]))
                k = last = bare[1]
                after_title = False
                continue
            if (
                tk.kind == "word"
                and _is_roman(tk.text)
                and tk.text.isupper()
                and f.volume is None
                and self.is_punct(k - 1, ",")
                and (self.tok(k + 1) is None or self.toks[k + 1].kind == "punct")
            ):
                f.volume = tk.text
                k = last = k + 1
                continue
            done = False
            for labels, attr in (
                (_VOLUME, "volume"),
                (_ISSUE, "issue"),
                (_PAGES, "pages"),
                (_NUMBER, "number"),
            ):
                lk = self.label(k, labels)
                if lk is None:
                    continue
                got = self.pages_at(lk) if attr == "pages" else self.value_at(lk)
                if got is None:
                    continue
                field = attr
                if attr == "issue" and f.kind == "working-paper" and f.number is None:
                    field = "number"
                if getattr(f, field) is None:
                    setattr(f, field, got[0])
                else:
                    f.unparsed.append((k, got[1]))
                k = last = got[1]
                done = True
                break
            if done:
                after_title = False
                continue
            if tk.kind == "open":
                close = self.close_of.get(k)
                pf = self.pubfacts_at(k)
                if pf is not None and f.place is None:
                    self.apply_place(f, k + 1, pf)
                    k = last = pf[3] + 1
                    after_title = False
                    continue
                dt = self.paren_date(k)
                if dt is not None and f.date is None:
                    f.date = dt[0]
                    k = last = dt[1]
                    after_title = False
                    continue
                if close is None:
                    break
                nxt = close + 1
                followed = self.tok(nxt) is not None and self.toks[nxt].kind == "open"
                if find and not (followed and (self.pubfacts_at(nxt) or self.paren_date(nxt))):
                    break
                f.unparsed.append((k, close + 1))
                k = last = close + 1
                continue
            if tk.kind == "num":
                y_end = self.year_field_at(k, end)
                if y_end is not None and f.date is None:
                    f.date = PartialDate(year=_year_value(tk), text=tk.text)
                    k = last = y_end
                    continue
                if (
                    f.container is not None
                    and f.volume is None
                    and last == k
                    and not self.is_punct(k - 1, ",:")
                ):
                    got = self.value_at(k)
                    if got is not None:
                        f.volume = got[0]
                        k = last = got[1]
                        continue
                pg = self.pages_at(k)
                if pg is not None and self.is_punct(k - 1, ","):
                    f.pages = f.pages or pg[0]
                    k = last = pg[1]
                    continue
            if tk.kind == "star" and f.container is None and title_kind == "quoted":
                italic = self.italic_at(k, end)
                if italic is not None:
                    f.container = _clean_title(self.span_text(italic[0], italic[1]))
                    k = last = italic[2]
                    after_title = False
                    continue
            if tk.kind == "word" and tk.text[0].isupper():
                c_end = self.container_end(k, end)
                if c_end > k:
                    text = _clean_title(self.span_text(k, c_end))
                    if f.container is None and title_kind == "quoted" and f.kind is None:
                        f.container = text
                        k = last = c_end
                        after_title = False
                        continue
                    if f.collection is None and f.kind == "working-paper":
                        f.collection = text
                        k = last = c_end
                        continue
            # an unknown piece, up to the next comma or full stop
            if find:
                if self.is_punct(k - 1, ",") and f.place is None and not strong:
                    raise _Fail("the note goes on after what looked like a publication", k)
                break
            u_end = k + 1
            while u_end < end and not (
                self.is_punct(u_end, ",;")
                or self.toks[u_end].kind in {"open", "close"}
                or self.sentence_end(u_end)
            ):
                u_end += 1
                if u_end - k > _MAX_FIELDS:
                    break
            if u_end == k + 1 and self.is_punct(u_end, ".") and not self.toks[u_end].space:
                u_end += 1  # a label without its value: "vol."
            f.unparsed.append((k, u_end))
            k = last = u_end
        return k, last

    def container_end(self, i: int, end: int, subtitle: bool = False) -> int:
        """The end of a journal or book title written without quotes or italics.

        A book's title may have a subtitle after a colon (``subtitle``).
        """
        j = i
        while j < end and j - i < _MAX_HEAD:
            t = self.toks[j]
            if t.kind in {"open", "close", "quote", "star"} or self.is_punct(j, ",;"):
                break
            if self.is_punct(j, ":") and not (subtitle and self.is_upper_word(j + 1)):
                break
            if t.kind == "num" and j > i:
                break
            if self.sentence_end(j):
                break
            w = self.word(j)
            if j > i and w in _VOLUME | _ISSUE | _PAGES:
                lk = self.label(j, _VOLUME | _ISSUE | _PAGES)
                if lk is not None and self.value_at(lk) is not None:
                    break
            if j > i and w in _PAPER_KINDS and self.word(j + 1) in _PAPER:
                break
            j += 1
        return j
