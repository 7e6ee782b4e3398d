"""Seats, the waiting list, reminders and hearing changes, on a real, migrated SQLite file."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.db import Database, UnitOfWork
from bot.repositories.hearings import Hearing, HearingDraft, HearingRepository, to_draft
from bot.repositories.reminders import DueReminder, ReminderRepository
from bot.repositories.signups import Attendee, MySignup, SignupRepository
from bot.repositories.users import NewRegistration, User, UserRepository
from bot.services import errors, hearings, signups
from bot.services.signups import Recipient, SignupResult

NOW = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
STARTS = datetime(2026, 12, 5, 5, 0, tzinfo=UTC)  # 10:00 in Tashkent
DAY, TWO_HOURS = timedelta(hours=24), timedelta(hours=2)
OFFSETS = (DAY, TWO_HOURS)
DRAFT = HearingDraft(
    title="Budget 2027",
    chamber="senate",
    body=None,
    committee="Budget committee",
    starts_at=STARTS,
    ends_at=STARTS + timedelta(hours=2),
    address="Tashkent, Mustaqillik 6",
    latitude=41.3,
    longitude=69.2,
    seats=2,
    description="",
)


@dataclass(frozen=True)
class Repos:
    uow: UnitOfWork
    hearings: HearingRepository
    signups: SignupRepository
    reminders: ReminderRepository
    users: UserRepository


@asynccontextmanager
async def repos(db: Database) -> AsyncIterator[Repos]:
    async with db.unit_of_work() as uow:
        yield Repos(
            uow, HearingRepository(uow), SignupRepository(uow), ReminderRepository(uow),
            UserRepository(uow),
        )  # fmt: skip


async def person(r: Repos, user_id: int, language: str = "en") -> User:
    await r.users.save_language(user_id, language, NOW)
    registration = NewRegistration(
        full_name=f"Volunteer {user_id}", name_key=f"volunteer {user_id}",
        phone=f"+9989012{user_id:05d}", region="TK", interests=("hearings",),
        consent_version="v1", consent_at=NOW,
    )  # fmt: skip
    await r.users.register(user_id, registration, NOW)
    user = await r.users.get(user_id)
    assert user is not None
    return user


async def hearing(r: Repos, **changes: Any) -> Hearing:
    """A published hearing; it ends two hours after it starts unless told otherwise."""
    changes.setdefault("ends_at", changes.get("starts_at", STARTS) + TWO_HOURS)
    hearing_id = await hearings.publish(r.hearings, replace(DRAFT, **changes), 9000, NOW)
    return await hearings.get_hearing(r.hearings, hearing_id)


async def sign_up(r: Repos, h: Hearing, user: User, now: datetime = NOW) -> SignupResult:
    return await signups.sign_up(r.hearings, r.signups, r.reminders, h, user, now, OFFSETS)


async def cancel_signup(r: Repos, h: Hearing, user_id: int, now: datetime = NOW) -> list[Recipient]:
    return await signups.cancel_signup(r.signups, r.reminders, h, user_id, now, OFFSETS)


async def edit(r: Repos, h: Hearing, now: datetime = NOW, **changes: Any) -> hearings.EditOutcome:
    draft = replace(to_draft(h), **changes)
    return await hearings.edit(r.hearings, r.signups, r.reminders, h.id, draft, now, OFFSETS)


async def reminders_of(r: Repos, user_id: int) -> list[tuple[int, str, str]]:
    """(offset in seconds, due_at, status) of a person's reminders, earliest offset first."""
    rows = await r.uow.fetch_all(
        "SELECT offset_seconds, due_at, status FROM reminders WHERE user_id = :user "
        "ORDER BY offset_seconds DESC",
        {"user": user_id},
    )
    return [(row[0], row[1], row[2]) for row in rows]


async def reminder_ids(r: Repos) -> list[int]:
    return [row[0] for row in await r.uow.fetch_all("SELECT id FROM reminders ORDER BY id")]


async def status_of(r: Repos, h: Hearing, user_id: int) -> tuple[str, int] | None:
    mine = await r.signups.active(h.id, user_id)
    return None if mine is None else (mine.status, mine.position)


def pending_at(*moments: datetime) -> list[tuple[int, str, str]]:
    return [
        (int(offset.total_seconds()), moment.isoformat(), "pending")
        for offset, moment in zip(OFFSETS, moments, strict=True)
    ]


# --- sign-up and the waiting list -----------------------------------------------------


async def test_sign_up_confirms_until_the_seats_are_full_then_queues_in_order(
    db: Database,
) -> None:
    async with repos(db) as r:
        h = await hearing(r, seats=2)
        results = [await sign_up(r, h, await person(r, user_id)) for user_id in (1, 2, 3, 4)]
        after = await hearings.get_hearing(r.hearings, h.id)
    assert results == [
        SignupResult("confirmed", 0, already=False),
        SignupResult("confirmed", 0, already=False),
        SignupResult("waiting", 1, already=False),
        SignupResult("waiting", 2, already=False),
    ]
    assert (after.confirmed, after.waiting, after.seats_left) == (2, 2, 0)


async def test_a_seat_comes_with_a_reminder_at_each_offset_and_a_queue_place_without(
    db: Database,
) -> None:
    async with repos(db) as r:
        h = await hearing(r, seats=1)
        await sign_up(r, h, await person(r, 1))
        await sign_up(r, h, await person(r, 2))
        assert await reminders_of(r, 1) == pending_at(STARTS - DAY, STARTS - TWO_HOURS)
        assert await reminders_of(r, 2) == []


async def test_signing_up_twice_changes_nothing(db: Database) -> None:
    async with repos(db) as r:
        h = await hearing(r, seats=1)
        seated, queued = await person(r, 1), await person(r, 2)
        await sign_up(r, h, seated)
        await sign_up(r, h, queued)
        assert await sign_up(r, h, seated) == SignupResult("confirmed", 0, already=True)
        assert await sign_up(r, h, queued) == SignupResult("waiting", 1, already=True)
        assert len(await r.uow.fetch_all("SELECT id FROM signups")) == 2
        assert len(await reminder_ids(r)) == 2


async def test_cancelling_a_seat_promotes_the_head_of_the_waiting_list(db: Database) -> None:
    async with repos(db) as r:
        h = await hearing(r, seats=1)
        for user_id, language in ((1, "en"), (2, "ru"), (3, "uz")):
            await sign_up(r, h, await person(r, user_id, language))
        promoted = await cancel_signup(r, h, 1)
        assert promoted == [Recipient(2, "ru")]
        assert await status_of(r, h, 1) is None
        assert await status_of(r, h, 2) == ("confirmed", 0)
        assert await status_of(r, h, 3) == ("waiting", 1)
        assert await reminders_of(r, 2) == pending_at(STARTS - DAY, STARTS - TWO_HOURS)
        assert [status for _, _, status in await reminders_of(r, 1)] == ["cancelled"] * 2


async def test_a_promotion_plans_only_the_reminders_still_ahead(db: Database) -> None:
    async with repos(db) as r:
        h = await hearing(r, seats=1)
        await sign_up(r, h, await person(r, 1))
        await sign_up(r, h, await person(r, 2))
        await cancel_signup(r, h, 1, now=STARTS - timedelta(hours=5))
        assert await reminders_of(r, 2) == [(7200, (STARTS - TWO_HOURS).isoformat(), "pending")]


async def test_leaving_the_waiting_list_promotes_nobody_and_moves_the_rest_up(
    db: Database,
) -> None:
    async with repos(db) as r:
        h = await hearing(r, seats=1)
        for user_id in (1, 2, 3, 4):
            await sign_up(r, h, await person(r, user_id))
        assert await cancel_signup(r, h, 2) == []
        assert await status_of(r, h, 1) == ("confirmed", 0)
        assert await status_of(r, h, 2) is None
        assert await status_of(r, h, 3) == ("waiting", 1)
        assert await status_of(r, h, 4) == ("waiting", 2)


async def test_cancelling_without_a_sign_up_is_refused(db: Database) -> None:
    async with repos(db) as r:
        h = await hearing(r)
        await person(r, 1)
        with pytest.raises(errors.NotSignedUpError):
            await cancel_signup(r, h, 1)


async def test_signing_up_again_after_cancelling_revives_the_reminders(db: Database) -> None:
    async with repos(db) as r:
        h = await hearing(r)
        user = await person(r, 1)
        await sign_up(r, h, user)
        await cancel_signup(r, h, 1)
        assert await sign_up(r, h, user) == SignupResult("confirmed", 0, already=False)
        assert await reminders_of(r, 1) == pending_at(STARTS - DAY, STARTS - TWO_HOURS)


# --- answers to a reminder ------------------------------------------------------------


async def test_coming_records_attendance_and_keeps_the_seat(db: Database) -> None:
    async with repos(db) as r:
        h = await hearing(r, seats=1)
        await sign_up(r, h, await person(r, 1))
        await sign_up(r, h, await person(r, 2))
        promoted = await signups.answer_reminder(r.signups, r.reminders, h, 1, True, NOW, OFFSETS)
        mine = await r.signups.active(h.id, 1)
        assert promoted == []
        assert mine is not None and (mine.status, mine.attendance) == ("confirmed", "coming")
        assert await status_of(r, h, 2) == ("waiting", 1)


async def test_not_coming_frees_the_seat_as_a_cancellation_does(db: Database) -> None:
    async with repos(db) as r:
        h = await hearing(r, seats=1)
        await sign_up(r, h, await person(r, 1))
        await sign_up(r, h, await person(r, 2, "uz"))
        promoted = await signups.answer_reminder(r.signups, r.reminders, h, 1, False, NOW, OFFSETS)
        assert promoted == [Recipient(2, "uz")]
        assert await status_of(r, h, 1) is None
        assert await status_of(r, h, 2) == ("confirmed", 0)
        assert [status for _, _, status in await reminders_of(r, 1)] == ["cancelled"] * 2


@pytest.mark.parametrize("coming", [True, False])
async def test_only_a_seated_person_can_answer_a_reminder(db: Database, coming: bool) -> None:
    async with repos(db) as r:
        h = await hearing(r, seats=1)
        await sign_up(r, h, await person(r, 1))
        await sign_up(r, h, await person(r, 2))
        await person(r, 3)
        for user_id in (2, 3):
            with pytest.raises(errors.NotSignedUpError):
                await signups.answer_reminder(
                    r.signups, r.reminders, h, user_id, coming, NOW, OFFSETS
                )
        assert await status_of(r, h, 2) == ("waiting", 1)


# --- reminders ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "planned"),
    [
        (STARTS - timedelta(hours=25), [86400, 7200]),
        (STARTS - DAY, [7200]),  # due this very second: too late, not sent late
        (STARTS - timedelta(hours=3), [7200]),
        (STARTS - TWO_HOURS, []),
    ],
)
async def test_plan_skips_offsets_already_passed(
    db: Database, now: datetime, planned: list[int]
) -> None:
    async with repos(db) as r:
        h = await hearing(r)
        await person(r, 1)
        await r.reminders.plan(h.id, 1, STARTS, OFFSETS, now)
        assert [offset for offset, _, _ in await reminders_of(r, 1)] == planned


async def test_claim_succeeds_once_only(db: Database) -> None:
    async with repos(db) as r:
        h = await hearing(r)
        await sign_up(r, h, await person(r, 1))
        first, _ = await reminder_ids(r)
        assert await r.reminders.claim(first) is True
        assert await r.reminders.claim(first) is False
        assert [status for _, _, status in await reminders_of(r, 1)] == ["sending", "pending"]


async def test_a_cancelled_reminder_cannot_be_claimed(db: Database) -> None:
    async with repos(db) as r:
        h = await hearing(r)
        await sign_up(r, h, await person(r, 1))
        await cancel_signup(r, h, 1)
        first, _ = await reminder_ids(r)
        assert await r.reminders.claim(first) is False


async def test_abandon_claimed_turns_sending_into_failed_only(db: Database) -> None:
    async with repos(db) as r:
        h = await hearing(r)
        await sign_up(r, h, await person(r, 1))
        first, _ = await reminder_ids(r)
        await r.reminders.claim(first)
        assert await r.reminders.abandon_claimed() == 1
        assert await r.reminders.abandon_claimed() == 0
        assert [status for _, _, status in await reminders_of(r, 1)] == ["failed", "pending"]


async def test_wakeups_are_one_per_hearing_and_offset(db: Database) -> None:
    later = STARTS + timedelta(days=3)
    async with repos(db) as r:
        first, second = await hearing(r, seats=5), await hearing(r, seats=5, starts_at=later)
        people = [await person(r, user_id) for user_id in (1, 2, 3)]
        for user in people:
            await sign_up(r, first, user)
        await sign_up(r, second, people[0])
        everything = await r.reminders.wakeups()
        only_second = await r.reminders.wakeups(second.id)
    assert sorted((w.hearing_id, w.offset_seconds, w.due_at) for w in everything) == [
        (first.id, 7200, STARTS - TWO_HOURS),
        (first.id, 86400, STARTS - DAY),
        (second.id, 7200, later - TWO_HOURS),
        (second.id, 86400, later - DAY),
    ]
    assert {(w.hearing_id, w.offset_seconds) for w in only_second} == {
        (second.id, 7200),
        (second.id, 86400),
    }


async def test_wakeups_ignore_reminders_no_longer_pending(db: Database) -> None:
    async with repos(db) as r:
        h = await hearing(r)
        await sign_up(r, h, await person(r, 1))
        first, _ = await reminder_ids(r)
        await r.reminders.claim(first)
        wakeups = await r.reminders.wakeups()
    assert [(w.offset_seconds, w.due_at) for w in wakeups] == [(7200, STARTS - TWO_HOURS)]


async def test_due_lists_pending_reminders_whose_time_has_come(db: Database) -> None:
    async with repos(db) as r:
        h = await hearing(r, seats=5)
        for user_id, language in ((1, "ru"), (2, "uz")):
            await sign_up(r, h, await person(r, user_id, language))
        early = await r.reminders.due(h.id, 86400, STARTS - DAY - timedelta(seconds=1))
        on_time = await r.reminders.due(h.id, 86400, STARTS - DAY)
    assert early == []
    assert [(d.user_id, d.language) for d in on_time] == [(1, "ru"), (2, "uz")]
    assert all(isinstance(d, DueReminder) for d in on_time)


# --- a coordinator edits or cancels a hearing -----------------------------------------


async def pending_of(r: Repos, user_id: int) -> list[tuple[int, str, str]]:
    return [row for row in await reminders_of(r, user_id) if row[2] == "pending"]


async def test_a_later_start_replans_every_reminder_for_the_new_time(db: Database) -> None:
    later = STARTS + timedelta(days=3)
    async with repos(db) as r:
        h = await hearing(r)
        for user_id in (1, 2):
            await sign_up(r, h, await person(r, user_id))
        outcome = await edit(r, h, starts_at=later, ends_at=later + TWO_HOURS)
        assert outcome.moved is True and outcome.hearing.starts_at == later
        for user_id in (1, 2):
            assert await pending_of(r, user_id) == pending_at(later - DAY, later - TWO_HOURS)
            old = [row for row in await reminders_of(r, user_id) if row[2] != "pending"]
            assert [row[2] for row in old] == ["cancelled", "cancelled"]


async def test_an_earlier_start_plans_only_reminders_still_ahead(db: Database) -> None:
    sooner = NOW + timedelta(hours=22)
    async with repos(db) as r:
        h = await hearing(r)
        await sign_up(r, h, await person(r, 1))
        await edit(r, h, starts_at=sooner, ends_at=None)
        assert await pending_of(r, 1) == [(7200, (sooner - TWO_HOURS).isoformat(), "pending")]


async def test_a_move_keeps_history_and_reminds_again_for_the_new_time(db: Database) -> None:
    later = STARTS + timedelta(days=3)
    async with repos(db) as r:
        h = await hearing(r, seats=5)
        await sign_up(r, h, await person(r, 1))
        await sign_up(r, h, await person(r, 2))
        first, *_ = await reminder_ids(r)
        await r.reminders.set_status(first, "sent", NOW)
        await cancel_signup(r, h, 2)
        await edit(r, h, starts_at=later, ends_at=None)
        rows = await reminders_of(r, 1)
        assert (86400, (STARTS - DAY).isoformat(), "sent") in rows  # history stays
        assert await pending_of(r, 1) == pending_at(later - DAY, later - TWO_HOURS)
        assert await pending_of(r, 2) == []  # no seat, no reminder


async def test_a_postponed_hearing_reminds_a_late_signer_at_every_offset(db: Database) -> None:
    signed_late = STARTS - timedelta(hours=10)
    later = STARTS + timedelta(days=7)
    async with repos(db) as r:
        h = await hearing(r)
        await sign_up(r, h, await person(r, 1), now=signed_late)
        await edit(r, h, now=signed_late, starts_at=later, ends_at=None)
        assert await pending_of(r, 1) == pending_at(later - DAY, later - TWO_HOURS)


async def test_more_seats_promote_the_people_waiting(db: Database) -> None:
    async with repos(db) as r:
        h = await hearing(r, seats=1)
        for user_id, language in ((1, "en"), (2, "ru"), (3, "uz"), (4, "en")):
            await sign_up(r, h, await person(r, user_id, language))
        outcome = await edit(r, h, seats=3)
        assert outcome.promoted == [Recipient(2, "ru"), Recipient(3, "uz")]
        assert (outcome.hearing.confirmed, outcome.hearing.waiting) == (3, 1)
        assert await status_of(r, h, 4) == ("waiting", 1)
        assert await reminders_of(r, 3) == pending_at(STARTS - DAY, STARTS - TWO_HOURS)


async def test_fewer_seats_promote_nobody_and_unseat_nobody(db: Database) -> None:
    async with repos(db) as r:
        h = await hearing(r, seats=2)
        for user_id in (1, 2, 3):
            await sign_up(r, h, await person(r, user_id))
        outcome = await edit(r, h, seats=1)
        assert outcome.promoted == []
        assert (outcome.hearing.confirmed, outcome.hearing.waiting) == (2, 1)


@pytest.mark.parametrize(
    "changes",
    [
        {"title": "Budget 2028"},
        {"committee": "Finance committee"},
        {"description": "Bring an ID"},
        {"seats": 10},
    ],
)
async def test_a_change_of_neither_time_nor_place_is_not_announced(
    db: Database, changes: dict[str, Any]
) -> None:
    async with repos(db) as r:
        h = await hearing(r)
        await sign_up(r, h, await person(r, 1))
        outcome = await edit(r, h, **changes)
        assert (outcome.moved, outcome.notify) == (False, [])
        assert await reminders_of(r, 1) == pending_at(STARTS - DAY, STARTS - TWO_HOURS)


@pytest.mark.parametrize(
    "changes",
    [
        {"starts_at": STARTS + TWO_HOURS, "ends_at": None},
        {"ends_at": STARTS + timedelta(hours=3)},
        {"ends_at": None},
        {"address": "Tashkent, Amir Temur 1"},
        {"latitude": 41.31},
        {"latitude": None, "longitude": None},
    ],
)
async def test_a_change_of_time_or_place_is_announced_to_everyone_listed(
    db: Database, changes: dict[str, Any]
) -> None:
    async with repos(db) as r:
        h = await hearing(r, seats=1)
        await sign_up(r, h, await person(r, 1, "ru"))
        await sign_up(r, h, await person(r, 2, "uz"))
        outcome = await edit(r, h, **changes)
        assert outcome.moved is True
        assert [(a.user_id, a.language, a.status) for a in outcome.notify] == [
            (1, "ru", "confirmed"),
            (2, "uz", "waiting"),
        ]


async def test_a_new_longitude_alone_is_announced(db: Database) -> None:
    async with repos(db) as r:
        h = await hearing(r)
        await sign_up(r, h, await person(r, 1))
        outcome = await edit(r, h, longitude=69.3)
        assert outcome.moved is True
        assert [a.user_id for a in outcome.notify] == [1]


async def test_a_started_hearing_cannot_be_edited(db: Database) -> None:
    async with repos(db) as r:
        h = await hearing(r)
        with pytest.raises(errors.HearingStartedError):
            await edit(r, h, now=STARTS, title="Budget 2028")
        assert (await hearings.get_hearing(r.hearings, h.id)).title == "Budget 2027"


async def test_an_edit_into_the_past_is_refused(db: Database) -> None:
    async with repos(db) as r:
        h = await hearing(r)
        with pytest.raises(errors.DateInPastError):
            await edit(r, h, starts_at=NOW - TWO_HOURS, ends_at=None)


async def test_cancelling_a_hearing_cancels_pending_reminders_and_lists_everyone(
    db: Database,
) -> None:
    async with repos(db) as r:
        h = await hearing(r, seats=1)
        await sign_up(r, h, await person(r, 1, "ru"))
        await sign_up(r, h, await person(r, 2, "uz"))
        first, _ = await reminder_ids(r)
        await r.reminders.set_status(first, "sent", NOW)
        told = await hearings.cancel(r.hearings, r.signups, r.reminders, h.id, " Flood ", NOW)
        after = await hearings.get_hearing(r.hearings, h.id)
        assert [(a.user_id, a.language, a.status) for a in told] == [
            (1, "ru", "confirmed"),
            (2, "uz", "waiting"),
        ]
        assert (after.status, after.cancel_reason) == ("cancelled", "Flood")
        assert [status for _, _, status in await reminders_of(r, 1)] == ["sent", "cancelled"]
        assert await r.reminders.wakeups() == []


async def test_a_cancelled_hearing_cannot_be_cancelled_or_edited_again(db: Database) -> None:
    async with repos(db) as r:
        h = await hearing(r)
        await hearings.cancel(r.hearings, r.signups, r.reminders, h.id, "Flood", NOW)
        with pytest.raises(errors.HearingCancelledError):
            await hearings.cancel(r.hearings, r.signups, r.reminders, h.id, "Again", NOW)
        with pytest.raises(errors.HearingCancelledError):
            await edit(r, h, title="Budget 2028")


async def test_a_too_short_reason_cancels_nothing(db: Database) -> None:
    async with repos(db) as r:
        h = await hearing(r)
        await sign_up(r, h, await person(r, 1))
        with pytest.raises(errors.TextLengthError):
            await hearings.cancel(r.hearings, r.signups, r.reminders, h.id, "no", NOW)
        assert (await hearings.get_hearing(r.hearings, h.id)).status == "published"
        assert [status for _, _, status in await reminders_of(r, 1)] == ["pending"] * 2


# --- what a person and a coordinator see ----------------------------------------------


async def test_upcoming_for_user_lists_live_sign_ups_soonest_first(db: Database) -> None:
    async with repos(db) as r:
        user, other = await person(r, 1), await person(r, 2)
        started = await hearing(r, title="Started")
        queued = await hearing(r, title="Queued", seats=1, starts_at=STARTS + 2 * DAY)
        seated = await hearing(r, title="Seated", starts_at=STARTS + DAY)
        called_off = await hearing(r, title="Called off", starts_at=STARTS + DAY)
        left = await hearing(r, title="Left", starts_at=STARTS + DAY)
        await sign_up(r, queued, other)
        for h in (started, queued, seated, called_off, left):
            await sign_up(r, h, user)
        await hearings.cancel(r.hearings, r.signups, r.reminders, called_off.id, "Flood", NOW)
        await cancel_signup(r, left, user.id)
        mine = await r.signups.upcoming_for_user(user.id, STARTS)
    assert mine == [
        MySignup(seated.id, "Seated", (STARTS + DAY).isoformat(), "confirmed", 0),
        MySignup(queued.id, "Queued", (STARTS + 2 * DAY).isoformat(), "waiting", 1),
    ]


async def test_attendees_are_the_seated_then_the_waiting_each_in_sign_up_order(
    db: Database,
) -> None:
    async with repos(db) as r:
        h = await hearing(r, seats=2)
        for user_id in (5, 3, 4, 6, 7):
            await sign_up(r, h, await person(r, user_id, "uz" if user_id % 2 else "ru"))
        await cancel_signup(r, h, 5)  # 4 moves up into the seat
        await cancel_signup(r, h, 6)
        await signups.answer_reminder(r.signups, r.reminders, h, 3, True, NOW, OFFSETS)
        listed = await r.signups.attendees(h.id)
    assert listed == [
        Attendee(3, "uz", "Volunteer 3", "+998901200003", "confirmed", "coming", False),
        Attendee(4, "ru", "Volunteer 4", "+998901200004", "confirmed", None, False),
        Attendee(7, "uz", "Volunteer 7", "+998901200007", "waiting", None, False),
    ]
