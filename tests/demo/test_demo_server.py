"""The demo's HTTP side, as the page uses it: state, sending, buttons, files, the clock,
the live event stream; plus the command line around it and the entity renderer."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.clock import ManualClock
from bot.demo.render import entities_to_html
from bot.demo.server import PAGE_TEXTS, Demo
from bot.i18n import LANGUAGES, Locales
from tests.conftest import ROOT, run_main
from tests.demo.conftest import DEMO_START

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture
async def demo(tmp_path: Path) -> AsyncIterator[Demo]:
    running = Demo(tmp_path, ManualClock(DEMO_START))
    await running.start(0)
    yield running
    await running.stop()


@pytest.fixture
async def http(demo: Demo) -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(base_url=demo.url) as session:
        yield session


async def post(http: aiohttp.ClientSession, path: str, body: dict[str, Any]) -> Any:
    async with http.post(path, json=body) as response:
        assert response.status == 200, await response.text()
        return await response.json()


async def state(http: aiohttp.ClientSession, persona: str = "volunteer") -> Any:
    async with http.get(f"/api/state?persona={persona}&lang=en") as response:
        return await response.json()


async def until(http: aiohttp.ClientSession, persona: str, check: Any) -> Any:
    """The persona's state once `check(state)` holds (the bot answers asynchronously)."""
    for _ in range(2000):
        shown = await state(http, persona)
        if check(shown):
            return shown
        await asyncio.sleep(0.005)
    raise AssertionError(f"never: {shown}")


def buttons(shown: Any) -> list[str]:
    return [b["text"] for m in shown["messages"] for row in m["buttons"] for b in row]


async def press(http: aiohttp.ClientSession, message: Any, label: str) -> None:
    """Tap the button whose text contains `label` on this message, as the volunteer."""
    button = next(b for row in message["buttons"] for b in row if label in b["text"])
    body = {"persona": "volunteer", "message_id": message["id"], "data": button["data"]}
    await post(http, "/api/press", body)


async def test_the_page_and_its_texts_in_each_language(http: aiohttp.ClientSession) -> None:
    async with http.get("/") as page:
        assert page.status == 200 and "app.js" in await page.text()
    for name in ("app.js", "app.css"):
        async with http.get(f"/static/{name}") as asset:
            assert asset.status == 200
    async with http.get("/static/secrets.txt") as missing:
        assert missing.status == 404
    locales = Locales("uz")
    for language in LANGUAGES:
        async with http.get(f"/api/texts?lang={language}") as response:
            body = await response.json()
        assert body["language"] == language
        assert body["texts"]["title"] == locales.get(language)("demo-title")
        assert len(body["texts"]) == len(PAGE_TEXTS)
    async with http.get("/api/texts?lang=de") as response:
        assert (await response.json())["language"] == "uz"


async def test_a_conversation_with_buttons_contact_and_deletion(
    demo: Demo, http: aiohttp.ClientSession
) -> None:
    en = Locales("uz").get("en")
    await post(http, "/api/language", {"persona": "volunteer", "language": "en"})
    first = await state(http)
    assert first["app_language"] == "en" and first["bot_username"] == "hearing_observer_bot"
    assert first["keyboard_from"] is None
    await post(http, "/api/send", {"persona": "volunteer", "text": "/start"})
    shown = await until(http, "volunteer", lambda s: len(s["messages"]) == 2)
    greeting = shown["messages"][1]
    assert greeting["from_bot"] and greeting["buttons"]
    english = next(b for row in greeting["buttons"] for b in row if "English" in b["text"])
    await post(
        http,
        "/api/press",
        {"persona": "volunteer", "message_id": greeting["id"], "data": english["data"]},
    )
    shown = await until(
        http,
        "volunteer",
        lambda s: any(
            en("consent-accept") in b["text"]
            for m in s["messages"]
            for row in m["buttons"]
            for b in row
        ),
    )
    consent = shown["messages"][-1]
    accept = next(b for row in consent["buttons"] for b in row if b["text"] == en("consent-accept"))
    await post(
        http,
        "/api/press",
        {"persona": "volunteer", "message_id": consent["id"], "data": accept["data"]},
    )
    await until(http, "volunteer", lambda s: "full name" in s["messages"][-1]["html"])
    await post(http, "/api/send", {"persona": "volunteer", "text": "Aziza Karimova"})
    shown = await until(http, "volunteer", lambda s: s["keyboard"] is not None)
    assert shown["keyboard"][0][0].get("request_contact") is True
    assert shown["keyboard_one_time"] is True  # the page hides it after a tap
    assert shown["keyboard_from"] == shown["messages"][-1]["id"]
    await post(http, "/api/contact", {"persona": "volunteer"})
    shown = await until(http, "volunteer", lambda s: any(m.get("contact") for m in s["messages"]))
    assert any(m.get("contact") == "+998901234501" for m in shown["messages"])
    # The person deletes their own message: it leaves the page.
    mine = shown["messages"][0]["id"]
    await post(http, "/api/delete", {"persona": "volunteer", "message_id": mine})
    assert mine not in [m["id"] for m in (await state(http))["messages"]]
    demo.standin.assert_no_violations()


async def test_bad_requests_are_refused(http: aiohttp.ClientSession) -> None:
    bad = [
        ("/api/send", {"persona": "volunteer", "text": "  "}, 400),
        ("/api/send", {"persona": "nobody", "text": "hi"}, 404),
        ("/api/press", {"persona": "volunteer", "message_id": 99, "data": "x"}, 400),
        ("/api/delete", {"persona": "volunteer", "message_id": 99}, 400),
        ("/api/language", {"persona": "volunteer", "language": "de"}, 400),
        ("/api/clock", {"jump": "week"}, 400),
    ]
    for path, body, status in bad:
        async with http.post(path, json=body) as response:
            assert response.status == status, path
    async with http.post("/api/send", data="not json") as response:
        assert response.status == 400
    async with http.post("/api/send", json=[1]) as response:
        assert response.status == 400
    async with http.get("/api/file/nope") as response:
        assert response.status == 404
    form = aiohttp.FormData({"persona": "volunteer"})
    async with http.post("/api/upload", data=form) as response:
        assert response.status == 400


async def test_photos_albums_and_documents_from_the_file_picker(
    demo: Demo, http: aiohttp.ClientSession
) -> None:
    async def upload(*files: tuple[str, bytes, str], caption: str = "") -> None:
        form = aiohttp.FormData()
        form.add_field("persona", "group")
        form.add_field("caption", caption)
        for name, data, kind in files:
            form.add_field("file", data, filename=name, content_type=kind)
        async with http.post("/api/upload", data=form) as response:
            assert response.status == 200, await response.text()

    await upload(("hall.png", PNG, "image/png"), caption="The hall")
    await upload(*[(f"p{i}.png", PNG, "image/png") for i in range(3)])
    await upload(("agenda.pdf", b"%PDF-1.4 agenda", "application/pdf"))
    shown = await state(http, "group")
    assert shown["group"] is True
    photos = [m for m in shown["messages"] if m.get("photo")]
    assert len(photos) == 4 and photos[0]["html"] == "The hall"
    assert len({m["media_group"] for m in photos[1:]}) == 1 and photos[1]["media_group"]
    [document] = [m for m in shown["messages"] if m.get("file")]
    assert document["file"]["name"] == "agenda.pdf"
    async with http.get(document["file"]["url"]) as response:
        assert await response.read() == b"%PDF-1.4 agenda"
        assert response.content_type == "application/pdf"
    async with http.get(photos[0]["photo"]) as response:
        assert await response.read() == PNG
    # The group's menu is the default one: the bot sets none for groups.
    assert shown["commands"][0]["command"] == "start"


async def test_the_clock_jumps_run_reminders_and_the_stream_says_so(
    demo: Demo, http: aiohttp.ClientSession
) -> None:
    async with http.get("/api/events") as stream:
        assert (await stream.content.readline()).startswith(b": connected")
        await stream.content.readline()
        before = (await state(http))["clock"]["now"]
        moved = await post(http, "/api/clock?lang=en", {"jump": "hour"})
        assert moved["clock"]["now"] != before
        event = await _next_event(stream)
        assert event == {"clock": True}
        await post(http, "/api/clock", {"jump": "day"})
        upcoming = demo.next_reminder()
        assert upcoming is not None
        await post(http, "/api/clock", {"jump": "next"})
        assert demo.clock.now() == upcoming
    # Seeded observers got the reminder (each seeded person has a chat in the stand-in).
    reminded = [u for u in demo.standin.users if any("🔔" in (m.text or "") for m in u.history)]
    assert reminded
    while demo.next_reminder() is not None:
        await post(http, "/api/clock", {"jump": "next"})
    nothing = await post(http, "/api/clock", {"jump": "next"})
    assert nothing["jobs"] == 0 and nothing["clock"]["next"] is None


async def _next_event(stream: aiohttp.ClientResponse) -> Any:
    while True:
        line = (await stream.content.readline()).decode().strip()
        if line.startswith("data: "):
            return json.loads(line.removeprefix("data: "))


def test_entities_become_safe_nested_html() -> None:
    text = "Bold 👍 <b>&x link"
    entities = [
        {"type": "bold", "offset": 0, "length": 7},
        {"type": "italic", "offset": 5, "length": 2},
        {"type": "text_link", "offset": 14, "length": 4, "url": "javascript:alert(1)"},
        {"type": "mention", "offset": 8, "length": 3},
    ]
    assert entities_to_html(text, entities) == (
        "<b>Bold <i>👍</i></b> &lt;b&gt;&amp;x "
        '<a href="https://javascript:alert(1)" target="_blank" rel="noopener noreferrer">link</a>'
    )
    assert entities_to_html("see example.org", [{"type": "url", "offset": 4, "length": 11}]) == (
        'see <a href="https://example.org" target="_blank" rel="noopener noreferrer">'
        "example.org</a>"
    )
    assert entities_to_html("", None) == ""
    # Bare links become links, as Telegram makes them; not inside code, not across edges.
    link = '<a href="https://t.me/bot?start=group" target="_blank" rel="noopener noreferrer">'
    assert entities_to_html("Write: https://t.me/bot?start=group.", None) == (
        f"Write: {link}https://t.me/bot?start=group</a>."
    )
    bold = [{"type": "bold", "offset": 0, "length": 35}]
    assert entities_to_html("Write: https://t.me/bot?start=group", bold) == (
        f"<b>Write: {link}https://t.me/bot?start=group</a></b>"
    )
    code = [{"type": "code", "offset": 0, "length": 10}]
    assert entities_to_html("http://x.y", code) == "<code>http://x.y</code>"


def test_demo_data_seeds_a_database_once(tmp_path: Path) -> None:
    database = tmp_path / "data.sqlite3"
    first = run_main(["demo-data"], tmp_path, DATABASE_PATH=str(database))
    assert first.returncode == 0, first.stderr
    assert "seeded" in first.stdout
    again = run_main(["demo-data"], tmp_path, DATABASE_PATH=str(database))
    assert again.returncode == 1 and "already" in again.stdout
    bad = run_main(["demo-data"], tmp_path, DATABASE_PATH=str(database), TIMEZONE="Mars/Base")
    assert bad.returncode == 2 and "TIMEZONE" in bad.stderr


def test_without_a_token_the_bot_points_at_the_demo(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "BOT_TOKEN"}
    env["PYTHONPATH"] = str(ROOT)
    result = subprocess.run(
        [sys.executable, "-m", "bot"], cwd=tmp_path, env=env, capture_output=True, text=True,
        timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert "BOT_TOKEN is required" in line and "python -m bot demo" in line


async def test_the_demo_command_says_its_url_serves_and_stops(tmp_path: Path) -> None:
    from bot.demo import run_demo

    said: list[str] = []
    stop = asyncio.Event()
    running = asyncio.create_task(run_demo(0, said.append, stop=stop))
    while not said and not running.done():
        await asyncio.sleep(0.01)
    [line] = said
    url = line.split("open ", 1)[1].split()[0]
    assert url.startswith("http://127.0.0.1:")
    async with aiohttp.ClientSession() as session, session.get(url) as page:
        assert page.status == 200
    stop.set()
    await asyncio.wait_for(running, 30)
