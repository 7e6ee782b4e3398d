"""What a free-text step holds back as a command (handlers/filters.py)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from aiogram.types import Chat, Message

from bot.services.broadcasts import check_content
from bot.services.errors import BroadcastCommandError
from handlers.filters import NOT_COMMAND


def text(value: str | None) -> Message:
    return Message(
        message_id=1, date=datetime(2026, 12, 3, tzinfo=UTC), chat=Chat(id=7, type="private"),
        text=value,
    )  # fmt: skip


@pytest.mark.parametrize(
    "value",
    ["/cancel", "/help@standin_bot", "/cancle", "/сancel", "/cancel.", "/_x", "/Отмена"],
)
async def test_anything_that_looks_like_a_command_is_held_back(value: str) -> None:
    assert await NOT_COMMAND(text(value)) is False


@pytest.mark.parametrize(
    "value", ["Postponed", "/12 people came", "/ by the chair", "/", "", None, "a /cancel"]
)
async def test_text_is_the_answer(value: str | None) -> None:
    assert await NOT_COMMAND(text(value)) is True


def test_a_broadcast_is_refused_as_a_command_by_the_same_rule() -> None:
    check_content("text", "/12 people came to the hearing")  # text, not a command
    with pytest.raises(BroadcastCommandError):
        check_content("text", "/nonsense")
