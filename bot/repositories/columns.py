"""How values are stored in SQLite columns."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_text(moment: datetime) -> str:
    """UTC, to the second, one fixed width: text order is time order in SQL."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def parse_utc(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)
