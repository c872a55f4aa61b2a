"""The golden file of extraction: inputs and what ``archref.extract`` found in them.

The file ``tests/data/golden_extract.jsonl`` holds, one case a line, an input
(a whole text, or a sequence of notes) and every citation extracted from it,
in plain data: spans, forms, the reference with every field (archives by id)
and the diagnostics. ``tests/test_golden.py`` extracts again and compares.

Write it again, after a change of results that is meant and explained, with::

    python tests/golden_support.py --write
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "data" / "golden_extract.jsonl"


def plain(value: object) -> Any:
    """A JSON-ready form of an extraction result, every field kept, archives by id."""
    from archref.model import Archive

    if isinstance(value, Archive):
        return {"archive": value.id}
    if attrs.has(type(value)):
        out: dict[str, Any] = {"type": type(value).__name__}
        for field in attrs.fields(type(value)):  # type: ignore[arg-type]
            out[field.name] = plain(getattr(value, field.name))
        return out
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return {"type": type(value).__name__, "repr": repr(value)}


def run_case(case: dict[str, Any]) -> list[Any]:
    """Extract from a case's input as the case says (a whole text, or notes)."""
    from archref import extract, extract_notes

    found = extract_notes(case["notes"]) if case["mode"] == "notes" else extract(case["text"])
    return [plain(c) for c in found]


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(ln) for ln in path.read_text("utf-8").splitlines() if ln.strip()]


def build_cases() -> Iterator[dict[str, Any]]:
    """The inputs: the collected corpus, both seeds, the sample, bench texts, test inputs."""
    root = HERE.parent
    sys.path.insert(0, str(root / "bench"))
    import texts
    from extract_speed import make_notes

    data = HERE / "data"
    yield {
        "name": "corpus footnotes",
        "mode": "notes",
        "notes": [n["text"] for n in _jsonl(data / "footnotes.jsonl")],
    }
    for n, item in enumerate(_jsonl(data / "footnotes.jsonl")):
        yield {"name": f"corpus footnote {n}", "mode": "text", "text": item["text"]}
    yield {
        "name": "corpus footnotes, one text",
        "mode": "text",
        "text": "\n\n".join(n["text"] for n in _jsonl(data / "footnotes.jsonl")),
    }
    yield {
        "name": "corpus UN symbols",
        "mode": "notes",
        "notes": [n["text"] for n in _jsonl(data / "un_symbols.jsonl")],
    }
    for seed in sorted(data.glob("seed_*.txt")):
        yield {"name": seed.stem, "mode": "text", "text": seed.read_text("utf-8")}
    sample = (root / "src" / "archref" / "data" / "sample_footnotes.txt").read_text("utf-8")
    lines = [ln for ln in sample.splitlines() if ln.strip() and not ln.startswith("#")]
    yield {"name": "bundled sample", "mode": "notes", "notes": lines}
    yield {"name": "bundled sample, one text", "mode": "text", "text": sample}
    bench_notes = make_notes(600)
    yield {"name": "bench notes", "mode": "notes", "notes": bench_notes}
    yield {"name": "bench notes, one text", "mode": "text", "text": "\n\n".join(bench_notes)}
    yield {"name": "English prose", "mode": "text", "text": texts.english_prose(40_000)}
    yield {"name": "Russian prose", "mode": "text", "text": texts.russian_prose(40_000)}
    yield {"name": "Markdown book", "mode": "text", "text": texts.book_markdown(120)}
    for name, unit in texts.ADVERSARIAL:
        yield {"name": f"adversarial {name}", "mode": "text", "text": texts.adversarial(unit, 600)}


def write() -> None:
    with GOLDEN.open("w", encoding="utf-8") as out:
        for case in build_cases():
            case["expected"] = run_case(case)
            out.write(json.dumps(case, ensure_ascii=False, sort_keys=True) + "\n")


def cases() -> list[dict[str, Any]]:
    """The stored cases, with their expected citations."""
    return _jsonl(GOLDEN)


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python tests/golden_support.py --write")
    write()
