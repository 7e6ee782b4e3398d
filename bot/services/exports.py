"""Exports of the bot's data as XLSX or CSV: volunteers, sign-ups and attendance, reports,
broadcasts, the audit log.

Rows come from the repository a page at a time, each page in its own short transaction
(other people's updates wait for SQLite's one write lock, never for a whole export); the
file is written in a worker thread, so the event loop keeps answering. Memory stays flat:
openpyxl's write-only workbook streams every row to disk as it is appended.
"""

from __future__ import annotations

import asyncio
import csv
import re
import zipfile
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import IO, Any, Protocol, TypeVar
from zoneinfo import ZoneInfo

from bot.db import Database
from bot.i18n import Translator
from bot.repositories.audit import AuditRepository
from bot.repositories.exports import (
    AuditRow,
    BroadcastRow,
    ExportRepository,
    Period,
    ReportEventRow,
    ReportRow,
    SignupRow,
    VolunteerRow,
    WalkInRow,
)
from bot.services import errors
from bot.services.report_form import ReportForm

DATASETS = ("volunteers", "signups", "reports", "broadcasts", "audit")
HEARING_DATASETS = frozenset({"signups", "reports"})  # can be limited to one hearing
ADMIN_DATASETS = frozenset({"audit"})
FORMATS = ("xlsx", "csv")
RECENT = timedelta(days=30)  # the "last 30 days" filter
PAGE_SIZE = 1000
# Telegram's upload limit for bots (https://core.telegram.org/bots/api#senddocument).
UPLOAD_LIMIT = 50 * 1000 * 1000
PART_SIZE = 45 * 1000 * 1000  # a zip still over the limit is cut into parts this big

Value = str | int | float | datetime | None
Row = tuple[Value, ...]


class _Identified(Protocol):
    @property
    def id(self) -> int: ...


T = TypeVar("T", bound=_Identified)


@dataclass(frozen=True, slots=True)
class Column:
    key: str  # its header is export-col-<key>, unless `title` names it
    kind: str = "text"  # text | int | date
    width: float = 0.0
    title: str = ""

    @property
    def display_width(self) -> float:
        if self.width:
            return self.width
        return {"int": 11.0, "date": 17.0}.get(self.kind, 18.0)


@dataclass(frozen=True, slots=True)
class Request:
    """One export: what, which rows, which file format, for whom."""

    dataset: str
    fmt: str
    period: Period = field(default_factory=Period)
    actor_id: int = 0  # 0 with `shell`: an admin at the server (python -m bot export)
    shell: bool = False


@dataclass
class Result:
    files: list[Path] = field(default_factory=list)
    rows: int = 0  # rows of the main sheet (reports: reports, not their events)
    zipped: bool = False
    parts: int = 0  # more than 0: the zip was cut into this many parts


@dataclass
class _Sheet:
    name: str
    columns: Sequence[Column]
    pages: AsyncIterator[list[Row]]
    rows: int = 0


def check_allowed(dataset: str, fmt: str, actor_id: int, admin_ids: frozenset[int]) -> None:
    """Refuse an unknown dataset or format, and the audit log to anyone but an admin."""
    if dataset not in DATASETS or fmt not in FORMATS:
        raise errors.StaleButtonError()
    if dataset in ADMIN_DATASETS and actor_id not in admin_ids:
        raise errors.NotAdminError()


def last_days(now: datetime) -> Period:
    """The last 30 days, up to this very moment and whatever was added since."""
    return Period(since=now - RECENT)


async def export(
    db: Database,
    request: Request,
    *,
    tr: Translator,
    form: ReportForm,
    tz: ZoneInfo,
    admin_ids: frozenset[int],
    folder: Path,
    now: datetime,
    for_upload: bool = True,
) -> Result:
    """Write the dataset into `folder` (zipped if too big to send) and audit the export."""
    if request.shell:
        check_allowed(request.dataset, request.fmt, 0, frozenset({0}))
    else:
        check_allowed(request.dataset, request.fmt, request.actor_id, admin_ids)
    current = Database.current()
    if current is not None:
        # The caller's transaction ends here: pages are read in short ones of their own.
        await current.commit()
    labels = _Labels(tr)
    sheets = await _sheets(db, request, labels, form, tz)
    stamp = now.astimezone(tz).strftime("%Y%m%d-%H%M")
    result = Result()
    if request.fmt == "xlsx":
        path = folder / f"{request.dataset}-{stamp}.xlsx"
        book = await asyncio.to_thread(_XlsxBook, path)
        for sheet in sheets:
            title, headers = labels(f"export-sheet-{sheet.name}"), labels.headers(sheet)
            target = await asyncio.to_thread(book.add, title, sheet.columns, headers)
            await _pour(sheet, target.write)
        await asyncio.to_thread(book.close)
        result.files.append(path)
    else:
        for index, sheet in enumerate(sheets):
            suffix = "" if index == 0 else f"-{sheet.name}"
            path = folder / f"{request.dataset}{suffix}-{stamp}.csv"
            writer = await asyncio.to_thread(_CsvFile, path, labels.headers(sheet))
            try:
                await _pour(sheet, writer.write)
            finally:
                await asyncio.to_thread(writer.close)
            result.files.append(path)
    result.rows = sheets[0].rows
    if for_upload:
        result.files = await asyncio.to_thread(_fit_for_upload, result.files, result)
    with db.detached():
        async with db.unit_of_work() as uow:
            await AuditRepository(uow).record(
                request.actor_id,
                "data.export",
                f"dataset:{request.dataset}",
                now,
                format=request.fmt,
                hearing=request.period.hearing_id,
                since=request.period.since,
                until=request.period.until,
                rows=result.rows,
                **({"shell": True} if request.shell else {}),
            )
    return result


async def _pour(sheet: _Sheet, write: Callable[[list[Row]], None]) -> None:
    async for page in sheet.pages:
        await asyncio.to_thread(write, page)
        sheet.rows += len(page)


async def _pages(
    db: Database,
    fetch: Callable[[ExportRepository, int], Awaitable[list[T]]],
    convert: Callable[[T], Row],
) -> AsyncIterator[list[Row]]:
    """Every row, a page per transaction, in id order."""
    after = 0
    while True:
        with db.detached():
            async with db.unit_of_work() as uow:
                page = await fetch(ExportRepository(uow), after)
        if not page:
            return
        yield [convert(item) for item in page]
        if len(page) < PAGE_SIZE:
            return
        after = page[-1].id


async def _sheets(
    db: Database, request: Request, labels: _Labels, form: ReportForm, tz: ZoneInfo
) -> list[_Sheet]:
    period = request.period

    def local(moment: datetime | None) -> datetime | None:
        # Spreadsheets have no time zones: the wall-clock time in TIMEZONE.
        return None if moment is None else moment.astimezone(tz).replace(tzinfo=None)

    def pages(fetch: Fetch, convert: Callable[[Any], Row]) -> AsyncIterator[list[Row]]:
        return _pages(db, lambda repo, after: fetch(repo, period, after, PAGE_SIZE), convert)

    plain = _PLAIN_SHEETS.get(request.dataset)
    if plain is not None:
        return [
            _Sheet(name, columns, pages(fetch, partial(convert, labels=labels, local=local)))
            for name, columns, fetch, convert in plain
        ]
    with db.detached():
        async with db.unit_of_work() as uow:
            seen = await ExportRepository(uow).report_questions(period)
    questions = _question_columns(form, seen, labels)
    head, tail = REPORT_COLUMNS[:8], REPORT_COLUMNS[8:]
    return [
        _Sheet("reports", [*head, *(column for column, _, _ in questions), *tail], pages(
            ExportRepository.reports_page,
            lambda r: _report(r, labels, local, form, questions))),
        _Sheet("events", EVENT_COLUMNS, pages(
            ExportRepository.report_events_page, partial(_event, labels=labels, local=local))),
    ]  # fmt: skip


# ---------------------------------------------------------------------- columns and rows

VOLUNTEER_COLUMNS = (
    Column("user-id", "int", 14), Column("name", width=28), Column("phone", width=16),
    Column("region", width=26), Column("language", width=12), Column("interests", width=40),
    Column("registered-at", "date"), Column("consent-version", width=12),
    Column("reachable", width=12), Column("unreachable-since", "date"),
)  # fmt: skip


def _volunteer(r: VolunteerRow, labels: _Labels, local: _Local) -> Row:
    return (
        r.id,
        r.full_name,
        r.phone,
        labels(f"region-{r.region}") if r.region else None,
        labels(f"language-name-{r.language}"),
        ", ".join(labels(f"interest-{code}") for code in r.interests),
        local(r.registered_at),
        r.consent_version,
        labels.yes_no(r.unreachable_at is None),
        local(r.unreachable_at),
    )


SIGNUP_COLUMNS = (
    Column("signup-id", "int"), Column("hearing-id", "int"), Column("hearing", width=36),
    Column("hearing-starts", "date"), Column("user-id", "int", 14), Column("name", width=28),
    Column("phone", width=16), Column("status", width=16), Column("waiting-place", "int"),
    Column("answer", width=16), Column("attended", width=11), Column("attended-at", "date"),
    Column("attended-via", width=14), Column("marked-by", "int", 14),
    Column("signed-up-at", "date"), Column("updated-at", "date"),
)  # fmt: skip


def _signup(r: SignupRow, labels: _Labels, local: _Local) -> Row:
    return (
        r.id,
        r.hearing_id,
        r.hearing_title,
        local(r.hearing_starts_at),
        r.user_id,
        r.full_name,
        r.phone,
        labels(f"export-signup-{r.status}"),
        r.waiting_place,
        labels(f"export-answer-{r.answer}") if r.answer else None,
        labels.yes_no(r.attended_at is not None),
        local(r.attended_at),
        labels(f"export-via-{r.attended_via}") if r.attended_via else None,
        r.attended_by,
        local(r.created_at),
        local(r.updated_at),
    )


WALK_IN_COLUMNS = (
    Column("scan-id", "int"), Column("hearing-id", "int"), Column("hearing", width=36),
    Column("user-id", "int", 14), Column("name", width=28), Column("scan", width=20),
    Column("at", "date"),
)  # fmt: skip


def _walk_in(r: WalkInRow, labels: _Labels, local: _Local) -> Row:
    return (
        r.id, r.hearing_id, r.hearing_title, r.user_id, r.full_name,
        labels(f"export-scan-{r.outcome}"), local(r.at),
    )  # fmt: skip


REPORT_COLUMNS = (
    Column("report-id", "int"), Column("hearing-id", "int"), Column("hearing", width=36),
    Column("user-id", "int", 14), Column("observer", width=28), Column("status", width=16),
    Column("form-version", "int"), Column("submitted-at", "date"),
    # the checklist's columns go here
    Column("notes", width=60), Column("attachments", "int"), Column("file-ids", width=40),
    Column("reviewer-id", "int", 14), Column("reviewer", width=28),
    Column("reviewed-at", "date"), Column("fingerprint", width=24),
)  # fmt: skip

QuestionColumn = tuple[Column, int, str]  # the column, its form version, its question id


def _question_columns(
    form: ReportForm, seen: list[tuple[int, str]], labels: _Labels
) -> list[QuestionColumn]:
    """One column per question per form version: a new version never reuses a column,
    since the same id may ask something else there."""
    ids: dict[int, list[str]] = {form.version: [q.id for q in form.questions]}
    for version, question_id in seen:
        known = ids.setdefault(version, [])
        if question_id not in known:
            known.append(question_id)
    several = len(ids) > 1
    columns: list[QuestionColumn] = []
    for version in sorted(ids):
        for question_id in ids[version]:
            name = labels.maybe(f"report-short-{question_id}") or question_id
            title = f"{name} (v{version})" if several else name
            kind = _question_kind(form, version, question_id)
            columns.append((Column(question_id, kind, 18, title=title), version, question_id))
    return columns


def _question_kind(form: ReportForm, version: int, question_id: str) -> str:
    if version != form.version:
        return "text"
    question = form.question(question_id) if question_id in form_ids(form) else None
    if question is None:
        return "text"
    if question.kind == "number" or (
        question.kind == "choice" and all(o.isdigit() for o in question.options)
    ):
        return "int"
    return "text"


def form_ids(form: ReportForm) -> set[str]:
    return {q.id for q in form.questions}


def _answer(value: Any, version: int, question_id: str, form: ReportForm, labels: _Labels) -> Value:
    if value is None:
        return None
    if isinstance(value, bool):
        return labels.yes_no(value)
    if isinstance(value, int | float):
        return value
    text = str(value)
    if version == form.version and question_id in form_ids(form):
        question = form.question(question_id)
        if question.kind == "yes_no" and text in ("yes", "no"):
            return labels.yes_no(text == "yes")
        if question.kind == "choice":
            if text.isdigit():
                return int(text)
            return labels.maybe(f"report-q-{question_id}-{text}") or text
    return text


def _report(
    r: ReportRow,
    labels: _Labels,
    local: _Local,
    form: ReportForm,
    questions: list[QuestionColumn],
) -> Row:
    answers = tuple(
        _answer(r.answers.get(qid), version, qid, form, labels) if version == r.form_version
        else None
        for _, version, qid in questions
    )  # fmt: skip
    return (
        r.id,
        r.hearing_id,
        r.hearing_title,
        r.user_id,
        labels("export-anonymous") if r.anonymous else r.full_name,
        labels(f"export-report-{r.status}"),
        r.form_version,
        local(r.submitted_at),
        *answers,
        r.notes,
        r.attachments,
        " ".join(r.file_ids),
        r.reviewer_id,
        r.reviewer_name,
        local(r.reviewed_at),
        r.fingerprint,
    )


EVENT_COLUMNS = (
    Column("event-id", "int"), Column("report-id", "int"), Column("event", width=18),
    Column("actor-id", "int", 14), Column("actor", width=28), Column("comment", width=60),
    Column("at", "date"),
)  # fmt: skip


def _event(r: ReportEventRow, labels: _Labels, local: _Local) -> Row:
    return (
        r.id,
        r.report_id,
        labels(f"export-event-{r.event}"),
        r.actor_id,
        labels("export-anonymous") if r.anonymous else r.actor_name,
        r.comment,
        local(r.at),
    )


OUTCOMES = ("sent", "unreachable", "failed", "uncertain", "pending")
BROADCAST_COLUMNS = (
    Column("broadcast-id", "int"), Column("author-id", "int", 14), Column("author", width=28),
    Column("status", width=14), Column("audience", width=40), Column("created-at", "date"),
    Column("scheduled-for", "date"), Column("started-at", "date"), Column("finished-at", "date"),
    Column("recipients", "int"),
    *(Column(f"outcome-{outcome}", "int", 13) for outcome in OUTCOMES),
    Column("error", width=30),
)  # fmt: skip


def _broadcast(r: BroadcastRow, labels: _Labels, local: _Local) -> Row:
    return (
        r.id,
        r.author_id,
        r.author_name,
        labels(f"export-broadcast-{r.status}"),
        _audience(r.audience, labels),
        local(r.created_at),
        local(r.scheduled_for),
        local(r.started_at),
        local(r.finished_at),
        r.total,
        *(r.counts.get(outcome, 0) for outcome in OUTCOMES),
        r.error,
    )


def _audience(audience: dict[str, Any], labels: _Labels) -> str:
    parts: list[str] = []
    for key, prefix in (("regions", "region"), ("languages", "language-name"),
                        ("interests", "interest")):  # fmt: skip
        codes = audience.get(key) or ()
        if codes:
            names = ", ".join(labels(f"{prefix}-{code}") for code in codes)
            parts.append(f"{labels(f'export-audience-{key}')}: {names}")
    if audience.get("hearing_id") is not None:
        parts.append(f"{labels('export-audience-hearing')}: {audience['hearing_id']}")
    if audience.get("coordinators_only"):
        parts.append(labels("export-audience-coordinators"))
    return "; ".join(parts) or labels("export-audience-everyone")


AUDIT_COLUMNS = (
    Column("entry-id", "int"), Column("at", "date"), Column("actor-id", "int", 14),
    Column("actor", width=28), Column("action", width=22), Column("target", width=18),
    Column("details", width=60),
)  # fmt: skip


def _audit(r: AuditRow, labels: _Labels, local: _Local) -> Row:
    return (r.id, local(r.at), r.actor_id, r.actor_name, r.action, r.target, r.details)


_Local = Callable[[datetime | None], datetime | None]
Fetch = Callable[[ExportRepository, Period, int, int], Awaitable[list[Any]]]
Convert = Callable[..., Row]  # (row, labels=, local=)

# The datasets that are a plain list of rows each: sheet name, columns, the page query,
# the row's cells. (Reports add a column per checklist question: built in _sheets.)
_PLAIN_SHEETS: dict[str, tuple[tuple[str, Sequence[Column], Fetch, Convert], ...]] = {
    "volunteers": (
        ("volunteers", VOLUNTEER_COLUMNS, ExportRepository.volunteers_page, _volunteer),
    ),
    "signups": (
        ("signups", SIGNUP_COLUMNS, ExportRepository.signups_page, _signup),
        ("walk-ins", WALK_IN_COLUMNS, ExportRepository.walk_ins_page, _walk_in),
    ),
    "broadcasts": (
        ("broadcasts", BROADCAST_COLUMNS, ExportRepository.broadcasts_page, _broadcast),
    ),
    "audit": (("audit", AUDIT_COLUMNS, ExportRepository.audit_page, _audit),),
}


class _Labels:
    """The coordinator's texts, each formatted once per export."""

    def __init__(self, tr: Translator) -> None:
        self._tr = tr
        self._cache: dict[str, str] = {}

    def __call__(self, key: str) -> str:
        text = self._cache.get(key)
        if text is None:
            text = self._cache[key] = self._tr(key)
        return text

    def maybe(self, key: str) -> str | None:
        """The text, or None for a key the locale lacks (an old form's question)."""
        return self(key) if self._tr.bundle.has_message(key) else None

    def yes_no(self, value: bool) -> str:
        return self("report-yes" if value else "report-no")

    def headers(self, sheet: _Sheet) -> list[str]:
        return [column.title or self(f"export-col-{column.key}") for column in sheet.columns]


# ---------------------------------------------------------------------- files


class _XlsxBook:
    """A write-only workbook: rows go to temporary files as they come, not to memory."""

    def __init__(self, path: Path) -> None:
        from openpyxl import Workbook

        self.path = path
        self.book = Workbook(write_only=True)

    def add(self, title: str, columns: Sequence[Column], headers: list[str]) -> _XlsxSheet:
        return _XlsxSheet(self.book.create_sheet(_sheet_title(title)), columns, headers)

    def close(self) -> None:
        self.book.save(self.path)


class _XlsxSheet:
    def __init__(self, sheet: Any, columns: Sequence[Column], headers: list[str]) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        self._sheet = sheet
        self._cell = WriteOnlyCell
        # Set before the first row: a write-only sheet writes its header part then.
        sheet.freeze_panes = "A2"
        for index, column in enumerate(columns, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = column.display_width
        bold = Font(bold=True)
        cells = []
        for text in headers:
            cell = WriteOnlyCell(sheet, value=_clean(text))
            cell.data_type = "s"
            cell.font = bold
            cells.append(cell)
        sheet.append(cells)

    def write(self, rows: list[Row]) -> None:
        for row in rows:
            self._sheet.append([self._value(value) for value in row])

    def _value(self, value: Value) -> Any:
        if isinstance(value, datetime):
            cell = self._cell(self._sheet, value=value)
            cell.number_format = "yyyy-mm-dd hh:mm"
            return cell
        if isinstance(value, str):
            cell = self._cell(self._sheet, value=_clean(value))
            cell.data_type = "s"  # "=…" typed by a volunteer is text, never a formula
            return cell
        return value


def _sheet_title(title: str) -> str:
    # Excel: at most 31 characters, none of []:*?/\
    return re.sub(r"[\[\]:*?/\\]", " ", title)[:31]


_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _clean(text: str) -> str:
    """Control characters have no place in a spreadsheet (openpyxl refuses them)."""
    return _ILLEGAL.sub("", text)


class _CsvFile:
    """UTF-8 with a byte-order mark, so Excel shows Cyrillic and oʻ/gʻ as they are."""

    def __init__(self, path: Path, headers: list[str]) -> None:
        self.path = path
        self._file: IO[str] = path.open("w", encoding="utf-8-sig", newline="")
        self._writer = csv.writer(self._file)
        self._writer.writerow(headers)

    def write(self, rows: list[Row]) -> None:
        self._writer.writerows([_csv_value(value) for value in row] for row in rows)

    def close(self) -> None:
        self._file.close()


_FORMULA_START = re.compile(r"^[=@\t\r]|^[+-](?![\d\s]*$)")


def _csv_value(value: Value) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, str) and _FORMULA_START.match(value):
        # A spreadsheet would run "=…" typed by a volunteer as a formula (OWASP: CSV
        # injection); a leading apostrophe keeps it text. Phone numbers (+998…) stay.
        return "'" + value
    return value


def _fit_for_upload(files: list[Path], result: Result) -> list[Path]:
    """Zip what is over Telegram's upload limit; cut a zip still over it into parts."""
    fitted: list[Path] = []
    for path in files:
        if path.stat().st_size <= UPLOAD_LIMIT:
            fitted.append(path)
            continue
        archive = path.with_name(path.name + ".zip")
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zipped:
            zipped.write(path, arcname=path.name)
        path.unlink()
        result.zipped = True
        if archive.stat().st_size <= UPLOAD_LIMIT:
            fitted.append(archive)
            continue
        parts = _split(archive)
        result.parts += len(parts)
        fitted.extend(parts)
    return fitted


def _split(archive: Path) -> list[Path]:
    """`name.zip.001`, `.002`…: joined again with `cat` (or 7-Zip), then unzipped."""
    parts: list[Path] = []
    with archive.open("rb") as source:
        while chunk := source.read(PART_SIZE):
            part = archive.with_name(f"{archive.name}.{len(parts) + 1:03d}")
            part.write_bytes(chunk)
            parts.append(part)
    archive.unlink()
    return parts
