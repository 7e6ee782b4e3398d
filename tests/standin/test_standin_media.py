"""Files: uploads by the bot, media sent by users, albums, copies and forwards."""

from __future__ import annotations

import io

import pytest
from aiogram import Bot
from aiogram.types import BufferedInputFile, InputMediaDocument, InputMediaPhoto, InputMediaVideo

from standin import BotAPIStandin


async def _download(bot: Bot, file_id: str) -> bytes:
    buffer = io.BytesIO()
    await bot.download(file_id, destination=buffer)
    return buffer.getvalue()


async def test_document_upload_and_download_round_trip(server: BotAPIStandin, bot: Bot) -> None:
    alice = server.user(1001)
    payload = bytes(range(256)) * 40
    sent = await bot.send_document(
        1001,
        BufferedInputFile(payload, filename="report.csv"),
        caption="<i>weekly</i> report",
        parse_mode="HTML",
    )
    assert sent.document is not None
    assert sent.document.file_name == "report.csv"
    assert sent.document.mime_type == "text/csv"
    assert sent.document.file_size == len(payload)
    assert sent.caption == "weekly report"

    event = await alice.next_message()
    assert event.method == "sendDocument"
    assert event.caption == "weekly report"
    assert event.document == sent.document.model_dump(exclude_none=True)
    assert event.file_bytes() == payload
    assert server.file_bytes(sent.document.file_id) == payload

    file = await bot.get_file(sent.document.file_id)
    assert file.file_path is not None
    assert file.file_path.endswith(".csv")
    assert await _download(bot, sent.document.file_id) == payload

    again = await bot.send_document(1001, sent.document.file_id)
    assert again.document is not None
    assert again.document.file_unique_id == sent.document.file_unique_id
    assert (await alice.next_message()).file_bytes() == payload
    server.assert_no_violations()


async def test_photo_upload_has_sizes(server: BotAPIStandin, bot: Bot) -> None:
    alice = server.user(1001)
    jpeg = b"\xff\xd8\xff\xe0fake-jpeg\xff\xd9"
    sent = await bot.send_photo(1001, BufferedInputFile(jpeg, filename="p.jpg"))
    assert sent.photo is not None
    assert len(sent.photo) == 3
    widths = [size.width for size in sent.photo]
    assert widths == sorted(widths)
    assert (await alice.next_message()).file_bytes() == jpeg
    resent = await bot.send_photo(1001, sent.photo[-1].file_id)
    assert resent.photo is not None
    assert [p.file_id for p in resent.photo] == [p.file_id for p in sent.photo]


async def test_user_media_can_be_downloaded_by_the_bot(server: BotAPIStandin, bot: Bot) -> None:
    alice = server.user(1001)
    alice.send_document(file_name="scan.pdf", mime_type="application/pdf", data=b"%PDF-1 x")
    alice.send_photo(caption="polling station")
    alice.send_voice(duration=7)
    alice.send_video()
    alice.send_sticker()
    alice.send_location(41.31, 69.24)
    updates = await bot.get_updates()
    messages = [u.message for u in updates if u.message]
    assert len(messages) == 6

    document = messages[0].document
    assert document is not None
    assert document.file_name == "scan.pdf"
    assert await _download(bot, document.file_id) == b"%PDF-1 x"

    photo = messages[1].photo
    assert photo is not None
    assert messages[1].caption == "polling station"
    assert (await _download(bot, photo[-1].file_id)).startswith(b"\xff\xd8")
    assert messages[2].voice is not None
    assert messages[2].voice.duration == 7
    assert messages[3].video is not None
    assert messages[4].sticker is not None
    assert messages[5].location is not None
    assert messages[5].location.latitude == pytest.approx(41.31)


async def test_user_album(server: BotAPIStandin, bot: Bot) -> None:
    alice = server.user(1001)
    sent = alice.send_album(n=3, caption="three photos")
    assert len({m["media_group_id"] for m in sent}) == 1
    updates = await bot.get_updates()
    messages = [u.message for u in updates if u.message]
    assert [m.caption for m in messages] == ["three photos", None, None]
    assert len({m.media_group_id for m in messages}) == 1
    assert [m.message_id for m in messages] == sorted(m.message_id for m in messages)


async def test_bot_media_group(server: BotAPIStandin, bot: Bot) -> None:
    alice = server.user(1001)
    existing = alice.send_photo()["photo"][-1]["file_id"]
    media = [
        InputMediaPhoto(
            media=BufferedInputFile(b"one", filename="1.jpg"),
            caption="<b>album</b>",
            parse_mode="HTML",
        ),
        InputMediaVideo(media=BufferedInputFile(b"two", filename="2.mp4")),
        InputMediaPhoto(media=existing),
    ]
    sent = await bot.send_media_group(1001, media=media)  # type: ignore[arg-type]
    assert len(sent) == 3
    assert len({m.media_group_id for m in sent}) == 1
    assert sent[0].caption == "album"
    events = alice.drain()
    assert [e.method for e in events] == ["sendMediaGroup"] * 3
    assert events[0].file_bytes() == b"one"
    assert events[1].file_bytes() == b"two"
    documents = [
        InputMediaDocument(media=BufferedInputFile(b"a", filename="a.txt")),
        InputMediaDocument(media=BufferedInputFile(b"b", filename="b.txt")),
    ]
    sent_documents = await bot.send_media_group(1001, media=documents)  # type: ignore[arg-type]
    assert [m.document.file_name for m in sent_documents if m.document] == ["a.txt", "b.txt"]
    server.assert_no_violations()


async def test_copy_and_forward(server: BotAPIStandin, bot: Bot) -> None:
    alice = server.user(1001, first_name="Alice")
    coordinators = server.group(-100123, title="Coordinators")
    report = alice.send_photo(caption="report")
    copied = await bot.copy_message(-100123, from_chat_id=1001, message_id=report["message_id"])
    event = await coordinators.next_message()
    assert event.message_id == copied.message_id
    assert event.method == "copyMessage"
    assert event.caption == "report"
    assert event.photo == report["photo"]
    assert event.forward_origin is None

    recaptioned = await bot.copy_message(
        -100123, from_chat_id=1001, message_id=report["message_id"], caption="from Alice"
    )
    assert (await coordinators.next_message()).caption == "from Alice"
    assert recaptioned.message_id > copied.message_id

    forwarded = await bot.forward_message(
        -100123, from_chat_id=1001, message_id=report["message_id"]
    )
    assert forwarded.forward_origin is not None
    event = await coordinators.next_message()
    assert event.forward_origin is not None
    assert event.forward_origin["sender_user"]["id"] == 1001

    text = alice.send_text("one")
    second = alice.send_text("two")
    ids = await bot.copy_messages(
        -100123, from_chat_id=1001, message_ids=[text["message_id"], second["message_id"]]
    )
    assert len(ids) == 2
    assert [e.text for e in coordinators.drain()] == ["one", "two"]
    server.assert_no_violations()


async def test_forwarded_message_from_user(server: BotAPIStandin, bot: Bot) -> None:
    alice = server.user(1001, first_name="Alice")
    bob = server.user(1002, first_name="Bob")
    alice.forward_from(bob, text="Bob said this")
    updates = await bot.get_updates()
    message = updates[-1].message
    assert message is not None
    assert message.forward_origin is not None
    assert message.forward_origin.type == "user"
    assert message.forward_origin.sender_user.first_name == "Bob"  # type: ignore[union-attr]
