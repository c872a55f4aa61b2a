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
from archref.model.un import (
    MODIFIER_KINDS,
    UNDOCS_URL,
    Component,
    ComponentKind,
    Modifier,
    ModifierKind,
    UNSymbol,
)

__all__ = [
    "LEVEL_KINDS",
    "MODIFIER_KINDS",
    "UNDOCS_URL",
    "ArchivalReference",
    "Archive",
    "ArchrefError",
    "Component",
    "ComponentKind",
    "Diagnostic",
    "Folio",
    "FolioRange",
    "FormerName",
    "Level",
    "LevelKind",
    "Locator",
    "LocatorUnit",
    "Modifier",
    "ModifierKind",
    "ParseError",
    "RegistryError",
    "Severity",
    "UNSymbol",
    "line_column",
]
