"""Log lines mask the token and phone numbers and stay one line per event."""

from __future__ import annotations

import logging

from bot.logs import RedactingFormatter

TOKEN = "123456:SECRET-token"


def _format(message: str, *args: object, exc: BaseException | None = None) -> str:
    formatter = RedactingFormatter("%(levelname)s %(message)s", [TOKEN])
    exc_info = (type(exc), exc, exc.__traceback__) if exc else None
    record = logging.LogRecord("bot", logging.ERROR, __file__, 1, message, args, exc_info)
    return formatter.format(record)


def test_the_token_and_phone_numbers_are_masked() -> None:
    line = _format(
        "url=%s phones=%s %s", f"https://x/bot{TOKEN}/getMe", "+998901234567", "998911112233"
    )
    assert TOKEN not in line and "998901234567" not in line and "998911112233" not in line
    assert "[token]" in line and line.count("[phone]") == 2


def test_user_ids_are_not_mistaken_for_phone_numbers() -> None:
    assert _format("update id=%d user=%d", 123456789, 5012345678) == (
        "ERROR update id=123456789 user=5012345678"
    )


def test_a_traceback_stays_on_one_line() -> None:
    try:
        raise ValueError(f"bad call to /bot{TOKEN}/sendMessage")
    except ValueError as error:
        line = _format("failed", exc=error)
    assert "\n" not in line and "Traceback" in line and TOKEN not in line
