"""/profile: show the stored profile and change any field of it."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.repositories.users import User
from bot.services.errors import NotRegisteredError
from bot.ui.callbacks import ProfileCb
from handlers.registration import FIELD_STATES, RegistrationFlow

router = Router(name=__name__)


@router.message(Command("profile"))
async def on_profile(message: Message, flow: RegistrationFlow, user: User | None) -> None:
    if user is None or not user.is_registered:
        raise NotRegisteredError()
    if (await flow.state.get_data()).get("mode") == "profile":
        await flow.state.clear()  # an abandoned field edit
    await flow.show_profile(user)


@router.callback_query(ProfileCb.filter(F.field.in_(FIELD_STATES)))
async def on_profile_field(
    query: CallbackQuery, callback_data: ProfileCb, flow: RegistrationFlow, user: User | None
) -> None:
    if user is None or not user.is_registered:
        raise NotRegisteredError()
    await query.answer()
    await flow.edit_field(callback_data.field, mode="profile")
