"""The examples of the documentation run, so the pages cannot rot.

* Every ```` ```pycon ```` block of a page under docs/ is a doctest; the blocks
  of one page run in order and share their names, like a session.
* The README's ```` ```python ```` example is a doctest too.
* Every ```` ```console ```` block of a page is a shell session: each ``$``
  line runs (with this environment's ``archref`` first on the PATH) and its
  output, standard output and error together, must be what the page shows;
  ``$ echo $?`` checks the exit status of the command before it.
"""

from __future__ import annotations

import doctest
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted(p for p in DOCS.glob("*.md"))

_FENCE = re.compile(r"^```(?P<lang>[\w-]*)\s*$")


def fenced(text: str, lang: str) -> list[tuple[int, list[str]]]:
    """The fenced blocks of ``lang`` in Markdown ``text``: (first line index, lines)."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] | None = None
    start = 0
    for n, line in enumerate(text.splitlines()):
        m = _FENCE.match(line)
        if current is None:
            if m and m.group("lang") == lang:
                current, start = [], n + 1
        elif line.startswith("```"):
            blocks.append((start, current))
            current = None
        else:
            current.append(line)
    return blocks


def doctest_source(text: str, lang: str) -> str:
    """``text`` with everything outside the ``lang`` blocks blanked, lines kept in place."""
    lines = [""] * (len(text.splitlines()) + 1)
    for start, block in fenced(text, lang):
        lines[start : start + len(block)] = block
    return "\n".join(lines)


def run_doctests(path: Path, lang: str) -> doctest.TestResults:
    source = doctest_source(path.read_text("utf-8"), lang)
    test = doctest.DocTestParser().get_doctest(
        source, {"__name__": "__docs__"}, path.name, str(path), 0
    )
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    return runner.summarize(verbose=False)


@pytest.mark.parametrize(
    "page", [p for p in PAGES if "```pycon" in p.read_text("utf-8")], ids=lambda p: p.name
)
def test_page_examples(page: Path) -> None:
    results = run_doctests(page, "pycon")
    assert results.attempted > 0
    assert results.failed == 0, f"{results.failed} example(s) of {page.name} failed; see above"


def test_tutorial_has_examples() -> None:
    assert run_doctests(DOCS / "tutorial.md", "pycon").attempted >= 40


def test_readme_example() -> None:
    results = run_doctests(ROOT / "README.md", "python")
    assert results.attempted > 0
    assert results.failed == 0


def shell_sessions(text: str) -> list[tuple[int, str, str]]:
    """(line number, command, expected output) for each ``$`` line of the console blocks."""
    out: list[tuple[int, str, str]] = []
    for start, block in fenced(text, "console"):
        for k, line in enumerate(block):
            if not line.startswith("$ "):
                continue
            expected: list[str] = []
            for nxt in block[k + 1 :]:
                if nxt.startswith("$ "):
                    break
                expected.append(nxt)
            out.append((start + k + 1, line[2:], "\n".join(expected)))
    return out


def test_cli_page_has_sessions() -> None:
    assert len(shell_sessions((DOCS / "cli.md").read_text("utf-8"))) >= 8


@pytest.mark.parametrize(
    "page", [p for p in PAGES if "```console" in p.read_text("utf-8")], ids=lambda p: p.name
)
def test_page_shell_sessions(page: Path) -> None:
    env = dict(os.environ, PYTHONUNBUFFERED="1", COLUMNS="80", LC_ALL="C.UTF-8")
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    status = 0
    for line, command, expected in shell_sessions(page.read_text("utf-8")):
        where = f"{page.name}:{line}"
        if command == "echo $?":
            assert str(status) == expected.strip(), f"{where}: exit status"
            continue
        assert command.startswith(("archref", "printf ")), f"{where}: not run here: {command}"
        proc = subprocess.run(
            ["bash", "-c", command],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=ROOT,
            text=True,
            check=False,
        )
        status = proc.returncode
        assert proc.stdout.rstrip("\n") == expected, f"{where}: {command}"
