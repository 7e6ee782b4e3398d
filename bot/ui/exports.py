"""Buttons and texts of /export: dataset, then which rows, then the file format."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from aiogram.types import InlineKeyboardMarkup

from bot.i18n import Translator
from bot.repositories.hearings import HearingChoice
from bot.services.exports import DATASETS, FORMATS, HEARING_DATASETS
from bot.ui.callbacks import ExportCb
from bot.ui.layout import ButtonGrid

FILTERS = ("all", "recent", "hearing")


def datasets_keyboard(tr: Translator, is_admin: bool) -> InlineKeyboardMarkup:
    grid = ButtonGrid()
    for dataset in DATASETS:
        if dataset == "audit" and not is_admin:
            continue
        grid.button(
            text=tr(f"export-dataset-{dataset}"),
            callback_data=ExportCb(action="dataset", value=dataset),
        )
    return InlineKeyboardMarkup(inline_keyboard=grid.export())


def filters_keyboard(tr: Translator, dataset: str) -> InlineKeyboardMarkup:
    grid = ButtonGrid()
    for name in FILTERS:
        if name == "hearing" and dataset not in HEARING_DATASETS:
            continue
        grid.button(
            text=tr(f"export-filter-{name}"), callback_data=ExportCb(action="filter", value=name)
        )
    return InlineKeyboardMarkup(inline_keyboard=grid.adjust(2, 1).export())


def hearings_keyboard(hearings: list[HearingChoice], tz: ZoneInfo) -> InlineKeyboardMarkup:
    grid = ButtonGrid()
    for hearing in hearings:
        when = hearing.starts_at.astimezone(tz).strftime("%d.%m.%Y")
        title = hearing.title if len(hearing.title) <= 40 else hearing.title[:39] + "…"
        grid.button(
            text=f"{when} · {title}", callback_data=ExportCb(action="hearing", id=hearing.id)
        )
    return InlineKeyboardMarkup(inline_keyboard=grid.export())


def formats_keyboard(tr: Translator) -> InlineKeyboardMarkup:
    grid = ButtonGrid()
    for fmt in FORMATS:
        grid.button(
            text=tr(f"export-format-{fmt}"), callback_data=ExportCb(action="format", value=fmt)
        )
    return InlineKeyboardMarkup(inline_keyboard=grid.adjust(2).export())


def title(tr: Translator, dataset: str, filter_name: str, hearing: str | None = None) -> str:
    """What is being exported, in words: "Reports · Last 30 days"."""
    name = tr(f"export-dataset-{dataset}").split(" ", 1)[-1]  # without its emoji
    if filter_name == "hearing" and hearing:
        return f"{name} · {hearing}"
    if filter_name in ("all", "recent"):
        return f"{name} · {tr(f'export-filter-{filter_name}')}"
    return name
