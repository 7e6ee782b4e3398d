"""Seats and the waiting list: who is in, who waits, who moves up."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.repositories.hearings import Hearing, HearingRepository
from bot.repositories.reminders import ReminderRepository
from bot.repositories.signups import SignupRepository
from bot.repositories.users import User, UserRepository
from bot.services import errors


@dataclass(frozen=True, slots=True)
class Recipient:
    user_id: int
    language: str


@dataclass(frozen=True, slots=True)
class SignupResult:
    status: str  # confirmed | waiting
    position: int  # on the waiting list; 0 when confirmed
    already: bool  # the person was signed up before this tap


def require_registered(user: User | None) -> User:
    if user is None or not user.is_registered:
        raise errors.NotRegisteredError()
    return user


async def sign_up(
    hearings: HearingRepository,
    signups: SignupRepository,
    reminders: ReminderRepository,
    hearing: Hearing,
    user: User,
    now: datetime,
    offsets: tuple[timedelta, ...],
) -> SignupResult:
    """Take a seat if one is free, else a place on the waiting list. Idempotent."""
    existing = await signups.active(hearing.id, user.id)
    if existing is not None:
        return SignupResult(existing.status, existing.position, already=True)
    # The unit of work holds SQLite's write lock from its first statement, so this
    # count and the insert below cannot interleave with another person's tap.
    if await signups.count_confirmed(hearing.id) < hearing.seats:
        await signups.add(hearing.id, user.id, "confirmed", now)
        await reminders.plan(hearing.id, user.id, hearing.starts_at, offsets, now)
        return SignupResult("confirmed", 0, already=False)
    await signups.add(hearing.id, user.id, "waiting", now)
    mine = await signups.active(hearing.id, user.id)
    return SignupResult("waiting", mine.position if mine else 0, already=False)


async def cancel_signup(
    signups: SignupRepository,
    reminders: ReminderRepository,
    hearing: Hearing,
    user_id: int,
    now: datetime,
    offsets: tuple[timedelta, ...],
) -> list[Recipient]:
    """Give up a seat or a place in the queue; return the people promoted into the seat."""
    existing = await signups.active(hearing.id, user_id)
    if existing is None:
        raise errors.NotSignedUpError()
    await signups.set_status(existing.id, "cancelled", now)
    await reminders.cancel_for_user(hearing.id, user_id)
    if existing.status != "confirmed":
        return []
    return await promote_waiting(signups, reminders, hearing, now, offsets)


async def promote_waiting(
    signups: SignupRepository,
    reminders: ReminderRepository,
    hearing: Hearing,
    now: datetime,
    offsets: tuple[timedelta, ...],
) -> list[Recipient]:
    """Fill free seats from the head of the waiting list, in sign-up order."""
    free = hearing.seats - await signups.count_confirmed(hearing.id)
    if free <= 0:
        return []
    promoted: list[Recipient] = []
    for signup_id, user_id, language in await signups.first_waiting(hearing.id, free):
        await signups.set_status(signup_id, "confirmed", now)
        await reminders.plan(hearing.id, user_id, hearing.starts_at, offsets, now)
        promoted.append(Recipient(user_id, language))
    return promoted


async def answer_reminder(
    signups: SignupRepository,
    reminders: ReminderRepository,
    hearing: Hearing,
    user_id: int,
    coming: bool,
    now: datetime,
    offsets: tuple[timedelta, ...],
) -> list[Recipient]:
    """Record "I'm coming"; "I can't come" frees the seat exactly as a cancellation does."""
    existing = await signups.active(hearing.id, user_id)
    if existing is None or existing.status != "confirmed":
        raise errors.NotSignedUpError()
    if not coming:
        return await cancel_signup(signups, reminders, hearing, user_id, now, offsets)
    if existing.attendance == "coming":
        raise errors.AlreadyAnsweredError()  # a double tap, or the same answer again
    await signups.set_attendance(existing.id, "coming", now)
    return []


async def languages_of(users: UserRepository, user_ids: list[int]) -> list[Recipient]:
    found = [await users.get(user_id) for user_id in user_ids]
    return [Recipient(user.id, user.language) for user in found if user is not None]


async def release_all(
    hearings: HearingRepository,
    signups: SignupRepository,
    reminders: ReminderRepository,
    user_id: int,
    now: datetime,
    offsets: tuple[timedelta, ...],
) -> list[tuple[Hearing, list[Recipient]]]:
    """Give up every upcoming seat and queue place (for /forget); return who moved up."""
    released: list[tuple[Hearing, list[Recipient]]] = []
    for item in await signups.upcoming_for_user(user_id, now):
        hearing = await hearings.get(item.hearing_id)
        if hearing is None:
            continue
        promoted = await cancel_signup(signups, reminders, hearing, user_id, now, offsets)
        released.append((hearing, promoted))
    return released
