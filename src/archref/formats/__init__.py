"""Formatting: archival references and UN symbols as notes and bibliographies.

``archref.formats.render`` formats CSL-JSON items through citeproc-py with
real CSL styles; it imports citeproc-py only when called.
"""

from archref.formats.render import (
    STYLE_ALIASES,
    SUPPORTED_STYLES,
    Cite,
    load_style,
    render,
    style_path,
)

__all__ = ["STYLE_ALIASES", "SUPPORTED_STYLES", "Cite", "load_style", "render", "style_path"]
