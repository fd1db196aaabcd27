"""Demo: every lesson plays to its end unattended; space, → and escape steer it."""

from __future__ import annotations

from tui_app.modes.demo import DemoPlayer
from tui_app.modes.panel import TARGET_CLASS

SIZE = (140, 40)
REMIT = 8


async def test_the_demo_plays_every_lesson_to_the_end_unattended(
    make_app, lessons, wait_for
) -> None:
    app = make_app()
    left: list[bool] = []
    async with app.run_test(size=SIZE) as pilot:
        player = DemoPlayer(app, lessons, pace=0, on_leave=lambda: left.append(True))
        player.begin()
        await wait_for(pilot, lambda: player.finished, 400)
        assert player.failures == []
        assert player.completed == [lesson.number for lesson in lessons]
        await wait_for(pilot, lambda: left, 5)


async def test_space_pauses_right_steps_once_and_escape_leaves(
    make_app, lessons, wait_for
) -> None:
    app = make_app()
    left: list[bool] = []
    remit = [lesson for lesson in lessons if lesson.number == REMIT]
    async with app.run_test(size=SIZE) as pilot:
        player = DemoPlayer(app, remit, pace=0.5, on_leave=lambda: left.append(True))
        player.begin()
        await wait_for(pilot, lambda: player.panel.action == "▶ 点击《业务办理》")
        await pilot.press("space")
        assert player.paused and "已暂停" in player.panel.label
        assert player.panel.hint == "点击底部的《业务办理》"
        assert app.screen.query(f".{TARGET_CLASS}"), "the next tap is highlighted"

        await pilot.pause(1.0)
        assert player.panel.action == "▶ 点击《业务办理》", "paused means no progress"
        await pilot.press("right")
        following = "▶ 点击《灵活就业人员业务办理》"
        await wait_for(pilot, lambda: player.panel.action == following)
        assert player.panel.progress == "第 2/6 步", "trainee actions, as training"

        await pilot.press("escape")
        assert left == [True] and app.event_filter is None
