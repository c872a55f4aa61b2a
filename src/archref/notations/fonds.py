"""The fond family: fond / opis / [papka] / delo / [tom] / list.

Russian and Soviet archives, and the archives that inherited their system
(Ukraine, Bulgaria, Estonia...), locate a document by a hierarchy of
numbered units:

======  ===============  ============  ============  ======
level   English abbrev.  full word     Cyrillic      German
======  ===============  ============  ============  ======
fond    f., F.           fond          ф., Ф.        F.
opis'   op.              opis, opis'   оп., Оп.      Op.
papka   p., pa.          papka         п., папка
delo    d.               delo          д., Д.        D.
tom     t.               tom           т., Т.
leaf    l., ll.          list, listy   л., лл.       Bl.
verso   ob.              oborot        об.
======  ===============  ============  ============  ======

Ukrainian archives write sprava (спр.) for delo and arkush (арк.) for
leaf; Bulgarian archives a.e. (архивна единица); Estonian archives a
dotted fond.nimistu.säilik.

The parser accepts English abbreviated and full-word labels, Cyrillic
labels in the comma style and in the GOST full-stop style, German "Bl.",
the dotted shorthand "558.11.492.57", verso marks, letter-suffixed and
prefixed identifiers ("059a", "1Б", "R-6991", "Р-627"), papka before or
after delo, parenthesised titles and glosses, year divisions ("1806 g.")
and named sections of a fond ("DPOO"). Identifiers are kept as strings:
leading zeros matter.

>>> ref = parse("RGASPI, f. 558, op. 11, d. 62, ll. 71-72")
>>> ref.archive.id, ref.fond, ref.opis, ref.delo
('RGASPI', '558', '11', '62')
>>> str(ref)
'RGASPI, f. 558, op. 11, d. 62, ll. 71–72'
>>> print(format_reference(ref, "ru"))
РГАСПИ. Ф. 558. Оп. 11. Д. 62. Л. 71–72
>>> avprf = parse("AVPRF, Fond 059a, Opis 5a, Delo 4, Papka 11, Listy 159-160")
>>> print(format_reference(avprf, "en-full"))
AVPRF, fond 059a, opis 5a, delo 4, papka 11, listy 159–160
>>> str(parse("RGASPI 558.11.492.57"))
'RGASPI, f. 558, op. 11, d. 492, l. 57'
>>> str(parse("ЦАМО РФ. Ф. 5. Оп. 918. Д. 34. Л. 5 об.").folios)
'5ob.'
>>> str(parse("GARF, f. R-6991, op. 1, d. 3, pp. 105-6").folios)
'105–106'

Half a reference is an error that says where it stops:

>>> parse("RGASPI, f. 558, op.")
Traceback (most recent call last):
...
archref.model.common.ParseError: expected an identifier after 'op.' at column 17: 'op.'

The grammar is read by a hand-written scanner over tokens produced by one
regular expression whose alternatives cannot backtrack more than a bounded
amount, so parsing is linear in the length of the text.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Callable, Iterator, Mapping, Sequence
from importlib import resources
from typing import Literal, NamedTuple

import attrs

from archref import _patterns
from archref import levels as levels_data
from archref.levels import LEVEL_ROLES, label_sets
from archref.model import (
    ArchivalReference,
    Archive,
    Diagnostic,
    Folio,
    FolioRange,
    Level,
    LevelKind,
    Locator,
    LocatorUnit,
    ParseError,
)
from archref.model._keys import alias_key
from archref.model.archival import canonical_identifier, identifier_in_script
from archref.registry import Registry, default_registry
from archref.suggest import misspelt_archive, unknown_archive

__all__ = [
    "IBID_MARKERS",
    "STYLES",
    "KnownMatches",
    "Match",
    "Scanner",
    "Style",
    "fast_find",
    "format_reference",
    "parse",
    "parse_chain",
    "validate",
]

Style = Literal["en", "en-full", "ru", "de", "short"]
#: The notation styles :func:`format_reference` writes.
STYLES: tuple[Style, ...] = ("en", "en-full", "ru", "de", "short")

# --------------------------------------------------------------------------- tokens

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<dotted>(?:[A-Z]{2,8}\.)?\d+[^\W\d_]?(?:\.\d+[^\W\d_]?){2,4}(?!\d)
              |\d+[^\W\d_]?(?:/\d+[^\W\d_]?){2,3}(?![\d/]))
  | (?P<num>\d+)(?P<suf>[^\W\d_]{1,6})?
  | (?P<word>[^\W\d_]+(?:['’ʹ][^\W\d_]*)?)
  | (?P<open>\()
  | (?P<close>\))
  | (?P<dash>[-‐‑‒–—−])
  | (?P<punct>[,;:.])
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)

TokenKind = Literal["dotted", "num", "word", "open", "close", "dash", "punct", "other"]

#: The longest parenthesis (in tokens) read as a title or gloss.
_MAX_PAREN_TOKENS = 80
#: The most levels one reference holds (a real one has at most about eight): a longer
#: run of levels ends the reference there, so that no start reads a whole run again.
MAX_LEVELS = 12


class _Tok(NamedTuple):
    kind: TokenKind
    text: str
    start: int
    end: int
    space_before: bool
    suffix: str = ""  # letters glued to a number: "059a" -> ("059", "a")


def _lex(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    pos = 0
    space = False
    n = len(text)
    while pos < n:
        m = _TOKEN.match(text, pos)
        assert m is not None  # the last alternative matches any character
        kind = m.lastgroup
        if kind == "suf":  # lastgroup names the innermost group that matched last
            kind = "num"
        if kind == "ws":
            space = True
        elif kind == "num":
            toks.append(
                _Tok("num", m.group("num"), m.start(), m.end(), space, m.group("suf") or "")
            )
            space = False
        else:
            assert kind is not None
            toks.append(_Tok(kind, m.group(), m.start(), m.end(), space))  # type: ignore[arg-type]
            space = False
        pos = m.end()
    return toks


def _split_glued(toks: list[_Tok], tab: _Table) -> list[_Tok]:
    """Split labels glued to what they label, as archival databases print them.

    "ФондР-467Опись6Дело214" lexes as "ФондР", "-", "467Опись", "6Дело",
    "214": a word that begins with a label of four letters or more and ends
    in a capital or two ("ФондР"), and a number whose letters are such a
    label ("467Опись"), are cut in two.
    """
    if not any((t.kind == "num" and len(t.suffix) >= 2) or t.kind == "word" for t in toks):
        return toks
    out: list[_Tok] = []
    skip = -1
    for n, tok in enumerate(toks):
        if n == skip:
            continue
        if tok.kind == "num" and len(tok.suffix) >= 4 and _glued_label(tok.suffix, tab):
            cut = tok.end - len(tok.suffix)
            out.append(tok._replace(end=cut, suffix=""))
            out.append(_Tok("word", tok.suffix, cut, tok.end, False))
            continue
        if tok.kind == "num" and _glued_word(tok, toks[n + 1] if n + 1 < len(toks) else None):
            # "Д. 2196Источник": the next line's first word, glued on; not a suffix
            cut = tok.end - len(tok.suffix)
            out.append(tok._replace(end=cut, suffix=""))
            nxt = toks[n + 1] if n + 1 < len(toks) else None
            if nxt is not None and nxt.kind == "word" and nxt.start == tok.end:
                out.append(_Tok("word", tok.suffix + nxt.text, cut, nxt.end, False))
                skip = n + 1
            else:
                out.append(_Tok("word", tok.suffix, cut, tok.end, False))
            continue
        if tok.kind == "word":
            out.extend(_split_word(tok, tab))
            continue
        out.append(tok)
    return out


def _glued_word(tok: _Tok, nxt: _Tok | None) -> bool:
    """Is the suffix of the number ``tok`` a capitalised word glued on ("2196Источник")?

    A letter suffix is part of an identifier ("059a", "1Б", "17761пф"); a
    capital followed by small letters, four letters or more with the rest of
    the word, is the next word of a text whose line breaks were lost.
    """
    suffix = tok.suffix
    if len(suffix) < 2 or not (suffix[0].isupper() and suffix[1:].islower()):
        return False
    rest = nxt.text if nxt is not None and nxt.kind == "word" and nxt.start == tok.end else ""
    return len(suffix) + len(rest) >= 4 and (not rest or rest.islower())


_CAPITALS = "ABCDEFGHIJKLMNOPQRSTUVWXYZАБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ"


def _split_word(tok: _Tok, tab: _Table) -> list[_Tok]:
    """A word cut where a level label is glued to it: "ФондР" (the label and the
    prefix of its identifier), "округаФондР" (the word before, then the label)."""
    text = tok.text
    if len(text) < 5:
        return [tok]
    # a label glued after a word: "округаФондР", "ВТ Уральского военного округаФонд"
    for at in range(1, len(text) - 3):
        if text[at - 1].islower() and text[at].isupper():
            tail = text[at:]
            label = tail.rstrip(_CAPITALS)
            if len(label) >= 4 and len(tail) - len(label) <= 2 and _glued_label(label, tab):
                cut = tok.start + at
                before = tok._replace(text=text[:at], end=cut)
                # the label begins a word of its own, as if a space stood before it
                return [before, *_split_word(_Tok("word", tail, cut, tok.end, True), tab)]
            break
    if text[-1].isupper():
        head = text.rstrip(_CAPITALS)
        tail = text[len(head) :]
        glued = 1 <= len(tail) <= 2 and len(head) >= 4 and head[-1].islower()
        if glued and _glued_label(head, tab):
            cut = tok.start + len(head)
            return [tok._replace(text=head, end=cut), _Tok("word", tail, cut, tok.end, False)]
    return [tok]


def _glued_label(word: str, tab: _Table) -> bool:
    label = tab.labels.get(word.casefold())
    return label is not None and label.role in {"level", "leaf"}


# --------------------------------------------------------------------------- labels

_Role = Literal["level", "leaf", "page", "papka_or_page", "year", "verso", "recto", "ae"]


class _Label(NamedTuple):
    role: _Role
    kind: LevelKind | None = None


# The label words come from data (``data/levels.toml``, see
# :mod:`archref.levels`). Keys are casefolded words without their full stop.
# Single letters need a full stop or a number right after them (see label_at).


def _label_of(role: str) -> _Label:
    if role in LEVEL_ROLES:
        return _Label("level", role)  # type: ignore[arg-type]
    return _Label(role)  # type: ignore[arg-type]


class _Table(NamedTuple):
    """The labels read in one context: every global set, plus one archive's own set."""

    labels: dict[str, _Label]
    pairs: dict[tuple[str, str], _Label]  # "а.е.", "a. j.": two words joined by a dot
    dot_required: frozenset[str]
    bare_first: LevelKind | None = None
    ordinal: frozenset[str] = frozenset()
    own: frozenset[str] = frozenset()  # the archive set's own words
    bare_next: Mapping[str, LevelKind] = {}  # an unlabelled number after a level of a kind


@functools.cache
def _table(set_id: str | None = None) -> _Table:
    sets = label_sets()
    read: dict[str, str] = {}
    dot_required: set[str] = set()
    for one in sets.values():
        if one.scope == "global":
            read.update(one.read)
            dot_required |= one.dot_required
    extra = sets.get(set_id) if set_id is not None else None
    own: frozenset[str] = frozenset()
    if extra is not None and extra.scope == "archive":
        read.update(extra.read)
        own = frozenset(extra.read)
        dot_required = (dot_required - own) | extra.dot_required
    labels: dict[str, _Label] = {}
    pairs: dict[tuple[str, str], _Label] = {}
    for word, role in read.items():
        first, dot, second = word.partition(".")
        if dot:
            pairs[(first, second)] = _label_of(role)
        else:
            labels[word] = _label_of(role)
    if extra is None or extra.scope != "archive":
        return _Table(labels, pairs, frozenset(dot_required))
    return _Table(
        labels,
        pairs,
        frozenset(dot_required),
        extra.bare_first,  # type: ignore[arg-type]
        extra.ordinal,
        own,
        extra.bare_next,  # type: ignore[arg-type]
    )


def _archive_table(archive: Archive | None) -> _Table:
    """The labels read after ``archive``'s name (its own set, if it has one)."""
    return _table(archive.labels if archive is not None else None)


def _labels_changed() -> None:
    _table.cache_clear()
    lists_files_after.cache_clear()
    _labels.cache_clear()


levels_data.on_change(_labels_changed)

#: The labels read in every text (the global label sets).
_LABELS: dict[str, _Label] = _table().labels


def level_labels() -> dict[str, _Label]:
    """The label words the parser reads in any text (casefolded, without their full stop)."""
    return dict(_table().labels)


def anchor_words() -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """Every word (and two-word pair) that some label set reads as a level or papka.

    The scanner's anchors: a reference holds one of them, whichever archive
    it names.
    """
    words: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    for one in label_sets().values():
        for word, role in one.read.items():
            if role in LEVEL_ROLES or role == "papka_or_page":
                first, dot, second = word.partition(".")
                if dot:
                    pairs.add((first, second))
                else:
                    words.add(word)
    return frozenset(words), frozenset(pairs)


@functools.cache
def leaf_words() -> frozenset[str]:
    """The words some label set reads as a leaf ("l", "ll", "л", "арк", "bl"...), letters only.

    >>> {"l", "л", "арк"} <= leaf_words()
    True
    """
    return frozenset(
        word
        for one in label_sets().values()
        for word, role in one.read.items()
        if role == "leaf" and word.isalpha() and len(word) <= 5
    )


@functools.cache
def lists_files_after(word: str) -> bool:
    """Is a bare number after the file label ``word`` the next file of a list?

    So it is after a Cyrillic label ("Д. 174, 194"): Russian-language notes
    label their leaves, so the bare number is another file; English-language
    notes write leaves bare after the file ("d. 62, 71-72").
    """
    return _CYRILLIC.search(word) is not None and any(
        one.read.get(word) in _FILE_KINDS for one in label_sets().values()
    )


def ordinal_words() -> frozenset[str]:
    """The labels some set writes after their number ("4. doboz")."""
    return frozenset(w for one in label_sets().values() for w in one.ordinal)


class _LabelHit(NamedTuple):
    label: _Label
    start: int  # token index of the label's first token
    next: int  # token index after the label, its full stop and any gloss
    text: str  # the label as written, with its full stop


def _is_punct(tok: _Tok, chars: str) -> bool:
    return tok.kind == "punct" and tok.text in chars


class _Parser:
    """Recursive descent over the token list of one text."""

    def __init__(self, text: str, registry: Registry) -> None:
        self.text = text
        self.toks = _split_glued(_lex(text), _table())
        self.registry = registry
        self.tab = _table()
        self.list_label: str | None = None  # the label of the list being read
        self.repeat_at = -1  # where the last levels read stopped at a level of a kind given

    def use_archive(self, archive: Archive | None) -> _Table:
        """Read the labels of ``archive`` from now on; return the labels read before."""
        before = self.tab
        self.tab = _archive_table(archive)
        return before

    # ------------------------------------------------------------------ helpers

    def error(
        self, message: str, i: int, j: int | None = None, hint: str | None = None
    ) -> ParseError:
        toks = self.toks
        if i >= len(toks):
            start = end = len(self.text)
        else:
            start = toks[i].start
            end = toks[min(j if j is not None else i + 1, len(toks)) - 1].end
        return ParseError(message, self.text, start, end, hint=hint)

    def label_at(self, i: int) -> _LabelHit | None:
        """The label starting at token ``i``, if any (with its dot and any gloss)."""
        toks = self.toks
        if i >= len(toks) or toks[i].kind != "word":
            return None
        tok = toks[i]
        word = tok.text.casefold()
        j = i + 1
        tab = self.tab
        # two words joined by a full stop: the Bulgarian "а.е.", the Czech "a. j."
        if (
            j + 1 < len(toks)
            and _is_punct(toks[j], ".")
            and toks[j + 1].kind == "word"
            and (word, toks[j + 1].text.casefold()) in tab.pairs
        ):
            pair = tab.pairs[(word, toks[j + 1].text.casefold())]
            k = j + 2
            if k < len(toks) and _is_punct(toks[k], ".:"):
                k += 1
            return _LabelHit(pair, i, k, self.text[tok.start : toks[k - 1].end])
        label = tab.labels.get(word)
        if label is None:
            return None
        # a full stop, or the colon of an archival database ("Фонд: Р-467")
        has_dot = j < len(toks) and _is_punct(toks[j], ".:") and not toks[j].space_before
        if has_dot and toks[j].text == ":" and len(word) == 1:
            has_dot = False  # "д:" is no label
        if has_dot:
            j += 1
            if j < len(toks) and _is_punct(toks[j], ".:") and not toks[j].space_before:
                j += 1  # "Дело:. 6508": a colon and a full stop, typed both
        elif word in tab.dot_required:
            return None
        elif len(word) == 1 or word in {"ll", "pp", "op", "ob", "об", "оп", "лл", "bl", "ch"}:
            # an abbreviation without its full stop must be followed by a number
            nxt = toks[j] if j < len(toks) else None
            if label.role in {"verso", "recto"}:
                if len(word) == 1 and (nxt is not None and nxt.kind == "word"):
                    return None
            elif (
                nxt is not None
                and nxt.kind not in {"num", "dotted"}
                and not (self._prefixed_id_at(j))
            ):
                return None
        end_text = toks[j - 1].end
        # a stray apostrophe after the dot ("op.' 8") and a gloss ("fond (f.) 1286")
        if j < len(toks) and toks[j].kind == "other" and toks[j].text in "'’":
            j += 1
        gloss = self.paren_at(j)
        if gloss is not None and tab.labels.get(gloss[0].rstrip(".").casefold()) == label:
            j = gloss[1]
        return _LabelHit(label, i, j, self.text[tok.start : end_text])

    def paren_at(self, i: int) -> tuple[str, int] | None:
        """The text inside a parenthesis opening at token ``i``, and the index after it.

        Only a short parenthesis without nested ones counts, so the look-ahead
        is bounded and scanning stays linear.
        """
        toks = self.toks
        if i >= len(toks) or toks[i].kind != "open":
            return None
        for j in range(i + 1, min(len(toks), i + _MAX_PAREN_TOKENS)):
            kind = toks[j].kind
            if kind == "open":
                return None
            if kind == "close":
                if j == i + 1:
                    return None
                return self.text[toks[i].end : toks[j].start].strip(), j + 1
        return None

    def _prefixed_id_at(self, i: int) -> bool:
        """A letter prefix, a hyphen and a number: "R-6991", "р-4808", "Р- 467"."""
        toks = self.toks
        if not (
            i + 2 < len(toks)
            and toks[i].kind == "word"
            and toks[i + 1].kind == "dash"
            and not toks[i + 1].space_before
            and toks[i + 2].kind == "num"
        ):
            return False
        word = toks[i].text
        # upper case ("R-6991"), or a single lower-case letter ("р-4808"); "Р- 467": a
        # space after the hyphen (never before it) is read too
        return (len(word) <= 4 and word.isupper()) or (len(word) == 1 and word.islower())

    def _glued_prefix_at(self, i: int) -> bool:
        """A fond's letter prefix glued to its number: "р4808" (for "р-4808")."""
        toks = self.toks
        return (
            i + 1 < len(toks)
            and toks[i].kind == "word"
            and len(toks[i].text) == 1
            and toks[i + 1].kind == "num"
            and not toks[i + 1].suffix
            and toks[i + 1].start == toks[i].end
            and (i + 2 >= len(toks) or toks[i + 2].kind != "dash")
        )

    def _number_sign_at(self, i: int) -> int:
        """Skip a number sign before an identifier ("Д. N 6530", "Д. № 6530")."""
        toks = self.toks
        if (
            i + 1 < len(toks)
            and toks[i].text in {"N", "№", "No"}
            and toks[i + 1].kind == "num"
            and (toks[i].text != "No" or not toks[i + 1].space_before)
        ):
            return i + 1
        if (
            i + 2 < len(toks)
            and toks[i].text in {"N", "No"}
            and _is_punct(toks[i + 1], ".")
            and toks[i + 2].kind == "num"
        ):
            return i + 2
        return i

    def ident_at(
        self, i: int, *, slashes: bool = True, prefix_glued: bool = False
    ) -> tuple[str, int] | None:
        """An identifier at token ``i``: "558", "059a", "1Б", "R-6991", "19-а", "5-os",
        "641/1", "4С/П", "237/V-76", "N 6530"; with ``prefix_glued`` (a fond's), "р4808"
        too."""
        toks = self.toks
        if i >= len(toks):
            return None
        i = self._number_sign_at(i)
        tok = toks[i]
        if prefix_glued and self._glued_prefix_at(i):
            # "ф. р4808": the hyphen of "р-4808" left out; the prefix is kept as one
            return f"{tok.text}-{toks[i + 1].text}", i + 2
        if self._prefixed_id_at(i):
            end = i + 3
        elif tok.kind != "num":
            return None
        else:
            end = i + 1
        # "19-а", "5-os": up to three lower-case letters after a hyphen belong to it
        if (
            end + 1 < len(toks)
            and toks[end].kind == "dash"
            and not toks[end].space_before
            and toks[end + 1].kind == "word"
            and not toks[end + 1].space_before
            and len(toks[end + 1].text) <= 3
            and (
                toks[end + 1].text.islower()
                or toks[end + 1].text.casefold() in levels_data.file_suffixes()  # "67093-ФП"
            )
            and toks[end + 1].text.casefold() not in self.tab.labels
        ):
            end += 2
        elif (
            end < len(toks)
            and toks[end].kind == "word"
            and toks[end].space_before
            and toks[end].text.casefold() in levels_data.file_suffixes()
        ):
            end += 1  # "д. 17761 пф": the suffix after a space
        # "641/1", "4С/П", "12/1950", "5/a": parts after a slash, glued on
        for _ in range(3 if slashes else 0):
            if not (
                end + 1 < len(toks)
                and toks[end].text == "/"
                and not toks[end].space_before
                and not toks[end + 1].space_before
                and (
                    toks[end + 1].kind == "num"
                    or (toks[end + 1].kind == "word" and len(toks[end + 1].text) <= 3)
                )
            ):
                break
            end += 2
            if (  # "237/V-76": a Polish file number, a Roman numeral and a number
                toks[end - 1].kind == "word"
                and end + 1 < len(toks)
                and toks[end].kind == "dash"
                and toks[end + 1].kind == "num"
                and not toks[end].space_before
                and not toks[end + 1].space_before
            ):
                end += 2
        return self.text[tok.start : toks[end - 1].end], end

    def skip_seps(self, i: int) -> int:
        toks = self.toks
        while i < len(toks) and _is_punct(toks[i], ",:."):
            i += 1
        return i

    def chain_next(self, i: int) -> int | None:
        """After a reference: where the next one of a chain starts, if one does.

        Separators are ";", "," and the words "and", "и", "&", alone or after
        a comma: "d. 62, ll. 54-72, 75-87, and d. 343, pp. 97-103".
        """
        toks = self.toks
        j = i
        if j < len(toks) and _is_punct(toks[j], ";,"):
            j += 1
        if j < len(toks) and toks[j].text in {"and", "и", "&"}:
            j += 1
        if j == i:
            return None
        j = self.skip_seps(j)
        return j if self.level_start(j) else None

    # ------------------------------------------------------------------ grammar

    def level_start(self, i: int) -> bool:
        """Does a level (or the dotted shorthand) start at token ``i``?"""
        toks = self.toks
        if i >= len(toks):
            return False
        if toks[i].kind == "dotted":
            # "RGASPI 558.11.492" stands apart; "E/CN.4/2005/1" is a UN symbol's tail
            return i == 0 or toks[i].space_before
        hit = self.label_at(i)
        if hit is not None and hit.label.role in {"level", "papka_or_page"}:
            return (
                self.ident_at(hit.next, prefix_glued=hit.label.kind == "fond") is not None
                or hit.next >= len(toks)
                or (toks[hit.next].kind == "punct")
            )
        return False

    def archive_end(self) -> int:
        """Index of the first token that begins the levels."""
        for i in range(len(self.toks)):
            if self.level_start(i) and (i == 0 or not _glued(self.toks[i - 1], self.toks[i])):
                return i
        return len(self.toks)

    def resolve_archive(self, begin: int, end: int) -> tuple[Archive | None, str | None]:
        """The archive named by tokens ``begin:end`` (known, or kept as cited)."""
        if end <= begin:
            return None, None
        toks = self.toks
        last = end
        while last > begin and toks[last - 1].kind == "punct":
            last -= 1
        if last == begin:
            return None, None
        cited = self.text[toks[begin].start : toks[last - 1].end].strip()
        found: tuple[Archive, str] | None = None
        for candidate in _archive_candidates(cited):
            archive = self.registry.get(candidate)
            if archive is not None and (
                found is None or (archive == found[0] and len(candidate) < len(found[1]))
            ):
                found = archive, candidate  # "Full Name (ACRONYM)": remember the acronym
        if found is not None:
            return found
        if len(cited) > 120 or any(ch.isdigit() for ch in cited):
            raise self.error("not an archive name", begin, last)
        meant = misspelt_archive(cited, self.registry)  # one letter from a known name
        return (self.registry.get(meant) if meant is not None else None), cited

    def parse_levels(
        self,
        i: int,
        *,
        bare_locator: bool = False,
        stop: int | None = None,
        list_kind: LevelKind | None = None,
    ) -> tuple[list[Level], Locator | None, int]:
        """Read levels and an optional locator from token ``i``; return the next index.

        ``stop`` ends the reading before that token (used to keep the part of a
        reference before an error).

        A labelled level of a kind already read ends the levels before its label
        (recorded in ``repeat_at``): "f. 1, op. 2, f. 3" is two references, the second
        a link of a chain. At most :data:`MAX_LEVELS` levels are read.
        """
        toks = self.toks
        levels: list[Level] = []
        locator: Locator | None = None
        limit = len(toks) if stop is None else stop
        self.repeat_at = -1
        if list_kind is not None:  # the next file of a list: "Д. 174, 194"
            ident = self.ident_at(i)
            if ident is None:
                raise self.error("expected the next file of the list", i)
            value, j = self.file_range(*ident)
            levels.append(Level(list_kind, value, text=self.text[toks[i].start : toks[j - 1].end]))
            i = self.skip_seps(j)
        bare = self.tab.bare_first
        if bare is not None and not bare_locator and i < limit and self.label_at(i) is None:
            named = self.bare_level_at(i, bare)
            if named is not None:
                # "Urząd Rady Ministrów (dalej URM)": a gloss after the fond's name
                title, after = self.title_at(named[1])
                levels.append(named[0] if title is None else attrs.evolve(named[0], title=title))
                i = self.skip_seps(after)
        while i < limit and len(levels) < MAX_LEVELS:
            tok = toks[i]
            ordinal = self.ordinal_at(i)
            if ordinal is not None:
                level, j = ordinal
                if any(lv.kind == level.kind for lv in levels):
                    self.repeat_at = i  # "4. doboz, 5. doboz": the next reference
                    break
                levels.append(level)
                i = j
                i = self.skip_seps(i)
                continue
            if tok.kind == "dotted":
                if levels:
                    raise self.error("a dotted shorthand cannot follow other levels", i)
                levels.extend(_dotted_levels(tok.text))
                i = self.skip_seps(i + 1)
                continue
            if _is_punct(tok, ";"):
                if locator is None and levels and self.deeper_level_at(i + 1, levels):
                    i += 1
                    continue
                break
            hit = self.label_at(i)
            if hit is not None:
                role = hit.label.role
                if role == "papka_or_page":
                    role = "page" if any(lv.kind == "delo" for lv in levels) else "level"
                    kind: LevelKind | None = "papka"
                else:
                    kind = hit.label.kind
                if role == "level":
                    assert kind is not None
                    if any(lv.kind == kind for lv in levels):
                        self.repeat_at = i  # "f. 1, op. 2, f. 3": the next reference
                        break
                    # a bare capital without its stop ("T 295/384", "D035/1000") is more
                    # likely a code of another notation: no slash after it
                    bare_letter = len(hit.text) == 1 and hit.text.isascii()
                    ident = self.ident_at(
                        hit.next, slashes=not bare_letter, prefix_glued=kind == "fond"
                    )
                    if ident is None and levels and self.leaf_label_at(hit.next):
                        i = hit.next  # "D. L. L. 47": a file label left empty, then the leaves
                        continue
                    if ident is None and kind == self.tab.bare_first and not levels:
                        named = self.bare_level_at(hit.next, kind)  # "fond CC al PCR"
                        if named is not None:
                            levels.append(attrs.evolve(named[0], label=hit.text))
                            i = self.skip_seps(named[1])
                            continue
                    if ident is None:
                        raise self.error(
                            f"expected an identifier after {hit.text!r}", hit.start, hit.next
                        )
                    value, j = ident
                    cited = value
                    if not self.text.endswith(value, 0, toks[j - 1].end):
                        cited = self.text[toks[j - 2].start : toks[j - 1].end]  # "р4808"
                    if kind in _FILE_KINDS:
                        at = toks[j - 1].end - len(value)  # where the identifier starts
                        value, j = self.file_range(value, j)
                        cited = self.text[at : toks[j - 1].end]
                    title, j = self.title_at(j)
                    levels.append(Level(kind, value, title=title, label=hit.text, text=cited))
                    if kind == "opis":
                        j = self.opis_list(levels, j)
                    i = self.skip_seps(j)
                    continue
                if role in {"leaf", "page"}:
                    unit: LocatorUnit = "leaf" if role == "leaf" else "page"
                    if not levels and not bare_locator:
                        raise self.error("leaves cited before any fond, opis or delo", i, hit.next)
                    at = hit.next
                    again = self.label_at(at)
                    if again is not None and again.label.role == role:
                        at = again.next  # "L. L. 88": the label typed twice
                    locator, i = self.parse_locator(at, unit, hit.text, hit.start)
                    i = self.skip_seps(i)
                    break
                if role == "year":
                    ident = self.ident_at(hit.next)
                    if self.tab.own and hit.text.rstrip(".").casefold() in self.tab.own and ident:
                        value, j = ident  # "V. 1961": the Albanian viti, label first
                        levels.append(Level("year", value, label=hit.text, text=value))
                        i = self.skip_seps(j)
                        continue
                    raise self.error(f"{hit.text!r} without a year before it", i, hit.next)
                raise self.error(f"unexpected {hit.text!r}", i, hit.next)
            if tok.kind == "num":
                # "1806 g." a year division; a bare range after delo is leaves
                ident = self.ident_at(i)
                assert ident is not None
                value, j = ident
                year = self.label_at(j)
                if year is not None and year.label.role == "year":
                    title, k = self.title_at(year.next)
                    levels.append(Level("year", value, title=title, label=year.text, text=value))
                    i = self.skip_seps(k)
                    continue
                if levels and levels[-1].kind == "section" and _is_year(tok):
                    levels.append(Level("year", value, text=value))
                    i = self.skip_seps(j)
                    continue
                if self.file_list_at(levels, i):
                    i -= 1  # the comma before the next file of a list: a new reference
                    break
                bare_kind = self.tab.bare_next.get(levels[-1].kind) if levels else None
                if bare_kind is not None:
                    levels.append(Level(bare_kind, value, text=value))  # "4. doboz, 5/a"
                    i = self.skip_seps(j)
                    continue
                if self.tab.own:
                    break  # an archive's own labels name its leaves: a bare number ends it
                if levels and any(lv.kind in {"delo", "tom", "chast"} for lv in levels):
                    locator, i = self.parse_locator(i, "leaf", None, i)
                    i = self.skip_seps(i)
                    break
                raise self.error("a number without a label", i, j)
            if tok.kind in {"word", "open"} and levels and levels[-1].kind in {"fond", "section"}:
                section = self.section_at(i)
                if section is None and self.tab.bare_first is not None and tok.kind == "word":
                    named = self.bare_level_at(i, "section")  # "Secția Relații Externe"
                    if named is not None and not any(c.isdigit() for c in named[0].value):
                        section = named
                if section is not None:
                    level, i = section
                    levels.append(level)
                    i = self.skip_seps(i)
                    continue
            break
        if not levels and not (bare_locator and locator is not None):
            raise self.error("no fond, opis or delo found", i)
        return levels, locator, i

    def opis_list(self, levels: list[Level], j: int) -> int:
        """After an opis, the others of a list ("Оп. 1, 2. Д. 35755": the file is in
        one of them), when a deeper level follows; appended to ``levels``."""
        toks = self.toks
        found: list[Level] = []
        k = j
        while len(found) < 3 and k + 1 < len(toks) and _is_punct(toks[k], ","):
            ident = self.ident_at(k + 1, slashes=False)
            if ident is None or toks[k + 1].kind != "num":
                break
            value, end = ident
            found.append(Level("opis", value, text=value))
            k = end
            if self.deeper_level_at(self.skip_seps(k), levels):
                levels.extend(found)
                return k
        return j

    def leaves_after_description(self, j: int) -> tuple[Locator, int] | None:
        """The leaves at the end of a file's citation, after the document's title and
        date, as the citation rules of Polish journals have it ("AAN, URM, sygn.
        5/467, Notatka dla Obywatela Premiera ..., Warszawa, 17 XII 1945 r., k. 3."):
        after a comma, within :data:`_DESCRIPTION_TOKENS` tokens on the same line,
        a leaf label after a comma that ends the citation. Read only in an archive
        with labels of its own (the Polish set); no level may come between."""
        toks = self.toks
        if j < len(toks) and _is_punct(toks[j], ","):
            j += 1
        elif not (0 < j < len(toks) and _is_punct(toks[j - 1], ",")):
            return None  # the levels end with a comma, then the description
        for m in range(j + 1, min(len(toks), j + 1 + _DESCRIPTION_TOKENS)):
            tok = toks[m]
            if _is_punct(tok, ";") or "\n" in self.text[toks[m - 1].end : tok.start]:
                return None
            hit = self.label_at(m)
            if hit is None:
                continue
            if hit.label.role in {"level", "page", "papka_or_page"}:
                return None
            if hit.label.role != "leaf" or not _is_punct(toks[m - 1], ","):
                continue  # "1945 r.": a word of the description, not a label here
            try:
                locator, end = self.parse_locator(hit.next, "leaf", hit.text, m)
            except ParseError:
                return None
            if end < len(toks) and not _is_punct(toks[end], ".;"):
                return None
            return locator, end
        return None

    def file_range(self, value: str, j: int) -> tuple[str, int]:
        """A range of files after a delo's identifier: "Дело 6768-6771" is one level."""
        toks = self.toks
        if (
            j + 1 < len(toks)
            and toks[j].kind == "dash"
            and toks[j + 1].kind == "num"
            and not toks[j + 1].suffix
            and value.isdigit()
            and (not toks[j].space_before or toks[j + 1].space_before)
            and int(toks[j + 1].text) > int(value)
            and not self.folio_like_after(j + 2)
        ):
            return f"{value}-{toks[j + 1].text}", j + 2  # one hyphen, however it was written
        return value, j

    def leaf_label_at(self, i: int) -> bool:
        """Does a label of leaves or pages start at token ``i``?"""
        hit = self.label_at(i)
        return hit is not None and hit.label.role in {"leaf", "page"}

    def folio_like_after(self, i: int) -> bool:
        """Is the token at ``i`` a verso mark (then the range was leaves)?"""
        hit = self.label_at(i)
        return hit is not None and hit.label.role in {"verso", "recto"}

    def file_list_at(self, levels: Sequence[Level], i: int) -> bool:
        """Is the number at ``i`` the next file of a list ("Д. 174, 194")?

        Only after a file cited with a Cyrillic label: Russian-language notes
        label their leaves ("Л."), so a bare number after "Д. 174," is another
        file, while English-language notes write leaves bare ("d. 62, 71-72").
        """
        if not levels or i == 0 or not _is_punct(self.toks[i - 1], ","):
            return False
        last = levels[-1]
        label = last.label if last.label is not None else self.list_label
        return (
            last.kind in _FILE_KINDS
            and label is not None
            and lists_files_after(label.rstrip(".:").strip().casefold())
            and self.ident_at(i) is not None
        )

    def bare_level_at(self, i: int, kind: LevelKind) -> tuple[Level, int] | None:
        """An unlabelled first level up to the next comma: "KSČ-ÚV", "XIX-J-1-j", "KC PZPR"."""
        toks = self.toks
        j = i
        while (
            j < len(toks)
            and j - i < 12
            and not _is_punct(toks[j], ",;")
            and toks[j].kind not in {"open", "close"}
            and self.label_at(j) is None
            and self.ordinal_at(j) is None
        ):
            j += 1
        if j == i or j - i >= 12:
            return None
        stop = j
        while j > i and (_is_punct(toks[j - 1], ".:") or toks[j - 1].kind == "dash"):
            j -= 1  # "AQPPSh-MPKBS-V.1960": the year's label ends the name
        if j == i:
            return None
        value = self.text[toks[i].start : toks[j - 1].end]
        if toks[stop - 1].kind == "dash":
            return Level(kind, value, text=value), stop
        return Level(kind, value, text=value), j

    def ordinal_at(self, i: int) -> tuple[Level, int] | None:
        """A label written after its number with a full stop: "4. doboz"."""
        toks = self.toks
        if not self.tab.ordinal or i + 2 >= len(toks) or toks[i].kind != "num":
            return None
        word = toks[i + 2]
        if not (_is_punct(toks[i + 1], ".") and word.kind == "word"):
            return None
        key = word.text.casefold()
        label = self.tab.labels.get(key)
        if key not in self.tab.ordinal or label is None or label.role != "level":
            return None
        assert label.kind is not None
        end = i + 3
        if end < len(toks) and _is_punct(toks[end], ".") and not toks[end].space_before:
            end += 1
        value = toks[i].text + toks[i].suffix
        label_text = self.text[word.start : toks[end - 1].end]
        return Level(label.kind, value, label=label_text, text=value), end

    def deeper_level_at(self, i: int, levels: Sequence[Level]) -> bool:
        """Does a level deeper than every one in ``levels`` start at token ``i``?"""
        hit = self.label_at(i)
        if hit is None or hit.label.role != "level" or hit.label.kind is None:
            return False
        depth = _DEPTH.get(hit.label.kind, 0)
        return all(_DEPTH.get(lv.kind, 0) < depth for lv in levels)

    def title_at(self, i: int) -> tuple[str | None, int]:
        """A parenthesised title after an identifier: "f. 776 (Otdelenie ...)"."""
        paren = self.paren_at(i)
        if paren is not None and self.tab.labels.get(paren[0].rstrip(".").casefold()) is None:
            return paren
        return None, i

    def section_at(self, i: int) -> tuple[Level, int] | None:
        """A named division of a fond: "DPOO", "Departament politsii ... (DPOO)"."""
        toks = self.toks
        j = i
        words: list[_Tok] = []
        while j < len(toks) and toks[j].kind == "word" and self.label_at(j) is None:
            words.append(toks[j])
            j += 1
        if len(words) > 8:
            return None
        paren = self.paren_at(j)
        if paren is not None:
            acronym, after = paren
            if not _is_acronym(acronym):
                return None
            title = self.text[words[0].start : words[-1].end] if words else None
            return Level("section", acronym, title=title), after
        if len(words) == 1 and _is_acronym(words[0].text):
            return Level("section", words[0].text), j
        return None

    def parse_locator(
        self, i: int, unit: LocatorUnit, label: str | None, label_index: int
    ) -> tuple[Locator, int]:
        toks = self.toks
        ranges: list[FolioRange] = []
        start = i
        while True:
            folio, j = self.folio_at(i)
            if folio is None:
                if not ranges:
                    what = f"after {label!r}" if label else "here"
                    raise self.error(f"expected a leaf number {what}", label_index, i + 1)
                break
            last: Folio | None = None
            if j < len(toks) and toks[j].kind == "dash":
                last, k = self.folio_at(j + 1)
                if last is None:
                    raise self.error("a range without an end", i, j + 1)
                last = _expand_end(folio, last)
                if (
                    folio.numeric is not None
                    and last.numeric is not None
                    and last.numeric < folio.numeric
                ):
                    raise self.error("a range that ends before it starts", i, k)
                j = k
            ranges.append(FolioRange(folio, last))
            i = j
            # more ranges: ", 46", " and 48", " и 49", "; 50" is a new reference
            if i < len(toks) and _is_punct(toks[i], ","):
                nxt = i + 1
                if nxt < len(toks) and toks[nxt].kind == "word" and toks[nxt].text in {"and", "и"}:
                    nxt += 1
                if self.folio_at(nxt)[0] is not None and not self.level_start(nxt):
                    i = nxt
                    continue
                break
            if (
                i < len(toks)
                and toks[i].text in {"and", "и", "&"}
                and self.folio_at(i + 1)[0] is not None
            ):
                i += 1
                continue
            break
        end_tok = toks[i - 1] if i > start else toks[start]
        text = self.text[toks[start].start : end_tok.end]
        return Locator(tuple(ranges), unit, text=text, label=label), i

    def folio_at(self, i: int) -> tuple[Folio | None, int]:
        """One leaf number with an optional verso mark: "5", "5ob.", "5 об.", "17a"."""
        toks = self.toks
        if i >= len(toks) or toks[i].kind != "num":
            return None, i
        tok = toks[i]
        number, suffix = tok.text, tok.suffix
        verso = False
        j = i + 1
        if suffix:
            mark = self.tab.labels.get(suffix.casefold())
            if mark is not None and mark.role in {"verso", "recto"}:
                verso = mark.role == "verso"
                if j < len(toks) and _is_punct(toks[j], ".") and not toks[j].space_before:
                    j += 1
            else:
                number += suffix
        if not verso:
            hit = self.label_at(j)
            if hit is not None and hit.label.role in {"verso", "recto"}:
                verso = hit.label.role == "verso"
                j = hit.next
        return Folio(number, verso), j


_DEPTH: dict[str, int] = {
    "fond": 10,
    "section": 20,
    "year": 30,
    "opis": 40,
    "perechen": 45,
    "box": 50,
    "papka": 50,
    "delo": 60,
    "signature": 60,
    "dokument": 65,
    "tom": 70,
    "chast": 80,
}
#: The kinds that name a file: a list of them is several references.
_FILE_KINDS = frozenset({"delo", "dokument"})


def _glued(prev: _Tok, tok: _Tok) -> bool:
    """True when ``tok`` continues a word (no space, no punctuation between)."""
    return prev.kind == "word" and not tok.space_before and prev.end == tok.start


def _is_year(tok: _Tok) -> bool:
    return not tok.suffix and len(tok.text) == 4 and 1700 <= int(tok.text) <= 2100


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return 2 <= len(letters) <= 12 and all(c.isupper() for c in letters) and " " not in word


def _archive_candidates(cited: str) -> Iterator[str]:
    """Ways to read an archive as cited: whole, the acronym in parentheses, the part before."""
    yield cited
    if "(" in cited and cited.endswith(")"):
        outer, _, inner = cited[:-1].partition("(")
        yield inner.strip()
        yield outer.strip()
    elif "(" in cited:
        outer, _, rest = cited.partition("(")
        yield outer.strip()
        yield rest.partition(")")[0].strip()
    for sep in (",", "."):
        if sep in cited:
            yield cited.split(sep, 1)[0].strip()


def _dotted_levels(text: str) -> list[Level]:
    prefix = ""
    parts = text.split("/") if "/" in text else text.split(".")
    if parts[0].isalpha():
        prefix = parts.pop(0) + "."
    kinds: tuple[LevelKind, ...] = ("fond", "opis", "delo")
    levels = [
        Level(kind, (prefix if kind == "fond" else "") + value, label=None)
        for kind, value in zip(kinds, parts, strict=False)
    ]
    return levels + [Level("_leaf", v) for v in parts[3:]]  # type: ignore[arg-type]


def _expand_end(first: Folio, last: Folio) -> Folio:
    """Expand an abbreviated range end: 105-6 is 105-106, 124-30 is 124-130."""
    a, b = first.number, last.number
    if a.isdigit() and b.isdigit() and len(b) < len(a) and int(b) < int(a):
        expanded = a[: len(a) - len(b)] + b
        if int(expanded) >= int(a):
            return attrs.evolve(last, number=expanded)
    return last


def _split_dotted_leaf(levels: list[Level]) -> tuple[list[Level], Locator | None]:
    leaves = [lv for lv in levels if lv.kind == "_leaf"]  # type: ignore[comparison-overlap]
    if not leaves:
        return levels, None
    rest = [lv for lv in levels if lv.kind != "_leaf"]  # type: ignore[comparison-overlap]
    return rest, Locator.of(FolioRange(Folio(leaves[0].value)))


# --------------------------------------------------------------------------- public API


def parse(text: str, *, registry: Registry | None = None) -> ArchivalReference:
    """Parse exactly one fond-family reference.

    Raises :class:`~archref.ParseError` when ``text`` is not one reference.
    """
    refs = _parse(text, registry, chain=False, antecedent=None)
    return refs[0]


def parse_chain(
    text: str,
    *,
    antecedent: ArchivalReference | None = None,
    registry: Registry | None = None,
) -> list[ArchivalReference]:
    """Parse a chain of references separated by ";" in which later ones inherit.

    Each later reference takes the archive and the upper levels it omits from
    the one before it:

    >>> [str(r) for r in parse_chain("RGASPI, f. 17, op. 163, d. 1326, l. 233; d. 1350, l. 40")]
    ['RGASPI, f. 17, op. 163, d. 1326, l. 233', 'RGASPI, f. 17, op. 163, d. 1350, l. 40']
    >>> [str(r) for r in parse_chain("ГАОО. Ф. 235. Оп. 7. Д. 42; Оп. 8. Д. 4794")]
    ['GAOO, f. 235, op. 7, d. 42', 'GAOO, f. 235, op. 8, d. 4794']

    A text that opens with "Ibid." ("Там же", "Ebd.") repeats ``antecedent``,
    changing only what it cites:

    >>> first = parse("ЦА ФСБ. Ф.3. Оп.5. Д.1410. Л.212")
    >>> [str(r) for r in parse_chain("Там же. Оп.4. Д.2241. Л.685.", antecedent=first)]
    ['TsA FSB, f. 3, op. 4, d. 2241, l. 685']
    >>> [str(r) for r in parse_chain("Ibid., l. 7", antecedent=first)]
    ['TsA FSB, f. 3, op. 5, d. 1410, l. 7']
    """
    return _parse(text, registry, chain=True, antecedent=antecedent)


#: Words that open a short form repeating the previous reference.
IBID_MARKERS = frozenset(
    {"ibid", "ibidem", "там же", "tam zhe", "tam že", "ebenda", "ebd", "tamtéž", "tamže"}
)


def _ibid_end(toks: Sequence[_Tok], *, offset: int = 0, punct: bool = True) -> int | None:
    """Index after an opening "Ibid." / "Там же" (and, with ``punct``, its punctuation)."""
    words: list[str] = []
    for i, tok in enumerate(toks[:3]):
        if tok.kind != "word":
            break
        words.append(tok.text.casefold())
        if " ".join(words) in IBID_MARKERS:
            j = i + 1
            while punct and j < len(toks) and _is_punct(toks[j], ".,:"):
                j += 1
            if not punct and j < len(toks) and _is_punct(toks[j], ".") and not toks[j].space_before:
                j += 1  # the full stop of "Ibid."
            return offset + j
    return None


def _parse(
    text: str,
    registry: Registry | None,
    *,
    chain: bool,
    antecedent: ArchivalReference | None,
) -> list[ArchivalReference]:
    if not isinstance(text, str):
        raise TypeError(f"expected a str, not {type(text).__name__}")
    if not text.strip():
        raise ParseError("empty text is not a reference", text, 0, len(text))
    p = _Parser(text, registry or default_registry())
    return _parse_tokens(p, chain=chain, antecedent=antecedent)


def _parse_tokens(
    p: _Parser, *, chain: bool, antecedent: ArchivalReference | None
) -> list[ArchivalReference]:
    toks = p.toks
    ibid = _ibid_end(toks)
    if ibid is not None:
        if antecedent is None:
            raise p.error(
                "'ibid.' repeats an earlier reference, and none was given"
                " (pass antecedent=, or use archref.extract on the whole note)",
                0,
                ibid,
            )
        if ibid >= len(toks) or (ibid == len(toks) - 1 and _is_punct(toks[ibid], ";")):
            return [attrs.evolve(antecedent, text=p.text)]  # a bare "Ibid."
        p.use_archive(antecedent.archive)
        found = _read_chain(
            p,
            ibid,
            antecedent.archive,
            antecedent.archive_as_cited,
            previous=antecedent,
            first_token=0,
            strict=True,
        )
    elif (own := _own_labels_archive(p)) is not None:
        own_archive, own_cited, start = own  # an archive with labels of its own: "NA ČR, KSČ-ÚV"
        found = _read_chain(
            p, start, own_archive, own_cited, previous=None, first_token=0, strict=True
        )
    else:
        start = p.archive_end()
        if start >= len(toks):
            raise p.error("no fond, opis or delo found", 0, len(toks))
        if start == 0 and toks[0].kind == "dotted":
            raise p.error(
                "numbers such as '558.11.492' are a reference only after an archive's name",
                0,
                1,
            )
        archive, cited = p.resolve_archive(0, start)
        found = _read_chain(p, start, archive, cited, previous=None, first_token=0, strict=True)
    refs = [m.reference for m in found.matches]
    i = found.end
    if i >= len(toks) or (i == len(toks) - 1 and _is_punct(toks[i], ".;")):
        if len(refs) > 1 and not chain:
            raise p.error(
                "the text holds several references; use parse_chain() or archref.extract()",
                found.first_chain_sep,
                len(toks),
            )
        return refs  # a final full stop or semicolon is tolerated
    raise p.error("unexpected text after the reference", i, len(toks))


def _named_first_level(p: _Parser, k: int) -> bool:
    """Does an unlabelled first level ("KSČ-ÚV", "BU 0296/99") start at ``k``, then a level?"""
    bare = p.tab.bare_first
    if bare is None:
        return False
    hit = p.label_at(k)
    if hit is not None and hit.label.kind == bare:
        k = hit.next  # "fond CC al PCR": the label, then the name
    for _ in range(3):  # the name, and a named section or two ("KSČ-ÚV, SÚV")
        named = p.bare_level_at(k, bare)
        if named is None:
            return False
        k = p.skip_seps(p.title_at(named[1])[1])  # "Urząd Rady Ministrów (dalej URM)"
        if k < len(p.toks) and (
            p.level_start(k) or p.ordinal_at(k) is not None or p.label_at(k) is not None
        ):
            return True
    return False


def _own_labels_archive(p: _Parser) -> tuple[Archive, str, int] | None:
    """The archive at the start of the text, when it reads labels of its own.

    Switches the parser to those labels and returns the archive, its name as
    cited and where its levels start.
    """
    hit = _alias_at(p, 0)
    if hit is None or not _archive_table(hit[0]).own:
        return None
    archive, cited, j = hit
    p.use_archive(archive)
    paren = p.paren_at(j)
    if paren is not None:
        j = paren[1]
    while j < len(p.toks) and _is_punct(p.toks[j], ",.:"):
        j += 1
    return archive, cited, j


def _alias_at(p: _Parser, i: int) -> tuple[Archive, str, int] | None:
    """The longest registry alias starting at token ``i``: (archive, as cited, end).

    The name is extended a word at a time while it is still the beginning
    of some alias, so most tokens cost one set look-up.
    """
    toks = p.toks
    if toks[i].kind != "word" or (i > 0 and _glued(toks[i - 1], toks[i])):
        return None
    registry = p.registry
    best: tuple[Archive, str, int] | None = None
    key = ""
    j = i
    while j < len(toks):
        tok = toks[j]
        if tok.kind in {"word", "num"}:
            key += alias_key(tok.text + tok.suffix)
            if not registry.is_alias_prefix(key):
                break
        elif _is_punct(tok, ","):
            key += ","  # a name with its city: "Central State Archive, Tirana"
            if not registry.is_alias_prefix(key):
                break
        elif not (tok.kind in {"dash", "other"} or _is_punct(tok, ".")):
            break
        j += 1
        glued_on = j < len(toks) and toks[j].kind in {"word", "num"} and _glued(tok, toks[j])
        if tok.kind == "word" and not glued_on:
            hit = registry.lookup_key(key)
            if hit is not None:
                best = hit.archive, p.text[toks[i].start : tok.end], j
    return best


def _name_runs_to_end(p: _Parser, i: int) -> bool:
    """Do the tokens from ``i`` to the end all continue the beginning of a name (as
    :func:`_alias_at` reads one), so that what follows could finish it?"""
    key = ""
    for tok in p.toks[i:]:
        if tok.kind in {"word", "num"}:
            key += alias_key(tok.text + tok.suffix)
        elif _is_punct(tok, ","):
            key += ","
        elif tok.kind in {"dash", "other"} or _is_punct(tok, "."):
            continue
        else:
            return False
        if not p.registry.is_alias_prefix(key):
            return False
    return True


@attrs.frozen
class Match:
    """A fond-family reference found in running text, with its span.

    ``start``/``end`` are character offsets into the scanned text; ``chained``
    is true when the reference took its archive and upper levels from the one
    before it in a chain ("...; d. 1350, l. 40"); ``diagnostics`` explain a
    reference that was cut short ("RGASPI, f. 558, op." gives the fond).
    """

    reference: ArchivalReference
    start: int
    end: int
    chained: bool = False
    diagnostics: tuple[Diagnostic, ...] = ()


@attrs.frozen
class _Chain:
    matches: list[Match]
    end: int  # token index after the chain
    first_chain_sep: int  # token index of the first separator between references


def _read_chain(
    p: _Parser,
    i: int,
    archive: Archive | None,
    cited: str | None,
    *,
    previous: ArchivalReference | None,
    first_token: int,
    strict: bool,
    accept: Callable[[ArchivalReference], bool] | None = None,
    leaves_only: bool = False,
) -> _Chain:
    """Read one reference and the chained ones after it, starting at token ``i``.

    ``first_token`` is where the first reference's text starts (its archive).
    With ``strict`` a broken reference raises; otherwise it is cut at the
    error and reported as a diagnostic, and reading stops there. A first
    reference that ``accept`` refuses ends the chain at once, with no match:
    the links after it are not read.
    """
    toks = p.toks
    matches: list[Match] = []
    sep = -1
    begin = first_token
    list_kind: LevelKind | None = None
    p.list_label = None
    while True:
        diagnostics: tuple[Diagnostic, ...] = ()
        try:
            levels, locator, j = p.parse_levels(
                i, bare_locator=previous is not None or leaves_only, list_kind=list_kind
            )
        except ParseError as exc:
            if strict:
                raise
            stop = _token_at(toks, exc.start)
            if stop <= i:
                break
            try:
                levels, locator, j = p.parse_levels(
                    i,
                    bare_locator=previous is not None or leaves_only,
                    stop=stop,
                    list_kind=list_kind,
                )
            except ParseError:
                break
            diagnostics = (
                Diagnostic(
                    code="ARC001",
                    message=f"incomplete reference: {exc.message}",
                    severity="warning",
                    start=exc.start,
                    end=exc.end,
                    text=exc.offending,
                ),
            )
        if locator is None and p.tab.own and levels and levels[-1].kind in _FILE_KINDS:
            described = p.leaves_after_description(j)
            if described is not None:  # "sygn. 5/467, Notatka ..., Warszawa, ..., k. 3."
                locator, j = described
        levels, dotted_locator = _split_dotted_leaf(levels)
        if dotted_locator is not None:
            if locator is not None:
                if strict:
                    raise p.error("leaves given twice", j - 1)
                break
            locator = dotted_locator
        if previous is not None:
            levels = _inherit(previous.levels, levels)
        last = j - 1
        while last > i and _is_punct(toks[last], ",.:;") and not _abbreviation_dot(toks, last):
            last -= 1  # separators after the last level are not part of the span
        span_start, span_end = toks[begin].start, toks[last].end
        ref = ArchivalReference(
            archive=archive,
            levels=_archive_prefixes(archive, levels),
            folios=locator,
            archive_as_cited=cited,
            text=p.text[span_start:span_end],
        )
        if strict:
            _check_complete(p, ref, archive is not None or cited is not None, j)
        if not matches and accept is not None and not accept(ref):
            return _Chain([], j, sep)
        matches.append(Match(ref, span_start, span_end, bool(matches), diagnostics))
        previous = ref
        i = j
        if diagnostics:
            break
        list_kind = None
        if (
            i < len(toks)
            and _is_punct(toks[i], ",")
            and locator is None
            and p.file_list_at(levels, i + 1)
        ):
            list_kind = levels[-1].kind  # "Д. 174, 194": the next file, a reference of its own
            if levels[-1].label is not None:
                p.list_label = levels[-1].label
            if sep < 0:
                sep = i
            i = begin = i + 1
            continue
        nxt = p.chain_next(i)
        if nxt is None and p.repeat_at == i and i > begin:
            nxt = i  # a level of a kind the reference holds starts the next link
        if nxt is None and locator is not None and _relabels(p, levels, i):
            nxt = i  # "d. 5, l. 3, d. 6, l. 4": after the leaves, the next file
        if nxt is None:
            break
        if sep < 0:
            sep = i
        i = begin = nxt
    return _Chain(matches, i, sep)


def _relabels(p: _Parser, levels: Sequence[Level], i: int) -> bool:
    """After a reference's leaves and a comma, does a level of a kind it holds begin
    at ``i`` (a next link that names its file again)?"""
    if i == 0 or i >= len(p.toks) or not _is_punct(p.toks[i - 1], ","):
        return False
    hit = p.label_at(i)
    return (
        hit is not None
        and hit.label.role == "level"
        and any(lv.kind == hit.label.kind for lv in levels)
        and p.level_start(i)
    )


def _abbreviation_dot(toks: Sequence[_Tok], i: int) -> bool:
    """Is the full stop at ``i`` part of an abbreviation ("5ob.", "1806 g.")?"""
    if not _is_punct(toks[i], ".") or i == 0 or toks[i].space_before:
        return False
    prev = toks[i - 1]
    if prev.kind == "word":
        return True
    mark = _LABELS.get(prev.suffix.casefold()) if prev.kind == "num" and prev.suffix else None
    return mark is not None and mark.role in {"verso", "recto"}


def _token_at(toks: Sequence[_Tok], offset: int) -> int:
    """Index of the first token that starts at or after ``offset``."""
    lo, hi = 0, len(toks)
    while lo < hi:
        mid = (lo + hi) // 2
        if toks[mid].start < offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


class Scanner:
    """Finds fond-family references in running text (one pass over one tokenisation).

    >>> note = "См. письмо (РГАСПИ. Ф.558. Оп.11. Д.729. Л.83–85) и ответ (АП РФ. Ф.3. Оп.58)."
    >>> for m in Scanner(note).find():
    ...     print(m.reference, "|", note[m.start : m.end])
    RGASPI, f. 558, op. 11, d. 729, ll. 83–85 | РГАСПИ. Ф.558. Оп.11. Д.729. Л.83–85
    APRF, f. 3, op. 58 | АП РФ. Ф.3. Оп.58

    "Ibid." short forms are not resolved here: :meth:`ibid_markers` lists
    them, and :meth:`parse_ibid` reads one against an antecedent.
    """

    def __init__(self, text: str, *, registry: Registry | None = None) -> None:
        self.text = text
        self.registry = registry or default_registry()
        self._p = _Parser(text, self.registry)
        self._start_tokens: list[int] | None = None
        self._folded: str | None = None  # the text casefolded, for regions' names
        # the end of the last run of levels read again for an archive named after it
        # and found with none: a start inside it ends no later, so it is not read again
        # (reading each start of "f. 1, f. 1, ..." to the run's end would be quadratic)
        self._bare_until = -1

    # ---------------------------------------------------------------- public

    def find(self) -> list[Match]:
        """Every reference in the text that is not an "ibid." short form."""
        p, toks = self._p, self._p.toks
        out: list[Match] = []
        named: list[tuple[Archive, str]] = []  # archives named with no levels after them
        starts = self._starts()
        k = 0
        i = 0
        while True:
            while k < len(starts) and starts[k] < i:
                k += 1
            if k == len(starts):
                break
            i = starts[k]  # the tokens between can begin nothing: skip them
            ibid = self._ibid_at(i)
            if ibid is not None:
                i = self._skip_ibid_tail(ibid)
                continue
            if out and self._leaves_again_at(i, out[-1]):
                # "D. 354. L. 129. Original. Typewritten text. L. 130 - 143.": more leaves
                # of the file just cited, after what the note says of the first ones
                prev = out[-1].reference
                before = p.use_archive(prev.archive)
                try:
                    again = _read_chain(
                        p,
                        i,
                        prev.archive,
                        prev.archive_as_cited,
                        previous=prev,
                        first_token=i,
                        strict=False,
                        leaves_only=True,
                    )
                finally:
                    p.tab = before
                if again.matches:
                    out.extend(attrs.evolve(m, chained=True) for m in again.matches)
                    i = max(again.end, i + 1)
                    continue
            alias = self._alias_at(i)
            if alias is not None:
                archive, cited, j = alias
                before = p.use_archive(archive)
                try:
                    after = self._after_archive(j)
                    chain = (
                        _read_chain(
                            p,
                            after,
                            archive,
                            cited,
                            previous=None,
                            first_token=i,
                            strict=False,
                            leaves_only=self._leaves_only_at(after),
                        )
                        if after is not None
                        else None
                    )
                finally:
                    p.tab = before
                if chain is not None and chain.matches:
                    out.extend(chain.matches)
                    i = max(chain.end, i + 1)
                    continue
                named.append((archive, cited))
                i = j
                continue
            if toks[i].kind != "dotted" and p.level_start(i) and self._boundary_before(i):
                shared = self._shared_name_before(i)
                if shared is not None and shared[0] is not None:
                    meant, as_cited, begin = shared
                    before = p.use_archive(meant)
                    try:
                        chain = _read_chain(
                            p, i, meant, as_cited, previous=None, first_token=begin, strict=False
                        )
                    finally:
                        p.tab = before
                    if chain.matches:
                        out.extend(chain.matches)
                        i = max(chain.end, i + 1)
                        continue
                begin, name = self._unknown_archive_before(i)
                if shared is not None and name is None:
                    _, name, begin = shared  # "ГАСО" where the note names no region
                # "Госархив Винниской обл.": a long name one letter from a known one
                spelling = misspelt_archive(name, self.registry) if name is not None else None
                misspelt = self.registry.get(spelling) if spelling is not None else None
                before = p.use_archive(misspelt)
                try:
                    chain = _read_chain(
                        p,
                        i,
                        misspelt,
                        name,
                        previous=None,
                        first_token=begin,
                        strict=False,
                        accept=None if name is not None else _is_substantial,
                    )
                finally:
                    p.tab = before
                if name is None:
                    chain = self._with_archive_after(i, begin, chain)
                if chain.matches:
                    out.extend(chain.matches)
                    i = max(chain.end, i + 1)
                    continue
            i += 1
        if (
            out
            and not named
            and all(m.reference.archive is None and not m.reference.archive_as_cited for m in out)
        ):
            named = _source_named(self.text, self.registry)  # "Книга памяти Челябинской обл."
        return _named_elsewhere(out, named)

    def passes_over(self, upto: int | None = None) -> bool:
        """Does :meth:`find` pass over ``text[:upto]`` (all of it by default)?

        True when every token there where a reference could begin is a word
        that only begins some archive's name: no label, no "ibid.", no name
        read in full. With ``upto``, the text from there on is what follows
        (the first words of the next reference): ``text[:upto]`` must end in
        white space, and a name begun before ``upto`` must break off before
        the end of the text, so that nothing further could finish it.
        """
        p, toks = self._p, self._p.toks
        end = len(self.text) if upto is None else upto
        if upto is not None and upto > 0 and not self.text[upto - 1].isspace():
            return False
        for i in self._starts():
            tok = toks[i]
            if tok.start >= end:
                break
            if tok.kind != "word" or tok.text.casefold() in _START_WORDS:
                return False
            if p.label_at(i) is not None or _alias_at(p, i) is not None:
                return False
            if upto is not None and _name_runs_to_end(p, i):
                return False
        return True

    def ibid_markers(self) -> list[tuple[int, int]]:
        """The (start, end) of every "Ibid." / "Там же" / "Ebd." marker."""
        toks = self._p.toks
        out = []
        for i in self._starts():
            end = self._ibid_at(i)
            if end is not None:
                out.append((toks[i].start, toks[end - 1].end))
        return out

    def _starts(self) -> list[int]:
        """The tokens where a reference or an "ibid." can begin, in order.

        A reference begins at an archive's name (a word that begins some
        alias of the registry), at a level label or the dotted shorthand; an
        "ibid." at one of its words. Every other token is passed over at once.
        """
        if self._start_tokens is None:
            prefix = self.registry.is_alias_prefix
            words = _START_WORDS
            self._start_tokens = [
                i
                for i, tok in enumerate(self._p.toks)
                if tok.kind == "dotted"
                or (
                    tok.kind == "word"
                    and (tok.text.casefold() in words or prefix(alias_key(tok.text)))
                )
            ]
        return self._start_tokens

    def parse_ibid(self, offset: int, antecedent: ArchivalReference) -> list[Match]:
        """Read the "ibid." short form at ``offset`` against ``antecedent``.

        Returns the references it cites (a bare "Ibid." repeats the antecedent
        whole); their spans start at the marker.
        """
        p, toks = self._p, self._p.toks
        i = _token_at(toks, offset)
        end = self._ibid_at(i)
        if end is None:
            return []
        marker_end = toks[end - 1].end
        j = end
        while j < len(toks) and _is_punct(toks[j], ".,:"):
            j += 1
        before = p.use_archive(antecedent.archive)
        try:
            if j < len(toks) and (p.level_start(j) or self._leaf_label_at(j)):
                chain = _read_chain(
                    p,
                    j,
                    antecedent.archive,
                    antecedent.archive_as_cited,
                    previous=antecedent,
                    first_token=i,
                    strict=False,
                )
                if chain.matches:
                    return chain.matches
        finally:
            p.tab = before
        bare = attrs.evolve(antecedent, text=self.text[toks[i].start : marker_end])
        return [Match(bare, toks[i].start, marker_end)]

    # ---------------------------------------------------------------- helpers

    def _ibid_at(self, i: int) -> int | None:
        toks = self._p.toks
        if toks[i].kind != "word" or (i > 0 and _glued(toks[i - 1], toks[i])):
            return None
        if toks[i].text.casefold() not in _IBID_FIRST_WORDS:
            return None
        return _ibid_end(toks[i : i + 3], offset=i, punct=False)

    def _skip_ibid_tail(self, end: int) -> int:
        """Skip an "ibid." marker and the levels after it (they are not a reference alone)."""
        p, toks = self._p, self._p.toks
        j = end
        while j < len(toks) and _is_punct(toks[j], ".,:"):
            j += 1
        if j < len(toks) and (p.level_start(j) or self._leaf_label_at(j)):
            try:
                _levels, _locator, j = p.parse_levels(j, bare_locator=True)
            except ParseError:
                return j + 1
        return max(j, end)

    def _leaf_label_at(self, i: int) -> bool:
        hit = self._p.label_at(i)
        return hit is not None and hit.label.role in {"leaf", "page", "papka_or_page"}

    def _alias_at(self, i: int) -> tuple[Archive, str, int] | None:
        return _alias_at(self._p, i)

    def _after_archive(self, j: int) -> int | None:
        """Where the levels start after an archive name: skip ", ", ". ", "; ", ". – ",
        "(ACRONYM)"; or inside a parenthesis that opens with them ("AVP RF (F. 0129...)")."""
        p, toks = self._p, self._p.toks
        k = j
        paren = p.paren_at(k)
        if paren is not None:  # "(RGASPI)", "(State Archive of Vologda Oblast)"
            if p.level_start(k + 1):
                return k + 1  # "stored in AVP RF (F. 0129. Op. 47a. ... L. 64)"
            k = paren[1]
        # "Объединенный госархив Челябинской обл.; Фонд Р-467", "ГААРК. – Ф. р-4808"
        while k < len(toks) and (_is_punct(toks[k], ",.:;") or toks[k].kind == "dash"):
            k += 1
        if k >= len(toks):
            return None
        if p.level_start(k) or self._leaves_only_at(k):
            return k
        return k if _named_first_level(p, k) else None

    def _leaves_again_at(self, k: int, last: Match) -> bool:
        """Leaves that open a sentence on the line of the file cited just before, whose
        own leaves were cited: "L. 129. Original. Typewritten text. L. 130 - 143."."""
        p, toks = self._p, self._p.toks
        ref = last.reference
        hit = p.label_at(k)
        if (
            hit is None
            or hit.label.role != "leaf"
            or not hit.text[:1].isupper()
            or ref.folios is None
            or not any(lv.kind in _FILE_KINDS for lv in ref.levels)
            or k == 0
            or not _is_punct(toks[k - 1], ".")
            or toks[k].start - last.end > _LEAVES_AGAIN_GAP
            or "\n" in self.text[last.end : toks[k].start]
            or p.folio_at(hit.next)[0] is None
        ):
            return False
        return not any(  # nothing between that could begin another reference, or an "ibid."
            p.label_at(j) is not None or self._alias_at(j) is not None or self._ibid_at(j)
            for j in range(_token_at(toks, last.end), k)
        )

    def _leaves_only_at(self, k: int) -> bool:
        """Leaves right after an archive's name, with no level: "Archive of SVR of Russia.
        L. 198 - 200." (a file the archive does not number for the public)."""
        p = self._p
        hit = p.label_at(k)
        return (
            hit is not None
            and hit.label.role == "leaf"
            and p.folio_at(hit.next)[0] is not None
            and k > 0
            and _is_punct(p.toks[k - 1], ".,:")
        )

    def _with_archive_after(self, i: int, begin: int, chain: _Chain) -> _Chain:
        """The references read at ``i`` with no archive before them, given the archive
        named right after them: "Ф.Р-6023 оп.4, д.7711 / ГА Винницкой обл.", "Арх.дело:
        20911 – УСБУ в Одесской обл." (a file alone is a reference then).
        """
        p = self._p
        reread = not chain.matches
        if reread:  # a file alone: read it again, and keep it if an archive follows
            if i < self._bare_until:
                return chain
            chain = _read_chain(p, i, None, None, previous=None, first_token=begin, strict=False)
        if not chain.matches:
            return chain
        after = self._archive_after(chain.end)
        if after is None:
            if reread:
                self._bare_until = chain.end
            return chain if _is_substantial(chain.matches[0].reference) else _Chain([], i, -1)
        archive, cited, end = after
        last_end = p.toks[end - 1].end
        matches = []
        for n, m in enumerate(chain.matches):
            last = n == len(chain.matches) - 1
            span_end = last_end if last else m.end
            ref = attrs.evolve(
                m.reference,
                archive=archive,
                archive_as_cited=cited,
                text=self.text[m.start : span_end],
            )
            matches.append(attrs.evolve(m, reference=ref, end=span_end))
        return _Chain(matches, end, chain.first_chain_sep)

    def _archive_after(self, j: int) -> tuple[Archive, str, int] | None:
        """The archive named after levels, past a slash or a dash, where no levels follow
        the name (those would be its own): (archive, as cited, token index after it)."""
        p, toks = self._p, self._p.toks
        k = j
        if k < len(toks) and _is_punct(toks[k], ","):
            k += 1
        if not (k < len(toks) and (toks[k].kind == "dash" or toks[k].text == "/")):
            return None
        if k + 1 >= len(toks) or not toks[k + 1].space_before:
            return None  # "д.7711/ГА" would be one identifier's parts
        hit = self._alias_at(k + 1)
        if hit is None:
            return None
        end = hit[2]
        if p.level_start(self._p.skip_seps(end)):
            return None
        return hit

    def _shared_name_before(self, i: int) -> tuple[Archive | None, str, int] | None:
        """A name several archives share, just before the levels at ``i`` ("ГАСО, ф.Р-7641"):
        the archive the note's regions tell (or ``None``), the name as cited and where
        it starts. See ``data/shared_names.toml``."""
        toks = self._p.toks
        k = i
        while k > 0 and _is_punct(toks[k - 1], ",.:;"):
            k -= 1
        if k == 0 or toks[k - 1].kind != "word":
            return None
        table = shared_names()
        key = ""
        for j in range(k - 1, max(k - 6, -1), -1):  # at most three words and their stops
            tok = toks[j]
            if tok.kind == "word":
                key = alias_key(tok.text) + key
                meant = table.get(key)
                if meant is not None and (j == 0 or not _glued_any(toks[j - 1], tok)):
                    cited = self.text[tok.start : toks[k - 1].end]
                    return self._region_archive(meant), cited, j
            elif not _is_punct(tok, "."):
                return None
        return None

    def _region_archive(self, meant: Sequence[tuple[str, tuple[str, ...]]]) -> Archive | None:
        """Of the archives a shared name may stand for, the one whose region the text names."""
        if self._folded is None:
            self._folded = self.text.casefold()
        text = self._folded
        found = [
            archive_id
            for archive_id, region in meant
            if any(word.casefold() in text for word in region)
        ]
        if len(found) != 1:
            return None
        return self.registry.get(found[0])

    def _boundary_before(self, i: int) -> bool:
        toks = self._p.toks
        return i == 0 or not _glued(toks[i - 1], toks[i])

    def _unknown_archive_before(self, i: int) -> tuple[int, str | None]:
        """An archive name the registry does not know, just before the levels."""
        p, toks = self._p, self._p.toks
        k = i
        while k > 0 and _is_punct(toks[k - 1], ",."):
            k -= 1
        words: list[int] = []
        j = k - 1
        while j >= 0 and len(words) < 8 and toks[j].kind == "word" and p.label_at(j) is None:
            words.append(j)
            j -= 1
        if not words:
            return i, None
        first = words[-1]
        before = toks[first - 1] if first > 0 else None
        if before is not None and not (
            before.kind in {"open"} or _is_punct(before, ";:") or before.text in "/—–"
        ):
            return i, None  # prose runs into the levels: no archive name here
        name = [toks[w].text for w in reversed(words)]
        if not name[0][:1].isupper() or not any(
            _is_acronym(w) or "рхив" in w or "rchiv" in w or "rkhiv" in w for w in name
        ):
            return i, None
        return first, self.text[toks[first].start : toks[words[0]].end]


#: The most tokens of a document's title and date before its leaves
#: (:meth:`_Parser.leaves_after_description`).
_DESCRIPTION_TOKENS = 60

#: The most characters between a reference and further leaves of its file
#: (:meth:`Scanner._leaves_again_at`): a short description of the first ones.
_LEAVES_AGAIN_GAP = 200

_IBID_FIRST_WORDS = frozenset(m.split()[0] for m in IBID_MARKERS)
#: Words that can begin a reference or an "ibid." whatever the registry holds.
_START_WORDS = _IBID_FIRST_WORDS | frozenset(_LABELS) | {first for first, _ in _table().pairs}


def _named_elsewhere(found: list[Match], named: Sequence[tuple[Archive, str]]) -> list[Match]:
    """The references of a text that names their archive apart from them.

    A note that cites levels with no archive at them ("Архивные данные: Фонд:
    Р-4033. Опись: 5. Дело: 628") and names one archive of the fond family
    elsewhere, with no levels of its own ("Источник: Госархив Херсонской
    обл."), cites that archive. Where a reference names its archive, or the
    text names several, nothing is guessed.
    """
    if not found or not named:
        return found
    if any(m.reference.archive is not None or m.reference.archive_as_cited for m in found):
        return found
    archives = {archive.id: (archive, cited) for archive, cited in named}
    if len(archives) != 1:
        return found
    ((archive, cited),) = archives.values()
    if archive.notation != "fonds" or (cited and len(alias_key(cited)) < 4):
        return found
    return [
        attrs.evolve(
            m,
            reference=attrs.evolve(
                m.reference,
                archive=archive,
                archive_as_cited=cited or None,  # a source names no archive: none was cited
                levels=_archive_prefixes(archive, m.reference.levels),
            ),
        )
        for m in found
    ]


@functools.cache
def shared_names() -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """The names several archives share (``data/shared_names.toml``), by alias key:
    for each, the registry ids of the archives it may stand for and their regions' words.

    >>> [archive_id for archive_id, _ in shared_names()[alias_key("Госархив ЗО")]]
    ['DAZO-Zaporizhzhia', 'DAZakO']
    """
    text = resources.files("archref").joinpath("data/shared_names.toml").read_text("utf-8")
    out: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {}
    for entry in tomllib.loads(text)["shared"]:
        meant = tuple((a["id"], tuple(a["region"])) for a in entry["archives"])
        for name in entry["names"]:
            out[alias_key(name)] = meant
    return out


_UNSPACED = re.compile(r"[\s.\-–—_'’\"«»()]+")


@functools.cache
def source_archives() -> tuple[tuple[str, str], ...]:
    """The sources whose references are one archive's (``[[source]]`` of
    ``data/shared_names.toml``): (the source's name as an alias key, registry id).

    >>> dict(source_archives())[alias_key("Книга памяти Челябинской обл.")]
    'OGAChO'
    """
    text = resources.files("archref").joinpath("data/shared_names.toml").read_text("utf-8")
    return tuple(
        (alias_key(name), entry["archive"])
        for entry in tomllib.loads(text).get("source", ())
        for name in entry["names"]
    )


def _source_named(text: str, registry: Registry) -> list[tuple[Archive, str]]:
    """The archives of the sources a note names ("Книга памяти Челябинской обл.")."""
    key = _UNSPACED.sub("", text.casefold())  # as alias_key, but no cache for a whole note
    out: list[tuple[Archive, str]] = []
    for name, archive_id in source_archives():
        archive = registry.get(archive_id)
        if archive is not None and name in key:
            out.append((archive, ""))
    return out


def _glued_any(prev: _Tok, tok: _Tok) -> bool:
    """True when ``tok`` follows ``prev`` with nothing between (a word goes on)."""
    return prev.end == tok.start and prev.kind in {"word", "num"}


def _is_substantial(ref: ArchivalReference) -> bool:
    """Without an archive name, only a fond with a lower level reads as a reference."""
    kinds = {lv.kind for lv in ref.levels}
    return "fond" in kinds and bool(kinds & {"opis", "delo"})


_LATIN_PREFIX = re.compile(r"([A-Z])-\d")


def _archive_prefixes(archive: Archive | None, levels: Sequence[Level]) -> tuple[Level, ...]:
    """The levels with a fond's Latin look-alike prefix read as the archive's own.

    "F.P-4459" after GARF's name is its fond Р-4459 (R-4459): the archive's
    fonds bear the prefixes R and A (its ``fond_prefixes``), and a Latin P is
    the look-alike of the Cyrillic Р (``[lookalikes]`` of ``data/levels.toml``).
    A prefix the archive uses, or a letter that is no look-alike, is kept.
    """
    if archive is None or not archive.fond_prefixes:
        return tuple(levels)
    out = []
    for level in levels:
        m = _LATIN_PREFIX.match(level.value) if level.kind == "fond" else None
        meant = levels_data.lookalikes().get(m[1]) if m is not None else None
        if (
            m is not None
            and meant in archive.fond_prefixes
            and m[1] not in archive.fond_prefixes
            and level.as_cited[:1] == m[1]  # written in Latin, not a Cyrillic П
        ):
            out.append(attrs.evolve(level, value=f"{meant}{level.value[1:]}"))
        else:
            out.append(level)
    return tuple(out)


def _inherit(upper: Sequence[Level], lower: Sequence[Level]) -> list[Level]:
    """Fill the levels a chained reference omits from the reference before it."""
    if not lower:
        return list(upper)
    depth = _DEPTH.get(lower[0].kind)
    if depth is None:
        return list(lower)
    keep = [lv for lv in upper if _DEPTH.get(lv.kind, 99) < depth]
    return keep + list(lower)


def _check_complete(p: _Parser, ref: ArchivalReference, has_archive: bool, end: int) -> None:
    if not has_archive and len(ref.levels) < 2 and ref.folios is None:
        raise p.error("a lone level with no archive is not a reference", 0, end)


# --------------------------------------------------------------------------- fast path

#: The most levels and locators (together) the fast pattern reads.
_FAST_ITEMS = 7
#: A registry spelling the fast pattern can take as an archive's name: words of
#: letters separated by single spaces (each word is then one token of the scanner).
_PLAIN_NAME = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")
_DASHES = "-‐‑‒–—−"  # the scanner's dash token


def _fast_item(k: int) -> str:
    """A label and an identifier (groups ``l``; ``p``, ``a``, ``s``) and a range end (``b``).

    The identifier is a number, with letters glued after it ("059a") or a
    prefix of letters and a hyphen before it ("R-6991") that stands apart
    from the label.
    """
    return (
        rf"(?P<l{k}>[^\W\d_]+\.?)\s*(?:(?<=[.\s])(?P<p{k}>[^\W\d_]{{1,4}}[{_DASHES}]))?"
        rf"(?P<a{k}>[0-9]+)(?P<s{k}>[^\W\d_]{{1,6}})?(?!\w)"
        rf"(?:\s*[{_DASHES}]\s*(?P<b{k}>[0-9]+)(?!\w))?"
    )


@functools.cache
def _fast_pattern(registry: Registry) -> re.Pattern[str]:
    """The pattern of :func:`fast_find`, with the registry's plain names (on first use)."""
    names = registry.spellings()
    plain = sorted(
        (
            n
            for n in names
            if _PLAIN_NAME.fullmatch(n)
            # a word of an "ibid." marker would be one for the scanner too
            and not any(w.casefold() in _IBID_FIRST_WORDS for w in n.split())
            and registry.lookup_key(alias_key(n)) is not None
        ),
        key=lambda n: (-len(n), n),
    )
    # as a trie: one branch a character at a time, not 1,300 names at every position
    alternation = _patterns.alternation(plain)
    items = ""
    for k in reversed(range(1, _FAST_ITEMS)):
        items = rf"(?:(?:[.,]\s*|\s+){_fast_item(k)}{items})?"
    pattern = re.compile(
        rf"\s*\(?\s*(?P<arch>{alternation})(?P<asep>[.,]\s*|\s+)"
        rf"{_fast_item(0)}{items}\s*[.;]?\s*\)?\s*[.;]?\s*"
    )
    # fast_find reads the groups by number: item k's l, p, a, s, b are 3 + 5k to 7 + 5k
    assert [pattern.groupindex[f"{g}{k}"] for k in range(_FAST_ITEMS) for g in "lpasb"] == list(
        range(3, 3 + 5 * _FAST_ITEMS)
    )
    return pattern


def fast_find(
    text: str, registry: Registry | None = None, pos: int = 0, endpos: int | None = None
) -> list[Match] | None:
    """What ``Scanner(text).find()`` finds, when ``text`` is one reference of a plain shape.

    With ``pos`` and ``endpos``, what ``Scanner(text[pos:endpos]).find()``
    finds, with offsets into ``text``.

    The shape is an archive's name from the registry (an acronym or a name
    of plain words), then levels and at most one locator, each a label and
    a number ("Ф. 17", "op. 11", "Fond 059a", "ll. 71-72"), with nothing
    around but white space, a parenthesis and a final full stop or
    semicolon. One regular expression reads it. Anything else, and any
    case where the scanner might read the text otherwise (a name that goes
    on into a longer one, a range to expand or that runs backwards, a
    verso mark, a letter after a leaf), gives ``None``: use the scanner.

    >>> [(m.reference.text, str(m.reference)) for m in fast_find("(АП РФ. Ф.3. Оп.58. Д.230.)")]
    [('АП РФ. Ф.3. Оп.58. Д.230', 'APRF, f. 3, op. 58, d. 230')]
    >>> fast_find("See RGASPI, f. 558, op. 11, d. 62, ll. 71-72.") is None
    True
    """
    registry = registry or default_registry()
    m = _fast_pattern(registry).fullmatch(text, pos, len(text) if endpos is None else endpos)
    if m is None:
        return None
    cited = m["arch"]
    key = alias_key(cited)
    hit = registry.lookup_key(key)
    if hit is None or _archive_table(hit.archive).own:
        return None  # an archive with labels of its own is read by the scanner
    if "," not in m["asep"] and registry.is_alias_prefix(key + alias_key(m["l0"])):
        return None  # the scanner would read the name on into the first label
    groups = m.groups()
    levels: list[Level] = []
    kinds: set[str] = set()
    locator: Locator | None = None
    end = 0
    for k in range(3, 3 + 5 * _FAST_ITEMS, 5):  # the groups l, p, a, s, b of each item
        label, prefix, number, suffix, last = groups[k - 1 : k + 4]
        if label is None:
            break
        word = label.rstrip(".").casefold()
        spec = _LABELS.get(word)
        if spec is None or locator is not None:
            return None
        if word in _table().dot_required and not label.endswith("."):
            return None
        role, kind = spec
        if role == "papka_or_page":
            role, kind = ("page", None) if "delo" in kinds else ("level", "papka")
        if role == "level" and kind is not None:
            if kind in kinds:
                return None  # "f. 1, op. 2, f. 3": a chain of two references
            if last is not None or (suffix is not None and suffix.casefold() in _LABELS):
                return None  # "d. 7-8" ends the levels; "7ob." keeps its full stop
            if prefix is not None and not prefix[:-1].isupper():
                return None  # "Rf-5" is no identifier
            end = m.end(k + 2 if suffix is None else k + 3)
            value = text[m.start(k + 2 if prefix is None else k + 1) : end]
            levels.append(Level(kind, value, title=None, label=label, text=value))
            kinds.add(kind)
        elif role in {"leaf", "page"} and levels and suffix is None and prefix is None:
            close = None
            if last is not None:
                if len(last) < len(number) or int(last) < int(number):
                    return None  # "105-6" is expanded, "72-71" is an error
                close = Folio(last)
            end = m.end(k + 2 if last is None else k + 4)
            locator = Locator(
                (FolioRange(Folio(number), close),),
                "leaf" if role == "leaf" else "page",
                text=text[m.start(k + 2) : end],
                label=label,
            )
        else:
            return None
    start = m.start("arch")
    ref = ArchivalReference(
        archive=hit.archive,
        levels=_archive_prefixes(hit.archive, levels),
        folios=locator,
        archive_as_cited=cited,
        text=text[start:end],
    )
    return [Match(ref, start, end)]


@attrs.frozen
class KnownMatches:
    """A window :func:`fast_find` read: answers as its :class:`Scanner` would."""

    matches: tuple[Match, ...]

    def find(self) -> list[Match]:
        """The references of the window."""
        return list(self.matches)

    def ibid_markers(self) -> list[tuple[int, int]]:
        """None: a window of one plain reference holds no "ibid."."""
        return []


# --------------------------------------------------------------------------- formatting

_DOTTED = re.compile(r"(?:[A-Z]{2,8}\.)?\d+[^\W\d_]?(?:\.\d+[^\W\d_]?){2}")
_PAPKA_AFTER_DELO = {"en": "pa.", "ru": "Пап.", "de": "Pap."}
_SEP = {"en": ", ", "en-full": ", ", "ru": ". ", "de": ", "}


@functools.cache
def _labels(label_set: str, style: str) -> dict[str, str]:
    """The labels ``label_set`` writes in ``style``: its base set's, then its own."""
    sets = label_sets()
    chain: list[str] = []
    name: str | None = label_set if label_set in sets else "ru"
    while name is not None and name not in chain:
        chain.append(name)
        name = sets[name].base if name != "ru" else None
    out: dict[str, str] = {}
    for name in reversed(chain):
        out.update(sets[name].write.get(style, {}))
    return out


def _script(label_set: str) -> str:
    one = label_sets().get(label_set)
    return one.script if one is not None else "Cyrl"


def _format_folio(folio: Folio, verso_mark: str) -> str:
    if not folio.verso:
        return folio.number
    if folio.number[-1:].isalpha() and not verso_mark.startswith(" "):
        return f"{folio.number} {verso_mark}"  # "17a ob.", not "17aob."
    return folio.number + verso_mark


def format_locator(locator: Locator, style: Style = "en", label_set: str = "ru") -> str:
    """The locator with its label in a style: "ll. 71–72", "Л. 5 об."."""
    labels = _labels(label_set, style)
    verso = labels.get("verso", "ob.")
    parts = []
    for r in locator.ranges:
        s = _format_folio(r.first, verso)
        if r.last is not None:
            s += "–" + _format_folio(r.last, verso)
        parts.append(s)
    plural = locator.is_plural
    key = (
        ("leaves" if plural else "leaf")
        if locator.unit == "leaf"
        else ("pages" if plural else "page")
    )
    return f"{labels[key]} {', '.join(parts)}"


def format_reference(ref: ArchivalReference, style: Style | str = "en") -> str:
    """Write a reference in a notation style.

    Styles: ``"en"`` (English abbreviated, the default), ``"en-full"``
    (English full words), ``"ru"`` (Cyrillic, GOST full-stop style), ``"de"``
    (German) and ``"short"``, the compact form English-language notes use
    for subsequent citations ("RGASPI 558/11/62, ll. 71–72"; a reference that
    cannot be written so, such as one without an archive or with a papka,
    falls back to ``"en"``). Parsing the result gives back an equal reference.

    >>> ref = parse("РГАСПИ. Ф. 17. Оп. 162. Д. 7. Л. 99.")
    >>> format_reference(ref, "short")
    'RGASPI 17/162/7, l. 99'
    """
    if style not in STYLES:
        raise ValueError(f"unknown style {style!r}; choose one of {', '.join(STYLES)}")
    if style == "short":
        return _format_short(ref)
    archive = ref.archive
    label_set = archive.labels if archive is not None else "ru"
    labels = _labels(label_set, style)
    parts: list[str] = []
    if archive is not None:
        name = (
            archive.acronym_cyrillic if style == "ru" and archive.acronym_cyrillic else archive.id
        )
        parts.append(name)
    elif ref.archive_as_cited:
        parts.append(ref.archive_as_cited)
    seen_delo = False
    levels = list(ref.levels)
    if label_set == "et" and [lv.kind for lv in levels[:3]] == ["fond", "opis", "delo"]:
        dotted = ".".join(lv.value for lv in levels[:3])  # ERAF.9596.1.18
        if _DOTTED.fullmatch(dotted):
            parts.append(dotted)
            levels = levels[3:]
            seen_delo = True
    script = _script(label_set) if style == "ru" else "Latn"
    table = _table(label_set) if label_set in label_sets() else _table()
    bare, own, ordinal = table.bare_first, table.own, table.ordinal
    for n, level in enumerate(levels):
        if level.kind == "section":
            s = level.value if level.title is None else f"{level.title} ({level.value})"
            parts.append(s)
            continue
        value = identifier_in_script(level.value, script)
        if n > 0 and level.kind == "opis" == levels[n - 1].kind and parts:
            parts[-1] += f", {value}"  # a list of opisi: "Оп. 1, 2"
            continue
        label = labels.get(level.kind, level.kind)
        word = label.rstrip(".").casefold()
        if level.kind == "year":
            year_first = word in own
            piece = f"{label} {value}" if year_first else f"{value} {label}"
        elif (
            n == 0 and level.kind == bare and level.label is None and not _IDENT_LIKE.match(value)
        ) or (n > 0 and table.bare_next.get(levels[n - 1].kind) == level.kind):
            piece = value  # a fond cited by its name alone ("KSČ-ÚV"), an item after a box
        elif word in ordinal:
            piece = f"{value}. {label}"  # "4. doboz"
        else:
            if level.kind == "papka" and seen_delo:
                label = _PAPKA_AFTER_DELO.get(style, label)  # "p." after delo reads as a page
            piece = f"{label} {value}"
        if level.title:
            piece += f" ({level.title})"
        seen_delo = seen_delo or level.kind == "delo"
        parts.append(piece)
    if ref.folios is not None:
        parts.append(format_locator(ref.folios, style, label_set))
    sep = ", " if own and script == "Latn" else _SEP[style]  # "ANIC, fond ..., dosar 12"
    return _join(parts, sep)


def with_archive_name(ref: ArchivalReference, core: str, style: Style | str) -> str:
    """``core`` (the levels and leaves, written) after the archive's name, as a style writes it.

    The notation families whose levels follow their archive's name as one
    signature (the UK and US National Archives, the Bundesarchiv) share this:
    ``"short"`` leaves the name out, ``"en-full"`` writes the full name and
    the city, ``"ru"`` ends the name with a full stop; the others write the
    registry id, or the name as cited when the registry does not know it.
    """
    if style == "short":
        return core
    archive = ref.archive
    if archive is not None:
        name = archive.id
        if style == "en-full":
            name = f"{archive.name_en}, {archive.city}" if archive.city else archive.name_en
    else:
        name = ref.archive_as_cited or ""
    if not name:
        return core
    return f"{name}{'. ' if style == 'ru' else ', '}{core}"


_SHORT_ID = re.compile(r"\d+[^\W\d_]?")
#: An identifier that reads as one only after its label ("R-5", "14/AP", "0100"); a
#: name ("KSČ-ÚV", "BU 0296/13") is written bare where its label set allows it.
_IDENT_LIKE = re.compile(r"[^\W\d_]{0,4}[-‐‑‒–—−]?\d")


def _format_short(ref: ArchivalReference) -> str:
    """ "RGASPI 558/11/62, ll. 71–72", or the "en" form where that cannot be read back."""
    levels = ref.levels
    name = ref.archive.id if ref.archive is not None else ref.archive_as_cited
    own_labels = ref.archive is not None and bool(_archive_table(ref.archive).own)
    if (
        name is None
        or own_labels  # "AQSH 14/1/24" would not say which labels it stands for
        or [lv.kind for lv in levels] != ["fond", "opis", "delo"]
        or not all(_SHORT_ID.fullmatch(lv.value) for lv in levels)
        or any(lv.title for lv in levels)
    ):
        return format_reference(ref, "en")
    out = f"{name} {'/'.join(lv.value for lv in levels)}"
    if ref.folios is not None:
        label_set = ref.archive.labels if ref.archive is not None else "ru"
        out += ", " + format_locator(ref.folios, "en", label_set)
    return out


def _join(parts: Sequence[str], sep: str) -> str:
    """Join with ``sep``, without doubling a full stop ("1806 г.. Оп." -> "1806 г. Оп.")."""
    out = parts[0] if parts else ""
    for part in parts[1:]:
        out += (sep.lstrip(".") if out.endswith(".") and sep.startswith(".") else sep) + part
    return out


# --------------------------------------------------------------------------- rules


_CYRILLIC = re.compile("[\u0400-\u04ff]")


def current_name(archive: Archive, cited: str) -> str:
    """The archive's current name written as ``cited`` wrote its former one.

    An acronym (no space in it) becomes the current acronym, a name the
    current full name, each in the script of ``cited``:

    >>> from archref.registry import default_registry
    >>> rgani = default_registry().get("RGANI")
    >>> current_name(rgani, "TsKhSD"), current_name(rgani, "ЦХСД")
    ('RGANI', 'РГАНИ')
    """
    cyrillic = _CYRILLIC.search(cited) is not None
    if " " not in cited.strip():
        return archive.acronym_cyrillic or archive.id if cyrillic else archive.id
    return archive.name_ru or archive.name_en if cyrillic else archive.name_en


def former_name_diagnostic(
    ref: ArchivalReference, suggestion: str, *, fix: str | None = None
) -> Diagnostic | None:
    """ARC102 (warning) for a reference whose archive is cited by a former name, at
    that name in ``ref.text``; ``None`` when it is not.

    The notations that write their archive's name before one signature (the UK and
    US National Archives, the Bundesarchiv, the signature archives) share it. The fix
    is ``fix``, by default the current name written as the former one was
    (:func:`current_name`), and only where the name is found in the text.
    """
    text = ref.text or ""
    archive, cited = ref.archive, ref.archive_as_cited
    former = archive.former_name(cited) if archive is not None and cited else None
    if archive is None or not cited or former is None:
        return None
    at = text.find(cited)
    start, end = (at, at + len(cited)) if at >= 0 else (0, len(text))
    return Diagnostic(
        "ARC102",
        f"{former} is a former name of {archive.id}; cite the archive by its current name",
        "warning",
        start,
        end,
        text[start:end],
        suggestion=suggestion,
        fix=(current_name(archive, cited) if fix is None else fix) if at >= 0 else None,
    )


def _span_of(ref: ArchivalReference, part: str | None) -> tuple[int, int, str]:
    text = ref.text or ""
    if part:
        at = text.find(part)
        if at >= 0:
            return at, at + len(part), part
    return 0, len(text), text


def validate(ref: ArchivalReference) -> list[Diagnostic]:
    """The fond-family rules: what is worth a reader's attention in a reference.

    Offsets point into ``ref.text`` (the reference as it was written).

    >>> [(d.code, d.suggestion) for d in validate(parse("TsKhSD, f. 5, op. 28, d. 103, l. 2"))]
    [('ARC102', 'RGANI, f. 5, op. 28, d. 103, l. 2')]
    >>> [d.code for d in validate(parse("Личный архив автора. Д. 595. Л. 186–189."))]
    ['ARC101']
    """
    out: list[Diagnostic] = []
    archive, cited = ref.archive, ref.archive_as_cited
    if cited and ref.text is not None and cited not in ref.text:
        cited = None  # a chain link or an "ibid." does not write the archive's name again
    if archive is None and cited:
        start, end, text = _span_of(ref, cited)
        hint, suggestion = unknown_archive(ref, cited)
        out.append(
            Diagnostic(
                "ARC101",
                f"archive {cited!r} is not in the registry{hint}",
                "info",
                start,
                end,
                text,
                suggestion=suggestion,
            )
        )
    elif archive is None and ref.archive_as_cited is None:
        out.append(
            Diagnostic(
                "ARC103",
                "the reference names no archive",
                "warning",
                0,
                len(ref.text or ""),
                ref.text or "",
            )
        )
    if (
        archive is not None
        and cited
        and (meant := misspelt_archive(cited)) is not None
        and default_registry().get(meant) == archive
    ):
        start, end, text = _span_of(ref, cited)
        out.append(
            Diagnostic(
                "ARC106",
                f"archive {cited!r} is not in the registry; read as {meant!r} ({archive.id}),"
                " one letter away",
                "warning",
                start,
                end,
                text,
                suggestion=format_reference(ref),
                fix=meant if text == cited else None,
            )
        )
    if archive is not None and cited and archive.former_name(cited) is not None:
        former = archive.former_name(cited)
        years = f" {former}" if former is not None else cited
        start, end, text = _span_of(ref, cited)
        out.append(
            Diagnostic(
                "ARC102",
                f"{years.strip()} is a former name of {archive.id}; cite the archive by its"
                " current name",
                "warning",
                start,
                end,
                text,
                suggestion=format_reference(ref),
                fix=current_name(archive, cited) if text == cited else None,
            )
        )
    for level in ref.levels:
        if level.kind != "fond" or level.text is None:
            continue
        if canonical_identifier(level.text) != level.value:
            start, end, text = _span_of(ref, level.text)
            out.append(
                Diagnostic(
                    "ARC105",
                    f"fond {level.text!r}: a Latin {level.text[0]!r} for the Cyrillic"
                    f" {identifier_in_script(level.value, 'Cyrl')[0]!r} of the archive's"
                    f" prefixes; read as fond {level.value}",
                    "warning",
                    start,
                    end,
                    text,
                    suggestion=format_reference(ref),
                )
            )
    folios = ref.folios
    if (
        folios is not None
        and folios.unit == "page"
        and folios.label in {"pp.", "p.", "pp", "p"}
        and (archive is None or archive.labels in {"ru", "uk", "bg"})
    ):
        start, end, text = _span_of(ref, f"{folios.label} {folios.text}")
        out.append(
            Diagnostic(
                "ARC104",
                "archival files of the fond family are foliated: leaves are cited with"
                " 'l.'/'ll.', not pages",
                "info",
                start,
                end,
                text,
                suggestion=format_reference(
                    attrs.evolve(ref, folios=attrs.evolve(folios, unit="leaf"))
                ),
            )
        )
    return out
