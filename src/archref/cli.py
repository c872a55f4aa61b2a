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
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple, TextIO, cast

import attrs

from archref.model import ArchivalReference, ParseError
from archref.notations import ARCHIVAL_STYLES
from archref.translit import SCHEMES

if TYPE_CHECKING:
    from archref.config import Config
    from archref.consistency import Preferences
    from archref.fixing import FixResult
    from archref.lint import Settings
    from archref.model.citation import Citation
    from archref.readers import Document, Format, NotesMode, Position
    from archref.registry import Registry
    from archref.reporting import FailOn
    from archref.walk import Walk

    #: One file of ``archref extract``: its name, ``--json``, ``--notes``, the format
    #: (None: by its extension) and the configuration's registry files.
    _ExtractTask = tuple[str, bool, str, str | None, tuple[tuple[str, str], ...]]

__all__ = ["main"]


def _format(ref: object, style: str, transliteration: str | None = "ala-lc") -> str:
    if isinstance(ref, ArchivalReference):
        return ref.format(style, transliteration=transliteration)
    return str(ref)


def _scheme(args: argparse.Namespace) -> str | None:
    """The transliteration asked for with ``--transliteration`` (``none``: None)."""
    value: str = args.transliteration
    return None if value == "none" else value


def _add_transliteration(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--transliteration",
        choices=(*SCHEMES, "none"),
        default="ala-lc",
        help="how Cyrillic is written in Latin letters in every notation but ru (an archive "
        "the registry does not know, a letter of an identifier): ala-lc (the default), "
        "bgn-pcgn, gost-7.79, scholarly, or none to keep it",
    )


def _cmd_parse(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from archref.lint import registry_of  # noqa: PLC0415 (each command imports what it needs)
    from archref.parsing import parse  # noqa: PLC0415
    from archref.serialize import to_dict  # noqa: PLC0415

    files = _configured_registry(args, err)
    if files is None:
        return 2
    registry = registry_of(files)
    texts: Iterable[str] = args.text
    if not args.text:
        from archref.reporting import stdin_data  # noqa: PLC0415

        text = _decode_input(stdin_data(), "<stdin>", err)
        if text is None:
            return 2
        texts = text.split("\n")
    status = 0
    for n, text in enumerate(texts, start=1):
        if not args.text and not text.strip():
            continue
        try:
            ref = parse(text, registry=registry)
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
            print(_format(ref, args.style, _scheme(args)), file=out)
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


def _shown(name: str) -> str:
    """A file name fit to print (bytes that are not UTF-8 escaped)."""
    from archref.reporting import shown_path  # noqa: PLC0415

    return shown_path(name)


def _decode_input(
    data: bytes | str, shown: str, err: TextIO, *, keep_line_ends: bool = False
) -> str | None:
    """UTF-8 bytes as text (a byte order mark dropped, line ends as ``"\\n"``), or None.

    What is not UTF-8 is reported on ``err`` with the offset of its first bad byte.
    With ``keep_line_ends`` the line ends stay as they are (the readers' decoding:
    offsets are then the file's).
    """
    if isinstance(data, bytes):
        bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
        try:
            data = data[bom:].decode("utf-8")
        except UnicodeDecodeError as exc:
            print(
                f"{shown}: error: not UTF-8 text (byte {exc.start + bom}: {exc.reason})", file=err
            )
            return None
    if keep_line_ends:
        return data
    return data.replace("\r\n", "\n").replace("\r", "\n")


def _load(name: str, fmt: str | None, err: TextIO) -> tuple[Format, str | bytes] | None:
    """The format of file ``name`` (``-``: standard input) and its text, or None after
    saying why not (a .docx stays bytes).

    The one way ``extract`` and ``format`` read a file, as ``check`` and
    ``fix`` do: the format named, else the file's extension (standard input:
    plain text); the bytes decoded as :mod:`archref.readers` decodes them
    (UTF-8, a byte order mark dropped, line ends kept, so that offsets are
    the file's); a file larger than :data:`archref.readers.MAX_SIZE` refused
    unread.
    """
    from archref.readers import MAX_SIZE, ReaderError, format_of, size_error  # noqa: PLC0415
    from archref.reporting import shown_path, stdin_data  # noqa: PLC0415

    shown = "<stdin>" if name == "-" else shown_path(name)
    try:
        kind = cast("Format", fmt or ("text" if name == "-" else format_of(name)))
        if name == "-":
            data: bytes | str = stdin_data()
        else:
            with open(name, "rb") as fh:
                size = os.fstat(fh.fileno()).st_size
                if size > MAX_SIZE:
                    raise size_error(size, MAX_SIZE, name)
                data = fh.read(MAX_SIZE + 1)
            if len(data) > MAX_SIZE:  # it grew while it was read
                raise size_error(len(data), MAX_SIZE, name)
    except OSError as exc:
        print(f"{shown}: error: {exc.strerror or exc}", file=err)
        return None
    except ReaderError as exc:
        print(f"error: {shown_path(str(exc))}", file=err)
        return None
    if isinstance(data, str) or kind == "docx":  # a text stream in place of stdin; a zip
        return kind, data
    text = _decode_input(data, shown, err, keep_line_ends=True)
    return None if text is None else (kind, text)


def _read_document(
    name: str, fmt: str | None, err: TextIO, notes: str = "paragraphs"
) -> Document | None:
    """The file ``name`` read by its reader (see :func:`_load`), or None after saying why."""
    loaded = _load(name, fmt, err)
    return None if loaded is None else _document(name, *loaded, err, notes)


def _document(
    name: str, kind: Format, data: str | bytes, err: TextIO, notes: str = "paragraphs"
) -> Document | None:
    """What :func:`_load` gave, read by its reader, or None after saying why not."""
    from archref.readers import ReaderError, read_bytes, read_string  # noqa: PLC0415
    from archref.reporting import shown_path  # noqa: PLC0415

    path = "<stdin>" if name == "-" else name
    try:
        if isinstance(data, bytes):
            return read_bytes(data, kind, path=path)
        return read_string(data, kind, path=path, notes=cast("NotesMode", notes))
    except ReaderError as exc:
        print(f"error: {shown_path(str(exc))}", file=err)
        return None


def _where(shown: str, p: Position) -> str:
    """``file:line:column:``, and the part of a Word file (``footnote 3``) when not the body."""
    where = f"{shown}:{p.line}:{p.column}:"
    return f"{where} ({p.part})" if p.part and p.part != "body" else where


def _cmd_extract(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from archref.parallel import map_printed  # noqa: PLC0415

    fmt = None if args.input_format == "auto" else args.input_format
    registry = _configured_registry(args, err)
    if registry is None:
        return 2
    files, unwalked = _walked(args, err)
    tasks = [(name, args.json, args.notes, fmt, registry) for name in files]
    status = map_printed(_extract_file, tasks, args.jobs, out, err, local=lambda t: t[0] == "-")
    return 2 if unwalked else status


def _walked(args: argparse.Namespace, err: TextIO) -> tuple[list[str], int]:
    """The files of ``extract`` and ``format``: those named, and in each folder named the
    files a reader knows, walked as ``check`` walks them (in name order; hidden files,
    what ``.gitignore`` ignores and the configuration's ``exclude`` left out, its
    ``include`` kept); and how many folders could not be walked (said on ``err``)."""
    from archref.walk import collect  # noqa: PLC0415

    config = _loaded_config(args)
    include = [(config.root, config.include)] if config.include else []
    exclude = [(config.root, config.exclude)]
    files: list[str] = []
    errors = 0
    for name in args.files:
        if name == "-" or not os.path.isdir(name):
            files.append(name)  # a file: read as named, its reader says what is wrong
            continue
        walk = collect([name], include=include, exclude=exclude, gitignore=config.respect_gitignore)
        for path, reason in walk.errors:
            print(f"error: {_shown(path)}: {reason}", file=err)
            errors += 1
        if not walk.files and not walk.errors:
            print(f"warning: no file archref reads in {_shown(name)}", file=err)
        files.extend(walk.files)
    return files, errors


def _extract_file(task: _ExtractTask, out: TextIO, err: TextIO) -> int:
    """Extract from one file; 2 if it cannot be read (run by a worker with ``-j N``)."""
    from archref.lint import registry_of  # noqa: PLC0415
    from archref.readers import extract_document  # noqa: PLC0415
    from archref.reporting import located_record  # noqa: PLC0415

    name, as_json, mode, fmt, registry = task
    doc = _read_document(name, fmt, err, mode)
    if doc is None:
        return 2
    shown = "<stdin>" if name == "-" else _shown(name)
    for located in extract_document(doc, registry=registry_of(registry)):
        citation = located.citation
        if as_json:
            print(json.dumps(located_record(shown, located), ensure_ascii=False), file=out)
            continue
        print(
            f"{_where(shown, located.start)} {citation.reference}"
            f"  [{citation.form}: {citation.text!r}]",
            file=out,
        )
        for d in citation.diagnostics:
            start, _ = located.locate(d.start, d.end)
            print(f"{_where(shown, start)} {d.severity} {d.code} {d.message}", file=out)
    return 0


def _references_from(
    kind: str, text: str, registry: Registry | None = None
) -> tuple[list[object], list[str]]:
    """The references in an input (archives looked up in ``registry``, by default the
    shipped one), and why any part of it was not read."""
    problems: list[str] = []
    if kind == "csl-json":
        from archref.formats.csl import from_csl_json  # noqa: PLC0415
        from archref.readers import ReaderError  # noqa: PLC0415
        from archref.readers.csljson import check_depth  # noqa: PLC0415

        try:
            check_depth(text)  # json.loads recurses: refuse deep nesting first
            items = json.loads(text)
        except ReaderError as exc:
            return [], [f"not CSL-JSON: {exc.message} at line {exc.line}, column {exc.column}"]
        except json.JSONDecodeError as exc:
            return [], [f"not CSL-JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"]
        except ValueError as exc:  # a number too long to be an int
            return [], [f"not CSL-JSON: {exc}"]
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            return [], ["not CSL-JSON: expected an array of item objects"]
        got = from_csl_json(items, registry=registry)
        problems = [f"item {u.item.get('id')!r} left out: no id" for u in got.dropped]
        return list(got.entries), problems
    if kind == "bibtex":
        from archref.formats.bibtex import from_bibtex  # noqa: PLC0415

        lib = from_bibtex(text, registry=registry)
        problems = [f"line {f.line}: {f.reason}" for f in lib.failed]
        problems += [f"entry {u.key!r}: {u.reason}" for u in lib.unrecognised]
        return list(lib.references), problems
    from archref.extract import extract  # noqa: PLC0415

    return _sources(extract(text, registry=registry)), problems


def _sources(citations: Iterable[Citation]) -> list[object]:
    """The distinct references cited, in order of first citation.

    Unresolved short forms and credits ("translated by ...") are no sources.
    """
    from archref.notations.published import Credit  # noqa: PLC0415

    wanted = (
        c.reference for c in citations if c.is_resolved and not isinstance(c.reference, Credit)
    )
    return list(dict.fromkeys(wanted))


def _file_references(
    name: str, fmt: str | None, err: TextIO, registry: Registry | None = None
) -> list[object] | None:
    """The references of one file for ``format``, or None if it cannot be read.

    A .bib or CSL-JSON file is read entry by entry (:func:`archref.from_bibtex`,
    :func:`archref.from_csl_json`: what archref wrote comes back whole, leaves
    and dates too); every other file through its reader, as ``check`` reads
    it, its citations in file order. What could not be read is reported.
    """
    from archref.readers import extract_document  # noqa: PLC0415

    shown = "<stdin>" if name == "-" else _shown(name)
    loaded = _load(name, fmt, err)
    if loaded is None:
        return None
    kind, data = loaded
    if kind in ("bibtex", "csl-json") and isinstance(data, str):
        return _entries(shown, kind, data, err, registry)
    doc = _document(name, kind, data, err)
    if doc is None:
        return None
    refs = _sources(c.citation for c in extract_document(doc, registry=registry))
    if not refs:
        print(f"{shown}: error: no references found", file=err)
    return refs


def _entries(
    shown: str, kind: str, data: str, err: TextIO, registry: Registry | None
) -> list[object]:
    """The references of a .bib or CSL-JSON file read entry by entry, what could not be
    read said on ``err`` as warnings, and an error if nothing was found."""
    refs, problems = _references_from(kind, data, registry)
    for problem in problems:
        print(f"{shown}: warning: {problem}", file=err)
    if not refs:
        print(f"{shown}: error: no references found", file=err)
    return refs


def _source_key(ref: object) -> object:
    """What makes two sources of ``archref format`` one: the reference, or a passed-through
    CSL-JSON item's content."""
    if isinstance(ref, dict):
        return ("item", json.dumps(ref, sort_keys=True, ensure_ascii=False, default=str))
    return ref


def _format_notation(args: argparse.Namespace, err: TextIO) -> str | None:
    """The notation ``format`` writes archival references in, or None after an error.

    ``--notation`` if given; for rendered output in a Russian style (the GOST
    styles) ``ru``; else the configured notation, else ``en``.
    """
    if args.notation:
        return str(args.notation)
    if args.to in {"text", "html", "markdown"}:
        russian = _russian_style(args.style, err)
        if russian is None:
            return None
        if russian:
            return "ru"
    return str(args.config_notation or "en")


def _russian_style(style: str, err: TextIO) -> bool | None:
    """Whether a CSL style writes Russian (its default locale), or None after an error."""
    from archref.formats.render import load_style, writes_russian  # noqa: PLC0415

    try:
        return writes_russian(load_style(style))
    except (ValueError, OSError) as exc:
        print(f"error: {exc}", file=err)
        return None


def _cmd_format(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from archref.lint import registry_of  # noqa: PLC0415

    fmt = None if args.input_format == "auto" else args.input_format
    notation = _format_notation(args, err)
    if notation is None:
        return 2
    args.notation = notation
    files = _configured_registry(args, err)
    if files is None:
        return 2
    registry = registry_of(files)
    if args.kind == "notes" and args.to in {"text", "html", "markdown"}:
        return _format_notes(args, fmt, out, err, registry)
    found = _gathered(args, err, lambda name, _: _file_references(name, fmt, err, registry))
    if found is None:
        return 2  # no bibliography of a book with a chapter missing
    # one bibliography: each source once, first cited first (a CSL-JSON item passed
    # through, a mapping, is compared by its content)
    firsts: dict[object, object] = {}
    for ref in found:
        firsts.setdefault(_source_key(ref), ref)
    refs = list(firsts.values())
    if not refs:
        return 1
    from archref.formats.bibtex import to_bibtex  # noqa: PLC0415
    from archref.formats.csl import to_csl_json  # noqa: PLC0415

    try:
        items = to_csl_json(
            refs,  # type: ignore[arg-type]
            notation=args.notation,
            archive_name=args.archive_name,
            zotero=args.zotero,
            transliteration=_scheme(args),
        )
    except ValueError as exc:  # two CSL-JSON items of the files with one id
        print(f"error: {exc}", file=err)
        return 2
    if args.to == "csl-json":
        print(json.dumps(items, ensure_ascii=False, indent=2), file=out)
    elif args.to in {"bibtex", "biblatex"}:
        out.write(
            to_bibtex(
                refs,  # type: ignore[arg-type]
                dialect=args.to,
                convention=args.convention,
                notation=args.notation,
                archive_name=args.archive_name,
                transliteration=_scheme(args),
            )
        )
    else:
        from archref.formats.render import render  # noqa: PLC0415

        grouped = args.archives == "grouped"
        try:
            if grouped:
                out.write(
                    _grouped_bibliography(refs, args.style, args.to, args.notation, _scheme(args))
                )
                return 0
            entries = render(items, args.style, output=args.to)
        except (ValueError, OSError) as exc:
            print(f"error: {exc}", file=err)
            return 2
        for entry in entries:
            print(entry, file=out)
    return 0


def _gathered(
    args: argparse.Namespace,
    err: TextIO,
    read: Callable[[str, int], list[object] | None],
) -> list[object] | None:
    """What ``read(name, count so far)`` gives for each file ``format`` is given (folders
    walked, see :func:`_walked`), in order; None if a file or folder could not be read
    (each said on ``err`` by its reader), since a book with a chapter missing is not
    formatted."""
    found: list[object] = []
    named, unwalked = _walked(args, err)
    unread = bool(unwalked)
    for name in named:
        values = read(name, len(found))
        if values is None:
            unread = True
        else:
            found.extend(values)
    return None if unread else found


def _format_notes(
    args: argparse.Namespace,
    fmt: str | None,
    out: TextIO,
    err: TextIO,
    registry: Registry | None = None,
) -> int:
    """``format --kind notes``: the notes of the files, in order, re-styled.

    Each note of a document (its footnotes and endnotes; a file without
    notes: each citation) is one note of the output, its citations together,
    later notes to the same source in the style's short form or "Ibid."; a
    .bib or CSL-JSON file gives one note per entry.
    """
    from archref.formats.render import render  # noqa: PLC0415

    cited = _gathered(
        args, err, lambda name, count: _file_notes(name, fmt, err, count, registry=registry)
    )
    if cited is None:
        return 2
    if not cited:
        return 1
    try:
        entries = render(
            cited,
            args.style,
            output=args.to,
            kind="notes",
            notation=args.notation,
            transliteration=_scheme(args),
        )
    except (ValueError, OSError) as exc:
        print(f"error: {exc}", file=err)
        return 2
    for entry in entries:
        print(entry, file=out)
    return 0


def _file_notes(
    name: str, fmt: str | None, err: TextIO, first_note: int, registry: Registry | None = None
) -> list[object] | None:
    """The citations of one file's notes for ``format --kind notes``, or None if unreadable.

    Notes are numbered from ``first_note`` on, so that the notes of several
    files stay apart; a citation that repeats nothing ("Ibid." after a note
    citing two files) is left out.
    """
    from archref.notations.published import Credit  # noqa: PLC0415
    from archref.readers import extract_document  # noqa: PLC0415

    shown = "<stdin>" if name == "-" else _shown(name)
    loaded = _load(name, fmt, err)
    if loaded is None:
        return None
    kind, data = loaded
    if kind in ("bibtex", "csl-json") and isinstance(data, str):
        return _entries(shown, kind, data, err, registry)
    doc = _document(name, kind, data, err)
    if doc is None:
        return None
    located = extract_document(doc, registry=registry)
    in_notes = [lc for lc in located if lc.chunk.kind != "body"]
    numbers: dict[tuple[str, int | None, int], int] = {}
    out: list[object] = []
    for index, lc in enumerate(in_notes or located):
        c = lc.citation
        if not c.is_resolved or isinstance(c.reference, Credit):
            continue
        # a note of a file is its kind (footnote, endnote) and number; a citation
        # outside any note is a note of its own
        key = (lc.chunk.kind, c.note, index if c.note is None else -1)
        number = numbers.setdefault(key, first_note + len(numbers))
        out.append(attrs.evolve(c, note=number))
    if not out:
        print(f"{shown}: error: no references found", file=err)
    return out


_SECTION_TITLES = ("Archival sources", "Published sources")


def _grouped_bibliography(
    refs: Sequence[object],
    style: str,
    output: str,
    notation: str,
    transliteration: str | None = "ala-lc",
) -> str:
    """A historian's bibliography: the archives and fonds cited, then the other works.

    In a Russian style (GOST) the sections are headed "Архивные источники"
    and "Опубликованные источники", and works in Cyrillic come first.

    The archival references are listed by archive and fond
    (:func:`archref.formats.archives.archival_sources`), the rest (published
    works, UN documents) rendered in the CSL style. A section is headed only
    when both are present.
    """
    from archref.formats import gost  # noqa: PLC0415
    from archref.formats.archives import (  # noqa: PLC0415
        archival_sources,
        format_archival_sources,
    )
    from archref.formats.render import load_style, render, writes_russian  # noqa: PLC0415

    russian = writes_russian(load_style(style))
    archival = [r for r in refs if isinstance(r, ArchivalReference)]
    others = [r for r in refs if not isinstance(r, ArchivalReference)]
    entries = (
        render(
            others,
            style,
            output=output,  # type: ignore[arg-type]
            notation=notation,
            transliteration=transliteration,
        )
        if others
        else []
    )
    if russian:
        entries = gost.cyrillic_first(entries)
    groups = archival_sources(archival, notation=notation, transliteration=transliteration)
    titles = gost.SECTION_TITLES if russian else _SECTION_TITLES
    sections: list[tuple[str, str]] = []
    if groups:
        sections.append((titles[0], format_archival_sources(groups, output)))  # type: ignore[arg-type]
    if entries:
        if output == "html":
            body = "\n".join(f'<div class="csl-entry">{e}</div>' for e in entries)
        else:
            body = "\n".join(entries)
        sections.append((titles[1], body))
    if len(sections) == 1:
        return sections[0][1] + "\n"
    parts = []
    for title, body in sections:
        if output == "markdown":
            parts.append(f"## {title}\n\n{body}")
        elif output == "html":
            parts.append(f"<h2>{title}</h2>\n{body}")
        else:
            parts.append(f"{title}\n\n{body}")
    return "\n\n".join(parts) + "\n"


def _codes(values: Sequence[str] | None) -> list[str]:
    """Comma-separated codes or prefixes from repeated options, upper-cased."""
    out: list[str] = []
    for value in values or ():
        out += [v.strip().upper() for v in value.split(",") if v.strip()]
    return out


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _cmd_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from archref.config import ConfigError  # noqa: PLC0415
    from archref.lint import Progress, check_paths, report_statistics, wants_progress  # noqa: PLC0415
    from archref.reporting import REPORTERS, Finding  # noqa: PLC0415

    try:
        run = _lint_run(args, cache=not args.no_cache)
    except ConfigError as exc:
        print(f"error: {exc}", file=err)
        return 2
    for path, reason in run.walk.errors:
        print(f"error: {_shown(path)}: {reason}", file=err)
    files = run.walk.files
    progress = None
    if len(files) > 1 and wants_progress(out, err):
        progress = Progress(len(files), err)
    findings: list[Finding] = []
    references = failed = 0
    # the files that could not be read, (file, error), for the machine reports too
    unread = [(path, f"{_shown(path)}: {reason}") for path, reason in run.walk.errors]
    try:
        for result in check_paths(files, run.settings, args.jobs, progress=progress):
            if result.error is not None:
                print(f"error: {result.error}", file=err)
                unread.append(("<stdin>" if result.path == "-" else result.path, result.error))
                failed += 1
                continue
            findings.extend(result.findings)
            references += result.references
    finally:
        if progress is not None:
            progress.close()
    if args.statistics:
        report = report_statistics(findings, "json" if run.output_format == "json" else "text")
    else:
        report = REPORTERS[run.output_format](findings, unread=unread)
    if report:
        print(report, file=out)
    errors = failed + len(run.walk.errors)
    if run.output_format == "text" or (args.statistics and run.output_format != "json"):
        # the summary is text: a JSON report (of findings or statistics) stays JSON
        print(_check_summary(findings, references, len(files) - failed, errors), file=out)
    if not files and not errors:
        shown = ", ".join(_shown(p) for p in args.files)
        print(f"warning: no file archref reads in {shown}", file=err)
    if errors:
        return 2
    return 1 if any(f.fails(run.fail_on) for f in findings) else 0


def _check_summary(findings: Sequence[object], references: int, read: int, errors: int) -> str:
    """The last line of ``archref check``: what was read, what was found, what failed.

    A run in which a file could not be read never says "no problems found".
    """
    severities = [getattr(f, "severity", "") for f in findings]
    counts = {s: severities.count(s) for s in ("error", "warning", "info")}
    summary = ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items() if n)
    head = f"{_plural(references, 'citation')} in {_plural(read, 'file')}: "
    if errors:
        failure = f"{_plural(errors, 'file')} could not be read"
        return head + (f"{summary}; {failure}" if summary else failure)
    if not read:
        return head + "no files to check"
    return head + (summary or "no problems found")


class _LintRun(NamedTuple):
    """What ``check`` and ``fix`` settle before reading a file."""

    config: Config
    settings: Settings
    walk: Walk
    fail_on: FailOn
    output_format: str


def _loaded_config(args: argparse.Namespace) -> Config:
    """The configuration of this run (``--config``, ``--isolated``, or the nearest file)."""
    from archref.config import Config, find_config, load_config  # noqa: PLC0415

    loaded = getattr(args, "loaded_config", None)
    if isinstance(loaded, Config):
        return loaded
    if getattr(args, "isolated", False):
        return Config()
    if getattr(args, "config", None):
        return load_config(args.config)
    paths = getattr(args, "files", None) or [getattr(args, "file", "-")]
    found = find_config([p for p in paths if isinstance(p, str)])
    return load_config(found) if found is not None else Config()


def _lint_run(args: argparse.Namespace, *, cache: bool) -> _LintRun:
    """Configuration, rules, files and cache of a ``check`` or ``fix`` run."""
    import os  # noqa: PLC0415

    from archref.config import check_codes  # noqa: PLC0415
    from archref.lint import Settings  # noqa: PLC0415
    from archref.rules import select  # noqa: PLC0415
    from archref.walk import collect  # noqa: PLC0415

    config = _loaded_config(args)
    chosen = check_codes(_codes(args.select), "--select") if args.select else config.select
    extend = config.extend_select + check_codes(_codes(args.extend_select), "--extend-select")
    ignore = config.ignore + check_codes(_codes(args.ignore), "--ignore")
    include = [*chosen, *extend] if chosen else []
    codes = tuple(rule.code for rule in select(include, ignore))
    registry = _registry_files(config)
    cache_dir = None
    if cache:
        env = os.environ.get("ARCHREF_CACHE_DIR")
        if args.cache_dir:
            cache_dir = args.cache_dir
        elif env:
            cache_dir = env
        elif config.cache_dir:
            cache_dir = os.path.join(config.root, config.cache_dir)
        else:
            cache_dir = os.path.join(config.root if config.path else os.curdir, ".archref_cache")
    settings = Settings(
        None if args.input_format == "auto" else args.input_format,
        codes,
        config.per_file_ignores,
        config.root,
        tuple(registry),
        cache_dir,
        _prefer(args, config),
    )
    exclude = [(config.root, config.exclude), (os.curdir, tuple(args.exclude or ()))]
    if args.include:
        include_globs = [(os.curdir, tuple(args.include))]
    else:
        include_globs = [(config.root, config.include)] if config.include else []
    walk = collect(
        args.files, include=include_globs, exclude=exclude, gitignore=config.respect_gitignore
    )
    fail_on = cast("FailOn", args.fail_on or config.fail_on or "warning")
    output_format = getattr(args, "output_format", None) or config.output_format or "text"
    return _LintRun(config, settings, walk, fail_on, output_format)


def _registry_files(config: Config) -> tuple[tuple[str, str], ...]:
    """``(name, TOML text)`` of the registry files the configuration names (its
    ``registry`` key), checked: a :class:`~archref.config.ConfigError` when one cannot
    be read or its archives do not join the shipped registry."""
    import os  # noqa: PLC0415

    from archref.config import ConfigError  # noqa: PLC0415
    from archref.lint import registry_of  # noqa: PLC0415
    from archref.model.common import RegistryError  # noqa: PLC0415

    registry: list[tuple[str, str]] = []
    for name in config.registry:
        full = os.path.join(config.root, name)
        try:
            with open(full, encoding="utf-8") as fh:
                registry.append((name, fh.read()))
        except (OSError, UnicodeDecodeError) as exc:
            reason = getattr(exc, "strerror", None) or exc
            raise ConfigError(
                f"{config.path}: key 'registry': cannot read {name}: {reason}"
            ) from None
    try:
        registry_of(tuple(registry))
    except RegistryError as exc:
        raise ConfigError(f"{config.path}: key 'registry': {exc}") from None
    return tuple(registry)


def _configured_registry(
    args: argparse.Namespace, err: TextIO
) -> tuple[tuple[str, str], ...] | None:
    """The registry files of the run's configuration (see :func:`_registry_files`), or
    None after saying why they cannot be used."""
    from archref.config import ConfigError  # noqa: PLC0415

    try:
        return _registry_files(_loaded_config(args))
    except ConfigError as exc:
        print(f"error: {exc}", file=err)
        return None


def _prefer(args: argparse.Namespace, config: Config) -> Preferences:
    """The preferences of the consistency rules: the configuration's ``prefer`` table,
    each ``--prefer KEY=VALUE`` winning over the same key there; a
    :class:`~archref.config.ConfigError` says what is wrong."""
    import attrs  # noqa: PLC0415

    from archref.config import ConfigError  # noqa: PLC0415
    from archref.consistency import preferences  # noqa: PLC0415

    try:
        given = attrs.asdict(preferences(_codes_free(args.prefer)))
    except ValueError as exc:
        raise ConfigError(f"--prefer: {exc}") from None
    merged = dict(config.prefer)
    merged.update({key: value for key, value in given.items() if value is not None})
    return preferences(merged)


def _codes_free(values: Sequence[str] | None) -> list[str]:
    """Comma-separated ``KEY=VALUE`` items from repeated options, as written."""
    return [v.strip() for value in values or () for v in value.split(",") if v.strip()]


def _cmd_fix(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import difflib  # noqa: PLC0415

    from archref.config import ConfigError  # noqa: PLC0415
    from archref.fixing import fix_bytes, fix_file, fix_text  # noqa: PLC0415
    from archref.lint import codes_for  # noqa: PLC0415
    from archref.lint import registry_of as registry_for  # noqa: PLC0415
    from archref.readers import ReaderError  # noqa: PLC0415
    from archref.reporting import Finding, report_text, shown_path, stdin_data  # noqa: PLC0415

    try:
        run = _lint_run(args, cache=False)
    except ConfigError as exc:
        print(f"error: {exc}", file=err)
        return 2
    for path, reason in run.walk.errors:
        print(f"error: {_shown(path)}: {reason}", file=err)
    fmt = run.settings.format
    prefer = run.settings.prefer
    errors = len(run.walk.errors)
    fixes = changed = 0
    left: list[Finding] = []
    registry = registry_for(run.settings.registry)
    for path in run.walk.files:
        # "-" is a filter: the text from standard input, fixed, to standard output
        report = err if path == "-" else out
        shown = shown_path(path)
        codes = codes_for(path, run.settings)
        try:
            if path == "-":
                data = stdin_data()
                keep = None if fmt == "docx" else _suppressed(data, fmt or "text")
                if fmt == "docx" and isinstance(data, str):
                    raise ReaderError("a Word file is a zip archive: give its bytes", "<stdin>")
                if isinstance(data, str):  # a text stream in place of standard input
                    result = fix_text(
                        data,
                        fmt or "text",
                        path="<stdin>",
                        codes=codes,
                        prefer=prefer,
                        keep=keep,
                        registry=registry,
                    )
                else:
                    result = fix_bytes(
                        data,
                        fmt or "text",
                        path="<stdin>",
                        codes=codes,
                        prefer=prefer,
                        keep=keep,
                        registry=registry,
                    )
                if args.diff:
                    pass
                elif fmt == "docx" and isinstance(data, bytes):
                    _pass_through(out, data)  # a Word file is reported, never rewritten
                else:
                    _write_fixed(out, result.text, None if isinstance(data, str) else result)
            else:
                keep = _suppressed_in(path, fmt)
                result = fix_file(
                    path,
                    format=fmt,
                    codes=codes,
                    write=not args.diff,
                    prefer=prefer,
                    keep=keep,
                    registry=registry,
                )
        except (ReaderError, OSError) as exc:
            # OSError: the fixed file could not be written (it is as it was)
            print(f"error: {shown_path(str(exc))}", file=err)
            errors += 1
            continue
        if args.diff:
            out.writelines(
                difflib.unified_diff(
                    result.original.splitlines(keepends=True),
                    result.text.splitlines(keepends=True),
                    fromfile=f"a/{shown}",
                    tofile=f"b/{shown}",
                )
            )
        else:
            for f in result.applied:
                print(
                    f"{shown_path(result.path)}:{f.start.line}:{f.start.column}: {f.code} fixed: "
                    f"{f.old!r} -> {f.new!r}",
                    file=report,
                )
        fixes += len(result.applied)
        changed += result.changed
        left.extend(result.remaining)
    quiet = args.diff or "-" in run.walk.files  # standard output carries the text or the diff
    if left and not args.diff:
        print(report_text(left), file=err if quiet else out)
    verb = "to fix" if args.diff else "fixed"
    print(
        f"{_plural(fixes, 'problem')} {verb} in {_plural(changed, 'file')}; "
        f"{_plural(len(left), 'problem')} left without an automatic fix",
        file=err if quiet else out,
    )
    if errors:
        return 2
    return 1 if any(f.fails(run.fail_on) for f in left) else 0


def _suppressed(data: bytes | str, fmt: str) -> Callable[[str, int], bool] | None:
    """``keep(code, line)`` for ``fix``: whether a suppression comment of the text silences
    a finding of ``code`` on ``line``; None when the text has none."""
    from archref.suppress import find_suppressions  # noqa: PLC0415

    if isinstance(data, bytes):
        data = data.decode("utf-8", "replace")  # bytes that are not UTF-8 are refused later
    suppressions = find_suppressions(data, fmt)
    if not suppressions:
        return None
    return lambda code, line: any(s.covers(code, line) for s in suppressions)


def _suppressed_in(path: str, fmt: str | None) -> Callable[[str, int], bool] | None:
    """:func:`_suppressed` for a file; None when it cannot be read (fix reports that)."""
    from archref.readers import ReaderError, format_of  # noqa: PLC0415

    try:
        kind = fmt or format_of(path)
        with open(path, "rb") as fh:
            data = fh.read()
    except (OSError, ReaderError):
        return None
    return None if kind == "docx" else _suppressed(data, kind)


def _pass_through(out: TextIO, data: bytes) -> None:
    """Write standard input's bytes to standard output as they came (``fix --from docx -``:
    a filter that repairs nothing still hands on what it was given)."""
    buffer = getattr(out, "buffer", None)
    if buffer is None:  # a text stream: no Word file can be written to it
        return
    out.flush()
    buffer.write(data)
    buffer.flush()


def _write_fixed(out: TextIO, text: str, result: FixResult | None) -> None:
    """Write the text ``fix -`` repaired: as the input's bytes (its encoding and byte order
    mark) when the stream takes bytes, else as text."""
    buffer = getattr(out, "buffer", None)
    if result is None or buffer is None:
        out.write(text)
        return
    out.flush()
    buffer.write(result.to_bytes())
    buffer.flush()


def sample_lines() -> list[str]:
    """The bundled sample: real footnote references, one per line."""
    from importlib import resources  # noqa: PLC0415 (only the demo reads package data)

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
    from archref.extract import extract_notes  # noqa: PLC0415 (keeps `archref parse` light)

    lines = sample_lines()
    citations = extract_notes(lines)
    rows: list[list[str]] = [["note", "col", "form", "kind", "archive", "canonical", "diagnostics"]]
    for c in citations:
        ref = c.reference
        if isinstance(ref, ArchivalReference):
            kind = "archival"
            archive = ref.archive.id if ref.archive else (ref.archive_as_cited or "?")
            shown = ref.format(args.style)
        else:
            kind = type(ref).__name__
            archive = ""
            shown = str(ref)
        rows.append(
            [
                str((c.note or 0) + 1),
                str(c.start + 1),
                c.form,
                kind,
                archive,
                shown,
                " ".join(d.code for d in c.diagnostics),
            ]
        )
    print(
        f"archref found {len(citations)} references in {len(lines)} sample footnotes\n",
        file=out,
    )
    _table(rows, out)
    findings = [(c, d) for c in citations for d in c.diagnostics]
    if findings:
        print("\nDiagnostics:", file=out)
        for c, d in findings:
            hint = f" (suggestion: {d.suggestion})" if d.suggestion else ""
            print(f"  note {(c.note or 0) + 1}: {d.code} {d.message}{hint}", file=out)

    bibliography = _grouped_bibliography(
        _sources(citations), "chicago-notes-bibliography", "text", args.style
    )
    print("\nBibliography (Chicago notes and bibliography, 18th ed.):\n", file=out)
    for line in bibliography.splitlines():
        print(f"  {line}".rstrip(), file=out)
    return 0


PREFER_HELP = (
    "the form the consistency rules (ARC5xx) hold a document to, KEY=VALUE, comma-separated "
    "or repeated: labels=abbreviated|full, script=latin|cyrillic, leaves=ll.|l., "
    "punctuation=comma|full-stop|space (default: what most of the document uses)"
)

#: The formats ``extract`` and ``format`` take with ``--from``: every reader's.
_FROM = ("auto", "text", "markdown", "latex", "bibtex", "csl-json", "docx")


def _add_from(p: argparse.ArgumentParser) -> None:
    """``--from`` of ``extract`` and ``format``: every reader, standard input as text."""
    p.add_argument(
        "--from",
        dest="input_format",
        choices=_FROM,
        default="auto",
        help="what the files are (default: from each file's extension; stdin: text)",
    )


def _parser() -> argparse.ArgumentParser:
    from archref.parallel import jobs_argument  # noqa: PLC0415

    ap = argparse.ArgumentParser(
        prog="archref",
        description="Parse, check and format archival references and UN document symbols.",
    )
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="parse references given as arguments or on stdin")
    p.add_argument("text", nargs="*", help="references to parse (default: one per stdin line)")
    p.add_argument("--json", action="store_true", help="print one JSON object per input")
    p.add_argument("--style", choices=ARCHIVAL_STYLES, default="en", help="notation to print")
    _add_transliteration(p)
    p.set_defaults(func=_cmd_parse)
    e = sub.add_parser("extract", help="find every reference in files (or stdin)")
    e.add_argument(
        "files", nargs="+", metavar="FILE", help="files of any format check reads; - for stdin"
    )
    _add_from(e)
    e.add_argument("--json", action="store_true", help="print one JSON object per citation")
    e.add_argument(
        "--notes",
        choices=("paragraphs", "lines", "whole"),
        default="paragraphs",
        help="what one footnote of a plain-text file is, for 'ibid.' (default: blank-line "
        "separated paragraphs)",
    )
    e.add_argument(
        "-j",
        "--jobs",
        type=jobs_argument,
        default=1,
        metavar="N",
        help="read the files in N processes (default 1; 0: one per CPU); the output is the same",
    )
    e.set_defaults(func=_cmd_extract)
    f = sub.add_parser(
        "format", help="format the references of files (a book's chapters: one bibliography)"
    )
    f.add_argument(
        "files", nargs="+", metavar="FILE", help="input files, in the book's order; - for stdin"
    )
    _add_from(f)
    f.add_argument(
        "--to",
        choices=("text", "html", "markdown", "csl-json", "bibtex", "biblatex"),
        default="text",
        help="output: a rendered bibliography or notes, CSL-JSON, or a .bib file",
    )
    f.add_argument("--style", default="chicago-notes-bibliography", help="CSL style id or path")
    f.add_argument("--kind", choices=("bibliography", "notes"), default="bibliography")
    f.add_argument(
        "--archive-name",
        choices=("full", "acronym", "full-acronym"),
        default="full",
        help="write an archive's full name (the default), its acronym, or both: "
        "'Full Name (ACRONYM)'",
    )
    f.add_argument(
        "--zotero",
        action="store_true",
        help="CSL-JSON for Zotero: archive-place and archive_collection go to note (Extra)",
    )
    f.add_argument(
        "--convention",
        choices=("chicago", "mla"),
        default="chicago",
        help="BibLaTeX fields: biblatex-chicago @misc (the default) or biblatex-mla @unpublished",
    )
    f.add_argument(
        "--archives",
        choices=("grouped", "entries"),
        default="grouped",
        help="in a bibliography, list archival sources by archive and fond (grouped, "
        "the default) or give each file a CSL entry of its own (entries)",
    )
    f.add_argument(
        "--notation",
        choices=ARCHIVAL_STYLES,
        default=None,
        help="notation of archive locations (default: ru for a Russian style such as gost, "
        "else the configured notation, else en)",
    )
    _add_transliteration(f)
    f.set_defaults(func=_cmd_format, config_notation=None)
    c = sub.add_parser(
        "check",
        help="check the references in text, Markdown, LaTeX, BibTeX, CSL-JSON and Word files",
    )
    c.add_argument("files", nargs="+", metavar="FILE", help="files to check; - for stdin")
    c.add_argument(
        "--from",
        dest="input_format",
        choices=_FROM,
        default="auto",
        help="what the files are (default: from each file's extension)",
    )
    c.add_argument(
        "--output-format",
        choices=("text", "json", "github", "sarif", "checkstyle", "junit"),
        default=None,
        help="text (default), json, github (workflow annotations), sarif (SARIF 2.1.0), "
        "checkstyle or junit (XML)",
    )
    c.add_argument(
        "--select",
        action="append",
        metavar="CODES",
        help="only these rule codes or prefixes, comma-separated (ARC1,UN206)",
    )
    c.add_argument(
        "--ignore", action="append", metavar="CODES", help="leave out these codes or prefixes"
    )
    c.add_argument(
        "--fail-on",
        choices=("error", "warning", "info", "never"),
        default=None,
        help="the least severity that makes the exit status 1 (default: warning)",
    )
    c.add_argument(
        "-j",
        "--jobs",
        type=jobs_argument,
        default=1,
        metavar="N",
        help="check the files in N processes (default 1; 0: one per CPU); the output is the same",
    )
    c.add_argument("--prefer", action="append", metavar="KEY=VALUE", help=PREFER_HELP)
    _lint_options(c, check=True)
    c.set_defaults(func=_cmd_check)
    x = sub.add_parser(
        "fix",
        help="repair, in place, what the diagnostics of files say how to repair",
    )
    x.add_argument("files", nargs="+", metavar="FILE", help="files to fix; - fixes stdin to stdout")
    x.add_argument(
        "--from",
        dest="input_format",
        choices=_FROM,
        default="auto",
        help="what the files are (default: from each file's extension; stdin: text); a "
        "Word file is read and reported, never rewritten",
    )
    x.add_argument(
        "--diff", action="store_true", help="print the changes as a unified diff; write nothing"
    )
    x.add_argument("--select", action="append", metavar="CODES", help="only these rule codes")
    x.add_argument("--ignore", action="append", metavar="CODES", help="not these rule codes")
    x.add_argument("--prefer", action="append", metavar="KEY=VALUE", help=PREFER_HELP)
    x.add_argument(
        "--fail-on",
        choices=("error", "warning", "info", "never"),
        default=None,
        help="the least severity of a problem left that makes the exit status 1",
    )
    _lint_options(x, check=False)
    x.set_defaults(func=_cmd_fix)
    d = sub.add_parser("demo", help="parse the bundled sample of real footnotes")
    d.add_argument("--style", choices=ARCHIVAL_STYLES, default="en", help="notation to print")
    d.set_defaults(func=_cmd_demo)
    _common_options(ap, sub)
    return ap


def _version() -> str:
    """archref's version, from the installed package's metadata."""
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

    try:
        return version("archref")
    except PackageNotFoundError:  # pragma: no cover (run from a source tree not installed)
        from archref import __version__  # noqa: PLC0415

        return __version__


def _common_options(
    ap: argparse.ArgumentParser, sub: argparse._SubParsersAction[argparse.ArgumentParser]
) -> None:
    """``--version`` on the main command and every command; ``--config`` and ``--isolated``
    on every command (the configuration also sets defaults of ``parse``, ``format``, ``demo``)."""
    shown = f"archref {_version()}"
    ap.add_argument("--version", action="version", version=shown)
    for command in sub.choices.values():
        command.add_argument("--version", action="version", version=shown)
        group = command.add_argument_group("configuration")
        group.add_argument(
            "--config",
            metavar="FILE",
            help="read the configuration from FILE (default: the nearest archref.toml or "
            "pyproject.toml with [tool.archref])",
        )
        group.add_argument("--isolated", action="store_true", help="read no configuration file")


def _lint_options(p: argparse.ArgumentParser, *, check: bool) -> None:
    """The options ``check`` and ``fix`` share: files to walk, rules, the cache."""
    p.add_argument(
        "--extend-select",
        action="append",
        metavar="CODES",
        help="rule codes or prefixes to check besides those selected",
    )
    p.add_argument(
        "--include",
        action="append",
        metavar="PATTERN",
        help="in folders, only files matching PATTERN (.gitignore syntax; repeatable)",
    )
    p.add_argument(
        "--exclude",
        action="append",
        metavar="PATTERN",
        help="leave out files and folders matching PATTERN (.gitignore syntax; repeatable)",
    )
    if not check:
        return
    p.add_argument(
        "--statistics",
        action="store_true",
        help="print how many findings of each rule code, not the findings",
    )
    p.add_argument(
        "--no-cache", action="store_true", help="neither read nor write the cache of findings"
    )
    p.add_argument(
        "--cache-dir",
        metavar="DIR",
        help="the cache folder (default: .archref_cache beside the configuration file, "
        "or in the current folder; or $ARCHREF_CACHE_DIR)",
    )


def _command_defaults(config: Config) -> dict[str, dict[str, str]]:
    """The defaults the configuration sets for the options of each command."""
    out: dict[str, dict[str, str]] = {}
    if config.notation:
        for command in ("parse", "demo"):
            out.setdefault(command, {})["style"] = config.notation
        # a default below --notation: a Russian style (GOST) writes Russian notes
        out.setdefault("format", {})["config_notation"] = config.notation
    if config.style:
        out.setdefault("format", {})["style"] = config.style
    return out


def _parse_args(argv: Sequence[str] | None, err: TextIO) -> argparse.Namespace | int:
    """The arguments, with the defaults the configuration sets; an exit status on a bad one."""
    from archref.config import ConfigError  # noqa: PLC0415

    ap = _parser()
    args = ap.parse_args(argv)
    try:
        config = _loaded_config(args)
    except ConfigError as exc:
        print(f"error: {exc}", file=err)
        return 2
    defaults = _command_defaults(config).get(args.command)
    if defaults:
        for action in ap._actions:
            if isinstance(action, argparse._SubParsersAction):
                action.choices[args.command].set_defaults(**defaults)
        args = ap.parse_args(argv)
    args.loaded_config = config
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    if isinstance(argv, (str, bytes)):
        raise TypeError(f"argv must be a list of arguments, not a single string: {argv!r:.60}")
    args = _parse_args(argv, sys.stderr)
    if isinstance(args, int):
        return args
    try:
        status: int = args.func(args, sys.stdout, sys.stderr)
    except BrokenPipeError:  # "archref demo | head": the reader left, nothing to report
        _silence_stdout()
        return 0
    except KeyboardInterrupt:  # Ctrl-C: a file being fixed was left as it was
        print("archref: interrupted", file=sys.stderr)
        return 130
    return status


def _silence_stdout() -> None:
    """Point stdout at devnull so Python's exit flush does not fail on the closed pipe."""
    import os  # noqa: PLC0415

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
