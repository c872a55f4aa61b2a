"""A level of a kind a reference already holds starts the next reference.

"RGASPI, f. 1, op. 2, f. 3, op. 4, d. 5" names two fonds: it is two references, the second
a link of a chain that takes the archive from the first, as after a semicolon. A run of
levels is so read once, whatever its length: the scanner no longer reads the whole run
again from every label in it (a run of "f. 1, " cost work growing with its square; the
work is counted in tests/test_work_bounds.py).
"""

from __future__ import annotations

import pytest

import archref
from archref import ParseError
from archref.notations import fonds

#: From the project's collected footnotes (tests/data/footnotes.jsonl; genealogy site
#: data): a chain whose third link names a new fond after a semicolon.
GAOO = "ГАОО. Ф. 235. Оп. 7. Д. 42; Оп. 8. Д. 4794; Ф. 1120. Оп. 1. Д. 21. Т. 1"


def found(text: str) -> list[tuple[str, str, str]]:
    return [(c.form, c.text, str(c.reference)) for c in archref.extract(text)]


def test_the_sample_chain_keeps_its_reading() -> None:
    assert found(GAOO) == [
        ("full", "ГАОО. Ф. 235. Оп. 7. Д. 42", "GAOO, f. 235, op. 7, d. 42"),
        ("chain", "Оп. 8. Д. 4794", "GAOO, f. 235, op. 8, d. 4794"),
        ("chain", "Ф. 1120. Оп. 1. Д. 21. Т. 1", "GAOO, f. 1120, op. 1, d. 21, t. 1"),
    ]
    assert [str(r) for r in fonds.parse_chain(GAOO)] == [c[2] for c in found(GAOO)]


@pytest.mark.parametrize(
    "text",
    [
        "RGASPI, f. 1, op. 2, f. 3, op. 4, d. 5",
        "See RGASPI, f. 1, op. 2, f. 3, op. 4, d. 5.",
        "RGASPI, f. 1, op. 2; f. 3, op. 4, d. 5",
    ],
)
def test_a_second_fond_starts_a_link_of_the_chain(text: str) -> None:
    assert found(text) == [
        ("full", "RGASPI, f. 1, op. 2", "RGASPI, f. 1, op. 2"),
        ("chain", "f. 3, op. 4, d. 5", "RGASPI, f. 3, op. 4, d. 5"),
    ]


def test_a_repeated_level_in_the_gost_style() -> None:
    assert found("ГАРФ. Ф. 1. Оп. 2. Ф. 3. Оп. 4. Д. 5") == [
        ("full", "ГАРФ. Ф. 1. Оп. 2", "GARF, f. 1, op. 2"),
        ("chain", "Ф. 3. Оп. 4. Д. 5", "GARF, f. 3, op. 4, d. 5"),
    ]


def test_parse_takes_one_reference_and_parse_chain_both() -> None:
    text = "RGASPI, f. 1, op. 2, f. 3, op. 4, d. 5"
    with pytest.raises(ParseError, match="several references"):
        archref.parse(text)
    assert [str(r) for r in fonds.parse_chain(text)] == [
        "RGASPI, f. 1, op. 2",
        "RGASPI, f. 3, op. 4, d. 5",
    ]


def test_the_fast_path_leaves_a_repeated_level_to_the_scanner() -> None:
    text = "RGASPI, f. 1, op. 2, f. 3, op. 4, d. 5"
    assert fonds.fast_find(text) is None
    assert len(fonds.Scanner(text).find()) == 2


def test_without_an_archive_a_lone_fond_before_another_is_no_reference() -> None:
    # a fond alone is no reference without an archive's name; the next one is
    assert found("f. 1, f. 1, f. 2, op. 3, d. 4") == [
        ("full", "f. 2, op. 3, d. 4", "f. 2, op. 3, d. 4"),
    ]
    assert found("f. 1, " * 50) == []


def test_a_reference_holds_at_most_max_levels() -> None:
    # named sections may follow one another; a run of them is cut
    (citation,) = archref.extract("RGASPI, f. 1, " + "AB, " * 40 + "op. 2")
    assert len(citation.reference.levels) == fonds.MAX_LEVELS
