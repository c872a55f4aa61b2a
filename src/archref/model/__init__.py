"""The data model: archives, references, UN symbols, citations, diagnostics."""

from archref.model.archival import (
    LEVEL_KINDS,
    ArchivalReference,
    Archive,
    Folio,
    FolioRange,
    FormerName,
    Level,
    LevelKind,
    Locator,
    LocatorUnit,
)
from archref.model.common import (
    ArchrefError,
    Diagnostic,
    ParseError,
    RegistryError,
    Severity,
    line_column,
)

__all__ = [
    "LEVEL_KINDS",
    "ArchivalReference",
    "Archive",
    "ArchrefError",
    "Diagnostic",
    "Folio",
    "FolioRange",
    "FormerName",
    "Level",
    "LevelKind",
    "Locator",
    "LocatorUnit",
    "ParseError",
    "RegistryError",
    "Severity",
    "line_column",
]
