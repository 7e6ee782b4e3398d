"""Uzbek in Cyrillic script end to end: a person whose app says "uz" registers in
Ўзбекча, finds a hearing, signs up, is reminded, reports, and gets a broadcast sent to the
uz-Cyrl audience by a coordinator who works in Cyrillic too."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.i18n import Locales
from bot.ui.views import local_datetime
from standin import BotAPIStandin
from tests.conftest import ADMIN_ID, BotInProcess, plain
from tests.flow.conftest import Person, person, register, seed_hearing, seed_volunteer
from tests.flow.test_broadcast import last_broadcast, shows_count, tap, until_finished
from tests.flow.test_reports import answer_checklist, fill_files, open_review

GROUP = -100779
ZONE = ZoneInfo("Asia/Tashkent")
TITLE = "Сув кодекси лойиҳаси"
ANNOUNCEMENT = "Эртага соат 10:00 да Олий Мажлисда учрашамиз."
CYRILLIC_WORD = re.compile(r"[А-Яа-яЎўҚқҒғҲҳЁё]{3,}")


@pytest.fixture
def bot_env() -> dict[str, str]:
    return {
        "ADMIN_IDS": str(ADMIN_ID),
        "COORDINATOR_CHAT_ID": str(GROUP),
        "REMINDER_OFFSETS": "24h,2h",
        "BROADCAST_RATE": "30",
    }


async def test_a_volunteer_in_cyrillic_from_registration_to_a_broadcast(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    coordinators = standin.group(GROUP, title="Coordinators")
    hearing_id = seed_hearing(bot_app, starts_in=timedelta(days=2), seats=5, title=TITLE)
    seed_volunteer(bot_app, 8101, "uz")  # reads Latin: the Cyrillic audience leaves them out
    latin = standin.user(8101, first_name="Latin", language_code="uz")
    seed_volunteer(bot_app, ADMIN_ID, "uz-Cyrl", name="Админ Алиев")
    coordinator = person(standin, all_locales, ADMIN_ID, "uz-Cyrl")

    # Registration: greeted in Latin (the app says "uz"), then everything in Cyrillic.
    volunteer = person(standin, all_locales, 8100, "uz-Cyrl")
    tr = volunteer.tr
    assert volunteer.greeting_tr.language == "uz"
    await register(volunteer, name="Ўғилой Ғуломова", region="QA", interests=("hearings",))
    [row] = bot_app.query("SELECT language, region FROM users WHERE id = 8100")
    assert (row["language"], row["region"]) == ("uz-Cyrl", "QA")
    # Telegram publishes menus for two-letter languages only: this one is set for the chat.
    menu = standin.commands(scope={"type": "chat", "chat_id": 8100})
    assert menu is not None and menu[0]["description"] == tr("cmd-start")
    assert CYRILLIC_WORD.search(tr("cmd-start"))

    # /language offers both scripts first; choosing the current one again changes nothing.
    picker = await volunteer.says("/language", "language-choose")
    assert picker.buttons[:2] == [
        tr("language-name-uz"), tr("language-button-current", language="Ўзбекча")
    ]  # fmt: skip
    await volunteer.presses(picker.buttons[1])
    assert (await volunteer.user.next_message()).edited  # the picker closes
    await volunteer.expect("language-changed")
    [row] = bot_app.query("SELECT language FROM users WHERE id = 8100")
    assert row["language"] == "uz-Cyrl"

    # Hearings: the list and the card with Cyrillic weekdays and months, then signing up.
    starts_at = datetime.fromisoformat(
        bot_app.query("SELECT starts_at FROM hearings WHERE id = ?", (hearing_id,))[0][0]
    )
    volunteer.user.send_text("/hearings")
    listing = await volunteer.message()
    assert (listing.text or "").startswith(plain(tr("hearings-title", page=1, pages=1)))
    short = local_datetime(tr, starts_at, ZONE, short=True)
    assert f"🗓 {short}" in (listing.text or "") and CYRILLIC_WORD.search(short)
    volunteer.user.press(f"1. {TITLE}")
    card = await volunteer.user.next_message()
    assert card.edited and tr("hearing-button-signup") in card.buttons
    full = local_datetime(tr, starts_at, ZONE)
    assert full in (card.text or "") and "-йил" in full
    await volunteer.presses(tr("hearing-button-signup"))
    assert (await volunteer.user.next_message()).edited
    await volunteer.expect("signup-confirmed", title=TITLE)
    again = await volunteer.user.press_data(f"h:{hearing_id}:signup").answer()
    assert again.get("text") == tr("signup-already")

    # Reminders in Cyrillic ("24 соат"), answered.
    await bot_app.clock.advance(days=1)
    reminder = await volunteer.message()
    assert "24 соат" in (reminder.text or "")
    assert reminder.buttons == [tr("reminder-coming"), tr("reminder-not-coming")]
    await volunteer.presses(tr("reminder-coming"))
    assert (await volunteer.user.next_message()).edited
    await volunteer.expect("attend-coming", title=TITLE)
    await bot_app.clock.advance(hours=22)
    assert "2 соат" in ((await volunteer.message()).text or "")

    # The report, once the hearing is under way.
    await bot_app.clock.advance(hours=2, minutes=30)
    await report(volunteer, bot_app)
    card_in_group = await coordinators.next_message()  # the group speaks DEFAULT_LANGUAGE
    assert "Ўғилой Ғуломова" in (card_in_group.text or "")
    [report_row] = bot_app.query("SELECT status FROM reports WHERE user_id = 8100")
    assert report_row["status"] == "submitted"

    # A coordinator working in Cyrillic sends a broadcast to the uz-Cyrl audience.
    ctr = coordinator.tr
    await coordinator.says("/broadcast", "bc-ask-message")
    coordinator.user.send_text(ANNOUNCEMENT)
    screen = await coordinator.message()
    assert (screen.text or "").startswith(plain(ctr("bc-audience-title")))
    languages = await tap(coordinator, ctr("bc-choose-language", count=0))
    assert languages.buttons[:4] == [
        "▫️ " + ctr(f"language-name-{code}") for code in ("uz", "uz-Cyrl", "ru", "en")
    ]
    screen = await tap(coordinator, "▫️ Ўзбекча")
    assert shows_count(coordinator, screen, 2)  # the volunteer and the coordinator
    screen = await tap(coordinator, ctr("bc-done"))
    assert plain(ctr("bc-audience-languages", names="Ўзбекча")) in (screen.text or "")
    await coordinator.presses(ctr("bc-preview-button"))
    copy = await coordinator.message()
    assert copy.method == "copyMessage" and copy.text == ANNOUNCEMENT
    preview = await coordinator.message()
    assert plain(ctr("bc-recipients", count=2)) in (preview.text or "")
    await coordinator.presses(ctr("bc-send-now"))
    broadcast_id = last_broadcast(bot_app)
    created = await coordinator.user.next_message()
    assert created.edited
    assert created.text == plain(ctr("bc-created", id=broadcast_id, count=2))
    finished, status = await until_finished(coordinator, bot_app, broadcast_id)
    assert finished.text == plain(ctr("bc-finished", id=broadcast_id, sent=2, total=2))
    summary = ctr(
        "bc-summary-done", id=broadcast_id, total=2, sent=2, unreachable=0, failed=0, uncertain=0
    )
    assert status.text == plain(summary)

    received = await volunteer.message()
    assert received.method == "copyMessage" and received.text == ANNOUNCEMENT
    await latin.expect_no_message(within=0.05)
    [send] = bot_app.query("SELECT details FROM audit_log WHERE action = 'broadcast.send'")
    assert '"languages": ["uz-Cyrl"]' in send["details"]


async def report(observer: Person, process: BotInProcess) -> None:
    """/report, the checklist, notes and files, review, submit: all of it in Cyrillic."""
    tr = observer.tr
    observer.user.send_text("/report")
    await answer_checklist(observer)
    await fill_files(observer)
    review = await open_review(observer)
    assert (review.text or "").startswith(
        plain(tr("report-review", title=TITLE, answers="", notes="", files=0)).split("\n")[0]
    )
    assert tr("report-yes") in (review.text or "")  # the answers, in Cyrillic
    await observer.presses(tr("report-submit"))
    assert (await observer.user.next_message()).edited
    receipt = await observer.message()
    [row] = process.query("SELECT id FROM reports WHERE user_id = ?", (observer.id,))
    number = row["id"]
    assert (receipt.text or "").startswith(
        plain(tr("report-receipt", number=number, when="", utc="", fingerprint="")).split("\n")[0]
    )
    assert re.search(r"\b[0-9a-f]{64}\b", receipt.text or "")
