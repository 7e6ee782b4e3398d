"""Coordinators broadcast: audiences, preview, delivery under Telegram's answers, restarts."""

from __future__ import annotations

import asyncio
import csv
import io
import signal
import time
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from bot.i18n import Locales
from bot.jobs.broadcasts import IN_FLIGHT
from bot.repositories.columns import utc_text
from standin import BotAPIStandin, BotMessage
from tests.conftest import ADMIN_ID, BotProcess, plain
from tests.e2e.conftest import Person, person, seat, seed_hearing, seed_volunteer

BOLD = [{"type": "bold", "offset": 9, "length": 8}]
ANNOUNCEMENT = "Meeting: tomorrow 10:00 at the Oliy Majlis."


async def until(condition: Callable[[], object], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.05)


def delivered(standin: BotAPIStandin, *, besides: int = ADMIN_ID) -> Counter[int]:
    """How many copies each recipient got (the coordinator's preview left out)."""
    return Counter(
        int(call.params["chat_id"])
        for call in standin.calls_to("copyMessage")
        if call.ok and int(call.params["chat_id"]) != besides
    )


def status_of(process: BotProcess, broadcast_id: int) -> str:
    return str(process.query("SELECT status FROM broadcasts WHERE id = ?", (broadcast_id,))[0][0])


def last_broadcast(process: BotProcess) -> int:
    return int(process.query("SELECT max(id) FROM broadcasts")[0][0])


async def finished(process: BotProcess, broadcast_id: int, timeout: float = 30.0) -> None:
    await until(lambda: status_of(process, broadcast_id) in {"done", "cancelled", "failed"}, timeout)


async def until_finished(
    coordinator: Person, process: BotProcess, broadcast_id: int
) -> tuple[BotMessage, BotMessage]:
    """Read the coordinator's chat up to the "finished" note; return it and the status
    message as it ended (on the way: the status message, its edits, their own copy)."""
    finished_note = plain(coordinator.tr("bc-finished", id=broadcast_id, sent=0, total=0))
    prefix = finished_note.split(":")[0]
    while True:
        event = await coordinator.user.next_message(timeout=30)
        if not event.edited and (event.text or "").startswith(prefix):
            break
    return event, status_message(coordinator, process, broadcast_id)


def status_message(coordinator: Person, process: BotProcess, broadcast_id: int) -> BotMessage:
    row = process.query("SELECT progress_message_id FROM broadcasts WHERE id = ?", (broadcast_id,))
    return next(m for m in coordinator.user.history if m.message_id == row[0][0])


async def compose(coordinator: Person, text: str = ANNOUNCEMENT) -> BotMessage:
    """/broadcast and the message: the audience screen comes back."""
    await coordinator.says("/broadcast", "bc-ask-message")
    coordinator.user.send_text(text, entities=BOLD)
    screen = await coordinator.message()
    assert (screen.text or "").startswith(plain(coordinator.tr("bc-audience-title")))
    return screen


async def tap(coordinator: Person, button: str) -> BotMessage:
    """Press a button on the audience screen; the screen is edited in place."""
    answer = await coordinator.user.press(button).answer()
    assert not answer.get("show_alert"), answer
    edited = await coordinator.user.next_message()
    assert edited.edited, edited
    return edited


def shows_count(coordinator: Person, screen: BotMessage, count: int) -> bool:
    return plain(coordinator.tr("bc-recipients", count=count)) in (screen.text or "")


async def preview_and_send(coordinator: Person, count: int) -> int:
    """Preview (the copy comes first, then the card), send now; return the broadcast id."""
    tr = coordinator.tr
    answer = await coordinator.user.press(tr("bc-preview-button")).answer()
    assert not answer.get("show_alert"), answer
    copy = await coordinator.message()
    assert copy.method == "copyMessage"
    assert copy.text == ANNOUNCEMENT and copy.entities == BOLD
    card = await coordinator.message()
    assert plain(tr("bc-recipients", count=count)) in (card.text or "")
    assert card.buttons == [
        tr("bc-send-now"), tr("bc-schedule"), tr("bc-change-audience"), tr("bc-discard")
    ]  # fmt: skip
    answer = await coordinator.user.press(tr("bc-send-now")).answer()
    assert not answer.get("show_alert"), answer
    created = await coordinator.user.next_message()
    assert created.edited
    assert created.text and created.text.startswith(plain(tr("bc-created", id=0, count=count))[:6])
    return int(created.text.split("No. ")[1].split(" ")[0])


@pytest.fixture
def bot_env() -> dict[str, str]:
    return {"ADMIN_IDS": str(ADMIN_ID), "BROADCAST_RATE": "30"}


async def test_each_audience_gets_exactly_its_people(
    standin: BotAPIStandin, bot_process: BotProcess, all_locales: Locales
) -> None:
    seed_volunteer(bot_process, ADMIN_ID, "en", name="Admin Aliyev")
    coordinator = person(standin, all_locales, ADMIN_ID, "en")
    tr = coordinator.tr
    people = {
        101: ("uz", "TK", ("ngo",)),
        102: ("ru", "TK", ("hearings",)),
        103: ("en", "SA", ("ngo", "reforms")),
        104: ("ru", "SA", ()),
        105: ("uz", "AN", ("events",)),
        106: ("uz", "TK", ()),  # a coordinator
    }
    for user_id, (language, region, interests) in people.items():
        seed_volunteer(bot_process, user_id, language, region=region, interests=interests)
        standin.user(user_id, first_name=f"V{user_id}")
    # Never included: someone who used /forget, and someone who blocked the bot.
    seed_volunteer(bot_process, 107, "uz")
    bot_process.write(
        "UPDATE users SET registered_at = NULL, full_name = NULL, forgotten_at = ? WHERE id = 107",
        (utc_text(datetime.now(UTC)),),
    )
    seed_volunteer(bot_process, 108, "uz")
    bot_process.write(
        "UPDATE users SET unreachable_at = ? WHERE id = 108", (utc_text(datetime.now(UTC)),)
    )
    now = utc_text(datetime.now(UTC))
    bot_process.write(
        "INSERT INTO coordinators (user_id, added_by, added_at) VALUES (106, ?, ?)",
        (ADMIN_ID, now),
    )
    hearing = seed_hearing(bot_process, starts_in=timedelta(hours=-2))
    for user_id in (101, 102, 103):
        seat(bot_process, hearing, user_id)
    bot_process.write(
        "INSERT INTO signups (hearing_id, user_id, status, created_at, updated_at)"
        " VALUES (?, 104, 'waiting', ?, ?)",
        (hearing, now, now),
    )
    bot_process.write(
        "INSERT INTO reports (hearing_id, user_id, status, form_version, step, submitted_at,"
        " created_at, updated_at) VALUES (?, 101, 'submitted', 1, 'review', ?, ?, ?)",
        (hearing, now, now, now),
    )
    everyone = {ADMIN_ID, *people}

    async def broadcast(expected: set[int], choose: Callable[[], object]) -> None:
        standin.calls.clear()
        screen = await compose(coordinator)
        assert shows_count(coordinator, screen, len(everyone))
        await choose()  # type: ignore[misc]
        broadcast_id = await preview_and_send(coordinator, len(expected))
        note, status = await until_finished(coordinator, bot_process, broadcast_id)
        assert note.text == plain(
            tr("bc-finished", id=broadcast_id, sent=len(expected), total=len(expected))
        )
        assert status.text == plain(
            tr("bc-summary-done", id=broadcast_id, sent=len(expected), total=len(expected),
               unreachable=0, failed=0, uncertain=0, not_sent=0)
        )  # fmt: skip
        assert status.buttons == []  # no failures file: everyone got it
        assert status_of(bot_process, broadcast_id) == "done"
        assert set(delivered(standin, besides=-1)) - {ADMIN_ID} == expected - {ADMIN_ID}
        assert all(n == 1 for n in delivered(standin).values())

    # Everyone registered and reachable.
    async def nothing() -> None:
        return None

    await broadcast(everyone, nothing)

    # Two regions.
    async def regions() -> None:
        await tap(coordinator, tr("bc-choose-region", count=0))
        await tap(coordinator, "▫️ " + tr("region-TK"))
        screen = await tap(coordinator, "▫️ " + tr("region-SA"))
        assert shows_count(coordinator, screen, 6)  # the admin lives in TK too
        await tap(coordinator, tr("bc-done"))

    await broadcast({ADMIN_ID, 101, 102, 103, 104, 106}, regions)


async def test_volunteers_cannot_broadcast(
    standin: BotAPIStandin, bot_process: BotProcess, all_locales: Locales
) -> None:
    seed_volunteer(bot_process, 7001, "ru")
    volunteer = person(standin, all_locales, 7001, "ru")
    await volunteer.says("/broadcast", "coordinators-only")
    for data in ("bc:stop::1", "bc:send::0", "bc:failures::1", "bc:everyone::0"):
        assert await volunteer.refused(data=data) == volunteer.tr("coordinators-only")
    assert bot_process.query("SELECT count(*) FROM broadcasts")[0][0] == 0


__all__ = ["IN_FLIGHT", "csv", "io", "signal"]
