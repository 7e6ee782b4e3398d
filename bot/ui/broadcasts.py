"""Texts and keyboards of /broadcast: the audience, the preview, progress and summary."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from zoneinfo import ZoneInfo

from aiogram.types import InlineKeyboardMarkup

from bot.i18n import LANGUAGES, Translator
from bot.repositories.broadcasts import HEARING_PARTS, Audience, Broadcast, Counts, Problem
from bot.repositories.hearings import Hearing
from bot.services.volunteers import INTERESTS, REGIONS
from bot.ui.callbacks import BroadcastCb
from bot.ui.layout import ButtonGrid
from bot.ui.views import local_datetime, local_time

ON, OFF = "✅ ", "▫️ "
# Each list screen: the codes it offers and how each code is named.
CHOICES: dict[str, tuple[tuple[str, ...], str]] = {
    "region": (REGIONS, "region-{}"),
    "language": (LANGUAGES, "language-name-{}"),
    "interest": (INTERESTS, "interest-{}"),
}


def audience_lines(tr: Translator, audience: Audience, hearing: Hearing | None) -> list[str]:
    """The audience in words, one criterion per line."""
    if audience.is_everyone:
        return [tr("bc-audience-everyone")]
    lines = []
    if audience.regions:
        names = ", ".join(tr(f"region-{code}") for code in audience.regions)
        lines.append(tr("bc-audience-regions", names=names))
    if audience.languages:
        names = ", ".join(tr(f"language-name-{code}") for code in audience.languages)
        lines.append(tr("bc-audience-languages", names=names))
    if audience.interests:
        names = ", ".join(tr(f"interest-{code}") for code in audience.interests)
        lines.append(tr("bc-audience-interests", names=names))
    if audience.hearing_id is not None:
        title = hearing.title if hearing else f"#{audience.hearing_id}"
        lines.append(tr(f"bc-audience-hearing-{audience.hearing_part}", title=title))
    if audience.coordinators_only:
        lines.append(tr("bc-audience-coordinators"))
    return lines


def audience_text(tr: Translator, audience: Audience, hearing: Hearing | None, count: int) -> str:
    lines = [tr("bc-audience-title"), "", *audience_lines(tr, audience, hearing), ""]
    lines.append(tr("bc-recipients", count=count))
    return "\n".join(lines)


def audience_keyboard(tr: Translator, audience: Audience) -> InlineKeyboardMarkup:
    grid = ButtonGrid()
    grid.button(
        text=(ON if audience.is_everyone else OFF) + tr("bc-everyone"),
        callback_data=BroadcastCb(action="everyone"),
    )
    for screen, chosen in (
        ("region", audience.regions),
        ("language", audience.languages),
        ("interest", audience.interests),
    ):
        grid.button(
            text=tr(f"bc-choose-{screen}", count=len(chosen)),
            callback_data=BroadcastCb(action="screen", value=screen),
        )
    grid.button(
        text=tr("bc-choose-hearing", chosen=int(audience.hearing_id is not None)),
        callback_data=BroadcastCb(action="hearings"),
    )
    grid.button(
        text=(ON if audience.coordinators_only else OFF) + tr("bc-coordinators"),
        callback_data=BroadcastCb(action="coordinators"),
    )
    grid.button(text=tr("bc-preview-button"), callback_data=BroadcastCb(action="preview"))
    grid.button(text=tr("bc-discard"), callback_data=BroadcastCb(action="discard"))
    return _markup(grid.adjust(1, 2, 2, 1, 2))


def choices_keyboard(tr: Translator, screen: str, chosen: tuple[str, ...]) -> InlineKeyboardMarkup:
    codes, name = CHOICES[screen]
    grid = ButtonGrid()
    for code in codes:
        grid.button(
            text=(ON if code in chosen else OFF) + tr(name.format(code)),
            callback_data=BroadcastCb(action="toggle", value=f"{screen}.{code}"),
        )
    grid.button(text=tr("bc-done"), callback_data=BroadcastCb(action="back"))
    return _markup(grid.adjust(2 if len(codes) > 6 else 1))


def hearings_keyboard(
    tr: Translator, hearings: list[Hearing], audience: Audience, zone: ZoneInfo
) -> InlineKeyboardMarkup:
    grid = ButtonGrid()
    for hearing in hearings:
        mark = ON if hearing.id == audience.hearing_id else ""
        when = local_datetime(tr, hearing.starts_at, zone, short=True)
        grid.button(
            text=f"{mark}{when} · {hearing.title[:40]}",
            callback_data=BroadcastCb(action="hearing", id=hearing.id),
        )
    if audience.hearing_id is not None:
        grid.button(text=tr("bc-no-hearing"), callback_data=BroadcastCb(action="no-hearing"))
    grid.button(text=tr("button-back"), callback_data=BroadcastCb(action="back"))
    return _markup(grid.adjust(1))


def parts_keyboard(tr: Translator, hearing_id: int, audience: Audience) -> InlineKeyboardMarkup:
    grid = ButtonGrid()
    for part in HEARING_PARTS:
        current = audience.hearing_id == hearing_id and audience.hearing_part == part
        grid.button(
            text=(ON if current else "") + tr(f"bc-part-{part}"),
            callback_data=BroadcastCb(action="part", value=part, id=hearing_id),
        )
    grid.button(text=tr("button-back"), callback_data=BroadcastCb(action="hearings"))
    return _markup(grid.adjust(1))


def preview_text(tr: Translator, audience: Audience, hearing: Hearing | None, count: int) -> str:
    lines = [tr("bc-preview-above"), "", *audience_lines(tr, audience, hearing)]
    lines.append(tr("bc-recipients", count=count))
    return "\n".join(lines)


def preview_keyboard(tr: Translator) -> InlineKeyboardMarkup:
    grid = ButtonGrid()
    grid.button(text=tr("bc-send-now"), callback_data=BroadcastCb(action="send"))
    grid.button(text=tr("bc-schedule"), callback_data=BroadcastCb(action="schedule"))
    grid.button(text=tr("bc-change-audience"), callback_data=BroadcastCb(action="back"))
    grid.button(text=tr("bc-discard"), callback_data=BroadcastCb(action="discard"))
    return _markup(grid.adjust(2, 1, 1))


def scheduled_text(tr: Translator, broadcast_id: int, when: datetime, zone: ZoneInfo) -> str:
    return tr("bc-scheduled", id=broadcast_id, when=local_datetime(tr, when, zone))


def queued_text(tr: Translator, broadcast: Broadcast, ahead: int) -> str:
    return tr("bc-queued", id=broadcast.id, total=broadcast.total, ahead=ahead)


def progress_text(
    tr: Translator, broadcast: Broadcast, counts: Counts, finish: datetime, zone: ZoneInfo
) -> str:
    return tr(
        "bc-progress",
        id=broadcast.id,
        sent=counts["sent"],
        unreachable=counts["unreachable"],
        failed=counts["failed"] + counts["uncertain"],
        remaining=counts["pending"],
        total=counts.total,
        finish=local_time(finish, zone),
    )


def summary_text(tr: Translator, broadcast: Broadcast, counts: Counts) -> str:
    key = {"cancelled": "bc-summary-cancelled", "failed": "bc-summary-failed"}.get(
        broadcast.status, "bc-summary-done"
    )
    return tr(
        key,
        id=broadcast.id,
        sent=counts["sent"],
        unreachable=counts["unreachable"],
        failed=counts["failed"],
        uncertain=counts["uncertain"],
        not_sent=counts["pending"],
        total=counts.total,
    )


def finished_text(tr: Translator, broadcast: Broadcast, counts: Counts) -> str:
    return tr("bc-finished", id=broadcast.id, sent=counts["sent"], total=counts.total)


def progress_keyboard(tr: Translator, broadcast_id: int) -> InlineKeyboardMarkup:
    grid = ButtonGrid()
    grid.button(text=tr("bc-stop"), callback_data=BroadcastCb(action="stop", id=broadcast_id))
    return _markup(grid)


def summary_keyboard(
    tr: Translator, broadcast_id: int, counts: Counts
) -> InlineKeyboardMarkup | None:
    if counts.total == counts["sent"]:
        return None
    grid = ButtonGrid()
    grid.button(
        text=tr("bc-failures-button"), callback_data=BroadcastCb(action="failures", id=broadcast_id)
    )
    return _markup(grid)


# Characters that make a spreadsheet app read a cell as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CSV_COLUMNS = ("user", "name", "outcome", "reason", "attempts", "time")


def problems_csv(tr: Translator, problems: list[Problem], zone: ZoneInfo) -> bytes:
    """The recipients a broadcast did not certainly reach, with Telegram's reasons."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([tr(f"bc-col-{column}") for column in CSV_COLUMNS])
    for problem in problems:
        name = problem.full_name or ""
        if name.startswith(_FORMULA_START):
            name = "'" + name  # a name is data, never a formula
        when = (
            problem.done_at.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S")
            if problem.done_at
            else ""
        )
        writer.writerow(
            [
                problem.user_id,
                name,
                tr(f"bc-outcome-{problem.status}"),
                problem.reason or "",
                problem.attempts,
                when,
            ]
        )
    # A byte-order mark: spreadsheet apps then read Cyrillic and o‘ correctly.
    return out.getvalue().encode("utf-8-sig")


def _markup(grid: ButtonGrid) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=grid.export())
