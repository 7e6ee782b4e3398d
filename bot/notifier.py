"""Messages to many people at once, each in their language, paced under Telegram's limits."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable, Iterable, Iterator
from contextvars import ContextVar
from typing import Protocol, TypeVar

from aiogram import Bot
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramRetryAfter,
)
from aiogram.types import InlineKeyboardMarkup

from bot.aio import wait_set
from bot.clock import SYSTEM_CLOCK, Clock
from bot.db import Database
from bot.i18n import Locales, Translator
from bot.repositories.users import UserRepository

log = logging.getLogger(__name__)

Render = Callable[[Translator], tuple[str, InlineKeyboardMarkup | None]]
T = TypeVar("T")

# How long one message may keep waiting on Telegram's 429 answers before it counts as
# failed. A 429 says "not yet", never "no": it does not use up an attempt.
RETRY_AFTER_BUDGET = 300.0


# Set while a bulk sender makes the call it waited its turn for: the request middleware
# then knows the message is already counted in the pace (see Pacer.count).
_PACED: ContextVar[bool] = ContextVar("paced", default=False)


@contextlib.contextmanager
def paced() -> Iterator[None]:
    token = _PACED.set(True)
    try:
        yield
    finally:
        _PACED.reset(token)


def is_paced() -> bool:
    return _PACED.get()


class Recipient(Protocol):
    @property
    def user_id(self) -> int: ...
    @property
    def language(self) -> str: ...


class Pacer:
    """One app-wide pace for outgoing bulk messages, shared by every sender.

    Each caller reserves the next free slot (1/rate apart) and sleeps until it. A 429
    pauses everyone: callers whose slot falls inside the pause take a new one after it.
    The pace adapts: a 429 remembers the rate that actually got through in the seconds
    before it (the ceiling) and cuts the pace to 90% of that. Quiet time wins the rate
    back quickly to just under the ceiling; only after PROBE_AFTER quiet seconds does it
    creep past it (the real limit may have risen), and each 429 at the same ceiling
    doubles that wait. Once the limit binds, replies to people count in the same budget
    (`count`). So the pace settles just under Telegram's real limit when that is lower
    than the setting, instead of bouncing back to the setting and into the next 429.
    https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this
    """

    SLOW_DOWN = 0.9
    CLIMB_EVERY = 1.0  # seconds without a 429
    CLIMB_STEP = 0.1  # of the configured rate, per CLIMB_EVERY, below the ceiling
    PROBE_STEP = 0.01  # of the configured rate, per CLIMB_EVERY, at or past the ceiling
    UNDER_CEILING = 0.95
    FLOOR = 0.1  # of the configured rate: never slower than this
    # Quiet seconds before probing past the ceiling. Each 429 that comes at about the
    # same rate as the one before confirms the ceiling and doubles the wait: a steady
    # real limit costs a pause every few minutes, not every few seconds.
    PROBE_AFTER = 5.0
    MAX_PROBE_AFTER = 600.0
    SAME_CEILING = 1.03  # within 3% either way: the same limit hit again
    # A 429 also says what got through: the messages sent in the last seconds are a
    # measure of the real limit (plus its burst), often well under the configured pace.
    MEASURE_OVER = 5.0  # seconds
    MEASURE_AT_LEAST = 2.0  # seconds of sending before a measure is trusted

    def __init__(self, rate: float, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._max = rate
        self.rate = rate
        self._ceiling = rate
        self._now = monotonic
        self._next = 0.0
        self._held_until = 0.0
        self._steady_since = monotonic()
        self._probe_after = self.PROBE_AFTER
        self._sent: deque[float] = deque()  # when recent messages went, for the measure
        self.pauses = 0  # for /metrics: pauses Telegram imposed, and the 429s behind them
        self.too_many_requests = 0

    async def wait(self, abort: asyncio.Event | None = None) -> bool:
        """Wait for this caller's turn; False if `abort` was set first."""
        while True:
            # No await between reading and moving `_next`: reservations never overlap.
            now = self._now()
            self._climb(now)
            start = max(now, self._next)
            self._next = start + 1.0 / self.rate
            delay = start - now
            if delay > 0:
                if abort is None:
                    await asyncio.sleep(delay)
                else:
                    await wait_set(abort, delay)
            if abort is not None and abort.is_set():
                return False
            if self._now() >= self._held_until:
                self._note_sent()
                return True

    def count(self) -> None:
        """A message sent outside the pace (a reply to someone). Never waits.

        At the configured rate, replies use the headroom the operator left under
        Telegram's limit. Once a 429 has shown that the real limit binds (the pace is
        below the setting), they use the same budget as the bulk senders, which leave
        their slot free: the pace then measures everything Telegram counts.
        """
        now = self._now()
        self._climb(now)
        if self.rate >= self._max:
            return
        self._next = max(now, self._next) + 1.0 / self.rate
        self._note_sent()

    def hold(self, seconds: float) -> None:
        """Telegram said 429: nobody sends until retry_after has passed, then slower."""
        now = self._now()
        self.too_many_requests += 1
        if now >= self._held_until:  # one slow-down per pause, however many 429s it had
            self.pauses += 1
            seen_before = self._held_until > 0.0
            confirmed = seen_before and (
                self._ceiling / self.SAME_CEILING <= self.rate <= self._ceiling * self.SAME_CEILING
            )
            self._probe_after = (
                min(self._probe_after * 2, self.MAX_PROBE_AFTER) if confirmed else self.PROBE_AFTER
            )
            self._ceiling = min(self.rate, self._measured(now) or self.rate)
            self.rate = max(self._max * self.FLOOR, self._ceiling * self.SLOW_DOWN)
        self._held_until = max(self._held_until, now + seconds)
        self._next = max(self._next, self._held_until)
        self._steady_since = self._held_until

    def _note_sent(self) -> None:
        now = self._now()
        self._sent.append(now)
        while self._sent and self._sent[0] < now - self.MEASURE_OVER:
            self._sent.popleft()

    def _measured(self, now: float) -> float | None:
        """Messages per second that went out since the last pause (within the last few
        seconds), if there were enough of them to tell."""
        if not self._sent:
            return None
        since = max(now - self.MEASURE_OVER, self._held_until, self._sent[0])
        if now - since < self.MEASURE_AT_LEAST:
            return None
        return sum(1 for at in self._sent if at >= since) / (now - since)

    def _climb(self, now: float) -> None:
        while self.rate < self._max and now - self._steady_since >= self.CLIMB_EVERY:
            target = self._ceiling * self.UNDER_CEILING
            if self.rate < target:
                self.rate = min(target, self.rate + self._max * self.CLIMB_STEP)
            elif self._steady_since - self._held_until >= self._probe_after:
                self.rate = min(self._max, self.rate + self._max * self.PROBE_STEP)
            self._steady_since += self.CLIMB_EVERY


class Notifier:
    """Send one rendered message per person; a failure for one never stops the others."""

    def __init__(
        self,
        bot: Bot,
        locales: Locales,
        rate: float,
        db: Database | None = None,
        clock: Clock = SYSTEM_CLOCK,
    ) -> None:
        self._bot = bot
        self._clock = clock
        self._locales = locales
        self._db = db
        self.pacer = Pacer(rate)

    async def send(self, recipients: Iterable[Recipient], render: Render) -> int:
        """Return how many people the message reached."""
        reached = 0
        for recipient in recipients:
            tr = self._locales.get(recipient.language)
            reached += await self.send_one(recipient.user_id, tr, render)
        return reached

    async def send_one(self, chat_id: int, tr: Translator, render: Render) -> bool:
        text, markup = render(tr)

        async def send() -> bool:
            await self._bot.send_message(chat_id, text, reply_markup=markup)
            return True

        return await self.deliver(chat_id, send) is not None

    async def deliver(self, chat_id: int, call: Callable[[], Awaitable[T]]) -> T | None:
        """Make one Telegram call to this chat at the shared pace; its result, or None
        when it failed (after 429s for longer than the budget, or for good). The call
        itself never returns None."""
        deadline = time.monotonic() + RETRY_AFTER_BUDGET
        while True:
            await self.pacer.wait()
            try:
                with paced():
                    return await call()
            except TelegramRetryAfter as error:
                self.pacer.hold(error.retry_after)
                if time.monotonic() + error.retry_after > deadline:
                    log.warning("notify gave up after 429s chat=%d", chat_id)
                    return None
            except TelegramAPIError as error:
                # Blocked, deleted account, chat gone: this person only; log no text.
                log.warning("notify failed chat=%d error=%s", chat_id, type(error).__name__)
                if is_unreachable(error):
                    await self._mark_unreachable(chat_id)
                return None

    async def _mark_unreachable(self, chat_id: int) -> None:
        """Leave them out of broadcasts until they write again (as the broadcast worker does)."""
        if self._db is None:
            return
        async with self._db.unit_of_work() as uow:
            await UserRepository(uow).mark_unreachable(chat_id, self._clock())


def is_not_modified(error: TelegramAPIError) -> bool:
    """Telegram refused an edit because the message already shows exactly that."""
    return isinstance(error, TelegramBadRequest) and "message is not modified" in error.message


def is_unreachable(error: TelegramAPIError) -> bool:
    """Telegram says this chat cannot get messages: blocked, deactivated, or gone."""
    if isinstance(error, TelegramForbiddenError):
        return True
    return isinstance(error, TelegramBadRequest) and "chat not found" in error.message.lower()
