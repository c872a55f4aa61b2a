"""Run the benchmarks: start-up, extraction speed, then rendering speed (archref, stock,
citeproc-js).

python bench/run.py            # what `make bench` runs
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    status = 0
    for script, args in (
        ("import_time.py", ["--repeat", "10"]),
        ("extract_speed.py", ["-n", "5000"]),
        ("scan_speed.py", []),
        ("render_speed.py", ["-n", "1000", "--style", "chicago-notes-bibliography"]),
    ):
        print(f"== {script} {' '.join(args)}", flush=True)
        status |= subprocess.call([sys.executable, str(HERE / script), *args])
        print(flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
