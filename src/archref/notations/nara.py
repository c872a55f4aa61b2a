"""The US National Archives and the other American repositories: record group, series, file.

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

The other American repositories
-------------------------------

The same notation reads what the source notes of *Foreign Relations of the
United States* cite beside NARA: the State Department's own files ("Department
of State, Central Files, 611.61/8-1554", "... S/P Files: Lot 64 D 563"), the
presidential libraries ("Eisenhower Library, Whitman File, NSC Records"),
NARA's records centre ("Washington National Records Center, RG 330, OSD Files:
FRC 71 A 6489"), the Library of Congress's Manuscript Division, university
and Hoover Institution collections, the CIA's files and CREST numbers. Each is
a registry entry with ``notation = "nara"``: its names open a reference, and
``data/us_notation.toml`` says what it needs (a record group, a unit, a
collection's title) and the vocabulary of the levels. Titles are series; a
title after a box or a lot is a folder's; a Federal Records Center accession
or a CIA job is a lot, labelled as written:

>>> ref = parse("Department of State, Vietnam Working Group Files: Lot 66 D 193, 20 General")
>>> ref.archive.id, [(lv.kind, lv.value) for lv in ref.levels]  # doctest: +NORMALIZE_WHITESPACE
('NARA', [('series', 'Vietnam Working Group Files'), ('lot', '66 D 193'),
 ('folder', '20 General')])
>>> ref.archive_as_cited
'Department of State'
>>> str(ref)
'Department of State, Vietnam Working Group Files, Lot 66 D 193, 20 General'

The Department of State's files are now in the National Archives (RG 59):
a reference that cites them by the Department's name is NARA's, the name as
cited kept (``[held_by]`` in the data).
>>> ref = parse("National Archives, Nixon Presidential Materials, NSC Files, Box 340")
>>> ref.archive.id, ref.is_former_name, str(ref)
('RNL', True, 'RNL, NSC Files, Box 340')
>>> [(lv.kind, lv.value, lv.label) for lv in parse("WNRC, RG 330, FRC 65A3501").levels]
[('record_group', '330', 'RG'), ('lot', '65A3501', 'FRC')]
>>> parse("CIA-RDP80B01676R001700180033-1").archive.id
'CIA'
>>> text = ("Source: Kennedy Library, National Security Files, Countries Series, USSR. "
...         "Secret. See also Department of State, Central Files, 611.61/3-1061.")
>>> [(m.text, m.reference.archive.id) for m in find(text)]  # doctest: +NORMALIZE_WHITESPACE
[('Kennedy Library, National Security Files, Countries Series, USSR', 'JFKL'),
 ('Department of State, Central Files, 611.61/3-1061', 'NARA')]

A name without what its repository needs is no reference: "the Kennedy
Library, Boston", "Department of State, Bureau of Public Affairs" and a lot
number alone in prose are not found.

Every pattern is a regular expression with bounded repetitions only, tried
at a bounded number of positions, so reading is linear in the text.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterator, Mapping
from importlib import resources
from typing import Any, NamedTuple

import attrs

from archref.model import (
    ArchivalReference,
    Archive,
    Diagnostic,
    Folio,
    FolioRange,
    Level,
    LevelKind,
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
    "anchor_patterns",
    "find",
    "format_reference",
    "parse",
    "repositories",
    "validate",
]

#: The notation styles :func:`format_reference` writes (those of the fond family).
STYLES = fonds.STYLES

#: The registry id of the US National Archives: a record group alone names it.
ARCHIVE_ID = "NARA"

#: The registry's notation of the archives this module reads.
NOTATION = "nara"

# --------------------------------------------------------------------------- data


class _Data(NamedTuple):
    needs: Mapping[str, str]
    held_by: Mapping[str, str]
    collection_words: frozenset[str]
    markings: tuple[str, ...]
    files_words: frozenset[str]
    registries: frozenset[str]
    labels: Mapping[str, tuple[str, ...]]
    subject_codes: tuple[str, ...]
    patterns: tuple[tuple[str, str, str | None], ...]  # (name, regex, archive)


@functools.cache
def _data() -> _Data:
    """``data/us_notation.toml``, read on first use."""
    text = resources.files("archref").joinpath("data/us_notation.toml").read_text("utf-8")
    raw: dict[str, Any] = tomllib.loads(text)
    files = raw["files"]
    return _Data(
        needs=dict(raw["needs"]),
        held_by=dict(raw.get("held_by", {})),
        collection_words=frozenset(w.casefold() for w in raw["titles"]["collection_words"]),
        markings=tuple(raw["titles"].get("markings", ())),
        files_words=frozenset(raw["titles"].get("files_words", ())),
        registries=frozenset(raw["titles"].get("registries", ())),
        labels={kind: tuple(words) for kind, words in raw["labels"].items()},
        subject_codes=tuple(files["subject_codes"]),
        patterns=tuple(
            (p["name"], p["regex"], "CIA" if p["name"] == "crest" else None)
            for p in files.get("pattern", ())
        ),
    )


def repositories(registry: Registry | None = None) -> list[Archive]:
    """The archives whose references this module reads: the registry's entries
    with ``notation = "nara"`` (NARA, its records centres, the presidential
    libraries, the Department of State's files, the Library of Congress, ...)."""
    reg = registry or default_registry()
    return [a for a in reg if a.notation == NOTATION]


def _spellings(archive: Archive) -> Iterator[str]:
    """The names a reference may open with: id, acronyms, names, former names."""
    yield archive.id
    yield from archive.acronyms
    yield archive.name_en
    yield from archive.names_other
    for former in archive.former_names:
        yield former.acronym
        if former.name_en:
            yield former.name_en
        yield from former.aliases


# --------------------------------------------------------------------------- patterns

_SP = r"[ \t\u00a0]"
_NAME_SP = r"[ \t\u00a0\n]{1,3}"
_DASH = r"[-–]"

_RG = re.compile(rf"(?P<label>RG|Record{_SP}Group)(?P<gap>{_SP}?)(?P<rg>\d{{1,3}})(?![\w/])")
_RG_SCAN = re.compile(rf"(?<![\w/.\-])(?:RG|Record{_SP}Group){_SP}?\d{{1,3}}(?![\w/])")

_SEP = re.compile(rf"\.?,{_SP}{{1,2}}")  # "NSC Mtgs., Vol. 1": an abbreviation's stop
# "Official Memoranda; NLR–775–27A–8–2–1": a document's number after a title's ";"
_SEMI = re.compile(rf";{_SP}{{1,2}}")
_COLON = re.compile(rf":{_SP}{{1,2}}")
_SPACED = re.compile(rf"{_SP}(?=\d{{3}})")

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_YEARS = rf"\d{{4}}(?:{_DASH}\d{{1,4}})?"

# Where a part ends: a comma, ";", ")", a full stop ending the text or a
# sentence, the end of the text.
_END_STRICT = r"(?=[,;)]|\.(?!\w)|$)"
# Identifiers may also end at a space ("111.324/44 and Charles E. Hughes ...").
_END_ID = r"(?=[,;)\s]|\.(?!\w)|$)"

_DECIMAL_CORE = (
    rf"\d{{3}}[A-Z]{{0,2}}(?:\.[0-9A-Z]{{1,6}}){{0,2}}(?:{_DASH}[A-Z]{{2,5}})?"
    rf"(?:{_SP}(?:[A-Z][A-Za-z]{{0,15}}|of|the|and|\d{{1,3}})){{0,6}}?"
)
_DECIMAL_DOC = (
    rf"/\d{{1,5}}(?:{_DASH}\d{{1,4}}){{0,2}}[A-Za-z]{{0,2}}(?:{_SP}\d/\d)?(?![\w/])"
    rf"|{_SP}\([^()\n]{{1,40}}\)"
)

_CONN = r"(?:of|the|to|and|for|from|in|on|at|by|with|re|–)"
# a month abbreviated before a year, inside a title: "Final Memos re Budget, Dec. 1964"
_MONTH_YEAR = rf"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.{_SP}\d{{4}}(?![\w])"
# a date or a span of dates inside a title, as FRUS writes a folder's or chron
# file's span: "NSC Chron 12/02/1983–12/11/1983", "1964 General, 3/64–5/64"
_SLASH_DATE = r"\d{1,2}/(?:\d{1,2}/)?\d{2,4}"
_DATES = rf"{_SLASH_DATE}(?:{_DASH}{_SLASH_DATE})?(?![\w/])"


def _alternatives(words: tuple[str, ...] | frozenset[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def _label_words(*kinds: str) -> str:
    """The labels of the data's level kinds, as alternatives."""
    return _alternatives(tuple(w for kind in kinds for w in _data().labels[kind]))


# a parenthesis holding a lot or an accession after a title: "(Lot File 96 D 292)"
_UNIT_IN_PARENS = rf"\((?=(?:{_label_words('lot', 'accession')}){_SP})"


class _Grammar(NamedTuple):
    """The patterns of one registry's US repositories."""

    prefix: re.Pattern[str]
    prefix_scan: re.Pattern[str]
    bare: re.Pattern[str]  # a file number that is a reference on its own (CREST)
    bare_scan: re.Pattern[str]
    parts: tuple[tuple[str, re.Pattern[str]], ...]
    title: re.Pattern[str]
    folder: re.Pattern[str]
    archive_of: Mapping[str, str]  # a file pattern's name -> its archive's id


def _not_marking() -> str:
    """A lookahead refusing a classification marking ("Secret", "Top Secret")."""
    markings = _data().markings
    return rf"(?!(?:{_alternatives(markings)})(?![\w]))" if markings else ""


def _title(words: frozenset[str]) -> str:
    """A title: capitalised words, initials, small words before a capitalised one,
    lower-case collection words ("papers", "file"), years, remarks in parentheses.
    A classification marking is no word of a title: it ends the reference."""
    no = _not_marking()
    word = (
        rf"(?:U\.S\.|{_MONTH_YEAR}|[A-Z]\.(?={_SP}{no}[A-Z])|{no}[A-Z][\w’'&\-–—/]{{0,30}}"
        rf"|(?!{_UNIT_IN_PARENS})\([^()\n]{{1,60}}\))"
    )
    lower = _alternatives(words)
    return (
        rf"{word}(?:{_SP}(?:{word}|(?:{lower})(?![\w])"
        rf"|{_CONN}(?={_SP}(?:{_CONN}{_SP})?[A-Z(])|{_DATES}|{_YEARS}(?![\w])))"
        r"{0,24}"
    )


# A folder's title after a box or a lot: words and numbers as written ("20 General
# Lansdale", "USSR Memcons Dobrynin/President 2/17/69", "Camp David Mtg.—4/16–17"),
# small words between them, ": " before a number ("Report: 6–9/79").
_FTOKEN = r"(?:[A-Z0-9](?:[\w’'&/–\-—]|\.(?=[\w–—])){0,40}|\([^()\n]{1,40}\))"
_FOLDER = (
    rf"{_FTOKEN}(?:(?:{_SP}|:{_SP}(?=[0-9]))(?:{_FTOKEN}|[a-z]{{1,15}}(?={_SP}[A-Z0-9(])))"
    r"{0,12}"
)


def _labels(kind: str) -> str:
    return _alternatives(tuple(_data().labels[kind]))


def _parts() -> tuple[tuple[str, str], ...]:
    data = _data()
    subjects = _alternatives(data.subject_codes)
    title = _title(data.collection_words)
    country = (
        rf"[A-Z]{{1,12}}(?:[-–/][A-Z]{{1,12}}){{0,2}}(?:{_SP}[A-Z](?![\w]))?"
        rf"(?:{_SP}\([A-Z]{{1,6}}\))?"
    )
    return (
        (
            # "Box 20", "Box 3A", "Box 1-2"; lettered boxes of the NSC's and the
            # Nixon materials' files: "Box H–070", "Box SR 102", "Box I–022", "Box CL 290"
            "box",
            rf"(?P<label>{_labels('box')}){_SP}"
            rf"(?P<v>(?:[A-Z]{{1,2}}(?:{_DASH}|{_SP})?)?\d{{1,5}}[A-Z]?(?:{_DASH}\d{{1,5}})?)"
            # a second box, its letters elided: "Boxes CL 290 and 292"
            rf"(?:{_SP}and{_SP}(?P<more>(?:[A-Z]{{1,2}}(?:{_DASH}|{_SP})?)?\d{{1,5}}[A-Z]?)(?![\w/]))?",
        ),
        (
            # a numbered folder and its title: "Folder 24: (SIG–IEP Meetings 1983)"
            "folder",
            rf"(?P<label>{_labels('folder')}){_SP}(?P<v>\d{{1,4}}[A-Z]?):{_SP}"
            rf"(?P<title>\([^()\n]{{1,80}}\)|[^,;()\n]{{1,80}}?)" + _END_STRICT,
        ),
        (
            "folder",
            rf"(?P<label>{_labels('folder')})(?::?{_SP})(?P<v>[^,;()\n]{{1,80}}?)" + _END_STRICT,
        ),
        (
            "series",
            rf"(?P<label>{_labels('series')}){_SP}(?P<v>\d{{1,3}}[A-Z]?)(?![\w])",
        ),
        ("roll", rf"(?P<label>{_labels('roll')}){_SP}(?P<v>\d{{1,4}}[A-Z]?)"),
        (
            "volume",
            rf"(?P<label>{_labels('volume')}){_SP}?"
            rf"(?P<v>\d{{1,4}}[A-Z]?|[IVXLC]{{1,7}}(?![a-z]))",
        ),
        (
            "entry",
            rf"(?P<label>{_labels('entry')}){_SP}"
            rf"(?P<v>(?:(?:A1|UD|NC|P|[A-Z]{{1,2}}\d?)[ \-])?\d{{1,5}}[A-Z]?)",
        ),
        (
            "file",
            rf"(?P<label>File|file){_SP}(?P<v>\d{{3}}(?:\.[0-9A-Z]{{1,6}}){{0,2}}"
            rf"(?:{_SP}(?:[A-Z][A-Za-z]{{0,15}}|\d{{1,3}})){{0,6}}(?:{_DECIMAL_DOC})?)",
        ),
        (
            # "(Lot File 96 D 292)": a lot in parentheses after its series' title
            "lot",
            rf"\((?P<label>{_labels('lot')}){_SP}"
            rf"(?P<v>\d{{2}}(?:{_SP}|-)?[DF]{_SP}?\d{{1,4}}[A-Z]?)\)",
        ),
        (
            "lot",
            rf"(?:(?P<title>[A-Z]{{2,6}}(?:{_SP}[A-Z]{{2,6}}){{0,2}}){_SP})?"
            rf"(?P<label>{_labels('lot')}){_SP}"
            rf"(?P<v>\d{{2}}(?:{_SP}|-)?[DF]{_SP}?\d{{1,4}}[A-Z]?)(?![\w/])"
            rf"(?:{_SP}(?P<sub>[A-Z]{{2,6}}/[A-Z0-9][\w–\-]{{0,10}}))?",
        ),
        (
            "accession",
            rf"(?P<label>{_labels('accession')}){_SP}"
            rf"(?:(?P<rgno>\d{{3}}){_SP}(?=\d{{2}}{_SP}?[A-Z]{_SP}?\d))?"
            rf"(?P<v>\d{{2}}(?:{_DASH}|{_SP})?[A-Z]{{0,2}}{_SP}?\d{{3,5}}[A-Z]?"
            # the CIA's older job numbers: "Job 231677/1" (FRUS 1952-54, Guatemala)
            rf"|\d{{5,7}}/\d{{1,3}})(?![\w/])",
        ),
        (
            "lot",
            rf"(?P<v>\d{{2}}[DF]\d{{1,4}})(?![\w/])"
            rf"(?:{_SP}(?P<sub>[A-Z]{{2,6}}/[A-Z0-9][\w–\-]{{0,10}}))?",
        ),
        (
            "microfilm",
            rf"(?:(?P<label>Microfilm{_SP}Publication|Microfilm){_SP})?(?P<v>[MT]\d{{1,4}})(?![\w/])"
            rf"(?:{_SP}(?P<title>{title}))?",
        ),
        *((f"pattern:{name}", rf"(?P<v>{regex})(?![\w])") for name, regex, _ in data.patterns),
        ("file", rf"(?P<v>{_DECIMAL_CORE}(?:{_DECIMAL_DOC}))"),
        (
            "file",
            rf"(?P<v>(?:{subjects}){_SP}\d{{1,3}}(?:{_DASH}\d{{1,3}}){{0,2}}(?:{_SP}{country})?)",
        ),
        ("pages", rf"(?P<label>pp?\.){_SP}?(?P<a>\d{{1,5}})(?:{_DASH}(?P<b>\d{{1,5}}))?"),
        ("when", rf"(?P<v>(?:(?:{_MONTHS}){_SP})?{_YEARS})"),
        # a title may open with its years: "..., 1969–1990 Subject Records of James P. Timbie"
        ("series", rf"(?P<v>(?:{_YEARS}{_SP}(?=[A-Z]))?{title})"),
        ("folder_title", rf"(?P<v>{_FOLDER})"),
    )


@functools.lru_cache(maxsize=8)
def _grammar(registry: Registry) -> _Grammar:
    """The patterns for the US repositories of ``registry`` (built once per registry)."""
    data = _data()
    free: set[str] = set()
    with_rg: set[str] = set()
    cities: set[str] = set()
    for archive in repositories(registry):
        names = with_rg if data.needs.get(archive.id) == "record_group" else free
        names.update(s for s in _spellings(archive) if s and s[0].isupper())
        if archive.city:
            cities.add(archive.city)

    def spelt(words: set[str]) -> str:
        if not words:
            return r"(?!x)x"
        return _alternatives(frozenset(words)).replace(r"\ ", _NAME_SP)

    place = rf"(?P<place>,{_SP}{{1,2}}(?:{spelt(cities)}))?" if cities else "(?P<place>(?!x)x)?"
    body = (
        rf"(?=[A-Z])(?:(?P<free>{spelt(free)})|(?P<rgname>{spelt(with_rg)}))(?![\w])"
        rf"{place}(?P<sep>{_SP}{{0,2}}[,:.]{_SP}{{1,2}}|,(?=RG{_SP})|{_SP}{{1,2}})"
    )
    bare = "|".join(f"(?P<{name}>{regex})" for name, regex, archive in data.patterns if archive)
    bare = bare or r"(?!x)x"
    return _Grammar(
        prefix=re.compile(body),
        prefix_scan=re.compile(r"(?<![\w.])" + body),
        bare=re.compile(rf"(?:{bare})(?![\w])"),
        bare_scan=re.compile(rf"(?<![\w\-])(?:{bare})(?![\w])"),
        parts=tuple((kind, re.compile(pattern)) for kind, pattern in _parts()),
        title=re.compile(_title(data.collection_words)),
        folder=re.compile(_FOLDER),
        archive_of={name: archive for name, _, archive in data.patterns if archive},
    )


def anchor_patterns() -> tuple[str, ...]:
    """What every reference this module finds holds, for :mod:`archref.scan`: a
    record group, a file number that is a reference on its own (CREST), or the
    name of a repository that needs no record group. Patterns in the scanner's
    shared syntax (``{S}`` for white space)."""
    data = _data()
    names: set[str] = set()
    for archive in repositories():
        if data.needs.get(archive.id) != "record_group":
            names.update(s for s in _spellings(archive) if s and s[0].isupper())
    spelt = _alternatives(frozenset(names)).replace(r"\ ", "{S}{1,3}")
    sp = "[ \t\u00a0]"  # the characters themselves: RE2 reads no backslash-u escape
    out = [f"RG{sp}?[0-9]|Record{sp}Group"]
    # "S/S–NSC Files: Lot 63D351": the Department's lot cited by its office's files
    lots = _label_words("lot").replace(r"\ ", sp)
    out.append(f"Files?:{sp}{{1,2}}(?:{lots}){sp}[0-9]")
    out += [regex.split(r"\d", 1)[0] for _, regex, archive in data.patterns if archive]
    if spelt:
        out.append(spelt)
    return tuple(out)


_ENDS_STRICT = re.compile(_END_STRICT)
# a series' title may also end at ": " ("S/P Files: Lot 64 D 563")
_ENDS_SERIES = re.compile(rf"{_END_STRICT}|(?=:{_SP})|(?={_SP}\d{{3}}[A-Z]{{0,2}}\.\d)")
_ENDS_ID = re.compile(_END_ID)
# a lot or job may be followed by its title after a colon ("Job 85–01156R: Policy ...")
_ENDS_LOT = re.compile(rf"{_END_ID}|(?=:{_SP})")
# "Box 3, 1928–2 and Dennett to Polk, ...": a folder's years end before "and"
_ENDS_WHEN = re.compile(rf"{_END_STRICT}|(?={_SP}(?:and|through){_SP})")

# a year or years after a series title belong to the title: "Miscellaneous Office Files, 1910–1944"
_TITLE_YEARS = re.compile(
    rf",{_SP}{{1,2}}(?P<v>\(?{_YEARS}\)?)(?:{_END_STRICT}|(?=:{_SP})|(?={_SP}{_UNIT_IN_PARENS}))"
)

# "Job 85–01156R: Policy, Planning, and History Records (1981–1984), Box 2": the
# title of a lot or job after a colon, up to the label of the next unit
_UNIT_TITLE = re.compile(
    rf":{_SP}(?P<t>[^;:\n]{{1,120}}?)"
    rf"(?=,{_SP}(?:{_label_words('box', 'folder', 'entry', 'volume')}){_SP})"
)
# a decimal file's subject alone, after the registry it belongs to: "Department of
# State, Central File 761.00" (the Embassy's telegrams on a subject)
_SUBJECT_ONLY = re.compile(r"(?P<v>\d{3}[A-Z]{0,2}\.[0-9A-Z]{1,6})(?=[,;)]|\.(?!\w)|$)")
# "Department of State. Central Files. ORG 7 S.": full stops between the parts,
# before the unit cited
_DOT_SEP = re.compile(rf"\.{_SP}{{1,2}}")
# "..., Files, 1957-1990 (Lot File 96 D 292)": a parenthesis holding a unit
_PAREN_SEP = re.compile(rf"{_SP}(?={_UNIT_IN_PARENS})")

# "S/S–NSC Files: Lot 63D351": a lot of the Department of State cited by its
# office's files alone, as the volumes of 1945-1950 print a document's source
# line; the title and the lot's label and number, each bounded
_OFFICE_LOT_SCAN = re.compile(
    rf"(?<![\w’'/–\-])(?:[A-Z][\w/–\-]{{0,20}}{_SP}){{1,5}}Files?:{_SP}{{1,2}}"
    rf"(?=(?:{_label_words('lot')}){_SP}\d{{2}}{_SP}?[DF]{_SP}?\d)"
)
#: The repository whose lots :data:`_OFFICE_LOT_SCAN` finds (its records are NARA's now).
_OFFICE_LOT_ARCHIVE = "DOS"

# Levels whose parts may follow each other before the unit cited.
_TITLED = frozenset({"series", "microfilm"})
# Levels after which a title is a folder's (in a reference without a record group,
# or once a lot is cited): "Box 340, Subject Files", "Lot 63 D 351, NSC 68".
_HOLDERS = frozenset({"box", "lot", "folder"})
# The levels that cite a unit of the records (not only a collection or series).
_UNITS = frozenset({"file", "lot", "box", "folder", "entry", "roll", "microfilm"})

# At most this many parts after the name or record group (a real reference has
# about ten): reading stops there, so a read costs a bounded amount of work.
_MAX_PARTS = 24

_DECIMAL_DATE = re.compile(r"/(?P<m>\d{1,2})-(?P<rest>\d{3,4})(?![\d])")


# --------------------------------------------------------------------------- reading


class _Read(NamedTuple):
    prefix: re.Match[str] | None
    rg: re.Match[str] | None
    levels: tuple[Level, ...]
    folios: Locator | None
    end: int
    archive_id: str | None  # for a reference without a name: NARA (a record group), CIA (CREST)
    # "Boxes CL 290 and 292": the further box of a list (the box as a reader
    # writes it out, its span), a reference of its own
    more: tuple[tuple[str, int, int], ...] = ()


_BOX_LETTERS = re.compile(rf"[A-Z]{{1,2}}(?:{_DASH}|{_SP})?(?=\d)")


def _box_written_out(first: str, more: str) -> str:
    """The second box of "Boxes CL 290 and 292" as a reader writes it out.

    >>> _box_written_out("CL 290", "292"), _box_written_out("3", "4")
    ('CL 292', '4')
    """
    if more[:1].isdigit():
        letters = _BOX_LETTERS.match(first)
        if letters is not None:
            return letters.group() + more
    return more


def _part_at(
    g: _Grammar, text: str, pos: int, end: int, previous: str, *, loose: bool
) -> tuple[str, re.Match[str]] | None:
    """The part of a reference at ``pos``: (kind, match), or ``None``."""
    for kind, pattern in g.parts:
        m = pattern.match(text, pos, end)
        if m is None:
            continue
        if kind == "when" and previous not in {"box", "folder"}:
            continue  # "1947–1948" after a box is a folder; elsewhere it is prose
        if kind == "series" and previous not in {"record_group", "series", "microfilm", ""}:
            if loose and previous in _HOLDERS:
                continue  # a folder's title
            return None  # titles come before the unit cited: what follows it is prose
        if kind == "folder_title" and not (loose and previous in _HOLDERS):
            return None
        after = m.end()
        ender = _ENDS_ID
        if kind == "series":
            ender = _ENDS_SERIES
        elif kind in {"folder", "folder_title"}:
            ender = _ENDS_STRICT
        elif kind == "when":
            ender = _ENDS_WHEN
        elif kind in {"lot", "accession"}:
            ender = _ENDS_LOT
        if after != end and not ender.match(text, after, end):
            if kind in {"series", "folder_title"}:
                return None
            continue
        return kind, m
    return None


def _level_of(kind: str, m: re.Match[str]) -> list[Level]:
    groups = m.groupdict()
    label = groups.get("label")
    if kind in {"when", "folder_title"}:
        return [Level("folder", m.group("v"))]
    if kind.startswith("pattern:"):
        return [Level("file", m.group("v"))]
    if kind in {"lot", "accession"}:
        levels = [Level("record_group", groups["rgno"])] if groups.get("rgno") else []
        levels += [Level("lot", m.group("v"), title=groups.get("title"), label=label)]
        if groups.get("sub"):
            levels.append(Level("folder", m.group("sub"), label=""))
        return levels
    if kind == "microfilm":
        return [Level("microfilm", m.group("v"), title=groups.get("title"), label=label)]
    level_kind: LevelKind = kind  # type: ignore[assignment]
    return [Level(level_kind, m.group("v"), title=groups.get("title"), label=label)]


def _read(text: str, pos: int, end: int, g: _Grammar, *, finding: bool) -> _Read | None:
    """Read a reference from ``pos``: a name, a record group, a file number on its own."""
    prefix = g.prefix.match(text, pos, end)
    archive_id: str | None = None
    dots = False
    if prefix is not None:
        sep = prefix.group("sep").strip()
        if prefix.group("free") is not None and not sep:
            return None  # "Kennedy Library Boston"
        # "Department of State. Central Files. ORG 7 S.": full stops between the
        # parts; in running text such a reference must reach a unit, or "in the
        # Kennedy Library. The ..." would be one
        dots = finding and sep == "." and prefix.group("free") is not None
        pos = prefix.end()
    rg = _RG.match(text, pos, end)
    if prefix is not None and prefix.group("rgname") is not None and rg is None:
        return None
    levels: list[Level] = []
    previous = ""
    if rg is not None:
        levels.append(Level("record_group", rg.group("rg"), label=rg.group("label")))
        previous = "record_group"
        k = rg.end()
    elif prefix is None:
        bare = g.bare.match(text, pos, end)
        if bare is None or (bare.end() != end and not _ENDS_ID.match(text, bare.end(), end)):
            return None
        name = bare.lastgroup or ""
        return _Read(
            None, None, (Level("file", bare.group()),), None, bare.end(), g.archive_of[name]
        )
    else:
        k = pos
    if prefix is None:
        archive_id = ARCHIVE_ID
    more: list[tuple[str, int, int]] = []
    levels, folios, k = _read_parts(
        text,
        k,
        end,
        g,
        levels,
        previous=previous,
        loose=rg is None,
        first=rg is None,
        dots=dots,
        more=more,
    )
    if dots and not any(lv.kind in _UNITS for lv in levels):
        return None
    return _Read(prefix, rg, tuple(levels), folios, k, archive_id, tuple(more))


def _read_office_lot(text: str, pos: int, end: int, g: _Grammar) -> _Read | None:
    """ "S/S–NSC Files: Lot 63D351" at ``pos``: the Department of State's lot, cited
    by its office's files without the Department's name (1945-1950 volumes)."""
    levels, folios, k = _read_parts(text, pos, end, g, [], previous="", loose=True, first=True)
    if len(levels) < 2 or levels[0].kind != "series" or levels[1].kind != "lot":
        return None
    return _Read(None, None, tuple(levels), folios, k, _OFFICE_LOT_ARCHIVE)


def _read_parts(
    text: str,
    k: int,
    end: int,
    g: _Grammar,
    levels: list[Level],
    *,
    previous: str,
    loose: bool,
    first: bool,
    dots: bool = False,
    more: list[tuple[str, int, int]] | None = None,
) -> tuple[list[Level], Locator | None, int]:
    """The parts of a reference from ``k`` on (``first``: no separator before the
    first one; ``dots``: full stops separate the parts until the unit cited): the
    levels after ``levels``, the pages, where reading stopped."""
    folios: Locator | None = None
    while k < end and len(levels) < _MAX_PARTS:
        spaced = semi = False
        if first:
            start = k
        else:
            sep = _SEP.match(text, k, end)
            if sep is None and dots:
                sep = _DOT_SEP.match(text, k, end)
            if sep is None and previous in _TITLED:
                sep = _COLON.match(text, k, end)  # "S/P Files: Lot 64 D 563"
            if sep is None and previous in _TITLED:
                sep = _PAREN_SEP.match(text, k, end)  # "Files, 1957-1990 (Lot File 96 D 292)"
            if sep is None and previous == "series" and levels[-1].value in _data().registries:
                sep = _SPACED.match(text, k, end)  # "Central File 761.00"
            semi = sep is None and previous in _TITLED
            if semi:
                sep = _SEMI.match(text, k, end)
                spaced = sep is not None
            else:
                spaced = sep is None and previous == "record_group"
            if spaced and not semi:
                sep = _SPACED.match(text, k, end)  # "RG 59 123 H 43/36"
            if sep is None:
                break
            start = sep.end()
        first = False
        if previous == "series" and levels and levels[-1].value in _data().registries:
            subject = _SUBJECT_ONLY.match(text, start, end)
            if subject is not None:  # "Department of State, Central File 761.00"
                levels.append(Level("file", subject.group("v")))
                previous = "file"
                k = subject.end()
                dots = False
                continue
        hit = _part_at(g, text, start, end, previous, loose=loose)
        if hit is None or (spaced and hit[0] != "file" and not hit[0].startswith("pattern:")):
            break
        if spaced and semi and not hit[0].startswith("pattern:"):
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
        if kind == "box" and m.group("more"):
            # "Boxes CL 290 and 292": two references; the list ends the first
            if more is not None:
                value = _box_written_out(head.value, m.group("more"))
                more.append((value, m.start("more"), m.end("more")))
            levels.extend(new)
            k = m.end("v")
            break
        if (
            kind == "series"
            and head.label
            and levels
            and levels[-1].kind == "series"
            and not levels[-1].label
            and levels[-1].title is None
        ):
            # "Mansfield Papers, Series 13": the collection's numbered series, the
            # collection's name its title (as a lot keeps its office's: "WTC Lot File")
            new[0] = attrs.evolve(head, title=levels.pop().value)
            head = new[0]
        years = _TITLE_YEARS.match(text, k, end) if head.kind in _TITLED else None
        if years is not None and head.kind == "series":
            new[0] = attrs.evolve(head, value=text[m.start("v") : years.end()])
            k = years.end()
        elif years is not None and head.title:
            new[0] = attrs.evolve(head, title=text[m.start("title") : years.end()])
            k = years.end()
        if kind in {"lot", "accession"}:
            named = _UNIT_TITLE.match(text, k, end)
            if named is not None:
                # "Job 85–01156R: Policy, Planning, and History Records (1981–1984)":
                # the job's description, read past (the reference's text keeps it)
                k = named.end()
        levels.extend(new)
        previous = new[-1].kind
        if previous in _UNITS:
            dots = False  # "ORG 7 S. Secret.": after the unit, a full stop ends it
        if kind in {"lot", "accession"}:
            loose = True  # what follows a lot is its folders' titles
    return levels, folios, k


def _archive_of(read: _Read, registry: Registry) -> tuple[Archive | None, str | None]:
    """The archive a reference names, and the name as cited."""
    if read.prefix is None:
        return registry.get(read.archive_id or ARCHIVE_ID), None
    cited = read.prefix.group("free") or read.prefix.group("rgname")
    return registry.get(cited), cited


def _names_a_collection(level: Level) -> bool:
    words = _data().collection_words
    return any(w.casefold() in words for w in re.findall(r"[^\W\d_]+", level.value))


_SUBJECT_FILE = re.compile(rf"(?:{_alternatives(_data().subject_codes)}){_SP}\d[^\n]{{0,40}}")


def _names_its_files(level: Level) -> bool:
    """Whether a series' title names a collection of files by its last word
    (``files_words`` in the data): "Bundy Files", "INR–NIE Files".

    >>> _names_its_files(Level("series", "Bundy Files"))
    True
    >>> _names_its_files(Level("series", "Bureau of Public Affairs"))
    False
    >>> _names_its_files(Level("series", "Central Files"))  # a registry: its file is cited
    False
    """
    words = level.value.split()
    data = _data()
    return bool(words) and words[-1] in data.files_words and level.value not in data.registries


def _refusal(read: _Read, archive: Archive | None) -> str | None:
    """Why what was read is no reference of its repository, or ``None``."""
    if read.rg is not None or archive is None:
        return None  # a record group: a reference (ARC302 when nothing follows it)
    need = _data().needs.get(archive.id, "level")
    kinds = {lv.kind for lv in read.levels}
    first = read.levels[0] if read.levels else None
    if (
        need == "series_and_unit"
        and (first is None or first.kind != "series")
        # "Department of State, POL 15 VIET S": a subject-numeric file names its files
        and not (
            first is not None and first.kind == "file" and _SUBJECT_FILE.fullmatch(first.value)
        )
    ):
        return "names no series of the files first"
    if kinds & _UNITS:
        return None
    if need == "series_and_unit" and first is not None and _names_its_files(first):
        return None  # "Department of State, Bundy Files, Special Papers"
    if need in {"unit", "series_and_unit"}:
        return "names no file, lot, box or folder"
    if any(_names_a_collection(lv) for lv in read.levels if lv.kind in {"series", "folder"}):
        return None
    return "names no file, box or collection"


def held_by(archive: Archive, registry: Registry | None = None) -> Archive:
    """The archive that holds the records cited under ``archive``'s name today
    (``[held_by]`` in ``data/us_notation.toml``), or ``archive`` itself.

    >>> from archref.registry import default_registry
    >>> held_by(default_registry().get("Department of State")).id
    'NARA'
    """
    target = _data().held_by.get(archive.id)
    if target is None:
        return archive
    from archref.registry import default_registry  # noqa: PLC0415

    return (registry or default_registry()).get(target) or archive


def _build(text: str, read: _Read, registry: Registry) -> ArchivalReference:
    archive, cited = _archive_of(read, registry)
    if archive is not None:
        archive = held_by(archive, registry)
    return ArchivalReference(
        archive=archive,
        levels=read.levels,
        folios=read.folios,
        archive_as_cited=cited,
        text=text,
        notation=NOTATION,
    )


def parse(text: str, *, registry: Registry | None = None) -> ArchivalReference:
    """Parse exactly one reference of the US National Archives or another American repository.

    Surrounding whitespace, one pair of enclosing parentheses and one final
    full stop or semicolon are tolerated. Raises :class:`~archref.ParseError`
    when ``text`` is not one reference.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes a str, not {type(text).__name__}")
    reg = registry or default_registry()
    g = _grammar(reg)
    end = len(text.rstrip())
    pos = len(text) - len(text.lstrip())
    if end - pos >= 2 and text[pos] == "(" and text[end - 1] == ")":
        pos, end = pos + 1, end - 1
    if end > pos and text[end - 1] in ".;":
        end = len(text[: end - 1].rstrip())
    if pos >= end:
        raise ParseError("empty text is not a reference", text, 0, len(text))
    prefix = g.prefix.match(text, pos, end)
    if prefix is not None and prefix.group("rgname") and not _RG.match(text, prefix.end(), end):
        raise ParseError(
            "expected a record group ('RG 59', 'Record Group 59')",
            text,
            prefix.end(),
            min(end, prefix.end() + 1),
        )
    read = _read(text, pos, end, g, finding=False)
    if read is None:
        raise ParseError(
            "not a reference of the US National Archives or another American repository "
            "(expected 'RG' and a number, or a repository's name and a comma)",
            text,
            pos,
            min(end, pos + 2),
        )
    if read.end != end:
        raise ParseError("unexpected text after the reference", text, read.end, end)
    archive, _ = _archive_of(read, reg)
    refusal = _refusal(read, archive)
    if refusal is not None:
        at = read.prefix.end() if read.prefix is not None else pos
        raise ParseError(f"the reference {refusal}", text, at, end)
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
    """Every reference of the US National Archives or another American repository
    in ``text``, in order.

    With an archive's name before the record group, a record group alone
    is found (and :func:`validate` reports it, ARC302); without one, "RG n"
    must be followed by at least one part of a reference. A repository named
    without a record group needs what its data says (a file, a box, or a
    collection's title); a CREST document number is found on its own.
    """
    reg = registry or default_registry()
    g = _grammar(reg)
    n = len(text)
    starts: list[tuple[int, int]] = [(m.start(), 0) for m in g.prefix_scan.finditer(text)]
    starts += [(m.start(), 1) for m in _RG_SCAN.finditer(text)]
    starts += [(m.start(), 2) for m in g.bare_scan.finditer(text)]
    starts += [(m.start(), 3) for m in _OFFICE_LOT_SCAN.finditer(text)]
    starts.sort()
    found: list[Match] = []
    covered_to = -1
    for start, how in starts:  # one sweep, in order: a start inside a reference is skipped
        if start < covered_to:
            continue
        read = _read_office_lot(text, start, n, g) if how == 3 else None
        read = read or _read(text, start, n, g, finding=True)
        if read is None or (read.prefix is None) != (how != 0):
            continue
        if how == 1 and len(read.levels) < 2:
            continue  # "RG 59" with nothing after it and no archive named
        archive, _ = _archive_of(read, reg)
        if _refusal(read, archive) is not None:
            continue
        ref = _build(text[start : read.end], read, reg)
        found.append(Match(ref, start, read.end))
        covered_to = read.end
        for value, s, e in read.more:  # "Boxes CL 290 and 292": the second box
            levels = tuple(
                attrs.evolve(lv, value=value) if lv.kind == "box" and lv is ref.levels[-1] else lv
                for lv in ref.levels
            )
            found.append(Match(attrs.evolve(ref, levels=levels, text=text[s:e]), s, e))
            covered_to = max(covered_to, e)
    return _with_ibids(text, found, g)


# "(Ibid., 611.61/12–358)", "(Ibid.,OCB Files: Lot 62 D 430, ...)": FRUS cites another
# unit of the repository just named (a source note's reference) by "Ibid." and the parts.
_IBID = re.compile(rf"(?<![\w])[Ii]bid\.,{_SP}{{0,2}}(?=[A-Z0-9])")


def _with_ibids(text: str, found: list[Match], g: _Grammar) -> list[Match]:
    """``found`` and the references that "Ibid." followed by parts makes of the
    repository of the reference before it: the parts as written, the archive and
    its name as cited taken from there. Only a unit (a file, lot, box, folder...)
    read after "Ibid.," makes one: a bare "Ibid." repeats its antecedent, which
    the extraction resolves."""
    if not found:
        return found
    added: list[Match] = []
    n = len(text)
    i = 0  # found[:i] end before the "Ibid." (found is in order and disjoint)
    last = found[0]
    for m in _IBID.finditer(text, found[0].end):
        while i < len(found) and found[i].end <= m.start():
            last = found[i]
            i += 1
        if i < len(found) and found[i].start <= m.start():
            continue  # inside a reference
        if added and added[-1].end > m.start():
            continue  # inside what an earlier "Ibid." read
        if added and added[-1].start > last.start:
            last = added[-1]
        antecedent = last.reference
        levels, folios, k = _read_parts(
            text, m.end(), n, g, [], previous="", loose=True, first=True
        )
        if not any(lv.kind in _UNITS for lv in levels):
            continue
        ref = ArchivalReference(
            archive=antecedent.archive,
            levels=tuple(levels),
            folios=folios,
            archive_as_cited=antecedent.archive_as_cited,
            text=text[m.start() : k],
            notation=NOTATION,
        )
        added.append(Match(ref, m.start(), k))
    return sorted([*found, *added], key=lambda f: f.start) if added else found


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
        if label and level.title:
            return f"{label} {value}: {level.title}"  # "Folder 24: (SIG–IEP Meetings 1983)"
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
    if label and level.title:
        return f"{level.title}, {label} {value}"  # "Mansfield Papers, Series 13"
    return f"{label} {value}" if label else value  # a series: its title, or "Series 13"


def _core_text(ref: ArchivalReference) -> str:
    if not ref.levels:
        raise ValueError(f"not a reference of an American repository: {ref!r}")
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
    if (
        ref.archive is not None
        and ref.archive_as_cited is None
        and ref.levels
        and ref.levels[0].kind == "series"
        and _data().held_by.get(_OFFICE_LOT_ARCHIVE) == ref.archive.id
    ):
        # "S/S–NSC Files: Lot 63D351", read as the Department's lot: written with
        # the Department's name, which reads back as the same reference
        ref = attrs.evolve(ref, archive_as_cited=_OFFICE_LOT_ARCHIVE)
    if _cited_for_its_holder(ref):
        # "Department of State, Central Files, ...": the name the note cites the
        # files by, which reads back as the same reference ("NARA, Central Files"
        # would need a record group); in the short style too, where the name stands
        # for the records it names as a record group would
        if style == "short":
            return f"{ref.archive_as_cited}, {core}"
        return fonds.with_archive_name(attrs.evolve(ref, archive=None), core, style)
    return fonds.with_archive_name(ref, core, style)


def _cited_for_its_holder(ref: ArchivalReference) -> bool:
    """Whether ``ref`` names, and nothing but the name says so (no record group), a
    repository whose records its archive now holds (``[held_by]``): the Department
    of State for "Department of State, Central Files, 611.61/3-1061". Writers then
    name it, so that what they write reads back as the same reference.

    >>> _cited_for_its_holder(parse("Department of State, Central Files, 611.61/3-1061"))
    True
    >>> _cited_for_its_holder(parse("NARA, RG 59, Central Files, 611.61/3-1061"))
    False
    """
    if ref.archive is None or ref.archive_as_cited is None:
        return False
    if any(lv.kind == "record_group" for lv in ref.levels):
        return False
    from archref.registry import default_registry  # noqa: PLC0415

    cited = default_registry().get(ref.archive_as_cited)
    return cited is not None and cited.id != ref.archive.id and held_by(cited) == ref.archive


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
    has_rg = bool(ref.levels) and ref.levels[0].kind == "record_group"
    rg = _RG.search(text) if text and has_rg else None
    span = (rg.start(), rg.end()) if rg is not None else (0, len(text))
    if has_rg and len(ref.levels) == 1 and ref.folios is None:
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
