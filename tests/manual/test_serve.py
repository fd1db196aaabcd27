"""`gjj-sim serve`: a loopback browser gets the simulator, on a database of its own.

The terminal is drawn by xterm.js on a canvas, so the page's DOM holds no app text.
What shows the app started, honestly: the browser receives the agreement page's title
over the session's websocket (recorded by wrapping `WebSocket` before the page's own
script runs), and the server made a new session database whose onboarding stands at
`agreement` (a copy of the demo data: the demo people are in it).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import aiohttp
import pytest
from chromium import Browser

from state import texts
from tui_app.serve import PID_FILE, SESSION_DB, SESSIONS_ENV, page_template

RECORD_SCREEN = r"""
window.gjjScreen = "";
(() => {
  const Native = window.WebSocket;
  const decoder = new TextDecoder();
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        window.gjjScreen += typeof event.data === "string"
          ? event.data
          : decoder.decode(new Uint8Array(event.data), { stream: true });
      });
    }
  };
})();
"""
AGREEMENT = "用户协议与隐私政策"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(tmp_path: Path, port: int, *options: str) -> Iterator[tuple[int, Path]]:
    """`gjj-sim serve` on `port`; stopped, with its sessions, after."""
    sessions = tmp_path / "sessions"
    env = {**os.environ, SESSIONS_ENV: str(sessions)}
    command = [sys.executable, "-m", "tui_app", "serve", "--port", str(port), *options]
    log = (tmp_path / "serve.log").open("wb")
    process = subprocess.Popen(
        command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    try:
        wait_listening(port, process)
        yield port, sessions
    finally:
        stop(process)
        for pid_file in sessions.glob(f"*/{PID_FILE}"):  # a session left running
            try:
                os.kill(int(pid_file.read_text()), signal.SIGKILL)
            except (ProcessLookupError, ValueError):
                pass
        log.close()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """`gjj-sim serve` on a free loopback port."""
    with serving(tmp_path, free_port()) as (port, sessions):
        yield f"http://127.0.0.1:{port}/", sessions


def wait_listening(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert process.poll() is None, "gjj-sim serve exited at start"
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise TimeoutError("gjj-sim serve did not listen within 30 s")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def session_state(sessions: Path) -> tuple[str, list[str]]:
    """The live session's onboarding step and its people, read through the domain."""
    from state.clock import SimClock
    from state.simulator import Simulator
    from state.storage import Database

    databases = list(sessions.glob(f"*/{SESSION_DB}"))
    assert len(databases) == 1, f"expected one session database, found {databases}"
    sim = Simulator(Database(databases[0]), SimClock(ticking=False))
    return sim.app_state().onboarding, sim.face_names()


async def test_browser_starts_the_simulator_on_its_own_demo_database(
    chromium: str, server: tuple[str, Path], tmp_path: Path
) -> None:
    url, sessions = server

    async with Browser(width=1200, height=900) as browser:
        await browser.send(
            "Page.addScriptToEvaluateOnNewDocument", source=RECORD_SCREEN
        )
        await browser.open(url)
        await browser.wait_for(f"window.gjjScreen.includes({AGREEMENT!r})", 30)
        await browser.wait_for("document.querySelector('.-connected') !== null")
        await browser.wait_for("document.fonts.status === 'loaded'")
        onboarding, people = session_state(sessions)
        fonts = await browser.evaluate(
            "[...document.fonts].map(f => f.family + ' ' + f.status)"
        )
        await browser.screenshot(tmp_path / "serve.png")
        requested = list(browser.requests)

    assert onboarding == "agreement"
    assert {"李强", "王芳", "赵敏", "孙伟", "周杰"} <= set(people)
    # Regular and bold: Latin from textual-serve's file, Chinese from a local font.
    assert fonts == ["Roboto Mono loaded"] * 4
    local = ("http://127.0.0.1:", "ws://127.0.0.1:", "data:")
    assert all(link.startswith(local) for link in requested), requested
    print(f"browser screenshot: {tmp_path / 'serve.png'}")


async def test_each_visitor_gets_a_new_database_removed_when_they_leave(
    server: tuple[str, Path],
) -> None:
    url, sessions = server
    socket_url = url.replace("http://", "ws://") + "ws?width=100&height=36"

    async with aiohttp.ClientSession() as client:
        first = await client.ws_connect(socket_url)
        second = await client.ws_connect(socket_url)
        deadline = time.monotonic() + 30
        while len(list(sessions.glob(f"*/{SESSION_DB}"))) < 2:
            assert time.monotonic() < deadline, "two sessions did not start"
            await first.receive(timeout=5)
        await first.close()
        await second.close()

    deadline = time.monotonic() + 30
    while list(sessions.iterdir()):
        assert time.monotonic() < deadline, "a session's database was left behind"
        time.sleep(0.2)


async def test_a_public_url_is_where_the_page_points_browsers(tmp_path: Path) -> None:
    # Listening on every address, the page must name the one visitors use.
    port = free_port()
    options = ("--host", "0.0.0.0", "--public-url", f"http://localhost:{port}/")
    with serving(tmp_path, port, *options):
        async with aiohttp.ClientSession() as client:
            async with client.get(f"http://127.0.0.1:{port}/") as response:
                page = await response.text()

    assert f"ws://localhost:{port}/ws" in page
    assert "0.0.0.0" not in page


def test_served_page_loads_nothing_from_outside() -> None:
    from importlib.resources import files

    original = (files("textual_serve") / "templates" / "app_index.html").read_text()
    assert "fonts.googleapis.com" in original  # what there is to remove

    page = page_template(original)
    assert "googleapis" not in page and "https://" not in page
    assert "RobotoMono-VariableFont_wght.ttf" in page
    assert "Noto Sans Mono CJK SC" in page
    assert texts.APP_NAME  # the page title comes from the app's name
