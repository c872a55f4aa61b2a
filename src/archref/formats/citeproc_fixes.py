"""archref's corrections to citeproc-py, kept apart from citeproc-py itself.

citeproc-py builds a style as a tree of lxml elements whose Python classes
(``Text``, ``Names``, ``Substitute``...) do the rendering. archref parses
styles and locales with its *own* element-class lookup, in which each of
those classes is replaced by a subclass defined here. The subclasses
override only the methods that need correcting or caching and call
citeproc-py for the rest. citeproc-py itself is never modified: other code
in the same process that uses citeproc-py directly gets its stock
behaviour.

Each correction is listed in ``docs/formatting.md`` with its cause in
citeproc-py and the test that covers it. In short:

* **caching** of macro, layout, term, option and ``calls_variable`` look-ups,
  which citeproc-py repeats with XPath for every element of every entry;
* **substitution**: variables used by ``cs:substitute`` (also through
  ``cs:choose`` and macros) are suppressed in the rest of the entry, and a
  shorthand ``cs:names`` inside a substitute inherits the name and label
  options of its parent;
* **labels**: a ``cs:label`` needs its variable, and counts as descriptive
  text, not as a variable, when a ``cs:group`` decides whether to print;
* **names** are written as citeproc-js writes them (``Name._names_list``,
  ``Name._one_name``): particles and suffixes in place, each part with its
  ``cs:name-part`` formatting, the delimiters before "and" and "et al.",
  ``initialize="false"``, abbreviations kept among initials; names
  variables with hyphens (``collection-editor``...) are found;
* **display**: ``display`` and ``second-field-align`` in a bibliography
  entry become blocks of its HTML;
* **pages**: ``page-range-format`` on ranges with prefixes, other ranges
  left as given;
* **text case** follows citeproc-js (stop words, one-letter words, words
  already capitalised, ``nocase`` spans);
* **quotes and formatting** are written as neutral markers (see
  ``archref.formats._markup``), so punctuation can be moved into quotation
  marks and the data escaped afterwards;
* **positions**: locators are compared by value for ``ibid-with-locator``;
* **cite grouping and collapsing** (``collapse``, year suffixes included,
  ``cite-group-delimiter``, ``year-suffix-delimiter``,
  ``after-collapse-delimiter``), as citeproc-js does them;
* **disambiguation** of the cites of a document (``disambiguate-add-names``,
  ``disambiguate-add-givenname`` with its rules, ``disambiguate-add-year-suffix``,
  ``<if disambiguate="true">``), names added also shown in the bibliography;
* **dates**: a style's ``cs:date-part`` overrides no longer leak into the
  shared locale date formats;
* **sorting** compares keys as citeproc-js does (``_markup.sort_key``:
  no markup, case, accents or punctuation, words kept apart, numbers by
  value), dates in macro keys as digits, and names keys without their
  labels;
* **subsequent-author-substitute** replaces names repeated from the previous
  bibliography entry ("——"), with the four rules of CSL 1.0.2.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import threading
from collections.abc import Callable, Iterator
from typing import Any, Final

import attrs
from citeproc import LANGUAGE_NAMES, LOCALES_PATH, PRIMARY_DIALECTS
from citeproc import model as cm
from citeproc.source import CitationItem, DateRange, Locator, VariableError
from citeproc.source import Date as SourceDate
from citeproc.source import Name as SourceName
from citeproc.string import MixedString, NoCase, String, join
from lxml import etree  # type: ignore[import-untyped]

from archref.formats import _markup as mk

CSL_NAMESPACE: Final = "http://purl.org/net/xbiblio/csl"

_SUPPRESSED: Final = " archref-suppressed"
_LOGS: Final = " archref-logs"
_GROUPING: Final = "_archref_grouping"


# ---------------------------------------------------------------------------
# Helpers


def _cache(element: Any) -> dict[str, Any]:
    """Per-element cache, stored on the Python proxy of the element.

    The proxies stay alive as long as the style (``ParsedStyle`` keeps a
    reference to every element), so the cache lives as long as the style.
    """
    return element.__dict__  # type: ignore[no-any-return]


def _state(context: Any) -> dict[str, Any]:
    """Per-entry rendering state of the style that *context* belongs to.

    citeproc-py assigns a new dict to ``layout.repressed`` before each entry,
    each citation item and each sort key; archref's ``Layout`` notes that
    dict on the style root as the current state, so archref's own state is
    reset at the same moments.
    """
    root = context.get_root()
    if isinstance(root, cm.Locale):
        root = root.style
    state: dict[str, Any] | None = root.__dict__.get("_archref_state")
    if state is None:
        state = {}
        root.__dict__["_archref_state"] = state
    return state


def _suppressed(context: Any) -> set[str]:
    state = _state(context)
    result: set[str] = state.setdefault(_SUPPRESSED, set())
    return result


def _log(context: Any, variable: str) -> None:
    logs: list[set[str]] | None = _state(context).get(_LOGS)
    if logs:
        for log in logs:
            log.add(variable)


def _segments(text: Any) -> list[Any]:
    if isinstance(text, MixedString):
        out: list[Any] = []
        for part in text:
            out.extend(_segments(part))
        return out
    return [text]


def case_text(text: Any, text_case: str) -> Any:
    """Apply *text_case* to a citeproc-py string, keeping its no-case parts."""
    segments = _segments(text)
    pieces = [str(s) for s in segments]
    full = "".join(pieces)
    nocase: list[tuple[int, int]] = []
    pos = 0
    for segment, piece in zip(segments, pieces, strict=True):
        if isinstance(segment, NoCase):
            nocase.append((pos, pos + len(piece)))
        pos += len(piece)
    cased = mk.apply_case(full, text_case, nocase)
    if cased == full:
        return text
    out: list[Any] = []
    pos = 0
    for segment, piece in zip(segments, pieces, strict=True):
        chunk = cased[pos : pos + len(piece)]
        pos += len(piece)
        out.append(NoCase(chunk) if isinstance(segment, NoCase) else String(chunk))
    if len(out) == 1:
        return out[0]
    return MixedString(out)


# ---------------------------------------------------------------------------
# The formatter: neutral markers instead of output markup


def _wrapper(pair: tuple[str, str]) -> Callable[[Any], Any]:
    def wrap(text: Any) -> Any:
        if isinstance(text, MixedString):
            return String(pair[0]) + text + String(pair[1])
        # a plain string stays one (citeproc-py joins name parts with str.join)
        return String(f"{pair[0]}{text}{pair[1]}")

    return wrap


class NeutralFormatter:
    """A citeproc-py formatter writing ``archref.formats._markup`` markers."""

    @staticmethod
    def preformat(text: Any) -> Any:
        return text

    Italic = staticmethod(_wrapper(mk.ITALIC))
    Oblique = staticmethod(_wrapper(mk.ITALIC))
    Bold = staticmethod(_wrapper(mk.BOLD))
    Light = staticmethod(lambda text: text)
    Underline = staticmethod(_wrapper(mk.UNDERLINE))
    Superscript = staticmethod(_wrapper(mk.SUPERSCRIPT))
    Subscript = staticmethod(_wrapper(mk.SUBSCRIPT))
    SmallCaps = staticmethod(_wrapper(mk.SMALL_CAPS))


# ---------------------------------------------------------------------------
# Citation items


class ArchrefLocator(Locator):  # type: ignore[misc]
    """A locator that compares by value (citeproc-py compares by identity)."""

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Locator):
            return NotImplemented
        return bool(self.label == other.label and str(self.identifier) == str(other.identifier))

    def __hash__(self) -> int:
        return hash((self.label, str(self.identifier)))


class ArchrefCitationItem(CitationItem):  # type: ignore[misc]
    """A citation item that keeps the case of its key (citeproc-py lowers it).

    Its reference is looked up once (``bind``) rather than through three
    dictionary look-ups each time the style reads a variable.
    """

    reference: Any = None

    def __init__(self, key: str, **args: Any) -> None:
        super().__init__(key, **args)
        self.key = key
        object.__setattr__(self, "key", key)

    def bind(self, reference: Any) -> None:
        object.__setattr__(self, "reference", reference)


# ---------------------------------------------------------------------------
# Cite grouping and collapsing (CSL 1.0.2, "Cite Grouping", "Cite Collapsing")


@attrs.frozen
class _GroupingOptions:
    """What a ``cs:citation`` asks for in grouping and collapsing its cites."""

    collapse: str | None
    group_delimiter: str | None
    after_collapse_delimiter: str | None
    year_suffix_delimiter: str | None
    layout_delimiter: str
    in_text: bool
    numeric: bool
    grouped_sort: bool


def _calls_variable_anywhere(element: Any, variable: str, seen: set[str] | None = None) -> bool:
    """Whether *element* or a macro it calls renders ``<text variable=...>``."""
    seen = set() if seen is None else seen
    for node in element.iter(f"{{{CSL_NAMESPACE}}}text"):
        if node.get("variable") == variable:
            return True
        macro = node.get("macro")
        if macro is not None and macro not in seen:
            seen.add(macro)
            if _calls_variable_anywhere(node.get_macro(macro), variable, seen):
                return True
    return False


def grouping_options(area: Any) -> _GroupingOptions | None:
    """The grouping options of a ``cs:citation``, or None when it groups nothing."""
    cache = _cache(area)
    if "_archref_grouping_options" in cache:
        found: _GroupingOptions | None = cache["_archref_grouping_options"]
        return found
    options = None
    if isinstance(area, cm.Citation):
        collapse = area.get("collapse") or None
        group_delimiter = area.get("cite-group-delimiter") or None
        if collapse is not None or group_delimiter is not None:
            root = area.get_root()
            numeric = _calls_variable_anywhere(area, "citation-number")
            position = any(
                "position" in node.attrib
                for node in root.iter(f"{{{CSL_NAMESPACE}}}if", f"{{{CSL_NAMESPACE}}}else-if")
            )
            in_text = root.get("class") == "in-text"
            options = _GroupingOptions(
                collapse=collapse,
                group_delimiter=group_delimiter,
                after_collapse_delimiter=area.get("after-collapse-delimiter"),
                year_suffix_delimiter=area.get("year-suffix-delimiter"),
                layout_delimiter=area.layout.get("delimiter", ""),
                in_text=in_text,
                numeric=numeric,
                # citeproc-js: grouped sorting for in-text styles that collapse,
                # or for any style with a cite-group-delimiter whose rendering
                # does not depend on positions or citation numbers
                grouped_sort=(in_text and collapse is not None)
                or (group_delimiter is not None and not position and not numeric),
            )
    cache["_archref_grouping_options"] = options
    return options


class _Entry:
    """One rendered cite of a citation, with what collapsing needs to know."""

    def __init__(self, text: Any, cite: Any) -> None:
        self.text = text
        self.cite = cite
        self.delimiter = ""
        self.collapsed = False
        self.variables: frozenset[str] = frozenset()
        #: the cite left out its names, as the previous cite's (collapse)
        self.names_cut = False
        #: the year the cite prints and its year suffix, for collapsing
        #: year suffixes
        self.year: str | None = None
        self.suffix: str | None = None


class _Grouping:
    """Grouping state of the citation being rendered.

    Each ``cs:names`` that renders names reports them here. When they are
    the names the previous cite printed, the cite is grouped with it: with
    ``collapse`` set, its names are left out ("Ledovskii 2005, 81, 2005,
    81"); with ``cite-group-delimiter``, that delimiter joins the two. The
    delimiter before each cite then follows citeproc-js
    (``splice_delimiter``).
    """

    def __init__(self, options: _GroupingOptions, *, cutting: bool) -> None:
        self.options = options
        self.cutting = cutting
        self.last_names: str | None = None
        self.use_group_delimiter = False
        self.have_collapsed = False
        self.cut = False
        self.depth = 0
        self.author: str | None = None
        self.names_cut = False
        self.year: str | None = None
        self.suffix: str | None = None

    def start_cite(self) -> None:
        self.have_collapsed = self.options.collapse is not None
        self.cut = False
        self.depth = 0
        self.author = None
        self.names_cut = False
        self.year = None
        self.suffix = None

    def names_rendered(self, text: str) -> None:
        self.author = text
        if not self.cutting:
            return
        if text == self.last_names:
            if self.options.collapse is not None:
                self.cut = True
            if self.options.group_delimiter is not None:
                self.use_group_delimiter = True
        else:
            self.last_names = text
            self.have_collapsed = False
            self.use_group_delimiter = False

    def splice_delimiter(self, previous: _Entry) -> str:
        """The delimiter before the cite just rendered, after *previous*."""
        options = self.options
        after_collapse = options.after_collapse_delimiter
        if after_collapse is not None:
            if previous.cite.has_locator:
                return after_collapse
            if not self.have_collapsed and (
                previous.collapsed or options.collapse != "year-suffix"
            ):
                return after_collapse
            return options.layout_delimiter
        if self.use_group_delimiter and options.group_delimiter is not None:
            return options.group_delimiter
        if self.have_collapsed and options.in_text and not options.numeric:
            return ", "
        return options.layout_delimiter


def _grouping(context: Any) -> _Grouping | None:
    found: _Grouping | None = context.get_root().__dict__.get(_GROUPING)
    return found


def _collapse_numbers(entries: list[_Entry]) -> list[_Entry]:
    """Runs of three or more consecutive citation numbers become ranges ("[1]–[3]")."""

    def number(entry: _Entry) -> int | None:
        cite = entry.cite
        # only a cite that prints nothing but its number (a locator the
        # style prints keeps it apart)
        if entry.variables != {"citation-number"}:
            return None
        if cite.get("prefix") or cite.get("suffix"):
            return None
        return int(cite.number)

    out: list[_Entry] = []
    index = 0
    while index < len(entries):
        first = number(entries[index])
        end = index + 1
        if first is not None:
            while end < len(entries) and number(entries[end]) == first + (end - index):
                end += 1
        if end - index >= 3:
            merged = _Entry(
                entries[index].text + "\u2013" + entries[end - 1].text, entries[index].cite
            )
            merged.delimiter = entries[index].delimiter
            out.append(merged)
            index = end
        else:
            out.append(entries[index])
            index += 1
    return out


def _style_root(context: Any) -> Any:
    root = context.get_root()
    return root.style if isinstance(root, cm.Locale) else root


def _collapse_year_suffixes(entries: list[_Entry], options: _GroupingOptions) -> list[_Entry]:
    """Cites of one author and year print their year suffix alone ("2000a, b").

    A cite whose names were left out (``collapse``) and that prints nothing
    but the year of the cite before it and its own year suffix becomes that
    suffix, after ``cite-group-delimiter``, ``year-suffix-delimiter`` or the
    layout's delimiter, the first of them the style sets (as in
    citeproc-js). With ``year-suffix-ranged``, three or more consecutive
    suffixes become a range ("2000a–c").
    """
    delimiter = options.group_delimiter
    if delimiter is None:
        delimiter = options.year_suffix_delimiter
    if delimiter is None:
        delimiter = options.layout_delimiter
    out: list[_Entry] = []
    run: list[_Entry] = []  # the head of a run of one year, then its suffixes
    for entry in entries:
        previous = run[0] if run else None
        alone = (
            previous is not None
            and entry.names_cut
            and entry.suffix is not None
            and entry.year == previous.year
            and not entry.cite.has_locator
            and mk.strip_markers(str(entry.text)) == f"{entry.year}{entry.suffix}"
        )
        if alone:
            entry.text = String(entry.suffix or "")
            entry.delimiter = delimiter
            run.append(entry)
            continue
        out.extend(_range_suffixes(run) if options.collapse == "year-suffix-ranged" else run)
        run = [entry] if entry.suffix is not None and entry.year is not None else []
        if not run:
            out.append(entry)
    out.extend(_range_suffixes(run) if options.collapse == "year-suffix-ranged" else run)
    return out


def _range_suffixes(run: list[_Entry]) -> list[_Entry]:
    """Three or more consecutive year suffixes of a run as a range."""
    out: list[_Entry] = []
    index = 0
    while index < len(run):
        end = index + 1
        while end < len(run) and _next_suffix(run[end - 1].suffix) == run[end].suffix:
            end += 1
        if end - index >= 3:
            first = run[index]
            first.text = first.text + String("\u2013" + (run[end - 1].suffix or ""))
            out.append(first)
        else:
            out.extend(run[index:end])
        index = end
    return out


def _next_suffix(letters: str | None) -> str | None:
    if letters is None:
        return None
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("a") + 1
    return year_suffix(number)


# ---------------------------------------------------------------------------
# Disambiguation (CSL 1.0.2, "Disambiguation")

_DISAMBIGUATION: Final = "_archref_disambiguation"
_LOOKING: Final = "_archref_looking"
_NAME_OPTIONS: Final = " archref-name-options"
_ITEM: Final = " archref-item"
_YEAR_SUFFIX_DONE: Final = " archref-year-suffix-done"


@attrs.define
class Disambiguation:
    """How one item's cites are disambiguated from the other items' cites."""

    names: int = 0
    year_suffix: int | None = None
    condition: bool = False
    #: disambiguate-add-givenname: for the index of a name, 1 to show its
    #: initials (a full given name where the style sets no initials), 2 its
    #: full given name
    given: dict[int, int] = attrs.field(factory=dict)


def year_suffix(number: int) -> str:
    """The letters of the *number*-th year suffix (0: "a", 25: "z", 26: "aa").

    >>> [year_suffix(n) for n in (0, 1, 25, 26, 27)]
    ['a', 'b', 'z', 'aa', 'ab']
    """
    letters = ""
    number += 1
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def _disambiguation(context: Any, item: Any) -> Disambiguation | None:
    table: dict[str, Disambiguation] | None = context.get_root().__dict__.get(_DISAMBIGUATION)
    if not table:
        return None
    return table.get(item.key)


def _citation_options(area: Any) -> tuple[bool, bool, bool]:
    """add-names, add-year-suffix and a disambiguate condition in the style."""
    root = area.get_root()
    condition = any(
        "disambiguate" in node.attrib
        for node in root.iter(f"{{{CSL_NAMESPACE}}}if", f"{{{CSL_NAMESPACE}}}else-if")
    )
    names = (area.get("disambiguate-add-names") or "").lower() == "true"
    years = (area.get("disambiguate-add-year-suffix") or "").lower() == "true"
    return names, years, condition


def _givenname_rule(area: Any) -> str | None:
    """The ``givenname-disambiguation-rule`` when given names may be added."""
    if (area.get("disambiguate-add-givenname") or "").lower() != "true":
        return None
    return str(area.get("givenname-disambiguation-rule") or "by-cite")


def _persons(reference: Any) -> list[Any]:
    """The names a cite shows first: those of the first names variable given."""
    for variable in cm.NAMES:
        names = reference.get(variable)
        if names:
            return [name for name in names if isinstance(name, SourceName)]
    return []


def _family(name: Any) -> tuple[str, str]:
    return (str(name.get("non-dropping-particle") or ""), str(name.get("family") or ""))


def _same_given(name: Any) -> str:
    """A given name as compared to tell persons apart ("J. J." is "J.J.")."""
    return re.sub(r"[\s.]+", "", str(name.get("given") or ""))


def _given_level(name: Any, others: list[Any], mark: str, *, initials_only: bool) -> int:
    """How far *name* must be expanded to differ from *others* of its family."""
    given = str(name.get("given") or "")
    rivals = [
        str(other.get("given") or "")
        for other in others
        if _family(other) == _family(name) and _same_given(other) != _same_given(name)
    ]
    if not given or not rivals:
        return 0
    mine = initialize_given(given, mark)
    if all(initialize_given(rival, mark) != mine for rival in rivals):
        return 1
    # initials that tell nothing apart are not shown (citeproc-js)
    return 0 if initials_only else 2


def _style_places_year_suffix(root: Any) -> bool:
    cache = _cache(root)
    if "_archref_year_suffix" not in cache:
        cache["_archref_year_suffix"] = any(
            node.get("variable") == "year-suffix" for node in root.iter(f"{{{CSL_NAMESPACE}}}text")
        )
    return bool(cache["_archref_year_suffix"])


def _names_count(reference: Any) -> int:
    counts = [len(value) for value in reference.values() if isinstance(value, list)]
    return max(counts, default=0)


def disambiguate(
    style_root: Any, cites: list[Any], order: list[str], *, citations: bool = True
) -> dict[str, Disambiguation]:
    """Disambiguate the cites of a document, as citeproc-js does.

    *cites* holds one citation item for each item cited (bound to its
    reference and to a citation of the bibliography); *order* lists their
    keys in the bibliography's order, which the year suffixes follow. Each
    item is rendered in the form it takes in a later note ("subsequent",
    no locator). Items whose forms are equal are ambiguous; for them, in the
    order of the specification, more names are shown
    (``disambiguate-add-names``), year suffixes are given
    (``disambiguate-add-year-suffix``), and failing those
    ``<if disambiguate="true">`` holds. For a bibliography alone
    (*citations* false) only year suffixes matter.
    """
    area = style_root.citation
    table: dict[str, Disambiguation] = {cite.key: Disambiguation() for cite in cites}
    if area is None or len(cites) < 2:
        return table
    add_names, add_years, condition = _citation_options(area)
    rule = _givenname_rule(area)
    if not (add_years or (citations and (add_names or condition or rule))):
        return table
    mark = _initials_mark(area)
    initials_only = rule is not None and rule.endswith("-with-initials")
    if rule is not None and rule != "by-cite":
        # global rules: every name that another person's name of the same
        # family would leave ambiguous is expanded, in every cite
        everyone = [name for cite in cites for name in _persons(cite.reference)]
        if rule.startswith("primary-name"):
            # only the first name of each cite is told apart, from the first
            # names of the others: a co-author ("Lewis and Lewis") or a name
            # et-al hides does not make it ambiguous (citeproc-js)
            everyone = [persons[0] for cite in cites if (persons := _persons(cite.reference))]
        for cite in cites:
            persons = _persons(cite.reference)
            if rule.startswith("primary-name"):
                persons = persons[:1]
            for index, name in enumerate(persons):
                level = _given_level(name, everyone, mark, initials_only=initials_only)
                if level:
                    table[cite.key].given[index] = level
    layout = area.layout
    by_key = {cite.key: cite for cite in cites}
    root_dict = style_root.__dict__
    saved = root_dict.get(_DISAMBIGUATION)
    root_dict[_DISAMBIGUATION] = table
    root_dict[_LOOKING] = True
    try:

        def form(key: str) -> str:
            layout.repressed = {}
            try:
                text = layout.render_children(by_key[key])
            except VariableError:
                text = None
            return mk.strip_markers(str(text)) if text is not None else ""

        def clashes(keys: list[str]) -> list[list[str]]:
            sets: dict[str, list[str]] = {}
            for key in keys:
                sets.setdefault(form(key), []).append(key)
            return [group for group in sets.values() if len(group) > 1]

        for group in clashes(list(by_key)):
            pending = group
            if add_names:
                pending = _add_names(pending, table, by_key, form)
            if rule is not None and len(pending) > 1:
                pending = _add_given_names(
                    pending, table, by_key, form, mark=mark, initials_only=initials_only
                )
            if len(pending) < 2:
                continue
            for still in clashes(pending):
                if add_years:
                    ranked = sorted(still, key=order.index)
                    for number, key in enumerate(ranked):
                        table[key].year_suffix = number
                elif condition:
                    for key in still:
                        table[key].condition = True
    finally:
        root_dict[_LOOKING] = False
        root_dict[_DISAMBIGUATION] = saved
    return table


def _add_names(
    group: list[str],
    table: dict[str, Disambiguation],
    cites: dict[str, Any],
    form: Callable[[str], str],
) -> list[str]:
    """Show more names in the cites of *group* while that tells more of them apart.

    Returns the keys still ambiguous; the others keep the fewest names that
    make their cites unique. A cite still ambiguous keeps the fewest names
    that left it with the fewest rivals, as in citeproc-js ("Smith, Brown,
    et al." apart from "Smith, Benson, et al.", though not from another
    "Smith, Brown, et al."); none more where more names told nothing apart.
    """
    pending = list(group)
    most = max(_names_count(cites[key].reference) for key in pending)
    best = {key: len(group) for key in pending}
    chosen = dict.fromkeys(pending, 0)
    extra = 0
    while len(pending) > 1 and extra < most:
        extra += 1
        for key in pending:
            table[key].names = extra
        forms = {key: form(key) for key in pending}
        counts: dict[str, int] = {}
        for text in forms.values():
            counts[text] = counts.get(text, 0) + 1
        for key in pending:
            if counts[forms[key]] < best[key]:
                best[key] = counts[forms[key]]
                chosen[key] = extra
        pending = [key for key in pending if counts[forms[key]] > 1]
    for key in pending:
        table[key].names = chosen[key]
    return pending


def _initials_mark(area: Any) -> str:
    mark = area.get("initialize-with") or area.get_root().get("initialize-with")
    for name in area.iter(f"{{{CSL_NAMESPACE}}}name"):
        mark = name.get("initialize-with", mark)
        break
    return str(mark) if mark is not None else ". "


def _add_given_names(
    group: list[str],
    table: dict[str, Disambiguation],
    cites: dict[str, Any],
    form: Callable[[str], str],
    *,
    mark: str,
    initials_only: bool,
) -> list[str]:
    """Expand the names of the cites of *group*, name by name, while they clash.

    Only a name that differs from the name in the same place of another cite
    of the group is expanded; returns the keys still ambiguous.
    """
    pending = list(group)
    most = max(len(_persons(cites[key].reference)) for key in pending)
    for index in range(most):
        if len(pending) < 2:
            break
        at_index = {key: _persons(cites[key].reference)[index : index + 1] for key in pending}
        changed = False
        for key in pending:
            if not at_index[key]:
                continue
            others = [name for other in pending if other != key for name in at_index[other]]
            level = _given_level(at_index[key][0], others, mark, initials_only=initials_only)
            if level > table[key].given.get(index, 0):
                table[key].given[index] = level
                changed = True
        if not changed:
            continue
        forms = {key: form(key) for key in pending}
        counts: dict[str, int] = {}
        for text in forms.values():
            counts[text] = counts.get(text, 0) + 1
        pending = [key for key in pending if counts[forms[key]] > 1]
    return pending


# ---------------------------------------------------------------------------
# Subsequent author substitute (CSL 1.0.2, cs:bibliography options)

_SUBSEQUENT: Final = "_archref_subsequent"
_SORTING: Final = "_archref_sorting"
_SLOT: Final = " archref-subsequent-slot"
_SUBSTITUTING: Final = " archref-substituting"
_SPOILED: Final = " archref-subsequent-spoiled"
_PIECES: Final = " archref-subsequent-pieces"


@attrs.define
class _Subsequent:
    """What ``subsequent-author-substitute`` compares across the entries."""

    substitute: str
    rule: str
    previous_whole: str | None = None
    previous_pieces: list[str] = attrs.Factory(list)


def _subsequent(context: Any) -> _Subsequent | None:
    root = context.get_root()
    if isinstance(root, cm.Locale):
        root = root.style
    found: _Subsequent | None = root.__dict__.get(_SUBSEQUENT)
    return found


def _replace_pieces(text: str, pieces: list[str], count: int, substitute: str) -> str:
    """*text* with its first *count* name *pieces*, found in order, substituted."""
    out: list[str] = []
    position = 0
    for piece in pieces[:count]:
        found = text.find(piece, position)
        if found < 0 or not piece:
            break
        out.append(text[position:found])
        out.append(substitute)
        position = found + len(piece)
    out.append(text[position:])
    return "".join(out)


def _substitute_names(subsequent: _Subsequent, text: Any, record: Any) -> Any:
    """The first names of an entry, with what repeats the previous entry substituted.

    *record* is what ``Name`` rendered (the names alone and each name), or
    None when the names element printed something else (a title through
    ``cs:substitute``), which is then compared as a whole.
    """
    full = str(text)
    names, pieces = record if record is not None else (full, [full])
    rule = subsequent.rule
    if rule in ("partial-each", "partial-first"):
        previous = subsequent.previous_pieces
        subsequent.previous_pieces = pieces
        count = 0
        while count < min(len(pieces), len(previous)) and pieces[count] == previous[count]:
            count += 1
        if rule == "partial-first":
            count = min(count, 1)
        if not count:
            return text
        replaced = _replace_pieces(names, pieces, count, subsequent.substitute)
    else:
        previous_whole = subsequent.previous_whole
        subsequent.previous_whole = names
        if names != previous_whole:
            return text
        if rule == "complete-each":
            replaced = _replace_pieces(names, pieces, len(pieces), subsequent.substitute)
        else:
            replaced = subsequent.substitute
    return String(full.replace(names, replaced, 1))


# ---------------------------------------------------------------------------
# Element classes


_FORM_FALLBACK: Final[dict[str, str | None]] = {
    "verb-short": "verb",
    "symbol": "short",
    "verb": None,
    "short": None,
}


class _Fast:
    """Cached versions of citeproc-py's look-ups, shared by every element."""

    __dict__: dict[str, Any]

    def xpath_search(self, expression: str) -> Any:
        # The style tree does not change while rendering, so the result of
        # an XPath expression from a given element never changes either.
        found: dict[str, Any] = _cache(self).setdefault("_archref_xpath", {})
        try:
            return found[expression]
        except KeyError:
            result = super().xpath_search(expression)  # type: ignore[misc]
            found[expression] = result
            return result

    def __getattr__(self, name: str) -> Any:
        # citeproc-py reads child elements as attributes (``self.layout``);
        # keep what is found. (A missing child is looked up again: citeproc-py
        # may add a default cs:name later.)
        if name.startswith("__"):
            raise AttributeError(name)
        child = self.find(f"cs:{name}", cm.SomewhatObjectifiedElement.nsmap)
        if child is not None:
            _cache(self)[name] = child
        return child

    def get_root(self) -> Any:
        cache = _cache(self)
        root = cache.get("_archref_root")
        if root is None:
            root = self.getroottree().getroot()
            cache["_archref_root"] = root
        return root

    def get_macro(self, name: str) -> Any:
        root = self.get_root()
        macros: dict[str, Any] | None = _cache(root).get("_archref_macros")
        if macros is None:
            macros = {}
            for macro in root.iterchildren(f"{{{CSL_NAMESPACE}}}macro"):
                macros.setdefault(macro.get("name"), macro)
            _cache(root)["_archref_macros"] = macros
        return macros[name]

    def get_layout(self) -> Any:
        cache = _cache(self)
        layout = cache.get("_archref_layout")
        if layout is None:
            layout = self.xpath_search("./ancestor-or-self::cs:layout[1]")[0]
            cache["_archref_layout"] = layout
        return layout

    def _area(self) -> Any:
        """The ``cs:citation`` or ``cs:bibliography`` this element is in."""
        cache = _cache(self)
        area = cache.get("_archref_area")
        if area is None:
            expression = "./ancestor::*[self::cs:citation or self::cs:bibliography][1]"
            area = self.xpath_search(expression)[0]
            cache["_archref_area"] = area
        return area

    def get_formatter(self) -> Any:
        return NeutralFormatter

    def get_term(
        self,
        name: str,
        form: str | None = None,
        fallback_locale: bool = True,
        zero_padded: bool = False,
    ) -> Any:
        root = self.get_root()
        terms: dict[tuple[Any, ...], Any] = _cache(root).setdefault("_archref_terms", {})
        key = (name, form, fallback_locale, zero_padded)
        try:
            return terms[key]
        except KeyError:
            pass
        term = super().get_term(name, form, fallback_locale, zero_padded)  # type: ignore[misc]
        if term is None and form in _FORM_FALLBACK:
            # CSL 1.0.2: a missing "verb-short" form falls back to "verb",
            # "symbol" to "short", and those to the long form
            term = self.get_term(name, _FORM_FALLBACK[form], fallback_locale, zero_padded)
        terms[key] = term
        return term

    def get_locale_option(self, name: str) -> Any:
        root = self.get_root()
        options: dict[str, Any] = _cache(root).setdefault("_archref_locale_options", {})
        if name not in options:
            options[name] = super().get_locale_option(name)  # type: ignore[misc]
        return options[name]

    def calls_variable(self) -> bool:
        cache = _cache(self)
        result = cache.get("_archref_calls_variable")
        if result is None:
            result = bool(super().calls_variable())  # type: ignore[misc]
            cache["_archref_calls_variable"] = result
        return result


class _Cased:
    """Text case as citeproc-js applies it."""

    def case(self, text: Any, language: str | None = None) -> Any:
        text_case = self.get("text-case")  # type: ignore[attr-defined]
        if text_case is None or text is None or text == "":
            return text
        if language == "":
            language = (self.get_root().get("default-locale") or "en")[:2]  # type: ignore[attr-defined]
        if text_case == "title" and language is not None and not language.startswith("en"):
            # Title case is for English only; citeproc-py passes the item's
            # language (or the style's default locale) for cs:text.
            return text
        if isinstance(text, int):
            text = String(str(text))
        return case_text(text, text_case)


class Style(_Fast, cm.Style):  # type: ignore[misc]
    def set_locale_list(self, output_locale: str, validate: bool = False) -> None:
        """Collect the locales to search, in the order CSL prescribes.

        Same order as citeproc-py; the locale files are parsed with archref's
        element classes so that their dates and terms are corrected too.
        """
        self.locales: list[Any] = []
        seen: set[str] = set()
        language = output_locale.split("-", maxsplit=1)[0]
        for wanted in (output_locale, language, None):
            expression = (
                f'./cs:locale[@xml:lang="{wanted}"]' if wanted else "./cs:locale[not(@xml:lang)]"
            )
            for found in self.xpath_search(expression):
                if found not in self.locales:
                    self.locales.append(found)
        candidates = []
        if output_locale in LANGUAGE_NAMES:
            candidates.append(output_locale)
        if language in PRIMARY_DIALECTS:
            candidates.append(PRIMARY_DIALECTS[language])
        candidates.append("en-US")
        for code in candidates:
            if code not in seen:
                seen.add(code)
                self.locales.append(load_locale(code))
        for locale in self.locales:
            locale.style = self


class Locale(_Fast, cm.Locale):  # type: ignore[misc]
    def get_term(self, name: str, form: str | None = None, zero_padded: bool = False) -> Any:  # type: ignore[override]
        terms: dict[tuple[Any, ...], Any] = _cache(self).setdefault("_archref_own_terms", {})
        key = (name, form, zero_padded)
        if key not in terms:
            try:
                terms[key] = cm.Locale.get_term(self, name, form, zero_padded)
            except IndexError:
                terms[key] = None
        term = terms[key]
        if term is None:
            raise IndexError(name)
        return term

    def get_formatter(self) -> Any:
        return NeutralFormatter


class Citation(_Fast, cm.Citation):  # type: ignore[misc]
    pass


class Bibliography(_Fast, cm.Bibliography):  # type: ignore[misc]
    pass


class Term(_Fast, cm.Term):  # type: ignore[misc]
    pass


class Sort(_Fast, cm.Sort):  # type: ignore[misc]
    def sort(self, items: list[Any], context: Any) -> list[Any]:
        """Sort as citeproc-js: key by key, an empty key after any other.

        An empty key comes last in a descending key too. Items whose keys are
        all equal keep their order.
        """
        keys = [
            (key, key.get("sort", "ascending").lower() == "descending")
            for key in self.iterfind("cs:key", self.nsmap)
        ]
        columns = [(key.sort_keys(items, context), descending) for key, descending in keys]

        def compare(left: int, right: int) -> int:
            for column, descending in columns:
                a, b = column[left], column[right]
                if a == b:
                    continue
                if a is None:
                    return 1
                if b is None:
                    return -1
                result = -1 if a < b else 1
                return -result if descending else result
            return 0

        order = sorted(range(len(items)), key=functools.cmp_to_key(compare))
        return [items[index] for index in order]


class Key(_Fast, cm.Key):  # type: ignore[misc]
    def sort_keys(self, items: list[Any], context: Any) -> list[mk.SortKey | None]:
        """The keys, comparable as citeproc-js compares them (``mk.sort_key``)."""
        root = self.get_root()
        root.__dict__[_SORTING] = True
        try:
            keys = super().sort_keys(items, context)
        finally:
            root.__dict__[_SORTING] = False
        names = self.get("variable", "").replace("-", "_") in cm.NAMES
        out: list[mk.SortKey | None] = []
        for key in keys:
            if key is None:
                out.append(None)
            elif isinstance(key, int):
                out.append(mk.sort_key(str(key)))
            else:
                text = mk.strip_markers(str(key))
                if names:
                    # citeproc-py joins the names of a variable key with ";"
                    text = text.replace(";", " ")
                out.append(mk.sort_key(text) if text.strip() else None)
        return out


class Macro(_Fast, cm.Macro):  # type: ignore[misc]
    pass


class Layout(_Fast, cm.Layout):  # type: ignore[misc]
    @property
    def repressed(self) -> dict[str, Any]:
        return self.__dict__.setdefault("_archref_repressed", {})  # type: ignore[no-any-return]

    @repressed.setter
    def repressed(self, value: dict[str, Any]) -> None:
        self.__dict__["_archref_repressed"] = value
        self.get_root().__dict__["_archref_state"] = value

    def render_bibliography(self, citation_items: Any) -> Any:
        """The entries, with ``subsequent-author-substitute`` applied (see ``Names``)."""
        area = self.getparent()
        substitute = area.get("subsequent-author-substitute")
        if substitute is None:
            return self._entries(citation_items)
        rule = area.get("subsequent-author-substitute-rule", "complete-all")
        root = self.get_root()
        root.__dict__[_SUBSEQUENT] = _Subsequent(substitute, rule)
        try:
            return self._entries(citation_items)
        finally:
            root.__dict__[_SUBSEQUENT] = None

    def _entries(self, citation_items: Any) -> list[Any]:
        """Each entry; with ``second-field-align``, in its two blocks.

        As citeproc-js does: the first thing the layout prints (with its
        affixes) is the left margin ("[1]"), the rest of the entry the
        block beside it.
        """
        aligned = self.getparent().get("second-field-align") in ("flush", "margin")
        output = []
        for item in citation_items:
            self.repressed = {}
            if aligned:
                text = self._aligned(item)
            else:
                text = self.format(self.wrap(self.render_children(item)))
            if text is not None:
                output.append(text)
        return output

    def _aligned(self, item: Any) -> Any:
        pieces: list[Any] = []
        for child in self.iterchildren():
            try:
                text = child.render(item)
            except VariableError:
                continue
            if text is not None:
                pieces.append(text)
        if not pieces:
            return None
        if len(pieces) == 1:
            return self.format(self.wrap(pieces[0]))
        left, right = mk.DISPLAY_LEFT_MARGIN, mk.DISPLAY_RIGHT_INLINE
        rest = join(pieces[1:], self.get("delimiter", ""))
        first = String(left[0]) + String(self.get("prefix", "")) + pieces[0] + String(left[1])
        second = String(right[0]) + rest + String(self.get("suffix", "")) + String(right[1])
        return self.format(first + second)

    def render_citation(self, citation: Any, callback: Any) -> Any:
        """Render the cites of one citation, in the order they were given.

        citeproc-py puts the cites in the order their items were first cited
        before applying the style's sort; CSL keeps the author's order when
        the style has no ``cs:sort`` for citations. Cites are grouped and
        collapsed as the style asks (``collapse``, ``cite-group-delimiter``;
        see ``_Grouping``).
        """
        area = self.getparent()
        good = [cite for cite in citation.cites if not cite.is_bad()]
        bad = [cite for cite in citation.cites if cite.is_bad()]
        if area.sort is not None:
            good = area.sort.sort(good, self)
        options = grouping_options(area)
        if options is not None and options.grouped_sort and area.sort is not None:
            good = self._group_by_author(good, options)
        grouping = _Grouping(options, cutting=True) if options is not None else None
        root = self.get_root()
        entries: list[_Entry] = []
        root.__dict__[_GROUPING] = grouping
        try:
            for cite in good:
                entry = self._render_cite(cite, grouping)
                if entry is None:
                    continue
                if entries and grouping is not None:
                    entry.delimiter = grouping.splice_delimiter(entries[-1])
                entries.append(entry)
                area.cites.append(cite)
        finally:
            root.__dict__[_GROUPING] = None
        if options is not None and options.collapse == "citation-number":
            entries = _collapse_numbers(entries)
        if options is not None and options.collapse in ("year-suffix", "year-suffix-ranged"):
            entries = _collapse_year_suffixes(entries, options)
        layout_delimiter = self.get("delimiter", "")
        pieces: list[Any] = []
        before: _Entry | None = None
        for entry in entries:
            if before is not None:
                delimiter = entry.delimiter if grouping else layout_delimiter
                pieces.append(String(_seam(delimiter, before.cite, entry.cite)))
            pieces.append(entry.text)
            before = entry
        for cite in bad:
            if pieces:
                pieces.append(String(layout_delimiter))
            pieces.append(callback(cite) or f"{cite.key}?")
        return self.format(self.wrap(join(pieces)))

    @staticmethod
    def _after_prefix(prefix: Any, text: Any) -> Any:
        """A term opening a cite after a prefix that ends a sentence takes a capital.

        As citeproc-js does: "Caps after. Ibid."; not after a one-word
        prefix ("Nocapsafter. ibid.") or one that ends in no full stop
        ("See ibid.").
        """
        words = mk.strip_markers(str(prefix)).split()
        if len(words) < 2 or not words[-1].endswith((".", "?", "!")):
            return text
        raw = str(text)
        index = 0
        while index < len(raw) and raw[index] in mk.OPENERS:
            index += 1
        if raw[index : index + 1] != mk.TERM or index + 1 >= len(raw):
            return text
        return String(raw[: index + 1] + raw[index + 1].upper() + raw[index + 2 :])

    def _render_cite(self, cite: Any, grouping: _Grouping | None) -> _Entry | None:
        self.repressed = {}
        log: set[str] = set()
        _state(self)[_LOGS] = [log]
        if grouping is not None:
            grouping.start_cite()
        try:
            text = self.render_children(cite)
        except VariableError:
            return None
        if text is None:
            return None
        if cite.get("prefix"):
            text = self._after_prefix(cite.get("prefix"), text)
        text = cite.get("prefix", "") + text + cite.get("suffix", "")
        entry = _Entry(text, cite)
        entry.variables = frozenset(log)
        if grouping is not None:
            entry.collapsed = grouping.have_collapsed
            entry.names_cut = grouping.names_cut
            entry.year = grouping.year
            entry.suffix = grouping.suffix
        return entry

    def _group_by_author(self, cites: list[Any], options: _GroupingOptions) -> list[Any]:
        """Cites with the same names brought together, after the first of them.

        As citeproc-js does for a sorted citation: the groups keep the order
        of their first cites, and the cites of a group their sorted order.
        """
        if len(cites) < 2:
            return cites
        grouping = _Grouping(options, cutting=False)
        root = self.get_root()
        groups: dict[str, list[Any]] = {}
        order: list[list[Any]] = []
        root.__dict__[_GROUPING] = grouping
        try:
            for cite in cites:
                self.repressed = {}
                grouping.start_cite()
                with contextlib.suppress(VariableError):
                    self.render_children(cite)
                author = grouping.author
                if author is None:
                    order.append([cite])
                elif author in groups:
                    groups[author].append(cite)
                else:
                    groups[author] = [cite]
                    order.append(groups[author])
        finally:
            root.__dict__[_GROUPING] = None
        return [cite for group in order for cite in group]


_PUNCTUATION: Final = ".,;:!?"


def _seam(delimiter: str, previous: Any, cite: Any) -> str:
    """The delimiter between two cites, as citeproc-js joins them.

    A cite whose prefix opens with punctuation (", cited in") takes no
    delimiter; after a cite whose suffix ends in punctuation ("is one
    source,"), the delimiter's own punctuation is left out ("; " gives " ").
    """
    prefix = mk.strip_markers(str(cite.get("prefix") or ""))
    if prefix[:1] in tuple(_PUNCTUATION):
        return ""
    before = mk.strip_markers(str(previous.get("suffix") or "")).rstrip()
    if before[-1:] in tuple(_PUNCTUATION) and delimiter[:1] in tuple(_PUNCTUATION):
        return delimiter.lstrip(_PUNCTUATION)
    return delimiter


def page_range_end(first: str, last: str, range_format: str | None) -> str:
    """The last page of a range as the style's ``page-range-format`` writes it.

    CSL 1.0.2, appendix "Page Range Formats", as citeproc-js applies it: a
    last page written short ("321-28") is first expanded from the first
    page; a range of plain numbers whose end is not above its start, or with
    a part that is not a plain number, is left as given. Without a
    ``page-range-format`` every range is left as given.

    * no ``page-range-format``: the range as given, with an en dash;
    * ``expanded``: every digit (42–45, 321–328, 2787–2816);
    * ``minimal``: the digits the last page repeats are left out (42–5,
      321–8, 2787–816);
    * ``minimal-two``: the same, keeping at least two digits (42–45,
      321–28, 2787–816), so 1–68 and 9–10 stay whole;
    * ``chicago-16``: all digits below 101 and from a multiple of 100;
      otherwise the last two digits, or more as needed (101–8, 321–28,
      1496–504, 12991–3001); ``chicago`` and ``chicago-15`` also keep every
      digit where a four-digit number changes in its hundreds (1496–1504).

    >>> [page_range_end(a, b, "minimal-two") for a, b in (("1", "68"), ("9", "10"), ("321", "8"))]
    ['68', '10', '28']
    >>> [page_range_end(a, b, "chicago-16") for a, b in (("101", "108"), ("2787", "2816"))]
    ['8', '816']
    """
    if range_format is None:
        return last
    if not (first.isascii() and first.isdigit() and last.isascii() and last.isdigit()):
        return last
    if len(first) > _PAGE_DIGITS or len(last) > _PAGE_DIGITS:
        return last
    if len(last) < len(first):
        last = first[: len(first) - len(last)] + last
    begin, end = int(first), int(last)
    if begin >= end or range_format == "expanded":
        return last
    if range_format in ("minimal", "minimal-two"):
        keep = 2 if range_format == "minimal-two" else 1
        if len(first) != len(last):
            return last
        common = 0
        while common < len(last) - keep and first[common] == last[common]:
            common += 1
        return last[common:]
    if begin <= 100 or begin % 100 == 0:
        return last
    if range_format == "chicago-16":
        for digits in range(2, len(last)):
            if begin // 10**digits == end // 10**digits:
                return str(end % 10**digits)
        return last
    if range_format in ("chicago", "chicago-15"):
        if begin // 100 == end // 100:
            return str(end % 100)
        if begin >= 10000:
            return str(end % 1000)
    return last


#: Page numbers longer than this are not page numbers: left as given.
_PAGE_DIGITS: Final = 18

#: citeproc-js writes Roman numerals below 6000 only; larger numbers as digits.
ROMAN_LIMIT: Final = 6000


_RANGE_SPLIT_RE: Final = re.compile(r"\s{0,3}[-\u2013]{1,2}\s{0,3}")
_PREFIXED_NUMBER_RE: Final = re.compile(r"(\D{0,20}?\d{0,20}?\D{0,20}?)(\d{1,20})")
_ROMAN_RE: Final = re.compile(r"[ivxlcdm]{1,20}|[IVXLCDM]{1,20}")


def page_range(text: str, range_format: str | None, delimiter: str = "\u2013") -> str:
    """One page or range of pages as citeproc-js writes it.

    A range whose two ends are numbers with the same prefix ("N110-N115",
    "110-115") takes *delimiter* and ``page-range-format``
    (:func:`page_range_end`), the prefix left out of its end unless the
    format is ``expanded`` or none ("B13-B14" is "B13–14" in Chicago); a
    range of Roman numerals takes *delimiter*; any other range ("N110-5",
    "3-B", "Michaelson-Morely") is left as given.

    >>> [page_range(r, "minimal") for r in ("n11564-n11568", "N110-5", "i-ix", "3-B")]
    ['n11564–8', 'N110-5', 'i–ix', '3-B']
    >>> page_range("N110-N115", "expanded")
    'N110–N115'
    >>> page_range("B13-B14", "chicago-16")
    'B13–14'
    """
    text = text.strip()
    pieces = _RANGE_SPLIT_RE.split(text)
    if len(pieces) != 2 or not pieces[0] or not pieces[1]:
        return text
    first, last = pieces
    found = _RANGE_SPLIT_RE.search(text)
    given = first + (found.group(0).strip() if found else "-") + last
    head, tail = _PREFIXED_NUMBER_RE.fullmatch(first), _PREFIXED_NUMBER_RE.fullmatch(last)
    if head and tail and head.group(1) == tail.group(1):
        prefix = head.group(1)
        end = page_range_end(head.group(2), tail.group(2), range_format)
        if prefix and range_format in (None, "expanded"):
            end = prefix + end
        return first + delimiter + end
    if _ROMAN_RE.fullmatch(first) and _ROMAN_RE.fullmatch(last):
        return first + delimiter + last
    return given


class _PageRange:
    """``page-range-format`` (:func:`page_range_end`) in place of citeproc-py's."""

    def _format_last_page(self, first: str, last: str) -> str:
        root: Any = self.get_root()  # type: ignore[attr-defined]
        return page_range_end(str(first), str(last), root.get_option("page-range-format"))

    def _process(self, value: Any, variable: str) -> Any:
        """Pages and ranges of pages: each as :func:`page_range` writes it."""
        if not variable.startswith("page"):
            return super()._process(value, variable)  # type: ignore[misc]
        element: Any = self
        delimiter = element.get_single_term(name="page-range-delimiter") or "\u2013"
        range_format = element.get_root().get_option("page-range-format")
        out: list[str] = []
        for comma_item in str(value).split(","):
            parts = []
            for item in comma_item.split("&"):
                if variable == "page-first":
                    parts.append(_RANGE_SPLIT_RE.split(item.strip())[0])
                else:
                    parts.append(page_range(item, range_format, str(delimiter)))
            out.append(" & ".join(parts))
        return String(", ".join(out))


#: The variables whose title case depends on the item's language in
#: citeproc-js (its ``MULTI_FIELDS``) and in the CSL test-suite; any other
#: (a section, a medium's details) takes title case always.
_LANGUAGE_CASED: Final = frozenset(
    {
        # and, as the CSL test-suite has it (textcase_TitleCaseWithVolumeTitle),
        # these titles, which citeproc-js 2.4.63 title-cases all the same
        "event-title",
        "original-title",
        "part-title",
        "reviewed-title",
        "volume-title",
        "event",
        "publisher",
        "publisher-place",
        "event-place",
        "title",
        "container-title",
        "collection-title",
        "authority",
        "genre",
        "title-short",
        "medium",
        "country",
        "jurisdiction",
        "archive",
        "archive-place",
    }
)


# Variables a cs:text prints that do not stop a cite from counting as collapsed
_NOT_TEXT: Final = frozenset({"locator", "citation-number", "year-suffix", "citation-label"})


_LOCATOR_RANGE_RE: Final = re.compile(r"(?<=\w)\s{0,3}[-\u2013]\s{0,3}(?=\w)")
_LOCATOR_HYPHEN_RE: Final = re.compile(r"(?<=\w)\s{0,3}-\s{0,3}(?=\w)")
_ROMAN_LIST_RE: Final = re.compile(
    r"[ivxlcdm]{1,12}(?:\s{0,3}[-\u2013,&]\s{0,3}[ivxlcdm]{1,12}){0,20}"
)


def _numeric_locator(value: Any) -> bool:
    """A locator citeproc-js reads as numbers, not words.

    A numeric value (:func:`is_numeric`: "B13-B14"), one that starts with a
    number ("367-368, fig. 333", "213, and 235"), or Roman numerals; not one
    that starts with a word ("Teil 2, 3").

    >>> [_numeric_locator(v) for v in ("4-12", "213, and 235", "xi-xv", "Teil 2, 3")]
    [True, True, True, False]
    """
    text = str(value).strip()
    return text[:1].isdigit() or is_numeric(text) or _ROMAN_LIST_RE.fullmatch(text) is not None


class _Displayed:
    """CSL's ``display`` attribute, for the elements of a bibliography entry."""

    def wrap(self, string: Any) -> Any:
        text = super().wrap(string)  # type: ignore[misc]
        display = self.get("display")  # type: ignore[attr-defined]
        if text is None or display not in mk.DISPLAYS:
            return text
        if not isinstance(self._area(), cm.Bibliography):  # type: ignore[attr-defined]
            return text
        pair = mk.DISPLAYS[display]
        return String(pair[0]) + text + String(pair[1])


class Text(_Displayed, _PageRange, _Cased, _Fast, cm.Text):  # type: ignore[misc]
    def _variable(self, item: Any, context: Any) -> Any:
        variable = self.get("variable")
        if variable not in _NOT_TEXT:
            grouping = _grouping(context)
            if grouping is not None:
                # citeproc-js: a cite printing a text variable is not collapsed
                grouping.have_collapsed = False
        if variable in _suppressed(context):
            return None
        if variable == "year-suffix":
            found = _disambiguation(context, item)
            if found is None or found.year_suffix is None:
                return None
            _log(context, variable)
            letters = year_suffix(found.year_suffix)
            grouping = _grouping(context)
            if grouping is not None:
                grouping.suffix = letters
            return String(letters)
        text = super()._variable(item, context)
        if variable == "locator" and text:
            given = str(item.locator.identifier).strip()
            if _numeric_locator(given):
                if getattr(item.locator, "label", None) == "page":
                    # a page locator takes page-range-format, as the page
                    # variable does ("220-226" is "220–26" in Chicago)
                    given = str(self._process(given, "page"))
                # "100 - 103" is the range 100–103 (citeproc-js)
                text = String(_LOCATOR_RANGE_RE.sub("\u2013", given))
            else:
                # words are no range: a hyphen is kept, without the spaces
                # around it ("Teil 2-5"), as in citeproc-js
                text = String(_LOCATOR_HYPHEN_RE.sub("-", given))
        if text is not None and text != "":
            _log(context, variable)
        return text

    def process(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        text, language = super().process(item, context, **kwargs)
        if self.get("variable") not in (None, *_LANGUAGE_CASED):
            # citeproc-js leaves title case out for an item in another
            # language than English only in these variables: a section
            # takes title case whatever the language
            language = None
        if "value" in self.attrib and not {"variable", "macro", "term"} & set(self.attrib):
            # a value is rich text, read as the data is (quotes, markup)
            from archref.formats._source import rich_string  # noqa: PLC0415 (import cycle)

            text = rich_string(self.get("value"))
        return text, language

    def _term(self, item: Any) -> Any:
        text = super()._term(item)
        if text:
            return String(mk.TERM) + text
        return text

    def quote(self, string: Any) -> Any:
        if self.get("quotes", "false").lower() == "true":
            return String(mk.QUOTES[0]) + string + String(mk.QUOTES[1])
        return string


class Date(_Displayed, _Fast, cm.Date):  # type: ignore[misc]
    def is_locale_date(self) -> bool:
        cache = _cache(self)
        result = cache.get("_archref_locale_date")
        if result is None:
            result = isinstance(self.get_root(), cm.Locale) or bool(
                self.xpath_search("./ancestor::cs:locale[1]")
            )
            cache["_archref_locale_date"] = result
        return bool(result)

    def process(
        self,
        item: Any,
        variable: str | None = None,
        show_parts: Any = None,
        context: Any = None,
        **kwargs: Any,
    ) -> Any:
        if self.is_locale_date():
            return super().process(item, variable, show_parts, context, **kwargs)
        name = variable or self.get("variable")
        if name in _suppressed(self):
            return None
        if self.get_root().__dict__.get(_SORTING):
            key = self._sort_key(item, name)
            if key:
                _log(self, name)
            return key
        _state(self)[_ITEM] = item
        text = super().process(item, variable, show_parts, context, **kwargs)
        if text:
            _log(self, name)
        return text

    def render_date_range(
        self, date_range: Any, show_parts: Any = None, context: Any = None
    ) -> Any:
        # A range whose start and end agree in every part the date shows
        # ("1985-03/1985-06" where only the year shows) is that one date:
        # citeproc-py removed the parts they share and printed nothing.
        wanted = list(show_parts) if show_parts is not None else ["year", "month", "day"]
        shown = [
            name for name in (part.get("name") for part in self.iterchildren()) if name in wanted
        ]
        begin, end = date_range.begin, date_range.get("end")
        if end is None or end.is_nil():
            return super().render_date_range(date_range, wanted, context)
        compared = shown + (["season"] if "month" in shown else [])
        if all(begin.get(name) == end.get(name) for name in compared):
            return self.render_single_date(begin, shown, context)
        if "month" in wanted and begin.get("season") and begin.get("year") == end.get("year"):
            # seasons of one year: "Spring–Summer 1999" (citeproc-py printed nothing)
            first = self.render_single_date(begin, ["month"], context)
            last = self.render_single_date(end, ["month"], context)
            year = self.render_single_date(end, ["year"], context)
            if first and last:
                here = context if context is not None else self
                span = first.rstrip() + String("\u2013") + last
                return here.join([span, year.rstrip()]) if year else span
        return super().render_date_range(date_range, wanted, context)

    def _sort_key(self, item: Any, name: str) -> Any:
        """A date in a macro sort key, as citeproc-js writes it: digits only.

        The year (after "1", or after "0" and taken from 9999 for a year BC),
        month and day of the start and of the end of the date, each part the
        element does not show written as zeros; nothing without a year.
        """
        date = item.reference.get(name.replace("-", "_"))
        begin, end = (date.begin, date.get("end")) if isinstance(date, DateRange) else (date, None)
        if not isinstance(begin, SourceDate) or not begin.get("year"):
            return None
        if self.get("form") is not None:
            shown = self.get("date-parts", "year-month-day").split("-")
        else:
            shown = [part.get("name") for part in self.iterfind("cs:date-part", self.nsmap)]
        digits = []
        for part in (begin, end):
            year = int(part.get("year", 0) or 0) if part is not None and "year" in shown else 0
            digits.append(f"0{9999 + year:04}" if year < 0 else f"1{year:04}")
            for unit in ("month", "day"):
                value = part.get(unit, 0) if part is not None and unit in shown else 0
                digits.append(f"{int(value or 0):02}")
        return String("".join(digits))


class Date_Part(_Cased, _Fast, cm.Date_Part):  # type: ignore[misc]
    def render(self, date: Any, context: Any = None) -> Any:
        # citeproc-py copies the style's date-part attributes onto the
        # locale's date-part element and never takes them back, so one
        # style date's overrides leak into every later date. Restore them.
        saved = dict(self.attrib)
        try:
            text = super().render(date, context)
        finally:
            self.attrib.clear()
            self.attrib.update(saved)
        if text and self.get("name") == "year":
            grouping = _grouping(_style_root(context if context is not None else self))
            if grouping is not None and grouping.year is None:
                grouping.year = mk.strip_markers(str(text))
            text = self._year_suffix(text, context)
        return text

    def _year_suffix(self, text: Any, context: Any) -> Any:
        """The first year of an entry carries its year suffix ("1995a").

        Unless the style places ``year-suffix`` itself (CSL 1.0.2,
        ``disambiguate-add-year-suffix``).
        """
        here = context if context is not None else self
        root = here.get_root()
        if isinstance(root, cm.Locale):
            root = root.style
        if root.__dict__.get(_LOOKING) or not root.__dict__.get(_DISAMBIGUATION):
            return text
        state = _state(here)
        item = state.get(_ITEM)
        if item is None or state.get(_YEAR_SUFFIX_DONE):
            return text
        found = _disambiguation(root, item)
        if found is None or found.year_suffix is None or _style_places_year_suffix(root):
            return text
        state[_YEAR_SUFFIX_DONE] = True
        letters = year_suffix(found.year_suffix)
        grouping = _grouping(root)
        if grouping is not None:
            grouping.suffix = letters
        return text + String(letters)


class Number(_Displayed, _PageRange, _Cased, _Fast, cm.Number):  # type: ignore[misc]
    def format_number(self, number: Any) -> Any:
        # citeproc-py writes any number in Roman numerals, one letter per
        # thousand ("volume": "1000000000000" never ends); citeproc-js writes
        # those from 6000 on as they are given.
        if self.get("form") == "roman":
            text = str(number).strip()
            if not (text.isascii() and text.isdigit()) or len(text) > 4:
                return number
            if int(text) >= ROMAN_LIMIT or int(text) == 0:
                return number
        return super().format_number(number)

    def process(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        variable = self.get("variable")
        if variable in _suppressed(self):
            return None
        text = super().process(item, context, **kwargs)
        if text:
            _log(self, variable)
        return text


class Names(_Displayed, _Fast, cm.Names):  # type: ignore[misc]
    def _parent_names(self) -> Any:
        """For a shorthand ``cs:names`` in ``cs:substitute``: the names it stands in."""
        cache = _cache(self)
        if "_archref_parent_names" not in cache:
            found = None
            if self.name is None:
                ancestors = self.xpath_search("./ancestor::cs:substitute[1]/parent::cs:names")
                found = ancestors[0] if ancestors else None
            cache["_archref_parent_names"] = found
        return cache["_archref_parent_names"]

    def get_parent_delimiter(self, context: Any = None) -> Any:
        area = (context if context is not None else self)._area()
        return area.get_option("names-delimiter")

    def process(
        self, item: Any, names_context: Any = None, context: Any = None, **kwargs: Any
    ) -> Any:
        here = context if context is not None else self
        subsequent = _subsequent(here)
        if subsequent is not None:
            return self._subsequent(subsequent, item, names_context, context, **kwargs)
        grouping = _grouping(here)
        if grouping is None:
            return self._names(item, names_context, context, **kwargs)
        # The outermost cs:names of a cite leaves out names that a cite
        # grouped with the previous one does not repeat (collapse).
        grouping.depth += 1
        try:
            text = self._names(item, names_context, context, **kwargs)
        finally:
            grouping.depth -= 1
        if grouping.depth == 0 and grouping.cut:
            grouping.cut = False
            grouping.names_cut = True
            return None
        return text

    def _subsequent(
        self,
        subsequent: _Subsequent,
        item: Any,
        names_context: Any,
        context: Any,
        **kwargs: Any,
    ) -> Any:
        """A bibliography's names, with ``subsequent-author-substitute`` applied.

        The first ``cs:names`` of an entry that prints something, or that
        has neither a ``cs:substitute`` nor a name list from its parent
        (printing nothing, it still takes the place), is compared with the
        previous entry's. As in citeproc-js, a ``cs:names`` with its own
        ``cs:name`` tried in vain inside the first one's ``cs:substitute``
        (MLA's ``guest`` before ``editor``) leaves the entry without
        substitution.
        """
        here = context if context is not None else self
        state = _state(here)
        slot = state.get(_SLOT)
        if slot == "busy":
            if self.name is None:
                return self._names(item, names_context, context, **kwargs)
            text = None
            try:
                text = self._names(item, names_context, context, **kwargs)
            finally:
                if not text:
                    state[_SPOILED] = True
            return text
        if slot is not None:
            return self._names(item, names_context, context, **kwargs)
        state[_SLOT] = "busy"
        text = None
        try:
            text = self._names(item, names_context, context, **kwargs)
        finally:
            if text and not state.get(_SPOILED):
                state[_SLOT] = "done"
                text = _substitute_names(subsequent, text, state.get(_PIECES))
            elif state.get(_SPOILED) or self.substitute() is None:
                state[_SLOT] = "done"
                if subsequent.rule.startswith("partial"):
                    subsequent.previous_pieces = []
            else:
                state[_SLOT] = None
        return text

    def _names(self, item: Any, names_context: Any, context: Any, **kwargs: Any) -> Any:
        here = context if context is not None else self
        filled: list[bool] | None = _state(here).get(_SUBSTITUTING)
        if filled and filled[-1]:
            return None
        text = self._names_text(item, names_context, context, **kwargs)
        if text and filled:
            filled[-1] = True
        return text

    def _names_text(self, item: Any, names_context: Any, context: Any, **kwargs: Any) -> Any:
        here = context if context is not None else self
        if names_context is None:
            names_context = self._parent_names()
        roles = self.get("variable", "").split()
        suppressed = _suppressed(here)
        visible = [role for role in roles if role not in suppressed]
        if visible != roles:
            if not visible:
                substitute = self.substitute()
                if substitute is None:
                    raise VariableError
                return substitute.render(item, context=context, **kwargs)
            self.set("variable", " ".join(visible))
        try:
            text = super().process(item, names_context=names_context, context=context, **kwargs)
        finally:
            if visible != roles:
                self.set("variable", " ".join(roles))
        if text:
            rendered = [role for role in visible if role in item.reference]
            for role in rendered:
                _log(here, role)
            grouping = _grouping(here)
            if rendered and grouping is not None:
                grouping.names_rendered(str(text))
        return text


def _is_initial(part: str) -> bool:
    return len(part) == 1 and part.isupper()


def initialize_given(given: str, mark: str, *, hyphen: bool = True, whole: bool = False) -> str:
    """Given names as initials, the way citeproc-js writes them.

    Each word becomes its first letter and *mark*. A hyphenated word keeps
    its hyphen ("J.-P.") when *hyphen* is true; a part after a hyphen that
    starts in lower case is no name of its own and is left out ("Dong-gil":
    "D."). A word in lower case ("de", "van") stays as it is. A word of
    two letters or more already ending in a full stop is an abbreviation
    and is kept, with *mark* for its full stop ("Ph.", "Ts."). With *whole*
    (``initialize="false"``) words stay whole, and only initials are
    written with *mark* ("John M.E." with ". ": "John M. E.").

    >>> [initialize_given(g, ". ") for g in ("Jean-Paul", "Dong-gil", "Jean de", "John J.")]
    ['J.-P.', 'D.', 'J. de', 'J. J.']
    >>> initialize_given("Jean-Paul", ".", hyphen=False)
    'J.P.'
    >>> [initialize_given(g, ". ") for g in ("Ph.M.E.", "ME", "Ts.")]
    ['Ph. M. E.', 'M.', 'Ts.']
    >>> [initialize_given(g, ". ", whole=True) for g in ("Andrei", "A", "J.-P.", "John M.E")]
    ['Andrei', 'A.', 'J. P.', 'John M. E.']
    """
    words = given.replace(".", ". ").split()
    joined: list[str] = []
    for word in words:
        if word.startswith("-") and joined:
            joined[-1] += word  # "J. -P." was "J.-P."
        else:
            joined.append(word)
    core = mark.rstrip()
    out: list[str] = []
    for word in joined:
        pieces = [piece.strip(".") for piece in word.split("-")]
        first = pieces[0]
        if not first or not first[0].isupper():
            if out and not out[-1].endswith(" "):
                out[-1] += " "  # "J.B. de C.M."
            out.append(word + " ")
            continue
        names = [first] + [piece for piece in pieces[1:] if piece and piece[0].isupper()]
        if len(pieces) == 1 and len(first) > 1 and word.endswith("."):
            out.append(first + mark)  # an abbreviation: "Ph.", "Ts."
            continue
        if whole:
            if all(_is_initial(name) for name in names):
                out.append("".join(name + mark for name in names))
            else:
                if out and not out[-1].endswith(" "):
                    out[-1] += " "
                out.append(word + " ")
            continue
        if hyphen:
            text = "-".join(_initial(name) + core for name in names)
            if not pieces[-1] and len(pieces) > 1:
                text += "-"  # "Sergei-"
            out.append(text + mark[len(core) :])
        else:
            out.append("".join(_initial(name) + mark for name in names))
    return "".join(out).strip()


def _initial(name: str) -> str:
    """The initial of a name; two letters for one written "TSerendorjiin" ("Ts")."""
    if len(name) > 2 and name[1].isupper() and name[2].islower():
        return name[0] + name[1].lower()
    return name[0]


def _particles(styled: list[Any], plain: list[str | None]) -> Any:
    """Name parts joined by spaces, none after a particle ending in "\u2019", "'" or "-"."""
    out: Any = None
    glue = ""
    for text, raw in zip(styled, plain, strict=True):
        if text is None or not raw:
            continue
        out = text if out is None else out + String(glue) + text if glue else out + text
        glue = "" if raw.endswith(("'", "\u2019", "-", " ")) else " "
    return out


def _spaced_script(text: str) -> bool:
    """Whether *text* is written in a script that separates words by spaces."""
    for char in text:
        if char.isalpha():
            code = ord(char)
            if 0x2E80 <= code <= 0x9FFF or 0xAC00 <= code <= 0xD7AF or 0xF900 <= code <= 0xFAFF:
                return False
    return True


class _RenderedName:
    """A name already rendered, standing in a list of names as its family name."""

    def __init__(self, text: str) -> None:
        self.text = text

    def parts(self) -> tuple[None, str, None, None, None]:
        return None, self.text, None, None, None


class Name(_Fast, cm.Name):  # type: ignore[misc]
    def process(
        self, item: Any, variable: str, context: Any = None, sort_options: Any = None, **kwargs: Any
    ) -> Any:
        here = context if context is not None else self
        if not sort_options:
            subsequent = _subsequent(here)
            state = _state(here)
            if subsequent is not None and state.get(_SLOT) == "busy" and _PIECES not in state:
                text = self._disambiguated(item, variable, context, sort_options, **kwargs)
                if text:
                    pieces = []
                    if subsequent.rule != "complete-all":
                        pieces = self._pieces(item, variable, here)
                    state[_PIECES] = (str(text), pieces)
                return text
        return self._disambiguated(item, variable, context, sort_options, **kwargs)

    def _disambiguated(
        self, item: Any, variable: str, context: Any, sort_options: Any, **kwargs: Any
    ) -> Any:
        """The names, with those disambiguation adds or expands."""
        here = context if context is not None else self
        found = _disambiguation(here, item) if not sort_options else None
        if found is None or not (found.names or found.given):
            return self._names_list(item, variable, context, sort_options)
        # disambiguate-add-names: show more of the names et-al would hide
        count = len(item.reference.get(variable, []))
        use_first = self.get_option("et-al-use-first", context)
        et_al_min = self.get_option("et-al-min", context)
        options: dict[str, Any] = {}
        if found.names and count > 1 and et_al_min and count >= et_al_min:
            # as many names as the cite shows (citeproc-js shows them in the
            # bibliography too, where it shows fewer)
            area = here._area()
            shown = use_first + found.names
            if isinstance(area, cm.Bibliography):
                citation = area.get_root().citation
                cited = int(citation.get_option("et-al-use-first")) if citation is not None else 0
                shown = max(use_first, cited + found.names)
            if shown > use_first:
                options = {"et-al-use-first": shown} if shown < count else {"et-al-min": 0}
        state = _state(here)
        state[_NAME_OPTIONS] = options
        try:
            if found.given:
                return self._with_given_names(item, variable, here, found.given, **kwargs)
            return self._names_list(item, variable, context, sort_options)
        finally:
            state.pop(_NAME_OPTIONS, None)

    def _with_given_names(
        self, item: Any, variable: str, here: Any, levels: dict[int, int], **kwargs: Any
    ) -> Any:
        """The names, those that disambiguation expands with their given names.

        Each expanded name is rendered alone in the long form, with initials
        (level 1, where the style sets initials) or its full given name (level
        2, or where the style sets no initials), and then stands in the list
        as it is. A long form with initials changes only at level 2.
        """
        reference = item.reference
        names = reference.get(variable, [])
        form = self.get_option("form", here)
        mark = self.get_option("initialize-with", here)
        order = self.get_option("name-as-sort-order", here)
        if form != "short":
            if mark is None:
                return self._names_list(item, variable, here)
            levels = {index: level for index, level in levels.items() if level > 1}
        state = _state(here)
        saved = state.get(_NAME_OPTIONS)
        listed = list(names)
        try:
            for index, level in levels.items():
                if index >= len(names) or not level:
                    continue
                inverted = order == "all" or (order == "first" and index == 0)
                state[_NAME_OPTIONS] = {
                    **(saved or {}),
                    "form": "long",
                    "et-al-min": 0,
                    "initialize-with": mark if level == 1 else None,
                    "name-as-sort-order": "all" if inverted else "",
                }
                dict.__setitem__(reference, variable, [names[index]])
                listed[index] = _RenderedName(str(self._names_list(item, variable, here)))
            state[_NAME_OPTIONS] = saved
            dict.__setitem__(reference, variable, listed)
            return self._names_list(item, variable, here)
        finally:
            dict.__setitem__(reference, variable, names)
            state[_NAME_OPTIONS] = saved

    def _pieces(self, item: Any, variable: str, here: Any) -> list[str]:
        """Each name the list shows, rendered alone as it is in its place."""
        reference = item.reference
        names = reference.get(variable, [])
        shown = list(names)
        et_al_min = self.get_option("et-al-min", here)
        use_first = self.get_option("et-al-use-first", here)
        if len(names) > 1 and et_al_min and len(names) >= et_al_min:
            shown = names[:use_first]
            if self.get_option("et-al-use-last", here) and use_first <= et_al_min - 2:
                shown.append(names[-1])
        order = self.get_option("name-as-sort-order", here)
        state = _state(here)
        saved = state.get(_NAME_OPTIONS)
        pieces: list[str] = []
        try:
            for index, name in enumerate(shown):
                inverted = order == "all" or (order == "first" and index == 0)
                state[_NAME_OPTIONS] = {
                    "name-as-sort-order": "all" if inverted else "",
                    "et-al-min": 0,
                }
                dict.__setitem__(reference, variable, [name])
                pieces.append(str(self._names_list(item, variable, here)))
        finally:
            dict.__setitem__(reference, variable, names)
            if saved is None:
                state.pop(_NAME_OPTIONS, None)
            else:
                state[_NAME_OPTIONS] = saved
        return pieces

    def _names_list(
        self, item: Any, variable: str, context: Any = None, sort_options: Any = None
    ) -> Any:
        """The names of *variable*, as citeproc-js writes them (CSL 1.0.2, cs:name).

        Replaces citeproc-py's rendering: the delimiters before "and" and
        "et al." follow ``delimiter-precedes-last`` and
        ``delimiter-precedes-et-al`` (``after-inverted-name`` included) and
        the name delimiter; ``et-al-use-last`` needs two names left out;
        ``form="count"`` counts the names shown. Each name is written by
        :meth:`_one_name`.
        """

        def option(name: str) -> Any:
            return self.get_option(name, context, sort_options)

        names = list(item.reference.get(variable, []))
        count = len(names)
        et_al_min = option("et-al-min")
        use_first = option("et-al-use-first")
        truncated = bool(et_al_min) and count > 1 and count >= et_al_min and use_first < count
        use_last = truncated and option("et-al-use-last") and count >= use_first + 2
        shown = names[:use_first] if truncated else names
        form = option("form")
        if form == "count":
            return len(shown) if shown else None
        if not shown:
            return None
        order = option("name-as-sort-order")
        texts: list[Any] = []
        inverted: list[bool] = []
        for index, name in enumerate(shown):
            flipped = order == "all" or (order == "first" and index == 0)
            personal = isinstance(name, SourceName) and bool(name.get("given"))
            inverted.append(flipped and form != "short" and personal)
            texts.append(self._one_name(name, form, flipped, context, sort_options))
        delimiter = option("delimiter")
        and_ = option("and")
        if use_last:
            last = self._one_name(names[-1], form, order == "all", context, sort_options)
            return join(texts, delimiter) + String(f"{delimiter}\u2026 {last}")
        if truncated:
            et_al = self.et_al()
            if not et_al:
                return join(texts, delimiter)
            precedes = option("delimiter-precedes-et-al")
            with_delimiter = (
                precedes == "always"
                or (precedes == "contextual" and len(texts) >= 2)
                or (precedes == "after-inverted-name" and inverted[-1])
            )
            return join(texts, delimiter) + String(delimiter if with_delimiter else " ") + et_al
        if and_ in ("text", "symbol") and len(texts) > 1:
            and_term = self.get_single_term("and") if and_ == "text" else "&"
            precedes = option("delimiter-precedes-last")
            with_delimiter = (
                precedes == "always"
                or (precedes == "contextual" and len(texts) >= 3)
                or (precedes == "after-inverted-name" and inverted[-2])
            )
            head = join(texts[:-1], delimiter)
            between = delimiter if with_delimiter else " "
            return head + String(f"{between}{and_term} ") + texts[-1]
        return join(texts, delimiter)

    def markup(self, text: Any) -> Any:
        # a count stays a number, so that cs:names adds the counts of its
        # variables (citeproc-py wrote "32" for 3 authors and 2 editors)
        if isinstance(text, int):
            return text
        return super().markup(text)

    def _name_parts(self) -> tuple[Any, Any]:
        cache = _cache(self)
        if "_archref_name_parts" not in cache:
            parts: dict[str, Any] = {}
            for part in self.iterfind("cs:name-part", self.nsmap):
                parts.setdefault(part.get("name"), part)
            cache["_archref_name_parts"] = (parts.get("given"), parts.get("family"))
        found: tuple[Any, Any] = cache["_archref_name_parts"]
        return found

    def _one_name(
        self,
        name: Any,
        form: str,
        inverted: bool,
        context: Any = None,
        sort_options: Any = None,
    ) -> Any:
        """One name, its parts in CSL's order, with the ``cs:name-part`` formatting.

        The family name-part's text case applies to the family name and its
        non-dropping particle, its formatting to each part, its affixes
        around the family name with its particles (and suffix, in display
        order); a particle ending in an apostrophe or a hyphen ("d\u2019",
        "al-") is written against the name. A name in a script without
        spaces (Chinese, Japanese) is written family name first, with none.
        """

        def option(key: str) -> Any:
            return self.get_option(key, context, sort_options)

        given_part, family_part = self._name_parts()
        given, family, dropping, non_dropping, suffix = name.parts()
        given = str(given) if given else None
        family = str(family) if family else None
        dropping = str(dropping) if dropping else None
        non_dropping = str(non_dropping) if non_dropping else None
        suffix = str(suffix) if suffix else None

        def styled(text: str | None, part: Any, *, cased: bool = True) -> Any:
            if not text:
                return None
            value: Any = String(text)
            if part is not None:
                if cased:
                    value = part.case(value)
                value = part.format(value)
            return value

        def affixed(text: Any, part: Any) -> Any:
            if text is None or part is None:
                return text
            return part.wrap(text)

        if family is None and given is None:
            return None
        if given is not None and family is not None:
            mark = option("initialize-with")
            if mark is not None:
                given = self.initialize(given, mark, context)
        if given is not None and family is not None and not _spaced_script(given + family):
            if form == "short":
                return affixed(styled(family, family_part), family_part)
            return join([affixed(styled(family, family_part), family_part),
                         affixed(styled(given, given_part), given_part)], "")  # fmt: skip
        if form == "short" or given is None:
            block = _particles(
                [styled(non_dropping, family_part), styled(family, family_part)],
                [non_dropping, family],
            )
            if form != "short" and given is None and dropping:
                block = _particles(
                    [styled(dropping, family_part, cased=False), block], [dropping, "x"]
                )
            return affixed(block, family_part)
        demote = option("demote-non-dropping-particle")
        if demote == "sort-only" and self.get_root().__dict__.get(_SORTING):
            demote = "display-and-sort"
        if not inverted:
            parts = [
                styled(dropping, family_part, cased=False),
                styled(non_dropping, family_part),
                styled(family, family_part),
            ]
            block = _particles(parts, [dropping, non_dropping, family])
            if suffix:
                comma = str(name.get("comma-suffix", "")).lower() in ("true", "1")
                block = block + String((", " if comma else " ") + suffix)
            shown = [affixed(styled(given, given_part), given_part), affixed(block, family_part)]
            return join([piece for piece in shown if piece is not None], " ")
        if demote in ("never", "sort-only"):
            family_block = _particles(
                [styled(non_dropping, family_part), styled(family, family_part)],
                [non_dropping, family],
            )
            given_bits = [styled(given, given_part), styled(dropping, given_part, cased=False)]
        else:
            family_block = styled(family, family_part)
            given_bits = [
                styled(given, given_part),
                styled(dropping, given_part, cased=False),
                styled(non_dropping, family_part, cased=False),
            ]
        pieces = [affixed(family_block, family_part)] if family_block is not None else []
        bits = [bit for bit in given_bits if bit is not None]
        if bits:
            pieces.append(affixed(join(bits, " "), given_part))
        if suffix:
            pieces.append(String(suffix))
        return join(pieces, option("sort-separator"))

    def get_option(self, name: str, context: Any = None, sort_options: Any = None) -> Any:
        if sort_options and name in sort_options:
            return super().get_option(name, context, sort_options)
        here = context if context is not None else self
        overridden: dict[str, Any] | None = _state(here).get(_NAME_OPTIONS)
        if overridden and name in overridden:
            return overridden[name]
        area = here._area()
        if name in ("form", "delimiter"):
            value = self.get(name, area.get_option("name-" + name))
        else:
            value = self.get(name, area.get_option(name))
        if name in ("initialize-with-hyphen", "et-al-use-last"):
            return value.lower() == "true"
        if name.startswith("et-al"):
            return int(value)
        return value

    def initialize(self, given: str, mark: str, context: Any) -> Any:
        # initialize="false": keep given names whole, even when the style
        # sets initialize-with (citeproc-py ignores the attribute); only
        # initials already there take the style's mark ("A" -> "A.").
        whole = self.get("initialize", "true").lower() == "false"
        hyphen = bool(self.get_option("initialize-with-hyphen", context))
        return initialize_given(given, mark, hyphen=hyphen, whole=whole)


class Name_Part(_Cased, _Fast, cm.Name_Part):  # type: ignore[misc]
    pass


class Et_Al(_Fast, cm.Et_Al):  # type: ignore[misc]
    pass


class Substitute(_Fast, cm.Substitute):  # type: ignore[misc]
    def render(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        here = context if context is not None else self
        state = _state(here)
        logs: list[set[str]] = state.setdefault(_LOGS, [])
        # One flag per cs:substitute being rendered: once a cs:names inside it
        # has printed, the names after it print nothing, also those inside
        # a cs:choose child (Chicago's editor, then translator), as in
        # citeproc-js.
        filled: list[bool] = state.setdefault(_SUBSTITUTING, [])
        parent = self.getparent()
        for child in self.iterchildren():
            logs.append(set())
            filled.append(False)
            try:
                if isinstance(child, cm.Names) and child.name is None:
                    text = child.render(item, names_context=parent, context=context, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except VariableError:
                text = None
            finally:
                used = logs.pop()
                filled.pop()
            if text:
                _suppressed(here).update(used)
                for log in logs:
                    log.update(used)
                return text
        return None


class Label(_Cased, _Fast, cm.Label):  # type: ignore[misc]
    def _is_plural(self, item: Any) -> bool:
        # number-of-volumes and number-of-pages: plural above one (citeproc-py
        # looked the value up on the cite, not the item, and lost the label)
        variable = self.get("variable") or ""
        if variable.startswith("number-of-"):
            value = str(item.reference.get(variable.replace("-", "_"), "")).strip()
            if value.isdigit():
                return int(value) > 1
        # a value with words in it is not numeric and takes the singular,
        # whatever numbers it holds ("sec. Teil 2, 3"), as in citeproc-js; a
        # list or range of Roman numerals takes the plural ("secs. xi–xv")
        if variable == "locator":
            given = str(item.locator.identifier).strip()
            if _ROMAN_LIST_RE.fullmatch(given):
                return _ROMAN_RE.fullmatch(given) is None
            return bool(super()._is_plural(item)) and _numeric_locator(given)
        if not super()._is_plural(item):
            return False
        return _numeric_locator(item.reference.get(variable.replace("-", "_"), ""))

    def calls_variable(self) -> bool:
        # A label is descriptive, like a term: when a cs:group decides whether
        # to print, it neither calls nor renders a variable (CSL 1.0.2,
        # cs:group; citeproc-js treats its output as a term). citeproc-py
        # counts a locator label as a rendered variable, so a group holding
        # the label and a locator already printed through cs:substitute
        # printed the label alone ("Moscow, fols.").
        return False

    def process(
        self,
        item: Any,
        variable: str | None = None,
        plural: Any = None,
        context: Any = None,
        **kwargs: Any,
    ) -> Any:
        # A label stands beside its variable: without the variable, no label
        # (citeproc-py prints the term anyway).
        if self.get_root().__dict__.get(_SORTING) and isinstance(self.getparent(), cm.Names):
            # a sort key holds the names without their label (citeproc-js):
            # "Stueck, William, ed." sorts with "Stueck, William"
            return None
        name = variable if variable is not None else self.get("variable")
        if variable is None and name is not None:
            if name == "locator":
                if not item.has_locator:
                    return None
            elif name.replace("-", "_") not in item.reference or name in _suppressed(self):
                return None
        return super().process(item, variable, plural, context, **kwargs)


class Group(_Displayed, _Fast, cm.Group):  # type: ignore[misc]
    pass


class Choose(_Fast, cm.Choose):  # type: ignore[misc]
    pass


_NUMERIC_RE: Final = re.compile(
    r"^\s*[a-z]*\d+[a-z]*(?:\s*(?:[-\u2013&,]|and)\s*[a-z]*\d+[a-z]*)*\s*$", re.IGNORECASE
)


def is_numeric(value: Any) -> bool:
    """CSL's is-numeric: a number, maybe with letters, or a list or range of them.

    >>> [is_numeric(v) for v in ("5", "79-113", "2, 5 & 7", "12a", "II", "fond 558")]
    [True, True, True, True, False, False]
    """
    if isinstance(value, int):
        return True
    return _NUMERIC_RE.match(str(value)) is not None


class _Condition:
    """Evaluation of ``cs:if`` and ``cs:else-if`` conditions.

    Corrects citeproc-py in three ways: ``disambiguate="true"`` holds only
    for a cite the document's disambiguation found ambiguous (citeproc-py
    ignores it, which made a bare ``<if disambiguate="true">`` always
    true); ``is-numeric`` accepts ranges and lists ("79-113", "2, 5") and
    tests the locator; a condition element without any test it knows is
    false.
    """

    def render(self, item: Any, context: Any = None, delimiter: str = "", **kwargs: Any) -> Any:
        element: Any = self
        results: list[bool] = []
        attrib = element.attrib
        if "type" in attrib or "variable" in attrib:
            types, variables = self._tests()
            if types:
                kind = item.reference.type
                results += [kind == name for name in types]
            if variables:
                reference = item.reference
                results += [
                    (name in item) if name == "locator" else (name in reference)
                    for name in variables
                ]
        if "is-numeric" in attrib:
            results += [self._numeric(item, name) for name in attrib["is-numeric"].split()]
        if "is-uncertain-date" in attrib:
            results += element._is_uncertain_date(item)
        if "locator" in attrib:
            results += element._locator(item)
        if "position" in attrib:
            results += element._position(item, context)
        if "disambiguate" in attrib:
            # true only for a cite the document's disambiguation found ambiguous
            wanted = attrib["disambiguate"].lower() == "true"
            found = _disambiguation(element, item)
            ambiguous = bool(found is not None and found.condition)
            here = context if context is not None else element
            if isinstance(here._area(), cm.Bibliography):
                ambiguous = False
            results.append(ambiguous == wanted)
        match = attrib.get("match", "all")
        if not results:
            passed = False
        elif match == "any":
            passed = any(results)
        elif match == "none":
            passed = not any(results)
        else:
            passed = all(results)
        if not passed:
            raise cm.ConditionFailed
        return element.render_children(item, context=context, delimiter=delimiter, **kwargs)

    def _tests(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        cache = _cache(self)
        tests: tuple[tuple[str, ...], tuple[str, ...]] | None = cache.get("_archref_tests")
        if tests is None:
            attrib: Any = self.attrib  # type: ignore[attr-defined]
            types = tuple(name.lower() for name in attrib.get("type", "").split())
            variables = tuple(name.replace("-", "_") for name in attrib.get("variable", "").split())
            tests = (types, variables)
            cache["_archref_tests"] = tests
        return tests

    @staticmethod
    def _numeric(item: Any, name: str) -> bool:
        if name == "locator":
            return bool(item.has_locator and is_numeric(item.locator.identifier))
        try:
            value = item.reference[name.replace("-", "_")]
        except VariableError:
            return False
        return is_numeric(value)

    def _position(self, item: Any, context: Any) -> list[bool]:
        here: Any = context if context is not None else self
        if isinstance(here._area(), cm.Bibliography):
            return [False]
        if here.get_root().__dict__.get(_LOOKING):
            # disambiguation compares the form of a later, nearby cite
            wanted = self.get("position", "").split()  # type: ignore[attr-defined]
            return [position in ("subsequent", "near-note") for position in wanted]
        return super()._position(item, context)  # type: ignore[misc,no-any-return]


class If(_Condition, _Fast, cm.If):  # type: ignore[misc]
    pass


class Else_If(_Condition, _Fast, cm.Else_If):  # type: ignore[misc]
    pass


class Else(_Fast, cm.Else):  # type: ignore[misc]
    pass


_CLASSES: Final[dict[str, type]] = {
    "style": Style,
    "locale": Locale,
    "citation": Citation,
    "bibliography": Bibliography,
    "term": Term,
    "sort": Sort,
    "key": Key,
    "macro": Macro,
    "layout": Layout,
    "text": Text,
    "date": Date,
    "date-part": Date_Part,
    "number": Number,
    "names": Names,
    "name": Name,
    "name-part": Name_Part,
    "et-al": Et_Al,
    "substitute": Substitute,
    "label": Label,
    "group": Group,
    "choose": Choose,
    "if": If,
    "else-if": Else_If,
    "else": Else,
}


def _parser() -> etree.XMLParser:
    lookup = etree.ElementNamespaceClassLookup()
    namespace = lookup.get_namespace(CSL_NAMESPACE)
    namespace[None] = cm.CitationStylesElement
    namespace.update(_CLASSES)
    parser = etree.XMLParser(remove_comments=True, encoding="UTF-8", no_network=True)
    parser.set_element_class_lookup(lookup)
    return parser


_PARSER_LOCAL = threading.local()


def parser() -> etree.XMLParser:
    """An XML parser producing archref's element classes (one per thread)."""
    found: etree.XMLParser | None = getattr(_PARSER_LOCAL, "parser", None)
    if found is None:
        found = _parser()
        _PARSER_LOCAL.parser = found
    return found


_LOCALES: dict[str, Any] = {}
_LOCALES_LOCK = threading.Lock()


def load_locale(code: str) -> Any:
    """The root of citeproc-py's locale file for *code*, parsed once."""
    with _LOCALES_LOCK:
        if code not in _LOCALES:
            path = os.path.join(LOCALES_PATH, f"locales-{code}.xml")
            if not os.path.exists(path):
                raise ValueError(f"{code!r} is not a known locale")
            root = etree.parse(path, parser()).getroot()
            root.__dict__["_archref_elements"] = list(root.iter())
            _LOCALES[code] = root
        return _LOCALES[code]


class ParsedStyle:
    """A CSL style parsed with archref's element classes.

    It offers the interface citeproc-py's ``CitationStylesBibliography``
    expects of a style, and holds a reference to every element so that the
    per-element caches live as long as the style.
    """

    def __init__(self, source: str | os.PathLike[str], locale: str | None = None) -> None:
        tree = etree.parse(os.fspath(source), parser())
        self.root: Any = tree.getroot()
        if not isinstance(self.root, Style):
            raise ValueError(f"{os.fspath(source)!r} is not a CSL style")
        self._elements = list(self.root.iter())
        if locale is None:
            locale = self.root.get("default-locale", "en-US")
        self.locale: str = locale
        self.root.set_locale_list(locale)
        self.root.formatter = NeutralFormatter
        self.lock = threading.RLock()

    @property
    def is_note_style(self) -> bool:
        return bool(self.root.get("class") == "note")

    def has_bibliography(self) -> bool:
        return self.root.bibliography is not None

    def render_citation(self, citation: Any, cites: Any, callback: Any = None) -> Any:
        return self.root.citation.render(citation, cites, callback)

    def sort_bibliography(self, citation_items: Any) -> Any:
        return self.root.bibliography.sort(citation_items)

    def render_bibliography(self, citation_items: Any) -> Any:
        return self.root.bibliography.render(citation_items)

    def term(self, name: str) -> str:
        """The text of a locale term (long form, singular)."""
        return str(self.root.get_single_term(name))

    def punctuation_in_quote(self) -> bool:
        value = self.root.get_locale_option("punctuation-in-quote")
        return bool(value and str(value).lower() == "true")

    def iter_elements(self) -> Iterator[Any]:
        return iter(self._elements)

    @contextlib.contextmanager
    def disambiguated(
        self, bibliography: Any, keys: list[str], *, citations: bool = True, ordered: bool = False
    ) -> Iterator[None]:
        """Disambiguate the cites of the items *keys* while rendering them.

        With ``ordered``, *keys* are in the bibliography's order already (the
        caller has sorted them), so they are not sorted a second time.
        """
        from citeproc import Citation  # noqa: PLC0415 (same module as citeproc.model)

        def items() -> list[Any]:
            out = []
            for key in keys:
                item = ArchrefCitationItem(key)
                Citation([item]).bibliography = bibliography
                item.bind(bibliography.source[key])
                out.append(item)
            return out

        order = list(keys)
        if not ordered and self.has_bibliography() and self.root.bibliography.sort is not None:
            order = [item.key for item in self.sort_bibliography(items())]
        table = disambiguate(self.root, items(), order, citations=citations)
        self.root.__dict__[_DISAMBIGUATION] = table
        try:
            yield
        finally:
            self.root.__dict__[_DISAMBIGUATION] = None
