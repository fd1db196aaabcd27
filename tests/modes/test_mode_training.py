"""Training: the expected action goes through; anything else is stopped, with help."""

from __future__ import annotations

from rich.cells import cell_len
from textual.containers import Vertical
from textual.widgets import Button

from screens.base import PhoneScreen
from screens.business import BusinessMenuScreen
from screens.main import BusinessScreen, HomeScreen
from tui_app.flows import model as m
from tui_app.modes import targets
from tui_app.modes.commands import lesson_commands
from tui_app.modes.panel import TARGET_CLASS, ChoiceDialog
from tui_app.modes.training import ACTIVE, Trainer, start_training_in

SIZE = (140, 40)
"""Wide enough for the side panel beside the phone."""
REMIT, SEAL, ADJUST = 8, 10, 13


def tab(app, label: str) -> Button:
    return next(b for b in app.screen.query(".tab") if str(b.label) == label)


def waiting_for(trainer: Trainer, verb: str, what: str):
    def ready() -> bool:
        step = trainer.step
        return step is not None and step.verb == verb and what in step.text

    return ready


async def test_a_wrong_tap_is_stopped_and_the_help_grows_over_three_mistakes(
    make_app, lessons, click, wait_for
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        trainer = Trainer(app, lessons, on_leave=app.exit)
        trainer.begin(REMIT)
        await wait_for(pilot, waiting_for(trainer, "tap", "业务办理"))
        assert trainer.panel.progress == "第 1/6 步"
        assert trainer.panel.hint == "点击底部的《业务办理》"

        await click(pilot, tab(app, "个人中心"))
        assert isinstance(app.screen, HomeScreen), "the wrong tap must not go through"
        assert trainer.mistakes == 1
        assert trainer.panel.help == "这一步是：点击底部的《业务办理》"
        assert not app.screen.query(f".{TARGET_CLASS}")

        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        assert trainer.mistakes == 2
        target = tab(app, "业务办理")
        assert target.has_class(TARGET_CLASS)
        target.focus()
        await pilot.pause()
        assert target.styles.text_style.reverse, "focus must show on the highlight"

        await click(pilot, tab(app, "首页"))
        assert trainer.mistakes == 3
        assert trainer.panel.help == "请点击《业务办理》"
        shown = " ".join(str(w.render()) for w in app.screen.query("#side Static"))
        assert "请点击《业务办理》" in shown

        await click(pilot, tab(app, "业务办理"))
        await wait_for(pilot, waiting_for(trainer, "tap", "灵活就业人员业务办理"))
        assert isinstance(app.screen, BusinessScreen)
        assert trainer.panel.progress == "第 2/6 步"
        assert trainer.panel.help == ""
        assert not app.screen.query(f".{TARGET_CLASS}")


async def test_arrow_keys_along_the_tabs_move_focus_and_are_no_mistake(
    make_app, lessons, wait_for
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        trainer = Trainer(app, lessons, on_leave=app.exit)
        trainer.begin(REMIT)
        await wait_for(pilot, waiting_for(trainer, "tap", "业务办理"))
        tab(app, "首页").focus()
        await pilot.pause()

        await pilot.press("right")
        assert app.focused is tab(app, "业务办理")
        await pilot.press("left")
        assert app.focused is tab(app, "首页")
        assert trainer.mistakes == 0
        assert isinstance(app.screen, HomeScreen)


async def test_the_expected_keys_and_clicks_finish_the_lesson_with_a_summary(
    make_app, lessons, click, wait_for
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        trainer = Trainer(app, lessons, on_leave=app.exit)
        trainer.begin(SEAL)
        for label in ("业务办理", "灵活就业人员业务办理", "封存", "完成办理", "完成"):
            await wait_for(pilot, waiting_for(trainer, "tap", label))
            step = m.Tap(0, "", label=label)
            # The trainer waits for the step before the new page has drawn it.
            await wait_for(pilot, lambda s=step: targets.find_target(app, s))
            target = targets.find_target(app, step)
            assert target is not None
            if label == "灵活就业人员业务办理":
                target.focus()  # by keyboard this time
                await pilot.press("enter")
            else:
                await click(pilot, target)

        await wait_for(pilot, lambda: trainer.panel.progress == "已完成")
        assert isinstance(app.screen, BusinessMenuScreen), "the last page shows first"
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        assert app.sim.current_account().status == "封存"
        [score] = trainer.scores
        assert (score.lesson, score.mistakes, score.hints) == (SEAL, 0, 0)
        lines = " ".join(str(s.render()) for s in app.screen.query("Static"))
        assert "错误操作 0 次" in lines and "使用提示 0 次" in lines and "用时" in lines

        await click(pilot, app.screen.query_one("#next", Button))
        await wait_for(pilot, waiting_for(trainer, "tap", "业务办理"))
        assert trainer.lesson is not None and trainer.lesson.number == SEAL + 1


async def test_an_input_step_waits_for_the_trainee_to_type_the_text(
    make_app, lessons, click, wait_for
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        trainer = Trainer(app, lessons, on_leave=app.exit)
        trainer.begin(ADJUST)
        for label in ("业务办理", "灵活就业人员业务办理", "月缴存额调整"):
            await wait_for(pilot, waiting_for(trainer, "tap", label))
            step = m.Tap(0, "", label=label)
            await wait_for(pilot, lambda s=step: targets.find_target(app, s))
            await click(pilot, targets.find_target(app, step))
        await wait_for(pilot, waiting_for(trainer, "input", "调整后月缴存额"))
        await wait_for(pilot, lambda: targets.find_target(app, trainer.step))

        await pilot.press("f1", "f1", "f1")
        assert trainer.hints == 3 and trainer.mistakes == 0
        assert trainer.panel.help == "请在《调整后月缴存额》中输入 800"

        field = targets.find_target(app, trainer.step)
        await click(pilot, field)
        await pilot.press("8", "0")
        assert trainer.step is not None and trainer.step.verb == "input"
        await pilot.press("0")
        await wait_for(pilot, waiting_for(trainer, "tap", "完成办理"))


async def test_the_palette_starts_a_lesson_in_the_running_app_and_gives_it_back(
    make_app, wait_for
) -> None:
    titles = [command.title for command in lesson_commands()]
    assert titles[0] == "开始课程：首次启动" and "开始课程：汇缴" in titles

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        own_sim = app.sim
        start_training_in(app, REMIT)
        trainer = ACTIVE[app]
        await wait_for(pilot, waiting_for(trainer, "tap", "业务办理"))
        assert app.sim is not own_sim
        assert isinstance(app.screen, PhoneScreen)

        trainer.leave()
        await pilot.pause()
        assert app.sim is own_sim and app.event_filter is None
        assert app not in ACTIVE


async def keyboard_trainee(pilot, trainer: Trainer) -> None:
    """Does each step as a keyboard user would: Tab to the control, then act."""
    app = pilot.app
    while not isinstance(app.screen, ChoiceDialog):
        step = trainer.step
        if step is None:
            await pilot.pause(0.05)
            continue
        if isinstance(step, m.Swipe):
            await pilot.press("right" if step.direction == "left" else "left")
            continue
        for _ in range(20):
            target = targets.find_target(app, step)
            if target is not None and app.focused is target:
                break
            await pilot.press("tab")
        assert app.focused is target, f"cannot reach {step.text} with Tab"
        if isinstance(step, m.Tap):
            await pilot.press("enter")
        elif isinstance(step, m.Input):
            await pilot.press(*trainer.typed)
        elif isinstance(step, m.Choose):
            options = [str(prompt) for prompt, _ in target._options]
            wanted = next(i for i, o in enumerate(options) if o.startswith(step.option))
            current = next(
                (i for i, (_, v) in enumerate(target._options) if v == target.value), 0
            )
            await pilot.press("enter", *["down"] * (wanted - current), "enter")
        await pilot.pause(0.1)
    # A lesson that could not go on ends on a dialog too; say why it stopped.
    assert not trainer.panel.error, trainer.panel.error


async def test_swipes_dialogs_and_selects_can_all_be_done_from_the_keyboard(
    make_app, lessons, wait_for
) -> None:
    for number in (1, 7):  # 首次启动 (swipes, dialogs), 转入灵活就业预约 (selects)
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            trainer = Trainer(app, lessons, on_leave=app.exit)
            trainer.begin(number)
            await keyboard_trainee(pilot, trainer)
            [score] = trainer.scores
            assert (score.lesson, score.mistakes) == (number, 0)


async def test_the_summary_shows_all_four_buttons_whole_at_120x40_and_100x36(
    make_app, lessons, wait_for
) -> None:
    for size in ((120, 40), (100, 36)):
        app = make_app()
        async with app.run_test(size=size) as pilot:
            trainer = Trainer(app, lessons, on_leave=app.exit, look_seconds=0)
            trainer.begin(1)
            await keyboard_trainee(pilot, trainer)
            await pilot.pause()

            box = app.screen.query_one(Vertical)
            buttons = list(app.screen.query(Button))
            labels = [str(button.label) for button in buttons]
            assert labels == ["重新练习", "下一课", "选择课程", "结束培训"]
            for button, label in zip(buttons, labels, strict=True):
                assert box.region.contains_region(button.region), (size, label)
                assert button.content_region.width >= cell_len(label), (size, label)
            assert app.screen.region.contains_region(box.region), size
