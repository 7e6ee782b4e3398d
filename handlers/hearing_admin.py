"""Coordinators and hearings: /newhearing, editing, cancelling, the list of people.

Every handler here sits behind IsCoordinator (see handlers/__init__.py); the refusals
for everyone else are in handlers/refusals.py. State diagram: hearing_admin.mmd.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message, ReplyKeyboardRemove

from bot.i18n import Translator
from bot.jobs.notices import NoticeWorker
from bot.jobs.reminders import Reminders
from bot.repositories.audit import AuditRepository
from bot.repositories.hearings import HearingDraft
from bot.repositories.notices import NoticeRepository
from bot.repositories.reminders import ReminderRepository
from bot.services import hearings as rules
from bot.services import notices as notice_rules
from bot.services.errors import (
    DateInPastError,
    EndBeforeStartError,
    HearingCancelledError,
    HearingNotFoundError,
    HearingStartedError,
    StaleButtonError,
    form_ends_on,
)
from bot.ui import keyboards, views
from bot.ui.callbacks import FormCb, HearingCb, HearingFieldCb
from handlers.filters import NOT_COMMAND
from handlers.hearings import Cards
from handlers.screens import set_pressed_buttons

router = Router(name=__name__)

# The hearing a form works on is gone: the form ends with the refusal.
HEARING_GONE = (HearingCancelledError, HearingStartedError, HearingNotFoundError)


class HearingForm(StatesGroup):
    title = State()
    chamber = State()
    body = State()
    committee = State()
    starts_at = State()
    ends_at = State()
    address = State()
    location = State()
    seats = State()
    description = State()
    preview = State()


class HearingCancel(StatesGroup):
    reason = State()


ORDER = (
    "title", "chamber", "body", "committee", "starts_at", "ends_at", "address", "location",
    "seats", "description",
)  # fmt: skip
EDITABLE = (
    "title", "chamber", "committee", "starts_at", "ends_at", "address", "location", "seats",
    "description",
)  # fmt: skip
OPTIONAL = {"ends_at", "location", "description"}
STATES: dict[str, State] = {name: getattr(HearingForm, name) for name in ORDER}


@dataclass(slots=True)
class FormFlow:
    """Prompts and transitions of the hearing form, in three modes:
    "new" (step by step to the preview), "preview" (one field, back to the preview),
    "edit" (one field of a published hearing, saved at once)."""

    cards: Cards
    state: FSMContext
    chat_id: int
    reminders: ReminderRepository
    reminder_jobs: Reminders
    notices: NoticeRepository
    outbox: NoticeWorker
    audit: AuditRepository

    @property
    def tr(self) -> Translator:
        return self.cards.tr

    async def ask(self, field: str, form: dict[str, Any]) -> None:
        tr, send = self.tr, self.cards.bot.send_message
        if field == "chamber":
            await send(self.chat_id, tr("form-ask-chamber"), reply_markup=keyboards.chambers(tr))
        elif field == "committee":
            names = await self.cards.hearings.recent_committees(form.get("chamber", ""))
            markup = keyboards.committee_suggestions(names)
            await send(self.chat_id, tr("form-ask-committee"), reply_markup=markup)
        elif field == "starts_at":
            await send(self.chat_id, tr("form-ask-starts", zone=str(self.cards.settings.timezone)))
        elif field in OPTIONAL:
            key = {"ends_at": "form-ask-ends", "location": "form-ask-location"}.get(
                field, "form-ask-description"
            )
            await send(self.chat_id, tr(key), reply_markup=keyboards.skip(tr, field))
        else:
            await send(self.chat_id, tr(f"form-ask-{field.replace('_', '-')}"))

    async def start(self) -> None:
        await self.state.set_state(HearingForm.title)
        await self.state.set_data({"mode": "new", "form": {}})
        await self.ask("title", {})

    async def edit_field(self, field: str, mode: str, hearing_id: int | None = None) -> None:
        data = await self.state.get_data()
        if mode == "edit":
            assert hearing_id is not None
            hearing = await rules.get_open_hearing(
                self.cards.hearings, hearing_id, self.cards.clock()
            )
            data = {
                "mode": "edit",
                "hearing_id": hearing_id,
                "form": rules.form_from_draft(hearing),
            }
        else:
            data["mode"] = mode
        await self.state.set_data(data)
        await self.state.set_state(STATES[field])
        await self.ask(field, data["form"])

    async def finish(self, field: str, value: Any) -> None:
        """Store one answer and move on as the mode says."""
        data = await self.state.get_data()
        form = dict(data.get("form", {}))
        changed = {field}
        if field == "location":
            form["latitude"], form["longitude"] = value if value else (None, None)
            changed = {"latitude", "longitude"}
        elif field == "starts_at" and form.get("starts_at") and form.get("ends_at"):
            # A new day or time moves the end with it: 10:00–12:30 stays two and a half hours.
            shift = datetime.fromisoformat(value) - datetime.fromisoformat(form["starts_at"])
            form["ends_at"] = (datetime.fromisoformat(form["ends_at"]) + shift).isoformat()
            form[field] = value
            changed.add("ends_at")
        else:
            form[field] = value
        if field == "chamber":
            changed.add("body")
            if value != "other":
                form["body"] = None
        data["form"] = form
        data["changed"] = sorted(set(data.get("changed", [])) | changed)
        await self.state.set_data(data)
        mode = data.get("mode", "new")
        if field == "chamber" and value == "other":
            following = "body"  # an "other body" needs its name whatever the mode
        elif mode == "new":
            following = _next_after(field)
        else:
            following = "done"
        if following != "done":
            await self.state.set_state(STATES[following])
            await self.ask(following, form)
        elif mode == "edit":
            await self.save_edit(int(data["hearing_id"]), form, data["changed"])
        else:
            await self.preview(form)

    async def preview(self, form: dict[str, Any]) -> None:
        draft = rules.draft_from_form(form)
        await self.state.set_state(HearingForm.preview)
        await self.cards.bot.send_message(
            self.chat_id, self.tr("form-preview-title"), reply_markup=ReplyKeyboardRemove()
        )
        await self.cards.bot.send_message(
            self.chat_id,
            preview_text(self.tr, draft, self.cards),
            reply_markup=keyboards.form_preview(self.tr),
        )

    async def save_edit(self, hearing_id: int, form: dict[str, Any], changed: list[str]) -> None:
        """Apply a change to a published hearing and tell the people it concerns.

        Only the fields this coordinator changed are written, onto the hearing as it is
        now: another coordinator's edit made meanwhile is kept, not overwritten.
        """
        cards = self.cards
        with form_ends_on(*HEARING_GONE):  # nothing left to edit; do not keep asking
            current = await rules.get_open_hearing(cards.hearings, hearing_id, cards.clock())
        fresh = rules.form_from_draft(current)
        fresh.update({name: form.get(name) for name in changed})
        draft = rules.draft_from_form(fresh)
        outcome = await rules.edit(
            cards.hearings, cards.signups, self.reminders, hearing_id, draft, cards.clock(),
            cards.settings.reminder_offsets,
        )  # fmt: skip
        await self.audit.record(
            self.chat_id, "hearing.edit", f"hearing:{hearing_id}", cards.clock(), fields=changed
        )
        # Queued with the change, sent by the outbox worker: never lost to a crash here.
        if outcome.moved:
            await notice_rules.changed(self.notices, hearing_id, outcome.notify, cards.clock())
        await notice_rules.promoted(self.notices, hearing_id, outcome.promoted, cards.clock())
        self.outbox.wake()
        await self.state.clear()
        await self.reminder_jobs.refresh(hearing_id)
        text, markup = await cards.card(outcome.hearing, self.chat_id)
        await cards.bot.send_message(
            self.chat_id, self.tr("hearing-saved"), reply_markup=ReplyKeyboardRemove()
        )
        await cards.bot.send_message(self.chat_id, text, reply_markup=markup)


def _next_after(field: str) -> str:
    index = ORDER.index(field) + 1
    if field == "chamber":
        index += 1  # "body" only after choosing "other"
    return ORDER[index] if index < len(ORDER) else "done"


def preview_text(tr: Translator, draft: HearingDraft, cards: Cards) -> str:
    zone = cards.settings.timezone
    when = views.local_datetime(tr, draft.starts_at, zone)
    if draft.ends_at:
        when += "–" + views.local_time(draft.ends_at, zone)
    chamber = (
        draft.body if draft.chamber == "other" and draft.body else tr(f"chamber-{draft.chamber}")
    )
    location = (
        tr("form-preview-pin", latitude=f"{draft.latitude:.5f}", longitude=f"{draft.longitude:.5f}")
        if draft.latitude is not None and draft.longitude is not None
        else tr("form-preview-no-pin")
    )
    return tr(
        "form-preview",
        title=draft.title,
        when=when,
        chamber=chamber,
        committee=draft.committee,
        address=draft.address,
        location=location,
        seats=draft.seats,
        description=draft.description or "—",
    )


# --- the form, step by step ------------------------------------------------------------


@router.message(Command("newhearing"))
async def on_new_hearing(message: Message, form: FormFlow) -> None:
    await form.start()


@router.message(NOT_COMMAND, StateFilter(HearingForm.title, HearingForm.body, HearingForm.address))
async def on_text_field(message: Message, state: FSMContext, form: FormFlow) -> None:
    field = (await state.get_state() or "").split(":")[-1]
    await form.finish(field, rules.clean_text(field, message.text))


@router.message(NOT_COMMAND, HearingForm.committee)
async def on_committee(message: Message, form: FormFlow) -> None:
    await form.finish("committee", rules.clean_text("committee", message.text))


@router.callback_query(HearingForm.chamber, FormCb.filter(F.action == "chamber"))
async def on_chamber(query: CallbackQuery, callback_data: FormCb, form: FormFlow) -> None:
    chamber = rules.check_chamber(callback_data.value)
    await query.answer()
    await close_buttons(query, form)
    await form.finish("chamber", chamber)


@router.message(NOT_COMMAND, HearingForm.chamber)
async def on_chamber_typed(message: Message, tr: Translator) -> None:
    await message.answer(tr("form-use-buttons"), reply_markup=keyboards.chambers(tr))


@router.message(NOT_COMMAND, HearingForm.starts_at)
async def on_starts_at(message: Message, form: FormFlow) -> None:
    cards = form.cards
    moment = rules.parse_local_datetime(message.text, cards.settings.timezone, cards.clock())
    await form.finish("starts_at", moment.isoformat())


@router.message(NOT_COMMAND, HearingForm.ends_at)
async def on_ends_at(message: Message, state: FSMContext, form: FormFlow) -> None:
    starts_at = datetime.fromisoformat((await state.get_data())["form"]["starts_at"])
    moment = rules.parse_end_time(message.text, starts_at, form.cards.settings.timezone)
    await form.finish("ends_at", moment.isoformat())


@router.message(NOT_COMMAND, HearingForm.location, F.location)
async def on_location(message: Message, form: FormFlow) -> None:
    assert message.location is not None  # guaranteed by the filter
    await form.finish("location", (message.location.latitude, message.location.longitude))


@router.message(NOT_COMMAND, HearingForm.location)
async def on_location_typed(message: Message, tr: Translator) -> None:
    await message.answer(tr("form-location-use"), reply_markup=keyboards.skip(tr, "location"))


@router.message(NOT_COMMAND, HearingForm.seats)
async def on_seats(message: Message, form: FormFlow) -> None:
    await form.finish("seats", rules.parse_seats(message.text))


@router.message(NOT_COMMAND, HearingForm.description)
async def on_description(message: Message, form: FormFlow) -> None:
    await form.finish("description", rules.clean_text("description", message.text))


@router.callback_query(
    StateFilter(HearingForm.ends_at, HearingForm.location, HearingForm.description),
    FormCb.filter(F.action == "skip"),
)
async def on_skip(
    query: CallbackQuery, callback_data: FormCb, state: FSMContext, form: FormFlow
) -> None:
    field = (await state.get_state() or "").split(":")[-1]
    if callback_data.value != field:
        raise StaleButtonError()  # another question's Skip, or a second tap
    await query.answer()
    await close_buttons(query, form)
    await form.finish(field, "" if field == "description" else None)


# --- preview: publish, change a field, discard -----------------------------------------


@router.callback_query(HearingForm.preview, FormCb.filter(F.action == "publish"))
async def on_publish(query: CallbackQuery, state: FSMContext, form: FormFlow) -> None:
    cards = form.cards
    draft = rules.draft_from_form((await state.get_data())["form"])
    try:
        hearing_id = await rules.publish(cards.hearings, draft, query.from_user.id, cards.clock())
    except (DateInPastError, EndBeforeStartError) as error:
        # The draft sat in its preview while its start passed (or is now after its end):
        # say why and ask for that time again, then back to the preview. The reason
        # alone asked for a date that the preview does not take.
        field = "starts_at" if isinstance(error, DateInPastError) else "ends_at"
        await query.answer(form.tr(error.key), show_alert=True)
        await close_buttons(query, form)
        await form.edit_field(field, mode="preview")
        return
    await form.audit.record(
        query.from_user.id, "hearing.publish", f"hearing:{hearing_id}", cards.clock(),
        title=draft.title,
    )  # fmt: skip
    await state.clear()
    await query.answer()
    await close_buttons(query, form)
    await cards.bot.send_message(
        form.chat_id, cards.tr("hearing-published", link=await cards.link(hearing_id))
    )
    await cards.send_card(form.chat_id, hearing_id)


@router.callback_query(HearingForm.preview, FormCb.filter(F.action.in_({"edit", "back"})))
async def on_preview_edit(query: CallbackQuery, callback_data: FormCb, form: FormFlow) -> None:
    await query.answer()
    if query.message is None:
        return
    tr = form.tr
    markup = (
        keyboards.form_fields(tr, EDITABLE)
        if callback_data.action == "edit"
        else keyboards.form_preview(tr)
    )
    await set_pressed_buttons(form.cards.bot, query, markup)


@router.callback_query(HearingForm.preview, FormCb.filter(F.action == "field"))
async def on_preview_field(query: CallbackQuery, callback_data: FormCb, form: FormFlow) -> None:
    if callback_data.value not in EDITABLE:
        await query.answer(form.tr("button-stale"), show_alert=True)
        return
    await query.answer()
    await close_buttons(query, form)
    await form.edit_field(callback_data.value, mode="preview")


@router.callback_query(HearingForm.preview, FormCb.filter(F.action == "discard"))
async def on_discard(query: CallbackQuery, state: FSMContext, form: FormFlow) -> None:
    await state.clear()
    await query.answer()
    await close_buttons(query, form)
    await form.cards.bot.send_message(form.chat_id, form.tr("form-discarded"))


@router.message(NOT_COMMAND, HearingForm.preview)
async def on_preview_typed(message: Message, tr: Translator) -> None:
    await message.answer(tr("form-use-buttons"))


# --- a published hearing: edit, cancel, people ------------------------------------------


@router.callback_query(HearingCb.filter(F.action == "edit"))
async def on_edit(query: CallbackQuery, callback_data: HearingCb, form: FormFlow) -> None:
    cards = form.cards
    await rules.get_open_hearing(cards.hearings, callback_data.id, cards.clock())
    await query.answer()
    await cards.bot.send_message(
        form.chat_id,
        form.tr("form-edit-which"),
        reply_markup=keyboards.hearing_fields(form.tr, callback_data.id, EDITABLE),
    )


@router.callback_query(HearingFieldCb.filter(F.field.in_(EDITABLE)))
async def on_edit_field(
    query: CallbackQuery, callback_data: HearingFieldCb, form: FormFlow
) -> None:
    await rules.get_open_hearing(form.cards.hearings, callback_data.id, form.cards.clock())
    await query.answer()
    await close_buttons(query, form)
    await form.edit_field(callback_data.field, mode="edit", hearing_id=callback_data.id)


@router.callback_query(HearingCb.filter(F.action == "stop"))
async def on_stop(query: CallbackQuery, callback_data: HearingCb, form: FormFlow) -> None:
    cards = form.cards
    hearing = await rules.get_open_hearing(cards.hearings, callback_data.id, cards.clock())
    if (
        await form.state.get_state() == HearingCancel.reason.state
        and (await form.state.get_data()).get("hearing_id") == hearing.id
    ):
        await query.answer()  # the question is already asked: a double tap
        return
    await form.state.set_state(HearingCancel.reason)
    await form.state.set_data({"hearing_id": hearing.id})
    await query.answer()
    await cards.bot.send_message(form.chat_id, form.tr("form-ask-reason", title=hearing.title))


@router.message(NOT_COMMAND, HearingCancel.reason)
async def on_cancel_reason(message: Message, state: FSMContext, form: FormFlow) -> None:
    cards = form.cards
    hearing_id = int((await state.get_data())["hearing_id"])
    reason = rules.clean_text("reason", message.text)
    with form_ends_on(*HEARING_GONE):  # nothing left to cancel; do not keep asking
        notify = await rules.cancel(
            cards.hearings, cards.signups, form.reminders, hearing_id, reason, cards.clock()
        )
    await form.audit.record(
        message.chat.id, "hearing.cancel", f"hearing:{hearing_id}", cards.clock(),
        reason=reason, people=len(notify),
    )  # fmt: skip
    # Queued with the cancellation; the coordinator hears how many there are now, and
    # how many were reached once the worker has sent them.
    queued = await notice_rules.cancelled(
        form.notices, hearing_id, notify, reason, message.chat.id, cards.clock()
    )
    await state.clear()
    form.outbox.wake()
    await message.answer(form.tr("hearing-cancelled-done", count=queued))


@router.callback_query(HearingCb.filter(F.action == "people"))
async def on_people(query: CallbackQuery, callback_data: HearingCb, form: FormFlow) -> None:
    cards = form.cards
    hearing = await rules.get_hearing(cards.hearings, callback_data.id)
    people = await cards.signups.attendees(hearing.id)
    await query.answer()
    chunks = views.people_list(form.tr, hearing, people)
    seated = any(person.status == "confirmed" for person in people)
    for number, chunk in enumerate(chunks, start=1):
        # Under the list, the way to mark who came by hand (once anyone holds a seat).
        markup = (
            keyboards.open_marking(form.tr, hearing.id)
            if seated and number == len(chunks)
            else None
        )
        await cards.bot.send_message(form.chat_id, chunk, reply_markup=markup)


async def close_buttons(query: CallbackQuery, form: FormFlow) -> None:
    await set_pressed_buttons(form.cards.bot, query)
