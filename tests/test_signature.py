"""Archives cited by a signature pattern of the registry (archref.notations.signature)."""

from __future__ import annotations

import pytest

import archref
from archref import RegistryError
from archref.model import ArchivalReference, ParseError
from archref.notations import signature
from archref.notations.signature import TemplateError, compile_template
from archref.registry import default_registry, load_registry
from archref.scan import anchors, scan
from work import Repeated, assert_linear

REGISTRY = default_registry()
SIGNATURE_ARCHIVES = [a for a in REGISTRY if a.notation == "signature"]
EXAMPLES = [(a.id, e) for a in SIGNATURE_ARCHIVES for e in a.examples]

# --------------------------------------------------------------------------- real notes

# Real source lines and notes, each with the references it holds as archref reads
# them (archive id and levels). Provenance with each.
REAL: list[tuple[str, list[tuple[str, str, list[tuple[str, str]]]]]] = [
    (
        # Documents on Australian Foreign Policy, vol. 20, source line
        # (wragge/dfat-documents-web, _volumes/volume-20-..., as the corpus quotes it)
        "[NAA: A1838, 3038/10/1/2, iii]",
        [
            (
                "NAA: A1838, 3038/10/1/2, iii",
                "NAA",
                [("series", "A1838"), ("file", "3038/10/1/2"), ("chast", "iii")],
            )
        ],
    ),
    (
        # DAFP vol. 27, 154-statement-by-menzies.md (wragge/dfat-documents-web)
        "[NAA:A1838, 727/4/2 PART 1]",
        [
            (
                "NAA:A1838, 727/4/2 PART 1",
                "NAA",
                [("series", "A1838"), ("file", "727/4/2"), ("chast", "PART 1")],
            )
        ],
    ),
    (
        # DAFP vol. 4, 461-mr-r-g-casey-minister-... (wragge/dfat-documents-web): three
        # files of the Australian Archives (the NAA's former name) in one note
        "7 For further discussion of this question see files AA: A1608, Y27/1/1; "
        "AA: A816, 37/301/88; AA: A981, Far East 25B, i.",
        [
            ("AA: A1608, Y27/1/1", "NAA", [("series", "A1608"), ("file", "Y27/1/1")]),
            ("AA: A816, 37/301/88", "NAA", [("series", "A816"), ("file", "37/301/88")]),
            (
                "AA: A981, Far East 25B, i",
                "NAA",
                [("series", "A981"), ("file", "Far East 25B"), ("chast", "i")],
            ),
        ],
    ),
    (
        # DAFP vol. 3, 80-mr-r-g-menzies-prime-mini... (wragge/dfat-documents-web)
        "2 The discussion took place in War Cabinet on 27 February 1940, where it was "
        "agreed that the drafting of a reply be left to Menzies. (See AA: A2673, vol. 2, "
        "Minute 179.)",
        [("AA: A2673, vol. 2", "NAA", [("series", "A2673"), ("volume", "2")])],
    ),
    (
        # DAFP vol. 19, 96-notes-by-crawford-for-menzies.md (wragge/dfat-documents-web)
        "[NLA: CRAWFORD PAPERS, MS 4514/6/17,'GATT REVIEW 1954: CORRES./CABLES TO MINISTERS']",
        [
            (
                "NLA: CRAWFORD PAPERS, MS 4514/6/17",
                "NLA",
                [("series", "CRAWFORD PAPERS"), ("file", "MS 4514/6/17")],
            )
        ],
    ),
    (
        # DAFP vol. 19, 210-minute-from-durie-to-brown.md (wragge/dfat-documents-web):
        # the papers glued to the manuscript, a folder after it
        "[NLA : MENZIES PAPERS MS4936/21/440, FOLDER 18]",
        [
            (
                "NLA : MENZIES PAPERS MS4936/21/440, FOLDER 18",
                "NLA",
                [("series", "MENZIES PAPERS"), ("file", "MS4936/21/440"), ("folder", "18")],
            )
        ],
    ),
    (
        # DAFP vol. 7, 303-eggleston-to-evatt.md (wragge/dfat-documents-web)
        "[NLA:MS423/10/1937-8]",
        [("NLA:MS423/10/1937-8", "NLA", [("file", "MS423/10/1937-8")])],
    ),
    (
        # DAFP vol. 26, 236-telex-hay-to-warwick-smith.md (wragge/dfat-documents-web):
        # a newspaper on the library's microfilm
        "(19 October 1968, NLA: mfm NX 48)",
        [("NLA: mfm NX 48", "NLA", [("microfilm", "NX 48")])],
    ),
    (
        # DAFP vol. 1, 1-sir-george-pearce-...-to-mr-j-a-lyons-prime-minister.md
        # (wragge/dfat-documents-web): a bundle of a series and its item, the series
        # written with a space
        "[AA : CP 290/6, BUNDLE 1, ITEM 28]",
        [
            (
                "AA : CP 290/6, BUNDLE 1, ITEM 28",
                "NAA",
                [("series", "CP 290/6"), ("box", "1"), ("item", "28")],
            )
        ],
    ),
    (
        # DAFP vol. 8, 24-commonwealth-government-to-cranborne.md (wragge/dfat-documents-web)
        "[AA: A5954, BOX 673]",
        [("AA: A5954, BOX 673", "NAA", [("series", "A5954"), ("box", "673")])],
    ),
    (
        # DAFP vol. 2, 82-mr-s-m-bruce-...-to-mr-r-g-menzies-prime-minister.md
        # (wragge/dfat-documents-web)
        "[AA: M 104, ITEM 7(4)]",
        [("AA: M 104, ITEM 7(4)", "NAA", [("series", "M 104"), ("item", "7(4)")])],
    ),
    (
        # DAFP vol. 4, 7-mr-s-m-bruce-...-to-mr-r-g-menzies-prime-minister.md
        # (wragge/dfat-documents-web): a year and a number as the control symbol
        "[AA: A3195, 1940, 1.5035]",
        [("AA: A3195, 1940, 1.5035", "NAA", [("series", "A3195"), ("file", "1940, 1.5035")])],
    ),
    (
        # DAFP vol. 14, 69-cabinet-submission.md (wragge/dfat-documents-web)
        "[AA: A2700, VOL.38]",
        [("AA: A2700, VOL.38", "NAA", [("series", "A2700"), ("volume", "38")])],
    ),
    (
        # British Library shelfmarks of the Qatar Digital Library
        # (zotero/translators, Qatar Digital Library.js, as the corpus quotes them)
        "IOR/L/PS/9/68/48",
        [("IOR/L/PS/9/68/48", "BL", [("signature", "L/PS/9/68/48")])],
    ),
    (
        # the same source
        "Mss Eur F126/21",
        [("Mss Eur F126/21", "BL", [("signature", "F126/21")])],
    ),
    (
        # issue 10 of the project's tracker quotes these as written in real notes
        "Cable (PRC FMA 111-00009-03).",
        [("PRC FMA 111-00009-03", "PRC FMA", [("file", "111-00009-03")])],
    ),
    (
        "Chinese Foreign Ministry Archive, 105-00501-01.",
        [("Chinese Foreign Ministry Archive, 105-00501-01", "PRC FMA", [("file", "105-00501-01")])],
    ),
    (
        "Hebei Provincial Archives 855-10-80-9",
        [("Hebei Provincial Archives 855-10-80-9", "HPA", [("file", "855-10-80-9")])],
    ),
    (
        "La Courneuve, AMAE, Europe 1944-1960, URSS, vol. 123",
        [
            (
                "La Courneuve, AMAE, Europe 1944-1960, URSS, vol. 123",
                "AMAE",
                [("series", "Europe 1944-1960"), ("section", "URSS"), ("volume", "123")],
            )
        ],
    ),
    (
        "PA AA, B 10 (Abteilung 2), Bd. 1709",
        [
            (
                "PA AA, B 10 (Abteilung 2), Bd. 1709",
                "PA AA",
                [("bestand", "B 10"), ("section", "Abteilung 2"), ("volume", "1709")],
            )
        ],
    ),
    ("PA AA, MULT 781", [("PA AA, MULT 781", "PA AA", [("signature", "MULT 781")])]),
    (
        # Znih/Znih, "ist Zustand/19901003_abschliessende-Regelung-in-Bezug-auf-
        # Deutschland.md": the file's header; the spaced hyphen is read as the space
        # the archive writes
        "Politisches Archiv des Auswärtigen Amts, MULT - 781",
        [
            (
                "Politisches Archiv des Auswärtigen Amts, MULT - 781",
                "PA AA",
                [("signature", "MULT 781")],
            )
        ],
    ),
    (
        # the archive's guide to citing its files (copy at expydoc.com/doc/9089563)
        "PA AA, RZ 206, R 103295",
        [("PA AA, RZ 206, R 103295", "PA AA", [("bestand", "RZ 206"), ("signature", "R 103295")])],
    ),
    (
        "PA AA, B 55/1, Bd. 11",
        [("PA AA, B 55/1, Bd. 11", "PA AA", [("bestand", "B 55/1"), ("volume", "11")])],
    ),
    (
        # his.newdu.com/a/201708/28/60884_6.html, note 60: the archive named in
        # Chinese, "档案号" before the file, the pages inside "第...页"
        "《邓小平总理接见法国议员代表团贝尔纳等谈话记录(中法关系和反对“两个中国”问题)》,"
        "1964年1月29日,外交部档案馆,档案号:110-02005-01,第4—5页。",
        [("外交部档案馆,档案号:110-02005-01,第4—5页", "PRC FMA", [("file", "110-02005-01")])],
    ),
    (
        # Wilson Center Digital Archive, record 300641, source field
        # (nhamby/wilson-center-digital-archive-web-scraping, wilson_archive.csv)
        "Diplomatic Archives of the Ministry of Foreign Affairs of Japan, File A’0392 "
        "(Microfilm). Contributed by Robert Hoppens and translated by Stephen Mercado.",
        [
            (
                "Diplomatic Archives of the Ministry of Foreign Affairs of Japan, File A’0392",
                "DAMOFA",
                [("file", "A’0392")],
            )
        ],
    ),
    (
        # JACAR's citation guide (www.jacar.go.jp/english/inyo/inyo.html), example 1
        "JACAR(Japan Center for Asian Historical Resource)Ref.A01000012800、"
        "太政類典・第二編・明治四年~明治十年 第八十五巻(国立公文書館)",
        [
            (
                "JACAR(Japan Center for Asian Historical Resource)Ref.A01000012800",
                "JACAR",
                [("item", "A01000012800")],
            )
        ],
    ),
    ("AJ, 507, CK SKJ", [("AJ, 507, CK SKJ", "AJ", [("fond", "507"), ("section", "CK SKJ")])]),
    (
        "LAC, RG 25, vol. 1234, file 50-A",
        [
            (
                "LAC, RG 25, vol. 1234, file 50-A",
                "LAC",
                [("record_group", "RG 25"), ("volume", "1234"), ("file", "50-A")],
            )
        ],
    ),
    ("CHAR 20/1", [("CHAR 20/1", "CAC", [("series", "CHAR"), ("signature", "20/1")])]),
]


def _read(text: str) -> list[tuple[str, str, list[tuple[str, str]]]]:
    out = []
    for c in archref.extract(text):
        ref = c.reference
        assert isinstance(ref, ArchivalReference), c
        assert ref.archive is not None
        out.append((c.text, ref.archive.id, [(lv.kind, lv.value) for lv in ref.levels]))
    return out


@pytest.mark.parametrize(("note", "expected"), REAL, ids=[n[:30] for n, _ in REAL])
def test_real_notes(note: str, expected: list[tuple[str, str, list[tuple[str, str]]]]) -> None:
    assert _read(note) == expected


@pytest.mark.parametrize(("archive_id", "example"), EXAMPLES)
def test_every_example_reads_back_from_its_canonical_form(archive_id: str, example: str) -> None:
    ref = archref.parse(example)
    assert isinstance(ref, ArchivalReference)
    assert ref.notation == "signature"
    assert ref.archive is not None and ref.archive.id == archive_id
    for style in ("en", "en-full", "de", "ru"):
        again = signature.parse(ref.format(style))
        assert again == ref, (style, ref.format(style))
    # the example is found in running text too, whole
    note = f"See {example}; and then prose."
    (found,) = archref.extract(note)
    assert found.reference == ref
    assert found.text == example.rstrip(".")


def test_the_registry_holds_the_archives_of_the_world() -> None:
    assert len(REGISTRY) >= 85
    assert len(SIGNATURE_ARCHIVES) >= 50
    countries = {a.country for a in SIGNATURE_ARCHIVES}
    assert {"GB", "DE", "FR", "IT", "CN", "JP", "IN", "IL", "AU", "CA", "RS"} <= countries


def test_leaves_and_pages_after_a_signature() -> None:
    ref = archref.parse("AN, F/7/15288, p. 12")
    assert ref.folios is not None and ref.folios.unit == "page" and str(ref.folios) == "12"
    ref = archref.parse("BL, Add MS 51234, fol. 12")
    assert ref.folios is not None and ref.folios.unit == "leaf"
    assert ref.format("de") == "BL, Add MS 51234, Bl. 12"
    assert ref.format("short") == "Add MS 51234, fol. 12"


def test_a_former_name_is_reported() -> None:
    ref = archref.parse("AA: A1608, Y27/1/1")
    assert ref.is_former_name
    (d,) = signature.validate(ref)
    assert (d.code, d.suggestion, d.fix) == ("ARC102", "NAA, A1608, Y27/1/1", "NAA")
    assert signature.validate(archref.parse("NAA: A1608, Y27/1/1")) == []


def test_what_is_missing_is_said() -> None:
    with pytest.raises(ParseError, match="no signature of NAA fits here"):
        signature.parse("NAA: A1838")
    with pytest.raises(ParseError, match="expected its name"):
        signature.parse("Nowhere Archive, 1-2-3")
    with pytest.raises(ParseError, match="unexpected text after the reference"):
        signature.parse("PRC FMA 111-00009-03 and more")


# --------------------------------------------------------------------------- prose traps

TRAPS = [
    "In 1950-1953 the war cost 2,000,000 lives; see pp. 12-15 and p. 7.",
    "Call 555-123-4567 or +44 20 7946 0958 before 1950-06-25.",
    "Section 5.2.1 and § 12-3; ISBN 978-3-16-148410-0; ISSN 0028-0836.",
    "The aircraft A1838 and serial 3123/4/2 are listed in No. 5 (September-October 2005).",
    "Shanghai in 1949 and Beijing 1-2-3 days later; the AA meeting at 9:30.",
    "AN interesting note, AJ said; LAC of evidence; PA AA batteries, NAA.",
    "Hebei Provincial Archives hold many files.",
    "the CHAR 2 model and IOR 5, Mss 12",
    "dates 12/5/1950 and 1950/51, ratio 3/4, vol. 2 of the set",
]


@pytest.mark.parametrize("text", TRAPS)
def test_prose_yields_nothing(text: str) -> None:
    assert signature.find(text) == []
    assert [c for c in archref.extract(text) if c.reference.__class__ is ArchivalReference] == []


# --------------------------------------------------------------------------- templates


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("<file:[0-9]+>", "unbounded repetition '\\+'"),
        ("<file:[0-9]*>", "unbounded repetition '\\*'"),
        ("<file:[0-9]{2,}>", "unbounded repetition"),
        ("<file:[0-9]{1,500}>", "at most"),
        ("<file:(?:[0-9]{1,3}){1,5}>", "must open with a literal"),
        ("<file:(?:[0-9]{1,3})+>", "unbounded repetition"),
        ("<file:(?=1)[0-9]{1,3}>", "look-around"),
        ("<file:([0-9]{1,3})\\1>", "back-reference"),
        ("(?P<x>1)<file:[0-9]>", "named groups"),
        ("<shelf:[0-9]{1,3}>", "unknown level kind 'shelf'"),
        ("<file:[0-9]{1,3}>/<file:[0-9]>", "twice"),
        ("[0-9]{1,3}", "names no level"),
        ("<file:[0-9]{0,3}>", "matches empty text"),
        ("<file:[0-9]{1,3}", "unclosed"),
        ("<file:[0-9]{1,3}>)", "unbalanced"),
        ("<file:[0-9{1,3}>", "unclosed '\\['"),
    ],
)
def test_unsafe_templates_are_refused(template: str, message: str) -> None:
    with pytest.raises(TemplateError, match=message):
        compile_template(template)


def test_a_format_names_only_levels_of_its_pattern() -> None:
    with pytest.raises(TemplateError, match="no level of the pattern"):
        compile_template("<file:[0-9]{1,3}>", "{volume}")


def test_safe_templates_compile_for_both_engines() -> None:
    re2 = pytest.importorskip("re2")
    for archive in SIGNATURE_ARCHIVES:
        for sig in archive.signatures:
            compiled = compile_template(sig.pattern, sig.format)
            re2.compile(compiled.regex.pattern)
            assert compiled.regex.groups == len(compiled.kinds)


def test_a_space_stands_for_one_or_two_spaces() -> None:
    regex = compile_template("vol. <volume:[0-9]{1,3}>").regex
    assert regex.fullmatch("vol. 12") and regex.fullmatch("vol.  12")
    assert regex.fullmatch("vol.\u00a012")
    assert not regex.fullmatch("vol.12") and not regex.fullmatch("vol.   12")


def test_a_bare_pattern_needs_a_literal() -> None:
    text = """
[[archive]]
id = "XA"
name_en = "X Archive"
notation = "signature"
[[archive.signature]]
pattern = '<file:[0-9]{1,3}>'
bare = true
"""
    with pytest.raises(RegistryError, match="bare pattern opens with a literal"):
        load_registry(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[[archive]]\nid = "XA"\nname_en = "X"\nnotation = "signature"\n',
            "go together",
        ),
        (
            '[[archive]]\nid = "XA"\nname_en = "X"\nnotation = "signature"\n'
            "[[archive.signature]]\npattern = '<file:[0-9]+>'\n",
            "XA.signature\\[0\\]: unbounded repetition",
        ),
        (
            '[[archive]]\nid = "XA"\nname_en = "X"\nnotation = "signature"\n'
            "[[archive.signature]]\npattern = '<file:[0-9]{1,3}>'\nshelf = 1\n",
            "unknown field",
        ),
        (
            '[[archive]]\nid = "XA"\nname_en = "X"\nnotation = "signature"\n'
            "[[archive.signature]]\nformat = '{file}'\n",
            "needs a 'pattern'",
        ),
    ],
)
def test_broken_signature_data_is_refused(text: str, message: str) -> None:
    with pytest.raises(RegistryError, match=message):
        load_registry(text)


# --------------------------------------------------------------------------- data only

NEW_ARCHIVE = """
# An archive added with data only: the Lithuanian Special Archives, whose
# references this test writes in an invented signature form.
[[archive]]
id = "LYA"
name_en = "Lithuanian Special Archives"
name_translit = "Lietuvos ypatingasis archyvas"
acronyms = ["LYA"]
city = "Vilnius"
country = "LT"
notation = "signature"
examples = ["LYA, K-1-3-456"]
[[archive.signature]]
name = "fonds-inventory-file"
pattern = '<file:K-[0-9]{1,2}-[0-9]{1,3}-[0-9]{1,5}>'
"""


def test_an_archive_added_from_a_toml_snippet_is_read_in_notes() -> None:
    registry = load_registry(NEW_ARCHIVE)
    note = "A report of 1948 (LYA, K-1-3-456, p. 12), and later ones."
    # the shipped registry does not know the archive
    assert archref.extract(note) == []
    (c,) = archref.extract(note, registry=registry)
    ref = c.reference
    assert isinstance(ref, ArchivalReference)
    assert ref.archive is not None and ref.archive.id == "LYA"
    assert c.text == "LYA, K-1-3-456, p. 12" and note[c.start : c.end] == c.text
    assert [(lv.kind, lv.value) for lv in ref.levels] == [("file", "K-1-3-456")]
    assert str(ref) == "LYA, K-1-3-456, p. 12"
    assert ref.format("en-full") == "Lithuanian Special Archives, Vilnius, K-1-3-456, p. 12"
    (example,) = registry.get("LYA").examples  # type: ignore[union-attr]
    assert signature.parse(example, registry=registry).archive == ref.archive
    # archref.parse asks every family with the registry it is given
    assert archref.parse("LYA, K-1-3-456, p. 12", registry=registry) == ref
    with pytest.raises(archref.ParseError):
        archref.parse("LYA, K-1-3-456, p. 12")
    with pytest.raises(TypeError, match="Registry"):
        archref.parse("LYA, K-1-3-456", registry="local.toml")  # type: ignore[arg-type]
    # the scanning core's anchors come from a registry's data too
    assert signature.anchor_patterns(registry) != signature.anchor_patterns()


def test_the_finder_reads_a_registry_it_is_given() -> None:
    registry = load_registry(NEW_ARCHIVE)
    (m,) = signature.find("See LYA, K-1-3-456.", registry=registry)
    assert (m.start, m.end) == (4, 18)
    assert signature.find("See LYA, K-1-3-456.") == []


# --------------------------------------------------------------------------- scanning


def test_a_reference_opens_with_an_anchor_of_the_family() -> None:
    text = "Prose.\n\nSee NAA: A1838, 3038/10/1/2, iii and IOR/L/PS/9/68/48.\n\nMore prose."
    found = signature.find(text)
    assert len(found) == 2
    starts = {s for name, s, _ in anchors(text) if name == "signature"}
    for m in found:
        assert m.start - 1 in starts or m.start in starts
    assert scan(text).windows["signature"] == [(text.index("See"), text.index("\n\nMore"))]


# --------------------------------------------------------------------------- work


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # DAFP vol. 23, 233-letter-from-muldoon-to-chairman-manufacturers-federation-nafta-
        # working-party.md (wragge/dfat-documents-web): the archive named after the reference
        (
            "[ABHS 950/Box 1228, 40/4/2 Part 1 Archives New Zealand/Te Whare Tohu Tuhituhinga "
            "0 Aotearoa, Head Office, Wellington]",
            (
                "ABHS 950/Box 1228, 40/4/2 Part 1 Archives New Zealand",
                [("series", "ABHS 950"), ("box", "1228"), ("file", "40/4/2"), ("chast", "1")],
            ),
        ),
        # the same volume, 247-telegram-from-new-zealand-high-commission-in-canberra-to-
        # ministry-of-foreign-affairs.md: OCR glued the name to the next word ("/Te")
        (
            "[ABHS 950/Box 1228, 40/4/2 Part 4 Archives New Zealandffe Whare Tohu Tuhituhinga "
            "0 Aotearoa, Head Office, Wellington]",
            (
                "ABHS 950/Box 1228, 40/4/2 Part 4 Archives New Zealand",
                [("series", "ABHS 950"), ("box", "1228"), ("file", "40/4/2"), ("chast", "4")],
            ),
        ),
        # DAFP vol. 15, 520-critchley-to-department-of-external-affairs.md, note 2: the
        # Nationaal Archief under its former name, after a ministry's archive and file
        (
            "and Archief Minog, C.5/4613/570, Enclosure C, Algemeen Rijksarchief, The Hague.",
            (
                "Archief Minog, C.5/4613/570, Enclosure C, Algemeen Rijksarchief",
                [("series", "Archief Minog"), ("file", "C.5/4613/570")],
            ),
        ),
        # the same volume, 11-report-to-cabinet-by-talboys.md: an accession before the box
        (
            "[AAFD 807 W3738, Box 391, CM (78) 11 Archives New Zealand/Te Whare Tohu Tuhituhinga "
            "0 Aotearoa, Head Office, Wellington]",
            (
                "AAFD 807 W3738, Box 391, CM (78) 11 Archives New Zealand",
                [("series", "AAFD 807"), ("box", "391"), ("file", "CM (78) 11")],
            ),
        ),
    ],
)
def test_a_name_after_the_reference(note: str, expected: tuple[str, list[tuple[str, str]]]) -> None:
    (m,) = signature.find(note)
    assert note[m.start : m.end] == expected[0]
    assert [(lv.kind, lv.value) for lv in m.reference.levels] == expected[1]
    assert signature.find("the Archives New Zealand reading room in Wellington") == []


def _sized(unit: str, **kw: str) -> Repeated:
    """``unit`` repeated n times with n * len(unit) just over 5,000 characters (more than the
    scanning core's one window, so both sizes are cut into windows alike), and 10 n."""
    return Repeated(unit, 10 * (5_000 // len(unit) + 1), **kw)


REPEATED = [
    _sized("NAA: A1838, "),
    _sized("AA: A1, 1/1/1/1/1/1/1/1"),
    _sized("PRC FMA 111-"),
    _sized("Hebei Provincial Archives "),
    _sized("AMAE, Europe 1944-1960, URSS, "),
    _sized("IOR/L/PS/1/"),
    _sized("1-2-3-", head="SMA, "),
    _sized("A B C ", head="NAI, "),
    _sized("CHAR 1/"),
    _sized("LAC, RG 25, vol. 1, file 1-"),
    # the name that closes a reference, read back before it
    _sized("Archives New Zealand "),
    _sized("ABHS 950/Box 1228, 40/4/2 Archives New Zealand "),
    _sized("1/", head="ABHS 950/Box 1228, ", tail="1 Archives New Zealand"),
]


@pytest.mark.parametrize("make", REPEATED, ids=[r.label() for r in REPEATED])
def test_repetitions_cost_linear_work(make: Repeated) -> None:
    assert_linear(signature.find, make, make.times // 10)
    assert_linear(archref.extract, make, make.times // 10)
