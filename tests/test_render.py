"""archref.render: each correction of citeproc-py, on real-looking items.

Every behaviour test runs twice: through archref, and through stock
citeproc-py used the ordinary way (``CitationStylesStyle``, ``CiteProcJSON``,
``CitationStylesBibliography``). The stock run is an expected failure
(``xfail_strict`` is on), so each test shows that the behaviour it checks is
one archref corrects. The expected strings are citeproc-js's output for the
same items and style.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

import archref
from archref.formats import Cite, load_style, render, style_path

Item = dict[str, Any]
Notes = Sequence[Sequence[Mapping[str, Any]]]
Engine = Callable[..., list[str]]

RGASPI: Item = {
    "id": "RGASPI-558-11-62",
    "type": "manuscript",
    "author": [{"family": "Stalin", "given": "Iosif"}],
    "recipient": [{"family": "Gottwald", "given": "Klement"}],
    "title": "Letter from Stalin to Klement Gottwald",
    "issued": {"date-parts": [[1950, 8, 27]]},
    "archive": "Russian State Archive of Socio-Political History (RGASPI)",
    "archive_location": "fond 558, opis 11, delo 62, listy 71-72",
    "archive-place": "Moscow",
}
LEDOVSKII: Item = {
    "id": "Ledovskii2005",
    "type": "article-journal",
    "author": [{"family": "Ledovskii", "given": "Andrei"}],
    "title": "Stalin, Mao Tsedunh i Koreiskaia voina 1950-1953 godov",
    "container-title": "Novaia i noveishaia istoriia",
    "issue": "5",
    "issued": {"date-parts": [[2005]]},
    "page": "79-113",
}
A_RES_112: Item = {
    "id": "A/RES/112(II)",
    "type": "report",
    "author": [{"literal": "United Nations General Assembly"}],
    "title": "The Problem of the Independence of Korea",
    "genre": "Resolution",
    "number": "A/RES/112 (II)",
    "publisher": "United Nations",
    "publisher-place": "New York",
    "issued": {"date-parts": [[1947, 11, 14]]},
}
S_RES_82: Item = {
    "id": "S/RES/82(1950)",
    "type": "report",
    "author": [{"literal": "United Nations Security Council"}],
    "title": "Complaint of aggression upon the Republic of Korea",
    "genre": "Resolution",
    "number": "S/RES/82 (1950)",
    "publisher": "United Nations",
    "issued": {"date-parts": [[1950, 6, 25]]},
}
STUECK: Item = {
    "id": "Stueck1995",
    "type": "book",
    "author": [{"family": "Stueck", "given": "William"}],
    "title": "The Korean War: An International History",
    "publisher": "Princeton University Press",
    "publisher-place": "Princeton, NJ",
    "issued": {"date-parts": [[1995]]},
}
TNA: Item = {
    "id": "TNA-FO-371-84053",
    "type": "manuscript",
    "title": "Korea: Political Situation",
    "issued": {"date-parts": [[1950]]},
    "archive": "The National Archives",
    "archive_location": "FO 371/84053",
    "archive-place": "Kew",
}
FRUS: Item = {
    "id": "FRUS1950v7",
    "type": "book",
    "editor": [{"family": "Glennon", "given": "John P."}],
    "title": "Foreign Relations of the United States, 1950",
    "volume": "7",
    "collection-title": "Korea",
    "publisher": "Government Printing Office",
    "publisher-place": "Washington, DC",
    "issued": {"date-parts": [[1976]]},
}
MUCCIO: Item = {
    "id": "NARA-RG59-795.00",
    "type": "manuscript",
    "author": [{"family": "Muccio", "given": "John J."}],
    "title": "Telegram to the Secretary of State <General> & Staff",
    "issued": {"date-parts": [[1950, 6, 25]]},
    "archive": "National Archives and Records Administration",
    "archive_location": "RG 59, Central Decimal File 1950-54, 795.00/6-2550",
    "archive-place": "College Park, MD",
}
UNTITLED: Item = {
    "id": "RGASPI-558-11-62",
    "type": "manuscript",
    "archive": "Russian State Archive of Socio-Political History",
    "archive_location": "f. 558, op. 11, d. 62",
    "archive-place": "Moscow",
}

CHICAGO = "chicago-notes-bibliography"
IBID = "chicago-notes-bibliography-subsequent-ibid"


def _stock_render(
    items: Sequence[Item],
    style: str = CHICAGO,
    output: str = "text",
    kind: str = "bibliography",
    *,
    notes: Notes | None = None,
) -> list[str]:
    """The same job done with stock citeproc-py, the way its README shows."""
    import warnings

    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        Locator,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        csl = CitationStylesStyle(str(style_path(style)), validate=False)
        source = CiteProcJSON([dict(item) for item in items])
        fmt = {"html": formatter.html}.get(output, formatter.plain)
        bibliography = CitationStylesBibliography(csl, source, fmt)
        wanted = notes if notes is not None else [[{"id": item["id"]}] for item in items]
        citations = []
        for note in wanted:
            cites = []
            for cite in note:
                extra = {}
                if cite.get("locator"):
                    extra["locator"] = Locator(cite.get("label", "page"), cite["locator"])
                cites.append(CitationItem(cite["id"], **extra))
            citation = Citation(cites)
            bibliography.register(citation)
            citations.append(citation)
        if kind == "bibliography":
            bibliography.sort()
            return [str(entry) for entry in bibliography.bibliography()]
        return [str(bibliography.cite(citation, lambda item: None)) for citation in citations]


@pytest.fixture(
    params=[
        "archref",
        pytest.param("stock", marks=pytest.mark.xfail(reason="stock citeproc-py gets this wrong")),
    ]
)
def engine(request: pytest.FixtureRequest) -> Engine:
    if request.param == "archref":
        return render  # type: ignore[return-value]
    return _stock_render


# --- bibliography entries ---------------------------------------------------


def test_manuscript_title_printed_once(engine: Engine) -> None:
    # The author macro substitutes the title through cs:choose and a macro;
    # the title must then be suppressed for the rest of the entry.
    assert engine([TNA]) == [
        "“Korea: Political Situation.” 1950. FO 371/84053. The National Archives, Kew."
    ]


def test_punctuation_goes_inside_quotation_marks(engine: Engine) -> None:
    [entry] = engine([RGASPI])
    assert "“Letter from Stalin to Klement Gottwald.” August 27, 1950." in entry


def test_given_names_not_initialised_where_the_name_says_initialize_false(engine: Engine) -> None:
    # chicago-notes-bibliography sets initialize-with on the style and
    # initialize="false" on its names
    [entry] = engine([LEDOVSKII])
    assert entry.startswith("Ledovskii, Andrei. ")


def test_title_case_keeps_stop_words_and_one_letter_words(engine: Engine) -> None:
    [article] = engine([LEDOVSKII])
    assert "“Stalin, Mao Tsedunh i Koreiskaia Voina 1950-1953 Godov.”" in article
    assert "Novaia i Noveishaia Istoriia, no. 5 (2005): 79–113." in article
    [resolution] = engine([S_RES_82])
    assert "Complaint of Aggression upon the Republic of Korea" in resolution


def test_whole_article_entry_matches_citeproc_js(engine: Engine) -> None:
    assert engine([LEDOVSKII]) == [
        "Ledovskii, Andrei. “Stalin, Mao Tsedunh i Koreiskaia Voina 1950-1953 Godov.” "
        "Novaia i Noveishaia Istoriia, no. 5 (2005): 79–113."
    ]


def test_bibliography_is_sorted(engine: Engine) -> None:
    entries = engine([STUECK, TNA, LEDOVSKII, A_RES_112, RGASPI])
    assert [entry.split(" ")[0] for entry in entries] == [
        "“Korea:",
        "Ledovskii,",
        "Stalin,",
        "Stueck,",
        "United",
    ]


def test_editor_substituted_for_author_keeps_label_and_order(engine: Engine) -> None:
    assert engine([FRUS]) == [
        "Glennon, John P., ed. Foreign Relations of the United States, 1950. Vol. 7. Korea. "
        "Government Printing Office, 1976."
    ]


STUECK_2002: Item = {
    "id": "Stueck2002",
    "type": "book",
    "author": [{"family": "Stueck", "given": "William"}],
    "title": "Rethinking the Korean War: A New Diplomatic and Strategic History",
    "publisher": "Princeton University Press",
    "issued": {"date-parts": [[2002]]},
}
STUECK_EDITED: Item = {
    "id": "Stueck2004",
    "type": "book",
    "editor": [{"family": "Stueck", "given": "William"}],
    "title": "The Korean War in World History",
    "publisher": "University Press of Kentucky",
    "issued": {"date-parts": [[2004]]},
}
STUECK_ROAD: Item = {
    "id": "Stueck1981",
    "type": "book",
    "author": [{"family": "Stueck", "given": "William"}],
    "title": "The Road to Confrontation",
    "publisher": "University of North Carolina Press",
    "issued": {"date-parts": [[1981]]},
}
S_RES_83: Item = {
    "id": "S/RES/83 (1950)",
    "type": "report",
    "author": [{"literal": "United Nations Security Council"}],
    "title": "Resolution 83 (1950)",
    "number": "S/RES/83 (1950)",
    "publisher": "United Nations",
    "issued": {"date-parts": [[1950, 6, 27]]},
}


def test_subsequent_author_substitute_partial_first(engine: Engine) -> None:
    # MHRA: subsequent-author-substitute="——", rule partial-first; the
    # label stays
    assert engine([STUECK_2002, STUECK_EDITED], "mhra-notes") == [
        "Stueck, William, Rethinking the Korean War: A New Diplomatic and Strategic History "
        "(Princeton University Press, 2002)",
        "—— (ed.), The Korean War in World History (University Press of Kentucky, 2004)",
    ]


def test_subsequent_author_substitute_complete_all(engine: Engine) -> None:
    # MLA: the whole name list is replaced by "———"
    resolution = {key: value for key, value in S_RES_82.items() if key != "genre"}
    resolution["title"] = "Resolution 82 (1950)"
    assert engine([S_RES_83, resolution], "mla") == [
        "United Nations Security Council. Resolution 82 (1950). S/RES/82 (1950), "
        "United Nations, 25 June 1950.",
        "———. Resolution 83 (1950). S/RES/83 (1950), United Nations, 27 June 1950.",
    ]


def test_subsequent_author_substitute_not_after_a_guest_tried_in_vain() -> None:
    # As in citeproc-js: MLA tries `guest` (a cs:names with its own cs:name)
    # before `editor`, which leaves an edited volume without the dashes
    assert render([STUECK_2002, STUECK_EDITED], "mla") == [
        "Stueck, William. Rethinking the Korean War: A New Diplomatic and Strategic History. "
        "Princeton University Press, 2002.",
        "Stueck, William, editor. The Korean War in World History. "
        "University Press of Kentucky, 2004.",
    ]


def test_sort_keys_leave_out_name_labels(engine: Engine) -> None:
    # "Stueck, William, ed." sorts as "Stueck, William", then by title
    entries = engine([STUECK_ROAD, STUECK_EDITED])
    assert [entry.split(". ")[1] for entry in entries] == [
        "The Korean War in World History",
        "The Road to Confrontation",
    ]


def _book(key: str, title: str, family: str = "Stueck", given: str = "William") -> Item:
    return {
        "id": key,
        "type": "book",
        "author": [{"family": family, "given": given}],
        "title": title,
        "publisher": "Princeton University Press",
        "issued": {"date-parts": [[1995]]},
    }


def test_titles_sort_as_citeproc_js_sorts_them(engine: Engine) -> None:
    # citeproc-js compares its keys word by word, punctuation ignored: a word
    # that ends ("War") comes before a longer one ("Warlords"), numbers
    # before letters, "War: An" before "War in"
    titles = [
        "The Korean War in World History",
        "The Korean Warlords",
        "The Korean War: An International History",
        "The Korean-War",
        "The Korean War as History",
        "The Korean War, 1950",
    ]
    books = [_book(f"S{index}", title) for index, title in enumerate(titles)]
    assert [entry.split(". ")[1] for entry in engine(books)] == [
        "The Korean War, 1950",
        "The Korean War: An International History",
        "The Korean War as History",
        "The Korean War in World History",
        "The Korean Warlords",
        "The Korean-War",
    ]


def test_names_and_cyrillic_titles_sort_as_citeproc_js_sorts_them(engine: Engine) -> None:
    # accents and case do not count ("Ånström" with "Anstrom"), Russian й is a
    # letter of its own, a word ends before any letter («Холодная война»: after
    # "Холодная война и СССР")
    books = [
        _book("A1", "Istoriia", "Йорданов", "Ян"),
        _book("A2", "Istoriia", "Ånström", "Lars"),
        _book("A3", "Istoriia", "Иванов", "Иван"),
        _book("A4", "«Холодная война»: история", "Zubok", "Vladislav"),
        _book("A5", "Холодная война и СССР", "Zubok", "Vladislav"),
        _book("A6", "Istoriia", "Anstey", "Roger"),
    ]
    assert [entry.split(". ")[0:2] for entry in engine(books)] == [
        ["Anstey, Roger", "Istoriia"],
        ["Ånström, Lars", "Istoriia"],
        ["Zubok, Vladislav", "Холодная Война и СССР"],
        ["Zubok, Vladislav", "«Холодная Война»: История"],
        ["Иванов, Иван", "Istoriia"],
        ["Йорданов, Ян", "Istoriia"],
    ]


def test_hyphenated_given_names_become_initials(engine: Engine) -> None:
    # APA initialises with ". " and initialize-with-hyphen (default true);
    # a lower-case part after a hyphen is left out, as citeproc-js does
    people = [
        {"family": "Kim", "given": "Dong-gil"},
        {"family": "Genscher", "given": "Hans-Dietrich"},
        {"family": "Sartre", "given": "Jean-Paul"},
        {"family": "Kim", "given": "Il-sung"},
    ]
    items = [
        {"id": f"p{n}", "type": "book", "author": [person], "title": f"Work {n}"}
        for n, person in enumerate(people)
    ]
    assert [entry.split(" (")[0] for entry in engine(items, "apa")] == [
        "Genscher, H.-D.",
        "Kim, D.",
        "Kim, I.",
        "Sartre, J.-P.",
    ]


def test_bibliography_from_notes_leaves_out_locators(engine: Engine) -> None:
    notes = [[{"id": RGASPI["id"], "locator": "71", "label": "folio"}], [{"id": STUECK["id"]}]]
    entries = engine([RGASPI, STUECK], notes=notes)
    assert len(entries) == 2
    assert not any("71." in entry or "fol." in entry for entry in entries)


def test_raw_dates_are_read(engine: Engine) -> None:
    record = {
        "id": "A/C.1/SR.224",
        "type": "report",
        "author": [{"literal": "United Nations General Assembly, First Committee"}],
        "title": "Summary Record of the Two Hundred and Twenty-Fourth Meeting",
        "number": "A/C.1/SR.224",
        "publisher": "United Nations",
        "issued": {"raw": "1948-12-06"},
    }
    [entry] = engine([record])
    assert entry.endswith("A/C.1/SR.224. United Nations, 1948.")


def test_item_ids_keep_their_case(engine: Engine) -> None:
    upper = {**A_RES_112, "id": "UN-RES"}
    lower = {**S_RES_82, "id": "un-res"}
    entries = engine([upper, lower])
    assert len(entries) == 2


def test_entry_opening_with_a_term_starts_with_a_capital(engine: Engine) -> None:
    # APA opens the entry of an undated, unsigned document with "(n.d.)";
    # citeproc-js capitalises a term that opens an entry, past the "(".
    assert engine([UNTITLED], "apa") == [
        "(N.d.). Russian State Archive of Socio-Political History (f. 558, op. 11, d. 62), Moscow."
    ]


def test_html_escapes_the_data(engine: Engine) -> None:
    [entry] = engine([MUCCIO], output="html")
    assert "“Telegram to the Secretary of State &#60;General&#62; &#38; Staff.”" in entry


def test_html_italics(engine: Engine) -> None:
    [entry] = engine([STUECK], output="html")
    assert entry == (
        "Stueck, William. <i>The Korean War: An International History</i>. "
        "Princeton University Press, 1995."
    )


# --- notes --------------------------------------------------------------------


def test_ibid_is_capitalised_at_the_start_of_a_note(engine: Engine) -> None:
    notes = [[{"id": RGASPI["id"]}], [{"id": RGASPI["id"]}]]
    assert engine([RGASPI], IBID, kind="notes", notes=notes)[1] == "Ibid."


def test_ibid_with_the_same_locator_repeats_no_locator(engine: Engine) -> None:
    notes = [
        [{"id": RGASPI["id"], "locator": "72"}],
        [{"id": RGASPI["id"], "locator": "72"}],
        [{"id": RGASPI["id"], "locator": "71"}],
    ]
    assert engine([RGASPI], IBID, kind="notes", notes=notes)[1:] == ["Ibid.", "Ibid., 71."]


def test_short_note_prints_no_stray_labels(engine: Engine) -> None:
    # <if disambiguate="true"> must not hold for an unambiguous cite, and a
    # label without its variable prints nothing
    notes = [[{"id": LEDOVSKII["id"]}], [{"id": LEDOVSKII["id"]}]]
    rendered = engine([LEDOVSKII], CHICAGO, kind="notes", notes=notes)
    assert rendered[1] == "Ledovskii, “Stalin, Mao Tsedunh i Koreiskaia Voina 1950-1953 Godov.”"


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        (
            CHICAGO,
            "f. 558, op. 11, d. 62, fols. 71–72, "
            "Russian State Archive of Socio-Political History, Moscow.",
        ),
        (
            "chicago-shortened-notes-bibliography",
            "f. 558, op. 11, d. 62, fols. 71–72, "
            "Russian State Archive of Socio-Political History, Moscow.",
        ),
        (
            "mhra-notes",
            "Moscow, Russian State Archive of Socio-Political History, "
            "f. 558, op. 11, d. 62, fols 71–72.",
        ),
    ],
    ids=["chicago", "chicago-shortened", "mhra"],
)
def test_untitled_manuscript_with_a_locator_prints_its_label_once(
    engine: Engine, style: str, expected: str
) -> None:
    # Without a title, the shelfmark and the folios stand in its place
    # (cs:substitute), which suppresses the locator for the rest of the note.
    # The locator group the style prints later then holds a label and an
    # empty locator: a label is descriptive, so the group prints nothing.
    notes = [[{"id": UNTITLED["id"], "locator": "71-72", "label": "folio"}]]
    assert engine([UNTITLED], style, kind="notes", notes=notes) == [expected]


def test_cites_in_a_note_keep_their_order(engine: Engine) -> None:
    notes = [
        [{"id": RGASPI["id"]}],
        [{"id": LEDOVSKII["id"]}],
        [{"id": LEDOVSKII["id"]}, {"id": RGASPI["id"]}],
    ]
    last = engine([RGASPI, LEDOVSKII], CHICAGO, kind="notes", notes=notes)[-1]
    assert last.startswith("Ledovskii, ")


def test_first_note_for_a_resolution() -> None:
    [note] = render([A_RES_112], CHICAGO, kind="notes")
    assert note == (
        "United Nations General Assembly, The Problem of the Independence of Korea, "
        "Resolution A/RES/112 (II) (United Nations, 1947)."
    )


# --- cite grouping and collapsing (CSL 1.0.2) ---------------------------------

STUECK_2002: Item = {
    "id": "Stueck2002",
    "type": "book",
    "author": [{"family": "Stueck", "given": "William"}],
    "title": "Rethinking the Korean War: A New Diplomatic and Strategic History",
    "publisher": "Princeton University Press",
    "publisher-place": "Princeton, NJ",
    "issued": {"date-parts": [[2002]]},
}
WEATHERSBY: Item = {
    "id": "Weathersby1993",
    "type": "report",
    "author": [{"family": "Weathersby", "given": "Kathryn"}],
    "title": "Soviet Aims in Korea and the Origins of the Korean War, 1945-1950",
    "collection-title": "Cold War International History Project Working Paper",
    "number": "8",
    "publisher": "Woodrow Wilson International Center for Scholars",
    "issued": {"date-parts": [[1993]]},
}
MASTNY: Item = {
    "id": "Mastny1996",
    "type": "book",
    "author": [{"family": "Mastny", "given": "Vojtech"}],
    "title": "The Cold War and Soviet Insecurity: The Stalin Years",
    "publisher": "Oxford University Press",
    "issued": {"date-parts": [[1996]]},
}
HISTORIANS = [LEDOVSKII, STUECK, STUECK_2002, WEATHERSBY, MASTNY]


def test_same_article_twice_in_a_citation_names_its_author_once(engine: Engine) -> None:
    # collapse="year": a cite with the names of the cite before it leaves
    # them out, and an in-text style then joins the two with ", "
    notes = [[{"id": LEDOVSKII["id"], "locator": "81"}, {"id": LEDOVSKII["id"], "locator": "81"}]]
    rendered = engine([LEDOVSKII], "chicago-author-date", kind="notes", notes=notes)
    assert rendered == ["(Ledovskii 2005, 81, 2005, 81)"]


def test_adjacent_works_by_one_author_collapse_with_their_locators(engine: Engine) -> None:
    notes = [
        [
            {"id": "Stueck2002", "locator": "44"},
            {"id": "Stueck1995", "locator": "12"},
            {"id": "Mastny1996"},
        ]
    ]
    rendered = engine(HISTORIANS, "chicago-author-date", kind="notes", notes=notes)
    assert rendered == ["(Stueck 2002, 44, 1995, 12; Mastny 1996)"]


def test_sorted_citation_brings_works_by_one_author_together(engine: Engine) -> None:
    # APA sorts its citations: the cites by Stueck are grouped, then collapsed
    notes = [[{"id": "Stueck2002"}, {"id": "Weathersby1993"}, {"id": "Stueck1995"}]]
    rendered = engine(HISTORIANS, "apa", kind="notes", notes=notes)
    assert rendered == ["(Stueck, 1995, 2002; Weathersby, 1993)"]


def test_after_collapse_delimiter_follows_a_cite_with_a_locator(engine: Engine) -> None:
    notes = [
        [
            {"id": "Stueck2002", "locator": "44"},
            {"id": "Stueck1995", "locator": "12"},
            {"id": "Mastny1996"},
        ]
    ]
    rendered = engine(HISTORIANS, "annual-reviews-author-date", kind="notes", notes=notes)
    assert rendered == ["(Mastny 1996; Stueck 1995, p. 12; 2002, p. 44)"]


def test_cite_group_delimiter_joins_grouped_cites(engine: Engine) -> None:
    notes = [[{"id": "Stueck2002"}, {"id": "Weathersby1993"}, {"id": "Stueck1995"}]]
    rendered = engine(HISTORIANS, "elsevier-harvard", kind="notes", notes=notes)
    assert rendered == ["(Stueck, 2002, 1995; Weathersby, 1993)"]


def test_citation_numbers_collapse_into_ranges(engine: Engine) -> None:
    # collapse="citation-number": three or more consecutive numbers make a
    # range; a locator the style does not print does not break it
    first = [[{"id": item["id"]}] for item in HISTORIANS]
    notes = [
        *first,
        [
            {"id": "Stueck1995"},
            {"id": "Ledovskii2005"},
            {"id": "Weathersby1993"},
            {"id": "Stueck2002"},
            {"id": "Mastny1996", "locator": "12"},
        ],
        [
            {"id": "Mastny1996"},
            {"id": "Ledovskii2005"},
            {"id": "Weathersby1993"},
            {"id": "Stueck2002"},
        ],
    ]
    rendered = engine(HISTORIANS, "nature", kind="notes", notes=notes)
    assert rendered[5:] == ["1–5", "1,3–5"]


# --- disambiguation (CSL 1.0.2) -----------------------------------------------

STUECK_1995_ARTICLE: Item = {
    "id": "Stueck1995b",
    "type": "article-journal",
    "author": [{"family": "Stueck", "given": "William"}],
    "title": "Revisionism and the Korean War",
    "container-title": "Journal of Conflict Studies",
    "volume": "22",
    "issue": "1",
    "page": "17-27",
    "issued": {"date-parts": [[1995]]},
}
UNCERTAIN_PARTNERS: Item = {
    "id": "Goncharov1993",
    "type": "book",
    "author": [
        {"family": "Goncharov", "given": "Sergei"},
        {"family": "Lewis", "given": "John"},
        {"family": "Xue", "given": "Litai"},
    ],
    "title": "Uncertain Partners: Stalin, Mao, and the Korean War",
    "publisher": "Stanford University Press",
    "issued": {"date-parts": [[1993]]},
}
GONCHAROV_BULLETIN: Item = {
    "id": "Goncharov1993b",
    "type": "article-journal",
    "author": [
        {"family": "Goncharov", "given": "Sergei"},
        {"family": "Kim", "given": "Donggil"},
        {"family": "Xue", "given": "Litai"},
    ],
    "title": "Stalin and the Korean War",
    "container-title": "Cold War International History Project Bulletin",
    "issue": "3",
    "issued": {"date-parts": [[1993]]},
}
AMBIGUOUS = [STUECK, STUECK_1995_ARTICLE, MASTNY, UNCERTAIN_PARTNERS, GONCHAROV_BULLETIN]
AMBIGUOUS_NOTES = [
    [{"id": "Stueck1995", "locator": "44"}],
    [{"id": "Stueck1995b"}],
    [{"id": "Mastny1996", "locator": "12"}],
    [{"id": "Goncharov1993"}],
    [{"id": "Goncharov1993b", "locator": "5"}],
    [{"id": "Stueck1995b"}, {"id": "Stueck1995"}],
]


def test_year_suffixes_tell_two_works_of_one_year_apart(engine: Engine) -> None:
    # disambiguate-add-year-suffix, in the bibliography's order; the cites
    # of one citation then collapse ("1995a, 1995b")
    notes = engine(AMBIGUOUS, "chicago-author-date", kind="notes", notes=AMBIGUOUS_NOTES)
    assert [notes[0], notes[1], notes[5]] == [
        "(Stueck 1995b, 44)",
        "(Stueck 1995a)",
        "(Stueck 1995a, 1995b)",
    ]


def test_year_suffixes_in_the_bibliography(engine: Engine) -> None:
    entries = engine(AMBIGUOUS, "apa")
    assert entries[-2:] == [
        "Stueck, W. (1995a). Revisionism and the Korean War. "
        "Journal of Conflict Studies, 22(1), 17–27.",
        "Stueck, W. (1995b). The Korean War: An International History. Princeton University Press.",
    ]


STUECK_1995_BOOKS: list[Item] = [
    {
        "id": f"Stueck1995-{index}",
        "type": "book",
        "author": [{"family": "Stueck", "given": "William"}],
        "title": title,
        "publisher": "Princeton University Press",
        "issued": {"date-parts": [[1995]]},
    }
    for index, title in enumerate(
        [
            "The Korean War: An International History",
            "Revisionism and the Korean War",
            "The Road to Confrontation",
            "Rethinking the Korean War",
        ]
    )
]


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        # collapse="year-suffix-ranged", year-suffix-delimiter=","
        (
            "annual-reviews-author-date",
            ["(Stueck 1995a,b)", "(Stueck 1995a–d)", "(Stueck 1995a,c,d)"],
        ),
        # collapse="year-suffix", year-suffix-delimiter=", "
        (
            "acta-amazonica",
            ["(Stueck 1995a, b)", "(Stueck 1995a, b, c, d)", "(Stueck 1995a, c, d)"],
        ),
    ],
)
def test_year_suffixes_collapse(engine: Engine, style: str, expected: list[str]) -> None:
    notes: Notes = [
        [{"id": "Stueck1995-0"}, {"id": "Stueck1995-1"}],
        [{"id": f"Stueck1995-{index}"} for index in range(4)],
        [{"id": "Stueck1995-0"}, {"id": "Stueck1995-2"}, {"id": "Stueck1995-3"}],
    ]
    assert engine(STUECK_1995_BOOKS, style, kind="notes", notes=notes) == expected


def test_names_hidden_by_et_al_are_added_to_tell_cites_apart(engine: Engine) -> None:
    # disambiguate-add-names: "Goncharov et al. 1993" would stand for both
    notes = engine(AMBIGUOUS, "apa", kind="notes", notes=AMBIGUOUS_NOTES)
    assert notes[3:5] == [
        "(Goncharov, Lewis, et al., 1993)",
        "(Goncharov, Kim, et al., 1993, p. 5)",
    ]


KIM_DONGGIL: Item = {
    "id": "KimDonggil2012",
    "type": "article-journal",
    "author": [{"family": "Kim", "given": "Dong-gil"}],
    "title": "Stalin's Korean U-Turn",
    "container-title": "Pacific Historical Review",
    "issued": {"date-parts": [[2012]]},
}
KIM_ILSUNG: Item = {
    "id": "KimIlsung1992",
    "type": "book",
    "author": [{"family": "Kim", "given": "Il-sung"}],
    "title": "With the Century",
    "publisher": "Foreign Languages Publishing House",
    "issued": {"date-parts": [[1992]]},
}
KIM_DAEJUNG: Item = {
    "id": "KimDaejung1987",
    "type": "book",
    "author": [{"family": "Kim", "given": "Dae-jung"}],
    "title": "Prison Writings",
    "publisher": "University of California Press",
    "issued": {"date-parts": [[1987]]},
}
KIM_NOTES: Notes = [[{"id": "KimDonggil2012"}], [{"id": "KimIlsung1992"}]]


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        # primary-name: the first name of every cite, wherever another Kim is cited
        ("chicago-author-date", ["(D. Kim 2012)", "(I. Kim 1992)"]),
        ("apa", ["(D. Kim, 2012)", "(I. Kim, 1992)"]),
        # by-cite: only the cites that would be the same ("(Kim)")
        ("mla", ["(D. Kim)", "(I. Kim)"]),
    ],
)
def test_given_names_tell_two_authors_of_one_family_apart(
    engine: Engine, style: str, expected: list[str]
) -> None:
    assert engine([KIM_DONGGIL, KIM_ILSUNG], style, kind="notes", notes=KIM_NOTES) == expected


def test_given_names_expand_past_initials_only_where_the_rule_allows(engine: Engine) -> None:
    # "D. Kim" twice: chicago-author-date (primary-name) writes the given
    # names in full, APA (primary-name-with-initials) leaves the names as
    # they are
    items = [KIM_DONGGIL, KIM_DAEJUNG]
    notes: Notes = [[{"id": "KimDonggil2012"}, {"id": "KimDaejung1987"}]]
    assert engine(items, "chicago-author-date", kind="notes", notes=notes) == [
        "(Dong-gil Kim 2012; Dae-jung Kim 1987)"
    ]
    assert engine(items, "apa", kind="notes", notes=notes) == ["(Kim, 1987, 2012)"]


def test_names_added_to_cites_show_in_the_bibliography_too(engine: Engine) -> None:
    # citeproc-js shows in MLA's bibliography the names its citations add,
    # and "———" no longer stands for a list that differs
    assert engine([UNCERTAIN_PARTNERS, GONCHAROV_BULLETIN], "mla") == [
        "Goncharov, Sergei, Donggil Kim, et al. “Stalin and the Korean War.” "
        "Cold War International History Project Bulletin, no. 3, 1993.",
        "Goncharov, Sergei, John Lewis, et al. Uncertain Partners: Stalin, Mao, and the "
        "Korean War. Stanford University Press, 1993.",
    ]


def test_disambiguate_condition_adds_the_title_only_where_needed(engine: Engine) -> None:
    # MLA prints the title in a citation only for an author cited with two
    # works (<if disambiguate="true">)
    notes = engine(AMBIGUOUS, "mla", kind="notes", notes=AMBIGUOUS_NOTES)
    assert notes[:3] == [
        "(Stueck, The Korean War: An International History 44)",
        "(Stueck, “Revisionism and the Korean War”)",
        "(Mastny 12)",
    ]


# --- a style given as a file ------------------------------------------------

DATES_STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info>
    <title>Two dates</title><id>two-dates</id><updated>2024-01-01T00:00:00+00:00</updated>
  </info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography>
    <layout>
      <group delimiter="; ">
        <date variable="issued" form="text">
          <date-part name="month" form="short"/>
        </date>
        <date variable="accessed" form="text"/>
      </group>
    </layout>
  </bibliography>
</style>
"""


def test_date_part_overrides_do_not_leak_into_the_next_date(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "two-dates.csl"
    path.write_text(DATES_STYLE, encoding="utf-8")
    item = {**A_RES_112, "accessed": {"date-parts": [[1948, 12, 6]]}}
    assert engine([item], str(path)) == ["Nov. 14, 1947; December 6, 1948"]


# --- archref only -------------------------------------------------------------


def test_plain_text_after_html_from_the_same_cached_style() -> None:
    html = render([STUECK], output="html")
    text = render([STUECK], output="text")
    assert "<i>" in html[0]
    assert text == [
        "Stueck, William. The Korean War: An International History. "
        "Princeton University Press, 1995."
    ]


def test_stock_style_shared_by_two_bibliographies_leaks_markup() -> None:
    # What archref avoids: citeproc-py keeps the formatter on the style, so
    # the last bibliography created decides the markup of all of them.
    from citeproc import CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    csl = CitationStylesStyle(str(style_path(CHICAGO)), validate=False)
    plain = CitationStylesBibliography(csl, CiteProcJSON([STUECK]), formatter.plain)
    CitationStylesBibliography(csl, CiteProcJSON([STUECK]), formatter.html)
    from citeproc import Citation, CitationItem

    plain.register(Citation([CitationItem(STUECK["id"])]))
    assert "<i>" in str(plain.bibliography()[0])


def test_markdown_output() -> None:
    [entry] = render([STUECK], output="markdown")
    assert entry == (
        "Stueck, William. *The Korean War: An International History*. "
        "Princeton University Press, 1995."
    )
    [escaped] = render([MUCCIO], output="markdown")
    assert r"\<General\> & Staff" in escaped


def test_transliterated_title_keeps_its_case_when_the_language_is_given() -> None:
    # Like citeproc-js, title case applies to English and to items without a
    # language; a Russian item keeps its transliterated title as written.
    [entry] = render([{**LEDOVSKII, "language": "ru"}])
    assert "“Stalin, Mao Tsedunh i Koreiskaia voina 1950-1953 godov.”" in entry


@pytest.mark.parametrize(
    "style",
    [
        "chicago-notes-bibliography",
        "chicago-shortened-notes-bibliography",
        "chicago-author-date",
        "mhra-notes",
        "apa",
        "modern-language-association",
        "chicago",
        "mhra",
        "mla",
    ],
)
def test_supported_styles_render_notes_and_bibliography(style: str) -> None:
    items = [RGASPI, LEDOVSKII, A_RES_112, STUECK]
    bibliography = render(items, style)
    notes = render(items, style, kind="notes")
    assert len(bibliography) == 4
    assert len(notes) == 4
    assert all(entry and "\ue000" not in entry for entry in bibliography + notes)


def test_notes_accept_cites_ids_and_mappings() -> None:
    notes = [Cite(RGASPI["id"], locator="71", label="folio"), RGASPI["id"], [{"id": STUECK["id"]}]]
    rendered = render([RGASPI, STUECK], IBID, kind="notes", notes=notes)
    assert rendered[0].endswith(
        "listy 71-72, fol. 71, Russian State Archive of Socio-Political History (RGASPI), Moscow."
    )
    assert rendered[1] == "Stalin, “Letter from Stalin to Klement Gottwald.”"
    assert rendered[2].startswith("William Stueck, ")


def test_style_parsing_is_cached() -> None:
    assert load_style("chicago") is load_style(CHICAGO)
    assert load_style("apa") is not load_style("apa", locale="en-GB")


def test_errors() -> None:
    with pytest.raises(ValueError, match="unknown CSL style"):
        render([STUECK], "no-such-style")
    with pytest.raises(ValueError, match="unknown output"):
        render([STUECK], output="pdf")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="no item with id"):
        render([STUECK], kind="notes", notes=["Stueck1996"])
    with pytest.raises(ValueError, match="two CSL-JSON items"):
        render([STUECK, STUECK])
    with pytest.raises(TypeError):
        render([42])


def test_importing_archref_does_not_import_citeproc() -> None:
    code = "import sys, archref; assert archref.render; print('citeproc' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
    assert archref.render is render
