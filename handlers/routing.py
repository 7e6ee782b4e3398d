"""Skip whole routers that cannot handle an update, before aiogram asks their filters.

aiogram offers an update to each router in turn and each router asks every handler's
filters until one accepts: a volunteer's button press went through 16 routers and 31
filter checks before it reached its handler, a sixth of the bot's CPU under load. Most
routers can only ever accept some buttons (their handlers all filter on `CallbackData`
prefixes) or some commands (their message handlers are all `Command` filters). Each such
router gets a first root filter that compares the button's prefix or the command's name
with what the router (its sub-routers included) could accept, and aiogram skips the
router and all below it when it fails. A router with any other handler gets no such
filter, so what reaches a handler is exactly what reached it before.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from aiogram import Router
from aiogram.dispatcher.event.handler import FilterObject, HandlerObject
from aiogram.filters import Command, Filter
from aiogram.filters.callback_data import CallbackQueryFilter
from aiogram.types import CallbackQuery, Message

# None: the router may handle any update of the kind.
Accepts = frozenset[str] | None


class ButtonPrefixes(Filter):
    """Passes a button press whose data begins with one of these `CallbackData` prefixes."""

    def __init__(self, prefixes: frozenset[str], separator: str) -> None:
        self.prefixes = prefixes
        self._separator = separator

    async def __call__(self, query: CallbackQuery) -> bool:
        return (query.data or "").partition(self._separator)[0] in self.prefixes


class CommandNames(Filter):
    """Passes a message that starts with one of these commands (in any case, with or
    without a mention: the handler's own filter still decides)."""

    def __init__(self, names: frozenset[str]) -> None:
        self.names = names

    async def __call__(self, message: Message) -> bool:
        text = message.text or message.caption  # as aiogram's Command reads it
        if not text or text[0] != "/":
            return False
        word = text.split(maxsplit=1)[0][1:]
        return word.partition("@")[0].lower() in self.names


def skip_routers_that_cannot_handle(root: Router) -> None:
    """Give every router that can only handle some buttons or commands its gate."""
    separators = {
        handler_filter.callback.callback_data.__separator__
        for router in root.chain_tail
        for handler in router.callback_query.handlers
        for handler_filter in handler.filters or []
        if isinstance(handler_filter.callback, CallbackQueryFilter)
    }
    if len(separators) == 1:
        _gate(root, "callback_query", _button_prefixes, separators.pop())
    _gate(root, "message", _command_names, "")


def _gate(
    router: Router, kind: str, accepts: Callable[[HandlerObject], Accepts], separator: str
) -> Accepts:
    """Install the gates below and at `router`; return what it accepts."""
    found: set[str] = set()
    anything = False
    for handler in router.observers[kind].handlers:
        names = accepts(handler)
        if names is None:
            anything = True
        else:
            found |= names
    for sub_router in router.sub_routers:
        names = _gate(sub_router, kind, accepts, separator)
        if names is None:
            anything = True
        else:
            found |= names
    if anything:
        return None
    names = frozenset(found)
    gate = ButtonPrefixes(names, separator) if kind == "callback_query" else CommandNames(names)
    observer = router.observers[kind]
    # First, so a router's own root filters (a database lookup for a role) never run
    # for an update it would not handle anyway.
    observer._handler.filters = [FilterObject(gate), *(observer._handler.filters or [])]
    return names


def _button_prefixes(handler: HandlerObject) -> Accepts:
    """The prefix of the handler's CallbackData filter; None without one."""
    for handler_filter in handler.filters or []:
        if isinstance(handler_filter.callback, CallbackQueryFilter):
            return frozenset({handler_filter.callback.callback_data.__prefix__})
    return None


def _command_names(handler: HandlerObject) -> Accepts:
    """The commands of the handler's Command filter; None without one, or for one this
    gate would have to read the way aiogram does (other prefixes, patterns)."""
    for handler_filter in handler.filters or []:
        command = handler_filter.callback
        if not isinstance(command, Command):
            continue
        if command.prefix != "/" or any(isinstance(name, re.Pattern) for name in command.commands):
            return None
        return frozenset(str(name).lower() for name in command.commands)
    return None
