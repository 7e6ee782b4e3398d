"""/start (with an optional deep-link payload), /help, /cancel and the main menu."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message, ReplyKeyboardRemove

from bot.i18n import Translator
from bot.repositories.attendance import AttendanceRepository
from bot.repositories.users import User
from bot.services import attendance as checkin
from bot.services.errors import NotRegisteredError
from bot.ui import keyboards
from bot.ui.callbacks import MenuCb
from bot.ui.views import local_time
from handlers.hearings import Cards, deep_link_hearing
from handlers.registration import RegistrationFlow

router = Router(name=__name__)


@router.message(CommandStart())
async def on_start(
    message: Message,
    command: CommandObject,
    flow: RegistrationFlow,
    cards: Cards,
    attendance: AttendanceRepository,
    user: User | None,
) -> None:
    tr = flow.tr
    token = checkin.token_of(command.args)
    if token is not None:
        # A scan of a hearing's check-in code, at the door: registered or not.
        await on_scan(message, token, cards, attendance, user)
        return
    if user is not None and user.is_registered:
        await flow.state.clear()
        hearing_id = deep_link_hearing(command.args)
        if hearing_id is not None:
            await cards.send_card(message.chat.id, hearing_id)
            return
        await message.answer(tr("main-menu"), reply_markup=keyboards.main_menu(tr))
        return
    if command.args:
        # Kept through registration so a shared link still lands where it pointed.
        await flow.state.update_data(payload=command.args[:64])
    if await flow.resume():
        return
    await message.answer(
        tr("start-greeting"), reply_markup=keyboards.languages(tr, onboarding=True)
    )


async def on_scan(
    message: Message,
    token: str,
    cards: Cards,
    attendance: AttendanceRepository,
    user: User | None,
) -> None:
    tr, zone = cards.tr, cards.settings.timezone
    found = await checkin.check_in(
        attendance, cards.hearings, cards.signups, token, message.chat.id, cards.clock()
    )
    title = found.hearing.title
    if found.outcome == "attended":
        await message.answer(tr("checkin-done", title=title))
    elif found.outcome == "again":
        at = local_time(found.at, zone) if found.at else "—"
        await message.answer(tr("checkin-again", title=title, time=at))
    elif found.outcome == "waiting":
        await message.answer(tr("checkin-waiting", title=title, position=found.position))
    else:
        registered = user is not None and user.is_registered
        markup = None if registered else keyboards.register(tr)
        await message.answer(tr("checkin-not-signed-up", title=title), reply_markup=markup)


@router.message(Command("help"))
async def on_help(message: Message, tr: Translator) -> None:
    await message.answer(tr("help"))


@router.message(Command("cancel"))
async def on_cancel(message: Message, state: FSMContext, tr: Translator) -> None:
    if await state.get_state() is None:
        await message.answer(tr("cancel-nothing"), reply_markup=ReplyKeyboardRemove())
        return
    await state.clear()
    await message.answer(tr("cancel-done"), reply_markup=ReplyKeyboardRemove())


@router.callback_query(MenuCb.filter(F.item == "help"))
async def on_menu_help(query: CallbackQuery, tr: Translator) -> None:
    await query.answer()
    if query.message is not None:
        await query.message.answer(tr("help"))


@router.callback_query(MenuCb.filter(F.item == "register"))
async def on_menu_register(query: CallbackQuery, flow: RegistrationFlow, user: User | None) -> None:
    await query.answer()
    await flow.close_buttons(query)
    if user is not None and user.is_registered:
        await flow.bot.send_message(flow.chat_id, flow.tr("already-registered"))
        return
    if not await flow.resume():
        await flow.begin()


@router.callback_query(MenuCb.filter(F.item == "profile"))
async def on_menu_profile(query: CallbackQuery, flow: RegistrationFlow, user: User | None) -> None:
    if user is None or not user.is_registered:
        raise NotRegisteredError()
    await query.answer()
    await flow.show_profile(user)
