"""Readers: files into text chunks that know their place in the file.

Each reader turns one format into :class:`Chunk` objects (paragraphs,
footnotes, field values) whose offsets map back to the line and column of
the file, so that a finding can be reported where it is:

* ``text`` (``.txt``): :mod:`archref.readers.plain`;
* ``markdown`` (``.md``, ``.markdown``): :mod:`archref.readers.markdown`;
* ``latex`` (``.tex``): :mod:`archref.readers.latex`;
* ``bibtex`` (``.bib``): :mod:`archref.readers.bibtex`;
* ``csl-json`` (``.json``): :mod:`archref.readers.csljson`;
* ``docx`` (``.docx``): :mod:`archref.readers.docx`.

:func:`extract_document` runs extraction over a document's chunks.

>>> doc = read_string("See RGASPI, f. 558, op. 11, d. 62, ll. 71-72.\\n", "text")
>>> (found,) = extract_document(doc)
>>> found.start, found.end.column
(Position(line=1, column=5, offset=4, part=None), 45)

Everything that cannot be read is a :class:`ReaderError` naming the file
and the line and column (or byte) of the problem. A file larger than
:data:`MAX_SIZE` (32 MiB) is refused before it is read, with an error naming
the limit; ``max_size`` sets another for one call. An argument of the wrong
type is a ``TypeError`` naming the parameter and the type received.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import get_args

from archref.readers._base import (
    Chunk,
    ChunkKind,
    Document,
    Format,
    LineIndex,
    Position,
    ReaderError,
    decode,
)
from archref.readers.extraction import LocatedCitation, extract_document
from archref.readers.plain import NotesMode

__all__ = [
    "EXTENSIONS",
    "MAX_SIZE",
    "Chunk",
    "ChunkKind",
    "Document",
    "Format",
    "LineIndex",
    "LocatedCitation",
    "NotesMode",
    "Position",
    "ReaderError",
    "extract_document",
    "format_of",
    "read",
    "read_bytes",
    "read_string",
    "size_error",
]

#: File extension -> format.
EXTENSIONS: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".tex": "latex",
    ".bib": "bibtex",
    ".json": "csl-json",
    ".docx": "docx",
}


#: The largest file the readers read, in bytes (characters, for text in
#: hand): 32 MiB. A bigger one is a :class:`ReaderError` naming the limit.
#: Reading and checking take time in proportion to the size (a 9 MB .bib of
#: 100,000 entries takes minutes); past this the wait is no longer worth it,
#: and the memory the citations take grows with it.
MAX_SIZE = 32 * 1024 * 1024


def size_error(size: int, limit: int, path: str, unit: str = "bytes") -> ReaderError:
    """The error for a file of ``size`` bytes (or characters) past ``limit``."""
    return ReaderError(
        f"the file is {size:,} {unit}, more than the {limit:,} {unit} archref reads"
        " (the limit, archref.readers.MAX_SIZE); split it, or check its parts",
        path,
    )


def format_of(path: str | os.PathLike[str]) -> Format:
    """The format a file's extension names.

    >>> format_of("thesis/chapter1.tex")
    'latex'
    """
    suffix = Path(path).suffix.lower()
    try:
        return EXTENSIONS[suffix]
    except KeyError:
        known = ", ".join(sorted(EXTENSIONS))
        raise ReaderError(
            f"no reader for {suffix or 'a file without extension'!r} (known: {known});"
            " name the format",
            os.fspath(path),
        ) from None


def _check_type(value: object, name: str, function: str, *types: type) -> None:
    """A TypeError naming the parameter and the type received, unless ``value`` fits."""
    if not isinstance(value, types):
        wanted = " or ".join(t.__name__ for t in types)
        raise TypeError(
            f"{function}() argument {name!r} must be {wanted}, not {type(value).__name__}"
        )


def _check_format(fmt: str, path: str) -> Format:
    for known in get_args(Format):
        if fmt == known:
            return known  # type: ignore[no-any-return]
    raise ReaderError(f"unknown format {fmt!r} (known: {', '.join(get_args(Format))})", path)


def _text_reader(fmt: Format, notes: NotesMode) -> Callable[[str, str], list[Chunk]]:
    # imported on use: each reader is loaded only for its format
    if fmt == "text":
        from archref.readers.plain import read_text  # noqa: PLC0415

        return lambda text, path: read_text(text, path, notes)
    if fmt == "markdown":
        from archref.readers.markdown import read_markdown  # noqa: PLC0415

        return read_markdown
    if fmt == "latex":
        from archref.readers.latex import read_latex  # noqa: PLC0415

        return read_latex
    if fmt == "bibtex":
        from archref.readers.bibtex import read_bibtex  # noqa: PLC0415

        return read_bibtex
    from archref.readers.csljson import read_csl_json  # noqa: PLC0415

    return read_csl_json


def read_string(
    text: str,
    format: Format,
    *,
    path: str = "<string>",
    max_size: int | None = None,
    notes: NotesMode = "paragraphs",
) -> Document:
    """Read ``text`` (already decoded) as ``format``; ``path`` names it in errors.

    A DOCX is bytes, not text: read it with :func:`read_bytes` or :func:`read`.
    A text longer than ``max_size`` characters is refused. ``notes`` says what
    one note of a plain-text file is (``"paragraphs"``, ``"lines"`` or
    ``"whole"``); other formats have their own notes.
    """
    _check_type(text, "text", "read_string", str)
    _check_type(format, "format", "read_string", str)
    _check_type(path, "path", "read_string", str)
    fmt = _check_format(format, path)
    limit = MAX_SIZE if max_size is None else max_size
    if len(text) > limit:
        raise size_error(len(text), limit, path, "characters")
    if fmt == "docx":
        raise ReaderError("a .docx is a zip archive, not text: use read() or read_bytes()", path)
    if notes not in ("paragraphs", "lines", "whole"):
        raise ValueError(f"notes must be 'paragraphs', 'lines' or 'whole', not {notes!r}")
    return Document(path, fmt, tuple(_text_reader(fmt, notes)(text, path)), text)


def read_bytes(
    data: bytes,
    format: Format,
    *,
    path: str = "<bytes>",
    max_size: int | None = None,
    notes: NotesMode = "paragraphs",
) -> Document:
    """Read the bytes of a file as ``format`` (text formats must be UTF-8).

    More than ``max_size`` bytes are refused.
    """
    _check_type(data, "data", "read_bytes", bytes, bytearray, memoryview)
    _check_type(format, "format", "read_bytes", str)
    _check_type(path, "path", "read_bytes", str)
    fmt = _check_format(format, path)
    limit = MAX_SIZE if max_size is None else max_size
    if len(data) > limit:
        raise size_error(len(data), limit, path)
    data = bytes(data)
    if fmt == "docx":
        from archref.readers.docx import read_docx  # noqa: PLC0415

        return Document(path, fmt, tuple(read_docx(data, path)))
    return read_string(decode(data, path), fmt, path=path, max_size=limit, notes=notes)


def read(
    path: str | os.PathLike[str], format: Format | None = None, *, max_size: int | None = None
) -> Document:
    """Read the file at ``path``, as ``format`` or as its extension says.

    A ``str`` is always a path; to read text you have in hand, use
    :func:`read_string`. A file of more than ``max_size`` bytes is refused
    before it is read.
    """
    _check_type(path, "path", "read", str, os.PathLike)
    name = os.fspath(path)
    _check_type(name, "path", "read", str)  # a PathLike of bytes
    if format is not None:
        _check_type(format, "format", "read", str)
    fmt = format_of(name) if format is None else _check_format(format, name)
    try:
        with open(name, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            limit = MAX_SIZE if max_size is None else max_size
            if size > limit:
                raise size_error(size, limit, name)
            data = fh.read(limit + 1)  # a file that grows while it is read is still bounded
    except OSError as exc:
        raise ReaderError(f"cannot read the file: {exc.strerror or exc}", name) from None
    return read_bytes(data, fmt, path=name, max_size=limit)
