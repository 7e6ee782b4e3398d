"""What counts as a command in a text a person typed."""

from __future__ import annotations

import re

# A slash, then a letter (any script: a Cyrillic-lettered /сancel is still meant as one)
# or "_", as commands are written. "/ 12" and "/12 people came" are text.
_COMMAND_LIKE = re.compile(r"/[^\W\d]")


def looks_like_command(text: str | None) -> bool:
    return _COMMAND_LIKE.match(text or "") is not None
