"""The audience filter and the outbox, on a real migrated SQLite file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.db import Database
from bot.repositories.broadcasts import Audience, BroadcastRepository
from bot.repositories.users import NewRegistration, UserRepository

NOW = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)
ADMINS = frozenset({900})
# id: (language, region, interests)
PEOPLE = {
    900: ("en", "TK", ()),
    1: ("uz", "TK", ("ngo",)),
    2: ("ru", "TK", ("hearings",)),
    3: ("en", "SA", ("ngo", "reforms")),
    4: ("ru", "SA", ()),
    5: ("uz", "AN", ("events",)),
}


@pytest.fixture
async def seeded(db: Database) -> Database:
    async with db.unit_of_work() as uow:
        users = UserRepository(uow)
        for user_id, (language, region, interests) in [*PEOPLE.items(), (6, ("uz", "TK", ()))]:
            await users.save_language(user_id, language, NOW)
            reg = NewRegistration(
                f"Person {user_id}", f"person {user_id}", "+998901234567", region,
                interests, "v1", NOW,
            )  # fmt: skip
            await users.register(user_id, reg, NOW)
        await users.erase_personal_data(6, NOW)  # /forget
        await users.save_language(7, "uz", NOW)  # started, never registered
        stamp = NOW.isoformat()
        await uow.execute(
            "INSERT INTO hearings (id, title, chamber, committee, starts_at, address, seats,"
            " created_at, updated_at) VALUES (1, 'H', 'senate', 'C', ?, 'A', 5, ?, ?)",
            ((NOW - timedelta(hours=3)).isoformat(), stamp, stamp),
        )
        for user_id, status in ((1, "confirmed"), (2, "confirmed"), (3, "confirmed"),
                                (4, "waiting"), (5, "cancelled")):  # fmt: skip
            await uow.execute(
                "INSERT INTO signups (hearing_id, user_id, status, created_at, updated_at)"
                " VALUES (1, ?, ?, ?, ?)",
                (user_id, status, stamp, stamp),
            )
        for user_id, status in ((1, "submitted"), (2, "returned"), (3, "draft")):
            await uow.execute(
                "INSERT INTO reports (hearing_id, user_id, status, form_version, step,"
                " created_at, updated_at) VALUES (1, ?, ?, 1, 'review', ?, ?)",
                (user_id, status, stamp, stamp),
            )
        await uow.execute(
            "INSERT INTO coordinators (user_id, added_by, added_at) VALUES (5, 900, ?)", (stamp,)
        )
    return db


async def audience_ids(db: Database, audience: Audience) -> set[int]:
    async with db.unit_of_work() as uow:
        repo = BroadcastRepository(uow)
        count = await repo.count_audience(audience, ADMINS)
        broadcast_id = await repo.create(
            author_id=900, from_chat_id=900, message_id=1, audience=audience,
            scheduled_for=None, now=NOW,
        )  # fmt: skip
        assert await repo.enqueue(broadcast_id, ADMINS, NOW) == count
        ids = set(await repo.pending(broadcast_id, 0, 100))
        await uow.rollback()
    return ids


@pytest.mark.parametrize(
    ("audience", "expected"),
    [
        (Audience(), {900, 1, 2, 3, 4, 5}),
        (Audience(regions=("TK", "SA")), {900, 1, 2, 3, 4}),
        (Audience(languages=("ru",)), {2, 4}),
        (Audience(interests=("ngo", "events")), {1, 3, 5}),
        (Audience(hearing_id=1, hearing_part="confirmed"), {1, 2, 3}),
        (Audience(hearing_id=1, hearing_part="waiting"), {4}),
        (Audience(hearing_id=1, hearing_part="both"), {1, 2, 3, 4}),
        # A returned report and a draft are not filed.
        (Audience(hearing_id=1, hearing_part="unreported"), {2, 3}),
        (Audience(coordinators_only=True), {900, 5}),
        (Audience(regions=("TK",), languages=("uz", "en")), {900, 1}),
        (Audience(regions=("AN",), languages=("ru",)), set()),
    ],
)
async def test_each_audience_selects_its_people(
    seeded: Database, audience: Audience, expected: set[int]
) -> None:
    assert await audience_ids(seeded, audience) == expected


async def test_unreachable_people_are_left_out_until_they_write(seeded: Database) -> None:
    async with seeded.unit_of_work() as uow:
        await UserRepository(uow).mark_unreachable(2, NOW)
    assert 2 not in await audience_ids(seeded, Audience())
    async with seeded.unit_of_work() as uow:
        await UserRepository(uow).clear_unreachable(2)
    assert 2 in await audience_ids(seeded, Audience())


async def test_an_outcome_is_written_once_and_counted(seeded: Database) -> None:
    async with seeded.unit_of_work() as uow:
        repo = BroadcastRepository(uow)
        broadcast_id = await repo.create(
            author_id=900, from_chat_id=900, message_id=1, audience=Audience(),
            scheduled_for=None, now=NOW,
        )  # fmt: skip
        await repo.enqueue(broadcast_id, ADMINS, NOW)
        await repo.record(broadcast_id, 1, "sent", NOW, message_id=55)
        await repo.record(broadcast_id, 1, "failed", NOW, reason="late")  # already has one
        await repo.record(broadcast_id, 2, "unreachable", NOW, reason="Forbidden")
        counts = await repo.counts(broadcast_id)
        assert (counts["sent"], counts["unreachable"], counts["pending"]) == (1, 1, 4)
        assert counts.done == 2 and counts.total == 6
        assert await repo.pending(broadcast_id, 2, 100) == [3, 4, 5, 900]
        problems = await repo.problems(broadcast_id)
        assert [(p.user_id, p.status) for p in problems][:2] == [(3, "pending"), (4, "pending")]
        assert ("unreachable", "Forbidden") in [(p.status, p.reason) for p in problems]


async def test_the_queue_sends_one_at_a_time_in_order(seeded: Database) -> None:
    async with seeded.unit_of_work() as uow:
        repo = BroadcastRepository(uow)
        ids = []
        for minute in range(3):
            broadcast_id = await repo.create(
                author_id=900, from_chat_id=900, message_id=minute, audience=Audience(),
                scheduled_for=None, now=NOW,
            )  # fmt: skip
            await repo.enqueue(broadcast_id, ADMINS, NOW + timedelta(minutes=minute))
            ids.append(broadcast_id)
        first = await repo.next_to_send()
        assert first is not None and first.id == ids[0]
        await repo.start(ids[0], NOW)
        assert [await repo.queued_ahead(i) for i in ids[1:]] == [1, 2]
        assert await repo.finish(ids[0], "cancelled", NOW)
        assert not await repo.finish(ids[0], "done", NOW)  # a cancel is final
        nxt = await repo.next_to_send()
        assert nxt is not None and nxt.id == ids[1]


async def test_admins_get_coordinator_broadcasts_even_unregistered(seeded: Database) -> None:
    async with seeded.unit_of_work() as uow:
        repo = BroadcastRepository(uow)
        admins = ADMINS | {7}  # 7 started the bot but never registered
        assert await repo.count_audience(Audience(coordinators_only=True), admins) == 3
        assert await repo.count_audience(Audience(), admins) == 6  # not a volunteer
