"""What an admin running the bot unattended relies on: webhook mode behind a proxy,
/healthz and /metrics, and errors that reach the admins without flooding them."""

from __future__ import annotations

import asyncio
import gc
import sqlite3
from datetime import timedelta
from pathlib import Path

import aiohttp
import pytest
from prometheus_client.parser import text_string_to_metric_families

from bot.clock import ManualClock
from bot.i18n import Locales
from standin import BotAPIStandin
from tests.conftest import ADMIN_ID, BotInProcess, plain
from tests.flow.conftest import person, seed_hearing, seed_volunteer

SECRET = "s3cr3t-" + "x" * 40
WEBHOOK = {
    "WEBHOOK_URL": "https://bot.example.org/telegram/hook",
    "WEBHOOK_SECRET": SECRET,
    "WEBHOOK_LISTEN": "127.0.0.1:0",
}
HEALTH = {"HEALTH_LISTEN": "127.0.0.1:0"}
# What the handlers take; Telegram must be asked for exactly these, in both modes.
USED_UPDATES = ["callback_query", "message"]


async def post(url: str, body: object, headers: dict[str, str] | None = None) -> int:
    async with (
        aiohttp.ClientSession() as session,
        session.post(url, json=body, headers=headers or {}) as response,
    ):
        return response.status


async def get(url: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        return response.status, await response.text()


def metrics(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of a Prometheus text page, by name and labels (the parser refuses
    anything that is not the exposition format)."""
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def mode(server: BotAPIStandin) -> str:
    return "polling" if server.webhook is None else "webhook"


@pytest.fixture
def bot_env() -> dict[str, str]:
    return {"ADMIN_IDS": str(ADMIN_ID), **WEBHOOK, **HEALTH}


async def test_webhook_mode_answers_people_and_refuses_forged_requests(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    webhook = standin.webhook
    assert webhook is not None and webhook.url == WEBHOOK["WEBHOOK_URL"]
    assert webhook.secret == SECRET
    assert sorted(webhook.allowed_updates or ()) == USED_UPDATES
    alice = person(standin, all_locales, 501, "en")
    await alice.says("/help", "help")  # delivered by the webhook, with the secret

    endpoint = f"{bot_app.app.webhook_address}/telegram/hook"
    forged = {
        "update_id": 777_001,
        "message": {
            "message_id": 1, "date": 1_700_000_000, "text": "/help",
            "chat": {"id": 501, "type": "private", "first_name": "Alice"},
            "from": {"id": 501, "is_bot": False, "first_name": "Alice", "language_code": "en"},
        },
    }  # fmt: skip
    sent_before = len(standin.calls_to("sendMessage"))
    assert await post(endpoint, forged) == 401
    assert await post(endpoint, forged, {"X-Telegram-Bot-Api-Secret-Token": "wrong"}) == 401
    assert await post(endpoint, forged, {"X-Telegram-Bot-Api-Secret-Token": "ü" * 3}) == 401
    await bot_app.settle()
    assert len(standin.calls_to("sendMessage")) == sent_before
    assert bot_app.query("SELECT 1 FROM processed_updates WHERE update_id = 777001") == []

    # The right secret: handled once, even when the same update comes twice.
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    assert await post(endpoint, forged, headers) == 200
    assert await post(endpoint, forged, headers) == 200
    await alice.expect("help")
    await bot_app.expect_silence(alice)
    assert len(bot_app.query("SELECT 1 FROM processed_updates WHERE update_id = 777001")) == 1


async def test_switching_between_webhook_and_polling_works_both_ways(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    alice = person(standin, all_locales, 502, "en")
    await alice.says("/help", "help")
    await bot_app.stop()
    for name in WEBHOOK:
        del bot_app.env[name]
    await bot_app.start()  # polling: the webhook is deleted first, getUpdates works
    assert mode(standin) == "polling"
    await alice.says("/help", "help")
    assert standin.calls_to("getUpdates")[0].params.get("allowed_updates") == USED_UPDATES
    await bot_app.stop()
    bot_app.env.update(WEBHOOK)
    await bot_app.start()
    assert mode(standin) == "webhook"
    await alice.says("/help", "help")


async def test_healthz_fails_when_the_database_cannot_write_or_a_worker_died(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    health = bot_app.app.health.url
    status, body = await get(f"{health}/healthz")
    assert status == 200, body
    assert '"last_update_seconds_ago": null' in body
    await person(standin, all_locales, 503, "en").says("/help", "help")
    await bot_app.settle()  # the reply is seen before the bot has read Telegram's answer
    await bot_app.clock.advance(seconds=90)
    status, body = await get(f"{health}/healthz")
    assert status == 200 and '"last_update_seconds_ago": 90.0' in body

    # A read-only database: what a full disk or a read-only mount does to writes.
    await bot_app.app.db.connection.execute("PRAGMA query_only = ON")
    status, body = await get(f"{health}/healthz")
    assert status == 503 and '"database": "failing: OperationalError' in body
    await bot_app.app.db.connection.execute("PRAGMA query_only = OFF")
    assert (await get(f"{health}/healthz"))[0] == 200

    # The broadcast worker's loop ended (a crash): sending would silently stop.
    task = bot_app.app.broadcaster._task
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    status, body = await get(f"{health}/healthz")
    assert status == 503 and '"broadcast_worker": "dead"' in body


async def test_metrics_count_what_was_done(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    alice = person(standin, all_locales, 504, "en")
    for _ in range(3):
        await alice.says("/help", "help")
    press = alice.user.press_data("forged:data")
    assert (await press.answer()).get("show_alert") is not None
    seed_volunteer(bot_app, 505, "en")
    seed_hearing(bot_app, starts_in=timedelta(days=2))
    await bot_app.settle()
    status, text = await get(f"{bot_app.app.health.url}/metrics")
    assert status == 200
    samples = metrics(text)
    done = samples[("bot_updates_total", (("outcome", "done"), ("type", "message")))]
    assert done == 3
    assert sum(v for (name, labels), v in samples.items() if name == "bot_updates_total") == 4
    assert samples[("bot_update_handling_seconds_count", ())] == 4
    for outbox in ("broadcast", "notice", "desk"):
        assert samples[("bot_outbox_pending", (("outbox", outbox),))] == 0
    assert samples[("bot_broadcast_deliveries_total", (("outcome", "sent"),))] == 0
    assert samples[("bot_reminders_pending", ())] == 0
    assert samples[("bot_telegram_pauses_total", ())] == 0


async def test_a_burst_of_one_error_sends_each_admin_one_notice(
    standin: BotAPIStandin,
    bot_app: BotInProcess,
    all_locales: Locales,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    admin = person(standin, all_locales, ADMIN_ID, "uz")  # no users row: DEFAULT_LANGUAGE

    def broken(*args: object, **kwargs: object) -> str:
        raise RuntimeError("+998901234567 typed by someone")  # must not reach the admin

    monkeypatch.setattr("bot.ui.views.hearing_list", broken)
    people = [person(standin, all_locales, 600 + n, "en") for n in range(5)]
    for someone in people:
        seed_volunteer(bot_app, someone.id, "en")
    for someone in people:
        await someone.says("/hearings", "error-generic")
    notice = await admin.message()
    assert notice.text is not None
    assert "RuntimeError" in notice.text and "handlers/hearings.py:" in notice.text
    assert "998901234567" not in notice.text and "typed" not in notice.text
    no_repeats = admin.tr("admin-error-notice", update="", error="", where="", repeats=0)
    assert plain(no_repeats).splitlines()[-2] in notice.text
    await bot_app.expect_silence(admin)

    # Ten minutes on, the same error again: one notice, counting the four repeats.
    await bot_app.clock.advance(minutes=10)
    await people[0].says("/hearings", "error-generic")
    notice = await admin.message()
    four = admin.tr("admin-error-notice", update="", error="", where="", repeats=4)
    assert plain(four).splitlines()[-2] in (notice.text or "")
    await bot_app.expect_silence(admin)
    bot_app.forget_log()  # the tracebacks above were the point


async def test_an_error_notice_reaches_the_admins_when_the_database_is_what_failed(
    standin: BotAPIStandin,
    bot_app: BotInProcess,
    all_locales: Locales,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seed_volunteer(bot_app, ADMIN_ID, "ru")
    admin = person(standin, all_locales, ADMIN_ID, "ru")
    volunteer = person(standin, all_locales, 610, "en")
    seed_volunteer(bot_app, volunteer.id, "en")

    def disk_full(*args: object, **kwargs: object) -> str:
        raise sqlite3.OperationalError("database or disk is full")

    async def still_full(*args: object, **kwargs: object) -> dict[int, str]:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr("bot.ui.views.hearing_list", disk_full)
    monkeypatch.setattr("bot.repositories.users.UserRepository.languages", still_full)
    await volunteer.says("/hearings", "error-generic")
    notice = await admin.message()
    # Its language unreadable, the admin is told in DEFAULT_LANGUAGE rather than not at all.
    uz = all_locales.get("uz")
    header = plain(uz("admin-error-notice", update="", error="", where="", repeats=0))
    assert header.splitlines()[0] in (notice.text or "")
    assert "OperationalError" in (notice.text or "")
    await bot_app.expect_silence(admin)
    bot_app.forget_log()


# --- the long-running process ------------------------------------------------------------


async def test_the_process_freezes_what_startup_built_after_the_apps_own_startup(
    standin: BotAPIStandin, tmp_path: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`python -m bot` (App.run) leaves the startup heap out of full collections; the
    tests and the demo, which start many bots in one process, do not freeze theirs."""
    from bot.app import App
    from bot.config import Settings

    order: list[str] = []
    monkeypatch.setattr(gc, "freeze", lambda: order.append("freeze"))
    settings = Settings(
        _env_file=None, BOT_TOKEN=standin.token, TELEGRAM_API_URL=standin.url,
        DATABASE_PATH=str(tmp_path / "bot.sqlite3"), HEALTH_LISTEN="",
    )  # fmt: skip
    app = await App.open(settings, clock)
    app.dp.startup.register(lambda: order.append("app started"))  # stands for its own

    async def poll_once(**_: object) -> None:
        await app.dp.emit_startup(**app.dp.workflow_data, bot=app.bot)

    monkeypatch.setattr(app, "run_polling", poll_once)
    try:
        await app.run()
        assert order[-2:] == ["app started", "freeze"]
        await app.dp.emit_shutdown(**app.dp.workflow_data, bot=app.bot)
    finally:
        await app.close()
    bot_app_like = await App.open(settings, clock)
    try:
        task = await bot_app_like.start_in_background()
        await bot_app_like.dp.stop_polling()
        await task
    finally:
        await bot_app_like.close()
    assert order.count("freeze") == 1
