"""Observer reports: who may write one, the checklist steps, notes, files, submission,
the receipt's fingerprint, and the coordinators' review."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from bot.repositories.hearings import Hearing, HearingRepository
from bot.repositories.reports import Attachment, NewAttachment, Report, ReportRepository
from bot.services import errors
from bot.services.hearings import ASSUMED_LENGTH
from bot.services.report_form import ReportForm

REPORT_WINDOW = timedelta(days=14)  # a report can be written up to 14 days after the start
NOTES_LIMIT = 10_000  # characters in all note messages together
ATTACHMENTS_LIMIT = 30
URGENT_BEFORE = timedelta(hours=1)  # urgent alerts open an hour before the start

FILES_STEP, REVIEW_STEP = "files", "review"


def question_step(question_id: str) -> str:
    return f"q:{question_id}"


async def reportable_hearings(
    reports: ReportRepository, hearings: HearingRepository, user_id: int, now: datetime
) -> list[Hearing]:
    ids = await reports.reportable_hearing_ids(user_id, now, REPORT_WINDOW)
    found = [await hearings.get(hearing_id) for hearing_id in ids]
    return [hearing for hearing in found if hearing is not None]


async def open_report(
    reports: ReportRepository,
    form: ReportForm,
    hearing_id: int,
    user_id: int,
    eligible: list[Hearing],
    now: datetime,
) -> Report:
    """The person's report for this hearing, created at the first question if new."""
    if hearing_id not in {hearing.id for hearing in eligible}:
        raise errors.ReportNotAllowedError()
    report = await reports.find(hearing_id, user_id)
    if report is None:
        first = question_step(form.questions[0].id)
        await reports.create(hearing_id, user_id, form.version, first, now)
        report = await reports.find(hearing_id, user_id)
        assert report is not None
    if not report.editable:
        raise errors.ReportLockedError()
    return report


async def draft_to_resume(reports: ReportRepository, user_id: int, now: datetime) -> Report | None:
    """A person with an open draft never loses what they send: outside any form, their
    next text or file goes to the draft they were last writing (it resumes there).
    A draft whose window has closed is not open any more (`closed`)."""
    return await reports.latest_open(user_id, drafts_since=now - REPORT_WINDOW)


async def own_report(
    reports: ReportRepository, report_id: int, user_id: int, now: datetime
) -> Report:
    """A report the person may still change; a forged or stale id changes nothing."""
    report = await reports.get(report_id)
    if report is None or report.user_id != user_id:
        raise errors.ReportNotFoundError()
    if not report.editable:
        raise errors.ReportLockedError()
    if closed(report, now):
        raise errors.ReportNotAllowedError()
    return report


def closed(report: Report, now: datetime) -> bool:
    """A draft closes with the window in which /report opens one: its old buttons and
    later messages no longer change it. A returned report stays open to the change a
    coordinator asked for, however late."""
    return report.status == "draft" and report.hearing_starts_at < now - REPORT_WINDOW


def _after(form: ReportForm, report: Report, question_id: str) -> str:
    if report.back_to_review:
        return REVIEW_STEP
    index = form.index(question_id) + 1
    return question_step(form.questions[index].id) if index < len(form.questions) else FILES_STEP


async def answer(
    reports: ReportRepository,
    form: ReportForm,
    report: Report,
    question_id: str,
    value: str | None,
    now: datetime,
) -> str:
    """Check and store one answer; return the next step."""
    if report.step != question_step(question_id):
        raise errors.UnknownInterestError()  # a button of another step: stale
    question = form.question(question_id)
    answers = {**report.answers, question_id: question.check(value)}
    following = _after(form, report, question_id)
    await reports.save_progress(report.id, answers, following, False, now)
    return following


async def skip(reports: ReportRepository, form: ReportForm, report: Report, now: datetime) -> str:
    question_id = report.step.removeprefix("q:")
    if report.step != question_step(question_id) or form.question(question_id).required:
        raise errors.UnknownInterestError()
    answers = {k: v for k, v in report.answers.items() if k != question_id}
    following = _after(form, report, question_id)
    await reports.save_progress(report.id, answers, following, False, now)
    return following


async def back(reports: ReportRepository, form: ReportForm, report: Report, now: datetime) -> str:
    """One step back: the previous question (its answer kept and shown)."""
    if report.step == FILES_STEP:
        previous = form.questions[-1].id
    elif report.step.startswith("q:") and form.index(report.step[2:]) > 0:
        previous = form.questions[form.index(report.step[2:]) - 1].id
    else:
        raise errors.UnknownInterestError()
    await reports.save_progress(report.id, report.answers, question_step(previous), False, now)
    return question_step(previous)


async def go_to(
    reports: ReportRepository, form: ReportForm, report: Report, step: str, now: datetime
) -> str:
    """From the review: change one answer (then back to the review), or the notes and files."""
    if step != FILES_STEP:
        form.question(step.removeprefix("q:"))
    await reports.save_progress(report.id, report.answers, step, step != FILES_STEP, now)
    return step


async def to_review(reports: ReportRepository, report: Report, now: datetime) -> None:
    await reports.save_progress(report.id, report.answers, REVIEW_STEP, False, now)


async def add_note(reports: ReportRepository, report: Report, text: str, now: datetime) -> int:
    """Append a note message; return the notes' length. Refuse beyond NOTES_LIMIT."""
    separator = "\n\n" if report.notes else ""
    notes = f"{report.notes}{separator}{text}"
    if len(notes) > NOTES_LIMIT:
        # What is left for the next note's own text: the blank line before it counts.
        left = max(NOTES_LIMIT - len(report.notes) - len(separator), 0)
        raise errors.NotesFullError(max=NOTES_LIMIT, left=left)
    await reports.set_notes(report.id, notes, now)
    return len(notes)


FileAnswer = Literal["saved", "album", "album-full"]


async def add_attachment(
    reports: ReportRepository, report: Report, item: NewAttachment, now: datetime
) -> tuple[int, FileAnswer | None]:
    """Keep a file; return the attachments now and what to answer (None: nothing).

    An album is one message per item, and gets one answer per outcome: "album" for its
    items kept, "album-full" for those past the limit (so one that crosses the limit
    hears both). A redelivered message is answered once, the first time.
    """
    group = item.media_group_id
    if report.attachments >= ATTACHMENTS_LIMIT:
        if group is None:
            raise errors.AttachmentsFullError(max=ATTACHMENTS_LIMIT)
        # Answered, not raised: a refusal would roll the claim back with it.
        full = await reports.claim_album_answer(report.id, group, "full")
        return report.attachments, "album-full" if full else None
    if not await reports.add_attachment(report.id, item, now):
        return report.attachments, None
    count = report.attachments + 1
    if group is None:
        return count, "saved"
    first = await reports.claim_album_answer(report.id, group, "saved")
    return count, "album" if first else None


def missing_answers(form: ReportForm, report: Report) -> list[str]:
    return [q.id for q in form.questions if q.required and q.id not in report.answers]


def content_digest(report: Report, attachment_ids: list[str]) -> str:
    """SHA-256 of the report's canonical content (see README: "The receipt")."""
    canonical = json.dumps(
        {
            "report": report.id,
            "hearing": report.hearing_id,
            "form": report.form_version,
            "answers": report.answers,
            "notes": report.notes,
            "attachments": attachment_ids,
        },
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def fingerprint_of(report: Report, files: list[Attachment]) -> str:
    """The fingerprint of the report's content, with these attachments (all of its own)."""
    return content_digest(
        report, [a.file_unique_id or f"location:{a.latitude},{a.longitude}" for a in files]
    )


def changed_since_sent(report: Report, files: list[Attachment]) -> bool:
    """A report with the coordinators that the observer has changed since sending it;
    `files` are its attachments, when the caller has read them anyway."""
    return report.status == "submitted" and report.fingerprint != fingerprint_of(report, files)


async def unsent_changes(reports: ReportRepository, report: Report) -> bool:
    """`changed_since_sent`, reading the attachments only for a report waiting for review."""
    if report.status != "submitted":
        return False
    return changed_since_sent(report, await reports.attachments(report.id))


@dataclass(frozen=True, slots=True)
class Receipt:
    number: int
    at: datetime
    fingerprint: str
    resubmitted: bool


@dataclass(frozen=True, slots=True)
class Unanswered:
    """Submit found a required question without an answer; the report now stands at it."""

    question_id: str
    moved: bool  # False: it stood there already (the second press of a double tap)


async def submit(
    reports: ReportRepository, form: ReportForm, report: Report, now: datetime
) -> Receipt | Unanswered:
    """Send the report for review; a resubmission after a return or an edit is recorded too.

    Not a refusal when a required answer is missing (a form changed under a draft): the
    report moves to that question, and the move must be kept, so nothing is raised.
    """
    missing = missing_answers(form, report)
    if missing:
        step = question_step(missing[0])
        if report.step == step:
            return Unanswered(missing[0], moved=False)
        await reports.save_progress(report.id, report.answers, step, True, now)
        return Unanswered(missing[0], moved=True)
    digest = fingerprint_of(report, await reports.attachments(report.id))
    if report.status == "submitted" and report.fingerprint == digest:
        # A double tap, or Submit pressed again on an old message: it is already with the
        # coordinators, unchanged. Acknowledge; record nothing.
        raise errors.ReportAlreadySubmittedError(number=report.id)
    resubmitted = report.status != "draft"
    await reports.set_status(report.id, "submitted", now, fingerprint=digest)
    await reports.save_progress(report.id, report.answers, REVIEW_STEP, False, now)
    await reports.add_event(
        report.id, "resubmitted" if resubmitted else "submitted", report.user_id, now
    )
    return Receipt(report.id, now, digest, resubmitted)


async def discard(reports: ReportRepository, report: Report) -> None:
    """Only a draft never sent can be thrown away; a sent report is the coordinators' too."""
    if report.status != "draft":
        raise errors.ReportLockedError()
    await reports.delete(report.id)


async def sent_report(reports: ReportRepository, report_id: int) -> Report:
    """A report coordinators may see: submitted at least once."""
    report = await reports.get(report_id)
    if report is None or report.status == "draft":
        raise errors.ReportNotFoundError()
    return report


async def review(
    reports: ReportRepository, report_id: int, coordinator_id: int, accept: bool, now: datetime,
    comment: str | None = None,
) -> Report:  # fmt: skip
    """Accept a report, or return it to the observer with a comment."""
    report = await sent_report(reports, report_id)
    if report.status != "submitted":
        raise errors.ReportAlreadyReviewedError()
    if accept and await unsent_changes(reports, report):
        # A sent report stays editable, and edits reach the coordinators only with the
        # next Submit: accepting now would accept what the receipt does not prove was
        # sent. Returning it (with a comment) is still possible.
        raise errors.ReportChangedError()
    status = "accepted" if accept else "returned"
    await reports.set_status(report_id, status, now)
    await reports.add_event(report_id, status, coordinator_id, now, comment)
    updated = await reports.get(report_id)
    assert updated is not None
    return updated


def urgent_open(hearing: Hearing, now: datetime) -> bool:
    if hearing.is_cancelled:
        return False
    closes = hearing.ends_at or hearing.starts_at + ASSUMED_LENGTH
    return hearing.starts_at - URGENT_BEFORE <= now <= closes


def summary_answers(form: ReportForm, answers: dict[str, Any]) -> list[tuple[str, Any]]:
    return [(q.id, answers[q.id]) for q in form.questions if q.id in answers]
