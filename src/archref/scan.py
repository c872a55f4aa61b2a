"""The scanning core: one pass finds every family's anchors; each family reads only its windows.

A notation family cannot match without certain text: a fond-family
reference has a level label followed by an identifier ("Ф. 5", "op. 11"),
a UN symbol has a slash or the word "resolution", a reference of the UK
National Archives has "371/84053", one of the US National Archives "RG 59",
a Bundesarchiv reference the archive's name. These are the family's
*anchors*; how far before and after an anchor one of its references can
extend is its *reach*. Each :class:`Family` declares both.

:func:`scan` cuts the text into *paragraphs* (a paragraph ends at a blank
line) and gives each family, as its *windows*, the paragraphs that hold one
of its anchors: one pass of a set of patterns (RE2's, where installed) over
each paragraph tells which families have an anchor in it. No reference
crosses a blank line (a title does not run from one paragraph into the next
note, and a list item "4)" after a blank line is no leaf of the note above).
A paragraph longer than :data:`MAX_WINDOW` characters (a file with no blank
lines, a generated text) is cut further, around each family's anchors
(:func:`anchors`), at whitespace, to the family's reach. The finders then
read only their windows: a text with no anchor costs one pass and nothing
else.

>>> text = "Prose without references.\\n\\nSee RGASPI, f. 558, op. 11, d. 62, l. 7 and A/C.1/218."
>>> result = scan(text)
>>> sorted(result.windows)  # "1/2" might be a UK series and piece: the UK finder looks too
['fonds', 'tna', 'un']
>>> [text[a:b] for a, b in result.windows["fonds"]]
['See RGASPI, f. 558, op. 11, d. 62, l. 7 and A/C.1/218.']
>>> scan("Nothing here to read.").windows
{}
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

import attrs

__all__ = [
    "MAX_WINDOW",
    "Family",
    "Scan",
    "anchors",
    "blank_lines",
    "families",
    "family_patterns",
    "paragraphs",
    "scan",
]

#: Paragraphs longer than this (in characters) are cut around their anchors.
MAX_WINDOW = 4000

_SP = "[ \t\u00a0]"  # the characters themselves: RE2 reads no backslash-u escape
#: Placeholders in anchor patterns, spelt for each engine: a letter, anything but a
#: letter, anything but a letter or an apostrophe, anything but a word character or
#: a hyphen.
_SPACES = "\t\n\v\f\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_CLASSES = {
    "re": {
        "{L}": r"[^\W\d_]",
        "{NL}": r"[\W\d_]",
        "{NLA}": "(?:[^\\w'’ʹ]|[\\d_])",
        "{NWH}": r"[^\w\-]",
        "{S}": f"[{_SPACES}]",
        "{END}": r"\Z",
    },
    "re2": {
        "{L}": r"[\pL\p{Nl}\p{No}]",
        "{NL}": r"[^\pL\p{Nl}\p{No}]",
        "{NLA}": "[^\\pL\\p{Nl}\\p{No}'’ʹ]",
        "{NWH}": r"[^\pL\p{Nl}\p{No}\p{Nd}_\-]",
        "{S}": f"[{_SPACES}]",
        "{END}": r"\z",
    },
}


@attrs.frozen
class Family:
    """A notation family as the scanner sees it.

    ``anchors`` are patterns of which every reference of the family contains
    at least one match; ``before`` and ``after`` bound, in characters, how far
    a reference extends before the start and after the end of an anchor it
    contains. The patterns use only what both engines read alike (no
    look-around, no back-references, ``[0-9]`` for a digit); ``{L}`` stands for
    a letter (as Python's ``re`` reads one: a word character that is not a
    decimal digit or "_"), ``{NL}`` for anything but a letter, ``{NLA}`` for
    anything but a letter or an apostrophe, ``{NWH}`` for anything but a word
    character or a hyphen, ``{S}`` for white space and ``{END}`` for the end
    of the text, each in the engine's own spelling.
    """

    name: str
    anchors: tuple[str, ...]
    before: int
    after: int


def _alternatives(words: set[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def _fonds_anchors() -> tuple[str, ...]:
    from archref.notations import fonds  # noqa: PLC0415 (the label table, on first scan)

    words, pairs = fonds.anchor_words()  # the level labels of every label set
    labels = {re.split(r"['’ʹ]", word)[0] for word in words}
    ibid = {" ".join(m.split()) for m in fonds.IBID_MARKERS}
    ibid_words = _alternatives(ibid).replace("\\ ", "{S}+")
    firsts = "".join(sorted({re.escape(a) for a, _ in pairs}))
    seconds = "".join(sorted({re.escape(b) for _, b in pairs}))
    ordinals = _alternatives(set(fonds.ordinal_words()))
    # Where the fond family's lexer can start a word: after anything but a letter,
    # or after the letters a number carries (at most six: "059a"; the seventh
    # letter of "72AAAAAAТам" begins a word of its own). "A digit, then letters"
    # says a little more than that and keeps RE2's automaton small: a count
    # ({1,6}) of a Unicode class made it run out of memory.
    start = r"(?:^|{NL}|[0-9]{L}+)"
    # the rest of an identifier, and more of a list of them ("Д. 174, 194": the anchor
    # holds every file of the list). Its letters are Latin or Cyrillic: a narrow class
    # keeps RE2's automaton small where a Unicode letter class made it run out.
    ident = "[-‐‑‒–—−/0-9A-Za-zЁА-яё]*"
    anchors = [
        # a level label and an identifier: "Ф. 5", "op.11", "fond (f.) 1286", "Фонд: Р-467",
        # "ФондР-467", "ф. р-4808", "Р- 467", "Д. N 6530", "Д. № 6530", "Д. 174, 194"
        rf"(?:^|{{NLA}}|[0-9]{{L}}+)(?i:{_alternatives(labels)})"
        # (white space as the lexer reads it: any amount, control separators too)
        r"{S}*[.:,]?{S}*['’]?{S}*"
        rf"(?:[0-9]{ident}(?:{{S}}*,{{S}}*[0-9]{ident})*"
        r"|{L}{1,4}[-‐‑‒–—−]{S}*[0-9]|\(|(?:N|No|№)\.?{S}*[0-9])",
        # "Ibid." / "Там же" / "Ebd.": the short forms the family resolves
        rf"{start}(?i:{ibid_words})(?:{{NL}}|{{END}})",
        # the dotted shorthand after an archive's acronym: "RGASPI 558.11.492"
        rf"(?:[A-ZА-ЯЁ]{{2}}|\))[.,:]?{_SP}{{0,3}}(?:[A-Z]{{2,8}}\.)?[0-9]+{{L}}?"
        r"[./][0-9]+{L}?[./][0-9]",
    ]
    # leaves opening a sentence, which after a reference that cited leaves of its file
    # are more leaves of it: "L. 129. Original. Typewritten text. L. 130 - 143."
    leaves = {w[:1].upper() + w[1:] for w in fonds.leaf_words()}
    anchors.append(rf"\.{{S}}+(?:{_alternatives(leaves)})\.{{S}}*[0-9]")
    if pairs:
        # labels of two letters joined by a full stop: the Bulgarian "а.е.", the Czech "a.j."
        anchors.append(start + rf"(?i:[{firsts}]{{S}}*\.{{S}}*[{seconds}]{{S}}*\.)")
    if ordinals:
        # a label after its number: "4. doboz"
        anchors.append(rf"[0-9]{{S}}*\.{{S}}*(?i:{ordinals})")
    return tuple(anchors)


def _families() -> tuple[Family, ...]:
    return (
        Family("fonds", _fonds_anchors(), before=400, after=800),
        Family(
            "un",
            (
                # every symbol holds a slash: "S/RES/82 (1950)", "A/C.1/218"
                r"/",
                # resolutions cited by name: "Security Council resolution 82 (1950)"
                r"[Rr]esolution|RESOLUTION",
            ),
            before=400,
            after=800,
        ),
        Family(
            "tna",
            # the series and piece: "FO 371/84053", "FO 371 / 84053"; a piece that
            # OCR opened with letters for digits: "CAB66/S3"; a doubled slash
            # ("CAB 16//183A"); the hyphens of some reference lists ("POWE 14-740",
            # "EG-1-60")
            (
                rf"[0-9]{_SP}{{0,2}}//?{_SP}{{0,2}}(?:[0-9]|[SOl]{{1,6}}[0-9])",
                r"(?:^|{NWH})[A-Z][A-Z0]{0,4}[- ][1-9][0-9]{0,2}-[0-9]",
            ),
            before=200,
            after=300,
        ),
        Family("nara", _nara_anchors(), before=200, after=800),
        Family(
            "barch",
            # the archive's name opens every reference: "BArch, NY 4036/717"; the
            # SED's former party archive too: "SED Archives, IfGA, ZPA, J IV 2/202/130";
            # a Bestand the note cited with the name before it is cited again without
            # it ("Bundesarchiv R 3018/6387 ... – R 3018/1898"), within the reach before
            (
                rf"SAPMO|BArch|BStU|Bundesarchiv|Federal{_SP}Commissioner|SED{_SP}Archives"
                r"|(?:^|{NWH})(?:BA|IfGA|IML|ZPA)(?:{NWH}|{END})",
                r"(?:^|{NWH})[A-Z]{1,3} [0-9]{1,5}/[0-9A-Z]",
            ),
            before=600,
            after=800,
        ),
        # the archives cited by a signature pattern of the registry: the archive's
        # name opens every reference ("NAA: A1838, 3123/4/2"), or a bare
        # pattern's literal ("IOR/L/PS/12/2345")
        # (or the name closes it: "ABHS 950/Box 1228, 40/4/2 Archives New Zealand",
        # read back as far as the notation's reach)
        Family("signature", _signature_anchors(), before=300, after=400),
        Family("published", _published_anchors(), before=2000, after=2000),
    )


def _nara_anchors() -> tuple[str, ...]:
    """What every reference of the US family holds, as
    :func:`archref.notations.nara.anchor_patterns` derives it from the registry
    and its data: a record group ("RG 59", "Record Group 84"), a CREST document
    number ("CIA-RDP..."), or the name of a repository that needs no record group
    ("Eisenhower Library", "Department of State", "Hoover Institution")."""
    from archref.notations import nara  # noqa: PLC0415 (the registry, on first scan)

    return nara.anchor_patterns()


def _signature_anchors() -> tuple[str, ...]:
    """The names of the shipped registry's archives of the signature notation, and
    the literals their bare patterns open with
    (:func:`archref.notations.signature.anchor_patterns`)."""
    from archref.notations.signature import anchor_patterns  # noqa: PLC0415

    return anchor_patterns()


def _published_anchors() -> tuple[str, ...]:
    """What a reader of published works or credits cannot succeed without, as
    :mod:`archref.notations.published.anchors` derives it from the readers:
    publication facts ("М., 1996", "(Princeton, 1997)"), " // ", an issue or
    volume after its label ("№ 5"), the day of a newspaper ("5 марта"), a
    known series of documents, "Working Paper", a quoted title the reading
    goes on after ('"Title," in', '"Title," Journal'), a roman volume after a
    comma, a credit ("Translated by"). A year or a quotation mark in prose is
    no anchor."""
    from archref.notations.published.anchors import anchor_patterns  # noqa: PLC0415

    return anchor_patterns()


@functools.cache
def families() -> tuple[Family, ...]:
    """The notation families the scanner knows."""
    return _families()


def _engine() -> tuple[str, Any]:
    """The regular-expression engine of the anchor pass: RE2 where installed, else ``re``."""
    try:
        import re2  # noqa: PLC0415
    except ImportError:  # pragma: no cover - the wheel exists for the common platforms
        return "re", re
    return "re2", re2


def _reads_alike(text: str, engine: str) -> str:
    """``engine``, or ``"re"`` where RE2 could read ``text`` unlike Python.

    RE2's Unicode tables may be newer than Python's: a character that Python
    does not know (category ``Cn``, for example a CJK ideograph of a later
    Unicode version) can be a letter to RE2 and not to ``re``, which the
    finders use. Such a text is read with ``re``, so the anchors are always
    those the finders can match. Only the distinct non-ASCII characters are
    looked at.

    >>> _reads_alike("RGASPI, f. 558", "re2"), _reads_alike("\U00031350 Там же", "re2")
    ('re2', 're')
    """
    if engine != "re2" or text.isascii():
        return engine
    # Only the characters outside the assigned ones of the first 12,288 code points
    # (Latin, Greek, Cyrillic, punctuation...) need a look: one search finds them.
    unsure = set(_unsure_chars().findall(text))
    unknown = any(unicodedata.category(char) == "Cn" for char in unsure)
    return "re" if unknown else engine


#: The code points below this are sorted into known and unknown to Python once.
_CHECKED_BELOW = 0x3000


@functools.cache
def _unsure_chars() -> re.Pattern[str]:
    """A character that is not ASCII and not a character below :data:`_CHECKED_BELOW`
    that Python's Unicode tables know (one whose category is not ``Cn``)."""
    ranges: list[tuple[int, int]] = []
    for cp in range(0x80, _CHECKED_BELOW):
        if unicodedata.category(chr(cp)) != "Cn":
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1] = (ranges[-1][0], cp)
            else:
                ranges.append((cp, cp))
    known = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )
    return re.compile(f"[^\x00-\x7f{known}]")


def _spelt(family: Family, engine: str) -> str:
    """The family's anchors as one pattern, the placeholders spelt for ``engine``."""
    parts = []
    for anchor in family.anchors:
        source = anchor
        for placeholder, spelling in _CLASSES[engine].items():
            source = source.replace(placeholder, spelling)
        parts.append(f"(?:{source})")
    return "|".join(parts)


def family_patterns(engine: str | None = None) -> dict[str, Any]:
    """Each family's anchors as one compiled pattern (no capturing group), by name.

    ``engine`` is ``"re2"`` or ``"re"``; by default RE2 where it is installed.
    """
    return _family_patterns(engine or _engine()[0])


#: The memory RE2 may give one pattern (its default is 8 MiB). The fond family's
#: anchors hold many labels of many languages, each case-insensitive, and
#: Unicode letter classes: with the default, the lazy DFA ran out of memory on
#: long texts (and fell back to a slower matcher, logging each time).
_RE2_MAX_MEM = 64 << 20


def _re2_options() -> Any:
    options = _engine()[1].Options()
    options.max_mem = _RE2_MAX_MEM
    return options


@functools.cache
def _family_patterns(engine: str) -> dict[str, Any]:
    if engine == "re2":
        module, options = _engine()[1], _re2_options()
        return {f.name: module.compile(_spelt(f, engine), options) for f in families()}
    return {f.name: re.compile(_spelt(f, engine)) for f in families()}


@functools.cache
def _family_set() -> tuple[Any, tuple[str, ...]]:
    """An RE2 set of the families' patterns: which families have an anchor, in one pass."""
    re2 = _engine()[1]
    found = re2.Set.SearchSet(_re2_options())
    names = []
    for f in families():
        found.Add(_spelt(f, "re2"))
        names.append(f.name)
    found.Compile()
    return found, tuple(names)


def _families_in(text: str, engine: str) -> list[str]:
    """The families with at least one anchor in ``text`` (a paragraph), in order."""
    if engine == "re2":
        found, names = _family_set()
        hits = found.Match(text.encode("utf-8", "surrogatepass")) or ()  # None for none
        return [names[k] for k in sorted(hits)]
    return [name for name, p in _family_patterns("re").items() if p.search(text) is not None]


def anchors(
    text: str, *, engine: str | None = None, family: str | None = None
) -> list[tuple[str, int, int]]:
    """Every anchor of every family (or of ``family``) in ``text``: ``(family, start,
    end)``, by position.

    Anchors of one family may overlap ("EM 4/43A/1", a dotted shorthand of the
    fond family, holds "4/4", a series and piece for the UK National Archives):
    each family's pattern is searched again one character after the start of
    each of its anchors.
    """
    key = (engine, family, families())  # the families: a label set added anew changes them
    if _last_anchors and _last_anchors[0][0] == key and _last_anchors[0][1] == text:
        return list(_last_anchors[0][2])  # extraction asks twice for one window's
    name = _reads_alike(text, engine or _engine()[0])
    out: list[tuple[str, int, int]] = []
    for fam, pattern in family_patterns(name).items():
        if family is None or fam == family:
            out.extend((fam, s, e) for s, e in _overlapping(pattern, text, name))
    out.sort(key=lambda a: (a[1], a[2], a[0]))
    _last_anchors[:] = [(key, text, tuple(out))]
    return out


_Anchor = tuple[str, int, int]
#: The last answer of :func:`anchors`: its arguments and anchors.
_last_anchors: list[tuple[tuple[object, ...], str, tuple[_Anchor, ...]]] = []


def _overlapping(pattern: Any, text: str, engine: str) -> Iterator[tuple[int, int]]:
    if engine == "re":
        pos = 0
        while (m := pattern.search(text, pos)) is not None:
            yield m.start(), m.end()
            pos = m.start() + 1
        return
    # RE2 reads UTF-8: search the bytes (a search from an offset then costs
    # nothing more), and count characters up to each offset found, in one
    # decoding pass over the text in all.
    data = text.encode("utf-8", "surrogatepass")
    byte_at = char_at = pos = 0
    while (m := pattern.search(data, pos)) is not None:
        start, end = m.span()
        char_at += len(data[byte_at:start].decode("utf-8", "surrogatepass"))
        byte_at = start
        yield char_at, char_at + len(data[start:end].decode("utf-8", "surrogatepass"))
        pos = start + 1
        while pos < len(data) and data[pos] & 0xC0 == 0x80:
            pos += 1  # to the next character, not inside this one


# A blank line: two line breaks with only spaces between. The "\n" form starts
# with a literal, which the engine searches for fast; "\r\n" is read by it too
# (the "\r" before the second "\n" counts as a space, the one before the first
# is trimmed), and "\r" alone only in a text with no "\n".
_BLANK_LINE = re.compile("\n(?:[ \t\f\v\r\u00a0]*\n)+")
_BLANK_LINE_CR = re.compile("\r(?:[ \t\f\v\u00a0]*\r)+")
_SPACE = re.compile(r"\s")


def blank_lines(text: str) -> re.Pattern[str]:
    """The pattern of a blank line in ``text``: between ``"\\n"`` line ends (with
    ``"\\r\\n"`` read as one), or between lone ``"\\r"`` in a text with no ``"\\n"``."""
    return _BLANK_LINE if "\n" in text or "\r" not in text else _BLANK_LINE_CR


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each paragraph: text between blank lines.

    >>> paragraphs("one\\n\\ntwo\\nlines\\r\\n\\r\\nthree")
    [(0, 3), (5, 14), (18, 23)]
    >>> paragraphs("old\\r\\rMac")
    [(0, 3), (5, 8)]
    """
    blank = blank_lines(text)
    out: list[tuple[int, int]] = []
    pos = 0
    for m in blank.finditer(text):
        end = m.start()
        if end > pos and text[end - 1] == "\r":
            end -= 1
        if end > pos:
            out.append((pos, end))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


@attrs.frozen
class Scan:
    """The windows each family reads: ``windows`` maps a family's name to its
    windows, ``(start, end)`` in order and disjoint, for the families that
    have any; ``paragraphs`` counts the paragraphs of the text."""

    windows: dict[str, list[tuple[int, int]]]
    paragraphs: int

    def window_chars(self) -> int:
        """Characters handed to finders, all families together (a measure of work)."""
        return sum(b - a for spans in self.windows.values() for a, b in spans)


#: How far a window's edge moves to reach white space before it is cut where it is.
_SNAP = 256


def _snapped(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """Widen ``start:end`` to white space within :data:`_SNAP` characters, inside ``lo:hi``."""
    k = start
    floor = max(lo, start - _SNAP)
    while k > floor and not text[k - 1].isspace():
        k -= 1
    if k == floor and k > lo and not text[k - 1].isspace():
        k = start  # no white space near: cut at the anchor's reach
    m = _SPACE.search(text, end, min(hi, end + _SNAP))
    return k, (m.start() if m is not None else (hi if hi - end <= _SNAP else end))


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with the overlapping and touching ones joined."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _cut(text: str, lo: int, hi: int, engine: str) -> dict[str, list[tuple[int, int]]]:
    """The windows of each family in the long paragraph ``text[lo:hi]``: its anchors
    with their reach, joined where they overlap, widened to white space."""
    reach = {f.name: (f.before, f.after) for f in families()}
    raw: dict[str, list[tuple[int, int]]] = {}
    for family, start, end in anchors(text[lo:hi], engine=engine):
        before, after = reach[family]
        raw.setdefault(family, []).append((max(lo, lo + start - before), min(hi, lo + end + after)))
    return {
        family: _merge([_snapped(text, a, b, lo, hi) for a, b in _merge(spans)])
        for family, spans in raw.items()
    }


def scan(text: str, *, engine: str | None = None) -> Scan:
    """The windows each family reads in ``text``.

    A paragraph of at most :data:`MAX_WINDOW` characters is one window of
    every family that has an anchor in it (one pass of a set of patterns
    over the paragraph); a longer one is cut around each family's anchors,
    to the family's reach. ``engine`` chooses the regular-expression engine
    (``"re2"`` or ``"re"``); both give the same windows (a text with a
    character Python's Unicode tables do not know is read with ``re``).
    """
    name = _reads_alike(text, engine or _engine()[0])
    windows: dict[str, list[tuple[int, int]]] = {}
    paras = paragraphs(text)
    for lo, hi in paras:
        if hi - lo <= MAX_WINDOW:
            for family in _families_in(text[lo:hi], name):
                windows.setdefault(family, []).append((lo, hi))
            continue
        for family, spans in _cut(text, lo, hi, name).items():
            windows.setdefault(family, []).extend(spans)
    return Scan(windows, len(paras))
