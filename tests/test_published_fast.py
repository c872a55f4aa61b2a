"""The shortcuts of the published-work finder change no result, and save work where they should.

The Chicago reader is tried only where a title in quotation marks or
italics may open (at ``i`` or after the names there), or with a series, a
working paper or publication facts closing a parenthesis within reach.

The fast path of a GOST book (``fast.gost_book``) reads the commonest shape
at once: wherever it answers, its reading must be the GOST reader's, field by
field. It is checked at every place the finder tries a reading, on the real
references, the prose of the benchmarks and generated descriptions.

``published.find`` skips what cannot succeed: an anchor that only a quoted
title's pattern matches, at a quotation mark that closes no title opened
before it or after which the reading stops ("«Дело закрыть». Решение..."),
is no anchor a reading may rely on (``anchors.usable``), and a text left
with no anchor is not tokenised at all. Each shortcut is compared with the
finder without it (every anchor the scanner finds relied on), on the real
references, the prose of the benchmarks and generated text: the matches are
the same, field by field.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archref import scan as scanning
from archref.notations import published
from archref.notations.published import anchors as anchoring
from archref.notations.published import fast as fastpath
from archref.notations.published import finder as finding
from archref.notations.published import parser as parsing
from archref.notations.published._base import _any_in, _Fail, _Result
from test_published_anchors import _GOST_FIELDS, _author, _gost, _piece, _real_texts

ROOT = Path(__file__).resolve().parent.parent


def _coarse(self: anchoring._Anchors, i: int, bound: int) -> tuple[bool, bool]:
    """Which readers may succeed at ``i``, by the coarse conditions alone: a year or "//"
    for the GOST reader; a year, a series, or a quotation mark and a value for the
    Chicago reader (not where a title may open, nor publication facts in parentheses)."""
    stop = bound + anchoring._SLACK
    if not self.anchored(i, stop):
        return False, False
    a = self.starts[i]
    b = self.starts[stop] if stop < len(self.starts) else len(self.p.text) + 1
    year = _any_in(self.years, a, b)
    gost = year or _any_in(self.slashes, a, b)
    chicago = (
        year
        or _any_in(self.series, a, b)
        or (_any_in(self.quotes, a, b) and _any_in(self.values, a, b))
    )
    return gost, chicago


@contextmanager
def _every_anchor() -> Iterator[None]:
    """The finder without its shortcuts: relying on every anchor the scanner finds,
    trying the readers by their coarse conditions, reading every book in full."""
    finding._last.clear()
    with (
        mock.patch.object(anchoring, "usable", lambda text, found: list(found)),
        mock.patch.object(anchoring._Anchors, "readers", _coarse),
        mock.patch.object(parsing, "gost_book", lambda p, i, end: None),
        mock.patch.object(parsing, "chicago_book", lambda p, i, end: None),
    ):
        yield
    finding._last.clear()


def _both(text: str) -> tuple[list[published.Match], list[published.Match]]:
    finding._last.clear()
    fast = published.find(text)
    with _every_anchor():
        full = published.find(text)
    return fast, full


def _bench_texts() -> list[str]:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import texts
    finally:
        sys.path.remove(str(ROOT / "bench"))
    out = []
    for text in (texts.english_prose(60_000), texts.russian_prose(120_000)):
        windows = scanning.scan(text).windows.get("published", [])
        out += sorted({text[a:b] for a, b in windows})
    return out


def test_real_references_are_found_alike() -> None:
    found = 0
    for text in _real_texts():
        fast, full = _both(text)
        assert fast == full, text[:200]
        found += len(fast)
    assert found >= 300


def test_the_prose_of_the_benchmarks_is_read_alike_and_with_fewer_attempts() -> None:
    texts = _bench_texts()
    assert len(texts) >= 10
    attempts = every = 0
    for text in texts:
        fast, full = _both(text)
        assert fast == full, text[:200]
        attempts += finding.reader_attempts(text)
        with _every_anchor():
            every += finding.reader_attempts(text)
    # the Russian prose quotes decisions in guillemets: their anchors are dropped
    assert attempts < 0.75 * every


_GUILLEMETS = st.sampled_from(
    [
        "«Дело передать в Военный трибунал ЛВО по закону от 1.12.34 г.». ",
        "«о передаче дел на рассмотрение Верхсуда Грузинской ССР 1 декабря 1934 года», ",
        '"Title" «Journal» 5. ',
        "«Journal», № 5. ",
        "«Title», Journal 5 (1950). ",
        "» 1950. ",
        "«Правда». 1937. 5 марта. ",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_piece | _GUILLEMETS, min_size=1, max_size=8))
def test_generated_text_is_read_alike(pieces: list[str]) -> None:
    text = "".join(pieces)
    fast, full = _both(text)
    assert fast == full


@settings(max_examples=300, deadline=None)
@given(st.lists(_piece | _GUILLEMETS, min_size=1, max_size=8))
def test_every_match_overlaps_an_anchor_a_reading_may_rely_on(pieces: list[str]) -> None:
    text = "".join(pieces)
    kept = anchoring.usable_anchors(text)
    for m in published.find(text):
        assert any(a < m.end and m.start < b for a, b in kept), text[m.start : m.end]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Он писал: «Дело передать в трибунал по закону от 1.12.34».", 0),
        ("«Дело закрыть». Решение Политбюро от 02.07.1937 «о передаче дел».", 0),
        ('"Title" «Journal» 5', 1),
        ("“Title,” in *Book*", 1),
        ("«Title», Journal 5 (1950).", 1),  # the Chicago reader reads "«...»" titles too
        ("Journal», Journal 5 (1950).", 0),  # but "»" closes only "«"
        ('"Title," Journal 5 (1950).', 1),
    ],
)
def test_which_quoted_anchors_are_kept(text: str, kept: int) -> None:
    assert len(anchoring.usable_anchors(text)) == kept


def test_a_text_with_no_usable_anchor_is_not_tokenised() -> None:
    text = "Он писал: «Дело передать в трибунал по закону от 1.12.34». " * 20
    assert scanning.anchors(text, family="published")
    with mock.patch.object(finding, "_Finder", side_effect=AssertionError("tokenised")):
        finding._last.clear()
        assert published.find(text) == []


# --------------------------------------------------------------------------- a GOST book at once


@contextmanager
def _compared(answers: list[int], chicago: list[int] | None = None) -> Iterator[None]:
    """Every answer of the fast paths checked against the reader's reading; ``answers``
    counts the readings the GOST fast path gave, ``chicago`` those of the Chicago one."""

    def check(fast: _Result | None, full: Callable[[], _Result], at: str) -> None:
        if fast is not None:
            try:
                read = full()
            except _Fail as exc:
                raise AssertionError(f"the reader fails: {exc.message}: {at}") from None
            assert fast == read, at

    def gost(p: parsing._Parser, i: int, end: int) -> _Result | None:
        fast = fastpath.gost_book(p, i, end)
        check(fast, lambda: p.gost(i, end, True), p.text[p.toks[i].start :][:200])
        answers.extend([1] if fast is not None else [])
        return fast

    def chicago_(p: parsing._Parser, i: int, end: int) -> _Result | None:
        fast = fastpath.chicago_book(p, i, end)
        check(fast, lambda: p.chicago(i, end, True), p.text[p.toks[i].start :][:200])
        (answers if chicago is None else chicago).extend([1] if fast is not None else [])
        return fast

    finding._last.clear()
    with (
        mock.patch.object(parsing, "gost_book", gost),
        mock.patch.object(parsing, "chicago_book", chicago_),
    ):
        yield
    finding._last.clear()


def test_the_fast_paths_read_as_the_readers_on_real_references() -> None:
    gost: list[int] = []
    chicago: list[int] = []
    with _compared(gost, chicago):
        for text in _real_texts():
            published.find(text)
    assert len(gost) >= 40
    assert len(chicago) >= 10


def test_the_fast_paths_read_as_the_readers_on_the_prose_of_the_benchmarks() -> None:
    gost: list[int] = []
    chicago: list[int] = []
    with _compared(gost, chicago):
        for text in _bench_texts():
            published.find(text)
    assert len(gost) >= 3
    assert len(chicago) >= 2


_GOST_NAMES = ["Хлевнюк О. В.", "Иванов И. И.", "О. В. Хлевнюк", "Сануков К. Н.", "Kim J."]
_TITLE_WORDS = ["Политбюро", "Сталин", "и", "НКВД", "30-е", "годы", ":", "«штаб»", "—", "Т", "С"]
_TITLE_SIGNS = ["", ".", ",", ";", " / ", " // ", "(", ")", " гг.", " т. е.", " 1937", "\n"]
_AFTER = [
    "",
    ".",
    ";",
    ")",
    ". С. 205–206",
    ". С.39.",
    ". — С. 5",
    ", с. 7",
    ". Т. 2",
    ". № 5",
    ". Вып. 9. С. 25",
    ". Списки использовались",
    " // Правда",
    " / под ред. И. И. Иванова",
    ". 5 марта",
    ". 1937",
    ". М., 1998",
]


@st.composite
def _gost_book(draw: st.DrawFn) -> str:
    """A book in the GOST manner, or something near it."""
    # mostly the shape of the fast path, else a near miss in one part or another
    names = draw(st.lists(st.sampled_from(_GOST_NAMES) | _author(), max_size=3))
    title = " ".join(draw(st.lists(st.sampled_from(_TITLE_WORDS), min_size=1, max_size=6)))
    title += draw(st.sampled_from(["", "", "", "", *_TITLE_SIGNS]))
    facts = draw(st.sampled_from([*_GOST_FIELDS[:3], "М.; Л., 1937", "Moscow, 1995", "М. 1996"]))
    sep = draw(st.sampled_from([". ", ". ", ". ", ". — ", " ", ".", ", "]))
    head = ", ".join(names) + (draw(st.sampled_from([" ", ". "])) if names else "")
    return head + title.capitalize() + sep + facts + draw(st.sampled_from(_AFTER))


@settings(max_examples=500, deadline=None)
@given(_gost_book())
def test_the_fast_path_reads_as_the_reader_on_generated_descriptions(text: str) -> None:
    answers: list[int] = []
    with _compared(answers):
        published.find(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(_gost_book() | _gost() | _piece, min_size=1, max_size=4))
def test_the_fast_path_reads_as_the_reader_in_generated_text(pieces: list[str]) -> None:
    answers: list[int] = []
    with _compared(answers):
        published.find(" ".join(pieces))


def test_the_generated_descriptions_take_the_fast_path_often() -> None:
    answers: list[int] = []

    @settings(max_examples=200, deadline=None, database=None, derandomize=True)
    @given(_gost_book())
    def read(text: str) -> None:
        with _compared(answers):
            published.find(text)

    read()
    assert len(answers) >= 30  # of 200 descriptions (about a quarter)


# --------------------------------------------------------------------------- a Chicago book at once

_CHICAGO_NAMES = [
    "",
    "William Stueck, ",
    "Bajanov, Evgueni, ",
    "Kathryn Weathersby and William Stueck, ",
    "A. B. Smith, ed., ",
    "Smith, ",
    "the author of ",
    "William Stueck ",
]
_CHICAGO_TITLES = [
    "*The Korean War*",
    "*The Korean War: An International History*",
    "**Cold War History**",
    "_Stalin's Letters_",
    "**",
    "*Foreign Relations of the United States, 1950*",
    "*A *B* C*",
    "*Title",
    '"The Korean War"',
]
_CHICAGO_FACTS = [
    " (Princeton, 1997)",
    " (Princeton: Princeton University Press, 2004)",
    " (New York: Norton, 1990)",
    "(Moscow, 1995 )",
    " (М.; Л., 1937)",
    " (Princeton: 1997)",
    " (1997)",
    " (Sino-Soviet Relations) (Beijing: Renmin, 2008)",
    " [Washington, D.C., 1950]",
    ", 1997",
]
_CHICAGO_AFTER = [
    "",
    ".",
    ". He argued",
    ".Then",
    ", and more",
    ", argues",
    ", 54",
    ", vol. 2",
    ", in",
    ", edited by A. B. Smith",
    ", trans. Gary Goldberg",
    "; ",
    ")",
    " (2nd ed.)",
    ", May 1950",
    ", ibid.",
    ",, and",
    " and",
    ": 54",
]


@st.composite
def _chicago_book(draw: st.DrawFn) -> str:
    """A book in italics with its publication facts in the Chicago manner, or near it
    (the first parts of each list, which the fast path reads, drawn more often)."""
    parts = ((_CHICAGO_NAMES, 3), (_CHICAGO_TITLES, 2), (_CHICAGO_FACTS, 3), (_CHICAGO_AFTER, 6))
    return "".join(draw(st.sampled_from([*part[:good] * 4, *part])) for part, good in parts)


@settings(max_examples=500, deadline=None)
@given(_chicago_book())
def test_the_chicago_fast_path_reads_as_the_reader_on_generated_books(text: str) -> None:
    answers: list[int] = []
    with _compared([], answers):
        published.find(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(_chicago_book() | _piece, min_size=1, max_size=4))
def test_the_chicago_fast_path_reads_as_the_reader_in_generated_text(pieces: list[str]) -> None:
    with _compared([], []):
        published.find(" ".join(pieces))


def test_the_generated_books_take_the_chicago_fast_path_often() -> None:
    answers: list[int] = []

    @settings(max_examples=200, deadline=None, database=None, derandomize=True)
    @given(_chicago_book())
    def read(text: str) -> None:
        with _compared([], answers):
            published.find(text)

    read()
    assert len(answers) >= 30  # of 200 books
