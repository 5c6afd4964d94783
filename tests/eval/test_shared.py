"""Finding the shared folder from a checkout: beside it, beside its origin, or $MARSAD_SHARED."""

from marsad.eval.shared import shared_dir


def _checkout(path, origin=None):
    (path / ".git").mkdir(parents=True)
    if origin is not None:
        (path / ".git" / "config").write_text(
            f'[core]\n\tbare = false\n[remote "origin"]\n\turl = {origin}\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n',
            encoding="utf-8")
    return path


def test_beside_the_checkout_then_beside_its_origin(tmp_path, monkeypatch):
    monkeypatch.delenv("MARSAD_SHARED", raising=False)
    work = tmp_path / "work"
    main = _checkout(work / "main")
    (work / "shared").mkdir()
    assert shared_dir(main) == work / "shared"
    clone = _checkout(tmp_path / "elsewhere" / "clone", origin=str(main))
    assert shared_dir(clone) == work / "shared"
    # a remote that is no local directory: the folder beside the clone, which does not exist
    remote = _checkout(tmp_path / "other" / "clone", origin="https://example.org/marsad.git")
    assert shared_dir(remote) == tmp_path / "other" / "shared"


def test_the_environment_overrides(tmp_path, monkeypatch):
    monkeypatch.setenv("MARSAD_SHARED", str(tmp_path / "mine"))
    assert shared_dir(_checkout(tmp_path / "main")) == tmp_path / "mine"
