"""UserRepository and FSM storage on a real, migrated SQLite file."""

from __future__ import annotations

from datetime import UTC, datetime

from aiogram.fsm.storage.base import StorageKey

from bot.db import Database
from bot.fsm_storage import SQLiteStorage
from bot.repositories.users import NewRegistration, UserRepository
from bot.services import volunteers

NOW = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)
REGISTRATION = NewRegistration(
    full_name="Dilnoza Karimova",
    name_key="dilnoza karimova",
    phone="+998901234567",
    region="TK",
    interests=("hearings", "ngo"),
    consent_version="v1",
    consent_at=NOW,
)


async def test_a_registration_round_trips(db: Database) -> None:
    async with db.unit_of_work() as uow:
        users = UserRepository(uow)
        assert await users.get(7) is None
        await users.save_language(7, "ru", NOW)
        await users.register(7, REGISTRATION, NOW)
    async with db.unit_of_work() as uow:
        user = await UserRepository(uow).get(7)
    assert user is not None
    assert user.is_registered and user.language == "ru"
    assert (user.full_name, user.phone, user.region) == ("Dilnoza Karimova", "+998901234567", "TK")
    assert user.interests == ("hearings", "ngo")
    assert user.consent_version == "v1" and user.consent_at == NOW


async def test_forget_erases_personal_data_and_drafts_but_keeps_the_language(db: Database) -> None:
    storage = SQLiteStorage(db)
    key = StorageKey(bot_id=1, chat_id=7, user_id=7)
    async with db.unit_of_work() as uow:
        users = UserRepository(uow)
        await users.save_language(7, "en", NOW)
        await users.register(7, REGISTRATION, NOW)
    await storage.set_state(key, "Registration:name")
    await storage.set_data(key, {"name": "Dilnoza", "phone": "+998901234567"})
    async with db.unit_of_work() as uow:
        await volunteers.forget(UserRepository(uow), 7, NOW)
    async with db.unit_of_work() as uow:
        user = await UserRepository(uow).get(7)
        leftovers = await uow.fetch_all("SELECT * FROM user_interests")
    assert user is not None and user.language == "en"
    assert not user.has_personal_data and not user.is_registered
    assert leftovers == []
    assert await storage.get_state(key) is None
    assert await storage.get_data(key) == {}


async def test_fsm_state_and_data_survive_a_reconnect(db: Database) -> None:
    key = StorageKey(bot_id=1, chat_id=7, user_id=7)
    await SQLiteStorage(db).set_state(key, "Registration:phone")
    await SQLiteStorage(db).set_data(key, {"name": "Oʻgʻiloy", "interests": ["ngo"]})
    await db.close()
    await db.connect()
    storage = SQLiteStorage(db)
    assert await storage.get_state(key) == "Registration:phone"
    assert await storage.get_data(key) == {"name": "Oʻgʻiloy", "interests": ["ngo"]}


async def test_clearing_the_fsm_leaves_no_row(db: Database) -> None:
    key = StorageKey(bot_id=1, chat_id=7, user_id=7)
    storage = SQLiteStorage(db)
    await storage.set_state(key, "x")
    await storage.set_data(key, {"a": 1})
    await storage.set_state(key, None)
    await storage.set_data(key, {})
    async with db.unit_of_work() as uow:
        assert await uow.fetch_all("SELECT * FROM fsm_states") == []


async def test_languages_of_several_people_in_one_query(db: Database) -> None:
    async with db.unit_of_work() as uow:
        users = UserRepository(uow)
        await users.save_language(7, "ru", NOW)
        await users.save_language(8, "uz-Cyrl", NOW)
        # 9 never wrote to the bot (an admin named in ADMIN_IDS): the default.
        assert await users.languages([8, 7, 9, 7], "uz") == {7: "ru", 8: "uz-Cyrl", 9: "uz"}
        assert await users.languages([], "uz") == {}
