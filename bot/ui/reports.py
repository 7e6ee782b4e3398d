"""Report texts and keyboards, for observers and for coordinators."""

from __future__ import annotations

import html
from datetime import datetime
from zoneinfo import ZoneInfo

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import Translator
from bot.repositories.hearings import Hearing
from bot.repositories.reports import QueueItem, Report
from bot.services.report_form import Question, ReportForm
from bot.services.reports import ATTACHMENTS_LIMIT, NOTES_LIMIT
from bot.ui.callbacks import QueueCb, ReportCb, ReportHearingCb, ReviewCb
from bot.ui.layout import ButtonGrid
from bot.ui.views import local_datetime

EXCERPT = 300


def answer_label(tr: Translator, question: Question, value: object) -> str:
    if question.kind == "yes_no":
        return tr(f"report-{value}")
    if question.kind == "choice":
        return tr(f"report-q-{question.id}-{value}")
    return html.escape(str(value), quote=False)


def question_text(tr: Translator, form: ReportForm, report: Report, question: Question) -> str:
    parts = [
        tr("report-progress", number=form.index(question.id) + 1, total=len(form.questions)),
        tr(f"report-q-{question.id}"),
    ]
    if question.kind == "number":
        parts.append(tr("report-type-number", min=question.min, max=question.max))
    elif question.kind == "text":
        parts.append(tr("report-type-text", max=question.max_length))
    if question.id in report.answers:
        parts.append(
            tr("report-current", answer=answer_label(tr, question, report.answers[question.id]))
        )
    return "\n\n".join(parts)


def question_keyboard(
    tr: Translator, form: ReportForm, report: Report, question: Question
) -> InlineKeyboardMarkup:
    builder = ButtonGrid()
    sizes: list[int] = []
    options = ("yes", "no") if question.kind == "yes_no" else question.options
    if question.kind in ("yes_no", "choice"):
        for option in options:
            builder.button(
                text=answer_label(tr, question, option),
                # The question travels with the answer: an old message's button is stale.
                callback_data=ReportCb(
                    id=report.id, action="answer", value=f"{question.id}={option}"
                ),
            )
        sizes.append(2 if question.kind == "yes_no" else (5 if len(options) == 5 else 1))
        if question.kind == "choice" and len(options) != 5:
            sizes = [1] * len(options)
    extra = 0
    if form.index(question.id) > 0:
        builder.button(
            text=tr("button-back"),
            callback_data=ReportCb(id=report.id, action="back", value=question.id),
        )
        extra += 1
    if not question.required:
        builder.button(
            text=tr("form-skip"),
            callback_data=ReportCb(id=report.id, action="skip", value=question.id),
        )
        extra += 1
    if extra:
        sizes.append(extra)
    return InlineKeyboardMarkup(inline_keyboard=builder.adjust(*sizes).export())


def files_text(tr: Translator, report: Report) -> str:
    return tr(
        "report-files-prompt",
        notes=len(report.notes),
        max_notes=NOTES_LIMIT,
        files=report.attachments,
        max_files=ATTACHMENTS_LIMIT,
    )


def files_keyboard(tr: Translator, report: Report) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                InlineKeyboardButton(
                    text=tr("report-files-done"),
                    callback_data=ReportCb(id=report.id, action="done").pack(),
                )
            ],
            [
                InlineKeyboardButton(
                    text=tr("button-back"),
                    callback_data=ReportCb(id=report.id, action="back").pack(),
                )
            ],
        ]
    )


def answers_block(tr: Translator, form: ReportForm, report: Report) -> str:
    lines = []
    for question in form.questions:
        value = report.answers.get(question.id)
        shown = tr("report-skipped") if value is None else answer_label(tr, question, value)
        lines.append(f"• {tr(f'report-short-{question.id}')}: {shown}")
    return "\n".join(lines)


def excerpt(notes: str) -> str:
    text = notes if len(notes) <= EXCERPT else notes[:EXCERPT].rstrip() + "…"
    return html.escape(text, quote=False) or "—"


def review_text(
    tr: Translator, form: ReportForm, report: Report, hearing: Hearing, *, unsent: bool = False
) -> str:
    """The observer's review; `unsent`: it was sent, and changed since (see Accept)."""
    text = tr(
        "report-review",
        title=hearing.title,
        answers=answers_block(tr, form, report),
        notes=excerpt(report.notes),
        files=report.attachments,
    )
    return f"{text}\n\n{tr('report-review-unsent')}" if unsent else text


def change_saved(tr: Translator, report: Report, saved: str) -> str:
    """The answer to a note or file kept. A change to a report already sent reaches the
    coordinators only with the next Submit (until then they cannot accept it), so each
    such change says so."""
    return saved if report.status == "draft" else f"{saved}\n\n{tr('report-sent-changed')}"


def review_keyboard(tr: Translator, report: Report) -> InlineKeyboardMarkup:
    builder = ButtonGrid()
    builder.button(text=tr("report-submit"), callback_data=ReportCb(id=report.id, action="submit"))
    builder.button(text=tr("report-edit"), callback_data=ReportCb(id=report.id, action="edit"))
    if report.status == "draft":
        builder.button(
            text=tr("report-discard"), callback_data=ReportCb(id=report.id, action="discard")
        )
    return InlineKeyboardMarkup(inline_keyboard=builder.adjust(1, 2).export())


def edit_keyboard(tr: Translator, form: ReportForm, report: Report) -> InlineKeyboardMarkup:
    builder = ButtonGrid()
    for question in form.questions:
        builder.button(
            text=tr(f"report-short-{question.id}"),
            # Only the question id: ':' separates callback data fields, so no "q:" here.
            callback_data=ReportCb(id=report.id, action="goto", value=question.id),
        )
    builder.button(
        text=tr("report-edit-files"),
        callback_data=ReportCb(id=report.id, action="goto", value="files"),
    )
    back = ReportCb(id=report.id, action="done", value="back")  # to the review, in place
    builder.button(text=tr("button-back"), callback_data=back)
    return InlineKeyboardMarkup(inline_keyboard=builder.adjust(2).export())


def discard_keyboard(tr: Translator, report: Report) -> InlineKeyboardMarkup:
    builder = ButtonGrid()
    builder.button(
        text=tr("report-discard-yes"), callback_data=ReportCb(id=report.id, action="discard-yes")
    )
    back = ReportCb(id=report.id, action="done", value="back")  # to the review, in place
    builder.button(text=tr("button-back"), callback_data=back)
    return InlineKeyboardMarkup(inline_keyboard=builder.adjust(1).export())


def hearing_choice(tr: Translator, hearings: list[Hearing], zone: ZoneInfo) -> InlineKeyboardMarkup:
    builder = ButtonGrid()
    for hearing in hearings:
        label = f"{local_datetime(tr, hearing.starts_at, zone, short=True)} · {hearing.title}"
        builder.button(text=label[:60], callback_data=ReportHearingCb(hearing=hearing.id))
    return InlineKeyboardMarkup(inline_keyboard=builder.adjust(1).export())


def edit_report_button(tr: Translator, report_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                InlineKeyboardButton(
                    text=tr("report-edit-returned"),
                    callback_data=ReportCb(id=report_id, action="resume").pack(),
                )
            ]
        ]
    )


def write_report_button(tr: Translator, hearing_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                InlineKeyboardButton(
                    text=tr("report-write"),
                    callback_data=ReportHearingCb(hearing=hearing_id).pack(),
                )
            ]
        ]
    )


# --- coordinators -------------------------------------------------------------------


def review_card(
    tr: Translator, form: ReportForm, report: Report, hearing: Hearing, observer: str | None
) -> str:
    key_answers = []
    for question in form.questions:
        if question.kind != "text" and question.id in report.answers:
            value = answer_label(tr, question, report.answers[question.id])
            key_answers.append(f"• {tr(f'report-short-{question.id}')}: {value}")
    return tr(
        "review-card",
        number=report.id,
        title=hearing.title,
        observer=observer or tr("people-anonymous"),
        status=tr(f"review-status-{report.status}"),
        answers="\n".join(key_answers) or "—",
        notes=excerpt(report.notes),
        files=report.attachments,
    )


def review_buttons(tr: Translator, report: Report) -> InlineKeyboardMarkup:
    builder = ButtonGrid()
    builder.button(text=tr("review-open"), callback_data=ReviewCb(id=report.id, action="open"))
    if report.status == "submitted":
        builder.button(
            text=tr("review-accept"), callback_data=ReviewCb(id=report.id, action="accept")
        )
        builder.button(
            text=tr("review-return"), callback_data=ReviewCb(id=report.id, action="return")
        )
    return InlineKeyboardMarkup(inline_keyboard=builder.adjust(1, 2).export())


def queue_text(
    tr: Translator, items: list[QueueItem], zone: ZoneInfo, page: int, pages: int
) -> str:
    if not items:
        return tr("queue-empty")
    lines = [tr("queue-title", page=page + 1, pages=pages)]
    for item in items:
        when = local_datetime(tr, item.submitted_at, zone, short=True) if item.submitted_at else "—"
        lines.append(
            tr(
                "queue-item",
                number=item.report_id,
                title=item.hearing_title,
                observer=item.observer or tr("people-anonymous"),
                status=tr(f"review-status-{item.status}"),
                when=when,
            )
        )
    return "\n\n".join(lines)


def queue_keyboard(
    tr: Translator, items: list[QueueItem], page: int, pages: int, hearing: int,
    hearings: list[tuple[int, str, int]],
) -> InlineKeyboardMarkup:  # fmt: skip
    builder = ButtonGrid()
    sizes: list[int] = []
    for item in items:
        builder.button(
            text=tr("queue-open", number=item.report_id),
            callback_data=ReviewCb(id=item.report_id, action="card"),
        )
    if items:
        sizes.append(min(len(items), 5))
    nav = 0
    if page > 0:
        builder.button(
            text=tr("button-previous"), callback_data=QueueCb(page=page - 1, hearing=hearing)
        )
        nav += 1
    if page + 1 < pages:
        builder.button(
            text=tr("button-next"), callback_data=QueueCb(page=page + 1, hearing=hearing)
        )
        nav += 1
    if nav:
        sizes.append(nav)
    if hearing:
        builder.button(text=tr("queue-all"), callback_data=QueueCb(page=0, hearing=0))
        sizes.append(1)
    else:
        for hearing_id, title, count in hearings[:8]:
            builder.button(
                text=f"{title[:40]} ({count})", callback_data=QueueCb(page=0, hearing=hearing_id)
            )
            sizes.append(1)
    return InlineKeyboardMarkup(inline_keyboard=builder.adjust(*sizes).export())


def receipt(tr: Translator, number: int, at: datetime, zone: ZoneInfo, digest: str) -> str:
    return tr(
        "report-receipt",
        number=number,
        when=local_datetime(tr, at, zone),
        utc=at.strftime("%Y-%m-%d %H:%M:%S UTC"),
        fingerprint=digest,
    )
