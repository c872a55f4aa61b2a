"""Repairing files: the engine of ``archref fix``.

A diagnostic may carry a ``fix``: the text that replaces exactly its span,
in the writer's own notation (the current name of an archive for a former
one, written in the same script; "FCO" for "FC0"; "AC.109" for the OCR's
"AC.l09"). :func:`fix_text` applies those fixes and nothing else:

* only the span of a diagnostic with a ``fix`` is rewritten; every other
  character of the file stays as it was, line endings and byte order mark
  included;
* a span is rewritten only when the file holds exactly the diagnostic's
  text there (no escape, no markup inside it) and the replacement needs no
  escaping in the file's format; anything else is left alone and reported
  as not fixed;
* fixes whose spans overlap are applied in turns, and the text is checked
  again after each turn until nothing is left to fix, so a second run
  changes nothing.

:func:`fix_file` writes the result atomically: to a temporary file beside
the original, flushed to disk, then moved over it, so an interrupted run
leaves the old file or the new one, never half of one.

>>> result = fix_text("ЦХСД. Ф. 5. Оп. 28. Д. 103. Л. 2; UKNA: FC0 24/1313.", "text")
>>> result.text
'РГАНИ. Ф. 5. Оп. 28. Д. 103. Л. 2; UKNA: FCO 24/1313.'
>>> [(f.code, f.old, f.new) for f in result.applied]
[('ARC102', 'ЦХСД', 'РГАНИ'), ('ARC203', 'FC0', 'FCO')]
>>> fix_text(result.text, "text").applied
()
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import attrs

from archref.readers import Format, Position, ReaderError, extract_document, format_of, read_string
from archref.readers._base import decode
from archref.reporting import Finding, findings_in

__all__ = ["AppliedFix", "FixResult", "fix_file", "fix_text", "write_atomic"]

#: Turns of fixing before giving up (each turn removes the diagnostics it fixes).
MAX_TURNS = 8
_BOM = b"\xef\xbb\xbf"

#: Characters a replacement may not hold in a format, because the format would
#: need them escaped.
_UNSAFE: dict[str, str] = {
    "text": "",
    "markdown": "\\`*_[]<>#|",
    "latex": "\\{}%&#$_^~",
    "bibtex": '\\{}%&#$_^~"',
    "csl-json": '"\\',
}


@attrs.frozen
class AppliedFix:
    """One repair: where, by which rule, what was there and what is there now.

    ``start`` is the position in the text as it was when the fix was made
    (the original file for fixes of the first turn).
    """

    path: str
    start: Position
    code: str
    old: str
    new: str


@attrs.frozen
class FixResult:
    """The repaired text, the repairs, and the findings left (with no fix, or not safe to fix)."""

    path: str
    original: str
    text: str
    applied: tuple[AppliedFix, ...]
    remaining: tuple[Finding, ...]

    @property
    def changed(self) -> bool:
        return self.text != self.original


def _safe(replacement: str, fmt: Format) -> bool:
    unsafe = _UNSAFE.get(fmt)
    if unsafe is None:
        return False
    return not any(ch in unsafe or (ch < " " and ch != "\t") for ch in replacement)


def _one_turn(
    text: str, fmt: Format, path: str, codes: set[str] | None
) -> tuple[str, list[AppliedFix], list[Finding]]:
    """One turn of fixing: the text, the fixes made, and (when none was made) the findings."""
    doc = read_string(text, fmt, path=path)
    citations = extract_document(doc)
    edits: list[tuple[int, int, str, AppliedFix]] = []
    for located in citations:
        for d in located.citation.diagnostics:
            if d.fix is None or d.fix == d.text or (codes is not None and d.code not in codes):
                continue
            start, end = located.chunk.source_span(d.start, d.end)
            if text[start:end] != d.text or not _safe(d.fix, fmt):
                continue  # escaped, marked up or unsafe to write: not ours to change
            where = located.chunk.start_position(d.start)
            edits.append((start, end, d.fix, AppliedFix(path, where, d.code, d.text, d.fix)))
    edits.sort(key=lambda e: (e[0], e[1]))
    chosen: list[tuple[int, int, str, AppliedFix]] = []
    for edit in edits:
        if chosen and edit[0] < chosen[-1][1]:
            continue  # overlaps a fix already taken: the next turn sees it again
        chosen.append(edit)
    if not chosen:  # nothing left to fix: what is left is what this turn found
        return text, [], findings_in(doc, citations, codes)
    for start, end, new, _ in reversed(chosen):
        text = text[:start] + new + text[end:]
    return text, [e[3] for e in chosen], []


def fix_text(
    text: str, format: Format, *, path: str = "<string>", codes: Iterable[str] | None = None
) -> FixResult:
    """Apply every fix the diagnostics of ``text`` carry (only ``codes`` if given).

    Raises :class:`~archref.readers.ReaderError` for a format whose positions
    are not places in a text (``docx``), or a text that cannot be read.
    """
    if format == "docx":
        raise ReaderError("archref fix does not write Word files; fix them in Word", path)
    wanted = set(codes) if codes is not None else None
    current = text
    applied: list[AppliedFix] = []
    for _ in range(MAX_TURNS):
        current, done, remaining = _one_turn(current, format, path, wanted)
        if not done:
            return FixResult(path, text, current, tuple(applied), tuple(remaining))
        applied.extend(done)
    # every fix removes its own diagnostic, so this is not reached
    raise ReaderError(f"fixes did not settle after {MAX_TURNS} turns", path)  # pragma: no cover


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace the file at ``path`` with ``data``: all of it or, on failure, none of it."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, target.stat().st_mode & 0o7777)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def fix_file(
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,
    codes: Iterable[str] | None = None,
    write: bool = True,
) -> FixResult:
    """Fix a file in place (atomically), or only compute the fixes with ``write=False``.

    The file is written only when something changed; its byte order mark,
    if it had one, is kept.
    """
    name = os.fspath(path)
    fmt = format or format_of(name)
    try:
        data = Path(name).read_bytes()
    except OSError as exc:
        raise ReaderError(f"cannot read the file: {exc.strerror or exc}", name) from None
    text = decode(data, name)
    result = fix_text(text, fmt, path=name, codes=codes)
    if write and result.changed:
        bom = _BOM if data.startswith(_BOM) else b""
        write_atomic(name, bom + result.text.encode("utf-8"))
    return result
