"""``archref.parse``: one reference of any notation family archref knows.

Each notation family has a module in :mod:`archref.notations` with a
``parse(text) -> reference`` function that raises :class:`ParseError`.
:func:`parse` asks the families in turn; when none accepts the text it
raises the error of the family that understood the most of it (the one
whose error lies furthest into the text), so the message is about what
the text most resembles.
"""

from __future__ import annotations

from collections.abc import Callable

from archref.model import ArchivalReference, ParseError, UNSymbol
from archref.notations import fonds, un

__all__ = ["FAMILIES", "Reference", "parse"]

#: Any reference :func:`parse` can return.
Reference = UNSymbol | ArchivalReference

#: The notation families, in the order they are tried.
FAMILIES: tuple[tuple[str, Callable[[str], Reference]], ...] = (
    ("fonds", fonds.parse),
    ("un", un.parse),
)


def parse(text: str) -> Reference:
    """Parse exactly one reference; raise :class:`ParseError` if ``text`` is not one.

    Surrounding whitespace and one final full stop or semicolon are tolerated.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes a str, not {type(text).__name__}")
    if not text.strip():
        raise ParseError("empty text is not a reference", text, 0, len(text))
    best: ParseError | None = None
    for _name, family_parse in FAMILIES:
        try:
            return family_parse(text)
        except ParseError as exc:
            if best is None or exc.start > best.start:
                best = exc
    assert best is not None
    raise best
