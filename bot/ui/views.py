"""Texts composed from several locale messages."""

from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.dates import format_datetime, format_timedelta

from bot.i18n import Translator, cldr_locale
from bot.repositories.hearings import Hearing
from bot.repositories.signups import Attendee, Signup
from bot.services.error_notices import ErrorNotice


def profile_fields(
    tr: Translator,
    *,
    name: str | None,
    phone: str | None,
    region: str | None,
    interests: Iterable[str],
) -> dict[str, str]:
    """The placeholders of `profile-fields`, localized; a missing value shows as a dash."""
    return {
        "name": name or "—",
        "phone": phone or "—",
        "region": tr(f"region-{region}") if region else "—",
        "interests": ", ".join(tr(f"interest-{code}") for code in interests) or "—",
        "language": tr(f"language-name-{tr.language}"),
    }


def local_date(moment: datetime | None, zone: ZoneInfo) -> str:
    """Dates the way people write them here: 05.12.2026."""
    return "—" if moment is None else moment.astimezone(zone).strftime("%d.%m.%Y")


def local_datetime(tr: Translator, moment: datetime, zone: ZoneInfo, *, short: bool = False) -> str:
    """Localized month and weekday names, 24-hour time, in TIMEZONE."""
    return _local_datetime(tr.language, moment, zone, short)


# Every list and card shows the same few hearing times again and again: babel takes
# about 17 µs a time, a list of five hearings 85 (2% of the bot's CPU in the mix). Only
# the texts are kept: a few thousand short strings at most. Equal moments in other
# time zones share a text, which is right: it is converted to `zone` either way.
@lru_cache(maxsize=4096)
def _local_datetime(language: str, moment: datetime, zone: ZoneInfo, short: bool) -> str:
    patterns = _UZ_PATTERNS.get(language, _PATTERNS)
    return format_datetime(moment, patterns[short], tzinfo=zone, locale=cldr_locale(language))


# Uzbek writes "5-dekabr, 2026-yil" (Cyrillic: "5-декабр, 2026-йил"); CLDR's generic
# pattern would print "5 dekabr 2026".
_PATTERNS = {False: "EEEE, d MMMM y, HH:mm", True: "EEE d MMM, HH:mm"}
_UZ_PATTERNS = {
    "uz": {False: "EEEE, d-MMMM, y-'yil', HH:mm", True: "EEE, d-MMM, HH:mm"},
    "uz-Cyrl": {False: "EEEE, d-MMMM, y-'йил', HH:mm", True: "EEE, d-MMM, HH:mm"},
}


def local_time(moment: datetime, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).strftime("%H:%M")


def chamber_name(tr: Translator, hearing: Hearing) -> str:
    if hearing.chamber == "other" and hearing.body:
        return hearing.body
    return tr(f"chamber-{hearing.chamber}")


def hearing_when(tr: Translator, hearing: Hearing, zone: ZoneInfo) -> str:
    start = local_datetime(tr, hearing.starts_at, zone)
    if hearing.ends_at is None:
        return start
    same_day = hearing.ends_at.astimezone(zone).date() == hearing.starts_at.astimezone(zone).date()
    end = (
        local_time(hearing.ends_at, zone) if same_day else local_datetime(tr, hearing.ends_at, zone)
    )
    return f"{start} – {end}"


def hearing_list(
    tr: Translator, hearings: list[Hearing], zone: ZoneInfo, page: int, pages: int, first: int
) -> str:
    if not hearings:
        return tr("hearings-empty")
    lines = [tr("hearings-title", page=page + 1, pages=pages)]
    for number, hearing in enumerate(hearings, start=first):
        lines.append(
            tr(
                "hearings-item",
                number=number,
                title=hearing.title,
                when=local_datetime(tr, hearing.starts_at, zone, short=True),
                chamber=chamber_name(tr, hearing),
                committee=hearing.committee,
                seats=hearing.seats_left,
            )
        )
    return "\n\n".join(lines)


def hearing_card(
    tr: Translator,
    hearing: Hearing,
    zone: ZoneInfo,
    *,
    signup: Signup | None,
    link: str,
    now: datetime,
) -> str:
    parts = [
        tr(
            "hearing-card",
            title=hearing.title,
            when=hearing_when(tr, hearing, zone),
            chamber=chamber_name(tr, hearing),
            committee=hearing.committee,
            address=hearing.address,
            seats=hearing.seats,
            left=hearing.seats_left,
            waiting=hearing.waiting,
            link=link,
        )
    ]
    if hearing.description:
        parts.append(html.escape(hearing.description, quote=False))
    parts.append(my_status(tr, hearing, signup, now))
    return "\n\n".join(parts)


def my_status(tr: Translator, hearing: Hearing, signup: Signup | None, now: datetime) -> str:
    if hearing.is_cancelled:
        return tr("hearing-status-cancelled", reason=hearing.cancel_reason or "—")
    if hearing.has_started(now):
        return tr("hearing-status-started")
    if signup is None:
        return tr("hearing-status-none")
    if signup.status == "confirmed":
        return tr("hearing-status-confirmed")
    return tr("hearing-status-waiting", position=signup.position)


def reminder_text(tr: Translator, hearing: Hearing, zone: ZoneInfo, offset: timedelta) -> str:
    return tr(
        "reminder",
        title=hearing.title,
        left=format_timedelta(offset, locale=cldr_locale(tr.language), threshold=2),
        when=hearing_when(tr, hearing, zone),
        address=hearing.address,
    )


TELEGRAM_TEXT_LIMIT = 4096


def people_list(tr: Translator, hearing: Hearing, people: list[Attendee]) -> list[str]:
    """Who is coming and who waits, with phone numbers (coordinators only), in chunks
    that each fit one Telegram message."""
    lines = [
        tr(
            "people-title",
            title=hearing.title,
            confirmed=hearing.confirmed,
            seats=hearing.seats,
            waiting=hearing.waiting,
        )
    ]
    confirmed = [p for p in people if p.status == "confirmed"]
    waiting = [p for p in people if p.status == "waiting"]
    for header, group in (("people-confirmed", confirmed), ("people-waiting", waiting)):
        if not group:
            continue
        lines.append("")
        lines.append(tr(header))
        for number, person in enumerate(group, start=1):
            mark = {"coming": " ✅", "not_coming": " ✖️"}.get(person.attendance or "", "")
            mark += " 🟢" if person.attended else ""
            lines.append(
                tr(
                    "people-line",
                    number=number,
                    name=person.full_name or tr("people-anonymous"),
                    phone=person.phone or "—",
                )
                + mark
            )
    if not people:
        lines.append(tr("people-none"))
    chunks: list[str] = []
    current = ""
    for line in lines:
        if len(current) + len(line) + 1 > TELEGRAM_TEXT_LIMIT - 96:
            chunks.append(current)
            current = ""
        current = f"{current}\n{line}" if current else line
    chunks.append(current)
    return chunks


def error_notice(tr: Translator, notice: ErrorNotice) -> str:
    return tr(
        "admin-error-notice",
        update=str(notice.update_id),  # an id, not a number to group in thousands
        error=notice.error,
        where=notice.where,
        repeats=notice.repeats,
    )
