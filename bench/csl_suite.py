"""Run the CSL test-suite's fixtures through archref and stock citeproc-py.

    python bench/csl_suite.py PATH [--only PREFIX] [--show-failures] [--check] [--write-baseline]

PATH is a local copy of citation-style-language/test-suite (or its
``processor-tests/humans`` folder); nothing is downloaded. Each fixture is
rendered as HTML, the output format the fixtures expect, through archref's
adapter and through stock citeproc-py used the ordinary way, and compared
with the fixture's RESULT. Prints the pass rate of each, per category (the
part of the fixture name before the first underscore), and the fixtures
that stock citeproc-py passes and archref fails (regressions). ``--check``
compares the run with the results recorded in ``csl_suite_baseline.json``
(no fixture archref passed may fail, none stock citeproc-py passes, and the
count may not drop; ``tests/test_csl_suite.py`` does the same),
``--write-baseline`` records a full run there.

Fixtures driven by CITATIONS (citations inserted one by one, each with the
citations before and after it) are rendered as the document the last of
them leaves, and their numbered result lines are compared without the
markers; items without an id are numbered ``ITEM-1``, ``ITEM-2``... as
citeproc-js's test runner numbers them; fixtures whose mode is neither citation nor
bibliography count as failures for both.
"""

from __future__ import annotations

import argparse
import json
import re
import signal
import sys
import tempfile
import warnings
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    Locator,
    formatter,
)
from citeproc.source.json import CiteProcJSON

from archref.formats import render

SECTION_RE = re.compile(r">>=+\s*([A-Z-]+)\s*=+>>\n(.*?)\n<<=+\s*\1\s*=+<<", re.DOTALL)

Fixture = dict[str, Any]
Runner = Callable[[Fixture, Path], str]


def fixtures(path: Path) -> Iterator[tuple[str, Fixture]]:
    folder = path / "processor-tests" / "humans" if (path / "processor-tests").is_dir() else path
    for file in sorted(folder.glob("*.txt")):
        text = file.read_text(encoding="utf-8")
        sections = dict(SECTION_RE.findall(text))
        fixture: Fixture = {
            "MODE": sections.get("MODE", "").strip(),
            "RESULT": sections.get("RESULT", ""),
        }
        fixture["CSL"] = sections.get("CSL", "")
        for name in ("INPUT", "CITATION-ITEMS", "CITATIONS", "BIBENTRIES", "BIBSECTION"):
            if name in sections:
                fixture[name] = json.loads(sections[name])
        for number, item in enumerate(fixture.get("INPUT", []), start=1):
            # citeproc-js's test runner numbers the items that have no id
            item.setdefault("id", f"ITEM-{number}")
        yield file.stem, fixture


def final_citations(steps: list[list[Any]]) -> list[dict[str, Any]]:
    """The document a fixture's CITATIONS leave, in order.

    Each step is citeproc-js's ``processCitationCluster(citation, pre,
    post)``: the citations listed in *pre* and *post* (by id), with the new
    or changed citation between them, are the document from then on. The
    fixture's RESULT lists the citations of the last document.
    """
    known: dict[str, dict[str, Any]] = {}
    order: list[str] = []
    for citation, pre, post in steps:
        known[citation["citationID"]] = citation
        order = [entry[0] for entry in pre] + [citation["citationID"]]
        order += [entry[0] for entry in post]
    return [known[key] for key in order if key in known]


def notes_of(fixture: Fixture) -> list[list[dict[str, Any]]]:
    """The citations of a fixture, as lists of cites."""
    if "CITATION-ITEMS" in fixture:
        return [[dict(cite) for cite in citation] for citation in fixture["CITATION-ITEMS"]]
    if "CITATIONS" in fixture:
        return [
            [dict(cite) for cite in citation["citationItems"]]
            for citation in final_citations(fixture["CITATIONS"])
        ]
    return [[{"id": item["id"]} for item in fixture["INPUT"]]]


def expected(fixture: Fixture) -> str:
    result = fixture["RESULT"].strip()
    if "CITATIONS" in fixture and fixture["MODE"] == "citation":
        result = "\n".join(
            re.sub(r"^(?:>>|\.\.)\[\d+\]\s*", "", line) for line in result.splitlines()
        )
    return result


def bibliography_html(entries: list[str]) -> str:
    body = "\n".join(f'  <div class="csl-entry">{entry}</div>' for entry in entries)
    return f'<div class="csl-bib-body">\n{body}\n</div>'


def bib_ids(fixture: Fixture) -> list[str] | None:
    if "BIBENTRIES" in fixture:
        return [str(key) for key in fixture["BIBENTRIES"][-1]]
    if "CITATION-ITEMS" in fixture or "CITATIONS" in fixture:
        return [str(cite["id"]) for note in notes_of(fixture) for cite in note]
    return None


def run_archref(fixture: Fixture, style: Path) -> str:
    items = fixture["INPUT"]
    if fixture["MODE"] == "citation":
        notes = [
            [
                {
                    "id": str(cite["id"]),
                    "locator": cite.get("locator"),
                    "label": cite.get("label", "page"),
                    "prefix": cite.get("prefix"),
                    "suffix": cite.get("suffix"),
                }
                for cite in note
            ]
            for note in notes_of(fixture)
        ]
        return "\n".join(render(items, str(style), "html", "notes", notes=notes))
    if fixture["MODE"] == "bibliography":
        ids = bib_ids(fixture)
        notes = None if ids is None else [[{"id": key}] for key in ids]
        return bibliography_html(render(items, str(style), "html", "bibliography", notes=notes))
    raise NotImplementedError(fixture["MODE"])


def run_stock(fixture: Fixture, style: Path) -> str:
    csl = CitationStylesStyle(str(style), validate=False)
    source = CiteProcJSON(fixture["INPUT"])
    bibliography = CitationStylesBibliography(csl, source, formatter.html)
    citations = []
    for note in notes_of(fixture):
        cites = []
        for cite in note:
            extra = {}
            if cite.get("locator"):
                extra["locator"] = Locator(cite.get("label", "page"), cite["locator"])
            for affix in ("prefix", "suffix"):
                if cite.get(affix):
                    extra[affix] = cite[affix]
            cites.append(CitationItem(str(cite["id"]), **extra))
        citation = Citation(cites)
        bibliography.register(citation)
        citations.append(citation)
    if fixture["MODE"] == "citation":
        return "\n".join(
            str(bibliography.cite(citation, lambda item: None)) for citation in citations
        )
    if fixture["MODE"] == "bibliography":
        if "CITATION-ITEMS" not in fixture and "CITATIONS" not in fixture:
            for item in fixture["INPUT"]:
                bibliography.register(Citation([CitationItem(str(item["id"]))]))
        bibliography.sort()
        return bibliography_html([str(entry) for entry in bibliography.bibliography()])
    raise NotImplementedError(fixture["MODE"])


class Timeout(Exception):
    pass


def _alarm(signum: int, frame: Any) -> None:
    raise Timeout


def passes(runner: Runner, fixture: Fixture, style: Path, seconds: int = 10) -> bool:
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(seconds)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return runner(fixture, style).strip() == expected(fixture)
    except Exception:
        return False
    finally:
        signal.alarm(0)


#: The suite's commit the recorded results were measured on, and where they are.
SUITE_COMMIT = "13724f9"
BASELINE = Path(__file__).resolve().parent / "csl_suite_baseline.json"


def run(path: Path, only: str | None = None) -> dict[str, tuple[bool, bool]]:
    """For each fixture (by name): whether archref passes it, and stock citeproc-py."""
    sys.setrecursionlimit(5000)
    results: dict[str, tuple[bool, bool]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for number, (name, fixture) in enumerate(fixtures(path)):
            if only and not name.startswith(only):
                continue
            style = Path(folder) / f"fixture-{number}.csl"
            style.write_text(fixture["CSL"], encoding="utf-8")
            results[name] = (passes(run_archref, fixture, style), passes(run_stock, fixture, style))
    return results


def baseline() -> dict[str, Any]:
    """The recorded results: the count archref passes and the fixtures it fails."""
    data: dict[str, Any] = json.loads(BASELINE.read_text(encoding="utf-8"))
    return data


def check(results: dict[str, tuple[bool, bool]], recorded: dict[str, Any]) -> list[str]:
    """What went backwards against the recorded results (nothing: an empty list).

    A fixture archref passed and now fails, a fixture stock citeproc-py
    passes and archref fails, or fewer fixtures passed than recorded.
    """
    problems = []
    known = set(recorded["archref_fails"])
    for name, (ours, stock) in sorted(results.items()):
        if not ours and stock:
            problems.append(f"{name}: stock citeproc-py passes it, archref fails")
        elif not ours and name not in known:
            problems.append(f"{name}: passed before, fails now")
    passed = sum(ours for ours, _ in results.values())
    if passed < recorded["archref"]:
        problems.append(f"archref passes {passed}, below the recorded {recorded['archref']}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="local copy of the CSL test-suite")
    parser.add_argument("--only", help="run only fixtures whose name starts with this")
    parser.add_argument("--show-failures", action="store_true", help="list archref's failures")
    parser.add_argument(
        "--check",
        action="store_true",
        help="exit 1 if anything went backwards against bench/csl_suite_baseline.json",
    )
    parser.add_argument(
        "--write-baseline",
        action="store_true",
        help="record these results in bench/csl_suite_baseline.json (a full run only)",
    )
    args = parser.parse_args(argv)

    results = run(args.path, args.only)
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for name, (ours, stock) in results.items():
        category = name.split("_")[0]
        totals[category][0] += 1
        totals[category][1] += ours
        totals[category][2] += stock
    regressions = [name for name, (ours, stock) in results.items() if stock and not ours]
    failures = [name for name, (ours, _) in results.items() if not ours]

    print(f"{'category':20} {'fixtures':>8} {'archref':>8} {'stock':>8}")
    for category in sorted(totals):
        count, ours, stock = totals[category]
        print(f"{category:20} {count:8} {ours:8} {stock:8}")
    count = sum(t[0] for t in totals.values())
    ours = sum(t[1] for t in totals.values())
    stock = sum(t[2] for t in totals.values())
    print(f"{'all':20} {count:8} {ours:8} {stock:8}")
    if count:
        share, stock_share = 100 * ours / count, 100 * stock / count
        print(f"archref passes {share:.1f}%, stock citeproc-py {stock_share:.1f}%")
    print(f"regressions (stock passes, archref fails): {len(regressions)}")
    for name in regressions:
        print(f"  {name}")
    if args.show_failures:
        print("archref fails:")
        for name in failures:
            print(f"  {name}")
    if args.write_baseline and not args.only:
        record = {
            "suite_commit": SUITE_COMMIT,
            "fixtures": count,
            "archref": ours,
            "stock": stock,
            "archref_fails": failures,
        }
        BASELINE.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    if args.check:
        problems = check(results, baseline())
        for problem in problems:
            print(f"BACKWARDS: {problem}")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
