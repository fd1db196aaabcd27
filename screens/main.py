"""The three main pages behind the bottom tabs: 首页, 业务办理, 个人中心."""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.widget import Widget
from textual.widgets import Button

from screens.base import PhoneScreen
from screens.widgets import text
from state import texts

HOME_NEWS = (
    "公告：灵活就业人员可通过手机公积金申请开户",
    "提示：汇缴、补缴时间为每月1-25日 8:00-17:00",
    "提示：月缴存额每年7月可调整一次",
)


def tab_screen(label: str) -> PhoneScreen:
    """The main page for a bottom-tab label."""
    pages: dict[str, type[PhoneScreen]] = {
        texts.TAB_HOME: HomeScreen,
        texts.TAB_BUSINESS: BusinessScreen,
        texts.TAB_ME: MeScreen,
    }
    return pages[label]()


class HomeScreen(PhoneScreen):
    """首页: the city at the top and the centre's notices."""

    PAGE_TITLE = texts.APP_NAME
    TAB = texts.TAB_HOME

    def compose_page(self) -> Iterable[Widget]:
        # The only city a finished onboarding can have chosen; drawn without the
        # saved state, so a launch shows this page before the rules are loaded.
        yield text(texts.CITY_SERVED, "big city")
        yield text("太原市住房公积金管理中心", "note")
        for line in HOME_NEWS:
            yield text(line, "note")


class BusinessScreen(PhoneScreen):
    """业务办理 (logged in): the two entries of §10."""

    PAGE_TITLE = texts.TAB_BUSINESS
    TAB = texts.TAB_BUSINESS

    def compose_page(self) -> Iterable[Widget]:
        yield Button(texts.TRANSFER_IN, id="transfer-in")
        yield Button(texts.FLEXIBLE_BUSINESS, id="flexible")

    @on(Button.Pressed, "#transfer-in")
    def transfer_in(self) -> None:
        from screens.transfer import open_transfer

        open_transfer(self.gjj)

    @on(Button.Pressed, "#flexible")
    def flexible(self) -> None:
        from screens.business import open_business_menu

        open_business_menu(self.gjj)


class MeScreen(PhoneScreen):
    """个人中心: 未登录 and 立即登录, or the person's account (see screens.me)."""

    PAGE_TITLE = texts.TAB_ME
    TAB = texts.TAB_ME
    # The page opens at its top, where the name and balance are: its only button,
    # 退出登录, is at the very bottom (Shift+Tab reaches it).
    AUTO_FOCUS = "#login-now, .tab.-active"

    def compose_page(self) -> Iterable[Widget]:
        if self.sim.current_person() is None:
            yield text(texts.NOT_LOGGED_IN, "big")
            yield Button(texts.LOGIN_NOW, id="login-now", variant="primary")
            return
        from screens.me import account_widgets

        yield from account_widgets(self.sim)

    @on(Button.Pressed, "#login-now")
    def login_now(self) -> None:
        from screens.login import LoginScreen

        self.gjj.open(LoginScreen())

    @on(Button.Pressed, "#logout")
    def logout(self) -> None:
        self.sim.logout()
        self.gjj.show_tab(texts.TAB_ME)
