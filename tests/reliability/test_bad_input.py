"""Hostile text in every field of every page: no crash, literal, the rule's message.

Each page with inputs is opened as a person would reach it; each payload is typed (or
pasted, where it cannot be typed) into every input, then every button of the page is
pressed. The app must keep running, markup must show as typed, and the button that
checks the fields must answer with the message PRODUCT.md gives.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from textual import events
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Button, Input

from state import texts
from state.simulator import Simulator
from tui_app.app import GjjApp

MakeSim = Callable[..., Simulator]
LI_QIANG = "140105199003071234"
PAYLOADS = {
    "markup": "[bold]",
    "close-tag": "[/]",
    "colour": "[red]x[/red]",
    "ansi": "\x1b[31m红\x1b[0m",
    "control": "a\x00b\x07c\x08d\x7fe\tf",
    "long": "长" * 5_000 + "9" * 5_000,
    "full-width": "１３８１２３４０００１",
    "emoji": "😀👨‍👩‍👧‍👦🇨🇳",
}
PASTED = "13812340001\n[b]粘贴[/b]\x1b[2J"
"""A multi-line paste with markup and a clear-screen escape."""
TYPABLE = ("markup", "close-tag", "colour", "full-width", "emoji")


def open_page(label: str) -> Callable[[GjjApp], None]:
    def opener(app: GjjApp) -> None:
        from screens.face_login import FaceLoginScreen, PasswordScreen
        from screens.open_account import open_account_wizard
        from screens.operations import operation_screen
        from screens.register import RegisterScreen

        pages = {
            "register": lambda: app.open(RegisterScreen()),
            "face-login": lambda: app.open(FaceLoginScreen()),
            "password": lambda: app.open(PasswordScreen("李强", LI_QIANG)),
            "open-account": lambda: open_account_wizard(app),
            "change-phone": lambda: app.open(operation_screen(texts.CHANGE_PHONE)),
            "adjust-amount": lambda: app.open(operation_screen(texts.ADJUST)),
            "console": lambda: app.console_open or app.action_toggle_console(),
        }
        pages[label.removesuffix("-full-screen")]()

    return opener


@dataclass
class Page:
    start: str
    """fresh, home or the demo person logged in."""
    check_button: str
    """The label of the button that checks the fields."""
    message: str
    """What that button says for any of the payloads (a prefix)."""
    clock: str = "2026-03-10 09:30"
    first: str | None = None
    """A button to press before the fields show."""
    size: tuple[int, int] = (120, 40)


PAGES = {
    "register": Page("home", texts.REGISTER, texts.ID_INVALID),
    "face-login": Page("home", texts.NEXT, texts.ID_INVALID),
    "password": Page("home", texts.LOGIN, "密码错误"),
    "open-account": Page("home", texts.NEXT, texts.NAME_INVALID),
    "change-phone": Page("李强", texts.GET_CODE, texts.PHONE_INVALID, first="修改"),
    "adjust-amount": Page(
        "李强",
        texts.FINISH_HANDLING,
        "月缴存额须在215至6984元之间",
        clock="2026-07-10 09:30",
    ),  # fmt: skip
    # Beside the phone from 110 columns, a page of its own below that.
    "console": Page("李强", "设置时间", "时间格式应为 YYYY-MM-DD HH:MM"),
    "console-full-screen": Page(
        "李强", "设置时间", "时间格式应为 YYYY-MM-DD HH:MM", size=(100, 36)
    ),
}


def notifications(app: GjjApp) -> list[str]:
    return [str(note.message) for note in app._notifications]


async def fill(pilot: Pilot[None], field: Input, payload: str, typed: bool) -> None:
    field.focus()
    field.value = ""
    await pilot.pause(0)
    if typed:
        await pilot.press(*payload)
    else:
        field.post_message(events.Paste(payload))
    await pilot.pause(0)


def fields_of(name: str, page: Screen[object]) -> list[Input]:
    """The fields under test: the page's own, or the console's wherever it is drawn."""
    selector = "TrainerConsole Input" if name.startswith("console") else "Input"
    return list(page.query(selector).results(Input))


async def until(pilot: Pilot[None], shown: Callable[[], bool]) -> None:
    """Let the app run until `shown()` holds (a panel mounted after a resize, say)."""
    for _ in range(50):
        if shown():
            return
        await pilot.pause(0.02)


def buttons_of(screen: Screen[object]) -> list[Button]:
    return [
        button
        for button in screen.query(Button).results(Button)
        if button.id != "back" and not button.has_class("tab") and not button.disabled
    ]


async def back_to(pilot: Pilot[None], page: Screen[object]) -> bool:
    """Close what a button opened; False when the page itself is gone."""
    app = pilot.app
    while app.screen is not page:
        if page not in app.screen_stack:
            return False
        app.pop_screen()
        await pilot.pause(0)
    return True


async def open_fresh(pilot: Pilot[None], name: str) -> Screen[object]:
    app = pilot.app
    app.go_home()  # type: ignore[attr-defined]
    await pilot.pause(0)
    open_page(name)(app)  # type: ignore[arg-type]
    await pilot.pause(0)
    if name.startswith("console"):
        # The console is not part of the phone page: it is drawn once the side panel
        # is (beside the phone) or its own page is (below 110 columns).
        await until(pilot, lambda: bool(app.screen.query("TrainerConsole Input")))
    page = app.screen
    first = PAGES[name].first
    if first:
        [button] = [b for b in buttons_of(page) if b.label == first]
        button.press()
        await pilot.pause(0)
    return page


async def press_every_button(pilot: Pilot[None], page: Screen[object]) -> None:
    for button in buttons_of(page):
        if button.is_attached:
            button.press()
            await pilot.pause(0.05)
            assert pilot.app.is_running
            if not await back_to(pilot, page):
                return


@pytest.mark.parametrize("name", list(PAGES))
async def test_hostile_text_in_every_field(make_sim: MakeSim, name: str) -> None:
    spec = PAGES[name]
    app = GjjApp(make_sim(spec.start, spec.clock))
    async with app.run_test(size=spec.size) as pilot:
        page = await open_fresh(pilot, name)
        for label, payload in PAYLOADS.items():
            if page not in app.screen_stack:
                page = await open_fresh(pilot, name)
            fields = fields_of(name, page)
            assert fields, f"{name} shows no input"
            for number, field in enumerate(fields):
                # Keys are slow to send; every field gets markup typed key by key,
                # the first field every typable payload, and the rest are pasted.
                typed = label == "markup" or (number == 0 and label in TYPABLE)
                await fill(pilot, field, payload, typed=typed)
            if label in ("markup", "colour") and not all(f.password for f in fields):
                shown = app.export_screenshot()
                assert payload in shown, f"{name}: {payload} not shown as typed"

            app.clear_notifications()
            check = [b for b in buttons_of(page) if b.label == spec.check_button]
            assert check, f"{name}: no button {spec.check_button}"
            check[0].press()
            await pilot.pause(0.05)
            said = notifications(app)
            assert any(note.startswith(spec.message) for note in said), (
                f"{name} with {label}: {said}"
            )
            assert await back_to(pilot, page)
            if label in ("colour", "long"):
                await press_every_button(pilot, page)

        # A paste of several lines, with markup and an escape, into every field.
        page = await open_fresh(pilot, name)
        for field in fields_of(name, page):
            await fill(pilot, field, PASTED, typed=False)
        await press_every_button(pilot, page)
        assert app.is_running
