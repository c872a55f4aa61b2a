"""Archives whose references are a signature: patterns declared in the registry, no code.

Many archives cite a file by one signature written after the archive's name,
not by a chain of labelled levels: the Chinese Foreign Ministry Archive
("PRC FMA 111-00009-03"), the National Archives of Australia ("NAA: A1838,
3123/4/2, iii"), the Archives nationales ("AN, F/7/12345"), Library and
Archives Canada ("LAC, RG 25, vol. 1234, file 50-A"). Each such archive is a
registry entry with ``notation = "signature"`` and one or more
``[[archive.signature]]`` tables; this module reads every one of them.

A table's ``pattern`` is a template of a regular expression:

* ``<kind:regex>`` is a level of that kind (a kind of
  :data:`~archref.model.LEVEL_KINDS`: ``series``, ``file``, ``volume``,
  ``box``, ``item``, ``signature``...), matched by ``regex``;
* a space stands for one or two spaces (``", ?"`` is a comma with or without
  a space after it);
* anything else is a regular expression of the subset both Python's ``re``
  and RE2 read alike, with bounded repetitions only (no ``*``, ``+`` or
  ``{n,}``; at most ``{m,99}``), no look-around and no back-reference; a
  repeated group that holds a repetition must open with a literal character
  (``(?:/[0-9]{1,5}){0,4}``) or a class of punctuation (``(?:[-/][0-9]{1,5}){0,4}``),
  so that no text
  can be split among its rounds in more than one way. :func:`compile_template`
  refuses anything else.

``format`` writes the levels back (``"{series}, {file}"``; by default the
levels joined by ", "), and ``bare = true`` lets a pattern that opens with a
literal of three characters or more ("IOR/", "Mss Eur ") be found without
the archive's name before it: that literal is its anchor.

>>> ref = parse("NAA: A1838, 3123/4/2, iii")
>>> ref.archive.id, [(lv.kind, lv.value) for lv in ref.levels]
('NAA', [('series', 'A1838'), ('file', '3123/4/2'), ('chast', 'iii')])
>>> str(ref)
'NAA, A1838, 3123/4/2, iii'
>>> str(parse("PRC FMA 111-00009-03"))
'PRC FMA, 111-00009-03'

What follows the signature after a comma may be the leaves or pages
("p. 5", "pp. 5-7", "fol. 3", "ff. 3-4", "Bl. 8", "S. 12"): the labels are
data too (``data/signature_labels.toml``).

>>> ref = parse("AN, F/7/15288, p. 12")
>>> ref.archive.id, ref.level("series"), ref.level("piece"), str(ref.folios)
('AN', 'F/7', '15288', '12')

:func:`find` reads running text: an archive's name (any alias of a
signature-notation archive, as written in the registry, case and all), a
separator, then one of its patterns; or a bare pattern's literal.

>>> [(m.start, m.end, str(m.reference)) for m in find("See NAA: A1838, 3038/10/1/2, iii.")]
[(4, 32, 'NAA, A1838, 3038/10/1/2, iii')]

Every pattern is tried once at a bounded number of positions (after each
name), on at most :data:`REACH` characters, so reading is linear in the text.
"""

from __future__ import annotations

import functools
import re
import tomllib
import weakref
from collections.abc import Iterator, Mapping
from importlib import resources
from typing import Literal, cast

import attrs

from archref.model import (
    LEVEL_KINDS,
    ArchivalReference,
    Archive,
    Diagnostic,
    Folio,
    FolioRange,
    Level,
    LevelKind,
    Locator,
    ParseError,
    SignaturePattern,
)
from archref.notations import fonds
from archref.notations.fonds import Style
from archref.registry import Registry, archive_spellings, default_registry

__all__ = [
    "REACH",
    "STYLES",
    "Compiled",
    "Match",
    "TemplateError",
    "anchor_patterns",
    "compile_template",
    "find",
    "format_reference",
    "parse",
    "validate",
]

#: The notation styles :func:`format_reference` writes (those of the fond family).
STYLES = fonds.STYLES

#: How many characters after an archive's name a signature and its leaves may take.
REACH = 300

#: The highest bound a repetition of a pattern may have.
MAX_REPEAT = 99

_SPACE_CHARS = " \t\u00a0"
_SP = "[ \t\u00a0]"
_SPACE_IN_TEMPLATE = f"(?:{_SP}{{1,2}})"
# Between the words of a name: as the scanning core's {S}, limited here to what
# a name broken across lines holds.
_NAME_SPACE = "[ \t\u00a0\n]{1,3}"


class TemplateError(ValueError):
    """A signature template that is not a safe pattern."""


@attrs.frozen
class Compiled:
    """A checked template: its regular expression, level kinds, format and bare literal."""

    regex: re.Pattern[str]
    kinds: tuple[str, ...]
    format: str
    literal: str


# --------------------------------------------------------------------------- templates


def _quantifier(template: str, k: int) -> tuple[int, int] | None:
    """The ``(end, max)`` of a ``{m,n}`` / ``{n}`` quantifier at ``k``, else None."""
    m = re.compile(r"\{(\d{1,3})(?:,(\d{0,3}))?\}").match(template, k)
    if m is None:
        return None
    low, high = m.group(1), m.group(2)
    if high == "":
        raise TemplateError(f"unbounded repetition {m.group()!r} at column {k}")
    top = int(high) if high is not None else int(low)
    if top > MAX_REPEAT or (high is not None and int(low) > top):
        raise TemplateError(f"repetition {m.group()!r} at column {k}: at most {{m,{MAX_REPEAT}}}")
    return m.end(), top


@attrs.define
class _Group:
    level: str | None  # the level kind for a <kind:...> group
    repeats: bool = False  # holds a repetition of more than one round
    literal_start: bool | None = None  # opens with a literal character
    lit_start: int = 0  # how long the leading literal was when the group opened


_KIND = re.compile(r"<([a-z_]{1,20}):")
_FORBIDDEN = ("(?=", "(?!", "(?<", "(?P", "(?#")


def _translate(template: str) -> tuple[str, tuple[str, ...], str]:
    """The template as a regular expression, its level kinds, and its leading literal."""
    out: list[str] = []
    kinds: list[str] = []
    stack: list[_Group] = [_Group(None)]
    literal: list[str] = []
    literal_open = True
    k, n = 0, len(template)
    in_class = False

    def atom(is_literal: bool) -> None:
        top = stack[-1]
        if top.literal_start is None:
            top.literal_start = is_literal

    while k < n:
        ch = template[k]
        if in_class:
            if ch == "\\" and k + 1 < n:
                out.append(template[k : k + 2])
                k += 2
                continue
            out.append(ch)
            in_class = ch != "]" or template[k - 1] == "["
            k += 1
            continue
        if ch == "\\":
            if k + 1 >= n:
                raise TemplateError("a backslash ends the pattern")
            nxt = template[k + 1]
            if nxt.isdigit():
                raise TemplateError(f"back-reference '\\{nxt}' at column {k}")
            is_lit = not nxt.isalnum()  # "\." is a literal, "\d" a class
            atom(is_lit)
            if literal_open and is_lit:
                literal.append(nxt)
            else:
                literal_open = False
            out.append(template[k : k + 2])
            k += 2
            continue
        if ch == "[":
            close = template.find("]", k + 2)
            content = template[k + 1 : close] if close > 0 else ""
            # a class of punctuation only ("[-/]") separates like a literal
            atom(bool(content) and "\\" not in content and not any(c.isalnum() for c in content))
            literal_open = False
            in_class = True
            out.append(ch)
            if k + 1 < n and template[k + 1] == "^":
                out.append("^")
                k += 1
            if k + 1 < n and template[k + 1] == "]":
                out.append("]")
                k += 1
            k += 1
            continue
        if ch == "<":
            m = _KIND.match(template, k)
            if m is not None:
                kind = m.group(1)
                if kind not in LEVEL_KINDS:
                    raise TemplateError(f"unknown level kind {kind!r}")
                if kind in kinds:
                    raise TemplateError(f"level {kind!r} twice in one pattern")
                kinds.append(kind)
                atom(False)
                # a level's literal text ("<series:CHAR>") may still open the pattern
                stack.append(_Group(kind, lit_start=len(literal)))
                out.append(f"(?P<{kind}>")
                k = m.end()
                continue
        if ch == ">" and stack[-1].level is not None:
            group = stack.pop()
            stack[-1].repeats = stack[-1].repeats or group.repeats
            out.append(")")
            k += 1
            continue
        if ch == "(":
            if template.startswith(_FORBIDDEN, k):
                raise TemplateError(
                    f"look-around, comments and named groups are not read (column {k});"
                    " name a level <kind:...>"
                )
            atom(False)
            literal_open = False
            stack.append(_Group(None))
            if template.startswith("(?:", k):
                out.append("(?:")
                k += 3
            else:
                out.append("(?:")  # a plain group captures nothing either
                k += 1
            continue
        if ch == ")":
            if len(stack) < 2 or stack[-1].level is not None:
                raise TemplateError(f"unbalanced ')' at column {k}")
            group = stack.pop()
            out.append(")")
            k += 1
            top = _repeat_at(template, k)
            if top is not None:
                end, rounds = top
                if rounds > 1 and group.repeats and not group.literal_start:
                    raise TemplateError(
                        f"a repeated group holding a repetition must open with a literal"
                        f" (column {k})"
                    )
                out.append(template[k:end])
                k = end
                if rounds > 1:
                    stack[-1].repeats = True
            stack[-1].repeats = stack[-1].repeats or group.repeats
            continue
        if ch in "*+":
            raise TemplateError(f"unbounded repetition {ch!r} at column {k}")
        if ch == "{":
            top = _quantifier(template, k)
            if top is None:
                raise TemplateError(f"a '{{' that is no repetition at column {k}")
            end, rounds = top
            out.append(template[k:end])
            k = end
            if rounds > 1:
                stack[-1].repeats = True
            if literal_open and literal and rounds != 1:
                literal.pop()  # "ab{0,2}": the "b" is not certain
            literal_open = False
            continue
        if ch == "?":
            out.append(ch)
            if literal_open and literal:
                literal.pop()  # "ab?": the "b" is not certain
            literal_open = False
            k += 1
            continue
        if ch == " ":
            atom(True)
            if literal_open:
                literal.append(" ")
            out.append(_SPACE_IN_TEMPLATE)
            k += 1
            continue
        if ch in ".|^$":
            if ch == "|" and literal_open:
                del literal[stack[-1].lit_start :]  # nothing of the alternatives is certain
            atom(False)
            literal_open = False
            out.append(ch)
            k += 1
            continue
        atom(True)
        if literal_open:
            literal.append(ch)
        out.append(re.escape(ch) if ch in "#&~-" else ch)
        k += 1
    if in_class:
        raise TemplateError("an unclosed '['")
    if len(stack) != 1:
        raise TemplateError("an unclosed group or level")
    return "".join(out), tuple(kinds), "".join(literal)


def _repeat_at(template: str, k: int) -> tuple[int, int] | None:
    """A quantifier right after a group: ``(end, rounds)``, else None."""
    if k < len(template) and template[k] == "?":
        return k + 1, 1
    if k < len(template) and template[k] in "*+":
        raise TemplateError(f"unbounded repetition {template[k]!r} at column {k}")
    if k < len(template) and template[k] == "{":
        return _quantifier(template, k)
    return None


@functools.lru_cache(maxsize=4096)
def compile_template(template: str, fmt: str | None = None) -> Compiled:
    """Check and compile a signature template; raise :class:`TemplateError` if unsafe.

    >>> c = compile_template("<series:A[0-9]{1,4}>, <file:[0-9]{1,5}(?:/[0-9]{1,5}){0,4}>")
    >>> c.kinds, c.regex.match("A1838, 3123/4/2").group("file")
    (('series', 'file'), '3123/4/2')
    >>> compile_template("<file:[0-9]+>")
    Traceback (most recent call last):
    ...
    archref.notations.signature.TemplateError: unbounded repetition '+' at column 11
    >>> compile_template("<file:(?:[0-9]{1,3}){1,5}>")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    archref.notations.signature.TemplateError: a repeated group holding a repetition must open ...
    """
    source, kinds, literal = _translate(template)
    if not kinds:
        raise TemplateError("a pattern names no level <kind:...>")
    try:
        regex = re.compile(source)
    except re.error as exc:
        raise TemplateError(f"not a regular expression: {exc}") from exc
    try:
        import re2  # noqa: PLC0415
    except ImportError:  # pragma: no cover - the wheel exists for the common platforms
        pass
    else:
        try:
            re2.compile(source)
        except Exception as exc:  # re2 raises its own error types
            raise TemplateError(f"RE2 cannot read the pattern: {exc}") from exc
    if regex.fullmatch("") is not None:
        raise TemplateError("the pattern matches empty text")
    for name in _PLACEHOLDER.findall(fmt or ""):
        if name not in kinds:
            raise TemplateError(f"the format names {name!r}, which is no level of the pattern")
    return Compiled(regex, kinds, fmt or "", literal.rstrip(" ") if literal.strip() else "")


def _compiled(sig: SignaturePattern) -> Compiled:
    return compile_template(sig.pattern, sig.format)


def _bare(sig: SignaturePattern) -> str | None:
    """The literal a bare pattern opens with, or None for a pattern that needs a name."""
    if not sig.bare:
        return None
    literal = _compiled(sig).literal
    return literal if len(literal) >= 3 and any(c.isalpha() for c in literal) else None


# --------------------------------------------------------------------------- labels


@functools.cache
def _labels() -> Mapping[str, Literal["leaf", "page"]]:
    """The labels of leaves and pages after a signature: label -> unit."""
    text = resources.files("archref").joinpath("data/signature_labels.toml").read_text("utf-8")
    data = tomllib.loads(text)
    out: dict[str, Literal["leaf", "page"]] = {}
    for label in data["leaf"]["labels"]:
        out[str(label)] = "leaf"
    for label in data["page"]["labels"]:
        out[str(label)] = "page"
    return out


@functools.cache
def _around() -> Mapping[str, str]:
    """Labels written on both sides of the page number ("第15页"): opening -> closing;
    all of them pages."""
    text = resources.files("archref").joinpath("data/signature_labels.toml").read_text("utf-8")
    return {str(a): str(b) for a, b in tomllib.loads(text)["page"].get("around", ())}


@functools.cache
def _locator() -> re.Pattern[str]:
    labels = sorted(_labels(), key=lambda s: (-len(s), s))
    alternatives = "|".join(re.escape(label) for label in labels)
    number = rf"(?P<a>\d{{1,5}}[a-z]?)(?:{_SP}{{0,2}}[-–—]{_SP}{{0,2}}(?P<b>\d{{1,5}}[a-z]?))?"
    around = _around()
    opening = "|".join(re.escape(a) for a in sorted(around, key=len, reverse=True))
    closing = "|".join(re.escape(b) for b in sorted(set(around.values()), key=len, reverse=True))
    labelled = rf"(?P<label>{alternatives}){_SP}{{0,2}}"
    if around:
        labelled = rf"(?:{labelled}|(?P<open>{opening}))"
    tail = rf"(?P<close>{closing})?" if around else ""
    return re.compile(rf"(?P<sep>,{_SP}{{0,2}}|{_SP}{{1,2}}){labelled}{number}{tail}(?![\w/–-])")


# --------------------------------------------------------------------------- names


@attrs.frozen
class _Names:
    """The names of a registry's signature archives, compiled for finding."""

    regex: re.Pattern[str] | None
    bare: tuple[tuple[str, Archive, SignaturePattern], ...]
    bare_regex: re.Pattern[str] | None


def _signature_archives(registry: Registry) -> Iterator[Archive]:
    return (a for a in registry if a.notation == "signature")


def _name_source(name: str, space: str) -> str:
    return space.join(re.escape(word) for word in name.split())


_NAMES_CACHE: weakref.WeakKeyDictionary[Registry, _Names] = weakref.WeakKeyDictionary()


def _names(registry: Registry) -> _Names:
    cached = _NAMES_CACHE.get(registry)
    if cached is not None:
        return cached
    spellings: set[str] = set()
    cities: set[str] = set()
    bare: list[tuple[str, Archive, SignaturePattern]] = []
    for archive in _signature_archives(registry):
        spellings.update(s for s in archive_spellings(archive) if s.strip())
        if archive.city:
            cities.add(archive.city)
        for sig in archive.signatures:
            literal = _bare(sig)
            if literal is not None:
                bare.append((literal, archive, sig))
    regex = None
    if spellings:
        alternatives = "|".join(
            _name_source(s, _NAME_SPACE) for s in sorted(spellings, key=lambda s: (-len(s), s))
        )
        # the city after the name, as the "en-full" style writes it: "British Library, London"
        places = "|".join(_name_source(c, _NAME_SPACE) for c in sorted(cities, key=len)[::-1])
        place = rf"(?P<place>,{_SP}{{1,2}}(?:{places})(?![\w\-]))?" if places else ""
        regex = re.compile(
            rf"(?<![\w\-])(?P<name>{alternatives})"
            rf"(?P<gloss>{_SP}{{0,2}}\([^()\n]{{1,60}}\))?{place}"
            rf"(?P<sep>{_SP}{{0,2}}[,:.;]{_SP}{{0,2}}|{_SP}{{1,2}}|)"
        )
    bare_regex = None
    if bare:
        alternatives = "|".join(
            _name_source(lit, _SP + "{1,2}")
            for lit in sorted({b[0] for b in bare}, key=lambda s: (-len(s), s))
        )
        bare_regex = re.compile(rf"(?<![\w\-])(?:{alternatives})")
    names = _Names(regex, tuple(bare), bare_regex)
    _NAMES_CACHE[registry] = names
    return names


def _longest_first(words: set[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def anchor_patterns(registry: Registry | None = None) -> tuple[str, ...]:
    """The anchors of the family for the scanning core (:mod:`archref.scan`).

    Every reference opens with the name of its archive, or with the literal
    of a bare pattern. The anchors are the first two words of every name of
    two words or more, with the white space :func:`find` reads between them
    ("Chinese Foreign", not "Chinese" alone, which prose uses every page),
    the word of every name of one word (both as written in the registry,
    after anything but a word character or a hyphen; a word alone before
    anything but a letter), and the bare literals: a few hundred short
    prefixes make an automaton RE2 keeps small, where the names in full did
    not fit its memory.

    >>> from archref.scan import anchors
    >>> text = "Chinese sources. Chinese Foreign Ministry Archive, 111-00009-03."
    >>> [text[a:b] for _, a, b in anchors(text, family="signature")]
    [' Chinese Foreign', ' Foreign Ministry']
    """
    reg = registry or default_registry()
    words: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    literals: set[str] = set()
    for archive in _signature_archives(reg):
        for spelling in archive_spellings(archive):
            parts = spelling.split()
            if len(parts) == 1:
                words.add(parts[0])
            elif parts:
                pairs.add((parts[0], parts[1]))
        for sig in archive.signatures:
            literal = _bare(sig)
            if literal is not None:
                literals.add(literal.split()[0])
    out: list[str] = []
    if words or pairs:
        # the names of one word, then those of more by first word ("Chinese" then one of
        # its second words): the class of what follows a name of one word is written
        # once, and each first word once (a Unicode class in each of hundreds of
        # alternatives made RE2 thirty times slower to compile the pattern)
        seconds: dict[str, set[str]] = {}
        for first, second in pairs:
            seconds.setdefault(first, set()).add(second)
        alternatives = []
        if words:
            alternatives.append(f"(?:{_longest_first(words)})(?:{{NL}}|{{END}})")
        alternatives.extend(
            f"{re.escape(first)}{_NAME_SPACE}(?:{_longest_first(seconds[first])})"
            for first in sorted(seconds, key=lambda w: (-len(w), w))
        )
        out.append(rf"(?:^|{{NWH}})(?:{'|'.join(alternatives)})")
    if literals:
        out.append(rf"(?:^|{{NWH}})(?:{_longest_first(literals)})")
    return tuple(out)


# --------------------------------------------------------------------------- reading


@attrs.frozen
class _Read:
    archive: Archive
    cited: str | None  # the name as written, None for a bare pattern
    signature: re.Match[str]
    sig: SignaturePattern
    locator: re.Match[str] | None
    end: int


def _continues(text: str, k: int, end: int) -> bool:
    """Does the text at ``k`` go on with the signature (so that a match ending there is cut)?"""
    if k >= end:
        return False
    ch = text[k]
    if ch.isalnum() or ch in "/_&":
        return True
    return ch in "-–.," and k + 1 < end and text[k + 1].isdigit() and ch != ","


def _signature_at(
    text: str, pos: int, end: int, archive: Archive, *, bare_only: bool = False
) -> tuple[re.Match[str], SignaturePattern] | None:
    """The longest of the archive's patterns that matches at ``pos`` and ends cleanly."""
    best: tuple[re.Match[str], SignaturePattern] | None = None
    limit = min(end, pos + REACH)
    for sig in archive.signatures:
        if bare_only and _bare(sig) is None:
            continue
        m = _compiled(sig).regex.match(text, pos, limit)
        if m is None or m.end() == pos or _continues(text, m.end(), end):
            continue
        if best is None or m.end() > best[0].end():
            best = m, sig
    return best


def _read_after(
    text: str, pos: int, end: int, archive: Archive, cited: str | None, *, bare_only: bool = False
) -> _Read | None:
    found = _signature_at(text, pos, end, archive, bare_only=bare_only)
    if found is None:
        return None
    m, sig = found
    locator = _locator().match(text, m.end(), min(end, m.end() + 40))
    if locator is not None and locator.groupdict().get("open") is not None:
        # a label around the number needs its closing half ("第15页")
        if _around().get(locator.group("open")) != locator.group("close"):
            locator = None
    elif locator is not None and locator.groupdict().get("close") is not None:
        locator = None
    k = locator.end() if locator is not None else m.end()
    return _Read(archive, cited, m, sig, locator, k)


# A hyphen with a space on both sides between the letters and the number of a
# signature ("MULT - 781"), which the archive writes with a space ("MULT 781").
_SPACED_HYPHEN = re.compile(r"(?<=[A-Za-z]) [-–] (?=[0-9])")


@functools.lru_cache(maxsize=256)
def _before_name(sig: SignaturePattern) -> re.Pattern[str]:
    """An ``after`` pattern as read before its archive's name: from a word's start
    to the name, with a space, comma, colon, semicolon or slash between."""
    return re.compile(
        rf"(?<![\w/\-.])(?:{_compiled(sig).regex.pattern})[ \t]{{0,2}}[,;:/]?[ \t]{{0,2}}$"
    )


def _read_before(
    text: str, name_start: int, archive: Archive, cited: str, end: int
) -> _Read | None:
    """The longest of the archive's ``after`` patterns that ends at its name."""
    best: re.Match[str] | None = None
    best_sig: SignaturePattern | None = None
    lo = max(0, name_start - REACH)
    for sig in archive.signatures:
        if not sig.after:
            continue
        m = _before_name(sig).search(text, lo, name_start)
        if m is not None and m.start() < name_start and (best is None or m.start() < best.start()):
            best, best_sig = m, sig
    if best is None or best_sig is None:
        return None
    return _Read(archive, cited, best, best_sig, None, end)


def _clean(value: str) -> str:
    """The identifier as a reader normalises it: white space collapsed, a spaced
    hyphen between letters and digits read as a space.

    >>> _clean("MULT - 781"), _clean("CP  290/6")
    ('MULT 781', 'CP 290/6')
    """
    return _SPACED_HYPHEN.sub(" ", " ".join(value.split()))


def _folios(m: re.Match[str]) -> Locator:
    label = m.group("label")
    b = m.group("b")
    return Locator(
        (FolioRange(Folio(m.group("a")), Folio(b) if b else None),),
        unit=_labels()[label] if label is not None else "page",
        text=m.group()[len(m.group("sep")) :],
        label=label if label is not None else m.group("open"),
    )


def _build(text: str, read: _Read) -> ArchivalReference:
    compiled = _compiled(read.sig)
    levels = tuple(
        Level(cast(LevelKind, kind), cleaned, text=value if cleaned != value else None)
        for kind in compiled.kinds
        if (value := read.signature.group(kind)) is not None
        and value.strip()
        and (cleaned := _clean(value))
    )
    return ArchivalReference(
        archive=read.archive,
        levels=levels,
        folios=_folios(read.locator) if read.locator is not None else None,
        archive_as_cited=read.cited,
        text=text,
        notation="signature",
    )


def _name_at(
    text: str, pos: int, end: int, registry: Registry
) -> tuple[re.Match[str], Archive] | None:
    regex = _names(registry).regex
    if regex is None:
        return None
    m = regex.match(text, pos, end)
    if m is None:
        return None
    if not (m.group("sep") or m.group("gloss")) and m.end() < end and text[m.end()].isalnum():
        return None
    archive = registry.get(m.group("name"))
    if archive is None or archive.notation != "signature":  # pragma: no cover - built from it
        return None
    return m, archive


def _closing_name(
    text: str, pos: int, end: int, registry: Registry
) -> tuple[re.Match[str], Archive] | None:
    """The name of a signature-notation archive that ends ``text[pos:end]``, if any."""
    regex = _names(registry).regex
    if regex is None:
        return None
    last = None
    for m in regex.finditer(text, pos, end):
        last = m
    if last is None or last.end("name") != end:
        return None
    archive = registry.get(last.group("name"))
    if archive is None or not any(sig.after for sig in archive.signatures):
        return None
    return last, archive


def _bare_at(text: str, pos: int, end: int, registry: Registry) -> tuple[_Read, int] | None:
    names = _names(registry)
    if names.bare_regex is None or names.bare_regex.match(text, pos, end) is None:
        return None
    best: _Read | None = None
    for _literal, archive, _sig in names.bare:
        read = _read_after(text, pos, end, archive, None, bare_only=True)
        if read is not None and (best is None or read.end > best.end):
            best = read
    return (best, pos) if best is not None else None


def parse(text: str, *, registry: Registry | None = None) -> ArchivalReference:
    """Parse exactly one reference of an archive of the signature notation.

    Surrounding whitespace and one final full stop or semicolon are tolerated.
    Raises :class:`~archref.ParseError` when ``text`` is not one reference.

    >>> parse("NAA: A1838")
    Traceback (most recent call last):
    ...
    archref.model.common.ParseError: no signature of NAA fits here at column 6: 'A1838'
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
    named = _name_at(text, pos, end, reg)
    read: _Read | None = None
    if named is not None:
        m, archive = named
        read = _read_after(text, m.end(), end, archive, m.group("name"))
        if read is None:
            raise ParseError(f"no signature of {archive.id} fits here", text, m.end(), end)
    else:
        closing = _closing_name(text, pos, end, reg)
        if closing is not None:
            nm, archive = closing
            read = _read_before(text, nm.start(), archive, nm.group("name"), end)
            if read is not None and read.signature.start() == pos:
                return _build(text, read)
        bare = _bare_at(text, pos, end, reg)
        if bare is None:
            raise ParseError(
                "not a reference of an archive cited by signature (expected its name)",
                text,
                pos,
                min(end, pos + 1),
            )
        read = bare[0]
    if read.end != end:
        raise ParseError("unexpected text after the reference", text, read.end, end)
    return _build(text, read)


# --------------------------------------------------------------------------- finding


@attrs.frozen
class Match:
    """A reference found in running text, with its span (offsets into the text searched;
    those of :func:`validate`'s diagnostics are relative to ``start``)."""

    reference: ArchivalReference
    start: int
    end: int


def find(text: str, *, registry: Registry | None = None) -> list[Match]:
    """Every reference of an archive of the signature notation in ``text``, in order.

    ``registry`` gives the archives and their patterns (the shipped registry by
    default; a registry built with :func:`~archref.registry.load_registry`
    adds its own).
    """
    reg = registry or default_registry()
    names = _names(reg)
    n = len(text)
    found: list[Match] = []
    if names.regex is not None:
        for nm in names.regex.finditer(text):
            if found and nm.start() < found[-1].end:
                continue
            glued = (
                not (nm.group("sep") or nm.group("gloss"))
                and nm.end() < n
                and text[nm.end()].isalnum()
            )
            if glued and " " not in nm.group("name"):
                continue  # an acronym that opens a longer word
            archive = reg.get(nm.group("name"))
            if archive is None:  # pragma: no cover - the names are the registry's
                continue
            # a name of several words glued by OCR to the next word ("Archives New
            # Zealandffe Whare", for ".../Te Whare") may still close a reference
            read = None if glued else _read_after(text, nm.end(), n, archive, nm.group("name"))
            start = nm.start()
            if read is None:
                # the name closes the reference: "ABHS 950/Box 1228, 40/4/2 Archives New Zealand"
                read = _read_before(text, nm.start(), archive, nm.group("name"), nm.end("name"))
                if read is None:
                    continue
                start = read.signature.start()
                if found and start < found[-1].end:
                    continue
            found.append(Match(_build(text[start : read.end], read), start, read.end))
    if names.bare_regex is not None:
        covered = [(m.start, m.end) for m in found]
        k = 0
        for bm in names.bare_regex.finditer(text):
            while k < len(covered) and covered[k][1] <= bm.start():
                k += 1
            if k < len(covered) and covered[k][0] <= bm.start():
                continue  # inside a reference read after its archive's name
            bare = _bare_at(text, bm.start(), n, reg)
            if bare is None:
                continue
            read, start = bare
            found.append(Match(_build(text[start : read.end], read), start, read.end))
        found.sort(key=lambda m: m.start)
    return found


# --------------------------------------------------------------------------- writing


def _pattern_of(ref: ArchivalReference) -> Compiled | None:
    if ref.archive is None:
        return None
    kinds = tuple(lv.kind for lv in ref.levels)
    for sig in ref.archive.signatures:
        compiled = _compiled(sig)
        present = tuple(k for k in compiled.kinds if k in kinds)
        if present == kinds and _fits(compiled, ref):
            return compiled
    return None


def _fits(compiled: Compiled, ref: ArchivalReference) -> bool:
    """Does the pattern's format give text that the pattern reads back as ``ref``'s levels?"""
    try:
        written = _written(compiled, ref)
    except KeyError:
        return False
    m = compiled.regex.fullmatch(written)
    return m is not None and all(_clean(m.group(lv.kind) or "") == lv.value for lv in ref.levels)


_PLACEHOLDER = re.compile(r"\{([a-z_]{1,20})\}")
_OPTIONAL = re.compile(r"\[([^\[\]]*)\]")


def _written(compiled: Compiled, ref: ArchivalReference) -> str:
    """The levels written by the pattern's format: ``{kind}`` is a level's value, a
    part in ``[...]`` is written only when every level it names is there; raises
    KeyError when a level the format needs is missing."""
    values: dict[str, str] = {lv.kind: lv.value for lv in ref.levels}
    if not compiled.format:
        return ", ".join(values[k] for k in compiled.kinds if k in values)

    def optional(m: re.Match[str]) -> str:
        needed = _PLACEHOLDER.findall(m.group(1))
        return m.group(1) if all(k in values for k in needed) else ""

    out = _OPTIONAL.sub(optional, compiled.format)
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], out)


def _locator_text(locator: Locator, style: str) -> str:
    leaf = locator.unit == "leaf"
    if style == "de":
        label = "Bl." if leaf else "S."
    elif leaf:
        label = "fols." if locator.is_plural else "fol."
    else:
        label = "pp." if locator.is_plural else "p."
    return f"{label} {locator}"


def format_reference(ref: ArchivalReference, style: Style | str = "en") -> str:
    """Write a reference in a notation style.

    The levels are written by the ``format`` of the archive's pattern they
    came from; ``"en"`` (the canonical form, ``str()``) writes the archive's
    id and English labels for the leaves ("p.", "fol."), ``"de"`` German ones
    ("S.", "Bl."), ``"en-full"`` the archive's name and city, ``"ru"`` a full
    stop after the archive, ``"short"`` no archive.

    >>> format_reference(parse("LAC, RG 25, vol. 4523, file 50030-AB-40"), "en-full")
    'Library and Archives Canada, Ottawa, RG 25, vol. 4523, file 50030-AB-40'
    """
    if style not in STYLES:
        raise ValueError(f"unknown style {style!r}; choose one of {', '.join(STYLES)}")
    compiled = _pattern_of(ref)
    if compiled is not None:
        core = _written(compiled, ref)
    else:
        core = ", ".join(lv.value for lv in ref.levels)
    if ref.folios is not None:
        core += ", " + _locator_text(ref.folios, style)
    return fonds.with_archive_name(ref, core, style)


# --------------------------------------------------------------------------- rules


def validate(ref: ArchivalReference) -> list[Diagnostic]:
    """The rules of the notation: ARC102 (warning) when the archive is cited by a
    former name, with the reference under its current name as the suggestion."""
    found = fonds.former_name_diagnostic(ref, format_reference(ref))
    return [found] if found is not None else []
