"""`python -m bot` refuses a DATABASE_PATH that cannot hold a database in one line that
names the setting, at once (before the slow import), with exit code 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_main


@pytest.mark.parametrize("command", ["run", "migrate"])
@pytest.mark.parametrize("where", ["a folder", "under a file", "a place nobody may write"])
def test_a_bad_database_path_is_one_line_naming_the_setting(
    tmp_path: Path, command: str, where: str
) -> None:
    (tmp_path / "a-file").write_text("x")
    (tmp_path / "a-folder").mkdir()
    path = {
        "a folder": tmp_path / "a-folder",
        "under a file": tmp_path / "a-file" / "bot.sqlite3",
        "a place nobody may write": Path("/proc/hearing-bot/bot.sqlite3"),
    }[where]
    result = run_main([command], tmp_path, DATABASE_PATH=str(path))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"configuration error: DATABASE_PATH {path} cannot be opened")
