"""The trainer's entries in the command palette (ctrl+p).

Each entry is a `TrainerCommand` (title, help, callback taking the app); add one to
`TRAINER_COMMANDS` (or build a provider with `commands_provider`) to extend the list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from textual.app import App
from textual.command import DiscoveryHit, Hit, Hits, Provider

from screens.console import (
    advance_day,
    advance_month,
    complete_all,
    confirm_factory_reset,
    confirm_reset_demo,
    show_console,
)


@dataclass(frozen=True)
class TrainerCommand:
    title: str
    help: str
    callback: Callable[[App[Any]], None]


TRAINER_COMMANDS: list[TrainerCommand] = [
    TrainerCommand(
        "打开培训控制台", "时钟、柜台、短信、当前用户、操作日志", show_console
    ),
    TrainerCommand("柜台：办结全部预约", "办结所有待办理的预约", complete_all),
    TrainerCommand("时钟：+1天", "模拟时间前进一天", advance_day),
    TrainerCommand("时钟：+1月", "同日下月，月末取最后一天", advance_month),
    TrainerCommand(
        "时钟：设置…", "输入 YYYY-MM-DD HH:MM", partial(show_console, focus_clock=True)
    ),
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
