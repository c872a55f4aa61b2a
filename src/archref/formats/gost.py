"""Russian notes: GOST R 7.0.5-2008 and the archival notation of Rosarkhiv's rules.

A Russian note writes an archival file as GOST R 7.0.5-2008 (section 11) and
GOST R 7.0.100-2018 ask: the archive's abbreviation, then each level with its
Russian label, every element closed by a full stop, leaves after "Л." for one
leaf and for a range alike, ranges with an en dash, and "Там же" for the file
of the note before. archref writes this form itself, from the typed
reference (:func:`archival_note`), and the CSL style
``gost-r-7-0-5-2008-notes`` (shipped with archref) prints it where a note
cites the file, beside published works described as GOST asks:

>>> import archref
>>> archival_note(archref.parse("RGASPI, f. 558, op. 11, d. 62, ll. 71-72"))
'РГАСПИ. Ф. 558. Оп. 11. Д. 62. Л. 71–72.'
>>> archival_note(archref.parse("GARF, f. R-9401, op. 2, d. 64, l. 9"))
'ГАРФ. Ф. Р-9401. Оп. 2. Д. 64. Л. 9.'
>>> archival_note(archref.parse("National Archives, RG 59, Central Files, 795.00/6-2550"))
'NARA. RG 59, Central Files, 795.00/6-2550.'

An archive the registry knows by a Cyrillic acronym is written with it
(RGASPI as РГАСПИ); one with none (The National Archives, NARA) keeps its
Latin acronym, as Russian historians write them, and its file keeps the
notation of its archive ("FO 371/84053", "RG 59, Central Files, ..."), so
that archref reads every note it writes back as the same reference. A UN document becomes an
item with a Russian title (:func:`un_item`):

>>> un_item(archref.parse("S/RES/82 (1950) of 25 June 1950"))["title"]
'Резолюция Совета Безопасности ООН 82 (1950) от 25 июня 1950 г.'
"""

from __future__ import annotations

from typing import Any, Final

from archref.model import ArchivalReference, UNSymbol

__all__ = [
    "SECTION_TITLES",
    "archival_note",
    "cyrillic_first",
    "russian_date",
    "starts_cyrillic",
    "un_item",
]

#: The section titles of a grouped bibliography in Russian, as Russian
#: dissertations head the lists of their sources.
SECTION_TITLES: Final[tuple[str, str]] = ("Архивные источники", "Опубликованные источники")

_MONTHS_GENITIVE: Final[tuple[str, ...]] = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)


def starts_cyrillic(text: str) -> bool:
    """Whether the first letter of ``text`` (markup and punctuation skipped) is Cyrillic.

    >>> starts_cyrillic("<i>Хлевнюк</i>"), starts_cyrillic("Stueck W."), starts_cyrillic("«Правда»")
    (True, False, True)
    """
    inside_tag = False
    for char in text:
        if char == "<":
            inside_tag = True
        elif char == ">":
            inside_tag = False
        elif not inside_tag and char.isalpha():
            return "\u0400" <= char <= "\u04ff"
    return False


def cyrillic_first(entries: list[str]) -> list[str]:
    """Bibliography entries with those in Cyrillic first, each group in its order.

    A Russian list of sources names works in Russian first, then works in
    other scripts; a CSL collation sorts Latin before Cyrillic.

    >>> cyrillic_first(["Stueck W. The Korean War.", "Хлевнюк О. В. Политбюро."])
    ['Хлевнюк О. В. Политбюро.', 'Stueck W. The Korean War.']
    """
    return sorted(entries, key=lambda entry: not starts_cyrillic(entry))


def archival_note(ref: ArchivalReference) -> str:
    """One archival reference as a Russian note writes it, full stop included."""
    from archref.formats.csl import shelfmark  # noqa: PLC0415 (csl imports this module)

    mark, leaves = shelfmark(ref, "ru")
    text = mark + leaves
    return text if text.endswith(".") else text + "."


def russian_date(year: int | None, month: int | None = None, day: int | None = None) -> str:
    """A date as Russian notes write it: "25 июня 1950 г.", "июнь 1950 г.", "1950 г.".

    >>> russian_date(1950, 6, 25), russian_date(1947)
    ('25 июня 1950 г.', '1947 г.')
    """
    if year is None:
        return ""
    if month is None or not 1 <= month <= 12:
        return f"{year} г."
    if day is None:
        return f"{_MONTHS_GENITIVE[month - 1]} {year} г."
    return f"{day} {_MONTHS_GENITIVE[month - 1]} {year} г."


def un_item(symbol: UNSymbol) -> dict[str, Any]:
    """A UN document as a CSL ``report`` item with a Russian title.

    A resolution of an organ whose Russian name the vocabulary gives
    (``of_ru`` in ``data/un_symbols.toml``) is "Резолюция Совета Безопасности
    ООН 82 (1950)", with its date when the citation gives one; any other
    document is "Документ ООН". The symbol is the item's ``number``.

    >>> import archref
    >>> item = un_item(archref.parse("A/C.1/218"))
    >>> item["title"], item["number"]
    ('Документ ООН', 'A/C.1/218')
    """
    from archref.notations import un  # noqa: PLC0415 (loaded with the formatter)

    english = un.to_csl_json(symbol)
    organ = un.organ_names(symbol.organ)
    of_ru = organ.get("of_ru") if organ else None
    title = "Документ ООН"
    english_title = str(english.get("title", ""))
    if symbol.is_resolution and of_ru and english_title.startswith("Resolution "):
        title = f"Резолюция {of_ru} {english_title.removeprefix('Resolution ')}"
        if symbol.date is not None and symbol.date.day is not None:
            title += " от " + russian_date(symbol.date.year, symbol.date.month, symbol.date.day)
    item: dict[str, Any] = {
        "id": english["id"],
        "type": "report",
        "title": title,
        "number": english["number"],
        "language": "ru",
    }
    return item
