"""Admins manage coordinators; every coordinator action lands in the audit log."""

from __future__ import annotations

from datetime import timedelta

from bot.i18n import Locales
from standin import BotAPIStandin
from tests.conftest import ADMIN_ID, BotInProcess
from tests.flow.conftest import person, seed_hearing, seed_volunteer


async def test_an_admin_adds_and_removes_a_coordinator_and_reads_the_audit_log(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    seed_volunteer(bot_app, ADMIN_ID, "en", name="Admin Aliyev")
    seed_volunteer(bot_app, 8001, "ru", name="Kamola Saidova")
    seed_volunteer(bot_app, 8002, "en", name="Bobur Nazarov")
    admin = person(standin, all_locales, ADMIN_ID, "en")
    helper = person(standin, all_locales, 8001, "ru")
    other = person(standin, all_locales, 8002, "en")
    tr = admin.tr

    # Not an admin: a clear refusal, for the command and for a replayed button.
    await helper.says("/coordinators", "admins-only")
    assert await helper.refused(data="adm:remove:8001") == helper.tr("admins-only")
    await helper.says("/newhearing", "coordinators-only")

    admin.user.send_text("/coordinators")
    overview = await admin.expect_start("coord-title")
    assert tr("coord-add") in overview.buttons
    await admin.presses(tr("coord-add"), "coord-ask")
    await admin.says("not a number", "coord-bad-input")
    await admin.says("424242", "coord-not-registered")  # never registered
    await admin.says("8001", "coord-added", name="Kamola Saidova")
    await admin.message()  # the list again
    # Adding by a forwarded message works too.
    await admin.presses(tr("coord-add"), "coord-ask")
    admin.user.forward_from(other.user, text="hello")
    await admin.expect("coord-added", name="Bobur Nazarov")
    listing = await admin.message()
    assert "Kamola Saidova" in (listing.text or "") and "Bobur Nazarov" in (listing.text or "")
    menu = standin.commands(scope={"type": "chat", "chat_id": 8001})
    assert menu is not None and "newhearing" in [c["command"] for c in menu]

    # The new coordinator can create a hearing at once; the action is audited.
    await helper.says("/newhearing", "form-ask-title")
    await helper.says("/cancel", "cancel-done")
    hearing_id = seed_hearing(bot_app, starts_in=timedelta(days=2))
    helper.user.send_text(f"/start h{hearing_id}")
    await helper.message()  # the card, with the coordinator's buttons
    await helper.presses(
        helper.tr("hearing-button-stop"), "form-ask-reason", title="Budget 2027 hearing"
    )
    await helper.says("Postponed by the committee", "hearing-cancelled-done", count=0)

    # Removed: the role ends at once, checked on the next command.
    admin.user.press(tr("coord-remove", name="Kamola Saidova"))
    await admin.user.next_message()  # the list, edited
    await helper.says("/newhearing", "coordinators-only")
    menu = standin.commands(scope={"type": "chat", "chat_id": 8001})
    assert menu is not None and "newhearing" not in [c["command"] for c in menu]

    admin.user.press(tr("audit-button"))
    log = await admin.message()
    text = log.text or ""
    for action in ("role.add", "hearing.cancel", "role.remove"):
        assert action in text
    rows = bot_app.query("SELECT actor_id, action, target FROM audit_log ORDER BY id")
    assert [tuple(r) for r in rows] == [
        (ADMIN_ID, "role.add", "user:8001"),
        (ADMIN_ID, "role.add", "user:8002"),
        (8001, "hearing.cancel", f"hearing:{hearing_id}"),
        (ADMIN_ID, "role.remove", "user:8001"),
    ]


async def test_every_coordinator_command_and_button_checks_the_role(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    """A volunteer typing staff commands or replaying staff buttons: refused, nothing done."""
    seed_volunteer(bot_app, 8101, "uz", name="Volunteer Karimov")
    seed_volunteer(bot_app, 8102, "en", name="Coordinator Usmonova")
    hearing_id = seed_hearing(bot_app, starts_in=timedelta(days=2))
    bot_app.write(
        "INSERT INTO coordinators (user_id, added_by, added_at) VALUES (8102, ?, ?)",
        (ADMIN_ID, "2026-11-29T10:00:00+00:00"),
    )
    volunteer = person(standin, all_locales, 8101, "uz")
    coordinator = person(standin, all_locales, 8102, "en")
    for command in ("/newhearing", "/reports", "/broadcast"):
        await volunteer.says(command, "coordinators-only")
    await volunteer.says("/coordinators", "admins-only")
    await coordinator.says("/coordinators", "admins-only")  # coordinators are not admins
    staff_buttons = (
        f"h:{hearing_id}:edit", f"h:{hearing_id}:stop", f"h:{hearing_id}:people",
        f"he:{hearing_id}:title", "hf:publish:", "hf:discard:",
        "rv:1:open", "rv:1:accept", "rv:1:return", "rq:0:0",
        "bc:send::0", "bc:stop::1", "bc:failures::1",
    )  # fmt: skip
    for data in staff_buttons:
        assert await volunteer.refused(data=data) == volunteer.tr("coordinators-only"), data
    for data in ("adm:add:0", "adm:remove:8102", "adm:audit:0"):
        assert await volunteer.refused(data=data) == volunteer.tr("admins-only")
        assert await coordinator.refused(data=data) == coordinator.tr("admins-only")
    # Nothing changed: the hearing stands, nobody was added, nothing was audited.
    (status,) = bot_app.query("SELECT status FROM hearings WHERE id = ?", (hearing_id,))
    assert status[0] == "published"
    assert bot_app.query("SELECT count(*) FROM audit_log")[0][0] == 0
    assert bot_app.query("SELECT count(*) FROM coordinators")[0][0] == 1
