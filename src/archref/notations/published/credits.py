"""Credits for a document: "Translated for NKIDP by Gary Goldberg", "Contributed by ..."."""

from __future__ import annotations

from typing import Literal

import attrs

from archref.model import Person

from ._base import _BaseParser

__all__ = ["Credit", "CreditMatch", "CreditRole"]

CreditRole = Literal["translator", "contributor", "editor"]


@attrs.frozen
class Credit:
    """Someone credited with a share of the document: "Translated for NKIDP by Gary Goldberg".

    The credit is for the document the note is about (its translation into
    English, its finding), not for a publication of it, so it is not put in
    any :attr:`PublishedWork.translators`.
    """

    role: CreditRole
    person: Person
    on_behalf_of: str | None = None
    text: str = attrs.field(default="", eq=False, repr=False)

    def __str__(self) -> str:
        """The credit in words: "translator: Gary Goldberg (for NKIDP)"."""
        out = f"{self.role}: {self.person}"
        if self.on_behalf_of:
            out += f" (for {self.on_behalf_of})"
        return out


@attrs.frozen
class CreditMatch:
    """A :class:`Credit` found in a note, with its span in the original text."""

    credit: Credit
    start: int
    end: int


_CREDIT_VERBS: dict[str, CreditRole] = {
    "translated": "translator",
    "translation": "translator",
    "contributed": "contributor",
    "obtained": "contributor",
    "edited": "editor",
}


def _credit_at(p: _BaseParser, i: int, end: int) -> tuple[list[CreditMatch], int] | None:
    """ "Translated for NKIDP by Gary Goldberg", "Contributed by X and translated by Y"."""
    out: list[CreditMatch] = []
    j = i
    while True:
        role = _CREDIT_VERBS.get(p.word(j))
        if role is None:
            break
        k = j + 1
        org: str | None = None
        if p.word(k) == "for":
            o = k + 1
            while o < end and o - k < 10 and p.word(o) != "by":
                o += 1
            if p.word(o) != "by":
                break
            org = p.span_text(k + 1, o)
            k = o
        if p.word(k) != "by":
            break
        names = p.names_list(k + 1, end)
        if names is None:
            break
        for person in names[0]:
            out.append(
                CreditMatch(
                    Credit(role, person, org, text=p.span_text(j, names[1])),
                    p.toks[j].start,
                    p.toks[names[1] - 1].end,
                )
            )
        j = names[1]
        if p.word(j) == "and" and p.word(j + 1) in _CREDIT_VERBS:
            j += 1
            continue
        break
    if not out:
        return None
    return out, j
