"""Domain errors. Each names the locale key that explains it to the person."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


class DomainError(Exception):
    """A rule said no; nothing was changed. `key` and `args` localize the reason."""

    key = "error-generic"

    def __init__(self, **args: str | int) -> None:
        super().__init__(self.key)
        self.args_for_text = args
        self.ends_form = False  # set by `form_ends_on`


@contextmanager
def form_ends_on(*kinds: type[DomainError]) -> Iterator[None]:
    """These refusals, raised inside, also end the person's form: what it works on has
    gone (a hearing cancelled meanwhile, a report someone else reviewed).

    A refusal rolls back the update's unit of work, a `state.clear()` before raising
    included, so the error handler ends the form after it (handlers/errors.py);
    otherwise every later message got the same refusal. Marked where the form is
    known, not by kind: the same refusal of a stale button pressed during another
    form must leave that form alone.
    """
    try:
        yield
    except kinds as error:
        error.ends_form = True
        raise


class NameNotTextError(DomainError):
    key = "name-not-text"


class NameTooShortError(DomainError):
    key = "name-too-short"


class NameTooLongError(DomainError):
    key = "name-too-long"


class NameBadCharactersError(DomainError):
    key = "name-bad-characters"


class NameIsCommandError(DomainError):
    key = "name-is-command"


class PhoneInvalidError(DomainError):
    key = "phone-invalid"


class ForeignContactError(DomainError):
    key = "phone-foreign-contact"


class UnknownRegionError(DomainError):
    key = "region-use-buttons"


class NoInterestsError(DomainError):
    key = "interests-none"


class UnknownInterestError(DomainError):
    key = "button-stale"


class NotRegisteredError(DomainError):
    key = "not-registered"


class IncompleteDraftError(DomainError):
    """The draft lost a field (an old form, a manual edit); the flow asks again."""


class NotCoordinatorError(DomainError):
    key = "coordinators-only"


class HearingNotFoundError(DomainError):
    key = "hearing-not-found"


class HearingCancelledError(DomainError):
    key = "hearing-is-cancelled"


class HearingStartedError(DomainError):
    key = "hearing-has-started"


class AlreadyAnsweredError(DomainError):
    key = "attend-already"


class AlreadyForgottenError(DomainError):
    key = "forget-nothing"


class NotSignedUpError(DomainError):
    key = "signup-none"


class DateUnreadableError(DomainError):
    key = "form-date-unreadable"


class DateInPastError(DomainError):
    key = "form-date-past"


class DateTooFarError(DomainError):
    key = "form-date-too-far"


class EndBeforeStartError(DomainError):
    key = "form-end-before-start"


class TextLengthError(DomainError):
    key = "form-text-length"


class NotTextError(DomainError):
    key = "form-not-text"


class SeatsInvalidError(DomainError):
    key = "form-seats-invalid"


class ChamberInvalidError(DomainError):
    key = "button-stale"


class AnswerNotNumberError(DomainError):
    key = "report-answer-number"


class AnswerNotOptionError(DomainError):
    key = "report-use-buttons"


class ReportNotAllowedError(DomainError):
    key = "report-not-allowed"


class ReportNotFoundError(DomainError):
    key = "report-not-found"


class ReportLockedError(DomainError):
    key = "report-locked"


class ReportAlreadySubmittedError(DomainError):
    key = "report-already-submitted"


class UrgentNotNowError(DomainError):
    key = "urgent-not-now"


class NotesFullError(DomainError):
    key = "report-notes-full"


class AttachmentsFullError(DomainError):
    key = "report-files-full"


class ReportAlreadyReviewedError(DomainError):
    key = "review-already"


class ReportChangedError(DomainError):
    """The observer changed a sent report and has not sent it again."""

    key = "review-changed"


class NotAdminError(DomainError):
    key = "admins-only"


class CoordinatorNotRegisteredError(DomainError):
    key = "coord-not-registered"


class AlreadyCoordinatorError(DomainError):
    key = "coord-already"


class CoordinatorInputError(DomainError):
    key = "coord-bad-input"


class StaleButtonError(DomainError):
    key = "button-stale"


class BroadcastContentError(DomainError):
    key = "bc-unsupported"


class BroadcastAlbumError(DomainError):
    key = "bc-album"


class BroadcastCommandError(DomainError):
    key = "bc-command"


class NoRecipientsError(DomainError):
    key = "bc-no-recipients"


class BroadcastNotFoundError(DomainError):
    key = "bc-not-found"


class BroadcastEndedError(DomainError):
    key = "bc-ended"


class ScheduleTooFarError(DomainError):
    key = "bc-schedule-too-far"


class CheckinCodeInvalidError(DomainError):
    key = "checkin-code-invalid"


class CheckinNotOpenError(DomainError):
    key = "checkin-not-open"


class CheckinClosedError(DomainError):
    key = "checkin-closed"


class CheckinCodeReplacedError(DomainError):
    key = "checkin-code-replaced"


class AttendanceNotYetError(DomainError):
    key = "attendance-not-yet"


class NotSeatedError(DomainError):
    key = "attendance-not-seated"
