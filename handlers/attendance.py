"""Coordinators and attendance: the check-in QR poster, and marking who came by hand.

The scan itself arrives as /start c<token> and is handled in handlers/start.py.
"""

from __future__ import annotations

import asyncio
import math

from aiogram import F, Router
from aiogram.enums import ChatAction
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup

from bot.qr import poster_png
from bot.repositories.attendance import AttendanceRepository
from bot.repositories.audit import AuditRepository
from bot.repositories.hearings import Hearing
from bot.services import attendance as rules
from bot.services.hearings import get_hearing
from bot.ui import keyboards, views
from bot.ui.callbacks import CheckinCb, HearingCb, MarkCb, MarkPageCb
from bot.ui.views import local_datetime
from handlers.hearings import Cards
from handlers.screens import replace_pressed, set_pressed_buttons

router = Router(name=__name__)

MARK_PAGE = 8  # people per page of the marking keyboard


async def send_poster(cards: Cards, chat_id: int, hearing: Hearing, token: str) -> None:
    tr, zone = cards.tr, cards.settings.timezone
    me = await cards.bot.me()
    url = f"https://t.me/{me.username}?start={rules.payload(token)}"
    opens, closes = rules.window(hearing)
    await cards.bot.send_chat_action(chat_id, ChatAction.UPLOAD_PHOTO)
    # A few hundred milliseconds of drawing: off the event loop, others keep getting answers.
    png = await asyncio.to_thread(
        poster_png,
        url,
        hearing.title,
        views.hearing_when(tr, hearing, zone),
        tr("checkin-poster-hint"),
    )
    caption = tr(
        "checkin-caption",
        title=hearing.title,
        opens=local_datetime(tr, opens, zone),
        closes=local_datetime(tr, closes, zone),
        link=url,
    )
    await cards.bot.send_photo(
        chat_id,
        BufferedInputFile(png, filename=f"checkin-{hearing.id}.png"),
        caption=caption,
        reply_markup=keyboards.checkin_code(tr, hearing.id, rules.tag(token)),
    )


@router.callback_query(HearingCb.filter(F.action == "qr"))
async def on_checkin_code(
    query: CallbackQuery, callback_data: HearingCb, cards: Cards, attendance: AttendanceRepository
) -> None:
    hearing = await get_hearing(cards.hearings, callback_data.id)
    token = await rules.current_token(attendance, hearing, cards.clock())
    await query.answer()
    await send_poster(cards, query.from_user.id, hearing, token)


@router.callback_query(CheckinCb.filter())
async def on_replace_code(
    query: CallbackQuery,
    callback_data: CheckinCb,
    cards: Cards,
    attendance: AttendanceRepository,
    audit: AuditRepository,
) -> None:
    hearing = await get_hearing(cards.hearings, callback_data.hearing_id)
    token = await rules.replace_token(
        attendance, audit, hearing, callback_data.tag, query.from_user.id, cards.clock()
    )
    await query.answer(cards.tr("checkin-replaced"))
    await set_pressed_buttons(cards.bot, query)  # the old poster can no longer be replaced
    await send_poster(cards, query.from_user.id, hearing, token)


# --- marking by hand ----------------------------------------------------------------------


async def marking_screen(
    cards: Cards, attendance: AttendanceRepository, hearing: Hearing, page: int
) -> tuple[str, InlineKeyboardMarkup]:
    seats = await attendance.seats(hearing.id)
    pages = max(math.ceil(len(seats) / MARK_PAGE), 1)
    page = min(page, pages - 1)
    shown = seats[page * MARK_PAGE : (page + 1) * MARK_PAGE]
    came = sum(seat.attended_at is not None for seat in seats)
    text = cards.tr(
        "attendance-title",
        title=hearing.title,
        attended=came,
        confirmed=len(seats),
        page=page + 1,
        pages=pages,
    )
    markup = keyboards.marking(cards.tr, hearing.id, shown, page, pages, page * MARK_PAGE + 1)
    return text, markup


@router.callback_query(HearingCb.filter(F.action == "attendance"))
async def on_open_marking(
    query: CallbackQuery, callback_data: HearingCb, cards: Cards, attendance: AttendanceRepository
) -> None:
    hearing = await get_hearing(cards.hearings, callback_data.id)
    text, markup = await marking_screen(cards, attendance, hearing, 0)
    await query.answer()
    await cards.bot.send_message(query.from_user.id, text, reply_markup=markup)


@router.callback_query(MarkPageCb.filter())
async def on_marking_page(
    query: CallbackQuery, callback_data: MarkPageCb, cards: Cards, attendance: AttendanceRepository
) -> None:
    hearing = await get_hearing(cards.hearings, callback_data.hearing_id)
    text, markup = await marking_screen(cards, attendance, hearing, callback_data.page)
    await query.answer()
    await replace_pressed(cards.bot, query, text, markup)


@router.callback_query(MarkCb.filter())
async def on_mark(
    query: CallbackQuery,
    callback_data: MarkCb,
    cards: Cards,
    attendance: AttendanceRepository,
    audit: AuditRepository,
) -> None:
    hearing = await get_hearing(cards.hearings, callback_data.hearing_id)
    await rules.set_attended(
        attendance, audit, hearing, callback_data.user_id, callback_data.attended,
        query.from_user.id, cards.clock(),
    )  # fmt: skip
    text, markup = await marking_screen(cards, attendance, hearing, callback_data.page)
    await query.answer()
    await replace_pressed(cards.bot, query, text, markup)
