"""All routers, assembled in the order they must see an update."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.filters import invert_f

from handlers import (
    admin,
    broadcast,
    errors,
    fallback,
    forget,
    group,
    hearing_admin,
    hearings,
    language,
    profile,
    refusals,
    registration,
    report_review,
    reports,
    start,
)
from handlers.context import ChatContextMiddleware
from handlers.filters import IsCoordinator


def build_router() -> Router:
    """Commands first (they work in any state), then coordinators' handlers behind their
    filter, refusals for everyone else, the steps of forms, and the catch-all last."""
    private = Router(name="private")
    private.message.filter(F.chat.type == ChatType.PRIVATE)
    private.callback_query.filter(F.message.chat.type == ChatType.PRIVATE)
    context = ChatContextMiddleware()
    private.message.middleware(context)
    private.callback_query.middleware(context)

    staff = Router(name="staff")
    staff.message.filter(IsCoordinator())
    staff.callback_query.filter(IsCoordinator())
    staff.include_routers(hearing_admin.router, broadcast.router)
    # Refusals are for everyone else; a coordinator's stale button gets "no longer
    # active" from the catch-all instead of a wrong "coordinators only".
    not_staff = invert_f(IsCoordinator())
    for router in (refusals.router, refusals.review_router):
        router.message.filter(not_staff)
        router.callback_query.filter(not_staff)

    private.include_routers(
        admin.router,
        start.router,
        language.router,
        profile.router,
        forget.router,
        hearings.router,
        staff,
        refusals.router,
        reports.router,
        registration.router,
        fallback.router,
    )
    # Report review works on cards in the coordinators' group as well as privately.
    review = Router(name="review")
    review.message.filter(IsCoordinator())
    review.callback_query.filter(IsCoordinator())
    review.include_router(report_review.router)

    root = Router(name="root")
    root.include_routers(errors.router, group.router, review, refusals.review_router, private)
    return root
