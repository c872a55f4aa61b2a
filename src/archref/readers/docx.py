"""Word (.docx): the document's paragraphs and its footnotes.

A .docx is a zip archive of XML parts; this reader needs only the standard
library (``zipfile`` and ``xml.etree``). It reads:

* ``word/document.xml``: each paragraph (``w:p``, also in tables and text
  boxes) as a body chunk;
* ``word/footnotes.xml``: each footnote as one footnote chunk (its
  paragraphs joined by line feeds), numbered as Word numbers them: in the
  order of their references in the document (footnotes never referenced
  come last, in the order of the part). Separator footnotes are skipped.

The text of a paragraph is its ``w:t`` runs; a tab is ``"\\t"``, a line
break ``"\\n"``, a non-breaking hyphen ``"-"``. Deleted text (tracked
changes), field codes and soft hyphens are left out.

Positions: a .docx has no lines, so a :class:`~archref.readers.Position`
gives ``part`` (``"body"`` or ``"footnote N"``), ``line`` as the 1-based
paragraph (of the body, counting every paragraph, empty ones too; of the
footnote), ``column`` as the 1-based character of that paragraph, and no
``offset``.

A file that is not a zip archive, lacks ``word/document.xml``, or holds XML
that does not parse is a :class:`~archref.readers.ReaderError`; for XML the
message names the part and its line and column.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
import zlib

from archref.readers._base import Builder, Chunk, LineIndex, ReaderError

__all__ = ["read_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MAX_PART = 256 * 1024 * 1024  # bytes: a larger part is refused, not inflated
_TEXT = {_W + "tab": "\t", _W + "br": "\n", _W + "cr": "\n", _W + "noBreakHyphen": "-"}
_SKIP = frozenset({_W + "delText", _W + "instrText", _W + "del"})


def _part(archive: zipfile.ZipFile, name: str, path: str) -> ET.Element | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > _MAX_PART:
        raise ReaderError(f"{name} is too large ({info.file_size} bytes)", path)
    try:
        data = archive.read(info)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as exc:
        raise ReaderError(f"corrupt .docx: cannot read {name} ({exc})", path) from None
    except RuntimeError as exc:  # encrypted
        raise ReaderError(f"cannot read {name}: {exc}", path) from None
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        line, column = exc.position
        raise ReaderError(
            f"invalid XML in {name}, line {line}, column {column + 1}: {exc.msg}", path
        ) from None


def _paragraphs(root: ET.Element) -> tuple[list[str], list[str]]:
    """The texts of the paragraphs under ``root`` in document order, and footnote references.

    Walks with an explicit stack; a paragraph nested in another (a text box)
    is a paragraph of its own.
    """
    texts: list[list[str]] = []
    refs: list[str] = []
    stack: list[tuple[ET.Element, int]] = [(root, -1)]
    while stack:
        element, para = stack.pop()
        tag = element.tag
        if tag in _SKIP:
            continue
        if tag == _W + "p":
            texts.append([])
            para = len(texts) - 1
        elif tag == _W + "t" and para >= 0:
            texts[para].append(element.text or "")
        elif tag in _TEXT and para >= 0:
            texts[para].append(_TEXT[tag])
        elif tag == _W + "footnoteReference":
            refs.append(element.get(_W + "id", ""))
        stack.extend((child, para) for child in reversed(element))
    return ["".join(t) for t in texts], refs


def _chunks(
    paragraphs: list[str],
    part: str,
    *,
    each: bool,
    note: int | None = None,
    label: str | None = None,
) -> list[Chunk]:
    """Chunks over a made-up source: the paragraphs joined by line feeds."""
    source = "\n".join(paragraphs)
    starts: list[int] = []
    pos = 0
    for text in paragraphs:
        starts.append(pos)
        pos += len(text) + 1
    lines = LineIndex(tuple(starts) or (0,), absolute=False, part=part)
    if each:
        out = []
        for start, text in zip(starts, paragraphs, strict=True):
            b = Builder(source, lines)
            b.copy(start, start + len(text))
            chunk = b.chunk("body")
            if chunk.text:
                out.append(chunk)
        return out
    b = Builder(source, lines)
    b.copy(0, len(source))
    return [b.chunk("footnote", note=note, label=label)]


def read_docx(data: bytes, path: str = "<bytes>") -> list[Chunk]:
    """The body paragraphs and footnotes of a .docx, body first."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ReaderError(f"not a .docx: not a zip archive ({exc})", path) from None
    with archive:
        document = _part(archive, "word/document.xml", path)
        if document is None:
            raise ReaderError("not a .docx: it has no word/document.xml", path)
        footnotes = _part(archive, "word/footnotes.xml", path)
    body, refs = _paragraphs(document)
    chunks = _chunks(body, "body", each=True)
    if footnotes is None:
        return chunks
    notes: dict[str, list[str]] = {}
    for footnote in footnotes.iter(_W + "footnote"):
        if footnote.get(_W + "type", "normal") != "normal":
            continue
        notes[footnote.get(_W + "id", "")] = _paragraphs(footnote)[0]
    order = [r for r in dict.fromkeys(refs) if r in notes]
    order += [k for k in notes if k not in order]
    for number, key in enumerate(order, 1):
        chunks += _chunks(notes[key], f"footnote {number}", each=False, note=number, label=key)
    return chunks
