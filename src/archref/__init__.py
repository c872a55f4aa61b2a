"""archref: archival references and UN document symbols as first-class data.

The public API is re-exported here; nothing is defined in this module. Each
name is imported on first access (PEP 562), so ``import archref`` loads no
parser, no table and no third-party library.

>>> import archref
>>> ref = archref.parse("RGASPI, f. 558, op. 11, d. 62, ll. 71-72")
>>> ref.archive.id, ref.fond, ref.opis, ref.delo, str(ref.folios)
('RGASPI', '558', '11', '62', '71–72')
>>> archref.parse("TsKhSD, f. 5, op. 28, d. 103, l. 2").archive.id
'RGANI'
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

from archref import _hooks

if TYPE_CHECKING:
    from archref.annotate import annotate
    from archref.checking import check
    from archref.extract import extract, extract_notes, extract_stream
    from archref.formats.archives import archival_sources, format_archival_sources
    from archref.formats.bibtex import from_bibtex, to_bibtex
    from archref.formats.csl import from_csl_json, to_csl_json
    from archref.formats.render import render
    from archref.model import (
        ArchivalReference,
        Archive,
        ArchrefError,
        Diagnostic,
        Folio,
        FolioRange,
        FormerName,
        Level,
        Locator,
        ParseError,
        RegistryError,
        UNSymbol,
    )
    from archref.model.citation import Citation, ShortForm
    from archref.parsing import Reference, parse
    from archref.registry import Registry, default_registry
    from archref.text import CleanText, Repair, clean

__version__ = "0.1.0"

__all__ = [
    "ArchivalReference",
    "Archive",
    "ArchrefError",
    "Citation",
    "CleanText",
    "Diagnostic",
    "Folio",
    "FolioRange",
    "FormerName",
    "Level",
    "Locator",
    "ParseError",
    "Reference",
    "Registry",
    "RegistryError",
    "Repair",
    "ShortForm",
    "UNSymbol",
    "__version__",
    "annotate",
    "archival_sources",
    "check",
    "clean",
    "default_registry",
    "extract",
    "extract_notes",
    "extract_stream",
    "format_archival_sources",
    "from_bibtex",
    "from_csl_json",
    "parse",
    "render",
    "to_bibtex",
    "to_csl_json",
]

#: Public name -> the module that defines it.
_EXPORTS: dict[str, str] = {
    "annotate": "archref.annotate",
    "check": "archref.checking",
    "extract": "archref.extract",
    "extract_notes": "archref.extract",
    "extract_stream": "archref.extract",
    "archival_sources": "archref.formats.archives",
    "format_archival_sources": "archref.formats.archives",
    "from_bibtex": "archref.formats.bibtex",
    "to_bibtex": "archref.formats.bibtex",
    "from_csl_json": "archref.formats.csl",
    "to_csl_json": "archref.formats.csl",
    "render": "archref.formats.render",
    **dict.fromkeys(
        (
            "ArchivalReference",
            "Archive",
            "ArchrefError",
            "Diagnostic",
            "Folio",
            "FolioRange",
            "FormerName",
            "Level",
            "Locator",
            "ParseError",
            "RegistryError",
            "UNSymbol",
        ),
        "archref.model",
    ),
    "Citation": "archref.model.citation",
    "ShortForm": "archref.model.citation",
    "Reference": "archref.parsing",
    "parse": "archref.parsing",
    "Registry": "archref.registry",
    "default_registry": "archref.registry",
    "CleanText": "archref.text",
    "Repair": "archref.text",
    "clean": "archref.text",
}

# The models format themselves with code the notations register: name the
# package that registers it, imported when a model first needs it.
_hooks.add_provider("archref.notations")


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Package(types.ModuleType):
    """This package, keeping a function where a submodule of the same name would go.

    ``archref.extract`` and ``archref.annotate`` are functions defined in
    modules of the same name. Importing such a submodule binds it as an
    attribute of the package; the function is bound instead, as an eager
    ``from archref.extract import extract`` did.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if (
            isinstance(value, types.ModuleType)
            and name in _EXPORTS
            and value.__name__ == f"{__name__}.{name}"
        ):
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
