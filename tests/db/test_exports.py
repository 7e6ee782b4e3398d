"""Exports on a real SQLite file: every file is read back and compared with the database."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import tempfile
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from bot.db import Database
from bot.i18n import Locales, Translator
from bot.repositories.exports import Period
from bot.services import errors, exports
from bot.services.report_form import load_form

TZ = ZoneInfo("Asia/Tashkent")
NOW = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)
ADMIN = 9000
COORDINATOR = 9001
FORM = load_form()


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def local(moment: datetime) -> datetime:
    return moment.astimezone(TZ).replace(tzinfo=None, second=0)


class Seed:
    """Rows written the way the bot writes them (an operator's script)."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path)

    def run(self, sql: str, *params: object) -> int:
        with self.conn:
            return int(self.conn.execute(sql, params).lastrowid or 0)

    def volunteer(self, user_id: int, name: str, *, language: str = "uz", region: str = "TK",
                  registered: datetime = NOW - timedelta(days=3),
                  interests: tuple[str, ...] = ()) -> None:  # fmt: skip
        self.run(
            "INSERT INTO users (id, language, full_name, name_key, phone, region,"
            " consent_version, consent_at, registered_at, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, 'v1', ?, ?, ?, ?)",
            user_id, language, name, name.lower(), f"+99890{user_id:07d}", region,
            stamp(registered), stamp(registered), stamp(registered), stamp(registered),
        )  # fmt: skip
        for interest in interests:
            self.run("INSERT INTO user_interests VALUES (?, ?)", user_id, interest)

    def forget(self, user_id: int) -> None:
        self.run(
            "UPDATE users SET full_name = NULL, name_key = NULL, phone = NULL, region = NULL,"
            " consent_version = NULL, consent_at = NULL, registered_at = NULL,"
            " forgotten_at = ? WHERE id = ?",
            stamp(NOW), user_id,
        )  # fmt: skip
        self.run("DELETE FROM user_interests WHERE user_id = ?", user_id)

    def hearing(self, title: str, starts: datetime, seats: int = 2) -> int:
        return self.run(
            "INSERT INTO hearings (title, chamber, committee, starts_at, address, seats,"
            " created_at, updated_at) VALUES (?, 'senate', 'Budjet qoʻmitasi', ?, 'Toshkent',"
            " ?, ?, ?)",
            title, stamp(starts), seats, stamp(NOW), stamp(NOW),
        )  # fmt: skip

    def signup(self, hearing: int, user: int, status: str, **extra: object) -> int:
        columns = ["hearing_id", "user_id", "status", "created_at", "updated_at", *extra]
        values = [hearing, user, status, stamp(NOW), stamp(NOW), *extra.values()]
        marks = ", ".join("?" for _ in columns)
        return self.run(f"INSERT INTO signups ({', '.join(columns)}) VALUES ({marks})", *values)

    def report(self, hearing: int, user: int, answers: dict[str, object], *,
               status: str = "submitted", version: int = FORM.version,
               notes: str = "", submitted: datetime = NOW) -> int:  # fmt: skip
        return self.run(
            "INSERT INTO reports (hearing_id, user_id, status, form_version, step, answers,"
            " notes, fingerprint, submitted_at, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, 'review', ?, ?, ?, ?, ?, ?)",
            hearing, user, status, version, json.dumps(answers, ensure_ascii=False), notes,
            "ab" * 32, None if status == "draft" else stamp(submitted), stamp(NOW), stamp(NOW),
        )  # fmt: skip


@pytest.fixture
def seed(db: Database) -> Seed:
    return Seed(db.path)


async def run(
    db: Database,
    tmp_path: Path,
    dataset: str,
    fmt: str = "xlsx",
    period: Period | None = None,
    *,
    tr: Translator,
    actor: int = ADMIN,
) -> exports.Result:
    folder = Path(tempfile.mkdtemp(prefix=f"out-{dataset}-{fmt}-", dir=tmp_path))
    request = exports.Request(dataset, fmt, period or Period(), actor)
    return await exports.export(
        db, request, tr=tr, form=FORM, tz=TZ, admin_ids=frozenset({ADMIN}), folder=folder,
        now=NOW,
    )  # fmt: skip


def xlsx_rows(path: Path, sheet: int = 0) -> list[list[object]]:
    book = openpyxl.load_workbook(path)
    ws = book.worksheets[sheet]
    assert ws.freeze_panes == "A2"
    assert all(ws.column_dimensions[c].width >= 10 for c in ("A", "B"))
    assert all(cell.font.bold for cell in ws[1])
    return [list(row) for row in ws.iter_rows(values_only=True)]


def csv_rows(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the byte-order mark"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def col(tr: Translator, key: str) -> str:
    return tr(f"export-col-{key}")


# ---------------------------------------------------------------------- volunteers


async def test_volunteers_xlsx_and_csv_match_the_database(
    db: Database, seed: Seed, tmp_path: Path, locales: Locales
) -> None:
    tr = locales.get("uz")
    registered = datetime(2026, 11, 30, 19, 30, tzinfo=UTC)  # 1 December 00:30 in Tashkent
    seed.volunteer(101, "Oʻgʻiloy Gʻulomova", region="SA", registered=registered,
                   interests=("hearings", "ngo"))  # fmt: skip
    seed.volunteer(102, "Дилноза Каримова", language="ru", region="TK")
    seed.volunteer(103, "Maʼmura Toʻxtayeva")
    seed.volunteer(104, "To Be Forgotten")
    seed.forget(104)
    seed.run("UPDATE users SET unreachable_at = ? WHERE id = 103", stamp(NOW))
    seed.run(
        "INSERT INTO users (id, language, created_at, updated_at) VALUES (105, 'en', ?, ?)",
        stamp(NOW),
        stamp(NOW),
    )  # fmt: skip  (started /start, never registered)

    result = await run(db, tmp_path, "volunteers", tr=tr)
    assert result.rows == 3 and len(result.files) == 1 and not result.zipped
    rows = xlsx_rows(result.files[0])
    assert rows[0] == [
        col(tr, k) for k in ("user-id", "name", "phone", "region", "language", "interests",
                             "registered-at", "consent-version", "reachable",
                             "unreachable-since")
    ]  # fmt: skip
    assert [r[0] for r in rows[1:]] == [101, 102, 103]  # the forgotten and the unregistered: out
    first = rows[1]
    assert first[1] == "Oʻgʻiloy Gʻulomova"
    assert first[2] == "+998900000101"
    assert first[3] == tr("region-SA")
    assert first[4] == tr("language-name-uz")
    assert first[5] == f"{tr('interest-hearings')}, {tr('interest-ngo')}"
    assert first[6] == datetime(2026, 12, 1, 0, 30)  # a real date, in Tashkent time
    assert first[8] == tr("report-yes")
    assert rows[2][1] == "Дилноза Каримова" and rows[2][4] == tr("language-name-ru")
    assert rows[3][8] == tr("report-no") and rows[3][9] == local(NOW)

    result = await run(db, tmp_path, "volunteers", "csv", tr=locales.get("ru"))
    table = csv_rows(result.files[0])
    assert table[0][:2] == [col(locales.get("ru"), "user-id"), col(locales.get("ru"), "name")]
    assert [r[:3] for r in table[1:]] == [
        ["101", "Oʻgʻiloy Gʻulomova", "+998900000101"],
        ["102", "Дилноза Каримова", "+998900000102"],
        ["103", "Maʼmura Toʻxtayeva", "+998900000103"],
    ]
    assert table[1][6] == "2026-12-01 00:30"


async def test_the_last_30_days_filter_and_pages(
    db: Database, seed: Seed, tmp_path: Path, locales: Locales, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exports, "PAGE_SIZE", 3)  # many pages from a few rows
    for user_id in range(200, 210):
        seed.volunteer(user_id, f"Volunteer {user_id}", registered=NOW - timedelta(days=2))
    seed.volunteer(300, "Long Ago", registered=NOW - timedelta(days=90))
    tr = locales.get("en")
    everyone = await run(db, tmp_path, "volunteers", "csv", tr=tr)
    assert [int(r[0]) for r in csv_rows(everyone.files[0])[1:]] == [*range(200, 210), 300]
    recent = await run(db, tmp_path, "volunteers", "xlsx", exports.last_days(NOW), tr=tr)
    assert recent.rows == 10
    assert [r[0] for r in xlsx_rows(recent.files[0])[1:]] == list(range(200, 210))


# ---------------------------------------------------------------------- sign-ups


async def test_signups_with_waiting_places_answers_and_attendance(
    db: Database, seed: Seed, tmp_path: Path, locales: Locales
) -> None:
    tr = locales.get("en")
    for user_id, name in ((1, "Aziz"), (2, "Bobur"), (3, "Gʻayrat"), (4, "Лола"), (5, "Gone")):
        seed.volunteer(user_id, name)
    starts = NOW - timedelta(hours=3)
    hearing = seed.hearing("Oʻzbekiston budjeti 2027", starts)
    other = seed.hearing("Other hearing", NOW + timedelta(days=60))
    seed.signup(hearing, 1, "confirmed", attendance="coming", attended_at=stamp(starts),
                attended_via="qr")  # fmt: skip
    seed.signup(hearing, 2, "confirmed", attendance="not_coming", attended_at=stamp(starts),
                attended_via="hand", attended_by=ADMIN)  # fmt: skip
    seed.signup(hearing, 3, "waiting")
    seed.signup(hearing, 4, "waiting")
    seed.signup(hearing, 5, "confirmed")
    seed.forget(5)
    seed.signup(other, 1, "confirmed")
    # Scans at the door by people without a seat: someone waiting, a stranger, and one by
    # the person who later used /forget (left out, as their sign-up is).
    for user_id, outcome in ((3, "waiting"), (777, "not_signed_up"), (5, "not_signed_up")):
        seed.run(
            "INSERT INTO checkin_attempts (hearing_id, user_id, outcome, at) VALUES (?, ?, ?, ?)",
            hearing, user_id, outcome, stamp(starts),
        )  # fmt: skip

    result = await run(db, tmp_path, "signups", period=Period(hearing_id=hearing), tr=tr)
    rows = xlsx_rows(result.files[0])
    header = rows[0]
    assert header[:4] == [col(tr, k) for k in ("signup-id", "hearing-id", "hearing",
                                                "hearing-starts")]  # fmt: skip
    by_user = {r[header.index(col(tr, "user-id"))]: dict(zip(header, r, strict=True))
               for r in rows[1:]}  # fmt: skip
    assert set(by_user) == {1, 2, 3, 4}  # the forgotten person is not listed
    assert result.rows == 4
    first = by_user[1]
    assert first[col(tr, "hearing")] == "Oʻzbekiston budjeti 2027"
    assert first[col(tr, "hearing-starts")] == local(starts)
    assert first[col(tr, "status")] == tr("export-signup-confirmed")
    assert first[col(tr, "answer")] == tr("export-answer-coming")
    assert first[col(tr, "attended")] == tr("report-yes")
    assert first[col(tr, "attended-via")] == tr("export-via-qr")
    assert first[col(tr, "attended-at")] == local(starts)
    assert by_user[2][col(tr, "attended-via")] == tr("export-via-hand")
    assert by_user[2][col(tr, "marked-by")] == ADMIN
    assert by_user[3][col(tr, "waiting-place")] == 1
    assert by_user[4][col(tr, "waiting-place")] == 2
    assert by_user[4][col(tr, "name")] == "Лола"
    assert by_user[1][col(tr, "waiting-place")] is None
    assert by_user[3][col(tr, "attended")] == tr("report-no")
    walk_ins = xlsx_rows(result.files[0], sheet=1)
    assert walk_ins[0] == [col(tr, k) for k in ("scan-id", "hearing-id", "hearing", "user-id",
                                                "name", "scan", "at")]  # fmt: skip
    assert [row[3:] for row in walk_ins[1:]] == [
        [3, "Gʻayrat", tr("export-scan-waiting"), local(starts)],
        [777, None, tr("export-scan-not_signed_up"), local(starts)],
    ]

    everything = await run(db, tmp_path, "signups", "csv", tr=tr)
    assert everything.rows == 5
    [_, walk_ins_csv] = everything.files
    assert walk_ins_csv.name.startswith("signups-walk-ins-")
    assert [row[4] for row in csv_rows(walk_ins_csv)[1:]] == ["Gʻayrat", ""]


# ---------------------------------------------------------------------- reports


ANSWERS = {
    "started_on_time": "yes", "open_to_public": "no", "press_present": "yes",
    "civil_society_spoke": "no", "members_attended": 17, "documents_beforehand": "partly",
    "openness": "4", "main_issue": "Gʻalla narxi; цены на зерно",
}  # fmt: skip


async def test_reports_one_column_per_question_events_and_anonymous_rows(
    db: Database, seed: Seed, tmp_path: Path, locales: Locales
) -> None:
    tr = locales.get("uz")
    seed.volunteer(1, "Oʻktam Gʻofurov")
    seed.volunteer(2, "Ольга Ким")
    seed.volunteer(3, "Draft Writer")
    seed.volunteer(ADMIN, "Admin Adminov")
    hearing = seed.hearing("Eshituv", NOW - timedelta(days=1))
    kept = seed.report(hearing, 1, ANSWERS, status="accepted", notes="Hammasi yaxshi oʻtdi")
    anonymous = seed.report(hearing, 2, {**ANSWERS, "members_attended": 3}, status="submitted")
    seed.report(hearing, 3, {"started_on_time": "yes"}, status="draft")
    for message_id, file_id in ((1, "AgAD-photo-1"), (2, "BQAD-doc-2")):
        seed.run(
            "INSERT INTO report_attachments (report_id, kind, file_id, message_id, created_at)"
            " VALUES (?, 'photo', ?, ?, ?)",
            kept, file_id, message_id, stamp(NOW),
        )  # fmt: skip
    reviewed = NOW + timedelta(hours=1)
    for report, event, actor, at in (
        (kept, "submitted", 1, NOW), (kept, "accepted", ADMIN, reviewed),
        (anonymous, "submitted", 2, NOW),
    ):  # fmt: skip
        seed.run(
            "INSERT INTO report_events (report_id, event, actor_id, at) VALUES (?, ?, ?, ?)",
            report, event, actor, stamp(at),
        )  # fmt: skip
    seed.forget(2)

    result = await run(db, tmp_path, "reports", tr=tr)
    assert result.rows == 2  # the draft stays private
    rows = xlsx_rows(result.files[0])
    header = rows[0]
    questions = [tr(f"report-short-{q.id}") for q in FORM.questions]
    assert header[8 : 8 + len(questions)] == questions
    first = dict(zip(header, rows[1], strict=True))
    assert first[col(tr, "report-id")] == kept
    assert first[col(tr, "observer")] == "Oʻktam Gʻofurov"
    assert first[col(tr, "status")] == tr("export-report-accepted")
    assert first[tr("report-short-started_on_time")] == tr("report-yes")
    assert first[tr("report-short-open_to_public")] == tr("report-no")
    assert first[tr("report-short-members_attended")] == 17
    assert first[tr("report-short-documents_beforehand")] == tr(
        "report-q-documents_beforehand-partly"
    )
    assert first[tr("report-short-openness")] == 4
    assert first[tr("report-short-main_issue")] == "Gʻalla narxi; цены на зерно"
    assert first[col(tr, "notes")] == "Hammasi yaxshi oʻtdi"
    assert first[col(tr, "attachments")] == 2
    assert first[col(tr, "file-ids")] == "AgAD-photo-1 BQAD-doc-2"
    assert first[col(tr, "reviewer-id")] == ADMIN
    assert first[col(tr, "reviewer")] == "Admin Adminov"
    assert first[col(tr, "reviewed-at")] == local(reviewed)
    assert first[col(tr, "submitted-at")] == local(NOW)
    assert first[col(tr, "fingerprint")] == "ab" * 32
    second = dict(zip(header, rows[2], strict=True))
    assert second[col(tr, "user-id")] is None
    assert second[col(tr, "observer")] == tr("export-anonymous")
    assert second[tr("report-short-members_attended")] == 3
    assert "Ольга" not in str(rows)

    events = xlsx_rows(result.files[0], sheet=1)
    assert openpyxl.load_workbook(result.files[0]).sheetnames == [
        tr("export-sheet-reports"), tr("export-sheet-events"),
    ]  # fmt: skip
    assert events[0] == [col(tr, k) for k in ("event-id", "report-id", "event", "actor-id",
                                              "actor", "comment", "at")]  # fmt: skip
    assert [(r[1], r[2], r[3], r[4]) for r in events[1:]] == [
        (kept, tr("export-event-submitted"), 1, "Oʻktam Gʻofurov"),
        (kept, tr("export-event-accepted"), ADMIN, "Admin Adminov"),
        (anonymous, tr("export-event-submitted"), None, tr("export-anonymous")),
    ]

    csv_result = await run(db, tmp_path, "reports", "csv", tr=tr)
    assert [p.name.split("-2026")[0] for p in csv_result.files] == ["reports", "reports-events"]
    table = csv_rows(csv_result.files[0])
    assert table[0] == header
    assert table[1][header.index(tr("report-short-members_attended"))] == "17"
    assert table[2][header.index(col(tr, "observer"))] == tr("export-anonymous")
    assert len(csv_rows(csv_result.files[1])) == 4


async def test_a_new_form_version_starts_new_columns(
    db: Database, seed: Seed, tmp_path: Path, locales: Locales
) -> None:
    tr = locales.get("en")
    seed.volunteer(1, "Old Form")
    seed.volunteer(2, "New Form")
    hearing = seed.hearing("Eshituv", NOW - timedelta(days=1))
    seed.report(hearing, 1, {"started_on_time": "no", "old_question": 5},
                version=FORM.version - 1)  # fmt: skip
    seed.report(hearing, 2, ANSWERS)
    result = await run(db, tmp_path, "reports", tr=tr)
    rows = xlsx_rows(result.files[0])
    header = rows[0]
    old, new = FORM.version - 1, FORM.version
    started_old = f"{tr('report-short-started_on_time')} (v{old})"
    started_new = f"{tr('report-short-started_on_time')} (v{new})"
    assert started_old in header and started_new in header and f"old_question (v{old})" in header
    first, second = (dict(zip(header, row, strict=True)) for row in rows[1:])
    assert first[started_old] == "no" and first[started_new] is None
    assert first[f"old_question (v{old})"] == 5
    assert second[started_old] is None and second[started_new] == tr("report-yes")


# ---------------------------------------------------------------------- broadcasts, audit


async def test_broadcasts_with_outcome_counts(
    db: Database, seed: Seed, tmp_path: Path, locales: Locales
) -> None:
    tr = locales.get("ru")
    seed.volunteer(ADMIN, "Админ")
    for user_id in range(1, 7):
        seed.volunteer(user_id, f"V{user_id}")
    audience = {"regions": ["TK", "SA"], "languages": [], "interests": [], "hearing_id": None,
                "hearing_part": "both", "coordinators_only": False}  # fmt: skip
    broadcast = seed.run(
        "INSERT INTO broadcasts (author_id, from_chat_id, message_id, audience, status, total,"
        " created_at, queued_at, started_at, finished_at) VALUES (?, ?, 1, ?, 'done', 6, ?, ?,"
        " ?, ?)",
        ADMIN, ADMIN, json.dumps(audience), stamp(NOW), stamp(NOW), stamp(NOW), stamp(NOW),
    )  # fmt: skip
    for user_id, status in zip(range(1, 7), ["sent", "sent", "sent", "unreachable", "failed",
                                             "uncertain"], strict=True):  # fmt: skip
        seed.run(
            "INSERT INTO deliveries (broadcast_id, user_id, status) VALUES (?, ?, ?)",
            broadcast, user_id, status,
        )  # fmt: skip
    result = await run(db, tmp_path, "broadcasts", tr=tr)
    rows = xlsx_rows(result.files[0])
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row[col(tr, "broadcast-id")] == broadcast
    assert row[col(tr, "author")] == "Админ"
    assert row[col(tr, "status")] == tr("export-broadcast-done")
    assert row[col(tr, "recipients")] == 6
    assert [row[col(tr, f"outcome-{o}")] for o in exports.OUTCOMES] == [3, 1, 1, 1, 0]
    assert row[col(tr, "audience")] == (
        f"{tr('export-audience-regions')}: {tr('region-TK')}, {tr('region-SA')}"
    )
    assert row[col(tr, "created-at")] == local(NOW)


async def test_the_audit_log_is_for_admins_and_every_export_is_in_it(
    db: Database, seed: Seed, tmp_path: Path, locales: Locales
) -> None:
    tr = locales.get("en")
    with pytest.raises(errors.NotAdminError):
        await run(db, tmp_path, "audit", tr=tr, actor=COORDINATOR)
    await run(db, tmp_path, "volunteers", "csv", exports.last_days(NOW), tr=tr, actor=COORDINATOR)
    await run(db, tmp_path, "signups", "xlsx", Period(hearing_id=7), tr=tr, actor=COORDINATOR)
    result = await run(db, tmp_path, "audit", "csv", tr=tr)
    table = csv_rows(result.files[0])
    assert table[0] == [col(tr, k) for k in ("entry-id", "at", "actor-id", "actor", "action",
                                             "target", "details")]  # fmt: skip
    assert [(r[2], r[4], r[5]) for r in table[1:]] == [
        (str(COORDINATOR), "data.export", "dataset:volunteers"),
        (str(COORDINATOR), "data.export", "dataset:signups"),
    ]
    first = json.loads(table[1][6])
    assert first["format"] == "csv" and first["rows"] == 0 and first["hearing"] is None
    assert first["since"].startswith("2026-11-05") and first["until"] is None
    assert json.loads(table[2][6])["hearing"] == 7
    rows = (
        sqlite3.connect(db.path)
        .execute("SELECT actor_id, target, details FROM audit_log ORDER BY id")
        .fetchall()
    )
    assert rows[-1][:2] == (ADMIN, "dataset:audit")  # the audit export audits itself too
    assert json.loads(rows[-1][2])["rows"] == 2


# ---------------------------------------------------------------------- files


async def test_text_that_looks_like_a_formula_stays_text(
    db: Database, seed: Seed, tmp_path: Path, locales: Locales
) -> None:
    tr = locales.get("en")
    seed.volunteer(1, '=HYPERLINK("http://x")')
    seed.volunteer(2, "-Minus Name")
    book = await run(db, tmp_path, "volunteers", tr=tr)
    ws = openpyxl.load_workbook(book.files[0]).worksheets[0]
    assert ws["B2"].value == '=HYPERLINK("http://x")' and ws["B2"].data_type == "s"
    table = csv_rows((await run(db, tmp_path, "volunteers", "csv", tr=tr)).files[0])
    assert table[1][1] == '\'=HYPERLINK("http://x")'
    assert table[2][1] == "'-Minus Name"
    assert table[1][2] == "+998900000001"  # phone numbers are left alone


async def test_a_file_over_the_upload_limit_is_zipped_or_cut(
    db: Database, seed: Seed, tmp_path: Path, locales: Locales, monkeypatch: pytest.MonkeyPatch
) -> None:
    tr = locales.get("en")
    for user_id in range(1, 400):
        seed.volunteer(user_id, f"Volunteer number {user_id}")
    monkeypatch.setattr(exports, "UPLOAD_LIMIT", 20_000)
    result = await run(db, tmp_path, "volunteers", "csv", tr=tr)
    assert result.zipped and result.parts == 0 and len(result.files) == 1
    with zipfile.ZipFile(result.files[0]) as archive:
        (name,) = archive.namelist()
        text = archive.read(name).decode("utf-8-sig")
    assert len(list(csv.reader(io.StringIO(text)))) == 400

    monkeypatch.setattr(exports, "UPLOAD_LIMIT", 1_000)
    monkeypatch.setattr(exports, "PART_SIZE", 1_000)
    result = await run(db, tmp_path, "volunteers", "csv", tr=tr)
    assert result.parts == len(result.files) > 1
    assert [p.name[-4:] for p in result.files] == [f".{i:03d}" for i in range(1, result.parts + 1)]
    joined = b"".join(p.read_bytes() for p in result.files)
    with zipfile.ZipFile(io.BytesIO(joined)) as archive:
        text = archive.read(archive.namelist()[0]).decode("utf-8-sig")
    assert len(list(csv.reader(io.StringIO(text)))) == 400


def test_an_unknown_dataset_or_format_is_a_stale_button() -> None:
    with pytest.raises(errors.StaleButtonError):
        exports.check_allowed("passwords", "xlsx", ADMIN, frozenset({ADMIN}))
    with pytest.raises(errors.StaleButtonError):
        exports.check_allowed("volunteers", "pdf", ADMIN, frozenset({ADMIN}))


def test_the_same_export_from_the_shell(tmp_path: Path) -> None:
    from tests.conftest import run_main

    database = tmp_path / "bot.sqlite3"
    assert run_main(["migrate"], tmp_path, DATABASE_PATH=str(database)).returncode == 0
    seed = Seed(database)
    seed.volunteer(1, "Oʻgʻiloy Gʻulomova", registered=datetime(2026, 3, 1, 12, tzinfo=UTC))
    seed.volunteer(2, "Дилноза Каримова", registered=datetime(2026, 4, 1, 12, tzinfo=UTC))
    out = tmp_path / "volunteers.xlsx"
    args = ["export", "volunteers", "--format", "xlsx", "--out", str(out),
            "--from", "2026-03-01", "--to", "2026-03-31", "--language", "ru"]  # fmt: skip
    result = run_main(args, tmp_path, DATABASE_PATH=str(database))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"exported 1 row(s) of volunteers: {out}"
    rows = xlsx_rows(out)
    assert rows[0][1] == Locales("uz").get("ru")("export-col-name")
    assert [r[1] for r in rows[1:]] == ["Oʻgʻiloy Gʻulomova"]
    out = tmp_path / "reports.csv"
    result = run_main(["export", "reports", "--format", "csv", "--out", str(out)], tmp_path,
                      DATABASE_PATH=str(database))  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert csv_rows(out)[1:] == [] and csv_rows(tmp_path / "reports-events.csv")[1:] == []
    details = seed.conn.execute("SELECT actor_id, details FROM audit_log").fetchall()
    assert [(a, json.loads(d)["shell"]) for a, d in details] == [(0, True), (0, True)]
    with pytest.raises(SystemExit) as refused:
        run_main(["export", "passwords", "--out", str(out)], tmp_path)
    assert refused.value.code == 2


async def test_an_export_in_uzbek_cyrillic(
    db: Database, seed: Seed, tmp_path: Path, locales: Locales
) -> None:
    """Headers, labels and language names in Cyrillic; each script named in itself."""
    tr = locales.get("uz-Cyrl")
    seed.volunteer(201, "Ғайрат Раҳимов", language="uz-Cyrl", region="XO")
    seed.volunteer(202, "Gʻayrat Rahimov", language="uz", region="XO")
    result = await run(db, tmp_path, "volunteers", "csv", tr=tr)
    table = csv_rows(result.files[0])
    assert table[0][:5] == ["Телеграм id", "Исм", "Телефон", "Ҳудуд", "Тил"]
    assert [r[3:5] for r in table[1:]] == [
        ["Хоразм вилояти", "Ўзбекча"],
        ["Хоразм вилояти", "Oʻzbekcha"],
    ]

    audience = {"regions": [], "languages": ["uz-Cyrl"], "interests": [], "hearing_id": None,
                "hearing_part": "both", "coordinators_only": False}  # fmt: skip
    seed.run(
        "INSERT INTO broadcasts (author_id, from_chat_id, message_id, audience, status, total,"
        " created_at) VALUES (201, 201, 1, ?, 'done', 1, ?)",
        json.dumps(audience), stamp(NOW),
    )  # fmt: skip
    rows = xlsx_rows((await run(db, tmp_path, "broadcasts", tr=tr)).files[0])
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row[col(tr, "audience")] == "тиллар: Ўзбекча"
    assert row[col(tr, "status")] == "тугади"
