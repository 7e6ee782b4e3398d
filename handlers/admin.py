"""Admins: /coordinators lists, adds and removes coordinators, and shows the audit log."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message, MessageOriginUser

from bot.command_menu import set_chat_commands
from bot.config import Settings
from bot.i18n import Locales, Translator
from bot.repositories.audit import AuditRepository
from bot.repositories.coordinators import CoordinatorRepository
from bot.repositories.users import UserRepository
from bot.services import roles
from bot.ui.callbacks import AdminCb
from bot.ui.layout import ButtonGrid
from bot.ui.views import local_datetime
from handlers.filters import NOT_COMMAND, IsAdmin

admins = Router(name=f"{__name__}.admins")
admins.message.filter(IsAdmin())
admins.callback_query.filter(IsAdmin())
others = Router(name=f"{__name__}.others")  # everyone else: a refusal
router = Router(name=__name__)
router.include_routers(admins, others)

AUDIT_ENTRIES = 20


class AddCoordinator(StatesGroup):
    who = State()


async def overview(
    tr: Translator, users: UserRepository, coordinators: CoordinatorRepository
) -> tuple[str, InlineKeyboardMarkup]:
    grid = ButtonGrid()
    lines = [tr("coord-title")]
    ids = await coordinators.all_ids()
    for user_id in ids:
        user = await users.get(user_id)
        name = (user.full_name if user else None) or str(user_id)
        lines.append(tr("coord-line", name=name, id=str(user_id)))
        grid.button(
            text=tr("coord-remove", name=name[:40]),
            callback_data=AdminCb(action="remove", user=user_id),
        )
    if not ids:
        lines.append(tr("coord-none"))
    grid.button(text=tr("coord-add"), callback_data=AdminCb(action="add"))
    grid.button(text=tr("audit-button"), callback_data=AdminCb(action="audit"))
    return "\n".join(lines), InlineKeyboardMarkup(inline_keyboard=grid.adjust(1).export())


@admins.message(Command("coordinators"))
async def on_coordinators(
    message: Message, tr: Translator, users: UserRepository, coordinators: CoordinatorRepository
) -> None:
    text, markup = await overview(tr, users, coordinators)
    await message.answer(text, reply_markup=markup)


@admins.callback_query(AdminCb.filter(F.action == "add"))
async def on_add(query: CallbackQuery, state: FSMContext, tr: Translator) -> None:
    if await state.get_state() == AddCoordinator.who.state:
        await query.answer()  # the question is already asked: a double tap
        return
    await state.set_state(AddCoordinator.who)
    await query.answer()
    if query.message is not None:
        await query.message.answer(tr("coord-ask"))


@admins.message(NOT_COMMAND, AddCoordinator.who)
async def on_who(
    message: Message,
    state: FSMContext,
    bot: Bot,
    tr: Translator,
    locales: Locales,
    settings: Settings,
    users: UserRepository,
    coordinators: CoordinatorRepository,
    audit: AuditRepository,
    clock: Callable[[], datetime],
) -> None:
    origin = message.forward_origin
    if isinstance(origin, MessageOriginUser):
        user_id = origin.sender_user.id
    else:
        # A typed id; a hidden forward (privacy settings) or anything else is refused
        # with a request for the id.
        user_id = roles.parse_user_id(message.text)
    assert message.from_user is not None
    added = await roles.add_coordinator(
        users, coordinators, audit, settings.admin_ids, message.from_user.id, user_id, clock()
    )
    await state.clear()
    await message.answer(tr("coord-added", name=added.full_name or str(user_id)))
    await set_chat_commands(bot, user_id, locales.get(added.language), staff=True)
    text, markup = await overview(tr, users, coordinators)
    await message.answer(text, reply_markup=markup)


@admins.callback_query(AdminCb.filter(F.action == "remove"))
async def on_remove(
    query: CallbackQuery,
    callback_data: AdminCb,
    bot: Bot,
    tr: Translator,
    locales: Locales,
    settings: Settings,
    users: UserRepository,
    coordinators: CoordinatorRepository,
    audit: AuditRepository,
    clock: Callable[[], datetime],
) -> None:
    await roles.remove_coordinator(
        coordinators, audit, settings.admin_ids, query.from_user.id, callback_data.user, clock()
    )
    removed = await users.get(callback_data.user)
    await query.answer(tr("coord-removed"))
    if removed is not None:
        await set_chat_commands(bot, removed.id, locales.get(removed.language), staff=False)
    text, markup = await overview(tr, users, coordinators)
    if query.message is not None:
        await bot.edit_message_text(
            text=text,
            chat_id=query.from_user.id,
            message_id=query.message.message_id,
            reply_markup=markup,
        )


@admins.callback_query(AdminCb.filter(F.action == "audit"))
async def on_audit(
    query: CallbackQuery, tr: Translator, settings: Settings, audit: AuditRepository
) -> None:
    entries = await audit.latest(AUDIT_ENTRIES)
    lines = [tr("audit-title", count=len(entries))]
    for entry in entries:
        lines.append(
            tr(
                "audit-line",
                when=local_datetime(tr, entry.at, settings.timezone, short=True),
                actor=entry.actor_name or str(entry.actor_id),
                action=entry.action,
                target=entry.target or "—",
            )
        )
    if not entries:
        lines.append(tr("audit-empty"))
    await query.answer()
    if query.message is not None:
        await query.message.answer("\n".join(lines))


@others.message(Command("coordinators"))
async def on_not_admin(message: Message, tr: Translator) -> None:
    await message.answer(tr("admins-only"))


@others.callback_query(AdminCb.filter())
async def on_not_admin_button(query: CallbackQuery, tr: Translator) -> None:
    await query.answer(tr("admins-only"), show_alert=True)
