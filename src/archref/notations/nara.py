"""The US National Archives: record group, series, file.

The National Archives and Records Administration (NARA; its main building
for research is at College Park, Maryland) keeps the records of the federal
government by **record group**, one per agency: RG 59 is the General
Records of the Department of State, RG 84 the records of its embassies and
legations. Historians, and the source notes of *Foreign Relations of the
United States*, cite the record group and then, separated by commas, what
narrows it down: a **series** by its title, often with its years ("Central
Decimal File 1910–29", "CDF 1910–1929", "Central Files 1967-69",
"Miscellaneous Office Files, 1910–1944"), and the unit itself: a file of
the State Department's **decimal file** ("795.00/6-2550": subject 795.00,
a document of 25 June 1950), a file of the **subject-numeric** Central
Files of 1963-73 ("POL 27 ARAB-ISR"), a **lot file** (records retired as a
lot: "Lot File 83D222", "lot 64 D 563", "55D606"), a "Box 35", a "Folder
...", a **microfilm** publication with its roll ("M800", "Roll 5", "Reel
52"), a "Vol. 22", an "Entry 1071", a "File 123 H 43".

>>> ref = parse("NARA, RG 59, Central Decimal File 1910–29, 795.00/6-2550")
>>> ref.archive.id, ref.level("record_group"), ref.level("file")
('NARA', '59', '795.00/6-2550')
>>> [(lv.kind, lv.value) for lv in ref.levels]
[('record_group', '59'), ('series', 'Central Decimal File 1910–29'), ('file', '795.00/6-2550')]
>>> str(ref)
'NARA, RG 59, Central Decimal File 1910–29, 795.00/6-2550'
>>> format_reference(ref, "short")
'RG 59, Central Decimal File 1910–29, 795.00/6-2550'
>>> format_reference(ref, "en-full").split(", RG")[0]
'National Archives and Records Administration, College Park, MD'

What was written is kept: identifiers and series titles are strings, as
cited ("CDF 1910–1929" stays so; "119.4/33A" and "026 Foreign
Relations/17 1/2" are files).

>>> str(parse("NARA, RG 59, CDF 1910–1929, 119.4/33A"))
'NARA, RG 59, CDF 1910–1929, 119.4/33A'
>>> parse("NARA, RG 59, CDF 1910–1929, 026 Foreign Relations/17 1/2").level("file")
'026 Foreign Relations/17 1/2'
>>> [(lv.kind, lv.value) for lv in parse(
...     "NARA, RG 59, Miscellaneous Office Files, 1910–1944, Box 35, 55D606 OSS/PB–1").levels]
... # doctest: +NORMALIZE_WHITESPACE
[('record_group', '59'), ('series', 'Miscellaneous Office Files, 1910–1944'),
 ('box', '35'), ('lot', '55D606'), ('folder', 'OSS/PB–1')]
>>> [(lv.kind, lv.value) for lv in parse("NARA, RG 59, M800, Roll 5").levels]
[('record_group', '59'), ('microfilm', 'M800'), ('roll', '5')]
>>> [(lv.kind, lv.value, lv.title) for lv in parse("NARA, RG 59, WTC Lot File 83D222").levels]
[('record_group', '59', None), ('lot', '83D222', 'WTC')]
>>> parse("National Archives, RG 59, Central Files 1967-69, POL 27 ARAB-ISR").level("file")
'POL 27 ARAB-ISR'

The archive is named by "NARA", "NA", "National Archives", "U.S.
National Archives" or "National Archives and Records Administration",
followed by a comma, a colon or a space, and then the record group: "RG
59", "RG59" or "Record Group 59". Without a name, "RG 59" is enough. A
name counts as NARA's only when a record group follows it: "The National
Archives" is also the UK's (and "NA" the Czech Národní archiv's), and
"National Archives, FO 371/1" is no reference of NARA's.

>>> parse("RG 59, Central Files, 795.00/6-2550").archive.id
'NARA'
>>> str(parse("National Archives, RG 59 123 H 43/36"))
'NARA, RG 59, 123 H 43/36'
>>> parse("National Archives, FO 371/1")
Traceback (most recent call last):
...
archref.model.common.ParseError: expected a record group ('RG 59', ...) at column 20: 'F'

:func:`validate` checks what is worth a reader's attention:

>>> [d.code for d in validate(parse("NARA, RG 59, CDF 1950–54, 795.00/13-4550"))]
['ARC301']
>>> [d.code for d in validate(parse("NARA, RG 59"))]
['ARC302']
>>> ref = parse("National Archives, Record Group 53, Waste Book F")
>>> [(d.code, d.suggestion) for d in validate(ref)]
[('ARC303', 'NARA, RG 53, Waste Book F')]

:func:`find` reads running text. A reference needs the archive's name
before its record group, or "RG n" with something after it; a decimal file
or a lot number alone in prose is not found. The reference ends at ";",
")", the end of a sentence, or where the text is no part of a reference:

>>> text = "Knox to Hale, February 28, 1911, NARA, RG 59, CDF 1910–1929, 119.4/33A."
>>> [(m.start, m.end, str(m.reference)) for m in find(text)]
[(33, 70, 'NARA, RG 59, CDF 1910–1929, 119.4/33A')]
>>> [m.text for m in find("(National Archives, RG 59 123 H 43/36) and decimal file 795.00/6-2550")]
['National Archives, RG 59 123 H 43/36']

Every pattern is a regular expression with bounded repetitions only, tried
at a bounded number of positions, so reading is linear in the text.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import attrs

from archref._patterns import LazyPattern
from archref.model import (
    ArchivalReference,
    Diagnostic,
    Folio,
    FolioRange,
    Level,
    Locator,
    ParseError,
)
from archref.notations import fonds
from archref.notations.fonds import Style
from archref.registry import Registry, default_registry

__all__ = [
    "STYLES",
    "Match",
    "Style",
    "find",
    "format_reference",
    "parse",
    "validate",
]

#: The notation styles :func:`format_reference` writes (those of the fond family).
STYLES = fonds.STYLES

#: The registry id of the US National Archives.
ARCHIVE_ID = "NARA"

# --------------------------------------------------------------------------- patterns

_SP = r"[ \t\u00a0]"
_DASH = r"[-–]"

_NAMES = (
    r"(?P<name>National Archives and Records Administration"
    r"|U\.S\. National Archives|US National Archives|National Archives|NARA|NA)"
)
_RG_AHEAD = r"(?=R(?:G|ecord[ \t\u00a0]Group))"
_PREFIX_BODY = (
    rf"{_NAMES}(?P<place>,{_SP}{{1,2}}College{_SP}Park(?:,{_SP}{{1,2}}MD)?)?"
    rf"(?P<sep>{_SP}{{0,2}}[,:.]{_SP}{{1,2}}|{_SP}{{1,2}})"
)
_PREFIX = LazyPattern(_PREFIX_BODY)
_PREFIX_SCAN = LazyPattern(r"(?<![\w.])" + _PREFIX_BODY + _RG_AHEAD)

_RG = LazyPattern(rf"(?P<label>RG|Record{_SP}Group)(?P<gap>{_SP}?)(?P<rg>\d{{1,3}})(?![\w/])")
_RG_SCAN = LazyPattern(rf"(?<![\w/.\-])(?:RG|Record{_SP}Group){_SP}?\d{{1,3}}(?![\w/])")

_SEP = LazyPattern(rf",{_SP}{{1,2}}")
_SPACED = LazyPattern(rf"{_SP}(?=\d{{3}})")

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_YEARS = rf"\d{{4}}(?:{_DASH}\d{{1,4}})?"

# A title: capitalised words, small connecting words before a capitalised one,
# years, parenthetical remarks; no sentence-ending full stop.
_TWORD = r"(?:U\.S\.|[A-Z][\w’'&\-]{0,30}|\([^()\n]{1,60}\))"
_CONN = r"(?:of|the|to|and|for|from|in|on|at|by|with)"
_TITLE = (
    rf"{_TWORD}(?:{_SP}(?:{_TWORD}|{_CONN}(?={_SP}(?:{_CONN}{_SP})?[A-Z(])|{_YEARS}(?![\w])))"
    r"{0,16}"
)

# Where a part ends: a comma, ";", ")", a full stop ending the text or a
# sentence, the end of the text.
_END_STRICT = r"(?=[,;)]|\.(?!\w)|$)"
# Identifiers may also end at a space ("111.324/44 and Charles E. Hughes ...").
_END_ID = r"(?=[,;)\s]|\.(?!\w)|$)"

_DECIMAL_CORE = (
    rf"\d{{3}}(?:\.[0-9A-Z]{{1,6}}){{0,2}}"
    rf"(?:{_SP}(?:[A-Z][A-Za-z]{{0,15}}|of|the|and|\d{{1,3}})){{0,6}}?"
)
_DECIMAL_DOC = (
    rf"/\d{{1,5}}(?:{_DASH}\d{{1,4}}){{0,2}}[A-Za-z]{{0,2}}(?:{_SP}\d/\d)?(?![\w/])"
    rf"|{_SP}\([^()\n]{{1,40}}\)"
)

#: The subject codes of the State Department's subject-numeric files (1963-73).
_SUBJECTS = (
    "POL|DEF|ECON|E|FN|FT|INCO|LAB|AGR|AV|CSM|CUL|EDX|ORG|PER|PET|PS|SOC|SCI|STR|TEL"
    "|TRV|AID|CONS|ADM|BUD|IT|INT|PPB|ED|EX|OS|REF|SP|TP"
)

_PARTS: tuple[tuple[str, LazyPattern], ...] = tuple(
    (kind, LazyPattern(pattern))
    for kind, pattern in (
        ("box", rf"(?P<label>Box|box|Boxes|boxes){_SP}(?P<v>\d{{1,5}}[A-Z]?(?:{_DASH}\d{{1,5}})?)"),
        (
            "folder",
            rf"(?P<label>Folder|folder|File{_SP}folder)(?::?{_SP})(?P<v>[^,;()\n]{{1,80}}?)"
            + _END_STRICT,
        ),
        ("roll", rf"(?P<label>Roll|Reel|roll|reel){_SP}(?P<v>\d{{1,4}}[A-Z]?)"),
        (
            "volume",
            rf"(?P<label>Vol\.|Volume|vol\.){_SP}?(?P<v>\d{{1,4}}[A-Z]?|[IVXLC]{{1,7}}(?![a-z]))",
        ),
        (
            "entry",
            rf"(?P<label>Entry|entry){_SP}"
            rf"(?P<v>(?:(?:A1|UD|NC|P|[A-Z]{{1,2}}\d?)[ \-])?\d{{1,5}}[A-Z]?)",
        ),
        (
            "file",
            rf"(?P<label>File|file){_SP}(?P<v>\d{{3}}(?:\.[0-9A-Z]{{1,6}}){{0,2}}"
            rf"(?:{_SP}(?:[A-Z][A-Za-z]{{0,15}}|\d{{1,3}})){{0,6}}(?:{_DECIMAL_DOC})?)",
        ),
        (
            "lot",
            rf"(?:(?P<title>[A-Z]{{2,6}}(?:{_SP}[A-Z]{{2,6}}){{0,2}}){_SP})?"
            rf"(?P<label>Lot{_SP}File|Lot{_SP}file|lot{_SP}file|Lot|lot){_SP}"
            rf"(?P<v>\d{{2}}{_SP}?[DF]{_SP}?\d{{1,4}}[A-Z]?)(?![\w/])"
            rf"(?:{_SP}(?P<sub>[A-Z]{{2,6}}/[A-Z0-9][\w–\-]{{0,10}}))?",
        ),
        (
            "lot",
            rf"(?P<v>\d{{2}}[DF]\d{{1,4}})(?![\w/])"
            rf"(?:{_SP}(?P<sub>[A-Z]{{2,6}}/[A-Z0-9][\w–\-]{{0,10}}))?",
        ),
        (
            "microfilm",
            rf"(?:(?P<label>Microfilm{_SP}Publication|Microfilm){_SP})?(?P<v>[MT]\d{{1,4}})(?![\w/])"
            rf"(?:{_SP}(?P<title>{_TITLE}))?",
        ),
        ("file", rf"(?P<v>{_DECIMAL_CORE}(?:{_DECIMAL_DOC}))"),
        (
            "file",
            rf"(?P<v>(?:{_SUBJECTS}){_SP}\d{{1,3}}(?:-\d{{1,3}}){{0,2}}"
            rf"(?:{_SP}[A-Z]{{2,6}}(?:[-–][A-Z]{{2,6}})?)?)",
        ),
        ("pages", rf"(?P<label>pp?\.){_SP}?(?P<a>\d{{1,5}})(?:{_DASH}(?P<b>\d{{1,5}}))?"),
        ("when", rf"(?P<v>(?:(?:{_MONTHS}){_SP})?{_YEARS})"),
        ("series", rf"(?P<v>{_TITLE})"),
    )
)
_ENDS_STRICT = LazyPattern(_END_STRICT)
_ENDS_ID = LazyPattern(_END_ID)
# "Box 3, 1928–2 and Dennett to Polk, ...": a folder's years end before "and"
_ENDS_WHEN = LazyPattern(rf"{_END_STRICT}|(?={_SP}(?:and|through){_SP})")

# a year or years after a series title belong to the title: "Miscellaneous Office Files, 1910–1944"
_TITLE_YEARS = LazyPattern(rf",{_SP}{{1,2}}(?P<v>\(?{_YEARS}\)?){_END_STRICT}")

# Levels whose parts may follow each other before the unit cited.
_TITLED = frozenset({"series", "microfilm"})

_DECIMAL_DATE = LazyPattern(r"/(?P<m>\d{1,2})-(?P<rest>\d{3,4})(?![\d])")


# --------------------------------------------------------------------------- reading


class _Read(NamedTuple):
    prefix: re.Match[str] | None
    rg: re.Match[str]
    levels: tuple[Level, ...]
    folios: Locator | None
    end: int


def _part_at(text: str, pos: int, end: int, previous: str) -> tuple[str, re.Match[str]] | None:
    """The part of a reference at ``pos``: (kind, match), or ``None``."""
    for kind, pattern in _PARTS:
        m = pattern.match(text, pos, end)
        if m is None:
            continue
        if kind == "when" and previous not in {"box", "folder"}:
            continue  # "1947–1948" after a box is a folder; elsewhere it is prose
        if kind == "series" and previous not in {"record_group", "series", "microfilm"}:
            return None  # titles come before the unit cited: what follows it is prose
        after = m.end()
        ender = _ENDS_ID
        if kind in {"series", "folder"}:
            ender = _ENDS_STRICT
        elif kind == "when":
            ender = _ENDS_WHEN
        if after != end and not ender.match(text, after, end):
            if kind == "series":
                return None
            continue
        return kind, m
    return None


def _level_of(kind: str, m: re.Match[str]) -> list[Level]:
    groups = m.groupdict()
    label = groups.get("label")
    if kind == "when":
        return [Level("folder", m.group("v"))]
    if kind == "lot":
        levels = [Level("lot", m.group("v"), title=groups.get("title"), label=label)]
        if groups.get("sub"):
            levels.append(Level("folder", m.group("sub"), label=""))
        return levels
    if kind == "microfilm":
        return [Level("microfilm", m.group("v"), title=groups.get("title"), label=label)]
    return [Level(kind, m.group("v"), label=label)]  # type: ignore[arg-type]


def _read(text: str, pos: int, end: int, *, named: bool) -> _Read | None:
    """Read a reference from ``pos``: prefix (if ``named``), record group, parts."""
    prefix = None
    if named:
        prefix = _PREFIX.match(text, pos, end)
        if prefix is None:
            return None
        pos = prefix.end()
    rg = _RG.match(text, pos, end)
    if rg is None:
        return None
    levels: list[Level] = [Level("record_group", rg.group("rg"), label=rg.group("label"))]
    folios: Locator | None = None
    k = rg.end()
    previous = "record_group"
    while k < end:
        sep = _SEP.match(text, k, end)
        spaced = sep is None and previous == "record_group"
        if spaced:
            sep = _SPACED.match(text, k, end)  # "RG 59 123 H 43/36"
        if sep is None:
            break
        hit = _part_at(text, sep.end(), end, previous)
        if hit is None or (spaced and hit[0] != "file"):
            break
        kind, m = hit
        k = m.end()
        if kind == "pages":
            b = m.group("b")
            folios = Locator(
                (FolioRange(Folio(m.group("a")), Folio(b) if b else None),),
                unit="page",
                label=m.group("label"),
            )
            break  # the pages end the reference
        new = _level_of(kind, m)
        head = new[0]
        years = _TITLE_YEARS.match(text, k, end) if head.kind in _TITLED else None
        if years is not None and head.kind == "series":
            new[0] = attrs.evolve(head, value=text[m.start("v") : years.end()])
            k = years.end()
        elif years is not None and head.title:
            new[0] = attrs.evolve(head, title=text[m.start("title") : years.end()])
            k = years.end()
        levels.extend(new)
        previous = new[-1].kind
    return _Read(prefix, rg, tuple(levels), folios, k)


def _build(text: str, read: _Read, registry: Registry) -> ArchivalReference:
    cited = read.prefix.group("name") if read.prefix is not None else None
    return ArchivalReference(
        archive=registry.get(ARCHIVE_ID),
        levels=read.levels,
        folios=read.folios,
        archive_as_cited=cited,
        text=text,
        notation="nara",
    )


def parse(text: str, *, registry: Registry | None = None) -> ArchivalReference:
    """Parse exactly one reference of the US National Archives.

    Surrounding whitespace, one pair of enclosing parentheses and one final
    full stop or semicolon are tolerated. Raises :class:`~archref.ParseError`
    when ``text`` is not one reference.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes a str, not {type(text).__name__}")
    reg = registry or default_registry()
    end = len(text.rstrip())
    pos = len(text) - len(text.lstrip())
    if end - pos >= 2 and text[pos] == "(" and text[end - 1] == ")":
        pos, end = pos + 1, end - 1
    if end > pos and text[end - 1] in ".;":
        end = len(text[: end - 1].rstrip())
    if pos >= end:
        raise ParseError("empty text is not a reference", text, 0, len(text))
    prefix = _PREFIX.match(text, pos, end)
    if prefix is not None and not _RG.match(text, prefix.end(), end):
        raise ParseError(
            "expected a record group ('RG 59', 'Record Group 59')",
            text,
            prefix.end(),
            min(end, prefix.end() + 1),
        )
    read = _read(text, pos, end, named=prefix is not None)
    if read is None:
        raise ParseError(
            "not a reference of the US National Archives (expected 'RG' and a number)",
            text,
            pos,
            min(end, pos + 2),
        )
    if read.end != end:
        raise ParseError("unexpected text after the reference", text, read.end, end)
    return _build(text, read, reg)


# --------------------------------------------------------------------------- finding


@attrs.frozen
class Match:
    """A reference of the US National Archives found in running text, with its span.

    ``start``/``end`` are character offsets into the text searched; the
    reference's ``text`` is the span's text, and the offsets of
    :func:`validate`'s diagnostics are relative to ``start``.
    """

    reference: ArchivalReference
    start: int
    end: int

    @property
    def text(self) -> str:
        """The reference as it is written in the text."""
        return self.reference.text or ""


def find(text: str, *, registry: Registry | None = None) -> list[Match]:
    """Every reference of the US National Archives in ``text``, in order.

    With an archive's name before the record group, a record group alone
    is found (and :func:`validate` reports it, ARC302); without one, "RG n"
    must be followed by at least one part of a reference.
    """
    reg = registry or default_registry()
    found: list[Match] = []
    n = len(text)
    covered_to = -1
    for pm in _PREFIX_SCAN.finditer(text):
        read = _read(text, pm.start(), n, named=True)
        if read is None:
            continue
        found.append(Match(_build(text[pm.start() : read.end], read, reg), pm.start(), read.end))
    spans = [(m.start, m.end) for m in found]
    k = 0  # the spans and the record groups both run in order: one sweep over both
    for rm in _RG_SCAN.finditer(text):
        while k < len(spans) and spans[k][1] <= rm.start():
            k += 1
        if (k < len(spans) and spans[k][0] <= rm.start()) or rm.start() < covered_to:
            continue
        read = _read(text, rm.start(), n, named=False)
        if read is None or len(read.levels) < 2:
            continue
        found.append(Match(_build(text[rm.start() : read.end], read, reg), rm.start(), read.end))
        covered_to = read.end
    found.sort(key=lambda m: m.start)
    return found


# --------------------------------------------------------------------------- writing


def _level_text(level: Level) -> str:
    kind, value, label = level.kind, level.value, level.label
    if kind == "record_group":
        return f"RG {value}"
    if kind == "box":
        return f"{label or 'Box'} {value}"
    if kind == "roll":
        return f"{label or 'Roll'} {value}"
    if kind == "volume":
        return f"Vol. {value}"
    if kind == "entry":
        return f"Entry {value}"
    if kind == "folder":
        return f"{label} {value}" if label else value
    if kind == "microfilm":
        return f"{value} {level.title}" if level.title else value
    if kind == "lot":
        head = f"{level.title} " if level.title else ""
        if label is None and not head:
            return value
        return f"{head}{label or 'Lot File'} {value}"
    if kind == "file":
        if label:
            return f"{label} {value}"
        return value
    return value  # a series: its title


def _core_text(ref: ArchivalReference) -> str:
    if not ref.levels or ref.levels[0].kind != "record_group":
        raise ValueError(f"not a reference of the US National Archives: {ref!r}")
    out = ""
    for level in ref.levels:
        text = _level_text(level)
        if level.kind == "folder" and level.label == "":
            out += f" {text}"  # "55D606 OSS/PB–1": a file of the lot, written after it
        else:
            out += f", {text}" if out else text
    if ref.folios is not None:
        label = "pp." if ref.folios.is_plural else "p."
        out += f", {label} {ref.folios}"
    return out


def format_reference(ref: ArchivalReference, style: Style | str = "en") -> str:
    """Write a reference in a notation style.

    ``"en"`` (the canonical form: "NARA, RG 59, Central Files, 795.00/6-2550"),
    ``"en-full"`` (the archive's name and place), ``"ru"`` ("NARA. RG 59,
    ..."), ``"de"`` (as ``"en"``) and ``"short"`` (without the archive: "RG
    59, Central Files, 795.00/6-2550"). Parsing the result gives back an
    equal reference.

    >>> ref = parse("National Archives, Record Group 59, Central Files, 795.00/6-2550")
    >>> [format_reference(ref, s) for s in ("en", "ru", "short")]  # doctest: +NORMALIZE_WHITESPACE
    ['NARA, RG 59, Central Files, 795.00/6-2550', 'NARA. RG 59, Central Files, 795.00/6-2550',
     'RG 59, Central Files, 795.00/6-2550']
    """
    if style not in STYLES:
        raise ValueError(f"unknown style {style!r}; choose one of {', '.join(STYLES)}")
    core = _core_text(ref)
    return fonds.with_archive_name(ref, core, style)


# --------------------------------------------------------------------------- rules


def _decimal_date_problem(value: str) -> str | None:
    """Why the date part of a decimal file is no date ("13-4550"), or ``None``."""
    m = _DECIMAL_DATE.search(value)
    if m is None:
        return None
    month = int(m.group("m"))
    rest = m.group("rest")
    day = int(rest[:-2])
    if not 1 <= month <= 12:
        return f"month {month} of {m.group()[1:]!r} is no month"
    if not 1 <= day <= 31:
        return f"day {day} of {m.group()[1:]!r} is no day"
    return None


def validate(ref: ArchivalReference) -> list[Diagnostic]:
    """The rules of the notation: what is worth a reader's attention in a reference.

    Offsets point into ``ref.text`` (the reference as it was written).

    * ARC301 (warning): the date part of a decimal file ("795.00/13-4550",
      month-day-year after the slash) is no date;
    * ARC302 (warning): a record group with nothing after it ("NARA, RG 59"):
      a record group holds thousands of boxes;
    * ARC303 (info): the record group is written "Record Group 59" or
      "RG59"; the usual form is "RG 59" (the suggestion).
    """
    out: list[Diagnostic] = []
    text = ref.text or ""
    canonical = format_reference(ref)
    for level in ref.levels:
        if level.kind != "file":
            continue
        problem = _decimal_date_problem(level.value)
        if problem is None:
            continue
        at = text.find(level.value)
        start, end = (at, at + len(level.value)) if at >= 0 else (0, len(text))
        out.append(
            Diagnostic(
                "ARC301",
                f"the date part of decimal file {level.value!r} is no date (month-day-year): "
                + problem,
                "warning",
                start,
                end,
                text[start:end],
            )
        )
    rg = _RG.search(text) if text else None
    span = (rg.start(), rg.end()) if rg is not None else (0, len(text))
    if len(ref.levels) == 1 and ref.folios is None:
        out.append(
            Diagnostic(
                "ARC302",
                "a record group with nothing after it: name the series, file or box cited",
                "warning",
                *span,
                text[span[0] : span[1]],
            )
        )
    if rg is not None and (rg.group("label") != "RG" or not rg.group("gap")):
        out.append(
            Diagnostic(
                "ARC303",
                f"the record group is usually written 'RG {rg.group('rg')}'",
                "info",
                *span,
                text[span[0] : span[1]],
                suggestion=canonical,
            )
        )
    return out
