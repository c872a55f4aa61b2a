"""BibTeX and BibLaTeX: archival references as .bib entries, and back.

:func:`to_bibtex` writes one entry per file (archive and levels); the
leaves belong to each citation, as the postnote (:func:`cite_command`),
and to the entry's ``pages`` (with ``pagination = {folio}``) when every
citation of the file cites the same ones; an untitled file gets a
``shorttitle`` (its shelfmark) for biblatex-chicago's short notes.
:func:`from_bibtex` reads any .bib file, Better BibTeX exports included,
finds archival references and UN symbols in the fields where people and
tools put them, and keeps every block as it was: entries it does not
understand and blocks that failed to parse are reported, never dropped.

>>> import archref
>>> ref = archref.parse("RGASPI, f. 558, op. 11, d. 62, ll. 71-72")
>>> print(to_bibtex([ref]))
@misc{RGASPI-558-11-62,
  entrysubtype = {archival},
  shorttitle = {RGASPI, f. 558, op. 11, d. 62},
  note = {f. 558, op. 11, d. 62},
  institution = {Russian State Archive of Socio-Political History},
  location = {Moscow},
  pages = {71--72},
  pagination = {folio}
}
<BLANKLINE>
>>> cite_command(ref)
'\\\\autocite[\\\\nopp{ll.~71--72}]{RGASPI-558-11-62}'
>>> [str(r) for r in from_bibtex(to_bibtex([ref])).references]
['RGASPI, f. 558, op. 11, d. 62']

The conventions (biblatex-chicago, biblatex-mla, classic BibTeX) and where
they are documented: docs/csl-and-bibtex.md.

bibtexparser is imported when a function here is called, not with archref.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

import attrs

from archref.formats.csl import (
    ArchiveName,
    Citable,
    Notation,
    SupportsCSL,
    _archival_from,
    _archive_name,
    archive_location,
    check_references,
    citation_key,
    csl_id,
    locator_text,
    reference_of,
    shelfmark,
)
from archref.model import ArchivalReference, ParseError, UNSymbol
from archref.notations import fonds, un
from archref.registry import Registry, default_registry
from archref.translit import DEFAULT_SCHEME, check_scheme, transliterate

if TYPE_CHECKING:
    from bibtexparser.library import Library

__all__ = [
    "BibLibrary",
    "BibRecord",
    "Convention",
    "Dialect",
    "FailedBlock",
    "biblatex_folio_strings",
    "bibtex_key",
    "cite_command",
    "escape_latex",
    "from_bibtex",
    "to_bibtex",
    "unescape_latex",
]

Dialect = Literal["biblatex", "bibtex"]
Convention = Literal["chicago", "mla"]

# --------------------------------------------------------------------------- escaping

_SPECIALS = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "_": r"\_",
    "#": r"\#",
    "$": r"\$",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_SPECIAL_RE = re.compile("|".join(re.escape(k) for k in _SPECIALS))


def escape_latex(text: str) -> str:
    r"""Escape the characters LaTeX treats specially; leave every other character as it is.

    Cyrillic and other Unicode text is written directly (biber reads UTF-8);
    an en dash becomes ``--``.

    >>> print(escape_latex("Fonds & Papers, 100% {sic} #5 R_1 $2 – Ф. 17"))
    Fonds \& Papers, 100\% \{sic\} \#5 R\_1 \$2 -- Ф. 17
    """
    text = _SPECIAL_RE.sub(lambda m: _SPECIALS[m.group()], text)
    return text.replace("–", "--").replace("—", "---")


_UNESCAPES = (
    (r"\textbackslash{}", "\\"),
    (r"\textasciitilde{}", "~"),
    (r"\textasciicircum{}", "^"),
    ("---", "—"),
    ("--", "–"),
    ("~", "\u00a0"),
)
_UNESCAPE_CHAR = re.compile(r"\\([&%_#${}])")


def unescape_latex(text: str) -> str:
    r"""Undo :func:`escape_latex` and drop grouping braces, for reading a field's text.

    Only what archref writes and what Better BibTeX commonly writes is undone
    (``\&``, ``--``, ``~``, ``{{Moscow}}``); a field's stored value is never changed.

    >>> print(unescape_latex(r"{{Russian State Archive}} \& f.~558, ll. 71--72"))
    Russian State Archive & f. 558, ll. 71–72
    """
    for a, b in _UNESCAPES:
        text = text.replace(a, b)
    out = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text) and text[i + 1] in "&%_#${}":
            out.append(text[i + 1])
            i += 2
            continue
        if ch not in "{}":
            out.append(ch)
        i += 1
    return "".join(out).replace("\u00a0", " ")


# --------------------------------------------------------------------------- keys


def bibtex_key(ref: ArchivalReference) -> str:
    """The citation key of the file a reference points to: its CSL-JSON id.

    The archive's id, then the levels joined by hyphens; levels other than
    fond, opis and delo carry a short prefix. ASCII only (Cyrillic is written
    in Latin), so the key works with classic BibTeX and pandoc too, and a
    document citing ``[@RGASPI-558-11-62]`` finds the same work in a .bib
    file and in a CSL-JSON file.

    >>> import archref
    >>> bibtex_key(archref.parse("RGASPI, f. 558, op. 11, d. 62, ll. 71-72"))
    'RGASPI-558-11-62'
    >>> bibtex_key(archref.parse("AVPRF, Fond 059a, Opis 5a, Delo 4, Papka 11, Listy 159-160"))
    'AVPRF-059a-5a-4-p11'
    >>> garf = archref.parse("ГАРФ. Ф. Р-6991. Оп. 1. Д. 3")
    >>> bibtex_key(garf), bibtex_key(archref.parse("ЦДА. Ф. 1Б. Оп. 67"))
    ('GARF-R-6991-1-3', 'TsDA-1B-67')
    """
    return csl_id(ref)


def _unique(key: str, taken: set[str]) -> str:
    if key not in taken:
        return key
    n = 2
    while f"{key}-{n}" in taken:
        n += 1
    return f"{key}-{n}"


# --------------------------------------------------------------------------- writing


def _archival_fields(
    ref: ArchivalReference,
    dialect: Dialect,
    convention: Convention,
    archive_name: ArchiveName,
    notation: str,
    *,
    transliteration: str | None,
) -> tuple[str, list[tuple[str, str]]]:
    archive = ref.archive
    scheme = None if notation == "ru" else transliteration
    name = (
        _archive_name(archive, archive_name, notation)
        if archive is not None
        else transliterate(ref.archive_as_cited or "", scheme)
    )
    place = archive.city if archive is not None else None
    location = transliterate(archive_location(ref, notation), scheme)
    titles = {lv.kind: lv.title for lv in ref.levels if lv.title}
    fields: list[tuple[str, str | None]]
    if dialect == "bibtex":
        # Classic BibTeX styles print howpublished and note of a @misc; the
        # note is the whole reference, which archref.parse reads back.
        whole = transliterate(
            fonds.format_reference(attrs.evolve(ref, folios=None), notation), scheme
        )
        where = ", ".join(x for x in (name, place) if x)
        fields = [("title", titles.get("delo")), ("howpublished", where), ("note", whole)]
        return "misc", [(k, v) for k, v in fields if v]
    if convention == "mla":
        # biblatex-mla @unpublished: number in library, library, its location.
        fields = [
            ("title", titles.get("delo")),
            (
                "shorttitle",
                None if titles.get("delo") else shelfmark(ref, notation, transliteration=scheme)[0],
            ),
            ("note", titles.get("fond")),
            ("number", location),
            ("library", name),
            ("location", place),
        ]
        return "unpublished", [(k, v) for k, v in fields if v]
    # biblatex-chicago @misc with an entrysubtype: note, organization,
    # institution, location run from the most specific to the most general;
    # an untitled file's short notes need a shorttitle (else only ", l. 73").
    fields = [
        ("entrysubtype", "archival"),
        ("title", titles.get("delo")),
        (
            "shorttitle",
            None if titles.get("delo") else shelfmark(ref, notation, transliteration=scheme)[0],
        ),
        ("note", location),
        ("organization", titles.get("fond")),
        ("institution", name),
        ("location", place),
    ]
    return "misc", [(k, v) for k, v in fields if v]


_CSL_TO_BIBLATEX = {
    "book": "book",
    "article-journal": "article",
    "article-magazine": "article",
    "article-newspaper": "article",
    "chapter": "incollection",
    "report": "report",
    "thesis": "thesis",
    "manuscript": "unpublished",
    "legislation": "report",
    "webpage": "online",
}
_CSL_TO_BIBTEX = {
    "book": "book",
    "article-journal": "article",
    "article-magazine": "article",
    "article-newspaper": "article",
    "chapter": "incollection",
    "report": "techreport",
    "legislation": "techreport",
    "thesis": "phdthesis",
    "manuscript": "unpublished",
}


def _names(names: Any) -> str | None:
    if not isinstance(names, list) or not names:
        return None
    out = []
    for n in names:
        if not isinstance(n, Mapping):
            continue
        if n.get("literal"):
            out.append("{" + escape_latex(str(n["literal"])) + "}")
        elif n.get("family"):
            given = n.get("given")
            family = escape_latex(str(n["family"]))
            out.append(f"{family}, {escape_latex(str(given))}" if given else family)
    return " and ".join(out) or None


def _csl_date(value: Any) -> tuple[str | None, str | None]:
    """(biblatex date, year) of a CSL date."""
    parts = value.get("date-parts") if isinstance(value, Mapping) else None
    if not parts or not parts[0]:
        return None, None
    first = [int(x) for x in parts[0]]
    iso = "-".join(f"{x:02d}" if i else f"{x:04d}" for i, x in enumerate(first))
    if len(parts) > 1 and parts[1]:
        end = [int(x) for x in parts[1]]
        iso += "/" + "-".join(f"{x:02d}" if i else f"{x:04d}" for i, x in enumerate(end))
    return iso, str(first[0])


def _csl_fields(item: Mapping[str, Any], dialect: Dialect) -> tuple[str, list[tuple[str, str]]]:
    """A CSL item (a UN symbol, a published work) as BibLaTeX or BibTeX fields."""
    csl_type = str(item.get("type", ""))
    table = _CSL_TO_BIBLATEX if dialect == "biblatex" else _CSL_TO_BIBTEX
    entry_type = table.get(csl_type, "misc")
    raw: list[tuple[str, str | None]] = []
    for csl_key, bib_key in (("author", "author"), ("editor", "editor")):
        raw.append((bib_key, _names(item.get(csl_key))))
    if dialect == "biblatex":
        raw.append(("translator", _names(item.get("translator"))))

    def text(key: str) -> str | None:
        value = item.get(key)
        return escape_latex(str(value)) if value not in (None, "") else None

    container = text("container-title")
    if entry_type == "article":
        raw.append(("journaltitle" if dialect == "biblatex" else "journal", container))
    elif container:
        raw.append(("booktitle", container))
    raw += [
        ("title", text("title")),
        ("series", text("collection-title")),
        ("volume", text("volume")),
        ("number", text("issue") if csl_type == "article-journal" else text("number")),
        ("pages", text("page")),
        (
            "institution" if entry_type in ("report", "techreport") else "publisher",
            text("publisher"),
        ),
        ("location" if dialect == "biblatex" else "address", text("publisher-place")),
        ("type", text("genre")),
    ]
    date, year = _csl_date(item.get("issued"))
    if dialect == "biblatex":
        raw.append(("date", date))
        raw.append(("url", item.get("URL")))
        raw.append(("doi", item.get("DOI")))
    else:
        raw.append(("year", year))
        if item.get("URL"):
            raw.append(("howpublished", "\\url{" + str(item["URL"]) + "}"))
    seen: set[str] = set()
    fields = []
    for k, v in raw:
        if v and k not in seen:
            seen.add(k)
            fields.append((k, v))
    return entry_type, fields


def to_bibtex(
    refs: Iterable[Citable],
    dialect: Dialect = "biblatex",
    convention: Convention = "chicago",
    *,
    archive_name: ArchiveName = "full",
    notation: Notation | str = "en",
    transliteration: str | None = DEFAULT_SCHEME,
) -> str:
    r"""The references as a .bib file: one entry per file, symbol or work, in order.

    ``refs`` may also hold citations (:func:`archref.extract` results: their
    references are written) and CSL-JSON items (mappings, written as the
    published works are).

    ``dialect="biblatex"`` (for biber) writes UTF-8 as it is, with only
    LaTeX's special characters escaped; ``convention`` chooses the fields:
    ``"chicago"`` the biblatex-chicago ``@misc`` with an ``entrysubtype`` and
    the locating fields note, organization, institution, location;
    ``"mla"`` the biblatex-mla ``@unpublished`` with number, library,
    location. ``dialect="bibtex"`` writes a classic ``@misc`` whose note is
    the whole reference (``convention`` does not apply); Cyrillic text then
    needs a UTF-8-aware setup (docs/csl-and-bibtex.md).

    ``transliteration`` writes an archival entry's Cyrillic in Latin letters
    in every notation but ``ru`` (the name of an archive the registry does
    not know, a letter of an identifier): ``"ala-lc"`` (the default),
    ``"bgn-pcgn"``, ``"gost-7.79"``, ``"scholarly"``, or ``None`` to keep it
    (:mod:`archref.translit`). Keys are ASCII and the same whatever it is:
    Cyrillic in a key is written by ALA-LC without the soft and hard signs.

    >>> import archref
    >>> refs = [archref.parse("AVPRF, Fond 059a, Opis 5a, Delo 4, Papka 11, Listy 159-160"),
    ...         archref.parse("S/RES/82 (1950)")]
    >>> print(to_bibtex(refs, convention="mla", archive_name="acronym"))
    @unpublished{AVPRF-059a-5a-4-p11,
      shorttitle = {AVPRF, f. 059a, op. 5a, d. 4, pa. 11},
      number = {f. 059a, op. 5a, d. 4, pa. 11},
      library = {AVPRF},
      location = {Moscow},
      pages = {159--160},
      pagination = {folio}
    }
    <BLANKLINE>
    @report{S-RES-82-1950,
      author = {{United Nations Security Council}},
      title = {Resolution 82 (1950)},
      number = {S/RES/82 (1950)},
      institution = {United Nations},
      date = {1950},
      url = {https://undocs.org/S/RES/82(1950)}
    }
    <BLANKLINE>
    """
    check_references(refs, "to_bibtex")
    if dialect not in ("biblatex", "bibtex"):
        raise ValueError(f"unknown dialect {dialect!r}; choose 'biblatex' or 'bibtex'")
    if convention not in ("chicago", "mla"):
        raise ValueError(f"unknown convention {convention!r}; choose 'chicago' or 'mla'")
    if notation not in fonds.STYLES:
        raise ValueError(f"unknown notation {notation!r}; choose one of {', '.join(fonds.STYLES)}")
    check_scheme(transliteration)
    from bibtexparser.library import Library  # noqa: PLC0415 (loaded when used)
    from bibtexparser.model import Block, Entry, Field  # noqa: PLC0415

    built: list[tuple[str, str, list[tuple[str, str]]]] = []
    by_identity: dict[object, int] = {}
    leaves: dict[int, list[ArchivalReference]] = {}
    taken: set[str] = set()
    for value in refs:
        ref = reference_of(value)
        if ref is None:  # a citation with nothing to cite
            continue
        if isinstance(ref, Mapping):  # a CSL-JSON item
            identity: object = ("csl", str(ref.get("id")))
            key = citation_key(str(ref.get("id", "work")))
            entry_type, fields = _csl_fields(ref, dialect)
        elif isinstance(ref, ArchivalReference):
            identity = ("archival", attrs.evolve(ref, folios=None))
            key = bibtex_key(ref)
            entry_type, values = _archival_fields(
                ref, dialect, convention, archive_name, notation, transliteration=transliteration
            )
            fields = [(k, escape_latex(v)) for k, v in values]
        elif isinstance(ref, UNSymbol):
            identity = ("un", ref)
            key = citation_key(str(ref))
            entry_type, fields = _csl_fields(un.to_csl_json(ref), dialect)
        elif isinstance(ref, SupportsCSL):
            item = ref.to_csl_json()
            identity = ("csl", str(item.get("id")))
            key = citation_key(str(item.get("id", "work")))
            entry_type, fields = _csl_fields(item, dialect)
        else:
            raise TypeError(f"cannot write {type(ref).__name__} as BibTeX")
        if identity not in by_identity:
            key = _unique(key, taken)
            taken.add(key)
            by_identity[identity] = len(built)
            built.append((entry_type, key, fields))
        if isinstance(ref, ArchivalReference) and ref.folios is not None:
            leaves.setdefault(by_identity[identity], []).append(ref)
    entries: list[Block] = []
    for index, (entry_type, key, fields) in enumerate(built):
        extra = _cited_leaves(leaves.get(index, []), notation) if dialect == "biblatex" else []
        entries.append(
            Entry(entry_type, key, [Field(k, "{" + v + "}") for k, v in [*fields, *extra]])
        )
    library = Library(entries, fail_on_duplicate_key=True)
    return _write(library, enclose=False)


def _cited_leaves(refs: Sequence[ArchivalReference], notation: str) -> list[tuple[str, str]]:
    """``pages`` and ``pagination`` for a file's entry, from the leaves its citations cite.

    biblatex prints a numeric postnote of a citation with the term its
    ``pagination`` names: ``folio`` for leaves, once the document defines
    the strings (:func:`biblatex_folio_strings`), pages by default. ``pages`` is written when every
    citation of the file cites the same leaves (the document is those
    leaves); different leaves belong to each citation's postnote.
    """
    if not refs:
        return []
    seen: dict[str, None] = {}
    for ref in refs:
        assert ref.folios is not None
        seen[escape_latex(locator_text(ref.folios, notation)).replace("-", "--")] = None
    fields = [("pages", next(iter(seen)))] if len(seen) == 1 else []
    if all(ref.folios is not None and ref.folios.unit == "leaf" for ref in refs):
        fields.append(("pagination", "folio"))
    return fields


def _write(library: Library, *, enclose: bool) -> str:
    """Write a library: failed blocks as their text, without a warning comment before them.

    ``enclose`` puts braces around values that lost them when parsed;
    :func:`to_bibtex` builds its values with their braces.
    """
    from bibtexparser.entrypoint import write_string  # noqa: PLC0415 (loaded when used)
    from bibtexparser.middlewares.parsestack import default_unparse_stack  # noqa: PLC0415
    from bibtexparser.writer import BibtexFormat  # noqa: PLC0415

    fmt = BibtexFormat()  # type: ignore[no-untyped-call]
    fmt.indent = "  "
    fmt.block_separator = "\n"
    fmt.parsing_failed_comment = ""
    stack = default_unparse_stack() if enclose else []
    text = write_string(library, unparse_stack=stack, bibtex_format=fmt)
    return text if text.endswith("\n") else text + "\n"


def cite_command(
    ref: ArchivalReference, command: str = "autocite", notation: Notation | str = "en"
) -> str:
    r"""A biblatex citation of ``ref``: its file's key, its leaves as the postnote.

    The postnote carries its own term ("l.", "ll.") inside biblatex's
    ``\nopp``, so that no style puts "p." or "pp." before it: biblatex-chicago
    does so for a postnote that holds a range, whatever its letters, and
    prints "pp. ll. 71–72" without it.

    >>> import archref
    >>> print(cite_command(archref.parse("TsKhSD, f. 5, op. 28, d. 103, l. 2")))
    \autocite[\nopp{l.~2}]{RGANI-5-28-103}
    >>> print(cite_command(archref.parse("RGASPI, f. 17, op. 3, d. 1051"), "cite"))
    \cite{RGASPI-17-3-1051}
    """
    key = bibtex_key(ref)
    if ref.folios is None:
        return f"\\{command}{{{key}}}"
    label = fonds.format_locator(ref.folios, notation).split(" ", 1)[0]  # type: ignore[arg-type]
    leaves = escape_latex(locator_text(ref.folios, notation)).replace("-", "--")
    return f"\\{command}[\\nopp{{{label}~{leaves}}}]{{{key}}}"


#: The terms for a leaf and for leaves in each notation, and biblatex's name of
#: the notation's language.
_FOLIO_TERMS = {
    "en": ("english", "l", "ll"),
    "ru": ("russian", "л", "лл"),
    "de": ("german", "Bl", "Bl"),
}


def biblatex_folio_strings(notation: Notation | str = "en") -> str:
    r"""The preamble lines that teach biblatex the ``folio`` pagination of archref's entries.

    An entry of :func:`to_bibtex` whose citations cite leaves says so with
    ``pagination = {folio}``. biblatex knows only the paginations page,
    column, line, verse, section and paragraph, and its manual asks a document
    to define the strings of any other (``\NewBibliographyString``, then the
    singular and the plural in ``\DefineBibliographyStrings``). Without them
    biblatex warns "Unknown pagination type 'folio'" and writes "p." before a
    number given as a postnote by hand; with them ``\autocite[73]{key}``
    prints "l. 73". Put the lines in the preamble, after biblatex is loaded
    (a ``.bib`` file's ``@preamble`` comes too late for strings).

    >>> print(biblatex_folio_strings())
    \NewBibliographyString{folio,folios}
    \DefineBibliographyStrings{english}{folio={l\adddot},folios={ll\adddot}}
    >>> print(biblatex_folio_strings("ru").splitlines()[1])
    \DefineBibliographyStrings{russian}{folio={л\adddot},folios={лл\adddot}}
    """
    if notation not in _FOLIO_TERMS:
        raise ValueError(
            f"no leaf terms for the notation {notation!r}; one of: {', '.join(_FOLIO_TERMS)}"
        )
    language, one, many = _FOLIO_TERMS[notation]
    return (
        "\\NewBibliographyString{folio,folios}\n"
        f"\\DefineBibliographyStrings{{{language}}}"
        f"{{folio={{{one}\\adddot}},folios={{{many}\\adddot}}}}"
    )


# --------------------------------------------------------------------------- reading


@attrs.frozen
class FailedBlock:
    """A block of the .bib file that could not be parsed, kept with its text and why."""

    raw: str
    line: int | None
    reason: str


@attrs.frozen
class BibRecord:
    """One entry of a .bib file and what archref found in it.

    Attributes:
        key, entry_type: as written.
        fields: every field, name (lower case) to stored value, untouched.
        references: the archival references and UN symbols found.
        found_in: the fields each reference was read from.
        reason: why nothing was found (``None`` when something was).
    """

    key: str
    entry_type: str
    fields: Mapping[str, str]
    references: tuple[ArchivalReference | UNSymbol, ...] = ()
    found_in: tuple[str, ...] = ()
    reason: str | None = None


@attrs.frozen(eq=False)
class BibLibrary:
    """A parsed .bib file: the bibtexparser library, untouched, and what archref read in it.

    ``library`` is a :class:`bibtexparser.Library`; :meth:`to_string` writes it
    back so that parsing the result gives the same library.
    """

    library: Any
    records: tuple[BibRecord, ...]
    failed: tuple[FailedBlock, ...]

    @property
    def entries(self) -> list[Any]:
        """The bibtexparser entries, as parsed."""
        return list(self.library.entries)

    @property
    def failed_blocks(self) -> list[Any]:
        """The bibtexparser blocks that failed (syntax errors, duplicate keys)."""
        return list(self.library.failed_blocks)

    @property
    def references(self) -> list[ArchivalReference | UNSymbol]:
        """Every reference found, in the order of the entries."""
        return [r for rec in self.records for r in rec.references]

    @property
    def unrecognised(self) -> list[BibRecord]:
        """The entries in which nothing was found, each with the reason."""
        return [rec for rec in self.records if not rec.references]

    def __iter__(self) -> Iterator[BibRecord]:
        return iter(self.records)

    def __len__(self) -> int:
        return len(self.records)

    def to_string(self) -> str:
        """The library written back, every block in place, failed ones as they were."""
        return _write(self.library, enclose=True)


#: Fields read, in order, for a fond-family reference written as text.
_TEXT_FIELDS = ("archive_location", "note", "howpublished", "addendum", "annotation", "annote")
_ARCHIVE_FIELDS = ("archive", "institution", "organization", "library", "eprinttype", "publisher")
_LOCATION_FIELDS = ("archive_location", "archivelocation", "archive-location", "number", "eprint")


def from_bibtex(text: str, *, registry: Registry | None = None) -> BibLibrary:
    r"""Parse a .bib file and find the archival references and UN symbols in its entries.

    Where archref looks, in this order: a CSL-style ``archive`` with
    ``archive_location`` (Better BibTeX "tex.archive_location" lines in
    Zotero's Extra), biblatex-chicago's ``note`` with ``institution`` /
    ``organization``, biblatex-mla's ``number`` with ``library``, an
    ``eprint`` with ``eprinttype``; then a whole reference written in
    ``note``, ``howpublished``, ``addendum`` or ``annotation``. A ``number``
    that is a UN symbol, in an entry published by the United Nations or
    linked to undocs.org, is read as one.

    >>> bib = r'''
    ... @unpublished{letter1950,
    ...   title = {Letter to {Gottwald}},
    ...   library = {{RGASPI}},
    ...   number = {f.~558, op.~11, d.~62, ll.~71--72},
    ... }
    ... @book{book1, title = {Stalin's Letters to Molotov}, year = 1995}
    ... @misc{broken, title = {no end
    ... '''
    >>> lib = from_bibtex(bib)
    >>> [str(r) for r in lib.references]
    ['RGASPI, f. 558, op. 11, d. 62, ll. 71–72']
    >>> lib.unrecognised[0].key, lib.unrecognised[0].reason
    ('book1', 'no archival reference or UN symbol in its fields')
    >>> lib.failed[0].line, lib.failed[0].raw.splitlines()[0]
    (8, '@misc{broken, title = {no end')
    """
    if not isinstance(text, str):
        raise TypeError(f"from_bibtex() argument 'text' must be str, not {type(text).__name__}")
    from bibtexparser.entrypoint import parse_string  # noqa: PLC0415 (loaded when used)
    from bibtexparser.model import DuplicateBlockKeyBlock  # noqa: PLC0415

    reg = registry or default_registry()
    library = parse_string(text)
    records = tuple(_read_entry(entry, reg) for entry in library.entries)
    failed = []
    for block in library.failed_blocks:
        if isinstance(block, DuplicateBlockKeyBlock):
            reason = f"duplicate key {block.key!r}"
        else:
            error = block.error
            reason = (
                getattr(error, "abort_reason", None)
                or getattr(error, "message", None)
                or str(error).strip()
                or type(error).__name__
            )
            reason = " ".join(str(reason).split())
        line = block.start_line + 1 if block.start_line is not None else None
        failed.append(FailedBlock(block.raw or "", line, reason))
    return BibLibrary(library, records, tuple(failed))


def _field_map(entry: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    for field in entry.fields:
        value = field.value
        out.setdefault(field.key.lower(), value if isinstance(value, str) else str(value))
    return out


def _read_entry(entry: Any, reg: Registry) -> BibRecord:
    fields = _field_map(entry)
    plain = {k: unescape_latex(v) for k, v in fields.items()}
    base = {"key": entry.key, "entry_type": entry.entry_type, "fields": fields}
    found = _structured(plain, reg)
    if found is not None:
        refs, where = found
        return BibRecord(**base, references=tuple(refs), found_in=where)
    symbol = _un_symbol(plain)
    if symbol is not None:
        return BibRecord(**base, references=(symbol,), found_in=("number",))
    for name in _TEXT_FIELDS:
        value = plain.get(name)
        if not value:
            continue
        refs = _references_in(value, reg)
        if refs:
            return BibRecord(**base, references=tuple(refs), found_in=(name,))
    return BibRecord(**base, reason="no archival reference or UN symbol in its fields")


def _structured(
    plain: Mapping[str, str], reg: Registry
) -> tuple[list[ArchivalReference], tuple[str, ...]] | None:
    """A location field paired with an archive field, in the conventions archref knows."""
    pairs: Sequence[tuple[str, Sequence[str]]] = (
        ("archive_location", ("archive",)),
        ("archivelocation", ("archive",)),
        ("archive-location", ("archive",)),
        ("note", ("institution", "organization", "library")),
        ("number", ("library", "institution")),
        ("eprint", ("eprinttype",)),
    )
    for loc_field, archive_fields in pairs:
        location = plain.get(loc_field)
        if not location:
            continue
        for archive_field in archive_fields:
            archive = plain.get(archive_field)
            if not archive:
                continue
            ref = _parse_pair(archive, location, reg)
            if ref is not None:
                return [ref], (archive_field, loc_field)
    return None


def _parse_pair(archive: str, location: str, reg: Registry) -> ArchivalReference | None:
    try:
        refs = _archival_from(archive, location, reg)
    except ParseError:
        return None
    ref = refs[0]
    return ref if ref.levels else None


def _un_symbol(plain: Mapping[str, str]) -> UNSymbol | None:
    number = plain.get("number")
    if not number:
        return None
    issuer = " ".join(
        plain.get(k, "") for k in ("author", "publisher", "organization", "institution")
    )
    if "United Nations" not in issuer and "undocs.org" not in plain.get("url", ""):
        return None
    try:
        return un.parse(number)
    except ParseError:
        return None


def _references_in(text: str, reg: Registry) -> list[ArchivalReference]:
    try:
        ref = fonds.parse(text, registry=reg)
    except ParseError:
        pass
    else:
        if ref.archive is not None or ref.archive_as_cited:
            return [ref]
    from archref.extract import extract  # noqa: PLC0415

    return [c.reference for c in extract(text) if isinstance(c.reference, ArchivalReference)]
