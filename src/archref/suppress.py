"""Suppression comments: silencing one finding, a block, a region or a file, in place.

Each format has its comment (see the documentation page "Configuration",
section "Suppressing a finding"):

* Markdown: ``<!-- archref: ignore ARC102 -->``;
* LaTeX, and BibTeX outside an entry: ``% archref: ignore ARC102``;
* plain text: ``# archref: ignore ARC102``;
* BibTeX, for one entry: a field ``archref-ignore = {ARC102}``.

``ignore CODES`` silences those codes (``ignore`` alone: every code) on the
comment's own line when it follows text there, else in the block that comes
next (the lines up to the next blank line: a paragraph, a footnote). ``off
[CODES]`` and ``on`` silence the lines between them; ``ignore-file [CODES]``
the whole file. Codes are separated by commas or spaces. In Markdown the
comments are the HTML comments the Markdown reader leaves out of the text:
``<!-- ... -->`` in a code span (between backticks), a code fence, indented
code or front matter is text, not a comment, and a comment may run over
several lines. In LaTeX a ``%`` in a verbatim environment or in ``\\verb``
is text, and ``\\%`` no comment.

The comments are found in the file's text line by line, with the line
numbers the readers give positions with, so any reader's findings can be
matched to them. A suppression that silences nothing is itself a finding,
ARC900, so that stale ones do not pile up.

>>> text = "Para one.\\n<!-- archref: ignore ARC102 -->\\nTsKhSD, f. 5.\\nmore\\n\\nNext.\\n"
>>> (s,) = find_suppressions(text, "markdown")
>>> s.codes, s.first, s.last
(('ARC102',), 3, 4)
>>> find_suppressions("Write `<!-- archref: ignore ARC102 -->` above it.\\n", "markdown")
[]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import attrs

from archref.readers import LineIndex, Position
from archref.reporting import Finding

__all__ = [
    "UNUSED",
    "Suppression",
    "apply_suppressions",
    "find_suppressions",
    "unused_findings",
]

#: The code of an unused suppression.
UNUSED = "ARC900"

_LINE_END = re.compile("\r\n?|\n")
_CODE = re.compile(r"[A-Za-z]{1,8}\d{1,4}")
_SPLIT = re.compile(r"[\s,]+")
_ENTRY = re.compile(r"\s{0,100}@")
_VERB = re.compile(r"\\verb\*?([^\sA-Za-z*])")
_BEGIN = re.compile(r"\\begin[ \t]{0,10}\{([A-Za-z*]{1,30})\}")
_FIELD = re.compile(r"\s{0,100}archref-ignore\s{0,10}=\s{0,10}[{\"]([^}\"\n]{0,300})[}\"]", re.I)
_MAX_COMMENT = 500


@attrs.define
class Suppression:
    """One suppression comment and the lines it covers.

    Attributes:
        kind: ``"ignore"``, ``"region"`` (``off``/``on``), ``"file"`` or ``"entry"``
            (a BibTeX field).
        codes: the codes it names, upper-cased; ``None`` for every code.
        first, last: the 1-based lines it covers (inclusive).
        start, end: where the comment is in the file.
        text: the comment as written.
        used: the codes it silenced (filled by :func:`apply_suppressions`).
    """

    kind: str
    codes: tuple[str, ...] | None
    first: int
    last: int
    start: Position
    end: Position
    text: str
    used: set[str] = attrs.field(factory=set)

    def covers(self, code: str, line: int) -> bool:
        """Whether a finding of ``code`` on ``line`` is silenced by this comment."""
        if not self.first <= line <= self.last:
            return False
        return self.codes is None or any(code.startswith(c) for c in self.codes)


def _lines(text: str) -> list[tuple[int, str]]:
    """(start offset, line without its end) for each line, split as the readers split."""
    out: list[tuple[int, str]] = []
    pos = 0
    for m in _LINE_END.finditer(text):
        out.append((pos, text[pos : m.start()]))
        pos = m.end()
    out.append((pos, text[pos:]))
    return out


def _comment(line: str, fmt: str) -> tuple[int, int, str] | None:
    """(start, end, body) of the comment on ``line`` that may hold a directive."""
    if fmt in ("latex", "bibtex"):
        # in LaTeX, a % in \verb|...| is verbatim text
        verb = [_verb_span(line, m) for m in _VERB.finditer(line)] if fmt == "latex" else []
        k = line.find("%")
        while k >= 0:
            backslashes = len(line[:k]) - len(line[:k].rstrip("\\"))
            if backslashes % 2 == 0 and not any(v0 < k < v1 for v0, v1 in verb):
                return k, len(line), line[k + 1 :]
            k = line.find("%", k + 1)
        return None
    if fmt == "text":
        k = line.find("archref:")
        if k < 0:
            return None
        hash_at = line.rfind("#", 0, k)
        if hash_at < 0 or line[hash_at + 1 : k].strip():
            return None
        return hash_at, len(line), line[hash_at + 1 :]
    return None


def _verb_span(line: str, m: re.Match[str]) -> tuple[int, int]:
    """The span of ``\\verb`` and its argument on ``line`` (to the line's end when the
    closing delimiter is missing)."""
    close = line.find(m.group(1), m.end())
    return m.start(), len(line) if close < 0 else close + 1


def _verbatim_begins(code: str) -> str | None:
    """The verbatim environment ``code`` (a line's text before its comment) opens and
    leaves open, or None."""
    from archref.readers.latex import VERBATIM_ENVIRONMENTS  # noqa: PLC0415

    opened = None
    for m in _BEGIN.finditer(code):
        if m.group(1) in VERBATIM_ENVIRONMENTS:
            opened = m.group(1)
            if f"\\end{{{opened}}}" in code[m.end() :]:
                opened = None
    return opened


def _directive(body: str) -> tuple[str, tuple[str, ...] | None] | None:
    """(word, codes) of ``archref: WORD CODES``, or None if the comment is no directive."""
    body = body[:_MAX_COMMENT].strip()
    if not body.startswith("archref:"):
        return None
    rest = body[len("archref:") :].split(None, 1)
    if not rest or rest[0] not in ("ignore", "ignore-file", "off", "on"):
        return None
    words = [w for w in _SPLIT.split(rest[1]) if w] if len(rest) > 1 else []
    return rest[0], tuple(w.upper() for w in words) or None


def _block_end(lines: Sequence[tuple[int, str]], first: int) -> int:
    """The last line (1-based) of the block starting at line ``first`` (1-based)."""
    k = first - 1
    while k + 1 < len(lines) and lines[k + 1][1].strip():
        k += 1
    return k + 1


def _markdown_comments(text: str) -> dict[int, tuple[int, int, str]]:
    """Line (1-based) -> (start, end, body) of the first HTML comment that starts on it,
    as the Markdown reader finds them: a comment in a code span, a code fence,
    indented code or front matter is text. ``end`` is an offset into the file; none
    when the reader cannot read the text (the reader's error is reported where the
    text is read)."""
    from archref.readers import ReaderError  # noqa: PLC0415
    from archref.readers.markdown import html_comments  # noqa: PLC0415

    try:
        found = html_comments(text)
    except ReaderError:
        return {}
    starts = LineIndex.of(text)
    out: dict[int, tuple[int, int, str]] = {}
    for start, end in found:
        line = starts.position(start).line
        out.setdefault(line, (start, end, text[start + 4 : end - 3]))
    return out


def find_suppressions(text: str, fmt: str) -> list[Suppression]:
    """The suppression comments of a file's text read as ``fmt``, in file order."""
    if "archref" not in text:
        return []
    lines = _lines(text)
    comments = _markdown_comments(text) if fmt == "markdown" else {}
    index = LineIndex.of(text) if comments else None
    found: list[Suppression] = []
    open_region: Suppression | None = None
    verbatim: str | None = None  # the LaTeX verbatim environment the line is in
    for n, (offset, line) in enumerate(lines, start=1):
        if verbatim is not None:  # text as typed: no comment in it
            if f"\\end{{{verbatim}}}" in line:
                verbatim = None
            continue
        if fmt == "bibtex":
            field = _FIELD.match(line)
            if field:
                first = n
                while first > 1 and not _ENTRY.match(lines[first - 1][1]):
                    first -= 1
                last = n
                while last < len(lines) and not _ENTRY.match(lines[last][1]):
                    last += 1
                codes = tuple(w.upper() for w in _SPLIT.split(field.group(1)) if w) or None
                start = Position(n, field.start(1) + 1, offset + field.start(1))
                end = Position(n, field.end(1) + 1, offset + field.end(1))
                found.append(Suppression("entry", codes, first, last, start, end, field.group(0)))
                continue
        if fmt == "markdown":
            if n not in comments:
                continue
            c0_at, c1_at, body = comments[n]
            assert index is not None
            c0 = c0_at - offset
            start, end = Position(n, c0 + 1, c0_at), index.position(c1_at)
            shown = text[c0_at:c1_at].strip()
            after = end.line  # the line the comment ends on
        else:
            comment = _comment(line, fmt)
            if fmt == "latex":
                verbatim = _verbatim_begins(line if comment is None else line[: comment[0]])
            if comment is None or verbatim is not None:  # a % after \begin{verbatim}: text
                continue
            c0, c1, body = comment
            start, end = Position(n, c0 + 1, offset + c0), Position(n, c1 + 1, offset + c1)
            shown = line[c0:c1].strip()
            after = n
        directive = _directive(body)
        if directive is None:
            continue
        word, codes = directive
        if word == "on":
            if open_region is not None:
                open_region.last = n - 1
                open_region = None
            continue
        if word == "off":
            open_region = Suppression("region", codes, after + 1, len(lines), start, end, shown)
            found.append(open_region)
        elif word == "ignore-file":
            found.append(Suppression("file", codes, 1, len(lines), start, end, shown))
        elif line[:c0].strip():  # after text on its line: that line
            found.append(Suppression("ignore", codes, n, after, start, end, shown))
        else:  # on a line of its own: the next block
            first = after + 1
            while first <= len(lines) and not lines[first - 1][1].strip():
                first += 1
            last = _block_end(lines, first) if first <= len(lines) else after
            found.append(Suppression("ignore", codes, first, last, start, end, shown))
    return found


def apply_suppressions(
    findings: Iterable[Finding], suppressions: Sequence[Suppression]
) -> list[Finding]:
    """The findings no suppression covers; each suppression records the codes it silenced."""
    kept: list[Finding] = []
    for f in findings:
        silenced = False
        for s in suppressions:
            if s.covers(f.code, f.start.line):
                s.used.add(f.code)
                silenced = True
        if not silenced:
            kept.append(f)
    return kept


def unused_findings(
    suppressions: Sequence[Suppression], path: str, checked: Iterable[str]
) -> list[Finding]:
    """An :data:`UNUSED` finding for each suppression (after :func:`apply_suppressions`)
    that silenced nothing, or names a code that silenced nothing or that no rule has.

    Codes that were not ``checked`` (not selected, or ignored for the file)
    are not reported: such a suppression may be needed by another setting.
    """
    from archref.rules import RULES  # noqa: PLC0415

    wanted = set(checked)
    out: list[Finding] = []
    for s in suppressions:
        if s.codes is None:
            if s.used:
                continue
            message = "unused suppression: it silences nothing"
        else:
            unknown = [c for c in s.codes if not any(r.startswith(c) for r in RULES)]
            idle = [
                c
                for c in s.codes
                if c not in unknown
                and not any(u.startswith(c) for u in s.used)
                and any(w.startswith(c) for w in wanted)
            ]
            if not unknown and not idle:
                continue
            parts = []
            if idle:
                parts.append(f"no {', '.join(idle)} finding to silence")
            if unknown:
                parts.append(f"no rule has the code {', '.join(unknown)}")
            message = "unused suppression: " + "; ".join(parts)
        out.append(Finding(path, s.start, s.end, UNUSED, "warning", message, s.text))
    return out
