"""Where a published work can be: the facts every reading needs, and how far a reading reaches.

A publication is only found where one of the two readers understands it,
and neither names the kind of a work without certain facts. Each fact
below is derived from the code of the readers (:mod:`.gost`,
:mod:`.chicago`, :mod:`._base`, :mod:`.credits`): it is what the reading
cannot succeed without, written in characters.

**A year** is four ASCII digits standing as one number, 1500 to 2100
(:func:`.dates._year_value`). A bare year is never enough: a date alone
names no kind of work in either reader (a year as a field, "1990.", can
close an attempt that stops right after it, but it still needs one of the
facts below), so a year in prose ("in August 1950") anchors nothing.

The **GOST** reader (``_GostReader.gost``) names a kind only when it read

- a journal or book after ``//`` between spaces (``is_container_sep``: an
  article, a chapter, a newspaper): ``" // "``;
- publication facts (``place_at``, at a field boundary): a place, then
  ``", Year"`` ("М., 1996", "Moscow, 1995"), or a place, ``":"``, a
  publisher and ``", Year"`` ("М.: Наука, 1996"); the token before the
  comma is a word, a full stop or the publisher's last token, which is not
  a number: so a character that is neither a digit nor a space stands
  before ``", Year"``, and "June 25, 1950" anchors nothing;
- a date with an issue or a volume (a journal without ``//``: "Вопросы
  истории. 1994. № 5"): the issue or volume is only ever read after its
  label (``label`` then ``value_at``): "№ 5", "Вып. 9", "vol. 2", "т. IV";
- a date with a day (a newspaper without ``//``): the day is only read as a
  number followed by the name of a month, right after the year read as a
  field (past its full stop, comma or dash): "1937. 5 марта", "1937 г.,
  5 марта".

The **Chicago** reader (``_ChicagoReader.chicago``) names a kind only when

- the title is that of a known series of documents, as written ("Foreign
  Relations of the United States, 1950"): a document collection;
- it read "Working Paper" (a kind of paper, then "paper" or "papers");
- it read publication facts in parentheses, "(Place: Publisher, Year)" or
  "(Place, Year)": as ``place_at`` above (a book; a chapter with a journal);
- the title is quoted and the reading goes on after the closing quotation
  mark (a chapter with "in", an article or a newspaper with its journal).
  After the closing mark, past commas, full stops and spaces, the fields
  (``chicago_fields``) go on only with "in", a number, italics, a
  parenthesis that holds a number before any other parenthesis (a date,
  publication facts) or is followed by another, ":" and pages, a label
  with its value ("no. 2", "pp. xii", "doc. 3"), a date in words up to its
  year ("April 6, 1912"), "edited", "translated" or an editor's or
  translator's label, or a word with a capital: a journal (or a roman
  volume, or one of those words with a capital). A journal's title
  (``container_end``) holds no number, comma, colon, parenthesis,
  quotation mark or italics, and an article needs a volume, a date, an
  issue or pages: right after the journal's title a number, a
  parenthesis, ":" and pages or a label with its value; or after a comma
  one of those, a date in words, or a credit ("edited by") that the pages
  follow. A lower-case word, a dash or another quotation mark after the
  closing mark ends the reading. So ``“Title,” in``, ``“Title,” Journal
  5`` and ``"Title" (1950)`` anchor, and ``“we shall see,” he said`` or
  ``"We shall see." He left, and so did she`` do not. The reader is loose
  here, and so is its anchor: ``"We shall see." Then they left for Moscow
  in 1950`` is read as an article of the journal "Then they left for
  Moscow in", so a quotation followed by a sentence with a number is an
  anchor;
- the title is in italics and the reading has a date and an issue or a
  volume (a whole issue of a journal): the issue is read after its label,
  the volume after its label or as a roman numeral after a comma before
  punctuation (", VI.").

A **credit** (``_credit_at``) is its verb and then "by" or "for":
"Translated by", "Translated for NKIDP by", "Contributed by", "Obtained
by", "Edited by".

A "[Source: ...]" note (:func:`find_source_notes`) is read only in the
windows that hold a credit, so it needs no anchor of its own.

These are the *anchors*; :func:`anchor_patterns` writes them as patterns
that Python's ``re`` and RE2 read alike: no look-around, no
back-references, no repetition inside a repetition but of one character
(the run of a journal's title, the skip past commas and spaces), with the
placeholders of :mod:`archref.scan` (``{S}``, ``{END}``); :data:`ANCHOR` is
the same patterns for ``re``. A word's edge is written as a character that
is no ASCII or Russian letter, wider than "no letter" (every character that
ends a word token is one) and far smaller for RE2, whose automaton would
otherwise outgrow its memory. Numbers are ASCII digits (:mod:`._lexer`
reads another script's digit as a sign). A known series is matched as
written, regardless of case (its title is compared casefolded; none of the
titles holds a letter whose casefolding is longer than itself). Each
anchor lies inside the publication or credit it anchors (the closing
quotation mark of a title, the comma before a year, a label, ``//``, a
verb), so a scanner that hands :func:`find` the paragraphs holding an
anchor hands it every publication; ``tests/test_published_anchors.py``
checks it on every reference of the corpus, the golden file and the
documentation, and on generated notes.

Inside :func:`find`, a reader is tried at a place only when an anchor
above (as the scanner finds them) overlaps the tokens that reading may look
at, and one of the reader's coarser anchors (every year, every quotation
mark: :class:`_Anchors`) lies within them; a reading looks at no
more than :data:`MAX_ATTEMPT_TOKENS` tokens and :data:`MAX_ATTEMPT_CHARS`
characters from where it starts (plus the parentheses of publication facts
or a date that open before that bound), so no attempt is unbounded and a
text with no anchor costs no attempt at all. A publication found in a text
starts at most :data:`REACH_BEFORE` characters before an anchor it needs
and ends at most :data:`REACH_AFTER` characters after it: a reading starts
at most :data:`MAX_ATTEMPT_CHARS` before its anchor, and what it reads after
the anchor (pages, the rest of a parenthesis) stays within the same bound
plus a margin for the parenthesis. A window should also start where a
note, line or sentence starts, since that is where a publication is looked
for.

>>> note = 'See Хлевнюк О. В. Сталин. М., 1996. С. 205–206; "Title," in *Book*'
>>> [note[a:b] for a, b in anchors(note)]
['., 1996.', '" in ']
>>> anchors('In August 1950 he said: "we shall see," and left.')
[]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import cache
from itertools import accumulate
from operator import itemgetter

from ._base import _any_in, _BaseParser
from ._lexer import _lex
from ._words import (
    _EDITOR,
    _ISSUE,
    _MAX_PAREN,
    _NUMBER,
    _PAGES,
    _PAPER,
    _PAPER_KINDS,
    _TRANSLATOR,
    _VOLUME,
    _data,
    _is_roman,
)
from .credits import _CREDIT_VERBS
from .dates import _MONTHS, _SEASONS

__all__ = [
    "ANCHOR",
    "MAX_ATTEMPT_CHARS",
    "MAX_ATTEMPT_TOKENS",
    "REACH_AFTER",
    "REACH_BEFORE",
    "anchor_patterns",
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

# The letters of a roman numeral: a word that starts with another is none.
_ROMAN_LETTERS = frozenset("IVXLCDMivxlcdm")

# Tokens a reading may look at beyond its bound: the parentheses of
# publication facts or of a date that open before it, and a label's value.
_SLACK = _MAX_PAREN + 2

# White space as the tokeniser reads it (Python's ``\s``), the characters themselves.
_SPACES = "\t\n\v\f\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# Characters that are neither an upper-case letter nor white space, as a class body:
# ASCII but A-Z, Latin-1 signs and lower-case letters, Cyrillic lower-case letters,
# dashes, the ellipsis, quotation marks and white space. Every letter for which
# ``str.isupper`` holds is outside it.
_NOT_CAPITAL = (
    "\\x00-\\x40\\x5b-\\x7f"
    "\xa0-\xbf\xdf-\xff"
    "\u0430-\u045f"
    "\u2010-\u2015\u2212\u2026\u2018\u2019\u201c-\u201f«»"
    "\x85\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
)
_QUOTES = '"“”«»„‟'
# The placeholders of the patterns, spelt for Python's ``re`` as archref.scan spells them.
_RE_SPELLING = {
    "{L}": r"[^\W\d_]",
    "{NL}": r"[\W\d_]",
    "{S}": f"[{_SPACES}]",
    "{END}": r"\Z",
}


def _words(words: Iterable[str]) -> str:
    """An alternation of ``words``, longest first (no group)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@cache
def _series_words() -> frozenset[str]:
    """The first word of each known series of documents, casefolded."""
    _, collections = _data()
    return frozenset(_lex(c.title)[0].text.casefold() for c in collections)


def _labels() -> frozenset[str]:
    """The labels of a volume, an issue, pages or a document number, casefolded."""
    return _VOLUME | _ISSUE | _PAGES | _NUMBER


@cache
def _anchor_table() -> tuple[tuple[str, str], ...]:
    """The anchors, each with a name: what it is the anchor of."""
    _, collections = _data()
    # Before and after a word: a character that is no ASCII or Russian letter (or the
    # start or end of the text). Every character that ends a word token is one, and
    # the class is far smaller for RE2 than that of every letter.
    before = "(?:^|[^A-Za-zА-яЁё])"
    after = "(?:[^A-Za-zА-яЁё]|{END})"
    year = "[0-9]{4}(?:[^0-9]|{END})"
    skip = "(?:[.,]|{S})*"
    # the value of a label: a number or a roman numeral
    value = f"(?:[0-9]|[IVXLCDMivxlcdm]{{1,8}}{after})"
    # a label with its value: "no. 5", "pp. xii", "т. IV", "doc. 3"
    labels = _words(w for w in _labels() if w.isalpha())
    label = f"(?i:{labels})\\.?{{S}}*{value}"
    # a parenthesis a reading goes on with: a date or publication facts (a number
    # before any other parenthesis), or one followed by another
    paren = "[(\\[][^()\\[\\]]*(?:[0-9]|[(\\[]|[)\\]]{S}*[(\\[])"
    # what goes on without a letter: a number, italics, a parenthesis, ": pages", "№"
    sign = f"(?:[0-9*_№#]|{paren}|:{{S}}*{value})"
    # a date in words, up to its year ("April 6, 1912", "Winter 1995"), or a credit
    stops = "()\\[\\]" + _QUOTES + "*_;:"
    date_or_credit = (
        f"(?:(?i:{_words([*_MONTHS, *_SEASONS])})[^0-9{stops}]*[0-9]"
        f"|(?i:{_words(_EDITOR | _TRANSLATOR | {'edited', 'translated'})}){after})"
    )
    # a journal's title: a capital, then no number, comma, colon, parenthesis or mark
    journal = f"[^{_NOT_CAPITAL}][^,;:0-9(){_QUOTES}\\[\\]*_]*"
    quoted = (
        f"[{_QUOTES}]{skip}(?:[Ii][Nn]{after}"
        f"|(?:{journal}(?:,{skip})?)?{sign}"
        f"|(?:{journal}(?:[^A-Za-zА-яЁё,;:0-9(){_QUOTES}\\[\\]*_]|,{skip}))?{label}"
        f"|(?:{journal},{skip})?{date_or_credit})"
    )
    return (
        # publication facts: "М., 1996", "Moscow: Progress, 1995", "(Princeton, 1997)"
        ("facts", f"[^0-9{_SPACES}]{{S}}*,{{S}}*{year}"),
        # a GOST journal or book: " // Вопросы истории"
        ("container", "{S}//(?:{S}|{END})"),
        # an issue or a volume after its label: "№ 5", "Вып. 9", "vol. 2", "т. IV"
        (
            "label",
            f"(?:{before}(?i:{_words(w for w in _VOLUME | _ISSUE if w.isalpha())})|[№#])"
            "\\.?{S}*[0-9IVXLCDM]",
        ),
        # the day of a newspaper right after its year: "1937. 5 марта", "1912, 6 April"
        (
            "day",
            "(?:^|[^0-9])[0-9]{4}{S}*(?:[гГ]{1,2}{S}*)?(?:[.,\u2010-\u2014\u2212-]|{S})*"
            f"[0-9]+{{S}}*(?i:{_words(_MONTHS)}){after}",
        ),
        # a known series of documents, as written: "Foreign Relations of the United States"
        ("series", f"(?i:{_words(c.title for c in collections)})"),
        # a working paper: "Working Paper No. 8"
        ("paper", f"{before}(?i:{_words(_PAPER_KINDS)}){{S}}+(?i:{_words(_PAPER)}){after}"),
        # a quoted title the reading goes on after: '“Title,” in', '"Title," Journal 5'
        ("quoted", quoted),
        # a roman volume after a comma: "*Bulletin* (Winter 1995), VI."
        ("roman", ",{S}*[IVXLCDM]{1,8}{S}*(?:[,;:.]|{END})"),
        # a credit: "Translated for NKIDP by", "Contributed by"
        ("credit", f"{before}(?i:{_words(_CREDIT_VERBS)}){{S}}*(?i:by|for){after}"),
    )


@cache
def _anchor_sources() -> tuple[str, ...]:
    return tuple(source for _, source in _anchor_table())


def anchor_patterns() -> tuple[str, ...]:
    """The anchors of published works and credits, as pattern sources.

    Both Python's ``re`` and RE2 read them alike, once the placeholders of
    :mod:`archref.scan` (``{L}``, ``{NL}``, ``{S}``, ``{END}``) are spelt for
    the engine. Every publication or credit that :func:`find` returns holds
    a match of one of them (see the module's docstring for why).
    """
    return _anchor_sources()


def _spelt(pattern: str) -> str:
    for placeholder, spelling in _RE_SPELLING.items():
        pattern = pattern.replace(placeholder, spelling)
    return pattern


def anchor_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The words that anchor a published work without a year, casefolded: the
    first words of the known series, the kinds of working paper ("working",
    "discussion"...) and what follows them ("paper", "papers")."""
    return _series_words(), _PAPER_KINDS, _PAPER


#: The anchors of published works and credits in characters; see :func:`anchors`.
ANCHOR: re.Pattern[str] = re.compile("|".join(f"(?:{_spelt(a)})" for a in anchor_patterns()))


# The quotation marks that can close a title opened by each opening mark, as
# ``_ChicagoReader.quoted_at`` pairs them: '"' is closed by any mark.
_CLOSING = {"“": '”"', '"': _QUOTES, "«": "»", "„": "“", "‟": "”"}
# After a title's closing mark, the fields of ``_ChicagoReader.chicago_fields`` step
# over commas and a full stop with no space after it, and stop at a full stop with a
# space (or the end) after it: the reading does not go on after the mark.
_ENDS_AFTER_MARK = re.compile(r"(?:[\s,]|\.(?=\S))*+\.(?:\s|\Z)")


@cache
def _unquoted() -> re.Pattern[str]:
    """The anchors but the quoted title's, as one pattern for ``re``."""
    return re.compile(
        "|".join(f"(?:{_spelt(source)})" for name, source in _anchor_table() if name != "quoted")
    )


def usable(text: str, found: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The anchors ``found`` in ``text`` (by start) that a reading may rely on.

    An anchor of a quoted title is the closing quotation mark of a title that
    the reading goes on after, so its mark closes a title opened before it
    (``_ChicagoReader.quoted_at``): a "»" after no "«" or '"' closes nothing, and
    an anchor that only the quoted title's pattern matches at such a mark anchors
    nothing; nor does a mark after which the reading stops, at a full stop with a
    space after it. Prose quotes in guillemets, and such anchors are dropped here:

    >>> text = "Он писал: «Дело передать в Военный трибунал ЛВО по закону от 1.12.34»."
    >>> [text[a:b][:6] for a, b in anchors(text)], usable(text, anchors(text))
    (['«Дело '], [])
    >>> text = '"Title" «Journal» 5'
    >>> [text[a:b] for a, b in usable(text, anchors(text))]
    ['» 5']
    >>> text = "«Дело закрыть». Решение Политбюро от 02.07.1937 «о передаче дел»."
    >>> [text[a:b][:6] for a, b in anchors(text)], usable(text, anchors(text))
    (['». Реш'], [])
    """
    out: list[tuple[int, int]] = []
    closable = ""  # the marks that close a title opened before the anchor
    marks: list[int] | None = None  # where the quotation marks of the text are
    seen = 0  # how many of them have been looked at
    other = _unquoted()
    for a, b in found:
        ch = text[a] if a < len(text) else ""
        if ch not in _QUOTES or ch == "" or other.match(text, a) is not None:
            out.append((a, b))
            continue
        if marks is None:
            marks = [m.start() for m in _QUOTE_CHAR.finditer(text)]
        while seen < len(marks) and marks[seen] < a:
            closers = _CLOSING.get(text[marks[seen]], "")
            closable += "".join(c for c in closers if c not in closable)
            seen += 1
        if ch in closable and _ENDS_AFTER_MARK.match(text, a + 1) is None:
            out.append((a, b))
    return out


def usable_anchors(text: str) -> list[tuple[int, int]]:
    """The anchors of ``text`` as the scanner finds them (overlapping ones too), by
    start, that a reading may rely on (:func:`usable`)."""
    from archref.scan import anchors as scan_anchors  # noqa: PLC0415 (the scanning core)

    return usable(text, sorted((a, b) for _, a, b in scan_anchors(text, family="published")))


def anchors(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of every anchor of a published work or a credit in ``text``.

    A publication or credit that :func:`find` returns holds one of them, and
    lies within :data:`REACH_BEFORE` characters before and :data:`REACH_AFTER`
    after it.
    """
    return [m.span() for m in ANCHOR.finditer(text)]


# The tokens of :mod:`._lexer` that the readers' coarse conditions look for, in
# characters: a run of ASCII digits is always one number token, "//" a token of its
# own (read before "/", from the left), and each quotation mark a token of its own.
_DIGIT_RUN_4 = re.compile(r"(?<![0-9])[0-9]{4}(?![0-9])")
_DOUBLE_SLASH = re.compile("//")
_QUOTE_CHAR = re.compile(f"[{_QUOTES}]")
# Publication facts closing their parenthesis: the comma before the year, the year, the
# close, white space between ("(Princeton, 1997)", "(Moscow: Progress, 1995)").
_FACTS_CLOSE = re.compile(r",\s*([0-9]{4})\s*[)\]]")
# The kinds and signs of the tokens of a list of names, and the tokens that open a
# title in quotation marks or italics.
_NAME_KINDS = frozenset({"word", "dash"})
_NAME_SIGNS = frozenset({".", ",", "&"})
_MARKS = frozenset({"quote", "star"})


class _Anchors:
    """The anchors of one text's tokens, for deciding whether a reader may succeed.

    The positions the readers' coarse conditions need (years, "//", quotation
    marks: found by a pattern over the characters; series words and values:
    from the tokens) are found when first asked for, and only those asked for.
    """

    def __init__(self, p: _BaseParser, found: list[tuple[int, int]] | None = None) -> None:
        self.p = p
        toks = p.toks
        self.starts = p.starts
        self.ends = list(map(itemgetter(3), toks))
        # the anchors of the text in characters (the scanner's, overlapping ones too),
        # by start, and the furthest end of an anchor that starts before each
        if found is None:
            found = usable_anchors(p.text)
        self.anchor_starts = [a for a, _ in found]
        self.anchor_reach = list(accumulate((b for _, b in found), max))
        self._years: list[int] | None = None
        self._slashes: list[int] | None = None
        self._quotes: list[int] | None = None
        self._series: list[int] | None = None
        self._values: list[int] | None = None
        self._unnamed: list[int] | None = None
        self._facts: list[int] | None = None

    def _chars(self, pattern: re.Pattern[str]) -> list[int]:
        """The start of each match of ``pattern`` in the text (a token's first character)."""
        return [m.start() for m in pattern.finditer(self.p.text)]

    @property
    def years(self) -> list[int]:
        """The start characters of the tokens that are years (1500 to 2100)."""
        if self._years is None:
            text = self.p.text
            self._years = [
                m.start() for m in _DIGIT_RUN_4.finditer(text) if 1500 <= int(m.group()) <= 2100
            ]
        return self._years

    @property
    def slashes(self) -> list[int]:
        """The start characters of the "//" tokens."""
        if self._slashes is None:
            self._slashes = self._chars(_DOUBLE_SLASH) if "//" in self.p.text else []
        return self._slashes

    @property
    def quotes(self) -> list[int]:
        """The start characters of the quotation marks."""
        if self._quotes is None:
            self._quotes = self._chars(_QUOTE_CHAR)
        return self._quotes

    @property
    def unnamed(self) -> list[int]:
        """The tokens that no list of names holds (``_ChicagoReader.chicago_authors``:
        words, dashes, "." and ",", "&"), in order."""
        if self._unnamed is None:
            self._unnamed = [
                k
                for k, t in enumerate(self.p.toks)
                if t.kind not in _NAME_KINDS and t.text not in _NAME_SIGNS
            ]
        return self._unnamed

    def titled(self, i: int, stop: int) -> bool:
        """May a title in quotation marks or italics open at token ``i`` or after the names
        there (before ``stop``)? Only at the first token from ``i`` that no list of
        names holds."""
        unnamed = self.unnamed
        k = bisect_left(unnamed, i)
        return k < len(unnamed) and unnamed[k] < stop and self.p.toks[unnamed[k]].kind in _MARKS

    @property
    def facts(self) -> list[int]:
        """The commas of ", Year)": a year (1500 to 2100) closing a parenthesis."""
        if self._facts is None:
            self._facts = [
                m.start()
                for m in _FACTS_CLOSE.finditer(self.p.text)
                if 1500 <= int(m.group(1)) <= 2100
            ]
        return self._facts

    @property
    def series(self) -> list[int]:
        """The start characters of the words that begin a known series or a working paper."""
        if self._series is None:
            series = _series_words()
            toks = self.p.toks
            folded = self.p.folded
            self._series = [
                t.start
                for k, (t, w) in enumerate(zip(toks, folded, strict=True))
                if t.kind == "word"
                and (
                    w in series
                    or (w in _PAPER_KINDS and k + 1 < len(toks) and folded[k + 1] in _PAPER)
                )
            ]
        return self._series

    @property
    def values(self) -> list[int]:
        """The start characters of numbers, "in" and roman numerals."""
        if self._values is None:
            self._values = [
                t.start
                for t, w in zip(self.p.toks, self.p.folded, strict=True)
                if t.kind == "num"
                or (
                    t.kind == "word"
                    and (w == "in" or (t.text[0] in _ROMAN_LETTERS and _is_roman(t.text)))
                )
            ]
        return self._values

    def bound(self, i: int, end: int) -> int:
        """Where an attempt at token ``i`` stops reading (``end`` at most)."""
        chars = bisect_left(self.starts, self.starts[i] + MAX_ATTEMPT_CHARS + 1)
        return min(end, i + MAX_ATTEMPT_TOKENS, chars)

    def anchored(self, i: int, stop: int) -> bool:
        """Does an anchor of the text (as the scanner finds them) overlap tokens ``i`` to
        ``stop`` (exclusive)? A publication or credit holds one (the invariant
        ``tests/test_published_anchors.py`` checks), so a reading of those tokens
        can only succeed where one does."""
        last = min(stop, len(self.ends)) - 1
        if last < i:
            return False
        k = bisect_left(self.anchor_starts, self.ends[last])  # the anchors that start before
        return k > 0 and self.anchor_reach[k - 1] > self.starts[i]

    def readers(self, i: int, bound: int) -> tuple[bool, bool]:
        """May the GOST reader, may the Chicago reader succeed at ``i`` reading to ``bound``?"""
        stop = bound + _SLACK
        if not self.anchored(i, stop):
            return False, False
        # tokens i to stop, in characters: from the start of the first to that of the
        # token at ``stop`` (or past the end of the text)
        a = self.starts[i]
        b = self.starts[stop] if stop < len(self.starts) else len(self.p.text) + 1
        year = _any_in(self.years, a, b)
        gost = year or _any_in(self.slashes, a, b)
        series = _any_in(self.series, a, b)
        chicago = (
            (year or series or (_any_in(self.quotes, a, b) and _any_in(self.values, a, b)))
            # a title in quotation marks or italics, at ``i`` or after the names there;
            # else (a plain title, or none) a series, a working paper, or publication
            # facts in parentheses
            and (series or _any_in(self.facts, a, b) or self.titled(i, stop))
        )
        return gost, chicago
