"""A chat message as the demo page shows it: Telegram's text + entities turned into safe
HTML, media as links to the stand-in's stored files, buttons as plain data."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

from standin.chats import StoredMessage

# Entity type -> (opening tag, closing tag). Anything else is shown as plain text.
_TAGS = {
    "bold": ("<b>", "</b>"),
    "italic": ("<i>", "</i>"),
    "underline": ("<u>", "</u>"),
    "strikethrough": ("<s>", "</s>"),
    "spoiler": ('<span class="spoiler">', "</span>"),
    "code": ("<code>", "</code>"),
    "pre": ("<pre>", "</pre>"),
    "blockquote": ("<blockquote>", "</blockquote>"),
    "expandable_blockquote": ("<blockquote>", "</blockquote>"),
    "text_mention": ("<b>", "</b>"),
}
_SAFE_SCHEMES = ("http://", "https://", "tg://", "mailto:")


def entities_to_html(text: str, entities: list[dict[str, Any]] | None) -> str:
    """Telegram's offsets count UTF-16 code units, so the text is walked in those."""
    units = text.encode("utf-16-le")
    opens: dict[int, list[tuple[int, dict[str, Any]]]] = {}
    for index, entity in enumerate([*(entities or ()), *_bare_links(text, entities or [])]):
        opens.setdefault(int(entity["offset"]), []).append((index, entity))
    out: list[str] = []
    stack: list[tuple[int, str]] = []  # (end offset, closing tag)
    position = 0
    length = len(units) // 2
    while position <= length:
        while stack and stack[-1][0] <= position:
            out.append(stack.pop()[1])
        # Longer entities open first, so the ones inside them close first.
        for _, entity in sorted(opens.get(position, ()), key=lambda item: -item[1]["length"]):
            tags = _tags(entity, _slice(units, position, entity["length"]))
            if tags is not None:
                out.append(tags[0])
                stack.append((position + int(entity["length"]), tags[1]))
        if position == length:
            break
        step = 2 if 0xD800 <= _unit(units, position) <= 0xDBFF else 1
        out.append(html.escape(_slice(units, position, step), quote=False))
        position += step
    out.extend(tag for _, tag in reversed(stack))
    return "".join(out)


_BARE_URL = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:!?)»”]")
_NOT_INSIDE = ("code", "pre", "url", "text_link")


def _bare_links(text: str, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Links typed as plain text: Telegram makes them `url` entities; the stand-in does
    not. Only where they cross no other entity's edge, so the HTML stays nested."""
    found = []
    for match in _BARE_URL.finditer(text):
        start = len(text[: match.start()].encode("utf-16-le")) // 2
        end = start + len(match.group().encode("utf-16-le")) // 2
        clashes = False
        for entity in entities:
            first, last = int(entity["offset"]), int(entity["offset"]) + int(entity["length"])
            if last <= start or first >= end:
                continue
            clashes = entity["type"] in _NOT_INSIDE or not (first <= start and end <= last)
            if clashes:
                break
        if not clashes:
            found.append({"type": "url", "offset": start, "length": end - start})
    return found


def _unit(units: bytes, position: int) -> int:
    return int.from_bytes(units[position * 2 : position * 2 + 2], "little")


def _slice(units: bytes, start: int, count: int) -> str:
    return units[start * 2 : (start + count) * 2].decode("utf-16-le")


def _tags(entity: dict[str, Any], inner: str) -> tuple[str, str] | None:
    kind = entity["type"]
    if kind in ("text_link", "url"):
        href = entity.get("url", inner) if kind == "text_link" else inner
        if not href.startswith(_SAFE_SCHEMES):
            href = "https://" + href
        link = html.escape(href, quote=True)
        return (f'<a href="{link}" target="_blank" rel="noopener noreferrer">', "</a>")
    return _TAGS.get(kind)


def message_json(
    stored: StoredMessage, file_url: Callable[[str], str], stamp: str | None
) -> dict[str, Any]:
    """What the page needs to draw one message."""
    message = stored.message
    text = message.get("text") or message.get("caption") or ""
    entities = message.get("entities") or message.get("caption_entities")
    shown: dict[str, Any] = {
        "id": message["message_id"],
        "from_bot": stored.from_bot,
        "html": entities_to_html(text, entities),
        "edited": "edit_date" in message,
        "time": stamp,
        "media_group": message.get("media_group_id"),
    }
    if photo := message.get("photo"):
        shown["photo"] = file_url(photo[-1]["file_id"])
    for kind in ("document", "video", "voice", "audio", "animation"):
        if media := message.get(kind):
            shown["file"] = {
                "kind": kind,
                "name": media.get("file_name") or kind,
                "url": file_url(media["file_id"]),
            }
    if contact := message.get("contact"):
        shown["contact"] = contact["phone_number"]
    if sticker := message.get("sticker"):
        shown["sticker"] = sticker.get("emoji", "")
    if location := message.get("location"):
        shown["location"] = [location["latitude"], location["longitude"]]
    markup = stored.reply_markup or {}
    shown["buttons"] = [
        [_button(button) for button in row] for row in markup.get("inline_keyboard", ())
    ]
    return shown


def _button(button: dict[str, Any]) -> dict[str, Any]:
    shown: dict[str, Any] = {"text": button["text"]}
    if "callback_data" in button:
        shown["data"] = button["callback_data"]
    for kind in ("url", "login_url", "web_app"):
        if kind in button:
            target = button[kind]
            shown["url"] = target if isinstance(target, str) else target.get("url")
    if "copy_text" in button:
        shown["copy"] = button["copy_text"].get("text", "")
    return shown
