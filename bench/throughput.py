"""A realistic mix of updates, against bare aiogram bots in the same run; and a burst.

    .venv/bin/python -m bench.throughput [--people 200] [--rounds 2] [--runs 3]
    .venv/bin/python -m bench.throughput --burst 100 [--rate 100] [--people 300]

Mix (default): `--people` people at once, each waiting for the bot's reply before the
next step, as a person with a phone does. 90% are registered volunteers who run the mix
`--rounds` times: /hearings, open a card, the next page, open another card, sign up,
cancel, /my, /help, and a stale button. 10% are newcomers who register first (language,
consent, name, contact, region, an interest, confirm). Two bare aiogram bots
(`bench/bare_bot.py`) get the same updates: one replies once to each (the framework's
floor), the other also edits each pressed message, making about as many Bot API calls
as the bot. The three run in turn, `--runs` times, on a fresh database each time.
Printed: each run's updates per second, CPU per update and the bot's ratios to both;
then the median ratios, and p50/p99 of the time from an update to its whole reply
(answered button, edits and messages).

Burst (`--burst SECONDS`): people send on a schedule adding up to `--rate` updates a
second, ordinary and odd input mixed (stickers, a 5,000-character text, unknown commands,
forged buttons), while an admin works (/hearings, a card, who is coming, /reports,
/coordinators; not /stats, whose charts take seconds of CPU by themselves). A reply's
time counts from when the update was due, so a person held up by a slow reply does not
hide the delay. Printed: p50/p99 for volunteers and the admin.

Both bots run as processes against the local Bot API stand-in over HTTP on 127.0.0.1.
How many messages each step gets back is learnt first from one calibration person
(waiting for silence), so the measured run waits for exactly the whole reply.
Run on demand, not in CI.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.common import ROOT, TOKEN, bot_env, insert_volunteers, migrate
from bot.ui.callbacks import (
    ConsentCb,
    HearingCb,
    HearingsPageCb,
    InterestCb,
    LanguageCb,
    RegionCb,
    SummaryCb,
)
from standin import BotAPIStandin, StandinUser

ADMIN = 1
PING = 2  # asks /help until the bot answers: it is up
VOLUNTEERS_FROM = 10_000
NEWCOMERS_FROM = 5_000_000
CALIBRATION_FROM = 9_000_000  # ten registered volunteers: one learns the replies, nine warm up
WARM_UP_NEWCOMERS = 8_000_000
HEARINGS = 20
WAIT = 120.0  # a reply later than this is counted as lost


@dataclass(frozen=True, slots=True)
class Step:
    """One update a person sends.

    kind: text | contact | sticker (messages); press (a button on the hearing list the
    person asked for last); tap (a button on the newest message that has it); forged (raw
    data on the newest message).
    """

    kind: str
    value: str = ""

    def __str__(self) -> str:
        return f"{self.kind}:{self.value[:20]}"


def _hearing(hearing_id: int, action: str) -> str:
    return HearingCb(id=hearing_id, action=action).pack()


def volunteer_mix(person: int) -> list[Step]:
    """What a registered volunteer does in one sitting."""
    near, later = 1 + person % 5, 6 + person % 5  # on the first page, on the second
    return [
        Step("text", "/hearings"),
        Step("press", _hearing(near, "open")),
        Step("press", HearingsPageCb(page=1).pack()),
        Step("press", _hearing(later, "open")),
        Step("press", _hearing(later, "signup")),
        Step("press", _hearing(later, "leave")),
        Step("text", "/my"),
        Step("text", "/help"),
        Step("press", _hearing(999_999, "open")),  # a hearing since deleted: a stale button
    ]


def registration() -> list[Step]:
    """A newcomer (Telegram app in English) registers."""
    return [
        Step("text", "/start"),
        Step("tap", LanguageCb(code="en", onboarding=True).pack()),
        Step("tap", ConsentCb(accept=True).pack()),
        Step("text", "Dilnoza Karimova"),
        Step("contact", "+998901234567"),
        Step("tap", RegionCb(code="SA").pack()),
        Step("tap", InterestCb(code="councils").pack()),
        Step("tap", InterestCb(code="done").pack()),
        Step("tap", SummaryCb(action="confirm").pack()),
    ]


def odd_input() -> list[Step]:
    """What people also send: the bot must answer each, and quickly."""
    return [
        Step("sticker"),
        Step("text", "Salom! " * 700),  # about 5,000 characters
        Step("text", "/nosuchcommand"),
        Step("forged", "zz:not-ours"),
        Step("forged", _hearing(3, "edit")),  # a coordinator's button, from a volunteer
    ]


def admin_work() -> list[Step]:
    return [
        Step("text", "/hearings"),
        Step("press", _hearing(1, "open")),
        Step("press", _hearing(1, "people")),
        Step("text", "/reports"),
        Step("text", "/coordinators"),
        Step("text", "/help"),
    ]


@dataclass(frozen=True, slots=True)
class Reply:
    answered: bool  # the button press gets answerCallbackQuery
    messages: int  # messages sent or edited in the chat


BARE_TEXT, BARE_PRESS = Reply(answered=False, messages=1), Reply(answered=True, messages=0)
BARE_EDITED = Reply(answered=True, messages=1)  # BARE_EDITS=1: a press is answered and edits


@dataclass(slots=True)
class Person:
    user: StandinUser
    anchor: int | None = None  # the message with the hearing list
    lost: int = 0


def seed(database: Path, volunteers: int, *, hearings: int = HEARINGS) -> None:
    """Registered volunteers (the admin among them) and upcoming hearings, straight into
    SQLite, with seats for everyone so no one waits."""
    now = datetime.now(UTC)
    stamp = now.isoformat(timespec="seconds")
    conn = sqlite3.connect(database)
    with conn:
        insert_volunteers(
            conn, [ADMIN, *range(VOLUNTEERS_FROM, VOLUNTEERS_FROM + volunteers)], stamp
        )
        insert_volunteers(conn, range(CALIBRATION_FROM, CALIBRATION_FROM + 10), stamp)
        conn.executemany(
            "INSERT INTO hearings (title, chamber, committee, starts_at, address, seats,"
            " created_at, updated_at) VALUES (?, ?, 'Budjet qoʻmitasi', ?, 'Toshkent',"
            " 100000, ?, ?)",
            [
                (
                    f"Oʻzbekiston budjeti, eshituv {n + 1}",
                    ("senate", "legislative")[n % 2],
                    (now + timedelta(days=1 + n % 300, hours=n % 7)).isoformat(timespec="seconds"),
                    stamp,
                    stamp,
                )
                for n in range(hearings)
            ],
        )
    conn.close()


async def start_bot(
    server: BotAPIStandin, command: list[str], env: dict[str, str]
) -> tuple[asyncio.subprocess.Process, float]:
    """Start a bot process; return it and the seconds until it answered its first update."""
    started = time.perf_counter()
    process = await asyncio.create_subprocess_exec(
        *command,
        cwd=ROOT,
        env=bot_env(TELEGRAM_API_URL=server.url, **env),
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    ping = server.user(PING, language_code="en")
    ping.send_text("/help")
    await ping.next_message(timeout=120)
    ready = time.perf_counter() - started
    await asyncio.sleep(0.5)  # the rest of its answer (the /help page may be several)
    ping.drain()
    return process, ready


async def stop_bot(process: asyncio.subprocess.Process) -> None:
    process.terminate()
    await process.wait()


def _keyboard_with(person: Person, data: str) -> int | None:
    for message in reversed(person.user.history):
        markup = message.reply_markup or {}
        for row in markup.get("inline_keyboard", []):
            if any(button.get("callback_data") == data for button in row):
                return int(message.message["message_id"])
    return None


async def perform(person: Person, step: Step, reply: Reply, *, bare: bool) -> float:
    """Send one update and wait for its whole reply; return the seconds it took."""
    user = person.user
    sent = time.perf_counter()
    press = None
    if step.kind == "text":
        user.send_text(step.value)
    elif step.kind == "contact":
        user.send_contact(step.value)
    elif step.kind == "sticker":
        user.send_sticker()
    elif step.kind == "press" and person.anchor is not None:
        press = user.press_data(step.value, person.anchor)
    elif step.kind == "tap" and not bare:
        press = user.press_data(step.value, _keyboard_with(person, step.value))
    else:
        press = user.press_data(step.value)
    try:
        if press is not None and reply.answered:
            await press.answer(timeout=WAIT)
        for n in range(reply.messages):
            message = await user.next_message(timeout=WAIT)
            if n == 0 and step.value == "/hearings":
                person.anchor = int(message.message["message_id"])
    except TimeoutError:
        person.lost += 1
        user.drain()
        return WAIT
    return time.perf_counter() - sent


async def calibrate(
    server: BotAPIStandin, scripts: Sequence[Sequence[Step]], user_ids: Sequence[int]
) -> dict[tuple[int, int], Reply]:
    """Learn each step's reply from one person per script, waiting for silence."""
    replies: dict[tuple[int, int], Reply] = {}
    for number, (script, user_id) in enumerate(zip(scripts, user_ids, strict=True)):
        person = Person(server.user(user_id, language_code="en"))
        person.user.drain()
        for index, step in enumerate(script):
            if step.kind == "tap":
                press = person.user.press_data(step.value, _keyboard_with(person, step.value))
            elif step.kind == "press" and person.anchor is not None:
                press = person.user.press_data(step.value, person.anchor)
            elif step.kind in ("press", "forged"):
                press = person.user.press_data(step.value)
            else:
                press = None
                if step.kind == "text":
                    person.user.send_text(step.value)
                elif step.kind == "contact":
                    person.user.send_contact(step.value)
                else:
                    person.user.send_sticker()
            answered = False
            if press is not None:
                try:
                    await press.answer(timeout=10)
                    answered = True
                except TimeoutError:
                    pass
            count = 0
            while True:
                try:
                    message = await person.user.next_message(timeout=1.0 if count else 10.0)
                except TimeoutError:
                    break
                if count == 0 and step.value == "/hearings":
                    person.anchor = int(message.message["message_id"])
                count += 1
            replies[(number, index)] = Reply(answered=answered, messages=count)
    return replies


@dataclass(slots=True)
class Outcome:
    seconds: float = 0.0
    updates: int = 0
    waits: list[float] = field(default_factory=list)
    admin_waits: list[float] = field(default_factory=list)
    by_step: dict[str, list[float]] = field(default_factory=dict)  # burst: waits per step
    lost: int = 0
    bot_cpu: float = 0.0  # CPU seconds the bot process used meanwhile
    bench_cpu: float = 0.0  # and this process (the stand-in and the simulated people)
    calls: int = 0  # Bot API calls meanwhile, getUpdates aside


def _scripts(rounds: int) -> list[list[Step]]:
    """Script 0: a volunteer's rounds; script 1: a newcomer's registration then one round."""
    mix = volunteer_mix(0)
    return [mix * rounds, registration() + mix]


async def run_mix(
    server: BotAPIStandin,
    people: int,
    rounds: int,
    replies: dict[tuple[int, int], Reply] | Reply,
    *,
    volunteers_from: int = VOLUNTEERS_FROM,
    newcomers_from: int = NEWCOMERS_FROM,
) -> Outcome:
    """Everyone at once, each waiting for the reply before the next step.

    `replies`: a dict, the real bot's replies as learnt; a `Reply`, a bare bot's to every
    press (and `BARE_TEXT` to every message). The volunteers' ids must be registered in
    the database."""
    newcomers = max(people // 10, 0)
    crowd: list[tuple[Person, int, list[Step]]] = []
    for n in range(people - newcomers):
        user = server.user(volunteers_from + n, language_code="en")
        crowd.append((Person(user), 0, volunteer_mix(n) * rounds))
    for n in range(newcomers):
        user = server.user(newcomers_from + n, language_code="en")
        crowd.append((Person(user), 1, registration() + volunteer_mix(n)))
    outcome = Outcome()

    async def act(person: Person, script_number: int, script: list[Step]) -> None:
        person.user.drain()
        bare = not isinstance(replies, dict)
        for index, step in enumerate(script):
            if isinstance(replies, dict):
                reply = replies[(script_number, index)]
            elif step.kind in ("press", "tap", "forged"):
                reply = replies
            else:
                reply = BARE_TEXT
            outcome.waits.append(await perform(person, step, reply, bare=bare))
        outcome.updates += len(script)
        outcome.lost += person.lost

    started = time.perf_counter()
    with _no_collections():
        await asyncio.gather(*(act(*entry) for entry in crowd))
    outcome.seconds = time.perf_counter() - started
    return outcome


def _burst_scripts() -> list[list[Step]]:
    return [volunteer_mix(0) + odd_input(), registration() + volunteer_mix(0), admin_work()]


async def run_burst(
    server: BotAPIStandin,
    people: int,
    rate: float,
    seconds: float,
    replies: dict[tuple[int, int], Reply],
) -> Outcome:
    """People send on a schedule that adds up to `rate` updates a second; the admin
    sends one update a second. Latency counts from when an update was due."""
    interval = people / rate
    outcome = Outcome()
    loop = asyncio.get_running_loop()
    start = loop.time() + 0.5

    async def act(
        person: Person, script_number: int, script: list[Step], offset: float, every: float,
        waits: list[float],
    ) -> None:  # fmt: skip
        person.user.drain()
        due = start + offset
        index = 0
        while due < start + seconds:
            delay = due - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            position = index % len(script)
            if script_number == 1 and index >= len(script):
                # Registered now: go on as a volunteer with the mix.
                position = len(registration()) + (index - len(script)) % len(volunteer_mix(0))
            taken = await perform(person, script[position], replies[(script_number, position)],
                                  bare=False)  # fmt: skip
            finished = loop.time()
            waits.append(WAIT if taken >= WAIT else finished - due)
            step = script[position]
            outcome.by_step.setdefault(f"{step.kind} {step.value[:24]}", []).append(waits[-1])
            outcome.updates += 1
            index += 1
            due += every
        outcome.lost += person.lost

    tasks = []
    for n in range(people):
        # Every tenth person, spread through the schedule: the first tenth all at once
        # sent 30 registration steps (five calls each, some) within 0.3 s every 3 s, and
        # whoever was due next waited behind them.
        newcomer = n % 10 == 0
        user_id = NEWCOMERS_FROM + 100_000 + n if newcomer else VOLUNTEERS_FROM + n
        person = Person(server.user(user_id, language_code="en"))
        script_number = 1 if newcomer else 0
        script = _burst_scripts()[script_number]
        tasks.append(act(person, script_number, script, interval * n / people, interval,
                         outcome.waits))  # fmt: skip
    admin = Person(server.user(ADMIN, language_code="en"))
    tasks.append(act(admin, 2, admin_work(), 0.25, 1.0, outcome.admin_waits))
    started = time.perf_counter()
    with _no_collections():
        await asyncio.gather(*tasks)
    outcome.seconds = time.perf_counter() - started
    return outcome


@contextmanager
def _no_collections() -> Iterator[None]:
    """No garbage collection in this process (the stand-in and the people) meanwhile.

    Its heap grows with every message the people keep, and its full collections
    paused it for up to 0.22 s in a burst (seven over 10 ms): every update and reply
    in flight waited, and the pause was counted as the bot's. The bot's own process
    collects as it always does."""
    gc.collect()
    gc.freeze()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.unfreeze()


def cpu_seconds(pid: int | None = None) -> float:
    """User and system CPU time of a process so far (Linux /proc), this one by default."""
    if pid is None:
        return time.process_time()
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(int(len(ordered) * fraction), len(ordered) - 1)]


def describe(waits: Sequence[float]) -> str:
    return (
        f"p50 {statistics.median(waits) * 1000:7.1f} ms  "
        f"p99 {percentile(waits, 0.99) * 1000:7.1f} ms  max {max(waits) * 1000:7.1f} ms"
    )


@dataclass(frozen=True, slots=True)
class Contender:
    name: str
    command: list[str]
    env: dict[str, str]
    press: Reply | None  # a bare bot's reply to every press; None: the bot's, learnt


# "bare, same calls" also edits the pressed message, as the bot does for most presses:
# about as many Bot API calls per update as the bot makes.
BOTS = (
    Contender("bare aiogram", [sys.executable, "bench/bare_bot.py"], {}, BARE_PRESS),
    Contender(
        "bare, same calls", [sys.executable, "bench/bare_bot.py"], {"BARE_EDITS": "1"}, BARE_EDITED
    ),
    Contender("hearing bot", [sys.executable, "-m", "bot"], {}, None),
)


async def measure_mix(people: int, rounds: int, runs: int) -> list[dict[str, Outcome]]:
    """`runs` times: the two bare bots, then the real one, on a fresh database and
    stand-ins; the same updates.

    The machine's speed drifts by half from one minute to the next, so one run's ratio
    can be far from another's: only ratios within a run mean anything, and their median
    is the figure. Every second run goes in the reverse order, so no bot is always the
    last. The real bot's replies are learnt once (they do not change); every bot warms
    up on ten people before it is measured, as the first learning run warmed the bot."""
    results: list[dict[str, Outcome]] = []
    replies: dict[tuple[int, int], Reply] | None = None
    for number in range(runs):
        outcomes: dict[str, Outcome] = {}
        with tempfile.TemporaryDirectory() as folder:
            database = Path(folder) / "bench.sqlite3"
            await migrate(database)
            seed(database, people)
            for bot in BOTS if number % 2 == 0 else BOTS[::-1]:
                async with BotAPIStandin(token=TOKEN) as server:
                    process, _ = await start_bot(
                        server,
                        bot.command,
                        {"DATABASE_PATH": str(database), "ADMIN_IDS": str(ADMIN), **bot.env},
                    )
                    try:
                        if bot.press is None and replies is None:
                            replies = await calibrate(
                                server, _scripts(rounds), [CALIBRATION_FROM, NEWCOMERS_FROM - 1]
                            )
                        expected = replies if bot.press is None else bot.press
                        assert expected is not None  # learnt above
                        await run_mix(
                            server,
                            10,
                            1,
                            expected,
                            volunteers_from=CALIBRATION_FROM + 1,
                            newcomers_from=WARM_UP_NEWCOMERS,
                        )
                        bot_cpu, bench_cpu = cpu_seconds(process.pid), cpu_seconds()
                        calls = _replying_calls(server)
                        outcome = await run_mix(server, people, rounds, expected)
                        outcome.bot_cpu = cpu_seconds(process.pid) - bot_cpu
                        outcome.bench_cpu = cpu_seconds() - bench_cpu
                        outcome.calls = _replying_calls(server) - calls
                        outcomes[bot.name] = outcome
                    finally:
                        await stop_bot(process)
                    server.assert_no_violations()
        results.append(outcomes)
        _print_run(len(results), outcomes)
    return results


def _rate(outcome: Outcome) -> float:
    return outcome.updates / outcome.seconds


def _cpu_ms(outcome: Outcome) -> float:
    return outcome.bot_cpu / outcome.updates * 1000


def _print_run(number: int, outcomes: dict[str, Outcome]) -> None:
    bare, same, bot = (outcomes[contender.name] for contender in BOTS)
    print(
        f"  run {number}: bare {_rate(bare):5.0f}/s, {_cpu_ms(bare):4.2f} ms CPU/update;"
        f" same calls {_rate(same):5.0f}/s, {_cpu_ms(same):4.2f} ms;"
        f" bot {_rate(bot):4.0f}/s, {_cpu_ms(bot):4.2f} ms;"
        f" ratios {_rate(bot) / _rate(bare):4.2f}, {_rate(bot) / _rate(same):4.2f}",
        flush=True,
    )


def _replying_calls(server: BotAPIStandin) -> int:
    return sum(server.call_counts.values()) - server.call_counts["getUpdates"]


async def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--people", type=int, default=None, help="200 (mix), 300 (burst)")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3, help="mix: runs of each bot, in turn")
    parser.add_argument("--burst", type=float, default=0.0, help="seconds of burst (e.g. 100)")
    parser.add_argument("--rate", type=float, default=100.0, help="updates per second in a burst")
    args = parser.parse_args()
    if args.burst:
        await burst_main(args.people or 300, args.rate, args.burst)
        return
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    people = args.people or 200
    print(f"mix: {people} people at once, {args.runs} runs of each bot, in turn")
    runs = await measure_mix(people, args.rounds, args.runs)
    for reference in ("bare aiogram", "bare, same calls"):
        ratios = [_rate(run["hearing bot"]) / _rate(run[reference]) for run in runs]
        print(
            f"ratio bot / {reference}: median {statistics.median(ratios):4.2f}"
            f" (runs: {', '.join(f'{ratio:4.2f}' for ratio in ratios)})"
        )
    for contender in BOTS:
        name = contender.name
        outcomes = [run[name] for run in runs]
        p50 = statistics.median(statistics.median(o.waits) for o in outcomes)
        p99 = statistics.median(percentile(o.waits, 0.99) for o in outcomes)
        cpu = statistics.median(_cpu_ms(o) for o in outcomes)
        bench_cpu = statistics.median(o.bench_cpu / o.updates * 1000 for o in outcomes)
        calls = statistics.median(o.calls / o.updates for o in outcomes)
        print(
            f"  {name:<16} {statistics.median(_rate(o) for o in outcomes):5.0f} updates/s,"
            f" reply p50 {p50 * 1000:6.1f} ms p99 {p99 * 1000:6.1f} ms,"
            f" lost {sum(o.lost for o in outcomes)} (all runs)"
        )
        print(
            f"  {'':<16} CPU: bot {cpu:4.2f} ms/update, stand-in and people {bench_cpu:4.2f}"
            f" ms/update; Bot API calls {calls:4.2f}/update (medians of the runs)"
        )


async def burst_main(people: int, rate: float, seconds: float) -> None:
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "bench.sqlite3"
        await migrate(database)
        seed(database, people)
        async with BotAPIStandin(token=TOKEN) as server:
            process, _ = await start_bot(
                server,
                [sys.executable, "-m", "bot"],
                {"DATABASE_PATH": str(database), "ADMIN_IDS": str(ADMIN)},
            )
            try:
                replies = await calibrate(
                    server, _burst_scripts(), [CALIBRATION_FROM, NEWCOMERS_FROM - 1, ADMIN]
                )
                outcome = await run_burst(server, people, rate, seconds, replies)
            finally:
                await stop_bot(process)
            server.assert_no_violations()
    print(
        f"burst: {people} people, {rate:.0f} updates/s scheduled for {seconds:.0f} s;"
        f" {outcome.updates} updates in {outcome.seconds:.1f} s"
        f" ({outcome.updates / outcome.seconds:.0f}/s), lost {outcome.lost}"
    )
    print(f"  volunteers  {describe(outcome.waits)}")
    print(f"  admin       {describe(outcome.admin_waits)}")
    # Which steps the slowest replies were: a queue behind everything, or one kind?
    slowest = sorted(outcome.by_step.items(), key=lambda item: -percentile(item[1], 0.99))
    print("  slowest steps (p99):")
    for step, waits in slowest[:6]:
        print(f"    {step:<34} {describe(waits)}  n={len(waits)}")


if __name__ == "__main__":
    asyncio.run(main())
