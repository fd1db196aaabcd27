"""What every operation page shares: the information to verify, refusals, results."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Input

from screens.base import Dialog, PhoneScreen
from screens.business import return_to_menu
from screens.format import card, mask_phone, money, month
from screens.result import ResultScreen
from screens.widgets import info_lines
from state import texts
from state.models import Account
from state.result import Result

Pairs = list[tuple[str, str]]
PairsOf = Callable[[Account], Pairs]


def verify_pairs(account: Account) -> Pairs:
    """The items every operation page shows first, in the order of PRODUCT §10."""
    return [
        (texts.NAME, account.name),
        (texts.ACCOUNT_NO, account.account_no),
        (texts.STATUS, account.status),
        (texts.MONTHLY_AMOUNT, money(account.monthly_amount)),
        (texts.PAID_THROUGH, month(account.paid_through)),
        (texts.BALANCE, money(account.balance)),
        (texts.BRANCH, account.branch),
        (texts.PHONE, mask_phone(account.phone)),
    ]


def card_line(account: Account) -> str:
    """`银行卡：尾号0001` for the confirmation dialogs."""
    return texts.line(texts.BANK_CARD, card(account.card_tail))


class AccountLines(Vertical):
    """`标签：值` lines about the current account, re-read on every `reload`."""

    DEFAULT_CSS = "AccountLines { height: auto; }"

    def __init__(self, pairs_of: PairsOf = verify_pairs, classes: str = "") -> None:
        super().__init__(classes=f"account-lines {classes}".strip())
        self.pairs_of = pairs_of

    def compose(self) -> ComposeResult:
        account = self.app.sim.current_account()  # type: ignore[attr-defined]
        if account is not None:
            yield from info_lines(self.pairs_of(account))

    def reload(self) -> None:
        """Show the account as the simulator has it now."""
        self.refresh(recompose=True)


class OperationScreen(PhoneScreen):
    """An operation page: the information to verify, then the operation's controls."""

    OPERATION: ClassVar[str] = ""
    """The menu label, also the page title (`汇缴`)."""
    AUTO_FOCUS = "#page Input, #page Select, #page Button"
    """The page's first control; pages whose action cannot be undone override it."""

    def page_title(self) -> str:
        return self.OPERATION

    def compose_page(self) -> Iterable[Widget]:
        yield AccountLines()
        yield from self.compose_operation()

    def compose_operation(self) -> Iterable[Widget]:
        """The operation's own controls, below the information to verify."""
        return []

    def account(self) -> Account:
        """The logged-in person's account, fresh from the simulator."""
        account = self.sim.current_account()
        if account is None:  # the menu's entry check makes this unreachable
            raise RuntimeError("operation page opened without an account")
        return account

    def input_named(self, label: str) -> Input:
        """The input made by `field(label)`."""
        return next(field for field in self.query(Input) if field.name == label)

    def reload(self) -> None:
        """Re-read every account line on the page."""
        for lines in self.query(AccountLines):
            lines.reload()

    def refuse(self, result: Result) -> None:
        """A refusal: the message over the page, which stays usable."""
        self.tell(result.message)
        self.reload()

    def confirm_payment(
        self, title: str, lines: list[str], on_confirm: Callable[[], None]
    ) -> None:
        """The `…支付信息确认` dialog; `确认支付` calls on_confirm."""

        def answered(choice: str | None) -> None:
            if choice == texts.CONFIRM_PAY:
                on_confirm()
            else:
                self.reload()

        buttons = [texts.CANCEL, texts.CONFIRM_PAY]
        self.app.push_screen(Dialog(title, buttons, lines), answered)

    def succeed(self, message: str, lines: Iterable[str] = ()) -> None:
        """The result page; its `完成` returns to a fresh menu."""
        app = self.gjj
        app.open(
            ResultScreen(
                self.OPERATION,
                message,
                lines,
                lambda: return_to_menu(app, self.OPERATION),
            )
        )
