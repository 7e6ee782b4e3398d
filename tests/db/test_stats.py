"""Statistics on a real, migrated SQLite file: the numbers behind /stats and every chart
equal what the tables hold."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.db import Database, UnitOfWork
from bot.repositories.columns import utc_text
from bot.repositories.hearings import HearingRepository
from bot.repositories.stats import StatsRepository
from bot.services import errors
from bot.services import stats as rules
from bot.services.report_form import load_form
from bot.services.volunteers import REGIONS

NOW = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)  # a Wednesday, 14:00 in Tashkent
ZONE = ZoneInfo("Asia/Tashkent")


async def volunteer(
    uow: UnitOfWork, user_id: int, region: str, registered: datetime | None
) -> None:
    at = utc_text(registered or NOW)
    await uow.execute(
        "INSERT INTO users (id, language, full_name, region, registered_at, created_at,"
        " updated_at) VALUES (?, 'uz', 'V', ?, ?, ?, ?)",
        (user_id, region, utc_text(registered) if registered else None, at, at),
    )


async def hearing(uow: UnitOfWork, starts: datetime, seats: int, status: str = "published") -> int:
    return await uow.insert(
        "INSERT INTO hearings (title, chamber, committee, starts_at, address, seats, status,"
        " created_at, updated_at) VALUES ('H', 'senate', 'C', ?, 'A', ?, ?, ?, ?)",
        (utc_text(starts), seats, status, utc_text(NOW), utc_text(NOW)),
    )


async def signup(
    uow: UnitOfWork, hearing_id: int, user_id: int, status: str = "confirmed",
    *, coming: bool = False, attended: bool = False,
) -> None:  # fmt: skip
    await uow.execute(
        "INSERT INTO signups (hearing_id, user_id, status, attendance, attended_at, attended_via,"
        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            hearing_id, user_id, status, "coming" if coming else None,
            utc_text(NOW) if attended else None, "qr" if attended else None,
            utc_text(NOW), utc_text(NOW),
        ),
    )  # fmt: skip


async def report(
    uow: UnitOfWork, hearing_id: int, user_id: int, status: str,
    answers: dict[str, object] | None = None, version: int = 1,
) -> None:  # fmt: skip
    submitted = None if status == "draft" else utc_text(NOW)
    await uow.execute(
        "INSERT INTO reports (hearing_id, user_id, status, form_version, step, answers,"
        " submitted_at, created_at, updated_at) VALUES (?, ?, ?, ?, 'review', ?, ?, ?, ?)",
        (hearing_id, user_id, status, version, json.dumps(answers or {}), submitted,
         utc_text(NOW), utc_text(NOW)),
    )  # fmt: skip


async def test_overview_counts_what_the_tables_hold(db: Database) -> None:
    async with db.unit_of_work() as uow:
        for user_id, region, days in ((1, "TK", 1), (2, "TK", 30), (3, "SA", 6), (4, "FA", 8)):
            await volunteer(uow, user_id, region, NOW - timedelta(days=days))
        await volunteer(uow, 5, "QR", None)  # started, never registered (or used /forget)
        past = await hearing(uow, NOW - timedelta(days=3), seats=4)
        await hearing(uow, NOW - timedelta(days=1), seats=9, status="cancelled")
        upcoming = await hearing(uow, NOW + timedelta(days=3), seats=10)
        await signup(uow, past, 1, attended=True)
        await signup(uow, past, 2, attended=True)
        await signup(uow, past, 3)
        await signup(uow, past, 4, "cancelled", attended=True)  # left: not counted
        await signup(uow, upcoming, 1)
        await signup(uow, upcoming, 2, "waiting")
        for user_id, status in ((1, "accepted"), (2, "returned"), (3, "draft")):
            await report(uow, past, user_id, status)
        broadcast = await uow.insert(
            "INSERT INTO broadcasts (author_id, from_chat_id, message_id, audience, status,"
            " total, created_at, queued_at) VALUES (1, 1, 1, '{}', 'done', 3, ?, ?)",
            (utc_text(NOW), utc_text(NOW)),
        )
        for user_id, status in ((1, "sent"), (2, "sent"), (3, "unreachable")):
            await uow.execute(
                "INSERT INTO deliveries (broadcast_id, user_id, status) VALUES (?, ?, ?)",
                (broadcast, user_id, status),
            )

        overview = await rules.overview(StatsRepository(uow), NOW)

    assert (overview.volunteers.total, overview.volunteers.new) == (4, 2)
    assert list(overview.by_region) == list(REGIONS)
    assert {k: v for k, v in overview.by_region.items() if v} == {"TK": 2, "SA": 1, "FA": 1}
    hearings = overview.hearings
    assert (hearings.upcoming, hearings.past) == (1, 1)  # the cancelled one is neither
    assert (hearings.upcoming_confirmed, hearings.upcoming_seats) == (1, 10)
    assert (hearings.past_attended, hearings.past_confirmed) == (2, 3)
    assert overview.attendance_percent == 67
    reports = overview.reports
    assert (reports["accepted"], reports["returned"], reports["submitted"]) == (1, 1, 0)
    assert (reports.ever_submitted, reports.expected) == (2, 3)
    assert overview.broadcast is not None
    assert (overview.broadcast.id, overview.broadcast.sent, overview.broadcast.total) == (
        broadcast, 2, 3,
    )  # fmt: skip

    funnel = rules.funnel_chart(overview.reports)
    assert funnel.labels == rules.FUNNEL
    assert funnel.values("reports") == (3, 3, 2, 1)
    regions = rules.region_chart(overview.by_region)
    assert regions.labels == REGIONS and len(regions.labels) == 14
    assert sum(regions.values("volunteers")) == overview.volunteers.total


async def test_an_empty_database_gives_zeros_and_no_broadcast(db: Database) -> None:
    async with db.unit_of_work() as uow:
        stats = StatsRepository(uow)
        overview = await rules.overview(stats, NOW)
        weeks = await rules.registrations_chart(stats, NOW, ZONE)
        hearings, rows = await rules.attendance_chart(stats, NOW)
    assert overview.volunteers.total == 0 and overview.broadcast is None
    assert overview.attendance_percent is None
    assert set(overview.by_region.values()) == {0}
    assert weeks.is_empty and len(weeks.labels) == rules.WEEKS
    assert hearings.is_empty and rows == []


async def test_registrations_fall_into_local_weeks(db: Database) -> None:
    monday = datetime(2026, 11, 30, 0, 0, tzinfo=ZONE)  # this week, in Tashkent
    async with db.unit_of_work() as uow:
        await volunteer(uow, 1, "TK", monday.astimezone(UTC))  # Sunday 19:00 UTC: this week
        await volunteer(uow, 2, "TK", monday.astimezone(UTC) - timedelta(seconds=1))
        await volunteer(uow, 3, "TK", NOW)
        await volunteer(uow, 4, "TK", monday - timedelta(weeks=11))  # the first week shown
        await volunteer(uow, 5, "TK", monday - timedelta(weeks=11, seconds=1))  # too old
        chart = await rules.registrations_chart(StatsRepository(uow), NOW, ZONE)
    assert chart.labels[-1] == "2026-11-30" and chart.labels[0] == "2026-09-14"
    values = chart.values("registrations")
    assert values[-1] == 2 and values[-2] == 1 and values[0] == 1
    assert sum(values) == 4


async def test_attendance_chart_takes_the_latest_started_hearings(db: Database) -> None:
    async with db.unit_of_work() as uow:
        for user_id in range(1, 6):
            await volunteer(uow, user_id, "TK", NOW)
        ids = [await hearing(uow, NOW - timedelta(days=d), seats=d + 1) for d in range(10, 0, -1)]
        await hearing(uow, NOW + timedelta(days=1), seats=50)  # upcoming: not on this chart
        for user_id in range(1, 4):
            await signup(uow, ids[-1], user_id, attended=user_id != 3)
        await signup(uow, ids[-1], 4, "waiting", attended=True)  # let in from the waiting list
        chart, rows = await rules.attendance_chart(StatsRepository(uow), NOW, limit=4)
    assert chart.labels == tuple(str(i) for i in ids[-4:])  # oldest first
    assert chart.values("seats") == (5, 4, 3, 2)
    assert chart.values("confirmed") == (0, 0, 0, 3)
    assert chart.values("attended") == (0, 0, 0, 3)
    assert [row.id for row in rows] == ids[-4:]


async def test_hearing_summary_and_answer_tally(db: Database) -> None:
    form = load_form()
    async with db.unit_of_work() as uow:
        for user_id in range(1, 7):
            await volunteer(uow, user_id, "TK", NOW)
        target = await hearing(uow, NOW - timedelta(hours=5), seats=5)
        other = await hearing(uow, NOW - timedelta(days=5), seats=5)
        await signup(uow, target, 1, coming=True, attended=True)
        await signup(uow, target, 2, coming=True)
        await signup(uow, target, 3, attended=True)
        await signup(uow, target, 4, "waiting")
        await signup(uow, target, 5, "cancelled", coming=True)
        yes = {"started_on_time": "yes", "documents_beforehand": "partly", "openness": "4",
               "members_attended": 12, "main_issue": "yes"}  # fmt: skip
        await report(uow, target, 1, "submitted", yes)
        await report(uow, target, 2, "accepted", {**yes, "started_on_time": "no"})
        await report(uow, target, 3, "draft", yes)  # half-filled: not tallied
        await report(uow, target, 6, "returned", {"openness": "4"}, version=form.version + 1)
        await report(uow, other, 1, "accepted", yes)  # another hearing
        stats = StatsRepository(uow)
        summary = await rules.hearing_summary(stats, HearingRepository(uow), target)
        tally = await rules.answer_tally(stats, form, target)
        with pytest.raises(errors.HearingNotFoundError):
            await rules.hearing_summary(stats, HearingRepository(uow), 999)

    hearing_row = summary.hearing
    assert (hearing_row.seats, hearing_row.confirmed, hearing_row.waiting) == (5, 3, 1)
    assert (summary.coming, summary.attended) == (2, 2)
    assert summary.reports == {"draft": 1, "submitted": 1, "returned": 1, "accepted": 1}

    assert tally.reports == 2  # sent, this form version
    by_id = {q.question: q for q in tally.questions}
    charted = [q.id for q in form.questions if q.kind in ("yes_no", "choice")]
    assert list(by_id) == charted  # numbers and texts are not charted
    assert by_id["started_on_time"].chart.labels == ("yes", "no")
    assert by_id["started_on_time"].chart.values("answers") == (1, 1)
    assert by_id["documents_beforehand"].chart.values("answers") == (0, 2, 0)
    assert by_id["openness"].chart.labels == ("1", "2", "3", "4", "5")
    assert by_id["openness"].chart.values("answers") == (0, 0, 0, 2, 0)
    assert by_id["press_present"].chart.values("answers") == (0, 0)


async def test_nearest_hearings_surround_now(db: Database) -> None:
    async with db.unit_of_work() as uow:
        ids = [await hearing(uow, NOW + timedelta(days=d), seats=1) for d in range(-20, 21, 2)]
        choices = await rules.nearest_hearings(HearingRepository(uow), NOW)
    assert len(choices) == rules.HEARING_CHOICES
    assert [c.starts_at for c in choices] == sorted(c.starts_at for c in choices)
    assert {c.id for c in choices} <= set(ids[5:16])
