"""Logging: one line per event, with the token and phone numbers masked."""

from __future__ import annotations

import logging
import re
import sys

LINE_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_PHONE = re.compile(r"\+?\b998\d{9}\b|\+\d{10,15}\b")


class RedactingFormatter(logging.Formatter):
    """Mask secrets in the final line, tracebacks included (URLs there carry the token)."""

    def __init__(self, fmt: str, secrets: list[str]) -> None:
        super().__init__(fmt)
        self._secrets = [secret for secret in secrets if secret]

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        for secret in self._secrets:
            line = line.replace(secret, "[token]")
        # A traceback stays one event: one line that a log collector will not split.
        return _PHONE.sub("[phone]", line).replace("\n", " ⏎ ")


def configure_logging(token: str, level: int = logging.INFO) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(RedactingFormatter(LINE_FORMAT, [token]))
    logging.basicConfig(level=level, handlers=[handler], force=True)
    # Python warnings (a library's, say) go through the same redacting formatter instead
    # of straight to stderr.
    logging.captureWarnings(True)
    # aiogram logs every update again in its own words; ours carries the outcome.
    logging.getLogger("aiogram.event").setLevel(logging.WARNING)
    # APScheduler narrates every job it adds and runs; ours log what the job did.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
