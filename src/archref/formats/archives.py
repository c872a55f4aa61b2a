"""The archival sources of a work, listed by archive and fond.

A historian's bibliography does not list every file cited in the notes. It
lists the archives, and under each the fonds (collections) and their opisi
(inventories) that the notes draw on; the files and leaves stay in the notes
(Chicago Manual of Style, 18th ed., 14.127-14.128: a bibliography lists the
collection, the notes the item). A CSL style, given one item per file, can
only print one entry per file, and one without an author or a title opens
with its shelfmark ("F. 558, op. 11, d. 62. Russian State Archive...") and
sorts under "F". :func:`archival_sources` builds the list a historian writes
instead, and :func:`format_archival_sources` writes it as text, Markdown or
HTML.

>>> import archref
>>> refs = [archref.parse(t) for t in (
...     "RGASPI, f. 558, op. 11, d. 62, ll. 71-72",
...     "RGASPI, f. 17, op. 162, d. 7, l. 99",
...     "RGASPI, f. 17, op. 171, d. 421, ll. 1-492",
...     "AVPRF, Fond 059a, Opis 5a, Delo 4, Papka 11, Listy 159-160",
... )]
>>> print(format_archival_sources(archival_sources(refs)))
Archive of Foreign Policy of the Russian Federation (AVPRF), Moscow
    f. 059a, op. 5a
Russian State Archive of Socio-Political History (RGASPI), Moscow
    f. 17, op. 162, 171
    f. 558, op. 11
>>> print(format_archival_sources(archival_sources(refs, notation="ru")))
Архив внешней политики Российской Федерации (АВП РФ)
    Ф. 059а. Оп. 5а
Российский государственный архив социально-политической истории (РГАСПИ)
    Ф. 17. Оп. 162, 171
    Ф. 558. Оп. 11
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from typing import Literal

import attrs

from archref.formats.csl import reference_of
from archref.formats.gost import starts_cyrillic
from archref.model import ArchivalReference, Archive, Level
from archref.notations import fonds
from archref.translit import DEFAULT_SCHEME, ascii_key, check_scheme, transliterate

__all__ = ["ArchiveSources", "FondSources", "archival_sources", "format_archival_sources"]

SourcesOutput = Literal["text", "markdown", "html"]

#: The levels that locate a file inside its fond's inventory; everything from
#: the first of them on is left to the notes.
_FILE_LEVELS = frozenset({"delo", "papka", "tom", "chast", "box"})


@attrs.frozen
class FondSources:
    """One fond of an archive and the parts of it the notes cite.

    Attributes:
        fond: the fond level (with its title, when a reference gave one), or
            ``None`` for references that name no fond.
        series: the distinct inventories cited in it, each the levels between
            the fond and the file (``(opis 162,)``; for GARF's older fonds
            ``(section DPOO, year 1898, opis 226)``), in natural order.
        references: every reference cited from this fond, in order.
        text: the line as written in the notation asked for.
    """

    fond: Level | None
    series: tuple[tuple[Level, ...], ...]
    references: tuple[ArchivalReference, ...]
    text: str


@attrs.frozen
class ArchiveSources:
    """One archive and the fonds of it the notes cite.

    Attributes:
        archive: the registry's archive, or ``None`` when the notes name one
            the registry does not know (then ``heading`` is the name as cited).
        heading: "Full Name (ACRONYM), City", in the notation asked for.
        fonds: the fonds, in natural order of their numbers (17 before 102,
            ``R-5446`` after the plain numbers).
    """

    archive: Archive | None
    heading: str
    fonds: tuple[FondSources, ...]


_NATURAL = re.compile(r"(\d+)")


def _natural_key(value: str) -> tuple[tuple[int, int | str], ...]:
    """Sort identifiers as numbers where they are numbers: 17 < 102 < 558 < R-5446."""
    key: list[tuple[int, int | str]] = []
    stripped = value.strip()
    if stripped[:1].isdigit():
        key.append((0, ""))  # plain numbers before prefixed ones ("R-5446", "Р-627")
    else:
        key.append((1, ""))
    for piece in _NATURAL.split(stripped.casefold()):
        if not piece:
            continue
        key.append((0, int(piece)) if piece.isdigit() else (1, piece))
    return tuple(key)


def _series_key(series: tuple[Level, ...]) -> tuple[tuple[tuple[int, int | str], ...], ...]:
    return tuple(_natural_key(level.value) for level in series)


def _split(ref: ArchivalReference) -> tuple[Level | None, tuple[Level, ...]]:
    """The fond level and the inventory levels under it (up to the file)."""
    fond: Level | None = None
    series: list[Level] = []
    for level in ref.levels:
        if level.kind in _FILE_LEVELS:
            break
        if level.kind == "fond" and fond is None:
            fond = level
        else:
            series.append(level)
    return fond, tuple(series)


def _split_tna(ref: ArchivalReference) -> tuple[Level | None, tuple[Level, ...]]:
    """The department and the series of a UK National Archives reference.

    A department the OCR wrote with a zero for the letter O ("FC0", the
    diagnostic ARC203) is listed under the department it stands for.
    """
    from archref.notations.tna import departments  # noqa: PLC0415 (loads with its data)

    department = next((lv for lv in ref.levels if lv.kind == "department"), None)
    if department is not None:
        known = departments()
        fixed = department.value.replace("0", "O")
        if department.value not in known and fixed in known:
            department = attrs.evolve(department, value=fixed)
    series = tuple(lv for lv in ref.levels if lv.kind == "series")[:1]
    return department, series


def _split_nara(ref: ArchivalReference) -> tuple[Level | None, tuple[Level, ...]]:
    """The record group and the series titles of a US National Archives reference.

    The series are the titles right after the record group ("Central Decimal
    File 1910–29"); a microfilm publication, a lot file or a box is the file.
    """
    if not ref.levels or ref.levels[0].kind != "record_group":
        return None, ()
    series: list[Level] = []
    for level in ref.levels[1:]:
        if level.kind != "series":
            break
        series.append(level)
    return ref.levels[0], tuple(series)


def _split_barch(ref: ArchivalReference) -> tuple[Level | None, tuple[Level, ...]]:
    """The Bestand ("DY 30") of a Bundesarchiv reference; for the MfS, also the office."""
    bestand = next((lv for lv in ref.levels if lv.kind == "bestand"), None)
    office = tuple(lv for lv in ref.levels if lv.kind == "office")[:1]
    return bestand, office


def _entry_key(entry: FondSources) -> tuple[tuple[int, int | str], ...]:
    if entry.fond is None:
        return ((2, ""),)
    if entry.fond.kind in {
        "department",
        "record_group",
        "bestand",
    }:  # "CAB 128" < "FO 371"; "RG 59" < "RG 84"
        return _natural_key(entry.text)
    return _natural_key(entry.fond.value)


def _heading(archive: Archive | None, cited: str | None, notation: str, scheme: str | None) -> str:
    if archive is None:
        return transliterate(cited, scheme) if cited else "(archive not named)"
    if notation == "ru" and archive.name_ru:
        acronym = archive.acronym_cyrillic or archive.id
        return f"{archive.name_ru} ({acronym})"
    out = f"{archive.name_en} ({archive.id})"
    if archive.city:
        out += f", {archive.city}"
    return out


def _levels_text(levels: Sequence[Level], notation: str, label_set: str | None) -> str:
    """Levels written in a notation, with no archive and no leaves."""
    archive = Archive(id="-", name_en="-", labels=label_set) if label_set else None
    bare = ArchivalReference(archive=None, levels=tuple(levels))
    if archive is not None:
        text = fonds.format_reference(attrs.evolve(bare, archive=archive), notation)
        return text[len("-") :].lstrip(" ,.")
    return fonds.format_reference(bare, notation)


def _fond_line(
    fond: Level | None,
    series: Sequence[tuple[Level, ...]],
    notation: str,
    label_set: str | None,
) -> str:
    head = [fond] if fond is not None else []
    if not series or all(not s for s in series):
        return _levels_text(head, notation, label_set)
    plain = all(len(s) == 1 and s[0].kind == "opis" and not s[0].title for s in series)
    if plain:
        first = _levels_text([*head, series[0][0]], notation, label_set)
        rest = [s[0].value for s in series[1:]]
        return ", ".join([first, *rest])
    sep = "; "
    parts = [_levels_text([*head, *s], notation, label_set) for s in series if s]
    if head:
        fond_text = _levels_text(head, notation, label_set)
        parts = [parts[0]] + [p[len(fond_text) :].lstrip(" ,.") for p in parts[1:]]
    return sep.join(parts)


def archival_sources(
    refs: Iterable[object],
    *,
    notation: fonds.Style | str = "en",
    transliteration: str | None = DEFAULT_SCHEME,
) -> list[ArchiveSources]:
    """The archives, fonds and opisi that ``refs`` cite, grouped and sorted.

    ``refs`` may hold anything: references that are not archival (UN
    symbols, published works) are skipped, and citations (:func:`archref.extract`
    results) stand for their references, so the citations of a whole text
    can be passed. ``notation`` is one of the styles of
    :func:`archref.notations.fonds.format_reference` (``"en"``,
    ``"en-full"``, ``"ru"``, ``"de"``; ``"short"`` writes as ``"en"``).
    Archives are sorted by their heading, fonds by their numbers as numbers.
    A file cited twice, or two files of one opis, count once. References of
    the UK National Archives are listed by department and series
    (``"CAB 128"``, ``"FO 371"``): the series is the collection, the piece
    the file. References of the US National Archives are listed by record
    group and series ("RG 59, Central Decimal File 1910–29"); the decimal
    file, lot or box is left to the notes. In ``"ru"`` the archives headed
    in Cyrillic come first, as a Russian list of sources has them.

    In every notation but ``"ru"``, what would be Cyrillic (an archive the
    registry does not know, a fond's title) is written in Latin letters by
    ``transliteration`` (``"ala-lc"``, the default, ``"bgn-pcgn"``,
    ``"gost-7.79"``, ``"scholarly"``; :mod:`archref.translit`). With
    ``None`` it is kept, and a Cyrillic heading still sorts by its ALA-LC
    form among the Latin ones ("Госархив..." under G):

    >>> import archref
    >>> refs = [archref.parse(t) for t in (
    ...     "Госархив Новосибирской области. Ф. Р-1. Оп. 2. Д. 3. Л. 4",
    ...     "RGASPI, f. 17, op. 162, d. 7, l. 99",
    ... )]
    >>> [group.heading for group in archival_sources(refs)]
    ['Gosarkhiv Novosibirskoi oblasti', 'Russian State Archive of Socio-Political History (RGASPI), Moscow']
    >>> [group.heading[:9] for group in archival_sources(refs, transliteration=None)]
    ['Госархив ', 'Russian S']
    """  # noqa: E501
    style = "en" if notation == "short" else notation
    if style not in fonds.STYLES:
        raise ValueError(f"unknown notation {notation!r}; choose one of {', '.join(fonds.STYLES)}")
    scheme = None if style == "ru" else check_scheme(transliteration)
    groups: dict[str, tuple[Archive | None, str | None, list[ArchivalReference]]] = {}
    for value in refs:
        ref = reference_of(value)
        if not isinstance(ref, ArchivalReference):
            continue
        key = ref.archive.id if ref.archive is not None else f"?{ref.archive_as_cited or ''}"
        if key not in groups:
            groups[key] = (ref.archive, ref.archive_as_cited, [])
        groups[key][2].append(ref)
    out: list[ArchiveSources] = []
    for archive, cited, members in groups.values():
        label_set = archive.labels if archive is not None else None
        by_fond: dict[tuple[str, str] | None, tuple[Level | None, list[ArchivalReference]]] = {}
        series_of: dict[tuple[str, str] | None, dict[tuple[Level, ...], None]] = {}
        for ref in members:
            if ref.notation == "tna":  # one line per department and series: "FO 371"
                fond, series = _split_tna(ref)
                fkey = (
                    ("\x00line", " ".join(lv.value for lv in (fond, *series) if lv is not None))
                    if fond is not None
                    else None
                )
            elif ref.notation == "nara":  # one line per record group and series
                fond, series = _split_nara(ref)
                fkey = (
                    ("\x00line", ", ".join([f"RG {fond.value}", *(lv.value for lv in series)]))
                    if fond is not None
                    else None
                )
            elif ref.notation == "barch":  # one line per Bestand, or per MfS office
                fond, series = _split_barch(ref)
                fkey = (
                    ("\x00line", ", ".join(lv.value for lv in (fond, *series) if lv is not None))
                    if fond is not None
                    else None
                )
            else:
                fond, series = _split(ref)
                fkey = (fond.value, fond.title or "") if fond is not None else None
            if fkey not in by_fond:
                by_fond[fkey] = (fond, [])
                series_of[fkey] = {}
            by_fond[fkey][1].append(ref)
            series_of[fkey][series] = None
        entries = []
        for fkey, (fond, cited_refs) in by_fond.items():
            series_list = sorted(series_of[fkey], key=_series_key)
            if fkey is not None and fkey[0] == "\x00line":
                line = fkey[1]
            else:
                line = transliterate(_fond_line(fond, series_list, style, label_set), scheme)
            entries.append(FondSources(fond, tuple(series_list), tuple(cited_refs), line))
        entries.sort(key=_entry_key)
        heading = _heading(archive, cited, style, scheme)
        out.append(ArchiveSources(archive, heading, tuple(entries)))
    if style == "ru":  # a Russian list names the Russian archives first
        out.sort(key=lambda group: (not starts_cyrillic(group.heading), group.heading.casefold()))
    else:  # English order: Cyrillic kept as cited sorts as its romanisation
        out.sort(key=lambda group: ascii_key(group.heading).casefold())
    return out


def format_archival_sources(
    groups: Sequence[ArchiveSources], output: SourcesOutput = "text", *, indent: str = "    "
) -> str:
    """Write the archival sources: an archive per line, its fonds indented under it.

    ``"markdown"`` gives a nested list, ``"html"`` nested ``<ul>`` lists
    (with the text escaped).
    """
    lines: list[str] = []
    if output == "text":
        for group in groups:
            lines.append(group.heading)
            lines.extend(indent + fond.text for fond in group.fonds)
        return "\n".join(lines)
    if output == "markdown":
        for group in groups:
            lines.append(f"- {_markdown_escape(group.heading)}")
            lines.extend(f"    - {_markdown_escape(fond.text)}" for fond in group.fonds)
        return "\n".join(lines)
    if output == "html":
        lines.append('<ul class="archival-sources">')
        for group in groups:
            lines.append(f"  <li>{html.escape(group.heading)}")
            lines.append("    <ul>")
            lines.extend(f"      <li>{html.escape(fond.text)}</li>" for fond in group.fonds)
            lines.append("    </ul>")
            lines.append("  </li>")
        lines.append("</ul>")
        return "\n".join(lines)
    raise ValueError(f"unknown output {output!r}; use 'text', 'markdown' or 'html'")


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _markdown_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)
