"""The words of the notations: labels, names that are no persons, places and series.

The places of publication and the series of published documents are data
in ``archref/data/published.toml``; the rest are small tables, casefolded.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import NamedTuple


class _Collection(NamedTuple):
    title: str
    years_in_title: bool


@cache
def _data() -> tuple[dict[str, str], tuple[_Collection, ...]]:
    text = resources.files("archref").joinpath("data/published.toml").read_text("utf-8")
    data = tomllib.loads(text)
    places = {k.casefold(): v for k, v in data["places"].items()}
    collections = tuple(
        _Collection(c["title"], bool(c.get("years_in_title", False))) for c in data["collections"]
    )
    return places, collections


# Labels, casefolded, without their full stop.
_VOLUME = frozenset({"vol", "vols", "volume", "т", "том", "кн", "bd", "ч"})
_ISSUE = frozenset({"no", "nos", "n", "№", "#", "вып", "issue", "nr", "heft"})
_PAGES = frozenset({"p", "pp", "page", "pages", "с", "c", "s", "стр", "pg"})
_EDITOR = frozenset({"ed", "eds", "editor", "editors", "под", "сост", "отв"})
_TRANSLATOR = frozenset({"trans", "tr", "transl", "пер", "translator"})
_PAPER = frozenset({"paper", "papers"})
_NUMBER = frozenset({"document", "doc", "dok", "док", "документ"})
_PAPER_KINDS = frozenset({"working", "discussion", "occasional", "research"})
# Words that open a Russian archival level: the notes of this family are not ours.
_ARCHIVAL_LABELS = frozenset(
    {
        "ф",
        "f",
        "fond",
        "фонд",
        "fonds",
        "оп",
        "op",
        "opis",
        "opis'",
        "opis’",
        "опись",
        "д",
        "d",
        "delo",
        "дело",
        "л",
        "лл",
        "l",
        "ll",
        "list",
        "listy",
        "spr",
        "спр",
        "арк",
        "ark",
    }
)
_FOND_LABELS = frozenset({"ф", "f", "fond", "фонд", "fonds"})
_PARTICLES = frozenset({"de", "van", "von", "der", "den", "la", "le", "du", "di", "da", "al"})
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
# Capitalised words that start titles or name institutions, never a person.
_NOT_NAMES = frozenset(
    [
        "the",
        "a",
        "an",
        "on",
        "in",
        "of",
        "for",
        "and",
        "to",
        "from",
        "with",
        "new",
        "soviet",
        "american",
        "russian",
        "korean",
        "war",
        "history",
        "project",
        "center",
        "centre",
        "university",
        "department",
        "institute",
        "archive",
        "archives",
        "bulletin",
        "journal",
        "review",
        "foreign",
        "relations",
        "documents",
        "ministry",
        "committee",
        "council",
        "state",
        "national",
        "central",
        "see",
        "cf",
        "also",
        "published",
        "quoted",
        "translated",
        "source",
        "ibid",
    ]
)
_INSTITUTION_WORDS = frozenset(
    [
        "department",
        "ministry",
        "committee",
        "council",
        "institute",
        "university",
        "project",
        "center",
        "centre",
        "archive",
        "archives",
        "office",
        "commission",
        "government",
        "bureau",
        "academy",
        "society",
        "press",
        "министерство",
        "комитет",
        "институт",
        "университет",
        "архив",
        "комиссия",
        "академия",
    ]
)
_IBID = frozenset({"ibid", "там", "idem", "op"})

_MAX_HEAD = 80  # tokens of authors and title
_MAX_FIELDS = 80  # tokens after the title
_MAX_PAREN = 40  # tokens inside parentheses of dates and publication facts
_MAX_TITLE = 50  # tokens of a title in the GOST style

# Footnote marks that may stand before a note: superscript digits and signs.
_NOTE_MARKS = frozenset("†‡§")

_OPENING_QUOTES = {"“": "”", '"': '"', "«": "»", "„": "“", "‟": "”"}


# Abbreviations whose full stop stays at the end of a title ("1936—1938 гг.").
_ABBREVIATIONS = frozenset({"гг", "г", "вв", "в", "др", "пр", "etc", "jr", "inc", "co", "ltd"})


def _clean_title(text: str) -> str:
    """A title without the separator after it (but with an abbreviation's full stop)."""
    out = text.rstrip(" ,:;")
    while out.endswith("."):
        words = out[:-1].split()
        if words and words[-1].casefold().lstrip("(") in _ABBREVIATIONS:
            break
        out = out[:-1].rstrip(" ,:;")
    return out


def _is_roman(word: str) -> bool:
    return bool(word) and all(ch in "IVXLCDMivxlcdm" for ch in word) and len(word) <= 8
