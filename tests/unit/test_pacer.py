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

    # Quiet time wins the rate back fast to just under that ceiling...
    fake.now += 1.0 + Pacer.CLIMB_EVERY * 10
    pacer._climb(fake.now)
    assert ceiling * Pacer.UNDER_CEILING <= pacer.rate < ceiling
    # ...then only slowly past it (the real limit may have risen), up to the setting.
    before = pacer.rate
    fake.now += Pacer.CLIMB_EVERY
    pacer._climb(fake.now)
    assert pacer.rate == pytest.approx(before + 25.0 * Pacer.PROBE_STEP)
    fake.now += Pacer.CLIMB_EVERY * 10_000
    pacer._climb(fake.now)
    assert pacer.rate == pytest.approx(25.0)


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
