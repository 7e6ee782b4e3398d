"""Prometheus metrics: what the bot did since it started, and what waits now.

Counters that the bot increments (updates, handling time, 429 pauses) live in a registry
of the App's own, not the library's global one, so the in-process tests can run many
bots in one process. Gauges about the database (outbox backlog, deliveries, reminders)
are read when /metrics is asked for: they are true after a restart too.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from bot.repositories.operations import Backlog

# Reply times people notice: a few milliseconds to a few seconds.
_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What the database and the pace say at scrape time (read by the health server)."""

    backlog: Backlog
    pauses: int
    too_many_requests: int


_EMPTY = Snapshot(Backlog(outbox_pending={}, deliveries={}, reminders_pending=0), 0, 0)


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.updates = Counter(
            "bot_updates",
            "Updates taken, by type and outcome (done, unhandled, refused, error, repeat).",
            ["type", "outcome"],
            registry=self.registry,
        )
        self.handling = Histogram(
            "bot_update_handling_seconds",
            "Time from taking an update to finishing it, replies included.",
            buckets=_BUCKETS,
            registry=self.registry,
        )
        self.errors = Counter(
            "bot_unexpected_errors", "Unhandled errors in updates, by kind.", ["kind"],
            registry=self.registry,
        )  # fmt: skip
        self.backups = Counter(
            "bot_backups", "Scheduled backups, by outcome (written, failed).", ["outcome"],
            registry=self.registry,
        )  # fmt: skip
        self._snapshot = _EMPTY
        self.last_update: datetime | None = None
        self.registry.register(_SnapshotCollector(self))

    def observe(self, update_type: str, outcome: str, seconds: float, at: datetime) -> None:
        self.last_update = at
        self.updates.labels(update_type, outcome).inc()
        self.handling.observe(seconds)

    def render(self, snapshot: Snapshot) -> bytes:
        self._snapshot = snapshot
        return generate_latest(self.registry)


class _SnapshotCollector(Collector):
    def __init__(self, metrics: Metrics) -> None:
        self._metrics = metrics

    def describe(self) -> Iterable[Metric]:
        return list(self._families(_EMPTY))

    def collect(self) -> Iterable[Metric]:
        return list(self._families(self._metrics._snapshot))

    @staticmethod
    def _families(snapshot: Snapshot) -> Iterator[Metric]:
        outbox = GaugeMetricFamily(
            "bot_outbox_pending", "Messages waiting in an outbox.", labels=["outbox"]
        )
        for name in ("broadcast", "notice", "desk"):
            outbox.add_metric([name], snapshot.backlog.outbox_pending.get(name, 0))
        yield outbox
        deliveries = CounterMetricFamily(
            "bot_broadcast_deliveries",
            "Broadcast copies by outcome, all time (from the database).",
            labels=["outcome"],
        )
        for name in ("sent", "unreachable", "failed", "uncertain"):
            deliveries.add_metric([name], snapshot.backlog.deliveries.get(name, 0))
        yield deliveries
        yield GaugeMetricFamily(
            "bot_reminders_pending", "Reminders scheduled and not yet sent.",
            value=snapshot.backlog.reminders_pending,
        )  # fmt: skip
        yield CounterMetricFamily(
            "bot_telegram_pauses", "Pauses Telegram imposed on sending (429), since start.",
            value=snapshot.pauses,
        )  # fmt: skip
        yield CounterMetricFamily(
            "bot_telegram_too_many_requests", "429 answers from Telegram, since start.",
            value=snapshot.too_many_requests,
        )  # fmt: skip
