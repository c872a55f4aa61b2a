"""Find every reference in footnotes and running text, with spans.

The pipeline, one step per stage (after eyecite's verbs):

1. **clean**: repair and normalise the text, keeping a map back to the
   original offsets;
2. **scan**: each notation family finds its candidates in the cleaned text
   (the fond-family :class:`~archref.notations.fonds.Scanner`, and the other
   families registered in :data:`FINDERS`: the UK and US National
   Archives, the German federal archives, UN symbols, published works);
3. **resolve**: chains inherit their upper levels inside the scanner;
   "Ibid." / "Там же" / "Ebd." are resolved here, against the last reference
   cited before them, also across consecutive notes;
4. every span is mapped back into the original text.

>>> text = "RGASPI, f. 17, op. 163, d. 1326, l. 233; d. 1350, l. 40. Ibid., l. 41."
>>> for c in extract(text):
...     print(c.form, "|", c.text, "|", c.reference)
full | RGASPI, f. 17, op. 163, d. 1326, l. 233 | RGASPI, f. 17, op. 163, d. 1326, l. 233
chain | d. 1350, l. 40 | RGASPI, f. 17, op. 163, d. 1350, l. 40
ibid | Ibid., l. 41 | RGASPI, f. 17, op. 163, d. 1350, l. 41

An "Ibid." with nothing before it is reported, not guessed:

>>> (c,) = extract("Ibid., l. 7.")
>>> c.reference, c.diagnostics[0].code
(ShortForm(kind='ibid', text='Ibid.'), 'ARC010')
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Protocol

import attrs

from archref.model import (
    ArchivalReference,
    Diagnostic,
    Folio,
    FolioRange,
    Locator,
    PublishedWork,
    UNSymbol,
)
from archref.model.archival import LocatorUnit
from archref.model.citation import Citation, CitationForm, ShortForm
from archref.notations import barch, fonds, fonds_runs, nara, published, signature, tna, un
from archref.registry import Registry, default_registry
from archref.scan import anchors, blank_lines, families, scan
from archref.text import clean as clean_text

__all__ = [
    "FINDERS",
    "STREAM_PARAGRAPH_LIMIT",
    "Found",
    "extract",
    "extract_notes",
    "extract_stream",
]


@attrs.frozen
class Found:
    """A candidate found by one notation family, in cleaned-text offsets."""

    reference: object
    start: int
    end: int
    form: CitationForm = "full"
    certain: bool = True
    diagnostics: tuple[Diagnostic, ...] = ()
    priority: int = 0  # when two candidates overlap, the higher priority wins


Finder = Callable[[str], list[Found]]


def _find_un(text: str) -> list[Found]:
    forms: dict[str, CitationForm] = {
        "symbol": "full",
        "list": "list",
        "joint": "joint",
        "name": "name",
    }
    return [
        Found(
            m.symbol,
            m.start,
            m.end,
            forms.get(m.via, "full"),
            certain=m.certain,
            diagnostics=m.diagnostics,
            priority=1,
        )
        for m in un.find(text)
    ]


def _find_published(text: str) -> list[Found]:
    out: list[Found] = []
    for m in published.find(text):
        if isinstance(m, published.PublishedMatch):
            out.append(Found(m.work, m.start, m.end, diagnostics=m.diagnostics, priority=0))
        else:  # a credit ("Translated for NKIDP by Gary Goldberg") is reported, not cited
            out.append(Found(m.credit, m.start, m.end, priority=0))
    return out


class _FamilyMatch(Protocol):
    @property
    def reference(self) -> ArchivalReference: ...

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


def _archival_finder(
    find: Callable[[str], Sequence[_FamilyMatch]],
    validate: Callable[[ArchivalReference], list[Diagnostic]],
) -> Finder:
    """The finder of an archival family: its matches, with the family's rules applied."""

    def finder(text: str) -> list[Found]:
        out: list[Found] = []
        for m in find(text):
            rules = tuple(
                attrs.evolve(d, start=m.start + d.start, end=m.start + d.end)
                for d in validate(m.reference)
            )
            out.append(Found(m.reference, m.start, m.end, diagnostics=rules, priority=2))
        return out

    return finder


#: The UK National Archives, the US National Archives, the Bundesarchiv and the BStU.
_find_tna = _archival_finder(tna.find, tna.validate)
_find_nara = _archival_finder(nara.find, nara.validate)
_find_barch = _archival_finder(barch.find, barch.validate)


def _signature_finder(registry: Registry | None) -> Finder:
    """The finder of the archives cited by a signature pattern of ``registry``."""
    return _archival_finder(
        lambda text: signature.find(text, registry=registry), signature.validate
    )


#: Finders of the notation families other than the fond family, by the
#: family's name in :func:`archref.scan.families`. Each takes a window of the
#: cleaned text (see :func:`archref.scan.scan`) and returns candidates in its
#: offsets; where two overlap, the higher ``priority`` wins (archival 2, UN
#: symbols 1, published 0), then the longer.
FINDERS: dict[str, Finder] = {
    "tna": _find_tna,
    "nara": _find_nara,
    "barch": _find_barch,
    "signature": _signature_finder(None),
    "un": _find_un,
    "published": _find_published,
}


class _Cleaned(Protocol):
    @property
    def text(self) -> str: ...

    def span_to_original(self, start: int, end: int) -> tuple[int, int]: ...


@attrs.frozen
class _Unchanged:
    text: str

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        return start, end


def extract(text: str, *, registry: Registry | None = None, clean: bool = True) -> list[Citation]:
    """Every reference in ``text``, in order, with spans into ``text``.

    Several references in one note ("X and Y", "X; Y") are separate
    citations; a chain's later links and "Ibid." are resolved.
    """
    return _Extractor(registry, clean=clean).note(text, None)


def extract_notes(
    notes: Iterable[str], *, registry: Registry | None = None, clean: bool = True
) -> list[Citation]:
    """Extract from a sequence of footnotes; "Ibid." may refer to an earlier note.

    Each citation's ``note`` is the index of its note, and its span is into
    that note's text. An "Ibid." that opens a note after a note citing
    several sources is ambiguous: it gets a diagnostic, not a guess.

    >>> notes = ["ЦА ФСБ. Ф.3. Оп.5. Д.1410. Л.212", "Там же. Оп.4. Д.2241. Л.685."]
    >>> [(c.note, str(c.reference)) for c in extract_notes(notes)]
    [(0, 'TsA FSB, f. 3, op. 5, d. 1410, l. 212'), (1, 'TsA FSB, f. 3, op. 4, d. 2241, l. 685')]
    """
    ex = _Extractor(registry, clean=clean)
    out: list[Citation] = []
    for index, note in enumerate(notes):
        out.extend(ex.note(note, index))
    return out


#: How much of a paragraph :func:`extract_stream` holds before it cuts it (at white space).
STREAM_PARAGRAPH_LIMIT = 1_000_000

_LAST_SPACE = re.compile(r"\s(?=\S*\Z)")


def extract_stream(
    pieces: Iterable[str], *, registry: Registry | None = None, clean: bool = True
) -> Iterator[Citation]:
    """Every reference in a text read piece by piece, as it is read.

    ``pieces`` is any iterable of strings: a text file opened for reading
    (its lines), blocks read from a socket, the pages of a book. The text is
    read as one: the citations and their spans, into the text the pieces
    make together, are those :func:`extract` gives for the whole text, but
    only a paragraph at a time is held in memory, so a file of any size is
    read in constant memory. (A paragraph is text between blank lines, which
    no reference crosses; one longer than :data:`STREAM_PARAGRAPH_LIMIT`
    characters is cut where no reference can be: at white space out of reach
    of every anchor.)

    >>> import io
    >>> book = io.StringIO("RGASPI, f. 17, op. 3, d. 1, l. 5.\\n\\nIbid., l. 6.\\n")
    >>> for c in extract_stream(book):
    ...     print(c.start, c.end, c.form, c.reference)
    0 32 full RGASPI, f. 17, op. 3, d. 1, l. 5
    35 46 ibid RGASPI, f. 17, op. 3, d. 1, l. 6
    """
    if isinstance(pieces, str):
        pieces = (pieces,)  # a whole text is one piece, not one piece a character
    elif isinstance(pieces, bytes | bytearray) or not isinstance(pieces, Iterable):
        raise TypeError(
            f"extract_stream() argument 'pieces' must be an iterable of str,"
            f" not {type(pieces).__name__}"
        )
    return _stream(iter(pieces), registry=registry, clean=clean)


def _stream(pieces: Iterator[str], *, registry: Registry | None, clean: bool) -> Iterator[Citation]:
    ex = _Extractor(registry, clean=clean)
    ex.begin_note()
    parts: list[str] = []
    size = 0  # characters held in parts
    offset = 0  # where the text held starts
    tail = ""  # the white space that ends what is held: a blank line may begin in it
    pattern: re.Pattern[str] | None = None
    for piece in pieces:
        if not isinstance(piece, str):
            raise TypeError(f"extract_stream() reads str pieces, not {type(piece).__name__}")
        if not piece:
            continue
        if pattern is None and ("\n" in piece or "\r" in piece):
            pattern = blank_lines(piece)  # the first line break tells the convention
        probe = tail + piece
        parts.append(piece)
        size += len(piece)
        last = None
        if pattern is not None:
            for last in pattern.finditer(probe):  # noqa: B007 (the last one is wanted)
                pass
        cut = None
        if last is not None:
            cut = size - len(probe) + last.end()
        elif size > STREAM_PARAGRAPH_LIMIT:
            held = "".join(parts)
            cut = _quiet_cut(held)
            parts = [held]
        if cut is not None:
            held = "".join(parts)
            yield from ex.block(held[:cut], None, offset)
            offset += cut
            rest = held[cut:]
            parts, size = ([rest] if rest else []), len(rest)
            probe = rest
        stripped = probe.rstrip()
        tail = probe[len(stripped) :]
    if parts:
        yield from ex.block("".join(parts), None, offset)


def _quiet_cut(held: str) -> int:
    """Where a paragraph too long to hold can be cut without changing any result.

    That is white space farther from every anchor than any family reaches, and
    far enough from the end for an anchor still to come: the windows on
    either side are then those of the whole paragraph. The latest such place
    is taken; where there is none (references packed for a megabyte), the
    last white space.
    """
    reach_before = max(f.before for f in families())
    reach_after = max(f.after for f in families())
    limit = len(held) - reach_before  # an anchor still to come may reach back to here
    cut = -1
    free_from = 0  # the first offset beyond the reach of the anchors seen so far
    for _, start, end in anchors(held):
        if start - reach_before > free_from:
            cut = _space_in(held, free_from, min(start - reach_before, limit), cut)
        free_from = max(free_from, end + reach_after)
    if free_from < limit:
        cut = _space_in(held, free_from, limit, cut)
    if cut < 0:
        space = _LAST_SPACE.search(held)
        cut = space.end() if space is not None else len(held)
    return cut


def _space_in(text: str, lo: int, hi: int, best: int) -> int:
    """The end of the last white space in ``text[lo:hi]``, or ``best`` if there is none."""
    k = hi - 1
    while k >= lo:
        if text[k].isspace():
            return k + 1
        k -= 1
    return best


class _Extractor:
    """Carries the state that "Ibid." needs from one note to the next."""

    def __init__(self, registry: Registry | None, *, clean: bool) -> None:
        self.registry = registry or default_registry()
        # a registry of the caller's may hold archives cited by signature patterns that
        # the scanning core's anchors (the shipped registry's) do not know: its finder
        # reads the whole text, which costs one pass of the archives' names
        self.own_signatures = registry is not None and registry is not default_registry()
        self.finders = FINDERS
        if self.own_signatures:
            self.finders = {**FINDERS, "signature": _signature_finder(registry)}
        self.clean = clean
        self.antecedent: object | None = None
        # the last publication cited: what "in ibid., pp. 33-4" after a UN symbol repeats
        self.publication: PublishedWork | None = None
        self.previous_note_sources = 0

    def note(self, text: str, index: int | None) -> list[Citation]:
        """The citations of one note, in offsets of ``text``."""
        self.begin_note()
        out = self.block(text, index)
        self.end_note()
        return out

    def begin_note(self) -> None:
        self.sources: set[object] = set()
        self.cited = False

    def end_note(self) -> None:
        self.previous_note_sources = len(self.sources)

    def block(self, text: str, index: int | None, offset: int = 0) -> list[Citation]:
        """The citations of ``text``, a run of whole paragraphs of the current note.

        ``offset`` is where ``text`` starts in the note: the citations' spans
        are shifted by it.
        """
        if not isinstance(text, str):
            raise TypeError(f"expected a str, not {type(text).__name__}")
        cleaned: _Cleaned = clean_text(text) if self.clean else _Unchanged(text)
        t = cleaned.text
        windows = scan(t).windows
        if self.own_signatures and t:
            windows = {**windows, "signature": [(0, len(t))]}
        scanners = _Scanners(t, windows.get("fonds", ()), self.registry)
        found = [
            _shifted(_archival(m, "chain" if m.chained else "full"), at)
            for at, scanner in scanners
            for m in scanner.find()
        ]
        for name, finder in self.finders.items():
            if name != "published":
                for ws, we in windows.get(name, ()):
                    found.extend(_shifted(f, ws) for f in finder(t[ws:we]))
        published_windows = windows.get("published", ())
        if published_windows:
            settled = _without_overlaps(found)
            settled_starts = [f.start for f in settled]
            for ws, we in published_windows:
                if _open_anchor(t, ws, we, settled, settled_starts):
                    found.extend(_shifted(f, ws) for f in FINDERS["published"](t[ws:we]))
        kept = _credits_in_place(t, _without_overlaps(found), published_windows)
        starts = [f.start for f in kept]
        markers = [
            (s, e)
            for s, e in scanners.ibid_markers()
            if not _inside(kept, starts, s)  # "Ibid" inside a title is not a short form
        ]
        events: list[tuple[int, Found | tuple[int, int]]] = [(f.start, f) for f in kept]
        events.extend((s, (s, e)) for s, e in markers)
        events.sort(key=lambda ev: ev[0])

        citations: list[Citation] = []
        sources = self.sources
        last_end = -1
        last_span = (-1, -1)
        for _, event in events:
            if isinstance(event, Found):
                if event.start < last_end and (event.start, event.end) != last_span:
                    continue  # inside what an "ibid." already read
                items = [event]
            else:
                first = not (citations or self.cited)
                items = self._ibid(scanners, t, event, first_in_note=first)
            for item in items:
                citations.append(self._citation(cleaned, text, item, index, offset))
                last_end = max(last_end, item.end)
                last_span = item.start, item.end
                if isinstance(item.reference, published.Credit):
                    continue  # who translated a document is no source an "ibid." repeats
                if not isinstance(item.reference, ShortForm):
                    self.antecedent = item.reference
                    if isinstance(item.reference, PublishedWork):
                        self.publication = item.reference
                    sources.add(_source_key(item.reference))
                else:
                    self.antecedent = None
        self.cited = self.cited or bool(citations)
        return citations

    def _ibid(
        self, scanners: _Scanners, text: str, marker: tuple[int, int], *, first_in_note: bool
    ) -> list[Found]:
        start, end = marker
        antecedent = self.antecedent
        if first_in_note and self.previous_note_sources > 1:
            return [
                _unresolved(
                    text,
                    start,
                    end,
                    "ARC011",
                    "'ibid.' opens a note that follows a note citing several sources:"
                    " which one it repeats is ambiguous",
                )
            ]
        if isinstance(antecedent, UNSymbol) and _IBID_PRINTED.match(text, end):
            # "The text of the ... Report (S/1270/Add.1) is given in ibid, pp.33-4": a
            # UN symbol has no pages; "ibid." with pages repeats the publication the
            # document is printed in, the last one cited
            antecedent = self.publication
            if antecedent is None:
                return [
                    _unresolved(
                        text,
                        start,
                        end,
                        "ARC010",
                        "'ibid.' with pages after a UN document symbol repeats a publication,"
                        " and none is cited before it",
                    )
                ]
        if antecedent is None:
            return [
                _unresolved(
                    text, start, end, "ARC010", "'ibid.' with no earlier reference to repeat"
                )
            ]
        if isinstance(antecedent, ArchivalReference) and antecedent.notation != "fonds":
            # "Ebd., Bl. 9": the same file, other leaves, where the family cites leaves
            units = _IBID_UNITS.get(antecedent.notation, ())
            m = _IBID_LOCATOR.match(text, end)
            if m is not None and _LOCATOR_UNIT[m.group("label").casefold()] in units:
                unit = _LOCATOR_UNIT[m.group("label").casefold()]
                first, last = m.group("first"), m.group("last")
                locator = attrs.evolve(
                    Locator.of(FolioRange(Folio(first), Folio(last) if last else None), unit=unit),
                    text=m.group("range"),
                    label=m.group("label"),
                )
                again = attrs.evolve(antecedent, folios=locator, text=text[start : m.end()])
                return [Found(again, start, m.end(), "ibid")]
            return [Found(antecedent, start, end, "ibid")]  # "Ibid." repeats it as it is
        if isinstance(antecedent, ArchivalReference):
            at, scanner = scanners.at(start)
            return [
                _shifted(_archival(m, "ibid" if k == 0 else "chain"), at)
                for k, m in enumerate(scanner.parse_ibid(start - at, antecedent))
            ]
        if isinstance(antecedent, PublishedWork):
            pages = _IBID_PAGES.match(text, end)
            if pages is not None:
                cited = attrs.evolve(antecedent, pages=pages.group("pages"))
                return [Found(cited, start, pages.end(), "ibid")]
        return [Found(antecedent, start, end, "ibid")]

    def _citation(
        self, cleaned: _Cleaned, original: str, item: Found, index: int | None, offset: int
    ) -> Citation:
        start, end = cleaned.span_to_original(item.start, item.end)
        diagnostics = tuple(
            attrs.evolve(d, start=a + offset, end=b + offset, text=original[a:b])
            for d in item.diagnostics
            for a, b in [cleaned.span_to_original(d.start, d.end)]
        )
        return Citation(
            reference=item.reference,
            start=start + offset,
            end=end + offset,
            text=original[start:end],
            note=index,
            form=item.form,
            certain=item.certain,
            diagnostics=diagnostics,
        )


#: The leaves or pages after an "ibid." that repeats a file of a family other than
#: the fond family (whose scanner reads its own): "Ebd., Bl. 9", "Ibid., pp. 715–716".
_IBID_LOCATOR = re.compile(
    r"[.,:]?[ \t\u00a0]{0,3}(?P<label>Bl|S|fols?|pp?)\.[ \t\u00a0]{0,3}"
    r"(?P<range>(?P<first>\d{1,5}[a-z]?)(?:[ \t\u00a0]{0,2}[-–][ \t\u00a0]{0,2}"
    r"(?P<last>\d{1,5}[a-z]?))?)(?![\w–-])"
)
_LOCATOR_UNIT: dict[str, LocatorUnit] = {
    "bl": "leaf",
    "fol": "leaf",
    "fols": "leaf",
    "s": "page",
    "p": "page",
    "pp": "page",
}
#: The units each family's references cite (the UK notation cites none).
_IBID_UNITS: dict[str, tuple[LocatorUnit, ...]] = {
    "barch": ("leaf", "page"),
    "nara": ("page",),
}

#: Pages after an "ibid." ("ibid, pp.33-4", "Ibid., p. 5"): after a UN symbol, where
#: the document is printed.
_IBID_PRINTED = re.compile(r"[.,:]?[ \t\u00a0]{0,3}pp?\.[ \t\u00a0]{0,3}\d")

#: The pages after an "ibid." that repeats a publication: "Там же. С.126–128", "Ibid., 54".
_IBID_PAGES = re.compile(
    r"[.,:]?[ \t\u00a0]{0,3}(?:(?:С|с|S|p|pp|P|Pp)\.[ \t\u00a0]{0,3})?"
    r"(?P<pages>\d{1,5}(?:[ \t\u00a0]{0,2}[-–—][ \t\u00a0]{0,2}\d{1,5})?)(?!\d)"
)


class _Scanners:
    """The fond-family scanner of each window, by the window's start in the text.

    A window that is one reference of a plain shape is read by
    :func:`fonds.fast_find` (one regular expression), a window that is a run
    of them with words between by :func:`fonds_runs.find_runs`; such a
    window keeps its matches instead of a scanner, and holds no "ibid."
    marker.
    """

    def __init__(self, text: str, windows: Sequence[tuple[int, int]], registry: Registry) -> None:
        self.text = text
        self.registry = registry
        self.windows = list(windows)
        self.starts = [ws for ws, _ in windows]
        self.scanners: list[fonds.Scanner | fonds.KnownMatches] = []
        for ws, we in windows:
            window = text[ws:we]
            found = fonds.fast_find(window, registry)
            if found is None:
                found = fonds_runs.find_runs(window, registry)
            self.scanners.append(
                fonds.Scanner(window, registry=registry)
                if found is None
                else fonds.KnownMatches(tuple(found))
            )

    def __iter__(self) -> Iterator[tuple[int, fonds.Scanner | fonds.KnownMatches]]:
        return zip(self.starts, self.scanners, strict=True)

    def ibid_markers(self) -> list[tuple[int, int]]:
        """Every "Ibid." marker, in text offsets."""
        return [(at + s, at + e) for at, sc in self for s, e in sc.ibid_markers()]

    def at(self, offset: int) -> tuple[int, fonds.Scanner]:
        """The scanner of the window holding ``offset`` (an "ibid." marker), and its start."""
        k = bisect.bisect_right(self.starts, offset) - 1
        scanner = self.scanners[k]
        if isinstance(scanner, fonds.KnownMatches):  # no marker is in such a window
            ws, we = self.windows[k]
            scanner = self.scanners[k] = fonds.Scanner(self.text[ws:we], registry=self.registry)
        return self.starts[k], scanner


def _open_anchor(
    text: str, ws: int, we: int, settled: Sequence[Found], starts: Sequence[int]
) -> bool:
    """Does the window ``text[ws:we]`` hold an anchor of a published work that no
    archival reference or UN symbol covers? (``starts`` are those of ``settled``.)

    A published work holds one of its anchors; where every anchor of the window
    lies in a reference of a family that takes precedence (archival, then UN:
    see :func:`_without_overlaps`), any work found there would overlap that
    reference and be dropped, so the window is not read.
    """
    for _, start, end in anchors(text[ws:we], family="published"):
        a, b = start + ws, end + ws
        k = bisect.bisect_right(starts, b - 1) - 1
        if not (k >= 0 and settled[k].start < b and a < settled[k].end):
            return True
    return False


def _shifted(found: Found, offset: int) -> Found:
    """A candidate found in a window, in offsets of the whole text."""
    if not offset:
        return found
    return attrs.evolve(
        found,
        start=found.start + offset,
        end=found.end + offset,
        diagnostics=tuple(
            attrs.evolve(d, start=d.start + offset, end=d.end + offset) for d in found.diagnostics
        ),
    )


def _credits_in_place(
    text: str, kept: list[Found], windows: Sequence[tuple[int, int]]
) -> list[Found]:
    """Keep a credit ("Translated by Gary Goldberg") only where it credits a cited document.

    That is inside a "[Source: ...]" note, or right after a citation (or after
    another such credit) in the same sentence run: "ll. 67-70. Contributed by
    Sergey Radchenko and translated by Gary Goldberg." In running prose,
    "obtained by Dr. John Kotch" is no credit of a citation. Source notes are
    looked for only in the ``windows`` of published works that hold a credit.
    """
    credits = [f.start for f in kept if isinstance(f.reference, published.Credit)]
    if not credits:
        return kept
    starts = [ws for ws, _ in windows]
    holding = sorted({bisect.bisect_right(starts, c) - 1 for c in credits} - {-1})
    notes = [
        (ws + n.start, ws + n.end)
        for ws, we in (windows[k] for k in holding)
        for n in published.find_source_notes(text[ws:we])
    ]
    out: list[Found] = []
    for f in kept:
        if isinstance(f.reference, published.Credit):
            in_note = any(a <= f.start and f.end <= b for a, b in notes)
            after = bool(out) and 0 <= f.start - out[-1].end <= 6  # ". " or " and "
            if not (in_note or after):
                continue
        out.append(f)
    return out


def _archival(match: fonds.Match, form: CitationForm) -> Found:
    """A fond-family match with the family's rules applied (offsets into the text)."""
    rules = tuple(
        attrs.evolve(d, start=match.start + d.start, end=match.start + d.end)
        for d in fonds.validate(match.reference)
    )
    return Found(
        match.reference,
        match.start,
        match.end,
        form,
        diagnostics=match.diagnostics + rules,
        priority=2,
    )


def _inside(kept: Sequence[Found], starts: Sequence[int], offset: int) -> bool:
    """Is ``offset`` inside one of the (sorted, disjoint) ``kept`` spans?"""
    k = bisect.bisect_right(starts, offset) - 1
    return k >= 0 and kept[k].start <= offset < kept[k].end


def _unresolved(text: str, start: int, end: int, code: str, message: str) -> Found:
    diagnostic = Diagnostic(
        code=code,
        message=message,
        severity="warning",
        start=start,
        end=end,
        text=text[start:end],
    )
    return Found(ShortForm("ibid", text[start:end]), start, end, "ibid", diagnostics=(diagnostic,))


def _source_key(reference: object) -> object:
    """What counts as one source for the ambiguity of a following "ibid."."""
    if isinstance(reference, ArchivalReference):
        # one file is one source, whichever leaves are cited
        return (reference.archive, reference.archive_as_cited, reference.levels)
    return reference


def _without_overlaps(found: Sequence[Found]) -> list[Found]:
    """Drop candidates that overlap a better one (higher priority, then longer).

    One sweep in order of position, so a book's worth of candidates costs
    O(n log n).
    """
    kept: list[Found] = []
    for f in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if kept and (f.start, f.end, f.priority) == (
            kept[-1].start,
            kept[-1].end,
            kept[-1].priority,
        ):
            kept.append(f)  # one text naming several references: "Add.1-2"
            continue
        if kept and f.start < kept[-1].end:
            last = kept[-1]
            if (f.priority, f.end - f.start) > (last.priority, last.end - last.start):
                kept[-1] = f
            continue
        kept.append(f)
    return kept
