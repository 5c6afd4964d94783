"""docs/cli.md, docs/settings.md and docs/errors.md are generated from the code
(`python -m marsad.docs`); these tests fail when they drift or when something is
undocumented."""

import pytest

from marsad import docs
from marsad.config import SETTINGS
from marsad.errors import all_errors

GENERATED = docs.generate()


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_checked_in_docs_match_the_code(name):
    path = docs.DOCS_DIR / name
    assert path.exists(), f"docs/{name} is missing: run `python -m marsad.docs`"
    assert path.read_text(encoding="utf-8") == GENERATED[name], (
        f"docs/{name} is out of date: run `python -m marsad.docs` and commit the result")


def test_every_command_and_option_has_help():
    tree = docs.command_tree()
    assert {"marsad ingest", "marsad documents", "marsad document", "marsad stats"} <= {c["name"] for c in tree}
    undocumented = [c["name"] for c in tree if not c["help"].strip()]
    assert not undocumented, f"commands without help: {undocumented}"
    bare = [f"{c['name']} {p['names']}" for c in tree for p in c["params"]
            if p["kind"] == "option" and p["name"] != "help" and not p["own_help"]]
    assert not bare, f"options without help: {bare}"
    cli_md = GENERATED["cli.md"]
    for c in tree:
        assert f"## `{c['name']}`" in cli_md
        for p in c["params"]:
            assert docs._md_code(p["names"]) in cli_md


def test_every_setting_is_documented():
    md = GENERATED["settings.md"]
    for s in SETTINGS:
        assert s.help.strip(), f"setting {s.name} has no help"
        assert f"| `{s.name}` | `MARSAD_{s.name.upper()}` |" in md


def test_every_error_code_is_documented_once():
    md = GENERATED["errors.md"]
    codes = [cls.code for cls in all_errors()]
    assert len(codes) == len(set(codes)), "two error classes share a code"
    for cls in all_errors():
        assert f"| `{cls.code}` | `{cls.__name__}` |" in md
    raised = {code for code, *_ in docs.raised_codes()}
    assert {"M201", "M205"} <= raised                      # codes given where they are raised
    assert not raised & set(codes), "a specific code reuses the code of an error class"


def test_check_mode_reports_stale_files(tmp_path, capsys):
    assert docs.main([f"--out={tmp_path}"]) == 0
    assert docs.main(["--check", f"--out={tmp_path}"]) == 0
    (tmp_path / "cli.md").write_text("stale\n")
    assert docs.main(["--check", f"--out={tmp_path}"]) == 1
    assert "cli.md" in capsys.readouterr().err


def test_help_renders_for_every_command(cli):
    """`--help` works on every command and group (help text is plain, never markup)."""
    for entry in docs.command_tree():
        path = entry["name"].split()[1:]
        res = cli(*path, "--help")
        assert res.code == 0, (entry["name"], res.err[-500:])
        assert "Usage" in res.out
