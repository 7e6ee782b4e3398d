"""Skip whole routers that cannot handle an update, before aiogram asks their filters.

aiogram offers an update to each router in turn, and each router asks every handler's
filters until one accepts: a volunteer's button press went through 16 routers and 31
filter checks before it reached its handler, a sixth of the bot's CPU under load. Most
routers can only ever accept some updates: their button handlers all filter on
`CallbackData` prefixes, and each of their message handlers needs a command or a state
of a form. Each such router gets a first root filter that compares the update with
what the router (its sub-routers included) could accept, and aiogram skips the router
and all below it when it fails. A router with any other handler gets no such filter, so
what reaches a handler is exactly what reached it before: the gates only ever let
through more than the handlers take, never less.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import reduce

from aiogram import Router
from aiogram.dispatcher.event.handler import FilterObject, HandlerObject
from aiogram.filters import Command, Filter, StateFilter
from aiogram.filters.callback_data import CallbackQueryFilter
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message


@dataclass(frozen=True, slots=True)
class Accepts:
    """What a handler or router may take: these button prefixes, commands or states."""

    prefixes: frozenset[str] = frozenset()
    commands: frozenset[str] = frozenset()
    states: frozenset[str | None] = frozenset()

    def __or__(self, other: Accepts) -> Accepts:
        return Accepts(
            self.prefixes | other.prefixes,
            self.commands | other.commands,
            self.states | other.states,
        )


# None: anything of the kind (no gate is possible).
Reader = Callable[[HandlerObject], Accepts | None]


class ButtonGate(Filter):
    """Passes a button press whose data begins with one of the prefixes."""

    def __init__(self, accepts: Accepts, separator: str) -> None:
        self.accepts = accepts
        self._separator = separator

    async def __call__(self, query: CallbackQuery) -> bool:
        return (query.data or "").partition(self._separator)[0] in self.accepts.prefixes


class MessageGate(Filter):
    """Passes a message that starts with one of the commands (in any case, with or
    without a mention: the handler's own filter still decides), or that arrives while
    the person is in one of the states."""

    def __init__(self, accepts: Accepts) -> None:
        self.accepts = accepts

    async def __call__(self, message: Message, raw_state: str | None = None) -> bool:
        if raw_state in self.accepts.states:
            return True
        text = message.text or message.caption  # as aiogram's Command reads it
        if not text or text[0] != "/":
            return False
        word = text.split(maxsplit=1)[0][1:]
        return word.partition("@")[0].lower() in self.accepts.commands


def skip_routers_that_cannot_handle(root: Router) -> None:
    """Give every router that can only handle some buttons or messages its gate.

    Runs before `run_sync_filters_inline`, which wraps the filters it reads here.
    """
    separators = {
        handler_filter.callback.callback_data.__separator__
        for router in root.chain_tail
        for handler in router.callback_query.handlers
        for handler_filter in handler.filters or []
        if isinstance(handler_filter.callback, CallbackQueryFilter)
    }
    if len(separators) == 1:
        separator = separators.pop()
        _gate(root, "callback_query", _button, lambda accepts: ButtonGate(accepts, separator))
    _gate(root, "message", _message, MessageGate)


def _gate(
    router: Router, kind: str, read: Reader, gate: Callable[[Accepts], Filter]
) -> Accepts | None:
    """Install the gates at and below `router`; return what it accepts."""
    observer = router.observers[kind]
    parts = [read(handler) for handler in observer.handlers]
    parts += [_gate(sub_router, kind, read, gate) for sub_router in router.sub_routers]
    anything = None in parts
    found = reduce(operator.or_, (part for part in parts if part is not None), Accepts())
    # The modules' routers outlive a dispatcher (tests and the demo build one at every
    # start): a gate from the previous build goes first.
    kept = [
        handler_filter
        for handler_filter in observer._handler.filters or []
        if not isinstance(handler_filter.callback, ButtonGate | MessageGate)
    ]
    if anything:
        observer._handler.filters = kept
        return None
    # First, so a router's own root filters (a database lookup for a role) never run
    # for an update it would not handle anyway.
    observer._handler.filters = [FilterObject(gate(found)), *kept]
    return found


def _button(handler: HandlerObject) -> Accepts | None:
    """The prefix of the handler's CallbackData filter; None without one."""
    for handler_filter in handler.filters or []:
        if isinstance(handler_filter.callback, CallbackQueryFilter):
            return Accepts(prefixes=frozenset({handler_filter.callback.callback_data.__prefix__}))
    return None


def _message(handler: HandlerObject) -> Accepts | None:
    """The commands of the handler's Command filter, or else the states of its state
    filter; None without either, or with one read differently from aiogram's default."""
    callbacks = [
        # A filter inlined by an earlier build (handlers/filters.py) keeps the original.
        getattr(handler_filter.callback, "__wrapped__", handler_filter.callback)
        for handler_filter in handler.filters or []
    ]
    for command in callbacks:
        if isinstance(command, Command):
            if command.prefix != "/" or any(isinstance(c, re.Pattern) for c in command.commands):
                return None
            return Accepts(commands=frozenset(str(name).lower() for name in command.commands))
    for state in callbacks:
        if isinstance(state, State):
            return _states([state])
        if isinstance(state, StateFilter):
            return _states(state.states)
    return None


def _states(states: Iterable[object]) -> Accepts | None:
    names: set[str | None] = set()
    for state in states:
        if isinstance(state, State):
            names.add(state.state)
        elif isinstance(state, type) and issubclass(state, StatesGroup):
            names.update(state.__all_states_names__)
        elif state is None or (isinstance(state, str) and state != "*"):
            names.add(state)
        else:
            return None  # any state ("*"), or something this does not know
    if "*" in names:
        return None
    return Accepts(states=frozenset(names))
