"""Demo data: volunteers in every region and language, hearings of both chambers and a
public council (ahead, under way and past), sign-ups with a waiting list, attendance,
reports in each status and a past broadcast, so /hearings, /reports, /stats and /export have
something to show.

Written through the services where a rule lives there (sign-ups and their waiting list,
reminders, reports, broadcasts), dated by passing `now` as the moment each thing
happened, so the history is one the bot itself could have made.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.config import Settings
from bot.db import Database, UnitOfWork
from bot.repositories.attendance import AttendanceRepository
from bot.repositories.audit import AuditRepository
from bot.repositories.broadcasts import Audience, BroadcastRepository
from bot.repositories.coordinators import CoordinatorRepository
from bot.repositories.hearings import HearingDraft, HearingRepository
from bot.repositories.reminders import ReminderRepository
from bot.repositories.reports import ReportRepository
from bot.repositories.signups import SignupRepository
from bot.repositories.users import UserRepository
from bot.services import attendance, broadcasts, reports, signups, volunteers
from bot.services.report_form import ReportForm, load_form


@dataclass(frozen=True, slots=True)
class Person:
    user_id: int
    full_name: str
    phone: str
    region: str
    language: str
    interests: tuple[str, ...]
    role: str = "volunteer"  # volunteer, coordinator, admin


# The demo's coordinator and admin (their chats are personas on the demo page); the
# demo's volunteers register on the page themselves.
STAFF = (
    Person(2001, "Malika Yusupova", "+998931234503", "TK", "uz", ("hearings",), "coordinator"),
    Person(9001, "Bekzod Rahimov", "+998941234504", "TK", "en", ("hearings",), "admin"),
)

# Two people per region (ISO 3166-2:UZ codes), the three languages in turn.
_NAMES = (
    "Dilnoza Karimova", "Jasur Toshmatov", "Gulnora Rashidova", "Sardor Aliyev",
    "Nodira Ergasheva", "Oybek Xolmatov", "Shahnoza Yoʻldosheva", "Bahodir Qodirov",
    "Madina Saidova", "Rustam Nazarov", "Zarina Abdullayeva", "Otabek Gʻulomov",
    "Feruza Mirzayeva", "Alisher Usmonov", "Kamola Islomova", "Sherzod Rahmonov",
    "Nilufar Tursunova", "Ulugʻbek Hamidov", "Lola Sharipova", "Davron Yusupov",
    "Mohira Azimova", "Akmal Jurayev", "Sevara Nematova", "Farhod Ismoilov",
    "Dildora Sobirova", "Bekzod Mahmudov", "Yulduz Bakirova", "Anvar Sultonov",
)  # fmt: skip
_FIRST_VOLUNTEER_ID = 700_001


def demo_volunteers() -> list[Person]:
    people = []
    for index, name in enumerate(_NAMES):
        region = volunteers.REGIONS[index // 2]
        interests = tuple(
            code for offset, code in enumerate(volunteers.INTERESTS) if (index + offset) % 3 == 0
        )
        people.append(
            Person(
                user_id=_FIRST_VOLUNTEER_ID + index,
                full_name=name,
                phone=f"+99890{5550000 + index:07d}",
                region=region,
                language=("uz", "ru", "en")[index % 3],
                interests=interests or ("hearings",),
            )
        )
    return people


def _at(now: datetime, zone: ZoneInfo, days: int, hour: int, minute: int = 0) -> datetime:
    """A round local time `days` from today (hearings start on the hour, not at 13:47)."""
    day = now.astimezone(zone).date() + timedelta(days=days)
    return datetime.combine(day, time(hour, minute), zone).astimezone(UTC)


def _hearings(now: datetime, zone: ZoneInfo) -> list[HearingDraft]:
    """Ahead (one soon, one full), one under way, two past (with reports)."""
    soon = _at(now, zone, 2, 10)
    local_now = now.astimezone(zone)
    under_way = local_now.replace(minute=0, second=0, microsecond=0) - timedelta(hours=1)
    return [
        HearingDraft(
            title="2027-yil Davlat byudjeti loyihasi", chamber="legislative", body=None,
            committee="Byudjet va iqtisodiy islohotlar qoʻmitasi", starts_at=soon,
            ends_at=soon + timedelta(hours=3),
            address="Toshkent, Oʻzbekiston shoh koʻchasi 2, Qonunchilik palatasi",
            latitude=41.3111, longitude=69.2797, seats=40,
            description="Byudjet loyihasi boʻyicha ochiq eshitish: daromad va xarajatlar.",
        ),
        HearingDraft(
            title="Закон об общественном контроле", chamber="senate", body=None,
            committee="Комитет по судебно-правовым вопросам и борьбе с коррупцией",
            starts_at=_at(now, zone, 5, 14), ends_at=None,
            address="Ташкент, площадь Мустакиллик 6, Сенат", latitude=None, longitude=None,
            seats=3, description="Поправки о доступе граждан к заседаниям и документам.",
        ),
        HearingDraft(
            title="Primary healthcare reform", chamber="other",
            body="Public Council under the Ministry of Health", committee="Public council",
            starts_at=_at(now, zone, 9, 11), ends_at=_at(now, zone, 9, 13),
            address="Samarkand, Registon street 1", latitude=None, longitude=None, seats=25,
            description="Family clinics, waiting times and medicine prices.",
        ),
        HearingDraft(
            title="Orol boʻyi ekologik dasturi", chamber="legislative", body=None,
            committee="Ekologiya va atrof-muhitni muhofaza qilish qoʻmitasi",
            starts_at=under_way.astimezone(UTC), ends_at=(under_way + timedelta(hours=4)),
            address="Nukus, Doʻstlik guzari 12", latitude=None, longitude=None, seats=30,
            description="Suv resurslari va yashil qoplamani tiklash.",
        ),
        HearingDraft(
            title="Maktab taʼlimi sifati", chamber="senate", body=None,
            committee="Fan, taʼlim va sogʻliqni saqlash qoʻmitasi",
            starts_at=_at(now, zone, -4, 10), ends_at=_at(now, zone, -4, 12),
            address="Toshkent, Mustaqillik maydoni 6", latitude=None, longitude=None, seats=20,
            description="Darsliklar, oʻqituvchilar malakasi va maktab infratuzilmasi.",
        ),
        HearingDraft(
            title="Labour code: remote work", chamber="legislative", body=None,
            committee="Committee on Labour and Social Issues", starts_at=_at(now, zone, -9, 15),
            ends_at=None, address="Tashkent, Uzbekistan Avenue 2", latitude=None,
            longitude=None, seats=15, description="Rules for remote and platform work.",
        ),
    ]  # fmt: skip


async def seed(
    db: Database, now: datetime, settings: Settings, staff: tuple[Person, ...] = ()
) -> list[Person]:
    """Fill an empty database; return everyone registered (to give them chats)."""
    people = demo_volunteers()
    form = load_form()
    offsets = settings.reminder_offsets
    async with db.unit_of_work() as uow:
        users = UserRepository(uow)
        for person in (*staff, *people):
            await _register(users, person, now - timedelta(days=30))
        for person in staff:
            if person.role == "coordinator":
                await CoordinatorRepository(uow).add(person.user_id, 0, now - timedelta(days=29))
                await AuditRepository(uow).record(
                    0, "coordinator.add", f"user:{person.user_id}", now - timedelta(days=29)
                )
        hearing_repo = HearingRepository(uow)
        author = staff[0].user_id if staff else None
        ids = []
        for draft in _hearings(now, settings.timezone):
            created = min(now, draft.starts_at) - timedelta(days=12)
            ids.append(await hearing_repo.add(draft, author, created))
        soon, full, council, under_way, past, older = ids
        # Who signs up where, and when (days before the hearing starts).
        plan = {
            soon: people[0:12],
            full: people[12:17],  # 3 seats: two wait
            council: people[17:21],
            under_way: people[21:25],
            past: people[0:6],
            older: people[6:10],
        }
        for hearing_id, who in plan.items():
            hearing = await hearing_repo.get(hearing_id)
            assert hearing is not None
            for order, person in enumerate(who):
                when = min(now, hearing.starts_at) - timedelta(days=5, hours=-order)
                user = await users.get(person.user_id)
                assert user is not None
                await signups.sign_up(
                    hearing_repo, SignupRepository(uow), ReminderRepository(uow), hearing, user,
                    when, offsets,
                )  # fmt: skip
        await _attendance(uow, past, people[0:5], staff)
        await _attendance(uow, older, people[6:9], staff)
        await _reports(uow, form, past, people[0:6], now, staff)
        await _reports(uow, form, older, people[6:10], now, staff, all_accepted=True)
        await _past_broadcast(uow, now, settings, staff)
    return [*staff, *people]


async def _register(users: UserRepository, person: Person, when: datetime) -> None:
    draft = {
        "name": person.full_name,
        "phone": person.phone,
        "region": person.region,
        "interests": list(person.interests),
        "consent_version": volunteers.CONSENT_VERSION,
        "consent_at": when.isoformat(),
    }
    await volunteers.complete_registration(users, person.user_id, draft, person.language, when)


async def _attendance(
    uow: UnitOfWork, hearing_id: int, present: list[Person], staff: tuple[Person, ...]
) -> None:
    """Marked by hand at the venue; the rest of those with a seat did not come."""
    hearing = await HearingRepository(uow).get(hearing_id)
    assert hearing is not None
    marker = staff[0].user_id if staff else 0
    for person in present:
        await attendance.set_attended(
            AttendanceRepository(uow), AuditRepository(uow), hearing, person.user_id, True,
            marker, hearing.starts_at + timedelta(minutes=20),
        )  # fmt: skip


# Answers an observer might give, by question kind (the form decides which exist).
_ANSWERS = {"yes_no": "yes", "number": "7", "text": "Ochiq muhokama boʻldi."}


async def _reports(
    uow: UnitOfWork,
    form: ReportForm,
    hearing_id: int,
    observers: list[Person],
    now: datetime,
    staff: tuple[Person, ...],
    *,
    all_accepted: bool = False,
) -> None:
    """One report per observer: accepted, returned, waiting for review, a draft; the
    last observer writes none (the nudges have someone to remind)."""
    repo = ReportRepository(uow)
    hearing = await HearingRepository(uow).get(hearing_id)
    assert hearing is not None
    written = hearing.starts_at + timedelta(hours=3)
    reviewer = staff[0].user_id if staff else 0
    outcomes = ["accepted"] * 4 if all_accepted else ["accepted", "returned", "submitted", "draft"]
    for index, (person, outcome) in enumerate(zip(observers, outcomes, strict=False)):
        eligible = await reports.reportable_hearings(
            repo, HearingRepository(uow), person.user_id, written
        )
        report = await reports.open_report(
            repo, form, hearing_id, person.user_id, eligible, written
        )
        answers = {
            q.id: q.check(
                _ANSWERS.get(q.kind, q.options[index % len(q.options)] if q.options else "")
            )
            for q in form.questions
            if q.required or index % 2 == 0
        }
        await repo.save_progress(report.id, answers, reports.REVIEW_STEP, False, written)
        if outcome == "draft":
            continue
        report = await reports.own_report(repo, report.id, person.user_id, written)
        await reports.add_note(repo, report, "Zal toʻla edi, savollarga vaqt yetmadi.", written)
        report = await reports.own_report(repo, report.id, person.user_id, written)
        receipt = await reports.submit(repo, form, report, written)
        assert isinstance(receipt, reports.Receipt)  # every required answer is given above
        if outcome != "submitted":
            await reports.review(
                repo, report.id, reviewer, outcome == "accepted", written + timedelta(hours=20),
                None if outcome == "accepted" else "Iltimos, aʼzolar sonini aniqlashtiring.",
            )  # fmt: skip


async def _past_broadcast(
    uow: UnitOfWork, now: datetime, settings: Settings, staff: tuple[Person, ...]
) -> None:
    """An announcement to Tashkent volunteers, sent a week ago, every delivery recorded."""
    author = staff[0].user_id if staff else 0
    sent_at = now - timedelta(days=7)
    repo = BroadcastRepository(uow)
    broadcast_id, _ = await broadcasts.create(
        repo, AuditRepository(uow), author_id=author, from_chat_id=author, message_id=1,
        audience=Audience(regions=("TK", "TO")), admin_ids=settings.admin_ids,
        scheduled_for=None, now=sent_at,
    )  # fmt: skip
    await repo.start(broadcast_id, sent_at)
    for user_id in await repo.pending(broadcast_id, 0, 1000):
        await repo.record(broadcast_id, user_id, "sent", sent_at, message_id=1)
    await repo.finish(broadcast_id, "done", sent_at + timedelta(minutes=1))
