"""The observation checklist, read from forms/*.toml: questions and how to check answers."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from typing import Any

from bot.resources import FORMS
from bot.services import errors

FORMS_DIR = FORMS
KINDS = ("yes_no", "choice", "number", "text")


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    kind: str
    required: bool
    options: tuple[str, ...] = ()
    min: int = 0
    max: int = 0
    max_length: int = 500

    def check(self, value: str | None) -> str | int:
        """An answer as stored, or a domain error saying what is wrong with it."""
        if self.kind == "number":
            text = (value or "").strip()
            # ASCII digits only: str.isdigit() accepts "²", which int() cannot read.
            if not re.fullmatch(r"-?[0-9]{1,6}", text) or not self.min <= int(text) <= self.max:
                raise errors.AnswerNotNumberError(min=self.min, max=self.max)
            return int(text)
        if self.kind == "text":
            text = (value or "").strip()
            if not text or len(text) > self.max_length:
                raise errors.TextLengthError(min=1, max=self.max_length, length=len(text))
            return text
        allowed = ("yes", "no") if self.kind == "yes_no" else self.options
        if value not in allowed:
            raise errors.AnswerNotOptionError()
        return value


@dataclass(frozen=True, slots=True)
class ReportForm:
    version: int
    questions: tuple[Question, ...]

    def question(self, question_id: str) -> Question:
        for question in self.questions:
            if question.id == question_id:
                return question
        raise errors.AnswerNotOptionError()

    def index(self, question_id: str) -> int:
        return [q.id for q in self.questions].index(question_id)


def load_form(path: Traversable = FORMS_DIR / "hearing_observation.toml") -> ReportForm:
    """Parse and validate the form file; a broken file stops startup with its reason."""
    data: dict[str, Any] = tomllib.loads(path.read_text("utf-8"))
    questions: list[Question] = []
    for raw in data.get("questions", []):
        kind = raw.get("kind")
        if kind not in KINDS:
            raise ValueError(f"{path.name}: question {raw.get('id')!r} has unknown kind {kind!r}")
        if kind == "choice" and not raw.get("options"):
            raise ValueError(f"{path.name}: choice question {raw['id']!r} needs options")
        questions.append(
            Question(
                id=str(raw["id"]),
                kind=kind,
                required=bool(raw.get("required", True)),
                options=tuple(str(o) for o in raw.get("options", ())),
                min=int(raw.get("min", 0)),
                max=int(raw.get("max", 0)),
                max_length=int(raw.get("max_length", 500)),
            )
        )
    ids = [q.id for q in questions]
    if not questions or len(set(ids)) != len(ids):
        raise ValueError(f"{path.name}: questions must exist and have unique ids")
    return ReportForm(version=int(data["version"]), questions=tuple(questions))
