"""Neutral markup for rendering, and its conversion to text, HTML and Markdown.

citeproc-py's formatters write their markup (``<i>``, ``<b>``...) straight
into the strings they build, so data and markup can no longer be told apart:
HTML output does not escape the data, and text-case rules see the tags as
letters. archref renders every entry once with *neutral markup*: each
formatting instruction becomes a pair of characters from Unicode's private
use area, which never occur in bibliographic data (they are removed from the
input). The finished string is then

* cleaned of doubled and misplaced punctuation, with quotation marks put in
  (``punctuation-in-quote``, nested quotes alternating), and
* converted to the requested output, escaping the data for HTML and
  Markdown and turning each marker pair into that output's markup.

This module has no dependency on citeproc-py; it is the part of the
formatting layer that can be tested on plain strings.

>>> to_output(f"{ITALIC[0]}Brothers in Arms{ITALIC[1]} & more", "html")
'<i>Brothers in Arms</i> &#38; more'
>>> to_output(f"{ITALIC[0]}Brothers in Arms{ITALIC[1]}", "markdown")
'*Brothers in Arms*'
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Final, Literal

OutputFormat = Literal["text", "html", "markdown"]

ITALIC: Final = ("\ue000", "\ue001")
BOLD: Final = ("\ue002", "\ue003")
SMALL_CAPS: Final = ("\ue004", "\ue005")
SUPERSCRIPT: Final = ("\ue006", "\ue007")
SUBSCRIPT: Final = ("\ue008", "\ue009")
UNDERLINE: Final = ("\ue00a", "\ue00b")
QUOTES: Final = ("\ue00c", "\ue00d")
NOCASE: Final = ("\ue00e", "\ue00f")
#: Put in front of a rendered locale term, so that a note opening with a term
#: ("ibid.") can be capitalised as citeproc-js does.
TERM: Final = "\ue010"
#: CSL's ``display`` attribute in a bibliography entry (and the two parts of
#: an entry with ``second-field-align``): blocks of the entry, written as
#: citeproc-js writes them in HTML, left out in text and Markdown.
DISPLAY_BLOCK: Final = ("\ue011", "\ue012")
DISPLAY_LEFT_MARGIN: Final = ("\ue013", "\ue014")
DISPLAY_RIGHT_INLINE: Final = ("\ue015", "\ue016")
DISPLAY_INDENT: Final = ("\ue017", "\ue018")
#: ``<span class="nodecor">`` in the data: the formatting around it is undone.
NODECOR: Final = ("\ue019", "\ue01a")
#: Put after the opening mark of a quotation written with straight single
#: quotes in the data and followed by a space ("two 'action' sports"):
#: citeproc-js leaves its first word in its case when it applies title case.
KEEP_CASE: Final = "\ue01b"
DISPLAYS: Final = {
    "block": DISPLAY_BLOCK,
    "left-margin": DISPLAY_LEFT_MARGIN,
    "right-inline": DISPLAY_RIGHT_INLINE,
    "indent": DISPLAY_INDENT,
}

_PAIRS: Final = (
    ITALIC,
    BOLD,
    SMALL_CAPS,
    SUPERSCRIPT,
    SUBSCRIPT,
    UNDERLINE,
    QUOTES,
    NOCASE,
    DISPLAY_BLOCK,
    DISPLAY_LEFT_MARGIN,
    DISPLAY_RIGHT_INLINE,
    DISPLAY_INDENT,
    NODECOR,
)
OPENERS: Final = frozenset(pair[0] for pair in _PAIRS)
CLOSERS: Final = frozenset(pair[1] for pair in _PAIRS)
MARKERS: Final = OPENERS | CLOSERS | {TERM, KEEP_CASE}
_MARKER_RE: Final = re.compile("[\ue000-\ue01b]")

_HTML_TAGS: Final = {
    ITALIC: ("<i>", "</i>"),
    BOLD: ("<b>", "</b>"),
    SMALL_CAPS: ('<span style="font-variant:small-caps;">', "</span>"),
    SUPERSCRIPT: ("<sup>", "</sup>"),
    SUBSCRIPT: ("<sub>", "</sub>"),
    UNDERLINE: ('<span style="text-decoration:underline;">', "</span>"),
    NOCASE: ("", ""),
    # as citeproc-js's HTML output writes them
    DISPLAY_BLOCK: ('\n\n    <div class="csl-block">', "</div>\n"),
    DISPLAY_LEFT_MARGIN: ('\n    <div class="csl-left-margin">', "</div>"),
    DISPLAY_RIGHT_INLINE: ('<div class="csl-right-inline">', "</div>\n  "),
    DISPLAY_INDENT: ('<div class="csl-indent">', "</div>\n  "),
}
_MARKDOWN_TAGS: Final = {
    ITALIC: ("*", "*"),
    BOLD: ("**", "**"),
    SMALL_CAPS: ("", ""),
    SUPERSCRIPT: ("<sup>", "</sup>"),
    SUBSCRIPT: ("<sub>", "</sub>"),
    UNDERLINE: ("", ""),
    NOCASE: ("", ""),
}


def strip_markers(text: str) -> str:
    """Remove every marker character.

    >>> strip_markers(f"{QUOTES[0]}Korea{QUOTES[1]}")
    'Korea'
    """
    return _MARKER_RE.sub("", text)


# ---------------------------------------------------------------------------
# Data coming in: rich text in CSL-JSON fields

_DATA_TAGS: Final = {
    "<i>": ITALIC[0],
    "</i>": ITALIC[1],
    "<b>": BOLD[0],
    "</b>": BOLD[1],
    "<sup>": SUPERSCRIPT[0],
    "</sup>": SUPERSCRIPT[1],
    "<sub>": SUBSCRIPT[0],
    "</sub>": SUBSCRIPT[1],
    "<sc>": SMALL_CAPS[0],
    "</sc>": SMALL_CAPS[1],
    '<span style="font-variant:small-caps;">': SMALL_CAPS[0],
    '<span class="nocase">': NOCASE[0],
    '<span class="nodecor">': NODECOR[0],
}
_DATA_TAG_RE: Final = re.compile(
    r"<(?:/?(?:i|b|sup|sub|sc)"
    r'|span class="no(?:case|decor)"|span style="font-variant:small-caps;")>'
    r"|</span>",
    re.IGNORECASE,
)
#: Quotation marks in the data, by family: straight and curly double quotes,
#: straight and curly single quotes.
_DOUBLE_QUOTES: Final = frozenset('"\u201c\u201d')
_SINGLE_QUOTES: Final = frozenset("'\u2018\u2019")
#: What may stand before an opening quotation mark, and after a closing one
#: (besides spaces, markup and the ends of the text).
_BEFORE_OPENING: Final = frozenset("([{-\u2013\u2014/") | _DOUBLE_QUOTES | _SINGLE_QUOTES
_AFTER_CLOSING: Final = frozenset(".,;:!?)]}-\u2013\u2014/") | _DOUBLE_QUOTES | _SINGLE_QUOTES


def _quotations(text: str) -> str:
    """Pairs of quotation marks in the data become quotation markup.

    As citeproc-js reads them: straight or curly, double or single, a
    quotation opens after a space (or the start, a bracket, a dash) before
    a character that is not a space, and closes after a character that is
    not a space, before a space, punctuation or the end. Quotations nest,
    and are printed with the locale's quotation marks for their depth. A
    single quote between two letters is an apostrophe ("You're"); a single
    quote that closes nothing is one too ("ETFA '09"). A double quote that
    pairs with nothing stays as it is.

    >>> quoted = _quotations("Life's 'Little' Surprises")
    >>> quoted == f"Life\u2019s {QUOTES[0]}{KEEP_CASE}Little{QUOTES[1]} Surprises"
    True
    >>> _quotations('Nation of "Positive Obligations " of State')
    'Nation of "Positive Obligations " of State'
    """
    chars = list(text)
    stack: list[tuple[int, bool]] = []  # index of an opening mark, double or not
    size = len(chars)
    for index, char in enumerate(chars):
        double = char in _DOUBLE_QUOTES
        if not double and char not in _SINGLE_QUOTES:
            continue
        before = chars[index - 1] if index else " "
        after = chars[index + 1] if index + 1 < size else " "
        if not double and before.isalnum() and after.isalnum():
            chars[index] = "\u2019"  # an apostrophe
            continue
        can_open = char not in "\u201d\u2019" and (
            before.isspace() or before in _BEFORE_OPENING or before in MARKERS
        )
        can_open = can_open and not after.isspace()
        can_close = char not in "\u201c\u2018" and not before.isspace()
        can_close = can_close and (
            after.isspace() or after in MARKERS or (after in _AFTER_CLOSING and char != "\u2019")
        )
        if can_close and stack and stack[-1][1] == double:
            opened = stack.pop()[0]
            # citeproc-js leaves the first word of 'a quotation' followed by
            # a space in its case, not one followed by punctuation or the end
            keep = chars[opened] == "'" and index + 1 < size and after.isspace()
            chars[opened] = QUOTES[0] + (KEEP_CASE if keep else "")
            chars[index] = QUOTES[1]
        elif can_open:
            stack.append((index, double))
        elif not double and char == "'":
            chars[index] = "\u2019"
    for index, double in stack:
        if not double and chars[index] == "'":
            chars[index] = "\u2019"
    return "".join(chars)


def read_rich_text(value: str) -> str:
    """Turn the rich text allowed in CSL-JSON fields into neutral markup.

    The tags citeproc-js understands (``<i>``, ``<b>``, ``<sup>``, ``<sub>``,
    ``<sc>``, ``<span class="nocase">`` and the small-caps span) become
    markers; anything else that looks like a tag stays text and is escaped
    on HTML output. A pair of quotation marks becomes a quotation
    (:func:`_quotations`).
    Marker characters already in the data are dropped.

    >>> read_rich_text('On <i>Pravda</i> & "the Line"') == (
    ...     f"On {ITALIC[0]}Pravda{ITALIC[1]} & {QUOTES[0]}the Line{QUOTES[1]}")
    True
    >>> read_rich_text("Telegram to <General> Staff")
    'Telegram to <General> Staff'
    """
    text = strip_markers(value)
    if "<" in text:
        stack: list[str] = []
        out: list[str] = []
        pos = 0
        for match in _DATA_TAG_RE.finditer(text):
            tag = match.group(0).lower()
            out.append(text[pos : match.start()])
            pos = match.end()
            if tag == "</span>":
                if stack and stack[-1] in (NOCASE[0], SMALL_CAPS[0], NODECOR[0]):
                    out.append(_closer_of(stack.pop()))
                else:
                    out.append(match.group(0))
                continue
            marker = _DATA_TAGS[tag]
            if marker in OPENERS:
                stack.append(marker)
                out.append(marker)
            elif stack and _closer_of(stack[-1]) == marker:
                stack.pop()
                out.append(marker)
            else:
                out.append(match.group(0))
        out.append(text[pos:])
        text = "".join(out)
        # an opened tag that is never closed is not markup after all
        for opener in stack:
            text = text.replace(opener, "", 1)
    if any(char in _DOUBLE_QUOTES or char in _SINGLE_QUOTES for char in text):
        text = _quotations(text)
    return text


def _closer_of(opener: str) -> str:
    for pair in _PAIRS:
        if pair[0] == opener:
            return pair[1]
    raise KeyError(opener)


# ---------------------------------------------------------------------------
# Text case, following the rules of citeproc-js

#: Words that title case leaves in lower case (CSL's stop words, the list
#: citeproc-js uses: articles, conjunctions and prepositions).
STOP_WORDS: Final = frozenset(
    " ".join(
        (
            "about above across afore after against al along alongside amid amidst among",
            "amongst anenst apropos apud around as aside astride at athwart atop barring",
            "before behind below beneath beside besides between beyond but by circa despite",
            "down during et except for forenenst from given in inside into lest like modulo",
            "near next notwithstanding of off on onto out over per plus pro qua sans since",
            "than through thru throughout thruout till to toward towards under underneath",
            "until unto up upon versus vs v via vis-à-vis with within without or yet so and",
            "nor a an the de d' von van c ca",
        )
    ).split()
)

# Characters that separate words for text case (as tags do in citeproc-js):
# quotation marks, punctuation, brackets, and the markers.
# An apostrophe is part of its word ("You\u2019re").
_CASE_SEPARATORS: Final = frozenset('\u2018\u201c\u201d"-\u2013\u2014/.,;?!:[]()') | MARKERS
_PROTECTING: Final = {NOCASE[0]: NOCASE[1], SMALL_CAPS[0]: SMALL_CAPS[1]}
_PROTECTING.update({SUPERSCRIPT[0]: SUPERSCRIPT[1], SUBSCRIPT[0]: SUBSCRIPT[1]})
_PROTECTING[NODECOR[0]] = NODECOR[1]

CaseName = Literal[
    "lowercase", "uppercase", "capitalize-first", "capitalize-all", "sentence", "title"
]


def _capitalise(word: str) -> str:
    first = word[0]
    if "\u0370" <= first <= "\u03ff" and len(word) == 1:
        return word  # a lone Greek letter is a symbol
    upper = first.upper()
    if len(upper) != 1:
        return word
    return upper + word[1:]


def _tokens(text: str, protected: list[bool], *, keep: bool = False) -> list[tuple[int, int]]:
    """Word spans: runs of characters between spaces and separators."""
    spans: list[tuple[int, int]] = []
    start = -1
    for index, char in enumerate(text):
        boundary = char.isspace() or char in _CASE_SEPARATORS
        if boundary:
            if start >= 0:
                spans.append((start, index))
                start = -1
        elif start < 0:
            start = index
    if start >= 0:
        spans.append((start, len(text)))
    if keep:
        return spans
    return [span for span in spans if not protected[span[0]]]


def _protected_mask(text: str, nocase: Iterable[tuple[int, int]]) -> list[bool]:
    mask = [False] * len(text)
    for start, end in nocase:
        for index in range(start, end):
            mask[index] = True
    closing: list[str] = []
    for index, char in enumerate(text):
        if char in _PROTECTING:
            closing.append(_PROTECTING[char])
        elif closing and char == closing[-1]:
            closing.pop()
        elif closing:
            mask[index] = True
    return mask


def apply_case(text: str, case: str, nocase: Iterable[tuple[int, int]] = ()) -> str:
    """Apply a CSL ``text-case`` to *text*, as citeproc-js does.

    Characters inside the *nocase* spans (and inside no-case, small-caps,
    superscript and subscript markup) keep their case. The result has the
    same length as *text*, so span positions stay valid.

    >>> apply_case("stalin, mao tsedunh i koreiskaia voina", "title")
    'Stalin, Mao Tsedunh i Koreiskaia Voina'
    >>> apply_case("complaint of aggression upon the republic of korea", "title")
    'Complaint of Aggression upon the Republic of Korea'
    >>> apply_case("the war: a history of it", "title")
    'The War: A History of It'
    >>> apply_case("ibid.", "capitalize-first")
    'Ibid.'
    >>> apply_case("the USSR and the UN", "sentence")
    'The ussr and the un'
    """
    mask = _protected_mask(text, nocase)
    chars = list(text)
    spans = _tokens(text, mask)

    def replace(span: tuple[int, int], func: Callable[[str], str]) -> None:
        start, end = span
        word = "".join(chars[start:end])
        new = func(word)
        if len(new) == len(word):
            chars[start:end] = list(new)

    if case == "lowercase":
        for span in spans:
            replace(span, str.lower)
    elif case == "uppercase":
        for span in spans:
            replace(span, str.upper)
    elif case == "capitalize-all":
        for span in spans:
            replace(span, lambda w: _capitalise(w) if w == w.lower() else w)
    elif case == "capitalize-first":
        if spans:
            replace(spans[0], lambda w: _capitalise(w) if w == w.lower() else w)
    elif case == "sentence":
        for number, span in enumerate(spans):
            replace(span, _capitalise if number == 0 else str.lower)
    elif case == "title":
        _title(text, chars, _tokens(text, mask, keep=True), mask, replace)
    return "".join(chars)


def _title(
    text: str,
    chars: list[str],
    spans: list[tuple[int, int]],
    protected: list[bool],
    replace: Callable[[tuple[int, int], Callable[[str], str]], None],
) -> None:
    """Title case; *spans* are every word, protected or not (protected ones stay)."""
    previous_end = 0
    last_span: tuple[int, int] | None = None
    for number, span in enumerate(spans):
        start, end = span
        between = text[previous_end:start]
        previous_end = end
        last_span = span
        if protected[start]:
            continue
        after_punct = number > 0 and any(c in "!?:" for c in between)
        following = text[end : end + 1]
        word = text[start:end]
        lower = word.lower()
        # the first part of a hyphenated compound ("Out-of-Fashion") is
        # capitalised even when it is a stop word, not the parts after it
        compound_head = following == "-" and text[max(start - 1, 0) : start] != "-"
        capitalise = (
            (len(word) > 1 and lower not in STOP_WORDS)
            or compound_head
            or number == 0
            or after_punct
        )
        if capitalise and word == lower and text[start - 1 : start] != KEEP_CASE:
            replace(span, _capitalise)
    # a stop word that ends the title is capitalised (not a protected one)
    if last_span is not None and len(spans) > 1 and not protected[last_span[0]]:
        start, end = last_span
        word = "".join(chars[start:end])
        if len(word) > 1 and word.lower() in STOP_WORDS:
            replace(last_span, _capitalise)


# ---------------------------------------------------------------------------
# Data going out: punctuation, quotes, output formats

# What two adjacent punctuation marks become (citeproc-js's merge table);
# a mark met twice is kept once.
_MERGE: Final = {
    ("!", "."): "!",
    ("!", "?"): "!?",
    ("!", ":"): "!",
    ("!", ","): "!,",
    ("!", ";"): "!;",
    ("?", "!"): "?!",
    ("?", "."): "?",
    ("?", ":"): "?",
    ("?", ","): "?,",
    ("?", ";"): "?;",
    (".", "!"): ".!",
    (".", "?"): ".?",
    (".", ":"): ".:",
    (".", ","): ".,",
    (".", ";"): ".;",
    (":", "!"): "!",
    (":", "?"): "?",
    (":", "."): ":",
    (":", ","): ":,",
    (":", ";"): ":;",
    (",", "!"): ",!",
    (",", "?"): ",?",
    (",", ":"): ",:",
    (",", "."): ",.",
    (",", ";"): ",;",
    (";", "!"): "!",
    (";", "?"): "?",
    (";", ":"): ";",
    (";", ","): ";,",
    (";", "."): ";",
}
_PUNCT: Final = ".,;:!?"
_CLOSERS_CLASS: Final = "[" + "".join(sorted(CLOSERS)) + "]*"
# two marks, maybe with closing markup between, not part of a longer run
_PAIR_RE: Final = re.compile(
    rf"(?<![{re.escape(_PUNCT)}])([{re.escape(_PUNCT)}])({_CLOSERS_CLASS})([{re.escape(_PUNCT)}])(?![{re.escape(_PUNCT)}])"
)
# punctuation after a closing quotation mark, maybe behind other closing markup
_AFTER_QUOTE_RE: Final = re.compile(rf"({re.escape(QUOTES[1])}{_CLOSERS_CLASS})([.,])")


def _merge_pair(match: re.Match[str]) -> str:
    left, between, right = match.group(1), match.group(2), match.group(3)
    if QUOTES[1] in between:
        # citeproc-js never merges across a quotation mark
        return match.group(0)
    if left == right:
        return left + between
    merged = _MERGE.get((left, right))
    if merged is None:
        return match.group(0)
    if len(merged) == 1:
        return merged + between
    return left + between + right


def tidy_punctuation(text: str, punctuation_in_quote: bool) -> str:
    """Move commas and full stops into quotation marks and merge doubled marks.

    >>> q0, q1 = QUOTES
    >>> tidy_punctuation(f"{q0}Gottwald{q1}.", True) == f"{q0}Gottwald.{q1}"
    True
    >>> tidy_punctuation(f"{q0}Fear This?{q1}.", True) == f"{q0}Fear This?{q1}"
    True
    >>> tidy_punctuation(f"{q0}Gottwald{q1}.", False) == f"{q0}Gottwald{q1}."
    True
    >>> tidy_punctuation("Korea?. Wait...", True)
    'Korea? Wait...'
    """
    if punctuation_in_quote and QUOTES[1] in text:
        previous = None
        while previous != text:
            previous = text
            text = _AFTER_QUOTE_RE.sub(lambda m: m.group(2) + m.group(1), text)
    previous = None
    while previous != text:
        previous = text
        text = _PAIR_RE.sub(_merge_pair, text)
    return text


def _escape_html(text: str) -> str:
    text = text.replace("&", "&#38;").replace("<", "&#60;").replace(">", "&#62;")
    if not text.isascii():
        text = _NON_ASCII_RE.sub(_superscript_html, text)
    return text


_NON_ASCII_RE: Final = re.compile(r"[^\x00-\x7f]")
#: Superscript letters without a Unicode decomposition to say what they are.
_SUPERSCRIPT_EXTRA: Final = {
    "\u02c0": "\u0294",  # modifier letter glottal stop
    "\u02c1": "\u0295",  # modifier letter reversed glottal stop
    "\u06e5": "\u0648",  # Arabic small waw
    "\u06e6": "\u064a",  # Arabic small yeh
}


@functools.lru_cache(maxsize=512)
def _superscript_base(char: str) -> str | None:
    """The character(s) a superscript character stands for ("\u00aa": "a", "\u2122": "TM")."""
    if char in _SUPERSCRIPT_EXTRA:
        return _SUPERSCRIPT_EXTRA[char]
    decomposition = unicodedata.decomposition(char)
    if not decomposition.startswith("<super>"):
        return None
    return "".join(chr(int(code, 16)) for code in decomposition.split()[1:])


def _superscript_html(match: re.Match[str]) -> str:
    """A superscript character as citeproc-js writes it in HTML: ``<sup>a</sup>``."""
    base = _superscript_base(match.group(0))
    return match.group(0) if base is None else f"<sup>{base}</sup>"


_MARKDOWN_SPECIAL_RE: Final = re.compile(r"([\\*_`\[\]<>])")


def _escape_markdown(text: str) -> str:
    return _MARKDOWN_SPECIAL_RE.sub(r"\\\1", text)


def to_output(
    text: str,
    output: OutputFormat,
    quotes: tuple[str, str, str, str] = ("\u201c", "\u201d", "\u2018", "\u2019"),
) -> str:
    """Convert neutral markup to *output*, escaping the data.

    *quotes* are the locale's outer and inner quotation marks; quotations
    nested in quotations alternate between them, and curly quotation marks
    in the data inside a quotation are flipped the same way.

    >>> q0, q1 = QUOTES
    >>> to_output(f"{q0}On {q0}Pravda{q1} <b>{q1}", "text")
    '“On ‘Pravda’ <b>”'
    >>> to_output(f"{q0}On “Pravda”{q1}", "text")
    '“On ‘Pravda’”'
    >>> to_output("O'Brien", "text")
    'O’Brien'
    """
    text = re.sub(r"(?<=\w)'", "\u2019", text)
    escape: Callable[[str], str]
    if output == "html":
        escape, tags = _escape_html, _HTML_TAGS
    elif output == "markdown":
        escape, tags = _escape_markdown, _MARKDOWN_TAGS
    else:
        escape, tags = (lambda s: s), {}
    out: list[str] = []
    depth = 0
    # formatting nested in the same formatting is undone (flip-flop)
    levels = {ITALIC: 0, BOLD: 0, SMALL_CAPS: 0}
    undone: list[int] = []
    for piece in re.split("([\ue000-\ue01b])", text):
        if not piece:
            continue
        if piece == QUOTES[0]:
            out.append(escape(quotes[0] if depth % 2 == 0 else quotes[2]))
            depth += 1
        elif piece == QUOTES[1]:
            depth = max(depth - 1, 0)
            out.append(escape(quotes[1] if depth % 2 == 0 else quotes[3]))
        elif piece in (TERM, KEEP_CASE):
            continue
        elif piece == NODECOR[0]:
            spans = [pair for pair, level in levels.items() if level % 2 and output == "html"]
            undone.append(len(spans))
            out.extend(_NORMAL_SPANS[pair] for pair in spans)
        elif piece == NODECOR[1]:
            out.extend("</span>" for _ in range(undone.pop() if undone else 0))
        elif len(piece) == 1 and piece in MARKERS:
            pair = next(p for p in _PAIRS if piece in p)
            opening = piece == pair[0]
            if pair in levels:
                levels[pair] += 1 if opening else -1
                level = levels[pair] if opening else levels[pair] + 1
                if level % 2 == 0:
                    if output == "html":
                        out.append(_NORMAL_SPANS[pair] if opening else "</span>")
                    continue
            if pair in tags:
                out.append(tags[pair][0 if opening else 1])
        else:
            out.append(escape(_flip_data_quotes(piece, depth) if depth else piece))
    return "".join(out)


_NORMAL_SPANS: Final = {
    ITALIC: '<span style="font-style:normal;">',
    BOLD: '<span style="font-weight:normal;">',
    SMALL_CAPS: '<span style="font-variant:normal;">',
}


def _flip_data_quotes(text: str, depth: int) -> str:
    if depth % 2:
        return text.translate({0x201C: 0x2018, 0x201D: 0x2019})
    return text


#: Letters that a root (CLDR) collation compares at base strength as other
#: letters, where Unicode has no decomposition to say so.
_BASE_LETTERS: Final = {
    "\u00e6": "ae",  # æ
    "\u0153": "oe",  # œ
    "\u00df": "ss",  # ß
    "\u00f8": "o",  # ø
    "\u0142": "l",  # ł
    "\u0111": "d",  # đ
    "\u00f0": "d",  # ð
    "\u0127": "h",  # ħ
}
#: Letters with a diacritic that root collation treats as letters of their
#: own (Russian й is not и).
_OWN_LETTERS: Final = frozenset("\u0439")
#: Modifier letters that root collation sorts with the symbols (the primes
#: of transliterated Cyrillic: "ob\u02b9edinennye").
_SYMBOL_LETTERS: Final = frozenset("\u02b9\u02ba")

_SYMBOL: Final = 1
_CURRENCY: Final = 2
_DIGITS: Final = 3
_LETTER: Final = 4
#: What a space becomes: a symbol, which sorts before digits and letters.
_WORD_BREAK: Final = (_SYMBOL, ord("|"))

SortKey = tuple[tuple[int, int], ...]


def _number(digits: str) -> int:
    """A run of digits as a number; one too long for ``int`` by its first digits."""
    stripped = digits.lstrip("0")
    return int(stripped[:_SORT_DIGITS] or "0")


#: Digits of a number compared in a sort key: Python reads at most 4300 at once.
_SORT_DIGITS = 4000


def sort_key(text: str) -> SortKey:
    """A sort key comparing as citeproc-js compares its keys.

    citeproc-js turns each space of a key into a separator that sorts before
    any digit or letter, ends the key with one, and compares keys with a
    locale collation at base strength, punctuation ignored and numbers
    compared by value. So case and accents do not count, punctuation is
    left out (but a space still ends a word: "War as" before "Warlords"),
    symbols sort before numbers and numbers before letters:

    >>> titles = ["The Korean War in World History", "The Korean Warlords",
    ...           "The Korean War: An International History", "Korean war, 1950"]
    >>> for title in sorted(titles, key=sort_key):
    ...     print(title)
    Korean war, 1950
    The Korean War: An International History
    The Korean War in World History
    The Korean Warlords
    >>> sort_key("Ånström") == sort_key("anstrom") and sort_key("x2") < sort_key("x10")
    True
    """
    text = strip_markers(text).lower()
    out: list[tuple[int, int]] = []
    digits = ""
    for char in text:
        if "0" <= char <= "9":
            digits += char
            continue
        if digits:
            out.append((_DIGITS, _number(digits)))
            digits = ""
        if char == " ":
            out.append(_WORD_BREAK)
            continue
        letters = (
            char
            if char in _OWN_LETTERS
            else _BASE_LETTERS.get(char)
            or "".join(
                c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
            )
        )
        for letter in letters:
            category = unicodedata.category(letter)
            if letter in _SYMBOL_LETTERS:
                out.append((_SYMBOL, ord(letter)))
            elif category[0] in "LN" and letter.isalnum():
                out.append((_LETTER, ord(letter)))
            elif category == "Sc":
                out.append((_CURRENCY, ord(letter)))
            elif category[0] == "S":
                out.append((_SYMBOL, ord(letter)))
            # punctuation, other spaces and controls are ignored
    if digits:
        out.append((_DIGITS, _number(digits)))
    out.append(_WORD_BREAK)
    return tuple(out)
