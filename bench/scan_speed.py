"""Scanning speed: extraction against a scan for digits, a book checked, adversarial inputs, memory.

In one run, on the texts of ``bench/texts.py`` (the same text every run):

* ``re.findall(r"\\d+", text)`` over each text (the reference speed: one pass of a simple
  pattern) and ``archref.extract`` over English prose, Russian prose and dense footnotes
  (``extract`` over the notes joined by blank lines, and ``extract_notes`` over the list),
  CPU time and wall time, best of ``--repeat``, in MB/s (UTF-8) and citations/s, and how
  many times the digits scan's time extraction takes;
* ``archref check --no-cache book.md`` on a Markdown book of 3,000 footnotes, as a command,
  wall time including start-up, and its peak memory (a cold run: nothing is read from or
  written to the cache of findings, so every run reads and checks the whole book); then the
  same with a cache of findings that the first of those runs fills, for comparison;
* each adversarial input at 10,000 and 100,000 characters through ``archref.extract``, in a
  process of its own stopped after 30 s, and how much longer the larger one took;
* the peak memory (``ru_maxrss``) of ``archref.extract_stream`` (a file read a paragraph
  at a time) and of ``archref check`` (the file read whole) over a generated 10 MB file
  (and a 100 MB one with ``--big``) of dense footnotes and prose.

    python bench/scan_speed.py [--size-mb 2] [--repeat 3] [--quick] [--big]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import archref
import texts
from machine import describe

HERE = Path(__file__).resolve().parent
#: An adversarial input still running after this many seconds is stopped.
STOP_AFTER = 30.0
DIGITS = re.compile(r"\d+")

#: Runs ``extract`` on one adversarial input in a process of its own; prints CPU and wall
#: seconds and the number of citations, as JSON.
_ADVERSARIAL_CHILD = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
import archref, texts
unit, size = sys.argv[2], int(sys.argv[3])
archref.extract(texts.adversarial(unit, 1_000))  # tables built on first use
text = texts.adversarial(unit, size)
cpu, wall = time.process_time(), time.perf_counter()
found = archref.extract(text)
cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
print(json.dumps({"cpu": cpu, "wall": wall, "found": len(found)}))
"""

#: Runs a command and prints its wall time, exit status and peak memory (``ru_maxrss``, in
#: kB on Linux) as JSON: only that command counts among this process's children.
_MEASURED_CHILD = """
import json, resource, subprocess, sys, time
wall = time.perf_counter()
status = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
wall = time.perf_counter() - wall
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"wall": wall, "status": status, "maxrss_kb": peak}))
"""


def mb_of(text: str) -> float:
    return len(text.encode("utf-8")) / 1e6


def sized(make: Callable[[int], str], mb: float) -> str:
    """A text from ``make`` (which takes characters) of about ``mb`` megabytes in UTF-8."""
    text = make(int(mb * 1e6))
    per_char = mb_of(text) * 1e6 / max(len(text), 1)
    if per_char > 1.05:
        text = make(int(mb * 1e6 / per_char))
    return text


def best(repeat: int, fn: Callable[[], object]) -> tuple[float, float, object]:
    """The least CPU time and the least wall time of ``repeat`` runs, and the last result."""
    cpus, walls, result = [], [], None
    for _ in range(repeat):
        cpu, wall = time.process_time(), time.perf_counter()
        result = fn()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return min(cpus), min(walls), result


def archref_command() -> list[str]:
    """The ``archref`` console script of this Python, or ``python -m archref``."""
    script = Path(sys.executable).with_name("archref")
    return [str(script)] if script.exists() else [sys.executable, "-m", "archref"]


def measured(argv: Sequence[str], timeout: float | None = None) -> dict[str, float] | None:
    """Wall time, exit status and peak memory of a command; None if it ran out of time."""
    try:
        out = subprocess.run(
            [sys.executable, "-c", _MEASURED_CHILD, *argv],
            capture_output=True,
            text=True,
            check=True,
            timeout=timeout,
        ).stdout
    except subprocess.TimeoutExpired:
        return None
    result: dict[str, float] = json.loads(out)
    return result


def throughput(size_mb: float, repeat: int) -> None:
    english = sized(texts.english_prose, size_mb)
    russian = sized(texts.russian_prose, size_mb)
    notes = texts.dense_notes(len(sized(lambda n: "\n\n".join(texts.dense_notes(n)), size_mb / 2)))
    dense = "\n\n".join(notes)
    archref.extract(english[:2000] + russian[:2000] + dense[:2000])  # first-use tables

    print("Extraction against a scan for digits (best of", repeat, "runs; CPU and wall time)")
    header = (
        f"{'text':22} {'MB':>5} {'what':15} {'found':>7} {'CPU s':>8} {'wall s':>8}"
        f" {'MB/s':>8} {'cit/s':>8} {'x digits':>9}"
    )
    print(header)
    rows: list[tuple[str, str, Callable[[], object]]] = [
        ("English prose", english, lambda: archref.extract(english)),
        ("Russian prose", russian, lambda: archref.extract(russian)),
        ("dense notes", dense, lambda: archref.extract(dense)),
        ("dense notes (list)", dense, lambda: archref.extract_notes(notes)),
    ]
    for label, text, fn in rows:
        mb = mb_of(text)
        d_cpu, d_wall, digits = best(repeat, lambda text=text: DIGITS.findall(text))  # type: ignore[misc]
        print(
            f"{label:22} {mb:5.2f} {'digits scan':15} {len(digits):7} {d_cpu:8.3f}"  # type: ignore[arg-type]
            f" {d_wall:8.3f} {mb / max(d_cpu, 1e-9):8.1f} {'':>8} {'':>9}"
        )
        name = "extract_notes" if label.endswith("(list)") else "extract"
        cpu, wall, found = best(repeat, fn)
        count = len(found)  # type: ignore[arg-type]
        print(
            f"{'':22} {'':5} {name:15} {count:7} {cpu:8.3f} {wall:8.3f}"
            f" {mb / max(cpu, 1e-9):8.2f} {count / max(cpu, 1e-9):8.0f}"
            f" {cpu / max(d_cpu, 1e-9):9.0f}",
            flush=True,
        )
    print("(MB/s and cit/s from CPU time; x digits: extraction's CPU time over the scan's)\n")


def book(tmp: Path, repeat: int, footnotes: int) -> None:
    path = tmp / "book.md"
    path.write_text(texts.book_markdown(footnotes), encoding="utf-8")
    mb = path.stat().st_size / 1e6
    print(f"archref check book.md: {footnotes:,} footnotes, {mb:.2f} MB")
    cache = tmp / "cache"
    cases = (
        ("--no-cache (cold)", ["--no-cache"]),
        ("warm cache", ["--cache-dir", str(cache)]),
    )
    for label, options in cases:
        if "--cache-dir" in options:  # one uncounted run fills the cache
            measured([*archref_command(), "check", *options, str(path)])
        runs = [measured([*archref_command(), "check", *options, str(path)]) for _ in range(repeat)]
        done = [r for r in runs if r is not None]
        wall = min(r["wall"] for r in done)
        peak = max(r["maxrss_kb"] for r in done) / 1024
        status = done[-1]["status"]
        print(
            f"  {label:18} wall time with start-up {wall:.3f} s (best of {repeat}), "
            f"{mb / wall:.2f} MB/s, peak memory {peak:.0f} MB, exit status {status}",
            flush=True,
        )
    print()


def adversarial(sizes: tuple[int, int]) -> None:
    small, large = sizes
    print(
        f"Adversarial inputs through archref.extract, one process each, stopped after "
        f"{STOP_AFTER:.0f} s"
    )
    print(
        f"{'input':22} {'unit':>18} {'found':>6} {f'CPU s {small:,}':>14} "
        f"{f'CPU s {large:,}':>15} {'wall s':>8} {'growth':>7}"
    )
    for name, unit in texts.ADVERSARIAL:
        times: list[dict[str, float] | None] = []
        for size in (small, large):
            try:
                out = subprocess.run(
                    [sys.executable, "-c", _ADVERSARIAL_CHILD, str(HERE), unit, str(size)],
                    capture_output=True,
                    text=True,
                    check=True,
                    timeout=STOP_AFTER + 10,  # the child's start-up and first-use tables
                ).stdout
                result = json.loads(out)
                times.append(result if result["wall"] <= STOP_AFTER else None)
            except subprocess.TimeoutExpired:
                times.append(None)
        a, b = times
        cells = [f"{a['cpu']:14.3f}" if a else f"{'over 30 s':>14}"]
        if b is None:
            cells += [f"{'over 30 s (stopped)':>24}", f"{'':>7}"]
        else:
            growth = f"{b['cpu'] / max(a['cpu'], 1e-3):7.1f}" if a else f"{'':>7}"
            cells += [f"{b['cpu']:15.3f}", f"{b['wall']:8.3f}", growth]
        found = f"{int(b['found']):6}" if b else f"{'':>6}"
        print(f"{name:22} {unit!r:>18} {found} {' '.join(cells)}", flush=True)
    print(
        f"(growth: CPU time at {large:,} characters over that at {small:,}; about "
        f"{large // small} is linear; times below 0.01 s are mostly noise)\n"
    )


def generated_file(path: Path, mb: float) -> None:
    """Dense footnotes and English prose in turn, whole paragraphs, to about ``mb`` MB."""
    notes = texts.dense_notes(250_000)
    prose = texts.english_prose(250_000).split("\n\n")
    paragraphs: list[bytes] = []
    for k, note in enumerate(notes):  # a prose paragraph after each note, in turn
        for paragraph in (note, prose[k % len(prose)]):
            paragraphs.append(paragraph.encode("utf-8") + b"\n\n")
    target = int(mb * 1e6)
    with path.open("wb") as out:
        written = k = 0
        while written < target:
            piece = paragraphs[k % len(paragraphs)]
            out.write(piece)
            written += len(piece)
            k += 1


#: Reads a file through archref.extract_stream and prints how many citations it found.
_STREAM_CHILD = """
import sys
import archref
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    print(sum(1 for _ in archref.extract_stream(f)))
"""


def memory(tmp: Path, sizes: Sequence[float]) -> None:
    print("Peak memory over a generated file (dense notes and prose)")
    for mb in sizes:
        path = tmp / f"generated-{mb:g}mb.txt"
        generated_file(path, mb)
        real = path.stat().st_size / 1e6
        for what, argv in (
            ("archref.extract_stream", [sys.executable, "-c", _STREAM_CHILD, str(path)]),
            (
                "archref check",
                [*archref_command(), "check", "--no-cache", "--from", "text", str(path)],
            ),
        ):
            r = measured(argv)
            assert r is not None
            print(
                f"  {real:6.1f} MB, {what:22}: peak memory {r['maxrss_kb'] / 1024:7.0f} MB,"
                f" wall time {r['wall']:7.1f} s ({real / r['wall']:.2f} MB/s),"
                f" exit status {int(r['status'])}",
                flush=True,
            )
        path.unlink()
    print()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--size-mb", type=float, default=2.0, help="MB of each prose text; notes half (2)"
    )
    ap.add_argument("--repeat", type=int, default=3, help="runs; the best counts (3)")
    ap.add_argument("--quick", action="store_true", help="small sizes, a smoke test")
    ap.add_argument("--big", action="store_true", help="also the 100 MB file (memory)")
    args = ap.parse_args()

    size_mb, repeat = args.size_mb, args.repeat
    footnotes, adversarial_sizes, memory_sizes = 3000, (10_000, 100_000), [1.0, 10.0]
    if args.quick:
        size_mb, repeat = min(size_mb, 0.1), 1
        footnotes, adversarial_sizes, memory_sizes = 100, (1_000, 10_000), [0.2, 0.5]
    if args.big:
        memory_sizes.append(100.0)

    print(f"machine: {describe()}")
    command = "the archref script" if len(archref_command()) == 1 else "python -m archref"
    print(f"archref {archref.__version__}, run as {command}\n")
    throughput(size_mb, repeat)
    with tempfile.TemporaryDirectory() as tmp:
        book(Path(tmp), repeat, footnotes)
        adversarial(adversarial_sizes)
        memory(Path(tmp), memory_sizes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
