"""/stats for coordinators (privately): the overview, its charts, and one hearing's summary.

Every handler here sits behind IsCoordinator (see handlers/__init__.py). Charts are drawn
after the first reply: that reply commits the update's transaction (CommitBeforeRequest),
so SQLite's write lock is never held while matplotlib draws.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime

from aiogram import Bot, Router
from aiogram.filters import Command
from aiogram.types import BufferedInputFile, CallbackQuery, InputMediaPhoto, Message

from bot import charts
from bot.config import Settings
from bot.db import UnitOfWork
from bot.i18n import Translator
from bot.repositories.hearings import HearingRepository
from bot.repositories.stats import StatsRepository
from bot.services import stats as rules
from bot.services.report_form import ReportForm
from bot.ui import stats as ui
from bot.ui.callbacks import HearingStatsCb, StatsCb
from handlers.screens import replace_pressed

router = Router(name=__name__)


@router.message(Command("stats"))
async def on_stats(
    message: Message,
    bot: Bot,
    tr: Translator,
    uow: UnitOfWork,
    settings: Settings,
    clock: Callable[[], datetime],
) -> None:
    stats, now, zone = StatsRepository(uow), clock(), settings.timezone
    overview = await rules.overview(stats, now)
    weeks = await rules.registrations_chart(stats, now, zone)
    hearings, rows = await rules.attendance_chart(stats, now)
    await message.answer(ui.overview_text(tr, overview), reply_markup=ui.overview_buttons(tr))
    figures = [
        ui.region_chart(tr, rules.region_chart(overview.by_region)),
        ui.registrations_chart(tr, weeks),
        ui.attendance_chart(tr, hearings, rows, zone),
        ui.funnel_chart(tr, rules.funnel_chart(overview.reports)),
    ]
    images = await charts.render_each(figures)
    # One album: one message's worth of the chat's pace instead of four.
    await bot.send_media_group(
        message.chat.id,
        [
            InputMediaPhoto(
                media=BufferedInputFile(png, f"chart-{index}.png"),
                caption=html.escape(figure.title, quote=False),
            )
            for index, (figure, png) in enumerate(zip(figures, images, strict=True), start=1)
        ],
    )


@router.callback_query(StatsCb.filter())
async def on_stats_button(
    query: CallbackQuery,
    callback_data: StatsCb,
    bot: Bot,
    tr: Translator,
    uow: UnitOfWork,
    hearings: HearingRepository,
    settings: Settings,
    clock: Callable[[], datetime],
) -> None:
    stats = StatsRepository(uow)
    if callback_data.action == "refresh":
        text = ui.overview_text(tr, await rules.overview(stats, clock()))
        await query.answer()
        await replace_pressed(bot, query, text, ui.overview_buttons(tr))
        return
    if callback_data.action != "hearings":
        await query.answer(tr("button-stale"), show_alert=True)
        return
    choices = await rules.nearest_hearings(hearings, clock())
    await query.answer()
    if not choices:
        await bot.send_message(query.from_user.id, tr("stats-no-hearings"))
        return
    markup = ui.hearing_choices(tr, choices, settings.timezone)
    await bot.send_message(query.from_user.id, tr("stats-choose-hearing"), reply_markup=markup)


@router.callback_query(HearingStatsCb.filter())
async def on_hearing_stats(
    query: CallbackQuery,
    callback_data: HearingStatsCb,
    bot: Bot,
    tr: Translator,
    uow: UnitOfWork,
    hearings: HearingRepository,
    settings: Settings,
    report_form: ReportForm,
) -> None:
    stats = StatsRepository(uow)
    summary = await rules.hearing_summary(stats, hearings, callback_data.hearing_id)
    tally = await rules.answer_tally(stats, report_form, callback_data.hearing_id)
    charted = tally.reports > 0
    await query.answer()
    chat_id = query.from_user.id
    await bot.send_message(chat_id, ui.hearing_text(tr, summary, settings.timezone, charted))
    if not charted:
        return
    caption = tr("chart-answers-title", title=summary.hearing.title, count=tally.reports)
    png = await charts.render(ui.answer_charts(tr, tally), ui.plain(caption))
    photo = BufferedInputFile(png, f"hearing-{summary.hearing.id}-answers.png")
    await bot.send_photo(chat_id, photo, caption=caption)
