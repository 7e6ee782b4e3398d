"""Bulk import of hearings from CSV: every row is checked; one bad row imports nothing."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import TypeVar
from zoneinfo import ZoneInfo

from bot.i18n import Translator
from bot.repositories.hearings import HearingDraft, HearingRepository
from bot.services import errors
from bot.services import hearings as rules

COLUMNS = (
    "title", "chamber", "body", "committee", "starts_at", "ends_at", "address", "latitude",
    "longitude", "seats", "description",
)  # fmt: skip
T = TypeVar("T")
REQUIRED = ("title", "chamber", "committee", "starts_at", "address", "seats")


@dataclass(frozen=True, slots=True)
class BadRow:
    line: int
    reason: str


def read_hearings(
    text: str, zone: ZoneInfo, now: datetime, explain: Translator
) -> tuple[list[HearingDraft], list[BadRow]]:
    """Parse the whole file; return the drafts, or every problem with its line number."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))  # Excel writes a BOM
    header = [name.strip() for name in reader.fieldnames or []]
    missing = [name for name in REQUIRED if name not in header]
    unknown = [name for name in header if name not in COLUMNS]
    if missing or unknown:
        reason = (
            f"columns: missing {missing or '-'}, unknown {unknown or '-'}; expected {list(COLUMNS)}"
        )
        return [], [BadRow(1, reason)]
    drafts: list[HearingDraft] = []
    problems: list[BadRow] = []
    for row in reader:
        line = reader.line_num
        cells = {key.strip(): (value or "").strip() for key, value in row.items() if key}
        try:
            drafts.append(_draft(cells, zone, now))
        except _BadCellError as bad:
            reason = _plain(explain(bad.error.key, **bad.error.args_for_text))
            problems.append(BadRow(line, f"{bad.column}: {reason}"))
        except ValueError as error:
            problems.append(BadRow(line, str(error)))
    if not drafts and not problems:
        problems.append(BadRow(1, "the file has no rows"))
    return drafts, problems


class _BadCellError(Exception):
    def __init__(self, column: str, error: errors.DomainError) -> None:
        super().__init__(column)
        self.column = column
        self.error = error


def _cell(column: str, check: Callable[[str], T], cells: dict[str, str]) -> T:
    """Run one column's check; name the column when it fails."""
    try:
        return check(cells.get(column, ""))
    except errors.DomainError as error:
        raise _BadCellError(column, error) from error


def _draft(cells: dict[str, str], zone: ZoneInfo, now: datetime) -> HearingDraft:
    for name in REQUIRED:
        if not cells.get(name):
            raise ValueError(f"{name} is empty")
    chamber = cells["chamber"].lower()
    if chamber not in rules.CHAMBERS:
        raise ValueError(f"chamber must be one of {', '.join(rules.CHAMBERS)}")
    if chamber == "other" and not cells.get("body"):
        raise ValueError("body is required when chamber is other")
    body = _cell("body", partial(rules.clean_text, "body"), cells) if chamber == "other" else None
    starts_at = _cell("starts_at", lambda v: rules.parse_local_datetime(v, zone, now), cells)
    ends_at = (
        _cell("ends_at", lambda v: rules.parse_end_time(v, starts_at, zone), cells)
        if cells.get("ends_at")
        else None
    )
    latitude, longitude = _coordinates(cells.get("latitude", ""), cells.get("longitude", ""))
    return rules.check_draft(
        HearingDraft(
            title=_cell("title", partial(rules.clean_text, "title"), cells),
            chamber=chamber,
            body=body,
            committee=_cell("committee", partial(rules.clean_text, "committee"), cells),
            starts_at=starts_at,
            ends_at=ends_at,
            address=_cell("address", partial(rules.clean_text, "address"), cells),
            latitude=latitude,
            longitude=longitude,
            seats=_cell("seats", rules.parse_seats, cells),
            description=_cell("description", partial(rules.clean_text, "description"), cells),
        ),
        now,
    )


def _coordinates(latitude: str, longitude: str) -> tuple[float | None, float | None]:
    if not latitude and not longitude:
        return None, None
    try:
        lat, lon = float(latitude), float(longitude)
    except ValueError as error:
        raise ValueError("latitude and longitude must both be numbers, or both empty") from error
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError("latitude must be within ±90 and longitude within ±180")
    return lat, lon


def _plain(text: str) -> str:
    for tag in ("<code>", "</code>", "<b>", "</b>", "<i>", "</i>"):
        text = text.replace(tag, "")
    return text


async def store(
    hearings: HearingRepository, drafts: list[HearingDraft], now: datetime
) -> list[int]:
    return [await hearings.add(draft, None, now) for draft in drafts]
