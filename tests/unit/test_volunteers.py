"""The registration rules: names, phones, regions, interests."""

from __future__ import annotations

import pytest

from bot.services import errors
from bot.services.volunteers import (
    INTERESTS,
    check_interests,
    check_region,
    clean_full_name,
    name_key,
    parse_phone,
    phone_from_contact,
    toggle_interest,
)


@pytest.mark.parametrize(
    "typed",
    [
        "Dilnoza Karimova",
        "Oʻgʻiloy Gʻulomova",
        "Botir O'g'li",
        "Maʼmura Yoʻldosheva",
        "Ma`mura",
        "Гулом Маъмура",
        "Ёқубов Ўткир Ҳасанович",
        "Anna-Maria Schmidt",
        "Li",
    ],
)
def test_real_names_are_accepted_as_typed(typed: str) -> None:
    name, _ = clean_full_name(typed)
    assert name == typed


def test_spaces_are_tidied() -> None:
    assert clean_full_name("  Dilnoza    Karimova \n")[0] == "Dilnoza Karimova"


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        (None, errors.NameNotTextError),
        ("", errors.NameTooShortError),
        ("A", errors.NameTooShortError),
        ("😀😀😀", errors.NameBadCharactersError),
        ("Ali 2", errors.NameBadCharactersError),
        ("Ali <b>", errors.NameBadCharactersError),
        ("/start", errors.NameIsCommandError),
        ("x" * 101, errors.NameTooLongError),
        ("x" * 5000, errors.NameTooLongError),
        ("-Ali", errors.NameBadCharactersError),
        ("Ali--Vali", errors.NameBadCharactersError),
        ("''", errors.NameBadCharactersError),
        ("李小龍", errors.NameBadCharactersError),
    ],
)
def test_bad_names_are_refused(typed: str | None, error: type[Exception]) -> None:
    with pytest.raises(error):
        clean_full_name(typed)


def test_too_long_names_report_their_length() -> None:
    with pytest.raises(errors.NameTooLongError) as caught:
        clean_full_name("x" * 5000)
    assert caught.value.args_for_text == {"length": 5000, "max": 100}


def test_apostrophe_spellings_compare_equal() -> None:
    spellings = ["Oʻgʻiloy", "O'g'iloy", "O‘g‘iloy", "O’g’iloy", "O`g`iloy"]
    assert len({name_key(s) for s in spellings}) == 1
    assert name_key("Ma'mura") == name_key("Maʼmura") == "maʼmura"


@pytest.mark.parametrize(
    "typed",
    ["+998 90 123 45 67", "998901234567", "90 123 45 67", "(90) 123-45-67", "+998-90-123-45-67"],
)
def test_common_ways_of_writing_a_number_are_normalized(typed: str) -> None:
    assert parse_phone(typed) == "+998901234567"


def test_a_foreign_number_with_country_code_is_accepted() -> None:
    assert parse_phone("+7 912 345-67-89") == "+79123456789"


@pytest.mark.parametrize("typed", ["12345", "+998 00 000 00 00", "hello", "", None, "9" * 40])
def test_invalid_numbers_are_refused(typed: str | None) -> None:
    with pytest.raises(errors.PhoneInvalidError):
        parse_phone(typed)


def test_own_contact_is_accepted_without_plus() -> None:
    assert phone_from_contact("998901234567", 42, 42) == "+998901234567"


@pytest.mark.parametrize("contact_user", [43, None])
def test_someone_elses_contact_is_refused(contact_user: int | None) -> None:
    with pytest.raises(errors.ForeignContactError):
        phone_from_contact("998901234567", contact_user, 42)


def test_regions_are_checked() -> None:
    assert check_region("TK") == "TK"
    with pytest.raises(errors.UnknownRegionError):
        check_region("XX")


def test_interests_toggle_in_canonical_order() -> None:
    chosen = toggle_interest([], "events")
    chosen = toggle_interest(chosen, "hearings")
    assert chosen == ["hearings", "events"]
    assert toggle_interest(chosen, "events") == ["hearings"]
    with pytest.raises(errors.UnknownInterestError):
        toggle_interest(chosen, "forged")


def test_at_least_one_interest_is_required() -> None:
    with pytest.raises(errors.NoInterestsError):
        check_interests([])
    assert check_interests(reversed(INTERESTS)) == INTERESTS
