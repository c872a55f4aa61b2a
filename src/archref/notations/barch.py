"""The German federal archives: Bundesarchiv (BArch, SAPMO-BArch) and the Stasi records (BStU).

The **Bundesarchiv** (BArch; older notes write "BA") cites a file by the
code of its **Bestand** (record series: letters and a number, "DY 30",
"NY 4090", "NS 19", "R 43", "B 136") and, after a slash, the file's
**signature**, which may have several parts of its own ("J IV 2/2/787").
The files of the parties and mass organisations of the GDR (Bestände "DY")
and the personal papers (Nachlässe, "NY") are the holdings of the
Stiftung Archiv der Parteien und Massenorganisationen der DDR im
Bundesarchiv, cited "SAPMO-BArch". They are the Bundesarchiv's files, in
its own numbering, so "SAPMO-BArch" is an acronym of the Bundesarchiv's
registry entry, not an archive of its own: "SAPMO-BArch, DY 30/..." and
"BArch, DY 30/..." are one reference.

The leaves cited follow "Bl." (Blatt: "Bl. 8", "Bl. 8–16", "Bl. 8f.",
"Bl. 8ff.") or the pages "S." (Seite: "S. 1ff.").

>>> ref = parse("SAPMO-BArch, NY 4090/437, Bl. 8")
>>> ref.archive.id, ref.level("bestand"), ref.level("signature"), str(ref.folios)
('BArch', 'NY 4090', '437', '8')
>>> format_reference(ref, "de")
'BArch, NY 4090/437, Bl. 8'
>>> str(ref)
'BArch, NY 4090/437, fol. 8'
>>> format_reference(parse("BArch DY 30/J IV 2/3/876"), "short")
'DY 30/J IV 2/3/876'
>>> format_reference(parse("Bundesarchiv (BA), DY 30/J IV 2/2/787, S. 1ff."), "de")
'BArch, DY 30/J IV 2/2/787, S. 1ff.'

The records of the GDR's Ministry for State Security (MfS) were kept by
the Federal Commissioner for the Stasi Records (**BStU**) and are cited
"BStU, MfS", the office or series that created them ("ZAIG", "HA XX",
"AIM", "Arbeitsbereich Neiber", "BV Berlin") and the file's number ("1081",
"Nr. 553", "AP 1234/56"). The levels are ``bestand`` ("MfS"), ``office``
and ``signature``. Since 2021 the records are part of the Bundesarchiv;
a reference "BArch, MfS, ..." is read the same way.

>>> ref = parse("BStU, MfS, Arbeitsbereich Neiber Nr. 553, Bl. 15–19.")
>>> [(lv.kind, lv.value) for lv in ref.levels]
[('bestand', 'MfS'), ('office', 'Arbeitsbereich Neiber'), ('signature', '553')]
>>> format_reference(ref, "de")
'BStU, MfS, Arbeitsbereich Neiber Nr. 553, Bl. 15–19'

The styles: ``"de"`` writes the archive's acronym and the German labels
("Bl.", "S."), the form of German notes and of the archives' own
catalogues; ``"en"`` (the canonical form, ``str()``) writes the English
labels "fol."/"fols." and "p."/"pp."; ``"en-full"`` the archive's name and
city; ``"ru"`` a full stop after the archive; ``"short"`` leaves the
archive out. Parsing any but ``"short"`` gives back an equal reference.

>>> ref = parse("BStU, MfS, ZAIG 1081, Bl. 8–16")
>>> [format_reference(ref, s) for s in ("en", "ru", "short")]  # doctest: +NORMALIZE_WHITESPACE
['BStU, MfS, ZAIG 1081, fols. 8–16', 'BStU. MfS, ZAIG 1081, Bl. 8–16',
 'MfS, ZAIG 1081, Bl. 8–16']

:func:`validate` checks (codes ARC4xx): a range of leaves or pages that
runs backwards (ARC401) and the ambiguous abbreviation "BA" (ARC402).

>>> [(d.code, d.suggestion) for d in validate(parse("BA, NS 19/3428, Bl. 16-8"))]
[('ARC402', 'BArch, NS 19/3428, fols. 16–8'), ('ARC401', None)]

:func:`find` reads running text. A reference needs the archive's name or
acronym before it ("BArch", "SAPMO-BArch", "Bundesarchiv", "BStU", and "BA"
only when a signature follows); a signature alone in prose is not found.

>>> text = "Bericht, 1961, in: Bundesarchiv (BA), DY 30/J IV 2/2/787, S. 1ff. Siehe auch BA 1990."
>>> [(m.start, m.end, m.text) for m in find(text)]
[(19, 65, 'Bundesarchiv (BA), DY 30/J IV 2/2/787, S. 1ff.')]

Every pattern is a regular expression with bounded repetitions only, tried
at a bounded number of positions, so reading is linear in the text.
"""

from __future__ import annotations

import bisect
import re
from typing import Literal, NamedTuple

import attrs

from archref._patterns import LazyPattern
from archref.model import (
    ArchivalReference,
    Archive,
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

#: The registry id of the Bundesarchiv.
ARCHIVE_ID = "BArch"

# --------------------------------------------------------------------------- patterns

_SP = r"[ \t\u00a0]"

_NAMES = rf"""
    (?P<name>SAPMO-BArch|SAPMO|BArch|BStU|Bundesarchiv|BA
      |Federal{_SP}Commissioner{_SP}for{_SP}the{_SP}Records{_SP}of{_SP}the{_SP}State
       {_SP}Security{_SP}Service{_SP}of{_SP}the{_SP}former{_SP}GDR
      |(?:SED{_SP}Archives,{_SP})?(?:IfGA|IML)(?:,{_SP}|/)ZPA|ZPA)
    (?P<gloss>{_SP}\((?:BA|BArch)\))?
    (?P<place>,?{_SP}(?:Koblenz|Berlin(?:-Lichterfelde)?|Freiburg)(?![\w\-]))?
    (?P<sep>{_SP}{{0,2}}[,:.]{_SP}{{0,2}}|{_SP}{{1,2}})
"""
_PREFIX = LazyPattern(_NAMES, re.VERBOSE)
_PREFIX_SCAN = LazyPattern(r"(?<![\w\-])" + _NAMES, re.VERBOSE)

# One part of a Bundesarchiv signature: "J IV 2", "9.02", "787".
_PART = rf"(?:[A-Z]{{1,5}}{_SP}){{0,3}}\d{{1,6}}(?:\.\d{{1,4}}){{0,3}}[a-z]?"
_VOLUME = rf"(?:,{_SP}{{1,2}}(?P<vlabel>Bd\.|Band){_SP}{{0,2}}(?P<volume>\d{{1,4}}))?"
_BARCH = LazyPattern(
    # no Bestand is a Roman numeral: "IV 2/9.02/5" is a signature of the SED's files
    # a part of a Bestand after a hyphen ("R 43-I/161"); the Bestand's name in
    # parentheses before the slash, as the archive's guide allows
    # ("RW 19 (OKW/Wehrwirtschafts- und Rüstungsamt)/234")
    rf"(?![IVX]{{1,4}}{_SP})(?P<bestand>[A-Z]{{1,3}}{_SP}\d{{1,5}}(?:-[IVX]{{1,4}}(?=/))?"
    rf"(?:{_SP}[IV]{{1,3}}(?=/))?)"
    rf"(?:{_SP}\((?P<bname>[^()/\n]{{1,60}}(?:/[^()/\n]{{1,60}})?)\)(?=/))?"
    rf"/(?P<sig>{_PART}(?:/{_PART}){{0,6}})(?![\w/]){_VOLUME}"
)
# The former party archive of the SED (ZPA) cites the Central Committee's files
# by signature alone: "J IV 2/202/130", "IV 2/9.02/5".
_ZPA = LazyPattern(
    rf"(?P<sig>(?:[A-Z]{{1,2}}{_SP})?[IVX]{{1,4}}{_SP}\d{{1,3}}(?:\.\d{{1,3}})?"
    rf"(?:/\d{{1,4}}(?:\.\d{{1,3}})?[a-z]?){{1,4}})(?![\w/]){_VOLUME}"
)

# An office of the MfS: "ZAIG", "HA XX", "Arbeitsbereich Neiber", "Sekr. Neiber".
_TOKEN = r"(?!Nr\.)[A-ZÄÖÜ][A-Za-zÄÖÜäöüß\-]{0,24}\.?"
# A regional office (Bezirksverwaltung, "BV Dresden") with its department
# ("Abt. XX") or district office ("KD Pirna"), after a comma.
_UNIT = rf"(?:,{_SP}(?:Abt\.|Abteilung|KD|AG|Ref\.|Referat){_SP}[A-Z0-9][A-Za-z0-9/\-]{{0,8}})"
_BSTU = LazyPattern(
    rf"(?:(?P<bestand>MfS),?{_SP}{{1,2}}|(?=BV{_SP}))"
    rf"(?P<office>{_TOKEN}(?:{_SP}{_TOKEN}){{0,4}}{_UNIT}{{0,2}})"
    rf"(?:(?P<ssep>,?{_SP}{{1,2}})(?:(?P<nr>Nr\.){_SP}{{0,2}})?"
    rf"(?P<sig>(?:[A-Z]{{1,4}}{_SP})?\d{{1,7}}(?:/\d{{1,5}}){{0,3}}[a-z]?)(?![\w/]))?"
    rf"(?(sig){_VOLUME}|(?=[,.;:)\]]|{_SP}|$))"
)

_LOCATOR = LazyPattern(
    rf",{_SP}{{1,2}}(?P<label>Bl\.|S\.|fols?\.|pp?\.|Bild|frames?){_SP}{{0,2}}(?P<a>\d{{1,5}})"
    # a frame of a numbered film or series of photographs: "Bild 8/11"
    rf"(?:(?<=\d)(?P<of>/\d{{1,4}})(?![\d/]))?"
    rf"(?:(?P<suf>{_SP}?ff?\.)|{_SP}{{0,2}}[-–]{_SP}{{0,2}}(?P<b>\d{{1,5}}))?(?!\d)"
    # a range of leaves without a label, as the Wilson Center's source lines write
    # it after the signature ("BArch, B 136/59748, 297-301"); a single number
    # without a label is not read (a date may follow the signature)
    rf"|,{_SP}{{1,2}}(?P<bare>(?P<ba>\d{{1,5}})[-–](?P<bb>\d{{1,5}}))(?![\w/\-–]|\.\d)"
)

_LEAF_LABELS = frozenset({"Bl.", "fol.", "fols."})
#: Frames of a film or scan: "Bild" in German notes, "frame" in English ones.
_FRAME_LABELS = frozenset({"Bild", "frame", "frames"})


# --------------------------------------------------------------------------- reading


class _Read(NamedTuple):
    prefix: re.Match[str]
    core: re.Match[str]
    locator: re.Match[str] | None
    end: int


def _read(text: str, pos: int, end: int, prefix: re.Match[str] | None) -> _Read | None:
    if prefix is None:
        prefix = _PREFIX.match(text, pos, end)
        if prefix is None:
            return None
    start = prefix.end()
    name = prefix.group("name")
    if name == "BStU" or name.startswith("Federal"):  # the Stasi records only
        core = _BSTU.match(text, start, end)
    elif name.endswith("ZPA"):  # the former party archive: a signature alone, or a Bestand
        core = _ZPA.match(text, start, end) or _BARCH.match(text, start, end)
    else:
        core = (
            _BARCH.match(text, start, end)
            or _BSTU.match(text, start, end)
            or _ZPA.match(text, start, end)  # "BArch, J IV 2/202/130", as the ZPA wrote it
        )
    if core is None:
        return None
    locator = _LOCATOR.match(text, core.end(), end)
    if (
        locator is not None
        and locator.group("bare")
        and int(locator.group("bb")) <= int(locator.group("ba"))
    ):
        locator = None  # "12-3" is no range of leaves
    if locator is not None and locator.group("of") and locator.group("label") not in _FRAME_LABELS:
        locator = None  # "Bl. 8/11": a leaf is not numbered so; not guessed
    k = locator.end() if locator is not None else core.end()
    return _Read(prefix, core, locator, k)


def _folios(m: re.Match[str]) -> Locator:
    if m.group("bare"):
        return Locator(
            (FolioRange(Folio(m.group("ba")), Folio(m.group("bb"))),),
            unit="leaf",
            text=m.group("bare"),
        )
    label = m.group("label")
    unit: Literal["leaf", "page"] = (
        "leaf" if label in _LEAF_LABELS or label in _FRAME_LABELS else "page"
    )
    first = m.group("a")
    if m.group("of"):
        first += m.group("of")  # "Bild 8/11": the frame as numbered
    if m.group("suf"):
        first += m.group("suf").strip()
    b = m.group("b")
    return Locator(
        (FolioRange(Folio(first), Folio(b) if b else None),),
        unit=unit,
        text=m.group()[1:].strip(),
        label=label,
    )


def _build(text: str, read: _Read, registry: Registry) -> ArchivalReference:
    core = read.core
    cited = " ".join(read.prefix.group("name").split())
    groups = core.groupdict()
    levels = []
    if groups.get("bestand") is not None or "office" in groups:
        # a regional office cited without "MfS" ("BStU, BV Dresden, ...") is the MfS's
        levels.append(Level("bestand", groups.get("bestand") or "MfS", title=groups.get("bname")))
    if "office" in groups:
        levels.append(Level("office", " ".join(core.group("office").split())))
        if core.group("sig") is not None:
            label = core.group("nr") or ("," if "," in core.group("ssep") else None)
            levels.append(Level("signature", core.group("sig"), label=label))
    else:
        levels.append(Level("signature", core.group("sig")))
    if groups.get("volume") is not None:
        levels.append(Level("volume", core.group("volume"), label=core.group("vlabel")))
    return ArchivalReference(
        archive=registry.get(cited),
        levels=tuple(levels),
        folios=_folios(read.locator) if read.locator is not None else None,
        archive_as_cited=cited,
        text=text,
        notation="barch",
    )


def parse(text: str, *, registry: Registry | None = None) -> ArchivalReference:
    """Parse exactly one reference of the Bundesarchiv or the BStU.

    Surrounding whitespace and one final full stop or semicolon are tolerated.
    Raises :class:`~archref.ParseError` when ``text`` is not one reference.

    >>> parse("BArch, NS 19")
    Traceback (most recent call last):
    ...
    archref.model.common.ParseError: expected a Bestand and a signature or 'MfS' at column 8: 'N'
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes a str, not {type(text).__name__}")
    reg = registry or default_registry()
    end = len(text.rstrip())
    pos = len(text) - len(text.lstrip())
    if pos >= end:
        raise ParseError("empty text is not a reference", text, 0, len(text))
    prefix = _PREFIX.match(text, pos, end)
    if prefix is None:
        raise ParseError(
            "not a reference of the Bundesarchiv or the BStU (expected 'BArch', 'BStU'...)",
            text,
            pos,
            min(end, pos + 1),
        )
    read = _read(text, pos, end, prefix)
    if read is None:
        at = prefix.end()
        raise ParseError(
            "expected a Bestand and a signature or 'MfS'",
            text,
            at,
            min(end, at + 1),
        )
    rest = text[read.end : end]
    if rest.strip() not in {"", ".", ";"}:
        raise ParseError("unexpected text after the reference", text, read.end, end)
    return _build(text, read, reg)


# --------------------------------------------------------------------------- finding


@attrs.frozen
class Match:
    """A reference of the Bundesarchiv or the BStU found in running text, with its span.

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
    """Every reference of the Bundesarchiv or the BStU in ``text``, in order."""
    reg = registry or default_registry()
    found: list[Match] = []
    n = len(text)
    covered = -1
    for pm in _PREFIX_SCAN.finditer(text):
        if pm.start() < covered:
            continue
        read = _read(text, pm.start(), n, pm)
        if read is None:
            continue
        start = pm.start()
        found.append(Match(_build(text[start : read.end], read, reg), start, read.end))
        covered = read.end
    return _bestand_again(text, found) if found else found


#: The most repetitions of a Bestand :func:`_bestand_again` reads in one text, and
#: the most Bestände it looks for (each is one pass over the text).
_MAX_AGAIN = 20
_MAX_BESTANDS = 8
#: How far after the start of the reference that names the archive a repetition
#: may start: within the family's reach before an anchor (``archref.scan``), so
#: that a window around the repetition holds the reference it repeats.
_AGAIN_REACH = 500


def _bestand_again(text: str, found: list[Match]) -> list[Match]:
    """The references that cite a Bestand of the note's Bundesarchiv references again
    without the archive's name: "Bundesarchiv R 3018/6387 Anklageschrift ... –
    R 3018/1898, Bl. 1-4" cites the Bundesarchiv's R 3018 twice. Only a Bestand
    the note has already cited with the archive's name is read so, and only with
    its signature after the slash; a code alone in prose stays prose."""
    starts = [m.start for m in found]  # in order, and no two overlap
    bestands: dict[str, tuple[Archive, int]] = {}  # the archive, and the first start
    for m in found:
        first = m.reference.levels[0] if m.reference.levels else None
        if (
            first is not None
            and first.kind == "bestand"
            and first.value != "MfS"
            and m.reference.archive is not None
            and len(bestands) < _MAX_BESTANDS
        ):
            bestands.setdefault(first.value, (m.reference.archive, m.start))
    extra: list[Match] = []

    def covered(at: int) -> bool:
        k = bisect.bisect_right(starts, at) - 1
        return (k >= 0 and at < found[k].end) or any(e.start <= at < e.end for e in extra)

    for bestand, (archive, named_at) in bestands.items():
        for hit in re.compile(re.escape(bestand) + "/").finditer(text, named_at):
            at = hit.start()
            if len(extra) >= _MAX_AGAIN or at - named_at > _AGAIN_REACH:
                break
            if covered(at) or (at > 0 and text[at - 1].isalnum()):
                continue
            core = _BARCH.match(text, at)
            if core is None:
                continue
            locator = _LOCATOR.match(text, core.end())
            if locator is not None and locator.group("bare"):
                locator = None  # a bare range after a signature with no archive: not read
            end = locator.end() if locator is not None else core.end()
            levels = [Level("bestand", bestand), Level("signature", core.group("sig"))]
            if core.group("volume") is not None:
                levels.append(Level("volume", core.group("volume"), label=core.group("vlabel")))
            ref = ArchivalReference(
                archive=archive,
                levels=tuple(levels),
                folios=_folios(locator) if locator is not None else None,
                text=text[at:end],
                notation="barch",
            )
            extra.append(Match(ref, at, end))
    return sorted(found + extra, key=lambda m: m.start) if extra else found


# --------------------------------------------------------------------------- writing


def _core_text(ref: ArchivalReference) -> str:
    values = {lv.kind: lv for lv in ref.levels}
    bestand, signature, office = (values.get(k) for k in ("bestand", "signature", "office"))
    volume = values.get("volume")
    tail = f", Bd. {volume.value}" if volume is not None else ""
    if bestand is None and signature is not None and office is None:
        return signature.value + tail  # the former party archive: "J IV 2/202/130"
    if bestand is None or (signature is None and office is None):
        raise ValueError(f"not a reference of the Bundesarchiv or the BStU: {ref!r}")
    if office is None:
        assert signature is not None
        return f"{bestand.value}/{signature.value}{tail}"
    if signature is None:
        return f"{bestand.value}, {office.value}"
    sig = signature.value
    if signature.label == "Nr.":
        sep = " Nr. "
    elif signature.label == "," or not sig[0].isdigit():
        sep = ", "
    else:
        sep = " "
    if "," in office.value and sep == " ":
        sep = ", "  # "BV Dresden, Abt. XX, 1234": the number after a comma too
    return f"{bestand.value}, {office.value}{sep}{sig}{tail}"


def _locator_text(locator: Locator, style: str) -> str:
    german = style in {"de", "ru", "short"}
    leaf = locator.unit == "leaf"
    if locator.label in _FRAME_LABELS:
        if german:
            return f"Bild {locator}"
        return f"{'frames' if locator.is_plural else 'frame'} {locator}"
    plural = locator.is_plural or any(
        r.first.number.endswith(".") for r in locator.ranges
    )  # "8ff."
    if german:
        label = "Bl." if leaf else "S."
    elif leaf:
        label = "fols." if plural else "fol."
    else:
        label = "pp." if plural else "p."
    return f"{label} {locator}"


def format_reference(ref: ArchivalReference, style: Style | str = "en") -> str:
    """Write a reference in a notation style.

    ``"de"`` ("BArch, DY 30/J IV 2/2/787, Bl. 8"), ``"en"`` (the canonical
    form: "BArch, DY 30/J IV 2/2/787, fol. 8"), ``"en-full"`` ("Bundesarchiv,
    Koblenz, DY 30/..., fol. 8"), ``"ru"`` ("BArch. DY 30/..., Bl. 8") and
    ``"short"`` (without the archive: "DY 30/J IV 2/2/787, Bl. 8").

    >>> ref = parse("Bundesarchiv, NS 19/3428")
    >>> format_reference(ref, "en-full")
    'Bundesarchiv, Koblenz, NS 19/3428'
    """
    if style not in STYLES:
        raise ValueError(f"unknown style {style!r}; choose one of {', '.join(STYLES)}")
    core = _core_text(ref)
    if ref.folios is not None:
        core += ", " + _locator_text(ref.folios, style)
    return fonds.with_archive_name(ref, core, style)


# --------------------------------------------------------------------------- rules


def validate(ref: ArchivalReference) -> list[Diagnostic]:
    """The rules of the notation: what is worth a reader's attention in a reference.

    Offsets point into ``ref.text`` (the reference as it was written).

    * ARC102 (warning): the archive is cited by a former name (the SED's
      party archive, "IfGA, ZPA"), with the reference under the
      Bundesarchiv's name as the suggestion;
    * ARC401 (warning): a range of leaves or pages runs backwards ("Bl. 16–8");
    * ARC402 (info): the archive is cited "BA", an abbreviation that names
      other archives too; the Bundesarchiv's own is "BArch" (the suggestion).
    """
    out: list[Diagnostic] = []
    text = ref.text or ""
    archive = ref.archive
    former = fonds.former_name_diagnostic(
        ref, format_reference(ref), fix=archive.id if archive is not None else None
    )
    if former is not None:
        out.append(former)
    if ref.archive_as_cited == "BA" and ref.archive is not None:
        at = text.find("BA")
        start, end = (at, at + 2) if at >= 0 else (0, len(text))
        out.append(
            Diagnostic(
                "ARC402",
                "'BA' is ambiguous (other archives and degrees use it); the Bundesarchiv "
                "abbreviates itself 'BArch'",
                "info",
                start,
                end,
                text[start:end],
                suggestion=format_reference(ref),
                fix=ref.archive.id if at >= 0 else None,
            )
        )
    if ref.folios is not None:
        for r in ref.folios.ranges:
            a, b = r.first.numeric, r.last.numeric if r.last is not None else None
            if a is None or b is None or b >= a:
                continue
            written = ref.folios.text or ""
            at = text.rfind(written) if written else -1
            start, end = (at, at + len(written)) if at >= 0 else (0, len(text))
            out.append(
                Diagnostic(
                    "ARC401",
                    f"the range {r} runs backwards",
                    "warning",
                    start,
                    end,
                    text[start:end],
                )
            )
    return out
