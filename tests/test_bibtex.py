"""BibTeX / BibLaTeX export and import through bibtexparser 2."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import bibtexparser
import pytest
from bibtexparser.model import Entry, ExplicitComment, ImplicitComment, Preamble, String
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import archref
from archref import ArchivalReference, Folio, FolioRange, Level, Locator
from archref.formats.bibtex import (
    biblatex_folio_strings,
    bibtex_key,
    cite_command,
    escape_latex,
    from_bibtex,
    to_bibtex,
    unescape_latex,
)
from archref.notations import fonds

SEED = "RGASPI, f. 558, op. 11, d. 62, ll. 71-72"
TSKHSD = "TsKhSD, f. 5, op. 28, d. 103, l. 2"
GOST = "РГАСПИ. Ф. 17. Оп. 162. Д. 7. Л. 99."
AVPRF = "AVPRF, Fond 059a, Opis 5a, Delo 4, Papka 11, Listy 159-160"


def test_version_is_pinned_to_bibtexparser_2() -> None:
    assert bibtexparser.__version__.startswith("2.")


def test_biblatex_chicago_entry() -> None:
    assert to_bibtex([archref.parse(TSKHSD)]) == (
        "@misc{RGANI-5-28-103,\n"
        "  entrysubtype = {archival},\n"
        "  shorttitle = {RGANI, f. 5, op. 28, d. 103},\n"
        "  note = {f. 5, op. 28, d. 103},\n"
        "  institution = {Russian State Archive of Contemporary History},\n"
        "  location = {Moscow},\n"
        "  pages = {2},\n"
        "  pagination = {folio}\n"
        "}\n"
    )


def test_biblatex_mla_entry() -> None:
    text = to_bibtex([archref.parse(AVPRF)], convention="mla", notation="en-full")
    assert text == (
        "@unpublished{AVPRF-059a-5a-4-p11,\n"
        "  shorttitle = {AVPRF, fond 059a, opis 5a, delo 4, papka 11},\n"
        "  number = {fond 059a, opis 5a, delo 4, papka 11},\n"
        "  library = {Archive of Foreign Policy of the Russian Federation},\n"
        "  location = {Moscow},\n"
        "  pages = {159--160},\n"
        "  pagination = {folio}\n"
        "}\n"
    )


def test_leaves_kept_as_pages_with_folio_pagination() -> None:
    # biblatex: pagination = {folio} makes pages and numeric postnotes read
    # "fols."; pages only where every citation of the file cites the same leaves
    one = to_bibtex([archref.parse(SEED), archref.parse(SEED)])
    assert "  pages = {71--72},\n  pagination = {folio}\n" in one
    two = to_bibtex([archref.parse(SEED), archref.parse("RGASPI, f. 558, op. 11, d. 62, l. 75")])
    assert "pages" not in two and "  pagination = {folio}\n" in two
    garf = to_bibtex([archref.parse("GARF, f. R-6991, op. 1, d. 3, pp. 105-6")])
    assert "  pages = {105--106}\n" in garf and "pagination" not in garf
    bare = to_bibtex([archref.parse("RGASPI, f. 17, op. 3, d. 1051")])
    assert "pages" not in bare and "pagination" not in bare
    classic = to_bibtex([archref.parse(SEED)], dialect="bibtex")
    assert "pages" not in classic and "shorttitle" not in classic


def test_untitled_file_has_a_short_title_for_short_notes() -> None:
    # biblatex-chicago's short note of an untitled file printed only ", l. 73"
    bib = to_bibtex([archref.parse("ГАРФ. Ф. Р-9401. Оп. 2. Д. 64. Л. 9-13")])
    assert "  shorttitle = {GARF, f. R-9401, op. 2, d. 64},\n" in bib


def test_classic_bibtex_entry_carries_the_whole_reference_in_note() -> None:
    text = to_bibtex([archref.parse(SEED)], dialect="bibtex")
    assert "@misc{RGASPI-558-11-62," in text
    assert "howpublished = {Russian State Archive of Socio-Political History, Moscow}" in text
    assert "note = {RGASPI, f. 558, op. 11, d. 62}" in text
    assert [str(r) for r in from_bibtex(text).references] == ["RGASPI, f. 558, op. 11, d. 62"]


def test_cyrillic_is_written_as_utf8_not_as_latex_macros() -> None:
    text = to_bibtex([archref.parse(GOST)], notation="ru")
    assert "note = {Ф. 17. Оп. 162. Д. 7}" in text
    assert "institution = {Российский государственный архив" in text
    assert "\\CYR" not in text
    assert from_bibtex(text).references == [archref.parse("RGASPI, f. 17, op. 162, d. 7")]


def test_latex_specials_are_escaped() -> None:
    title = "Papers of Smith & Co., 100% {sic} #5 R_1 $2"
    ref = ArchivalReference(
        archref.default_registry().get("GARF"),
        (Level("fond", "R-5446", title=title), Level("opis", "1"), Level("delo", "1")),
    )
    for dialect in ("biblatex", "bibtex"):
        text = to_bibtex([ref], dialect=dialect)  # type: ignore[arg-type]
        assert r"Papers of Smith \& Co., 100\% \{sic\} \#5 R\_1 \$2" in text
        entry = bibtexparser.parse_string(text).entries[0]
        assert not bibtexparser.parse_string(text).failed_blocks
        assert entry.key == "GARF-R-5446-1-1"
    assert unescape_latex(escape_latex(title)) == title


def test_keys_are_stable_unique_and_one_per_file() -> None:
    refs = [
        archref.parse("RGASPI, f. 17, op. 163, d. 1326, l. 233"),
        archref.parse("RGASPI, f. 17, op. 163, d. 1326, l. 240"),
        archref.parse("RGASPI, f. 17, op. 163, d. 1350, l. 40"),
    ]
    lib = bibtexparser.parse_string(to_bibtex(refs))
    assert [e.key for e in lib.entries] == ["RGASPI-17-163-1326", "RGASPI-17-163-1350"]
    assert to_bibtex(refs) == to_bibtex(refs)
    # two files whose keys collide still get two keys
    papka = ArchivalReference(refs[0].archive, (Level("fond", "17"), Level("papka", "163")))
    section = ArchivalReference(refs[0].archive, (Level("fond", "17"), Level("tom", "163")))
    plain = ArchivalReference(refs[0].archive, (Level("fond", "17p163"),))
    keys = [e.key for e in bibtexparser.parse_string(to_bibtex([papka, section, plain])).entries]
    assert keys == ["RGASPI-17-p163", "RGASPI-17-t163", "RGASPI-17p163"]
    assert bibtex_key(archref.parse(GOST)) == "RGASPI-17-162-7"


def test_cite_commands_carry_the_leaves() -> None:
    assert cite_command(archref.parse(SEED)) == r"\autocite[\nopp{ll.~71--72}]{RGASPI-558-11-62}"
    assert cite_command(archref.parse(GOST), "footcite", notation="ru") == (
        r"\footcite[\nopp{Л.~99}]{RGASPI-17-162-7}"
    )


def test_un_symbols_are_reports_of_the_united_nations() -> None:
    refs = [archref.parse("A/RES/112(II)"), archref.parse("S/RES/82 (1950)")]
    text = to_bibtex(refs)
    assert "@report{A-RES-112-II," in text
    assert "institution = {United Nations}" in text
    assert "date = {1950}" in text
    classic = to_bibtex(refs, dialect="bibtex")
    assert "@techreport{S-RES-82-1950," in classic
    assert "year = {1950}" in classic
    assert from_bibtex(text).references == refs
    assert from_bibtex(classic).references == refs


class _Work:
    def to_csl_json(self) -> dict[str, Any]:
        return {
            "id": "bajanov-1995",
            "type": "article-journal",
            "author": [{"family": "Bajanov", "given": "Evgueni"}],
            "title": "Assessing the Politics of the Korean War, 1949–1951",
            "container-title": "Cold War International History Project Bulletin",
            "issue": "6/7",
            "page": "54",
            "issued": {"date-parts": [[1995]]},
        }


def test_published_works_through_their_csl_mapping() -> None:
    text = to_bibtex([_Work()])
    assert text == (
        "@article{bajanov-1995,\n"
        "  author = {Bajanov, Evgueni},\n"
        "  journaltitle = {Cold War International History Project Bulletin},\n"
        "  title = {Assessing the Politics of the Korean War, 1949--1951},\n"
        "  number = {6/7},\n"
        "  pages = {54},\n"
        "  date = {1995}\n"
        "}\n"
    )
    assert "journal = {Cold War" in to_bibtex([_Work()], dialect="bibtex")


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="dialect"):
        to_bibtex([], dialect="ris")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="convention"):
        to_bibtex([], convention="apa")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        to_bibtex([3.14])  # type: ignore[list-item]


# Written after Better BibTeX's documented conventions: a Zotero manuscript is
# exported as @unpublished (its Archive and Loc. in Archive are not exported);
# the Extra field goes to annotation; the "physical archive location" postscript
# of BBT's scripting page adds library, number and type; "tex.field: value"
# lines of Extra become fields.
BBT = r"""% Exported by Better BibLaTeX
@string{mos = {Moscow}}
@preamble{"\providecommand{\noopsort}[1]{}"}

@unpublished{stalinLetterGottwald1950,
  title = {Letter to {{Klement Gottwald}}},
  author = {Stalin, Iosif},
  date = {1950-08-27},
  type = {unpublished},
  library = {Russian State Archive of Socio-Political History (RGASPI)},
  number = {f. 558, op. 11, d. 62, ll. 71--72},
  langid = {russian},
  keywords = {Korea,Stalin},
  file = {/home/user/Zotero/storage/ABCD/letter.pdf}
}

@unpublished{binkleyLetterLlewellynRaney1936,
  title = {Letter to {{M}}. {{Llewellyn Raney}}},
  author = {Binkley, Robert C.},
  date = {1936-04-23},
  annotation = {RCBFWB: Doc. 12393}
}

@misc{shtykovTelegram1949,
  title = {Telegram to {{Vyshinskii}}},
  author = {Shtykov, Terentii},
  date = {1949-09-03},
  archive = {AVP RF},
  archive_location = {Fond 059a, Opis 5a, Delo 4, Papka 11, Listy 159--160},
  location = mos
}

@misc{rgani1952,
  note = {TsKhSD, f.~5, op.~28, d.~103, l.~2},
  howpublished = {Russian State Archive of Contemporary History}
}

@article{ledovskii2005,
  title = {Stalin, {{Mao Tszedun}} i Koreiskaia Voina 1950--1953 Godov},
  author = {Ledovskii, Andrei},
  journaltitle = {Novaia i noveishaia istoriia},
  number = {5},
  pages = {79--113},
  date = {2005},
  addendum = {[Source: Russian State Archive of Socio-Political History (RGASPI),
    fond 558, opis 11, delo 62, listy 71-72.]}
}

@report{unResolution821950,
  title = {Resolution 82 (1950)},
  author = {{United Nations Security Council}},
  institution = {United Nations},
  number = {S/RES/82 (1950)},
  url = {https://undocs.org/S/RES/82(1950)}
}

@unpublished{stalinLetterGottwald1950,
  title = {A second entry under the same key}
}

@misc{cutShort,
  title = {Never closed,

@comment{jabref-meta: databaseType:biblatex;}
"""


def test_reading_a_better_bibtex_export() -> None:
    lib = from_bibtex(BBT)
    found = {rec.key: rec for rec in lib if rec.references}
    assert [str(r) for r in found["stalinLetterGottwald1950"].references] == [
        SEED.replace("-", "–")
    ]
    assert found["stalinLetterGottwald1950"].found_in == ("library", "number")
    assert [str(r) for r in found["shtykovTelegram1949"].references] == [
        "AVPRF, f. 059a, op. 5a, d. 4, pa. 11, ll. 159–160"
    ]
    assert found["rgani1952"].references == (archref.parse(TSKHSD),)
    assert found["rgani1952"].found_in == ("note",)
    assert [str(r) for r in found["ledovskii2005"].references] == [
        "RGASPI, f. 558, op. 11, d. 62, ll. 71–72"
    ]
    assert found["ledovskii2005"].found_in == ("addendum",)
    assert found["unResolution821950"].references == (archref.parse("S/RES/82 (1950)"),)
    (binkley,) = lib.unrecognised
    assert binkley.key == "binkleyLetterLlewellynRaney1936"
    assert binkley.reason == "no archival reference or UN symbol in its fields"
    # every field is kept as written, the ones archref does not know included
    stalin = found["stalinLetterGottwald1950"].fields
    assert stalin["file"] == "/home/user/Zotero/storage/ABCD/letter.pdf"
    assert stalin["title"] == "Letter to {{Klement Gottwald}}"
    assert stalin["langid"] == "russian"
    assert found["shtykovTelegram1949"].fields["location"] == "Moscow"  # @string resolved
    # failed blocks are reported with their text and line, not dropped
    reasons = [f.reason for f in lib.failed]
    assert reasons[0] == "duplicate key 'stalinLetterGottwald1950'"
    assert "cutShort" in lib.failed[1].raw
    assert lib.failed[1].line == BBT.splitlines().index("@misc{cutShort,") + 1
    assert len(lib.failed_blocks) == 2


def _signature(text: str) -> list[tuple[Any, ...]]:
    """Every block of a parsed .bib file, as comparable values (failed blocks by their text)."""
    out: list[tuple[Any, ...]] = []
    lib = bibtexparser.parse_string(text)
    for block in lib.blocks:
        if isinstance(block, Entry):
            fields = tuple((f.key, f.value) for f in block.fields)
            out.append(("entry", block.entry_type, block.key, fields))
        elif isinstance(block, String):
            out.append(("string", block.key, block.value))
        elif isinstance(block, Preamble):
            out.append(("preamble", block.value))
        elif isinstance(block, ExplicitComment):
            out.append(("comment", block.comment))
        elif isinstance(block, ImplicitComment):
            out.append(("implicit", block.comment.strip()))
        else:
            out.append(("failed", type(block).__name__, (block.raw or "").strip()))
    return out


def test_parse_write_parse_loses_nothing() -> None:
    once = from_bibtex(BBT)
    written = once.to_string()
    twice = from_bibtex(written)
    assert _signature(written) == _signature(twice.to_string())
    assert [b for b in _signature(written) if b[0] != "implicit"] == [
        b for b in _signature(BBT) if b[0] != "implicit"
    ]
    assert twice.records == once.records
    assert [(f.raw.strip(), f.reason) for f in twice.failed] == [
        (f.raw.strip(), f.reason) for f in once.failed
    ]


ARCHIVES = [
    a
    for a in archref.default_registry()
    if a.notation == "fonds" and a.labels in ("ru", "uk", "bg")
]
digits = st.from_regex(r"[1-9][0-9]{0,3}", fullmatch=True)
ident = st.one_of(
    digits,
    st.from_regex(r"0[0-9]{1,3}", fullmatch=True),
    st.builds(lambda d, s: d + s, digits, st.sampled_from(["a", "b", "Б"])),
    st.builds(lambda d: f"R-{d}", digits),
)
titles = st.one_of(st.none(), st.sampled_from(["Politburo & Secretariat", "Osobaia papka_1 {%}"]))


@st.composite
def references(draw: st.DrawFn) -> ArchivalReference:
    levels = [Level("fond", draw(ident), title=draw(titles))]
    if draw(st.booleans()):
        levels.append(Level("opis", draw(ident)))
    levels.append(Level("delo", draw(ident)))
    if draw(st.booleans()):
        levels.append(Level("papka", draw(digits)))
    folios = None
    if draw(st.booleans()):
        first = draw(st.integers(1, 900))
        folios = Locator((FolioRange(Folio(str(first)), Folio(str(first + 3))),))
    return ArchivalReference(draw(st.sampled_from(ARCHIVES)), tuple(levels), folios)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(references(), min_size=1, max_size=4),
    st.sampled_from(["biblatex", "bibtex"]),
    st.sampled_from(["chicago", "mla"]),
    st.sampled_from(fonds.STYLES),
    st.sampled_from(["full", "acronym"]),
)
def test_round_trip_property(
    refs: list[ArchivalReference], dialect: str, convention: str, notation: str, name: str
) -> None:
    text = to_bibtex(refs, dialect, convention, notation=notation, archive_name=name)  # type: ignore[arg-type]
    lib = from_bibtex(text)
    assert not lib.failed
    again = from_bibtex(lib.to_string())
    assert _signature(lib.to_string()) == _signature(again.to_string())
    # each file once, without its leaves (they belong to the citation)
    files: list[ArchivalReference] = []
    for ref in refs:
        bare = ArchivalReference(ref.archive, ref.levels)
        if bare not in files:
            files.append(bare)
    assert [ArchivalReference(r.archive, r.levels) for r in again.references] == files  # type: ignore[union-attr]
    assert all(r.folios is None for r in again.references)  # type: ignore[union-attr]


PANDOC = shutil.which("pandoc")
BIBER = shutil.which("biber")
EXAMPLE_REFS = [SEED, TSKHSD, GOST, AVPRF, "A/RES/112(II)", "S/RES/82 (1950)"]


@pytest.mark.skipif(PANDOC is None, reason="pandoc is not installed")
@pytest.mark.parametrize(
    ("dialect", "convention", "reader"),
    [
        ("biblatex", "chicago", "biblatex"),
        ("biblatex", "mla", "biblatex"),
        ("bibtex", "chicago", "bibtex"),
    ],
)
def test_pandoc_reads_the_bib_without_warnings(
    tmp_path: Path, dialect: str, convention: str, reader: str
) -> None:
    refs = [archref.parse(t) for t in EXAMPLE_REFS]
    path = tmp_path / "refs.bib"
    path.write_text(to_bibtex(refs, dialect, convention, notation="ru"), "utf-8")  # type: ignore[arg-type]
    assert PANDOC is not None
    run = subprocess.run(
        [PANDOC, "-f", reader, "-t", "csljson", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stderr == ""
    assert "RGASPI-17-162-7" in run.stdout
    assert "Ф. 17. Оп. 162. Д. 7" in run.stdout


@pytest.mark.skipif(BIBER is None, reason="biber is not installed")
@pytest.mark.parametrize(("dialect", "convention"), [("biblatex", "chicago"), ("biblatex", "mla")])
def test_biber_reads_the_bib_without_warnings(
    tmp_path: Path, dialect: str, convention: str
) -> None:
    refs = [archref.parse(t) for t in EXAMPLE_REFS]
    (tmp_path / "refs.bib").write_text(
        to_bibtex(refs, dialect, convention, notation="ru"),  # type: ignore[arg-type]
        "utf-8",
    )
    assert BIBER is not None
    run = subprocess.run(
        [BIBER, "--tool", "--output-file=out.bib", "refs.bib"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "WARN" not in run.stdout and "ERROR" not in run.stdout, run.stdout
    out = (tmp_path / "out.bib").read_text("utf-8")
    assert "Ф. 17. Оп. 162. Д. 7" in out


LATEX = shutil.which("pdflatex")
PDFTOTEXT = shutil.which("pdftotext")
KPSEWHICH = shutil.which("kpsewhich")


def _tex_has(name: str) -> bool:
    if KPSEWHICH is None:
        return False
    run = subprocess.run([KPSEWHICH, name], capture_output=True, text=True, check=False)
    return bool(run.stdout.strip())


#: What the LaTeX test's documents load, besides the base classes.
TEX_PACKAGES = ("biblatex.sty", "biblatex-chicago.sty", "mla.bbx", "csquotes.sty", "babel.sty")


@pytest.mark.skipif(
    LATEX is None or BIBER is None or not all(_tex_has(name) for name in TEX_PACKAGES),
    reason="pdflatex, biber or a LaTeX package the test loads is not installed: "
    + ", ".join(TEX_PACKAGES),
)
@pytest.mark.parametrize(
    ("convention", "package"),
    [
        ("chicago", r"\usepackage[notes,backend=biber]{biblatex-chicago}"),
        ("mla", r"\usepackage[style=mla,backend=biber]{biblatex}"),
    ],
)
def test_latex_and_biber_typeset_the_entries(tmp_path: Path, convention: str, package: str) -> None:
    refs = [archref.parse(SEED), archref.parse(TSKHSD)]
    (tmp_path / "refs.bib").write_text(to_bibtex(refs, convention=convention), "utf-8")  # type: ignore[arg-type]
    # archref's citations, then one written by hand with a bare number: the folio
    # strings of the preamble give it its term
    cites = " ".join(cite_command(r) for r in refs) + r" Again \autocite[73]{RGASPI-558-11-62}."
    (tmp_path / "doc.tex").write_text(
        "\\documentclass{article}\\usepackage[T1]{fontenc}\\usepackage[english]{babel}"
        f"\\usepackage{{csquotes}}{package}{biblatex_folio_strings()}\\addbibresource{{refs.bib}}"
        f"\\begin{{document}}Text {cites}\\printbibliography\\end{{document}}\n",
        "utf-8",
    )
    assert LATEX is not None and BIBER is not None

    def run(*cmd: str) -> str:
        done = subprocess.run(
            cmd, capture_output=True, text=True, check=False, cwd=tmp_path, timeout=300
        )
        assert done.returncode == 0, done.stdout[-3000:]
        return done.stdout

    latex = (LATEX, "-interaction=nonstopmode", "-halt-on-error", "doc.tex")
    run(*latex)
    biber = run(BIBER, "doc")
    assert "WARN" not in biber and "ERROR" not in biber, biber
    run(*latex)
    log = run(*latex)
    assert "undefined" not in log and "Empty bibliography" not in log, log[-3000:]
    warnings = [ln for ln in log.splitlines() if "Warning" in ln and "hyperref" not in ln]
    assert warnings == [], log[-3000:]
    bbl = (tmp_path / "doc.bbl").read_text("utf-8")
    assert "f. 558, op. 11, d. 62" in bbl
    assert "Russian State Archive of Socio-Political History" in bbl
    if PDFTOTEXT is not None and convention == "chicago":  # the notes as typeset
        done = subprocess.run(
            [PDFTOTEXT, "doc.pdf", "-"], capture_output=True, text=True, cwd=tmp_path, check=True
        )
        typeset = " ".join(done.stdout.split())
        assert "Moscow, ll. 71" in typeset and "Moscow, l. 2." in typeset, typeset
        assert "RGASPI, f. 558, op. 11, d. 62, l. 73." in typeset, typeset
        assert re.search(r"\bpp?\.", typeset) is None, typeset  # no page term anywhere
