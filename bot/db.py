"""SQLite access: one connection, one writer at a time, one transaction per unit of work.

SQLite has a single write lock. Instead of letting several connections spin on it
(`busy_timeout` sleeps and wakes in a thread, and does not keep arrival order), every unit
of work waits on one FIFO `asyncio.Lock` and then runs `BEGIN IMMEDIATE` on the single
connection. Taking the write lock up front means a transaction never has to upgrade
from read to write, which is where WAL-mode transactions deadlock (SQLITE_BUSY_SNAPSHOT).
The busy timeout still guards against other processes (`python -m bot migrate`, backups).

Most updates only read (a list, a card, /help), and holding the one write lock for their
whole handling made every update queue behind every other. An update's unit of work is
therefore optimistic until it first writes: its reads go to a second, read-only
connection (WAL lets it read while the writer writes) without the lock. At its first
write it takes the lock and `BEGIN IMMEDIATE` on the writer as before, and checks that
nobody committed since its first read; if somebody did, what it read may be stale, so
the unit of work fails with `StaleReadError` and the update is run again from the start
the old way (lock first). Only the update's first stretch (before any call to Telegram)
is optimistic: after a call the handler cannot be run again, so later stretches take the
lock at their first query, exactly as before.

Every await on aiosqlite is a hop to its thread and back (a queue, a wake-up of the
event loop through its self-pipe, a GIL hand-over): more CPU than the indexed lookup it
carries. So the optimistic reads run on the event loop's own thread, on a third,
plain `sqlite3` connection (`QuickReads`), under a budget of work: a read that runs past
it is interrupted, and it and its SQL from then on go to the read-only aiosqlite connection,
so a big query (an export, statistics) never stalls the loop.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import re
import sqlite3
from collections.abc import (
    AsyncIterator,
    Awaitable,
    Callable,
    Iterable,
    Iterator,
    Mapping,
    Sequence,
)
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import aiosqlite

from bot.resources import MIGRATIONS

log = logging.getLogger(__name__)

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")

Params = Mapping[str, Any] | Sequence[Any]

# The unit of work of the update (or job) running in this asyncio task, if any.
_current: contextvars.ContextVar[UnitOfWork | None] = contextvars.ContextVar(
    "current_unit_of_work", default=None
)


class DatabaseTooNewError(RuntimeError):
    """The database was migrated by a newer version of the bot than this one."""


class MigrationsMissingError(RuntimeError):
    """The installation has no migration files: a broken package, not an empty schema."""


class StaleReadError(RuntimeError):
    """An optimistic unit of work read what another one changed before it wrote; nothing
    was written or sent: run its work again with `optimistic=False`."""


class DatabaseUnavailableError(RuntimeError):
    """DATABASE_PATH cannot hold a database: a folder, a path under a file, no permission."""


# A migration's first line may ask for this. Rebuilding a table other tables reference
# (the only way SQLite changes a CHECK constraint) needs foreign keys off, or dropping
# the old table cascades (https://www.sqlite.org/lang_altertable.html#otheralter).
FOREIGN_KEYS_OFF = "-- migration: foreign keys off"


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str

    @property
    def foreign_keys_off(self) -> bool:
        return self.sql.lstrip().startswith(FOREIGN_KEYS_OFF)


def load_migrations(directory: Traversable = MIGRATIONS) -> list[Migration]:
    """Read the numbered SQL files in order; refuse gaps and duplicates, and an empty or
    missing folder (a package built without its data must not report "0 applied")."""
    migrations: list[Migration] = []
    paths = (
        [path for path in directory.iterdir() if path.name.endswith(".sql")]
        if directory.is_dir()
        else []
    )
    for path in sorted(paths, key=lambda path: path.name):
        match = _MIGRATION_NAME.match(path.name)
        if match is None:
            raise ValueError(f"migration file name must look like 0001_name.sql: {path.name}")
        migrations.append(
            Migration(int(match.group(1)), path.name.removesuffix(".sql"), path.read_text("utf-8"))
        )
    if not migrations:
        raise MigrationsMissingError(f"no migrations found in {directory}")
    for expected, migration in enumerate(migrations, start=1):
        if migration.version != expected:
            raise ValueError(f"migrations must be numbered 1, 2, 3...; {migration.name} breaks it")
    return migrations


def split_statements(sql: str) -> list[str]:
    """Split a script into statements, so a migration runs inside one transaction.

    `executescript` would commit first, which makes a half-applied migration possible.
    """
    statements: list[str] = []
    buffer = ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip().strip(";").strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        raise ValueError(f"incomplete SQL statement at the end of a migration: {buffer[:60]!r}")
    return statements


async def _check_foreign_keys(conn: aiosqlite.Connection, migration: Migration) -> None:
    """Refuse to commit a migration that ran without foreign keys and broke one."""
    async with conn.execute("PRAGMA foreign_key_check") as cursor:
        broken = list(await cursor.fetchall())
    if broken:
        raise sqlite3.IntegrityError(
            f"migration {migration.name} leaves {len(broken)} row(s) whose parent is "
            f"missing, the first in table {broken[0][0]}"
        )


class QuickReads:
    """Reads that take microseconds, run on the event loop's thread (see the module's
    docstring); any other read is refused (None) and goes to aiosqlite's thread.

    Used only from coroutines on the loop, one statement at a time, so the connection
    is never shared between threads.
    """

    # The budget counts SQLite's virtual-machine instructions, not time: a read the
    # operating system pre-empts is not a heavy read, and a hot query demoted for good
    # by one such moment would leave the loop's thread slowly over days. 200 looks,
    # 1,000 instructions apart, are a millisecond or two of work; an indexed lookup
    # takes a few hundred instructions.
    CHECK_EVERY = 1_000
    MAX_CHECKS = 200
    REMEMBERED = 512  # SQL texts known to run over it

    def __init__(self, path: Path) -> None:
        # check_same_thread off: tests may connect the database before their loop runs
        # in another thread; the loop is still the only user.
        self._conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA query_only = ON")
        # Never wait for a lock on the loop's thread: the aiosqlite reader waits instead.
        self._conn.execute("PRAGMA busy_timeout = 0")
        self._checks = 0
        self._conn.set_progress_handler(self._over_budget, self.CHECK_EVERY)
        self._slow: dict[str, None] = {}
        self.refused = 0  # reads sent on to the thread (tests look)

    def _over_budget(self) -> bool:
        self._checks += 1
        return self._checks > self.MAX_CHECKS

    def fetch_all(self, sql: str, params: Params) -> list[sqlite3.Row] | None:
        if sql in self._slow:
            self.refused += 1
            return None
        self._checks = 0
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as error:
            # Interrupted (over budget), or busy (a checkpoint's moment, a migration):
            # nothing was returned, and the thread reader may wait where this may not.
            self.refused += 1
            if error.sqlite_errorcode == sqlite3.SQLITE_INTERRUPT:
                self._slow[sql] = None
                if len(self._slow) > self.REMEMBERED:
                    del self._slow[next(iter(self._slow))]
            return None

    def close(self) -> None:
        self._conn.close()


class Database:
    """The app's SQLite database: connection, migrations and units of work."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn: aiosqlite.Connection | None = None
        # Optimistic units of work read here without the lock (None: ":memory:", where a
        # second connection would be a second, empty database).
        self._reader: aiosqlite.Connection | None = None
        self.quick: QuickReads | None = None  # with the reader
        self._lock = asyncio.Lock()
        # Transactions committed on the writer: an optimistic unit of work compares it
        # at its first write with the count at its first read.
        self.commits = 0

    async def connect(self) -> None:
        if self.path.is_dir():
            # Checked here: sqlite3 fails on it inside aiosqlite's thread, uncaught there.
            raise DatabaseUnavailableError(f"DATABASE_PATH {self.path} cannot be opened: a folder")
        try:
            if self.path != Path(":memory:"):
                self.path.parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: we issue BEGIN/COMMIT ourselves, Python's sqlite3 must not.
            self._conn = await aiosqlite.connect(self.path, isolation_level=None)
            self._conn.row_factory = aiosqlite.Row
            # The first statement is where SQLite finds out it cannot open the file.
            await self._conn.execute("PRAGMA journal_mode = WAL")
        except (OSError, sqlite3.Error) as error:
            if self._conn is not None:
                await self._conn.close()
                self._conn = None
            reason = error.strerror if isinstance(error, OSError) else str(error)
            raise DatabaseUnavailableError(
                f"DATABASE_PATH {self.path} cannot be opened: {reason}"
            ) from None
        await self._conn.execute("PRAGMA foreign_keys = ON")
        await self._conn.execute("PRAGMA busy_timeout = 5000")
        # WAL makes NORMAL durable against application crashes; only power loss can
        # lose the last transactions, never corrupt the file.
        await self._conn.execute("PRAGMA synchronous = NORMAL")
        if self.path != Path(":memory:"):
            self._reader = await aiosqlite.connect(self.path, isolation_level=None)
            self._reader.row_factory = aiosqlite.Row
            # A write through it would bypass the lock: make SQLite refuse it.
            await self._reader.execute("PRAGMA query_only = ON")
            await self._reader.execute("PRAGMA busy_timeout = 5000")
            self.quick = QuickReads(self.path)

    async def close(self) -> None:
        if self.quick is not None:
            self.quick.close()
            self.quick = None
        if self._reader is not None:
            await self._reader.close()
            self._reader = None
        if self._conn is not None:
            async with self._lock:
                await self._conn.close()
            self._conn = None

    @property
    def busy(self) -> bool:
        """A transaction holds the write lock now."""
        return self._lock.locked()

    @property
    def connection(self) -> aiosqlite.Connection:
        if self._conn is None:
            raise RuntimeError("database is not connected")
        return self._conn

    async def schema_version(self) -> int:
        async with self.connection.execute("PRAGMA user_version") as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    async def migrate(self, migrations: list[Migration] | None = None) -> list[str]:
        """Apply pending migrations, each in its own transaction; return their names."""
        migrations = load_migrations() if migrations is None else migrations
        latest = migrations[-1].version if migrations else 0
        applied: list[str] = []
        async with self._lock:
            current = await self.schema_version()
            if current > latest:
                raise DatabaseTooNewError(
                    f"database {self.path} is at schema version {current}, but this version "
                    f"of the bot knows only up to {latest}; upgrade the bot or restore a backup"
                )
            for migration in migrations[current:]:
                conn = self.connection
                if migration.foreign_keys_off:
                    # A no-op inside a transaction, so it is switched before BEGIN.
                    await conn.execute("PRAGMA foreign_keys = OFF")
                await conn.execute("BEGIN IMMEDIATE")
                try:
                    for statement in split_statements(migration.sql):
                        await conn.execute(statement)
                    if migration.foreign_keys_off:
                        await _check_foreign_keys(conn, migration)
                    # user_version lives in the file header and is transactional.
                    await conn.execute(f"PRAGMA user_version = {migration.version:d}")
                    await conn.execute("COMMIT")
                except BaseException:
                    await conn.execute("ROLLBACK")
                    raise
                finally:
                    if migration.foreign_keys_off:
                        await conn.execute("PRAGMA foreign_keys = ON")
                log.info("migration applied name=%s", migration.name)
                applied.append(migration.name)
        return applied

    @asynccontextmanager
    async def unit_of_work(
        self,
        *,
        optimistic: bool = False,
        on_begin: Callable[[UnitOfWork], Awaitable[None]] | None = None,
        record_alone: Callable[[], Awaitable[None]] | None = None,
    ) -> AsyncIterator[UnitOfWork]:
        """Run the block as one transaction, begun lazily; commit on success.

        Nested calls in the same task join the outer unit of work, so a repository used
        from a storage callback or a service never deadlocks on the lock it already holds.
        Jobs run inside `detached()`, so they never join work inherited from an update.

        `optimistic`: read without the lock until the first write (see the module's
        docstring); the block must be safe to run again on `StaleReadError`.
        `on_begin` runs first in the unit's first write transaction (the update's
        "processed" record), and at the latest before the first commit: by itself, or
        through `record_alone` when given (which may record many units' at once).
        What `on_begin` writes is never read back by the unit.
        """
        outer = _current.get()
        if outer is not None and not outer.finished:
            yield outer
            return
        uow = UnitOfWork(self, optimistic=optimistic, on_begin=on_begin, record_alone=record_alone)
        token = _current.set(uow)
        try:
            yield uow
        except BaseException:
            await uow.rollback()
            raise
        else:
            await uow.commit()
        finally:
            uow.finished = True
            _current.reset(token)

    @contextmanager
    def detached(self) -> Iterator[None]:
        """Run the block outside any unit of work this task may have inherited.

        asyncio copies the context into every task it starts, so a scheduler job can
        inherit the unit of work of whichever update scheduled it.
        """
        token = _current.set(None)
        try:
            yield
        finally:
            _current.reset(token)

    @staticmethod
    def current() -> UnitOfWork | None:
        return _current.get()

    @asynccontextmanager
    async def autocommit(self) -> AsyncIterator[UnitOfWork]:
        """Statements each in SQLite's own autocommit transaction, the lock held: for
        writes that need no transaction around them, one thread hop each instead of
        three (BEGIN, the statement, COMMIT). Not counted in `commits`: for what it may
        write (records no unit of work reads), see `UnitOfWork._record_alone`."""
        uow = UnitOfWork(self)
        await self._lock.acquire()
        uow._active = True  # its statements go to the writer, outside a transaction
        token = _current.set(None)
        try:
            yield uow
        finally:
            _current.reset(token)
            uow._active = False
            uow.finished = True
            self._lock.release()


class UnitOfWork:
    """A transaction that starts at the first query and can be committed early.

    Committing early is how an update releases SQLite's write lock before it talks to
    Telegram; a later query in the same update opens the next transaction.
    """

    def __init__(
        self,
        db: Database,
        *,
        optimistic: bool = False,
        on_begin: Callable[[UnitOfWork], Awaitable[None]] | None = None,
        record_alone: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        self._db = db
        self._active = False
        # Written in this transaction (on_begin's record aside): reads must now see the
        # writes, so they go to the writer instead of `QuickReads`.
        self._wrote = False
        self.wrote = False  # ever, in any of its transactions (on_begin's record aside)
        self.finished = False  # its block has ended: nobody may join it any more
        self._optimistic = optimistic and db._reader is not None
        self._read_at: int | None = None  # db.commits at the first lock-free read
        self._on_begin = on_begin
        self._record_alone_with = record_alone
        self.committed = 0  # transactions it has committed

    @property
    def optimistic(self) -> bool:
        """Reads still go to the read-only connection, without the lock."""
        return self._optimistic and not self._active

    async def _begin(self, *, validate: bool = True) -> aiosqlite.Connection:
        if self.finished:
            # Nobody would commit it: the write lock would be held for good. (An error
            # handler runs after its update's unit of work; it must open its own.)
            raise RuntimeError("this unit of work has ended; open a new one")
        if not self._active:
            await self._db._lock.acquire()
            try:
                await self._db.connection.execute("BEGIN IMMEDIATE")
            except BaseException:
                self._db._lock.release()
                raise
            self._active = True
            read_at, self._read_at = self._read_at, None
            if validate and read_at is not None and read_at != self._db.commits:
                # A commit since our first read (ours hold the lock, so all of them are
                # counted by now): a decision taken on what we read could be wrong.
                await self.rollback()
                raise StaleReadError()
            if self._on_begin is not None:
                on_begin, self._on_begin = self._on_begin, None
                wrote = self.wrote
                try:
                    await on_begin(self)
                except BaseException:
                    self._on_begin = on_begin  # not recorded: the next begin tries again
                    await self.rollback()
                    raise
                # Its record is never read back, and is not what the unit wrote.
                self._wrote, self.wrote = False, wrote
        return self._db.connection

    async def _reading(self) -> aiosqlite.Connection:
        if self._active or not self._optimistic:
            return await self._begin()
        if self._read_at is None:
            self._read_at = self._db.commits
        assert self._db._reader is not None  # optimistic only with a reader
        return self._db._reader

    # A statement that returns no rows has finished, and its cursor released what it
    # held, by the time execute returns: closing the cursor would be one more thread hop.

    async def _writing(self) -> aiosqlite.Connection:
        conn = await self._begin()
        self._wrote = self.wrote = True
        return conn

    async def execute(self, sql: str, params: Params = ()) -> int:
        """Run one statement; return the number of rows it changed."""
        conn = await self._writing()
        return (await conn.execute(sql, params)).rowcount

    async def execute_many(self, sql: str, rows: Iterable[Params]) -> None:
        conn = await self._writing()
        await conn.executemany(sql, rows)

    async def insert(self, sql: str, params: Params = ()) -> int:
        """Run an INSERT; return the new row id."""
        conn = await self._writing()
        return int((await conn.execute(sql, params)).lastrowid or 0)

    async def fetch_written(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        """Run a writing statement that returns rows (`RETURNING`); return them."""
        conn = await self._writing()
        return list(await conn.execute_fetchall(sql, params))

    async def fetch_one(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        rows = await self.fetch_all(sql, params)
        return rows[0] if rows else None

    async def fetch_all(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        # One trip to the database thread instead of three (execute, fetch, close):
        # each await on aiosqlite is a thread hop, and updates wait on this lock.
        conn = await self._reading()
        quick = self._db.quick
        # Lock-free, or holding the lock with nothing written yet: either way what is
        # committed is what this unit would read on the writer.
        if quick is not None and not self._wrote:
            rows = quick.fetch_all(sql, params)
            if rows is not None:
                return rows
        return list(await conn.execute_fetchall(sql, params))

    async def commit(self) -> None:
        if self._on_begin is not None and not self._active:
            # Only read so far: `on_begin`'s record must still be durable before the
            # update talks to Telegram. What was read decides nothing here: no check.
            await self._record_alone()
        # From here on (a call to Telegram follows, or the end) the work cannot be run
        # again, so the next stretch takes the lock at its first query, as it always did.
        self._optimistic = False
        self._read_at = None
        if self._active:
            try:
                await self._db.connection.execute("COMMIT")
                self._db.commits += 1
                self.committed += 1
            except BaseException:
                # A failed COMMIT can leave the transaction open; never hand it on.
                # (Cancelled while awaiting, the COMMIT may have finished in its thread.)
                if self._db.connection.in_transaction:
                    await self._db.connection.execute("ROLLBACK")
                raise
            finally:
                self._active = False
                self._wrote = False
                self._db._lock.release()

    async def _record_alone(self) -> None:
        """Run `on_begin` by itself, its statements each in SQLite's own autocommit
        transaction: one trip to the database thread instead of three (BEGIN, the
        statement, COMMIT), for every update that only read. Or `record_alone`, when
        the unit was given one (the update middleware records many units together).

        Not counted in `db.commits`: the record (which update ids were handled) is no
        input to any decision an optimistic unit took on what it read, and counting it
        would send every concurrent writer round again for nothing.
        """
        assert self._on_begin is not None
        on_begin, self._on_begin = self._on_begin, None
        try:
            if self._record_alone_with is not None:
                await self._record_alone_with()
            else:
                async with self._db.autocommit() as alone:
                    await on_begin(alone)
            self.committed += 1
        except BaseException:
            self._on_begin = on_begin  # not recorded: the next commit tries again
            raise

    async def rollback(self) -> None:
        if self._active:
            try:
                await self._db.connection.execute("ROLLBACK")
            finally:
                self._active = False
                self._wrote = False
                self._db._lock.release()
