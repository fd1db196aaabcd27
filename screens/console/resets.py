"""The console's two resets: a confirmation that starts on 取消, then a fresh phone."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.widgets import Button

from screens.base import Dialog
from screens.console.actions import gjj
from state import texts


class ResetDialog(Dialog):
    """A reset's confirmation; the keyboard starts on 取消, so enter loses nothing."""

    def focus_start(self) -> None:
        self.query(Button).first().focus()


def confirmation(action: str, note: str) -> Dialog:
    """The `确定…？` question for a reset, with what it keeps and what it loses."""
    question = texts.CONFIRM_QUESTION.format(action=action)
    return ResetDialog(question, [texts.CANCEL, texts.OK], [note])


def confirm_factory_reset(app: App[Any]) -> None:
    """恢复首次安装状态 after confirmation; the app starts over at the agreement."""

    def chosen(answer: str | None) -> None:
        if answer == texts.OK:
            gjj(app).sim.factory_reset()
            restart_phone(app)

    dialog = confirmation(texts.FACTORY_RESET, texts.FACTORY_RESET_NOTE)
    app.push_screen(dialog, chosen)


def confirm_reset_demo(app: App[Any]) -> None:
    """重置演示数据 after confirmation; the app shows 首页 (or the onboarding)."""

    def chosen(answer: str | None) -> None:
        if answer == texts.OK:
            gjj(app).sim.reset_demo()
            restart_phone(app)

    app.push_screen(confirmation(texts.RESET_DEMO, texts.RESET_DEMO_NOTE), chosen)


def restart_phone(app: App[Any]) -> None:
    """Show the phone's first page after a reset."""
    # first_screen is 首页 once the onboarding is done, else its first open step;
    # reset_to also closes a full-screen console, so the trainer sees the result.
    from screens.onboarding import first_screen

    gjj(app).reset_to(first_screen(gjj(app).sim))
