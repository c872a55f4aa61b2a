"""``archref.parse``: one reference of any notation family archref knows.

Each notation family has a module in :mod:`archref.notations` with a
``parse(text) -> reference`` function that raises :class:`ParseError`.
:func:`parse` asks the families in turn; when none accepts the text it
raises the error of the family that understood the most of it (the one
whose error lies furthest into the text), so the message is about what
the text most resembles.

>>> str(parse("PRO, FO 371/133009")), str(parse("RGASPI 558.11.492.57"))
('TNA, FO 371/133009', 'RGASPI, f. 558, op. 11, d. 492, l. 57')
"""

from __future__ import annotations

from typing import Protocol

from archref.model import ArchivalReference, ParseError, UNSymbol
from archref.notations import barch, fonds, nara, signature, tna, un
from archref.registry import Registry

__all__ = ["FAMILIES", "Reference", "parse"]

#: Any reference :func:`parse` can return.
Reference = UNSymbol | ArchivalReference


class _FamilyParse(Protocol):
    def __call__(self, text: str, *, registry: Registry | None = None) -> Reference: ...


def _un_parse(text: str, *, registry: Registry | None = None) -> Reference:
    """UN symbols name no archive: the registry has nothing to say about them."""
    return un.parse(text)


#: The notation families, in the order they are tried. The UK National
#: Archives' notation goes first: its shape ("CAB 129/1/1") would otherwise be
#: read as the fond family's slashed shorthand with an unknown archive "CAB".
#: The US National Archives' notation needs "RG" and a number, so its place
#: among the others does not matter. The German federal archives' notation
#: needs the archive's name ("BArch", "BStU"); it goes before the fond family,
#: whose slashed shorthand would otherwise read "NY 4090/437" its own way.
#: The archives cited by a signature pattern of the registry go first of all:
#: they need one of their own names (or a bare pattern's literal, "CHAR 20/1",
#: which the UK notation would read as an unknown department).
FAMILIES: tuple[tuple[str, _FamilyParse], ...] = (
    ("signature", signature.parse),
    ("tna", tna.parse),
    ("nara", nara.parse),
    ("barch", barch.parse),
    ("fonds", fonds.parse),
    ("un", _un_parse),
)

#: When two families' errors lie equally far into the text, the error of the
#: family first in this order is raised (the older families' messages win).
_ERROR_ORDER = ("fonds", "un", "tna", "nara", "barch", "signature")


def parse(text: str, *, registry: Registry | None = None) -> Reference:
    """Parse exactly one reference; raise :class:`ParseError` if ``text`` is not one.

    Surrounding whitespace and one final full stop or semicolon are tolerated.
    Archives are looked up in ``registry`` (by default the shipped one; see
    :func:`archref.registry.extended_registry` for a registry with archives of
    your own).
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes a str, not {type(text).__name__}")
    if registry is not None and not isinstance(registry, Registry):
        raise TypeError(f"parse() takes a Registry as registry, not {type(registry).__name__}")
    if not text.strip():
        raise ParseError("empty text is not a reference", text, 0, len(text))
    errors: list[tuple[str, ParseError]] = []
    for name, family_parse in FAMILIES:
        try:
            return family_parse(text, registry=registry)
        except ParseError as exc:
            errors.append((name, exc))
    rank = {name: k for k, name in enumerate(_ERROR_ORDER)}
    _, best = max(errors, key=lambda e: (e[1].start, -rank.get(e[0], len(rank))))
    raise best
