"""Filters that say who a router serves."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import Router
from aiogram.filters import Filter
from aiogram.types import Message, TelegramObject, User

from bot.config import Settings
from bot.services.commands import looks_like_command
from bot.services.roles import Roles


class IsCoordinator(Filter):
    """Checked against the database on every update (once, however many routers ask):
    a removed coordinator is out at once."""

    async def __call__(
        self, event: TelegramObject, roles: Roles, event_from_user: User | None = None
    ) -> bool:
        if event_from_user is None:
            return False
        return await roles.is_coordinator(event_from_user.id)


class IsAdmin(Filter):
    """ADMIN_IDS from the settings: the deployment's owners."""

    async def __call__(
        self, event: TelegramObject, settings: Settings, event_from_user: User | None = None
    ) -> bool:
        return event_from_user is not None and event_from_user.id in settings.admin_ids


class NotCommand(Filter):
    """On every free-text step: nothing that looks like a command is taken as the answer.

    Known commands escape any step (`/cancel` leaves the form, `/help` and the rest run
    and the form waits), whatever the order of the routers. An unknown one (a typo:
    `/cancle`, `/сancel` with a Cyrillic letter) is held back too and answered by the
    catch-all, which says the form still waits: taken as the answer, it had become a
    hearing's cancellation reason sent to everyone signed up. A slash followed by a
    space or a digit ("/ 12", "/12 people came") is text. tests/flow/test_every_state.py
    sends both kinds in every state there is.
    """

    async def __call__(self, message: Message) -> bool:
        return not looks_like_command(message.text)


def run_sync_filters_inline(root: Router) -> None:
    """Make aiogram call the tree's plain (non-async) filters directly.

    aiogram runs every synchronous filter, `F.chat.type == ...` and the other magic
    filters included, through `asyncio.to_thread`: a thread hop for a comparison, dozens
    per update (49 such filters in the tree). Under load each hop also waits a turn of a
    busy event loop, and the profile of bench/throughput put it among the larger costs.
    Magic filters and the lambdas here only read the update, so they run inline.
    """
    for router in root.chain_tail:
        for observer in router.observers.values():
            filters = list(observer._handler.filters or [])
            for handler in observer.handlers:
                filters.extend(handler.filters or [])
            for filter_object in filters:
                if not filter_object.awaitable:
                    filter_object.callback = _inline(filter_object.callback)
                    filter_object.awaitable = True


def _inline(function: Callable[..., Any]) -> Callable[..., Awaitable[Any]]:
    async def call(*args: Any, **kwargs: Any) -> Any:
        return function(*args, **kwargs)

    call.__wrapped__ = function  # type: ignore[attr-defined]  # read by handlers/routing.py
    return call


NOT_COMMAND = NotCommand()
