"""The validity rules of UN symbols: each code, with real symbols on both sides of its boundary."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from archref.notations import un


def codes(text: str) -> list[str]:
    return [d.code for d in un.validate(un.parse(text))]


def test_every_rule_is_documented() -> None:
    from pathlib import Path

    page = (Path(__file__).parents[1] / "docs" / "un-symbols.md").read_text("utf-8")
    for code in un.RULES:
        assert f"### {code}" in page, code


# -- UN2xx: sessions and years ------------------------------------------------


@pytest.mark.parametrize(
    ("valid", "invalid"),
    [
        # the 30th regular session (1975) is the last written in roman numerals
        ("A/RES/3379(XXX)", "A/RES/72(XXXI)"),
        # the 7th special session (1975) is the last roman special session
        ("A/RES/3362(S-VII)", "A/RES/1(S-VIII)"),
        # the 5th emergency special session (1967) is the last roman one
        ("A/RES/2253(ES-V)", "A/RES/1(ES-VI)"),
    ],
)
def test_un201_roman_sessions_only_to_the_30th(valid: str, invalid: str) -> None:
    assert codes(valid) == []
    assert codes(invalid) == ["UN201"]


@pytest.mark.parametrize(
    ("valid", "invalid"),
    [
        # arabic session components begin with the 31st session (1976)
        ("A/31/251", "A/30/251"),
        ("A/C.6/31/L.10/Rev.1", "A/C.6/30/L.10/Rev.1"),
        ("A/RES/31/6", "A/RES/30/6"),
        # special sessions from the 8th, emergency special sessions from the 6th
        ("A/RES/S-10/2", "A/RES/S-7/2"),
        ("A/RES/ES-6/2", "A/RES/ES-5/2"),
    ],
)
def test_un202_arabic_sessions_from_the_31st(valid: str, invalid: str) -> None:
    assert codes(valid) == []
    assert codes(invalid) == ["UN202"]


def test_un202_does_not_apply_to_bodies_with_their_own_sessions() -> None:
    # the Human Rights Council and UNIDO count their own sessions from 1
    assert codes("A/HRC/16/L.25/Rev.1") == []
    assert codes("UNIDO/GC/1/L.3") == []
    assert codes("HS/C/4/L.10") == []


def test_un203_ecosoc_years_from_1978() -> None:
    assert codes("E/1978/1") == []
    assert codes("E/1989/C.3/L.10/Rev.1") == []
    assert codes("E/1977/1") == ["UN203"]
    assert codes("E/CN.4/1977/L.5") == ["UN203"]
    # before 1978 the same digits are a serial number
    assert codes("E/CN.4/1050") == []


def test_un204_security_council_years_from_1994() -> None:
    assert codes("S/1994/240") == []
    assert codes("S/25693") == []  # 1993: still serial
    assert codes("S/1993/240") == ["UN204"]


def test_un205_presidential_statements_from_1994() -> None:
    assert codes("S/PRST/1994/1") == []
    assert codes("S/PRST/1993/1") == ["UN205"]
    assert codes("S/PRST/12") == ["UN205"]


@pytest.mark.parametrize(
    "valid",
    [
        "S/RES/1 (1946)",
        "S/RES/15 (1946)",
        "S/RES/16 (1947)",
        "S/RES/82 (1950)",
        "S/RES/199 (1964)",
        "S/RES/200 (1965)",
        "S/RES/892 (1993)",
        "S/RES/893 (1994)",
        "S/RES/902 (1994)",
        "S/RES/1266 (1999)",
        "S/RES/1445 (2002)",
        "S/RES/2722 (2024)",
    ],
)
def test_un206_resolution_numbers_that_fit_their_year(valid: str) -> None:
    assert codes(valid) == []


@pytest.mark.parametrize(
    ("invalid", "suggestion"),
    [
        ("S/RES/15 (1947)", "S/RES/15 (1946)"),
        ("S/RES/16 (1946)", "S/RES/16 (1947)"),
        ("S/RES/82 (1951)", "S/RES/82 (1950)"),
        ("S/RES/199 (1965)", "S/RES/199 (1964)"),
        ("S/RES/200 (1964)", "S/RES/200 (1965)"),
        ("S/RES/893 (1993)", "S/RES/893 (1994)"),
        ("S/RES/1445 (2001)", "S/RES/1445 (2002)"),
        ("S/RES/1266 (2002)", "S/RES/1266 (1999)"),  # between two known 1999 numbers
        ("S/RES/1100 (2002)", None),  # 1995 to 1998: no single year to suggest
    ],
)
def test_un206_resolution_numbers_that_contradict_their_year(
    invalid: str, suggestion: str | None
) -> None:
    diags = un.validate(un.parse(invalid))
    assert [d.code for d in diags] == ["UN206"]
    assert diags[0].suggestion == suggestion


def test_un206_table_is_ordered_and_contiguous() -> None:
    assert un.sc_resolution_years(82) == (1950, 1950)
    assert un.sc_resolution_years(892) == (1993, 1993)
    assert un.sc_resolution_years(1100) == (1995, 1998)
    previous = 0
    for number in range(1, 893):
        span = un.sc_resolution_years(number)
        assert span is not None and span[0] == span[1]
        assert span[0] >= previous
        previous = span[0]


def test_un207_years_outside_the_un() -> None:
    next_year = datetime.date.today().year + 1
    assert codes("S/RES/1 (1946)") == []
    assert "UN207" in codes("S/RES/1 (1945)")
    assert "UN207" in codes(f"S/{next_year}/1")
    assert codes("S/2022/431") == []


def test_un208_session_or_year_in_the_wrong_organ() -> None:
    assert codes("S/RES/82 (V)") == ["UN208"]
    assert codes("A/RES/112 (1947)") == ["UN208"]
    assert codes("A/RES/112(II)") == []


# -- UN1xx: structure -----------------------------------------------------------


def test_un101_empty_component() -> None:
    d = un.validate(un.parse("A/6000/"))
    assert [x.code for x in d] == ["UN101"]
    assert d[0].suggestion == "A/6000"
    assert codes("A/6000") == []
    d = un.validate(un.parse("A//218"))
    assert (d[0].code, d[0].text, d[0].suggestion) == ("UN101", "//", "A/218")


def test_un102_modifier_without_number() -> None:
    assert codes("S/18164/Add") == ["UN102"]
    assert codes("S/15382/Add.1") == []
    assert codes("A/C.1/L.3/Rev") == ["UN102"]


def test_un103_malformed_roman_numerals() -> None:
    d = un.validate(un.parse("resolution 2625 (XXVV)"))
    assert [(x.code, x.text, x.suggestion) for x in d] == [("UN103", "XXVV", "A/RES/2625(XXV)")]
    assert codes("resolution 2625 (XXV)") == []
    assert codes("A/RES/1(IIII)") == ["UN103"]
    assert codes("TD/B/C.4/(XIV)/SC.2/L.3") == []
    assert codes("TD/B/C.4/(XIIII)/SC.2/L.3") == ["UN103"]


def test_un104_unknown_organ() -> None:
    assert codes("XYZ/1/L.1") == ["UN104"]
    assert codes("CEDAW/SP/1995/L.1") == []


def test_un105_unknown_body() -> None:
    d = un.validate(un.parse("A/SITE/11"))
    assert [(x.code, x.severity, x.text) for x in d] == [("UN105", "info", "SITE")]
    assert codes("A/AC.222/L.6") == []


def test_un106_and_un107_spelling_with_the_whole_symbol_suggested() -> None:
    d = un.validate(un.parse("T/138/ADD.1"))
    assert [(x.code, x.text, x.suggestion) for x in d] == [("UN106", "ADD.1", "T/138/Add.1")]
    d = un.validate(un.parse("DC/PV75"))
    assert [(x.code, x.text, x.suggestion) for x in d] == [("UN107", "PV75", "DC/PV.75")]
    d = un.validate(un.parse("S1373/CORR.1"))
    assert sorted(x.code for x in d) == ["UN106", "UN107"]
    assert {x.suggestion for x in d} == {"S/1373/Corr.1"}
    assert codes("S/AC/10/90") == ["UN107"]
    assert codes("S/AC.10/90") == []


def test_un108_elided_component() -> None:
    d = un.validate(un.parse("A/RES/54/..."))
    assert [(x.code, x.severity) for x in d] == [("UN108", "error")]


def test_un109_symbol_naming_a_body() -> None:
    assert "UN109" in codes("A/C4/SUB1/")
    assert "UN109" not in codes("E/CN.4/Sub.2/1994/2")


def test_un110_resolution_without_session_or_year() -> None:
    assert codes("A/RES/112") == ["UN110"]
    d = un.validate(un.parse("S/RES/82"))
    assert [(x.code, x.severity) for x in d] == [("UN110", "info")]


def test_un111_letter_after_serial() -> None:
    assert codes("A/48/19H") == ["UN111"]
    assert codes("A/48/19") == []


# -- UN3xx: OCR damage ------------------------------------------------------------


@pytest.mark.parametrize(
    ("damaged", "meant"),
    [
        ("A/AC.l09/493", "A/AC.109/493"),
        ("A/C.4/L.ll25", "A/C.4/L.1125"),
        ("S/65z", "S/652"),
        ("S/AC.10/CONF.2/C.I/10", "S/AC.10/CONF.2/C.1/10"),
        ("2ll2 (XX)", "A/RES/2112(XX)"),
    ],
)
def test_un301_ocr_damage_suggests_the_symbol_meant(damaged: str, meant: str) -> None:
    d = un.validate(un.parse(damaged))
    assert [x.code for x in d] == ["UN301"]
    assert d[0].suggestion == meant
    assert d[0].severity == "warning"
    assert codes(meant) == []


def test_is_valid() -> None:
    assert un.is_valid("A/C.1/218")
    assert not un.is_valid("S/65z")
    assert not un.is_valid("and/or")
    assert un.is_valid("A/SITE/11")  # info only


# -- the Secretary-General's series, and symbols that do not parse --------------


@pytest.mark.parametrize(
    "symbol",
    [
        # documents of the Sub-Committee of Experts on the Transport of Dangerous Goods
        # and of its Committee (unece.org/node/19207; ST/SG/AC.10/27 of 15 January 2001)
        "ST/SG/AC.10/C.3/2",
        "ST/SG/AC.10/C.3/110",
        "ST/SG/AC.10/C.3/109/Add.1",
        "ST/SG/AC.10/C.3/2019/38",
        "ST/SG/AC.10/27",
    ],
)
def test_the_secretary_generals_series_is_known(symbol: str) -> None:
    assert codes(symbol) == []


def test_sg_belongs_to_the_secretariat() -> None:
    (d,) = un.validate(un.parse("A/SG/2"))
    assert (d.code, d.text) == ("UN105", "SG")
    assert "only in symbols of ST" in d.message


def test_check_reports_a_symbol_that_parse_rejects(tmp_path: Path) -> None:
    from archref.reporting import check_files

    # the US draft of the 1947 Korea debate (undocs.org/A/C.1/218), its addendum
    # number lost; and a resolution symbol without its number
    path = tmp_path / "korea.txt"
    path.write_text(
        "The United States introduced its resolution (Document A/C.1/218/Add.x);\n"
        "the Assembly adopted A/RES/XYZ. See also S/RES/82 (1950) and A/C.1/229.\n",
        encoding="utf-8",
    )
    findings = check_files([path]).findings
    assert [(f.code, f.text, f.start.line, f.start.column) for f in findings] == [
        ("UN112", "A/C.1/218/Add.x", 1, 55),
        ("UN112", "A/RES/XYZ", 2, 22),
    ]
    for text in ("A/C.1/218/Add.x", "A/RES/XYZ"):
        with pytest.raises(un.ParseError):
            un.parse(text)


@pytest.mark.parametrize(
    "prose",
    [
        "and/or the A/B test; S/he wrote",
        "https://undocs.org/A/RES/XYZ",
        "1950/51/52 and E/1332/ADD.2",
        "A/RES/3379(XXX), S/PV.473, A/AC.l09/493",
    ],
)
def test_no_malformed_symbol_in_prose_or_good_symbols(prose: str) -> None:
    assert un.malformed(prose) == []


def test_malformed_parses_a_bounded_number_of_candidates() -> None:
    from work import calls

    # each candidate a different symbol-shaped string, so that none is read from the cache
    def text(n: int) -> str:
        return " ".join(f"A/RES/X{k}Y" for k in range(n))

    many = un.MAX_MALFORMED_CANDIDATES * 3
    assert len(un.malformed(text(many))) == un.MAX_MALFORMED_CANDIDATES
    un._parse_error.cache_clear()
    at_limit = calls(un.malformed, text(un.MAX_MALFORMED_CANDIDATES))
    un._parse_error.cache_clear()
    beyond = calls(un.malformed, text(many))
    assert beyond < at_limit * 1.5  # the candidates past the limit are not parsed
