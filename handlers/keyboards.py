"""Keyboards, built from the person's translator."""

from __future__ import annotations

from collections.abc import Iterable

from aiogram.types import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
)
from aiogram.utils.keyboard import InlineKeyboardBuilder, KeyboardBuilder

from bot.i18n import LANGUAGES, Translator
from bot.services.volunteers import INTERESTS, REGIONS
from handlers.callbacks import (
    ConsentCb,
    ForgetCb,
    InterestCb,
    LanguageCb,
    MenuCb,
    ProfileCb,
    RegionCb,
    SummaryCb,
)

EDITABLE_FIELDS = ("name", "phone", "region", "interests")


def languages(tr: Translator, *, onboarding: bool) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for code in LANGUAGES:
        name = tr(f"language-name-{code}")
        label = tr("language-button-current", language=name) if code == tr.language else name
        builder.button(text=label, callback_data=LanguageCb(code=code, onboarding=onboarding))
    return _markup(builder.adjust(3))


def consent(tr: Translator) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=tr("consent-accept"), callback_data=ConsentCb(accept=True))
    builder.button(text=tr("consent-decline"), callback_data=ConsentCb(accept=False))
    return _markup(builder.adjust(1))


def share_contact(tr: Translator) -> ReplyKeyboardMarkup:
    return ReplyKeyboardMarkup(
        keyboard=[[KeyboardButton(text=tr("phone-share-button"), request_contact=True)]],
        resize_keyboard=True,
        one_time_keyboard=True,
    )


def regions(tr: Translator) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for code in REGIONS:
        builder.button(text=tr(f"region-{code}"), callback_data=RegionCb(code=code))
    return _markup(builder.adjust(2))


def interests(tr: Translator, selected: Iterable[str]) -> InlineKeyboardMarkup:
    chosen = set(selected)
    builder = InlineKeyboardBuilder()
    for code in INTERESTS:
        mark = "✅ " if code in chosen else "▫️ "
        builder.button(text=mark + tr(f"interest-{code}"), callback_data=InterestCb(code=code))
    builder.button(
        text=tr("interests-done", count=len(chosen)), callback_data=InterestCb(code="done")
    )
    return _markup(builder.adjust(1))


def summary(tr: Translator) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=tr("summary-confirm"), callback_data=SummaryCb(action="confirm"))
    builder.button(text=tr("summary-edit"), callback_data=SummaryCb(action="edit"))
    return _markup(builder.adjust(2))


def summary_fields(tr: Translator) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for field in EDITABLE_FIELDS:
        builder.button(
            text=tr(f"field-{field}"), callback_data=SummaryCb(action="field", field=field)
        )
    builder.button(text=tr("button-back"), callback_data=SummaryCb(action="back"))
    return _markup(builder.adjust(2, 2, 1))


def profile(tr: Translator) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for field in EDITABLE_FIELDS:
        builder.button(text="✏️ " + tr(f"field-{field}"), callback_data=ProfileCb(field=field))
    builder.button(text=tr("menu-language"), callback_data=ProfileCb(field="language"))
    return _markup(builder.adjust(2, 2, 1))


def forget(tr: Translator) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=tr("forget-yes"), callback_data=ForgetCb(confirm=True))
    builder.button(text=tr("forget-no"), callback_data=ForgetCb(confirm=False))
    return _markup(builder.adjust(1))


def main_menu(tr: Translator) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for item in ("profile", "language", "help"):
        builder.button(text=tr(f"menu-{item}"), callback_data=MenuCb(item=item))
    return _markup(builder.adjust(1, 2))


def register(tr: Translator) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                InlineKeyboardButton(
                    text=tr("register-button"), callback_data=MenuCb(item="register").pack()
                )
            ]
        ]
    )


def _markup(builder: KeyboardBuilder[InlineKeyboardButton]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=builder.export())
