"""archref's output against citeproc-js, the reference CSL processor.

Renders the comparison set (archival, UN and published items) with each
supported style through both and requires identical output, apart from the
differences documented in docs/formatting.md. Needs Node.js; installs the
pinned citeproc-js into bench/oracle with ``npm ci`` when it is missing.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

from archref.formats import render

BENCH = Path(__file__).resolve().parent.parent / "bench"

# (style, note index) of notes where archref and citeproc-js are known to
# differ; none at present (see docs/formatting.md).
KNOWN_DIFFERENCES: set[tuple[str, int]] = set()


def _compare_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "compare_citeproc_js", BENCH / "compare_citeproc_js.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("compare_citeproc_js", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def oracle() -> ModuleType:
    if shutil.which("node") is None:
        pytest.skip("Node.js is not installed: cannot run citeproc-js for the comparison")
    module = _compare_module()
    try:
        module.ensure_oracle()
    except module.OracleUnavailable as error:
        pytest.skip(f"citeproc-js unavailable: {error}")
    return module


@pytest.mark.parametrize("output", ["text", "html"])
@pytest.mark.parametrize(
    "style",
    [
        "chicago-notes-bibliography",
        "chicago-notes-bibliography-subsequent-ibid",
        "chicago-shortened-notes-bibliography",
        "chicago-author-date",
        "mhra-notes",
        "apa",
        "modern-language-association",
    ],
)
def test_same_output_as_citeproc_js(oracle: ModuleType, style: str, output: str) -> None:
    items = oracle.load_items()
    notes = oracle.note_sequence(items)
    expected = oracle.citeproc_js(items, style, output=output, notes=notes)
    assert render(items, style, output) == expected["bibliography"]  # type: ignore[arg-type]
    ours = render(items, style, output, "notes", notes=notes)  # type: ignore[arg-type]
    assert len(ours) == len(expected["notes"])
    for index, (mine, theirs) in enumerate(zip(ours, expected["notes"], strict=True)):
        if (style, index) in KNOWN_DIFFERENCES:
            assert mine != theirs, (
                "a known difference is gone: update KNOWN_DIFFERENCES and the docs"
            )
        else:
            assert mine == theirs, f"note {index + 1}"
