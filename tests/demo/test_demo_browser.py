"""The demo page in a real headless Chromium, used as a person would: register, open a
hearing, sign up, jump the clock to the reminder and answer it; then, as the
coordinator, see the sign-up. Skips where Chromium is not installed (CI installs it).

Set DEMO_SCREENSHOT=path/to/file.png to keep a screenshot of the page (the README's).
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.i18n import Locales
from tests.conftest import plain
from tests.demo.conftest import DemoThread

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
# CI installs Chromium (.ci/run), so there a missing browser is a failure, not a skip.
pytestmark = pytest.mark.skipif(
    (CHROMIUM is None or CHROMEDRIVER is None) and os.environ.get("CI") != "true",
    reason="no Chromium here: apt-get install chromium chromium-driver (CI does)",
)
webdriver = pytest.importorskip("selenium.webdriver")
from selenium.common.exceptions import (  # noqa: E402
    StaleElementReferenceException,
    TimeoutException,
)
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

# What works for Debian's Chromium as root in a container, without a desktop or network.
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--window-size=430,900",
)  # fmt: skip
TITLE = "2027-yil Davlat byudjeti loyihasi"  # the seeded hearing two days ahead
# Generous: it bounds a wait for the bot's answer on a loaded 2-core machine, and a
# passing run never waits it out (every wait ends as soon as the page shows the thing).
PATIENCE = 30.0


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[WebDriver]:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path / 'profile'}")
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(CHROMEDRIVER))
    try:
        yield driver
    finally:
        driver.quit()


class Page:
    """The chat page, driven by what a person sees: texts, buttons, the keyboard."""

    def __init__(self, driver: WebDriver) -> None:
        self.driver = driver

    def until(self, what: str, check: Callable[[WebDriver], Any]) -> Any:
        def attempt(driver: WebDriver) -> Any:
            try:
                return check(driver)
            except StaleElementReferenceException:  # redrawn meanwhile: look again
                return None

        try:
            return WebDriverWait(self.driver, PATIENCE, poll_frequency=0.05).until(attempt)
        except TimeoutException:
            shown = [m.text for m in self.driver.find_elements(By.CSS_SELECTOR, "#chat .msg")]
            raise AssertionError(
                f"never saw {what}; the chat shows:\n" + "\n---\n".join(shown[-4:])
            ) from None

    def bot_says(self, text: str) -> str:
        """Wait for a bot message containing `text`; return its whole text."""

        def found(driver: WebDriver) -> str | None:
            for message in reversed(driver.find_elements(By.CSS_SELECTOR, "#chat .msg.bot")):
                if text in message.text:
                    return str(message.text)
            return None

        return str(self.until(f"a message with {text!r}", found))

    def press(self, label: str, *, contains: bool = False) -> None:
        """Tap the newest inline button with this label."""

        def tapped(driver: WebDriver) -> bool:
            for button in reversed(driver.find_elements(By.CSS_SELECTOR, "#chat .ikb-btn")):
                if (label in button.text) if contains else button.text == label:
                    if not button.is_enabled():
                        return False
                    button.click()
                    return True
            return False

        self.until(f"the button {label!r}", tapped)

    def type(self, text: str) -> None:
        box = self.driver.find_element(By.ID, "text")
        box.send_keys(text)
        box.send_keys(Keys.ENTER)

    def click(self, css: str) -> None:
        def clicked(driver: WebDriver) -> bool:
            driver.find_element(By.CSS_SELECTOR, css).click()
            return True

        self.until(css, clicked)


def test_register_sign_up_get_reminded_and_be_seen_by_the_coordinator(
    demo: DemoThread, browser: WebDriver, all_locales: Locales
) -> None:
    started = time.monotonic()
    en, uz = all_locales.get("en"), all_locales.get("uz")
    page = Page(browser)
    browser.get(demo.url + "?lang=en&persona=volunteer")
    page.until("the page", lambda d: d.find_element(By.ID, "title").text == en("demo-title"))
    # The volunteer's phone reports English: the bot greets in it.
    Select(browser.find_element(By.ID, "app-lang")).select_by_value("en")
    page.until(
        "English reported",
        lambda d: d.execute_script("return current && current.app_language") == "en",
    )

    page.click("#menu-btn")  # the command menu, as the bot published it
    page.until("/start in the menu", lambda d: "/start" in d.find_element(By.ID, "commands").text)
    page.click("#commands button")
    page.press(en("language-button-current", language=en("language-name-en")))
    page.press(en("consent-accept"))
    page.bot_says("full name")
    page.type("Aziza Karimova")
    page.click("#keyboard button")  # "Share my contact"
    page.press(en("region-SA"))
    page.press("▫️ " + en("interest-hearings"))
    page.press(en("interests-done", count=1))
    page.press(en("summary-confirm"))
    page.bot_says("Aziza Karimova")

    page.press(en("menu-hearings"))
    page.press(TITLE, contains=True)
    page.press(en("hearing-button-signup"))
    page.bot_says(plain(en("signup-confirmed", title=TITLE)))

    page.click("#jump-next")  # to a day before the hearing
    page.bot_says("🔔")
    page.press(en("reminder-coming"))
    page.bot_says(plain(en("attend-coming", title=TITLE)))
    assert demo.call(_attendance(demo)) == "coming"
    # The bot took the contact keyboard away: nothing is left to bring back.
    assert not browser.find_element(By.ID, "keyboard").text
    assert not browser.find_element(By.ID, "keyboard-btn").is_displayed()

    if path := os.environ.get("DEMO_SCREENSHOT"):
        browser.execute_script("document.getElementById('toast').hidden = true")
        browser.save_screenshot(path)

    page.click('#personas button[data-persona="coordinator"]')
    page.until(
        "the coordinator's chat",
        lambda d: d.find_element(By.ID, "chat-title").text == en("demo-persona-coordinator"),
    )
    page.type("/hearings")
    page.press(TITLE, contains=True)
    page.press(uz("hearing-button-people"))
    assert TITLE in page.bot_says("Aziza Karimova")  # the list of who signed up

    # In the coordinators' group the bot asks for a private chat; its link opens one.
    page.click('#personas button[data-persona="group"]')
    page.until("the group", lambda d: d.execute_script("return current && current.group"))
    page.type("/start")
    page.bot_says(plain(uz("group-private-only", link="")).strip())
    page.click("#chat a[href*='start=group']")
    page.until(
        "the coordinator's chat again",
        lambda d: d.find_element(By.ID, "chat-title").text == en("demo-persona-coordinator"),
    )
    page.until("/start group", lambda d: "/start group" in d.find_element(By.ID, "chat").text)
    print(f"browser test took {time.monotonic() - started:.1f} s")  # noqa: T201


async def _attendance(demo: DemoThread) -> str:
    async with demo.demo.app.db.unit_of_work() as uow:
        row = await uow.fetch_one("SELECT attendance FROM signups WHERE user_id = 1001")
    return str(row[0]) if row else ""
