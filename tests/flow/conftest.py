"""Talking to the real bot as a person would, in their language (in process, see
`tests.conftest.BotInProcess`)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from bot.i18n import LANGUAGES, Locales, Translator
from bot.repositories.columns import utc_text
from standin import BotAPIStandin, BotMessage, StandinUser
from tests.conftest import DatabaseAccess, plain


@dataclass
class Person:
    """A Telegram user plus the translator their answers should come in."""

    user: StandinUser
    tr: Translator
    # The language the bot greets them in before they choose: their app's. Someone who
    # reads Uzbek in Cyrillic has an app that says "uz", so they are greeted in Latin.
    app_tr: Translator | None = None

    @property
    def greeting_tr(self) -> Translator:
        return self.app_tr or self.tr

    @property
    def id(self) -> int:
        return self.user.id

    async def message(self, timeout: float = 10.0) -> BotMessage:
        """The next new message (edits that only close an old keyboard are skipped)."""
        while True:
            event = await self.user.next_message(timeout=timeout)
            if not event.edited:
                return event

    async def expect(self, key: str, /, **args: Any) -> BotMessage:
        msg = await self.message()
        expected = plain(self.tr(key, **args))
        assert (msg.text or msg.caption) == expected, f"expected {key!r}, got {msg.text!r}"
        return msg

    async def expect_start(self, key: str, /, **args: Any) -> BotMessage:
        """The next message begins with this text (a note above a longer card)."""
        msg = await self.message()
        expected = plain(self.tr(key, **args))
        assert (msg.text or "").startswith(expected), f"expected {key!r}, got {msg.text!r}"
        return msg

    async def says(self, text: str, key: str, /, **args: Any) -> BotMessage:
        self.user.send_text(text)
        return await self.expect(key, **args)

    async def presses(
        self, button: str, key: str | None = None, /, **args: Any
    ) -> BotMessage | None:
        press = self.user.press(button)
        answer = await press.answer()
        assert not answer.get("show_alert"), answer
        return await self.expect(key, **args) if key else None

    async def consents(self) -> None:
        """/start, the person's own language, "I agree": the name question is next."""
        greeting = await self.greeted()
        await self.presses(greeting.buttons[LANGUAGE_ORDER.index(self.tr.language)], "consent-text")
        await self.presses(self.tr("consent-accept"), "ask-name")

    async def greeted(self) -> BotMessage:
        """/start before registering: the greeting in the app's language, and the picker."""
        self.user.send_text("/start")
        greeting = await self.message()
        tr = self.greeting_tr
        assert greeting.text == plain(tr("start-greeting"))
        assert greeting.buttons == [
            tr("language-button-current", language=tr(f"language-name-{code}"))
            if code == tr.language
            else tr(f"language-name-{code}")
            for code in LANGUAGE_ORDER
        ]
        return greeting

    async def refused(self, press_text: str | None = None, *, data: str | None = None) -> str:
        """Press a button (or forged data) that must be refused with an alert; return it."""
        press = (
            self.user.press_data(data) if data is not None else self.user.press(press_text or "")
        )
        answer = await press.answer()
        assert answer.get("show_alert") is True, answer
        return str(answer.get("text"))


LANGUAGE_ORDER = LANGUAGES  # the greeting's buttons


def person(
    server: BotAPIStandin,
    locales: Locales,
    user_id: int,
    language: str,
    app_language: str | None = None,
) -> Person:
    # Telegram reports a two-letter language: "uz" for Uzbek in either script.
    app_language = app_language or language.split("-")[0]
    user = server.user(user_id, first_name="Test", language_code=app_language)
    app_tr = locales.get(app_language.split("-")[0])
    return Person(user, locales.get(language), app_tr if app_tr.language != language else None)


async def register(
    someone: Person,
    *,
    name: str = "Dilnoza Karimova",
    region: str = "TK",
    interests: tuple[str, ...] = ("hearings", "ngo"),
) -> None:
    """Walk the whole registration the way a person does on a phone."""
    greeting = await someone.greeted()
    await someone.presses(
        greeting.buttons[LANGUAGE_ORDER.index(someone.tr.language)], "consent-text"
    )
    await fill_in_registration(someone, name=name, region=region, interests=interests)


async def fill_in_registration(
    someone: Person, *, name: str, region: str, interests: tuple[str, ...]
) -> None:
    """From the consent question on, as `register` does."""
    tr = someone.tr
    await someone.presses(tr("consent-accept"), "ask-name")
    ask_phone = await someone.says(name, "ask-phone")
    assert ask_phone.reply_buttons[0].get("request_contact") is True
    someone.user.send_contact("+998 90 123 45 67")
    saved = await someone.expect("phone-saved")
    assert saved.removes_reply_keyboard
    await someone.expect("ask-region")
    await someone.presses(tr(f"region-{region}"), "ask-interests")
    for count, code in enumerate(interests, start=1):
        someone.user.press("▫️ " + tr(f"interest-{code}"))
        edited = await someone.user.next_message()
        assert edited.edited and "✅ " + tr(f"interest-{code}") in edited.buttons
        assert tr("interests-done", count=count) in edited.buttons
    await someone.presses(tr("interests-done", count=len(interests)))
    summary = await someone.expect(
        "summary",
        name=name,
        phone="+998901234567",
        region=tr(f"region-{region}"),
        interests=", ".join(tr(f"interest-{c}") for c in interests),
        language=tr(f"language-name-{tr.language}"),
    )
    assert summary.buttons == [tr("summary-confirm"), tr("summary-edit")]
    await someone.presses(tr("summary-confirm"), "registration-complete", name=name)
    menu = await someone.expect("main-menu")
    assert menu.buttons == [
        tr(f"menu-{item}") for item in ("hearings", "my", "profile", "language", "help")
    ]


def seed_volunteer(
    process: DatabaseAccess,
    user_id: int,
    language: str = "en",
    name: str = "",
    *,
    region: str = "TK",
    interests: tuple[str, ...] = (),
) -> None:
    """A registered volunteer, written straight into the database (setup, not the subject)."""
    now = utc_text(process.clock.now())
    process.write(
        """
        INSERT INTO users (id, language, full_name, name_key, phone, region, consent_version,
            consent_at, registered_at, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, 'test', ?, ?, ?, ?)
        """,
        (
            user_id, language, name or f"Volunteer {user_id}", (name or "v").lower(),
            f"+99890{user_id % 10_000_000:07d}", region, now, now, now, now,
        ),
    )  # fmt: skip
    for interest in interests:
        process.write(
            "INSERT INTO user_interests (user_id, interest) VALUES (?, ?)", (user_id, interest)
        )


def seed_hearing(
    process: DatabaseAccess,
    *,
    starts_in: timedelta,
    seats: int = 10,
    title: str = "Budget 2027 hearing",
    committee: str = "Budget and economic reforms committee",
) -> int:
    now = process.clock.now()
    return process.write(
        """
        INSERT INTO hearings (title, chamber, committee, starts_at, address, seats,
            description, created_at, updated_at)
        VALUES (?, 'senate', ?, ?, 'Tashkent, Mustaqillik maydoni 6', ?, 'Agenda: the budget.',
            ?, ?)
        """,
        (title, committee, utc_text(now + starts_in), seats, utc_text(now), utc_text(now)),
    )


def seat(process: DatabaseAccess, hearing_id: int, user_id: int) -> None:
    """Give a volunteer a confirmed seat (setup for report tests)."""
    now = utc_text(process.clock.now())
    process.write(
        "INSERT INTO signups (hearing_id, user_id, status, created_at, updated_at)"
        " VALUES (?, ?, 'confirmed', ?, ?)",
        (hearing_id, user_id, now, now),
    )


def stored_digest(db: DatabaseAccess, report_id: int) -> str:
    """The README's fingerprint of a report's content as stored now, computed from the
    rows as the README says (not by the bot's own function)."""
    row = db.query("SELECT * FROM reports WHERE id = ?", (report_id,))[0]
    files = db.query(
        "SELECT file_unique_id, latitude, longitude FROM report_attachments"
        " WHERE report_id = ? ORDER BY id",
        (report_id,),
    )
    canonical = json.dumps(
        {
            "report": row["id"], "hearing": row["hearing_id"], "form": row["form_version"],
            "answers": json.loads(row["answers"]), "notes": row["notes"],
            "attachments": [
                f["file_unique_id"] or f"location:{f['latitude']},{f['longitude']}" for f in files
            ],
        },
        ensure_ascii=False, sort_keys=True, separators=(",", ":"),
    )  # fmt: skip
    return hashlib.sha256(canonical.encode()).hexdigest()
