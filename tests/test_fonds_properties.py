"""Property tests: every formatted reference parses back; no input crashes the parser."""

from __future__ import annotations

import contextlib
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import archref
from archref import ArchivalReference, Folio, FolioRange, Level, Locator, ParseError
from archref.notations import fonds

ARCHIVES = list(archref.default_registry())

digits = st.from_regex(r"[0-9]{1,4}", fullmatch=True)
ident = st.one_of(
    digits,
    st.from_regex(r"0[0-9]{1,3}", fullmatch=True),  # leading zeros matter
    st.builds(lambda d, s: d + s, digits, st.sampled_from(["a", "b", "Б", "а"])),
    st.builds(lambda p, d: f"{p}-{d}", st.sampled_from(["R", "Р", "PA"]), digits),
)
leaf_number = st.one_of(
    st.integers(1, 2000).map(str), st.builds(lambda n: f"{n}a", st.integers(1, 500))
)


@st.composite
def folio_ranges(draw: st.DrawFn) -> FolioRange:
    first = Folio(draw(leaf_number), verso=draw(st.booleans()))
    if not draw(st.booleans()):
        return FolioRange(first)
    start = first.numeric or 1
    end = Folio(str(draw(st.integers(start + 1, start + 400))), verso=draw(st.booleans()))
    return FolioRange(first, end)


@st.composite
def references(draw: st.DrawFn) -> ArchivalReference:
    levels = [Level("fond", draw(ident))]
    if draw(st.booleans()):
        levels.append(Level("opis", draw(ident)))
    papka = Level("papka", draw(digits)) if draw(st.booleans()) else None
    if papka is not None and draw(st.booleans()):
        levels.append(papka)
        papka = None
    levels.append(Level("delo", draw(ident)))
    if papka is not None:
        levels.append(papka)  # papka after delo, as AVPRF notes often have it
    if draw(st.booleans()):
        levels.append(Level("tom", draw(digits)))
    folios = None
    if draw(st.booleans()):
        ranges = draw(st.lists(folio_ranges(), min_size=1, max_size=3))
        folios = Locator(tuple(ranges), draw(st.sampled_from(["leaf", "page"])))
    archive = draw(st.sampled_from([*ARCHIVES, None]))
    return ArchivalReference(archive=archive, levels=tuple(levels), folios=folios)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(references(), st.sampled_from(fonds.STYLES))
def test_parse_of_format_is_identity(ref: ArchivalReference, style: str) -> None:
    text = ref.format(style)
    again = archref.parse(text)
    assert again == ref, text
    # and the canonical string is a fixed point
    assert archref.parse(str(again)).format(style) == text


alphabet = st.sampled_from(
    [
        *list("fopdlLФОДЛлтТ.,;:-–— ()'0123456789abcdefghijklmnopqrstuvwxyzабвгдежз\xa0"),
        "f. ",
        "op. ",
        "d. ",
        "ll. ",
        "Ф.",
        "Оп.",
        "Д.",
        "Л.",
        "ob.",
        "об.",
        "RGASPI",
        "Ibid.",
    ]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(alphabet, max_size=40).map("".join))
def test_parse_never_raises_anything_but_parse_error(text: str) -> None:
    try:
        ref = archref.parse(text)
    except ParseError as exc:
        assert 0 <= exc.start <= exc.end <= len(text)
        assert exc.message
    else:
        assert ref.levels


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_parse_never_crashes_on_arbitrary_unicode(text: str) -> None:
    with contextlib.suppress(ParseError):
        archref.parse(text)


PATHOLOGICAL = [
    "1" * 100_000,
    "." * 100_000,
    "," * 100_000,
    "f. " * 30_000,
    "f. 1, " * 20_000,
    "RGASPI, f. 558, op. 11, d. 62, ll. " + "1-2, " * 20_000,
    "1." * 50_000,
    "(" * 50_000,
    "(" + "a" * 100_000,
    "Ж" * 100_000,
    "Ф. " * 30_000 + "1",
    "RGASPI " + "558." * 25_000,
]


@pytest.mark.parametrize("text", PATHOLOGICAL, ids=lambda t: f"{t[:12]!r}x{len(t)}")
def test_pathological_input_finishes_quickly(text: str) -> None:
    started = time.perf_counter()
    with contextlib.suppress(ParseError):
        archref.parse(text)
    # a generous bound that only catches super-linear behaviour, not a benchmark
    assert time.perf_counter() - started < 5.0
