"""Statistics for coordinators: callback data, keyboards, texts and localized charts."""

from __future__ import annotations

import html
import re
from datetime import date
from zoneinfo import ZoneInfo

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.charts import Chart, Series
from bot.i18n import Translator
from bot.repositories.hearings import HearingChoice
from bot.repositories.stats import HearingAttendance
from bot.services.stats import REPORT_STATUSES, AnswerTally, ChartData, HearingSummary, Overview
from bot.ui import views
from bot.ui.callbacks import HearingStatsCb, StatsCb
from bot.ui.layout import ButtonGrid


def hearing_stats_button(tr: Translator, hearing_id: int) -> InlineKeyboardButton:
    """For a hearing's coordinator card: opens its summary and answer chart."""
    return InlineKeyboardButton(
        text=tr("stats-hearing-button"), callback_data=HearingStatsCb(hearing_id=hearing_id).pack()
    )


def overview_buttons(tr: Translator) -> InlineKeyboardMarkup:
    grid = ButtonGrid()
    grid.button(text=tr("stats-refresh"), callback_data=StatsCb(action="refresh"))
    grid.button(text=tr("stats-by-hearing"), callback_data=StatsCb(action="hearings"))
    return InlineKeyboardMarkup(inline_keyboard=grid.adjust(2).export())


def hearing_choices(
    tr: Translator, choices: list[HearingChoice], zone: ZoneInfo
) -> InlineKeyboardMarkup:
    grid = ButtonGrid()
    for choice in choices:
        grid.button(
            text=tr("stats-hearing-choice", when=views.local_date(choice.starts_at, zone),
                    title=choice.title),
            callback_data=HearingStatsCb(hearing_id=choice.id),
        )  # fmt: skip
    return InlineKeyboardMarkup(inline_keyboard=grid.adjust(1).export())


def overview_text(tr: Translator, data: Overview) -> str:
    volunteers, hearings, reports = data.volunteers, data.hearings, data.reports
    lines = [
        tr("stats-title"),
        "",
        tr("stats-volunteers", total=volunteers.total, count=volunteers.new),
    ]
    regions = sorted(
        ((count, tr(f"region-{code}")) for code, count in data.by_region.items() if count),
        key=lambda item: (-item[0], item[1]),
    )
    lines += [tr("stats-region-line", region=name, count=count) for count, name in regions]
    lines += [
        "",
        tr("stats-hearings"),
        tr("stats-hearings-upcoming", count=hearings.upcoming),
        tr("stats-hearings-past", count=hearings.past),
        tr(
            "stats-seats-filled",
            confirmed=hearings.upcoming_confirmed,
            seats=hearings.upcoming_seats,
        ),
    ]
    percent = data.attendance_percent
    lines.append(
        tr("stats-attendance-none")
        if percent is None
        else tr(
            "stats-attendance",
            count=hearings.past_attended,
            confirmed=hearings.past_confirmed,
            number=percent,
        )
    )
    lines += [
        "",
        tr("stats-reports"),
        tr("stats-reports-submitted", count=reports.ever_submitted),
        tr("stats-reports-waiting", count=reports["submitted"]),
        tr("stats-reports-returned", count=reports["returned"]),
        tr("stats-reports-accepted", count=reports["accepted"]),
        "",
    ]
    reach = data.broadcast
    lines.append(
        tr("stats-broadcast-none")
        if reach is None
        else tr("stats-broadcast", number=reach.id, count=reach.sent, total=reach.total)
    )
    return "\n".join(lines)


def hearing_text(tr: Translator, summary: HearingSummary, zone: ZoneInfo, charted: bool) -> str:
    hearing = summary.hearing
    lines = [
        tr("stats-hearing-title", title=hearing.title, when=views.hearing_when(tr, hearing, zone)),
        "",
        tr("stats-hearing-seats", seats=hearing.seats),
        tr("stats-hearing-confirmed", confirmed=hearing.confirmed),
        tr("stats-hearing-waiting", waiting=hearing.waiting),
        tr("stats-hearing-coming", count=summary.coming),
        tr("stats-hearing-attended", count=summary.attended),
        "",
        tr("stats-hearing-reports"),
    ]
    lines += [
        tr(f"stats-report-{status}", count=summary.reports[status]) for status in REPORT_STATUSES
    ]
    if not charted:
        lines += ["", tr("stats-hearing-no-answers")]
    return "\n".join(lines)


# --- charts in the coordinator's language -----------------------------------------------


def region_chart(tr: Translator, data: ChartData) -> Chart:
    return _chart(
        tr("chart-regions-title"), [tr(f"region-{code}") for code in data.labels], data, tr
    )


def registrations_chart(tr: Translator, data: ChartData) -> Chart:
    labels = [date.fromisoformat(day).strftime("%d.%m") for day in data.labels]
    return _chart(tr("chart-weeks-title"), labels, data, tr, horizontal=False)


def attendance_chart(
    tr: Translator, data: ChartData, rows: list[HearingAttendance], zone: ZoneInfo
) -> Chart:
    titles = {str(row.id): f"{row.starts_at.astimezone(zone):%d.%m} {row.title}" for row in rows}
    labels = [titles[hearing_id] for hearing_id in data.labels]
    return _chart(tr("chart-hearings-title"), labels, data, tr)


def funnel_chart(tr: Translator, data: ChartData) -> Chart:
    labels = [tr(f"chart-funnel-{stage}") for stage in data.labels]
    return _chart(tr("chart-funnel-title"), labels, data, tr)


def answer_charts(tr: Translator, tally: AnswerTally) -> list[Chart]:
    charts = []
    for question in tally.questions:
        if question.kind == "yes_no":
            labels = [tr(f"report-{option}") for option in question.chart.labels]
        else:
            labels = [tr(f"report-q-{question.question}-{o}") for o in question.chart.labels]
        charts.append(_chart(tr(f"report-short-{question.question}"), labels, question.chart, tr))
    return charts


def _chart(
    title: str,
    labels: list[str],
    data: ChartData,
    tr: Translator,
    *,
    horizontal: bool = True,
) -> Chart:
    """Single-series charts draw no legend, so their series name is never shown."""
    return Chart(
        title=plain(title),
        labels=tuple(plain(label) for label in labels),
        series=tuple(
            Series(plain(tr(f"chart-{name}")) if len(data.series) > 1 else "", values)
            for name, values in data.series
        ),
        empty_text=plain(tr("chart-no-data")),
        horizontal=horizontal,
    )


def plain(text: str) -> str:
    """A locale text for an image: tags gone, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", text))
