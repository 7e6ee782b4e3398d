"""Callback data of every inline button (each well under Telegram's 64-byte limit)."""

from __future__ import annotations

from typing import Annotated

from aiogram.filters.callback_data import CallbackData
from pydantic import Field

# Ids from forged buttons beyond SQLite's integers must not reach a query.
Id = Annotated[int, Field(ge=0, le=2**62)]


class LanguageCb(CallbackData, prefix="lang"):
    code: str
    onboarding: bool = False  # True on the /start greeting: continue to the consent


class ConsentCb(CallbackData, prefix="consent"):
    accept: bool


class RegionCb(CallbackData, prefix="region"):
    code: str


class InterestCb(CallbackData, prefix="interest"):
    code: str  # an interest code, or "done"


class SummaryCb(CallbackData, prefix="summary"):
    action: str  # confirm | edit | field | back
    field: str = ""


class ProfileCb(CallbackData, prefix="profile"):
    field: str  # name | phone | region | interests | language


class ForgetCb(CallbackData, prefix="forget"):
    confirm: bool


class MenuCb(CallbackData, prefix="menu"):
    item: str  # profile | language | help | register


class HearingsPageCb(CallbackData, prefix="hl"):
    page: Id


class HearingCb(CallbackData, prefix="h"):
    id: Id
    # open | signup | leave | ics | back, and for coordinators: edit | stop | people | qr |
    # attendance
    action: str


class AttendCb(CallbackData, prefix="att"):
    id: Id
    coming: bool


class FormCb(CallbackData, prefix="hf"):
    action: str  # chamber | committee | skip | publish | edit | discard | field | back
    value: str = ""


class HearingFieldCb(CallbackData, prefix="he"):
    id: Id
    field: str


class ReportCb(CallbackData, prefix="rp"):
    id: Id  # report id
    # answer | skip | back | done | submit | edit | goto | discard | discard-yes | resume
    action: str
    value: str = ""


class ReportHearingCb(CallbackData, prefix="rh"):
    hearing: Id


class ReviewCb(CallbackData, prefix="rv"):
    id: Id
    action: str  # open | accept | return


class QueueCb(CallbackData, prefix="rq"):
    page: Id
    hearing: Id = 0  # 0: all hearings


class AdminCb(CallbackData, prefix="adm"):
    action: str  # add | remove | audit
    user: Id = 0


class BroadcastCb(CallbackData, prefix="bc"):
    # everyone | screen | toggle | hearings | hearing | part | no-hearing | coordinators
    # | preview | back | send | schedule | discard | stop | failures
    action: str
    value: str = ""
    id: Id = 0  # a hearing (hearing, part) or a broadcast (stop, failures)


class CheckinCb(CallbackData, prefix="ci"):
    """Replace a hearing's check-in code: `tag` names the code the button was shown with."""

    hearing_id: Id
    tag: str


class MarkCb(CallbackData, prefix="am"):
    """Set (not toggle) a person's attendance, so a double tap does it once."""

    hearing_id: Id
    user_id: Id
    attended: bool
    page: Annotated[int, Field(ge=0, le=10_000)]


class MarkPageCb(CallbackData, prefix="ap"):
    hearing_id: Id
    page: Annotated[int, Field(ge=0, le=10_000)]


class StatsCb(CallbackData, prefix="st"):
    action: str  # refresh | hearings


class HearingStatsCb(CallbackData, prefix="hs"):
    hearing_id: Id


class ExportCb(CallbackData, prefix="ex"):
    # dataset (value: its code) | filter (value: all | recent | hearing) | hearing (id) |
    # format (value: xlsx | csv)
    action: str
    value: str = ""
    id: Id = 0
