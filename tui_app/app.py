"""The Textual app: wires the simulator to the screens and keeps the navigation."""

from __future__ import annotations

import gc
from collections.abc import Awaitable, Callable, Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from state import texts
from state.clock import SimClock
from state.startup import Startup
from tui_app.commands import Palette, TrainerCommands
from tui_app.modes.commands import LessonCommands

if TYPE_CHECKING:
    from state.simulator import Simulator

SidePanelFactory = Callable[[], Iterable[Widget]]
EventFilter = Callable[[events.InputEvent], Awaitable[bool]]


class GjjApp(App[None]):
    """The 手机公积金 simulator."""

    CSS_PATH = "app.tcss"
    TITLE = texts.APP_NAME
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "退出", priority=True),
        Binding("f2", "toggle_console", "培训控制台"),
        Binding("ctrl+p", "command_palette", "命令面板", show=False, priority=True),
    ]
    COMMANDS = App.COMMANDS | {TrainerCommands, LessonCommands}

    def __init__(self, sim: Simulator | Startup, side_panel: bool = True) -> None:
        super().__init__()
        self._startup = sim if isinstance(sim, Startup) else None
        self._sim = None if isinstance(sim, Startup) else sim
        self.side_panel = side_panel
        """Whether pages draw the panel beside the phone (never in `run`)."""
        self.console_open = False
        self.side_factory: SidePanelFactory | None = None
        """Set by the training and demo modes to fill the side panel."""
        self.event_filter: EventFilter | None = None
        """Set by the training and demo modes: True stops a key or a click."""
        self.closed_actions: set[str] = set()
        """App actions a mode has closed (the exam closes the console and palette);
        their keys leave the footer."""
        self.failure: str | None = None
        """Why the app stopped early, for the command to print once it has left."""

    @property
    def sim(self) -> Simulator:
        """The simulator; from a `Startup` it is built on first use."""
        if self._sim is None:
            assert self._startup is not None
            self._sim = self._startup.open()
        return self._sim

    @sim.setter
    def sim(self, sim: Simulator) -> None:
        self._sim = sim

    @property
    def clock(self) -> SimClock:
        """The simulated time, readable before the simulator is built."""
        if self._sim is None:
            assert self._startup is not None
            return self._startup.clock
        return self._sim.clock

    async def on_event(self, event: events.Event) -> None:
        # Keys and clicks reach the modes before the phone, so a lesson can stop them.
        if (
            self.event_filter is not None
            and isinstance(event, events.InputEvent)
            and not event.is_forwarded
            and await self.event_filter(event)
        ):
            return
        await super().on_event(event)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The palette's built-in entries, in Chinese."""
        yield SystemCommand("退出", "退出模拟器", self.action_quit)
        if screen.query("HelpPanel"):
            yield SystemCommand(
                "隐藏按键说明", "关闭按键说明面板", self.action_hide_help_panel
            )
        else:
            yield SystemCommand(
                "按键说明", "显示当前页面可用的按键", self.action_show_help_panel
            )
        yield SystemCommand(
            "截图",
            "把当前屏幕保存为 SVG 文件",
            lambda: self.set_timer(0.1, self.deliver_screenshot),
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action not in self.closed_actions

    def close_actions(self, *actions: str) -> None:
        """Close these app actions (none when called with none); the footer follows."""
        self.closed_actions = set(actions)
        self.refresh_bindings()

    def action_command_palette(self) -> None:
        """Ctrl+P: the command palette, with a Chinese prompt."""
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(Palette(placeholder="搜索命令…", id="--command-palette"))

    def on_mount(self) -> None:
        from screens.onboarding import first_screen, page_for_step

        if self._sim is not None:
            self.push_screen(first_screen(self._sim))
            return
        # The first page is drawn from the saved step alone; the rules and their
        # models are loaded once it is on the screen, after the page's own
        # after-refresh work.
        assert self._startup is not None
        page = page_for_step(self._startup.onboarding)
        self.push_screen(page)
        page.call_after_refresh(self.call_next, self._open_simulator)

    def _open_simulator(self) -> None:
        from state.storage import StorageError

        try:
            self.sim  # noqa: B018 (builds it)
        except StorageError as error:
            # The file looked sound before the first page; say what is wrong, stop.
            self.failure = f"无法打开数据文件：{error}"
            self.exit(return_code=1)

    def on_load(self) -> None:
        # What the imports made lives as long as the app: keep the collector's full
        # passes from walking it again and again (once per process).
        if not gc.get_freeze_count():
            gc.freeze()
        # Each page drawn makes thousands of short-lived styles and strips; sweeping
        # the young objects every 700 allocations (the default) costs more than it
        # frees, so sweep every 7,000 and the older generations as often as usual.
        gc.set_threshold(7000, 10, 10)

    # --- navigation ---------------------------------------------------------

    def open(self, screen: Screen[object]) -> None:
        """Go one page deeper."""
        self.push_screen(screen)

    def go_back(self) -> None:
        """Leave the current page (‹ 返回 or escape)."""
        if len(self.screen_stack) > 2:
            self.pop_screen()

    def reset_to(self, screen: Screen[Any]) -> None:
        """Make `screen` the only page, as a tab switch or a finished flow does."""
        while len(self.screen_stack) > 2:
            self.pop_screen()
        self.switch_screen(screen)

    def show_tab(self, label: str) -> None:
        """Open a main page by its bottom-tab label."""
        from screens.main import tab_screen

        if label == texts.TAB_BUSINESS and self.sim.current_person() is None:
            from screens.login import LoginScreen

            self.tell(texts.PLEASE_LOGIN)
            self.reset_to(tab_screen(texts.TAB_HOME))
            self.push_screen(LoginScreen())
            return
        self.reset_to(tab_screen(label))

    def go_home(self) -> None:
        self.show_tab(texts.TAB_HOME)

    # --- messages and the side panel ------------------------------------------

    def tell(self, message: str) -> None:
        """A notification over the phone: refusals, results, simulated SMS."""
        self.notify(message, markup=False, timeout=4)

    def side_panel_widgets(self) -> Iterable[Widget]:
        if self.console_open:
            from screens.console import TrainerConsole

            yield TrainerConsole()
        elif self.side_factory is not None:
            yield from self.side_factory()
        else:
            yield Static("F2 打开培训控制台", classes="side-hint")

    def refresh_side_panel(self) -> None:
        for panel in self.screen.query("#side"):
            panel.refresh(recompose=True)

    def action_toggle_console(self) -> None:
        """F2: the trainer console beside the phone, or full screen if no room."""
        from screens.console import toggle_console_screen

        if toggle_console_screen(self):
            return
        self.console_open = not self.console_open
        self.refresh_side_panel()
