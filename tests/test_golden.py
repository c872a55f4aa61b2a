"""Extraction reproduces the golden file exactly (see ``tests/golden_support.py``)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from golden_support import cases, run_case

CASES = cases()


def _first_difference(expected: list[Any], got: list[Any]) -> str:
    for k, (a, b) in enumerate(zip(expected, got, strict=False)):
        if a != b:
            return (
                f"citation {k} differs:\n"
                f"  expected {json.dumps(a, ensure_ascii=False)[:600]}\n"
                f"  got      {json.dumps(b, ensure_ascii=False)[:600]}"
            )
    return f"{len(expected)} citations expected, {len(got)} found"


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_extraction_matches_the_golden_file(case: dict[str, Any]) -> None:
    got = run_case(case)
    assert got == case["expected"], _first_difference(case["expected"], got)


def test_the_golden_file_covers_every_kind_of_input() -> None:
    names = {c["name"] for c in CASES}
    for needed in ("corpus footnotes", "bundled sample", "bench notes", "English prose"):
        assert needed in names
    assert sum(len(c["expected"]) for c in CASES) > 2500
