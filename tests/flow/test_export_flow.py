"""/export as coordinators use it: every button pressed, every file read back and compared
with the database; double presses, forged buttons and volunteers."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from bot.i18n import Locales, Translator
from bot.repositories.columns import utc_text
from bot.ui.callbacks import ExportCb
from standin import BotAPIStandin, BotMessage
from tests.conftest import ADMIN_ID, BotInProcess, plain
from tests.flow.conftest import Person, person, seat, seed_hearing, seed_volunteer

TZ = ZoneInfo("Asia/Tashkent")
COORDINATOR_ID = 9100
DATASETS = ("volunteers", "signups", "reports", "broadcasts", "audit")


@pytest.fixture
def admin(bot_app: BotInProcess, standin: BotAPIStandin, all_locales: Locales) -> Person:
    seed_volunteer(bot_app, ADMIN_ID, "uz", name="Admin Aliyev")
    return person(standin, all_locales, ADMIN_ID, "uz")


@pytest.fixture
def coordinator(bot_app: BotInProcess, standin: BotAPIStandin, all_locales: Locales) -> Person:
    seed_volunteer(bot_app, COORDINATOR_ID, "ru", name="Координатор Ким")
    bot_app.write(
        "INSERT INTO coordinators (user_id, added_by, added_at) VALUES (?, ?, ?)",
        (COORDINATOR_ID, ADMIN_ID, utc_text(bot_app.clock.now())),
    )
    return person(standin, all_locales, COORDINATOR_ID, "ru")


async def screen(someone: Person, key: str, **args: str | int) -> BotMessage:
    """The pressed message, edited into the next screen."""
    event = await someone.user.next_message()
    assert event.edited, event.text
    assert event.text == plain(someone.tr(key, **args)), event.text
    return event


def title(tr: Translator, dataset: str, rows: str = "", hearing: str = "") -> str:
    name = tr(f"export-dataset-{dataset}").split(" ", 1)[-1]
    if hearing:
        return f"{name} · {hearing}"
    return f"{name} · {tr(f'export-filter-{rows}')}" if rows else name


def data_of(message: BotMessage, text: str) -> str:
    return next(
        str(b["callback_data"]) for row in message.inline_keyboard for b in row if b["text"] == text
    )


async def export_file(
    someone: Person, dataset: str, rows: str, fmt: str, *, hearing: str = ""
) -> list[BotMessage]:
    """/export, the dataset, the rows, the format: the files that come back."""
    tr = someone.tr
    someone.user.drain()
    await someone.says("/export", "export-choose-dataset")
    await someone.presses(tr(f"export-dataset-{dataset}"))
    await screen(someone, "export-choose-filter", title=title(tr, dataset))
    await someone.presses(tr(f"export-filter-{rows}"))
    if rows == "hearing":
        await screen(someone, "export-choose-hearing", title=title(tr, dataset))
        choice = next(b for b in someone.user.history[-1].buttons if b.endswith(hearing))
        await someone.presses(choice)
    await screen(someone, "export-choose-format", title=title(tr, dataset, rows, hearing))
    await someone.presses(tr(f"export-format-{fmt}"))
    await screen(someone, "export-working", title=title(tr, dataset, rows, hearing))
    files = [await someone.message()]
    if dataset == "reports" and fmt == "csv":
        files.append(await someone.message())
    return files


def workbook(message: BotMessage) -> openpyxl.Workbook:
    assert message.document is not None and message.document["file_name"].endswith(".xlsx")
    return openpyxl.load_workbook(io.BytesIO(message.file_bytes()))


def table(message: BotMessage) -> list[list[str]]:
    data = message.file_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


async def test_datasets_offered_and_volunteers_as_xlsx(
    bot_app: BotInProcess, admin: Person, coordinator: Person, standin: BotAPIStandin
) -> None:
    seed_volunteer(bot_app, 101, "uz", "Oʻgʻiloy Gʻulomova", region="SA", interests=("ngo",))
    seed_volunteer(bot_app, 102, "ru", "Дилноза Каримова")
    menu = await coordinator.says("/export", "export-choose-dataset")
    assert menu.buttons == [coordinator.tr(f"export-dataset-{d}") for d in DATASETS[:4]]
    menu = await admin.says("/export", "export-choose-dataset")
    assert menu.buttons == [admin.tr(f"export-dataset-{d}") for d in DATASETS]

    (document,) = await export_file(admin, "volunteers", "all", "xlsx")
    tr = admin.tr
    assert document.caption == plain(tr("export-done", title=title(tr, "volunteers", "all"),
                                        count=4))  # fmt: skip
    sheet = workbook(document).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == (tr("export-col-user-id"), tr("export-col-name"),
                           tr("export-col-phone"))  # fmt: skip
    stored = bot_app.query(
        "SELECT id, full_name, phone, registered_at FROM users WHERE registered_at IS NOT NULL"
        " ORDER BY id"
    )
    assert [row[:3] for row in rows[1:]] == [(r[0], r[1], r[2]) for r in stored]
    registered = datetime.fromisoformat(stored[0][3]).astimezone(TZ).replace(tzinfo=None)
    assert rows[1][6] == registered
    assert rows[1][1] == "Oʻgʻiloy Gʻulomova" and rows[1][3] == tr("region-SA")
    assert rows[2][1] == "Дилноза Каримова"
    assert len(standin.calls_to("sendDocument")) == 1
    audit = bot_app.query("SELECT actor_id, action, target, details FROM audit_log")
    assert [(a[0], a[1], a[2]) for a in audit] == [(ADMIN_ID, "data.export", "dataset:volunteers")]
    assert json.loads(audit[0][3])["rows"] == 4


async def test_a_double_press_makes_one_file(
    bot_app: BotInProcess, coordinator: Person, standin: BotAPIStandin
) -> None:
    tr = coordinator.tr
    await coordinator.says("/export", "export-choose-dataset")
    await coordinator.presses(tr("export-dataset-volunteers"))
    # The same dataset pressed again: the screen it already shows, no error.
    again = coordinator.user.press_data(ExportCb(action="dataset", value="volunteers").pack())
    assert not (await again.answer()).get("show_alert")
    await screen(coordinator, "export-choose-filter", title=title(tr, "volunteers"))
    await coordinator.presses(tr("export-filter-recent"))
    formats = await screen(coordinator, "export-choose-format",
                           title=title(tr, "volunteers", "recent"))  # fmt: skip
    data = data_of(formats, tr("export-format-csv"))
    first = coordinator.user.press_data(data, formats.message_id)
    second = coordinator.user.press_data(data, formats.message_id)
    assert not (await first.answer()).get("show_alert")
    refusal = await second.answer(timeout=30)
    assert refusal.get("show_alert") is True and refusal.get("text") == tr("button-stale")
    await screen(coordinator, "export-working", title=title(tr, "volunteers", "recent"))
    document = await coordinator.message()
    assert [row[1] for row in table(document)[1:]] == ["Координатор Ким"]
    await bot_app.expect_silence(coordinator)
    assert len(standin.calls_to("sendDocument")) == 1
    assert len(bot_app.query("SELECT * FROM audit_log WHERE action = 'data.export'")) == 1


async def test_signups_and_reports_of_one_hearing_with_an_anonymous_report(
    bot_app: BotInProcess, admin: Person, standin: BotAPIStandin, all_locales: Locales
) -> None:
    now = bot_app.clock.now()
    hearing = seed_hearing(bot_app, starts_in=timedelta(hours=-3), title="Oʻzbekiston budjeti")
    seed_hearing(bot_app, starts_in=timedelta(days=2), title="Another hearing")
    seed_volunteer(bot_app, 201, "ru", "Ольга Ким")
    seed_volunteer(bot_app, 202, "uz", "Gʻayrat Oʻroqov")
    seat(bot_app, hearing, 201)
    seat(bot_app, hearing, 202)
    bot_app.write(
        "UPDATE signups SET attended_at = ?, attended_via = 'qr' WHERE user_id = 202",
        (utc_text(now - timedelta(hours=3)),),
    )
    for user_id, members in ((201, 12), (202, 30)):
        answers = {"started_on_time": "yes", "members_attended": members, "openness": "5"}
        bot_app.write(
            "INSERT INTO reports (hearing_id, user_id, status, form_version, step, answers,"
            " notes, submitted_at, created_at, updated_at) VALUES (?, ?, 'submitted', 1,"
            " 'review', ?, 'Izoh: oʻtdi', ?, ?, ?)",
            (hearing, user_id, json.dumps(answers), utc_text(now), utc_text(now), utc_text(now)),
        )
    # Ольга leaves with /forget: her report stays, without her.
    leaver = person(standin, all_locales, 201, "ru")
    await leaver.says("/forget", "forget-confirm")
    await leaver.presses(leaver.tr("forget-yes"))
    await bot_app.settle()
    leaver.user.drain()

    tr = admin.tr
    signups = await export_file(admin, "signups", "hearing", "xlsx", hearing="Oʻzbekiston budjeti")
    rows = list(workbook(signups[0]).worksheets[0].iter_rows(values_only=True))
    header = rows[0]
    assert [dict(zip(header, r, strict=True))[tr("export-col-name")] for r in rows[1:]] == [
        "Gʻayrat Oʻroqov"
    ]
    only = dict(zip(header, rows[1], strict=True))
    assert only[tr("export-col-attended-via")] == tr("export-via-qr")
    assert only[tr("export-col-hearing")] == "Oʻzbekiston budjeti"

    reports, events = await export_file(
        admin, "reports", "hearing", "csv", hearing="Oʻzbekiston budjeti"
    )
    assert reports.document is not None and events.document is not None
    sheet = table(reports)
    header_csv = sheet[0]
    observers = [r[header_csv.index(tr("export-col-observer"))] for r in sheet[1:]]
    assert observers == [tr("export-anonymous"), "Gʻayrat Oʻroqov"]
    counted = [r[header_csv.index(tr("report-short-members_attended"))] for r in sheet[1:]]
    assert counted == ["12", "30"]
    assert all(r[header_csv.index(tr("export-col-notes"))] == "Izoh: oʻtdi" for r in sheet[1:])
    assert table(events)[0][0] == tr("export-col-event-id")
    assert "Ольга" not in reports.file_bytes().decode("utf-8-sig")
    assert len(standin.calls_to("sendDocument")) == 3


async def test_broadcasts_and_the_audit_log_as_csv(
    bot_app: BotInProcess, admin: Person, coordinator: Person
) -> None:
    now = utc_text(bot_app.clock.now())
    bot_app.write(
        "INSERT INTO broadcasts (author_id, from_chat_id, message_id, audience, status, total,"
        " created_at) VALUES (?, ?, 1, '{}', 'done', 1, ?)",
        (COORDINATOR_ID, COORDINATOR_ID, now),
    )
    bot_app.write("INSERT INTO deliveries (broadcast_id, user_id, status) VALUES (1, ?, 'sent')",
                  (ADMIN_ID,))  # fmt: skip
    (document,) = await export_file(coordinator, "broadcasts", "all", "csv")
    tr = coordinator.tr
    sheet = table(document)
    row = dict(zip(sheet[0], sheet[1], strict=True))
    assert row[tr("export-col-author")] == "Координатор Ким"
    assert row[tr("export-col-outcome-sent")] == "1"
    assert row[tr("export-col-audience")] == tr("export-audience-everyone")

    (audit,) = await export_file(admin, "audit", "recent", "xlsx")
    rows = list(workbook(audit).worksheets[0].iter_rows(values_only=True))
    assert [(r[2], r[4], r[5]) for r in rows[1:]] == [
        (COORDINATOR_ID, "data.export", "dataset:broadcasts")
    ]


async def test_volunteers_and_forged_buttons_are_refused(
    bot_app: BotInProcess, coordinator: Person, standin: BotAPIStandin, all_locales: Locales
) -> None:
    seed_volunteer(bot_app, 301, "en", "Plain Volunteer")
    volunteer = person(standin, all_locales, 301, "en")
    await volunteer.says("/export", "coordinators-only")
    for data in ("ex:dataset:volunteers:0", "ex:format:xlsx:0", "ex:hearing::1"):
        await volunteer.refused(data=data)
    # A coordinator's forged buttons: unknown datasets, the admins' audit log, a format
    # before any choice, a hearing that does not exist.
    tr = coordinator.tr
    await coordinator.says("/export", "export-choose-dataset")
    assert await coordinator.refused(data="ex:dataset:passwords:0") == tr("button-stale")
    assert await coordinator.refused(data="ex:dataset:audit:0") == tr("admins-only")
    assert await coordinator.refused(data="ex:format:xlsx:0") == tr("button-stale")
    await coordinator.presses(tr("export-dataset-reports"))
    await screen(coordinator, "export-choose-filter", title=title(tr, "reports"))
    assert await coordinator.refused(data="ex:filter:everything:0") == tr("button-stale")
    assert await coordinator.refused(data="ex:hearing::99") == tr("button-stale")
    # No hearings yet: said at once, and the screen stays.
    assert await coordinator.refused(tr("export-filter-hearing")) == tr("export-no-hearings")
    assert await coordinator.refused(data="ex:hearing::99") == tr("button-stale")
    await bot_app.expect_silence(volunteer)
    assert standin.calls_to("sendDocument") == []
    assert bot_app.query("SELECT * FROM audit_log") == []


async def test_any_command_leaves_the_export(
    bot_app: BotInProcess, coordinator: Person, standin: BotAPIStandin
) -> None:
    tr = coordinator.tr
    await coordinator.says("/export", "export-choose-dataset")
    await coordinator.presses(tr("export-dataset-volunteers"))
    await screen(coordinator, "export-choose-filter", title=title(tr, "volunteers"))
    await coordinator.presses(tr("export-filter-all"))
    formats = await screen(coordinator, "export-choose-format", title=title(tr, "volunteers",
                                                                              "all"))  # fmt: skip
    await coordinator.says("/cancel", "cancel-done")
    stale = coordinator.user.press_data(data_of(formats, tr("export-format-xlsx")),
                                        formats.message_id)  # fmt: skip
    assert (await stale.answer())["text"] == tr("button-stale")
    assert standin.calls_to("sendDocument") == []
