"""FRUS source notes read as references: the classes of the US real-world set.

Every string is a source note of Foreign Relations of the United States as the
Office of the Historian prints it; the volume's address is next to each.
"""

from __future__ import annotations

import pytest

import archref
from archref.notations import nara

FRUS = "https://history.state.gov/historicaldocuments/"


def _levels(text: str) -> list[tuple[str, str]]:
    found = nara.find(text)
    assert found, text
    return [(lv.kind, lv.value) for lv in found[0].reference.levels]


def _archive(text: str) -> str | None:
    found = nara.find(text)
    assert found, text
    archive = found[0].reference.archive
    return archive.id if archive else None


# (note, archive id, levels as read, provenance)
CASES = [
    # a marking ends the reference; "Vol" without a stop is a volume
    (
        "Source: Johnson Library, National Security File, Vietnam Country File, Vol X. Secret.",
        "LBJL",
        [("series", "National Security File"), ("series", "Vietnam Country File"), ("volume", "X")],
        FRUS + "frus1964-68v01/ch5?start=31",
    ),
    # lettered boxes; titles joined by an em dash
    (
        "Source: National Archives, Nixon Presidential Materials, NSC Files, Staff Files—Staff"
        " Memos, Box 1050, Lynn, Laurence E., Jr. [Jan. 1969–Aug. 1970]. Secret; Eyes Only.",
        "RNL",
        [("series", "NSC Files"), ("series", "Staff Files—Staff Memos"), ("box", "1050")],
        FRUS + "frus1969-76v02/ch1?start=31",
    ),
    (
        "Source: National Security Council, National Security Council Institutional Files,"
        " Box SR 102, NSC 00059 RWR 8/09/82. Secret. Sent for action.",
        "NSC",
        [("series", "National Security Council Institutional Files"), ("box", "SR 102")],
        FRUS + "frus1981-88v11/ch1?start=31",
    ),
    # an OCR'd "BO" in a CIA job
    (
        "Source: Central Intelligence Agency, DCI (Helms) Files, Job 80 BO 1285A, Chrono as DDP"
        " and DDCI, 1 Jan-31 Dec 65. Secret.",
        "CIA",
        [("series", "DCI (Helms) Files"), ("lot", "80 BO 1285A")],
        FRUS + "frus1964-68v02/ch4?start=31",
    ),
    # repositories added to the registry
    (
        "Source: National Defense University, Taylor Papers, T-133-69. Secret.",
        "NDU",
        [("series", "Taylor Papers"), ("file", "T-133-69")],
        FRUS + "frus1961-63v02/ch4?start=31",
    ),
    (
        "Source: University of Montana, Mansfield Library, Mansfield Papers, Series 13, Box 69,"
        " Vietnam. Confidential.",
        "UMT-MANSFIELD",
        # the collection's numbered series, the collection's name its title
        [("series", "13"), ("box", "69"), ("folder", "Vietnam")],
        FRUS + "frus1964-68v02/ch4?start=31",
    ),
    (
        "Source: Center of Military History, Westmoreland Papers, Message Files, COMUSMACV,"
        " 1 Jan-31 Jan 1968. Secret. Repeated to Westmoreland.",
        "CMH",
        [("series", "Westmoreland Papers"), ("series", "Message Files"), ("series", "COMUSMACV")],
        FRUS + "frus1964-68v28/ch4",
    ),
    (
        "Source: Library of Congress, Harold Brown Papers, Box 106, Secretary Brown Eyes Only,"
        " Jan–June 1980. Confidential; Eyes Only.",
        "LOC",
        [
            ("series", "Harold Brown Papers"),
            ("box", "106"),
            ("folder", "Secretary Brown Eyes Only"),
        ],
        FRUS + "frus1977-80v04/ch1?start=181",
    ),
    # the Department's subject-numeric files, with an en dash in a decimal file
    (
        "Source: Department of State, POL 15 VIET S. Secret; Priority; Limdis.",
        "NARA",
        [("file", "POL 15 VIET S")],
        FRUS + "frus1964-68v01/ch2",
    ),
    (
        "Source: Department of State, Central Files, 795B.5–MSP/3–3055. Confidential;"
        " Official–Informal.",
        "NARA",
        [("series", "Central Files"), ("file", "795B.5–MSP/3–3055")],
        FRUS + "frus1955-57v23p2/ch1?start=31",
    ),
    # a Reagan Library document number after ";", a conference file in its lot
    (
        "Source: Reagan Library, George Shultz Papers, Official Memoranda; NLR–775–27A–8–2–1."
        " Limited Official Use. Sent through Dam.",
        "RRL",
        [
            ("series", "George Shultz Papers"),
            ("series", "Official Memoranda"),
            ("file", "NLR-775–27A–8–2–1"),
        ],
        FRUS + "frus1981-88v01/ch4?start=1",
    ),
    (
        "Source: Department of State, Conference Files: Lot 65 D 533, CF 2059. Secret.",
        "NARA",
        [("series", "Conference Files"), ("lot", "65 D 533"), ("file", "CF 2059")],
        FRUS + "frus1961-63v02/ch4?start=31",
    ),
    # a records centre's accession with its record group, a comma without a space
    (
        "Source: Washington National Records Center, OSD Files: FRC 330 69 A 7425, 381 Strategic"
        " Retaliatory Forces (9 Jan 64) Sep-Nov 1964. Top Secret.",
        "WNRC",
        [("series", "OSD Files"), ("record_group", "330"), ("lot", "69 A 7425")],
        FRUS + "frus1964-68v10/comp1?start=61",
    ),
    # full stops between the parts (the reference ends at the marking)
    (
        "Source: Department of State. Central Files. ORG 7 S. Secret; Immediate; Nodis.",
        "NARA",
        [("series", "Central Files"), ("file", "ORG 7 S")],
        "https://test.history.state.gov/historicaldocuments/frus1964-68v01/ch4",
    ),
    # a lot in parentheses after its series and the series' years
    (
        "Source: Department of State, Bureau of Public Affairs, Office of the Historian, Advisory"
        " Committee on Historical Diplomatic Documentation Files, 1957-1990 (Lot File 96 D 292),"
        " Box 2, 1973—Minutes. Confidential.",
        "NARA",
        [
            ("series", "Bureau of Public Affairs"),
            ("series", "Office of the Historian"),
            (
                "series",
                "Advisory Committee on Historical Diplomatic Documentation Files, 1957-1990",
            ),
            ("lot", "96 D 292"),
            ("box", "2"),
        ],
        FRUS + "frus-history/documents/1973-11-09-hac-meeting-minutes",
    ),
    # a title opening with its years
    (
        "Source: Department of State, Bureau of Arms Control and Disarmament Records, 1969–1990"
        " Subject Records of James P. Timbie, Lot 01D127, Papers for DepSec Ken Dam, 1983–1985."
        " Secret.",
        "NARA",
        [
            ("series", "Bureau of Arms Control and Disarmament Records"),
            ("series", "1969–1990 Subject Records of James P. Timbie"),
            ("lot", "01D127"),
        ],
        FRUS + "frus1981-88v44p1/ch1",
    ),
    # a job's description after a colon, a numbered folder with its title
    (
        "Source: Central Intelligence Agency, National Intelligence Council, Job 85–01156R:"
        " Policy, Planning, and History Records (1981–1984), Box 2, Folder 24: (SIG–IEP Meetings"
        " 1983). Secret.",
        "CIA",
        [
            ("series", "National Intelligence Council"),
            ("lot", "85–01156R"),
            ("box", "2"),
            ("folder", "24"),
        ],
        FRUS + "frus1981-88v38/ch2?start=31",
    ),
    # dates in a title before a document number
    (
        "Source: Reagan Library, William Martin Files, NSC Chron File, NSC Chron"
        " 12/02/1983–12/11/1983; NLR–348–9–44–3–5. Secret. Sent for information.",
        "RRL",
        [
            ("series", "William Martin Files"),
            ("series", "NSC Chron File"),
            ("series", "NSC Chron 12/02/1983–12/11/1983"),
            ("file", "NLR-348–9–44–3–5"),
        ],
        FRUS + "frus1981-88v38/ch2?start=31",
    ),
    # a series of the Department's files named by its title alone
    (
        "A signed copy of Forrestal’s memorandum, but not the appendix, which Forrestal sent to"
        " McNamara, Ball, McNaughton, William Bundy, and Sullivan is in Department of State,"
        " Bundy Files, Special Papers.",
        "NARA",
        [("series", "Bundy Files"), ("series", "Special Papers")],
        FRUS + "frus1964-68v01/ch5?start=31",
    ),
]


def test_a_decimal_subject_alone_after_the_central_files() -> None:
    # FRUS 1955-57, vol. XXIV, document 26 (HistoryAtState/frus,
    # volumes/frus1955-57v24.xml at 068783a11dd4): the Embassy's telegrams on a subject
    note = (
        "Telegrams from the Embassy in Moscow to the Department of State reporting and"
        " commenting on the proceedings of the Congress are in Department of State, Central"
        " File 761.00. Bohlen’s recollections of the Congress are in Witness to History,"
        " pages 393–396."
    )
    (m,) = nara.find(note)
    assert m.text == "Department of State, Central File 761.00"
    assert m.reference.level("file") == "761.00"
    # only after a registry: after another title the number is not read as its file
    (other,) = nara.find("Department of State, Bundy Files 761.00.")
    assert other.text == "Department of State, Bundy Files"


def test_older_cia_jobs_and_nsc_meeting_files() -> None:
    # FRUS 1952-54, Guatemala, document 130; FRUS 1981-88, vol. III, document 68, note 3
    (job,) = nara.find("Source: Central Intelligence Agency, Job 231677/1, Box 102, Folder 2.")
    assert [(lv.kind, lv.value) for lv in job.reference.levels] == [
        ("lot", "231677/1"),
        ("box", "102"),
        ("folder", "2"),
    ]
    note = (
        "(Reagan Library, Executive Secretariat, NSC: National Security Council Meeting File:"
        " Records, 1981–88, NSC 00016)"
    )
    (meeting,) = nara.find(note)
    assert meeting.reference.level("file") == "NSC 00016"


def test_a_lot_cited_by_its_office_s_files_alone() -> None:
    # FRUS 1948, vol. I, part 2, document 40 (HistoryAtState/frus,
    # volumes/frus1948v01p2.xml at 001f31d4fa2d): the source line and footnote 2
    (line,) = nara.find("S/S–NSC Files: Lot 63D351: NSC 20 Series")
    assert line.text == "S/S–NSC Files: Lot 63D351"
    assert line.reference.archive is not None and line.reference.archive.id == "NARA"
    assert [(lv.kind, lv.value) for lv in line.reference.levels] == [
        ("series", "S/S–NSC Files"),
        ("lot", "63D351"),
    ]
    # written with the Department's name, it reads back as the same reference
    assert str(line.reference) == "DOS, S/S–NSC Files, Lot 63D351"
    assert archref.parse(str(line.reference)) == line.reference
    note = (
        "requested by the Secretary of Defense in NSC 20 (S/S–NSC Files: Lot 66D95: NSC Actions)."
    )
    assert [m.reference.level("lot") for m in nara.find(note)] == ["66D95"]
    # a title without a lot, or "Files:" in prose, is none
    assert nara.find("He kept the Policy Files: a lot of them.") == []


def test_a_list_of_two_boxes_is_two_references() -> None:
    # FRUS 1969-76, vol. XLI, document 37: frus1969-76v41/ch1?start=31
    note = (
        "Additional documentation on EC enlargement is in the Library of Congress, Manuscript"
        " Division, Kissinger Papers, Boxes CL 290 and 292."
    )
    first, second = nara.find(note)
    assert (first.reference.level("box"), second.reference.level("box")) == ("CL 290", "CL 292")
    assert second.text == "292"
    assert first.reference.archive == second.reference.archive


@pytest.mark.parametrize(("note", "archive", "levels", "source"), CASES)
def test_frus_source_note(
    note: str, archive: str, levels: list[tuple[str, str]], source: str
) -> None:
    assert source.startswith("https://")
    assert _archive(note) == archive
    assert _levels(note)[: len(levels)] == levels


def test_a_marking_is_no_initial() -> None:
    # FRUS 1964-68, vol. XXVIII (frus1964-68v28/ch4): "Sullivan, William H." is a
    # folder's name, "Secret" the marking after it
    note = (
        "Source: Library of Congress Manuscript Division, Harriman Papers, Kennedy and Johnson"
        " Administrations, Sullivan, William H. Secret; Personal Files Only."
    )
    values = [lv.value for lv in nara.find(note)[0].reference.levels]
    assert not any("Secret" in v for v in values)


def test_the_markings_end_a_reference() -> None:
    for marking in ("Top Secret", "Confidential", "Limited Official Use", "Nodis", "Exdis"):
        note = f"Source: Kennedy Library, National Security Files, Countries, Vietnam. {marking}."
        ref = nara.find(note)[0]
        assert marking not in ref.text, marking


@pytest.mark.parametrize(
    "prose",
    [
        "He briefed the National Security Council, Secretary Rusk and the Joint Chiefs.",
        "The Library of Congress, Washington, holds a copy.",
        "the Center of Military History, which published the official history in 1988",
        "a report to the National Security Council, NSC 68, in April 1950",
    ],
)
def test_prose_naming_the_new_repositories_is_no_reference(prose: str) -> None:
    assert archref.extract(prose) == []


def test_ibid_with_parts_cites_another_unit_of_the_same_repository() -> None:
    # FRUS 1958-60, vol. X, part 2:
    # https://history.state.gov/historicaldocuments/frus1958-60v10p2/comp1
    note = (
        "Source: Department of State, Central Files, 033.6111/12–558. Secret. Drafted by Freers."
        " A copy was sent to Cushman as an enclosure to a December 3 memorandum from Macomber."
        " (Ibid., 611.61/12–358)"
    )
    first, second = nara.find(note)
    assert second.reference.text == "Ibid., 611.61/12–358"
    assert second.reference.archive == first.reference.archive
    assert second.reference.archive_as_cited == "Department of State"
    assert [(lv.kind, lv.value) for lv in second.reference.levels] == [("file", "611.61/12–358")]


def test_ibid_without_a_space_before_a_series() -> None:
    # FRUS 1955-57, vol. IX: https://history.state.gov/historicaldocuments/frus1955-57v09/comp6
    note = (
        "Source: Department of State, S/P–NSC Files: Lot 62 D 1, Planning Board Files,"
        " Miscellaneous, 1954–5. Top Secret. The President initially requested that this study"
        " be made. (Ibid.,OCB Files: Lot 62 D 430, Four Power Meeting)"
    )
    found = nara.find(note)
    assert [lv.value for lv in found[1].reference.levels][:2] == ["OCB Files", "62 D 430"]


@pytest.mark.parametrize(
    "text",
    [
        "Ibid., 611.61/12–358",  # no reference before it: the extraction reports the ibid
        "Source: Kennedy Library, President's Office Files, Box 3. Secret. Ibid., p. 4.",
        "Source: Kennedy Library, President's Office Files, Box 3. See Ibid., Chapter Two.",
    ],
)
def test_ibid_makes_no_reference_without_a_unit_after_a_reference(text: str) -> None:
    assert not [m for m in nara.find(text) if m.reference.text.startswith("Ibid")]


def test_a_month_and_year_inside_a_title() -> None:
    # FRUS 1964-68, vol. X: https://history.state.gov/historicaldocuments/frus1964-68v10/comp1?start=61
    note = (
        "(National Archives and Records Administration, RG 200, Defense Programs and Operations,"
        " Final Memos re Budget, Dec. 1964, Box 40)"
    )
    levels = [(lv.kind, lv.value) for lv in nara.find(note)[0].reference.levels]
    assert levels[0] == ("record_group", "200")
    assert levels[-1] == ("box", "40")
