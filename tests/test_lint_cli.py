"""``archref check`` and ``fix`` as a linter: folders, configuration, suppressions, cache.

The references are real: "TsKhSD, f. 5, op. 28, d. 103, l. 2" (Stalin to
Gottwald, 1950; TsKhSD is RGANI's name of 1991-1999) and "[PRO:D035/1000]"
are the seed footnotes of tests/test_check_cli.py; "ГАНО. Ф. Р-1. Оп. 1." is
fond Р-1 (Siberian Revolutionary Committee), opis 1, of the State Archive of
Novosibirsk Oblast, as its own notice lists it
(http://archives.nso.ru/news/750), an archive the shipped registry does not
hold.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from archref.cli import main
from archref.config import KEYS
from archref.lint import Progress, Settings, check_path, wants_progress

FORMER = "TsKhSD, f. 5, op. 28, d. 103, l. 2."
ROOT = Path(__file__).resolve().parents[1]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def found(out: str) -> list[tuple[str, str]]:
    """(file, code) of each finding line of a text report."""
    rows = []
    for line in out.splitlines():
        if ": " in line and line.split(": ", 1)[0].count(":") >= 2:
            where, rest = line.split(": ", 1)
            rows.append((where.rsplit(":", 2)[0], rest.split()[0]))
    return rows


@pytest.fixture
def book(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small book in folders, checked from its own folder."""
    write(
        tmp_path,
        {
            "chapters/01-intro.md": f"Intro.[^1]\n\n[^1]: {FORMER}\n",
            "chapters/02-war.tex": f"War\\footnote{{{FORMER}}} and [PRO:D035/1000].\n",
            "chapters/part2/03-peace.md": f"Peace.[^1]\n\n[^1]: {FORMER}\n",
            "chapters/part2/notes.xyz": f"{FORMER}\n",
            "chapters/part2/README": f"{FORMER}\n",
            "chapters/.drafts/old.md": f"{FORMER}\n",
            "chapters/drafts/draft.md": f"{FORMER}\n",
            "chapters/drafts/keep.md": f"{FORMER}\n",
            "chapters/build/out.md": f"{FORMER}\n",
            ".gitignore": "build/\n",
            "chapters/drafts/.gitignore": "*.md\n!keep.md\n",
            "sources.bib": f"@misc{{g1950,\n  note = {{{FORMER}}}\n}}\n",
        },
    )
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.md").write_text(FORMER, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --------------------------------------------------------------------------- folders


def test_a_folder_is_walked_in_sorted_order_with_gitignore(
    book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(["check", "."], capsys)
    assert status == 1, err
    files = list(dict.fromkeys(path for path, _ in found(out)))
    assert files == [
        os.path.join("chapters", "01-intro.md"),
        os.path.join("chapters", "02-war.tex"),
        os.path.join("chapters", "drafts", "keep.md"),  # the nested negation
        os.path.join("chapters", "part2", "03-peace.md"),
        "sources.bib",
    ]
    assert out.splitlines()[-1].startswith("6 citations in 5 files: ")
    assert err == ""


def test_include_and_exclude_patterns(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["check", "chapters", "--include", "*.tex"], capsys)
    assert {path for path, _ in found(out)} == {os.path.join("chapters", "02-war.tex")}
    _, out, _ = run(["check", ".", "--exclude", "part2/", "--exclude", "*.bib"], capsys)
    assert {path for path, _ in found(out)} == {
        os.path.join("chapters", "01-intro.md"),
        os.path.join("chapters", "02-war.tex"),
        os.path.join("chapters", "drafts", "keep.md"),
    }


def test_a_folder_without_gitignore_respect(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (book / "archref.toml").write_text("respect-gitignore = false\n", encoding="utf-8")
    _, out, _ = run(["check", "chapters"], capsys)
    paths = {path for path, _ in found(out)}
    assert os.path.join("chapters", "build", "out.md") in paths
    assert os.path.join("chapters", "drafts", "draft.md") in paths
    assert not any(".drafts" in p for p in paths)  # hidden folders are never walked


def test_a_symbolic_link_loop_is_walked_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from archref.walk import collect

    write(tmp_path, {"a/b/notes.md": FORMER})
    os.symlink(tmp_path / "a", tmp_path / "a" / "b" / "loop")
    monkeypatch.chdir(tmp_path)
    walk = collect(["a"])
    assert walk.files == (os.path.join("a", "b", "notes.md"),)


def test_a_named_file_is_checked_though_gitignore_ignores_it(
    book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = os.path.join("chapters", "build", "out.md")
    _, out, _ = run(["check", name], capsys)
    assert found(out) == [(name, "ARC102")]
    _, out, _ = run(["check", name, "--exclude", "build/"], capsys)
    assert out == "0 citations in 0 files: no files to check\n"


def test_check_ends_on_a_folder_that_links_to_itself(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, {"book/notes.md": FORMER})
    os.symlink(tmp_path / "book", tmp_path / "book" / "again")
    monkeypatch.chdir(tmp_path)
    status, out, _ = run(["check", "book", "--isolated"], capsys)
    assert status == 1
    assert found(out) == [(os.path.join("book", "notes.md"), "ARC102")]


def test_missing_paths_fail_the_run_and_are_counted(
    book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(["check", "chapters/01-intro.md", "nowhere", "gone.md"], capsys)
    assert status == 2
    assert "error: nowhere: cannot read" in err
    assert "error: gone.md: cannot read the file" in err
    assert out.splitlines()[-1] == "1 citation in 1 file: 1 warning; 2 files could not be read"
    status, out, err = run(["check", "nowhere"], capsys)
    assert status == 2
    assert out == "0 citations in 0 files: 1 file could not be read\n"
    assert "no problems found" not in out


def test_a_folder_with_nothing_to_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.xyz").write_text(FORMER, encoding="utf-8")
    status, out, err = run(["check", str(tmp_path), "--isolated"], capsys)
    assert status == 0
    assert out == "0 citations in 0 files: no files to check\n"
    assert "warning: no file archref reads in" in err


def test_jobs_give_the_same_bytes(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for fmt in ("text", "json", "sarif"):
        one = run(["check", ".", "--no-cache", "-j", "1", "--output-format", fmt], capsys)
        two = run(["check", ".", "--no-cache", "-j", "2", "--output-format", fmt], capsys)
        assert one == two


def test_fix_walks_folders_too(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["fix", "chapters", "--include", "*.md"], capsys)
    assert status == 0
    assert out.splitlines()[-1].startswith("3 problems fixed in 3 files")
    assert "RGANI, f. 5" in (book / "chapters" / "01-intro.md").read_text("utf-8")
    assert "TsKhSD" in (book / "chapters" / "02-war.tex").read_text("utf-8")


# --------------------------------------------------------------------------- options


@pytest.mark.parametrize("argv", [["--version"], ["check", "--version"], ["format", "--version"]])
def test_version_everywhere(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    from importlib.metadata import version

    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 0
    assert capsys.readouterr().out == f"archref {version('archref')}\n"


def test_statistics(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["check", ".", "--statistics"], capsys)
    assert status == 1
    lines = out.splitlines()
    assert lines[0].split() == ["6", "ARC102", "former", "name", "of", "an", "archive"]
    assert [line.split()[:2] for line in lines[1:3]] == [["1", "ARC201"], ["1", "ARC203"]]
    assert lines[-1].startswith("6 citations in 5 files")
    _, out, _ = run(["check", ".", "--statistics", "--output-format", "json"], capsys)
    data = json.loads(out)  # the whole output is JSON: no text summary after it
    assert data[0] == {"code": "ARC102", "count": 6, "summary": "former name of an archive"}


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_and_never_in_ci() -> None:
    assert not wants_progress(io.StringIO(), _Tty(), {})
    assert not wants_progress(_Tty(), io.StringIO(), {})
    assert wants_progress(_Tty(), _Tty(), {})
    assert not wants_progress(_Tty(), _Tty(), {"CI": "true"})
    stream = _Tty()
    bar = Progress(4, stream)
    for done in range(1, 5):
        bar(done)
    assert "4/4 files" in stream.getvalue()
    bar.close()
    assert stream.getvalue().endswith("\r\x1b[2K")


def test_no_progress_bar_when_piped(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, _, err = run(["check", "."], capsys)
    assert "files" not in err and "\r" not in err


# --------------------------------------------------------------------------- cache


def test_cached_results_are_the_fresh_ones(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cache = book / "cache"
    argv = ["check", ".", "--cache-dir", str(cache), "--output-format", "json"]
    fresh = run([*argv, "--no-cache"], capsys)
    assert not cache.exists()
    first = run(argv, capsys)
    assert (cache / "CACHEDIR.TAG").read_text("utf-8").startswith("Signature: 8a477f597d28d172")
    assert (cache / ".gitignore").read_text("utf-8").splitlines()[-1] == "*"
    second = run(argv, capsys)
    assert fresh == first == second
    name = os.path.join("chapters", "02-war.tex")
    cached = check_path(name, Settings(cache_dir=str(cache)))
    fresh_result = check_path(name, Settings())
    assert cached.cached and not fresh_result.cached
    assert cached.findings == fresh_result.findings and len(cached.findings) == 4
    assert cached.references == fresh_result.references


def test_a_changed_file_or_rule_set_is_checked_afresh(
    book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = str(book / "cache")
    name = os.path.join("chapters", "01-intro.md")
    assert not check_path(name, Settings(cache_dir=cache)).cached
    assert check_path(name, Settings(cache_dir=cache)).cached
    assert not check_path(name, Settings(codes=("ARC203",), cache_dir=cache)).cached
    (book / name).write_text("Intro.[^1]\n\n[^1]: RGANI, f. 5, op. 28, d. 103, l. 2.\n", "utf-8")
    result = check_path(name, Settings(cache_dir=cache))
    assert not result.cached and result.findings == ()


def test_the_cache_key_holds_the_version_and_the_registry(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import archref
    from archref import cache

    data = FORMER.encode("utf-8")
    local = [("archives.toml", '[[archive]]\nid = "GANO"\nname_en = "N"\nacronyms = ["GANO"]\n')]
    key = cache.cache_key(data, "notes.md", "markdown", ["ARC102"], local)
    assert cache.cache_key(data, "notes.md", "markdown", ["ARC102"], local) == key
    # another registry file, or the same file changed: another key
    assert cache.cache_key(data, "notes.md", "markdown", ["ARC102"], []) != key
    changed = [(local[0][0], local[0][1].replace('"N"', '"Novosibirsk"'))]
    assert cache.cache_key(data, "notes.md", "markdown", ["ARC102"], changed) != key
    # another archref version: another key (the fingerprint is computed once a process)
    cache._fingerprint.cache_clear()
    monkeypatch.setattr(archref, "__version__", "999.0")
    try:
        assert cache.cache_key(data, "notes.md", "markdown", ["ARC102"], local) != key
    finally:
        cache._fingerprint.cache_clear()


def test_a_corrupt_cache_entry_is_ignored(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cache = book / "cache"
    argv = ["check", ".", "--cache-dir", str(cache)]
    expected = run(argv, capsys)
    entries = sorted(cache.glob("*/*.json"))
    assert len(entries) == 5
    entries[0].write_bytes(b"\xff{not json")
    entries[1].write_text('{"key": "other", "entry": {}}', encoding="utf-8")
    data = json.loads(entries[2].read_text("utf-8"))
    data["entry"]["findings"] = [["broken"]]
    entries[2].write_text(json.dumps(data), encoding="utf-8")
    entries[3].write_text("[" * 100000, encoding="utf-8")
    assert run(argv, capsys) == expected


# --------------------------------------------------------------------------- configuration


def test_pyproject_configuration_is_found_walking_up(
    book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (book / "pyproject.toml").write_text(
        '[project]\nname = "book"\n\n[tool.archref]\nignore = ["ARC102"]\n', encoding="utf-8"
    )
    status, out, _ = run(["check", "chapters/02-war.tex"], capsys)
    assert [code for _, code in found(out)] == ["ARC203", "ARC201"]
    assert status == 1
    # the nearest configuration wins: one in chapters/ selects ARC102 only
    (book / "chapters" / "archref.toml").write_text('select = ["ARC102"]\n', encoding="utf-8")
    _, out, _ = run(["check", "chapters/02-war.tex"], capsys)
    assert [code for _, code in found(out)] == ["ARC102", "ARC102"]
    _, out, _ = run(["check", "chapters/02-war.tex", "--isolated"], capsys)
    assert sorted(code for _, code in found(out)) == ["ARC102", "ARC102", "ARC201", "ARC203"]
    _, out, _ = run(["check", "chapters/02-war.tex", "--config", "pyproject.toml"], capsys)
    assert [code for _, code in found(out)] == ["ARC203", "ARC201"]


def test_configuration_keys(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (book / "archref.toml").write_text(
        'select = ["ARC2"]\n'
        'extend-select = ["ARC1"]\n'
        'fail-on = "error"\n'
        'exclude = ["part2/"]\n'
        '[per-file-ignores]\n"chapters/0*.tex" = ["ARC102"]\n',
        encoding="utf-8",
    )
    status, out, _ = run(["check", "."], capsys)
    assert status == 0  # warnings only, and fail-on is error
    assert sorted(set(found(out))) == [
        (os.path.join("chapters", "01-intro.md"), "ARC102"),
        (os.path.join("chapters", "02-war.tex"), "ARC201"),
        (os.path.join("chapters", "02-war.tex"), "ARC203"),
        (os.path.join("chapters", "drafts", "keep.md"), "ARC102"),
        ("sources.bib", "ARC102"),
    ]
    status, _, _ = run(["check", ".", "--fail-on", "warning"], capsys)
    assert status == 1  # the command line wins


def test_style_notation_output_format_and_cache_dir_from_the_configuration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path,
        {
            "notes.txt": f"{FORMER}\n\nRGASPI, f. 558, op. 11, d. 62, ll. 71-72.\n\n"
            "John Lewis Gaddis, We Now Know: Rethinking Cold War History "
            "(Oxford: Clarendon Press, 1997), 71.\n",
            "archref.toml": 'notation = "ru"\nstyle = "mhra"\noutput-format = "json"\n'
            'cache-dir = "build/cache"\n',
        },
    )
    status, configured, _ = run(["format", "notes.txt", "--kind", "notes"], capsys)
    assert status == 0
    explicit = ["format", "notes.txt", "--kind", "notes", "--style", "mhra", "--notation", "ru"]
    _, given, _ = run([*explicit, "--isolated"], capsys)
    _, default, _ = run(["format", "notes.txt", "--kind", "notes", "--isolated"], capsys)
    assert configured == given != default
    # the Russian notation writes the archival notes; MHRA gives the book's page as "p. 71"
    lines = configured.splitlines()
    assert lines[0] == "РГАНИ. Ф. 5. Оп. 28. Д. 103. Л. 2."
    assert lines[2].endswith(", p. 71.") and not default.splitlines()[2].endswith(", p. 71.")
    monkeypatch.delenv("ARCHREF_CACHE_DIR")  # the suite's own cache folder wins over the file
    status, out, _ = run(["check", "notes.txt"], capsys)
    assert status == 1
    assert [f["code"] for f in json.loads(out)["findings"]] == ["ARC102"]
    assert (tmp_path / "build" / "cache" / "CACHEDIR.TAG").exists()
    _, out, _ = run(["check", "notes.txt", "--output-format", "text"], capsys)
    assert out.endswith("3 citations in 1 file: 1 warning\n")  # the command line wins


def test_extra_archives_from_a_local_registry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {"notes.txt": "ГАНО. Ф. Р-1. Оп. 1.\n"})
    status, out, _ = run(["check", "notes.txt", "--fail-on", "info"], capsys)
    assert status == 1 and "ARC101 info: archive 'ГАНО' is not in the registry" in out
    write(
        tmp_path,
        {
            "archives.toml": '[[archive]]\nid = "GANO"\n'
            'name_en = "State Archive of Novosibirsk Oblast"\n'
            'acronyms = ["GANO"]\nacronyms_cyrillic = ["ГАНО"]\ncity = "Novosibirsk"\n',
            "archref.toml": 'registry = "archives.toml"\n',
        },
    )
    status, out, _ = run(["check", "notes.txt", "--fail-on", "info"], capsys)
    assert (status, out) == (0, "1 citation in 1 file: no problems found\n")
    # extract and format read the file with the same registry: the same citation
    status, out, _ = run(["extract", "--json", "notes.txt"], capsys)
    (record,) = [json.loads(line) for line in out.splitlines()]
    assert status == 0 and record["reference"]["archive"]["id"] == "GANO"
    assert record["diagnostics"] == []
    status, out, _ = run(["format", "notes.txt", "--to", "csl-json"], capsys)
    (item,) = json.loads(out)
    assert status == 0 and item["archive"] == "State Archive of Novosibirsk Oblast"
    assert item["archive-place"] == "Novosibirsk"
    _, out, _ = run(["extract", "--json", "notes.txt", "--isolated"], capsys)
    assert [d["code"] for d in json.loads(out)["diagnostics"]] == ["ARC101"]
    write(
        tmp_path,
        {"archives.toml": '[[archive]]\nid = "RGANI2"\nname_en = "X"\nacronyms = ["RGANI"]\n'},
    )
    for command in (["check"], ["extract"], ["format"]):
        status, _, err = run([*command, "notes.txt"], capsys)
        assert status == 2
        assert "archref.toml: key 'registry': alias 'RGANI' of RGANI2 already names RGANI" in err


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        (
            'fail-on = "warn"',
            "key 'fail-on': expected one of 'error', 'warning', 'info', 'never',"
            " got 'warn' (did you mean 'warning'?)",
        ),
        ('select = ["ARC12"]', "key 'select': no rule code starts with 'ARC12' (did you mean"),
        ('ignore = ["RAC102"]', "no rule code starts with 'RAC102' (did you mean 'ARC102'?)"),
        ("select = 5", "key 'select': expected a list of rule codes or prefixes, got 5"),
        ('fail_on = "error"', "unknown key 'fail_on' (did you mean 'fail-on'?)"),
        ("respect-gitignore = 1", "key 'respect-gitignore': expected true or false, got 1"),
        ('[per-file-ignores]\n"*.md" = ["XX1"]', "key 'per-file-ignores.*.md': no rule code"),
        ("select = [", "not valid TOML"),
        ('registry = "nowhere.toml"', "key 'registry': cannot read nowhere.toml"),
    ],
)
def test_a_bad_configuration_names_file_key_and_expectation(
    toml: str,
    message: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {"archref.toml": toml + "\n", "notes.txt": FORMER})
    status, out, err = run(["check", "notes.txt"], capsys)
    assert status == 2
    assert out == ""
    assert err.startswith("error: ") and "archref.toml" in err and message in err


def test_an_unknown_code_on_the_command_line_gets_a_suggestion(
    book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(["check", ".", "--ignore", "ARC1O2"], capsys)
    assert status == 2
    assert err == "error: --ignore: no rule code starts with 'ARC1O2' (did you mean 'ARC102'?)\n"


def test_notation_sets_the_default_of_parse(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {"archref.toml": 'notation = "ru"\n'})
    _, out, _ = run(["parse", "TsKhSD, f. 5, op. 28, d. 103, l. 2"], capsys)
    assert out == "РГАНИ. Ф. 5. Оп. 28. Д. 103. Л. 2\n"
    _, out, _ = run(["parse", "--style", "en", "TsKhSD, f. 5, op. 28, d. 103, l. 2"], capsys)
    assert out == "RGANI, f. 5, op. 28, d. 103, l. 2\n"


def _documented_keys() -> set[str]:
    import re

    text = (ROOT / "docs" / "configuration.md").read_text("utf-8")
    return set(re.findall(r"^### `([a-z-]+)`$", text, re.M))


def test_every_configuration_key_is_documented_and_every_documented_key_exists() -> None:
    assert _documented_keys() == set(KEYS)


# --------------------------------------------------------------------------- suppressions


def test_markdown_suppressions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (
        "<!-- archref: ignore ARC102 -->\n"  # 1: the next block (lines 2-3)
        f"{FORMER}\n"
        "and [PRO:D035/1000].\n"
        "\n"
        f"{FORMER} <!-- archref: ignore -->\n"  # 5: its own line, every code
        "\n"
        "<!-- archref: off ARC102 -->\n"  # 7-10: a region
        f"{FORMER}\n"
        "<!-- archref: on -->\n"
        f"{FORMER}\n"  # 10: reported
        "\n"
        "```\n"
        "<!-- archref: ignore-file -->\n"  # in a code fence: text, not a comment
        "```\n"
        "<!-- archref: ignore UN209, ARX999 -->\n"  # 15: unused, and a code no rule has
        "S/RES/82 (1950).\n"
    )
    write(tmp_path, {"notes.md": text})
    _, out, _ = run(["check", str(tmp_path / "notes.md"), "--isolated", "--no-cache"], capsys)
    rows = [(line, code) for _, line, code in _rows(out)]
    # PRO (ARC102) is silenced with TsKhSD in lines 2-3; its other findings are not
    assert rows == [("3", "ARC203"), ("3", "ARC201"), ("10", "ARC102"), ("15", "ARC900")]
    assert "unused suppression: no UN209 finding to silence; no rule has the code ARX999" in out
    # the rule can be turned off, and codes not checked are not reported as unused
    _, out, _ = run(
        ["check", str(tmp_path / "notes.md"), "--isolated", "--ignore", "ARC900"], capsys
    )
    assert "ARC900" not in out
    write(tmp_path, {"other.md": f"<!-- archref: ignore-file UN209 -->\n{FORMER}\n"})
    _, out, _ = run(["check", str(tmp_path / "other.md"), "--isolated", "--select", "ARC"], capsys)
    assert [line.split()[1] for line in out.splitlines()[:-1]] == ["ARC102"]


def test_only_real_markdown_comments_suppress(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A style guide that shows the comment between backticks, in indented code
    # or in front matter writes text, not a comment: what follows is still checked.
    text = (
        "---\n"
        "note: <!-- archref: ignore-file -->\n"  # front matter
        "---\n"
        "\n"
        "Write `<!-- archref: ignore ARC102 -->` on a line of its own:\n"  # 5: a code span
        f"{FORMER}\n"  # 6
        "\n"
        f"{FORMER} ``<!-- archref: ignore -->``\n"  # 8: a code span of two backticks
        "\n"
        "    <!-- archref: ignore-file -->\n"  # 10: indented code
        "\n"
        "<!-- archref:\n"  # 12-13: a real comment over two lines silences the next block
        "     ignore ARC102 -->\n"
        f"{FORMER}\n"  # 14
        "\n"
        f"[^1]: {FORMER} <!-- archref: ignore ARC102 --> and `<!-- archref: off -->`\n"  # 16
        f"    {FORMER}\n"  # 17: not on the comment's line
    )
    write(tmp_path, {"style.md": text})
    _, out, _ = run(["check", str(tmp_path / "style.md"), "--isolated", "--no-cache"], capsys)
    assert [(line, code) for _, line, code in _rows(out)] == [
        ("6", "ARC102"),
        ("8", "ARC102"),
        ("17", "ARC102"),
    ]
    # fix rewrites what no comment silences, and only that (without ARC503, which
    # finds the same file under two names once the others read RGANI)
    _, out, _ = run(["fix", str(tmp_path / "style.md"), "--isolated", "--ignore", "ARC503"], capsys)
    fixed = (tmp_path / "style.md").read_text("utf-8").splitlines()
    current = "RGANI" + FORMER[len("TsKhSD") :]
    assert [fixed[k - 1].strip().startswith(current) for k in (6, 8, 14, 17)] == [
        True,
        True,
        False,
        True,
    ]
    assert fixed[15].startswith(f"[^1]: {FORMER} <!--")


def test_a_whole_file_suppression(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, {"notes.md": f"{FORMER}\n\n<!-- archref: ignore-file ARC102 -->\n\n{FORMER}\n"})
    status, out, _ = run(["check", str(tmp_path / "notes.md"), "--isolated"], capsys)
    assert (status, out) == (0, "2 citations in 1 file: no problems found\n")


def test_latex_bibtex_and_text_suppressions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        tmp_path,
        {
            "a.tex": f"A\\footnote{{{FORMER}}} % archref: ignore ARC102\n"
            f"B\\footnote{{{FORMER}}} 50\\% archref: ignore ARC102\n"  # \% is no comment
            "% archref: off\n"
            f"C\\footnote{{{FORMER}}}\n"
            "% archref: on\n",
            "a.bib": f"@misc{{g1950,\n  note = {{{FORMER}}},\n  archref-ignore = {{ARC102}}\n}}\n\n"
            f"@misc{{g1950b,\n  note = {{{FORMER}}}\n}}\n",
            "a.txt": f"# archref: ignore ARC102\n{FORMER}\n\n{FORMER}\n",
        },
    )
    names = [str(tmp_path / n) for n in ("a.tex", "a.bib", "a.txt")]
    _, out, _ = run(["check", *names, "--isolated"], capsys)
    rows = [(Path(p).name, line, code) for p, line, code in _rows(out)]
    assert rows == [("a.tex", "2", "ARC102"), ("a.bib", "7", "ARC102"), ("a.txt", "4", "ARC102")]


def test_a_percent_in_latex_verbatim_is_no_suppression(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A manual of the house style shows the comment as typed: in a verbatim
    # environment or \verb it is text, and silences nothing.
    text = (
        "\\begin{verbatim}\n"
        "% archref: ignore-file\n"  # 2: verbatim text
        "\\end{verbatim}\n"
        f"A\\footnote{{{FORMER}}}\n"  # 4
        "\n"
        f"Write \\verb|% archref: ignore ARC102| after it.\\footnote{{{FORMER}}}\n"  # 6
        "\n"
        "\\begin{lstlisting} % archref: ignore-file\n"  # 8: after \begin, verbatim too
        "\\end{lstlisting}\n"
        f"B\\footnote{{{FORMER}}} % archref: ignore ARC102\n"  # 10: a real comment
    )
    write(tmp_path, {"style.tex": text})
    _, out, _ = run(["check", str(tmp_path / "style.tex"), "--isolated", "--no-cache"], capsys)
    assert [(line, code) for _, line, code in _rows(out)] == [("4", "ARC102"), ("6", "ARC102")]


def _rows(out: str) -> list[tuple[str, str, str]]:
    rows = []
    for line in out.splitlines()[:-1]:
        where, rest = line.split(": ", 1)
        path, ln, _ = where.rsplit(":", 2)
        rows.append((path, ln, rest.split()[0]))
    return rows


def test_fix_leaves_a_suppressed_finding_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # once the second note reads RGANI, the first cites the same file under the former
    # name (ARC503): a note that keeps the former name on purpose silences both
    text = f"<!-- archref: ignore ARC102, ARC503 -->\n{FORMER}\n\n{FORMER}\n"
    write(tmp_path, {"notes.md": text})
    status, out, _ = run(["fix", str(tmp_path / "notes.md"), "--isolated"], capsys)
    assert status == 0
    fixed = (tmp_path / "notes.md").read_text("utf-8")
    assert fixed == f"<!-- archref: ignore ARC102, ARC503 -->\n{FORMER}\n\nRGANI{FORMER[6:]}\n"
    assert out.splitlines()[-1].startswith("1 problem fixed in 1 file; 0 problems left")
    # with ARC102 alone silenced, fix still leaves the former name, and ARC503 says so
    text = f"<!-- archref: ignore ARC102 -->\n{FORMER}\n\n{FORMER}\n"
    write(tmp_path, {"other.md": text})
    status, out, _ = run(["check", str(tmp_path / "other.md"), "--isolated", "--no-cache"], capsys)
    assert [code for _, code in found(out)] == ["ARC102"]


# --------------------------------------------------------------------------- CI


def test_the_action_runs_the_documented_commands() -> None:
    import yaml

    action = yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))
    assert action["runs"]["using"] == "composite"
    runs = [step["run"] for step in action["runs"]["steps"] if "run" in step]
    assert runs[0].startswith("python -m pip install")
    assert runs[-1].startswith("archref check --output-format github")
    ci = (ROOT / "docs" / "ci.md").read_text("utf-8")
    for command in runs:
        assert f"\n{command}\n" in ci, command
    # installed from the repository, never from a package index
    assert "pip install archref" not in ci


# The two forms of one RGASPI file in the NKIDP e-Dossier no. 1 (2008): abbreviated
# labels in one note, labels in full in another (ARC501).
MIXED_LABELS = (
    "Stalin to Gottwald.[^1] Mao to Stalin.[^2]\n\n"
    "[^1]: RGASPI, f. 558, op. 11, d. 62, ll. 71-72.\n"
    "[^2]: Russian State Archive of Socio-Political History (RGASPI), "
    "fond 558, opis 11, delo 97, listy 67-70.\n"
)


def test_prefer_in_the_configuration_and_on_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {"notes.md": MIXED_LABELS})
    # no preference: the first form used wins the tie, the full labels are reported
    status, out, _ = run(["check", "--no-cache", "--output-format", "json", "notes.md"], capsys)
    (finding,) = json.loads(out)["findings"]
    assert (finding["code"], finding["text"]) == ("ARC501", "fond 558, opis 11, delo 97, listy")
    # the configuration prefers the full labels: the abbreviated ones are reported
    write(tmp_path, {"archref.toml": '[prefer]\nlabels = "full"\n'})
    status, out, _ = run(["check", "--no-cache", "--output-format", "json", "notes.md"], capsys)
    (finding,) = json.loads(out)["findings"]
    assert finding["fix"] == "fond 558, opis 11, delo 62, listy"
    # the command line wins over the configuration, and fix follows the same preference
    argv = ["fix", "--prefer", "labels=abbreviated", "notes.md"]
    status, out, err = run(argv, capsys)
    assert status == 0, err
    text = (tmp_path / "notes.md").read_text("utf-8")
    assert "(RGASPI), f. 558, op. 11, d. 97, ll. 67-70." in text
    assert run(argv, capsys)[0] == 0 and (tmp_path / "notes.md").read_text("utf-8") == text


def test_a_bad_preference_in_the_configuration_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {"notes.md": MIXED_LABELS, "archref.toml": '[prefer]\nlabels = "long"\n'})
    status, _, err = run(["check", "notes.md"], capsys)
    assert status == 2
    assert "archref.toml: key 'prefer'" in err and "'long'" in err


def test_the_cache_knows_the_preference(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {"notes.md": MIXED_LABELS})
    plain = run(["check", "--output-format", "json", "notes.md"], capsys)[1]
    full = ["check", "--output-format", "json", "--prefer", "labels=full", "notes.md"]
    preferred = run(full, capsys)[1]
    assert json.loads(plain)["findings"] != json.loads(preferred)["findings"]
    assert run(full, capsys)[1] == preferred  # now from the cache, the same
