"""Report cards and urgent alerts reach each coordinator privately (no COORDINATOR_CHAT_ID)
through the outbox: queued with the observer's update, sent by the worker, one chat's
failure never stopping the others, and nothing sent twice across a restart."""

from __future__ import annotations

import pytest

from bot.i18n import Locales
from standin import BotAPIStandin
from tests.conftest import ADMIN_ID, BotInProcess
from tests.flow.conftest import Person, person, seed_volunteer
from tests.flow.test_reports import answer_checklist, fill_files, observer_of, submit

COORDINATORS = (8301, 8302)  # besides the admin; 8302 has blocked the bot


@pytest.fixture
def bot_env() -> dict[str, str]:
    return {"ADMIN_IDS": str(ADMIN_ID)}  # no group: every coordinator privately


def desk(standin: BotAPIStandin, bot_app: BotInProcess, locales: Locales) -> list[Person]:
    seed_volunteer(bot_app, ADMIN_ID, "en", name="Admin Aliyev")
    people = [person(standin, locales, ADMIN_ID, "en")]
    for user_id, language in zip(COORDINATORS, ("ru", "uz"), strict=True):
        seed_volunteer(bot_app, user_id, language, name=f"Coordinator {user_id}")
        bot_app.write(
            "INSERT INTO coordinators (user_id, added_by, added_at) VALUES (?, ?, ?)",
            (user_id, ADMIN_ID, bot_app.clock.now().isoformat()),
        )
        people.append(person(standin, locales, user_id, language))
    standin.block(COORDINATORS[1])
    return people


def posts(bot_app: BotInProcess) -> list[tuple[str, int, str]]:
    rows = bot_app.query("SELECT kind, chat_id, status FROM desk_posts ORDER BY id")
    return [(row["kind"], row["chat_id"], row["status"]) for row in rows]


async def test_cards_reach_every_coordinator_who_can_be_reached_once_and_follow_the_review(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    admin, coordinator, blocked = desk(standin, bot_app, all_locales)
    observer, _ = observer_of(standin, bot_app, all_locales, 8310, "en")
    observer.user.send_text("/report")
    await answer_checklist(observer)
    await fill_files(observer)
    await submit(observer)
    cards = {someone.user.id: await someone.message() for someone in (admin, coordinator)}
    for someone, card in zip((admin, coordinator), cards.values(), strict=True):
        assert card.buttons == [
            someone.tr("review-open"),
            someone.tr("review-accept"),
            someone.tr("review-return"),
        ]  # fmt: skip, each in their language
    await bot_app.settle()
    assert set(posts(bot_app)) == {
        ("card", ADMIN_ID, "sent"), ("card", COORDINATORS[0], "sent"),
        ("card", COORDINATORS[1], "failed"),
    }  # fmt: skip
    # A restart sends nothing again.
    await bot_app.restart()
    await bot_app.expect_silence(admin, coordinator, observer)

    # Open on a private card: the whole report, to whoever pressed.
    opened = await admin.user.press(admin.tr("review-open")).answer()
    assert opened.get("text") == admin.tr("review-sent-privately")
    await bot_app.settle()
    whole = admin.user.drain()  # the report, then its notes and files (tested elsewhere)
    assert "+99890" in (whole[0].text or "")  # the phone: only privately, to who asked

    # The coordinator accepts on their card: every card is brought up to date, once.
    accept = cards[COORDINATORS[0]].callback_data(coordinator.tr("review-accept"))
    coordinator.user.press(coordinator.tr("review-accept"))
    await coordinator.user.next_message()  # their card, edited
    edited = await admin.user.next_message()
    assert edited.edited and edited.message_id == cards[ADMIN_ID].message_id
    assert edited.buttons == [admin.tr("review-open")]
    await observer.expect("report-accepted", number=1, title="Pension reform")
    await bot_app.settle()
    await bot_app.expect_silence(admin, coordinator, observer)
    # Its Accept pressed again (a double tap, an old screen): refused, nothing changes.
    assert await coordinator.refused(data=accept) == coordinator.tr("review-already")
    await bot_app.settle()
    await bot_app.expect_silence(admin, coordinator, observer)
    assert not blocked.user.messages  # never reached, never crashed anything


async def at_urgent_alert(
    standin: BotAPIStandin, bot_app: BotInProcess, locales: Locales, user_id: int
) -> Person:
    """A seated observer who opened the hearing's card and pressed Urgent alert."""
    observer, hearing_id = observer_of(standin, bot_app, locales, user_id, "en")
    observer.user.send_text(f"/start h{hearing_id}")
    await observer.message()
    await asks_for_an_alert(observer)
    return observer


async def asks_for_an_alert(observer: Person) -> None:
    await observer.presses(
        observer.tr("hearing-button-urgent"), "urgent-ask", title="Pension reform"
    )


async def test_an_urgent_alert_is_told_sent_once_every_copy_went(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    admin, coordinator, _ = desk(standin, bot_app, all_locales)
    observer = await at_urgent_alert(standin, bot_app, all_locales, 8311)
    await observer.says("Observers were asked to leave", "urgent-queued")
    await observer.expect("urgent-sent")
    for someone in (admin, coordinator):
        alert = await someone.message()
        assert "Observers were asked to leave" in (alert.text or "")
    await bot_app.settle()
    await bot_app.expect_silence(admin, coordinator, observer)

    # Nobody reachable: the observer is told to call instead.
    standin.block(ADMIN_ID)
    standin.block(COORDINATORS[0])
    await asks_for_an_alert(observer)
    await observer.says("The hall is locked", "urgent-queued")
    await observer.expect("urgent-not-delivered")
    rows = bot_app.query("SELECT count(*) AS n FROM urgent_alerts")
    assert rows[0]["n"] == 2  # both kept, whoever was told


async def test_an_urgent_alert_is_told_received_before_sent_on_a_slow_network(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    # The worker used to be woken before "received" was sent: with that reply slow on
    # its way, "sent" came first, and then "received" for an alert already delivered.
    admin, coordinator, _ = desk(standin, bot_app, all_locales)
    observer = await at_urgent_alert(standin, bot_app, all_locales, 8313)
    standin.fail_next("sendMessage", kind="slow", delay=0.5, chat_id=observer.id)
    await observer.says("Doors closed to observers", "urgent-queued")
    await observer.expect("urgent-sent")
    for someone in (admin, coordinator):
        assert "Doors closed to observers" in ((await someone.message()).text or "")
    await bot_app.settle()
    await bot_app.expect_silence(admin, coordinator, observer)


async def test_posts_queued_before_a_crash_go_out_after_the_restart_once(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    admin, coordinator, _ = desk(standin, bot_app, all_locales)
    observer, hearing_id = observer_of(standin, bot_app, all_locales, 8312, "en")
    # An alert queued as the handler does, but the bot died while sending: the admin's
    # copy was claimed (it is sent again: twice is better than a coordinator without
    # it), the coordinator's still pending. The observer hears once both have gone.
    await bot_app.stop()
    now = bot_app.clock.now().isoformat()
    urgent_id = bot_app.write(
        "INSERT INTO urgent_alerts (hearing_id, user_id, text, created_at) VALUES (?, ?, ?, ?)",
        (hearing_id, observer.id, "The hall is locked", now),
    )
    for chat_id, status in ((ADMIN_ID, "sending"), (COORDINATORS[0], "pending")):
        bot_app.write(
            "INSERT INTO desk_posts (kind, chat_id, urgent_id, status, created_at)"
            " VALUES ('urgent', ?, ?, ?, ?)",
            (chat_id, urgent_id, status, now),
        )
    await bot_app.start()
    for someone in (admin, coordinator):
        alert = await someone.message()
        assert "The hall is locked" in (alert.text or "")
    await observer.expect("urgent-sent")
    await bot_app.restart()
    await bot_app.expect_silence(admin, coordinator, observer)
    assert sorted(posts(bot_app)) == [
        ("urgent", COORDINATORS[0], "sent"), ("urgent", ADMIN_ID, "sent")
    ]  # fmt: skip
