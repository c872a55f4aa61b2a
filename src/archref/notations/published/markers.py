"""The words that introduce a publication ("Published in:", "Цит. по:", "See also")."""

from __future__ import annotations

from typing import Literal

from ._base import _BaseParser
from ._lexer import _Tok

Relation = Literal["published-in", "quoted-in", "see", "see-also", "source"]

# Words that introduce a publication, as casefolded token texts; each may be
# followed by a colon, which belongs to the marker.
_MARKERS: tuple[tuple[tuple[str, ...], Relation], ...] = (
    (("published", "in"), "published-in"),
    (("also", "published", "in"), "published-in"),
    (("reprinted", "in"), "published-in"),
    (("is", "published", "in"), "published-in"),
    (("printed", "in"), "published-in"),
    (("is", "printed", "in"), "published-in"),
    (("опубликовано",), "published-in"),
    (("опубликован",), "published-in"),
    (("опубл",), "published-in"),
    (("quoted", "in"), "quoted-in"),
    (("cited", "in"), "quoted-in"),
    (("цит", "по"), "quoted-in"),
    (("цит", ".", "по"), "quoted-in"),
    (("цит", "по"), "quoted-in"),
    (("see", "also"), "see-also"),
    (("see", "for", "example"), "see"),
    (("see", "e", ".", "g", "."), "see"),
    (("see",), "see"),
    (("cf", "."), "see"),
    (("см", ".", "также"), "see-also"),
    (("см", "."), "see"),
    (("source",), "source"),
    (("источник",), "source"),
)

_MARKERS_BY_FIRST: dict[str, list[tuple[tuple[str, ...], Relation]]] = {}
for _words, _relation in _MARKERS:
    _MARKERS_BY_FIRST.setdefault(_words[0], []).append((_words, _relation))


def _token_text(t: _Tok) -> str:
    return t.text.casefold()


def _marker_at(p: _BaseParser, i: int) -> tuple[Relation, int] | None:
    """Words that introduce a publication at ``i``: the relation and the index after them."""
    toks = p.toks
    if i >= len(toks):
        return None
    candidates = _MARKERS_BY_FIRST.get(p.folded[i])
    if candidates is None:
        return None
    for words, relation in candidates:
        j = i
        ok = True
        for w in words:
            if j < len(toks) and _token_text(toks[j]) == w:
                j += 1
            else:
                ok = False
                break
        if not ok:
            continue
        if words[0] in {"опубликовано", "опубликован", "опубл"}:
            # "Опубликовано без указания места хранения:" -- up to the colon
            k = j
            while k < len(toks) and k - j < 12 and not p.is_punct(k, ":;"):
                k += 1
            if not p.is_punct(k, ":"):
                if p.is_punct(j, "."):
                    return relation, j + 1
                return None
            j = k
        if p.is_punct(j, ":"):
            j += 1
        elif words in {("source",), ("источник",)} or (
            words == ("see",) and not (j < len(toks) and toks[j].kind in {"word", "quote", "star"})
        ):
            return None
        return relation, j
    return None
