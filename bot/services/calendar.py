"""An iCalendar file for a hearing, which phones open in their calendar app."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event

from bot.repositories.hearings import Hearing
from bot.services.hearings import ASSUMED_LENGTH

ALARM_BEFORE = timedelta(hours=1)


def hearing_ics(
    hearing: Hearing,
    zone: ZoneInfo,
    *,
    body: str,
    description: str,
    link: str,
    now: datetime,
    domain: str,
) -> bytes:
    """One VEVENT in TIMEZONE (with its VTIMEZONE) and a display alarm."""
    calendar = Calendar()
    calendar.add("prodid", f"-//{domain}//hearings//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"hearing-{hearing.id}@{domain}")
    event.add("dtstamp", now)
    event.add("dtstart", hearing.starts_at.astimezone(zone))
    event.add("dtend", (hearing.ends_at or hearing.starts_at + ASSUMED_LENGTH).astimezone(zone))
    event.add("summary", hearing.title)
    event.add("location", hearing.address)
    event.add("description", "\n\n".join(p for p in (body, description, link) if p))
    event.add("url", link)
    if hearing.latitude is not None and hearing.longitude is not None:
        event.add("geo", (hearing.latitude, hearing.longitude))
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", hearing.title)
    alarm.add("trigger", -ALARM_BEFORE)
    event.add_component(alarm)
    calendar.add_component(event)
    # Only the zone's rules around the hearing, not its whole history since 1970.
    first = (hearing.starts_at - timedelta(days=366)).date()
    calendar.add_missing_timezones(first_date=first, last_date=first + timedelta(days=3 * 366))
    return bytes(calendar.to_ical())
