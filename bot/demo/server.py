"""The demo: the real bot (`App.open`, as in production) against the in-repo stand-in,
on a `ManualClock`, with a scratch database of demo data, and a chat page on loopback
that plays the Telegram app for a few people.

The page is plain HTML/JS (`static/`); it redraws a chat from `/api/state` whenever the
server-sent event stream says that chat (or the clock) changed.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import mimetypes
from dataclasses import dataclass
from datetime import datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

from aiohttp import web
from apscheduler.triggers.date import DateTrigger
from babel.dates import format_datetime

from bot.clock import ManualClock
from bot.config import Settings
from bot.db import Database
from bot.demo.render import message_json
from bot.demo.seed import STAFF, Person, seed
from bot.i18n import LANGUAGES, Locales
from standin import BotAPIStandin
from standin.chats import StandinChat, StandinGroup, StandinUser, StoredMessage

log = logging.getLogger(__name__)

# Settings insist on a token shaped like Telegram's; this one reaches only the stand-in.
DEMO_TOKEN = "123456789:DEMO-the-stand-in-plays-Telegram"
STATIC = resources.files("bot.demo") / "static"
# An SSE comment this often keeps proxies and the browser from closing an idle stream.
_HEARTBEAT_SECONDS = 15.0


@dataclass(frozen=True, slots=True)
class Persona:
    """Someone the page can act as: a private chat with the bot, or the coordinators'
    group (where the coordinator speaks)."""

    key: str
    chat_id: int
    user_id: int
    first_name: str
    phone: str
    language: str
    role: str  # volunteer, coordinator, admin, group


GROUP_ID = -1001234567890
PERSONAS = (
    Persona("volunteer", 1001, 1001, "Aziza", "+998901234501", "uz", "volunteer"),
    Persona("volunteer2", 1002, 1002, "Timur", "+998911234502", "ru", "volunteer"),
    Persona("coordinator", 2001, 2001, "Malika", "+998931234503", "uz", "coordinator"),
    Persona("admin", 9001, 9001, "Bekzod", "+998941234504", "en", "admin"),
    Persona("group", GROUP_ID, 2001, "Malika", "+998931234503", "uz", "group"),
)
BY_KEY = {persona.key: persona for persona in PERSONAS}

JUMPS = {"hour": timedelta(hours=1), "day": timedelta(days=1)}

# The page's own words (its chrome), from locales/ like every user-facing string.
PAGE_TEXTS = (
    "demo-title", "demo-intro", "demo-persona-volunteer", "demo-persona-volunteer2",
    "demo-persona-coordinator", "demo-persona-admin", "demo-persona-group",
    "demo-app-language", "demo-page-language", "demo-clock", "demo-jump-hour",
    "demo-jump-day", "demo-jump-next", "demo-next", "demo-no-reminder", "demo-jumped",
    "demo-message-placeholder", "demo-send", "demo-attach", "demo-menu", "demo-delete",
    "demo-edited", "demo-empty-chat", "demo-bot-name", "demo-open-file",
    *(f"language-name-{code}" for code in LANGUAGES),
)  # fmt: skip


def demo_settings(**values: str) -> Settings:
    """Settings from the environment and `.env` (a language, a time zone, reminder
    offsets), with the demo's fake token and these values on top."""
    fixed: dict[str, Any] = {
        "BOT_TOKEN": DEMO_TOKEN,
        # A deployment's operations settings are not the demo's: it polls its own
        # stand-in, binds no health port, and backs up no scratch database.
        "WEBHOOK_URL": "",
        "HEALTH_LISTEN": "",
        "BACKUP_DIR": "",
        **values,
    }
    return Settings(**fixed)


class Demo:
    """`await start()` -> the page's URL; `await stop()` ends everything it started."""

    def __init__(self, workdir: Path, clock: ManualClock | None = None) -> None:
        self.workdir = workdir
        self.clock = clock or ManualClock()
        self.locales = Locales("uz")
        self.standin = BotAPIStandin(
            DEMO_TOKEN, bot_first_name="Hearing observer", bot_username="hearing_observer_bot"
        )
        self.app: Any = None  # bot.app.App, imported late: aiogram is slow to import
        self.settings: Settings | None = None
        self._polling: asyncio.Task[None] | None = None
        self._runner: web.AppRunner | None = None
        self._streams: set[asyncio.Queue[dict[str, Any] | None]] = set()
        # When each message appeared, on the demo's clock (Telegram's dates are wall time).
        self._stamps: dict[tuple[int, int], datetime] = {}
        self.url = ""

    # ------------------------------------------------------------------ lifecycle

    async def start(self, port: int = 0) -> str:
        url = await self.standin.start("127.0.0.1", 0)
        for persona in PERSONAS:
            if persona.chat_id > 0:
                self.standin.user(persona.chat_id, persona.first_name, None, persona.language)
        self.standin.group(GROUP_ID, "Coordinators")
        self.standin.add_chat_listener(self._on_chat_changed)
        self.settings = settings = demo_settings(
            TELEGRAM_API_URL=url,
            DATABASE_PATH=str(self.workdir / "demo.sqlite3"),
            ADMIN_IDS=str(BY_KEY["admin"].user_id),
            COORDINATOR_CHAT_ID=str(GROUP_ID),
        )
        people = await self._seed(settings)
        for person in people:  # broadcasts and notices reach them without "chat not found"
            self.standin.user(person.user_id, person.full_name.split()[0], None, person.language)
        await self._start_bot(settings)
        self.url = await self._start_page(port)
        return self.url

    async def _seed(self, settings: Settings) -> list[Person]:
        db = Database(settings.database_path)
        await db.connect()
        try:
            await db.migrate()
            return await seed(db, self.clock.now(), settings, staff=STAFF)
        finally:
            await db.close()

    async def _start_bot(self, settings: Settings) -> None:
        from bot.app import App

        self.app = app = await App.open(settings, self.clock)
        try:
            self._polling = await app.start_in_background()
        except BaseException:
            await app.close()
            raise
        await self.clock.run_due()

    async def _start_page(self, port: int) -> str:
        page = web.Application(client_max_size=50 * 1024 * 1024)
        page.router.add_get("/", self._index)
        page.router.add_get("/static/{name}", self._static)
        page.router.add_get("/api/texts", self._texts)
        page.router.add_get("/api/state", self._state)
        page.router.add_get("/api/events", self._events)
        page.router.add_get("/api/file/{file_id}", self._file)
        page.router.add_post("/api/send", self._send)
        page.router.add_post("/api/contact", self._contact)
        page.router.add_post("/api/press", self._press)
        page.router.add_post("/api/upload", self._upload)
        page.router.add_post("/api/delete", self._delete)
        page.router.add_post("/api/language", self._language)
        page.router.add_post("/api/clock", self._jump)
        self._runner = runner = web.AppRunner(page, access_log=None, shutdown_timeout=1.0)
        await runner.setup()
        # Loopback only: the demo has no login, and whoever reaches it acts as anyone.
        site = web.TCPSite(runner, "127.0.0.1", port)
        try:
            await site.start()
        except OSError:
            if port == 0:
                raise
            log.warning("port %d is taken; using a free one", port)
            site = web.TCPSite(runner, "127.0.0.1", 0)
            await site.start()
        bound = runner.addresses[0][1]
        return f"http://127.0.0.1:{bound}/"

    async def stop(self) -> None:
        for queue in self._streams:
            queue.put_nowait(None)
        if self._runner is not None:
            await self._runner.cleanup()
        if self._polling is not None:
            with contextlib.suppress(RuntimeError):
                await self.app.dp.stop_polling()
            with contextlib.suppress(asyncio.CancelledError):
                await self._polling
        if self.app is not None:
            await self.app.close()
        self.standin.remove_chat_listener(self._on_chat_changed)
        await self.standin.stop()

    # ------------------------------------------------------------------ state

    def chat_of(self, persona: Persona) -> StandinChat:
        return self.standin.chat(persona.chat_id)

    def actor(self, persona: Persona) -> StandinUser:
        return self.standin.user(persona.user_id)

    def _on_chat_changed(self, chat: StandinChat, message_id: int) -> None:
        self._stamps.setdefault((chat.id, message_id), self.clock.now())
        self._publish({"chat": chat.id})

    def _publish(self, event: dict[str, Any]) -> None:
        for queue in self._streams:
            queue.put_nowait(event)

    def next_reminder(self) -> datetime | None:
        """The next one-off job: a reminder, or a scheduled broadcast (not the periodic
        polls, which would make "next" a minute away)."""
        times = [
            job.next_run_time
            for job in self.app.scheduler.get_jobs()
            if isinstance(job.trigger, DateTrigger) and job.next_run_time is not None
        ]
        return min(times, default=None)

    def state(self, persona: Persona, language: str) -> dict[str, Any]:
        chat = self.chat_of(persona)
        actor = self.actor(persona)
        app_language = str(actor.user.get("language_code", ""))
        keyboard = chat.reply_keyboard
        return {
            "persona": persona.key,
            "chat_id": persona.chat_id,
            "group": persona.chat_id < 0,
            "app_language": app_language,
            "clock": self._clock_json(language),
            "messages": [
                message_json(stored, self._file_url, self._stamp(chat.id, stored))
                for stored in chat.messages
            ],
            "keyboard": keyboard.get("keyboard") if keyboard else None,
            "keyboard_one_time": bool(keyboard and keyboard.get("one_time_keyboard")),
            "keyboard_from": _keyboard_message(chat),
            "bot_username": self.standin.bot_user["username"],
            "commands": self.command_menu(persona, app_language),
        }

    def _stamp(self, chat_id: int, stored: StoredMessage) -> str | None:
        """When the message appeared, local time on the demo's clock."""
        assert self.settings is not None
        moment = self._stamps.get((chat_id, int(stored.message["message_id"])))
        return moment.astimezone(self.settings.timezone).strftime("%H:%M") if moment else None

    def _clock_json(self, language: str) -> dict[str, Any]:
        assert self.settings is not None
        zone = self.settings.timezone

        def local(moment: datetime) -> str:
            when = moment.astimezone(zone)
            return format_datetime(when, "EEE d MMM, HH:mm", locale=language.replace("-", "_"))

        upcoming = self.next_reminder()
        return {
            "now": local(self.clock.now()),
            "next": local(upcoming) if upcoming is not None else None,
        }

    def command_menu(self, persona: Persona, language: str) -> list[dict[str, Any]]:
        """What Telegram shows behind "/": the most specific scope the bot set wins,
        each first in the person's app language (Bot API, "Determining list of commands")."""
        chat = {"type": "chat", "chat_id": persona.chat_id}
        broad = {"type": "all_group_chats" if persona.chat_id < 0 else "all_private_chats"}
        for scope in (chat, broad, {"type": "default"}):
            for code in (language, None):
                found = self.standin.commands(code or None, scope)
                if found is not None:
                    return found
        return []

    @staticmethod
    def _file_url(file_id: str) -> str:
        return f"/api/file/{file_id}"

    # ------------------------------------------------------------------ HTTP: reading

    async def _index(self, request: web.Request) -> web.StreamResponse:
        body = (STATIC / "index.html").read_bytes()
        return web.Response(body=body, content_type="text/html", charset="utf-8")

    async def _static(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        if name not in ("app.js", "app.css"):
            raise web.HTTPNotFound()
        kind = "text/css" if name.endswith(".css") else "text/javascript"
        return web.Response(body=(STATIC / name).read_bytes(), content_type=kind, charset="utf-8")

    async def _texts(self, request: web.Request) -> web.StreamResponse:
        language = _language_of(request)
        tr = self.locales.get(language)
        texts = {key.removeprefix("demo-"): tr(key) for key in PAGE_TEXTS}
        return web.json_response({"language": language, "languages": LANGUAGES, "texts": texts})

    async def _state(self, request: web.Request) -> web.StreamResponse:
        persona = _persona_of(request.query.get("persona"))
        return web.json_response(self.state(persona, _language_of(request)))

    async def _events(self, request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(
            headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache"}
        )
        await response.prepare(request)
        queue: asyncio.Queue[dict[str, Any] | None] = asyncio.Queue()
        self._streams.add(queue)
        try:
            await response.write(b": connected\n\n")
            while True:
                try:
                    event = await asyncio.wait_for(queue.get(), _HEARTBEAT_SECONDS)
                except TimeoutError:
                    await response.write(b": still here\n\n")
                    continue
                if event is None:
                    break
                await response.write(f"data: {json.dumps(event)}\n\n".encode())
        except (ConnectionResetError, asyncio.CancelledError):
            pass  # the tab was closed or reloaded
        finally:
            self._streams.discard(queue)
        return response

    async def _file(self, request: web.Request) -> web.StreamResponse:
        stored = self.standin.file(request.match_info["file_id"])
        if stored is None:
            raise web.HTTPNotFound()
        kind = stored.mime_type or (
            mimetypes.guess_type(stored.file_name or "")[0] or "application/octet-stream"
        )
        if stored.kind == "photo" and not stored.mime_type:
            kind = "image/jpeg"
        headers = {}
        if stored.file_name:
            headers["Content-Disposition"] = f'inline; filename="{stored.file_name}"'
        return web.Response(body=stored.data, content_type=kind, headers=headers)

    # ------------------------------------------------------------------ HTTP: acting

    async def _send(self, request: web.Request) -> web.StreamResponse:
        persona, body = await _persona_and_body(request)
        text = str(body.get("text", "")).strip()
        if not text:
            raise web.HTTPBadRequest(text="empty message")
        self.actor(persona).send_text(text, chat=self._target(persona))
        return web.json_response({"ok": True})

    async def _contact(self, request: web.Request) -> web.StreamResponse:
        persona, _ = await _persona_and_body(request)
        self.actor(persona).send_contact(persona.phone, chat=self._target(persona))
        return web.json_response({"ok": True})

    async def _press(self, request: web.Request) -> web.StreamResponse:
        persona, body = await _persona_and_body(request)
        try:
            press = self.actor(persona).press_data(
                str(body["data"]), int(body["message_id"]), chat=self._target(persona)
            )
        except (KeyError, ValueError, LookupError) as error:
            raise web.HTTPBadRequest(text=str(error)) from None
        try:
            answer = await press.answer(timeout=10.0)
        except TimeoutError:
            answer = {}
        return web.json_response(
            {"text": answer.get("text", ""), "alert": bool(answer.get("show_alert"))}
        )

    async def _upload(self, request: web.Request) -> web.StreamResponse:
        fields = await request.post()
        persona = _persona_of(str(fields.get("persona", "")))
        caption = str(fields.get("caption", "")).strip() or None
        files = [item for item in fields.getall("file", []) if isinstance(item, web.FileField)]
        if not files:
            raise web.HTTPBadRequest(text="no file")
        actor, chat = self.actor(persona), self._target(persona)
        photos = [f for f in files if (f.content_type or "").startswith("image/")]
        others = [f for f in files if f not in photos]
        # As the app does: several pictures go as one album (up to 10), the rest as files.
        if len(photos) == 1:
            actor.send_photo(caption, data=photos[0].file.read(), chat=chat)
            caption = None
        for start in range(0, len(photos) if len(photos) > 1 else 0, 10):
            chunk = [f.file.read() for f in photos[start : start + 10]]
            actor.send_album(caption=caption, photos=chunk, chat=chat)
            caption = None
        for item in others:
            data = item.file.read()
            actor.send_document(item.filename, item.content_type, data, caption, chat=chat)
            caption = None
        return web.json_response({"ok": True})

    async def _delete(self, request: web.Request) -> web.StreamResponse:
        persona, body = await _persona_and_body(request)
        try:
            self.chat_of(persona).delete_message(int(body["message_id"]))
        except (KeyError, ValueError, LookupError) as error:
            raise web.HTTPBadRequest(text=str(error)) from None
        return web.json_response({"ok": True})

    async def _language(self, request: web.Request) -> web.StreamResponse:
        persona, body = await _persona_and_body(request)
        code = str(body.get("language", ""))
        if code not in LANGUAGES:
            raise web.HTTPBadRequest(text="unknown language")
        actor = self.actor(persona)
        # What the app reports as the person's language in the next update they send.
        actor.user = {**actor.user, "language_code": code}
        self._publish({"chat": persona.chat_id})
        return web.json_response({"ok": True})

    async def _jump(self, request: web.Request) -> web.StreamResponse:
        body = await request.json()
        jump = str(body.get("jump", ""))
        if jump in JUMPS:
            ran = await self.clock.advance(JUMPS[jump])
        elif jump == "next":
            upcoming = self.next_reminder()
            ran = await self.clock.move_to(upcoming) if upcoming is not None else 0
        else:
            raise web.HTTPBadRequest(text="jump: hour, day or next")
        self._publish({"clock": True})
        return web.json_response({"jobs": ran, "clock": self._clock_json(_language_of(request))})

    def _target(self, persona: Persona) -> StandinGroup | None:
        chat = self.chat_of(persona)
        return chat if isinstance(chat, StandinGroup) else None


def _keyboard_message(chat: StandinChat) -> int | None:
    """The message that put up the reply keyboard now shown: a one-time keyboard hides
    after a tap, until a message brings one again."""
    for stored in reversed(chat.messages):
        markup = stored.reply_markup or {}
        if "keyboard" in markup and markup is chat.reply_keyboard:
            return int(stored.message["message_id"])
    return None


def _language_of(request: web.Request) -> str:
    code = request.query.get("lang", "uz")
    return code if code in LANGUAGES else "uz"


def _persona_of(key: str | None) -> Persona:
    persona = BY_KEY.get(key or "volunteer")
    if persona is None:
        raise web.HTTPNotFound(text="no such persona")
    return persona


async def _persona_and_body(request: web.Request) -> tuple[Persona, dict[str, Any]]:
    try:
        body = await request.json()
    except ValueError:
        raise web.HTTPBadRequest(text="a JSON body is expected") from None
    if not isinstance(body, dict):
        raise web.HTTPBadRequest(text="a JSON object is expected")
    return _persona_of(body.get("persona")), body
