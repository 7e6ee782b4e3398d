"""Simulated chats: a private chat per user (:class:`StandinUser`) and groups.

Every chat keeps the messages posted in it (by users and by the bot) and a queue of
events — a :class:`~standin.models.BotMessage` each time the bot sends or edits a message —
that tests consume with :meth:`StandinChat.next_message`.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections import deque
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

from .formatting import utf16_len
from .models import BotMessage, CallbackPress

if TYPE_CHECKING:
    from .server import BotAPIStandin

__all__ = ["OWN_ID", "StandinChat", "StandinGroup", "StandinUser", "StoredMessage"]

_COMMAND_RE = re.compile(r"/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,64})?")


class _OwnId:
    """Sentinel: "the sending user's own id" (default of ``send_contact(user_id=...)``)."""

    _instance: _OwnId | None = None

    def __new__(cls) -> _OwnId:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "OWN_ID"


OWN_ID: Final = _OwnId()


class StoredMessage:
    """A message in a chat; ``message`` is replaced (never mutated) when edited."""

    __slots__ = ("deleted", "from_bot", "message", "method", "params", "reply_markup")

    def __init__(
        self,
        message: dict[str, Any],
        *,
        from_bot: bool,
        method: str = "",
        reply_markup: dict[str, Any] | None = None,
        params: dict[str, Any] | None = None,
    ) -> None:
        self.message = message
        self.from_bot = from_bot
        self.method = method
        self.reply_markup = reply_markup
        self.params = params or {}
        self.deleted = False

    @property
    def has_inline_keyboard(self) -> bool:
        markup = self.reply_markup
        return bool(markup and markup.get("inline_keyboard"))


class StandinChat:
    """State of one chat and the observation API shared by users and groups."""

    def __init__(self, server: BotAPIStandin, chat: dict[str, Any]) -> None:
        self._server = server
        self.id: int = int(chat["id"])
        #: the ``Chat`` object embedded in messages of this chat
        self.chat: dict[str, Any] = chat
        self._messages: dict[int, StoredMessage] = {}
        self._keyboards: dict[int, None] = {}  # ordered set: bot messages with inline buttons
        self._bot_ids: list[int] = []
        self._last_id = 0
        self._events: deque[BotMessage] = deque()
        self._signal = asyncio.Event()
        #: ids of messages the bot deleted, in order
        self.deleted: list[int] = []
        #: the reply keyboard currently shown (last ``ReplyKeyboardMarkup`` sent, until removed)
        self.reply_keyboard: dict[str, Any] | None = None
        #: the last ``sendChatAction`` action
        self.last_action: str | None = None

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.id}>"

    @property
    def is_group(self) -> bool:
        return self.chat.get("type") in ("group", "supergroup")

    # ------------------------------------------------------------------ observing

    async def next_message(self, timeout: float = 5.0) -> BotMessage:  # noqa: ASYNC109
        """The next message the bot sent or edited here (waits up to ``timeout`` seconds).

        Raises :class:`TimeoutError` with a dump of recent calls when nothing arrives.
        """
        if not self._events:
            loop = asyncio.get_running_loop()
            deadline = loop.time() + timeout
            while not self._events:
                remaining = deadline - loop.time()
                if remaining <= 0:
                    raise TimeoutError(
                        f"no message from the bot in chat {self.id} within {timeout}s\n"
                        + self._server.describe_recent()
                    )
                self._signal.clear()
                try:
                    async with asyncio.timeout(remaining):  # not wait_for: see server.py
                        await self._signal.wait()
                except TimeoutError:
                    continue
        return self._events.popleft()

    async def expect_no_message(self, within: float = 0.5) -> None:
        """Fail with :class:`AssertionError` if the bot sends or edits anything here."""
        try:
            message = await self.next_message(timeout=within)
        except TimeoutError:
            return
        raise AssertionError(f"unexpected message from the bot in chat {self.id}: {message!r}")

    def drain(self) -> list[BotMessage]:
        """Drop (and return) the queued events."""
        events = list(self._events)
        self._events.clear()
        return events

    @property
    def pending(self) -> int:
        """Number of queued, not yet consumed events."""
        return len(self._events)

    @property
    def history(self) -> list[BotMessage]:
        """Current state of every bot message still in the chat, oldest first
        (``edited`` is true for messages that were edited)."""
        return [self._current(self._messages[mid]) for mid in self._live_bot_ids()]

    @property
    def last_message(self) -> BotMessage | None:
        """Current state of the newest bot message still in the chat."""
        for mid in reversed(self._bot_ids):
            stored = self._messages[mid]
            if not stored.deleted:
                return self._current(stored)
        return None

    def message(self, message_id: int) -> dict[str, Any] | None:
        """The ``Message`` dict with this id (from the bot or a user), ``None`` if unknown."""
        stored = self._messages.get(message_id)
        return stored.message if stored is not None else None

    def delete_message(self, message_id: int) -> None:
        """Someone deletes a message in this chat (the app's Delete): it can no longer be
        copied, forwarded or edited."""
        stored = self._messages.get(message_id)
        if stored is None:
            raise LookupError(f"no message #{message_id} in chat {self.id}")
        stored.deleted = True
        self._keyboards.pop(message_id, None)
        self._server._chat_changed(self, message_id)

    @property
    def messages(self) -> list[StoredMessage]:
        """Every message still in the chat, the person's and the bot's, oldest first
        (what a chat window shows)."""
        return [stored for stored in self._messages.values() if not stored.deleted]

    def _live_bot_ids(self) -> list[int]:
        return [mid for mid in self._bot_ids if not self._messages[mid].deleted]

    # ------------------------------------------------------------------ internals

    def _allocate_id(self) -> int:
        self._last_id += 1
        return self._last_id

    def _snapshot(self, stored: StoredMessage, *, edited: bool) -> BotMessage:
        return BotMessage(
            stored.message,
            method=stored.method,
            edited=edited,
            reply_markup=stored.reply_markup,
            params=stored.params,
            files=self._server.files,
        )

    def _current(self, stored: StoredMessage) -> BotMessage:
        return self._snapshot(stored, edited="edit_date" in stored.message)

    def _emit(self, stored: StoredMessage, *, edited: bool) -> None:
        event = self._snapshot(stored, edited=edited)
        self._events.append(event)
        self._signal.set()
        self._server._notify(event)
        self._server._chat_changed(self, event.message_id)

    def _add_user_message(self, message: dict[str, Any]) -> None:
        self._messages[int(message["message_id"])] = StoredMessage(message, from_bot=False)
        self._server._chat_changed(self, int(message["message_id"]))

    def _add_bot_message(
        self,
        message: dict[str, Any],
        *,
        method: str,
        reply_markup: dict[str, Any] | None,
        params: dict[str, Any],
    ) -> StoredMessage:
        mid = int(message["message_id"])
        stored = StoredMessage(
            message, from_bot=True, method=method, reply_markup=reply_markup, params=params
        )
        self._messages[mid] = stored
        self._bot_ids.append(mid)
        if stored.has_inline_keyboard:
            self._keyboards[mid] = None
        self._track_reply_keyboard(reply_markup)
        self._emit(stored, edited=False)
        return stored

    def _replace(
        self,
        stored: StoredMessage,
        message: dict[str, Any],
        *,
        method: str,
        reply_markup: dict[str, Any] | None,
        params: dict[str, Any],
    ) -> None:
        stored.message = message
        stored.method = method
        stored.reply_markup = reply_markup
        stored.params = params
        mid = int(message["message_id"])
        self._keyboards.pop(mid, None)
        if stored.has_inline_keyboard:
            self._keyboards[mid] = None
        self._emit(stored, edited=True)

    def _delete(self, stored: StoredMessage) -> None:
        stored.deleted = True
        mid = int(stored.message["message_id"])
        self._keyboards.pop(mid, None)
        self.deleted.append(mid)
        self._server._chat_changed(self, mid)

    def _track_reply_keyboard(self, markup: dict[str, Any] | None) -> None:
        if not markup:
            return
        if "keyboard" in markup:
            self.reply_keyboard = markup
        elif markup.get("remove_keyboard"):
            self.reply_keyboard = None

    def _find_button(self, text: str) -> tuple[StoredMessage, dict[str, Any]]:
        for mid in reversed(self._keyboards):
            stored = self._messages[mid]
            markup = stored.reply_markup or {}
            for row in markup.get("inline_keyboard", ()):
                for button in row:
                    if button.get("text") == text:
                        return stored, button
        visible: list[str] = []
        for mid in list(reversed(self._keyboards))[:5]:
            markup = self._messages[mid].reply_markup or {}
            texts = [
                button.get("text") for row in markup.get("inline_keyboard", ()) for button in row
            ]
            visible.append(f"  message #{mid}: {texts!r}")
        listing = "\n".join(visible) if visible else "  (no bot message with inline buttons)"
        raise LookupError(
            f"no inline button with text {text!r} in chat {self.id}; visible buttons:\n{listing}"
        )

    def _newest_bot_message(self) -> StoredMessage:
        for mid in reversed(self._bot_ids):
            stored = self._messages[mid]
            if not stored.deleted:
                return stored
        raise LookupError(f"the bot has not sent any message in chat {self.id}")


class StandinUser(StandinChat):
    """A simulated Telegram user and their private chat with the bot (chat id == user id).

    Every ``send_*`` method injects an ``Update`` and returns the ``Message`` dict it
    created.  Pass ``chat=group`` to post in a group instead of the private chat.
    """

    def __init__(
        self,
        server: BotAPIStandin,
        user_id: int,
        *,
        first_name: str,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "en",
        is_premium: bool = False,
    ) -> None:
        user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
        chat: dict[str, Any] = {"id": user_id, "type": "private", "first_name": first_name}
        if last_name:
            user["last_name"] = chat["last_name"] = last_name
        if username:
            user["username"] = chat["username"] = username
        if language_code:
            user["language_code"] = language_code
        if is_premium:
            user["is_premium"] = True
        super().__init__(server, chat)
        #: the ``User`` object used as ``from`` in this user's messages
        self.user: dict[str, Any] = user

    @property
    def first_name(self) -> str:
        return str(self.user["first_name"])

    @property
    def blocked(self) -> bool:
        """Whether this user has blocked the bot (see :meth:`BotAPIStandin.block`)."""
        return self._server.is_blocked(self.id)

    # ------------------------------------------------------------------ sending

    def _post(self, content: dict[str, Any], chat: StandinChat | None) -> dict[str, Any]:
        target = chat if chat is not None else self
        message: dict[str, Any] = {
            "message_id": target._allocate_id(),
            "from": self.user,
            "chat": target.chat,
            "date": int(time.time()),
        }
        message.update(content)
        target._add_user_message(message)
        self._server.inject_update({"message": message})
        return message

    def send_text(
        self,
        text: str,
        *,
        entities: list[dict[str, Any]] | None = None,
        reply_to: int | None = None,
        chat: StandinChat | None = None,
    ) -> dict[str, Any]:
        """Send a text message; a leading ``/command`` gets its ``bot_command`` entity."""
        content: dict[str, Any] = {"text": text}
        found = list(entities or [])
        if entities is None:
            match = _COMMAND_RE.match(text)
            if match:
                found.append(
                    {"type": "bot_command", "offset": 0, "length": utf16_len(match.group())}
                )
        if found:
            content["entities"] = found
        if reply_to is not None:
            target = chat if chat is not None else self
            replied = target.message(reply_to)
            if replied is None:
                raise LookupError(f"no message #{reply_to} in chat {target.id}")
            content["reply_to_message"] = {
                k: v for k, v in replied.items() if k != "reply_to_message"
            }
        return self._post(content, chat)

    def send_contact(
        self,
        phone_number: str,
        user_id: int | _OwnId | None = OWN_ID,
        first_name: str | None = None,
        last_name: str | None = None,
        *,
        chat: StandinChat | None = None,
    ) -> dict[str, Any]:
        """Share a contact: by default the user's own (``user_id`` = own id).

        Pass another id to share someone else's contact, or ``user_id=None`` for a contact
        without ``user_id``.
        """
        contact: dict[str, Any] = {
            "phone_number": phone_number,
            "first_name": first_name if first_name is not None else self.first_name,
        }
        if last_name:
            contact["last_name"] = last_name
        if isinstance(user_id, _OwnId):
            contact["user_id"] = self.id
        elif user_id is not None:
            contact["user_id"] = user_id
        return self._post({"contact": contact}, chat)

    def send_photo(
        self,
        caption: str | None = None,
        media_group_id: str | None = None,
        *,
        data: bytes | None = None,
        chat: StandinChat | None = None,
    ) -> dict[str, Any]:
        """Send a photo (three sizes, each with ids and stored bytes)."""
        content: dict[str, Any] = {"photo": self._server._user_photo(data)}
        if caption is not None:
            content["caption"] = caption
        if media_group_id is not None:
            content["media_group_id"] = media_group_id
        return self._post(content, chat)

    def send_album(
        self,
        n: int = 3,
        caption: str | None = None,
        *,
        photos: Sequence[bytes] | None = None,
        chat: StandinChat | None = None,
    ) -> list[dict[str, Any]]:
        """Send ``n`` photos sharing one ``media_group_id`` (caption on the first); with
        ``photos``, one per item of these bytes instead."""
        contents: list[bytes | None] = list(photos) if photos is not None else [None] * n
        if not contents:
            raise ValueError("an album needs at least one photo")
        group_id = self._server._new_media_group_id()
        return [
            self.send_photo(caption if index == 0 else None, group_id, data=data, chat=chat)
            for index, data in enumerate(contents)
        ]

    def send_document(
        self,
        file_name: str = "document.pdf",
        mime_type: str | None = "application/pdf",
        data: bytes = b"%PDF-1.4\n% standin test document\n%%EOF\n",
        caption: str | None = None,
        *,
        chat: StandinChat | None = None,
    ) -> dict[str, Any]:
        """Send a file as a document."""
        stored = self._server.files.add(data, "document", file_name=file_name, mime_type=mime_type)
        document: dict[str, Any] = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_name": file_name,
            "file_size": stored.file_size,
        }
        if stored.mime_type:
            document["mime_type"] = stored.mime_type
        content: dict[str, Any] = {"document": document}
        if caption is not None:
            content["caption"] = caption
        return self._post(content, chat)

    def send_voice(
        self, duration: int = 3, *, data: bytes | None = None, chat: StandinChat | None = None
    ) -> dict[str, Any]:
        """Send a voice note."""
        stored = self._server.files.add(
            data if data is not None else b"OggS\x00standin-voice", "voice", mime_type="audio/ogg"
        )
        voice = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "duration": duration,
            "mime_type": "audio/ogg",
            "file_size": stored.file_size,
        }
        return self._post({"voice": voice}, chat)

    def send_video(
        self,
        duration: int = 5,
        width: int = 1280,
        height: int = 720,
        caption: str | None = None,
        *,
        data: bytes | None = None,
        chat: StandinChat | None = None,
    ) -> dict[str, Any]:
        """Send a video."""
        stored = self._server.files.add(
            data if data is not None else b"\x00\x00\x00\x18ftypmp42standin-video",
            "video",
            mime_type="video/mp4",
        )
        video = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "width": width,
            "height": height,
            "duration": duration,
            "mime_type": "video/mp4",
            "file_size": stored.file_size,
        }
        content: dict[str, Any] = {"video": video}
        if caption is not None:
            content["caption"] = caption
        return self._post(content, chat)

    def send_location(
        self, latitude: float, longitude: float, *, chat: StandinChat | None = None
    ) -> dict[str, Any]:
        """Send a location."""
        return self._post({"location": {"latitude": latitude, "longitude": longitude}}, chat)

    def send_sticker(self, emoji: str = "👍", *, chat: StandinChat | None = None) -> dict[str, Any]:
        """Send a (regular, static) sticker."""
        stored = self._server.files.add(b"RIFF\x00\x00\x00\x00WEBPstandin", "sticker")
        sticker = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
            "file_size": stored.file_size,
        }
        return self._post({"sticker": sticker}, chat)

    def forward_from(
        self,
        origin: dict[str, Any] | StandinUser,
        text: str = "forwarded message",
        *,
        chat: StandinChat | None = None,
    ) -> dict[str, Any]:
        """Forward a text message originally written by ``origin`` (a user dict or user)."""
        sender = origin.user if isinstance(origin, StandinUser) else origin
        forward = {"type": "user", "date": int(time.time()) - 60, "sender_user": sender}
        return self._post({"text": text, "forward_origin": forward}, chat)

    def edit_text(
        self, message_id: int, text: str, *, chat: StandinChat | None = None
    ) -> dict[str, Any]:
        """Edit one of this user's text messages (injects an ``edited_message`` update)."""
        target = chat if chat is not None else self
        stored = target._messages.get(message_id)
        if stored is None or stored.from_bot or stored.message.get("from") != self.user:
            raise LookupError(f"user {self.id} has no message #{message_id} in chat {target.id}")
        edited = {**stored.message, "text": text, "edit_date": int(time.time())}
        edited.pop("entities", None)
        stored.message = edited
        self._server.inject_update({"edited_message": edited})
        return edited

    # ------------------------------------------------------------------ buttons

    def press(self, text: str, *, chat: StandinChat | None = None) -> CallbackPress:
        """Press the inline button labelled exactly ``text`` on the newest bot message
        that has one; raises :class:`LookupError` listing the visible buttons otherwise."""
        target = chat if chat is not None else self
        stored, button = target._find_button(text)
        data = button.get("callback_data")
        if data is None:
            kinds = ", ".join(k for k in button if k != "text")
            raise ValueError(f"inline button {text!r} has no callback_data ({kinds})")
        return self._server._press(self, target, stored, str(data))

    def press_data(
        self, data: str, message_id: int | None = None, *, chat: StandinChat | None = None
    ) -> CallbackPress:
        """Send raw callback ``data`` (forged or stale) on ``message_id`` or the newest bot
        message of the chat."""
        target = chat if chat is not None else self
        if message_id is None:
            stored = target._newest_bot_message()
        else:
            found = target._messages.get(message_id)
            if found is None:
                raise LookupError(f"no message #{message_id} in chat {target.id}")
            stored = found
        return self._server._press(self, target, stored, data)


class StandinGroup(StandinChat):
    """A supergroup the bot is a member of; users post in it via ``group.send_text(user, ...)``
    or ``user.send_*(..., chat=group)``."""

    def __init__(
        self, server: BotAPIStandin, chat_id: int, *, title: str, username: str | None = None
    ) -> None:
        chat: dict[str, Any] = {"id": chat_id, "type": "supergroup", "title": title}
        if username:
            chat["username"] = username
        super().__init__(server, chat)

    @property
    def title(self) -> str:
        return str(self.chat["title"])

    def send_text(self, user: StandinUser, text: str, **kwargs: Any) -> dict[str, Any]:
        """``user`` posts ``text`` in this group."""
        return user.send_text(text, chat=self, **kwargs)

    def press(self, user: StandinUser, text: str) -> CallbackPress:
        """``user`` presses an inline button on a bot message in this group."""
        return user.press(text, chat=self)

    def press_data(
        self, user: StandinUser, data: str, message_id: int | None = None
    ) -> CallbackPress:
        return user.press_data(data, message_id, chat=self)
