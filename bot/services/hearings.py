"""Hearings: what coordinators enter, and what a change means for the people signed up."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.repositories.hearings import Hearing, HearingDraft, HearingRepository
from bot.repositories.reminders import ReminderRepository
from bot.repositories.signups import Attendee, SignupRepository
from bot.services import errors
from bot.services.signups import Recipient, promote_waiting

CHAMBERS: tuple[str, ...] = ("legislative", "senate", "other")
# Limits keep a hearing card within one Telegram message (4,096 characters).
TEXT_LIMITS = {
    "title": (3, 200),
    "body": (2, 200),
    "committee": (2, 200),
    "address": (3, 300),
    "description": (0, 2000),
    "reason": (3, 500),
}
MAX_SEATS = 10_000
# How long a hearing without an end time is taken to last (calendar files, nudges,
# urgent alerts).
ASSUMED_LENGTH = timedelta(hours=3)
# Hearings and broadcasts are planned weeks ahead, not decades: a year like 9999 is a
# typo, and past the calendar's end besides (the end time would overflow).
MAX_YEARS_AHEAD = 2
MAX_AHEAD = timedelta(days=365 * MAX_YEARS_AHEAD)

_DATE_FORMATS = (
    r"(?P<d>\d{1,2})[./-](?P<m>\d{1,2})[./-](?P<y>\d{4}|\d{2})",  # 05.12.2026, 5/12/26
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})",  # 2026-12-05
)
_TIME = r"(?P<H>\d{1,2})[:.](?P<M>\d{2})"


def clean_text(field: str, text: str | None) -> str:
    """Trim a typed text and check its length for the field."""
    if text is None:
        raise errors.NotTextError()
    value = text.strip()
    low, high = TEXT_LIMITS[field]
    if not low <= len(value) <= high:
        raise errors.TextLengthError(min=low, max=high, length=len(value))
    return value


def parse_seats(text: str | None) -> int:
    value = (text or "").strip()
    # ASCII digits only: str.isdigit() also accepts "²", which int() cannot read.
    if not re.fullmatch(r"[0-9]{1,5}", value) or not 1 <= int(value) <= MAX_SEATS:
        raise errors.SeatsInvalidError(max=MAX_SEATS)
    return int(value)


def parse_local_datetime(text: str | None, zone: ZoneInfo, now: datetime) -> datetime:
    """Read a date and time as people type them, in TIMEZONE; refuse the past, and a
    moment more than MAX_YEARS_AHEAD years ahead."""
    moment = _read_datetime(text, zone)
    if moment <= now:
        raise errors.DateInPastError()
    if moment > now + MAX_AHEAD:
        raise errors.DateTooFarError(years=MAX_YEARS_AHEAD)
    return moment


def parse_end_time(text: str | None, starts_at: datetime, zone: ZoneInfo) -> datetime:
    """An end time: "12:30" on the start day, or a full date and time."""
    value = (text or "").strip()
    only_time = re.fullmatch(_TIME, value)
    if only_time:
        day = starts_at.astimezone(zone).date()
        moment = _combine(day, int(only_time["H"]), int(only_time["M"]), zone)
    else:
        moment = _read_datetime(value, zone)
    if moment <= starts_at:
        raise errors.EndBeforeStartError()
    if moment > starts_at + MAX_AHEAD:
        raise errors.DateTooFarError(years=MAX_YEARS_AHEAD)
    return moment


def _read_datetime(text: str | None, zone: ZoneInfo) -> datetime:
    value = " ".join((text or "").replace(",", " ").replace("T", " ").split())
    for date_format in _DATE_FORMATS:
        match = re.fullmatch(rf"{date_format} {_TIME}", value)
        if match:
            year = int(match["y"]) + (2000 if len(match["y"]) == 2 else 0)
            try:
                day = date(year, int(match["m"]), int(match["d"]))
            except ValueError as error:
                raise errors.DateUnreadableError() from error
            return _combine(day, int(match["H"]), int(match["M"]), zone)
    raise errors.DateUnreadableError()


def _combine(day: date, hour: int, minute: int, zone: ZoneInfo) -> datetime:
    if hour > 23 or minute > 59:
        raise errors.DateUnreadableError()
    return datetime.combine(day, time(hour, minute), tzinfo=zone)


def check_chamber(code: str) -> str:
    if code not in CHAMBERS:
        raise errors.ChamberInvalidError()
    return code


def check_draft(draft: HearingDraft, now: datetime) -> HearingDraft:
    """Re-check a whole draft before it is stored (it may have sat in a form for days)."""
    if draft.starts_at <= now:
        raise errors.DateInPastError()
    if draft.ends_at is not None and draft.ends_at <= draft.starts_at:
        raise errors.EndBeforeStartError()
    if draft.chamber == "other" and not draft.body:
        raise errors.NotTextError()
    return draft


async def get_hearing(hearings: HearingRepository, hearing_id: int) -> Hearing:
    hearing = await hearings.get(hearing_id)
    if hearing is None:
        raise errors.HearingNotFoundError()
    return hearing


async def get_open_hearing(hearings: HearingRepository, hearing_id: int, now: datetime) -> Hearing:
    """A hearing people can still act on: published and not yet begun."""
    hearing = await get_hearing(hearings, hearing_id)
    if hearing.is_cancelled:
        raise errors.HearingCancelledError()
    if hearing.has_started(now):
        raise errors.HearingStartedError()
    return hearing


async def publish(
    hearings: HearingRepository, draft: HearingDraft, coordinator_id: int, now: datetime
) -> int:
    """Store a new hearing; return its id."""
    return await hearings.add(check_draft(draft, now), coordinator_id, now)


@dataclass(frozen=True, slots=True)
class EditOutcome:
    hearing: Hearing
    moved: bool  # time or place changed: everyone on the list is told
    notify: list[Attendee]
    promoted: list[Recipient]


async def edit(
    hearings: HearingRepository,
    signups: SignupRepository,
    reminders: ReminderRepository,
    hearing_id: int,
    draft: HearingDraft,
    now: datetime,
    offsets: tuple[timedelta, ...],
) -> EditOutcome:
    """Apply a coordinator's change; reschedule reminders and fill any new seats."""
    before = await get_open_hearing(hearings, hearing_id, now)
    await hearings.update(hearing_id, check_draft(draft, now), now)
    if draft.starts_at != before.starts_at:
        # Reminders belong to a start time: the old ones are void, and everyone with a
        # seat gets each reminder still ahead of the new time (one already sent for the
        # old time may come again, for the new one).
        await reminders.cancel_for_hearing(hearing_id)
        for person in await signups.attendees(hearing_id):
            if person.status == "confirmed":
                await reminders.plan(hearing_id, person.user_id, draft.starts_at, offsets, now)
    after = await get_hearing(hearings, hearing_id)
    promoted = await promote_waiting(signups, reminders, after, now, offsets)
    place = ("starts_at", "ends_at", "address", "latitude", "longitude")
    moved = any(getattr(before, name) != getattr(after, name) for name in place)
    notify = await signups.attendees(hearing_id) if moved else []
    return EditOutcome(await get_hearing(hearings, hearing_id), moved, notify, promoted)


async def cancel(
    hearings: HearingRepository,
    signups: SignupRepository,
    reminders: ReminderRepository,
    hearing_id: int,
    reason: str,
    now: datetime,
) -> list[Attendee]:
    """Cancel a hearing with a reason; return everyone who must be told."""
    await get_open_hearing(hearings, hearing_id, now)
    await hearings.cancel(hearing_id, clean_text("reason", reason), now)
    await reminders.cancel_for_hearing(hearing_id)
    return await signups.attendees(hearing_id)


def draft_from_form(form: Mapping[str, Any]) -> HearingDraft:
    """A draft from the JSON a form keeps in the FSM; IncompleteDraftError if it lacks a part."""
    try:
        return HearingDraft(
            title=str(form["title"]),
            chamber=check_chamber(str(form["chamber"])),
            body=form.get("body"),
            committee=str(form["committee"]),
            starts_at=datetime.fromisoformat(form["starts_at"]),
            ends_at=datetime.fromisoformat(form["ends_at"]) if form.get("ends_at") else None,
            address=str(form["address"]),
            latitude=form.get("latitude"),
            longitude=form.get("longitude"),
            seats=int(form["seats"]),
            description=str(form.get("description") or ""),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise errors.IncompleteDraftError() from error


def form_from_draft(draft: HearingDraft) -> dict[str, Any]:
    return {
        "title": draft.title,
        "chamber": draft.chamber,
        "body": draft.body,
        "committee": draft.committee,
        "starts_at": draft.starts_at.isoformat(),
        "ends_at": draft.ends_at.isoformat() if draft.ends_at else None,
        "address": draft.address,
        "latitude": draft.latitude,
        "longitude": draft.longitude,
        "seats": draft.seats,
        "description": draft.description,
    }
