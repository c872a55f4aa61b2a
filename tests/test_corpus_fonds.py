"""Real footnotes from tests/data/footnotes.jsonl (copied from public sources).

Every Russian-family line that holds one complete reference (or a chain of
them) is listed here with what it must parse to. Lines that hold a reference
inside prose, a reference followed by commentary, or an "ibid." are the
business of extraction (``archref.extract``); the ibid. lines are tested
below with their antecedents. Lines of other notations (the Australian
"AA:A1838" files) are out of scope for the fond family.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import archref
from archref.notations import fonds

DATA = Path(__file__).parent / "data" / "footnotes.jsonl"
CORPUS = [json.loads(line) for line in DATA.read_text("utf-8").splitlines()]
TEXTS = {row["text"] for row in CORPUS}

Levels = list[tuple[str, str]]


def L(fond: str, opis: str | None = None, delo: str | None = None, **more: str) -> Levels:
    out = [("fond", fond)]
    if opis is not None:
        out.append(("opis", opis))
    if delo is not None:
        out.append(("delo", delo))
    out.extend(more.items())
    return out


# (text, archive id or None, archive as cited, [levels per reference], [leaves per reference])
SINGLE: list[tuple[str, str | None, str, Levels, str | None]] = [
    ("РГАСПИ. Ф. 17. Оп. 162. Д. 7. Л. 99.", "RGASPI", "РГАСПИ", L("17", "162", "7"), "99"),
    ("РГАСПИ Ф. 17 Оп. 171. Д.224. Л.130.", "RGASPI", "РГАСПИ", L("17", "171", "224"), "130"),
    ("РГАНИ. Ф.2. Оп.1. Д.224. Л.70.", "RGANI", "РГАНИ", L("2", "1", "224"), "70"),
    ("ЦА\u00a0ФСБ. Ф.3. Оп.5. Д.1410. Л.212", "TsA FSB", "ЦА\u00a0ФСБ", L("3", "5", "1410"), "212"),
    (
        "РГАСПИ Ф. 17 Оп. 171. Д. 301. Л. 178–180.",
        "RGASPI",
        "РГАСПИ",
        L("17", "171", "301"),
        "178–180",
    ),
    (
        "АП\u00a0РФ. Ф.3. Оп.58. Д.212. Л.137–139.",
        "APRF",
        "АП\u00a0РФ",
        L("3", "58", "212"),
        "137–139",
    ),
    (
        "ЦА\u00a0ФСБ. Ф.3. Оп.4. Д.2256. Л.489.",
        "TsA FSB",
        "ЦА\u00a0ФСБ",
        L("3", "4", "2256"),
        "489",
    ),
    (
        "ЦА\u00a0ФСБ. Ф.3. Оп.5. Д. 85.Л.244–247.",
        "TsA FSB",
        "ЦА\u00a0ФСБ",
        L("3", "5", "85"),
        "244–247",
    ),
    ("РГАСПИ. Ф.17. Оп.171. Д.373. Л.1–2.", "RGASPI", "РГАСПИ", L("17", "171", "373"), "1–2"),
    (
        "РГАСПИ. Ф.17. Оп.171. Д.378. Л.196–211.",
        "RGASPI",
        "РГАСПИ",
        L("17", "171", "378"),
        "196–211",
    ),
    ("АП\u00a0РФ. Ф.3. Оп.57. Д.100. Л.3.", "APRF", "АП\u00a0РФ", L("3", "57", "100"), "3"),
    ("РГАСПИ. Ф.17. Оп.171. Д.409. Л.1.", "RGASPI", "РГАСПИ", L("17", "171", "409"), "1"),
    (
        "РГАСПИ, ф.17, т.1, оп.171, дело 409, лист 1",
        "RGASPI",
        "РГАСПИ",
        [("fond", "17"), ("tom", "1"), ("opis", "171"), ("delo", "409")],
        "1",
    ),
    (
        "РГАСПИ, ф.17, т.5, оп.171, дело 413, лист 360",
        "RGASPI",
        "РГАСПИ",
        [("fond", "17"), ("tom", "5"), ("opis", "171"), ("delo", "413")],
        "360",
    ),
    (
        "Rossiiskii gosudarstvennyi istoricheskii arkhiv (RGIA), fond (f.) 1286 (Departament "
        "politsii ispolnitel'noi Ministerstva vnutrennikh del), opis' (op.) 1, 1806 god (g.), "
        "delo (d.) 122, list (l.) 5ob.",
        "RGIA",
        "RGIA",
        [("fond", "1286"), ("opis", "1"), ("year", "1806"), ("delo", "122")],
        "5ob.",
    ),
    (
        "RGIA, f. 1286, op. 1, 1806 g., d.122, l. 7.",
        "RGIA",
        "RGIA",
        [("fond", "1286"), ("opis", "1"), ("year", "1806"), ("delo", "122")],
        "7",
    ),
    (
        "RGIA, fond 776 (Otdelenie kantseliarii Glavnogo upravleniia po delam pechati), op. 8, "
        "d. 2015 (Ob izdanii v gor. SPb zhurnala “Dukhovnyi khristianin”), l. 9.",
        "RGIA",
        "RGIA",
        L("776", "8", "2015"),
        "9",
    ),
    ("RGIA, f. 776, op.' 8, d. 2015, l. 4.", "RGIA", "RGIA", L("776", "8", "2015"), "4"),
    (
        "Gosudarstvennyi arkhiv Rossiiskoi Federatsii (GARF), f. 102, Departament politsii Osobyi "
        "otdel (DPOO), 1898 g., op. 226, d. 12, chast' 2, l. 3",
        "GARF",
        "GARF",
        [
            ("fond", "102"),
            ("section", "DPOO"),
            ("year", "1898"),
            ("opis", "226"),
            ("delo", "12"),
            ("chast", "2"),
        ],
        "3",
    ),
    (
        "GARF, f. 102 DPOO, 1898 g., op. 226, d. 12 chast' 2, l. 15.",
        "GARF",
        "GARF",
        [
            ("fond", "102"),
            ("section", "DPOO"),
            ("year", "1898"),
            ("opis", "226"),
            ("delo", "12"),
            ("chast", "2"),
        ],
        "15",
    ),
    (
        "GARF f. 102, DPOO 1898, op. 226 d. 12 ch. 2, l. 19.",
        "GARF",
        "GARF",
        [
            ("fond", "102"),
            ("section", "DPOO"),
            ("year", "1898"),
            ("opis", "226"),
            ("delo", "12"),
            ("chast", "2"),
        ],
        "19",
    ),
    ("RGIA, f. 776 , op. 8, d. 2015, l. 15.", "RGIA", "RGIA", L("776", "8", "2015"), "15"),
    ("RGIA, f. 776, op. 8, d. 2015.", "RGIA", "RGIA", L("776", "8", "2015"), None),
    ("ОГАЧО. Ф. Р-627. Оп. 1. Д. 73.", "OGAChO", "ОГАЧО", L("R-627", "1", "73"), None),
    (
        "ЦГА Республики Мордовия. Ф. Р-175. Оп. 1. Д. 4.",
        "TsGA RM",
        "ЦГА Республики Мордовия",
        L("R-175", "1", "4"),
        None,
    ),
    ("РГАСПИ Ф.71 Оп.35 Д.961 Л.4-6", "RGASPI", "РГАСПИ", L("71", "35", "961"), "4–6"),
    (
        "ГАВО (State Archive of Vologda Oblast), Ф. 388, оп. 10, д. 54",
        "GAVO",
        "ГАВО",
        L("388", "10", "54"),
        None,
    ),
    (
        "ЦГАКО (Central State Archive of Kirov Oblast), Ф. 1375, оп. 1, д. 200",
        "TsGAKO",
        "ЦГАКО",
        L("1375", "1", "200"),
        None,
    ),
    ("RGIA f. 1289 op. 1 d. 30, p. 17a.", "RGIA", "RGIA", L("1289", "1", "30"), "17a"),
]

CHAINS: list[tuple[str, str, list[Levels]]] = [
    (
        "РГАСПИ. Ф.17. Оп.171. Д.421. Л.1–492; Д.420. Л.1–68.",
        "РГАСПИ",
        [L("17", "171", "421"), L("17", "171", "420")],
    ),
    (
        "ГАОО. Ф. 235. Оп. 7. Д. 42; Оп. 8. Д. 4794; Ф. 1120. Оп. 1. Д. 21. Т. 1",
        "ГАОО",
        [L("235", "7", "42"), L("235", "8", "4794"), L("1120", "1", "21", tom="1")],
    ),
]

# consecutive notes: a reference, then "Там же" notes that repeat it
IBID_RUNS: list[list[tuple[str, Levels, str]]] = [
    [
        ("ЦА\u00a0ФСБ. Ф.3. Оп.5. Д.1410. Л.212", L("3", "5", "1410"), "212"),
        ("Там\u00a0же. Оп.4. Д.2241. Л.685.", L("3", "4", "2241"), "685"),
    ],
    [
        ("ЦА\u00a0ФСБ. Ф.3. Оп.4. Д.2256. Л.489.", L("3", "4", "2256"), "489"),
        ("Там\u00a0же. Оп.5. Д.86. Л.313.", L("3", "5", "86"), "313"),
        ("Там\u00a0же. Ф.7. Оп.1. Д. 9. Л.51–58.", L("7", "1", "9"), "51–58"),
    ],
    [
        ("ЦА\u00a0ФСБ. Ф.3. Оп.5. Д. 85.Л.244–247.", L("3", "5", "85"), "244–247"),
        ("Там же. Оп.4. Д.157. Л.578.", L("3", "4", "157"), "578"),
    ],
    [
        ("РГАСПИ. Ф.17. Оп.171. Д.373. Л.1–2.", L("17", "171", "373"), "1–2"),
        ("Там\u00a0же. Л.74.", L("17", "171", "373"), "74"),
    ],
    [
        ("РГАСПИ. Ф.17. Оп.171. Д.373. Л.1–2.", L("17", "171", "373"), "1–2"),
        ("Там\u00a0же. Д.377. Л.116–136.", L("17", "171", "377"), "116–136"),
        ("Там\u00a0же. Л.116.", L("17", "171", "377"), "116"),
    ],
]


def archive_of(ref: archref.ArchivalReference) -> str | None:
    return ref.archive.id if ref.archive else None


def test_fixtures_are_real_corpus_lines() -> None:
    for text, *_ in SINGLE:
        assert text in TEXTS, text
    for text, *_ in CHAINS:
        assert text in TEXTS, text
    for run in IBID_RUNS:
        for text, *_ in run:
            assert text in TEXTS, text


@pytest.mark.parametrize(("text", "archive", "cited", "expected", "leaves"), SINGLE)
def test_single_reference_lines(
    text: str, archive: str | None, cited: str, expected: Levels, leaves: str | None
) -> None:
    ref = archref.parse(text)
    assert archive_of(ref) == archive
    assert ref.archive_as_cited == cited
    assert [(lv.kind, lv.value) for lv in ref.levels] == expected
    assert (str(ref.folios) if ref.folios else None) == leaves


@pytest.mark.parametrize(("text", "cited", "expected"), CHAINS)
def test_chain_lines(text: str, cited: str, expected: list[Levels]) -> None:
    refs = fonds.parse_chain(text)
    assert [[(lv.kind, lv.value) for lv in r.levels] for r in refs] == expected
    assert {r.archive_as_cited for r in refs} == {cited}


@pytest.mark.parametrize("run", IBID_RUNS)
def test_ibid_runs(run: list[tuple[str, Levels, str]]) -> None:
    previous: archref.ArchivalReference | None = None
    for text, expected, leaves in run:
        (ref,) = fonds.parse_chain(text, antecedent=previous)
        assert [(lv.kind, lv.value) for lv in ref.levels] == expected
        assert str(ref.folios) == leaves
        if previous is not None:
            assert ref.archive == previous.archive
        previous = ref


def test_every_single_line_round_trips_in_every_style() -> None:
    for text, *_ in SINGLE:
        ref = archref.parse(text)
        for style in fonds.STYLES:
            assert archref.parse(ref.format(style)) == ref, (text, style)
