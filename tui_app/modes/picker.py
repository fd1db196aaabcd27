"""选择课程: the list of lessons a mode starts from when none was named."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from tui_app.modes.lessons import Lesson


class LessonPicker(Screen[int | None]):
    """One line per lesson (number, name, task); returns the chosen lesson number."""

    DEFAULT_CSS = """
    LessonPicker { align: center middle; }
    LessonPicker > Vertical {
        width: 90; max-width: 100%; height: auto; max-height: 100%;
        padding: 1 2; border: round $primary;
    }
    LessonPicker .picker-title { text-style: bold; margin-bottom: 1; }
    LessonPicker OptionList { height: auto; max-height: 30; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "leave", "离开")]

    def __init__(self, lessons: list[Lesson], heading: str = "选择课程") -> None:
        super().__init__()
        self.lessons = lessons
        self.heading = heading

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.heading, classes="picker-title", markup=False)
            yield OptionList(
                *[
                    Option(
                        Text.assemble(
                            (lesson.title, "bold"), "\n", (lesson.task, "dim")
                        ),
                        id=str(lesson.number),
                    )
                    for lesson in self.lessons
                ]
            )
            yield Static("↑↓ 选择  回车 开始  Esc 离开", markup=False)
        yield Footer()

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def action_leave(self) -> None:
        self.dismiss(None)
