"""Unexpected errors reach the admins: the rule of how often.

A burst of one failure (a bad deploy, a full disk) must not flood the admins' chats: each
kind of error (its type and where it was raised) gets at most one notice per window; the
repeats in between are counted, and the next notice of that kind says how many there
were. The state is in memory: after a restart the first error of a kind is news again.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

WINDOW = timedelta(minutes=10)
# Frames under these packages (side by side, in a checkout and when installed) are ours;
# "where" names the innermost of them.
_ROOTS = tuple(Path(__file__).resolve().parents[2] / name for name in ("bot", "handlers"))


@dataclass(frozen=True, slots=True)
class ErrorNotice:
    """What an admin is told: never the person's text, phone or name."""

    update_id: int
    error: str  # the exception's type name only: its message may quote a person's text
    where: str  # file:line (function)
    repeats: int  # errors of this kind since the last notice, not told one by one


@dataclass(slots=True)
class _Kind:
    told_at: datetime
    repeats: int = 0


class ErrorNoticeRule:
    def __init__(self, window: timedelta = WINDOW) -> None:
        self._window = window
        self._kinds: dict[tuple[str, str], _Kind] = {}

    def admit(self, update_id: int, error: BaseException, now: datetime) -> ErrorNotice | None:
        """The notice to send for this error now, or None (counted for the next one)."""
        name, where = type(error).__name__, where_raised(error)
        kind = self._kinds.get((name, where))
        if kind is not None and now - kind.told_at < self._window:
            kind.repeats += 1
            return None
        repeats = kind.repeats if kind is not None else 0
        self._kinds[(name, where)] = _Kind(told_at=now)
        return ErrorNotice(update_id, name, where, repeats)


def where_raised(error: BaseException) -> str:
    """The innermost frame in the bot's own code, else the innermost of all."""
    frames = traceback.extract_tb(error.__traceback__)
    if not frames:
        return "?"
    ours = [frame for frame in frames if _ours(frame.filename)]
    frame = (ours or frames)[-1]
    return f"{_ours(frame.filename) or Path(frame.filename).name}:{frame.lineno} ({frame.name})"


def _ours(filename: str) -> str | None:
    """`handlers/hearings.py` for a file of the bot's, None for a library's."""
    path = Path(filename).resolve()
    for root in _ROOTS:
        if path.is_relative_to(root):
            return path.relative_to(root.parent).as_posix()
    return None
