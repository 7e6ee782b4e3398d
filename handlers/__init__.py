"""All routers, assembled in the order they must see an update."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.filters import invert_f

from handlers import (
    admin,
    attendance,
    broadcast,
    errors,
    exports,
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
    stats,
)
from handlers.context import ChatContextMiddleware
from handlers.filters import IsCoordinator, run_sync_filters_inline
from handlers.routing import skip_routers_that_cannot_handle


def build_router() -> Router:
    """Commands first (they work in any state), then coordinators' handlers behind their
    filter, refusals for everyone else, the steps of forms, and the catch-all last."""
    private = Router(name="private")
    private.message.filter(F.chat.type == ChatType.PRIVATE)
    private.callback_query.filter(F.message.chat.type == ChatType.PRIVATE)
    context = ChatContextMiddleware()
    private.message.middleware(context)
    private.callback_query.middleware(context)

    _detach(
        admin.router, start.router, language.router, profile.router, forget.router,
        hearings.router, hearing_admin.router, broadcast.router, refusals.router,
        refusals.review_router, reports.router, registration.router, fallback.router,
        report_review.router, errors.router, group.router, exports.router, stats.router,
        attendance.router,
    )  # fmt: skip
    staff = Router(name="staff")
    staff.message.filter(IsCoordinator())
    staff.callback_query.filter(IsCoordinator())
    staff.include_routers(
        hearing_admin.router, broadcast.router, attendance.router, exports.router, stats.router
    )
    # Refusals are for everyone else; a coordinator's stale button gets "no longer
    # active" from the catch-all instead of a wrong "coordinators only".
    not_staff = invert_f(IsCoordinator())
    refused, review_refused = Router(name="refusals"), Router(name="review-refusals")
    for wrapper, router in ((refused, refusals.router), (review_refused, refusals.review_router)):
        wrapper.message.filter(not_staff)
        wrapper.callback_query.filter(not_staff)
        wrapper.include_router(router)

    # Grouped only so the gates (handlers/routing.py) can skip the five at once for
    # the buttons none of them has: the order of the routers is unchanged.
    basics = Router(name="basics")
    basics.include_routers(
        admin.router, start.router, language.router, profile.router, forget.router
    )
    private.include_routers(
        basics,
        hearings.router,
        staff,
        refused,
        reports.router,
        registration.router,
        fallback.router,
    )
    # Report review works on cards in the coordinators' group as well as privately.
    review = Router(name="review")
    review.message.filter(IsCoordinator())
    review.callback_query.filter(IsCoordinator())
    review.include_router(report_review.router)

    # Grouped for the gates as well: a volunteer's press skips the four at once.
    outside = Router(name="before-private")
    outside.include_routers(errors.router, group.router, review, review_refused)
    root = Router(name="root")
    root.include_routers(outside, private)
    skip_routers_that_cannot_handle(root)  # first: it reads the filters inlining hides
    run_sync_filters_inline(root)
    return root


def _detach(*routers: Router) -> None:
    """Free the modules' routers from the tree a previous call built.

    A process in production builds one dispatcher; the flow tests and the demo build a
    new one at every (re)start, and aiogram lets a router have only one parent.
    """
    for router in routers:
        parent = router.parent_router
        if parent is not None:
            parent.sub_routers.remove(router)
            router._parent_router = None
