"""Settings, read once at startup from the environment or `.env` (names from PRODUCT.md)."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AnyHttpUrl, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.loop import EventLoop

# In picker order. "uz-Cyrl" is Uzbek in Cyrillic script: Telegram reports "uz" for both
# scripts, so an app in Uzbek starts in Latin, the official one.
Language = Literal["uz", "uz-Cyrl", "ru", "en"]


class ListenError(RuntimeError):
    """A server cannot listen where the settings say (a port in use, a bad address)."""


# Where a server listens: (host, port).
Listen = tuple[str, int]

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

    # Webhook mode when WEBHOOK_URL is set (long polling otherwise); see README "Deploy".
    webhook_url: AnyHttpUrl | None = Field(default=None, alias="WEBHOOK_URL")
    webhook_secret: SecretStr | None = Field(default=None, alias="WEBHOOK_SECRET")
    webhook_listen: Annotated[Listen, NoDecode] = Field(
        default=("127.0.0.1", 8081), alias="WEBHOOK_LISTEN"
    )
    # /healthz and /metrics; empty turns them off. Port 0 picks a free port (tests).
    health_listen: Annotated[Listen | None, NoDecode] = Field(
        default=("127.0.0.1", 8080), alias="HEALTH_LISTEN"
    )
    backup_dir: Path | None = Field(default=None, alias="BACKUP_DIR")
    backup_every: Annotated[timedelta, NoDecode] = Field(
        default=timedelta(days=1), alias="BACKUP_EVERY"
    )
    backup_keep: int = Field(default=7, ge=1, le=1000, alias="BACKUP_KEEP")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        default="INFO", alias="LOG_LEVEL"
    )
    log_format: Literal["text", "json"] = Field(default="text", alias="LOG_FORMAT")
    event_loop: EventLoop = Field(default="uvloop", alias="EVENT_LOOP")

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

    @field_validator("webhook_url", "webhook_secret", "backup_dir", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("log_level", mode="before")
    @classmethod
    def _level_any_case(cls, value: object) -> object:
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("webhook_url")
    @classmethod
    def _webhook_https(cls, value: AnyHttpUrl | None) -> AnyHttpUrl | None:
        # Telegram delivers webhooks only over HTTPS (the reverse proxy terminates TLS).
        if value is not None and value.scheme != "https":
            raise ValueError("must be an https:// address (Telegram sends webhooks over TLS)")
        return value

    @field_validator("webhook_secret")
    @classmethod
    def _secret_shape(cls, value: SecretStr | None) -> SecretStr | None:
        # Telegram accepts 1-256 of A-Z a-z 0-9 _ -; fewer than 32 is guessable.
        if value is not None and not re.fullmatch(
            r"[A-Za-z0-9_-]{32,256}", value.get_secret_value()
        ):
            raise ValueError(
                "must be 32-256 letters, digits, _ or - (e.g. the output of `openssl rand -hex 32`)"
            )
        return value

    @field_validator("webhook_listen", "health_listen", mode="before")
    @classmethod
    def _parse_listen(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        if not value.strip():
            return None
        host, _, port = value.strip().rpartition(":")
        if not host or not port.isdigit() or int(port) > 65535:
            raise ValueError("must be HOST:PORT, e.g. 127.0.0.1:8080")
        return (host.strip("[]"), int(port))

    @field_validator("backup_every", mode="before")
    @classmethod
    def _parse_every(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        match = _OFFSET.match(value)
        if match is None or int(match.group(1)) == 0:
            raise ValueError("must be a duration such as 24h, 6h or 1d")
        return timedelta(seconds=int(match.group(1)) * _UNIT_SECONDS[match.group(2)])

    @model_validator(mode="after")
    def _webhook_needs_secret(self) -> Settings:
        # Without the secret anyone who guesses the URL could post forged updates.
        if self.webhook_url is not None and self.webhook_secret is None:
            raise ValueError("WEBHOOK_SECRET is required when WEBHOOK_URL is set")
        if self.webhook_listen is None:
            raise ValueError("WEBHOOK_LISTEN must be HOST:PORT")
        return self

    @property
    def api_base(self) -> str:
        return str(self.telegram_api_url).rstrip("/")
