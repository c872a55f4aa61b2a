"""Start-up time: how long a fresh interpreter takes to import archref and make a first call.

Each case runs in a new process, ``--repeat`` times (10 by default) after one
run that is not counted (it writes the bytecode caches, as an installed
package has them), and the median wall-clock time is printed. The bare
interpreter is measured the same way, for reference.

python bench/import_time.py
python bench/import_time.py --repeat 20
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from machine import describe

NOTE = "See RGASPI, f. 558, op. 11, d. 62, l. 71, and S/RES/82 (1950).\n\nTNA, FO 371/84053.\n"


def cases(sample: Path) -> list[tuple[str, list[str]]]:
    """(label, interpreter arguments) of every case measured."""
    python = [sys.executable]
    return [
        ("python (nothing imported)", [*python, "-c", "pass"]),
        ("import archref", [*python, "-c", "import archref"]),
        (
            "archref.parse(...) once",
            [*python, "-c", "import archref; archref.parse('RGASPI, f. 558, op. 11, d. 62')"],
        ),
        (
            "archref.extract(...) once",
            [*python, "-c", f"import archref; archref.extract({NOTE!r})"],
        ),
        ("archref check (3 lines)", [*python, "-m", "archref", "check", str(sample)]),
    ]


def median_seconds(argv: list[str], repeat: int, env: dict[str, str]) -> float:
    """The median wall-clock time of ``repeat`` fresh runs of ``argv``."""
    subprocess.run(argv, env=env, capture_output=True, check=False)  # bytecode caches
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(argv, env=env, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=10, help="fresh processes per case")
    args = ap.parse_args(argv)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    print(f"machine: {describe()}")
    print(f"median of {args.repeat} fresh processes each")
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "notes.md"
        sample.write_text(NOTE, encoding="utf-8")
        for label, case in cases(sample):
            seconds = median_seconds(case, args.repeat, env)
            print(f"{label:<28} {seconds * 1000:7.0f} ms", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
