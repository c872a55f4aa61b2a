"""``archref check`` on a folder of Markdown chapters: cold and warm cache, one or more processes.

Generates a book of ``--files`` Markdown files (default 500) in nested
folders, each with a few paragraphs and ``--notes`` footnotes built from
templates of real notes (the same text every run), then runs the command as
a user does, in a new process each time, and prints its wall-clock time and
the CPU time of the command and its worker processes (which a busy machine
does not inflate):

* ``-j 1`` and ``-j N`` with a cold cache (an empty cache folder),
* ``-j N`` again with the warm cache the cold run left,
* ``-j N --no-cache``.

    python bench/check_folder.py [--files 500] [--notes 8] [-j 2]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from machine import describe

NOTES = [
    "РГАСПИ. Ф. {f}. Оп. {o}. Д. {d}. Л. {l}.",
    "Там же. Д. {d}. Л. {l}.",
    "RGASPI, f. {f}, op. {o}, d. {d}, ll. {l}-{l2}; d. {d2}, l. {l}.",
    "TsKhSD, f. 5, op. {o}, d. {d}, l. {l}.",
    "Ibid., l. {l2}.",
    "TNA, FO 371/{d}.",
    "National Archives, RG 59, Central Files, 795.00/6-2550.",
    "Security Council resolution 82 (1950); see also A/C.1/{d}.",
    "ЦАМО РФ. Ф. 5. Оп. 918. Д. {d}. Л. {l}.",
]
PROSE = (
    "The telegram{mark} was read in Moscow the next morning, and the answer went out "
    "the same day; the archive holds both drafts."
)


def chapter(rng: random.Random, notes: int) -> str:
    """One chapter: paragraphs that call their notes, then the notes."""
    body = [f"# Chapter {rng.randint(1, 99)}", ""]
    for n in range(1, notes + 1):
        body += [PROSE.format(mark=f"[^{n}]"), ""]
    for n in range(1, notes + 1):
        template = rng.choice(NOTES)
        values = {
            "f": rng.randint(1, 600),
            "o": rng.randint(1, 200),
            "d": rng.randint(1, 3000),
            "d2": rng.randint(1, 3000),
            "l": rng.randint(1, 300),
            "l2": rng.randint(301, 400),
        }
        body.append(f"[^{n}]: {template.format(**values)}")
    return "\n".join(body) + "\n"


def make_book(root: Path, files: int, notes: int) -> None:
    rng = random.Random(1950)
    for k in range(files):
        folder = root / f"part{k // 50:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"chapter{k:03d}.md").write_text(chapter(rng, notes), encoding="utf-8")


def timed(argv: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float, str]:
    """Wall-clock seconds, CPU seconds (the command and its worker processes), summary."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed:\n{proc.stderr}")
    return elapsed, cpu, proc.stdout.splitlines()[-1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--files", type=int, default=500)
    ap.add_argument("--notes", type=int, default=8, help="footnotes per file")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    args = ap.parse_args()
    print(describe())
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        book = root / "book"
        make_book(book, args.files, args.notes)
        size = sum(p.stat().st_size for p in book.rglob("*.md"))
        print(f"{args.files} Markdown files, {args.notes} footnotes each, {size / 1e6:.2f} MB")
        env = dict(os.environ)
        env.pop("ARCHREF_CACHE_DIR", None)
        # as an installation runs: modules compiled once, not at every start of a process
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        check = [sys.executable, "-m", "archref", "check", "--isolated", "book"]
        first = str(next(book.rglob("*.md")))
        subprocess.run(
            [*check[:-1], "--no-cache", first], env=env, capture_output=True, check=False
        )
        j = str(args.jobs)
        runs = [
            ("-j 1, cold cache", [*check, "-j", "1", "--cache-dir", str(root / "c1")]),
            (f"-j {j}, cold cache", [*check, "-j", j, "--cache-dir", str(root / "c2")]),
            (f"-j {j}, warm cache", [*check, "-j", j, "--cache-dir", str(root / "c2")]),
            (f"-j {j}, --no-cache", [*check, "-j", j, "--no-cache"]),
        ]
        print(f"load average before: {os.getloadavg()[0]:.1f}")
        print(f"{'run':<22} {'wall':>8} {'CPU':>8}   summary")
        for label, argv in runs:
            elapsed, cpu, summary = timed(argv, root, env)
            print(f"{label:<22} {elapsed:6.2f} s {cpu:6.2f} s   {summary}")


if __name__ == "__main__":
    main()
