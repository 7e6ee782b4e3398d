"""Coordinators: /broadcast composes a message, picks its audience, previews and sends it.

Every handler here sits behind IsCoordinator (see handlers/__init__.py); refusals for
everyone else are in handlers/refusals.py. Sending is the worker's job
(bot/jobs/broadcasts.py): these handlers only write the broadcast and its outbox.
State diagram: broadcast.mmd.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message

from bot.config import Settings
from bot.i18n import Translator
from bot.jobs.broadcasts import Broadcaster
from bot.repositories.audit import AuditRepository
from bot.repositories.broadcasts import HEARING_PARTS, Audience, BroadcastRepository
from bot.repositories.hearings import Hearing, HearingRepository
from bot.services import broadcasts as rules
from bot.services import errors
from bot.ui import broadcasts as ui
from bot.ui.callbacks import BroadcastCb
from handlers.filters import NOT_COMMAND
from handlers.screens import replace_pressed, set_pressed_buttons

router = Router(name=__name__)

# The hearing list offers hearings from this far back (reports come after a hearing).
HEARINGS_SINCE = timedelta(days=30)
HEARINGS_SHOWN = 10


class BroadcastForm(StatesGroup):
    message = State()  # waiting for the message to send
    audience = State()  # choosing the audience, previewing
    schedule = State()  # waiting for a date and time


@dataclass(frozen=True, slots=True)
class Draft:
    """The message being broadcast and its audience, kept in the FSM (survives restarts)."""

    from_chat_id: int
    message_id: int
    audience: Audience


class Composer:
    """The draft of one coordinator's broadcast and the audience screen that shows it."""

    def __init__(
        self,
        bot: Bot,
        state: FSMContext,
        tr: Translator,
        settings: Settings,
        broadcasts: BroadcastRepository,
        hearings: HearingRepository,
        audit: AuditRepository,
    ) -> None:
        self.bot = bot
        self.state = state
        self.tr = tr
        self.settings = settings
        self.broadcasts = broadcasts
        self.hearings = hearings
        self.audit = audit

    async def draft(self) -> Draft:
        data = await self.state.get_data()
        source = data.get("source")
        if not source:
            raise errors.StaleButtonError()  # the draft was sent or discarded
        return Draft(source[0], source[1], Audience.from_json(data.get("audience")))

    async def save(self, audience: Audience) -> None:
        await self.state.update_data(audience=audience.to_json())

    async def count(self, audience: Audience) -> int:
        return await self.broadcasts.count_audience(audience, self.settings.admin_ids)

    async def text(self, audience: Audience) -> str:
        count = await self.count(audience)
        return ui.audience_text(self.tr, audience, await self._hearing(audience), count)

    async def preview_text(self, audience: Audience) -> str:
        count = await self.count(audience)
        if count == 0:
            raise errors.NoRecipientsError()
        return ui.preview_text(self.tr, audience, await self._hearing(audience), count)

    async def create(
        self, author_id: int, scheduled_for: datetime | None, now: datetime
    ) -> tuple[int, int]:
        draft = await self.draft()
        return await rules.create(
            self.broadcasts,
            self.audit,
            author_id=author_id,
            from_chat_id=draft.from_chat_id,
            message_id=draft.message_id,
            audience=draft.audience,
            admin_ids=self.settings.admin_ids,
            scheduled_for=scheduled_for,
            now=now,
        )

    async def edit(
        self, query: CallbackQuery, text: str, markup: InlineKeyboardMarkup | None
    ) -> None:
        """Turn the pressed message (the audience screen) into the next screen."""
        await replace_pressed(self.bot, query, text, markup)

    async def _hearing(self, audience: Audience) -> Hearing | None:
        if audience.hearing_id is None:
            return None
        return await self.hearings.get(audience.hearing_id)


# ---------------------------------------------------------------------- the message


@router.message(Command("broadcast"))
async def on_broadcast(message: Message, state: FSMContext, tr: Translator) -> None:
    await state.set_state(BroadcastForm.message)
    await state.set_data({})
    await message.answer(tr("bc-ask-message"))


@router.message(NOT_COMMAND, BroadcastForm.message)
async def on_message(
    message: Message, state: FSMContext, tr: Translator, composer: Composer
) -> None:
    if message.media_group_id is not None:
        # An album arrives as several messages: refuse it once, not once per photo.
        # (Answered here, not raised: a raised refusal would roll back this note.)
        if (await state.get_data()).get("album") != message.media_group_id:
            await state.update_data(album=message.media_group_id)
            await message.answer(tr(errors.BroadcastAlbumError.key))
        return
    rules.check_content(message.content_type, message.text)
    audience = Audience()
    await state.set_data(
        {"source": [message.chat.id, message.message_id], "audience": audience.to_json()}
    )
    await state.set_state(BroadcastForm.audience)
    text = await composer.text(audience)
    await message.answer(text, reply_markup=ui.audience_keyboard(tr, audience))


# ---------------------------------------------------------------------- the audience

drafting = StateFilter(BroadcastForm.audience, BroadcastForm.schedule)
AUDIENCE_SWITCHES = {"everyone", "coordinators", "no-hearing", "back"}


@router.callback_query(drafting, BroadcastCb.filter(F.action.in_(AUDIENCE_SWITCHES)))
async def on_audience_change(
    query: CallbackQuery,
    callback_data: BroadcastCb,
    state: FSMContext,
    tr: Translator,
    composer: Composer,
) -> None:
    audience = (await composer.draft()).audience
    if callback_data.action == "everyone":
        audience = Audience()
    elif callback_data.action == "coordinators":
        audience = replace(audience, coordinators_only=not audience.coordinators_only)
    elif callback_data.action == "no-hearing":
        audience = replace(audience, hearing_id=None, hearing_part="both")
    await composer.save(audience)
    await state.set_state(BroadcastForm.audience)  # "back" from the time question too
    await query.answer()
    await composer.edit(query, await composer.text(audience), ui.audience_keyboard(tr, audience))


@router.callback_query(drafting, BroadcastCb.filter(F.action.in_({"screen", "toggle"})))
async def on_choices(
    query: CallbackQuery, callback_data: BroadcastCb, tr: Translator, composer: Composer
) -> None:
    audience = (await composer.draft()).audience
    screen, _, code = callback_data.value.partition(".")
    if screen not in ui.CHOICES:
        raise errors.StaleButtonError()
    if callback_data.action == "toggle":
        if code not in ui.CHOICES[screen][0]:
            raise errors.StaleButtonError()
        audience = audience.toggled(screen, code)
        await composer.save(audience)
    await query.answer()
    markup = ui.choices_keyboard(tr, screen, audience.chosen(screen))
    await composer.edit(query, await composer.text(audience), markup)


@router.callback_query(drafting, BroadcastCb.filter(F.action == "hearings"))
async def on_hearings(
    query: CallbackQuery,
    tr: Translator,
    settings: Settings,
    hearings: HearingRepository,
    composer: Composer,
    clock: Callable[[], datetime],
) -> None:
    audience = (await composer.draft()).audience
    shown = await hearings.list_since(clock() - HEARINGS_SINCE, HEARINGS_SHOWN)
    await query.answer()
    markup = ui.hearings_keyboard(tr, shown, audience, settings.timezone)
    text = await composer.text(audience) + "\n\n" + tr("bc-pick-hearing", count=len(shown))
    await composer.edit(query, text, markup)


@router.callback_query(drafting, BroadcastCb.filter(F.action.in_({"hearing", "part"})))
async def on_hearing(
    query: CallbackQuery,
    callback_data: BroadcastCb,
    tr: Translator,
    hearings: HearingRepository,
    composer: Composer,
) -> None:
    audience = (await composer.draft()).audience
    hearing = await hearings.get(callback_data.id)
    if hearing is None:
        raise errors.HearingNotFoundError()
    if callback_data.action == "hearing":
        await query.answer()
        text = await composer.text(audience) + "\n\n" + tr("bc-pick-part", title=hearing.title)
        await composer.edit(query, text, ui.parts_keyboard(tr, hearing.id, audience))
        return
    part = next((p for p in HEARING_PARTS if p == callback_data.value), None)
    if part is None:
        raise errors.StaleButtonError()
    audience = replace(audience, hearing_id=hearing.id, hearing_part=part)
    await composer.save(audience)
    await query.answer()
    await composer.edit(query, await composer.text(audience), ui.audience_keyboard(tr, audience))


# ---------------------------------------------------------------------- preview and send


@router.callback_query(drafting, BroadcastCb.filter(F.action == "preview"))
async def on_preview(
    query: CallbackQuery, bot: Bot, state: FSMContext, tr: Translator, composer: Composer
) -> None:
    draft = await composer.draft()
    text = await composer.preview_text(draft.audience)
    await query.answer()
    try:
        # Exactly what recipients will get: the same copyMessage call.
        await bot.copy_message(query.from_user.id, draft.from_chat_id, draft.message_id)
    except TelegramBadRequest:
        # The coordinator deleted the original: it can no longer be copied.
        await state.set_state(BroadcastForm.message)
        await state.set_data({})
        await bot.send_message(query.from_user.id, tr("bc-source-gone"))
        return
    # From here the preview card holds the buttons; one draft, one set of buttons.
    await set_pressed_buttons(bot, query)
    await bot.send_message(query.from_user.id, text, reply_markup=ui.preview_keyboard(tr))


@router.callback_query(drafting, BroadcastCb.filter(F.action == "send"))
async def on_send(
    query: CallbackQuery,
    state: FSMContext,
    tr: Translator,
    composer: Composer,
    broadcaster: Broadcaster,
    clock: Callable[[], datetime],
) -> None:
    broadcast_id, recipients = await composer.create(query.from_user.id, None, clock())
    await state.clear()
    try:
        await query.answer()
        await composer.edit(query, tr("bc-created", id=broadcast_id, count=recipients), None)
    finally:
        # Woken after the card says "created" (its status message then comes below it,
        # never before the edit), and even if that reply failed: the broadcast is
        # committed before the first call to Telegram.
        broadcaster.wake()


@router.callback_query(drafting, BroadcastCb.filter(F.action == "schedule"))
async def on_schedule(
    query: CallbackQuery,
    bot: Bot,
    state: FSMContext,
    tr: Translator,
    settings: Settings,
    composer: Composer,
    clock: Callable[[], datetime],
) -> None:
    await composer.draft()  # refuses a stale button
    if await state.get_state() == BroadcastForm.schedule.state:
        await query.answer()  # the question is already asked: a double tap
        return
    await state.set_state(BroadcastForm.schedule)
    await query.answer()
    example = rules.schedule_example(clock(), settings.timezone)
    await bot.send_message(query.from_user.id, tr("bc-ask-time", example=example))


@router.message(NOT_COMMAND, BroadcastForm.schedule)
async def on_time(
    message: Message,
    state: FSMContext,
    tr: Translator,
    settings: Settings,
    broadcasts: BroadcastRepository,
    composer: Composer,
    broadcaster: Broadcaster,
    clock: Callable[[], datetime],
) -> None:
    now = clock()
    when = rules.parse_schedule(message.text, settings.timezone, now)
    assert message.from_user is not None
    broadcast_id, _ = await composer.create(message.from_user.id, when, now)
    await state.clear()
    broadcaster.schedule(broadcast_id, when)  # before any reply, which may fail
    card = await message.answer(
        ui.scheduled_text(tr, broadcast_id, when, settings.timezone),
        reply_markup=ui.progress_keyboard(tr, broadcast_id),
    )
    # The worker edits this message into the progress report when the time comes.
    await broadcasts.set_progress_message(broadcast_id, card.chat.id, card.message_id)


@router.callback_query(drafting, BroadcastCb.filter(F.action == "discard"))
async def on_discard(
    query: CallbackQuery, state: FSMContext, tr: Translator, composer: Composer
) -> None:
    await composer.draft()  # refuses a stale button
    await state.clear()
    await query.answer()
    await composer.edit(query, tr("bc-discarded"), None)


# ---------------------------------------------------------------------- while and after


@router.callback_query(BroadcastCb.filter(F.action == "stop"))
async def on_stop(
    query: CallbackQuery,
    callback_data: BroadcastCb,
    tr: Translator,
    broadcasts: BroadcastRepository,
    audit: AuditRepository,
    broadcaster: Broadcaster,
    clock: Callable[[], datetime],
) -> None:
    await rules.cancel(broadcasts, audit, query.from_user.id, callback_data.id, clock())
    broadcaster.cancelled(callback_data.id)  # before the answer, which may fail
    await query.answer(tr("bc-stopped", id=callback_data.id))


@router.callback_query(BroadcastCb.filter(F.action == "failures"))
async def on_failures(
    query: CallbackQuery,
    callback_data: BroadcastCb,
    bot: Bot,
    tr: Translator,
    settings: Settings,
    broadcasts: BroadcastRepository,
    audit: AuditRepository,
    clock: Callable[[], datetime],
) -> None:
    broadcast = await rules.get(broadcasts, callback_data.id)
    problems = await broadcasts.problems(broadcast.id)
    await audit.record(
        query.from_user.id,
        "broadcast.export",
        f"broadcast:{broadcast.id}",
        clock(),
        rows=len(problems),
    )
    await query.answer()
    document = BufferedInputFile(
        ui.problems_csv(tr, problems, settings.timezone),
        tr("bc-failures-filename", id=broadcast.id),
    )
    caption = tr("bc-failures-caption", id=broadcast.id, count=len(problems))
    await bot.send_document(query.from_user.id, document, caption=caption)
