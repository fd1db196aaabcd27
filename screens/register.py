"""注册: the registration form with SMS code, strength meter and terms (PRODUCT §4)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from textual import on
from textual.containers import Horizontal
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Static

from screens.base import Dialog, PhoneScreen
from screens.widgets import CodeButton, field, named
from state import texts
from state.simulator import RegistrationForm

SMS_PURPOSE = texts.REGISTER
TERMS_LINES = (
    "一、本服务由太原市住房公积金管理中心提供，用于住房公积金信息查询和业务办理。",
    "二、您应使用本人真实身份信息注册，妥善保管登录密码和短信验证码，"
    "因泄露造成的损失由您本人承担。",
    "三、中心依法保护您的个人信息，仅用于身份核验和业务办理，不向第三方提供。",
    "四、通过本服务提交的业务申请与在柜台办理具有同等效力。",
)
STRENGTH_CLASSES = dict(
    zip(texts.STRENGTH, ("-weak", "-medium", "-strong"), strict=True)
)


class TermsCheckbox(Checkbox):
    """A checkbox whose long label wraps beside the box instead of being cut off."""

    def label_lines(self, width: int) -> list[str]:
        """The label cut into lines that fit; the first one shares the box's line."""
        room = max(2, width - self._button.cell_length - 1)
        lines, line = [], ""
        for character in self._label.plain:
            if cell_len(line + character) > room:
                lines.append(line)
                line, room = "", max(2, width)
            line += character
        return [*lines, line]

    def render(self) -> Content:
        style = self.get_visual_style("toggle--label")
        lines = self.label_lines(self.size.width or 80)
        parts: list[Content | str] = [self._button, " "]
        for number, line in enumerate(lines):
            parts += ["\n"] if number else []
            parts.append(Content(line).stylize_before(style))
        return Content.assemble(*parts)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.label_lines(width))


class RegisterScreen(PhoneScreen):
    """The 注册 form; the rules are checked by the simulator on `注册`."""

    PAGE_TITLE = texts.REGISTER
    AUTO_FOCUS = "#page Input"

    def __init__(self) -> None:
        super().__init__()

    def compose_page(self) -> Iterable[Widget]:
        yield field(texts.NAME, "请输入姓名")
        yield field(texts.DOC_NUMBER, "请输入身份证号码")
        yield field(texts.PHONE, "请输入预留手机号码")
        yield field(texts.PASSWORD, "8-16位字母和数字组合", password=True)
        yield Static("", id="strength", markup=False)
        yield field(texts.CONFIRM_PASSWORD, "请再次输入密码", password=True)
        with Horizontal(classes="code-row"):
            yield field(texts.SMS_CODE, "6位数字")
            yield CodeButton(texts.SEND_CODE, SMS_PURPOSE, id="send-code", compact=True)
        with Horizontal(classes="terms-row"):
            yield TermsCheckbox(Content(texts.TERMS_CHECKBOX), id="terms", compact=True)
            yield Button(
                texts.VIEW_TERMS, id="view-terms", classes="link", compact=True
            )
        yield Button(texts.REGISTER, id="register-submit", variant="primary")

    def on_mount(self) -> None:
        self.show_strength("")

    def value_of(self, label: str) -> str:
        return named(self, Input, label).value

    @on(Input.Submitted)
    def submitted(self) -> None:
        """Enter moves to the next control, as the phone keyboard's 下一项 does."""
        self.focus_next()

    # --- password strength ----------------------------------------------------

    @on(Input.Changed)
    def input_changed(self, event: Input.Changed) -> None:
        if event.input.name == texts.PASSWORD:
            self.show_strength(event.value)

    def show_strength(self, password: str) -> None:
        """`密码强度：弱/中/强` under 密码; nothing while it is empty."""
        meter = self.query_one("#strength", Static)
        strength = self.sim.password_strength(password) if password else ""
        meter.display = bool(strength)
        meter.update(texts.line(texts.STRENGTH_LABEL, strength))
        meter.set_classes(STRENGTH_CLASSES.get(strength, ""))

    # --- SMS code -------------------------------------------------------------

    @on(Button.Pressed, "#send-code")
    def send_code(self) -> None:
        """发送验证码: the code arrives as a phone notification."""
        phone = self.value_of(texts.PHONE)
        result = self.sim.send_code(phone, SMS_PURPOSE)
        if not result:
            self.tell(result.message)
            return
        self.tell(texts.SMS_TEXT.format(code=result.value.code))
        self.query_one("#send-code", CodeButton).code_sent(result.value.phone)

    # --- terms and submit -----------------------------------------------------

    @on(Button.Pressed, "#view-terms")
    def view_terms(self) -> None:
        self.app.push_screen(Dialog(texts.TERMS_TITLE, [texts.OK], TERMS_LINES))

    @on(Button.Pressed, "#register-submit")
    def register(self) -> None:
        """注册: refusals stay on the form; success returns to 登录 at once."""
        form = RegistrationForm(
            name=self.value_of(texts.NAME),
            id_number=self.value_of(texts.DOC_NUMBER),
            phone=self.value_of(texts.PHONE),
            password=self.value_of(texts.PASSWORD),
            confirm=self.value_of(texts.CONFIRM_PASSWORD),
            code=self.value_of(texts.SMS_CODE),
            terms=self.query_one("#terms", Checkbox).value,
        )
        result = self.sim.register(form)
        if not result:
            self.tell(result.message)
            return
        self.tell(texts.REGISTERED)
        self.gjj.go_back()
