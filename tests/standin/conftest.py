"""The stand-in on its own, and an aiogram Bot connected to it (a file may override
`server` with one set up its way)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiogram import Bot

from standin import BotAPIStandin
from standin.testing import connected_bot


@pytest.fixture
async def server() -> AsyncIterator[BotAPIStandin]:
    async with BotAPIStandin(token="123456:TEST") as running:
        yield running


@pytest.fixture
async def bot(server: BotAPIStandin) -> AsyncIterator[Bot]:
    async with connected_bot(server) as connected:
        yield connected
