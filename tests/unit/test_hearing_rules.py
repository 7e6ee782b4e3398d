"""The hearing rules: dates as people type them, texts, seats, drafts, and the CSV import."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.i18n import Locales
from bot.repositories.hearings import HearingDraft
from bot.services import errors
from bot.services.hearing_import import BadRow, read_hearings
from bot.services.hearings import (
    TEXT_LIMITS,
    check_chamber,
    clean_text,
    draft_from_form,
    form_from_draft,
    parse_end_time,
    parse_local_datetime,
    parse_seats,
)

TASHKENT = ZoneInfo("Asia/Tashkent")  # UTC+5 all year
NOW = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
STARTS = datetime(2026, 12, 5, 10, 0, tzinfo=TASHKENT)
EXPLAIN = Locales("en").get("en")


# --- start: parse_local_datetime ------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("05.12.2026 10:00", datetime(2026, 12, 5, 10, 0)),
        ("5.12.26 9:05", datetime(2026, 12, 5, 9, 5)),
        ("2026-12-05 10:00", datetime(2026, 12, 5, 10, 0)),
        ("2026-12-05T10:00", datetime(2026, 12, 5, 10, 0)),
        ("05/12/2026, 10:00", datetime(2026, 12, 5, 10, 0)),
        ("  05.12.2026   10.30 ", datetime(2026, 12, 5, 10, 30)),
    ],
)
def test_a_start_is_read_in_the_formats_people_type(typed: str, expected: datetime) -> None:
    moment = parse_local_datetime(typed, TASHKENT, NOW)
    assert moment == expected.replace(tzinfo=TASHKENT)


def test_a_start_is_local_time_in_the_given_zone() -> None:
    moment = parse_local_datetime("05.12.2026 10:00", TASHKENT, NOW)
    assert moment.tzinfo is TASHKENT
    assert moment.utcoffset() == timedelta(hours=5)
    assert moment.astimezone(UTC) == datetime(2026, 12, 5, 5, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "typed",
    [None, "", "tomorrow", "05.12.2026", "10:00", "05.12.2026 10", "2026/12/05 9:5", "5 Dec 10:00"],
)
def test_an_unreadable_start_is_refused(typed: str | None) -> None:
    with pytest.raises(errors.DateUnreadableError):
        parse_local_datetime(typed, TASHKENT, NOW)


@pytest.mark.parametrize(
    "typed",
    ["31.02.2027 10:00", "29.02.2027 10:00", "00.12.2026 10:00", "05.13.2026 10:00"],
)
def test_an_impossible_date_is_unreadable(typed: str) -> None:
    with pytest.raises(errors.DateUnreadableError):
        parse_local_datetime(typed, TASHKENT, NOW)


@pytest.mark.parametrize("typed", ["05.12.2026 24:00", "05.12.2026 10:60", "05.12.2026 99:99"])
def test_an_impossible_time_is_unreadable(typed: str) -> None:
    with pytest.raises(errors.DateUnreadableError):
        parse_local_datetime(typed, TASHKENT, NOW)


def test_a_leap_day_is_a_real_date() -> None:
    assert parse_local_datetime("29.02.2028 10:00", TASHKENT, NOW).date().isoformat() == (
        "2028-02-29"
    )


@pytest.mark.parametrize("typed", ["01.01.2020 10:00", "01.12.2026 13:00", "30.11.2026 23:59"])
def test_a_start_in_the_past_is_refused(typed: str) -> None:
    # NOW is 13:00 in Tashkent.
    with pytest.raises(errors.DateInPastError):
        parse_local_datetime(typed, TASHKENT, NOW)


def test_a_start_one_minute_ahead_is_accepted() -> None:
    moment = parse_local_datetime("01.12.2026 13:01", TASHKENT, NOW)
    assert moment - NOW == timedelta(minutes=1)


@pytest.mark.parametrize("typed", ["31.12.9999 23:59", "02.12.2028 13:01"])
def test_a_start_more_than_two_years_ahead_is_refused(typed: str) -> None:
    # 9999 is a typo, and its end time (start + the assumed length) does not exist.
    with pytest.raises(errors.DateTooFarError) as refused:
        parse_local_datetime(typed, TASHKENT, NOW)
    assert refused.value.args_for_text == {"years": 2}


def test_an_end_more_than_two_years_after_the_start_is_refused() -> None:
    start = parse_local_datetime("05.12.2026 10:00", TASHKENT, NOW)
    with pytest.raises(errors.DateTooFarError):
        parse_end_time("31.12.9999 23:59", start, TASHKENT)


# --- end: parse_end_time --------------------------------------------------------------


def test_an_end_time_alone_falls_on_the_start_day() -> None:
    assert parse_end_time("12:30", STARTS, TASHKENT) == datetime(
        2026, 12, 5, 12, 30, tzinfo=TASHKENT
    )


def test_an_end_time_alone_uses_the_local_start_day_of_a_utc_start() -> None:
    # 00:30 in Tashkent is still the previous day in UTC.
    starts_utc = datetime(2026, 12, 4, 19, 30, tzinfo=UTC)
    assert parse_end_time("02:00", starts_utc, TASHKENT) == datetime(
        2026, 12, 5, 2, 0, tzinfo=TASHKENT
    )


def test_an_end_may_be_a_full_date_and_time() -> None:
    assert parse_end_time("06.12.2026 09:00", STARTS, TASHKENT) == datetime(
        2026, 12, 6, 9, 0, tzinfo=TASHKENT
    )


@pytest.mark.parametrize("typed", ["09:00", "10:00", "04.12.2026 18:00"])
def test_an_end_not_after_the_start_is_refused(typed: str) -> None:
    with pytest.raises(errors.EndBeforeStartError):
        parse_end_time(typed, STARTS, TASHKENT)


@pytest.mark.parametrize("typed", [None, "", "noon", "24:00", "12:75"])
def test_an_unreadable_end_is_refused(typed: str | None) -> None:
    with pytest.raises(errors.DateUnreadableError):
        parse_end_time(typed, STARTS, TASHKENT)


# --- texts, seats, chamber ------------------------------------------------------------


@pytest.mark.parametrize(("field", "limits"), sorted(TEXT_LIMITS.items()))
def test_a_text_at_each_limit_of_its_field_is_accepted(field: str, limits: tuple[int, int]) -> None:
    low, high = limits
    assert clean_text(field, "x" * low) == "x" * low
    assert clean_text(field, "x" * high) == "x" * high


@pytest.mark.parametrize(("field", "limits"), sorted(TEXT_LIMITS.items()))
def test_a_text_beyond_its_field_limit_is_refused_with_the_limits(
    field: str, limits: tuple[int, int]
) -> None:
    low, high = limits
    with pytest.raises(errors.TextLengthError) as refused:
        clean_text(field, "x" * (high + 1))
    assert refused.value.args_for_text == {"min": low, "max": high, "length": high + 1}


@pytest.mark.parametrize(
    ("field", "low"), [(f, lo) for f, (lo, _) in sorted(TEXT_LIMITS.items()) if lo > 0]
)
def test_a_text_below_its_field_minimum_is_refused(field: str, low: int) -> None:
    with pytest.raises(errors.TextLengthError) as refused:
        clean_text(field, "x" * (low - 1))
    assert refused.value.args_for_text["length"] == low - 1


def test_the_limits_are_those_the_card_needs() -> None:
    assert TEXT_LIMITS == {
        "title": (3, 200),
        "body": (2, 200),
        "committee": (2, 200),
        "address": (3, 300),
        "description": (0, 2000),
        "reason": (3, 500),
    }


def test_a_text_is_trimmed_before_it_is_measured() -> None:
    assert clean_text("title", "  Budget 2027 \n") == "Budget 2027"
    with pytest.raises(errors.TextLengthError):
        clean_text("title", "   ab   ")


def test_an_empty_description_is_allowed() -> None:
    assert clean_text("description", "   ") == ""


def test_a_message_without_text_is_not_a_text() -> None:
    with pytest.raises(errors.NotTextError):
        clean_text("title", None)


@pytest.mark.parametrize(("typed", "seats"), [("1", 1), (" 20 ", 20), ("10000", 10_000)])
def test_seats_are_a_whole_number_from_one_to_ten_thousand(typed: str, seats: int) -> None:
    assert parse_seats(typed) == seats


@pytest.mark.parametrize("typed", [None, "", "0", "10001", "-1", "1.5", "ten", "2 0", "+5"])
def test_other_seat_counts_are_refused(typed: str | None) -> None:
    with pytest.raises(errors.SeatsInvalidError) as refused:
        parse_seats(typed)
    assert refused.value.args_for_text == {"max": 10_000}


@pytest.mark.parametrize("typed", ["²", "1" * 5000])
def test_digits_int_cannot_read_are_refused_as_seats(typed: str) -> None:
    with pytest.raises(errors.SeatsInvalidError):
        parse_seats(typed)


@pytest.mark.parametrize("code", ["legislative", "senate", "other"])
def test_the_three_chambers_are_accepted(code: str) -> None:
    assert check_chamber(code) == code


@pytest.mark.parametrize("code", ["", "Senate", "parliament", "legislative "])
def test_any_other_chamber_is_a_stale_button(code: str) -> None:
    with pytest.raises(errors.ChamberInvalidError):
        check_chamber(code)


# --- drafts kept in the FSM as JSON ---------------------------------------------------

DRAFT = HearingDraft(
    title="Budget 2027",
    chamber="other",
    body="Public council under the Ministry of Justice",
    committee="Budget committee",
    starts_at=STARTS,
    ends_at=STARTS + timedelta(hours=2, minutes=30),
    address="Tashkent, Mustaqillik 6",
    latitude=41.3,
    longitude=69.2,
    seats=20,
    description="Bring an ID",
)


def _form() -> dict[str, object]:
    """A draft as the FSM storage gives it back: through JSON."""
    loaded: dict[str, object] = json.loads(json.dumps(form_from_draft(DRAFT)))
    return loaded


def test_a_draft_survives_the_trip_through_the_form() -> None:
    draft = draft_from_form(_form())
    assert draft == DRAFT
    assert draft.starts_at.utcoffset() == timedelta(hours=5)


def test_a_draft_without_optional_parts_survives_the_trip() -> None:
    bare = HearingDraft(
        title="Budget 2027", chamber="senate", body=None, committee="Budget committee",
        starts_at=STARTS, ends_at=None, address="Tashkent", latitude=None, longitude=None,
        seats=5, description="",
    )  # fmt: skip
    assert draft_from_form(json.loads(json.dumps(form_from_draft(bare)))) == bare


def test_a_form_without_optional_keys_gives_their_defaults() -> None:
    form = {k: v for k, v in _form().items() if k in ("title", "chamber", "committee")}
    form |= {"starts_at": STARTS.isoformat(), "address": "Tashkent", "seats": "7"}
    draft = draft_from_form(form)
    assert (draft.body, draft.ends_at, draft.latitude, draft.longitude) == (None,) * 4
    assert (draft.seats, draft.description) == (7, "")


@pytest.mark.parametrize("key", ["title", "chamber", "committee", "starts_at", "address", "seats"])
def test_a_form_missing_a_required_part_is_incomplete(key: str) -> None:
    form = _form()
    del form[key]
    with pytest.raises(errors.IncompleteDraftError):
        draft_from_form(form)


@pytest.mark.parametrize(
    ("key", "value"), [("starts_at", "soon"), ("starts_at", None), ("seats", "many")]
)
def test_a_form_with_a_garbled_part_is_incomplete(key: str, value: object) -> None:
    with pytest.raises(errors.IncompleteDraftError):
        draft_from_form({**_form(), key: value})


def test_a_form_with_an_unknown_chamber_is_refused() -> None:
    with pytest.raises(errors.ChamberInvalidError):
        draft_from_form({**_form(), "chamber": "parliament"})


# --- CSV import -----------------------------------------------------------------------

HEADER = (
    "title,chamber,body,committee,starts_at,ends_at,address,latitude,longitude,seats,description"
)
GOOD = "Budget 2027,senate,,Budget committee,05.12.2026 10:00,12:30,Tashkent,41.3,69.2,20,Agenda"


def _read(*lines: str) -> tuple[list[HearingDraft], list[BadRow]]:
    return read_hearings("\n".join(lines) + "\n", TASHKENT, NOW, EXPLAIN)


def test_a_good_row_becomes_a_draft_in_the_zone() -> None:
    drafts, problems = _read(HEADER, GOOD)
    assert problems == []
    assert drafts == [
        HearingDraft(
            title="Budget 2027", chamber="senate", body=None, committee="Budget committee",
            starts_at=datetime(2026, 12, 5, 5, 0, tzinfo=UTC),
            ends_at=datetime(2026, 12, 5, 7, 30, tzinfo=UTC),
            address="Tashkent", latitude=41.3, longitude=69.2, seats=20, description="Agenda",
        )
    ]  # fmt: skip


def test_every_good_row_is_read_in_file_order() -> None:
    other = "Council meeting,Other,Public council,Reform group,2026-12-07 15:00,,Samarkand,,,5,"
    drafts, problems = _read(HEADER, GOOD, other)
    assert problems == []
    assert [d.title for d in drafts] == ["Budget 2027", "Council meeting"]
    assert (drafts[1].chamber, drafts[1].body) == ("other", "Public council")
    assert (drafts[1].ends_at, drafts[1].latitude, drafts[1].description) == (None, None, "")


def test_a_body_given_for_a_chamber_is_ignored() -> None:
    row = "Budget 2027,senate,Some council,Budget committee,05.12.2026 10:00,,Tashkent,,,20,"
    drafts, _ = _read(HEADER, row)
    assert drafts[0].body is None


def test_quoted_fields_may_hold_commas_quotes_and_line_breaks() -> None:
    row = (
        '"Open data, and access",legislative,,Information committee,"05.12.2026, 10:00",,'
        '"Tashkent, Mustaqillik 6",,,15,"Bring ""ID""\nand a pen"'
    )
    drafts, problems = _read(HEADER, row)
    assert problems == []
    assert drafts[0].title == "Open data, and access"
    assert drafts[0].address == "Tashkent, Mustaqillik 6"
    assert drafts[0].description == 'Bring "ID"\nand a pen'


def test_a_bom_from_excel_is_ignored() -> None:
    drafts, problems = read_hearings(
        "\ufeff" + HEADER + "\r\n" + GOOD + "\r\n", TASHKENT, NOW, EXPLAIN
    )
    assert problems == []
    assert len(drafts) == 1


def test_columns_may_come_in_any_order_and_with_spaces() -> None:
    header = "seats , title,address,committee,starts_at,chamber"
    drafts, problems = _read(
        header, "12,Budget 2027,Tashkent,Budget committee,2026-12-05 10:00,senate"
    )
    assert problems == []
    assert (drafts[0].title, drafts[0].seats, drafts[0].description) == ("Budget 2027", 12, "")


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        (
            ",senate,,Budget committee,05.12.2026 10:00,,Tashkent,,,20,",
            "title is empty",
        ),
        (
            "Budget 2027,senate,,Budget committee,05.12.2026 10:00,,Tashkent,,,,",
            "seats is empty",
        ),
        (
            "Budget 2027,parliament,,Budget committee,05.12.2026 10:00,,Tashkent,,,20,",
            "chamber must be one of legislative, senate, other",
        ),
        (
            "ab,senate,,Budget committee,05.12.2026 10:00,,Tashkent,,,20,",
            "title: Please keep it between 3 and 200 characters (you sent 2).",
        ),
        (
            "Budget 2027,senate,,Budget committee,tomorrow,,Tashkent,,,20,",
            "starts_at: I could not read this date. Please write it like 05.12.2026 10:00.",
        ),
        (
            "Budget 2027,senate,,Budget committee,31.02.2027 10:00,,Tashkent,,,20,",
            "starts_at: I could not read this date. Please write it like 05.12.2026 10:00.",
        ),
        (
            "Budget 2027,senate,,Budget committee,01.01.2020 10:00,,Tashkent,,,20,",
            "starts_at: This moment has already passed. Please give a future date and time.",
        ),
        (
            "Budget 2027,senate,,Budget committee,05.12.2026 10:00,09:00,Tashkent,,,20,",
            "ends_at: The end must be after the start. Please give a later time.",
        ),
        (
            "Budget 2027,senate,,Budget committee,05.12.2026 10:00,,Tashkent,,,zero,",
            "seats: Please send a whole number of seats from 1 to 10,000.",
        ),
        (
            "Budget 2027,senate,,Budget committee,05.12.2026 10:00,,Tashkent,41.3,,20,",
            "latitude and longitude must both be numbers, or both empty",
        ),
        (
            "Budget 2027,senate,,Budget committee,05.12.2026 10:00,,Tashkent,95,69.2,20,",
            "latitude must be within ±90 and longitude within ±180",
        ),
        (
            "Budget 2027,senate,,Budget committee,05.12.2026 10:00,,Tashkent,41.3,181,20,",
            "latitude must be within ±90 and longitude within ±180",
        ),
    ],
)
def test_a_bad_row_is_named_with_its_line_and_reason(row: str, reason: str) -> None:
    drafts, problems = _read(HEADER, row)
    assert drafts == []
    assert problems == [BadRow(2, reason)]


def test_an_other_body_without_its_name_says_the_body_is_required() -> None:
    row = "Council,other,,Reform group,05.12.2026 10:00,,Tashkent,,,5,"
    _, problems = _read(HEADER, row)
    assert problems == [BadRow(2, "body is required when chamber is other")]


def test_an_other_body_without_its_name_is_refused() -> None:
    row = "Council,other,,Reform group,05.12.2026 10:00,,Tashkent,,,5,"
    drafts, problems = _read(HEADER, row)
    assert drafts == []
    assert [p.line for p in problems] == [2]


def test_every_bad_row_is_listed_with_its_own_line() -> None:
    bad_seats = "No seats,senate,,Committee,05.12.2026 10:00,,Tashkent,,,0,"
    past = "Past,senate,,Committee,01.01.2020 10:00,,Tashkent,,,10,"
    drafts, problems = _read(HEADER, GOOD, bad_seats, "", past)
    assert len(drafts) == 1  # the caller imports nothing when problems is not empty
    assert [p.line for p in problems] == [3, 5]


def test_a_line_number_counts_the_lines_of_a_multiline_row() -> None:
    multiline = 'Budget 2027,senate,,Budget committee,05.12.2026 10:00,,Tashkent,,,20,"one\ntwo"'
    bad = "Past,senate,,Committee,01.01.2020 10:00,,Tashkent,,,10,"
    _, problems = _read(HEADER, multiline, bad)
    assert [p.line for p in problems] == [4]


def test_a_missing_required_column_refuses_the_header() -> None:
    header = "title,chamber,committee,starts_at,address"
    drafts, problems = _read(header, "Budget 2027,senate,Budget committee,05.12.2026 10:00,Tash")
    assert drafts == []
    assert len(problems) == 1 and problems[0].line == 1
    assert "missing ['seats']" in problems[0].reason
    assert "unknown -" in problems[0].reason


def test_an_unknown_column_refuses_the_header() -> None:
    drafts, problems = _read(HEADER + ",room", GOOD + ",12")
    assert drafts == []
    assert len(problems) == 1 and problems[0].line == 1
    assert "missing -" in problems[0].reason
    assert "unknown ['room']" in problems[0].reason


def test_an_empty_file_names_every_required_column() -> None:
    drafts, problems = read_hearings("", TASHKENT, NOW, EXPLAIN)
    assert drafts == []
    assert len(problems) == 1 and problems[0].line == 1
    assert (
        "missing ['title', 'chamber', 'committee', 'starts_at', 'address', 'seats']"
        in problems[0].reason
    )


def test_a_header_without_rows_is_an_empty_file() -> None:
    assert _read(HEADER) == ([], [BadRow(1, "the file has no rows")])
