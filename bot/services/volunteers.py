"""Volunteer registration, profile changes and erasure: the rules, no Telegram."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

import phonenumbers

from bot.repositories.users import NewRegistration, User, UserRepository
from bot.services import errors

# Bump when the consent text in locales/ changes in substance: stored consents name the
# version the person actually agreed to.
CONSENT_VERSION = "2026-11-29"

# ISO 3166-2:UZ suffixes; names live in locales/ as region-<code>.
REGIONS: tuple[str, ...] = (
    "QR", "AN", "BU", "JI", "QA", "NW", "NG", "SA", "SU", "SI", "TO", "FA", "XO", "TK",
)  # fmt: skip
INTERESTS: tuple[str, ...] = ("hearings", "councils", "reforms", "drafting", "ngo", "events")

NAME_MIN, NAME_MAX = 2, 100
# Every way people type the Uzbek okina (oʻ, gʻ) and tutuq belgisi (maʼno).
_APOSTROPHES = "'ʻʼ‘’`´"
_HYPHENS = "-‐‑"
_OKINA, _TUTUQ = "ʻ", "ʼ"
_APOSTROPHE_CLASS = "[" + re.escape(_APOSTROPHES) + "]"
_HYPHEN_CLASS = "[" + re.escape(_HYPHENS) + "]"
_REPEATED_MARKS = re.compile(
    rf"(?:{_APOSTROPHE_CLASS}|{_HYPHEN_CLASS}){{2,}}|^{_HYPHEN_CLASS}|{_HYPHEN_CLASS}$"
)


def _is_name_letter(char: str) -> bool:
    """Latin or Cyrillic letters, including the extended blocks Uzbek and Russian use."""
    if not unicodedata.category(char).startswith("L"):
        return False
    code = ord(char)
    return (
        code < 0x0250  # Basic Latin, Latin-1, Latin Extended-A/B
        or 0x1E00 <= code <= 0x1EFF  # Latin Extended Additional
        or 0x0400 <= code <= 0x052F  # Cyrillic and Cyrillic Supplement
        or char in "ʻʼ"  # modifier letters used as Uzbek apostrophes
    )


def clean_full_name(text: str | None) -> tuple[str, str]:
    """Validate a typed full name; return it as typed (spaces tidied) and its comparison key."""
    if text is None:
        raise errors.NameNotTextError()
    name = " ".join(text.split())
    if name.startswith("/"):
        raise errors.NameIsCommandError()
    if len(name) > NAME_MAX:
        raise errors.NameTooLongError(length=len(name), max=NAME_MAX)
    if not all(_is_name_letter(c) or c == " " or c in _APOSTROPHES or c in _HYPHENS for c in name):
        raise errors.NameBadCharactersError()
    if _REPEATED_MARKS.search(name):
        raise errors.NameBadCharactersError()
    letters = sum(1 for c in name if _is_name_letter(c) and c not in "ʻʼ")
    if letters < NAME_MIN:
        raise errors.NameTooShortError()
    return name, name_key(name)


def name_key(name: str) -> str:
    """Fold spellings of one name together: Oʻgʻli, O'g'li and O‘g‘li compare equal."""
    folded = unicodedata.normalize("NFC", name).casefold()
    # After o/g an apostrophe is the okina; elsewhere it is the tutuq belgisi.
    folded = re.sub(rf"(?<=[og]){_APOSTROPHE_CLASS}", _OKINA, folded)
    folded = re.sub(rf"(?<![og]){_APOSTROPHE_CLASS}", _TUTUQ, folded)
    return re.sub(_HYPHEN_CLASS, "-", folded)


def parse_phone(text: str | None) -> str:
    """Read a typed or shared phone number; return it in E.164 (+998901234567)."""
    if not text or len(text) > 32:
        raise errors.PhoneInvalidError()
    candidate = text.strip()
    # "998901234567" without the plus is the common way to write the country code.
    if re.fullmatch(r"998\d{9}", re.sub(r"\D", "", candidate)) and not candidate.startswith("+"):
        candidate = "+" + re.sub(r"\D", "", candidate)
    try:
        number = phonenumbers.parse(candidate, "UZ")
    except phonenumbers.NumberParseException as error:
        raise errors.PhoneInvalidError() from error
    if not phonenumbers.is_valid_number(number):
        raise errors.PhoneInvalidError()
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phone_from_contact(phone_number: str, contact_user_id: int | None, sender_id: int) -> str:
    """Accept a shared contact only when it is the sender's own."""
    if contact_user_id != sender_id:
        raise errors.ForeignContactError()
    # Telegram sends contact numbers without "+"; every contact has a country code.
    digits = re.sub(r"\D", "", phone_number)
    return parse_phone("+" + digits)


def check_region(code: str) -> str:
    if code not in REGIONS:
        raise errors.UnknownRegionError()
    return code


def toggle_interest(selected: Iterable[str], code: str) -> list[str]:
    """Add or remove one interest; keep the canonical order."""
    if code not in INTERESTS:
        raise errors.UnknownInterestError()
    chosen = set(selected) ^ {code}
    return [interest for interest in INTERESTS if interest in chosen]


def check_interests(selected: Iterable[str]) -> tuple[str, ...]:
    wanted = set(selected)
    chosen = tuple(interest for interest in INTERESTS if interest in wanted)
    if not chosen:
        raise errors.NoInterestsError()
    return chosen


async def choose_language(
    users: UserRepository, user_id: int, language: str, now: datetime
) -> None:
    """Remember the interface language (a preference, not personal data)."""
    await users.save_language(user_id, language, now)


async def complete_registration(
    users: UserRepository, user_id: int, draft: Mapping[str, Any], language: str, now: datetime
) -> NewRegistration:
    """Turn a confirmed draft into a registered volunteer with a recorded consent.

    `language` is the one the person registered in: someone who never tapped a language
    (they came through a "Register" button) keeps it; a language chosen before stays.
    """
    try:
        full_name, key = clean_full_name(draft["name"])
        registration = NewRegistration(
            full_name=full_name,
            name_key=key,
            phone=parse_phone(draft["phone"]),
            region=check_region(draft["region"]),
            interests=check_interests(draft["interests"]),
            consent_version=str(draft["consent_version"]),
            consent_at=datetime.fromisoformat(draft["consent_at"]),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise errors.IncompleteDraftError() from error
    await users.create_if_missing(user_id, language, now)
    await users.register(user_id, registration, now)
    return registration


async def update_profile_field(
    users: UserRepository, user: User | None, field: str, value: Any, now: datetime
) -> None:
    """Change one field of a registered volunteer's profile."""
    if user is None or not user.is_registered:
        raise errors.NotRegisteredError()
    if field == "name":
        full_name, key = clean_full_name(value)
        await users.update_name(user.id, full_name, key, now)
    elif field == "phone":
        await users.update_phone(user.id, parse_phone(value), now)
    elif field == "region":
        await users.update_region(user.id, check_region(value), now)
    elif field == "interests":
        await users.replace_interests(user.id, check_interests(value))
    else:
        raise ValueError(f"unknown profile field {field!r}")


def require_personal_data(user: object) -> None:
    """Erasing twice changes nothing: the second time there is nothing left."""
    if user is None or not getattr(user, "has_personal_data", False):
        raise errors.AlreadyForgottenError()


async def forget(users: UserRepository, user_id: int, now: datetime) -> None:
    """Erase a person's personal data and half-filled forms; keep their language."""
    await users.erase_personal_data(user_id, now)
    await users.erase_drafts(user_id)
