"""The error a method handler raises to produce a Telegram-style error response."""

from __future__ import annotations

__all__ = ["ApiError", "bad_request"]


class ApiError(Exception):
    """An API call that fails with ``{"ok": false, "error_code": ..., "description": ...}``.

    ``violation`` marks calls the real Bot API would reject *because the bot did something
    wrong* (as opposed to ordinary runtime errors such as "chat not found"); the server
    records those in :attr:`standin.BotAPIStandin.violations`.
    """

    def __init__(
        self,
        error_code: int,
        description: str,
        *,
        violation: bool = False,
        retry_after: int | None = None,
    ) -> None:
        super().__init__(description)
        self.error_code = error_code
        self.description = description
        self.violation = violation
        self.retry_after = retry_after


def bad_request(reason: str, *, violation: bool = False) -> ApiError:
    """A 400 error whose description is ``"Bad Request: <reason>"``."""
    return ApiError(400, f"Bad Request: {reason}", violation=violation)
