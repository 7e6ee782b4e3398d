"""A local stand-in for the Telegram Bot API, for tests, benchmarks and offline use.

A real aiogram bot talks to it over HTTP; tests act as Telegram users and observe what
the bot sent.  Every call is validated against the published spec
(``standin/data/api.min.json``) and Telegram's documented limits; calls the real API would
reject are answered ``400 Bad Request`` *and* recorded in ``server.violations``.

Starting and connecting a bot::

    from aiogram import Bot
    from aiogram.client.session.aiohttp import AiohttpSession
    from aiogram.client.telegram import TelegramAPIServer
    from standin import BotAPIStandin

    async with BotAPIStandin(token="123456:TEST") as server:  # or: await server.start()
        session = AiohttpSession(api=TelegramAPIServer.from_base(server.url))
        bot = Bot(server.token, session=session)
        ...
        await session.close()

(``standin.testing.connected_bot(server)`` and ``standin.testing.polling(dp, bot)`` wrap
these steps.)

Acting as users — every action injects an ``Update`` (in order) and returns the created
``Message`` dict, or a :class:`CallbackPress` for button presses::

    alice = server.user(1001, first_name="Alice", language_code="en")  # private chat 1001
    group = server.group(-100123, title="Coordinators")                # a supergroup
    alice.send_text("/start h12")          # bot_command entity added automatically
    group.send_text(alice, "hi")           # or alice.send_text("hi", chat=group)
    alice.send_contact("+998901234567")    # own contact; user_id=42 / user_id=None
    alice.send_photo(caption="look"); alice.send_album(n=3)
    alice.send_document(file_name="a.pdf", mime_type="application/pdf", data=b"...")
    alice.send_voice(duration=3); alice.send_video(); alice.send_sticker()
    alice.send_location(41.31, 69.24)
    alice.forward_from(bob, text="...")    # forward_origin of type "user"
    press = alice.press("Button text")     # newest bot message with that inline button
    press = alice.press_data("forged:data", message_id=None)
    answer = await press.answer(timeout=5.0)   # params of the bot's answerCallbackQuery

Observing the bot — each chat has a queue of events, one per message sent or edited::

    msg = await alice.next_message(timeout=5.0)   # BotMessage; TimeoutError with a dump
    msg.text, msg.caption, msg.message_id, msg.edited, msg.method, msg.reply_markup,
    msg.buttons, msg.reply_buttons, msg.document, msg.photo, msg.file_bytes()
    await alice.expect_no_message(within=0.5)
    alice.history          # current state of the bot's messages (after edits)
    alice.drain()          # drop queued events

    server.violations      # list[Violation(method, params, reason)]
    server.assert_no_violations()
    server.calls           # deque[Call(method, params, status, description)]
    server.commands(language_code=None, scope={"type": "default"})
    server.file_bytes(file_id)

Failure injection::

    server.fail_next("sendMessage", error_code=429, retry_after=2, times=1, chat_id=None)
    server.fail_next("sendMessage", 403)          # "Forbidden: bot was blocked by the user"
    server.fail_next("sendMessage", kind="timeout", delay=30)  # delivered, answer held back
    server.block(user_id)
    server.enforce_rate_limits(per_chat_per_second=1.0, global_per_second=30.0,
                               group_per_minute=20)

The objects are not thread-safe: use them from the event loop the server runs on.
See ``standin/README.md`` for the full reference.
"""

from .chats import OWN_ID, StandinChat, StandinGroup, StandinUser
from .errors import ApiError
from .files import StoredFile, Upload
from .formatting import FormattingError, Rendered, render
from .models import BotMessage, Call, CallbackPress, Violation
from .server import BotAPIStandin
from .spec import Spec, load_spec

__all__ = [
    "OWN_ID",
    "ApiError",
    "BotAPIStandin",
    "BotMessage",
    "Call",
    "CallbackPress",
    "FormattingError",
    "Rendered",
    "Spec",
    "StandinChat",
    "StandinGroup",
    "StandinUser",
    "StoredFile",
    "Upload",
    "Violation",
    "load_spec",
    "render",
]
