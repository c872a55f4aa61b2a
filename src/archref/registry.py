"""The archive registry: which archives exist, under which names.

The registry is data (the TOML files of ``data/archives/``, one per region),
loaded once and validated.
Every archive can be found by any of its aliases: Latin and Cyrillic
acronyms, spaced or not, full names in English, Russian or transliteration,
and former names, which resolve to the current archive.

>>> reg = default_registry()
>>> reg.get("RGASPI").name_en
'Russian State Archive of Socio-Political History'
>>> reg.get("ap rf").id, reg.get("АП РФ").id
('APRF', 'APRF')
>>> hit = reg.lookup("TsKhSD")
>>> hit.archive.id, hit.former.acronym if hit.former else None
('RGANI', 'TsKhSD')
>>> reg.get("No Such Archive") is None
True
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from importlib import resources
from typing import Any

import attrs

from archref.levels import label_set_names
from archref.model import Archive, FormerName, RegistryError, SignaturePattern
from archref.model._keys import alias_key

__all__ = [
    "Lookup",
    "Registry",
    "archive_spellings",
    "default_registry",
    "extended_registry",
    "load_registry",
]

_ARCHIVE_KEYS = frozenset(
    {
        "id",
        "name_en",
        "name_ru",
        "name_translit",
        "names_other",
        "acronyms",
        "acronyms_cyrillic",
        "former",
        "city",
        "country",
        "notation",
        "labels",
        "examples",
        "url",
        "signature",
        "fond_prefixes",
    }
)
_FORMER_KEYS = frozenset({"acronym", "aliases", "name_en", "name_ru", "start", "end", "note"})
_NOTATIONS = frozenset({"fonds", "tna", "nara", "barch", "signature"})
_SIGNATURE_KEYS = frozenset({"pattern", "format", "name", "bare", "after"})


@attrs.frozen
class Lookup:
    """The result of a registry lookup: the archive, and the former name if one matched."""

    archive: Archive
    former: FormerName | None = None


class Registry:
    """A validated, indexed collection of :class:`~archref.model.Archive` entries."""

    def __init__(self, archives: Iterable[Archive]) -> None:
        self._by_id: dict[str, Archive] = {}
        self._index: dict[str, Lookup] = {}
        self._prefixes: frozenset[str] | None = None
        for archive in archives:
            if archive.id in self._by_id:
                raise RegistryError(f"duplicate archive id {archive.id!r}")
            self._by_id[archive.id] = archive
        for archive in self._by_id.values():
            for alias, hit, soft in _spellings(archive):
                self._add(alias, hit, soft=soft)

    def _add(self, alias: str, hit: Lookup, *, soft: bool = False) -> None:
        key = alias_key(alias)
        if not key:
            raise RegistryError(f"{hit.archive.id}: empty alias {alias!r}")
        seen = self._index.get(key)
        if seen is None:
            self._index[key] = hit
        elif seen.archive.id != hit.archive.id and not soft:
            raise RegistryError(
                f"alias {alias!r} of {hit.archive.id} already names {seen.archive.id}"
            )

    def __iter__(self) -> Iterator[Archive]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, alias: object) -> bool:
        return isinstance(alias, str) and alias_key(alias) in self._index

    def lookup(self, alias: str) -> Lookup | None:
        """Find an archive by any alias; say which former name matched, if any."""
        return self._index.get(alias_key(alias))

    def get(self, alias: str) -> Archive | None:
        """The archive an alias names, or ``None``."""
        hit = self.lookup(alias)
        return hit.archive if hit else None

    def is_alias_prefix(self, key: str) -> bool:
        """Is ``key`` (an :func:`alias_key`) the beginning of some alias's key?

        Lets a scanner extend a candidate name word by word and stop as soon
        as no alias can match, instead of trying every length.
        """
        if self._prefixes is None:
            self._prefixes = frozenset(k[:n] for k in self._index for n in range(1, len(k) + 1))
        return key in self._prefixes

    def lookup_key(self, key: str) -> Lookup | None:
        """Look up an already normalised alias key."""
        return self._index.get(key)

    def spellings(self) -> list[str]:
        """Every name of every archive as the registry writes it (ids, acronyms in
        both scripts, full names, former names and their aliases), sorted."""
        return sorted({alias for a in self for alias, _, _ in _spellings(a)})

    def aliases(self) -> Iterator[tuple[str, Lookup]]:
        """Every (alias key, lookup) pair; used to build scanning patterns."""
        yield from self._index.items()


def _spellings(archive: Archive) -> Iterator[tuple[str, Lookup, bool]]:
    """Each name of ``archive``, what it finds, and whether another archive may
    share it (a former full name may: two archives were once one)."""
    for alias in _current_aliases(archive):
        yield alias, Lookup(archive), False
    for former in archive.former_names:
        for alias in (former.acronym, *former.aliases):
            yield alias, Lookup(archive, former), False
        for name in (former.name_en, former.name_ru):
            if name:
                yield name, Lookup(archive, former), True


def archive_spellings(archive: Archive) -> Iterator[str]:
    """Every name ``archive`` is found by: its id, acronyms and names, then those of
    its former names."""
    return (alias for alias, _, _ in _spellings(archive))


def _current_aliases(archive: Archive) -> Iterator[str]:
    yield archive.id
    yield from archive.acronyms
    yield from archive.acronyms_cyrillic
    for name in (archive.name_en, archive.name_ru, archive.name_translit):
        if name:
            yield name
    yield from archive.names_other


def _check_keys(where: str, data: Mapping[str, Any], allowed: frozenset[str]) -> None:
    unknown = set(data) - allowed
    if unknown:
        raise RegistryError(f"{where}: unknown field(s) {sorted(unknown)}")


def _former(where: str, data: Mapping[str, Any]) -> FormerName:
    _check_keys(where, data, _FORMER_KEYS)
    if not isinstance(data.get("acronym"), str):
        raise RegistryError(f"{where}: a former name needs an 'acronym' string")
    start, end = data.get("start"), data.get("end")
    for label, year in (("start", start), ("end", end)):
        if year is not None and not (isinstance(year, int) and 1700 <= year <= 2100):
            raise RegistryError(f"{where}: {label} must be a year, not {year!r}")
    if isinstance(start, int) and isinstance(end, int) and start > end:
        raise RegistryError(f"{where}: start {start} is after end {end}")
    return FormerName(
        acronym=data["acronym"],
        name_en=data.get("name_en"),
        name_ru=data.get("name_ru"),
        start=start,
        end=end,
        aliases=data.get("aliases", ()),
        note=data.get("note"),
    )


def _signature(where: str, data: Any) -> SignaturePattern:
    """One ``[[archive.signature]]`` table, its template checked (see
    :func:`archref.notations.signature.compile_template`)."""
    if not isinstance(data, Mapping):
        raise RegistryError(f"{where}: a signature is a table with a 'pattern'")
    _check_keys(where, data, _SIGNATURE_KEYS)
    pattern, fmt, name = data.get("pattern"), data.get("format"), data.get("name")
    if not isinstance(pattern, str) or not pattern:
        raise RegistryError(f"{where}: a signature needs a 'pattern' string")
    if not (fmt is None or isinstance(fmt, str)) or not (name is None or isinstance(name, str)):
        raise RegistryError(f"{where}: 'format' and 'name' are strings")
    bare = data.get("bare", False)
    after = data.get("after", False)
    if not isinstance(bare, bool) or not isinstance(after, bool):
        raise RegistryError(f"{where}: 'bare' and 'after' are true or false")
    if bare and after:
        raise RegistryError(f"{where}: a pattern is either bare or read before the name")
    from archref.notations.signature import TemplateError, compile_template  # noqa: PLC0415

    try:
        compiled = compile_template(pattern, fmt)
    except TemplateError as exc:
        raise RegistryError(f"{where}: {exc}") from exc
    if bare and (len(compiled.literal) < 3 or not any(c.isalpha() for c in compiled.literal)):
        raise RegistryError(
            f"{where}: a bare pattern opens with a literal of three characters or more"
        )
    return SignaturePattern(pattern=pattern, format=fmt, name=name, bare=bare, after=after)


def _archive(data: Mapping[str, Any]) -> Archive:
    ident = data.get("id")
    if not isinstance(ident, str) or not ident:
        raise RegistryError(f"an archive entry has no 'id': {dict(data)!r}")
    _check_keys(ident, data, _ARCHIVE_KEYS)
    if not isinstance(data.get("name_en"), str):
        raise RegistryError(f"{ident}: 'name_en' is required")
    notation = data.get("notation", "fonds")
    if notation not in _NOTATIONS:
        raise RegistryError(f"{ident}: unknown notation {notation!r}")
    labels = data.get("labels", "ru")
    if labels not in label_set_names():  # the label sets of data/levels.toml
        raise RegistryError(f"{ident}: unknown label set {labels!r}")
    formers = tuple(
        _former(f"{ident}.former[{i}]", f) for i, f in enumerate(data.get("former", ()))
    )
    signatures = tuple(
        _signature(f"{ident}.signature[{i}]", s) for i, s in enumerate(data.get("signature", ()))
    )
    if (notation == "signature") != bool(signatures):
        raise RegistryError(
            f"{ident}: the 'signature' notation and [[archive.signature]] tables go together"
        )
    prefixes = data.get("fond_prefixes", ())
    if not isinstance(prefixes, list | tuple) or not all(
        isinstance(x, str) and x.isascii() and x.isalpha() and x.isupper() for x in prefixes
    ):
        raise RegistryError(f"{ident}: 'fond_prefixes' is a list of upper-case Latin letters")
    return Archive(
        id=ident,
        name_en=data["name_en"],
        acronyms=data.get("acronyms", ()),
        acronyms_cyrillic=data.get("acronyms_cyrillic", ()),
        name_ru=data.get("name_ru"),
        name_translit=data.get("name_translit"),
        names_other=data.get("names_other", ()),
        former_names=formers,
        city=data.get("city"),
        country=data.get("country", "RU"),
        notation=notation,
        labels=labels,
        examples=data.get("examples", ()),
        url=data.get("url"),
        signatures=signatures,
        fond_prefixes=prefixes,
    )


def _entries(text: str, where: str) -> list[Any]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RegistryError(f"{where} is not valid TOML: {exc}") from exc
    entries = data.get("archive")
    if not isinstance(entries, list):
        raise RegistryError(f"{where} needs an array of [[archive]] tables")
    return entries


def load_registry(text: str) -> Registry:
    """Build a registry from TOML text (an array of ``[[archive]]`` tables)."""
    return Registry(_archive(entry) for entry in _entries(text, "the registry"))


def shipped_registry_texts() -> list[tuple[str, str]]:
    """The shipped registry files as ``(name, TOML text)``, in load order."""
    folder = resources.files("archref").joinpath("data/archives")
    files = sorted(
        (item for item in folder.iterdir() if item.name.endswith(".toml")),
        key=lambda item: item.name,
    )
    return [(item.name, item.read_text("utf-8")) for item in files]


@cache
def default_registry() -> Registry:
    """The registry shipped with archref (loaded once, then cached).

    Every ``*.toml`` file of ``data/archives/`` is read, in name order, and
    the entries of all of them make one registry (an alias may still name
    one archive only, across files).
    """
    entries: list[Any] = []
    for name, text in shipped_registry_texts():
        entries.extend(_entries(text, f"the registry file {name}"))
    return Registry(_archive(entry) for entry in entries)


def extended_registry(extra: Iterable[tuple[str, str]]) -> Registry:
    """The shipped registry with the archives of more registry files added.

    ``extra`` holds ``(name, TOML text)`` pairs, in the format of the shipped
    files (an array of ``[[archive]]`` tables); ``name`` names the file in
    errors. The archives join the shipped ones in one registry, so an alias
    may still name one archive only: a local file cannot take a shipped
    archive's name. A project's local archives are named this way in the
    ``registry`` key of the configuration (see "Configuration").

    >>> extra = '[[archive]]\\nid = "HAA"\\nname_en = "A Home Archive"\\nacronyms = ["HAA"]\\n'
    >>> reg = extended_registry([("local.toml", extra)])
    >>> reg.get("HAA").name_en, reg.get("RGASPI").id
    ('A Home Archive', 'RGASPI')
    """
    entries: list[Any] = []
    for name, text in shipped_registry_texts():
        entries.extend(_entries(text, f"the registry file {name}"))
    for name, text in extra:
        entries.extend(_entries(text, f"the registry file {name}"))
    return Registry(_archive(entry) for entry in entries)
