"""Gazetteer fixtures: the session-wide index (built once, see tests/conftest.py) and a
copy of it with the hand-made GeoNames fixture imported (never the shared file itself)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from marsad.config import load_settings

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = FIXTURES / "SY-sample.txt"


@pytest.fixture(scope="session")
def shared_settings(gazetteer_path, tmp_path_factory):
    data = tmp_path_factory.mktemp("geo-data")
    return load_settings(env={}, data_dir=str(data), gazetteer_path=str(gazetteer_path))


@pytest.fixture(scope="session")
def gaz(shared_settings):
    from marsad.geo.gazetteer import open_gazetteer

    return open_gazetteer(shared_settings)


@pytest.fixture
def index_copy(gaz, tmp_path) -> Path:
    """A private copy of the shared index, for tests that write to it."""
    dst = tmp_path / "gazetteer-copy.sqlite"
    shutil.copyfile(gaz.path, dst)
    return dst
