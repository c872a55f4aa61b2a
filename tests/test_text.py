"""archref.text: clean(), its repairs and its offset map."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from archref.text import REPAIR_KINDS, CleanText, Repair, clean
from work import Repeated, assert_linear

SEED = (Path(__file__).parent / "data" / "seed_korea_1947.txt").read_text(encoding="utf-8")


def gbk_damage(text: str, errors: str = "ignore") -> str:
    """``text`` as a page shows it when its UTF-8 is decoded as GBK."""
    return text.encode("utf-8").decode("gbk", errors)


def assert_consistent(ct: CleanText) -> None:
    """The repairs rebuild the cleaned text from the original, and point at it."""
    pieces, last = [], 0
    for r in ct.repairs:
        assert r.kind in REPAIR_KINDS
        assert ct.original[r.start : r.end] == r.original
        assert r.original != r.replacement
        pieces += [ct.original[last : r.start], r.replacement]
        last = r.end
    pieces.append(ct.original[last:])
    assert "".join(pieces) == ct.text


# --------------------------------------------------------------------------
# The seed: a web article whose UTF-8 punctuation was decoded as GBK.


@pytest.fixture(scope="module")
def seed() -> CleanText:
    return clean(SEED)


def test_seed_every_sequence_repaired(seed: CleanText) -> None:
    assert SEED.count("鈥") == 44
    assert "鈥" not in seed.text
    assert len(seed.repairs) == 44
    assert all(r.original.startswith("鈥") for r in seed.repairs)
    assert Counter(r.kind for r in seed.repairs) == {"mojibake-gbk": 22, "mojibake-gbk-guess": 22}
    assert_consistent(seed)


def test_seed_repairs_by_kind(seed: CleanText) -> None:
    pairs = Counter((r.original, r.replacement) for r in seed.repairs)
    assert pairs[("鈥檚", "’s")] == 12  # ’ (E2 80 99) + s: 鈥 = E2 80, 檚 = 99 73
    assert pairs[("鈥搕", "–t")] == 1  # – (E2 80 93) + t
    assert sum(n for (o, rep), n in pairs.items() if rep.startswith("“") and len(o) == 2) == 9
    # a lone 鈥: the third byte was followed by a space, "." or a line end, and lost
    assert pairs[("鈥", "—")] == 8
    assert pairs[("鈥", "”")] == 11
    assert pairs[("鈥", "“")] == 2
    assert pairs[("鈥", "’")] == 1


def test_seed_phrases(seed: CleanText) -> None:
    text = seed.text
    for phrase in [
        "surrounding Korea’s independence",
        "sophisticated terms — it was a “trusteeship.” The rationales",
        "the so-called “Moscow Agreement.” The two countries",
        "V.M. Molotov –the US Secretary of State",
        "respectively — began sending",
        "Jacob Malik — then Deputy Foreign Minister — . He believed",
        "the United States’ new position",
        "an independent, united Korea.”\nMarshall’s speech",
        "demanded an “.” Molotov called Marshall’s statements “incorrect and unacceptable,”",
        "“comprehensive reply and criticism.” Vyshinsky",
        "“violation of the commitments which the United States took upon itself” in regards",
        "called “stunning.” “[Delegates] expressed shock",
        "“Such a statement will be a good reply to Marshall’s statement",
        "(Document A/C.1/229 and ) — but both",
        "Korean issue — if it ever existed — was dead.",
        "Democratic People’s Republic of Korea",
    ]:
        assert phrase in text, phrase


def test_seed_chinese_spam_kept(seed: CleanText) -> None:
    # The page carries an injected Chinese name; it is text, not damage.
    assert "published by the 乐鱼 体育’s History" in seed.text


def test_seed_repair_spans_point_at_the_damage(seed: CleanText) -> None:
    for r in seed.repairs:
        assert SEED[r.start : r.end] == r.original
        assert seed.to_clean(r.start) + len(r.replacement) == seed.to_clean(r.end)
        assert seed.text[seed.to_clean(r.start) : seed.to_clean(r.end)] == r.replacement
    first = seed.repairs[0]
    assert (first.original, first.replacement) == ("鈥檚", "’s")
    assert SEED[first.start - 5 : first.end] == "Korea鈥檚"
    assert "E2 80 99 73" in first.message


def test_seed_words_map_back(seed: CleanText) -> None:
    for m in re.finditer(r"\w+", seed.text):
        start, end = seed.span_to_original(m.start(), m.end())
        found = SEED[start:end]
        if not seed.repairs_in(start, end):
            assert found == m.group()
        else:
            assert m.group() in clean(found).text
    k = seed.text.index("Korea’s")
    assert seed.span_to_original(k, k + 5) == (SEED.index("Korea鈥檚"), SEED.index("Korea鈥檚") + 5)
    assert SEED[slice(*seed.span_to_original(k, k + 7))] == "Korea鈥檚"
    for symbol in ["A/C.1/218", "A/C.1/229"]:
        k = seed.text.index(symbol)
        assert SEED[slice(*seed.span_to_original(k, k + len(symbol)))] == symbol


def test_seed_idempotent(seed: CleanText) -> None:
    again = clean(seed.text)
    assert again.repairs == ()
    assert again.text == seed.text


# --------------------------------------------------------------------------
# GBK damage beyond the seed.


@pytest.mark.parametrize(
    ("intended", "errors"),
    [
        ("the Soviets’ note", "ignore"),
        ("the “Moscow Agreement” of 1945", "replace"),
        ("Korea’s future — and Japan’s", "replace"),
        ("“‘Trusteeship’ is a word”", "replace"),
        ("“‘Trusteeship’ is a word”", "ignore"),
        ("and so on…and on", "ignore"),
        ("•Item one", "replace"),
        ("pp. 12–15", "replace"),
        ("cost €5 or 5€", "ignore"),
        ("Brand™s", "replace"),
    ],
)
def test_gbk_round_trip(intended: str, errors: str) -> None:
    damaged = gbk_damage(intended, errors)
    assert damaged != intended
    ct = clean(damaged)
    assert ct.text == intended
    assert_consistent(ct)
    assert all(r.kind.startswith("mojibake-gbk") for r in ct.repairs)


def test_gbk_adjacent_punctuation_as_a_browser_shows_it() -> None:
    # WHATWG's GBK decoder reads the lone byte 0x80 as the euro sign.
    damaged = "“‘x".encode().decode("gbk", "replace").replace("\ufffd", "€", 1)
    assert damaged == "鈥溾€榵"
    assert clean(damaged).text == "“‘x"


def test_gbk_guess_kinds_say_so() -> None:
    ct = clean("one 鈥 two")
    (r,) = ct.repairs
    assert (r.kind, r.replacement) == ("mojibake-gbk-guess", "—")
    assert "last byte was lost" in r.message


CHINESE = [
    "1947年9月，美国与苏联在朝鲜问题上的谈判破裂，美国随即将此问题提交联合国大会。",
    "聯合國大會第一委員會討論了朝鮮獨立問題的決議草案。",
    "鈦合金的研究在上世紀五十年代取得進展。",
    "他说：“托管”只是一个临时安排，Korea’s future 由联合国决定 — 见 A/C.1/218 号文件。",
    "俄罗斯国家社会政治史档案馆（RGASPI），全宗558，目录11，案卷62。",
    "鈥字在这里是一个汉字。",
    "　全角空格开头的段落。",
]


@pytest.mark.parametrize("text", CHINESE)
def test_chinese_untouched(text: str) -> None:
    ct = clean(text)
    assert ct.text == text
    assert ct.repairs == ()


def test_chinese_beside_damage() -> None:
    ct = clean("由乐鱼 体育鈥檚 History 出版" + "。他说：鈥渢rusteeship.鈥 然后")
    assert ct.text == "由乐鱼 体育’s History 出版。他说：“trusteeship.” 然后"


# --------------------------------------------------------------------------
# Windows-1252 / Latin-1 mojibake (ftfy).


@pytest.mark.parametrize(
    ("damaged", "intended"),
    [
        ("Molotovâ€™s note", "Molotov’s note"),
        ("cafÃ© au lait", "café au lait"),
        ("â€œTrusteeshipâ€\x9d", "“Trusteeship”"),
        ("â€œTrusteeshipâ€ was", "“Trusteeship” was"),
        ("1945â€“1946", "1945–1946"),
        ("GrÃ¶ÃŸe", "Größe"),
        ("donâ€™t\u00a0stop", "don’t stop"),
    ],
)
def test_cp1252(damaged: str, intended: str) -> None:
    ct = clean(damaged)
    assert ct.text == intended
    assert_consistent(ct)
    assert clean(ct.text).repairs == ()


def test_cp1252_spans() -> None:
    ct = clean("Molotovâ€™s note")
    (r,) = ct.repairs
    assert (r.kind, r.start, r.end, r.original, r.replacement) == (
        "mojibake-cp1252",
        7,
        10,
        "â€™",
        "’",
    )


@pytest.mark.parametrize(
    "text", ["São Paulo", "naïve Größe", "Ångström", "Mañana, señor", "Œuvres complètes, t. II"]
)
def test_latin_text_untouched(text: str) -> None:
    assert clean(text).repairs == ()


def test_c1_controls() -> None:
    ct = clean("don\x92t \x81x")
    assert ct.text == "don’t x"
    assert [r.kind for r in ct.repairs] == ["mojibake-c1", "control"]


# --------------------------------------------------------------------------
# Characters.


def test_spaces() -> None:
    ct = clean("f.\u00a0558,\u202fop.\u20071\u2009d.\u200b62\ufeff")
    assert ct.text == "f. 558, op. 1 d.62"
    assert Counter(r.kind for r in ct.repairs) == {"space": 4, "zero-width": 2}


def test_ideographic_space_kept() -> None:
    assert clean("\u3000text").text == "\u3000text"


def test_dashes() -> None:
    ct = clean("ll.\u00a071\u201172, 1945\u20121946, \u22125, non\u2010aligned \u2013 \u2014 x")
    assert ct.text == "ll. 71-72, 1945-1946, -5, non-aligned – — x"
    assert clean("ab\uff0dcd\ufe63ef").text == "ab-cd-ef"
    assert clean("a\u2011b", dashes=False).text == "a\u2011b"


def test_soft_hyphen() -> None:
    ct = clean("Sta\u00adlin")
    assert ct.text == "Stalin"
    (r,) = ct.repairs
    assert (r.kind, r.start, r.end, r.replacement) == ("soft-hyphen", 3, 4, "")
    assert ct.span_to_original(0, 6) == (0, 7)
    assert ct.span_to_original(3, 6) == (4, 7)
    assert ct.span_to_original(0, 3) == (0, 3)


def test_controls_and_newlines() -> None:
    ct = clean("a\x00b\tc\r\nd\re\u2028f\x1b")
    assert ct.text == "ab\tc\nd\ne\nf"
    assert Counter(r.kind for r in ct.repairs) == {"control": 2, "newline": 3}


def test_quotes() -> None:
    text = "“Moscow” ‘Agreement’ „x‟"
    assert clean(text).text == text
    ct = clean(text, quotes=True)
    assert ct.text == '"Moscow" \'Agreement\' "x"'
    assert {r.kind for r in ct.repairs} == {"quote"}


def test_nfc() -> None:
    ct = clean("Molotove\u0301 \u212bngstro\u0308m \u1100\u1161")
    assert ct.text == "Molotové Ångström 가"
    assert [r.kind for r in ct.repairs] == ["nfc", "nfc", "nfc", "nfc"]
    assert ct.repairs[0].original == "e\u0301"
    assert_consistent(ct)


def test_removal_before_combining_mark_kept() -> None:
    # Removing the zero-width space would join the accent to another letter.
    assert clean("a\u200b\u0301").text == "a\u200b\u0301"


def test_options_off() -> None:
    text = "Korea鈥檚\u00a0ca\u00adfe\u0301\u2011"
    assert clean(text, mojibake=False, unicode=False, dashes=False, spaces=False).text == text
    assert clean(text, mojibake=False).text == "Korea鈥檚 café-"
    assert clean(text, unicode=False).text == "Korea’s ca\u00adfe\u0301-"


# --------------------------------------------------------------------------
# Edges and the map.


def test_empty() -> None:
    ct = clean("")
    assert (ct.text, ct.original, ct.repairs) == ("", "", ())
    assert ct.to_original(0) == 0
    assert ct.to_clean(0) == 0
    assert ct.span_to_original(0, 0) == (0, 0)
    assert str(ct) == ""


def test_unchanged_text_is_the_same() -> None:
    ct = clean("RGASPI, f. 558, op. 11, d. 62, ll. 71-72")
    assert ct.repairs == ()
    assert not ct.changed
    assert ct.text is ct.original


def test_map_bounds_and_types() -> None:
    ct = clean("a\u00a0b")
    with pytest.raises(IndexError):
        ct.to_original(4)
    with pytest.raises(IndexError):
        ct.to_clean(-1)
    with pytest.raises(ValueError, match="before its start"):
        ct.span_to_original(2, 1)
    with pytest.raises(TypeError):
        clean(b"bytes")  # type: ignore[arg-type]


def test_map_through_growth_and_shrinkage() -> None:
    original = "x鈥檚y\u00ad\u00adz鈥 w"
    ct = clean(original)
    assert ct.text == "x’syz’ w"
    assert [ct.to_original(i) for i in range(len(ct.text) + 1)] == [0, 1, 1, 3, 6, 7, 8, 9, 10]
    assert [ct.to_clean(i) for i in range(len(original) + 1)] == [0, 1, 1, 3, 4, 4, 4, 5, 6, 7, 8]
    assert ct.span_to_original(1, 2) == (1, 3)
    assert ct.span_to_original(2, 3) == (1, 3)
    assert ct.span_to_original(3, 5) == (3, 7)
    assert ct.span_to_clean(1, 2) == (1, 3)
    assert ct.span_to_clean(4, 5) == (4, 4)
    assert ct.repairs_in(3, 6) == ct.repairs[1:3]


def test_repair_and_clean_text_are_values() -> None:
    r = Repair("space", 1, 2, "\u00a0", " ")
    assert r == Repair("space", 1, 2, "\u00a0", " ")
    assert str(r) == "1-2 space: U+00A0 NO-BREAK SPACE replaced by ' '"
    assert clean("a\u00a0b") == clean("a\u00a0b")
    assert hash(clean("a\u00a0b")) == hash(clean("a\u00a0b"))
    with pytest.raises(ValueError, match="sorted"):
        CleanText(text="", original="ab", repairs=(r, r))


# --------------------------------------------------------------------------
# Properties.

WORDS = st.from_regex(r"[A-Za-z]{1,8}", fullmatch=True)
SEPARATORS = st.sampled_from([" ", ", ", ". ", "\n", " (", ") ", "/"])
#: damage that loses nothing, so it repairs the same with or without context
EXACT_DAMAGE = st.builds(
    lambda punct, letter: gbk_damage(punct + letter),
    st.sampled_from("’‘“”–—"),
    st.sampled_from("sStTaAmMvV"),
) | st.sampled_from(
    ["\u00a0", "\u202f", "\u00ad", "\u200b", "\u2011", "\u2212", "\r\n", "â€™", "Ã©", "e\u0301"]
)
TOKENS = st.lists(st.one_of(WORDS, SEPARATORS, EXACT_DAMAGE), max_size=40)


@settings(max_examples=300, deadline=None)
@given(TOKENS, st.data())
def test_spans_map_back(tokens: list[str], data: st.DataObject) -> None:
    original = "".join(tokens)
    ct = clean(original)
    assert_consistent(ct)
    assert clean(ct.text).text == ct.text
    n = len(ct.text)
    for _ in range(5):
        if n == 0:
            break
        a = data.draw(st.integers(0, n - 1))
        b = data.draw(st.integers(a + 1, n))
        o1, o2 = ct.span_to_original(a, b)
        c1, c2 = ct.span_to_clean(o1, o2)
        assert c1 <= a and b <= c2
        # the original span, cleaned on its own, gives the cleaned text it maps to
        assert clean(original[o1:o2]).text == ct.text[c1:c2]
        if not ct.repairs_in(o1, o2):
            assert original[o1:o2] == ct.text[a:b]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_any_text(text: str) -> None:
    ct = clean(text)
    assert_consistent(ct)
    for i in range(len(ct.text) + 1):
        assert 0 <= ct.to_original(i) <= len(text)
    for i in range(len(text) + 1):
        assert 0 <= ct.to_clean(i) <= len(ct.text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab 1.\n鈥檚渢€\ufffd\u00a0\u00ad’”—"), max_size=40))
@example("檚鈥檚鈥")  # a lead after the run is damage too, not Chinese text
def test_idempotent(text: str) -> None:
    once = clean(text).text
    assert clean(once).text == once


# --------------------------------------------------------------------------
# Cost: linear, a megabyte in well under the bound.

BIG = 1_000_000


def _seed(size: int) -> str:
    return (SEED * (size // len(SEED) + 1))[:size]


def _cleaned_and_mapped(text: str) -> tuple[CleanText, tuple[int, int]]:
    ct = clean(text)
    k = len(ct.text) // 2
    return ct, ct.span_to_original(k, min(k + 10, len(ct.text)))


@pytest.mark.parametrize(
    "make",
    [
        Repeated(_seed(len(SEED)), BIG // len(SEED)),
        Repeated("鈥", BIG),
        Repeated("鈥檚", BIG // 2),
        Repeated("â€", BIG // 2),
        Repeated("Ã©", BIG // 2),
        Repeated("\u00a0\u00ad", BIG // 2),
        Repeated("e\u0301", BIG // 2),
        Repeated(CHINESE[0], BIG // len(CHINESE[0])),
        Repeated("x", BIG),
    ],
    ids=["seed", "leads", "pairs", "cp1252-lone", "cp1252", "spaces", "nfc", "chinese", "ascii"],
)
def test_megabyte(make: Repeated) -> None:
    # work counted, not timed: ten times the text makes at most ~ten times the calls, from
    # 20,000 to 200,000 characters (counting every call of a megabyte takes too long)
    n = make.times // 50
    counted = assert_linear(_cleaned_and_mapped, make, n)
    for text, (ct, (start, end)) in (
        (make(n), counted.result_n),
        (make(10 * n), counted.result_10n),
    ):
        assert ct.original == text
        assert 0 <= start <= end <= len(text)
    small, large = counted.result_n[0].text, counted.result_10n[0].text
    assert len(large) == 10 * len(small)


def test_hyphens_with_invisible_characters_between_clean_once() -> None:
    # found by test_spans_map_back: a non-breaking hyphen, a soft hyphen and another
    # non-breaking hyphen clean to "--", which a second cleaning read as an en dash
    once = clean("\u2011\u00ad\u2011").text
    assert once == "\u2013"
    assert clean(once).text == once
    assert clean("\u2011\u00ad\u2011\u00ad\u2011\u00ad\u2011").text == "----"  # a rule
