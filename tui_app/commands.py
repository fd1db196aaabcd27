"""The trainer's entries in the command palette (ctrl+p).

Each entry is a `TrainerCommand` (title, help, callback taking the app); add one to
`TRAINER_COMMANDS` (or build a provider with `commands_provider`) to extend the list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from rich.align import Align
from rich.text import Text
from textual.app import App
from textual.command import (
    CommandList,
    CommandPalette,
    DiscoveryHit,
    Hit,
    Hits,
    Provider,
)
from textual.widgets.option_list import Option

NO_MATCHES = "没有匹配的命令"


class Palette(CommandPalette):
    """The command palette, saying in Chinese when nothing matches."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual writes its "No matches found" inside this method; the same
        # steps here with the Chinese words (pinned to textual 8.2.8).
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if not search_value:
                self._list_visible = False  # browsing, not searching
                return
            notice = Align.center(Text(NO_MATCHES, style="not bold"))
            self.query_one(CommandList).add_option(
                Option(notice, disabled=True, id=self._NO_MATCHES)
            )
            self._list_visible = True

        self._no_matches_timer = self.set_timer(
            self._NO_MATCHES_COUNTDOWN, show_no_matches
        )


@dataclass(frozen=True)
class TrainerCommand:
    title: str
    help: str
    callback: Callable[[App[Any]], None]


# The console is imported only when one of its commands runs: importing it here
# would load all its widgets (~40 ms) on every launch, used or not.


def show_console(app: App[Any]) -> None:
    """Open the trainer console."""
    from screens import console

    console.show_console(app)


def set_clock(app: App[Any]) -> None:
    """Open the trainer console with the keyboard in the clock field."""
    from screens import console

    console.show_console(app, focus_clock=True)


def complete_all(app: App[Any]) -> None:
    """办结 every pending appointment."""
    from screens import console

    console.complete_all(app)


def advance_day(app: App[Any]) -> None:
    """+1天 on the simulated clock."""
    from screens import console

    console.advance_day(app)


def advance_month(app: App[Any]) -> None:
    """+1月 on the simulated clock."""
    from screens import console

    console.advance_month(app)


def confirm_factory_reset(app: App[Any]) -> None:
    """恢复首次安装状态, once confirmed."""
    from screens import console

    console.confirm_factory_reset(app)


def confirm_reset_demo(app: App[Any]) -> None:
    """重置演示数据, once confirmed."""
    from screens import console

    console.confirm_reset_demo(app)


TRAINER_COMMANDS: list[TrainerCommand] = [
    TrainerCommand(
        "打开培训控制台", "时钟、柜台、短信、当前用户、操作日志", show_console
    ),
    TrainerCommand("柜台：办结全部预约", "办结所有待办理的预约", complete_all),
    TrainerCommand("时钟：+1天", "模拟时间前进一天", advance_day),
    TrainerCommand("时钟：+1月", "同日下月，月末取最后一天", advance_month),
    TrainerCommand("时钟：设置时间…", "输入 YYYY-MM-DD HH:MM", set_clock),
    TrainerCommand(
        "恢复首次安装状态", "重新引导和登录，数据保留", confirm_factory_reset
    ),
    TrainerCommand(
        "重置演示数据", "人员、账户和预约恢复为演示数据", confirm_reset_demo
    ),
]


class CommandListProvider(Provider):
    """Offers a fixed list of `TrainerCommand`s; subclasses set `COMMANDS`."""

    COMMANDS: Sequence[TrainerCommand] = ()

    async def discover(self) -> Hits:
        for command in self.COMMANDS:
            yield DiscoveryHit(
                command.title, partial(command.callback, self.app), help=command.help
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self.COMMANDS:
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(command.title),
                    partial(command.callback, self.app),
                    help=command.help,
                )


def commands_provider(commands: Sequence[TrainerCommand]) -> type[Provider]:
    """A provider class for another list (lessons, say), for `App.COMMANDS`."""
    return type(
        "TrainerCommandsProvider", (CommandListProvider,), {"COMMANDS": commands}
    )


class TrainerCommands(CommandListProvider):
    """The console's actions: clock, counter and the two resets."""

    COMMANDS = TRAINER_COMMANDS
