"""Coordinators review reports: Open, Accept, Return with a comment; /reports queue.

Cards can sit in the coordinators' group, so these handlers work in groups too; the
comment for Return is asked for in the coordinator's private chat.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from contextlib import suppress
from datetime import datetime

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.fsm.storage.base import BaseStorage, StorageKey
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.config import Settings
from bot.i18n import Locales, Translator
from bot.jobs.notices import NoticeWorker
from bot.repositories.audit import AuditRepository
from bot.repositories.desk_posts import DeskPostRepository
from bot.repositories.hearings import Hearing, HearingRepository
from bot.repositories.reports import Report, ReportRepository
from bot.repositories.users import User, UserRepository
from bot.review_desk import ReviewDesk
from bot.services import errors
from bot.services import hearings as hearing_rules
from bot.services import reports as rules
from bot.ui import reports as ui
from bot.ui.callbacks import QueueCb, ReviewCb
from handlers.filters import NOT_COMMAND
from handlers.screens import replace_pressed

router = Router(name=__name__)

QUEUE_PAGE = 5
COMMENT_LIMIT = 1000


class ReviewComment(StatesGroup):
    text = State()


async def load(
    report_id: int, reports: ReportRepository, hearings: HearingRepository, users: UserRepository
) -> tuple[Report, Hearing, User | None]:
    """A sent report with its hearing and observer; a draft or unknown id is refused."""
    report = await rules.sent_report(reports, report_id)
    hearing = await hearing_rules.get_hearing(hearings, report.hearing_id)
    return report, hearing, await users.get(report.user_id)


async def refresh_cards(
    report_id: int, desk: ReviewDesk, posts: DeskPostRepository, outbox: NoticeWorker,
    now: datetime,
) -> None:  # fmt: skip
    """Every card of the report, in the group or with each coordinator, is brought up to
    date by the outbox worker (queued with the review: never lost to a crash)."""
    await desk.queue_refresh(report_id, posts, now)
    outbox.wake()


@router.callback_query(ReviewCb.filter(F.action == "open"))
async def on_open(
    query: CallbackQuery,
    callback_data: ReviewCb,
    bot: Bot,
    tr: Translator,
    desk: ReviewDesk,
    reports: ReportRepository,
    hearings: HearingRepository,
    users: UserRepository,
) -> None:
    report, hearing, observer = await load(callback_data.id, reports, hearings, users)
    files = await reports.attachments(report.id)
    unsent = rules.changed_since_sent(report, files)  # the files read once, for both
    try:
        # Privately, whoever pressed: the whole report has the observer's phone number.
        await desk.send_whole(
            query.from_user.id, tr, report, hearing, observer, files, unsent=unsent
        )
    except (TelegramForbiddenError, TelegramBadRequest):
        await query.answer(tr("review-private-first"), show_alert=True)
        return
    await query.answer(tr("review-sent-privately"))


@router.callback_query(ReviewCb.filter(F.action == "card"))
async def on_card(
    query: CallbackQuery,
    callback_data: ReviewCb,
    bot: Bot,
    tr: Translator,
    reports: ReportRepository,
    hearings: HearingRepository,
    users: UserRepository,
    desk: ReviewDesk,
) -> None:
    report, hearing, observer = await load(callback_data.id, reports, hearings, users)
    await query.answer()
    sent = await bot.send_message(
        query.from_user.id,
        ui.review_card(tr, desk.form, report, hearing, observer.full_name if observer else None),
        reply_markup=ui.review_buttons(tr, report),
    )
    await reports.save_card(report.id, query.from_user.id, sent.message_id)


@router.callback_query(ReviewCb.filter(F.action == "accept"))
async def on_accept(
    query: CallbackQuery,
    callback_data: ReviewCb,
    bot: Bot,
    tr: Translator,
    locales: Locales,
    desk: ReviewDesk,
    reports: ReportRepository,
    hearings: HearingRepository,
    users: UserRepository,
    audit: AuditRepository,
    clock: Callable[[], datetime],
    desk_posts: DeskPostRepository,
    outbox: NoticeWorker,
) -> None:
    report = await rules.review(reports, callback_data.id, query.from_user.id, True, clock())
    await audit.record(query.from_user.id, "report.accept", f"report:{report.id}", clock())
    hearing = await hearing_rules.get_hearing(hearings, report.hearing_id)
    observer = await users.get(report.user_id)
    await refresh_cards(report.id, desk, desk_posts, outbox, clock())
    await query.answer(tr("review-accepted-done"))
    if observer is not None:
        observer_tr = locales.get(observer.language)
        text = observer_tr("report-accepted", number=report.id, title=hearing.title)
        await _tell(bot, observer.id, text)


@router.callback_query(ReviewCb.filter(F.action == "return"))
async def on_return(
    query: CallbackQuery,
    callback_data: ReviewCb,
    bot: Bot,
    tr: Translator,
    reports: ReportRepository,
    fsm_storage: BaseStorage,
) -> None:
    report = await rules.sent_report(reports, callback_data.id)
    if report.status != "submitted":
        raise errors.ReportAlreadyReviewedError()
    # The comment is typed in the private chat, whether the card is there or in a group.
    private = FSMContext(
        storage=fsm_storage,
        key=StorageKey(bot_id=bot.id, chat_id=query.from_user.id, user_id=query.from_user.id),
    )
    if (
        await private.get_state() == ReviewComment.text.state
        and (await private.get_data()).get("report_id") == report.id
    ):
        await query.answer(tr("review-comment-privately"))  # asked already: a double tap
        return
    # The state is set before the question is sent: the answer comes in the private chat,
    # an update that does not wait for this one, and reads only what is committed.
    before = await private.get_state(), await private.get_data()
    await private.set_state(ReviewComment.text)
    await private.set_data({"report_id": report.id})
    try:
        await bot.send_message(query.from_user.id, tr("review-ask-comment", number=report.id))
    except (TelegramForbiddenError, TelegramBadRequest):
        await private.set_state(before[0])
        await private.set_data(before[1])
        await query.answer(tr("review-private-first"), show_alert=True)
        return
    await query.answer(tr("review-comment-privately"))


@router.message(NOT_COMMAND, ReviewComment.text, F.chat.type == "private")
async def on_comment(
    message: Message,
    state: FSMContext,
    bot: Bot,
    tr: Translator,
    locales: Locales,
    desk: ReviewDesk,
    reports: ReportRepository,
    hearings: HearingRepository,
    users: UserRepository,
    audit: AuditRepository,
    clock: Callable[[], datetime],
    desk_posts: DeskPostRepository,
    outbox: NoticeWorker,
) -> None:
    comment = (message.text or "").strip()
    if not 1 <= len(comment) <= COMMENT_LIMIT:
        raise errors.TextLengthError(min=1, max=COMMENT_LIMIT, length=len(comment))
    report_id = int((await state.get_data())["report_id"])
    # Reviewed meanwhile: nothing to comment on.
    with errors.form_ends_on(errors.ReportAlreadyReviewedError, errors.ReportNotFoundError):
        report = await rules.review(reports, report_id, message.chat.id, False, clock(), comment)
    await state.clear()
    await audit.record(message.chat.id, "report.return", f"report:{report.id}", clock())
    hearing = await hearing_rules.get_hearing(hearings, report.hearing_id)
    observer = await users.get(report.user_id)
    await refresh_cards(report.id, desk, desk_posts, outbox, clock())
    await message.answer(tr("review-returned-done", number=report.id))
    if observer is not None:
        observer_tr = locales.get(observer.language)
        text = observer_tr(
            "report-returned", number=report.id, title=hearing.title, comment=comment
        )
        await _tell(bot, observer.id, text, ui.edit_report_button(observer_tr, report.id))


async def _tell(
    bot: Bot, chat_id: int, text: str, markup: InlineKeyboardMarkup | None = None
) -> None:
    # If the observer blocked the bot, the report's history still says what happened.
    with suppress(TelegramForbiddenError, TelegramBadRequest):
        await bot.send_message(chat_id, text, reply_markup=markup)


# --- the queue ------------------------------------------------------------------------


async def queue_page(
    tr: Translator, reports: ReportRepository, settings: Settings, page: int, hearing: int
) -> tuple[str, InlineKeyboardMarkup]:
    hearing_id = hearing or None
    total = await reports.count_queue(hearing_id)
    pages = max(math.ceil(total / QUEUE_PAGE), 1)
    page = min(max(page, 0), pages - 1)
    items = await reports.queue(hearing_id, QUEUE_PAGE, page * QUEUE_PAGE)
    text = ui.queue_text(tr, items, settings.timezone, page, pages)
    markup = ui.queue_keyboard(
        tr, items, page, pages, hearing, await reports.hearings_with_reports()
    )
    return text, markup


@router.message(Command("reports"), F.chat.type == "private")
async def on_reports(
    message: Message, tr: Translator, reports: ReportRepository, settings: Settings
) -> None:
    text, markup = await queue_page(tr, reports, settings, 0, 0)
    await message.answer(text, reply_markup=markup)


@router.callback_query(QueueCb.filter())
async def on_queue_page(
    query: CallbackQuery,
    callback_data: QueueCb,
    bot: Bot,
    tr: Translator,
    reports: ReportRepository,
    settings: Settings,
) -> None:
    text, markup = await queue_page(
        tr, reports, settings, callback_data.page, callback_data.hearing
    )
    await query.answer()
    # A double tap turns the page once; the second edit would be "not modified".
    await replace_pressed(bot, query, text, markup)
