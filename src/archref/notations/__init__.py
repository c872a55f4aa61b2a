"""One module per notation family, each with ``parse`` and ``format`` functions.

The archival families share one model, :class:`~archref.model.ArchivalReference`,
whose ``notation`` field names the family that read it. The table
:data:`ARCHIVAL_NOTATIONS` maps that name to the family's module;
:func:`archival_notation` imports the module on first use. When this package
is imported it registers each family's formatter, and the UN notation's
CSL-JSON converter, in :mod:`archref._hooks`, where the models find them:
the models import no parser, and importing this package imports none either.

>>> archival_notation("fonds").STYLES
('en', 'en-full', 'ru', 'de', 'short')
>>> archival_notation("ipn")
Traceback (most recent call last):
...
ValueError: unknown archival notation 'ipn'; known: fonds, tna, nara, barch, signature
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from archref import _hooks
from archref.translit import check_scheme, transliterate

if TYPE_CHECKING:
    from archref.model import ArchivalReference, Diagnostic, UNSymbol

__all__ = [
    "ARCHIVAL_NOTATIONS",
    "ARCHIVAL_STYLES",
    "ArchivalNotation",
    "archival_notation",
    "validate_archival",
]

#: The notation styles every archival family writes (each family's ``STYLES``).
ARCHIVAL_STYLES: tuple[str, ...] = ("en", "en-full", "ru", "de", "short")

#: Notation family name -> the module that reads, writes and checks it.
ARCHIVAL_NOTATIONS: dict[str, str] = {
    "fonds": "archref.notations.fonds",
    "tna": "archref.notations.tna",
    "nara": "archref.notations.nara",
    "barch": "archref.notations.barch",
    "signature": "archref.notations.signature",
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


def _in_latin_letters(
    impl: Callable[[ArchivalReference, str], str],
) -> _hooks.ArchivalFormatter:
    """A family's ``format_reference`` with the transliteration of every style but ``"ru"``.

    What a notation writes in Cyrillic in a Latin-letter style (the name of
    an archive the registry does not know, as cited; a fond's title; a letter
    of an identifier that has no one-letter counterpart) is written in Latin
    letters by the scheme asked for (:func:`archref.translit.transliterate`).
    """

    def format_reference(
        ref: ArchivalReference, style: str = "en", /, *, transliteration: str | None = "ala-lc"
    ) -> str:
        scheme = check_scheme(transliteration)
        text = impl(ref, style)
        return text if style == "ru" else transliterate(text, scheme)

    return format_reference


def _lazy_formatter(name: str) -> _hooks.ArchivalFormatter:
    """The formatter of family ``name``, importing its module on the first call.

    The first call registers the module's own ``format_reference`` in its place
    (wrapped by :func:`_in_latin_letters`).
    """

    def format_reference(
        ref: ArchivalReference, style: str = "en", /, *, transliteration: str | None = "ala-lc"
    ) -> str:
        impl = _in_latin_letters(archival_notation(name).format_reference)
        _hooks.archival_formatters.register(name, impl)
        return impl(ref, style, transliteration=transliteration)

    return format_reference


def _un_to_csl_json(symbol: UNSymbol) -> dict[str, Any]:
    from archref.notations import un  # noqa: PLC0415 (no parser imported with this package)

    _hooks.un_csl_converters.register("un", un.to_csl_json)
    return un.to_csl_json(symbol)


for _name in ARCHIVAL_NOTATIONS:
    _hooks.archival_formatters.register(_name, _lazy_formatter(_name))
_hooks.un_csl_converters.register("un", _un_to_csl_json)
del _name
