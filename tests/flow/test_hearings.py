"""Hearings end to end: coordinators create and change them, volunteers sign up."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar

from bot.i18n import Locales
from bot.ui.views import local_datetime
from standin import BotAPIStandin
from tests.conftest import ADMIN_ID, BotInProcess
from tests.flow.conftest import Person, person, seed_hearing, seed_volunteer

ZONE = ZoneInfo("Asia/Tashkent")


def local(moment: datetime) -> str:
    return moment.astimezone(ZONE).strftime("%d.%m.%Y %H:%M")


async def open_card(someone: Person, hearing_id: int) -> None:
    someone.user.send_text(f"/start h{hearing_id}")
    await someone.message()


async def test_a_coordinator_creates_a_hearing_and_bad_input_is_refused(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    seed_volunteer(bot_app, ADMIN_ID, "en", "Coordinator Karimov")
    admin = person(standin, all_locales, ADMIN_ID, "en")
    tr = admin.tr
    await admin.says("/newhearing", "form-ask-title")
    await admin.says("ab", "form-text-length", min=3, max=200, length=2)
    await admin.says("Public hearing on the 2027 budget", "form-ask-chamber")
    await admin.says("Senate", "form-use-buttons")
    await admin.presses(tr("chamber-other"), "form-ask-body")
    await admin.says("Public council under the Ministry of Finance", "form-ask-committee")
    await admin.says("Budget working group", "form-ask-starts", zone="Asia/Tashkent")

    # Dates: unreadable, impossible, past; then one in the future, typed the local way.
    await admin.says("next friday", "form-date-unreadable")
    await admin.says("31.02.2030 10:00", "form-date-unreadable")
    await admin.says("01.01.2020 10:00", "form-date-past")
    start = (
        (datetime.now(UTC) + timedelta(days=3))
        .astimezone(ZONE)
        .replace(hour=10, minute=0, second=0, microsecond=0)
    )
    await admin.says(start.strftime("%d.%m.%Y %H:%M"), "form-ask-ends")
    await admin.says("09:00", "form-end-before-start")
    await admin.says("12:30", "form-ask-address")
    await admin.says("Tashkent, Mustaqillik maydoni 6", "form-ask-location")
    await admin.says("near the metro", "form-location-use")
    admin.user.send_location(41.3111, 69.2797)
    await admin.expect("form-ask-seats")
    await admin.says("many", "form-seats-invalid", max=10_000)
    await admin.says("0", "form-seats-invalid", max=10_000)
    await admin.says("25", "form-ask-description")
    await admin.presses(tr("form-skip"))
    await admin.expect("form-preview-title")
    preview = await admin.message()
    assert "Public hearing on the 2027 budget" in (preview.text or "")
    assert "Public council under the Ministry of Finance" in (preview.text or "")

    # Change the seats from the preview, then publish.
    admin.user.press(tr("form-edit"))
    await admin.user.next_message()  # the preview's buttons become the field list
    await admin.presses(tr("form-field-seats"), "form-ask-seats")
    await admin.says("30", "form-preview-title")
    preview = await admin.message()
    assert "🪑 30" in (preview.text or "")
    admin.user.press(tr("form-publish"))
    published = await admin.message()
    [row] = bot_app.query("SELECT * FROM hearings")
    assert published.text == tr(
        "hearing-published", link=f"https://t.me/standin_bot?start=h{row['id']}"
    )
    card = await admin.message()
    assert tr("hearing-button-edit") in card.buttons  # coordinators see their buttons
    assert (
        row["chamber"] == "other" and row["body"] == "Public council under the Ministry of Finance"
    )
    assert row["seats"] == 30 and row["description"] == ""
    assert datetime.fromisoformat(row["starts_at"]) == start
    assert datetime.fromisoformat(row["ends_at"]) == start.replace(hour=12, minute=30)
    assert (row["latitude"], row["longitude"]) == (41.3111, 69.2797)


async def test_volunteers_cannot_use_coordinator_commands_or_buttons(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    seed_volunteer(bot_app, 4000, "ru")
    hearing_id = seed_hearing(bot_app, starts_in=timedelta(days=2))
    volunteer = person(standin, all_locales, 4000, "ru")
    await volunteer.says("/newhearing", "coordinators-only")
    await open_card(volunteer, hearing_id)
    for action in ("edit", "stop", "people"):
        assert await volunteer.refused(data=f"h:{hearing_id}:{action}") == volunteer.tr(
            "coordinators-only"
        )
    assert await volunteer.refused(data=f"he:{hearing_id}:seats") == volunteer.tr(
        "coordinators-only"
    )
    assert await volunteer.refused(data="hf:publish:") == volunteer.tr("coordinators-only")
    [row] = bot_app.query("SELECT status, seats FROM hearings")
    assert tuple(row) == ("published", 10)


async def test_forged_and_stale_hearing_buttons_change_nothing(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    seed_volunteer(bot_app, 4001, "en")
    volunteer = person(standin, all_locales, 4001, "en")
    tr = volunteer.tr
    await volunteer.says("/start", "main-menu")
    gone = await volunteer.refused(data="h:999999:signup")
    assert gone == tr("hearing-not-found")
    started = seed_hearing(bot_app, starts_in=timedelta(seconds=-60))
    assert await volunteer.refused(data=f"h:{started}:signup") == tr("hearing-has-started")
    cancelled = seed_hearing(bot_app, starts_in=timedelta(days=1))
    bot_app.write("UPDATE hearings SET status = 'cancelled' WHERE id = ?", (cancelled,))
    assert await volunteer.refused(data=f"h:{cancelled}:signup") == tr("hearing-is-cancelled")
    assert await volunteer.refused(data=f"att:{cancelled}:1") == tr("hearing-is-cancelled")
    assert await volunteer.refused(data="h:abc:signup") == tr("button-stale")
    assert bot_app.query("SELECT * FROM signups") == []


async def test_the_list_pages_soonest_first(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    seed_volunteer(bot_app, 4002, "uz")
    for day in (7, 3, 12, 1, 9, 5, 2):
        seed_hearing(bot_app, starts_in=timedelta(days=day), title=f"Hearing in {day} days")
    seed_hearing(bot_app, starts_in=timedelta(days=-1), title="Already past")
    volunteer = person(standin, all_locales, 4002, "uz")
    tr = volunteer.tr
    volunteer.user.send_text("/hearings")
    first = await volunteer.message()
    assert (first.text or "").startswith(
        tr("hearings-title", page=1, pages=2).replace("<b>", "").replace("</b>", "")
    )
    titles = [b for b in first.buttons if ". Hearing in" in b]
    assert titles == [f"{n}. Hearing in {d} days" for n, d in enumerate((1, 2, 3, 5, 7), start=1)]
    soonest = bot_app.query("SELECT starts_at FROM hearings ORDER BY starts_at")[1]
    when = local_datetime(tr, datetime.fromisoformat(soonest["starts_at"]), ZONE, short=True)
    assert f"🗓 {when}" in (first.text or "")  # Uzbek weekday and month, local time
    volunteer.user.press(tr("button-next"))
    second = await volunteer.user.next_message()
    assert second.edited
    assert [b for b in second.buttons if ". Hearing" in b] == [
        "6. Hearing in 9 days",
        "7. Hearing in 12 days",
    ]
    assert "Already past" not in (second.text or "")
    volunteer.user.press(tr("button-previous"))
    assert "1. Hearing in 1 days" in (await volunteer.user.next_message()).buttons
    # Opening one turns the list into its card.
    volunteer.user.press("1. Hearing in 1 days")
    card = await volunteer.user.next_message()
    assert card.edited and tr("hearing-button-signup") in card.buttons


async def test_sign_up_to_full_and_beyond_then_cancel_promotes(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    hearing_id = seed_hearing(bot_app, starts_in=timedelta(days=2), seats=2, title="Water law")
    people = []
    for user_id, language in ((4010, "en"), (4011, "ru"), (4012, "uz"), (4013, "en")):
        seed_volunteer(bot_app, user_id, language)
        someone = person(standin, all_locales, user_id, language)
        await open_card(someone, hearing_id)
        people.append(someone)
    first, second, third, fourth = people

    await first.presses(first.tr("hearing-button-signup"))
    assert (await first.user.next_message()).edited  # the card now says "signed up"
    await first.expect("signup-confirmed", title="Water law")
    # Signing up twice does nothing twice.
    again = await first.user.press_data(f"h:{hearing_id}:signup").answer()
    assert again.get("text") == first.tr("signup-already")
    await second.presses(second.tr("hearing-button-signup"))
    await second.user.next_message()
    await second.expect("signup-confirmed", title="Water law")
    await third.presses(third.tr("hearing-button-signup"))  # the card was full before
    await third.user.next_message()
    await third.expect("signup-waiting", title="Water law", position=1)
    await fourth.presses(fourth.tr("hearing-button-signup"))
    await fourth.user.next_message()
    await fourth.expect("signup-waiting", title="Water law", position=2)

    # The first person cancels: the head of the waiting list is promoted and told at once.
    await first.presses(first.tr("hearing-button-leave"))
    await first.user.next_message()
    await first.expect("signup-cancelled", title="Water law")
    promoted = await third.expect("signup-promoted", title="Water law")
    assert promoted.buttons == [third.tr("hearing-button-open")]
    rows = bot_app.query(
        "SELECT user_id, status FROM signups WHERE status != 'cancelled' ORDER BY id"
    )
    assert [tuple(r) for r in rows] == [(4011, "confirmed"), (4012, "confirmed"), (4013, "waiting")]

    fourth.user.send_text("/my")
    mine = await fourth.message()
    assert "Water law" in (mine.text or "")
    assert fourth.tr("my-waiting", position=1) in (mine.text or "")


async def test_fifty_taps_for_ten_seats_are_served_in_order(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    hearing_id = seed_hearing(bot_app, starts_in=timedelta(days=2), seats=10)
    ids = list(range(5000, 5050))
    for user_id in ids:
        seed_volunteer(bot_app, user_id, "en")
        standin.user(user_id).send_text(f"/start h{hearing_id}")
    for user_id in ids:  # each has the card on their screen
        await standin.user(user_id).next_message()
    presses = [standin.user(user_id).press_data(f"h:{hearing_id}:signup") for user_id in ids]
    await asyncio.gather(*(press.answer(timeout=30) for press in presses))
    rows = bot_app.query(
        "SELECT user_id, status FROM signups WHERE hearing_id = ? ORDER BY id", (hearing_id,)
    )
    assert [r["user_id"] for r in rows] == ids  # served in the order they tapped
    assert [r["status"] for r in rows] == ["confirmed"] * 10 + ["waiting"] * 40
    last = Person(standin.user(ids[-1]), all_locales.get("en"))
    await last.expect("signup-waiting", title="Budget 2027 hearing", position=40)


async def test_add_to_calendar_gives_a_valid_ics_in_the_local_zone(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    hearing_id = seed_hearing(bot_app, starts_in=timedelta(days=4))
    [row] = bot_app.query("SELECT starts_at FROM hearings WHERE id = ?", (hearing_id,))
    seed_volunteer(bot_app, 4020, "ru")
    someone = person(standin, all_locales, 4020, "ru")
    await open_card(someone, hearing_id)
    await someone.presses(someone.tr("hearing-button-calendar"))
    document = await someone.message()
    assert document.document is not None
    assert document.document["file_name"] == f"hearing-{hearing_id}.ics"
    assert document.caption == someone.tr("ics-caption")
    calendar = icalendar.Calendar.from_ical(document.file_bytes())
    [event] = calendar.walk("VEVENT")
    start = event.decoded("dtstart")
    assert str(start.tzinfo) == "Asia/Tashkent"
    assert start == datetime.fromisoformat(row["starts_at"])
    assert event.get("summary") == "Budget 2027 hearing"
    assert calendar.walk("VTIMEZONE") and event.walk("VALARM")
    assert f"start=h{hearing_id}" in str(event.get("url"))


async def test_a_shared_link_takes_a_new_person_through_registration_to_the_card(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    hearing_id = seed_hearing(bot_app, starts_in=timedelta(days=5), title="Open data law")
    newcomer = person(standin, all_locales, 4030, "en")
    tr = newcomer.tr
    greeting = await newcomer.says(f"/start h{hearing_id}", "start-greeting")
    await newcomer.presses(greeting.buttons[-1], "consent-text")
    await newcomer.presses(tr("consent-accept"), "ask-name")
    await newcomer.says("Aziza Rahimova", "ask-phone")
    newcomer.user.send_contact("+998 90 123 45 67")
    await newcomer.expect("phone-saved")
    await newcomer.expect("ask-region")
    await newcomer.presses(tr("region-TK"), "ask-interests")
    newcomer.user.press("▫️ " + tr("interest-hearings"))
    await newcomer.user.next_message()
    await newcomer.presses(tr("interests-done", count=1))
    await newcomer.message()  # summary
    await newcomer.presses(tr("summary-confirm"), "registration-complete", name="Aziza Rahimova")
    await newcomer.expect("main-menu")
    card = await newcomer.message()
    assert (card.text or "").startswith("Open data law")
    assert tr("hearing-button-signup") in card.buttons


async def test_editing_the_time_and_cancelling_notify_everyone_in_their_language(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    hearing_id = seed_hearing(bot_app, starts_in=timedelta(days=2), seats=1, title="Roads")
    seed_volunteer(bot_app, ADMIN_ID, "en")
    admin = person(standin, all_locales, ADMIN_ID, "en")
    attendees = []
    for user_id, language in ((4040, "ru"), (4041, "uz")):
        seed_volunteer(bot_app, user_id, language)
        someone = person(standin, all_locales, user_id, language)
        await open_card(someone, hearing_id)
        someone.user.press_data(f"h:{hearing_id}:signup")  # "Sign up", then "Join the list"
        await someone.user.next_message()
        await someone.message()
        attendees.append(someone)

    await open_card(admin, hearing_id)
    await admin.presses(admin.tr("hearing-button-edit"), "form-edit-which")
    await admin.presses(admin.tr("form-field-starts-at"), "form-ask-starts", zone="Asia/Tashkent")
    new_start = (
        (datetime.now(UTC) + timedelta(days=6))
        .astimezone(ZONE)
        .replace(hour=15, minute=0, second=0, microsecond=0)
    )
    await admin.says(new_start.strftime("%Y-%m-%d %H:%M"), "hearing-saved")
    await admin.message()  # the updated card
    for someone in attendees:  # the confirmed and the waiting are both told
        changed = await someone.message()
        assert (changed.text or "").startswith("⚠️ Roads")
        assert changed.buttons == [someone.tr("hearing-button-open")]
    [row] = bot_app.query("SELECT starts_at FROM hearings WHERE id = ?", (hearing_id,))
    assert datetime.fromisoformat(row["starts_at"]) == new_start

    # The list of people, with phones, for the coordinator.
    admin.user.press(admin.tr("hearing-button-people"))
    people = await admin.message()
    assert "+99890" in (people.text or "") and admin.tr("people-waiting").strip("<b>/") in (
        people.text or ""
    )

    await admin.presses(admin.tr("hearing-button-stop"), "form-ask-reason", title="Roads")
    await admin.says("The committee postponed it", "hearing-cancelled-done", count=2)
    for someone in attendees:
        await someone.expect(
            "hearing-cancelled-notice", title="Roads", reason="The committee postponed it"
        )
    # Sent through the outbox; the coordinator hears the outcome once all are out.
    await admin.expect("hearing-cancelled-outcome", title="Roads", sent=2, total=2)
    [row] = bot_app.query("SELECT status, cancel_reason FROM hearings")
    assert tuple(row) == ("cancelled", "The committee postponed it")
    notices = bot_app.query("SELECT kind, status, count(*) FROM notices GROUP BY kind, status")
    assert {(r[0], r[1]): r[2] for r in notices} == {
        ("changed", "sent"): 2,
        ("cancelled", "sent"): 2,
    }
