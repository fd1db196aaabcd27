"""The result page a completed operation shows, with `完成`."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual import on
from textual.widget import Widget
from textual.widgets import Button

from screens.base import PhoneScreen
from screens.widgets import text
from state import texts


class ResultScreen(PhoneScreen):
    """A success message, optional `标签：值` lines and notes, and `完成`."""

    CAN_GO_BACK = False

    def __init__(
        self,
        title: str,
        message: str,
        lines: Iterable[str] = (),
        on_done: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.message = message
        self.lines = list(lines)
        self.on_done = on_done

    def page_title(self) -> str:
        return self.title_text

    def compose_page(self) -> Iterable[Widget]:
        yield text("✓", "big result-mark")
        yield text(self.message, "big")
        for line in self.lines:
            yield text(line, "info-line")
        yield Button(texts.DONE, id="done", variant="primary")

    @on(Button.Pressed, "#done")
    def done(self) -> None:
        if self.on_done is not None:
            self.on_done()
        else:
            self.gjj.go_home()
