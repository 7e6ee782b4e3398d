"""`python -m bot import-hearings`: all rows or none, every bad row named with its line."""

from __future__ import annotations

import sqlite3
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.conftest import run_main

HEADER = (
    "title,chamber,body,committee,starts_at,ends_at,address,latitude,longitude,seats,description"
)


def _future(days: int) -> str:
    return (datetime.now(UTC) + timedelta(days=days)).strftime("%d.%m.%Y 10:00")


def _import(tmp_path: Path, text: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    csv_file = tmp_path / "hearings.csv"
    csv_file.write_text(text, "utf-8")
    database = tmp_path / "bot.sqlite3"
    return run_main(
        ["import-hearings", str(csv_file)], tmp_path, DATABASE_PATH=str(database)
    ), database


def _count(database: Path) -> int:
    if not database.exists():
        return 0
    with sqlite3.connect(database) as conn:
        return int(conn.execute("SELECT count(*) FROM hearings").fetchone()[0])


def test_a_file_with_bad_rows_imports_nothing_and_lists_every_problem(tmp_path: Path) -> None:
    rows = [
        HEADER,
        f"Budget 2027,senate,,Budget committee,{_future(5)},12:00,Tashkent,41.3,69.2,20,Agenda",
        f"Bad chamber,parliament,,Committee,{_future(5)},,Tashkent,,,10,",
        "Past date,senate,,Committee,01.01.2020 10:00,,Tashkent,,,10,",
        f"No seats,senate,,Committee,{_future(5)},,Tashkent,,,zero,",
        f"Other without body,other,,Committee,{_future(5)},,Tashkent,,,10,",
        f"Bad pin,senate,,Committee,{_future(5)},,Tashkent,95,69,10,",
        f"Ends before,senate,,Committee,{_future(5)},09:00,Tashkent,,,10,",
    ]
    result, database = _import(tmp_path, "\n".join(rows) + "\n")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    named = [line.split(":")[1] for line in lines[:-1]]
    assert named == ["3", "4", "5", "6", "7", "8"]
    assert "chamber must be one of" in lines[0]
    assert "already passed" in lines[1]
    assert "whole number of seats" in lines[2]
    assert lines[-1] == "nothing imported: 6 bad row(s)"
    assert _count(database) == 0


def test_a_good_file_imports_every_row(tmp_path: Path) -> None:
    rows = [
        HEADER,
        f"Budget 2027,senate,,Budget committee,{_future(5)},12:00,Tashkent,41.3,69.2,20,Agenda",
        f'"Open data, and access",legislative,,Information committee,{_future(6)},,'
        '"Tashkent, 6",,,15,',
        "Council meeting,other,Public council under the Ministry of Justice,Reform group,"
        f"{_future(7)},,Tashkent,,,5,",
    ]
    result, database = _import(tmp_path, "\ufeff" + "\n".join(rows) + "\n")
    assert result.returncode == 0, result.stderr
    assert "imported 3 hearing(s)" in result.stdout
    assert _count(database) == 3


def test_wrong_columns_are_reported(tmp_path: Path) -> None:
    result, database = _import(tmp_path, "name,date\nx,y\n")
    assert result.returncode == 1
    assert ":1: columns: missing" in result.stderr
    assert _count(database) == 0
