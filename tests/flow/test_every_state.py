"""Any command escapes any step. Every FSM state the handlers define is listed here by
walking the handler modules, so a new state is covered without anyone remembering to."""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil

import pytest
from aiogram.fsm.state import State, StatesGroup

import handlers
from bot.i18n import Locales
from standin import BotAPIStandin
from tests.conftest import ADMIN_ID, TOKEN, BotInProcess
from tests.flow.conftest import person, seed_volunteer


def every_state() -> list[str]:
    states: set[str] = set()
    for module_info in pkgutil.iter_modules(handlers.__path__):
        module = importlib.import_module(f"handlers.{module_info.name}")
        for _, group in inspect.getmembers(module, inspect.isclass):
            if issubclass(group, StatesGroup) and group is not StatesGroup:
                states.update(
                    s.state for s in group.__all_states__ if isinstance(s, State) and s.state
                )
    return sorted(states)


STATES = every_state()


def test_the_walk_finds_the_forms() -> None:
    # A sanity check on the walk itself: one state of each form the bot has today.
    for name in ("Registration:name", "HearingForm:title", "Reporting:filling",
                 "BroadcastForm:message", "ReviewComment:text", "AddCoordinator:who"):  # fmt: skip
        assert name in STATES


def put_in_state(bot_app: BotInProcess, user_id: int, state: str) -> None:
    bot_id = TOKEN.split(":")[0]
    bot_app.write(
        "INSERT OR REPLACE INTO fsm_states (key, chat_id, user_id, state, data, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (f"{bot_id}:{user_id}:{user_id}:0::default", user_id, user_id, state,
         json.dumps({"report_id": 1}), bot_app.clock.now().isoformat()),
    )  # fmt: skip


def state_of(bot_app: BotInProcess, user_id: int) -> str | None:
    rows = bot_app.query("SELECT state FROM fsm_states WHERE user_id = ?", (user_id,))
    return rows[0]["state"] if rows else None


@pytest.mark.parametrize("state", STATES)
async def test_help_runs_and_cancel_leaves_in_every_state(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales, state: str
) -> None:
    # The admin: every router (coordinators' forms included) sees their updates.
    seed_volunteer(bot_app, ADMIN_ID, "en", name="Admin Aliyev")
    admin = person(standin, all_locales, ADMIN_ID, "en")
    put_in_state(bot_app, ADMIN_ID, state)

    await admin.says("/help", "help")
    assert state_of(bot_app, ADMIN_ID) == state  # the form waits
    # A mistyped command is not the answer either (a cancellation reason, a comment
    # sent to an observer, a title): the step holds it back and the form waits.
    for typo in ("/cancle", "/сancel", "/cancel."):  # the second with a Cyrillic "с"
        await admin.says(typo, "unknown-command-in-form")
        assert state_of(bot_app, ADMIN_ID) == state
    admin.user.send_text("/hearings")  # any other command runs, and the form waits
    await admin.message()
    assert state_of(bot_app, ADMIN_ID) == state
    await admin.says("/cancel", "cancel-done")
    assert state_of(bot_app, ADMIN_ID) is None
    await admin.says("/cancel", "cancel-nothing")
    await bot_app.expect_silence(admin)
