"""A migration stairway on data: every migration keeps every row written before it.

For each migration N the database is built at version N-1, filled with realistic rows in
every table that exists then, migrated to N, and compared: each row is still there with
the same values (and the same storage types), foreign keys hold, the file is intact, and
the new schema takes the next realistic rows. Then the whole stairway runs on one file
that receives data at every step.

A new migration is covered without touching this file, unless it adds a table or a
column: then the test fails and asks for sample rows (or values) in `sample_rows` below,
so nothing new escapes. Sample rows must be valid at every version where their table
exists; a column added later is simply left out when seeding an older version.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.db import Database, Migration, load_migrations

MIGRATIONS = load_migrations()
LATEST = MIGRATIONS[-1].version

Row = dict[str, Any]
# One row as stored, by column name: column, storage type, value (so 1 and 1.0, or '1'
# and 1, differ; a table rebuilt with its columns in another order does not).
StoredRow = tuple[tuple[str, str, Any], ...]
Snapshot = dict[str, tuple[list[str], list[StoredRow]]]

ADMIN_ID = 9000
COORDINATORS_CHAT = -1002233445566
T0 = datetime(2025, 4, 1, 4, 30, tzinfo=UTC)  # 09:30 in Tashkent


def ts(**parts: float) -> str:
    """A moment after T0, as the repositories store it (`utc_text`)."""
    return (T0 + timedelta(**parts)).isoformat(timespec="seconds")


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def sample_rows(batch: int) -> dict[str, list[Row]]:
    """Realistic rows for every table, with keys unique to `batch` (one batch per step).

    Listed in the order a real database fills up; insertion follows the foreign keys.
    """
    u1, u2, u3, u4, u5 = (5_100_000_000 + batch * 100 + n for n in range(1, 6))
    h1, h2, h3 = (batch * 10 + n for n in range(1, 4))
    r1, r2 = batch * 10 + 1, batch * 10 + 2
    b1, b2 = batch * 10 + 1, batch * 10 + 2
    bot_id = 123456789
    # fmt: off
    return {
        "users": [
            {
                "id": u1, "language": "uz", "full_name": "Oʻktamjon Gʻulomov",
                "name_key": "oʻktamjon gʻulomov", "phone": "+998901234567", "region": "TK",
                "consent_version": "2026-11-29", "consent_at": ts(minutes=1),
                "registered_at": ts(minutes=2), "forgotten_at": None,
                "created_at": ts(), "updated_at": ts(minutes=2), "unreachable_at": None,
            },
            {
                "id": u2, "language": "ru", "full_name": "Шахноза Юсупова-Қодирова",
                "name_key": "шахноза юсупова-қодирова", "phone": "+998712345678",
                "region": "SA", "consent_version": "2026-11-29", "consent_at": ts(hours=1),
                "registered_at": ts(hours=1, minutes=3), "forgotten_at": None,
                "created_at": ts(hours=1), "updated_at": ts(days=3),
                "unreachable_at": ts(days=3),
            },
            {
                "id": u3, "language": "uz", "full_name": "Maʼmura Yoʻldosheva",
                "name_key": "maʼmura yoʻldosheva", "phone": "+998935550011", "region": "QR",
                "consent_version": "2026-11-29", "consent_at": ts(hours=2),
                "registered_at": ts(hours=2, minutes=5), "forgotten_at": None,
                "created_at": ts(hours=2), "updated_at": ts(hours=2, minutes=5),
                "unreachable_at": None,
            },
            {   # pressed /start, never registered
                "id": u4, "language": "en", "full_name": None, "name_key": None,
                "phone": None, "region": None, "consent_version": None, "consent_at": None,
                "registered_at": None, "forgotten_at": None, "created_at": ts(hours=5),
                "updated_at": ts(hours=5), "unreachable_at": None,
            },
            {   # registered, then /forget
                "id": u5, "language": "uz", "full_name": None, "name_key": None,
                "phone": None, "region": None, "consent_version": None, "consent_at": None,
                "registered_at": None, "forgotten_at": ts(days=2), "created_at": ts(hours=6),
                "updated_at": ts(days=2), "unreachable_at": None,
            },
        ],
        "user_interests": [
            {"user_id": u1, "interest": "hearings"},
            {"user_id": u1, "interest": "reforms"},
            {"user_id": u2, "interest": "ngo"},
            {"user_id": u3, "interest": "councils"},
        ],
        "fsm_states": [
            {
                "key": f"{bot_id}:{u4}:{u4}:0::default", "chat_id": u4, "user_id": u4,
                "state": "Registration:full_name",
                "data": dumps({"consent_version": "2026-11-29", "consent_at": ts(hours=5)}),
                "updated_at": ts(hours=5),
            },
            {
                "key": f"{bot_id}:{u2}:{u2}:0::default", "chat_id": u2, "user_id": u2,
                "state": None, "data": dumps({"draft_note": "Зал тўла эди, «ҳамма» келди"}),
                "updated_at": ts(days=1),
            },
        ],
        "coordinators": [
            {"user_id": u2, "added_by": ADMIN_ID, "added_at": ts(hours=3)},
        ],
        "hearings": [
            {
                "id": h1, "title": "Yoshlar bandligi toʻgʻrisidagi qonun loyihasi",
                "chamber": "legislative", "body": None,
                "committee": "Mehnat va ijtimoiy masalalar qoʻmitasi",
                "starts_at": ts(days=14), "ends_at": ts(days=14, hours=3),
                "address": "Toshkent, Xalqlar doʻstligi shoh koʻchasi, 1",
                "latitude": 41.311081, "longitude": 69.240562, "seats": 40,
                "description": "Ochiq eshituv; pasport bilan kiriladi.", "status": "published",
                "cancel_reason": None, "created_by": ADMIN_ID, "created_at": ts(),
                "updated_at": ts(minutes=30), "nudged_at": ts(days=14, hours=4),
            },
            {
                "id": h2, "title": "Закон об общественном контроле: обсуждение",
                "chamber": "senate", "body": None, "committee": "Комитет по вопросам науки",
                "starts_at": ts(days=20), "ends_at": None,
                "address": "Ташкент, улица Мустакиллик, 6", "latitude": None,
                "longitude": None, "seats": 1, "description": "",
                "status": "cancelled", "cancel_reason": "Majlis boshqa kunga koʻchirildi",
                "created_by": u2, "created_at": ts(hours=4), "updated_at": ts(days=5),
                "nudged_at": None,
            },
            {
                "id": h3, "title": "Mahalla budjeti: ochiq muhokama", "chamber": "other",
                "body": "Toshkent shahar Kengashi", "committee": "Budjet komissiyasi",
                "starts_at": ts(days=1, hours=2), "ends_at": ts(days=1, hours=4),
                "address": "Chilonzor tumani hokimligi", "latitude": 41.275, "longitude": 69.2,
                "seats": 250, "description": "Savollarni oldindan yuboring: «budjet@uz»",
                "status": "published", "cancel_reason": None, "created_by": None,
                "created_at": ts(hours=4), "updated_at": ts(hours=4), "nudged_at": None,
                "checkin_token": f"q7Zx{batch}Kp2vN9mR4tW8yB1cD6fH3jL5",
            },
        ],
        "signups": [
            {"id": batch * 100 + 1, "hearing_id": h1, "user_id": u1, "status": "cancelled",
             "attendance": None, "created_at": ts(hours=1), "updated_at": ts(hours=2)},
            {"id": batch * 100 + 2, "hearing_id": h1, "user_id": u1, "status": "confirmed",
             "attendance": "coming", "created_at": ts(hours=3), "updated_at": ts(days=13)},
            {"id": batch * 100 + 3, "hearing_id": h1, "user_id": u2, "status": "waiting",
             "attendance": None, "created_at": ts(hours=4), "updated_at": ts(hours=4)},
            {"id": batch * 100 + 4, "hearing_id": h3, "user_id": u3, "status": "confirmed",
             "attendance": "not_coming", "created_at": ts(hours=5), "updated_at": ts(hours=9),
             "attended_at": ts(days=1, hours=1, minutes=52), "attended_via": "qr",
             "attended_by": None},
            {"id": batch * 100 + 5, "hearing_id": h3, "user_id": u1, "status": "confirmed",
             "attendance": "coming", "created_at": ts(hours=6), "updated_at": ts(days=1),
             "attended_at": ts(days=1, hours=2, minutes=40), "attended_via": "hand",
             "attended_by": ADMIN_ID},
        ],
        "checkin_attempts": [
            {"id": batch * 100 + 1, "hearing_id": h3, "user_id": u2, "outcome": "waiting",
             "at": ts(days=1, hours=1, minutes=50)},
            {"id": batch * 100 + 2, "hearing_id": h3, "user_id": 5_550_000 + batch,
             "outcome": "not_signed_up", "at": ts(days=1, hours=1, minutes=57)},
        ],
        "reminders": [
            {"id": batch * 100 + 1, "hearing_id": h1, "user_id": u1, "offset_seconds": 86400,
             "due_at": ts(days=13), "status": "sent", "sent_at": ts(days=13, seconds=2)},
            {"id": batch * 100 + 2, "hearing_id": h1, "user_id": u1, "offset_seconds": 7200,
             "due_at": ts(days=13, hours=22), "status": "pending", "sent_at": None},
            {"id": batch * 100 + 3, "hearing_id": h3, "user_id": u3, "offset_seconds": 7200,
             "due_at": ts(days=1), "status": "sending", "sent_at": None},
            {"id": batch * 100 + 4, "hearing_id": h2, "user_id": u2, "offset_seconds": 86400,
             "due_at": ts(days=19), "status": "cancelled", "sent_at": None},
        ],
        "reports": [
            {
                "id": r1, "hearing_id": h3, "user_id": u3, "status": "returned",
                "form_version": 1, "step": "review", "back_to_review": 0,
                "answers": dumps({
                    "started_on_time": "no", "open_to_public": "yes", "press_present": "yes",
                    "civil_society_spoke": "no", "members_attended": 17,
                    "documents_beforehand": "partly", "openness": "4",
                    "main_issue": "Mahalla yoʻllarini taʼmirlash; «Gʻalaba» koʻchasi",
                }),
                "notes": "Раис саволларга жавоб бермади.\nZal toʻla edi.",
                "fingerprint": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "submitted_at": ts(days=1, hours=6), "created_at": ts(days=1, hours=4),
                "updated_at": ts(days=2),
            },
            {
                "id": r2, "hearing_id": h1, "user_id": u1, "status": "draft",
                "form_version": 1, "step": "q:members_attended", "back_to_review": 1,
                "answers": dumps({"started_on_time": "yes", "open_to_public": "no"}),
                "notes": "", "fingerprint": None, "submitted_at": None,
                "created_at": ts(days=14, hours=3), "updated_at": ts(days=14, hours=3),
            },
        ],
        "report_attachments": [
            {"id": batch * 100 + 1, "report_id": r1, "kind": "photo",
             "file_id": f"AgACAgIAAxkBAAI{batch}x1", "file_unique_id": f"AQADq{batch}1",
             "media_group_id": f"1349{batch}8765", "file_name": None, "latitude": None,
             "longitude": None, "message_id": 501, "created_at": ts(days=1, hours=5)},
            {"id": batch * 100 + 2, "report_id": r1, "kind": "photo",
             "file_id": f"AgACAgIAAxkBAAI{batch}x2", "file_unique_id": f"AQADq{batch}2",
             "media_group_id": f"1349{batch}8765", "file_name": None, "latitude": None,
             "longitude": None, "message_id": 502, "created_at": ts(days=1, hours=5)},
            {"id": batch * 100 + 3, "report_id": r1, "kind": "document",
             "file_id": f"BQACAgIAAxkBAAI{batch}x3", "file_unique_id": f"AgADr{batch}3",
             "media_group_id": None, "file_name": "Bayonnoma_oʻzgartirishlar.pdf",
             "latitude": None, "longitude": None, "message_id": 503,
             "created_at": ts(days=1, hours=5, minutes=1)},
            {"id": batch * 100 + 4, "report_id": r1, "kind": "location", "file_id": None,
             "file_unique_id": None, "media_group_id": None, "file_name": None,
             "latitude": 41.275123, "longitude": 69.203456, "message_id": 504,
             "created_at": ts(days=1, hours=5, minutes=2)},
            {"id": batch * 100 + 5, "report_id": r2, "kind": "voice",
             "file_id": f"AwACAgIAAxkBAAI{batch}x5", "file_unique_id": f"AgADv{batch}5",
             "media_group_id": None, "file_name": None, "latitude": None, "longitude": None,
             "message_id": 777, "created_at": ts(days=14, hours=3)},
        ],
        "report_events": [
            {"id": batch * 100 + 1, "report_id": r1, "event": "submitted", "actor_id": u3,
             "comment": None, "at": ts(days=1, hours=6)},
            {"id": batch * 100 + 2, "report_id": r1, "event": "returned", "actor_id": u2,
             "comment": "Iltimos, qatnashgan deputatlar sonini aniqlashtiring — раҳмат!",
             "at": ts(days=2)},
        ],
        "report_cards": [
            {"report_id": r1, "chat_id": COORDINATORS_CHAT, "message_id": 9001},
            {"report_id": r1, "chat_id": ADMIN_ID, "message_id": 312},
        ],
        "urgent_alerts": [
            {"id": batch * 100 + 1, "hearing_id": h3, "user_id": u3,
             "text": "Kuzatuvchilarni zalga kiritishmayapti! Охрана не пускает.",
             "photo_file_id": f"AgACAgIAAxkBAAJ{batch}alert", "created_at": ts(days=1, hours=2)},
            {"id": batch * 100 + 2, "hearing_id": h1, "user_id": u1,
             "text": "Mikrofon ishlamayapti", "photo_file_id": None,
             "created_at": ts(days=14, minutes=10)},
        ],
        "report_nudges": [
            {"hearing_id": h3, "user_id": u3, "status": "sent", "sent_at": ts(days=1, hours=5)},
            {"hearing_id": h1, "user_id": u1, "status": "pending", "sent_at": None},
        ],
        "audit_log": [
            {"id": batch * 100 + 1, "actor_id": ADMIN_ID, "action": "role.add",
             "target": f"user:{u2}", "details": dumps({}), "at": ts(hours=3)},
            {"id": batch * 100 + 2, "actor_id": u2, "action": "hearing.cancel",
             "target": f"hearing:{h2}",
             "details": dumps({"reason": "Majlis boshqa kunga koʻchirildi"}), "at": ts(days=5)},
            {"id": batch * 100 + 3, "actor_id": u2, "action": "report.return",
             "target": f"report:{r1}", "details": dumps({"comment": "Аниқлаштиринг"}),
             "at": ts(days=2)},
            {"id": batch * 100 + 4, "actor_id": ADMIN_ID, "action": "broadcast.queue",
             "target": None, "details": dumps({"recipients": 3}), "at": ts(days=3)},
        ],
        "broadcasts": [
            {
                "id": b1, "author_id": ADMIN_ID, "from_chat_id": ADMIN_ID, "message_id": 4321,
                "audience": dumps({
                    "regions": ["TK", "SA"], "languages": [], "interests": ["hearings"],
                    "hearing_id": None, "hearing_part": "both", "coordinators_only": False,
                }),
                "status": "done", "scheduled_for": None, "total": 3, "error": None,
                "progress_chat_id": ADMIN_ID, "progress_message_id": 4322,
                "created_at": ts(days=3), "queued_at": ts(days=3, seconds=5),
                "started_at": ts(days=3, seconds=6), "finished_at": ts(days=3, seconds=9),
                "summary_shown_at": ts(days=3, seconds=10),
            },
            {
                "id": b2, "author_id": u2, "from_chat_id": u2, "message_id": 88,
                "audience": dumps({
                    "regions": [], "languages": ["ru"], "interests": [], "hearing_id": h1,
                    "hearing_part": "confirmed", "coordinators_only": False,
                }),
                "status": "failed", "scheduled_for": ts(days=6), "total": 0,
                "error": "original message deleted", "progress_chat_id": None,
                "progress_message_id": None, "created_at": ts(days=5), "queued_at": None,
                "started_at": None, "finished_at": ts(days=6),
            },
        ],
        "deliveries": [
            {"broadcast_id": b1, "user_id": u1, "status": "sent", "attempts": 1,
             "message_id": 10234, "reason": None, "done_at": ts(days=3, seconds=7)},
            {"broadcast_id": b1, "user_id": u2, "status": "unreachable", "attempts": 1,
             "message_id": None, "reason": "Forbidden: bot was blocked by the user",
             "done_at": ts(days=3, seconds=8)},
            {"broadcast_id": b1, "user_id": u3, "status": "uncertain", "attempts": 3,
             "message_id": None, "reason": "Bad Gateway", "done_at": ts(days=3, seconds=9)},
        ],
        "processed_updates": [
            {"update_id": 731_000_000 + batch * 100 + n} for n in (1, 2, 5)
        ],
        "notices": [
            {"id": batch * 100 + 1, "batch": f"cancelled:{h2}:{ts(days=1)}", "kind": "cancelled",
             "hearing_id": h2, "user_id": u1, "author_id": ADMIN_ID,
             "reason": "Qoʻmita yigʻilishi koʻchirildi — перенесено", "status": "sent",
             "created_at": ts(days=1), "done_at": ts(days=1, seconds=2)},
            {"id": batch * 100 + 2, "batch": f"promoted:{h1}:{ts(days=2)}", "kind": "promoted",
             "hearing_id": h1, "user_id": u2, "author_id": None, "reason": None,
             "status": "pending", "created_at": ts(days=2), "done_at": None},
        ],
        "report_album_answers": [
            {"report_id": r1, "media_group_id": f"1350{batch}4321", "answer": "saved"},
            {"report_id": r1, "media_group_id": f"1350{batch}4321", "answer": "full"},
        ],
        "desk_posts": [
            {"id": batch * 100 + 1, "kind": "card", "chat_id": COORDINATORS_CHAT,
             "report_id": r1, "urgent_id": None, "status": "sent",
             "created_at": ts(days=1, hours=6), "done_at": ts(days=1, hours=6, seconds=1)},
            {"id": batch * 100 + 2, "kind": "urgent", "chat_id": ADMIN_ID, "report_id": None,
             "urgent_id": batch * 100 + 1, "status": "pending",
             "created_at": ts(days=1, hours=2), "done_at": None},
        ],
    }
    # fmt: on


# --- reading the schema -------------------------------------------------------------------


async def fetch(db: Database, sql: str) -> list[Row]:
    async with db.unit_of_work() as uow:
        return [dict(row) for row in await uow.fetch_all(sql)]


async def tables(db: Database) -> list[str]:
    rows = await fetch(
        db,
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name",
    )
    return [row["name"] for row in rows]


async def columns(db: Database, table: str) -> list[str]:
    return [row["name"] for row in await fetch(db, f'PRAGMA table_info("{table}")')]


async def parents_first(db: Database, names: list[str]) -> list[str]:
    """The tables ordered so that every table comes after those its foreign keys name."""
    parents = {
        table: {row["table"] for row in await fetch(db, f'PRAGMA foreign_key_list("{table}")')}
        - {table}
        for table in names
    }
    ordered: list[str] = []
    while len(ordered) < len(names):
        ready = [t for t in names if t not in ordered and parents[t] <= set(ordered)]
        assert ready, f"foreign keys form a cycle or name a missing table: {parents}"
        ordered.extend(ready)
    return ordered


# --- seeding and comparing ----------------------------------------------------------------


async def seed(db: Database, batch: int) -> dict[str, int]:
    """Insert `batch`'s sample rows into every table that exists now; return rows per table.

    Fails if a table, or a column, has no sample data: add it to `sample_rows`.
    """
    samples = sample_rows(batch)
    existing = await tables(db)
    missing = [table for table in existing if not samples.get(table)]
    if missing:
        pytest.fail(
            f"schema version {await db.schema_version()} has tables without sample rows: "
            f"{', '.join(missing)}. Add realistic rows for them to sample_rows() in "
            f"{Path(__file__).name}, so the migration stairway checks their data survives."
        )
    inserted: dict[str, int] = {}
    for table in await parents_first(db, existing):
        table_columns = await columns(db, table)
        without_values = [
            column
            for column in table_columns
            if all(row.get(column) is None for row in samples[table])
        ]
        if without_values:
            pytest.fail(
                f"table {table} has columns no sample row gives a value: "
                f"{', '.join(without_values)}. Add non-NULL values for them to sample_rows() "
                f"in {Path(__file__).name}."
            )
        async with db.unit_of_work() as uow:
            for row in samples[table]:
                values = {column: row[column] for column in table_columns if column in row}
                names = ", ".join(f'"{column}"' for column in values)
                params = ", ".join(f":{column}" for column in values)
                await uow.execute(f'INSERT INTO "{table}" ({names}) VALUES ({params})', values)
        inserted[table] = len(samples[table])
    return inserted


async def snapshot(db: Database) -> Snapshot:
    """Every table's columns and rows, each value with its storage type."""
    result: Snapshot = {}
    for table in await tables(db):
        rows = [
            tuple(sorted((column, type(value).__name__, value) for column, value in row.items()))
            for row in await fetch(db, f'SELECT * FROM "{table}"')
        ]
        result[table] = (await columns(db, table), rows)
    return result


def readable(row: StoredRow) -> Row:
    return {column: value for column, _, value in row}


def assert_rows_survived(before: Snapshot, after: Snapshot, migration: Migration) -> None:
    """Each row of `before` is in `after` with the same values in the columns it had."""
    for table, (before_columns, rows) in before.items():
        assert table in after, (
            f"{migration.name} dropped table {table} and its {len(rows)} rows; if that is "
            "intended, this test must learn where the data went"
        )
        after_columns, after_rows = after[table]
        dropped = [column for column in before_columns if column not in after_columns]
        assert not dropped, f"{migration.name} dropped columns of {table}: {dropped}"
        kept = set(before_columns)
        projected = [tuple(cell for cell in row if cell[0] in kept) for row in after_rows]
        missing = Counter(rows) - Counter(projected)
        assert not missing, (
            f"{migration.name} lost or changed {sum(missing.values())} row(s) of {table}:\n"
            + "\n".join(f"  {readable(row)}" for row in missing)
            + "\nits rows after the migration:\n"
            + "\n".join(f"  {readable(row)}" for row in after_rows)
        )


async def assert_database_sound(db: Database) -> None:
    assert await fetch(db, "PRAGMA foreign_key_check") == []
    assert [row["integrity_check"] for row in await fetch(db, "PRAGMA integrity_check")] == ["ok"]


async def open_database(path: Path) -> Database:
    database = Database(path)
    await database.connect()
    return database


# --- the tests ----------------------------------------------------------------------------


def test_sample_rows_fit_the_latest_schema() -> None:
    """Every sample column exists at the latest version (a typo would seed nothing)."""
    conn = sqlite3.connect(":memory:")
    try:
        for migration in MIGRATIONS:
            conn.executescript(migration.sql)
        samples = sample_rows(0)
        for table, rows in samples.items():
            real = {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')}
            assert real, f"sample_rows() has rows for {table}, which no migration creates"
            for row in rows:
                assert set(row) <= real, f"{table}: no such column {set(row) - real}"
    finally:
        conn.close()


@pytest.mark.parametrize("migration", MIGRATIONS, ids=[m.name for m in MIGRATIONS])
async def test_a_migration_keeps_every_row_written_before_it(
    tmp_path: Path, migration: Migration
) -> None:
    n = migration.version
    db = await open_database(tmp_path / "stair.sqlite3")
    try:
        assert await db.migrate(MIGRATIONS[: n - 1]) == [m.name for m in MIGRATIONS[: n - 1]]
        assert await db.schema_version() == n - 1
        inserted = await seed(db, batch=1)
        before = await snapshot(db)
        assert {table: len(rows) for table, (_, rows) in before.items()} == inserted

        assert await db.migrate(MIGRATIONS[:n]) == [migration.name]

        assert await db.schema_version() == n
        assert_rows_survived(before, await snapshot(db), migration)
        await assert_database_sound(db)
        # The migrated schema takes new rows in every table, old and new.
        await seed(db, batch=2)
        await assert_database_sound(db)
    finally:
        await db.close()


async def test_the_whole_stairway_on_one_database_with_data_from_every_step(
    tmp_path: Path,
) -> None:
    path = tmp_path / "stairway.sqlite3"
    written: Counter[str] = Counter()
    db = await open_database(path)
    try:
        for migration in MIGRATIONS:
            # Batch k is written at version k-1, next to everything written before it.
            written.update(await seed(db, batch=migration.version))
            before = await snapshot(db)
            assert {table: len(rows) for table, (_, rows) in before.items()} == dict(written)

            assert await db.migrate(MIGRATIONS[: migration.version]) == [migration.name]

            assert await db.schema_version() == migration.version
            assert_rows_survived(before, await snapshot(db), migration)
            await assert_database_sound(db)
        written.update(await seed(db, batch=LATEST + 1))
        await assert_database_sound(db)
        final = await snapshot(db)
    finally:
        await db.close()

    assert {table: len(rows) for table, (_, rows) in final.items()} == dict(written)
    # Users came in every batch but the first (at version 0 there is no table yet).
    assert written["users"] == LATEST * len(sample_rows(0)["users"])

    # The file reopens at the latest version, with nothing left to apply and nothing changed.
    reopened = await open_database(path)
    try:
        assert await reopened.schema_version() == LATEST
        assert await reopened.migrate() == []
        assert await snapshot(reopened) == final
    finally:
        await reopened.close()
