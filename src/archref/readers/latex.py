r"""LaTeX: body text and the arguments of ``\footnote``, ``\footnotetext`` and ``\endnote``.

What is read: the text after ``\begin{document}`` (the whole file when there
is none) up to ``\end{document}``, one body chunk per paragraph (a blank line
or ``\par`` ends one), one footnote chunk per ``\footnote{...}`` or
``\footnotetext{...}`` (nested braces and all), numbered in the order they
appear, and one endnote chunk per ``\endnote{...}`` or ``\endnotetext{...}``
(the ``endnotes`` and ``enotez`` packages), numbered in a sequence of their
own. ``\footcite[...][...]{key}`` and its kin are citation commands: their
postnote ("ll.~71--72") is a locator into a ``.bib`` entry, not a reference,
and is left out with the key. The text arguments of commands are kept where
they are prose (``\emph{...}``, ``\textit{...}``, ``\section{...}``, and any
command archref does not know); command names are left out.

What is left out: comments (``%`` to the end of the line; ``\%`` is a
percent sign), math (``$...$``, ``$$...$$``, ``\(...\)``, ``\[...\]`` and the
math environments), verbatim-like environments (``verbatim``, ``lstlisting``,
``minted``, ``comment``...) and ``\verb``, optional arguments (``[...]``
right after a command), and the arguments of commands that hold no prose:
keys and labels (``\cite``, ``\autocite`` and every command whose name
contains "cite", ``\label``, ``\ref``), file names, URLs (``\url``, the first
argument of ``\href``), lengths, colours, definitions.

What is translated, each character mapped to the source it stands for:
``\&``, ``\%``, ``\$``, ``\#``, ``\_``, ``\{``, ``\}``, ``~`` (a space),
``\,`` and the other spacing commands (a space), ``--`` and ``\textendash``
(en dash), ``---`` and ``\textemdash`` (em dash), ````` ``...'' ````` (curly quotes), ``\ldots``,
``\S``, accents (``\'e``, ``\"{o}``, ``\v{s}``) and ``\ss``, ``\o``, ``\l``...

An unclosed brace, math or verbatim, or a ``}`` closing nothing, is a
:class:`~archref.readers.ReaderError` at its line and column.

>>> from archref.readers import read_string
>>> text = r'''\documentclass{article}
... \begin{document}
... Stalin\footnote{RGASPI, f.~558, op.~11, d.~62, ll.~71--72. % a comment
... See \emph{Kto}.} wrote. $x = \{1\}$ % RGASPI, f. 1
... \end{document}
... '''
>>> doc = read_string(text, "latex")
>>> for c in doc.chunks:
...     print(c.kind, c.note, repr(c.text))
body None 'Stalin wrote.'
footnote 1 'RGASPI, f. 558, op. 11, d. 62, ll. 71–72. \nSee Kto.'
>>> note = doc.chunks[1]
>>> dash = note.text.index("–")
>>> note.start_position(dash)
Position(line=3, column=54, offset=94, part=None)
>>> note.end_position(dash + 1)
Position(line=3, column=56, offset=96, part=None)
"""

from __future__ import annotations

import re
import unicodedata

from archref.readers._base import Builder, Chunk, ChunkKind, LineIndex, ReaderError

__all__ = ["VERBATIM_ENVIRONMENTS", "LatexReader", "read_latex"]

_SPECIAL = re.compile(r"[\\{}%$~\n`'-]")
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
_NAME = re.compile(r"[A-Za-z@]+")

#: commands whose argument is a note, and the kind of note: footnotes and
#: endnotes (the ``endnotes`` and ``enotez`` packages) are numbered each in
#: their own sequence, as the book prints them
_NOTES: dict[str, ChunkKind] = {
    "footnote": "footnote",
    "footnotetext": "footnote",
    "endnote": "endnote",
    "endnotetext": "endnote",
}

_VERBATIM = frozenset(
    [
        "verbatim",
        "verbatim*",
        "Verbatim",
        "Verbatim*",
        "BVerbatim",
        "lstlisting",
        "minted",
        "comment",
        "filecontents",
        "filecontents*",
    ]
)
#: The environments whose content is text as typed, not LaTeX (left out, like
#: ``\\verb``): a ``%`` in them is no comment.
VERBATIM_ENVIRONMENTS = _VERBATIM

_MATH = frozenset(
    [
        "equation",
        "equation*",
        "align",
        "align*",
        "gather",
        "gather*",
        "multline",
        "multline*",
        "eqnarray",
        "eqnarray*",
        "math",
        "displaymath",
        "flalign",
        "flalign*",
        "alignat",
        "alignat*",
    ]
)
#: environments whose arguments after the name are not prose
_ENV_ARGS = {"tabular": 1, "tabular*": 2, "tabularx": 2, "array": 1, "minipage": 1}

#: commands whose first arguments hold no prose: name -> how many to skip
_SKIP_ARGS = {
    "label": 1,
    "ref": 1,
    "eqref": 1,
    "pageref": 1,
    "autoref": 1,
    "cref": 1,
    "Cref": 1,
    "nameref": 1,
    "url": 1,
    "href": 1,
    "input": 1,
    "include": 1,
    "includegraphics": 1,
    "bibliography": 1,
    "bibliographystyle": 1,
    "addbibresource": 1,
    "usepackage": 1,
    "RequirePackage": 1,
    "documentclass": 1,
    "newcommand": 2,
    "renewcommand": 2,
    "providecommand": 2,
    "newenvironment": 3,
    "renewenvironment": 3,
    "def": 1,
    "setlength": 2,
    "addtolength": 2,
    "setcounter": 2,
    "addtocounter": 2,
    "hspace": 1,
    "vspace": 1,
    "hspace*": 1,
    "vspace*": 1,
    "color": 1,
    "textcolor": 1,
    "colorbox": 1,
    "pagestyle": 1,
    "thispagestyle": 1,
    "pagenumbering": 1,
    "footnotemark": 0,
    "hyperref": 0,
    "selectlanguage": 1,
    "foreignlanguage": 1,
    "index": 1,
    "nocite": 1,
}

#: commands that stand for text
_WORDS = {
    "ldots": "...",
    "dots": "...",
    "textellipsis": "...",
    "textendash": "\u2013",
    "textemdash": "\u2014",
    "S": "\u00a7",
    "P": "\u00b6",
    "ss": "\u00df",
    "o": "\u00f8",
    "O": "\u00d8",
    "l": "\u0142",
    "L": "\u0141",
    "i": "\u0131",
    "ae": "\u00e6",
    "AE": "\u00c6",
    "oe": "\u0153",
    "OE": "\u0152",
    "aa": "\u00e5",
    "AA": "\u00c5",
    "textbackslash": "\\",
    "textquoteleft": "\u2018",
    "textquoteright": "\u2019",
    "textquotedblleft": "\u201c",
    "textquotedblright": "\u201d",
    "guillemotleft": "\u00ab",
    "guillemotright": "\u00bb",
    "nobreakspace": " ",
    "quad": " ",
    "qquad": " ",
    "enspace": " ",
    "thinspace": " ",
    "newline": "\n",
    "linebreak": "\n",
    "TeX": "TeX",
    "LaTeX": "LaTeX",
    "No": "\u2116",
    "textnumero": "\u2116",
}

#: accent commands -> combining character
_ACCENTS = {
    "'": "\u0301",
    "`": "\u0300",
    "^": "\u0302",
    '"': "\u0308",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
    "c": "\u0327",
    "v": "\u030c",
    "u": "\u0306",
    "H": "\u030b",
    "k": "\u0328",
    "r": "\u030a",
    "d": "\u0323",
    "b": "\u0331",
}
_SYMBOLS = {"&": "&", "%": "%", "$": "$", "#": "#", "_": "_", "{": "{", "}": "}"}
_SPACES = {" ": " ", ",": " ", ";": " ", ":": " ", ">": " ", "\n": " ", "\t": " "}
_NOTHING = frozenset("!-/@")


class LatexReader:
    """Reads LaTeX source into chunks; also used on BibTeX field values.

    One pass over the text; each character is looked at a bounded number of
    times (the searches for a closing ``}``, ``$`` or ``\\end{...}`` start
    where the previous one stopped), so reading is linear in the text.
    """

    def __init__(self, text: str, path: str = "<string>", lines: LineIndex | None = None):
        self.text = text
        self.path = path
        self.lines = lines or LineIndex.of(text)
        self._found: list[tuple[int, Chunk]] = []  # (where it starts, chunk)
        self._note_numbers: dict[int, int] = {}
        self.notes = 0
        self.endnotes = 0
        self._no_bracket: tuple[int, int] = (-1, -1)  # optional-argument scans known to fail

    def error(self, message: str, offset: int) -> ReaderError:
        pos = self.lines.position(offset)
        return ReaderError(message, self.path, line=pos.line, column=pos.column)

    # -- public entry points

    def read(self) -> list[Chunk]:
        """The body and footnote chunks of the whole file."""
        text = self.text
        begin = text.find("\\begin{document}")
        start = 0 if begin < 0 else begin + len("\\begin{document}")
        stop = text.find("\\end{document}", start)
        self._run(start, len(text) if stop < 0 else stop, None)
        self._found.sort(key=lambda found: found[0])
        return [chunk for _, chunk in self._found]

    def convert(self, builder: Builder, start: int, end: int) -> None:
        """Add the text of the fragment ``text[start:end]`` to ``builder``."""
        self._run(start, end, builder)

    # -- the scanner

    def _run(self, start: int, end: int, fragment: Builder | None) -> None:
        text = self.text
        body = fragment if fragment is not None else Builder(text, self.lines)
        sink = body
        # open braces: (offset, the sink to return to, the footnote builder or None)
        stack: list[tuple[int, Builder, Builder | None, str | None, ChunkKind]] = []
        in_note = 0
        run = pos = start

        def flush_body() -> None:
            nonlocal body, sink
            if fragment is None:
                chunk = body.chunk("body")
                if chunk.text:
                    self._found.append((chunk.source_start(0), chunk))
                body = Builder(text, self.lines)
                if not in_note:
                    sink = body

        while True:
            m = _SPECIAL.search(text, pos, end)
            if m is None:
                break
            i = m.start()
            char = text[i]
            sink.copy(run, i)
            run = pos = i + 1
            if char == "%":
                nl = text.find("\n", i, end)
                run = pos = end if nl < 0 else nl
            elif char == "\n":
                blank = _BLANK_LINE.match(text, i, end)
                if blank and not in_note and fragment is None:
                    flush_body()
                    run = pos = blank.end() - 1
                else:
                    sink.copy(i, i + 1)
            elif char == "~":
                sink.put(" ", i, i + 1)
            elif char == "-":
                k = i
                while k < end and k < i + 3 and text[k] == "-":
                    k += 1
                dash = {1: "-", 2: "\u2013", 3: "\u2014"}[k - i]
                sink.put(dash, i, k)
                run = pos = k
            elif char in "`'":
                if text.startswith(char * 2, i) and i + 2 <= end:
                    sink.put("\u201c" if char == "`" else "\u201d", i, i + 2)
                    run = pos = i + 2
                else:
                    sink.put("\u2018" if char == "`" else "'", i, i + 1)
            elif char == "$":
                run = pos = self._skip_math(i, end)
            elif char == "{":
                stack.append((i, sink, None, None, "body"))
            elif char == "}":
                if not stack:
                    raise self.error("'}' closes no brace", i)
                opened, saved, note, label, kind = stack.pop()
                if note is not None:
                    number = self._note_numbers.pop(id(note))
                    chunk = note.chunk(kind, note=number, label=label)
                    self._found.append((opened, chunk))
                    in_note -= 1
                    sink = saved
            else:  # a backslash
                k, command = self._command(i, end, sink)
                run = pos = k
                if command == "par" and not in_note and fragment is None:
                    flush_body()
                elif command == "end-document":
                    run = pos = end
                elif command in _NOTES and fragment is None:
                    k, label = self._optional(k, end)
                    brace = _skip_space(text, k, end)
                    if brace < end and text[brace] == "{":
                        kind = _NOTES[command]
                        if kind == "endnote":
                            self.endnotes += 1
                        else:
                            self.notes += 1
                        note = Builder(text, self.lines)
                        number = self.endnotes if kind == "endnote" else self.notes
                        self._note_numbers[id(note)] = number
                        stack.append((brace, sink, note, label, kind))
                        sink = note
                        in_note += 1
                        run = pos = brace + 1
                    else:
                        run = pos = k
        sink.copy(run, end)
        if stack:
            raise self.error("'{' is never closed", stack[-1][0])
        flush_body()

    def _skip_math(self, i: int, end: int) -> int:
        text = self.text
        closer = "$$" if text.startswith("$$", i) else "$"
        pos = i + len(closer)
        while True:
            k = text.find(closer, pos, end)
            if k < 0:
                raise self.error(f"math opened by {closer!r} is never closed", i)
            if text[k - 1] != "\\" or (k >= 2 and text[k - 2] == "\\"):
                return k + len(closer)
            pos = k + 1

    def _find(self, needle: str, start: int, end: int, opened: int, what: str) -> int:
        k = self.text.find(needle, start, end)
        if k < 0:
            raise self.error(f"{what} is never closed", opened)
        return k + len(needle)

    def _command(self, i: int, end: int, sink: Builder) -> tuple[int, str]:
        """Read the command at ``text[i] == "\\"``; return where reading goes on and its name."""
        text = self.text
        nxt = text[i + 1] if i + 1 < end else ""
        if nxt in _SYMBOLS:
            sink.put(_SYMBOLS[nxt], i, i + 2)
            return i + 2, ""
        if nxt == "\\":
            sink.put(" ", i, i + 2)
            k = i + 2
            if k < end and text[k] == "*":
                k += 1
            return self._optional(k, end)[0], ""
        if nxt in _SPACES:
            sink.put(_SPACES[nxt], i, i + 2)
            return i + 2, ""
        if nxt in _NOTHING:
            return i + 2, ""
        if nxt == "(":
            return self._find("\\)", i + 2, end, i, "math '\\('"), ""
        if nxt == "[":
            return self._find("\\]", i + 2, end, i, "math '\\['"), ""
        if nxt in _ACCENTS and not nxt.isalpha():
            return self._accent(i, i + 2, nxt, end, sink), ""
        m = _NAME.match(text, i + 1, end)
        if m is None:
            return i + 1 + (1 if nxt else 0), ""  # an unknown control symbol
        name = m.group()
        k = m.end()
        if name in _ACCENTS and len(name) == 1:
            return self._accent(i, k, name, end, sink), ""
        if name == "verb":
            return self._verb(i, k, end), ""
        if k < end and text[k] == "*":
            name += "*"
            k += 1
        if name in ("begin", "end"):
            return self._environment(i, k, end, name)
        if name in _WORDS:
            sink.put(_WORDS[name], i, k)
            return k, name
        if name in _NOTES or name == "par":
            return k, name
        skip = _SKIP_ARGS.get(name)
        if skip is None and "cite" in name.lower():
            skip = 1
        if k < end and text[k] == "[":
            k = self._skip_optionals(k, end)
        for _ in range(skip or 0):
            k = self._skip_optionals(k, end)
            j = _skip_space(self.text, k, end)
            if j < end and text[j] == "{":
                k = self._skip_group(j, end)
            elif j < end and text[j] == "\\" and name == "def":
                m2 = _NAME.match(text, j + 1, end)
                k = m2.end() if m2 else j + 1
                while k < end and text[k] not in "{\n":
                    k += 1  # the parameter text: #1#2
                if k < end and text[k] == "{":
                    k = self._skip_group(k, end)
        return k, name

    def _accent(self, i: int, k: int, accent: str, end: int, sink: Builder) -> int:
        """An accent command ``\\'e``, ``\\'{e}``, ``\\v{s}``, ``\\'\\i``."""
        text = self.text
        j = _skip_space(text, k, end) if accent.isalpha() else k
        base = ""
        stop = j
        if j < end and text[j] == "{":
            close = text.find("}", j + 1, min(end, j + 8))
            if close > 0:
                inner = text[j + 1 : close].strip()
                base = {"\\i": "i", "\\j": "j"}.get(inner, inner)
                stop = close + 1
        elif text.startswith(("\\i", "\\j"), j) and not text[j + 2 : j + 3].isalpha():
            base, stop = text[j + 1], j + 2
        elif j < end and text[j].isalpha():
            base, stop = text[j], j + 1
        if len(base) != 1:
            return k  # not an accent on one letter: the command is left out
        sink.put(unicodedata.normalize("NFC", base + _ACCENTS[accent]), i, stop)
        return stop

    def _verb(self, i: int, k: int, end: int) -> int:
        text = self.text
        if k < end and text[k] == "*":
            k += 1
        if k >= end:
            raise self.error("\\verb has no delimiter", i)
        delimiter = text[k]
        close = text.find(delimiter, k + 1, end)
        nl = text.find("\n", k + 1, end)
        if close < 0 or 0 <= nl < close:
            raise self.error(f"\\verb{delimiter} is never closed on its line", i)
        return close + 1

    def _environment(self, i: int, k: int, end: int, which: str) -> tuple[int, str]:
        text = self.text
        j = _skip_space(text, k, end)
        if j >= end or text[j] != "{":
            return k, which
        close = self._skip_group(j, end)
        env = text[j + 1 : close - 1].strip()
        if which == "end":
            return close, "end-document" if env == "document" else "end"
        if env in _VERBATIM or env in _MATH:
            stop = text.find(f"\\end{{{env}}}", close, end)
            if stop < 0:
                raise self.error(f"environment {env!r} is never closed", i)
            return stop + len(env) + 6, "begin"
        k = self._skip_optionals(close, end)
        for _ in range(_ENV_ARGS.get(env, 0)):
            j = _skip_space(text, k, end)
            if j < end and text[j] == "{":
                k = self._skip_group(j, end)
        return k, "begin"

    def _skip_group(self, j: int, end: int) -> int:
        """The offset after the ``}`` matching the ``{`` at ``j``."""
        text = self.text
        depth = 0
        pos = j
        while pos < end:
            char = text[pos]
            if char == "\\":
                pos += 2
                continue
            if char == "%":
                nl = text.find("\n", pos, end)
                pos = end if nl < 0 else nl
                continue
            if char == "{":
                depth += 1
            elif char == "}":
                depth -= 1
                if depth == 0:
                    return pos + 1
            pos += 1
        raise self.error("'{' is never closed", j)

    def _optional(self, k: int, end: int) -> tuple[int, str | None]:
        """Skip one ``[...]`` at ``k``; return where it ends and its text (or ``None``)."""
        if k < end and self.text[k] == "[":
            stop = self._skip_optionals(k, end, once=True)
            if stop > k:
                return stop, self.text[k + 1 : stop - 1]
        return k, None

    def _skip_optionals(self, k: int, end: int, *, once: bool = False) -> int:
        """Skip ``[...]`` arguments right at ``k`` (brackets inside braces do not count).

        A ``[`` with no ``]`` before the next blank line is text, not an
        argument; a failed scan is remembered, so no stretch is scanned twice.
        """
        text = self.text
        while k < end and text[k] == "[":
            lo, hi = self._no_bracket
            if lo <= k < hi:
                return k
            depth = 0
            pos = k + 1
            found = -1
            while pos < end:
                char = text[pos]
                if char == "\\":
                    pos += 2
                    continue
                if char == "{":
                    depth += 1
                elif char == "}":
                    depth -= 1
                    if depth < 0:
                        break
                elif char == "]" and depth == 0:
                    found = pos
                    break
                elif char == "\n" and _BLANK_LINE.match(text, pos, end):
                    break
                pos += 1
            if found < 0:
                self._no_bracket = (k, pos)
                return k
            k = found + 1
            if once:
                break
        return k


def _skip_space(text: str, k: int, end: int) -> int:
    """``k`` moved past spaces, tabs and at most one line break."""
    newline = False
    while k < end:
        char = text[k]
        if char in " \t\r":
            k += 1
        elif char == "\n" and not newline:
            newline = True
            k += 1
        else:
            break
    return k


def read_latex(text: str, path: str = "<string>") -> list[Chunk]:
    """The body and footnote chunks of LaTeX ``text``, in the order they start."""
    return LatexReader(text, path).read()
