"""信息变更: change the phone number with a code sent to the new number."""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Button, Input

from screens.format import mask_phone
from screens.operations.base import OperationScreen
from screens.widgets import field
from state import texts

SMS_PURPOSE = texts.CHANGE_PHONE
"""The purpose the simulator files the phone-change codes under."""


class ChangePhoneScreen(OperationScreen):
    """`修改` reveals 新手机号, `获取验证码` with its countdown, 验证码, `完成办理`."""

    OPERATION = texts.CHANGE_PHONE
    AUTO_FOCUS = "#modify"

    def __init__(self) -> None:
        super().__init__()
        self.sent_to: str | None = None
        """The number the last code went to; the countdown is for that number."""

    def compose_operation(self) -> Iterable[Widget]:
        yield Button(texts.MODIFY, id="modify", variant="primary")
        form = Vertical(
            field(texts.NEW_PHONE, texts.PHONE_PLACEHOLDER),
            Button(texts.GET_CODE, id="get-code"),
            field(texts.SMS_CODE, texts.CODE_PLACEHOLDER),
            Button(texts.FINISH_HANDLING, id="finish", variant="primary"),
            id="phone-form",
        )
        form.styles.height = "auto"
        form.display = False
        yield form

    def on_mount(self) -> None:
        """Tick the countdown once a second (the simulated clock may be moved)."""
        self.set_interval(1.0, self.show_countdown)

    @on(Button.Pressed, "#modify")
    def modify(self) -> None:
        """修改: show the form in place of the button."""
        self.query_one("#phone-form").display = True
        self.query_one("#modify").display = False
        self.input_named(texts.NEW_PHONE).focus()

    @on(Button.Pressed, "#get-code")
    def get_code(self) -> None:
        """获取验证码: the simulator checks the number, then texts the code."""
        new_phone = self.input_named(texts.NEW_PHONE).value.strip()
        sent = self.sim.send_phone_change_code(new_phone)
        if not sent:
            self.refuse(sent)
            return

        self.tell(texts.SMS_TEXT.format(code=sent.value.code))
        self.sent_to = new_phone
        self.show_countdown()
        self.input_named(texts.SMS_CODE).focus()

    def show_countdown(self) -> None:
        """`重新发送(59s)` until another code may be sent, then `获取验证码`."""
        wait = 0
        if self.sent_to is not None:
            wait = self.sim.resend_wait(self.sent_to, SMS_PURPOSE)
        button = self.query_one("#get-code", Button)
        label = texts.RESEND_COUNTDOWN.format(seconds=wait) if wait else texts.GET_CODE
        if str(button.label) != label:
            button.label = label
        button.disabled = wait > 0

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        """Enter in 新手机号 moves on; Enter in 验证码 is `完成办理`."""
        if event.input.name == texts.SMS_CODE:
            self.finish()
        else:
            self.focus_next()

    @on(Button.Pressed, "#finish")
    def finish(self) -> None:
        """完成办理: the simulator checks the code for the new number and changes it."""
        new_phone = self.input_named(texts.NEW_PHONE).value.strip()
        code = self.input_named(texts.SMS_CODE).value.strip()
        result = self.sim.change_phone(new_phone, code)
        if not result:
            self.refuse(result)
            return
        phone_line = texts.line(texts.PHONE, mask_phone(self.account().phone))
        self.succeed(texts.PHONE_CHANGED, [phone_line])
