"""Extraction over a read document: every citation with its place in the file.

Footnotes are extracted as one sequence of notes (so "Ibid." and "Там же"
resolve against the note before), body chunks and field values each on
their own.

>>> from archref.readers import read_string
>>> text = "Text.[^1] More.[^2]\\n\\n[^1]: ЦАМО РФ. Ф. 5. Оп. 918. Д. 34. Л. 5.\\n"
>>> text += "[^2]: Там же. Л. 6.\\n"
>>> for found in extract_document(read_string(text, "markdown")):
...     print(found.start.line, found.start.column, found.citation.form, found.citation.reference)
3 7 full TsAMO, f. 5, op. 918, d. 34, l. 5
4 7 ibid TsAMO, f. 5, op. 918, d. 34, l. 6
"""

from __future__ import annotations

import attrs

from archref.extract import extract, extract_notes
from archref.model.citation import Citation
from archref.readers._base import Chunk, Document, Position
from archref.registry import Registry

__all__ = ["LocatedCitation", "extract_document"]


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
        return self.chunk.start_position(start), self.chunk.end_position(end)


def _located(chunk: Chunk, citation: Citation) -> LocatedCitation:
    return LocatedCitation(
        citation,
        chunk,
        chunk.start_position(citation.start),
        chunk.end_position(citation.end),
    )


def extract_document(
    doc: Document, *, registry: Registry | None = None, clean: bool = True
) -> list[LocatedCitation]:
    """Every citation of ``doc``, in the order of its chunks, with file positions."""
    if not isinstance(doc, Document):
        raise TypeError(
            "extract_document() argument 'doc' must be a Document (from read, read_string"
            f" or read_bytes), not {type(doc).__name__}"
        )
    notes = doc.notes
    by_note: dict[int, list[Citation]] = {}
    for citation in extract_notes([c.text for c in notes], registry=registry, clean=clean):
        by_note.setdefault(citation.note or 0, []).append(citation)
    note_index = {id(chunk): k for k, chunk in enumerate(notes)}
    out: list[LocatedCitation] = []
    for chunk in doc.chunks:
        if chunk.kind == "footnote":
            found = by_note.get(note_index[id(chunk)], [])
        else:
            found = extract(chunk.text, registry=registry, clean=clean)
        out.extend(_located(chunk, c) for c in found)
    return out
