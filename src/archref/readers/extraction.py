"""Extraction over a read document: every citation with its place in the file.

Footnotes are extracted as one sequence of notes (so "Ibid." and "Там же"
resolve against the note before), endnotes as another, body chunks and field
values each on their own. The paragraphs of a plain-text file are its notes:
they are read as one sequence too, as a file of footnotes is meant.

A chunk longer than :data:`WINDOW` characters (a file of one long line) is
read a window at a time, cut where no reference can be (see
:func:`archref.extract_stream`): the work stays in proportion to its length,
and the citations are those of the whole chunk.

>>> from archref.readers import read_string
>>> text = "Text.[^1] More.[^2]\\n\\n[^1]: ЦАМО РФ. Ф. 5. Оп. 918. Д. 34. Л. 5.\\n"
>>> text += "[^2]: Там же. Л. 6.\\n"
>>> for found in extract_document(read_string(text, "markdown")):
...     print(found.start.line, found.start.column, found.citation.form, found.citation.reference)
3 7 full TsAMO, f. 5, op. 918, d. 34, l. 5
4 7 ibid TsAMO, f. 5, op. 918, d. 34, l. 6
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from archref.extract import extract, extract_notes, extract_stream
from archref.model.citation import Citation
from archref.readers._base import Chunk, Document, Position
from archref.registry import Registry

__all__ = ["WINDOW", "LocatedCitation", "extract_document"]

#: A chunk longer than this many characters is read a window at a time (windows of
#: about :data:`archref.extract.STREAM_PARAGRAPH_LIMIT` characters, a million).
WINDOW = 1_000_000
#: The pieces such a chunk is fed to :func:`archref.extract_stream` in.
_PIECE = 16_384


@attrs.frozen
class LocatedCitation:
    """A citation found in a chunk of a file, with its position in the file.

    Attributes:
        citation: the citation; its ``start``/``end`` (and its diagnostics'
            spans) are offsets into ``chunk.text``.
        chunk: the chunk it was found in.
        start: the position of its first character in the file.
        end: the position just after its last character (exclusive).
    """

    citation: Citation
    chunk: Chunk = attrs.field(repr=False)
    start: Position
    end: Position

    def locate(self, start: int, end: int) -> tuple[Position, Position]:
        """File positions of a span of the chunk (a diagnostic's ``start``, ``end``)."""
        return self.chunk.span_positions(start, end)


def _located(chunk: Chunk, citation: Citation) -> LocatedCitation:
    start, end = chunk.span_positions(citation.start, citation.end)
    return LocatedCitation(citation, chunk, start, end)


def _pieces(text: str) -> Iterator[str]:
    """``text`` in pieces of about :data:`_PIECE` characters, each ended after a "; " or
    ". " where there is one in its second half.

    :func:`archref.extract_stream` cuts a paragraph too long to hold at white
    space out of reach of every reference; where references are packed too
    close for that, at the last white space it holds, the end of a piece. A
    piece that ends after a separator of references ends there between two.
    """
    pos, n = 0, len(text)
    while pos < n:
        end = min(pos + _PIECE, n)
        if end < n:
            for separator in ("; ", ". "):
                k = text.rfind(separator, pos + _PIECE // 2, end)
                if k >= 0:
                    end = k + len(separator)
                    break
        yield text[pos:end]
        pos = end


def _in_windows(text: str, registry: Registry | None, clean: bool) -> list[Citation]:
    """:func:`archref.extract` of a long ``text``, read a window at a time."""
    return list(extract_stream(_pieces(text), registry=registry, clean=clean))


def _sequence(
    chunks: list[Chunk], registry: Registry | None, clean: bool, window: int
) -> dict[int, list[Citation]]:
    """The citations of a sequence of notes, by the chunk (its ``id``) they are in."""
    out: dict[int, list[Citation]] = {}
    run: list[Chunk] = []  # notes read together, "Ibid." reaching back within them

    def flush() -> None:
        texts = [c.text for c in run]
        for chunk in run:
            out[id(chunk)] = []
        for citation in extract_notes(texts, registry=registry, clean=clean):
            out.setdefault(id(run[citation.note or 0]), []).append(citation)
        run.clear()

    for chunk in chunks:
        if len(chunk.text) > window:  # no note: read on its own, a window at a time
            flush()
            out[id(chunk)] = _in_windows(chunk.text, registry, clean)
        else:
            run.append(chunk)
    flush()
    return out


def extract_document(
    doc: Document, *, registry: Registry | None = None, clean: bool = True, window: int = WINDOW
) -> list[LocatedCitation]:
    """Every citation of ``doc``, in the order of its chunks, with file positions.

    A chunk longer than ``window`` characters is read a window at a time.
    """
    if not isinstance(doc, Document):
        raise TypeError(
            "extract_document() argument 'doc' must be a Document (from read, read_string"
            f" or read_bytes), not {type(doc).__name__}"
        )
    found: dict[int, list[Citation]] = {}
    sequences = [doc.notes, doc.endnotes]
    if doc.format == "text":
        sequences.append([c for c in doc.chunks if c.kind == "body"])
    for sequence in sequences:
        found.update(_sequence(sequence, registry, clean, window))
    out: list[LocatedCitation] = []
    for chunk in doc.chunks:
        citations = found.get(id(chunk))
        if citations is None:
            if len(chunk.text) > window:
                citations = _in_windows(chunk.text, registry, clean)
            else:
                citations = extract(chunk.text, registry=registry, clean=clean)
        out.extend(_located(chunk, c) for c in citations)
    return out
