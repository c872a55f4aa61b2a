"""UN document symbols: the model, parse(), format, URLs and CSL-JSON."""

from __future__ import annotations

import pytest

import archref
from archref import ParseError, UNSymbol
from archref.model import Component, Modifier
from archref.notations import un


def test_issue_contract() -> None:
    s = archref.parse("A/RES/112(II)")
    assert isinstance(s, UNSymbol)
    assert s.organ == "A"
    assert s.is_resolution
    assert s.session == "II"
    sc = archref.parse("S/RES/82 (1950)")
    assert isinstance(sc, UNSymbol)
    assert sc.year == 1950
    ccpr = archref.parse("CCPR/C/21/Rev.1/Add.13")
    assert isinstance(ccpr, UNSymbol)
    assert [str(m) for m in ccpr.modifiers] == ["Rev.1", "Add.13"]
    assert str(archref.parse("A / C.1 / 218")) == "A/C.1/218"
    first = archref.parse("A/C.1/218")
    assert isinstance(first, UNSymbol)
    assert first.url == "https://undocs.org/A/C.1/218"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A/C.3/45/L.39/Rev.1", ("A", ("C.3",), "L", "45", None, "39")),
        ("E/CN.4/1994/L.68/Rev.1", ("E", ("CN.4",), "L", None, 1994, "68")),
        ("E/1991/C.3/L.1/Rev.1", ("E", ("C.3",), "L", None, 1991, "1")),
        ("A/HRC/S-4/SR.4", ("A", ("HRC",), "SR", "S-4", None, "4")),
        ("A/ES-10/L.15", ("A", (), "L", "ES-10", None, "15")),
        ("TD/B/C.4/(XIV)/SC.2/L.3", ("TD", ("B", "C.4", "SC.2"), "L", "XIV", None, "3")),
        ("S/PV.3038", ("S", (), "PV", None, None, "3038")),
        ("S/1994/240", ("S", (), None, None, 1994, "240")),
        ("A/C.6/248", ("A", ("C.6",), None, None, None, "248")),
        ("UNIDO/GC/1/L.3", ("UNIDO", ("GC",), "L", "1", None, "3")),
        ("A/CONF.87/C.2/SC/L.3", ("A", ("CONF.87", "C.2", "SC"), "L", None, None, "3")),
        ("A/RES/ES-11/8", ("A", (), "RES", "ES-11", None, "8")),
        ("CAC/COSP/2009/L.7/Rev.2", ("CAC", ("COSP",), "L", None, 2009, "7")),
    ],
)
def test_components_are_read(text: str, expected: tuple[object, ...]) -> None:
    s = un.parse(text)
    assert (s.organ, s.bodies, s.doc_type, s.session, s.year, s.number) == expected
    assert str(s) == text


def test_modifiers_in_order_and_reissue_mark() -> None:
    s = un.parse("S/268/Rev.1/Corr.1")
    assert s.modifiers == (Modifier("Rev", "1"), Modifier("Corr", "1"))
    assert str(s.base) == "S/268"
    star = un.parse("A/C.1/218*")
    assert star.modifiers == (Modifier("*"),)
    assert str(star) == "A/C.1/218*"
    assert star.url == "https://undocs.org/A/C.1/218"
    assert str(un.parse("E/CN.4/1985/4/Summary")) == "E/CN.4/1985/4/Summary"


def test_spellings_are_equal_and_canonical() -> None:
    assert un.parse("T/138/ADD.1") == un.parse("T/138/Add.1")
    assert str(un.parse("E/1332/ADD.2")) == "E/1332/Add.2"
    assert str(un.parse("A/574/ADD1")) == "A/574/Add.1"
    assert str(un.parse("DC/PV75")) == "DC/PV.75"
    assert str(un.parse("S/AC/10/90")) == "S/AC.10/90"
    assert str(un.parse("A/AC.16/53.Rev.1")) == "A/AC.16/53/Rev.1"
    assert str(un.parse("S1373/CORR.1")) == "S/1373/Corr.1"
    assert str(un.parse("A/C4/SUB1/")) == "A/C.4/Sub.1/"


def test_ocr_damage_is_kept_not_guessed() -> None:
    s = un.parse("A/AC.l09/493")
    assert str(s) == "A/AC.l09/493"
    assert s != un.parse("A/AC.109/493")


def test_resolutions_by_name() -> None:
    assert str(un.parse("General Assembly resolution 377 A (V)")) == "A/RES/377(V)[A]"
    assert un.parse("General Assembly resolution 377 A (V)").part == "A"
    assert str(un.parse("Security Council resolution 82 (1950)")) == "S/RES/82 (1950)"
    assert str(un.parse("resolution 181 (II)")) == "A/RES/181(II)"
    assert str(un.parse("2325 (XXII)")) == "A/RES/2325(XXII)"
    assert str(un.parse("41(I)")) == "A/RES/41(I)"
    assert str(un.parse("General Assembly resolution 31/6")) == "A/RES/31/6"
    assert str(un.parse("Human Rights Council resolution 5/1")) == "A/HRC/RES/5/1"
    assert str(un.parse("Economic and Social Council resolution 1235 (XLII)")) == (
        "E/RES/1235(XLII)"
    )
    assert un.parse("resolution 2625 (XXV)") == un.parse("A/RES/2625(XXV)")
    assert un.parse("S/RES/220(1966)") == un.parse("Security Council resolution 220 (1966)")


def test_prefixes_and_final_stop_tolerated() -> None:
    for text in ("Document A/C.1/218", "UN Doc. A/C.1/218", "U.N. Doc. A/C.1/218.", "A/C.1/218;"):
        assert str(un.parse(text)) == "A/C.1/218"


def test_round_trip_and_hash() -> None:
    for text in ("A/RES/181(II)[A]", "S/RES/1445 (2002)", "A/RES/54/...", "A/6000/", "S/18164/Add"):
        s = un.parse(text)
        assert un.parse(str(s)) == s
        assert hash(un.parse(str(s))) == hash(s)
    assert len({un.parse("T/138/ADD.1"), un.parse("T/138/Add.1")}) == 1


def test_model_built_in_code() -> None:
    s = UNSymbol(
        (Component("organ", "A"), Component("body", "C.1"), Component("serial", "218")),
        (Modifier("Rev", "2"),),
    )
    assert str(s) == "A/C.1/218/Rev.2"
    assert un.format(s) == "A/C.1/218/Rev.2"
    assert un.parse("A/C.1/218/Rev.2") == s
    assert un.validate(s) == []


@pytest.mark.parametrize(
    ("text", "offending"),
    [
        ("and/or", "and"),
        ("24/7", "24"),
        ("S/he", "he"),
        ("6/25/50", "6"),
        ("km/h", "km"),
        ("hello", "hello"),
        ("A/B", "B"),
        ("A/HRC", "HRC"),
        ("S/3713/Rev.1 (as amended)", "Rev.1 (as amended)"),
        ("S/RES", "RES"),
        ("A4231/2", "2"),
    ],
)
def test_parse_errors_point_at_the_offending_text(text: str, offending: str) -> None:
    with pytest.raises(ParseError) as err:
        un.parse(text)
    assert err.value.offending == offending
    assert err.value.text == text


def test_joint_and_run_together_symbols_are_refused_with_a_hint() -> None:
    with pytest.raises(ParseError) as err:
        un.parse("A/35/89-S/13784")
    assert err.value.offending == "S/13784"
    assert err.value.hint == "A/35/89"
    with pytest.raises(ParseError) as err:
        un.parse("S/2020/693S/2020/681")
    assert err.value.hint == "S/2020/693"
    with pytest.raises(ParseError) as err:
        un.parse("E/1111/Add.1-5")
    assert err.value.offending == "Add.1-5"


def test_dispatcher_keeps_the_fond_message_for_plain_text() -> None:
    with pytest.raises(ParseError) as err:
        archref.parse("hello")
    assert "UN document symbol" not in err.value.message


def test_check_accepts_strings_and_references() -> None:
    assert [d.code for d in archref.check("S/RES/82 (1951)")] == ["UN206"]
    diags = archref.check("  A/AC.l09/493")
    assert diags[0].code == "UN301"
    assert diags[0].text == "AC.l09"
    assert "  A/AC.l09/493"[diags[0].start : diags[0].end] == "AC.l09"
    assert archref.check(un.parse("A/C.1/218")) == []
    with pytest.raises(ParseError):
        archref.check("and/or")


def test_csl_json_of_a_resolution() -> None:
    item = un.parse("S/RES/82 (1950)").to_csl_json()
    assert item == {
        "id": "S/RES/82 (1950)",
        "type": "report",
        "number": "S/RES/82 (1950)",
        "publisher": "United Nations",
        "authority": "Security Council",
        "author": [{"literal": "United Nations Security Council"}],
        "URL": "https://undocs.org/S/RES/82(1950)",
        "title": "Resolution 82 (1950)",
        "issued": {"date-parts": [[1950]]},
    }


def test_csl_json_of_documents() -> None:
    ga = un.to_csl_json(un.parse("A/RES/181(II)[A]"))
    assert ga["title"] == "Resolution 181 A (II)"
    assert ga["URL"] == "https://undocs.org/A/RES/181(II)"
    assert "issued" not in ga  # the session's year is not the adoption date
    doc = un.to_csl_json(un.parse("S/1994/240"))
    assert doc["type"] == "report"
    assert doc["issued"] == {"date-parts": [[1994]]}
    assert "title" not in doc
    pv = un.to_csl_json(un.parse("A/64/PV.122"))
    assert pv["genre"] == "Verbatim record"
    assert pv["author"] == [{"literal": "United Nations General Assembly"}]
    ccpr = un.to_csl_json(un.parse("CCPR/C/21/Rev.1/Add.13"))
    assert ccpr["author"] == [{"literal": "United Nations Human Rights Committee"}]
    assert un.to_csl_json(un.parse("A/RES/31/6"))["title"] == "Resolution 31/6"


def test_a_resolution_reads_as_a_historian_writes_it_in_chicago() -> None:
    item = un.parse("S/RES/82 (1950) of 25 June 1950").to_csl_json()
    (entry,) = archref.render([item])
    assert entry == (
        "United Nations Security Council. Resolution 82 (1950). S/RES/82 (1950). "
        "United Nations, 1950. https://undocs.org/S/RES/82(1950)."
    )
    (note,) = archref.render([item], kind="notes")
    assert note == (
        "United Nations Security Council, Resolution 82 (1950), S/RES/82 (1950) "
        "(United Nations, 1950), https://undocs.org/S/RES/82(1950)."
    )
    # MLA prints the adoption date in full
    (mla,) = archref.render([item], style="mla")
    assert "25 June 1950" in mla


# -- dates written after a symbol ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "symbol", "date"),
    [
        ("S/RES/82 (1950) of 25 June 1950", "S/RES/82 (1950)", "1950-06-25"),
        ("S/RES/82 (1950), 25 June 1950.", "S/RES/82 (1950)", "1950-06-25"),
        ("A/RES/112 (II) of 14 November 1947", "A/RES/112(II)", "1947-11-14"),
        ("A/RES/67/19 (29 November 2012)", "A/RES/67/19", "2012-11-29"),
        ("UN Doc. S/1501, June 25, 1950", "S/1501", "1950-06-25"),
        ("S/RES/83 (1950) от 27 июня 1950 г.", "S/RES/83 (1950)", "1950-06-27"),
        ("A/C.1/229, adopted on 29 October 1947", "A/C.1/229", "1947-10-29"),
        ("S/RES/84 (1950), 07.07.1950", "S/RES/84 (1950)", "1950-07-07"),
        ("S/RES/84 (1950) vom 7. Juli 1950", "S/RES/84 (1950)", "1950-07-07"),
        ("A/RES/377 (V) du 3 novembre 1950", "A/RES/377(V)", "1950-11-03"),
    ],
)
def test_parse_reads_the_date_after_a_symbol(text: str, symbol: str, date: str) -> None:
    parsed = un.parse(text)
    assert str(parsed) == symbol
    assert str(parsed.date) == date
    # the date is the document's, not part of the symbol's identity
    assert parsed == un.parse(symbol)


def test_a_date_that_is_no_calendar_day_is_an_error() -> None:
    with pytest.raises(ParseError) as err:
        un.parse("S/RES/82 (1950) of 31 June 1950")
    assert err.value.offending == "31 June 1950"
    assert "calendar date" in err.value.message


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("S/RES/82 (1950) of 25 June 1951", "1950"),  # the year in the symbol
        ("S/RES/84 of 7 July 1952", "84"),  # resolution 84 is of 1950
        ("A/RES/112 (II) of 14 November 1952", "II"),  # the 2nd session met 1947-1948
        ("A/RES/67/19 (29 November 2015)", "67"),
        ("S/1994/240, 20 February 1995", "1994"),
    ],
)
def test_un209_a_date_that_contradicts_the_symbol(text: str, needle: str) -> None:
    symbol = un.parse(text)
    found = [d for d in un.validate(symbol) if d.code == "UN209"]
    assert len(found) == 1, un.validate(symbol)
    assert found[0].severity == "warning"
    assert found[0].text == needle
    assert symbol.date is not None
    assert str(symbol.date.year) in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "S/RES/82 (1950) of 25 June 1950",
        "A/RES/273 (III) of 11 May 1949",  # the 3rd session ran into 1949
        "A/RES/31/1 of 9 November 1976",
        "S/RES/84 of 7 July 1950",
        "A/RES/ES-11/1 of 2 March 2022",  # emergency special sessions are not checked
    ],
)
def test_un209_is_silent_on_dates_that_fit(text: str) -> None:
    assert not [d for d in un.validate(un.parse(text)) if d.code == "UN209"]


def test_find_gives_symbols_their_dates_and_spans_the_contradiction() -> None:
    text = (
        "Draft resolutions were submitted (Document A/C.1/229 of 29 October 1947). "
        "The Council adopted resolution 82 (1950) of 25 June 1950 and "
        "S/RES/83 (1950), 27 June 1951; see A/RES/67/19 (29 November 2012) and S/1501."
    )
    found = {str(m.symbol): m for m in un.find(text)}
    assert {k: str(m.symbol.date) for k, m in found.items()} == {
        "A/C.1/229": "1947-10-29",
        "S/RES/82 (1950)": "1950-06-25",
        "S/RES/83 (1950)": "1951-06-27",
        "A/RES/67/19": "2012-11-29",
        "S/1501": "None",
    }
    (wrong,) = found["S/RES/83 (1950)"].diagnostics
    assert wrong.code == "UN209"
    assert text[wrong.start : wrong.end] == "27 June 1951"
    # the symbols' own spans do not take in the dates
    assert found["A/C.1/229"].text == "A/C.1/229"


def test_find_leaves_partial_and_unclosed_dates_alone() -> None:
    text = "S/1501, June 1950; S/1511 (25 June 1950 and S/RES/84 (1950), 1950."
    assert [m.symbol.date for m in un.find(text)] == [None, None, None]


def test_csl_json_issued_from_the_date() -> None:
    item = un.to_csl_json(un.parse("A/RES/112 (II) of 14 November 1947"))
    assert item["issued"] == {"date-parts": [[1947, 11, 14]]}
    assert "genre" not in item  # "Resolution" is the title already
    assert item["title"] == "Resolution 112 (II)"
    # a Council resolution without its year: the year its number belongs to
    assert un.to_csl_json(un.parse("S/RES/84"))["issued"] == {"date-parts": [[1950]]}
    # a verbatim record keeps its genre
    assert un.to_csl_json(un.parse("S/PV.473"))["genre"]
