"""Callback data of every inline button (each well under Telegram's 64-byte limit)."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


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
    page: int


class HearingCb(CallbackData, prefix="h"):
    id: int
    # open | signup | leave | ics | back | edit | stop | people (the last three: coordinators)
    action: str


class AttendCb(CallbackData, prefix="att"):
    id: int
    coming: bool


class FormCb(CallbackData, prefix="hf"):
    action: str  # chamber | committee | skip | publish | edit | discard | field | back
    value: str = ""


class HearingFieldCb(CallbackData, prefix="he"):
    id: int
    field: str


class ReportCb(CallbackData, prefix="rp"):
    id: int  # report id
    # answer | skip | back | done | submit | edit | goto | discard | discard-yes | resume
    action: str
    value: str = ""


class ReportHearingCb(CallbackData, prefix="rh"):
    hearing: int


class ReviewCb(CallbackData, prefix="rv"):
    id: int
    action: str  # open | accept | return


class QueueCb(CallbackData, prefix="rq"):
    page: int
    hearing: int = 0  # 0: all hearings
