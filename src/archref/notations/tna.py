"""The UK National Archives: department, series, piece.

The National Archives at Kew (TNA; the Public Record Office, PRO, until
2003) gives every record a reference of three parts: the letters of the
**department** that created it ("FO", the Foreign Office), the number of a
**series** within the department ("371", general political
correspondence) and, after a slash, the **piece**, the unit that is
produced to a reader ("84053"). Some pieces are divided into **items**,
written after a further slash: "CAB 129/1/1", "PREM 4/43A/16".

>>> ref = parse("TNA, FO 371/84053")
>>> ref.archive.id, ref.department, ref.series, ref.piece
('TNA', 'FO', '371', '84053')
>>> str(ref)
'TNA, FO 371/84053'
>>> print(format_reference(ref, "en-full"))
The National Archives, Kew, FO 371/84053
>>> format_reference(ref, "short")
'FO 371/84053'
>>> parse("PRO : PREM 4/43A/16").item
'16'

The archive may be named before the reference, by an acronym or by its
name, followed by a comma, a colon or a space: "TNA, ", "TNA: ", "PRO, ",
"PRO: ", "PRO : ", "UKNA: ", "The National Archives, Kew, ", "TNA: PRO ".
Without a name the department code is enough: the reference is TNA's.
A former name (PRO) resolves to TNA; :func:`validate` says so (ARC102).

>>> parse("CAB 128/18").archive.id
'TNA'
>>> [(d.code, d.suggestion) for d in validate(parse("PRO, FO 371/133009"))]
[('ARC102', 'TNA, FO 371/133009')]

Identifiers are strings ("43A"). A department glued to its series ("FO371/1")
is read, with a note (ARC201). A department that is not in the list of
``data/tna_departments.toml`` is a warning (ARC202), not a failure.

>>> [d.code for d in validate(parse("FO371/1"))]
['ARC201']
>>> [d.code for d in validate(parse("UKNA: XYZ 1/2"))]
['ARC202']

What follows the piece after a comma is kept in one of two ways:

* a **part** of the piece, "PART 1" or a lower-case Roman numeral after a
  comma (", ii", as the Australian documents edition cites volumes of a
  file), is a level of kind ``"chast"``: it locates the paper, so it takes
  part in equality, and it is written back as ", part 1" or ", ii";
* a **departmental file number** ("Z21/2", the Foreign Office's registry
  number; "IM 1193/154"; "MISC 17/1", a Cabinet committee paper) is kept as
  the piece's ``title``: shown, written back, but not part of equality.

>>> [(lv.kind, lv.value) for lv in parse("UKNA: CAB 129/102 PART 1").levels]
[('department', 'CAB'), ('series', '129'), ('piece', '102'), ('chast', '1')]
>>> str(parse("PRO: DO 35/1003, ii"))
'TNA, DO 35/1003, ii'
>>> ref = parse("UKNA: FO 371/173522, Z21/2")
>>> ref.levels[2].title, str(ref)
('Z21/2', 'TNA, FO 371/173522, Z21/2')

What is missing is said:

>>> parse("FO/371")
Traceback (most recent call last):
...
archref.model.common.ParseError: missing the series after 'FO' (found '/') at column 3: '/'
>>> parse("FO 371")
Traceback (most recent call last):
...
archref.model.common.ParseError: missing '/' and the piece after 'FO 371' at column 7

Damage by OCR is reported with a suggestion, never silently repaired. A
digit 0 for the letter O in a department code is the one certain reading:
the department's value is the code meant, as a Cyrillic "Р-9401" is the
fond R-9401, its ``text`` keeps what was written, and ARC203 says so. Any
other damage stays as written.

>>> ref = parse("UKNA: FC0 24/1313")
>>> str(ref), ref.levels[0].text
('TNA, FCO 24/1313', 'FC0')
>>> [(d.code, d.text, d.fix) for d in validate(ref)]
[('ARC203', 'FC0', 'FCO')]
>>> [(d.code, d.suggestion) for d in validate(parse("UKNA: FC0 24/1313"))]
[('ARC203', 'TNA, FCO 24/1313')]
>>> [(d.code, d.suggestion) for d in validate(parse("PRO:D035/1000"))]
[('ARC102', 'TNA, DO 35/1000'), ('ARC203', 'TNA, DO 35/1000'), ('ARC201', 'TNA, DO 35/1000')]
>>> [(d.code, d.severity) for d in validate(parse("UKNA: DEFE 7/ 1726"))]
[('ARC204', 'info')]

:func:`find` reads running text. After an archive's name anything of the
shape is found; without one, only an exact "DEPT series/piece" whose
department is known, so "24/7", "RG 59" and UN symbols are not:

>>> [(m.start, m.end, str(m.reference)) for m in find("(PRO, FO 371/133009, Stevens to Riches)")]
[(1, 19, 'TNA, FO 371/133009')]
>>> [m.reference.piece for m in find("See FO 371/84053 and 24/7, S/RES/82, RG 59.")]
['84053']

Every pattern is a regular expression with bounded repetitions only, tried
at a bounded number of positions, so reading is linear in the text.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import NamedTuple

import attrs

from archref._patterns import LazyPattern
from archref.model import ArchivalReference, Archive, Diagnostic, Level, ParseError
from archref.notations import fonds
from archref.notations.fonds import Style
from archref.registry import Registry, default_registry
from archref.suggest import closest, did_you_mean

__all__ = [
    "STYLES",
    "Match",
    "Style",
    "departments",
    "find",
    "format_reference",
    "parse",
    "validate",
]

#: The notation styles :func:`format_reference` writes (those of the fond family).
STYLES = fonds.STYLES

#: The registry id of The National Archives.
ARCHIVE_ID = "TNA"


@cache
def departments() -> Mapping[str, str]:
    """The department codes archref knows: code -> the department's name.

    >>> departments()["FO"]
    'Foreign Office'
    """
    data = _departments_data()["departments"]
    return {str(k): str(v) for k, v in data.items()}


@cache
def _departments_data() -> dict[str, dict[str, object]]:
    text = resources.files("archref").joinpath("data/tna_departments.toml").read_text("utf-8")
    return tomllib.loads(text)


@cache
def _bare_rules() -> tuple[frozenset[str], int]:
    """From ``data/tna_departments.toml``'s ``[bare]``: the codes found only after
    an archive's name ("NSC 5810/1" is a paper of the US National Security
    Council), and how many letters a code written without a space before its
    series ("CAB123/246", "DEFE" at the end of a line) needs to be found without
    one ("TS691/1", "DL47/5/1" are control symbols of the National Archives of
    Australia).

    >>> "NSC" in _bare_rules()[0], _bare_rules()[1]
    (True, 3)
    """
    bare = _departments_data().get("bare", {})
    codes = bare.get("named_only", [])
    letters = bare.get("joined_min_letters", 99)
    assert isinstance(codes, list) and isinstance(letters, int)
    return frozenset(str(c) for c in codes), letters


# --------------------------------------------------------------------------- patterns

_SP = r"[ \t\u00a0]"

_PREFIX_NAMES = rf"""
    (?P<name>The{_SP}National{_SP}Archives(?:,{_SP}{{0,2}}Kew)?
      | TNA(?:{_SP}{{0,2}}:{_SP}{{0,2}}PRO(?={_SP}{{1,2}}[A-Z]))?
      | UKNA
      | PRO
      | Public{_SP}Record{_SP}Office)
    (?P<sep>{_SP}{{0,2}}[,:.]{_SP}{{0,2}}|{_SP}{{1,2}})
"""
_PREFIX = LazyPattern(_PREFIX_NAMES, re.VERBOSE)
_PREFIX_SCAN = LazyPattern(r"(?<![\w])" + _PREFIX_NAMES, re.VERBOSE)

# OCR's letters for digits in a piece: "S3" for "53", "O7" or "l2" for "07", "12"; at
# least one real digit, and no letter that could be a piece's own suffix ("43A").
_OCR_PIECE = r"(?=[0-9SOl]{1,7}(?![\w/]))(?=[SOl]{0,6}[0-9])[0-9SOl]{0,6}[SOl][0-9SOl]{0,6}"
_OCR_DIGITS = str.maketrans({"S": "5", "O": "0", "l": "1"})
_OCR_PIECE_FULL = re.compile(_OCR_PIECE)

# The lenient shape: "0" in the department (OCR for "O"), a glued or spaced
# series, a stray full stop before the series, spaces around the slash; the
# catalogue's slash form ("CAB/65/50/12"), a Foreign Office registry number
# after the piece ("F0371/40696/U5407"), OCR's letters for digits in a piece.
# Also a doubled slash ("CAB 16//183A") and the hyphens of some reference lists
# ("POWE 14-740", "EG-1-60"), the latter only as :func:`_hyphens_fit` allows.
_CORE = LazyPattern(
    rf"""
    (?P<dept>[A-Z][A-Z0]{{0,4}}|[A-Z][a-z]{{1,3}}\.(?={_SP}))
    (?P<gap>{_SP}{{0,2}}(?:\.{_SP}{{0,2}})?|\n|/|-)
    (?P<series>\d{{1,4}})
    (?P<before>{_SP}{{0,2}})(?P<slash>//?|-)(?P<after>{_SP}{{0,2}})
    (?P<piece>\d{{1,7}}[A-Z]?|{_OCR_PIECE})
    (?:/(?P<item>\d{{1,5}}[A-Z]?))?
    (?:/(?P<registry>[A-Z]{{1,2}}\d{{1,6}}(?:/\d{{1,5}}){{0,2}}))?
    (?![\w/])
    """,
    re.VERBOSE,
)

# What a text resembles when _CORE fails, to say what is missing.
_PARTIAL = LazyPattern(
    rf"(?P<dept>[A-Z][A-Z0]{{0,4}})(?![^\W\d_])(?P<gap>{_SP}{{0,2}}\.?{_SP}{{0,2}})"
    rf"(?P<series>\d{{1,4}})?(?P<before>{_SP}{{0,2}})(?P<slash>/)?"
)

# The exact shape found in prose without an archive's name.
_BARE = LazyPattern(
    r"(?<![\w/.\-])(?P<dept>[A-Z][A-Z0]{0,4}|[A-Z][a-z]{1,3}\.(?= ))(?P<gap>[ \u00a0]|/|-|\n|)"
    r"(?P<series>[1-9]\d{0,3})[/\-]"
    rf"(?P<piece>\d{{1,7}}[A-Z]?|{_OCR_PIECE})(?:/(?P<item>\d{{1,5}}[A-Z]?))?"
    r"(?:/(?P<registry>[A-Z]{1,2}\d{1,6}(?:/\d{1,5}){0,2}))?(?![\w/])"
)

_PART = LazyPattern(
    rf",?{_SP}{{1,2}}(?P<label>PART|Part|part|Pt\.?|pt\.?){_SP}{{0,2}}"
    rf"(?P<part>\d{{1,3}}|[ivxIVX]{{1,6}})(?![\w/])"
    rf"|,{_SP}{{0,2}}(?P<roman>[ivx]{{1,6}})(?![\w/]|\.\w)"
)
_FILE = LazyPattern(
    rf",{_SP}{{0,2}}(?P<file>[A-Z]{{1,5}}{_SP}?\d{{1,5}}(?:/\d{{1,5}}[A-Z]?){{0,3}})(?![\w/])"
)
_ROMAN = LazyPattern(r"[ivx]{1,6}")


def _code(dept: str) -> str:
    """The department code of a department as written: "Cab." (the older notes'
    abbreviation of a known code, in title case with a full stop) is "CAB"; a
    code that OCR gave a digit 0 for the letter O ("F0", "FC0", "D0"), which
    is no known code while the code with the letter is one, is that code (the
    level keeps "F0" as its ``text``, and ARC203 reports it); any other
    spelling is kept.

    >>> _code("Cab."), _code("FO"), _code("Vol.")
    ('CAB', 'FO', 'Vol.')
    >>> _code("F0"), _code("FC0"), _code("X0")
    ('FO', 'FCO', 'X0')
    """
    known = departments()
    if dept.endswith(".") and dept[:-1].upper() in known:
        return dept[:-1].upper()
    if "0" in dept and dept not in known and dept.replace("0", "O") in known:
        return dept.replace("0", "O")
    return dept


_HYPHEN_SERIES = LazyPattern(r"[1-9][0-9]{0,2}")
_HYPHEN_PIECE = LazyPattern(r"[0-9]{1,5}[A-Z]?")


def _hyphens_fit(core: re.Match[str]) -> bool:
    """Does a reference written with hyphens ("POWE 14-740", "EG-1-60") read as one?

    Hyphens join the parts only where nothing else could be meant: a known
    department, a series of at most three digits, a plain piece, and a hyphen
    before the piece (so that "FO 1950-1951" and "CAB 1945-50", years, are not
    read). Without hyphens, anything of the shape fits.

    >>> [_hyphens_fit(_CORE.match(t)) for t in ("EG-1-60", "POWE 14-740", "FO 1950-1951")]
    [True, True, False]
    """
    if core.group("gap") != "-" and core.group("slash") != "-":
        return True
    return (
        core.group("slash") == "-"
        and core.group("dept") in departments()
        and _HYPHEN_SERIES.fullmatch(core.group("series")) is not None
        and _HYPHEN_PIECE.fullmatch(core.group("piece")) is not None
        and not core.group("item")
        and not core.group("registry")
    )


# --------------------------------------------------------------------------- reading


class _Read(NamedTuple):
    prefix: re.Match[str] | None
    core: re.Match[str]
    part: re.Match[str] | None
    file: re.Match[str] | None
    end: int


def _prefix_at(text: str, pos: int, end: int, pattern: LazyPattern) -> re.Match[str] | None:
    m = pattern.match(text, pos, end)
    if m is None:
        return None
    if not m.group("sep").strip() and m.end() < end and text[m.end()].isdigit():
        return None  # "PRO 30/69/1": the department PRO, not the archive
    return m


def _tail(text: str, k: int, end: int) -> tuple[re.Match[str] | None, re.Match[str] | None, int]:
    part = _PART.match(text, k, end)
    if part is not None:
        k = part.end()
    file = _FILE.match(text, k, end)
    if file is not None:
        nested = _CORE.fullmatch(file.group("file"))
        if nested is not None and nested.group("dept") in departments():
            file = None  # ", FO 371/2" is the next reference, not a file number
        else:
            k = file.end()
    return part, file, k


def _read_at(text: str, pos: int, end: int) -> _Read | None:
    prefix = _prefix_at(text, pos, end, _PREFIX)
    start = prefix.end() if prefix is not None else pos
    core = _CORE.match(text, start, end)
    if core is None:
        return None
    part, file, k = _tail(text, core.end(), end)
    return _Read(prefix, core, part, file, k)


def _archive_of(
    prefix: re.Match[str] | None, registry: Registry
) -> tuple[Archive | None, str | None]:
    if prefix is None:
        return registry.get(ARCHIVE_ID), None
    cited = prefix.group("name")
    key = cited
    if cited.startswith("TNA"):
        key = "TNA"  # "TNA: PRO" is TNA's own form, naming the current archive
    elif cited.startswith("The"):
        key = cited.split(",")[0]  # "The National Archives, Kew"
    return registry.get(key), cited


def _build(text: str, read: _Read, registry: Registry) -> ArchivalReference:
    core = read.core
    archive, cited = _archive_of(read.prefix, registry)
    file = read.file.group("file") if read.file is not None else core.group("registry")
    levels = [
        Level(
            "department",
            _code(core.group("dept")),
            text=core.group("dept") if _code(core.group("dept")) != core.group("dept") else None,
        ),
        Level("series", core.group("series")),
        Level("piece", core.group("piece"), title=file),
    ]
    if core.group("item"):
        levels.append(Level("item", core.group("item")))
    if read.part is not None:
        if read.part.group("roman"):
            levels.append(Level("chast", read.part.group("roman")))
        else:
            levels.append(Level("chast", read.part.group("part"), label=read.part.group("label")))
    return ArchivalReference(
        archive=archive,
        levels=tuple(levels),
        archive_as_cited=cited,
        text=text,
        notation="tna",
    )


def _shape_error(text: str, pos: int, end: int) -> ParseError:
    m = _PARTIAL.match(text, pos, end)
    if m is None:
        return ParseError(
            "expected a department code of The National Archives (capital letters such as 'FO')",
            text,
            pos,
            min(end, pos + 1),
        )
    dept = m.group("dept")
    if m.group("series") is None:
        at = m.end("gap")
        if at < end and text[at] == "/":
            return ParseError(
                f"missing the series after {dept!r} (found '/')",
                text,
                at,
                at + 1,
            )
        return ParseError(
            "not a reference of The National Archives (department, series/piece)",
            text,
            pos,
            m.end("dept"),
        )
    head = f"{dept} {m.group('series')}"
    if m.group("slash") is None:
        at = m.end("series")
        return ParseError(
            f"missing '/' and the piece after {head!r}",
            text,
            at,
            at,
        )
    at = m.end("slash")
    while at < end and text[at] in " \t\u00a0":
        at += 1
    return ParseError(f"missing the piece after {head + '/'!r}", text, at, min(end, at + 1))


def parse(text: str, *, registry: Registry | None = None) -> ArchivalReference:
    """Parse exactly one reference of The National Archives.

    Surrounding whitespace and one final full stop or semicolon are tolerated.
    Raises :class:`~archref.ParseError` when ``text`` is not one reference.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes a str, not {type(text).__name__}")
    reg = registry or default_registry()
    end = len(text.rstrip())
    if end and text[end - 1] in ".;":
        end = len(text[: end - 1].rstrip())
    pos = len(text) - len(text.lstrip())
    if pos >= end:
        raise ParseError("empty text is not a reference", text, 0, len(text))
    prefix = _prefix_at(text, pos, end, _PREFIX)
    start = prefix.end() if prefix is not None else pos
    core = _CORE.match(text, start, end)
    if core is None or not _hyphens_fit(core):
        raise _shape_error(text, start, end)
    dept = core.group("dept")
    if dept.endswith(".") and _code(dept) == dept:
        raise ParseError(
            f"{dept!r} is no department of The National Archives",
            text,
            core.start("dept"),
            core.end("dept"),
        )
    if core.group("gap") == "/" and dept.replace("0", "O") not in departments():
        raise ParseError(  # "S/1999/201" is a UN symbol, "F/7/12345" a French series
            f"{dept!r} before a slash is no department of The National Archives",
            text,
            core.start("dept"),
            core.end("dept"),
        )
    named = reg.get(dept) if prefix is None and dept not in departments() else None
    if named is not None and named.notation != "signature":  # "GARF 1/2/3": fond shorthand
        raise ParseError(
            f"{dept!r} names an archive, not a department of The National Archives",
            text,
            core.start("dept"),
            core.end("dept"),
        )
    part, file, k = _tail(text, core.end(), end)
    if k != end:
        raise ParseError("unexpected text after the reference", text, k, end)
    return _build(text, _Read(prefix, core, part, file, k), reg)


# --------------------------------------------------------------------------- finding


@attrs.frozen
class Match:
    """A reference of The National Archives found in running text, with its span.

    ``start``/``end`` are character offsets into the text searched; the
    reference's ``text`` is the span's text, and the offsets of
    :func:`validate`'s diagnostics are relative to ``start``.
    """

    reference: ArchivalReference
    start: int
    end: int


def find(text: str, *, registry: Registry | None = None) -> list[Match]:
    """Every reference of The National Archives in ``text``, in order.

    With an archive's name before it ("PRO: ", "UKNA: ", "TNA, "), anything of
    the shape is found, damaged or not; without one, a "DEPT series/piece"
    whose department is in :func:`departments` (read with the letter O for a
    zero: "F0 371/40696"), spaced or in the catalogue's slash form
    ("CAB/65/50/12"; the slash form with a known department only, also after
    an archive's name, so that "S/1999/201" stays a UN symbol); a department
    glued to its series ("FO371/1", "CAB66/S3") is read only after an
    archive's name.
    """
    reg = registry or default_registry()
    found: list[Match] = []
    covered: list[tuple[int, int]] = []
    n = len(text)
    for pm in _PREFIX_SCAN.finditer(text):
        if covered and pm.start() < covered[-1][1]:
            continue
        if not pm.group("sep").strip() and pm.end() < n and text[pm.end()].isdigit():
            continue
        core = _CORE.match(text, pm.end())
        if (
            core is None
            or not _hyphens_fit(core)
            or (
                core.group("dept").endswith(".") and _code(core.group("dept")) == core.group("dept")
            )
            or (
                core.group("gap") == "/"
                and core.group("dept").replace("0", "O") not in departments()
            )
        ):
            continue
        part, file, k = _tail(text, core.end(), n)
        start = pm.start()
        read = _Read(pm, core, part, file, k)
        found.append(Match(_build(text[start:k], read, reg), start, k))
        covered.append((start, k))
    known = departments()
    named_only, joined_letters = _bare_rules()
    k = 0  # covered and the bare matches both run in order: one sweep over both
    for bm in _BARE.finditer(text):
        while k < len(covered) and covered[k][1] <= bm.start():
            k += 1
        dept = _code(bm.group("dept"))
        if dept.replace("0", "O") not in known or (k < len(covered) and covered[k][0] < bm.end()):
            continue
        joined = bm.group("gap") in {"", "\n"}
        if dept in named_only or (
            joined and (len(dept) < joined_letters or not bm.group("piece")[:1].isdigit())
        ):
            continue  # "NSC 5810/1"; "TS691/1" (an Australian control symbol); "CAB66/S3"
        if joined and _OCR_PIECE_FULL.fullmatch(bm.group("piece")):
            continue  # glued and damaged: only after an archive's name
        core = _CORE.match(text, bm.start())
        if core is None or core.end() != bm.end() or not _hyphens_fit(core):
            continue
        part, file, k = _tail(text, core.end(), n)
        read = _Read(None, core, part, file, k)
        found.append(Match(_build(text[bm.start() : k], read, reg), bm.start(), k))
    found.sort(key=lambda m: m.start)
    return found


# --------------------------------------------------------------------------- writing


def _core_text(ref: ArchivalReference) -> str:
    values = {lv.kind: lv for lv in ref.levels}
    dept, series, piece = (values.get(k) for k in ("department", "series", "piece"))
    if dept is None or series is None or piece is None:
        raise ValueError(f"not a reference of The National Archives: {ref!r}")
    out = f"{dept.value} {series.value}/{piece.value}"
    item = values.get("item")
    if item is not None:
        out += f"/{item.value}"
    part = values.get("chast")
    if part is not None:
        out += f", {part.value}" if _ROMAN.fullmatch(part.value) else f", part {part.value}"
    if piece.title:
        out += f", {piece.title}"
    return out


def format_reference(ref: ArchivalReference, style: Style | str = "en") -> str:
    """Write a reference in a notation style.

    ``"en"`` (the canonical form: "TNA, FO 371/84053"), ``"en-full"``
    (the archive's name and city: "The National Archives, Kew, FO
    371/84053"), ``"ru"`` ("TNA. FO 371/84053", the full stop of Russian
    notes), ``"de"`` (as ``"en"``) and ``"short"`` (without the archive:
    "FO 371/84053"). Parsing the result gives back an equal reference.

    >>> ref = parse("PRO : PREM 4/43A/16")
    >>> [format_reference(ref, s) for s in ("en", "ru", "short")]
    ['TNA, PREM 4/43A/16', 'TNA. PREM 4/43A/16', 'PREM 4/43A/16']
    """
    if style not in STYLES:
        raise ValueError(f"unknown style {style!r}; choose one of {', '.join(STYLES)}")
    core = _core_text(ref)
    return fonds.with_archive_name(ref, core, style)


# --------------------------------------------------------------------------- rules


def _with_department(ref: ArchivalReference, dept: str) -> ArchivalReference:
    levels = tuple(
        attrs.evolve(lv, value=dept) if lv.kind == "department" else lv for lv in ref.levels
    )
    return attrs.evolve(ref, levels=levels)


def _department_hint(
    ref: ArchivalReference, dept: str, known: Mapping[str, str]
) -> tuple[str, str | None]:
    """ARC202's "did you mean": the known departments one edit from ``dept``
    (named when there are at most three), and the reference with the
    department corrected when there is only one.

    >>> _department_hint(parse("TNA, PERM 11/1"), "PERM", departments())
    ("; did you mean 'PREM'?", 'TNA, PREM 11/1')
    >>> _department_hint(parse("PRO:PO 371/23461"), "PO", departments())[0]  # doctest: +ELLIPSIS
    "; 9 known codes are one edit from it: 'AO', 'CO', 'DO', ..."
    """
    names = closest(dept, known, limit=len(known))
    if len(names) > 3:
        shown = ", ".join(repr(n) for n in names[:3])
        return f"; {len(names)} known codes are one edit from it: {shown}, ...", None
    if len(names) == 1:
        return did_you_mean(names), format_reference(_with_department(ref, names[0]))
    return did_you_mean(names), None


def _with_piece(ref: ArchivalReference, piece: str) -> ArchivalReference:
    levels = tuple(attrs.evolve(lv, value=piece) if lv.kind == "piece" else lv for lv in ref.levels)
    return attrs.evolve(ref, levels=levels)


def _ocr_piece(piece: str) -> str | None:
    """The piece with OCR's letters read as the digits they stand for, if it has any."""
    if piece[:-1].isdigit() or piece.isdigit() or not re.fullmatch(r"[0-9SOl]{1,7}", piece):
        return None
    return piece.translate(_OCR_DIGITS)


def validate(ref: ArchivalReference) -> list[Diagnostic]:
    """The rules of the notation: what is worth a reader's attention in a reference.

    Offsets point into ``ref.text`` (the reference as it was written); the
    spacing rules need that text, the others only the reference.

    * ARC102 (warning): the archive is cited by a former name (PRO);
    * ARC201 (info): the department is glued to its series ("FO371/1");
    * ARC202 (warning): the department code is not a known one;
    * ARC203 (warning): a digit 0 for the letter O in the department code
      ("FC0", "D0"), where the corrected code is a known one;
    * ARC204 (info): stray spaces around the slash or before the series;
    * ARC205 (warning): a stray full stop before the series ("PREM .15/442");
    * ARC206 (warning): letters for digits in the piece, as OCR reads them
      ("CAB66/S3" for "CAB 66/53").

    Each has a suggestion: the reference written canonically, corrected.
    """
    out: list[Diagnostic] = []
    text = ref.text or ""
    known = departments()
    level = next((lv for lv in ref.levels if lv.kind == "department"), None)
    # a level read from a text keeps the code as written ("F0") as its text, its value
    # is the code meant ("FO"); "Cab." is CAB written the older way, no damage
    dept = level.value if level is not None else ""
    written = (level.text or level.value) if level is not None else ""
    if "0" in written and written not in known and written.replace("0", "O") in known:
        dept = written
    fixed = dept.replace("0", "O")
    ocr = dept not in known and "0" in dept and fixed in known
    piece = ref.level("piece") or ""
    piece_fixed = _ocr_piece(piece)
    # every suggestion is the reference as it should be written, all fixes applied
    corrected = _with_department(ref, fixed) if ocr else ref
    if piece_fixed is not None:
        corrected = _with_piece(corrected, piece_fixed)
    canonical = format_reference(corrected)
    former = fonds.former_name_diagnostic(ref, canonical)
    if former is not None:
        out.append(former)
    read = None
    if text:
        pos = len(text) - len(text.lstrip())
        read = _read_at(text, pos, len(text))
        if read is not None and read.core.group("dept") != dept:
            read = None  # the text is not this reference's
    span = (read.core.start("dept"), read.core.end("dept")) if read is not None else (0, 0)
    if ocr:
        out.append(
            Diagnostic(
                "ARC203",
                f"department {dept!r} has the digit 0 for the letter O: {fixed!r} ({known[fixed]})",
                "warning",
                *span,
                text[span[0] : span[1]],
                suggestion=canonical,
                fix=fixed if text[span[0] : span[1]] == dept else None,
            )
        )
    elif dept not in known:
        hint, suggestion = _department_hint(ref, dept, known)
        out.append(
            Diagnostic(
                "ARC202",
                f"department code {dept!r} is not one archref knows{hint}",
                "warning",
                *span,
                text[span[0] : span[1]],
                suggestion=suggestion,
            )
        )
    if piece_fixed is not None:
        pspan = (read.core.start("piece"), read.core.end("piece")) if read is not None else (0, 0)
        out.append(
            Diagnostic(
                "ARC206",
                f"piece {piece!r} has letters for digits (OCR): {piece_fixed!r}",
                "warning",
                *pspan,
                text[pspan[0] : pspan[1]],
                suggestion=canonical,
                fix=piece_fixed if text[pspan[0] : pspan[1]] == piece else None,
            )
        )
    if read is None:
        return out
    core = read.core
    gap = core.group("gap")
    if not gap:
        out.append(
            Diagnostic(
                "ARC201",
                "the department and the series are written together; they are separated by a space",
                "info",
                core.start("dept"),
                core.end("series"),
                text[core.start("dept") : core.end("series")],
                suggestion=canonical,
                fix=f"{core.group('dept')} {core.group('series')}",
            )
        )
    elif "." in gap:
        out.append(
            Diagnostic(
                "ARC205",
                "a stray full stop between the department and the series",
                "warning",
                core.end("dept"),
                core.end("gap"),
                gap,
                suggestion=canonical,
                fix=" ",
            )
        )
    if (gap.strip() == "" and len(gap) > 1) or core.group("before") or core.group("after"):
        start = core.end("dept") if len(gap) > 1 else core.end("series")
        spaced = f" {core.group('series')}/" if len(gap) > 1 else "/"
        stray = text[start : core.start("piece")]
        out.append(
            Diagnostic(
                "ARC204",
                "stray spaces in the reference, read as the canonical form",
                "info",
                start,
                core.start("piece"),
                stray,
                suggestion=canonical,
                fix=spaced if stray.replace(" ", "") == spaced.replace(" ", "") else None,
            )
        )
    return out
