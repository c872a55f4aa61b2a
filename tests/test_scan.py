"""The scanning core: anchors, windows, paragraphs, and the invariant the finders rely on."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import archref
from archref import scan as scanning
from archref.notations import barch, fonds, nara, published, signature, tna, un
from golden_support import cases, plain

DATA = Path(__file__).parent / "data"


def _family_matches(text: str) -> dict[str, list[tuple[int, int]]]:
    """What each family's own finder finds reading the whole text, with no windows."""
    out: dict[str, list[tuple[int, int]]] = {}
    scanner = fonds.Scanner(text)
    out["fonds"] = [(m.start, m.end) for m in scanner.find()]
    out["fonds"] += scanner.ibid_markers()
    out["un"] = [(m.start, m.end) for m in un.find(text)]
    out["tna"] = [(m.start, m.end) for m in tna.find(text)]
    out["nara"] = [(m.start, m.end) for m in nara.find(text)]
    out["barch"] = [(m.start, m.end) for m in barch.find(text)]
    out["signature"] = [(m.start, m.end) for m in signature.find(text)]
    out["published"] = [(m.start, m.end) for m in published.find(text)]
    return out


def _texts() -> list[str]:
    texts: list[str] = []
    for case in cases():
        if case["mode"] == "notes":
            texts.extend(case["notes"])
        else:
            texts.append(case["text"])
    return texts


def _assert_anchored(text: str) -> None:
    by_family: dict[str, list[tuple[int, int]]] = {}
    for name, start, end in scanning.anchors(text):
        by_family.setdefault(name, []).append((start, end))
    reach = {f.name: (f.before, f.after) for f in scanning.families()}
    for name, spans in _family_matches(text).items():
        before, after = reach[name]
        for start, end in spans:
            # an anchor within reach that the match holds; the members of a UN list
            # ("A/31/251 & Add.1") hold none of their own: the list's symbol is theirs
            anchored = [
                (a, b)
                for a, b in by_family.get(name, ())
                if (name == "un" or (a < end and start < b))
                and a - before <= start
                and end <= b + after
            ]
            assert anchored, (
                f"{name} match {text[start:end]!r} at {start} holds no anchor of its family"
            )


@pytest.mark.parametrize("k", range(8))
def test_every_match_holds_an_anchor_of_its_family_within_reach(k: int) -> None:
    """The invariant windows rest on, on every golden input (in eight slices)."""
    texts = _texts()
    for text in texts[k::8]:
        _assert_anchored(text)


_PIECES = [
    "RGASPI, f. 558, op. 11, d. 62, ll. 71-72",
    "РГАСПИ. Ф.17. Оп.162. Д.7. Л.99",
    "Там же. Л. 5",
    "Ibid., l. 7",
    "A/C.1/218",
    "S/RES/82 (1950)",
    "resolution 377 A (V)",
    "TNA, FO 371/84053",
    "PRO : PREM 4/43A/16",
    "NARA, RG 59, Central Decimal File 1950-54, 795.00/6-2550",
    "Department of State, S/P Files: Lot 64 D 563, Box 11A",
    "Eisenhower Library, Whitman File, NSC Records",
    "National Archives, Nixon Presidential Materials, NSC Files, Box 340",
    "CIA-RDP80B01676R001700180033-1",
    "BArch, NY 4036/717, Bl. 3",
    "SED Archives, IfGA, ZPA, J IV 2/202/130",
    "BStU, BV Dresden, Abt. XX",
    "NAA: A1838, 3038/10/1/2, iii",
    "IOR/L/PS/9/68/48",
    "Hebei Provincial Archives 855-10-80-9",
    "La Courneuve, AMAE, Europe 1944-1960, URSS, vol. 123",
    "CAB66/S3",
    "CAB/65/50/12",
    "Хлевнюк О. В. Политбюро. М., 1996. С. 5",
    'Stueck, William, "The Korean War," in Cold War History (Princeton, 1997), 5.',
    "// Вопросы истории. 1994. № 5",
    "Translated by Gary Goldberg.",
    "prose",
    " ",
    "\n\n",
    ", ",
    "; ",
    "(",
    ")",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=12), max_size=12))
def test_generated_text_keeps_the_invariant(pieces: list[str]) -> None:
    _assert_anchored("".join(pieces))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=12), max_size=12))
def test_both_engines_find_the_same_anchors(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert scanning.scan(text, engine="re") == scanning.scan(text, engine="re2")
    assert scanning.anchors(text, engine="re") == scanning.anchors(text, engine="re2")


def test_both_engines_agree_on_the_corpus() -> None:
    text = "\n\n".join(
        json.loads(line)["text"]
        for line in (DATA / "footnotes.jsonl").read_text("utf-8").splitlines()
        if line.strip()
    )
    assert scanning.scan(text, engine="re") == scanning.scan(text, engine="re2")
    assert scanning.anchors(text, engine="re") == scanning.anchors(text, engine="re2")


def test_text_without_anchors_gives_no_window() -> None:
    text = "The delegates met again on the following Tuesday and agreed on nothing. " * 50
    assert scanning.anchors(text) == []
    assert scanning.scan(text).windows == {}
    assert archref.extract(text) == []


def test_windows_are_the_paragraphs_that_hold_anchors() -> None:
    text = "Plain prose here.\n\nSee РГАСПИ. Ф. 17. Оп. 162. Д. 7. Л. 99.\n\nMore prose."
    result = scanning.scan(text)
    assert [text[a:b] for a, b in result.windows["fonds"]] == [
        "See РГАСПИ. Ф. 17. Оп. 162. Д. 7. Л. 99."
    ]


def test_a_long_paragraph_is_cut_around_its_anchors() -> None:
    filler = "word " * 2000  # 10,000 characters with no line break
    text = filler + "RGASPI, f. 17, op. 3, d. 1, l. 5. " + filler
    result = scanning.scan(text)
    (window,) = result.windows["fonds"]
    assert window[1] - window[0] < 3000
    assert text[window[0] : window[1]].strip().startswith("word")
    (c,) = archref.extract(text)
    assert c.text == "RGASPI, f. 17, op. 3, d. 1, l. 5"


def test_an_ibid_after_the_letters_of_a_leaf_number_is_anchored() -> None:
    # "72AAAAAA" is a number with six letters; "Там" after them is a word of its own
    text = "RGASPI, f. 558, op. 11, d. 62, ll. 71-72AAAAAAТам же. Л. 5"
    _assert_anchored(text)
    assert archref.extract(text)[-1].form == "ibid"


def test_anchors_that_overlap_are_all_found() -> None:
    # the fond family's dotted shorthand "EM 4/43A/1" overlaps the UK series "4/4"
    names = {name for name, _, _ in scanning.anchors("PRO : PREM 4/43A/16")}
    assert {"fonds", "tna"} <= names
    (c,) = archref.extract("PRO : PREM 4/43A/16")
    assert str(c.reference) == "TNA, PREM 4/43A/16"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a volume number does not come from the next note
        (
            "U.S. Department of State, Foreign Relations of the United States, The "
            "Conference of Berlin (Potsdam) 1945, 1960, vol.\n\n2 The text of the memorandum.",
            [
                "U.S. Department of State, Foreign Relations of the United States, The "
                "Conference of Berlin (Potsdam) 1945 (1960)"
            ],
        ),
        # a list item after a blank line is no leaf of the reference above
        ("ГАРФ. Ф. Р-9401. Оп. 2. Т. 1\n\n4) Протокол допроса.", ["GARF, f. R-9401, op. 2, t. 1"]),
    ],
)
def test_a_blank_line_ends_a_reference(text: str, expected: Sequence[str]) -> None:
    assert [str(c.reference) for c in archref.extract(text)] == list(expected)


def test_ibid_after_a_blank_line_still_repeats_the_note_before() -> None:
    text = "РГАСПИ. Ф.17. Оп.171. Д.373. Л.1–2.\n\nТам\u00a0же. Л.74."
    ibid = archref.extract(text)[-1]
    assert ibid.form == "ibid"
    assert str(ibid.reference) == "RGASPI, f. 17, op. 171, d. 373, l. 74"


@pytest.mark.parametrize(
    "text",
    ["one\n\ntwo", "one\r\n\r\ntwo", "one\r\rtwo", "one\n \t\n\n\ntwo", "one\n\u00a0\ntwo"],
)
def test_paragraphs_split_at_every_kind_of_blank_line(text: str) -> None:
    assert [text[a:b] for a, b in scanning.paragraphs(text)] == ["one", "two"]


def test_a_single_line_break_does_not_end_a_paragraph() -> None:
    text = "RGASPI, f. 17,\nop. 3, d. 1"
    assert scanning.paragraphs(text) == [(0, len(text))]
    assert str(archref.extract(text)[0].reference) == "RGASPI, f. 17, op. 3, d. 1"


def _calls(fn: Callable[[], object]) -> dict[str, int]:
    """Python function calls made by ``fn``, by the file they are in."""
    import cProfile
    import pstats

    profile = cProfile.Profile()
    profile.runcall(fn)
    counts: dict[str, int] = {}
    for (filename, _, _), row in pstats.Stats(profile).stats.items():  # type: ignore[attr-defined]
        counts[filename] = counts.get(filename, 0) + row[1]
    return counts


def test_prose_without_anchors_reaches_no_finder() -> None:
    """No notation family's code runs, and the work grows linearly with the text."""
    paragraph = "The delegates met again on Tuesday and agreed on nothing at all.\n\n"
    small = _calls(lambda: archref.extract(paragraph * 100))
    large = _calls(lambda: archref.extract(paragraph * 1000))
    assert not [f for f in large if "notations" in f]
    assert sum(large.values()) <= 11 * sum(small.values())


def test_a_superscript_after_the_leaves_is_no_crash() -> None:
    # a footnote mark glued to the last leaf ("ll. 71-72¹"): found by the generated texts
    (c,) = archref.extract("RGASPI, f. 558, op. 11, d. 62, ll. 71-72¹")
    assert c.reference.folios is not None
    assert c.reference.folios.ranges[0].first.numeric == 71


def test_cleaning_ascii_with_nothing_to_repair_is_one_search(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import re

    from archref import text as cleaning

    text = "RGASPI, f. 558, op. 11, d. 62, ll. 71-72.\n\tSee also A/C.1/218."
    assert cleaning.clean(text).text is text
    # the shortcut leaves unchanged exactly what the full repair leaves unchanged
    monkeypatch.setattr(cleaning, "_ASCII_CONTROL", re.compile("[\x00-\x7f]"))
    for char in map(chr, range(128)):
        sample = f"a{char}b"
        full = cleaning.clean(sample, quotes=True).text
        assert (full == sample) == (re.fullmatch("[\x00-\x08\x0b-\x1f\x7f]", char) is None)


_SYMBOLISH = st.text(alphabet=list("ab A/1.(XIV)/ @:w.-\n*…/"), max_size=30) | st.sampled_from(
    ["http://x.org/a/b", " S/RES/82", "(www.un.org)", "mail@un.org", "A/C.1/218"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_SYMBOLISH, max_size=6))
def test_un_finder_reads_from_its_marks_what_a_word_by_word_reading_finds(
    pieces: list[str],
) -> None:
    """The UN finder finds runs with a slash and addresses from "/", "://", "@" and
    "www.", instead of reading every word: the same runs and chunks as word by word."""
    import re

    text = "".join(pieces)
    chunks = [
        (m.start(), m.end())
        for m in re.finditer(r"\S+", text)
        if "://" in m.group() or m.group().startswith(("www.", "(www.")) or "@" in m.group()
    ]
    assert un._url_chunks(text) == chunks
    runs = []
    pos = 0
    while (m := un._RUN.search(text, pos)) is not None:
        s, e = m.start(), m.end()
        while e < len(text) and text[e - 1] == "/" and (pm := un._PAREN_MID.match(text, e)):
            e = pm.end()
            more = un._RUN.match(text, e)
            e = more.end() if more is not None else e
        if "/" in text[s:e]:
            runs.append((s, e))
        pos = e
    assert list(un._runs(text)) == runs


@pytest.mark.parametrize("unit", ["A/C.1/", "FO 371/", "x" * 50 + "/"])
def test_a_long_paragraph_of_anchors_costs_work_linear_in_its_length(unit: str) -> None:
    """Windows of a paragraph with no white space are cut once, not once per anchor."""
    import cProfile
    import pstats

    def work(n: int) -> int:
        profile = cProfile.Profile()
        profile.runcall(scanning.scan, unit * n)
        return sum(row[1] for row in pstats.Stats(profile).stats.values())  # type: ignore[attr-defined]

    small, large = work(2_000), work(20_000)
    assert large <= 11 * small


def test_a_window_whose_publication_anchors_lie_in_archival_references_is_not_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import importlib

    extract_module = importlib.import_module("archref.extract")
    note = "РГАСПИ, ф.17, т.1, оп.171, дело 409, лист 1"  # "т.1" looks like a volume
    assert any(f == "published" for f, _, _ in scanning.anchors(note))
    read: list[str] = []
    finder = extract_module.FINDERS["published"]
    monkeypatch.setitem(extract_module.FINDERS, "published", lambda s: read.append(s) or finder(s))
    skipped = [plain(c) for c in archref.extract(note)]
    assert read == []
    monkeypatch.setattr(extract_module, "_open_anchor", lambda *args: True)
    assert [plain(c) for c in archref.extract(note)] == skipped
    assert read == [note]
    # an anchor outside the archival reference: the window is read
    read.clear()
    monkeypatch.undo()
    monkeypatch.setitem(extract_module.FINDERS, "published", lambda s: read.append(s) or finder(s))
    archref.extract(note + ". Хлевнюк О. В. Политбюро. М., 1996. С. 5")
    assert len(read) == 1


def test_a_character_python_does_not_know_reads_alike_in_both_engines() -> None:
    # U+31350 is a CJK ideograph of Unicode 15: a letter to RE2's tables, an
    # unassigned code point to Python 3.11's; found by the property test above.
    text = "\U00031350Там же. Л. 5"
    assert scanning.anchors(text, engine="re2") == scanning.anchors(text, engine="re")
    assert scanning.scan(text, engine="re2") == scanning.scan(text, engine="re")
