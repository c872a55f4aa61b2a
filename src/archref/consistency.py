"""Consistency within a document: the rules ARC501-ARC505.

Each reference of a book can be right on its own and the book still cite
one archive in two ways: "f. 558" here and "fond 17" there, "RGASPI" in one
note and "РГАСПИ" in the next, the same file under the archive's former
name and its current one, "ll. 71–72" and "l. 71–72" for a range, commas
between the levels of one reference and full stops between those of
another. These rules look at the references of a document together:

* ARC501: level labels abbreviated in some references and in full words in
  others ("f.", "op.", "d." against "fond", "opis", "delo"), among the
  references written with Latin labels;
* ARC502: archives cited by their acronym in the Latin script in some
  references and in the Cyrillic script in others ("RGASPI", "РГАСПИ");
* ARC503: one file (archive, fond, opis, delo) cited under a former name of
  its archive in some references and a current one in others ("TsKhSD" and
  "RGANI");
* ARC504: several leaves cited with "l." where the document (or the
  convention) writes "ll.", or "ll." for one leaf; or, in a document whose
  house style is "l." throughout, "ll.";
* ARC505: the levels of some references separated by commas and those of
  others by full stops or spaces, among references in one script. What a
  reader put between fields it joined (a seam of the chunk: the ``", "``
  between a bibliography entry's archive and its location) is no one's
  punctuation and is not counted.

The form a document is held to comes from :class:`Preferences` (set in
code, or by ``archref check --prefer``), and where a preference is not set
from the document itself: the form most of its references use (the first
used, on a tie). ARC503 prefers the archive's current name (the spelling
of it used most). ARC504 holds to "ll." for several leaves unless
the preference, or a document that writes "l." for several leaves at
least twice and more often than "ll.", says "l.".

Each diagnostic carries a ``fix`` that rewrites its span in the preferred
form, where that form can be written in the reference's own notation, so
``archref fix`` can apply it; running ``fix`` again changes nothing, as the
document then holds to one form.

>>> from archref.readers import read_string, extract_document
>>> text = "RGASPI, f. 558, op. 11, d. 62, l. 71-72.\\n\\nRGASPI, f. 17, op. 3, d. 1051, l. 44.\\n"
>>> text += "\\nRGASPI, fond 17, opis 162, delo 7, list 99.\\n"
>>> found = document_diagnostics(extract_document(read_string(text, "text")))
>>> [(d.code, d.text, d.fix) for _, d in found]
[('ARC501', 'fond 17, opis 162, delo 7, list', 'f. 17, op. 162, d. 7, l.'), ('ARC504', 'l.', 'll.')]
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal, TypeVar, get_args

import attrs

from archref.model import ArchivalReference, Diagnostic
from archref.model._keys import alias_key
from archref.readers.extraction import LocatedCitation

__all__ = ["PREFERENCE_KEYS", "Preferences", "document_diagnostics", "preferences"]

T = TypeVar("T", bound=str)

LabelForm = Literal["abbreviated", "full"]
Script = Literal["latin", "cyrillic"]
Leaves = Literal["ll.", "l."]
Punctuation = Literal["comma", "full-stop", "space"]


def _one_of(kind: Any) -> Any:
    return attrs.validators.optional(attrs.validators.in_(get_args(kind)))


@attrs.frozen
class Preferences:
    """The forms a document is held to; ``None`` leaves the choice to the document.

    Attributes:
        labels: ``"abbreviated"`` ("f. 558, op. 11") or ``"full"`` ("fond 558,
            opis 11"), for references with Latin labels (ARC501).
        script: ``"latin"`` ("RGASPI") or ``"cyrillic"`` ("РГАСПИ"), for
            archive acronyms (ARC502).
        leaves: ``"ll."`` (several leaves are "ll.", one is "l.") or ``"l."``
            ("l." throughout), for Latin labels (ARC504).
        punctuation: ``"comma"`` ("f. 558, op. 11"), ``"full-stop"``
            ("Ф. 558. Оп. 11") or ``"space"`` ("f. 558 op. 11") between
            levels (ARC505).
    """

    labels: LabelForm | None = attrs.field(default=None, validator=_one_of(LabelForm))
    script: Script | None = attrs.field(default=None, validator=_one_of(Script))
    leaves: Leaves | None = attrs.field(default=None, validator=_one_of(Leaves))
    punctuation: Punctuation | None = attrs.field(default=None, validator=_one_of(Punctuation))


#: The keys of :class:`Preferences` and the values each takes.
PREFERENCE_KEYS: dict[str, tuple[str, ...]] = {
    "labels": get_args(LabelForm),
    "script": get_args(Script),
    "leaves": get_args(Leaves),
    "punctuation": get_args(Punctuation),
}


def preferences(settings: Mapping[str, Any] | Iterable[str] | Preferences | None) -> Preferences:
    """:class:`Preferences` from a mapping (a configuration table) or from
    ``KEY=VALUE`` strings (the command line's ``--prefer``).

    >>> preferences(["labels=full", "script=latin"])
    Preferences(labels='full', script='latin', leaves=None, punctuation=None)
    >>> preferences({"leaves": "l."}).leaves
    'l.'
    >>> preferences(["labels=long"])
    Traceback (most recent call last):
    ...
    ValueError: preference 'labels' must be one of 'abbreviated', 'full', not 'long'
    """
    if settings is None:
        return Preferences()
    if isinstance(settings, Preferences):
        return settings
    if isinstance(settings, str):
        raise TypeError("settings must be a mapping or a list of KEY=VALUE strings, not a str")
    items: dict[str, Any] = {}
    if isinstance(settings, Mapping):
        items = dict(settings)
    else:
        for item in settings:
            key, sep, value = str(item).partition("=")
            if not sep:
                raise ValueError(f"a preference is KEY=VALUE, not {item!r}")
            items[key.strip()] = value.strip()
    for key, value in items.items():
        allowed = PREFERENCE_KEYS.get(key)
        if allowed is None:
            known = ", ".join(PREFERENCE_KEYS)
            raise ValueError(f"unknown preference {key!r}; known: {known}")
        if value not in allowed:
            listed = ", ".join(repr(v) for v in allowed)
            raise ValueError(f"preference {key!r} must be one of {listed}, not {value!r}")
    return Preferences(**items)


# --------------------------------------------------------------------------- layout

#: Diagnostics, each with the citation it is about.
_Found = list[tuple[LocatedCitation, Diagnostic]]


@attrs.frozen
class _Label:
    kind: str  # a level kind, or "leaf"
    start: int  # offsets into the chunk
    end: int
    text: str
    value_end: int


@attrs.frozen
class _Layout:
    """Where the parts of a fond-family reference are in its chunk."""

    located: LocatedCitation
    ref: ArchivalReference
    archive: tuple[int, int] | None  # the archive's name as cited
    labels: tuple[_Label, ...]
    leaf: _Label | None
    #: The script of the labels, when they are all in one (every rule asks: kept).
    script: Script | None = attrs.field(init=False)

    @script.default
    def _script(self) -> Script | None:
        scripts = {
            _script_of(lb.text) for lb in (*self.labels, *([self.leaf] if self.leaf else []))
        }
        return scripts.pop() if len(scripts) == 1 else None


_CYRILLIC = re.compile("[\u0400-\u04ff]")


def _script_of(text: str) -> Script:
    return "cyrillic" if _CYRILLIC.search(text) is not None else "latin"


def _find_label(text: str, label: str, value: str, pos: int) -> tuple[int, int, int] | None:
    """The label (at or after ``pos``) followed by up to three spaces and the value:
    its start, its end, and the value's end."""
    while True:
        at = text.find(label, pos)
        if at < 0:
            return None
        after = at + len(label)
        k = after
        while k < len(text) and k - after < 3 and text[k] == " ":
            k += 1
        if text.startswith(value, k) and (at == 0 or not text[at - 1].isalnum()):
            return at, after, k + len(value)
        pos = at + 1


def _layout(located: LocatedCitation) -> _Layout | None:
    citation = located.citation
    ref = citation.reference
    if not isinstance(ref, ArchivalReference) or ref.notation != "fonds":
        return None
    chunk_text = located.chunk.text
    text = citation.text
    if chunk_text[citation.start : citation.end] != text:
        return None
    base = citation.start
    archive = None
    pos = 0
    cited = ref.archive_as_cited
    if cited and citation.form == "full" and text.startswith(cited):
        archive = (base, base + len(cited))
        pos = len(cited)
    labels: list[_Label] = []
    for level in ref.levels:
        if not level.label:
            continue
        hit = _find_label(text, level.label, level.value, pos)
        if hit is None:
            continue
        labels.append(_Label(level.kind, base + hit[0], base + hit[1], level.label, base + hit[2]))
        pos = hit[2]
    leaf = None
    folios = ref.folios
    if folios is not None and folios.label and folios.text:
        hit = _find_label(text, folios.label, folios.text, pos)
        if hit is not None:
            leaf = _Label("leaf", base + hit[0], base + hit[1], folios.label, base + hit[2])
    return _Layout(located, ref, archive, tuple(labels), leaf)


# --------------------------------------------------------------------------- labels

_ABBREVIATED = {"fond": "f.", "opis": "op.", "papka": "p.", "delo": "d.", "tom": "t."}
_FULL = {"fond": "fond", "opis": "opis", "papka": "papka", "delo": "delo", "tom": "tom"}
_LEAF_ABBREVIATED = ("l.", "ll.")
_LEAF_FULL = ("list", "listy")


#: The form of each (kind, label) written in one of the two forms: a label elsewhere
#: ("Ф.", "Bl.", "delo" for a fond) has none.
_LABEL_FORMS: dict[tuple[str, str], LabelForm] = {
    **{("leaf", w): "abbreviated" for w in _LEAF_ABBREVIATED},
    **{("leaf", w): "full" for w in _LEAF_FULL},
    **dict.fromkeys(_ABBREVIATED.items(), "abbreviated"),
    **dict.fromkeys(_FULL.items(), "full"),
}
#: Words read as written in full whatever level they label.
_FULL_ANY = ("opis'", "fonds")


def _label_form(label: _Label) -> LabelForm | None:
    word = label.text.casefold()
    form = _LABEL_FORMS.get((label.kind, word))
    if form is None and label.kind != "leaf" and word in _FULL_ANY:
        return "full"
    return form


def _written(label: _Label, form: LabelForm, plural: bool) -> str | None:
    """The label in ``form``, capitalised as written."""
    if label.kind == "leaf":
        word = (_LEAF_ABBREVIATED if form == "abbreviated" else _LEAF_FULL)[int(plural)]
    else:
        table = _ABBREVIATED if form == "abbreviated" else _FULL
        found = table.get(label.kind)
        if found is None:
            return None
        word = found
    return word.capitalize() if label.text[:1].isupper() else word


_FORM_WORDS: dict[LabelForm, str] = {
    "abbreviated": "abbreviated (f., op., d., l.)",
    "full": "in full (fond, opis, delo, list)",
}


def _citation_form(layout: _Layout) -> LabelForm | None:
    """The label form of a reference with Latin labels, when all its labels share one."""
    if layout.script != "latin":
        return None
    every = [*layout.labels, *([layout.leaf] if layout.leaf else [])]
    forms = {_label_form(lb) for lb in every}
    if len(forms) != 1:
        return None
    return forms.pop()


def _majority(values: Sequence[T]) -> T | None:
    """The value used most (the first used on a tie), or ``None`` for no values."""
    if not values:
        return None
    counts = Counter(values)
    best = max(counts.values())
    return next(v for v in values if counts[v] == best)


def _arc501(
    layouts: list[_Layout], prefer: Preferences
) -> list[tuple[LocatedCitation, Diagnostic]]:
    forms = [(lay, _citation_form(lay)) for lay in layouts]
    used = [f for _, f in forms if f is not None]
    if len(set(used)) < 2 and prefer.labels is None:
        return []
    target = prefer.labels or _majority(used)
    out = []
    for lay, form in forms:
        if form is None or form == target or target is None:
            continue
        every = [*lay.labels, *([lay.leaf] if lay.leaf else [])]
        chunk = lay.located.chunk.text
        start, end = every[0].start, every[-1].end
        pieces = []
        pos = start
        fixable = True
        for lb in every:
            plural = lb.kind == "leaf" and lay.ref.folios is not None and lay.ref.folios.is_plural
            word = _written(lb, "abbreviated" if target == "abbreviated" else "full", plural)
            if word is None:
                fixable = False
                break
            pieces += [chunk[pos : lb.start], word]
            pos = lb.end
        text = chunk[start:end]
        fix = "".join(pieces) + chunk[pos:end] if fixable else None
        why = "set as the preference" if prefer.labels else "used by most references here"
        out.append(
            (
                lay.located,
                Diagnostic(
                    "ARC501",
                    f"labels written {_FORM_WORDS[form]}, where this document writes them"
                    f" {_FORM_WORDS[target]} ({why})",
                    "info",
                    start,
                    end,
                    text,
                    fix=fix,
                ),
            )
        )
    return out


# --------------------------------------------------------------------------- scripts


def _acronym_script(lay: _Layout) -> Script | None:
    """The script of the archive's acronym as cited, when it is one of its acronyms."""
    archive = lay.ref.archive
    if lay.archive is None or archive is None:
        return None
    key = alias_key(lay.ref.archive_as_cited or "")
    latin, cyrillic = _acronym_keys(archive.id, archive.acronyms, archive.acronyms_cyrillic)
    if key in latin:
        return "latin"
    if key in cyrillic:
        return "cyrillic"
    return None


@functools.lru_cache(maxsize=1024)
def _acronym_keys(
    archive_id: str, acronyms: tuple[str, ...], cyrillic: tuple[str, ...]
) -> tuple[frozenset[str], frozenset[str]]:
    """The keys of an archive's Latin acronyms (its id first) and of its Cyrillic ones."""
    return (
        frozenset(alias_key(a) for a in (archive_id, *acronyms)),
        frozenset(alias_key(a) for a in cyrillic),
    )


def _arc502(
    layouts: list[_Layout], prefer: Preferences
) -> list[tuple[LocatedCitation, Diagnostic]]:
    scripts = [(lay, _acronym_script(lay)) for lay in layouts]
    used = [s for _, s in scripts if s is not None]
    if len(set(used)) < 2 and prefer.script is None:
        return []
    target = prefer.script or _majority(used)
    out = []
    for lay, script in scripts:
        archive = lay.ref.archive
        if script is None or script == target or archive is None or lay.archive is None:
            continue
        other = archive.id if target == "latin" else archive.acronym_cyrillic
        if other is None:
            continue
        start, end = lay.archive
        text = lay.located.chunk.text[start:end]
        # the acronym alone is rewritten only where the labels are in the target script
        fix = other if lay.script in (target, None) and lay.labels else None
        style = "en" if target == "latin" else "ru"
        why = "set as the preference" if prefer.script else "as most references here write it"
        out.append(
            (
                lay.located,
                Diagnostic(
                    "ARC502",
                    f"{text} is written in the {script} script; this document writes archive"
                    f" acronyms in the {target} script ({why}): {other}",
                    "warning",
                    start,
                    end,
                    text,
                    suggestion=lay.ref.format(style),
                    fix=fix,
                ),
            )
        )
    return out


# --------------------------------------------------------------------------- names


def _arc503(layouts: list[_Layout]) -> _Found:
    from archref.notations.fonds import current_name  # noqa: PLC0415

    files: dict[tuple[object, ...], list[_Layout]] = {}
    for lay in layouts:
        archive = lay.ref.archive
        if lay.archive is None or archive is None or lay.ref.delo is None:
            continue
        key = (archive.id, lay.ref.fond, lay.ref.opis, lay.ref.delo)
        files.setdefault(key, []).append(lay)
    out = []
    for group in files.values():
        spellings = [lay.ref.archive_as_cited or "" for lay in group]
        archive = group[0].ref.archive
        assert archive is not None
        current = [s for s in spellings if archive.former_name(s) is None]
        if not current or len(current) == len(spellings):
            # one name throughout, or its current names only ("Russian State Archive
            # of Socio-Political History (RGASPI)" at the first mention, "RGASPI" after)
            continue
        preferred = _majority(current)
        assert preferred is not None
        for lay, spelling in zip(group, spellings, strict=True):
            if archive.former_name(spelling) is None:
                continue
            assert lay.archive is not None
            start, end = lay.archive
            text = lay.located.chunk.text[start:end]
            fix: str | None = current_name(archive, spelling)
            out.append(
                (
                    lay.located,
                    Diagnostic(
                        "ARC503",
                        f"this file ({archive.id}, f. {lay.ref.fond}, d. {lay.ref.delo}) is cited"
                        f" as {preferred!r} elsewhere in this document, here as {spelling!r}",
                        "warning",
                        start,
                        end,
                        text,
                        fix=fix if fix != text else None,
                    ),
                )
            )
    return out


# --------------------------------------------------------------------------- leaves


def _arc504(
    layouts: list[_Layout], prefer: Preferences
) -> list[tuple[LocatedCitation, Diagnostic]]:
    leaves = [
        (lay, lay.leaf, lay.ref.folios.is_plural)
        for lay in layouts
        if lay.leaf is not None
        and lay.ref.folios is not None
        and lay.leaf.text in _LEAF_ABBREVIATED
        and lay.ref.folios.unit == "leaf"
    ]
    plural = [lb.text for _, lb, many in leaves if many]
    target: Leaves = prefer.leaves or (
        "l." if plural.count("l.") >= 2 and plural.count("l.") > plural.count("ll.") else "ll."
    )
    out = []
    for lay, lb, many in leaves:
        want = "l." if target == "l." or not many else "ll."
        if lb.text == want:
            continue
        if target == "l.":
            why = "this document writes 'l.' for one leaf and for several"
        elif many:
            why = "several leaves are 'll.'"
        else:
            why = "one leaf is 'l.'"
        out.append(
            (
                lay.located,
                Diagnostic(
                    "ARC504",
                    f"{lb.text!r} for {'several leaves' if many else 'one leaf'}: {why}",
                    "warning",
                    lb.start,
                    lb.end,
                    lb.text,
                    fix=want,
                ),
            )
        )
    return out


# --------------------------------------------------------------------------- punctuation

_SEPARATORS: dict[str, Punctuation] = {",": "comma", ".": "full-stop", "": "space"}
_WRITTEN: dict[Punctuation, str] = {"comma": ", ", "full-stop": ". ", "space": " "}


def _gaps(lay: _Layout) -> list[tuple[int, int, Punctuation]] | None:
    """The separators after the archive's name, between the levels and before the
    leaves: spans and kinds, or ``None`` when one is none of a comma, a full
    stop or one to three spaces.

    A separator the reader put there (a seam of the chunk: the ``", "``
    between a BibTeX or CSL-JSON entry's archive field and its location
    field, read as one reference) is not the author's and is left out: the
    entry's punctuation is that of its location field.
    """
    every = [*lay.labels, *([lay.leaf] if lay.leaf else [])]
    chunk_of = lay.located.chunk
    chunk = chunk_of.text
    pairs = [(before.value_end, after.start) for before, after in itertools.pairwise(every)]
    if lay.archive is not None and every:
        pairs.insert(0, (lay.archive[1], every[0].start))
    out = []
    for end, start in pairs:
        if not chunk_of.written(end, start):
            continue
        gap = chunk[end:start]
        kind = _SEPARATORS.get(gap.strip())
        if kind is None or not gap.startswith(gap.strip()) or len(gap) > 3 or " " not in gap:
            return None
        out.append((end, start, kind))
    return out


def _arc505(layouts: list[_Layout], prefer: Preferences) -> _Found:
    out = []
    for script in ("latin", "cyrillic"):
        styled = []
        for lay in layouts:
            gaps = _gaps(lay) if lay.script == script else None
            if gaps:
                styled.append((lay, gaps))
        # the style of each reference that keeps to one; a mixed one follows the others
        used: list[Punctuation] = [g[0][2] for _, g in styled if len({k for _, _, k in g}) == 1]
        mixed = any(len({k for _, _, k in g}) > 1 for _, g in styled)
        if len(set(used)) < 2 and not mixed and prefer.punctuation is None:
            continue
        target = prefer.punctuation or _majority(used)
        if target is None:
            continue
        for lay, gaps in styled:
            kinds = {k for _, _, k in gaps}
            if kinds == {target}:
                continue
            chunk = lay.located.chunk.text
            start, end = gaps[0][0], gaps[-1][1]
            pieces, pos = [], start
            for g0, g1, _ in gaps:
                pieces += [chunk[pos:g0], _WRITTEN[target]]
                pos = g1
            # a span over a seam is not one stretch of the file: no fix writes it
            fix = None
            if lay.located.chunk.written(start, end):
                fix = "".join(pieces) + chunk[pos:end]
            written = " and ".join(_WORDS[k] for k in sorted(kinds))
            why = "set as the preference" if prefer.punctuation else "as most references here"
            out.append(
                (
                    lay.located,
                    Diagnostic(
                        "ARC505",
                        f"levels separated by {written}, where this document separates them"
                        f" by {_WORDS[target]} ({why})",
                        "info",
                        start,
                        end,
                        chunk[start:end],
                        fix=fix,
                    ),
                )
            )
    return out


_WORDS: dict[Punctuation, str] = {"comma": "commas", "full-stop": "full stops", "space": "spaces"}


def document_diagnostics(
    citations: Sequence[LocatedCitation], prefer: Preferences | None = None
) -> list[tuple[LocatedCitation, Diagnostic]]:
    """The consistency diagnostics of a document's citations (from
    :func:`archref.readers.extract_document`), each with the citation it is
    about; offsets point into the citation's chunk."""
    if prefer is None:
        prefer = Preferences()
    elif not isinstance(prefer, Preferences):
        raise TypeError(f"prefer must be a Preferences object, not {type(prefer).__name__}")
    layouts = [lay for lay in map(_layout, citations) if lay is not None]
    return [
        *_arc501(layouts, prefer),
        *_arc502(layouts, prefer),
        *_arc503(layouts),
        *_arc504(layouts, prefer),
        *_arc505(layouts, prefer),
    ]
