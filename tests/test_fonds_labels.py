"""The fond family as real notes write it: label data, identifiers, lists, the East bloc.

Provenance of the strings. Unless a line says otherwise, a citation is one the
project's tracker quotes from real notes (issue 10, "What it misses today":
archival databases, Memorial's records, Rosarkhiv headers, Wilson Center
source lines) or its domain notes (DOMAIN.md, sections 3 and 4); the few
built around such a citation (an archive's name put in front, a neighbour in
the same notation) are marked "constructed".
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from importlib import resources

import pytest

import archref
from archref import levels
from archref.model import Level, ParseError
from archref.model.archival import canonical_identifier, identifier_in_script
from archref.notations import fonds
from archref.registry import load_registry
from archref.scan import anchors, families
from golden_support import plain


def kinds(ref: archref.ArchivalReference) -> list[tuple[str, str]]:
    return [(lv.kind, lv.value) for lv in ref.levels]


def found(text: str) -> list[archref.ArchivalReference]:
    return [m.reference for m in fonds.Scanner(text).find()]


def assert_anchored(text: str) -> None:
    """Every fond-family match holds an anchor of the family (the scanner's invariant)."""
    spans = [(a, b) for name, a, b in anchors(text) if name == "fonds"]
    family = next(f for f in families() if f.name == "fonds")
    for m in fonds.Scanner(text).find():
        assert any(
            a < m.end and m.start < b and a - family.before <= m.start and m.end <= b + family.after
            for a, b in spans
        ), (text, text[m.start : m.end])


def assert_fast_path_agrees(text: str) -> None:
    fast = fonds.fast_find(text)
    if fast is not None:
        assert plain(fast) == plain(fonds.Scanner(text).find()), text


# --------------------------------------------------------------------------- the data


def _shipped() -> dict[str, object]:
    text = resources.files("archref").joinpath("data/levels.toml").read_text("utf-8")
    return tomllib.loads(text)["sets"]  # type: ignore[no-any-return]


def test_the_label_data_loads_and_names_every_set_the_registry_uses() -> None:
    sets = levels.label_sets()
    assert set(levels._shipped()) == set(_shipped()) and set(_shipped()) <= set(sets)
    used = {a.labels for a in archref.default_registry()}
    assert used <= set(sets)
    assert {"ru", "uk", "by", "bg", "et", "sq", "pl", "cs", "ro", "hu"} <= set(sets)


@pytest.mark.parametrize("set_id", sorted(_shipped()))
@pytest.mark.parametrize("style", levels.STYLES)
def test_every_written_label_is_read_back_as_its_level(set_id: str, style: str) -> None:
    """What a set writes for a level, the parser reads as that level after its archive."""
    table = fonds._table(set_id)
    for kind, label in fonds._labels(set_id, style).items():
        word = label.strip().rstrip(".").casefold()
        if not word or word in table.ordinal or kind in {"verso", "year"}:
            continue  # bare, or written after the number
        first, dot, second = word.partition(".")
        hit = table.pairs.get((first, second)) if dot else table.labels.get(word)
        assert hit is not None, (set_id, style, kind, label)
        if kind == "papka" and hit.role == "papka_or_page":
            continue  # "p." is a papka before the file (and a page after it)
        if kind in levels.LEVEL_ROLES:
            assert hit.kind == kind, (set_id, style, kind, label)
        elif kind in {"leaf", "leaves"}:
            assert hit.role == "leaf", (set_id, style, kind, label)
        elif kind in {"page", "pages"}:
            assert hit.role in {"page", "papka_or_page"}, (set_id, style, kind, label)


def test_the_meaning_of_a_label_can_depend_on_the_archive() -> None:
    # Russian "D." is the delo, "L." a leaf; in Albania "L." is the lista, an inventory
    ru, sq, ro = fonds._table("ru"), fonds._table("sq"), fonds._table("ro")
    assert ru.labels["l"].role == "leaf"
    assert sq.labels["l"].kind == "opis"
    assert sq.labels["d"].kind == "delo"
    # in Romania "f." is a leaf (filă), not a fond
    assert ru.labels["f"].kind == "fond"
    assert ro.labels["f"].role == "leaf"


@pytest.mark.parametrize(
    ("snippet", "message"),
    [
        ("[sets.xx]\nscope = 'nowhere'", "scope"),
        ("[sets.xx.read]\nshelf = ['sh']", "unknown role"),
        ("[sets.xx.write.fr]\nfond = 'f.'", "unknown style"),
        ("[sets.xx]\nbare_first = 'shelf'", "bare_first"),
        ("[sets.xx]\nbase = 'nope'", "unknown base"),
        ("[sets.ru]\nscope = 'global'", "already exist"),
    ],
)
def test_broken_label_data_is_refused(
    snippet: str, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(levels, "_ADDED", {})
    with pytest.raises(archref.RegistryError, match=message):
        levels.add_label_sets(snippet)


# A new language and a new archive, from data alone. The labels are those of
# Lithuanian archives (fondas, apyrašas, byla, lapas: DOMAIN.md, table of labels);
# the archive and its reference are constructed.
SNIPPET = """
[sets.lt]
name = "Lithuanian (fondas / apyrašas / byla / lapas)"
scope = "archive"
script = "Latn"

[sets.lt.read]
fond = ["f", "fondas"]
opis = ["ap", "apyrašas"]
delo = ["b", "byla"]
leaf = ["l", "lapas", "lapai"]

[sets.lt.write.en]
fond = "f."
opis = "ap."
delo = "b."
leaf = "l."
leaves = "l."

[[archive]]
id = "LYA"
name_en = "Special Archives of Lithuania"
names_other = ["Lietuvos ypatingasis archyvas"]
acronyms = ["LYA"]
country = "LT"
labels = "lt"
examples = ["LYA, f. K-1, ap. 10, b. 203, l. 5"]
"""


@pytest.fixture
def lithuanian(monkeypatch: pytest.MonkeyPatch) -> Iterator[archref.Registry]:
    monkeypatch.setattr(levels, "_ADDED", {})
    try:
        assert levels.add_label_sets(SNIPPET) == ["lt"]
        yield load_registry(SNIPPET)
    finally:
        fonds._table.cache_clear()


def test_an_archive_with_labels_of_its_own_is_added_by_data_alone(
    lithuanian: archref.Registry,
) -> None:
    (example,) = lithuanian.get("LYA").examples  # type: ignore[union-attr]
    ref = fonds.parse(example, registry=lithuanian)
    assert ref.archive is not None and ref.archive.id == "LYA"
    assert kinds(ref) == [("fond", "K-1"), ("opis", "10"), ("delo", "203")]
    assert str(ref.folios) == "5"
    assert str(ref) == "LYA, f. K-1, ap. 10, b. 203, l. 5"
    (m,) = fonds.Scanner(f"Žr. {example}.", registry=lithuanian).find()
    assert m.reference == ref
    # "b." is a file only after that archive's name
    with pytest.raises(ParseError):
        fonds.parse("GARF, f. 1, ap. 10, b. 203")


# --------------------------------------------------------------------------- identifiers


@pytest.mark.parametrize(
    ("cited", "canonical"),
    [
        ("Р-9401", "R-9401"),  # Cyrillic Р (GARF's fonds of Soviet times)
        ("р-4808", "R-4808"),  # issue 10: "ф. р-4808"
        ("П-51957", "P-51957"),  # issue 10: "ГА РФ П-51957"
        ("1Б", "1B"),  # TsDA: "ф. 1Б"
        ("4С/П", "4S/P"),  # issue 10: "оп. 4С/П"
        ("059a", "059a"),
        ("R-6991", "R-6991"),
        ("ERAF.9596", "ERAF.9596"),
        ("DPOO", "DPOO"),  # a name, not an identifier with a number
        ("19-ж", "19-ж"),  # no one-letter Latin counterpart: kept whole
    ],
)
def test_an_identifier_has_one_canonical_form(cited: str, canonical: str) -> None:
    assert canonical_identifier(cited) == canonical
    assert Level("fond", cited).value == canonical
    assert Level("fond", cited, text=cited).text == cited


def test_a_fond_cited_in_cyrillic_and_in_latin_letters_is_one_fond() -> None:
    ru = archref.parse("ГАРФ. Ф. Р-9401. Оп. 2. Д. 64. Л. 1.")
    en = archref.parse("GARF, f. R-9401, op. 2, d. 64, l. 1")
    assert ru == en
    assert hash(ru) == hash(en)
    # English output in Latin letters, Russian output in Cyrillic, the text kept
    assert str(ru) == "GARF, f. R-9401, op. 2, d. 64, l. 1"
    assert ru.format("ru") == "ГАРФ. Ф. Р-9401. Оп. 2. Д. 64. Л. 1"
    assert en.format("ru") == ru.format("ru")
    assert ru.levels[0].text == "Р-9401" and en.levels[0].text == "R-9401"
    assert ru.text == "ГАРФ. Ф. Р-9401. Оп. 2. Д. 64. Л. 1"


def test_identifiers_are_written_in_the_script_of_their_label_set() -> None:
    assert identifier_in_script("4S/P", "Cyrl") == "4С/П"
    assert identifier_in_script("W-5", "Cyrl") == "W-5"  # no Cyrillic W: kept whole
    # Estonian fonds are written in Latin letters whatever the style
    ref = archref.parse("RA, ERAF.9596.1.18. l. 8.")
    assert ref.fond == "ERAF.9596"
    assert "ERAF.9596" in ref.format("ru")


def test_the_checker_and_the_bibliography_see_one_fond() -> None:
    refs = [
        archref.parse("ГАРФ. Ф. Р-9401. Оп. 2. Д. 64."),
        archref.parse("GARF, f. R-9401, op. 2, d. 65"),
    ]
    from archref.formats.archives import archival_sources

    (garf,) = archival_sources(refs)
    assert [f.text for f in garf.fonds] == ["f. R-9401, op. 2"]


# --------------------------------------------------------------------------- the misses


MISSES = [
    # colon labels of archival databases (issue 10)
    (
        "Фонд: Р-467 Опись: 1 Дело: 214 Листы: 5-7",
        None,
        [("fond", "R-467"), ("opis", "1"), ("delo", "214")],
        "5–7",
    ),
    (
        "ГАРФ. Фонд: Р-467 Описание: 1 Дело: 214",  # constructed around issue 10's labels
        "GARF",
        [("fond", "R-467"), ("opis", "1"), ("delo", "214")],
        None,
    ),
    # labels glued to their numbers (issue 10)
    ("ФондР-467Опись6Дело214", None, [("fond", "R-467"), ("opis", "6"), ("delo", "214")], None),
    # a lower-case prefix, a space after the hyphen (issue 10; archive constructed)
    (
        "ГАРФ. ф. р-4808, оп. 1, д. 5",
        "GARF",
        [("fond", "R-4808"), ("opis", "1"), ("delo", "5")],
        None,
    ),
    (
        "ГАРФ. Ф. Р- 467. Оп. 1. Д. 5",
        "GARF",
        [("fond", "R-467"), ("opis", "1"), ("delo", "5")],
        None,
    ),
    # a number sign before the file (issue 10: "Д. N 6530", "Д. № 6530")
    (
        "ЦА ФСБ. Ф. 3. Оп. 1. Д. N 6530",
        "TsA FSB",
        [("fond", "3"), ("opis", "1"), ("delo", "6530")],
        None,
    ),
    (
        "ЦА ФСБ. Ф. 3. Оп. 1. Д. № 6530",
        "TsA FSB",
        [("fond", "3"), ("opis", "1"), ("delo", "6530")],
        None,
    ),
    # slash fonds and opisi (issue 10: "Ф. 641/1", "оп. 4С/П" is not "4С")
    (
        "РГАСПИ. Ф. 641/1. Оп. 1. Д. 5",
        "RGASPI",
        [("fond", "641/1"), ("opis", "1"), ("delo", "5")],
        None,
    ),
    ("ГАРФ. Ф. 5. Оп. 4С/П. Д. 7", "GARF", [("fond", "5"), ("opis", "4S/P"), ("delo", "7")], None),
    # a suffixed fond (issue 10: "F. 5-os" is not 5)
    (
        "RGASPI, F. 5-os, op. 1, d. 2",
        "RGASPI",
        [("fond", "5-os"), ("opis", "1"), ("delo", "2")],
        None,
    ),
    # "O." for opis (RGANI), perechen' and dokument (issue 10)
    ("RGANI, F. 5, O. 30, D. 141", "RGANI", [("fond", "5"), ("opis", "30"), ("delo", "141")], None),
    (
        "RGANI, f. 89, per. 18, dok. 29",
        "RGANI",
        [("fond", "89"), ("perechen", "18"), ("dokument", "29")],
        None,
    ),
    (
        "РГАНИ. Ф. 89. Пер. 18. Док. 29",
        "RGANI",
        [("fond", "89"), ("perechen", "18"), ("dokument", "29")],
        None,
    ),
    # a range of files is one file level (issue 10: "Дело 6768-6771")
    (
        "ГАРФ. Ф. 10035. Оп. 1. Дело 6768-6771",
        "GARF",
        [("fond", "10035"), ("opis", "1"), ("delo", "6768-6771")],
        None,
    ),
    # archives written out in full or abbreviated by hand (issue 10)
    (
        "Объединенный государственный архив Челябинской области. Ф. Р-627. Оп. 1. Д. 73",
        "OGAChO",
        [("fond", "R-627"), ("opis", "1"), ("delo", "73")],
        None,
    ),
    (
        "ГА Винницкой обл. Ф. 136. Оп. 4. Д. 81",
        "DAVO",
        [("fond", "136"), ("opis", "4"), ("delo", "81")],
        None,
    ),
    (
        "Гос. архив Винницкой обл. Ф. 136. Оп. 4. Д. 81. Л. 7",
        "DAVO",
        [("fond", "136"), ("opis", "4"), ("delo", "81")],
        "7",
    ),
]


@pytest.mark.parametrize(("text", "archive", "expected", "folios"), MISSES)
def test_the_misses_of_issue_10_are_read(
    text: str, archive: str | None, expected: list[tuple[str, str]], folios: str | None
) -> None:
    for note in (text, f"См.: {text}.", f"({text})"):
        (ref,) = found(note)
        assert (ref.archive.id if ref.archive else None) == archive, note
        assert kinds(ref) == expected, note
        assert (str(ref.folios) if ref.folios else None) == folios, note
        assert_anchored(note)
        assert_fast_path_agrees(note)
    assert archref.parse(text) == found(text)[0]


def test_a_list_of_files_is_one_reference_per_file() -> None:
    # issue 10: "Д. 174, 194": the second file must not become leaves
    text = "ГАРФ. Ф. 10035. Оп. 1. Д. 174, 194. Л. 5"  # constructed around it
    first, second = found(text)
    assert kinds(first) == [("fond", "10035"), ("opis", "1"), ("delo", "174")]
    assert first.folios is None
    assert kinds(second) == [("fond", "10035"), ("opis", "1"), ("delo", "194")]
    assert str(second.folios) == "5"
    assert [m.chained for m in fonds.Scanner(text).find()] == [False, True]
    assert [r.text for r in fonds.parse_chain(text)] == [
        "ГАРФ. Ф. 10035. Оп. 1. Д. 174",
        "194. Л. 5",
    ]
    assert_anchored(text)
    with pytest.raises(ParseError, match="several references"):
        archref.parse(text)


def test_bare_numbers_after_an_english_file_label_are_still_leaves() -> None:
    (ref,) = found("RGASPI, f. 558, op. 11, d. 62, 71-72")
    assert ref.delo == "62"
    assert str(ref.folios) == "71–72"


def test_a_file_cited_with_no_label_at_all_is_not_read() -> None:
    # issue 10: "ГА РФ П-51957" (a file of GARF cited without fond or label): nothing in
    # the text says it is a reference, so it is left alone (documented in notations.md)
    assert found("ГА РФ П-51957") == []


# ------------------------------------------------------------ Central and Eastern Europe


EAST = [
    # Bulgaria, TsDA (issue 10)
    (
        "ЦДА, ф. 1Б, оп. 6, а.е. 1234",
        "TsDA",
        [("fond", "1B"), ("opis", "6"), ("delo", "1234")],
        None,
    ),
    ("CDA, f. 1B, op. 5, a.e. 54", "TsDA", [("fond", "1B"), ("opis", "5"), ("delo", "54")], None),
    # Bulgaria, TsDA, note 1 of "The 'Natural Ally' of the 'Developing World'", Slavic
    # Review 2018 (https://www.cambridge.org/core/journals/slavic-review/article/
    # natural-ally-of-the-developing-world-bulgarian-culture-in-india-and-mexico/
    # 745710AF423B81CC5A5E486F72FD09EC): levels in the order cited, leaves bare
    (
        "TsDA, op. 405, f. 9, a.e. 622, 95–98",
        "TsDA",
        [("opis", "405"), ("fond", "9"), ("delo", "622")],
        "95–98",
    ),
    # Czech Republic, NA (DOMAIN.md; the archive's acronym adapted, see the registry)
    (
        "NA ČR, KSČ-ÚV, SÚV, a. j. 170/14, sv. 68",
        "NA CR",
        [("fond", "KSČ-ÚV"), ("section", "SÚV"), ("delo", "170/14"), ("box", "68")],
        None,
    ),
    # Poland, AAN and IPN (DOMAIN.md)
    (
        "AAN, Akta Piotra Stachiewicza, sygn. 2, s. 1-2.",
        "AAN",
        [("fond", "Akta Piotra Stachiewicza"), ("delo", "2")],
        "1–2",
    ),
    ("IPN BU 0296/13, t. 1, k. 12", "IPN", [("fond", "BU 0296/13"), ("tom", "1")], "12"),
    # Romania, ANIC (issue 10, the archive's name put in front)
    (
        "ANIC, fond CC al PCR, dosar 12/1950, f. 3",
        "ANIC",
        [("fond", "CC al PCR"), ("delo", "12/1950")],
        "3",
    ),
    # Hungary, MOL (DOMAIN.md): the box after its number, the item and document bare
    (
        "MOL, XIX-J-1-j Korea, 4. doboz, 5/a, 004076/1955",
        "MNL OL",
        [("fond", "XIX-J-1-j Korea"), ("box", "4"), ("delo", "5/a"), ("dokument", "004076/1955")],
        None,
    ),
    # Albania, AQSH: the source line of Wilson Center Digital Archive document 117494
    # (copy at https://www.scribd.com/document/273214583/117494): the archive with its
    # city, the party fond by its designation, viti, lista (not leaves) and dosja
    (
        "Central State Archive, Tirana, AQPPSh-MPKBS-V.1960, L.14/1, D.24.",
        "AQSH",
        [("fond", "AQPPSh-MPKBS"), ("year", "1960"), ("opis", "14/1"), ("delo", "24")],
        None,
    ),
    # Albania, AQSH (constructed in the labels of the DOMAIN.md table: F., V., D., fl.)
    (
        "AQSH, F. 14/AP, V. 1961, D. 6, fl. 1-11",
        "AQSH",
        [("fond", "14/AP"), ("year", "1961"), ("delo", "6")],
        "1–11",
    ),
]


@pytest.mark.parametrize(("text", "archive", "expected", "folios"), EAST)
def test_label_chains_of_central_and_eastern_europe(
    text: str, archive: str, expected: list[tuple[str, str]], folios: str | None
) -> None:
    for note in (text, f"Source: {text}", f"See {text}; and the report."):
        (ref,) = found(note)
        assert ref.archive is not None and ref.archive.id == archive, note
        assert kinds(ref) == expected, note
        assert (str(ref.folios) if ref.folios else None) == folios, note
        assert_anchored(note)
        assert_fast_path_agrees(note)
    ref = archref.parse(text)
    for style in ("en", "en-full", "ru", "de", "short"):
        assert archref.parse(ref.format(style)) == ref, (style, ref.format(style))


def test_an_albanian_lista_is_not_a_leaf() -> None:
    # "L." is the lista after an Albanian archive, a leaf after a Russian one (constructed)
    ref = archref.parse("AQSH, F. 14, L. 3, V. 1961, D. 6, fl. 2")
    assert kinds(ref) == [("fond", "14"), ("opis", "3"), ("year", "1961"), ("delo", "6")]
    assert str(ref.folios) == "2"
    assert str(archref.parse("RGASPI, f. 14, d. 6, l. 3").folios) == "3"


# --------------------------------------------------------------------------- traps


@pytest.mark.parametrize(
    "prose",
    [
        "Novaia i noveishaia istoriia, No. 5 (September-October 2005), 79-113.",
        "The meeting took place on 27 August 1950 in Moscow.",
        "See p. 5 and pp. 7-9 of the report, vol. 2.",
        "Call +7 (495) 606-35-05 or 8-800-555-35-35.",
        "Section 4.2, paragraph 3, and article 5-6 of the treaty.",
        "Per 100 inhabitants, 5 per cent; per. 2 is a word.",
        "O. Henry wrote 5 stories, and D. 174, 194 is not cited here.",
        "The 4. doboz was full.",
        "Фонд: заседание 12 мая, дело: 5 человек.",
        "Дело 5-6 июня рассматривалось.",
    ],
)
def test_prose_still_yields_nothing(prose: str) -> None:
    assert archref.extract(prose) == []


def test_a_polish_citation_with_glosses_and_the_documents_title_before_its_leaves() -> None:
    # The citation rules of the journal Polska 1944/45-1989 (polska-ihpan.edu.pl,
    # "Zasady cytowania", A. Źródła archiwalne): the fond's gloss "(dalej URM)",
    # and the document's title, place and date between the file and its leaf
    text = (
        "Archiwum Akt Nowych (dalej AAN), Urząd Rady Ministrów (dalej URM), sygn. 5/467, "
        "Notatka dla Obywatela Premiera w sprawie uregulowania należności za samochody, "
        "Warszawa, 17 XII 1945 r., k. 3."
    )
    (c,) = archref.extract(text)
    ref = c.reference
    assert isinstance(ref, archref.ArchivalReference) and ref.archive is not None
    assert ref.archive.id == "AAN"
    assert [(lv.kind, lv.value, lv.title) for lv in ref.levels] == [
        ("fond", "Urząd Rady Ministrów", "dalej URM"),
        ("delo", "5/467", None),
    ]
    assert str(ref.folios) == "3"
    # a description with no leaves at its end adds nothing
    (c,) = archref.extract("Archiwum Akt Nowych, Urząd Rady Ministrów, sygn. 5/467, Notatka.")
    assert c.reference.folios is None


@pytest.mark.parametrize(
    ("text", "file", "leaves"),
    [
        # the shape of the file signatures of the PZPR Central Committee's departments
        # at AAN: the fond's number, the department's Roman numeral, the file's number
        ("AAN, KC PZPR, sygn. 237/V-1, k. 3.", "237/V-1", "3"),
        ("AAN, KC PZPR, sygn. 237/XIV-15, k. 12-14.", "237/XIV-15", "12–14"),
        ("AAN, KC PZPR, sygn. 2946, k. 12", "2946", "12"),
    ],
)
def test_a_signature_with_a_roman_numeral_and_a_number_after_its_slash(
    text: str, file: str, leaves: str
) -> None:
    (c,) = archref.extract(text)
    ref = c.reference
    assert isinstance(ref, archref.ArchivalReference)
    assert ref.level("delo") == file and str(ref.folios) == leaves
    assert c.text == text.rstrip(".")
