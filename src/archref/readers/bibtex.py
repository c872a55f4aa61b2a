r"""BibTeX and BibLaTeX: each field value of each entry, at its place in the file.

Every field of every entry (``@misc``, ``@book``, ``@archival``...) is one
field chunk (``label`` the field's name in lower case, ``entry`` the key),
except the fields that hold no prose: ``url``, ``doi``, ``file``, ``isbn``,
``issn``, ``eprint``, ``date``, ``year``, ``month``, ``pages``... Braced and
quoted parts of a value joined with ``#`` are read in turn; a macro name
(``jan``, a ``@string``) is left out. The value's LaTeX is read as the
LaTeX reader reads prose (``{\&}`` is ``&``, ``--`` an en dash), each
character mapped to its source. ``@comment``, ``@preamble``, ``@string`` and
the text between entries are skipped.

Why not bibtexparser: bibtexparser 2 (which :func:`archref.from_bibtex`
uses) reports only the line on which a block or field starts, not the
column or offset of the value, and gives the value as raw text; finding the
value's characters again would mean splitting the entry a second time. This
small splitter does that one job, in one pass, keeping every offset. It
reads the same syntax: ``@type{key, name = value, ...}`` or with
parentheses, values in braces (nested), in quotes (braces inside them
balanced), numbers or macro names, and ``#`` concatenation.

An unclosed entry, brace or quote, or a field without ``=``, is a
:class:`~archref.readers.ReaderError` at its line and column.

>>> from archref.readers import read_string
>>> bib = '''@misc{stalin1950,
...   title = {Letter to {Molotov}},
...   note  = "RGASPI, f.~558, op.~11, d.~62, ll.~71--72",
...   year  = 1950
... }'''
>>> for c in read_string(bib, "bibtex").chunks:
...     print(c.entry, c.label, repr(c.text), c.start_position(0).line, c.start_position(0).column)
stalin1950 title 'Letter to Molotov' 2 12
stalin1950 note 'RGASPI, f. 558, op. 11, d. 62, ll. 71–72' 3 12
"""

from __future__ import annotations

import re

from archref.readers._base import Builder, Chunk, LineIndex, ReaderError, entry_chunks
from archref.readers.latex import LatexReader

__all__ = ["LOCATION_PAIRS", "SKIPPED_FIELDS", "read_bibtex"]

#: A location field and the fields that may name its archive, in the order
#: looked for: the conventions :func:`archref.from_bibtex` reads (a CSL-style
#: ``archive`` with ``archive_location``, biblatex-chicago's ``note`` with
#: ``institution``, biblatex-mla's ``number`` with ``library``). The first
#: location field an entry has, with the first of its archive fields the entry
#: has, make one chunk: the archive's value, ``", "``, the location's value.
LOCATION_PAIRS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("archive_location", ("archive",)),
    ("archivelocation", ("archive",)),
    ("archive-location", ("archive",)),
    ("note", ("institution", "organization", "library")),
    ("number", ("library", "institution")),
)

#: fields that hold no prose, not read
SKIPPED_FIELDS = frozenset(
    {
        "url",
        "doi",
        "file",
        "isbn",
        "issn",
        "eprint",
        "eprinttype",
        "eprintclass",
        "urldate",
        "date",
        "year",
        "month",
        "pages",
        "crossref",
        "xdata",
        "ids",
        "langid",
        "keywords",
        "timestamp",
    }
)

_TYPE = re.compile(r"[A-Za-z][\w-]*")
_NAME = re.compile(r"[^\s=,{}()\"#%]+")
_SPACE = re.compile(r"\s*")


class _Splitter:
    def __init__(self, text: str, path: str) -> None:
        self.text = text
        self.path = path
        self.lines = LineIndex.of(text)
        self.latex = LatexReader(text, path, self.lines)
        self.chunks: list[Chunk] = []

    def error(self, message: str, offset: int) -> ReaderError:
        pos = self.lines.position(offset)
        return ReaderError(message, self.path, line=pos.line, column=pos.column)

    def space(self, pos: int) -> int:
        m = _SPACE.match(self.text, pos)
        return m.end() if m else pos

    def balanced(self, open_at: int, closer: str = "}") -> int:
        """The offset after the ``}`` (or ``)``) closing the bracket at ``open_at``."""
        text = self.text
        opener = "{" if closer == "}" else "("
        depth = 0
        pos = open_at
        n = len(text)
        while pos < n:
            char = text[pos]
            if char == "\\" and closer == "}":
                pos += 2
                continue
            if char == opener or (char == "{" and closer == ")"):
                depth += 1
            elif char == closer or (char == "}" and closer == ")"):
                depth -= 1
                if depth == 0:
                    return pos + 1
            pos += 1
        raise self.error(f"{opener!r} is never closed", open_at)

    def quoted(self, open_at: int) -> int:
        """The offset of the ``"`` closing the quoted value opened at ``open_at``."""
        text = self.text
        depth = 0
        pos = open_at + 1
        n = len(text)
        while pos < n:
            char = text[pos]
            if char == "\\":
                pos += 2
                continue
            if char == "{":
                depth += 1
            elif char == "}":
                depth -= 1
            elif char == '"' and depth <= 0:
                return pos
            pos += 1
        raise self.error("'\"' is never closed", open_at)

    def read(self) -> list[Chunk]:
        text = self.text
        pos = 0
        while True:
            at = text.find("@", pos)
            if at < 0:
                break
            m = _TYPE.match(text, at + 1)
            if m is None:
                pos = at + 1
                continue
            kind = m.group().lower()
            j = self.space(m.end())
            if j >= len(text) or text[j] not in "{(":
                pos = j
                continue
            closer = "}" if text[j] == "{" else ")"
            if kind in ("comment", "preamble", "string"):
                pos = self.balanced(j, closer)
                continue
            pos = self.entry(at, j + 1, closer)
        return self.chunks

    def entry(self, at: int, pos: int, closer: str) -> int:
        """Read the entry whose key starts at ``pos``; return the offset after it."""
        text = self.text
        n = len(text)
        comma = pos
        while comma < n and text[comma] not in ",})":
            comma += 1
        if comma >= n:
            raise self.error("entry is never closed", at)
        key = text[pos:comma].strip()
        pos = comma
        fields: list[tuple[str, Builder]] = []
        while True:
            pos = self.space(pos)
            if pos < n and text[pos] == ",":
                pos = self.space(pos + 1)
            if pos >= n:
                raise self.error("entry is never closed", at)
            if text[pos] == closer:
                self.chunks.extend(entry_chunks(fields, key, LOCATION_PAIRS))
                return pos + 1
            m = _NAME.match(text, pos)
            if m is None:
                raise self.error(f"expected a field name, found {text[pos]!r}", pos)
            name = m.group().lower()
            eq = self.space(m.end())
            if eq >= n or text[eq] != "=":
                raise self.error(f"field {m.group()!r} has no '='", m.start())
            pos = self.value(eq + 1, name, fields)

    def value(self, pos: int, name: str, fields: list[tuple[str, Builder]]) -> int:
        """Read a field's value from ``pos`` into ``fields``; return the offset after it."""
        text = self.text
        n = len(text)
        parts: list[tuple[int, int]] = []
        while True:
            pos = self.space(pos)
            if pos >= n:
                raise self.error(f"field {name!r} has no value", pos)
            char = text[pos]
            if char == "{":
                end = self.balanced(pos)
                parts.append((pos + 1, end - 1))
                pos = end
            elif char == '"':
                end = self.quoted(pos)
                parts.append((pos + 1, end))
                pos = end + 1
            else:
                m = _NAME.match(text, pos)
                if m is None:
                    raise self.error(f"field {name!r} has no value", pos)
                if m.group().isdigit():
                    parts.append(m.span())
                pos = m.end()
            pos = self.space(pos)
            if pos < n and text[pos] == "#":
                pos += 1
                continue
            break
        if name not in SKIPPED_FIELDS:
            builder = Builder(text, self.lines)
            for start, end in parts:
                self.latex.convert(builder, start, end)
            fields.append((name, builder))
        return pos


def read_bibtex(text: str, path: str = "<string>") -> list[Chunk]:
    """The field chunks of a .bib file, in order."""
    return _Splitter(text, path).read()
