"""Random keys from three starting states never crash the app."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from state.simulator import Simulator
from tui_app.app import GjjApp

MakeSim = Callable[..., Simulator]
KEYS = [
    "tab", "shift+tab", "enter", "escape", "up", "down", "left", "right", "space",
    "f2", "a", "l", "h", "x", "1", "3", "8", "0",
]  # fmt: skip
START = st.sampled_from(["fresh", "home", "李强"])


async def press_all(sim: Simulator, keys: list[str]) -> None:
    app = GjjApp(sim)
    async with app.run_test(size=(120, 40)) as pilot:
        for key in keys:
            await pilot.press(key)
            assert app.is_running, f"stopped after {key!r} in {keys}"
        await pilot.pause()
        assert app.is_running
    # run_test re-raises anything the app raised while the keys were pressed.


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(start=START, keys=st.lists(st.sampled_from(KEYS), min_size=1, max_size=40))
def test_random_keys_never_crash(
    make_sim: MakeSim, start: str, keys: list[str]
) -> None:
    asyncio.run(press_all(make_sim(start), keys))
