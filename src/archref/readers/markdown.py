r"""Markdown (CommonMark, GitHub and Pandoc footnotes): prose and footnote definitions.

What is read:

* each paragraph, heading and block-quote paragraph as a body chunk;
* each footnote definition (``[^1]: ...``), with its lazy continuation
  lines and its indented continuation paragraphs, as one footnote chunk,
  numbered in the order the definitions appear.

What is left out: front matter (``---`` ... ``---`` or ``...``, and ``+++``
... ``+++``, on the first line), fenced code (backticks or tildes), indented code, inline code,
HTML comments (also across lines), HTML tags, link destinations
(``[text](url)`` keeps ``[text]``), reference-link labels and definitions,
autolinks (``<https://...>``), bare URLs, footnote references (``[^1]``),
and the emphasis marks ``*`` and ``_`` (``_`` inside a word is kept).
A backslash escape keeps the character it escapes. Inline constructs are
recognised within one line. An unclosed code fence, front matter or HTML
comment is a :class:`~archref.readers.ReaderError`.

>>> from archref.readers import read_string
>>> text = '''Stalin wrote to Molotov.[^1] See `code` and [the UN](https://un.org).
...
... [^1]: RGASPI, f. 558, op. 11,
...     d. 62, ll. 71-72.
... '''
>>> doc = read_string(text, "markdown")
>>> for c in doc.chunks:
...     print(c.kind, c.note, repr(c.text))
body None 'Stalin wrote to Molotov. See  and [the UN].'
footnote 1 'RGASPI, f. 558, op. 11,\nd. 62, ll. 71-72.'
>>> doc.chunks[1].start_position(24)
Position(line=4, column=5, offset=105, part=None)
"""

from __future__ import annotations

import bisect
import re

from archref.readers._base import Builder, Chunk, LineIndex, ReaderError

__all__ = ["html_comments", "read_markdown"]

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})([^\n]*)")
_FOOTNOTE_DEF = re.compile(r" {0,3}\[\^([^\]\s]{1,100})\]:[ \t]?")
_LINK_DEF = re.compile(r" {0,3}\[[^\]\n]{1,999}\]:[ \t]*\S")
_HEADING = re.compile(r" {0,3}#{1,6}(?:[ \t]+|$)")
_BREAK = re.compile(r" {0,3}(?:(?:[-=][ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
_QUOTE = re.compile(r"(?: {0,3}> ?)+")
_SPECIAL = re.compile(r"[`<\]\\*_\[]|https?://|www\.")
_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_EOL = re.compile(r"\r\n?|\n")


def _indent(line: str) -> int:
    """Columns of leading white space (a tab to the next multiple of 4)."""
    col = 0
    for char in line:
        if char == " ":
            col += 1
        elif char == "\t":
            col += 4 - col % 4
        else:
            break
    return col


def _strip_indent(text: str, start: int, end: int, columns: int) -> int:
    """``start`` moved past up to ``columns`` columns of indentation."""
    col = 0
    pos = start
    while pos < end and col < columns and text[pos] in " \t":
        col += 1 if text[pos] == " " else 4 - col % 4
        pos += 1
    return pos


def _line_index(text: str) -> LineIndex:
    """The lines of ``text``, ended by ``"\\n"``, ``"\\r\\n"`` or a lone ``"\\r"``."""
    return LineIndex.of(text)


class _Reader:
    def __init__(self, text: str, path: str) -> None:
        self.text = text
        self.path = path
        self.cr = "\r" in text  # line ends may be a lone "\r" (old Mac files)
        self.lines = _line_index(text)
        self.chunks: list[Chunk] = []
        self.current: Builder | None = None
        self.current_note: tuple[int, str] | None = None  # (number, label)
        self.notes = 0
        self.comment_until = -1  # inside an HTML comment up to this offset
        self.comments: list[tuple[int, int]] = []  # the HTML comments read: (start, end)

    def error(self, message: str, offset: int) -> ReaderError:
        pos = self.lines.position(offset)
        return ReaderError(message, self.path, line=pos.line, column=pos.column)

    def flush(self) -> None:
        b = self.current
        if b is not None:
            chunk = (
                b.chunk("footnote", note=self.current_note[0], label=self.current_note[1])
                if self.current_note is not None
                else b.chunk("body")
            )
            if chunk.text or chunk.kind == "footnote":
                self.chunks.append(chunk)
        self.current = None
        self.current_note = None

    def line_end(self, pos: int) -> tuple[int, int]:
        """Where the line from ``pos`` ends: the end of its content and the next line's start."""
        if not self.cr:
            nl = self.text.find("\n", pos)
            return (len(self.text), len(self.text) + 1) if nl < 0 else (nl, nl + 1)
        m = _EOL.search(self.text, pos)
        return (len(self.text), len(self.text) + 1) if m is None else (m.start(), m.end())

    def previous_end(self, pos: int) -> int:
        """Where the line end before ``pos`` ends (its last character), or -1."""
        text = self.text
        nl = text.rfind("\n", 0, pos)
        if not self.cr:
            return nl
        cr = text.rfind("\r", 0, pos)
        if cr == pos - 1 and text.startswith("\n", pos):  # the "\r" of the "\r\n" at pos
            cr = text.rfind("\r", 0, cr)
        return max(nl, cr)

    def add_line(self, start: int, end: int) -> None:
        """Add the content ``text[start:end]`` of a line to the current chunk."""
        if self.current is None:
            self.current = Builder(self.text, self.lines)
        elif len(self.current):
            nl = self.previous_end(start)
            before = self.previous_end(nl)
            if before >= 0 and not self.text[before + 1 : nl].strip():
                self.current.put("\n\n", before, nl + 1)  # a blank line between
            else:
                self.current.put("\n", nl, nl + 1)  # a copy, unless the line end is "\r"
        self.inline(start, end)

    def read(self) -> list[Chunk]:
        text = self.text
        n = len(text)
        pos = self._front_matter()
        fence: tuple[str, int, int] | None = None  # (char, length, offset of the opener)
        blank_before = True
        while pos < n:
            end, next_pos = self.line_end(pos)
            line = text[pos:end]
            if self.comment_until > pos:
                if self.comment_until >= next_pos:
                    pos = next_pos
                    continue
                start = self.comment_until
                self.comment_until = -1
                if self.current is None:
                    self.current = Builder(text, self.lines)
                self.inline(start, end)
                pos = next_pos
                continue
            if fence is not None:
                stripped = line.strip()
                char, length, _ = fence
                if stripped.startswith(char * length) and not stripped.strip(char):
                    fence = None
                pos = next_pos
                continue
            if not line.strip():
                if self.current_note is None:
                    self.flush()
                blank_before = True
                pos = next_pos
                continue
            indent = _indent(line)
            content = pos
            if self.current_note is not None:
                if indent >= 4:  # a continuation of the footnote
                    content = _strip_indent(text, pos, end, 4)
                    indent = 0
                    line = text[content:end]
                elif blank_before or _FOOTNOTE_DEF.match(line) or _FENCE.match(line):
                    self.flush()
            m = _FENCE.match(line) if indent < 4 else None
            if m and not (m.group(1)[0] == "`" and "`" in m.group(2)):
                if self.current_note is None:
                    self.flush()
                fence = (m.group(1)[0], len(m.group(1)), pos)
                pos = next_pos
                blank_before = False
                continue
            if indent >= 4 and self.current is None:
                pos = next_pos  # indented code
                continue
            if m := _FOOTNOTE_DEF.match(line):
                self.flush()
                self.notes += 1
                self.current_note = (self.notes, m.group(1))
                self.current = Builder(text, self.lines)
                self.inline(content + m.end(), end)
            elif _LINK_DEF.match(line) and self.current is None:
                pass
            elif m := _HEADING.match(line):
                if self.current_note is None:
                    self.flush()
                self.add_line(content + m.end(), end)
                if self.current_note is None:
                    self.flush()
            elif _BREAK.match(line):
                if self.current_note is None:
                    self.flush()
            else:
                m = _QUOTE.match(line)
                self.add_line(content + (m.end() if m else 0), end)
            blank_before = False
            pos = next_pos
        if fence is not None:
            raise self.error(f"code fence {fence[0] * fence[1]} is never closed", fence[2])
        self.flush()
        return self.chunks

    def _front_matter(self) -> int:
        text = self.text
        end, pos = self.line_end(0)
        first = text[:end].rstrip()
        if first not in ("---", "+++"):
            return 0
        closers = ("---", "...") if first == "---" else ("+++",)
        while pos < len(text):
            end, next_pos = self.line_end(pos)
            if text[pos:end].rstrip() in closers:
                return min(next_pos, len(text))
            pos = next_pos
        return 0  # no closing line: a thematic break, not front matter

    def inline(self, start: int, end: int) -> None:
        """Add ``text[start:end]`` (one line's content) with its inline markup left out."""
        b = self.current
        assert b is not None
        text = self.text
        run = start  # start of text not yet copied
        pos = start
        ticks: dict[int, list[int]] | None = None
        no_paren_after = end + 1
        next_gt = -2
        while True:
            m = _SPECIAL.search(text, pos, end)
            if m is None:
                break
            i = m.start()
            char = text[i]
            skip_to = -1
            put = ""
            if char == "\\":
                if i + 1 < end and text[i + 1] in _PUNCT:
                    put, skip_to = text[i + 1], i + 2
                else:
                    pos = i + 1
                    continue
            elif char == "`":
                k = i
                while k < end and text[k] == "`":
                    k += 1
                length = k - i
                if ticks is None:
                    ticks = _tick_runs(text, start, end)
                runs = ticks.get(length, [])
                j = bisect.bisect_right(runs, i)
                if j < len(runs):
                    skip_to = runs[j] + length
                else:
                    pos = k
                    continue
            elif char == "[":
                close = text.find("]", i + 2, min(end, i + 104))
                if text.startswith("[^", i) and close > 0 and not text[i:close].count(" "):
                    skip_to = close + 1
                else:
                    pos = i + 1
                    continue
            elif char == "]":
                following = text[i + 1 : i + 2]
                if following == "(" and i + 1 < no_paren_after:
                    close = _closing_paren(text, i + 1, end)
                    if close < 0:
                        no_paren_after = i + 1
                        pos = i + 1
                        continue
                    b.copy(run, i + 1)
                    run = pos = close + 1
                    continue
                if following == "[":
                    close = text.find("]", i + 2, end)
                    if close > 0:
                        b.copy(run, i + 1)
                        run = pos = close + 1
                        continue
                pos = i + 1
                continue
            elif char == "<":
                if text.startswith("<!--", i):
                    close = text.find("-->", i + 4, end)
                    if close < 0:
                        close = text.find("-->", i + 4)
                        if close < 0:
                            raise self.error("HTML comment '<!--' is never closed", i)
                        b.copy(run, i)
                        self.comment_until = close + 3
                        self.comments.append((i, close + 3))
                        return
                    skip_to = close + 3
                    self.comments.append((i, skip_to))
                else:
                    if next_gt < i:
                        next_gt = text.find(">", i, end)
                        if next_gt < 0:
                            next_gt = end
                    nxt = text[i + 1 : i + 2]
                    if next_gt < end and (nxt.isalpha() or nxt in "/!?") and nxt:
                        skip_to = next_gt + 1
                    else:
                        pos = i + 1
                        continue
            elif char in "*_":
                if char == "_":
                    before = text[i - 1] if i > start else " "
                    after = text[i + 1] if i + 1 < end else " "
                    if before.isalnum() and after.isalnum():
                        pos = i + 1
                        continue
                skip_to = i + 1
            else:  # a URL
                k = i
                while k < end and not text[k].isspace():
                    k += 1
                while k > i and text[k - 1] in ".,;:!?)'\"":
                    k -= 1
                skip_to = k
            b.copy(run, i)
            if put:
                b.put(put, i, skip_to)
            run = pos = skip_to
        b.copy(run, end)


def _tick_runs(text: str, start: int, end: int) -> dict[int, list[int]]:
    """The backtick runs of ``text[start:end]``: length -> sorted start offsets."""
    runs: dict[int, list[int]] = {}
    pos = text.find("`", start, end)
    while pos >= 0:
        k = pos
        while k < end and text[k] == "`":
            k += 1
        runs.setdefault(k - pos, []).append(pos)
        pos = text.find("`", k, end)
    return runs


def _closing_paren(text: str, open_at: int, end: int) -> int:
    """The offset of the ``)`` closing the ``(`` at ``open_at``, or -1."""
    depth = 0
    pos = open_at
    while pos < end:
        char = text[pos]
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return pos
        elif char == "\\":
            pos += 1
        pos += 1
    return -1


def read_markdown(text: str, path: str = "<string>") -> list[Chunk]:
    """The body and footnote chunks of Markdown ``text``, in order."""
    return _Reader(text, path).read()


def html_comments(text: str, path: str = "<string>") -> list[tuple[int, int]]:
    """The HTML comments of Markdown ``text`` as the reader leaves them out: the offsets
    of each ``<!--`` and of the end of its ``-->``, in order.

    What the reader takes for text is no comment: ``<!-- ... -->`` in a code
    span, a code fence, indented code or front matter. A
    :class:`~archref.readers.ReaderError` where :func:`read_markdown` gives one.

    >>> text = "`<!-- archref: ignore -->` is how.\\n<!-- a note -->\\n"
    >>> [text[s:e] for s, e in html_comments(text)]
    ['<!-- a note -->']
    """
    reader = _Reader(text, path)
    reader.read()
    return reader.comments
