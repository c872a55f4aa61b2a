"""Settings shared by every test."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True, scope="session")
def _cache_outside_the_source_tree(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """``archref check`` keeps its cache in a folder of the test session, not in the
    folder the tests run in (a test that checks the cache names its own folder)."""
    before = os.environ.get("ARCHREF_CACHE_DIR")
    os.environ["ARCHREF_CACHE_DIR"] = str(tmp_path_factory.mktemp("archref-cache"))
    yield
    if before is None:
        os.environ.pop("ARCHREF_CACHE_DIR", None)
    else:
        os.environ["ARCHREF_CACHE_DIR"] = before
