"""Every UN symbol of the corpus (tests/data/un_symbols.jsonl, real strings as written in their
sources) is parsed, split into its several symbols, or reported with a diagnostic."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

import archref
from archref import ParseError
from archref.notations import un

CORPUS = [
    json.loads(line)
    for line in (Path(__file__).parent / "data" / "un_symbols.jsonl")
    .read_text("utf-8")
    .splitlines()
    if line.strip()
]


def outcome(text: str) -> str:
    """clean | flagged | split | found | rejected."""
    try:
        symbol = un.parse(text)
    except ParseError:
        matches = un.find(text, strict=False)
        if len(matches) > 1:
            return "split"
        return "found" if matches else "rejected"
    return "flagged" if un.validate(symbol) else "clean"


def test_corpus_size() -> None:
    assert len(CORPUS) == 215


@pytest.mark.parametrize("row", CORPUS, ids=[r["text"] for r in CORPUS])
def test_each_symbol_is_accounted_for(row: dict[str, str]) -> None:
    text = row["text"]
    try:
        symbol = un.parse(text)
    except ParseError as err:
        assert err.message  # the reason is given...
        matches = un.find(text, strict=False)
        assert matches, f"{text!r}: {err}"  # ...and the symbols in it are found
        for m in matches:
            assert text[m.start : m.end] == m.text
        return
    # what parses round-trips, and archref.parse finds the same symbol
    assert un.parse(str(symbol)) == symbol
    assert archref.parse(text) == symbol
    for d in un.validate(symbol):
        assert d.code in un.RULES
        assert d.message
        assert text[d.start : d.end] == d.text


def test_corpus_summary_stated_in_the_docs() -> None:
    counts = Counter(outcome(row["text"]) for row in CORPUS)
    assert counts == {"clean": 173, "flagged": 24, "split": 13, "found": 5}
    page = (Path(__file__).parents[1] / "docs" / "un-symbols.md").read_text("utf-8")
    assert "173 of the 215" in page


def test_damaged_symbols_of_the_corpus_are_reported() -> None:
    damaged = [row["text"] for row in CORPUS if row.get("note") == "OCR-damaged"]
    assert len(damaged) == 10
    for text in damaged:
        assert outcome(text) == "flagged", text
