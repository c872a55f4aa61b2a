"""Word (.docx): the document's paragraphs, its footnotes and its endnotes.

A .docx is a zip archive of XML parts; this reader needs only the standard
library (``zipfile`` and ``xml.parsers.expat``). It reads:

* ``word/document.xml``: each paragraph (``w:p``, also in tables and text
  boxes) as a body chunk;
* ``word/footnotes.xml``: each footnote as one footnote chunk (its
  paragraphs joined by line feeds), numbered as Word numbers them: in the
  order of their references in the document (footnotes never referenced
  come last, in the order of the part). Separator footnotes are skipped;
* ``word/endnotes.xml``: each endnote as one endnote chunk, read as the
  footnotes are, numbered in a sequence of their own (Word numbers endnotes
  apart from footnotes: i, ii, iii... by default), so an "Ibid." in an
  endnote refers to the endnote before it.

Comments (``word/comments.xml``) are not read: they are the remarks of the
author and the reviewers on the text, not part of it, and what they cite is
not printed.

The text of a paragraph is its ``w:t`` runs; a tab is ``"\\t"``, a line
break ``"\\n"``, a non-breaking hyphen ``"-"``. Deleted text (tracked
changes), field codes and soft hyphens are left out.

Positions: a .docx has no lines, so a :class:`~archref.readers.Position`
gives ``part`` (``"body"``, ``"footnote N"`` or ``"endnote N"``), ``line``
as the 1-based paragraph (of the body, counting every paragraph, empty ones
too; of the note), ``column`` as the 1-based character of that paragraph, and no
``offset``.

A file that is not a zip archive, lacks ``word/document.xml``, or holds XML
that does not parse is a :class:`~archref.readers.ReaderError`; for XML the
message names the part and its line and column. So is a corrupt archive or
member (whatever ``zipfile`` and ``zlib`` raise on it: the error names the
member), an encrypted member, a compression method other than stored or
deflated, and a DTD in a part (Word never writes one; refusing it leaves no
entity to expand).

Zip bombs: each part is inflated and parsed a piece at a time (64 KiB), and
the bytes actually inflated are counted, whatever the archive's headers
declare: past :data:`MAX_PART` (64 MiB) for one part or :data:`MAX_TOTAL`
(128 MiB) for the parts read in all, reading stops with a ReaderError naming
the part and the limit. No XML tree is built, so memory follows the text
read, not the markup.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from xml.parsers import expat

from archref.readers._base import Builder, Chunk, ChunkKind, LineIndex, ReaderError

__all__ = ["MAX_PART", "MAX_TOTAL", "read_docx"]

#: Bytes one part may inflate to; reading stops, with a ReaderError, past it.
MAX_PART = 64 * 1024 * 1024
#: Bytes the parts read may inflate to in all.
MAX_TOTAL = 128 * 1024 * 1024
_READ = 64 * 1024  # bytes inflated at a time

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main}"  # expat's names
_P, _T = _W + "p", _W + "t"
#: the note parts read: part -> (the element of a note, the kind of its chunks)
_NOTE_PARTS: dict[str, tuple[str, ChunkKind]] = {
    "word/footnotes.xml": (_W + "footnote", "footnote"),
    "word/endnotes.xml": (_W + "endnote", "endnote"),
}
#: a reference to a note in the document: element -> the note's element
_REFS = {_W + "footnoteReference": _W + "footnote", _W + "endnoteReference": _W + "endnote"}
_TEXT = {_W + "tab": "\t", _W + "br": "\n", _W + "cr": "\n", _W + "noBreakHyphen": "-"}
_SKIP = frozenset({_W + "delText", _W + "instrText", _W + "del"})

#: What zipfile and zlib raise on a corrupt archive or member.
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,  # a bad seek, an undecodable name...
    KeyError,
    IndexError,
    NotImplementedError,  # an unknown compression method or zip version
    RuntimeError,  # an encrypted member
    OverflowError,
    struct.error,
)
#: Compression methods a .docx uses; others (bzip2, LZMA) are refused.
_METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})


class _Part:
    """The paragraphs (and footnotes) of one XML part, read as the parser streams it.

    No tree is built: the handlers keep the open paragraphs and footnotes
    only, so memory grows with the text read, not with the markup.
    """

    def __init__(self, name: str, path: str, *, note: str | None) -> None:
        self.name = name
        self.path = path
        self.note = note  # the note element (w:footnote, w:endnote) whose paragraphs are read
        self.footnotes = note is not None  # a part of notes: its notes' paragraphs only
        self.body: list[tuple[int, str]] = []  # (number, text) of paragraphs with text
        self.count = 0  # the paragraphs, empty ones too, when not footnotes
        self.refs: dict[str, list[str]] = {}  # note element -> references to notes, in order
        self.notes: dict[str, list[str]] = {}  # normal note id -> its paragraphs
        self.open_notes: list[tuple[str, list[list[str]]] | None] = []
        self.paras: list[list[str] | None] = []  # the open paragraphs (None: not read)
        self.numbers: list[int] = []  # and their numbers in the body
        self.skip = 0  # depth inside an element whose content is left out
        self.collect = False  # in a w:t, before any child element

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        self.collect = False
        if self.skip:
            self.skip += 1
            return
        if tag in _SKIP:
            self.skip = 1
            return
        para = self.paras[-1] if self.paras else None
        if tag == _P:
            para = None
            if not self.footnotes:
                self.count += 1
                para = []
            elif self.open_notes and (note := self.open_notes[-1]) is not None:
                para = []
                note[1].append(para)
            self.paras.append(para)
            self.numbers.append(self.count)
        elif tag == _T:
            self.collect = para is not None
        elif tag in _TEXT:
            if para is not None:
                para.append(_TEXT[tag])
        elif tag in _REFS:
            self.refs.setdefault(_REFS[tag], []).append(attributes.get(_W + "id", ""))
        elif tag == self.note:
            normal = attributes.get(_W + "type", "normal") == "normal"
            self.open_notes.append((attributes.get(_W + "id", ""), []) if normal else None)

    def end(self, tag: str) -> None:
        self.collect = False
        if self.skip:
            self.skip -= 1
            return
        if tag == _P:
            para = self.paras.pop()
            number = self.numbers.pop()
            if not self.footnotes and para:
                self.body.append((number, "".join(para)))
        elif tag == self.note:
            note = self.open_notes.pop()
            if note is not None:
                self.notes[note[0]] = ["".join(p) for p in note[1]]

    def data(self, text: str) -> None:
        if self.collect:
            para = self.paras[-1]
            assert para is not None
            para.append(text)

    def doctype(self, *_: object) -> None:
        raise ReaderError(f"{self.name} declares a DTD, which a .docx never does", self.path)

    def paragraphs(self) -> list[tuple[int, str]]:
        """The number and text of each body paragraph that has text, in order."""
        return sorted(self.body)  # a paragraph in another (a text box) ends first


class _Budget:
    """The bytes still allowed to inflate, over all the parts read."""

    def __init__(self, total: int) -> None:
        self.left = total


def _part(archive: zipfile.ZipFile, name: str, path: str, budget: _Budget) -> _Part | None:
    """Read and parse ``name``, inflating it a piece at a time, within the limits."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.compress_type not in _METHODS:
        raise ReaderError(
            f"cannot read {name}: compression method {info.compress_type}"
            " (a .docx is stored or deflated)",
            path,
        )
    note = _NOTE_PARTS.get(name)
    part = _Part(name, path, note=None if note is None else note[0])
    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True
    parser.StartElementHandler = part.start
    parser.EndElementHandler = part.end
    parser.CharacterDataHandler = part.data
    parser.StartDoctypeDeclHandler = part.doctype
    size = 0
    try:
        with archive.open(info) as member:
            while True:
                try:
                    data = member.read(_READ)
                except _ZIP_ERRORS as exc:
                    raise ReaderError(
                        f"corrupt .docx: cannot read {name} ({_reason(exc)})", path
                    ) from None
                size += len(data)
                if size > MAX_PART:
                    raise ReaderError(
                        f"{name} inflates to more than {MAX_PART} bytes (the limit for a part)",
                        path,
                    )
                if size > budget.left:
                    raise ReaderError(
                        f"{name} inflates past {MAX_TOTAL} bytes read in all (the limit)", path
                    )
                parser.Parse(data, not data)
                if not data:
                    break
    except _ZIP_ERRORS as exc:  # opening the member, or closing it
        raise ReaderError(f"corrupt .docx: cannot read {name} ({_reason(exc)})", path) from None
    except expat.ExpatError as exc:
        raise ReaderError(
            f"invalid XML in {name}, line {exc.lineno}, column {exc.offset + 1}:"
            f" {expat.ErrorString(exc.code)}",
            path,
        ) from None
    except (LookupError, UnicodeError) as exc:  # an encoding expat cannot decode
        raise ReaderError(f"invalid XML in {name}: {_reason(exc)}", path) from None
    budget.left -= size
    return part


def _reason(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__


def _footnote(paragraphs: list[str], number: int, label: str, kind: ChunkKind) -> Chunk:
    """A note chunk over a made-up source: its paragraphs joined by line feeds."""
    source = "\n".join(paragraphs)
    starts: list[int] = []
    pos = 0
    for text in paragraphs:
        starts.append(pos)
        pos += len(text) + 1
    lines = LineIndex(tuple(starts) or (0,), absolute=False, part=f"{kind} {number}")
    b = Builder(source, lines)
    b.copy(0, len(source))
    return b.chunk(kind, note=number, label=label)


def read_docx(data: bytes, path: str = "<bytes>") -> list[Chunk]:
    """The body paragraphs, footnotes and endnotes of a .docx, in that order."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS as exc:
        raise ReaderError(f"not a .docx: not a zip archive ({_reason(exc)})", path) from None
    budget = _Budget(MAX_TOTAL)
    with archive:
        document = _part(archive, "word/document.xml", path, budget)
        if document is None:
            raise ReaderError("not a .docx: it has no word/document.xml", path)
        notes = {name: _part(archive, name, path, budget) for name in _NOTE_PARTS}
    chunks: list[Chunk] = []
    for number, text in document.paragraphs():  # each on its own: line is its number
        b = Builder(text, LineIndex((0,), absolute=False, part="body", first=number))
        b.copy(0, len(text))
        chunk = b.chunk("body")
        if chunk.text:
            chunks.append(chunk)
    for name, (element, kind) in _NOTE_PARTS.items():
        part = notes[name]
        if part is None:
            continue
        texts = part.notes
        refs = document.refs.get(element, [])
        order = [r for r in dict.fromkeys(refs) if r in texts]
        referenced = set(order)
        order += [k for k in texts if k not in referenced]
        for number, key in enumerate(order, 1):
            chunks.append(_footnote(texts[key], number, key, kind))
    return chunks
