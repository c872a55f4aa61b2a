"""Suggestions, "did you mean ...?": the closest known names to a name archref does not know.

An archive the registry does not know ("RGAPSI"), a TNA department code
that is not in the list ("PO 371/23461"), a UN organ or subsidiary body
that is not in the vocabulary: each is most often a slip of the pen or of
OCR for a name that *is* known. :func:`closest` ranks the known names by
their likeness to the one written.

The measure is :class:`difflib.SequenceMatcher`'s ratio, from the standard
library: the registry holds a few hundred names and a document a handful
of unknown ones, so speed is no reason for a dependency (rapidfuzz would be
one); what matters is which names are offered. The ratio is read against
a bar that depends on the length of the name, and a short code is
compared by edits instead: on two letters a ratio says little ("PO" and
"FO" share one letter of two, as "PO" and "PC" do), so for names of up to
four characters only names one edit away (a letter changed, added,
dropped, or two neighbours swapped) are offered.

>>> closest("RGAPSI", ["RGASPI", "RGANI", "GARF", "RGAE"])
['RGASPI']
>>> closest("TsKhDS", ["TsKhSD", "TsKhDMO", "RGANI"])
['TsKhSD']
>>> closest("PO", ["FO", "HO", "PREM", "WO", "CO"], limit=3)
['CO', 'FO', 'HO']
>>> closest("Личный архив автора", ["RGASPI", "GARF"])
[]
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from archref.model import ArchivalReference
    from archref.registry import Registry

__all__ = [
    "archive_names",
    "closest",
    "did_you_mean",
    "edit_distance",
    "misspelt_archive",
    "unknown_archive",
]

#: Names longer than this are not compared (a name is a few words at most).
MAX_LENGTH = 120
#: The shortest name (its alias key: letters and digits) that :func:`misspelt_archive`
#: reads as the known name one edit away; an acronym one edit from another is
#: most often another archive.
MISSPELT_MIN = 14


def edit_distance(a: str, b: str, bound: int = 2) -> int:
    """The number of edits (a character changed, added or dropped, or two
    neighbours swapped) that turn ``a`` into ``b``, or ``bound + 1`` when it
    is more than ``bound``.

    >>> edit_distance("RGAPSI", "RGASPI"), edit_distance("PO", "FO"), edit_distance("A", "ABCD")
    (1, 1, 3)
    """
    if abs(len(a) - len(b)) > bound:
        return bound + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], prev2[j - 2] + 1)
        if min(row) > bound:
            return bound + 1
        prev2, prev = prev, row
    return min(prev[len(b)], bound + 1)


def _cutoff(length: int) -> float:
    return 0.8 if length < 12 else 0.75


def closest(name: str, known: Iterable[str], *, limit: int = 1) -> list[str]:
    """The known names most like ``name`` (compared without regard to case), best first.

    Short names (up to four characters) are matched by one edit; longer ones
    by :class:`difflib.SequenceMatcher`'s ratio, those fewest edits away first (so
    a swap of two letters comes before a letter changed). Ties keep alphabetical order.
    """
    if not isinstance(name, str):
        raise TypeError(f"name must be a str, not {type(name).__name__}")
    word = name.strip()
    if len(word) < 2 or len(word) > MAX_LENGTH:
        return []  # one letter is one edit from every other letter: nothing to tell
    key = word.casefold()
    scored: list[tuple[int, float, str]] = []
    for candidate in sorted(set(known)):
        other = candidate.casefold()
        if other == key or not other:
            continue
        if len(key) <= 4 or len(other) <= 4:
            if edit_distance(key, other, 1) <= 1 and len(other) > 1:
                scored.append((1, 1.0, candidate))
            continue
        matcher = difflib.SequenceMatcher(None, key, other, autojunk=False)
        if matcher.real_quick_ratio() < _cutoff(len(key)) or matcher.quick_ratio() < _cutoff(
            len(key)
        ):
            continue
        ratio = matcher.ratio()
        if ratio >= _cutoff(len(key)):
            scored.append((edit_distance(key, other, 2), ratio, candidate))
    scored.sort(key=lambda s: (s[0], -s[1]))  # fewest edits first (a swap is one), then likeness
    return [c for _, _, c in scored[:limit]]


def did_you_mean(names: list[str]) -> str:
    """The names as a question: ``"; did you mean 'FO', 'HO' or 'WO'?"``, or ``""``.

    >>> did_you_mean(["RGASPI"]), did_you_mean([])
    ("; did you mean 'RGASPI'?", '')
    >>> did_you_mean(["FO", "HO", "WO"])
    "; did you mean 'FO', 'HO' or 'WO'?"
    """
    if not names:
        return ""
    quoted = [repr(n) for n in names]
    listed = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"
    return f"; did you mean {listed}?"


@functools.lru_cache(maxsize=8)
def _spellings(registry: Registry) -> tuple[str, ...]:
    return tuple(registry.spellings())


def archive_names(cited: str, registry: Registry | None = None, *, limit: int = 1) -> list[str]:
    """The registry's names most like an archive name it does not know.

    When the whole name is like none, the name without its first words is
    tried (a capitalised word before the archive is often read into the
    name: "See RGAPSI").

    >>> archive_names("RGAPSI"), archive_names("See RGAPSI"), archive_names("TsKhDS")
    (['RGASPI'], ['RGASPI'], ['TsKhSD'])
    """
    if registry is None:
        from archref.registry import default_registry  # noqa: PLC0415

        registry = default_registry()
    known = _spellings(registry)
    words = cited.split()
    for k in range(min(len(words), 4)):
        found = closest(" ".join(words[k:]), known, limit=limit * 3)
        if found:
            shown = dict.fromkeys(_display(registry, name) for name in found)
            return list(shown)[:limit]
    return []


@functools.lru_cache(maxsize=8)
def _long_keys(registry: Registry) -> dict[int, tuple[tuple[str, str], ...]]:
    """The registry's long spellings by the length of their alias key: (key, spelling)."""
    from archref.model._keys import alias_key  # noqa: PLC0415

    out: dict[int, list[tuple[str, str]]] = {}
    for spelling in registry.spellings():
        key = alias_key(spelling)
        if len(key) >= MISSPELT_MIN - 1:
            out.setdefault(len(key), []).append((key, spelling))
    return {n: tuple(sorted(v)) for n, v in out.items()}


def misspelt_archive(cited: str, registry: Registry | None = None) -> str | None:
    """The registry's spelling of the archive a long name misspells by one letter, or ``None``.

    A full name one edit (a letter changed, added, dropped or two neighbours
    swapped) from a name of exactly one archive is that archive's name
    misspelt: "Госархив Винниской обл." is "Госархив Винницкой обл.".
    Names are compared as registry aliases are (without case, spaces or full
    stops); a name of fewer than :data:`MISSPELT_MIN` letters is never read
    so, nor one a shorter edit away from two archives' names.

    >>> misspelt_archive("Госархив Винниской обл.")
    'Госархив Винницкой обл.'
    >>> misspelt_archive("Гос. архив Винниской обл")  # written as the note writes it
    'Гос. архив Винницкой обл'
    >>> misspelt_archive("RGAPSI") is None, misspelt_archive("Госархив Винницкой обл.") is None
    (True, True)
    """
    from archref.model._keys import alias_key  # noqa: PLC0415

    if registry is None:
        from archref.registry import default_registry  # noqa: PLC0415

        registry = default_registry()
    key = alias_key(cited)
    if len(key) < MISSPELT_MIN or len(key) > MAX_LENGTH or registry.lookup_key(key) is not None:
        return None
    by_length = _long_keys(registry)
    found: dict[str, list[str]] = {}
    for n in (len(key) - 1, len(key), len(key) + 1):
        for other, spelling in by_length.get(n, ()):
            if edit_distance(key, other, 1) <= 1:
                hit = registry.lookup_key(other)
                if hit is not None:
                    found.setdefault(hit.archive.id, []).append(spelling)
    if len(found) != 1:
        return None
    (spellings,) = found.values()
    written = cited.strip().casefold()
    best = max(  # the spelling most like the one written: "Госархив", not "Гос. архив"
        sorted(spellings),
        key=lambda s: difflib.SequenceMatcher(None, written, s.casefold(), autojunk=False).ratio(),
    )
    return best if cited.strip().endswith(".") or not best.endswith(".") else best[:-1]


def _display(registry: Registry, spelling: str) -> str:
    """How the registry writes the name a spelling stands for: an acronym as the
    archive's (or the former name's) own acronym, in the spelling's script."""
    from archref.model._keys import alias_key  # noqa: PLC0415

    hit = registry.lookup(spelling)
    if hit is None:  # pragma: no cover - every spelling is in the registry
        return spelling
    key = alias_key(spelling)
    if hit.former is not None:
        if key in {alias_key(a) for a in (hit.former.acronym, *hit.former.aliases)}:
            cyrillic = [a for a in hit.former.aliases if _is_cyrillic(a)]
            return cyrillic[0] if _is_cyrillic(spelling) and cyrillic else hit.former.acronym
        return spelling
    archive = hit.archive
    if key in {alias_key(a) for a in (archive.id, *archive.acronyms)}:
        return archive.id
    if key in {alias_key(a) for a in archive.acronyms_cyrillic}:
        return archive.acronym_cyrillic or spelling
    return spelling


def _is_cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def unknown_archive(ref: ArchivalReference, cited: str) -> tuple[str, str | None]:
    """For an archive name the registry does not know: a "did you mean" to add to
    the message, and the reference as probably meant (read again with the
    likeliest name in place of the one written), or ``("", None)``.

    >>> from archref.notations.fonds import parse
    >>> unknown_archive(parse("RGAPSI, f. 558, op. 11, d. 62, ll. 71-72"), "RGAPSI")
    ("; did you mean 'RGASPI'?", 'RGASPI, f. 558, op. 11, d. 62, ll. 71–72')
    """
    names = archive_names(cited, limit=3)
    if not names:
        return "", None
    suggestion = None
    text = ref.text or ""
    at = text.find(cited)
    if at >= 0:
        from archref.model import ParseError  # noqa: PLC0415
        from archref.notations import archival_notation  # noqa: PLC0415

        family = archival_notation(ref.notation)
        again = text[:at] + names[0] + text[at + len(cited) :]
        try:
            found = family.parse(again)
        except (ParseError, ValueError):
            found = None
        if found is not None and found.archive is not None:
            suggestion = family.format_reference(found)
    return did_you_mean(names), suggestion
