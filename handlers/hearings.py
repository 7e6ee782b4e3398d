"""Volunteers and hearings: the list, a card, sign-up, cancel, calendar file, /my, reminders."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import quote

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message

from bot.config import Settings
from bot.i18n import Translator
from bot.jobs.notices import NoticeWorker
from bot.jobs.reminders import Reminders
from bot.repositories.hearings import Hearing, HearingRepository
from bot.repositories.notices import NoticeRepository
from bot.repositories.reminders import ReminderRepository
from bot.repositories.signups import SignupRepository
from bot.repositories.users import User
from bot.services import errors
from bot.services import hearings as hearing_rules
from bot.services import notices as notice_rules
from bot.services import reports as report_rules
from bot.services import signups as seats
from bot.services.calendar import hearing_ics
from bot.services.roles import Roles
from bot.ui import keyboards, views
from bot.ui.callbacks import AttendCb, HearingCb, HearingsPageCb, MenuCb
from handlers.screens import replace_pressed, set_pressed_buttons

router = Router(name=__name__)

PAGE_SIZE = 5
MY_LIMIT = 10  # the soonest ten keep /my within one Telegram message
DEEP_LINK = re.compile(r"^h(\d{1,9})$")


@dataclass(slots=True)
class Cards:
    """Renders hearing cards and lists for one update."""

    bot: Bot
    tr: Translator
    settings: Settings
    hearings: HearingRepository
    signups: SignupRepository
    roles: Roles
    clock: Callable[[], datetime]

    async def link(self, hearing_id: int) -> str:
        me = await self.bot.me()
        return f"https://t.me/{me.username}?start=h{hearing_id}"

    async def card(self, hearing: Hearing, user_id: int) -> tuple[str, InlineKeyboardMarkup]:
        now = self.clock()
        signup = await self.signups.active(hearing.id, user_id)
        staff = await self.roles.is_coordinator(user_id)
        link = await self.link(hearing.id)
        share = f"https://t.me/share/url?url={quote(link, safe='')}&text={quote(hearing.title)}"
        text = views.hearing_card(
            self.tr, hearing, self.settings.timezone, signup=signup, link=link, now=now
        )
        seated = signup is not None and signup.status == "confirmed"
        markup = keyboards.hearing_card(
            self.tr,
            hearing,
            signup=signup,
            share_url=share,
            coordinator=staff,
            now=now,
            can_report=seated
            and hearing.has_started(now)
            and not hearing.is_cancelled
            and now - hearing.starts_at <= report_rules.REPORT_WINDOW,
            can_alert=seated and report_rules.urgent_open(hearing, now),
        )
        return text, markup

    async def page(self, page: int) -> tuple[str, InlineKeyboardMarkup | None]:
        now = self.clock()
        total = await self.hearings.count_upcoming(now)
        pages = max(math.ceil(total / PAGE_SIZE), 1)
        page = min(max(page, 0), pages - 1)
        found = await self.hearings.list_upcoming(now, PAGE_SIZE, page * PAGE_SIZE)
        first = page * PAGE_SIZE + 1
        text = views.hearing_list(self.tr, found, self.settings.timezone, page, pages, first)
        markup = keyboards.hearing_list(self.tr, found, page, pages, first) if found else None
        return text, markup

    async def send_card(self, chat_id: int, hearing_id: int) -> None:
        hearing = await hearing_rules.get_hearing(self.hearings, hearing_id)
        text, markup = await self.card(hearing, chat_id)
        await self.bot.send_message(chat_id, text, reply_markup=markup)

    async def answer_with_card(self, query: CallbackQuery, hearing_id: int) -> None:
        """Answer the press and turn the pressed message into the card as it is now
        (after this update's own changes); a list stays one message, not many.

        Everything is read before the answer: reads after the first call to Telegram
        would take the write lock (bot/db.py), and a refusal (the hearing is gone)
        still comes before the button's answer.
        """
        hearing = await hearing_rules.get_hearing(self.hearings, hearing_id)
        text, markup = await self.card(hearing, query.from_user.id)
        await query.answer()
        await self.replace(query, text, markup)

    async def replace(
        self, query: CallbackQuery, text: str, markup: InlineKeyboardMarkup | None
    ) -> None:
        await replace_pressed(self.bot, query, text, markup)


def deep_link_hearing(payload: str | None) -> int | None:
    match = DEEP_LINK.match(payload or "")
    return int(match.group(1)) if match else None


# --- the list and the card -----------------------------------------------------------


@router.message(Command("hearings"))
async def on_hearings(message: Message, user: User | None, cards: Cards) -> None:
    seats.require_registered(user)
    text, markup = await cards.page(0)
    await message.answer(text, reply_markup=markup)


@router.callback_query(MenuCb.filter(F.item == "hearings"))
async def on_menu_hearings(query: CallbackQuery, user: User | None, cards: Cards) -> None:
    seats.require_registered(user)
    await query.answer()
    text, markup = await cards.page(0)
    await cards.bot.send_message(query.from_user.id, text, reply_markup=markup)


@router.callback_query(HearingsPageCb.filter())
async def on_page(
    query: CallbackQuery, callback_data: HearingsPageCb, user: User | None, cards: Cards
) -> None:
    seats.require_registered(user)
    text, markup = await cards.page(callback_data.page)
    await query.answer()
    await cards.replace(query, text, markup)


@router.callback_query(HearingCb.filter(F.action == "open"))
async def on_open(
    query: CallbackQuery, callback_data: HearingCb, user: User | None, cards: Cards
) -> None:
    seats.require_registered(user)
    await cards.answer_with_card(query, callback_data.id)


# --- sign up and cancel -----------------------------------------------------------------


@router.callback_query(HearingCb.filter(F.action == "signup"))
async def on_sign_up(
    query: CallbackQuery,
    callback_data: HearingCb,
    user: User | None,
    cards: Cards,
    reminders: ReminderRepository,
    reminder_jobs: Reminders,
) -> None:
    person = seats.require_registered(user)
    now = cards.clock()
    hearing = await hearing_rules.get_open_hearing(cards.hearings, callback_data.id, now)
    result = await seats.sign_up(
        cards.hearings, cards.signups, reminders, hearing, person, now,
        cards.settings.reminder_offsets,
    )  # fmt: skip
    await reminder_jobs.refresh(hearing.id)
    tr = cards.tr
    if result.already:
        # A second tap (or a double tap) changes nothing: the card already says so.
        await query.answer(tr("signup-already"))
        return
    if result.status == "confirmed":
        note = tr("signup-confirmed", title=hearing.title)
    else:
        note = tr("signup-waiting", title=hearing.title, position=result.position)
    await cards.answer_with_card(query, hearing.id)
    await cards.bot.send_message(person.id, note)


@router.callback_query(HearingCb.filter(F.action == "leave"))
async def on_leave(
    query: CallbackQuery,
    callback_data: HearingCb,
    cards: Cards,
    reminders: ReminderRepository,
    notices: NoticeRepository,
    outbox: NoticeWorker,
) -> None:
    now = cards.clock()
    hearing = await hearing_rules.get_open_hearing(cards.hearings, callback_data.id, now)
    promoted = await seats.cancel_signup(
        cards.signups, reminders, hearing, query.from_user.id, now, cards.settings.reminder_offsets
    )
    await notice_rules.promoted(notices, hearing.id, promoted, now)
    outbox.wake()
    await cards.answer_with_card(query, hearing.id)
    await cards.bot.send_message(
        query.from_user.id, cards.tr("signup-cancelled", title=hearing.title)
    )


@router.callback_query(AttendCb.filter())
async def on_reminder_answer(
    query: CallbackQuery,
    callback_data: AttendCb,
    cards: Cards,
    reminders: ReminderRepository,
    notices: NoticeRepository,
    outbox: NoticeWorker,
) -> None:
    now = cards.clock()
    hearing = await hearing_rules.get_open_hearing(cards.hearings, callback_data.id, now)
    promoted = await seats.answer_reminder(
        cards.signups, reminders, hearing, query.from_user.id, callback_data.coming, now,
        cards.settings.reminder_offsets,
    )  # fmt: skip
    await notice_rules.promoted(notices, hearing.id, promoted, now)
    outbox.wake()
    await query.answer()
    await set_pressed_buttons(cards.bot, query)
    key = "attend-coming" if callback_data.coming else "attend-not-coming"
    await cards.bot.send_message(query.from_user.id, cards.tr(key, title=hearing.title))


# --- calendar file and /my ---------------------------------------------------------------


@router.callback_query(HearingCb.filter(F.action == "ics"))
async def on_calendar(query: CallbackQuery, callback_data: HearingCb, cards: Cards) -> None:
    hearing = await hearing_rules.get_hearing(cards.hearings, callback_data.id)
    if hearing.is_cancelled:
        raise errors.HearingCancelledError()
    tr = cards.tr
    body = f"{views.chamber_name(tr, hearing)} — {hearing.committee}"
    me = await cards.bot.me()
    ics = hearing_ics(
        hearing,
        cards.settings.timezone,
        body=body,
        description=hearing.description,
        link=await cards.link(hearing.id),
        now=cards.clock(),
        domain=me.username or "hearings",
    )
    await query.answer()
    await cards.bot.send_document(
        query.from_user.id,
        BufferedInputFile(ics, filename=f"hearing-{hearing.id}.ics"),
        caption=tr("ics-caption"),
    )


@router.message(Command("my"))
async def on_my(message: Message, user: User | None, cards: Cards) -> None:
    await send_my_signups(seats.require_registered(user), cards)


@router.callback_query(MenuCb.filter(F.item == "my"))
async def on_menu_my(query: CallbackQuery, user: User | None, cards: Cards) -> None:
    person = seats.require_registered(user)
    await query.answer()
    await send_my_signups(person, cards)


async def send_my_signups(person: User, cards: Cards) -> None:
    now = cards.clock()
    mine = await cards.signups.for_my_list(person.id, now, now - report_rules.REPORT_WINDOW)
    tr, zone = cards.tr, cards.settings.timezone
    if not mine:
        await cards.bot.send_message(person.id, tr("my-empty"))
        return
    shown, more = mine[:MY_LIMIT], len(mine) - MY_LIMIT
    lines = [tr("my-title")]
    for item in shown:
        starts_at = datetime.fromisoformat(item.starts_at)
        ends_at = datetime.fromisoformat(item.ends_at) if item.ends_at else None
        if starts_at <= now:  # under way, or over with the report still to write
            ended = now >= (ends_at or starts_at + hearing_rules.ASSUMED_LENGTH)
            status = tr("my-report-due" if ended else "my-under-way")
        elif item.status == "confirmed":
            status = tr("my-confirmed")
        else:
            status = tr("my-waiting", position=item.position)
        when = views.local_datetime(tr, starts_at, zone, short=True)
        lines.append(tr("my-item", title=item.title, when=when, status=status))
    if more > 0:
        lines.append(tr("my-more", count=more))
    markup = keyboards.my_signups(tr, [(item.hearing_id, item.title) for item in shown])
    await cards.bot.send_message(person.id, "\n\n".join(lines), reply_markup=markup)
