"""启封: one press of `完成办理`."""

from __future__ import annotations

from collections.abc import Callable

from screens.operations.seal import StatusChangeScreen
from state import texts
from state.result import Result


class UnsealScreen(StatusChangeScreen):
    """启封: the account is 正常 again; months while sealed are not owed."""

    OPERATION = texts.UNSEAL

    def action_of(self) -> Callable[[], Result]:
        return self.sim.unseal
