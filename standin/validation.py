"""Checking API calls against the spec: coercion of form values, types, documented limits.

:meth:`Validator.validate_call` turns the raw request parameters (strings from a form,
values from a JSON body, :class:`~standin.files.Upload` parts) into typed values and checks
them recursively against the spec.  Problems raise :class:`~standin.errors.ApiError` with
``violation=True``.

Object-level limits (button text, ``callback_data`` size, bot commands, media captions)
are checked by hooks that run once an object structurally matches its type.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import Any

from .errors import ApiError, bad_request
from .files import Upload
from .formatting import FormattingError, render
from .spec import FieldSpec, MethodSpec, Spec

__all__ = ["LEGACY_FIELDS", "Validator", "json_type_name"]

#: Parameters removed from the documentation that the real API still accepts.  The value is
#: a field of the method that must exist for the legacy one to be accepted.
LEGACY_FIELDS: Mapping[str, tuple[str, tuple[str, ...]]] = {
    "reply_to_message_id": ("reply_parameters", ("Integer",)),
    "allow_sending_without_reply": ("reply_parameters", ("Boolean",)),
    "disable_web_page_preview": ("link_preview_options", ("Boolean",)),
}

#: Field types the published spec states imprecisely.  ``sendMediaGroup.media`` is
#: documented as "Array of InputMediaAudio, InputMediaDocument, InputMediaPhoto and
#: InputMediaVideo"; photos and videos may be mixed, which a union of arrays cannot express.
TYPE_OVERRIDES: Mapping[tuple[str, str], tuple[str, ...]] = {
    ("sendMediaGroup", "media"): ("Array of InputMedia",),
}

_INT_RE = re.compile(r"[+-]?\d+")
_BOOL_STRINGS = {"true": True, "false": False, "1": True, "0": False}
_BUTTON_NON_ACTION = frozenset({"text", "icon_custom_emoji_id", "style"})
_BUTTON_STYLES = frozenset({"danger", "success", "primary"})
_COMMAND_RE = re.compile(r"[a-z0-9_]{1,32}")
_ARRAY = "Array of "


def json_type_name(value: object) -> str:
    """A short JSON-ish name for the type of ``value`` (for error messages)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "Boolean"
    if isinstance(value, int):
        return "Integer"
    if isinstance(value, float):
        return "Float"
    if isinstance(value, str):
        return "String"
    if isinstance(value, list):
        return "Array"
    if isinstance(value, dict):
        return "Object"
    if isinstance(value, Upload):
        return "InputFile"
    return type(value).__name__


def _violation(reason: str) -> ApiError:
    return bad_request(reason, violation=True)


Hook = Callable[["Validator", dict[str, Any], str], None]


class Validator:
    """Validates calls against a :class:`~standin.spec.Spec` (one instance per server)."""

    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self._discriminators: dict[tuple[str, ...], tuple[str, dict[str, str]] | None] = {}
        self._expansions: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._uploads: Mapping[str, Upload] = {}
        self._hooks: dict[str, Hook] = {
            "InlineKeyboardButton": _check_inline_button,
            "InlineKeyboardMarkup": _check_inline_markup,
            "KeyboardButton": _check_reply_button,
            "ReplyKeyboardMarkup": _check_reply_markup,
            "BotCommand": _check_bot_command,
        }
        for name in spec.types:
            if name.startswith("InputMedia"):
                self._hooks[name] = _check_input_media

    # ------------------------------------------------------------------ calls

    def validate_call(
        self, method: MethodSpec, raw: Mapping[str, Any], uploads: Mapping[str, Upload]
    ) -> dict[str, Any]:
        """Coerce and check the parameters of one call; return the typed parameters.

        ``uploads`` are file parts referenced as ``attach://<name>``.
        """
        params: dict[str, Any] = {}
        field_types: dict[str, tuple[str, ...]] = {}
        for key, value in raw.items():
            spec_field: FieldSpec | None = method.fields.get(key)
            if spec_field is not None:
                types = TYPE_OVERRIDES.get((method.name, key), spec_field.types)
            else:
                legacy = LEGACY_FIELDS.get(key)
                if legacy is None or legacy[0] not in method.fields:
                    raise _violation(f'unknown parameter "{key}" for method {method.name}')
                types = legacy[1]
            params[key] = self._coerce(key, value, types, uploads)
            field_types[key] = types
        for name in method.required:
            if name not in params:
                raise _violation(f'parameter "{name}" is required for method {method.name}')
        self._uploads = uploads
        try:
            for key, value in params.items():
                error = self.check_types(value, field_types[key], key)
                if error is not None:
                    raise _violation(error)
        finally:
            self._uploads = {}
        return params

    def _coerce(
        self, key: str, value: Any, types: tuple[str, ...], uploads: Mapping[str, Upload]
    ) -> Any:
        if isinstance(value, Upload):
            if "InputFile" not in types:
                raise _violation(f'parameter "{key}" can\'t be a file upload')
            return value
        if not isinstance(value, str):
            return value
        if "InputFile" in types and value.startswith("attach://"):
            upload = uploads.get(value[len("attach://") :])
            if upload is None:
                raise _violation(f'parameter "{key}": no file part named {value[9:]!r} attached')
            return upload
        if "String" in types or "InputFile" in types:
            if "Integer" in types and _INT_RE.fullmatch(value):
                return int(value)
            return value
        first = types[0]
        if first == "Integer":
            if _INT_RE.fullmatch(value.strip()):
                return int(value)
            raise _violation(f'parameter "{key}" must be an Integer, got {value!r}')
        if first == "Float":
            try:
                return float(value)
            except ValueError:
                raise _violation(f'parameter "{key}" must be a Float, got {value!r}') from None
        if first in ("Boolean", "True"):
            parsed = _BOOL_STRINGS.get(value.strip().lower())
            if parsed is None:
                raise _violation(f'parameter "{key}" must be a Boolean, got {value!r}')
            return parsed
        try:
            return json.loads(value)
        except ValueError:
            raise _violation(f'can\'t parse JSON object in parameter "{key}"') from None

    # ------------------------------------------------------------------ values

    def check_types(self, value: Any, types: tuple[str, ...], path: str) -> str | None:
        """``None`` if ``value`` matches one of ``types``, else a reason."""
        if len(types) == 1:
            return self.check(value, types[0], path)
        return self._check_union(value, types, path)

    def check(self, value: Any, type_expr: str, path: str) -> str | None:
        """``None`` if ``value`` matches the type expression ``type_expr``, else a reason.

        Limit hooks of object types raise :class:`ApiError` directly.
        """
        if type_expr.startswith(_ARRAY):
            if not isinstance(value, list):
                return f"{path}: expected {type_expr}, got {json_type_name(value)}"
            inner = type_expr[len(_ARRAY) :]
            for index, item in enumerate(value):
                error = self.check(item, inner, f"{path}[{index}]")
                if error is not None:
                    return error
            return None
        if type_expr == "String":
            ok = isinstance(value, str)
        elif type_expr == "Integer":
            ok = isinstance(value, int) and not isinstance(value, bool)
        elif type_expr == "Float":
            ok = isinstance(value, int | float) and not isinstance(value, bool)
        elif type_expr in ("Boolean", "True"):
            ok = isinstance(value, bool)
        elif type_expr == "InputFile":
            ok = isinstance(value, Upload)
        else:
            return self._check_object(value, type_expr, path)
        if ok:
            return None
        return f"{path}: expected {type_expr}, got {json_type_name(value)}"

    def _check_object(self, value: Any, type_name: str, path: str) -> str | None:
        spec = self.spec.types.get(type_name)
        if spec is None:
            return None  # a type the spec mentions but does not describe: accept
        if spec.subtypes:
            return self._check_union(value, spec.subtypes, path)
        hook = self._hooks.get(type_name)
        if type_name == "KeyboardButton" and isinstance(value, str):
            if not value.strip():
                raise _violation(f"{path}: keyboard button text must be non-empty")
            return None
        if not isinstance(value, dict):
            return f"{path}: expected {type_name} object, got {json_type_name(value)}"
        fields = spec.fields
        for key in value:
            if key not in fields:
                return f'{path}: unknown field "{key}" in {type_name}'
        for key in spec.required:
            if key not in value:
                return f'{path}: field "{key}" is required in {type_name}'
        for key, item in value.items():
            types = fields[key].types
            error = (
                self.check(item, types[0], f"{path}.{key}")
                if len(types) == 1
                else self._check_union(item, types, f"{path}.{key}")
            )
            if error is not None:
                return error
        if spec.discriminator is not None:
            field, expected = spec.discriminator
            if value.get(field) != expected:
                return f'{path}.{field}: must be "{expected}" for {type_name}'
        if hook is not None:
            hook(self, value, path)
        return None

    def _discriminator_map(self, candidates: tuple[str, ...]) -> tuple[str, dict[str, str]] | None:
        """If every candidate is an object type told apart by one field, map value -> type."""
        if candidates in self._discriminators:
            return self._discriminators[candidates]
        result: tuple[str, dict[str, str]] | None = None
        field_name: str | None = None
        mapping: dict[str, str] = {}
        for name in candidates:
            spec = self.spec.types.get(name)
            if spec is None or spec.discriminator is None:
                break
            if field_name not in (None, spec.discriminator[0]):
                break
            field_name = spec.discriminator[0]
            mapping.setdefault(spec.discriminator[1], name)
        else:
            if field_name is not None:
                result = (field_name, mapping)
        self._discriminators[candidates] = result
        return result

    def _check_union(self, value: Any, candidates: tuple[str, ...], path: str) -> str | None:
        expanded = self._expand(candidates)
        if isinstance(value, dict):
            disc = self._discriminator_map(expanded)
            if disc is not None:
                field_name, mapping = disc
                tag = value.get(field_name)
                if tag is None:
                    return f'{path}: field "{field_name}" is required'
                chosen = mapping.get(tag) if isinstance(tag, str) else None
                if chosen is None:
                    allowed = ", ".join(sorted(mapping))
                    return f"{path}.{field_name}: unsupported value {tag!r} (expected {allowed})"
                return self.check(value, chosen, path)
        errors: list[tuple[int, str]] = []
        for candidate in expanded:
            error = self.check(value, candidate, path)
            if error is None:
                return None
            errors.append((self._plausibility(value, candidate), error))
        best = max(errors, key=lambda item: item[0])
        if best[0] < 0:
            return f"{path}: expected {' or '.join(candidates)}, got {json_type_name(value)}"
        return best[1]

    def _expand(self, candidates: tuple[str, ...]) -> tuple[str, ...]:
        """Replace union types by their subtypes (one level is all the spec uses)."""
        cached = self._expansions.get(candidates)
        if cached is not None:
            return cached
        out: list[str] = []
        for name in candidates:
            spec = self.spec.types.get(name)
            if spec is not None and spec.subtypes:
                out.extend(spec.subtypes)
            else:
                out.append(name)
        result = self._expansions[candidates] = tuple(out)
        return result

    def _plausibility(self, value: Any, type_expr: str) -> int:
        """How well ``value`` resembles ``type_expr`` (to pick the error to report)."""
        if type_expr.startswith(_ARRAY):
            return 1 if isinstance(value, list) else -1
        if type_expr in ("String", "Integer", "Float", "Boolean", "True", "InputFile"):
            return 0 if json_type_name(value) == type_expr else -1
        spec = self.spec.types.get(type_expr)
        if spec is None or not isinstance(value, dict):
            return -1
        known = sum(1 for key in value if key in spec.fields)
        return known * 2 - (len(value) - known) + 1

    def attached(self, reference: str) -> bool:
        """Whether ``attach://name`` refers to a file part of the current call."""
        return reference[len("attach://") :] in self._uploads


# ---------------------------------------------------------------------- hooks


def _check_inline_button(validator: Validator, button: dict[str, Any], path: str) -> None:
    text = button.get("text", "")
    if not text.strip():
        raise _violation(f"{path}: inline keyboard button text must be non-empty")
    actions = [key for key in button if key not in _BUTTON_NON_ACTION]
    if not actions:
        raise _violation(
            f"text buttons are unallowed in the inline keyboard ({path} {text!r} has no action)"
        )
    if len(actions) > 1:
        raise _violation(
            f"{path}: inline keyboard button {text!r} must have exactly one action field, "
            f"got {', '.join(actions)}"
        )
    data = button.get("callback_data")
    if data is not None and not 1 <= len(data.encode("utf-8")) <= 64:
        raise _violation(
            f"BUTTON_DATA_INVALID ({path}.callback_data is {len(data.encode('utf-8'))} bytes, "
            "must be 1-64)"
        )
    url = button.get("url")
    if url is not None and not url.strip():
        raise _violation(f"{path}.url: must be non-empty")
    _check_style(button, path)


def _check_style(button: dict[str, Any], path: str) -> None:
    style = button.get("style")
    if style is not None and style not in _BUTTON_STYLES:
        raise _violation(f'{path}.style: must be "danger", "success" or "primary", got {style!r}')


def _check_inline_markup(validator: Validator, markup: dict[str, Any], path: str) -> None:
    rows = markup["inline_keyboard"]
    total = sum(len(row) for row in rows)
    if total > 100:
        raise _violation(f"{path}: too many inline keyboard buttons ({total}, at most 100)")


def _check_reply_button(validator: Validator, button: dict[str, Any], path: str) -> None:
    if not str(button.get("text", "")).strip():
        raise _violation(f"{path}: keyboard button text must be non-empty")
    actions = [key for key in button if key not in _BUTTON_NON_ACTION]
    if len(actions) > 1:
        raise _violation(
            f"{path}: keyboard button may use at most one of its optional action fields, "
            f"got {', '.join(actions)}"
        )
    _check_style(button, path)


def _check_reply_markup(validator: Validator, markup: dict[str, Any], path: str) -> None:
    rows = markup["keyboard"]
    if not any(rows):
        raise _violation(f"{path}: reply keyboard must have at least one button")
    placeholder = markup.get("input_field_placeholder")
    if placeholder is not None and len(placeholder) > 64:
        raise _violation(f"{path}.input_field_placeholder: must be 0-64 characters")


def _check_bot_command(validator: Validator, command: dict[str, Any], path: str) -> None:
    name = command["command"]
    if not _COMMAND_RE.fullmatch(name):
        raise _violation(
            f"BOT_COMMAND_INVALID ({path}.command {name!r} must be 1-32 characters of "
            "lowercase English letters, digits and underscores)"
        )
    description = command["description"]
    if not 1 <= len(description) <= 256 or not description.strip():
        raise _violation(
            f"BOT_COMMAND_DESCRIPTION_INVALID ({path}.description must be 1-256 characters, "
            f"got {len(description)})"
        )


def _check_input_media(validator: Validator, media: dict[str, Any], path: str) -> None:
    for key in ("media", "thumbnail", "cover"):
        reference = media.get(key)
        if (
            isinstance(reference, str)
            and reference.startswith("attach://")
            and not validator.attached(reference)
        ):
            raise _violation(f"{path}.{key}: no file part named {reference[9:]!r} attached")
    caption = media.get("caption")
    if caption is not None:
        try:
            rendered = render(caption, media.get("parse_mode"), media.get("caption_entities"))
        except FormattingError as error:
            raise _violation(f"{path}.caption: {error}") from None
        if len(rendered.text) > 1024:
            raise _violation(
                f"message caption is too long ({path}.caption is {len(rendered.text)} "
                "characters after entity parsing, limit 1024)"
            )
