"""archref: archival references and UN document symbols as first-class data.

The public API is re-exported here; nothing is defined in this module.

>>> import archref
>>> ref = archref.parse("RGASPI, f. 558, op. 11, d. 62, ll. 71-72")
>>> ref.archive.id, ref.fond, ref.opis, ref.delo, str(ref.folios)
('RGASPI', '558', '11', '62', '71–72')
>>> archref.parse("TsKhSD, f. 5, op. 28, d. 103, l. 2").archive.id
'RGANI'
"""

from archref.annotate import annotate
from archref.checking import check
from archref.extract import extract, extract_notes
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
    "format_archival_sources",
    "from_bibtex",
    "from_csl_json",
    "parse",
    "render",
    "to_bibtex",
    "to_csl_json",
]
