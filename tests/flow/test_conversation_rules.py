"""Conversations that never trap, double-count or drop (issue: defects found by driving
the bot as people do). Each test here failed before its fix."""

from __future__ import annotations

from datetime import timedelta

from bot.i18n import Locales
from standin import BotAPIStandin, StandinGroup
from tests.conftest import ADMIN_ID, BotInProcess, plain
from tests.flow.conftest import Person, person, seat, seed_hearing, seed_volunteer
from tests.flow.test_broadcast import (
    ended,
    send_to_everyone,
    status_message,
    the_admin,
    until,
    volunteers,
)
from tests.flow.test_hearings import open_card
from tests.flow.test_reports import (  # the fixtures too: same settings and group
    answer_checklist,
    bot_env,
    coordinators,
    fill_files,
    observer_of,
    open_review,
    submit,
)

__all__ = ["bot_env", "coordinators"]


async def test_edit_on_the_review_changes_an_answer_and_a_double_submit_counts_once(
    standin: BotAPIStandin,
    bot_app: BotInProcess,
    all_locales: Locales,
    coordinators: StandinGroup,
) -> None:
    observer, _ = observer_of(standin, bot_app, all_locales, 7102, "en")
    tr = observer.tr
    observer.user.send_text("/report")
    await answer_checklist(observer)
    await fill_files(observer)
    review = await open_review(observer)
    assert review.buttons == [tr("report-submit"), tr("report-edit"), tr("report-discard")]

    # ✏️ Edit shows one button per question (and notes and files) on the same message.
    await observer.presses(tr("report-edit"))
    choices = await observer.user.next_message()
    assert choices.edited and tr("report-short-members_attended") in choices.buttons
    assert tr("report-edit-files") in choices.buttons and tr("button-back") in choices.buttons
    # Back gives the review its own buttons again, on the same message; Edit again, then
    # change one answer.
    await observer.presses(tr("button-back"))
    restored = await observer.user.next_message()
    assert restored.edited and restored.buttons == review.buttons
    await observer.presses(tr("report-edit"))
    await observer.user.next_message()
    await observer.presses(tr("report-short-members_attended"))
    await observer.user.next_message()
    asked = await observer.message()
    assert tr("report-q-members_attended") in (asked.text or "")
    observer.user.send_text("15")
    review = await observer.message()  # straight back to the review, with the new answer
    assert "15" in (review.text or "") and review.buttons[0] == tr("report-submit")

    # Submit, pressed twice on the same message: one receipt, one event.
    first = observer.user.press(tr("report-submit"))
    second = observer.user.press(tr("report-submit"))
    assert not (await first.answer()).get("show_alert")
    again = await second.answer()
    assert again.get("text") == tr("report-already-submitted", number=1)
    await bot_app.settle()
    receipts = [m for m in observer.user.drain() if not m.edited]
    assert len(receipts) == 1
    events = bot_app.query("SELECT event FROM report_events")
    assert [r["event"] for r in events] == ["submitted"]
    assert len([m for m in coordinators.drain() if not m.edited]) == 1


async def asked_for_a_comment(
    standin: BotAPIStandin,
    bot_app: BotInProcess,
    locales: Locales,
    coordinators: StandinGroup,
    observer_id: int,
    language: str,
) -> tuple[Person, Person]:
    """An observer's report submitted, and the admin asked for a Return comment."""
    observer, _ = observer_of(standin, bot_app, locales, observer_id, language)
    seed_volunteer(bot_app, ADMIN_ID, "en", name="Coordinator")
    admin = person(standin, locales, ADMIN_ID, "en")
    observer.user.send_text("/report")
    await answer_checklist(observer)
    await fill_files(observer)
    await submit(observer)
    await coordinators.next_message()
    await coordinators.press(admin.user, locales.get("uz")("review-return")).answer()
    await admin.expect("review-ask-comment", number=1)
    return observer, admin


async def test_the_same_submit_pressed_after_a_return_resubmits_once(
    standin: BotAPIStandin,
    bot_app: BotInProcess,
    all_locales: Locales,
    coordinators: StandinGroup,
) -> None:
    observer, admin = await asked_for_a_comment(
        standin, bot_app, all_locales, coordinators, 7103, "ru"
    )
    await admin.says("Add the agenda.", "review-returned-done", number=1)
    returned = await observer.expect(
        "report-returned", number=1, title="Pension reform", comment="Add the agenda."
    )
    await observer.presses(returned.buttons[0])
    await observer.message()  # the review
    for _ in range(2):
        observer.user.press(observer.tr("report-submit"))
    await bot_app.settle()
    events = [r["event"] for r in bot_app.query("SELECT event FROM report_events ORDER BY id")]
    assert events == ["submitted", "returned", "resubmitted"]


async def test_a_redelivered_update_takes_effect_once(
    standin: BotAPIStandin,
    bot_app: BotInProcess,
    all_locales: Locales,
    coordinators: StandinGroup,
) -> None:
    observer, _ = observer_of(standin, bot_app, all_locales, 7104, "en")
    observer.user.send_text("/report")
    await answer_checklist(observer)
    await observer.message()  # the notes and files prompt
    await observer.says("The chair opened at 10:20.", "report-note-saved", length=26, max=10_000)
    note = standin.injected[-1]
    standin.redeliver(note)  # Telegram did not hear the confirmation: the same update again
    await bot_app.expect_silence(observer)
    [row] = bot_app.query("SELECT notes FROM reports")
    assert row["notes"] == "The chair opened at 10:20."
    assert "outcome=repeat" in bot_app.log()

    # A toggle (an interest, during registration) is not switched back by a repeat.
    newcomer = person(standin, all_locales, 7105, "en")
    await newcomer.consents()
    await newcomer.says("Aziz Karimov", "ask-phone")
    newcomer.user.send_contact("+998 90 123 45 67")
    await newcomer.expect("phone-saved")
    await newcomer.expect("ask-region")
    await newcomer.presses(newcomer.tr("region-TK"), "ask-interests")
    newcomer.user.press("▫️ " + newcomer.tr("interest-ngo"))
    ticked = await newcomer.user.next_message()
    assert "✅ " + newcomer.tr("interest-ngo") in ticked.buttons
    standin.redeliver(standin.injected[-1])
    await bot_app.expect_silence(newcomer)
    [state] = bot_app.query("SELECT data FROM fsm_states WHERE user_id = 7105")
    assert '"ngo"' in state["data"]


async def test_a_redelivered_refusal_is_not_answered_again(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    # A press the bot refused (its effects rolled back) was answered all the same: when
    # Telegram delivers it again, answering the same query a second time is an error.
    someone = person(standin, all_locales, 7107, "en")
    await someone.says("/help", "help")
    press = someone.user.press_data("h:999999:signup")  # a hearing that does not exist
    await press.answer()
    await bot_app.settle()
    assert "update refused id=2" in bot_app.log()
    someone.user.drain()
    standin.redeliver(standin.injected[-1])
    await bot_app.settle()
    await bot_app.expect_silence(someone)
    assert not standin.violations, standin.violations
    assert "outcome=repeat" in bot_app.log().splitlines()[-1]


async def test_updates_no_handler_takes_are_logged_as_unhandled(
    standin: BotAPIStandin, bot_app: BotInProcess
) -> None:
    # Small talk in a group the bot is in: nothing in the bot handles that.
    group = standin.group(-100555, title="Somewhere")
    group.send_text(standin.user(7106, first_name="A"), "hello everyone")
    await bot_app.settle()
    lines = [line for line in bot_app.log().splitlines() if "type=message" in line]
    assert lines and "outcome=unhandled" in lines[-1]


async def test_numbers_too_big_for_the_database_are_refused_not_crashed(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    seed_volunteer(bot_app, ADMIN_ID, "en", name="Admin Aliyev")
    admin = person(standin, all_locales, ADMIN_ID, "en")
    admin.user.send_text("/coordinators")
    await admin.expect_start("coord-title")
    await admin.presses(admin.tr("coord-add"), "coord-ask")
    for typed in ("9" * 40, "0", "-5", "4503599627370497"):
        await admin.says(typed, "coord-bad-input")
    # Deep links and forged buttons with huge ids: a clear answer, no crash.
    someone = person(standin, all_locales, 7107, "en")
    await someone.says("/start h" + "9" * 40, "start-greeting")
    assert await someone.refused(data="h:" + "9" * 40 + ":open")
    assert "Traceback" not in bot_app.log() and "OverflowError" not in bot_app.log()


async def test_a_reply_to_someone_who_just_blocked_the_bot_is_not_a_crash(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    seed_volunteer(bot_app, 7108, "en")
    someone = person(standin, all_locales, 7108, "en")
    standin.fail_next("sendMessage", 403, chat_id=7108)
    someone.user.send_text("/help")
    await bot_app.expect_silence(someone)
    log = bot_app.log()
    assert "reply refused" in log and "ERROR" not in log and "Traceback" not in log
    [row] = bot_app.query("SELECT unreachable_at FROM users WHERE id = 7108")
    assert row["unreachable_at"] is not None  # left out of broadcasts until they write


async def test_an_update_of_a_type_this_aiogram_does_not_know_is_dropped_quietly(
    bot_app: BotInProcess,
) -> None:
    from aiogram.types import Update

    update = Update.model_validate(
        {"update_id": 9_000_001, "future_thing": {"from": {"id": 1, "first_name": "Ali"}}}
    )
    # filterwarnings = error: aiogram's warning (which prints the whole update) would fail.
    await bot_app.app.dp.feed_update(bot_app.app.bot, update)
    assert "update id=9000001 type=unknown outcome=dropped" in bot_app.log()
    assert bot_app.app.dp["unit_of_work"].unknown_types == 1


async def test_a_reply_answered_5xx_is_sent_again(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    someone = person(standin, all_locales, 7109, "en")
    standin.fail_next("sendMessage", 502, times=2, chat_id=7109)
    await someone.says("/help", "help")  # the third try went through
    assert "request retried method=SendMessage attempt=2" in bot_app.log()

    # Telegram down for longer than the retries: logged, and the next update works.
    standin.fail_next("sendMessage", 502, times=10, chat_id=7109)
    someone.user.send_text("/help")
    await bot_app.settle()
    standin.clear_failures()
    await someone.says("/help", "help")
    sends = [c for c in standin.calls_to("sendMessage") if c.chat_id == 7109]
    assert [c.status for c in sends].count(502) == 2 + 4


async def test_notes_sent_after_leaving_the_report_go_into_the_open_draft(
    standin: BotAPIStandin,
    bot_app: BotInProcess,
    all_locales: Locales,
    coordinators: StandinGroup,
) -> None:
    observer, hearing_id = observer_of(standin, bot_app, all_locales, 7110, "en")
    observer.user.send_text("/report")
    await answer_checklist(observer)
    await observer.message()  # the notes and files prompt
    await observer.says("First note.", "report-note-saved", length=11, max=10_000)

    # Opening the hearing's card leaves report mode; the next note is not lost.
    observer.user.send_text(f"/start h{hearing_id}")
    await observer.message()
    await observer.says("Second note.", "report-note-saved", length=25, max=10_000)
    # Nor after an urgent alert.
    observer.user.send_text(f"/start h{hearing_id}")
    await observer.message()
    await observer.presses(
        observer.tr("hearing-button-urgent"), "urgent-ask", title="Pension reform"
    )
    await observer.says("Microphones are off.", "urgent-queued")
    await observer.expect("urgent-sent")
    await coordinators.next_message()
    observer.user.send_photo()
    await observer.expect("report-file-saved", count=1, max=30)
    [row] = bot_app.query(
        "SELECT notes, (SELECT count(*) FROM report_attachments) AS n FROM reports"
    )
    assert row["notes"] == "First note.\n\nSecond note." and row["n"] == 1

    # Someone without a draft still gets the catch-all answer.
    seed_volunteer(bot_app, 7111, "en")
    other = person(standin, all_locales, 7111, "en")
    await other.says("hello?", "unexpected-input")


async def test_my_lists_hearings_under_way_and_reports_due_with_their_card_actions(
    standin: BotAPIStandin,
    bot_app: BotInProcess,
    all_locales: Locales,
    coordinators: StandinGroup,
) -> None:
    hearing_id = seed_hearing(bot_app, starts_in=timedelta(minutes=-30), title="Open budget")
    seed_volunteer(bot_app, 7112, "en")
    seat(bot_app, hearing_id, 7112)
    later = seed_hearing(bot_app, starts_in=timedelta(days=2), title="Later one")
    seat(bot_app, later, 7112)
    observer = person(standin, all_locales, 7112, "en")
    tr = observer.tr

    observer.user.send_text("/my")
    listing = await observer.message()
    text = listing.text or ""
    assert tr("my-under-way") in text and text.index("Open budget") < text.index("Later one")
    await observer.presses(listing.buttons[0])
    card = await observer.user.next_message()  # the list becomes the card
    assert tr("hearing-button-urgent") in card.buttons  # the alert is one tap away

    await bot_app.clock.advance(hours=3)  # it is over: the report is awaited
    nudge = await observer.message()
    assert nudge.buttons == [tr("report-write")]
    observer.user.send_text("/my")
    listing = await observer.message()
    assert tr("my-report-due") in (listing.text or "")
    await bot_app.clock.advance(days=14)  # the window has closed
    await bot_app.settle()
    observer.user.drain()
    observer.user.send_text("/my")
    listing = await observer.message()
    assert "Open budget" not in (listing.text or "")


async def test_a_summary_lost_to_telegram_errors_is_shown_after_the_next_start(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    coordinator = the_admin(standin, bot_app, all_locales, "en")
    volunteers(standin, bot_app, (7201, 7202), "uz")
    broadcast_id = await send_to_everyone(coordinator, 3)
    # From now on every edit of the coordinator's status message fails, retries included
    # (the admin gets a copy too, a second after their preview: the end is later).
    standin.fail_next("editMessageText", 502, times=1000, chat_id=ADMIN_ID)
    await ended(bot_app, broadcast_id)
    await bot_app.settle()
    summary = plain(
        coordinator.tr("bc-summary-done", id=broadcast_id, sent=3, total=3, unreachable=0,
                       failed=0, uncertain=0, not_sent=0)
    )  # fmt: skip
    assert status_message(coordinator, bot_app, broadcast_id).text != summary
    standin.clear_failures()
    await bot_app.restart()
    await until(lambda: status_message(coordinator, bot_app, broadcast_id).text == summary)


async def test_hearing_notices_queued_before_a_restart_go_out_after_it_once(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    hearing_id = seed_hearing(bot_app, starts_in=timedelta(days=2), title="Notice test")
    people = [person(standin, all_locales, user_id, "ru") for user_id in (7301, 7302, 7303)]
    for someone in people:
        seed_volunteer(bot_app, someone.id, "ru")
        seat(bot_app, hearing_id, someone.id)
    # Queued with a change, as a handler does, but the bot stops before sending: one was
    # claimed when it died (may have gone out: not resent), two were still pending.
    await bot_app.stop()
    now = bot_app.clock.now().isoformat()
    for user_id, status in ((7301, "sending"), (7302, "pending"), (7303, "pending")):
        bot_app.write(
            "INSERT INTO notices (batch, kind, hearing_id, user_id, status, created_at)"
            " VALUES ('promoted:x', 'promoted', ?, ?, ?, ?)",
            (hearing_id, user_id, status, now),
        )
    await bot_app.start()
    for someone in people[1:]:
        await someone.expect("signup-promoted", title="Notice test")
    await bot_app.restart()
    await bot_app.expect_silence(*people)
    rows = bot_app.query("SELECT user_id, status FROM notices ORDER BY user_id")
    assert [tuple(r) for r in rows] == [(7301, "uncertain"), (7302, "sent"), (7303, "sent")]
    assert "notices left mid-send by a crash, not resent: 1" in bot_app.log()


def form_state(bot_app: BotInProcess, user_id: int) -> str | None:
    rows = bot_app.query("SELECT state FROM fsm_states WHERE user_id = ?", (user_id,))
    return rows[0]["state"] if rows else None


async def coordinator_at_card(
    standin: BotAPIStandin, bot_app: BotInProcess, locales: Locales, hearing_id: int
) -> Person:
    seed_volunteer(bot_app, ADMIN_ID, "en", name="Coordinator Karimov")
    admin = person(standin, locales, ADMIN_ID, "en")
    await open_card(admin, hearing_id)
    return admin


async def test_a_cancellation_reason_for_a_hearing_cancelled_meanwhile_ends_the_form(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    # The form's clear was made in the refused update's transaction and rolled back with
    # it: every later message got "this hearing was cancelled" again.
    hearing_id = seed_hearing(bot_app, starts_in=timedelta(days=2), title="Roads")
    admin = await coordinator_at_card(standin, bot_app, all_locales, hearing_id)
    await admin.presses(admin.tr("hearing-button-stop"), "form-ask-reason", title="Roads")
    bot_app.write(  # another coordinator cancels it meanwhile
        "UPDATE hearings SET status = 'cancelled', cancel_reason = 'Moved' WHERE id = ?",
        (hearing_id,),
    )
    await admin.says("Postponed by the committee", "hearing-is-cancelled")
    assert form_state(bot_app, ADMIN_ID) is None
    await admin.says("Hello", "unexpected-input")
    assert bot_app.query("SELECT cancel_reason FROM hearings")[0]["cancel_reason"] == "Moved"


async def test_an_edit_of_a_hearing_that_has_started_meanwhile_ends_the_form(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    hearing_id = seed_hearing(bot_app, starts_in=timedelta(hours=1), title="Roads")
    admin = await coordinator_at_card(standin, bot_app, all_locales, hearing_id)
    await admin.presses(admin.tr("hearing-button-edit"), "form-edit-which")
    await admin.presses(admin.tr("form-field-title"), "form-ask-title")
    await bot_app.clock.advance(timedelta(hours=2))
    await admin.says("Roads and bridges", "hearing-has-started")
    assert form_state(bot_app, ADMIN_ID) is None
    await admin.says("Hello", "unexpected-input")
    assert bot_app.query("SELECT title FROM hearings")[0]["title"] == "Roads"


async def test_a_return_comment_for_a_report_accepted_meanwhile_ends_the_form(
    standin: BotAPIStandin,
    bot_app: BotInProcess,
    all_locales: Locales,
    coordinators: StandinGroup,
) -> None:
    observer, admin = await asked_for_a_comment(
        standin, bot_app, all_locales, coordinators, 7131, "en"
    )
    group_tr = all_locales.get("uz")
    await coordinators.press(admin.user, group_tr("review-accept")).answer()  # changed mind
    await coordinators.next_message()  # the card, edited to say it was accepted
    await admin.says("Please add the agenda", "review-already")
    assert form_state(bot_app, ADMIN_ID) is None
    await admin.says("Hello", "unexpected-input")
    assert bot_app.query("SELECT status FROM reports")[0]["status"] == "accepted"
    # The observer hears of the acceptance only, never of a return.
    await observer.expect("report-accepted", number=1, title="Pension reform")
    await bot_app.expect_silence(observer)
