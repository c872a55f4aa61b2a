"""``archref check``: files of every format, diagnostics at their line and column, reporters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archref.cli import main

# Real citation strings (the seed footnotes, the corpus): a former archive name
# (TsKhSD is RGANI since 1999), OCR damage in a UK file ("D035" for "DO 35"),
# and a resolution with a date its session rules out.
MARKDOWN = (
    "# Chapter one\n"
    "\n"
    "Stalin's telegram[^1] answered A/RES/112 (II) of 14 November 1952.\n"
    "\n"
    "```\n"
    "TsKhSD, f. 1, op. 1, d. 1, l. 1 (in a code block: not checked)\n"
    "```\n"
    "\n"
    "[^1]: TsKhSD, f. 5, op. 28, d. 103, l. 2.\n"
    "[^2]: Ibid., l. 3.\n"
)
LATEX = (
    "\\begin{document}\n"
    "Text\\footnote{RGASPI, f. 558, op. 11, d. 62, ll. 71--72.} and\n"
    "more\\footnote{Ibid., l.~73.} % TsKhSD, f. 9, op. 9, d. 9 in a comment\n"
    "and [PRO:D035/1000].\n"
    "\\end{document}\n"
)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _at(text: str, line: int, column: int) -> str:
    return text.splitlines()[line - 1][column - 1 :]


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    md = tmp_path / "chapter1.md"
    md.write_text(MARKDOWN, encoding="utf-8")
    tex = tmp_path / "chapter2.tex"
    tex.write_text(LATEX, encoding="utf-8")
    return md, tex


def test_text_report_points_at_each_problem(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    md, tex = files
    status, out, err = run(["check", str(md), str(tex)], capsys)
    assert status == 1  # warnings fail by default
    assert err == ""
    lines = out.splitlines()
    assert lines[-1] == "6 citations in 2 files: 4 warnings, 1 info"
    found = [[*ln.split(": ", 1)[0].rsplit(":", 2), ln.split()[1]] for ln in lines[:-1]]
    by_code = {code: (path, int(line), int(col)) for path, line, col, code in found}
    assert set(by_code) == {"UN209", "ARC102", "ARC203", "ARC201"}
    path, line, col = by_code["UN209"]
    assert path == str(md) and _at(MARKDOWN, line, col).startswith("14 November 1952")
    md_102 = [f for f in found if f[0] == str(md) and f[3] == "ARC102"]
    assert [_at(MARKDOWN, int(f[1]), int(f[2]))[:6] for f in md_102] == ["TsKhSD"]
    tex_102 = [f for f in found if f[0] == str(tex) and f[3] == "ARC102"]
    assert [_at(LATEX, int(f[1]), int(f[2]))[:3] for f in tex_102] == ["PRO"]
    _, line, col = by_code["ARC203"]
    assert _at(LATEX, line, col).startswith("D035/1000")
    assert "[suggestion: TNA, DO 35/1000]" in out


def test_select_ignore_and_fail_on(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    md, tex = files
    status, out, _ = run(["check", str(md), str(tex), "--select", "ARC2"], capsys)
    assert status == 1
    assert {ln.split()[1] for ln in out.splitlines()[:-1]} == {"ARC201", "ARC203"}
    status, out, _ = run(
        ["check", str(md), str(tex), "--ignore", "ARC1,UN", "--ignore", "ARC203"], capsys
    )
    assert status == 0  # ARC201 is info, below the default --fail-on warning
    assert [ln.split()[1] for ln in out.splitlines()[:-1]] == ["ARC201"]
    status, _, _ = run(["check", str(tex), "--select", "ARC201", "--fail-on", "info"], capsys)
    assert status == 1
    status, _, _ = run(["check", str(md), "--fail-on", "never"], capsys)
    assert status == 0
    status, _, err = run(["check", str(md), "--select", "ARX"], capsys)
    assert status == 2 and "no rule code starts with 'ARX'" in err


def test_json_report(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    md, _ = files
    status, out, _ = run(["check", str(md), "--output-format", "json"], capsys)
    assert status == 1
    data = json.loads(out)
    assert data["version"] == 1 and data["tool"]["name"] == "archref"
    findings = data["findings"]
    assert [d["code"] for d in findings] == ["UN209", "ARC102"]
    former = findings[1]
    assert former["text"] == "TsKhSD"
    assert former["reference"] == "RGANI, f. 5, op. 28, d. 103, l. 2"
    assert former["fix"] == "RGANI"
    end = former["end"]
    assert MARKDOWN[former["offset"] : end["offset"]] == "TsKhSD"
    assert (former["line"], end["column"] - former["column"]) == (9, 6)


def test_github_annotations(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    md, _ = files
    _, out, _ = run(["check", str(md), "--output-format", "github"], capsys)
    first, second = out.splitlines()
    assert first.startswith(f"::warning file={md},line=3,col=")
    assert ",title=UN209::dated 1952" in first
    assert second.startswith(f"::warning file={md},line=9,col=7,endColumn=13,title=ARC102::")
    assert second.endswith("(suggestion: RGANI, f. 5, op. 28, d. 103, l. 2)")


def test_sarif_log(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    _, tex = files
    _, out, _ = run(["check", str(tex), "--output-format", "sarif"], capsys)
    log = json.loads(out)
    assert log["version"] == "2.1.0"
    (run_,) = log["runs"]
    rules = run_["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["ARC102", "ARC201", "ARC203"]
    assert rules[2]["defaultConfiguration"] == {"level": "warning"}
    assert rules[1]["defaultConfiguration"] == {"level": "note"}
    results = run_["results"]
    assert {r["ruleId"] for r in results} == {"ARC102", "ARC201", "ARC203"}
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        region = r["locations"][0]["physicalLocation"]["region"]
        line = LATEX.splitlines()[region["startLine"] - 1]
        snippet = line[region["startColumn"] - 1 : region["endColumn"] - 1]
        assert snippet == region["snippet"]["text"]


def test_clean_files_and_unreadable_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "notes.txt"
    good.write_text("RGASPI, f. 558, op. 11, d. 62, ll. 71-72.\n\nS/RES/82 (1950).\n", "utf-8")
    status, out, _ = run(["check", str(good)], capsys)
    assert status == 0
    assert out == "2 citations in 1 file: no problems found\n"
    bad = tmp_path / "broken.tex"
    bad.write_text("\\begin{document}\\footnote{RGASPI, f. 558\n", encoding="utf-8")
    missing = tmp_path / "missing.md"
    status, out, err = run(["check", str(good), str(bad), str(missing)], capsys)
    assert status == 2
    # a run that failed to read files never says "no problems found"
    assert out.endswith("2 citations in 1 file: 2 files could not be read\n")
    assert "no problems found" not in out
    assert f"error: {bad}:" in err and f"error: {missing}: cannot read the file" in err
    status, _, err = run(["check", str(tmp_path / "notes.xyz")], capsys)
    assert status == 2 and "no reader for '.xyz'" in err
