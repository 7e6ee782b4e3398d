"""Statistics for coordinators: the overview and the data behind every chart.

The data is in codes (region codes, week starts, stage and option names); `bot/ui/stats.py`
puts it into the coordinator's language and `bot/charts.py` draws exactly these numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.repositories.hearings import Hearing, HearingChoice, HearingRepository
from bot.repositories.stats import (
    BroadcastReach,
    HearingAttendance,
    HearingCounts,
    ReportCounts,
    StatsRepository,
    VolunteerCounts,
)
from bot.services import hearings as hearing_rules
from bot.services.report_form import ReportForm
from bot.services.volunteers import REGIONS

NEW_VOLUNTEER_DAYS = 7
WEEKS = 12  # registrations per week: this week and the eleven before
RECENT_HEARINGS = 8  # seats / confirmed / attended: the hearings that started last
HEARING_CHOICES = 10  # the "by hearing" list: the hearings nearest to now
FUNNEL = ("expected", "started", "submitted", "accepted")
REPORT_STATUSES = ("draft", "submitted", "returned", "accepted")
CHARTED_KINDS = ("yes_no", "choice")  # numbers and free text are not tallied


@dataclass(frozen=True, slots=True)
class ChartData:
    """What one chart plots: a label (a code) per position, and named series of values."""

    labels: tuple[str, ...]
    series: tuple[tuple[str, tuple[int, ...]], ...]

    def values(self, name: str) -> tuple[int, ...]:
        return dict(self.series)[name]

    @property
    def is_empty(self) -> bool:
        return not self.labels or not any(any(values) for _, values in self.series)


@dataclass(frozen=True, slots=True)
class Overview:
    volunteers: VolunteerCounts
    by_region: dict[str, int]  # every region, zeros included, in REGIONS order
    hearings: HearingCounts
    reports: ReportCounts
    broadcast: BroadcastReach | None

    @property
    def attendance_percent(self) -> int | None:
        """Attended of confirmed seats at past hearings, rounded; None with no seats."""
        confirmed = self.hearings.past_confirmed
        return None if confirmed == 0 else round(100 * self.hearings.past_attended / confirmed)


@dataclass(frozen=True, slots=True)
class HearingSummary:
    hearing: Hearing
    coming: int
    attended: int
    reports: dict[str, int]  # every status in REPORT_STATUSES, zeros included


@dataclass(frozen=True, slots=True)
class QuestionTally:
    """One checklist question: each option's count among the hearing's sent reports."""

    question: str
    kind: str
    chart: ChartData  # labels: the options; one series, "answers"


@dataclass(frozen=True, slots=True)
class AnswerTally:
    reports: int  # sent reports of the current form version
    questions: tuple[QuestionTally, ...]


async def overview(stats: StatsRepository, now: datetime) -> Overview:
    """The numbers of the /stats message."""
    by_region = await stats.volunteers_by_region()
    return Overview(
        volunteers=await stats.volunteers(now - timedelta(days=NEW_VOLUNTEER_DAYS)),
        by_region={code: by_region.get(code, 0) for code in REGIONS},
        hearings=await stats.hearings(now),
        reports=await stats.reports(now),
        broadcast=await stats.last_broadcast(),
    )


def region_chart(by_region: dict[str, int]) -> ChartData:
    """Registered volunteers in each of the 14 regions (zeros included)."""
    return ChartData(REGIONS, (("volunteers", tuple(by_region.get(c, 0) for c in REGIONS)),))


def week_start(now: datetime, zone: ZoneInfo) -> date:
    """Monday of the local week that holds `now`."""
    today = now.astimezone(zone).date()
    return today - timedelta(days=today.weekday())


async def registrations_chart(
    stats: StatsRepository, now: datetime, zone: ZoneInfo, weeks: int = WEEKS
) -> ChartData:
    """Registrations per local week (Monday to Sunday), this week last; labels are ISO dates
    of the Mondays."""
    first = week_start(now, zone) - timedelta(weeks=weeks - 1)
    start = datetime.combine(first, time(), zone)
    counts = await stats.registrations_by_week(start)
    days = [first + timedelta(weeks=index) for index in range(weeks)]
    return ChartData(
        tuple(day.isoformat() for day in days),
        (("registrations", tuple(counts.get(index, 0) for index in range(weeks))),),
    )


async def attendance_chart(
    stats: StatsRepository, now: datetime, limit: int = RECENT_HEARINGS
) -> tuple[ChartData, list[HearingAttendance]]:
    """Seats, confirmed and attended at the hearings that started last; labels are ids."""
    rows = await stats.recent_attendance(now, limit)
    chart = ChartData(
        tuple(str(row.id) for row in rows),
        (
            ("seats", tuple(row.seats for row in rows)),
            ("confirmed", tuple(row.confirmed for row in rows)),
            ("attended", tuple(row.attended for row in rows)),
        ),
    )
    return chart, rows


def funnel_chart(reports: ReportCounts) -> ChartData:
    """From a seat at a past hearing to an accepted report."""
    values = (
        reports.expected,
        sum(reports.by_status.values()),
        reports.ever_submitted,
        reports["accepted"],
    )
    return ChartData(FUNNEL, (("reports", values),))


async def nearest_hearings(hearings: HearingRepository, now: datetime) -> list[HearingChoice]:
    return await hearings.nearest(now, HEARING_CHOICES)


async def hearing_summary(
    stats: StatsRepository, hearings: HearingRepository, hearing_id: int
) -> HearingSummary:
    """One hearing's seats, sign-ups, attendance and reports; an unknown id is refused."""
    hearing = await hearing_rules.get_hearing(hearings, hearing_id)
    numbers = await stats.hearing_numbers(hearing_id)
    return HearingSummary(
        hearing=hearing,
        coming=numbers.coming,
        attended=numbers.attended,
        reports={status: numbers.reports.get(status, 0) for status in REPORT_STATUSES},
    )


async def answer_tally(stats: StatsRepository, form: ReportForm, hearing_id: int) -> AnswerTally:
    """Every yes/no and choice answer of the hearing's sent reports, counted per option."""
    total, counts = await stats.answer_counts(hearing_id, form.version)
    questions = []
    for question in form.questions:
        if question.kind not in CHARTED_KINDS:
            continue
        options = ("yes", "no") if question.kind == "yes_no" else question.options
        values = tuple(counts.get((question.id, option), 0) for option in options)
        questions.append(
            QuestionTally(question.id, question.kind, ChartData(options, (("answers", values),)))
        )
    return AnswerTally(total, tuple(questions))
