"""A reference found in text: what it is, where it is, what is wrong with it."""

from __future__ import annotations

from typing import Literal

import attrs

from archref.model.archival import ArchivalReference
from archref.model.common import Diagnostic

__all__ = ["Citation", "CitationForm", "ShortForm"]

#: How a citation was written: in full; as a later link of a chain that took
#: its upper levels from the one before ("...; d. 1350, l. 40"); as an
#: "ibid."; as a member of a list ("S/9696 and Corr.1"); as the second half
#: of a joint UN symbol; or, for UN resolutions, by name and number.
CitationForm = Literal["full", "chain", "ibid", "list", "joint", "name"]


@attrs.frozen
class ShortForm:
    """A short form that could not be resolved, such as an "Ibid." with no antecedent.

    ``text`` is the short form as written; the citation's diagnostics say why
    it was not resolved.
    """

    kind: Literal["ibid"]
    text: str

    def __str__(self) -> str:
        return self.text


@attrs.frozen
class Citation:
    """One reference found in a text.

    Attributes:
        reference: the typed reference (an :class:`ArchivalReference`, a UN
            symbol, a published work) or a :class:`ShortForm`.
        start, end: character offsets into the ORIGINAL text given to
            :func:`archref.extract`; ``text[start:end]`` is what was cited.
        text: that cited text.
        note: the index of the note, when notes were extracted as a sequence.
        form: how it was written (see :data:`CitationForm`).
        certain: ``False`` when the match is plausible but not sure (a bare
            UN symbol with no "Document" before it).
        diagnostics: findings about this citation, offsets into the original.
    """

    reference: object
    start: int
    end: int
    text: str
    note: int | None = None
    form: CitationForm = "full"
    certain: bool = True
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def span(self) -> tuple[int, int]:
        """``(start, end)`` in the original text."""
        return self.start, self.end

    @property
    def is_resolved(self) -> bool:
        """False for a short form left unresolved."""
        return not isinstance(self.reference, ShortForm)

    @property
    def archival(self) -> ArchivalReference | None:
        """The reference when it is archival, else ``None`` (a typed shortcut)."""
        return self.reference if isinstance(self.reference, ArchivalReference) else None
