"""Finding UN symbols in running text: spans, prefixes, lists, joint symbols, resolutions
by name, no false positives, and a linear scan."""

from __future__ import annotations

import pytest

from archref.notations import un
from work import Repeated, assert_linear


def found(text: str) -> list[str]:
    return [str(m.symbol) for m in un.find(text)]


def test_spans_point_into_the_original_text() -> None:
    text = (
        "1 The text of this letter, (S/1180), is given in United Nations, Security Council "
        "Official Records, Fourth Year, Supplement for January, pp.4-6."
    )
    (m,) = un.find(text)
    assert str(m.symbol) == "S/1180"
    assert text[m.start : m.end] == m.text == "S/1180"
    assert m.certain is False  # a bare organ/number pair
    assert m.via == "symbol"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "1 The full text of this report, Document S/1212, is given in United Nations, "
            "Security Council Official Records, Fourth Year, Supplement for January, p.49.",
            ["S/1212"],
        ),
        ("1 This report was registered as Document S/1235.", ["S/1235"]),
        (
            "1 The Corrigendum to the summary record of the 61st Meeting "
            "S/AC.10/SR.61/Corr.1 was dated 16 February.",
            ["S/AC.10/SR.61/Corr.1"],
        ),
        (
            "3 The Netherlands working paper No. IV on the 'Principal outlines of the structure "
            "of the Netherlands Indonesian Union' was registered on 19 April as "
            "S/AC.10/CONF.2/C.1/W.7.",
            ["S/AC.10/CONF.2/C.1/W.7"],
        ),
        ("See U.N. Doc. A/C.1/218 and UN Doc. S/1501.", ["A/C.1/218", "S/1501"]),
        ("as decided in S/RES/82 (1950) and A/RES/112(II).", ["S/RES/82 (1950)", "A/RES/112(II)"]),
        ("the draft A/C.3/45/L.39/Rev.1 was adopted", ["A/C.3/45/L.39/Rev.1"]),
        ("verbatim records S/PV.473 and A/64/PV.122", ["S/PV.473", "A/64/PV.122"]),
    ],
)
def test_symbols_in_footnotes(text: str, expected: list[str]) -> None:
    matches = un.find(text)
    assert [str(m.symbol) for m in matches] == expected
    for m in matches:
        assert text[m.start : m.end] == m.text


def test_prefixed_symbols_are_certain_and_damaged_ones_reported() -> None:
    text = (
        "2 The text of the UN Commission for Indonesia's First Interim Report, Document S/1373"
        "  & S1373/CORR.1, dated 4 August, is given in United Nations, Security Council "
        "Official Records, Fourth Year, Special Supplement No. 5, PP.1-84."
    )
    first, second = un.find(text)
    assert (str(first.symbol), first.certain) == ("S/1373", True)
    assert (str(second.symbol), second.certain) == ("S/1373/Corr.1", True)
    assert text[second.start : second.end] == "S1373/CORR.1"
    assert {d.code for d in second.diagnostics} == {"UN106", "UN107"}
    for d in second.diagnostics:
        assert d.suggestion == "S/1373/Corr.1"
        assert text[d.start : d.end] == d.text


def test_ocr_damage_in_prose_comes_with_a_suggestion() -> None:
    text = "the Committee's report (A/AC.l09/493) was circulated"
    (m,) = un.find(text)
    (d,) = m.diagnostics
    assert d.code == "UN301"
    assert d.suggestion == "A/AC.109/493"
    assert text[d.start : d.end] == "AC.l09"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A/AC.19/80 and Add.1-2", ["A/AC.19/80", "A/AC.19/80/Add.1", "A/AC.19/80/Add.2"]),
        ("S/9696 and Corr.1 & 2", ["S/9696", "S/9696/Corr.1", "S/9696/Corr.2"]),
        ("S/471 and S/471/Add.1", ["S/471", "S/471/Add.1"]),
        ("A/RES/66/130, A/66/455 and Corr.1", ["A/RES/66/130", "A/66/455", "A/66/455/Corr.1"]),
        ("A/32/251 & Add.1-3", ["A/32/251"] + [f"A/32/251/Add.{n}" for n in (1, 2, 3)]),
        ("E/1111/Add.1-5", [f"E/1111/Add.{n}" for n in range(1, 6)]),
        ("S/268/Rev.1 and Corr.1", ["S/268/Rev.1", "S/268/Rev.1/Corr.1"]),
        ("A/35/89-S/13784", ["A/35/89", "S/13784"]),
        ("S/3995 (incorporating the amendment)S/3998", ["S/3995", "S/3998"]),
    ],
)
def test_lists_and_joint_symbols_are_expanded(text: str, expected: list[str]) -> None:
    assert found(text) == expected


def test_list_members_carry_their_own_span() -> None:
    text = "See S/9696 and Corr.1 & 2, dated 12 June 1970."
    matches = un.find(text)
    assert [(m.text, m.via) for m in matches] == [
        ("S/9696", "symbol"),
        ("Corr.1", "list"),
        ("2", "list"),
    ]
    # "12 June" is a date, not a third corrigendum
    assert len(matches) == 3


def test_joint_symbol_members() -> None:
    text = "Letter dated 12 May 1980 (A/35/89-S/13784) from the representative"
    first, second = un.find(text)
    assert (first.text, first.via, second.text, second.via) == (
        "A/35/89",
        "symbol",
        "S/13784",
        "joint",
    )


def test_symbols_run_together_are_split_and_flagged() -> None:
    first, second = un.find("S/2020/693S/2020/681", strict=False)
    assert (str(first.symbol), str(second.symbol)) == ("S/2020/693", "S/2020/681")
    assert "UN302" in {d.code for d in first.diagnostics}
    assert "UN302" in {d.code for d in second.diagnostics}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("General Assembly resolution 377 A (V) of 3 November 1950", ["A/RES/377(V)[A]"]),
        ("Security Council resolution 82 (1950) of 25 June", ["S/RES/82 (1950)"]),
        (
            "Recalling its resolution 242 (1967) of 22 November 1967 and 338 (1973)",
            ["S/RES/242 (1967)"],
        ),
        (
            "in accordance with resolutions 1514 (XV) and 2625 (XXV),",
            ["A/RES/1514(XV)", "A/RES/2625(XXV)"],
        ),
        ("Recalling General Assembly resolution 31/6 A", ["A/RES/31/6[A]"]),
        ("Human Rights Council resolution 5/1 of 18 June 2007", ["A/HRC/RES/5/1"]),
        ("resolution 2625 (XXVV)", ["A/RES/2625(XXVV)"]),
        # unnamed new-style numbers could be the Assembly's, the Council's or ECOSOC's
        ("in its resolution 31/6", []),
        # a year form that no Security Council resolution can have is someone else's
        ("Senate resolution 5 (1990)", []),
    ],
)
def test_resolutions_by_name(text: str, expected: list[str]) -> None:
    matches = un.find(text)
    assert [str(m.symbol) for m in matches] == expected
    for m in matches:
        assert m.via == "name"
        assert text[m.start : m.end] == m.text


def test_named_resolution_span_covers_the_name() -> None:
    text = "under General Assembly resolution 181 (II), the plan"
    (m,) = un.find(text)
    assert m.text == "General Assembly resolution 181 (II)"


def test_malformed_roman_in_prose_is_reported() -> None:
    (m,) = un.find("Recalling resolution 2625 (XXVV) of the General Assembly")
    (d,) = m.diagnostics
    assert (d.code, d.suggestion) == ("UN103", "A/RES/2625(XXV)")


PROSE_WITHOUT_SYMBOLS = """\
We ran A/B testing on the landing page and/or the sign-up form, with support 24/7.
S/he said that 1/2 of the sample arrived on 6/25/50 at 40 km/h; TCP/IP and I/O were N/A.
The full text is at https://undocs.org/A/C.1/218 and http://www.un.org/Depts/dhl/S/1501,
or write to archives/S/1501@example.org. See also www.un.org/en/ga/A/RES/31/6.
File numbers: PRO: FO 371/84053; PRO:DO114/114; NAA: A1838, 3038/10/1/2; AA : A4231/2;
National Archives, RG 59, Central Files, 795.00/6-2550; SAPMO-BArch, DY 30/J IV 2/3/876;
NY 4090/437, Bl. 8; IPN BU 1572/3712; NA, KSČ-ÚV, a. j. 170/14, sv. 68; OS/2 and AC/DC.
[PRO : PREM 4/43A/16] and 1950-S/1501x. The file A/48/19H was closed; grade A/2 in w/o
and c/o notes; MOL 5/a; Job 80-R01386R.
"""


def test_no_false_positives_on_prose() -> None:
    assert un.find(PROSE_WITHOUT_SYMBOLS) == []


def test_bare_forms_need_evidence_but_prefixed_ones_do_not() -> None:
    assert found("the file A/48/19H") == []
    assert found("Document A/48/19H") == ["A/48/19H"]
    assert found("grade A/2") == []
    assert found("UN Doc. S/65z") == ["S/65z"]
    assert found("the 1949 report S/65z") == []
    assert found("the report A/48/19") == ["A/48/19"]
    assert found("OS/2 Warp") == []
    assert found("Document OS/2") == ["OS/2"]


def test_strict_false_reads_table_cells() -> None:
    assert [str(s) for s in un.expand("S/552, S/PV.202")] == ["S/552", "S/PV.202"]
    assert [str(s) for s in un.expand("S/3713/Rev.1 (as amended)")] == ["S/3713/Rev.1"]


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # DAFP vol. 12, 68-report-by-heyward.md: a space for the full stop of a body
        (
            "32. I put in a paper (E/CN 1/39) in an attempt to get the Commission down to "
            "practical details",
            [("E/CN 1/39", "E/CN.1/39")],
        ),
        # DAFP vol. 28, 30-savingram-from-department-of-external-affairs-to-posts.md
        (
            "First Phase of a Comprehensive Agreement for Disarmament, UN document DC/SC 1/42, "
            "3 April 1956.",
            [("DC/SC 1/42", "DC/SC.1/42")],
        ),
        # DAFP vol. 13, 40-kirby-to-burton.md: and no full stop in the first body either
        (
            "by its statement in paragraph 2 of (S/AC10/CONF 2/13), had recognised",
            [("S/AC10/CONF 2/13", "S/AC.10/CONF.2/13")],
        ),
        # DAFP vol. 11, 453-kirby-to-burton.md (wragge/dfat-documents-web): a
        # space for the slash and for the full stop of the second body
        (
            "A copy of the plan [S/AC.10 Conf 1/9] [4], . . .",
            [("S/AC.10 Conf 1/9", "S/AC.10/CONF.1/9")],
        ),
        # DAFP vol. 13, 33-critchley-to-kirby-and-department-of-external-affairs.md:
        # the second symbol written by its end only
        (
            "The statement of clarifications, S/AC.10/CONF.2/5 and 2/6 of 17 January, contained",
            [("S/AC.10/CONF.2/5", "S/AC.10/CONF.2/5"), ("2/6", "S/AC.10/CONF.2/6")],
        ),
        # DAFP vol. 13, 110-critchley-to-kirby.md
        (
            "working papers on the structure of the United States of Indonesia "
            "(S/AC.10/CONF.2/C.1/W.2 and W.40). See also Document 106.",
            [
                ("S/AC.10/CONF.2/C.1/W.2", "S/AC.10/CONF.2/C.1/W.2"),
                ("W.40", "S/AC.10/CONF.2/C.1/W.40"),
            ],
        ),
        # DAFP vol. 13, 194-australian-delegation-united-nations-to-department-of-
        # external-affairs.md: the number again, with its addendum
        (
            "suspension of negotiations circulated as document S/850 and 850 add 1 [2], as follows",
            [("S/850", "S/850"), ("850 add 1", "S/850/Add.1")],
        ),
    ],
)
def test_spaced_numbers_and_elided_symbols(note: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.text, str(m.symbol)) for m in un.find(note)] == expected


@pytest.mark.parametrize(
    "prose",
    [
        "the S/1501 and 2 other papers",
        "and/or 2 papers, w/o 3 copies",
        "S/1501 and 2/3 of the members",
    ],
)
def test_no_elision_read_into_prose(prose: str) -> None:
    assert [str(m.symbol) for m in un.find(prose)] in ([], ["S/1501"])


#: Inputs built to make the finder backtrack or loop, at the size the old timed test read.
PATHOLOGICAL = {
    "digits": Repeated("7", 100_000),
    "slashes": Repeated("/", 100_000),
    "digits and slashes": Repeated("1/", 50_000),
    "organ and slashes": Repeated("A/", 50_000),
    "dots": Repeated("A.", 50_000),
    "letters": Repeated("A", 100_000),
    "mixed": Repeated("A/1.S/2-E/3", 9_000),
    "run together": Repeated("S/1S/1", 16_000),
    "spaced": Repeated("S/1 ", 25_000),
    "list": Repeated("Corr.1 & 2 & ", 7_000, head="S/1 and Add.1 & "),
    "resolutions": Repeated("resolution ", 9_000),
    "resolution items": Repeated("1 (I), ", 14_000, head="resolutions "),
    "prefixes": Repeated("Document ", 11_000),
    "spaces after a symbol": Repeated(" ", 100_000, head="S/1501"),
    "parentheses": Repeated("A/(I)/", 16_000),
    "ocr": Repeated("l", 100_000, tail="/1"),
    "spaced numbers": Repeated("E/CN 1/", 14_000),
    "spaced slashes": Repeated("S/AC.10 Conf 1/", 7_000),
    "elided ends": Repeated("2/6 and ", 12_000, head="S/AC.10/CONF.2/5 and "),
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_scan_is_fast_on_pathological_input(name: str) -> None:
    make = PATHOLOGICAL[name]
    assert len(make.text()) >= 90_000
    # work counted, not timed: ten times the input makes at most ~ten times the calls
    counted = assert_linear(un.find, make, make.times // 10)
    assert len(counted.result_10n) <= 10 * len(counted.result_n) + 1
