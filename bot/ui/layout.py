"""Inline keyboards laid out in rows, without aiogram's builder.

aiogram's InlineKeyboardBuilder deep-copies its pydantic buttons on every export; on a
/hearings reply that was the largest single cost the bot added over bare aiogram
(bench/handling.py). This grid takes the same calls and copies nothing.
"""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton


class ButtonGrid:
    def __init__(self) -> None:
        self._buttons: list[InlineKeyboardButton] = []
        self._sizes: tuple[int, ...] = (1,)

    def button(
        self, *, text: str, callback_data: CallbackData | str | None = None, url: str | None = None
    ) -> None:
        data = callback_data.pack() if isinstance(callback_data, CallbackData) else callback_data
        self._buttons.append(InlineKeyboardButton(text=text, callback_data=data, url=url))

    def adjust(self, *sizes: int) -> ButtonGrid:
        """Row lengths in order; the last one repeats for the remaining buttons."""
        self._sizes = tuple(size for size in sizes if size > 0) or (1,)
        return self

    def export(self) -> list[list[InlineKeyboardButton]]:
        rows: list[list[InlineKeyboardButton]] = []
        index = 0
        for position in range(len(self._buttons)):
            if index >= len(self._buttons):
                break
            size = self._sizes[min(position, len(self._sizes) - 1)]
            rows.append(self._buttons[index : index + size])
            index += size
        return rows
