"""Failure injection, blocked users and flood limits, as aiogram sees them."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from aiogram import Bot
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)

from standin import BotAPIStandin


@pytest.fixture
async def server() -> AsyncIterator[BotAPIStandin]:
    async with BotAPIStandin(token="42:FAILURES") as running:
        running.user(1001)
        running.user(1002)
        yield running


async def test_retry_after_is_surfaced(server: BotAPIStandin, bot: Bot) -> None:
    server.fail_next("sendMessage", error_code=429, retry_after=2, times=1)
    with pytest.raises(TelegramRetryAfter) as caught:
        await bot.send_message(1001, "hi")
    assert caught.value.retry_after == 2
    assert "Too Many Requests: retry after 2" in caught.value.message
    assert server.user(1001).pending == 0  # nothing was delivered
    await bot.send_message(1001, "hi")
    assert (await server.user(1001).next_message()).text == "hi"
    assert [call.status for call in server.calls] == [429, 200]
    assert server.violations == []


async def test_forbidden_and_server_errors(server: BotAPIStandin, bot: Bot) -> None:
    server.fail_next("sendMessage", error_code=403)
    with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
        await bot.send_message(1001, "hi")
    server.fail_next("sendmessage", error_code=502, times=2)
    for _ in range(2):
        with pytest.raises(TelegramServerError):
            await bot.send_message(1001, "hi")
    server.fail_next("*", error_code=500)
    with pytest.raises(TelegramServerError, match="Internal Server Error"):
        await bot.get_me()
    await bot.send_message(1001, "finally")
    assert server.violations == []


async def test_failures_can_target_one_chat(server: BotAPIStandin, bot: Bot) -> None:
    server.fail_next("sendMessage", error_code=403, chat_id=1002, times=3)
    await bot.send_message(1001, "to alice")
    with pytest.raises(TelegramForbiddenError):
        await bot.send_message(1002, "to bob")
    await bot.send_message(1001, "to alice again")
    server.clear_failures()
    await bot.send_message(1002, "to bob again")


async def test_blocked_user(server: BotAPIStandin, bot: Bot) -> None:
    alice = server.user(1001)
    server.block(1001)
    assert alice.blocked
    with pytest.raises(TelegramForbiddenError, match="Forbidden: bot was blocked by the user"):
        await bot.send_message(1001, "hi")
    with pytest.raises(TelegramForbiddenError):
        await bot.send_chat_action(1001, "typing")
    await bot.send_message(1002, "others still reachable")
    server.unblock(1001)
    await bot.send_message(1001, "welcome back")
    assert [m.text for m in alice.drain()] == ["welcome back"]
    assert server.violations == []


async def test_invalid_call_is_a_violation_even_for_blocked_users(
    server: BotAPIStandin, bot: Bot
) -> None:
    server.block(1001)
    with pytest.raises(TelegramBadRequest):
        await bot.send_message(1001, "x" * 5000)
    assert len(server.violations) == 1


async def test_timeout_kind_delivers_but_does_not_answer(server: BotAPIStandin, bot: Bot) -> None:
    alice = server.user(1001)
    server.fail_next("sendMessage", kind="timeout", delay=30)
    with pytest.raises(TelegramNetworkError):
        await bot.send_message(1001, "slow", request_timeout=1)
    delivered = await alice.next_message(timeout=1)
    assert delivered.text == "slow"
    assert server.calls[-1].status == 200
    await bot.send_message(1001, "fast")
    assert (await alice.next_message()).text == "fast"


async def test_slow_kind_lets_later_calls_take_effect_first(
    server: BotAPIStandin, bot: Bot
) -> None:
    alice = server.user(1001)
    server.fail_next("sendMessage", kind="slow", delay=0.3, chat_id=1001)
    slow = asyncio.create_task(bot.send_message(1001, "sent first, arrives second"))
    await asyncio.sleep(0.05)
    await bot.send_message(1001, "sent second, arrives first")
    assert (await slow).text == "sent first, arrives second"  # answered normally
    texts = [(await alice.next_message()).text for _ in range(2)]
    assert texts == ["sent second, arrives first", "sent first, arrives second"]


async def test_per_chat_rate_limit(server: BotAPIStandin, bot: Bot) -> None:
    server.enforce_rate_limits(per_chat_per_second=0.2, global_per_second=30.0)
    await bot.send_message(1001, "first")
    with pytest.raises(TelegramRetryAfter) as caught:
        await bot.send_message(1001, "second")
    assert caught.value.retry_after >= 1
    await bot.send_message(1002, "other chat is fine")
    # edits are not counted against the sending limit
    message = server.user(1001).last_message
    assert message is not None
    await bot.edit_message_text("edited", chat_id=1001, message_id=message.message_id)
    server.disable_rate_limits()
    await bot.send_message(1001, "after disabling")


async def test_global_rate_limit(server: BotAPIStandin, bot: Bot) -> None:
    users = [server.user(3000 + n) for n in range(5)]
    # a slow refill (one message per 2 s after a burst of 3) keeps the test deterministic
    server.enforce_rate_limits(per_chat_per_second=10, global_per_second=0.5, burst=3)
    results = await asyncio.gather(
        *(bot.send_message(u.id, "broadcast") for u in users), return_exceptions=True
    )
    limited = [r for r in results if isinstance(r, TelegramRetryAfter)]
    assert len(limited) == 2
    assert sum(u.pending for u in users) == 3


async def test_group_rate_limit(server: BotAPIStandin, bot: Bot) -> None:
    server.group(-100500, title="Busy")
    server.enforce_rate_limits(group_per_minute=2)
    await bot.send_message(-100500, "one")
    await bot.send_message(-100500, "two")
    with pytest.raises(TelegramRetryAfter) as caught:
        await bot.send_message(-100500, "three")
    assert caught.value.retry_after >= 20
