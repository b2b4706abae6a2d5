"""The served page and textual-serve's client script, fixed for factscope.

textual-serve's page fetches its font from a public font service (fails offline, and tells
the service who opens the page), leaves the terminal unfocused until a click (keys typed
first are lost) and loads two canvas renderers, neither of which draws the whole screen at
a device pixel ratio of 2. Our page declares the bundled Roboto Mono with ``@font-face``
and waits for it before the terminal measures its cells; the script is textual-serve's own
with :data:`PATCHES` applied, each checked to apply.
"""

from __future__ import annotations

import html
from functools import cache
from importlib.resources import files
from pathlib import Path

PATCHES: tuple[tuple[str, str, str], ...] = (
    (
        "renderer",
        "this.webglAddon=new p.WebglAddon,this.terminal.loadAddon(this.webglAddon),"
        "this.canvasAddon=new m.CanvasAddon,this.terminal.loadAddon(this.canvasAddon),",
        "",
    ),
    (
        "focus and font",
        'window.onload=e=>{const t=document.querySelectorAll(".textual-terminal")',
        "window.onload=async e=>{await document.fonts.load(\"16px 'Roboto Mono'\");"
        'const t=document.querySelectorAll(".textual-terminal")',
    ),
    (
        "focus and font",
        "t.forEach((e=>{const t=new w(e,{ping:r});t.fit(),s||t.connect()}))",
        "t.forEach((e=>{const t=new w(e,{ping:r});t.fit(),t.terminal.focus(),s||t.connect()}))",
    ),
    (
        "keys before the socket opens",
        'this.terminal.onData((e=>{this.socket.send(JSON.stringify(["stdin",e]))}))',
        'this.terminal.onData((e=>{const m=JSON.stringify(["stdin",e]);'
        "this.socket&&1===this.socket.readyState?this.socket.send(m)"
        ":(this.pending=this.pending||[]).push(m)}))",
    ),
    (
        "keys before the socket opens",
        'this.element.classList.add("-connected"),this.fit(),this.sendSize(),',
        'this.element.classList.add("-connected"),this.fit(),this.sendSize(),'
        "(this.pending||[]).forEach((m=>this.socket.send(m))),this.pending=[],",
    ),
    (
        "downloads without a pop-up",
        'n=`${window.location.origin}/download/${i}${r}`;window.open(n,"_blank")',
        'n=`${window.location.origin}/download/${i}${r}`;{const a=document.createElement("a");'
        'a.href=n,a.download="",document.body.appendChild(a),a.click(),a.remove()}',
    ),
)
"""(why, text in textual-serve 1.1.3's script, replacement). The renderer: without the WebGL
and canvas add-ons xterm.js draws with its DOM renderer, text in the page, which the browser
scales to any device pixel ratio; both add-ons draw a part of the screen at a ratio of 2 in
headless Chromium (the canvas one the top-left quarter, WebGL a corner at double size). A
download is a link clicked by the
script: ``window.open`` from a websocket message is a pop-up that browsers block."""


class ScriptMismatch(RuntimeError):
    """textual-serve's script is not the one :data:`PATCHES` were written for."""


def patch_script(script: str) -> str:
    """``script`` with every patch applied; :class:`ScriptMismatch` when one does not match
    exactly once (another textual-serve release: the pin in pyproject.toml says which)."""
    for why, old, new in PATCHES:
        if script.count(old) != 1:
            raise ScriptMismatch(f"textual-serve's script changed: cannot apply {why!r}")
        script = script.replace(old, new)
    return script


@cache
def client_script(static: Path) -> str:
    """The patched client script, read once."""
    return patch_script((static / "js" / "textual.js").read_text(encoding="utf-8"))


def _template(name: str) -> str:
    return (files("factscope.tui.serve") / name).read_text(encoding="utf-8")


def index_page(websocket_url: str, static_url: str = "/static") -> str:
    """The page: one terminal, connected to ``websocket_url``."""
    page = _template("index.html")
    return page.replace("{{ static }}", html.escape(static_url)).replace(
        "{{ websocket }}", html.escape(websocket_url)
    )


def refusal_page(message: str) -> str:
    """A short page for a refused request: the one line saying why."""
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>factscope</title></head>'
        f"<body><p>{html.escape(message)}</p></body></html>\n"
    )
