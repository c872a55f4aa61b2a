"""The fast path for runs of plain references: a window read without the scanner.

:func:`archref.notations.fonds.fast_find` reads a window that is one
reference of a plain shape ("РГАСПИ. Ф. 17. Оп. 162. Д. 7. Л. 99."). Dense
notes and generated files hold *runs* of them, with a few words between:

    See RGASPI, f. 558, op. 11, d. 62, ll. 71-72; TsKhSD, f. 5, op. 28, d. 103, l. 2.

:func:`find_runs` cuts such a window into *segments*, each one plain
reference that ``fast_find`` reads, and *gaps*, the text between them, and
answers only where the :class:`~archref.notations.fonds.Scanner` would
read the window exactly so:

* every archive name of the registry in the window begins a segment (one
  compiled pattern finds them all: the names as a trie);
* a segment starts at the beginning of the window or after white space
  (so no word runs into the name), and its reference is closed by a full
  stop or a semicolon (and a parenthesis it opened) and white space, or by
  the end of the window;
* no gap holds a token where the scanner could begin a reference or an
  "ibid." (a level label, a word that begins an archive's name, the dotted
  shorthand; :meth:`~archref.notations.fonds.Scanner.passes_over`), and
  a gap after a segment begins with a letter: nothing the scanner could
  read as more of the reference before (a verso mark, a leaf, a title in
  parentheses) follows it.

The scanner then reads each segment as that segment alone, and passes over
the gaps; anything else gives ``None`` and the window goes to the scanner.
``tests/test_fonds_runs.py`` compares both on generated runs and near
misses, field by field.

>>> text = "See RGASPI, f. 558, op. 11, d. 62, ll. 71-72; TsKhSD, f. 5, op. 28, d. 103, l. 2."
>>> [str(m.reference) for m in find_runs(text)]
['RGASPI, f. 558, op. 11, d. 62, ll. 71–72', 'RGANI, f. 5, op. 28, d. 103, l. 2']
>>> find_runs("RGASPI, f. 17, op. 162, d. 7, l. 5; d. 8, l. 9.") is None  # a chain
True
"""

from __future__ import annotations

import functools
import re

from archref import _patterns
from archref.model import ArchivalReference
from archref.notations import fonds
from archref.registry import Registry, default_registry

__all__ = ["find_runs"]

#: What may close a segment's reference: a parenthesis, then a full stop or a semicolon.
_CLOSE = re.compile(r"\s*(?P<paren>\))?\s*[.;]?\s*\)?\s*[.;]?\s*")
#: Gaps already judged, by text (a run repeats the same few words).
_GAP_CACHE_SIZE = 4096
#: Segments already read, by text.
_READ_CACHE_SIZE = 4096


@functools.cache
def _names(registry: Registry) -> re.Pattern[str]:
    """Every spelling of an archive in ``registry``, after anything but a word character."""
    spellings = registry.spellings()
    return re.compile(r"(?<!\w)" + _patterns.alternation(spellings))


@functools.lru_cache(maxsize=_GAP_CACHE_SIZE)
def _inert(gap: str, then: str, registry: Registry) -> bool:
    """Does the scanner pass over ``gap`` when ``then`` follows (see
    :meth:`fonds.Scanner.passes_over`)?"""
    scanner = fonds.Scanner(gap + then, registry=registry)
    return scanner.passes_over(len(gap) if then else None)


@functools.lru_cache(maxsize=_READ_CACHE_SIZE)
def _read(segment: str, registry: Registry) -> tuple[ArchivalReference, int, int] | None:
    """The reference ``fast_find`` reads in ``segment`` (one plain reference and what
    closes it), with its span; kept, since a document cites the same file again and
    again (a reference is a value: citations may share it)."""
    found = fonds.fast_find(segment, registry)
    if found is None or len(found) != 1:
        return None
    (one,) = found
    if _CLOSE.fullmatch(segment, one.end) is None:
        return None
    return one.reference, one.start, one.end


def find_runs(text: str, registry: Registry | None = None) -> list[fonds.Match] | None:
    """What ``Scanner(text).find()`` finds, when ``text`` is a run of plain references.

    ``None`` when the window is anything else: the scanner reads it.
    """
    registry = registry or default_registry()
    names = _names(registry)
    fast = fonds._fast_pattern(registry)
    out: list[fonds.Match] = []
    pos = 0  # the end of the last segment
    for name in names.finditer(text):
        start = name.start()
        if start < pos:
            continue  # a name inside a segment: the fast path read it with the segment
        a = start - 1 if start > 0 and text[start - 1] == "(" else start
        if a > 0 and not text[a - 1].isspace():
            return None
        m = fast.match(text, a)
        if m is None:
            return None
        b = m.end()
        if b < len(text) and not text[b - 1].isspace():
            return None
        read = _read(text[a:b], registry)
        if read is None:
            return None
        reference, ref_start, ref_end = read
        one = fonds.Match(reference, a + ref_start, a + ref_end)
        tail = text[one.end : b]
        if b < len(text) and ";" not in tail and "." not in tail:
            return None  # nothing closes the reference: the scanner may read on
        if ")" in tail and text[a] != "(":
            return None
        if not _quiet(text[pos:a], pos, text[a : name.end()], registry):
            return None
        out.append(one)
        pos = b
    if not _quiet(text[pos:], pos, "", registry):
        return None
    return out


def _quiet(gap: str, pos: int, then: str, registry: Registry) -> bool:
    """Is ``gap`` (at ``pos`` in the window, ``then`` after it: the next segment's
    name, or nothing at the end) one the scanner passes over, and after a segment,
    does it begin with a letter (nothing that could continue a reference)?"""
    if not gap:
        return True
    if pos > 0 and not gap[0].isalpha():
        return False
    return _inert(gap, then, registry)
