"""Archival references straight into notes: the examples of docs/formatting.md, rendered.

The table between the ``archival-examples`` markers of docs/formatting.md
lists, for each style, the note and the bibliography entry of five
references; every row is rendered here and compared, so the documentation
shows what archref prints. The references are the seed's RGASPI letter
(Stalin to Gottwald, 27 August 1950, as cited in the Wilson Center's
Digital Archive), a GARF file of a Soviet-period ("R-") fond, a Foreign
Office file at the UK National Archives, a State Department decimal file at
NARA, and Security Council resolution 82 (1950).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import archref
from archref.formats.csl import note_item, shelfmark

SEED = "RGASPI, f. 558, op. 11, d. 62, ll. 71-72"
DOC = Path(__file__).resolve().parent.parent / "docs" / "formatting.md"
ROW = re.compile(r"^\| `(?P<ref>[^`]+)` \| `(?P<style>[^`]+)` \| (?P<note>.*) \| (?P<entry>.*) \|$")


def _rows() -> list[tuple[str, str, str, str]]:
    text = DOC.read_text(encoding="utf-8")
    block = text.split("<!-- archival-examples:start -->")[1].split(
        "<!-- archival-examples:end -->"
    )[0]
    rows = []
    for line in block.splitlines():
        match = ROW.match(line)
        if match:
            rows.append((match["ref"], match["style"], match["note"], match["entry"]))
    return rows


ROWS = _rows()


def test_the_table_covers_five_references_in_six_styles() -> None:
    assert len({ref for ref, *_ in ROWS}) == 5
    assert {style for _, style, *_ in ROWS} == {
        "chicago",
        "chicago-shortened-notes",
        "chicago-author-date",
        "mhra",
        "apa",
        "mla",
    }
    assert len(ROWS) == 30


@pytest.mark.parametrize(("text", "style", "note", "entry"), ROWS)
def test_documented_examples(text: str, style: str, note: str, entry: str) -> None:
    ref = archref.parse(text)
    assert archref.render([ref], style, kind="notes") == [note]
    assert archref.render([ref], style) == [entry]


def test_no_cyrillic_letter_in_english_notes() -> None:
    ref = archref.parse("ГАРФ. Ф. Р-9401. Оп. 2. Д. 64. Л. 9-13")
    for style in ("chicago", "mhra", "apa", "mla"):
        for text in archref.render([ref], style, kind="notes") + archref.render([ref], style):
            assert not re.search("[\u0400-\u04ff]", text), text


def test_an_archive_the_registry_does_not_know_is_romanised() -> None:
    ref = archref.parse("Госархив Новосибирской области, ф. 1, оп. 2, д. 3, л. 4")
    assert archref.render([ref], "chicago", kind="notes") == [
        "Gosarkhiv Novosibirskoi oblasti, f. 1, op. 2, d. 3, l. 4."
    ]


def test_a_note_starts_with_a_capital() -> None:
    ref = archref.parse("f. 558, op. 11, d. 62, l. 5")
    assert shelfmark(ref) == ("F. 558, op. 11, d. 62", ", l. 5")
    assert archref.render([ref], "chicago", kind="notes") == ["F. 558, op. 11, d. 62, l. 5."]


def test_no_home_page_printed_as_the_documents_url() -> None:
    ref = archref.parse("GARF, f. R-9401, op. 2, d. 64, ll. 9-13")
    assert ref.archive is not None and ref.archive.url
    for style in ("chicago", "mhra", "apa", "mla"):
        for text in archref.render([ref], style, kind="notes") + archref.render([ref], style):
            assert ref.archive.url not in text


def test_ibid_and_later_notes_carry_the_leaves() -> None:
    refs = [
        archref.parse("RGASPI, f. 558, op. 11, d. 62, ll. 71-72"),
        archref.parse("RGASPI, f. 558, op. 11, d. 62, l. 73"),
        archref.parse("GARF, f. R-9401, op. 2, d. 64, ll. 9-13"),
        archref.parse("RGASPI, f. 558, op. 11, d. 62, l. 75"),
    ]
    assert archref.render(refs, "chicago-notes-bibliography-subsequent-ibid", kind="notes") == [
        "RGASPI, f. 558, op. 11, d. 62, ll. 71–72.",
        "Ibid., l. 73.",
        "GARF, f. R-9401, op. 2, d. 64, ll. 9–13.",
        "RGASPI, f. 558, op. 11, d. 62, l. 75.",
    ]


def test_bibliography_sorted_by_archive_then_fond_number() -> None:
    refs = [
        archref.parse(text)
        for text in (
            "RGASPI, f. 558, op. 11, d. 62, ll. 71-72",
            "TNA, FO 371/84053",
            "RGASPI, f. 17, op. 162, d. 7, l. 99",
            "GARF, f. R-9401, op. 2, d. 64, ll. 9-13",
        )
    ]
    assert archref.render(refs, "chicago") == [
        "GARF, f. R-9401, op. 2, d. 64.",
        "RGASPI, f. 17, op. 162, d. 7.",
        "RGASPI, f. 558, op. 11, d. 62.",
        "TNA, FO 371/84053.",
    ]


def test_full_manuscript_form_with_title_author_and_date() -> None:
    letter = note_item(
        archref.parse("RGASPI, f. 558, op. 11, d. 62, ll. 71-72"),
        title="Stalin to Gottwald",
        issued="1950-08-27",
        author="Stalin",
    )
    assert archref.render([letter], "chicago", kind="notes") == [
        "Stalin, “Stalin to Gottwald,” August 27, 1950, RGASPI, f. 558, op. 11, d. 62, ll. 71–72."
    ]
    assert archref.render([letter], "mhra", kind="notes") == [
        "Stalin, ‘Stalin to Gottwald’, 27 August 1950, RGASPI, f. 558, op. 11, d. 62, ll. 71–72."
    ]


def test_citations_from_extract_notes_make_one_note_each() -> None:
    notes = [
        "RGASPI, f. 558, op. 11, d. 62, ll. 71-72; S/RES/82 (1950).",
        "GARF, f. R-9401, op. 2, d. 64, ll. 9-13.",
        "Ibid., l. 14.",
    ]
    citations = archref.extract_notes(notes)
    assert archref.render(
        citations, "chicago-notes-bibliography-subsequent-ibid", kind="notes"
    ) == [
        "RGASPI, f. 558, op. 11, d. 62, ll. 71–72; United Nations Security Council,"
        " Resolution 82 (1950), S/RES/82 (1950) (United Nations, 1950),"
        " https://undocs.org/S/RES/82(1950).",
        "GARF, f. R-9401, op. 2, d. 64, ll. 9–13.",
        "Ibid., l. 14.",
    ]


def test_to_csl_json_to_bibtex_and_sources_take_citations() -> None:
    citations = archref.extract("RGASPI, f. 558, op. 11, d. 62, ll. 71-72; S/RES/82 (1950).")
    items = archref.to_csl_json(citations)
    assert [item["id"] for item in items] == ["RGASPI-558-11-62", "S-RES-82-1950"]
    assert archref.to_bibtex(citations) == archref.to_bibtex([c.reference for c in citations])
    sources = archref.archival_sources(citations)
    assert [group.archive.id for group in sources if group.archive] == ["RGASPI"]


def test_every_reference_type_has_to_csl_json() -> None:
    ref = archref.parse("RGASPI, f. 558, op. 11, d. 62, ll. 71-72")
    item = ref.to_csl_json()
    assert item["id"] == "RGASPI-558-11-62"
    assert item["archive_location"] == "f. 558, op. 11, d. 62"
    exported = archref.to_csl_json([ref])[0]
    assert {key: value for key, value in exported.items() if key != "custom"} == item
    symbol = archref.parse("S/RES/82 (1950)")
    assert symbol.to_csl_json()["number"] == "S/RES/82 (1950)"


def test_csl_ids_are_citation_keys_pandoc_can_cite() -> None:
    pandoc_key = re.compile(r"^[A-Za-z0-9_](?:[A-Za-z0-9_.:-]*[A-Za-z0-9_])?$")
    refs = [
        archref.parse("S/RES/82 (1950)"),
        archref.parse("A/RES/112 (II) of 14 November 1947"),
        archref.parse("ГАРФ. Ф. Р-9401. Оп. 2. Д. 64. Л. 9-13"),
        archref.parse("ЦДА. Ф. 1Б. Оп. 67"),
        archref.parse("National Archives, RG 59, Central Files, 795.00/6-2550"),
    ]
    ids = [item["id"] for item in archref.to_csl_json(refs)]
    assert ids[:4] == ["S-RES-82-1950", "A-RES-112-II", "GARF-R-9401-2-64", "TsDA-1B-67"]
    assert all(pandoc_key.match(i) for i in ids), ids


def test_format_keeps_the_published_items_of_a_csl_json_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from archref.cli import main

    book = {
        "id": "Stueck1995",
        "type": "book",
        "author": [{"family": "Stueck", "given": "William"}],
        "title": "The Korean War: An International History",
        "publisher": "Princeton University Press",
        "issued": {"date-parts": [[1995]]},
    }
    path = tmp_path / "items.json"
    path.write_text(json.dumps([book, *archref.to_csl_json([archref.parse(SEED)])]))
    assert main(["format", str(path), "--to", "text"]) == 0
    got = capsys.readouterr()
    assert "Stueck, William. The Korean War: An International History." in got.out
    assert "Russian State Archive of Socio-Political History" in got.out
    assert got.err == ""
    assert main(["format", str(path), "--to", "csl-json"]) == 0
    assert json.loads(capsys.readouterr().out)[0] == book


def test_bibtex_keys_are_the_csl_ids() -> None:
    import bibtexparser

    refs = [
        archref.parse(SEED),
        archref.parse("ГАРФ. Ф. Р-9401. Оп. 2. Д. 64. Л. 9-13"),
        archref.parse("TNA, FO 371/84053"),
        archref.parse("S/RES/82 (1950)"),
    ]
    ids = [item["id"] for item in archref.to_csl_json(refs)]
    keys = [entry.key for entry in bibtexparser.parse_string(archref.to_bibtex(refs)).entries]
    assert (
        keys == ids == ["RGASPI-558-11-62", "GARF-R-9401-2-64", "TNA-FO-371-84053", "S-RES-82-1950"]
    )
