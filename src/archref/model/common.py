"""Errors and diagnostics shared by every notation.

The exception hierarchy is small on purpose (after python-stdnum):

* :class:`ArchrefError` is the base of everything archref raises;
* :class:`ParseError` says the text is not a reference, and where;
* :class:`RegistryError` says the archive registry data is broken.

``ParseError`` is also a :class:`ValueError`, so code that already catches
``ValueError`` around parsing keeps working.

>>> err = ParseError("expected an identifier after 'op.'", "RGASPI, f. 558, op.", 16, 19)
>>> err.offending
'op.'
>>> print(err)
expected an identifier after 'op.' at column 17: 'op.'
"""

from __future__ import annotations

from typing import Literal

import attrs

__all__ = ["ArchrefError", "Diagnostic", "ParseError", "RegistryError", "Severity", "line_column"]

Severity = Literal["error", "warning", "info"]


def line_column(text: str, offset: int) -> tuple[int, int]:
    """Return the 1-based (line, column) of a character offset in ``text``.

    >>> line_column("ab\\ncd", 4)
    (2, 2)
    """
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    start = text.rfind("\n", 0, offset) + 1
    return line, offset - start + 1


class ArchrefError(Exception):
    """Base class of every error archref raises on purpose."""


class RegistryError(ArchrefError):
    """The archive registry data is inconsistent (a duplicate alias, a bad field...)."""


class ParseError(ArchrefError, ValueError):
    """The text is not a reference of any notation archref knows.

    Attributes:
        message: what was wrong, in words.
        text: the whole text that was being parsed.
        start, end: the character span of the offending part of ``text``.
        hint: what was probably meant, when that can be guessed.
    """

    def __init__(
        self,
        message: str,
        text: str,
        start: int = 0,
        end: int | None = None,
        *,
        hint: str | None = None,
    ) -> None:
        self.message = message
        self.text = text
        self.start = max(0, min(start, len(text)))
        self.end = len(text) if end is None else max(self.start, min(end, len(text)))
        self.hint = hint
        super().__init__(str(self))

    @property
    def offending(self) -> str:
        """The part of the text the error points at."""
        return self.text[self.start : self.end]

    @property
    def line(self) -> int:
        """1-based line of the error's start."""
        return line_column(self.text, self.start)[0]

    @property
    def column(self) -> int:
        """1-based column of the error's start."""
        return line_column(self.text, self.start)[1]

    def __str__(self) -> str:
        where = (
            f"line {self.line}, column {self.column}"
            if "\n" in self.text
            else (f"column {self.column}")
        )
        shown = self.offending if len(self.offending) <= 60 else self.offending[:57] + "..."
        out = f"{self.message} at {where}"
        if shown:
            out += f": {shown!r}"
        if self.hint:
            out += f" (did you mean {self.hint!r}?)"
        return out

    def __reduce__(self) -> tuple[object, ...]:  # keep pickling (multiprocessing) working
        return (_rebuild_parse_error, (self.message, self.text, self.start, self.end, self.hint))


def _rebuild_parse_error(
    message: str, text: str, start: int, end: int, hint: str | None
) -> ParseError:
    return ParseError(message, text, start, end, hint=hint)


@attrs.frozen
class Diagnostic:
    """One finding about a reference: a rule code, a message and where it applies.

    ``start``/``end`` are character offsets into the text that was checked;
    ``suggestion`` is the whole reference as it was probably meant, when
    known. ``fix``, when set, is the text that replaces exactly
    ``text[start:end]`` to repair it in the writer's own notation (the
    current name of an archive for a former one, "FCO" for "FC0"): what
    ``archref fix`` applies. A diagnostic without ``fix`` is never
    repaired automatically.
    """

    code: str
    message: str
    severity: Severity = "warning"
    start: int = 0
    end: int = 0
    text: str = ""
    suggestion: str | None = None
    fix: str | None = None

    def __str__(self) -> str:
        out = f"{self.code} {self.message}"
        if self.suggestion:
            out += f" (suggestion: {self.suggestion!r})"
        return out
