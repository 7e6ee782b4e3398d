"""Volunteer registration: language, consent, name, phone, region, interests, summary.

State diagram: registration.mmd beside this file. The same steps edit one field of the
summary (mode "summary") or of a stored profile (mode "profile").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from aiogram import Bot, F, Router
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message, ReplyKeyboardRemove

from bot.command_menu import set_chat_commands
from bot.config import Settings
from bot.i18n import LANGUAGES, Locales, Translator
from bot.repositories.coordinators import CoordinatorRepository
from bot.repositories.users import User, UserRepository
from bot.services import volunteers
from bot.services.roles import is_coordinator
from bot.ui import keyboards
from bot.ui.callbacks import ConsentCb, InterestCb, LanguageCb, RegionCb, SummaryCb
from bot.ui.views import local_date, profile_fields
from handlers.filters import NOT_COMMAND
from handlers.hearings import Cards, deep_link_hearing
from handlers.screens import set_pressed_buttons

router = Router(name=__name__)


class Registration(StatesGroup):
    consent = State()
    name = State()
    phone = State()
    region = State()
    interests = State()
    confirm = State()


ORDER: tuple[State, ...] = (
    Registration.consent,
    Registration.name,
    Registration.phone,
    Registration.region,
    Registration.interests,
    Registration.confirm,
)
FIELD_STATES = {
    "name": Registration.name,
    "phone": Registration.phone,
    "region": Registration.region,
    "interests": Registration.interests,
}


@dataclass(slots=True)
class RegistrationFlow:
    """The steps' prompts and transitions, bound to one update's chat and person."""

    bot: Bot
    chat_id: int
    state: FSMContext
    tr: Translator
    user: User | None
    users: UserRepository
    clock: Callable[[], datetime]
    zone: ZoneInfo

    async def ask(self, step: str | None, data: dict[str, Any]) -> None:
        """Send a step's prompt (also to resume after /start, /language or a restart)."""
        tr, send = self.tr, self.bot.send_message
        if step == Registration.consent.state:
            await send(self.chat_id, tr("consent-text"), reply_markup=keyboards.consent(tr))
        elif step == Registration.name.state:
            await send(self.chat_id, tr("ask-name"), reply_markup=ReplyKeyboardRemove())
        elif step == Registration.phone.state:
            await send(self.chat_id, tr("ask-phone"), reply_markup=keyboards.share_contact(tr))
        elif step == Registration.region.state:
            await send(self.chat_id, tr("ask-region"), reply_markup=keyboards.regions(tr))
        elif step == Registration.interests.state:
            selected = data.get("interests", [])
            await send(
                self.chat_id, tr("ask-interests"), reply_markup=keyboards.interests(tr, selected)
            )
        elif step == Registration.confirm.state:
            fields = profile_fields(
                tr,
                name=data.get("name"),
                phone=data.get("phone"),
                region=data.get("region"),
                interests=data.get("interests", []),
            )
            await send(self.chat_id, tr("summary", **fields), reply_markup=keyboards.summary(tr))

    async def resume(self) -> bool:
        """Re-ask the current step; False when the person is in no registration step."""
        step = await self.state.get_state()
        if step not in {s.state for s in ORDER}:
            return False
        await self.ask(step, await self.state.get_data())
        return True

    async def begin(self) -> None:
        """Start a fresh registration at the consent step, keeping a deep-link payload."""
        payload = (await self.state.get_data()).get("payload")
        await self.state.set_state(Registration.consent)
        await self.state.set_data({"mode": "register", "interests": [], "payload": payload})
        await self.ask(Registration.consent.state, {})

    async def edit_field(self, field: str, mode: str) -> None:
        """Ask one field again, then return to the summary or save it to the profile."""
        step = FIELD_STATES[field]
        if mode == "profile":
            assert self.user is not None
            data = {"mode": "profile", "interests": list(self.user.interests)}
            await self.state.set_data(data)
        else:
            data = await self.state.update_data(mode=mode)
        await self.state.set_state(step)
        await self.ask(step.state, data)

    async def show_profile(self, user: User, note: str | None = None) -> None:
        fields = profile_fields(
            self.tr,
            name=user.full_name,
            phone=user.phone,
            region=user.region,
            interests=user.interests,
        )
        registered = local_date(user.registered_at, self.zone)
        text = self.tr("profile", registered=registered, **fields)
        await self.bot.send_message(
            self.chat_id,
            f"{note}\n\n{text}" if note else text,
            reply_markup=keyboards.profile(self.tr),
        )

    async def finish(self, field: str, value: Any) -> None:
        """Store a step's answer, then go where the mode says: next step, summary or profile."""
        data = await self.state.update_data({field: value})
        mode = data.get("mode", "register")
        if mode == "profile":
            await volunteers.update_profile_field(self.users, self.user, field, value, self.clock())
            await self.state.clear()
            updated = await self.users.get(self.chat_id)
            if field == "phone":
                await self.bot.send_message(
                    self.chat_id, self.tr("phone-saved"), reply_markup=ReplyKeyboardRemove()
                )
            if updated is not None:
                await self.show_profile(updated, note=self.tr("profile-saved"))
            return
        current = FIELD_STATES[field]
        following = Registration.confirm if mode == "summary" else ORDER[ORDER.index(current) + 1]
        await self.state.set_state(following)
        if field == "phone":
            # The contact keyboard must go before the next prompt brings inline buttons.
            await self.bot.send_message(
                self.chat_id, self.tr("phone-saved"), reply_markup=ReplyKeyboardRemove()
            )
        await self.ask(following.state, data)

    async def switch_language(
        self,
        query: CallbackQuery,
        tr: Translator,
        coordinators: CoordinatorRepository,
        settings: Settings,
    ) -> None:
        """Store the choice, answer in it from now on, and show the menu in it."""
        self.tr = tr
        await volunteers.choose_language(self.users, self.chat_id, tr.language, self.clock())
        await query.answer()
        await self.close_buttons(query)
        staff = await is_coordinator(coordinators, settings.admin_ids, self.chat_id)
        admin = self.chat_id in settings.admin_ids
        await set_chat_commands(self.bot, self.chat_id, tr, staff=staff, admin=admin)

    async def close_buttons(self, query: CallbackQuery) -> None:
        """Remove a pressed keyboard so an old button cannot be pressed twice."""
        await set_pressed_buttons(self.bot, query)


# --- language on the greeting -------------------------------------------------------


# Only before the form starts: an old greeting pressed mid-form must not restart it.
@router.callback_query(StateFilter(None), LanguageCb.filter(F.onboarding & F.code.in_(LANGUAGES)))
async def on_start_language(
    query: CallbackQuery,
    callback_data: LanguageCb,
    flow: RegistrationFlow,
    locales: Locales,
    coordinators: CoordinatorRepository,
    settings: Settings,
) -> None:
    await flow.switch_language(query, locales.get(callback_data.code), coordinators, settings)
    if flow.user is not None and flow.user.is_registered:
        await flow.bot.send_message(flow.chat_id, flow.tr("language-changed"))
        return
    await flow.begin()


# --- consent ------------------------------------------------------------------------


@router.callback_query(Registration.consent, ConsentCb.filter())
async def on_consent(
    query: CallbackQuery, callback_data: ConsentCb, flow: RegistrationFlow
) -> None:
    await query.answer()
    await flow.close_buttons(query)
    if not callback_data.accept:
        await flow.state.clear()
        await flow.bot.send_message(flow.chat_id, flow.tr("consent-declined"))
        return
    await flow.state.update_data(
        consent_at=flow.clock().isoformat(), consent_version=volunteers.CONSENT_VERSION
    )
    await flow.state.set_state(Registration.name)
    await flow.ask(Registration.name.state, {})


@router.message(NOT_COMMAND, Registration.consent)
async def on_consent_message(message: Message, tr: Translator) -> None:
    await message.answer(tr("consent-use-buttons"), reply_markup=keyboards.consent(tr))


# --- name ---------------------------------------------------------------------------


@router.message(NOT_COMMAND, Registration.name)
async def on_name(message: Message, flow: RegistrationFlow) -> None:
    full_name, _ = volunteers.clean_full_name(message.text)
    await flow.finish("name", full_name)


# --- phone --------------------------------------------------------------------------


@router.message(NOT_COMMAND, Registration.phone, F.contact)
async def on_contact(message: Message, flow: RegistrationFlow) -> None:
    contact, sender = message.contact, message.from_user
    assert contact is not None and sender is not None  # guaranteed by the filters
    phone = volunteers.phone_from_contact(contact.phone_number, contact.user_id, sender.id)
    await flow.finish("phone", phone)


@router.message(NOT_COMMAND, Registration.phone, F.text)
async def on_phone_text(message: Message, flow: RegistrationFlow) -> None:
    await flow.finish("phone", volunteers.parse_phone(message.text))


@router.message(NOT_COMMAND, Registration.phone)
async def on_phone_other(message: Message, tr: Translator) -> None:
    await message.answer(tr("phone-not-text"), reply_markup=keyboards.share_contact(tr))


# --- region -------------------------------------------------------------------------


@router.callback_query(Registration.region, RegionCb.filter())
async def on_region(query: CallbackQuery, callback_data: RegionCb, flow: RegistrationFlow) -> None:
    region = volunteers.check_region(callback_data.code)
    await query.answer()
    await flow.close_buttons(query)
    await flow.finish("region", region)


@router.message(NOT_COMMAND, Registration.region)
async def on_region_message(message: Message, tr: Translator) -> None:
    await message.answer(tr("region-use-buttons"), reply_markup=keyboards.regions(tr))


# --- interests ----------------------------------------------------------------------


@router.callback_query(Registration.interests, InterestCb.filter(F.code == "done"))
async def on_interests_done(query: CallbackQuery, flow: RegistrationFlow) -> None:
    chosen = volunteers.check_interests((await flow.state.get_data()).get("interests", []))
    await query.answer()
    await flow.close_buttons(query)
    await flow.finish("interests", list(chosen))


@router.callback_query(Registration.interests, InterestCb.filter())
async def on_interest_toggled(
    query: CallbackQuery, callback_data: InterestCb, flow: RegistrationFlow
) -> None:
    data = await flow.state.get_data()
    chosen = volunteers.toggle_interest(data.get("interests", []), callback_data.code)
    await flow.state.update_data(interests=chosen)
    await query.answer()
    await set_pressed_buttons(flow.bot, query, keyboards.interests(flow.tr, chosen))


@router.message(NOT_COMMAND, Registration.interests)
async def on_interests_message(message: Message, flow: RegistrationFlow) -> None:
    chosen = (await flow.state.get_data()).get("interests", [])
    await message.answer(
        flow.tr("interests-use-buttons"), reply_markup=keyboards.interests(flow.tr, chosen)
    )


# --- summary ------------------------------------------------------------------------


@router.callback_query(Registration.confirm, SummaryCb.filter(F.action == "confirm"))
async def on_confirm(query: CallbackQuery, flow: RegistrationFlow, cards: Cards) -> None:
    data = await flow.state.get_data()
    registration = await volunteers.complete_registration(
        flow.users, flow.chat_id, data, flow.tr.language, flow.clock()
    )
    await flow.state.clear()
    await query.answer()
    await flow.close_buttons(query)
    tr = flow.tr
    await flow.bot.send_message(
        flow.chat_id, tr("registration-complete", name=registration.full_name)
    )
    await flow.bot.send_message(flow.chat_id, tr("main-menu"), reply_markup=keyboards.main_menu(tr))
    # Someone who came through a hearing's shared link lands on that hearing.
    hearing_id = deep_link_hearing(data.get("payload"))
    if hearing_id is not None:
        await cards.send_card(flow.chat_id, hearing_id)


@router.callback_query(Registration.confirm, SummaryCb.filter(F.action.in_({"edit", "back"})))
async def on_summary_edit(
    query: CallbackQuery, callback_data: SummaryCb, flow: RegistrationFlow
) -> None:
    await query.answer()
    tr = flow.tr
    edit = callback_data.action == "edit"
    markup = keyboards.summary_fields(tr) if edit else keyboards.summary(tr)
    await set_pressed_buttons(flow.bot, query, markup)


@router.callback_query(Registration.confirm, SummaryCb.filter(F.action == "field"))
async def on_summary_field(
    query: CallbackQuery, callback_data: SummaryCb, flow: RegistrationFlow
) -> None:
    if callback_data.field not in FIELD_STATES:
        await query.answer(flow.tr("button-stale"), show_alert=True)
        return
    await query.answer()
    await flow.close_buttons(query)
    await flow.edit_field(callback_data.field, mode="summary")


@router.message(NOT_COMMAND, Registration.confirm)
async def on_summary_message(message: Message, tr: Translator) -> None:
    await message.answer(tr("summary-use-buttons"))
