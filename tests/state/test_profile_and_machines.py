"""PRODUCT §11 city profile as data; the life-cycle machines and their diagrams."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from state import machines
from state.models import Account, AppState
from state.profile import DEFAULT_PROFILE, ProfileError, default_profile, load_profile


def test_taiyuan_profile_values() -> None:
    profile = default_profile()
    assert profile.city == "太原市"
    assert (profile.amount_low, profile.amount_high) == (215, 6984)
    assert profile.adjustment_month == 7
    assert str(profile.interest.annual_rate_percent) == "1.5"
    assert profile.interest.settlement_date(2026) == date(2026, 6, 30)
    assert date(2026, 10, 1) in profile.holidays
    assert not profile.is_working_day(date(2026, 10, 7))
    assert profile.is_working_day(date(2026, 10, 8))


def write_profile(tmp_path: Path, **changes: object) -> Path:
    raw = json.loads(DEFAULT_PROFILE.read_text(encoding="utf-8"))
    raw.update(changes)
    path = tmp_path / "city.json"
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    return path


def test_another_city_is_only_data(tmp_path: Path) -> None:
    path = write_profile(
        tmp_path, city="大同市", deposit_base={"low": 2000, "high": 20000}
    )
    profile = load_profile(path)
    assert (profile.city, profile.amount_low, profile.amount_high) == (
        "大同市",
        200,
        4800,
    )


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"adjustment_month": 13}, "adjustment_month"),
        ({"deposit_base": {"low": 3000, "high": 2000}}, "deposit_base"),
        ({"holidays": ["2026-02-30"]}, "holidays"),
        ({"unknown_field": 1}, "unknown_field"),
        (
            {
                "payment_window": {
                    "first_day": 1,
                    "last_day": 25,
                    "opens": "17:00",
                    "closes": "08:00",
                }
            },
            "payment_window",
        ),
    ],
)
def test_a_bad_profile_says_what_is_wrong(
    tmp_path: Path, changes: dict, words: str
) -> None:
    with pytest.raises(ProfileError, match=words):
        load_profile(write_profile(tmp_path, **changes))


def test_a_missing_or_broken_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="cannot read"):
        load_profile(tmp_path / "none.json")
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(ProfileError, match="not valid JSON"):
        load_profile(broken)


def test_machines_export_as_dot_diagrams() -> None:
    dot = machines.to_dot(machines.AccountStatusMachine)
    assert dot.startswith("digraph AccountStatusMachine {")
    assert '"normal" -> "sealed" [label="seal"];' in dot
    assert '"sealed" -> "closed" [label="close"];' in dot
    assert '"closed" [label="销户", peripheries=2];' in dot
    for machine in machines.machines():
        assert machines.to_dot(machine).rstrip().endswith("}")


def test_machines_export_as_mermaid() -> None:
    assert "stateDiagram-v2" in machines.to_mermaid(machines.OnboardingMachine)


def test_status_moves_only_along_the_machine() -> None:
    assert machines.transitions(machines.AccountStatusMachine) == {
        ("正常", "封存"),
        ("封存", "正常"),
        ("封存", "销户"),
    }
    account = Account(
        account_no="10100000001", id_number="x", name="李强", kind="灵活就业",
        status="销户", branch="小店分理处", phone="13812340001", card_tail="0001",
    )  # fmt: skip
    with pytest.raises(machines.TransitionNotAllowed):
        machines.fire(machines.AccountStatusMachine, account, "status", "unseal")
    assert account.status == "销户"


def test_the_stored_value_is_the_machines_state() -> None:
    state = AppState(onboarding="location")
    assert machines.can(
        machines.OnboardingMachine, state, "onboarding", "answer_location"
    )
    assert not machines.can(machines.OnboardingMachine, state, "onboarding", "agree")
    machines.fire(machines.OnboardingMachine, state, "onboarding", "answer_location")
    assert state.onboarding == "city"
