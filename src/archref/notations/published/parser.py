"""One publication reference read by both readers: the reading that understood most wins."""

from __future__ import annotations

import attrs

from archref.model import ParseError, PublishedWork

from ._base import _Fail, _Result
from .chicago import _ChicagoReader
from .fast import chicago_book, gost_book
from .gost import _GostReader

__all__ = ["parse"]


class _Parser(_GostReader, _ChicagoReader):
    """Both readers over the tokens of one text."""

    def parse_at(
        self, i: int, end: int, find: bool, *, gost: bool = True, chicago: bool = True
    ) -> _Result:
        """The best reading of a publication starting at token ``i``.

        ``gost`` and ``chicago`` say which readers to try (a reader that
        cannot succeed, for want of an anchor, is not tried).
        """
        if self.archival_at(i, end) is not None:
            k = self.archival_at(i, end)
            assert k is not None
            end_tok = k + 2 if self.is_punct(k + 1, ".") else k + 1
            raise _Fail("an archival reference, not a publication", k, end_tok)
        errors: list[_Fail] = []
        results: list[_Result] = []
        readers = [
            (r, fast if find else None)
            for r, fast, on in ((self.gost, gost_book, gost), (self.chicago, chicago_book, chicago))
            if on
        ]
        for reader, fast in readers:
            # the commonest shape of a book, read at once (the reader's reading, or None)
            res = fast(self, i, end) if fast is not None else None
            if res is not None:
                results.append(res)
                continue
            try:
                results.append(reader(i, end, find))
            except _Fail as exc:
                errors.append(exc)
        if not results:
            if not errors:
                raise _Fail("no anchor of a publication within reach", i)
            raise max(errors, key=lambda e: e.tok)
        # the reading that understood the most: fewest unparsed pieces, then longest
        return min(results, key=lambda r: (len(r.work.unparsed), -r.last))


def parse(text: str) -> PublishedWork:
    """Parse one publication reference; raise :class:`ParseError` if ``text`` is not one.

    Surrounding whitespace and the final full stop are not part of the
    reference. Pieces that are not understood are kept in ``unparsed``.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes a str, not {type(text).__name__}")
    p = _Parser(text)
    n = len(p.toks)
    if n == 0:
        raise ParseError("empty text is not a publication reference", text, 0, len(text))
    try:
        res = p.parse_at(0, n, find=False)
    except _Fail as exc:
        tok = p.tok(exc.tok)
        last = p.tok(min(exc.end_tok, n) - 1)
        start = tok.start if tok is not None else len(text)
        end = last.end if last is not None and tok is not None else len(text)
        raise ParseError(exc.message, text, start, end) from None
    work = res.work
    rest = res.last
    while rest < n and p.is_punct(rest, ".;,"):
        rest += 1
    if rest < n:
        tail = text[p.toks[rest].start :].strip()
        work = attrs.evolve(work, unparsed=(*work.unparsed, tail))
    return attrs.evolve(work, text=text.strip())
