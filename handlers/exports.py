"""/export for coordinators (privately): a dataset, which rows, a file format, the file.

Every handler here sits behind IsCoordinator (see handlers/__init__.py). The file is
written by bot/services/exports.py off the event loop; this module only asks and sends.

```mermaid
stateDiagram-v2
    [*] --> dataset: /export
    dataset --> rows: a dataset
    rows --> hearing: "One hearing…" (sign-ups, reports)
    rows --> format: All / Last 30 days
    hearing --> format: a hearing
    format --> [*]: XLSX / CSV (the file is sent)
```
Any command leaves the flow; an earlier screen's button chooses again from there; the
format button works once (the state is cleared before the file is made).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from aiogram import Bot, F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, FSInputFile, Message
from aiogram.utils.chat_action import ChatActionSender

from bot.config import Settings
from bot.db import Database
from bot.i18n import Translator
from bot.repositories.exports import Period
from bot.repositories.hearings import HearingRepository
from bot.services import errors
from bot.services import exports as rules
from bot.services.hearings import get_hearing
from bot.services.report_form import ReportForm
from bot.ui import exports as ui
from bot.ui.callbacks import ExportCb
from handlers.screens import replace_pressed

router = Router(name=__name__)

HEARINGS_SHOWN = 8


class ExportForm(StatesGroup):
    dataset = State()  # choosing what to export
    rows = State()  # choosing which rows
    hearing = State()  # choosing the hearing
    format = State()  # choosing XLSX or CSV


@router.message(Command("export"))
async def on_export(
    message: Message, state: FSMContext, tr: Translator, settings: Settings
) -> None:
    assert message.from_user is not None
    await state.set_state(ExportForm.dataset)
    await state.set_data({})
    is_admin = message.from_user.id in settings.admin_ids
    await message.answer(
        tr("export-choose-dataset"), reply_markup=ui.datasets_keyboard(tr, is_admin)
    )


@router.callback_query(StateFilter(ExportForm), ExportCb.filter(F.action == "dataset"))
async def on_dataset(
    query: CallbackQuery,
    callback_data: ExportCb,
    bot: Bot,
    state: FSMContext,
    tr: Translator,
    settings: Settings,
) -> None:
    dataset = callback_data.value
    rules.check_allowed(dataset, "xlsx", query.from_user.id, settings.admin_ids)
    await state.set_state(ExportForm.rows)
    await state.set_data({"dataset": dataset})
    await query.answer()
    text = tr("export-choose-filter", title=ui.title(tr, dataset, ""))
    await replace_pressed(bot, query, text, ui.filters_keyboard(tr, dataset))


@router.callback_query(
    StateFilter(ExportForm.rows, ExportForm.hearing, ExportForm.format),
    ExportCb.filter(F.action == "filter"),
)
async def on_rows(
    query: CallbackQuery,
    callback_data: ExportCb,
    bot: Bot,
    state: FSMContext,
    tr: Translator,
    settings: Settings,
    hearings: HearingRepository,
    clock: Callable[[], datetime],
) -> None:
    dataset = str((await state.get_data()).get("dataset", ""))
    chosen = callback_data.value
    if chosen not in ui.FILTERS or (chosen == "hearing" and dataset not in rules.HEARING_DATASETS):
        raise errors.StaleButtonError()
    if chosen == "hearing":
        # Latest first: an export is mostly about a hearing that has just been.
        choices = list(reversed(await hearings.nearest(clock(), HEARINGS_SHOWN)))
        if not choices:
            await query.answer(tr("export-no-hearings"), show_alert=True)
            return
        await state.set_state(ExportForm.hearing)
        await query.answer()
        text = tr("export-choose-hearing", title=ui.title(tr, dataset, ""))
        await replace_pressed(bot, query, text, ui.hearings_keyboard(choices, settings.timezone))
        return
    await state.set_state(ExportForm.format)
    await state.set_data({"dataset": dataset, "filter": chosen})
    await query.answer()
    text = tr("export-choose-format", title=ui.title(tr, dataset, chosen))
    await replace_pressed(bot, query, text, ui.formats_keyboard(tr))


@router.callback_query(
    StateFilter(ExportForm.hearing, ExportForm.format), ExportCb.filter(F.action == "hearing")
)
async def on_hearing(
    query: CallbackQuery,
    callback_data: ExportCb,
    bot: Bot,
    state: FSMContext,
    tr: Translator,
    hearings: HearingRepository,
) -> None:
    dataset = str((await state.get_data()).get("dataset", ""))
    hearing = await get_hearing(hearings, callback_data.id)
    await state.set_state(ExportForm.format)
    await state.set_data(
        {"dataset": dataset, "filter": "hearing", "hearing": hearing.id, "title": hearing.title}
    )
    await query.answer()
    text = tr("export-choose-format", title=ui.title(tr, dataset, "hearing", hearing.title))
    await replace_pressed(bot, query, text, ui.formats_keyboard(tr))


@router.callback_query(ExportForm.format, ExportCb.filter(F.action == "format"))
async def on_format(
    query: CallbackQuery,
    callback_data: ExportCb,
    bot: Bot,
    state: FSMContext,
    tr: Translator,
    settings: Settings,
    db: Database,
    report_form: ReportForm,
    clock: Callable[[], datetime],
) -> None:
    data = await state.get_data()
    dataset, chosen = str(data.get("dataset", "")), str(data.get("filter", ""))
    rules.check_allowed(dataset, callback_data.value, query.from_user.id, settings.admin_ids)
    now = clock()
    period = (
        Period(hearing_id=int(data["hearing"])) if chosen == "hearing"
        else rules.last_days(now) if chosen == "recent"
        else Period()
    )  # fmt: skip
    request = rules.Request(dataset, callback_data.value, period, query.from_user.id)
    # Cleared (and committed by the reply below) before the file is made: a second press
    # of the button finds no choice to export and makes no second file.
    await state.clear()
    await query.answer()
    title = ui.title(tr, dataset, chosen, str(data.get("title", "")))
    await replace_pressed(bot, query, tr("export-working", title=title), None)
    chat_id = query.from_user.id
    with tempfile.TemporaryDirectory(prefix="export-") as folder:
        async with ChatActionSender.upload_document(chat_id=chat_id, bot=bot):
            result = await rules.export(
                db, request, tr=tr, form=report_form, tz=settings.timezone,
                admin_ids=settings.admin_ids, folder=Path(folder), now=now,
            )  # fmt: skip
        caption = tr("export-done", title=title, count=result.rows)
        if result.parts:
            caption += "\n\n" + tr("export-split", count=result.parts)
        elif result.zipped:
            caption += "\n\n" + tr("export-zipped")
        for path in result.files:
            await bot.send_document(chat_id, FSInputFile(path, filename=path.name), caption=caption)
