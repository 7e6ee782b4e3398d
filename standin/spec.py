"""Loading and indexing the published Bot API specification (``data/api.min.json``).

The JSON file is parsed once per process (see :func:`load_spec`) into small immutable
records that the validator can consult with dictionary look-ups only.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

__all__ = ["FieldSpec", "MethodSpec", "Spec", "TypeSpec", "load_spec"]

# "Type of the media, must be photo" / 'Type of the message origin, always "user"'
_DISCRIMINATOR_RE = re.compile(r'(?:must be|always)\s+["“]?([A-Za-z0-9_]+)["”]?\s*$')
_DISCRIMINATOR_FIELDS = ("type", "status", "source")


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One parameter of a method or one field of an object type."""

    name: str
    types: tuple[str, ...]
    required: bool
    description: str


@dataclass(frozen=True, slots=True)
class TypeSpec:
    """An object type; a union type has ``subtypes`` and no fields."""

    name: str
    fields: MappingProxyType[str, FieldSpec]
    required: frozenset[str]
    subtypes: tuple[str, ...]
    #: ``(field, value)`` that identifies this type inside a union, e.g. ``("type", "photo")``.
    discriminator: tuple[str, str] | None


@dataclass(frozen=True, slots=True)
class MethodSpec:
    """A Bot API method: its parameters and declared return types."""

    name: str
    fields: MappingProxyType[str, FieldSpec]
    required: frozenset[str]
    returns: tuple[str, ...]


class Spec:
    """The whole API: methods (looked up case-insensitively) and types."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.version: str = str(raw.get("version", "unknown"))
        self.types: dict[str, TypeSpec] = {
            name: _build_type(name, body) for name, body in raw.get("types", {}).items()
        }
        self.methods: dict[str, MethodSpec] = {
            name: _build_method(name, body) for name, body in raw.get("methods", {}).items()
        }
        self._methods_lower = {name.lower(): spec for name, spec in self.methods.items()}

    def method(self, name: str) -> MethodSpec | None:
        """The method called ``name`` (case-insensitive), or ``None``."""
        return self._methods_lower.get(name.lower())


def _fields(body: dict[str, Any]) -> MappingProxyType[str, FieldSpec]:
    return MappingProxyType(
        {
            f["name"]: FieldSpec(
                name=f["name"],
                types=tuple(f.get("types", ())),
                required=bool(f.get("required", False)),
                description=str(f.get("description", "")),
            )
            for f in body.get("fields", ())
        }
    )


def _build_type(name: str, body: dict[str, Any]) -> TypeSpec:
    fields = _fields(body)
    discriminator: tuple[str, str] | None = None
    for candidate in _DISCRIMINATOR_FIELDS:
        field = fields.get(candidate)
        if field is not None and field.types == ("String",):
            match = _DISCRIMINATOR_RE.search(field.description)
            if match:
                discriminator = (candidate, match.group(1))
                break
    return TypeSpec(
        name=name,
        fields=fields,
        required=frozenset(f.name for f in fields.values() if f.required),
        subtypes=tuple(body.get("subtypes", ())),
        discriminator=discriminator,
    )


def _build_method(name: str, body: dict[str, Any]) -> MethodSpec:
    fields = _fields(body)
    return MethodSpec(
        name=name,
        fields=fields,
        required=frozenset(f.name for f in fields.values() if f.required),
        returns=tuple(body.get("returns", ())),
    )


@functools.cache
def _load(path: str | None) -> Spec:
    if path is None:
        text = resources.files("standin").joinpath("data/api.min.json").read_text("utf-8")
    else:
        text = Path(path).read_text("utf-8")
    return Spec(json.loads(text))


def load_spec(path: str | Path | None = None) -> Spec:
    """Parse the spec (the bundled one by default); cached, so cheap to call repeatedly."""
    return _load(None if path is None else str(Path(path).resolve()))
