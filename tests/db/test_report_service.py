"""The report rules (`bot.services.reports`) over real repositories on a migrated SQLite file:
the 14-day window, the checklist steps, notes and files limits, submit and review, the
receipt's fingerprint, and every refusal."""

from __future__ import annotations

import hashlib
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.db import Database, UnitOfWork
from bot.i18n import Locales
from bot.repositories.hearings import Hearing, HearingRepository
from bot.repositories.reports import NewAttachment, Report, ReportRepository
from bot.repositories.users import NewRegistration, UserRepository
from bot.services import errors
from bot.services import reports as rules
from bot.services.report_form import Question, ReportForm, load_form
from bot.services.reports import (
    ATTACHMENTS_LIMIT,
    FILES_STEP,
    NOTES_LIMIT,
    REPORT_WINDOW,
    REVIEW_STEP,
    URGENT_BEFORE,
)

STARTS = datetime(2026, 11, 20, 5, 0, tzinfo=UTC)  # 10:00 in Tashkent
NOW = STARTS + timedelta(hours=4)
SECOND = timedelta(seconds=1)
OBSERVER, OTHER, COORDINATOR = 1, 2, 9000
FORM = load_form()
FULL_ANSWERS: dict[str, str | None] = {
    "started_on_time": "yes", "open_to_public": "yes", "press_present": "no",
    "civil_society_spoke": "yes", "members_attended": "12", "documents_beforehand": "partly",
    "openness": "4", "main_issue": "Pension age for teachers",
}  # fmt: skip
STORED_ANSWERS: dict[str, Any] = {**FULL_ANSWERS, "members_attended": 12}


@dataclass(frozen=True)
class World:
    uow: UnitOfWork
    reports: ReportRepository
    hearings: HearingRepository
    hearing_id: int

    async def fresh(self, report: Report | int) -> Report:
        found = await self.reports.get(report if isinstance(report, int) else report.id)
        assert found is not None
        return found

    async def eligible(self, user_id: int = OBSERVER, now: datetime = NOW) -> list[Hearing]:
        return await rules.reportable_hearings(self.reports, self.hearings, user_id, now)

    async def open(self, user_id: int = OBSERVER, now: datetime = NOW) -> Report:
        eligible = await self.eligible(user_id, now)
        return await rules.open_report(self.reports, FORM, self.hearing_id, user_id, eligible, now)

    async def answer(self, report: Report, question_id: str, value: str | None) -> str:
        return await rules.answer(
            self.reports, FORM, await self.fresh(report), question_id, value, NOW
        )

    async def answer_all(self, report: Report) -> Report:
        for question in FORM.questions:
            await self.answer(report, question.id, FULL_ANSWERS[question.id])
        return await self.fresh(report)

    async def events(self) -> list[tuple[Any, ...]]:
        rows = await self.uow.fetch_all(
            "SELECT report_id, event, actor_id, comment, at FROM report_events ORDER BY id"
        )
        return [tuple(row) for row in rows]


async def add_hearing(uow: UnitOfWork, starts_at: datetime, **columns: Any) -> int:
    values = {
        "title": "Pension reform", "chamber": "senate", "committee": "Social committee",
        "starts_at": starts_at.isoformat(), "ends_at": None, "address": "Tashkent", "seats": 5,
        "status": "published", "created_at": NOW.isoformat(), "updated_at": NOW.isoformat(),
        **columns,
    }  # fmt: skip
    names = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    return await uow.insert(
        f"INSERT INTO hearings ({names}) VALUES ({marks})", tuple(values.values())
    )


async def add_seat(
    uow: UnitOfWork, hearing_id: int, user_id: int, status: str = "confirmed"
) -> None:
    await uow.execute(
        "INSERT INTO signups (hearing_id, user_id, status, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?)",
        (hearing_id, user_id, status, NOW.isoformat(), NOW.isoformat()),
    )


@asynccontextmanager
async def world(db: Database, starts_at: datetime = STARTS) -> AsyncIterator[World]:
    """An observer with a seat at a hearing, another volunteer with a seat too."""
    async with db.unit_of_work() as uow:
        users = UserRepository(uow)
        for user_id in (OBSERVER, OTHER, COORDINATOR):
            await users.save_language(user_id, "en", NOW)
            await users.register(
                user_id,
                NewRegistration(
                    f"Person {user_id}", f"person {user_id}", "+998901234567", "TK", (), "v1", NOW
                ),
                NOW,
            )
        hearing_id = await add_hearing(uow, starts_at)
        for user_id in (OBSERVER, OTHER):
            await add_seat(uow, hearing_id, user_id)
        yield World(uow, ReportRepository(uow), HearingRepository(uow), hearing_id)


async def submitted(w: World, user_id: int = OBSERVER) -> Report:
    report = await w.answer_all(await w.open(user_id))
    await receipt_for(w.reports, FORM, report, NOW)
    return await w.fresh(report)


# --- the window -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "allowed"),
    [
        (STARTS - SECOND, False),
        (STARTS, True),
        (STARTS + timedelta(hours=4), True),
        (STARTS + REPORT_WINDOW, True),
        (STARTS + REPORT_WINDOW + SECOND, False),
    ],
    ids=["a second before the start", "the start", "after", "14 days on", "a second later"],
)
async def test_the_report_window_is_the_start_to_fourteen_days_later_both_included(
    db: Database, now: datetime, allowed: bool
) -> None:
    async with world(db) as w:
        eligible = await w.eligible(now=now)
        assert [h.id for h in eligible] == ([w.hearing_id] if allowed else [])
        if allowed:
            report = await w.open(now=now)
            assert (report.status, report.step) == ("draft", "q:started_on_time")
        else:
            with pytest.raises(errors.ReportNotAllowedError) as refused:
                await w.open(now=now)
            assert refused.value.key == "report-not-allowed"
            assert await w.reports.find(w.hearing_id, OBSERVER) is None


async def receipt_for(
    reports: ReportRepository, form: ReportForm, report: Report, now: datetime
) -> rules.Receipt:
    """Submit a report whose required answers are all given: the receipt."""
    outcome = await rules.submit(reports, form, report, now)
    assert isinstance(outcome, rules.Receipt), outcome
    return outcome


async def test_the_window_is_fourteen_days() -> None:
    assert timedelta(days=14) == REPORT_WINDOW


async def test_a_note_of_the_announced_length_left_is_accepted(db: Database) -> None:
    async with world(db) as w:
        report = await w.answer_all(await w.open())
        await rules.add_note(w.reports, report, "a" * 9000, NOW)
        with pytest.raises(errors.NotesFullError) as refused:
            await rules.add_note(w.reports, await w.fresh(report), "b" * 2000, NOW)
        left = int(refused.value.args_for_text["left"])
        assert await rules.add_note(w.reports, await w.fresh(report), "b" * left, NOW) <= (
            NOTES_LIMIT
        )


# --- attachments --------------------------------------------------------------------------


def document(message_id: int) -> NewAttachment:
    return NewAttachment("document", message_id, f"doc-{message_id}", f"udoc-{message_id}")


def album_photo(message_id: int, group: str) -> NewAttachment:
    return NewAttachment("photo", message_id, f"ph-{message_id}", f"uph-{message_id}", group)


async def attach(
    w: World, report: Report, item: NewAttachment
) -> tuple[int, rules.FileAnswer | None]:
    return await rules.add_attachment(w.reports, await w.fresh(report), item, NOW)


async def test_each_file_is_counted_and_acknowledged_an_album_once(db: Database) -> None:
    async with world(db) as w:
        report = await w.answer_all(await w.open())
        results = [
            await attach(w, report, document(10)),
            await attach(w, report, album_photo(11, "g1")),
            await attach(w, report, album_photo(12, "g1")),
            await attach(w, report, album_photo(13, "g1")),
            await attach(w, report, NewAttachment("location", 14, latitude=41.3, longitude=69.2)),
            await attach(w, report, album_photo(15, "g2")),
        ]
    assert results == [
        (1, "saved"), (2, "album"), (3, None), (4, None), (5, "saved"), (6, "album"),
    ]  # fmt: skip


async def test_a_redelivered_file_is_neither_counted_nor_acknowledged_again(
    db: Database,
) -> None:
    async with world(db) as w:
        report = await w.answer_all(await w.open())
        assert await attach(w, report, document(10)) == (1, "saved")
        assert await attach(w, report, document(10)) == (1, None)
        assert (await w.fresh(report)).attachments == 1


async def fill(w: World, report: Report, count: int) -> None:
    for message_id in range(1000, 1000 + count):
        await w.reports.add_attachment(report.id, document(message_id), NOW)


async def test_the_thirtieth_file_is_kept_and_the_thirty_first_refused(db: Database) -> None:
    async with world(db) as w:
        report = await w.answer_all(await w.open())
        await fill(w, report, ATTACHMENTS_LIMIT - 1)
        assert await attach(w, report, document(10)) == (ATTACHMENTS_LIMIT, "saved")
        with pytest.raises(errors.AttachmentsFullError) as full:
            await attach(w, report, document(11))
        assert (await w.fresh(report)).attachments == ATTACHMENTS_LIMIT
    assert full.value.key == "report-files-full"
    assert full.value.args_for_text == {"max": 30}
    assert ATTACHMENTS_LIMIT == 30


async def test_an_album_past_the_limit_is_answered_full_once(db: Database) -> None:
    async with world(db) as w:
        report = await w.answer_all(await w.open())
        await fill(w, report, ATTACHMENTS_LIMIT - 1)
        crossing = [await attach(w, report, album_photo(m, "g1")) for m in (11, 12, 13)]
        late = [await attach(w, report, album_photo(m, "g2")) for m in (14, 15)]
        again = await attach(w, report, album_photo(12, "g1"))  # redelivered
        assert (await w.fresh(report)).attachments == ATTACHMENTS_LIMIT
    assert crossing == [
        (ATTACHMENTS_LIMIT, "album"), (ATTACHMENTS_LIMIT, "album-full"), (ATTACHMENTS_LIMIT, None),
    ]  # fmt: skip
    assert late == [(ATTACHMENTS_LIMIT, "album-full"), (ATTACHMENTS_LIMIT, None)]
    assert again == (ATTACHMENTS_LIMIT, None)


# --- submit, discard, review ----------------------------------------------------------------


async def test_submit_stamps_status_fingerprint_time_step_and_history(db: Database) -> None:
    async with world(db) as w:
        report = await w.answer_all(await w.open())
        await rules.add_note(w.reports, report, "Notes", NOW)
        await attach(w, report, document(10))
        receipt = await receipt_for(w.reports, FORM, await w.fresh(report), NOW)
        stored = await w.fresh(report)
        events = await w.events()
    assert receipt == rules.Receipt(report.id, NOW, stored.fingerprint or "", resubmitted=False)
    assert (stored.status, stored.step, stored.submitted_at) == ("submitted", REVIEW_STEP, NOW)
    assert events == [(report.id, "submitted", OBSERVER, None, NOW.isoformat())]


async def test_a_report_without_its_required_answers_is_not_submitted(db: Database) -> None:
    async with world(db) as w:
        report = await w.answer_all(await w.open())
        answers = {
            k: v for k, v in report.answers.items() if k not in ("press_present", "openness")
        }
        await w.reports.save_progress(report.id, answers, REVIEW_STEP, False, NOW)
        assert rules.missing_answers(FORM, await w.fresh(report)) == ["press_present", "openness"]
        outcome = await rules.submit(w.reports, FORM, await w.fresh(report), NOW)
        sent_back = await w.fresh(report)
        again = await rules.submit(w.reports, FORM, sent_back, NOW)  # a double tap
        # Answering the missing question returns to the review, not to question 4.
        assert await w.answer(report, "press_present", "yes") == REVIEW_STEP
        events = await w.events()
    assert outcome == rules.Unanswered("press_present", moved=True)
    assert again == rules.Unanswered("press_present", moved=False)
    assert (sent_back.status, sent_back.step, sent_back.back_to_review) == (
        "draft", "q:press_present", True,
    )  # fmt: skip
    assert sent_back.fingerprint is None and events == []


async def test_the_optional_question_is_not_missing() -> None:
    report = Report(1, 1, 1, "draft", 1, REVIEW_STEP, False, {}, "", None, None, 0, NOW)
    assert rules.missing_answers(FORM, report) == [q.id for q in FORM.questions if q.required]
    answered = replace(
        report, answers={k: v for k, v in STORED_ANSWERS.items() if k != "main_issue"}
    )
    assert rules.missing_answers(FORM, answered) == []


async def test_return_then_resubmit_then_accept_is_recorded_in_order(db: Database) -> None:
    later, latest = NOW + timedelta(hours=1), NOW + timedelta(hours=2)
    async with world(db) as w:
        report = await submitted(w)
        returned = await rules.review(
            w.reports, report.id, COORDINATOR, False, later, "Add the agenda"
        )
        receipt = await receipt_for(w.reports, FORM, returned, latest)
        again = await w.fresh(report)
        accepted = await rules.review(w.reports, report.id, COORDINATOR, True, latest)
        events = await w.events()
    assert returned.status == "returned"
    assert receipt.resubmitted and receipt.at == latest
    assert (again.status, again.submitted_at) == ("submitted", latest)
    assert accepted.status == "accepted" and not accepted.editable
    assert events == [
        (report.id, "submitted", OBSERVER, None, NOW.isoformat()),
        (report.id, "returned", COORDINATOR, "Add the agenda", later.isoformat()),
        (report.id, "resubmitted", OBSERVER, None, latest.isoformat()),
        (report.id, "accepted", COORDINATOR, None, latest.isoformat()),
    ]


async def test_submitting_again_what_is_already_with_the_coordinators_is_refused(
    db: Database,
) -> None:
    async with world(db) as w:
        report = await submitted(w)
        with pytest.raises(errors.ReportAlreadySubmittedError) as already:
            await receipt_for(w.reports, FORM, report, NOW + SECOND)
        assert already.value.key == "report-already-submitted"
        assert already.value.args_for_text == {"number": report.id}
        unchanged = await w.fresh(report)
        assert (unchanged.submitted_at, unchanged.fingerprint) == (NOW, report.fingerprint)
        # Changed since (Edit on a sent report), it goes again as a resubmission.
        await rules.add_note(w.reports, unchanged, "A late detail", NOW)
        receipt = await receipt_for(w.reports, FORM, await w.fresh(report), NOW + SECOND)
        events = await w.events()
    assert receipt.resubmitted and receipt.fingerprint != report.fingerprint
    assert [e[1] for e in events] == ["submitted", "resubmitted"]


@pytest.mark.parametrize("change", ["note", "file", "answer"])
async def test_only_what_was_submitted_can_be_accepted(db: Database, change: str) -> None:
    async with world(db) as w:
        report = await submitted(w)
        if change == "note":
            await rules.add_note(w.reports, report, "After sending", NOW)
        elif change == "file":
            await attach(w, report, document(77))
        else:
            flipped = "no" if report.answers["press_present"] == "yes" else "yes"
            answers = {**report.answers, "press_present": flipped}
            await w.reports.save_progress(report.id, answers, REVIEW_STEP, False, NOW)
        with pytest.raises(errors.ReportChangedError):
            await rules.review(w.reports, report.id, COORDINATOR, True, NOW)
        # Returned with a comment: possible, whatever it holds now.
        returned = await rules.review(w.reports, report.id, COORDINATOR, False, NOW, "x")
    assert returned.status == "returned"


async def test_a_review_needs_a_report_waiting_for_review(db: Database) -> None:
    async with world(db) as w:
        draft = await w.open(OTHER)
        with pytest.raises(errors.ReportNotFoundError):
            await rules.review(w.reports, draft.id, COORDINATOR, True, NOW)
        with pytest.raises(errors.ReportNotFoundError):
            await rules.review(w.reports, draft.id + 100, COORDINATOR, True, NOW)
        report = await submitted(w)
        await rules.review(w.reports, report.id, COORDINATOR, False, NOW, "Fix it")
        for accept in (True, False):  # returned: neither again until resubmitted
            with pytest.raises(errors.ReportAlreadyReviewedError) as already:
                await rules.review(w.reports, report.id, COORDINATOR, accept, NOW, "x")
            assert already.value.key == "review-already"
        await receipt_for(w.reports, FORM, await w.fresh(report), NOW)
        await rules.review(w.reports, report.id, COORDINATOR, True, NOW)
        for accept in (True, False):
            with pytest.raises(errors.ReportAlreadyReviewedError):
                await rules.review(w.reports, report.id, COORDINATOR, accept, NOW)
        assert [e[1] for e in await w.events()] == [
            "submitted", "returned", "resubmitted", "accepted",
        ]  # fmt: skip
        assert (await w.fresh(draft)).status == "draft"


async def test_coordinators_see_sent_reports_only(db: Database) -> None:
    async with world(db) as w:
        draft = await w.open(OTHER)
        report = await submitted(w)
        assert (await rules.sent_report(w.reports, report.id)).id == report.id
        for report_id in (draft.id, report.id + 100):
            with pytest.raises(errors.ReportNotFoundError):
                await rules.sent_report(w.reports, report_id)


async def test_discard_deletes_a_draft_with_its_files(db: Database) -> None:
    async with world(db) as w:
        report = await w.answer_all(await w.open())
        await attach(w, report, document(10))
        await rules.discard(w.reports, await w.fresh(report))
        assert await w.reports.get(report.id) is None
        files = await w.uow.fetch_all("SELECT id FROM report_attachments")
        assert files == []
        # A new start is a new, empty report.
        fresh = await w.open()
    assert (fresh.step, fresh.answers, fresh.attachments) == ("q:started_on_time", {}, 0)


@pytest.mark.parametrize("status", ["submitted", "returned", "accepted"])
async def test_a_sent_report_cannot_be_discarded(db: Database, status: str) -> None:
    async with world(db) as w:
        report = await submitted(w)
        await w.reports.set_status(report.id, status, NOW)
        with pytest.raises(errors.ReportLockedError):
            await rules.discard(w.reports, await w.fresh(report))
        assert (await w.fresh(report)).status == status


# --- the fingerprint ----------------------------------------------------------------------


def readme_digest(
    report: Report, notes: str, answers: dict[str, Any], attachments: list[str]
) -> str:
    """The receipt's fingerprint as README ("The receipt") tells anyone to compute it."""
    text = json.dumps(
        {
            "answers": answers, "attachments": attachments, "form": report.form_version,
            "hearing": report.hearing_id, "notes": notes, "report": report.id,
        },
        sort_keys=True, separators=(",", ":"), ensure_ascii=False,
    )  # fmt: skip
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


async def test_the_fingerprint_is_the_readme_recipe_over_what_was_sent(db: Database) -> None:
    async with world(db) as w:
        report = await w.answer_all(await w.open())
        note = "Ovoz berish «ochiq» bo‘ldi — 12 deputat"
        await rules.add_note(w.reports, report, note, NOW)
        await attach(w, report, album_photo(10, "g"))
        await attach(w, report, album_photo(11, "g"))
        await attach(w, report, NewAttachment("location", 12, latitude=41.311081, longitude=69.24))
        await attach(w, report, document(13))
        receipt = await receipt_for(w.reports, FORM, await w.fresh(report), NOW)
        stored = await w.fresh(report)
    expected = readme_digest(
        stored, note, STORED_ANSWERS,
        ["uph-10", "uph-11", "location:41.311081,69.24", "udoc-13"],
    )  # fmt: skip
    assert receipt.fingerprint == stored.fingerprint == expected
    assert len(expected) == 64


async def test_the_fingerprint_changes_with_any_part_of_the_content(db: Database) -> None:
    async with world(db) as w:
        report = await w.answer_all(await w.open())
        await rules.add_note(w.reports, report, "Notes", NOW)
        base = await w.fresh(report)
    digest = rules.content_digest(base, ["a", "b"])
    variants = [
        rules.content_digest(base, ["b", "a"]),  # order of files
        rules.content_digest(base, ["a"]),
        rules.content_digest(replace(base, notes="Notes."), ["a", "b"]),
        rules.content_digest(replace(base, answers={**base.answers, "openness": "5"}), ["a", "b"]),
        rules.content_digest(replace(base, id=base.id + 1), ["a", "b"]),
        rules.content_digest(replace(base, hearing_id=base.hearing_id + 1), ["a", "b"]),
        rules.content_digest(replace(base, form_version=2), ["a", "b"]),
    ]
    assert len({digest, *variants}) == len(variants) + 1
    # ...but not with what is not content: status, step, time, the attachment count.
    same = replace(base, status="accepted", step="q:x", back_to_review=True, attachments=9)
    assert rules.content_digest(same, ["a", "b"]) == digest


async def test_resubmitting_unchanged_content_gives_the_same_fingerprint(db: Database) -> None:
    async with world(db) as w:
        report = await submitted(w)
        first = report.fingerprint
        await rules.review(w.reports, report.id, COORDINATOR, False, NOW, "Check")
        unchanged = await receipt_for(w.reports, FORM, await w.fresh(report), NOW + SECOND)
        await rules.review(w.reports, report.id, COORDINATOR, False, NOW, "Check")
        await rules.add_note(w.reports, await w.fresh(report), "One more thing", NOW)
        changed = await receipt_for(w.reports, FORM, await w.fresh(report), NOW + 2 * SECOND)
    assert first is not None
    assert unchanged.fingerprint == first
    assert changed.fingerprint != first


# --- urgent alerts and summaries -------------------------------------------------------------


def a_hearing(**changes: Any) -> Hearing:
    base = Hearing(
        title="Pension reform", chamber="senate", body=None, committee="C", starts_at=STARTS,
        ends_at=STARTS + timedelta(hours=2), address="A", latitude=None, longitude=None,
        seats=5, description="", id=1, status="published", cancel_reason=None, confirmed=1,
        waiting=0,
    )  # fmt: skip
    return replace(base, **changes)


@pytest.mark.parametrize(
    ("now", "open_"),
    [
        (STARTS - URGENT_BEFORE - SECOND, False),
        (STARTS - URGENT_BEFORE, True),
        (STARTS, True),
        (STARTS + timedelta(hours=2), True),  # its end
        (STARTS + timedelta(hours=2) + SECOND, False),
    ],
)
def test_urgent_alerts_open_an_hour_before_and_close_at_the_end(now: datetime, open_: bool) -> None:
    assert rules.urgent_open(a_hearing(), now) is open_


def test_without_an_end_urgent_alerts_close_three_hours_after_the_start() -> None:
    hearing = a_hearing(ends_at=None)
    assert rules.urgent_open(hearing, STARTS + timedelta(hours=3))
    assert not rules.urgent_open(hearing, STARTS + timedelta(hours=3) + SECOND)


def test_no_urgent_alerts_for_a_cancelled_hearing() -> None:
    assert not rules.urgent_open(a_hearing(status="cancelled"), STARTS)


def test_summary_answers_follow_the_form_and_leave_out_unanswered() -> None:
    answers = {"openness": "3", "started_on_time": "no", "unknown": "x"}
    assert rules.summary_answers(FORM, answers) == [("started_on_time", "no"), ("openness", "3")]
    assert rules.question_step("openness") == "q:openness"


async def test_the_steps_follow_the_form_file_not_todays_eight_questions(db: Database) -> None:
    form = ReportForm(3, (Question("only", "number", True, min=1, max=3),))
    async with world(db) as w:
        eligible = await w.eligible()
        report = await rules.open_report(w.reports, form, w.hearing_id, OBSERVER, eligible, NOW)
        assert (report.step, report.form_version) == ("q:only", 3)
        with pytest.raises(errors.AnswerNotNumberError) as refused:
            await rules.answer(w.reports, form, report, "only", "4", NOW)
        assert refused.value.args_for_text == {"min": 1, "max": 3}
        assert await rules.answer(w.reports, form, report, "only", "3", NOW) == FILES_STEP
        assert await rules.back(w.reports, form, await w.fresh(report), NOW) == "q:only"
        with pytest.raises(errors.UnknownInterestError):  # the first is the only question
            await rules.back(w.reports, form, await w.fresh(report), NOW)
        receipt = await receipt_for(w.reports, form, await w.fresh(report), NOW)
        stored = await w.fresh(report)
    assert stored.answers == {"only": 3}
    assert receipt.fingerprint == readme_digest(stored, "", {"only": 3}, [])


# --- every refusal explains itself in every language ---------------------------------------


REFUSALS: list[errors.DomainError] = [
    errors.ReportNotAllowedError(),
    errors.ReportNotFoundError(),
    errors.ReportLockedError(),
    errors.ReportChangedError(),
    errors.UnknownInterestError(),
    errors.AnswerNotOptionError(),
    errors.AnswerNotNumberError(min=0, max=250),
    errors.TextLengthError(min=1, max=500, length=501),
    errors.NotesFullError(max=NOTES_LIMIT, left=1234),
    errors.AttachmentsFullError(max=ATTACHMENTS_LIMIT),
    errors.ReportAlreadyReviewedError(),
    errors.ReportAlreadySubmittedError(number=4321),
]


@pytest.mark.parametrize("refusal", REFUSALS, ids=lambda e: type(e).__name__)
def test_every_refusal_of_the_rules_has_a_text_with_its_numbers(
    refusal: errors.DomainError, all_locales: Locales
) -> None:
    for tr in all_locales:
        text = tr(refusal.key, **refusal.args_for_text)
        assert text != refusal.key, (tr.language, refusal.key)
        assert "{" not in text and "$" not in text, (tr.language, text)
        for value in refusal.args_for_text.values():
            assert str(value) in text.replace("\u00a0", "").replace(",", ""), (tr.language, text)
