"""Logging: one line per event, with the token and phone numbers masked.

LOG_FORMAT=json writes one JSON object per line instead (for a log collector), masked
the same way."""

from __future__ import annotations

import json
import logging
import re
import sys
from datetime import UTC, datetime

LINE_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_PHONE = re.compile(r"\+?\b998\d{9}\b|\+\d{10,15}\b")


class RedactingFormatter(logging.Formatter):
    """Mask secrets in the final line, tracebacks included (URLs there carry the token)."""

    def __init__(self, fmt: str, secrets: list[str]) -> None:
        super().__init__(fmt)
        self._secrets = [secret for secret in secrets if secret]

    def format(self, record: logging.LogRecord) -> str:
        # A traceback stays one event: one line that a log collector will not split.
        return self._mask(super().format(record)).replace("\n", " ⏎ ")

    def _mask(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "[token]")
        return _PHONE.sub("[phone]", text)


class JsonFormatter(RedactingFormatter):
    """{"time", "level", "logger", "message"[, "error"]}: the same masking, one object a line."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__("%(message)s", secrets)

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": self._mask(record.getMessage()),
        }
        if record.exc_info:
            entry["error"] = self._mask(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)


def configure_logging(token: str, level: str = "INFO", fmt: str = "text") -> None:
    handler = logging.StreamHandler(sys.stderr)
    formatter = (
        JsonFormatter([token]) if fmt == "json" else RedactingFormatter(LINE_FORMAT, [token])
    )
    handler.setFormatter(formatter)
    logging.basicConfig(level=level, handlers=[handler], force=True)
    # Python warnings (a library's, say) go through the same redacting formatter instead
    # of straight to stderr.
    logging.captureWarnings(True)
    # aiogram logs every update again in its own words; ours carries the outcome.
    logging.getLogger("aiogram.event").setLevel(logging.WARNING)
    # APScheduler narrates every job it adds and runs; ours log what the job did.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
