"""Level labels of the fond family, as data: which word names which level, per label set.

A *label set* is what an archive's ``labels`` field in the registry names:
``"ru"`` (fond, opis, delo, list), ``"uk"`` (sprava, arkush), ``"bg"``
(a.e.), ``"sq"`` (fondi, viti, dosja, fletë)... Each set lists the words it
reads for each level, and the labels it writes in each style. The shipped
sets are in ``data/levels.toml``; :func:`add_label_sets` adds more at run
time from the same TOML shape, so a new language's labels need only data.

>>> sets = label_sets()
>>> sets["ru"].read["фонд"], sets["uk"].read["спр"], sets["sq"].read["d"]
('fond', 'delo', 'delo')
>>> sets["sq"].scope, sets["ru"].script
('archive', 'Cyrl')
>>> sets["bg"].write["en"]["delo"]
'a.e.'
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any, Literal

import attrs

from archref.model import RegistryError

__all__ = [
    "LEVEL_ROLES",
    "LOCATOR_ROLES",
    "STYLES",
    "LabelSet",
    "add_label_sets",
    "file_suffixes",
    "label_set_names",
    "label_sets",
    "lookalikes",
    "parse_label_sets",
]

#: The level kinds a label can name.
LEVEL_ROLES = frozenset(
    {"fond", "opis", "papka", "delo", "tom", "chast", "perechen", "dokument", "box", "signature"}
)
#: The other things a label can name: the locator, a year division, verso and
#: recto marks, and the "p." that is a papka before the delo and a page after it.
LOCATOR_ROLES = frozenset({"leaf", "page", "year", "verso", "recto", "papka_or_page"})
#: The styles a set writes labels for.
STYLES = ("en", "en-full", "ru", "de")
_WRITE_KEYS = LEVEL_ROLES | {"year", "leaf", "leaves", "page", "pages", "verso"}
_SET_KEYS = frozenset(
    {"name", "scope", "script", "base", "read", "write", "bare_first", "bare_next", "ordinal"}
)

Scope = Literal["global", "archive"]


@attrs.frozen
class LabelSet:
    """One label set: the words it reads and the labels it writes.

    Attributes:
        id: the set's name, as the registry's ``labels`` field writes it.
        name: a description ("Russian (fond / opis / delo / list)").
        scope: ``"global"`` sets are read in every text; an ``"archive"``
            set only after the name of an archive that uses it, where its
            words take precedence.
        script: ``"Cyrl"`` or ``"Latn"``: the script the native style
            writes identifiers in.
        base: the set whose written labels this one starts from.
        read: casefolded word without its full stop -> role (a level kind,
            or one of :data:`LOCATOR_ROLES`).
        dot_required: the words read only with their full stop ("per.").
        write: style -> level kind (or leaf, leaves, page, pages, verso,
            year) -> label.
        bare_first: the kind of an unlabelled first level after the archive.
        bare_next: level kind -> the kind of an unlabelled identifier after it
            ("4. doboz, 5/a": after the box, the item).
        ordinal: words read after their number ("4. doboz").
    """

    id: str
    name: str
    scope: Scope
    script: str
    base: str
    read: Mapping[str, str]
    dot_required: frozenset[str]
    write: Mapping[str, Mapping[str, str]]
    bare_first: str | None = None
    bare_next: Mapping[str, str] = attrs.field(factory=dict)
    ordinal: frozenset[str] = frozenset()


def _fail(where: str, message: str) -> RegistryError:
    return RegistryError(f"label set {where}: {message}")


def _words(where: str, role: str, words: Any) -> list[str]:
    if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
        raise _fail(where, f"read.{role} must be a list of words")
    return words


def _one(ident: str, data: Any) -> LabelSet:
    if not isinstance(data, dict):
        raise _fail(ident, "must be a table")
    unknown = set(data) - _SET_KEYS
    if unknown:
        raise _fail(ident, f"unknown key(s) {', '.join(sorted(unknown))}")
    scope = data.get("scope", "global")
    if scope not in {"global", "archive"}:
        raise _fail(ident, f"scope must be 'global' or 'archive', not {scope!r}")
    script = data.get("script", "Latn")
    if script not in {"Latn", "Cyrl"}:
        raise _fail(ident, f"script must be 'Latn' or 'Cyrl', not {script!r}")
    read: dict[str, str] = {}
    dot_required: set[str] = set()
    for role, words in data.get("read", {}).items():
        if role not in LEVEL_ROLES | LOCATOR_ROLES:
            raise _fail(ident, f"unknown role {role!r} in read")
        for word in _words(ident, role, words):
            key = word.casefold()
            if key.endswith(".") and len(key) > 1:
                key = key[:-1]
                dot_required.add(key)
            read[key] = role
    write: dict[str, dict[str, str]] = {}
    for style, labels in data.get("write", {}).items():
        if style not in STYLES:
            raise _fail(ident, f"unknown style {style!r} in write")
        if not isinstance(labels, dict) or not all(isinstance(v, str) for v in labels.values()):
            raise _fail(ident, f"write.{style} must map levels to labels")
        bad = set(labels) - _WRITE_KEYS
        if bad:
            raise _fail(ident, f"unknown level(s) {', '.join(sorted(bad))} in write.{style}")
        write[style] = dict(labels)
    bare_first = data.get("bare_first")
    if bare_first is not None and bare_first not in LEVEL_ROLES:
        raise _fail(ident, f"bare_first must be a level kind, not {bare_first!r}")
    bare_next = data.get("bare_next", {})
    if not isinstance(bare_next, dict) or not all(
        k in LEVEL_ROLES and v in LEVEL_ROLES for k, v in bare_next.items()
    ):
        raise _fail(ident, "bare_next must map level kinds to level kinds")
    ordinal = data.get("ordinal", [])
    return LabelSet(
        id=ident,
        name=str(data.get("name", ident)),
        scope=scope,
        script=script,
        base=str(data.get("base", "ru")),
        read=read,
        dot_required=frozenset(dot_required),
        write=write,
        bare_first=bare_first,
        bare_next=dict(bare_next),
        ordinal=frozenset(w.casefold() for w in _words(ident, "ordinal", ordinal))
        if ordinal
        else frozenset(),
    )


def parse_label_sets(text: str) -> dict[str, LabelSet]:
    """The label sets of a TOML text (its ``[sets.NAME]`` tables); other tables are ignored."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RegistryError(f"the label sets are not valid TOML: {exc}") from exc
    sets = data.get("sets", {})
    if not isinstance(sets, dict):
        raise RegistryError("'sets' must be a table of label sets")
    return {ident: _one(ident, body) for ident, body in sets.items()}


_ADDED: dict[str, LabelSet] = {}
_listeners: list[Any] = []


@cache
def _shipped() -> dict[str, LabelSet]:
    text = resources.files("archref").joinpath("data/levels.toml").read_text("utf-8")
    return parse_label_sets(text)


def label_sets() -> dict[str, LabelSet]:
    """Every label set: the shipped ones, then those added at run time."""
    return dict(_all(id(_ADDED), len(_ADDED)))


@cache
def _all(_added: int, _count: int) -> dict[str, LabelSet]:
    # keyed by the identity and size of the added sets, so adding one is seen
    out = dict(_shipped())
    out.update(_ADDED)
    for ident, one in out.items():
        if one.base not in out:
            raise _fail(ident, f"unknown base {one.base!r}")
    return out


@cache
def lookalikes() -> dict[str, str]:
    """Latin letters typed for the Cyrillic letters they look like, in a fond's prefix:
    the Latin letter written -> the Latin letter of the Cyrillic one meant
    (``data/levels.toml``, its ``[lookalikes]`` table).

    >>> lookalikes()["P"]  # a Latin "P" for the Cyrillic "Р" (R)
    'R'
    """
    text = resources.files("archref").joinpath("data/levels.toml").read_text("utf-8")
    table = tomllib.loads(text).get("lookalikes", {})
    out: dict[str, str] = {}
    for written, meant in table.items():
        if not (isinstance(meant, str) and len(written) == len(meant) == 1):
            raise _fail("lookalikes", f"{written!r} = {meant!r} is not one letter for another")
        out[written] = meant
    return out


@cache
def file_suffixes() -> frozenset[str]:
    """Letters after a file's number that belong to it, casefolded (``data/levels.toml``,
    its ``[file_suffixes]`` table): "спр. 67093-ФП", "д. 17761 пф".

    >>> sorted(file_suffixes())
    ['пф', 'фп']
    """
    text = resources.files("archref").joinpath("data/levels.toml").read_text("utf-8")
    words = tomllib.loads(text).get("file_suffixes", {}).get("words", [])
    if not all(isinstance(w, str) and w.isalpha() and len(w) <= 3 for w in words):
        raise _fail("file_suffixes", "the suffixes are words of up to three letters")
    return frozenset(w.casefold() for w in words)


def label_set_names() -> frozenset[str]:
    """The names an archive's ``labels`` field may take."""
    return frozenset(label_sets())


def add_label_sets(text: str) -> list[str]:
    """Add the label sets of a TOML text (``[sets.NAME]`` tables); return their names.

    A shipped set cannot be redefined. Parsers built afterwards read the
    new words (the fond family's label tables are rebuilt on the next parse).
    """
    new = parse_label_sets(text)
    clash = sorted(set(new) & set(_shipped()))
    if clash:
        raise RegistryError(f"label set(s) {', '.join(clash)} already exist")
    before = dict(_ADDED)
    _ADDED.update(new)
    _all.cache_clear()
    try:
        label_sets()  # check the bases
    except RegistryError:
        _ADDED.clear()
        _ADDED.update(before)
        _all.cache_clear()
        raise
    for listener in _listeners:
        listener()
    return sorted(new)


def on_change(listener: Any) -> None:
    """Call ``listener()`` whenever sets are added (the parser drops its cached tables)."""
    _listeners.append(listener)
