"""Log lines mask the token and phone numbers and stay one line per event."""

from __future__ import annotations

import logging
import warnings

import pytest

from bot.logs import RedactingFormatter, configure_logging

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


def test_python_warnings_go_through_the_redacting_formatter(
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    try:
        logging.captureWarnings(False)  # pytest resets `showwarning` for each test
        configure_logging(TOKEN)
        # What `warnings.warn` ends in once no filter stops it (pytest's own filters
        # would catch a real warning before it got there).
        warnings.showwarning(
            RuntimeWarning("update from +998901234567 via /bot" + TOKEN),
            RuntimeWarning,
            "aiogram/dispatcher.py",
            272,
        )
    finally:
        logging.captureWarnings(False)
        root.handlers[:], root.level = handlers, level
    err = capsys.readouterr().err
    assert "RuntimeWarning" in err and "[phone]" in err and "[token]" in err
    assert "998901234567" not in err and TOKEN not in err
    assert err.count("\n") == 1  # one line


def test_json_lines_are_masked_objects_one_per_event() -> None:
    import json

    from bot.logs import JsonFormatter

    try:
        raise ValueError(f"bad call to /bot{TOKEN}/sendMessage for +998901234567")
    except ValueError as error:
        exc_info = (type(error), error, error.__traceback__)
    record = logging.LogRecord("bot", logging.ERROR, __file__, 1, "user %s", ("+998901234567",),
                               exc_info)  # fmt: skip
    line = JsonFormatter([TOKEN]).format(record)
    assert "\n" not in line and TOKEN not in line and "998901234567" not in line
    entry = json.loads(line)
    assert entry["level"] == "ERROR" and entry["message"] == "user [phone]"
    assert "ValueError" in entry["error"] and "[token]" in entry["error"]
