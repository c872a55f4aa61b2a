"""Compare archref's rendering with citeproc-js, the reference CSL processor.

Renders the comparison set (``bench/oracle/comparison_items.json``: archival
documents, UN documents and published works) with each supported style, as
bibliography entries and as a sequence of notes (first notes, then short
notes and "Ibid." with and without locators), in text and HTML, through
archref, through stock citeproc-py and through citeproc-js; prints the
agreement of each with citeproc-js and every difference of archref's.

    python bench/compare_citeproc_js.py [--no-stock] [--quiet]

Another set of items, and a note sequence of its own, can be given:

    python bench/compare_citeproc_js.py --items tests/data/csl_comparison/items.json \
        --sequence tests/data/csl_comparison/notes.json --styles supported --outputs text

prints the agreement per style for notes and for bibliography entries;
``--write-expected DIR`` also writes citeproc-js's output there, one JSON
file per style and output, for tests that compare without Node.js.

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

from archref.formats import SUPPORTED_STYLES, render, style_path

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


def load_items(path: Path | None = None) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = json.loads((path or ITEMS_FILE).read_text(encoding="utf-8"))
    return items


def load_sequence(path: Path) -> list[list[dict[str, Any]]]:
    """A note sequence: one list of cites (``id``, ``locator``, ``label``) per note."""
    notes: list[list[dict[str, Any]]] = json.loads(path.read_text(encoding="utf-8"))
    return notes


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

    def make_for(chosen: Sequence[Mapping[str, Any]]) -> Any:
        csl = CitationStylesStyle(str(style_path(style)), validate=False)
        source = CiteProcJSON([dict(item) for item in chosen])
        fmt = formatter.html if output == "html" else formatter.plain
        return CitationStylesBibliography(csl, source, fmt)

    def make() -> Any:
        return make_for(items)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            bib = make()
            for item in items:
                bib.register(Citation([CitationItem(str(item["id"]))]))
            bib.sort()
            entries = [str(entry) for entry in bib.bibliography()]
        except Exception:  # leave out the items stock cannot render; they count as wrong
            usable = []
            for item in items:
                try:
                    alone = make_for([item])
                    alone.register(Citation([CitationItem(str(item["id"]))]))
                    alone.sort()
                    [str(entry) for entry in alone.bibliography()]
                except Exception:
                    continue
                usable.append(item)
            try:
                bib = make_for(usable)
                for item in usable:
                    bib.register(Citation([CitationItem(str(item["id"]))]))
                bib.sort()
                entries = [str(entry) for entry in bib.bibliography()]
            except Exception:
                entries = []
        try:
            cited = make()
        except Exception:
            return entries, ["<error>"] * len(notes or [])
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


def expected_file(directory: Path, style: str, output: str) -> Path:
    """Where ``--write-expected`` keeps citeproc-js's output for a style."""
    return directory / f"{style}.{output}.json"


class Row:
    """Agreement with citeproc-js for one style and output."""

    def __init__(self, style: str, output: str, bib_total: int, notes_total: int) -> None:
        self.style = style
        self.output = output
        self.bib_total = bib_total
        self.notes_total = notes_total
        self.bib = self.notes = 0
        self.stock_bib: int | None = None
        self.stock_notes: int | None = None


def compare(
    with_stock: bool = True,
    quiet: bool = False,
    *,
    items: Sequence[Mapping[str, Any]] | None = None,
    notes: Sequence[Sequence[Mapping[str, Any]]] | None = None,
    styles: Sequence[str] = STYLES,
    outputs: Sequence[str] = OUTPUTS,
    write_expected: Path | None = None,
) -> tuple[list[Row], list[str]]:
    """Agreement per style and output, and archref's differences."""
    items = load_items() if items is None else items
    notes = note_sequence(items) if notes is None else notes
    rows: list[Row] = []
    differences: list[str] = []
    for style in styles:
        for output in outputs:
            js = citeproc_js(items, style, output=output, notes=notes)
            if write_expected is not None:
                write_expected.mkdir(parents=True, exist_ok=True)
                expected_file(write_expected, style, output).write_text(
                    json.dumps(
                        {"bibliography": js["bibliography"], "notes": js["notes"]},
                        ensure_ascii=False,
                        indent=0,
                    )
                    + "\n",
                    encoding="utf-8",
                )
            ours_bib = render(items, style, output)  # type: ignore[arg-type]
            ours_notes = render(items, style, output, "notes", notes=notes)  # type: ignore[arg-type]
            row = Row(style, output, len(js["bibliography"]), len(js["notes"]))
            if len(ours_bib) != len(js["bibliography"]):
                count = len(js["bibliography"])
                differences.append(
                    f"{style} {output}: {len(ours_bib)} entries, citeproc-js {count}"
                )
            row.bib = _agree(ours_bib, js["bibliography"])
            row.notes = _agree(ours_notes, js["notes"])
            for kind, mine, theirs in (
                ("bibliography", ours_bib, js["bibliography"]),
                ("note", ours_notes, js["notes"]),
            ):
                for index, (a, b) in enumerate(zip(mine, theirs, strict=False)):
                    if a != b:
                        differences.append(
                            f"{style} {output} {kind} {index + 1}:\n"
                            f"  archref     {a}\n  citeproc-js {b}"
                        )
            if with_stock:
                stock_bib, stock_notes = stock_citeproc_py(items, style, output, notes)
                row.stock_bib = _agree(stock_bib, js["bibliography"])
                row.stock_notes = _agree(stock_notes, js["notes"])
            rows.append(row)
            if not quiet:
                print(_line(row))
    return rows, differences


def _share(same: int, total: int) -> str:
    return f"{same:4}/{total:<4} {100 * same / total if total else 100:5.1f}%"


def _line(row: Row) -> str:
    line = (
        f"{row.style:45} {row.output:5} notes {_share(row.notes, row.notes_total)}"
        f"  bibliography {_share(row.bib, row.bib_total)}"
    )
    if row.stock_notes is not None and row.stock_bib is not None:
        line += (
            f"   stock: notes {_share(row.stock_notes, row.notes_total)}"
            f"  bibliography {_share(row.stock_bib, row.bib_total)}"
        )
    return line


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-stock", action="store_true", help="skip stock citeproc-py")
    parser.add_argument("--quiet", action="store_true", help="print the totals only")
    parser.add_argument("--items", type=Path, help="a CSL-JSON file of items to compare")
    parser.add_argument(
        "--sequence", type=Path, help="a JSON note sequence (one list of cites per note)"
    )
    parser.add_argument(
        "--styles",
        default="all",
        help="comma-separated style ids, 'supported' (the six) or 'all' (default)",
    )
    parser.add_argument("--outputs", default="text,html", help="text, html or both (default)")
    parser.add_argument(
        "--write-expected", type=Path, help="write citeproc-js's output to this directory"
    )
    parser.add_argument("--show", type=int, default=-1, help="print at most this many differences")
    args = parser.parse_args(argv)
    try:
        ensure_oracle()
    except OracleUnavailable as error:
        print(f"cannot compare: {error}", file=sys.stderr)
        return 2
    styles: Sequence[str]
    if args.styles == "all":
        styles = STYLES
    elif args.styles == "supported":
        styles = SUPPORTED_STYLES
    else:
        styles = [style.strip() for style in args.styles.split(",") if style.strip()]
    items = load_items(args.items)
    notes = load_sequence(args.sequence) if args.sequence else None
    rows, differences = compare(
        with_stock=not args.no_stock,
        quiet=args.quiet,
        items=items,
        notes=notes,
        styles=styles,
        outputs=[output.strip() for output in args.outputs.split(",")],
        write_expected=args.write_expected,
    )
    for label, same, stock, total in (
        (
            "notes",
            sum(r.notes for r in rows),
            sum(r.stock_notes or 0 for r in rows),
            sum(r.notes_total for r in rows),
        ),
        (
            "bibliography entries",
            sum(r.bib for r in rows),
            sum(r.stock_bib or 0 for r in rows),
            sum(r.bib_total for r in rows),
        ),
    ):
        print(f"\n{label}: archref agrees with citeproc-js on {_share(same, total)}", end="")
        if not args.no_stock:
            print(f", stock citeproc-py on {_share(stock, total)}", end="")
    print()
    shown = differences if args.show < 0 else differences[: args.show]
    for difference in shown:
        print(difference)
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
