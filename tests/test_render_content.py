"""Content that stock citeproc-py corrupts, and malformed items, through archref.render.

The expected strings are citeproc-js's output for the same items and styles
(checked with the pinned citeproc-js of ``bench/oracle``), except where a
test says otherwise.
"""

from __future__ import annotations

from typing import Any

import pytest

from archref.formats import render
from archref.formats.citeproc_fixes import page_range_end

# Ledovskii's article (Novaia i noveishaia istoriia 2005, no. 5, pp. 79-113),
# with the page ranges of the CSL 1.0.2 specification's examples
# (appendix "Page Range Formats") and those reported as corrupted in MHRA
# and MLA: "1-68" printed "1–8", "9-10" printed "9–0".
PAGES = ["1-68", "9-10", "42-45", "321-328", "2787-2816", "101-108", "321-28", "1002-6", "110-15"]


def _article(page: str) -> dict[str, Any]:
    return {
        "id": f"Ledovskii-{page}",
        "type": "article-journal",
        "author": [{"family": "Ledovskii", "given": "Andrei"}],
        "title": "Stalin, Mao Tsedunh i Koreiskaia voina 1950-1953 godov",
        "language": "ru",
        "container-title": "Novaia i noveishaia istoriia",
        "issue": "5",
        "issued": {"date-parts": [[2005]]},
        "page": page,
    }


def _pages(style: str) -> list[str]:
    items = [_article(page) for page in PAGES]
    notes = render(items, style, kind="notes")
    return [note.rsplit(" ", 1)[-1].rstrip(".") for note in notes]


def test_minimal_two_keeps_two_digits_and_never_drops_a_changed_one() -> None:
    # MHRA's page-range-format is minimal-two
    assert _pages("mhra-notes") == [
        "1–68",
        "9–10",
        "42–45",
        "321–28",
        "2787–816",
        "101–08",
        "321–28",
        "1002–06",
        "110–15",
    ]


def test_mla_bibliography_pages_minimal_two() -> None:
    entries = render([_article("1-68"), _article("9-10")], "mla")
    assert [entry.rsplit(", ", 1)[-1] for entry in entries] == ["pp. 1–68.", "pp. 9–10."]


def test_chicago_16_page_ranges() -> None:
    assert _pages("chicago-notes-bibliography") == [
        "1–68",
        "9–10",
        "42–45",
        "321–28",
        "2787–816",
        "101–8",
        "321–28",
        "1002–6",
        "110–15",
    ]


@pytest.mark.parametrize(
    ("range_format", "expected"),
    [
        # the specification's examples: 42–45, 321–328, 2787–2816
        ("expanded", ["45", "328", "2816"]),
        ("minimal", ["5", "8", "816"]),
        ("minimal-two", ["45", "28", "816"]),
        ("chicago-16", ["45", "28", "816"]),
        ("chicago-15", ["45", "28", "2816"]),
        ("chicago", ["45", "28", "2816"]),
    ],
)
def test_page_range_formats_of_the_specification(range_format: str, expected: list[str]) -> None:
    got = [
        page_range_end(a, b, range_format)
        for a, b in (("42", "45"), ("321", "328"), ("2787", "2816"))
    ]
    assert got == expected


def test_page_ranges_left_as_given() -> None:
    assert page_range_end("110", "5", None) == "5"  # no page-range-format
    assert page_range_end("45", "40", "minimal") == "40"  # end before start
    assert page_range_end("xi", "xv", "minimal") == "xv"
    assert page_range_end("1", "9" * 5000, "minimal") == "9" * 5000


# A journal issue dated March to June of one year: its year belongs in
# author-date citations ("(Prior)" was printed for Prior 1985).
PRIOR: dict[str, Any] = {
    "id": "Prior1985",
    "type": "article-journal",
    "author": [{"family": "Prior", "given": "Moody"}],
    "title": "Dating",
    "container-title": "J",
    "issued": {"date-parts": [[1985, 3], [1985, 6]]},
}


@pytest.mark.parametrize(
    ("style", "expected"),
    [("chicago-author-date", "(Prior 1985)"), ("apa", "(Prior, 1985)")],
)
def test_date_range_within_one_year_keeps_its_year(style: str, expected: str) -> None:
    assert render([PRIOR], style, kind="notes") == [expected]


def test_date_range_within_one_year_in_bibliographies() -> None:
    assert render([PRIOR], "apa") == ["Prior, M. (1985). Dating. J."]
    assert render([PRIOR], "chicago-author-date") == [
        "Prior, Moody. 1985. “Dating.” J, March–June."
    ]
    assert render([PRIOR], "chicago") == ["Prior, Moody. “Dating.” J, March–June 1985."]


def test_day_range_within_one_month() -> None:
    item = dict(PRIOR, type="book", issued={"date-parts": [[1985, 3, 1], [1985, 3, 6]]})
    del item["container-title"]
    assert render([item], "chicago", kind="notes") == ["Moody Prior, Dating (1985)."]
    assert render([item], "mla") == ["Prior, Moody. Dating. 1985."]


# Isabelle Ferreras, Julie Battilana and Dominique Méda, eds., Democratize
# Work: The Case for Reorganizing the Economy, trans. Miranda Richmond
# Mouillot (University of Chicago Press, 2022), as in the press's catalogue
# (press.uchicago.edu, ISBN 978-0-226-81975-4): edited and translated, no author.
DEMOCRATIZE: dict[str, Any] = {
    "id": "Ferreras2022",
    "type": "book",
    "editor": [
        {"family": "Ferreras", "given": "Isabelle"},
        {"family": "Battilana", "given": "Julie"},
        {"family": "Méda", "given": "Dominique"},
    ],
    "translator": [{"family": "Richmond Mouillot", "given": "Miranda"}],
    "title": "Democratize Work: The Case for Reorganizing the Economy",
    "publisher": "University of Chicago Press",
    "publisher-place": "Chicago",
    "issued": {"date-parts": [[2022]]},
}


@pytest.mark.parametrize(
    ("style", "kind", "expected"),
    [
        (
            "chicago",
            "bibliography",
            "Ferreras, Isabelle, Julie Battilana, and Dominique Méda, eds. Democratize Work: The"
            " Case for Reorganizing the Economy. Translated by Miranda Richmond Mouillot."
            " University of Chicago Press, 2022.",
        ),
        (
            "chicago",
            "notes",
            "Isabelle Ferreras et al., eds., Democratize Work: The Case for Reorganizing the"
            " Economy, trans. Miranda Richmond Mouillot (University of Chicago Press, 2022).",
        ),
        (
            "chicago-author-date",
            "bibliography",
            "Ferreras, Isabelle, Julie Battilana, and Dominique Méda, eds. 2022. Democratize"
            " Work: The Case for Reorganizing the Economy. Translated by Miranda Richmond"
            " Mouillot. University of Chicago Press.",
        ),
        ("chicago-author-date", "notes", "(Ferreras et al. 2022)"),
        (
            "mhra",
            "bibliography",
            "Ferreras, Isabelle, Julie Battilana, and Dominique Méda (eds), Democratize Work:"
            " The Case for Reorganizing the Economy, trans. by Miranda Richmond Mouillot"
            " (University of Chicago Press, 2022)",
        ),
    ],
)
def test_editors_and_translator_without_author(style: str, kind: str, expected: str) -> None:
    assert render([DEMOCRATIZE], style, kind=kind) == [expected]  # type: ignore[arg-type]


def _volume(volume: str) -> dict[str, Any]:
    return {
        "id": "FRUS1950v7",
        "type": "book",
        "editor": [{"family": "Glennon", "given": "John P."}],
        "title": "Foreign Relations of the United States, 1950",
        "volume": volume,
        "issued": {"date-parts": [[1976]]},
    }


def test_roman_numerals() -> None:
    # MHRA writes a book's volume in small Roman numerals
    assert render([_volume("7")], "mhra", kind="notes") == [
        "Foreign Relations of the United States, 1950, ed. by John P. Glennon (1976), vii."
    ]
    assert render([_volume("5999")], "mhra", kind="notes")[0].endswith(", mmmmmcmxcix.")


@pytest.mark.parametrize("volume", ["6000", "1000000000000", "9" * 5000])
def test_numbers_too_large_for_roman_numerals_are_printed_as_given(volume: str) -> None:
    # citeproc-py wrote 10**12 as a billion "m"s; citeproc-js prints nothing
    # for 6000 and more: archref prints the number as given.
    note = render([_volume(volume)], "mhra", kind="notes")[0]
    assert note.endswith(f", {volume}.")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("issued", "1995", "field 'issued': a date is an object, not '1995'"),
        ("issued", 1995, "field 'issued': a date is an object, not 1995"),
        ("issued", {"date-parts": "1995"}, "field 'issued': date-parts is a list"),
        ("issued", {"date-parts": [["May"]]}, "field 'issued': a date part is a number"),
        ("accessed", [2020], "field 'accessed': a date is an object"),
        ("author", "Stueck, William", "field 'author': names are a list of name objects"),
        ("author", ["William Stueck"], "field 'author': a name is an object"),
        ("editor", [{"family": ["Glennon"]}], "field 'editor': the name part 'family'"),
        ("title", ["The Korean War"], "field 'title': the value is text or a number"),
        ("page", {"first": 1}, "field 'page': the value is text or a number"),
        ("type", ["book"], "field 'type': the type is text"),
    ],
)
@pytest.mark.parametrize("style", ["chicago", "apa", "mhra", "mla"])
def test_malformed_items_raise_value_error_naming_item_and_field(
    field: str, value: Any, message: str, style: str
) -> None:
    item: dict[str, Any] = {
        "id": "Stueck1995",
        "type": "book",
        "author": [{"family": "Stueck", "given": "William"}],
        "title": "The Korean War: An International History",
        "issued": {"date-parts": [[1995]]},
        field: value,
    }
    for kind in ("notes", "bibliography"):
        with pytest.raises(ValueError, match="CSL-JSON item 'Stueck1995'") as caught:
            render([item], style, kind=kind)  # type: ignore[arg-type]
        assert message in str(caught.value)


def test_fields_outside_csl_are_not_checked() -> None:
    item = {
        "id": "Stueck1995",
        "type": "book",
        "title": "The Korean War",
        "custom": {"archref": {"locators": ["1"]}},
        "tags": ["korea"],
    }
    plain = {key: value for key, value in item.items() if key not in ("custom", "tags")}
    assert render([item], "chicago") == render([plain], "chicago") == ["The Korean War. n.d."]
