"""``archref fix``: only the spans a diagnostic knows how to repair, atomically, idempotently."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archref.cli import main
from archref.fixing import fix_file, fix_text, write_atomic

# Real strings: a former archive name in Latin and Cyrillic (TsKhSD/ЦХСД is
# RGANI), UK files damaged by OCR ("[PRO:D035/1000]", "[UKNA: FC0 24/1313]",
# "[UKNA: DEFE 7/ 1726]", "[UKNA: PREM .15/442]") and a UN symbol with a
# letter l for the digit 1 ("A/AC.l09/493").
DAMAGED = [
    ("TsKhSD, f. 5, op. 28, d. 103, l. 2", "RGANI, f. 5, op. 28, d. 103, l. 2"),
    ("ЦХСД. Ф. 5. Оп. 28. Д. 103. Л. 2", "РГАНИ. Ф. 5. Оп. 28. Д. 103. Л. 2"),
    ("[PRO:D035/1000]", "[TNA:DO 35/1000]"),
    ("[UKNA: FC0 24/1313]", "[UKNA: FCO 24/1313]"),
    ("[UKNA: DEFE 7/ 1726]", "[UKNA: DEFE 7/1726]"),
    ("[UKNA: PREM .15/442]", "[UKNA: PREM 15/442]"),
    ("Document A/AC.l09/493", "Document A/AC.109/493"),
    ("(PRO : DO 35 /1089)", "(TNA : DO 35/1089)"),
]


@pytest.mark.parametrize(("before", "after"), DAMAGED)
def test_each_repair_in_the_writers_notation(before: str, after: str) -> None:
    text = f"As the file shows ({before}), the decision was taken.\n"
    result = fix_text(text, "text")
    assert result.text == text.replace(before, after)
    assert fix_text(result.text, "text").applied == ()  # a second run changes nothing


EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_nothing_else_changes() -> None:
    text = (
        "Stalin’s telegram — “urgent” — RGASPI, f.558, op.11, d.62, ll.71-72;\r\n"
        "  Там же. Л. 73.\tS/RES/82 (1950) of 25 June 1950;\r\n"
        "RGIA, f. 1289, op. 1, d. 30, p. 17a.\r\n"
    )
    result = fix_text(text, "text")
    assert result.text == text  # nothing here has an automatic fix
    assert result.applied == ()
    # ARC104 (pages in a foliated file) is only likely, so it is reported, not repaired
    assert [f.code for f in result.remaining] == ["ARC104"]


def test_spans_with_markup_or_escapes_are_left_alone() -> None:
    latex = (
        "\\begin{document}\n"
        "Text\\footnote{Ts\\-KhSD, f. 5, op. 28, d. 103, l. 2.}\n"
        "\\end{document}\n"
    )
    result = fix_text(latex, "latex")
    assert result.text == latex
    assert [f.code for f in result.remaining] == ["ARC102"]


def test_markdown_footnotes_latex_and_bibtex(tmp_path: Path) -> None:
    md = tmp_path / "chapter.md"
    md.write_text("Text.[^1]\n\n[^1]: TsKhSD, f. 5, op. 28, d. 103, l. 2.\n", encoding="utf-8")
    tex = tmp_path / "chapter.tex"
    tex.write_text(
        "\\begin{document}\nSee\\footnote{[UKNA: FC0 24/1313].} % FC0 in a comment\n"
        "\\end{document}\n",
        encoding="utf-8",
    )
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "@misc{rgani,\n  note = {TsKhSD, f. 5, op. 28, d. 103},\n  title = {TsKhSD files}\n}\n",
        encoding="utf-8",
    )
    assert [f.code for f in fix_file(md).applied] == ["ARC102"]
    assert md.read_text("utf-8").endswith("[^1]: RGANI, f. 5, op. 28, d. 103, l. 2.\n")
    fix_file(tex)
    assert "{[UKNA: FCO 24/1313].} % FC0 in a comment" in tex.read_text("utf-8")
    fix_file(bib)
    assert bib.read_text("utf-8") == (
        "@misc{rgani,\n  note = {RGANI, f. 5, op. 28, d. 103},\n  title = {TsKhSD files}\n}\n"
    )


def test_bom_line_endings_and_mode_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    original = "\ufeffTsKhSD, f. 5, op. 28, d. 103, l. 2.\r\n\r\nEnd.\r\n"
    path.write_bytes(original.encode("utf-8"))
    os.chmod(path, 0o640)
    fix_file(path)
    assert path.read_bytes() == original.replace("TsKhSD", "RGANI").encode("utf-8")
    assert path.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]  # no temporary file left


def test_write_atomic_leaves_the_old_file_on_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("old", encoding="utf-8")

    def fail(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(path, b"new")
    assert path.read_text("utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]  # the temporary file is gone


def test_select_and_ignore() -> None:
    text = "[PRO:D035/1000] and TsKhSD, f. 5, op. 28, d. 103, l. 2."
    only_tna = fix_text(text, "text", codes=["ARC203", "ARC201"])
    assert only_tna.text == "[PRO:DO 35/1000] and TsKhSD, f. 5, op. 28, d. 103, l. 2."
    assert only_tna.remaining == ()  # findings of other rules are not asked for
    rest = fix_text(only_tna.text, "text")
    assert [f.code for f in rest.applied] == ["ARC102", "ARC102"]


def test_cli_fix_diff_and_exit_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "notes.md"
    text = "Ibid., l. 5.\n\n[UKNA: FC0 24/1313]\n"
    path.write_text(text, encoding="utf-8")
    assert main(["fix", str(path), "--diff"]) == 1  # ARC010 cannot be fixed
    out, err = capsys.readouterr()
    assert "-[UKNA: FC0 24/1313]\n+[UKNA: FCO 24/1313]\n" in out
    assert "1 problem to fix in 1 file; 1 problem left" in err
    assert path.read_text("utf-8") == text  # --diff writes nothing
    assert main(["fix", str(path), "--ignore", "ARC010"]) == 0
    out, _ = capsys.readouterr()
    assert f"{path}:3:8: ARC203 fixed: 'FC0' -> 'FCO'" in out
    assert path.read_text("utf-8") == text.replace("FC0", "FCO")
    assert main(["fix", str(path), "--ignore", "ARC010"]) == 0
    out, _ = capsys.readouterr()
    assert out == "0 problems fixed in 0 files; 0 problems left without an automatic fix\n"
    docx = tmp_path / "book.docx"
    docx.write_bytes(b"PK")
    assert main(["fix", str(docx)]) == 2
    assert f"error: {docx}: not a .docx" in capsys.readouterr().err


def test_fix_reads_a_word_file_and_leaves_it_as_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # archref does not write Word files: fix lists their findings among those left
    # without an automatic fix, so that `archref fix .` serves a book with a .docx.
    book = tmp_path / "book"
    shutil.copytree(EXAMPLES / "book", book)
    docx = book / "appendix" / "documents.docx"
    before = docx.read_bytes()
    status = main(["fix", str(docx), "--isolated"])
    out = capsys.readouterr().out
    assert status == 1  # the appendix's former names are warnings, and none is fixed
    assert f"{docx}:1:8: (footnote 5) ARC201 info:" in out
    assert f"{docx}:1:2: (footnote 5) ARC102 warning: PRO (1838-2003)" in out
    assert out.endswith("0 problems fixed in 0 files; 3 problems left without an automatic fix\n")
    assert docx.read_bytes() == before
    # in a folder, with the book's settings: the other files are fixed, the Word file read
    status = main(["fix", str(book)])
    out = capsys.readouterr().out
    assert status == 1 and "documents.docx:1:9: (endnote 1) ARC501 info" in out
    assert docx.read_bytes() == before
    assert "problems fixed in 3 files" in out


def test_fix_as_a_filter_hands_a_word_file_on_unchanged(tmp_path: Path) -> None:
    # `fix --from docx -` reads standard input as a Word file, reports what it finds on
    # standard error and writes the same bytes to standard output: a filter in a pipe
    # loses nothing, though it repairs nothing in a Word file
    docx = (EXAMPLES / "book" / "appendix" / "documents.docx").read_bytes()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        [sys.executable, "-m", "archref", "fix", "--isolated", "--from", "docx", "-"],
        input=docx,
        capture_output=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert done.stdout == docx
    err = done.stderr.decode("utf-8")
    assert "<stdin>:1:2: (footnote 5) ARC102 warning: PRO (1838-2003)" in err
    assert err.endswith("0 problems fixed in 0 files; 3 problems left without an automatic fix\n")
    # what is not a Word file is refused with the reader's message, and nothing is written
    done = subprocess.run(
        [sys.executable, "-m", "archref", "fix", "--isolated", "--from", "docx", "-"],
        input=b"RGASPI, f. 558\n",
        capture_output=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 2 and done.stdout == b""
    assert "error: <stdin>: not a .docx: not a zip archive" in done.stderr.decode("utf-8")


REPAIRS = {
    ("TsKhSD", "RGANI"),
    ("ЦХСД", "РГАНИ"),
    ("PRO", "TNA"),
    ("D0", "DO"),
    ("DO35", "DO 35"),
    ("FC0", "FCO"),
    ("/ ", "/"),
    (" /", "/"),
    (" .", " "),
    ("AC.l09", "AC.109"),
}
PIECES = st.sampled_from(
    [d[0] for d in DAMAGED]
    + ["RGASPI, f. 558, op. 11, d. 62, ll. 71-72", "Ibid., l. 3", "A/C.1/218", " ", "; ", "\n"]
    + ["Там же. Л. 5.", "See ", "(", ")", "FO 371/84053", "«", "»"]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(PIECES, max_size=12))
def test_fixing_is_idempotent_and_touches_only_diagnostic_spans(pieces: list[str]) -> None:
    text = "".join(pieces)
    once = fix_text(text, "text")
    assert fix_text(once.text, "text").text == once.text
    # every change is one of the known repairs, and nothing else moved
    assert {(f.old, f.new) for f in once.applied} <= REPAIRS
    assert len(once.text) - len(text) == sum(len(f.new) - len(f.old) for f in once.applied)


def test_cli_fix_as_a_filter(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.StringIO("ЦХСД. Ф. 5. Оп. 28. Д. 103. Л. 2.\n"))
    assert main(["fix", "-"]) == 0
    out, err = capsys.readouterr()
    assert out == "РГАНИ. Ф. 5. Оп. 28. Д. 103. Л. 2.\n"
    assert "<stdin>:1:1: ARC102 fixed: 'ЦХСД' -> 'РГАНИ'" in err
