"""One reading path: parse, extract, check, fix and format read a file the same way.

Every sample below is written by hand in the shape of a real file of its
format, around real references:

* "RGASPI, f. 558, op. 11, d. 97, ll. 67-70": the archive location of a
  Zotero translator test case (zotero/translators, "Wilson Center Digital
  Archive.js", Wilson Center document 134696; tests/data/footnotes.jsonl);
* "RGIA, f. 776, op. 8, d. 2015, l. 3" and "GARF, f. 102 DPOO, 1898 g., op.
  226, d. 12": footnotes of nulib-ds/rplrt-typst, clay.typ (a Typst book
  whose source types page ranges as pandoc does, "250--51");
* "TsKhSD, f. 5, op. 28, d. 103, l. 2": a seed footnote (tests/test_archives.py),
  cited by the archive's former name, which ARC102 reports;
* "ЦАМО РФ. Ф. 5. Оп. 918. Д. 34. Л. 5" and "Там же. Л. 6.": the Russian
  notation of tests/test_readers.py.
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path

import pytest

import archref
import archref.readers
from archref.cli import main
from archref.fixing import fix_file
from archref.formats.bibtex import to_bibtex
from archref.formats.csl import to_csl_json
from archref.readers import (
    Position,
    ReaderError,
    extract_document,
    read,
    read_bytes,
    read_string,
)
from archref.reporting import check_files, report_json
from work import assert_linear

WILSON = "RGASPI, f. 558, op. 11, d. 97, ll. 67-70"
WILSON_PANDOC = "RGASPI, f. 558, op. 11, d. 97, ll. 67--70"
RGIA = "RGIA, f. 776, op. 8, d. 2015, l. 3"
TSKHSD = "TsKhSD, f. 5, op. 28, d. 103, l. 2"
TSAMO = "ЦАМО РФ. Ф. 5. Оп. 918. Д. 34. Л. 5"
IBID = "Там же. Л. 6."


def run(
    argv: list[str], capsys: pytest.CaptureFixture[str], stdin: str | None = None
) -> tuple[int, str, str]:
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    try:
        status = main(argv)
    finally:
        sys.stdin = sys.__stdin__
    captured = capsys.readouterr()
    return status, captured.out, captured.err


# ---------------------------------------------------------------- samples, one per format

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def wrun(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def make_docx(path: Path, body: str, footnotes: str | None, endnotes: str | None) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", f"<w:document {W}><w:body>{body}</w:body></w:document>")
        if footnotes is not None:
            z.writestr("word/footnotes.xml", f"<w:footnotes {W}>{footnotes}</w:footnotes>")
        if endnotes is not None:
            z.writestr("word/endnotes.xml", f"<w:endnotes {W}>{endnotes}</w:endnotes>")


SEPARATOR = '<w:{0} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{0}>'
DOCX_BODY = (
    f"<w:p>{wrun('Stalin wrote to Molotov.')}"
    '<w:r><w:footnoteReference w:id="1"/></w:r></w:p>'
    f"<w:p>{wrun('The Central Committee replied.')}"
    '<w:r><w:endnoteReference w:id="2"/></w:r>'
    f"{wrun(' And again.')}"
    '<w:r><w:endnoteReference w:id="3"/></w:r></w:p>'
)
DOCX_FOOTNOTES = SEPARATOR.format("footnote") + (
    f'<w:footnote w:id="1"><w:p>{wrun(WILSON + ".")}</w:p></w:footnote>'
)
DOCX_ENDNOTES = SEPARATOR.format("endnote") + (
    f'<w:endnote w:id="2"><w:p>{wrun("See " + TSKHSD + ".")}</w:p></w:endnote>'
    f'<w:endnote w:id="3"><w:p>{wrun("Ibid., l. 3.")}</w:p></w:endnote>'
)

SAMPLES = {
    "notes.txt": (
        f"{WILSON}.\r\n\r\nSee {TSKHSD}.\r\n\r\nIbid., l. 3.\r\n"  # a Windows file of notes
    ),
    "chapter.md": (
        "---\ntitle: Stalin and Molotov\nnote: RGASPI, f. 1, op. 1, d. 1\n---\n\n"
        "Stalin wrote to Molotov.[^1] The Central Committee replied.[^2]\n\n"
        "```\nTsKhSD, f. 9, op. 9, d. 9, l. 9\n```\n\n"
        f"[^1]: {WILSON_PANDOC}.\n"
        f"[^2]: See {TSKHSD}.\n"
    ),
    "chapter.tex": (
        "\\documentclass{book}\n\\usepackage{endnotes}\n\\begin{document}\n"
        f"Stalin wrote\\footnote{{{WILSON_PANDOC.replace(', ', ',~')}.}} to Molotov.\n"
        "% TsKhSD, f. 9, op. 9, d. 9, l. 9 (a comment)\n"
        f"The Central Committee replied.\\endnote{{See {TSKHSD}.}}\n"
        "And again.\\endnote{Ibid., l.~3.}\n"
        "\\end{document}\n"
    ),
    "refs.bib": (
        "@misc{wilson134696,\n"
        "  title = {Telegram from Stalin},\n"
        f"  note = {{{WILSON_PANDOC}}},\n"
        "}\n\n"
        "@misc{rgani5_28_103,\n"
        "  entrysubtype = {archival},\n"
        "  note = {f. 5, op. 28, d. 103},\n"
        "  institution = {TsKhSD},\n"
        "}\n"
    ),
    "refs.json": json.dumps(
        [
            {"id": "wilson", "type": "manuscript", "note": WILSON},
            {
                "id": "rgani",
                "type": "manuscript",
                "archive": "TsKhSD",
                "archive_location": "f. 5, op. 28, d. 103, l. 2",
            },
        ],
        indent=2,
    ),
}


def write_samples(folder: Path) -> list[Path]:
    paths = []
    for name, text in SAMPLES.items():
        path = folder / name
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
    docx = folder / "chapter.docx"
    make_docx(docx, DOCX_BODY, DOCX_FOOTNOTES, DOCX_ENDNOTES)
    paths.append(docx)
    return paths


def extract_json(path: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    status, out, err = run(["extract", "--json", str(path)], capsys)
    assert status == 0, err
    return [json.loads(line) for line in out.splitlines()]


def place(record: dict[str, object], *, end: bool = True) -> str:
    """The position of a record of either command (one shape: start, part, end)."""
    keys = ("line", "column", "offset", "part", "end") if end else ("line", "column", "offset")
    return json.dumps({key: record[key] for key in keys}, sort_keys=True)


def test_extract_and_check_report_the_same_places(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for path in write_samples(tmp_path):
        records = extract_json(path, capsys)
        assert records, path.name
        from_extract = sorted(
            (d["code"], place(d))
            for r in records
            for d in r["diagnostics"]  # type: ignore[attr-defined]
        )
        status, out, _ = run(["check", "--output-format", "json", str(path)], capsys)
        assert status == 1  # the former name is a warning
        from_check = sorted((f["code"], place(f)) for f in json.loads(out)["findings"])
        assert from_extract == from_check, path.name
        # the former name is reported in every sample, once
        assert [c for c, _ in from_check].count("ARC102") == 1, path.name
        # no reference from a comment, a code block or front matter
        assert not any("f. 9," in str(r["text"]) or "f. 1," in str(r["text"]) for r in records)


def test_every_sample_gives_the_same_references(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for path in write_samples(tmp_path):
        canonical = {r["reference"]["canonical"] for r in extract_json(path, capsys)}  # type: ignore[index]
        assert "RGASPI, f. 558, op. 11, d. 97, ll. 67–70" in canonical, path.name
        assert any(c.startswith("RGANI, f. 5, op. 28, d. 103") for c in canonical), path.name


def test_ibid_in_notes_resolves_within_the_notes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for path in write_samples(tmp_path):
        if path.suffix not in (".txt", ".tex", ".docx"):
            continue
        (ibid,) = [r for r in extract_json(path, capsys) if r["form"] == "ibid"]
        assert ibid["reference"]["canonical"] == "RGANI, f. 5, op. 28, d. 103, l. 3"  # type: ignore[index]


# ---------------------------------------------------------------- positions are the file's


@pytest.mark.parametrize(
    ("data", "offset", "line"),
    [
        (b"x\n\nTsKhSD, f. 5, op. 28, d. 103, l. 2.\n", 3, 3),
        (b"x\r\n\r\nTsKhSD, f. 5, op. 28, d. 103, l. 2.\r\n", 5, 3),
        (b"x\r\rTsKhSD, f. 5, op. 28, d. 103, l. 2.\r", 3, 3),
        # a byte order mark is not a character of the text: offsets count after it
        (b"\xef\xbb\xbfx\r\n\r\nTsKhSD, f. 5, op. 28, d. 103, l. 2.\r\n", 5, 3),
    ],
    ids=["lf", "crlf", "cr", "bom-crlf"],
)
def test_extract_positions_are_offsets_lines_and_columns_of_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, offset: int, line: int
) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(data)
    (record,) = extract_json(path, capsys)
    start = {key: record[key] for key in ("line", "column", "offset", "part")}
    assert start == {"line": line, "column": 1, "offset": offset, "part": None}
    text = data.decode("utf-8-sig")
    end = record["end"]["offset"]  # type: ignore[index]
    assert text[offset:end] == "TsKhSD, f. 5, op. 28, d. 103, l. 2"
    status, out, _ = run(["check", "--output-format", "json", str(path)], capsys)
    (finding,) = json.loads(out)["findings"]
    # the finding is the former name, which opens the citation
    assert place(finding, end=False) == place(record, end=False)
    # standard input is read as the file is
    status, out, _ = run(["extract", "--json", "-"], capsys, stdin=text)
    assert status == 0 and place(json.loads(out)) == place(record)


def test_extract_text_output_names_the_part_of_a_word_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "chapter.docx"
    make_docx(path, DOCX_BODY, DOCX_FOOTNOTES, DOCX_ENDNOTES)
    status, out, _ = run(["extract", str(path)], capsys)
    assert status == 0
    lines = out.splitlines()
    assert lines[0].startswith(f"{path}:1:1: (footnote 1) RGASPI, f. 558, op. 11, d. 97")
    assert lines[1].startswith(f"{path}:1:5: (endnote 1) RGANI, f. 5, op. 28, d. 103, l. 2")
    assert lines[2].startswith(f"{path}:1:5: (endnote 1) warning ARC102")
    assert lines[3].startswith(f"{path}:1:1: (endnote 2) RGANI, f. 5, op. 28, d. 103, l. 3")


# ---------------------------------------------------------------- choosing the reader


def test_from_offers_every_reader_and_stdin_defaults_to_text(
    capsys: pytest.CaptureFixture[str],
) -> None:
    markdown = SAMPLES["chapter.md"]
    status, out, _ = run(["extract", "-"], capsys, stdin=markdown)
    as_text = out
    assert "f. 1, op. 1, d. 1" in as_text  # as plain text, front matter is text
    status, out, _ = run(["extract", "--from", "markdown", "-"], capsys, stdin=markdown)
    assert status == 0
    assert "f. 1, op. 1, d. 1" not in out and "f. 9, op. 9" not in out
    assert "<stdin>:12:7: RGASPI, f. 558, op. 11, d. 97, ll. 67–70" in out
    status, out, _ = run(
        ["format", "--from", "latex", "-", "--to", "csl-json"], capsys, stdin=SAMPLES["chapter.tex"]
    )
    assert status == 0
    assert [i["id"] for i in json.loads(out)] == ["RGASPI-558-11-97", "RGANI-5-28-103"]


FORMATS_OF = {
    ".txt": "text",
    ".md": "markdown",
    ".tex": "latex",
    ".bib": "bibtex",
    ".json": "csl-json",
    ".docx": "docx",
}


def run_bytes(argv: list[str], capsys: pytest.CaptureFixture[str], data: bytes) -> tuple[int, str]:
    """``main(argv)`` with ``data`` as the bytes of standard input."""
    sys.stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    try:
        status = main(argv)
    finally:
        sys.stdin = sys.__stdin__
    captured = capsys.readouterr()
    assert captured.err == "" or status != 0, captured.err
    return status, captured.out


def test_standard_input_with_from_reads_as_the_file_for_every_reader(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Each reader, named with --from, reads standard input as it reads a file of
    # the same bytes: extract, check and format give what they give for the file.
    paths = write_samples(tmp_path)
    assert sorted(FORMATS_OF) == sorted({p.suffix for p in paths})
    for path in paths:
        fmt = FORMATS_OF[path.suffix]
        data = path.read_bytes()
        _, from_file = run_bytes(["extract", "--json", str(path)], capsys, b"")
        _, piped = run_bytes(["extract", "--json", "--from", fmt, "-"], capsys, data)
        records = [json.loads(line) for line in from_file.splitlines()]
        assert records, path.name
        assert {r.pop("file") for r in records} == {str(path)}
        piped_records = [json.loads(line) for line in piped.splitlines()]
        assert {r.pop("file") for r in piped_records} == {"<stdin>"}
        assert piped_records == records, path.name
        status, from_file = run_bytes(["check", "--output-format", "json", str(path)], capsys, b"")
        piped_status, piped = run_bytes(
            ["check", "--output-format", "json", "--from", fmt, "-"], capsys, data
        )
        findings = json.loads(from_file)["findings"]
        piped_findings = json.loads(piped)["findings"]
        assert findings and piped_status == status == 1, path.name
        assert [f.pop("file") for f in piped_findings] == ["<stdin>"] * len(findings)
        assert [f.pop("file") for f in findings] == [str(path)] * len(findings)
        assert piped_findings == findings, path.name
        _, from_file = run_bytes(["format", str(path), "--to", "csl-json"], capsys, b"")
        _, piped = run_bytes(["format", "--from", fmt, "-", "--to", "csl-json"], capsys, data)
        assert json.loads(piped) == json.loads(from_file), path.name


def test_a_file_of_no_known_format_is_refused_by_every_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "NOTES"
    path.write_text(f"{TSKHSD}.\n", "utf-8")
    for command in ("extract", "format", "check"):
        status, out, err = run([command, str(path)], capsys)
        assert status == 2, command
        assert "no reader for 'a file without extension'" in err, command
    status, out, _ = run(["extract", "--from", "text", str(path)], capsys)
    assert status == 0 and "RGANI" in out


# ---------------------------------------------------------------- format: one bibliography


def test_format_reads_many_files_into_one_bibliography(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = write_samples(tmp_path)
    by_name = {p.name: p for p in paths}
    order = ["chapter.md", "chapter.tex", "chapter.docx", "notes.txt"]
    status, out, err = run(
        ["format", *(str(by_name[n]) for n in order), "--to", "csl-json"], capsys
    )
    assert status == 0, err
    ids = [item["id"] for item in json.loads(out)]
    # each source once, in the order first cited across the files
    assert ids == ["RGASPI-558-11-97", "RGANI-5-28-103"]
    status, out, _ = run(
        ["format", str(by_name["notes.txt"]), str(by_name["chapter.md"]), "--kind", "notes"],
        capsys,
    )
    assert status == 0
    # every note of the files, in order, one line each: the three notes of
    # notes.txt ("Ibid., l. 3" cites another leaf of the file before), then the
    # two footnotes of chapter.md (its front matter and code block are no notes)
    assert out.splitlines() == [
        "RGASPI, f. 558, op. 11, d. 97, ll. 67–70.",
        "RGANI, f. 5, op. 28, d. 103, l. 2.",
        "RGANI, f. 5, op. 28, d. 103, l. 3.",
        "RGASPI, f. 558, op. 11, d. 97, ll. 67–70.",
        "RGANI, f. 5, op. 28, d. 103, l. 2.",
    ]


def test_extract_and_format_walk_folders_as_check_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A folder named to extract or format gives the files check reads in it, in
    # name order (hidden files and what .gitignore ignores left out), not "no reader".
    folder = tmp_path / "book"
    folder.mkdir()
    paths = write_samples(folder)
    (folder / ".gitignore").write_text("notes.txt\n", "utf-8")
    (folder / ".hidden.md").write_text(f"{TSKHSD}.\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    read = sorted((p for p in paths if p.name != "notes.txt"), key=lambda p: p.name)
    names = [str(p.relative_to(tmp_path)) for p in read]
    for command in (["extract", "--json"], ["format", "--to", "csl-json"]):
        status, walked, err = run([*command, "book", "--isolated"], capsys)
        assert status == 0 and err == "", command
        _, named, _ = run([*command, *names, "--isolated"], capsys)
        assert walked == named, command
    _, out, _ = run(["extract", "--json", "book", "--isolated"], capsys)
    files = {json.loads(line)["file"] for line in out.splitlines()}
    assert files == set(names)
    (tmp_path / "empty").mkdir()
    status, out, err = run(["format", "empty", "--isolated"], capsys)
    assert "warning: no file archref reads in empty" in err and "Traceback" not in err
    status, _, err = run(["extract", "nowhere/", "--isolated"], capsys)
    assert status == 2 and "nowhere/" in err


def test_format_leaves_out_comments_and_code_and_resolves_ibid_in_notes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tex = tmp_path / "ch2.tex"
    tex.write_text(
        "\\begin{document}\n"
        "The resolution S/RES/82 (1950) was adopted.\n"
        f"% {RGIA}: to check in the reading room\n"
        f"Stalin wrote.\\footnote{{{TSAMO}.}} Again.\\footnote{{{IBID}}}\n"
        "\\end{document}\n",
        "utf-8",
    )
    status, out, _ = run(["format", str(tex), "--to", "csl-json"], capsys)
    assert status == 0
    ids = [i["id"] for i in json.loads(out)]
    assert "RGIA-776-8-2015" not in ids  # the comment is no source
    assert ids == ["S-RES-82-1950", "TsAMO-5-918-34"]  # "Там же" is the same file
    md = tmp_path / "ch3.md"
    md.write_text(f"Cited as `{RGIA}` in code.\n\n    {RGIA}\n\nNothing else.\n", "utf-8")
    status, _, err = run(["format", str(md)], capsys)
    assert status == 1 and "no references found" in err


def test_format_stops_when_a_chapter_cannot_be_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "ch1.txt"
    good.write_text(f"{TSKHSD}.\n", "utf-8")
    status, out, err = run(["format", str(good), str(tmp_path / "ch2.txt")], capsys)
    assert status == 2 and out == ""
    assert "ch2.txt: error: No such file or directory" in err


# ---------------------------------------------------------------- notes: Word, LaTeX


def test_word_endnotes_are_read_and_numbered_on_their_own(tmp_path: Path) -> None:
    path = tmp_path / "chapter.docx"
    make_docx(path, DOCX_BODY, DOCX_FOOTNOTES, DOCX_ENDNOTES)
    doc = read(path)
    assert [(c.kind, c.note, c.label) for c in doc.chunks] == [
        ("body", None, None),
        ("body", None, None),
        ("footnote", 1, "1"),
        ("endnote", 1, "2"),
        ("endnote", 2, "3"),
    ]
    findings = check_files([path]).findings
    (finding,) = findings
    assert finding.code == "ARC102"
    assert finding.start == Position(1, 5, None, "endnote 1")
    assert "(endnote 1)" in archref.reporting.report_text(list(findings))


def test_a_word_file_with_only_endnotes_is_checked(tmp_path: Path) -> None:
    # this file said "no problems found" while endnotes were skipped
    path = tmp_path / "endnotes.docx"
    make_docx(path, DOCX_BODY, None, DOCX_ENDNOTES)
    assert [f.code for f in check_files([path]).findings] == ["ARC102"]


def test_word_comments_are_not_read(tmp_path: Path) -> None:
    path = tmp_path / "reviewed.docx"
    make_docx(path, f"<w:p>{wrun('S/RES/82 (1950)')}</w:p>", None, None)
    with zipfile.ZipFile(path, "a") as z:
        z.writestr(
            "word/comments.xml",
            f'<w:comments {W}><w:comment w:id="0"><w:p>{wrun(TSKHSD)}</w:p>'
            "</w:comment></w:comments>",
        )
    assert [f.citation.text for f in extract_document(read(path))] == ["S/RES/82 (1950)"]


def test_latex_endnotes_are_notes_not_body_text() -> None:
    tex = SAMPLES["chapter.tex"]
    doc = read_string(tex, "latex")
    kinds = [(c.kind, c.note) for c in doc.chunks]
    assert kinds == [("body", None), ("footnote", 1), ("endnote", 1), ("endnote", 2)]
    body = doc.chunks[0].text
    assert "TsKhSD" not in body and "Ibid" not in body
    assert doc.chunks[2].text == f"See {TSKHSD}."


def test_latex_footnotetext_and_footcite() -> None:
    tex = (
        "Stalin wrote.\\footnotemark\n"
        f"\\footnotetext{{{TSAMO}.}}\n"
        "Molotov answered.\\footcite[ll.~67--70]{wilson134696}\n"
    )
    doc = read_string(tex, "latex")
    assert [(c.kind, c.text) for c in doc.chunks] == [
        ("body", "Stalin wrote.\n\nMolotov answered."),
        ("footnote", f"{TSAMO}."),
    ]


# ---------------------------------------------------------------- TeX and pandoc dashes


@pytest.mark.parametrize(
    ("fmt", "text", "written"),
    [
        ("text", f"{WILSON_PANDOC}.\n", WILSON_PANDOC),
        ("markdown", f"Text.[^1]\n\n[^1]: {WILSON_PANDOC}.\n", WILSON_PANDOC),
        ("markdown", "RGASPI, f. 558, op. 11, d. 97, ll. 67---70.\n", "ll. 67---70"),
        ("latex", "\\footnote{RGASPI, f.~558, op.~11, d.~97, ll.~67--70.}", "ll.~67--70"),
        ("latex", "\\footnote{RGASPI, f.\\,558, op.\\,11, d.\\,97, ll.\\,67\\textendash70.}", ""),
        ("latex", "\\footnote{RGASPI, f. 558, op. 11, d. 97, ll. 67\\textemdash 70.}", ""),
        ("bibtex", f"@misc{{w, note = {{{WILSON_PANDOC}}}}}", WILSON_PANDOC),
    ],
)
def test_dashes_are_read_as_the_dash_they_print(fmt: str, text: str, written: str) -> None:
    doc = read_string(text, fmt)  # type: ignore[arg-type]
    (found,) = extract_document(doc)
    assert str(found.citation.reference) == "RGASPI, f. 558, op. 11, d. 97, ll. 67–70"
    assert found.start.offset is not None and found.end.offset is not None
    in_file = text[found.start.offset : found.end.offset]
    assert in_file.startswith("RGASPI")
    assert in_file.endswith(written or "70")  # the end is after the dash and the leaf


def test_fix_rewrites_only_the_archive_name_next_to_a_pandoc_dash(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    original = f"Text.[^1]\n\n[^1]: {TSKHSD.replace('l. 2', 'll. 2--3')}.\n"
    path.write_text(original, "utf-8")
    result = fix_file(path)
    assert [(f.old, f.new) for f in result.applied] == [("TsKhSD", "RGANI")]
    assert path.read_text("utf-8") == original.replace("TsKhSD", "RGANI")


def test_four_hyphens_are_a_rule_not_a_dash() -> None:
    assert archref.clean("a ---- b").text == "a ---- b"
    assert archref.clean("ll. 67--70").text == "ll. 67–70"


# ---------------------------------------------------------------- archref's own output


def seed_references() -> list[object]:
    notes = [
        WILSON,
        "RGASPI, f. 558, op. 11, d. 62, ll. 71-72",
        TSKHSD,
        "ЦАМО РФ. Ф. 5. Оп. 918. Д. 34. Л. 5",
        RGIA,
        "TNA, FO 371/84053",
        "National Archives, RG 59, Central Files, 795.00/6-2550",
        "S/RES/82 (1950)",
        "A/C.1/218",
    ]
    refs = [c.reference for note in notes for c in archref.extract(note)]
    assert len(refs) == len(notes)
    return refs


@pytest.mark.parametrize("notation", ["en", "en-full", "ru", "de"])
def test_check_accepts_what_archref_writes(tmp_path: Path, notation: str) -> None:
    refs = seed_references()
    files = {
        "biblatex.bib": to_bibtex(refs, notation=notation),  # type: ignore[arg-type]
        "bibtex.bib": to_bibtex(refs, dialect="bibtex", notation=notation),  # type: ignore[arg-type]
        "mla.bib": to_bibtex(refs, convention="mla", notation=notation),  # type: ignore[arg-type]
        "items.json": json.dumps(to_csl_json(refs, notation=notation), ensure_ascii=False),  # type: ignore[arg-type]
        "acronyms.json": json.dumps(
            to_csl_json(refs, notation=notation, archive_name="full-acronym"),  # type: ignore[arg-type]
            ensure_ascii=False,
        ),
    }
    paths = []
    for name, text in files.items():
        (tmp_path / name).write_text(text, "utf-8")
        paths.append(tmp_path / name)
    result = check_files(paths)
    assert result.errors == ()
    assert json.loads(report_json(list(result.findings)))["findings"] == []
    # and every archival reference is read back whole, archive and all
    for path in paths:
        found = {str(f.citation.reference) for f in extract_document(read(path))}
        assert any(c.startswith("RGANI, f. 5, op. 28, d. 103") for c in found), path.name


def test_check_accepts_the_output_of_archref_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "notes.txt"
    source.write_text("\n\n".join([WILSON, TSKHSD, RGIA, "TNA, FO 371/84053"]) + "\n", "utf-8")
    outputs = []
    for to, name in (("csl-json", "out.json"), ("biblatex", "out.bib"), ("bibtex", "b.bib")):
        status, out, _ = run(["format", str(source), "--to", to], capsys)
        assert status == 0
        (tmp_path / name).write_text(out, "utf-8")
        outputs.append(str(tmp_path / name))
    status, out, _ = run(["check", *outputs], capsys)
    assert status == 0
    assert out.endswith("no problems found\n")


def test_an_entry_location_is_read_with_its_archive(tmp_path: Path) -> None:
    bib = (
        "@misc{rgani5_28_103,\n"
        "  note = {f. 5, op. 28, d. 103},\n"
        "  institution = {Russian State Archive of Contemporary History},\n"
        "}\n"
    )
    doc = read_string(bib, "bibtex")
    (chunk,) = doc.chunks
    assert chunk.label == "note"
    assert chunk.text == "Russian State Archive of Contemporary History, f. 5, op. 28, d. 103"
    # the ", " between the two fields is the reader's, a seam: no author wrote it
    ((s0, s1),) = chunk.seams
    assert chunk.text[s0:s1] == ", " and s0 == len("Russian State Archive of Contemporary History")
    assert not chunk.written(0, len(chunk.text))
    assert chunk.written(0, s0) and chunk.written(s1, len(chunk.text))
    (found,) = extract_document(doc)
    assert str(found.citation.reference) == "RGANI, f. 5, op. 28, d. 103"
    # the citation covers both fields: from the note (line 2) to the institution (line 3)
    assert (found.start.line, found.start.column) == (2, 11)
    assert (found.end.line, found.end.column) == (3, 63)


# ---------------------------------------------------------------- size: bounded or refused


def test_a_file_over_the_size_limit_is_refused_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "items.json"
    path.write_text(SAMPLES["refs.json"], "utf-8")
    size = path.stat().st_size
    with pytest.raises(ReaderError, match="MAX_SIZE") as info:
        read(path, max_size=size - 1)
    assert f"{size:,} bytes" in str(info.value)
    assert read(path, max_size=size).chunks
    with pytest.raises(ReaderError, match="more than the 10 bytes"):
        read_bytes(b"RGASPI, f. 558", "text", max_size=10)
    with pytest.raises(ReaderError, match="characters"):
        read_string("RGASPI, f. 558", "text", max_size=10)


@pytest.mark.parametrize("command", ["check", "extract", "format", "fix"])
def test_every_command_refuses_a_file_over_the_limit(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: str,
) -> None:
    path = tmp_path / "items.json"
    path.write_text(SAMPLES["refs.json"], "utf-8")
    monkeypatch.setattr(archref.readers, "MAX_SIZE", 100)  # the limit, made small
    status, out, err = run([command, str(path)], capsys)
    assert status == 2, (command, out, err)
    assert "archref.readers.MAX_SIZE" in err and "Traceback" not in err
    assert path.read_text("utf-8") == SAMPLES["refs.json"]


def test_a_long_line_is_read_a_window_at_a_time_with_the_same_citations() -> None:
    line = f"See {WILSON}; {TSKHSD}. Some prose between the references here. "
    text = line * 200  # one paragraph of 20 KB, on one line
    doc = read_string(text, "text")
    whole = [(f.start, f.end, str(f.citation.reference)) for f in extract_document(doc)]
    windows = [
        (f.start, f.end, str(f.citation.reference)) for f in extract_document(doc, window=1_000)
    ]
    assert windows == whole
    assert len(whole) == 400


def test_reading_a_long_line_is_linear_work(monkeypatch: pytest.MonkeyPatch) -> None:
    # the limits made small, as a parameter, so that small inputs exercise the windows
    monkeypatch.setattr(sys.modules["archref.extract"], "STREAM_PARAGRAPH_LIMIT", 2_000)
    line = f"See {WILSON}; {TSKHSD}. Some prose. "

    def check(text: str) -> int:
        return len(extract_document(read_string(text, "text"), window=2_000))

    counted = assert_linear(check, lambda k: line * k, 60)
    assert counted.result_10n == 10 * counted.result_n


@pytest.mark.parametrize("fmt", ["bibtex", "csl-json"])
def test_reading_many_entries_is_linear_work(fmt: str) -> None:
    def make(k: int) -> str:
        if fmt == "bibtex":
            entry = (
                "@misc{{k{0},\n  note = {{f. {0}, op. 11, d. 62}},\n"
                "  institution = {{RGASPI}}\n}}\n"
            )
            return "".join(entry.format(i) for i in range(k))
        items = [
            {"id": f"k{i}", "archive": "RGASPI", "archive_location": f"f. {i}, op. 11, d. 62"}
            for i in range(k)
        ]
        return json.dumps(items)

    def check(text: str) -> int:
        return len(extract_document(read_string(text, fmt)))  # type: ignore[arg-type]

    counted = assert_linear(check, make, 20)
    assert (counted.result_n, counted.result_10n) == (20, 200)
