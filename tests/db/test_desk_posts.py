"""The coordinators' outbox on a real, migrated SQLite file (migrations/0010)."""

from __future__ import annotations

import sqlite3

import pytest

from bot.db import Database
from bot.repositories.desk_posts import DeskPost, DeskPostRepository
from bot.repositories.outbox import BatchOutcome
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


async def test_an_alerts_outcome_counts_its_copies_and_a_crash_leaves_them_uncertain(
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
        alert = await r.reports.urgent(urgent_id)
    assert (during, abandoned, after) == (BatchOutcome(3, 1, 2), 1, BatchOutcome(3, 1, 1))
    assert alert is not None and (alert.text, alert.photo_file_id) == ("Locked out", None)


async def test_a_post_is_a_card_or_an_alert_never_both_or_neither(db: Database) -> None:
    async with repos(db) as r:
        for values in ("'card', 1, NULL, NULL", "'urgent', 1, NULL, NULL"):
            with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
                await r.uow.execute(
                    "INSERT INTO desk_posts (kind, chat_id, report_id, urgent_id, created_at)"
                    f" VALUES ({values}, '2026-12-01T08:00:00+00:00')"
                )
