"""/language: switch the interface language at any moment, even mid-form."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.config import Settings
from bot.i18n import LANGUAGES, Locales, Translator
from bot.repositories.coordinators import CoordinatorRepository
from bot.ui import keyboards
from bot.ui.callbacks import LanguageCb, MenuCb, ProfileCb
from handlers.registration import RegistrationFlow

router = Router(name=__name__)


@router.message(Command("language"))
async def on_language_command(message: Message, tr: Translator) -> None:
    await message.answer(
        tr("language-choose"), reply_markup=keyboards.languages(tr, onboarding=False)
    )


@router.callback_query(MenuCb.filter(F.item == "language"))
@router.callback_query(ProfileCb.filter(F.field == "language"))
async def on_language_button(query: CallbackQuery, tr: Translator) -> None:
    await query.answer()
    if query.message is not None:
        await query.message.answer(
            tr("language-choose"), reply_markup=keyboards.languages(tr, onboarding=False)
        )


@router.callback_query(LanguageCb.filter(~F.onboarding & F.code.in_(LANGUAGES)))
async def on_language_chosen(
    query: CallbackQuery,
    callback_data: LanguageCb,
    flow: RegistrationFlow,
    locales: Locales,
    coordinators: CoordinatorRepository,
    settings: Settings,
) -> None:
    await flow.switch_language(query, locales.get(callback_data.code), coordinators, settings)
    await flow.bot.send_message(flow.chat_id, flow.tr("language-changed"))
    # Someone mid-registration sees the question again, now in the new language.
    await flow.resume()
