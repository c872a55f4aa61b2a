"""The ``archref`` command line.

Commands:

* ``archref parse TEXT...`` parses each argument (or each line of standard
  input) as one reference and prints its canonical form (``--json`` for
  machine output, ``--style`` for the notation).
* ``archref demo`` parses the bundled sample of real footnotes and prints
  a table.

Errors go to standard error with the position and the offending text; the
exit status is 1 when any input failed to parse, 2 for usage errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from importlib import resources
from typing import TextIO

from archref.model import ArchivalReference, ParseError
from archref.notations import fonds
from archref.parsing import parse
from archref.serialize import to_dict

__all__ = ["main"]


def _format(ref: object, style: str) -> str:
    if isinstance(ref, ArchivalReference):
        return ref.format(style)
    return str(ref)


def _cmd_parse(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    texts: Iterable[str] = args.text or (line.rstrip("\n") for line in sys.stdin)
    status = 0
    for n, text in enumerate(texts, start=1):
        if not args.text and not text.strip():
            continue
        try:
            ref = parse(text)
        except ParseError as exc:
            where = f"<arg {n}>" if args.text else f"<stdin>:{n}"
            print(f"{where}:{exc.column}: error: {exc}", file=err)
            if args.json:
                print(
                    json.dumps({"input": text, "error": _error_dict(exc)}, ensure_ascii=False),
                    file=out,
                )
            status = 1
            continue
        if args.json:
            print(
                json.dumps({"input": text, "reference": to_dict(ref)}, ensure_ascii=False), file=out
            )
        else:
            print(_format(ref, args.style), file=out)
    return status


def _error_dict(exc: ParseError) -> dict[str, object]:
    return {
        "message": exc.message,
        "start": exc.start,
        "end": exc.end,
        "line": exc.line,
        "column": exc.column,
        "text": exc.offending,
        "hint": exc.hint,
    }


def sample_lines() -> list[str]:
    """The bundled sample: real footnote references, one per line."""
    text = resources.files("archref").joinpath("data/sample_footnotes.txt").read_text("utf-8")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _table(rows: Sequence[Sequence[str]], out: TextIO) -> None:
    widths = [max(len(r[c]) for r in rows) for c in range(len(rows[0]))]
    for k, row in enumerate(rows):
        print(
            "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip(), file=out
        )
        if k == 0:
            print("  ".join("-" * w for w in widths), file=out)


def _cmd_demo(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    rows: list[list[str]] = [
        ["#", "archive", "as cited", "fond", "opis", "delo", "leaves", "canonical"]
    ]
    failures: list[str] = []
    lines = sample_lines()
    for n, line in enumerate(lines, start=1):
        try:
            refs = fonds.parse_chain(line)
        except ParseError as exc:
            failures.append(f"  {n}: {exc}")
            continue
        for ref in refs:
            rows.append(
                [
                    str(n),
                    ref.archive.id if ref.archive else "?",
                    ref.archive_as_cited or "",
                    ref.fond or "",
                    ref.opis or "",
                    ref.delo or "",
                    str(ref.folios) if ref.folios else "",
                    ref.format(args.style),
                ]
            )
    print(
        f"archref {len(rows) - 1} references parsed from {len(lines)} sample footnotes\n", file=out
    )
    _table(rows, out)
    if failures:
        print(f"\n{len(failures)} lines not parsed:", file=out)
        print("\n".join(failures), file=out)
    return 0


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="archref",
        description="Parse, check and format archival references and UN document symbols.",
    )
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="parse references given as arguments or on stdin")
    p.add_argument("text", nargs="*", help="references to parse (default: one per stdin line)")
    p.add_argument("--json", action="store_true", help="print one JSON object per input")
    p.add_argument("--style", choices=fonds.STYLES, default="en", help="notation to print")
    p.set_defaults(func=_cmd_parse)
    d = sub.add_parser("demo", help="parse the bundled sample of real footnotes")
    d.add_argument("--style", choices=fonds.STYLES, default="en", help="notation to print")
    d.set_defaults(func=_cmd_demo)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    try:
        status: int = args.func(args, sys.stdout, sys.stderr)
    except BrokenPipeError:  # "archref demo | head": the reader left, nothing to report
        _silence_stdout()
        return 0
    return status


def _silence_stdout() -> None:
    """Point stdout at devnull so Python's exit flush does not fail on the closed pipe."""
    import os  # noqa: PLC0415

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
