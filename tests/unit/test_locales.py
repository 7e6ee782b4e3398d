"""Every locale has every key, with the same placeholders, and formats cleanly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel import Locale
from fluent.syntax import FluentParser, ast, visitor

from bot.i18n import LANGUAGES, LOCALES_DIR, Locales, cldr_locale
from bot.services.volunteers import INTERESTS, REGIONS


class _Variables(visitor.Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def visit_VariableReference(self, node: ast.VariableReference) -> None:  # noqa: N802
        self.names.add(node.id.name)


def _messages(language: str) -> dict[str, ast.Message]:
    resource = FluentParser().parse((LOCALES_DIR / f"{language}.ftl").read_text("utf-8"))
    junk = [entry for entry in resource.body if isinstance(entry, ast.Junk)]
    assert not junk, f"{language}.ftl has syntax errors: {[(j.content or '')[:80] for j in junk]}"
    return {e.id.name: e for e in resource.body if isinstance(e, ast.Message)}


def _variables(message: ast.Message) -> set[str]:
    finder = _Variables()
    finder.visit(message)
    return finder.names


REFERENCE = _messages("en")


@pytest.mark.parametrize("language", LANGUAGES)
def test_locale_has_exactly_the_reference_keys(language: str) -> None:
    keys = set(_messages(language))
    assert sorted(set(REFERENCE) - keys) == [], f"{language} lacks keys"
    assert sorted(keys - set(REFERENCE)) == [], f"{language} has keys en lacks"


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_match_the_reference(language: str) -> None:
    messages = _messages(language)
    mismatched = {
        key: (sorted(_variables(messages[key])), sorted(_variables(message)))
        for key, message in REFERENCE.items()
        if key in messages and _variables(messages[key]) != _variables(message)
    }
    assert mismatched == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_selectors_cover_the_locales_categories(language: str) -> None:
    """A selector that uses plural categories must offer one variant per CLDR category."""
    categories = set(Locale.parse(cldr_locale(language)).plural_form.tags) | {"other"}
    plural_names = {"zero", "one", "two", "few", "many", "other"}
    for key, message in _messages(language).items():
        for select in _selects(message):
            names = {v.key.name for v in select.variants if isinstance(v.key, ast.Identifier)}
            if not names & (plural_names - {"other"}):
                continue  # numbers or "other" only: not a plural choice
            default = next(getattr(v.key, "name", "") for v in select.variants if v.default)
            # The default variant stands in for "other" (Russian "other" is for fractions).
            covered = names | {"other"} if default in categories else names
            assert categories <= covered, f"{language}:{key} lacks {sorted(categories - covered)}"


def _selects(message: ast.Message) -> list[ast.SelectExpression]:
    found: list[ast.SelectExpression] = []

    class Finder(visitor.Visitor):
        def visit_SelectExpression(self, node: ast.SelectExpression) -> None:  # noqa: N802
            found.append(node)
            self.generic_visit(node)

    Finder().visit(message)
    return found


SAMPLE_ARGS: dict[str, str | int] = {
    "language": "English",
    "length": 101,
    "max": 100,
    "count": 3,
    "name": "Dilnoza Karimova",
    "phone": "+998901234567",
    "region": "Toshkent shahri",
    "interests": "x",
    "registered": "05.12.2026",
    "link": "https://t.me/bot",
    "page": 1,
    "pages": 3,
    "number": 1,
    "title": "Budget hearing",
    "when": "Saturday, 5 December 2026, 10:00",
    "chamber": "Senate",
    "committee": "Budget committee",
    "seats": 10,
    "left": 3,
    "waiting": 2,
    "address": "Tashkent",
    "position": 2,
    "status": "signed up",
    "zone": "Asia/Tashkent",
    "min": 3,
    "location": "pin",
    "description": "Agenda",
    "latitude": "41.3",
    "longitude": "69.2",
    "reason": "Postponed",
    "confirmed": 5,
    "total": 8,
    "answer": "Yes",
    "max_notes": 10000,
    "notes": 12,
    "files": 3,
    "max_files": 30,
    "utc": "2026-12-05 05:00:00 UTC",
    "fingerprint": "ab" * 32,
    "comment": "Please add photos",
    "observer": "Dilnoza Karimova",
    "text": "We were asked to leave",
    "answers": "• Started on time: Yes",
    "id": "123456",
    "actor": "Admin",
    "action": "hearing.publish",
    "target": "hearing:1",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_formats_within_telegram_limits(locales: Locales, language: str) -> None:
    tr = locales.get(language)
    for key in REFERENCE:
        for count in (0, 1, 2, 5, 21, 101):
            numbers = ("count", "length", "seats", "left", "waiting")
            text = tr(key, **{**SAMPLE_ARGS, **dict.fromkeys(numbers, count)})
            assert text and text != key
            assert len(re.sub(r"<[^>]+>", "", text)) <= 4096
            assert "{" not in text, f"{language}:{key} left a placeholder: {text!r}"
        if key.startswith("cmd-"):
            assert 1 <= len(tr(key)) <= 256


def test_every_region_and_interest_has_a_name() -> None:
    for code in REGIONS:
        assert f"region-{code}" in REFERENCE
    for code in INTERESTS:
        assert f"interest-{code}" in REFERENCE


@pytest.mark.parametrize("language", ["uz", "uz-Cyrl"])
def test_uzbek_uses_the_official_apostrophes(language: str) -> None:
    """Oʻ and gʻ take U+02BB in Uzbek texts, not a typewriter apostrophe."""
    text = (LOCALES_DIR / f"{language}.ftl").read_text("utf-8")
    assert not re.search(r"[OoGg]['‘’`]", text)


def test_uzbek_cyrillic_plurals_and_dates_follow_cldr_uz_cyrl(locales: Locales) -> None:
    """Uzbek counts with "ta" and no plural ending, in both scripts; dates in Cyrillic."""
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    from bot.ui.views import local_datetime

    tr = locales.get("uz-Cyrl")
    assert Locale.parse(cldr_locale("uz-Cyrl")).plural_form.tags == {"one"}
    assert "1 та белги" in tr("name-too-long", length=1, max=100)
    assert "5 та белги" in tr("name-too-long", length=5, max=100)
    moment = datetime(2026, 12, 5, 5, 0, tzinfo=UTC)
    zone = ZoneInfo("Asia/Tashkent")
    assert local_datetime(tr, moment, zone) == "шанба, 5-декабр, 2026-йил, 10:00"
    assert local_datetime(locales.get("uz"), moment, zone) == "shanba, 5-dekabr, 2026-yil, 10:00"


def test_formatted_times_are_kept_apart_by_language_zone_and_form(locales: Locales) -> None:
    """local_datetime keeps its texts (babel is slow): a kept one must never be another
    language's, another time zone's or the other form's."""
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    from bot.ui.views import _local_datetime, local_datetime

    moment = datetime(2026, 12, 5, 5, 0, tzinfo=UTC)
    zones = (ZoneInfo("Asia/Tashkent"), ZoneInfo("UTC"))
    _local_datetime.cache_clear()
    texts = {
        local_datetime(locales.get(language), moment, zone, short=short)
        for language in ("uz", "ru", "en")
        for zone in zones
        for short in (False, True)
    }
    assert len(texts) == 12
    assert local_datetime(locales.get("en"), moment, zones[1]) == "Saturday, 5 December 2026, 05:00"
    assert _local_datetime.cache_info().hits == 1


def test_russian_plural_forms_are_chosen_by_cldr_rules(locales: Locales) -> None:
    tr = locales.get("ru")
    assert "1 символ," in tr("name-too-long", length=1, max=100)
    assert "3 символа," in tr("name-too-long", length=3, max=100)
    assert "5 символов," in tr("name-too-long", length=5, max=100)
    assert "21 символ," in tr("name-too-long", length=21, max=100)


def test_every_literal_key_used_in_the_code_exists() -> None:
    """tr("key") and DomainError.key in bot/ and handlers/ must name real messages."""
    root = Path(__file__).resolve().parents[2]
    used: set[str] = set()
    for folder in ("bot", "handlers"):
        for path in (root / folder).rglob("*.py"):
            text = path.read_text("utf-8")
            used |= set(re.findall(r"""\btr\(\s*"([a-z0-9-]+)"\s*[,)]""", text))
            used |= set(re.findall(r"""_tr\(\s*"([a-z0-9-]+)"\s*[,)]""", text))
            used |= set(re.findall(r"""^\s+key = "([a-z0-9-]+)"$""", text, re.MULTILINE))
    assert used, "the pattern found no keys: the test is broken"
    assert sorted(used - set(REFERENCE)) == []


def test_every_report_question_has_its_texts() -> None:
    from bot.services.report_form import load_form

    form = load_form()
    for question in form.questions:
        assert f"report-q-{question.id}" in REFERENCE
        assert f"report-short-{question.id}" in REFERENCE
        for option in question.options:
            assert f"report-q-{question.id}-{option}" in REFERENCE


@pytest.mark.parametrize("language", LANGUAGES)
def test_numbers_that_name_things_are_never_grouped(locales: Locales, language: str) -> None:
    """Report and broadcast numbers are names: "No. 12345", not "No. 12,345" or "12 345"."""
    tr = locales.get(language)
    assert "12345" in tr("review-returned-done", number=12345)
    assert "12345" in tr("bc-stopped", id=12345)
    assert tr("bc-failures-filename", id=12345).endswith(".csv")
    assert " " not in tr("bc-failures-filename", id=12345)
