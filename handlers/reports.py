"""Observers write reports: checklist, notes, files, review, submit; and urgent alerts.

The report row holds the step, so /report resumes exactly where the observer was, even
when the chat state was lost. The FSM only says "a report is open" and which one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from aiogram import Bot, F, Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message

from bot.config import Settings
from bot.i18n import Translator
from bot.jobs.notices import NoticeWorker
from bot.repositories.coordinators import CoordinatorRepository
from bot.repositories.desk_posts import DeskPostRepository
from bot.repositories.hearings import HearingRepository
from bot.repositories.reports import NewAttachment, Report, ReportRepository
from bot.repositories.signups import SignupRepository
from bot.repositories.users import User
from bot.review_desk import ReviewDesk
from bot.services import errors
from bot.services import hearings as hearing_rules
from bot.services import reports as rules
from bot.services.report_form import ReportForm
from bot.services.signups import require_registered
from bot.ui import reports as ui
from bot.ui.callbacks import HearingCb, ReportCb, ReportHearingCb
from handlers.filters import NOT_COMMAND
from handlers.screens import set_pressed_buttons

router = Router(name=__name__)

URGENT_TEXT_LIMIT = 500


class Reporting(StatesGroup):
    filling = State()
    urgent = State()


@dataclass(slots=True)
class ReportFlow:
    bot: Bot
    chat_id: int
    state: FSMContext
    tr: Translator
    form: ReportForm
    reports: ReportRepository
    hearings: HearingRepository
    settings: Settings
    clock: Callable[[], datetime]

    async def current(self) -> Report:
        report_id = (await self.state.get_data()).get("report_id")
        # Accepted or closed meanwhile: the form ends, not refuses every message.
        with errors.form_ends_on(
            errors.ReportNotFoundError, errors.ReportLockedError, errors.ReportNotAllowedError
        ):
            if report_id is None:
                raise errors.ReportNotFoundError()
            return await rules.own_report(self.reports, int(report_id), self.chat_id, self.clock())

    async def enter(self, report: Report) -> None:
        await self.state.set_state(Reporting.filling)
        await self.state.set_data({"report_id": report.id})
        await self.ask(report.id)

    async def ask(self, report_id: int) -> None:
        """Show the step the report is at."""
        report = await rules.own_report(self.reports, report_id, self.chat_id, self.clock())
        tr, send = self.tr, self.bot.send_message
        if report.step.startswith("q:"):
            question = self.form.question(report.step[2:])
            await send(
                self.chat_id,
                ui.question_text(tr, self.form, report, question),
                reply_markup=ui.question_keyboard(tr, self.form, report, question),
            )
        elif report.step == rules.FILES_STEP:
            await send(
                self.chat_id, ui.files_text(tr, report), reply_markup=ui.files_keyboard(tr, report)
            )
        else:
            hearing = await hearing_rules.get_hearing(self.hearings, report.hearing_id)
            unsent = await rules.unsent_changes(self.reports, report)
            await send(
                self.chat_id,
                ui.review_text(tr, self.form, report, hearing, unsent=unsent),
                reply_markup=ui.review_keyboard(tr, report),
            )

    async def close_buttons(self, query: CallbackQuery) -> None:
        await set_pressed_buttons(self.bot, query)


async def open_for(flow: ReportFlow, user: User | None, hearing_id: int | None) -> None:
    """Start or resume a report: for the given hearing, the only one possible, or ask which."""
    person = require_registered(user)
    now = flow.clock()
    eligible = await rules.reportable_hearings(flow.reports, flow.hearings, person.id, now)
    if hearing_id is None:
        if not eligible:
            raise errors.ReportNotAllowedError()
        if len(eligible) > 1:
            await flow.bot.send_message(
                flow.chat_id,
                flow.tr("report-choose-hearing"),
                reply_markup=ui.hearing_choice(flow.tr, eligible, flow.settings.timezone),
            )
            return
        hearing_id = eligible[0].id
    report = await rules.open_report(flow.reports, flow.form, hearing_id, person.id, eligible, now)
    await flow.enter(report)


@router.message(Command("report"))
async def on_report_command(message: Message, reporting: ReportFlow, user: User | None) -> None:
    await open_for(reporting, user, None)


@router.callback_query(ReportHearingCb.filter())
async def on_report_hearing(
    query: CallbackQuery, callback_data: ReportHearingCb, reporting: ReportFlow, user: User | None
) -> None:
    await open_for(reporting, user, callback_data.hearing)
    await query.answer()


@router.callback_query(HearingCb.filter(F.action == "report"))
async def on_card_report(
    query: CallbackQuery, callback_data: HearingCb, reporting: ReportFlow, user: User | None
) -> None:
    await open_for(reporting, user, callback_data.id)
    await query.answer()


@router.callback_query(ReportCb.filter(F.action == "resume"))
async def on_resume(query: CallbackQuery, callback_data: ReportCb, reporting: ReportFlow) -> None:
    report = await rules.own_report(
        reporting.reports, callback_data.id, query.from_user.id, reporting.clock()
    )
    await rules.to_review(reporting.reports, report, reporting.clock())
    await query.answer()
    await reporting.enter(report)


# --- the steps ---------------------------------------------------------------------------


async def pressed(reporting: ReportFlow, query: CallbackQuery, report_id: int) -> Report:
    """The report a button belongs to, if it is the one open and still editable."""
    report = await rules.own_report(
        reporting.reports, report_id, query.from_user.id, reporting.clock()
    )
    await reporting.state.set_state(Reporting.filling)
    await reporting.state.set_data({"report_id": report.id})
    return report


@router.callback_query(ReportCb.filter(F.action.in_({"answer", "skip", "back"})))
async def on_answer_button(
    query: CallbackQuery, callback_data: ReportCb, reporting: ReportFlow
) -> None:
    report = await pressed(reporting, query, callback_data.id)
    now = reporting.clock()
    # Buttons carry their question: one pressed on an older message is stale.
    question_id, _, option = callback_data.value.partition("=")
    expected = rules.question_step(question_id) if question_id else rules.FILES_STEP
    if report.step != expected:
        raise errors.UnknownInterestError()
    if callback_data.action == "answer":
        await rules.answer(reporting.reports, reporting.form, report, question_id, option, now)
    elif callback_data.action == "skip":
        await rules.skip(reporting.reports, reporting.form, report, now)
    else:
        await rules.back(reporting.reports, reporting.form, report, now)
    await query.answer()
    await reporting.close_buttons(query)
    await reporting.ask(report.id)


@router.callback_query(ReportCb.filter(F.action.in_({"done", "goto", "edit"})))
async def on_navigate(query: CallbackQuery, callback_data: ReportCb, reporting: ReportFlow) -> None:
    report = await pressed(reporting, query, callback_data.id)
    tr = reporting.tr
    if callback_data.action == "edit":
        await query.answer()
        markup = ui.edit_keyboard(tr, reporting.form, report)
        await set_pressed_buttons(reporting.bot, query, markup)
        return
    now = reporting.clock()
    if callback_data.value == "back":
        # Back from Edit's or Discard's buttons: the review's own buttons, on the same
        # message (a second press finds them there and changes nothing).
        await rules.to_review(reporting.reports, report, now)
        await query.answer()
        await set_pressed_buttons(reporting.bot, query, ui.review_keyboard(tr, report))
        return
    if callback_data.action == "goto":
        value = callback_data.value
        step = rules.FILES_STEP if value == rules.FILES_STEP else rules.question_step(value)
    else:
        step = rules.REVIEW_STEP
    if report.step == step:
        # Already there, its question asked: the second press of a double tap.
        await query.answer()
        return
    if callback_data.action == "goto":
        await rules.go_to(reporting.reports, reporting.form, report, step, now)
    else:
        await rules.to_review(reporting.reports, report, now)
    await query.answer()
    await reporting.close_buttons(query)
    await reporting.ask(report.id)


@router.callback_query(ReportCb.filter(F.action == "discard"))
async def on_discard(query: CallbackQuery, callback_data: ReportCb, reporting: ReportFlow) -> None:
    report = await pressed(reporting, query, callback_data.id)
    await query.answer()
    await set_pressed_buttons(reporting.bot, query, ui.discard_keyboard(reporting.tr, report))


@router.callback_query(ReportCb.filter(F.action == "discard-yes"))
async def on_discard_yes(
    query: CallbackQuery, callback_data: ReportCb, reporting: ReportFlow
) -> None:
    report = await pressed(reporting, query, callback_data.id)
    await rules.discard(reporting.reports, report)
    await reporting.state.clear()
    await query.answer()
    await reporting.close_buttons(query)
    await reporting.bot.send_message(reporting.chat_id, reporting.tr("report-discarded"))


@router.callback_query(ReportCb.filter(F.action == "submit"))
async def on_submit(
    query: CallbackQuery,
    callback_data: ReportCb,
    reporting: ReportFlow,
    desk: ReviewDesk,
    desk_posts: DeskPostRepository,
    coordinators: CoordinatorRepository,
    outbox: NoticeWorker,
) -> None:
    report = await pressed(reporting, query, callback_data.id)
    now = reporting.clock()
    outcome = await rules.submit(reporting.reports, reporting.form, report, now)
    tr = reporting.tr
    if isinstance(outcome, rules.Unanswered):
        if not outcome.moved:
            # The question is asked already (a double tap, or an older review's Submit).
            await query.answer(tr("report-incomplete"))
            return
        # Said as a refusal would be, then the question itself: the review's buttons go.
        await query.answer(tr("report-incomplete"), show_alert=True)
        await reporting.close_buttons(query)
        await reporting.ask(report.id)
        return
    await reporting.state.clear()
    # Queued with the submission, sent by the outbox worker: never lost to a crash here.
    await desk.queue_report(report.id, desk_posts, coordinators, now)
    outbox.wake()
    await query.answer()
    await reporting.close_buttons(query)
    text = ui.receipt(
        tr, outcome.number, outcome.at, reporting.settings.timezone, outcome.fingerprint
    )
    await reporting.bot.send_message(reporting.chat_id, text)


@router.message(NOT_COMMAND, StateFilter(None), ~F.text.startswith("/"))
async def on_stray_message(message: Message, reporting: ReportFlow) -> None:
    """Outside any form (after opening a card, after an urgent alert...): a note or a
    file for an open draft resumes that draft and goes into it, instead of "I did not
    understand". Without a draft, the catch-all answers."""
    assert message.from_user is not None
    report = await rules.draft_to_resume(reporting.reports, message.from_user.id, reporting.clock())
    if report is None:
        raise SkipHandler()
    await reporting.state.set_state(Reporting.filling)
    await reporting.state.set_data({"report_id": report.id})
    await on_report_message(message, reporting)


@router.message(NOT_COMMAND, Reporting.filling)
async def on_report_message(message: Message, reporting: ReportFlow) -> None:
    report = await reporting.current()
    now, tr = reporting.clock(), reporting.tr
    if report.step.startswith("q:"):
        question = reporting.form.question(report.step[2:])
        if question.kind in ("yes_no", "choice"):
            raise errors.AnswerNotOptionError()
        await rules.answer(
            reporting.reports, reporting.form, report, question.id, message.text, now
        )
        await reporting.ask(report.id)
        return
    if report.step != rules.FILES_STEP:
        await message.answer(tr("report-review-use-buttons"))
        return
    if message.text is not None:
        length = await rules.add_note(reporting.reports, report, message.text, now)
        saved = tr("report-note-saved", length=length, max=rules.NOTES_LIMIT)
        await message.answer(ui.change_saved(tr, report, saved))
        return
    item = attachment_of(message)
    if item is None:
        await message.answer(tr("report-files-unsupported"))
        return
    count, answer = await rules.add_attachment(reporting.reports, report, item, now)
    if answer is not None:
        saved = tr(FILE_ANSWERS[answer], count=count, max=rules.ATTACHMENTS_LIMIT)
        await message.answer(
            ui.change_saved(tr, report, saved) if answer != "album-full" else saved
        )


FILE_ANSWERS: dict[rules.FileAnswer, str] = {
    "saved": "report-file-saved",
    "album": "report-album-saved",
    "album-full": "report-album-full",
}


def attachment_of(message: Message) -> NewAttachment | None:
    """What to keep of a message: Telegram's file ids, never the file itself."""
    group, mid = message.media_group_id, message.message_id
    if message.photo:
        largest = message.photo[-1]
        return NewAttachment("photo", mid, largest.file_id, largest.file_unique_id, group)
    if message.document:
        doc = message.document
        return NewAttachment("document", mid, doc.file_id, doc.file_unique_id, group, doc.file_name)
    if message.video:
        return NewAttachment(
            "video", mid, message.video.file_id, message.video.file_unique_id, group
        )
    if message.voice:
        return NewAttachment("voice", mid, message.voice.file_id, message.voice.file_unique_id)
    if message.location:
        loc = message.location
        return NewAttachment("location", mid, latitude=loc.latitude, longitude=loc.longitude)
    return None


# --- urgent alerts -----------------------------------------------------------------------


@router.callback_query(HearingCb.filter(F.action == "urgent"))
async def on_urgent(
    query: CallbackQuery,
    callback_data: HearingCb,
    reporting: ReportFlow,
    signups: SignupRepository,
) -> None:
    hearing = await hearing_rules.get_hearing(reporting.hearings, callback_data.id)
    signup = await signups.active(hearing.id, query.from_user.id)
    if (
        signup is None
        or signup.status != "confirmed"
        or not rules.urgent_open(hearing, reporting.clock())
    ):
        raise errors.UrgentNotNowError()
    await reporting.state.set_state(Reporting.urgent)
    await reporting.state.set_data({"hearing_id": hearing.id})
    await query.answer()
    await reporting.bot.send_message(
        reporting.chat_id, reporting.tr("urgent-ask", title=hearing.title)
    )


@router.message(NOT_COMMAND, Reporting.urgent, F.text | F.photo)
async def on_urgent_message(
    message: Message,
    reporting: ReportFlow,
    desk: ReviewDesk,
    user: User | None,
    desk_posts: DeskPostRepository,
    coordinators: CoordinatorRepository,
    outbox: NoticeWorker,
) -> None:
    person = require_registered(user)
    hearing_id = int((await reporting.state.get_data())["hearing_id"])
    hearing = await hearing_rules.get_hearing(reporting.hearings, hearing_id)
    text = (message.text or message.caption or "").strip()
    if not 1 <= len(text) <= URGENT_TEXT_LIMIT:
        raise errors.TextLengthError(min=1, max=URGENT_TEXT_LIMIT, length=len(text))
    photo = message.photo[-1].file_id if message.photo else None
    now = reporting.clock()
    urgent_id = await reporting.reports.add_urgent(hearing.id, person.id, text, photo, now)
    await reporting.state.clear()
    # Queued with the alert; the worker sends it first of all it has, and tells the
    # observer once every copy has gone (or could not).
    if not await desk.queue_urgent(urgent_id, desk_posts, coordinators, now):
        await message.answer(reporting.tr("urgent-not-delivered"))
        return
    try:
        await message.answer(reporting.tr("urgent-queued"))
    finally:
        # Woken after "received" went (so "sent" can never come before it), and even if
        # it could not go: the alert was committed before the first call to Telegram.
        outbox.wake()


@router.message(NOT_COMMAND, Reporting.urgent)
async def on_urgent_other(message: Message, tr: Translator) -> None:
    await message.answer(tr("urgent-ask-again"))
