"""The simulator in a web browser (`gjj-sim serve`), through textual-serve.

textual-serve starts one process per browser session with the command it is given.
That command is this module's `--session` entry point, which makes a new database
holding the demo data for each visitor and removes it when the session ends, so
visitors never see each other's changes.

The page is textual-serve's own, with two changes made when the server starts: the
Google Fonts stylesheet it links is removed (the page must load nothing from outside),
and the terminal's font family `Roboto Mono` is declared locally — the Roboto Mono
file textual-serve ships for Latin text, and a Chinese font installed on the
visitor's machine (Noto Sans Mono CJK SC and the like) for Chinese text.

    python -m tui_app.serve --session SESSIONS_DIR    # what textual-serve runs
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

SESSIONS_ENV = "GJJ_SIM_SERVE_SESSIONS"
"""Folder for the per-session databases; a new temporary one when unset."""
SESSION_DB = "gjj-sim.json"
PID_FILE = "pid"
TEMPLATE = "app_index.html"

_EXTERNAL_STYLESHEET = re.compile(r"<link[^>]*href=\"https?://[^\"]*\"[^>]*/?>", re.S)
_EXTERNAL_URL = re.compile(r"(?:src|href)=\"(?:https?:)?//", re.I)

CJK_RANGES = (
    "U+2E80-2FFF, U+3000-303F, U+3040-33FF, U+3400-4DBF, U+4E00-9FFF, "
    "U+F900-FAFF, U+FE30-FE4F, U+FF00-FFEF, U+20000-2FA1F"
)
LOCAL_CJK = {
    "Regular": (
        "Noto Sans Mono CJK SC", "NotoSansMonoCJKsc-Regular", "Noto Sans CJK SC",
        "NotoSansCJKsc-Regular", "WenQuanYi Zen Hei Mono", "PingFang SC",
        "Microsoft YaHei",
    ),
    "Bold": (
        "Noto Sans Mono CJK SC Bold", "NotoSansMonoCJKsc-Bold", "Noto Sans CJK SC Bold",
        "NotoSansCJKsc-Bold", "WenQuanYi Zen Hei Mono", "PingFang SC Semibold",
        "Microsoft YaHei Bold",
    ),
}  # fmt: skip
"""Chinese fonts looked for on the visitor's machine, by full and PostScript name."""
WEIGHTS = {"Regular": "100 500", "Bold": "600 900"}


def _font_faces() -> str:
    """'Roboto Mono' as textual-serve's Latin file plus a local Chinese font.

    Each weight range gets both faces with the same descriptors, so the browser
    treats them as one font and takes Chinese glyphs from the CJK face.
    """
    roboto = "{{ config.static.url }}fonts/RobotoMono-VariableFont_wght.ttf"
    faces = []
    for style, weight in WEIGHTS.items():
        local = ", ".join(f'local("{name}")' for name in LOCAL_CJK[style])
        faces.append(
            f'@font-face {{ font-family: "Roboto Mono"; font-weight: {weight};\n'
            f'  src: url("{roboto}") format("truetype"); }}\n'
            f'@font-face {{ font-family: "Roboto Mono"; font-weight: {weight};\n'
            f"  src: {local};\n  unicode-range: {CJK_RANGES}; }}"
        )
    return "\n".join(faces)


FONT_STYLE = f"""
    <style>
/* The terminal asks for 'Roboto Mono' (textual.js); it is served from here. */
{_font_faces()}
.font-warmup {{ font-family: "Roboto Mono"; position: absolute; visibility: hidden; }}
    </style>
"""
WARM_UP = """
    <!-- Canvas text does not load a web font by itself: load every face with the
         page, so the terminal measures and draws its cells with them. -->
    <div class="font-warmup" aria-hidden="true">W 手机公积金<b>W 手机公积金</b></div>
"""


def page_template(original: str) -> str:
    """textual-serve's page with local fonts only, in Chinese; refuse anything else."""
    page = _EXTERNAL_STYLESHEET.sub("", original)
    page = page.replace("<html>", '<html lang="zh-CN">', 1)
    page = page.replace("<head>", '<head>\n    <meta charset="utf-8">' + FONT_STYLE, 1)
    page = re.sub(r"<body([^>]*)>", lambda m: m.group(0) + WARM_UP, page, count=1)
    if _EXTERNAL_URL.search(page):
        raise RuntimeError("the textual-serve page still loads something from outside")
    return page


def write_template(folder: Path) -> Path:
    """Write the page template into `folder`; returns the folder."""
    import textual_serve

    original = Path(textual_serve.__file__).parent / "templates" / TEMPLATE
    folder.mkdir(parents=True, exist_ok=True)
    text = page_template(original.read_text(encoding="utf-8"))
    (folder / TEMPLATE).write_text(text, encoding="utf-8")
    return folder


def session_command(sessions: Path) -> str:
    """The shell command textual-serve runs for each browser session."""
    python = shlex.quote(sys.executable)
    return f"{python} -m tui_app.serve --session {shlex.quote(str(sessions))}"


def serve(
    host: str = "127.0.0.1", port: int = 8000, public_url: str | None = None
) -> int:
    """Serve the simulator until interrupted; each visitor gets their own database.

    The page's links and websocket are built from `public_url`, or else from host
    and port, which is wrong for 0.0.0.0: give the address other machines use.
    """
    from textual_serve.server import Server

    from state import texts

    work = Path(tempfile.mkdtemp(prefix="gjj-serve-"))
    given = os.environ.get(SESSIONS_ENV)
    sessions = Path(given) if given else work / "sessions"
    sessions.mkdir(parents=True, exist_ok=True)
    try:
        server = Server(
            session_command(sessions),
            host=host,
            port=port,
            title=texts.APP_NAME,
            public_url=public_url.rstrip("/") if public_url else None,
            templates_path=write_template(work / "templates"),
        )
        server.serve()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def run_session(sessions: Path) -> int:
    """One visitor: a new database with the demo data, removed when they leave."""
    from state.storage import StorageError
    from tui_app.app import GjjApp
    from tui_app.cli import open_simulator, setup_logging

    setup_logging("WARNING")
    sessions.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="session-", dir=sessions))
    (folder / PID_FILE).write_text(str(os.getpid()), encoding="utf-8")
    try:
        sim = open_simulator(folder / SESSION_DB, None)
        GjjApp(sim).run()
    except StorageError as error:
        print(f"无法打开数据文件：{error}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tui_app.serve")
    parser.add_argument("--session", type=Path, required=True, metavar="SESSIONS_DIR")
    return run_session(parser.parse_args(argv).session)


if __name__ == "__main__":
    sys.exit(main())
