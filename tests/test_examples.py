"""The sample book in ``examples/book``: what ``archref check`` and ``archref format`` make of it.

The book's notes are real citations (the NKIDP e-Dossier no. 1, the Wilson
Center Digital Archive's source lines, the published notes on the Stalin-era
execution lists, the Australian documents edition, FRUS; see the book's
README) with the slips a manuscript has. ``examples/book/expected`` holds the
report of ``archref check .`` run in the book's folder, so that its
``pyproject.toml`` applies, in each output format; every finding in it was
read against the book by hand.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

from archref.cli import main
from archref.model import ArchivalReference
from archref.readers import extract_document, read_string
from archref.registry import default_registry, extended_registry

BOOK = Path(__file__).resolve().parent.parent / "examples" / "book"
FORMATS = ["text", "json", "github", "sarif", "checkstyle", "junit"]

# Every finding the book gives, each one planted on purpose: file, line, column,
# part (a Word note) and code.
PLANTED = [
    ("appendix/documents.docx", 1, 8, "footnote 5", "ARC201"),  # "PRO : FO371/68041"
    ("appendix/documents.docx", 1, 9, "endnote 1", "ARC501"),  # "Fond 059a, Opis 5a, ..."
    ("chapters/01-origins/chapter.md", 21, 7, None, "ARC101"),  # "RGAPSI"
    ("chapters/01-origins/chapter.md", 25, 38, None, "ARC504"),  # "l. 67-70"
    ("chapters/01-origins/chapter.md", 31, 7, None, "ARC102"),  # "TsKhSD"
    ("chapters/02-un-debate/chapter.md", 17, 9, None, "UN301"),  # "A/C.l/229"
    ("chapters/02-un-debate/chapter.md", 25, 26, None, "UN209"),  # "of 7 July 1952"
    ("chapters/02-un-debate/chapter.md", 29, 7, None, "ARC011"),  # "Ibid." after two files
    ("chapters/03-terror/chapter.tex", 6, 75, None, "ARC101"),  # Latin "C" in "РГАCПИ"
    ("chapters/03-terror/chapter.tex", 17, 59, None, "ARC011"),  # "Там же." after two files
    ("sources/items.json", 41, 17, None, "ARC102"),  # "archive": "PRO"
    ("sources/items.json", 42, 26, None, "ARC201"),  # "FO371/84053"
]


def check(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(["check", ".", "--no-cache", *argv])
    captured = capsys.readouterr()
    assert captured.err == ""
    return status, captured.out


@pytest.fixture
def in_book(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(BOOK)
    return BOOK


@pytest.mark.parametrize("output_format", FORMATS)
def test_report_is_the_expected_one(
    in_book: Path, output_format: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out = check(["--output-format", output_format], capsys)
    assert status == 1  # the book has warnings, and fail-on = "warning"
    # every format says which of the appendix's notes a finding is in
    assert "footnote 5" in out and "endnote 1" in out
    expected = (in_book / "expected" / f"check.{output_format}.out").read_text(encoding="utf-8")
    assert out == expected


def test_findings_are_the_planted_ones(in_book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out = check(["--output-format", "json"], capsys)
    found = [
        (f["file"], f["line"], f["column"], f["part"], f["code"])
        for f in json.loads(out)["findings"]
    ]
    assert found == PLANTED


def test_suppressions_and_settings_apply(in_book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out = check([], capsys)
    # Silenced by comments and a BibTeX field, and not reported as unused (ARC900).
    assert "ARC900" not in out
    assert "archival.bib" not in out
    assert "chapter.md:18:" not in out  # the quotation under <!-- archref: ignore ARC102 -->
    assert "chapter.tex:18:" not in out  # the quotation under % archref: ignore ARC102
    # per-file-ignores: the appendix's "PRO" is not reported, its glued "FO371" is.
    assert "(footnote 5) ARC102" not in out
    assert "(footnote 5) ARC201" in out
    # drafts/ is hidden by .gitignore, the README and expected/ by exclude.
    assert "drafts" not in out and "README" not in out and "expected/" not in out
    assert out.endswith("46 citations in 6 files: 7 warnings, 5 infos\n")
    # The settings matter: without them the appendix's ARC102 is back and the
    # README is checked; drafts/ stays hidden, by .gitignore, not by a setting.
    _, isolated = check(["--isolated", "--output-format", "json"], capsys)
    files = {(f["file"], f["code"]) for f in json.loads(isolated)["findings"]}
    assert ("appendix/documents.docx", "ARC102") in files
    assert ("README.md", "ARC102") in files
    assert ("chapters/03-terror/chapter.tex", "ARC101") in files  # the book's own archive
    assert not any(file.startswith("drafts") for file, _ in files)


def test_the_books_registry_adds_the_archives_it_cites(
    in_book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Chapter 3 cites the archive of the Russian Book Chamber ("НБА РКП"), which
    # archref does not ship: archives.toml, named by `registry` in pyproject.toml,
    # adds it.
    place = ("chapters/03-terror/chapter.tex", 14)
    _, out = check(["--output-format", "json"], capsys)
    assert not [f for f in json.loads(out)["findings"] if (f["file"], f["line"]) == place]
    _, isolated = check(["--isolated", "--output-format", "json"], capsys)
    (unknown,) = [f for f in json.loads(isolated)["findings"] if (f["file"], f["line"]) == place]
    assert (unknown["column"], unknown["code"], unknown["text"]) == (39, "ARC101", "НБА РКП")
    assert unknown["message"].startswith("archive 'НБА РКП' is not in the registry")
    # format reads the chapter with the same registry: the archive's name, not the acronym
    chapter = "chapters/03-terror/chapter.tex"
    for argv, archive_field in (
        ([], "Scientific Bibliographic Archive of the Russian Book Chamber"),
        (["--isolated"], "NBA RKP"),  # unknown: as cited, in Latin letters (ALA-LC)
    ):
        assert main(["format", chapter, "--to", "csl-json", *argv]) == 0
        items = json.loads(capsys.readouterr().out)
        (item,) = [i for i in items if i["id"] == "NBARKP-2-1-1"]
        assert item["archive"] == archive_field
    # parse too: the book's archive with the configuration, an unknown one without
    gost_example = "НБА РКП. Ф. 2. Оп. 1. Д. 1."
    for argv, archive_id in (([], "NBA RKP"), (["--isolated"], None)):
        assert main(["parse", "--json", *argv, gost_example]) == 0
        parsed = json.loads(capsys.readouterr().out)["reference"]
        assert (parsed["archive"] or {}).get("id") == archive_id
        assert parsed["archive_as_cited"] == "НБА РКП"
    # the file is in the registry's format, and its examples read as its archive
    registry = extended_registry(
        [("archives.toml", (in_book / "archives.toml").read_text("utf-8"))]
    )
    shipped = {a.id for a in default_registry()}
    (archive,) = [a for a in registry if a.id not in shipped]
    assert archive.id == "NBA RKP" and archive.examples
    for example in archive.examples:
        (found,) = extract_document(read_string(example, "text"), registry=registry)
        reference = found.citation.reference
        assert isinstance(reference, ArchivalReference) and reference.archive == archive
        assert found.citation.diagnostics == ()


def test_drafts_hold_errors_that_the_walk_leaves_out(
    in_book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["check", "drafts/scratch.md", "--no-cache"])
    out = capsys.readouterr().out
    assert status == 1
    assert "drafts/scratch.md:5:7: ARC101" in out


@pytest.mark.parametrize("output_format", FORMATS)
def test_two_processes_give_the_same_bytes(
    in_book: Path, output_format: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _, one = check(["--output-format", output_format], capsys)
    _, two = check(["--output-format", output_format, "-j", "2"], capsys)
    assert two.encode("utf-8") == one.encode("utf-8")


def test_output_is_machine_independent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "elsewhere" / "book"
    shutil.copytree(BOOK, copy)
    monkeypatch.chdir(copy)
    for output_format in FORMATS:
        _, out = check(["--output-format", output_format], capsys)
        assert str(tmp_path) not in out
        expected = (BOOK / "expected" / f"check.{output_format}.out").read_text(encoding="utf-8")
        assert out == expected
    for expected_file in (BOOK / "expected").iterdir():
        text = expected_file.read_text(encoding="utf-8")
        assert str(BOOK) not in text and "file://" not in text
    for finding in json.loads((BOOK / "expected" / "check.json.out").read_text("utf-8"))[
        "findings"
    ]:
        assert not Path(finding["file"]).is_absolute()


def test_make_docx_writes_the_committed_bytes(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("make_docx", BOOK / "make_docx.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    written = tmp_path / "documents.docx"
    module.write(written)
    assert written.read_bytes() == (BOOK / "appendix" / "documents.docx").read_bytes()


NOTES = [
    "chapters/01-origins/chapter.md",
    "chapters/02-un-debate/chapter.md",
    "appendix/documents.docx",
]


def test_notes_in_chicago(in_book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # One command re-styles the notes of two Markdown chapters and the Word
    # appendix (footnotes, then endnotes), in order, one line a note: the
    # citations of a note together, leaves kept, a later note to a source in
    # Chicago's short form. The unresolved "Ibid." after a note citing two
    # files (chapter 2, note 8: ARC011) is left out.
    status = main(["format", *NOTES, "--kind", "notes", "--style", "chicago"])
    out = capsys.readouterr().out
    assert status == 0
    assert out.splitlines() == [
        # chapter 1: "RGAPSI" is the manuscript's slip (ARC101), kept as cited
        "RGAPSI, f. 558, op. 11, d. 62, ll. 71–72; Andrei Ledovskii, “Stalin, Mao Tsedunh I "
        "Koreiskaia Voina 1950-1953 godov,” Novaia I Noveishaia Istoriia, no. 5 (2005): 79–113.",
        "RGASPI, f. 558, op. 11, d. 97, ll. 67–70.",
        "RGASPI, f. 17, op. 162, d. 7, l. 99.",
        "RGANI, f. 5, op. 49, d. 131, ll. 193–194.",
        "RGANI, f. 5, op. 28, d. 103, l. 2.",  # cited as TsKhSD, RGANI's name of the 1990s
        "TNA, FO 371/84053.",
        "NARA, RG 59, Central Files, 795.00/6-2550.",
        # chapter 2
        "United Nations General Assembly, A/C.1/218 (United Nations, n.d.), "
        "https://undocs.org/A/C.1/218.",
        "United Nations General Assembly, A/C.l/229 (United Nations, n.d.), "
        "https://undocs.org/A/C.l/229.",
        "United Nations General Assembly, Resolution 112 (II), A/RES/112(II) (United Nations, "
        "n.d.), https://undocs.org/A/RES/112(II).",
        "United Nations Security Council, Resolution 82 (1950), S/RES/82 (1950) (United "
        "Nations, 1950), https://undocs.org/S/RES/82(1950).",
        "United Nations Security Council, Resolution 83 (1950), S/RES/83 (1950) (United "
        "Nations, 1950), https://undocs.org/S/RES/83(1950).",
        "United Nations Security Council, Resolution 84 (1950), S/RES/84 (1950) (United "
        "Nations, 1952), https://undocs.org/S/RES/84(1950).",
        "RGASPI, f. 17, op. 162, d. 7, l. 99; RGASPI, f. 558, op. 11, d. 62, l. 71.",
        # the appendix: footnotes 1-5 ("Ibid." repeats the NARA file), endnotes 1-2
        "RGASPI, f. 558, op. 11, d. 62, ll. 71–72.",
        "United Nations Security Council, Resolution 82 (1950).",
        "NARA, RG 59, Central Files, 795.00/6-2550.",
        "NARA, RG 59, Central Files, 795.00/6-2550.",
        "TNA, FO 371/68041.",
        "AVPRF, f. 059a, op. 5a, d. 4, pa. 11, ll. 159–160.",
        "RGASPI, f. 558, op. 11, d. 492, l. 57.",
    ]


#: The book's notes in GOST R 7.0.5-2008 footnotes, one command. The archival
#: form is GOST R 7.0.5-2008, section 11 (elements separated by full stops;
#: examples "НБА РКП. Ф. 2. Оп. 1. Д. 1.", "ОР РГБ. Ф. 573. Картон 41. Д. 55.
#: Л. 18.", https://studfile.net/preview/2675399/page:5/) as Russian historians
#: write it ("РГАСПИ. Ф.17. Оп.171. Д.373. Л.1–2." then "Там же. Л.74.",
#: itpp-labs/stalin:hugo/content/history/index.md#fn29-fn30, in
#: tests/data/footnotes.jsonl); "Там же." repeats the note before (GOST R
#: 7.0.5-2008, 8.3).
GOST_NOTES = [
    "RGAPSI. Ф. 558. Оп. 11. Д. 62. Л. 71–72; Ledovskii A. Stalin, Mao Tsedunh I Koreiskaia "
    "Voina 1950-1953 godov // Novaia I Noveishaia Istoriia. 2005. № 5. С. 79–113.",
    "РГАСПИ. Ф. 558. Оп. 11. Д. 97. Л. 67–70.",
    "РГАСПИ. Ф. 17. Оп. 162. Д. 7. Л. 99.",
    "РГАНИ. Ф. 5. Оп. 49. Д. 131. Л. 193–194.",
    "РГАНИ. Ф. 5. Оп. 28. Д. 103. Л. 2.",
    "TNA. FO 371/84053.",
    "NARA. RG 59, Central Files, 795.00/6-2550.",
    "Документ ООН. A/C.1/218.",
    "Документ ООН. A/C.l/229.",
    "Резолюция Генеральной Ассамблеи ООН 112 (II). A/RES/112(II).",
    "Резолюция Совета Безопасности ООН 82 (1950) от 25 июня 1950 г. S/RES/82 (1950).",
    "Резолюция Совета Безопасности ООН 83 (1950). S/RES/83 (1950).",
    "Резолюция Совета Безопасности ООН 84 (1950) от 7 июля 1952 г. S/RES/84 (1950).",
    "РГАСПИ. Ф. 17. Оп. 162. Д. 7. Л. 99; РГАСПИ. Ф. 558. Оп. 11. Д. 62. Л. 71.",
    "РГАСПИ. Ф. 558. Оп. 11. Д. 62. Л. 71–72.",
    "Резолюция Совета Безопасности ООН 82 (1950) от 25 июня 1950 г. S/RES/82 (1950).",
    "NARA. RG 59, Central Files, 795.00/6-2550.",
    "Там же.",
    "TNA. FO 371/68041.",
    "АВП РФ. Ф. 059а. Оп. 5а. Д. 4. Пап. 11. Л. 159–160.",
    "РГАСПИ. Ф. 558. Оп. 11. Д. 492. Л. 57.",
]


def test_notes_in_gost(in_book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The book's configuration asks for the English notation; a Russian style
    # writes Russian notes all the same (an explicit --notation would win).
    status = main(["format", *NOTES, "--kind", "notes", "--style", "gost"])
    out = capsys.readouterr().out
    assert status == 0
    assert out.splitlines() == GOST_NOTES


def test_notes_in_gost_by_the_style_id(in_book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["format", *NOTES, "--kind", "notes", "--style", "gost-r-7-0-5-2008-notes"])
    assert status == 0
    assert capsys.readouterr().out.splitlines() == GOST_NOTES


def test_notes_in_gost_with_the_english_notation(
    in_book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["format", NOTES[0], "--kind", "notes", "--style", "gost", "--notation", "en"])
    assert status == 0
    assert capsys.readouterr().out.splitlines()[1] == "RGASPI, f. 558, op. 11, d. 97, ll. 67–70."


def test_bibliography_in_gost(in_book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The archives and fonds first, headed as a Russian list of sources is,
    # the archives named in Russian first; then the other sources, those in
    # Cyrillic first.
    status = main(["format", *NOTES, "--style", "gost"])
    out = capsys.readouterr().out
    assert status == 0
    assert out.splitlines() == [
        "Архивные источники",
        "",
        "Архив внешней политики Российской Федерации (АВП РФ)",
        "    Ф. 059а. Оп. 5а",
        "Российский государственный архив новейшей истории (РГАНИ)",
        "    Ф. 5. Оп. 28, 49",
        "Российский государственный архив социально-политической истории (РГАСПИ)",
        "    Ф. 17. Оп. 162",
        "    Ф. 558. Оп. 11",
        "National Archives and Records Administration (NARA), College Park, MD",
        "    RG 59, Central Files",
        "RGAPSI",
        "    Ф. 558. Оп. 11",
        "The National Archives (TNA), Kew",
        "    FO 371",
        "",
        "Опубликованные источники",
        "",
        "Документ ООН. A/C.1/218.",
        "Документ ООН. A/C.l/229.",
        "Резолюция Генеральной Ассамблеи ООН 112 (II). A/RES/112(II).",
        "Резолюция Совета Безопасности ООН 82 (1950) от 25 июня 1950 г. S/RES/82 (1950).",
        "Резолюция Совета Безопасности ООН 83 (1950). S/RES/83 (1950).",
        "Резолюция Совета Безопасности ООН 84 (1950) от 7 июля 1952 г. S/RES/84 (1950).",
        "Ledovskii A. Stalin, Mao Tsedunh I Koreiskaia Voina 1950-1953 godov // Novaia I "
        "Noveishaia Istoriia. 2005. № 5. С. 79–113.",
    ]


def test_the_whole_book_is_one_bibliography(
    in_book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # format takes the book's folder, as check does: every chapter, the appendix and
    # the sources, the drafts hidden by .gitignore and the README left out by the
    # settings. An item of the CSL-JSON export that is passed through keeps its id
    # (Ledovskii's article); the item archref makes for chapter 1's citation of the
    # same article moves to a free id rather than take it.
    assert main(["format", ".", "--to", "csl-json"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    items = json.loads(captured.out)
    ids = [item["id"] for item in items]
    assert len(ids) == len(set(ids))
    exported = json.loads((in_book / "sources" / "items.json").read_text("utf-8"))
    (article,) = [item for item in exported if item["id"] == "ledovskii-2005"]
    assert article in items
    assert "NBARKP-2-1-1" in ids  # chapter 3's archive, from the book's registry
    assert main(["extract", "."]) == 0
    out = capsys.readouterr().out
    assert "drafts" not in out and "README" not in out
    assert "chapters/03-terror/chapter.tex:14:39: NBA RKP, f. 2" in out
