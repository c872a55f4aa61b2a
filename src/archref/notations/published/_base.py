"""What both readers share: the fields read so far, and a parser's token helpers.

:class:`_BaseParser` holds the tokens of one text and answers questions
about them: is this a label with its value, a year standing as a field,
publication facts, a name, the start of an archival reference? The Chicago
and GOST readers (:mod:`.chicago`, :mod:`.gost`) build on it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from operator import itemgetter
from typing import NamedTuple

from archref.model import PartialDate, Person, PublishedWork, WorkKind

from ._lexer import _lex, _Tok
from ._words import (
    _ARCHIVAL_LABELS,
    _FOND_LABELS,
    _MAX_PAREN,
    _NOT_NAMES,
    _PARTICLES,
    _Collection,
    _data,
    _is_roman,
)
from .dates import _date_from, _year_value
from .language import guess_language
from .names import parse_person


class _Fields:
    """What has been read of one reference so far (mutable while parsing)."""

    def __init__(self) -> None:
        self.kind: WorkKind | None = None
        self.authors: list[Person] = []
        self.editors: list[Person] = []
        self.translators: list[Person] = []
        self.title: str | None = None
        self.container: str | None = None
        self.collection: str | None = None
        self.volume: str | None = None
        self.issue: str | None = None
        self.number: str | None = None
        self.date: PartialDate | None = None
        self.pages: str | None = None
        self.publisher: str | None = None
        self.place: str | None = None
        self.place_normalised: str | None = None
        self.unparsed: list[tuple[int, int]] = []  # token spans


class _Result(NamedTuple):
    work: PublishedWork
    first: int  # token index
    last: int  # token index after the reference
    unparsed_spans: tuple[tuple[int, int], ...]  # character spans


class _Fail(Exception):
    def __init__(self, message: str, tok: int, end_tok: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.tok = tok
        self.end_tok = tok + 1 if end_tok is None else end_tok


class _Events:
    """The tokens at which a scan may stop, found once and confirmed on first use.

    ``candidates`` (in order) are every token that may be an event, found
    with a list comprehension over the tokens; ``confirm`` says whether one
    is, and is asked once per candidate, when a scan first reaches it. A scan
    jumps from one event to the next instead of testing every token.
    """

    __slots__ = ("candidates", "confirm", "known")

    def __init__(self, candidates: list[int], confirm: Callable[[int], bool]) -> None:
        self.candidates = candidates
        self.confirm = confirm
        self.known: dict[int, bool] = {}

    def next(self, j: int, limit: int) -> int:
        """The first event at or after ``j`` and before ``limit``; else ``max(j, limit)``."""
        if j >= limit:
            return j
        cands = self.candidates
        k = bisect_left(cands, j)
        known = self.known
        while k < len(cands):
            e = cands[k]
            if e >= limit:
                break
            ok = known.get(e)
            if ok is None:
                ok = known[e] = self.confirm(e)
            if ok:
                return e
            k += 1
        return limit


def _any_in(positions: list[int], start: int, stop: int) -> bool:
    """Does the sorted list ``positions`` hold a value in ``start``..``stop`` (exclusive)?"""
    k = bisect_left(positions, start)
    return k < len(positions) and positions[k] < stop


class _BaseParser:
    """The tokens of one text, with the helpers both readers use."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = toks = _lex(text)
        n = len(toks)
        #: each token's text, casefolded
        self.folded = folded = [t.text.casefold() for t in toks]
        #: each token's text where it is punctuation, else "" (for :meth:`is_punct`)
        self._puncts = [t.text if t.kind == "punct" else "" for t in toks]
        #: each token's casefolded text where it is a word or "№"/"#", else "" (:meth:`word`)
        self._words = [
            w if t.kind == "word" or (t.kind == "other" and t.text in "№#") else ""
            for t, w in zip(toks, folded, strict=True)
        ]
        #: the tokens that are archival labels ("Ф", "op", "d"...), in order
        self.labels = [
            k
            for k, (t, w) in enumerate(zip(toks, self.folded, strict=True))
            if t.kind == "word" and w in _ARCHIVAL_LABELS
        ]
        self._archival_cache: dict[tuple[int, int], int | None] = {}
        self._starts: list[int] | None = None
        # the matching close of each open paren/bracket, and for each token the
        # close of the innermost paren around it (n when there is none); only
        # the parentheses are visited, the tokens between them are filled by slices
        self.close_of: dict[int, int] = {}
        self.limit: list[int] = [n] * n
        parens = [i for i, t in enumerate(toks) if t.kind in {"open", "close"}]
        stack: list[int] = []
        for i in parens:
            if toks[i].kind == "open":
                stack.append(i)
            elif stack:
                self.close_of[stack.pop()] = i
        stack = []
        segment = 0  # the first token whose limit is not yet set
        for i in parens:
            if stack:
                close = self.close_of.get(stack[-1], n)
                self.limit[segment : i + 1] = [close] * (i + 1 - segment)
            if toks[i].kind == "open":
                stack.append(i)
            elif stack:
                stack.pop()
            segment = i + 1
        if stack:
            close = self.close_of.get(stack[-1], n)
            self.limit[segment:n] = [close] * (n - segment)

    # ------------------------------------------------------------------ token helpers

    @property
    def starts(self) -> list[int]:
        """The offset of each token's first character, in order."""
        if self._starts is None:
            self._starts = list(map(itemgetter(2), self.toks))
        return self._starts

    def tok(self, i: int) -> _Tok | None:
        return self.toks[i] if 0 <= i < len(self.toks) else None

    def is_punct(self, i: int, chars: str) -> bool:
        puncts = self._puncts
        if 0 <= i < len(puncts):
            found = puncts[i]
            return bool(found) and found in chars
        return False

    def word(self, i: int) -> str:
        """The casefolded word at ``i`` ("" when it is not a word)."""
        words = self._words
        return words[i] if 0 <= i < len(words) else ""

    def label(self, i: int, labels: frozenset[str]) -> int | None:
        """A label of ``labels`` at ``i``, with its full stop: the index after it."""
        w = self.word(i)
        if not w or w not in labels:
            return None
        j = i + 1
        if self.is_punct(j, ".") and not self.toks[j].space:
            return j + 1
        nxt = self.tok(j)
        if w in {"№", "#"} or (nxt is not None and nxt.kind == "num"):
            return j
        if len(w) > 2 and w not in {"вып", "стр", "vol", "nos"}:
            return j
        return None

    def span_text(self, i: int, j: int) -> str:
        """The text of tokens ``i`` to ``j`` (exclusive), as written."""
        if j <= i:
            return ""
        return self.text[self.toks[i].start : self.toks[j - 1].end]

    def is_upper_word(self, i: int) -> bool:
        t = self.tok(i)
        return t is not None and t.kind == "word" and t.text[0].isupper()

    def initial_at(self, i: int) -> int | None:
        """An initial with its full stop ("О.", "Yu.") at ``i``: the index after it."""
        t = self.tok(i)
        if (
            t is not None
            and t.kind == "word"
            and len(t.text) <= 2
            and t.text[0].isupper()
            and (len(t.text) == 1 or t.text[1:].islower())
            and self.is_punct(i + 1, ".")
            and not self.toks[i + 1].space
        ):
            return i + 2
        return None

    def sentence_end(self, i: int) -> bool:
        """Is the full stop at ``i`` the end of a sentence (not of an initial or a label)?"""
        if not self.is_punct(i, "."):
            return False
        prev = self.tok(i - 1)
        nxt = self.tok(i + 1)
        if prev is None or (prev.kind == "word" and len(prev.text) <= 2):
            return False
        return nxt is None or nxt.space

    # ------------------------------------------------------------------ values

    def value_at(self, i: int) -> tuple[str, int] | None:
        """A volume or issue value: "5", "6/7", "3–4", "VI", "12a"."""
        t = self.tok(i)
        if t is None:
            return None
        if t.kind == "word" and _is_roman(t.text) and t.text.isupper():
            return t.text, i + 1
        if t.kind != "num":
            return None
        j = i + 1
        nxt = self.tok(j)
        if nxt is not None and nxt.kind == "word" and not nxt.space and len(nxt.text) == 1:
            j += 1
        a = self.tok(j)
        b = self.tok(j + 1)
        if (
            a is not None
            and b is not None
            and a.kind in {"slash", "dash"}
            and b.kind == "num"
            and not a.space
            and not b.space
        ):
            j += 2
        return self.span_text(i, j), j

    def pages_at(self, i: int) -> tuple[str, int] | None:
        """Pages: "54", "79-113", "250–51", "5, 7–9", "xii", "12a"."""
        t = self.tok(i)
        if t is None:
            return None
        if t.kind == "word" and _is_roman(t.text) and t.text.islower():
            return t.text, i + 1
        if t.kind != "num":
            return None
        j = i
        while True:
            j += 1
            a = self.tok(j)
            if a is not None and a.kind == "word" and not a.space and len(a.text) == 1:
                j += 1
                a = self.tok(j)
            b = self.tok(j + 1)
            if a is not None and b is not None and a.kind == "dash" and b.kind == "num":
                j += 2
                a = self.tok(j)
                b = self.tok(j + 1)
            if (
                a is not None
                and b is not None
                and a.text == ","
                and b.kind == "num"
                and _year_value(b) is None
                and not self.is_punct(j + 2, ":")
            ):
                j += 1
                continue
            break
        return self.span_text(i, j), j

    def year_field_at(self, i: int, end: int) -> int | None:
        """A bare year standing as a field ("1990." "1990,"): the index after it."""
        t = self.tok(i)
        if t is None or _year_value(t) is None:
            return None
        j = i + 1
        if self.word(j) in {"г", "гг"}:
            j += 1
            if self.is_punct(j, "."):
                j += 1
                return j
        nxt = self.tok(j)
        if j >= end or nxt is None or nxt.kind in {"close"} or self.is_punct(j, ".,;"):
            return j
        return None

    def paren_date(self, i: int) -> tuple[PartialDate, int] | None:
        """A date in parentheses at ``i``: the date and the index after the close."""
        close = self.close_of.get(i)
        if close is None or close - i > _MAX_PAREN:
            return None
        date = _date_from(self.text, self.toks[i + 1 : close])
        return (date, close + 1) if date is not None else None

    def place_at(self, i: int, end: int) -> tuple[int, int, int | None, int] | None:
        """Publication facts "Place[; Place][: Publisher], Year" at ``i``.

        Returns (end of places, start of publisher or None... ) packed as
        (places_end, publisher_start or -1, year token index or None, next).
        """
        places, collections = _data()
        del collections
        j = i
        for _ in range(4):  # at most four places: "М.; Л."
            start = j
            words = 0
            while j < end and words < 4:
                t = self.toks[j]
                if t.kind == "word" and (t.text[0].isupper() or (words > 0 and len(t.text) <= 2)):
                    j += 1
                    words += 1
                    if self.is_punct(j, ".") and not self.toks[j].space:
                        j += 1
                    if (
                        j + 1 < end
                        and self.toks[j].kind == "dash"
                        and not self.toks[j].space
                        and self.toks[j + 1].kind == "word"
                        and not self.toks[j + 1].space
                    ):
                        j += 1
                    continue
                break
            if j == start:
                return None
            name = self.span_text(start, j).rstrip(".").casefold()
            if (
                words > 1
                and name not in places
                and not all(
                    self.is_upper_word(k) for k in range(start, j) if self.toks[k].kind == "word"
                )
            ):
                return None
            if self.is_punct(j, ";") and j + 1 < end:
                j += 1
                continue
            break
        places_end = j
        if self.is_punct(j, ","):
            year_tok = j + 1
            if year_tok < end and _year_value(self.toks[year_tok]) is not None:
                return places_end, -1, year_tok, year_tok + 1
            return None
        if self.is_punct(j, ":"):
            pub_start = j + 1
            k = pub_start
            while k < end and k - pub_start < 30:
                if (
                    self.is_punct(k, ",")
                    and k + 1 < end
                    and _year_value(self.toks[k + 1]) is not None
                ):
                    if k == pub_start or self.toks[k - 1].kind == "num":
                        return None  # no publisher, or a number before the year
                    return places_end, pub_start, k + 1, k + 2
                if self.toks[k].kind in {"open", "close"} or self.is_punct(k, ";"):
                    return None
                k += 1
        return None

    def apply_place(self, f: _Fields, i: int, found: tuple[int, int, int | None, int]) -> None:
        places_end, pub_start, year_tok, _next = found
        f.place = self.span_text(i, places_end)
        places, _ = _data()
        parts = [p.strip() for p in f.place.split(";")]
        normalised = [places.get(p.rstrip(".").casefold()) for p in parts]
        if all(normalised) and normalised:
            spelled = "; ".join(n for n in normalised if n)
            if spelled != f.place:
                f.place_normalised = spelled
        if pub_start >= 0 and year_tok is not None:
            f.publisher = self.span_text(pub_start, year_tok - 1)
        if year_tok is not None and f.date is None:
            y = _year_value(self.toks[year_tok])
            f.date = PartialDate(year=y, text=self.toks[year_tok].text)
        elif year_tok is not None:
            f.unparsed.append((year_tok, year_tok + 1))  # a second year: say so

    # ------------------------------------------------------------------ archival text

    def archival_at(self, i: int, end: int) -> int | None:
        """Does an archival reference start at ``i``? The token of its first label."""
        if not _any_in(self.labels, i, i + 17):
            return None
        key = (i, end)
        if key not in self._archival_cache:
            self._archival_cache[key] = self._archival_at(i, end)
        return self._archival_cache[key]

    def _archival_at(self, i: int, end: int) -> int | None:
        labels = 0
        first: int | None = None
        fond = False
        j = i
        stop = min(end, i + 30)
        while j < stop:
            t = self.toks[j]
            if t.kind in {"quote", "dslash"} or self.is_punct(j, ";"):
                break
            w = self.word(j)
            if w in _ARCHIVAL_LABELS:
                k = j + 1
                if self.is_punct(k, ".") and not self.toks[k].space:
                    k += 1
                nxt = self.tok(k)
                if nxt is not None and (
                    nxt.kind == "num"
                    or (
                        nxt.kind == "word"
                        and len(nxt.text) == 1
                        and self.tok(k + 1) is not None
                        and self.toks[k + 1].kind == "dash"
                    )
                ):
                    labels += 1
                    fond = fond or w in _FOND_LABELS
                    if first is None:
                        if j - i > 16:
                            return None
                        first = j
                    if labels >= 2 or fond:
                        return first
            j += 1
        return None

    # ------------------------------------------------------------------ names in notes

    def name_at(self, i: int, end: int) -> int | None:
        """A name in natural order ("Andrei Ledovskii", "A. S. Prokhanov"): the index after it."""
        j = i
        words = 0
        last_is_word = False
        if self.word(i) in _NOT_NAMES:
            return None
        while j < end and j - i < 14:
            t = self.toks[j]
            ini = self.initial_at(j)
            if ini is not None and ini <= end:
                j = ini
                words += 1
                last_is_word = False
                continue
            if t.kind == "word" and t.text[0].isupper() and len(t.text) >= 2:
                if t.text.isupper() or t.text.casefold() in _NOT_NAMES:
                    break
                j += 1
                words += 1
                last_is_word = True
                if (
                    j + 1 < end
                    and self.toks[j].kind == "dash"
                    and not self.toks[j].space
                    and self.is_upper_word(j + 1)
                    and not self.toks[j + 1].space
                ):
                    j += 2
                continue
            if t.kind == "word" and t.text in _PARTICLES and words > 0:
                j += 1
                last_is_word = False
                continue
            break
        if words < 2 or words > 5 or not last_is_word:
            return None
        return j

    def inverted_at(self, i: int, end: int) -> tuple[int, int, int] | None:
        """ "Bajanov, Evgueni": (family end, given start, given end)."""
        j = i
        if not (self.is_upper_word(j) and len(self.toks[j].text) >= 2):
            return None
        if self.toks[j].text.isupper() or self.word(j) in _NOT_NAMES:
            return None
        j += 1
        if (
            j + 1 < end
            and self.toks[j].kind == "dash"
            and not self.toks[j].space
            and self.is_upper_word(j + 1)
        ):
            j += 2
        if not self.is_punct(j, ","):
            return None
        fam_end = j
        g = j + 1
        k = g
        count = 0
        while k < end and count < 3:
            ini = self.initial_at(k)
            if ini is not None:
                k = ini
                count += 1
                continue
            if self.is_upper_word(k) and len(self.toks[k].text) >= 2:
                if self.word(k) in _NOT_NAMES or self.toks[k].text.isupper():
                    return None
                k += 1
                count += 1
                continue
            break
        if count == 0:
            return None
        return fam_end, g, k

    def person(self, i: int, j: int) -> Person:
        return parse_person(self.span_text(i, j))

    def names_list(self, i: int, end: int) -> tuple[list[Person], int] | None:
        """Names after "by" / "ed.": natural order, joined by commas and "and"."""
        names: list[Person] = []
        j = i
        while j < end:
            k = self.name_at(j, end)
            if k is None:
                # a Russian name with initials first ("И. И. Иванова")
                k = self.gost_name_at(j, end, initials_first_only=True)
            if k is None:
                break
            names.append(self.person(j, k))
            j = k
            nxt = j
            if self.is_punct(nxt, ","):
                nxt += 1
            if self.word(nxt) in {"and", "и", "&"}:
                nxt += 1
            if nxt == j:
                break
            if self.name_at(nxt, end) is None and (
                self.gost_name_at(nxt, end, initials_first_only=True) is None
            ):
                break
            j = nxt
        if not names:
            return None
        return names, j

    def gost_name_at(self, i: int, end: int, initials_first_only: bool = False) -> int | None:
        """ "Хлевнюк О. В." or "О. В. Хлевнюк": the index after the name."""
        t = self.tok(i)
        if t is None or t.kind != "word":
            return None
        # initials first
        j = i
        count = 0
        while count < 3:
            k = self.initial_at(j)
            if k is None or k > end:
                break
            j = k
            count += 1
        if (
            count
            and self.is_upper_word(j)
            and len(self.toks[j].text) >= 2
            and not self.toks[j].text.isupper()
            and self.word(j) not in _NOT_NAMES
        ):
            j += 1
            if (
                j + 1 < end
                and self.toks[j].kind == "dash"
                and not self.toks[j].space
                and self.is_upper_word(j + 1)
            ):
                j += 2
            return j
        if initials_first_only:
            return None
        # family first
        if not (self.is_upper_word(i) and len(t.text) >= 2) or t.text.isupper():
            return None
        j = i + 1
        if (
            j + 1 < end
            and self.toks[j].kind == "dash"
            and not self.toks[j].space
            and self.is_upper_word(j + 1)
            and not self.toks[j + 1].space
        ):
            j += 2
        count = 0
        while count < 3:
            k = self.initial_at(j)
            if k is None or k > end:
                break
            j = k
            count += 1
        return j if count else None

    def collection_of(self, title: str | None) -> _Collection | None:
        if not title:
            return None
        _, collections = _data()
        folded = title.casefold()
        for c in collections:
            if folded.startswith(c.title.casefold()):
                return c
        return None

    def result(self, f: _Fields, first: int, last: int) -> _Result:
        assert f.kind is not None
        text = self.span_text(first, last)
        spans = tuple((self.toks[a].start, self.toks[b - 1].end) for a, b in f.unparsed if b > a)
        work = PublishedWork(
            kind=f.kind,
            authors=tuple(f.authors),
            editors=tuple(f.editors),
            translators=tuple(f.translators),
            title=f.title or None,
            container_title=f.container or None,
            collection_title=f.collection or None,
            volume=f.volume,
            issue=f.issue,
            number=f.number,
            date=f.date,
            pages=f.pages,
            publisher=f.publisher or None,
            place=f.place or None,
            place_normalised=f.place_normalised,
            language=guess_language(f.title or None, f.container or None),
            text=text,
            unparsed=tuple(self.text[a:b] for a, b in spans),
        )
        return _Result(work, first, last, spans)
