"""A chat window's view of the stand-in: every change to a chat is announced, and the
chat lists its live messages, the person's and the bot's, in order."""

from __future__ import annotations

import pytest
from aiogram import Bot

from standin import BotAPIStandin
from standin.chats import StandinChat


async def test_every_change_in_a_chat_is_announced(server: BotAPIStandin, bot: Bot) -> None:
    alice = server.user(1001)
    changes: list[tuple[int, int]] = []

    def changed(chat: StandinChat, message_id: int) -> None:
        changes.append((chat.id, message_id))

    server.add_chat_listener(changed)
    said = alice.send_text("hello")
    sent = await bot.send_message(1001, "one")
    await bot.edit_message_text("two", chat_id=1001, message_id=sent.message_id)
    other = await bot.send_message(1001, "three")
    await bot.delete_message(1001, other.message_id)
    alice.delete_message(said["message_id"])
    assert changes == [
        (1001, said["message_id"]),
        (1001, sent.message_id),
        (1001, sent.message_id),
        (1001, other.message_id),
        (1001, other.message_id),
        (1001, said["message_id"]),
    ]
    server.remove_chat_listener(changed)
    alice.send_text("unheard")
    assert len(changes) == 6


async def test_a_chat_lists_its_live_messages_in_order(server: BotAPIStandin, bot: Bot) -> None:
    alice = server.user(1001)
    alice.send_text("first")
    reply = await bot.send_message(1001, "second")
    gone = await bot.send_message(1001, "deleted")
    await bot.delete_message(1001, gone.message_id)
    alice.send_text("third")
    shown = [(stored.from_bot, stored.message["text"]) for stored in alice.messages]
    assert shown == [(False, "first"), (True, "second"), (False, "third")]
    assert alice.messages[1].message["message_id"] == reply.message_id


async def test_an_album_of_given_photos_keeps_their_bytes(server: BotAPIStandin) -> None:
    alice = server.user(1001)
    album = alice.send_album(caption="hall", photos=[b"\x89PNG one", b"\x89PNG two"])
    assert len(album) == 2
    assert len({message["media_group_id"] for message in album}) == 1
    assert album[0]["caption"] == "hall" and "caption" not in album[1]
    assert [server.file_bytes(m["photo"][-1]["file_id"]) for m in album] == [
        b"\x89PNG one",
        b"\x89PNG two",
    ]
    with pytest.raises(ValueError, match="at least one"):
        alice.send_album(photos=[])
