"""CSL-JSON: archival references, UN symbols and published works as CSL 1.0.2 items.

CSL-JSON is what Zotero, pandoc, citeproc-js and citeproc-py read. An
archival reference becomes one item per *file* (archive and levels); the
leaves it cites are not part of the item but of each citation of it, as a
CSL locator labelled ``folio`` (or ``page``):

>>> import archref
>>> ref = archref.parse("RGASPI, f. 558, op. 11, d. 62, ll. 71-72")
>>> item = to_csl_json([ref])[0]
>>> item["id"], item["type"], item["archive_location"], item["archive-place"]
('RGASPI-558-11-62', 'manuscript', 'f. 558, op. 11, d. 62', 'Moscow')
>>> item["archive"]
'Russian State Archive of Socio-Political History'
>>> citation_item(ref)
{'id': 'RGASPI-558-11-62', 'locator': '71-72', 'label': 'folio'}

Why ``manuscript``: the Chicago, MHRA, APA and MLA styles print ``archive``,
``archive-place``, ``archive_collection`` and ``archive_location`` for every
item type, but only a ``manuscript`` with no author and no title lets the
archival location stand at the head of the note (Chicago and MHRA substitute
it for the author) and keeps "n.d." and the generic "unpublished manuscript"
out. docs/csl-and-bibtex.md shows the styles' code and output.

The leaves also travel in the item's ``custom`` map, the CSL 1.0.2 place for
data that has no variable, so :func:`from_csl_json` gives back the very
references :func:`to_csl_json` was given:

>>> back = from_csl_json(to_csl_json([ref]))
>>> back.references == [ref]
True
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, Protocol, Union, runtime_checkable

import attrs

from archref import _hooks
from archref.formats import gost
from archref.formats._latin import citation_key
from archref.model import (
    ArchivalReference,
    Archive,
    Folio,
    FolioRange,
    Locator,
    ParseError,
    PartialDate,
    UNSymbol,
)
from archref.notations import archival_notation, fonds, nara, un
from archref.notations.published import parse_date
from archref.registry import Registry, default_registry
from archref.translit import DEFAULT_SCHEME, check_scheme, transliterate

if TYPE_CHECKING:
    from archref.model.citation import Citation

__all__ = [
    "ArchiveName",
    "CSLImport",
    "ImportedItem",
    "SupportsCSL",
    "archival_item",
    "archive_location",
    "check_references",
    "citation_item",
    "citation_key",
    "collect",
    "csl_id",
    "from_csl_json",
    "locator_text",
    "note_item",
    "reference_of",
    "shelfmark",
    "to_csl_json",
]

ArchiveName = Literal["full", "acronym", "full-acronym"]
"""How an archive is named: ``"full"`` ("Russian State Archive of Socio-Political
History"), ``"acronym"`` ("RGASPI") or ``"full-acronym"`` ("Russian State Archive of
Socio-Political History (RGASPI)", as a first note introduces the acronym)."""
Notation = Literal["en", "en-full", "ru", "de"]

#: The key under ``custom`` where archref keeps what CSL has no variable for.
CUSTOM_KEY = "archref"


@runtime_checkable
class SupportsCSL(Protocol):
    """Anything that maps itself to a CSL-JSON item (a published work)."""

    def to_csl_json(self) -> dict[str, Any]: ...


#: What the formatters take: references, citations of them, CSL-JSON items.
Citable = Union[ArchivalReference, UNSymbol, SupportsCSL, "Citation", Mapping[str, Any]]

# --------------------------------------------------------------------------- ids

_LEVEL_PREFIX = {
    "fond": "",
    "opis": "",
    "delo": "",
    "papka": "p",
    "tom": "t",
    "chast": "ch",
    "year": "y",
    "section": "s",
    "box": "box",
    "department": "",
    "series": "",
    "piece": "",
    "item": "",
}
_ID_UNSAFE = re.compile(r"[^\w.-]+")


def _id_part(text: str) -> str:
    return citation_key(_ID_UNSAFE.sub("", unicodedata.normalize("NFC", text)))


def _archive_tag(ref: ArchivalReference) -> str:
    if ref.archive is not None:
        return _id_part(ref.archive.id)
    if ref.archive_as_cited:
        return _id_part(ref.archive_as_cited) or "archive"
    return "archive"


def csl_id(ref: ArchivalReference) -> str:
    """A stable, readable id for the file a reference points to.

    The archive's id, then each level's identifier; levels other than
    fond, opis and delo carry a short prefix (``p`` papka, ``t`` tom...).

    >>> import archref
    >>> csl_id(archref.parse("AVPRF, Fond 059a, Opis 5a, Delo 4, Papka 11, Listy 159-160"))
    'AVPRF-059a-5a-4-p11'
    >>> csl_id(archref.parse("ЦА ФСБ. Ф.3. Оп.5. Д.1410. Л.212"))
    'TsAFSB-3-5-1410'
    """
    parts = [_archive_tag(ref)]
    for level in ref.levels:
        parts.append(_LEVEL_PREFIX.get(level.kind, level.kind) + _id_part(level.value))
    return "-".join(p for p in parts if p)


# --------------------------------------------------------------------------- pieces


def _archive_name(archive: Archive, archive_name: ArchiveName, notation: str) -> str:
    if archive_name not in ("full", "acronym", "full-acronym"):
        raise ValueError(
            f"unknown archive_name {archive_name!r}; use 'full', 'acronym' or 'full-acronym'"
        )
    cyrillic = notation == "ru"
    acronym = archive.acronym_cyrillic if cyrillic and archive.acronym_cyrillic else archive.id
    if archive_name == "acronym":
        return acronym
    full = archive.name_ru if cyrillic and archive.name_ru else archive.name_en
    if archive_name == "full-acronym" and acronym != full:
        return f"{full} ({acronym})"
    return full


def archive_location(ref: ArchivalReference, notation: Notation | str = "en") -> str:
    """The fond/opis/delo string of a reference in a notation, without archive or leaves.

    >>> import archref
    >>> ref = archref.parse("RGASPI, f. 558, op. 11, d. 62, ll. 71-72")
    >>> archive_location(ref), archive_location(ref, "ru"), archive_location(ref, "en-full")
    ('f. 558, op. 11, d. 62', 'Ф. 558. Оп. 11. Д. 62', 'fond 558, opis 11, delo 62')

    A reference of another notation family is written in that family's
    ``short`` style, which leaves the archive out (the UK National Archives:
    ``"FO 371/84053"`` in every notation).
    """
    bare = attrs.evolve(ref, folios=None)
    if ref.notation != "fonds":
        return archival_notation(ref.notation).format_reference(bare, "short")
    text = fonds.format_reference(bare, notation)
    head = _head(ref, notation)
    if head and text.startswith(head):
        text = text[len(head) :].lstrip(" ,.;")
    return text


def _head(ref: ArchivalReference, notation: str) -> str | None:
    """The archive as :func:`fonds.format_reference` writes it first."""
    if ref.archive is not None:
        if notation == "ru" and ref.archive.acronym_cyrillic:
            return ref.archive.acronym_cyrillic
        return ref.archive.id
    return ref.archive_as_cited


def locator_text(locator: Locator, notation: Notation | str = "en") -> str:
    """The leaves as a CSL locator: ranges with a hyphen, versos marked in the notation.

    >>> import archref
    >>> locator_text(archref.parse("GARF, f. R-6991, op. 1, d. 3, pp. 105-6").folios)
    '105-106'
    >>> locator_text(archref.parse("ЦАМО РФ. Ф. 5. Оп. 918. Д. 34. Л. 5 об.").folios, "ru")
    '5 об.'
    """
    verso = {"ru": " об.", "de": "v"}.get(notation, "ob.")

    def one(folio: Folio) -> str:
        return folio.number + verso if folio.verso else folio.number

    parts = []
    for r in locator.ranges:
        parts.append(one(r.first) if r.last is None else f"{one(r.first)}-{one(r.last)}")
    return ", ".join(parts)


def citation_item(ref: ArchivalReference, notation: Notation | str = "en") -> dict[str, Any]:
    """A CSL cite-item for one citation of ``ref``: its file's id and its leaves as locator.

    >>> import archref
    >>> citation_item(archref.parse("GARF, f. R-6991, op. 1, d. 3, pp. 105-6"))
    {'id': 'GARF-R-6991-1-3', 'locator': '105-106', 'label': 'page'}
    >>> citation_item(archref.parse("TsKhSD, f. 5, op. 28, d. 103"))
    {'id': 'RGANI-5-28-103'}
    """
    cite: dict[str, Any] = {"id": csl_id(ref)}
    if ref.folios is not None:
        cite["locator"] = locator_text(ref.folios, notation)
        cite["label"] = "folio" if ref.folios.unit == "leaf" else "page"
    return cite


def archival_item(
    ref: ArchivalReference,
    *,
    archive_name: ArchiveName = "full",
    notation: Notation | str = "en",
    zotero: bool = False,
    transliteration: str | None = DEFAULT_SCHEME,
) -> dict[str, Any]:
    """One archival reference as a CSL ``manuscript`` item (its leaves left out).

    ``archive_collection`` is the fond's title when the reference gives one;
    ``title`` the file's (delo's) title. With ``zotero=True``, ``archive-place``
    and ``archive_collection``, which Zotero has no field for, are written as
    ``variable: value`` lines of ``note`` (Zotero's "Extra"), which Zotero and
    citeproc-js read back as the variables. In every notation but ``"ru"``,
    the name of an archive the registry does not know and ``archive_location``
    are written in Latin letters by ``transliteration``
    (:mod:`archref.translit`; ``None`` keeps the Cyrillic); titles are kept
    as written.

    >>> import archref
    >>> ref = archref.parse("Госархив Новосибирской области. Ф. Р-1. Оп. 2. Д. 3")
    >>> item = archival_item(ref, transliteration="bgn-pcgn")
    >>> item["archive"], item["archive_location"]
    ('Gosarkhiv Novosibirskoy oblasti', 'f. R-1, op. 2, d. 3')
    """
    if notation not in fonds.STYLES:
        raise ValueError(f"unknown notation {notation!r}; choose one of {', '.join(fonds.STYLES)}")
    scheme = None if notation == "ru" else check_scheme(transliteration)
    item: dict[str, Any] = {"id": csl_id(ref), "type": "manuscript"}
    titles = {lv.kind: lv.title for lv in ref.levels if lv.title}
    if titles.get("delo"):
        item["title"] = titles["delo"]
    archive = ref.archive
    place = archive.city if archive is not None else None
    if archive is not None:
        item["archive"] = _archive_name(archive, archive_name, notation)
    elif ref.archive_as_cited:
        item["archive"] = transliterate(ref.archive_as_cited, scheme)
    item["archive_location"] = transliterate(archive_location(ref, notation), scheme)
    extra: dict[str, str] = {}
    if place:
        extra["archive-place"] = place
    if titles.get("fond"):
        extra["archive_collection"] = str(titles["fond"])
    if zotero:
        if extra:
            item["note"] = "\n".join(f"{k}: {v}" for k, v in extra.items())
    else:
        item.update(extra)
    if archive is not None and archive.url:
        item["URL"] = archive.url
    return item


_hooks.archival_csl_converters.register("archival", archival_item)


# --------------------------------------------------------------------------- notes


def shelfmark(
    ref: ArchivalReference,
    notation: Notation | str = "en",
    *,
    transliteration: str | None = DEFAULT_SCHEME,
) -> tuple[str, str]:
    """The file as a historian writes it, and the leaves cited in it.

    The archive's abbreviation comes first, then the file; for English
    notations (every notation but ``"ru"``) Cyrillic letters are written in
    Latin (``"Р-9401"`` becomes ``"R-9401"``, an archive the registry does
    not know is transliterated by ``transliteration``, ALA-LC unless told:
    :mod:`archref.translit`); the first letter is a capital, as at the start
    of a note.

    >>> import archref
    >>> shelfmark(archref.parse("ГАРФ. Ф. Р-9401. Оп. 2. Д. 64. Л. 9-13"))
    ('GARF, f. R-9401, op. 2, d. 64', ', ll. 9–13')
    >>> shelfmark(archref.parse("f. 558, op. 11, d. 62, l. 5"))
    ('F. 558, op. 11, d. 62', ', l. 5')

    In the ``"ru"`` notation (GOST R 7.0.5-2008, Rosarkhiv's rules) every
    level ends with a full stop, and the archive takes its Cyrillic acronym;
    a British or American file keeps its own notation after the archive:

    >>> shelfmark(archref.parse("RGASPI, f. 558, op. 11, d. 62, ll. 71-72"), "ru")
    ('РГАСПИ. Ф. 558. Оп. 11. Д. 62', '. Л. 71–72')
    >>> shelfmark(archref.parse("TNA, FO 371/84053"), "ru")
    ('TNA. FO 371/84053', '')
    """
    style = notation if notation in fonds.STYLES else "en"
    whole = ref.format(style, transliteration=transliteration)
    bare = attrs.evolve(ref, folios=None).format(style, transliteration=transliteration)
    leaves = whole[len(bare) :] if whole.startswith(bare) else ""
    return bare[:1].upper() + bare[1:], leaves


def note_item(
    ref: ArchivalReference,
    *,
    title: str | None = None,
    author: Sequence[Mapping[str, str]] | str | None = None,
    issued: str | Mapping[str, Any] | None = None,
    notation: Notation | str = "en",
    transliteration: str | None = DEFAULT_SCHEME,
) -> dict[str, Any]:
    """The CSL-JSON item :func:`archref.render` cites for an archival reference.

    A ``manuscript`` whose ``archive`` is the whole shelfmark
    (:func:`shelfmark`), with no ``archive_location``, ``archive-place`` or
    ``URL``: Chicago, MHRA and the author-date styles print it as a historian
    writes a note ("GARF, f. R-9401, op. 2, d. 64, ll. 9–13."), and sort it
    under the archive's abbreviation. The leaves are not part of the item:
    they are kept under ``custom["archref"]["leaves"]`` and printed after
    the cite. A document's ``title``, ``author`` (a list of CSL names, or one
    name as text) and date (``issued``: ISO text or a CSL date) give the
    full manuscript form: "I. V. Stalin, “Stalin to Gottwald,” August 27,
    1950, RGASPI, f. 558, op. 11, d. 62, ll. 71–72."

    >>> import archref
    >>> note_item(archref.parse("RGASPI, f. 558, op. 11, d. 62, ll. 71-72"))
    {'id': 'RGASPI-558-11-62', 'type': 'manuscript', 'archive': 'RGASPI, f. 558, op. 11, d. 62', 'custom': {'archref': {'leaves': ', ll. 71–72'}}}
    """  # noqa: E501
    mark, leaves = shelfmark(ref, notation, transliteration=transliteration)
    item: dict[str, Any] = {"id": csl_id(ref), "type": "manuscript"}
    if author:
        item["author"] = [{"literal": author}] if isinstance(author, str) else list(author)
    if title:
        item["title"] = title
    if issued:
        item["issued"] = {"raw": issued} if isinstance(issued, str) else dict(issued)
    item["archive"] = mark
    if leaves:
        item["custom"] = {CUSTOM_KEY: {"leaves": leaves}}
    return item


# --------------------------------------------------------------------------- export


def to_csl_json(
    refs: Iterable[Citable],
    *,
    archive_name: ArchiveName = "full",
    notation: Notation | str = "en",
    zotero: bool = False,
    transliteration: str | None = DEFAULT_SCHEME,
) -> list[dict[str, Any]]:
    """CSL-JSON items (CSL 1.0.2) for references of any kind, in order, one per id.

    * an :class:`~archref.ArchivalReference` becomes a ``manuscript`` item
      (:func:`archival_item`); references to one file share it, and the
      leaves of each are kept under ``custom["archref"]["locators"]``;
    * a :class:`~archref.UNSymbol` its own mapping
      (:func:`archref.notations.un.to_csl_json`), under a citation key
      (``"S-RES-82-1950"``);
    * anything else with a ``to_csl_json()`` method (a published work) its
      own mapping;
    * a :class:`~archref.Citation` (from :func:`archref.extract`) the item of
      its reference; an unresolved short form gives none;
    * a mapping is taken as a CSL-JSON item already, and kept as it is.

    Every id archref makes is a citation key (:func:`citation_key`): ASCII
    letters, digits and ``- _ . :``, citable from pandoc Markdown and equal
    to the key :func:`archref.to_bibtex` gives the same reference. Two
    different works that would share an id get ``-2``, ``-3``...

    ``archive_name`` chooses the archive's full name or its acronym;
    ``notation`` the style of ``archive_location`` (``en``, ``en-full``,
    ``ru``, ``de``) and of the archive's name (Russian names for ``ru``);
    ``zotero=True`` moves what Zotero cannot hold into ``note``;
    ``transliteration`` writes what an archival item would hold in Cyrillic
    in a notation other than ``ru`` in Latin letters (``"ala-lc"``, the
    default, ``"bgn-pcgn"``, ``"gost-7.79"``, ``"scholarly"``; ``None``
    keeps it: :mod:`archref.translit`). Ids are the same whatever it is.

    >>> import archref
    >>> items = to_csl_json(
    ...     [archref.parse("RGASPI, f. 558, op. 11, d. 62, l. 71"),
    ...      archref.parse("RGASPI, f. 558, op. 11, d. 62, l. 75"),
    ...      archref.parse("S/RES/82 (1950)")], archive_name="acronym", zotero=True)
    >>> [i["id"] for i in items]
    ['RGASPI-558-11-62', 'S-RES-82-1950']
    >>> items[0]["archive"], items[0]["note"], items[0]["custom"]
    ('RGASPI', 'archive-place: Moscow', {'archref': {'locators': ['71', '75']}})
    """
    items, _ = collect(
        refs,
        archive_name=archive_name,
        notation=notation,
        zotero=zotero,
        transliteration=transliteration,
    )
    return items


@attrs.frozen
class Collected:
    """One input of :func:`collect`: the id of its item and the reference it holds."""

    id: str
    reference: object
    note: int | None = None


def reference_of(value: object) -> object | None:
    """The reference a value stands for: a citation's reference, or the value itself.

    ``None`` for a citation that holds nothing to cite (an unresolved short
    form, a translator's credit).
    """
    from archref.model.citation import Citation  # noqa: PLC0415 (a small model module)

    if isinstance(value, Citation):
        ref = value.reference
        if isinstance(ref, ArchivalReference | UNSymbol | SupportsCSL):
            return ref
        return None
    return value


def collect(
    refs: Iterable[Citable],
    *,
    archive_name: ArchiveName = "full",
    notation: Notation | str = "en",
    zotero: bool = False,
    notes_form: bool = False,
    transliteration: str | None = DEFAULT_SCHEME,
    language: str = "en",
) -> tuple[list[dict[str, Any]], list[Collected | None]]:
    """The CSL-JSON items for ``refs`` and, for each value given, its item's id.

    The second list has one entry per value of ``refs``, in order: where its
    item went (and the note of a citation), or ``None`` for a citation with
    nothing to cite. :func:`to_csl_json` returns the first list;
    :func:`archref.render` cites the second, with ``notes_form=True``: each
    archival reference then becomes its :func:`note_item`; with
    ``language="ru"`` too (a style in Russian), a UN document takes a Russian
    title (:func:`archref.formats.gost.un_item`) and a work in Russian the
    place as cited ("М.") rather than spelled out in English.
    """
    check_references(refs, "to_csl_json")
    check_scheme(transliteration)
    from archref.model.citation import Citation  # noqa: PLC0415 (a small model module)

    out: list[dict[str, Any]] = []
    by_id: dict[str, dict[str, Any]] = {}
    placed: list[Collected | None] = []
    # the ids of the items given as they are: theirs whatever comes first, so an item
    # archref makes moves to a free id rather than take one (the text cites it)
    given: dict[str, dict[str, Any]] = {}
    from_given: set[str] = set()  # the ids placed of items given
    for value in refs:
        ref = reference_of(value)
        if isinstance(ref, Mapping) and "id" in ref:
            given.setdefault(str(ref["id"]), dict(ref))
    for value in refs:
        ref = reference_of(value)
        if ref is None:
            placed.append(None)
            continue
        if isinstance(ref, Mapping):
            if "id" not in ref:
                raise ValueError("a CSL-JSON item needs an id")
            item = dict(ref)
        elif isinstance(ref, ArchivalReference) and notes_form:
            item = note_item(ref, notation=notation, transliteration=transliteration)
        elif isinstance(ref, ArchivalReference):
            item = archival_item(
                ref,
                archive_name=archive_name,
                notation=notation,
                zotero=zotero,
                transliteration=transliteration,
            )
        elif isinstance(ref, UNSymbol) and notes_form and language == "ru":
            item = gost.un_item(ref)
            item["id"] = citation_key(str(ref))
        elif isinstance(ref, UNSymbol):
            item = dict(un.to_csl_json(ref))
            item["id"] = citation_key(str(ref))
        elif isinstance(ref, SupportsCSL):
            item = dict(ref.to_csl_json())
            item["id"] = citation_key(str(item.get("id", "")))
            place = getattr(ref, "place", None)
            if notes_form and language == "ru" and item.get("language") == "ru" and place:
                item["publisher-place"] = place  # "М.", as a Russian note writes it
        else:
            raise TypeError(f"cannot map {type(ref).__name__} to CSL-JSON")
        seen = by_id.get(str(item["id"]))
        if isinstance(ref, Mapping):
            given_twice = str(item["id"]) in from_given
            if seen is not None and (given_twice or _without_custom(seen) != _without_custom(item)):
                raise ValueError(f"two CSL-JSON items have the id {item['id']!r}")
            from_given.add(str(item["id"]))
        elif seen is None and str(item["id"]) in given:
            if _without_custom(given[str(item["id"])]) != _without_custom(item):
                seen = _in(_next_free(item, {**given, **by_id}), by_id)
        elif (
            seen is not None
            # one file, one item: the first (unless the item was given as it is)
            and (not isinstance(ref, ArchivalReference) or str(seen["id"]) in from_given)
            and _without_custom(seen) != _without_custom(item)
        ):
            seen = _in(_next_free(item, {**given, **by_id}), by_id)
        if seen is None:
            by_id[str(item["id"])] = seen = item
            out.append(item)
        if isinstance(ref, ArchivalReference) and not notes_form:
            _record_locator(seen, ref)
        note = value.note if isinstance(value, Citation) else None
        placed.append(Collected(str(seen["id"]), ref, note))
    return out, placed


def _next_free(item: dict[str, Any], by_id: Mapping[str, dict[str, Any]]) -> dict[str, Any] | None:
    """Give ``item`` the first id ``ID-2``, ``ID-3``... free or held by the same item."""
    base, n = str(item["id"]), 2
    while True:
        item["id"] = f"{base}-{n}"
        other = by_id.get(item["id"])
        if other is None or _without_custom(other) == _without_custom(item):
            return other
        n += 1


def _in(item: dict[str, Any] | None, by_id: Mapping[str, dict[str, Any]]) -> dict[str, Any] | None:
    """``item`` if it is one of the items placed (``by_id``), else None."""
    return item if item is not None and by_id.get(str(item["id"])) is item else None


def _without_custom(item: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in item.items() if k != "custom"}


def _record_locator(item: dict[str, Any], ref: ArchivalReference) -> None:
    """Keep the leaves of ``ref`` under ``custom`` (in the ``en`` notation, whatever the item's)."""
    if ref.folios is None and "custom" not in item:
        return
    mine = item.setdefault("custom", {}).setdefault(CUSTOM_KEY, {})
    locators: list[str | None] = mine.setdefault("locators", [])
    text = None
    if ref.folios is not None:
        text = locator_text(ref.folios)
        if ref.folios.unit == "page":
            text = "p. " + text
    if text not in locators:
        locators.append(text)


# --------------------------------------------------------------------------- import


@attrs.frozen
class ImportedItem:
    """One CSL-JSON item as read by :func:`from_csl_json`.

    Attributes:
        item: the item exactly as given (never changed).
        references: what archref understood it as: archival references (one
            per recorded locator), a UN symbol; empty when it understood nothing.
        reason: why nothing was understood, or what was only partly understood.
    """

    item: Mapping[str, Any]
    references: tuple[ArchivalReference | UNSymbol, ...] = ()
    reason: str | None = None

    @property
    def understood(self) -> bool:
        return bool(self.references)


@attrs.frozen
class CSLImport:
    """The result of :func:`from_csl_json`: every item, understood or not, in order."""

    items: tuple[ImportedItem, ...]

    @property
    def references(self) -> list[ArchivalReference | UNSymbol]:
        """Every reference understood, in the order of the items."""
        return [r for it in self.items for r in it.references]

    @property
    def unrecognised(self) -> list[ImportedItem]:
        """The items kept as they are, each with the reason."""
        return [it for it in self.items if not it.understood]

    @property
    def entries(self) -> list[ArchivalReference | UNSymbol | Mapping[str, Any]]:
        """Every item in order: the references understood, or the item itself.

        An item archref did not understand (a book, an article) is kept as the
        CSL-JSON item it is, so that formatting the file again loses nothing;
        only what is not an item with an id (:attr:`dropped`) is left out.
        """
        out: list[ArchivalReference | UNSymbol | Mapping[str, Any]] = []
        for it in self.items:
            if it.references:
                out.extend(it.references)
            elif _keepable(it.item):
                out.append(it.item)
        return out

    @property
    def dropped(self) -> list[ImportedItem]:
        """The items :attr:`entries` leaves out: not understood and without an id."""
        return [it for it in self.items if not it.understood and not _keepable(it.item)]

    def __len__(self) -> int:
        return len(self.items)


def _keepable(item: Mapping[str, Any]) -> bool:
    """A CSL-JSON item with an id (text or a number) that the formatters can take."""
    key = item.get("id")
    return isinstance(key, str | int) and not isinstance(key, bool) and str(key) != ""


def from_csl_json(
    items: Sequence[Mapping[str, Any]], *, registry: Registry | None = None
) -> CSLImport:
    """Read CSL-JSON items (a Zotero or Better BibTeX export) back into references.

    An item with ``archive`` and ``archive_location`` is parsed as a
    fond-family reference: the archive is looked up by any of its names
    (also "Full Name (ACRONYM)"), and ``archive_location`` may include the
    leaves, as Zotero users often write them. Locators archref recorded under
    ``custom`` come back as the leaves. An item whose ``number`` is a UN
    symbol becomes a :class:`~archref.UNSymbol`. Every other item is kept
    untouched, with the reason.

    >>> got = from_csl_json([
    ...     {"id": "x", "type": "manuscript",
    ...      "archive": "Russian State Archive of Contemporary History (RGANI)",
    ...      "archive_location": "f. 5, op. 28, d. 103, l. 2"},
    ...     {"id": "b", "type": "book", "title": "Stalin's Letters to Molotov"}])
    >>> [str(r) for r in got.references]
    ['RGANI, f. 5, op. 28, d. 103, l. 2']
    >>> got.unrecognised[0].reason
    'no archive_location and no UN symbol in number'
    """
    if isinstance(items, (str, bytes, bytearray, Mapping)) or not isinstance(items, Iterable):
        hint = ": pass a list of items" if isinstance(items, Mapping) else ""
        raise TypeError(
            "from_csl_json() argument 'items' must be a list of CSL-JSON items,"
            f" not {type(items).__name__}{hint}"
        )
    reg = registry or default_registry()
    out = []
    for item in items:
        out.append(_import_item(item, reg))
    return CSLImport(tuple(out))


def _note_variables(note: str) -> dict[str, str]:
    found = {}
    for line in note.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip() in ("archive-place", "archive_collection", "archive", "number"):
            found[key.strip()] = value.strip()
    return found


def _import_item(item: Mapping[str, Any], reg: Registry) -> ImportedItem:
    if not isinstance(item, Mapping):
        return ImportedItem({"value": item}, reason="not a JSON object")
    location = item.get("archive_location")
    if isinstance(location, str) and location.strip():
        archive = item.get("archive")
        try:
            refs = _with_locators(_archival_from(str(archive or ""), location, reg), item)
        except ParseError as exc:
            return ImportedItem(item, reason=f"archive_location not understood: {exc}")
        return ImportedItem(item, tuple(refs))
    number = item.get("number")
    if isinstance(number, str) and number.strip():
        try:
            symbol = un.parse(number)
        except ParseError as exc:
            return ImportedItem(item, reason=f"number is not a UN symbol: {exc}")
        date = _issued_date(item.get("issued"))
        if date is not None and date.day is not None:
            # a full date is the document's (a resolution's adoption date); a
            # year alone is what the symbol says already
            symbol = attrs.evolve(symbol, date=date)
        return ImportedItem(item, (symbol,))
    return ImportedItem(item, reason="no archive_location and no UN symbol in number")


def _issued_date(value: object) -> PartialDate | None:
    """A CSL-JSON date object as a :class:`PartialDate` (a single day, month or year)."""
    if not isinstance(value, Mapping):
        return None
    parts = value.get("date-parts")
    if isinstance(parts, list) and len(parts) == 1 and isinstance(parts[0], list):
        numbers = [int(p) for p in parts[0][:3] if isinstance(p, int | str) and str(p).isdigit()]
        if numbers and len(numbers) == len(parts[0][:3]):
            numbers += [0] * (3 - len(numbers))
            year, month, day = numbers
            return PartialDate(year=year, month=month or None, day=day or None)
        return None
    raw = value.get("raw") or value.get("literal")
    if isinstance(raw, str):
        try:
            return parse_date(raw)
        except ParseError:
            return None
    return None


_PAREN_ACRONYM = re.compile(r"^(?P<name>.+?)\s*\((?P<acr>[^()]+)\)\s*$")


def _archive_of(name: str, reg: Registry) -> Archive | None:
    name = name.strip()
    if not name:
        return None
    hit = reg.get(name)
    if hit is not None:
        return hit
    m = _PAREN_ACRONYM.match(name)
    if m:
        return reg.get(m.group("acr")) or reg.get(m.group("name"))
    return None


def _archival_from(archive: str, location: str, reg: Registry) -> list[ArchivalReference]:
    found = _archive_of(archive, reg)
    location = location.strip()
    candidates: list[str] = []
    if found is not None:
        cyrillic = any("\u0400" <= ch <= "\u04ff" for ch in location)
        if cyrillic and found.acronym_cyrillic:
            candidates.append(f"{found.acronym_cyrillic}. {location}")
        candidates.append(f"{found.id}, {location}")
    elif archive.strip():
        candidates.append(f"{archive.strip()}, {location}")
    candidates.append(location)
    # the archive's own notation family first, then the fond family
    names = dict.fromkeys([found.notation if found is not None else "fonds", "fonds"])
    families = [archival_notation(name) for name in names]
    error: ParseError | None = None
    for family, text in ((f, t) for t in candidates for f in families):
        try:
            ref = family.parse(text, registry=reg)
        except ParseError as exc:
            error = error or exc
            continue
        if found is not None and ref.archive != nara.held_by(found, reg):
            continue  # (the Department of State's files are NARA's: nara.held_by)
        if ref.archive is None and archive.strip():
            ref = attrs.evolve(ref, archive_as_cited=archive.strip())
        return [ref]
    assert error is not None
    raise error


def _with_locators(
    refs: list[ArchivalReference], item: Mapping[str, Any]
) -> list[ArchivalReference]:
    custom = item.get("custom")
    mine = custom.get(CUSTOM_KEY) if isinstance(custom, Mapping) else None
    if not isinstance(mine, Mapping) or not isinstance(mine.get("locators"), list):
        return refs
    out: list[ArchivalReference] = []
    for ref in refs:
        for text in mine["locators"]:
            out.append(attrs.evolve(ref, folios=_locator_from(text)))
    return out


_RANGE = re.compile(r"^\s*(?P<a>[^\s,–-]+)\s*(?:[-–]\s*(?P<b>[^\s,]+))?\s*$")


def _folio(text: str) -> Folio:
    if text.endswith("ob.") and len(text) > 3:
        return Folio(text[:-3], verso=True)
    return Folio(text)


def _locator_from(text: object) -> Locator | None:
    if not isinstance(text, str) or not text.strip():
        return None
    unit: Literal["leaf", "page"] = "leaf"
    if text.startswith("p. "):
        unit, text = "page", text[3:]
    ranges = []
    for piece in text.split(","):
        m = _RANGE.match(piece)
        if m is None:
            raise ParseError("locator not understood", text)
        first = _folio(m.group("a"))
        last = _folio(m.group("b")) if m.group("b") else None
        ranges.append(FolioRange(first, last))
    return Locator(tuple(ranges), unit)


def check_references(refs: object, function: str) -> None:
    """Refuse what is not an iterable of references, naming the argument."""
    if isinstance(refs, str | bytes) or not isinstance(refs, Iterable):
        hint = " (pass a list of references)" if hasattr(refs, "__attrs_attrs__") else ""
        raise TypeError(
            f"{function}() argument 'refs' must be an iterable of references,"
            f" not {type(refs).__name__}{hint}"
        )
