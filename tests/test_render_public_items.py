"""Classes of difference from citeproc-js found on the public comparison set.

The items are those of ``tests/data/csl_comparison/items.json`` (public test
data; provenance in ``provenance.json`` beside it), read by id; the expected
strings are citeproc-js's output for them (the pinned citeproc-js of
``bench/oracle``).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from archref.formats import render

ITEMS = Path(__file__).resolve().parent / "data" / "csl_comparison" / "items.json"


@cache
def _items() -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in json.loads(ITEMS.read_text(encoding="utf-8"))}


def _item(key: str) -> dict[str, Any]:
    return _items()[key]


# Duncan and Messner, "The Media Image of Sport and Gender" (Better BibTeX
# export, bbt-008), cited at pages 285-288, then in a short note at 101-105
PAGE_NOTES = [
    [{"id": "bbt-008", "locator": "285-288"}],
    [{"id": "bbt-008", "locator": "101-105", "label": "page"}],
]


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        (
            "chicago-notes-bibliography",
            [
                "Margaret Carlisle Duncan and Michael A. Messner, “The Media Image of Sport and"
                " Gender,” in MediaSport, ed. Lawrence Wenner (Routledge, 2002), 285–88.",
                "Duncan and Messner, “The Media Image of Sport and Gender,” 101–5.",
            ],
        ),
        (
            "mhra-notes",
            [
                "Margaret Carlisle Duncan and Michael A. Messner, ‘The Media Image of Sport and"
                " Gender’, in MediaSport, ed. by Lawrence Wenner (Routledge, 2002), pp. 170–85"
                " (pp. 285–88).",
                "Duncan and Messner, ‘The Media Image of Sport and Gender’, pp. 101–05.",
            ],
        ),
        (
            "modern-language-association",
            ["(Duncan and Messner 285–88)", "(Duncan and Messner 101–05)"],
        ),
        ("apa", ["(Duncan & Messner, 2002, pp. 285–288)", "(Duncan & Messner, 2002, pp. 101–105)"]),
    ],
)
def test_a_page_locator_takes_the_page_range_format(style: str, expected: list[str]) -> None:
    assert render([_item("bbt-008")], style, kind="notes", notes=PAGE_NOTES) == expected


def test_a_chapter_locator_keeps_its_range() -> None:
    notes = [[{"id": "bbt-008", "locator": "12-15", "label": "chapter"}]]
    assert render([_item("bbt-008")], "chicago-notes-bibliography", kind="notes", notes=notes)[
        0
    ].endswith("(Routledge, 2002), chaps. 12–15.")


def test_space_before_french_punctuation_is_a_narrow_no_break_space() -> None:
    # a French film title (Zotero translator test, zot-085) and thesis (zot-050)
    film, thesis = _item("zot-085"), _item("zot-050")
    assert render([film], "apa") == [
        "Hunebelle, A. (1974, August 30). Les Charlots en folie: À nous quatre Cardinal\u202f!"
        " [Comedy film, parody film, swashbuckler film, film based on a novel]."
    ]
    assert render([thesis], "chicago-notes-bibliography") == [
        "Mendez, Julien. “Théories pré-keynésiennes de l’instabilité financière\u202f: Marx,"
        " Veblen, Hawtrey.” Thesis, Theses.fr, 2012. http://www.theses.fr/2012PA100060/document."
    ]


def test_a_word_after_a_straight_single_quote_keeps_its_case_in_title_case() -> None:
    # Laurendeau and Sharara (Better BibTeX export, bbt-016): "... in two
    # 'action' sports"; citeproc-js reads the straight quote as part of the
    # word when it applies title case
    assert render([_item("bbt-016")], "chicago-notes-bibliography") == [
        "Laurendeau, Jason, and Nancy Sharara. “‘Women Could Be Every Bit as Good as Guys’:"
        " Reproductive and Resistant Agency in Two ‘action’ Sports.” Journal of Sport and"
        " Social Issues 32, no. 1 (2008): 24–47. https://doi.org/10/bqwfc8."
    ]


def test_a_word_after_a_double_quote_is_capitalised_in_title_case() -> None:
    item = {
        "id": "double",
        "type": "book",
        "title": 'a "visual method" of',
        "issued": {"date-parts": [[2002]]},
    }
    assert render([item], "chicago-notes-bibliography", kind="notes", notes=[["double"]]) == [
        "A “Visual Method” Of (2002)."  # citeproc-js's output
    ]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # Fink (Better BibTeX export, bbt-009): "Have we really 'come a long way, baby'?"
        ("have we 'come a long way'?", "Have We “Come a Long Way”? (2000)."),
        ("have we 'come a long way' now", "Have We “come a Long Way” Now (2000)."),
        ("have we 'come'", "Have We “Come” (2000)."),
        ("'women could be': reproductive", "“Women Could Be”: Reproductive (2000)."),
        ("'come' and", "“come” And (2000)."),
    ],
)
def test_straight_single_quotes_in_title_case_as_citeproc_js(title: str, expected: str) -> None:
    # the first word keeps its case only when the quotation is followed by a space
    item = {"id": "q", "type": "book", "title": title, "issued": {"date-parts": [[2000]]}}
    assert render([item], "chicago-notes-bibliography", kind="notes", notes=[["q"]]) == [expected]


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        (
            "chicago-author-date",
            ["(Blair 2004)", "(Couthouis et al. 2011)", "(Lewis and Lewis 1970, 301)"],
        ),
        ("apa", ["(Blair, 2004)", "(Couthouis et al., 2011)", "(Lewis & Lewis, 1970, p. 301)"]),
    ],
)
def test_primary_name_rule_tells_apart_first_names_only(style: str, expected: list[str]) -> None:
    # John Blair (bbt-051) beside an article whose 35th of 41 authors is Ian
    # P. Blair (zot-047), and David and Stephanie R. Lewis, co-authors
    # (jgm-013): neither name is the first of another cite, so no initials
    items = [_item("bbt-051"), _item("zot-047"), _item("jgm-013")]
    notes = [["bbt-051"], ["zot-047"], [{"id": "jgm-013", "locator": "301"}]]
    assert render(items, style, kind="notes", notes=notes) == expected


def test_a_volume_title_in_another_language_keeps_its_case() -> None:
    # Holtzmann (Better BibTeX export, bbt-046, "language": "de"): as the CSL
    # test-suite has it (textcase_TitleCaseWithVolumeTitle); citeproc-js
    # 2.4.63 prints "Die Kirchlichen Archive Und Bibliotheken"
    entry = render([_item("bbt-046")], "chicago-notes-bibliography")[0]
    assert "Vol. 2, Die kirchlichen Archive und Bibliotheken, pt. 1," in entry


def test_title_case_of_a_section_whatever_the_language() -> None:
    # Le Monde article (Zotero translator test, zot-038, "language": "fr")
    entry = render([_item("zot-038")], "chicago-notes-bibliography")[0]
    assert "“Après Grenoble, les écologistes visent l’Isère.” Elections Départementales" in entry


@pytest.mark.parametrize(
    ("style", "pages"),
    [
        ("chicago-notes-bibliography", "B13–14."),
        ("mhra-notes", "pp. B13–14"),
        ("modern-language-association", "pp. B13–14."),
        ("apa", "B13–B14."),  # page-range-format "expanded"
    ],
)
def test_the_prefix_of_a_page_range_is_left_out_of_its_end(style: str, pages: str) -> None:
    # Ratliff's review in Lingua Franca (Better BibTeX export, bbt-079), pages "B13-B14"
    assert render([_item("bbt-079")], style)[0].endswith(pages)


@pytest.mark.parametrize(
    ("locator", "label", "expected"),
    [
        # the section of a German statute (Zotero translator test, zot-059)
        ("Teil 2 - Aufsichtsrat (§§ 4 - 12)", "section", "sec. Teil 2-Aufsichtsrat (§§ 4-12)."),
        ("Teil 2, 3", "section", "sec. Teil 2, 3."),
        ("4, 6", "section", "secs. 4, 6."),
        ("xi-xv", "section", "secs. xi–xv."),
        ("100 - 103", "section", "secs. 100–103."),
        ("Teil 2 - 5", "page", "Teil 2-5."),
        ("4a-4c", "page", "4a–4c."),
    ],
)
def test_a_locator_with_words_is_no_range(locator: str, label: str, expected: str) -> None:
    # citeproc-js's output for these locators in a note of an item "T" (2000)
    item = {"id": "a", "type": "book", "title": "T", "issued": {"date-parts": [[2000]]}}
    notes = [[{"id": "a", "locator": locator, "label": label}]]
    note = render([item], "chicago-notes-bibliography", kind="notes", notes=notes)[0]
    assert note == f"T (2000), {expected}"
