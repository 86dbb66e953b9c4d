"""A real streamlit server and Debian's chromium, shared by the browser tests.

The server reads a fixture dataset (with a hostile `<script>` title) through INSIGHTS_DATASET.
Chromium must be installed (`make browser` does it); a missing browser fails, never skips.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Response, sync_playwright

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/lib/chromium/chromium")
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
READY = "[data-testid=stApp][data-test-connection-state=CONNECTED]"
FINISHED = """() => !document.querySelector('[data-testid=stSkeleton]')
    && !document.querySelector('[data-testid=stStatusWidget]')
    && document.querySelector('[data-testid=stMain] h1')"""
# The entry point `make run` serves (dashboard/server.py): with it a visitor arriving by any
# link sees no console error at all, so the tests allow none.
SERVER_SCRIPT = "dashboard/server.py"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(dataset: Path) -> Iterator[str]:
    """Start `streamlit run dashboard/app.py` on a free port; yields its base URL."""
    log_path = dataset.parent / f"streamlit-{time.monotonic_ns()}.log"
    log = open(log_path, "w")  # noqa: SIM115 (closed at teardown)
    port = _free_port()
    command = f"-m streamlit run {SERVER_SCRIPT} --server.headless true --server.port"
    process = subprocess.Popen(
        [sys.executable, *command.split(), str(port), "--browser.gatherUsageStats", "false"],
        cwd=REPO,
        env={**os.environ, "INSIGHTS_DATASET": str(dataset)},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    log.flush()
                    pytest.fail(f"streamlit did not start:\n{log_path.read_text()}")
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


@pytest.fixture(scope="session")
def server(dashboard_dataset: Path) -> Iterator[str]:
    """The dashboard served on a free port for the whole session; yields its base URL."""
    with serve(dashboard_dataset) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"Debian's chromium is missing ({CHROMIUM}): run `make browser` or "
            "`apt-get install chromium`; never `playwright install`."
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


# How long a page may take to connect and finish its run: a wait, not a speed check. A quiet
# machine needs a few seconds; one shared with other builds has needed more than 30.
SETTLE_MS = 90_000


@dataclass
class Visit:
    """One browser tab on the dashboard, recording everything that went wrong."""

    page: Page
    base: str
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def open(self, path: str = "") -> Page:
        self.page.goto(f"{self.base}/{path}")
        self.settle()
        return self.page

    def settle(self) -> None:
        """Wait until the app is connected and has finished running the page."""
        self.page.wait_for_selector(READY, timeout=SETTLE_MS)
        try:
            self.page.wait_for_function(FINISHED, timeout=SETTLE_MS)
        except Exception:
            with contextlib.suppress(Exception):  # the wait's own error is the one to see
                self.screenshot("not-finished")  # to see where it stuck
            raise
        self.page.wait_for_timeout(800)  # charts draw after the script run ends

    def screenshot(self, name: str) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)

    def main_text(self) -> str:
        return self.page.locator("[data-testid=stMain]").inner_text()


def warm(visit: Visit) -> None:
    """A fresh context's first page loads the whole frontend: on a busy machine that alone
    can take longer than a page gets to settle, so it gets longer, once."""
    visit.page.goto(visit.base)
    visit.page.wait_for_function(FINISHED, timeout=120_000)


@pytest.fixture
def visit(browser: Browser, server: str) -> Iterator[Visit]:
    with visiting(browser, server) as tab:
        yield tab


@contextlib.contextmanager
def visiting(browser: Browser, server: str) -> Iterator[Visit]:
    """A fresh browser context on `server` that records console errors, failures and dialogs."""
    context = browser.new_context(viewport={"width": 1366, "height": 1800})
    page = context.new_page()
    visit = Visit(page, server)

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            visit.errors.append(f"console: {message.text}")

    def on_response(response: Response) -> None:
        if response.status >= 400:
            visit.errors.append(f"HTTP {response.status} {response.url}")

    page.on("console", on_console)
    page.on("response", on_response)
    page.on("pageerror", lambda exc: visit.errors.append(f"page error: {exc}"))
    page.on("requestfailed", lambda r: visit.errors.append(f"request failed: {r.url}"))
    page.on("dialog", lambda d: (visit.dialogs.append(d.message), d.dismiss()))
    try:
        yield visit
    finally:
        context.close()
