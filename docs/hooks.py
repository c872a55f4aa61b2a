"""Build-time hook of the documentation site.

Pages hold placeholders, HTML comments such as ``<!-- archref:registry-table -->``;
this hook replaces each with content generated from the installed package, so
the tables cannot drift from the code and the data:

* ``<!-- archref:registry-table -->``: every archive of the default registry;
* ``<!-- archref:archive-count -->``: how many archives the registry holds;
* ``<!-- archref:label-table -->``: every label the fond parser reads;
* ``<!-- archref:style-table -->``: the labels each formatting style writes;
* ``<!-- archref:style-table-cousins -->``: where Ukrainian and Bulgarian differ;
* ``<!-- archref:demo-output -->``: the output of ``archref demo``.

``<!-- archref:fields archive -->`` and ``<!-- archref:fields former -->``
generate nothing: they check that the hand-written table right after them
names exactly the fields the registry loader accepts, and fail the build if not.

An unknown placeholder fails the build too.
"""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

import archref
from archref import cli, registry
from archref.model import (
    ArchivalReference,
    Archive,
    Folio,
    FolioRange,
    FormerName,
    Level,
    Locator,
)
from archref.notations import fonds

_PLACEHOLDER = re.compile(r"<!--\s*archref:(?P<name>[a-z-]+)(?:\s+(?P<arg>[a-z-]+))?\s*-->")


# --------------------------------------------------------------------------- helpers


def _cell(text: str) -> str:
    """Make text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def _code(words: Iterable[str]) -> str:
    return ", ".join(f"`{w}`" for w in words) or "—"


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
    ]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _is_cyrillic(word: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in word)


# --------------------------------------------------------------------------- the registry


def _years(former: FormerName) -> str:
    if former.start and former.end:
        if former.start == former.end:
            return f" ({former.start})"
        return f" ({former.start}–{former.end})"
    if former.start:
        return f" (from {former.start})"
    if former.end:
        return f" (to {former.end})"
    return ""


def registry_table() -> str:
    """Every archive of the default registry, one row each, in registry order."""
    rows = []
    for a in archref.default_registry():
        formers = "<br>".join(_cell(f.acronym + _years(f)) for f in a.former_names)
        rows.append(
            [
                f"`{a.id}`",
                ", ".join(a.acronyms) or "—",
                ", ".join(a.acronyms_cyrillic) or "—",
                a.name_en,
                a.city or "—",
                a.country,
                a.labels,
                formers or "—",
            ]
        )
    header = [
        "id",
        "Latin acronyms",
        "Cyrillic acronyms",
        "English name",
        "city",
        "country",
        "labels",
        "former names",
    ]
    return _table(header, rows)


def archive_count() -> str:
    return str(len(archref.default_registry()))


_FIELD_SETS: dict[str, frozenset[str]] = {
    "archive": registry._ARCHIVE_KEYS,
    "former": registry._FORMER_KEYS,
}
_FIELD_ROW = re.compile(r"^\|\s*`(?P<name>[a-z_]+)`")


def check_fields(markdown: str, end: int, which: str) -> None:
    """Check that the table after a ``fields`` placeholder names exactly the accepted keys."""
    if which not in _FIELD_SETS:
        raise PluginError(f"archref:fields takes one of {sorted(_FIELD_SETS)}, not {which!r}")
    documented: set[str] = set()
    in_table = False
    for line in markdown[end:].lstrip("\n").splitlines():
        if not line.startswith("|"):
            if in_table:
                break
            continue
        in_table = True
        m = _FIELD_ROW.match(line)
        if m:
            documented.add(m.group("name"))
    accepted = set(_FIELD_SETS[which])
    if documented != accepted:
        raise PluginError(
            f"the {which} field table is out of date: "
            f"undocumented {sorted(accepted - documented)}, "
            f"not accepted by the loader {sorted(documented - accepted)}"
        )


# --------------------------------------------------------------------------- labels

#: Rows of the label table: (role, level kind) as in fonds._LABELS, and what it means.
_LABEL_ROWS: tuple[tuple[str, str | None, str], ...] = (
    ("level", "fond", "fond"),
    ("level", "opis", "opis (Ukrainian opys, Estonian nimistu)"),
    ("level", "papka", "papka (folder)"),
    ("papka_or_page", None, "papka before a delo, a page after it"),
    ("level", "delo", "delo (Ukrainian sprava, Estonian säilik)"),
    ("level", "tom", "tom (volume)"),
    ("level", "chast", "chast' (part)"),
    ("level", "perechen", "perechen' (a list within a fond, RGANI)"),
    ("level", "dokument", "dokument (a document within a file, RGANI)"),
    ("year", None, "year division, after the year: 1806 g."),
    ("leaf", None, "leaf or leaves (list, Blatt, arkush, folio)"),
    ("page", None, "page or pages"),
    ("verso", None, "verso, after a leaf number"),
    ("recto", None, "recto, after a leaf number"),
)


def label_table() -> str:
    """Every label word the fond parser reads, by what it means and by script."""
    by_role: dict[tuple[str, str | None], list[str]] = {}
    for word, label in fonds._LABELS.items():
        by_role.setdefault((label.role, label.kind), []).append(word)
    rows = []
    for role, kind, meaning in _LABEL_ROWS:
        words = by_role.pop((role, kind), None)
        if words is None:
            raise PluginError(f"the fond parser has no label for {role}/{kind}")
        latin = [w for w in words if not _is_cyrillic(w)]
        cyrillic = [w for w in words if _is_cyrillic(w)]
        rows.append([meaning, _code(latin), _code(cyrillic)])
        if (role, kind) == ("level", "delo"):
            ae = sorted(f"{a}.{e}." for a, e in fonds._table().pairs)
            rows.append(
                [
                    "delo, Bulgarian arkhivna edinitsa",
                    _code(w for w in ae if not _is_cyrillic(w)),
                    _code(w for w in ae if all(_is_cyrillic(ch) for ch in w if ch.isalpha())),
                ]
            )
    if by_role:
        raise PluginError(f"labels missing from the docs' label table: {sorted(by_role)}")
    return _table(["meaning", "Latin script", "Cyrillic script"], rows)


def _sample(kind: str) -> tuple[tuple[Level, ...], Locator | None]:
    """The levels and leaves of a one-part sample reference for a row of the style table."""
    one = Locator.of(FolioRange(Folio("5")))
    two = Locator.of(FolioRange(Folio("5"), Folio("6")))
    samples: dict[str, tuple[tuple[Level, ...], Locator | None]] = {
        "papka after delo": ((Level("delo", "3"), Level("papka", "11")), None),
        "year": ((Level("year", "1806"),), None),
        "leaf": ((), one),
        "leaves": ((), two),
        "page": ((), attrs.evolve(one, unit="page")),
        "pages": ((), attrs.evolve(two, unit="page")),
        "verso": ((), Locator.of(FolioRange(Folio("5", verso=True)))),
    }
    if kind in samples:
        return samples[kind]
    return (Level(kind, "12"),), None  # type: ignore[arg-type]


#: Rows of the style tables: the sample's key and how the row is headed.
_STYLE_ROWS: tuple[tuple[str, str], ...] = (
    ("fond", "fond"),
    ("opis", "opis"),
    ("papka", "papka"),
    ("delo", "delo"),
    ("papka after delo", "papka after a delo"),
    ("tom", "tom"),
    ("chast", "chast' (part)"),
    ("year", "year division"),
    ("leaf", "one leaf"),
    ("leaves", "leaves"),
    ("page", "one page"),
    ("pages", "pages"),
    ("verso", "verso"),
)
_NAME = "ARCHIVE"


def _written(label_set: str, style: str, key: str) -> str:
    """How ``format_reference`` writes the sample ``key`` for an archive of ``label_set``."""
    archive = Archive(id=_NAME, name_en=_NAME, labels=label_set)
    levels, folios = _sample(key)
    text = fonds.format_reference(ArchivalReference(archive, levels, folios), style)
    if not text.startswith(_NAME):
        raise PluginError(f"unexpected output of format_reference: {text!r}")
    return text[len(_NAME) :].lstrip(".,").strip()


def style_table() -> str:
    """What each style writes for each level and locator (the Russian label set)."""
    rows = [
        [meaning, *(f"`{_written('ru', style, key)}`" for style in fonds.STYLES)]
        for key, meaning in _STYLE_ROWS
    ]
    return _table(["", *(f"`{s}`" for s in fonds.STYLES)], rows)


def style_table_cousins() -> str:
    """The rows where the Ukrainian and Bulgarian label sets write something else."""
    rows = []
    for label_set in ("uk", "bg"):
        for key, meaning in _STYLE_ROWS:
            written = [_written(label_set, style, key) for style in fonds.STYLES]
            if written != [_written("ru", style, key) for style in fonds.STYLES]:
                rows.append([f"`{label_set}`", meaning, *(f"`{w}`" for w in written)])
    return _table(["label set", "", *(f"`{s}`" for s in fonds.STYLES)], rows)


def label_sets_table() -> str:
    """Every label set of data/levels.toml: its scope, script and the words it reads."""
    from archref.levels import label_sets  # noqa: PLC0415

    rows = []
    for ident, one in label_sets().items():
        by_role: dict[str, list[str]] = {}
        for word, role in one.read.items():
            by_role.setdefault(role, []).append(word)
        words = "; ".join(f"{role}: {', '.join(ws)}" for role, ws in by_role.items())
        rows.append([f"`{ident}`", one.name, one.scope, one.script, words])
    return _table(["set", "", "scope", "script", "words read"], rows)


# --------------------------------------------------------------------------- the CLI


def demo_output() -> str:
    """``archref demo`` as it prints today, in a text block."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        status = cli.main(["demo"])
    if status != 0:
        raise PluginError(f"archref demo exited with status {status}")
    return "```text\n$ archref demo\n" + out.getvalue().rstrip() + "\n```"


# --------------------------------------------------------------------------- the hook

_GENERATORS: dict[str, Callable[[], str]] = {
    "registry-table": registry_table,
    "archive-count": archive_count,
    "label-table": label_table,
    "label-sets-table": label_sets_table,
    "style-table": style_table,
    "style-table-cousins": style_table_cousins,
    "demo-output": demo_output,
}


def expand(markdown: str) -> str:
    """Replace every placeholder in ``markdown``; raise PluginError on an unknown one."""

    def replace(m: re.Match[str]) -> str:
        name, arg = m.group("name"), m.group("arg")
        if name == "fields":
            check_fields(markdown, m.end(), arg or "")
            return ""
        generator = _GENERATORS.get(name)
        if generator is None:
            raise PluginError(f"unknown placeholder {m.group(0)!r}")
        return generator()

    return _PLACEHOLDER.sub(replace, markdown)


def on_page_markdown(markdown: str, *, page: Page, **kwargs: Any) -> str:
    """MkDocs event: expand the placeholders of each page before it is rendered."""
    try:
        return expand(markdown)
    except PluginError as exc:
        raise PluginError(f"{page.file.src_uri}: {exc}") from exc
