"""UN document symbols: parse, format, validate and find them.

A UN document symbol names one document of the United Nations: components
separated by ``/``, the first the issuing organ. The scheme is described in
the Dag Hammarskjöld Library's research guide "UN Documentation: Document
symbols" (research.un.org/en/docs/symbols); a symbol is looked up at
``https://undocs.org/<symbol>``.

Components, in the order they are written:

* the organ: ``A`` (General Assembly), ``S`` (Security Council), ``E``
  (ECOSOC), ``T`` (Trusteeship Council), ``ST`` (Secretariat), and bodies
  with their own series (``TD``, ``UNEP``, ``DP``, ``CCPR``, ``CAT``,
  ``CEDAW``, ``CRC``...); the Human Rights Council writes ``A/HRC``;
* subsidiary bodies: ``C.1`` (a Main Committee), ``AC.105``, ``CN.4``,
  ``Sub.2``, ``WG.1``, ``CONF.116``, ``SC.2``, ``PC``...;
* a session (``A/45/...``, ``S-4``, ``ES-10``, ``(XIV)``) or a year
  (``S/1994/...``, ``E/1978/...``);
* the document type: ``RES``, ``PV.473``, ``SR.28``, ``L.39``, ``INF``,
  ``CRP.1``, ``WP.2``, ``NGO``, ``PET``, ``PRST``...;
* the serial number; then modifiers: ``Rev.1``, ``Add.2``, ``Corr.1``,
  ``Amend.1``, ``Summary`` and a trailing ``*`` (a reissue).

Resolutions of the General Assembly before its 31st session (1976) carry the
session in roman numerals after the number, ``A/RES/112(II)``; Security
Council resolutions carry the year, ``S/RES/82 (1950)``.

>>> s = parse("A/RES/112(II)")
>>> s.organ, s.is_resolution, s.session, s.number
('A', True, 'II', '112')
>>> parse("S/RES/82 (1950)").year
1950
>>> [str(m) for m in parse("CCPR/C/21/Rev.1/Add.13").modifiers]
['Rev.1', 'Add.13']
>>> str(parse("A / C.1 / 218"))
'A/C.1/218'
>>> parse("A/C.1/218").url
'https://undocs.org/A/C.1/218'

Resolutions cited by name map to their symbols:

>>> str(parse("General Assembly resolution 377 A (V)"))
'A/RES/377(V)[A]'
>>> str(parse("Security Council resolution 82 (1950)")), str(parse("resolution 2625 (XXV)"))
('S/RES/82 (1950)', 'A/RES/2625(XXV)')

A symbol that can be read but breaks a rule parses, and :func:`validate`
says what is wrong, with a stable code:

>>> [d.code for d in validate(parse("S/RES/82 (1951)"))]
['UN206']
>>> print(validate(parse("A/AC.l09/493"))[0])
UN301 'l09' looks like OCR damage of a number (suggestion: 'A/AC.109/493')

Text that is no symbol at all raises :class:`~archref.model.ParseError`:

>>> parse("and/or")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
archref.model.common.ParseError: a UN document symbol starts with its issuing organ, ...: 'and'

:func:`find` scans running text and returns every symbol with its span in
the text, expanding lists and joint symbols:

>>> [(str(m.symbol), m.start, m.end) for m in find("See UN Doc. S/9696 and Corr.1 & 2.")]
[('S/9696', 12, 18), ('S/9696/Corr.1', 23, 29), ('S/9696/Corr.2', 32, 33)]
>>> [str(m.symbol) for m in find("the letter A/35/89-S/13784 and resolution 242 (1967)")]
['A/35/89', 'S/13784', 'S/RES/242 (1967)']
>>> find("24/7 support, and/or A/B testing on 6/25/50 at 40 km/h; S/he said 1/2.")
[]
"""

from __future__ import annotations

import bisect
import datetime
import re
import tomllib
from collections.abc import Iterator, Mapping
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Literal

import attrs

from archref._patterns import LazyPattern
from archref.model.common import Diagnostic, ParseError, Severity
from archref.model.published import PartialDate
from archref.model.un import MODIFIER_KINDS, Component, Modifier, ModifierKind, UNSymbol
from archref.suggest import closest, did_you_mean

__all__ = [
    "RULES",
    "UNMatch",
    "expand",
    "find",
    "format",
    "is_valid",
    "malformed",
    "organ_names",
    "parse",
    "sc_resolution_years",
    "to_csl_json",
    "validate",
]

# ---------------------------------------------------------------------------
# The data: organs, bodies and types; Security Council resolution numbers
# ---------------------------------------------------------------------------


@attrs.frozen
class _Vocabulary:
    organs: Mapping[str, Mapping[str, Any]]
    bodies: Mapping[str, Mapping[str, Any]]
    types: Mapping[str, Mapping[str, Any]]
    bodies_ci: Mapping[str, str]  # upper-cased code -> canonical code
    types_ci: Mapping[str, str]


@cache
def _vocabulary() -> _Vocabulary:
    raw = tomllib.loads(
        resources.files("archref.data").joinpath("un_symbols.toml").read_text("utf-8")
    )
    bodies, types = raw["bodies"], raw["types"]
    return _Vocabulary(
        organs=raw["organs"],
        bodies=bodies,
        types=types,
        bodies_ci={k.upper(): k for k in bodies},
        types_ci={k.upper(): k for k in types},
    )


def organ_names(code: str) -> Mapping[str, Any] | None:
    """What the vocabulary says of an organ (its names), or None for an unknown code.

    >>> organ_names("S")["name"], organ_names("S")["of_ru"]
    ('Security Council', 'Совета Безопасности ООН')
    """
    return _vocabulary().organs.get(code)


@cache
def _sc_table() -> tuple[dict[int, tuple[int, int]], dict[int, tuple[int, int]]]:
    raw = tomllib.loads(
        resources.files("archref.data").joinpath("un_sc_resolutions.toml").read_text("utf-8")
    )
    exact = {int(y): (int(r[0]), int(r[1])) for y, r in raw["exact"].items()}
    known = {int(y): (int(r[0]), int(r[1])) for y, r in raw["known"].items()}
    return exact, known


def _sc_years_table() -> dict[int, tuple[int, int]]:
    exact, known = _sc_table()
    return {**known, **exact}


def sc_resolution_years(number: int) -> tuple[int, int] | None:
    """The years in which Security Council resolution ``number`` can have been adopted.

    Exact for 1946-1993; for later resolutions the narrowest span the data
    allows (see ``data/un_sc_resolutions.toml``). ``None`` beyond the data.

    >>> sc_resolution_years(82), sc_resolution_years(199), sc_resolution_years(200)
    ((1950, 1950), (1964, 1964), (1965, 1965))
    >>> sc_resolution_years(1000)
    (1995, 1995)
    >>> sc_resolution_years(1100)
    (1995, 1998)
    """
    exact, _known = _sc_table()
    table = _sc_years_table()
    for year in sorted(table):
        first, last = table[year]
        if first <= number <= last:
            return (year, year)
    before = [y for y in table if table[y][1] < number]
    after = [y for y in table if table[y][0] > number]
    if not before or not after:
        return None
    lo, hi = max(before), min(after)
    # a year with a complete list cannot hold a number outside it
    return (lo + 1 if lo in exact else lo, hi - 1 if hi in exact else hi)


def _sc_check(number: int, year: int) -> str | None:
    """Why resolution ``number`` cannot be of ``year``, or ``None`` if it can be."""
    exact, _known = _sc_table()
    if year in exact:
        first, last = exact[year]
        if first <= number <= last:
            return None
        return f"Security Council resolutions of {year} are numbered {first} to {last}"
    table = _sc_years_table()
    earlier = [y for y in table if y < year and table[y][1] >= number]
    if earlier:
        y = min(earlier)
        return f"resolution {number} was adopted by {y} ({y} reached {table[y][1]})"
    later = [y for y in table if y > year and table[y][0] <= number]
    if later:
        y = max(later)
        return f"resolution {number} was adopted in {y} or later ({y} began at {table[y][0]})"
    return None


# ---------------------------------------------------------------------------
# Roman numerals and OCR confusions
# ---------------------------------------------------------------------------

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _ordinal(n: int) -> str:
    """English ordinal: 31st, 32nd, 33rd, 34th, 11th.

    >>> [_ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 31)]
    ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '31st']
    """
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def _to_roman(n: int) -> str:
    out = []
    for value, letters in (
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def roman_value(text: str) -> int | None:
    """The value of a well-formed roman numeral (1-399), or ``None``.

    >>> roman_value("XXV"), roman_value("XXVV"), roman_value("IIII"), roman_value("XIV")
    (25, None, None, 14)
    """
    if not text or len(text) > 12 or any(c not in _ROMAN_VALUES for c in text):
        return None
    total = 0
    for i, c in enumerate(text):
        v = _ROMAN_VALUES[c]
        if i + 1 < len(text) and _ROMAN_VALUES[text[i + 1]] > v:
            total -= v
        else:
            total += v
    if total <= 0 or total >= 400 or _to_roman(total) != text:
        return None
    return total


def _roman_guess(text: str) -> str | None:
    """A well-formed numeral one deletion away from a malformed one, if unique."""
    found = {text[:i] + text[i + 1 :] for i in range(len(text))}
    good = sorted(g for g in found if roman_value(g) is not None)
    return good[0] if len(good) == 1 else None


#: Letters that OCR puts in place of digits, and the digit meant.
_OCR_DIGITS = {"l": "1", "I": "1", "i": "1", "|": "1", "O": "0", "o": "0", "z": "2", "Z": "2"}


def _ocr_repair(value: str) -> str | None:
    """The number meant by an OCR-damaged one ("l09" -> "109"), or ``None``."""
    if not value or not any(c in _OCR_DIGITS for c in value):
        return None
    if not all(c.isdigit() or c in _OCR_DIGITS for c in value):
        return None
    return "".join(_OCR_DIGITS.get(c, c) for c in value)


# ---------------------------------------------------------------------------
# Reading one symbol
# ---------------------------------------------------------------------------

_DIGITISH = "0-9lIiOoZz|"
_RE_ORGAN = LazyPattern(r"[A-Z]{1,8}")
_RE_FUSED_ORGAN = LazyPattern(r"([ASET])([0-9]{1,6})")
_RE_NUMBER = LazyPattern(rf"([{_DIGITISH}]*[0-9][{_DIGITISH}]*)([A-Z]?)")
_RE_SPECIAL = LazyPattern(r"(E?S)-([0-9]{1,2}|[IVXLC]{1,8})")
_RE_PAREN_SESSION = LazyPattern(r"\(([IVXLC]{1,8})\)")
_RE_ELIDED = LazyPattern(r"\.{2,}|…")
_RE_MODIFIER = LazyPattern(
    r"(?i)(rev|add|corr|amend)(\.?)(?:\s?([0-9]{1,4}))?(?:\s?-\s?([0-9]{1,4}))?"
)
_RE_SUMMARY = LazyPattern(r"(?i)summary")
_RE_LABEL = LazyPattern(rf"([A-Za-z]{{1,10}})(?:\.([{_DIGITISH}]*[0-9{_DIGITISH}][A-Za-z]?))?")
_RE_FUSED_LABEL = LazyPattern(r"([A-Za-z]{1,10}?)([0-9]{1,5})")
_RE_DOT_MODIFIER = LazyPattern(r"([0-9]{1,6})\.((?i:rev|add|corr|amend)\.?[0-9]{1,4})")
_RE_SUFFIX_SESSION = LazyPattern(r"(?:E?S-)?[IVXLC]{1,9}")
_RE_YEAR = LazyPattern(r"1[0-9]{3}|20[0-9]{2}")

_MOD_CANON: dict[str, ModifierKind] = {k.upper(): k for k in MODIFIER_KINDS}


@attrs.frozen
class _Range:
    """A modifier range inside a symbol: ``Add.1-5``."""

    kind: ModifierKind
    first: int
    last: int
    start: int
    end: int


@attrs.define
class _Item:
    kind: str  # organ, label, number, session, empty, elided, modifier, range
    value: str
    start: int
    end: int
    code: str = ""
    num: str | None = None
    modifier: Modifier | None = None
    range: _Range | None = None


def _note(
    notes: list[Diagnostic],
    code: str,
    message: str,
    where: tuple[str, int, int],
) -> None:
    """Record what was noticed in ``src[start:end]``; the suggestion is filled in later."""
    src, start, end = where
    notes.append(Diagnostic(code, message, RULES[code][0], start, end, src[start:end]))


def _tokens(src: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Split ``src[lo:hi]`` at ``/``; each token's span without surrounding whitespace."""
    out: list[tuple[int, int]] = []
    start = lo
    for i in range(lo, hi + 1):
        if i == hi or src[i] == "/":
            s, e = start, i
            while s < e and src[s].isspace():
                s += 1
            while e > s and src[e - 1].isspace():
                e -= 1
            if s == e:
                s = e = min(start, i)  # an empty component sits where it was written
            out.append((s, e))
            start = i + 1
    return out


def _read_suffix(src: str, lo: int, hi: int) -> tuple[int, str | None, int | None, str | None]:
    """Split off a trailing ``(II)``/``(1950)`` and part letter; return (core end, ...)."""
    end = hi
    part: str | None = None
    if end - lo >= 3 and src[end - 1] == "]" and src[end - 3] == "[" and src[end - 2].isupper():
        part = src[end - 2]
        end -= 3
    if end <= lo or src[end - 1] != ")":
        return hi, None, None, None
    open_at = src.rfind("(", lo, end)
    if open_at < 0:
        return hi, None, None, None
    inner = src[open_at + 1 : end - 1].strip()
    session: str | None = None
    year: int | None = None
    if _RE_SUFFIX_SESSION.fullmatch(inner):
        session = inner
    elif len(inner) == 4 and _RE_YEAR.fullmatch(inner):
        year = int(inner)
    else:
        return hi, None, None, None
    core = open_at
    while core > lo and src[core - 1].isspace():
        core -= 1
    # "377 A (V)": a part letter between the number and the session
    if (
        part is None
        and core - lo >= 3
        and src[core - 1].isupper()
        and src[core - 2] == " "
        and src[core - 3].isdigit()
    ):
        part = src[core - 1]
        core -= 2
    if core <= lo or src[core - 1] == "/":
        return hi, None, None, None
    return core, session, year, part


def _classify(src: str, s: int, e: int, index: int, notes: list[Diagnostic]) -> list[_Item]:
    """Read one component token ``src[s:e]`` into one or more items."""
    tok = src[s:e]
    if not tok:
        return [_Item("empty", "", s, e)]
    if index == 0:
        if _RE_ORGAN.fullmatch(tok):
            return [_Item("organ", tok, s, e)]
        m = _RE_FUSED_ORGAN.fullmatch(tok)
        if m:
            _note(notes, "UN107", f"no '/' after the organ in {tok!r}", (src, s, e))
            return [
                _Item("organ", m.group(1), s, s + 1),
                _Item("number", m.group(2), s + 1, e, num=m.group(2)),
            ]
        raise ParseError(
            "a UN document symbol starts with its issuing organ, in capitals", src, s, e
        )
    if any(c.isspace() for c in tok):
        raise ParseError("not a component of a UN document symbol", src, s, e)
    star = tok.endswith("*") and len(tok) > 1
    if star:
        tok, e = tok[:-1], e - 1
    items = _classify_plain(src, tok, s, e, notes)
    if star:
        items.append(_Item("modifier", "*", e, e + 1, modifier=Modifier("*")))
    return items


def _classify_plain(src: str, tok: str, s: int, e: int, notes: list[Diagnostic]) -> list[_Item]:
    voc = _vocabulary()
    if tok == "*":
        return [_Item("modifier", "*", s, e, modifier=Modifier("*"))]
    if _RE_ELIDED.fullmatch(tok):
        return [_Item("elided", "...", s, e)]
    if m := _RE_PAREN_SESSION.fullmatch(tok):
        return [_Item("session", tok, s, e)]
    if m := _RE_SPECIAL.fullmatch(tok):
        return [_Item("session", tok, s, e)]
    if _RE_SUMMARY.fullmatch(tok):
        if tok != "Summary":
            _note(notes, "UN106", f"{tok!r} is written 'Summary'", (src, s, e))
        return [_Item("modifier", "Summary", s, e, modifier=Modifier("Summary"))]
    if m := _RE_MODIFIER.fullmatch(tok):
        kind = _MOD_CANON[m.group(1).upper()]
        number, last = m.group(3), m.group(4)
        if last is not None:
            if number is None:
                raise ParseError("a range of modifiers needs a first number", src, s, e)
            rng = _Range(kind, int(number), int(last), s, e)
            return [_Item("range", tok, s, e, range=rng)]
        mod = Modifier(kind, number)
        if m.group(1) != kind:
            _note(notes, "UN106", f"{tok!r} is written {str(mod)!r}", (src, s, e))
        elif number is not None and not m.group(2):
            _note(notes, "UN107", f"no full stop in {tok!r}", (src, s, e))
        return [_Item("modifier", str(mod), s, e, modifier=mod)]
    if m := _RE_DOT_MODIFIER.fullmatch(tok):
        number = m.group(1)
        mod_items = _classify_plain(src, m.group(2), s + m.start(2), e, [])
        _note(
            notes,
            "UN107",
            f"a full stop instead of '/' before the modifier in {tok!r}",
            (src, s, e),
        )
        return [_Item("number", number, s, s + len(number), num=number), *mod_items]
    if m := _RE_NUMBER.fullmatch(tok):
        return [_Item("number", tok, s, e, num=tok)]
    if m := _RE_LABEL.fullmatch(tok):
        code, num = m.group(1), m.group(2)
        canon = voc.types_ci.get(code.upper()) or voc.bodies_ci.get(code.upper())
        if canon is None:
            if not code[0].isupper():
                raise ParseError("not a component of a UN document symbol", src, s, e)
            canon = code
        elif canon != code:
            fixed = canon if num is None else f"{canon}.{num}"
            _note(notes, "UN106", f"{tok!r} is written {fixed!r}", (src, s, e))
        value = canon if num is None else f"{canon}.{num}"
        return [_Item("label", value, s, e, code=canon, num=num)]
    if m := _RE_FUSED_LABEL.fullmatch(tok):
        code, num = m.group(1), m.group(2)
        canon = voc.types_ci.get(code.upper()) or voc.bodies_ci.get(code.upper())
        if canon is not None and (code[0].isupper()):
            fixed = f"{canon}.{num}"
            _note(notes, "UN107", f"no full stop in {tok!r}", (src, s, e))
            return [_Item("label", fixed, s, e, code=canon, num=num)]
    raise ParseError("not a component of a UN document symbol", src, s, e)


def _label_numbering(code: str) -> str:
    voc = _vocabulary()
    entry = voc.types.get(code) or voc.bodies.get(code)
    return str(entry.get("number", "optional")) if entry else "optional"


def _read_symbol(src: str, lo: int, hi: int) -> tuple[UNSymbol, _Range | None]:
    """Read the symbol written in ``src[lo:hi]``; raise :class:`ParseError` if it is none."""
    if "/" not in src[lo:hi]:
        raise ParseError("a UN document symbol has components separated by '/'", src, lo, hi)
    notes: list[Diagnostic] = []
    core_hi, res_session, res_year, part = _read_suffix(src, lo, hi)
    items: list[_Item] = []
    for index, (s, e) in enumerate(_tokens(src, lo, core_hi)):
        items.extend(_classify(src, s, e, index, notes))

    # a trailing "/" with nothing after it is kept as an empty component
    # modifiers come last; a range of modifiers is several documents
    first_mod = next(
        (i for i, it in enumerate(items) if it.kind in ("modifier", "range")), len(items)
    )
    for it in items[first_mod:]:
        if it.kind not in ("modifier", "range", "empty"):
            raise ParseError("only modifiers may follow a modifier", src, it.start, it.end)
    ranges = [it for it in items if it.kind == "range"]
    if len(ranges) > 1 or (ranges and ranges[0] is not items[-1]):
        raise ParseError("a range of modifiers must come last", src, ranges[0].start, hi)
    rng = ranges[0].range if ranges else None
    body_items = items[:first_mod]
    if len(body_items) > 2 and body_items[1].start == body_items[0].end:
        # "S1373/Corr.1": an organ run into its number takes nothing but modifiers
        raise ParseError(
            "an organ written together with its number takes only modifiers",
            src,
            body_items[2].start,
            body_items[2].end,
        )
    trailing_empty = [it for it in items[first_mod:] if it.kind == "empty"]
    modifiers = tuple(it.modifier for it in items if it.modifier is not None)

    # "AC" followed by "10": a body that always has a number, written with "/"
    merged: list[_Item] = []
    i = 0
    while i < len(body_items):
        it = body_items[i]
        nxt = body_items[i + 1] if i + 1 < len(body_items) else None
        if (
            it.kind == "label"
            and it.num is None
            and _label_numbering(it.code) == "always"
            and nxt is not None
            and nxt.kind == "number"
            and i + 2 < len(body_items)
            and nxt.value.isdigit()
        ):
            fixed = f"{it.code}.{nxt.value}"
            _note(
                notes,
                "UN107",
                f"'/' instead of a full stop in {src[it.start : nxt.end]!r}",
                (src, it.start, nxt.end),
            )
            merged.append(_Item("label", fixed, it.start, nxt.end, code=it.code, num=nxt.value))
            i += 2
            continue
        merged.append(it)
        i += 1
    body_items = merged

    contentful = [it for it in body_items if it.kind != "empty"]
    if len(contentful) < 2:
        raise ParseError("a UN document symbol needs more than its organ", src, lo, hi)
    terminal = contentful[-1]
    voc = _vocabulary()
    components: list[Component] = []
    for it in body_items:
        if it.kind == "organ":
            components.append(Component("organ", it.value))
        elif it.kind == "empty":
            components.append(Component("empty", ""))
        elif it.kind == "elided":
            components.append(Component("elided", "..."))
        elif it.kind == "session":
            components.append(Component("session", it.value))
        elif it.kind == "label":
            kind: Literal["type", "body"] = "type" if it.code in voc.types else "body"
            components.append(Component(kind, it.value))
        elif it is terminal:
            components.append(Component("serial", it.value))
        elif len(it.value) == 4 and _RE_YEAR.fullmatch(it.value) and int(it.value) >= 1945:
            components.append(Component("year", it.value))
        else:
            components.append(Component("session", it.value))
    for _ in trailing_empty:
        components.append(Component("empty", ""))

    if terminal.kind == "label" and terminal.num is None:
        raise ParseError(
            f"a UN document symbol ends with a number (no number after {terminal.value!r})",
            src,
            terminal.start,
            terminal.end,
        )
    if terminal.kind == "session":
        raise ParseError(
            "a UN document symbol ends with a serial number, not a session",
            src,
            terminal.start,
            terminal.end,
        )
    symbol = UNSymbol(tuple(components), modifiers, res_session, res_year, part)
    # a suggestion is always the whole symbol as probably meant
    noted = tuple(attrs.evolve(n, suggestion=str(symbol)) for n in notes)
    symbol = attrs.evolve(symbol, text=src, notes=noted)
    if (res_session is not None or res_year is not None) and not symbol.is_resolution:
        raise ParseError(
            "a session or year in parentheses belongs to a resolution symbol (…/RES/…)",
            src,
            core_hi,
            hi,
        )
    return symbol, rng


# ---------------------------------------------------------------------------
# Resolutions cited by name
# ---------------------------------------------------------------------------

_ORGAN_NAMES: dict[str, tuple[str, ...]] = {
    "general assembly": ("A",),
    "assembly": ("A",),
    "ga": ("A",),
    "security council": ("S",),
    "sc": ("S",),
    "economic and social council": ("E",),
    "ecosoc": ("E",),
    "trusteeship council": ("T",),
    "human rights council": ("A", "HRC"),
}
_ORGAN_NAME = (
    r"(?P<organ>General\s+Assembly|Assembly|Security\s+Council|Economic\s+and\s+Social"
    r"\s+Council|Trusteeship\s+Council|Human\s+Rights\s+Council|GA|SC|ECOSOC)"
)
_KEYWORD = r"(?P<kw>[Rr]esolutions?|RESOLUTIONS?|[Rr]es\.)"
_OLD_ITEM = (
    rf"(?P<num>(?=[{_DIGITISH}]{{0,4}}[0-9])[{_DIGITISH}]{{1,5}})[ \t]?(?:(?P<part>[A-Z])[ \t]?)?"
    r"\([ \t]?(?P<sess>(?:E?S-)?[IVXLC]{1,9}|1[0-9]{3}|20[0-9]{2})[ \t]?\)"
)
_NEW_ITEM = (
    r"(?P<nsess>[0-9]{1,2}|E?S-[0-9]{1,2}|(?P<nyear>19[7-9][0-9]|20[0-9]{2}))/(?P<nnum>[0-9]{1,4})"
    r"(?:[ \t](?P<npart>[A-Z])(?![A-Za-z0-9/]))?"
)
_RE_NAMED = LazyPattern(
    rf"(?:{_ORGAN_NAME}\s+)?{_KEYWORD}\s*(?:[Nn]o\.\s*)?(?:{_OLD_ITEM}|{_NEW_ITEM})"
)
_RE_BARE_OLD = LazyPattern(_OLD_ITEM)
_RE_ITEM = LazyPattern(rf"(?:{_OLD_ITEM}|{_NEW_ITEM})")


def _resolution_from_match(src: str, m: re.Match[str], organ: tuple[str, ...] | None) -> UNSymbol:
    """Build the symbol of a resolution item matched by ``_OLD_ITEM`` or ``_NEW_ITEM``."""
    if m.group("num") is not None:
        sess = m.group("sess")
        year = int(sess) if sess.isdigit() else None
        if organ is None:
            organ = ("S",) if year is not None else ("A",)
        comps = [Component("organ", organ[0])]
        comps += [Component("body", b) for b in organ[1:]]
        comps += [Component("type", "RES"), Component("serial", m.group("num"))]
        return UNSymbol(
            tuple(comps),
            resolution_session=None if year is not None else sess,
            resolution_year=year,
            part=m.group("part"),
            text=src,
        )
    if organ is None:
        organ = ("E",) if m.group("nyear") else ("A",)
    first = m.group("nsess")
    first_comp = Component("year" if m.group("nyear") else "session", first)
    comps = [Component("organ", organ[0])]
    comps += [Component("body", b) for b in organ[1:]]
    comps += [Component("type", "RES"), first_comp, Component("serial", m.group("nnum"))]
    return UNSymbol(tuple(comps), part=m.group("npart"), text=src)


def _organ_of(name: str | None) -> tuple[str, ...] | None:
    if name is None:
        return None
    return _ORGAN_NAMES[" ".join(name.split()).lower()]


def _read_resolution(src: str, lo: int, hi: int) -> UNSymbol | None:
    """Read "General Assembly resolution 377 A (V)", "resolution 82 (1950)", "2625 (XXV)"."""
    m = _RE_NAMED.fullmatch(src, lo, hi)
    if m is not None:
        return _resolution_from_match(src, m, _organ_of(m.group("organ")))
    m = _RE_BARE_OLD.fullmatch(src, lo, hi)
    if m is not None:
        return _resolution_from_match(src, m, None)
    return None


# ---------------------------------------------------------------------------
# The date written after a symbol: "S/RES/82 (1950) of 25 June 1950"
# ---------------------------------------------------------------------------

_D_DAY = r"[0-3]?[0-9]"
_D_MONTH = r"[^\W\d_]{3,10}\.?"
_D_YEAR = r"(?:19|20)[0-9]{2}"
_D_DATE = (
    rf"(?:(?P<day>{_D_DAY})\.?[ \t]{{1,2}}{_D_MONTH}[ \t]{{1,2}}{_D_YEAR}(?:[ \t]?г(?:ода|\.)?)?"
    rf"|{_D_MONTH}[ \t]{{1,2}}{_D_DAY},?[ \t]{{1,2}}{_D_YEAR}"
    rf"|(?P<nd>{_D_DAY})\.(?P<nm>[01]?[0-9])\.(?P<ny>{_D_YEAR}))"
)
_D_WORD = r"(?:of|dated|adopted(?:[ \t]+on)?|от|vom|du)"
#: What may stand between a symbol and its date: ", ", " of ", ", adopted on ",
#: " от " (Russian), " vom " (German), or an opening parenthesis.
_DATE_TAIL = LazyPattern(
    rf"(?:[ \t]{{0,3}},[ \t]{{1,3}}(?:{_D_WORD}[ \t]{{1,3}})?|[ \t]{{1,3}}{_D_WORD}[ \t]{{1,3}}"
    rf"|[ \t]{{0,3}}\([ \t]{{0,2}}(?:{_D_WORD}[ \t]{{1,3}})?)"
    rf"(?P<date>{_D_DATE})(?![\w])"
)


_DATE_AT_END = LazyPattern(_DATE_TAIL.pattern + r"[ \t]{0,2}\)?$")


def _date_after(text: str, pos: int) -> tuple[PartialDate, int, int] | None:
    """The full date (day, month, year) written right after ``pos``, with its span.

    A date in parentheses must be closed; one that is not a real calendar day
    ("31 June 1950") is not a date.
    """
    m = _DATE_TAIL.match(text, pos)
    if m is None:
        return None
    s, e = m.span("date")
    if text[pos:s].lstrip(" \t,").startswith("("):
        close = re.compile(r"[ \t]{0,2}\)").match(text, e)
        if close is None:
            return None
    raw = text[s:e]
    if m.group("nd") is not None:
        year, month, day = int(m.group("ny")), int(m.group("nm")), int(m.group("nd"))
        date = PartialDate(year=year, month=month, day=day, text=raw)
    else:
        from archref.notations.published import parse_date  # noqa: PLC0415 (a cycle at load)

        try:
            date = parse_date(raw)
        except ParseError:
            return None
    if date.year is None or date.month is None or date.day is None or date.is_range:
        return None
    try:
        datetime.date(date.year, date.month, date.day)
    except ValueError:
        return None
    return date, s, e


def _session_years(symbol: UNSymbol) -> tuple[int, int] | None:
    """The years a General Assembly regular session ran in: it opens in September
    (the 1st in January 1946) and may run into the next year."""
    if symbol.organ != "A":
        return None
    session = symbol.session
    if session is None or session.startswith(("S-", "ES-")):
        return None
    number = int(session) if session.isdigit() else roman_value(session)
    if number is None or number < 1:
        return None
    return 1945 + number, 1946 + number


def _date_conflict(symbol: UNSymbol) -> tuple[str, str] | None:
    """Why the symbol's date cannot be right, and the part of the symbol it contradicts."""
    date = symbol.date
    if date is None or date.year is None:
        return None
    when = date.year
    if symbol.year is not None:
        if when != symbol.year:
            return f"dated {when}, but the symbol carries the year {symbol.year}", str(symbol.year)
        return None
    number = symbol.number
    if symbol.organ == "S" and symbol.is_resolution and number is not None and number.isdigit():
        span = sc_resolution_years(int(number))
        if span is not None and not span[0] <= when <= span[1]:
            adopted = str(span[0]) if span[0] == span[1] else f"{span[0]}-{span[1]}"
            return f"dated {when}, but resolution {number} was adopted in {adopted}", number
        return None
    years = _session_years(symbol)
    if years is not None and not years[0] <= when <= years[1]:
        session = symbol.session or ""
        return (
            f"dated {when}, but the General Assembly's session {session} met in "
            f"{years[0]}-{years[1]}",
            session,
        )
    return None


# ---------------------------------------------------------------------------
# The interface: parse, format, validate
# ---------------------------------------------------------------------------

_RE_PREFIX = LazyPattern(
    r"(?:(?:U\.\s?N\.|UN|United\s+Nations)\s+)?(?:[Dd]ocuments?|DOCUMENTS?|[Dd]ocs?\.|DOC\.)"
    r"(?:\s+[Nn]o\.)?\s+"
)


def _strip(text: str) -> tuple[int, int]:
    lo, hi = 0, len(text)
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    if hi > lo and text[hi - 1] in ".;," and not text[lo:hi].endswith(".."):
        hi -= 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
    return lo, hi


def parse(text: str) -> UNSymbol:
    """Parse one UN document symbol, or one resolution cited by name.

    Surrounding whitespace, a final full stop and a "Document", "UN Doc." or
    "U.N. Doc." prefix are tolerated. Raises :class:`ParseError` (with the
    position and the offending text) when ``text`` is not a symbol.

    >>> str(parse("UN Doc. S/1501."))
    'S/1501'

    A date after the symbol is the document's date (an adoption date for a
    resolution), kept in :attr:`~archref.UNSymbol.date`:

    >>> str(parse("S/RES/82 (1950) of 25 June 1950").date)
    '1950-06-25'
    >>> parse("E/1111/Add.1-5")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    archref.model.common.ParseError: a range of modifiers names several documents; ...: 'Add.1-5'
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes a str, not {type(text).__name__}")
    lo, hi = _strip(text)
    if lo == hi:
        raise ParseError("empty text is not a UN document symbol", text, 0, len(text))
    if m := _RE_PREFIX.match(text, lo, hi):
        lo = m.end()
    date = None
    if tail := _DATE_AT_END.search(text, lo, hi):
        found = _date_after(text, tail.start())
        if found is None:
            s, e = tail.span("date")
            raise ParseError(f"{text[s:e]!r} after the symbol is not a calendar date", text, s, e)
        if tail.start() > lo:
            date, hi = found[0], tail.start()
    symbol = _parse_symbol(text, lo, hi)
    if date is not None:
        symbol = attrs.evolve(symbol, date=date)
    return symbol


def _parse_symbol(text: str, lo: int, hi: int) -> UNSymbol:
    resolution = _read_resolution(text, lo, hi)
    if resolution is not None:
        return resolution
    _check_joined(text, lo, hi)
    symbol, rng = _read_symbol(text, lo, hi)
    if rng is not None:
        raise ParseError(
            "a range of modifiers names several documents; use expand()",
            text,
            rng.start,
            rng.end,
        )
    return symbol


def _check_joined(text: str, lo: int, hi: int) -> None:
    """Refuse two symbols written as one ("A/35/89-S/13784", "S/2020/693S/2020/681")."""
    cuts = _organ_cuts(text, lo, hi)
    if cuts:
        cut = cuts[0]
        joint = text[cut - 1] == "-"
        raise ParseError(
            "a joint symbol names one document under two symbols; use expand()"
            if joint
            else "two symbols written together; use expand()",
            text,
            cut,
            hi,
            hint=text[lo : cut - 1] if joint else text[lo:cut],
        )


def format(symbol: UNSymbol) -> str:
    """The canonical form of a symbol.

    >>> format(parse("t/138/ADD.1".upper()))
    'T/138/Add.1'
    """
    return str(symbol)


def is_valid(symbol: UNSymbol | str) -> bool:
    """True when the symbol parses and no rule reports an error or a warning."""
    try:
        sym = parse(symbol) if isinstance(symbol, str) else symbol
    except ParseError:
        return False
    return not any(d.severity in ("error", "warning") for d in validate(sym))


#: Every rule: code -> (severity, one-line summary). Documented in docs/un-symbols.md.
RULES: dict[str, tuple[Severity, str]] = {
    "UN101": ("error", "empty component"),
    "UN102": ("warning", "modifier without a number"),
    "UN103": ("error", "malformed roman numeral"),
    "UN104": ("warning", "unknown organ"),
    "UN105": ("info", "unknown subsidiary body or document type"),
    "UN106": ("info", "nonstandard spelling"),
    "UN107": ("warning", "missing or wrong separator"),
    "UN108": ("error", "elided component"),
    "UN109": ("warning", "no document number"),
    "UN110": ("warning", "resolution without its session or year"),
    "UN111": ("warning", "letter after the serial number"),
    "UN112": ("warning", "text shaped like a symbol that does not read as one"),
    "UN201": ("error", "roman session out of range"),
    "UN202": ("error", "arabic session before its time"),
    "UN203": ("error", "ECOSOC year component before 1978"),
    "UN204": ("error", "Security Council year component before 1994"),
    "UN205": ("error", "presidential statement before 1994"),
    "UN206": ("error", "Security Council resolution number and year disagree"),
    "UN207": ("error", "year out of range"),
    "UN208": ("error", "session where a year belongs, or a year where a session belongs"),
    "UN209": ("warning", "date disagrees with the symbol"),
    "UN301": ("warning", "OCR damage in a number"),
    "UN302": ("warning", "two symbols written together"),
}

_ROMAN_LIMITS = {"": 30, "S-": 7, "ES-": 5}  # last GA session written in roman numerals
_ARABIC_FIRST = {"": 31, "S-": 8, "ES-": 6}  # first GA session written in arabic numerals
_SESSION_NAMES = {
    "": "regular session",
    "S-": "special session",
    "ES-": "emergency special session",
}


def _diag(
    code: str,
    message: str,
    symbol: UNSymbol,
    needle: str | None = None,
    *,
    suggestion: str | None = None,
    severity: Severity | None = None,
    fix: str | None = None,
) -> Diagnostic:
    """A diagnostic located at ``needle`` in the symbol's text (or over all of it).

    ``fix`` replaces ``needle``; it is kept only when ``needle`` was found.
    """
    text = symbol.text if symbol.text is not None else str(symbol)
    start, end = 0, len(text)
    if needle:
        at = text.find(needle)
        if at < 0:
            at = text.upper().find(needle.upper())
        if at >= 0:
            start, end = at, at + len(needle)
    found = bool(needle) and text[start:end].upper() == (needle or "").upper()
    return Diagnostic(
        code,
        message,
        severity or RULES[code][0],
        start,
        end,
        text[start:end],
        suggestion,
        fix if found and text[start:end] == needle else None,
    )


def _split_session(value: str) -> tuple[str, str]:
    """Split a session into its kind and number.

    ``"S-13"`` -> ``("S-", "13")``; ``"(XIV)"`` -> ``("", "XIV")``; ``"31"`` -> ``("", "31")``.
    """
    value = value.strip("()")
    for prefix in ("ES-", "S-"):
        if value.startswith(prefix):
            return prefix, value[len(prefix) :]
    return "", value


def _is_roman_text(value: str) -> bool:
    return bool(value) and all(c in _ROMAN_VALUES for c in value)


def _repaired(symbol: UNSymbol) -> UNSymbol | None:
    """The symbol with OCR-damaged numbers repaired, or ``None`` if none is damaged."""
    changed = False
    comps: list[Component] = []
    for c in symbol.components:
        if c.kind in ("serial", "session", "year"):
            fixed = _ocr_repair(c.value)
            if fixed is not None:
                comps.append(Component(c.kind, fixed))
                changed = True
                continue
        elif c.kind in ("body", "type") and c.number is not None:
            fixed = _ocr_repair(c.number)
            if fixed is not None:
                comps.append(Component(c.kind, f"{c.code}.{fixed}"))
                changed = True
                continue
        comps.append(c)
    if not changed:
        return None
    return attrs.evolve(symbol, components=tuple(comps), text=None, notes=())


def validate(symbol: UNSymbol) -> list[Diagnostic]:
    """Check a symbol against the rules; return the diagnostics, most serious first.

    Offsets point into ``symbol.text`` (the text it was parsed from) or, for
    a symbol built in code, into ``str(symbol)``.

    >>> [d.code for d in validate(parse("A/RES/3379(XXX)"))]
    []
    >>> [d.code for d in validate(parse("A/RES/31(XXXI)"))]
    ['UN201']
    >>> [d.code for d in validate(parse("S/1993/240"))]
    ['UN204']
    >>> d = validate(parse("resolution 2625 (XXVV)"))[0]
    >>> d.code, d.text, d.suggestion
    ('UN103', 'XXVV', 'A/RES/2625(XXV)')
    """
    out: list[Diagnostic] = list(symbol.notes)
    voc = _vocabulary()
    comps = symbol.components
    organ = symbol.organ
    this_year = datetime.date.today().year

    # -- UN1xx: structure ---------------------------------------------------
    if any(c.kind == "empty" for c in comps):
        clean = attrs.evolve(
            symbol, components=tuple(c for c in comps if c.kind != "empty"), text=None, notes=()
        )
        out.append(
            _diag(
                "UN101",
                "empty component (two '/' together, or a '/' at the end)",
                symbol,
                "//" if "//" in (symbol.text or "") else None,
                suggestion=str(clean),
            )
        )
    if any(c.kind == "elided" for c in comps):
        out.append(
            _diag("UN108", "the symbol is incomplete: '...' stands for a component", symbol, "...")
        )
    for m in symbol.modifiers:
        if m.kind in ("Rev", "Add", "Corr", "Amend") and m.number is None:
            out.append(_diag("UN102", f"'{m.kind}' without its number", symbol, m.kind))
    if organ not in voc.organs:
        hint = did_you_mean(closest(organ, voc.organs, limit=3))
        out.append(_diag("UN104", f"unknown organ {organ!r}{hint}", symbol, organ))
    for c in comps[1:]:
        if c.kind == "body" and c.code not in voc.bodies:
            hint = did_you_mean(closest(c.code, voc.bodies, limit=3))
            message = f"unknown subsidiary body {c.value!r}{hint}"
            out.append(_diag("UN105", message, symbol, c.value))
        elif c.kind == "body" and organ not in voc.bodies[c.code].get("organs", (organ,)):
            after = ", ".join(voc.bodies[c.code]["organs"])
            message = f"the body {c.code!r} is found only in symbols of {after}, not of {organ}"
            out.append(_diag("UN105", message, symbol, c.value))
        if c.kind == "type" and c.code not in voc.types:  # pragma: no cover - types are known
            out.append(_diag("UN105", f"unknown document type {c.value!r}", symbol, c.value))
    last = next((c for c in reversed(comps) if c.kind not in ("empty",)), None)
    if last is not None and last.kind == "body":
        out.append(
            _diag(
                "UN109",
                f"the symbol ends with the body {last.value!r}: it names no document",
                symbol,
                last.value,
            )
        )
    if last is not None and last.kind == "serial":
        digits = last.value.rstrip("ABCDEFGHJKLMNPQRSTUVWXY")
        if digits != last.value and _ocr_repair(last.value) is None and digits:
            out.append(
                _diag(
                    "UN111",
                    f"UN serial numbers are plain numbers: {last.value!r}",
                    symbol,
                    last.value,
                )
            )
    if symbol.is_resolution and symbol.session is None and symbol.year is None:
        if organ == "A":
            out.append(_diag("UN110", "a General Assembly resolution needs its session", symbol))
        elif organ == "S":
            out.append(
                _diag(
                    "UN110",
                    "a Security Council resolution is cited with its year",
                    symbol,
                    severity="info",
                )
            )

    # roman numerals
    roman_texts: list[str] = []
    if symbol.resolution_session is not None:
        roman_texts.append(_split_session(symbol.resolution_session)[1])
    for c in comps:
        if c.kind == "session":
            number = _split_session(c.value)[1]
            if _is_roman_text(number):
                roman_texts.append(number)
    for numeral in roman_texts:
        if roman_value(numeral) is None:
            guess = _roman_guess(numeral)
            suggestion = None
            if guess is not None:
                text = str(symbol)
                suggestion = text.replace(f"({numeral})", f"({guess})").replace(
                    f"-{numeral}", f"-{guess}"
                )
            out.append(
                _diag(
                    "UN103",
                    f"{numeral!r} is not a well-formed roman numeral",
                    symbol,
                    numeral,
                    suggestion=suggestion,
                )
            )

    # -- UN2xx: sessions and years -----------------------------------------
    if organ == "A":
        out.extend(_check_ga_sessions(symbol))
    years: list[int] = []
    for c in comps:
        if c.kind == "year" and c.value.isdigit():
            years.append(int(c.value))
            if organ == "E" and int(c.value) < 1978:
                out.append(
                    _diag(
                        "UN203",
                        f"ECOSOC symbols carry the year only from 1978, not {c.value}",
                        symbol,
                        c.value,
                    )
                )
            if organ == "S" and int(c.value) < 1994:
                code = "UN205" if symbol.doc_type == "PRST" else "UN204"
                what = (
                    "presidential statements (S/PRST) begin in 1994"
                    if code == "UN205"
                    else "Security Council documents carry the year only from 1994"
                )
                out.append(_diag(code, f"{what}, not {c.value}", symbol, c.value))
    if organ == "S" and symbol.doc_type == "PRST" and not years:
        out.append(
            _diag(
                "UN205",
                "a presidential statement is numbered within its year (S/PRST/1994/1 onwards)",
                symbol,
                "PRST",
            )
        )
    if symbol.resolution_year is not None:
        years.append(symbol.resolution_year)
    for y in years:
        if y < 1946 or y > this_year:
            out.append(
                _diag(
                    "UN207",
                    f"{y} is outside the years of UN documents (1946-{this_year})",
                    symbol,
                    str(y),
                )
            )
    if symbol.is_resolution:
        if organ == "S" and symbol.resolution_session is not None:
            out.append(
                _diag(
                    "UN208",
                    "Security Council resolutions carry a year, not a session",
                    symbol,
                    symbol.resolution_session,
                )
            )
        if organ == "A" and symbol.resolution_year is not None:
            out.append(
                _diag(
                    "UN208",
                    "General Assembly resolutions carry a session, not a year",
                    symbol,
                    str(symbol.resolution_year),
                )
            )
        res_number = symbol.number
        year = symbol.resolution_year
        if organ == "S" and year is not None and res_number is not None and res_number.isdigit():
            why = _sc_check(int(res_number), year) if year >= 1946 else None
            if why is not None:
                span = sc_resolution_years(int(res_number))
                suggestion = None
                if span is not None and span[0] == span[1]:
                    suggestion = str(attrs.evolve(symbol, resolution_year=span[0]))
                out.append(
                    _diag(
                        "UN206",
                        f"resolution {res_number} ({year}): {why}",
                        symbol,
                        str(year),
                        suggestion=suggestion,
                    )
                )

    conflict = _date_conflict(symbol)
    if conflict is not None:
        out.append(_diag("UN209", conflict[0], symbol, conflict[1]))

    # -- UN3xx: OCR damage -------------------------------------------------
    repaired = _repaired(symbol)
    if repaired is not None:
        for c in comps:
            value = c.number if c.kind in ("body", "type") else c.value
            damaged = value is not None and _ocr_repair(value) is not None
            if c.kind in ("serial", "session", "year", "body", "type") and damaged:
                assert value is not None
                number = _ocr_repair(value) or value
                whole = f"{c.code}.{number}" if c.kind in ("body", "type") else number
                out.append(
                    _diag(
                        "UN301",
                        f"{value!r} looks like OCR damage of a number",
                        symbol,
                        c.value,
                        suggestion=str(repaired),
                        fix=whole,
                    )
                )

    order = {"error": 0, "warning": 1, "info": 2}
    return sorted(out, key=lambda d: (order[d.severity], d.code, d.start))


def _check_ga_sessions(symbol: UNSymbol) -> Iterator[Diagnostic]:
    """UN201/UN202: roman sessions only up to the 30th, arabic only from the 31st."""
    if symbol.resolution_session is not None:
        prefix, numeral = _split_session(symbol.resolution_session)
        value = roman_value(numeral)
        if value is not None and value > _ROMAN_LIMITS[prefix]:
            limit = prefix + _to_roman(_ROMAN_LIMITS[prefix])
            yield _diag(
                "UN201",
                f"a roman session is written only up to the {limit} {_SESSION_NAMES[prefix]}; "
                f"the {prefix}{value} session is written {prefix}{value}",
                symbol,
                symbol.resolution_session,
            )
    # arabic session components of the Assembly itself and its Main Committees
    plenary = True
    for c in symbol.components[1:]:
        if c.kind == "body":
            plenary = plenary and c.code in ("C", "SPC")
            continue
        if c.kind == "type":
            continue
        if c.kind == "session" and plenary:
            prefix, number = _split_session(c.value)
            if number.isdigit() and int(number) < _ARABIC_FIRST[prefix]:
                first = _ARABIC_FIRST[prefix]
                yield _diag(
                    "UN202",
                    f"the General Assembly writes its {_SESSION_NAMES[prefix]} in arabic "
                    f"numerals only from the {prefix}{_ordinal(first)}; {prefix}{number} is "
                    f"{prefix}{_to_roman(int(number))}",
                    symbol,
                    c.value,
                )
        break


#: The longest run of symbol characters :func:`malformed` reads as one candidate.
_MAX_CANDIDATE = 120
#: The most candidates :func:`malformed` parses in one text: a text of many thousand
#: symbol-shaped strings (a table, a generated file) is checked as far as that.
MAX_MALFORMED_CANDIDATES = 2_000


@lru_cache(maxsize=1024)
def _parse_error(candidate: str) -> str | None:
    """Why ``candidate`` does not parse, or ``None`` when it does (a repeated one is read once)."""
    try:
        parse(candidate)
    except ParseError as exc:
        why = exc.message
        if exc.offending and repr(exc.offending) not in why:
            why += f": {exc.offending!r}"
        return why
    return None


@cache
def _candidate_pattern() -> LazyPattern:
    """An organ of the vocabulary, then "/" and a bounded run of symbol characters,
    not inside a word, a number or a path ("https://.../A/RES/...")."""
    organs = "|".join(sorted((re.escape(o) for o in _vocabulary().organs), key=len, reverse=True))
    return LazyPattern(
        rf"(?<![A-Za-z0-9/.\-])(?:{organs})/[A-Za-z0-9.()*/\-]{{1,{_MAX_CANDIDATE}}}"
    )


def malformed(text: str) -> list[Diagnostic]:
    """UN112: text shaped like a UN document symbol that :func:`parse` rejects.

    A candidate starts with an organ of the vocabulary ("A", "S", "E", "ST")
    and has at least two "/" ("A/RES/XYZ", "A/C.1/218/Add.x"), so that "A/B"
    or "S/he" in prose is no candidate. Trailing punctuation is left out.
    Offsets point into ``text``; the message is the parser's. The caller
    leaves out what :func:`find` read as a symbol. At most
    :data:`MAX_MALFORMED_CANDIDATES` candidates of one text are parsed.

    >>> [(d.code, d.text) for d in malformed("See A/RES/XYZ and A/C.1/218/Add.x.")]
    [('UN112', 'A/RES/XYZ'), ('UN112', 'A/C.1/218/Add.x')]
    >>> malformed("S/RES/82 (1950), and/or A/B testing; ST/SG/AC.10/C.3/2.")
    []
    """
    out: list[Diagnostic] = []
    budget = MAX_MALFORMED_CANDIDATES
    for m in _candidate_pattern().finditer(text):
        start, end = m.start(), m.end()
        while end > start and text[end - 1] in ".,;:-/)*":
            end -= 1
        candidate = text[start:end]
        if candidate.count("/") < 2 or candidate.count("(") != candidate.count(")"):
            continue
        budget -= 1
        if budget < 0:
            break
        why = _parse_error(candidate)
        if why is not None:
            out.append(
                Diagnostic(
                    "UN112",
                    f"{candidate!r} does not read as a UN document symbol: {why}",
                    RULES["UN112"][0],
                    start,
                    end,
                    candidate,
                )
            )
    return out


# ---------------------------------------------------------------------------
# CSL-JSON
# ---------------------------------------------------------------------------


def to_csl_json(symbol: UNSymbol) -> dict[str, Any]:
    """The symbol as a CSL-JSON item, for the formatters.

    >>> item = to_csl_json(parse("S/RES/82 (1950)"))
    >>> item["type"], item["number"], item["publisher"], item["issued"]
    ('report', 'S/RES/82 (1950)', 'United Nations', {'date-parts': [[1950]]})
    >>> item["author"], item["URL"]
    ([{'literal': 'United Nations Security Council'}], 'https://undocs.org/S/RES/82(1950)')
    >>> to_csl_json(parse("A/HRC/16/L.25/Rev.1"))["author"]
    [{'literal': 'Human Rights Council'}]

    The date of the document, when the citation gives it, is the ``issued``
    date; a Security Council resolution cited without its year gets the year
    its number was adopted in:

    >>> to_csl_json(parse("A/RES/112 (II) of 14 November 1947"))["issued"]
    {'date-parts': [[1947, 11, 14]]}
    >>> to_csl_json(parse("S/RES/84"))["issued"]
    {'date-parts': [[1950]]}
    """
    voc = _vocabulary()
    organ = voc.organs.get(symbol.organ)
    author = str(organ["author"]) if organ else "United Nations"
    authority = str(organ["name"]) if organ else symbol.organ
    for c in symbol.components:
        body = voc.bodies.get(c.code) if c.kind == "body" else None
        if body is not None and body.get("issuer"):
            author = authority = str(body["name"])
    item: dict[str, Any] = {
        "id": str(symbol),
        # "report" for resolutions too: the CSL styles historians use (Chicago, MHRA)
        # print a "legislation" item as a statute ("Resolution Nos. S/RES/82 (1950)
        # (1950)"), but a report as the UN body, title, symbol and publisher
        "type": "report",
        "number": str(symbol),
        "publisher": "United Nations",
        "authority": authority,
        "author": [{"literal": author}],
        "URL": symbol.url,
    }
    doc_type = symbol.doc_type
    if doc_type is not None and doc_type in voc.types and not symbol.is_resolution:
        # a resolution's title already says "Resolution"; a genre would repeat it
        item["genre"] = str(voc.types[doc_type]["genre"])
    if symbol.is_resolution and symbol.number is not None:
        when = symbol.session if symbol.resolution_session is not None else symbol.year
        label = f"Resolution {symbol.number}"
        if symbol.part:
            label += f" {symbol.part}"
        if symbol.resolution_session is not None or symbol.resolution_year is not None:
            label += f" ({when})"
        elif symbol.session is not None:
            label = f"Resolution {symbol.session}/{symbol.number}"
        item["title"] = label
    if symbol.date is not None:
        item["issued"] = symbol.date.to_csl()
    elif (year := _year_of(symbol)) is not None:
        item["issued"] = {"date-parts": [[year]]}
    return item


def _year_of(symbol: UNSymbol) -> int | None:
    """The year a symbol dates its document to, when it does so for certain.

    The year written in it (``S/RES/82 (1950)``, ``S/1994/1``), or for a
    Security Council resolution cited without its year the one year its
    number belongs to. A General Assembly session may run into the next
    year, so a session gives no year.
    """
    if symbol.year is not None:
        return symbol.year
    number = symbol.number
    if symbol.organ == "S" and symbol.is_resolution and number is not None and number.isdigit():
        span = sc_resolution_years(int(number))
        if span is not None and span[0] == span[1]:
            return span[0]
    return None


# ---------------------------------------------------------------------------
# Finding symbols in running text
# ---------------------------------------------------------------------------

Via = Literal["symbol", "list", "joint", "name"]


@attrs.frozen
class UNMatch:
    """A symbol found in text.

    Attributes:
        symbol: the symbol.
        start, end: its span in the original text. For a member of a list
            (``Corr.2`` of ``S/9696 and Corr.1 & 2``) the span is the part
            of the list that names it.
        diagnostics: what :func:`validate` says, with offsets into the text.
        certain: ``False`` for a bare organ/number pair such as ``S/1501``
            with no "Document" before it: almost always a symbol in a
            history of the UN, but a reader may want to confirm it.
        via: ``"symbol"`` (written as a symbol), ``"list"`` (expanded from a
            list such as ``and Add.1-2``), ``"joint"`` (the second symbol of a
            joint symbol ``A/35/89-S/13784``) or ``"name"`` (a resolution
            cited by name and number).
    """

    symbol: UNSymbol
    start: int
    end: int
    text: str
    diagnostics: tuple[Diagnostic, ...] = ()
    certain: bool = True
    via: Via = "symbol"


_RUN = LazyPattern(r"[A-Za-z0-9./*…-]+")
_CHUNK = LazyPattern(r"\S+")
_PAREN_MID = LazyPattern(r"\([IVXLC]{1,8}\)/")
_RES_SUFFIX = LazyPattern(
    r"[ \t]?(?:[A-Z][ \t])?\([ \t]?(?:(?:E?S-)?[IVXLC]{1,9}|1[0-9]{3}|20[0-9]{2})[ \t]?\)"
)
_PREFIX_BEFORE = LazyPattern(
    r"(?:\b(?:U\.\s?N\.|UN|United\s+Nations)\s+)?\b(?:[Dd]ocuments?|DOCUMENTS?|[Dd]ocs?\.|DOC\.)"
    r"(?:\s+[Nn]o\.)?\s+$"
)
_CONNECTOR = LazyPattern(
    r"(?:[ \t]{0,3}[,;&][ \t]{0,3}(?:(?:and|&)[ \t]{1,3})?|[ \t]{1,3}and[ \t]{1,3})"
)
_LIST_MOD = LazyPattern(
    r"(?i:(rev|add|corr|amend))\.?[ \t]?([0-9]{1,4})(?:[ \t]?-[ \t]?([0-9]{1,4}))?(?![A-Za-z0-9/])"
)
_LIST_NUM = LazyPattern(
    r"([0-9]{1,3})(?:[ \t]?-[ \t]?([0-9]{1,3}))?(?![A-Za-z0-9/]|\.[0-9]|[ \t]{1,3}[A-Z][a-z])"
)
_RE_KEYWORD = LazyPattern(r"(?<![A-Za-z])(?:[Rr]esolutions?|RESOLUTIONS?)(?![A-Za-z])")
_ORGAN_BEFORE = LazyPattern(rf"{_ORGAN_NAME}\s+$")
_ITEM_AFTER_KW = LazyPattern(rf"\s{{1,3}}(?:[Nn]os?\.\s{{0,3}})?(?:{_OLD_ITEM}|{_NEW_ITEM})")
_ITEM_CONNECTOR = LazyPattern(
    r"(?:[ \t]{0,3}[,&][ \t]{0,3}(?:and[ \t]{1,3})?|[ \t]{1,3}and[ \t]{1,3})"
)

# A space where a symbol has the full stop between a body or a numbered document
# type and its number, as typed or as OCR reads it: "E/CN 1/67", "DC/SC 1/42",
# "(S/AC10/CONF 2/13)", "E/CN.1/Sub.2/SR 52". The codes are those written with a
# number after a full stop (RES, PRST and the like never are).
_SPACED_NUMBERED = (
    "AC",
    "C",
    "CN",
    "CONF",
    "SC",
    "Sub",
    "SUB",
    "WG",
    "PC",
    "GC",
    "SR",
    "PV",
    "L",
    "W",
    "WP",
    "Conf",
)
_SPACED_NUMBER = LazyPattern(
    r"(?<=[A-Za-z0-9.])/(?:" + "|".join(_SPACED_NUMBERED) + r")(?P<gap> )"
    r"(?=[0-9]{1,4}(?:/|(?![\w\-]|\.[0-9])))"
)
# A space for the slash before a numbered body after a numbered one, as typed in
# "[S/AC.10 Conf 1/9]" for S/AC.10/CONF.1/9.
_SPACED_SLASH = LazyPattern(
    r"(?<=[A-Z]/[A-Z]{2}\.)[0-9]{1,3}(?P<gap> )"
    r"(?=(?:CONF|Conf|Sub|SUB) [0-9]{1,3}/[0-9])"
)


def _mend_spaces(text: str) -> str:
    """``text`` with the space of a spaced number ("CN 1") read as its full stop.

    The result has the length of ``text``, so every span found in it is a span
    of ``text``.

    >>> _mend_spaces("a paper (E/CN 1/39) and UN document DC/SC 1/42, 3 April")
    'a paper (E/CN.1/39) and UN document DC/SC.1/42, 3 April'
    >>> _mend_spaces("the S/PV 473 record, and/or 2 papers")
    'the S/PV.473 record, and/or 2 papers'
    >>> _mend_spaces("A copy of the plan [S/AC.10 Conf 1/9] [4]")
    'A copy of the plan [S/AC.10/Conf.1/9] [4]'
    """
    if " " not in text or "/" not in text:
        return text
    slashes = [m.start("gap") for m in _SPACED_SLASH.finditer(text)]
    if slashes:
        chars = list(text)
        for k in slashes:
            chars[k] = "/"
        text = "".join(chars)
    gaps = [m.start("gap") for m in _SPACED_NUMBER.finditer(text)]
    if not gaps:
        return text
    chars = list(text)
    for k in gaps:
        chars[k] = "."
    return "".join(chars)


#: Longest run of symbol characters considered; anything longer is not a symbol.
_MAX_RUN = 300
#: Longest modifier range expanded ("Add.1-50").
_MAX_RANGE = 50


def _organ_cuts(src: str, lo: int, hi: int) -> list[int]:
    """Where a second symbol begins inside ``src[lo:hi]``: after a digit, or after "digit-"."""
    voc = _vocabulary()
    cuts = []
    i = lo + 1
    while i < hi:
        c = src[i]
        if c.isupper() and (
            src[i - 1].isdigit() or (src[i - 1] == "-" and i >= lo + 2 and src[i - 2].isdigit())
        ):
            j = i
            while j < hi and j - i < 8 and src[j].isupper():
                j += 1
            if j < hi and src[j] == "/" and src[i:j] in voc.organs:
                cuts.append(i)
                i = j
                continue
        i += 1
    return cuts


def _url_chunks(text: str) -> list[tuple[int, int]]:
    """The white-space-delimited chunks that are addresses: "://" or "@" in them,
    or "www." at their start. Found from those marks, so prose costs nothing."""
    found: set[tuple[int, int]] = set()
    n = len(text)
    for mark in ("://", "@", "www."):
        k = text.find(mark)
        while k >= 0:
            s = k
            while s > 0 and not text[s - 1].isspace():
                s -= 1
            m = _CHUNK.match(text, k)
            e = m.end() if m is not None else n
            if mark != "www." or text.startswith(("www.", "(www."), s):
                found.add((s, e))
            k = text.find(mark, max(e, k + 1))
    return sorted(found)


_RUN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789./*…-")


def _runs(text: str) -> Iterator[tuple[int, int]]:
    """Maximal runs of symbol characters that hold a slash, a mid-symbol "(XIV)" included.

    Every symbol holds a slash: the runs are found from the slashes, so the
    words of the prose between cost nothing.
    """
    pos = 0
    n = len(text)
    while pos < n:
        slash = text.find("/", pos)
        if slash < 0:
            return
        s = slash
        while s > pos and text[s - 1] in _RUN_CHARS:
            s -= 1
        m = _RUN.match(text, s)
        assert m is not None  # the slash itself is a symbol character
        e = m.end()
        while e < n and text[e - 1] == "/" and (pm := _PAREN_MID.match(text, e)):
            e = pm.end()
            more = _RUN.match(text, e)
            if more is not None:
                e = more.end()
        yield s, e
        pos = e


def _shifted(diags: list[Diagnostic], offset: int) -> tuple[Diagnostic, ...]:
    return tuple(attrs.evolve(d, start=d.start + offset, end=d.end + offset) for d in diags)


def _with_modifier(base: UNSymbol, kind: ModifierKind, number: str) -> UNSymbol:
    mods = list(base.modifiers)
    if mods and mods[-1].kind == kind:
        mods[-1] = Modifier(kind, number)
    else:
        mods.append(Modifier(kind, number))
    return UNSymbol(
        base.components, tuple(mods), base.resolution_session, base.resolution_year, base.part
    )


def _bare_ok(symbol: UNSymbol) -> tuple[bool, bool]:
    """(accept, certain) for a symbol written without a prefix or list around it."""
    voc = _vocabulary()
    if symbol.organ not in voc.organs:
        return False, False
    if any(n.code == "UN107" and "after the organ" in n.message for n in symbol.notes):
        return False, False
    kinds = {c.kind for c in symbol.components[1:]}
    known = any(
        (c.kind == "body" and c.code in voc.bodies) or c.kind == "type"
        for c in symbol.components[1:]
    )
    serial = next((c.value for c in symbol.components if c.kind == "serial"), None)
    plain = serial is None or serial.isdigit()
    if known:
        return True, True
    if kinds & {"session", "year"}:
        return plain, plain
    if kinds == {"serial"}:
        ok = (
            symbol.organ in ("A", "S", "E", "T")
            and serial is not None
            and serial.isdigit()
            and len(serial) >= 2
        )
        return ok, False
    return False, False


def find(text: str, *, strict: bool = True) -> list[UNMatch]:
    """Every UN document symbol in ``text``, in order, with its span.

    Finds symbols with or without a "Document", "UN Doc." or "U.N. Doc."
    prefix; expands lists ("A/AC.19/80 and Add.1-2", "S/9696 and Corr.1 &
    2") and joint symbols ("A/35/89-S/13784"); maps resolutions cited by
    name ("General Assembly resolution 377 A (V)", "resolution 82 (1950)")
    to their symbols. Text inside URLs and e-mail addresses is skipped.

    A symbol written bare (no prefix, not in a list) is reported only when
    its organ is known and it is unmistakably a symbol: it has a body or
    document type (``A/C.1/218``, ``S/PV.473``), or a session or year with a
    plain serial number (``A/35/89``, ``S/1994/240``), or it is an organ and
    a plain number of two digits or more (``S/1501``, reported with
    ``certain=False``). ``A/48/19H`` is not reported bare: no UN serial
    carries a letter, and such strings are file numbers.

    With ``strict=False`` every piece of text that parses is reported (for
    cells of a table that hold nothing but symbols).

    The scan is linear in the length of the text.

    >>> [str(m.symbol) for m in find("A/AC.19/80 and Add.1-2")]
    ['A/AC.19/80', 'A/AC.19/80/Add.1', 'A/AC.19/80/Add.2']
    >>> [(str(m.symbol), m.certain) for m in find("the report S/1166 dated 29 December")]
    [('S/1166', False)]
    """
    original = text
    text = _mend_spaces(text)
    matches: list[UNMatch] = []
    urls = _url_chunks(text)
    url_i = 0
    last_end = -1
    last_certain = False
    consumed = 0
    for run_start, run_end in _runs(text):
        s, e = run_start, run_end
        if s < consumed:
            continue
        while url_i < len(urls) and urls[url_i][1] <= s:
            url_i += 1
        if url_i < len(urls) and urls[url_i][0] <= s < urls[url_i][1]:
            continue
        if e - s > _MAX_RUN or "/" not in text[s:e]:
            continue
        # trailing full stops end the sentence, unless they elide a component
        while e > s and text[e - 1] in ".-" and not text[s:e].endswith("..."):
            e -= 1
        while s < e and text[s] in ".-*":
            s += 1
        cuts = _organ_cuts(text, s, e)
        bounds = [s, *cuts, e]
        pieces = []
        for k in range(len(bounds) - 1):
            ps, pe = bounds[k], bounds[k + 1]
            if k + 1 < len(bounds) - 1 and text[pe - 1] == "-":
                pe -= 1
            pieces.append((ps, pe, k))
        piece_ok = False
        for ps, piece_end, k in pieces:
            joined = None if k == 0 else ("joint" if text[ps - 1] == "-" else "run")
            found = _symbol_at(text, ps, piece_end, is_last=(k == len(pieces) - 1))
            previous_ok, piece_ok = piece_ok, False
            if found is None:
                continue
            symbol, rng, pe = found
            gap = text[last_end:ps] if 0 <= last_end <= ps and ps - last_end <= 8 else None
            in_list = gap is not None and (gap == "" or _CONNECTOR.fullmatch(gap) is not None)
            prefixed = _PREFIX_BEFORE.search(text, max(0, ps - 28), ps) is not None
            if joined is not None and not previous_ok:
                continue  # glued to text that is no symbol ("PREM 4/43A/16"): a file number
            if prefixed or (in_list and last_certain) or joined is not None:
                accept, certain = True, True
            elif not strict:
                accept, certain = True, False
            else:
                accept, certain = _bare_ok(symbol)
                if in_list and accept:
                    certain = True
            if not accept:
                continue
            piece_ok = True
            diags = list(_shifted(validate(symbol), ps))
            run_on = (
                k == 0
                and len(pieces) > 1
                and text[pieces[1][0] - 1] != "-"
                and _symbol_at(text, pieces[1][0], pieces[1][1], is_last=len(pieces) == 2)
                is not None
            )
            if joined == "run" or run_on:
                diags.append(
                    Diagnostic(
                        "UN302",
                        "two symbols written without a separator",
                        "warning",
                        ps,
                        pe,
                        text[ps:pe],
                    )
                )
            via: Via = "joint" if joined == "joint" else "symbol"
            if rng is None:
                matches.append(UNMatch(symbol, ps, pe, text[ps:pe], tuple(diags), certain, via))
            else:
                for n in range(rng.first, rng.last + 1):
                    member = _with_modifier(symbol, rng.kind, str(n))
                    matches.append(UNMatch(member, ps, pe, text[ps:pe], tuple(diags), certain, via))
            last_end, last_certain = pe, certain
            if k == len(pieces) - 1:
                list_end = _list_after(text, pe, symbol, certain, matches)
                if list_end > pe:
                    consumed = list_end
                    last_end = list_end
    matches.extend(_find_resolutions(text, urls))
    matches.sort(key=lambda m: (m.start, m.end))
    out: list[UNMatch] = []
    for m in matches:
        prev = out[-1] if out else None
        if prev is not None and m.start < prev.end and (m.start, m.end) != (prev.start, prev.end):
            continue  # overlaps a match already taken (a symbol inside a named resolution)
        out.append(m)
    dated = _with_dates(text, out)
    if text is original:
        return dated
    return [_as_written(m, original) for m in dated]


def _as_written(m: UNMatch, original: str) -> UNMatch:
    """A match found in the mended text, with the text as written (the spans are the same)."""
    written = original[m.start : m.end]
    if written == m.text:
        return m
    diags = tuple(attrs.evolve(d, text=original[d.start : d.end]) for d in m.diagnostics)
    return attrs.evolve(m, text=written, diagnostics=diags)


def _with_dates(text: str, matches: list[UNMatch]) -> list[UNMatch]:
    """Give each symbol the date written right after it ("S/1501, 25 June 1950")."""
    out = []
    for m in matches:
        found = _date_after(text, m.end) if m.via != "list" else None
        if found is not None:
            date, ds, de = found
            symbol = attrs.evolve(m.symbol, date=date)
            diags = list(m.diagnostics)
            conflict = _date_conflict(symbol)
            if conflict is not None:
                diags.append(
                    Diagnostic("UN209", conflict[0], RULES["UN209"][0], ds, de, text[ds:de])
                )
            out.append(attrs.evolve(m, symbol=symbol, diagnostics=tuple(diags)))
        else:
            out.append(m)
    return out


def _symbol_at(
    text: str, s: int, e: int, *, is_last: bool
) -> tuple[UNSymbol, _Range | None, int] | None:
    """Read the piece ``text[s:e]`` (with a resolution suffix after it); None if no symbol."""
    read = _read_piece(text[s:e])
    if read is None:
        return None
    symbol, rng = read
    if symbol.is_resolution and is_last and rng is None and not symbol.modifiers:
        m = _RES_SUFFIX.match(text, e)
        if m is not None:
            with_suffix = _read_piece(text[s : m.end()])
            if with_suffix is not None:
                return with_suffix[0], None, m.end()
    return symbol, rng, e


@lru_cache(maxsize=4096)
def _read_piece(piece: str) -> tuple[UNSymbol, _Range | None] | None:
    """The symbol a piece of text spells, or None; kept, since a document cites the
    same symbols again and again (symbols and ranges are immutable values)."""
    try:
        return _read_symbol(piece, 0, len(piece))
    except ParseError:
        return None


# The end of a symbol written after "and" with its beginning left out: "2/6"
# after "S/AC.10/CONF.2/5", "W.40" after "S/AC.10/CONF.2/C.1/W.2", "850 add 1"
# after "S/850".
_ELIDED = LazyPattern(
    r"(?:[A-Za-z]{1,4}\.)?[0-9]{1,5}(?:/(?:[A-Za-z]{1,4}\.)?[0-9]{1,5}){0,3}"
    r"(?P<mod>[ \t]{1,2}(?i:(rev|add|corr|amend))\.?[ \t]?(?P<n>[0-9]{1,4}))?(?![\w/\-]|\.[0-9])"
)
_ELIDED_SEGMENT = LazyPattern(r"(?P<label>[A-Za-z]{1,4}\.)?(?P<number>[0-9]{1,5})")


def _elided_at(text: str, pos: int, base: UNSymbol) -> tuple[UNSymbol, re.Match[str]] | None:
    """The symbol an elided end at ``pos`` stands for, after ``base``; None if there is none.

    The end takes the place of as many of the base's last parts as it has, each
    part keeping its label where the end leaves it out ("2/6" after "CONF.2/5" is
    "CONF.2/6"); an end that is only a number counts only with a modifier after
    it ("850 add 1" after "S/850"), since "and 2" alone is a number of the prose.

    >>> [str(s) for s, _ in [_elided_at("2/6 of 17", 0, parse("S/AC.10/CONF.2/5"))]]
    ['S/AC.10/CONF.2/6']
    >>> str(_elided_at("850 add 1 [2]", 0, parse("S/850"))[0])
    'S/850/Add.1'
    >>> _elided_at("2 others", 0, parse("S/850")) is None
    True
    """
    m = _ELIDED.match(text, pos)
    if m is None or base.modifiers or base.is_resolution:
        return None
    core = m.group()[: m.start("mod") - m.start()] if m.group("mod") else m.group()
    tail = core.split("/")
    written = format(base).split("/")
    if len(tail) >= len(written):
        return None
    if len(tail) == 1 and "." not in core and m.group("mod") is None:
        return None
    head = written[: len(written) - len(tail)]
    parts = []
    for was, new in zip(written[len(head) :], tail, strict=True):
        old_seg = _ELIDED_SEGMENT.fullmatch(was)
        new_seg = _ELIDED_SEGMENT.fullmatch(new)
        if old_seg is None or new_seg is None:
            return None
        label = new_seg.group("label") or ""
        if label and label.upper() != (old_seg.group("label") or "").upper():
            return None
        parts.append((old_seg.group("label") or "") + new_seg.group("number"))
    read = _read_piece("/".join([*head, *parts]))
    if read is None or read[1] is not None:
        return None
    symbol = read[0]
    if m.group("mod") is not None:
        if symbol != base:
            return None
        symbol = _with_modifier(base, _MOD_CANON[m.group(2).upper()], m.group("n"))
    elif symbol == base:
        return None
    return symbol, m


def _list_after(
    text: str, pos: int, symbol: UNSymbol, certain: bool, matches: list[UNMatch]
) -> int:
    """Expand "and Add.1-2", "and Corr.1 & 2" after a symbol; return where the list ends."""
    end = pos
    base = symbol
    kind: ModifierKind | None = None
    while True:
        c = _CONNECTOR.match(text, end)
        if c is None:
            return end
        at = c.end()
        elided = _elided_at(text, at, symbol)
        if elided is not None:
            member, em = elided
            diags = tuple(
                attrs.evolve(d, start=em.start(), end=em.end(), text=em.group())
                for d in validate(member)
            )
            matches.append(
                UNMatch(member, em.start(), em.end(), em.group(), diags, certain, "list")
            )
            end = em.end()
            continue
        m = _LIST_MOD.match(text, at)
        if m is not None:
            kind = _MOD_CANON[m.group(1).upper()]
            first, last = int(m.group(2)), int(m.group(3) or m.group(2))
        elif kind is not None and (m := _LIST_NUM.match(text, at)) is not None:
            first, last = int(m.group(1)), int(m.group(2) or m.group(1))
        else:
            return end
        if last < first or last - first > _MAX_RANGE:
            return end
        for n in range(first, last + 1):
            member = _with_modifier(base, kind, str(n))
            diags = tuple(
                attrs.evolve(d, start=m.start(), end=m.end(), text=m.group())
                for d in validate(member)
            )
            matches.append(UNMatch(member, m.start(), m.end(), m.group(), diags, certain, "list"))
        end = m.end()


def _find_resolutions(text: str, urls: list[tuple[int, int]]) -> list[UNMatch]:
    """Resolutions cited by name: "Security Council resolution 82 (1950)" and lists of them."""
    out: list[UNMatch] = []
    url_starts = [a for a, _ in urls]
    for kw in _RE_KEYWORD.finditer(text):
        at = bisect.bisect_right(url_starts, kw.start()) - 1
        if at >= 0 and kw.start() < urls[at][1]:
            continue
        om = _ORGAN_BEFORE.search(text, max(0, kw.start() - 40), kw.start())
        organ = _organ_of(om.group("organ")) if om else None
        start = om.start() if om else kw.start()
        pos = kw.end()
        item = _ITEM_AFTER_KW.match(text, pos)
        first = True
        while item is not None:
            new_style = item.group("num") is None
            if new_style and organ is None:
                break  # "resolution 31/6" with no organ named: GA, HRC or ECOSOC?
            piece = text[item.start() : item.end()].strip()
            symbol = _resolution_from_match(piece, _RE_ITEM.search(piece) or item, organ)
            number, year = symbol.number, symbol.resolution_year
            # an unnamed "resolution 5 (1990)" is the Council's only if the number fits
            if (
                organ is None
                and year is not None
                and number
                and (not number.isdigit() or _sc_check(int(number), year))
            ):
                break
            s = start if first else item.start() + (len(item.group()) - len(item.group().lstrip()))
            e = item.end()
            span_text = text[s:e]
            symbol = attrs.evolve(symbol, text=span_text)
            diags = tuple(_shifted(validate(symbol), s))
            out.append(UNMatch(symbol, s, e, span_text, diags, True, "name"))
            first = False
            c = _ITEM_CONNECTOR.match(text, e)
            if c is None:
                break
            item = _RE_ITEM.match(text, c.end())
    return out


def expand(text: str) -> list[UNSymbol]:
    """The symbols named by a list, a joint symbol or a range: one per document.

    >>> [str(s) for s in expand("A/32/251 & Add.1-3")]
    ['A/32/251', 'A/32/251/Add.1', 'A/32/251/Add.2', 'A/32/251/Add.3']
    >>> [str(s) for s in expand("S/2020/693S/2020/681")]
    ['S/2020/693', 'S/2020/681']
    >>> [str(s) for s in expand("E/1111/Add.1-5")][-1]
    'E/1111/Add.5'
    """
    return [m.symbol for m in find(text, strict=False)]
