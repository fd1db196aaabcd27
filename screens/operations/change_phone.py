"""信息变更: change the phone number with a code sent to the new number."""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Button, Input

from screens.format import mask_phone
from screens.operations.base import OperationScreen
from screens.widgets import CodeButton, field
from state import texts

SMS_PURPOSE = texts.CHANGE_PHONE
"""The purpose the simulator files the phone-change codes under."""


class ChangePhoneScreen(OperationScreen):
    """`修改` reveals 新手机号, `获取验证码` with its countdown, 验证码, `完成办理`."""

    OPERATION = texts.CHANGE_PHONE
    AUTO_FOCUS = "#modify"

    def compose_operation(self) -> Iterable[Widget]:
        yield Button(texts.MODIFY, id="modify", variant="primary")
        form = Vertical(
            field(texts.NEW_PHONE, texts.PHONE_PLACEHOLDER),
            CodeButton(texts.GET_CODE, SMS_PURPOSE, id="get-code"),
            field(texts.SMS_CODE, texts.CODE_PLACEHOLDER),
            Button(texts.FINISH_HANDLING, id="finish", variant="primary"),
            id="phone-form",
        )
        form.styles.height = "auto"
        form.display = False
        yield form

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
        self.query_one("#get-code", CodeButton).code_sent(new_phone)
        self.input_named(texts.SMS_CODE).focus()

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
