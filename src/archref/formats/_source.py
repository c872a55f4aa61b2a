"""CSL-JSON items as citeproc-py references.

citeproc-py's own reader (``citeproc.source.json.CiteProcJSON``) lower-cases
item ids, drops dates given as ``{"raw": ...}``, reads names only for the
variables it lists, files hyphenated variables under one spelling only and
keeps rich text (``<i>``, ``<b>``...) as raw characters. This reader keeps
ids as they are, parses raw dates, takes any list of name objects as names,
files each variable under both spellings (``collection-editor`` and
``collection_editor``), and turns rich text into archref's neutral markup.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterable, Mapping
from typing import Any, Final

from citeproc.source import (
    BibliographySource,
    Date,
    DateRange,
    LiteralDate,
    Name,
    Reference,
)
from citeproc.string import MixedString, NoCase, String

from archref.formats import _markup as mk

_RENAMED: Final = {
    "shortTitle": "title-short",
    "journalAbbreviation": "container-title-short",
}
_SKIPPED: Final = frozenset({"id", "type", "key"})

#: CSL 1.0.2 date variables: a CSL-JSON date object each.
DATE_VARIABLES: Final = frozenset(
    {"accessed", "available-date", "event-date", "issued", "original-date", "submitted"}
)
#: CSL 1.0.2 name variables (with the spellings CSL-JSON uses): a list of names each.
NAME_VARIABLES: Final = frozenset(
    {
        "author", "chair", "collection-editor", "compiler", "composer", "container-author",
        "contributor", "curator", "director", "editor", "editor-translator", "editorial-director",
        "executive-producer", "guest", "host", "illustrator", "interviewer", "narrator",
        "organizer", "original-author", "performer", "producer", "recipient", "reviewed-author",
        "script-writer", "series-creator", "translator",
    }
)  # fmt: skip

#: CSL 1.0.2 standard and number variables: text or a number each.
TEXT_VARIABLES: Final = frozenset(
    {
        "abstract", "annote", "archive", "archive-collection", "archive-location", "archive-place",
        "authority", "call-number", "chapter-number", "citation-key", "citation-label",
        "collection-number", "collection-title", "container-title", "container-title-short",
        "dimensions", "division", "DOI", "edition", "event", "event-title", "event-place",
        "first-reference-note-number", "genre", "ISBN", "ISSN", "issue", "jurisdiction", "keyword",
        "language", "license", "locator", "medium", "note", "number", "number-of-pages",
        "number-of-volumes", "original-publisher", "original-publisher-place", "original-title",
        "page", "page-first", "part-number", "part-title", "PMCID", "PMID", "printing-number",
        "publisher", "publisher-place", "references", "reviewed-genre", "reviewed-title", "scale",
        "section", "source", "status", "supplement-number", "title", "title-short", "URL",
        "version", "volume", "volume-title", "volume-title-short", "year-suffix",
    }
)  # fmt: skip

_MONTHS: Final = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_ISO_RE: Final = re.compile(r"^(-?\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_DMY_RE: Final = re.compile(r"^(?:(\d{1,2})\s+)?([A-Za-z]+)\.?,?\s+(\d{3,4})$")
_MDY_RE: Final = re.compile(r"^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{3,4})$")


def parse_raw_date(raw: str) -> list[list[int]] | None:
    """Date parts of a raw date string, or None when it cannot be read.

    Reads ISO dates (``1947-11-14``, ``1947-11``, ``1947``), ``14 November
    1947``, ``November 14, 1947``, ``November 1947``, and ranges of these
    joined by ``/``.

    >>> parse_raw_date("1948-12-06")
    [[1948, 12, 6]]
    >>> parse_raw_date("14 November 1947")
    [[1947, 11, 14]]
    >>> parse_raw_date("1950/1953")
    [[1950], [1953]]
    >>> parse_raw_date("spring, perhaps") is None
    True
    """
    parts = [part.strip() for part in raw.split("/")] if "/" in raw else [raw.strip()]
    if len(parts) > 2:
        return None
    out: list[list[int]] = []
    for part in parts:
        single = _parse_single(part)
        if single is None:
            return None
        out.append(single)
    return out


def _parse_single(text: str) -> list[int] | None:
    match = _ISO_RE.match(text)
    if match:
        return [int(group) for group in match.groups() if group is not None]
    match = _MDY_RE.match(text)
    if match and match.group(1).lower() in _MONTHS:
        return [int(match.group(3)), _MONTHS[match.group(1).lower()], int(match.group(2))]
    match = _DMY_RE.match(text)
    if match and match.group(2).lower() in _MONTHS:
        parts = [int(match.group(3)), _MONTHS[match.group(2).lower()]]
        if match.group(1):
            parts.append(int(match.group(1)))
        return parts
    return None


#: A space before a colon, semicolon, question or exclamation mark or a
#: closing guillemet, or after an opening guillemet, as French typography
#: writes them ("financière : Marx", "Cardinal !"): citeproc-js makes it a
#: narrow no-break space in every string it prints, whatever the language.
_SPACED_PUNCTUATION_RE: Final = re.compile(" (?=[:;?!\u00bb])|(?<=\u00ab) ")


def rich_string(value: Any) -> Any:
    """A citeproc-py string with neutral markup; no-case spans become NoCase.

    >>> str(rich_string("Les Charlots en folie: À nous quatre Cardinal !"))
    'Les Charlots en folie: À nous quatre Cardinal\u202f!'
    """
    text = _SPACED_PUNCTUATION_RE.sub("\u202f", mk.read_rich_text(str(value)))
    if mk.NOCASE[0] not in text:
        return MixedString([String(text)]) if text else String("")
    segments: list[Any] = []
    for index, piece in enumerate(re.split(f"[{mk.NOCASE[0]}{mk.NOCASE[1]}]", text)):
        if piece:
            segments.append(NoCase(piece) if index % 2 else String(piece))
    return MixedString(segments)


class ItemError(ValueError):
    """A CSL-JSON item whose field has a value of the wrong kind."""

    def __init__(self, key: str, field: str, problem: str) -> None:
        super().__init__(f"CSL-JSON item {key!r}, field {field!r}: {problem}")
        self.key = key
        self.field = field


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _names(value: list[Any]) -> list[Any]:
    names = []
    for data in value:
        if not isinstance(data, Mapping):
            continue
        parse = str(data.get("parse-names", "true")).lower() not in ("false", "0")
        clean = {key: mk.strip_markers(str(part)) for key, part in data.items() if part is not None}
        clean.pop("parse-names", None)
        if "literal" in clean:
            names.append(Name(literal=clean["literal"]))
        else:
            names.append(Name(**(parse_name(clean) if parse else clean)))
    return names


_GLUED_PARTICLE_RE: Final = re.compile(r"^([a-z\u00e0-\u00ff]{1,4}['\u2019-])(\w.*)$")


def _is_particle(word: str) -> bool:
    """A word in lower case ("van"), maybe with apostrophes ("'t", "d'")."""
    core = word.strip("'\u2019")
    return bool(core) and core[0].islower() and core.replace(".", "").isalpha()


def _apostrophes(particle: str) -> str:
    return particle.replace("'", "\u2019")


def parse_name(name: dict[str, str]) -> dict[str, str]:
    """A CSL-JSON name with particles and suffix read out of its parts, as citeproc-js reads them.

    Words in lower case before a family name are its non-dropping particle
    ("van der Vlist"), as is a short lower-case prefix joined to it by an
    apostrophe or a hyphen ("d\u2019Aubignac", "al-One"); words in lower
    case after the given name are its dropping particle ("Alexander von");
    what follows a comma in the given name is a suffix ("John, III"; after
    ",!", one printed after a comma). A family name in double quotes is
    taken as it is, without them. Parts given explicitly are kept.

    >>> parse_name({"family": "van der Vlist", "given": "Eric"})["non-dropping-particle"]
    'van der'
    >>> parse_name({"family": "Humboldt", "given": "Alexander von"})["dropping-particle"]
    'von'
    >>> parse_name({"family": '"Van Dyke"', "given": "Dick"})["family"]
    'Van Dyke'
    """
    out = dict(name)
    family = out.get("family", "")
    if len(family) > 1 and family.startswith('"') and family.endswith('"'):
        out["family"] = family[1:-1]
    elif family and "non-dropping-particle" not in out:
        words = family.split(" ")
        particles: list[str] = []
        while len(words) > 1 and _is_particle(words[0]):
            particles.append(words.pop(0))
        spaced = bool(particles)
        glued = _GLUED_PARTICLE_RE.match(words[0])
        if glued and not glued.group(2)[0].islower():
            particles.append(glued.group(1))
            words[0] = glued.group(2)
            spaced = False
        if particles:
            joined = " ".join(particles)
            if spaced and joined.endswith(("'", "\u2019")):
                joined += " "  # "de' Frinkle" keeps its space
            out["non-dropping-particle"] = _apostrophes(joined)
            out["family"] = " ".join(words)
    given = out.get("given", "")
    if given and "," in given and "suffix" not in out:
        first, _, rest = given.partition(",")
        rest = rest.strip()
        if rest.startswith("!"):
            rest = rest[1:].strip()
            out["comma-suffix"] = "true"
        if first.strip() and rest:
            out["given"] = given = first.strip()
            out["suffix"] = rest
    if given and "dropping-particle" not in out:
        words = given.split(" ")
        particles = []
        while len(words) > 1 and _is_particle(words[-1]):
            particles.insert(0, words.pop())
        if particles:
            out["dropping-particle"] = _apostrophes(" ".join(particles))
            out["given"] = " ".join(words)
    return out


def _date_parts(parts: Any) -> list[dict[str, int]]:
    """Year, month and day of each date; a month of 13 to 24 is a season.

    As citeproc-js reads them: 21 to 24 (and 13 to 20) are spring, summer,
    autumn and winter, with no day; a month out of range is left out with
    its day.
    """
    out = []
    for part in parts or []:
        values: dict[str, int] = {}
        for name, raw in zip(("year", "month", "day"), part, strict=False):
            try:
                values[name] = int(raw)
            except (TypeError, ValueError):
                break
        month = values.get("month")
        if month is not None and not 1 <= month <= 12:
            values.pop("month")
            values.pop("day", None)
            if 13 <= month <= 24:
                values["season"] = (month - 13) % 4 + 1
        if values.get("day") == 0:
            values.pop("day")
        if "year" in values:
            out.append(values)
    return out


def _date(value: Mapping[str, Any]) -> Any:
    circa = bool(value.get("circa"))
    dates = _date_parts(value.get("date-parts"))
    if not dates and isinstance(value.get("raw"), str):
        parsed = parse_raw_date(value["raw"])
        if parsed is None:
            return LiteralDate(value["raw"], circa=circa)
        dates = _date_parts(parsed)
    if dates:
        if "season" in value and "month" not in dates[0]:
            dates[0]["season"] = value["season"]
        if len(dates) == 1:
            return Date(circa=circa, **dates[0])
        return DateRange(begin=Date(**dates[0]), end=Date(**dates[1]), circa=circa)
    if "literal" in value:
        return LiteralDate(str(value["literal"]), circa=circa)
    return None


def _is_names(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, Mapping) for v in value)


def _is_date(value: Any) -> bool:
    return isinstance(value, Mapping) and bool({"date-parts", "raw", "literal"} & set(value))


def _check_names(key: str, field: str, value: Any) -> None:
    if not isinstance(value, list):
        raise ItemError(key, field, f"names are a list of name objects, not {_shown(value)}")
    for name in value:
        if not isinstance(name, Mapping):
            raise ItemError(key, field, f"a name is an object, not {_shown(name)}")
        for part, text in name.items():
            if text is not None and not isinstance(text, str | int | float | bool):
                raise ItemError(key, field, f"the name part {part!r} is {_shown(text)}")


def _date_number(value: Any) -> bool:
    """A number, its digits, or nothing ("" and null: the part is not given)."""
    if value is None or value == "":
        return True
    if isinstance(value, int) and not isinstance(value, bool):
        return True
    return isinstance(value, str) and value.strip().lstrip("-").isdigit()


def _check_date(key: str, field: str, value: Any) -> None:
    if not isinstance(value, Mapping):
        hint = f' (write {{"raw": {json.dumps(value)}}})' if isinstance(value, str) else ""
        raise ItemError(key, field, f"a date is an object, not {_shown(value)}{hint}")
    parts = value.get("date-parts")
    if parts is not None:
        if not isinstance(parts, list) or len(parts) > 2:
            raise ItemError(
                key, field, f"date-parts is a list of one or two dates, not {_shown(parts)}"
            )
        for part in parts:
            if not isinstance(part, list) or len(part) > 3:
                raise ItemError(
                    key,
                    field,
                    f"a date in date-parts is a list of up to three numbers, not {_shown(part)}",
                )
            for number in part:
                if not _date_number(number):
                    raise ItemError(key, field, f"a date part is a number, not {_shown(number)}")
    for text_key in ("raw", "literal", "season"):
        text = value.get(text_key)
        if text is not None and not isinstance(text, str | int):
            raise ItemError(key, field, f"{text_key} is text, not {_shown(text)}")


def check_item(item: Mapping[str, Any]) -> str:
    """The id of a CSL-JSON item, after checking the kinds of its CSL variables.

    Raises :class:`ItemError` (a ``ValueError``) naming the item and the field
    when a date variable is not a date object, a name variable not a list of
    name objects, or a text or number variable a list or an object. Fields
    CSL does not define are not checked.

    >>> try:
    ...     check_item({"id": "x", "type": "book", "issued": "1995"})
    ... except ValueError as error:
    ...     print(error)
    CSL-JSON item 'x', field 'issued': a date is an object, not '1995' (write {"raw": "1995"})
    """
    if not isinstance(item, Mapping):
        raise TypeError(f"a CSL-JSON item is a mapping, not {type(item).__name__}")
    if "id" not in item or item["id"] is None or isinstance(item["id"], list | Mapping):
        raise ValueError("a CSL-JSON item needs an id (text or a number)")
    key = str(item["id"])
    kind = item.get("type")
    if kind is not None and not isinstance(kind, str):
        raise ItemError(key, "type", f"the type is text, not {_shown(kind)}")
    for field, value in item.items():
        if value is None or value == "" or field in _SKIPPED:
            continue
        name = _RENAMED.get(field, field).replace("_", "-")
        if name in DATE_VARIABLES:
            _check_date(key, field, value)
        elif name in NAME_VARIABLES:
            _check_names(key, field, value)
        elif name in TEXT_VARIABLES and isinstance(value, list | Mapping):
            raise ItemError(key, field, f"the value is text or a number, not {_shown(value)}")
    return key


def reference(item: Mapping[str, Any]) -> Any:
    """One CSL-JSON item as a citeproc-py ``Reference``."""
    key = check_item(item)
    fields: dict[str, Any] = {}
    for raw_name, value in item.items():
        if raw_name in _SKIPPED or value is None or value == "":
            continue
        name = _RENAMED.get(raw_name, raw_name)
        if name == "language":
            converted: Any = str(value)
        elif _is_names(value):
            converted = _names(value)
        elif _is_date(value):
            converted = _date(value)
            if converted is None:
                continue
        elif isinstance(value, list | Mapping):
            continue
        else:
            converted = rich_string(value)
        fields[name.replace("-", "_")] = converted
        fields[name.replace("_", "-")] = converted
    with warnings.catch_warnings():
        # citeproc-py warns about every variable it does not list itself
        warnings.simplefilter("ignore")
        ref = ArchrefReference(key, str(item.get("type", "document")), **fields)
    # plain attributes, read without going through CustomDict.__getattr__
    object.__setattr__(ref, "key", key)
    object.__setattr__(ref, "type", ref["type"])
    return ref


class ArchrefReference(Reference):  # type: ignore[misc]
    """A citeproc-py reference whose ``language`` reads without an exception.

    citeproc-py's ``cs:text`` asks every item for its language and catches
    the error raised when there is none; here a missing language reads as
    "" (the style's default locale then applies).
    """

    @property
    def language(self) -> str:
        value = dict.get(self, "language")
        return "" if value is None else str(value)


class CslJsonSource(BibliographySource):  # type: ignore[misc]
    """A citeproc-py bibliography source read from CSL-JSON items."""

    def __init__(self, items: Iterable[Mapping[str, Any]]) -> None:
        super().__init__()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for item in items:
                ref = reference(item)
                if ref.key in self:
                    raise ValueError(f"two CSL-JSON items have the id {ref.key!r}")
                self.add(ref)
