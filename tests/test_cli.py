"""The command line: parse, --json, --style, stdin, demo, exit codes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from archref.cli import main, sample_lines


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out = capsys.readouterr()
    return status, out.out, out.err


def test_parse_prints_the_canonical_form(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(["parse", "TsKhSD, f. 5, op. 28, d. 103, l. 2"], capsys)
    assert status == 0 and err == ""
    assert out == "RGANI, f. 5, op. 28, d. 103, l. 2\n"


def test_parse_in_another_style(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        ["parse", "--style", "ru", "RGASPI, f. 558, op. 11, d. 62, ll. 71-72"], capsys
    )
    assert status == 0
    assert out == "РГАСПИ. Ф. 558. Оп. 11. Д. 62. Л. 71–72\n"


def test_parse_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["parse", "--json", "AVPRF, Fond 059a, Opis 5a, Delo 4, Papka 11"], capsys)
    assert status == 0
    data = json.loads(out)
    ref = data["reference"]
    assert ref["archive"]["id"] == "AVPRF"
    assert (ref["fond"], ref["opis"], ref["delo"], ref["papka"]) == ("059a", "5a", "4", "11")


def test_errors_go_to_stderr_with_position_and_exit_1(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(
        ["parse", "RGASPI, f. 558, op. 11, d. 62, ll. 71-72", "RGASPI, f. 558, op."], capsys
    )
    assert status == 1
    assert out == "RGASPI, f. 558, op. 11, d. 62, ll. 71–72\n"
    assert err.startswith("<arg 2>:17: error: expected an identifier after 'op.'")


def test_json_error_objects(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["parse", "--json", "hello"], capsys)
    assert status == 1
    error = json.loads(out)["error"]
    assert error["column"] == 1 and "no fond" in error["message"]


def test_stdin_one_reference_per_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("РГАНИ. Ф.2. Оп.1. Д.224. Л.70.\n\nnot one\n"))
    status, out, err = run(["parse"], capsys)
    assert status == 1
    assert out == "RGANI, f. 2, op. 1, d. 224, l. 70\n"
    assert err.startswith("<stdin>:3:1: error:")


def test_demo_extracts_from_the_bundled_sample(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["demo"], capsys)
    assert status == 0
    lines = sample_lines()
    assert len(lines) >= 15
    assert f"in {len(lines)} sample footnotes" in out
    rows = [ln.split() for ln in out.splitlines()]
    # the former name TsKhSD is resolved, and flagged with its current name
    assert any(r[-1:] == ["ARC102"] and "RGANI," in r for r in rows)
    assert "suggestion: RGANI, f. 5, op. 28, d. 103, l. 2" in out
    # "Там же" is resolved against the note before it
    assert any(r[2:4] == ["ibid", "archival"] for r in rows)
    # UN symbols from the prose notes, a range expanded
    assert "S/9696/Corr.2" in out and "A/C.1/229" in out


def test_usage_error_exits_2() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "archref", "parse", "--style", "klingon", "x"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "invalid choice" in proc.stderr


NOTE = (
    "Stalin's telegram (RGASPI, f. 558, op. 11, d. 62, ll. 71-72) followed A/RES/112(II); "
    "TsKhSD, f. 5, op. 28, d. 103, l. 2."
)


def test_format_text_to_csl_json(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(NOTE))
    status, out, _ = run(["format", "-", "--to", "csl-json"], capsys)
    assert status == 0
    items = json.loads(out)
    assert [i["id"] for i in items] == ["RGASPI-558-11-62", "A-RES-112-II", "RGANI-5-28-103"]
    assert items[0]["archive_location"] == "f. 558, op. 11, d. 62"
    assert items[0]["archive-place"] == "Moscow"


def test_format_round_trips_through_csl_json_and_biblatex(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "notes.txt"
    source.write_text(NOTE, encoding="utf-8")
    status, out, _ = run(["format", str(source), "--to", "csl-json"], capsys)
    assert status == 0
    csl = tmp_path / "refs.json"
    csl.write_text(out, encoding="utf-8")
    status, bib, _ = run(["format", str(csl), "--to", "biblatex"], capsys)
    assert status == 0
    assert "@misc{RGASPI-558-11-62," in bib and "entrysubtype = {archival}" in bib
    bibfile = tmp_path / "refs.bib"
    bibfile.write_text(bib, encoding="utf-8")
    status, again, _ = run(["format", str(bibfile), "--to", "csl-json"], capsys)
    assert status == 0
    assert {i["id"] for i in json.loads(again)} >= {"RGASPI-558-11-62", "RGANI-5-28-103"}


def test_format_renders_a_chicago_bibliography(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "notes.txt"
    source.write_text(NOTE, encoding="utf-8")
    status, out, _ = run(
        ["format", str(source), "--style", "chicago", "--archives", "entries"], capsys
    )
    assert status == 0
    lines = out.splitlines()
    assert len(lines) == 3
    assert any("Russian State Archive of Socio-Political History, Moscow" in ln for ln in lines)
    assert any("Russian State Archive of Contemporary History" in ln for ln in lines)


def test_format_groups_archival_sources_by_archive_and_fond(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "notes.txt"
    source.write_text(
        NOTE + " RGASPI, f. 17, op. 162, d. 7, l. 99. Ibid., l. 100. RGASPI, f. 558, op. 11, "
        "d. 97, ll. 67-70.",
        encoding="utf-8",
    )
    status, out, _ = run(["format", str(source)], capsys)
    assert status == 0
    assert out.splitlines() == [
        "Archival sources",
        "",
        "Russian State Archive of Contemporary History (RGANI), Moscow",
        "    f. 5, op. 28",
        "Russian State Archive of Socio-Political History (RGASPI), Moscow",
        "    f. 17, op. 162",
        "    f. 558, op. 11",
        "",
        "Published sources",
        "",
        "United Nations General Assembly. Resolution 112 (II). A/RES/112(II). United Nations, "
        "n.d. https://undocs.org/A/RES/112(II).",
    ]
    status, md, _ = run(["format", str(source), "--to", "markdown", "--notation", "ru"], capsys)
    assert status == 0
    assert md.startswith("## Archival sources\n\n- Российский государственный архив новейшей")
    assert "    - Ф. 558. Оп. 11\n" in md
    assert "## Published sources" in md


def test_format_reports_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[{", encoding="utf-8")
    status, _, err = run(["format", str(bad)], capsys)
    assert status == 1
    assert "not CSL-JSON" in err and "no references found" in err
    status, _, err = run(["format", str(tmp_path / "missing.txt")], capsys)
    assert status == 2 and "missing.txt: error:" in err


def test_format_options_for_zotero_acronyms_and_biblatex_mla(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "notes.txt"
    source.write_text(NOTE, encoding="utf-8")
    status, out, _ = run(
        ["format", str(source), "--to", "csl-json", "--zotero", "--archive-name", "acronym"],
        capsys,
    )
    assert status == 0
    first = json.loads(out)[0]
    assert first["archive"] == "RGASPI"
    assert "archive-place" not in first
    assert "archive-place: Moscow" in first["note"]
    status, bib, _ = run(["format", str(source), "--to", "biblatex", "--convention", "mla"], capsys)
    assert status == 0
    assert "@unpublished{RGASPI-558-11-62," in bib
    assert "library = {Russian State Archive of Socio-Political History}" in bib
