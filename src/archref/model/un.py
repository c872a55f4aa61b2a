"""Typed models of UN document symbols.

A symbol is a string of components separated by ``/``: the issuing organ
(``A``, ``S``, ``E``...), subsidiary bodies (``C.1``, ``AC.105``), a session
or year, a document type (``RES``, ``PV.473``, ``L.39``), a serial number
and modifiers (``Rev.1``, ``Add.2``, ``Corr.1``, ``Summary``, a trailing
``*``). Resolutions adopted before a session or year was written into the
symbol carry it in parentheses: ``A/RES/112(II)``, ``S/RES/82 (1950)``.

:class:`UNSymbol` keeps the components in the order written, each tagged with
its kind, so any symbol round-trips; the properties (:attr:`UNSymbol.organ`,
:attr:`UNSymbol.session`, :attr:`UNSymbol.year`...) read them. Only the
components take part in equality: the text as written is kept beside them.

>>> s = UNSymbol((Component("organ", "S"), Component("type", "RES"), Component("serial", "82")),
...              resolution_year=1950)
>>> str(s), s.year, s.is_resolution
('S/RES/82 (1950)', 1950, True)
>>> s.url
'https://undocs.org/S/RES/82(1950)'
>>> str(Modifier("Rev", "1")), str(Modifier("Summary")), str(Modifier("*"))
('Rev.1', 'Summary', '*')
"""

from __future__ import annotations

from typing import Any, Literal

import attrs

from archref._hooks import un_csl_converters
from archref.model.common import Diagnostic
from archref.model.published import PartialDate

__all__ = [
    "MODIFIER_KINDS",
    "UNDOCS_URL",
    "Component",
    "ComponentKind",
    "Modifier",
    "ModifierKind",
    "UNSymbol",
]

#: Where a symbol is looked up: ``UNDOCS_URL + symbol``.
UNDOCS_URL = "https://undocs.org/"

ComponentKind = Literal["organ", "body", "session", "year", "type", "serial", "empty", "elided"]
"""What a component is:

* ``organ``: the first component, ``A``, ``S``, ``CCPR``...;
* ``body``: a subsidiary body, ``C.1``, ``AC.105``, ``HRC``, ``CONF.116``;
* ``session``: ``45``, ``S-4``, ``ES-10``, ``(XIV)``;
* ``year``: ``1994``;
* ``type``: the document type, ``RES``, ``PV.473``, ``L.39``, ``PRST``;
* ``serial``: the serial number, ``218``;
* ``empty``: nothing between two slashes (a damaged symbol);
* ``elided``: ``...`` written in place of a component (an incomplete symbol).
"""

ModifierKind = Literal["Rev", "Add", "Corr", "Amend", "Summary", "*"]
#: The modifiers, in their canonical spelling.
MODIFIER_KINDS: tuple[ModifierKind, ...] = ("Rev", "Add", "Corr", "Amend", "Summary", "*")


@attrs.frozen
class Component:
    """One component of a symbol: its kind and its canonical text.

    >>> c = Component("body", "AC.105")
    >>> c.code, c.number
    ('AC', '105')
    >>> Component("type", "RES").number is None
    True
    """

    kind: ComponentKind
    value: str

    def __str__(self) -> str:
        return self.value

    @property
    def code(self) -> str:
        """The letters of a body or type (``"AC"`` of ``AC.105``); the value otherwise."""
        if self.kind in ("body", "type"):
            return self.value.split(".", 1)[0]
        return self.value

    @property
    def number(self) -> str | None:
        """The number after the full stop of a body or type, or the value of a number."""
        if self.kind in ("body", "type"):
            parts = self.value.split(".", 1)
            return parts[1] if len(parts) == 2 else None
        if self.kind in ("session", "year", "serial"):
            return self.value
        return None


@attrs.frozen
class Modifier:
    """A modifier at the end of a symbol: ``Rev.1``, ``Add.13``, ``Corr.2``, ``Summary``, ``*``.

    ``number`` is ``None`` for ``Summary`` and ``*``, and for a modifier
    written without its number (``S/18164/Add``, a damaged symbol).
    """

    kind: ModifierKind
    number: str | None = None

    def __str__(self) -> str:
        if self.number is None:
            return self.kind
        return f"{self.kind}.{self.number}"


def _tuple(value: Any) -> tuple[Any, ...]:
    return tuple(value)


@attrs.frozen
class UNSymbol:
    """A UN document symbol.

    Attributes:
        components: the components before the modifiers, in order; the first
            is the organ.
        modifiers: ``Rev.1``, ``Add.2``... in the order written.
        resolution_session: the session of a resolution written in
            parentheses: ``"II"``, ``"S-VII"``, ``"ES-V"`` (General Assembly
            before its 31st session); ``None`` otherwise.
        resolution_year: the year of a Security Council resolution written in
            parentheses: ``1950`` for ``S/RES/82 (1950)``.
        part: the lettered part of a resolution: ``"A"`` of ``377 A (V)``.
        date: the date of the document when the citation gives it: the
            adoption date of a resolution (``S/RES/82 (1950) of 25 June
            1950``), the date of a report or meeting record. Not written in
            the symbol, so not part of equality; :func:`archref.notations.un.find`
            reads it from the text after a symbol, and the CSL-JSON writer
            makes it the ``issued`` date.
        text: the text as written (not part of equality).
        notes: what was noticed while reading ``text``: spellings that were
            normalised (``ADD.1`` read as ``Add.1``). Not part of equality;
            :func:`archref.notations.un.validate` reports them.
    """

    components: tuple[Component, ...] = attrs.field(converter=_tuple)
    modifiers: tuple[Modifier, ...] = attrs.field(default=(), converter=_tuple)
    resolution_session: str | None = None
    resolution_year: int | None = None
    part: str | None = None
    date: PartialDate | None = attrs.field(default=None, eq=False, repr=False)
    text: str | None = attrs.field(default=None, eq=False, repr=False)
    notes: tuple[Diagnostic, ...] = attrs.field(default=(), eq=False, repr=False, converter=_tuple)

    # -- reading the components ------------------------------------------

    def _of(self, kind: ComponentKind) -> tuple[Component, ...]:
        return tuple(c for c in self.components if c.kind == kind)

    @property
    def organ(self) -> str:
        """The issuing organ: ``"A"``, ``"S"``, ``"E"``, ``"CCPR"``..."""
        return self.components[0].value if self.components else ""

    @property
    def bodies(self) -> tuple[str, ...]:
        """The subsidiary bodies, in order: ``("C.3",)`` for ``A/C.3/45/L.39``."""
        return tuple(c.value for c in self._of("body"))

    @property
    def doc_type(self) -> str | None:
        """The document type code: ``"RES"``, ``"PV"``, ``"L"``... or ``None``."""
        types = self._of("type")
        return types[-1].code if types else None

    @property
    def is_resolution(self) -> bool:
        return any(c.kind == "type" and c.code == "RES" for c in self.components)

    @property
    def session(self) -> str | None:
        """The session: ``"II"`` (of ``A/RES/112(II)``), ``"45"``, ``"S-4"``, ``"ES-10"``."""
        if self.resolution_session is not None:
            return self.resolution_session
        for c in self.components:
            if c.kind == "session":
                return c.value.strip("()")
        return None

    @property
    def year(self) -> int | None:
        """The year written in the symbol.

        ``1950`` of ``S/RES/82 (1950)``, ``1994`` of ``S/1994/1``.
        """
        if self.resolution_year is not None:
            return self.resolution_year
        for c in self.components:
            if c.kind == "year" and c.value.isdigit():
                return int(c.value)
        return None

    @property
    def number(self) -> str | None:
        """The serial number (``"218"`` of ``A/C.1/218``), or the number of a numbered type
        (``"473"`` of ``S/PV.473``)."""
        for c in reversed(self.components):
            if c.kind == "serial":
                return c.value
            if c.kind == "type" and c.number is not None:
                return c.number
            if c.kind == "type":
                return None
        return None

    @property
    def base(self) -> UNSymbol:
        """The symbol without its modifiers: ``A/AC.19/80`` of ``A/AC.19/80/Add.1``."""
        if not self.modifiers:
            return self
        return attrs.evolve(self, modifiers=(), date=None, text=None, notes=())

    # -- writing ------------------------------------------------------------

    def _core(self, *, spaced: bool) -> str:
        out = "/".join(c.value for c in self.components)
        if self.resolution_session is not None:
            out += f"({self.resolution_session})"
        elif self.resolution_year is not None:
            out += f" ({self.resolution_year})" if spaced else f"({self.resolution_year})"
        return out

    def __str__(self) -> str:
        """The canonical form: ``A/RES/112(II)``, ``S/RES/82 (1950)``, ``A/C.1/218/Rev.1``.

        General Assembly resolutions are written with their session directly
        after the number and Security Council resolutions with a space before
        the year, as the United Nations writes them; a lettered part follows
        in brackets (``A/RES/377(V)[A]``), as in the UN Digital Library.
        """
        out = self._core(spaced=True)
        if self.part is not None:
            out += f"[{self.part}]"
        for m in self.modifiers:
            out += "*" if m.kind == "*" else f"/{m}"
        return out

    @property
    def url(self) -> str:
        """The symbol's address on undocs.org (without a part letter or reissue mark)."""
        out = self._core(spaced=False)
        for m in self.modifiers:
            if m.kind != "*":
                out += f"/{m}"
        return UNDOCS_URL + out

    def to_csl_json(self) -> dict[str, Any]:
        """The symbol as a CSL-JSON item; see :func:`archref.notations.un.to_csl_json`.

        The converter is registered by the UN notation in
        :data:`archref._hooks.un_csl_converters`; the model knows no parser.
        """
        return un_csl_converters.get("un")(self)
