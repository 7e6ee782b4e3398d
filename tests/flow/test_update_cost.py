"""What one update costs the database: the person's role is looked up once."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.i18n import Locales
from bot.repositories.coordinators import CoordinatorRepository
from standin import BotAPIStandin
from tests.conftest import BotInProcess
from tests.flow.conftest import person, seed_hearing, seed_volunteer


async def test_a_button_press_looks_the_role_up_once(
    standin: BotAPIStandin,
    bot_app: BotInProcess,
    locales: Locales,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seed_volunteer(bot_app, 4000, "en")
    hearing_id = seed_hearing(bot_app, starts_in=timedelta(days=3))
    volunteer = person(standin, locales, 4000, "en")
    volunteer.user.send_text(f"/start h{hearing_id}")
    await volunteer.message()
    lookups: list[int] = []
    contains = CoordinatorRepository.contains

    async def counted(self: CoordinatorRepository, user_id: int) -> bool:
        lookups.append(user_id)
        return await contains(self, user_id)

    monkeypatch.setattr(CoordinatorRepository, "contains", counted)
    # Routers behind IsCoordinator, the refusals behind its inverse, and the card's own
    # coordinator buttons all ask; the database is asked once.
    press = volunteer.user.press_data(f"h:{hearing_id}:signup")
    await press.answer()
    await volunteer.message()
    await bot_app.settle()
    assert lookups == [4000]
