"""Random sequences of everything people and coordinators do, against the real bot.

A hypothesis state machine drives the in-process bot (`tests.conftest.BotInProcess`)
through every flow at once: registered volunteers, a newcomer and the coordinator type
texts and commands, press the buttons they see (and stale ones, and forged ones, and the
same one twice), share contacts and files, while the clock moves and the bot restarts.
After every step, once the bot has settled, the invariants below must hold: nothing
crashed, every button press was answered, every update was handled, no call the real
Bot API would reject, and the database never holds an impossible state (seats, waiting
lists, report histories, broadcast deliveries, reminders).

STATEFUL_ACTIONS sets how many actions a run takes (default 2,000); STATEFUL_RANDOM=1
explores new sequences instead of the fixed (derandomized) ones CI runs.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any, ClassVar, TypeVar
from zoneinfo import ZoneInfo

from aiogram.types import Update
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from bot.clock import ManualClock
from bot.repositories.columns import utc_text
from standin import BotAPIStandin, BotMessage, CallbackPress, StandinGroup, StandinUser
from tests.conftest import ADMIN_ID, TOKEN, BotInProcess
from tests.flow.conftest import seat, seed_hearing, seed_volunteer, stored_digest

T = TypeVar("T")

ACTIONS = int(os.environ.get("STATEFUL_ACTIONS", "2000"))
STEPS = 100  # actions per example (one bot, one database, from scratch)
MAX_MOVES, MAX_RESTARTS = 12, 4  # per example
SETTLE_TIMEOUT = 10.0  # seconds: a bot that does not settle by then hangs; the test says so
ZONE = ZoneInfo("Asia/Tashkent")
GROUP = -100777  # the coordinators' group (COORDINATOR_CHAT_ID): report cards go there

VOLUNTEERS = {101: "uz", 102: "ru", 103: "uz-Cyrl"}  # registered by seeding (admin: en)
NEWCOMER = 104  # writes to the bot for the first time
PEOPLE = (ADMIN_ID, *VOLUNTEERS, NEWCOMER)
STRANGER = 555_000  # someone whose contact gets shared; never writes

LOG_LINE = re.compile(r"update id=(\d+) type=\S+ outcome=(\w+)")
REPORT_HISTORY = re.compile(r"S(?:R?X)*(?:R|A)?")  # submitted, (returned?) resubmitted..., end
EVENT_LETTER = {"submitted": "S", "returned": "R", "resubmitted": "X", "accepted": "A"}
STATUS_AFTER = {"": "draft", "S": "submitted", "X": "submitted", "R": "returned", "A": "accepted"}


# --- what people type -------------------------------------------------------------------


@dataclass(frozen=True)
class Later:
    """A date and time typed relative to the bot's clock (rendered when the step runs)."""

    hours: float
    form: str = "%d.%m.%Y %H:%M"

    def render(self, clock: ManualClock) -> str:
        return (clock.now() + timedelta(hours=self.hours)).astimezone(ZONE).strftime(self.form)


FORM_TEXTS = (
    # hearing form answers
    "Public hearing on the 2027 budget", "Budget working group", "Tashkent, Mustaqillik maydoni 6",
    "12:30", "09:00", "23:59", "24:00", "near the metro", "next friday", "31.02.2030 10:00",
    "01.01.2020 10:00", "31.12.9999 23:59", "01.01.0001 00:00", "29.02.2028 10:00",
    "2030-01-05 10:00", "5/1/30 10.00",
    # seats, coordinators' ids, report numbers
    "0", "1", "2", "3", "12", "10000", "10001", "101", "102", "103", "104", str(ADMIN_ID),
    str(STRANGER),
    # comments and reasons
    "Add the agenda.", "Postponed by the committee.", "ab",
)  # fmt: skip
MEANINGFUL = (
    *FORM_TEXTS,
    # names, in the three scripts people use
    "Aziz Karimov", "Дильноза Каримова", "Oʻktam Gʻulomov", "Ғайрат Ўроқов", "Anna-Maria O'Neil",
    "A", "Ali", "x" * 120, "123", "/start",
    # phones
    "+998 90 123 45 67", "901234567", "+998901234567", "+7 912 345 67 89", "+998 00 000 00 00",
    "998901234567", "tel: 90-123-45-67",
    # numbers for report answers
    "250", "251", "-5", "1.5", "٣", "²",
    # report answers, notes, urgent alerts
    "Pension age for teachers", "The chair opened at 10:20.", "Microphones are off.",
    # formatting that must stay text
    "<b>bold</b> & <i>", "&amp; &lt;", "*_[`]\\", "a\nb\n\nc", "   padded   ",
    "ж" * 4096,
)  # fmt: skip
DATES = st.builds(
    Later,
    st.sampled_from([-3.0, 0.5, 1.5, 3.0, 25.0, 49.0, 24.0 * 30, 24.0 * 400]),
    st.sampled_from(["%d.%m.%Y %H:%M", "%Y-%m-%d %H:%M", "%d/%m/%y %H.%M", "%H:%M"]),
)
NUMBERS = st.one_of(
    st.integers(-1000, 1000),
    st.integers(0, 10**40),
    st.sampled_from([2**31, 2**62, 2**62 + 1, 2**63, 2**64, 10**40, 4503599627370497]),
).map(str)
FREE_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8", exclude_categories=["Cc", "Cs", "Co", "Cn"]),
        st.sampled_from("oʻgʻʼ'ЎўҚқҒғҲҳЁёЖжЩщ<>&/ \n"),
    ),
    min_size=1,
    max_size=60,
).filter(lambda text: text.strip() != "")
TEXTS: st.SearchStrategy[str | Later] = st.one_of(
    st.sampled_from(MEANINGFUL), DATES, NUMBERS, FREE_TEXT
)
IDS = st.one_of(
    st.integers(0, 8), st.sampled_from([2**31, 2**62, 2**63, 10**40]), st.integers(-3, -1)
)
COMMANDS = st.one_of(
    st.sampled_from([
        "/start", "/hearings", "/my", "/report", "/profile", "/language", "/help", "/cancel",
        "/forget", "/newhearing", "/broadcast", "/reports", "/coordinators", "/export",
        "/stats", "/foo", "/START", "/help@standin_bot", "/start@other_bot", "/start hello",
        "/start h", "/start h" + "9" * 40, "/hearings extra words", "/", "/ 5",
    ]),
    st.builds("/start h{}".format, IDS),
)  # fmt: skip
FORGED_PREFIXES = (
    "lang", "consent", "region", "interest", "summary", "profile", "forget", "menu", "hl",
    "h", "att", "hf", "he", "rp", "rh", "rv", "rq", "adm", "bc", "x",
)  # fmt: skip
FORGED_ACTIONS = (
    "open", "signup", "leave", "ics", "report", "edit", "stop", "people", "1", "0", "submit",
    "discard-yes", "accept", "return", "send", "publish", "remove", "add", "", "1:1",
)  # fmt: skip


def _fits(data: str) -> bool:
    return 1 <= len(data.encode()) <= 64  # Telegram's limit for callback data


FORGED = st.one_of(
    st.builds(
        "{}:{}:{}".format,
        st.sampled_from(FORGED_PREFIXES),
        IDS,
        st.sampled_from(FORGED_ACTIONS),
    ),
    st.builds("{}:{}".format, st.sampled_from(FORGED_PREFIXES), st.sampled_from(FORGED_ACTIONS)),
    st.text(max_size=64),
).filter(_fits)
CLOCK_STEPS = st.sampled_from(
    [timedelta(minutes=1), timedelta(minutes=30), timedelta(hours=1), timedelta(hours=2),
     timedelta(hours=6), timedelta(hours=22), timedelta(days=1), timedelta(days=3),
     timedelta(days=15)]
)  # fmt: skip
MEDIA = st.sampled_from(["photo", "album", "document", "voice", "video", "sticker", "location"])
WHO = st.integers(0, 1_000)  # picks among the people it makes sense for, at run time
WHICH = st.integers(0, 1_000)  # picks a button among those on the screen, at run time
FOLLOWING = st.lists(st.tuples(WHICH, st.integers(0, 1_000)), min_size=1, max_size=12)


# What a person does when they follow the screen: the input the step in front of them asks
# for (their chat state is read from the database), or a button on it. Random input alone
# seldom gets through a form; this rule gets to the steps behind one.
PRESS, COMMAND, CONTACT, LOCATION, PHOTO, ALBUM, DOCUMENT = (
    "<press>", "<command>", "<contact>", "<location>", "<photo>", "<album>", "<document>"
)  # fmt: skip
GUIDE: dict[str, tuple[str | Later, ...]] = {
    "": (PRESS, PRESS, PRESS, COMMAND),
    "Registration:name": ("Aziz Karimov", "Дильноза Каримова", "Oʻktam Gʻulomov"),
    "Registration:phone": (CONTACT, "+998 90 123 45 67"),
    "HearingForm:title": ("Public hearing on the 2027 budget", "Water code"),
    "HearingForm:body": ("Public council under the Ministry of Finance",),
    "HearingForm:committee": (PRESS, "Budget working group"),
    "HearingForm:starts_at": (
        Later(3.0), Later(25.0), Later(49.0), Later(24.0 * 30), "31.12.9999 23:59",
    ),
    "HearingForm:ends_at": (PRESS, "12:30", "23:59"),
    "HearingForm:address": ("Tashkent, Mustaqillik maydoni 6",),
    "HearingForm:location": (PRESS, LOCATION),
    "HearingForm:seats": ("1", "2", "3"),
    "HearingForm:description": (PRESS, "Agenda: the budget."),
    "HearingCancel:reason": ("Postponed by the committee.",),
    "BroadcastForm:message": ("Meeting tomorrow at 10:00.", PHOTO),
    "BroadcastForm:schedule": (Later(2.0), Later(26.0)),
    "ReviewComment:text": ("Add the agenda.",),
    "AddCoordinator:who": ("102", "103", "104", str(STRANGER)),
    "Reporting:urgent": ("Microphones are off.", PHOTO),
    "q:members_attended": ("12", "0", "250"),
    "q:main_issue": ("Pension age for teachers", PRESS),
    "files": (PRESS, PRESS, PHOTO, ALBUM, DOCUMENT, "The chair opened at 10:20."),
}  # fmt: skip
GUIDED_COMMANDS = {
    ADMIN_ID: ("/newhearing", "/broadcast", "/reports", "/coordinators", "/hearings", "/my"),
    0: ("/hearings", "/my", "/report", "/start"),  # everyone else
}


def callback_buttons(message: BotMessage) -> list[str]:
    """The callback data of a message's inline buttons (link buttons left out)."""
    return [
        str(button["callback_data"])
        for row in message.inline_keyboard
        for button in row
        if "callback_data" in button
    ]


def _markup(params: dict[str, Any]) -> dict[str, Any]:
    markup = params.get("reply_markup") or {}
    return json.loads(markup) if isinstance(markup, str) else dict(markup)


# --- the machine --------------------------------------------------------------------------


class BotMachine(RuleBasedStateMachine):
    """One fresh stand-in, database and bot per example, on a private event loop."""

    actions: ClassVar[int] = 0  # over the whole run, to report (and check) the volume
    examples: ClassVar[int] = 0

    def __init__(self) -> None:
        super().__init__()
        type(self).examples += 1
        self.loop = asyncio.new_event_loop()
        self.workdir = Path(tempfile.mkdtemp(prefix="stateful-"))
        self.server = BotAPIStandin(token=TOKEN)
        self.clock = ManualClock()
        self.presses: list[CallbackPress] = []
        self.restarts = self.moves = self.unknown_sent = 0
        self.log_seen = 0
        self.handled: set[int] = set()
        self.calls_seen = 0
        self.copies: Counter[tuple[int, int, int]] = Counter()
        self.reminder_messages: Counter[tuple[int, int]] = Counter()
        self.confirmed_before: dict[int, int] = {}
        self.starts_seen: defaultdict[int, set[str]] = defaultdict(set)
        self.bot = BotInProcess(
            self.server,
            self.workdir,
            self.clock,
            ADMIN_IDS=str(ADMIN_ID),
            COORDINATOR_CHAT_ID=str(GROUP),
            BROADCAST_RATE="30",
        )
        self.run(self._open())

    async def _open(self) -> None:
        await self.server.start()
        # Every chat the bot may write to exists before it starts (the admin's menu too).
        self.users: dict[int, StandinUser] = {
            ADMIN_ID: self.server.user(ADMIN_ID, first_name="Admin", language_code="en"),
            **{
                user_id: self.server.user(
                    user_id, first_name=f"V{user_id}", language_code=lang.split("-")[0]
                )
                for user_id, lang in VOLUNTEERS.items()
            },
            NEWCOMER: self.server.user(NEWCOMER, first_name="Newcomer", language_code="ru"),
        }
        self.group: StandinGroup = self.server.group(GROUP, title="Coordinators")
        await self.bot.start()
        seed_volunteer(self.bot, ADMIN_ID, "en", "Admin Aliyev")
        for user_id, language in VOLUNTEERS.items():
            seed_volunteer(self.bot, user_id, language, interests=("ngo",))
        day, hour = timedelta(days=1), timedelta(hours=1)
        soon = seed_hearing(self.bot, starts_in=3 * hour, seats=1, title="Water law")
        seed_hearing(self.bot, starts_in=day + 2 * hour, seats=2, title="Budget 2027")
        seed_hearing(self.bot, starts_in=3 * day, seats=10, title="Education reform")
        over = seed_hearing(self.bot, starts_in=-2 * hour, seats=3, title="Pension reform")
        under_way = seed_hearing(self.bot, starts_in=timedelta(minutes=-20), title="Open budget")
        seat(self.bot, soon, 101)
        seat(self.bot, over, 101)
        seat(self.bot, over, 102)
        seat(self.bot, under_way, 103)
        seat(self.bot, under_way, ADMIN_ID)

    def teardown(self) -> None:
        try:
            self.run(self._close())
        finally:
            self.loop.run_until_complete(self.loop.shutdown_asyncgens())
            self.loop.close()
            shutil.rmtree(self.workdir, ignore_errors=True)

    async def _close(self) -> None:
        try:
            await self.bot.stop()
        finally:
            await self.server.stop()

    # --- plumbing ---------------------------------------------------------------------

    def run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        return self.loop.run_until_complete(coroutine)

    def act(self, action: Callable[[], object]) -> None:
        """Do one thing as a person would (inside the loop the stand-in lives on)."""

        async def inside() -> None:
            action()

        type(self).actions += 1
        self.run(inside())

    def person(self, who: int, among: list[int] | None = None) -> StandinUser:
        ids = among if among else list(PEOPLE)
        return self.users[ids[who % len(ids)]]

    def text_of(self, text: str | Later) -> str:
        return text.render(self.clock) if isinstance(text, Later) else text

    def keyboards(self, chat: StandinUser | StandinGroup) -> list[BotMessage]:
        """The chat's live bot messages with buttons that send callback data, oldest first."""
        return [message for message in chat.history if callback_buttons(message)]

    def with_keyboards(self) -> list[int]:
        return [user_id for user_id in PEOPLE if self.keyboards(self.users[user_id])]

    def press(
        self,
        user: StandinUser,
        data: str,
        message_id: int | None = None,
        chat: StandinGroup | None = None,
    ) -> None:
        self.presses.append(user.press_data(data, message_id, chat=chat))

    # --- volunteers, the newcomer and the coordinator alike -----------------------------

    @rule(who=WHO, text=TEXTS)
    def send_text(self, who: int, text: str | Later) -> None:
        user, typed = self.person(who), self.text_of(text)
        self.act(lambda: user.send_text(typed))

    @rule(who=WHO, command=COMMANDS)
    def send_command(self, who: int, command: str) -> None:
        user = self.person(who)
        self.act(lambda: user.send_text(command))

    @rule(who=WHO, moves=FOLLOWING)
    def follow_the_screen(self, who: int, moves: list[tuple[int, int]]) -> None:
        """Several steps in a row as the screen asks (each one checked like any step)."""
        for number, (which, pick) in enumerate(moves):
            if number:
                self.nothing_went_wrong()
            self._follow(who, which, pick)

    @rule(who=WHO, moves=FOLLOWING)
    def follow_the_screen_again(self, who: int, moves: list[tuple[int, int]]) -> None:
        self.follow_the_screen(who, moves)  # twice as likely: the way deep into the flows

    def _follow(self, who: int, which: int, pick: int) -> None:
        user = self.person(who)
        rows = self.bot.query(
            "SELECT state, data FROM fsm_states WHERE chat_id = ? AND user_id = ?",
            (user.id, user.id),
        )
        state = (rows[0]["state"] or "") if rows else ""
        if state == "Reporting:filling":
            report = json.loads(rows[0]["data"]).get("report_id")
            steps = self.bot.query("SELECT step FROM reports WHERE id = ?", (report,))
            state = steps[0]["step"] if steps else ""
        choices = GUIDE.get(state, (PRESS,))
        choice = choices[pick % len(choices)]
        keyboards = self.keyboards(user)
        if choice == PRESS and not keyboards:
            choice = COMMAND
        if choice == PRESS:
            newest = keyboards[-1]
            buttons = callback_buttons(newest)
            data = buttons[which % len(buttons)]
            self.act(lambda: self.press(user, data, newest.message_id))
        elif choice == COMMAND:
            commands = (*GUIDED_COMMANDS.get(user.id, GUIDED_COMMANDS[0]), f"/start h{pick % 7}")
            command = commands[which % len(commands)]
            self.act(lambda: user.send_text(command))
        elif choice == CONTACT:
            self.act(lambda: user.send_contact("+998 90 123 45 67"))
        elif choice == LOCATION:
            self.act(lambda: user.send_location(41.3111, 69.2797))
        elif choice in (PHOTO, ALBUM, DOCUMENT):
            kind = {PHOTO: "photo", ALBUM: "album", DOCUMENT: "document"}[str(choice)]
            self.send_media(who=user.id, kind=kind, caption=None)
        else:
            typed = self.text_of(choice)
            self.act(lambda: user.send_text(typed))

    @rule(who=WHO, which=WHICH)
    def press_a_visible_button(self, who: int, which: int) -> None:
        self._press_newest(who, which)

    @rule(who=WHO, which=WHICH)
    def press_another_visible_button(self, who: int, which: int) -> None:
        self._press_newest(who, which)  # twice as likely as the rest: the main way forward

    def _press_newest(self, who: int, which: int, times: int = 1) -> None:
        """A button of the newest message with buttons (pressed `times` times at once)."""
        ready = self.with_keyboards()
        if not ready:
            self.send_command(who, "/start")
            return
        user = self.person(who, ready)
        newest = self.keyboards(user)[-1]
        buttons = callback_buttons(newest)
        data = buttons[which % len(buttons)]

        def press() -> None:
            for _ in range(times):
                self.press(user, data, newest.message_id)

        self.act(press)

    @rule(who=WHO, which=WHICH, age=st.integers(1, 20))
    def press_a_stale_button(self, who: int, which: int, age: int) -> None:
        ready = [u for u in PEOPLE if len(self.keyboards(self.users[u])) > 1]
        if not ready:
            self._press_newest(who, which)
            return
        user = self.person(who, ready)
        older = self.keyboards(user)[:-1]
        message = older[-1 - (age - 1) % len(older)]
        buttons = callback_buttons(message)
        data = buttons[which % len(buttons)]
        self.act(lambda: self.press(user, data, message.message_id))

    @rule(who=WHO, data=FORGED)
    def press_forged_data(self, who: int, data: str) -> None:
        user = self.person(who)
        newest = user.last_message
        if newest is None:
            self.send_command(who, "/start")
            return
        self.act(lambda: self.press(user, data))

    @rule(who=WHO, which=WHICH)
    def double_tap(self, who: int, which: int) -> None:
        self._press_newest(who, which, times=2)

    @rule(first=WHO, second=WHO, which=WHICH)
    def two_people_press_at_once(self, first: int, second: int, which: int) -> None:
        """Different people's updates run concurrently: seats are where that matters."""
        ready = self.with_keyboards()
        if len(ready) < 2:
            self._press_newest(first, which)
            return
        one = self.person(first, ready)
        other = self.person(second, [u for u in ready if u != one.id])
        chosen = []
        for user in (one, other):
            newest = self.keyboards(user)[-1]
            buttons = callback_buttons(newest)
            chosen.append((user, buttons[which % len(buttons)], newest.message_id))

        def together() -> None:
            for user, data, message_id in chosen:
                self.press(user, data, message_id)

        self.act(together)

    @rule(who=WHO, which=WHICH)
    def tap_a_reply_keyboard_button(self, who: int, which: int) -> None:
        ready = [u for u in PEOPLE if self.users[u].reply_keyboard]
        if not ready:
            self.send_command(who, "/help")
            return
        user = self.person(who, ready)
        keyboard = user.reply_keyboard or {}
        buttons = [button for row in keyboard.get("keyboard", []) for button in row]
        button = buttons[which % len(buttons)]
        if isinstance(button, dict) and button.get("request_contact"):
            self.act(lambda: user.send_contact("+998 90 123 45 67"))
        else:
            label = button["text"] if isinstance(button, dict) else str(button)
            self.act(lambda: user.send_text(label))

    @rule(
        who=WHO,
        whose=st.sampled_from(["own", "stranger", "volunteer", "none"]),
        phone=st.sampled_from(["+998 90 123 45 67", "998901112233", "+79123456789", "12", "+"]),
    )
    def share_a_contact(self, who: int, whose: str, phone: str) -> None:
        user = self.person(who)
        owner = {"stranger": STRANGER, "volunteer": 101, "none": None}.get(whose, user.id)
        self.act(lambda: user.send_contact(phone, user_id=owner))

    @rule(who=WHO, kind=MEDIA, caption=st.one_of(st.none(), TEXTS))
    def send_media(self, who: int, kind: str, caption: str | Later | None) -> None:
        user = self.person(who)
        note = None if caption is None else self.text_of(caption)[:1024]
        senders: dict[str, Callable[[], object]] = {
            "photo": lambda: user.send_photo(caption=note),
            "album": lambda: user.send_album(n=3, caption=note),
            "document": lambda: user.send_document(file_name="agenda.pdf", caption=note),
            "voice": lambda: user.send_voice(duration=4),
            "video": lambda: user.send_video(caption=note),
            "sticker": lambda: user.send_sticker(),
            "location": lambda: user.send_location(41.3111, 69.2797),
        }
        self.act(senders[kind])

    @precondition(lambda self: len(self.server.injected) > 0)
    @rule(back=st.integers(0, 4))
    def telegram_delivers_an_update_again(self, back: int) -> None:
        recent = list(self.server.injected)[-5:]
        update = recent[-1 - back % len(recent)]
        self.act(lambda: self.server.redeliver(update))

    @rule(who=WHO, kind=st.sampled_from(["future_thing", "business_thing_v2"]))
    def an_update_of_a_type_newer_than_the_bot(self, who: int, kind: str) -> None:
        # With allowed_updates Telegram sends none, so the stand-in would hold it back:
        # fed straight to the dispatcher, as a Bot API newer than this aiogram would.
        sender = {"id": self.person(who).id, "is_bot": False, "first_name": "A"}
        type(self).actions += 1
        self.unknown_sent += 1
        update = Update.model_validate(
            {"update_id": 9_000_000 + self.unknown_sent, kind: {"from": sender}}
        )
        self.run(self.bot.app.dp.feed_update(self.bot.app.bot, update))
        assert f"update id={update.update_id} type=unknown outcome=dropped" in self.bot.log()

    # --- the coordinator ----------------------------------------------------------------

    @rule(
        command=st.sampled_from(
            ["/newhearing", "/broadcast", "/reports", "/coordinators", "/my", "/cancel"]
        )
    )
    def coordinator_command(self, command: str) -> None:
        admin = self.users[ADMIN_ID]
        self.act(lambda: admin.send_text(command))

    @rule(text=st.one_of(DATES, st.sampled_from(FORM_TEXTS), NUMBERS))
    def coordinator_types(self, text: str | Later) -> None:
        """What the coordinator's forms ask for: titles, dates, seats, ids, reasons."""
        admin, typed = self.users[ADMIN_ID], self.text_of(text)
        self.act(lambda: admin.send_text(typed))

    @rule(as_admin=st.booleans(), which=WHICH, age=st.integers(0, 3))
    def press_a_report_card_in_the_group(self, as_admin: bool, which: int, age: int) -> None:
        cards = self.keyboards(self.group)
        user = self.users[ADMIN_ID if as_admin else 101]
        if not cards:
            self.act(lambda: user.send_text("/reports"))
            return
        card = cards[-1 - age % len(cards)]
        buttons = callback_buttons(card)
        data = buttons[which % len(buttons)]
        self.act(lambda: self.press(user, data, card.message_id, chat=self.group))

    # --- time and restarts --------------------------------------------------------------

    # Bounded per example: hypothesis may otherwise spend a whole example on one rule.
    @precondition(lambda self: self.moves < MAX_MOVES)
    @rule(step=CLOCK_STEPS)
    def time_passes(self, step: timedelta) -> None:
        type(self).actions += 1
        self.moves += 1
        self.run(self.clock.advance(step))

    @precondition(lambda self: self.restarts < MAX_RESTARTS)
    @rule()
    def the_bot_restarts(self) -> None:
        type(self).actions += 1
        self.restarts += 1
        self.run(self.bot.restart())

    # --- after every step ---------------------------------------------------------------

    @invariant()
    def nothing_went_wrong(self) -> None:
        self.run(self._settle_and_check())

    async def _settle_and_check(self) -> None:
        await self.bot.settle(timeout=SETTLE_TIMEOUT)
        for press in self.presses:
            answer = await press.answer(timeout=5.0)  # raises TimeoutError if never answered
            assert answer is not None
        self.presses.clear()
        assert self.server.pending_updates == 0, "updates left unhandled"
        assert not self.server.violations, self.server.describe_recent()
        assert not self.server.internal_errors, self.server.internal_errors
        self._check_log()
        self._check_calls()
        self._check_database()

    def _check_log(self) -> None:
        log = self.bot.log()
        fresh, self.log_seen = log[self.log_seen :], len(log)
        assert "Traceback" not in fresh, fresh
        assert " ERROR " not in fresh, fresh
        for match in LOG_LINE.finditer(fresh):
            update_id = int(match.group(1))
            self.handled.add(update_id)
        missing = {u["update_id"] for u in self.server.injected} - self.handled
        assert not missing, f"updates never handled: {sorted(missing)}"

    def _check_calls(self) -> None:
        calls = list(self.server.calls)[self.calls_seen :]
        self.calls_seen += len(calls)
        for call in calls:
            if not call.ok:
                continue
            if call.method == "copyMessage" and int(call.params["chat_id"]) != ADMIN_ID:
                # The coordinator's previews are copies too; everyone else gets one each.
                key = (
                    int(call.params["chat_id"]),
                    int(call.params["from_chat_id"]),
                    int(call.params["message_id"]),
                )
                self.copies[key] += 1
                assert self.copies[key] == 1, f"a broadcast copied twice: {key}"
            elif call.method == "sendMessage":
                for row in _markup(call.params).get("inline_keyboard", []):
                    for button in row:
                        data = str(button.get("callback_data", ""))
                        if data.startswith("att:"):
                            hearing = int(data.split(":")[1])
                            self.reminder_messages[(hearing, int(call.params["chat_id"]))] += 1
                            break
                    else:
                        continue
                    break

    def _check_database(self) -> None:
        q = self.bot.query
        now = utc_text(self.clock.now())
        for row in q(
            """
            SELECT h.id, h.seats, h.status, h.starts_at,
                (SELECT count(*) FROM signups s
                 WHERE s.hearing_id = h.id AND s.status = 'confirmed') AS confirmed,
                (SELECT count(*) FROM signups s
                 WHERE s.hearing_id = h.id AND s.status = 'waiting') AS waiting
            FROM hearings h
            """
        ):
            hearing, confirmed = row["id"], row["confirmed"]
            self.starts_seen[hearing].add(row["starts_at"])
            if confirmed > row["seats"]:
                # Only fewer seats after people took them (by design nobody is unseated):
                # while over capacity, no seat is given.
                before = self.confirmed_before.get(hearing, 0)
                assert confirmed <= before, f"hearing {hearing}: {confirmed} > {row['seats']}"
            self.confirmed_before[hearing] = confirmed
            if row["status"] == "published" and row["waiting"]:
                assert confirmed >= row["seats"], f"hearing {hearing}: a free seat, people wait"
        doubled = q(
            "SELECT hearing_id, user_id FROM signups WHERE status != 'cancelled'"
            " GROUP BY hearing_id, user_id HAVING count(*) > 1"
        )
        assert not doubled, [tuple(r) for r in doubled]
        # Waiting places as the bot computes them (SignupRepository.active): 1..n.
        places: defaultdict[int, list[int]] = defaultdict(list)
        for row in q(
            """
            SELECT s.hearing_id, (SELECT count(*) FROM signups w WHERE w.hearing_id = s.hearing_id
                AND w.status = 'waiting' AND w.id <= s.id) AS position
            FROM signups s WHERE s.status = 'waiting'
            """
        ):
            places[row["hearing_id"]].append(row["position"])
        for hearing, positions in places.items():
            assert sorted(positions) == list(range(1, len(positions) + 1)), (hearing, positions)
        # People who used /forget hold no place at a hearing still ahead.
        kept = q(
            """
            SELECT s.hearing_id, s.user_id FROM signups s
            JOIN users u ON u.id = s.user_id JOIN hearings h ON h.id = s.hearing_id
            WHERE s.status != 'cancelled' AND u.registered_at IS NULL AND h.starts_at > ?
            """,
            (now,),
        )
        assert not kept, [tuple(r) for r in kept]
        incomplete = q(
            "SELECT id FROM users WHERE registered_at IS NOT NULL"
            " AND (full_name IS NULL OR phone IS NULL OR region IS NULL)"
        )
        assert not incomplete, [tuple(r) for r in incomplete]
        self._check_reports()
        self._check_broadcasts_and_reminders()

    def _check_reports(self) -> None:
        histories: defaultdict[int, str] = defaultdict(str)
        for row in self.bot.query("SELECT report_id, event FROM report_events ORDER BY id"):
            histories[row["report_id"]] += EVENT_LETTER[row["event"]]
        for row in self.bot.query("SELECT id, status, fingerprint FROM reports"):
            history = histories.get(row["id"], "")
            assert history == "" or REPORT_HISTORY.fullmatch(history), (row["id"], history)
            assert row["status"] == STATUS_AFTER[history[-1:]], (row["id"], row["status"], history)
            if row["status"] == "accepted":  # exactly what the observer's receipt proves
                assert row["fingerprint"] == stored_digest(self.bot, row["id"]), row["id"]

    def _check_broadcasts_and_reminders(self) -> None:
        q = self.bot.query
        doubled = q(
            "SELECT broadcast_id, user_id FROM deliveries GROUP BY 1, 2 HAVING count(*) > 1"
        )
        assert not doubled, [tuple(r) for r in doubled]
        sent: Counter[tuple[int, int]] = Counter()
        for row in q(
            """
            SELECT hearing_id, user_id, offset_seconds, count(*) AS n FROM reminders
            WHERE status IN ('sent', 'sending', 'failed')
            GROUP BY hearing_id, user_id, offset_seconds
            """
        ):
            # One per start time the hearing has had (a moved hearing is reminded anew).
            limit = len(self.starts_seen[row["hearing_id"]])
            assert row["n"] <= limit, f"reminder sent {row['n']} times: {tuple(row)}"
            sent[(row["hearing_id"], row["user_id"])] += row["n"]
        for key, count in self.reminder_messages.items():
            assert count <= sent[key], f"{count} reminders reached {key}, {sent[key]} recorded"


SETTINGS = settings(
    max_examples=max(1, -(-ACTIONS // STEPS)),
    stateful_step_count=STEPS,
    deadline=None,
    derandomize=not os.environ.get("STATEFUL_RANDOM"),
    database=None,
    suppress_health_check=list(HealthCheck),
)


def test_random_sequences_of_everything_keep_every_invariant() -> None:
    BotMachine.actions = BotMachine.examples = 0
    run_state_machine_as_test(BotMachine, settings=SETTINGS)
    assert BotMachine.actions >= ACTIONS * 0.9, (BotMachine.actions, BotMachine.examples)
