"""Every lesson is a flow script that passes on the real app, listed in manual order."""

from __future__ import annotations

import pytest

from state import texts
from tui_app.cli import main
from tui_app.flows import load_flow, run_flow
from tui_app.flows import model as m
from tui_app.flows.runner import RunOptions
from tui_app.modes import wording
from tui_app.modes.lessons import find_lesson, lesson_files

MANUAL_ORDER = [
    "首次启动",
    "开户申请（扫描身份证）",
    "开户申请（手动录入）",
    "支付宝授权登录",
    "刷脸实名登录",
    "注册",
    "转入灵活就业预约",
    "汇缴",
    "补缴",
    "封存",
    "启封",
    "信息变更",
    "月缴存额调整",
    "退出缴存提取",
]


def test_the_lessons_follow_the_printed_manual(lessons) -> None:
    assert [lesson.name for lesson in lessons] == MANUAL_ORDER
    for lesson in lessons:
        assert lesson.flow.task, f"{lesson.name} has no assessment task"
        assert lesson.flow.goal, f"{lesson.name} has no goal"
        assert lesson.flow.clock is not None
        acting = [s for s in lesson.flow.steps if s.verb in ("tap", "input", "choose")]
        assert all(step.hint for step in acting), f"{lesson.name}: a step lacks a hint"


RESULT_PAGES = (
    texts.APPLIED,
    texts.BOOKED,
    texts.TRADE_OK,
    texts.HANDLED_OK,
    texts.PHONE_CHANGED,
    texts.AMOUNT_ADJUSTED,
)


def test_a_lesson_ends_as_the_app_does_leaving_a_result_page_with_done(
    lessons,
) -> None:
    ended = 0
    for lesson in lessons:
        steps = lesson.flow.steps
        results = [
            place
            for place, step in enumerate(steps)
            if isinstance(step, m.See) and step.expected in RESULT_PAGES
        ]
        if not results:
            continue
        ended += 1
        after = steps[results[-1] + 1 :]
        acting = [step for step in after if wording.is_interactive(step)]
        assert [getattr(step, "label", "") for step in acting] == [texts.DONE]
        assert isinstance(after[-1], m.See), f"{lesson.name}: see where 完成 goes"
    assert ended == 10  # every lesson but the first launch and the three logins


def test_steps_are_numbered_by_what_the_trainee_does(lessons) -> None:
    onboarding = lessons[0].flow.steps
    numbers = wording.action_numbers(onboarding)
    acting = [n for n, step in zip(numbers, onboarding, strict=True) if n is not None]
    assert acting == list(range(1, 8))
    assert [step.verb for step in onboarding[:2]] == ["see", "tap"]
    assert numbers[:2] == [None, 1], "looking at a page is not a step"
    assert wording.progress(7, onboarding) == "第 7/7 步"


def test_the_carousel_hint_names_the_key(lessons) -> None:
    swipes = [step for step in lessons[0].flow.steps if step.verb == "swipe"]
    assert swipes and all("→" in step.hint for step in swipes)


def test_a_lesson_is_found_by_number_or_name(lessons) -> None:
    assert find_lesson("8", lessons).name == "汇缴"
    assert find_lesson("补缴", lessons).number == 9
    assert find_lesson("扫描", lessons).number == 2


def test_gjj_sim_lessons_lists_number_name_and_task(capsys) -> None:
    assert main(["lessons"]) == 0
    out = capsys.readouterr().out
    for number, name in enumerate(MANUAL_ORDER, 1):
        assert f"{number} " in out or f" {number}" in out
        assert name in out
    assert "为李强缴存本月" in out


@pytest.mark.parametrize("path", lesson_files(), ids=lambda path: path.stem)
async def test_lesson_passes_as_a_flow(path, tmp_path) -> None:
    result = await run_flow(load_flow(path), RunOptions(out_dir=tmp_path))
    failure = result.failure
    assert result.passed, f"{failure.where}: {failure.text}: {failure.reason}"
