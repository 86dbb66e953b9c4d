"""The dashboard's web server: `streamlit run dashboard/server.py` (what `make run` does).

`app.py` stays the frame and `pages/` the pages; this file only fixes how Streamlit 1.67 routes
a visitor who arrives by a link, so nobody sees an error that is not theirs:

1. A folder named `pages/` beside the main script makes Streamlit treat the first session of a
   new server process as an old-style (v1) multipage app: `PagesManager.uses_pages_directory`
   is decided lazily from the folder and only turned off once `st.navigation` has run. That
   first run routes `/explore` through a v1 router that knows only `pages/explore_page.py` as
   `/explore_page`, so it sends "Page not found" before `app.py` opens the right page. The
   pages here are declared by `st.navigation`; saying so before the first session removes it.
2. The default page is served at `/`, so `/overview` is no page at all ("Page not found"):
   it is redirected to `/`, query string kept.
3. On `/explore` the browser cannot tell a page from a base URL path, so it first asks
   `/explore/_stcore/health` and `/explore/_stcore/host-config` (two 404s in the console,
   streamlit/streamlit#7074). Pages get Streamlit's own `index.html` with the base URL set
   through the frontend's host settings (`window.__streamlit.BACKEND_BASE_URL`).

And one fix for memory: glibc gives every thread that allocates its own malloc arena (up to 8
per core) and keeps freed memory there, so each session's script thread left its share behind.
After 50 sessions on the 1M dataset the server held 1,019 MB against 439 MB before them; with
two arenas (what MALLOC_ARENA_MAX=2 does), 468 MB against 454 MB (bench/load.py).
"""

from __future__ import annotations

import ctypes
import os
import platform
from contextlib import asynccontextmanager
from pathlib import Path

import streamlit as st
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.routing import Route
from streamlit import file_util
from streamlit.runtime.pages_manager import PagesManager

DEFAULT_PAGE = "overview"  # app.py's default page, which Streamlit serves at `/`
STATIC = Path(file_util.get_static_dir())
# Before Streamlit's own module script, so the frontend reads it when it starts. The server
# is served at the root (no server.baseUrlPath).
BASE_URL_SCRIPT = (
    "<script>window.__streamlit = {BACKEND_BASE_URL: window.location.origin};</script>"
)


M_ARENA_MAX = -8  # mallopt's parameter number for MALLOC_ARENA_MAX (glibc malloc.h)
MALLOC_ARENAS = 2


@asynccontextmanager
async def _lifespan(_app: st.App):
    PagesManager.uses_pages_directory = False  # (1) pages come from st.navigation in app.py
    _limit_malloc_arenas()
    yield


def _limit_malloc_arenas() -> None:
    # before any session's thread allocates; an explicit MALLOC_ARENA_MAX is left to glibc
    if platform.libc_ver()[0] == "glibc" and "MALLOC_ARENA_MAX" not in os.environ:
        ctypes.CDLL(None).mallopt(M_ARENA_MAX, MALLOC_ARENAS)


def _index_html() -> str:
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    return html.replace("<head>", f"<head>\n    {BASE_URL_SCRIPT}", 1)


async def _page(request: Request) -> Response:
    name = request.path_params["name"]
    if name == DEFAULT_PAGE:  # (2)
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(f"/{query}", status_code=308)
    if (STATIC / name).is_file():  # favicon.png, manifest.json: Streamlit's own files
        return FileResponse(STATIC / name)
    return HTMLResponse(_index_html(), headers={"Cache-Control": "no-cache"})  # (3)


app = st.App("app.py", lifespan=_lifespan, routes=[Route("/{name}", _page, methods=["GET"])])
