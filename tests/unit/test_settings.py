"""Settings: names and defaults from PRODUCT.md; bad values stop startup with one line."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from bot.config import Settings

ROOT = Path(__file__).resolve().parents[2]
NAMES = [
    "BOT_TOKEN",
    "TELEGRAM_API_URL",
    "DATABASE_PATH",
    "ADMIN_IDS",
    "TIMEZONE",
    "DEFAULT_LANGUAGE",
    "COORDINATOR_CHAT_ID",
    "REMINDER_OFFSETS",
    "BROADCAST_RATE",
    "WEBHOOK_URL",
    "WEBHOOK_SECRET",
    "WEBHOOK_LISTEN",
    "HEALTH_LISTEN",
    "BACKUP_DIR",
    "BACKUP_EVERY",
    "BACKUP_KEEP",
    "LOG_LEVEL",
    "LOG_FORMAT",
    "EVENT_LOOP",
]


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in NAMES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # no stray .env


def test_defaults_match_the_product_brief(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOT_TOKEN", "123456:ABC-def_ghi")
    settings = Settings()
    assert settings.api_base == "https://api.telegram.org"
    assert settings.database_path == Path("data/bot.sqlite3")
    assert settings.admin_ids == frozenset()
    assert str(settings.timezone) == "Asia/Tashkent"
    assert settings.default_language == "uz"
    assert settings.coordinator_chat_id is None
    assert settings.reminder_offsets == (timedelta(hours=24), timedelta(hours=2))
    assert settings.broadcast_rate == 25
    assert settings.event_loop == "uvloop"


def test_every_setting_is_in_this_list() -> None:
    """So the example file's test below covers a setting added later."""
    assert {field.alias for field in Settings.model_fields.values()} == set(NAMES)


def test_values_are_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOT_TOKEN", "123456:ABC")
    monkeypatch.setenv("ADMIN_IDS", " 11, 22 ,")
    monkeypatch.setenv("REMINDER_OFFSETS", "2h, 30m,1d")
    monkeypatch.setenv("COORDINATOR_CHAT_ID", "-100123")
    monkeypatch.setenv("TELEGRAM_API_URL", "http://127.0.0.1:8081/")
    monkeypatch.setenv("DEFAULT_LANGUAGE", "uz-Cyrl")
    settings = Settings()
    assert settings.default_language == "uz-Cyrl"
    assert settings.admin_ids == {11, 22}
    assert settings.reminder_offsets == (
        timedelta(days=1),
        timedelta(hours=2),
        timedelta(minutes=30),
    )
    assert settings.coordinator_chat_id == -100123
    assert settings.api_base == "http://127.0.0.1:8081"


def test_the_example_env_file_names_every_setting() -> None:
    example = (ROOT / ".env.example").read_text("utf-8")
    for name in NAMES:
        assert f"{name}=" in example, name


def _start(env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot"],
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), **env},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({}, "BOT_TOKEN"),
        ({"BOT_TOKEN": "not-a-token"}, "BOT_TOKEN"),
        ({"BOT_TOKEN": "1:a", "TIMEZONE": "Mars/Olympus"}, "TIMEZONE"),
        ({"BOT_TOKEN": "1:a", "DEFAULT_LANGUAGE": "de"}, "DEFAULT_LANGUAGE"),
        ({"BOT_TOKEN": "1:a", "ADMIN_IDS": "alice"}, "ADMIN_IDS"),
        ({"BOT_TOKEN": "1:a", "REMINDER_OFFSETS": "soon"}, "REMINDER_OFFSETS"),
        ({"BOT_TOKEN": "1:a", "BROADCAST_RATE": "0"}, "BROADCAST_RATE"),
        ({"BOT_TOKEN": "1:a", "TELEGRAM_API_URL": "ftp://x"}, "TELEGRAM_API_URL"),
        # Webhook mode never starts without its secret, nor over plain http.
        ({"BOT_TOKEN": "1:a", "WEBHOOK_URL": "https://bot.example.org/hook"}, "WEBHOOK_SECRET"),
        (
            {
                "BOT_TOKEN": "1:a",
                "WEBHOOK_URL": "http://bot.example.org/hook",
                "WEBHOOK_SECRET": "a" * 40,
            },
            "WEBHOOK_URL",
        ),
        ({"BOT_TOKEN": "1:a", "WEBHOOK_SECRET": "short"}, "WEBHOOK_SECRET"),
        ({"BOT_TOKEN": "1:a", "WEBHOOK_LISTEN": "localhost"}, "WEBHOOK_LISTEN"),
        ({"BOT_TOKEN": "1:a", "HEALTH_LISTEN": "127.0.0.1:99999"}, "HEALTH_LISTEN"),
        ({"BOT_TOKEN": "1:a", "BACKUP_EVERY": "often"}, "BACKUP_EVERY"),
        ({"BOT_TOKEN": "1:a", "BACKUP_KEEP": "0"}, "BACKUP_KEEP"),
        ({"BOT_TOKEN": "1:a", "LOG_LEVEL": "loud"}, "LOG_LEVEL"),
        ({"BOT_TOKEN": "1:a", "LOG_FORMAT": "xml"}, "LOG_FORMAT"),
        ({"BOT_TOKEN": "1:a", "EVENT_LOOP": "trio"}, "EVENT_LOOP"),
    ],
)
def test_a_bad_setting_stops_startup_with_one_line(
    env: dict[str, str], named: str, tmp_path: Path
) -> None:
    result = _start(env, tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("configuration error: ") and named in lines[0]
    assert "Traceback" not in result.stderr


def test_the_token_never_appears_in_the_error(tmp_path: Path) -> None:
    secret = "123456:SECRET-value"
    result = _start({"BOT_TOKEN": secret, "TIMEZONE": "Nowhere/Else"}, tmp_path)
    assert result.returncode == 2
    assert "SECRET" not in result.stderr + result.stdout


def test_operations_settings_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOT_TOKEN", "123456:ABC-def_ghi")
    defaults = Settings()
    assert defaults.webhook_url is None and defaults.health_listen == ("127.0.0.1", 8080)
    assert defaults.backup_dir is None and defaults.backup_every == timedelta(days=1)
    assert (defaults.log_level, defaults.log_format) == ("INFO", "text")
    monkeypatch.setenv("WEBHOOK_URL", "https://bot.example.org/tg")
    monkeypatch.setenv("WEBHOOK_SECRET", "s" * 32)
    monkeypatch.setenv("WEBHOOK_LISTEN", "0.0.0.0:8443")
    monkeypatch.setenv("HEALTH_LISTEN", "")
    monkeypatch.setenv("BACKUP_DIR", "/var/backups/bot")
    monkeypatch.setenv("BACKUP_EVERY", "6h")
    monkeypatch.setenv("LOG_LEVEL", "debug")
    settings = Settings()
    assert str(settings.webhook_url) == "https://bot.example.org/tg"
    assert settings.webhook_listen == ("0.0.0.0", 8443) and settings.health_listen is None
    assert settings.backup_dir == Path("/var/backups/bot")
    assert settings.backup_every == timedelta(hours=6) and settings.log_level == "DEBUG"
