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


def rich_string(value: Any) -> Any:
    """A citeproc-py string with neutral markup; no-case spans become NoCase."""
    text = mk.read_rich_text(str(value))
    if mk.NOCASE[0] not in text:
        return MixedString([String(text)]) if text else String("")
    segments: list[Any] = []
    for index, piece in enumerate(re.split(f"[{mk.NOCASE[0]}{mk.NOCASE[1]}]", text)):
        if piece:
            segments.append(NoCase(piece) if index % 2 else String(piece))
    return MixedString(segments)


def _names(value: list[Any]) -> list[Any]:
    names = []
    for data in value:
        if not isinstance(data, Mapping):
            continue
        clean = {key: mk.strip_markers(str(part)) for key, part in data.items() if part is not None}
        if "literal" in clean:
            names.append(Name(literal=clean["literal"]))
        else:
            names.append(Name(**clean))
    return names


def _date_parts(parts: Any) -> list[dict[str, int]]:
    out = []
    for part in parts or []:
        values: dict[str, int] = {}
        for name, raw in zip(("year", "month", "day"), part, strict=False):
            try:
                values[name] = int(raw)
            except (TypeError, ValueError):
                break
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


def reference(item: Mapping[str, Any]) -> Any:
    """One CSL-JSON item as a citeproc-py ``Reference``."""
    if "id" not in item:
        raise ValueError("a CSL-JSON item needs an id")
    key = str(item["id"])
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
