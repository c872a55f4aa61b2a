"""Consistency within a document (ARC501-ARC505): what is reported, the form held
to (preference or majority), and ``fix`` applying it once and for all.

The notes are real citations of the bundled sample
(src/archref/data/sample_footnotes.txt): the NKIDP e-Dossier no. 1 cites
RGASPI both as "RGASPI, f. 558, op. 11, d. 97, ll. 67-70" and as "Russian
State Archive of Socio-Political History (RGASPI), fond 558, opis 11, delo 62,
listy 71-72", and the file TsKhSD, f. 5, op. 28, d. 103 of 1991-1999 is RGANI's
today; "РГАСПИ. Ф. 17. Оп. 162. Д. 7. Л. 99" is from the published Russian
notes on the execution lists. Where a test needs a slip the sources do not
have ("l. 71-72" for a range, a Cyrillic acronym before Latin labels, a
reference without commas), the real citation is altered only there, as said.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from archref.cli import main
from archref.consistency import Preferences, document_diagnostics, preferences
from archref.fixing import fix_file, fix_text
from archref.readers import extract_document, read_string
from archref.reporting import check_files, findings_of


def found(text: str, fmt: str = "text", **prefer: str) -> list[tuple[str, str, str | None]]:
    doc = read_string(text, fmt)  # type: ignore[arg-type]
    return [(f.code, f.text, f.fix) for f in findings_of(doc, prefer=Preferences(**prefer))]


def notes(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


def test_consistent_notes_have_no_finding() -> None:
    text = notes(
        "RGASPI, f. 558, op. 11, d. 97, ll. 67-70.",
        "RGANI, f. 5, op. 49, d. 131, ll. 193-194.",
        "RGASPI, f. 558, op. 11, d. 62, l. 71.",
    )
    assert found(text) == []
    assert fix_text(text, "text").applied == ()


def test_arc501_labels_abbreviated_and_in_full() -> None:
    text = notes(
        "RGASPI, f. 558, op. 11, d. 97, ll. 67-70.",
        "RGANI, f. 5, op. 49, d. 131, ll. 193-194.",
        "Russian State Archive of Socio-Political History (RGASPI), fond 558, opis 11, delo 62,"
        " listy 71-72.",
    )
    assert found(text) == [
        ("ARC501", "fond 558, opis 11, delo 62, listy", "f. 558, op. 11, d. 62, ll.")
    ]
    # the preference wins over the majority
    assert found(text, labels="full") == [
        ("ARC501", "f. 558, op. 11, d. 97, ll.", "fond 558, opis 11, delo 97, listy"),
        ("ARC501", "f. 5, op. 49, d. 131, ll.", "fond 5, opis 49, delo 131, listy"),
    ]


def test_arc501_leaves_cyrillic_labels_alone() -> None:
    text = notes(
        "RGASPI, fond 558, opis 11, delo 62, listy 71-72.", "РГАСПИ. Ф. 17. Оп. 162. Д. 7. Л. 99."
    )
    assert "ARC501" not in [c for c, _, _ in found(text)]


def test_arc502_one_script_for_acronyms() -> None:
    # the second note altered: the acronym left in Cyrillic before Latin labels
    text = notes(
        "RGASPI, f. 558, op. 11, d. 97, ll. 67-70.",
        "РГАСПИ, f. 17, op. 162, d. 7, l. 99.",
        "RGANI, f. 5, op. 49, d. 131, ll. 193-194.",
    )
    assert found(text) == [("ARC502", "РГАСПИ", "RGASPI")]
    assert fix_text(text, "text").text == text.replace("РГАСПИ", "RGASPI")


def test_arc502_a_reference_in_the_other_notation_is_suggested_not_rewritten() -> None:
    text = notes(
        "RGASPI, f. 558, op. 11, d. 97, ll. 67-70.",
        "RGANI, f. 5, op. 49, d. 131, ll. 193-194.",
        "РГАСПИ. Ф. 17. Оп. 162. Д. 7. Л. 99.",
    )
    doc = read_string(text, "text")
    (finding,) = findings_of(doc)
    assert (finding.code, finding.text, finding.fix) == ("ARC502", "РГАСПИ", None)
    assert finding.suggestion == "RGASPI, f. 17, op. 162, d. 7, l. 99"
    # in a Russian text, Cyrillic is the preference
    assert [(c, t) for c, t, _ in found(text, script="cyrillic")] == [
        ("ARC502", "RGASPI"),
        ("ARC502", "RGANI"),
    ]


def test_arc503_one_file_under_two_names() -> None:
    text = notes(
        "RGANI, f. 5, op. 28, d. 103, l. 2.",
        "TsKhSD, f. 5, op. 28, d. 103, l. 3.",
        "RGANI, f. 5, op. 49, d. 131, ll. 193-194.",
    )
    codes = found(text, "text")
    assert ("ARC503", "TsKhSD", "RGANI") in codes
    assert ("ARC102", "TsKhSD", "RGANI") in codes  # the former name, on its own
    # the former name alone, for a file not cited otherwise: no ARC503
    alone = notes("TsKhSD, f. 5, op. 28, d. 103, l. 2.", "RGANI, f. 5, op. 49, d. 131, l. 193.")
    assert "ARC503" not in [c for c, _, _ in found(alone)]


def test_arc504_l_for_a_range() -> None:
    # "ll. 71-72" of the e-Dossier written "l. 71-72"
    text = notes("RGASPI, f. 558, op. 11, d. 62, l. 71-72.", "RGANI, f. 5, op. 28, d. 103, l. 2.")
    assert found(text) == [("ARC504", "l.", "ll.")]
    assert fix_text(text, "text").text == text.replace("l. 71-72", "ll. 71-72")


def test_arc504_ll_for_one_leaf_and_a_house_style_of_l() -> None:
    one = notes(
        "RGASPI, f. 558, op. 11, d. 62, ll. 71.", "RGASPI, f. 558, op. 11, d. 97, ll. 67-70."
    )
    assert found(one) == [("ARC504", "ll.", "l.")]
    house = notes(
        "RGASPI, f. 558, op. 11, d. 62, l. 71-72.",
        "RGASPI, f. 558, op. 11, d. 97, l. 67-70.",
        "RGANI, f. 5, op. 49, d. 131, ll. 193-194.",
    )
    assert found(house) == [("ARC504", "ll.", "l.")]
    assert found(house, leaves="ll.") == [("ARC504", "l.", "ll."), ("ARC504", "l.", "ll.")]


def test_arc505_punctuation_between_levels() -> None:
    # the sample's "RGIA f. 1289 op. 1 d. 30" is written with spaces; the others with commas
    text = notes(
        "RGIA, f. 776, op. 8, d. 2015, l. 3.",
        "RGASPI, f. 558, op. 11, d. 97, ll. 67-70.",
        "RGIA f. 1289 op. 1 d. 30, l. 17.",
    )
    assert found(text) == [("ARC505", " f. 1289 op. 1 d. 30, ", ", f. 1289, op. 1, d. 30, ")]
    # Latin and Cyrillic references are compared apart: GOST writes full stops
    gost = notes(
        "RGASPI, f. 558, op. 11, d. 97, ll. 67-70.", "РГАСПИ. Ф. 17. Оп. 162. Д. 7. Л. 99."
    )
    assert [c for c, _, _ in found(gost, script="latin")] == ["ARC502"]


def test_fix_applies_every_rule_and_a_second_run_changes_nothing(tmp_path: Path) -> None:
    text = (
        "# Korea\n\nStalin's marginalia.[^1] The Politburo.[^2] Khrushchev.[^3] Prague.[^4]\n\n"
        "[^1]: RGASPI, f. 558, op. 11, d. 62, ll. 71-72.\n"
        "[^2]: RGASPI, f. 17, op. 3, d. 1051, l. 44.\n"
        "[^3]: РГАСПИ, f. 17, op. 162, d. 7, l. 99; RGANI, fond 5, opis 28, delo 103, list 2.\n"
        "[^4]: TsKhSD, f. 5, op. 28, d. 103, l. 71-72; RGASPI f. 82 op. 2 d. 1037, l. 5.\n"
    )
    path = tmp_path / "korea.md"
    path.write_bytes(text.encode("utf-8"))
    first = fix_file(path)
    assert sorted({f.code for f in first.applied}) == [
        "ARC102",
        "ARC501",
        "ARC502",
        "ARC504",
        "ARC505",
    ]
    assert path.read_text("utf-8") == (
        "# Korea\n\nStalin's marginalia.[^1] The Politburo.[^2] Khrushchev.[^3] Prague.[^4]\n\n"
        "[^1]: RGASPI, f. 558, op. 11, d. 62, ll. 71-72.\n"
        "[^2]: RGASPI, f. 17, op. 3, d. 1051, l. 44.\n"
        "[^3]: RGASPI, f. 17, op. 162, d. 7, l. 99; RGANI, f. 5, op. 28, d. 103, l. 2.\n"
        "[^4]: RGANI, f. 5, op. 28, d. 103, ll. 71-72; RGASPI, f. 82, op. 2, d. 1037, l. 5.\n"
    )
    assert first.remaining == ()
    before = path.read_bytes()
    second = fix_file(path)
    assert second.applied == () and not second.changed and path.read_bytes() == before
    assert check_files([path]).findings == ()


def test_fix_with_a_preference_is_idempotent_too() -> None:
    text = notes(
        "RGASPI, f. 558, op. 11, d. 97, ll. 67-70.",
        "RGANI, f. 5, op. 49, d. 131, l. 193.",
        "РГАСПИ. Ф. 17. Оп. 162. Д. 7. Л. 99.",
    )
    prefer = Preferences(labels="full", punctuation="space")
    once = fix_text(text, "text", prefer=prefer)
    assert once.text == notes(
        "RGASPI fond 558 opis 11 delo 97 listy 67-70.",
        "RGANI fond 5 opis 49 delo 131 list 193.",
        "РГАСПИ Ф. 17 Оп. 162 Д. 7 Л. 99.",
    )
    twice = fix_text(once.text, "text", prefer=prefer)
    assert twice.applied == () and twice.text == once.text
    # what is left: the Cyrillic acronym, whose reference is in the other notation
    assert [f.code for f in twice.remaining] == ["ARC502"]


def test_only_the_spans_change_in_latex(tmp_path: Path) -> None:
    tex = (
        "Text\\footnote{RGASPI, f. 558, op. 11, d. 62, l. 71--72.} and\n"
        "more\\footnote{RGANI, f. 5, op. 49, d. 131, ll. 193--194.} % RGASPI, fond 1, opis 1\n"
    )
    result = fix_text(tex, "latex")
    assert result.text == tex.replace("l. 71--72", "ll. 71--72")


def test_preferences_from_settings() -> None:
    assert preferences({"labels": "full", "leaves": "l."}) == Preferences(
        labels="full", leaves="l."
    )
    assert preferences(["punctuation=full-stop"]).punctuation == "full-stop"
    with pytest.raises(ValueError, match="unknown preference 'label'; known: labels"):
        preferences(["label=full"])
    with pytest.raises(ValueError, match="KEY=VALUE"):
        preferences(["full"])
    with pytest.raises(ValueError):
        Preferences(script="greek")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        preferences("labels=full")
    with pytest.raises(TypeError, match="Preferences"):
        document_diagnostics([], {"labels": "full"})  # type: ignore[arg-type]


def test_the_command_line_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(
        notes("RGASPI, f. 558, op. 11, d. 97, ll. 67-70.", "RGANI, f. 5, op. 49, d. 131, l. 193."),
        encoding="utf-8",
    )
    assert main(["check", str(path)]) == 0
    capsys.readouterr()
    assert main(["check", str(path), "--prefer", "labels=full", "--fail-on", "info"]) == 1
    out = capsys.readouterr().out
    assert out.count("ARC501 info:") == 2
    assert main(["check", str(path), "--prefer", "labels=long"]) == 2
    assert "error: --prefer: preference 'labels' must be one of" in capsys.readouterr().err
    assert main(["fix", str(path), "--prefer", "labels=full"]) == 0
    assert "fond 558, opis 11, delo 97, listy 67-70" in path.read_text("utf-8")
    # with -j 2 the preference reaches the workers
    other = tmp_path / "other.txt"
    other.write_text("RGASPI, f. 558, op. 11, d. 62, ll. 71-72.\n", encoding="utf-8")
    main(
        ["check", str(path), str(other), "-j", "2", "--prefer", "labels=full", "--fail-on", "never"]
    )
    out = capsys.readouterr().out
    assert f"{other}:1:9: ARC501" in out


def test_extract_document_citations_are_what_the_rules_read() -> None:
    doc = read_string(notes("RGASPI, f. 558, op. 11, d. 62, l. 71-72."), "text")
    ((located, diagnostic),) = document_diagnostics(extract_document(doc))
    assert located.chunk.text[diagnostic.start : diagnostic.end] == diagnostic.text == "l."


def test_arc503_the_full_name_then_the_acronym_is_no_finding() -> None:
    # the e-Dossier's first mention gives the full name, later ones the acronym
    text = notes(
        "Russian State Archive of Socio-Political History (RGASPI), fond 558, opis 11, delo 62,"
        " listy 71-72.",
        "RGASPI, fond 558, opis 11, delo 62, listy 73.",
    )
    assert found(text) == []


# Entries of a bibliography: the archive and the location are fields, which the
# readers join into one reference with a ", " of their own (a seam of the chunk).
# The sample's "RGIA f. 1289 op. 1 d. 30, l. 17" is written with spaces.
BIB = (
    "@misc{rgaspi558_11_97,\n"
    "  archive = {RGASPI},\n"
    "  archive_location = {f. 558, op. 11, d. 97, ll. 67--70},\n"
    "}\n\n"
    "@misc{rgani5_49_131,\n"
    "  archive = {RGANI},\n"
    "  archive_location = {f. 5, op. 49, d. 131, ll. 193--194},\n"
    "}\n\n"
    "@misc{rgia1289_1_30,\n"
    "  archive = {RGIA},\n"
    "  archive_location = {f. 1289 op. 1 d. 30, l. 17},\n"
    "}\n"
)
ITEMS = (
    "[\n"
    '  {"id": "rgaspi558_11_97", "type": "manuscript", "archive": "RGASPI",\n'
    '   "archive_location": "f. 558, op. 11, d. 97, ll. 67–70"},\n'
    '  {"id": "rgani5_49_131", "type": "manuscript", "archive": "RGANI",\n'
    '   "archive_location": "f. 5, op. 49, d. 131, ll. 193–194"},\n'
    '  {"id": "rgia1289_1_30", "type": "manuscript", "archive": "RGIA",\n'
    '   "archive_location": "f. 1289 op. 1 d. 30, l. 17"}\n'
    "]\n"
)


@pytest.mark.parametrize(("fmt", "text"), [("bibtex", BIB), ("csl-json", ITEMS)])
def test_arc505_holds_each_entry_to_the_punctuation_of_its_location(fmt: str, text: str) -> None:
    # The entry that separates its levels by spaces is reported, in its location
    # field alone; the ", " the reader put after each archive field is no one's
    # punctuation, so the entries written with commas are not.
    doc = read_string(text, fmt)  # type: ignore[arg-type]
    (finding,) = findings_of(doc)
    assert (finding.code, finding.text, finding.fix) == (
        "ARC505",
        " op. 1 d. 30, ",
        ", op. 1, d. 30, ",
    )
    line = text.splitlines()[finding.start.line - 1]
    assert line[finding.start.column - 1 :].startswith(" op. 1 d. 30, l. 17")
    assert finding.start.line == finding.end.line
    # fix rewrites the location field only, and a second run changes nothing
    once = fix_text(text, fmt)
    assert once.text == text.replace("f. 1289 op. 1 d. 30", "f. 1289, op. 1, d. 30")
    assert fix_text(once.text, fmt).applied == ()
    # a book whose entries all separate their levels by spaces is consistent: the
    # reader's comma after each archive field does not make them mixed
    spaced = text.replace(", op. ", " op. ").replace(", d. ", " d. ")
    assert [f.code for f in findings_of(read_string(spaced, fmt))] == []  # type: ignore[arg-type]


def test_arc505_counts_the_archive_and_its_levels_written_in_one_field() -> None:
    # one field, written by the author: the gap after the archive's name is theirs
    bib = BIB.replace(
        "  archive = {RGIA},\n  archive_location = {f. 1289 op. 1 d. 30, l. 17},\n",
        "  note = {RGIA f. 1289, op. 1, d. 30, l. 17},\n",
    )
    (finding,) = findings_of(read_string(bib, "bibtex"))
    assert (finding.code, finding.text, finding.fix) == (
        "ARC505",
        " f. 1289, op. 1, d. 30, ",
        ", f. 1289, op. 1, d. 30, ",
    )
