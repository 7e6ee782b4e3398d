"""All routers, assembled in the order they must see an update."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from aiogram import F, Router
from aiogram.enums import ChatType

from handlers import errors, fallback, forget, group, language, profile, registration, start


def build_router(zone: ZoneInfo, clock: Callable[[], datetime]) -> Router:
    """Commands first (they work in any state), then the steps of forms, the catch-all last."""
    private = Router(name="private")
    private.message.filter(F.chat.type == ChatType.PRIVATE)
    private.callback_query.filter(F.message.chat.type == ChatType.PRIVATE)
    flow = registration.RegistrationFlowMiddleware(zone, clock)
    private.message.middleware(flow)
    private.callback_query.middleware(flow)
    private.include_routers(
        start.router,
        language.router,
        profile.router,
        forget.router,
        registration.router,
        fallback.router,
    )
    root = Router(name="root")
    root.include_routers(errors.router, group.router, private)
    return root
