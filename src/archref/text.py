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
    "tex-dash": (
        "two or three hyphens (TeX's and pandoc's way to type a dash) replaced by the"
        " en or em dash they print"
    ),
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

    @property
    def message(self) -> str:
        """What was wrong and what it became, for a human."""
        return _message(self.kind, self.original, self.replacement)

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
# Edits: (start, end, replacement, kind) on the original text.

_Edit = tuple[int, int, str, str]


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
    if not accepted:
        return kept
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


def _gbk_leads_and_thirds() -> tuple[dict[str, int], set[int]]:
    """The lead characters (GBK reading of ``E2 xx``, mapped to ``xx``) and the
    third bytes ``yy`` of the targets ``E2 xx yy`` they lead."""
    leads: dict[str, int] = {}
    third_bytes: set[int] = set()
    for cp in sorted(_GBK_TARGETS):
        b1, b2, b3 = chr(cp).encode("utf-8")
        lead = _gbk_pair(b1, b2)
        if lead is not None:
            leads[lead] = b2
            third_bytes.add(b3)
    return leads, third_bytes


def _build_gbk_tables() -> tuple[dict[str, int], dict[str, tuple[int, int]]]:
    """Derive, from the codecs, the characters that this damage produces.

    Returns the lead characters (GBK reading of ``E2 xx``, mapped to ``xx``)
    and the trail characters (GBK reading of ``yy tt`` where ``E2 xx yy`` is a
    target for some lead, mapped to ``(yy, tt)``).
    """
    leads, third_bytes = _gbk_leads_and_thirds()
    trails: dict[str, tuple[int, int]] = {}
    for b3 in sorted(third_bytes):
        for tt in range(0x40, 0xFF):
            char = _gbk_pair(b3, tt)
            if char is not None and tt != 0x7F:
                trails[char] = (b3, tt)
    return leads, trails


@cache
def _gbk_leads() -> dict[str, int]:
    """The lead characters, built on first use (a few dozen decodings)."""
    return _gbk_leads_and_thirds()[0]


@cache
def _gbk_trails() -> dict[str, tuple[int, int]]:
    """The trail characters, built on first use: only a text with a lead needs them
    (some ten thousand decodings)."""
    return _build_gbk_tables()[1]


@cache
def _gbk_lead_re() -> re.Pattern[str]:
    return re.compile("[" + "".join(sorted(_gbk_leads())) + "]")


#: a character that WHATWG's GBK decoder gives for byte 0x80
_EURO = "\u20ac"
_REPLACEMENT = "\ufffd"
_OPENERS = "([{<"


def _is_han(char: str) -> bool:
    return bool(char) and (
        "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" or char >= "\U00020000"
    )


def _is_lost_trail(char: str) -> bool:
    """Whether ``char`` can follow a punctuation character whose last byte was lost.

    A GBK decoder drops (or replaces by U+FFFD) a byte that cannot lead a
    pair with the byte after it: a byte followed by a space, a digit, most
    ASCII punctuation or the end of the text, and some bytes (0x80, 0xA1 to
    0xA7) even when followed by a letter. Any ASCII character, U+FFFD or the
    end of the text can therefore follow a lost byte.
    """
    return char in ("", _REPLACEMENT) or char.isascii()


def _could_be_lost(candidate: str, second: int, nxt: str) -> bool:
    """Whether ``candidate``'s last UTF-8 byte would be lost before ``nxt``."""
    data = candidate.encode("utf-8")
    if data[1] != second:
        return False
    if nxt.isascii() and 0x40 <= ord(nxt[:1] or "\0") < 0x7F:
        return _gbk_pair(data[2], ord(nxt)) is None
    return True


def _guess_lost(second: int, prev: str, nxt: str, quotes: str) -> str | None:
    """Infer ``E2 second ??`` from its neighbours when its last byte was lost.

    ``quotes`` is the stack of quotation marks open on the current line.
    """
    prev_space = prev == "" or prev.isspace() or prev in _OPENERS
    next_space = nxt in ("", _REPLACEMENT) or nxt.isspace()
    if second == 0x82:
        preferred = "\u20ac"  # E2 82 AC, the only common character of the row
    elif second == 0x84:
        preferred = "\u2122"  # E2 84 A2
    elif nxt.isascii() and nxt.isalpha():
        # Before a letter only a few bytes are lost (those that cannot lead a
        # GBK pair with it): among them the bullet and the ellipsis.
        preferred = "\u2022\u2026" if prev_space else "\u2026\u2022"
    elif prev.isdigit() and nxt.isdigit():
        preferred = "\u2013"  # 1945鈥1946: an en dash in a range
    elif prev_space and next_space:
        preferred = "\u2014"  # word 鈥 word: an em dash
    elif prev_space:
        preferred = "\u201c"  # 鈥.鈥: an opening quote before its (missing) text
    elif quotes.endswith("\u2018"):
        preferred = "\u2019"  # closes the single quote that is open
    elif quotes:
        preferred = "\u201d"  # closes the double quote that is open
    elif prev.isalpha():
        preferred = "\u2019"  # States鈥 new: an apostrophe
    else:
        preferred = "\u201d"
    for candidate in preferred:
        if _could_be_lost(candidate, second, nxt):
            return candidate
    return None


#: what opens or closes a quotation; a line feed closes them all, and a
#: right single quote before a letter is an apostrophe
_QUOTE_EVENT_RE = re.compile("[\n\u201c\u201d\u2018]|\u2019(?![^\\W\\d_])")


def _update_quotes(quotes: str, chunk: str) -> str:
    """The stack of open quotation marks after ``chunk``."""
    for m in _QUOTE_EVENT_RE.finditer(chunk):
        mark = m.group()
        if mark == "\n":
            quotes = ""
        elif mark in "\u201c\u2018":
            quotes = (quotes + mark)[-8:]
        else:
            opener = "\u201c" if mark == "\u201d" else "\u2018"
            k = quotes.rfind(opener)
            if k >= 0:
                quotes = quotes[:k]
    return quotes


def _gbk_bytes(char: str) -> bytes | None:
    try:
        data = char.encode("gbk")
    except UnicodeEncodeError:
        return None
    return data if len(data) == 2 else None


class _View:
    """The original text as the character pass will leave it, seen one character at a time.

    Characters the pass removes (soft hyphens, zero-width spaces, controls)
    are skipped and the others are shown as they will be (a non-breaking
    space as a space), so the GBK repair decides the same way on the
    original and on the cleaned text, and cleaning is idempotent.
    """

    __slots__ = ("n", "table", "text")

    def __init__(self, text: str, table: dict[str, tuple[str, str]]) -> None:
        self.text = text
        self.n = len(text)
        self.table = table

    def skip(self, pos: int) -> int:
        """The first position from ``pos`` on whose character is kept."""
        text, table = self.text, self.table
        while pos < self.n and table.get(text[pos], "x")[0] == "":
            pos += 1
        return pos

    def at(self, pos: int) -> str:
        if pos >= self.n:
            return ""
        char = self.text[pos]
        return self.table.get(char, (char,))[0]

    def before(self, pos: int, floor: int) -> tuple[int, str]:
        """The last kept character before ``pos``, looking no further back than ``floor``."""
        text, table = self.text, self.table
        pos -= 1
        while pos >= floor and table.get(text[pos], "x")[0] == "":
            pos -= 1
        return pos, (self.at(pos) if pos >= floor else "")


def _gbk_run(view: _View, i: int, prev: str, quotes: str) -> tuple[int, str, bool] | None:
    """Decode the damage starting at the lead character ``text[i]``.

    Returns ``(end, decoded, guessed)`` or ``None`` when the characters do
    not decode to punctuation (real Chinese text, or damage of a kind this
    repair does not know).
    """
    text = view.text
    pos = view.skip(i + 1)
    leads, trails = _gbk_leads(), _gbk_trails()
    second = leads[text[i]]
    out: list[str] = []
    guessed = False
    while True:
        char = view.at(pos)
        trail = trails.get(char)
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
            pos = view.skip(pos)
            nxt = view.at(pos)
            if nxt in (_EURO, _REPLACEMENT):
                pos = view.skip(pos + 1)
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
            after = view.at(view.skip(pos))
            guess = _guess_lost(second, before, after, _update_quotes(quotes, "".join(out)))
            if guess is None:
                return None
            out.append(guess)
            guessed = True
            break
        return None
    # Real Chinese text: a "lead" between two Han characters is a character.
    # A lead after it does not count as Han: it is damage this pass repairs,
    # and counting it would leave this run for a second pass to repair.
    after = view.at(view.skip(pos))
    if _is_han(prev) and _is_han(after) and after not in leads:
        return None
    return pos, "".join(out), guessed


def _gbk_edits(view: _View, normalise: dict[int, str]) -> list[_Edit]:
    text = view.text
    edits: list[_Edit] = []
    scanned = 0
    done = 0  # end of the last repair
    quotes = ""
    prev_out = ""
    for match in _gbk_lead_re().finditer(text):
        i = match.start()
        if i < done:
            continue
        quotes = _update_quotes(quotes, text[scanned:i])
        scanned = i
        k, prev = view.before(i, done)
        if k < done:
            prev = prev_out
        run = _gbk_run(view, i, prev, quotes)
        if run is None:
            continue
        end, decoded, guessed = run
        replacement = decoded.translate(normalise)
        kind = "mojibake-gbk-guess" if guessed else "mojibake-gbk"
        edits.append((i, end, replacement, kind))
        quotes = _update_quotes(quotes, decoded)
        scanned = done = end
        prev_out = replacement[-1:] or prev
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


def _cp1252_edits(
    text: str, normalise: dict[int, str], probe: dict[int, str]
) -> tuple[list[_Edit], list[_Edit]]:
    """The lone "â€" guesses, then ftfy's repairs (lower priority)."""
    if not _CP1252_CLUE_RE.search(text):
        return [], []
    # imported on first need: ftfy takes a tenth of a second to import
    import ftfy  # noqa: PLC0415
    from ftfy.badness import is_bad  # noqa: PLC0415
    from ftfy.chardata import UTF8_DETECTOR_RE  # noqa: PLC0415

    lone: list[_Edit] = [
        (m.start(), m.end(), "\u201d", "mojibake-cp1252-guess")
        for m in _CP1252_LONE_RE.finditer(text)
    ]
    fixes: list[_Edit] = []
    # ftfy's detector looks at the character before a match; it sees the text
    # as the character pass leaves it (same length: removed characters are NUL)
    for m in UTF8_DETECTOR_RE.finditer(text.translate(probe)):
        damaged = text[m.start() : m.end()]
        if not is_bad(damaged):
            continue
        fixed = ftfy.fix_encoding(damaged)
        if fixed == damaged or _REPLACEMENT in fixed:
            continue
        fixes.append((m.start(), m.end(), fixed.translate(normalise), "mojibake-cp1252"))
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
def _char_table(
    *, mojibake: bool, unicode: bool, dashes: bool, quotes: bool, spaces: bool
) -> dict[str, tuple[str, str]]:
    """Character -> (replacement, kind) for the character pass."""
    table: dict[str, tuple[str, str]] = {}
    if unicode:
        table.update(dict.fromkeys(_CONTROLS + _C1, ("", "control")))
        table["\u2028"] = ("\n", "newline")
        table["\u2029"] = ("\n", "newline")
        table["\u00ad"] = ("", "soft-hyphen")
    if mojibake:
        for char in _C1:
            as_cp1252 = char.encode("latin-1").decode("cp1252", "ignore")
            if as_cp1252:
                table[char] = (as_cp1252, "mojibake-c1")
    if spaces:
        table.update(dict.fromkeys(_SPACES, (" ", "space")))
        table.update(dict.fromkeys(_ZERO_WIDTH, ("", "zero-width")))
    if dashes:
        table.update(dict.fromkeys(_DASHES, ("-", "dash")))
    if quotes:
        table.update({char: (ascii_quote, "quote") for char, ascii_quote in _QUOTES.items()})
    return table


def _char_re(table: dict[str, tuple[str, str]], *, unicode: bool) -> re.Pattern[str]:
    # One class (with "\r" when line ends are repaired: :func:`_char_edits` takes the
    # "\n" after it), which the engine looks for a character at a time without
    # trying an alternation at each place.
    chars = "".join(table) + ("\r" if unicode else "")
    return re.compile("[" + re.escape(chars) + "]" if chars else "(?!)")


def _describe(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} {name}".rstrip()


def _char_edits(
    text: str, table: dict[str, tuple[str, str]], pattern: re.Pattern[str]
) -> Iterator[_Edit]:
    n = len(text)
    combining = unicodedata.combining
    for m in pattern.finditer(text):
        found = m.group()
        start, end = m.span()
        if found == "\r" and found not in table:
            if end < n and text[end] == "\n":
                end += 1  # "\r\n" is one line end
            yield (start, end, "\n", "newline")
            continue
        replacement, kind = table[found]
        if not replacement and end < n and combining(text[end]):
            continue  # removing it would attach the combining mark to another base
        yield (start, end, replacement, kind)


def _message(kind: str, original: str, replacement: str) -> str:
    if kind == "mojibake-gbk":
        data = " ".join(f"{b:02X}" for b in original.encode("gbk", "replace"))
        return (
            f"{original!r} is UTF-8 punctuation read as GBK (bytes {data}); "
            f"repaired to {replacement!r}"
        )
    if kind == "mojibake-gbk-guess":
        return (
            f"{original!r} is UTF-8 punctuation read as GBK whose last byte was lost; "
            f"{replacement!r} is inferred from the context"
        )
    if kind == "mojibake-cp1252":
        return f"{original!r} is UTF-8 read as Windows-1252; repaired to {replacement!r}"
    if kind == "mojibake-cp1252-guess":
        return (
            f"{original!r} is UTF-8 read as Windows-1252 whose last byte (9D, which "
            f"Windows-1252 lacks) was lost; {replacement!r} is inferred"
        )
    if kind == "nfc":
        points = " ".join(f"U+{ord(c):04X}" for c in original)
        return f"{original!r} ({points}) recomposed to {replacement!r} (NFC)"
    what = _describe(original) if len(original) == 1 else repr(original)
    return f"{what} removed" if not replacement else f"{what} replaced by {replacement!r}"


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
                yield (base + cluster_start, base + k, composed, "nfc")
            cluster_start = k


# --------------------------------------------------------------------------


@cache
def _prepared(
    mojibake: bool, unicode: bool, dashes: bool, quotes: bool, spaces: bool
) -> tuple[dict[str, tuple[str, str]], dict[int, str], dict[int, str], re.Pattern[str]]:
    """The tables of one set of options, built once: the character table, the
    translation to normal characters, the probe of the Windows-1252 pass (C1
    characters left out: they are bytes of the mojibake) and the pattern of
    the character pass."""
    table = _char_table(
        mojibake=mojibake, unicode=unicode, dashes=dashes, quotes=quotes, spaces=spaces
    )
    normalise = {ord(char): replacement for char, (replacement, _) in table.items()}
    probe = {k: (v if len(v) == 1 else "\0") for k, v in normalise.items() if not 0x80 <= k < 0xA0}
    return table, normalise, probe, _char_re(table, unicode=unicode)


#: The only ASCII characters that a repair touches: controls other than tab and line feed.
_ASCII_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")

#: Two or three hyphens, neither more nor fewer (four or more are a rule, not a dash);
#: with ``dashes``, the characters that pass makes hyphens count as hyphens.
_TEX_DASH = re.compile("(?<!-)-{2,3}(?!-)")


#: With ``dashes``, a run of two hyphens or more that the character pass would make
#: plain, the invisible characters it deletes between them included ("\u2011\u00ad\u2011" is
#: "--" once cleaned, so it is read as the en dash a second cleaning would make).
_TEX_DASH_RUN = re.compile(f"[-{_DASHES}](?:[\u00ad{_ZERO_WIDTH}]*[-{_DASHES}])+")


def _tex_dash_edits(text: str, *, dashes: bool) -> Iterator[_Edit]:
    """``--`` as an en dash, ``---`` as an em dash, as TeX and pandoc print them."""
    if dashes:
        for m in _TEX_DASH_RUN.finditer(text):
            count = sum(1 for ch in m.group() if ch == "-" or ch in _DASHES)
            if count in (2, 3):
                yield (m.start(), m.end(), "\u2013" if count == 2 else "\u2014", "tex-dash")
        return
    for m in _TEX_DASH.finditer(text):
        yield (m.start(), m.end(), "\u2013" if m.end() - m.start() == 2 else "\u2014", "tex-dash")


def clean(
    text: str,
    *,
    mojibake: bool = True,
    unicode: bool = True,
    dashes: bool = True,
    quotes: bool = False,
    spaces: bool = True,
    tex_dashes: bool = True,
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
        tex_dashes: read two hyphens as an en dash and three as an em dash,
            as TeX and pandoc print them ("ll. 71--72" is "ll. 71–72"); four
            or more are left alone.

    Returns:
        A :class:`CleanText` whose repairs are sorted and never overlap.

    Mojibake is repaired first, on the original text; the characters a
    repair produces pass through the same character normalisation, so a
    decoded non-breaking space comes out as a plain space.
    """
    if not isinstance(text, str):
        raise TypeError(f"clean() takes a str, not {type(text).__name__}")
    if text.isascii() and _ASCII_CONTROL.search(text) is None and not (tex_dashes and "--" in text):
        return CleanText(text=text, original=text)  # nothing any option repairs
    table, normalise, probe, char_re = _prepared(mojibake, unicode, dashes, quotes, spaces)
    edits: list[_Edit] = []
    if mojibake:
        edits = _gbk_edits(_View(text, table), normalise)
        lone, fixes = _cp1252_edits(text, normalise, probe)
        edits = _merge(edits, lone)
        edits = _merge(edits, fixes)
    if tex_dashes:  # before the character pass, which would take its hyphens one by one
        edits = _merge(edits, _tex_dash_edits(text, dashes=dashes))
    edits = _merge(edits, _char_edits(text, table, char_re))
    if unicode:
        edits = _merge(edits, _nfc_edits(text))
    if not edits:
        return CleanText(text=text, original=text)
    pieces: list[str] = []
    repairs: list[Repair] = []
    last = 0
    for start, end, replacement, kind in edits:
        pieces.append(text[last:start])
        pieces.append(replacement)
        repairs.append(Repair(kind, start, end, text[start:end], replacement))
        last = end
    pieces.append(text[last:])
    return CleanText(text="".join(pieces), original=text, repairs=tuple(repairs))
