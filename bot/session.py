"""How the bot talks to the Bot API: aiogram's aiohttp session, made cheaper per call.

Every update costs one to three Bot API calls, and in the throughput bench the calls
were about half of the bot's CPU: encoding each request, parsing each answer. Two
costs there are aiogram's defaults rather than the work itself, and both are removed
here without changing what is sent or what handlers get back.
"""

from __future__ import annotations

import json
from typing import Any

from aiogram import Bot
from aiogram.client.context_controller import BotContextController
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.methods import TelegramMethod
from aiogram.methods.base import Response, TelegramType
from aiogram.types import TelegramObject
from aiohttp import BytesPayload, FormData


class BotSession(AiohttpSession):
    """aiogram's session, sending JSON bodies, keeping its answer models and closing
    at once over plain HTTP."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        # Keyed by the method class: its return annotation (often a Union) may not hash
        # the same way twice, the class always does.
        self._answer_models: dict[type[TelegramMethod[Any]], type[Response[Any]]] = {}

    def build_form_data(  # type: ignore[override]  # aiogram hands it to aiohttp's `data=`
        self, bot: Bot, method: TelegramMethod[Any]
    ) -> FormData | BytesPayload:
        """One JSON document instead of a url-encoded form, unless a file goes with it.

        aiogram encodes every nested value (a keyboard, link preview options) as JSON,
        then url-encodes that JSON into a form field: an edit with a keyboard took
        0.4 ms, 0.08 ms as JSON. The values are prepared by aiogram's own
        `prepare_value` (bot defaults, enums, dates), so the content is the same; the
        Bot API reads a JSON body as it reads a form. Uploads still need multipart.
        """
        files: dict[str, Any] = {}
        payload: dict[str, Any] = {}
        # exclude_none: aiogram drops the Nones anyway, after walking them; a keyboard
        # button has a dozen optional fields.
        for key, value in method.model_dump(warnings=False, exclude_none=True).items():
            prepared = self.prepare_value(value, bot=bot, files=files, _dumps_json=False)
            if prepared is not None and prepared != "":  # what aiogram's form leaves out
                payload[key] = prepared
        if files:
            return super().build_form_data(bot, method)
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
        return BytesPayload(body, content_type="application/json")

    def check_response(
        self, bot: Bot, method: TelegramMethod[TelegramType], status_code: int, content: str
    ) -> Response[TelegramType]:
        """aiogram's check, with `Response[T]` built once per method, not per call.

        aiogram parses every answer as `Response[method.__returning__]`, a generic
        model pydantic creates on first use and caches in a `WeakValueDictionary`.
        Nothing else held the class, so every garbage collection freed it and the next
        call built it again (a schema walk and a validator): `Response[bool]` 45 times
        in 500 updates, about a twentieth of the bot's CPU. A strong reference here
        makes pydantic's cache hit.
        """
        kind = type(method)
        if kind not in self._answer_models:
            self._answer_models[kind] = Response[method.__returning__]  # type: ignore[name-defined]
        return super().check_response(bot, method, status_code, content)

    async def close(self) -> None:
        """aiogram waits 250 ms after closing, for TLS connections to shut down; over
        plain HTTP (a local Bot API server, the stand-in) there are none to wait for,
        and the tests restart bots hundreds of times."""
        if self.api.base.startswith("https:"):
            await super().close()
        elif self._session is not None and not self._session.closed:
            await self._session.close()


def bind_bot_in_one_step() -> int:
    """Give every aiogram type one post-init step instead of a chain; return how many.

    Each parsed Telegram object (an update, a message in an answer, each of its buttons)
    is bound to the bot by `BotContextController.model_post_init`. pydantic wraps that
    method again at every class level that has private attributes, and each wrapper
    initialises them once more: four calls per object for a Message. One step that does
    the same cut parsing a message with a keyboard from 145 to 60 µs.

    Only classes whose post-init is exactly that chain, and whose one private
    attribute is `_bot`, are changed; any other class keeps pydantic's. Idempotent.
    """
    bind = _innermost(BotContextController.model_post_init)
    changed = 0
    for cls in _subclasses(TelegramObject):
        current = cls.model_post_init
        if current is _bind_bot or _innermost(current) is not bind:
            continue
        if set(cls.__private_attributes__) != {"_bot"}:
            continue
        cls.model_post_init = _bind_bot  # type: ignore[method-assign,assignment]
        changed += 1
    return changed


def _bind_bot(self: BotContextController, context: Any, /) -> None:
    """What the chain of wrappers ends up doing: `_bot` from the validation context."""
    bot = context.get("bot") if context else None
    private = getattr(self, "__pydantic_private__", None)
    if private is None:
        object.__setattr__(self, "__pydantic_private__", {"_bot": bot})
    else:  # a subclass made later, with more private attributes, set them already
        private["_bot"] = bot


def _innermost(function: Any) -> Any:
    while hasattr(function, "__wrapped__"):
        function = function.__wrapped__
    return function


def _subclasses(cls: type[TelegramObject]) -> set[type[TelegramObject]]:
    found: set[type[TelegramObject]] = set()
    stack: list[type[TelegramObject]] = [cls]
    while stack:
        for sub in stack.pop().__subclasses__():
            if sub not in found:
                found.add(sub)
                stack.append(sub)
    return found
