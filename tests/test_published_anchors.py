"""The anchors of published works: sound on real and generated references, tight on prose.

Every publication or credit that ``published.find`` finds in a text must hold
an anchor of the published family (:func:`archref.scan.anchors`) and lie
within the family's reach of it, or the scanner would hide it from the
finder. The anchors are derived from the readers in the docstring of
:mod:`archref.notations.published.anchors`; these tests check the derivation
on a few hundred real references and on generated publication-like text.
"""

from __future__ import annotations

import ast
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archref import scan as scanning
from archref.notations import published
from archref.notations.published import CreditMatch, PublishedMatch
from archref.notations.published.anchors import ANCHOR, anchor_patterns, anchors
from golden_support import cases

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
PACKAGE = ROOT / "src" / "archref" / "notations" / "published"


def _family() -> scanning.Family:
    (family,) = [f for f in scanning.families() if f.name == "published"]
    return family


def _unanchored(text: str, engine: str | None = None) -> list[str]:
    """The publications and credits ``find`` returns that hold no published anchor in reach."""
    family = _family()
    spans = [(a, b) for name, a, b in scanning.anchors(text, engine=engine) if name == "published"]
    out = []
    for m in published.find(text):
        if not any(
            a < m.end and m.start < b and a - family.before <= m.start and m.end <= b + family.after
            for a, b in spans
        ):
            out.append(text[m.start : m.end])
    return out


# --------------------------------------------------------------------------- one source


def test_the_scanner_reads_the_anchors_of_the_package() -> None:
    assert _family().anchors == anchor_patterns()
    spelt = scanning.family_patterns("re")["published"].pattern
    assert spelt == ANCHOR.pattern


@pytest.mark.parametrize("engine", ["re", "re2"])
def test_every_anchor_compiles_in_both_engines(engine: str) -> None:
    module = re if engine == "re" else pytest.importorskip("re2")
    for pattern in anchor_patterns():
        for backref in (r"\1", "(?=", "(?!", "(?<"):
            assert backref not in pattern
        module.compile(scanning.family_patterns(engine)["published"].pattern)


# --------------------------------------------------------------------------- real references


def _strings(source: str) -> Iterator[str]:
    """The string constants of Python source (implicit concatenations joined)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) > 8:
            yield node.value


def _doctest_strings(text: str) -> Iterator[str]:
    """The string constants of the ``>>>`` statements in ``text`` (a page or a docstring)."""
    statement: list[str] = []
    for line in [*text.splitlines(), ""]:
        stripped = line.strip()
        if stripped.startswith("... ") or stripped == "...":
            statement.append(stripped[4:])
            continue
        if statement:
            yield from _strings("\n".join(statement))
            statement = []
        if stripped.startswith(">>> "):
            statement = [stripped[4:]]


def _real_texts() -> list[str]:
    texts = [
        json.loads(line)["text"]
        for line in (DATA / "footnotes.jsonl").read_text("utf-8").splitlines()
        if line.strip()
    ]
    texts += [p.read_text("utf-8") for p in sorted(DATA.glob("seed_*.txt"))]
    for case in cases():  # the inputs of the golden file
        texts += case["notes"] if case["mode"] == "notes" else [case["text"]]
    texts += list(_doctest_strings((ROOT / "docs" / "published-sources.md").read_text("utf-8")))
    for module in sorted(PACKAGE.glob("*.py")):
        texts += list(_doctest_strings(module.read_text("utf-8")))
    for test in ("test_published.py", "test_published_bounds.py", "test_seeds.py"):
        path = ROOT / "tests" / test
        if path.exists():
            texts += list(_strings(path.read_text("utf-8")))
    return texts


def test_every_real_reference_holds_an_anchor() -> None:
    """Each publication of the corpus, the seeds, the golden file, the documentation and the tests,
    found in its whole text and read on its own, holds an anchor within reach."""
    found = 0
    for text in _real_texts():
        assert _unanchored(text) == [], text[:200]
        for m in published.find(text):
            found += isinstance(m, PublishedMatch)
            alone = text[m.start : m.end]
            assert _unanchored(alone) == [], alone
    assert found >= 300


def test_both_engines_find_the_same_anchors_in_real_references() -> None:
    for text in _real_texts():
        assert scanning.anchors(text, engine="re") == scanning.anchors(text, engine="re2")


# --------------------------------------------------------------------------- generated text

_FAMILY = ["Bajanov", "Weathersby", "Хлевнюк", "Mastny", "Ledovskii", "Stueck", "Иванов", "Kim"]
_GIVEN = ["Evgueni", "Kathryn", "William", "Vojtech", "Andrei", "Donggil"]
_INITIALS = ["О. В.", "И. И.", "A.", "J.", "Yu. V.", "В."]
_WORDS = [
    "war",
    "Korean",
    "Politics",
    "the",
    "of",
    "Stalin",
    "Mao",
    "and",
    "Война",
    "политбюро",
    "in",
    "history",
    "Cold",
    "1950-1953",
    "New",
    "Evidence",
    "may",
    "no",
    "vol",
]
_PLACES = ["М.", "Л.", "СПб.", "Moscow", "Princeton", "New York", "М.; Л.", "Washington, D.C.", "Х"]
_PUBLISHERS = ["Наука", "РОССПЭН", "Princeton University Press", "«Наука»", "Progress", "Изд-во 2"]
_JOURNALS = [
    "Вопросы истории",
    "Cold War International History Project Bulletin",
    "Journal of Modern European History",
    "*Novaya i noveishaya istoriia*",
    "Правда",
    "Sovremennoe slovo",
    "Diplomatic History",
]
_SERIES = [
    "Foreign Relations of the United States",
    "Documents on British Policy Overseas",
    "Документы внешней политики СССР",
    "Лубянка. Сталин и",
]
_QUOTES = [('"', '"'), ("“", "”"), ("«", "»"), ("„", "“"), ("‟", "”"), ('"', "”")]
_MONTHS = ["April", "марта", "June", "Winter", "September-October", "мая", "août", "Fall"]
_LABELS = ["No.", "no.", "№", "#", "Вып.", "vol.", "Vol.", "т.", "Т.", "pp.", "С.", "p.", "doc."]
_SEPARATORS = [". ", ", ", "; ", " ", ": ", "\n", " // ", " / ", ". — ", ",", ".", "", "\n\n"]
_PROSE = [
    "The delegates met again in August 1950",
    "he said",
    "In 1950, the war began",
    "on 25 June 1950",
    "See also",
    "Published in:",
    "Цит. по:",
    "Ibid.",
    "RGASPI, f. 558, op. 11, d. 62, l. 7",
    "Translated for NKIDP by Gary Goldberg",
    "Contributed by Sergey Radchenko and translated by Gary Goldberg",
    "Obtained by Dr. John Kotch",
    "Edited by A. B. Smith",
    "Working Paper No. 8",
    "[Source: ",
    "]",
    "(",
    ")",
    "*",
]

_year = st.integers(1490, 2110).map(str) | st.sampled_from(["1995/1996", "1936—1938 гг.", "2012"])
_number = st.integers(1, 999).map(str) | st.sampled_from(["6/7", "3–4", "VI", "xii", "12a", "IV"])
_pages = st.sampled_from(["54", "79-113", "250–51", "5, 7–9", "xii", "205–206"])


@st.composite
def _author(draw: st.DrawFn) -> str:
    family, given, initials = (
        draw(st.sampled_from(_FAMILY)),
        draw(st.sampled_from(_GIVEN)),
        draw(st.sampled_from(_INITIALS)),
    )
    forms = [f"{family}, {given}", f"{given} {family}", f"{family} {initials}"]
    return draw(st.sampled_from([*forms, f"{initials} {family}"]))


@st.composite
def _title(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6))
    words[0] = words[0].capitalize()
    title = " ".join(words)
    kind = draw(st.sampled_from(["quoted", "italic", "plain", "series"]))
    if kind == "series":
        return draw(st.sampled_from(_SERIES)) + draw(st.sampled_from(["", ", 1950", " 1945"]))
    if kind == "italic":
        return f"*{title}*"
    if kind == "quoted":
        opening, closing = draw(st.sampled_from(_QUOTES))
        inner = draw(st.sampled_from(["", ",", ".", "?"]))
        return f"{opening}{title}{inner}{closing}"
    return title


@st.composite
def _field(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 11))
    year = draw(_year)
    if kind == 0:  # publication facts
        place = draw(st.sampled_from(_PLACES))
        if draw(st.booleans()):
            place += ": " + draw(st.sampled_from(_PUBLISHERS))
        facts = f"{place}, {year}"
        return f"({facts})" if draw(st.booleans()) else facts
    if kind == 1:
        return f"{draw(st.sampled_from(_LABELS))} {draw(_number)}"
    if kind == 2:
        return f"{draw(st.sampled_from(_MONTHS))} {year}"
    if kind == 3:
        return f"({draw(st.sampled_from(_MONTHS))} {year})"
    if kind == 4:
        return f"{draw(st.integers(1, 31))} {draw(st.sampled_from(_MONTHS))}"
    if kind == 5:
        return f": {draw(_pages)}"
    if kind == 6:
        return f"// {draw(st.sampled_from(_JOURNALS))}"
    if kind == 7:
        return f"in {draw(st.sampled_from(_JOURNALS))}"
    if kind == 8:
        return draw(st.sampled_from(_JOURNALS))
    if kind == 9:
        return (
            draw(st.sampled_from(["edited by", "translated by", "ed.", "trans."]))
            + " "
            + draw(_author())
        )
    if kind == 10:
        return draw(_number)
    return year


@st.composite
def _reference(draw: st.DrawFn) -> str:
    parts: list[str] = []
    if draw(st.booleans()):
        parts.append(draw(_author()))
    parts.append(draw(_title()))
    parts += draw(st.lists(_field(), max_size=6))
    seps = draw(st.lists(st.sampled_from(_SEPARATORS), min_size=len(parts), max_size=len(parts)))
    return "".join(p + s for p, s in zip(parts, seps, strict=True))


_CHICAGO_FIELDS = [
    "5",
    "no. 2",
    "No. 6/7",
    "pp. 250–51",
    "p. xii",
    "doc. 3",
    "vol. VII",
    "VI",
    "(2007)",
    "(Winter 1995/1996)",
    "(September-October 2005)",
    "April 6, 1912",
    "1950",
    ": 54",
    "79-113",
    "edited by William Stueck",
    "trans. Gary Goldberg",
    "(Princeton: Princeton University Press, 1997)",
    "(Moscow, 1995)",
    "Working Paper No. 8",
    "Cold War History",
    "in *The Cold War*",
]
_GOST_FIELDS = [
    "М., 1996",
    "М.: Наука, 2010",
    "СПб.; М.: РОССПЭН, 2001",
    "2012",
    "1937 г.",
    "№ 5",
    "Вып. 9",
    "Т. 2",
    "С. 205–206",
    "5 марта",
    "/ под ред. И. И. Иванова",
    "// Вопросы истории",
    "// Правда",
]


@st.composite
def _chicago(draw: st.DrawFn) -> str:
    """A note in the Chicago manner: its fields in any order, with any separators."""
    head = draw(_author()) + ", " if draw(st.booleans()) else ""
    opening, closing = draw(st.sampled_from(_QUOTES))
    title = " ".join(draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4))).capitalize()
    text = head + opening + title + draw(st.sampled_from([",", "", "."])) + closing + " "
    text += draw(st.sampled_from([*_JOURNALS, "in *A Book*", "in A Book", ""]))
    for field in draw(st.lists(st.sampled_from(_CHICAGO_FIELDS), max_size=5)):
        text += draw(st.sampled_from([", ", " ", ": ", ". ", ","])) + field
    return text + draw(st.sampled_from(["", ".", ";"]))


@st.composite
def _gost(draw: st.DrawFn) -> str:
    """A description in the GOST manner: its fields in any order, with any separators."""
    title = " ".join(draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4))).capitalize()
    text = draw(_author()) + " " + title
    for field in draw(st.lists(st.sampled_from(_GOST_FIELDS), min_size=1, max_size=5)):
        text += draw(st.sampled_from([". ", ". — ", " ", ", "])) + field
    return text + draw(st.sampled_from(["", ".", ";"]))


_piece = (
    _reference()
    | _chicago()
    | _gost()
    | st.sampled_from(_PROSE)
    | _field()
    | st.sampled_from(_SEPARATORS)
    | st.text(alphabet=st.sampled_from(list(' .,;:()[]"“”«»/*_-–0123456789IVXnoМ№#\n')), max_size=8)
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_piece, min_size=1, max_size=8))
def test_generated_text_holds_an_anchor_at_each_publication(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert _unanchored(text) == []


@settings(max_examples=600, deadline=None)
@given(_chicago() | _gost())
def test_generated_references_hold_an_anchor(text: str) -> None:
    assert _unanchored(text) == []


@settings(max_examples=150, deadline=None)
@given(st.lists(_piece, min_size=1, max_size=8))
def test_generated_text_gives_the_same_anchors_in_both_engines(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert scanning.anchors(text, engine="re") == scanning.anchors(text, engine="re2")
    assert _unanchored(text, engine="re") == []


@pytest.mark.parametrize(
    "text",
    [
        "Хлевнюк О. В. Политбюро. М., 1996. С. 205–206",
        "Сануков К. Н. Расправа // Марийский юридический вестник. 2012. Вып. 9. С. 25.",
        "Вопросы истории. 1994. № 5. С. 3.",
        "Правда. 1937. 5 марта.",
        'Bajanov, Evgueni, "Assessing the Politics," Cold War International History Project '
        "Bulletin, No. 6/7 (Winter 1995/1996): 54",
        "William Stueck, The Korean War: An International History (Princeton, 1997)",
        '"Title," in *Book*, ed. A. Smith (New York: Norton, 1990), 5.',
        "Pavel Ivanov, “A. S. Prokhanov,” Sovremennoe slovo (April 6, 1912).",
        "Foreign Relations of the United States, 1950, vol. VII",
        "Kathryn Weathersby, *Soviet Aims in Korea*, Working Paper No. 8",
        "*Cold War History* (Winter 1995), VI.",
        "Translated for NKIDP by Gary Goldberg.",
    ],
)
def test_each_kind_of_reading_is_found_and_anchored(text: str) -> None:
    assert published.find(text)
    assert _unanchored(text) == []


# --------------------------------------------------------------------------- tight on prose


@pytest.mark.parametrize(
    "prose",
    [
        "The delegates met in August 1950, and again on 25 June 1951.",
        'He said: "We shall see," and they left for Moscow in 1950.',
        "“We view the issue,” he wrote, “with some concern.”",
        "В 1950 году, 25 июня, началась война. «Мы посмотрим», — сказал он.",
        "In the years 1948, 1949 and 1950 the archives were closed.",
    ],
)
def test_years_and_quotations_in_prose_are_no_anchor(prose: str) -> None:
    assert anchors(prose) == []
    assert [f for f, _, _ in scanning.anchors(prose) if f == "published"] == []


def test_a_quotation_then_a_sentence_with_a_number_is_read_as_an_article() -> None:
    # the reader's own looseness, so an anchor: the sentence is taken for a journal
    text = 'He said: "We shall see." Then they left for Moscow in 1950.'
    (m,) = published.find(text)
    assert isinstance(m, PublishedMatch)
    assert (m.work.kind, m.work.container_title) == ("article", "Then they left for Moscow in")
    assert anchors(text) != []


def test_english_prose_reaches_the_published_finder_only_where_notes_are() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import texts
    finally:
        sys.path.remove(str(ROOT / "bench"))
    text = texts.english_prose(300_000)
    windows = scanning.scan(text).windows.get("published", [])
    chars = sum(b - a for a, b in windows)
    assert chars < 0.15 * len(text)  # 55% with a year or a quotation mark as anchors
    holding = sum(1 for a, b in windows if published.find(text[a:b]))
    assert holding >= 0.5 * len(windows)


# --------------------------------------------------------------------------- the readers


def test_a_number_before_the_year_is_no_publisher() -> None:
    # the anchor of publication facts wants no digit before ", Year"
    assert published.find("Иванов И. И. Война. М.: Изд-во 2, 1996.") == []
    assert published.find("Иванов И. И. Война. М.: Наука, 1996.") != []


def test_the_day_of_a_newspaper_follows_its_year() -> None:
    (m,) = published.find("Правда. 1937. 5 марта.")
    assert isinstance(m, PublishedMatch)
    assert (m.work.kind, m.work.date.day if m.work.date else None) == ("newspaper", 5)
    assert published.find("Правда. 1937. С. 5. 5 марта.") == []


def test_numbers_are_ascii_digits() -> None:
    assert published.find("Иванов И. И. Война. М., ١٩٩٦.") == []
    (m,) = published.find("Иванов И. И. Война. М., 1996.")
    assert not isinstance(m, CreditMatch)
    assert m.work.year == 1996
