"""PRODUCT §2: the first launch, resumed step by step, and the camera prompt."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from state.clock import SimClock
from state.simulator import Simulator
from state.storage import Database
from tests.state.conftest import at


def fresh(path: Path) -> Simulator:
    return Simulator(
        Database(path), SimClock(at("2026-03-10 09:30")), rng=random.Random(1)
    )


def test_a_fresh_install_starts_at_the_agreement(tmp_path: Path) -> None:
    state = fresh(tmp_path / "db.json").app_state()
    assert (state.onboarding, state.city, state.user, state.camera) == (
        "agreement",
        None,
        None,
        None,
    )


def test_each_step_is_saved_and_a_relaunch_resumes_it(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    fresh(path).agree()
    assert fresh(path).app_state().onboarding == "intro"
    fresh(path).finish_intro()
    assert fresh(path).app_state().onboarding == "location"
    fresh(path).answer_location(True)
    state = fresh(path).app_state()
    assert (state.onboarding, state.located) == ("city", True)
    assert fresh(path).choose_city("太原市").ok
    state = fresh(path).app_state()
    assert (state.onboarding, state.city) == ("done", "太原市")


def test_disagree_stays(tmp_path: Path) -> None:
    sim = fresh(tmp_path / "db.json")
    assert sim.disagree().message == "需同意用户协议与隐私政策后才能使用"
    assert sim.app_state().onboarding == "agreement"


def test_location_refused_means_choosing_by_hand(tmp_path: Path) -> None:
    sim = fresh(tmp_path / "db.json")
    sim.agree()
    sim.finish_intro()
    sim.answer_location(False)
    assert (sim.app_state().onboarding, sim.app_state().located) == ("city", False)


@pytest.mark.parametrize("city", ["大同市", "吕梁市", "北京市"])
def test_only_taiyuan_is_served(tmp_path: Path, city: str) -> None:
    sim = fresh(tmp_path / "db.json")
    sim.skip_onboarding()
    assert sim.choose_city(city).message == "该城市暂未开通"


def test_steps_repeated_out_of_order_change_nothing(tmp_path: Path) -> None:
    sim = fresh(tmp_path / "db.json")
    sim.agree()
    before = sim.db.path.read_bytes()
    assert sim.agree().ok
    assert sim.answer_location(True).ok
    assert sim.db.path.read_bytes() == before


def test_skip_is_the_flow_start_home(tmp_path: Path) -> None:
    sim = fresh(tmp_path / "db.json")
    sim.skip_onboarding()
    state = sim.app_state()
    assert (state.onboarding, state.located, state.city) == ("done", True, "太原市")
    assert sim.camera_needed()


def test_camera_allowed_while_using_is_remembered(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    sim = fresh(path)
    assert sim.camera_needed()
    assert sim.answer_camera("仅使用期间允许").ok
    assert not sim.camera_needed()
    assert not fresh(path).camera_needed()


def test_camera_allowed_once_is_asked_again_next_launch(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    sim = fresh(path)
    assert sim.answer_camera("仅本次允许").ok
    assert not sim.camera_needed()
    assert fresh(path).camera_needed()


def test_camera_denied_is_refused_and_asked_again(tmp_path: Path) -> None:
    sim = fresh(tmp_path / "db.json")
    assert sim.answer_camera("禁止").message == "需要相机权限才能进行人脸识别"
    assert sim.app_state().camera == "禁止"
    assert sim.camera_needed()


def test_factory_reset_keeps_data(tmp_path: Path) -> None:
    sim = fresh(tmp_path / "db.json")
    sim.load_demo()
    sim.skip_onboarding()
    sim.answer_camera("仅使用期间允许")
    sim.login_as("李强")
    sim.factory_reset()
    state = sim.app_state()
    assert (state.onboarding, state.located, state.city, state.camera, state.user) == (
        "agreement",
        False,
        None,
        None,
        None,
    )
    assert sim.camera_needed()
    assert len(sim.face_names()) == 8
