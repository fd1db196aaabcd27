"""The packaged lessons: flow scripts in `tui_app/lessons`, found by number or name."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import tui_app.lessons
from tui_app.flows import Flow, load_flow

LESSONS_FOLDER = Path(tui_app.lessons.__file__).parent


@dataclass(frozen=True)
class Lesson:
    """A lesson: its place in the manual (from 1) and its parsed flow."""

    number: int
    flow: Flow

    @property
    def name(self) -> str:
        return self.flow.name

    @property
    def task(self) -> str:
        return self.flow.task or self.flow.name

    @property
    def title(self) -> str:
        return f"{self.number}. {self.name}"


class LessonNotFound(LookupError):
    """No lesson has that number or name; the message lists what there is."""


def lesson_files() -> list[Path]:
    """The lesson files in the manual's order (their names start with the number)."""
    return sorted(LESSONS_FOLDER.glob("*.yaml"), key=lambda path: path.name)


def all_lessons() -> list[Lesson]:
    return [Lesson(n, load_flow(path)) for n, path in enumerate(lesson_files(), 1)]


def find_lesson(wanted: str, lessons: list[Lesson] | None = None) -> Lesson:
    """The lesson numbered `wanted` (`3`) or named it exactly (`汇缴`)."""
    lessons = lessons if lessons is not None else all_lessons()
    text = wanted.strip()
    for lesson in lessons:
        if text == str(lesson.number) or text == lesson.name:
            return lesson
    # A unique partial name is accepted too: `扫描` finds 开户申请（扫描身份证）.
    partial = [lesson for lesson in lessons if text and text in lesson.name]
    if len(partial) == 1:
        return partial[0]
    names = "，".join(lesson.title for lesson in lessons)
    raise LessonNotFound(f"没有课程“{wanted}”。可选：{names}")


def find_lessons(wanted: list[str]) -> list[Lesson]:
    """Each named lesson in the order given, or every lesson when none is named."""
    lessons = all_lessons()
    if not wanted:
        return lessons
    return [find_lesson(text, lessons) for text in wanted]
