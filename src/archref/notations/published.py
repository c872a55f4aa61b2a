"""Published sources in historians' notes: books, articles, working papers, newspapers.

The notes that cite archives cite publications too, in two main styles.

**Chicago notes** (English-language scholarship, the Wilson Center's
e-Dossiers and Bulletins): authors, a title in quotation marks (an article,
a chapter, a working paper) or in italics (a book, marked ``*...*`` or
``_..._`` in plain text), then the journal, volume, ``No.``, the date in
parentheses and the pages after a colon or comma; a book ends with its
publication facts in parentheses, "(Place: Publisher, Year)".

>>> work = parse('Bajanov, Evgueni, "Assessing the Politics of the Korean War, 1949-1951," '
...              'Cold War International History Project Bulletin, No. 6/7 (Winter 1995/1996): 54')
>>> work.kind, str(work.authors[0]), work.authors[0].family
('article', 'Evgueni Bajanov', 'Bajanov')
>>> work.title
'Assessing the Politics of the Korean War, 1949-1951'
>>> work.container_title, work.issue, str(work.date), work.pages
('Cold War International History Project Bulletin', '6/7', 'winter 1995/1996', '54')
>>> book = parse("William Stueck, The Korean War: An International History (Princeton, 1997)")
>>> book.kind, book.title, book.place, book.year
('book', 'The Korean War: An International History', 'Princeton', 1997)

**GOST notes** (Russian scholarship): ``Family I. O. Title. Place, Year. С. pages``;
an article names its journal after ``//``; a place is often abbreviated
(``М.`` Moscow, ``Л.`` Leningrad, ``СПб.`` St Petersburg) and is spelled out
in ``place_normalised``.

>>> gost = parse("Хлевнюк О. В. Политбюро : Механизмы политической власти в 30-е годы. "
...              "М., 1996. С. 205–206")
>>> gost.kind, gost.authors[0].family, gost.authors[0].given, gost.title
('book', 'Хлевнюк', 'О. В.', 'Политбюро : Механизмы политической власти в 30-е годы')
>>> gost.place, gost.place_normalised, gost.year, gost.pages, gost.language
('М.', 'Moscow', 1996, '205–206', 'ru')
>>> art = parse("Сануков К. Н. Расправа над так называемым «штабом марийских буржуазных "
...             "националистов» // Марийский юридический вестник. 2012. Вып. 9. С. 25.")
>>> art.kind, art.container_title, art.issue, art.year, art.pages
('article', 'Марийский юридический вестник', '9', 2012, '25')

Nothing is mislabelled on purpose: a part of the note that is not
understood is kept, as written, in ``unparsed``.

>>> odd = parse("Reabilitatsiia (Moscow, 1991) [a reprint]")
>>> odd.title, odd.place, odd.unparsed
('Reabilitatsiia', 'Moscow', ('[a reprint]',))

A text that is not a publication reference is a :class:`ParseError`; so is
an archival reference, which :mod:`archref.notations.fonds` reads:

>>> parse("RGASPI, f. 558, op. 11, d. 62, ll. 71-72")
Traceback (most recent call last):
...
archref.model.common.ParseError: an archival reference, not a publication at column 9: 'f.'

**Finding** publications inside notes: :func:`find` returns each
publication (a :class:`PublishedMatch`) and each credit for a translation
or a contribution (a :class:`CreditMatch`) with its span in the original
text. A publication is looked for at the start of the note, after ``;``,
inside parentheses, after each sentence and after the words that introduce
one ("Published in:", "Цит. по:", "См.:", "See also"...), which are kept
as the match's ``relation``. Archival references are left alone.

>>> note = ("ЦА ФСБ. Ф.3. Оп.4. Д.1464. Л.166–167. Цит по: Хаустов В., Самуэльсон Л. "
...         "Сталин, НКВД и репрессии 1936—1938 гг. М., 2009. С.331.")
>>> [m] = find(note)
>>> m.relation, note[m.start:m.end]
('quoted-in', 'Хаустов В., Самуэльсон Л. Сталин, НКВД и репрессии 1936—1938 гг. М., 2009. С.331')
>>> [str(a) for a in m.work.authors], m.work.title
(['В. Хаустов', 'Л. Самуэльсон'], 'Сталин, НКВД и репрессии 1936—1938 гг.')

A "[Source: ...]" note of the Wilson Center names the archive, the
publication and the translator; :func:`find_source_notes` returns one
:class:`SourceNote` for it, with the span of its archival part (not parsed
here), the publications and the credits:

>>> src = ('[Source: Russian State Archive of Socio-Political History (RGASPI), fond 558, '
...        'opis 11, delo 62, listy 71-72. Published in: Andrei Ledovskii, "Stalin, Mao '
...        'Tsedunh I Koreiskaia Voina 1950-1953 godov," Novaia I Noveishaia Istoriia, No. 5 '
...        '(September-October 2005), 79-113. Translated for NKIDP by Gary Goldberg.]')
>>> [sn] = find_source_notes(src)
>>> src[sn.archival_start:sn.archival_end]
'Russian State Archive of Socio-Political History (RGASPI), fond 558, opis 11, delo 62, listy 71-72'
>>> pub = sn.publications[0]
>>> pub.relation, str(pub.work.authors[0]), pub.work.container_title, pub.work.pages
('published-in', 'Andrei Ledovskii', 'Novaia I Noveishaia Istoriia', '79-113')
>>> credit = sn.credits[0].credit
>>> credit.role, str(credit.person), credit.on_behalf_of
('translator', 'Gary Goldberg', 'NKIDP')

Parsing is rule-based, over tokens from one regular expression whose
alternatives cannot backtrack; every scan is bounded, so finding is linear
in the length of the text.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources
from typing import Literal, NamedTuple

import attrs

from archref.model import (
    Diagnostic,
    ParseError,
    PartialDate,
    Person,
    PublishedWork,
    Severity,
    WorkKind,
)

__all__ = [
    "RULES",
    "Credit",
    "CreditMatch",
    "CreditRole",
    "PublishedMatch",
    "Relation",
    "SourceNote",
    "find",
    "find_source_notes",
    "guess_language",
    "parse",
    "parse_date",
    "parse_person",
]

#: Diagnostic codes of this module: code -> (severity, meaning).
RULES: dict[str, tuple[Severity, str]] = {
    "PUB101": ("warning", "part of a publication reference not recognised"),
}

Relation = Literal["published-in", "quoted-in", "see", "see-also", "source"]
CreditRole = Literal["translator", "contributor", "editor"]

# --------------------------------------------------------------------------- models of matches


@attrs.frozen
class PublishedMatch:
    """A publication found in a note.

    ``start``/``end`` are offsets into the original text: the span runs from
    the first character of the reference to its last, without the note's
    final full stop. ``relation`` is what the words before it said about it
    ("Published in:" -> ``"published-in"``, "Цит. по:" -> ``"quoted-in"``),
    or ``None``. ``diagnostics`` report the parts that were not recognised.
    """

    work: PublishedWork
    start: int
    end: int
    relation: Relation | None = None
    diagnostics: tuple[Diagnostic, ...] = ()


@attrs.frozen
class Credit:
    """Someone credited with a share of the document: "Translated for NKIDP by Gary Goldberg".

    The credit is for the document the note is about (its translation into
    English, its finding), not for a publication of it, so it is not put in
    any :attr:`PublishedWork.translators`.
    """

    role: CreditRole
    person: Person
    on_behalf_of: str | None = None
    text: str = attrs.field(default="", eq=False, repr=False)

    def __str__(self) -> str:
        """The credit in words: "translator: Gary Goldberg (for NKIDP)"."""
        out = f"{self.role}: {self.person}"
        if self.on_behalf_of:
            out += f" (for {self.on_behalf_of})"
        return out


@attrs.frozen
class CreditMatch:
    """A :class:`Credit` found in a note, with its span in the original text."""

    credit: Credit
    start: int
    end: int


Match = PublishedMatch | CreditMatch


@attrs.frozen
class SourceNote:
    """A "[Source: ...]" note: an archival reference, where it was published, who translated it.

    ``archival_start``/``archival_end`` span the archival reference (left for
    the archival notations to parse), or are ``None`` when the note starts
    with something else. ``start``/``end`` span the whole note, brackets
    included.
    """

    start: int
    end: int
    archival_start: int | None
    archival_end: int | None
    publications: tuple[PublishedMatch, ...] = ()
    credits: tuple[CreditMatch, ...] = ()


# --------------------------------------------------------------------------- data


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


_MONTHS: dict[str, int] = {}
for _n, _names in enumerate(
    (
        "january jan январь января янв januar jänner janvier",
        "february feb febr февраль февраля фев februar février",
        "march mar март марта märz mars",
        "april apr апрель апреля апр avril",
        "may май мая mai",
        "june jun июнь июня juni juin",
        "july jul июль июля juli juillet",
        "august aug август августа авг août",
        "september sep sept сентябрь сентября сент septembre",
        "october oct октябрь октября окт oktober okt octobre",
        "november nov ноябрь ноября нояб novembre",
        "december dec декабрь декабря дек dezember dez décembre",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _n

_SEASONS: dict[str, Literal["spring", "summer", "autumn", "winter"]] = {
    "spring": "spring",
    "summer": "summer",
    "autumn": "autumn",
    "fall": "autumn",
    "winter": "winter",
    "весна": "spring",
    "лето": "summer",
    "осень": "autumn",
    "зима": "winter",
}

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

# --------------------------------------------------------------------------- tokens

_TOKEN_RE = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<num>\d+)
  | (?P<mark>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)
  | (?P<word>[^\W\d_]+(?:['’ʼ][^\W\d_]+)*)
  | (?P<quote>["“”«»„‟])
  | (?P<dslash>//)
  | (?P<slash>/)
  | (?P<open>[(\[])
  | (?P<close>[)\]])
  | (?P<dash>[-‐‑‒–—−])
  | (?P<punct>[,;:.])
  | (?P<star>\*+|_+)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


class _Tok(NamedTuple):
    kind: str
    text: str
    start: int
    end: int
    space: bool  # whitespace before the token


def _lex(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    pos = 0
    space = False
    n = len(text)
    while pos < n:
        m = _TOKEN_RE.match(text, pos)
        assert m is not None  # the last alternative matches any character
        kind = m.lastgroup
        assert kind is not None
        if kind == "ws":
            space = True
        else:
            toks.append(_Tok(kind, m.group(), m.start(), m.end(), space))
            space = False
        pos = m.end()
    return toks


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


# --------------------------------------------------------------------------- names and dates


def _is_initial_word(w: str) -> bool:
    """ "О.", "В.", "О.В.", "Yu.", "A.S." -- initials, written with their full stops."""
    if not w.endswith(".") or len(w) < 2:
        return False
    parts = w[:-1].split(".")
    return any(parts) and all(
        p == "" or (len(p) <= 2 and p[0].isupper() and (len(p) == 1 or p[1:].islower()))
        for p in parts
    )


def parse_person(text: str) -> Person:
    """Read one name: "Bajanov, Evgueni", "Andrei Ledovskii", "Хлевнюк О. В.", "О. В. Хлевнюк".

    A name with the words of an institution is kept whole in ``literal``.

    >>> parse_person("Bajanov, Evgueni")
    Person(family='Bajanov', given='Evgueni', suffix=None, literal=None)
    >>> parse_person("Хлевнюк О. В.")
    Person(family='Хлевнюк', given='О. В.', suffix=None, literal=None)
    >>> parse_person("William Stueck Jr.")
    Person(family='Stueck', given='William', suffix='Jr.', literal=None)
    >>> parse_person("U.S. Department of State").literal
    'U.S. Department of State'
    """
    raw = " ".join(text.split()).strip(" ,;")
    if not raw:
        raise ParseError("empty name", text, 0, len(text))
    words = raw.replace(",", " , ").split()
    folded = {w.casefold().strip(".,") for w in words}
    lower = [
        w
        for w in words
        if w != "," and w[0].islower() and w.casefold() not in _PARTICLES and w.isalpha()
    ]
    if folded & _INSTITUTION_WORDS or lower:
        return Person(literal=raw, text=text)
    if "," in raw:
        family, _, rest = raw.partition(",")
        given, _, suffix = rest.partition(",")
        given_words = given.split()
        if not suffix and given_words and given_words[-1].casefold() in _SUFFIXES:
            suffix = given_words.pop()
        return Person(
            family=family.strip() or None,
            given=" ".join(given_words) or None,
            suffix=suffix.strip() or None,
            text=text,
        )
    words = raw.split()
    suffix_word: str | None = None
    if len(words) > 2 and words[-1].casefold() in _SUFFIXES:
        suffix_word = words.pop()
    if len(words) == 1:
        return Person(family=words[0], suffix=suffix_word, text=text)
    if not _is_initial_word(words[0]) and all(_is_initial_word(w) for w in words[1:]):
        return Person(family=words[0], given=" ".join(words[1:]), suffix=suffix_word, text=text)
    k = len(words) - 1
    while k > 1 and words[k - 1].casefold() in _PARTICLES:
        k -= 1
    return Person(
        family=" ".join(words[k:]),
        given=" ".join(words[:k]),
        suffix=suffix_word,
        text=text,
    )


def _year_value(tok: _Tok) -> int | None:
    if tok.kind == "num" and len(tok.text) == 4:
        y = int(tok.text)
        if 1500 <= y <= 2100:
            return y
    return None


def _date_from(text: str, toks: Sequence[_Tok]) -> PartialDate | None:
    """A date from the tokens of a date and nothing else, or ``None``."""
    if not toks:
        return None
    groups: list[dict[str, int | str]] = [{}]
    i = 0
    n = len(toks)
    while i < n:
        t = toks[i]
        g = groups[-1]
        low = t.text.casefold()
        if t.kind == "num":
            y = _year_value(t)
            if y is not None and "year" not in g:
                g["year"] = y
            elif (
                len(t.text) == 2
                and groups[0].get("year")
                and len(groups) == 2
                and "year" not in g
                and not g
            ):
                first = groups[0]["year"]
                assert isinstance(first, int)
                g["year"] = first // 100 * 100 + int(t.text)
            elif len(t.text) <= 2 and 1 <= int(t.text) <= 31 and "day" not in g:
                g["day"] = int(t.text)
                # the German ordinal point: "25. Juni 1950"
                if (
                    i + 2 < n
                    and toks[i + 1].text == "."
                    and not toks[i + 1].space
                    and toks[i + 2].text.casefold() in _MONTHS
                ):
                    i += 1
            else:
                return None
        elif t.kind == "word":
            if low in _MONTHS and "month" not in g:
                g["month"] = _MONTHS[low]
                if i + 1 < n and toks[i + 1].text == "." and not toks[i + 1].space:
                    i += 1
            elif low in _SEASONS and "season" not in g:
                g["season"] = _SEASONS[low]
            elif low in {"г", "гг", "года", "год"} and "year" in g:
                if i + 1 < n and toks[i + 1].text == ".":
                    i += 1
            else:
                return None
        elif t.kind in {"dash", "slash"}:
            if len(groups) == 2 or not g:
                return None
            groups.append({})
        elif (t.kind == "punct" and t.text == ",") or (
            t.kind == "punct" and t.text == "." and i == n - 1
        ):
            pass
        else:
            return None
        i += 1
    first_group = groups[0]
    last_group = groups[-1]
    if not last_group:
        return None
    if len(groups) == 2 and "year" not in first_group and "year" in last_group:
        first_group["year"] = last_group["year"]
    if "year" not in first_group:
        return None
    if "day" in first_group and "month" not in first_group:
        return None
    season = first_group.get("season") or last_group.get("season")
    raw = text[toks[0].start : toks[-1].end]

    def num(g: dict[str, int | str], key: str) -> int | None:
        v = g.get(key)
        return v if isinstance(v, int) else None

    end = last_group if len(groups) == 2 else {}
    end_year = num(end, "year")
    if end and end_year is None:
        end_year = num(first_group, "year")
    return PartialDate(
        year=num(first_group, "year"),
        month=num(first_group, "month"),
        day=num(first_group, "day"),
        season=season if isinstance(season, str) else None,  # type: ignore[arg-type]
        end_year=end_year,
        end_month=num(end, "month"),
        end_day=num(end, "day"),
        text=raw,
    )


def parse_date(text: str) -> PartialDate:
    """Read a date as notes write it; raise :class:`ParseError` if it is not one.

    >>> str(parse_date("Winter 1995/1996")), str(parse_date("September-October 2005"))
    ('winter 1995/1996', '2005-09/2005-10')
    >>> str(parse_date("April 6, 1912")), str(parse_date("5 марта 1937 г."))
    ('1912-04-06', '1937-03-05')
    >>> str(parse_date("25. Juni 1950")), str(parse_date("3 novembre 1950"))
    ('1950-06-25', '1950-11-03')
    """
    toks = _lex(text)
    date = _date_from(text, toks)
    if date is None:
        raise ParseError("not a date", text, 0, len(text))
    return date


# --------------------------------------------------------------------------- language


def _weighted(strong: str, weak: str) -> dict[str, int]:
    """Function words, space-separated: ``strong`` weigh 2, ``weak`` 1."""
    return {**dict.fromkeys(strong.split(), 2), **dict.fromkeys(weak.split(), 1)}


# The function words that give a Latin-script title away, with their weight:
# 2 for a word of one language only, 1 for a word shared with another
# language that is weighed here ("in" is English and German, "des" German and
# French). Transliterated Russian ("ru" here, for the scores only) and a few
# other languages ("other": Spanish, Italian, Polish, Dutch) are weighed as
# rivals: they are never the answer, they stop a wrong one.
_FUNCTION_WORDS: dict[str, dict[str, int]] = {
    "en": _weighted(
        "the of and with from for its their his her our is are was were been between into "
        "after before during against toward towards through about among within without "
        "beyond upon this that these those what which who whom why how when where or not but",
        "in on to a an by at as over under",
    ),
    "de": _weighted(
        "der die das den dem und zur zum im vom von mit über für auf aus bei nach zwischen "
        "gegen durch ein eine einer eines einem einen ist sind wurde als wie oder nicht bis "
        "seit sich zu um unter vor ohne während ihre ihrer seine seiner",
        "des in an am",
    ),
    "fr": _weighted(
        "le les du et à au aux une dans sur pour par entre avec sous vers chez contre est "
        "sont qui pendant depuis après avant leur leurs ses cette ces ce pas",
        "des de la en un que ou son sa",
    ),
    # Library of Congress and similar transliterations: "i" (и), "v" (в), "na",
    # "po", "k", "o", "ot", "iz", "za", "pri"... Never English words, whatever
    # they look like.
    "ru": _weighted(
        "i v vo na po k ko o ob obo ot iz za pri s dlia dlya bez pod nad mezhdu posle kak "
        "chto ili ikh eto kto gde protiv cherez zhe uzhe gg",
        "so do ne li u",
    ),
    "other": _weighted(
        "el los las del y con por para una il gli della delle dei degli nel nella per di "
        "che w z ze się oraz het een voor op naar uit tussen met niet zijn",
        "la da van",
    ),
}
# each function word with the languages it counts for
_WORD_WEIGHTS: dict[str, tuple[tuple[str, int], ...]] = {}
for _fw_lang, _fw_weights in _FUNCTION_WORDS.items():
    for _fw, _fw_weight in _fw_weights.items():
        _WORD_WEIGHTS[_fw] = (*_WORD_WEIGHTS.get(_fw, ()), (_fw_lang, _fw_weight))

# Endings and letter groups of transliterated Russian: "Sovetskii", "Koreiskaia",
# "istoriia", "Kommunisticheskoi", "sovetskogo", "Soiuz", "Khrushchev".
_TRANSLIT_ENDINGS = (
    "skii", "skiy", "skij", "skaia", "skaya", "skoi", "skoy", "skogo", "skikh",
    "skie", "skoe", "skuiu", "skuyu", "iia", "iya", "iiu", "iyu", "aia", "aya",
    "ykh", "ikh", "ogo", "ego", "nyi", "nyy", "oi", "ii",
)  # fmt: skip
_TRANSLIT_INSIDE = re.compile(r"iu[^ms]|shch|zh|kh")
# The elided articles and pronouns of French ("l'Union", "d'une", "qu'il").
_FRENCH_ELISIONS = frozenset(
    ("l", "d", "qu", "j", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu")
)
_ITALIAN_ELISIONS = frozenset(("dell", "all", "nell", "sull", "dall", "un"))
_APOSTROPHES = "'’ʼ"
# A word of a Latin-script title: letters, with apostrophes inside or at the end.
_TITLE_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*['’ʼ]?")
_ROMAN_NUMERAL = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")

# Cyrillic letters of other languages than Russian, Ukrainian and Belarusian
# (Serbian, Macedonian, Kazakh...): such a title is left undetermined.
_OTHER_CYRILLIC = frozenset("јљњћђџѓќѕәғқңөұүһ")


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u052f"


def _is_latin(ch: str) -> bool:
    return ch.isalpha() and (ch < "\u0250" or "\u1e00" <= ch <= "\u1eff")


def _cyrillic_language(text: str) -> str:
    """The language of a title in Cyrillic, told by its letters."""
    low = text.lower()
    letters = set(low)
    if letters & _OTHER_CYRILLIC:
        return "und"
    if letters & set("їєґ"):
        return "uk"
    if "ў" in letters:
        return "be"
    if "і" in letters:
        if "и" not in letters:
            # Belarusian has і and ы but no и; Ukrainian has и
            return "be" if letters & set("ыэё") else "uk"
        if letters & set("ыэъѣѳѵ"):
            # і beside и and ы or ъ: Russian in the spelling before 1918
            return "ru"
        return "uk"
    return "ru"


def _latin_scores(text: str) -> dict[str, int]:
    """The weight of the evidence for each language in a Latin-script title."""
    scores = dict.fromkeys(_FUNCTION_WORDS, 0)
    for m in _TITLE_WORD.finditer(text):
        word = m.group()
        low = word.lower()
        dotted = text.startswith(".", m.end())
        if len(word) == 1 and dotted:
            continue  # an initial ("A. S. Prokhanov") or an abbreviation ("v.")
        if word != "I" and word.isupper() and _ROMAN_NUMERAL.fullmatch(word):
            continue  # "World War II", "vol. VI"
        if any(a in low for a in _APOSTROPHES):
            parts = re.split(f"[{_APOSTROPHES}]", low)
            head, tail = parts[0], parts[-1]
            if (
                tail == "s"
                or (tail == "" and head.endswith("s"))
                or (tail == "t" and head.endswith("n"))
            ):
                scores["en"] += 2  # "Stalin's", "historians'", "don't"
            elif head in _FRENCH_ELISIONS and tail:
                scores["fr"] += 2
            elif head in _ITALIAN_ELISIONS and tail:
                scores["other"] += 2
            else:
                scores["ru"] += 1  # a soft sign: "Zinov'ev", "Kreml'"
            continue
        if "ʹ" in low or "ʺ" in low:
            scores["ru"] += 2  # the primes of scholarly transliteration
            continue
        weights = _WORD_WEIGHTS.get(low)
        if weights is not None:
            for lang, weight in weights:
                # a capital single letter is weaker: "I" may be English, "O" an interjection
                scores[lang] += 1 if len(word) == 1 and word.isupper() else weight
            continue
        if (
            len(low) >= 4
            and not word.isupper()
            and (low.endswith(_TRANSLIT_ENDINGS) or _TRANSLIT_INSIDE.search(low))
        ):
            scores["ru"] += 1
    return scores


def _classify(text: str | None) -> str | None:
    """The language of one title, ``"und"`` when unsure, ``None`` with no evidence at all."""
    if not text:
        return None
    cyrillic = latin = other = 0
    for m in _TITLE_WORD.finditer(text):
        word = m.group()
        if word.isupper() and _ROMAN_NUMERAL.fullmatch(word):
            continue  # "XX съезд"
        for ch in word:
            if _is_cyrillic(ch):
                cyrillic += 1
            elif _is_latin(ch):
                latin += 1
            elif ch.isalpha():
                other += 1
    total = cyrillic + latin + other
    if total == 0:
        return None
    if cyrillic >= 0.8 * total:
        return _cyrillic_language(text)
    if latin < 0.8 * total:
        return "und"  # mixed scripts, or a script weighed here not at all
    scores = _latin_scores(text)
    if not any(scores.values()):
        return None
    best = max(("en", "de", "fr"), key=lambda lang: scores[lang])
    rival = max(score for lang, score in scores.items() if lang != best)
    if scores[best] >= 2 and 2 * rival < scores[best]:
        return best
    return "und"


def guess_language(title: str | None, container: str | None = None) -> str:
    """A BCP 47 tag for the language of a work, guessed from its title.

    CSL styles title-case the titles of English works and of works without
    a language; ``"und"`` (undetermined) keeps a title as written. A note
    does not say what language the work it cites is in, and the script of
    the note is a poor guess: an English note cites German titles and
    transliterated Russian ones, which must not be title-cased, next to
    English titles written in sentence case, which should be. So each work
    is judged by its own title:

    - **Cyrillic** is ``"ru"``; ``"uk"`` with the Ukrainian letters ї, є, ґ
      or і; ``"be"`` with ў, or with і and ы but no и. Russian spelled before
      1918 (і beside и and ы, ъ or ѣ) stays ``"ru"``; the letters of other
      Cyrillic alphabets (ј, љ, қ...) give ``"und"``.
    - **Latin script** is ``"en"``, ``"de"`` or ``"fr"`` when that language's
      function words are clearly there: "the", "of", "and", "with", "'s";
      "der", "die", "und", "zur", "für"; "le", "les", "et", "dans", "l'".
      Transliterated Russian is weighed against them: its function words
      ("i", "v", "na", "po", "k", "o", "ot", "iz", "za", "pri") and endings
      ("-skii", "-skaia", "-ogo", "-iia") are not English, and a title with
      them is ``"und"``; so are Spanish, Italian, Polish or Dutch titles. A
      language wins with at least one of its own function words and more than
      twice the evidence of any other.
    - ``"und"`` for anything else: mixed scripts, a title too short to tell
      ("Reabilitatsiia", "Hamilton Fish"), evidence both ways.

    >>> guess_language("Stalin's Letters to Molotov")
    'en'
    >>> guess_language("Die Allgemeine Wehrpflicht in Russland")
    'de'
    >>> guess_language("Sovetskii Soiuz i Koreiskaia voina")
    'und'
    >>> guess_language("Политбюро : Механизмы политической власти в 30-е годы")
    'ru'

    The ``container`` (journal, newspaper, book) decides when the title
    gives nothing to go on, and a journal in another language keeps an
    English title from ``"en"``, since a style title-cases the journal's
    name too:

    >>> guess_language(None, "Известия ЦК КПСС")
    'ru'
    >>> guess_language("The Korean War", "Voprosy istorii")
    'und'

    The place of publication is not used: it is written in the language of
    the note, not of the work ("Moscow" for a Russian book in an English note).

    Why not a language-detection package (langdetect, langid, lingua...)?
    They are trained on running text and are unreliable on five-word titles;
    transliterated Russian is not a language they know, so they name
    another one; and langdetect can give different answers from run to run
    on a short text unless it is seeded. The question here is narrower
    than "which language": only whether a title may be title-cased, for
    which a wrong ``"und"`` costs a lower-case word and a wrong ``"en"`` a
    mangled title. These rules are small, deterministic and lean to
    ``"und"``.
    """
    own = _classify(title)
    if own is None:
        return _classify(container) or "und"
    if own == "en" and _classify(container) not in {None, "en"}:
        return "und"
    return own


# --------------------------------------------------------------------------- the parser


class _Fields:
    """What has been read of one reference so far (mutable while parsing)."""

    def __init__(self) -> None:
        self.kind: WorkKind | None = None
        self.authors: list[Person] = []
        self.editors: list[Person] = []
        self.translators: list[Person] = []
        self.title: str | None = None
        self.container: str | None = None
        self.collection: str | None = None
        self.volume: str | None = None
        self.issue: str | None = None
        self.number: str | None = None
        self.date: PartialDate | None = None
        self.pages: str | None = None
        self.publisher: str | None = None
        self.place: str | None = None
        self.place_normalised: str | None = None
        self.unparsed: list[tuple[int, int]] = []  # token spans


class _Result(NamedTuple):
    work: PublishedWork
    first: int  # token index
    last: int  # token index after the reference
    unparsed_spans: tuple[tuple[int, int], ...]  # character spans


class _Fail(Exception):
    def __init__(self, message: str, tok: int, end_tok: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.tok = tok
        self.end_tok = tok + 1 if end_tok is None else end_tok


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = _lex(text)
        n = len(self.toks)
        # the matching close of each open paren/bracket, and for each token the
        # close of the innermost paren around it (n when there is none)
        self._marker_cache: dict[tuple[int, int], bool] = {}
        self._plain_events: list[int] | None = None
        self._label_events: list[int] | None = None
        self._archival_cache: dict[tuple[int, int], int | None] = {}
        self._gost_events: list[int] | None = None
        self.close_of: dict[int, int] = {}
        self.limit: list[int] = [n] * n
        stack: list[int] = []
        pending: list[int] = []
        for i, t in enumerate(self.toks):
            if t.kind == "open":
                stack.append(i)
            elif t.kind == "close" and stack:
                self.close_of[stack.pop()] = i
        stack = []
        for i, t in enumerate(self.toks):
            if stack:
                self.limit[i] = self.close_of.get(stack[-1], n)
            if t.kind == "open":
                stack.append(i)
                pending.append(i)
            elif t.kind == "close" and stack:
                stack.pop()

    # ------------------------------------------------------------------ event tables
    # A title is scanned for the tokens that may end it. These tables give, for
    # each token, the next token that may (computed once, right to left), so a
    # scan jumps from one to the next and every scan is short: finding stays
    # linear however many places a reference is tried at.

    def _events(self, is_event: Callable[[int], bool]) -> list[int]:
        n = len(self.toks)
        table = [n] * (n + 1)
        for j in range(n - 1, -1, -1):
            table[j] = j if is_event(j) else table[j + 1]
        return table

    def next_plain_event(self, j: int) -> int:
        if self._plain_events is None:
            n = len(self.toks)

            def event(k: int) -> bool:
                t = self.toks[k]
                if t.kind in {"star", "quote", "open", "close"} or self.is_punct(k, ";"):
                    return True
                if self.is_punct(k, ","):
                    return self.field_start(k + 1, n)
                if t.kind == "num" or self.word(k) in _MONTHS:
                    return True
                return _marker_at(self, k) is not None or self.sentence_end(k)

            self._plain_events = self._events(event)
        return self._plain_events[min(j, len(self.toks))]

    def next_gost_event(self, j: int) -> int:
        if self._gost_events is None:
            n = len(self.toks)

            def event(k: int) -> bool:
                t = self.toks[k]
                if t.kind in {"open", "close", "dslash", "slash"} or self.is_punct(k, ";"):
                    return True
                if (
                    self.is_punct(k, ".")
                    and k + 1 < n
                    and self.toks[k + 1].space
                    and self.toks[k + 1].kind == "word"
                    and self.toks[k + 1].text[0].islower()
                ):
                    return True
                return k > 0 and self.gost_boundary(k, 0) and self.gost_marker(k, n)

            self._gost_events = self._events(event)
        return self._gost_events[min(j, len(self.toks))]

    # ------------------------------------------------------------------ token helpers

    def tok(self, i: int) -> _Tok | None:
        return self.toks[i] if 0 <= i < len(self.toks) else None

    def is_punct(self, i: int, chars: str) -> bool:
        t = self.tok(i)
        return t is not None and t.kind == "punct" and t.text in chars

    def word(self, i: int) -> str:
        """The casefolded word at ``i`` ("" when it is not a word)."""
        t = self.tok(i)
        if t is None:
            return ""
        if t.kind == "word" or (t.kind == "other" and t.text in "№#"):
            return t.text.casefold()
        return ""

    def label(self, i: int, labels: frozenset[str]) -> int | None:
        """A label of ``labels`` at ``i``, with its full stop: the index after it."""
        w = self.word(i)
        if not w or w not in labels:
            return None
        j = i + 1
        if self.is_punct(j, ".") and not self.toks[j].space:
            return j + 1
        nxt = self.tok(j)
        if w in {"№", "#"} or (nxt is not None and nxt.kind == "num"):
            return j
        if len(w) > 2 and w not in {"вып", "стр", "vol", "nos"}:
            return j
        return None

    def span_text(self, i: int, j: int) -> str:
        """The text of tokens ``i`` to ``j`` (exclusive), as written."""
        if j <= i:
            return ""
        return self.text[self.toks[i].start : self.toks[j - 1].end]

    def is_upper_word(self, i: int) -> bool:
        t = self.tok(i)
        return t is not None and t.kind == "word" and t.text[0].isupper()

    def initial_at(self, i: int) -> int | None:
        """An initial with its full stop ("О.", "Yu.") at ``i``: the index after it."""
        t = self.tok(i)
        if (
            t is not None
            and t.kind == "word"
            and len(t.text) <= 2
            and t.text[0].isupper()
            and (len(t.text) == 1 or t.text[1:].islower())
            and self.is_punct(i + 1, ".")
            and not self.toks[i + 1].space
        ):
            return i + 2
        return None

    def sentence_end(self, i: int) -> bool:
        """Is the full stop at ``i`` the end of a sentence (not of an initial or a label)?"""
        if not self.is_punct(i, "."):
            return False
        prev = self.tok(i - 1)
        nxt = self.tok(i + 1)
        if prev is None or (prev.kind == "word" and len(prev.text) <= 2):
            return False
        return nxt is None or nxt.space

    # ------------------------------------------------------------------ values

    def value_at(self, i: int) -> tuple[str, int] | None:
        """A volume or issue value: "5", "6/7", "3–4", "VI", "12a"."""
        t = self.tok(i)
        if t is None:
            return None
        if t.kind == "word" and _is_roman(t.text) and t.text.isupper():
            return t.text, i + 1
        if t.kind != "num":
            return None
        j = i + 1
        nxt = self.tok(j)
        if nxt is not None and nxt.kind == "word" and not nxt.space and len(nxt.text) == 1:
            j += 1
        a = self.tok(j)
        b = self.tok(j + 1)
        if (
            a is not None
            and b is not None
            and a.kind in {"slash", "dash"}
            and b.kind == "num"
            and not a.space
            and not b.space
        ):
            j += 2
        return self.span_text(i, j), j

    def pages_at(self, i: int) -> tuple[str, int] | None:
        """Pages: "54", "79-113", "250–51", "5, 7–9", "xii", "12a"."""
        t = self.tok(i)
        if t is None:
            return None
        if t.kind == "word" and _is_roman(t.text) and t.text.islower():
            return t.text, i + 1
        if t.kind != "num":
            return None
        j = i
        while True:
            j += 1
            a = self.tok(j)
            if a is not None and a.kind == "word" and not a.space and len(a.text) == 1:
                j += 1
                a = self.tok(j)
            b = self.tok(j + 1)
            if a is not None and b is not None and a.kind == "dash" and b.kind == "num":
                j += 2
                a = self.tok(j)
                b = self.tok(j + 1)
            if (
                a is not None
                and b is not None
                and a.text == ","
                and b.kind == "num"
                and _year_value(b) is None
                and not self.is_punct(j + 2, ":")
            ):
                j += 1
                continue
            break
        return self.span_text(i, j), j

    def year_field_at(self, i: int, end: int) -> int | None:
        """A bare year standing as a field ("1990." "1990,"): the index after it."""
        t = self.tok(i)
        if t is None or _year_value(t) is None:
            return None
        j = i + 1
        if self.word(j) in {"г", "гг"}:
            j += 1
            if self.is_punct(j, "."):
                j += 1
                return j
        nxt = self.tok(j)
        if j >= end or nxt is None or nxt.kind in {"close"} or self.is_punct(j, ".,;"):
            return j
        return None

    def paren_date(self, i: int) -> tuple[PartialDate, int] | None:
        """A date in parentheses at ``i``: the date and the index after the close."""
        close = self.close_of.get(i)
        if close is None or close - i > _MAX_PAREN:
            return None
        date = _date_from(self.text, self.toks[i + 1 : close])
        return (date, close + 1) if date is not None else None

    def place_at(self, i: int, end: int) -> tuple[int, int, int | None, int] | None:
        """Publication facts "Place[; Place][: Publisher], Year" at ``i``.

        Returns (end of places, start of publisher or None... ) packed as
        (places_end, publisher_start or -1, year token index or None, next).
        """
        places, collections = _data()
        del collections
        j = i
        for _ in range(4):  # at most four places: "М.; Л."
            start = j
            words = 0
            while j < end and words < 4:
                t = self.toks[j]
                if t.kind == "word" and (t.text[0].isupper() or (words > 0 and len(t.text) <= 2)):
                    j += 1
                    words += 1
                    if self.is_punct(j, ".") and not self.toks[j].space:
                        j += 1
                    if (
                        j + 1 < end
                        and self.toks[j].kind == "dash"
                        and not self.toks[j].space
                        and self.toks[j + 1].kind == "word"
                        and not self.toks[j + 1].space
                    ):
                        j += 1
                    continue
                break
            if j == start:
                return None
            name = self.span_text(start, j).rstrip(".").casefold()
            if (
                words > 1
                and name not in places
                and not all(
                    self.is_upper_word(k) for k in range(start, j) if self.toks[k].kind == "word"
                )
            ):
                return None
            if self.is_punct(j, ";") and j + 1 < end:
                j += 1
                continue
            break
        places_end = j
        if self.is_punct(j, ","):
            year_tok = j + 1
            if year_tok < end and _year_value(self.toks[year_tok]) is not None:
                return places_end, -1, year_tok, year_tok + 1
            return None
        if self.is_punct(j, ":"):
            pub_start = j + 1
            k = pub_start
            while k < end and k - pub_start < 30:
                if (
                    self.is_punct(k, ",")
                    and k + 1 < end
                    and _year_value(self.toks[k + 1]) is not None
                ):
                    if k == pub_start:
                        return None
                    return places_end, pub_start, k + 1, k + 2
                if self.toks[k].kind in {"open", "close"} or self.is_punct(k, ";"):
                    return None
                k += 1
        return None

    def apply_place(self, f: _Fields, i: int, found: tuple[int, int, int | None, int]) -> None:
        places_end, pub_start, year_tok, _next = found
        f.place = self.span_text(i, places_end)
        places, _ = _data()
        parts = [p.strip() for p in f.place.split(";")]
        normalised = [places.get(p.rstrip(".").casefold()) for p in parts]
        if all(normalised) and normalised:
            spelled = "; ".join(n for n in normalised if n)
            if spelled != f.place:
                f.place_normalised = spelled
        if pub_start >= 0 and year_tok is not None:
            f.publisher = self.span_text(pub_start, year_tok - 1)
        if year_tok is not None and f.date is None:
            y = _year_value(self.toks[year_tok])
            f.date = PartialDate(year=y, text=self.toks[year_tok].text)
        elif year_tok is not None:
            f.unparsed.append((year_tok, year_tok + 1))  # a second year: say so

    # ------------------------------------------------------------------ archival text

    def archival_at(self, i: int, end: int) -> int | None:
        """Does an archival reference start at ``i``? The token of its first label."""
        if self._label_events is None:
            self._label_events = self._events(lambda k: self.word(k) in _ARCHIVAL_LABELS)
        if self._label_events[i] - i > 16:
            return None
        key = (i, end)
        if key not in self._archival_cache:
            self._archival_cache[key] = self._archival_at(i, end)
        return self._archival_cache[key]

    def _archival_at(self, i: int, end: int) -> int | None:
        labels = 0
        first: int | None = None
        fond = False
        j = i
        stop = min(end, i + 30)
        while j < stop:
            t = self.toks[j]
            if t.kind in {"quote", "dslash"} or self.is_punct(j, ";"):
                break
            w = self.word(j)
            if w in _ARCHIVAL_LABELS:
                k = j + 1
                if self.is_punct(k, ".") and not self.toks[k].space:
                    k += 1
                nxt = self.tok(k)
                if nxt is not None and (
                    nxt.kind == "num"
                    or (
                        nxt.kind == "word"
                        and len(nxt.text) == 1
                        and self.tok(k + 1) is not None
                        and self.toks[k + 1].kind == "dash"
                    )
                ):
                    labels += 1
                    fond = fond or w in _FOND_LABELS
                    if first is None:
                        if j - i > 16:
                            return None
                        first = j
                    if labels >= 2 or fond:
                        return first
            j += 1
        return None

    # ------------------------------------------------------------------ names in notes

    def name_at(self, i: int, end: int) -> int | None:
        """A name in natural order ("Andrei Ledovskii", "A. S. Prokhanov"): the index after it."""
        j = i
        words = 0
        last_is_word = False
        if self.word(i) in _NOT_NAMES:
            return None
        while j < end and j - i < 14:
            t = self.toks[j]
            ini = self.initial_at(j)
            if ini is not None and ini <= end:
                j = ini
                words += 1
                last_is_word = False
                continue
            if t.kind == "word" and t.text[0].isupper() and len(t.text) >= 2:
                if t.text.isupper() or t.text.casefold() in _NOT_NAMES:
                    break
                j += 1
                words += 1
                last_is_word = True
                if (
                    j + 1 < end
                    and self.toks[j].kind == "dash"
                    and not self.toks[j].space
                    and self.is_upper_word(j + 1)
                    and not self.toks[j + 1].space
                ):
                    j += 2
                continue
            if t.kind == "word" and t.text in _PARTICLES and words > 0:
                j += 1
                last_is_word = False
                continue
            break
        if words < 2 or words > 5 or not last_is_word:
            return None
        return j

    def inverted_at(self, i: int, end: int) -> tuple[int, int, int] | None:
        """ "Bajanov, Evgueni": (family end, given start, given end)."""
        j = i
        if not (self.is_upper_word(j) and len(self.toks[j].text) >= 2):
            return None
        if self.toks[j].text.isupper() or self.word(j) in _NOT_NAMES:
            return None
        j += 1
        if (
            j + 1 < end
            and self.toks[j].kind == "dash"
            and not self.toks[j].space
            and self.is_upper_word(j + 1)
        ):
            j += 2
        if not self.is_punct(j, ","):
            return None
        fam_end = j
        g = j + 1
        k = g
        count = 0
        while k < end and count < 3:
            ini = self.initial_at(k)
            if ini is not None:
                k = ini
                count += 1
                continue
            if self.is_upper_word(k) and len(self.toks[k].text) >= 2:
                if self.word(k) in _NOT_NAMES or self.toks[k].text.isupper():
                    return None
                k += 1
                count += 1
                continue
            break
        if count == 0:
            return None
        return fam_end, g, k

    def person(self, i: int, j: int) -> Person:
        return parse_person(self.span_text(i, j))

    def chicago_authors(self, i: int, end: int) -> tuple[list[Person], bool, int] | None:
        """Names before a title: (names, are they editors, index after the names)."""
        names: list[Person] = []
        inv = self.inverted_at(i, end)
        j: int
        if inv is not None and self.is_punct(inv[2], ","):
            fam_end, g, j = inv
            names.append(
                Person(
                    family=self.span_text(i, fam_end),
                    given=self.span_text(g, j),
                    text=self.span_text(i, j),
                )
            )
        else:
            k = self.name_at(i, end)
            if k is None:
                return None
            names.append(self.person(i, k))
            j = k
        # Chicago joins two names with "and", more with commas and a final "and"
        confirmed = (len(names), j)
        while j < end:
            k = j
            if self.is_punct(k, ","):
                k += 1
            joined = False
            if self.word(k) in {"and", "&"} or (self.tok(k) and self.toks[k].text == "&"):
                k += 1
                joined = True
            if k == j:
                break
            m = self.name_at(k, end)
            if m is None:
                break
            names.append(self.person(k, m))
            j = m
            if joined:
                confirmed = (len(names), j)
                break
        del names[confirmed[0] :]
        j = confirmed[1]
        editors = False
        if self.is_punct(j, ",") and self.word(j + 1) in {"ed", "eds", "editor", "editors"}:
            editors = True
            j += 2
            if self.is_punct(j, ".") and not self.toks[j].space:
                j += 1
        return names, editors, j

    def names_list(self, i: int, end: int) -> tuple[list[Person], int] | None:
        """Names after "by" / "ed.": natural order, joined by commas and "and"."""
        names: list[Person] = []
        j = i
        while j < end:
            k = self.name_at(j, end)
            if k is None:
                # a Russian name with initials first ("И. И. Иванова")
                k = self.gost_name_at(j, end, initials_first_only=True)
            if k is None:
                break
            names.append(self.person(j, k))
            j = k
            nxt = j
            if self.is_punct(nxt, ","):
                nxt += 1
            if self.word(nxt) in {"and", "и", "&"}:
                nxt += 1
            if nxt == j:
                break
            if self.name_at(nxt, end) is None and (
                self.gost_name_at(nxt, end, initials_first_only=True) is None
            ):
                break
            j = nxt
        if not names:
            return None
        return names, j

    def gost_name_at(self, i: int, end: int, initials_first_only: bool = False) -> int | None:
        """ "Хлевнюк О. В." or "О. В. Хлевнюк": the index after the name."""
        t = self.tok(i)
        if t is None or t.kind != "word":
            return None
        # initials first
        j = i
        count = 0
        while count < 3:
            k = self.initial_at(j)
            if k is None or k > end:
                break
            j = k
            count += 1
        if (
            count
            and self.is_upper_word(j)
            and len(self.toks[j].text) >= 2
            and not self.toks[j].text.isupper()
            and self.word(j) not in _NOT_NAMES
        ):
            j += 1
            if (
                j + 1 < end
                and self.toks[j].kind == "dash"
                and not self.toks[j].space
                and self.is_upper_word(j + 1)
            ):
                j += 2
            return j
        if initials_first_only:
            return None
        # family first
        if not (self.is_upper_word(i) and len(t.text) >= 2) or t.text.isupper():
            return None
        j = i + 1
        if (
            j + 1 < end
            and self.toks[j].kind == "dash"
            and not self.toks[j].space
            and self.is_upper_word(j + 1)
            and not self.toks[j + 1].space
        ):
            j += 2
        count = 0
        while count < 3:
            k = self.initial_at(j)
            if k is None or k > end:
                break
            j = k
            count += 1
        return j if count else None

    # ------------------------------------------------------------------ GOST

    def gost_marker(self, j: int, end: int) -> bool:
        """Does a field of a GOST description (after the title) start at ``j``?"""
        key = (j, end)
        cached = self._marker_cache.get(key)
        if cached is None:
            cached = self._marker_cache[key] = self._gost_marker(j, end)
        return cached

    def _gost_marker(self, j: int, end: int) -> bool:
        if self.is_container_sep(j):
            return True
        if self.year_field_at(j, end) is not None:
            return True
        for labels in (_PAGES, _VOLUME, _ISSUE):
            k = self.label(j, labels)
            if k is not None and k < end and self.value_at(k) is not None:
                return True
        return self.place_at(j, end) is not None

    def keep_abbreviation(self, j: int) -> int:
        """Where a title ends: after the separator too when it is an abbreviation's full stop."""
        if self.is_punct(j, ".") and self.word(j - 1) in _ABBREVIATIONS:
            return j + 1
        return j

    def gost_boundary(self, j: int, start: int) -> bool:
        """Is token ``j`` right after a field separator (". " or ". — ")?"""
        if j <= start:
            return False
        prev = self.toks[j - 1]
        if prev.kind == "dash" and j - 2 >= start and self.is_punct(j - 2, "."):
            return True
        return prev.kind == "punct" and prev.text == "." and self.toks[j].space

    def gost_text_until_field(self, i: int, end: int) -> int:
        """The end of a title or container: the separator before the next field."""
        j = i
        depth = 0
        while True:
            j = self.next_gost_event(j)
            if j >= end or j - i >= _MAX_TITLE:
                j = min(j, end)
                break
            t = self.toks[j]
            if t.kind == "open":
                if t.space:
                    raise _Fail("a parenthesis inside a title", j)
                depth += 1
            elif t.kind == "close":
                if depth == 0:
                    return j
                depth -= 1
            elif (
                (self.is_punct(j, ";") and depth == 0)
                or self.is_container_sep(j)
                or (t.kind == "slash" and t.space and j > i)
            ):
                return j
            elif (
                self.is_punct(j, ".")
                and j + 1 < end
                and self.toks[j + 1].space
                and self.toks[j + 1].kind == "word"
                and self.toks[j + 1].text[0].islower()
            ):
                raise _Fail("a sentence, not a title", j + 1)
            elif self.gost_boundary(j, i) and self.gost_marker(j, end):
                k = j - 1
                if self.toks[k].kind == "dash":
                    k -= 1
                return k
            j += 1
        if j - i >= _MAX_TITLE:
            raise _Fail("no end of the title", i)
        return j

    def is_container_sep(self, j: int) -> bool:
        """ "//" between spaces (not the "//" of an address)."""
        t = self.tok(j)
        nxt = self.tok(j + 1)
        return t is not None and t.kind == "dslash" and t.space and (nxt is None or nxt.space)

    def gost(self, i: int, end: int, find: bool) -> _Result:
        first = i
        f = _Fields()
        # authors
        j = i
        while True:
            k = self.gost_name_at(j, end)
            if k is None:
                break
            f.authors.append(self.person(j, k))
            j = k
            if self.is_punct(j, ",") and self.gost_name_at(j + 1, end) is not None:
                j += 1
                continue
            break
        if f.authors and self.is_punct(j, ".") and self.toks[j - 1].kind != "punct":
            j += 1  # "О. В. Хлевнюк. Политбюро"
        title_start = j
        t = self.tok(j)
        if t is None or j >= end:
            raise _Fail("no title", j)
        if not (t.text[0].isupper() or t.kind in {"quote", "num"}):
            raise _Fail("a title starts with a capital letter", j)
        if self.word(j) in _IBID and self.word(j + 1) in {"же", ""}:
            raise _Fail("a short form (ibid.), not a publication", j)
        title_end = self.gost_text_until_field(j, end)
        if title_end <= title_start:
            raise _Fail("no title", j)
        f.title = _clean_title(self.span_text(title_start, self.keep_abbreviation(title_end)))
        k = title_end
        last = title_end
        pages_done = False
        steps = 0
        while k < end and steps < _MAX_FIELDS:
            steps += 1
            tk = self.toks[k]
            if tk.kind == "punct" and tk.text in ".,":
                k += 1
                continue
            if tk.kind == "dash" and self.is_punct(k - 1, "."):
                k += 1
                continue
            if self.is_punct(k, ";") or tk.kind == "close":
                break
            if pages_done and find:
                break
            if self.is_container_sep(k) and f.container is None:
                c_start = k + 1
                if self.archival_at(c_start, end) is not None:
                    raise _Fail("an archival reference after '//', not a publication", c_start)
                c_end = self.gost_text_until_field(c_start, end)
                if c_end <= c_start:
                    raise _Fail("no title after '//'", k)
                f.container = _clean_title(self.span_text(c_start, self.keep_abbreviation(c_end)))
                k = last = c_end
                continue
            if tk.kind == "slash":
                r_end = self.gost_text_until_field(k + 1, end)
                self.responsibility(f, k + 1, r_end)
                k = last = r_end
                continue
            found = self.place_at(k, end) if self.gost_boundary(k, first) else None
            if found is not None and f.place is None:
                self.apply_place(f, k, found)
                k = last = found[3]
                continue
            y_end = self.year_field_at(k, end)
            if y_end is not None and f.date is None:
                f.date = PartialDate(year=_year_value(tk), text=tk.text)
                k = last = y_end
                continue
            # "5 марта" after the year: the day of a newspaper
            if (
                tk.kind == "num"
                and f.date is not None
                and f.date.month is None
                and self.word(k + 1) in _MONTHS
            ):
                d = _date_from(self.text, [tk, self.toks[k + 1]])
                if d is None:
                    d = PartialDate(year=None)
                f.date = attrs.evolve(
                    f.date,
                    month=_MONTHS[self.word(k + 1)],
                    day=int(tk.text) if int(tk.text) <= 31 else None,
                )
                k = last = k + 2
                continue
            labelled = False
            for labels, attr in (
                (_PAGES, "pages"),
                (_VOLUME, "volume"),
                (_ISSUE, "issue"),
            ):
                lk = self.label(k, labels)
                if lk is None or lk >= end:
                    continue
                got = self.pages_at(lk) if attr == "pages" else self.value_at(lk)
                if got is None:
                    continue
                if getattr(f, attr) is None:
                    setattr(f, attr, got[0])
                else:
                    f.unparsed.append((k, got[1]))
                k = last = got[1]
                labelled = True
                pages_done = pages_done or attr == "pages"
                break
            if labelled:
                continue
            # an unknown piece: up to the next field separator
            if find:
                break
            u_end = k + 1
            while u_end < end and not (
                self.is_punct(u_end, ";")
                or self.toks[u_end].kind == "close"
                or (self.is_punct(u_end, ".") and self.sentence_end(u_end))
            ):
                u_end += 1
                if u_end - k > _MAX_FIELDS:
                    break
            f.unparsed.append((k, u_end))
            k = last = u_end
        # what kind of work
        if f.container is not None:
            f.kind = "chapter" if f.place is not None else "article"
            if f.date is not None and f.date.day is not None and f.volume is None:
                f.kind = "newspaper"
        elif f.place is not None:
            f.kind = "document-collection" if self.collection_of(f.title) else "book"
        elif f.date is not None and (f.issue is not None or f.volume is not None):
            f.kind = "article"
            f.container, f.title = f.title, None
        elif f.date is not None and f.date.day is not None:
            f.kind = "newspaper"
            f.container, f.title = f.title, None
        else:
            raise _Fail(
                "no place and year, '//' or journal issue: not a publication reference",
                title_start,
            )
        return self.result(f, first, last)

    def responsibility(self, f: _Fields, i: int, j: int) -> None:
        """The statement after "/": editors ("под ред."), compilers, translators."""
        k = i
        while k < j:
            w = self.word(k)
            target: list[Person] | None = None
            if w in {"под", "ed", "eds", "edited", "сост", "отв"}:
                target = f.editors
            elif w in _TRANSLATOR or w == "translated":
                target = f.translators
            if target is None:
                break
            k += 1
            while k < j and (
                self.word(k) in {"ред", "by", "с", "англ", "нем", "франц", "пер"}
                or self.is_punct(k, ".:")
            ):
                k += 1
            got = self.names_list(k, j)
            if got is None:
                break
            target.extend(got[0])
            k = got[1]
            while k < j and self.is_punct(k, ";,"):
                k += 1
        if k < j:
            f.unparsed.append((k, j))

    def collection_of(self, title: str | None) -> _Collection | None:
        if not title:
            return None
        _, collections = _data()
        folded = title.casefold()
        for c in collections:
            if folded.startswith(c.title.casefold()):
                return c
        return None

    # ------------------------------------------------------------------ Chicago

    def quoted_at(self, i: int, end: int) -> tuple[int, int, int] | None:
        """A quoted title at ``i``: (first token inside, close quote, index after it)."""
        t = self.tok(i)
        if t is None or t.kind != "quote" or t.text not in _OPENING_QUOTES:
            return None
        closing = _OPENING_QUOTES[t.text]
        j = i + 1
        while j < end and j - i < _MAX_HEAD:
            tj = self.toks[j]
            if tj.kind == "quote" and (
                closing in {tj.text, '"'} or (t.text == "“" and tj.text == '"')
            ):
                return i + 1, j, j + 1
            j += 1
        return None

    def italic_at(self, i: int, end: int) -> tuple[int, int, int] | None:
        t = self.tok(i)
        if t is None or t.kind != "star":
            return None
        j = i + 1
        while j < end and j - i < _MAX_HEAD:
            if self.toks[j].kind == "star" and self.toks[j].text == t.text:
                return (i + 1, j, j + 1) if j > i + 1 else None
            j += 1
        return None

    def pubfacts_at(self, i: int) -> tuple[int, int, int | None, int] | None:
        """ "(Place: Publisher, Year)" at ``i`` (an open paren): as :meth:`place_at`."""
        close = self.close_of.get(i)
        if close is None or close - i > _MAX_PAREN:
            return None
        found = self.place_at(i + 1, close)
        if found is None or found[3] != close:
            return None
        return found

    def field_start(self, j: int, end: int) -> bool:
        """After a comma: does a field (not more title) start at ``j``?"""
        w = self.word(j)
        if w in _VOLUME | _ISSUE | _PAGES | _EDITOR | _TRANSLATOR:
            return self.label(j, _VOLUME | _ISSUE | _PAGES) is not None or w in (
                _EDITOR | _TRANSLATOR
            )
        if w in {"edited", "translated"}:
            return True
        if w in _NUMBER:
            lk = self.label(j, _NUMBER)
            return lk is not None and self.value_at(lk) is not None
        if w in _PAPER_KINDS and self.word(j + 1) in _PAPER:
            return True
        return self.year_field_at(j, end) is not None

    def chicago(self, i: int, end: int, find: bool) -> _Result:
        first = i
        f = _Fields()
        t = self.tok(i)
        if t is None:
            raise _Fail("empty", i)
        title_kind: Literal["quoted", "italic", "plain", "none"]
        j = i
        got = None
        if t.kind not in {"quote", "star", "open"}:
            got = self.chicago_authors(i, end)
        if got is not None and self.is_punct(got[2], ",") and self.tok(got[2] + 1) is not None:
            names, editors, after = got
            nxt = self.toks[after + 1]
            if nxt.kind in {"quote", "star"} or (nxt.kind == "word" and nxt.text[0].isupper()):
                (f.editors if editors else f.authors).extend(names)
                j = after + 1
        elif got is not None and got[2] < end and self.toks[got[2]].kind in {"quote", "star"}:
            names, editors, after = got  # a missing comma before the title
            (f.editors if editors else f.authors).extend(names)
            j = after
        quoted = self.quoted_at(j, end)
        italic = self.italic_at(j, end)
        if quoted is not None:
            title_kind = "quoted"
            f.title = _clean_title(self.span_text(quoted[0], quoted[1]))
            k = quoted[2]
        elif italic is not None:
            title_kind = "italic"
            f.title = _clean_title(self.span_text(italic[0], italic[1]))
            k = italic[2]
        elif self.toks[j].kind == "open" and self.pubfacts_at(j) is not None:
            title_kind = "none"
            k = j
        else:
            title_kind = "plain"
            k = self.plain_title(f, j, end)
        if title_kind in {"quoted", "plain"} and not f.title:
            raise _Fail("no title", j)
        collection = self.collection_of(f.title)
        last = k
        strong = collection is not None
        k, last = self.chicago_fields(f, k, end, find, title_kind, last=last, strong=strong)
        # what kind of work
        if f.kind is None:
            if collection is not None:
                f.kind = "document-collection"
            elif f.container is not None and f.place is not None:
                f.kind = "chapter"
            elif f.container is not None:
                if f.date is None and f.volume is None and f.issue is None and f.pages is None:
                    raise _Fail("a journal without date, volume, number or pages", j)
                is_day = f.date is not None and f.date.day is not None
                if is_day and f.volume is None and f.issue is None:
                    f.kind = "newspaper"
                else:
                    f.kind = "article"
            elif f.place is not None:
                f.kind = "book"
            elif title_kind == "italic" and f.date is not None and (f.issue or f.volume):
                f.kind = "article"  # a whole issue of a journal
                f.container, f.title = f.title, None
            else:
                raise _Fail("no journal, publication facts or series: not a publication", j)
        if title_kind == "quoted" and f.kind == "book":
            f.kind = "unknown"
        return self.result(f, first, last)

    def plain_title(self, f: _Fields, i: int, end: int) -> int:
        """An unquoted title (a book, a collection of documents), with any author before it."""
        t = self.tok(i)
        if t is None or not (t.text[0].isupper() or t.kind == "num"):
            raise _Fail("a title starts with a capital letter", i)
        j = i
        depth = 0
        while True:
            j = self.next_plain_event(j)
            if j >= end or j - i >= _MAX_HEAD:
                j = min(j, end)
                break
            tj = self.toks[j]
            if tj.kind in {"star", "quote"}:
                raise _Fail("a title inside the text", j)
            if j > i and _marker_at(self, j) is not None:
                raise _Fail("a sentence, not a title", j)
            if (self.word(j) in _MONTHS and self.tok(j + 1) and self.toks[j + 1].kind == "num") or (
                tj.kind == "num" and self.word(j + 1) in _MONTHS
            ):
                raise _Fail("a date inside a title", j)
            if tj.kind == "open":
                if self.pubfacts_at(j) is not None or self.paren_date(j) is not None:
                    break
                close = self.close_of.get(j)
                if close is None or close - j > 6:
                    break
                depth += 1
            elif tj.kind == "close":
                if depth == 0:
                    break
                depth -= 1
            elif self.is_punct(j, ";"):
                break
            elif self.is_punct(j, ",") and self.field_start(j + 1, end):
                years = self.collection_years(i, j, end)
                if years is None:
                    break
                j = years
                continue
            elif self.sentence_end(j):
                break
            j += 1
        if j - i >= _MAX_HEAD:
            raise _Fail("no end of the title", i)
        head_end = j
        # a collection of documents, with the institution that published it before it
        _, collections = _data()
        head = self.span_text(i, head_end)
        folded = head.casefold()
        start_tok = i
        for c in collections:
            pos = folded.find(c.title.casefold())
            if pos > 0:
                before = head[:pos].rstrip(" ,")
                cut = self.toks[i].start + pos
                start_tok = next(k for k in range(i, head_end) if self.toks[k].start >= cut)
                if not self.institution_like(i, start_tok):
                    raise _Fail("a sentence before a collection of documents", i, start_tok)
                if before:
                    f.authors.append(Person(literal=before, text=before))
                break
        else:
            k = self.name_at(i, head_end) if not (f.authors or f.editors) else None
            if k is not None and self.is_punct(k, ",") and self.is_upper_word(k + 1):
                f.authors.append(self.person(i, k))
                start_tok = k + 1
        f.title = _clean_title(self.span_text(start_tok, head_end))
        return head_end

    def collection_years(self, i: int, comma: int, end: int) -> int | None:
        """ "Foreign Relations of the United States, 1945": the years belong to the title.

        ``comma`` is the comma after the head ``i``..``comma``; returns the index
        after the years when the head is such a collection, else ``None``.
        """
        y = comma + 1
        if _year_value(self.toks[y]) is None:
            return None
        head = self.span_text(i, comma).casefold()
        _, collections = _data()
        if not any(c.years_in_title and head.endswith(c.title.casefold()) for c in collections):
            return None
        after = y + 1
        if (
            after + 1 < end
            and self.toks[after].kind == "dash"
            and self.toks[after + 1].kind == "num"
        ):
            after += 2
        return after

    def institution_like(self, i: int, j: int) -> bool:
        """Tokens ``i``..``j`` could name an institution ("U.S. Department of State, ")."""
        if j - i > 12:
            return False
        for k in range(i, j):
            t = self.toks[k]
            if (
                t.kind == "word"
                and t.text[0].islower()
                and t.text
                not in {
                    "of",
                    "the",
                    "for",
                    "and",
                    "on",
                    "de",
                    "du",
                    "des",
                    "für",
                }
            ):
                return False
            if t.kind not in {"word", "punct", "dash"} or self.is_punct(k, ";:"):
                return False
        return True

    def bare_date_at(self, k: int, end: int) -> tuple[PartialDate, int] | None:
        """A date outside parentheses: "November 23, 1943", "9 November 1989"."""
        t = self.tok(k)
        w = self.word(k)
        if t is None or not (
            w in _MONTHS
            or w in _SEASONS
            or (t.kind == "num" and len(t.text) <= 2 and self.word(k + 1) in _MONTHS)
        ):
            return None
        j = k
        while j < end and j - k < 7:
            if _year_value(self.toks[j]) is not None:
                date = _date_from(self.text, self.toks[k : j + 1])
                return (date, j + 1) if date is not None else None
            if self.toks[j].kind in {"open", "close", "quote", "star"} or self.is_punct(j, ";:"):
                return None
            j += 1
        return None

    def chicago_fields(
        self,
        f: _Fields,
        k: int,
        end: int,
        find: bool,
        title_kind: str,
        *,
        last: int,
        strong: bool = False,
    ) -> tuple[int, int]:
        """The fields after a title, from ``k``: (where reading stopped, end of the reference).

        ``strong`` says the title alone shows a publication (a collection of documents).
        """
        steps = 0
        after_title = True
        while k < end and steps < _MAX_FIELDS:
            steps += 1
            tk = self.toks[k]
            if self.is_punct(k, ","):
                k += 1
                continue
            if self.is_punct(k, ";"):
                break
            if self.is_punct(k, "."):
                if k + 1 >= end or self.toks[k + 1].space:
                    break  # the end of the reference
                k += 1
                continue
            if self.is_punct(k, ":") and self.pages_at(k + 1) is not None:
                pg = self.pages_at(k + 1)
                assert pg is not None
                f.pages = f.pages or pg[0]
                k = last = pg[1]
                continue
            w = self.word(k)
            # "in Book Title": a chapter
            if w == "in" and after_title and title_kind == "quoted":
                c_start = k + 1
                eds = self.chicago_authors(c_start, end)
                if eds is not None and eds[1]:
                    f.editors.extend(eds[0])
                    c_start = eds[2] + 1 if self.is_punct(eds[2], ",") else eds[2]
                italic = self.italic_at(c_start, end)
                if italic is not None:
                    f.container = _clean_title(self.span_text(italic[0], italic[1]))
                    k = last = italic[2]
                else:
                    c_end = self.container_end(c_start, end, subtitle=True)
                    f.container = _clean_title(self.span_text(c_start, c_end))
                    k = last = c_end
                f.kind = "chapter"
                after_title = False
                continue
            if w in _PAPER_KINDS and self.word(k + 1) in _PAPER:
                f.kind = "working-paper"
                lk = self.label(k + 2, _ISSUE)
                got = self.value_at(lk) if lk is not None else None
                if got is not None:
                    f.number = got[0]
                    k = last = got[1]
                else:
                    k = last = k + 2
                continue
            if (w in {"edited", "translated"} and self.word(k + 1) == "by") or (
                w in _EDITOR | _TRANSLATOR and self.label(k, _EDITOR | _TRANSLATOR) is not None
            ):
                start_names = k + 2 if self.word(k + 1) == "by" else k + 1
                if self.is_punct(start_names, "."):
                    start_names += 1
                names = self.names_list(start_names, end)
                if names is not None:
                    target = f.translators if w in _TRANSLATOR or w == "translated" else f.editors
                    target.extend(names[0])
                    k = last = names[1]
                    continue
            bare = self.bare_date_at(k, end)
            if bare is not None:
                if f.date is None:
                    f.date = bare[0]
                else:
                    f.unparsed.append((k, bare[1]))
                k = last = bare[1]
                after_title = False
                continue
            if (
                tk.kind == "word"
                and _is_roman(tk.text)
                and tk.text.isupper()
                and f.volume is None
                and self.is_punct(k - 1, ",")
                and (self.tok(k + 1) is None or self.toks[k + 1].kind == "punct")
            ):
                f.volume = tk.text
                k = last = k + 1
                continue
            done = False
            for labels, attr in (
                (_VOLUME, "volume"),
                (_ISSUE, "issue"),
                (_PAGES, "pages"),
                (_NUMBER, "number"),
            ):
                lk = self.label(k, labels)
                if lk is None:
                    continue
                got = self.pages_at(lk) if attr == "pages" else self.value_at(lk)
                if got is None:
                    continue
                field = attr
                if attr == "issue" and f.kind == "working-paper" and f.number is None:
                    field = "number"
                if getattr(f, field) is None:
                    setattr(f, field, got[0])
                else:
                    f.unparsed.append((k, got[1]))
                k = last = got[1]
                done = True
                break
            if done:
                after_title = False
                continue
            if tk.kind == "open":
                close = self.close_of.get(k)
                pf = self.pubfacts_at(k)
                if pf is not None and f.place is None:
                    self.apply_place(f, k + 1, pf)
                    k = last = pf[3] + 1
                    after_title = False
                    continue
                dt = self.paren_date(k)
                if dt is not None and f.date is None:
                    f.date = dt[0]
                    k = last = dt[1]
                    after_title = False
                    continue
                if close is None:
                    break
                nxt = close + 1
                followed = self.tok(nxt) is not None and self.toks[nxt].kind == "open"
                if find and not (followed and (self.pubfacts_at(nxt) or self.paren_date(nxt))):
                    break
                f.unparsed.append((k, close + 1))
                k = last = close + 1
                continue
            if tk.kind == "num":
                y_end = self.year_field_at(k, end)
                if y_end is not None and f.date is None:
                    f.date = PartialDate(year=_year_value(tk), text=tk.text)
                    k = last = y_end
                    continue
                if (
                    f.container is not None
                    and f.volume is None
                    and last == k
                    and not self.is_punct(k - 1, ",:")
                ):
                    got = self.value_at(k)
                    if got is not None:
                        f.volume = got[0]
                        k = last = got[1]
                        continue
                pg = self.pages_at(k)
                if pg is not None and self.is_punct(k - 1, ","):
                    f.pages = f.pages or pg[0]
                    k = last = pg[1]
                    continue
            if tk.kind == "star" and f.container is None and title_kind == "quoted":
                italic = self.italic_at(k, end)
                if italic is not None:
                    f.container = _clean_title(self.span_text(italic[0], italic[1]))
                    k = last = italic[2]
                    after_title = False
                    continue
            if tk.kind == "word" and tk.text[0].isupper():
                c_end = self.container_end(k, end)
                if c_end > k:
                    text = _clean_title(self.span_text(k, c_end))
                    if f.container is None and title_kind == "quoted" and f.kind is None:
                        f.container = text
                        k = last = c_end
                        after_title = False
                        continue
                    if f.collection is None and f.kind == "working-paper":
                        f.collection = text
                        k = last = c_end
                        continue
            # an unknown piece, up to the next comma or full stop
            if find:
                if self.is_punct(k - 1, ",") and f.place is None and not strong:
                    raise _Fail("the note goes on after what looked like a publication", k)
                break
            u_end = k + 1
            while u_end < end and not (
                self.is_punct(u_end, ",;")
                or self.toks[u_end].kind in {"open", "close"}
                or self.sentence_end(u_end)
            ):
                u_end += 1
                if u_end - k > _MAX_FIELDS:
                    break
            if u_end == k + 1 and self.is_punct(u_end, ".") and not self.toks[u_end].space:
                u_end += 1  # a label without its value: "vol."
            f.unparsed.append((k, u_end))
            k = last = u_end
        return k, last

    def container_end(self, i: int, end: int, subtitle: bool = False) -> int:
        """The end of a journal or book title written without quotes or italics.

        A book's title may have a subtitle after a colon (``subtitle``).
        """
        j = i
        while j < end and j - i < _MAX_HEAD:
            t = self.toks[j]
            if t.kind in {"open", "close", "quote", "star"} or self.is_punct(j, ",;"):
                break
            if self.is_punct(j, ":") and not (subtitle and self.is_upper_word(j + 1)):
                break
            if t.kind == "num" and j > i:
                break
            if self.sentence_end(j):
                break
            w = self.word(j)
            if j > i and w in _VOLUME | _ISSUE | _PAGES:
                lk = self.label(j, _VOLUME | _ISSUE | _PAGES)
                if lk is not None and self.value_at(lk) is not None:
                    break
            if j > i and w in _PAPER_KINDS and self.word(j + 1) in _PAPER:
                break
            j += 1
        return j

    # ------------------------------------------------------------------ both

    def result(self, f: _Fields, first: int, last: int) -> _Result:
        assert f.kind is not None
        text = self.span_text(first, last)
        spans = tuple((self.toks[a].start, self.toks[b - 1].end) for a, b in f.unparsed if b > a)
        work = PublishedWork(
            kind=f.kind,
            authors=tuple(f.authors),
            editors=tuple(f.editors),
            translators=tuple(f.translators),
            title=f.title or None,
            container_title=f.container or None,
            collection_title=f.collection or None,
            volume=f.volume,
            issue=f.issue,
            number=f.number,
            date=f.date,
            pages=f.pages,
            publisher=f.publisher or None,
            place=f.place or None,
            place_normalised=f.place_normalised,
            language=guess_language(f.title or None, f.container or None),
            text=text,
            unparsed=tuple(self.text[a:b] for a, b in spans),
        )
        return _Result(work, first, last, spans)

    def parse_at(self, i: int, end: int, find: bool) -> _Result:
        """The best reading of a publication starting at token ``i``."""
        if self.archival_at(i, end) is not None:
            k = self.archival_at(i, end)
            assert k is not None
            end_tok = k + 2 if self.is_punct(k + 1, ".") else k + 1
            raise _Fail("an archival reference, not a publication", k, end_tok)
        errors: list[_Fail] = []
        results: list[_Result] = []
        for reader in (self.gost, self.chicago):
            try:
                results.append(reader(i, end, find))
            except _Fail as exc:
                errors.append(exc)
        if not results:
            raise max(errors, key=lambda e: e.tok)
        # the reading that understood the most: fewest unparsed pieces, then longest
        return min(results, key=lambda r: (len(r.work.unparsed), -r.last))


# --------------------------------------------------------------------------- parse


def parse(text: str) -> PublishedWork:
    """Parse one publication reference; raise :class:`ParseError` if ``text`` is not one.

    Surrounding whitespace and the final full stop are not part of the
    reference. Pieces that are not understood are kept in ``unparsed``.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes a str, not {type(text).__name__}")
    p = _Parser(text)
    n = len(p.toks)
    if n == 0:
        raise ParseError("empty text is not a publication reference", text, 0, len(text))
    try:
        res = p.parse_at(0, n, find=False)
    except _Fail as exc:
        tok = p.tok(exc.tok)
        last = p.tok(min(exc.end_tok, n) - 1)
        start = tok.start if tok is not None else len(text)
        end = last.end if last is not None and tok is not None else len(text)
        raise ParseError(exc.message, text, start, end) from None
    work = res.work
    rest = res.last
    while rest < n and p.is_punct(rest, ".;,"):
        rest += 1
    if rest < n:
        tail = text[p.toks[rest].start :].strip()
        work = attrs.evolve(work, unparsed=(*work.unparsed, tail))
    return attrs.evolve(work, text=text.strip())


# --------------------------------------------------------------------------- find

# Words that introduce a publication, as casefolded token texts; each may be
# followed by a colon, which belongs to the marker.
_MARKERS: tuple[tuple[tuple[str, ...], Relation], ...] = (
    (("published", "in"), "published-in"),
    (("also", "published", "in"), "published-in"),
    (("reprinted", "in"), "published-in"),
    (("is", "published", "in"), "published-in"),
    (("printed", "in"), "published-in"),
    (("is", "printed", "in"), "published-in"),
    (("опубликовано",), "published-in"),
    (("опубликован",), "published-in"),
    (("опубл",), "published-in"),
    (("quoted", "in"), "quoted-in"),
    (("cited", "in"), "quoted-in"),
    (("цит", "по"), "quoted-in"),
    (("цит", ".", "по"), "quoted-in"),
    (("цит", "по"), "quoted-in"),
    (("see", "also"), "see-also"),
    (("see", "for", "example"), "see"),
    (("see", "e", ".", "g", "."), "see"),
    (("see",), "see"),
    (("cf", "."), "see"),
    (("см", ".", "также"), "see-also"),
    (("см", "."), "see"),
    (("source",), "source"),
    (("источник",), "source"),
)

_MARKERS_BY_FIRST: dict[str, list[tuple[tuple[str, ...], Relation]]] = {}
for _words, _relation in _MARKERS:
    _MARKERS_BY_FIRST.setdefault(_words[0], []).append((_words, _relation))

_CREDIT_VERBS: dict[str, CreditRole] = {
    "translated": "translator",
    "translation": "translator",
    "contributed": "contributor",
    "obtained": "contributor",
    "edited": "editor",
}


def _token_text(t: _Tok) -> str:
    return t.text.casefold()


def _marker_at(p: _Parser, i: int) -> tuple[Relation, int] | None:
    """Words that introduce a publication at ``i``: the relation and the index after them."""
    toks = p.toks
    if i >= len(toks):
        return None
    for words, relation in _MARKERS_BY_FIRST.get(_token_text(toks[i]), ()):
        j = i
        ok = True
        for w in words:
            if j < len(toks) and _token_text(toks[j]) == w:
                j += 1
            else:
                ok = False
                break
        if not ok:
            continue
        if words[0] in {"опубликовано", "опубликован", "опубл"}:
            # "Опубликовано без указания места хранения:" -- up to the colon
            k = j
            while k < len(toks) and k - j < 12 and not p.is_punct(k, ":;"):
                k += 1
            if not p.is_punct(k, ":"):
                if p.is_punct(j, "."):
                    return relation, j + 1
                return None
            j = k
        if p.is_punct(j, ":"):
            j += 1
        elif words in {("source",), ("источник",)} or (
            words == ("see",) and not (j < len(toks) and toks[j].kind in {"word", "quote", "star"})
        ):
            return None
        return relation, j
    return None


def _credit_at(p: _Parser, i: int, end: int) -> tuple[list[CreditMatch], int] | None:
    """ "Translated for NKIDP by Gary Goldberg", "Contributed by X and translated by Y"."""
    out: list[CreditMatch] = []
    j = i
    while True:
        role = _CREDIT_VERBS.get(p.word(j))
        if role is None:
            break
        k = j + 1
        org: str | None = None
        if p.word(k) == "for":
            o = k + 1
            while o < end and o - k < 10 and p.word(o) != "by":
                o += 1
            if p.word(o) != "by":
                break
            org = p.span_text(k + 1, o)
            k = o
        if p.word(k) != "by":
            break
        names = p.names_list(k + 1, end)
        if names is None:
            break
        for person in names[0]:
            out.append(
                CreditMatch(
                    Credit(role, person, org, text=p.span_text(j, names[1])),
                    p.toks[j].start,
                    p.toks[names[1] - 1].end,
                )
            )
        j = names[1]
        if p.word(j) == "and" and p.word(j + 1) in _CREDIT_VERBS:
            j += 1
            continue
        break
    if not out:
        return None
    return out, j


class _Finder:
    def __init__(self, text: str) -> None:
        self.p = _Parser(text)
        self.text = text

    def marker_at(self, i: int) -> tuple[Relation, int] | None:
        return _marker_at(self.p, i)

    def credit_at(self, i: int, end: int) -> tuple[list[CreditMatch], int] | None:
        return _credit_at(self.p, i, end)

    def skip_archival(self, i: int, end: int) -> int:
        """Past an archival reference: to the next ";", paren, marker or new sentence."""
        p = self.p
        j = i
        while j < end:
            t = p.toks[j]
            if p.is_punct(j, ";") or t.kind in {"open", "close"}:
                return j
            if j > i and p.is_punct(j - 1, ".") and t.kind == "word":
                if self.marker_at(j) is not None or self.credit_at(j, end) is not None:
                    return j
                if (
                    t.text[0].isupper()
                    and p.word(j) not in _ARCHIVAL_LABELS
                    and (p.archival_at(j, min(end, j + 4)) is None)
                ):
                    return j
            j += 1
        return j

    def run(self, start: int = 0, stop: int | None = None) -> list[Match]:
        """Publications and credits from token ``start`` to ``stop``, in one pass."""
        p = self.p
        toks = p.toks
        n = len(toks) if stop is None else stop
        out: list[Match] = []
        relation: tuple[Relation, int] | None = None  # and the token it applies to
        i = start
        candidate = True
        while i < n:
            t = toks[i]
            end = min(p.limit[i], n)
            m = self.marker_at(i)
            if m is not None:
                relation = m
                i = m[1]
                candidate = True
                continue
            c = self.credit_at(i, end)
            if c is not None:
                out.extend(c[0])
                i = c[1]
                candidate = False
                continue
            if t.kind in {"open", "close"} or (t.kind == "punct" and t.text in ";:"):
                i += 1
                candidate = t.kind != "close"
                continue
            if t.kind == "mark" or (t.kind == "other" and t.text in _NOTE_MARKS):
                i += 1
                candidate = True
                continue
            if (
                candidate
                or t.kind == "star"
                or i == start
                or p.is_punct(i - 1, ".")
                or "\n" in self.text[toks[i - 1].end : t.start]
            ):
                if p.archival_at(i, end) is not None:
                    i = self.skip_archival(i, end)
                    candidate = False
                    continue
                try:
                    res = p.parse_at(i, end, find=True)
                except _Fail:
                    res = None
                if res is not None and res.last > i:
                    rel = relation[0] if relation is not None and relation[1] == i else None
                    out.append(self.match(res, rel))
                    i = res.last
                    candidate = True
                    continue
            candidate = False
            i += 1
        return out

    def match(self, res: _Result, relation: Relation | None) -> PublishedMatch:
        p = self.p
        start = p.toks[res.first].start
        end = p.toks[res.last - 1].end
        diagnostics = tuple(
            Diagnostic(
                code="PUB101",
                message="part of a publication reference not recognised",
                severity=RULES["PUB101"][0],
                start=a,
                end=b,
                text=self.text[a:b],
            )
            for a, b in res.unparsed_spans
        )
        work = attrs.evolve(res.work, text=self.text[start:end])
        return PublishedMatch(work, start, end, relation, diagnostics)


def find(text: str) -> list[Match]:
    """Every publication and credit in ``text``, in order, with spans into ``text``.

    >>> [m.work.kind for m in find("RGIA, f. 776, op. 8, d. 2015, l. 3; Werner Benecke, "
    ...     "“Die Allgemeine Wehrpflicht in Russland,” Journal of Modern European History 5, "
    ...     "no. 2 (2007): 250–51; Pavel Ivanov, “A. S. Prokhanov,” Sovremennoe slovo "
    ...     "(April 6, 1912).")]
    ['article', 'newspaper']
    """
    return _Finder(text).run()


def find_source_notes(text: str) -> list[SourceNote]:
    """Every "[Source: ...]" note in ``text`` (or "Source: ..." up to the end of its line)."""
    finder = _Finder(text)
    p = finder.p
    toks = p.toks
    out: list[SourceNote] = []
    for i, t in enumerate(toks):
        if p.word(i) not in {"source", "источник"} or not p.is_punct(i + 1, ":"):
            continue
        opened = i > 0 and toks[i - 1].kind == "open"
        if opened:
            stop = p.close_of.get(i - 1, len(toks))
        else:
            stop = i + 2
            while stop < len(toks) and "\n" not in text[toks[stop - 1].end : toks[stop].start]:
                stop += 1
        body = i + 2
        matches = finder.run(body, stop)
        pubs = tuple(m for m in matches if isinstance(m, PublishedMatch))
        credits = tuple(m for m in matches if isinstance(m, CreditMatch))
        a_start: int | None = None
        a_end: int | None = None
        if body < stop and p.archival_at(body, stop) is not None:
            a_last = body
            while a_last < stop and not (
                (a_last > body and finder.marker_at(a_last) is not None)
                or finder.credit_at(a_last, stop) is not None
                or p.is_punct(a_last, ";")
            ):
                a_last += 1
            k = a_last - 1
            while k > body and toks[k].kind == "punct":
                k -= 1
            a_start, a_end = toks[body].start, toks[k].end
        start = toks[i - 1].start if opened else t.start
        end = toks[stop].end if opened and stop < len(toks) else toks[stop - 1].end
        out.append(SourceNote(start, end, a_start, a_end, pubs, credits))
    return out
