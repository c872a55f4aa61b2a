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
leaves the old file or the new one, never half of one. The temporary file is
removed on every failure, and on SIGINT or SIGTERM while it is being written
(the signal then takes its course); only a kill that cannot be caught
(SIGKILL, a power cut) can leave it behind, as ``.NAME.xxxxxxxx.tmp`` beside
the file. A symbolic link is followed: the file it points to is replaced, the
link stays. A file with several hard links is not written (replacing it
would part it from its other names), nor is a read-only one: both are a
:class:`WriteError`, as is a write that fails (a full disk, a folder that is
not writable).

>>> result = fix_text("ЦХСД. Ф. 5. Оп. 28. Д. 103. Л. 2; UKNA: FC0 24/1313.", "text")
>>> result.text
'РГАНИ. Ф. 5. Оп. 28. Д. 103. Л. 2; UKNA: FCO 24/1313.'
>>> [(f.code, f.old, f.new) for f in result.applied]
[('ARC102', 'ЦХСД', 'РГАНИ'), ('ARC203', 'FC0', 'FCO')]
>>> fix_text(result.text, "text").applied
()
"""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

import attrs

from archref.model.common import ArchrefError
from archref.readers import (
    Format,
    Position,
    ReaderError,
    extract_document,
    format_of,
    read_bytes,
    read_string,
)
from archref.readers._base import decode
from archref.registry import Registry
from archref.reporting import Finding, _codes_argument, findings_in

if TYPE_CHECKING:
    from archref.consistency import Preferences

__all__ = [
    "AppliedFix",
    "FixResult",
    "WriteError",
    "fix_bytes",
    "fix_file",
    "fix_text",
    "write_atomic",
]

#: ``keep(code, line)``: whether a finding of ``code`` on ``line`` is to be left alone,
#: neither fixed nor reported (a suppression comment silences it). Fixes change no
#: line breaks, so the lines of the file as read hold through every turn.
Keep = Callable[[str, int], bool]

#: Turns of fixing before giving up (each turn removes the diagnostics it fixes).
MAX_TURNS = 8
_BOM = b"\xef\xbb\xbf"


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


class WriteError(ArchrefError, OSError):
    """A repaired file was not written; the file is as it was.

    Attributes:
        message: why, in words.
        path: the file's name as given.
    """

    def __init__(self, message: str, path: str) -> None:
        self.message = message
        self.path = path
        super().__init__(f"{path}: {message}")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.message, self.path))


@attrs.frozen
class FixResult:
    """The repaired text, the repairs, and the findings left (with no fix, or not safe to fix).

    ``bom`` is the byte order mark the bytes read began with (for
    :func:`fix_bytes` and :func:`fix_file`), written back by :meth:`to_bytes`.
    """

    path: str
    original: str
    text: str
    applied: tuple[AppliedFix, ...]
    remaining: tuple[Finding, ...]
    bom: bytes = b""

    @property
    def changed(self) -> bool:
        return self.text != self.original

    def to_bytes(self) -> bytes:
        """The repaired text as bytes in the encoding it was read in (UTF-8, its BOM kept)."""
        return self.bom + self.text.encode("utf-8")


def _one_turn(
    text: str,
    fmt: Format,
    path: str,
    codes: set[str] | None,
    *,
    prefer: Preferences | None = None,
    keep: Keep | None = None,
    registry: Registry | None = None,
) -> tuple[str, list[AppliedFix], list[Finding]]:
    """One turn of fixing: the text, the fixes made, and (when none was made) the findings.

    The fixes are those the findings carry (:attr:`Finding.fix`, kept only
    where the file holds exactly the diagnostic's text and the replacement
    needs no escaping); their positions are offsets into ``text``.
    """
    doc = read_string(text, fmt, path=path)
    findings = findings_in(doc, extract_document(doc, registry=registry), codes, prefer=prefer)
    if keep is not None:  # silenced in place (a suppression comment)
        findings = [f for f in findings if not keep(f.code, f.start.line)]
    edits: list[tuple[int, int, str, AppliedFix]] = []
    for f in findings:
        if f.fix is None or f.start.offset is None or f.end.offset is None:
            continue
        edits.append(
            (f.start.offset, f.end.offset, f.fix, AppliedFix(path, f.start, f.code, f.text, f.fix))
        )
    edits.sort(key=lambda e: (e[0], e[1]))
    chosen: list[tuple[int, int, str, AppliedFix]] = []
    for edit in edits:
        if chosen and edit[0] < chosen[-1][1]:
            continue  # overlaps a fix already taken: the next turn sees it again
        chosen.append(edit)
    if not chosen:  # nothing left to fix: what is left is what this turn found
        return text, [], findings
    for start, end, new, _ in reversed(chosen):
        text = text[:start] + new + text[end:]
    return text, [e[3] for e in chosen], []


def fix_text(
    text: str,
    format: Format,
    *,
    path: str = "<string>",
    codes: Iterable[str] | None = None,
    prefer: Preferences | None = None,
    keep: Keep | None = None,
    registry: Registry | None = None,
) -> FixResult:
    """Apply every fix the diagnostics of ``text`` carry (only ``codes`` if given; none that
    ``keep`` says to leave alone), the references read with ``registry`` (by default the
    shipped one).

    ``prefer`` sets the forms the consistency rules (ARC5xx) rewrite the
    text to (:class:`~archref.consistency.Preferences`).

    Raises :class:`~archref.readers.ReaderError` for a format whose positions
    are not places in a text (``docx``), or a text that cannot be read.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if not isinstance(path, str):
        raise TypeError(f"path must be a str, not {type(path).__name__}")
    if format == "docx":
        raise ReaderError("archref fix does not write Word files; fix them in Word", path)
    listed = _codes_argument(codes)
    wanted = set(listed) if listed is not None else None
    current = text
    applied: list[AppliedFix] = []
    for _ in range(MAX_TURNS):
        current, done, remaining = _one_turn(
            current, format, path, wanted, prefer=prefer, keep=keep, registry=registry
        )
        if not done:
            return FixResult(path, text, current, tuple(applied), tuple(remaining))
        applied.extend(done)
    # every fix removes its own diagnostic, so this is not reached
    raise ReaderError(f"fixes did not settle after {MAX_TURNS} turns", path)  # pragma: no cover


def fix_bytes(
    data: bytes,
    format: Format,
    *,
    path: str = "<bytes>",
    codes: Iterable[str] | None = None,
    prefer: Preferences | None = None,
    keep: Keep | None = None,
    registry: Registry | None = None,
) -> FixResult:
    """:func:`fix_text` for the bytes of a file, decoded as the readers decode a file.

    The result's :meth:`~FixResult.to_bytes` gives the repaired bytes in the
    same encoding and with the same byte order mark. Bytes that are not
    UTF-8 are a :class:`~archref.readers.ReaderError`, as for a file.

    A Word file (``docx``) is read, not repaired: archref does not write Word
    files, so its findings are all in ``remaining`` and nothing changes.
    """
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError(f"data must be bytes, not {type(data).__name__}")
    data = bytes(data)
    if format == "docx":
        doc = read_bytes(data, "docx", path=path)
        citations = extract_document(doc, registry=registry)
        findings = findings_in(doc, citations, _codes_argument(codes), prefer=prefer)
        if keep is not None:
            findings = [f for f in findings if not keep(f.code, f.start.line)]
        return FixResult(path, "", "", (), tuple(findings))
    text = decode(data, path)
    bom = _BOM if data.startswith(_BOM) else b""
    if bom + text.encode("utf-8") != data:  # pragma: no cover (decode reads UTF-8 only)
        raise ReaderError("not written: its bytes would not be written back as they were", path)
    result = fix_text(
        text, format, path=path, codes=codes, prefer=prefer, keep=keep, registry=registry
    )
    return attrs.evolve(result, bom=bom)


_Handler = Callable[[int, FrameType | None], Any] | int | signal.Handlers


class _Interrupted(BaseException):
    """SIGINT or SIGTERM arrived while a file was being written."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def _signals_interrupt() -> Iterator[None]:
    """Turn SIGINT and SIGTERM into an exception inside the block, so that it cleans up;
    the signal is raised again, with the handler it had, once the block is left."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers belong to the main thread: only try/finally here
        return

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise _Interrupted(signum)

    previous: dict[signal.Signals, _Handler] = {}
    for sig in (signal.SIGINT, signal.SIGTERM):
        handler = signal.getsignal(sig)
        if handler is None or handler == signal.SIG_IGN:
            continue  # ignored (or not set from Python): left as it is
        previous[sig] = handler
        signal.signal(sig, interrupt)
    caught: int | None = None
    try:
        yield
    except _Interrupted as exc:
        caught = exc.signum
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if caught is not None:
        signal.raise_signal(caught)  # the signal's own course: exit, KeyboardInterrupt...
        raise InterruptedError(f"interrupted by signal {signal.Signals(caught).name}")


def _write_all(fd: int, data: bytes) -> None:
    """Write all of ``data`` to the file descriptor ``fd`` and flush it to disk."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    os.fsync(fd)


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace the file at ``path`` with ``data``: all of it or, on failure, none of it.

    A symbolic link is followed (the file it points to is replaced). The
    temporary file is removed on every failure, and when SIGINT or SIGTERM
    arrives while it is written (the signal is raised again afterwards).
    """
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError(f"data must be bytes, not {type(data).__name__}")
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path must be a file name, not {type(path).__name__}")
    target = Path(os.path.realpath(path))
    with _signals_interrupt():
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        try:
            try:
                _write_all(fd, bytes(data))
            finally:
                os.close(fd)
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
    prefer: Preferences | None = None,
    keep: Keep | None = None,
    registry: Registry | None = None,
) -> FixResult:
    """Fix a file in place (atomically), or only compute the fixes with ``write=False``.

    The file is written only when something changed; its byte order mark,
    if it had one, is kept. A Word file is never written: its findings are
    all left (see :func:`fix_bytes`). A symbolic link is followed. A file that cannot
    be read is a :class:`~archref.readers.ReaderError`; one that was not
    written (several hard links, read-only, a full disk, a folder that is
    not writable) a :class:`WriteError`, the file left as it was.
    """
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path must be a file name, not {type(path).__name__}")
    name = os.fspath(path)
    if not isinstance(name, str):
        raise TypeError(f"path must be a str file name, not {type(name).__name__}")
    fmt = format or format_of(name)
    try:
        data = Path(name).read_bytes()
    except OSError as exc:
        raise ReaderError(f"cannot read the file: {exc.strerror or exc}", name) from None
    result = fix_bytes(
        data, fmt, path=name, codes=codes, prefer=prefer, keep=keep, registry=registry
    )
    if write and result.changed:
        _write_back(name, result.to_bytes())
    return result


def _write_back(name: str, data: bytes) -> None:
    """Write a repaired file, or raise :class:`WriteError` saying why it was left as it was."""
    unchanged = "the file is unchanged"
    try:
        info = os.stat(name)  # the file a symbolic link points to
        if info.st_nlink > 1:
            raise WriteError(
                f"not written: it has {info.st_nlink} hard links, which replacing it would "
                f"break; {unchanged} (see the changes with --diff)",
                name,
            )
        if not os.access(name, os.W_OK):
            raise WriteError(f"not written: the file is read-only; {unchanged}", name)
        write_atomic(name, data)
    except WriteError:
        raise
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise WriteError(f"cannot write the file: {reason}; {unchanged}", name) from exc
