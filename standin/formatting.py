"""Entity parsing for ``parse_mode`` = ``HTML``, ``MarkdownV2`` and legacy ``Markdown``.

:func:`render` turns the text a bot sends into what Telegram would store: the plain text
(tags and escapes removed) plus ``MessageEntity`` dicts whose offsets are in UTF-16 code
units.  Text Telegram would refuse raises :class:`FormattingError` with a reason in the
style of the real API ("can't parse entities: ...").

The HTML parser follows Telegram's documented rules closely; the Markdown parsers are a
reasonable approximation (reserved characters, unclosed entities, links).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "FormattingError",
    "Rendered",
    "parse_html",
    "parse_markdown",
    "parse_markdown_v2",
    "render",
    "utf16_len",
]


class FormattingError(ValueError):
    """The text cannot be parsed; ``str(error)`` is the reason (without "Bad Request: ")."""


@dataclass(frozen=True, slots=True)
class Rendered:
    """Plain text after entity parsing, and the entities found in it."""

    text: str
    entities: list[dict[str, Any]] = field(default_factory=list)


def utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 code units (the unit of entity offsets)."""
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le")) // 2


def _byte_offset(src: str, index: int) -> int:
    return len(src[:index].encode("utf-8"))


def render(
    text: str, parse_mode: str | None = None, entities: list[dict[str, Any]] | None = None
) -> Rendered:
    """Parse ``text`` the way Telegram does for the given ``parse_mode`` / ``entities``.

    Explicit ``entities`` win over ``parse_mode`` (as in the Bot API); they are checked to
    lie within the text.
    """
    if entities is not None:
        _check_entities(text, entities)
        return Rendered(text, list(entities))
    if not parse_mode:
        return Rendered(text)
    mode = parse_mode.lower()
    if mode == "html":
        return parse_html(text)
    if mode == "markdownv2":
        return parse_markdown_v2(text)
    if mode == "markdown":
        return parse_markdown(text)
    raise FormattingError(f"unsupported parse_mode {parse_mode!r}")


def _check_entities(text: str, entities: list[dict[str, Any]]) -> None:
    total = utf16_len(text)
    for entity in entities:
        offset = entity.get("offset", 0)
        length = entity.get("length", 0)
        if not isinstance(offset, int) or not isinstance(length, int):
            continue
        if offset < 0 or length < 0 or offset + length > total:
            raise FormattingError(
                f"can't parse entities: entity {entity.get('type')!r} at offset {offset} with "
                f"length {length} is beyond the end of the text ({total} UTF-16 units)"
            )


# --------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------

_HTML_ENTITY_TYPES = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "span": "spoiler",
    "tg-spoiler": "spoiler",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
    "tg-time": "date_time",
}
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_CHAR_REF_RE = re.compile(r"&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{0,31});")
_SPECIAL_HTML_RE = re.compile(r"[<&]")
_UNQUOTED_VALUE_RE = re.compile(r"[A-Za-z0-9.\-_]*")


@dataclass(slots=True)
class _OpenTag:
    tag: str
    offset: int
    entity: dict[str, Any] | None


def _entities_error(reason: str) -> FormattingError:
    """Telegram's wording: "can't parse entities: Unsupported start tag ..."."""
    return FormattingError(f"can't parse entities: {reason[:1].upper()}{reason[1:]}")


_html_error = _entities_error


def _decode_char_ref(src: str, index: int) -> tuple[str, int]:
    """Decode the character reference starting at ``src[index] == "&"``."""
    match = _CHAR_REF_RE.match(src, index)
    if match is None:
        raise _html_error(
            f'unescaped "&" at byte offset {_byte_offset(src, index)}; '
            'write "&amp;" for a literal ampersand'
        )
    body = match.group(1)
    if body[0] == "#":
        code = int(body[2:], 16) if body[1] in "xX" else int(body[1:])
        if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            raise _html_error(
                f'invalid character reference "{match.group(0)}" at byte offset '
                f"{_byte_offset(src, index)}"
            )
        return chr(code), match.end()
    char = _NAMED_ENTITIES.get(body)
    if char is None:
        raise _html_error(
            f'unsupported HTML entity "{match.group(0)}" at byte offset '
            f"{_byte_offset(src, index)}; only &lt; &gt; &amp; &quot; and numeric ones are allowed"
        )
    return char, match.end()


def _decode_attribute(src: str, raw: str) -> str:
    if "&" not in raw:
        return raw
    out: list[str] = []
    i = 0
    while i < len(raw):
        amp = raw.find("&", i)
        if amp < 0:
            out.append(raw[i:])
            break
        out.append(raw[i:amp])
        char, i = _decode_char_ref(raw, amp)
        out.append(char)
    return "".join(out)


def _parse_attributes(src: str, i: int, tag: str, tag_start: int) -> tuple[dict[str, str], int]:
    """Parse attributes from ``src[i]`` up to and including the closing ``>``."""
    n = len(src)
    attrs: dict[str, str] = {}
    while True:
        while i < n and src[i].isspace():
            i += 1
        if i >= n:
            raise _html_error(f"unclosed start tag at byte offset {_byte_offset(src, tag_start)}")
        if src[i] == ">":
            return attrs, i + 1
        name_start = i
        while i < n and not src[i].isspace() and src[i] not in "=>":
            i += 1
        name = src[name_start:i].lower()
        if not name:
            raise _html_error(
                f'empty attribute name in the tag "{tag}" at byte offset '
                f"{_byte_offset(src, tag_start)}"
            )
        while i < n and src[i].isspace():
            i += 1
        if i >= n or src[i] != "=":
            attrs[name] = ""
            continue
        i += 1
        while i < n and src[i].isspace():
            i += 1
        if i >= n:
            raise _html_error(f"unclosed start tag at byte offset {_byte_offset(src, tag_start)}")
        quote = src[i]
        if quote in "\"'":
            end = src.find(quote, i + 1)
            if end < 0:
                raise _html_error(
                    f"unclosed start tag at byte offset {_byte_offset(src, tag_start)}"
                )
            attrs[name] = _decode_attribute(src, src[i + 1 : end])
            i = end + 1
        else:
            match = _UNQUOTED_VALUE_RE.match(src, i)
            end = match.end() if match else i
            if end < n and not (src[end].isspace() or src[end] == ">"):
                raise _html_error(
                    f"unexpected end of name token at byte offset {_byte_offset(src, end)}"
                )
            attrs[name] = src[i:end]
            i = end


def _html_entity(
    tag: str, attrs: dict[str, str], stack: list[_OpenTag], src: str, start: int
) -> dict[str, Any] | None:
    kind = _HTML_ENTITY_TYPES[tag]
    if tag == "span":
        if attrs.get("class") != "tg-spoiler":
            raise _html_error(
                f'tag "span" must have class "tg-spoiler" at byte offset {_byte_offset(src, start)}'
            )
        return {"type": "spoiler"}
    if tag == "a":
        href = attrs.get("href", "")
        return {"type": "text_link", "url": href} if href else None
    if tag == "code":
        css = attrs.get("class", "")
        if stack and stack[-1].tag == "pre" and css.startswith("language-"):
            pre = stack[-1].entity
            if pre is not None and "language" not in pre:
                pre["language"] = css[len("language-") :]
                return None
        return {"type": "code"}
    if tag == "blockquote":
        return {"type": "expandable_blockquote" if "expandable" in attrs else "blockquote"}
    if tag == "tg-emoji":
        emoji_id = attrs.get("emoji-id", "")
        if not emoji_id:
            raise _html_error(
                f'tag "tg-emoji" must have attribute "emoji-id" at byte offset '
                f"{_byte_offset(src, start)}"
            )
        return {"type": "custom_emoji", "custom_emoji_id": emoji_id}
    if tag == "tg-time":
        unix = attrs.get("unix", "")
        if not unix.isdigit():
            raise _html_error(
                f'tag "tg-time" must have a numeric attribute "unix" at byte offset '
                f"{_byte_offset(src, start)}"
            )
        entity: dict[str, Any] = {"type": "date_time", "unix_time": int(unix)}
        if attrs.get("format"):
            entity["date_time_format"] = attrs["format"]
        return entity
    return {"type": kind}


def parse_html(src: str) -> Rendered:
    """Parse Telegram-flavoured HTML (``parse_mode="HTML"``)."""
    if _SPECIAL_HTML_RE.search(src) is None:
        return Rendered(src)
    out: list[str] = []
    entities: list[dict[str, Any]] = []
    stack: list[_OpenTag] = []
    pos = 0  # UTF-16 offset in the output
    i = 0
    n = len(src)
    while i < n:
        match = _SPECIAL_HTML_RE.search(src, i)
        j = match.start() if match else n
        if j > i:
            chunk = src[i:j]
            out.append(chunk)
            pos += utf16_len(chunk)
            i = j
            continue
        if src[i] == "&":
            char, i = _decode_char_ref(src, i)
            out.append(char)
            pos += utf16_len(char)
            continue
        start = i
        if i + 1 < n and src[i + 1] == "/":
            close = src.find(">", i + 2)
            if close < 0:
                raise _html_error(f"unclosed end tag at byte offset {_byte_offset(src, start)}")
            name = src[i + 2 : close].strip().lower()
            if not stack:
                raise _html_error(f"unexpected end tag at byte offset {_byte_offset(src, start)}")
            top = stack[-1]
            if name != top.tag:
                raise _html_error(
                    f"unmatched end tag at byte offset {_byte_offset(src, start)}, expected "
                    f'"</{top.tag}>", found "</{name}>"'
                )
            stack.pop()
            if top.entity is not None and pos > top.offset:
                top.entity["offset"] = top.offset
                top.entity["length"] = pos - top.offset
                entities.append(top.entity)
            i = close + 1
            continue
        k = i + 1
        while k < n and not src[k].isspace() and src[k] != ">":
            k += 1
        if k >= n:
            raise _html_error(f"unclosed start tag at byte offset {_byte_offset(src, start)}")
        tag = src[i + 1 : k].lower()
        if tag not in _HTML_ENTITY_TYPES:
            raise _html_error(
                f'unsupported start tag "{tag}" at byte offset {_byte_offset(src, start)}'
            )
        attrs, i = _parse_attributes(src, k, tag, start)
        stack.append(_OpenTag(tag, pos, _html_entity(tag, attrs, stack, src, start)))
    if stack:
        raise _html_error(f'can\'t find end tag corresponding to start tag "{stack[-1].tag}"')
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return Rendered("".join(out), entities)


# --------------------------------------------------------------------------------------
# MarkdownV2 (approximation)
# --------------------------------------------------------------------------------------

_MD2_RESERVED = frozenset("_*[]()~`>#+-=|{}.!")
_MD2_NAMES = {
    "bold": "Bold",
    "italic": "Italic",
    "underline": "Underline",
    "strikethrough": "Strikethrough",
    "spoiler": "Spoiler",
    "link": "TextUrl",
}


@dataclass(slots=True)
class _MdOpen:
    kind: str
    offset: int
    src_index: int


class _Builder:
    """Accumulates output text and tracks the UTF-16 position."""

    __slots__ = ("entities", "out", "pos")

    def __init__(self) -> None:
        self.out: list[str] = []
        self.pos = 0
        self.entities: list[dict[str, Any]] = []

    def add(self, text: str) -> None:
        if text:
            self.out.append(text)
            self.pos += utf16_len(text)

    def entity(self, kind: str, offset: int, **extra: Any) -> None:
        if self.pos > offset:
            self.entities.append({"type": kind, "offset": offset, "length": self.pos - offset})
            self.entities[-1].update(extra)

    def result(self) -> Rendered:
        self.entities.sort(key=lambda e: (e["offset"], -e["length"]))
        return Rendered("".join(self.out), self.entities)


_md2_error = _entities_error


def _md2_code(src: str, i: int, out: _Builder, pre: bool) -> int:
    """Consume a code span / pre block starting after its opening backticks."""
    n = len(src)
    start_index = i - (3 if pre else 1)
    language = ""
    if pre:
        newline = src.find("\n", i)
        first_line = src[i:newline] if newline >= 0 else ""
        if newline >= 0 and first_line and " " not in first_line and "`" not in first_line:
            language = first_line
            i = newline + 1
    offset = out.pos
    closing = "```" if pre else "`"
    while i < n:
        char = src[i]
        if char == "\\" and i + 1 < n and src[i + 1] in "`\\":
            out.add(src[i + 1])
            i += 2
            continue
        if src.startswith(closing, i):
            if pre:
                extra = {"language": language} if language else {}
                out.entity("pre", offset, **extra)
            else:
                out.entity("code", offset)
            return i + len(closing)
        out.add(char)
        i += 1
    name = "Pre" if pre else "Code"
    raise _md2_error(
        f"can't find end of {name} entity at byte offset {_byte_offset(src, start_index)}"
    )


def parse_markdown_v2(src: str) -> Rendered:
    """Approximate Telegram's MarkdownV2 parser."""
    out = _Builder()
    stack: list[_MdOpen] = []
    quote: tuple[int, bool] | None = None  # (offset, expandable)
    i = 0
    n = len(src)
    at_line_start = True
    while i < n:
        char = src[i]
        if at_line_start:
            at_line_start = False
            if src.startswith("**>", i) or char == ">":
                if quote is None:
                    quote = (out.pos, src.startswith("**>", i))
                i += 3 if src.startswith("**>", i) else 1
                continue
            if quote is not None:
                out.entity("expandable_blockquote" if quote[1] else "blockquote", quote[0])
                quote = None
        if char == "\n":
            if quote is not None and not src.startswith(">", i + 1):
                # the quote ends with this line; the newline itself is outside it
                out.entity("expandable_blockquote" if quote[1] else "blockquote", quote[0])
                quote = None
            out.add(char)
            i += 1
            at_line_start = True
            continue
        if char == "\\":
            if i + 1 >= n:
                raise _md2_error(
                    f"character '\\' at byte offset {_byte_offset(src, i)} must be followed by "
                    "the character it escapes"
                )
            out.add(src[i + 1])
            i += 2
            continue
        if char == "`":
            pre = src.startswith("```", i)
            i = _md2_code(src, i + (3 if pre else 1), out, pre)
            continue
        kind: str | None = None
        width = 1
        if char == "*":
            kind = "bold"
        elif char == "~":
            kind = "strikethrough"
        elif char == "_":
            if src.startswith("__", i):
                kind, width = "underline", 2
            else:
                kind = "italic"
        elif char == "|" and src.startswith("||", i):
            if quote is not None and quote[1] and (i + 2 == n or src[i + 2] == "\n"):
                i += 2  # end marker of an expandable block quotation
                continue
            kind, width = "spoiler", 2
        elif char == "[" or (char == "!" and src.startswith("![", i)):
            width = 2 if char == "!" else 1
            stack.append(_MdOpen("link", out.pos, i))
            i += width
            continue
        elif char == "]" and stack and stack[-1].kind == "link":
            opened = stack.pop()
            if not src.startswith("(", i + 1):
                raise _md2_error(
                    f"can't find end of a URL at byte offset {_byte_offset(src, opened.src_index)}"
                )
            j = i + 2
            url: list[str] = []
            while j < n and src[j] != ")":
                if src[j] == "\\" and j + 1 < n:
                    j += 1
                url.append(src[j])
                j += 1
            if j >= n:
                raise _md2_error(
                    f"can't find end of a URL at byte offset {_byte_offset(src, opened.src_index)}"
                )
            target = "".join(url)
            if target.startswith("tg://emoji?id="):
                out.entity("custom_emoji", opened.offset, custom_emoji_id=target[14:])
            else:
                out.entity("text_link", opened.offset, url=target)
            i = j + 1
            continue
        if kind is not None:
            if stack and stack[-1].kind == kind:
                opened = stack.pop()
                out.entity(kind, opened.offset)
            else:
                stack.append(_MdOpen(kind, out.pos, i))
            i += width
            continue
        if char in _MD2_RESERVED:
            raise _md2_error(
                f"character '{char}' is reserved and must be escaped with the preceding '\\'"
            )
        out.add(char)
        i += 1
    if stack:
        opened = stack[-1]
        raise _md2_error(
            f"can't find end of {_MD2_NAMES.get(opened.kind, opened.kind)} entity at byte offset "
            f"{_byte_offset(src, opened.src_index)}"
        )
    if quote is not None:
        out.entity("expandable_blockquote" if quote[1] else "blockquote", quote[0])
    return out.result()


# --------------------------------------------------------------------------------------
# Legacy Markdown (approximation)
# --------------------------------------------------------------------------------------

_MD_SPECIAL_RE = re.compile(r"[\\*_`\[]")


def parse_markdown(src: str) -> Rendered:
    """Approximate Telegram's legacy ``Markdown`` parser (no nesting)."""
    out = _Builder()
    i = 0
    n = len(src)
    while i < n:
        match = _MD_SPECIAL_RE.search(src, i)
        j = match.start() if match else n
        if j > i:
            out.add(src[i:j])
            i = j
            continue
        char = src[i]
        if char == "\\" and i + 1 < n and src[i + 1] in "*_`[":
            out.add(src[i + 1])
            i += 2
            continue
        if char == "\\":
            out.add(char)
            i += 1
            continue
        if char in "*_":
            end = src.find(char, i + 1)
            if end < 0:
                raise _md2_error(
                    f"can't find end of the entity starting at byte offset {_byte_offset(src, i)}"
                )
            offset = out.pos
            out.add(src[i + 1 : end])
            out.entity("bold" if char == "*" else "italic", offset)
            i = end + 1
            continue
        if char == "`":
            pre = src.startswith("```", i)
            marker = "```" if pre else "`"
            end = src.find(marker, i + len(marker))
            if end < 0:
                raise _md2_error(
                    f"can't find end of the entity starting at byte offset {_byte_offset(src, i)}"
                )
            offset = out.pos
            out.add(src[i + len(marker) : end])
            out.entity("pre" if pre else "code", offset)
            i = end + len(marker)
            continue
        # "["
        end = src.find("]", i + 1)
        if end < 0 or not src.startswith("(", end + 1):
            raise _md2_error(
                f"can't find end of the entity starting at byte offset {_byte_offset(src, i)}"
            )
        close = src.find(")", end + 2)
        if close < 0:
            raise _md2_error(
                f"can't find end of the entity starting at byte offset {_byte_offset(src, i)}"
            )
        offset = out.pos
        out.add(src[i + 1 : end])
        out.entity("text_link", offset, url=src[end + 2 : close])
        i = close + 1
    return out.result()
