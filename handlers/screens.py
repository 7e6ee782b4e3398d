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

from bot.notifier import is_not_modified


async def replace_pressed(
    bot: Bot, query: CallbackQuery, text: str, markup: InlineKeyboardMarkup | None
) -> None:
    """Edit the message whose button was pressed; post a new one if it cannot be edited."""
    message = query.message
    if message is None or not isinstance(message, Message) or message.text is None:
        await bot.send_message(query.from_user.id, text, reply_markup=markup)
        return
    shown = message.html_text  # rendered from the entities on every read: once here
    if shown == text and _same_buttons(message.reply_markup, markup):
        return
    await _change_once(
        bot,
        message,
        shown,
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
    shown = message.html_text
    await _change_once(
        bot,
        message,
        shown,
        shown,
        markup,
        lambda: bot.edit_message_reply_markup(
            chat_id=message.chat.id, message_id=message.message_id, reply_markup=markup
        ),
    )


async def _change_once(
    bot: Bot,
    message: Message,
    shown: str,
    text: str,
    markup: InlineKeyboardMarkup | None,
    edit: Callable[[], Awaitable[object]],
) -> None:
    """Make the edit unless another press of the same screen has just made it.

    `shown` is what the message shows (its text as HTML), `text` and `markup` what it
    is to show. Each message remembers its latest change (what it showed, what it
    became). A press that still sees the "before" and wants the "after" is the second of
    a double tap; a later press that sees the "after" and wants the "before" back, and
    then the "after" again, goes through each time.
    """
    memory = _memory(bot)
    key = (message.chat.id, message.message_id)
    change = (_screen(shown, message.reply_markup), _screen(text, markup))
    if memory.get(key) == change:
        return
    # Checked and recorded with no await in between: of two presses handled at once,
    # exactly one goes on to edit.
    previous = memory.get(key)
    memory[key] = change
    memory.move_to_end(key)
    if len(memory) > REMEMBERED_MESSAGES:
        memory.popitem(last=False)
    try:
        await edit()
    except TelegramBadRequest as error:
        if not is_not_modified(error):
            _restore(memory, key, change, previous)
            raise
    except Exception:
        _restore(memory, key, change, previous)  # not made: a later press must try again
        raise


def _restore(
    memory: OrderedDict[tuple[int, int], Change],
    key: tuple[int, int],
    change: Change,
    previous: Change | None,
) -> None:
    if memory.get(key) != change:
        return  # another press has changed it since
    if previous is None:
        memory.pop(key, None)
    else:
        memory[key] = previous


Change = tuple[int, int]  # what the message showed, what it was changed to (hashes)
# The latest change of each message, per Bot object (by identity: bots compare equal by
# token, and tests start many bots with one token against fresh stand-ins).
_changes: dict[int, OrderedDict[tuple[int, int], Change]] = {}
REMEMBERED_MESSAGES = 1024


def _memory(bot: Bot) -> OrderedDict[tuple[int, int], Change]:
    memory = _changes.get(id(bot))
    if memory is None:
        memory = _changes[id(bot)] = OrderedDict()
        finalize(bot, _changes.pop, id(bot), None)
    return memory


def _screen(text: str, markup: InlineKeyboardMarkup | None) -> int:
    return hash((text, repr(_rows(markup))))


def _same_buttons(shown: InlineKeyboardMarkup | None, wanted: InlineKeyboardMarkup | None) -> bool:
    return _rows(shown) == _rows(wanted)


def _rows(markup: InlineKeyboardMarkup | None) -> list[list[dict[str, object]]]:
    """The buttons' set fields, comparable between a keyboard built here and one read
    from an update (the fields, not `model_dump`: this runs for every button pressed)."""
    if markup is None:
        return []
    rows = (row for row in markup.inline_keyboard if row)
    return [
        [
            {name: value for name, value in vars(button).items() if value is not None}
            for button in row
        ]
        for row in rows
    ]
