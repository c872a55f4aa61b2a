"""Parsing and extraction speed on a generated book of footnotes.

Builds a text of N footnotes from templates of real notes (GOST Cyrillic and
English archival references, chains, "Там же", UN symbols, published works,
prose), with varied numbers (the same text every run), then times:

* ``archref.parse`` over single references,
* ``archref.extract`` over the whole text at once,
* ``archref.extract_notes`` over the notes as a sequence,
* ``archref.clean`` alone,

best of ``--repeat`` runs, and prints references per second and MB/s.

    python bench/extract_speed.py [-n 5000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable

import archref
from machine import describe

TEMPLATES = [
    "РГАСПИ. Ф. {f}. Оп. {o}. Д. {d}. Л. {l}.",
    "АП РФ. Ф.3. Оп.{o}. Д.{d}. Л.{l}–{l2}.",
    "Там же. Д.{d}. Л.{l}.",
    "RGASPI, f. {f}, op. {o}, d. {d}, ll. {l}-{l2}; d. {d2}, l. {l}.",
    "TsKhSD, f. 5, op. {o}, d. {d}, l. {l}.",
    "AVPRF, Fond 059a, Opis 5a, Delo {d}, Papka {o}, Listy {l}-{l2}.",
    "Так, политбюро постановило: «передать дела» (ЦА ФСБ. Ф.3. Оп.{o}. Д.{d}. Л.{l}). "
    "См. также Хлевнюк О. В. Политбюро. М., 1996. С. {l}.",
    "On October 17 the United States introduced its resolution (Document A/C.1/{d}); "
    "see also Security Council resolution 82 (1950) and S/{d2} and Corr.1.",
    'Bajanov, Evgueni, "Assessing the Politics of the Korean War, 1949-1951," Cold War '
    "International History Project Bulletin, No. 6/7 (Winter 1995/1996): {l}.",
    "The meeting took place on 27 August 1950; the minutes run to {l} pages, vol. 2.",
]


def make_notes(n: int, seed: int = 1950) -> list[str]:
    rng = random.Random(seed)
    notes = []
    for _ in range(n):
        numbers = {k: rng.randint(1, 999) for k in ("f", "o", "d", "d2", "l")}
        numbers["l2"] = numbers["l"] + rng.randint(1, 20)
        notes.append(rng.choice(TEMPLATES).format(**numbers))
    return notes


def best(repeat: int, fn: Callable[[], object]) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return min(times), result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=5000, help="number of footnotes (5000)")
    ap.add_argument("--repeat", type=int, default=3, help="runs; the best counts (3)")
    args = ap.parse_args()

    notes = make_notes(args.n)
    text = "\n\n".join(notes)
    mb = len(text.encode("utf-8")) / 1e6
    singles = [n.rstrip(".") for n in notes if n.startswith(("РГАСПИ. Ф.", "TsKhSD", "AVPRF"))]

    print(f"machine: {describe()}")
    print(f"text: {args.n} footnotes, {len(text):,} characters, {mb:.2f} MB (UTF-8)\n")
    t, _ = best(args.repeat, lambda: [archref.parse(s) for s in singles])
    print(f"parse          {len(singles):6} references  {t:7.3f} s  {len(singles) / t:9.0f} refs/s")
    t, cleaned = best(args.repeat, lambda: archref.clean(text))
    print(f"clean          {mb:6.2f} MB          {t:7.3f} s  {mb / t:9.2f} MB/s")
    for name, fn in (
        ("extract", lambda: archref.extract(text)),
        ("extract_notes", lambda: archref.extract_notes(notes)),
    ):
        t, found = best(args.repeat, fn)
        count = len(found)  # type: ignore[arg-type]
        rate = f"{count / t:9.0f} cit/s  {mb / t:.2f} MB/s"
        print(f"{name:14} {count:6} citations   {t:7.3f} s  {rate}")
    del cleaned
    return 0


if __name__ == "__main__":
    sys.exit(main())
