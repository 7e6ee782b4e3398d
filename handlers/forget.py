"""/forget: erase a person's personal data after they confirm."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message, ReplyKeyboardRemove

from bot.i18n import Translator
from bot.jobs.notices import NoticeWorker
from bot.repositories.notices import NoticeRepository
from bot.repositories.reminders import ReminderRepository
from bot.repositories.users import User
from bot.services import notices as notice_rules
from bot.services import signups as seats
from bot.services import volunteers
from bot.ui import keyboards
from bot.ui.callbacks import ForgetCb
from handlers.hearings import Cards
from handlers.registration import RegistrationFlow

router = Router(name=__name__)


@router.message(Command("forget"))
async def on_forget(message: Message, user: User | None, state: FSMContext, tr: Translator) -> None:
    has_draft = bool(await state.get_data())
    if not has_draft and (user is None or not user.has_personal_data):
        await message.answer(tr("forget-nothing"))
        return
    await message.answer(tr("forget-confirm"), reply_markup=keyboards.forget(tr))


@router.callback_query(ForgetCb.filter())
async def on_forget_answer(
    query: CallbackQuery,
    callback_data: ForgetCb,
    flow: RegistrationFlow,
    cards: Cards,
    reminders: ReminderRepository,
    notices: NoticeRepository,
    outbox: NoticeWorker,
    user: User | None,
) -> None:
    if callback_data.confirm and not await flow.state.get_data():
        volunteers.require_personal_data(user)  # a second "Yes": already erased
    if callback_data.confirm:
        # Seats of someone who leaves go to the people waiting, as with a cancellation.
        released = await seats.release_all(
            cards.hearings, cards.signups, reminders, flow.chat_id, flow.clock(),
            cards.settings.reminder_offsets,
        )  # fmt: skip
        for hearing, promoted in released:
            await notice_rules.promoted(notices, hearing.id, promoted, flow.clock())
        outbox.wake()
        await volunteers.forget(flow.users, flow.chat_id, flow.clock())
    await query.answer()
    await flow.close_buttons(query)
    if callback_data.confirm:
        await flow.bot.send_message(
            flow.chat_id, flow.tr("forget-done"), reply_markup=ReplyKeyboardRemove()
        )
    else:
        await flow.bot.send_message(flow.chat_id, flow.tr("forget-kept"))
