"""Failure injection and Telegram-like flood limits."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

__all__ = ["DEFAULT_DESCRIPTIONS", "FailureInjector", "FailureRule", "RateLimiter"]

FailureKind = Literal["error", "timeout", "slow"]

#: Descriptions the real API uses for common error codes.
DEFAULT_DESCRIPTIONS: dict[int, str] = {
    400: "Bad Request: injected failure",
    401: "Unauthorized",
    403: "Forbidden: bot was blocked by the user",
    404: "Not Found",
    409: "Conflict: terminated by other getUpdates request",
    429: "Too Many Requests: retry after {retry_after}",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


@dataclass(slots=True)
class FailureRule:
    """One entry registered with :meth:`standin.BotAPIStandin.fail_next`."""

    method: str  # lower-case method name, or "*" for any method
    error_code: int
    description: str
    retry_after: int | None
    remaining: int
    chat_id: int | str | None
    kind: FailureKind
    delay: float


class FailureInjector:
    """Rules by method; matching costs one dictionary look-up when no rule applies."""

    def __init__(self) -> None:
        self._rules: dict[str, list[FailureRule]] = {}

    def __bool__(self) -> bool:
        return bool(self._rules)

    def add(self, rule: FailureRule) -> None:
        self._rules.setdefault(rule.method, []).append(rule)

    def clear(self) -> None:
        self._rules.clear()

    def pending(self) -> list[FailureRule]:
        return [rule for rules in self._rules.values() for rule in rules]

    def take(self, method_lower: str, chat_id: Any) -> FailureRule | None:
        """The first rule matching this call (its ``remaining`` count is consumed)."""
        if not self._rules:
            return None
        for key in (method_lower, "*"):
            rules = self._rules.get(key)
            if not rules:
                continue
            for index, rule in enumerate(rules):
                if rule.chat_id is not None and rule.chat_id != chat_id:
                    continue
                rule.remaining -= 1
                if rule.remaining <= 0:
                    del rules[index]
                    if not rules:
                        del self._rules[key]
                return rule
        return None


class _Bucket:
    __slots__ = ("capacity", "last", "rate", "tokens")

    def __init__(self, rate: float, capacity: float, now: float) -> None:
        self.rate = rate
        self.capacity = capacity
        self.tokens = capacity
        self.last = now

    def wait_time(self, now: float) -> float:
        """Seconds until one token is available (0 if it is now)."""
        self.tokens = min(self.capacity, self.tokens + (now - self.last) * self.rate)
        self.last = now
        if self.tokens >= 1.0:
            return 0.0
        return (1.0 - self.tokens) / self.rate


class RateLimiter:
    """Token buckets per chat (private chats and groups differ) plus one global bucket."""

    def __init__(
        self,
        *,
        per_chat_per_second: float,
        global_per_second: float,
        group_per_minute: float,
        burst: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per_chat_per_second = per_chat_per_second
        self.global_per_second = global_per_second
        self.group_per_minute = group_per_minute
        self.burst = burst
        self._clock = clock
        now = clock()
        self._global = _Bucket(global_per_second, burst or max(1.0, global_per_second), now)
        self._chats: dict[int | str, _Bucket] = {}

    def check(self, chat_id: int | str, is_group: bool) -> int | None:
        """``None`` if a message may be sent now (and count it), else ``retry_after``."""
        now = self._clock()
        bucket = self._chats.get(chat_id)
        if bucket is None:
            if is_group:
                rate = self.group_per_minute / 60.0
                capacity = self.burst or max(1.0, float(self.group_per_minute))
            else:
                rate = self.per_chat_per_second
                capacity = self.burst or max(1.0, self.per_chat_per_second)
            bucket = self._chats[chat_id] = _Bucket(rate, capacity, now)
        wait = max(bucket.wait_time(now), self._global.wait_time(now))
        if wait > 0:
            return max(1, math.ceil(wait))
        bucket.tokens -= 1.0
        self._global.tokens -= 1.0
        return None
