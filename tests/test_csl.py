"""CSL-JSON export and import: archival references, UN symbols, published works."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import archref
from archref import ArchivalReference, Folio, FolioRange, Level, Locator, UNSymbol
from archref.formats.csl import (
    archive_location,
    citation_item,
    csl_id,
    from_csl_json,
    to_csl_json,
)
from archref.notations import fonds, un

SEED = "RGASPI, f. 558, op. 11, d. 62, ll. 71-72"
TSKHSD = "TsKhSD, f. 5, op. 28, d. 103, l. 2"
GOST = "РГАСПИ. Ф. 17. Оп. 162. Д. 7. Л. 99."
AVPRF = "AVPRF, Fond 059a, Opis 5a, Delo 4, Papka 11, Listy 159-160"
RGIA = (
    "RGIA, fond 776 (Otdelenie kantseliarii Glavnogo upravleniia po delam pechati), op. 8, "
    "d. 2015 (Ob izdanii v gor. SPb zhurnala “Dukhovnyi khristianin”), l. 9."
)

#: The item variables of CSL 1.0.2 (csl-data.json) archref writes, with id, type and custom.
CSL_KEYS = {
    "id",
    "type",
    "custom",
    "archive",
    "archive_collection",
    "archive_location",
    "archive-place",
    "title",
    "note",
    "URL",
    "author",
    "authority",
    "publisher",
    "number",
    "genre",
    "issued",
    "container-title",
    "collection-title",
    "volume",
    "issue",
    "page",
    "publisher-place",
    "editor",
    "translator",
}


def test_seed_reference_is_a_manuscript_item() -> None:
    (item,) = to_csl_json([archref.parse(SEED)])
    assert item == {
        "id": "RGASPI-558-11-62",
        "type": "manuscript",
        "archive": "Russian State Archive of Socio-Political History",
        "archive_location": "f. 558, op. 11, d. 62",
        "archive-place": "Moscow",
        "custom": {"archref": {"locators": ["71-72"]}},
    }


def test_archive_name_and_notation() -> None:
    ref = archref.parse(SEED)
    (acr,) = to_csl_json([ref], archive_name="acronym", notation="en-full")
    assert acr["archive"] == "RGASPI"
    assert acr["archive_location"] == "fond 558, opis 11, delo 62"
    (ru,) = to_csl_json([ref], notation="ru")
    assert ru["archive"] == "Российский государственный архив социально-политической истории"
    assert ru["archive_location"] == "Ф. 558. Оп. 11. Д. 62"
    (ru_acr,) = to_csl_json([ref], notation="ru", archive_name="acronym")
    assert ru_acr["archive"] == "РГАСПИ"
    (both,) = to_csl_json([ref], archive_name="full-acronym")
    assert both["archive"] == "Russian State Archive of Socio-Political History (RGASPI)"
    (ru_both,) = to_csl_json([ref], notation="ru", archive_name="full-acronym")
    assert ru_both["archive"].endswith("социально-политической истории (РГАСПИ)")
    with pytest.raises(ValueError, match="unknown archive_name 'short'"):
        to_csl_json([ref], archive_name="short")  # type: ignore[arg-type]
    (de,) = to_csl_json([ref], notation="de")
    assert de["archive_location"] == "F. 558, Op. 11, D. 62"
    with pytest.raises(ValueError, match="unknown notation"):
        to_csl_json([ref], notation="fr")


def test_former_name_is_written_as_the_current_archive() -> None:
    (item,) = to_csl_json([archref.parse(TSKHSD)])
    assert item["id"] == "RGANI-5-28-103"
    assert item["archive"] == "Russian State Archive of Contemporary History"
    assert citation_item(archref.parse(TSKHSD)) == {
        "id": "RGANI-5-28-103",
        "locator": "2",
        "label": "folio",
    }


def test_gost_cyrillic_reference() -> None:
    ref = archref.parse(GOST)
    (item,) = to_csl_json([ref], notation="ru", archive_name="acronym")
    assert item["archive"] == "РГАСПИ"
    assert item["archive_location"] == "Ф. 17. Оп. 162. Д. 7"
    assert from_csl_json([item]).references == [ref]


def test_papka_after_delo_keeps_its_place() -> None:
    ref = archref.parse(AVPRF)
    assert csl_id(ref) == "AVPRF-059a-5a-4-p11"
    assert archive_location(ref, "en-full") == "fond 059a, opis 5a, delo 4, papka 11"
    assert citation_item(ref)["locator"] == "159-160"


def test_titles_become_collection_and_title() -> None:
    ref = archref.parse(RGIA)
    (item,) = to_csl_json([ref])
    assert item["archive_collection"].startswith("Otdelenie kantseliarii")
    assert item["title"] == "Ob izdanii v gor. SPb zhurnala “Dukhovnyi khristianin”"
    assert "Otdelenie" in item["archive_location"]  # the location still carries its glosses
    assert from_csl_json([item]).references == [ref]


def test_zotero_mode_moves_what_zotero_cannot_hold_into_note() -> None:
    (item,) = to_csl_json([archref.parse(RGIA)], zotero=True)
    assert "archive-place" not in item
    assert "archive_collection" not in item
    lines = item["note"].splitlines()
    assert lines[0] == "archive-place: Saint Petersburg"
    assert lines[1].startswith("archive_collection: Otdelenie kantseliarii")
    assert from_csl_json([item]).references == [archref.parse(RGIA)]


def test_one_item_per_file_and_the_leaves_per_citation() -> None:
    refs = [
        archref.parse("RGASPI, f. 17, op. 163, d. 1326, l. 233"),
        archref.parse("RGASPI, f. 17, op. 163, d. 1326, ll. 240-241ob."),
        archref.parse("RGASPI, f. 17, op. 163, d. 1350"),
    ]
    items = to_csl_json(refs)
    assert [i["id"] for i in items] == ["RGASPI-17-163-1326", "RGASPI-17-163-1350"]
    assert items[0]["custom"] == {"archref": {"locators": ["233", "240-241ob."]}}
    assert "custom" not in items[1]
    assert [citation_item(r).get("locator") for r in refs] == ["233", "240-241ob.", None]
    assert from_csl_json(items).references == refs


def test_pages_are_labelled_page() -> None:
    ref = archref.parse("GARF, f. R-6991, op. 1, d. 3, pp. 105-6")
    assert citation_item(ref) == {"id": "GARF-R-6991-1-3", "locator": "105-106", "label": "page"}
    assert from_csl_json(to_csl_json([ref])).references == [ref]


KEYS = ["A-RES-112-II", "S-RES-82-1950"]


def test_un_symbols_use_their_own_mapping() -> None:
    refs = [archref.parse("A/RES/112(II)"), archref.parse("S/RES/82 (1950)")]
    items = to_csl_json(refs)
    # under a citation key: pandoc cannot cite "S/RES/82 (1950)" (a space)
    assert items == [{**un.to_csl_json(s), "id": key} for s, key in zip(refs, KEYS, strict=True)]
    assert [item["id"] for item in items] == ["A-RES-112-II", "S-RES-82-1950"]
    assert items[1]["issued"] == {"date-parts": [[1950]]}
    assert from_csl_json(items).references == refs


def test_the_adoption_date_of_a_resolution_goes_out_and_comes_back() -> None:
    dated = archref.parse("A/RES/112 (II) of 14 November 1947")
    (item,) = to_csl_json([dated])
    assert item["issued"] == {"date-parts": [[1947, 11, 14]]}
    (back,) = from_csl_json([item]).references
    assert isinstance(back, UNSymbol)
    assert back.date is not None
    assert (back.date.year, back.date.month, back.date.day) == (1947, 11, 14)
    # Zotero writes dates it cannot split as "raw"
    (raw,) = from_csl_json(
        [
            {
                "id": "r",
                "type": "report",
                "number": "S/RES/83 (1950)",
                "issued": {"raw": "June 27, 1950"},
            }
        ]
    ).references
    assert isinstance(raw, UNSymbol)
    assert str(raw.date) == "1950-06-27"
    # a year alone is what the symbol says already: no document date
    (year_only,) = from_csl_json(to_csl_json([archref.parse("S/RES/82 (1950)")])).references
    assert isinstance(year_only, UNSymbol)
    assert year_only.date is None


class _Work:
    """A stand-in for a published work: anything with its own CSL mapping."""

    def to_csl_json(self) -> dict[str, Any]:
        return {
            "id": "ledovskii-2005",
            "type": "article-journal",
            "title": "Stalin, Mao Tszedun i koreiskaia voina 1950–1953 godov",
            "container-title": "Novaia i noveishaia istoriia",
            "issue": "5",
            "page": "79-113",
            "issued": {"date-parts": [[2005]]},
        }


def test_published_works_map_themselves_and_come_back_untouched() -> None:
    items = to_csl_json([archref.parse(SEED), _Work()])
    assert items[1] == _Work().to_csl_json()
    got = from_csl_json(items)
    assert got.references == [archref.parse(SEED)]
    (kept,) = got.unrecognised
    assert kept.item == items[1]
    assert kept.reason == "no archive_location and no UN symbol in number"
    with pytest.raises(TypeError):
        to_csl_json([42])  # type: ignore[list-item]


def test_every_key_is_a_csl_variable() -> None:
    refs = [archref.parse(t) for t in (SEED, TSKHSD, GOST, AVPRF, RGIA, "S/RES/82 (1950)")]
    for zotero in (False, True):
        for item in to_csl_json(refs, zotero=zotero):
            assert set(item) <= CSL_KEYS, item
            json.dumps(item)  # serialisable as it is


ZOTERO_EXPORT = [
    {
        "id": "http://zotero.org/users/1/items/ABCD1234",
        "type": "manuscript",
        "title": "Letter from Stalin to Klement Gottwald",
        "author": [{"family": "Stalin", "given": "Iosif"}],
        "issued": {"date-parts": [["1950", 8, 27]]},
        "archive": "Russian State Archive of Socio-Political History (RGASPI)",
        "archive_location": "fond 558, opis 11, delo 62, listy 71-72",
        "note": "archive-place: Moscow",
    },
    {
        "id": "kimStalinKim1949",
        "citation-key": "kimStalinKim1949",
        "type": "manuscript",
        "archive": "AVP RF",
        "archive_location": "Fond 059a, Opis 5a, Delo 4, Papka 11, Listy 159-160",
    },
    {
        "id": "garf",
        "type": "document",
        "archive": "ГА РФ",
        "archive_location": "Ф. Р-5446. Оп. 1. Д. 1. Л. 1.",
    },
    {
        "id": "nara",
        "type": "manuscript",
        "archive": "National Archives",
        "archive_location": "RG 59, Central Files 1950-54, Box 4262",
    },
    {"id": "weathersby1993", "type": "report", "title": "Soviet Aims in Korea", "number": "8"},
]


def test_reading_a_zotero_export() -> None:
    got = from_csl_json(ZOTERO_EXPORT)
    assert len(got) == len(ZOTERO_EXPORT)
    assert [str(r) for r in got.references] == [
        "RGASPI, f. 558, op. 11, d. 62, ll. 71–72",
        "AVPRF, f. 059a, op. 5a, d. 4, pa. 11, ll. 159–160",
        "GARF, f. R-5446, op. 1, d. 1, l. 1",  # Cyrillic Р stored as R (as cited in .text)
        "NARA, RG 59, Central Files 1950-54, Box 4262",  # the US National Archives' notation
    ]
    (report,) = got.unrecognised
    assert report.reason is not None
    assert report.reason.startswith("number is not a UN symbol")
    assert [it.item for it in got.items] == ZOTERO_EXPORT  # nothing dropped or changed


REGISTRY_EXAMPLES = [
    archref.parse(example) for archive in archref.default_registry() for example in archive.examples
]


@pytest.mark.parametrize("notation", fonds.STYLES)
@pytest.mark.parametrize("archive_name", ["full", "acronym", "full-acronym"])
@pytest.mark.parametrize("zotero", [False, True])
def test_round_trip_of_every_registry_example(
    notation: str, archive_name: str, zotero: bool
) -> None:
    for ref in REGISTRY_EXAMPLES:
        items = to_csl_json(
            [ref],
            notation=notation,
            archive_name=archive_name,  # type: ignore[arg-type]
            zotero=zotero,
        )
        assert from_csl_json(items).references == [ref], (ref.text, items)


ARCHIVES = [
    a
    for a in archref.default_registry()
    if a.notation == "fonds" and a.labels in ("ru", "uk", "bg")
]
digits = st.from_regex(r"[1-9][0-9]{0,3}", fullmatch=True)
ident = st.one_of(
    digits,
    st.from_regex(r"0[0-9]{1,3}", fullmatch=True),
    st.builds(lambda d, s: d + s, digits, st.sampled_from(["a", "b", "Б"])),
    st.builds(lambda d: f"R-{d}", digits),
)


@st.composite
def references(draw: st.DrawFn) -> ArchivalReference:
    levels = [Level("fond", draw(ident))]
    if draw(st.booleans()):
        levels.append(Level("opis", draw(ident)))
    levels.append(Level("delo", draw(ident)))
    if draw(st.booleans()):
        levels.append(Level("papka", draw(digits)))
    folios = None
    if draw(st.booleans()):
        first = draw(st.integers(1, 900))
        last = draw(st.one_of(st.none(), st.integers(first + 1, first + 50)))
        rng = FolioRange(
            Folio(str(first), verso=draw(st.booleans())),
            None if last is None else Folio(str(last)),
        )
        folios = Locator((rng,), draw(st.sampled_from(["leaf", "page"])))
    return ArchivalReference(draw(st.sampled_from(ARCHIVES)), tuple(levels), folios)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(references(), min_size=1, max_size=4), st.sampled_from(fonds.STYLES))
def test_round_trip_property(refs: list[ArchivalReference], notation: str) -> None:
    items = to_csl_json(refs, notation=notation)
    assert len({i["id"] for i in items}) == len(items)
    back = from_csl_json(json.loads(json.dumps(items, ensure_ascii=False))).references
    # references to one file come back together, in the order the files were first cited
    order = {csl_id(r): n for n, r in reversed(list(enumerate(refs)))}
    expected: list[ArchivalReference] = []
    for ref in sorted(refs, key=lambda r: order[csl_id(r)]):
        if ref not in expected:
            expected.append(ref)
    assert back == expected


PANDOC = shutil.which("pandoc")


@pytest.mark.skipif(PANDOC is None, reason="pandoc is not installed")
def test_pandoc_reads_the_items_without_warnings(tmp_path: Path) -> None:
    refs = [archref.parse(t) for t in (SEED, TSKHSD, GOST, AVPRF, "A/RES/112(II)")]
    path = tmp_path / "refs.json"
    path.write_text(json.dumps(to_csl_json(refs), ensure_ascii=False), "utf-8")
    assert PANDOC is not None
    run = subprocess.run(
        [PANDOC, "-f", "csljson", "-t", "csljson", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stderr == ""
    back = {i["id"]: i for i in json.loads(run.stdout)}
    assert back["RGASPI-558-11-62"]["archive_location"] == "f. 558, op. 11, d. 62"
    assert back["RGASPI-558-11-62"]["archive-place"] == "Moscow"
    assert back["RGASPI-17-162-7"]["archive"].startswith("Russian State Archive")
    # a UN symbol's id is one pandoc can cite: its slashes and parentheses become hyphens
    assert back["A-RES-112-II"]["number"] == "A/RES/112(II)"


@pytest.mark.skipif(PANDOC is None, reason="pandoc is not installed")
def test_pandoc_cites_with_the_folio_locator(tmp_path: Path) -> None:
    refs = [archref.parse(SEED), archref.parse("S/RES/82 (1950)")]
    (tmp_path / "refs.json").write_text(json.dumps(to_csl_json(refs), ensure_ascii=False), "utf-8")
    doc = (
        "---\nbibliography: refs.json\n---\n\n"
        "Text [@RGASPI-558-11-62, fols. 71-72]. The Council [@S-RES-82-1950, para. 2].\n"
    )
    assert PANDOC is not None
    run = subprocess.run(
        [PANDOC, "--citeproc", "--wrap=none", "-t", "plain"],
        input=doc,
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    assert run.stderr == ""
    assert "71–72" in run.stdout
    assert "Russian State Archive of Socio-Political History" in run.stdout
    assert "S/RES/82" in run.stdout and "???" not in run.stdout  # both ids found


@pytest.mark.parametrize("bad", [None, 5, "RGASPI, f. 1, op. 2, d. 3"])
def test_to_csl_json_and_to_bibtex_refuse_what_is_no_list_of_references(bad: object) -> None:
    for fn in (archref.to_csl_json, archref.to_bibtex):
        with pytest.raises(TypeError, match="argument 'refs' must be an iterable of references"):
            fn(bad)  # type: ignore[arg-type]


def test_one_reference_instead_of_a_list_gets_a_hint() -> None:
    ref = archref.parse("RGASPI, f. 558, op. 11, d. 62, ll. 71-72")
    with pytest.raises(TypeError, match=r"not ArchivalReference \(pass a list of references\)"):
        archref.to_csl_json(ref)  # type: ignore[arg-type]


def test_an_item_given_keeps_its_id_whatever_comes_first() -> None:
    # A chapter cites Stalin to Gottwald (RGANI, f. 5, op. 28, d. 103, the seed note of
    # tests/test_check_cli.py) and the book's Zotero export holds an item of its own
    # with the id archref would give that file: the export's item keeps its id (the
    # text cites it), the item archref makes moves to a free one, in either order.
    ref = archref.parse("RGANI, f. 5, op. 28, d. 103, l. 2")
    given = {"id": "RGANI-5-28-103", "type": "manuscript", "title": "Stalin to Gottwald"}
    first = to_csl_json([ref, given])
    assert [i["id"] for i in first] == ["RGANI-5-28-103-2", "RGANI-5-28-103"]
    assert first[1] == given
    second = to_csl_json([given, ref])
    assert [i["id"] for i in second] == ["RGANI-5-28-103", "RGANI-5-28-103-2"]
    assert second[1]["archive_location"] == first[0]["archive_location"]
    # two items given with one id are an error, as before
    with pytest.raises(ValueError, match="two CSL-JSON items have the id 'RGANI-5-28-103'"):
        to_csl_json([given, {**given, "title": "another"}])
