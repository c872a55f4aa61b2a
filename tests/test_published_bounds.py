"""The finder of published works does bounded work: counted in reader attempts, not time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archref.notations.published import CreditMatch, PublishedMatch, find
from archref.notations.published.anchors import (
    ANCHOR,
    MAX_ATTEMPT_TOKENS,
    REACH_AFTER,
    REACH_BEFORE,
    anchors,
)
from archref.notations.published.finder import reader_attempts

DATA = Path(__file__).parent / "data"

ADVERSARIAL = ['"A," in ', "Moscow, 1995. ", "pp. 1-2, ", "Иванов И. И. // "]


def _notes() -> list[str]:
    lines = (DATA / "footnotes.jsonl").read_text("utf-8").splitlines()
    notes = [json.loads(ln)["text"] for ln in lines if ln.strip()]
    seeds = [p.read_text("utf-8") for p in sorted(DATA.glob("seed_*.txt"))]
    return notes + seeds


def test_no_anchor_no_attempt() -> None:
    prose = (
        "The committee met again after the war; its members argued (at length) about "
        "the archives. Nobody wrote anything down. See the minutes: they are lost.\n"
    ) * 200
    assert anchors(prose) == []
    assert reader_attempts(prose) == 0
    assert find(prose) == []


@pytest.mark.parametrize("unit", ADVERSARIAL)
def test_attempts_grow_linearly(unit: str) -> None:
    small = reader_attempts(unit * 200)
    large = reader_attempts(unit * 2000)
    assert large <= 11 * max(small, 1)


@pytest.mark.parametrize("unit", ADVERSARIAL)
def test_attempts_at_most_one_per_token(unit: str) -> None:
    text = unit * 500
    # every token is tried at most once, whatever the input
    assert reader_attempts(text) <= len(text.split()) * 4


def test_the_attempt_bound_is_generous() -> None:
    # the longest publication of the corpus is far inside one attempt's reach
    longest = max(
        (m.end - m.start for note in _notes() for m in find(note) if isinstance(m, PublishedMatch)),
        default=0,
    )
    assert 0 < longest < REACH_BEFORE / 3
    assert MAX_ATTEMPT_TOKENS >= 100


def test_every_work_found_is_within_reach_of_an_anchor() -> None:
    texts = [*_notes(), *(unit * 50 for unit in ADVERSARIAL)]
    checked = 0
    for text in texts:
        spans = anchors(text)
        assert spans == [m.span() for m in ANCHOR.finditer(text)]
        for m in find(text):
            assert isinstance(m, PublishedMatch | CreditMatch)
            near = [
                (a, b) for a, b in spans if a - REACH_BEFORE <= m.start and m.end <= b + REACH_AFTER
            ]
            assert near, text[m.start : m.end]
            checked += 1
    assert checked > 100
