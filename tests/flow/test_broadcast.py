"""Coordinators broadcast: audiences, preview, delivery under Telegram's answers, restarts."""

from __future__ import annotations

import asyncio
import csv
import io
import time
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.i18n import Locales
from bot.jobs.broadcasts import IN_FLIGHT
from bot.repositories.columns import utc_text
from standin import BotAPIStandin, BotMessage
from tests.conftest import ADMIN_ID, BotInProcess, DatabaseAccess, plain
from tests.flow.conftest import Person, person, seat, seed_hearing, seed_volunteer

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


def status_of(process: DatabaseAccess, broadcast_id: int) -> str:
    return str(process.query("SELECT status FROM broadcasts WHERE id = ?", (broadcast_id,))[0][0])


def last_broadcast(process: DatabaseAccess) -> int:
    return int(process.query("SELECT max(id) FROM broadcasts")[0][0])


async def ended(process: DatabaseAccess, broadcast_id: int, timeout: float = 30.0) -> None:
    await until(
        lambda: status_of(process, broadcast_id) in {"done", "cancelled", "failed"}, timeout
    )


async def until_finished(
    coordinator: Person, process: BotInProcess, broadcast_id: int
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


def status_message(coordinator: Person, process: BotInProcess, broadcast_id: int) -> BotMessage:
    row = process.query("SELECT progress_message_id FROM broadcasts WHERE id = ?", (broadcast_id,))
    return next(m for m in coordinator.user.history if m.message_id == row[0][0])


async def compose(coordinator: Person, text: str = ANNOUNCEMENT) -> BotMessage:
    """/broadcast and the message: the audience screen comes back."""
    coordinator.user.drain()  # status messages of earlier broadcasts
    await coordinator.says("/broadcast", "bc-ask-message")
    coordinator.user.send_text(text, entities=BOLD)
    return await audience_screen(coordinator)


async def to_broadcast_card(coordinator: Person) -> None:
    """Preview on the audience screen: the copy, then the card with Send now and Schedule."""
    tr = coordinator.tr
    assert not (await coordinator.user.press(tr("bc-preview-button")).answer()).get("show_alert")
    await coordinator.message()  # the copy
    card = await coordinator.message()
    assert card.buttons[:2] == [tr("bc-send-now"), tr("bc-schedule")]


async def audience_screen(coordinator: Person) -> BotMessage:
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


def volunteers(
    standin: BotAPIStandin, process: DatabaseAccess, ids: Iterable[int], language: str
) -> None:
    """Registered volunteers who have a chat with the bot (so copies reach them)."""
    for user_id in ids:
        seed_volunteer(process, user_id, language)
        standin.user(user_id, first_name=f"V{user_id}")


def the_admin(
    standin: BotAPIStandin, process: DatabaseAccess, locales: Locales, language: str
) -> Person:
    """The coordinator of these tests: an admin, registered as a volunteer too."""
    seed_volunteer(process, ADMIN_ID, language, name="Admin Aliyev")
    return person(standin, locales, ADMIN_ID, language)


@pytest.fixture
def bot_env() -> dict[str, str]:
    return {"ADMIN_IDS": str(ADMIN_ID), "BROADCAST_RATE": "30"}


async def test_each_audience_gets_exactly_its_people(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    coordinator = the_admin(standin, bot_app, all_locales, "en")
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
        seed_volunteer(bot_app, user_id, language, region=region, interests=interests)
        standin.user(user_id, first_name=f"V{user_id}")
    # Never included: someone who used /forget, and someone who blocked the bot.
    seed_volunteer(bot_app, 107, "uz")
    bot_app.write(
        "UPDATE users SET registered_at = NULL, full_name = NULL, forgotten_at = ? WHERE id = 107",
        (utc_text(bot_app.clock.now()),),
    )
    seed_volunteer(bot_app, 108, "uz")
    bot_app.write(
        "UPDATE users SET unreachable_at = ? WHERE id = 108", (utc_text(bot_app.clock.now()),)
    )
    now = utc_text(bot_app.clock.now())
    bot_app.write(
        "INSERT INTO coordinators (user_id, added_by, added_at) VALUES (106, ?, ?)",
        (ADMIN_ID, now),
    )
    hearing = seed_hearing(bot_app, starts_in=timedelta(hours=-2))
    for user_id in (101, 102, 103):
        seat(bot_app, hearing, user_id)
    bot_app.write(
        "INSERT INTO signups (hearing_id, user_id, status, created_at, updated_at)"
        " VALUES (?, 104, 'waiting', ?, ?)",
        (hearing, now, now),
    )
    bot_app.write(
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
        note, status = await until_finished(coordinator, bot_app, broadcast_id)
        assert note.text == plain(
            tr("bc-finished", id=broadcast_id, sent=len(expected), total=len(expected))
        )
        assert status.text == plain(
            tr("bc-summary-done", id=broadcast_id, sent=len(expected), total=len(expected),
               unreachable=0, failed=0, uncertain=0, not_sent=0)
        )  # fmt: skip
        assert status.buttons == []  # no failures file: everyone got it
        assert status_of(bot_app, broadcast_id) == "done"
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

    async def russian() -> None:
        await tap(coordinator, tr("bc-choose-language", count=0))
        await tap(coordinator, "▫️ " + tr("language-name-ru"))
        await tap(coordinator, tr("bc-done"))

    await broadcast({102, 104}, russian)

    async def interest() -> None:
        await tap(coordinator, tr("bc-choose-interest", count=0))
        await tap(coordinator, "▫️ " + tr("interest-ngo"))
        await tap(coordinator, tr("bc-done"))

    await broadcast({101, 103}, interest)

    async def hearing_part(part: str, count: int, *, chosen: int = 0) -> None:
        listing = await tap(coordinator, tr("bc-choose-hearing", chosen=chosen))
        label = next(b for b in listing.buttons if "Budget 2027 hearing" in b)
        await tap(coordinator, label)
        screen = await tap(coordinator, tr(f"bc-part-{part}"))
        assert shows_count(coordinator, screen, count), (part, screen.text)

    async def seated_and_waiting() -> None:
        # Each part shows its live count; the last choice is the one sent.
        await hearing_part("confirmed", 3)
        await hearing_part("both", 4, chosen=1)
        await hearing_part("waiting", 1, chosen=1)

    await broadcast({104}, seated_and_waiting)

    async def unreported() -> None:
        await hearing_part("unreported", 2)  # 101 has submitted a report

    await broadcast({102, 103}, unreported)

    async def coordinators() -> None:
        await tap(coordinator, "▫️ " + tr("bc-coordinators"))

    await broadcast({ADMIN_ID, 106}, coordinators)

    async def region_and_language() -> None:
        await tap(coordinator, tr("bc-choose-region", count=0))
        await tap(coordinator, "▫️ " + tr("region-TK"))
        await tap(coordinator, tr("bc-done"))
        await tap(coordinator, tr("bc-choose-language", count=0))
        screen = await tap(coordinator, "▫️ " + tr("language-name-uz"))
        assert shows_count(coordinator, screen, 2)
        await tap(coordinator, tr("bc-done"))

    await broadcast({101, 106}, region_and_language)

    # Each broadcast is in the audit log with its audience and count.
    rows = bot_app.query(
        "SELECT action, details FROM audit_log WHERE action LIKE 'broadcast.%' ORDER BY id"
    )
    sends = [r for r in rows if r["action"] == "broadcast.send"]
    assert len(sends) == 8 and '"recipients": 2' in sends[-1]["details"]
    assert '"languages": ["uz"]' in sends[-1]["details"]
    assert sum(r["action"] == "broadcast.finish" for r in rows) == 8


async def test_composing_refuses_what_cannot_be_broadcast(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    coordinator = the_admin(standin, bot_app, all_locales, "ru")
    tr = coordinator.tr
    await coordinator.says("/broadcast", "bc-ask-message")
    coordinator.user.send_sticker()
    await coordinator.expect("bc-unsupported")
    coordinator.user.send_album(3, caption="Three photos")
    await coordinator.expect("bc-album")  # once for the whole album
    await bot_app.expect_silence(coordinator)
    await coordinator.says("/nonsense", "unknown-command-in-form")  # held back by the step
    # A photo with a caption is fine; nobody matches "coordinators only" in Andijan.
    coordinator.user.send_photo("Photo with a caption")
    await coordinator.message()
    # The draft lives in the database: a restart in the middle resumes it.
    await bot_app.restart()
    await tap(coordinator, tr("bc-choose-region", count=0))
    await tap(coordinator, "▫️ " + tr("region-AN"))
    screen = await tap(coordinator, tr("bc-done"))
    assert shows_count(coordinator, screen, 0)
    assert await coordinator.refused(tr("bc-preview-button")) == tr("bc-no-recipients")
    # Discard: nothing is created, and the old buttons are dead.
    await tap(coordinator, tr("bc-discard"))
    assert await coordinator.refused(data="bc:send::0") == tr("button-stale")
    await coordinator.says("/broadcast", "bc-ask-message")
    await coordinator.says("/cancel", "cancel-done")
    await coordinator.says("After the cancel", "unexpected-input")
    assert bot_app.query("SELECT count(*) FROM broadcasts")[0][0] == 0


async def test_volunteers_cannot_broadcast(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    seed_volunteer(bot_app, 7001, "ru")
    volunteer = person(standin, all_locales, 7001, "ru")
    await volunteer.says("/broadcast", "coordinators-only")
    for data in ("bc:stop::1", "bc:send::0", "bc:failures::1", "bc:everyone::0"):
        assert await volunteer.refused(data=data) == volunteer.tr("coordinators-only")
    assert bot_app.query("SELECT count(*) FROM broadcasts")[0][0] == 0

    # A coordinator whose role is taken away mid-draft is refused at the next step.
    seed_volunteer(bot_app, 7002, "en")
    bot_app.write(
        "INSERT INTO coordinators (user_id, added_by, added_at) VALUES (7002, ?, ?)",
        (ADMIN_ID, utc_text(bot_app.clock.now())),
    )
    former = person(standin, all_locales, 7002, "en")
    await compose(former)
    bot_app.write("DELETE FROM coordinators WHERE user_id = 7002")
    assert await former.refused(former.tr("bc-preview-button")) == former.tr("coordinators-only")
    await former.says("Another message", "coordinators-only")
    await former.says("Still there?", "unexpected-input")  # the draft is gone
    assert bot_app.query("SELECT count(*) FROM broadcasts")[0][0] == 0


def tomorrow_at_ten() -> str:
    return (datetime.now(ZoneInfo("Asia/Tashkent")) + timedelta(days=1)).strftime("%d.%m.%Y 10:00")


async def send_to_everyone(coordinator: Person, count: int) -> int:
    await compose(coordinator)
    return await preview_and_send(coordinator, count)


async def test_telegram_errors_are_handled_recipient_by_recipient(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    # Telegram's limits: about 1 a second per chat (short bursts pass), 30 overall.
    standin.enforce_rate_limits(per_chat_per_second=1, global_per_second=30, burst=5)
    coordinator = the_admin(standin, bot_app, all_locales, "en")
    tr = coordinator.tr
    fine = list(range(201, 213))
    for user_id in [*fine, 301, 302, 303, 304, 305, 306]:
        seed_volunteer(bot_app, user_id, "uz", name=f"Volunteer {user_id}")
        if user_id != 303:  # 303 deleted their account: "chat not found"
            standin.user(user_id, first_name=f"V{user_id}")
    standin.block(302)
    standin.fail_next("copyMessage", 429, retry_after=2, chat_id=301)
    standin.fail_next("copyMessage", 502, times=2, chat_id=304)  # then it works
    standin.fail_next("copyMessage", 502, times=10, chat_id=305)  # never works
    standin.fail_next("copyMessage", kind="timeout", delay=60, chat_id=306)
    bot_app.app.broadcaster.send_timeout = 1  # seconds; a real send gives up after 10

    broadcast_id = await send_to_everyone(coordinator, 19)
    _, status = await until_finished(coordinator, bot_app, broadcast_id)
    assert status.text == plain(
        tr("bc-summary-done", id=broadcast_id, sent=15, total=19, unreachable=2, failed=1,
           uncertain=1, not_sent=0)
    )  # fmt: skip
    got = delivered(standin)
    assert got == Counter({user_id: 1 for user_id in [*fine, 301, 304, 306]})
    # The timed-out send reached Telegram once and was not sent again.
    assert sum(c.params["chat_id"] == 306 for c in standin.calls_to("copyMessage")) == 1

    # The 429 paused everyone for retry_after and did not use up 301's chance.
    calls = standin.calls_to("copyMessage")
    (limited,) = [c for c in calls if c.status == 429]
    assert not [c for c in calls if c.ok and limited.at + 0.3 < c.at < limited.at + 1.7]
    rows = {
        r["user_id"]: (r["status"], r["attempts"], r["reason"])
        for r in bot_app.query(
            "SELECT user_id, status, attempts, reason FROM deliveries WHERE broadcast_id = ?",
            (broadcast_id,),
        )
    }
    assert rows[301][:2] == ("sent", 1)
    assert rows[302][:2] == ("unreachable", 1) and "blocked" in rows[302][2]
    assert rows[303][:2] == ("unreachable", 1) and "chat not found" in rows[303][2]
    assert rows[304][:2] == ("sent", 3)
    assert rows[305][:2] == ("failed", 4) and "Bad Gateway" in rows[305][2]
    assert rows[306][0] == "uncertain"
    marked = bot_app.query("SELECT id FROM users WHERE unreachable_at IS NOT NULL")
    assert sorted(r[0] for r in marked) == [302, 303]

    # The failures file: who, why, in the coordinator's language.
    answer = await coordinator.user.press(tr("bc-failures-button")).answer()
    assert not answer.get("show_alert")
    document = await coordinator.message()
    assert document.caption == plain(tr("bc-failures-caption", id=broadcast_id, count=4))
    table = list(csv.reader(io.StringIO(document.file_bytes().decode("utf-8-sig"))))
    assert table[0] == [tr(f"bc-col-{c}") for c in ("user", "name", "outcome", "reason",
                                                    "attempts", "time")]  # fmt: skip
    outcomes = {row[0]: row[2] for row in table[1:]}
    assert outcomes == {
        "302": tr("bc-outcome-unreachable"),
        "303": tr("bc-outcome-unreachable"),
        "305": tr("bc-outcome-failed"),
        "306": tr("bc-outcome-uncertain"),
    }

    # Unreachable people are left out of the next audience until they write again.
    standin.clear_failures()
    screen = await compose(coordinator)
    assert shows_count(coordinator, screen, 17)
    standin.unblock(302)
    blocked_once = person(standin, all_locales, 302, "uz")
    blocked_once.user.send_text("/help")
    await blocked_once.message()
    screen = await tap(coordinator, "✅ " + tr("bc-everyone"))  # recount
    assert shows_count(coordinator, screen, 18)


async def test_a_deleted_original_cannot_be_previewed_or_sent(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    coordinator = the_admin(standin, bot_app, all_locales, "ru")
    tr = coordinator.tr
    volunteers(standin, bot_app, (4001, 4002), "en")

    # Deleted before the preview: the bot says so and asks for the message again.
    await coordinator.says("/broadcast", "bc-ask-message")
    original = coordinator.user.send_text(ANNOUNCEMENT, entities=BOLD)
    await audience_screen(coordinator)
    coordinator.user.delete_message(original["message_id"])
    answer = await coordinator.user.press(tr("bc-preview-button")).answer()
    assert not answer.get("show_alert")
    await coordinator.expect("bc-source-gone")
    original = coordinator.user.send_text(ANNOUNCEMENT, entities=BOLD)
    await audience_screen(coordinator)

    # Deleted after Send now: the broadcast stops as failed and says why.
    await to_broadcast_card(coordinator)
    coordinator.user.delete_message(original["message_id"])
    await coordinator.user.press(tr("bc-send-now")).answer()
    broadcast_id = last_broadcast(bot_app)
    await ended(bot_app, broadcast_id)
    assert status_of(bot_app, broadcast_id) == "failed"
    assert not delivered(standin)
    await until(
        lambda: status_message(coordinator, bot_app, broadcast_id).text
        == plain(
            tr("bc-summary-failed", id=broadcast_id, sent=0, total=3, unreachable=0, failed=0,
               uncertain=0, not_sent=3)
        )
    )  # fmt: skip


async def test_send_now_says_created_before_the_status_message_comes(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    # The worker used to be woken before the press was answered: with Telegram slow to
    # answer, its new status message came before the card said "created" (a flaky CI).
    coordinator = the_admin(standin, bot_app, all_locales, "en")
    tr = coordinator.tr
    volunteers(standin, bot_app, (4101, 4102), "en")
    await compose(coordinator)
    await to_broadcast_card(coordinator)
    standin.fail_next("answerCallbackQuery", kind="timeout", delay=0.5)
    await coordinator.user.press(tr("bc-send-now")).answer()
    created = await coordinator.user.next_message()
    broadcast_id = last_broadcast(bot_app)
    assert created.edited and created.text == plain(tr("bc-created", id=broadcast_id, count=3))
    status = await coordinator.user.next_message()
    assert not status.edited
    assert status.text == plain(tr("bc-queued", id=broadcast_id, total=3, ahead=0))
    assert status.buttons == [tr("bc-stop")]


@pytest.mark.parametrize("bot_env", [{"ADMIN_IDS": str(ADMIN_ID), "BROADCAST_RATE": "4"}])
async def test_stop_halts_the_broadcast_and_the_queue_moves_on(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    coordinator = the_admin(standin, bot_app, all_locales, "en")
    tr = coordinator.tr
    volunteers(standin, bot_app, range(1001, 1025), "uz")
    volunteer = person(standin, all_locales, 1001, "uz")
    seed_hearing(bot_app, starts_in=timedelta(days=3))

    first = await send_to_everyone(coordinator, 25)
    await until(lambda: sum(delivered(standin).values()) >= 3)
    # A second broadcast (to the coordinators: one person) waits for the first.
    await compose(coordinator)
    await tap(coordinator, "▫️ " + tr("bc-coordinators"))
    second = await preview_and_send(coordinator, 1)
    assert (status_of(bot_app, first), status_of(bot_app, second)) == ("sending", "queued")
    # Volunteers are answered while a broadcast is sending, not after it.
    volunteer.user.drain()
    volunteer.user.send_text("/hearings")
    while True:
        reply = await volunteer.message()
        if reply.method != "copyMessage":
            break
    assert "Budget 2027 hearing" in (reply.text or "")
    assert status_of(bot_app, first) == "sending"

    first_status = status_message(coordinator, bot_app, first)
    assert first_status.buttons == [tr("bc-stop")]
    press = coordinator.user.press_data(f"bc:stop::{first}", first_status.message_id)
    answer = await press.answer()
    assert answer.get("text") == tr("bc-stopped", id=first)
    (source,) = bot_app.query("SELECT message_id FROM broadcasts WHERE id = ?", (first,))

    def copies_of_first() -> int:
        return sum(c.params["message_id"] == source[0] for c in standin.calls_to("copyMessage"))

    at_stop = copies_of_first()
    # The second one goes out in full once the first has stopped.
    await ended(bot_app, second, timeout=30)
    # Only the sends already in flight when Stop was pressed went out after it.
    assert copies_of_first() <= at_stop + IN_FLIGHT, "the stopped broadcast kept sending"
    counts = bot_app.query(
        "SELECT broadcast_id, status, count(*) FROM deliveries GROUP BY broadcast_id, status"
    )
    by = {(r[0], r[1]): r[2] for r in counts}
    assert by[(second, "sent")] == 1
    assert 3 <= by[(first, "sent")] < 25 and by[(first, "pending")] == 25 - by[(first, "sent")]
    summary = status_message(coordinator, bot_app, first)
    assert summary.text == plain(
        tr("bc-summary-cancelled", id=first, sent=by[(first, "sent")], total=25, unreachable=0,
           failed=0, uncertain=0, not_sent=by[(first, "pending")])
    )  # fmt: skip
    # Stopping it again is refused; the stop is in the audit log.
    assert await coordinator.refused(data=f"bc:stop::{first}") == tr("bc-ended")
    actions = [r[0] for r in bot_app.query("SELECT action FROM audit_log ORDER BY id")]
    assert actions.count("broadcast.cancel") == 1


async def test_a_scheduled_broadcast_goes_out_once_across_restarts(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    coordinator = the_admin(standin, bot_app, all_locales, "uz")
    tr = coordinator.tr
    volunteers(standin, bot_app, (3001, 3002), "en")

    async def schedule() -> int:
        await compose(coordinator)
        await coordinator.user.press(tr("bc-preview-button")).answer()
        await coordinator.message()  # the copy
        await coordinator.message()  # the card
        await coordinator.user.press(tr("bc-schedule")).answer()
        await coordinator.expect("bc-ask-time", example=tomorrow_at_ten())
        await coordinator.says("tomorrow", "form-date-unreadable")
        await coordinator.says("01.01.2020 10:00", "form-date-past")
        await coordinator.says("01.01.2099 10:00", "bc-schedule-too-far")
        coordinator.user.send_text(tomorrow_at_ten())
        card = await coordinator.message()
        assert card.buttons == [tr("bc-stop")]
        return last_broadcast(bot_app)

    due_while_down = await schedule()
    due_after_start = await schedule()
    assert status_of(bot_app, due_while_down) == "scheduled"
    await bot_app.restart()  # still tomorrow: nothing goes out
    await bot_app.clock.advance(hours=1)
    await bot_app.settle()
    assert not delivered(standin)

    await bot_app.stop()
    now = bot_app.clock.now()
    for broadcast_id, when in (
        (due_while_down, now - timedelta(minutes=5)),
        (due_after_start, now + timedelta(minutes=10)),
    ):
        bot_app.write(
            "UPDATE broadcasts SET scheduled_for = ? WHERE id = ?", (utc_text(when), broadcast_id)
        )
    await bot_app.start()  # the one due while the bot was down goes out at once
    await ended(bot_app, due_while_down)
    assert status_of(bot_app, due_after_start) == "scheduled"
    await bot_app.clock.advance(minutes=9)
    assert status_of(bot_app, due_after_start) == "scheduled"
    await bot_app.clock.advance(minutes=1)
    await ended(bot_app, due_after_start)
    # Neither went out before its time (the audience is resolved when it is queued).
    for row in bot_app.query("SELECT scheduled_for, queued_at FROM broadcasts"):
        assert row["queued_at"] >= row["scheduled_for"]
    await bot_app.restart()
    await bot_app.clock.advance(days=2)
    await bot_app.settle()
    assert delivered(standin) == Counter({3001: 2, 3002: 2})
