"""The matching rules of FLOWS.md, driven against the stand-in app."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from standin import STORES, FakeSim, StandInApp, standin_options

from state.clock import SimClock
from tui_app.flows import FlowResult, StepDriver, StepFailed, parse_flow, run_flow

HEADER = 'name: 测试\nclock: "2026-03-10 09:30"\nsize: [100, 40]\nsteps:\n'


@dataclass
class Context:
    """The little a StepDriver needs from a run."""

    sim: FakeSim
    out_dir: Path

    def last_sms_code(self) -> str | None:
        inbox = self.sim.sms_inbox()
        return inbox[0].code if inbox else None


async def outcomes(tmp_path: Path, steps: str) -> list[str]:
    """Every step on one launch of the stand-in app: "ok" or why it failed."""
    flow = parse_flow(HEADER + steps, tmp_path / "case.yaml")
    STORES.clear()
    sim = FakeSim(tmp_path / "db.json", SimClock(flow.clock))
    app = StandInApp(sim)
    results = []
    async with app.run_test(size=flow.size, notifications=True) as pilot:
        driver = StepDriver(pilot, Context(sim, tmp_path), settle_seconds=0.1)
        for step in flow.steps:
            try:
                await driver.run(step)
                results.append("ok")
            except StepFailed as failure:
                results.append(str(failure))
    return results


async def run(tmp_path: Path, steps: str, header: str = HEADER) -> FlowResult:
    flow = parse_flow(header + steps, tmp_path / "case.yaml")
    return await run_flow(flow, standin_options(tmp_path / "out"))


def reason(result: FlowResult) -> str:
    assert result.failure is not None, "the flow was expected to fail"
    return result.failure.reason


async def test_tap_activates_the_one_enabled_control_with_exactly_that_label(
    tmp_path,
):
    assert await outcomes(
        tmp_path,
        "  - tap: 登录\n  - see: 已点击登录\n"
        "  - tap: 登\n  - tap: 重复\n  - tap: 禁用\n",
    ) == [
        "ok",
        "ok",
        "no control labelled '登'; visible controls: 登录, 重复, 禁用, 对话框, 短信, "
        "闪现, 崩溃, 我已阅读并同意, 底部按钮",
        "2 controls are labelled '重复'",
        "the control '禁用' is disabled",
    ]


async def test_hidden_widgets_and_the_side_panel_never_count(tmp_path):
    results = await outcomes(
        tmp_path,
        "  - tap: 隐藏按钮\n  - tap: 侧栏按钮\n  - not_see: 隐藏文字\n"
        "  - not_see: 侧栏文字\n  - not_see: 第2页\n  - see: 第1页\n",
    )
    assert results[0].startswith("no control labelled '隐藏按钮'")
    assert results[1].startswith("no control labelled '侧栏按钮'")
    assert results[2:] == ["ok"] * 4


async def test_controls_scrolled_out_of_view_count_and_are_tapped(tmp_path):
    assert (
        await outcomes(
            tmp_path, "  - see: 填充行11\n  - tap: 底部按钮\n  - see: 已点击底部按钮\n"
        )
        == ["ok"] * 3
    )


async def test_title_and_footer_hints_are_seen_but_not_tapped(tmp_path):
    results = await outcomes(
        tmp_path,
        "  - see: 首页\n  - see: 刷新\n  - not_see: 上一页\n"
        "  - tap: 首页\n  - tap: 刷新\n",
    )
    assert results[:3] == ["ok"] * 3
    assert results[3].startswith("no control labelled '首页'")
    assert results[4].startswith("no control labelled '刷新'")


async def test_while_a_dialog_is_open_only_it_counts(tmp_path):
    results = await outcomes(
        tmp_path,
        "  - tap: 对话框\n  - see: 确认提交吗\n  - not_see: 首页\n  - see: 关闭\n"
        "  - not_see: 刷新\n  - tap: 登录\n  - tap: 确定\n  - see: 对话框：确定\n",
    )
    assert results[:5] == ["ok"] * 5
    assert results[5] == "no control labelled '登录'; visible controls: 确定, 取消"
    assert results[6:] == ["ok", "ok"]


async def test_see_finds_part_of_a_text_ignoring_wrapping(tmp_path):
    # LONG_TEXT wraps inside the 44-cell phone; a part across the break matches.
    results = await outcomes(
        tmp_path, "  - see: 说明文字用于测试折行以后仍然\n  - see: 不存在的文字\n"
    )
    assert results[0] == "ok"
    assert results[1].startswith("'不存在的文字' is not on the screen; visible text: ")
    assert "首页" in results[1]


async def test_notifications_count_until_the_next_acting_step(tmp_path):
    assert (
        await outcomes(
            tmp_path,
            "  - tap: 登录\n  - see: 点击了登录\n  - see: 点击了登录\n"
            "  - press: escape\n  - not_see: 点击了登录\n  - see: 返回了\n"
            "  - clock: '2026-03-11 09:00'\n  - not_see: 返回了\n",
        )
        == ["ok"] * 8
    )


async def test_notifications_do_not_expire_during_a_run(tmp_path):
    result = await run(tmp_path, "  - tap: 闪现\n  - see: 一闪而过\n")
    assert result.passed, result.failure


async def test_input_replaces_the_text_typed_verbatim(tmp_path):
    assert await outcomes(
        tmp_path,
        "  - input: {field: 姓名, text: 张三}\n"
        '  - input: {field: 姓名, text: " 李 强 "}\n'
        "  - see: 输入姓名： 李 强 \n"
        "  - input: {field: 手机号, text: 138a0000000123}\n"
        "  - see: 输入手机号：13800000001\n"
        "  - input: {field: 密码, text: x}\n",
    ) == ["ok"] * 5 + [
        "no input field labelled '密码'; visible input fields: 姓名, 手机号"
    ]


async def test_choose_takes_an_exact_option_or_a_unique_prefix(tmp_path):
    results = await outcomes(
        tmp_path,
        "  - choose: {field: 日期, option: 2026-03-12}\n  - see: 已选：d12\n"
        "  - choose: {field: 日期, option: 2026-03-1}\n  - see: 已选：d1\n"
        "  - choose: {field: 日期, option: 2026-03-13}\n"
        "  - choose: {field: 日期, option: 2026-03-16 周一（已约满）}\n"
        "  - see: 已选：d1\n",
    )
    assert results[:4] == ["ok"] * 4
    assert results[4] == (
        "select '日期': no option '2026-03-13'; the options are: "
        "2026-03-11 周三, 2026-03-12 周四, 2026-03-1, 2026-03-16 周一（已约满）"
    )
    assert results[5:] == [
        "select '日期': the option '2026-03-16 周一（已约满）' is disabled",
        "ok",
    ]


async def test_checkbox_is_tapped_by_its_label(tmp_path):
    assert await outcomes(tmp_path, "  - tap: 我已阅读并同意\n  - see: 已勾选\n") == [
        "ok",
        "ok",
    ]


async def test_swipe_left_shows_the_next_page(tmp_path):
    assert (
        await outcomes(
            tmp_path,
            "  - swipe: left\n  - see: 第2页\n  - not_see: 第1页\n"
            "  - swipe: right\n  - see: 第1页\n",
        )
        == ["ok"] * 5
    )


async def test_sms_placeholder_is_the_last_code_sent(tmp_path):
    assert (
        await outcomes(
            tmp_path,
            "  - see: ${sms}\n  - tap: 短信\n  - see: 验证码已发送\n"
            '  - input: {field: 姓名, text: "${sms}"}\n  - see: 输入姓名：123456\n',
        )
        == ["${sms} is used, but no SMS code was sent during the run"] + ["ok"] * 4
    )


async def test_start_prepares_the_simulator_then_restart_relaunches(tmp_path):
    STORES.clear()
    FakeSim.launches = 0
    header = HEADER.replace("size", "start: {login: 李强}\nsize")
    result = await run(
        tmp_path,
        '  - counter: process\n  - restart: true\n  - clock: "2026-04-01 08:00"\n'
        "  - tap: 登录\n",
        header,
    )
    assert result.passed, result.failure
    assert FakeSim.launches == 2
    (store,) = STORES.values()
    assert store.events == ["demo@2026-03-10 09:30", "home", "counter"]
    assert store.logged_in == "李强"


async def test_a_start_that_cannot_be_made_fails_the_flow(tmp_path):
    header = HEADER.replace("size", "start: {login: 周杰}\nsize")
    result = await run(tmp_path, "  - see: 首页\n", header)
    assert result.failure is not None and result.failure.where == "start"
    assert "KeyError" in result.failure.reason


async def test_account_and_appointment_goals_compare_stored_values(tmp_path):
    header = HEADER.replace("size", "start: {login: 李强}\nsize")
    goal = (
        "  - see: 首页\ngoal:\n"
        "  - account: {status: 正常, balance: 6500.00, monthly_amount: 500}\n"
        "  - appointment: {kind: 开户, date: 2026-03-11}\n"
    )
    assert (await run(tmp_path, goal, header)).passed
    wrong = goal.replace("6500.00", "6400.00")
    result = await run(tmp_path, wrong, header)
    assert result.failure.where == "goal 1"
    assert reason(result) == "account.balance is '6500.00', expected '6400.00'"


async def test_an_app_crash_fails_the_step_instead_of_the_run(tmp_path):
    result = await run(tmp_path, "  - tap: 登录\n  - tap: 崩溃\n  - see: 首页\n")
    assert result.failure is not None and result.failure.where == "step 2"
    assert reason(result) == "the app crashed: RuntimeError: boom"
