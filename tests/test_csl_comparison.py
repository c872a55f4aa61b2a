"""archref against citeproc-js on the public comparison set, without Node.js.

``tests/data/csl_comparison`` holds 206 CSL-JSON items taken from public test
data (Better BibTeX, jgm/citeproc, Zotero translators; provenance per item),
a sequence of 496 notes citing them, and citeproc-js's output for both in
each of the six supported styles (written by ``bench/compare_citeproc_js.py
--write-expected``). archref renders the same and the number of identical
notes and bibliography entries may not fall below ``baseline.json`` (a
ratchet: after an improvement, record the new figures with
``python tests/test_csl_comparison.py --write-baseline``).
"""

from __future__ import annotations

import itertools
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from archref.formats import SUPPORTED_STYLES, render

DATA = Path(__file__).resolve().parent / "data" / "csl_comparison"
BASELINE = DATA / "baseline.json"


def _load(name: str) -> Any:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def agreement(style: str) -> dict[str, int]:
    """Identical notes and bibliography entries, and their totals, for *style*."""
    items, notes = _load("items.json"), _load("notes.json")
    expected = _load(f"expected/{style}.text.json")
    bibliography = render(items, style, "text")
    rendered = render(items, style, "text", "notes", notes=notes)
    same_bib = (
        sum(a == b for a, b in zip(bibliography, expected["bibliography"], strict=True))
        if len(bibliography) == len(expected["bibliography"])
        else 0
    )
    return {
        "notes": sum(a == b for a, b in zip(rendered, expected["notes"], strict=True)),
        "notes_total": len(expected["notes"]),
        "bibliography": same_bib,
        "bibliography_total": len(expected["bibliography"]),
    }


def test_the_set_is_public_varied_and_traced() -> None:
    items, provenance, notes = _load("items.json"), _load("provenance.json"), _load("notes.json")
    ids = [item["id"] for item in items]
    assert len(ids) >= 150 and len(set(ids)) == len(ids)
    traced = {entry["id"]: entry for entry in provenance}
    assert set(traced) == set(ids)
    for entry in provenance:
        assert entry["repository"] in {
            "retorquere/zotero-better-bibtex",
            "jgm/citeproc",
            "zotero/translators",
        }
        assert len(entry["commit"]) == 40 and entry["path"]
    kinds = Counter(item["type"] for item in items)
    for kind in ("book", "chapter", "article-journal", "thesis", "report", "manuscript"):
        assert kinds[kind] >= 5, kind
    assert kinds["article-newspaper"] and kinds["legal_case"] and kinds["webpage"]
    assert any(len(item.get("author", [])) > 10 for item in items)
    assert any("issued" not in item for item in items)
    # the note sequence: every item cited, ibid. with and without locators, several cites
    cited = [cite["id"] for note in notes for cite in note]
    assert set(cited) == set(ids)
    repeats = [
        (before, after)
        for before, after in itertools.pairwise(notes)
        if len(before) == len(after) == 1 and before[0]["id"] == after[0]["id"]
    ]
    assert any("locator" not in after[0] for _, after in repeats)
    assert any("locator" in after[0] for _, after in repeats)
    assert sum(len(note) > 1 for note in notes) >= 20


@pytest.mark.parametrize("style", SUPPORTED_STYLES)
def test_agreement_with_citeproc_js_does_not_drop(style: str) -> None:
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))["styles"][style]
    found = agreement(style)
    assert found["notes_total"] == baseline["notes_total"]
    assert found["bibliography_total"] == baseline["bibliography_total"]
    assert found["notes"] >= baseline["notes"], f"{style}: fewer notes like citeproc-js's"
    assert found["bibliography"] >= baseline["bibliography"], (
        f"{style}: fewer bibliography entries like citeproc-js's"
    )


def write_baseline() -> None:
    """Record archref's present agreement as the baseline."""
    styles = {style: agreement(style) for style in SUPPORTED_STYLES}
    totals = {
        key: sum(figures[key] for figures in styles.values())
        for key in ("notes", "notes_total", "bibliography", "bibliography_total")
    }
    BASELINE.write_text(
        json.dumps({"styles": styles, "all": totals}, indent=1) + "\n", encoding="utf-8"
    )
    print(json.dumps(totals))


if __name__ == "__main__":
    if sys.argv[1:] == ["--write-baseline"]:
        write_baseline()
    else:
        print("usage: python tests/test_csl_comparison.py --write-baseline", file=sys.stderr)
        sys.exit(2)
