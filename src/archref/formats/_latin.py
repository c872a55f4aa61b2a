"""Latin letters for English output, and citation keys.

English notes name a Russian fond "R-9401", not "Р-9401" (a Cyrillic Er);
:func:`latin` writes the Cyrillic letters of an identifier or a name in
Latin, after the Library of Congress romanisation (ALA-LC) without its
diacritics and ligatures, as historians write them in English ("Tsentral'nyi"
becomes "Tsentralnyi"; the soft and hard signs are left out).

:func:`citation_key` builds the one key archref gives an item in CSL-JSON
and in BibTeX: ASCII letters, digits and ``- _ . :`` only, so that pandoc
Markdown (``[@S-RES-82-1950]``), biblatex and classic BibTeX all cite it.

>>> latin("f. Р-9401"), latin("ЦХСД"), latin("Госархив Новосибирской области")
('f. R-9401', 'TsKhSD', 'Gosarkhiv Novosibirskoi oblasti')
>>> citation_key("S/RES/82 (1950)"), citation_key("ЦДА-1Б-67"), citation_key("Müller 1995")
('S-RES-82-1950', 'TsDA-1B-67', 'Muller-1995')
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

__all__ = ["citation_key", "has_cyrillic", "latin"]

_LOWER: Final = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў"
_LATIN: Final = (
    "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch - y - e iu ia i i ie g u"
)
_TABLE: Final[dict[str, str]] = {}
for _cyr, _lat in zip(_LOWER, _LATIN.split(" "), strict=True):
    _lat = "" if _lat == "-" else _lat
    _TABLE[_cyr] = _lat
    _TABLE[_cyr.upper()] = _lat.capitalize()
del _cyr, _lat

_CYRILLIC: Final = re.compile("[\u0400-\u04ff]")


def has_cyrillic(text: str) -> bool:
    """True when ``text`` holds a Cyrillic letter."""
    return _CYRILLIC.search(text) is not None


def latin(text: str) -> str:
    """``text`` with its Cyrillic letters written in Latin; everything else kept.

    A capital becomes a capital and small letters ("Щукин" → "Shchukin",
    "ЦХСД" → "TsKhSD").
    """
    if not has_cyrillic(text):
        return text
    out: list[str] = []
    for ch in text:
        out.append(_TABLE.get(ch, ch))
    return "".join(out)


_KEY_UNSAFE: Final = re.compile(r"[^A-Za-z0-9_.:]+")
_KEY_EDGE: Final = re.compile(r"^[-.:]+|[-.:]+$")


def citation_key(text: str) -> str:
    """A citation key for ``text``: Latin letters, digits and ``- _ . :``.

    Cyrillic is written in Latin (:func:`latin`), accents are dropped, and
    every run of other characters becomes one hyphen; the key starts and
    ends with a letter, a digit or ``_``, as pandoc asks. An empty result
    is ``"item"``.
    """
    plain = unicodedata.normalize("NFKD", latin(unicodedata.normalize("NFC", text)))
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    key = _KEY_EDGE.sub("", _KEY_UNSAFE.sub("-", plain))
    return key or "item"
