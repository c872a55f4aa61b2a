"""Wrap each citation in a text with markup, leaving the rest of the text untouched.

>>> import archref
>>> text = "See RGASPI, f. 558, op. 11, d. 62, ll. 71-72 & more."
>>> print(annotate(text, archref.extract(text)))
See <span class="archref archref-archival" title="RGASPI, f. 558, op. 11, d. 62, ll. 71–72">\
RGASPI, f. 558, op. 11, d. 62, ll. 71-72</span> &amp; more.

A renderer of your own receives each citation and its original text:

>>> print(annotate(text, archref.extract(text), render=lambda c, s: f"[[{s}]]", escape=None))
See [[RGASPI, f. 558, op. 11, d. 62, ll. 71-72]] & more.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable

from archref.model import ArchivalReference
from archref.model.citation import Citation, ShortForm

__all__ = ["annotate", "html_link"]

Renderer = Callable[[Citation, str], str]


def html_link(citation: Citation, original: str) -> str:
    """HTML for one citation: UN symbols link to undocs.org, others get a titled span.

    ``original`` is the cited text as written; it is escaped.
    """
    if not isinstance(citation, Citation):
        raise TypeError(f"citation must be a Citation, not {type(citation).__name__}")
    if not isinstance(original, str):
        raise TypeError(f"original must be a str, not {type(original).__name__}")
    shown = html.escape(original, quote=False)
    reference = citation.reference
    url = getattr(reference, "url", None)
    if isinstance(url, str) and url.startswith("https://"):
        return f'<a class="archref archref-un" href="{html.escape(url)}">{shown}</a>'
    if isinstance(reference, ShortForm):
        return f'<span class="archref archref-unresolved">{shown}</span>'
    kind = "archival" if isinstance(reference, ArchivalReference) else "source"
    title = html.escape(str(reference))
    return f'<span class="archref archref-{kind}" title="{title}">{shown}</span>'


def annotate(
    text: str,
    citations: Iterable[Citation],
    *,
    render: Renderer = html_link,
    escape: Callable[[str], str] | None = lambda s: html.escape(s, quote=False),
) -> str:
    """Return ``text`` with each citation replaced by ``render(citation, cited_text)``.

    The text between citations is passed through ``escape`` (HTML escaping by
    default; ``None`` keeps it as it is). Several citations with the same span
    (a range such as "Add.1-2" names two documents) are wrapped once, for the
    first of them. Citations must come from this text: overlapping or
    out-of-range spans raise :class:`ValueError` rather than garble the output.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if isinstance(citations, (str, bytes)) or not isinstance(citations, Iterable):
        raise TypeError(
            "citations must be an iterable of Citation objects (from archref.extract), "
            f"not {type(citations).__name__}: {citations!r:.60}"
        )
    if not callable(render):
        raise TypeError(f"render must be callable, not {render!r:.60}")
    if escape is not None and not callable(escape):
        raise TypeError(f"escape must be callable or None, not {escape!r:.60}")
    found = list(citations)
    for citation in found:
        if not isinstance(citation, Citation):
            raise TypeError(
                "citations must be Citation objects (from archref.extract), "
                f"got {type(citation).__name__}: {citation!r:.60}"
            )
    out: list[str] = []
    pos = 0
    keep = escape or (lambda s: s)
    previous: tuple[int, int] | None = None
    for citation in sorted(found, key=lambda c: c.start):
        start, end = citation.start, citation.end
        if (start, end) == previous:
            continue  # one text naming several references ("Add.1-2") is wrapped once
        previous = start, end
        if start < pos or end > len(text) or start > end:
            raise ValueError(
                f"citation span {start}-{end} overlaps another or lies outside the text"
            )
        if text[start:end] != citation.text:
            raise ValueError(f"citation {citation.text!r} is not at {start}-{end} of this text")
        out.append(keep(text[pos:start]))
        out.append(render(citation, text[start:end]))
        pos = end
    out.append(keep(text[pos:]))
    return "".join(out)
