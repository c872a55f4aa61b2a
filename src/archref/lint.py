"""The engine of ``archref check`` over many files: settings, cache, suppressions, statistics.

:func:`check_path` checks one file the way the command does: it reads the
file, takes its findings from the cache when the cache has them, else
extracts every reference (with the extra archives of the configuration),
keeps the findings of the rules selected for that file (``per-file-ignores``
applied), drops what a suppression comment silences and adds a finding for
each unused suppression (ARC900). :func:`check_paths` runs it over many
files in ``jobs`` processes and gives the results in the order of the files.

>>> result = check_path("-", Settings(), text="TsKhSD, f. 5, op. 28, d. 103, l. 2.\\n")
>>> [(f.code, f.start.line, f.start.column) for f in result.findings], result.references
([('ARC102', 1, 1)], 1)
>>> text = "# archref: ignore ARC102\\nTsKhSD, f. 5, op. 28, d. 103, l. 2.\\n"
>>> check_path("-", Settings(), text=text).findings
()
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import Any, TextIO

import attrs

from archref.consistency import Preferences
from archref.readers import (
    Format,
    Position,
    ReaderError,
    extract_document,
    format_of,
    read_bytes,
    read_string,
)
from archref.registry import Registry, extended_registry
from archref.reporting import Finding, findings_in, shown_path
from archref.rules import RULES

__all__ = [
    "FileResult",
    "Progress",
    "Settings",
    "check_path",
    "check_paths",
    "codes_for",
    "registry_of",
    "report_statistics",
    "wants_progress",
]


@attrs.frozen
class Settings:
    """What a check needs to know besides the file (plain data, sent to worker processes).

    Attributes:
        format: the format of every file, or ``None`` for each file's extension.
        codes: the rule codes checked (``None``: every rule).
        per_file_ignores: ``(pattern, code prefixes)`` pairs; the patterns are
            in the ``.gitignore`` syntax, relative to ``root``.
        root: the folder of the configuration (or the current folder).
        registry: ``(name, TOML text)`` of the extra registry files.
        cache_dir: the cache folder, or ``None`` for no cache.
        prefer: the forms the consistency rules (ARC5xx) hold each file to.
    """

    format: Format | None = None
    codes: tuple[str, ...] | None = None
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    root: str = "."
    registry: tuple[tuple[str, str], ...] = ()
    cache_dir: str | None = None
    prefer: Preferences = attrs.field(factory=Preferences)


@attrs.frozen
class FileResult:
    """What checking one file gave: its findings and citations, or why it was not read."""

    path: str
    findings: tuple[Finding, ...] = ()
    references: int = 0
    error: str | None = None
    cached: bool = False


def codes_for(path: str, settings: Settings) -> list[str]:
    """The codes checked in the file ``path``: those selected, less its ``per-file-ignores``."""
    from archref.walk import patterns  # noqa: PLC0415

    codes = list(settings.codes) if settings.codes is not None else list(RULES)
    if not settings.per_file_ignores or path == "-":
        return codes
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(settings.root))
    rel = rel.replace(os.sep, "/")
    dropped: list[str] = []
    for pattern, prefixes in settings.per_file_ignores:
        if patterns([pattern]).match_file(rel):
            dropped += prefixes
    return [c for c in codes if not any(c.startswith(p) for p in dropped)]


_REGISTRIES: dict[tuple[tuple[str, str], ...], Registry] = {}


def registry_of(extra: tuple[tuple[str, str], ...]) -> Registry | None:
    """The registry with the extra archives of ``extra`` (built once per process), or None
    (the shipped one) when there are none."""
    if not extra:
        return None
    if extra not in _REGISTRIES:
        _REGISTRIES[extra] = extended_registry(extra)
    return _REGISTRIES[extra]


def _position(p: Position) -> list[Any]:
    return [p.line, p.column, p.offset, p.part]


def _to_entry(findings: Sequence[Finding], references: int) -> dict[str, Any]:
    return {
        "references": references,
        "findings": [
            [
                _position(f.start),
                _position(f.end),
                f.code,
                f.severity,
                f.message,
                f.text,
                f.suggestion,
                f.reference,
                f.fix,
            ]
            for f in findings
        ],
    }


def _from_entry(entry: dict[str, Any], path: str) -> tuple[list[Finding], int] | None:
    """The findings of a cache entry, or None when it is not what an entry holds."""
    try:
        references = entry["references"]
        if not isinstance(references, int):
            return None
        out = []
        for row in entry["findings"]:
            start, end, code, severity, message, text, suggestion, reference, fix = row
            if severity not in ("error", "warning", "info"):
                return None
            out.append(
                Finding(
                    path,
                    Position(*start),
                    Position(*end),
                    str(code),
                    severity,
                    str(message),
                    str(text),
                    suggestion,
                    reference,
                    fix,
                )
            )
    except (KeyError, TypeError, ValueError):
        return None
    return out, references


def _findings(
    data: bytes | str, path: str, fmt: Format, codes: list[str], settings: Settings
) -> tuple[list[Finding], int]:
    from archref.suppress import (  # noqa: PLC0415
        UNUSED,
        apply_suppressions,
        find_suppressions,
        unused_findings,
    )

    doc = (
        read_string(data, fmt, path=path)
        if isinstance(data, str)
        else read_bytes(data, fmt, path=path)
    )
    citations = extract_document(doc, registry=registry_of(settings.registry))
    findings = findings_in(doc, citations, codes, prefer=settings.prefer)
    if doc.text is not None:
        suppressions = find_suppressions(doc.text, fmt)
        if suppressions:
            findings = apply_suppressions(findings, suppressions)
            if UNUSED in codes:
                findings += unused_findings(suppressions, path, codes)
    return findings, len(citations)


def check_path(path: str, settings: Settings, *, text: str | None = None) -> FileResult:
    """Check one file (``"-"``: standard input, or ``text`` when given) with ``settings``."""
    from archref.cache import Cache, cache_key  # noqa: PLC0415

    data: bytes | str
    try:
        if path == "-":
            fmt: Format = settings.format or "text"
            if text is None:
                from archref.reporting import stdin_data  # noqa: PLC0415

                data = stdin_data()
            else:
                data = text
            shown = "<stdin>"
        else:
            fmt = settings.format or format_of(path)
            try:
                with open(path, "rb") as fh:
                    data = fh.read()
            except OSError as exc:
                raise ReaderError(f"cannot read the file: {exc.strerror or exc}", path) from None
            shown = path
        codes = codes_for(path, settings)
        cache = None
        key = ""
        if settings.cache_dir is not None and isinstance(data, bytes) and path != "-":
            cache = Cache(settings.cache_dir)
            key = cache_key(
                data, path, fmt, codes, settings.registry, prefer=attrs.asdict(settings.prefer)
            )
            entry = cache.get(key)
            got = _from_entry(entry, path) if entry is not None else None
            if got is not None:
                return FileResult(path, tuple(got[0]), got[1], cached=True)
        findings, references = _findings(data, shown, fmt, codes, settings)
    except ReaderError as exc:
        return FileResult(path, error=shown_path(str(exc)))
    if cache is not None:
        cache.put(key, _to_entry(findings, references))
    return FileResult(path, tuple(findings), references)


def check_paths(
    paths: Sequence[str],
    settings: Settings,
    jobs: int = 1,
    *,
    progress: Callable[[int], None] | None = None,
) -> Iterator[FileResult]:
    """:func:`check_path` for each path, in ``jobs`` processes, in the order of ``paths``.

    ``progress(n)`` is called with the number of files done after each one.
    """
    from archref.parallel import map_ordered  # noqa: PLC0415

    run = partial(check_path, settings=settings)
    for done, result in enumerate(
        map_ordered(run, list(paths), jobs, local=lambda p: p == "-"), start=1
    ):
        if progress is not None:
            progress(done)
        yield result


# --------------------------------------------------------------------------- statistics


def report_statistics(findings: Sequence[Finding], output_format: str = "text") -> str:
    """How many findings of each code: most frequent first, as ``ruff --statistics`` shows.

    >>> from archref.readers import Position
    >>> p = Position(1, 1)
    >>> fs = [Finding("a.md", p, p, c, "warning", "m", "t") for c in ("ARC102", "UN206", "ARC102")]
    >>> print(report_statistics(fs))
    2  ARC102  former name of an archive
    1  UN206   Security Council resolution number and year disagree
    """
    counts = Counter(f.code for f in findings)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if output_format == "json":
        import json  # noqa: PLC0415

        data = [
            {
                "code": code,
                "count": n,
                "summary": RULES[code].summary if code in RULES else None,
            }
            for code, n in rows
        ]
        return json.dumps(data, ensure_ascii=False, indent=2)
    width = max((len(str(n)) for _, n in rows), default=1)
    code_width = max((len(code) for code, _ in rows), default=1)
    lines = []
    for code, n in rows:
        summary = RULES[code].summary if code in RULES else ""
        lines.append(f"{n:>{width}}  {code:<{code_width}}  {summary}".rstrip())
    return "\n".join(lines)


# --------------------------------------------------------------------------- progress


def wants_progress(out: TextIO, err: TextIO, environ: dict[str, str] | None = None) -> bool:
    """Whether to show a progress bar: on a terminal only, never in CI or into a pipe.

    Both standard output and standard error must be terminals, and the ``CI``
    environment variable (set by GitHub Actions, GitLab CI and the others)
    unset or empty.
    """
    env = os.environ if environ is None else environ
    if env.get("CI", "").strip().lower() not in ("", "0", "false"):
        return False
    return _isatty(out) and _isatty(err)


def _isatty(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


class Progress:
    """A one-line progress bar on a terminal: ``[#####.....] 250/500 files``.

    It redraws at most ten times a second, and clears its line when closed,
    so that nothing of it is left among the findings printed after it. A
    tiny bar of its own rather than a library: nothing to import before the
    first file (this runs in pre-commit hooks), and one line is all it draws.
    """

    WIDTH = 30

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self._last = 0.0
        self._drawn = False

    def __call__(self, done: int) -> None:
        now = time.monotonic()
        if done < self.total and now - self._last < 0.1:
            return
        self._last = now
        filled = self.WIDTH * done // max(self.total, 1)
        bar = "#" * filled + "." * (self.WIDTH - filled)
        self.stream.write(f"\r[{bar}] {done}/{self.total} files")
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        """Clear the bar's line."""
        if self._drawn:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self._drawn = False
