"""Screens that change in place: the pressed message becomes the next screen.

A button pressed twice (a double tap, a retry after a slow network) asks for the screen the
message already shows. Telegram refuses such an edit ("message is not modified"), so the
pressed message, which every callback query carries, is compared first and left alone when
it already is what it should be. The two presses of a double tap are handled at once and
both carry the message as it was before either edit, so the change each makes is also
remembered for a while: the second finds it made and leaves the message alone.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Awaitable, Callable
from weakref import finalize

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message


async def replace_pressed(
    bot: Bot, query: CallbackQuery, text: str, markup: InlineKeyboardMarkup | None
) -> None:
    """Edit the message whose button was pressed; post a new one if it cannot be edited."""
    message = query.message
    if message is None or not isinstance(message, Message) or message.text is None:
        await bot.send_message(query.from_user.id, text, reply_markup=markup)
        return
    if message.html_text == text and _same_buttons(message.reply_markup, markup):
        return
    await _change_once(
        bot,
        message,
        text,
        markup,
        lambda: bot.edit_message_text(
            text=text, chat_id=message.chat.id, message_id=message.message_id, reply_markup=markup
        ),
    )


async def set_pressed_buttons(
    bot: Bot, query: CallbackQuery, markup: InlineKeyboardMarkup | None = None
) -> None:
    """Give the pressed message these buttons (none removes them), unless it has them."""
    message = query.message
    if not isinstance(message, Message) or _same_buttons(message.reply_markup, markup):
        return
    await _change_once(
        bot,
        message,
        message.html_text,
        markup,
        lambda: bot.edit_message_reply_markup(
            chat_id=message.chat.id, message_id=message.message_id, reply_markup=markup
        ),
    )


async def _change_once(
    bot: Bot,
    message: Message,
    text: str,
    markup: InlineKeyboardMarkup | None,
    edit: Callable[[], Awaitable[object]],
) -> None:
    """Make the edit unless this process already made this very change to the message."""
    changes = _memory(bot)
    change = _change(message, text, markup)
    if change in changes:
        return
    # Checked and recorded with no await in between: of two presses handled at once,
    # exactly one goes on to edit.
    changes[change] = None
    if len(changes) > REMEMBERED_CHANGES:
        changes.popitem(last=False)
    try:
        await edit()
    except TelegramBadRequest as error:
        if not _not_modified(error):
            changes.pop(change, None)
            raise
    except Exception:
        changes.pop(change, None)  # not made: a later press must try again
        raise


Change = tuple[int, int, int, int]  # chat, message, what it showed, what it was changed to
# The changes each Bot object made lately, by the object's identity: bots compare equal
# by token, and tests start many bots with one token against fresh stand-ins.
_changes: dict[int, OrderedDict[Change, None]] = {}
REMEMBERED_CHANGES = 1024


def _memory(bot: Bot) -> OrderedDict[Change, None]:
    memory = _changes.get(id(bot))
    if memory is None:
        memory = _changes[id(bot)] = OrderedDict()
        finalize(bot, _changes.pop, id(bot), None)
    return memory


def _change(message: Message, text: str, markup: InlineKeyboardMarkup | None) -> Change:
    shown = hash((message.html_text, repr(_rows(message.reply_markup))))
    return message.chat.id, message.message_id, shown, hash((text, repr(_rows(markup))))


def _same_buttons(shown: InlineKeyboardMarkup | None, wanted: InlineKeyboardMarkup | None) -> bool:
    return _rows(shown) == _rows(wanted)


def _rows(markup: InlineKeyboardMarkup | None) -> list[list[dict[str, object]]]:
    if markup is None:
        return []
    rows = (row for row in markup.inline_keyboard if row)
    return [[button.model_dump(exclude_none=True) for button in row] for row in rows]


def _not_modified(error: TelegramBadRequest) -> bool:
    return "message is not modified" in error.message
