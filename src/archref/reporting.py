"""Checking files and reporting what was found: the engine of ``archref check``.

:func:`check_files` reads each file with :mod:`archref.readers`, extracts
every reference with :func:`archref.readers.extract_document`, and turns
the diagnostics of each citation into :class:`Finding` objects placed at
the line and column of the file. The reporters write them for a person
(``text``), a program (``json``), GitHub Actions (``github``, workflow
commands that annotate a pull request) or code-scanning tools (``sarif``,
SARIF 2.1.0).

>>> from archref.readers import read_string
>>> doc = read_string("Notes.\\n\\nTsKhSD, f. 5, op. 28, d. 103, l. 2.\\n", "text", path="ch1.txt")
>>> (finding,) = findings_of(doc)
>>> finding.start.line, finding.start.column, finding.code, finding.text
(3, 1, 'ARC102', 'TsKhSD')
>>> line = report_text([finding])
>>> line.startswith("ch1.txt:3:1: ARC102 warning: TsKhSD (1991-1999) is a former name of RGANI")
True
>>> line.endswith("[suggestion: RGANI, f. 5, op. 28, d. 103, l. 2]")
True
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Sequence
from typing import Any, Literal

import attrs

from archref.model.common import Severity
from archref.readers import (
    Document,
    Format,
    LocatedCitation,
    Position,
    ReaderError,
    extract_document,
    read,
    read_bytes,
    read_string,
)
from archref.rules import RULES, Rule

__all__ = [
    "REPORTERS",
    "CheckResult",
    "Finding",
    "check_files",
    "findings_in",
    "findings_of",
    "report_github",
    "report_json",
    "report_sarif",
    "report_text",
    "shown_path",
]

FailOn = Literal["error", "warning", "info", "never"]
_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


@attrs.frozen
class Finding:
    """One diagnostic at its place in a file.

    Attributes:
        path: the file as named on the command line.
        start, end: positions of the offending text (end exclusive).
        code, severity, message, suggestion: the diagnostic's.
        text: the offending text.
        reference: the canonical form of the reference it belongs to.
    """

    path: str
    start: Position
    end: Position
    code: str
    severity: Severity
    message: str
    text: str
    suggestion: str | None = None
    reference: str | None = None

    def fails(self, fail_on: FailOn) -> bool:
        """Whether this finding makes a check with ``fail_on`` fail."""
        if fail_on not in ("error", "warning", "info", "never"):
            raise ValueError(
                f"fail_on must be 'error', 'warning', 'info' or 'never', not {fail_on!r}"
            )
        return fail_on != "never" and _RANK[self.severity] >= _RANK[fail_on]


@attrs.frozen
class CheckResult:
    """What :func:`check_files` found: findings, counts, and files it could not read."""

    findings: tuple[Finding, ...]
    files: int
    references: int
    errors: tuple[ReaderError, ...] = ()


def findings_of(doc: Document, codes: Iterable[str] | None = None) -> list[Finding]:
    """The findings of one document, in file order; only ``codes`` if given."""
    if not isinstance(doc, Document):
        raise TypeError(f"doc must be a Document (from archref.readers), not {type(doc).__name__}")
    return findings_in(doc, extract_document(doc), codes)


def findings_in(
    doc: Document, citations: Sequence[LocatedCitation], codes: Iterable[str] | None = None
) -> list[Finding]:
    """The findings of citations already extracted from ``doc``; only ``codes`` if given."""
    if not isinstance(doc, Document):
        raise TypeError(f"doc must be a Document (from archref.readers), not {type(doc).__name__}")
    listed = _codes_argument(codes)
    wanted = set(listed) if listed is not None else None
    out: list[Finding] = []
    for located in citations:
        citation = located.citation
        reference = citation.reference if citation.is_resolved else None
        shown = str(reference) if reference is not None else None
        for d in citation.diagnostics:
            if wanted is not None and d.code not in wanted:
                continue
            start, end = located.locate(d.start, d.end)
            out.append(
                Finding(
                    doc.path, start, end, d.code, d.severity, d.message, d.text, d.suggestion, shown
                )
            )
    return out


def check_files(
    paths: Sequence[str | os.PathLike[str]],
    *,
    format: Format | None = None,
    codes: Iterable[str] | None = None,
) -> CheckResult:
    """Check every file: read it, find its references, collect their diagnostics.

    ``"-"`` is standard input, read as ``format`` (plain text by default). A
    file that cannot be read is recorded in ``errors`` and the others are
    still checked.
    """
    if isinstance(paths, (str, bytes, os.PathLike)) or not isinstance(paths, Iterable):
        raise TypeError(f"paths must be a sequence of file names, not {type(paths).__name__}")
    wanted = _codes_argument(codes)
    findings: list[Finding] = []
    errors: list[ReaderError] = []
    references = 0
    for path in paths:
        try:
            if os.fspath(path) == "-":
                data = stdin_data()
                fmt = format or "text"
                doc = (
                    read_string(data, fmt, path="<stdin>")
                    if isinstance(data, str)
                    else read_bytes(data, fmt, path="<stdin>")
                )
            else:
                doc = read(path, format)
        except ReaderError as exc:
            errors.append(exc)
            continue
        citations = extract_document(doc)
        findings.extend(findings_in(doc, citations, wanted))
        references += len(citations)
    return CheckResult(tuple(findings), len(paths), references, tuple(errors))


def _codes_argument(codes: Iterable[str] | None) -> list[str] | None:
    """``codes`` as a list, refusing a lone string (which would be read letter by letter)."""
    if codes is None:
        return None
    if isinstance(codes, (str, bytes)) or not isinstance(codes, Iterable):
        raise TypeError(f"codes must be a list of rule codes or None, not {codes!r}")
    wanted = list(codes)
    for code in wanted:
        if not isinstance(code, str):
            raise TypeError(f"codes must be strings, got {code!r}")
    return wanted


def stdin_data() -> bytes | str:
    """Standard input as bytes, to be decoded as a file of the same bytes is.

    A standard input without a binary buffer (a text stream put in its place)
    gives its text; a closed one gives nothing.
    """
    stream = sys.stdin
    if stream is None:
        return b""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        data: bytes = buffer.read()
        return data
    text: str = stream.read()
    return text


def shown_path(name: str | os.PathLike[str]) -> str:
    """A file name fit to print: bytes that are not text in it escaped (``na\\xffme.txt``).

    A name from the command line or ``os.listdir`` keeps such bytes as lone
    surrogates, which no UTF-8 output can hold.

    >>> shown_path("notes.txt")
    'notes.txt'
    >>> print(shown_path(os.fsdecode(b"na\\xffme.txt")))
    na\\xffme.txt
    """
    text = os.fspath(name)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            raw = os.fsencode(text)
        except UnicodeEncodeError:
            return text.encode("utf-8", "backslashreplace").decode("utf-8")
        return (
            raw.decode(sys.getfilesystemencoding(), "backslashreplace")
            .encode("utf-8", "backslashreplace")
            .decode("utf-8")
        )
    return text


# --------------------------------------------------------------------------- reporters


def _findings_argument(findings: Sequence[Finding]) -> Sequence[Finding]:
    """``findings``, checked: a sequence of :class:`Finding` objects."""
    if isinstance(findings, (str, bytes)) or not isinstance(findings, Iterable):
        raise TypeError(f"findings must be a list of Finding objects, not {findings!r:.60}")
    listed = list(findings)
    for f in listed:
        if not isinstance(f, Finding):
            raise TypeError(f"findings must be Finding objects, got {type(f).__name__}: {f!r:.60}")
    return listed


def _where(f: Finding) -> str:
    where = f"{shown_path(f.path)}:{f.start.line}:{f.start.column}:"
    return f"{where} ({f.start.part})" if f.start.part and f.start.part != "body" else where


def report_text(findings: Sequence[Finding]) -> str:
    """One line per finding, ``path:line:column: CODE severity: message [suggestion: ...]``."""
    findings = _findings_argument(findings)
    lines = []
    for f in findings:
        hint = f" [suggestion: {f.suggestion}]" if f.suggestion else ""
        lines.append(f"{_where(f)} {f.code} {f.severity}: {f.message}{hint}")
    return "\n".join(lines)


def _position_dict(p: Position) -> dict[str, Any]:
    return {"line": p.line, "column": p.column, "offset": p.offset, "part": p.part}


def report_json(findings: Sequence[Finding]) -> str:
    """A JSON array, one object per finding (positions 1-based, end exclusive)."""
    findings = _findings_argument(findings)
    data = [
        {
            "file": shown_path(f.path),
            "start": _position_dict(f.start),
            "end": _position_dict(f.end),
            "code": f.code,
            "severity": f.severity,
            "message": f.message,
            "text": f.text,
            "suggestion": f.suggestion,
            "reference": f.reference,
        }
        for f in findings
    ]
    return json.dumps(data, ensure_ascii=False, indent=2)


_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _gh_escape(text: str, *, prop: bool = False) -> str:
    out = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        out = out.replace(":", "%3A").replace(",", "%2C")
    return out


def report_github(findings: Sequence[Finding]) -> str:
    """GitHub Actions workflow commands: each finding annotates its line in a pull request."""
    findings = _findings_argument(findings)
    lines = []
    for f in findings:
        props = [f"file={_gh_escape(shown_path(f.path), prop=True)}", f"line={f.start.line}"]
        if f.end.line != f.start.line:
            props.append(f"endLine={f.end.line}")
        props.append(f"col={f.start.column}")
        if f.end.line == f.start.line:
            props.append(f"endColumn={f.end.column}")
        props.append(f"title={_gh_escape(f.code, prop=True)}")
        hint = f" (suggestion: {f.suggestion})" if f.suggestion else ""
        message = _gh_escape(f"{f.message}{hint}")
        lines.append(f"::{_GITHUB_LEVEL[f.severity]} {','.join(props)}::{message}")
    return "\n".join(lines)


_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _sarif_rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.summary,
        "shortDescription": {"text": rule.summary},
        "help": {"text": f"See the documentation, {rule.page}, section {rule.code}."},
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
    }


def report_sarif(findings: Sequence[Finding]) -> str:
    """A SARIF 2.1.0 log with one run: the rules that fired and one result per finding."""
    findings = _findings_argument(findings)
    from archref import __version__  # noqa: PLC0415 (the package imports this module late)

    codes = sorted({f.code for f in findings})
    rules = [_sarif_rule(RULES[c]) for c in codes if c in RULES]
    index = {rule["id"]: k for k, rule in enumerate(rules)}
    results = []
    for f in findings:
        region: dict[str, Any] = {
            "startLine": f.start.line,
            "startColumn": f.start.column,
            "endLine": f.end.line,
            "endColumn": f.end.column,
            "snippet": {"text": f.text},
        }
        result: dict[str, Any] = {
            "ruleId": f.code,
            "level": _SARIF_LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": shown_path(f.path).replace(os.sep, "/")},
                        "region": region,
                    }
                }
            ],
        }
        if f.code in index:
            result["ruleIndex"] = index[f.code]
        if f.suggestion:
            result["properties"] = {"suggestion": f.suggestion}
        results.append(result)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "archref",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)


#: Output format -> reporter.
REPORTERS = {
    "text": report_text,
    "json": report_json,
    "github": report_github,
    "sarif": report_sarif,
}
