"""Which files a command checks: folders walked, ``.gitignore`` respected, globs applied.

``archref check chapters/ notes.bib`` checks ``notes.bib`` and every file
under ``chapters/`` that a reader knows (by its extension, see
:data:`archref.readers.EXTENSIONS`), in a fixed order: the paths in the
order given, and inside a folder its entries sorted by name. What a walk
leaves out:

* hidden files and folders (a name starting with ``.``), ``.git`` among them;
* what a ``.gitignore`` ignores: those of the folders walked and of the
  folders above them up to the root of the git repository (a folder with a
  ``.git``), the nearer file's last matching pattern deciding, negations
  (``!keep.md``) included, as git reads them;
* what an ``exclude`` pattern matches, and, when ``include`` patterns are
  given, what none of them matches (patterns in the ``.gitignore`` syntax,
  relative to the configuration file's folder, or the current one);
* a folder already walked, reached again through a symbolic link (a link to
  a folder above it would otherwise be walked for ever).

A path named on the command line is checked whatever its extension, unless
an ``exclude`` pattern matches it (so that a pre-commit hook, which names
every file, follows the configuration). A path that does not exist is an
error naming it.

>>> import os, tempfile
>>> with tempfile.TemporaryDirectory() as root:
...     for name in ("b.md", "a.tex", "notes.xyz", ".hidden/c.md", "drafts/d.md"):
...         os.makedirs(os.path.dirname(os.path.join(root, name)), exist_ok=True)
...         open(os.path.join(root, name), "w").close()
...     with open(os.path.join(root, ".gitignore"), "w") as fh:
...         _ = fh.write("drafts/\\n")
...     found = collect([root])
...     [os.path.relpath(f, root) for f in found.files], found.errors
(['a.tex', 'b.md'], ())
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Sequence

import attrs
import pathspec

from archref.readers import EXTENSIONS

__all__ = ["Walk", "collect", "patterns"]


@attrs.frozen
class Walk:
    """The files to check, in order, and the paths that could not be walked.

    Attributes:
        files: the files, as paths to open and to show (``"-"`` is standard input).
        errors: ``(path, reason)`` for each path given that does not exist or
            cannot be read.
    """

    files: tuple[str, ...]
    errors: tuple[tuple[str, str], ...] = ()


def patterns(lines: Iterable[str]) -> pathspec.GitIgnoreSpec:
    """Patterns in the ``.gitignore`` syntax (``*.md``, ``drafts/``, ``!keep.md``)."""
    return pathspec.GitIgnoreSpec.from_lines(list(lines))


def _relative(path: str, base: str) -> str | None:
    """``path`` relative to ``base`` with ``/`` separators, or None when it is outside."""
    rel = os.path.relpath(os.path.abspath(path), base)
    if rel == os.curdir:
        return ""
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return None
    return rel.replace(os.sep, "/")


def _matches(spec: pathspec.GitIgnoreSpec | None, path: str, base: str, *, folder: bool) -> bool:
    if spec is None:
        return False
    rel = _relative(path, base)
    if rel is None:  # outside the base: the patterns see the name only
        rel = os.path.basename(os.path.normpath(path))
    if not rel:
        return False
    return bool(spec.match_file(rel + "/" if folder else rel))


def _repository_root(folder: str) -> str | None:
    """The nearest folder at or above ``folder`` with a ``.git``, or None."""
    current = os.path.abspath(folder)
    while True:
        if os.path.exists(os.path.join(current, ".git")):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


class _Ignores:
    """The ``.gitignore`` files read so far, by folder (absolute path)."""

    def __init__(self) -> None:
        self._specs: dict[str, pathspec.GitIgnoreSpec | None] = {}

    def spec(self, folder: str) -> pathspec.GitIgnoreSpec | None:
        if folder not in self._specs:
            lines: list[str] = []
            candidates = [os.path.join(folder, ".gitignore")]
            if os.path.isdir(os.path.join(folder, ".git")):
                candidates.append(os.path.join(folder, ".git", "info", "exclude"))
            for name in candidates:
                try:
                    with open(name, encoding="utf-8", errors="replace") as fh:
                        lines += fh.read().splitlines()
                except OSError:
                    continue
            self._specs[folder] = patterns(lines) if lines else None
        return self._specs[folder]

    def ignored(self, path: str, folders: Sequence[str], *, folder: bool) -> bool:
        """Whether the nearest ``.gitignore`` with a pattern for ``path`` ignores it.

        ``folders`` are the folders whose ignore files apply, outermost first.
        """
        for owner in reversed(folders):
            spec = self.spec(owner)
            if spec is None:
                continue
            rel = _relative(path, owner)
            if not rel:
                continue
            result = spec.check_file(rel + "/" if folder else rel)
            if result.include is not None:
                return bool(result.include)
        return False


def _chain(folder: str, root: str | None) -> list[str]:
    """The folders from ``root`` (or ``folder`` itself without one) down to ``folder``."""
    folder = os.path.abspath(folder)
    if root is None or _relative(folder, root) is None:
        return [folder]
    chain = [folder]
    while chain[-1] != root:
        parent = os.path.dirname(chain[-1])
        if parent == chain[-1]:
            break
        chain.append(parent)
    return list(reversed(chain))


class _Globs:
    """Patterns in the ``.gitignore`` syntax, each set read relative to its own folder."""

    def __init__(self, groups: Sequence[tuple[str, Sequence[str]]]) -> None:
        self.groups = [(os.path.abspath(base), patterns(globs)) for base, globs in groups if globs]

    def __bool__(self) -> bool:
        return bool(self.groups)

    def match(self, path: str, *, folder: bool) -> bool:
        return any(_matches(spec, path, base, folder=folder) for base, spec in self.groups)


def collect(
    paths: Sequence[str],
    *,
    include: Sequence[tuple[str, Sequence[str]]] = (),
    exclude: Sequence[tuple[str, Sequence[str]]] = (),
    gitignore: bool = True,
) -> Walk:
    """The files ``paths`` name, folders walked (see the module's description).

    ``include`` and ``exclude`` are ``(folder, patterns)`` pairs: patterns in
    the ``.gitignore`` syntax, read relative to the folder (that of the
    configuration file, or the current folder for the command line's).
    """
    inc = _Globs(include)
    exc = _Globs(exclude)
    ignores = _Ignores()
    files: list[str] = []
    errors: list[tuple[str, str]] = []
    seen: set[str] = set()

    def add(path: str) -> None:
        key = path if path == "-" else os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            files.append(path)

    def wanted_file(path: str) -> bool:
        if os.path.splitext(path)[1].lower() not in EXTENSIONS:
            return False
        if exc.match(path, folder=False):
            return False
        return not inc or inc.match(path, folder=False)

    def walk(folder: str, chain: list[str], visited: set[tuple[int, int]]) -> None:
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc_:
            errors.append((folder, f"cannot read the folder: {exc_.strerror or exc_}"))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = entry.name if folder == os.curdir else os.path.join(folder, entry.name)
            try:
                is_dir = entry.is_dir()
                is_file = not is_dir and entry.is_file()
            except OSError:
                continue
            if gitignore and ignores.ignored(path, chain, folder=is_dir):
                continue
            if is_dir:
                if exc.match(path, folder=True):
                    continue
                try:
                    info = os.stat(path)
                except OSError:
                    continue  # a broken link
                ident = (info.st_dev, info.st_ino)
                if ident in visited:
                    continue  # reached again through a link: a loop, or walked already
                visited.add(ident)
                walk(path, [*chain, os.path.abspath(path)] if gitignore else chain, visited)
            elif is_file and wanted_file(path):
                add(path)

    for given in paths:
        if given == "-":
            add(given)
            continue
        if os.path.isdir(given):
            root = _repository_root(given) if gitignore else None
            chain = _chain(given, root) if gitignore else []
            info = os.stat(given)
            start = os.path.normpath(given)
            walk(start, chain, {(info.st_dev, info.st_ino)})
        elif os.path.lexists(given) or os.path.splitext(given)[1]:
            # a file, or what names one: the reader says why it cannot be read
            if not exc.match(given, folder=False):
                add(given)
        else:
            errors.append((given, f"cannot read: {os.strerror(errno.ENOENT)}"))
    return Walk(tuple(files), tuple(errors))
