"""``archref.check``: the diagnostics of one reference.

Each notation family registers a validator for the reference type it
produces; :func:`check` parses a string with :func:`archref.parse` and runs
the validator of the reference's type. A family adds its rules with
:func:`register`::

    register(UNSymbol, un.validate)

>>> [d.code for d in check("S/RES/82 (1951)")]
['UN206']
>>> check("A/C.1/218")
[]
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from archref.model import ArchivalReference, Diagnostic, UNSymbol
from archref.notations import un, validate_archival
from archref.parsing import Reference, parse

__all__ = ["VALIDATORS", "Validator", "check", "register"]

#: A function that checks one reference and returns its diagnostics.
Validator = Callable[[Any], list[Diagnostic]]

#: Reference type -> its validator.
VALIDATORS: dict[type, Validator] = {
    UNSymbol: un.validate,
    ArchivalReference: validate_archival,  # by the rules of the reference's notation family
}


def register(kind: type, validator: Validator) -> None:
    """Make ``validator`` the validator of references of type ``kind``."""
    if not isinstance(kind, type):
        raise TypeError(f"kind must be a reference type (a class), not {kind!r}")
    if not callable(validator):
        raise TypeError(f"validator must be callable, not {validator!r}")
    VALIDATORS[kind] = validator


def _is_reference(obj: object) -> bool:
    """Whether ``obj`` is a reference: of a type with a validator, or one of archref's own."""
    kind = type(obj)
    if any(cls in VALIDATORS for cls in kind.__mro__):
        return True
    return kind.__module__.startswith("archref.") and attrs.has(kind)


def check(obj: str | Reference) -> list[Diagnostic]:
    """The diagnostics of a reference, or of the one reference written in ``obj``.

    A string is parsed first (so text that is no reference raises
    :class:`~archref.model.ParseError`); offsets in the diagnostics point into
    that string. A reference type with no registered validator has no
    diagnostics. Anything else (``None``, a number, bytes) is a
    :class:`TypeError`.

    >>> check(None)
    Traceback (most recent call last):
    ...
    TypeError: check() takes a reference or the text of one (str), not NoneType: None
    """
    if not isinstance(obj, str) and not _is_reference(obj):
        raise TypeError(
            "check() takes a reference or the text of one (str), "
            f"not {type(obj).__name__}: {obj!r:.60}"
        )
    ref = parse(obj) if isinstance(obj, str) else obj
    for cls in type(ref).__mro__:
        validator = VALIDATORS.get(cls)
        if validator is not None:
            return list(validator(ref))
    return []
