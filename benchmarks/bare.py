"""A bare Textual app shaped like one gjj-sim page: the yardstick for the benchmark.

A centred 42-wide frame with a title, a few lines of text and buttons, and a footer;
its first button opens a second page with two fields, as 刷脸实名登录 does.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Static

CSS = """
Screen { align: center middle; }
#frame { width: 42; height: 34; border: round $primary; padding: 0 1; }
#title { text-style: bold; content-align: center middle; width: 100%; }
Button { width: 100%; }
"""


class Page(Screen[None]):
    """A page with a title, lines and buttons inside the frame."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "back", "返回")]

    def __init__(self, title: str, fields: int = 0) -> None:
        super().__init__()
        self.page_title = title
        self.fields = fields

    def compose(self) -> ComposeResult:
        with Vertical(id="frame"):
            yield Static("09:30        5G ▮▮▮ 100%")
            yield Static(self.page_title, id="title")
            for line in ("太原市", "太原市住房公积金管理中心", "提示：每月1-25日办理"):
                yield Static(line, markup=False)
            for number in range(self.fields):
                yield Static(f"字段{number + 1}", markup=False)
                yield Input(placeholder="请输入")
            yield Button("下一页", id="next", variant="primary")
            yield Button("注册", id="second")
            yield Button("开户申请", id="third")
        yield Footer()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "next":
            self.app.push_screen(Page("刷脸实名登录", fields=2))

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()


class BareApp(App[None]):
    CSS = CSS

    def on_mount(self) -> None:
        self.push_screen(Page("登录"))
