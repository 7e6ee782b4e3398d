"""Groups: the bot works in private chats and points group members there."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.enums import ChatType
from aiogram.filters import Command
from aiogram.types import Message

from bot.i18n import Translator

router = Router(name=__name__)
router.message.filter(F.chat.type.in_({ChatType.GROUP, ChatType.SUPERGROUP}))


@router.message(Command("start", "help", "profile", "language", "forget"))
async def on_group_command(message: Message, bot: Bot, tr: Translator) -> None:
    me = await bot.me()
    await message.reply(tr("group-private-only", link=f"https://t.me/{me.username}?start=group"))
