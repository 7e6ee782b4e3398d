"""Records the test-facing API hands out: calls, violations, bot messages, button presses."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .files import FileStore

__all__ = ["BotMessage", "Call", "CallbackPress", "Violation"]

_MEDIA_KEYS = (
    "photo",
    "document",
    "video",
    "voice",
    "audio",
    "animation",
    "sticker",
    "video_note",
)
_CONTENT_KEYS = ("text", *_MEDIA_KEYS, "location", "venue", "contact", "dice", "poll")


@dataclass(frozen=True, slots=True)
class Violation:
    """A call the real Bot API would reject (or that a well-behaved bot avoids)."""

    method: str
    params: dict[str, Any]
    reason: str

    def __str__(self) -> str:
        return f"{self.method}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Call:
    """One API call as the stand-in answered it."""

    method: str
    params: dict[str, Any]
    status: int
    description: str | None = None
    at: float = field(default_factory=time.monotonic)

    @property
    def ok(self) -> bool:
        return self.status == 200

    @property
    def chat_id(self) -> Any:
        return self.params.get("chat_id")

    def summary(self, width: int = 80) -> str:
        """A one-line description for failure dumps."""
        shown = {
            key: value
            for key, value in self.params.items()
            if key in ("chat_id", "message_id", "text", "caption", "callback_query_id", "data")
        }
        text = f"{self.method} -> {self.status}"
        if self.description:
            text += f" ({self.description})"
        if shown:
            rendered = ", ".join(f"{key}={value!r}" for key, value in shown.items())
            if len(rendered) > width:
                rendered = rendered[: width - 1] + "…"
            text += f" [{rendered}]"
        return text


class BotMessage:
    """A snapshot of a message the bot sent (or edited) in a chat.

    ``message`` is the ``Message`` object exactly as the stand-in returned it to the bot;
    the properties are shortcuts into it.  ``reply_markup`` is the markup the bot *sent*
    (including reply keyboards, which Telegram does not echo back in ``Message``).
    """

    __slots__ = ("_files", "edited", "message", "method", "params", "reply_markup")

    def __init__(
        self,
        message: dict[str, Any],
        *,
        method: str,
        edited: bool,
        reply_markup: dict[str, Any] | None,
        params: dict[str, Any],
        files: FileStore,
    ) -> None:
        self.message = message
        self.method = method
        self.edited = edited
        self.reply_markup = reply_markup
        self.params = params
        self._files = files

    def __repr__(self) -> str:
        what = self.text if self.text is not None else self.caption
        kind = self.content_type
        flag = " edited" if self.edited else ""
        buttons = f" buttons={self.buttons!r}" if self.buttons else ""
        return f"<BotMessage #{self.message_id}{flag} {kind} {what!r}{buttons}>"

    # -- identity
    @property
    def message_id(self) -> int:
        return int(self.message["message_id"])

    @property
    def chat_id(self) -> int:
        return int(self.message["chat"]["id"])

    @property
    def date(self) -> int:
        return int(self.message["date"])

    # -- content
    @property
    def text(self) -> str | None:
        """Plain text after entity parsing (tags removed), or ``None`` for media."""
        return self.message.get("text")

    @property
    def caption(self) -> str | None:
        return self.message.get("caption")

    @property
    def entities(self) -> list[dict[str, Any]]:
        return list(self.message.get("entities") or self.message.get("caption_entities") or [])

    @property
    def raw_text(self) -> str | None:
        """The text/caption as the bot sent it, before entity parsing."""
        value = self.params.get("text", self.params.get("caption"))
        return value if isinstance(value, str) else None

    @property
    def parse_mode(self) -> str | None:
        value = self.params.get("parse_mode")
        return value if isinstance(value, str) else None

    @property
    def content_type(self) -> str:
        for key in _CONTENT_KEYS:
            if key in self.message:
                return key
        return "unknown"

    @property
    def media_group_id(self) -> str | None:
        return self.message.get("media_group_id")

    @property
    def photo(self) -> list[dict[str, Any]] | None:
        return self.message.get("photo")

    @property
    def document(self) -> dict[str, Any] | None:
        return self.message.get("document")

    @property
    def video(self) -> dict[str, Any] | None:
        return self.message.get("video")

    @property
    def voice(self) -> dict[str, Any] | None:
        return self.message.get("voice")

    @property
    def audio(self) -> dict[str, Any] | None:
        return self.message.get("audio")

    @property
    def sticker(self) -> dict[str, Any] | None:
        return self.message.get("sticker")

    @property
    def location(self) -> dict[str, Any] | None:
        return self.message.get("location")

    @property
    def contact(self) -> dict[str, Any] | None:
        return self.message.get("contact")

    @property
    def forward_origin(self) -> dict[str, Any] | None:
        return self.message.get("forward_origin")

    @property
    def reply_to_message_id(self) -> int | None:
        replied = self.message.get("reply_to_message")
        return int(replied["message_id"]) if replied else None

    @property
    def file_id(self) -> str | None:
        """``file_id`` of the media (the largest size for photos)."""
        for key in _MEDIA_KEYS:
            media = self.message.get(key)
            if isinstance(media, list) and media:
                return str(media[-1]["file_id"])
            if isinstance(media, dict):
                return str(media["file_id"])
        return None

    def file_bytes(self) -> bytes:
        """The bytes of the media in this message (``LookupError`` if it has none)."""
        file_id = self.file_id
        stored = self._files.get(file_id) if file_id else None
        if stored is None:
            raise LookupError(f"message #{self.message_id} has no stored file")
        return stored.data

    # -- keyboards
    @property
    def inline_keyboard(self) -> list[list[dict[str, Any]]]:
        markup = self.reply_markup or {}
        rows = markup.get("inline_keyboard")
        return rows if isinstance(rows, list) else []

    @property
    def buttons(self) -> list[str]:
        """Texts of the inline keyboard buttons, row by row."""
        return [button["text"] for row in self.inline_keyboard for button in row]

    def button(self, text: str) -> dict[str, Any]:
        """The inline button with exactly this text (``LookupError`` if absent)."""
        for row in self.inline_keyboard:
            for button in row:
                if button.get("text") == text:
                    return button
        raise LookupError(f"no inline button {text!r} in {self!r}")

    def callback_data(self, text: str) -> str:
        data = self.button(text).get("callback_data")
        if data is None:
            raise LookupError(f"inline button {text!r} has no callback_data")
        return str(data)

    @property
    def reply_buttons(self) -> list[dict[str, Any]]:
        """Reply keyboard buttons as dicts (plain-string buttons become ``{"text": ...}``)."""
        markup = self.reply_markup or {}
        rows = markup.get("keyboard")
        if not isinstance(rows, list):
            return []
        return [
            button if isinstance(button, dict) else {"text": button}
            for row in rows
            for button in row
        ]

    @property
    def removes_reply_keyboard(self) -> bool:
        return bool((self.reply_markup or {}).get("remove_keyboard"))


class CallbackPress:
    """A ``callback_query`` injected by a simulated user; await :meth:`answer`."""

    __slots__ = ("_answered", "answer_params", "chat_id", "data", "id", "message_id", "user_id")

    def __init__(
        self, query_id: str, *, data: str, user_id: int, chat_id: int, message_id: int | None
    ) -> None:
        self.id = query_id
        self.data = data
        self.user_id = user_id
        self.chat_id = chat_id
        self.message_id = message_id
        self.answer_params: dict[str, Any] | None = None
        self._answered = asyncio.Event()

    def __repr__(self) -> str:
        state = "answered" if self.answered else "pending"
        return f"<CallbackPress {self.id} data={self.data!r} {state}>"

    @property
    def answered(self) -> bool:
        return self.answer_params is not None

    def _set_answer(self, params: dict[str, Any]) -> None:
        self.answer_params = params
        self._answered.set()

    async def answer(self, timeout: float = 5.0) -> dict[str, Any]:  # noqa: ASYNC109
        """Wait for the bot's ``answerCallbackQuery``; return its parameters."""
        if self.answer_params is None:
            try:
                async with asyncio.timeout(timeout):  # not wait_for: see server.py
                    await self._answered.wait()
            except TimeoutError:
                raise TimeoutError(
                    f"the bot did not answer callback query {self.id} (data={self.data!r}) "
                    f"within {timeout}s"
                ) from None
        assert self.answer_params is not None
        return self.answer_params
