"""The coordinators' outbox on a real, migrated SQLite file (migrations/0010)."""

from __future__ import annotations

import sqlite3

import pytest

from bot.db import Database
from bot.repositories.desk_posts import DeskPost, DeskPostRepository
from bot.repositories.outbox import BatchOutcome
from bot.review_desk import ReviewDesk
from tests.db.test_reports_repository import NOW, SECOND, hearing, new_report, person, repos


async def test_one_card_waits_per_report_and_chat_and_a_sent_one_does_not_count(
    db: Database,
) -> None:
    async with repos(db) as r:
        await person(r, 1)
        report = await new_report(r, await hearing(r, NOW - 3600 * SECOND), 1)
        posts = DeskPostRepository(r.uow)
        await posts.add_cards(report.id, [-100, 7], NOW)
        await posts.add_cards(report.id, [-100], NOW)  # a review before the first went
        first = await posts.pending(10)
        assert await posts.claim(first[0].id)
        assert not await posts.claim(first[0].id)  # a second worker pass: never twice
        await posts.finish(first[0].id, "sent", NOW)
        await posts.add_cards(report.id, [-100], NOW + SECOND)  # a later review: again
        waiting = await posts.pending(10)
    assert first == [
        DeskPost(first[0].id, "card", -100, report.id, None),
        DeskPost(first[1].id, "card", 7, report.id, None),
    ]
    assert [(post.chat_id, post.kind) for post in waiting] == [(7, "card"), (-100, "card")]


async def test_an_alerts_outcome_counts_its_copies_and_a_crash_sends_them_again(
    db: Database,
) -> None:
    async with repos(db) as r:
        await person(r, 1)
        h = await hearing(r, NOW - 600 * SECOND)
        urgent_id = await r.reports.add_urgent(h, 1, "Locked out", None, NOW)
        posts = DeskPostRepository(r.uow)
        assert await posts.add_urgent(urgent_id, [5, 6, 7], NOW) == 3
        five, six, _ = await posts.pending(10)
        await posts.claim(five.id)
        await posts.finish(five.id, "sent", NOW)
        await posts.claim(six.id)
        during = await posts.urgent_outcome(urgent_id)
        abandoned = await posts.abandon_claimed(NOW)
        after = await posts.urgent_outcome(urgent_id)
        again = [post.chat_id for post in await posts.pending(10)]
        alert = await r.reports.urgent(urgent_id)
    assert (during, abandoned, after) == (BatchOutcome(3, 1, 2), 1, BatchOutcome(3, 1, 2))
    assert again == [6, 7]  # the claimed copy waits again
    assert alert is not None and (alert.text, alert.photo_file_id) == ("Locked out", None)


async def test_a_post_is_a_card_or_an_alert_never_both_or_neither(db: Database) -> None:
    async with repos(db) as r:
        for values in ("'card', 1, NULL, NULL", "'urgent', 1, NULL, NULL"):
            with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
                await r.uow.execute(
                    "INSERT INTO desk_posts (kind, chat_id, report_id, urgent_id, created_at)"
                    f" VALUES ({values}, '2026-12-01T08:00:00+00:00')"
                )


async def test_alerts_go_first_and_a_claimed_card_is_not_sent_again(db: Database) -> None:
    async with repos(db) as r:
        await person(r, 1)
        h = await hearing(r, NOW - 600 * SECOND)
        report = await new_report(r, h, 1)
        posts = DeskPostRepository(r.uow)
        await posts.add_cards(report.id, [5, 6], NOW)
        urgent_id = await r.reports.add_urgent(h, 1, "Locked out", None, NOW)
        await posts.add_urgent(urgent_id, [5], NOW)
        order = [(post.kind, post.chat_id) for post in await posts.pending(10)]
        card = next(post for post in await posts.pending(10) if post.kind == "card")
        await posts.claim(card.id)
        in_flight = await posts.card_chats(report.id)
        await posts.abandon_claimed(NOW)
        left = await posts.card_chats(report.id)
    assert order == [("urgent", 5), ("card", 5), ("card", 6)]
    assert (in_flight, left) == ([5, 6], [6])  # the claimed card: uncertain, not resent


async def test_a_review_while_the_first_card_is_on_its_way_reaches_that_chat(
    db: Database,
) -> None:
    # The chat had no recorded card yet, so the review queued nothing for it, and the
    # card it got showed the report as submitted, with Accept and Return, for good.
    desk = ReviewDesk(None, None, None, None)  # type: ignore[arg-type]  # queues only
    async with repos(db) as r:
        await person(r, 1)
        report = await new_report(r, await hearing(r, NOW - 600 * SECOND), 1)
        posts = DeskPostRepository(r.uow)
        await posts.add_cards(report.id, [5, 6], NOW)
        first = (await posts.pending(10))[0]
        await posts.claim(first.id)  # chat 5's card is being sent
        await r.reports.save_card(report.id, 7, 70)  # chat 7 has one already
        await desk.queue_refresh(report.id, posts, NOW)
        waiting = sorted(post.chat_id for post in await posts.pending(10))
    assert waiting == [5, 6, 7]  # 6 once: its first card will show the review anyway
