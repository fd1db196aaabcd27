"""The seven pages of 灵活就业人员业务办理, one module each (PRODUCT §10)."""

from __future__ import annotations

from screens.operations.base import OperationScreen


def operation_screen(label: str) -> OperationScreen:
    """The page for a menu label such as `汇缴`."""
    from screens.operations.adjust_amount import AdjustAmountScreen
    from screens.operations.back_pay import BackPayScreen
    from screens.operations.change_phone import ChangePhoneScreen
    from screens.operations.remit import RemitScreen
    from screens.operations.seal import SealScreen
    from screens.operations.unseal import UnsealScreen
    from screens.operations.withdraw import WithdrawScreen

    pages: list[type[OperationScreen]] = [
        RemitScreen,
        BackPayScreen,
        SealScreen,
        UnsealScreen,
        ChangePhoneScreen,
        AdjustAmountScreen,
        WithdrawScreen,
    ]
    return {page.OPERATION: page for page in pages}[label]()
