"""The fast path of the fond family reads exactly what the scanner reads, or declines.

``fonds.fast_find`` reads a window that is one reference of a plain shape
with one regular expression. Whenever it answers, its matches must equal,
field by field, those of ``fonds.Scanner``: references of the handled
shapes and near misses are generated, and on every real note the fast path
takes, both are compared.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Callable
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import archref
from archref.model._keys import alias_key
from archref.notations import fonds
from archref.scan import scan
from archref.text import clean
from golden_support import plain

HERE = Path(__file__).resolve().parent
REGISTRY = archref.default_registry()


def _spellings() -> list[str]:
    return REGISTRY.spellings()


KNOWN = _spellings()
FORMER = sorted(
    {f.acronym for a in REGISTRY for f in a.former_names}
    | {x for a in REGISTRY for f in a.former_names for x in f.aliases}
)
UNKNOWN = [
    "Unknown Archive",
    "XYZA",
    "Личный архив автора",
    "ЦА",
    "ГА",
    "State Archive",
    "Tam",
    "Ibid",
    "Там же",
    "ARCHIVE",
]


def mostly(good: st.SearchStrategy[str], bad: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """``good`` nine times in ten: a near miss differs from a handled text in a part or two."""
    pick = st.sampled_from(range(10))
    return st.tuples(pick, good, bad).map(lambda t: t[2] if t[0] == 0 else t[1])


names = mostly(
    st.one_of(st.sampled_from(KNOWN), st.sampled_from(FORMER)),
    st.one_of(
        st.sampled_from(KNOWN).map(str.lower),
        st.sampled_from(KNOWN).map(lambda n: n.replace(" ", "\u00a0")),
        st.sampled_from(UNKNOWN),
        st.builds(
            lambda a, b: f"{a} {b}", st.sampled_from(KNOWN), st.sampled_from(["ФСБ", "RF", "РФ"])
        ),
    ),
)

GOOD_LEVEL_LABELS = {
    "fond": ["Ф.", "ф.", "F.", "f.", "Fond", "fond", "Фонд"],
    "opis": ["Оп.", "оп.", "op.", "Op.", "Opis", "Опись"],
    "papka": ["Papka", "papka", "pa.", "Пап."],
    "delo": ["D.", "d.", "Д.", "д.", "Delo", "delo", "Дело"],
    "tom": ["T.", "t.", "Т.", "tom", "Том"],
}
GOOD_LEAF_LABELS = ["Л.", "л.", "l.", "ll.", "List", "Listy", "Bl.", "С.", "pp.", "Арк."]
level_labels = mostly(
    st.sampled_from([lab for labs in GOOD_LEVEL_LABELS.values() for lab in labs]),
    st.sampled_from(
        [
            *["f", "Fonds", "фонд.", "op", "opis'", "опись", "nimistu", "d", "Spr.", "спр."],
            *["p.", "п.", "P.", "vol.", "ch.", "Ч.", "chast'", "g.", "г.", "ob.", "а.е.", "a. e."],
            *["foo.", "L.", "F .", "F,", "Ф:", "Л.", "ll.", "pp.", "Там же."],
        ]
    ),
)
leaf_labels = mostly(
    st.sampled_from(GOOD_LEAF_LABELS),
    st.sampled_from(
        [
            *["Лл.", "ll", "L.", "listy", "list", "fol.", "fols.", "p.", "P.", "с.", "S."],
            *["pages", "стр.", "ob.", "d.", "Ф.", "l", "Л .", "ll,"],
        ]
    ),
)

number = st.one_of(st.integers(0, 3000).map(str), st.from_regex(r"0[0-9]{1,3}", fullmatch=True))
ident = mostly(
    st.one_of(
        number,
        st.builds(lambda n, x: n + x, number, st.sampled_from(["a", "Б", "а", "bis"])),
        st.builds(lambda x, n: x + n, st.sampled_from(["R-", "Р-", "PA-", "R–"]), number),
    ),
    st.one_of(
        st.sampled_from(["١٢", "12²", "7 ", ""]),
        st.builds(
            lambda n, x: n + x,
            number,
            st.sampled_from(["ob", "v", "об", "abcdefg", "²", "-а", "-b", ".5.6", "/2/3", "_"]),
        ),
        st.builds(
            lambda x, n: x + n,
            st.sampled_from(["Rf-", "ABCDE-", "R -", "R- ", "r-", "R-R-"]),
            number,
        ),
    ),
)
spaces = mostly(st.sampled_from(["", " ", "\u00a0"]), st.sampled_from(["  ", "\n", "\t", " . "]))
seps = mostly(
    st.sampled_from([". ", ", ", " ", ".", ",\u00a0"]),
    st.sampled_from([",", "; ", " и ", ": ", " . ", ".\n", "", ", ,", " - "]),
)
archive_seps = mostly(
    st.sampled_from([", ", ". ", " ", "."]),
    st.sampled_from([",", ": ", " (RGASPI) ", "", ", .", " ( ", " — "]),
)
dashes = mostly(
    st.sampled_from(["-", "–", "—", "−", " - ", " – "]), st.sampled_from(["/", "--", ","])
)
verso = mostly(st.just(""), st.sampled_from(["ob.", " об.", "v", " r", "a", " ob", "об.", "-а"]))


@st.composite
def leaves(draw: st.DrawFn) -> str:
    first = draw(st.integers(0, 999))
    text = str(first) + draw(verso)
    kind = draw(
        st.sampled_from(["single", "single", "range", "range", "range", "back", "short", "many"])
    )
    if kind == "range":
        text += draw(dashes) + str(draw(st.integers(first, first + 1200))) + draw(verso)
    elif kind == "back":
        text += draw(dashes) + str(draw(st.integers(0, first)))
    elif kind == "short":
        text += draw(dashes) + str(draw(st.integers(0, 99)))
    elif kind == "many":
        more = draw(st.sampled_from([", ", " и ", " and ", ", and "]))
        text += more + str(draw(st.integers(1, 999)))
    return text


leads = mostly(
    st.sampled_from(["", "(", " ", "\n"]),
    st.sampled_from(["See ", "12. ", "«", "Там же. ", ")", "((", "Ibid., ", "См.: "]),
)
trails = mostly(
    st.sampled_from(["", ".", ";", ")", ").", ".)", " ", "\n", ". ", " ."]),
    st.sampled_from(
        [
            *["..", ",", ":", " and more text", "; d. 5, l. 6", ". Ibid.", ", 7", " (copy)"],
            *[" ob.", "; Оп. 8. Д. 4", ". Там же. Л. 5.", ", 1806 g.", " DPOO", ")."],
            *["\n\nRGASPI, f. 1, op. 2", " Л. 5", ", l. 8", " (f. 5)"],
        ]
    ),
)


#: A name and a level's label that the scanner reads as the beginning of a longer
#: name: "AVPR f. 5" may be "AVPRF" followed by something.
CLASHES = sorted(
    (name, label)
    for name in KNOWN
    for label, spec in fonds.level_labels().items()
    if spec.role in {"level", "papka_or_page"}
    and REGISTRY.is_alias_prefix(alias_key(name) + alias_key(label))
)


@st.composite
def near_misses(draw: st.DrawFn) -> str:
    """References of the handled shapes, and texts a part or two away from them."""
    name = draw(names)
    first_label = draw(level_labels)
    if draw(st.sampled_from(range(4))) == 0:
        name, first_label = draw(st.sampled_from(CLASHES))
        first_label = draw(st.sampled_from([first_label, first_label + ".", first_label.upper()]))
    text = draw(leads) + name + draw(archive_seps)
    for k in range(draw(st.integers(1, 6))):
        if k:
            text += draw(seps)
        text += (draw(level_labels) if k else first_label) + draw(spaces) + draw(ident)
    if draw(st.booleans()):
        text += draw(seps) + draw(leaf_labels) + draw(spaces) + draw(leaves())
    return text + draw(trails)


@st.composite
def handled(draw: st.DrawFn) -> str:
    """A reference of a shape the fast path reads: it must answer."""
    name = draw(
        st.sampled_from(
            ["RGASPI", "РГАСПИ", "АП РФ", "TsKhSD", "GARF", "AVPRF", "ЦА ФСБ", "RGANI", "ГАРФ"]
        )
    )
    style = draw(st.sampled_from(["gost", "comma", "space"]))
    sep = {"gost": ". ", "comma": ", ", "space": " "}[style]
    after_label = draw(st.sampled_from(["", " "])) if style == "gost" else " "
    kinds = ["fond", "opis"]
    if draw(st.booleans()):
        kinds.append("papka")
    kinds.append("delo")
    if draw(st.booleans()):
        kinds.append("tom")
    if draw(st.booleans()) and "papka" not in kinds:
        kinds.append("papka")  # papka after delo, as AVPRF notes write it
    parts = []
    for kind in kinds:
        label = draw(st.sampled_from(GOOD_LEVEL_LABELS[kind]))
        value = draw(st.one_of(number, st.sampled_from(["059a", "5a", "Р-627", "R-6991"])))
        parts.append(label + (after_label if label.endswith(".") else " ") + value)
    if draw(st.booleans()):
        first = draw(st.integers(1, 999))
        leaf = str(first)
        if draw(st.booleans()):
            leaf += draw(st.sampled_from(["-", "–", " – "])) + str(
                first + draw(st.integers(0, 1000))
            )
        label = draw(st.sampled_from(GOOD_LEAF_LABELS))
        parts.append(label + (after_label if label.endswith(".") else " ") + leaf)
    text = name + sep + sep.join(parts)
    lead, trail = draw(
        st.sampled_from([("", ""), ("", "."), ("(", ")"), ("(", ")."), (" ", ".\n"), ("", ";")])
    )
    return lead + text + trail


def same_as_scanner(
    text: str, read: Callable[[str], list[fonds.Match] | None] = fonds.fast_find
) -> bool:
    """Compare a fast path (``read``) with the scanner; True when the fast path answered."""
    fast = read(text)
    if fast is None:
        return False
    scanner = fonds.Scanner(text)
    assert plain(fast) == plain(scanner.find()), text
    assert scanner.ibid_markers() == [], text
    return True


EXAMPLES = [
    ("РГАСПИ. Ф. 17. Оп. 162. Д. 7. Л. 99.", True),
    ("RGASPI, f. 558, op. 11, d. 62, ll. 71-72.", True),
    ("AVPRF, Fond 059a, Opis 5a, Delo 4, Papka 11, Listy 159-160.", True),
    ("TsKhSD, f. 5, op. 28, d. 103, l. 2.", True),  # a former name
    ("(АП РФ. Ф.3. Оп.58. Д.230. Л.60).", True),
    ("РГАСПИ Ф. 17 Оп. 171. Д.224. Л.130.", True),
    ("ОГАЧО. Ф. Р-627. Оп. 1. Д. 73.", True),
    ("RGASPI, f. 17, op. 3, d. 5, p. 7", True),  # "p." after delo is a page
    ("AVPR f. 5, op. 3", False),  # "AVPR f" begins "AVPRF"
    ("GARF, f. R-6991, op. 1, d. 3, pp. 105-6", False),  # an end to expand
    ("RGASPI, f. 17, op. 3, d. 5, ll. 72-71", False),  # a range that runs backwards
    ("ЦАМО РФ. Ф. 5. Оп. 918. Д. 34. Л. 5 об.", False),  # a verso mark
    ("ЦА ФСБ. Ф.7. Оп.1. Д. 19-а.", False),
    ("Там же. Оп.4. Д.2241. Л.685.", False),
    ("RGASPI, f. 558, op. 11, d. 62, ll. 71-72. Translated by Gary Goldberg.", False),
    ("RGASPI, f. 17, op. 162, d. 7, l. 5; d. 8, l. 9.", False),  # a chain
    ("Unknown Archive, f. 1, op. 2, d. 3", False),
    ("rgaspi, f. 1, op. 2, d. 3", False),  # the scanner reads it; the fast path declines
]


@pytest.mark.parametrize(("text", "answered"), EXAMPLES)
def test_examples(text: str, answered: bool) -> None:
    assert same_as_scanner(text) == answered


@settings(max_examples=2000, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(near_misses())
def test_the_fast_path_answers_only_as_the_scanner_does(text: str) -> None:
    same_as_scanner(text)


@settings(max_examples=1000, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(handled())
def test_the_fast_path_reads_the_plain_shapes(text: str) -> None:
    assert same_as_scanner(text), text


def test_near_misses_reach_the_fast_path_often() -> None:
    """The near misses are near: the fast path answers a real part of them, not all."""
    rng = random.Random(1950)
    answered = total = 0
    for _ in range(400):
        text = _plain_variant(rng)
        total += 1
        answered += same_as_scanner(text)
    assert 0.2 * total < answered < total


def _plain_variant(rng: random.Random) -> str:
    """A reference of the GOST or English shape with, half the time, one part spoilt."""
    name = rng.choice(["RGASPI", "РГАСПИ", "АП РФ", "TsKhSD", "GARF", "ЦА", "ЦХСД"])
    labels = rng.choice([["Ф.", "Оп.", "Д.", "Л."], ["f.", "op.", "d.", "ll."]])
    values = [str(rng.randint(1, 999)) for _ in range(3)]
    first = rng.randint(1, 500)
    leaf = rng.choice([str(first), f"{first}-{first + rng.randint(0, 50)}"])
    sep = ". " if labels[0] == "Ф." else ", "
    parts = [f"{lab} {v}" for lab, v in zip(labels, values, strict=False)] + [f"{labels[3]} {leaf}"]
    if rng.random() < 0.5:
        spoil = rng.randrange(4)
        parts[spoil] = rng.choice(
            [
                parts[spoil] + " об.",
                parts[spoil] + "a",
                parts[spoil] + "-6",
                "ob. 5",
                parts[spoil] + ", 7",
            ]
        )
    return name + sep + sep.join(parts) + rng.choice(["", ".", ";", ". См. также"])


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.one_of(handled(), near_misses()))
def test_extract_is_the_same_with_and_without_the_fast_path(text: str) -> None:
    with_fast = [plain(c) for c in archref.extract(text)]
    with mock.patch.object(fonds, "fast_find", return_value=None):
        without = [plain(c) for c in archref.extract(text)]
    assert with_fast == without, text


def _windows(notes: list[str]) -> list[str]:
    out = []
    for note in notes:
        text = clean(note).text
        out.extend(text[a:b] for a, b in scan(text).windows.get("fonds", ()))
    return out


def test_the_fast_path_takes_a_real_share_of_the_corpus_notes() -> None:
    lines = (HERE / "data" / "footnotes.jsonl").read_text("utf-8").splitlines()
    windows = _windows([json.loads(ln)["text"] for ln in lines if ln.strip()])
    answered = sum(same_as_scanner(w) for w in windows)
    # 19 of the 80 windows of the collected notes: a plain reference alone
    assert answered >= 0.2 * len(windows), (answered, len(windows))


def test_the_fast_path_takes_a_real_share_of_the_bench_notes() -> None:
    sys.path.insert(0, str(HERE.parent / "bench"))
    from extract_speed import make_notes

    windows = _windows(make_notes(2000))
    answered = sum(same_as_scanner(w) for w in windows)
    # about half: the GOST, the former-name and the AVPRF templates, not chains or "Там же"
    assert answered >= 0.45 * len(windows), (answered, len(windows))
