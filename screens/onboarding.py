"""First launch: agreement, intro carousel, location, city (PRODUCT §2)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.events import MouseDown, MouseUp
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Static

from screens.base import Dialog, PhoneScreen
from screens.widgets import text
from state import texts

if TYPE_CHECKING:
    from state.simulator import Simulator

AGREEMENT_SUMMARY = (
    "欢迎使用手机公积金！我们依据法律法规收集、使用您的个人信息，"
    "用于身份核验、业务办理和信息查询。请您仔细阅读《用户协议》和《隐私政策》，"
    "点击“同意”即表示您已阅读并同意上述条款。"
)
INTRO_PAGES = (
    ("掌上办理", "公积金业务随时随地办理，无需往返网点"),
    ("实时查询", "账户余额、缴存明细一目了然"),
    ("安全便捷", "刷脸实名认证，保障您的账户安全"),
)
SYSTEM_LOCATION_PROMPT = "允许“手机公积金”使用您的位置？"


def first_screen(sim: Simulator) -> Screen[None]:
    """The page a launch opens: the first onboarding step not done, else 首页."""
    return page_for_step(sim.app_state().onboarding)


def page_for_step(step: str) -> Screen[None]:
    """The page of a saved onboarding step; 首页 once it is done."""
    from screens.main import HomeScreen

    pages: dict[str, type[Screen[None]]] = {
        "agreement": AgreementScreen,
        "intro": IntroScreen,
        "location": LocationScreen,
        "city": CityScreen,
    }
    return pages.get(step, HomeScreen)()


class AgreementScreen(PhoneScreen):
    """用户协议与隐私政策: 同意 goes on, 不同意 stays."""

    PAGE_TITLE = texts.AGREEMENT_TITLE
    CAN_GO_BACK = False

    def compose_page(self) -> Iterable[Widget]:
        yield text(AGREEMENT_SUMMARY)
        yield Button(texts.AGREE, id="agree", variant="primary")
        yield Button(texts.DISAGREE, id="disagree")

    @on(Button.Pressed, "#agree")
    def agree(self) -> None:
        self.sim.agree()
        self.gjj.reset_to(IntroScreen())

    @on(Button.Pressed, "#disagree")
    def disagree(self) -> None:
        self.tell(texts.MUST_AGREE)


class IntroScreen(PhoneScreen):
    """Three intro pages; swipe left (→, l or a drag) for the next one."""

    PAGE_TITLE = texts.APP_NAME
    CAN_GO_BACK = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right,l", "swipe('left')", "下一页"),
        Binding("left,h", "swipe('right')", "上一页"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.index = 0
        self._drag_x: int | None = None

    def compose_page(self) -> Iterable[Widget]:
        for number, (heading, body) in enumerate(INTRO_PAGES, start=1):
            with Vertical(classes="intro-page", id=f"intro-{number}") as page:
                page.display = number == 1
                yield text(heading, "big")
                yield text(body)
                if number == len(INTRO_PAGES):
                    yield Button(texts.TRY_NOW, id="try-now", variant="primary")
        yield Static("1/3", id="indicator", classes="big")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """下一页 is not offered on the last page, nor 上一页 on the first."""
        if action == "swipe":
            last = len(INTRO_PAGES) - 1
            return self.index != (last if parameters == ("left",) else 0)
        return super().check_action(action, parameters)

    def action_swipe(self, direction: str) -> None:
        step = 1 if direction == "left" else -1
        self.index = max(0, min(len(INTRO_PAGES) - 1, self.index + step))
        for number, page in enumerate(self.query(".intro-page")):
            page.display = number == self.index
        indicator = f"{self.index + 1}/{len(INTRO_PAGES)}"
        self.query_one("#indicator", Static).update(indicator)
        self.refresh_bindings()

    def on_mouse_down(self, event: MouseDown) -> None:
        self._drag_x = event.screen_x

    def on_mouse_up(self, event: MouseUp) -> None:
        if self._drag_x is None:
            return
        moved = event.screen_x - self._drag_x
        self._drag_x = None
        if abs(moved) >= 3:
            self.action_swipe("left" if moved < 0 else "right")

    @on(Button.Pressed, "#try-now")
    def try_now(self) -> None:
        self.sim.finish_intro()
        self.gjj.reset_to(LocationScreen())


class LocationScreen(PhoneScreen):
    """The location dialog, then the simulated system prompt."""

    PAGE_TITLE = texts.APP_NAME
    CAN_GO_BACK = False

    def on_mount(self) -> None:
        ask = Dialog(texts.LOCATION_QUESTION, [texts.CANCEL, texts.CONFIRM])
        self.app.push_screen(ask, self.location_answered)

    def location_answered(self, answer: str | None) -> None:
        if answer != texts.CONFIRM:
            self.finish(allowed=False)
            return
        choices = [texts.ALLOW_WHILE_USING, texts.ALLOW_ONCE, texts.DENY]
        self.app.push_screen(
            Dialog(SYSTEM_LOCATION_PROMPT, choices), self.system_answered
        )

    def system_answered(self, answer: str | None) -> None:
        self.finish(allowed=answer in (texts.ALLOW_WHILE_USING, texts.ALLOW_ONCE))

    def finish(self, allowed: bool) -> None:
        self.sim.answer_location(allowed)
        self.gjj.reset_to(CityScreen())


class CityScreen(PhoneScreen):
    """选择城市: one button per city of 山西省; only 太原市 is served."""

    PAGE_TITLE = texts.CHOOSE_CITY
    CAN_GO_BACK = False

    def compose_page(self) -> Iterable[Widget]:
        if self.sim.app_state().located:
            yield text(texts.LOCATED)
        for city in texts.PROVINCE_CITIES:
            yield Button(city, classes="city", compact=True)

    @on(Button.Pressed, ".city")
    def city_chosen(self, event: Button.Pressed) -> None:
        result = self.sim.choose_city(str(event.button.label))
        if not result:
            self.tell(result.message)
            return
        # An earlier `该城市暂未开通` must not linger over the new 首页.
        self.app.clear_notifications()
        self.gjj.go_home()
