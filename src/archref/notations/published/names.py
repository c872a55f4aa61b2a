"""Names of persons: "Bajanov, Evgueni", "Andrei Ledovskii", "Хлевнюк О. В."."""

from __future__ import annotations

from archref.model import ParseError, Person

from ._words import _INSTITUTION_WORDS, _PARTICLES, _SUFFIXES

__all__ = ["parse_person"]


def _is_initial_word(w: str) -> bool:
    """ "О.", "В.", "О.В.", "Yu.", "A.S." -- initials, written with their full stops."""
    if not w.endswith(".") or len(w) < 2:
        return False
    parts = w[:-1].split(".")
    return any(parts) and all(
        p == "" or (len(p) <= 2 and p[0].isupper() and (len(p) == 1 or p[1:].islower()))
        for p in parts
    )


def parse_person(text: str) -> Person:
    """Read one name: "Bajanov, Evgueni", "Andrei Ledovskii", "Хлевнюк О. В.", "О. В. Хлевнюк".

    A name with the words of an institution is kept whole in ``literal``.

    >>> parse_person("Bajanov, Evgueni")
    Person(family='Bajanov', given='Evgueni', suffix=None, literal=None)
    >>> parse_person("Хлевнюк О. В.")
    Person(family='Хлевнюк', given='О. В.', suffix=None, literal=None)
    >>> parse_person("William Stueck Jr.")
    Person(family='Stueck', given='William', suffix='Jr.', literal=None)
    >>> parse_person("U.S. Department of State").literal
    'U.S. Department of State'
    """
    raw = " ".join(text.split()).strip(" ,;")
    if not raw:
        raise ParseError("empty name", text, 0, len(text))
    words = raw.replace(",", " , ").split()
    folded = {w.casefold().strip(".,") for w in words}
    lower = [
        w
        for w in words
        if w != "," and w[0].islower() and w.casefold() not in _PARTICLES and w.isalpha()
    ]
    if folded & _INSTITUTION_WORDS or lower:
        return Person(literal=raw, text=text)
    if "," in raw:
        family, _, rest = raw.partition(",")
        given, _, suffix = rest.partition(",")
        given_words = given.split()
        if not suffix and given_words and given_words[-1].casefold() in _SUFFIXES:
            suffix = given_words.pop()
        return Person(
            family=family.strip() or None,
            given=" ".join(given_words) or None,
            suffix=suffix.strip() or None,
            text=text,
        )
    words = raw.split()
    suffix_word: str | None = None
    if len(words) > 2 and words[-1].casefold() in _SUFFIXES:
        suffix_word = words.pop()
    if len(words) == 1:
        return Person(family=words[0], suffix=suffix_word, text=text)
    if not _is_initial_word(words[0]) and all(_is_initial_word(w) for w in words[1:]):
        return Person(family=words[0], given=" ".join(words[1:]), suffix=suffix_word, text=text)
    k = len(words) - 1
    while k > 1 and words[k - 1].casefold() in _PARTICLES:
        k -= 1
    return Person(
        family=" ".join(words[k:]),
        given=" ".join(words[:k]),
        suffix=suffix_word,
        text=text,
    )
