"""Localized texts from `locales/<lang>.ftl` (Project Fluent, CLDR plural rules)."""

from __future__ import annotations

import functools
import html
import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from typing import Any, get_args

from fluent.runtime import FluentBundle, FluentResource

from bot.config import Language
from bot.resources import LOCALES

log = logging.getLogger(__name__)

LOCALES_DIR = LOCALES
LANGUAGES: tuple[Language, ...] = get_args(Language)

Arg = str | int
CACHED_ARGUMENT = 200  # characters: longer string arguments are formatted without the cache


def cldr_locale(language: str) -> str:
    """CLDR's (babel's) name for an interface language: "uz-Cyrl" is "uz_Cyrl"."""
    return language.replace("-", "_")


class Locales:
    """All bundles, loaded once at startup; `locales.get(lang)` gives a `Translator`."""

    def __init__(self, default_language: str = "uz", directory: Traversable = LOCALES_DIR) -> None:
        self.default_language = default_language
        self._bundles: dict[str, FluentBundle] = {}
        for language in LANGUAGES:
            # No bidi isolation marks: Telegram would show them as stray characters.
            bundle = FluentBundle([language], use_isolating=False)
            bundle.add_resource(_parse((directory / f"{language}.ftl").read_text("utf-8")))
            self._bundles[language] = bundle
        self._translators: dict[str, Translator] = {
            lang: Translator(lang, self._bundles[lang]) for lang in LANGUAGES
        }

    def get(self, language: str) -> Translator:
        """The translator for a language, or DEFAULT_LANGUAGE's for any other."""
        return self._translators.get(language) or self._translators[self.default_language]

    def __iter__(self) -> Iterator[Translator]:
        return iter(self._translators.values())


@functools.cache
def _parse(text: str) -> Any:  # FluentResource is a function returning a Resource
    """Parsed once per process: a restart in the flow tests or the demo reuses it (the
    parsed file is read-only; each bundle compiles it again). Keyed by the text, so an
    edited file is parsed again."""
    return FluentResource(text)


@dataclass(frozen=True, slots=True)
class Translator:
    """Formats one locale's messages; string arguments are HTML-escaped."""

    language: Language
    bundle: FluentBundle

    def __call__(self, key: str, /, **args: Arg) -> str:
        # The same texts come back for everyone (button labels, headings, counts, hearing
        # titles): Fluent resolves each through its pattern tree and babel's number
        # formatting every time, a large share of rendering in bench/throughput's profile.
        if any(isinstance(value, str) and len(value) > CACHED_ARGUMENT for value in args.values()):
            return self.format(key, args)  # free text (a comment, notes): seldom twice
        return _formatted(self, key, tuple(args.items()))

    def format(self, key: str, args: Mapping[str, Arg]) -> str:
        """Format without the cache (what `__call__` remembers)."""
        if not self.bundle.has_message(key):
            # A missing key is a bug the locale test should have caught; show the key
            # rather than crash the update.
            log.error("missing locale key language=%s key=%s", self.language, key)
            return key
        pattern = self.bundle.get_message(key).value
        if pattern is None:  # a message with attributes only
            return key
        text, errors = self.bundle.format_pattern(pattern, _escape(args))
        for error in errors:
            log.error("locale format error language=%s key=%s error=%s", self.language, key, error)
        return str(text)


@functools.lru_cache(maxsize=16_384)
def _formatted(translator: Translator, key: str, args: tuple[tuple[str, Arg], ...]) -> str:
    """Texts depend only on the locale, the key and the arguments (str and int, no
    clock): a bounded cache of them is exact. Names and free text pass through too, and
    the least recently used fall out first."""
    return translator.format(key, dict(args))


def _escape(args: Mapping[str, Arg]) -> dict[str, Arg]:
    return {k: html.escape(v, quote=False) if isinstance(v, str) else v for k, v in args.items()}
