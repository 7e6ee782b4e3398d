"""Migrations build the schema from zero, atomically, and refuse a newer database."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.db import (
    Database,
    DatabaseTooNewError,
    Migration,
    MigrationsMissingError,
    load_migrations,
    split_statements,
)


async def test_schema_builds_from_zero_to_the_latest_version(tmp_path: Path) -> None:
    db = Database(tmp_path / "new.sqlite3")
    await db.connect()
    try:
        applied = await db.migrate()
        assert applied == [m.name for m in load_migrations()]
        assert await db.schema_version() == len(applied)
        assert await db.migrate() == []  # idempotent
        async with db.connection.execute("PRAGMA journal_mode") as cursor:
            assert (await cursor.fetchone())[0] == "wal"  # type: ignore[index]
        async with db.connection.execute("PRAGMA foreign_keys") as cursor:
            assert (await cursor.fetchone())[0] == 1  # type: ignore[index]
    finally:
        await db.close()


async def test_a_failing_migration_leaves_nothing_behind(tmp_path: Path) -> None:
    db = Database(tmp_path / "bad.sqlite3")
    await db.connect()
    broken = [
        Migration(1, "0001_ok", "CREATE TABLE a (x INTEGER);"),
        Migration(2, "0002_broken", "CREATE TABLE b (x INTEGER);\nINSERT INTO nowhere VALUES (1);"),
    ]
    try:
        with pytest.raises(Exception, match="nowhere"):
            await db.migrate(broken)
        assert await db.schema_version() == 1
        async with db.connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        ) as cursor:
            assert [row[0] for row in await cursor.fetchall()] == ["a"]
    finally:
        await db.close()


async def test_a_database_newer_than_the_code_is_refused(tmp_path: Path) -> None:
    db = Database(tmp_path / "future.sqlite3")
    await db.connect()
    try:
        await db.connection.execute("PRAGMA user_version = 999")
        with pytest.raises(DatabaseTooNewError, match="999"):
            await db.migrate()
    finally:
        await db.close()


def test_statements_are_split_without_breaking_literals() -> None:
    sql = (
        "CREATE TABLE t (x TEXT DEFAULT ';');\n"
        "-- a comment; with a semicolon\n"
        "INSERT INTO t VALUES ('a;b');\n"
    )
    assert split_statements(sql) == [
        "CREATE TABLE t (x TEXT DEFAULT ';');",
        "-- a comment; with a semicolon\nINSERT INTO t VALUES ('a;b');",
    ]


def test_migration_files_are_numbered_without_gaps() -> None:
    versions = [m.version for m in load_migrations()]
    assert versions == list(range(1, len(versions) + 1))


def test_no_migrations_found_is_an_error_not_an_empty_schema(tmp_path: Path) -> None:
    """A package built without its data must not report "schema version 0" and succeed."""
    with pytest.raises(MigrationsMissingError, match="no migrations found"):
        load_migrations(tmp_path)
    with pytest.raises(MigrationsMissingError):
        load_migrations(tmp_path / "absent")
