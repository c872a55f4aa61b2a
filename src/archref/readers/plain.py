"""Plain text: each paragraph (lines up to a blank line) is a body chunk.

>>> from archref.readers import read_string
>>> doc = read_string("RGASPI, f. 558, op. 11,\\nd. 62, l. 71.\\n\\nA/C.1/218\\n", "text")
>>> [c.text for c in doc.chunks]
['RGASPI, f. 558, op. 11,\\nd. 62, l. 71.', 'A/C.1/218']
>>> doc.chunks[1].start_position(0)
Position(line=4, column=1, offset=39, part=None)
"""

from __future__ import annotations

from archref.readers._base import Builder, Chunk, LineIndex

__all__ = ["read_text"]


def read_text(text: str, path: str = "<string>") -> list[Chunk]:
    """The paragraphs of ``text`` as body chunks, in order."""
    lines = LineIndex.of(text)
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
