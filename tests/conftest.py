"""Shared fixtures: settings in a temporary data dir, stores on SQLite and PostgreSQL,
and a way to run the ``marsad`` command in-process.

PostgreSQL tests run against the server at ``MARSAD_TEST_PG`` (default
``postgresql+psycopg://postgres@127.0.0.1:5432/test``). Each test gets a fresh database
created on that server and dropped afterwards. When no server answers, those tests are
skipped with the reason (shown by ``-ra``), never silently.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa

from marsad.config import load_settings
from marsad.eval.shared import shared_dir

REPO = Path(__file__).resolve().parent.parent
SHARED = shared_dir(REPO)
CORPUS = SHARED / "corpus"
PG_ADMIN_URL = os.environ.get("MARSAD_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")

_pg_reason: list[str] = []


def _pg_available() -> str | None:
    """None when the server answers, else the reason."""
    if _pg_reason:
        return _pg_reason[0] or None
    try:
        eng = sa.create_engine(PG_ADMIN_URL, connect_args={"connect_timeout": 3})
        with eng.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
        eng.dispose()
        _pg_reason.append("")
    except Exception as exc:  # noqa: BLE001 - the reason is reported as the skip message
        _pg_reason.append(f"PostgreSQL not reachable at {PG_ADMIN_URL}: {exc.__class__.__name__}: "
                          f"{str(exc).splitlines()[0] if str(exc) else ''}")
    return _pg_reason[0] or None


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.fail(f"the shared corpus is missing at {CORPUS}: clone the project beside shared/ "
                    f"(or set MARSAD_SHARED)")
    return CORPUS


@pytest.fixture
def pg_url():
    """URL of a fresh, empty PostgreSQL database, dropped after the test."""
    reason = _pg_available()
    if reason:
        pytest.skip(reason)
    name = f"marsad_t_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = sa.engine.make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = :n AND pid <> pg_backend_pid()"), {"n": name})
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request, tmp_path):
    """A fresh database URL on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'marsad.sqlite'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(db_url):
    from marsad.store import Store

    s = Store.open(db_url)
    yield s
    s.close()


@pytest.fixture(scope="session")
def gazetteer_path(tmp_path_factory) -> Path:
    """One gazetteer index per test session (building it takes a few seconds)."""
    return tmp_path_factory.mktemp("gazetteer") / "gazetteer.sqlite"


@pytest.fixture
def env(tmp_path, gazetteer_path, monkeypatch):
    """Environment for a command run: a temporary data dir, the shared gazetteer."""
    for key in list(os.environ):
        if key.startswith("MARSAD_") and key != "MARSAD_TEST_PG":
            monkeypatch.delenv(key)
    values = {
        "MARSAD_DATA_DIR": str(tmp_path / "data"),
        "MARSAD_GAZETTEER_PATH": str(gazetteer_path),
    }
    for k, v in values.items():
        monkeypatch.setenv(k, v)
    monkeypatch.chdir(tmp_path)
    return values


@pytest.fixture
def settings(env):
    return load_settings()


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(env, capsys):
    """Run ``marsad ARGS...`` in-process: ``cli("ingest", path, db=url)`` -> Result."""
    from marsad.cli import main

    def run(*args: str, db: str | None = None) -> Result:
        argv = ([f"--db={db}"] if db else []) + [str(a) for a in args]
        capsys.readouterr()
        code = main(argv)
        cap = capsys.readouterr()
        return Result(code, cap.out, cap.err)

    return run
