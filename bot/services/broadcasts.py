"""Broadcast rules: what may be broadcast, to whom, when; creating, releasing, cancelling."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.repositories.audit import AuditRepository
from bot.repositories.broadcasts import Audience, Broadcast, BroadcastRepository
from bot.services import errors
from bot.services.commands import looks_like_command
from bot.services.hearings import parse_local_datetime

# What copyMessage reproduces faithfully for every recipient. Polls, contacts, locations,
# stickers and dice are refused: they are not announcements.
COPYABLE = frozenset(
    {"text", "photo", "video", "animation", "document", "audio", "voice", "video_note"}
)
MAX_SCHEDULE_AHEAD = timedelta(days=365)


def check_content(content_type: str, text: str | None) -> None:
    """Refuse what cannot be broadcast as one copied message.

    Albums are refused by the handler: copyMessage copies one message, and an album
    would arrive as separate ones.
    """
    if content_type not in COPYABLE:
        raise errors.BroadcastContentError()
    if content_type == "text" and looks_like_command(text):
        raise errors.BroadcastCommandError()


def parse_schedule(text: str | None, zone: ZoneInfo, now: datetime) -> datetime:
    """A local date and time in the future, within a year."""
    try:
        moment = parse_local_datetime(text, zone, now)
    except errors.DateTooFarError as error:  # its own, nearer limit says it better
        raise errors.ScheduleTooFarError() from error
    if moment - now > MAX_SCHEDULE_AHEAD:
        raise errors.ScheduleTooFarError()
    return moment


def schedule_example(now: datetime, zone: ZoneInfo) -> str:
    """Tomorrow at 10:00, written the way the time question expects it."""
    return (now.astimezone(zone) + timedelta(days=1)).strftime("%d.%m.%Y 10:00")


async def create(
    broadcasts: BroadcastRepository,
    audit: AuditRepository,
    *,
    author_id: int,
    from_chat_id: int,
    message_id: int,
    audience: Audience,
    admin_ids: Collection[int],
    scheduled_for: datetime | None,
    now: datetime,
) -> tuple[int, int]:
    """Create a broadcast; return its id and recipient count.

    Sent now, the outbox is written in this same transaction. Scheduled, the audience is
    resolved when its time comes, so it reaches who qualifies then: people who registered
    meanwhile, and not those who blocked the bot or used /forget.
    """
    recipients = await broadcasts.count_audience(audience, admin_ids)
    if recipients == 0:
        raise errors.NoRecipientsError()
    broadcast_id = await broadcasts.create(
        author_id=author_id,
        from_chat_id=from_chat_id,
        message_id=message_id,
        audience=audience,
        scheduled_for=scheduled_for,
        now=now,
    )
    if scheduled_for is None:
        recipients = await broadcasts.enqueue(broadcast_id, admin_ids, now)
    await audit.record(
        author_id,
        "broadcast.schedule" if scheduled_for else "broadcast.send",
        f"broadcast:{broadcast_id}",
        now,
        audience=audience.to_json(),
        recipients=recipients,
        scheduled_for=scheduled_for,
    )
    return broadcast_id, recipients


async def release(
    broadcasts: BroadcastRepository, broadcast_id: int, admin_ids: Collection[int], now: datetime
) -> int | None:
    """A scheduled broadcast's time has come: write its outbox. None if it is not due."""
    broadcast = await broadcasts.get(broadcast_id)
    if broadcast is None or broadcast.status != "scheduled":
        return None
    recipients = await broadcasts.enqueue(broadcast_id, admin_ids, now)
    if recipients == 0:
        await broadcasts.finish(broadcast_id, "done", now)
    return recipients


async def cancel(
    broadcasts: BroadcastRepository,
    audit: AuditRepository,
    actor_id: int,
    broadcast_id: int,
    now: datetime,
) -> None:
    """Stop a scheduled, queued or sending broadcast; deliveries not yet made stay unsent."""
    await get(broadcasts, broadcast_id)  # unknown (a forged button) is refused as such
    if not await broadcasts.finish(broadcast_id, "cancelled", now):
        raise errors.BroadcastEndedError()
    counts = await broadcasts.counts(broadcast_id)
    await audit.record(
        actor_id,
        "broadcast.cancel",
        f"broadcast:{broadcast_id}",
        now,
        sent=counts["sent"],
        not_sent=counts["pending"],
    )


async def get(broadcasts: BroadcastRepository, broadcast_id: int) -> Broadcast:
    broadcast = await broadcasts.get(broadcast_id)
    if broadcast is None:
        raise errors.BroadcastNotFoundError()
    return broadcast
