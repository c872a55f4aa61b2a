"""The catalogue of diagnostic codes: every rule archref can report.

Each family keeps its checks where its grammar is; this module only lists
the codes, so that a tool (``archref check --select``, a SARIF report, an
editor) can name and describe a rule without running it. Codes are stable:
a code never changes meaning, and a retired rule keeps its code unused.

* ``ARC0xx``: extraction (cut-off references, "Ibid." resolution);
* ``ARC1xx``: archival references of the fond family;
* ``ARC2xx``: The National Archives (UK) notation;
* ``ARC3xx``: the US National Archives (NARA) notation;
* ``ARC4xx``: the German federal archives (Bundesarchiv, BStU) notation;
* ``ARC5xx``: consistency within a document (:mod:`archref.consistency`);
* ``ARC9xx``: archref's own comments in a file (an unused suppression);
* ``UN1xx``-``UN3xx``: UN document symbols;
* ``PUB1xx``: published works.

>>> RULES["ARC102"].summary, RULES["ARC102"].severity
('former name of an archive', 'warning')
>>> RULES["UN206"].family
'un'
>>> [r.code for r in select(["ARC1"], ["ARC104"])]
['ARC101', 'ARC102', 'ARC103', 'ARC105', 'ARC106']
>>> RULES["ARC102"].help_uri("https://example.org/archref/")
'https://example.org/archref/rules/#arc102'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs

from archref.model.common import Severity
from archref.notations import published, un

__all__ = ["DOCS_URL", "RULES", "Rule", "select"]

#: Where the documentation site is published: the base of each rule's
#: ``helpUri`` in a SARIF log (``report_sarif(..., docs_url=...)`` sets another).
DOCS_URL = "https://archref.readthedocs.io/en/latest/"

#: The section of a page that documents rules with no heading of their own.
_SECTIONS = {"published-sources.md": "the-rules"}


@attrs.frozen
class Rule:
    """One diagnostic code.

    Attributes:
        code: ``"ARC102"``.
        severity: the severity it is reported with (a family may lower it
            in a context it explains, never raise it).
        summary: a one-line description, lower case.
        family: ``"extraction"``, ``"fonds"``, ``"tna"``, ``"nara"``, ``"barch"``,
            ``"consistency"``, ``"un"``, ``"published"``, ``"suppression"``.
        page: the documentation page that describes it.
    """

    code: str
    severity: Severity
    summary: str
    family: str
    page: str

    @property
    def anchor(self) -> str:
        """The rule's section on its page: its heading's id (``"arc102"``)."""
        return _SECTIONS.get(self.page, self.code.lower())

    def help_uri(self, docs_url: str = DOCS_URL) -> str:
        """The address of the rule's documentation in the site built from ``docs/``."""
        page = self.page.removesuffix(".md")
        return f"{docs_url.rstrip('/')}/{page}/#{self.anchor}"


_ARCHIVAL: tuple[tuple[str, Severity, str, str], ...] = (
    ("ARC001", "warning", "incomplete reference", "extraction"),
    ("ARC010", "warning", '"Ibid." with nothing to repeat', "extraction"),
    ("ARC011", "warning", 'ambiguous "Ibid."', "extraction"),
    ("ARC101", "info", "archive not in the registry", "fonds"),
    ("ARC102", "warning", "former name of an archive", "fonds"),
    ("ARC103", "warning", "no archive named", "fonds"),
    ("ARC104", "info", "pages in a foliated file", "fonds"),
    ("ARC105", "warning", "Latin look-alike letter in a fond's prefix", "fonds"),
    ("ARC106", "warning", "archive name misspelt, read as the known one", "fonds"),
    ("ARC201", "info", "department glued to its series", "tna"),
    ("ARC202", "warning", "unknown department", "tna"),
    ("ARC203", "warning", "zero for the letter O in the department", "tna"),
    ("ARC204", "info", "stray spaces", "tna"),
    ("ARC205", "warning", "stray full stop before the series", "tna"),
    ("ARC206", "warning", "letters for digits in the piece (OCR)", "tna"),
    ("ARC301", "warning", "decimal file whose date part is no date", "nara"),
    ("ARC302", "warning", "record group with nothing after it", "nara"),
    ("ARC303", "info", "record group not written 'RG n'", "nara"),
    ("ARC401", "warning", "range of leaves or pages running backwards", "barch"),
    ("ARC402", "info", "ambiguous abbreviation 'BA' for the Bundesarchiv", "barch"),
    (
        "ARC501",
        "info",
        "level labels abbreviated in some references, in full in others",
        "consistency",
    ),
    ("ARC502", "warning", "one archive's acronym written in two scripts", "consistency"),
    ("ARC503", "warning", "one file cited under a former and a current name", "consistency"),
    ("ARC504", "warning", "'l.' and 'll.' used unlike for several leaves", "consistency"),
    ("ARC505", "info", "levels punctuated in two ways", "consistency"),
    ("ARC900", "warning", "unused suppression comment", "suppression"),
)


def _catalogue() -> dict[str, Rule]:
    rules = {
        code: Rule(code, severity, summary, family, "rules.md")
        for code, severity, summary, family in _ARCHIVAL
    }
    for code, (severity, summary) in un.RULES.items():
        rules[code] = Rule(code, severity, summary, "un", "un-symbols.md")
    for code, (severity, summary) in published.RULES.items():
        rules[code] = Rule(code, severity, summary, "published", "published-sources.md")
    return dict(sorted(rules.items()))


#: Every code archref reports, in code order.
RULES: Mapping[str, Rule] = _catalogue()


def select(include: Iterable[str] = (), exclude: Iterable[str] = ()) -> list[Rule]:
    """The rules whose code starts with one of ``include`` (all when empty) and
    with none of ``exclude``, as ruff's ``--select`` and ``--ignore`` read codes.

    A prefix that matches no rule is an error, so a typing slip in a CI
    configuration does not silently select nothing.
    """
    include, exclude = [p.upper() for p in include], [p.upper() for p in exclude]
    for prefix in (*include, *exclude):
        if not any(code.startswith(prefix) for code in RULES):
            raise ValueError(f"no rule code starts with {prefix!r}")
    return [
        rule
        for code, rule in RULES.items()
        if (not include or any(code.startswith(p) for p in include))
        and not any(code.startswith(p) for p in exclude)
    ]
