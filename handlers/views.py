"""Texts composed from several locale messages."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.i18n import Translator


def profile_fields(
    tr: Translator,
    *,
    name: str | None,
    phone: str | None,
    region: str | None,
    interests: Iterable[str],
) -> dict[str, str]:
    """The placeholders of `profile-fields`, localized; a missing value shows as a dash."""
    return {
        "name": name or "—",
        "phone": phone or "—",
        "region": tr(f"region-{region}") if region else "—",
        "interests": ", ".join(tr(f"interest-{code}") for code in interests) or "—",
        "language": tr(f"language-name-{tr.language}"),
    }


def local_date(moment: datetime | None, zone: ZoneInfo) -> str:
    """Dates the way people write them here: 05.12.2026."""
    return "—" if moment is None else moment.astimezone(zone).strftime("%d.%m.%Y")
