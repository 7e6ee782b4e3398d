"""Whatever no other handler took: an answer, never silence. Included last."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import CallbackQuery, Message

from bot.i18n import Translator

router = Router(name=__name__)


@router.message(F.text.startswith("/"))
async def on_unknown_command(
    message: Message, tr: Translator, raw_state: str | None = None
) -> None:
    # In a form the steps hold unknown commands back (handlers/filters.py): say the
    # question still waits, so a typo of /cancel is not mistaken for leaving.
    await message.answer(tr("unknown-command" if raw_state is None else "unknown-command-in-form"))


@router.message()
async def on_unexpected_message(message: Message, tr: Translator) -> None:
    await message.answer(tr("unexpected-input"))


@router.callback_query()
async def on_stale_button(query: CallbackQuery, tr: Translator) -> None:
    # Old keyboards, buttons of a finished step, forged data: all end here unchanged.
    await query.answer(tr("button-stale"), show_alert=True)
