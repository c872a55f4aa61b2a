"""The German federal archives notation (Bundesarchiv, SAPMO-BArch, BStU)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import archref
from archref.formats.archives import archival_sources, format_archival_sources
from archref.formats.csl import archival_item, archive_location
from archref.model import ArchivalReference, Folio, FolioRange, Level, Locator, ParseError
from archref.notations import barch
from archref.registry import default_registry
from work import Repeated, assert_linear

# Real notes: the "german" lines of the shared footnote corpus (from
# Chronik der Mauer and public source lists, as the corpus records), and
# the SAPMO-BArch example of the project's domain notes (DOMAIN.md).
# Each note with the references it holds, as written, and their "de" form.
CORPUS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        # Chronik der Mauer (corpus), the double space after the colon as in the source
        "Chronik der Mauer:  Protokoll Nr. 45/61 der Sitzung des Politbüros des ZK der SED, "
        "22.8.1961, in: Bundesarchiv (BA), DY 30/J IV 2/2/787, S. 1ff.",
        [
            (
                "Bundesarchiv (BA), DY 30/J IV 2/2/787, S. 1ff.",
                "BArch, DY 30/J IV 2/2/787, S. 1ff.",
            )
        ],
    ),
    (
        # corpus (a source register citing 17juni53.de)
        "SAPMO-BArch, NY 4090/437, Bl. 8",
        [("SAPMO-BArch, NY 4090/437, Bl. 8", "BArch, NY 4090/437, Bl. 8")],
    ),
    (
        # corpus
        "BStU, MfS, ZAIG 1081, Bl. 8–16",
        [("BStU, MfS, ZAIG 1081, Bl. 8–16", "BStU, MfS, ZAIG 1081, Bl. 8–16")],
    ),
    (
        # Chronik der Mauer (corpus)
        "“Zeitweilige Übergangsregelung für Reisen und ständige Ausreise aus der DDR”, "
        "9 November 1989. BStU, MfS, Arbeitsbereich Neiber Nr. 553, Bl. 15–19. "
        "Via Chronik der Mauer.",
        [
            (
                "BStU, MfS, Arbeitsbereich Neiber Nr. 553, Bl. 15–19",
                "BStU, MfS, Arbeitsbereich Neiber Nr. 553, Bl. 15–19",
            )
        ],
    ),
    (
        # corpus (a Python source list)
        "Bundesarchiv, NS 19/3428",
        [("Bundesarchiv, NS 19/3428", "BArch, NS 19/3428")],
    ),
    (
        # DOMAIN.md
        "SAPMO-BArch, NY 4090/437, Bl. 8.",
        [("SAPMO-BArch, NY 4090/437, Bl. 8", "BArch, NY 4090/437, Bl. 8")],
    ),
    (
        # DOMAIN.md
        "BArch DY 30/J IV 2/3/876",
        [("BArch DY 30/J IV 2/3/876", "BArch, DY 30/J IV 2/3/876")],
    ),
]


@pytest.mark.parametrize(("note", "expected"), CORPUS)
def test_the_real_notes_are_found_with_exact_spans(
    note: str, expected: list[tuple[str, str]]
) -> None:
    citations = archref.extract(note)
    assert [(c.text, c.archival.format("de") if c.archival else None) for c in citations] == [
        (text, de) for text, de in expected
    ]
    for c in citations:
        assert note[c.start : c.end] == c.text


@pytest.mark.parametrize(("note", "expected"), CORPUS)
def test_the_real_references_parse(note: str, expected: list[tuple[str, str]]) -> None:
    for text, de in expected:
        ref = archref.parse(text)
        assert isinstance(ref, ArchivalReference)
        assert ref.notation == "barch"
        assert ref.format("de") == de
        assert archref.parse(de) == ref


def test_levels_and_leaves() -> None:
    ref = barch.parse("Bundesarchiv (BA), DY 30/J IV 2/2/787, S. 1ff.")
    assert ref.archive is not None and ref.archive.id == "BArch"
    assert [(lv.kind, lv.value) for lv in ref.levels] == [
        ("bestand", "DY 30"),
        ("signature", "J IV 2/2/787"),
    ]
    assert ref.folios is not None
    assert (ref.folios.unit, str(ref.folios)) == ("page", "1ff.")
    ref = barch.parse("BStU, MfS, ZAIG 1081, Bl. 8–16")
    assert ref.archive is not None and ref.archive.id == "BStU"
    assert ref.folios == Locator((FolioRange(Folio("8"), Folio("16")),), unit="leaf")
    assert barch.parse("BStU, MfS, HA XX, AP 1234/56").level("signature") == "AP 1234/56"
    assert barch.parse("SAPMO-BArch, DY 30/IV 2/9.02/14").level("signature") == "IV 2/9.02/14"
    assert barch.parse("BArch, R 43 II/1234").level("bestand") == "R 43 II"


def test_sapmo_is_the_bundesarchiv() -> None:
    a = barch.parse("SAPMO-BArch, DY 30/J IV 2/3/876")
    b = barch.parse("BArch DY 30/J IV 2/3/876")
    assert a == b
    assert a.archive_as_cited == "SAPMO-BArch"
    assert default_registry().get("SAPMO-BArch") == default_registry().get("Bundesarchiv")


def test_the_stasi_records_in_the_bundesarchiv_are_read() -> None:
    ref = barch.parse("BArch, MfS, HA XX 1234")
    assert ref.archive is not None and ref.archive.id == "BArch"
    assert [(lv.kind, lv.value) for lv in ref.levels] == [
        ("bestand", "MfS"),
        ("office", "HA XX"),
        ("signature", "1234"),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("BArch, NS 19", "expected a Bestand and a signature"),
        ("NS 19/3428", "not a reference of the Bundesarchiv"),
        ("BStU, NS 19/3428", "expected a Bestand and a signature"),
        ("BArch, NS 19/3428 and more", "unexpected text after the reference"),
        ("", "empty text"),
    ],
)
def test_what_is_not_a_reference_is_said(text: str, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        barch.parse(text)


def test_rules() -> None:
    assert [d.code for d in archref.check("BArch, NS 19/3428, Bl. 16–8")] == ["ARC401"]
    (d,) = barch.validate(barch.parse("BA, NS 19/3428"))
    assert (d.code, d.severity, d.text, d.fix, d.suggestion) == (
        "ARC402",
        "info",
        "BA",
        "BArch",
        "BArch, NS 19/3428",
    )
    assert barch.validate(barch.parse("Bundesarchiv (BA), DY 30/J IV 2/2/787, S. 1ff.")) == []
    assert archref.check("BStU, MfS, ZAIG 1081, Bl. 8–16") == []


def test_styles() -> None:
    ref = barch.parse("SAPMO-BArch, NY 4090/437, Bl. 8f.")
    assert [barch.format_reference(ref, s) for s in barch.STYLES] == [
        "BArch, NY 4090/437, fols. 8f.",
        "Bundesarchiv, Koblenz, NY 4090/437, fols. 8f.",
        "BArch. NY 4090/437, Bl. 8f.",
        "BArch, NY 4090/437, Bl. 8f.",
        "NY 4090/437, Bl. 8f.",
    ]
    with pytest.raises(ValueError, match="unknown style"):
        barch.format_reference(ref, "fr")


def test_csl_and_archival_sources() -> None:
    ref = barch.parse("BStU, MfS, Arbeitsbereich Neiber Nr. 553, Bl. 15–19")
    assert archive_location(ref) == "MfS, Arbeitsbereich Neiber Nr. 553"
    item = archival_item(ref)
    assert item["archive_location"] == "MfS, Arbeitsbereich Neiber Nr. 553"
    refs = [
        archref.parse(t)
        for t in (
            "BStU, MfS, ZAIG 1081, Bl. 8–16",
            "BStU, MfS, ZAIG 1082",
            "BStU, MfS, Arbeitsbereich Neiber Nr. 553, Bl. 15–19",
            "SAPMO-BArch, NY 4090/437, Bl. 8",
            "BArch, DY 30/J IV 2/3/876",
            "BArch, DY 30/IV 2/9.02/14",
        )
    ]
    assert format_archival_sources(archival_sources(refs)).splitlines() == [
        "Bundesarchiv (BArch), Koblenz",
        "    DY 30",
        "    NY 4090",
        "Federal Commissioner for the Records of the State Security Service of the former GDR"
        " (BStU), Berlin",
        "    MfS, Arbeitsbereich Neiber",
        "    MfS, ZAIG",
    ]


# --------------------------------------------------------------------------- finding


def test_spans_in_prose() -> None:
    text = (
        "Ulbricht schrieb (SAPMO-BArch, NY 4090/437, Bl. 8f.), die Staatssicherheit meldete "
        "es (BStU, MfS, ZAIG 1081, Bl. 8–16; BArch, MfS, HA XX 12); vgl. BA, B 136/1234."
    )
    found = barch.find(text)
    assert [m.text for m in found] == [
        "SAPMO-BArch, NY 4090/437, Bl. 8f.",
        "BStU, MfS, ZAIG 1081, Bl. 8–16",
        "BArch, MfS, HA XX 12",
        "BA, B 136/1234",
    ]
    for m in found:
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("note", "text", "bestand", "folios"),
    [
        # Wilson Center Digital Archive, record 300237, source field and note 1
        # (nhamby/wilson-center-digital-archive-web-scraping, wilson_archive.csv):
        # a range of leaves after the signature, without a label
        ("[1] BArch, B 136/59748, 297-301.", "BArch, B 136/59748, 297-301", "B 136", "297–301"),
        # the Bundesarchiv's guide to citing its records ("Zitierweisen",
        # bundesarchiv.de): a part of a Bestand, the Bestand's name before the slash
        (
            "BArch, R 43-I/161, fol. 91 oder BArch, R 43-I/161, Image 0184",
            "BArch, R 43-I/161, fol. 91",
            "R 43-I",
            "91",
        ),
        (
            "BArch, RW 19 (OKW/Wehrwirtschafts- und Rüstungsamt)/234, Bl. 4.",
            "BArch, RW 19 (OKW/Wehrwirtschafts- und Rüstungsamt)/234, Bl. 4",
            "RW 19",
            "4",
        ),
    ],
)
def test_guide_and_source_line_forms(note: str, text: str, bestand: str, folios: str) -> None:
    m = barch.find(note)[0]
    assert m.text == text
    assert m.reference.level("bestand") == bestand
    assert str(m.reference.folios) == folios


@pytest.mark.parametrize(
    "text",
    [
        # a number after the signature is no leaf without its label, nor a range
        # that runs backwards
        "BArch, B 136/1234, 12 March 1990 and BArch, B 136/1234, 12-3 as well",
    ],
)
def test_no_bare_number_read_as_leaves(text: str) -> None:
    assert [m.reference.folios for m in barch.find(text)] == [None, None]


@pytest.mark.parametrize(
    "text",
    [
        "She took a BA in 1990 and an MA, NY 4090/437 notwithstanding.",
        "NY 4090/437, Bl. 8 without an archive",
        "BArch and BStU were merged in 2021.",
        "BA 1990, BA: 3/4, BA (Hons), MBA, BStU-Akte, BArch-Bestand",
        "the Bundesarchiv, the BStU, MfS files",
    ],
)
def test_no_false_finds(text: str) -> None:
    assert barch.find(text) == []


def test_no_new_finds_in_the_other_corpus_lines() -> None:
    path = Path(__file__).parent / "data" / "footnotes.jsonl"
    lines = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    others = [line["text"] for line in lines if line["kind"] != "german"]
    assert len(others) > 50
    for text in others:
        assert barch.find(text) == [], text
        assert not [
            c for c in archref.extract(text) if c.archival and c.archival.notation == "barch"
        ]


#: Inputs built to make the finder backtrack or loop, about 100,000 characters each.
ADVERSARIAL = [
    Repeated("BArch, ", 14_000),
    Repeated("Abc ", 25_000, head="BStU, MfS, "),
    Repeated("J 1/", 25_000, head="BArch, DY 30/"),
    Repeated("IV ", 33_000, head="BA, N 1/"),
    Repeated("–8", 40_000, head="SAPMO-BArch, NY 4090/437, Bl. 8"),
]


@pytest.mark.parametrize("make", ADVERSARIAL, ids=[m.label() for m in ADVERSARIAL])
def test_adversarial_text_is_read_in_linear_time(make: Repeated) -> None:
    # work counted, not timed: ten times the input makes at most ~ten times the calls
    counted = assert_linear(barch.find, make, make.times // 10)
    assert len(counted.result_10n) <= 10 * len(counted.result_n) + 1


# --------------------------------------------------------------------------- round trip

_BESTAND = st.builds(
    lambda code, n: f"{code} {n}",
    st.sampled_from(["DY", "NY", "NS", "R", "B", "DC", "RH", "N"]),
    st.integers(1, 9999),
)
_PART = st.builds(
    lambda head, n, dec: f"{head}{n}{dec}",
    st.sampled_from(["", "J IV ", "IV ", "A "]),
    st.integers(1, 99999),
    st.sampled_from(["", ".02"]),
)
_SIGNATURE = st.lists(_PART, min_size=1, max_size=4).map("/".join)
_OFFICES = ["ZAIG", "HA XX", "Arbeitsbereich Neiber", "BV Berlin", "AIM", "Sekr. Neiber", "AOP"]
_NUMBER = st.one_of(
    st.integers(1, 999999).map(str),
    st.builds(lambda a, b: f"AP {a}/{b}", st.integers(1, 9999), st.integers(1, 99)),
)


@st.composite
def _folios(draw: st.DrawFn) -> Locator | None:
    if draw(st.booleans()):
        return None
    unit = draw(st.sampled_from(["leaf", "page"]))
    first = draw(st.integers(1, 999))
    shape = draw(st.sampled_from(["one", "range", "f.", "ff."]))
    if shape == "range":
        last = draw(st.integers(first + 1, 2000))
        rng = FolioRange(Folio(str(first)), Folio(str(last)))
    elif shape == "one":
        rng = FolioRange(Folio(str(first)))
    else:
        rng = FolioRange(Folio(f"{first}{shape}"))
    return Locator((rng,), unit=unit)


@st.composite
def _references(draw: st.DrawFn) -> ArchivalReference:
    registry = default_registry()
    if draw(st.booleans()):
        levels: tuple[Level, ...] = (
            Level("bestand", draw(_BESTAND)),
            Level("signature", draw(_SIGNATURE)),
        )
        archive = registry.get("BArch")
    else:
        levels = (
            Level("bestand", "MfS"),
            Level("office", draw(st.sampled_from(_OFFICES))),
            Level("signature", draw(_NUMBER), label=draw(st.sampled_from([None, "Nr.", ","]))),
        )
        archive = registry.get(draw(st.sampled_from(["BStU", "BArch"])))
    return ArchivalReference(archive, levels, draw(_folios()), notation="barch")


@settings(max_examples=300, deadline=None)
@given(_references(), st.sampled_from(["en", "en-full", "ru", "de"]))
def test_parse_of_format_round_trips(ref: ArchivalReference, style: str) -> None:
    written = barch.format_reference(ref, style)
    assert barch.parse(written) == ref, written
    assert archref.parse(written) == ref, written
    (m,) = barch.find(f"Vgl. {written}; ferner")
    assert (m.start, m.reference) == (5, ref)


# ------------------------------------------------------ regional offices, frames, the SED's archive

# issue 10 of the project's tracker quotes the first two and the SED archive's
# line as written in real notes (a Stasi records page, a Wilson Center source
# line); the others are written in the archives' own forms.
NEW_FORMS = [
    (
        "BStU, BV Dresden, Abt. XX",
        [("bestand", "MfS"), ("office", "BV Dresden, Abt. XX")],
        "BStU, MfS, BV Dresden, Abt. XX",
    ),
    (
        "BStU, MfS, HA XX, Nr. 1234, Bl. 5",
        [("bestand", "MfS"), ("office", "HA XX"), ("signature", "1234")],
        "BStU, MfS, HA XX Nr. 1234, Bl. 5",
    ),
    (
        "BStU, MfS, BV Dresden, Abt. XX, Nr. 1234",
        [("bestand", "MfS"), ("office", "BV Dresden, Abt. XX"), ("signature", "1234")],
        "BStU, MfS, BV Dresden, Abt. XX Nr. 1234",
    ),
    (
        "BStU, MfS, AIM 1234/56, Bd. 2, Bild 12",
        [("bestand", "MfS"), ("office", "AIM"), ("signature", "1234/56"), ("volume", "2")],
        "BStU, MfS, AIM 1234/56, Bd. 2, Bild 12",
    ),
    (
        "SED Archives, IfGA, ZPA, J IV 2/202/130",
        [("signature", "J IV 2/202/130")],
        "BArch, J IV 2/202/130",
    ),
    (
        "IfGA/ZPA, IV 2/9.02/5",
        [("signature", "IV 2/9.02/5")],
        "BArch, IV 2/9.02/5",
    ),
    (
        "BArch, DY 30/IV 2/2/123, Bd. 3, Bl. 4",
        [("bestand", "DY 30"), ("signature", "IV 2/2/123"), ("volume", "3")],
        "BArch, DY 30/IV 2/2/123, Bd. 3, Bl. 4",
    ),
]


@pytest.mark.parametrize(("text", "levels", "german"), NEW_FORMS)
def test_regional_offices_volumes_frames_and_the_party_archive(
    text: str, levels: list[tuple[str, str]], german: str
) -> None:
    ref = barch.parse(text)
    assert [(lv.kind, lv.value) for lv in ref.levels] == levels
    assert barch.format_reference(ref, "de") == german
    for style in ("en", "en-full", "ru", "de"):
        assert barch.parse(barch.format_reference(ref, style)) == ref
    (m,) = barch.find(f"Siehe {text}; ferner")
    assert (m.start, m.reference) == (6, ref)


def test_frames_are_frames() -> None:
    ref = barch.parse("BStU, MfS, ZAIG 1081, Bild 8–9")
    assert ref.folios is not None and ref.folios.label == "Bild"
    assert str(ref) == "BStU, MfS, ZAIG 1081, frames 8–9"
    assert barch.parse(str(ref)) == ref


def test_the_party_archive_is_a_former_name_of_the_bundesarchiv() -> None:
    ref = barch.parse("SED Archives, IfGA, ZPA, J IV 2/202/130")
    assert ref.archive is not None and ref.archive.id == "BArch"
    assert ref.is_former_name
    (d,) = barch.validate(ref)
    assert (d.code, d.suggestion, d.fix) == ("ARC102", "BArch, J IV 2/202/130", "BArch")
    assert d.text == "SED Archives, IfGA, ZPA"


@pytest.mark.parametrize(
    "text",
    [
        "the BV Dresden and its Abt. XX were large",
        "ZPA staff; the IML, ZPA and IfGA in 1990",
        "a Bild 12 of the Zeitung",
    ],
)
def test_no_false_finds_of_the_new_forms(text: str) -> None:
    assert barch.find(text) == []


def test_a_bestand_cited_again_without_the_archives_name() -> None:
    # Znih/Znih at 3d1ea9efba68, BrD-Genozide.md: the second file of R 3018 after a dash
    text = "Bundesarchiv R 3018/6387 Anklageschrift und Urteil 1935/1936 – R 3018/1898, Bl. 1-4"
    found = barch.find(text)
    assert [(m.text, str(m.reference)) for m in found] == [
        ("Bundesarchiv R 3018/6387", "BArch, R 3018/6387"),
        ("R 3018/1898, Bl. 1-4", "BArch, R 3018/1898, fols. 1–4"),
    ]
    # only a Bestand the note has cited with the archive's name
    assert [m.text for m in barch.find("BArch, R 43/1. Siehe R 2/7 und NS 19/5.")] == [
        "BArch, R 43/1"
    ]


def test_a_frame_of_a_numbered_series() -> None:
    # bpb.de, Deutschland Archiv, "Maßnahmen des MfS": a photograph's caption
    (m,) = barch.find("(© BStU, MfS, ZOS 4043, Bild 8/11)")
    assert m.text == "BStU, MfS, ZOS 4043, Bild 8/11"
    assert str(m.reference.folios) == "8/11"
    assert barch.format_reference(m.reference, "de") == "BStU, MfS, ZOS 4043, Bild 8/11"
    # leaves are not numbered so: "Bl. 8/11" is not read as leaves
    assert barch.parse("BArch, R 43/1").folios is None
    (m,) = barch.find("BArch, R 43/1, Bl. 8/11")
    assert m.reference.folios is None


NEW_ADVERSARIAL = [
    Repeated("R 43/1 ", 20_000, head="BArch, R 43/1, "),
    Repeated("R 43/", 20_000, head="BArch, R 43/1, "),
    Repeated(", Abt. XX", 11_000, head="BStU, BV Dresden"),
    Repeated("IV 2/", 20_000, head="IfGA, ZPA, J "),
    Repeated("ZPA, ", 20_000),
    Repeated(", Bd. 1", 14_000, head="BArch, DY 30/1"),
]


@pytest.mark.parametrize("make", NEW_ADVERSARIAL, ids=[m.label() for m in NEW_ADVERSARIAL])
def test_the_new_forms_are_read_in_linear_work(make: Repeated) -> None:
    counted = assert_linear(barch.find, make, make.times // 10)
    assert len(counted.result_10n) <= 10 * len(counted.result_n) + 1
