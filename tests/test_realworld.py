"""archref measured on the real-world development set (``tests/data/realworld/``).

The set is hundreds of real notes, each with its public source address, whose
archival references (and UN document symbols) were annotated by hand; see
``tests/data/realworld/README.md`` for how it was built and what counts as a
hit. This module extracts from every note with :func:`archref.extract`, matches
what it found to what a reader finds, and computes per family:

* **recall**: expected references found with the archive and every main level
  right;
* **precision**: found references that match an expected one, over all found
  references (a found reference that matches nothing expected is a false
  positive: an invented reference, or a real one read wrong);
* **folios**: of the hits where either side names leaves or pages, the share
  whose leaves or pages are right.

The figures are a ratchet: the test fails when one drops below the figure
recorded in ``tests/data/realworld/baseline.json``. After an improvement (or
after adding notes, which moves every figure), record the current figures
with::

    python tests/test_realworld.py --write-baseline

which also rewrites the table in ``docs/realworld.md``. ``python
tests/test_realworld.py`` alone prints the table and, with ``--misses``, every
note that is not read right.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "realworld"
NOTES = DATA / "notes.jsonl"
BASELINE = DATA / "baseline.json"
DOC = HERE.parent / "docs" / "realworld.md"

#: The families, in the order of the table; "prose" holds notes that cite no
#: archive at all (years, pages, issue numbers...), kept for precision.
FAMILIES = ("fond", "us", "uk", "de", "un", "other", "prose")
FIGURES = ("recall", "precision", "folios")
DOC_BEGIN = "<!-- realworld:table -->"
DOC_END = "<!-- /realworld:table -->"

# --- normalisation -----------------------------------------------------------

#: Cyrillic letters as Latin, so that "Р-9401" and "R-9401", "5-ос" and
#: "5-os" compare equal (the scholarly transliteration, one letter each where
#: identifiers use them).
_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў",
        [
            "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o",
            "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e",
            "iu", "ia", "i", "i", "e", "g", "u",
        ],
        strict=True,
    )
)  # fmt: skip
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")


def norm(value: str) -> str:
    """An identifier compared without case, spaces, dash kind or script.

    >>> norm("Р-9401") == norm("R-9401"), norm("64 D 563") == norm("64D563")
    (True, True)
    >>> norm("H–209"), norm("5-ос")
    ('h-209', '5-os')
    """
    text = unicodedata.normalize("NFKC", value).translate(_DASHES).casefold()
    text = "".join(_CYRILLIC.get(ch, ch) for ch in text)
    return re.sub(r"\s+", "", text).rstrip(".")


_VERSO = re.compile(r"(?<=\d)(?:ob|v|verso|об)\.?", re.IGNORECASE)


def norm_folios(value: str | None) -> str | None:
    """Leaves or pages compared as ranges: "71–72, 75 об." is "71-72,75ob".

    >>> norm_folios("102-102ob."), norm_folios("71 – 72, 75 об.")
    ('102-102ob', '71-72,75ob')
    """
    if value is None:
        return None
    text = unicodedata.normalize("NFKC", value).translate(_DASHES).casefold()
    text = re.sub(r"\s+", "", text)
    return _VERSO.sub("ob", text).rstrip(".") or None


# --- the data ------------------------------------------------------------------


def load_notes(path: Path = NOTES) -> list[dict[str, Any]]:
    """The notes, one JSON object a line."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


# --- matching ------------------------------------------------------------------


@dataclass
class NoteResult:
    """What was expected in one note, what was found, and what matched."""

    note: dict[str, Any]
    found: list[Any]
    hits: list[tuple[dict[str, Any], Any]] = field(default_factory=list)
    missed: list[dict[str, Any]] = field(default_factory=list)
    false_positives: list[Any] = field(default_factory=list)


def _found_references(text: str) -> list[Any]:
    """The archival references and UN symbols ``archref.extract`` finds in a note."""
    import archref

    return [
        c.reference
        for c in archref.extract(text)
        if isinstance(c.reference, archref.ArchivalReference | archref.UNSymbol)
    ]


def _is_hit(expected: dict[str, Any], found: Any, registry: Any) -> bool:
    """True when ``found`` is the expected reference: archive and main levels right."""
    import archref

    if "un" in expected:
        return isinstance(found, archref.UNSymbol) and norm(str(found)) == norm(expected["un"])
    if not isinstance(found, archref.ArchivalReference):
        return False
    if expected["archive"] is None:  # no archive named, and none a reader can infer
        if found.archive is not None or found.archive_as_cited is not None:
            return False
    else:
        archive = registry.get(expected["archive"])
        if archive is None or found.archive is None or archive.id != found.archive.id:
            return False
    wanted: dict[str, Counter[str]] = {}
    for kind, value in expected["levels"]:
        wanted.setdefault(kind, Counter())[norm(value)] += 1
    got: dict[str, Counter[str]] = {}
    for level in found.levels:
        got.setdefault(level.kind, Counter())[norm(level.value)] += 1
    return all(got.get(kind, Counter()) == values for kind, values in wanted.items())


def match_note(note: dict[str, Any], found: Sequence[Any], registry: Any) -> NoteResult:
    """Pair expected and found references in order, each used at most once."""
    result = NoteResult(note, list(found))
    free = list(found)
    for expected in note["refs"]:
        for k, candidate in enumerate(free):
            if _is_hit(expected, candidate, registry):
                result.hits.append((expected, candidate))
                del free[k]
                break
        else:
            result.missed.append(expected)
    result.false_positives = free
    return result


def _folios_of(found: Any) -> str | None:
    folios = getattr(found, "folios", None)
    return None if folios is None else str(folios)


def folios_right(expected: dict[str, Any], found: Any) -> bool | None:
    """Whether a hit's leaves or pages are right; ``None`` when neither side has any."""
    want = norm_folios(expected.get("folios"))
    got = norm_folios(_folios_of(found))
    if want is None and got is None:
        return None
    return want == got


def run(notes: Iterable[dict[str, Any]]) -> list[NoteResult]:
    """Extract from every note and match."""
    import archref

    registry = archref.default_registry()
    return [match_note(n, _found_references(n["text"]), registry) for n in notes]


# --- figures -------------------------------------------------------------------


def _ratio(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 4) if denominator else None


def figures(results: Iterable[NoteResult]) -> dict[str, dict[str, Any]]:
    """Per family and overall: counts and the three ratios."""
    counts: dict[str, Counter[str]] = {f: Counter() for f in (*FAMILIES, "all")}
    for r in results:
        for key in (r.note["family"], "all"):
            c = counts[key]
            c["notes"] += 1
            c["expected"] += len(r.note["refs"])
            c["found"] += len(r.found)
            c["hits"] += len(r.hits)
            c["false_positives"] += len(r.false_positives)
            for expected, found in r.hits:
                right = folios_right(expected, found)
                if right is not None:
                    c["folio_cases"] += 1
                    c["folios_right"] += int(right)
    out: dict[str, dict[str, Any]] = {}
    for key, c in counts.items():
        out[key] = {
            "notes": c["notes"],
            "expected": c["expected"],
            "found": c["found"],
            "hits": c["hits"],
            "false_positives": c["false_positives"],
            "recall": _ratio(c["hits"], c["expected"]),
            "precision": _ratio(c["found"] - c["false_positives"], c["found"]),
            "folios": _ratio(c["folios_right"], c["folio_cases"]),
        }
    return out


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def table(figs: dict[str, dict[str, Any]]) -> str:
    """The figures as a Markdown table, one row a family and one for all notes."""
    lines = [
        "| family | notes | references | found | recall | precision | folios | false positives |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for key in (*FAMILIES, "all"):
        f = figs[key]
        lines.append(
            f"| {key} | {f['notes']} | {f['expected']} | {f['found']} | {_pct(f['recall'])} | "
            f"{_pct(f['precision'])} | {_pct(f['folios'])} | {f['false_positives']} |"
        )
    return "\n".join(lines)


def drops(current: dict[str, dict[str, Any]], baseline: dict[str, Any]) -> list[str]:
    """Every figure below the baseline, and every false-positive count above it."""
    out = []
    for key, base in baseline["figures"].items():
        now = current.get(key)
        if now is None:
            out.append(f"{key}: family missing")
            continue
        for fig in FIGURES:
            b, n = base.get(fig), now.get(fig)
            if b is not None and (n is None or n < b):
                out.append(f"{key} {fig}: {_pct(n)} < baseline {_pct(b)}")
        if now["false_positives"] > base["false_positives"]:
            out.append(
                f"{key} false positives: {now['false_positives']} > "
                f"baseline {base['false_positives']}"
            )
    return out


def doc_table_block(figs: dict[str, dict[str, Any]]) -> str:
    """The block between the markers of ``docs/realworld.md``."""
    return f"{DOC_BEGIN}\n{table(figs)}\n{DOC_END}"


def write_baseline(figs: dict[str, dict[str, Any]]) -> None:
    """Record the figures as the new baseline, and the table in the doc page."""
    keep = ("notes", "expected", "found", "hits", "false_positives", *FIGURES)
    data = {
        "note": "Written by `python tests/test_realworld.py --write-baseline`; "
        "tests/test_realworld.py fails when a figure drops below these.",
        "figures": {k: {f: v[f] for f in keep} for k, v in figs.items()},
    }
    BASELINE.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    page = DOC.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(DOC_BEGIN) + r".*?" + re.escape(DOC_END), re.DOTALL)
    DOC.write_text(pattern.sub(lambda _: doc_table_block(figs), page), encoding="utf-8")


def describe(result: NoteResult) -> str:
    """One note that is not read right, for the ``--misses`` listing."""
    lines = [f"{result.note['id']}: {result.note['text'][:160]!r}"]
    lines += [f"    missed   {json.dumps(e, ensure_ascii=False)}" for e in result.missed]
    lines += [f"    invented {fp!r}" for fp in result.false_positives]
    lines += [
        f"    folios   expected {e.get('folios')!r}, found {_folios_of(f)!r}"
        for e, f in result.hits
        if folios_right(e, f) is False
    ]
    return "\n".join(lines)


# --- the tests -----------------------------------------------------------------


def test_the_data_file_is_well_formed() -> None:
    from archref.model.archival import LEVEL_KINDS

    notes = load_notes()
    problems = []
    ids: Counter[str] = Counter(n.get("id", "") for n in notes)
    texts: Counter[str] = Counter(n.get("text", "").strip() for n in notes)
    for n in notes:
        where = n.get("id", "?")
        extra = set(n) - {"id", "family", "text", "source", "where", "refs"}
        if extra:
            problems.append(f"{where}: unknown keys {sorted(extra)}")
        if n.get("family") not in FAMILIES:
            problems.append(f"{where}: unknown family {n.get('family')!r}")
        elif not str(n.get("id", "")).startswith(n["family"] + "-"):
            problems.append(f"{where}: the id does not start with the family")
        if not re.match(r"https?://\S+$", n.get("source", "")):
            problems.append(f"{where}: no source address")
        if not n.get("text", "").strip():
            problems.append(f"{where}: empty text")
        if not isinstance(n.get("refs"), list):
            problems.append(f"{where}: refs is not a list")
            continue
        if n.get("family") == "prose" and n["refs"]:
            problems.append(f"{where}: a prose note with references")
        for ref in n["refs"]:
            if "un" in ref:
                if set(ref) != {"un"} or not ref["un"].strip():
                    problems.append(f"{where}: malformed UN symbol {ref}")
                continue
            if set(ref) - {"archive", "levels", "folios"}:
                problems.append(f"{where}: unknown keys in {ref}")
            if "archive" not in ref or (
                ref["archive"] is not None and not str(ref["archive"]).strip()
            ):
                problems.append(f"{where}: a reference without its archive (null for none)")
            elif ref["archive"] is None and not ref.get("levels"):
                problems.append(f"{where}: a reference with no archive needs its levels")
            for level in ref.get("levels", []):
                if len(level) != 2 or level[0] not in LEVEL_KINDS or not str(level[1]).strip():
                    problems.append(f"{where}: bad level {level}")
            if "folios" in ref and not str(ref["folios"]).strip():
                problems.append(f"{where}: empty folios")
    problems += [f"duplicate id {i}" for i, k in ids.items() if k > 1]
    problems += [f"duplicate text {t[:60]!r}" for t, k in texts.items() if k > 1]
    assert not problems, "\n".join(problems)


#: The fewest notes each family may have. The German family is small: the
#: public material the set was drawn from held few German notes (see "Gaps"
#: in tests/data/realworld/README.md); raise its floor as notes are added.
MIN_NOTES = {"fond": 100, "us": 100, "uk": 40, "de": 7, "un": 40, "other": 40, "prose": 50}


def test_the_set_is_large_and_covers_every_family() -> None:
    notes = load_notes()
    per_family = Counter(n["family"] for n in notes)
    assert len(notes) >= 400
    for family in FAMILIES:
        assert per_family[family] >= MIN_NOTES[family], f"{family}: {per_family[family]} notes"
    assert len({n["source"] for n in notes}) >= 100


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def test_no_note_is_taken_from_the_tests_archref_was_built_on() -> None:
    """No note repeats a string (or a UN symbol's context) of the older test data."""
    seen: set[str] = set()
    for name in ("footnotes.jsonl", "un_symbols.jsonl"):
        with (HERE / "data" / name).open(encoding="utf-8") as fh:
            for line in filter(str.strip, fh):
                row = json.loads(line)
                seen |= {_squeeze(row.get(k) or "") for k in ("text", "context")}
    seen.discard("")
    overlap = []
    for note in load_notes():
        text = _squeeze(note["text"])
        if text in seen or any(len(s) > 25 and (s in text or text in s) for s in seen):
            overlap.append(note["id"])
    assert not overlap, overlap


def test_matching_counts_hits_misses_and_inventions() -> None:
    import archref

    registry = archref.default_registry()
    note = {
        "family": "fond",
        "refs": [
            {"archive": "ГА РФ", "levels": [["fond", "R-9401"], ["opis", "2"]], "folios": "9-13"},
            {"archive": "RGASPI", "levels": [["fond", "17"]]},
        ],
    }
    found = [archref.parse("GARF, f. R-9401, op. 2, l. 9-13"), archref.parse("TNA, FO 371/1")]
    result = match_note(note, found, registry)
    assert [e["archive"] for e, _ in result.hits] == ["ГА РФ"]
    assert [e["archive"] for e in result.missed] == ["RGASPI"]
    assert result.false_positives == [found[1]]
    assert folios_right(*result.hits[0]) is True
    wrong_opis = archref.parse("GARF, f. R-9401, op. 3")
    assert match_note(note, [wrong_opis], registry).hits == []
    # an archive of null: the levels of a reference that names no archive
    unnamed = {"family": "fond", "refs": [{"archive": None, "levels": [["fond", "R-8065"]]}]}
    bare = archref.parse("Фонд: Р-8065. Опись: 2. Дело: 10435.")
    assert bare.archive is None and bare.archive_as_cited is None
    assert len(match_note(unnamed, [bare], registry).hits) == 1
    named = archref.parse("ГА РФ. Ф. Р-8065. Оп. 2. Д. 10435.")
    assert match_note(unnamed, [named], registry).hits == []
    unknown = archref.parse("Личный архив автора. Ф. Р-8065. Оп. 2. Д. 10435.")
    assert match_note(unnamed, [unknown], registry).hits == []


def test_no_figure_drops_below_the_baseline() -> None:
    figs = figures(run(load_notes()))
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    report = table(figs)
    print("\n" + report)
    dropped = drops(figs, baseline)
    assert not dropped, "\n".join(
        [*dropped, "", report, "", "(run python tests/test_realworld.py --misses)"]
    )


def test_the_doc_page_shows_the_baseline() -> None:
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))["figures"]
    page = DOC.read_text(encoding="utf-8")
    assert doc_table_block(baseline) in page, (
        "docs/realworld.md does not show the figures of baseline.json: "
        "run python tests/test_realworld.py --write-baseline"
    )


def main(argv: Sequence[str]) -> int:
    """Print the table; ``--misses`` lists the notes not read right;
    ``--write-baseline`` records the figures."""
    results = run(load_notes())
    figs = figures(results)
    if "--misses" in argv:
        for r in results:
            wrong = any(folios_right(e, f) is False for e, f in r.hits)
            if r.missed or r.false_positives or wrong:
                print(describe(r))
        print()
    print(table(figs))
    if "--write-baseline" in argv:
        write_baseline(figs)
        print(f"\nwrote {BASELINE.relative_to(HERE.parent)} and {DOC.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
