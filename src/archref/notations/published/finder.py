"""Finding publications and credits in notes, and "[Source: ...]" notes."""

from __future__ import annotations

import re
from bisect import bisect_left

import attrs

from archref.model import Diagnostic, PublishedWork, Severity

from ._base import _Fail, _Result
from ._words import _ARCHIVAL_LABELS, _NOTE_MARKS
from .anchors import _Anchors, usable_anchors
from .credits import _CREDIT_VERBS, CreditMatch, _credit_at
from .markers import _MARKERS_BY_FIRST, Relation, _marker_at
from .parser import _Parser

__all__ = [
    "RULES",
    "Match",
    "PublishedMatch",
    "SourceNote",
    "find",
    "find_source_notes",
    "reader_attempts",
]

#: Diagnostic codes of this module: code -> (severity, meaning).
RULES: dict[str, tuple[Severity, str]] = {
    "PUB101": ("warning", "part of a publication reference not recognised"),
}


@attrs.frozen
class PublishedMatch:
    """A publication found in a note.

    ``start``/``end`` are offsets into the original text: the span runs from
    the first character of the reference to its last, without the note's
    final full stop. ``relation`` is what the words before it said about it
    ("Published in:" -> ``"published-in"``, "Цит. по:" -> ``"quoted-in"``),
    or ``None``. ``diagnostics`` report the parts that were not recognised.
    """

    work: PublishedWork
    start: int
    end: int
    relation: Relation | None = None
    diagnostics: tuple[Diagnostic, ...] = ()


Match = PublishedMatch | CreditMatch


@attrs.frozen
class SourceNote:
    """A "[Source: ...]" note: an archival reference, where it was published, who translated it.

    ``archival_start``/``archival_end`` span the archival reference (left for
    the archival notations to parse), or are ``None`` when the note starts
    with something else. ``start``/``end`` span the whole note, brackets
    included.
    """

    start: int
    end: int
    archival_start: int | None
    archival_end: int | None
    publications: tuple[PublishedMatch, ...] = ()
    credits: tuple[CreditMatch, ...] = ()


_RUN_KINDS = frozenset({"open", "close", "mark", "star"})
_AFTER_KINDS = frozenset({"open", "mark", "other"})
# The casefolded texts of the other tokens where :meth:`_Finder.run` may stop: the first
# words of the markers and the credit verbs (words all), ";", ":", "." and footnote marks
# (each a token of its own kind: punctuation, or a sign)
_STOP_TEXTS = frozenset({*_MARKERS_BY_FIRST, *_CREDIT_VERBS, ";", ":", ".", *_NOTE_MARKS})
_NEWLINE = re.compile("\n")


class _Finder:
    """One text's tokens and anchors, read for publications and credits by :meth:`run`."""

    def __init__(self, text: str, found: list[tuple[int, int]] | None = None) -> None:
        self.p = p = _Parser(text)
        self.text = text
        self.anchors = _Anchors(p, found)
        #: how many times a reading was attempted (a measure of work)
        self.attempts = 0
        self._stops: list[int] | None = None

    def stops(self) -> list[int]:
        """The tokens where :meth:`run` may do more than step over a token, in order.

        The words that may introduce a publication or a credit, brackets,
        ";", ":", footnote marks, italics, and the tokens after ".", after
        an opening bracket, ";", ":" or a mark, and after a line break. At any
        other token, outside a place where a publication may start, ``run``
        only steps on; it jumps from one of these to the next instead.
        """
        if self._stops is None:
            p = self.p
            toks = p.toks
            here = [
                k
                for k, (t, w) in enumerate(zip(toks, p.folded, strict=True))
                if w in _STOP_TEXTS or t.kind in _RUN_KINDS
            ]
            after = [k + 1 for k in here if toks[k].kind in _AFTER_KINDS or toks[k].text in ";:."]
            starts = self.anchors.starts
            lines = [bisect_left(starts, m.start()) for m in _NEWLINE.finditer(self.text)]
            self._stops = sorted({*here, *after, *lines})
        return self._stops

    def marker_at(self, i: int) -> tuple[Relation, int] | None:
        return _marker_at(self.p, i)

    def credit_at(self, i: int, end: int) -> tuple[list[CreditMatch], int] | None:
        return _credit_at(self.p, i, end)

    def skip_archival(self, i: int, end: int) -> int:
        """Past an archival reference: to the next ";", paren, marker or new sentence."""
        p = self.p
        j = i
        while j < end:
            t = p.toks[j]
            if p.is_punct(j, ";") or t.kind in {"open", "close"}:
                return j
            if j > i and p.is_punct(j - 1, ".") and t.kind == "word":
                if self.marker_at(j) is not None or self.credit_at(j, end) is not None:
                    return j
                if (
                    t.text[0].isupper()
                    and p.word(j) not in _ARCHIVAL_LABELS
                    and (p.archival_at(j, min(end, j + 4)) is None)
                ):
                    return j
            j += 1
        return j

    def run(self, start: int = 0, stop: int | None = None) -> list[Match]:
        """Publications and credits from token ``start`` to ``stop``, in one pass."""
        p = self.p
        toks = p.toks
        n = len(toks) if stop is None else stop
        out: list[Match] = []
        relation: tuple[Relation, int] | None = None  # and the token it applies to
        i = start
        candidate = True
        stops = self.stops()
        while i < n:
            if not candidate and i != start:
                k = bisect_left(stops, i)
                if k == len(stops):
                    break
                i = stops[k]  # the tokens before it are stepped over
                if i >= n:
                    break
            t = toks[i]
            end = min(p.limit[i], n)
            m = self.marker_at(i)
            if m is not None:
                relation = m
                i = m[1]
                candidate = True
                continue
            c = self.credit_at(i, end)
            if c is not None:
                out.extend(c[0])
                i = c[1]
                candidate = False
                continue
            if t.kind in {"open", "close"} or (t.kind == "punct" and t.text in ";:"):
                i += 1
                candidate = t.kind != "close"
                continue
            if t.kind == "mark" or (t.kind == "other" and t.text in _NOTE_MARKS):
                i += 1
                candidate = True
                continue
            if (
                candidate
                or t.kind == "star"
                or i == start
                or p.is_punct(i - 1, ".")
                or "\n" in self.text[toks[i - 1].end : t.start]
            ):
                if p.archival_at(i, end) is not None:
                    i = self.skip_archival(i, end)
                    candidate = False
                    continue
                res = None
                bound = self.anchors.bound(i, end)
                gost, chicago = self.anchors.readers(i, bound)
                if gost or chicago:
                    self.attempts += 1
                    try:
                        res = p.parse_at(i, bound, find=True, gost=gost, chicago=chicago)
                    except _Fail:
                        res = None
                if res is not None and res.last > i:
                    rel = relation[0] if relation is not None and relation[1] == i else None
                    out.append(self.match(res, rel))
                    i = res.last
                    candidate = True
                    continue
            candidate = False
            i += 1
        return out

    def match(self, res: _Result, relation: Relation | None) -> PublishedMatch:
        p = self.p
        start = p.toks[res.first].start
        end = p.toks[res.last - 1].end
        diagnostics = tuple(
            Diagnostic(
                code="PUB101",
                message="part of a publication reference not recognised",
                severity=RULES["PUB101"][0],
                start=a,
                end=b,
                text=self.text[a:b],
            )
            for a, b in res.unparsed_spans
        )
        work = attrs.evolve(res.work, text=self.text[start:end])
        return PublishedMatch(work, start, end, relation, diagnostics)


def find(text: str) -> list[Match]:
    """Every publication and credit in ``text``, in order, with spans into ``text``.

    >>> [m.work.kind for m in find("RGIA, f. 776, op. 8, d. 2015, l. 3; Werner Benecke, "
    ...     "“Die Allgemeine Wehrpflicht in Russland,” Journal of Modern European History 5, "
    ...     "no. 2 (2007): 250–51; Pavel Ivanov, “A. S. Prokhanov,” Sovremennoe slovo "
    ...     "(April 6, 1912).")]
    ['article', 'newspaper']
    """
    found = usable_anchors(text)
    if not found:
        return []  # no reading may succeed, and a credit holds an anchor too
    return _finder(text, found).run()


_last: list[_Finder] = []


def _finder(text: str, found: list[tuple[int, int]] | None = None) -> _Finder:
    """The finder of ``text``: the one built last when it was for the same text.

    :func:`find` and then :func:`find_source_notes` on one text (as extraction
    does when a note credits a translator) tokenise it once.
    """
    if _last and (_last[0].text is text or _last[0].text == text):
        return _last[0]
    finder = _Finder(text, found)
    _last[:] = [finder]
    return finder


def reader_attempts(text: str) -> int:
    """How many readings :func:`find` attempts on ``text`` (a measure of work, for tests).

    >>> reader_attempts("Prose with no year, no quotation and no journal.")
    0
    """
    finder = _Finder(text)
    finder.run()
    return finder.attempts


def find_source_notes(text: str) -> list[SourceNote]:
    """Every "[Source: ...]" note in ``text`` (or "Source: ..." up to the end of its line)."""
    finder = _finder(text)
    p = finder.p
    toks = p.toks
    out: list[SourceNote] = []
    for i, t in enumerate(toks):
        if p.word(i) not in {"source", "источник"} or not p.is_punct(i + 1, ":"):
            continue
        opened = i > 0 and toks[i - 1].kind == "open"
        if opened:
            stop = p.close_of.get(i - 1, len(toks))
        else:
            stop = i + 2
            while stop < len(toks) and "\n" not in text[toks[stop - 1].end : toks[stop].start]:
                stop += 1
        body = i + 2
        matches = finder.run(body, stop)
        pubs = tuple(m for m in matches if isinstance(m, PublishedMatch))
        credits = tuple(m for m in matches if isinstance(m, CreditMatch))
        a_start: int | None = None
        a_end: int | None = None
        if body < stop and p.archival_at(body, stop) is not None:
            a_last = body
            while a_last < stop and not (
                (a_last > body and finder.marker_at(a_last) is not None)
                or finder.credit_at(a_last, stop) is not None
                or p.is_punct(a_last, ";")
            ):
                a_last += 1
            k = a_last - 1
            while k > body and toks[k].kind == "punct":
                k -= 1
            a_start, a_end = toks[body].start, toks[k].end
        start = toks[i - 1].start if opened else t.start
        end = toks[stop].end if opened and stop < len(toks) else toks[stop - 1].end
        out.append(SourceNote(start, end, a_start, a_end, pubs, credits))
    return out
