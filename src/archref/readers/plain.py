"""Plain text: each paragraph (lines up to a blank line) is a body chunk.

A plain-text file is most often a file of notes, one a paragraph, and its
paragraphs are read as one sequence of notes ("Ibid." refers to the
paragraph before: see :func:`~archref.readers.extract_document`). With
``notes="lines"`` each line that is not blank is a chunk, with
``notes="whole"`` the whole text is one.

>>> from archref.readers import read_string
>>> doc = read_string("RGASPI, f. 558, op. 11,\\nd. 62, l. 71.\\n\\nA/C.1/218\\n", "text")
>>> [c.text for c in doc.chunks]
['RGASPI, f. 558, op. 11,\\nd. 62, l. 71.', 'A/C.1/218']
>>> doc.chunks[1].start_position(0)
Position(line=4, column=1, offset=39, part=None)
"""

from __future__ import annotations

import itertools
from typing import Literal

from archref.readers._base import Builder, Chunk, LineIndex

__all__ = ["NotesMode", "read_text"]

#: What one note of a plain-text file is: a paragraph, a line, or the whole text.
NotesMode = Literal["paragraphs", "lines", "whole"]


def read_text(text: str, path: str = "<string>", notes: NotesMode = "paragraphs") -> list[Chunk]:
    """The paragraphs of ``text`` (or its lines, or all of it) as body chunks, in order."""
    lines = LineIndex.of(text)
    if notes == "whole":
        whole = _paragraph(text, lines, 0, len(text))
        return [whole] if whole.text else []
    if notes == "lines":
        out = []
        for first, nxt in itertools.pairwise((*lines.starts, len(text) + 1)):
            stop = min(nxt, len(text))
            while stop > first and text[stop - 1] in "\r\n":
                stop -= 1
            chunk = _paragraph(text, lines, first, stop)
            if chunk.text:
                out.append(chunk)
        return out
    chunks: list[Chunk] = []
    start: int | None = None  # start of the paragraph being read
    end = 0
    pos = 0
    n = len(text)
    ends = lines.starts[1:]  # where each line after the first starts
    k = 0
    while pos <= n:
        nl = ends[k] if k < len(ends) else -1  # the start of the next line
        line_end = n if nl < 0 else nl
        while line_end > pos and text[line_end - 1] in "\r\n":
            line_end -= 1  # the line's end ("\n", "\r\n" or a lone "\r") is not its text
        if text[pos:line_end].strip():
            if start is None:
                start = pos
            end = line_end
        elif start is not None:
            chunks.append(_paragraph(text, lines, start, end))
            start = None
        if nl < 0:
            break
        pos = nl
        k += 1
    if start is not None:
        chunks.append(_paragraph(text, lines, start, end))
    return chunks


def _paragraph(text: str, lines: LineIndex, start: int, end: int) -> Chunk:
    b = Builder(text, lines)
    b.copy(start, end)
    return b.chunk("body")
