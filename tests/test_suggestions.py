"""Suggestions, "did you mean ...?": archives the registry does not know, TNA departments not in the
list, UN organs and bodies not in the vocabulary.

The slips are of real names: "RGAPSI" (RGASPI with two letters swapped),
"TsKhDS" (TsKhSD), "PERM" (PREM, the Prime Minister's Office papers, as in
"TNA, PREM 15/442" of the UK notes in src/archref/data/sample_footnotes.txt),
"PRO:PO 371/23461" (the corpus footnote whose "PO" is OCR for "FO"),
"E/CM.4" for the Commission on Human Rights' "E/CN.4".
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import archref
from archref.cli import main
from archref.notations import un
from archref.suggest import archive_names, closest, did_you_mean, edit_distance


def test_unknown_archive_gets_the_registrys_name() -> None:
    (d,) = archref.check("RGAPSI, f. 558, op. 11, d. 62, ll. 71-72")
    assert d.code == "ARC101"
    assert d.message == "archive 'RGAPSI' is not in the registry; did you mean 'RGASPI'?"
    assert d.suggestion == "RGASPI, f. 558, op. 11, d. 62, ll. 71–72"
    (d,) = archref.check("TsKhDS, f. 5, op. 28, d. 103, l. 2")
    assert "did you mean 'TsKhSD'?" in d.message
    # TsKhSD is a former name: the suggestion is the reference as it is cited today
    assert d.suggestion == "RGANI, f. 5, op. 28, d. 103, l. 2"


def test_cyrillic_slips_get_cyrillic_names() -> None:
    assert archive_names("РГАПСИ") == ["РГАСПИ"]
    assert archive_names("ЦХДС") == ["ЦХСД"]


def test_no_guess_for_a_name_like_none() -> None:
    (d,) = archref.check("Личный архив автора. Д. 595. Л. 186–189.")
    assert d.message == "archive 'Личный архив автора' is not in the registry"
    assert d.suggestion is None
    assert archive_names("Stadtarchiv Zittau") == []


def test_an_acronym_before_a_reference_without_an_archive(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("As the file shows (TsKhDS, f. 5, op. 28, d. 103, l. 2).\n", encoding="utf-8")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "ARC103 warning: the reference names no archive; is 'TsKhDS' before it a slip" in out
    assert "[suggestion: RGANI, f. 5, op. 28, d. 103, l. 2]" in out
    # a plain word before the reference is no archive's slip
    path.write_text("In the letter, f. 5, op. 28, d. 103, l. 2.\n", encoding="utf-8")
    main(["check", str(path)])
    out = capsys.readouterr().out
    assert "ARC103" in out and "slip" not in out


def test_tna_department_one_edit_away() -> None:
    (d,) = archref.check("TNA, PERM 15/442")
    assert d.code == "ARC202"
    assert d.message == "department code 'PERM' is not one archref knows; did you mean 'PREM'?"
    assert d.suggestion == "TNA, PREM 15/442"
    codes = {x.code: x for x in archref.check("PRO:PO 371/23461")}
    po = codes["ARC202"]
    # AO, CO, DO, FO, ... (the departments' table): too many to name them all
    assert re.search(
        r"; \d+ known codes are one edit from it: '[A-Z]+', '[A-Z]+', '[A-Z]+', \.\.\.$", po.message
    )
    assert po.suggestion is None  # several fit: none is guessed


def test_un_organ_and_body_suggestions() -> None:
    (d,) = archref.check("E/CM.4/1987/1")
    assert d.code == "UN105" and "did you mean" in d.message and "'CN'" in d.message
    (d,) = archref.check("A/AX.109/1")
    assert d.message == "unknown subsidiary body 'AX.109'; did you mean 'AC'?"
    assert un.validate(un.parse("S/AC.10/S.8/add.1"))  # a one-letter code: no guess
    assert all("did you mean" not in x.message for x in archref.check("S/AC.10/S.8/add.1"))


def test_closest_and_edit_distance() -> None:
    assert edit_distance("RGAPSI", "RGASPI") == 1  # a swap is one edit
    assert edit_distance("GARF", "RGAE", bound=2) == 3
    assert closest("RGNAI", ["RGALI", "RGANI"]) == ["RGANI"]
    assert closest("x", ["a", "b"]) == []
    assert closest("A" * 500, ["A" * 499]) == []  # too long to be a name
    assert did_you_mean(["FO", "HO"]) == "; did you mean 'FO' or 'HO'?"
    with pytest.raises(TypeError):
        closest(None, ["RGASPI"])  # type: ignore[arg-type]
