"""Per-update helpers for private-chat handlers: the forms and the hearing cards."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject

from handlers.broadcast import Composer
from handlers.hearing_admin import FormFlow
from handlers.hearings import Cards
from handlers.registration import RegistrationFlow
from handlers.reports import ReportFlow


class ChatContextMiddleware(BaseMiddleware):
    """Bind the flows to this update's chat, person, translator and unit of work.

    Pure wiring: no decision is taken here, handlers take every one.
    """

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        chat, state = data.get("event_chat"), data.get("state")
        if chat is not None and state is not None:
            data["flow"] = RegistrationFlow(
                bot=data["bot"],
                chat_id=chat.id,
                state=state,
                tr=data["tr"],
                user=data.get("user"),
                users=data["users"],
                clock=data["clock"],
                zone=data["settings"].timezone,
            )
            cards = Cards(
                bot=data["bot"],
                tr=data["tr"],
                settings=data["settings"],
                hearings=data["hearings"],
                signups=data["signups"],
                roles=data["roles"],
                clock=data["clock"],
            )
            data["cards"] = cards
            data["composer"] = Composer(
                bot=data["bot"],
                state=state,
                tr=data["tr"],
                settings=data["settings"],
                broadcasts=data["broadcasts"],
                hearings=data["hearings"],
                audit=data["audit"],
            )
            data["reporting"] = ReportFlow(
                bot=data["bot"],
                chat_id=chat.id,
                state=state,
                tr=data["tr"],
                form=data["report_form"],
                reports=data["reports"],
                hearings=data["hearings"],
                settings=data["settings"],
                clock=data["clock"],
            )
            data["form"] = FormFlow(
                cards=cards,
                state=state,
                chat_id=chat.id,
                reminders=data["reminders"],
                reminder_jobs=data["reminder_jobs"],
                notices=data["notices"],
                outbox=data["outbox"],
                audit=data["audit"],
            )
        return await handler(event, data)
