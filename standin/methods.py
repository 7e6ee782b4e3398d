"""Implementations of the Bot API methods the stand-in supports.

:class:`ApiMethods` is a mixin of :class:`standin.server.BotAPIStandin`; each handler takes
the validated parameters and returns the ``result`` or raises :class:`ApiError`.  Checks
that make a call a *violation* run before anything is looked up or changed, so an
invalid call never has side effects.
"""

from __future__ import annotations

import itertools
import re
import time
from collections import deque
from collections.abc import Callable, Mapping
from typing import Any

from .chats import StandinChat, StandinGroup, StandinUser, StoredMessage
from .errors import ApiError, bad_request
from .files import FileStore, StoredFile, Upload
from .formatting import FormattingError, Rendered, render
from .limits import RateLimiter
from .models import CallbackPress
from .webhook import Webhook, WebhookSender

__all__ = ["ApiMethods", "Handler"]

Handler = Callable[[dict[str, Any]], Any]

_CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
_MEDIA_FIELDS = ("photo", "document", "video", "voice", "audio", "animation", "sticker")
_COPYABLE = (
    "text",
    "entities",
    *_MEDIA_FIELDS,
    "video_note",
    "caption",
    "caption_entities",
    "location",
    "venue",
    "contact",
    "dice",
    "poll",
    "media_group_id",
    "has_media_spoiler",
    "show_caption_above_media",
)
_NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
_PHOTO_SIZES = ((90, 60), (320, 213), (800, 533))
_PROFILE_LIMITS = {"name": 64, "description": 512, "short_description": 120}


def _violation(reason: str) -> ApiError:
    return bad_request(reason, violation=True)


def _now() -> int:
    return int(time.time())


def fake_jpeg(seed: int) -> bytes:
    """A small byte string that starts and ends like a JPEG file."""
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + f"standin-photo-{seed}".encode() + b"\xff\xd9"


class ApiMethods:
    """Method handlers; state attributes are initialised by ``BotAPIStandin.__init__``."""

    bot_id: int
    bot_user: dict[str, Any]
    files: FileStore
    _chats: dict[int, StandinChat]
    _groups_by_username: dict[str, StandinGroup]
    _blocked: set[int]
    _rate: RateLimiter | None
    _callbacks: dict[str, CallbackPress]
    _commands: dict[tuple[str, int | None, int | None, str], list[dict[str, Any]]]
    _menu_buttons: dict[int | None, dict[str, Any]]
    _profile: dict[str, dict[str, str]]
    _uploads: Mapping[str, Upload]
    _photo_sets: dict[str, list[dict[str, Any]]]
    _updates: deque[dict[str, Any]]
    _allowed_updates: frozenset[str] | None
    _webhooks: WebhookSender
    _group_counter: itertools.count[int]
    _callback_counter: itertools.count[int]

    def inject_update(self, payload: dict[str, Any]) -> dict[str, Any]:
        raise NotImplementedError  # provided by BotAPIStandin

    def _handler_table(self) -> dict[str, Handler]:
        table: dict[str, Handler] = {
            "getMe": self._get_me,
            "logOut": self._true,
            "close": self._true,
            "setWebhook": self._set_webhook,
            "deleteWebhook": self._delete_webhook,
            "getWebhookInfo": self._get_webhook_info,
            "sendMessage": self._send_message,
            "editMessageText": self._edit_message_text,
            "editMessageCaption": self._edit_message_caption,
            "editMessageReplyMarkup": self._edit_message_reply_markup,
            "deleteMessage": self._delete_message,
            "deleteMessages": self._delete_messages,
            "answerCallbackQuery": self._answer_callback_query,
            "sendPhoto": lambda p: self._send_media(p, "photo"),
            "sendDocument": lambda p: self._send_media(p, "document"),
            "sendVideo": lambda p: self._send_media(p, "video"),
            "sendVoice": lambda p: self._send_media(p, "voice"),
            "sendAudio": lambda p: self._send_media(p, "audio"),
            "sendAnimation": lambda p: self._send_media(p, "animation"),
            "sendSticker": lambda p: self._send_media(p, "sticker"),
            "sendLocation": self._send_location,
            "sendContact": self._send_contact,
            "sendMediaGroup": self._send_media_group,
            "copyMessage": self._copy_message,
            "copyMessages": self._copy_messages,
            "forwardMessage": self._forward_message,
            "forwardMessages": self._forward_messages,
            "sendChatAction": self._send_chat_action,
            "getFile": self._get_file,
            "getChat": self._get_chat,
            "setMyCommands": self._set_my_commands,
            "getMyCommands": self._get_my_commands,
            "deleteMyCommands": self._delete_my_commands,
            "setChatMenuButton": self._set_chat_menu_button,
            "getChatMenuButton": self._get_chat_menu_button,
            "setMyName": lambda p: self._set_profile(p, "name"),
            "getMyName": lambda p: self._get_profile(p, "name"),
            "setMyDescription": lambda p: self._set_profile(p, "description"),
            "getMyDescription": lambda p: self._get_profile(p, "description"),
            "setMyShortDescription": lambda p: self._set_profile(p, "short_description"),
            "getMyShortDescription": lambda p: self._get_profile(p, "short_description"),
        }
        return {name.lower(): handler for name, handler in table.items()}

    # ------------------------------------------------------------------ helpers

    def _true(self, params: dict[str, Any]) -> bool:
        return True

    def is_blocked(self, user_id: int) -> bool:
        return user_id in self._blocked

    def _chat(self, chat_id: Any) -> StandinChat:
        """The chat ``chat_id`` refers to, or 400 "chat not found"."""
        chat: StandinChat | None = None
        if isinstance(chat_id, int):
            chat = self._chats.get(chat_id)
        elif isinstance(chat_id, str) and chat_id.startswith("@"):
            chat = self._groups_by_username.get(chat_id[1:].lower())
        if chat is None:
            raise bad_request("chat not found")
        return chat

    def _target(self, chat_id: Any, *, sending: bool = False) -> StandinChat:
        """A chat the bot writes to: known, not blocked, within flood limits."""
        chat = self._chat(chat_id)
        if chat.id in self._blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        if sending and self._rate is not None:
            retry_after = self._rate.check(chat.id, chat.is_group)
            if retry_after is not None:
                raise ApiError(
                    429, f"Too Many Requests: retry after {retry_after}", retry_after=retry_after
                )
        return chat

    def _render(
        self,
        params: dict[str, Any],
        key: str,
        *,
        entities_key: str,
        limit: int,
        label: str,
        required: bool,
    ) -> Rendered | None:
        """Parse ``params[key]`` with its parse mode; enforce Telegram's length limits."""
        text = params.get(key)
        if text is None:
            if required:
                raise _violation(f"{label} is empty")
            return None
        try:
            rendered = render(text, params.get("parse_mode"), params.get(entities_key))
        except FormattingError as error:
            raise _violation(str(error)) from None
        if required and not rendered.text.strip():
            raise _violation(f"{label} is empty")
        if len(rendered.text) > limit:
            raise _violation(
                f"{label} is too long ({len(rendered.text)} characters after entity parsing, "
                f"limit {limit})"
            )
        return rendered

    def _reply_to(self, chat: StandinChat, params: dict[str, Any]) -> dict[str, Any] | None:
        reply = params.get("reply_parameters")
        if reply is None and "reply_to_message_id" in params:
            reply = {
                "message_id": params["reply_to_message_id"],
                "allow_sending_without_reply": params.get("allow_sending_without_reply", False),
            }
        if reply is None:
            return None
        source = chat
        if "chat_id" in reply:
            source = self._chat(reply["chat_id"])
        stored = source._messages.get(reply["message_id"])
        if stored is None or stored.deleted:
            if reply.get("allow_sending_without_reply"):
                return None
            raise bad_request("message to be replied not found")
        if source is not chat:
            return None  # a reply to another chat is shown as external_reply; not modelled
        return {k: v for k, v in stored.message.items() if k != "reply_to_message"}

    def _post_bot_message(
        self,
        chat: StandinChat,
        content: dict[str, Any],
        params: dict[str, Any],
        method: str,
        reply: dict[str, Any] | None,
    ) -> dict[str, Any]:
        markup = params.get("reply_markup")
        message: dict[str, Any] = {
            "message_id": chat._allocate_id(),
            "from": self.bot_user,
            "chat": chat.chat,
            "date": _now(),
        }
        if reply is not None:
            message["reply_to_message"] = reply
        message.update(content)
        if markup is not None and markup.get("inline_keyboard"):
            message["reply_markup"] = markup
        if params.get("protect_content"):
            message["has_protected_content"] = True
        chat._add_bot_message(message, method=method, reply_markup=markup, params=params)
        return message

    @staticmethod
    def _text_content(rendered: Rendered, key: str, entities_key: str) -> dict[str, Any]:
        content: dict[str, Any] = {key: rendered.text}
        if rendered.entities:
            content[entities_key] = rendered.entities
        return content

    def _new_media_group_id(self) -> str:
        return str(13_000_000_000_000_000 + next(self._group_counter))

    # ------------------------------------------------------------------ files

    def _photo_sizes(self, original: StoredFile) -> list[dict[str, Any]]:
        """Three sizes of a photo; the largest is the original bytes."""
        sizes: list[dict[str, Any]] = []
        for index, (width, height) in enumerate(_PHOTO_SIZES):
            last = index == len(_PHOTO_SIZES) - 1
            stored = original if last else self.files.add(original.data, "photo")
            sizes.append(
                {
                    "file_id": stored.file_id,
                    "file_unique_id": stored.file_unique_id,
                    "file_size": stored.file_size,
                    "width": width,
                    "height": height,
                }
            )
        for size in sizes:
            self._photo_sets[size["file_id"]] = sizes
        return sizes

    def _user_photo(self, data: bytes | None) -> list[dict[str, Any]]:
        seed = len(self.files) + 1
        stored = self.files.add(data if data is not None else fake_jpeg(seed), "photo")
        return self._photo_sizes(stored)

    def _resolve_file(self, value: Any, kind: str) -> StoredFile:
        """An upload, an ``attach://`` reference, a known ``file_id`` or an HTTP URL."""
        if isinstance(value, str) and value.startswith("attach://"):
            upload = self._uploads.get(value[len("attach://") :])
            if upload is None:
                raise _violation(f"no file part named {value[9:]!r} attached")
            value = upload
        if isinstance(value, Upload):
            mime = value.content_type
            if mime in (None, "application/octet-stream"):
                mime = None
            return self.files.add(value.data, kind, file_name=value.filename, mime_type=mime)
        if not isinstance(value, str) or not value:
            raise _violation("file must be an upload, a file_id or an HTTP URL")
        if value.startswith(("http://", "https://")):
            name = value.rstrip("/").rsplit("/", 1)[-1] or None
            return self.files.add(b"", kind, file_name=name, url=value)
        stored = self.files.get(value)
        if stored is None:
            raise bad_request("wrong file identifier/HTTP URL specified")
        return stored

    def _media_object(
        self, kind: str, stored: StoredFile, params: Mapping[str, Any], *, reused: bool
    ) -> Any:
        if kind == "photo":
            if reused and stored.file_id in self._photo_sets:
                return self._photo_sets[stored.file_id]
            return self._photo_sizes(stored)
        media: dict[str, Any] = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": stored.file_size,
        }
        if kind in ("document", "video", "audio", "animation") and stored.file_name:
            media["file_name"] = stored.file_name
        if kind in ("document", "video", "audio", "animation", "voice") and stored.mime_type:
            media["mime_type"] = stored.mime_type
        if kind in ("video", "animation"):
            media["width"] = params.get("width", 1280)
            media["height"] = params.get("height", 720)
            media["duration"] = params.get("duration", 1)
        elif kind in ("voice", "audio"):
            media["duration"] = params.get("duration", 1)
            if kind == "voice":
                media.setdefault("mime_type", "audio/ogg")
            for key in ("performer", "title"):
                if key in params:
                    media[key] = params[key]
        elif kind == "sticker":
            media.update(
                {
                    "type": "regular",
                    "width": 512,
                    "height": 512,
                    "is_animated": False,
                    "is_video": False,
                }
            )
            if "emoji" in params:
                media["emoji"] = params["emoji"]
        return media

    # ------------------------------------------------------------------ bot & webhook

    def _get_me(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            **self.bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    def _set_webhook(self, params: dict[str, Any]) -> bool:
        url = str(params["url"])
        if not url:
            return self._delete_webhook(params)
        if not url.startswith("https://"):
            raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        secret = params.get("secret_token")
        if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", str(secret)):
            raise bad_request("bad webhook: secret token contains unallowed characters")
        if params.get("drop_pending_updates"):
            self._updates.clear()
        allowed = params.get("allowed_updates")
        if allowed is not None:
            self._allowed_updates = frozenset(allowed) if allowed else None
        self._webhooks.webhook = Webhook(url, secret, self._allowed_updates)
        self._start_webhook()
        return True

    def _start_webhook(self) -> None:
        raise NotImplementedError  # provided by BotAPIStandin

    def _delete_webhook(self, params: dict[str, Any]) -> bool:
        if params.get("drop_pending_updates"):
            self._updates.clear()
        self._webhooks.webhook = None
        return True

    def _get_webhook_info(self, params: dict[str, Any]) -> dict[str, Any]:
        webhook = self._webhooks.webhook
        info: dict[str, Any] = {
            "url": webhook.url if webhook else "",
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }
        if webhook is not None:
            if webhook.allowed_updates is not None:
                info["allowed_updates"] = sorted(webhook.allowed_updates)
            if webhook.last_error is not None:
                info["last_error_message"] = webhook.last_error
                info["last_error_date"] = webhook.last_error_date
        return info

    # ------------------------------------------------------------------ sending

    def _send_message(self, params: dict[str, Any]) -> dict[str, Any]:
        rendered = self._render(
            params, "text", entities_key="entities", limit=4096, label="message text", required=True
        )
        assert rendered is not None
        chat = self._target(params["chat_id"], sending=True)
        reply = self._reply_to(chat, params)
        content = self._text_content(rendered, "text", "entities")
        return self._post_bot_message(chat, content, params, "sendMessage", reply)

    def _caption(self, params: dict[str, Any]) -> dict[str, Any]:
        rendered = self._render(
            params,
            "caption",
            entities_key="caption_entities",
            limit=1024,
            label="message caption",
            required=False,
        )
        if rendered is None or not rendered.text:
            return {}
        return self._text_content(rendered, "caption", "caption_entities")

    def _send_media(self, params: dict[str, Any], kind: str) -> dict[str, Any]:
        caption = self._caption(params) if kind != "sticker" else {}
        chat = self._target(params["chat_id"], sending=True)
        reply = self._reply_to(chat, params)
        value = params[kind]
        stored = self._resolve_file(value, kind)
        reused = isinstance(value, str) and not value.startswith(("attach://", "http"))
        content: dict[str, Any] = {kind: self._media_object(kind, stored, params, reused=reused)}
        if kind == "animation":
            content["document"] = self._media_object("document", stored, params, reused=reused)
        content.update(caption)
        if params.get("has_spoiler"):
            content["has_media_spoiler"] = True
        method = "send" + kind[0].upper() + kind[1:]
        return self._post_bot_message(chat, content, params, method, reply)

    def _send_location(self, params: dict[str, Any]) -> dict[str, Any]:
        latitude, longitude = params["latitude"], params["longitude"]
        if not -90 <= latitude <= 90 or not -180 <= longitude <= 180:
            raise _violation(f"wrong latitude/longitude ({latitude}, {longitude})")
        chat = self._target(params["chat_id"], sending=True)
        reply = self._reply_to(chat, params)
        location: dict[str, Any] = {"latitude": float(latitude), "longitude": float(longitude)}
        for key in ("horizontal_accuracy", "live_period", "heading", "proximity_alert_radius"):
            if key in params:
                location[key] = params[key]
        return self._post_bot_message(chat, {"location": location}, params, "sendLocation", reply)

    def _send_contact(self, params: dict[str, Any]) -> dict[str, Any]:
        chat = self._target(params["chat_id"], sending=True)
        reply = self._reply_to(chat, params)
        contact = {
            key: params[key]
            for key in ("phone_number", "first_name", "last_name", "vcard")
            if key in params
        }
        return self._post_bot_message(chat, {"contact": contact}, params, "sendContact", reply)

    def _send_media_group(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        media: list[dict[str, Any]] = params["media"]
        if not 2 <= len(media) <= 10:
            raise _violation(f"media group must include 2-10 items, got {len(media)}")
        kinds = [item["type"] for item in media]
        if "animation" in kinds:
            raise _violation("animations can't be sent in a media group")
        for single in ("document", "audio"):
            if single in kinds and any(kind != single for kind in kinds):
                raise _violation(f"{single}s can't be mixed with other media types in an album")
        captions: list[dict[str, Any]] = []
        for item in media:
            caption = item.get("caption")
            if caption:
                rendered = render(caption, item.get("parse_mode"), item.get("caption_entities"))
                captions.append(self._text_content(rendered, "caption", "caption_entities"))
            else:
                captions.append({})
        chat = self._target(params["chat_id"], sending=True)
        reply = self._reply_to(chat, params)
        resolved = [(item, self._resolve_file(item["media"], item["type"])) for item in media]
        group_id = self._new_media_group_id()
        results: list[dict[str, Any]] = []
        for (item, stored), caption in zip(resolved, captions, strict=True):
            kind = item["type"]
            reused = not item["media"].startswith(("attach://", "http"))
            content: dict[str, Any] = {
                kind: self._media_object(kind, stored, item, reused=reused),
                "media_group_id": group_id,
                **caption,
            }
            if item.get("has_spoiler"):
                content["has_media_spoiler"] = True
            results.append(self._post_bot_message(chat, content, params, "sendMediaGroup", reply))
        return results

    def _send_chat_action(self, params: dict[str, Any]) -> bool:
        action = params["action"]
        if action not in _CHAT_ACTIONS:
            raise _violation(f"wrong parameter action in request: {action!r}")
        chat = self._target(params["chat_id"])
        chat.last_action = action
        return True

    # ------------------------------------------------------------------ copy / forward

    def _source_message(self, params: dict[str, Any], message_id: int, what: str) -> StoredMessage:
        source = self._chat(params["from_chat_id"])
        stored = source._messages.get(message_id)
        if stored is None or stored.deleted:
            raise bad_request(f"message to {what} not found")
        return stored

    def _copy_content(self, stored: StoredMessage, params: dict[str, Any]) -> dict[str, Any]:
        content = {key: stored.message[key] for key in _COPYABLE if key in stored.message}
        content.pop("media_group_id", None)
        if "caption" in params or params.get("remove_caption"):
            content.pop("caption", None)
            content.pop("caption_entities", None)
            if "caption" in params:
                content.update(self._caption(params))
        return content

    def _copy_message(self, params: dict[str, Any]) -> dict[str, Any]:
        if "caption" in params:
            self._caption(params)  # limits are violations; check them before anything else
        stored = self._source_message(params, params["message_id"], "copy")
        chat = self._target(params["chat_id"], sending=True)
        reply = self._reply_to(chat, params)
        content = self._copy_content(stored, params)
        message = self._post_bot_message(chat, content, params, "copyMessage", reply)
        return {"message_id": message["message_id"]}

    def _copy_messages(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        ids = self._check_message_ids(params["message_ids"])
        source = self._chat(params["from_chat_id"])
        chat = self._target(params["chat_id"], sending=True)
        results = []
        for message_id in ids:
            stored = source._messages.get(message_id)
            if stored is None or stored.deleted:
                continue
            content = self._copy_content(stored, params)
            posted = self._post_bot_message(chat, content, params, "copyMessages", None)
            results.append({"message_id": posted["message_id"]})
        return results

    def _forward_content(self, stored: StoredMessage) -> dict[str, Any]:
        content = {key: stored.message[key] for key in _COPYABLE if key in stored.message}
        origin = stored.message.get("forward_origin")
        if origin is None:
            sender = stored.message.get("from", self.bot_user)
            origin = {"type": "user", "date": stored.message["date"], "sender_user": sender}
        content["forward_origin"] = origin
        return content

    def _forward_message(self, params: dict[str, Any]) -> dict[str, Any]:
        stored = self._source_message(params, params["message_id"], "forward")
        chat = self._target(params["chat_id"], sending=True)
        content = self._forward_content(stored)
        return self._post_bot_message(chat, content, params, "forwardMessage", None)

    def _forward_messages(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        ids = self._check_message_ids(params["message_ids"])
        source = self._chat(params["from_chat_id"])
        chat = self._target(params["chat_id"], sending=True)
        results = []
        for message_id in ids:
            stored = source._messages.get(message_id)
            if stored is None or stored.deleted:
                continue
            content = self._forward_content(stored)
            posted = self._post_bot_message(chat, content, params, "forwardMessages", None)
            results.append({"message_id": posted["message_id"]})
        return results

    @staticmethod
    def _check_message_ids(ids: list[int]) -> list[int]:
        if not 1 <= len(ids) <= 100:
            raise _violation(f"message_ids must contain 1-100 identifiers, got {len(ids)}")
        if any(b <= a for a, b in itertools.pairwise(ids)):
            raise _violation("message_ids must be in strictly increasing order")
        return ids

    # ------------------------------------------------------------------ editing

    def _edit_target(self, params: dict[str, Any]) -> tuple[StandinChat, StoredMessage]:
        if "inline_message_id" in params:
            raise _violation("inline messages are not implemented in stand-in")
        if "chat_id" not in params or "message_id" not in params:
            raise _violation("message identifier is not specified (chat_id and message_id)")
        chat = self._target(params["chat_id"])
        stored = chat._messages.get(params["message_id"])
        if stored is None or stored.deleted:
            raise bad_request("message to edit not found")
        if not stored.from_bot:
            raise _violation("message can't be edited (it was not sent by the bot)")
        return chat, stored

    def _apply_edit(
        self,
        chat: StandinChat,
        stored: StoredMessage,
        params: dict[str, Any],
        method: str,
        changes: dict[str, Any],
        removed: tuple[str, ...],
    ) -> dict[str, Any]:
        old = stored.message
        markup = params.get("reply_markup")
        if markup is not None and not markup.get("inline_keyboard"):
            markup = None  # an empty inline keyboard removes the keyboard
        unchanged = all(old.get(key) == value for key, value in changes.items()) and all(
            key not in old for key in removed
        )
        if unchanged and old.get("reply_markup") == markup:
            raise _violation(_NOT_MODIFIED)
        message = {k: v for k, v in old.items() if k not in removed and k != "reply_markup"}
        message.update(changes)
        if markup is not None:
            message["reply_markup"] = markup
        message["edit_date"] = _now()
        chat._replace(stored, message, method=method, reply_markup=markup, params=params)
        return message

    def _edit_message_text(self, params: dict[str, Any]) -> dict[str, Any]:
        if "rich_message" in params:
            raise _violation("rich messages are not implemented in stand-in")
        rendered = self._render(
            params, "text", entities_key="entities", limit=4096, label="message text", required=True
        )
        assert rendered is not None
        chat, stored = self._edit_target(params)
        if "text" not in stored.message:
            raise _violation("there is no text in the message to edit")
        changes = self._text_content(rendered, "text", "entities")
        removed = () if rendered.entities else ("entities",)
        return self._apply_edit(chat, stored, params, "editMessageText", changes, removed)

    def _edit_message_caption(self, params: dict[str, Any]) -> dict[str, Any]:
        caption = self._caption(params)
        chat, stored = self._edit_target(params)
        if "text" in stored.message:
            raise _violation("there is no caption in the message to edit")
        removed = tuple(key for key in ("caption", "caption_entities") if key not in caption)
        return self._apply_edit(chat, stored, params, "editMessageCaption", caption, removed)

    def _edit_message_reply_markup(self, params: dict[str, Any]) -> dict[str, Any]:
        chat, stored = self._edit_target(params)
        return self._apply_edit(chat, stored, params, "editMessageReplyMarkup", {}, ())

    def _delete_message(self, params: dict[str, Any]) -> bool:
        chat = self._chat(params["chat_id"])
        stored = chat._messages.get(params["message_id"])
        if stored is None or stored.deleted:
            raise bad_request("message to delete not found")
        chat._delete(stored)
        return True

    def _delete_messages(self, params: dict[str, Any]) -> bool:
        ids: list[int] = params["message_ids"]
        if not 1 <= len(ids) <= 100:
            raise _violation(f"message_ids must contain 1-100 identifiers, got {len(ids)}")
        chat = self._chat(params["chat_id"])
        for message_id in ids:
            stored = chat._messages.get(message_id)
            if stored is not None and not stored.deleted:
                chat._delete(stored)
        return True

    # ------------------------------------------------------------------ callbacks

    def _press(
        self, user: StandinUser, chat: StandinChat, stored: StoredMessage, data: str
    ) -> CallbackPress:
        query_id = str(4_000_000_000_000_000_000 + next(self._callback_counter))
        message_id = int(stored.message["message_id"])
        press = CallbackPress(
            query_id, data=data, user_id=user.id, chat_id=chat.id, message_id=message_id
        )
        self._callbacks[query_id] = press
        if stored.deleted:
            message: dict[str, Any] = {"chat": chat.chat, "message_id": message_id, "date": 0}
        else:
            message = stored.message
        self.inject_update(
            {
                "callback_query": {
                    "id": query_id,
                    "from": user.user,
                    "message": message,
                    "chat_instance": str(7_000_000_000_000 + abs(chat.id)),
                    "data": data,
                }
            }
        )
        return press

    def _answer_callback_query(self, params: dict[str, Any]) -> bool:
        text = params.get("text")
        if text is not None and len(text) > 200:
            raise _violation(
                f"MESSAGE_TOO_LONG (answerCallbackQuery text is {len(text)} characters, limit 200)"
            )
        press = self._callbacks.get(params["callback_query_id"])
        if press is None:
            raise bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        if press.answered:
            raise _violation(
                "query is too old and response timeout expired or query ID is invalid "
                "(the callback query was already answered)"
            )
        press._set_answer(params)
        return True

    # ------------------------------------------------------------------ files & chats

    def _get_file(self, params: dict[str, Any]) -> dict[str, Any]:
        stored = self.files.get(params["file_id"])
        if stored is None:
            raise bad_request("invalid file_id")
        return stored.as_file()

    def _get_chat(self, params: dict[str, Any]) -> dict[str, Any]:
        chat = self._chat(params["chat_id"])
        return {
            **chat.chat,
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {
                "unlimited_gifts": True,
                "limited_gifts": True,
                "unique_gifts": True,
                "premium_subscription": True,
                "gifts_from_channels": True,
            },
        }

    # ------------------------------------------------------------------ commands & profile

    def _scope_key(
        self, scope: dict[str, Any] | None, language_code: str | None
    ) -> tuple[str, int | None, int | None, str]:
        scope = scope or {"type": "default"}
        chat_id: int | None = None
        if "chat_id" in scope:
            chat_id = self._chat(scope["chat_id"]).id
        user_id = scope.get("user_id")
        return (scope["type"], chat_id, user_id, language_code or "")

    @staticmethod
    def _check_language(params: dict[str, Any]) -> None:
        code = params.get("language_code")
        if code is not None and code != "" and not (len(code) == 2 and code.isalpha()):
            raise _violation(f"language_code must be a two-letter ISO 639-1 code, got {code!r}")

    def _set_my_commands(self, params: dict[str, Any]) -> bool:
        commands: list[dict[str, Any]] = params["commands"]
        if len(commands) > 100:
            raise _violation(f"too many commands ({len(commands)}, at most 100)")
        names = [command["command"] for command in commands]
        if len(set(names)) != len(names):
            raise _violation("commands must be unique")
        self._check_language(params)
        key = self._scope_key(params.get("scope"), params.get("language_code"))
        if commands:
            self._commands[key] = [dict(command) for command in commands]
        else:
            self._commands.pop(key, None)
        return True

    def _get_my_commands(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        self._check_language(params)
        key = self._scope_key(params.get("scope"), params.get("language_code"))
        return list(self._commands.get(key, []))

    def _delete_my_commands(self, params: dict[str, Any]) -> bool:
        self._check_language(params)
        self._commands.pop(self._scope_key(params.get("scope"), params.get("language_code")), None)
        return True

    def _set_chat_menu_button(self, params: dict[str, Any]) -> bool:
        chat_id: int | None = None
        if "chat_id" in params:
            chat_id = self._chat(params["chat_id"]).id
        button = params.get("menu_button") or {"type": "default"}
        self._menu_buttons[chat_id] = button
        return True

    def _get_chat_menu_button(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id: int | None = None
        if "chat_id" in params:
            chat_id = self._chat(params["chat_id"]).id
        button = self._menu_buttons.get(chat_id) or self._menu_buttons.get(None)
        return button or {"type": "commands"}

    def _set_profile(self, params: dict[str, Any], field: str) -> bool:
        self._check_language(params)
        value = params.get(field, "")
        limit = _PROFILE_LIMITS[field]
        if len(value) > limit:
            raise _violation(f"{field} is too long ({len(value)} characters, limit {limit})")
        language = params.get("language_code") or ""
        if value:
            self._profile[field][language] = value
        else:
            self._profile[field].pop(language, None)
        return True

    def _get_profile(self, params: dict[str, Any], field: str) -> dict[str, str]:
        language = params.get("language_code") or ""
        values = self._profile[field]
        value = values.get(language, values.get("", ""))
        if field == "name" and not value:
            value = str(self.bot_user["first_name"])
        return {field: value}
