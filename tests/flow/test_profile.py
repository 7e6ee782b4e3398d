"""/profile, /language and /forget for a registered volunteer, end to end."""

from __future__ import annotations

import re

from bot.i18n import Locales
from standin import BotAPIStandin
from tests.conftest import TOKEN, BotInProcess
from tests.flow.conftest import person, register


async def test_profile_shows_the_data_and_changes_each_field(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    someone = person(standin, all_locales, 2000, "en")
    tr = someone.tr
    await register(someone)
    someone.user.send_text("/profile")
    profile = await someone.message()
    assert "Dilnoza Karimova" in (profile.text or "") and "+998901234567" in (profile.text or "")
    assert tr("region-TK") in (profile.text or "")

    # Name: a bad one is refused, a good one saved.
    await someone.presses("✏️ " + tr("field-name"), "ask-name")
    await someone.says("D1lnoza", "name-bad-characters")
    someone.user.send_text("Dilnoza Karimova-Aliyeva")
    saved = await someone.expect_start("profile-saved")
    assert "Dilnoza Karimova-Aliyeva" in (saved.text or "")
    # Phone: shared contact of someone else refused; a typed number accepted.
    await someone.presses("✏️ " + tr("field-phone"), "ask-phone")
    someone.user.send_contact("+998 91 111 22 33", user_id=12345)
    await someone.expect("phone-foreign-contact")
    await someone.says("+998 91 111 22 33", "phone-saved")
    shown = await someone.expect_start("profile-saved")
    assert "+998911112233" in (shown.text or "")
    # Region and interests.
    await someone.presses("✏️ " + tr("field-region"), "ask-region")
    await someone.presses(tr("region-FA"))
    await someone.expect_start("profile-saved")
    ask = await someone.presses("✏️ " + tr("field-interests"), "ask-interests")
    assert ask is not None and "✅ " + tr("interest-hearings") in ask.buttons
    someone.user.press("✅ " + tr("interest-hearings"))
    await someone.user.next_message()
    await someone.presses(tr("interests-done", count=1))
    final = await someone.expect_start("profile-saved")
    assert tr("interest-ngo") in (final.text or "")
    assert tr("interest-hearings") not in (final.text or "")

    [row] = bot_app.query("SELECT full_name, phone, region FROM users WHERE id = 2000")
    assert tuple(row) == ("Dilnoza Karimova-Aliyeva", "+998911112233", "FA")


async def test_language_switch_changes_everything_after_it(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    someone = person(standin, all_locales, 2001, "uz")
    await register(someone)
    await someone.says("/language", "language-choose")
    someone.tr = all_locales.get("ru")
    await someone.presses("Русский", "language-changed")
    await someone.says("/help", "help")
    await someone.says("/start", "main-menu")
    [row] = bot_app.query("SELECT language FROM users WHERE id = 2001")
    assert row["language"] == "ru"
    # The command menu this person sees follows their choice, not their app's language.
    menu = standin.commands(scope={"type": "chat", "chat_id": 2001})
    assert menu is not None and menu[0]["description"] == someone.tr("cmd-start")


async def test_language_switch_mid_registration_asks_the_step_again(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    someone = person(standin, all_locales, 2002, "en")
    await someone.consents()
    await someone.says("Ali Valiyev", "ask-phone")
    await someone.says("/language", "language-choose")
    someone.tr = all_locales.get("uz")
    await someone.presses("Oʻzbekcha", "language-changed")
    asked = await someone.expect("ask-phone")
    assert asked.reply_buttons[0]["text"] == someone.tr("phone-share-button")
    await someone.says("+998 90 123 45 67", "phone-saved")


async def test_forget_erases_personal_data_after_confirmation(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    someone = person(standin, all_locales, 2003, "ru")
    tr = someone.tr
    await register(someone)
    await someone.says("/forget", "forget-confirm")
    await someone.presses(tr("forget-no"), "forget-kept")
    [row] = bot_app.query("SELECT phone FROM users WHERE id = 2003")
    assert row["phone"] == "+998901234567"

    await someone.says("/forget", "forget-confirm")
    await someone.presses(tr("forget-yes"), "forget-done")
    [row] = bot_app.query("SELECT * FROM users WHERE id = 2003")
    personal = ("full_name", "name_key", "phone", "region", "consent_at", "consent_version")
    assert all(row[column] is None for column in personal)
    assert row["registered_at"] is None and row["language"] == "ru"
    assert bot_app.query("SELECT * FROM user_interests WHERE user_id = 2003") == []
    # No longer registered: features that need it say so and offer registration.
    refused = await someone.says("/profile", "not-registered")
    assert refused.buttons == [tr("register-button")]
    await someone.says("/forget", "forget-nothing")
    # Registering again works from the offered button.
    await someone.presses(tr("register-button"), "consent-text")


async def test_forget_mid_registration_drops_the_draft(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    someone = person(standin, all_locales, 2004, "en")
    await someone.consents()
    await someone.says("Ali Valiyev", "ask-phone")
    await someone.says("/forget", "forget-confirm")
    await someone.presses(someone.tr("forget-yes"), "forget-done")
    assert [tuple(r) for r in bot_app.query("SELECT * FROM fsm_states WHERE user_id = 2004")] == []
    await someone.says("+998901234567", "unexpected-input")


async def test_unregistered_menu_buttons_offer_registration(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    someone = person(standin, all_locales, 2005, "en")
    someone.user.send_text("/start")
    await someone.message()
    # A menu button pressed by someone not registered (e.g. after /forget, or forged).
    press = someone.user.press_data("menu:profile")
    assert (await press.answer()).get("show_alert") is not True
    offered = await someone.expect("not-registered")
    assert offered.buttons == [someone.tr("register-button")]


async def test_logs_hold_no_phone_numbers_names_or_token(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    someone = person(standin, all_locales, 2006, "en")
    await register(someone)
    await bot_app.stop()
    log = bot_app.log()
    assert "update id=" in log
    for secret in (TOKEN, TOKEN.split(":")[1], "998901234567", "90 123 45 67", "Dilnoza"):
        assert secret not in log
    # One line per event: every line starts with a timestamp.
    assert all(re.match(r"\d{4}-\d\d-\d\d ", line) for line in log.splitlines() if line)
