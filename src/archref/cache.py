"""The on-disk cache of ``archref check``: a file's findings, kept until something changes.

An entry is keyed by a hash of everything its findings depend on: the
file's bytes, its name and format, the rules checked for it, the extra
registry files, and archref's version. Change any of them and the key
changes, so an entry is never stale; it is only left unused. The folder
(``.archref_cache`` beside the configuration file, or in the current folder)
holds a ``CACHEDIR.TAG``, which backup tools read as "do not back up", and a
``.gitignore`` of ``*``, so that git ignores it unasked.

An entry is written whole (to a temporary file, then renamed), so processes
checking at once never read half of one. An entry that cannot be read or
does not hold what an entry holds (a disk error, a hand edit) is ignored and
the file checked afresh: the cache can make a run faster, never different.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     cache = Cache(folder)
...     key = cache_key(b"RGASPI, f. 558", "notes.txt", "text", ["ARC102"], ())
...     cache.put(key, {"references": 1, "findings": []})
...     cache.get(key), cache.get(cache_key(b"other", "notes.txt", "text", ["ARC102"], ()))
({'references': 1, 'findings': []}, None)
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["CACHE_FOLDER", "Cache", "cache_key"]

#: The cache folder's name.
CACHE_FOLDER = ".archref_cache"

_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by archref.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)


@functools.cache
def _fingerprint() -> str:
    """archref's version, and the times its installed files were last changed.

    The version alone would serve a release; the times keep an installation
    from source (``pip install -e``) from reading findings that code or
    registry data since changed would no longer give.
    """
    from archref import __version__  # noqa: PLC0415

    package = os.path.dirname(os.path.abspath(__file__))
    latest, count = 0, 0
    for folder, _, names in os.walk(package):
        for name in names:
            if name.endswith((".py", ".toml", ".json", ".txt")):
                with contextlib.suppress(OSError):
                    latest = max(latest, os.stat(os.path.join(folder, name)).st_mtime_ns)
                    count += 1
    return f"{__version__}:{count}:{latest}"


def cache_key(
    data: bytes,
    path: str,
    fmt: str,
    codes: Iterable[str],
    registry: Iterable[tuple[str, str]],
    *,
    prefer: Mapping[str, str | None] | None = None,
) -> str:
    """The key of a file's findings: a SHA-256 of all they depend on (the consistency
    rules' preferences among them)."""
    digest = hashlib.sha256()
    header = {
        "archref": _fingerprint(),
        "path": path,
        "format": fmt,
        "codes": sorted(codes),
        "registry": [[name, hashlib.sha256(text.encode()).hexdigest()] for name, text in registry],
        "prefer": dict(prefer or {}),
    }
    digest.update(json.dumps(header, sort_keys=True).encode("ascii"))
    digest.update(b"\0")
    digest.update(data)
    return digest.hexdigest()


class Cache:
    """A cache folder; created (with its tag files) on the first write."""

    def __init__(self, folder: str) -> None:
        self.folder = folder

    def _path(self, key: str) -> str:
        return os.path.join(self.folder, key[:2], key + ".json")

    def get(self, key: str) -> dict[str, Any] | None:
        """The entry stored under ``key``, or None (absent, unreadable or not an entry)."""
        try:
            with open(self._path(key), "rb") as fh:
                data = json.loads(fh.read().decode("utf-8"))
        except (OSError, ValueError, RecursionError):
            return None
        if not isinstance(data, dict) or data.get("key") != key:
            return None
        entry = data.get("entry")
        return entry if isinstance(entry, dict) else None

    def _prepare(self) -> None:
        os.makedirs(self.folder, exist_ok=True)
        for name, text in (("CACHEDIR.TAG", _TAG), (".gitignore", "# created by archref\n*\n")):
            target = os.path.join(self.folder, name)
            if not os.path.exists(target):
                with open(target, "w", encoding="utf-8") as fh:
                    fh.write(text)

    def put(self, key: str, entry: dict[str, Any]) -> None:
        """Store ``entry`` (plain JSON data) under ``key``; a failure to write is ignored."""
        target = self._path(key)
        try:
            self._prepare()
            os.makedirs(os.path.dirname(target), exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=os.path.dirname(target), suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(json.dumps({"key": key, "entry": entry}).encode("ascii"))
            os.replace(tmp, target)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
