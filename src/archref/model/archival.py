"""Typed models of archival references: archives, levels, leaves.

A reference is an archive, an ordered tuple of :class:`Level` objects
(fond, opis, delo...) and an optional :class:`Locator` for the leaves or
pages cited. Identifiers are always strings: ``"059a"``, ``"R-6991"`` and
``"0100"`` are identifiers, not numbers. What was written in the source is
kept beside the normalised value (``text`` fields), but only the normalised
values take part in equality, so two spellings of one reference are equal.

>>> loc = Locator.of(FolioRange(Folio("105"), Folio("106")), unit="page")
>>> str(loc)
'105–106'
>>> Folio("5", verso=True)
Folio(number='5', verso=True)
>>> str(Folio("5", verso=True))
'5ob.'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Literal, get_args

import attrs

from archref._hooks import archival_formatters
from archref.model._keys import alias_key

__all__ = [
    "LEVEL_KINDS",
    "ArchivalReference",
    "Archive",
    "Folio",
    "FolioRange",
    "FormerName",
    "Level",
    "LevelKind",
    "Locator",
    "LocatorUnit",
    "SignaturePattern",
    "canonical_identifier",
    "identifier_in_script",
]

LevelKind = Literal[
    "fond",
    "section",
    "year",
    "opis",
    "papka",
    "delo",
    "tom",
    "chast",
    "perechen",
    "dokument",
    "box",
    "department",
    "series",
    "piece",
    "item",
    "record_group",
    "microfilm",
    "roll",
    "volume",
    "entry",
    "lot",
    "file",
    "folder",
    "bestand",
    "office",
    "signature",
]
#: Every level kind: those of the fond family in the order they nest, then
#: those of the UK National Archives (department, series, piece, item), then
#: those of the US National Archives (record group, microfilm publication,
#: roll, volume, entry, lot file, file, folder; NARA's series are ``"series"``
#: levels whose value is the series' title), then those of the German
#: federal archives (Bestand, the MfS office, the file's signature).
LEVEL_KINDS: tuple[LevelKind, ...] = get_args(LevelKind)

LocatorUnit = Literal["leaf", "page"]


def _tuple_of_str(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)  # type: ignore[attr-defined]


@attrs.frozen
class FormerName:
    """An earlier name of an archive, with the years it was in use (inclusive)."""

    acronym: str
    name_en: str | None = None
    name_ru: str | None = None
    start: int | None = None
    end: int | None = None
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    note: str | None = None

    def __str__(self) -> str:
        """The acronym with its years: "TsKhSD (1991-1999)", "TsGALI SSSR (to 1992)"."""
        if self.start and self.end:
            years = str(self.start) if self.start == self.end else f"{self.start}-{self.end}"
        elif self.start:
            years = f"from {self.start}"
        elif self.end:
            years = f"to {self.end}"
        else:
            return self.acronym
        return f"{self.acronym} ({years})"


@attrs.frozen
class SignaturePattern:
    """How the references of an archive of the ``"signature"`` notation are written.

    Data of the registry (an ``[[archive.signature]]`` table), read by
    :mod:`archref.notations.signature`: ``pattern`` is a template of a regular
    expression in which ``<kind:regex>`` is a level of that kind and a space
    stands for one or two spaces; ``format`` writes the levels back
    (``"{series}, {file}[, {chast}]"``: a part in brackets only when its levels
    are there); ``name`` says which form it is; ``bare`` lets the pattern be
    found without the archive's name, by the literal it opens with; ``after``
    reads the pattern before the archive's name, where the name closes the
    reference ("ABHS 950/Box 1228, 40/4/2 Part 1 Archives New Zealand").
    """

    pattern: str
    format: str | None = None
    name: str | None = None
    bare: bool = False
    after: bool = False


@attrs.frozen(eq=False)
class Archive:
    """One entry of the archive registry.

    Archives compare and hash by their canonical ``id`` alone, so a reference
    built from a fresh registry still equals one from the cached registry.

    Attributes:
        id: the canonical current acronym in Latin letters, e.g. ``"RGASPI"``.
        acronyms: Latin acronyms and their spaced/unspaced variants.
        acronyms_cyrillic: Cyrillic acronyms (``"РГАСПИ"``, ``"АП РФ"``).
        name_en, name_ru, name_translit: full names.
        former_names: earlier names; a lookup by one resolves to this archive.
        city, country: where the archive is (country as ISO 3166 alpha-2).
        notation: the notation family used to cite it (``"fonds"``...).
        labels: the label set of the family (``"ru"``, ``"uk"``, ``"bg"``...).
        examples: real citation strings; each must parse to this archive.
        signatures: for the ``"signature"`` notation, how its references are
            written (:class:`SignaturePattern`).
        fond_prefixes: the letter prefixes the archive's fonds bear, in
            Latin letters (``("R", "A")`` at GARF: "Р-9401", "А-259"); a fond
            cited with a Latin look-alike of a Cyrillic prefix ("P-4459" for
            "Р-4459") is read with the prefix the archive uses. Empty when the
            registry does not say.
    """

    id: str
    name_en: str
    acronyms: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    acronyms_cyrillic: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    name_ru: str | None = None
    name_translit: str | None = None
    names_other: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    former_names: tuple[FormerName, ...] = ()
    city: str | None = None
    country: str = "RU"
    notation: str = "fonds"
    labels: str = "ru"
    examples: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    url: str | None = None
    signatures: tuple[SignaturePattern, ...] = ()
    fond_prefixes: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Archive):
            return NotImplemented
        return self.id == other.id

    def __hash__(self) -> int:
        return hash(("Archive", self.id))

    def __repr__(self) -> str:
        return f"Archive(id={self.id!r})"

    @property
    def acronym_cyrillic(self) -> str | None:
        """The preferred Cyrillic acronym, if the archive has one."""
        return self.acronyms_cyrillic[0] if self.acronyms_cyrillic else None

    def former_name(self, alias: str) -> FormerName | None:
        """The former name an alias belongs to, if it is one (case/space-insensitive)."""
        if not self.former_names:
            return None
        return self._former_keys.get(alias_key(alias))

    @functools.cached_property
    def _former_keys(self) -> dict[str, FormerName]:
        """Each former name by the keys of its acronym and aliases (the first one wins)."""
        out: dict[str, FormerName] = {}
        for former in self.former_names:
            for a in (former.acronym, *former.aliases):
                out.setdefault(alias_key(a), former)
        return out


@attrs.frozen
class Folio:
    """One leaf (or page) number, with the verso flag.

    ``number`` is a string so that ``"17a"`` and ``"0012"`` survive.
    """

    number: str
    verso: bool = False

    def __str__(self) -> str:
        return f"{self.number}ob." if self.verso else self.number

    @property
    def numeric(self) -> int | None:
        """The leading digits as an int ("17a" -> 17), or ``None`` when there are none."""
        digits = ""
        for ch in self.number:
            if not ch.isdecimal():  # "²" is a digit that int() refuses
                break
            digits += ch
        return int(digits) if digits else None


@attrs.frozen
class FolioRange:
    """A single leaf or an inclusive range of leaves.

    The end is stored expanded: the "6" of "105-6" is kept as ``"106"``.
    """

    first: Folio
    last: Folio | None = None

    def __str__(self) -> str:
        if self.last is None:
            return str(self.first)
        return f"{self.first}–{self.last}"

    @property
    def is_range(self) -> bool:
        return self.last is not None

    def __iter__(self) -> Iterator[Folio]:
        yield self.first
        if self.last is not None:
            yield self.last


@attrs.frozen
class Locator:
    """The leaves or pages cited: one or more :class:`FolioRange` in order.

    Attributes:
        ranges: the ranges, in the order cited.
        unit: ``"leaf"`` (l., ll., list, Bl., arkush) or ``"page"`` (pp., s., S.).
        text: the locator as written in the source (not part of equality).
        label: the label as written ("ll.", "Л.", "pp."), not part of equality.
    """

    ranges: tuple[FolioRange, ...]
    unit: LocatorUnit = "leaf"
    text: str | None = attrs.field(default=None, eq=False, repr=False)
    label: str | None = attrs.field(default=None, eq=False, repr=False)

    @classmethod
    def of(cls, *ranges: FolioRange, unit: LocatorUnit = "leaf") -> Locator:
        return cls(tuple(ranges), unit)

    def __str__(self) -> str:
        return ", ".join(str(r) for r in self.ranges)

    @property
    def is_plural(self) -> bool:
        """True when more than one leaf is cited (so "ll." rather than "l.")."""
        ranges = self.ranges
        return len(ranges) > 1 or (len(ranges) == 1 and ranges[0].last is not None)

    @property
    def first(self) -> Folio:
        return self.ranges[0].first

    @property
    def last(self) -> Folio:
        r = self.ranges[-1]
        return r.last if r.last is not None else r.first


# Cyrillic letters that stand for one Latin letter in identifiers ("Р-9401" is
# GARF's "R-9401", "1Б" TsDA's "1B", "П-51957" a "P" file), by the Library of
# Congress romanisation; Ukrainian and Belarusian "І" is "I". Letters that
# romanise to two letters (Ж, Х, Ц, Ч, Ш, Щ, Ю, Я) or to none (Ъ, Ь) have no
# single counterpart: an identifier holding one keeps its Cyrillic letters.
_CYRILLIC_TO_LATIN = dict(
    zip(
        "АБВГДЕЗИКЛМНОПРСТУФІабвгдезиклмнопрстуфі",
        "ABVGDEZIKLMNOPRSTUFIabvgdeziklmnoprstufi",
        strict=True,
    )
)
_LATIN_TO_CYRILLIC = {lat: cyr for cyr, lat in _CYRILLIC_TO_LATIN.items() if cyr not in "Ііі"}
# a letter prefix of an identifier: "R-9401", "р-4808", "Р- 467", "П 51957"
_PREFIX = re.compile(r"([^\W\d_]{1,4})\s*([-‐‑‒–—−])\s*(?=\d)")


def canonical_identifier(value: str) -> str:
    """An identifier in its one canonical form: Latin letters, an upper-case prefix.

    Identifiers are compared in this form, so a fond cited in Cyrillic
    and one cited in Latin letters are the same fond. Only identifiers with
    a digit are touched (a named division such as "DPOO" is a name), and
    only when every Cyrillic letter in them has a one-letter Latin
    counterpart:

    >>> canonical_identifier("Р-9401"), canonical_identifier("р-4808")
    ('R-9401', 'R-4808')
    >>> canonical_identifier("1Б"), canonical_identifier("059а"), canonical_identifier("4С/П")
    ('1B', '059a', '4S/P')
    >>> canonical_identifier("Р- 467"), canonical_identifier("558")
    ('R-467', '558')
    """
    if value.isdecimal() or not any(ch.isdigit() for ch in value):
        return value  # digits alone ("558") are canonical
    if not value.isascii() and all(
        ch in _CYRILLIC_TO_LATIN for ch in value if "\u0400" <= ch <= "\u04ff"
    ):
        value = "".join(_CYRILLIC_TO_LATIN.get(ch, ch) for ch in value)
    m = _PREFIX.match(value)
    if m is not None:
        value = f"{m[1].upper()}-{value[m.end() :]}"
    return value


def identifier_in_script(value: str, script: str) -> str:
    """The identifier written for a script: ``"Cyrl"`` writes its letters in Cyrillic.

    >>> identifier_in_script("R-9401", "Cyrl"), identifier_in_script("R-9401", "Latn")
    ('Р-9401', 'R-9401')
    >>> identifier_in_script("059a", "Cyrl"), identifier_in_script("DPOO", "Cyrl")
    ('059а', 'DPOO')
    """
    if script != "Cyrl" or not any(ch.isdigit() for ch in value):
        return value
    if not all(ch in _LATIN_TO_CYRILLIC for ch in value if ch.isascii() and ch.isalpha()):
        return value  # "ERAF.9596" or a "W" has no Cyrillic form: keep it whole
    return "".join(_LATIN_TO_CYRILLIC.get(ch, ch) for ch in value)


@attrs.frozen
class Level:
    """One level of the archival hierarchy: its kind and its identifier.

    Attributes:
        kind: ``"fond"``, ``"opis"``, ``"papka"``, ``"delo"``, ``"tom"``,
            ``"chast"`` (part), ``"year"`` (a year division such as "1806 g."),
            ``"section"`` (a named division of a fond, such as "DPOO"), ``"box"``;
            in the UK National Archives' notation ``"department"`` ("FO"),
            ``"series"`` ("371"), ``"piece"`` ("84053") and ``"item"``; in
            the US National Archives' notation ``"record_group"`` ("59"),
            ``"series"`` (a title: "Central Decimal File 1910–29"),
            ``"microfilm"`` ("M800"), ``"roll"``, ``"volume"``, ``"entry"``,
            ``"lot"`` ("64 D 563"), ``"file"`` ("795.00/6-2550") and ``"folder"``;
            in the Bundesarchiv's notation ``"bestand"`` ("DY 30", "MfS"),
            ``"office"`` (an office of the MfS: "ZAIG") and ``"signature"``
            ("J IV 2/2/787").
        value: the identifier as a string (``"059a"``, ``"R-6991"``), in its
            canonical form (:func:`canonical_identifier`): a Cyrillic letter
            with a one-letter Latin counterpart is stored in Latin, a letter
            prefix in upper case, so "Р-9401" and "R-9401" are one value.
        title: a description given in the citation, e.g. the fond's name in
            parentheses. Kept, but not part of equality.
        label: the label as written ("f.", "Ф.", "Fond"), not part of equality.
        text: the identifier as written ("Р-9401", "р-4808"), not part of
            equality; ``None`` when the level was not read from a text.
    """

    kind: LevelKind
    value: str = attrs.field(converter=canonical_identifier)
    title: str | None = attrs.field(default=None, eq=False)
    label: str | None = attrs.field(default=None, eq=False, repr=False)
    text: str | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def as_cited(self) -> str:
        """The identifier as written in the source, or the value when none was kept."""
        return self.text if self.text is not None else self.value

    def __str__(self) -> str:
        return f"{self.kind} {self.value}"


@attrs.frozen
class ArchivalReference:
    """A reference to a place in an archive.

    ``archive`` is ``None`` when the text names an archive the registry does
    not know (then ``archive_as_cited`` still holds the name) or none at all.

    >>> from archref.registry import default_registry
    >>> ref = ArchivalReference(
    ...     archive=default_registry().get("RGASPI"),
    ...     levels=(Level("fond", "558"), Level("opis", "11"), Level("delo", "62")),
    ...     folios=Locator.of(FolioRange(Folio("71"), Folio("72"))),
    ... )
    >>> ref.fond, ref.opis, ref.delo, ref.papka
    ('558', '11', '62', None)
    >>> str(ref)
    'RGASPI, f. 558, op. 11, d. 62, ll. 71–72'
    """

    archive: Archive | None
    levels: tuple[Level, ...]
    folios: Locator | None = None
    archive_as_cited: str | None = attrs.field(default=None, eq=False)
    text: str | None = attrs.field(default=None, eq=False, repr=False)
    notation: str = attrs.field(default="fonds", eq=False, repr=False)

    def level(self, kind: str) -> str | None:
        """The identifier of the first level of ``kind``, or ``None``."""
        for lv in self.levels:
            if lv.kind == kind:
                return lv.value
        return None

    @property
    def fond(self) -> str | None:
        return self.level("fond")

    @property
    def opis(self) -> str | None:
        return self.level("opis")

    @property
    def papka(self) -> str | None:
        return self.level("papka")

    @property
    def delo(self) -> str | None:
        return self.level("delo")

    @property
    def tom(self) -> str | None:
        return self.level("tom")

    @property
    def department(self) -> str | None:
        """The department of a UK National Archives reference ("FO")."""
        return self.level("department")

    @property
    def series(self) -> str | None:
        return self.level("series")

    @property
    def piece(self) -> str | None:
        return self.level("piece")

    @property
    def item(self) -> str | None:
        return self.level("item")

    @property
    def is_former_name(self) -> bool:
        """True when the archive was cited by a name it no longer bears (TsKhSD)."""
        if self.archive is None or self.archive_as_cited is None:
            return False
        return self.archive.former_name(self.archive_as_cited) is not None

    def format(self, style: str = "en", *, transliteration: str | None = "ala-lc") -> str:
        """The reference in a notation style: ``"en"``, ``"en-full"``, ``"ru"``, ``"de"``.

        The formatter is the one of the reference's notation family
        (``notation``: ``"fonds"``, ``"tna"``), which that family registers
        in :data:`archref._hooks.archival_formatters`; the model knows no
        parser.

        Every style but ``"ru"`` writes Latin letters: what the notation
        leaves in Cyrillic (the name of an archive the registry does not
        know, a fond's title, a letter of an identifier with no one-letter
        counterpart) is transliterated by ``transliteration``
        (:mod:`archref.translit`: ``"ala-lc"``, ``"bgn-pcgn"``,
        ``"gost-7.79"``, ``"scholarly"``), or kept with ``None``; the
        notations layer does it, for every family alike.

        >>> from archref import parse
        >>> ref = parse("Госархив Новосибирской области. Ф. Р-1. Оп. 2. Д. 3. Л. 4")
        >>> ref.format()
        'Gosarkhiv Novosibirskoi oblasti, f. R-1, op. 2, d. 3, l. 4'
        >>> ref.format(transliteration=None)
        'Госархив Новосибирской области, f. R-1, op. 2, d. 3, l. 4'
        """
        formatter = archival_formatters.get(self.notation)
        return formatter(self, style, transliteration=transliteration)

    def to_csl_json(self, **options: str | bool | None) -> dict[str, object]:
        """The file this reference points to as a CSL-JSON item.

        See :func:`archref.formats.csl.archival_item` for the mapping and
        its options (registered in :data:`archref._hooks.archival_csl_converters`);
        the leaves are each citation's locator, not the item's.
        """
        from archref._hooks import archival_csl_converters  # noqa: PLC0415 (one hunk)

        return archival_csl_converters.get("archival")(self, **options)

    def __str__(self) -> str:
        return self.format("en")
