"""Normalisation of lookup keys (archive aliases)."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = ["alias_key"]

_DROP = frozenset(" \t\n\u00a0\u202f\u2009.-–—_'’\"«»()")


def alias_key(text: str) -> str:
    """A case-, space- and punctuation-insensitive key for an archive alias.

    >>> alias_key("AP RF") == alias_key("APRF") == alias_key("ap\\u00a0rf")
    True
    >>> alias_key("ЦА ФСБ")
    'цафсб'

    Keys are kept (the same names and words come back in every note).
    """
    return _key(text)


@lru_cache(maxsize=1 << 16)
def _key(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold()
    return "".join(ch for ch in text if ch not in _DROP)
