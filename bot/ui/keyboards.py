"""Keyboards, built from the person's translator."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from aiogram.types import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)

from bot.i18n import LANGUAGES, Translator
from bot.repositories.attendance import Seat
from bot.repositories.hearings import Hearing
from bot.repositories.signups import Signup
from bot.services.hearings import CHAMBERS
from bot.services.volunteers import INTERESTS, REGIONS
from bot.ui.callbacks import (
    AttendCb,
    CheckinCb,
    ConsentCb,
    ForgetCb,
    FormCb,
    HearingCb,
    HearingFieldCb,
    HearingsPageCb,
    HearingStatsCb,
    InterestCb,
    LanguageCb,
    MarkCb,
    MarkPageCb,
    MenuCb,
    ProfileCb,
    RegionCb,
    SummaryCb,
)
from bot.ui.layout import ButtonGrid

EDITABLE_FIELDS = ("name", "phone", "region", "interests")


def languages(tr: Translator, *, onboarding: bool) -> InlineKeyboardMarkup:
    builder = ButtonGrid()
    for code in LANGUAGES:
        name = tr(f"language-name-{code}")
        label = tr("language-button-current", language=name) if code == tr.language else name
        builder.button(text=label, callback_data=LanguageCb(code=code, onboarding=onboarding))
    # Two a row: both Uzbek scripts side by side first, then Russian and English.
    return _markup(builder.adjust(2))


def consent(tr: Translator) -> InlineKeyboardMarkup:
    builder = ButtonGrid()
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
    builder = ButtonGrid()
    for code in REGIONS:
        builder.button(text=tr(f"region-{code}"), callback_data=RegionCb(code=code))
    return _markup(builder.adjust(2))


def interests(tr: Translator, selected: Iterable[str]) -> InlineKeyboardMarkup:
    chosen = set(selected)
    builder = ButtonGrid()
    for code in INTERESTS:
        mark = "✅ " if code in chosen else "▫️ "
        builder.button(text=mark + tr(f"interest-{code}"), callback_data=InterestCb(code=code))
    builder.button(
        text=tr("interests-done", count=len(chosen)), callback_data=InterestCb(code="done")
    )
    return _markup(builder.adjust(1))


def summary(tr: Translator) -> InlineKeyboardMarkup:
    builder = ButtonGrid()
    builder.button(text=tr("summary-confirm"), callback_data=SummaryCb(action="confirm"))
    builder.button(text=tr("summary-edit"), callback_data=SummaryCb(action="edit"))
    return _markup(builder.adjust(2))


def summary_fields(tr: Translator) -> InlineKeyboardMarkup:
    builder = ButtonGrid()
    for field in EDITABLE_FIELDS:
        builder.button(
            text=tr(f"field-{field}"), callback_data=SummaryCb(action="field", field=field)
        )
    builder.button(text=tr("button-back"), callback_data=SummaryCb(action="back"))
    return _markup(builder.adjust(2, 2, 1))


def profile(tr: Translator) -> InlineKeyboardMarkup:
    builder = ButtonGrid()
    for field in EDITABLE_FIELDS:
        builder.button(text="✏️ " + tr(f"field-{field}"), callback_data=ProfileCb(field=field))
    builder.button(text=tr("menu-language"), callback_data=ProfileCb(field="language"))
    return _markup(builder.adjust(2, 2, 1))


def forget(tr: Translator) -> InlineKeyboardMarkup:
    builder = ButtonGrid()
    builder.button(text=tr("forget-yes"), callback_data=ForgetCb(confirm=True))
    builder.button(text=tr("forget-no"), callback_data=ForgetCb(confirm=False))
    return _markup(builder.adjust(1))


def main_menu(tr: Translator) -> InlineKeyboardMarkup:
    builder = ButtonGrid()
    for item in ("hearings", "my", "profile", "language", "help"):
        builder.button(text=tr(f"menu-{item}"), callback_data=MenuCb(item=item))
    return _markup(builder.adjust(1, 2, 2))


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


def _markup(builder: ButtonGrid) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=builder.export())


def hearing_list(
    tr: Translator, hearings: list[Hearing], page: int, pages: int, first: int
) -> InlineKeyboardMarkup:
    builder = ButtonGrid()
    for number, hearing in enumerate(hearings, start=first):
        label = f"{number}. {hearing.title}"
        builder.button(
            text=label if len(label) <= 60 else label[:59] + "…",
            callback_data=HearingCb(id=hearing.id, action="open"),
        )
    sizes = [1] * len(hearings)
    if page > 0:
        builder.button(text=tr("button-previous"), callback_data=HearingsPageCb(page=page - 1))
    if page + 1 < pages:
        builder.button(text=tr("button-next"), callback_data=HearingsPageCb(page=page + 1))
    sizes.append(2)
    return _markup(builder.adjust(*sizes))


def hearing_card(
    tr: Translator,
    hearing: Hearing,
    *,
    signup: Signup | None,
    share_url: str,
    coordinator: bool,
    now: datetime,
    can_report: bool = False,
    can_alert: bool = False,
) -> InlineKeyboardMarkup:
    builder = ButtonGrid()
    rows: list[int] = []
    if can_alert:
        builder.button(
            text=tr("hearing-button-urgent"),
            callback_data=HearingCb(id=hearing.id, action="urgent"),
        )
        rows.append(1)
    if can_report:
        builder.button(
            text=tr("hearing-button-report"),
            callback_data=HearingCb(id=hearing.id, action="report"),
        )
        rows.append(1)
    open_for_signups = not hearing.is_cancelled and not hearing.has_started(now)
    if open_for_signups:
        if signup is not None:
            action, label = "leave", tr("hearing-button-leave")
        elif hearing.seats_left > 0:
            action, label = "signup", tr("hearing-button-signup")
        else:
            action, label = "signup", tr("hearing-button-wait")
        builder.button(text=label, callback_data=HearingCb(id=hearing.id, action=action))
        builder.button(
            text=tr("hearing-button-calendar"), callback_data=HearingCb(id=hearing.id, action="ics")
        )
        builder.button(text=tr("hearing-button-share"), url=share_url)
        rows += [1, 2]
    if hearing.latitude is not None and hearing.longitude is not None:
        lat, lon = hearing.latitude, hearing.longitude
        builder.button(
            text=tr("hearing-button-map"),
            url=f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}",
        )
        rows.append(1)
    if coordinator:
        if open_for_signups:
            builder.button(
                text=tr("hearing-button-edit"),
                callback_data=HearingCb(id=hearing.id, action="edit"),
            )
            builder.button(
                text=tr("hearing-button-stop"),
                callback_data=HearingCb(id=hearing.id, action="stop"),
            )
            rows.append(2)
        builder.button(
            text=tr("hearing-button-people"),
            callback_data=HearingCb(id=hearing.id, action="people"),
        )
        rows.append(1)
        builder.button(
            text=tr("stats-hearing-button"), callback_data=HearingStatsCb(hearing_id=hearing.id)
        )
        if not hearing.is_cancelled:
            builder.button(
                text=tr("hearing-button-checkin"),
                callback_data=HearingCb(id=hearing.id, action="qr"),
            )
        rows.append(1 if hearing.is_cancelled else 2)
    builder.button(text=tr("hearing-button-back"), callback_data=HearingsPageCb(page=0))
    rows.append(1)
    return _markup(builder.adjust(*rows))


def my_signups(tr: Translator, hearings: list[tuple[int, str]]) -> InlineKeyboardMarkup:
    builder = ButtonGrid()
    for hearing_id, title in hearings:
        label = title if len(title) <= 60 else title[:59] + "…"
        builder.button(text=label, callback_data=HearingCb(id=hearing_id, action="open"))
    return _markup(builder.adjust(1))


def open_hearing(tr: Translator, hearing_id: int) -> InlineKeyboardMarkup:
    builder = ButtonGrid()
    builder.button(
        text=tr("hearing-button-open"), callback_data=HearingCb(id=hearing_id, action="open")
    )
    return _markup(builder)


def reminder(tr: Translator, hearing_id: int) -> InlineKeyboardMarkup:
    builder = ButtonGrid()
    builder.button(text=tr("reminder-coming"), callback_data=AttendCb(id=hearing_id, coming=True))
    builder.button(
        text=tr("reminder-not-coming"), callback_data=AttendCb(id=hearing_id, coming=False)
    )
    return _markup(builder.adjust(2))


def chambers(tr: Translator) -> InlineKeyboardMarkup:
    builder = ButtonGrid()
    for code in CHAMBERS:
        builder.button(
            text=tr(f"chamber-{code}"), callback_data=FormCb(action="chamber", value=code)
        )
    return _markup(builder.adjust(1))


def committee_suggestions(names: list[str]) -> ReplyKeyboardMarkup | ReplyKeyboardRemove:
    """Names typed before, as one-tap answers; typing a new one works as well."""
    if not names:
        return ReplyKeyboardRemove()
    return ReplyKeyboardMarkup(
        keyboard=[[KeyboardButton(text=name[:100])] for name in names],
        resize_keyboard=True,
        one_time_keyboard=True,
    )


def skip(tr: Translator, field: str) -> InlineKeyboardMarkup:
    """Skip this question: the field rides along, so an earlier question's button, still
    on the screen (or the second tap of this one), cannot skip the next."""
    builder = ButtonGrid()
    builder.button(text=tr("form-skip"), callback_data=FormCb(action="skip", value=field))
    return _markup(builder)


def form_preview(tr: Translator) -> InlineKeyboardMarkup:
    builder = ButtonGrid()
    builder.button(text=tr("form-publish"), callback_data=FormCb(action="publish"))
    builder.button(text=tr("form-edit"), callback_data=FormCb(action="edit"))
    builder.button(text=tr("form-discard"), callback_data=FormCb(action="discard"))
    return _markup(builder.adjust(1, 2))


def form_fields(tr: Translator, fields: tuple[str, ...]) -> InlineKeyboardMarkup:
    """Which field of the draft to change, from the preview."""
    builder = ButtonGrid()
    for field in fields:
        builder.button(
            text=tr(f"form-field-{field.replace('_', '-')}"),
            callback_data=FormCb(action="field", value=field),
        )
    builder.button(text=tr("button-back"), callback_data=FormCb(action="back"))
    return _markup(builder.adjust(2))


def hearing_fields(
    tr: Translator, hearing_id: int, fields: tuple[str, ...]
) -> InlineKeyboardMarkup:
    """Which field of a published hearing to change."""
    builder = ButtonGrid()
    for field in fields:
        builder.button(
            text=tr(f"form-field-{field.replace('_', '-')}"),
            callback_data=HearingFieldCb(id=hearing_id, field=field),
        )
    builder.button(text=tr("button-back"), callback_data=HearingCb(id=hearing_id, action="open"))
    return _markup(builder.adjust(2))


def checkin_code(tr: Translator, hearing_id: int, token_tag: str) -> InlineKeyboardMarkup:
    builder = ButtonGrid()
    builder.button(
        text=tr("checkin-button-replace"),
        callback_data=CheckinCb(hearing_id=hearing_id, tag=token_tag),
    )
    return _markup(builder)


def open_marking(tr: Translator, hearing_id: int) -> InlineKeyboardMarkup:
    builder = ButtonGrid()
    builder.button(
        text=tr("attendance-button-mark"),
        callback_data=HearingCb(id=hearing_id, action="attendance"),
    )
    return _markup(builder)


def marking(
    tr: Translator, hearing_id: int, seats: list[Seat], page: int, pages: int, first: int
) -> InlineKeyboardMarkup:
    """One button per person on the page: ☑️ attended, ⬜ not (yet); tap to change."""
    builder = ButtonGrid()
    for number, seat in enumerate(seats, start=first):
        came = seat.attended_at is not None
        name = seat.full_name or tr("people-anonymous")
        label = f"{'☑️' if came else '⬜'} {number}. {name}"
        builder.button(
            text=label if len(label) <= 60 else label[:59] + "…",
            callback_data=MarkCb(
                hearing_id=hearing_id, user_id=seat.user_id, attended=not came, page=page
            ),
        )
    sizes = [1] * len(seats)
    if page > 0:
        builder.button(
            text=tr("button-previous"),
            callback_data=MarkPageCb(hearing_id=hearing_id, page=page - 1),
        )
    if page + 1 < pages:
        builder.button(
            text=tr("button-next"), callback_data=MarkPageCb(hearing_id=hearing_id, page=page + 1)
        )
    sizes.append(2)
    return _markup(builder.adjust(*sizes))
