"""Observer reports end to end: the checklist, notes, files, receipt, review, nudges."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import datetime, timedelta

import pytest

from bot.i18n import Locales
from standin import BotAPIStandin, BotMessage, StandinGroup
from tests.conftest import ADMIN_ID, BotInProcess, plain
from tests.flow.conftest import Person, person, seat, seed_hearing, seed_volunteer

GROUP = -100777


@pytest.fixture
def bot_env() -> dict[str, str]:
    return {"ADMIN_IDS": str(ADMIN_ID), "COORDINATOR_CHAT_ID": str(GROUP)}


@pytest.fixture
def coordinators(standin: BotAPIStandin) -> StandinGroup:
    return standin.group(GROUP, title="Coordinators")


def observer_of(
    standin: BotAPIStandin, process: BotInProcess, locales: Locales, user_id: int, language: str
) -> tuple[Person, int]:
    hearing_id = seed_hearing(process, starts_in=timedelta(hours=-2), title="Pension reform")
    seed_volunteer(process, user_id, language, name="Malika Yusupova")
    seat(process, hearing_id, user_id)
    return person(standin, locales, user_id, language), hearing_id


async def answer_checklist(observer: Person, *, until: str | None = None) -> None:
    """Answer the eight questions the way a person does, with one wrong number first."""
    tr = observer.tr
    steps = [
        ("started_on_time", "yes"), ("open_to_public", "yes"), ("press_present", "no"),
        ("civil_society_spoke", "yes"), ("members_attended", "12"),
        ("documents_beforehand", "partly"), ("openness", "4"),
        ("main_issue", "Pension age for teachers"),
    ]  # fmt: skip
    for question, value in steps:
        if question == until:
            return
        asked = await observer.message()
        assert tr(f"report-q-{question}") in (asked.text or ""), asked.text
        if question == "members_attended":
            await observer.says("a dozen", "report-answer-number", min=0, max=250)
            observer.user.send_text(value)
        elif question == "main_issue":
            observer.user.send_text(value)
        else:
            label = (
                tr(f"report-{value}")
                if value in ("yes", "no")
                else tr(f"report-q-{question}-{value}")
            )
            observer.user.press(label)
            await observer.user.next_message()  # the answered question loses its buttons


async def fill_files(observer: Person) -> list[str]:
    """Notes in two messages, an album, a document and a voice message; return file ids."""
    tr = observer.tr
    prompt = await observer.message()
    assert prompt.text == plain(
        tr("report-files-prompt", notes=0, max_notes=10000, files=0, max_files=30)
    )
    await observer.says("The chair opened at 10:20.", "report-note-saved", length=26, max=10_000)
    await observer.says("Two NGOs spoke.", "report-note-saved", length=43, max=10_000)
    album = observer.user.send_album(n=3)
    await observer.expect("report-album-saved")
    document = observer.user.send_document(file_name="agenda.pdf")
    await observer.expect("report-file-saved", count=4, max=30)
    voice = observer.user.send_voice(duration=4)
    await observer.expect("report-file-saved", count=5, max=30)
    await observer.user.expect_no_message(within=0.05)  # one answer per thing sent
    return [m["photo"][-1]["file_unique_id"] for m in album] + [
        document["document"]["file_unique_id"], voice["voice"]["file_unique_id"],
    ]  # fmt: skip


async def open_review(observer: Person) -> BotMessage:
    """Files done: the bot closes the files step, then shows the whole report to review."""
    observer.user.press(observer.tr("report-files-done"))
    await observer.user.next_message()
    return await observer.message()


async def submit(observer: Person) -> str:
    tr = observer.tr
    review = await open_review(observer)
    assert (review.text or "").startswith(
        plain(tr("report-review", title="Pension reform", answers="", notes="", files=0))[:20]
    )
    observer.user.press(tr("report-submit"))
    await observer.user.next_message()
    receipt = await observer.message()
    match = re.search(r"\b([0-9a-f]{64})\b", receipt.text or "")
    assert match, receipt.text
    return match.group(1)


async def test_a_full_report_with_every_kind_of_answer_and_file(
    standin: BotAPIStandin,
    bot_app: BotInProcess,
    all_locales: Locales,
    coordinators: StandinGroup,
) -> None:
    observer, hearing_id = observer_of(standin, bot_app, all_locales, 7000, "en")
    observer.user.send_text("/report")
    await answer_checklist(observer)
    file_ids = await fill_files(observer)
    digest = await submit(observer)

    [row] = bot_app.query("SELECT * FROM reports")
    assert row["status"] == "submitted"
    answers = json.loads(row["answers"])
    assert answers == {
        "started_on_time": "yes", "open_to_public": "yes", "press_present": "no",
        "civil_society_spoke": "yes", "members_attended": 12,
        "documents_beforehand": "partly", "openness": "4",
        "main_issue": "Pension age for teachers",
    }  # fmt: skip
    # The receipt's fingerprint, recomputed from what was sent (README: "The receipt").
    canonical = json.dumps(
        {
            "report": row["id"], "hearing": hearing_id, "form": 1, "answers": answers,
            "notes": "The chair opened at 10:20.\n\nTwo NGOs spoke.", "attachments": file_ids,
        },
        ensure_ascii=False, sort_keys=True, separators=(",", ":"),
    )  # fmt: skip
    assert digest == hashlib.sha256(canonical.encode()).hexdigest() == row["fingerprint"]
    groups = bot_app.query("SELECT count(DISTINCT media_group_id) AS n FROM report_attachments")
    assert groups[0]["n"] == 1  # the album stays one group

    card = await coordinators.next_message()
    tr = all_locales.get("uz")  # the group gets DEFAULT_LANGUAGE
    assert "Malika Yusupova" in (card.text or "") and "+99890" not in (card.text or "")
    assert card.buttons == [tr("review-open"), tr("review-accept"), tr("review-return")]


async def test_a_restart_halfway_loses_nothing(
    standin: BotAPIStandin,
    bot_app: BotInProcess,
    all_locales: Locales,
    coordinators: StandinGroup,
) -> None:
    observer, _ = observer_of(standin, bot_app, all_locales, 7001, "ru")
    observer.user.send_text("/report")
    await answer_checklist(observer, until="members_attended")
    await observer.message()  # question 5 is on the screen
    await bot_app.restart()
    observer.user.send_text("/report")
    again = await observer.message()
    assert observer.tr("report-q-members_attended") in (again.text or "")
    assert observer.tr("report-progress", number=5, total=8).replace("<b>", "").replace(
        "</b>", ""
    ) in (again.text or "")
    observer.user.send_text("7")
    await observer.message()
    await bot_app.restart()
    # Even with the chat state gone, the report row knows the step.
    bot_app.write("DELETE FROM fsm_states")
    observer.user.send_text("/report")
    resumed = await observer.message()
    assert observer.tr("report-q-documents_beforehand") in (resumed.text or "")
    [row] = bot_app.query("SELECT answers FROM reports")
    assert json.loads(row["answers"])["members_attended"] == 7


async def test_review_open_return_resubmit_accept(
    standin: BotAPIStandin,
    bot_app: BotInProcess,
    all_locales: Locales,
    coordinators: StandinGroup,
) -> None:
    observer, _ = observer_of(standin, bot_app, all_locales, 7002, "uz")
    seed_volunteer(bot_app, ADMIN_ID, "en", name="Coordinator")
    admin = person(standin, all_locales, ADMIN_ID, "en")
    admin.user.send_text("/start")
    await admin.message()
    observer.user.send_text("/report")
    await answer_checklist(observer)
    await fill_files(observer)
    await submit(observer)
    card = await coordinators.next_message()
    group_tr = all_locales.get("uz")

    # Open: the whole report, privately, albums as albums.
    opened = await coordinators.press(admin.user, group_tr("review-open")).answer()
    assert opened.get("text") == admin.tr("review-sent-privately")
    full = await admin.message()
    assert "+99890" in (full.text or "")  # the phone number, in the private chat only
    notes = await admin.message()
    assert "Two NGOs spoke." in (notes.text or "")
    album = [await admin.message() for _ in range(3)]
    assert len({m.media_group_id for m in album}) == 1 and album[0].media_group_id
    assert (await admin.message()).document is not None
    assert (await admin.message()).voice is not None

    # Return with a comment, typed privately.
    await coordinators.press(admin.user, group_tr("review-return")).answer()
    await admin.expect("review-ask-comment", number=card.message_id and 1)
    await admin.says("Please add the agenda's second page.", "review-returned-done", number=1)
    returned = await observer.expect(
        "report-returned",
        number=1,
        title="Pension reform",
        comment="Please add the agenda's second page.",
    )
    updated = await coordinators.next_message()
    assert updated.edited and group_tr("review-status-returned") in (updated.text or "")

    # The observer edits and resubmits: the card is updated, not duplicated.
    observer.user.press(returned.buttons[0])
    await observer.message()  # the review
    observer.user.press(observer.tr("report-submit"))
    await observer.user.next_message()
    await observer.message()  # a new receipt
    resubmitted = await coordinators.next_message()
    assert resubmitted.edited and group_tr("review-status-submitted") in (resubmitted.text or "")

    await coordinators.press(admin.user, group_tr("review-accept")).answer()
    await observer.expect("report-accepted", number=1, title="Pension reform")
    accepted = await coordinators.next_message()
    assert accepted.buttons == [group_tr("review-open")]
    history = bot_app.query("SELECT event, actor_id, comment FROM report_events ORDER BY id")
    assert [tuple(r) for r in history] == [
        ("submitted", 7002, None),
        ("returned", ADMIN_ID, "Please add the agenda's second page."),
        ("resubmitted", 7002, None),
        ("accepted", ADMIN_ID, None),
    ]
    # Accepted reports are closed to edits.
    await observer.says("/report", "report-locked")


async def test_refusals(
    standin: BotAPIStandin,
    bot_app: BotInProcess,
    all_locales: Locales,
    coordinators: StandinGroup,
) -> None:
    observer, hearing_id = observer_of(standin, bot_app, all_locales, 7003, "en")
    seed_volunteer(bot_app, 7004, "en", name="Not Seated")
    stranger = person(standin, all_locales, 7004, "en")
    await stranger.says("/report", "report-not-allowed")
    stranger.user.send_text("/start")
    await stranger.message()
    assert await stranger.refused(data=f"rh:{hearing_id}") == stranger.tr("report-not-allowed")

    observer.user.send_text("/report")
    await observer.message()
    observer.user.press(observer.tr("report-yes"))
    await observer.user.next_message()
    await observer.message()
    # A button of an earlier question, pressed again (forged onto the old message): stale.
    stale = observer.user.press_data("rp:1:answer:started_on_time=no")
    assert (await stale.answer()).get("text") == observer.tr("button-stale")
    # Someone else's report id: refused, nothing changes.
    assert await stranger.refused(data="rp:1:answer:open_to_public=no") == stranger.tr(
        "report-not-found"
    )
    # A volunteer pressing a coordinator's review button (replayed or forged).
    assert await stranger.refused(data="rv:1:accept") == stranger.tr("coordinators-only")
    assert await stranger.refused(data="rq:0:0") == stranger.tr("coordinators-only")
    [row] = bot_app.query("SELECT status, answers FROM reports")
    assert row["status"] == "draft" and json.loads(row["answers"]) == {"started_on_time": "yes"}


async def test_an_urgent_alert_reaches_the_coordinators(
    standin: BotAPIStandin,
    bot_app: BotInProcess,
    all_locales: Locales,
    coordinators: StandinGroup,
) -> None:
    observer, hearing_id = observer_of(standin, bot_app, all_locales, 7005, "en")
    observer.user.send_text(f"/start h{hearing_id}")
    card = await observer.message()
    assert observer.tr("hearing-button-urgent") in card.buttons
    await observer.presses(
        observer.tr("hearing-button-urgent"), "urgent-ask", title="Pension reform"
    )
    observer.user.send_photo(caption="Observers were asked to leave the hall")
    await observer.expect("urgent-queued")
    await observer.expect("urgent-sent")
    alert = await coordinators.next_message(timeout=5)
    assert alert.photo is not None
    assert "Observers were asked to leave the hall" in (alert.caption or "")
    assert bot_app.query("SELECT count(*) AS n FROM urgent_alerts")[0]["n"] == 1


async def test_one_nudge_after_the_hearing_survives_restarts(
    standin: BotAPIStandin,
    bot_app: BotInProcess,
    all_locales: Locales,
    coordinators: StandinGroup,
) -> None:
    observer, hearing_id = observer_of(standin, bot_app, all_locales, 7006, "ru")
    seed_volunteer(bot_app, 7007, "en")
    seat(bot_app, hearing_id, 7007)
    bot_app.write(
        "INSERT INTO reports (hearing_id, user_id, status, form_version, step, created_at,"
        " updated_at) VALUES (?, 7007, 'submitted', 1, 'review', 'x', 'x')",
        (hearing_id,),
    )
    (starts_at,) = bot_app.query("SELECT starts_at FROM hearings WHERE id = ?", (hearing_id,))[0]
    bot_app.write(  # it lasts two hours
        "UPDATE hearings SET ends_at = strftime('%Y-%m-%dT%H:%M:%S+00:00', ?, '+2 hours')",
        (starts_at,),
    )
    await bot_app.stop()
    await bot_app.clock.move_to(datetime.fromisoformat(starts_at) + timedelta(hours=3))
    await bot_app.start()  # the nudge job runs at start
    nudge = await observer.expect("report-nudge", title="Pension reform")
    assert nudge.buttons == [observer.tr("report-write")]
    await bot_app.expect_silence(standin.user(7007))  # already reported
    await bot_app.restart()
    await bot_app.clock.advance(hours=1)  # the job runs every minute meanwhile
    await bot_app.expect_silence(observer)  # never twice
    await observer.presses(observer.tr("report-write"))
    asked = await observer.message()
    assert observer.tr("report-q-started_on_time") in (asked.text or "")
