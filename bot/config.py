"""Settings, read once at startup from the environment or `.env` (names from PRODUCT.md)."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AnyHttpUrl, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

# In picker order. "uz-Cyrl" is Uzbek in Cyrillic script: Telegram reports "uz" for both
# scripts, so an app in Uzbek starts in Latin, the official one.
Language = Literal["uz", "uz-Cyrl", "ru", "en"]

_OFFSET = re.compile(r"^\s*(\d+)\s*([dhms])\s*$")
_UNIT_SECONDS = {"d": 86400, "h": 3600, "m": 60, "s": 1}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    bot_token: SecretStr = Field(alias="BOT_TOKEN")
    telegram_api_url: AnyHttpUrl = Field(
        default=AnyHttpUrl("https://api.telegram.org"), alias="TELEGRAM_API_URL"
    )
    database_path: Path = Field(default=Path("data/bot.sqlite3"), alias="DATABASE_PATH")
    admin_ids: Annotated[frozenset[int], NoDecode] = Field(default=frozenset(), alias="ADMIN_IDS")
    timezone: Annotated[ZoneInfo, NoDecode] = Field(
        default=ZoneInfo("Asia/Tashkent"), alias="TIMEZONE"
    )
    default_language: Language = Field(default="uz", alias="DEFAULT_LANGUAGE")
    coordinator_chat_id: int | None = Field(default=None, alias="COORDINATOR_CHAT_ID")
    reminder_offsets: Annotated[tuple[timedelta, ...], NoDecode] = Field(
        default=(timedelta(hours=24), timedelta(hours=2)), alias="REMINDER_OFFSETS"
    )
    broadcast_rate: float = Field(default=25.0, gt=0, le=30, alias="BROADCAST_RATE")

    @field_validator("bot_token")
    @classmethod
    def _token_shape(cls, value: SecretStr) -> SecretStr:
        # The same shape Telegram issues: "<bot id>:<secret>". Never echo the value back.
        if not value.get_secret_value().strip():
            raise ValueError("is required (the token from @BotFather)")
        if not re.fullmatch(r"\d+:[A-Za-z0-9_-]+", value.get_secret_value()):
            raise ValueError("must look like 123456789:ABC-def (the token from @BotFather)")
        return value

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _parse_admin_ids(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [part.strip() for part in value.split(",") if part.strip()]
            if not all(re.fullmatch(r"-?\d+", part) for part in parts):
                raise ValueError("must be comma-separated Telegram user ids, e.g. 1234,5678")
            return frozenset(int(part) for part in parts)
        return value

    @field_validator("timezone", mode="before")
    @classmethod
    def _parse_timezone(cls, value: object) -> object:
        if isinstance(value, str):
            try:
                return ZoneInfo(value.strip())
            except (ZoneInfoNotFoundError, ValueError) as error:
                raise ValueError(f"unknown IANA time zone {value!r}") from error
        return value

    @field_validator("coordinator_chat_id", mode="before")
    @classmethod
    def _empty_chat_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("reminder_offsets", mode="before")
    @classmethod
    def _parse_offsets(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        offsets: list[timedelta] = []
        for part in value.split(","):
            match = _OFFSET.match(part)
            if match is None or int(match.group(1)) == 0:
                raise ValueError("must be comma-separated durations such as 24h,2h,30m")
            offsets.append(timedelta(seconds=int(match.group(1)) * _UNIT_SECONDS[match.group(2)]))
        return tuple(sorted(set(offsets), reverse=True))

    @property
    def api_base(self) -> str:
        return str(self.telegram_api_url).rstrip("/")
