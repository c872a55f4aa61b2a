"""archref.render on the classes of difference from citeproc-js found with the CSL test-suite.

Each test renders items and a style taken from a fixture of the CSL
test-suite (https://github.com/citation-style-language/test-suite, commit
13724f9, ``processor-tests/humans/<fixture>.txt``, named in each test),
trimmed to what the behaviour needs, and expects the fixture's RESULT:
citeproc-js's output. ``docs/formatting.md`` ("The CSL test-suite") lists
the classes; ``tests/test_csl_suite.py`` runs the whole suite where a copy
of it is at hand.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from archref.formats import render

Item = dict[str, Any]

_STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="{kind}" version="1.0"{extra}>
  <info><id>test</id><title>test</title><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation{citation}>
    <layout{citation_layout}>{cite}</layout>
  </citation>
  <bibliography{bibliography}>
    <layout{bibliography_layout}>{entry}</layout>
  </bibliography>
</style>
"""


def _style(
    tmp_path: Path,
    *,
    cite: str = '<text variable="title"/>',
    entry: str = '<text variable="title"/>',
    kind: str = "in-text",
    extra: str = "",
    citation: str = "",
    citation_layout: str = "",
    bibliography: str = "",
    bibliography_layout: str = "",
) -> str:
    path = tmp_path / "fixture.csl"
    path.write_text(
        _STYLE.format(
            kind=kind,
            extra=extra,
            citation=citation,
            citation_layout=citation_layout,
            cite=cite,
            bibliography=bibliography,
            bibliography_layout=bibliography_layout,
            entry=entry,
        ),
        encoding="utf-8",
    )
    return str(path)


def _book(key: str, **fields: Any) -> Item:
    return {"id": key, "type": "book", **fields}


# --- display and second-field-align ----------------------------------------


def test_second_field_align_puts_the_number_in_the_margin(tmp_path: Path) -> None:
    # magic_SecondFieldAlign
    style = _style(
        tmp_path,
        bibliography=' second-field-align="flush"',
        entry=(
            '<text prefix="[" suffix="]" variable="citation-number"/>'
            '<group delimiter=" "><group delimiter=", ">'
            '<names variable="author"><name/></names><text variable="title"/></group>'
            '<date prefix="(" suffix=")" variable="issued"><date-part name="year"/></date>'
            "</group>"
        ),
    )
    items = [
        _book(
            "ITEM-1",
            author=[{"family": "Smith", "given": "John"}],
            title="Book A",
            issued={"date-parts": [["2000"]]},
        )
    ]
    assert render(items, style, "html") == [
        '\n    <div class="csl-left-margin">[1]</div>'
        '<div class="csl-right-inline">John Smith, Book A (2000)</div>\n  '
    ]
    # text output has no blocks
    assert render(items, style, "text") == ["[1]John Smith, Book A (2000)"]


def test_display_indent_is_a_block_of_the_entry(tmp_path: Path) -> None:
    # display_DisplayBlock
    style = _style(
        tmp_path,
        entry=(
            '<group delimiter=", "><names variable="author"><name/></names>'
            '<text variable="title"/></group>'
            '<text variable="note" display="indent"/>'
        ),
    )
    item = _book(
        "ITEM-1",
        author=[{"family": "Smith", "given": "John"}],
        title="Book A",
        note="An interesting book by an interesting author.",
    )
    assert render([item], style, "html") == [
        'John Smith, Book A<div class="csl-indent">'
        "An interesting book by an interesting author.</div>\n  "
    ]


# --- quotation marks in the data ---------------------------------------------


def test_single_quotes_in_a_quoted_title_become_the_inner_marks(tmp_path: Path) -> None:
    # bugreports_FrenchApostrophe: French outer and inner quotation marks
    style = _style(
        tmp_path, cite='<text variable="title" quotes="true"/>', extra=' default-locale="fr-FR"'
    )
    item = _book("ITEM-1", title="Life's 'Little' Surprises")
    # (with the no-break spaces of the French locale)
    assert render([item], style, kind="notes") == ["«\u00a0Life’s “Little” Surprises\u00a0»"]


def test_curly_quotes_in_a_quoted_title_alternate(tmp_path: Path) -> None:
    # decorations_NestedQuotesInnerReverse
    style = _style(tmp_path, cite='<text variable="title" quotes="true"/>')
    item = _book("ITEM-1", title="My “‘Amazing’ <b>and</b> Bogus” Title")
    assert render([item], style, "html", kind="notes") == [
        "“My ‘“Amazing” <b>and</b> Bogus’ Title”"
    ]


def test_a_quotation_is_not_title_cased_after_its_apostrophe(tmp_path: Path) -> None:
    # flipflop_SingleBeforeColon
    style = _style(tmp_path, cite='<text variable="title" text-case="title"/>')
    item = _book("ITEM-1", title="'Nobody Knows You're a Dog': As iconic Internet cartoon turns 20")
    assert render([item], style, kind="notes") == [
        "“Nobody Knows You’re a Dog”: As Iconic Internet Cartoon Turns 20"
    ]


def test_an_unpaired_double_quote_stays_as_given(tmp_path: Path) -> None:
    # flipflop_OrphanQuote
    style = _style(tmp_path)
    item = _book("ITEM-1", title='Nation of "Positive Obligations " of State')
    assert render([item], style, kind="notes") == ['Nation of "Positive Obligations " of State']


def test_nodecor_sets_its_text_in_roman(tmp_path: Path) -> None:
    # flipflop_ItalicsWithOk
    style = _style(tmp_path, cite='<text variable="title" font-style="italic"/>')
    item = _book("ITEM-1", title='Lessard <span class="nodecor">v.</span> Schmidt')
    assert render([item], style, "html", kind="notes") == [
        '<i>Lessard <span style="font-style:normal;">v.</span> Schmidt</i>'
    ]


# --- names ---------------------------------------------------------------------


def test_particles_are_read_out_of_family_and_given_names(tmp_path: Path) -> None:
    # name_ParseNames (demote-non-dropping-particle="never" keeps "van" in front)
    style = _style(
        tmp_path,
        extra=' demote-non-dropping-particle="never"',
        citation_layout=' delimiter="; "',
        cite=(
            '<names variable="author"><name name-as-sort-order="all" sort-separator=", "/></names>'
        ),
    )
    items = [
        _book("ITEM-1", author=[{"family": "van Gogh", "given": "Vincent"}]),
        _book("ITEM-2", author=[{"family": "Humboldt", "given": "Alexander von"}]),
        _book("ITEM-3", author=[{"family": "van der Vlist", "given": "Eric"}]),
    ]
    notes = [[{"id": "ITEM-1"}, {"id": "ITEM-2"}, {"id": "ITEM-3"}]]
    assert render(items, style, kind="notes", notes=notes) == [
        "van Gogh, Vincent; Humboldt, Alexander von; van der Vlist, Eric"
    ]


def test_a_suffix_after_a_comma_in_the_given_name(tmp_path: Path) -> None:
    # magic_NameSuffixWithComma, magic_NameSuffixNoComma
    style = _style(tmp_path, cite='<names variable="author"><name/></names>')
    items = [
        _book("ITEM-1", author=[{"family": "Doe", "given": "John,! Jr."}]),
        _book("ITEM-2", author=[{"family": "Doe", "given": "John, III"}]),
    ]
    assert render(items, style, kind="notes") == ["John Doe, Jr.", "John Doe III"]


def test_a_particle_ending_in_an_apostrophe_joins_the_name(tmp_path: Path) -> None:
    # bugreports_ApostropheOnParticle, name_ParsedDroppingParticleWithApostrophe
    style = _style(
        tmp_path,
        cite='<names variable="author"><name><name-part name="family" prefix="(" suffix=")"/>'
        "</name></names>",
    )
    items = [
        _book("ITEM-1", author=[{"family": "Aubignac", "given": "François Hédelin d'"}]),
    ]
    assert render(items, style, kind="notes") == ["François Hédelin (d’Aubignac)"]


def test_family_text_case_reaches_the_non_dropping_particle_only(tmp_path: Path) -> None:
    # name_FormattingOfParticles
    style = _style(
        tmp_path,
        cite='<names variable="author"><name><name-part name="family" text-case="uppercase"/>'
        "</name></names>",
    )
    author = {
        "dropping-particle": "van",
        "family": "Meer",
        "given": "Gerard",
        "non-dropping-particle": "der",
    }
    assert render([_book("ITEM-1", author=[author])], style, kind="notes") == [
        "Gerard van DER MEER"
    ]


@pytest.mark.parametrize(
    ("mark", "initialize", "expected"),
    [
        # name_InitialsInitializeTruePeriodSpace, ...FalsePeriodSpace, ...FalseEmpty
        (". ", "true", "Dimauro, J. M. E.; Grant, Me.; Hudson, Ph. M. E."),
        (". ", "false", "Dimauro, John M. E.; Grant, Me.; Hudson, Ph. M. E."),
        ("", "false", "Dimauro, John ME; Grant, Me; Hudson, PhME"),
    ],
)
def test_initials_keep_abbreviations(
    tmp_path: Path, mark: str, initialize: str, expected: str
) -> None:
    style = _style(
        tmp_path,
        citation_layout=' delimiter="; "',
        cite=(
            f'<names variable="author"><name initialize="{initialize}" initialize-with="{mark}"'
            ' name-as-sort-order="all" sort-separator=", "/></names>'
        ),
    )
    items = [
        _book("ITEM-1", author=[{"family": "Dimauro", "given": "John M.E."}]),
        _book("ITEM-2", author=[{"family": "Grant", "given": "Me."}]),
        _book("ITEM-3", author=[{"family": "Hudson", "given": "Ph.M.E."}]),
    ]
    notes = [[{"id": "ITEM-1"}, {"id": "ITEM-2"}, {"id": "ITEM-3"}]]
    assert render(items, style, kind="notes", notes=notes) == [expected]


def test_a_count_of_names_adds_up_its_variables(tmp_path: Path) -> None:
    # name_AuthorCountWithMultipleVariables
    style = _style(
        tmp_path,
        citation=' et-al-min="4" et-al-use-first="3"',
        cite='<names variable="author editor"><name form="count"/></names>',
    )
    people = [{"family": name, "given": "A"} for name in ("Doe", "Roe", "Noakes", "Snoakes")]
    item = _book("ITEM-1", author=people[:3], editor=people[2:])
    assert render([item], style, kind="notes") == ["5"]


def test_delimiter_after_an_inverted_name(tmp_path: Path) -> None:
    # name_DelimiterAfterInverted: an organisation is no inverted name
    style = _style(
        tmp_path,
        entry=(
            '<names variable="author"><name and="symbol" delimiter-precedes-last='
            '"after-inverted-name" initialize-with=". " name-as-sort-order="all"/></names>'
        ),
    )
    items = [
        _book(
            "ITEM-1",
            author=[
                {"literal": "Australian Government Productivity Commission"},
                {"literal": "New Zealand Productivity Commission"},
            ],
        ),
        _book(
            "ITEM-2",
            author=[
                {"family": "Weinstock", "given": "R."},
                {"family": "Leong", "given": "G. B."},
                {"family": "Silva", "given": "J. A."},
            ],
        ),
    ]
    assert render(items, style) == [
        "Australian Government Productivity Commission & New Zealand Productivity Commission",
        "Weinstock, R., Leong, G. B., & Silva, J. A.",
    ]


# --- numbers, pages, superscripts ---------------------------------------------


def test_page_ranges_with_prefixes(tmp_path: Path) -> None:
    # page_Expand (page-range-format="expanded") and page_Minimal
    pages = ["N110-N115", "N110-5", "110-N6", "123N110-N5"]
    items = [_book(f"ITEM-{n}", page=page) for n, page in enumerate(pages, start=1)]
    expanded = _style(
        tmp_path, extra=' page-range-format="expanded"', cite='<text variable="page"/>'
    )
    assert render(items, expanded, kind="notes") == ["N110–N115", "N110-5", "110-N6", "123N110-N5"]
    minimal = tmp_path / "minimal.csl"
    minimal.write_text(
        Path(expanded).read_text(encoding="utf-8").replace('"expanded"', '"minimal"'),
        encoding="utf-8",
    )
    assert render(items[:1], str(minimal), kind="notes") == ["N110–5"]


def test_superscript_characters_are_written_as_sup_in_html(tmp_path: Path) -> None:
    # magic_SuperscriptChars, bugreports_NumberAffixEscape
    style = _style(tmp_path, cite='<text variable="title"/>')
    item = _book("ITEM-1", title="1ʳᵉ éd. ª")
    assert render([item], style, "html", kind="notes") == [
        "1<sup>r</sup><sup>e</sup> éd. <sup>a</sup>"
    ]
    assert render([item], style, "text", kind="notes") == ["1ʳᵉ éd. ª"]


def test_number_of_volumes_label_is_plural_above_one(tmp_path: Path) -> None:
    # label_PluralNumberOfVolumes
    style = _style(
        tmp_path,
        cite=(
            '<group delimiter=" "><label variable="number-of-volumes"/>'
            '<text variable="number-of-volumes"/></group>'
        ),
    )
    items = [
        _book("ITEM-1", **{"number-of-volumes": 1}),
        _book("ITEM-2", **{"number-of-volumes": 2}),
    ]
    assert render(items, style, kind="notes") == ["volume 1", "volumes 2"]


# --- dates ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        # date_SeasonRange1, date_SeasonRange3, date_VariousInvalidDates
        ([["1999", "21"], ["2001", "22"]], "Spring 1999–Summer 2001"),
        ([["1999", "21"], ["1999", "22"]], "Spring–Summer 1999"),
        ([[1965, 13, 1]], "Spring 1965"),
        ([[1965, 60, 1]], "1965"),
    ],
)
def test_seasons(tmp_path: Path, parts: list[list[Any]], expected: str) -> None:
    style = _style(
        tmp_path, cite='<date variable="issued" date-parts="year-month-day" form="text"/>'
    )
    item = _book("ITEM-1", issued={"date-parts": parts})
    assert render([item], style, kind="notes") == [expected]


# --- between cites ---------------------------------------------------------------


def test_a_prefix_opening_with_a_comma_takes_no_delimiter(tmp_path: Path) -> None:
    # magic_SuppressLayoutDelimiterIfPrefixComma
    style = _style(tmp_path, citation_layout=' delimiter="; "')
    items = [_book("ITEM-1", title="Book A"), _book("ITEM-2", title="Book B")]
    notes = [[{"id": "ITEM-1"}, {"id": "ITEM-2", "prefix": ", cited in "}]]
    assert render(items, style, kind="notes", notes=notes) == ["Book A, cited in Book B"]


def test_title_case_of_a_hyphenated_compound(tmp_path: Path) -> None:
    # textcase_TitleCaseWithHyphens
    style = _style(tmp_path, cite='<text variable="title" text-case="title"/>')
    item = _book("ITEM-1", title="Out-of-fashion initiatives: a second story")
    assert render([item], style, kind="notes") == ["Out-of-Fashion Initiatives: A Second Story"]


# --- disambiguation --------------------------------------------------------------


def test_added_names_stay_where_they_told_some_cites_apart(tmp_path: Path) -> None:
    # disambiguate_AndreaEg1a
    style = _style(
        tmp_path,
        citation=' et-al-min="3" et-al-use-first="1" disambiguate-add-names="true"',
        citation_layout=' delimiter="; "',
        cite=(
            '<group delimiter=" "><names delimiter=", " variable="author">'
            '<name initialize-with=". " and="symbol" delimiter-precedes-last="never"'
            ' form="short"/></names>'
            '<date variable="issued" prefix="(" suffix=")"><date-part name="year"/></date></group>'
        ),
    )

    def article(key: str, second: str) -> Item:
        names = [("J", "Smith"), ("J", second), ("J", "Jones")]
        return _book(
            key,
            author=[{"given": given, "family": family} for given, family in names],
            issued={"date-parts": [[1980]]},
        )

    items = [article("ITEM-1", "Brown"), article("ITEM-2", "Brown"), article("ITEM-3", "Benson")]
    notes = [[{"id": "ITEM-1"}, {"id": "ITEM-2"}], [{"id": "ITEM-1"}, {"id": "ITEM-3"}]]
    assert render(items, style, kind="notes", notes=notes) == [
        "Smith, Brown, et al. (1980); Smith, Brown, et al. (1980)",
        "Smith, Brown, et al. (1980); Smith, Benson, et al. (1980)",
    ]
