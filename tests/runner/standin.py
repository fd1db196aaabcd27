"""A tiny app that follows GjjApp's conventions, and a simulator double.

It lets the runner's matching rules be tested without the real screens: `#phone`
with a `#title`, a side panel `#side`, a Footer with key hints, a modal dialog,
a hidden container, a carousel driven by the arrow keys, and notifications.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Checkbox, Footer, Input, Select, Static
from textual.widgets._select import SelectOverlay

from tui_app.flows import RunOptions

LONG_TEXT = "欢迎使用手机公积金这是一段很长的说明文字用于测试折行以后仍然可以找到"
DATES = [
    ("2026-03-11 周三", "d11"),
    ("2026-03-12 周四", "d12"),
    ("2026-03-1", "d1"),
    ("2026-03-16 周一（已约满）", "d16"),
]
FULL_DATE = len(DATES)  # its index in the drop-down list, after the blank


@dataclass
class Sms:
    code: str


@dataclass
class Store:
    """What the double keeps 'on disk', shared by every simulator on one file."""

    events: list[str] = field(default_factory=list)
    inbox: list[Sms] = field(default_factory=list)
    logged_in: str | None = None


STORES: dict[Path, Store] = {}


class FakeSim:
    """Records what the runner asks of the simulator; keeps state per db file."""

    launches = 0

    def __init__(self, db_path: Path, clock: Any) -> None:
        self.store = STORES.setdefault(db_path, Store())
        self.clock = clock
        FakeSim.launches += 1

    def load_demo(self) -> None:
        self.store.events.append(f"demo@{self.clock.now():%Y-%m-%d %H:%M}")

    def load_sample_cards(self) -> None:
        self.store.events.append("samples")

    def skip_onboarding(self) -> None:
        self.store.events.append("home")

    def login_as(self, name: str) -> None:
        if name == "周杰":  # a start that cannot be made
            raise KeyError(name)
        self.store.logged_in = name

    def set_clock(self, moment: datetime) -> None:
        self.clock.set(moment)

    def now(self) -> datetime:
        return self.clock.now()

    def process_counter(self) -> list[Any]:
        self.store.events.append("counter")
        return []

    def sms_inbox(self) -> list[Sms]:
        return self.store.inbox

    def send(self, code: str) -> None:
        self.store.inbox.insert(0, Sms(code))

    def current_person(self) -> Any:
        return None

    def current_account(self) -> Any:
        if self.store.logged_in is None:
            return None
        return _Record(
            status="正常",
            kind="灵活就业",
            monthly_amount=500,
            paid_through="2026-03",
            balance=Decimal("6500.00"),
            phone="13800000001",
            branch="迎泽区管理部",
        )

    def latest_appointment(self) -> Any:
        return _Record(kind="开户", status="待办理", date=date(2026, 3, 11))


class _Record:
    def __init__(self, **values: Any) -> None:
        self.__dict__.update(values)


class Dialog(ModalScreen[str | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "关闭")]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static("确认提交吗")
            yield Button("确定")
            yield Button("取消")
        yield Footer()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(str(event.button.label))

    def action_cancel(self) -> None:
        self.dismiss(None)


class Page(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "返回"),
        Binding("f5", "refresh_page", "刷新"),
        Binding("right", "page(1)", "下一页"),
        Binding("left", "page(-1)", "上一页", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.carousel = 0

    def compose(self) -> ComposeResult:
        with Horizontal():
            with Vertical(id="phone"):
                yield Static("首页", id="title")
                with VerticalScroll(id="page"):
                    yield from self.page_widgets()
            with Vertical(id="side"):
                yield Button("侧栏按钮")
                yield Static("侧栏文字")
        yield Footer()

    def page_widgets(self) -> ComposeResult:
        yield Static(LONG_TEXT)
        yield Static("", id="log")
        yield Button("登录")
        yield Button("重复")
        yield Button("重复")
        yield Button("禁用", disabled=True)
        yield Button("对话框")
        yield Button("短信")
        yield Button("闪现")
        yield Button("崩溃")
        yield Checkbox("我已阅读并同意")
        yield Input(name="姓名", placeholder="请输入姓名")
        yield Input(name="手机号", restrict=r"[0-9]*", max_length=11)
        yield Select(DATES, name="日期", prompt="请选择日期")
        with Vertical(id="hidden") as hidden:
            hidden.display = False
            yield Button("隐藏按钮")
            yield Static("隐藏文字")
        for number in range(1, 4):
            card = Static(f"第{number}页", classes="card")
            card.display = number == 1
            yield card
        for number in range(12):
            yield Static(f"填充行{number}")
        yield Button("底部按钮")

    def on_mount(self) -> None:
        self.query_one(Select).query_one(SelectOverlay).disable_option_at_index(
            FULL_DATE
        )

    def log_line(self, text: str) -> None:
        self.query_one("#log", Static).update(text)

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        label = str(event.button.label)
        if label == "对话框":
            self.app.push_screen(Dialog(), self.dialog_closed)
        elif label == "崩溃":
            raise RuntimeError("boom")
        elif label == "闪现":
            self.notify("一闪而过", markup=False, timeout=0.01)
        elif label == "短信":
            self.app.sim.send("123456")  # type: ignore[attr-defined]
            self.notify("验证码已发送", markup=False)
        else:
            self.notify(f"点击了{label}", markup=False)
            self.log_line(f"已点击{label}")

    def dialog_closed(self, result: str | None) -> None:
        self.log_line(f"对话框：{result}")

    @on(Checkbox.Changed)
    def checked(self, event: Checkbox.Changed) -> None:
        self.log_line("已勾选" if event.value else "未勾选")

    @on(Input.Changed)
    def typed(self, event: Input.Changed) -> None:
        self.log_line(f"输入{event.input.name}：{event.value}")

    @on(Select.Changed)
    def chosen(self, event: Select.Changed) -> None:
        self.log_line(f"已选：{event.value}")

    def action_page(self, delta: int) -> None:
        cards = list(self.query(".card"))
        self.carousel = max(0, min(len(cards) - 1, self.carousel + delta))
        for index, card in enumerate(cards):
            card.display = index == self.carousel

    def action_refresh_page(self) -> None:
        self.log_line("已刷新")

    def action_back(self) -> None:
        self.notify("返回了", markup=False)


class StandInApp(App[None]):
    CSS = "#page { height: 12; } #side { width: 20; } #phone { width: 44; }"

    def __init__(self, sim: FakeSim) -> None:
        super().__init__()
        self.sim = sim

    def on_mount(self) -> None:
        self.push_screen(Page())


def standin_options(out_dir: Path, settle: float = 0.2) -> RunOptions:
    """Runner options that drive the stand-in app; failures give up after `settle`."""
    return RunOptions(
        out_dir=out_dir,
        settle_seconds=settle,
        sim_factory=FakeSim,
        app_factory=StandInApp,
    )
