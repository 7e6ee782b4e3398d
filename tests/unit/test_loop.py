"""bot/loop.py: uvloop by default, the standard loop on request or where it is missing."""

from __future__ import annotations

import asyncio
import sys

import pytest

from bot.loop import loop_factory, loop_name, run


async def _which() -> str:
    await asyncio.sleep(0)
    return loop_name()


def test_the_default_loop_is_uvloop() -> None:
    assert run(_which()) == "uvloop"


def test_asyncio_chooses_the_standard_loop() -> None:
    assert run(_which(), "asyncio") == "asyncio"
    assert loop_factory("asyncio") is None


def test_without_uvloop_the_standard_loop_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "uvloop", None)  # import fails, as on Windows
    assert loop_factory("uvloop") is None
    assert run(_which(), "uvloop") == "asyncio"
