"""The US National Archives notation: parsing, finding, rules, writing, CSL, archival sources."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import archref
from archref.formats.archives import archival_sources, format_archival_sources
from archref.formats.csl import archival_item, archive_location
from archref.model import ArchivalReference, Level, ParseError
from archref.notations import nara
from archref.registry import default_registry
from work import assert_linear

# Real notes: the "us" lines of the shared footnote corpus, from the Office of
# the Historian's TEI sources (HistoryAtState/frus-history,
# monograph/frus-history.xml; HistoryAtState/other-publications,
# buildings/buildings.xml and views-from-the-embassy/views-from-the-embassy.xml).
# Each note with the NARA references it holds, as written.
CORPUS: list[tuple[str, list[str | tuple[str, str]]]] = [
    (
        "Huntington Wilson to Smoot, March 8, 1910, NARA, RG 59, CDF 1910–1929, 119.4 "
        "(Case 2000/25).",
        ["NARA, RG 59, CDF 1910–1929, 119.4 (Case 2000/25)"],
    ),
    (
        "Knox to Eugene Hale, February 28, 1911, NARA, RG 59, CDF 1910–1929, 119.4/33A.",
        ["NARA, RG 59, CDF 1910–1929, 119.4/33A"],
    ),
    (
        "William McNeir to all Bureau and Division heads, January 23, 1913, NARA, RG 59, "
        "CDF 1910–1929, 119.4/38.",
        ["NARA, RG 59, CDF 1910–1929, 119.4/38"],
    ),
    (
        "H[arry] G D[wight] to [Edwin C.] Wilson and [J. Butler] Wright, June 4, 1924, NARA, "
        "RG 59, CDF 1910–1929, 111.324/44 and Charles E. Hughes to Samuel M. Ralston, "
        "December 12, 1924, NARA, RG 59, CDF 1910–1929, 111.324/17.",
        ["NARA, RG 59, CDF 1910–1929, 111.324/44", "NARA, RG 59, CDF 1910–1929, 111.324/17"],
    ),
    (
        "[John V.A.] MacM[urray] to Dennett, April 10, 1925, NARA, RG 59, CDF 1910–1929, "
        "026 Foreign Relations/17 1/2.",
        ["NARA, RG 59, CDF 1910–1929, 026 Foreign Relations/17 1/2"],
    ),
    (
        "Dennett to MacMurray, February 17, 1925, and Dennett to MacMurray and attached draft, "
        "February [stamped March], 2, 1925, NARA, RG 59, Miscellaneous Office Files, "
        "1910–1944, Box 35, 55D606 OSS/PB–1.",
        ["NARA, RG 59, Miscellaneous Office Files, 1910–1944, Box 35, 55D606 OSS/PB–1"],
    ),
    (
        "See passim, NARA, RG 59, WTC Lot File 83D222, Box 5, 1947–1948; 1949–1950; and 1951–1952.",
        ["NARA, RG 59, WTC Lot File 83D222, Box 5, 1947–1948"],
    ),
    (
        "Robert Barnes to Noble, March 1, 1950 and Noble to Dean Acheson, March 3, 1950 in "
        "NARA, RG 59, WTC Lot File 83D222, Box 5, 1949–1950.",
        ["NARA, RG 59, WTC Lot File 83D222, Box 5, 1949–1950"],
    ),
    (
        "Chief Clerk R. S. Chew to Fish, June 27, 1871, NARA, RG 59, M800, Reports of Clerks "
        "and Bureau Officers of the Department of State, Roll 5.",
        [
            "NARA, RG 59, M800, Reports of Clerks and Bureau Officers of the Department of "
            "State, Roll 5"
        ],
    ),
    (
        "Daniel Sickles to Fish, January 28, 1873, NARA, RG 59, M31, Despatches From U.S. "
        "Ministers to Spain, 1792–1906, Roll 56.",
        ["NARA, RG 59, M31, Despatches From U.S. Ministers to Spain, 1792–1906, Roll 56"],
    ),
    (
        "Adams to Seward, August 16, 1861 in Message, 1861, pp. 127–128 and NARA, RG 84, U.S. "
        "Legation Great Britain, Despatches to the Department of State, Vol. 22; Seward to "
        "Adams, September 2, 1861 in Message, 1861, pp. 140–141 and NARA, RG 59, Diplomatic "
        "Correspondence (1785–1906), Instructions to Diplomatic Officers, Great Britain, "
        "Vol. 97.",
        [
            "NARA, RG 84, U.S. Legation Great Britain, Despatches to the Department of State, "
            "Vol. 22",
            "NARA, RG 59, Diplomatic Correspondence (1785–1906), Instructions to Diplomatic "
            "Officers, Great Britain, Vol. 97",
        ],
    ),
    (
        "J[oseph] V F[uller] to Dennett, April 30, 1930, NARA, RG 59, Unindexed Records "
        "(Central Files), 1910–1944, Box 5, 1930.",
        ["NARA, RG 59, Unindexed Records (Central Files), 1910–1944, Box 5, 1930"],
    ),
    (
        "“Government Publications at the Disposal of the DEPARTMENT OF STATE, in limited "
        "numbers,” Bureau of Rolls and Library, October 23, 1905, NARA, RG 59, Reports of "
        "Clerks and Bureau Officers of the Department of State, 1790–1911, M800, Roll 8, "
        "pp. 713–714.",
        [
            "NARA, RG 59, Reports of Clerks and Bureau Officers of the Department of State, "
            "1790–1911, M800, Roll 8, pp. 713–714"
        ],
    ),
    (
        "U.S. Embassy London to Secretary of State, March 21, 1955, NARA, RG 59, WTC Lot File "
        "83D222, Box 6, March 1955; Dulles to Eden, March 23, 1955 and Eden to Dulles, March "
        "30, 1955, Eisenhower Library, Dulles Papers, Subject Series, Box 8, Yalta-Malta "
        "Papers, etc. 1955.",
        [
            "NARA, RG 59, WTC Lot File 83D222, Box 6, March 1955",
            # the folder's title ends before ", etc. 1955": a title starts with a capital
            (
                "Eisenhower Library, Dulles Papers, Subject Series, Box 8, Yalta-Malta Papers",
                "DDEL",
            ),
        ],
    ),
    (
        "Dennett to Frank Polk, November 10, 1928, NARA, RG 59, Unindexed Records (Central "
        "Files), 1910–1944, Box 3, 1928–2 and Dennett to Polk, March 16, 1929, NARA, RG 59, "
        "Unindexed Records (Central Files), 1910–1944, Box 4, 1929–1.",
        [
            "NARA, RG 59, Unindexed Records (Central Files), 1910–1944, Box 3, 1928–2",
            "NARA, RG 59, Unindexed Records (Central Files), 1910–1944, Box 4, 1929–1",
        ],
    ),
    (
        "See, passim, NARA, RG 59, CDF 1910–1929, 026 History of the World War/14 through 026 "
        "History of the World War/34.",
        ["NARA, RG 59, CDF 1910–1929, 026 History of the World War/14"],
    ),
    (
        "Letter from William Seward to John D. Defrees, November 29, 1861, p. 520, NARA, RG 59, "
        "M40 Domestic Letters of the Department of State, 1784–1906, Vol. 55, Reel 52; letter "
        "from Frederick Seward to Defrees, December 12, 1861, p. 22, NARA, RG 59, M40 Domestic "
        "Letters of the Department of State, 1784–1906, Vol. 56, Reel 53.",
        [
            "NARA, RG 59, M40 Domestic Letters of the Department of State, 1784–1906, Vol. 55, "
            "Reel 52",
            "NARA, RG 59, M40 Domestic Letters of the Department of State, 1784–1906, Vol. 56, "
            "Reel 53",
        ],
    ),
    (
        "MS. National Archives, Record Group 53, Waste Book F and Journal D, from the "
        "Register’s Office in New York, August 31, 1785-July 14, 1789, II, 1876.",
        ["National Archives, Record Group 53, Waste Book F and Journal D"],
    ),
    (
        "Telegram from Herrick (Paris) to Secretary of State (Washington DC) Received July 31, "
        "1914, 5:12pm. (National Archives, RG 59 123 H 43/36)",
        ["National Archives, RG 59 123 H 43/36"],
    ),
    (
        "Telegram from Secretary of State (Washington DC) to Herrick (Paris) August 1, 1914, "
        "9pm. (National Archives, RG 59 123 H 43/37a)",
        ["National Archives, RG 59 123 H 43/37a"],
    ),
    (
        "Telegram from Bryan (Washington DC) to Herrick (Paris), August 25, 1914. (National "
        "Archives, RG 59, Central Decimal File 1910–29, File 123 H 43)",
        ["National Archives, RG 59, Central Decimal File 1910–29, File 123 H 43"],
    ),
]

# "us" lines of the corpus with no NARA reference: the Library of Congress, a
# presidential library, the YMCA archives, and a decimal file with no record
# group ("MS. Department of State, file 102.5/7-953"; HistoryAtState/
# other-publications, buildings/buildings.xml), which is not found on its own
# (the Department of State's files need a series: "Central Files, ...").
FORD_NOTE = (
    "Denis Clift to Kissinger, “Soviet Use of Declassified Documents,” October 8, 1975, "
    "Gerald R. Ford Presidential Library, National Security Adviser Presidential Country "
    "Files for Europe and Canada, Box 18, USSR (23)."
)
NOT_NARA = [
    "Fish to John Jay, Jr., January 17, 1870, LCM, Fish Papers, Container 67.",
    "Paul B. Anderson, letter to his mother, October 10, 1920, 4 (PBAFP KFYA).",
    FORD_NOTE,
    "MS. Department of State, file 102.5/7-953. Also, see Martin I. Yoelson, Supervisory "
    "Interpretive Specialist, Independence National Historical Park, Philadelphia, to Edwin "
    "S. Costrell, Chief, Historical Studies Division, March 27, 1975.",
]


def nara_texts(text: str) -> list[str]:
    return [c.text for c in archref.extract(text) if c.archival is not None]


# --------------------------------------------------------------------------- corpus


def _expected(item: str | tuple[str, str]) -> tuple[str, str]:
    return (item, "NARA") if isinstance(item, str) else item


@pytest.mark.parametrize(("note", "expected"), CORPUS)
def test_corpus_notes_are_found_with_exact_spans(
    note: str, expected: list[str | tuple[str, str]]
) -> None:
    found = [c for c in archref.extract(note) if c.archival is not None]
    got = [(c.text, c.archival.archive.id if c.archival.archive else None) for c in found]
    assert got == [_expected(e) for e in expected]
    for c in found:
        assert note[c.start : c.end] == c.text
        assert c.archival is not None and c.archival.notation == "nara"


@pytest.mark.parametrize("note", NOT_NARA)
def test_corpus_notes_without_nara_references(note: str) -> None:
    assert [
        c
        for c in archref.extract(note)
        if c.archival is not None and c.archival.archive is not None
        if c.archival.archive.id == "NARA"
    ] == []


def test_a_presidential_library_in_the_corpus_is_found() -> None:
    (c,) = archref.extract(FORD_NOTE)
    assert c.archival is not None and c.archival.archive is not None
    assert c.archival.archive.id == "GRFL"
    assert c.text == (
        "Gerald R. Ford Presidential Library, National Security Adviser Presidential Country "
        "Files for Europe and Canada, Box 18, USSR (23)"
    )
    assert [(lv.kind, lv.value) for lv in c.archival.levels] == [
        ("series", "National Security Adviser Presidential Country Files for Europe and Canada"),
        ("box", "18"),
        ("folder", "USSR (23)"),
    ]


@pytest.mark.parametrize("text", [_expected(t)[0] for _, refs in CORPUS for t in refs])
def test_corpus_references_parse_and_round_trip(text: str) -> None:
    ref = archref.parse(text)
    assert isinstance(ref, ArchivalReference) and ref.notation == "nara"
    for style in nara.STYLES:
        if style == "short" and ref.levels[0].kind != "record_group":
            # without a record group only the repository's name says whose it is: the
            # short form (the CSL archive_location, the archive given apart) leaves it out
            assert ref.format("en") == f"{ref.archive.id}, {ref.format('short')}"  # type: ignore[union-attr]
            continue
        assert archref.parse(ref.format(style)) == ref, style


# --------------------------------------------------------------------------- parsing


def levels(text: str) -> list[tuple[str, str]]:
    return [(lv.kind, lv.value) for lv in nara.parse(text).levels]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "NARA, RG 59, CDF 1910–1929, 119.4/33A",
            [("record_group", "59"), ("series", "CDF 1910–1929"), ("file", "119.4/33A")],
        ),
        (
            "National Archives, RG 59, Central Files, 795.00/6-2550",
            [("record_group", "59"), ("series", "Central Files"), ("file", "795.00/6-2550")],
        ),
        (  # DOMAIN.md
            "National Archives, RG 59, Central Files 1967-69, POL 27 ARAB-ISR",
            [
                ("record_group", "59"),
                ("series", "Central Files 1967-69"),
                ("file", "POL 27 ARAB-ISR"),
            ],
        ),
        (
            "RG 59, Central Files 1964-66, POL 15-1 US",
            [("record_group", "59"), ("series", "Central Files 1964-66"), ("file", "POL 15-1 US")],
        ),
        (
            "NARA, RG 59, Lot File 64 D 563, Box 12",
            [("record_group", "59"), ("lot", "64 D 563"), ("box", "12")],
        ),
        (  # a series, ": ", its lot file (FRUS's way of citing the State Department's lots)
            "National Archives, RG 59, S/P Files: lot 64 D 563",
            [("record_group", "59"), ("series", "S/P Files"), ("lot", "64 D 563")],
        ),
        (
            "U.S. National Archives, Record Group 59, Entry 1071, Box 3, Folder Korea 1950",
            [
                ("record_group", "59"),
                ("entry", "1071"),
                ("box", "3"),
                ("folder", "Korea 1950"),
            ],
        ),
        (
            "NA, RG59, Central Decimal File 1910–29, 102.5/7-953",
            [
                ("record_group", "59"),
                ("series", "Central Decimal File 1910–29"),
                ("file", "102.5/7-953"),
            ],
        ),
        (
            "National Archives and Records Administration, College Park, MD, RG 59, Central "
            "Files, 795.00/6-2550",
            [("record_group", "59"), ("series", "Central Files"), ("file", "795.00/6-2550")],
        ),
        (
            "NARA, RG 59, M800, Roll 5",
            [("record_group", "59"), ("microfilm", "M800"), ("roll", "5")],
        ),
    ],
)
def test_parse_levels(text: str, expected: list[tuple[str, str]] | None) -> None:
    if expected is None:
        with pytest.raises(ParseError):
            nara.parse(text)
    else:
        assert levels(text) == expected


def test_what_was_written_is_kept() -> None:
    ref = nara.parse("National Archives, Record Group 59, lot 64 D 563")
    assert ref.archive_as_cited == "National Archives"
    assert ref.levels[0].label == "Record Group"
    assert ref.levels[1] == Level("lot", "64 D 563")
    assert ref.levels[1].label == "lot"
    assert str(ref) == "NARA, RG 59, lot 64 D 563"
    assert ref.text == "National Archives, Record Group 59, lot 64 D 563"


def test_pages_are_the_locator() -> None:
    ref = nara.parse("NARA, RG 59, M800, Roll 8, pp. 713–714")
    assert ref.folios is not None and ref.folios.unit == "page"
    assert str(ref.folios) == "713–714"
    assert str(ref) == "NARA, RG 59, M800, Roll 8, pp. 713–714"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("National Archives, FO 371/1", "expected a record group"),
        ("NARA, 795.00/6-2550", "expected a record group"),
        ("795.00/6-2550", "not a reference of the US National Archives"),
        ("NARA, RG 59, Central Files, 795.00/6-2550 and more", "unexpected text"),
        ("", "empty text"),
    ],
)
def test_parse_errors(text: str, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        nara.parse(text)


def test_parse_rejects_non_strings() -> None:
    with pytest.raises(TypeError):
        nara.parse(59)  # type: ignore[arg-type]


def test_the_uk_national_archives_stay_the_uk_s() -> None:
    assert archref.parse("TNA, FO 371/84053").archive.id == "TNA"  # type: ignore[union-attr]
    text = "The National Archives, Kew, FO 371/84053; National Archives, RG 59, Central Files"
    found = [(c.text, c.archival.notation) for c in archref.extract(text) if c.archival]
    assert found == [
        ("The National Archives, Kew, FO 371/84053", "tna"),
        ("National Archives, RG 59, Central Files", "nara"),
    ]


# --------------------------------------------------------------------------- finding


@pytest.mark.parametrize(
    "prose",
    [
        "the decimal file 795.00/6-2550 was opened",
        "lot 64 D 563 and 55D606 were retired",
        "the records in RG 59 show it",  # a record group with nothing after it, no archive
        "NA, KSČ-ÚV, a. j. 170/14, sv. 68",
        "National Archives of Estonia, ERAF.9596.1.18",
        "MS. Department of State, file 102.5/7-953.",
        "DNA RG 5, cells",
    ],
)
def test_not_found_in_prose(prose: str) -> None:
    assert nara.find(prose) == []


def test_a_named_record_group_alone_is_found_and_reported() -> None:
    (c,) = archref.extract("See NARA, RG 59. Then")
    assert c.text == "NARA, RG 59"
    assert [d.code for d in c.diagnostics] == ["ARC302"]


def test_prose_after_an_identifier_is_not_taken() -> None:
    text = "NARA, RG 59, Central Files, 795.00/6-2550, Acheson to Truman, June 25."
    assert nara_texts(text) == ["NARA, RG 59, Central Files, 795.00/6-2550"]


_ADVERSARIAL_CHUNKS = [
    "NARA, RG 59, " + "Central Files of the " * 50,
    "RG 59, " + "123 H 43 " * 40,
    "National Archives, RG 59, " + "Box 1, " * 30,
    "NA " * 50,
    "(" * 40 + "National Archives, RG 59, Unindexed Records (",
    "RG 59, CDF 1910–1929, 026 " + "Foreign Relations " * 30,
    "NARA, RG 59, " + "A, " * 60,
]


def _adversarial(size: int) -> str:
    """The adversarial chunks in turn, until the text holds ``size`` characters."""
    parts: list[str] = []
    total = k = 0
    while total < size:
        parts.append(_ADVERSARIAL_CHUNKS[k % len(_ADVERSARIAL_CHUNKS)])
        total += len(parts[-1])
        k += 1
    return "".join(parts)[:size]


def test_finding_is_linear_on_adversarial_text() -> None:
    # work counted, not timed: ten times the text makes at most ~ten times the calls; the
    # calls per character rise over the first few cycles of chunks and level off by about
    # 100,000 characters (0.76 at 10,000, 0.87 at 200,000 and at 400,000), hence 20,000
    found = assert_linear(nara.find, _adversarial, 20_000)
    assert len(found.result_10n) <= 11 * len(found.result_n) + 1
    extracted = assert_linear(archref.extract, _adversarial, 20_000)
    assert len(extracted.result_10n) <= 11 * len(extracted.result_n) + 1


# --------------------------------------------------------------------------- rules


def codes(text: str) -> list[str]:
    return [d.code for d in archref.check(text)]


def test_rules() -> None:
    assert codes("NARA, RG 59, CDF 1950–54, 795.00/13-4550") == ["ARC301"]
    assert codes("NARA, RG 59, CDF 1950–54, 795.00/6-3250") == ["ARC301"]
    assert codes("NARA, RG 59, CDF 1950–54, 795.00/6-2550") == []
    assert codes("NARA, RG 59, CDF 1910–1929, 119.4/33A") == []
    assert codes("NARA, RG 59") == ["ARC302"]
    assert codes("National Archives, Record Group 53, Waste Book F") == ["ARC303"]
    assert codes("RG59, Central Files, 795.00/6-2550") == ["ARC303"]


def test_rule_diagnostics_point_at_the_text() -> None:
    text = "Acheson to Bruce, NARA, RG 59, Central Files, 795.00/13-4550."
    ((d,),) = [c.diagnostics for c in archref.extract(text)]
    assert (d.code, text[d.start : d.end]) == ("ARC301", "795.00/13-4550")
    note = "MS. National Archives, Record Group 53, Waste Book F."
    ((d,),) = [c.diagnostics for c in archref.extract(note)]
    assert (d.code, note[d.start : d.end]) == ("ARC303", "Record Group 53")
    (d,) = archref.check("National Archives, Record Group 53, Waste Book F")
    assert (d.code, d.text, d.severity) == ("ARC303", "Record Group 53", "info")
    assert d.suggestion == "NARA, RG 53, Waste Book F"


# --------------------------------------------------------------------------- writing


def test_styles() -> None:
    ref = nara.parse("NARA, RG 59, Central Decimal File 1910–29, 795.00/6-2550")
    assert nara.format_reference(ref) == "NARA, RG 59, Central Decimal File 1910–29, 795.00/6-2550"
    assert (
        nara.format_reference(ref, "short") == "RG 59, Central Decimal File 1910–29, 795.00/6-2550"
    )
    with pytest.raises(ValueError, match="unknown style"):
        nara.format_reference(ref, "fr")


def test_csl_item() -> None:
    ref = archref.parse("NARA, RG 59, Central Decimal File 1910–29, 795.00/6-2550")
    assert isinstance(ref, ArchivalReference)
    assert archive_location(ref) == "RG 59, Central Decimal File 1910–29, 795.00/6-2550"
    item = archival_item(ref)
    assert item["archive"] == "National Archives and Records Administration"
    assert item["archive-place"] == "College Park, MD"
    back = archref.from_csl_json([item])
    assert back.references == [ref]


def test_archival_sources_by_record_group_and_series() -> None:
    refs = [archref.parse(_expected(t)[0]) for _, found in CORPUS for t in found]
    refs.append(archref.parse("TNA, FO 371/84053"))
    groups = archival_sources(refs)
    assert [g.archive.id for g in groups if g.archive is not None] == ["DDEL", "NARA", "TNA"]
    (_, nara_group, tna_group) = groups
    assert nara_group.heading == (
        "National Archives and Records Administration (NARA), College Park, MD"
    )
    lines = [f.text for f in nara_group.fonds]
    assert lines[:4] == [
        "RG 53, Waste Book F and Journal D",
        "RG 59",
        "RG 59, CDF 1910–1929",
        "RG 59, Central Decimal File 1910–29",
    ]
    assert "RG 84, U.S. Legation Great Britain, Despatches to the Department of State" in lines
    assert lines[-1].startswith("RG 84")
    assert "RG 59, CDF 1910–1929" in format_archival_sources([nara_group])
    assert tna_group.fonds[0].text == "FO 371"


# --------------------------------------------------------------------------- registry


def test_registry_entry() -> None:
    archive = default_registry().get("NARA")
    assert archive is not None
    assert (archive.city, archive.country, archive.notation) == ("College Park, MD", "US", "nara")
    for alias in ("NA", "National Archives", "U.S. National Archives"):
        assert default_registry().get(alias) == archive


# --------------------------------------------------------------------------- round trip

_series = st.sampled_from(
    [
        "Central Decimal File 1910–29",
        "CDF 1910–1929",
        "Central Files 1967-69",
        "Miscellaneous Office Files, 1910–1944",
        "Unindexed Records (Central Files), 1910–1944",
        "U.S. Legation Great Britain",
        "Despatches to the Department of State",
    ]
)
_unit = st.sampled_from(
    [
        "795.00/6-2550",
        "119.4/33A",
        "026 Foreign Relations/17 1/2",
        "123 H 43/36",
        "POL 27 ARAB-ISR",
        "Lot File 83D222",
        "lot 64 D 563",
        "55D606 OSS/PB–1",
        "Box 35",
        "Folder Korea",
        "M800",
        "Roll 5",
        "Reel 52",
        "Vol. 22",
        "Entry 1071",
        "File 123 H 43",
    ]
)


@settings(max_examples=200, deadline=None)
@given(
    prefix=st.sampled_from(
        ["NARA, ", "National Archives, ", "U.S. National Archives, ", "NA, ", ""]
    ),
    rg=st.sampled_from(["RG 59", "Record Group 84", "RG59"]),
    series=st.lists(_series, max_size=2),
    units=st.lists(_unit, max_size=3),
    style=st.sampled_from(nara.STYLES),
)
def test_round_trip(prefix: str, rg: str, series: list[str], units: list[str], style: str) -> None:
    text = ", ".join([prefix + rg, *series, *units])
    ref = nara.parse(text)
    assert nara.parse(nara.format_reference(ref, style)) == ref
    assert archref.parse(ref.format(style)) == ref
