"""Backups of the SQLite file while the bot runs, and their rotation.

SQLite's online backup API copies the database as one consistent snapshot: in WAL mode
the copy reads while the bot keeps writing, and everything committed before the copy
began is in it. The copy is written next to its destination and renamed into place, so
a crash mid-backup never leaves a half file with a real backup's name.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

PREFIX = "bot-"
SUFFIX = ".sqlite3"


class BackupError(RuntimeError):
    """The backup could not be written (its reason names the path, never any data)."""


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    size: int
    seconds: float


def backup_name(now: datetime) -> str:
    """bot-20261203T091500Z.sqlite3: sorts by time, safe on every file system."""
    return f"{PREFIX}{now.astimezone(UTC):%Y%m%dT%H%M%SZ}{SUFFIX}"


def backup_database(source: Path, dest: Path, now: datetime, *, folder: bool = False) -> Backup:
    """Copy `source` to `dest` (a file, or a folder to hold a dated file; `folder` says it
    is one even before it exists). Blocking: run it in a thread. Refuses to overwrite."""
    target = dest / backup_name(now) if folder or dest.is_dir() else dest
    if target.exists():
        raise BackupError(f"{target} exists; choose another name or a folder")
    if not source.is_file():
        raise BackupError(f"no database at {source}")
    partial = target.with_name(target.name + ".partial")
    started = datetime.now(UTC)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        with (
            closing(sqlite3.connect(source, isolation_level=None)) as db,
            closing(sqlite3.connect(partial, isolation_level=None)) as copy,
        ):
            db.execute("PRAGMA busy_timeout = 5000")
            db.backup(copy)  # all pages in one step: one snapshot
            # A standalone file: no -wal beside it needed to open it.
            copy.execute("PRAGMA journal_mode = DELETE")
            problems = copy.execute("PRAGMA quick_check").fetchone()[0]
        if problems != "ok":
            raise BackupError(f"the copy failed its check: {problems}")
        with partial.open("rb") as written:
            os.fsync(written.fileno())
        partial.replace(target)
    except (OSError, sqlite3.Error) as error:
        partial.unlink(missing_ok=True)
        raise BackupError(f"backup to {target} failed: {error}") from error
    seconds = (datetime.now(UTC) - started).total_seconds()
    return Backup(target, target.stat().st_size, seconds)


def rotate(folder: Path, keep: int) -> list[Path]:
    """Delete all but the `keep` newest backups in `folder`; return what was deleted.
    Only files named like ours are touched."""
    ours = sorted(path for path in folder.glob(f"{PREFIX}*{SUFFIX}") if path.is_file())
    old = ours[:-keep] if keep > 0 else ours
    for path in old:
        path.unlink(missing_ok=True)
    return old
