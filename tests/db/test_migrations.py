"""Migrations build the schema from zero, atomically, and refuse a newer database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.db import (
    FOREIGN_KEYS_OFF,
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


async def _pragma(db: Database, name: str) -> object:
    async with db.connection.execute(f"PRAGMA {name}") as cursor:
        return (await cursor.fetchone())[0]  # type: ignore[index]


async def test_uzbek_cyrillic_is_accepted_only_from_its_migration_on(tmp_path: Path) -> None:
    """0009 rebuilds users for the new language; the cascade to interests never fires."""
    migrations = load_migrations()
    cyrillic = next(m for m in migrations if m.name == "0009_uz_cyrl")
    db = Database(tmp_path / "cyrl.sqlite3")
    await db.connect()
    insert = (
        "INSERT INTO users (id, language, created_at, updated_at) "
        "VALUES (:id, :language, '2026-12-01T00:00:00+00:00', '2026-12-01T00:00:00+00:00')"
    )
    try:
        await db.migrate(migrations[: cyrillic.version - 1])
        await db.connection.execute(insert, {"id": 1, "language": "uz"})
        await db.connection.execute("INSERT INTO user_interests VALUES (1, 'ngo')")
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            await db.connection.execute(insert, {"id": 2, "language": "uz-Cyrl"})

        assert await db.migrate(migrations[: cyrillic.version]) == ["0009_uz_cyrl"]

        await db.connection.execute(insert, {"id": 2, "language": "uz-Cyrl"})
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            await db.connection.execute(insert, {"id": 3, "language": "uz-Latn"})
        async with db.connection.execute("SELECT * FROM user_interests") as cursor:
            assert [tuple(row) for row in await cursor.fetchall()] == [(1, "ngo")]
        assert await _pragma(db, "foreign_keys") == 1
        # The rebuilt table still cascades, and children still name it.
        await db.connection.execute("DELETE FROM users WHERE id = 1")
        async with db.connection.execute("SELECT count(*) FROM user_interests") as cursor:
            assert (await cursor.fetchone())[0] == 0  # type: ignore[index]
    finally:
        await db.close()


async def test_a_migration_without_foreign_keys_must_leave_them_whole(tmp_path: Path) -> None:
    db = Database(tmp_path / "fk.sqlite3")
    await db.connect()
    parent = Migration(
        1,
        "0001_parent",
        "CREATE TABLE p (id INTEGER PRIMARY KEY);\n"
        "CREATE TABLE c (p_id INTEGER REFERENCES p (id));\n"
        "INSERT INTO p VALUES (1);\nINSERT INTO c VALUES (1);",
    )
    dangling = Migration(2, "0002_dangling", f"{FOREIGN_KEYS_OFF}\nDELETE FROM p;")
    try:
        with pytest.raises(sqlite3.IntegrityError, match=r"0002_dangling.*table c"):
            await db.migrate([parent, dangling])
        assert await db.schema_version() == 1
        async with db.connection.execute("SELECT count(*) FROM p") as cursor:
            assert (await cursor.fetchone())[0] == 1  # type: ignore[index]
        assert await _pragma(db, "foreign_keys") == 1
    finally:
        await db.close()


def test_no_migrations_found_is_an_error_not_an_empty_schema(tmp_path: Path) -> None:
    """A package built without its data must not report "schema version 0" and succeed."""
    with pytest.raises(MigrationsMissingError, match="no migrations found"):
        load_migrations(tmp_path)
    with pytest.raises(MigrationsMissingError):
        load_migrations(tmp_path / "absent")
