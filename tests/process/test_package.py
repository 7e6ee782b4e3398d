"""The package as an admin installs it: a wheel in a fresh virtual environment, with the
locked versions, run from a folder that is not the source tree."""

from __future__ import annotations

import asyncio
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.db import load_migrations
from standin import BotAPIStandin
from tests.conftest import ROOT, TOKEN

SOURCES = ("pyproject.toml", "README.md", "bot", "handlers", "standin", "migrations",
           "locales", "forms")  # fmt: skip


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        [str(arg) for arg in args], cwd=cwd, env=env, capture_output=True, text=True,
        timeout=600, check=False,
    )  # fmt: skip
    assert result.returncode == 0, f"{args}: {result.stdout}\n{result.stderr}"
    return result.stdout + result.stderr


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`hearing-bot` from a wheel built off a copy of the tree (the build writes files)."""
    work = tmp_path_factory.mktemp("package")
    tree = work / "tree"
    tree.mkdir()
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tree / name, symlinks=True,
                            ignore=shutil.ignore_patterns("__pycache__"))  # fmt: skip
        else:
            shutil.copy2(source, tree / name)
    run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", work / "dist", tree,
        cwd=work)  # fmt: skip
    [wheel] = list((work / "dist").glob("*.whl"))
    venv = work / "venv"
    run(sys.executable, "-m", "venv", venv, cwd=work)
    pip: list[str | Path] = [venv / "bin" / "python", "-m", "pip", "install", "--quiet"]
    run(*pip, "-r", ROOT / "requirements.lock", cwd=work)
    run(*pip, "--no-deps", wheel, cwd=work)
    return venv / "bin" / "hearing-bot"


def test_the_wheel_carries_its_data_and_migrates_from_anywhere(
    installed: Path, tmp_path: Path
) -> None:
    env = {"PATH": "/usr/bin:/bin", "BOT_TOKEN": TOKEN,
           "DATABASE_PATH": str(tmp_path / "db.sqlite3")}  # fmt: skip
    output = run(installed, "migrate", cwd=tmp_path, env=env)
    count = len(load_migrations())
    assert f"schema version {count} ({count} applied)" in output
    assert "usage: hearing-bot" in run(installed, "--help", cwd=tmp_path, env=env)


async def test_the_installed_bot_starts_and_answers(
    installed: Path, tmp_path: Path, standin: BotAPIStandin
) -> None:
    env = {
        "PATH": "/usr/bin:/bin", "BOT_TOKEN": TOKEN, "TELEGRAM_API_URL": standin.url,
        "DATABASE_PATH": str(tmp_path / "db.sqlite3"), "HEALTH_LISTEN": "127.0.0.1:0",
        "PYTHONUNBUFFERED": "1",
    }  # fmt: skip
    log_path = tmp_path / "bot.log"
    with log_path.open("wb") as log:
        process = await asyncio.create_subprocess_exec(
            installed, cwd=tmp_path, env=env, stdout=log, stderr=log
        )
    try:
        deadline = time.monotonic() + 60
        while "Run polling" not in log_path.read_text("utf-8", errors="replace"):
            assert process.returncode is None, log_path.read_text("utf-8")
            assert time.monotonic() < deadline, log_path.read_text("utf-8")
            await asyncio.sleep(0.05)
        user = standin.user(4242, first_name="Nodira", language_code="uz")
        user.send_text("/start")
        greeting = await user.next_message(timeout=20)
        assert greeting.text and greeting.text.startswith("👋 Assalomu alaykum!")
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(process.wait(), 30) == 0
    assert "Traceback" not in log_path.read_text("utf-8")
