"""Normalisation of lookup keys (archive aliases)."""

from __future__ import annotations

import unicodedata

__all__ = ["alias_key"]

_DROP = frozenset(" \t\n\u00a0\u202f\u2009.-–—_'’\"«»()")


def alias_key(text: str) -> str:
    """A case-, space- and punctuation-insensitive key for an archive alias.

    >>> alias_key("AP RF") == alias_key("APRF") == alias_key("ap\\u00a0rf")
    True
    >>> alias_key("ЦА ФСБ")
    'цафсб'
    """
    text = unicodedata.normalize("NFC", text).casefold()
    return "".join(ch for ch in text if ch not in _DROP)
