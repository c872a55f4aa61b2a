"""Citation keys: ASCII, the same in CSL-JSON and in BibTeX.

:func:`citation_key` builds the one key archref gives an item in CSL-JSON
and in BibTeX: ASCII letters, digits and ``- _ . :`` only, so that pandoc
Markdown (``[@S-RES-82-1950]``), biblatex and classic BibTeX all cite it.
Cyrillic is written in Latin by ALA-LC without the soft and hard signs
(:func:`archref.translit.ascii_key`), whatever transliteration the output
uses, so a key does not change with an output option.

>>> citation_key("S/RES/82 (1950)"), citation_key("ЦДА-1Б-67"), citation_key("Müller 1995")
('S-RES-82-1950', 'TsDA-1B-67', 'Muller-1995')
>>> citation_key("Центральный государственный архив Республики Мордовия")
'Tsentralnyi-gosudarstvennyi-arkhiv-Respubliki-Mordoviia'
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from archref.translit import ascii_key

__all__ = ["citation_key"]

_KEY_UNSAFE: Final = re.compile(r"[^A-Za-z0-9_.:]+")
_KEY_EDGE: Final = re.compile(r"^[-.:]+|[-.:]+$")


def citation_key(text: str) -> str:
    """A citation key for ``text``: Latin letters, digits and ``- _ . :``.

    Cyrillic is written in Latin (:func:`archref.translit.ascii_key`),
    accents are dropped, and every run of other characters becomes one
    hyphen; the key starts and ends with a letter, a digit or ``_``, as
    pandoc asks. An empty result is ``"item"``.
    """
    plain = ascii_key(unicodedata.normalize("NFC", text))
    key = _KEY_EDGE.sub("", _KEY_UNSAFE.sub("-", plain))
    return key or "item"
