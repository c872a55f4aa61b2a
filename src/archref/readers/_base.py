"""The readers' model: positions, chunks, documents, errors, and the chunk builder.

A :class:`Chunk` is a piece of text taken out of a file (a paragraph, a
footnote, a field value) together with a map from each of its offsets back
to the file. The map is a short list of *pieces*: a piece copies the source
one character for one (``"RGASPI, f. 558"`` in a Markdown paragraph), or
stands for a stretch of source as a whole (LaTeX's ``\\&`` becoming ``&``,
``--`` becoming ``–``, JSON's ``\\u0416`` becoming ``Ж``). A span that starts
inside a replaced stretch starts where the stretch starts; one that ends
inside it ends where it ends.

>>> b = Builder("a \\\\& b")
>>> b.copy(0, 2); b.put("&", 2, 4); b.copy(4, 6)
>>> chunk = b.chunk("body")
>>> chunk.text
'a & b'
>>> chunk.source_span(2, 5)
(2, 6)
>>> chunk.start_position(4)
Position(line=1, column=6, offset=5, part=None)
"""

from __future__ import annotations

import bisect
import re
from typing import Literal

import attrs

from archref.model.common import ArchrefError

__all__ = [
    "Builder",
    "Chunk",
    "ChunkKind",
    "Document",
    "Format",
    "LineIndex",
    "Position",
    "ReaderError",
    "decode",
]

#: The formats the readers know.
Format = Literal["text", "markdown", "latex", "bibtex", "csl-json", "docx"]

#: What a chunk is: running text, a footnote or an endnote (one chunk per
#: note), or the value of a field (BibTeX, CSL-JSON).
ChunkKind = Literal["body", "footnote", "endnote", "field"]


class ReaderError(ArchrefError, ValueError):
    """A file could not be read: bad bytes, an unclosed brace or fence, broken XML...

    Attributes:
        message: what was wrong, in words.
        path: the file's name as given (``"<string>"`` for text).
        line, column: 1-based position of the problem in the file, when
            the format has lines.
        byte: the byte offset of the problem, for undecodable bytes and
            broken archives.
    """

    def __init__(
        self,
        message: str,
        path: str,
        *,
        line: int | None = None,
        column: int | None = None,
        byte: int | None = None,
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.byte = byte
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        if self.byte is not None:
            where += f" (byte {self.byte})"
        return f"{where}: {self.message}"

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (self.message, self.path, self.line, self.column, self.byte))


def _rebuild(
    message: str, path: str, line: int | None, column: int | None, byte: int | None
) -> ReaderError:
    return ReaderError(message, path, line=line, column=column, byte=byte)


@attrs.frozen
class Position:
    """Where a character is in a file.

    Attributes:
        line: 1-based line. In a DOCX, the 1-based paragraph of the part.
        column: 1-based column, in characters (code points; a tab is one).
            In a DOCX, the 1-based character of the paragraph.
        offset: the 0-based character offset in the decoded file, for the
            formats that are text; ``None`` for a DOCX.
        part: ``None`` for a text file; ``"body"``, ``"footnote N"`` or
            ``"endnote N"`` in a DOCX.
    """

    line: int
    column: int
    offset: int | None = None
    part: str | None = None


#: A line's end: "\n", "\r\n" or a lone "\r" (old Mac files).
_LINE_END = re.compile("\r\n?|\n")


@attrs.frozen
class LineIndex:
    """The start offsets of the lines of a source, for offset -> (line, column).

    ``absolute`` says whether the offsets are offsets into the file (text
    formats) or into a text the reader made up (a DOCX part's paragraphs).
    """

    starts: tuple[int, ...]
    absolute: bool = True
    part: str | None = None
    #: the number of the first line (a DOCX paragraph read on its own)
    first: int = 1

    @classmethod
    def of(cls, text: str) -> LineIndex:
        """The lines of ``text``, ended by ``"\\n"``, ``"\\r\\n"`` or a lone ``"\\r"``."""
        if "\r" in text:
            return cls((0, *(m.end() for m in _LINE_END.finditer(text))))
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos >= 0:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        return cls(tuple(starts))

    def position(self, offset: int) -> Position:
        """The :class:`Position` of a source offset."""
        line = bisect.bisect_right(self.starts, offset) - 1
        line = max(line, 0)
        return Position(
            line + self.first,
            offset - self.starts[line] + 1,
            offset if self.absolute else None,
            self.part,
        )


@attrs.frozen(eq=False)
class Chunk:
    """Text taken from a file, with the way back to the file.

    Attributes:
        text: the text, as extraction will see it (markup removed, escapes
            resolved).
        kind: ``"body"``, ``"footnote"``, ``"endnote"`` or ``"field"``.
        note: for a footnote or an endnote, its 1-based number in the
            sequence of notes of its kind ("Ibid." refers within that
            sequence: footnotes and endnotes are numbered each on their own,
            as a book prints them); otherwise ``None``.
        label: the footnote's label as written (``"1"``, ``"stalin"``), the
            field's name (``"note"``, ``"archive_location"``,
            ``"author[0].family"``), or ``None``.
        entry: the BibTeX key or CSL-JSON ``id`` of the entry a field
            belongs to.
        seams: the chunk spans ``(start, end)`` of text the reader put
            between fields it joined into one chunk (the ``", "`` between a
            BibTeX entry's ``institution`` and its ``note``): text no author
            wrote, which the file does not hold. Empty for a chunk read from
            one stretch of the file.
        pieces: ``(chunk_start, chunk_end, source_start, source_end)``,
            sorted and contiguous over the chunk.
        lines: the line index of the source the pieces point into.
    """

    text: str
    kind: ChunkKind
    pieces: tuple[tuple[int, int, int, int], ...] = attrs.field(repr=False)
    lines: LineIndex = attrs.field(repr=False)
    note: int | None = None
    label: str | None = None
    entry: str | None = None
    seams: tuple[tuple[int, int], ...] = attrs.field(default=(), repr=False)
    #: whether the pieces come from the file out of order (fields joined)
    joined: bool = attrs.field(init=False, repr=False)

    @joined.default
    def _joined(self) -> bool:
        return any(a[3] > b[2] for a, b in zip(self.pieces, self.pieces[1:], strict=False))

    def written(self, start: int, end: int) -> bool:
        """Whether the chunk span ``start:end`` is text of the file, with nothing of a
        seam (a separator the reader put between joined fields) in it."""
        return not any(s0 < end and start < s1 for s0, s1 in self.seams)

    def _piece(self, offset: int) -> tuple[int, int, int, int]:
        k = bisect.bisect_right(self.pieces, (offset, 1 << 62)) - 1
        return self.pieces[max(k, 0)]

    def source_start(self, offset: int) -> int:
        """The source offset where the character at chunk ``offset`` starts."""
        if not self.pieces:
            return 0
        if offset >= len(self.text):
            return self.pieces[-1][3]
        c0, c1, s0, s1 = self._piece(offset)
        if c1 - c0 == s1 - s0:
            return s0 + offset - c0
        return s0

    def source_end(self, offset: int) -> int:
        """The source offset just after the character before chunk ``offset``."""
        if not self.pieces:
            return 0
        if offset <= 0:
            return self.source_start(0)
        c0, c1, s0, s1 = self._piece(offset - 1)
        if c1 - c0 == s1 - s0:
            return s0 + offset - c0
        return s1

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source span of the chunk span ``start:end``.

        In a chunk read in file order that is the source of its first and
        last characters. A chunk may also join stretches of the file in
        another order (a BibTeX entry's ``institution`` read before its
        ``note``, which the file writes after it); a span over such a join is
        the smallest stretch of the file that holds every character of it.
        """
        if end <= start:
            s = self.source_start(start)
            return s, s
        lo, hi = self.source_start(start), self.source_end(end)
        if self.joined:
            first = bisect.bisect_right(self.pieces, (start, 1 << 62)) - 1
            for c0, _, s0, s1 in self.pieces[max(first, 0) :]:
                if c0 >= end:
                    break
                lo, hi = min(lo, s0), max(hi, s1)
        return lo, hi

    def start_position(self, offset: int) -> Position:
        """The file position of the character at chunk ``offset``."""
        return self.lines.position(self.source_start(offset))

    def end_position(self, offset: int) -> Position:
        """The file position just after the chunk span ending at ``offset`` (exclusive)."""
        return self.lines.position(self.source_end(offset))

    def span_positions(self, start: int, end: int) -> tuple[Position, Position]:
        """The file positions of the chunk span ``start:end``: where it starts and ends.

        The ends of :meth:`source_span`: for a span over a join of fields
        read out of file order, the first and the last character of the file
        the span covers.
        """
        lo, hi = self.source_span(start, end)
        return self.lines.position(lo), self.lines.position(hi)


@attrs.frozen
class Document:
    """A file read into chunks.

    Attributes:
        path: the file's name as given.
        format: the format it was read as.
        chunks: the chunks, in the order they appear in the file.
        text: the decoded file, for the text formats; ``None`` for a DOCX.
    """

    path: str
    format: Format
    chunks: tuple[Chunk, ...]
    text: str | None = attrs.field(default=None, repr=False)

    @property
    def notes(self) -> list[Chunk]:
        """The footnote chunks, in the order of their numbers."""
        return self.notes_of("footnote")

    @property
    def endnotes(self) -> list[Chunk]:
        """The endnote chunks, in the order of their numbers."""
        return self.notes_of("endnote")

    def notes_of(self, kind: ChunkKind) -> list[Chunk]:
        """The chunks of ``kind``, in the order of their numbers."""
        return sorted((c for c in self.chunks if c.kind == kind), key=lambda c: c.note or 0)


class Builder:
    """Builds a chunk out of pieces of a source, one piece at a time.

    ``copy`` takes source text as it is; ``put`` adds text that stands for a
    stretch of source (an escape, a ligature); ``space`` adds a space for
    nothing. Consecutive copies of adjacent source merge into one piece.
    """

    __slots__ = ("_parts", "_pieces", "_seams", "_size", "lines", "source")

    def __init__(self, source: str, lines: LineIndex | None = None) -> None:
        self.source = source
        self.lines = lines
        self._parts: list[str] = []
        self._pieces: list[list[int]] = []
        self._seams: list[tuple[int, int]] = []
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def copy(self, start: int, end: int) -> None:
        """Add ``source[start:end]`` as it is."""
        if end <= start:
            return
        self._parts.append(self.source[start:end])
        n = end - start
        last = self._pieces[-1] if self._pieces else None
        if (
            last is not None
            and last[3] == start
            and last[1] - last[0] == last[3] - last[2]
            and last[1] == self._size
        ):
            last[1] += n
            last[3] = end
        else:
            self._pieces.append([self._size, self._size + n, start, end])
        self._size += n

    def put(self, text: str, start: int, end: int) -> None:
        """Add ``text`` standing for ``source[start:end]`` as a whole."""
        if not text:
            return
        if text == self.source[start:end]:
            self.copy(start, end)
            return
        self._parts.append(text)
        n = len(text)
        self._pieces.append([self._size, self._size + n, start, end])
        self._size += n

    def join(self, other: Builder, separator: str) -> None:
        """Add ``separator``, then what ``other`` (over the same source) has built.

        The separator stands for nothing in the source (it starts where
        ``other``'s text does); ``other``'s pieces keep their places in the
        source, wherever they are: the chunk may then be read out of file
        order (see :meth:`Chunk.source_span`).
        """
        if not other._pieces:
            return
        if separator:
            at = other._pieces[0][2]
            self._parts.append(separator)
            self._pieces.append([self._size, self._size + len(separator), at, at])
            self._seams.append((self._size, self._size + len(separator)))
            self._size += len(separator)
        for c0, c1, s0, s1 in other._pieces:
            self._pieces.append([c0 + self._size, c1 + self._size, s0, s1])
        self._seams += [(s0 + self._size, s1 + self._size) for s0, s1 in other._seams]
        self._parts.extend(other._parts)
        self._size += other._size

    def last_char(self) -> str:
        """The last character added, or ``""``."""
        return self._parts[-1][-1] if self._parts else ""

    def text(self) -> str:
        """The text built so far."""
        return "".join(self._parts)

    def chunk(
        self,
        kind: ChunkKind,
        *,
        note: int | None = None,
        label: str | None = None,
        entry: str | None = None,
        strip: bool = True,
    ) -> Chunk:
        """The chunk built, its surrounding white space left out when ``strip``."""
        text = "".join(self._parts)
        pieces = [tuple(p) for p in self._pieces]
        seams = self._seams
        if strip and text:
            lead = len(text) - len(text.lstrip())
            trail = len(text.rstrip())
            text = text[lead:trail]
            pieces = _trim(pieces, lead, trail)
            seams = [
                (max(s0, lead) - lead, min(s1, trail) - lead)
                for s0, s1 in seams
                if s0 < trail and lead < s1
            ]
        lines = self.lines if self.lines is not None else LineIndex.of(self.source)
        return Chunk(
            text,
            kind,
            tuple((p[0], p[1], p[2], p[3]) for p in pieces),
            lines,
            note=note,
            label=label,
            entry=entry,
            seams=tuple(seams),
        )


def entry_chunks(
    fields: list[tuple[str, Builder]],
    entry: str | None,
    pairs: tuple[tuple[str, tuple[str, ...]], ...],
    *,
    strip: bool = True,
) -> list[Chunk]:
    """The field chunks of one entry (BibTeX or CSL-JSON), a location joined to its archive.

    ``fields`` are the entry's fields in file order, each ``(name, builder)``.
    The first location field of ``pairs`` the entry has, with the first of
    its archive fields it has, become one chunk (labelled with the location
    field's name): the archive's text, ``", "``, the location's text. Read
    alone, "f. 558, op. 11, d. 62" names no archive; read with its
    ``institution`` it is the reference the entry stands for. That chunk takes
    the place of the first of the two; empty fields give no chunk.
    """
    names = {name: k for k, (name, b) in reversed(list(enumerate(fields))) if len(b)}
    joined: dict[int, Builder] = {}
    label: str | None = None
    dropped: set[int] = set()
    for location, archives in pairs:
        if location not in names:
            continue
        archive = next((names[a] for a in archives if a in names), None)
        if archive is None:
            continue
        at, other = names[location], archive
        builder = Builder(fields[other][1].source, fields[other][1].lines)
        builder.join(fields[other][1], "")
        builder.join(fields[at][1], ", ")
        joined[min(at, other)] = builder
        dropped.add(max(at, other))
        label = location
        break
    out: list[Chunk] = []
    for k, (name, builder) in enumerate(fields):
        if k in dropped:
            continue
        made = joined.get(k, builder)
        chunk = made.chunk("field", label=label if k in joined else name, entry=entry, strip=strip)
        if chunk.text:
            out.append(chunk)
    return out


def _trim(pieces: list[tuple[int, ...]], lead: int, trail: int) -> list[tuple[int, ...]]:
    """The pieces of the chunk cut to ``lead:trail``, renumbered from 0."""
    out: list[tuple[int, ...]] = []
    for c0, c1, s0, s1 in pieces:
        if c1 <= lead or c0 >= trail:
            continue
        identity = c1 - c0 == s1 - s0
        n0, n1 = max(c0, lead), min(c1, trail)
        if identity:
            out.append((n0 - lead, n1 - lead, s0 + n0 - c0, s0 + n1 - c0))
        else:
            out.append((n0 - lead, n1 - lead, s0, s1))
    return out


def decode(data: bytes, path: str) -> str:
    """``data`` decoded as UTF-8 (a byte order mark is dropped).

    Undecodable bytes are a :class:`ReaderError` giving the byte offset and
    the line and column where they are.

    >>> decode("Л. 5".encode(), "notes.txt")
    'Л. 5'
    >>> decode(b"ok\\nbad \\xff here", "notes.txt")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    archref.readers._base.ReaderError: notes.txt:2:5 (byte 7): not UTF-8: byte 0xff (invalid ...
    """
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        at = exc.start + bom
        line = data.count(b"\n", 0, at) + 1
        line_start = data.rfind(b"\n", 0, at) + 1
        column = len(data[max(line_start, bom) : at].decode("utf-8", "replace")) + 1
        raise ReaderError(
            f"not UTF-8: byte 0x{data[at]:02x} ({exc.reason}); save the file as UTF-8",
            path,
            line=line,
            column=column,
            byte=at,
        ) from None
