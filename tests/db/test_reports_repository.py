"""The reports repository on a real, migrated SQLite file: rows in, rows out, constraints."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from bot.db import Database, UnitOfWork
from bot.repositories.reports import (
    Attachment,
    NewAttachment,
    QueueItem,
    Report,
    ReportRepository,
)
from bot.repositories.users import NewRegistration, UserRepository

NOW = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
WINDOW = timedelta(days=14)
SECOND = timedelta(seconds=1)


@dataclass(frozen=True)
class Repos:
    uow: UnitOfWork
    reports: ReportRepository
    users: UserRepository


@asynccontextmanager
async def repos(db: Database) -> AsyncIterator[Repos]:
    async with db.unit_of_work() as uow:
        yield Repos(uow, ReportRepository(uow), UserRepository(uow))


async def person(r: Repos, user_id: int, language: str = "en", name: str = "") -> None:
    await r.users.save_language(user_id, language, NOW)
    registration = NewRegistration(
        full_name=name or f"Observer {user_id}", name_key=f"observer {user_id}",
        phone=f"+9989012{user_id:05d}", region="TK", interests=(), consent_version="v1",
        consent_at=NOW,
    )  # fmt: skip
    await r.users.register(user_id, registration, NOW)


async def hearing(
    r: Repos,
    starts_at: datetime,
    *,
    title: str = "Pension reform",
    status: str = "published",
    ends_at: datetime | None = None,
) -> int:
    return await r.uow.insert(
        "INSERT INTO hearings (title, chamber, committee, starts_at, ends_at, address, seats,"
        " status, created_at, updated_at)"
        " VALUES (?, 'senate', 'Committee', ?, ?, 'Tashkent', 5, ?, ?, ?)",
        (
            title,
            starts_at.isoformat(),
            None if ends_at is None else ends_at.isoformat(),
            status,
            NOW.isoformat(),
            NOW.isoformat(),
        ),
    )


async def seat(r: Repos, hearing_id: int, user_id: int, status: str = "confirmed") -> None:
    await r.uow.execute(
        "INSERT INTO signups (hearing_id, user_id, status, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?)",
        (hearing_id, user_id, status, NOW.isoformat(), NOW.isoformat()),
    )


async def new_report(r: Repos, hearing_id: int, user_id: int, step: str = "q:first") -> Report:
    report_id = await r.reports.create(hearing_id, user_id, 1, step, NOW)
    report = await r.reports.get(report_id)
    assert report is not None
    return report


async def column(r: Repos, sql: str, *params: object) -> list[tuple[object, ...]]:
    return [tuple(row) for row in await r.uow.fetch_all(sql, params)]


def photo(message_id: int, group: str | None = None) -> NewAttachment:
    return NewAttachment("photo", message_id, f"file-{message_id}", f"unique-{message_id}", group)


# --- create, get, find -----------------------------------------------------------------


async def test_a_new_report_is_an_empty_draft_at_its_first_step(db: Database) -> None:
    async with repos(db) as r:
        await person(r, 1)
        h = await hearing(r, NOW - timedelta(hours=2))
        report_id = await r.reports.create(h, 1, 7, "q:started_on_time", NOW)
        report = await r.reports.get(report_id)
        [created] = await column(r, "SELECT created_at, updated_at FROM reports")
    assert report == Report(
        id=report_id, hearing_id=h, user_id=1, status="draft", form_version=7,
        step="q:started_on_time", back_to_review=False, answers={}, notes="",
        fingerprint=None, submitted_at=None, attachments=0,
        hearing_starts_at=NOW - timedelta(hours=2),
    )  # fmt: skip
    assert report.editable
    assert created == (NOW.isoformat(), NOW.isoformat())


async def test_find_is_by_hearing_and_person_and_get_by_number(db: Database) -> None:
    async with repos(db) as r:
        for user_id in (1, 2):
            await person(r, user_id)
        h1 = await hearing(r, NOW - timedelta(hours=2))
        h2 = await hearing(r, NOW - timedelta(hours=1), title="Other")
        mine = await new_report(r, h1, 1)
        theirs = await new_report(r, h1, 2)
        other = await new_report(r, h2, 1)
        assert await r.reports.find(h1, 1) == mine
        assert await r.reports.find(h1, 2) == theirs
        assert await r.reports.find(h2, 1) == other
        assert await r.reports.find(h2, 2) is None
        assert await r.reports.get(other.id) == other
        assert await r.reports.get(other.id + 100) is None
    assert len({mine.id, theirs.id, other.id}) == 3


async def test_one_report_per_person_per_hearing(db: Database) -> None:
    async with repos(db) as r:
        await person(r, 1)
        h = await hearing(r, NOW - timedelta(hours=2))
        await new_report(r, h, 1)
        with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
            await r.reports.create(h, 1, 1, "q:first", NOW)


async def test_a_report_needs_a_known_hearing_and_person(db: Database) -> None:
    async with repos(db) as r:
        await person(r, 1)
        h = await hearing(r, NOW - timedelta(hours=2))
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            await r.reports.create(h + 1, 1, 1, "q:first", NOW)
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            await r.reports.create(h, 2, 1, "q:first", NOW)


async def test_an_accepted_report_is_no_longer_editable(db: Database) -> None:
    async with repos(db) as r:
        await person(r, 1)
        h = await hearing(r, NOW - timedelta(hours=2))
        report = await new_report(r, h, 1)
        editable = {}
        for status in ("submitted", "returned", "accepted", "draft"):
            await r.reports.set_status(report.id, status, NOW)
            found = await r.reports.get(report.id)
            assert found is not None
            editable[status] = found.editable
    assert editable == {"submitted": True, "returned": True, "accepted": False, "draft": True}


async def test_the_open_report_is_the_last_touched_returned_one_or_a_recent_draft(
    db: Database,
) -> None:
    async with repos(db) as r:
        await person(r, 1)
        old = await hearing(r, NOW - timedelta(days=20), title="Old")
        recent = await hearing(r, NOW - timedelta(days=2), title="Recent")
        recent_draft = await new_report(r, recent, 1)
        old_draft = await new_report(r, old, 1)  # touched last
        since = NOW - timedelta(days=14)
        first = await r.reports.latest_open(1, drafts_since=since)
        await r.reports.set_status(old_draft.id, "returned", NOW + timedelta(seconds=1))
        second = await r.reports.latest_open(1, drafts_since=since)
        await r.reports.set_status(old_draft.id, "accepted", NOW + timedelta(seconds=2))
        await r.reports.set_status(recent_draft.id, "accepted", NOW + timedelta(seconds=2))
        none = await r.reports.latest_open(1, drafts_since=since)
    # The old hearing's draft is past `since`; returned, it is open again, however late.
    assert first is not None and first.id == recent_draft.id
    assert second is not None and second.id == old_draft.id
    assert second.hearing_starts_at == NOW - timedelta(days=20)
    assert none is None


async def test_an_unknown_status_is_refused_by_the_schema(db: Database) -> None:
    async with repos(db) as r:
        await person(r, 1)
        report = await new_report(r, await hearing(r, NOW - timedelta(hours=2)), 1)
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            await r.reports.set_status(report.id, "deleted", NOW)


# --- progress and notes -----------------------------------------------------------------


async def test_progress_is_stored_as_json_with_its_step_and_the_review_flag(
    db: Database,
) -> None:
    later = NOW + timedelta(minutes=5)
    answers = {"members_attended": 12, "main_issue": "Pensiya yoshi — o‘qituvchilar"}
    async with repos(db) as r:
        await person(r, 1)
        report = await new_report(r, await hearing(r, NOW - timedelta(hours=2)), 1)
        await r.reports.save_progress(report.id, answers, "q:openness", True, later)
        stored = await r.reports.get(report.id)
        [raw] = await column(r, "SELECT answers, back_to_review, updated_at FROM reports")
        await r.reports.save_progress(report.id, {}, "files", False, later)
        cleared = await r.reports.get(report.id)
    assert stored is not None and cleared is not None
    assert (stored.answers, stored.step, stored.back_to_review) == (answers, "q:openness", True)
    # Non-ASCII is kept as it is (the fingerprint hashes the same characters).
    assert raw == (json.dumps(answers, ensure_ascii=False), 1, later.isoformat())
    assert "o‘qituvchilar" in str(raw[0])
    assert (cleared.answers, cleared.step, cleared.back_to_review) == ({}, "files", False)


async def test_notes_are_replaced_whole(db: Database) -> None:
    async with repos(db) as r:
        await person(r, 1)
        report = await new_report(r, await hearing(r, NOW - timedelta(hours=2)), 1)
        await r.reports.set_notes(report.id, "First.", NOW)
        await r.reports.set_notes(report.id, "First.\n\nSecond <b>", NOW + SECOND)
        stored = await r.reports.get(report.id)
        [updated] = await column(r, "SELECT updated_at FROM reports")
    assert stored is not None and stored.notes == "First.\n\nSecond <b>"
    assert updated == ((NOW + SECOND).isoformat(),)


async def test_saving_one_report_leaves_the_others_alone(db: Database) -> None:
    async with repos(db) as r:
        for user_id in (1, 2):
            await person(r, user_id)
        h = await hearing(r, NOW - timedelta(hours=2))
        mine, theirs = await new_report(r, h, 1), await new_report(r, h, 2)
        await r.reports.save_progress(mine.id, {"a": "yes"}, "files", True, NOW)
        await r.reports.set_notes(mine.id, "mine", NOW)
        await r.reports.set_status(mine.id, "submitted", NOW, fingerprint="f" * 64)
        assert await r.reports.get(theirs.id) == theirs


# --- attachments ------------------------------------------------------------------------


async def test_attachments_are_kept_in_arrival_order_with_every_field(db: Database) -> None:
    async with repos(db) as r:
        await person(r, 1)
        report = await new_report(r, await hearing(r, NOW - timedelta(hours=2)), 1)
        items = [
            photo(10, "album-1"),
            photo(11, "album-1"),
            NewAttachment("document", 12, "doc-id", "doc-unique", None, "agenda.pdf"),
            NewAttachment("voice", 13, "voice-id", "voice-unique"),
            NewAttachment("video", 14, "video-id", "video-unique"),
            NewAttachment("location", 15, latitude=41.311081, longitude=69.240562),
        ]
        added = [await r.reports.add_attachment(report.id, item, NOW) for item in items]
        files = await r.reports.attachments(report.id)
        counted = await r.reports.get(report.id)
    assert added == [True] * 6
    assert counted is not None and counted.attachments == 6
    assert [
        (f.kind, f.file_id, f.file_unique_id, f.media_group_id, f.file_name) for f in files
    ] == [
        ("photo", "file-10", "unique-10", "album-1", None),
        ("photo", "file-11", "unique-11", "album-1", None),
        ("document", "doc-id", "doc-unique", None, "agenda.pdf"),
        ("voice", "voice-id", "voice-unique", None, None),
        ("video", "video-id", "video-unique", None, None),
        ("location", None, None, None, None),
    ]
    assert files[-1] == Attachment(
        files[-1].id, "location", None, None, None, None, 41.311081, 69.240562
    )
    assert [f.id for f in files] == sorted(f.id for f in files)


async def test_a_redelivered_message_is_stored_once(db: Database) -> None:
    async with repos(db) as r:
        for user_id in (1, 2):
            await person(r, user_id)
        h = await hearing(r, NOW - timedelta(hours=2))
        mine, theirs = await new_report(r, h, 1), await new_report(r, h, 2)
        first = await r.reports.add_attachment(mine.id, photo(10), NOW)
        again = await r.reports.add_attachment(mine.id, photo(10), NOW)
        # The same message id in another report (another chat) is another message.
        elsewhere = await r.reports.add_attachment(theirs.id, photo(10), NOW)
        mine_files = await r.reports.attachments(mine.id)
    assert (first, again, elsewhere) == (True, False, True)
    assert len(mine_files) == 1


async def test_an_unknown_attachment_kind_is_refused_by_the_schema(db: Database) -> None:
    async with repos(db) as r:
        await person(r, 1)
        report = await new_report(r, await hearing(r, NOW - timedelta(hours=2)), 1)
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            await r.reports.add_attachment(report.id, NewAttachment("sticker", 1, "s", "s"), NOW)


async def test_an_albums_answer_is_claimed_once_per_report_and_kind(db: Database) -> None:
    async with repos(db) as r:
        for user_id in (1, 2):
            await person(r, user_id)
        h = await hearing(r, NOW - timedelta(hours=2))
        mine, theirs = await new_report(r, h, 1), await new_report(r, h, 2)
        claims = [
            await r.reports.claim_album_answer(mine.id, "album-1", "saved"),
            await r.reports.claim_album_answer(mine.id, "album-1", "saved"),
            await r.reports.claim_album_answer(mine.id, "album-1", "full"),
            await r.reports.claim_album_answer(mine.id, "album-2", "saved"),
            await r.reports.claim_album_answer(theirs.id, "album-1", "saved"),
        ]
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            await r.reports.claim_album_answer(mine.id, "album-3", "maybe")
    assert claims == [True, False, True, True, True]


# --- status, events, cards, delete ----------------------------------------------------


async def test_a_fingerprint_stamps_the_submission_time_and_a_review_keeps_both(
    db: Database,
) -> None:
    sent, reviewed, resent = NOW + SECOND, NOW + timedelta(hours=1), NOW + timedelta(hours=2)
    async with repos(db) as r:
        await person(r, 1)
        report = await new_report(r, await hearing(r, NOW - timedelta(hours=2)), 1)
        await r.reports.set_status(report.id, "submitted", sent, fingerprint="a" * 64)
        submitted = await r.reports.get(report.id)
        await r.reports.set_status(report.id, "returned", reviewed)
        returned = await r.reports.get(report.id)
        await r.reports.set_status(report.id, "submitted", resent, fingerprint="b" * 64)
        again = await r.reports.get(report.id)
        [updated] = await column(r, "SELECT updated_at FROM reports")
    assert submitted is not None and returned is not None and again is not None
    assert (submitted.status, submitted.fingerprint, submitted.submitted_at) == (
        "submitted", "a" * 64, sent,
    )  # fmt: skip
    assert (returned.status, returned.fingerprint, returned.submitted_at) == (
        "returned", "a" * 64, sent,
    )  # fmt: skip
    assert (again.fingerprint, again.submitted_at) == ("b" * 64, resent)
    assert updated == (resent.isoformat(),)


async def test_events_record_who_did_what_and_when(db: Database) -> None:
    async with repos(db) as r:
        await person(r, 1)
        report = await new_report(r, await hearing(r, NOW - timedelta(hours=2)), 1)
        await r.reports.add_event(report.id, "submitted", 1, NOW)
        await r.reports.add_event(report.id, "returned", 9000, NOW + SECOND, "Add page 2")
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            await r.reports.add_event(report.id, "discarded", 1, NOW)
        events = await column(
            r, "SELECT report_id, event, actor_id, comment, at FROM report_events ORDER BY id"
        )
    assert events == [
        (report.id, "submitted", 1, None, NOW.isoformat()),
        (report.id, "returned", 9000, "Add page 2", (NOW + SECOND).isoformat()),
    ]


async def test_a_card_per_chat_whose_message_id_is_replaced(db: Database) -> None:
    async with repos(db) as r:
        await person(r, 1)
        report = await new_report(r, await hearing(r, NOW - timedelta(hours=2)), 1)
        assert await r.reports.cards(report.id) == []
        await r.reports.save_card(report.id, -100777, 5)
        await r.reports.save_card(report.id, 9000, 6)
        await r.reports.save_card(report.id, 9000, 8)  # the queue's card, opened again
        cards = await r.reports.cards(report.id)
    assert sorted(cards) == [(-100777, 5), (9000, 8)]


async def test_deleting_a_report_takes_its_files_events_and_cards(db: Database) -> None:
    async with repos(db) as r:
        for user_id in (1, 2):
            await person(r, user_id)
        h = await hearing(r, NOW - timedelta(hours=2))
        gone, kept = await new_report(r, h, 1), await new_report(r, h, 2)
        for report in (gone, kept):
            await r.reports.add_attachment(report.id, photo(10), NOW)
            await r.reports.add_event(report.id, "submitted", report.user_id, NOW)
            await r.reports.save_card(report.id, 9000, report.id)
        await r.reports.delete(gone.id)
        left = [
            await column(r, f"SELECT DISTINCT report_id FROM {table}")
            for table in ("report_attachments", "report_events", "report_cards")
        ]
        assert await r.reports.get(gone.id) is None
        assert await r.reports.get(kept.id) is not None
    assert left == [[(kept.id,)]] * 3


# --- which hearings a person may report on ---------------------------------------------


async def test_reportable_hearings_need_a_confirmed_seat_at_a_published_begun_hearing(
    db: Database,
) -> None:
    async with repos(db) as r:
        for user_id in (1, 2):
            await person(r, user_id)
        older = await hearing(r, NOW - timedelta(days=3), title="older")
        newer = await hearing(r, NOW - timedelta(hours=2), title="newer")
        waiting = await hearing(r, NOW - timedelta(hours=3), title="waiting list")
        left = await hearing(r, NOW - timedelta(hours=4), title="seat given up")
        cancelled = await hearing(r, NOW - timedelta(hours=5), status="cancelled")
        future = await hearing(r, NOW + timedelta(hours=1), title="not begun")
        someone_elses = await hearing(r, NOW - timedelta(hours=6), title="not mine")
        for h in (older, newer, cancelled, future):
            await seat(r, h, 1)
        await seat(r, waiting, 1, "waiting")
        await seat(r, left, 1, "cancelled")
        await seat(r, someone_elses, 2)
        mine = await r.reports.reportable_hearing_ids(1, NOW, WINDOW)
        theirs = await r.reports.reportable_hearing_ids(2, NOW, WINDOW)
        nobody = await r.reports.reportable_hearing_ids(3, NOW, WINDOW)
    assert mine == [newer, older]  # the latest first
    assert theirs == [someone_elses]
    assert nobody == []


@pytest.mark.parametrize(
    ("now_from_start", "reportable"),
    [
        (-SECOND, False),  # one second before the start
        (timedelta(0), True),  # the start itself
        (WINDOW, True),  # exactly 14 days after the start
        (WINDOW + SECOND, False),  # one second later
    ],
)
async def test_the_window_runs_from_the_start_to_fourteen_days_after_both_included(
    db: Database, now_from_start: timedelta, reportable: bool
) -> None:
    starts = datetime(2026, 11, 20, 5, 0, tzinfo=UTC)
    async with repos(db) as r:
        await person(r, 1)
        h = await hearing(r, starts)
        await seat(r, h, 1)
        found = await r.reports.reportable_hearing_ids(1, starts + now_from_start, WINDOW)
    assert found == ([h] if reportable else [])


# --- the review queue -----------------------------------------------------------------


async def queue_fixture(r: Repos) -> tuple[int, int, dict[str, int]]:
    """Two hearings and reports in every status; returns (hearing 1, hearing 2, ids)."""
    for user_id in range(1, 8):
        await person(r, user_id, name=f"Observer {user_id}")
    h1 = await hearing(r, NOW - timedelta(days=2), title="Pension reform")
    h2 = await hearing(r, NOW - timedelta(days=1), title="Water law")
    ids: dict[str, int] = {}
    plan = [
        ("draft", h1, 1, None),
        ("accepted", h1, 2, NOW - timedelta(hours=9)),
        ("submitted-late", h1, 3, NOW - timedelta(hours=1)),
        ("returned", h2, 4, NOW - timedelta(hours=8)),
        ("submitted-early", h2, 5, NOW - timedelta(hours=5)),
        ("submitted-h1", h1, 6, NOW - timedelta(hours=3)),
        ("draft-h2", h2, 7, None),
    ]
    for name, h, user_id, sent in plan:
        report = await new_report(r, h, user_id, "review")
        ids[name] = report.id
        status = name.split("-")[0]
        if sent is not None:
            await r.reports.set_status(report.id, "submitted", sent, fingerprint="f" * 64)
        if status != "submitted":
            await r.reports.set_status(report.id, status, NOW)
    return h1, h2, ids


async def test_the_queue_puts_waiting_reports_first_oldest_first_then_returned_then_accepted(
    db: Database,
) -> None:
    async with repos(db) as r:
        _, _, ids = await queue_fixture(r)
        everything = await r.reports.queue(None, 10, 0)
        total = await r.reports.count_queue(None)
    assert [item.report_id for item in everything] == [
        ids["submitted-early"], ids["submitted-h1"], ids["submitted-late"], ids["returned"],
        ids["accepted"],
    ]  # fmt: skip
    assert total == 5  # drafts are nobody's business but the observer's
    assert everything[0] == QueueItem(
        ids["submitted-early"], "Water law", "Observer 5", "submitted", NOW - timedelta(hours=5)
    )


async def test_the_queue_pages_and_filters_by_hearing(db: Database) -> None:
    async with repos(db) as r:
        h1, h2, ids = await queue_fixture(r)
        first = await r.reports.queue(None, 2, 0)
        second = await r.reports.queue(None, 2, 2)
        third = await r.reports.queue(None, 2, 4)
        beyond = await r.reports.queue(None, 2, 6)
        only_h1 = await r.reports.queue(h1, 10, 0)
        counts = (await r.reports.count_queue(h1), await r.reports.count_queue(h2))
        nothing = (await r.reports.queue(h2 + 1, 10, 0), await r.reports.count_queue(h2 + 1))
    assert [len(page) for page in (first, second, third, beyond)] == [2, 2, 1, 0]
    paged = [item.report_id for page in (first, second, third) for item in page]
    assert len(set(paged)) == 5
    assert [item.report_id for item in only_h1] == [
        ids["submitted-h1"], ids["submitted-late"], ids["accepted"],
    ]  # fmt: skip
    assert counts == (3, 2)
    assert nothing == ([], 0)


async def test_a_forgotten_observer_has_no_name_in_the_queue(db: Database) -> None:
    async with repos(db) as r:
        await person(r, 1)
        h = await hearing(r, NOW - timedelta(hours=2))
        report = await new_report(r, h, 1, "review")
        await r.reports.set_status(report.id, "submitted", NOW, fingerprint="f" * 64)
        await r.users.erase_personal_data(1, NOW)
        [item] = await r.reports.queue(None, 5, 0)
    assert item.observer is None


async def test_hearings_with_reports_count_sent_reports_latest_hearing_first(
    db: Database,
) -> None:
    async with repos(db) as r:
        h1, h2, _ = await queue_fixture(r)
        only_drafts = await hearing(r, NOW - timedelta(hours=1), title="Only drafts")
        await person(r, 8)
        await new_report(r, only_drafts, 8)
        listed = await r.reports.hearings_with_reports()
    assert listed == [(h2, "Water law", 2), (h1, "Pension reform", 3)]


async def test_hearings_with_reports_lists_at_most_twenty(db: Database) -> None:
    async with repos(db) as r:
        await person(r, 1)
        made = []
        for day in range(22):
            h = await hearing(r, NOW - timedelta(days=day), title=f"Hearing {day}")
            report = await new_report(r, h, 1, "review")
            await r.reports.set_status(report.id, "submitted", NOW, fingerprint="f" * 64)
            made.append(h)
        listed = await r.reports.hearings_with_reports()
    assert [h for h, _, _ in listed] == made[:20]


# --- urgent alerts ------------------------------------------------------------------------


async def test_an_urgent_alert_is_stored(db: Database) -> None:
    async with repos(db) as r:
        await person(r, 1)
        h = await hearing(r, NOW)
        first = await r.reports.add_urgent(h, 1, "Doors closed", None, NOW)
        second = await r.reports.add_urgent(h, 1, "Photo", "photo-id", NOW + SECOND)
        rows = await column(
            r, "SELECT id, hearing_id, user_id, text, photo_file_id, created_at FROM urgent_alerts"
        )
    assert rows == [
        (first, h, 1, "Doors closed", None, NOW.isoformat()),
        (second, h, 1, "Photo", "photo-id", (NOW + SECOND).isoformat()),
    ]


# --- nudges ---------------------------------------------------------------------------


async def test_hearings_to_nudge_are_recent_published_and_not_yet_planned(db: Database) -> None:
    async with repos(db) as r:
        await person(r, 1)
        ended = NOW - timedelta(hours=1)
        recent = await hearing(r, NOW - timedelta(hours=4), ends_at=ended)
        open_ended = await hearing(r, NOW - timedelta(hours=2))
        edge = await hearing(r, NOW - WINDOW)
        too_old = await hearing(r, NOW - WINDOW - SECOND)
        await hearing(r, NOW - timedelta(hours=5), status="cancelled")
        planned = await hearing(r, NOW - timedelta(hours=6))
        await r.reports.plan_nudges(planned, NOW)
        found = await r.reports.hearings_to_nudge(NOW, WINDOW)
    assert sorted(found) == sorted(
        [
            (recent, NOW - timedelta(hours=4), ended),
            (open_ended, NOW - timedelta(hours=2), None),
            (edge, NOW - WINDOW, None),
        ]
    )
    assert too_old not in [h for h, _, _ in found]


async def test_nudges_are_planned_once_for_seated_observers_only(db: Database) -> None:
    async with repos(db) as r:
        for user_id in (1, 2, 3, 4):
            await person(r, user_id, language=("en", "ru", "uz", "en")[user_id - 1])
        h = await hearing(r, NOW - timedelta(hours=4))
        await seat(r, h, 1)
        await seat(r, h, 2)
        await seat(r, h, 3, "waiting")
        await seat(r, h, 4, "cancelled")
        await r.reports.plan_nudges(h, NOW)
        await r.reports.plan_nudges(h, NOW + SECOND)  # a second run adds nobody
        rows = await column(r, "SELECT user_id, status FROM report_nudges ORDER BY user_id")
        [stamp] = await column(r, "SELECT nudged_at FROM hearings")
        pending = await r.reports.pending_nudges(h)
        again = await r.reports.hearings_to_nudge(NOW, WINDOW)
    assert rows == [(1, "pending"), (2, "pending")]
    assert stamp == ((NOW + SECOND).isoformat(),)
    assert pending == [(1, "en", False), (2, "ru", False)]
    assert again == []


async def test_a_pending_nudge_knows_whether_a_report_was_sent(db: Database) -> None:
    async with repos(db) as r:
        for user_id in (1, 2, 3, 4):
            await person(r, user_id)
        h = await hearing(r, NOW - timedelta(hours=4))
        for user_id, status in ((1, "draft"), (2, "submitted"), (3, "returned")):
            await seat(r, h, user_id)
            report = await new_report(r, h, user_id)
            await r.reports.set_status(report.id, status, NOW)
        await seat(r, h, 4)
        await r.reports.plan_nudges(h, NOW)
        pending = await r.reports.pending_nudges(h)
    assert pending == [(1, "en", False), (2, "en", True), (3, "en", True), (4, "en", False)]


async def test_a_nudge_is_claimed_once_then_finished(db: Database) -> None:
    async with repos(db) as r:
        for user_id in (1, 2, 3):
            await person(r, user_id)
        h = await hearing(r, NOW - timedelta(hours=4))
        for user_id in (1, 2, 3):
            await seat(r, h, user_id)
        await r.reports.plan_nudges(h, NOW)
        claims = [await r.reports.claim_nudge(h, 1), await r.reports.claim_nudge(h, 1)]
        await r.reports.finish_nudge(h, 1, "sent", NOW + SECOND)
        after_finish = await r.reports.claim_nudge(h, 1)
        await r.reports.claim_nudge(h, 2)  # a crash after this claim...
        still_pending = await r.reports.nudge_hearings_pending()
        abandoned = await r.reports.abandon_claimed_nudges()
        rows = await column(
            r, "SELECT user_id, status, sent_at FROM report_nudges ORDER BY user_id"
        )
        pending = await r.reports.pending_nudges(h)
    assert claims == [True, False]
    assert after_finish is False
    assert still_pending == [h]  # user 3 is still to be nudged
    assert abandoned == 1
    assert rows == [
        (1, "sent", (NOW + SECOND).isoformat()),
        (2, "failed", None),  # ...is never sent again
        (3, "pending", None),
    ]
    assert pending == [(3, "en", False)]


async def test_no_hearing_is_pending_once_every_nudge_is_done(db: Database) -> None:
    async with repos(db) as r:
        await person(r, 1)
        h = await hearing(r, NOW - timedelta(hours=4))
        await seat(r, h, 1)
        assert await r.reports.nudge_hearings_pending() == []
        await r.reports.plan_nudges(h, NOW)
        assert await r.reports.nudge_hearings_pending() == [h]
        await r.reports.finish_nudge(h, 1, "skipped", NOW)
        assert await r.reports.nudge_hearings_pending() == []
        assert await r.reports.abandon_claimed_nudges() == 0
