"""The CSL test-suite as a ratchet: what archref passes may only grow.

Runs ``bench/csl_suite.py`` on a local copy of the CSL test-suite
(https://github.com/citation-style-language/test-suite, commit 13724f9) and
compares the result with ``bench/csl_suite_baseline.json``: no fixture
archref passed may fail, no fixture stock citeproc-py passes may fail with
archref, and the number passed may not fall below the recorded count. The
copy is found through ``ARCHREF_CSL_TEST_SUITE`` or in
``bench/csl-test-suite``; without one the test is skipped with the reason
(the suite is not part of archref and nothing is downloaded).
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _suite_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("csl_suite", BENCH / "csl_suite.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("csl_suite", module)
    spec.loader.exec_module(module)
    return module


def _suite_path() -> Path | None:
    given = os.environ.get("ARCHREF_CSL_TEST_SUITE")
    candidates = [Path(given)] if given else []
    candidates.append(BENCH / "csl-test-suite")
    for path in candidates:
        if (path / "processor-tests" / "humans").is_dir() or path.name == "humans":
            return path
    return None


def test_baseline_is_consistent() -> None:
    recorded = _suite_module().baseline()
    assert recorded["fixtures"] - len(recorded["archref_fails"]) == recorded["archref"]
    assert recorded["archref"] >= 760
    assert recorded["archref_fails"] == sorted(recorded["archref_fails"])


def test_check_reports_what_went_backwards() -> None:
    suite = _suite_module()
    recorded = {"archref": 2, "archref_fails": ["b_Known"]}
    assert suite.check({"a_One": (True, True), "b_Known": (False, False)}, recorded) == [
        "archref passes 1, below the recorded 2"
    ]
    problems = suite.check({"a_One": (False, True), "c_New": (False, False)}, recorded)
    assert problems == [
        "a_One: stock citeproc-py passes it, archref fails",
        "c_New: passed before, fails now",
        "archref passes 0, below the recorded 2",
    ]


def test_suite_does_not_go_backwards() -> None:
    path = _suite_path()
    if path is None:
        pytest.skip(
            "no local copy of the CSL test-suite: set ARCHREF_CSL_TEST_SUITE or clone "
            "citation-style-language/test-suite (commit 13724f9) into bench/csl-test-suite"
        )
    suite = _suite_module()
    recorded = suite.baseline()
    results = suite.run(path)
    assert len(results) == recorded["fixtures"], "not the suite's commit the baseline records"
    assert suite.check(results, recorded) == []
