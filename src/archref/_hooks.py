"""Hooks through which the models reach code that lives above them.

A model formats or converts itself with code it does not know: the formatter
of an archival reference belongs to the parser of its notation family, the
CSL-JSON form of a UN symbol to the UN notation module. The layer that holds
that code registers it here when it is imported (``archref.notations`` does
so for every family it knows), and the models look it up by key when a
method is called. This module imports only the standard library, so the
models can import it and still import no parser.

A layer that registers hooks can name itself with :func:`add_provider`; the
providers are imported on the first lookup that finds nothing, so a model
built by hand (or unpickled in another process) finds its formatter without
anyone importing the notations first. The package ``archref`` names
``archref.notations`` as the provider.

>>> hooks = Hooks[Callable[[str], str]]("greeting")
>>> hooks.register("en", lambda name: f"Hello, {name}")
>>> hooks.get("en")("Ada")
'Hello, Ada'
>>> hooks.get("fr")
Traceback (most recent call last):
...
ValueError: unknown greeting 'fr'; known: en
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

if TYPE_CHECKING:
    from archref.model.archival import ArchivalReference
    from archref.model.un import UNSymbol

__all__ = [
    "ArchivalFormatter",
    "CslConverter",
    "Hooks",
    "add_provider",
    "archival_csl_converters",
    "archival_formatters",
    "un_csl_converters",
]

F = TypeVar("F", bound=Callable[..., Any])


class ArchivalFormatter(Protocol):
    """``format_reference(ref, style, transliteration=...)``: a reference in a notation style.

    ``transliteration`` names the scheme that writes Cyrillic in Latin letters
    in the styles other than ``"ru"`` (:mod:`archref.translit`), ``None``
    none.
    """

    def __call__(
        self, ref: ArchivalReference, style: str, /, *, transliteration: str | None = ...
    ) -> str: ...


#: ``to_csl_json(symbol)``: a UN symbol as a CSL-JSON item.
CslConverter = Callable[["UNSymbol"], dict[str, Any]]

_providers: list[str] = []


def add_provider(module: str) -> None:
    """Name a module that registers hooks when it is imported.

    It is imported on the first lookup that finds no implementation.
    """
    if module not in _providers:
        _providers.append(module)


def _load_providers() -> bool:
    """Import the providers not imported yet; whether there were any."""
    loaded = False
    while _providers:
        importlib.import_module(_providers.pop(0))
        loaded = True
    return loaded


class Hooks(Generic[F]):
    """The implementations of one operation, by key (a notation family's name)."""

    def __init__(self, what: str, provider: str | None = None) -> None:
        self.what = what
        self._impls: dict[str, F] = {}
        # a module of its own that registers this operation, imported on a miss
        self._provider = provider

    def register(self, key: str, impl: F) -> None:
        """Make ``impl`` the implementation for ``key`` (replacing an earlier one)."""
        self._impls[key] = impl

    def keys(self) -> tuple[str, ...]:
        """The keys registered so far, in the order they were first registered."""
        return tuple(self._impls)

    def get(self, key: str) -> F:
        """The implementation for ``key``; ``ValueError`` when there is none."""
        impl = self._impls.get(key)
        if impl is None and _load_providers():
            impl = self._impls.get(key)
        if impl is None and self._provider is not None:
            importlib.import_module(self._provider)
            impl = self._impls.get(key)
        if impl is None:
            known = ", ".join(self._impls)
            raise ValueError(f"unknown {self.what} {key!r}; known: {known}")
        return impl


#: How each archival notation family writes a reference (``ArchivalReference.format``).
archival_formatters: Hooks[ArchivalFormatter] = Hooks("archival notation")
#: How a UN symbol becomes a CSL-JSON item (``UNSymbol.to_csl_json``), under the key ``"un"``.
un_csl_converters: Hooks[CslConverter] = Hooks("UN symbol converter")
#: How an archival reference becomes a CSL-JSON item (``ArchivalReference.to_csl_json``),
#: under the key ``"archival"``; registered by ``archref.formats.csl``, imported when asked.
archival_csl_converters: Hooks[Callable[..., dict[str, Any]]] = Hooks(
    "archival CSL converter", provider="archref.formats.csl"
)
