"""Property tests: every formatted reference parses back; no input crashes the parser."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import archref
from archref import ArchivalReference, Folio, FolioRange, Level, Locator, ParseError
from archref.notations import fonds
from work import Repeated, assert_linear

# fond-family references are written for archives cited in the fond family
ARCHIVES = [a for a in archref.default_registry() if a.notation == "fonds"]

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


#: Inputs built to make the parser backtrack or loop, at the size the old timed test read.
PATHOLOGICAL = [
    Repeated("1", 100_000),
    Repeated(".", 100_000),
    Repeated(",", 100_000),
    Repeated("f. ", 30_000),
    Repeated("f. 1, ", 20_000),
    Repeated("1-2, ", 20_000, head="RGASPI, f. 558, op. 11, d. 62, ll. "),
    Repeated("1.", 50_000),
    Repeated("(", 50_000),
    Repeated("a", 100_000, head="("),
    Repeated("Ж", 100_000),
    Repeated("Ф. ", 30_000, tail="1"),
    Repeated("558.", 25_000, head="RGASPI "),
]


def _parsed(text: str) -> ArchivalReference | None:
    with contextlib.suppress(ParseError):
        return archref.parse(text)
    return None


@pytest.mark.parametrize("make", PATHOLOGICAL, ids=[m.label() for m in PATHOLOGICAL])
def test_pathological_input_finishes_quickly(make: Repeated) -> None:
    # work counted, not timed: ten times the input makes at most ~ten times the calls
    counted = assert_linear(_parsed, make, make.times // 10)
    # the input parses at both sizes or at neither
    assert (counted.result_n is None) == (counted.result_10n is None)
