"""Plain-data (JSON-ready) forms of references, for ``--json`` output and APIs.

>>> import archref, json
>>> data = to_dict(archref.parse("TsKhSD, f. 5, op. 28, d. 103, l. 2"))
>>> data["archive"]["id"], data["archive_as_cited"], data["fond"], data["folios"]["text"]
('RGANI', 'TsKhSD', '5', '2')
>>> data["canonical"]
'RGANI, f. 5, op. 28, d. 103, l. 2'

The canonical form is the ``en`` notation with the archive's name as cited
when the registry does not know it: data report what a text says, so it is
not transliterated (:func:`canonical`).
"""

from __future__ import annotations

from typing import Any

import attrs

from archref.model import ArchivalReference, Archive, Locator

__all__ = ["archive_to_dict", "canonical", "locator_to_dict", "to_dict"]


def canonical(ref: object) -> str:
    """The canonical form of a reference for reports and data: nothing transliterated.

    >>> import archref
    >>> ref = archref.parse("Госархив Новосибирской области. Ф. Р-1. Оп. 2")
    >>> canonical(ref), str(ref)
    ('Госархив Новосибирской области, f. R-1, op. 2', 'Gosarkhiv Novosibirskoi oblasti, f. R-1, op. 2')
    """  # noqa: E501
    if isinstance(ref, ArchivalReference):
        return ref.format("en", transliteration=None)
    return str(ref)


def archive_to_dict(archive: Archive) -> dict[str, Any]:
    """The identifying fields of an archive."""
    return {
        "id": archive.id,
        "name_en": archive.name_en,
        "name_ru": archive.name_ru,
        "acronym_cyrillic": archive.acronym_cyrillic,
        "city": archive.city,
        "country": archive.country,
    }


def locator_to_dict(locator: Locator) -> dict[str, Any]:
    """Leaves as data: the text, the unit and each range with its verso flags."""
    return {
        "text": str(locator),
        "as_cited": locator.text,
        "unit": locator.unit,
        "ranges": [
            {
                "first": r.first.number,
                "first_verso": r.first.verso,
                "last": r.last.number if r.last else None,
                "last_verso": r.last.verso if r.last else False,
            }
            for r in locator.ranges
        ],
    }


def to_dict(ref: object) -> dict[str, Any]:
    """A JSON-ready dict for any reference archref returns."""
    if isinstance(ref, ArchivalReference):
        return {
            "type": "archival",
            "canonical": canonical(ref),
            "archive": archive_to_dict(ref.archive) if ref.archive else None,
            "archive_as_cited": ref.archive_as_cited,
            "former_name": ref.is_former_name,
            "fond": ref.fond,
            "opis": ref.opis,
            "papka": ref.papka,
            "delo": ref.delo,
            "tom": ref.tom,
            "levels": [
                {"kind": lv.kind, "value": lv.value, "title": lv.title} for lv in ref.levels
            ],
            "folios": locator_to_dict(ref.folios) if ref.folios else None,
            "text": ref.text,
        }
    to_json = getattr(ref, "to_dict", None)
    if callable(to_json):
        result = to_json()
        if isinstance(result, dict):
            return result
    if attrs.has(type(ref)):
        data = attrs.asdict(ref, recurse=True)  # type: ignore[arg-type]
        data["type"] = type(ref).__name__
        data["canonical"] = str(ref)
        return data
    raise TypeError(f"cannot serialise {type(ref).__name__}")
