"""Attendance at the venue: the check-in QR code, scanning it, and marking by hand.

The code carries a deep link; the tests follow that link the way a phone's camera does
(/start c<token>), at every point of the window, with an old code, twice, and as people
with and without a seat.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from bot.i18n import Locales
from standin import BotAPIStandin, BotMessage
from tests.conftest import ADMIN_ID, BotInProcess, plain
from tests.flow.conftest import Person, person, seat, seed_hearing, seed_volunteer
from tests.flow.test_hearings import open_card

PNG = b"\x89PNG\r\n\x1a\n"
LINK = re.compile(r"https://t\.me/\w+\?start=(c[\w-]+)")


@pytest.fixture
def bot_env() -> dict[str, str]:
    return {"ADMIN_IDS": str(ADMIN_ID)}


def coordinator(standin: BotAPIStandin, bot_app: BotInProcess, locales: Locales) -> Person:
    seed_volunteer(bot_app, ADMIN_ID, "en", "Coordinator Karimov")
    return person(standin, locales, ADMIN_ID, "en")


async def checkin_code(admin: Person, hearing_id: int) -> tuple[BotMessage, str]:
    """The coordinator asks for the hearing's code: the poster and the link it carries."""
    await open_card(admin, hearing_id)
    admin.user.press(admin.tr("hearing-button-checkin"))
    poster = await admin.message()
    return poster, link_of(poster)


def link_of(poster: BotMessage) -> str:
    match = LINK.search(poster.caption or "")
    assert match, poster.caption
    return match.group(1)


def attended(bot_app: BotInProcess, hearing_id: int) -> list[tuple[object, ...]]:
    rows = bot_app.query(
        "SELECT user_id, attended_via, attended_by FROM signups"
        " WHERE hearing_id = ? AND attended_at IS NOT NULL ORDER BY user_id",
        (hearing_id,),
    )
    return [tuple(r) for r in rows]


def attempts(bot_app: BotInProcess, hearing_id: int) -> list[tuple[object, ...]]:
    rows = bot_app.query(
        "SELECT user_id, outcome FROM checkin_attempts WHERE hearing_id = ? ORDER BY id",
        (hearing_id,),
    )
    return [tuple(r) for r in rows]


async def test_the_code_is_a_printable_png_whose_link_checks_people_in(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    hearing = seed_hearing(bot_app, starts_in=timedelta(hours=3), seats=1, title="Water law")
    admin = coordinator(standin, bot_app, all_locales)
    seated, waiting, stranger = (
        person(standin, all_locales, n, lang)
        for n, lang in ((7001, "uz"), (7002, "ru"), (7003, "en"))
    )
    for someone in (seated, waiting):
        seed_volunteer(bot_app, someone.id, someone.tr.language)
    seat(bot_app, hearing, seated.id)
    bot_app.write(
        "INSERT INTO signups (hearing_id, user_id, status, created_at, updated_at)"
        " VALUES (?, ?, 'waiting', '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00')",
        (hearing, waiting.id),
    )

    poster, payload = await checkin_code(admin, hearing)
    png = poster.file_bytes()
    assert png.startswith(PNG) and len(png) > 10_000
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (1240, 1753)  # A4 (8.27 x 11.69 in) at 150 dpi
    # The same code every time it is asked for, until it is replaced.
    _, again = await checkin_code(admin, hearing)
    assert again == payload

    # Two hours before the start: not open yet, nothing recorded.
    await seated.says(f"/start {payload}", "checkin-not-open")
    assert attended(bot_app, hearing) == []

    await bot_app.clock.advance(hours=2, minutes=10)  # 50 minutes before the start
    await seated.says(f"/start {payload}", "checkin-done", title="Water law")
    assert attended(bot_app, hearing) == [(seated.id, "qr", None)]
    reply = await seated.says(
        f"/start {payload}", "checkin-again", title="Water law", time=_local(bot_app)
    )
    assert reply.text
    assert attended(bot_app, hearing) == [(seated.id, "qr", None)]

    for _ in range(2):  # a second scan records no second attempt
        await waiting.says(f"/start {payload}", "checkin-waiting", title="Water law", position=1)
    stranger.user.send_text(f"/start {payload}")
    refusal = await stranger.expect("checkin-not-signed-up", title="Water law")
    assert refusal.buttons == [stranger.tr("register-button")]  # someone new can register
    assert attempts(bot_app, hearing) == [(waiting.id, "waiting"), (stranger.id, "not_signed_up")]
    assert attended(bot_app, hearing) == [(seated.id, "qr", None)]

    # Three hours after the start (no end given): closed.
    await bot_app.clock.advance(hours=3, minutes=55)
    await waiting.says(f"/start {payload}", "checkin-closed")
    assert len(attempts(bot_app, hearing)) == 2


def _local(bot_app: BotInProcess) -> str:
    from zoneinfo import ZoneInfo

    return bot_app.clock.now().astimezone(ZoneInfo("Asia/Tashkent")).strftime("%H:%M")


async def test_a_replaced_code_stops_at_once_and_a_double_tap_replaces_once(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    hearing = seed_hearing(bot_app, starts_in=timedelta(minutes=30), title="Water law")
    admin = coordinator(standin, bot_app, all_locales)
    seated = person(standin, all_locales, 7011, "en")
    seed_volunteer(bot_app, seated.id, "en")
    seat(bot_app, hearing, seated.id)
    old_poster, old = await checkin_code(admin, hearing)

    first = admin.user.press(admin.tr("checkin-button-replace"))
    second = admin.user.press(admin.tr("checkin-button-replace"))
    assert (await first.answer()).get("text") == admin.tr("checkin-replaced")
    assert (await second.answer()).get("text") == admin.tr("checkin-code-replaced")
    await bot_app.settle()
    new_posters = [m for m in admin.user.drain() if not m.edited and m.caption]
    assert len(new_posters) == 1
    new = link_of(new_posters[0])
    assert new != old
    assert (
        bot_app.query("SELECT count(*) FROM audit_log WHERE action = 'checkin.replace'")[0][0] == 1
    )

    await seated.says(f"/start {old}", "checkin-code-invalid")
    assert attended(bot_app, hearing) == []
    await seated.says(f"/start {new}", "checkin-done", title="Water law")
    # A made-up code is refused the same way, and nothing is recorded.
    await seated.says("/start cAAAAAAAAAAAAAAAA", "checkin-code-invalid")
    assert attended(bot_app, hearing) == [(seated.id, "qr", None)]
    assert old_poster.message_id


async def test_coordinators_mark_attendance_by_hand_once_per_tap_and_audited(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    hearing = seed_hearing(bot_app, starts_in=timedelta(hours=2), title="Water law")
    admin = coordinator(standin, bot_app, all_locales)
    names = {7021 + n: f"Observer {n}" for n in range(10)}
    for user_id, name in names.items():
        seed_volunteer(bot_app, user_id, "en", name)
        seat(bot_app, hearing, user_id)
    await open_card(admin, hearing)
    admin.user.press(admin.tr("hearing-button-people"))
    listing = await admin.message()
    assert listing.buttons == [admin.tr("attendance-button-mark")]

    # Too early: nothing can be marked yet.
    admin.user.press(admin.tr("attendance-button-mark"))
    screen = await admin.message()
    assert (
        plain(
            admin.tr(
                "attendance-title", title="Water law", attended=0, confirmed=10, page=1, pages=2
            )
        )
        == screen.text
    )
    assert screen.buttons[0] == "⬜ 1. Observer 0"
    refused = await admin.user.press("⬜ 1. Observer 0").answer()
    assert refused.get("text") == admin.tr("attendance-not-yet")
    assert attended(bot_app, hearing) == []

    await bot_app.clock.advance(hours=1, minutes=30)
    first = admin.user.press("⬜ 1. Observer 0")
    second = admin.user.press("⬜ 1. Observer 0")  # a double tap
    await first.answer()
    await second.answer()
    await bot_app.settle()
    assert attended(bot_app, hearing) == [(7021, "hand", ADMIN_ID)]
    [marked] = admin.user.drain()  # one edit for the two presses
    assert marked.edited and marked.buttons[0] == "☑️ 1. Observer 0"
    audit = bot_app.query("SELECT action, target FROM audit_log WHERE action LIKE 'attendance.%'")
    assert [tuple(r) for r in audit] == [("attendance.mark", "user:7021")]

    # The second page, and back; then a mistake taken back.
    admin.user.press(admin.tr("button-next"))
    page_two = await admin.user.next_message()
    assert page_two.edited and page_two.buttons[:2] == ["⬜ 9. Observer 8", "⬜ 10. Observer 9"]
    admin.user.press(admin.tr("button-previous"))
    await admin.user.next_message()
    admin.user.press("☑️ 1. Observer 0")
    unmarked = await admin.user.next_message()
    assert unmarked.buttons[0] == "⬜ 1. Observer 0"
    assert attended(bot_app, hearing) == []
    audit = bot_app.query(
        "SELECT action FROM audit_log WHERE action LIKE 'attendance.%' ORDER BY id"
    )
    assert [r[0] for r in audit] == ["attendance.mark", "attendance.unmark"]

    # A QR scan after the mark by hand keeps the first record.
    admin.user.press("⬜ 1. Observer 0")
    await admin.user.next_message()
    poster, payload = await checkin_code(admin, hearing)
    observer = person(standin, all_locales, 7021, "en")
    reply = await observer.says(
        f"/start {payload}", "checkin-again", title="Water law", time=_local(bot_app)
    )
    assert reply and poster
    assert attended(bot_app, hearing) == [(7021, "hand", ADMIN_ID)]
    # The list shows who came.
    await open_card(admin, hearing)
    admin.user.press(admin.tr("hearing-button-people"))
    listing = await admin.message()
    assert "Observer 0 — +998" in (listing.text or "") and "🟢" in (listing.text or "")


async def test_a_double_tapped_code_button_makes_one_code(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    # The first press makes the hearing's token; the second, handled at the same time,
    # must find it made and not make another (the first poster would then be void).
    hearing = seed_hearing(bot_app, starts_in=timedelta(hours=5), title="Water law")
    admin = coordinator(standin, bot_app, all_locales)
    await open_card(admin, hearing)
    first = admin.user.press(admin.tr("hearing-button-checkin"))
    second = admin.user.press(admin.tr("hearing-button-checkin"))
    await first.answer()
    await second.answer()
    await bot_app.settle()
    posters = [m for m in admin.user.drain() if m.caption]
    assert len({link_of(poster) for poster in posters}) == 1
    [token] = bot_app.query("SELECT checkin_token FROM hearings WHERE id = ?", (hearing,))
    assert link_of(posters[0]) == f"c{token[0]}"
    assert not standin.violations


@pytest.mark.parametrize(
    "data",
    ["h:{h}:qr", "h:{h}:attendance", "ci:{h}:abcdef", "am:{h}:7031:1:0", "ap:{h}:0"],
)
async def test_volunteers_are_refused_every_attendance_button(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales, data: str
) -> None:
    hearing = seed_hearing(bot_app, starts_in=timedelta(minutes=20), title="Water law")
    volunteer = person(standin, all_locales, 7031, "en")
    seed_volunteer(bot_app, volunteer.id, "en")
    seat(bot_app, hearing, volunteer.id)
    await open_card(volunteer, hearing)
    card = volunteer.user.last_message
    assert card is not None and volunteer.tr("hearing-button-checkin") not in card.buttons
    answer = await volunteer.user.press_data(data.format(h=hearing)).answer()
    assert answer.get("text") == volunteer.tr("coordinators-only")
    await bot_app.settle()
    assert attended(bot_app, hearing) == []
    assert bot_app.query("SELECT checkin_token FROM hearings")[0][0] is None
