"""Domain errors and unexpected failures, turned into localized answers."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import datetime

from aiogram import Router
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramServerError,
)
from aiogram.filters import ExceptionTypeFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import ErrorEvent, InlineKeyboardMarkup

from bot.config import Settings
from bot.db import Database
from bot.i18n import Locales, Translator
from bot.metrics import Metrics
from bot.middlewares.answers import AnsweredQueries
from bot.notifier import Notifier
from bot.repositories.users import UserRepository
from bot.services.error_notices import ErrorNotice, ErrorNoticeRule
from bot.services.errors import DomainError, NotRegisteredError
from bot.services.signups import Recipient
from bot.ui import keyboards, views

log = logging.getLogger(__name__)
router = Router(name=__name__)


@router.error(ExceptionTypeFilter(DomainError))
async def on_domain_error(
    event: ErrorEvent,
    locales: Locales,
    tr: Translator | None = None,
    answered_queries: AnsweredQueries | None = None,
    state: FSMContext | None = None,
) -> None:
    error = event.exception
    assert isinstance(error, DomainError)  # guaranteed by the filter
    if error.ends_form and state is not None:
        # The update's unit of work was rolled back; this clear is a unit of its own.
        await state.clear()
    log.info(
        "update refused id=%d reason=%s at=%s",
        event.update.update_id,
        error.key,
        _origin(error),
    )
    tr = tr or locales.get(locales.default_language)
    # Someone who must register first gets the way to do it, not just a refusal.
    markup = keyboards.register(tr) if isinstance(error, NotRegisteredError) else None
    await _tell(event, tr, error.key, markup, answered_queries, **error.args_for_text)


@router.error(ExceptionTypeFilter(TelegramForbiddenError))
async def on_blocked(event: ErrorEvent, db: Database, clock: Callable[[], datetime]) -> None:
    """The person blocked the bot (or left) while we answered: expected, not a crash.

    Left out of broadcasts until they write again, as a failed broadcast delivery does.
    (Error handlers run after the update's unit of work has ended: a new one.)
    """
    chat_id = _chat_of(event)
    log.warning(
        "reply refused id=%d error=%s", event.update.update_id, type(event.exception).__name__
    )
    if chat_id is not None and chat_id > 0:
        async with db.unit_of_work() as uow:
            await UserRepository(uow).mark_unreachable(chat_id, clock())


@router.error(ExceptionTypeFilter(TelegramServerError, TelegramNetworkError))
async def on_telegram_unavailable(event: ErrorEvent) -> None:
    """Telegram answered 5xx, or could not be reached, through every retry: an outage,
    not a bug. The person's next message works once it is over; no traceback."""
    log.warning(
        "telegram unavailable id=%d error=%s",
        event.update.update_id,
        type(event.exception).__name__,
    )


@router.error()
async def on_unexpected_error(
    event: ErrorEvent,
    locales: Locales,
    settings: Settings,
    db: Database,
    notifier: Notifier,
    error_notices: ErrorNoticeRule,
    metrics: Metrics,
    clock: Callable[[], datetime],
    tr: Translator | None = None,
    answered_queries: AnsweredQueries | None = None,
) -> None:
    error = event.exception
    log.error(
        "update failed id=%d error=%s", event.update.update_id, type(error).__name__,
        exc_info=error,
    )  # fmt: skip
    metrics.errors.labels(type(error).__name__).inc()
    tr = tr or locales.get(locales.default_language)
    await _tell(event, tr, "error-generic", None, answered_queries)
    notice = error_notices.admit(event.update.update_id, error, clock())
    if notice is not None and settings.admin_ids:
        await _tell_admins(notice, settings, db, notifier)


async def _tell_admins(
    notice: ErrorNotice, settings: Settings, db: Database, notifier: Notifier
) -> None:
    """Each admin, privately, in their language (an error handler runs after the update's
    unit of work: a new one).

    Sent directly (paced), not through an outbox like every other message to several
    people: the failure being reported may be the database itself (a full disk, a
    locked file), and a notice queued in it would be lost exactly when it matters. The
    rule above keeps it to one message per admin per kind of error every ten minutes.
    """
    try:
        async with db.unit_of_work() as uow:
            languages = await UserRepository(uow).languages(
                settings.admin_ids, settings.default_language
            )
    except (sqlite3.Error, ValueError):  # the database is what failed: told all the same
        log.warning("admins' languages unreadable: the error notice goes in the default")
        languages = dict.fromkeys(settings.admin_ids, settings.default_language)
    recipients = [Recipient(user_id, language) for user_id, language in languages.items()]
    await notifier.send(recipients, lambda tr: (views.error_notice(tr, notice), None))


async def _tell(
    event: ErrorEvent,
    tr: Translator,
    key: str,
    markup: InlineKeyboardMarkup | None,
    answered: AnsweredQueries | None,
    **args: str | int,
) -> None:
    """Answer where the person is looking: an alert on a button, else a message.

    A press the handler already answered (it got as far as that) cannot be answered
    again: the refusal goes to the chat as a message.
    """
    update = event.update
    text = tr(key, **args)
    try:
        query = update.callback_query
        already = query is not None and answered is not None and query.id in answered
        if query is not None and (markup is not None or already) and query.message is not None:
            if not already:
                await query.answer()
            await query.message.answer(text, reply_markup=markup)
        elif query is not None and not already:
            await query.answer(text, show_alert=True)
        elif update.message is not None and update.message.chat.type == "private":
            await update.message.answer(text, reply_markup=markup)
    except TelegramAPIError as error:
        # Already answered, or Telegram is unreachable: the log line above is what remains.
        log.warning("could not report an error update=%d error=%s", update.update_id, error)


def _chat_of(event: ErrorEvent) -> int | None:
    update = event.update
    if update.message is not None:
        return update.message.chat.id
    if update.callback_query is not None:
        return update.callback_query.from_user.id
    return None


def _origin(error: BaseException) -> str:
    """Where a refusal was raised (file:line), for operators; never any user data."""
    tb = error.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    return f"{tb.tb_frame.f_code.co_filename.rsplit('/', 1)[-1]}:{tb.tb_lineno}" if tb else "?"
