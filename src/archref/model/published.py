"""Typed models of published sources: books, articles, working papers, newspapers.

The footnotes that cite archives cite publications too, often in the same
note. A :class:`PublishedWork` holds what a Chicago-style or Russian
GOST-style note says about one publication; :class:`Person` is a name,
:class:`PartialDate` a date as precise as the note gives it.

What was written is kept beside what was understood: ``text`` fields hold
the source text (never part of equality), and :attr:`PublishedWork.unparsed`
holds every piece of the note that was not recognised, so nothing is
silently dropped or mislabelled.

>>> work = PublishedWork(
...     kind="article",
...     authors=(Person(family="Ledovskii", given="Andrei"),),
...     title="Stalin, Mao Tsedunh I Koreiskaia Voina 1950-1953 godov",
...     container_title="Novaia I Noveishaia Istoriia",
...     issue="5",
...     date=PartialDate(year=2005, month=9, end_year=2005, end_month=10),
...     pages="79-113",
... )
>>> str(work.authors[0]), str(work.date), work.year
('Andrei Ledovskii', '2005-09/2005-10', 2005)
>>> csl = work.to_csl_json()
>>> csl["type"], csl["container-title"], csl["issued"]
('article-journal', 'Novaia I Noveishaia Istoriia', {'date-parts': [[2005, 9], [2005, 10]]})
"""

from __future__ import annotations

import re
from typing import Any, Literal

import attrs

__all__ = [
    "SEASONS",
    "WORK_KINDS",
    "PartialDate",
    "Person",
    "PublishedWork",
    "Season",
    "WorkKind",
]

WorkKind = Literal[
    "book",
    "article",
    "chapter",
    "working-paper",
    "newspaper",
    "document-collection",
    "unknown",
]
#: Every kind of publication a :class:`PublishedWork` can be.
WORK_KINDS: tuple[WorkKind, ...] = (
    "book",
    "article",
    "chapter",
    "working-paper",
    "newspaper",
    "document-collection",
    "unknown",
)

Season = Literal["spring", "summer", "autumn", "winter"]
#: The seasons, in the order of their CSL numbers (1 to 4).
SEASONS: tuple[Season, ...] = ("spring", "summer", "autumn", "winter")

#: CSL 1.0.2 item types for each kind. CSL has no type for an edited
#: collection of documents; it is a book with editors.
_CSL_TYPES: dict[WorkKind, str] = {
    "book": "book",
    "article": "article-journal",
    "chapter": "chapter",
    "working-paper": "report",
    "newspaper": "article-newspaper",
    "document-collection": "book",
    "unknown": "document",
}


def _tuple(value: object) -> tuple[Any, ...]:
    if value is None:
        return ()
    if isinstance(value, str | Person):
        return (value,)
    return tuple(value)  # type: ignore[arg-type]


@attrs.frozen
class Person:
    """A name: a person (``family``, ``given``, ``suffix``) or an institution (``literal``).

    ``text`` is the name as written (not part of equality).

    >>> str(Person(family="Хлевнюк", given="О. В."))
    'О. В. Хлевнюк'
    >>> Person(literal="U.S. Department of State").to_csl()
    {'literal': 'U.S. Department of State'}
    """

    family: str | None = None
    given: str | None = None
    suffix: str | None = None
    literal: str | None = None
    text: str = attrs.field(default="", eq=False, repr=False)

    def __str__(self) -> str:
        if self.literal is not None:
            return self.literal
        out = " ".join(p for p in (self.given, self.family) if p)
        if self.suffix:
            out += f" {self.suffix}"
        return out

    def to_csl(self) -> dict[str, str]:
        """The CSL-JSON name object."""
        if self.literal is not None:
            return {"literal": self.literal}
        out: dict[str, str] = {}
        if self.family:
            out["family"] = self.family
        if self.given:
            out["given"] = self.given
        if self.suffix:
            out["suffix"] = self.suffix
        return out


@attrs.frozen
class PartialDate:
    """A date as precise as the note gives it, possibly a range or a season.

    ``year`` to ``day`` are the start; ``end_*`` the end of a range
    ("September-October 2005", "Winter 1995/1996"). A date that could not be
    read into numbers keeps its words in ``literal``. ``text`` is the date
    as written (not part of equality).

    >>> str(PartialDate(year=1995, end_year=1996, season="winter"))
    'winter 1995/1996'
    >>> PartialDate(year=1912, month=4, day=6).to_csl()
    {'date-parts': [[1912, 4, 6]]}
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    season: Season | None = None
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    literal: str | None = None
    text: str = attrs.field(default="", eq=False, repr=False)

    @property
    def is_range(self) -> bool:
        return self.end_year is not None

    def _parts(self, end: bool = False) -> list[int]:
        values = (
            (self.end_year, self.end_month, self.end_day)
            if end
            else (self.year, self.month, self.day)
        )
        parts: list[int] = []
        for v in values:
            if v is None:
                break
            parts.append(v)
        return parts

    def __str__(self) -> str:
        if self.year is None:
            return self.literal or self.text

        def iso(parts: list[int]) -> str:
            return "-".join(f"{p:04d}" if n == 0 else f"{p:02d}" for n, p in enumerate(parts))

        out = iso(self._parts())
        if self.is_range:
            out += "/" + iso(self._parts(end=True))
        if self.season:
            out = f"{self.season} {out}"
        return out

    def to_csl(self) -> dict[str, Any]:
        """The CSL-JSON date object: ``date-parts`` (with ``season``), or ``literal``."""
        if self.year is None:
            return {"literal": self.literal or self.text}
        parts = [self._parts()]
        if self.is_range:
            parts.append(self._parts(end=True))
        out: dict[str, Any] = {"date-parts": parts}
        if self.season:
            out["season"] = SEASONS.index(self.season) + 1
        return out


_ID_CHARS = re.compile(r"[^\w]+")


@attrs.frozen
class PublishedWork:
    """One publication cited in a note.

    Attributes:
        kind: one of :data:`WORK_KINDS`; ``"unknown"`` when the note does not say.
        authors, editors, translators: :class:`Person` tuples, in order.
        title: the title of the work itself (an article, a chapter, a book);
            ``None`` when the note cites a whole journal issue.
        container_title: the journal, newspaper or book the work is part of.
        collection_title: the series ("Cold War International History Project").
        volume, issue, number: as written ("VI", "6/7"); ``number`` is a
            report number (a working paper's).
        date: when it was published (for a newspaper, the day of the issue).
        pages: the pages cited, as written ("79-113", "54"): the range of an
            article or the pinpoint of a note; a note does not say which.
        publisher, place: as written ("М."); ``place_normalised`` spells an
            abbreviated place out ("Moscow").
        language: a BCP 47 tag for the language of the work ("en", "de",
            "ru"...), ``"und"`` when it is not known. The notations guess it
            from the title (:func:`archref.notations.published.guess_language`);
            a style title-cases only English titles and items without a language.
        text: the note text the work was read from (not part of equality).
        unparsed: the pieces of ``text`` that were not recognised, as written.
    """

    kind: WorkKind = attrs.field(default="unknown", validator=attrs.validators.in_(WORK_KINDS))
    authors: tuple[Person, ...] = attrs.field(default=(), converter=_tuple)
    editors: tuple[Person, ...] = attrs.field(default=(), converter=_tuple)
    translators: tuple[Person, ...] = attrs.field(default=(), converter=_tuple)
    title: str | None = None
    container_title: str | None = None
    collection_title: str | None = None
    volume: str | None = None
    issue: str | None = None
    number: str | None = None
    date: PartialDate | None = None
    pages: str | None = None
    publisher: str | None = None
    place: str | None = None
    place_normalised: str | None = None
    language: str | None = None
    text: str = attrs.field(default="", eq=False, repr=False)
    unparsed: tuple[str, ...] = attrs.field(default=(), converter=_tuple)

    @property
    def year(self) -> int | None:
        """The year of publication, if the note gives one."""
        return self.date.year if self.date is not None else None

    @property
    def is_complete(self) -> bool:
        """True when every piece of the note was recognised."""
        return not self.unparsed

    def __str__(self) -> str:
        """A compact, neutral form of the work (styled output comes from :func:`archref.render`).

        >>> work = PublishedWork(
        ...     kind="article",
        ...     authors=(Person("Ledovskii", "Andrei"),),
        ...     title="Stalin, Mao Tsedunh i koreiskaia voina",
        ...     container_title="Novaia i noveishaia istoriia",
        ...     issue="5",
        ...     date=PartialDate(2005),
        ...     pages="79-113",
        ... )
        >>> print(work)  # doctest: +NORMALIZE_WHITESPACE
        Andrei Ledovskii, “Stalin, Mao Tsedunh i koreiskaia voina,”
        Novaia i noveishaia istoriia, no. 5 (2005): 79-113
        >>> print(PublishedWork(kind="book", title="The Korean War", place="Princeton",
        ...                     date=PartialDate(1997)))
        The Korean War (Princeton, 1997)
        """
        parts: list[str] = []
        if self.authors:
            parts.append(", ".join(str(a) for a in self.authors))
        quoted = self.container_title or self.kind in {"article", "chapter", "working-paper"}
        if self.title:
            parts.append(f"“{self.title},”" if quoted else self.title)
        where = self.container_title or ""
        if self.volume:
            where += f" {self.volume}"
        if self.issue:
            where += f", no. {self.issue}"
        if self.number:
            where += f" no. {self.number}" if where else f"no. {self.number}"
        if self.collection_title:
            where += f", {self.collection_title}"
        if where.strip(" ,"):
            parts.append(where.strip(" ,"))
        out = ", ".join(parts).replace(",”,", ",”")
        place = self.place_normalised or self.place
        inside = (
            f"{place}: {self.publisher}"
            if place and self.publisher
            else (place or self.publisher or "")
        )
        date = (self.date.literal or str(self.date)) if self.date is not None else ""
        if date:
            inside = f"{inside}, {date}" if inside else date
        if inside:
            out += f" ({inside})"
        if self.pages:
            out += f": {self.pages}"
        return out.rstrip(",”") + ("”" if out.endswith(",”") else "")

    def csl_id(self) -> str:
        """A readable identifier: first author's (or title's) first word and the year."""
        head = ""
        if self.authors:
            first = self.authors[0]
            head = first.family or first.literal or ""
        if not head:
            head = self.title or self.container_title or "work"
        words = _ID_CHARS.sub(" ", head).split()
        out = (words[0] if words else "work").lower()
        if self.year is not None:
            out += f"-{self.year}"
        return out

    def to_csl_json(self, id: str | None = None) -> dict[str, Any]:
        """The work as a CSL-JSON item (CSL 1.0.2 variables).

        ``id`` defaults to :meth:`csl_id`. Empty fields are left out; the
        normalised place is used for ``publisher-place`` when there is one;
        ``language`` is written as it is, ``"und"`` included.
        """
        item: dict[str, Any] = {"id": id or self.csl_id(), "type": _CSL_TYPES[self.kind]}
        for key, names in (
            ("author", self.authors),
            ("editor", self.editors),
            ("translator", self.translators),
        ):
            if names:
                item[key] = [p.to_csl() for p in names]
        for key, value in (
            ("title", self.title),
            ("container-title", self.container_title),
            ("collection-title", self.collection_title),
            ("volume", self.volume),
            ("issue", self.issue),
            ("number", self.number),
        ):
            if value:
                item[key] = value
        if self.date is not None:
            item["issued"] = self.date.to_csl()
        if self.pages:
            item["page"] = self.pages
        if self.publisher:
            item["publisher"] = self.publisher
        place = self.place_normalised or self.place
        if place:
            item["publisher-place"] = place
        if self.language:
            # the work's own language: a style title-cases "en" (and items without
            # a language) and keeps "und", "de" or "ru" titles as written
            item["language"] = self.language
        return item
