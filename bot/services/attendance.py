"""Who came: check-in by scanning the hearing's QR code, or a coordinator's mark by hand.

The code carries a deep link (t.me/<bot>?start=c<token>) with a random token per hearing.
It works from an hour before the start until the end; a coordinator can replace it, and
the old one stops at once. A scan records attendance only for someone holding a seat;
others are told to see the coordinator, and their scan is kept as a walk-in attempt.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.repositories.attendance import AttendanceRepository
from bot.repositories.audit import AuditRepository
from bot.repositories.hearings import Hearing, HearingRepository
from bot.repositories.signups import SignupRepository
from bot.services import errors
from bot.services.hearings import ASSUMED_LENGTH

OPENS_BEFORE = timedelta(hours=1)
TOKEN_BYTES = 12  # 16 URL-safe characters: unguessable, and well inside a 64-byte payload
TAG_LENGTH = 6  # how much of the token a "Replace" button names, to act on that one only
PAYLOAD_PREFIX = "c"


@dataclass(frozen=True)
class CheckIn:
    """What a scan found: `attended` (recorded now), `again` (recorded before),
    `waiting` or `not_signed_up` (nothing recorded but the attempt)."""

    outcome: str
    hearing: Hearing
    at: datetime | None = None
    position: int = 0


def window(hearing: Hearing) -> tuple[datetime, datetime]:
    """When scanning works: from an hour before the start until the end."""
    ends_at = hearing.ends_at or hearing.starts_at + ASSUMED_LENGTH
    return hearing.starts_at - OPENS_BEFORE, ends_at


def payload(token: str) -> str:
    return PAYLOAD_PREFIX + token


def token_of(start_payload: str | None) -> str | None:
    """The token of a check-in deep link's payload, or None for any other payload."""
    value = start_payload or ""
    if len(value) < 2 or not value.startswith(PAYLOAD_PREFIX) or len(value) > 64:
        return None
    token = value[len(PAYLOAD_PREFIX) :]
    return token if all(c.isascii() and (c.isalnum() or c in "-_") for c in token) else None


def tag(token: str) -> str:
    return token[:TAG_LENGTH]


async def current_token(attendance: AttendanceRepository, hearing: Hearing, now: datetime) -> str:
    """The hearing's check-in token, made the first time a coordinator asks for it."""
    if hearing.is_cancelled:
        raise errors.HearingCancelledError()
    token = await attendance.token(hearing.id)
    if token is None:
        token = secrets.token_urlsafe(TOKEN_BYTES)
        await attendance.set_token(hearing.id, token, now)
    return token


async def replace_token(
    attendance: AttendanceRepository,
    audit: AuditRepository,
    hearing: Hearing,
    replacing: str,
    actor_id: int,
    now: datetime,
) -> str:
    """A new token; the old one (named by its tag) stops working at once.

    A second press of the same Replace button names a token already replaced: refused,
    so the code just printed is not replaced again by a double tap.
    """
    if hearing.is_cancelled:
        raise errors.HearingCancelledError()
    token = await attendance.token(hearing.id)
    if token is None or tag(token) != replacing:
        raise errors.CheckinCodeReplacedError()
    new = secrets.token_urlsafe(TOKEN_BYTES)
    await attendance.set_token(hearing.id, new, now)
    await audit.record(actor_id, "checkin.replace", f"hearing:{hearing.id}", now)
    return new


async def check_in(
    attendance: AttendanceRepository,
    hearings: HearingRepository,
    signups: SignupRepository,
    token: str,
    user_id: int,
    now: datetime,
) -> CheckIn:
    hearing = await hearings.by_checkin_token(token)
    if hearing is None:
        raise errors.CheckinCodeInvalidError()  # never issued, or replaced since
    if hearing.is_cancelled:
        raise errors.HearingCancelledError()
    opens, closes = window(hearing)
    if now < opens:
        raise errors.CheckinNotOpenError()
    if now > closes:
        raise errors.CheckinClosedError()
    seat = await attendance.seat(hearing.id, user_id)
    if seat is not None:
        if await attendance.mark(hearing.id, user_id, "qr", None, now):
            return CheckIn("attended", hearing, now)
        return CheckIn("again", hearing, seat.attended_at)
    signup = await signups.active(hearing.id, user_id)
    outcome = "waiting" if signup is not None else "not_signed_up"
    await attendance.record_attempt(hearing.id, user_id, outcome, now)
    return CheckIn(outcome, hearing, position=signup.position if signup else 0)


async def set_attended(
    attendance: AttendanceRepository,
    audit: AuditRepository,
    hearing: Hearing,
    user_id: int,
    attended: bool,
    actor_id: int,
    now: datetime,
) -> bool:
    """A coordinator's mark (or its removal); False when it already was so (a double
    tap, or another coordinator was quicker). Audited when it changes anything."""
    if now < window(hearing)[0]:
        raise errors.AttendanceNotYetError()
    if await attendance.seat(hearing.id, user_id) is None:
        raise errors.NotSeatedError()
    if attended:
        changed = await attendance.mark(hearing.id, user_id, "hand", actor_id, now)
    else:
        changed = await attendance.unmark(hearing.id, user_id, now)
    if changed:
        action = "attendance.mark" if attended else "attendance.unmark"
        await audit.record(actor_id, action, f"user:{user_id}", now, hearing=hearing.id)
    return changed
