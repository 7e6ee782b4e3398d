"""Where reports and urgent alerts reach coordinators: COORDINATOR_CHAT_ID when set,
otherwise every coordinator privately, through the outbox the notice worker drains.
Also sends a whole report, albums as albums, to the coordinator who asks."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from contextlib import suppress
from datetime import datetime
from functools import partial
from itertools import groupby

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest
from aiogram.types import (
    InlineKeyboardMarkup,
    InputMediaDocument,
    InputMediaPhoto,
    InputMediaVideo,
    MediaUnion,
)

from bot.config import Settings
from bot.i18n import Locales, Translator
from bot.notifier import is_not_modified
from bot.repositories.coordinators import CoordinatorRepository
from bot.repositories.desk_posts import DeskPost, DeskPostRepository
from bot.repositories.hearings import Hearing, HearingRepository
from bot.repositories.reports import Attachment, Report, ReportRepository
from bot.repositories.users import User, UserRepository
from bot.services.report_form import ReportForm
from bot.ui import reports as report_ui

Send = Callable[[], Awaitable[int]]  # one post's Telegram call(s); the message id

CAPTION_LIMIT = 1024
TEXT_CHUNK = 3900  # under Telegram's 4,096, leaving room for a header
ALBUM_LIMIT = 10  # sendMediaGroup takes 2 to 10 items


class ReviewDesk:
    def __init__(self, bot: Bot, locales: Locales, settings: Settings, form: ReportForm) -> None:
        self._bot = bot
        self._locales = locales
        self._settings = settings
        self.form = form

    async def audience(self, coordinators: CoordinatorRepository) -> list[int]:
        """The coordinators' group, or each coordinator and admin privately."""
        if self._settings.coordinator_chat_id is not None:
            return [self._settings.coordinator_chat_id]
        return sorted(set(self._settings.admin_ids) | set(await coordinators.all_ids()))

    # Queued in the update's transaction, sent by the notice worker (bot/jobs/notices.py),
    # which calls `prepare` for each post.

    async def queue_report(
        self,
        report_id: int,
        posts: DeskPostRepository,
        coordinators: CoordinatorRepository,
        now: datetime,
    ) -> None:
        """A new report gets cards; a resubmitted one has its cards brought up to date."""
        chats = await posts.card_chats(report_id)
        await posts.add_cards(report_id, chats or await self.audience(coordinators), now)

    async def queue_refresh(self, report_id: int, posts: DeskPostRepository, now: datetime) -> None:
        """Every card of the report is to show it as it is now (after a review), those
        still on their way included: a review made while a chat's first card is being
        sent must reach that chat too."""
        await posts.add_cards(report_id, await posts.card_chats(report_id), now)

    async def queue_urgent(
        self,
        urgent_id: int,
        posts: DeskPostRepository,
        coordinators: CoordinatorRepository,
        now: datetime,
    ) -> int:
        """Return how many chats the alert is to reach."""
        return await posts.add_urgent(urgent_id, await self.audience(coordinators), now)

    async def prepare(
        self,
        post: DeskPost,
        reports: ReportRepository,
        hearings: HearingRepository,
        users: UserRepository,
    ) -> Send | None:
        """The call that delivers a post, rendered now from the rows as they are; None
        when there is nothing left to send. The call returns the card's message id."""
        tr = await self._translator_for(post.chat_id, users)
        if post.report_id is not None:
            report = await reports.get(post.report_id)
            hearing = None if report is None else await hearings.get(report.hearing_id)
            if report is None or hearing is None or report.status == "draft":
                return None
            observer = await users.get(report.user_id)
            text = self._card_text(tr, report, hearing, observer)
            markup = report_ui.review_buttons(tr, report)
            shown = dict(await reports.cards(report.id)).get(post.chat_id)
            return partial(self._show_card, post.chat_id, shown, text, markup)
        assert post.urgent_id is not None
        alert = await reports.urgent(post.urgent_id)
        hearing = None if alert is None else await hearings.get(alert.hearing_id)
        if alert is None or hearing is None:
            return None
        observer = await users.get(alert.user_id)
        text = tr(
            "urgent-card",
            title=hearing.title,
            observer=(observer.full_name if observer else None) or "—",
            text=alert.text,
        )
        return partial(self._send_urgent, post.chat_id, text, alert.photo_file_id)

    async def _show_card(
        self, chat_id: int, shown: int | None, text: str, markup: InlineKeyboardMarkup
    ) -> int:
        if shown is None:
            sent = await self._bot.send_message(chat_id, text, reply_markup=markup)
            return sent.message_id
        try:
            await self._bot.edit_message_text(
                text=text, chat_id=chat_id, message_id=shown, reply_markup=markup
            )
        except TelegramBadRequest as error:
            if not is_not_modified(error):
                raise
        return shown

    async def _send_urgent(self, chat_id: int, alert: str, photo: str | None) -> int:
        if photo and len(alert) <= CAPTION_LIMIT:
            return (await self._bot.send_photo(chat_id, photo, caption=alert)).message_id
        sent = await self._bot.send_message(chat_id, alert)
        if photo:  # the alert has arrived: the photo is a best effort, never sent twice
            with suppress(TelegramAPIError):
                await self._bot.send_photo(chat_id, photo)
        return sent.message_id

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

    async def send_whole(
        self,
        chat_id: int,
        tr: Translator,
        report: Report,
        hearing: Hearing,
        observer: User | None,
        files: list[Attachment],
        *,
        unsent: bool = False,
    ) -> None:
        """The full report to one coordinator privately: text, then files as they came.

        `unsent`: the observer changed it after sending; what is shown is the content as
        it is now, which its fingerprint does not cover, and the coordinator is told so.
        """
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
        if unsent:
            header = f"{header}\n\n{tr('review-unsent-changes')}"
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
