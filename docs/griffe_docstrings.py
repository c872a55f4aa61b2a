"""A griffe extension that makes the source's docstrings read well as Markdown.

The docstrings of archref are written for ``help()`` and for doctest: bare
``>>>`` examples, reST roles such as ``:class:`Level```, and a reST simple
table in the fond module. The API reference renders docstrings as Markdown,
where none of these would come out right, so before rendering this extension

* wraps each run of doctest lines (``>>>`` and ``...`` prompts and the
  expected output up to a blank line) in a ``pycon`` code block;
* turns ``:role:`~a.b.Name``` into ```Name``` and ``:role:`a.b.Name``` into
  ```a.b.Name```;
* wraps a reST simple table (rows of ``=`` between spaces) in a ``text``
  code block, so its columns stay aligned;
* splits a Google-style entry that documents several names at once
  (``start, end: the span``) into one entry per name, which griffe's
  parser would otherwise read as a name and a type.

Only the copy of each docstring that the site renders changes; the source
stays as it is.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:class|func|meth|mod|attr|data|exc|obj|const):`(~?)([^`]+)`")
_RULE = re.compile(r"^\s*=+(?:\s+=+)+\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_SECTION = re.compile(r"^(\s*)(Attributes|Args|Arguments|Parameters|Raises|Returns):\s*$")
_SHARED_ENTRY = re.compile(r"^(?P<indent>\s+)(?P<names>\w+(?:,\s*\w+)+):\s(?P<text>.*)$")


def _role(m: re.Match[str]) -> str:
    tilde, target = m.group(1), m.group(2)
    return f"`{target.rsplit('.', 1)[-1] if tilde else target}`"


def _fence_blocks(lines: list[str]) -> list[str]:
    """Wrap doctest runs and reST simple tables in fenced code blocks."""
    out: list[str] = []
    i = 0
    in_fence = False
    while i < len(lines):
        line = lines[i]
        if _FENCE.match(line):
            in_fence = not in_fence
            out.append(line)
            i += 1
            continue
        stripped = line.lstrip()
        indent = line[: len(line) - len(stripped)]
        if not in_fence and stripped.startswith(">>>"):
            block = []
            while i < len(lines) and lines[i].strip():
                block.append(lines[i][len(indent) :] if lines[i].startswith(indent) else lines[i])
                i += 1
            out += [f"{indent}```pycon", *(indent + b for b in block), f"{indent}```"]
            continue
        if not in_fence and _RULE.match(line):
            block = []
            rules = 0
            while i < len(lines) and rules < 3 and lines[i].strip():
                rules += bool(_RULE.match(lines[i]))
                block.append(lines[i])
                i += 1
            out += [f"{indent}```text", *block, f"{indent}```"]
            continue
        out.append(line)
        i += 1
    return out


def _split_shared_entries(lines: list[str]) -> list[str]:
    """``a, b: text`` inside a Google section becomes ``a: text`` and ``b: text``."""
    out: list[str] = []
    section_indent: str | None = None
    for line in lines:
        head = _SECTION.match(line)
        if head:
            section_indent = head.group(1)
            out.append(line)
            continue
        if (
            section_indent is not None
            and line.strip()
            and not line.startswith(section_indent + " ")
        ):
            section_indent = None
        m = _SHARED_ENTRY.match(line) if section_indent is not None else None
        if m:
            names = [n.strip() for n in m.group("names").split(",")]
            out += [f"{m.group('indent')}{n}: {m.group('text')}" for n in names]
            continue
        out.append(line)
    return out


def to_markdown(text: str) -> str:
    """The Markdown form of one docstring."""
    text = _ROLE.sub(_role, text)
    return "\n".join(_fence_blocks(_split_shared_entries(text.split("\n"))))


class DocstringsToMarkdown(griffe.Extension):
    """Rewrite each docstring as Markdown when griffe loads its object."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = to_markdown(obj.docstring.value)
