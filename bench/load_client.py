"""A dashboard visitor without a browser: Streamlit's own websocket protocol, from Python.

One `Session` is what one browser tab is to the server: a websocket at `/_stcore/stream` that
sends `BackMsg(rerun_script=ClientState(page_name=…, query_string=…))`, the message the
frontend sends when a URL is opened, and reads the `ForwardMsg`s of that run until
`script_finished`. The protobuf classes are the ones the `streamlit` package ships, so the
server cannot tell this client from its own frontend.

    async with Session("http://127.0.0.1:8501") as tab:
        run = await tab.open("explore", "theme=Online+abuse&q=children")
        run.seconds, run.errors, run.texts
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

FINISHED = ForwardMsg.ScriptFinishedStatus
RUN_TIMEOUT = 120.0  # seconds for one page run before it counts as an error


@dataclass
class PageRun:
    """What one page run sent back: its time as the client saw it, errors and shown text."""

    page: str
    query: str
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # markdown, headings, metrics, alerts
    elements: int = 0
    bytes: int = 0


class Session:
    """One websocket session on a running dashboard (an async context manager)."""

    def __init__(self, base_url: str) -> None:
        parts = urlsplit(base_url)
        self.base_url = base_url.rstrip("/")
        self.stream_url = f"ws://{parts.netloc}/_stcore/stream"
        self._socket: websockets.asyncio.client.ClientConnection | None = None

    async def __aenter__(self) -> Session:
        self._socket = await websockets.connect(
            self.stream_url,
            subprotocols=["streamlit"],
            origin=self.base_url,  # the server checks Origin against Host, as for a browser
            max_size=None,
            open_timeout=30,
            # A browser sends no websocket pings (the server's own keepalive still runs); on a
            # starved machine the client's pings timed out and dropped the session (1011).
            ping_interval=None,
        )
        return self

    async def __aexit__(self, *_exc: object) -> None:
        if self._socket is not None:
            await self._socket.close()

    async def open(self, page: str, query: str = "", timeout: float = RUN_TIMEOUT) -> PageRun:
        """Run `page` (its URL path, "" for the default page) with a query string, as a URL."""
        assert self._socket is not None, "use `async with Session(...)`"
        run = PageRun(page, query)
        message = BackMsg()
        state = message.rerun_script
        state.page_name = page
        state.query_string = query
        state.context_info.url = f"{self.base_url}/{page}" + (f"?{query}" if query else "")
        state.context_info.timezone = "UTC"
        state.context_info.locale = "en-GB"
        started = time.perf_counter()
        try:
            await self._socket.send(message.SerializeToString())
            async with asyncio.timeout(timeout):
                while not await self._receive(run):
                    pass
        except TimeoutError:
            run.errors.append(f"no script_finished within {timeout:.0f} s")
        except websockets.ConnectionClosed as exc:
            run.errors.append(f"websocket closed: {exc}")
        run.seconds = time.perf_counter() - started
        return run

    async def _receive(self, run: PageRun) -> bool:
        """Read one ForwardMsg into `run`; True when the run has finished."""
        assert self._socket is not None
        raw = await self._socket.recv()
        run.bytes += len(raw)
        message = ForwardMsg()
        message.ParseFromString(raw)
        kind = message.WhichOneof("type")
        if kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            run.elements += 1
            _collect(message.delta.new_element, run)
        elif kind == "page_not_found":
            run.errors.append(f"page not found: {message.page_not_found.page_name!r}")
        elif kind == "session_event" and message.session_event.HasField(
            "script_compilation_exception"
        ):
            run.errors.append(f"compile error: {message.session_event}")
        elif kind == "script_finished":
            status = message.script_finished
            if status == FINISHED.FINISHED_WITH_COMPILE_ERROR:
                run.errors.append("script finished with a compile error")
            # A run stopped for a rerun (st.rerun, a URL change) is followed by another run.
            return status in (FINISHED.FINISHED_SUCCESSFULLY, FINISHED.FINISHED_WITH_COMPILE_ERROR)
        return False


def _collect(element, run: PageRun) -> None:
    kind = element.WhichOneof("type")
    if kind == "exception":
        exc = element.exception
        run.errors.append(f"exception on {run.page or 'overview'}: {exc.type}: {exc.message}")
    elif kind in ("markdown", "heading", "alert"):
        run.texts.append(getattr(element, kind).body)
    elif kind == "metric":
        run.texts.append(f"{element.metric.label}: {element.metric.body}")
