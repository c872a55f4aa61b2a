"""The configuration file: ``[tool.archref]`` in ``pyproject.toml``, or ``archref.toml``.

archref looks for its configuration in the folder of the paths it checks
(their common folder) and in each folder above it; the nearest folder with
an ``archref.toml``, or with a ``pyproject.toml`` that has a
``[tool.archref]`` table, wins (``archref.toml`` first when a folder has
both). When none is found there, the current folder and those above it are
searched the same way. ``--config FILE`` names the file instead;
``--isolated`` uses none. In ``archref.toml`` the keys are at the top
level; in ``pyproject.toml`` they are under ``[tool.archref]``.

Every key is described in the documentation page "Configuration"
(``docs/configuration.md``); :data:`KEYS` lists them. Paths and patterns in
the file are relative to the folder it is in.

>>> config = parse_config({"select": ["ARC1"], "fail-on": "error"}, "archref.toml")
>>> config.select, config.fail_on
(('ARC1',), 'error')
>>> parse_config({"fail_on": "error"}, "archref.toml")
Traceback (most recent call last):
...
archref.config.ConfigError: archref.toml: unknown key 'fail_on' (did you mean 'fail-on'?)
>>> parse_config({"ignore": ["ARC12"]}, "archref.toml")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
archref.config.ConfigError: archref.toml: key 'ignore': no rule code starts with 'ARC12' (did...)
"""

from __future__ import annotations

import difflib
import os
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from archref.model.common import ArchrefError
from archref.notations import ARCHIVAL_STYLES

__all__ = [
    "FAIL_ON",
    "KEYS",
    "OUTPUT_FORMATS",
    "Config",
    "ConfigError",
    "check_codes",
    "find_config",
    "load_config",
    "parse_config",
]

#: The values of ``fail-on`` (and ``--fail-on``).
FAIL_ON = ("error", "warning", "info", "never")

#: The output formats of ``archref check`` (``output-format``, ``--output-format``).
OUTPUT_FORMATS = ("text", "json", "github", "sarif", "checkstyle", "junit")

#: Every key the configuration accepts, with what it expects.
KEYS: dict[str, str] = {
    "select": "a list of rule codes or prefixes",
    "extend-select": "a list of rule codes or prefixes",
    "ignore": "a list of rule codes or prefixes",
    "per-file-ignores": "a table of file pattern = list of rule codes or prefixes",
    "fail-on": f"one of {', '.join(map(repr, FAIL_ON))}",
    "include": "a list of file patterns",
    "exclude": "a list of file patterns",
    "respect-gitignore": "true or false",
    "registry": "a registry file name, or a list of them",
    "notation": f"one of {', '.join(map(repr, ARCHIVAL_STYLES))}",
    "style": "a CSL style name, id or .csl file",
    "output-format": f"one of {', '.join(map(repr, OUTPUT_FORMATS))}",
    "cache-dir": "a folder name",
    "prefer": "a table of preference = value (labels, script, leaves, punctuation)",
}


class ConfigError(ArchrefError, ValueError):
    """A configuration that cannot be used: the message names the file and the key."""


@attrs.frozen
class Config:
    """A configuration, read and checked. Defaults are those of the command line.

    ``path`` is the file it was read from (``None``: no file), ``root`` the
    folder its paths and patterns are relative to.
    """

    path: str | None = None
    root: str = "."
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    fail_on: str | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    registry: tuple[str, ...] = ()
    notation: str | None = None
    style: str | None = None
    output_format: str | None = None
    cache_dir: str | None = None
    prefer: tuple[tuple[str, str], ...] = ()


def check_codes(codes: Iterable[str], where: str) -> tuple[str, ...]:
    """Rule codes or prefixes, upper-cased; one that matches no rule is a :class:`ConfigError`
    naming it and the closest code."""
    from archref.rules import RULES  # noqa: PLC0415

    out: list[str] = []
    for raw in codes:
        code = raw.strip().upper()
        if not code or not any(known.startswith(code) for known in RULES):
            close = difflib.get_close_matches(code, list(RULES), n=1, cutoff=0.6)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ConfigError(f"{where}: no rule code starts with {raw!r}{hint}")
        out.append(code)
    return tuple(out)


def _string_list(value: object, where: str, expected: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(f"{where}: expected {expected}, got {value!r:.80}")


def _choice(value: object, where: str, choices: Sequence[str]) -> str:
    if isinstance(value, str) and value in choices:
        return value
    expected = ", ".join(map(repr, choices))
    close = difflib.get_close_matches(str(value), list(choices), n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise ConfigError(f"{where}: expected one of {expected}, got {value!r:.80}{hint}")


def parse_config(data: Mapping[str, Any], path: str, root: str = ".") -> Config:
    """A :class:`Config` from the table read from ``path``; a :class:`ConfigError` naming the
    file, the key and what was expected when a key is unknown or a value wrong."""
    values: dict[str, Any] = {}
    for key, value in data.items():
        where = f"{path}: key {key!r}"
        if key not in KEYS:
            close = difflib.get_close_matches(key.replace("_", "-"), list(KEYS), n=1)
            hint = f"did you mean {close[0]!r}?" if close else f"known: {', '.join(KEYS)}"
            raise ConfigError(f"{path}: unknown key {key!r} ({hint})")
        name = key.replace("-", "_")
        if key in ("select", "extend-select", "ignore"):
            values[name] = check_codes(_string_list(value, where, KEYS[key]), where)
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: expected {KEYS[key]}, got {value!r:.80}")
            pairs = []
            for pattern, codes in value.items():
                inner = f"{path}: key 'per-file-ignores.{pattern}'"
                listed = _string_list(codes, inner, "a list of rule codes or prefixes")
                pairs.append((pattern, check_codes(listed, inner)))
            values[name] = tuple(pairs)
        elif key == "fail-on":
            values[name] = _choice(value, where, FAIL_ON)
        elif key == "notation":
            values[name] = _choice(value, where, ARCHIVAL_STYLES)
        elif key == "output-format":
            values[name] = _choice(value, where, OUTPUT_FORMATS)
        elif key in ("include", "exclude", "registry"):
            values[name] = _string_list(value, where, KEYS[key])
        elif key == "prefer":
            from archref.consistency import preferences  # noqa: PLC0415

            if not isinstance(value, dict):
                raise ConfigError(f"{where}: expected {KEYS[key]}, got {value!r:.80}")
            try:
                preferences(value)
            except (TypeError, ValueError) as exc:
                raise ConfigError(f"{where}: {exc}") from None
            values[name] = tuple((str(k), str(v)) for k, v in value.items())
        elif key == "respect-gitignore":
            if not isinstance(value, bool):
                raise ConfigError(f"{where}: expected {KEYS[key]}, got {value!r:.80}")
            values[name] = value
        else:  # style, cache-dir
            if not isinstance(value, str) or not value:
                raise ConfigError(f"{where}: expected {KEYS[key]}, got {value!r:.80}")
            values[name] = value
    return Config(path=path, root=root, **values)


def load_config(path: str) -> Config:
    """Read a configuration file: ``archref.toml``, or the ``[tool.archref]`` table of a
    ``pyproject.toml`` (any other name is read as ``archref.toml``)."""
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the configuration: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8: {exc.reason}") from None
    if os.path.basename(path) == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("archref", {}) if isinstance(tool, dict) else {}
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.archref] must be a table")
        data = table
    root = os.path.dirname(os.path.abspath(path))
    return parse_config(data, path, root)


def _has_table(pyproject: str) -> bool:
    try:
        with open(pyproject, "rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return False
    tool = data.get("tool")
    return isinstance(tool, dict) and "archref" in tool


def _search(folder: str) -> str | None:
    current = os.path.abspath(folder)
    while True:
        candidate = os.path.join(current, "archref.toml")
        if os.path.isfile(candidate):
            return candidate
        candidate = os.path.join(current, "pyproject.toml")
        if os.path.isfile(candidate) and _has_table(candidate):
            return candidate
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


def find_config(paths: Sequence[str], cwd: str | None = None) -> str | None:
    """The configuration file for checking ``paths``: the nearest one at or above their
    common folder, else at or above ``cwd`` (the current folder); None if there is none."""
    cwd = os.path.abspath(cwd or os.curdir)
    folders = []
    for path in paths:
        if path == "-":
            continue
        full = os.path.join(cwd, path)
        folders.append(full if os.path.isdir(full) else os.path.dirname(full))
    if folders:
        try:
            common = os.path.commonpath(folders)
        except ValueError:  # pragma: no cover (paths on different drives)
            common = cwd
        found = _search(common)
        if found is not None:
            return found
    return _search(cwd)
