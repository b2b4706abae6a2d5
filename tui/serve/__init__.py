"""``factscope serve``: the same Textual app in a web page, one app process per browser tab.

textual-serve (the optional extra ``factscope[serve]``) runs the app under Textual's web
driver and draws it in the browser with xterm.js. Served as it comes, it has no
authentication, accepts a websocket from any web site, starts the app through a shell with
the server's whole environment and fetches its font from a public service. This package
keeps textual-serve's process protocol and download manager and replaces the rest:

- :mod:`.session`: the app process, started without a shell and with a minimal environment;
- :mod:`.page`: the page (bundled font, terminal focused on load, a renderer that draws the
  whole screen at any device pixel ratio) and the patched client script;
- :mod:`.server`: the aiohttp server: a token per start, the Origin check, the session cap,
  no directory listings, every app process ended when the server stops.

No module here imports Textual: the server only relays bytes between a browser and an app
process.
"""
