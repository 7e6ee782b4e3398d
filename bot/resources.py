"""Where the bot's data folders are: `migrations/`, `locales/` and `forms/`.

They stay at the top of the repository, where people edit them. `bot/migrations`,
`bot/locales` and `bot/forms` are symlinks to them, so `importlib.resources` finds them
inside the `bot` package both in a checkout and in an installed wheel (which carries
copies). Nothing here depends on the current directory.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def data_folder(name: str) -> Traversable:
    return files("bot") / name


MIGRATIONS = data_folder("migrations")
LOCALES = data_folder("locales")
FORMS = data_folder("forms")
