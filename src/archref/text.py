"""``archref.clean``: repair and normalise text, keeping a map back to the original.

Cleaning is the first stage of extraction. Historians' text reaches archref
from web pages, PDFs and word processors, and it arrives damaged: UTF-8 that
was decoded with the wrong codec (mojibake), non-breaking and zero-width
spaces, soft hyphens, exotic hyphens and minus signs, decomposed accents.
:func:`clean` repairs all of that, records every change as a :class:`Repair`,
and returns a :class:`CleanText` that maps any offset or span of the cleaned
text back to the original, so a reference found in the cleaned text can be
reported, annotated or rewritten in the text the user gave.

>>> from archref.text import clean
>>> ct = clean("the fate of Korea鈥檚 independence 鈥 it was a 鈥渢rusteeship.鈥 The")
>>> ct.text
'the fate of Korea’s independence — it was a “trusteeship.” The'

Every repair says what it changed, where in the original, and why:

>>> for r in ct.repairs:
...     print(r.kind, r.start, r.end, repr(r.original), "->", repr(r.replacement))
mojibake-gbk 17 19 '鈥檚' -> '’s'
mojibake-gbk-guess 33 34 '鈥' -> '—'
mojibake-gbk 44 46 '鈥渢' -> '“t'
mojibake-gbk-guess 57 58 '鈥' -> '”'

Spans found in the cleaned text map back to the original. A span that covers
only part of a repaired run is widened to the whole run, since the run is
the smallest piece of the original that produced it:

>>> start = ct.text.index("trusteeship")
>>> ct.span_to_original(start, start + len("trusteeship"))
(44, 56)
>>> ct.original[44:56]
'鈥渢rusteeship'
>>> ct.span_to_original(start + 1, start + len("trusteeship"))
(46, 56)

Space-like characters become plain spaces, exotic hyphens and minus signs
become ``-``, soft hyphens and zero-width spaces disappear; en and em dashes
and curly quotes are kept (the parsers accept them, and they carry meaning):

>>> ct = clean("f.\\u00a0558, ll.\\u202f71\\u201172 \\u2014 Stalin\\u00adist \\u201cdoc\\u201d")
>>> ct.text
'f. 558, ll. 71-72 — Stalinist “doc”'
>>> sorted({r.kind for r in ct.repairs})
['dash', 'soft-hyphen', 'space']
>>> k = ct.text.index("ist")
>>> k, ct.to_original(k), ct.original[ct.to_original(k)], ct.to_clean(27)
(26, 27, 'i', 26)
>>> clean("“doc”", quotes=True).text
'"doc"'

Mojibake from UTF-8 read as Windows-1252 or Latin-1 is repaired too:

>>> str(clean("Molotovâ€™s note, cafÃ© au lait"))
'Molotov’s note, café au lait'

Cleaning is idempotent, and text with nothing to repair comes back as it was:

>>> clean(clean("a\\u00a0b").text).repairs
()

Names
-----
The brief for this module proposed ``Repair``, ``CleanText`` and ``clean``;
they are kept. The repair kinds are short stable strings (see
:data:`REPAIR_KINDS`); ``*-guess`` kinds mark repairs where a byte had been
lost and the character was inferred from its context, so a checker can flag
them for a human.

Dependencies
------------
The Windows-1252/Latin-1 family of mojibake ("â€™", "Ã©") is repaired with
``ftfy``, whose detector and heuristics for that family are mature and well
tested; it is imported on first need, so ``import archref`` stays cheap.
ftfy does not undo UTF-8 read as GBK (the damage in the seed article), so that
repair is written here: see :func:`clean` and ``docs/text-cleaning.md``.

Cost
----
Every pass is a single left-to-right scan with simple regular expressions (no
nested quantifiers), so cleaning is linear in the length of the text; the
offset map stores one entry per repaired run, not one per character.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import cache

import attrs

__all__ = ["REPAIR_KINDS", "CleanText", "Repair", "clean"]

#: Every :attr:`Repair.kind`, with what it means.
REPAIR_KINDS: dict[str, str] = {
    "mojibake-gbk": "UTF-8 punctuation that had been decoded as GBK, decoded again correctly",
    "mojibake-gbk-guess": (
        "UTF-8 punctuation decoded as GBK whose last byte was lost; "
        "the character is inferred from its context"
    ),
    "mojibake-cp1252": "UTF-8 that had been decoded as Windows-1252 or Latin-1 (via ftfy)",
    "mojibake-cp1252-guess": (
        "UTF-8 punctuation decoded as Windows-1252 whose last byte was lost; "
        "the character is inferred"
    ),
    "mojibake-c1": "a C1 control character that stands for a Windows-1252 character",
    "nfc": "a character sequence recomposed to Unicode normalisation form C",
    "dash": "a hyphen, figure dash or minus sign replaced by an ASCII hyphen-minus",
    "quote": "a curly or typographic quote straightened (only with quotes=True)",
    "space": "a non-breaking or typographic space replaced by a plain space",
    "zero-width": "a zero-width space, word joiner or byte order mark removed",
    "soft-hyphen": "a soft hyphen (U+00AD) removed",
    "newline": "a carriage return or Unicode line separator replaced by a line feed",
    "control": "a control character other than tab and line feed removed",
}


@attrs.frozen
class Repair:
    """One change made by :func:`clean`.

    ``start`` and ``end`` delimit ``original`` in the original text; the
    cleaned text has ``replacement`` in its place.
    """

    kind: str
    start: int
    end: int
    original: str
    replacement: str
    message: str

    def __str__(self) -> str:
        return f"{self.start}-{self.end} {self.kind}: {self.message}"


class _OffsetMap:
    """Runs of the original replaced in the cleaned text, sorted, never touching.

    Run ``i`` is ``original[os[i]:oe[i]]`` replaced by ``text[cs[i]:ce[i]]``;
    between runs the two texts agree character for character.
    """

    __slots__ = ("ce", "cs", "oe", "os")

    def __init__(self, repairs: Iterable[Repair]) -> None:
        self.os: list[int] = []
        self.oe: list[int] = []
        self.cs: list[int] = []
        self.ce: list[int] = []
        delta = 0  # clean offset minus original offset, after the runs so far
        for r in repairs:
            if self.oe and self.oe[-1] == r.start:  # adjacent repairs: one run
                self.oe[-1] = r.end
                self.ce[-1] += len(r.replacement)
            else:
                self.os.append(r.start)
                self.oe.append(r.end)
                self.cs.append(r.start + delta)
                self.ce.append(r.start + delta + len(r.replacement))
            delta += len(r.replacement) - (r.end - r.start)

    def char_to_original(self, index: int) -> tuple[int, int]:
        """The original span that produced the cleaned character at ``index``."""
        i = bisect_right(self.cs, index) - 1
        if i >= 0 and index < self.ce[i]:
            return self.os[i], self.oe[i]
        start = index if i < 0 else index - self.ce[i] + self.oe[i]
        return start, start + 1

    def to_original(self, offset: int) -> int:
        i = bisect_right(self.cs, offset) - 1
        if i >= 0 and offset < self.ce[i]:
            return self.os[i]
        # after run i (or before every run): shift by run i's delta
        return offset if i < 0 else offset - self.ce[i] + self.oe[i]

    def to_clean(self, offset: int) -> int:
        i = bisect_right(self.os, offset) - 1
        if i >= 0 and offset < self.oe[i]:
            return self.cs[i]
        return offset if i < 0 else offset - self.oe[i] + self.ce[i]


def _check_repairs(instance: CleanText, attribute: object, value: tuple[Repair, ...]) -> None:
    last = 0
    for r in value:
        if r.start < last or r.end < r.start:
            raise ValueError(f"repairs must be sorted and must not overlap: {r!r}")
        last = r.end


@attrs.frozen
class CleanText:
    """The result of :func:`clean`: the cleaned text, its original and the way back.

    ``str(clean_text)`` is the cleaned text. Offsets are string indices
    (code points), as everywhere in archref.
    """

    text: str
    original: str
    repairs: tuple[Repair, ...] = attrs.field(default=(), validator=_check_repairs)
    _map: _OffsetMap = attrs.field(init=False, repr=False, eq=False)

    @_map.default
    def _build_map(self) -> _OffsetMap:
        return _OffsetMap(self.repairs)

    def __str__(self) -> str:
        return self.text

    @property
    def changed(self) -> bool:
        """Whether cleaning changed anything."""
        return bool(self.repairs)

    def to_original(self, offset: int) -> int:
        """Map an offset in the cleaned text to the original.

        An offset inside a repaired run maps to the start of that run; the
        end of the cleaned text maps to the end of the original.
        """
        self._check(offset, len(self.text))
        return self._map.to_original(offset)

    def to_clean(self, offset: int) -> int:
        """Map an offset in the original text to the cleaned text.

        An offset inside a repaired run maps to the start of its replacement.
        """
        self._check(offset, len(self.original))
        return self._map.to_clean(offset)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """The smallest span of the original that produced ``text[start:end]``.

        A span that starts or ends inside a repaired run is widened to the
        whole run; characters that cleaning removed at the edges of the span
        (a soft hyphen, a zero-width space) are left out. An empty span maps
        to an empty span at :meth:`to_original` of its offset.
        """
        self._check(start, len(self.text))
        self._check(end, len(self.text))
        if end < start:
            raise ValueError(f"span end {end} is before its start {start}")
        if start == end:
            offset = self._map.to_original(start)
            return offset, offset
        return self._map.char_to_original(start)[0], self._map.char_to_original(end - 1)[1]

    def span_to_clean(self, start: int, end: int) -> tuple[int, int]:
        """The span of the cleaned text that ``original[start:end]`` became.

        Edges inside a repaired run are widened to the whole replacement.
        """
        self._check(start, len(self.original))
        self._check(end, len(self.original))
        if end < start:
            raise ValueError(f"span end {end} is before its start {start}")
        m = self._map
        clean_start = m.to_clean(start)
        i = bisect_right(m.os, end - 1) - 1 if end > start else -1
        if i >= 0 and end - 1 < m.oe[i] and end > m.os[i]:
            return clean_start, m.ce[i]
        return clean_start, m.to_clean(end)

    def repairs_in(self, start: int, end: int) -> tuple[Repair, ...]:
        """The repairs that touch ``original[start:end]``."""
        return tuple(r for r in self.repairs if r.start < end and start < r.end)

    @staticmethod
    def _check(offset: int, length: int) -> None:
        if not 0 <= offset <= length:
            raise IndexError(f"offset {offset} is outside 0..{length}")


# --------------------------------------------------------------------------
# Edits: (start, end, replacement, kind, message) on the original text.

_Edit = tuple[int, int, str, str, str]


def _merge(accepted: list[_Edit], new: Iterable[_Edit]) -> list[_Edit]:
    """Add ``new`` edits to ``accepted`` (sorted), dropping any that overlap one."""
    starts = [edit[0] for edit in accepted]
    kept: list[_Edit] = []
    for edit in new:
        j = bisect_right(starts, edit[0]) - 1
        if j >= 0 and accepted[j][1] > edit[0]:
            continue
        if j + 1 < len(accepted) and accepted[j + 1][0] < edit[1]:
            continue
        kept.append(edit)
    if not kept:
        return accepted
    return sorted(accepted + kept)


# --------------------------------------------------------------------------
# UTF-8 read as GBK.
#
# The punctuation of the General Punctuation block (U+2000-U+206F), plus the
# euro and trade mark signs, is three bytes in UTF-8: E2 xx yy. A GBK decoder
# pairs bytes: "E2 xx" becomes one CJK character (the lead, e.g. 鈥 for E2 80),
# and "yy" pairs with whatever byte follows: the next ASCII letter ("99 73",
# ’ + s, becomes 檚) or the lead byte of the next character. When the byte
# after yy cannot be a GBK trail byte (a space, a digit, most ASCII
# punctuation, the end of the text), yy is invalid and is replaced by U+FFFD
# or dropped: the lead stands alone and the character must be inferred.

_GBK_TARGETS: frozenset[int] = frozenset(range(0x2000, 0x2070)) | {0x20AC, 0x2122}


def _gbk_pair(first: int, second: int) -> str | None:
    try:
        char = bytes((first, second)).decode("gbk")
    except UnicodeDecodeError:
        return None
    return char if len(char) == 1 else None


def _build_gbk_tables() -> tuple[dict[str, int], dict[str, tuple[int, int]]]:
    """Derive, from the codecs, the characters that this damage produces.

    Returns the lead characters (GBK reading of ``E2 xx``, mapped to ``xx``)
    and the trail characters (GBK reading of ``yy tt`` where ``E2 xx yy`` is a
    target for some lead, mapped to ``(yy, tt)``).
    """
    leads: dict[str, int] = {}
    third_bytes: set[int] = set()
    for cp in sorted(_GBK_TARGETS):
        b1, b2, b3 = chr(cp).encode("utf-8")
        lead = _gbk_pair(b1, b2)
        if lead is not None:
            leads[lead] = b2
            third_bytes.add(b3)
    trails: dict[str, tuple[int, int]] = {}
    for b3 in sorted(third_bytes):
        for tt in range(0x40, 0xFF):
            char = _gbk_pair(b3, tt)
            if char is not None and tt != 0x7F:
                trails[char] = (b3, tt)
    return leads, trails


_GBK_LEADS, _GBK_TRAILS = _build_gbk_tables()
_GBK_LEAD_RE = re.compile("[" + "".join(sorted(_GBK_LEADS)) + "]")
#: a character that WHATWG's GBK decoder gives for byte 0x80
_EURO = "\u20ac"
_REPLACEMENT = "\ufffd"
_OPENERS = "([{<"


def _is_han(char: str) -> bool:
    return bool(char) and (
        "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" or char >= "\U00020000"
    )


def _is_lost_trail(char: str) -> bool:
    """Whether a GBK decoder would have rejected the byte before ``char``.

    GBK trail bytes are 0x40-0x7E and 0x80-0xFE, so a punctuation byte
    followed by a space, a digit or most ASCII punctuation (or by nothing)
    was invalid and got lost.
    """
    return char in ("", _REPLACEMENT, "\x7f") or ord(char) < 0x40


def _guess_lost(second: int, prev: str, nxt: str, quote_open: bool) -> str | None:
    """Infer ``E2 second ??`` from its neighbours when its last byte was lost."""
    if second == 0x82:
        return "\u20ac"  # E2 82 AC, the only common character of the block
    if second == 0x84:
        return "\u2122"  # E2 84 A2
    if second != 0x80:
        return None
    prev_space = prev == "" or prev.isspace() or prev in _OPENERS
    next_space = nxt in ("", _REPLACEMENT) or nxt.isspace()
    if prev.isdigit() and nxt.isdigit():
        return "\u2013"  # 1945鈥1946: an en dash in a range
    if prev_space and next_space:
        return "\u2014"  # word 鈥 word: an em dash
    if prev_space:
        return "\u201c"  # 鈥.鈥: an opening quote before its (missing) text
    if quote_open:
        return "\u201d"
    if prev.isalpha():
        return "\u2019"  # States鈥 new: an apostrophe
    return "\u201d"


def _quote_state(chunk: str, quote_open: bool) -> bool:
    """Whether a double quote is open after ``chunk``; a new line closes it."""
    last = max(chunk.rfind("\n"), chunk.rfind("\u201c"), chunk.rfind("\u201d"))
    if last < 0:
        return quote_open
    return chunk[last] == "\u201c"


def _gbk_bytes(char: str) -> bytes | None:
    try:
        data = char.encode("gbk")
    except UnicodeEncodeError:
        return None
    return data if len(data) == 2 else None


def _gbk_run(text: str, i: int, prev: str, quote_open: bool) -> tuple[int, str, bool] | None:
    """Decode the damage starting at the lead character ``text[i]``.

    Returns ``(end, replacement, guessed)`` or ``None`` when the characters
    do not decode to punctuation (real Chinese text, or damage of a kind this
    repair does not know).
    """
    n = len(text)
    pos = i + 1
    second = _GBK_LEADS[text[i]]
    out: list[str] = []
    guessed = False
    while True:
        char = text[pos] if pos < n else ""
        trail = _GBK_TRAILS.get(char)
        if trail is not None:
            third, follower = trail
            cp = ord(bytes((0xE2, second, third)).decode("utf-8", "replace"))
            if cp not in _GBK_TARGETS:
                return None
            out.append(chr(cp))
            pos += 1
            if follower < 0x80:  # the next ASCII character, swallowed
                out.append(chr(follower))
                break
            if follower != 0xE2:
                return None
            # The swallowed byte leads the next punctuation character. Its
            # second byte 0x80 is invalid in GBK: U+20AC (WHATWG), U+FFFD or
            # nothing stands for it; 0x81-0x84 pair with its third byte.
            nxt = text[pos] if pos < n else ""
            if nxt in (_EURO, _REPLACEMENT):
                pos += 1
            else:
                pair = _gbk_bytes(nxt) if nxt and not nxt.isascii() else None
                if pair is not None and 0x81 <= pair[0] <= 0x84 and 0x80 <= pair[1] <= 0xBF:
                    cp = ord(bytes((0xE2, *pair)).decode("utf-8", "replace"))
                    if cp not in _GBK_TARGETS:
                        return None
                    out.append(chr(cp))
                    pos += 1
                    break
            second = 0x80
            continue
        if _is_lost_trail(char):
            if char == _REPLACEMENT:
                pos += 1
            before = out[-1] if out else prev
            after = text[pos] if pos < n else ""
            guess = _guess_lost(second, before, after, _quote_state("".join(out), quote_open))
            if guess is None:
                return None
            out.append(guess)
            guessed = True
            break
        return None
    # Real Chinese text: a "lead" between two Han characters is a character.
    after = text[pos] if pos < n else ""
    if _is_han(prev) and _is_han(after):
        return None
    return pos, "".join(out), guessed


def _hex(s: str, codec: str) -> str:
    return " ".join(f"{b:02X}" for b in s.encode(codec, "replace"))


def _gbk_edits(text: str) -> list[_Edit]:
    edits: list[_Edit] = []
    scanned = 0
    done = 0  # end of the last repair
    quote_open = False
    prev_out = ""
    for match in _GBK_LEAD_RE.finditer(text):
        i = match.start()
        if i < done:
            continue
        quote_open = _quote_state(text[scanned:i], quote_open)
        scanned = i
        prev = prev_out if i == done and edits else (text[i - 1] if i else "")
        run = _gbk_run(text, i, prev, quote_open)
        if run is None:
            continue
        end, replacement, guessed = run
        original = text[i:end]
        fixed = _normalise_chars(replacement)
        if guessed:
            kind = "mojibake-gbk-guess"
            message = (
                f"UTF-8 read as GBK: {original!r} lost its last byte; "
                f"{replacement!r} inferred from the context"
            )
        else:
            kind = "mojibake-gbk"
            message = (
                f"UTF-8 bytes {_hex(replacement, 'utf-8')} had been read as GBK "
                f"{original!r}; decoded again as {replacement!r}"
            )
        edits.append((i, end, fixed, kind, message))
        quote_open = _quote_state(replacement, quote_open)
        scanned = done = end
        prev_out = fixed[-1:] or prev
    return edits


# --------------------------------------------------------------------------
# UTF-8 read as Windows-1252 or Latin-1 (ftfy).

#: characters that start UTF-8 multi-byte sequences when read as Windows-1252
_CP1252_CLUE_RE = re.compile("[\u00c2-\u00f4]")
#: "â€" (E2 80) whose third byte, undefined in Windows-1252, was lost
_CP1252_CONTINUATION = "".join(
    bytes([b]).decode("cp1252", "ignore") or chr(b) for b in range(0x80, 0xC0)
)
_CP1252_LONE_RE = re.compile("\u00e2\u20ac(?![" + re.escape(_CP1252_CONTINUATION) + "])\ufffd?")


def _cp1252_edits(text: str) -> tuple[list[_Edit], list[_Edit]]:
    """The lone "â€" guesses, then ftfy's repairs (lower priority)."""
    if not _CP1252_CLUE_RE.search(text):
        return [], []
    # imported on first need: ftfy takes a tenth of a second to import
    import ftfy  # noqa: PLC0415
    from ftfy.badness import is_bad  # noqa: PLC0415
    from ftfy.chardata import UTF8_DETECTOR_RE  # noqa: PLC0415

    lone: list[_Edit] = [
        (
            m.start(),
            m.end(),
            "\u201d",
            "mojibake-cp1252-guess",
            f"UTF-8 read as Windows-1252: {m.group()!r} lost its last byte; "
            "'”' (E2 80 9D, whose 9D Windows-1252 lacks) inferred",
        )
        for m in _CP1252_LONE_RE.finditer(text)
    ]
    fixes: list[_Edit] = []
    for m in UTF8_DETECTOR_RE.finditer(text):
        damaged = m.group()
        if not is_bad(damaged):
            continue
        fixed = ftfy.fix_encoding(damaged)
        if fixed == damaged or _REPLACEMENT in fixed:
            continue
        fixes.append(
            (
                m.start(),
                m.end(),
                _normalise_chars(fixed),
                "mojibake-cp1252",
                f"UTF-8 had been read as Windows-1252 {damaged!r}; decoded again as {fixed!r}",
            )
        )
    return lone, fixes


# --------------------------------------------------------------------------
# Characters: spaces, dashes, quotes, controls.

_SPACES = "\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f"
_ZERO_WIDTH = "\u200b\u2060\ufeff"
_DASHES = "\u2010\u2011\u2012\u2212\ufe63\uff0d"
_QUOTES = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
}
_CONTROLS = "".join(chr(c) for c in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F))
_C1 = "".join(chr(c) for c in range(0x80, 0xA0))


@cache
def _char_table(*, dashes: bool, quotes: bool, spaces: bool) -> dict[str, tuple[str, str]]:
    """Character -> (replacement, kind) for the character pass."""
    table: dict[str, tuple[str, str]] = {}
    for char in _CONTROLS:
        table[char] = ("", "control")
    for char in _C1:
        as_cp1252 = char.encode("latin-1").decode("cp1252", "ignore")
        table[char] = (as_cp1252, "mojibake-c1") if as_cp1252 else ("", "control")
    table["\u2028"] = ("\n", "newline")
    table["\u2029"] = ("\n", "newline")
    table["\u00ad"] = ("", "soft-hyphen")
    if spaces:
        table.update(dict.fromkeys(_SPACES, (" ", "space")))
        table.update(dict.fromkeys(_ZERO_WIDTH, ("", "zero-width")))
    if dashes:
        table.update(dict.fromkeys(_DASHES, ("-", "dash")))
    if quotes:
        table.update({char: (ascii_quote, "quote") for char, ascii_quote in _QUOTES.items()})
    return table


@cache
def _char_re(*, dashes: bool, quotes: bool, spaces: bool) -> re.Pattern[str]:
    chars = "".join(_char_table(dashes=dashes, quotes=quotes, spaces=spaces))
    return re.compile("\r\n?|[" + re.escape(chars) + "]")


def _normalise_chars(s: str) -> str:
    """The default character pass on a repair's output (no context, no quotes)."""
    table = _char_table(dashes=True, quotes=False, spaces=True)
    return "".join(table.get(c, (c, ""))[0] for c in s)


def _describe(char: str) -> str:
    name = unicodedata.name(char, "") or f"U+{ord(char):04X}"
    return f"U+{ord(char):04X} {name}" if name[:2] != "U+" else name


def _char_edits(text: str, *, dashes: bool, quotes: bool, spaces: bool) -> Iterator[_Edit]:
    table = _char_table(dashes=dashes, quotes=quotes, spaces=spaces)
    n = len(text)
    for m in _char_re(dashes=dashes, quotes=quotes, spaces=spaces).finditer(text):
        found = m.group()
        if found[0] == "\r":
            yield (m.start(), m.end(), "\n", "newline", f"{found!r} replaced by '\\n'")
            continue
        replacement, kind = table[found]
        end = m.end()
        if not replacement and end < n and unicodedata.combining(text[end]):
            continue  # removing it would attach the combining mark to another base
        what = _describe(found)
        message = f"{what} removed" if not replacement else f"{what} replaced by {replacement!r}"
        yield (m.start(), end, replacement, kind, message)


# --------------------------------------------------------------------------
# NFC.

_NON_ASCII_RUN_RE = re.compile("[\x00-\x7f]?[^\x00-\x7f]+")


@cache
def _composing_starters() -> frozenset[str]:
    """Characters of combining class 0 that NFC can join to the character before.

    Derived from the Unicode database on first need: the second characters of
    two-character canonical decompositions, plus the Hangul vowel and final
    jamo, which compose algorithmically.
    """
    found = {chr(c) for c in range(0x1161, 0x1176)} | {chr(c) for c in range(0x11A8, 0x11C3)}
    for cp in range(0x30000):
        decomposition = unicodedata.decomposition(chr(cp))
        if decomposition and decomposition[0] != "<":
            parts = decomposition.split()
            if len(parts) == 2:
                char = chr(int(parts[1], 16))
                if unicodedata.combining(char) == 0:
                    found.add(char)
    return frozenset(found)


def _nfc_edits(text: str) -> Iterator[_Edit]:
    if unicodedata.is_normalized("NFC", text):
        return
    joining = _composing_starters()
    for m in _NON_ASCII_RUN_RE.finditer(text):
        run = m.group()
        if unicodedata.is_normalized("NFC", run):
            continue
        base = m.start()
        cluster_start = 0
        for k in range(1, len(run) + 1):
            if k < len(run) and (unicodedata.combining(run[k]) or run[k] in joining):
                continue
            cluster = run[cluster_start:k]
            if not unicodedata.is_normalized("NFC", cluster):
                composed = unicodedata.normalize("NFC", cluster)
                yield (
                    base + cluster_start,
                    base + k,
                    composed,
                    "nfc",
                    f"{cluster!r} ({' '.join(f'U+{ord(c):04X}' for c in cluster)}) "
                    f"recomposed to {composed!r}",
                )
            cluster_start = k


# --------------------------------------------------------------------------


def clean(
    text: str,
    *,
    mojibake: bool = True,
    unicode: bool = True,
    dashes: bool = True,
    quotes: bool = False,
    spaces: bool = True,
) -> CleanText:
    """Repair and normalise ``text``; return it with its repairs and an offset map.

    Args:
        text: the text as it was read.
        mojibake: repair UTF-8 that was decoded as GBK (CP936) or as
            Windows-1252/Latin-1, and C1 control characters that stand for
            Windows-1252 characters.
        unicode: recompose to normalisation form C; remove control characters
            other than tab and line feed and soft hyphens; turn carriage
            returns and Unicode line separators into line feeds.
        dashes: replace hyphens, non-breaking hyphens, figure dashes and minus
            signs (U+2010, U+2011, U+2012, U+2212, U+FE63, U+FF0D) by ``-``.
            En and em dashes are kept: the parsers accept them.
        quotes: straighten curly quotes and primes to ``'`` and ``"``. Off by
            default: the parsers accept curly quotes, and a quote's direction
            tells an opening from a closing one.
        spaces: replace non-breaking and typographic spaces (U+00A0, U+202F,
            U+2000-U+200A, U+205F, U+1680) by a plain space and remove
            zero-width spaces, word joiners and byte order marks. The
            ideographic space U+3000 belongs to CJK text and is kept.

    Returns:
        A :class:`CleanText` whose repairs are sorted and never overlap.

    Mojibake is repaired first, on the original text; the characters a
    repair produces pass through the same character normalisation, so a
    decoded non-breaking space comes out as a plain space.
    """
    if not isinstance(text, str):
        raise TypeError(f"clean() takes a str, not {type(text).__name__}")
    edits: list[_Edit] = []
    if mojibake:
        edits = _merge(edits, _gbk_edits(text))
        lone, fixes = _cp1252_edits(text)
        edits = _merge(edits, lone)
        edits = _merge(edits, fixes)
    char_edits = _char_edits(text, dashes=dashes, quotes=quotes, spaces=spaces)
    if not unicode:
        char_edits = (e for e in char_edits if e[3] not in ("control", "soft-hyphen", "newline"))
    if not mojibake:
        char_edits = (e for e in char_edits if e[3] != "mojibake-c1")
    edits = _merge(edits, char_edits)
    if unicode:
        edits = _merge(edits, _nfc_edits(text))
    if not edits:
        return CleanText(text=text, original=text)
    pieces: list[str] = []
    repairs: list[Repair] = []
    last = 0
    for start, end, replacement, kind, message in edits:
        pieces.append(text[last:start])
        pieces.append(replacement)
        repairs.append(Repair(kind, start, end, text[start:end], replacement, message))
        last = end
    pieces.append(text[last:])
    return CleanText(text="".join(pieces), original=text, repairs=tuple(repairs))
