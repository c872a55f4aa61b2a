r"""CSL-JSON: every string value of every item, at its line and column.

A CSL-JSON file is an array of items (a single item object is read too).
Every string value of an item is one field chunk: ``label`` is its path in
the item (``"archive_location"``, ``"note"``, ``"author[0].family"``) and
``entry`` the item's ``id``; but ``archive_location`` is read with the
item's ``archive``, as one chunk ("RGASPI, f. 558, ..."), since the location
alone names no archive (see :data:`LOCATION_PAIRS`). Values of ``id``, ``type``, ``URL``, ``DOI``,
``ISBN``, ``ISSN``, ``PMID``, ``PMCID`` and ``language`` are not read.
Escapes (``\"``, ``\n``, ``\u0416``, surrogate pairs) are resolved, each
character mapped to the escape it was written as.

The standard ``json`` module keeps no positions, so this module has its own
small reader: one pass, no recursion, strict JSON as RFC 8259 defines it.
Invalid JSON is a :class:`~archref.readers.ReaderError` at its line and
column, and so is nesting deeper than :data:`MAX_DEPTH` (500) arrays and
objects. :func:`check_depth` applies the same limit to a text before it goes
to ``json.loads``. A label longer than :data:`LABEL_LIMIT` (256) characters
is cut, so the work per value is bounded whatever the keys and the depth.

>>> from archref.readers import read_string
>>> data = '''[{"id": "stalin1950", "type": "letter",
...   "archive": "RGASPI", "archive_location": "f. 558, op. 11, d. 62, ll. 71\\u201372"}]'''
>>> for c in read_string(data, "csl-json").chunks:
...     print(c.entry, c.label, repr(c.text), c.start_position(0).line, c.start_position(0).column)
stalin1950 archive_location 'RGASPI, f. 558, op. 11, d. 62, ll. 71–72' 2 15
>>> read_string('[{"note": "A/C.1/218",}]', "csl-json", path="refs.json")
Traceback (most recent call last):
...
archref.readers._base.ReaderError: refs.json:1:23: expected a string (a key), found '}'
"""

from __future__ import annotations

import re

from archref.readers._base import Builder, Chunk, LineIndex, ReaderError, entry_chunks

__all__ = [
    "LABEL_LIMIT",
    "LOCATION_PAIRS",
    "MAX_DEPTH",
    "SKIPPED_KEYS",
    "check_depth",
    "read_csl_json",
]

#: An item's ``archive_location`` is read with its ``archive``: one chunk,
#: the archive's value, ``", "``, the location's (labelled
#: ``archive_location``), since "f. 558, op. 11, d. 62" alone names no
#: archive. It is what :func:`archref.from_csl_json` reads too.
LOCATION_PAIRS: tuple[tuple[str, tuple[str, ...]], ...] = (("archive_location", ("archive",)),)

#: Arrays and objects may nest this deep; one more is refused (a
#: :class:`~archref.readers.ReaderError` at the bracket that opens it). Well
#: below Python's recursion limit (1,000 frames), which ``json.loads`` counts
#: a level at a time: a text that passes :func:`check_depth` cannot overflow it.
MAX_DEPTH = 500
#: A chunk's label (its path in the item) is cut to this many characters, an
#: ellipsis last, so that a long key or a deep path cannot make every value's
#: label long.
LABEL_LIMIT = 256

#: keys whose values are not read
SKIPPED_KEYS = frozenset(
    {"id", "type", "URL", "DOI", "ISBN", "ISSN", "PMID", "PMCID", "language", "citation-key"}
)

_SPACE = re.compile(r"[ \t\n\r]*")
_PLAIN = re.compile(r'[^"\\\x00-\x1f]*')
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")
_BRACKET = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|["\[\]{}]', re.DOTALL)
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


class _Frame:
    __slots__ = ("index", "is_object", "key", "label")

    def __init__(self, is_object: bool, label: str) -> None:
        self.is_object = is_object
        self.label = label  # the path of this container inside its item
        self.key: str | None = None
        self.index = 0


class _Reader:
    def __init__(self, text: str, path: str) -> None:
        self.text = text
        self.path = path
        self.lines = LineIndex.of(text)
        self.chunks: list[Chunk] = []

    def error(self, message: str, offset: int) -> ReaderError:
        pos = self.lines.position(offset)
        return ReaderError(message, self.path, line=pos.line, column=pos.column)

    def found(self, pos: int) -> str:
        return repr(self.text[pos]) if pos < len(self.text) else "the end of the file"

    def space(self, pos: int) -> int:
        m = _SPACE.match(self.text, pos)
        return m.end() if m else pos

    def string(self, pos: int, builder: Builder | None) -> tuple[str, int]:
        """The string opened by the quote at ``pos`` and the offset after it."""
        text = self.text
        out: list[str] = []
        k = pos + 1
        while True:
            m = _PLAIN.match(text, k)
            end = m.end() if m else k
            out.append(text[k:end])
            if builder is not None:
                builder.copy(k, end)
            k = end
            if k >= len(text):
                raise self.error("string is never closed", pos)
            char = text[k]
            if char == '"':
                return "".join(out), k + 1
            if char != "\\":
                raise self.error(f"control character U+{ord(char):04X} in a string", k)
            esc = text[k + 1 : k + 2]
            if esc in _ESCAPES:
                decoded, stop = _ESCAPES[esc], k + 2
            elif esc == "u":
                decoded, stop = self.unicode_escape(k)
            else:
                raise self.error(f"invalid escape {text[k : k + 2]!r}", k)
            out.append(decoded)
            if builder is not None:
                builder.put(decoded, k, stop)
            k = stop

    def unicode_escape(self, k: int) -> tuple[str, int]:
        text = self.text
        digits = text[k + 2 : k + 6]
        if len(digits) != 4 or not all(c in "0123456789abcdefABCDEF" for c in digits):
            raise self.error(f"invalid escape {text[k : k + 6]!r}", k)
        code = int(digits, 16)
        if 0xD800 <= code < 0xDC00 and text.startswith("\\u", k + 6):
            low = text[k + 8 : k + 12]
            if len(low) == 4 and all(c in "0123456789abcdefABCDEF" for c in low):
                low_code = int(low, 16)
                if 0xDC00 <= low_code < 0xE000:
                    pair = 0x10000 + ((code - 0xD800) << 10) + (low_code - 0xDC00)
                    return chr(pair), k + 12
        return chr(code), k + 6

    def key(self, pos: int) -> tuple[str, int]:
        """Read ``"key" :`` at ``pos``; return the key and the offset of the value."""
        if pos >= len(self.text) or self.text[pos] != '"':
            raise self.error(f"expected a string (a key), found {self.found(pos)}", pos)
        key, pos = self.string(pos, None)
        pos = self.space(pos)
        if pos >= len(self.text) or self.text[pos] != ":":
            raise self.error(f"expected ':' after the key, found {self.found(pos)}", pos)
        return key, self.space(pos + 1)

    def read(self) -> list[Chunk]:
        text = self.text
        n = len(text)
        stack: list[_Frame] = []
        # per item: the chunks waiting for the item's id
        pending: list[tuple[Builder, str]] = []
        item_id: str | None = None
        item_depth = -1  # the stack depth of the current item's object
        pos = self.space(0)
        expect_value = True
        while True:
            if expect_value:
                if pos >= n:
                    raise self.error("expected a value, found the end of the file", pos)
                char = text[pos]
                top = stack[-1] if stack else None
                if char in "{[":
                    if len(stack) >= MAX_DEPTH:
                        raise self.error(_too_deep(MAX_DEPTH), pos)
                    label = "" if top is None else _join(top, item_depth, len(stack))
                    frame = _Frame(char == "{", label)
                    stack.append(frame)
                    if char == "{" and item_depth < 0 and len(stack) <= 2:
                        item_depth, item_id, pending = len(stack), None, []
                    pos = self.space(pos + 1)
                    closer = "}" if char == "{" else "]"
                    if pos < n and text[pos] == closer:
                        expect_value = False
                        continue  # the closer is handled below
                    if frame.is_object:
                        frame.key, pos = self.key(pos)
                    continue
                if char == '"':
                    key = top.key if top is not None and top.is_object else None
                    wanted = item_depth > 0 and key not in SKIPPED_KEYS
                    builder = Builder(text, self.lines) if wanted else None
                    value, pos = self.string(pos, builder)
                    if key == "id" and len(stack) == item_depth:
                        item_id = value
                    if builder is not None:
                        assert top is not None  # an item is an object
                        pending.append((builder, _join(top, item_depth, len(stack))))
                elif char in "-0123456789":
                    m = _NUMBER.match(text, pos)
                    if m is None or m.end() == pos:
                        raise self.error(f"invalid number, found {self.found(pos)}", pos)
                    if key_is_id(stack, item_depth):
                        item_id = m.group()
                    pos = m.end()
                elif text.startswith(("true", "null"), pos):
                    pos += 4
                elif text.startswith("false", pos):
                    pos += 5
                else:
                    raise self.error(f"expected a value, found {self.found(pos)}", pos)
                expect_value = False
            pos = self.space(pos)
            if not stack:
                if pos < n:
                    raise self.error(f"unexpected {self.found(pos)} after the data", pos)
                break
            top = stack[-1]
            char = text[pos] if pos < n else ""
            if char == ",":
                pos = self.space(pos + 1)
                if top.is_object:
                    top.key, pos = self.key(pos)
                else:
                    top.index += 1
                expect_value = True
            elif char == ("}" if top.is_object else "]"):
                stack.pop()
                pos += 1
                if len(stack) + 1 == item_depth:
                    fields = [(label, builder) for builder, label in pending]
                    self.chunks.extend(entry_chunks(fields, item_id, LOCATION_PAIRS, strip=False))
                    pending, item_depth = [], -1
            else:
                want = "',' or '}'" if top.is_object else "',' or ']'"
                raise self.error(f"expected {want}, found {repr(char) if char else 'the end'}", pos)
        return self.chunks


def _too_deep(limit: int) -> str:
    return f"arrays and objects nested more than {limit} deep (the limit)"


def check_depth(text: str, path: str = "<string>", limit: int = MAX_DEPTH) -> None:
    """Refuse JSON ``text`` whose arrays and objects nest deeper than ``limit``.

    One pass over the brackets outside strings, before the text goes to a
    parser (``json.loads`` recurses, and overflows the stack on deep
    nesting). Nothing else is checked: a text this accepts may still be
    invalid JSON. The error is a :class:`~archref.readers.ReaderError` (a
    ``ValueError``) at the bracket that went past the limit.

    >>> check_depth("[" * 3 + "]" * 3, "refs.json", limit=2)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    archref.readers._base.ReaderError: refs.json:1:3: arrays and objects nested more than 2 deep...
    """
    depth = 0
    for m in _BRACKET.finditer(text):
        char = text[m.start()]
        if char in "[{":
            depth += 1
            if depth > limit:
                at = m.start()
                line_start = text.rfind("\n", 0, at) + 1
                raise ReaderError(
                    _too_deep(limit),
                    path,
                    line=text.count("\n", 0, at) + 1,
                    column=at - line_start + 1,
                )
        elif char in "]}":
            depth = max(depth - 1, 0)
        elif m.end() - m.start() == 1:
            return  # a string never closed: nothing after it is outside a string


def key_is_id(stack: list[_Frame], item_depth: int) -> bool:
    return len(stack) == item_depth and stack[-1].key == "id"


def _join(top: _Frame, item_depth: int, depth: int) -> str:
    """The path of the value about to be read inside ``top``, relative to its item."""
    if depth < item_depth or item_depth < 0:
        return ""
    # each label is cut to LABEL_LIMIT, so that making one costs at most that
    # much whatever the depth and the keys: reading stays linear in the text
    step = (top.key or "")[: LABEL_LIMIT + 1] if top.is_object else f"[{top.index}]"
    if depth == item_depth:
        label = step
    elif top.is_object:
        label = f"{top.label}.{step}" if top.label else step
    else:
        label = f"{top.label}{step}"
    if len(label) > LABEL_LIMIT:
        label = label[: LABEL_LIMIT - 1] + "…"
    return label


def read_csl_json(text: str, path: str = "<string>") -> list[Chunk]:
    """The field chunks of a CSL-JSON file, item by item."""
    return _Reader(text, path).read()
