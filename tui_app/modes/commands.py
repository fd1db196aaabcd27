"""`开始课程：<name>` in the command palette, one entry per lesson."""

from __future__ import annotations

from functools import partial
from typing import Any

from textual.app import App

from tui_app.commands import CommandListProvider, TrainerCommand

START_LESSON = "开始课程：{name}"


def start_lesson(number: int, app: App[Any]) -> None:
    """Turn the running app into a training session of lesson `number`."""
    from tui_app.modes.training import start_training_in

    start_training_in(app, number)  # type: ignore[arg-type]


def lesson_commands() -> list[TrainerCommand]:
    from tui_app.modes.lessons import all_lessons

    return [
        TrainerCommand(
            START_LESSON.format(name=lesson.name),
            lesson.task,
            partial(start_lesson, lesson.number),
        )
        for lesson in all_lessons()
    ]


class LessonCommands(CommandListProvider):
    """The lessons, read from the package when the palette opens."""

    async def startup(self) -> None:
        self.COMMANDS = lesson_commands()
