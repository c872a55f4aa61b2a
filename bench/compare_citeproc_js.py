"""Compare archref's rendering with citeproc-js, the reference CSL processor.

Renders the comparison set (``bench/oracle/comparison_items.json``: archival
documents, UN documents and published works) with each supported style, as
bibliography entries and as a sequence of notes (first notes, then short
notes and "Ibid." with and without locators), in text and HTML, through
archref, through stock citeproc-py and through citeproc-js; prints the
agreement of each with citeproc-js and every difference of archref's.

    python bench/compare_citeproc_js.py [--stock] [--quiet]

Needs Node.js; installs the pinned citeproc-js into ``bench/oracle`` with
``npm ci`` the first time. Exits with 1 when archref differs anywhere.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import warnings
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import citeproc
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    Locator,
    formatter,
)
from citeproc.source.json import CiteProcJSON

from archref.formats import render, style_path

ORACLE = Path(__file__).resolve().parent / "oracle"
ITEMS_FILE = ORACLE / "comparison_items.json"

STYLES = (
    "chicago-notes-bibliography",
    "chicago-notes-bibliography-subsequent-ibid",
    "chicago-shortened-notes-bibliography",
    "chicago-author-date",
    "mhra-notes",
    "mhra-notes-subsequent-ibid",
    "apa",
    "modern-language-association",
)
OUTPUTS = ("text", "html")


class OracleUnavailable(RuntimeError):
    """Node.js or the citeproc npm package cannot be used here."""


def load_items() -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = json.loads(ITEMS_FILE.read_text(encoding="utf-8"))
    return items


def note_sequence(items: Sequence[Mapping[str, Any]]) -> list[list[dict[str, Any]]]:
    """Every item once, then repeats: ibid, ibid with locators, short notes.

    An archival document without a title is cited with a folio locator, as a
    historian cites one: the style prints its shelfmark in place of a title.
    """
    ids = [str(item["id"]) for item in items]
    notes: list[list[dict[str, Any]]] = []
    for item in items:
        cite: dict[str, Any] = {"id": str(item["id"])}
        if item.get("type") == "manuscript" and not item.get("title"):
            cite.update(locator="71-72", label="folio")
        notes.append([cite])
    first, second, third = ids[0], ids[1], ids[2]
    notes += [
        [{"id": first, "locator": "71", "label": "folio"}],
        [{"id": first, "locator": "71", "label": "folio"}],
        [{"id": first, "locator": "72", "label": "folio"}],
        [{"id": first}],
        [{"id": second, "locator": "80"}],
        [{"id": third}, {"id": first, "locator": "72", "label": "folio"}],
        [{"id": second, "locator": "81"}, {"id": second, "locator": "81"}],
    ]
    return notes


def ensure_oracle() -> str:
    """The path of node, after installing citeproc-js if needed."""
    node = shutil.which("node")
    if node is None:
        raise OracleUnavailable("Node.js is not installed (no 'node' on PATH)")
    if not (ORACLE / "node_modules" / "citeproc").is_dir():
        npm = shutil.which("npm")
        if npm is None:
            raise OracleUnavailable("npm is not installed, cannot install citeproc-js")
        result = subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund"],
            cwd=ORACLE,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise OracleUnavailable(
                f"'npm ci' failed in bench/oracle: {result.stderr.strip()[-300:]}"
            )
    return node


def citeproc_js(
    items: Sequence[Mapping[str, Any]],
    style: str,
    *,
    output: str = "text",
    notes: Sequence[Sequence[Mapping[str, Any]]] | None = None,
    repeat: int = 1,
    bibliography: bool = True,
) -> dict[str, Any]:
    """Render through citeproc-js; answer with notes, bibliography, seconds."""
    node = ensure_oracle()
    request = {
        "style": str(style_path(style)),
        "locales": citeproc.LOCALES_PATH,
        "items": list(items),
        "format": output,
        "notes": list(notes or []),
        "repeat": repeat,
        "bibliography": bibliography,
    }
    result = subprocess.run(
        [node, str(ORACLE / "render.mjs")],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"citeproc-js failed: {result.stderr.strip()[-500:]}")
    answer: dict[str, Any] = json.loads(result.stdout)
    return answer


def stock_citeproc_py(
    items: Sequence[Mapping[str, Any]],
    style: str,
    output: str,
    notes: Sequence[Sequence[Mapping[str, Any]]] | None,
) -> tuple[list[str], list[str]]:
    """Bibliography and notes through stock citeproc-py, used the usual way."""

    def make() -> Any:
        csl = CitationStylesStyle(str(style_path(style)), validate=False)
        source = CiteProcJSON([dict(item) for item in items])
        fmt = formatter.html if output == "html" else formatter.plain
        return CitationStylesBibliography(csl, source, fmt)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bib = make()
        for item in items:
            bib.register(Citation([CitationItem(str(item["id"]))]))
        bib.sort()
        entries = [str(entry) for entry in bib.bibliography()]
        cited = make()
        rendered = []
        for note in notes or []:
            cites = []
            for cite in note:
                extra = {}
                if cite.get("locator"):
                    extra["locator"] = Locator(cite.get("label", "page"), cite["locator"])
                cites.append(CitationItem(cite["id"], **extra))
            citation = Citation(cites)
            cited.register(citation)
            try:
                rendered.append(str(cited.cite(citation, lambda item: None)))
            except Exception as error:  # stock failures count as differences
                rendered.append(f"<error {type(error).__name__}>")
    return entries, rendered


def _agree(left: Sequence[str], right: Sequence[str]) -> int:
    if len(left) != len(right):
        return sum(1 for a in left if a in right)
    return sum(1 for a, b in zip(left, right, strict=True) if a == b)


def compare(with_stock: bool = True, quiet: bool = False) -> tuple[int, int, int, list[str]]:
    """Agreement counts (archref, stock, total) and archref's differences."""
    items = load_items()
    notes = note_sequence(items)
    total = archref_same = stock_same = 0
    differences: list[str] = []
    for style in STYLES:
        for output in OUTPUTS:
            js = citeproc_js(items, style, output=output, notes=notes)
            ours_bib = render(items, style, output)  # type: ignore[arg-type]
            ours_notes = render(items, style, output, "notes", notes=notes)  # type: ignore[arg-type]
            expected = js["bibliography"] + js["notes"]
            ours = ours_bib + ours_notes
            if len(ours_bib) != len(js["bibliography"]):
                count = len(js["bibliography"])
                differences.append(
                    f"{style} {output}: {len(ours_bib)} entries, citeproc-js {count}"
                )
            same = _agree(ours_bib, js["bibliography"]) + _agree(ours_notes, js["notes"])
            for a, b in zip(ours, expected, strict=False):
                if a != b:
                    differences.append(f"{style} {output}:\n  archref     {a}\n  citeproc-js {b}")
            line = f"{style:45} {output:5} archref {same:3}/{len(expected)}"
            if with_stock:
                stock_bib, stock_notes = stock_citeproc_py(items, style, output, notes)
                stock = _agree(stock_bib, js["bibliography"]) + _agree(stock_notes, js["notes"])
                stock_same += stock
                line += f"   stock citeproc-py {stock:3}/{len(expected)}"
            total += len(expected)
            archref_same += same
            if not quiet:
                print(line)
    return archref_same, stock_same, total, differences


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-stock", action="store_true", help="skip stock citeproc-py")
    parser.add_argument("--quiet", action="store_true", help="print the totals only")
    args = parser.parse_args(argv)
    try:
        ensure_oracle()
    except OracleUnavailable as error:
        print(f"cannot compare: {error}", file=sys.stderr)
        return 2
    ours, stock, total, differences = compare(with_stock=not args.no_stock, quiet=args.quiet)
    print(f"\narchref agrees with citeproc-js on {ours}/{total} ({100 * ours / total:.1f}%)")
    if not args.no_stock:
        print(f"stock citeproc-py agrees on {stock}/{total} ({100 * stock / total:.1f}%)")
    for difference in differences:
        print(difference)
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
