"""Where reports and urgent alerts reach coordinators: COORDINATOR_CHAT_ID when set,
otherwise every coordinator privately. Also sends a whole report, albums as albums."""

from __future__ import annotations

import logging
from itertools import groupby

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import (
    InputMediaDocument,
    InputMediaPhoto,
    InputMediaVideo,
    MediaUnion,
)

from bot.config import Settings
from bot.i18n import Locales, Translator
from bot.repositories.coordinators import CoordinatorRepository
from bot.repositories.hearings import Hearing
from bot.repositories.reports import Attachment, Report, ReportRepository
from bot.repositories.users import User, UserRepository
from bot.services.report_form import ReportForm
from bot.ui import reports as report_ui

log = logging.getLogger(__name__)

CAPTION_LIMIT = 1024
TEXT_CHUNK = 3900  # under Telegram's 4,096, leaving room for a header
ALBUM_LIMIT = 10  # sendMediaGroup takes 2 to 10 items


class ReviewDesk:
    def __init__(self, bot: Bot, locales: Locales, settings: Settings, form: ReportForm) -> None:
        self._bot = bot
        self._locales = locales
        self._settings = settings
        self.form = form

    async def _audience(
        self, users: UserRepository, coordinators: CoordinatorRepository
    ) -> list[tuple[int, Translator]]:
        """The coordinators' group in the default language, or each coordinator in theirs."""
        if self._settings.coordinator_chat_id is not None:
            return [
                (
                    self._settings.coordinator_chat_id,
                    self._locales.get(self._settings.default_language),
                )
            ]
        ids = sorted(set(self._settings.admin_ids) | set(await coordinators.all_ids()))
        audience = []
        for user_id in ids:
            user = await users.get(user_id)
            audience.append((user_id, self._locales.get(user.language if user else "")))
        return audience

    async def post_report(
        self,
        report: Report,
        hearing: Hearing,
        observer: User | None,
        reports: ReportRepository,
        users: UserRepository,
        coordinators: CoordinatorRepository,
    ) -> None:
        """A new report gets cards; a resubmitted one has its cards brought up to date."""
        existing = await reports.cards(report.id)
        if existing:
            await self.update_cards(report, hearing, observer, existing, users)
            return
        for chat_id, tr in await self._audience(users, coordinators):
            try:
                sent = await self._bot.send_message(
                    chat_id,
                    self._card_text(tr, report, hearing, observer),
                    reply_markup=report_ui.review_buttons(tr, report),
                )
            except TelegramAPIError as error:
                log.warning(
                    "report card not delivered chat=%d error=%s", chat_id, type(error).__name__
                )
                continue
            await reports.save_card(report.id, chat_id, sent.message_id)

    async def update_cards(
        self,
        report: Report,
        hearing: Hearing,
        observer: User | None,
        cards: list[tuple[int, int]],
        users: UserRepository,
    ) -> None:
        for chat_id, message_id in cards:
            tr = await self._translator_for(chat_id, users)
            try:
                await self._bot.edit_message_text(
                    text=self._card_text(tr, report, hearing, observer),
                    chat_id=chat_id,
                    message_id=message_id,
                    reply_markup=report_ui.review_buttons(tr, report),
                )
            except TelegramAPIError as error:
                log.warning(
                    "report card not updated chat=%d error=%s", chat_id, type(error).__name__
                )

    async def _translator_for(self, chat_id: int, users: UserRepository) -> Translator:
        if chat_id < 0:
            return self._locales.get(self._settings.default_language)
        user = await users.get(chat_id)
        return self._locales.get(user.language if user else "")

    def _card_text(
        self, tr: Translator, report: Report, hearing: Hearing, observer: User | None
    ) -> str:
        # No phone number here: the card may be in a group.
        name = observer.full_name if observer else None
        return report_ui.review_card(tr, self.form, report, hearing, name)

    async def post_urgent(
        self,
        hearing: Hearing,
        observer: User,
        text: str,
        photo: str | None,
        users: UserRepository,
        coordinators: CoordinatorRepository,
    ) -> int:
        reached = 0
        for chat_id, tr in await self._audience(users, coordinators):
            alert = tr(
                "urgent-card", title=hearing.title, observer=observer.full_name or "—", text=text
            )
            try:
                if photo and len(alert) <= CAPTION_LIMIT:
                    await self._bot.send_photo(chat_id, photo, caption=alert)
                else:
                    await self._bot.send_message(chat_id, alert)
                    if photo:
                        await self._bot.send_photo(chat_id, photo)
            except TelegramAPIError as error:
                log.warning(
                    "urgent alert not delivered chat=%d error=%s", chat_id, type(error).__name__
                )
                continue
            reached += 1
        return reached

    async def send_whole(
        self,
        chat_id: int,
        tr: Translator,
        report: Report,
        hearing: Hearing,
        observer: User | None,
        files: list[Attachment],
    ) -> None:
        """The full report to one coordinator privately: text, then files as they came."""
        header = tr(
            "review-full",
            number=report.id,
            title=hearing.title,
            observer=(observer.full_name if observer else None) or tr("people-anonymous"),
            phone=(observer.phone if observer else None) or "—",
            status=tr(f"review-status-{report.status}"),
            answers=report_ui.answers_block(tr, self.form, report),
            fingerprint=report.fingerprint or "—",
        )
        await self._bot.send_message(chat_id, header)
        notes = report.notes
        for start in range(0, len(notes), TEXT_CHUNK):
            await self._bot.send_message(chat_id, _escape(notes[start : start + TEXT_CHUNK]))
        for _, group in groupby(files, key=lambda a: a.media_group_id or f"single-{a.id}"):
            await self._send_files(chat_id, list(group))

    async def _send_files(self, chat_id: int, files: list[Attachment]) -> None:
        if len(files) > 1:
            for start in range(0, len(files), ALBUM_LIMIT):
                part = files[start : start + ALBUM_LIMIT]
                media = [m for m in (_media(f) for f in part) if m is not None]
                if len(media) >= 2:
                    await self._bot.send_media_group(chat_id, media)
                else:
                    for item in part:
                        await self._send_one(chat_id, item)
            return
        await self._send_one(chat_id, files[0])

    async def _send_one(self, chat_id: int, item: Attachment) -> None:
        if item.kind == "location" and item.latitude is not None and item.longitude is not None:
            await self._bot.send_location(chat_id, item.latitude, item.longitude)
        elif item.file_id is None:
            return
        elif item.kind == "photo":
            await self._bot.send_photo(chat_id, item.file_id)
        elif item.kind == "video":
            await self._bot.send_video(chat_id, item.file_id)
        elif item.kind == "voice":
            await self._bot.send_voice(chat_id, item.file_id)
        else:
            await self._bot.send_document(chat_id, item.file_id)


def _media(item: Attachment) -> MediaUnion | None:
    if item.file_id is None:
        return None
    if item.kind == "photo":
        return InputMediaPhoto(media=item.file_id)
    if item.kind == "video":
        return InputMediaVideo(media=item.file_id)
    if item.kind == "document":
        return InputMediaDocument(media=item.file_id)
    return None


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
