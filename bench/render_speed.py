"""Rendering speed: archref against stock citeproc-py and citeproc-js.

Builds N varied CSL-JSON items (archival documents, UN documents, books,
chapters and articles, with varied names, titles, dates and pages; the same
items every run), renders them as one bibliography with the same style
through the three processors in this one run, and prints the times.

    python bench/render_speed.py [-n 1000] [--style chicago-notes-bibliography]
                                 [--kind bibliography|notes]
                                 [--repeat 3] [--no-js] [--profile]

With ``--kind notes`` the items are cited as a document's notes instead: each
item once, in order, then each again (the second round takes the style's
short form), one cite per note, with a page or folio locator on every third
note. Notes cost more than a bibliography: positions ("Ibid.", subsequent)
are tracked, and for a style with disambiguation every cite is compared
with the others.

Times are the best of ``--repeat`` runs. For the two Python processors the
style is parsed before timing (archref caches it; stock citeproc-py gets the
same advantage); citeproc-js's time includes building its engine, which is
how it is used, and excludes Node's start-up.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    Locator,
    formatter,
)
from citeproc.source.json import CiteProcJSON

from archref.formats import load_style, render, style_path
from compare_citeproc_js import OracleUnavailable, citeproc_js
from machine import describe

FAMILIES = [
    "Stalin", "Ledovskii", "Weathersby", "Stueck", "Shen", "Volokhova", "Muccio", "Kennan",
    "Acheson", "Gromyko", "Zhou", "Kim", "Rhee", "Lie", "Vyshinsky", "Malik", "Bevin", "Attlee",
    "Nehru", "Pearson", "Austin", "Dulles", "Truman", "Mansourov", "Torkunov", "Goncharov",
]  # fmt: skip
GIVENS = [
    "Iosif", "Andrei", "Kathryn", "William", "Zhihua", "Alena", "John J.", "George F.", "Dean",
    "Andrei A.", "Enlai", "Il-sung", "Syngman", "Trygve", "Andrei Ia.", "Iakov", "Ernest",
]  # fmt: skip
WORDS = [
    "war", "armistice", "talks", "korea", "alliance", "origins", "cold", "diplomacy", "archives",
    "documents", "policy", "soviet", "chinese", "american", "decision", "crisis", "conflict",
    "history", "new", "evidence", "upon", "of", "the", "and", "in", "negotiations", "question",
]  # fmt: skip
ARCHIVES = [
    (
        "Russian State Archive of Socio-Political History (RGASPI)",
        "Moscow",
        "fond {a}, opis {b}, delo {c}, listy {d}-{e}",
    ),
    (
        "Archive of Foreign Policy of the Russian Federation (AVPRF)",
        "Moscow",
        "fond {a}, opis {b}, papka {c}, delo {d}",
    ),
    ("The National Archives", "Kew", "FO 371/{a}{b}{c}"),
    (
        "National Archives and Records Administration",
        "College Park, MD",
        "RG 59, Central Decimal File, 795.00/{b}-{d}50",
    ),
    ("United Nations Archives and Records Management Section", "New York", "S-0{a}-00{b}-0{c}"),
]


def _title(rng: random.Random, words: int) -> str:
    picked = [rng.choice(WORDS) for _ in range(words)]
    return " ".join(picked).capitalize()


def make_items(count: int, seed: int = 1950) -> list[dict[str, Any]]:
    """*count* varied CSL-JSON items, the same for a given seed."""
    rng = random.Random(seed)
    items: list[dict[str, Any]] = []
    for number in range(count):
        kind = number % 5
        author = [{"family": rng.choice(FAMILIES), "given": rng.choice(GIVENS)}]
        year = rng.randint(1945, 2020)
        item: dict[str, Any] = {"id": f"item-{number}"}
        if kind == 0:
            archive, place, pattern = rng.choice(ARCHIVES)
            location = pattern.format(
                a=rng.randint(1, 600), b=rng.randint(1, 40), c=rng.randint(1, 900),
                d=rng.randint(1, 200), e=rng.randint(201, 400),
            )  # fmt: skip
            item.update(
                type="manuscript",
                author=author,
                title=f"{_title(rng, 5)} to {rng.choice(FAMILIES)}",
                issued={
                    "date-parts": [
                        [rng.randint(1945, 1953), rng.randint(1, 12), rng.randint(1, 28)]
                    ]
                },
                archive=archive,
                archive_location=location,
            )
            item["archive-place"] = place
        elif kind == 1:
            session = rng.randint(1, 60)
            item.update(
                type="report",
                author=[
                    {
                        "literal": rng.choice(
                            ["United Nations General Assembly", "United Nations Security Council"]
                        )
                    }
                ],
                title=_title(rng, 6),
                genre="Resolution",
                number=f"A/RES/{rng.randint(1, 3000)} ({session})",
                publisher="United Nations",
                issued={"date-parts": [[year, rng.randint(1, 12), rng.randint(1, 28)]]},
            )
        elif kind == 2:
            item.update(
                type="book",
                author=author,
                title=f"{_title(rng, 4)}: {_title(rng, 5)}",
                publisher=rng.choice(
                    [
                        "Princeton University Press",
                        "Routledge",
                        "Nauka",
                        "Stanford University Press",
                    ]
                ),
                issued={"date-parts": [[year]]},
            )
            item["publisher-place"] = rng.choice(
                ["Princeton, NJ", "London", "Moscow", "Stanford, CA"]
            )
        elif kind == 3:
            item.update(
                type="chapter",
                author=author,
                editor=[{"family": rng.choice(FAMILIES), "given": rng.choice(GIVENS)}],
                title=_title(rng, 6),
                publisher="Woodrow Wilson Center Press",
                issued={"date-parts": [[year]]},
                page=f"{rng.randint(1, 200)}-{rng.randint(201, 400)}",
            )
            item["container-title"] = _title(rng, 5)
            item["publisher-place"] = "Washington, DC"
        else:
            item.update(
                type="article-journal",
                author=author,
                title=_title(rng, 7),
                issue=str(rng.randint(1, 6)),
                volume=str(rng.randint(1, 60)),
                issued={"date-parts": [[year]]},
                page=f"{rng.randint(1, 100)}-{rng.randint(101, 200)}",
            )
            item["container-title"] = rng.choice(
                [
                    "Novaia i noveishaia istoriia",
                    "Cold War History",
                    "Far Eastern Affairs",
                    "Diplomatic History",
                ]
            )
        items.append(item)
    return items


def best_of(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def make_notes(items: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Every item cited once, then once more; a locator on every third note."""
    notes: list[list[dict[str, Any]]] = []
    for number, item in enumerate(items + items):
        cite: dict[str, Any] = {"id": item["id"]}
        if number % 3 == 0:
            label = "folio" if item["type"] == "manuscript" else "page"
            cite.update(locator=str(10 + number % 90), label=label)
        notes.append([cite])
    return notes


def stock_runner(
    items: list[dict[str, Any]], style: str, notes: list[list[dict[str, Any]]] | None = None
) -> Callable[[], object]:

    csl = CitationStylesStyle(str(style_path(style)), validate=False)

    def run() -> object:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            bib = CitationStylesBibliography(csl, CiteProcJSON(items), formatter.plain)
            if notes is not None:
                citations = []
                for note in notes:
                    cites = [
                        CitationItem(c["id"], locator=Locator(c["label"], c["locator"]))
                        if c.get("locator")
                        else CitationItem(c["id"])
                        for c in note
                    ]
                    citation = Citation(cites)
                    bib.register(citation)
                    citations.append(citation)
                return [str(bib.cite(citation, lambda item: None)) for citation in citations]
            for item in items:
                bib.register(Citation([CitationItem(item["id"])]))
            bib.sort()
            return [str(entry) for entry in bib.bibliography()]

    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1000, help="number of entries (1000)")
    parser.add_argument("--style", default="chicago-notes-bibliography")
    parser.add_argument("--kind", choices=("bibliography", "notes"), default="bibliography")
    parser.add_argument("--repeat", type=int, default=3, help="runs per processor; best counts (3)")
    parser.add_argument("--no-js", action="store_true", help="skip citeproc-js")
    parser.add_argument("--no-stock", action="store_true", help="skip stock citeproc-py")
    parser.add_argument("--profile", action="store_true", help="profile archref's run instead")
    args = parser.parse_args(argv)

    items = make_items(args.n)
    notes = make_notes(items) if args.kind == "notes" else None
    load_style(args.style)

    def ours() -> object:
        if notes is not None:
            return render(items, args.style, kind="notes", notes=notes)
        return render(items, args.style)

    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(ours)
        pstats.Stats(profile).sort_stats("tottime").print_stats(30)
        return 0

    print(f"machine: {describe()}")
    what = f"{len(notes)} notes citing {args.n} items" if notes else f"{args.n} entries"
    print(f"{what}, style {args.style}, best of {args.repeat}")
    archref_time = best_of(args.repeat, ours)
    print(f"archref            {archref_time:8.2f} s")
    results = {"archref": archref_time}
    if not args.no_stock:
        stock_time = best_of(args.repeat, stock_runner(items, args.style, notes))
        results["stock"] = stock_time
        ratio = stock_time / archref_time
        print(f"stock citeproc-py  {stock_time:8.2f} s   archref is {ratio:.1f}x faster")
    if not args.no_js:
        try:
            bibliography = notes is None

            def js_seconds() -> float:
                answer = citeproc_js(
                    items, args.style, notes=notes, repeat=1, bibliography=bibliography
                )
                return float(answer["seconds"])

            js_times = [js_seconds() for _ in range(args.repeat)]
            js_time = min(js_times)
            results["js"] = js_time
            ratio = js_time / archref_time
            print(f"citeproc-js        {js_time:8.2f} s   archref is {ratio:.1f}x as fast")
        except OracleUnavailable as error:
            print(f"citeproc-js        skipped: {error}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
