"""The shared pace slows down after a 429 and climbs back gradually (no wall clock: the
pacer reads a fake monotonic clock)."""

from __future__ import annotations

import pytest

from bot.notifier import Pacer


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_429_cuts_the_rate_once_per_pause_and_quiet_time_wins_it_back() -> None:
    fake = FakeTime()
    pacer = Pacer(25.0, monotonic=fake)
    pacer.hold(2.0)
    first_cut = 25.0 * Pacer.SLOW_DOWN
    assert pacer.rate == pytest.approx(first_cut)
    pacer.hold(2.0)  # more 429s inside the same pause: one slow-down
    assert pacer.rate == pytest.approx(first_cut)
    fake.now += 3.0  # the pause is over, and another 429 comes: slower again
    pacer.hold(1.0)
    ceiling = first_cut  # the rate the last 429 came at
    assert pacer.rate == pytest.approx(ceiling * Pacer.SLOW_DOWN)

    # Quiet time wins the rate back fast to just under that ceiling, and holds it there...
    fake.now += 1.0 + Pacer.CLIMB_EVERY * 4
    pacer._climb(fake.now)
    assert pacer.rate == pytest.approx(ceiling * Pacer.UNDER_CEILING)
    # ...until PROBE_AFTER quiet seconds have passed: then slowly past it (the real limit
    # may have risen), up to the setting.
    fake.now += Pacer.PROBE_AFTER
    before = pacer.rate
    pacer._climb(fake.now)
    assert before < pacer.rate <= before + 25.0 * Pacer.PROBE_STEP * Pacer.PROBE_AFTER
    fake.now += Pacer.CLIMB_EVERY * 10_000
    pacer._climb(fake.now)
    assert pacer.rate == pytest.approx(25.0)


def test_a_429_at_the_same_rate_again_doubles_the_quiet_time_before_probing() -> None:
    fake = FakeTime()
    pacer = Pacer(25.0, monotonic=fake)
    waits = []
    for _ in range(4):
        fake.now += 1.0
        pacer.hold(1.0)
        waits.append(pacer._probe_after)
        pacer.rate = pacer._ceiling  # probed back up to the same limit, and hit it again
    assert waits[1:] == [Pacer.PROBE_AFTER * 2, Pacer.PROBE_AFTER * 4, Pacer.PROBE_AFTER * 8]
    # A 429 at a clearly different rate starts over.
    fake.now += 10.0
    pacer.rate = pacer._ceiling * 0.8
    pacer.hold(1.0)
    assert pacer._probe_after == Pacer.PROBE_AFTER


async def test_the_ceiling_is_what_got_through_not_what_was_asked() -> None:
    # Sending at 25/s while Telegram let 20/s through: the ceiling is the measure.
    fake = FakeTime()
    pacer = Pacer(25.0, monotonic=fake)
    for _ in range(60):  # three seconds at 20 a second
        pacer._note_sent()
        fake.now += 0.05
    pacer.hold(1.0)
    assert pacer._ceiling == pytest.approx(20.0, rel=0.05)
    assert pacer.rate == pytest.approx(pacer._ceiling * Pacer.SLOW_DOWN)


async def test_replies_share_the_budget_only_once_the_limit_binds() -> None:
    fake = FakeTime()
    pacer = Pacer(10.0, monotonic=fake)
    pacer.count()  # at the configured rate: replies use the operator's headroom
    assert pacer._next == 0.0
    pacer.hold(1.0)
    fake.now += 1.0
    start = max(fake.now, pacer._next)
    pacer.count()  # below it: a reply takes a bulk sender's slot
    assert pacer._next == pytest.approx(start + 1.0 / pacer.rate)


def test_the_rate_never_falls_below_a_tenth_of_the_setting() -> None:
    fake = FakeTime()
    pacer = Pacer(30.0, monotonic=fake)
    for _ in range(100):
        fake.now += 10
        pacer.hold(1.0)
    assert pacer.rate == pytest.approx(30.0 * Pacer.FLOOR)


async def test_slots_are_spaced_by_the_current_rate() -> None:
    fake = FakeTime()
    pacer = Pacer(1000.0, monotonic=fake)
    assert await pacer.wait()
    first = pacer._next
    assert await pacer.wait()
    assert pacer._next - first == pytest.approx(1 / 1000.0)
