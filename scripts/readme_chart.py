"""Draw the chart the README shows, from demo data in a scratch database.

    .venv/bin/python scripts/readme_chart.py [--chart regions] [--language en] [--out FILE]

The data is made up but shaped like a real deployment's (more volunteers in Tashkent,
a steady trickle of registrations, some no-shows); the seed is fixed, so the image only
changes when the code that draws it does. The chart goes through the same service, texts
and renderer as /stats.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot import charts  # noqa: E402
from bot.db import Database, UnitOfWork  # noqa: E402
from bot.i18n import LANGUAGES, Locales  # noqa: E402
from bot.repositories.columns import utc_text  # noqa: E402
from bot.repositories.stats import StatsRepository  # noqa: E402
from bot.services import stats as rules  # noqa: E402
from bot.services.volunteers import REGIONS  # noqa: E402
from bot.ui import stats as ui  # noqa: E402

CHARTS = ("regions", "weeks", "hearings", "funnel")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
ZONE_NAME = "Asia/Tashkent"
# Relative sizes of the regions' volunteer groups (Tashkent City and the Fergana valley lead).
WEIGHTS = {"TK": 30, "TO": 9, "SA": 10, "FA": 9, "AN": 8, "NG": 7, "QA": 6, "SU": 5,
           "BU": 5, "XO": 4, "QR": 4, "JI": 3, "NW": 2, "SI": 0}  # fmt: skip


async def seed(uow: UnitOfWork, rng: random.Random) -> None:
    """Volunteers over twelve weeks, six past hearings with seats, attendance and reports."""
    regions = [code for code in REGIONS for _ in range(WEIGHTS[code])]
    for user_id in range(1, 241):
        registered = utc_text(NOW - timedelta(days=rng.triangular(0, 84, 10)))
        await uow.execute(
            """
            INSERT INTO users (id, language, full_name, region, registered_at, created_at,
                updated_at)
            VALUES (:id, :language, :name, :region, :at, :at, :at)
            """,
            {"id": user_id, "language": rng.choice(LANGUAGES), "name": f"Volunteer {user_id}",
             "region": rng.choice(regions), "at": registered},
        )  # fmt: skip
    titles = ("Budget 2027", "Water code", "Public procurement", "Mahalla reform",
              "Inclusive education", "Digital services")  # fmt: skip
    for index, title in enumerate(titles):
        starts = NOW - timedelta(days=7 * (len(titles) - index), hours=-1)
        seats = rng.choice((10, 12, 15, 20))
        hearing_id = await uow.insert(
            """
            INSERT INTO hearings (title, chamber, committee, starts_at, address, seats,
                created_at, updated_at)
            VALUES (:title, 'senate', 'Committee', :at, 'Tashkent', :seats, :at, :at)
            """,
            {"title": title, "at": utc_text(starts), "seats": seats},
        )
        for user_id in rng.sample(range(1, 241), rng.randint(6, seats)):
            came = rng.random() < 0.8
            await uow.execute(
                """
                INSERT INTO signups (hearing_id, user_id, status, attended_at, attended_via,
                    created_at, updated_at)
                VALUES (:hearing, :user, 'confirmed', :came, :via, :at, :at)
                """,
                {"hearing": hearing_id, "user": user_id, "at": utc_text(starts),
                 "came": utc_text(starts) if came else None, "via": "qr" if came else None},
            )  # fmt: skip
            if came and rng.random() < 0.7:
                status = rng.choice(("submitted", "returned", "accepted", "accepted"))
                await uow.execute(
                    """
                    INSERT INTO reports (hearing_id, user_id, status, form_version, step,
                        submitted_at, created_at, updated_at)
                    VALUES (:hearing, :user, :status, 1, 'review', :at, :at, :at)
                    """,
                    {"hearing": hearing_id, "user": user_id, "status": status,
                     "at": utc_text(starts + timedelta(hours=3))},
                )  # fmt: skip


async def draw(chart: str, language: str) -> bytes:
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(ZONE_NAME)
    tr = Locales(language).get(language)
    with tempfile.TemporaryDirectory() as scratch:
        db = Database(Path(scratch) / "demo.sqlite3")
        await db.connect()
        try:
            await db.migrate()
            async with db.unit_of_work() as uow:
                await seed(uow, random.Random(11))
            async with db.unit_of_work() as uow:
                stats = StatsRepository(uow)
                if chart == "regions":
                    overview = await rules.overview(stats, NOW)
                    figure = ui.region_chart(tr, rules.region_chart(overview.by_region))
                elif chart == "weeks":
                    figure = ui.registrations_chart(
                        tr, await rules.registrations_chart(stats, NOW, zone)
                    )
                elif chart == "hearings":
                    data, rows = await rules.attendance_chart(stats, NOW)
                    figure = ui.attendance_chart(tr, data, rows, zone)
                else:
                    overview = await rules.overview(stats, NOW)
                    figure = ui.funnel_chart(tr, rules.funnel_chart(overview.reports))
        finally:
            await db.close()
    return await charts.render([figure], dpi=120)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chart", choices=CHARTS, default="regions")
    parser.add_argument("--language", choices=LANGUAGES, default="uz")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "chart.png")
    args = parser.parse_args()
    png = asyncio.run(draw(args.chart, args.language))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(png)


if __name__ == "__main__":
    main()
