"""The HTTP server and the test-facing control surface (:class:`BotAPIStandin`)."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import re
import traceback
from collections import Counter, deque
from collections.abc import Callable, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from aiohttp import BodyPartReader, hdrs, web

from .chats import StandinChat, StandinGroup, StandinUser
from .errors import ApiError, bad_request
from .files import FileStore, StoredFile, Upload
from .limits import DEFAULT_DESCRIPTIONS, FailureInjector, FailureKind, FailureRule, RateLimiter
from .methods import ApiMethods, Handler
from .models import BotMessage, Call, CallbackPress, Violation
from .spec import Spec, load_spec
from .validation import Validator
from .webhook import Webhook, WebhookSender

__all__ = ["BotAPIStandin"]

log = logging.getLogger("standin")

_TOKEN_RE = re.compile(r"(\d+):[A-Za-z0-9_-]+")
_MAX_UPLOAD = 50 * 1024 * 1024
_DUMPS = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


class BotAPIStandin(ApiMethods):
    """A local stand-in for the Telegram Bot API (see the package docstring for usage).

    All methods must be called from the event loop thread the server runs on.
    """

    def __init__(
        self,
        token: str = "123456:TEST",
        *,
        bot_first_name: str = "Standin Bot",
        bot_username: str = "standin_bot",
        max_calls: int | None = 100_000,
        spec_path: str | Path | None = None,
    ) -> None:
        match = _TOKEN_RE.fullmatch(token)
        if match is None:
            raise ValueError(f"token must look like '123456:ABC-def', got {token!r}")
        self.token = token
        self.bot_id = int(match.group(1))
        self.bot_user = {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": bot_first_name,
            "username": bot_username,
        }
        self.spec: Spec = load_spec(spec_path)
        self._validator = Validator(self.spec)
        self.files = FileStore()
        #: calls the real API would reject (or that a well-behaved bot avoids)
        self.violations: list[Violation] = []
        #: every call, newest last (bounded by ``max_calls``; oldest dropped first)
        self.calls: deque[Call] = deque(maxlen=max_calls)
        #: number of calls per method name (never truncated)
        self.call_counts: Counter[str] = Counter()
        #: tracebacks of bugs in the stand-in itself (answered with HTTP 500)
        self.internal_errors: list[str] = []

        self._chats: dict[int, StandinChat] = {}
        self._groups_by_username: dict[str, StandinGroup] = {}
        self._blocked: set[int] = set()
        self._rate: RateLimiter | None = None
        self._failures = FailureInjector()
        self._callbacks: dict[str, CallbackPress] = {}
        self._commands: dict[tuple[str, int | None, int | None, str], list[dict[str, Any]]] = {}
        self._menu_buttons: dict[int | None, dict[str, Any]] = {}
        self._profile: dict[str, dict[str, str]] = {
            "name": {},
            "description": {},
            "short_description": {},
        }
        self._uploads: Mapping[str, Upload] = {}
        self._photo_sets: dict[str, list[dict[str, Any]]] = {}
        self._group_counter = itertools.count(1)
        self._callback_counter = itertools.count(1)
        self._listeners: list[Callable[[BotMessage], None]] = []
        self._chat_listeners: list[Callable[[StandinChat, int], None]] = []

        self._updates: deque[dict[str, Any]] = deque()
        self._next_update_id = 1
        self._redeliveries: deque[dict[str, Any]] = deque()
        self.injected: deque[dict[str, Any]] = deque(maxlen=10_000)  # every update, in order
        self._allowed_updates: frozenset[str] | None = None
        self._webhooks = WebhookSender()
        self._updates_signal = asyncio.Event()
        self._closing = asyncio.Event()

        self._handlers: dict[str, Handler] = self._handler_table()
        self._app = web.Application(client_max_size=_MAX_UPLOAD + 1024 * 1024)
        self._app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        self._app.router.add_route("GET", "/file/bot{token}/{path:.+}", self._handle_file)
        self._runner: web.AppRunner | None = None
        self._url: str | None = None

    # ------------------------------------------------------------------ lifecycle

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Start listening; return the base URL (``http://host:port``)."""
        if self._runner is not None:
            raise RuntimeError("the stand-in is already running")
        if self._url is not None:
            raise RuntimeError("a stopped stand-in cannot be restarted; create a new one")
        self._closing.clear()
        runner = web.AppRunner(self._app, access_log=None, shutdown_timeout=5.0)
        await runner.setup()
        site = web.TCPSite(runner, host, port)
        try:
            await site.start()
        except BaseException:
            await runner.cleanup()
            raise
        self._runner = runner
        bound_host, bound_port = runner.addresses[0][:2]
        if ":" in bound_host:
            bound_host = f"[{bound_host}]"
        self._url = f"http://{bound_host}:{bound_port}"
        return self._url

    async def stop(self) -> None:
        """Stop the server; pending long polls return empty, delayed responses end."""
        runner, self._runner = self._runner, None
        self._closing.set()
        self._updates_signal.set()
        await self._webhooks.stop()
        if runner is not None:
            await runner.cleanup()

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    @property
    def url(self) -> str:
        """Base URL for ``TelegramAPIServer.from_base(url)`` (only while running)."""
        if self._url is None:
            raise RuntimeError("the stand-in has not been started")
        return self._url

    # ------------------------------------------------------------------ chats

    def user(
        self,
        user_id: int,
        first_name: str | None = None,
        last_name: str | None = None,
        language_code: str | None = "en",
        *,
        username: str | None = None,
        is_premium: bool = False,
    ) -> StandinUser:
        """The simulated user ``user_id`` (created on first call; later calls return it)."""
        existing = self._chats.get(user_id)
        if existing is not None:
            if not isinstance(existing, StandinUser):
                raise ValueError(f"chat {user_id} is a group, not a user")
            return existing
        if user_id <= 0:
            raise ValueError("user ids are positive")
        user = StandinUser(
            self,
            user_id,
            first_name=first_name if first_name is not None else f"User{user_id}",
            last_name=last_name,
            username=username,
            language_code=language_code,
            is_premium=is_premium,
        )
        self._chats[user_id] = user
        return user

    def group(
        self, chat_id: int, title: str = "Group", *, username: str | None = None
    ) -> StandinGroup:
        """The supergroup ``chat_id`` (negative; created on first call)."""
        existing = self._chats.get(chat_id)
        if existing is not None:
            if not isinstance(existing, StandinGroup):
                raise ValueError(f"chat {chat_id} is a private chat, not a group")
            return existing
        if chat_id >= 0:
            raise ValueError("group chat ids are negative (e.g. -100123)")
        group = StandinGroup(self, chat_id, title=title, username=username)
        self._chats[chat_id] = group
        if username:
            self._groups_by_username[username.lower()] = group
        return group

    def chat(self, chat_id: int) -> StandinChat:
        """A known user or group by chat id (``KeyError`` otherwise)."""
        return self._chats[chat_id]

    @property
    def users(self) -> list[StandinUser]:
        return [chat for chat in self._chats.values() if isinstance(chat, StandinUser)]

    # ------------------------------------------------------------------ updates

    def redeliver(self, update: dict[str, Any]) -> None:
        """Deliver an update again, same ``update_id`` (what Telegram does when the bot
        did not confirm it: a crash, a slow restart). Goes out with the next
        ``getUpdates``, whatever its offset."""
        self._redeliveries.append(dict(update))
        self._updates_signal.set()

    def inject_update(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Queue a raw update (``payload`` without ``update_id``) for ``getUpdates``."""
        update = {"update_id": self._next_update_id, **payload}
        self._next_update_id += 1
        self.injected.append(update)
        self._updates.append(update)
        self._updates_signal.set()
        return update

    @property
    def pending_updates(self) -> int:
        """Updates not yet confirmed by the bot (via a higher ``getUpdates`` offset)."""
        return len(self._updates) + len(self._redeliveries)

    # ------------------------------------------------------------------ webhook

    def route_webhooks(self, to: str) -> None:
        """Play the bot's reverse proxy: POST webhook updates to ``to`` + the URL's path."""
        self._webhooks.proxy_to = to

    @property
    def webhook(self) -> Webhook | None:
        """The webhook the bot set (``None`` in long-polling mode)."""
        return self._webhooks.webhook

    def _start_webhook(self) -> None:
        def take() -> dict[str, Any] | None:
            updates = self._take_updates(1)
            return updates[0] if updates else None

        def confirm(update: dict[str, Any]) -> None:
            if self._redeliveries and self._redeliveries[0] is update:
                self._redeliveries.popleft()
            elif self._updates and self._updates[0] is update:
                self._updates.popleft()

        async def wait() -> None:
            self._updates_signal.clear()
            # asyncio.timeout, not wait_for: in 3.11 wait_for swallows a cancellation
            # that arrives as the event is set, and stop() would wait forever.
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(1.0):
                    await self._updates_signal.wait()

        self._webhooks.start(take, confirm, wait)

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        if self._webhooks.webhook is not None:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active;"
                " use deleteWebhook to delete the webhook first",
            )
        offset: int | None = params.get("offset")
        limit = min(max(int(params.get("limit", 100)), 1), 100)
        timeout = max(int(params.get("timeout", 0)), 0)
        if "allowed_updates" in params:
            allowed = params["allowed_updates"]
            self._allowed_updates = frozenset(allowed) if allowed else None
        updates = self._updates
        if offset is not None:
            if offset < 0:
                while len(updates) > -offset:
                    updates.popleft()
            else:
                while updates and updates[0]["update_id"] < offset:
                    updates.popleft()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            result = self._take_updates(limit)
            if result or self._closing.is_set():
                return result
            remaining = deadline - loop.time()
            if remaining <= 0:
                return []
            self._updates_signal.clear()
            # asyncio.timeout, not wait_for: in Python 3.11 wait_for loses a cancel that
            # arrives as the event is set (the server stopping as an update comes in).
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(remaining):
                    await self._updates_signal.wait()

    def _take_updates(self, limit: int) -> list[dict[str, Any]]:
        if self._redeliveries:
            again = list(self._redeliveries)
            self._redeliveries.clear()
            return again
        allowed = self._allowed_updates
        if allowed is None:
            return list(itertools.islice(self._updates, limit))
        if any(not allowed.intersection(update) for update in self._updates):
            # Telegram never delivers updates of types the bot did not ask for
            self._updates = deque(u for u in self._updates if allowed.intersection(u))
        return list(itertools.islice(self._updates, limit))

    # ------------------------------------------------------------------ observation

    def add_listener(self, callback: Callable[[BotMessage], None]) -> None:
        """Call ``callback(event)`` for every message the bot sends or edits (any chat)."""
        self._listeners.append(callback)

    def remove_listener(self, callback: Callable[[BotMessage], None]) -> None:
        self._listeners.remove(callback)

    def _notify(self, event: BotMessage) -> None:
        for callback in self._listeners:
            callback(event)

    def add_chat_listener(self, callback: Callable[[StandinChat, int], None]) -> None:
        """Call ``callback(chat, message_id)`` whenever a chat's content changes: a person
        posts, the bot sends, edits or deletes, a person deletes (a chat window redraws)."""
        self._chat_listeners.append(callback)

    def remove_chat_listener(self, callback: Callable[[StandinChat, int], None]) -> None:
        self._chat_listeners.remove(callback)

    def _chat_changed(self, chat: StandinChat, message_id: int) -> None:
        for callback in self._chat_listeners:
            callback(chat, message_id)

    def file(self, file_id: str) -> StoredFile | None:
        """The stored file record for ``file_id``."""
        return self.files.get(file_id)

    def file_bytes(self, file_id: str) -> bytes:
        """Bytes of an uploaded or user-sent file (``KeyError`` if unknown)."""
        stored = self.files.get(file_id)
        if stored is None:
            raise KeyError(file_id)
        return stored.data

    def commands(
        self, language_code: str | None = None, scope: dict[str, Any] | None = None
    ) -> list[dict[str, Any]] | None:
        """Commands ``setMyCommands`` stored for this scope/language (``None`` if unset)."""
        try:
            key = self._scope_key(scope, language_code)
        except ApiError:
            return None  # a scope naming an unknown chat
        stored = self._commands.get(key)
        return [dict(command) for command in stored] if stored is not None else None

    def menu_button(self, chat_id: int | None = None) -> dict[str, Any] | None:
        """The menu button ``setChatMenuButton`` set for ``chat_id`` (``None``: default)."""
        return self._menu_buttons.get(chat_id)

    def my_name(self, language_code: str | None = None) -> str | None:
        return self._profile["name"].get(language_code or "")

    def my_description(self, language_code: str | None = None) -> str | None:
        return self._profile["description"].get(language_code or "")

    def my_short_description(self, language_code: str | None = None) -> str | None:
        return self._profile["short_description"].get(language_code or "")

    def calls_to(self, method: str) -> list[Call]:
        """Recorded calls of one method (case-insensitive); scans :attr:`calls`."""
        lowered = method.lower()
        return [call for call in self.calls if call.method.lower() == lowered]

    def describe_recent(self, n: int = 15) -> str:
        """Recent calls and violations, for failure messages."""
        lines = [f"last {min(n, len(self.calls))} of {len(self.calls)} calls:"]
        start = max(len(self.calls) - n, 0)
        lines.extend(f"  {call.summary()}" for call in itertools.islice(self.calls, start, None))
        if self.violations:
            lines.append(f"violations ({len(self.violations)}):")
            lines.extend(f"  {violation}" for violation in self.violations[-n:])
        if self.internal_errors:
            lines.append(f"stand-in internal errors: {len(self.internal_errors)}")
        return "\n".join(lines)

    def assert_no_violations(self) -> None:
        """Raise :class:`AssertionError` listing violations and internal errors, if any."""
        if self.violations or self.internal_errors:
            details = "\n".join(f"  {v}" for v in self.violations)
            errors = "\n".join(self.internal_errors)
            raise AssertionError(f"Bot API violations:\n{details}\n{errors}".rstrip())

    # ------------------------------------------------------------------ failure injection

    def fail_next(
        self,
        method: str,
        error_code: int = 429,
        *,
        retry_after: int | None = None,
        times: int = 1,
        chat_id: int | str | None = None,
        description: str | None = None,
        kind: FailureKind = "error",
        delay: float = 120.0,
    ) -> None:
        """Make the next ``times`` calls of ``method`` (``"*"``: any) fail.

        ``kind="error"`` answers ``error_code`` with Telegram's usual description (429
        includes ``parameters.retry_after``, default 1).  ``kind="timeout"`` performs the
        call (the message is delivered) but holds the response for ``delay`` seconds or
        until the server stops, so the client times out.  ``kind="slow"`` waits ``delay``
        seconds before performing the call (a slow network on the way in), so calls made
        meanwhile take effect first.  ``chat_id`` restricts the rule
        to calls for that chat.
        """
        if times < 1:
            raise ValueError("times must be at least 1")
        if kind == "error" and error_code == 429 and retry_after is None:
            retry_after = 1
        if description is None:
            template = DEFAULT_DESCRIPTIONS.get(error_code, f"Error {error_code}")
            description = template.format(retry_after=retry_after)
        self._failures.add(
            FailureRule(
                method="*" if method == "*" else method.lower(),
                error_code=error_code,
                description=description,
                retry_after=retry_after,
                remaining=times,
                chat_id=chat_id,
                kind=kind,
                delay=delay,
            )
        )

    def clear_failures(self) -> None:
        """Forget all pending :meth:`fail_next` rules."""
        self._failures.clear()

    def block(self, user_id: int) -> None:
        """The user blocked the bot: sends to their chat answer 403 Forbidden."""
        self._blocked.add(user_id)

    def unblock(self, user_id: int) -> None:
        self._blocked.discard(user_id)

    def enforce_rate_limits(
        self,
        per_chat_per_second: float = 1.0,
        global_per_second: float = 30.0,
        group_per_minute: float = 20,
        *,
        burst: float | None = None,
    ) -> None:
        """Answer 429 with ``retry_after`` when sends exceed Telegram's flood limits.

        Token buckets: one per private chat (``per_chat_per_second``), one per group
        (``group_per_minute``) and a global one; ``burst`` overrides bucket capacity
        (default: one second's worth, one minute's for groups).  Off by default.
        """
        self._rate = RateLimiter(
            per_chat_per_second=per_chat_per_second,
            global_per_second=global_per_second,
            group_per_minute=group_per_minute,
            burst=burst,
        )

    def disable_rate_limits(self) -> None:
        self._rate = None

    # ------------------------------------------------------------------ HTTP

    @staticmethod
    def _response(status: int, payload: dict[str, Any]) -> web.Response:
        return web.Response(
            status=status, body=_DUMPS(payload).encode(), content_type="application/json"
        )

    def _error_response(self, error: ApiError) -> web.Response:
        payload: dict[str, Any] = {
            "ok": False,
            "error_code": error.error_code,
            "description": error.description,
        }
        if error.retry_after is not None:
            payload["parameters"] = {"retry_after": error.retry_after}
        return self._response(error.error_code, payload)

    def _record(
        self, method: str, params: dict[str, Any], status: int, description: str | None
    ) -> None:
        self.calls.append(Call(method, params, status, description))
        self.call_counts[method] += 1

    def _fail(self, method: str, params: dict[str, Any], error: ApiError) -> web.Response:
        self._record(method, params, error.error_code, error.description)
        if error.violation:
            self.violations.append(Violation(method, params, error.description))
        return self._error_response(error)

    async def _handle_api(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return self._error_response(ApiError(401, "Unauthorized"))
        requested = request.match_info["method"]
        spec = self.spec.method(requested)
        name = spec.name if spec is not None else requested
        raw: dict[str, Any] = {}
        try:
            raw, uploads = await self._read_params(request)
        except ApiError as error:
            return self._fail(name, raw, error)
        if spec is None:
            return self._fail(
                name, raw, ApiError(404, "Not Found: method not found", violation=True)
            )
        for part_name, upload in uploads.items():
            if part_name in spec.fields and part_name not in raw:
                raw[part_name] = upload
        params: dict[str, Any] = raw
        delay = 0.0
        try:
            params = self._validator.validate_call(spec, raw, uploads)
            rule = (
                self._failures.take(name.lower(), params.get("chat_id")) if self._failures else None
            )
            if rule is not None:
                if rule.kind == "error":
                    raise ApiError(rule.error_code, rule.description, retry_after=rule.retry_after)
                if rule.kind == "slow":
                    await self._hold(rule.delay)
                else:
                    delay = rule.delay
            if name == "getUpdates":
                result: Any = await self._get_updates(params)
            else:
                handler = self._handlers.get(name.lower())
                if handler is None:
                    raise bad_request("method not implemented in stand-in", violation=True)
                self._uploads = uploads
                try:
                    result = handler(params)
                finally:
                    self._uploads = {}
        except ApiError as error:
            return self._fail(name, params, error)
        except Exception:  # noqa: BLE001 - a bug in the stand-in must not look like an API error
            details = traceback.format_exc()
            log.error("stand-in failed on %s:\n%s", name, details)
            self.internal_errors.append(f"{name}: {details}")
            return self._fail(name, params, ApiError(500, "Internal Server Error: stand-in bug"))
        self._record(name, params, 200, None)
        if delay > 0:
            await self._hold(delay)
        return self._response(200, {"ok": True, "result": result})

    async def _hold(self, seconds: float) -> None:
        """Wait `seconds`, or until the server stops."""
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(seconds):  # not wait_for: see _get_updates
                await self._closing.wait()

    async def _read_params(self, request: web.Request) -> tuple[dict[str, Any], dict[str, Upload]]:
        raw: dict[str, Any] = {key: request.query[key] for key in request.query}
        uploads: dict[str, Upload] = {}
        if not request.body_exists:
            return raw, uploads
        content_type = request.content_type
        if content_type == "application/json":
            try:
                body = await request.json()
            except ValueError:
                raise bad_request("can't parse JSON request body", violation=True) from None
            if body is None:
                return raw, uploads
            if not isinstance(body, dict):
                raise bad_request("JSON request body must be an object", violation=True)
            raw.update(body)
        elif content_type == "multipart/form-data":
            reader = await request.multipart()
            async for part in reader:
                if not isinstance(part, BodyPartReader) or part.name is None:
                    continue
                if part.filename is not None:
                    data = await part.read(decode=False)
                    uploads[part.name] = Upload(
                        part.name, part.filename, part.headers.get(hdrs.CONTENT_TYPE), bytes(data)
                    )
                else:
                    raw[part.name] = await part.text()
        else:
            form = await request.post()
            for key in form:
                value = form[key]
                if isinstance(value, str):
                    raw[key] = value
        return raw, uploads

    async def _handle_file(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return self._error_response(ApiError(401, "Unauthorized"))
        stored = self.files.by_path(request.match_info["path"])
        if stored is None:
            return self._error_response(ApiError(404, "Not Found"))
        return web.Response(
            body=stored.data, content_type=stored.mime_type or "application/octet-stream"
        )
