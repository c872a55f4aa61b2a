"""One module per notation family, each with ``parse`` and ``format`` functions.

The archival families share one model, :class:`~archref.model.ArchivalReference`,
whose ``notation`` field names the family that read it. The table
:data:`ARCHIVAL_NOTATIONS` maps that name to the family's module;
:func:`archival_notation` imports the module on first use, so the models can
format and check a reference without importing any parser when they load.

>>> archival_notation("fonds").STYLES
('en', 'en-full', 'ru', 'de', 'short')
>>> archival_notation("ipn")
Traceback (most recent call last):
...
ValueError: unknown archival notation 'ipn'; known: fonds, tna, nara, barch
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from archref.model import ArchivalReference, Diagnostic

__all__ = ["ARCHIVAL_NOTATIONS", "ArchivalNotation", "archival_notation", "validate_archival"]

#: Notation family name -> the module that reads, writes and checks it.
ARCHIVAL_NOTATIONS: dict[str, str] = {
    "fonds": "archref.notations.fonds",
    "tna": "archref.notations.tna",
    "nara": "archref.notations.nara",
    "barch": "archref.notations.barch",
}


class ArchivalNotation(Protocol):
    """What every archival notation module offers."""

    STYLES: tuple[str, ...]

    def parse(self, text: str, *, registry: Any = None) -> ArchivalReference: ...

    def format_reference(self, ref: ArchivalReference, style: str = "en") -> str: ...

    def validate(self, ref: ArchivalReference) -> list[Diagnostic]: ...


def archival_notation(name: str) -> ArchivalNotation:
    """The module of the archival notation family ``name`` (imported on first use)."""
    path = ARCHIVAL_NOTATIONS.get(name)
    if path is None:
        known = ", ".join(ARCHIVAL_NOTATIONS)
        raise ValueError(f"unknown archival notation {name!r}; known: {known}")
    module: ArchivalNotation = importlib.import_module(path)
    return module


def validate_archival(ref: ArchivalReference) -> list[Diagnostic]:
    """The diagnostics of an archival reference, by the rules of its notation family."""
    return archival_notation(ref.notation).validate(ref)
