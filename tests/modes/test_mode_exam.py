"""Assessment: the goal decides, whatever the route; results are stored and reported."""

from __future__ import annotations

import csv

from textual.widgets._footer import FooterKey

from state.assessments import list_assessments
from state.storage import Database
from tui_app.cli import main
from tui_app.flows import model as m
from tui_app.modes.exam import Exam, is_refusal
from tui_app.modes.panel import ChoiceDialog

SIZE = (140, 40)
ALIPAY, SEAL = 4, 10


def tap(label: str) -> m.Tap:
    return m.Tap(0, f"tap: {label}", label=label)


async def sit(make_app, lessons, wait_for, numbers, steps, keys, results, name="小明"):
    """Sit the lessons: do `steps` with a driver, then press `keys` (F10, F9)."""
    app = make_app()
    chosen = [lesson for lesson in lessons if lesson.number in numbers]
    async with app.run_test(size=SIZE) as pilot:
        exam = Exam(app, chosen, name, results, on_leave=app.exit)
        exam.begin()
        await pilot.pause()
        assert exam.panel.task == f"任务：{chosen[0].task}"
        assert exam.panel.timer.startswith("用时 ")
        assert not exam.panel.hint and not exam.panel.help
        keys_shown = {key.key for key in app.screen.query(FooterKey)}
        assert "f2" not in keys_shown and "ctrl+q" in keys_shown, "closed keys hide"
        driver = exam.session.driver(app, 5.0)
        for step in steps:
            await driver.run(step)
            # A person reads a refusal before going on; the driver would clear it
            # with its next step before the exam's next look at the notifications.
            await pilot.pause(0.3)
        await pilot.press(*keys)
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        return exam


async def test_a_trainee_who_reaches_the_goal_by_another_route_passes(
    make_app, lessons, wait_for, tmp_path
) -> None:
    # The lesson goes 个人中心 → 立即登录; this trainee taps 业务办理, is refused
    # with 请先登录 and lands on the login page all the same.
    results = Database(tmp_path / "results.json")
    route = [tap("业务办理"), tap("支付宝授权登录"), tap("确认"), tap("仅使用期间允许")]
    route += [tap("开始识别")]
    exam = await sit(make_app, lessons, wait_for, {ALIPAY}, route, ["f10"], results)

    [record] = exam.results
    assert record.passed and not record.gave_up and record.reason == ""
    assert (record.trainee, record.lesson_number, record.lesson) == (
        "小明",
        ALIPAY,
        "支付宝授权登录",
    )
    assert record.refusals == 1, "请先登录 is a refusal; 登录成功 is not"
    assert record.wrong_actions == 1, "业务办理 is not on the lesson's route"
    assert list_assessments(results) == [record]


async def test_a_trainee_who_does_not_reach_the_goal_fails_and_giving_up_fails(
    make_app, lessons, wait_for, tmp_path
) -> None:
    results = Database(tmp_path / "results.json")
    steps = [tap("业务办理"), tap("灵活就业人员业务办理"), tap("封存")]
    exam = await sit(make_app, lessons, wait_for, {SEAL}, steps, ["f10"], results)
    [record] = exam.results
    assert not record.passed
    assert record.reason == "账户状态为 正常，应为 封存", "said in the trainer's words"

    exam = await sit(make_app, lessons, wait_for, {SEAL}, [], ["f9"], results, "李四")
    [record] = exam.results
    assert not record.passed and record.gave_up
    assert [r.trainee for r in list_assessments(results)] == ["小明", "李四"]


async def test_report_lists_what_an_assessment_stored(
    make_app, lessons, wait_for, tmp_path, capsys
) -> None:
    db_path = tmp_path / "gjj.json"
    steps = [tap("业务办理"), tap("灵活就业人员业务办理"), tap("封存"), tap("完成办理")]
    await sit(make_app, lessons, wait_for, {SEAL}, steps, ["f10"], Database(db_path))

    out_csv = tmp_path / "out" / "results.csv"
    assert main(["--db", str(db_path), "report", "--csv", str(out_csv)]) == 0
    printed = capsys.readouterr().out
    assert "小明" in printed and "10. 封存" in printed and "通过" in printed

    with out_csv.open(encoding="utf-8-sig") as handle:
        [row] = list(csv.DictReader(handle))
    assert row["学员"] == "小明" and row["课程"] == "封存" and row["课程编号"] == "10"
    assert row["结果"] == "通过" and row["多余操作"] == "0"


def test_success_messages_and_sms_are_not_refusals() -> None:
    assert is_refusal("账户已封存，请先办理启封")
    assert not is_refusal("登录成功")
    sms = "【太原公积金中心】您的验证码为123456，5分钟内有效，请勿泄露。"
    assert not is_refusal(sms)
