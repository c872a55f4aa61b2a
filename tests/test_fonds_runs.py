"""The fast path for runs of plain references reads what the scanner reads, or declines.

``fonds_runs.find_runs`` cuts a window into plain references (each read by
``fonds.fast_find``) and the words between them. Whenever it answers, its
matches must equal, field by field, those of ``fonds.Scanner`` over the
whole window, and the window must hold no "ibid." marker: runs of the
handled shapes and of near misses are generated, with words between them
that the scanner passes over and words it does not (labels, "Там же", the
beginnings of archives' names, verso marks, leaves, titles in parentheses).
"""

from __future__ import annotations

from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import archref
from archref.notations import fonds, fonds_runs
from golden_support import plain
from test_fonds_fast import handled, mostly, near_misses, same_as_scanner

#: Words between references: most are prose the scanner passes over; the others
#: are what could begin a reference, an "ibid." or a name, or continue the
#: reference before them.
between = mostly(
    st.sampled_from(
        [
            *[" ", "; ", ". ", " See ", "; see also ", ". Cf. ", " and ", ", and "],
            *[". См. ", "; см. также ", " и ", ". Letter of 5 May 1950, in "],
            *[". Quoted in ", " Seeley ", ". Siehe "],
        ]
    ),
    st.sampled_from(
        [
            *["; d. 5, l. 6; ", ". Ibid. ", ". Там же. Л. 5. ", " ob. ", " об. ", ", 7 "],
            *[" (copy) ", "; Оп. 8. Д. 4. ", ", l. 8; ", "", ",", " Russian State ", " f. 5 "],
            *["; Seeley G. Mudd ", " Ф. ", " 558.11.492 ", ". Ebd. ", " — ", " (", ") "],
            *["\n", " Central State Archive, ", " Личный архив автора. Д. 5. "],
        ]
    ),
)


@st.composite
def runs(draw: st.DrawFn, reference: st.SearchStrategy[str]) -> str:
    """Two to six references with words between and around them."""
    text = draw(between).lstrip(";.,")
    for _ in range(draw(st.integers(2, 6))):
        text += draw(reference) + draw(between)
    return text


def _same_as_scanner(text: str) -> bool:
    """Compare the fast path of runs with the scanner; True when the fast path answered."""
    return same_as_scanner(text, fonds_runs.find_runs)


UNIT = "See RGASPI, f. 558, op. 11, d. 62, ll. 71-72; TsKhSD, f. 5, op. 28, d. 103, l. 2. "

EXAMPLES = [
    (UNIT * 3, True),
    ("РГАСПИ. Ф. 17. Оп. 162. Д. 7. Л. 99; ЦА ФСБ. Ф.3. Оп.5. Д.1410. Л.212.", True),
    ("См.: РГАСПИ. Ф.17. Оп.171. Д.409. Л.1. Там же. Л. 5.", False),  # an "ibid."
    ("RGASPI, f. 17, op. 162, d. 7, l. 5; d. 8, l. 9.", False),  # a chain
    ("RGASPI, f. 17, op. 162, d. 7, l. 5 ob. See GARF, f. 5, op. 1, d. 2.", False),  # a verso
    ("RGASPI, f. 17, op. 162, d. 7 (Secret). GARF, f. 5, op. 1, d. 2.", False),  # a title
    ("RGASPI, f. 17, op. 162, d. 7, l. 5 and GARF, f. 5, op. 1, d. 2.", False),  # no stop
    ("Seeley RGASPI, f. 17, op. 162, d. 7. GARF, f. 5, op. 1, d. 2.", True),
    ("Russian State Archive RGASPI, f. 17, op. 162, d. 7. GARF, f. 5.", True),  # no name
]


@pytest.mark.parametrize(("text", "answered"), EXAMPLES)
def test_examples(text: str, answered: bool) -> None:
    assert _same_as_scanner(text) == answered


@settings(max_examples=1500, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(runs(st.one_of(handled(), near_misses())))
def test_runs_are_read_only_as_the_scanner_reads_them(text: str) -> None:
    _same_as_scanner(text)


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(runs(handled()))
def test_runs_of_handled_shapes_are_compared(text: str) -> None:
    _same_as_scanner(text)


def test_runs_of_plain_references_are_read_often() -> None:
    """The generated runs reach the fast path: the comparison above is not empty."""
    answered = 0

    @settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
    @given(runs(handled()))
    def count(text: str) -> None:
        nonlocal answered
        answered += _same_as_scanner(text)

    count()
    assert answered >= 30, answered


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(runs(st.one_of(handled(), near_misses())))
def test_extract_is_the_same_with_and_without_the_fast_paths(text: str) -> None:
    with_fast = [plain(c) for c in archref.extract(text)]
    with (
        mock.patch.object(fonds, "fast_find", return_value=None),
        mock.patch.object(fonds_runs, "find_runs", return_value=None),
    ):
        without = [plain(c) for c in archref.extract(text)]
    assert with_fast == without, text
