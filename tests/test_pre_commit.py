"""The hooks of .pre-commit-hooks.yaml, run for real by ``pre-commit try-repo``.

The repository under test is this one, named by its local path (no remote is
fetched); pre-commit makes its own environment for the hook (``language:
python``) and installs archref into it from that path. The test is skipped,
with the reason, where pre-commit is not installed, and where the hook's
environment cannot be installed for want of a package index (archref's
dependencies come from one, or from pip's cache).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("pre_commit") is None,
    reason="pre-commit is not installed (pip install -e '.[dev]' installs it)",
)

# A reference as archref writes it (RGANI's current name), and one with a former
# name (TsKhSD, 1991-1999) that the check reports: Stalin to Gottwald, 1950, the
# seed footnote of tests/test_check_cli.py.
CLEAN = "Stalin to Gottwald.[^1]\n\n[^1]: RGANI, f. 5, op. 28, d. 103, l. 2.\n"
BROKEN = "Stalin to Gottwald.[^1]\n\n[^1]: TsKhSD, f. 5, op. 28, d. 103, l. 2.\n"
_OFFLINE = (
    "No matching distribution",
    "Could not find a version",
    "Failed to establish a new connection",
    "Temporary failure in name resolution",
    "Network is unreachable",
)


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def _repository(tmp_path: Path, files: dict[str, str]) -> Path:
    repo = tmp_path / "book"
    repo.mkdir(parents=True)
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "book@example.org")
    _git(repo, "config", "user.name", "A Historian")
    for name, text in files.items():
        (repo / name).write_text(text, encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "chapter one")
    return repo


def _try_repo(repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    """Both hooks on every file of ``repo`` (try-repo installs them afresh each time)."""
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never")
    env.pop("ARCHREF_CACHE_DIR", None)
    proc = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "--all-files"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0 and "An error has occurred" in proc.stdout + proc.stderr:
        log = home / "pre-commit.log"
        text = log.read_text("utf-8", "replace") if log.exists() else ""
        if any(sign in text for sign in _OFFLINE):
            pytest.skip("the hook's environment could not be installed: no package index")
    return proc


def test_the_hooks_file_names_both_hooks() -> None:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text("utf-8")
    assert "- id: archref-check\n" in text and "- id: archref-fix\n" in text
    assert text.count("language: python") == 2


def test_hooks_pass_a_clean_book(tmp_path: Path) -> None:
    clean = _repository(tmp_path, {"chapter1.md": CLEAN, "notes.txt": CLEAN})
    proc = _try_repo(clean, tmp_path / "home")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert [ln.split(".", 1)[0] for ln in proc.stdout.splitlines() if ln.endswith("Passed")] == [
        "archref check",
        "archref fix",
    ]
    assert (clean / "chapter1.md").read_text("utf-8") == CLEAN


def test_hooks_fail_a_broken_book_and_fix_it(tmp_path: Path) -> None:
    broken = _repository(tmp_path, {"chapter1.md": BROKEN, "notes.txt": CLEAN})
    proc = _try_repo(broken, tmp_path / "home")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    failed = [ln.split(".", 1)[0] for ln in proc.stdout.splitlines() if ln.endswith("Failed")]
    assert failed == ["archref check", "archref fix"]
    assert "chapter1.md:3:7: ARC102 warning: TsKhSD (1991-1999) is a former name" in proc.stdout
    assert "files were modified by this hook" in proc.stdout
    assert "chapter1.md:3:7: ARC102 fixed: 'TsKhSD' -> 'RGANI'" in proc.stdout
    assert (broken / "chapter1.md").read_text("utf-8") == CLEAN
