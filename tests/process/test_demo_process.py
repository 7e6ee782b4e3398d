"""`python -m bot demo` as `make run` starts it on a fresh clone: no token, no .env; one
line with the page's address on loopback; Ctrl-C ends it and its scratch data."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

import aiohttp

from tests.conftest import ROOT


def scratch(folder: Path) -> list[Path]:
    return list(folder.glob("hearing-demo-*"))


async def test_the_demo_command_without_a_token_serves_the_page_until_ctrl_c(
    tmp_path: Path,
) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("BOT_TOKEN", "DATABASE_PATH")}
    env.update(PYTHONPATH=str(ROOT), TMPDIR=str(tmp_path))
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "demo", "--port", "0",
        cwd=tmp_path, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        assert process.stdout is not None and process.stderr is not None
        line = (await asyncio.wait_for(process.stdout.readline(), 60)).decode()
        assert line.startswith("Demo mode (no BOT_TOKEN): open http://127.0.0.1:"), line
        url = line.split("open ", 1)[1].split()[0]
        async with aiohttp.ClientSession() as session, session.get(url) as page:
            assert page.status == 200
        assert scratch(tmp_path), "the scratch database lives in TMPDIR"
        process.send_signal(signal.SIGINT)
        assert await asyncio.wait_for(process.wait(), 30) == 0
        errors = (await process.stderr.read()).decode()
        assert "Traceback" not in errors, errors
        assert not scratch(tmp_path), "the scratch database is removed"
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
