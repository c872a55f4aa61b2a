"""Transliteration of Cyrillic into Latin letters, through iuliia.

English notes and bibliographies write Russian in Latin letters: an archive
the registry does not know ("Госархив Новосибирской области" is
"Gosarkhiv Novosibirskoi oblasti"), an identifier holding a Cyrillic letter,
a citation key. :func:`transliterate` does it by one of four schemes, each an
`iuliia <https://github.com/nalgeon/iuliia-py>`_ schema (MIT), chosen by the
``transliteration`` option of archref's output functions:

* ``"ala-lc"`` (the default): the Library of Congress romanisation (ALA-LC)
  without its diacritics and ligatures, as English-language historians and
  the registry's ``name_translit`` write it;
* ``"bgn-pcgn"``: the BGN/PCGN system of British and American geographic
  names;
* ``"gost-7.79"``: GOST 7.79-2000 system A, the same as ISO 9:1995 (one
  Latin letter, with diacritics, for each Cyrillic one);
* ``"scholarly"``: the scientific transliteration of Slavic studies.

>>> transliterate("Госархив Новосибирской области")
'Gosarkhiv Novosibirskoi oblasti'
>>> [transliterate("Щукин, Юлия", s) for s in SCHEMES]
['Shchukin, Iuliia', 'Shchukin, Yuliya', 'Ŝukin, Ûliâ', 'Ščukin, Julija']

Everything but Cyrillic letters is kept as it is (``"f. 1"``, Latin text);
``None`` as the scheme keeps the text whole. The letters iuliia's Russian
schemas do not write (Ukrainian and Belarusian letters, those of the pre-1918
orthography) come from ``data/transliteration.toml``.

:func:`ascii_key` is the Latin form citation keys are made of: ALA-LC
whatever the scheme, so a key does not change with an output option, without
the soft and hard signs, accents dropped.

>>> ascii_key("Центральный архив"), ascii_key("ЦДАГО України")
('Tsentralnyi arkhiv', 'TsDAGO Ukraini')
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Mapping
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Final, Literal

if TYPE_CHECKING:
    from iuliia import Schema

__all__ = [
    "DEFAULT_SCHEME",
    "SCHEMES",
    "Scheme",
    "ascii_key",
    "check_scheme",
    "has_cyrillic",
    "transliterate",
]

Scheme = Literal["ala-lc", "bgn-pcgn", "gost-7.79", "scholarly"]

#: The schemes, in the order the documentation lists them.
SCHEMES: Final[tuple[Scheme, ...]] = ("ala-lc", "bgn-pcgn", "gost-7.79", "scholarly")

#: The scheme of English output when none is chosen.
DEFAULT_SCHEME: Final[Scheme] = "ala-lc"

_CYRILLIC: Final = re.compile("[\u0400-\u04ff]")
#: The soft and hard signs, which a citation key leaves out ("Tsentralnyi").
_SIGNS: Final = str.maketrans("", "", "ЬьЪъ")


def has_cyrillic(text: str) -> bool:
    """True when ``text`` holds a Cyrillic letter.

    >>> has_cyrillic("f. Р-9401"), has_cyrillic("f. R-9401")
    (True, False)
    """
    return _CYRILLIC.search(text) is not None


def check_scheme(scheme: object) -> Scheme | None:
    """``scheme`` when it names a scheme (or is ``None``); else a ``ValueError``.

    >>> check_scheme("bgn-pcgn"), check_scheme(None)
    ('bgn-pcgn', None)
    >>> check_scheme("iso-9")
    Traceback (most recent call last):
    ...
    ValueError: unknown transliteration 'iso-9'; use ala-lc, bgn-pcgn, gost-7.79, scholarly or None
    """
    if scheme is None:
        return None
    if isinstance(scheme, str) and scheme in SCHEMES:
        return scheme
    raise ValueError(f"unknown transliteration {scheme!r}; use {', '.join(SCHEMES)} or None")


def transliterate(text: str, scheme: Scheme | str | None = DEFAULT_SCHEME) -> str:
    """``text`` with its Cyrillic letters written in Latin by ``scheme``.

    A capital stays a capital, and a word in capitals stays in capitals
    ("ЦХСД" is "TsKhSD", as iuliia writes an acronym). The result is in
    Unicode NFC. ``scheme=None`` returns ``text`` as it is.

    >>> transliterate("Подъезд, объём, Ельцин", "bgn-pcgn")
    'Pod”yezd, ob”yëm, Yel’tsin'
    >>> transliterate("Ж-12"), transliterate("Ж-12", "gost-7.79")
    ('Zh-12', 'Ž-12')
    """
    checked = check_scheme(scheme)
    if checked is None or not has_cyrillic(text):
        return text
    text = unicodedata.normalize("NFC", text)
    if len(text) > _CACHED:
        return _write(text, checked)
    return _cached(text, checked)


#: Names and shelfmarks come back in every note: those up to this length are cached.
_CACHED: Final = 300


@lru_cache(maxsize=4096)
def _cached(text: str, scheme: Scheme) -> str:
    return _write(text, scheme)


def _write(text: str, scheme: Scheme) -> str:
    out = _schema(scheme).translate(text)
    if has_cyrillic(out):
        extra = _extra(scheme)
        out = "".join(extra.get(ch, ch) for ch in out)
    return unicodedata.normalize("NFC", out)


def ascii_key(text: str) -> str:
    """``text`` in ASCII for a citation key: ALA-LC without the signs, accents dropped.

    Characters with no ASCII form are kept; :func:`archref.formats.csl.citation_key`
    replaces them.
    """
    plain = transliterate(unicodedata.normalize("NFC", text).translate(_SIGNS), "ala-lc")
    plain = unicodedata.normalize("NFKD", plain)
    return "".join(ch for ch in plain if not unicodedata.combining(ch))


@cache
def _schema(scheme: Scheme) -> Schema:
    import iuliia  # noqa: PLC0415 (loaded on first use: import archref stays light)

    schema: Schema = iuliia.schemas.get(_table()[scheme]["iuliia"])
    return schema


@cache
def _table() -> Mapping[str, Mapping[str, object]]:
    text = resources.files("archref").joinpath("data/transliteration.toml").read_text("utf-8")
    schemes: dict[str, Mapping[str, object]] = tomllib.loads(text)["scheme"]
    return schemes


@cache
def _extra(scheme: Scheme) -> Mapping[str, str]:
    """The letters iuliia leaves in Cyrillic, both cases; ALA-LC's where a scheme has none."""
    out: dict[str, str] = {}
    for name in ("ala-lc", scheme):
        letters = _table()[name].get("extra", {})
        assert isinstance(letters, Mapping)
        for cyrillic, latin in letters.items():
            out[cyrillic] = latin
            out[cyrillic.upper()] = latin[:1].upper() + latin[1:]
    return out
