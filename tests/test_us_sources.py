"""United States archival references as FRUS source notes and historians write them.

The notes are source notes and footnotes of *Foreign Relations of the United
States*, from the Office of the Historian's TEI edition (github.com/
HistoryAtState/frus, ``volumes/<volume>.xml``, ``<note type="source">`` and the
footnotes of the documents named), line breaks joined; each fixture names its
volume and document. A CREST number is a document of the CIA's reading room
(https://www.cia.gov/readingroom/docs/CIA-RDP80B01676R001700180033-1.pdf).
"""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

import archref
from archref import scan as scanning
from archref.model import ArchivalReference, ParseError
from archref.notations import nara
from archref.registry import default_registry, load_registry
from test_scan import _assert_anchored
from work import Repeated, assert_linear

Levels = list[tuple[str, str]]

# (volume, document, note, [(reference as found, archive id, levels)])
NOTES: list[tuple[str, str, str, list[tuple[str, str, Levels]]]] = [
    (
        "frus1961-63v05",
        "d41",
        "Source: Department of State, Central Files, 611.61/3-1061. Secret; Priority.",
        [
            (
                "Department of State, Central Files, 611.61/3-1061",
                "NARA",
                [("series", "Central Files"), ("file", "611.61/3-1061")],
            )
        ],
    ),
    (
        "frus1955-57v03",
        "d58",
        "Source: Department of State, Central Files, 611.93/9–1955. Secret; Niact; Limited "
        "Distribution. Drafted by McConaughy and Phleger; cleared in draft by the Secretary; "
        "cleared by Sebald and approved by Robertson.",
        [
            (
                "Department of State, Central Files, 611.93/9–1955",
                "NARA",
                [("series", "Central Files"), ("file", "611.93/9–1955")],
            )
        ],
    ),
    (
        "frus1961-63v05",
        "d41 (footnote 3)",
        "Telegram 2139, which transmitted Thompson's impressions of the discussion on Laos, "
        "is in Department of State, Central Files, 751J.00/3-1061. Telegram 2145 reported on "
        "the Congo.",
        [
            (
                "Department of State, Central Files, 751J.00/3-1061",
                "NARA",
                [("series", "Central Files"), ("file", "751J.00/3-1061")],
            )
        ],
    ),
    (
        "frus1961-63v01",
        "d77 (footnote 4)",
        "(Telegram 1955 from Saigon, June 29; Department of State, Central Files, "
        "751K.5-MSP/6-2961)",
        [
            (
                "Department of State, Central Files, 751K.5-MSP/6-2961",
                "NARA",
                [("series", "Central Files"), ("file", "751K.5-MSP/6-2961")],
            )
        ],
    ),
    (
        "frus1961-63v01",
        "d5",
        "Source: Department of State, Vietnam Working Group Files: Lot 66 D 193, 20 General "
        "Lansdale, V-N 1961. Secret. Drafted by Wood. The source text is Wood’s handwritten "
        "notes.",
        [
            (
                "Department of State, Vietnam Working Group Files: Lot 66 D 193, 20 General "
                "Lansdale, V-N 1961",
                "NARA",
                [
                    ("series", "Vietnam Working Group Files"),
                    ("lot", "66 D 193"),
                    ("folder", "20 General Lansdale"),
                    ("folder", "V-N 1961"),
                ],
            )
        ],
    ),
    (
        "frus1981-88v03",
        "d14",
        "Source: Department of State, Executive Secretariat, S/S–I Records: Haig and Shultz "
        "Memcons, Lot 87D327, SEC/Memcons, February 1981. Secret; Nodis.",
        [
            (
                "Department of State, Executive Secretariat, S/S–I Records: Haig and Shultz "
                "Memcons, Lot 87D327, SEC/Memcons, February 1981",
                "NARA",
                [
                    ("series", "Executive Secretariat"),
                    ("series", "S/S–I Records"),
                    ("series", "Haig and Shultz Memcons"),
                    ("lot", "87D327"),
                    ("folder", "SEC/Memcons"),
                    ("folder", "February 1981"),
                ],
            )
        ],
    ),
    (
        "frus1981-88v03",
        "d14 (footnote 3)",
        "Reference is to telegram 28412 to all NATO capitals, February 4. (Department of "
        "State, Central Foreign Policy File, D810052–0680)",
        [
            (
                "Department of State, Central Foreign Policy File, D810052–0680",
                "NARA",
                [("series", "Central Foreign Policy File"), ("file", "D810052–0680")],
            )
        ],
    ),
    (  # a presidential library and, in the same note, a lot file of the Department
        "frus1958-60v04",
        "d28 (footnote 0)",
        "Source: Eisenhower Library, CFEP Chairman Records. No classification marking. "
        "Randall circulated a copy of this letter to the Council with a covering memorandum "
        "of October 12. (Department of State, E–CFEP Files: Lot 61 D 282A, Memoranda)",
        [
            (
                "Eisenhower Library, CFEP Chairman Records",
                "DDEL",
                [("series", "CFEP Chairman Records")],
            ),
            (
                "Department of State, E–CFEP Files: Lot 61 D 282A, Memoranda",
                "NARA",
                [("series", "E–CFEP Files"), ("lot", "61 D 282A"), ("folder", "Memoranda")],
            ),
        ],
    ),
    (
        "frus1964-68v14",
        "d12",
        "Source: National Archives and Records Administration, RG 59, Central Files 1964–66, "
        "POL 7 US–USSR. Confidential. Repeated to London, Paris, Geneva, and USUN.",
        [
            (
                "National Archives and Records Administration, RG 59, Central Files 1964–66, "
                "POL 7 US–USSR",
                "NARA",
                [
                    ("record_group", "59"),
                    ("series", "Central Files 1964–66"),
                    ("file", "POL 7 US–USSR"),
                ],
            )
        ],
    ),
    (
        "frus1964-68v14",
        "d12 (footnote 2)",
        "telegram 2693, February 28, which summarized the discussion on Cyprus (National "
        "Archives and Records Administration, RG 59, Central Files 1964–66, POL 23–8 CYP); and "
        "telegram 2690, February 28, which reported on Laos and Cambodia",
        [
            (
                "National Archives and Records Administration, RG 59, Central Files 1964–66, "
                "POL 23–8 CYP",
                "NARA",
                [
                    ("record_group", "59"),
                    ("series", "Central Files 1964–66"),
                    ("file", "POL 23–8 CYP"),
                ],
            )
        ],
    ),
    (
        "frus1950-55Intel",
        "d59",
        "Source: National Archives, RG 59, S/P Files: Lot 64 D 563, Political and "
        "Psychological Warfare 1951–1953, Box 11A. Top Secret. Drafted by Hooker. All ellipses "
        "in the original.",
        [
            (
                "National Archives, RG 59, S/P Files: Lot 64 D 563, Political and Psychological "
                "Warfare 1951–1953, Box 11A",
                "NARA",
                [
                    ("record_group", "59"),
                    ("series", "S/P Files"),
                    ("lot", "64 D 563"),
                    ("folder", "Political and Psychological Warfare 1951–1953"),
                    ("box", "11A"),
                ],
            )
        ],
    ),
    (
        "frus1950-55Intel",
        "d253",
        "Source: National Archives, RG 59, S/S–NSC (Miscellaneous) Files: Lot 66 D 95, "
        "NSCIDs. Top Secret.",
        [
            (
                "National Archives, RG 59, S/S–NSC (Miscellaneous) Files: Lot 66 D 95, NSCIDs",
                "NARA",
                [
                    ("record_group", "59"),
                    ("series", "S/S–NSC (Miscellaneous) Files"),
                    ("lot", "66 D 95"),
                    ("folder", "NSCIDs"),
                ],
            )
        ],
    ),
    (
        "frus1964-68v14",
        "d90",
        "Source: National Archives and Records Administration, RG 59, Presidential "
        "Correspondence: Lot 77 D 163. No classification marking. Bundy forwarded the message "
        "to the President on February 2. (Johnson Library, National Security File, Head of "
        "State Correspondence, Pen Pal Correspondence, Kosygin)",
        [
            (
                "National Archives and Records Administration, RG 59, Presidential "
                "Correspondence: Lot 77 D 163",
                "NARA",
                [
                    ("record_group", "59"),
                    ("series", "Presidential Correspondence"),
                    ("lot", "77 D 163"),
                ],
            ),
            (
                "Johnson Library, National Security File, Head of State Correspondence, Pen Pal "
                "Correspondence, Kosygin",
                "LBJL",
                [
                    ("series", "National Security File"),
                    ("series", "Head of State Correspondence"),
                    ("series", "Pen Pal Correspondence"),
                    ("series", "Kosygin"),
                ],
            ),
        ],
    ),
    (
        "frus1977-80v01",
        "d75 (footnote 2)",
        "Christopher’s talking points and handwritten notes of the meeting are in the "
        "National Archives, RG 59, Office of the Deputy Secretary: Records of Warren "
        "Christopher, 1977–1980: Lot 81D113, Box 1, Camp David Mtg.—4/16–17, 1978.",
        [
            (
                "National Archives, RG 59, Office of the Deputy Secretary: Records of Warren "
                "Christopher, 1977–1980: Lot 81D113, Box 1, Camp David Mtg.—4/16–17, 1978",
                "NARA",
                [
                    ("record_group", "59"),
                    ("series", "Office of the Deputy Secretary"),
                    ("series", "Records of Warren Christopher, 1977–1980"),
                    ("lot", "81D113"),
                    ("box", "1"),
                    ("folder", "Camp David Mtg.—4/16–17"),
                    ("folder", "1978"),
                ],
            )
        ],
    ),
    (
        "frus1958-60v04",
        "d179",
        "Source: National Archives and Records Administration, RG 56, Records of the "
        "Department of the Treasury, NAC Minutes. For National Advisory Council Use Only.",
        [
            (
                "National Archives and Records Administration, RG 56, Records of the Department "
                "of the Treasury, NAC Minutes",
                "NARA",
                [
                    ("record_group", "56"),
                    ("series", "Records of the Department of the Treasury"),
                    ("series", "NAC Minutes"),
                ],
            )
        ],
    ),
    (
        "frus1958-60v04",
        "d179 (footnote 2)",
        "Taken May 18, 1956, NAC Action 883 is in Washington National Records Center, RG 59, "
        "NAC Files: FRC 71 A 6682, NAC Actions.",
        [
            (
                "Washington National Records Center, RG 59, NAC Files: FRC 71 A 6682, NAC Actions",
                "WNRC",
                [
                    ("record_group", "59"),
                    ("series", "NAC Files"),
                    ("lot", "71 A 6682"),
                    ("folder", "NAC Actions"),
                ],
            )
        ],
    ),
    (
        "frus1961-63v01",
        "d78",
        "Source: Washington National Records Center, RG 330, OSD Files: FRC 71 A 6489, Viet "
        "091. Secret. Signed “Ed”. Copies also sent to McNamara, Heinz, and Levy.",
        [
            (
                "Washington National Records Center, RG 330, OSD Files: FRC 71 A 6489, Viet 091",
                "WNRC",
                [
                    ("record_group", "330"),
                    ("series", "OSD Files"),
                    ("lot", "71 A 6489"),
                    ("folder", "Viet 091"),
                ],
            )
        ],
    ),
    (
        "frus1950-55Intel",
        "d128",
        "Source: Truman Library, Papers of Harry S. Truman, President's Secretary's Files. Top "
        "Secret; Security Information. This is a summary prepared by the NSC Reporting Unit.",
        [
            (
                "Truman Library, Papers of Harry S. Truman, President's Secretary's Files",
                "HSTL",
                [
                    ("series", "Papers of Harry S. Truman"),
                    ("series", "President's Secretary's Files"),
                ],
            )
        ],
    ),
    (
        "frus1952-54v02p1",
        "d21 (footnote 1)",
        "(Minutes of the 122d Meeting of the NSC, Sept. 3, 1952, Truman Library, Truman "
        "papers, PSF–Subject file)",
        [
            (
                "Truman Library, Truman papers, PSF–Subject file",
                "HSTL",
                [("series", "Truman papers"), ("series", "PSF–Subject file")],
            )
        ],
    ),
    (
        "frus1955-57v03",
        "d179",
        "Source: Eisenhower Library, Whitman File, NSC Records. Top Secret. Drafted by "
        "Gleason on May 18.",
        [
            (
                "Eisenhower Library, Whitman File, NSC Records",
                "DDEL",
                [("series", "Whitman File"), ("series", "NSC Records")],
            )
        ],
    ),
    (
        "frus1955-57v03",
        "d268 (footnote 2)",
        "(Memorandum of a telephone conversation between the President and the Secretary of "
        "State, transcribed by Phyllis D. Bernau; Eisenhower Library, Dulles Papers, White "
        "House Telephone Conversations) A note dated June 20",
        [
            (
                "Eisenhower Library, Dulles Papers, White House Telephone Conversations",
                "DDEL",
                [("series", "Dulles Papers"), ("series", "White House Telephone Conversations")],
            )
        ],
    ),
    (  # in prose, an editorial note's sentence
        "frus1958-60v04",
        "d27",
        "memoranda of both meetings are in the Eisenhower Library, Whitman File, "
        "International Series.",
        [
            (
                "Eisenhower Library, Whitman File, International Series",
                "DDEL",
                [("series", "Whitman File"), ("series", "International Series")],
            )
        ],
    ),
    (
        "frus1961-63v05",
        "d265",
        "Source: Kennedy Library, National Security Files, Countries Series, USSR, Dobrynin "
        "Talks. Confidential.",
        [
            (
                "Kennedy Library, National Security Files, Countries Series, USSR, Dobrynin Talks",
                "JFKL",
                [
                    ("series", "National Security Files"),
                    ("series", "Countries Series"),
                    ("series", "USSR"),
                    ("series", "Dobrynin Talks"),
                ],
            )
        ],
    ),
    (
        "frus1969-76v12",
        "d13",
        "Source: National Archives, Nixon Presidential Materials, NSC Files, Box 340, Subject "
        "Files, USSR Memcons Dobrynin/President 2/17/69. Confidential; Nodis. Sent for action.",
        [
            (
                "National Archives, Nixon Presidential Materials, NSC Files, Box 340, Subject "
                "Files, USSR Memcons Dobrynin/President 2/17/69",
                "RNL",
                [
                    ("series", "NSC Files"),
                    ("box", "340"),
                    ("folder", "Subject Files"),
                    ("folder", "USSR Memcons Dobrynin/President 2/17/69"),
                ],
            )
        ],
    ),
    (
        "frus1969-76v12",
        "d87",
        "Source: National Archives, Nixon Presidential Materials, NSC Files, Box 292, Agency "
        "Files, Rogers Bilateral Talks at UN, 9/15/69–10/7/69. Secret; Priority; Nodis. "
        "Repeated to Moscow, Amman, Beirut, Cairo, and Tel Aviv.",
        [
            (
                "National Archives, Nixon Presidential Materials, NSC Files, Box 292, Agency "
                "Files, Rogers Bilateral Talks at UN, 9/15/69–10/7/69",
                "RNL",
                [
                    ("series", "NSC Files"),
                    ("box", "292"),
                    ("folder", "Agency Files"),
                    ("folder", "Rogers Bilateral Talks at UN"),
                    ("folder", "9/15/69–10/7/69"),
                ],
            )
        ],
    ),
    (
        "frus1977-80v01",
        "d126",
        "Source: Carter Library, National Security Affairs, Brzezinski Material, Brzezinski "
        "Office File, Subject Chron File, Box 126, Weekly National Security Report: 6–9/79. "
        "Top Secret. The President wrote “Good. C” in the top right-hand corner.",
        [
            (
                "Carter Library, National Security Affairs, Brzezinski Material, Brzezinski "
                "Office File, Subject Chron File, Box 126, Weekly National Security Report: "
                "6–9/79",
                "JCL",
                [
                    ("series", "National Security Affairs"),
                    ("series", "Brzezinski Material"),
                    ("series", "Brzezinski Office File"),
                    ("series", "Subject Chron File"),
                    ("box", "126"),
                    ("folder", "Weekly National Security Report: 6–9/79"),
                ],
            )
        ],
    ),
    (
        "frus1981-88v03",
        "d15",
        "Source: Reagan Library, Deal Files, Chron February 1981. Secret; Sensitive. The "
        "meeting took place in the Cabinet Room at the White House.",
        [
            (
                "Reagan Library, Deal Files, Chron February 1981",
                "RRL",
                [("series", "Deal Files"), ("series", "Chron February 1981")],
            )
        ],
    ),
    (
        "frus1961-63v01",
        "d6",
        "Source: Hoover Institution, Lansdale Papers, Chron File, D.",
        [
            (
                "Hoover Institution, Lansdale Papers, Chron File, D",
                "HILA",
                [("series", "Lansdale Papers"), ("series", "Chron File"), ("series", "D")],
            )
        ],
    ),
]

# CIA reading room, https://www.cia.gov/readingroom/docs/CIA-RDP80B01676R001700180033-1.pdf
CREST = "CIA-RDP80B01676R001700180033-1"


def found(note: str) -> list[tuple[str, str | None, Levels]]:
    out = []
    for c in archref.extract(note):
        ref = c.archival
        assert ref is not None, c
        assert note[c.start : c.end] == c.text
        out.append(
            (
                c.text,
                ref.archive.id if ref.archive is not None else None,
                [(lv.kind, lv.value) for lv in ref.levels],
            )
        )
    return out


@pytest.mark.parametrize(
    ("note", "expected"), [(n, e) for _, _, n, e in NOTES], ids=[f"{v}-{d}" for v, d, _, _ in NOTES]
)
def test_frus_notes(note: str, expected: list[tuple[str, str, Levels]]) -> None:
    assert found(note) == expected


REFERENCES = [(text, archive) for _, _, _, refs in NOTES for text, archive, _ in refs]


@pytest.mark.parametrize(("text", "archive"), REFERENCES)
def test_each_reference_parses_and_is_written_back(text: str, archive: str) -> None:
    ref = archref.parse(text)
    assert isinstance(ref, ArchivalReference) and ref.notation == "nara"
    assert ref.archive is not None and ref.archive.id == archive
    for style in nara.STYLES:
        if style == "short" and (
            archive != "NARA" or not any(lv.kind == "record_group" for lv in ref.levels)
        ):
            continue  # the archive is only in the name: "RG 59, ..." alone is NARA's
        assert archref.parse(ref.format(style)) == ref, style


@pytest.mark.parametrize(
    ("text", "archive", "expected"),
    [
        # constructed around the forms of FRUS notes not among the fixtures above
        (
            "Department of State, Central Files 1967-69, POL 27 VIET S",
            "NARA",
            [("series", "Central Files 1967-69"), ("file", "POL 27 VIET S")],
        ),
        (
            "Department of State, Central Files 1967-69, DEF 15-4 GREENLAND-US",
            "NARA",
            [("series", "Central Files 1967-69"), ("file", "DEF 15-4 GREENLAND-US")],
        ),
        (
            "Department of State, S/S-NSC Files: Lot 63 D 351, NSC 68",
            "NARA",
            [("series", "S/S-NSC Files"), ("lot", "63 D 351"), ("folder", "NSC 68")],
        ),
        (
            "Department of State, INR Files: Lot 75D393",
            "NARA",
            [("series", "INR Files"), ("lot", "75D393")],
        ),
        (
            "Department of State, SPA Files: Lot 61-D 146, Box 4581",
            "NARA",
            [("series", "SPA Files"), ("lot", "61-D 146"), ("box", "4581")],
        ),
        (
            "National Archives, RG 59, Entry 5463, Box 5",
            "NARA",
            [("record_group", "59"), ("entry", "5463"), ("box", "5")],
        ),
        ("RG 330, FRC 65A3501", "NARA", [("record_group", "330"), ("lot", "65A3501")]),
        (
            "Kennedy Library, National Security Files, Countries Series, Vietnam, Box 195",
            "JFKL",
            [
                ("series", "National Security Files"),
                ("series", "Countries Series"),
                ("series", "Vietnam"),
                ("box", "195"),
            ],
        ),
        (
            "Truman Library, Papers of Harry S. Truman, PSF",
            "HSTL",
            [("series", "Papers of Harry S. Truman"), ("series", "PSF")],
        ),
        (
            "Library of Congress, Manuscript Division, Harriman Papers, Box 123",
            "LOC",
            [("series", "Harriman Papers"), ("box", "123")],
        ),
        (
            "CIA Files, Job 79-R01012A, ODDI Registry",
            "CIA",
            [("lot", "79-R01012A"), ("folder", "ODDI Registry")],
        ),
    ],
)
def test_the_other_forms(text: str, archive: str, expected: Levels) -> None:
    ref = nara.parse(text)
    assert ref.archive is not None and ref.archive.id == archive
    assert [(lv.kind, lv.value) for lv in ref.levels] == expected
    assert [m.text for m in nara.find(f"Source: {text}. Secret.")] == [text]


def test_the_nixon_materials_are_the_nixon_library_s_former_name() -> None:
    ref = archref.parse("National Archives, Nixon Presidential Materials, NSC Files, Box 1025")
    assert ref.archive is not None and ref.archive.id == "RNL"
    assert isinstance(ref, ArchivalReference) and ref.is_former_name
    assert str(ref) == "RNL, NSC Files, Box 1025"


def test_a_crest_number_is_a_reference_on_its_own() -> None:
    note = f"The memorandum ({CREST}) is in the reading room."
    assert found(note) == [(CREST, "CIA", [("file", CREST)])]
    assert archref.parse(CREST).archive.id == "CIA"  # type: ignore[union-attr]
    assert archref.parse(f"CIA, {CREST}") == archref.parse(CREST)


def test_a_cia_job_is_an_accession() -> None:
    # constructed from a CREST number's job (80B01676R): the job is the accession
    ref = archref.parse("Central Intelligence Agency, Job 80B01676R, Box 1")
    assert isinstance(ref, ArchivalReference) and ref.archive is not None
    assert (ref.archive.id, [(lv.kind, lv.value, lv.label) for lv in ref.levels]) == (
        "CIA",
        [("lot", "80B01676R", "Job"), ("box", "1", "Box")],
    )


def test_several_references_in_one_note() -> None:
    note = " ".join(n for _, _, n, _ in NOTES[:4])
    assert found(note) == [r for _, _, _, refs in NOTES[:4] for r in refs]


def test_the_scan_invariant_holds_on_the_notes() -> None:
    for _, _, note, _ in NOTES:
        _assert_anchored(note)
    _assert_anchored(" ".join(n for _, _, n, _ in NOTES))


# --------------------------------------------------------------------------- not references


@pytest.mark.parametrize(
    "prose",
    [
        "In 1955 the Department of State moved 1,200 boxes.",
        "See pages 216-218 and the phone number (202) 357-5000.",
        "The book was in Box 5 of the attic, Lot 12 of the sale.",
        "They bought Lot 64 at auction and Lot 75D393 was never found.",
        "Cold War International History Project Bulletin, No. 5 (September-October 2005).",
        "the Kennedy Library, which opened in 1979, holds his papers",
        "the John F. Kennedy Library, Boston, Massachusetts",
        "Truman Library, Independence, Missouri, 1998, p. 5",
        "Department of State, Bureau of Public Affairs, Historical Office, 1975.",
        "Department of State, Foreign Relations of the United States, 1945, vol. VI, pp. 650-4.",
        "Department of State Bulletin, January 18, 1965, pp. 74–75.",
        "State Department, Central Files were opened in 1950.",
        "the Reagan Library. The President spoke",
        "CIA, 1985, p. 12",
        "Princeton University, 1997",
        "Hoover Institution, Stanford, California",
    ],
)
def test_prose_yields_nothing(prose: str) -> None:
    assert nara.find(prose) == []
    assert [c for c in archref.extract(prose) if c.archival is not None] == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Kennedy Library, Boston", "names no file, box or collection"),
        ("Department of State, Bureau of Public Affairs", "names no file"),
        ("Department of State, file 102.5/7-953", "names no series"),
        ("Department of State, Central Files", "names no file"),
        ("Kennedy Library National Security Files", "not a reference"),
    ],
)
def test_parse_refuses(text: str, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        nara.parse(text)


# --------------------------------------------------------------------------- work


@pytest.mark.parametrize(
    "unit",
    [
        Repeated("Department of State, ", 1_000),
        Repeated("Department of State, Central Files, ", 1_000),
        Repeated("Eisenhower Library, Whitman File, ", 1_000),
        Repeated("Kennedy Library, Boston, ", 1_000),
        Repeated("Box 1, ", 1_000, head="Carter Library, National Security Affairs, "),
        Repeated("Lot 64 D 563, ", 1_000, head="Department of State, S/P Files: "),
        Repeated("NSC 68 ", 1_000, head="Department of State, S/S Files: Lot 63 D 351, "),
        Repeated("FRC 65A3501, ", 1_000, head="RG 330, "),
        Repeated("CIA-RDP80B01676R001700180033-1 ", 1_000),
        Repeated("CIA-RDP80B01676R00170018003", 1_000),
        Repeated("National Archives, Nixon Presidential Materials, ", 1_000),
        Repeated("POL 27 VIET S ", 1_000, head="Department of State, Central Files 1967-69, "),
    ],
    ids=lambda u: u.unit.strip()[:24],
)
def test_work_is_linear_on_repetitions(unit: Repeated) -> None:
    # work counted, not timed: ten times the repetitions make at most ~ten times the calls;
    # at n the text is already longer than a window (scan.MAX_WINDOW), as at 10 n
    n = max(unit.times // 10, scanning.MAX_WINDOW // len(unit.unit) + 1)
    assert_linear(nara.find, unit, n)
    assert_linear(archref.extract, unit, n)


# --------------------------------------------------------------------------- data


def test_the_data_file() -> None:
    text = resources.files("archref").joinpath("data/us_notation.toml").read_text("utf-8")
    data = tomllib.loads(text)
    registry = default_registry()
    for archive_id in data["needs"]:
        archive = registry.get(archive_id)
        assert archive is not None and archive.notation == "nara", archive_id
    for pattern in data["files"]["pattern"]:
        assert pattern["examples"], pattern["name"]
        for example in pattern["examples"]:
            ref = nara.parse(example if pattern["name"] == "crest" else f"DOS, Files, {example}")
            assert ref.levels[-1].value == example


def test_every_american_repository_is_read_by_this_notation() -> None:
    ids = {a.id for a in nara.repositories()}
    assert {"NARA", "WNRC", "DOS", "HSTL", "DDEL", "JFKL", "LBJL", "RNL", "GRFL", "JCL"} <= ids
    assert {"RRL", "LOC", "HILA", "CIA", "YUL-MSSA", "PUL-MUDD"} <= ids


def test_a_repository_added_in_data_alone_is_read() -> None:
    snippet = """
[[archive]]
id = "HHPL"
name_en = "Herbert Hoover Presidential Library"
names_other = ["Hoover Library"]
city = "West Branch, IA"
country = "US"
notation = "nara"
examples = ["Hoover Library, Post-Presidential Papers, Box 3"]
"""
    registry = load_registry(snippet)
    ref = nara.parse("Hoover Library, Post-Presidential Papers, Box 3", registry=registry)
    assert ref.archive is not None and ref.archive.id == "HHPL"
    assert [(lv.kind, lv.value) for lv in ref.levels] == [
        ("series", "Post-Presidential Papers"),
        ("box", "3"),
    ]
    (m,) = nara.find("See Hoover Library, Post-Presidential Papers, Box 3. Then", registry=registry)
    assert m.text == "Hoover Library, Post-Presidential Papers, Box 3"


def test_the_department_of_states_files_are_read_as_held_by_the_national_archives() -> None:
    # FRUS 1961-63, vol. V, Document 41: the Department's central decimal file, now in
    # NARA's Record Group 59; the name as cited is kept, no record group is added
    (citation,) = archref.extract(
        "Source: Department of State, Central Files, 611.61/3-1061. Secret."
    )
    ref = citation.reference
    assert isinstance(ref, ArchivalReference) and ref.archive is not None
    assert ref.archive.id == "NARA"
    assert ref.archive_as_cited == "Department of State"
    assert [lv.kind for lv in ref.levels] == ["series", "file"]
    # the Department's registry entry is still what the name is looked up by
    assert default_registry().get("Department of State").id == "DOS"
