"""Fixtures shared by every level of the test pyramid."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.db import Database
from bot.i18n import Locales


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    """A real SQLite file with every migration applied."""
    database = Database(tmp_path / "bot.sqlite3")
    await database.connect()
    await database.migrate()
    yield database
    await database.close()


@pytest.fixture(scope="session")
def locales() -> Locales:
    return Locales("uz")
