"""What a volunteer gets for a coordinator's command or button: a clear no, nothing done."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.i18n import Translator
from bot.ui.callbacks import (
    BroadcastCb,
    CheckinCb,
    ExportCb,
    FormCb,
    HearingCb,
    HearingFieldCb,
    HearingStatsCb,
    MarkCb,
    MarkPageCb,
    QueueCb,
    ReviewCb,
    StatsCb,
)
from handlers.broadcast import BroadcastForm
from handlers.exports import ExportForm
from handlers.filters import NOT_COMMAND
from handlers.hearing_admin import HearingCancel, HearingForm

router = Router(name=__name__)
# Report cards live in groups too: refusals for their buttons work anywhere.
review_router = Router(name=f"{__name__}.review")

STAFF_COMMANDS = ("newhearing", "reports", "broadcast", "export", "stats")


@router.message(Command(*STAFF_COMMANDS))
async def on_staff_command(message: Message, tr: Translator) -> None:
    await message.answer(tr("coordinators-only"))


@router.callback_query(
    HearingCb.filter(F.action.in_({"edit", "stop", "people", "qr", "attendance"}))
)
@router.callback_query(CheckinCb.filter())
@router.callback_query(StatsCb.filter())
@router.callback_query(ExportCb.filter())
@router.callback_query(HearingStatsCb.filter())
@router.callback_query(MarkCb.filter())
@router.callback_query(MarkPageCb.filter())
@router.callback_query(HearingFieldCb.filter())
@router.callback_query(FormCb.filter())
@router.callback_query(BroadcastCb.filter())
async def on_staff_button(query: CallbackQuery, tr: Translator) -> None:
    await query.answer(tr("coordinators-only"), show_alert=True)


@review_router.callback_query(ReviewCb.filter())
@review_router.callback_query(QueueCb.filter())
async def on_review_button(query: CallbackQuery, tr: Translator) -> None:
    await query.answer(tr("coordinators-only"), show_alert=True)


@router.message(NOT_COMMAND, StateFilter(HearingForm, HearingCancel, BroadcastForm, ExportForm))
async def on_form_after_role_removed(message: Message, state: FSMContext, tr: Translator) -> None:
    # Someone lost the coordinator role mid-form: the draft goes, nothing is published.
    await state.clear()
    await message.answer(tr("coordinators-only"))
