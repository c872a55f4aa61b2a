"""Checking files and reporting what was found: the engine of ``archref check``.

:func:`check_files` reads each file with :mod:`archref.readers`, extracts
every reference with :func:`archref.readers.extract_document`, and turns
the diagnostics of each citation into :class:`Finding` objects placed at
the line and column of the file. The reporters write them for a person
(``text``), a program (``json``, described by the JSON Schema that
:func:`output_schema` returns), GitHub Actions (``github``, workflow
commands that annotate a pull request), code-scanning tools (``sarif``,
SARIF 2.1.0, with each rule's documentation and each repair as a SARIF
fix), and the tools that read ``checkstyle`` or ``junit`` XML.

Every position in the JSON outputs, of ``archref check`` and of
``archref extract``, has one shape (:func:`position_record`): ``line``,
``column`` (1-based, in characters), ``offset`` (0-based, in the decoded
file), ``part`` (a Word file's part) and ``end``, the same for the
character after the span.

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

import contextlib
import json
import os
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Literal, Protocol

import attrs

from archref.model import Diagnostic
from archref.model.common import Severity
from archref.readers import (
    Chunk,
    Document,
    Format,
    LineIndex,
    LocatedCitation,
    Position,
    ReaderError,
    extract_document,
    read,
    read_bytes,
    read_string,
)
from archref.rules import DOCS_URL, RULES, Rule
from archref.serialize import canonical

if TYPE_CHECKING:
    from archref.consistency import Preferences
    from archref.model.citation import Citation

__all__ = [
    "REPORTERS",
    "SCHEMA_VERSION",
    "CheckResult",
    "Finding",
    "Reporter",
    "Unread",
    "check_files",
    "extract_record",
    "finding_record",
    "findings_in",
    "findings_of",
    "fix_is_safe",
    "located_record",
    "output_schema",
    "position_record",
    "report_checkstyle",
    "report_github",
    "report_json",
    "report_junit",
    "report_sarif",
    "report_text",
    "shown_path",
    "text_locator",
]

#: The version of the JSON outputs' shape (``archref check --output-format
#: json``, ``archref extract --json``), the ``version`` field of each. It
#: changes when a field is removed or changes meaning; new fields may be added
#: without a change.
SCHEMA_VERSION = 1

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
        fix: the text that replaces the span to repair it, when
            ``archref fix`` would make that repair (the file holds exactly
            ``text`` there, and the replacement needs no escaping).
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
    fix: str | None = None

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


def findings_of(
    doc: Document, codes: Iterable[str] | None = None, *, prefer: Preferences | None = None
) -> list[Finding]:
    """The findings of one document, in file order; only ``codes`` if given.

    ``prefer`` sets the forms the consistency rules (ARC5xx) hold the
    document to (:class:`~archref.consistency.Preferences`); by default the
    form most of the document uses.
    """
    if not isinstance(doc, Document):
        raise TypeError(f"doc must be a Document (from archref.readers), not {type(doc).__name__}")
    return findings_in(doc, extract_document(doc), codes, prefer=prefer)


def findings_in(
    doc: Document,
    citations: Sequence[LocatedCitation],
    codes: Iterable[str] | None = None,
    *,
    prefer: Preferences | None = None,
) -> list[Finding]:
    """The findings of citations already extracted from ``doc``; only ``codes`` if given.

    Besides the diagnostics of each citation: text shaped like a UN symbol
    that does not read as one (UN112), and the consistency rules of the
    document as a whole (ARC5xx, held to ``prefer``).
    """
    from archref.consistency import document_diagnostics  # noqa: PLC0415
    from archref.notations import un  # noqa: PLC0415

    if not isinstance(doc, Document):
        raise TypeError(f"doc must be a Document (from archref.readers), not {type(doc).__name__}")
    listed = _codes_argument(codes)
    wanted = set(listed) if listed is not None else None
    order = {id(chunk): k for k, chunk in enumerate(doc.chunks)}
    keyed: list[tuple[tuple[int, int], Finding]] = []

    def add(chunk: Chunk, at: int, d: Diagnostic, reference: str | None) -> None:
        if wanted is None or d.code in wanted:
            keyed.append(((order.get(id(chunk), -1), at), _finding(doc, chunk, d, reference)))

    spans: dict[int, list[tuple[int, int]]] = {}
    for located in citations:
        citation, chunk = located.citation, located.chunk
        spans.setdefault(id(chunk), []).append((citation.start, citation.end))
        if not citation.diagnostics:
            continue
        reference = citation.reference if citation.is_resolved else None
        shown = canonical(reference) if reference is not None else None  # once a citation
        for d in citation.diagnostics:
            told = _archive_before(chunk.text, citation, d) if d.code == "ARC103" else d
            add(chunk, citation.start, told, shown)
    for chunk in doc.chunks:
        taken = spans.get(id(chunk), [])
        for d in un.malformed(chunk.text):
            if not any(s < d.end and d.start < e for s, e in taken):
                add(chunk, d.start, d, None)
    for located, d in document_diagnostics(citations, prefer):
        citation = located.citation
        shown = canonical(citation.reference) if citation.is_resolved else None
        add(located.chunk, d.start, d, shown)
    keyed.sort(key=lambda item: item[0])  # stable: a citation's own order is kept
    return [f for _, f in keyed]


def _finding(doc: Document, chunk: Chunk, d: Diagnostic, reference: str | None) -> Finding:
    """A diagnostic at its place in the file, its fix kept only where ``fix`` would make it."""
    start, end = chunk.start_position(d.start), chunk.end_position(d.end)
    fix = None
    if d.fix is not None and d.fix != d.text and doc.text is not None:
        s0, s1 = chunk.source_span(d.start, d.end)
        if doc.text[s0:s1] == d.text and fix_is_safe(d.fix, doc.format):
            fix = d.fix
    return Finding(
        doc.path, start, end, d.code, d.severity, d.message, d.text, d.suggestion, reference, fix
    )


def _archive_before(text: str, citation: Citation, d: Diagnostic) -> Diagnostic:
    """ARC103 ("no archive named") with a "did you mean" when the word just before the
    reference is an acronym like a known archive's, which extraction did not
    read as one ("TsKhDS, f. 5, op. 28" for "TsKhSD")."""
    from archref.notations import fonds  # noqa: PLC0415
    from archref.suggest import archive_names  # noqa: PLC0415

    head = text[max(0, citation.start - 40) : citation.start]
    words = head.rstrip(" ,.:;").split()
    if not words or head[len(head.rstrip(" ,.:;")) :].strip(" ,.:;") or "\n" in head[-3:]:
        return d
    word = words[-1].strip("([\"'«“")
    if sum(ch.isupper() for ch in word) < 2 or any(ch.isdigit() for ch in word):
        return d
    names = archive_names(word)
    if not names:
        return d
    gap = head[len(head.rstrip(" ,.:;")) :]
    suggestion = None
    with contextlib.suppress(ValueError):
        suggestion = fonds.format_reference(fonds.parse(f"{names[0]}{gap}{citation.text}"))
    message = f"{d.message}; is {word!r} before it a slip for {names[0]!r}?"
    return attrs.evolve(d, message=message, suggestion=suggestion or d.suggestion)


#: Characters a replacement may not hold in a format, because the format would
#: need them escaped.
_UNSAFE: dict[str, str] = {
    "text": "",
    "markdown": "\\`*_[]<>#|",
    "latex": "\\{}%&#$_^~",
    "bibtex": '\\{}%&#$_^~"',
    "csl-json": '"\\',
}


def fix_is_safe(replacement: str, fmt: str) -> bool:
    """Whether ``replacement`` can be written into a file of format ``fmt`` as it is
    (no character the format would need escaped, no control character).

    >>> fix_is_safe("RGANI", "latex"), fix_is_safe("a_b", "latex"), fix_is_safe("x", "docx")
    (True, False, False)
    """
    unsafe = _UNSAFE.get(fmt)
    if unsafe is None:
        return False
    return not any(ch in unsafe or (ch < " " and ch != "\t") for ch in replacement)


def check_files(
    paths: Sequence[str | os.PathLike[str]],
    *,
    format: Format | None = None,
    codes: Iterable[str] | None = None,
    prefer: Preferences | None = None,
) -> CheckResult:
    """Check every file: read it, find its references, collect their diagnostics.

    ``prefer`` is the forms the consistency rules hold each file to
    (:class:`~archref.consistency.Preferences`).

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
        findings.extend(findings_in(doc, citations, wanted, prefer=prefer))
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


def sarif_uri(name: str | os.PathLike[str]) -> str:
    """A file name as the URI reference SARIF's ``artifactLocation`` takes.

    The name's bytes (as the file system holds them) are percent-encoded where
    a URI may not hold them, so every name, even one that is not UTF-8, gives
    a valid reference that decodes back to the file's own name; folders are
    separated by ``/``; an absolute name with a drive letter becomes a
    ``file:`` URI.

    >>> sarif_uri("chapters/one two.md")
    'chapters/one%20two.md'
    >>> sarif_uri(os.fsdecode(b"na\\xffme.txt"))
    'na%FFme.txt'
    >>> sarif_uri("глава.md")
    '%D0%B3%D0%BB%D0%B0%D0%B2%D0%B0.md'
    """
    from urllib.parse import quote_from_bytes  # noqa: PLC0415

    text = os.fspath(name)
    try:
        raw = os.fsencode(text)
    except UnicodeEncodeError:  # a lone surrogate that no file system name holds
        raw = text.encode("utf-8", "surrogatepass")
    if os.sep != "/":
        raw = raw.replace(os.sep.encode(), b"/")
    drive = os.path.splitdrive(text)[0]
    # ":" is escaped: a relative name "a:b" would otherwise read as a URI scheme
    quoted = quote_from_bytes(raw, safe="/-._~!$&'()*+,;=@")
    if drive:  # "C:/book/notes.md" on Windows
        return "file:///" + quoted.replace("%3A", ":", 1)
    return quoted


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


#: A file a run could not read: its name as shown, and the error as reported
#: (``"bad.tex:1:10: '{' is never closed"``).
Unread = tuple[str, str]


def _unread_argument(unread: Iterable[Unread]) -> list[Unread]:
    """``unread``, checked: ``(file, message)`` pairs of strings."""
    out = list(unread)
    for item in out:
        if not (
            isinstance(item, tuple) and len(item) == 2 and all(isinstance(x, str) for x in item)
        ):
            raise TypeError(f"unread must be (file, message) pairs of strings, got {item!r:.60}")
    return out


def _note(f: Finding) -> str:
    """The Word note a finding is in, ``"footnote 5"`` or ``"endnote 1"``; ``""`` in a
    file without parts and in a Word file's body."""
    part = f.start.part
    return part if part and part != "body" else ""


def _in_note(f: Finding) -> str:
    """``"(footnote 5) "`` before a finding's message in every report, or ``""``: a Word
    file's paragraphs are numbered within each note, so line and column alone do not
    say where the finding is."""
    note = _note(f)
    return f"({note}) " if note else ""


def _where(f: Finding) -> str:
    where = f"{shown_path(f.path)}:{f.start.line}:{f.start.column}:"
    note = _note(f)
    return f"{where} ({note})" if note else where


def report_text(findings: Sequence[Finding], *, unread: Iterable[Unread] = ()) -> str:
    """One line per finding, ``path:line:column: CODE severity: message [suggestion: ...]``.

    The files that could not be read are not in it: ``archref check`` says so
    on standard error and in the summary line after the report.
    """
    findings = _findings_argument(findings)
    _unread_argument(unread)
    lines = []
    for f in findings:
        hint = f" [suggestion: {f.suggestion}]" if f.suggestion else ""
        lines.append(f"{_where(f)} {f.code} {f.severity}: {f.message}{hint}")
    return "\n".join(lines)


def position_record(start: Position, end: Position) -> dict[str, Any]:
    """A span's place in a file, as every JSON output of archref writes it.

    ``line`` and ``column`` are 1-based and count characters; ``offset`` is
    the 0-based character offset in the decoded file (``None`` in a Word
    file, whose ``part`` then names the body or the footnote); ``end`` is the
    position just after the span.

    >>> record = position_record(Position(3, 1, 5), Position(3, 7, 11))
    >>> record["line"], record["column"], record["offset"], record["part"]
    (3, 1, 5, None)
    >>> record["end"]
    {'line': 3, 'column': 7, 'offset': 11}
    """
    return {
        "line": start.line,
        "column": start.column,
        "offset": start.offset,
        "part": start.part,
        "end": {"line": end.line, "column": end.column, "offset": end.offset},
    }


def finding_record(f: Finding) -> dict[str, Any]:
    """One finding as plain data: the object of ``findings`` in the JSON report."""
    return {
        "file": shown_path(f.path),
        **position_record(f.start, f.end),
        "code": f.code,
        "severity": f.severity,
        "message": f.message,
        "text": f.text,
        "suggestion": f.suggestion,
        "fix": f.fix,
        "reference": f.reference,
    }


#: Offsets of a citation's text -> its file positions (start, end exclusive).
Locate = Callable[[int, int], tuple[Position, Position]]


def text_locator(text: str) -> Locate:
    """A :data:`Locate` for offsets into ``text``, a whole decoded file.

    >>> locate = text_locator("x\\r\\n\\r\\nTsKhSD")
    >>> start, end = locate(5, 11)
    >>> start
    Position(line=3, column=1, offset=5, part=None)
    >>> end.line, end.column, end.offset
    (3, 7, 11)
    """
    lines = LineIndex.of(text)
    return lambda start, end: (lines.position(start), lines.position(end))


def extract_record(
    file: str, citation: Citation, locate: Locate, *, base: int = 0
) -> dict[str, Any]:
    """One citation as ``archref extract --json`` writes it (a JSON line).

    ``locate`` maps offsets to file positions; ``base`` is added to the
    citation's offsets first (the offset of the note it was found in).
    Each diagnostic carries its own position, of the same shape.
    """
    from archref.serialize import to_dict  # noqa: PLC0415

    diagnostics = []
    for d in citation.diagnostics:
        d_start, d_end = locate(base + d.start, base + d.end)
        diagnostics.append(
            {
                "code": d.code,
                "severity": d.severity,
                "message": d.message,
                **position_record(d_start, d_end),
                "text": d.text,
                "suggestion": d.suggestion,
                "fix": d.fix,
            }
        )
    start, end = locate(base + citation.start, base + citation.end)
    return {
        "version": SCHEMA_VERSION,
        "file": shown_path(file),
        **position_record(start, end),
        "text": citation.text,
        "form": citation.form,
        "certain": citation.certain,
        "reference": to_dict(citation.reference),
        "diagnostics": diagnostics,
    }


def located_record(file: str, located: LocatedCitation) -> dict[str, Any]:
    """:func:`extract_record` of a citation read from a file with :mod:`archref.readers`."""
    return extract_record(file, located.citation, located.locate)


def report_json(findings: Sequence[Finding], *, unread: Iterable[Unread] = ()) -> str:
    """A JSON object: the schema ``version``, the ``tool``, the ``findings``
    (:func:`finding_record`) and the ``errors``, the files that could not be read
    (``file`` and ``message``), described by :func:`output_schema`."""
    findings = _findings_argument(findings)
    errors = _unread_argument(unread)
    from archref import __version__  # noqa: PLC0415 (the package imports this module late)

    data = {
        "version": SCHEMA_VERSION,
        "tool": {"name": "archref", "version": __version__},
        "findings": [finding_record(f) for f in findings],
        "errors": [{"file": shown_path(file), "message": message} for file, message in errors],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


@cache
def _schema_text() -> str:
    return resources.files("archref").joinpath("data/schema/output.schema.json").read_text("utf-8")


def output_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of archref's JSON outputs: a report of
    ``archref check --output-format json``, or one line of ``archref extract --json``.

    >>> output_schema()["$defs"]["position"]["required"]
    ['line', 'column', 'offset', 'part', 'end']
    """
    schema: dict[str, Any] = json.loads(_schema_text())
    return schema


_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _gh_escape(text: str, *, prop: bool = False) -> str:
    out = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        out = out.replace(":", "%3A").replace(",", "%2C")
    return out


def report_github(findings: Sequence[Finding], *, unread: Iterable[Unread] = ()) -> str:
    """GitHub Actions workflow commands: each finding annotates its line in a pull request.

    A file that could not be read is an error annotation on that file. In a
    Word file the message starts with the note, as in every report:

    >>> from archref.readers import Position
    >>> at = Position(1, 8, None, "footnote 5")
    >>> f = Finding("a.docx", at, Position(1, 13, None, "footnote 5"), "ARC201", "info", "m", "t")
    >>> print(report_github([f]))
    ::notice file=a.docx,line=1,col=8,endColumn=13,title=ARC201::(footnote 5) m
    """
    findings = _findings_argument(findings)
    lines = []
    for file, message in _unread_argument(unread):  # an error annotation on the file
        where = f"file={_gh_escape(shown_path(file), prop=True)},title=archref"
        lines.append(f"::error {where}::{_gh_escape(f'could not be read: {message}')}")
    for f in findings:
        props = [f"file={_gh_escape(shown_path(f.path), prop=True)}", f"line={f.start.line}"]
        if f.end.line != f.start.line:
            props.append(f"endLine={f.end.line}")
        props.append(f"col={f.start.column}")
        if f.end.line == f.start.line:
            props.append(f"endColumn={f.end.column}")
        props.append(f"title={_gh_escape(f.code, prop=True)}")
        hint = f" (suggestion: {f.suggestion})" if f.suggestion else ""
        message = _gh_escape(f"{_in_note(f)}{f.message}{hint}")
        lines.append(f"::{_GITHUB_LEVEL[f.severity]} {','.join(props)}::{message}")
    return "\n".join(lines)


_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _sarif_rule(rule: Rule, docs_url: str) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.summary,
        "shortDescription": {"text": rule.summary},
        "helpUri": rule.help_uri(docs_url),
        "help": {"text": f"See the documentation, {rule.page}, section {rule.code}."},
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
    }


def _sarif_region(start: Position, end: Position) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": start.line,
        "startColumn": start.column,
        "endLine": end.line,
        "endColumn": end.column,
    }
    if start.offset is not None and end.offset is not None:
        region["charOffset"] = start.offset
        region["charLength"] = end.offset - start.offset
    return region


def report_sarif(
    findings: Sequence[Finding], *, docs_url: str = DOCS_URL, unread: Iterable[Unread] = ()
) -> str:
    """A SARIF 2.1.0 log with one run: the rules that fired and one result per finding.

    Each rule's ``helpUri`` is its section of the rule reference under
    ``docs_url``; a finding that ``archref fix`` repairs carries the repair
    as a SARIF ``fix`` (the span to delete, the text to insert). A finding in
    a Word note names the note in its message and as the location's logical
    location (the region's lines are the note's paragraphs). The run's
    ``invocations`` say whether every file was read (``executionSuccessful``),
    with a tool execution notification for each file that was not.
    """
    findings = _findings_argument(findings)
    errors = _unread_argument(unread)
    from archref import __version__  # noqa: PLC0415 (the package imports this module late)

    codes = sorted({f.code for f in findings})
    rules = [_sarif_rule(RULES[c], docs_url) for c in codes if c in RULES]
    index = {rule["id"]: k for k, rule in enumerate(rules)}
    results = []
    for f in findings:
        uri = sarif_uri(f.path)
        region = {**_sarif_region(f.start, f.end), "snippet": {"text": f.text}}
        location: dict[str, Any] = {
            "physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}
        }
        if _note(f):  # a Word note: the region's lines are the note's paragraphs
            location["logicalLocations"] = [{"name": _note(f), "kind": "element"}]
        result: dict[str, Any] = {
            "ruleId": f.code,
            "level": _SARIF_LEVEL[f.severity],
            "message": {"text": f"{_in_note(f)}{f.message}"},
            "locations": [location],
        }
        if f.code in index:
            result["ruleIndex"] = index[f.code]
        if f.fix is not None:
            result["fixes"] = [
                {
                    "description": {"text": f"Replace {f.text!r} with {f.fix!r}"},
                    "artifactChanges": [
                        {
                            "artifactLocation": {"uri": uri},
                            "replacements": [
                                {
                                    "deletedRegion": _sarif_region(f.start, f.end),
                                    "insertedContent": {"text": f.fix},
                                }
                            ],
                        }
                    ],
                }
            ]
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
                        "informationUri": docs_url,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "invocations": [
                    {
                        "executionSuccessful": not errors,
                        "toolExecutionNotifications": [
                            {
                                "level": "error",
                                "message": {"text": f"could not be read: {message}"},
                                "locations": [
                                    {
                                        "physicalLocation": {
                                            "artifactLocation": {"uri": sarif_uri(file)}
                                        }
                                    }
                                ],
                            }
                            for file, message in errors
                        ],
                    }
                ],
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)


def _xml_text(text: str) -> str:
    """``text`` with what XML 1.0 cannot hold (control characters, lone surrogates)
    written as ``\\xNN`` escapes."""
    return "".join(
        ch
        if ch in "\t\n\r"
        or ("\x20" <= ch <= "\ud7ff")
        or ("\ue000" <= ch <= "\ufffd")
        or ch >= "\U00010000"
        else ch.encode("unicode_escape").decode("ascii")
        for ch in text
    )


def _xml(root: ET.Element) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


def _message(f: Finding) -> str:
    hint = f" [suggestion: {f.suggestion}]" if f.suggestion else ""
    return _xml_text(f"{_in_note(f)}{f.message}{hint}")


def report_checkstyle(findings: Sequence[Finding], *, unread: Iterable[Unread] = ()) -> str:
    """Checkstyle XML: a ``<file>`` per file, an ``<error>`` per finding (``source`` is
    ``archref.CODE``), as Jenkins, GitLab and reviewdog read it. A file that could
    not be read has one ``<error>`` of severity ``error`` and ``source``
    ``archref.unread``, at line 0 (no line of it was read)."""
    findings = _findings_argument(findings)
    root = ET.Element("checkstyle", version="4.3")
    files: dict[str, ET.Element] = {}
    for file, message in _unread_argument(unread):
        name = _xml_text(shown_path(file))
        element = ET.SubElement(root, "file", name=name)
        ET.SubElement(
            element,
            "error",
            line="0",
            severity="error",
            message=_xml_text(f"could not be read: {message}"),
            source="archref.unread",
        )
    for f in findings:
        name = _xml_text(shown_path(f.path))
        if name not in files:
            files[name] = ET.SubElement(root, "file", name=name)
        ET.SubElement(
            files[name],
            "error",
            line=str(f.start.line),
            column=str(f.start.column),
            severity=f.severity,
            message=_message(f),
            source=f"archref.{f.code}",
        )
    return _xml(root)


def report_junit(findings: Sequence[Finding], *, unread: Iterable[Unread] = ()) -> str:
    """JUnit XML: one test suite per file, one failed test case per finding, as CI
    servers show test results. A file that could not be read is a suite with one
    test case in error (``<error>``, not ``<failure>``)."""
    findings = _findings_argument(findings)
    errors = _unread_argument(unread)
    root = ET.Element("testsuites", name="archref", tests=str(len(findings) + len(errors)))
    root.set("failures", str(len(findings)))
    if errors:
        root.set("errors", str(len(errors)))
    suites: dict[str, ET.Element] = {}
    for file, message in errors:
        name = _xml_text(shown_path(file))
        broken = ET.SubElement(root, "testsuite", name=name, tests="1", failures="0", errors="1")
        case = ET.SubElement(broken, "testcase", classname=name, name="read", file=name)
        error = ET.SubElement(case, "error", message=_xml_text(f"could not be read: {message}"))
        error.text = _xml_text(message)
    for f in findings:
        name = _xml_text(shown_path(f.path))
        suite = suites.get(name)
        if suite is None:
            suite = suites[name] = ET.SubElement(root, "testsuite", name=name)
        case = ET.SubElement(
            suite,
            "testcase",
            classname=name,
            name=f"{f.code} at {f.start.line}:{f.start.column}"
            + (f" ({_note(f)})" if _note(f) else ""),
            file=name,
            line=str(f.start.line),
        )
        failure = ET.SubElement(case, "failure", message=_message(f), type=f.severity)
        failure.text = _xml_text(f"{_where(f)} {f.code} {f.severity}: {f.message}")
    for suite in suites.values():  # the suites of findings (a file read in full)
        count = str(len(suite))
        suite.set("tests", count)
        suite.set("failures", count)
        suite.set("errors", "0")
    return _xml(root)


#: Output format -> reporter.
class Reporter(Protocol):
    """A report of findings: ``reporter(findings, unread=[(file, message), ...])``."""

    def __call__(self, findings: Sequence[Finding], *, unread: Iterable[Unread] = ()) -> str: ...


REPORTERS: dict[str, Reporter] = {
    "text": report_text,
    "json": report_json,
    "github": report_github,
    "sarif": report_sarif,
    "checkstyle": report_checkstyle,
    "junit": report_junit,
}
