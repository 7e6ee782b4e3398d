"""BACKUP_DIR / BACKUP_EVERY / BACKUP_KEEP: copies on the bot's own schedule, rotated."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ADMIN_ID, BotInProcess


@pytest.fixture
def bot_env(tmp_path: Path) -> dict[str, str]:
    return {
        "ADMIN_IDS": str(ADMIN_ID),
        "BACKUP_DIR": str(tmp_path / "backups"),
        "BACKUP_EVERY": "6h",
        "BACKUP_KEEP": "3",
    }


async def test_backups_run_every_interval_and_keep_the_newest(
    bot_app: BotInProcess, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    assert not folder.exists()  # none at start: a crash loop must not fill the disk
    for _ in range(5):
        await bot_app.clock.advance(hours=6)
    backups = sorted(folder.iterdir())
    assert len(backups) == 3
    assert "backup written" in bot_app.log()
    assert bot_app.app.metrics.backups.labels("written")._value.get() == 5
