"""The fond-family notation: parsing, formatting, round trips and errors."""

from __future__ import annotations

import pytest

import archref
from archref import ArchivalReference, Folio, FolioRange, Level, Locator, ParseError
from archref.notations import fonds


def levels(ref: ArchivalReference) -> list[tuple[str, str]]:
    return [(lv.kind, lv.value) for lv in ref.levels]


# --------------------------------------------------------------------------- the contract


def test_contract_of_the_foundation_issue() -> None:
    ref = archref.parse("RGASPI, f. 558, op. 11, d. 62, ll. 71-72")
    assert ref.archive is not None
    assert ref.archive.id == "RGASPI"
    assert ref.archive_as_cited == "RGASPI"
    assert (ref.fond, ref.opis, ref.delo, ref.papka) == ("558", "11", "62", None)
    assert str(ref.folios) == "71–72"
    assert str(ref) == "RGASPI, f. 558, op. 11, d. 62, ll. 71–72"


def test_former_name_resolves_to_successor_and_is_remembered() -> None:
    ref = archref.parse("TsKhSD, f. 5, op. 28, d. 103, l. 2")
    assert ref.archive is not None and ref.archive.id == "RGANI"
    assert ref.archive_as_cited == "TsKhSD"
    assert ref.is_former_name
    assert not archref.parse("RGANI, f. 5, op. 28, d. 103, l. 2").is_former_name
    # the same reference, whichever name it was cited by
    assert ref == archref.parse("RGANI, f. 5, op. 28, d. 103, l. 2")


@pytest.mark.parametrize(
    "text",
    [
        "  RGASPI, f. 558, op. 11, d. 62, ll. 71-72  ",
        "RGASPI, f. 558, op. 11, d. 62, ll. 71-72.",
        "RGASPI, f. 558, op. 11, d. 62, ll. 71-72;",
        "RGASPI, f. 558, op. 11, d. 62, ll. 71–72",
        "RGASPI, f. 558, op. 11, d. 62, ll. 71—72",
        "RGASPI f. 558 op. 11 d. 62 ll. 71-72",
        "RGASPI, fond 558, opis 11, delo 62, listy 71-72",
        "RGASPI, F. 558, Op. 11, D. 62, Ll. 71-72",
        "РГАСПИ. Ф. 558. Оп. 11. Д. 62. Л. 71–72.",
        "РГАСПИ, ф. 558, оп. 11, д. 62, лл. 71-72",
        "РГАСПИ. Ф.558. Оп.11. Д.62. Л.71–72.",
        "РГАСПИ Ф.558 Оп.11 Д.62 Л.71-72",
        "RGASPI, f. 558, op. 11, d. 62, Bl. 71-72",
        "Russian State Archive of Socio-Political History (RGASPI), fond 558, opis 11, "
        "delo 62, listy 71-72",
        "RGASPI\u00a0f.\u00a0558, op.\u00a011, d.\u00a062, ll.\u00a071-72",
    ],
)
def test_one_reference_in_many_notations(text: str) -> None:
    ref = archref.parse(text)
    assert ref.archive is not None and ref.archive.id == "RGASPI"
    assert levels(ref) == [("fond", "558"), ("opis", "11"), ("delo", "62")]
    assert ref.folios == Locator.of(FolioRange(Folio("71"), Folio("72")))


# --------------------------------------------------------------------------- DOMAIN.md section 1


def test_identifiers_are_strings_and_keep_their_form() -> None:
    ref = archref.parse("AVPRF, Fond 059a, Opis 5a, Delo 4, Papka 11, Listy 159-160")
    assert levels(ref) == [("fond", "059a"), ("opis", "5a"), ("delo", "4"), ("papka", "11")]
    assert ref.papka == "11"
    assert str(ref.folios) == "159–160"
    assert archref.parse("GARF, f. R-6991, op. 1, d. 3").fond == "R-6991"
    assert archref.parse("RGANI, f. 0100, op. 1, d. 3").fond == "0100"
    # a Cyrillic prefix is stored in Latin letters, and kept as cited beside it
    ogacho = archref.parse("ОГАЧО. Ф. Р-627. Оп. 1. Д. 73.")
    assert ogacho.fond == "R-627"
    assert ogacho.levels[0].text == "Р-627"
    assert archref.parse("GARF, f. PA-101, op. 1, d. 3").fond == "PA-101"
    fsb = archref.parse("ЦА ФСБ. Ф.7. Оп.1. Д. 19-а")
    assert fsb.delo == "19-a"  # the Cyrillic letter in Latin, as every identifier is stored
    assert fsb.levels[-1].text == "19-а"


def test_papka_before_delo() -> None:
    ref = archref.parse("AVPRF, f. 0102, op. 6, p. 11, d. 3, l. 12")
    assert levels(ref) == [("fond", "0102"), ("opis", "6"), ("papka", "11"), ("delo", "3")]
    assert ref.folios is not None and ref.folios.unit == "leaf"


def test_p_after_delo_is_a_page() -> None:
    ref = archref.parse("RGIA f. 1289 op. 1 d. 30, p. 17a.")
    assert ref.papka is None
    assert ref.folios is not None
    assert ref.folios.unit == "page"
    assert ref.folios.first == Folio("17a")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("RGASPI, f. 17, op. 3, d. 1, pp. 105-6", ["105–106"]),
        ("RGASPI, f. 17, op. 3, d. 1, ll. 124-30", ["124–130"]),
        ("RGASPI, f. 17, op. 3, d. 1, 100-3", ["100–103"]),
        ("RGASPI, f. 17, op. 3, d. 1, ll. 1998-2003", ["1998–2003"]),
        ("RGASPI, f. 17, op. 3, d. 1, ll. 43, 48-49", ["43", "48–49"]),
        ("RGASPI, f. 17, op. 3, d. 1, ll. 54-72, 75-87", ["54–72", "75–87"]),
        ("RGASPI, f. 17, op. 3, d. 1051, l. 44, 46.", ["44", "46"]),
    ],
)
def test_leaf_ranges(text: str, expected: list[str]) -> None:
    ref = archref.parse(text)
    assert ref.folios is not None
    assert [str(r) for r in ref.folios.ranges] == expected


def test_abbreviated_range_keeps_original_text() -> None:
    ref = archref.parse("RGASPI, f. 17, op. 3, d. 1, pp. 105-6")
    assert ref.folios is not None
    assert ref.folios.text == "105-6"
    assert ref.folios.ranges[0].last == Folio("106")
    assert ref.folios.unit == "page"


@pytest.mark.parametrize(
    "text",
    [
        "ЦАМО РФ. Ф. 5. Оп. 918. Д. 34. Л. 5 об.",
        "ЦАМО РФ. Ф. 5. Оп. 918. Д. 34. Л. 5об.",
        "TsAMO, f. 5, op. 918, d. 34, l. 5ob.",
        "TsAMO, f. 5, op. 918, d. 34, l. 5 ob.",
        "TsAMO, f. 5, op. 918, d. 34, l. 5 oborot",
        "TsAMO, f. 5, op. 918, d. 34, l. 5v",
    ],
)
def test_verso(text: str) -> None:
    ref = archref.parse(text)
    assert ref.folios is not None
    assert ref.folios.ranges == (FolioRange(Folio("5", verso=True)),)


def test_verso_range() -> None:
    ref = archref.parse("РГАСПИ. Ф. 17. Оп. 3. Д. 9. Л. 12 об.–13.")
    assert ref.folios is not None
    assert ref.folios.ranges == (FolioRange(Folio("12", verso=True), Folio("13")),)
    assert ref.format("ru") == "РГАСПИ. Ф. 17. Оп. 3. Д. 9. Л. 12 об.–13"


def test_dotted_shorthand() -> None:
    ref = archref.parse("RGASPI 558.11.492.57")
    assert levels(ref) == [("fond", "558"), ("opis", "11"), ("delo", "492")]
    assert str(ref.folios) == "57"
    short = archref.parse("RGASPI 558.11.492")
    assert short.folios is None and short.delo == "492"


def test_tom_and_chast() -> None:
    ref = archref.parse("GARF, f. 102, op. 226, d. 12, t. 3, ch. 2, l. 19")
    assert ref.tom == "3"
    assert ref.level("chast") == "2"


def test_year_division_section_and_titles() -> None:
    ref = archref.parse(
        "Gosudarstvennyi arkhiv Rossiiskoi Federatsii (GARF), f. 102, Departament politsii "
        "Osobyi otdel (DPOO), 1898 g., op. 226, d. 12, chast' 2, l. 3"
    )
    assert ref.archive is not None and ref.archive.id == "GARF"
    assert levels(ref) == [
        ("fond", "102"),
        ("section", "DPOO"),
        ("year", "1898"),
        ("opis", "226"),
        ("delo", "12"),
        ("chast", "2"),
    ]
    assert ref.levels[1].title == "Departament politsii Osobyi otdel"
    other = archref.parse("GARF f. 102, DPOO 1898, op. 226 d. 12 ch. 2, l. 19.")
    assert levels(other) == levels(ref)


def test_glosses_of_labels_are_skipped_and_fond_titles_kept() -> None:
    ref = archref.parse(
        "Rossiiskii gosudarstvennyi istoricheskii arkhiv (RGIA), fond (f.) 1286 (Departament "
        "politsii ispolnitel'noi Ministerstva vnutrennikh del), opis' (op.) 1, 1806 god (g.), "
        "delo (d.) 122, list (l.) 5ob."
    )
    assert ref.archive is not None and ref.archive.id == "RGIA"
    assert levels(ref) == [("fond", "1286"), ("opis", "1"), ("year", "1806"), ("delo", "122")]
    assert ref.levels[0].title == "Departament politsii ispolnitel'noi Ministerstva vnutrennikh del"
    assert ref.folios == Locator.of(FolioRange(Folio("5", verso=True)))


def test_stray_apostrophe_after_a_label() -> None:
    ref = archref.parse("RGIA, f. 776, op.' 8, d. 2015, l. 4.")
    assert levels(ref) == [("fond", "776"), ("opis", "8"), ("delo", "2015")]


def test_semicolons_inside_one_reference() -> None:
    ref = archref.parse("Ф. 1Б; оп. 67; а.е. 3139")
    assert levels(ref) == [("fond", "1B"), ("opis", "67"), ("delo", "3139")]
    assert ref.levels[0].text == "1Б"


def test_unknown_archive_is_kept_as_cited() -> None:
    ref = archref.parse("Личный архив автора. Д. 595. Л. 186–189.")
    assert ref.archive is None
    assert ref.archive_as_cited == "Личный архив автора"
    assert ref.delo == "595"
    assert str(ref.folios) == "186–189"


def test_reference_without_archive() -> None:
    ref = archref.parse("Ф. 6. Оп. 1. Д. 104")
    assert ref.archive is None and ref.archive_as_cited is None
    assert levels(ref) == [("fond", "6"), ("opis", "1"), ("delo", "104")]


# --------------------------------------------------------------------------- chains


def test_chain_inherits_upper_levels() -> None:
    refs = fonds.parse_chain(
        "RGASPI, f. 17, op. 163, d. 1326, l. 233; d. 1350, l. 40; d. 1356, ll. 120-121"
    )
    assert [r.delo for r in refs] == ["1326", "1350", "1356"]
    assert all(r.fond == "17" and r.opis == "163" for r in refs)
    assert all(r.archive is not None and r.archive.id == "RGASPI" for r in refs)
    assert str(refs[2].folios) == "120–121"


def test_chain_with_new_opis_and_new_fond() -> None:
    refs = fonds.parse_chain(
        "ГАОО. Ф. 235. Оп. 7. Д. 42; Оп. 8. Д. 4794; Ф. 1120. Оп. 1. Д. 21. Т. 1"
    )
    assert [levels(r) for r in refs] == [
        [("fond", "235"), ("opis", "7"), ("delo", "42")],
        [("fond", "235"), ("opis", "8"), ("delo", "4794")],
        [("fond", "1120"), ("opis", "1"), ("delo", "21"), ("tom", "1")],
    ]


def test_parse_refuses_a_chain_and_says_why() -> None:
    with pytest.raises(ParseError, match="several references") as info:
        archref.parse("РГАСПИ. Ф.17. Оп.171. Д.421. Л.1–492; Д.420. Л.1–68.")
    assert info.value.offending.startswith("; Д.420")


# --------------------------------------------------------------------------- formatting


def test_styles() -> None:
    ref = archref.parse("RGASPI, f. 558, op. 11, d. 62, ll. 71-72")
    assert ref.format("en") == "RGASPI, f. 558, op. 11, d. 62, ll. 71–72"
    assert ref.format("en-full") == "RGASPI, fond 558, opis 11, delo 62, listy 71–72"
    assert ref.format("ru") == "РГАСПИ. Ф. 558. Оп. 11. Д. 62. Л. 71–72"
    assert ref.format("de") == "RGASPI, F. 558, Op. 11, D. 62, Bl. 71–72"
    single = archref.parse("RGASPI, f. 558, op. 11, d. 62, l. 71")
    assert single.format("en") == "RGASPI, f. 558, op. 11, d. 62, l. 71"
    assert single.format("en-full") == "RGASPI, fond 558, opis 11, delo 62, list 71"
    with pytest.raises(ValueError, match="unknown style"):
        ref.format("klingon")


def test_papka_after_delo_is_written_unambiguously() -> None:
    ref = archref.parse("AVPRF, Fond 059a, Opis 5a, Delo 4, Papka 11, Listy 159-160")
    text = ref.format("en")
    assert "pa. 11" in text
    again = archref.parse(text)
    assert again == ref and again.papka == "11"


def test_equality_ignores_spelling_but_not_content() -> None:
    a = archref.parse("RGASPI, f. 558, op. 11, d. 62, ll. 71-72")
    b = archref.parse("РГАСПИ. Ф. 558. Оп. 11. Д. 62. Л. 71–72.")
    c = archref.parse("RGASPI, f. 558, op. 11, d. 62, ll. 71-73")
    assert a == b and hash(a) == hash(b)
    assert a != c
    assert len({a, b, c}) == 2


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("text", "message", "offending"),
    [
        ("", "empty", ""),
        ("   ", "empty", "   "),
        ("RGASPI, f. 558, op.", "expected an identifier after 'op.'", "op."),
        ("RGASPI, f. 558, op", "expected an identifier after 'op'", "op"),
        ("RGASPI, f. 558, op. 11, d. 62, ll.", "expected a leaf number after 'll.'", "ll."),
        ("RGASPI, f. 558, op. 11, d. 62, ll. 71-", "a range without an end", "71-"),
        ("RGASPI, f. 558, op. 11, d. 62, ll. 72-71a", "ends before it starts", "72-71a"),
        ("RGASPI, f. 558, op. 11, d. 62, ll. 71-72 #", "unexpected text", "#"),
        ("The telegram was sent on 27 August 1950.", "no fond, opis or delo", None),
        ("RGASPI", "no fond, opis or delo", None),
        ("RGASPI, f. 558, op. 11, d. 62, ll. 71-72 and a word", "unexpected text", "and a word"),
        ("Ф. 6", "a lone level", "Ф. 6"),
        ("RGASPI, f. 17, op. 3, d. 1, ll. 30-19", "ends before it starts", "30-19"),
    ],
)
def test_bad_input_gives_a_clear_parse_error(
    text: str, message: str, offending: str | None
) -> None:
    with pytest.raises(ParseError) as info:
        archref.parse(text)
    err = info.value
    assert message in err.message
    if offending is not None:
        assert err.offending == offending
    assert err.text == text
    assert err.column >= 1
    assert isinstance(err, ValueError)  # callers catching ValueError keep working


def test_parse_error_position_is_line_and_column() -> None:
    with pytest.raises(ParseError) as info:
        archref.parse("RGASPI,\nf. 558, op.")
    assert (info.value.line, info.value.column) == (2, 9)
    assert "line 2, column 9" in str(info.value)


def test_parse_rejects_non_strings() -> None:
    with pytest.raises(TypeError):
        archref.parse(558)  # type: ignore[arg-type]


def test_level_constructor_keeps_labels_out_of_equality() -> None:
    assert Level("fond", "558", label="f.") == Level("fond", "558", label="Ф.")


# --------------------------------------------------------------------------- ibid.


def test_ibid_resolves_against_its_antecedent() -> None:
    first = archref.parse("РГАСПИ. Ф.17. Оп.171. Д.373. Л.1–2.")
    (same_file,) = fonds.parse_chain("Там\u00a0же. Л.74.", antecedent=first)
    assert levels(same_file) == levels(first)
    assert str(same_file.folios) == "74"
    (other_file,) = fonds.parse_chain("Там же. Д.377. Л.116–136.", antecedent=first)
    assert (other_file.fond, other_file.opis, other_file.delo) == ("17", "171", "377")
    (new_opis,) = fonds.parse_chain("Ibid., op. 3, d. 1051, l. 44, 46.", antecedent=first)
    assert (new_opis.fond, new_opis.opis, new_opis.delo) == ("17", "3", "1051")
    assert new_opis.archive == first.archive
    (bare,) = fonds.parse_chain("Ibid.", antecedent=first)
    assert bare == first


def test_ibid_without_antecedent_is_an_error_not_a_guess() -> None:
    with pytest.raises(ParseError, match="repeats an earlier reference") as info:
        archref.parse("Там же. Л.74.")
    assert info.value.offending == "Там же."


# --------------------------------------------------------------------------- rules


def test_former_name_rule_points_at_the_old_name_and_suggests_the_current_one() -> None:
    (d,) = archref.check("See TsKhSD, f. 5, op. 28, d. 103, l. 2".removeprefix("See "))
    assert d.code == "ARC102"
    assert d.severity == "warning"
    assert (d.start, d.end, d.text) == (0, 6, "TsKhSD")
    assert "RGANI" in d.message and "1991-1999" in d.message
    assert d.suggestion == "RGANI, f. 5, op. 28, d. 103, l. 2"
    assert archref.check("RGANI, f. 5, op. 28, d. 103, l. 2") == []


def test_unknown_archive_and_missing_archive_rules() -> None:
    assert [d.code for d in archref.check("Личный архив автора. Д. 595. Л. 186–189.")] == ["ARC101"]
    (d,) = archref.check("Ф. 6. Оп. 1. Д. 104")
    assert d.code == "ARC103" and d.text == "Ф. 6. Оп. 1. Д. 104"


def test_pages_in_a_foliated_file_rule() -> None:
    (d,) = archref.check("RGIA f. 1289 op. 1 d. 30, pp. 17-18.")
    assert d.code == "ARC104"
    assert d.text == "pp. 17-18"
    assert d.suggestion == "RGIA, f. 1289, op. 1, d. 30, ll. 17–18"
    # leaves cited as leaves are fine
    assert archref.check("RGIA f. 1289 op. 1 d. 30, ll. 17-18.") == []


def test_short_style_for_subsequent_notes() -> None:
    ref = archref.parse("РГАСПИ. Ф. 17. Оп. 162. Д. 7. Л. 99 об.–100.")
    assert ref.format("short") == "RGASPI 17/162/7, ll. 99ob.–100"
    assert archref.parse("RGASPI 17/162/7, ll. 99ob.-100") == ref
    # what the compact form cannot carry falls back to the English labels
    avprf = archref.parse("AVPRF, Fond 059a, Opis 5a, Delo 4, Papka 11, Listy 159-160")
    assert avprf.format("short") == avprf.format("en")
    assert archref.parse("Ф. 6. Оп. 1. Д. 104").format("short") == "f. 6, op. 1, d. 104"


@pytest.mark.parametrize("text", ["1.12.34", "6/25/50", "558.11.492.57"])
def test_bare_numbers_are_no_reference_without_an_archive(text: str) -> None:
    with pytest.raises(ParseError, match="only after an archive"):
        archref.parse(text)
