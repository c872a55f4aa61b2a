"""Readers: files into chunks, and citations reported at their line and column."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from archref.model import ArchrefError
from archref.readers import (
    Document,
    LocatedCitation,
    Position,
    ReaderError,
    extract_document,
    format_of,
    read,
    read_string,
)
from work import assert_linear

RGASPI = "RGASPI, f. 558, op. 11, d. 62, ll. 71-72"
TSAMO = "ЦАМО РФ. Ф. 5. Оп. 918. Д. 34. Л. 5"
IBID = "Там же. Л. 6."


def at(text: str, pos: Position) -> str:
    """The file text from a reported (line, column) to the end of that line."""
    line = text.split("\n")[pos.line - 1]
    return line[pos.column - 1 :]


def found_in(path: Path) -> tuple[str, Document, list[LocatedCitation]]:
    doc = read(path)
    return path.read_bytes().decode("utf-8"), doc, extract_document(doc)


def assert_positions(text: str, found: list[LocatedCitation]) -> None:
    """Each citation's line/column points at its first character, and the offsets agree."""
    assert found
    for f in found:
        first = f.citation.text[0]
        assert at(text, f.start).startswith(first), (f.citation.text, f.start)
        assert f.start.offset is not None
        assert text[f.start.offset] == first
        assert f.end.offset is not None
        assert f.end.offset > f.start.offset


def assert_reads_in_linear_work(fmt: str, make: Callable[[int], str], n: int) -> None:
    """Reading ``make(10 n)`` costs at most ~ten times the work of ``make(n)`` (calls
    counted, not time: a hang or a quadratic pass fails, a busy machine does not)."""

    def read(text: str) -> object:
        try:
            return read_string(text, fmt)  # type: ignore[arg-type]
        except ReaderError as exc:  # refused with a message is a result too
            return exc

    counted = assert_linear(read, make, n)
    assert type(counted.result_n) is type(counted.result_10n)


# ---------------------------------------------------------------- choosing a reader


def test_format_of_extensions() -> None:
    assert format_of("a.md") == format_of("b.markdown") == "markdown"
    assert format_of("a.TEX") == "latex"
    assert [format_of(f"x.{e}") for e in ("bib", "json", "txt", "docx")] == [
        "bibtex",
        "csl-json",
        "text",
        "docx",
    ]
    with pytest.raises(ReaderError, match=r"no reader for '\.odt'"):
        format_of("x.odt")


def test_unknown_format_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match="unknown format 'rtf'"):
        read_string("x", "rtf")  # type: ignore[arg-type]
    with pytest.raises(ReaderError, match="cannot read the file") as info:
        read(tmp_path / "missing.md")
    assert isinstance(info.value, ArchrefError)


def test_undecodable_bytes_report_the_byte(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes("Л. 5\n".encode() + b"ab \xd0\x28 cd\n")
    with pytest.raises(ReaderError) as info:
        read(path)
    err = info.value
    assert (err.line, err.column, err.byte) == (2, 4, 9)
    assert str(err).startswith(f"{path}:2:4 (byte 9): not UTF-8")


def test_byte_order_mark_is_not_a_column(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + RGASPI.encode())
    (found,) = extract_document(read(path))
    assert (found.start.line, found.start.column) == (1, 1)


def test_explicit_format_overrides_extension(tmp_path: Path) -> None:
    path = tmp_path / "notes.data"
    path.write_text(f"# Title\n\n{RGASPI}\n", "utf-8")
    doc = read(path, "markdown")
    assert doc.format == "markdown"
    assert [c.text for c in doc.chunks] == ["Title", RGASPI]


# ---------------------------------------------------------------- plain text


def test_plain_text_paragraphs_and_positions(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(
        f"Stalin's letter: {RGASPI}.\r\n\r\n  The committee: A/C.1/218 and\n"
        f"S/RES/82 (1950).\n\n\n{TSAMO}. {IBID}\n",
        "utf-8",
    )
    text, doc, found = found_in(path)
    assert [c.kind for c in doc.chunks] == ["body"] * 3
    assert_positions(text, found)
    starts = [(f.start.line, f.start.column) for f in found]
    assert (1, 18) in starts
    assert (3, 18) in starts
    assert (4, 1) in starts
    assert (7, 1) in starts
    ibid = [f for f in found if f.citation.form == "ibid"]
    assert ibid
    assert ibid[0].start == Position(7, len(TSAMO) + 3, text.index("Там"))


# ---------------------------------------------------------------- Markdown

MARKDOWN = f"""---
title: "RGASPI, f. 1, op. 1, d. 1"
---

# Chapter 1

Stalin's note[^stalin] reached the First Committee (`A/C.1/999` is
not cited) in [the record](https://undocs.org/A/C.1/218 "A/C.1/999").[^un]
<!-- RGASPI, f. 2, op. 2, d. 2
still a comment -->

```text
RGASPI, f. 3, op. 3, d. 3
```

    RGASPI, f. 4, op. 4, d. 4

> Quoted: S/RES/82 (1950).

[^stalin]: {RGASPI}. See
    also the Russian note.

    {TSAMO}.
[^un]: A/C.1/218.
[^ibid]: {IBID}
[ref]: https://example.org/RGASPI
"""


def test_markdown_chunks(tmp_path: Path) -> None:
    path = tmp_path / "chapter.md"
    path.write_text(MARKDOWN, "utf-8")
    doc = read(path)
    kinds = [(c.kind, c.note, c.label) for c in doc.chunks]
    assert kinds == [
        ("body", None, None),
        ("body", None, None),
        ("body", None, None),
        ("footnote", 1, "stalin"),
        ("footnote", 2, "un"),
        ("footnote", 3, "ibid"),
    ]
    assert doc.chunks[0].text == "Chapter 1"
    body = doc.chunks[1].text
    assert "A/C.1/999" not in body
    assert "undocs" not in body
    assert "[^" not in body
    assert body.endswith("in [the record].")
    assert doc.chunks[3].text == f"{RGASPI}. See\nalso the Russian note.\n\n{TSAMO}."


def test_markdown_positions_and_skips(tmp_path: Path) -> None:
    path = tmp_path / "chapter.md"
    path.write_text(MARKDOWN, "utf-8")
    text, _, found = found_in(path)
    assert_positions(text, found)
    cited = [f.citation.text for f in found]
    for skipped in ("f. 1,", "f. 2,", "f. 3,", "f. 4,", "A/C.1/999"):
        assert not any(skipped in c for c in cited), skipped
    lines = {f.citation.text: (f.start.line, f.start.column) for f in found}
    assert lines[RGASPI] == (20, 12)
    assert lines[TSAMO] == (23, 5)
    assert lines["S/RES/82 (1950)"] == (18, 11)


def test_markdown_ibid_resolves_across_footnotes(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text(
        f"Text.[^1] More.[^2]\n\n[^1]: {TSAMO}.\n[^2]: {IBID}\n",
        "utf-8",
    )
    text, _, found = found_in(path)
    assert_positions(text, found)
    _, second = found
    assert second.citation.form == "ibid"
    assert second.citation.note == 1
    assert str(second.citation.reference) == "TsAMO, f. 5, op. 918, d. 34, l. 6"
    assert (second.start.line, second.start.column) == (4, 7)
    assert text[second.start.offset : second.end.offset] == second.citation.text


def test_markdown_escapes_map_back(tmp_path: Path) -> None:
    path = tmp_path / "escaped.md"
    path.write_text("An *emphasised* \\*star and S/RES/82 (1950).\n", "utf-8")
    doc = read(path)
    assert doc.chunks[0].text == "An emphasised *star and S/RES/82 (1950)."
    text = path.read_text("utf-8")
    (found,) = extract_document(doc)
    assert found.start.offset == text.index("S/RES")
    assert doc.chunks[0].start_position(14) == Position(1, 17, 16)


def test_markdown_unclosed_fence_and_comment(tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match="code fence ``` is never closed") as info:
        read_string("Text\n\n```python\ncode\n", "markdown", path="a.md")
    assert (info.value.line, info.value.column) == (3, 1)
    assert str(info.value).startswith("a.md:3:1: ")
    with pytest.raises(ReaderError, match="HTML comment") as info:
        read_string("Text\n\nmore <!-- never closed\n", "markdown")
    assert (info.value.line, info.value.column) == (3, 6)


def test_markdown_unclosed_inline_markup_is_text() -> None:
    doc = read_string("A `tick and [link](open and <tag and ``x` S/RES/82 (1950)\n", "markdown")
    assert doc.chunks[0].text.endswith("S/RES/82 (1950)")


@pytest.mark.parametrize(
    ("unit", "tail", "n"),
    [
        ("`", " a", 5_000),
        ("`a``b```c", "", 1_000),
        ("](", "", 5_000),
        ("][", "", 5_000),
        ("<a ", "", 3_300),
        ("[^", "", 5_000),
        ("_*\\", "", 3_300),
        ("> ", "", 5_000),
        ("- ", "", 5_000),
        ("[x]:", "", 2_500),
        ("https://", "", 1_200),
        ("\n    \n", "", 2_000),
    ],
    ids=repr,
)
def test_markdown_linear(unit: str, tail: str, n: int) -> None:
    # "`" * 50,000 + " a" * 25,000 at 10 n: a unit, then half as many of the tail
    assert_reads_in_linear_work("markdown", lambda k: unit * k + tail * (k // 2), n)


def test_plain_text_linear() -> None:
    assert_reads_in_linear_work("text", lambda k: "\n \n" * k + "a" * (2 * k), 5_000)


# ---------------------------------------------------------------- LaTeX

LATEX = rf"""\documentclass{{article}}
\usepackage{{RGASPI}} % RGASPI, f. 1, op. 1, d. 1
\newcommand{{\arch}}{{RGASPI, f. 2, op. 2, d. 2}}
\begin{{document}}
\section*{{Stalin \& the UN}}
Stalin's letter\footnote{{{RGASPI.replace("-", "--")}; see
  \emph{{Kto rukovodil}}, \cite[p.~5]{{rgaspi1}}.}} % RGASPI, f. 3, op. 3, d. 3
reached the committee\footnote[7]{{A/C.1/218 and \textit{{S/RES/82 (1950)}}.}}.
The sum is $f. 4, op. 4$ and \(f. 5\) and
\[ RGASPI, f. 6, op. 6, d. 6 \]
\begin{{verbatim}}
RGASPI, f. 7, op. 7, d. 7
\end{{verbatim}}
\begin{{equation}} RGASPI, f. 8 \end{{equation}}
Fifty per cent (50\%) of \verb|RGASPI, f. 9, op. 9| files.%
\footnote{{{TSAMO}.}}\footnotetext{{{IBID}}}

\href{{https://undocs.org/A/C.1/999}}{{the record}}\label{{RGASPI, f. 10}}
\end{{document}}
RGASPI, f. 11, op. 11, d. 11
"""


def test_latex_chunks(tmp_path: Path) -> None:
    path = tmp_path / "chapter.tex"
    path.write_text(LATEX, "utf-8")
    doc = read(path)
    notes = [(c.note, c.label, c.text) for c in doc.notes]
    assert notes == [
        (1, None, f"{RGASPI.replace('-', '–')}; see\n  Kto rukovodil, ."),
        (2, "7", "A/C.1/218 and S/RES/82 (1950)."),
        (3, None, f"{TSAMO}."),
        (4, None, IBID),
    ]
    body = [c.text for c in doc.chunks if c.kind == "body"]
    assert body[0].startswith("Stalin & the UN\nStalin's letter \nreached the committee.")
    assert "Fifty per cent (50%) of  files." in body[0]
    assert body[1] == "the record"
    assert [c.kind for c in doc.chunks][:3] == ["body", "footnote", "footnote"]


def test_latex_positions_and_skips(tmp_path: Path) -> None:
    path = tmp_path / "chapter.tex"
    path.write_text(LATEX, "utf-8")
    text, _, found = found_in(path)
    assert_positions(text, found)
    cited = " | ".join(f.citation.text for f in found)
    for n in range(1, 12):
        assert f"f. {n}," not in cited, n
    assert "A/C.1/999" not in cited
    first = found[0]
    assert (first.start.line, first.start.column) == (6, 26)
    assert first.citation.text == RGASPI.replace("-", "–")
    assert text[first.start.offset : first.end.offset] == RGASPI.replace("-", "--")


def test_latex_ibid_across_footnotes(tmp_path: Path) -> None:
    path = tmp_path / "chapter.tex"
    path.write_text(LATEX, "utf-8")
    text, _, found = found_in(path)
    (ibid,) = [f for f in found if f.citation.form == "ibid"]
    assert str(ibid.citation.reference) == "TsAMO, f. 5, op. 918, d. 34, l. 6"
    assert (ibid.start.line, ibid.start.column) == (16, 62)
    assert at(text, ibid.start).startswith("Там же")


def test_latex_escapes_map_to_their_source() -> None:
    text = r"\textit{Pravda}, 5~May 1950: S/RES/82~(1950) \& A/C.1/218, Ha\v{s}ek, \'{E}cole."
    (chunk,) = read_string(text, "latex").chunks
    assert chunk.text == "Pravda, 5 May 1950: S/RES/82 (1950) & A/C.1/218, Hašek, École."
    k = chunk.text.index("&")
    assert chunk.source_span(k, k + 1) == (text.index("\\&"), text.index("\\&") + 2)
    k = chunk.text.index("š")
    assert text[slice(*chunk.source_span(k, k + 1))] == r"\v{s}"
    k = chunk.text.index("É")
    assert text[slice(*chunk.source_span(k, k + 1))] == r"\'{E}"


@pytest.mark.parametrize(
    ("text", "message", "line", "column"),
    [
        ("a\n\\footnote{RGASPI, f. 1", "'{' is never closed", 2, 10),
        ("a }", "'}' closes no brace", 1, 3),
        ("x $a + b\n", "math opened by '\\$' is never closed", 1, 3),
        ("x\n\\begin{verbatim}\nabc", "environment 'verbatim' is never closed", 2, 1),
        ("\\verb|abc\n|", "never closed on its line", 1, 1),
        ("\\[ x", "math '\\\\\\[' is never closed", 1, 1),
    ],
)
def test_latex_errors(text: str, message: str, line: int, column: int) -> None:
    with pytest.raises(ReaderError, match=message) as info:
        read_string(text, "latex", path="ch.tex")
    assert (info.value.line, info.value.column) == (line, column)


@pytest.mark.parametrize(
    ("unit", "closing", "n"),
    [
        ("{", "", 10_000),
        ("{", "}", 5_000),
        ("\\x[", "", 3_300),
        ("\\footnote[", "", 1_000),
        ("\\emph{", "}", 1_600),
        ("%", "", 10_000),
        ("\\'", "", 5_000),
        ("---", "", 3_300),
        ("\\begin{", "", 1_400),
        ("\\\\[", "", 3_300),
        ("\\verb", "", 2_000),
    ],
    ids=repr,
)
def test_latex_linear(unit: str, closing: str, n: int) -> None:
    assert_reads_in_linear_work("latex", lambda k: unit * k + closing * k, n)


# ---------------------------------------------------------------- BibTeX

BIBTEX = r"""% A library exported by Zotero; RGASPI, f. 1, op. 1, d. 1 in a comment
@string{rgaspi = "RGASPI, f. 2, op. 2, d. 2"}
@comment{RGASPI, f. 3, op. 3, d. 3}

@misc{stalin1950,
  title        = {Letter to {Molotov} {\&} Others},
  note         = "RGASPI, f.~558, op.~11, d.~62, ll.~71--72",
  url          = {https://example.org/RGASPI/f.4/op.4/d.4},
  year         = 1950,
}

@report{un1950,
  howpublished = rgaspi # { A/C.1/218},
  addendum     = {S/RES/82 (1950)},
  annotation   = {ЦАМО РФ. Ф. 5. Оп. 918.
                  Д. 34. Л. 5},
}
"""


def test_bibtex_fields_and_positions(tmp_path: Path) -> None:
    path = tmp_path / "library.bib"
    path.write_text(BIBTEX, "utf-8")
    text, doc, found = found_in(path)
    fields = [(c.entry, c.label, c.text) for c in doc.chunks]
    assert fields == [
        ("stalin1950", "title", "Letter to Molotov & Others"),
        ("stalin1950", "note", "RGASPI, f. 558, op. 11, d. 62, ll. 71–72"),
        ("un1950", "howpublished", "A/C.1/218"),
        ("un1950", "addendum", "S/RES/82 (1950)"),
        ("un1950", "annotation", "ЦАМО РФ. Ф. 5. Оп. 918.\n                  Д. 34. Л. 5"),
    ]
    assert_positions(text, found)
    where = {f.citation.text.split(",")[0][:8]: (f.start.line, f.start.column) for f in found}
    assert where["RGASPI"] == (7, 19)
    assert where["A/C.1/21"] == (13, 29)
    assert where["S/RES/82"] == (14, 19)
    assert where["ЦАМО РФ."] == (15, 19)
    cited = " ".join(f.citation.text for f in found)
    for n in range(1, 5):
        assert f"f. {n}," not in cited


@pytest.mark.parametrize(
    ("text", "message", "line", "column"),
    [
        ("@misc{a,\n  note = {RGASPI, {f. 1\n}", "'{' is never closed", 2, 10),
        ('@misc{a,\n  note = "RGASPI', "'\"' is never closed", 2, 10),
        ("@misc{a,\n  note {x}}", "field 'note' has no '='", 2, 3),
        ("@misc{a, note = {x},", "entry is never closed", 1, 1),
        ("@misc{a, note = }", "field 'note' has no value", 1, 17),
    ],
)
def test_bibtex_errors(text: str, message: str, line: int, column: int) -> None:
    with pytest.raises(ReaderError, match=message) as info:
        read_string(text, "bibtex", path="refs.bib")
    assert (info.value.line, info.value.column) == (line, column)


@pytest.mark.parametrize(
    ("head", "unit", "n"),
    [
        ("", "@", 10_000),
        ("", "@misc{", 1_600),
        ("@misc{a, note = {", "{", 10_000),
        ("", '@a{k,n="', 1_200),
    ],
    ids=repr,
)
def test_bibtex_linear(head: str, unit: str, n: int) -> None:
    assert_reads_in_linear_work("bibtex", lambda k: head + unit * k, n)


# ---------------------------------------------------------------- CSL-JSON

CSL_JSON = """[
  {
    "id": "stalin1950",
    "type": "manuscript",
    "title": "Letter to Molotov",
    "archive": "RGASPI",
    "archive_location": "f. 558, op. 11, d. 62, ll. 71\\u201372",
    "note": "RGASPI, f. 558, op. 11, d. 62, ll. 71-72",
    "URL": "https://example.org/RGASPI, f. 1, op. 1, d. 1"
  },
  {"id": 2, "type": "document", "number": "A/C.1/218",
   "author": [{"literal": "Security Council"}], "note": "\\"S/RES/82 (1950)\\""},
  {"id": "tsamo", "note": "ЦАМО РФ. Ф. 5. Оп. 918. Д. 34. Л. 5"}
]
"""


def test_csl_json_values_and_positions(tmp_path: Path) -> None:
    path = tmp_path / "items.json"
    path.write_text(CSL_JSON, "utf-8")
    text, doc, found = found_in(path)
    labels = [(c.entry, c.label) for c in doc.chunks]
    # archive_location is read with its archive, as one chunk: alone, it names no archive
    assert labels == [
        ("stalin1950", "title"),
        ("stalin1950", "archive_location"),
        ("stalin1950", "note"),
        ("2", "number"),
        ("2", "author[0].literal"),
        ("2", "note"),
        ("tsamo", "note"),
    ]
    assert doc.chunks[1].text == "RGASPI, f. 558, op. 11, d. 62, ll. 71–72"
    assert doc.chunks[5].text == '"S/RES/82 (1950)"'
    assert_positions(text, found)
    where = {f.citation.text: (f.start.line, f.start.column) for f in found}
    joined = where["RGASPI, f. 558, op. 11, d. 62, ll. 71–72"]
    assert joined == (6, 17)  # the archive's value starts it
    assert where[RGASPI] == (8, 14)
    assert where["A/C.1/218"] == (11, 44)
    assert where["S/RES/82 (1950)"] == (12, 60)
    assert where[TSAMO] == (13, 28)
    assert not any("f. 1," in f.citation.text for f in found)


@pytest.mark.parametrize(
    ("text", "message", "line", "column"),
    [
        ('[{"note": "x",}]', "expected a string \\(a key\\), found '}'", 1, 15),
        ('[{"note": "x"}', "expected ',' or ']', found the end", 1, 15),
        ('[{"note": "x\ny"}]', "control character U\\+000A", 1, 13),
        ('[\n {"note": "\\q"}]', "invalid escape", 2, 12),
        ('[{"note" "x"}]', "expected ':'", 1, 10),
        ("[1, 2] 3", "unexpected '3' after the data", 1, 8),
        ('[{"note": "x', "string is never closed", 1, 11),
        ("[tru]", "expected a value", 1, 2),
        ("", "expected a value, found the end of the file", 1, 1),
    ],
)
def test_csl_json_errors(text: str, message: str, line: int, column: int) -> None:
    with pytest.raises(ReaderError, match=message) as info:
        read_string(text, "csl-json", path="items.json")
    assert (info.value.line, info.value.column) == (line, column)


def test_csl_json_agrees_with_the_json_module() -> None:
    import json

    data = [{"id": "a", "note": 'q"\\\t\u0416\U0001f600 л', "x": [1.5e3, None, True]}]
    doc = read_string(json.dumps(data), "csl-json")
    assert doc.chunks[0].text == data[0]["note"]
    doc = read_string(json.dumps(data, ensure_ascii=False, indent=2), "csl-json")
    assert doc.chunks[0].text == data[0]["note"]


@pytest.mark.parametrize(
    ("head", "unit", "n"), [("", "[", 10_000), ("", '["\\u', 2_500), ("[", "1,", 5_000)], ids=repr
)
def test_csl_json_linear(head: str, unit: str, n: int) -> None:
    assert_reads_in_linear_work("csl-json", lambda k: head + unit * k, n)


# ---------------------------------------------------------------- DOCX

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def note_ref(n: int) -> str:
    return f'<w:r><w:footnoteReference w:id="{n}"/></w:r>'


def make_docx(path: Path, body: str, footnotes: str | None) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"/>',
        )
        z.writestr(
            "word/document.xml",
            f'<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>',
        )
        if footnotes is not None:
            z.writestr(
                "word/footnotes.xml",
                f'<?xml version="1.0"?><w:footnotes {W}>{footnotes}</w:footnotes>',
            )


DOCX_BODY = (
    f"<w:p>{run('Chapter one')}</w:p>"
    "<w:p/>"
    f"<w:p>{run('The committee (')}{run('A/C.1/218')}{run(') met.')}{note_ref(3)}</w:p>"
    f"<w:p>{run('Stalin wrote.')}{note_ref(2)}"
    f"<w:del><w:r><w:delText>RGASPI, f. 1, op. 1, d. 1</w:delText></w:r></w:del>"
    f"<w:r><w:instrText>RGASPI, f. 2, op. 2, d. 2</w:instrText></w:r></w:p>"
)
DOCX_NOTES = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    f'<w:footnote w:id="2"><w:p>{run(" " + TSAMO + ".")}</w:p></w:footnote>'
    f'<w:footnote w:id="3"><w:p>{run("Text.")}</w:p><w:p>{run(RGASPI)}</w:p></w:footnote>'
    f'<w:footnote w:id="4"><w:p>{run(IBID)}</w:p></w:footnote>'
)


def test_docx_paragraphs_and_footnotes(tmp_path: Path) -> None:
    path = tmp_path / "chapter.docx"
    make_docx(path, DOCX_BODY, DOCX_NOTES)
    doc = read(path)
    assert doc.format == "docx"
    assert doc.text is None
    assert [(c.kind, c.note, c.label, c.text) for c in doc.chunks] == [
        ("body", None, None, "Chapter one"),
        ("body", None, None, "The committee (A/C.1/218) met."),
        ("body", None, None, "Stalin wrote."),
        ("footnote", 1, "3", f"Text.\n{RGASPI}"),
        ("footnote", 2, "2", f"{TSAMO}."),
        ("footnote", 3, "4", IBID),
    ]


def test_docx_positions_are_paragraph_and_character(tmp_path: Path) -> None:
    path = tmp_path / "chapter.docx"
    make_docx(path, DOCX_BODY, DOCX_NOTES)
    found = extract_document(read(path))
    where = {f.citation.text: f.start for f in found}
    assert where["A/C.1/218"] == Position(3, 16, None, "body")
    assert where[RGASPI] == Position(2, 1, None, "footnote 1")
    assert where[TSAMO] == Position(1, 2, None, "footnote 2")
    (ibid,) = [f for f in found if f.citation.form == "ibid"]
    assert ibid.start == Position(1, 1, None, "footnote 3")
    assert str(ibid.citation.reference) == "TsAMO, f. 5, op. 918, d. 34, l. 6"
    assert not any("f. 1," in f.citation.text or "f. 2," in f.citation.text for f in found)


def test_docx_without_footnotes(tmp_path: Path) -> None:
    path = tmp_path / "short.docx"
    make_docx(path, f"<w:p>{run('S/RES/82 (1950)')}</w:p>", None)
    (found,) = extract_document(read(path))
    assert found.start == Position(1, 1, None, "body")
    assert found.end == Position(1, 16, None, "body")


def test_docx_errors(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ReaderError, match="not a zip archive") as info:
        read(path)
    assert str(info.value).startswith(str(path))
    make_docx(path, "<w:p><w:r><w:t>unclosed</w:r></w:p>", None)
    with pytest.raises(ReaderError, match=r"invalid XML in word/document.xml, line 1, column"):
        read(path)
    make_docx(path, "<w:p/>", "<w:footnote>")
    with pytest.raises(ReaderError, match=r"invalid XML in word/footnotes\.xml"):
        read(path)
    import zipfile

    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/other.xml", "<x/>")
    with pytest.raises(ReaderError, match=r"no word/document\.xml"):
        read(path)
    with pytest.raises(ReaderError, match="zip archive, not text"):
        read_string("x", "docx")


def test_docx_corrupt_member(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.docx"
    make_docx(path, f"<w:p>{run(RGASPI * 20)}</w:p>", None)
    data = bytearray(path.read_bytes())
    k = data.index(b"word/document.xml") + len("word/document.xml") + 10
    data[k : k + 20] = b"\x00" * 20  # damage the compressed data
    path.write_bytes(bytes(data))
    with pytest.raises(ReaderError):
        read(path)


def test_plain_text_files_with_any_line_ends_give_the_same_places() -> None:
    from archref.readers.extraction import extract_document

    lf = (
        "See RGASPI, f. 558, op. 11,\nd. 62, l. 71.\n\n"
        "A/C.1/218 and\nTsKhSD, f. 5, op. 28, d. 103, l. 2.\n"
    )
    places = {}
    for name, text in (
        ("lf", lf),
        ("crlf", lf.replace("\n", "\r\n")),
        ("cr", lf.replace("\n", "\r")),
    ):
        doc = read_string(text, "text")
        assert len(doc.chunks) == 2, name
        places[name] = [
            (f.start.line, f.start.column, f.end.line, f.end.column, str(f.citation.reference))
            for f in extract_document(doc)
        ]
    assert places["lf"] == places["crlf"] == places["cr"]
    assert [p[:2] for p in places["cr"]] == [(1, 5), (4, 1), (5, 1)]
