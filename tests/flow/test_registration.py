"""Registration end to end: the real bot process, the stand-in, a person's phone."""

from __future__ import annotations

import pytest

from bot.i18n import LANGUAGES, Locales
from bot.services.volunteers import CONSENT_VERSION
from standin import BotAPIStandin
from tests.conftest import BotInProcess
from tests.flow.conftest import fill_in_registration, person, register


@pytest.mark.parametrize("language", LANGUAGES)
async def test_full_registration_in_each_language(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales, language: str
) -> None:
    someone = person(standin, all_locales, 1000, language)
    await register(someone, name="Oʻgʻiloy Gʻulomova", region="SA", interests=("councils",))

    [row] = bot_app.query("SELECT * FROM users WHERE id = 1000")
    assert row["language"] == language
    assert row["full_name"] == "Oʻgʻiloy Gʻulomova"
    assert row["phone"] == "+998901234567"
    assert row["region"] == "SA"
    assert row["consent_version"] == CONSENT_VERSION
    assert row["consent_at"] is not None and row["registered_at"] is not None
    interests = bot_app.query("SELECT interest FROM user_interests WHERE user_id = 1000")
    assert [r["interest"] for r in interests] == ["councils"]

    # A registered person sending /start again sees the menu, not the registration.
    await someone.says("/start", "main-menu")


@pytest.mark.parametrize(
    ("app_language", "expected"),
    [("uz", "uz"), ("ru", "ru"), ("en-GB", "en"), ("de", "uz"), (None, "uz")],
)
async def test_greeting_preselects_the_app_language_or_the_default(
    standin: BotAPIStandin,
    bot_app: BotInProcess,
    all_locales: Locales,
    app_language: str | None,
    expected: str,
) -> None:
    user = standin.user(1001, language_code=app_language)
    user.send_text("/start")
    greeting = await user.next_message()
    tr = all_locales.get(expected)
    assert greeting.text == tr("start-greeting")
    assert (
        tr("language-button-current", language=tr(f"language-name-{expected}")) in greeting.buttons
    )
    # Both Uzbek scripts come first, side by side: the app says "uz" for either.
    assert [button["text"] for button in greeting.inline_keyboard[0]] == [
        tr(f"language-name-{code}")
        if code != expected
        else tr("language-button-current", language=tr(f"language-name-{code}"))
        for code in ("uz", "uz-Cyrl")
    ]


async def test_the_command_menu_is_published_in_every_language(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    for language in ("uz", "ru", "en"):
        commands = standin.commands(language_code=language)
        assert commands is not None
        tr = all_locales.get(language)
        assert [c["command"] for c in commands] == [
            "start", "hearings", "my", "report", "profile", "language", "help", "cancel",
            "forget",
        ]  # fmt: skip
        assert commands[0]["description"] == tr("cmd-start")
    default = standin.commands(language_code=None)
    assert default is not None and default[0]["description"] == all_locales.get("uz")("cmd-start")
    # Telegram takes two-letter codes only: Uzbek in Cyrillic is set per chat, on choosing it.
    assert standin.commands(language_code="uz-Cyrl") is None


async def test_bad_input_at_every_step_gets_a_clear_answer_and_loses_nothing(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    someone = person(standin, all_locales, 1002, "en")
    tr, user = someone.tr, someone.user
    greeting = await someone.says("/start", "start-greeting")
    await someone.presses(greeting.buttons[-1], "consent-text")

    # Consent: typing instead of answering.
    await someone.says("yes I agree", "consent-use-buttons")
    await someone.presses(tr("consent-accept"), "ask-name")

    # Name: a sticker, a photo, an unknown command, emoji only, digits, 5,000 characters.
    user.send_sticker()
    await someone.expect("name-not-text")
    user.send_photo(caption="Dilnoza")
    await someone.expect("name-not-text")
    await someone.says("/whoami", "unknown-command-in-form")  # held back by the step
    await someone.says("/ whoami", "name-is-command")
    await someone.says("😀😀😀", "name-bad-characters")
    await someone.says("R2D2", "name-bad-characters")
    await someone.says("A", "name-too-short")
    await someone.says("x" * 5000, "name-too-long", length=5000, max=100)
    # A stale button from an earlier step changes nothing.
    text = await someone.refused(data=greeting.callback_data(greeting.buttons[0]))
    assert text == tr("button-stale")
    await someone.says("Maʼmura Yoʻldosheva", "ask-phone")

    # Phone: someone else's contact, a contact without a user id, nonsense, a sticker.
    user.send_contact("+998 91 765 43 21", user_id=999)
    await someone.expect("phone-foreign-contact")
    user.send_contact("+998 91 765 43 21", user_id=None)
    await someone.expect("phone-foreign-contact")
    await someone.says("12345", "phone-invalid")
    await someone.says("call me maybe", "phone-invalid")
    user.send_sticker()
    await someone.expect("phone-not-text")
    await someone.says("(90) 123-45-67", "phone-saved")
    await someone.expect("ask-region")

    # Region: typing, and a forged region code.
    await someone.says("Tashkent", "region-use-buttons")
    assert await someone.refused(data="region:XX") == tr("region-use-buttons")
    await someone.presses(tr("region-TK"), "ask-interests")

    # Interests: typing, Done with nothing chosen, a forged interest.
    await someone.says("hearings", "interests-use-buttons")
    assert await someone.refused(tr("interests-done", count=0)) == tr("interests-none")
    assert await someone.refused(data="interest:forged") == tr("button-stale")
    user.press("▫️ " + tr("interest-events"))
    await user.next_message()
    await someone.presses(tr("interests-done", count=1))

    # Summary: typing instead of pressing, a forged action.
    await someone.expect(
        "summary",
        name="Maʼmura Yoʻldosheva",
        phone="+998901234567",
        region=tr("region-TK"),
        interests=tr("interest-events"),
        language="English",
    )
    await someone.says("ok", "summary-use-buttons")
    assert await someone.refused(data="summary:explode:") == tr("button-stale")
    assert await someone.refused(data="x" * 64) == tr("button-stale")

    # Nothing typed along the way was lost: confirming stores exactly the good answers.
    await someone.presses(
        tr("summary-confirm"), "registration-complete", name="Maʼmura Yoʻldosheva"
    )
    [row] = bot_app.query("SELECT full_name, phone, region FROM users WHERE id = 1002")
    assert tuple(row) == ("Maʼmura Yoʻldosheva", "+998901234567", "TK")


async def test_the_summary_can_be_edited_before_confirming(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    someone = person(standin, all_locales, 1003, "ru")
    tr = someone.tr
    await someone.consents()
    await someone.says("Гулом Каримов", "ask-phone")
    await someone.says("+998 90 123 45 67", "phone-saved")
    await someone.expect("ask-region")
    await someone.presses(tr("region-AN"), "ask-interests")
    someone.user.press("▫️ " + tr("interest-ngo"))
    await someone.user.next_message()
    await someone.presses(tr("interests-done", count=1))
    await someone.message()  # the summary

    someone.user.press(tr("summary-edit"))
    edited = await someone.user.next_message()
    assert edited.edited and tr("field-region") in edited.buttons
    await someone.presses(tr("field-region"), "ask-region")
    await someone.presses(tr("region-XO"))
    summary = await someone.message()
    assert tr("region-XO") in (summary.text or "") and tr("region-AN") not in (summary.text or "")
    await someone.presses(tr("summary-confirm"), "registration-complete", name="Гулом Каримов")
    [row] = bot_app.query("SELECT region FROM users WHERE id = 1003")
    assert row["region"] == "XO"


async def test_a_restart_mid_registration_continues_at_the_same_step(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    someone = person(standin, all_locales, 1004, "uz")
    tr = someone.tr
    await someone.consents()
    await someone.says("Botir Rahimov", "ask-phone")

    await bot_app.restart()

    # The phone step is still waiting, and the name typed before the restart is kept.
    await someone.says("+998 90 123 45 67", "phone-saved")
    await someone.expect("ask-region")
    await bot_app.restart()
    await someone.presses(tr("region-BU"), "ask-interests")
    someone.user.press("▫️ " + tr("interest-hearings"))
    await someone.user.next_message()
    await bot_app.restart()
    # /start after a restart re-asks the current step, with the choice already ticked.
    again = await someone.says("/start", "ask-interests")
    assert "✅ " + tr("interest-hearings") in again.buttons
    await someone.presses(tr("interests-done", count=1))
    summary = await someone.message()
    assert "Botir Rahimov" in (summary.text or "")
    await someone.presses(tr("summary-confirm"), "registration-complete", name="Botir Rahimov")


async def test_declining_consent_stores_nothing_personal(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    someone = person(standin, all_locales, 1005, "en")
    greeting = await someone.says("/start", "start-greeting")
    await someone.presses(greeting.buttons[-1], "consent-text")
    await someone.presses(someone.tr("consent-decline"), "consent-declined")
    [row] = bot_app.query("SELECT * FROM users WHERE id = 1005")
    assert row["language"] == "en"
    assert all(row[c] is None for c in ("full_name", "phone", "region", "consent_at"))
    assert bot_app.query("SELECT * FROM fsm_states WHERE user_id = 1005") == []
    # What is still possible without registering:
    await someone.says("/help", "help")
    await someone.says("/profile", "not-registered")
    await someone.says("/forget", "forget-nothing")


async def test_cancel_leaves_registration_cleanly(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    someone = person(standin, all_locales, 1006, "en")
    await someone.consents()
    await someone.says("Ali Valiyev", "ask-phone")
    cancelled = await someone.says("/cancel", "cancel-done")
    assert cancelled.removes_reply_keyboard
    assert bot_app.query("SELECT * FROM fsm_states WHERE user_id = 1006") == []
    await someone.says("/cancel", "cancel-nothing")
    await someone.says("+998901234567", "unexpected-input")
    await someone.says("/start", "start-greeting")


async def test_help_and_unknown_commands_work_in_any_state(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    someone = person(standin, all_locales, 1007, "ru")
    await someone.says("/help", "help")
    await someone.says("/nonsense", "unknown-command")
    await someone.says("hello", "unexpected-input")
    await someone.consents()
    await someone.says("/help", "help")
    await someone.says("Ali Valiyev", "ask-phone")  # still at the name step after /help


async def test_a_deep_link_payload_is_kept_through_registration(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    someone = person(standin, all_locales, 1008, "en")
    greeting = await someone.says("/start h42", "start-greeting")
    await someone.presses(greeting.buttons[-1], "consent-text")
    [row] = bot_app.query("SELECT data FROM fsm_states WHERE user_id = 1008")
    assert '"payload": "h42"' in row["data"]


async def test_a_shared_link_to_a_hearing_gone_meanwhile_is_explained_after_registering(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    # Confirm is answered before the card is looked up; the card's refusal then comes as
    # a message (the press cannot be answered twice), and the registration stands.
    someone = person(standin, all_locales, 1009, "en")
    greeting = await someone.says("/start h42", "start-greeting")
    await someone.presses(greeting.buttons[-1], "consent-text")
    await fill_in_registration(someone, name="Ali Valiyev", region="TK", interests=("ngo",))
    await someone.expect("hearing-not-found")
    await bot_app.settle()
    assert not standin.violations, standin.violations
    [row] = bot_app.query("SELECT registered_at FROM users WHERE id = 1009")
    assert row["registered_at"] is not None


async def test_group_members_are_sent_to_a_private_chat(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    group = standin.group(-100500, title="Volunteers")
    member = standin.user(1009, language_code="en")
    group.send_text(member, "/start")
    reply = await group.next_message()
    assert reply.text == all_locales.get("en")(
        "group-private-only", link="https://t.me/standin_bot?start=group"
    )
    await bot_app.expect_silence(group)


async def test_registering_from_a_register_button_without_choosing_a_language(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    # Someone whose first words are a command for volunteers is offered "Register" and
    # never sees the language picker: the registration keeps the app's language.
    someone = person(standin, all_locales, 1020, "ru")
    refusal = await someone.says("/my", "not-registered")
    await someone.presses(refusal.buttons[0], "consent-text")
    await fill_in_registration(someone, name="Ali Valiyev", region="TK", interests=("ngo",))

    [row] = bot_app.query("SELECT language, registered_at FROM users WHERE id = 1020")
    assert row["language"] == "ru" and row["registered_at"] is not None
    interests = bot_app.query("SELECT interest FROM user_interests WHERE user_id = 1020")
    assert [r["interest"] for r in interests] == ["ngo"]
