"""Browser benchmark: the dashboard in chromium on the shipped dataset and on a large one.

    .venv/bin/python bench/browser.py --large /tmp/insights-bench/articles-1000000-0.parquet
    .venv/bin/python bench/browser.py --articles 20000          # quick try: synth + build

For each dataset (sequentially: one streamlit server at a time) it measures, in fresh browser
contexts of Debian's chromium driven by playwright:

1. page load: `goto("/")` until the first chart is drawn, the app connected, no skeleton;
2. redraw: choosing a theme in the sidebar multiselect until the script run has finished
   (the server's `script_finished` message) and the charts' DOM changed;
3. the largest websocket message the browser received on each of the six pages;
4. the server's VmRSS/VmHWM after the first load and with 1, 4 and 8 concurrent sessions.

Prints one markdown table (26 articles, large, ratio, target). A failure (server not starting,
an exception element on a page, a timeout) is reported and the exit status is 1.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pyarrow.compute as pc
import pyarrow.parquet as pq

REPO = Path(__file__).resolve().parents[1]
SHIPPED = REPO / "data" / "ecpat-uk-news-2017-10_to_2018-10.txt"
CHROMIUM = Path("/usr/lib/chromium/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"]
VIEWPORT = {"width": 1366, "height": 1800}
TIMEOUT_MS = 120_000
PAGES = ("overview", "timeline", "themes", "figures", "explore", "about")
SESSIONS = (1, 4, 8)
PER_SESSION_MB = 20
SEARCH = "trafficking"  # a word in both datasets
MB = 2**20

CHART = "[data-testid=stPlotlyChart] .main-svg, [data-testid=stVegaLiteChart] .vega-embed"
# Connected, not running, nothing still loading.
SETTLED = """() => !!document.querySelector(
        '[data-testid=stApp][data-test-connection-state=CONNECTED]')
    && !document.querySelector('[data-testid=stSkeleton]')
    && !document.querySelector('[data-testid=stStatusWidget]')
    && !!document.querySelector('[data-testid=stMain] h1')"""
FIRST_CHART = f"""() => {{
    const chart = document.querySelector({CHART!r});
    if (chart && chart.getBoundingClientRect().height > 0
        && !!document.querySelector('[data-testid=stApp][data-test-connection-state=CONNECTED]')
        && !document.querySelector('[data-testid=stSkeleton]')) return 'chart';
    if (document.querySelector('[data-testid=stException]')) return 'exception';
    // finished without a chart: give it 5 s to draw, then stop waiting
    if (({SETTLED})()) {{
        window.__settledAt = window.__settledAt || performance.now();
        if (performance.now() - window.__settledAt > 5000) return 'no chart';
    }} else {{ window.__settledAt = 0; }}
    return false;
}}"""
CHARTS_SIGNATURE = f"""() => Array.from(document.querySelectorAll({CHART!r}))
    .map(chart => chart.innerHTML).join('\\u0000')"""


class BenchFailure(Exception):
    """Something that makes the measurement meaningless: reported, exit status 1."""


# -- inputs ----------------------------------------------------------------------------------


def run(command: list[str], what: str) -> None:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
    if done.returncode != 0:
        raise BenchFailure(f"{what} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    print(f"{what}: {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)


def insights(*args: str) -> list[str]:
    return [sys.executable, "-m", "insights", *args]


def small_dataset(directory: Path) -> Path:
    path = directory / "small.parquet"
    run(insights("build", str(SHIPPED), "--out", str(path), "--quiet"), "insights build (shipped)")
    return path


def large_dataset(articles: int, workdir: Path, seed: int) -> Path:
    """workdir/articles-N-seed.parquet (the name bench/scale.py uses), built when missing."""
    path = workdir / f"articles-{articles}-{seed}.parquet"
    if path.exists():
        return path
    workdir.mkdir(parents=True, exist_ok=True)
    listing = workdir / f"listing-{articles}-{seed}.csv"
    if not listing.exists():
        command = insights("synth", "--articles", str(articles), "--out", str(listing))
        run([*command, "--seed", str(seed)], f"insights synth ({articles:,})")
    run(insights("build", str(listing), "--out", str(path), "--quiet"), "insights build (large)")
    return path


def rows(path: Path) -> int:
    try:
        return pq.ParquetFile(path).metadata.num_rows
    except (OSError, ValueError) as exc:
        raise BenchFailure(f"{path} is not a readable dataset: {exc}") from None


def leading_theme(path: Path) -> tuple[str, int]:
    """The theme on most articles of the dataset, and its article count."""
    column = pq.read_table(path, columns=["themes"]).column("themes")
    counts = pc.value_counts(pc.list_flatten(column)).to_pylist()
    if not counts:
        raise BenchFailure(f"{path} has no themed article to filter on")
    best = max(counts, key=lambda c: c["counts"])
    return best["values"], best["counts"]


# -- the server ------------------------------------------------------------------------------


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    log: Path
    start_s: float

    def memory_mb(self) -> dict[str, float]:
        """VmRSS, VmHWM and RssAnon of the streamlit process (the Popen child itself)."""
        status = Path(f"/proc/{self.process.pid}/status").read_text().splitlines()
        fields = dict(line.split(":", 1) for line in status if ":" in line)
        wanted = ("VmRSS", "VmHWM", "RssAnon", "RssFile")
        return {k: int(fields[k].split()[0]) / 1024 for k in wanted if k in fields}

    def check_alive(self) -> None:
        if self.process.poll() is not None:
            raise BenchFailure(f"streamlit exited ({self.process.returncode}):\n{self.tail()}")

    def tail(self) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-30:])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(dataset: Path, logdir: Path) -> Iterator[Server]:
    """`streamlit run dashboard/server.py` on a free port with INSIGHTS_DATASET, until healthy."""
    log_path = logdir / f"streamlit-{dataset.stem}-{time.monotonic_ns()}.log"
    port = _free_port()
    with open(log_path, "w") as log:
        started = time.perf_counter()
        process = subprocess.Popen(
            [
                *(sys.executable, "-m", "streamlit", "run", "dashboard/server.py"),
                *("--server.headless", "true", "--server.port", str(port)),
                *("--browser.gatherUsageStats", "false"),
            ],
            cwd=REPO,
            env={**os.environ, "INSIGHTS_DATASET": str(dataset)},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        server = Server(f"http://127.0.0.1:{port}", process, log_path, 0.0)
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=1):
                        break
                except OSError:
                    log.flush()
                    server.check_alive()
                    if time.monotonic() > deadline:
                        message = f"streamlit not healthy in 60 s:\n{server.tail()}"
                        raise BenchFailure(message) from None
                    time.sleep(0.1)
            server.start_s = time.perf_counter() - started
            yield server
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


# -- the browser -----------------------------------------------------------------------------


class Tab:
    """One fresh browser context and page, recording websocket frames and page errors."""

    def __init__(self, browser, base: str) -> None:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        self._forward_msg = ForwardMsg
        self.base = base
        self.context = browser.new_context(viewport=VIEWPORT)
        self.page = self.context.new_page()
        self.page.set_default_timeout(TIMEOUT_MS)
        self.largest = 0  # bytes of the largest frame received since reset()
        self.finished = 0  # script_finished messages received
        self.errors: list[str] = []
        self.page.on("websocket", self._on_websocket)
        self.page.on("pageerror", lambda exc: self.errors.append(f"page error: {exc}"))

    def _on_websocket(self, ws) -> None:
        ws.on("framereceived", self._on_frame)

    def _on_frame(self, payload: bytes | str) -> None:
        size = len(payload.encode() if isinstance(payload, str) else payload)
        self.largest = max(self.largest, size)
        if isinstance(payload, bytes):
            with contextlib.suppress(Exception):
                if self._forward_msg.FromString(payload).WhichOneof("type") == "script_finished":
                    self.finished += 1

    def close(self) -> None:
        self.context.close()

    def goto(self, path: str = "", *, wait: bool = True) -> None:
        self.page.goto(f"{self.base}/{path}", wait_until="commit" if not wait else "load")

    def settle(self, what: str) -> None:
        """Connected, finished, no skeleton; then no exception element on the page."""
        try:
            self.page.wait_for_function(SETTLED, timeout=TIMEOUT_MS)
        except Exception as exc:
            raise BenchFailure(f"{what}: the page did not settle ({exc})") from None
        self.check(what)

    def check(self, what: str) -> None:
        exceptions = self.page.locator("[data-testid=stException]")
        if exceptions.count():
            raise BenchFailure(f"{what}: exception on the page:\n{exceptions.first.inner_text()}")
        if self.errors:
            raise BenchFailure(f"{what}: {'; '.join(self.errors)}")

    def load_to_first_chart(self) -> float:
        """Seconds from goto('/') until the first chart is visible, connected, no skeleton."""
        started = time.perf_counter()
        self.page.goto(f"{self.base}/", wait_until="commit")
        self.wait_for_chart("load")
        return time.perf_counter() - started

    def wait_for_chart(self, what: str) -> None:
        try:
            found = self.page.wait_for_function(FIRST_CHART, timeout=TIMEOUT_MS).json_value()
        except Exception as exc:
            found = f"timeout ({exc})"
        if found != "chart":
            self.check(what)
            shown = self.page.locator("body").inner_text()[:800]
            raise BenchFailure(f"{what}: no chart appeared ({found}); the page shows:\n{shown}")

    def redraw_with_theme(self, theme: str) -> float:
        """Seconds from choosing `theme` in the Themes filter to the run done, charts changed."""
        box = self.page.locator("[data-testid=stSidebar] [data-testid=stMultiSelect]").first
        self.settle("before the theme filter")
        box.locator("input").click()
        box.locator("input").fill(theme)
        option = self.page.locator("[role=option]", has_text=theme).first
        option.wait_for(state="visible")
        spent = self._redraw("theme filter", option.click)
        if theme not in box.inner_text():
            raise BenchFailure(f"theme filter: the Themes filter does not show {theme!r}")
        return spent

    def redraw_with_search(self, text: str) -> float:
        """Seconds from pressing Enter in the search box to the run done, charts changed."""
        box = self.page.locator("[data-testid=stSidebar] [data-testid=stTextInput] input").first
        self.settle("before the search")
        box.fill(text)
        return self._redraw("search", lambda: box.press("Enter"))

    def _redraw(self, what: str, action) -> float:
        """Seconds from `action()` until the server finished the script run, the charts changed
        and the page settled."""
        self.page.evaluate(f"() => {{ window.__charts = ({CHARTS_SIGNATURE})(); }}")
        changed = f"""() => ({CHARTS_SIGNATURE})() !== window.__charts
            && !!document.querySelector({CHART!r}) && ({SETTLED})()"""
        finished = self.finished
        started = time.perf_counter()
        action()
        try:
            self.page.wait_for_function(changed, timeout=TIMEOUT_MS)
            while self.finished == finished:  # the server's script_finished message
                self.page.wait_for_timeout(5)
        except Exception as exc:
            self.check(what)
            raise BenchFailure(f"{what}: the charts did not change ({exc})") from None
        spent = time.perf_counter() - started
        self.check(what)
        return spent


# -- measuring -------------------------------------------------------------------------------


def seconds(values: list[float]) -> str:
    return ", ".join(f"{v:.2f}" for v in values) + " s"


@dataclass
class Measured:
    """One dataset's measurements: name → value (seconds, MB), plus notes."""

    label: str
    values: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def measure(browser, dataset: Path, label: str, repeat: int, logdir: Path) -> Measured:
    out = Measured(label)
    try:
        theme, themed = leading_theme(dataset)
        articles = pq.ParquetFile(dataset).metadata.num_rows
    except (OSError, ValueError, KeyError) as exc:  # pyarrow's errors are ValueErrors
        raise BenchFailure(f"{dataset} is not a readable dataset: {exc}") from None
    out.notes.append(f"{label}: {articles:,} articles; redraw filter: {theme!r} ({themed:,})")
    print(f"-- {label}: {dataset}", file=sys.stderr, flush=True)
    with serve(dataset, logdir) as server:
        out.values["server start (to /_stcore/health), s"] = server.start_s
        # first visit: the session's corpus load on a fresh server
        tab = Tab(browser, server.url)
        try:
            out.values["first load after start, s"] = tab.load_to_first_chart()
            tab.settle("first load")
        finally:
            tab.close()
        memory = server.memory_mb()
        out.values["server VmRSS after first load, MB"] = memory["VmRSS"]
        out.notes.append(
            f"{label} after first load: RssAnon {memory.get('RssAnon', 0):.0f} MB, "
            f"RssFile {memory.get('RssFile', 0):.0f} MB"
        )

        loads, redraws, searches = [], [], []
        for _ in range(repeat):
            tab = Tab(browser, server.url)
            try:
                loads.append(tab.load_to_first_chart())
                redraws.append(tab.redraw_with_theme(theme))
            finally:
                tab.close()
            tab = Tab(browser, server.url)
            try:
                tab.load_to_first_chart()
                searches.append(tab.redraw_with_search(SEARCH))
            finally:
                tab.close()
            server.check_alive()
        out.values["page load to first chart, s"] = statistics.median(loads)
        out.values["theme filter redraw, s"] = statistics.median(redraws)
        out.values[f"search `{SEARCH}` redraw, s"] = statistics.median(searches)
        out.notes.append(
            f"{label} loads {seconds(loads)}; theme redraws {seconds(redraws)}; "
            f"search redraws {seconds(searches)}"
        )

        for count in SESSIONS:
            tabs = [Tab(browser, server.url) for _ in range(count)]
            try:
                for tab in tabs:  # all requested before any is waited for
                    tab.goto("overview", wait=False)
                for i, tab in enumerate(tabs):
                    tab.settle(f"session {i + 1} of {count}")
                    tab.wait_for_chart(f"session {i + 1} of {count}")
                memory = server.memory_mb()
                out.values[f"server VmRSS with {count} sessions, MB"] = memory["VmRSS"]
                out.notes.append(
                    f"{label} with {count} sessions: RssAnon {memory.get('RssAnon', 0):.0f} MB, "
                    f"RssFile {memory.get('RssFile', 0):.0f} MB"
                )
            finally:
                for tab in tabs:
                    tab.close()
        tab = Tab(browser, server.url)
        try:
            for name in PAGES:
                tab.largest = 0
                started = time.perf_counter()
                tab.goto(name)
                tab.settle(f"page {name}")
                out.values[f"open /{name} until settled, s"] = time.perf_counter() - started
                tab.page.wait_for_timeout(500)  # late frames (charts' data) still count
                out.values[f"largest ws message /{name}, MB"] = tab.largest / MB
        finally:
            tab.close()

        out.values["server VmHWM (peak) at the end, MB"] = server.memory_mb()["VmHWM"]
        server.check_alive()
    return out


# -- the table -------------------------------------------------------------------------------


def verdicts(small: Measured, large: Measured, message_mb: float, rss_mb: float) -> dict:
    """measurement name → (target text, holds?) for the targets."""

    def ratio(name: str) -> float:
        return large.values[name] / max(small.values[name], 1e-9)

    out = {
        "page load to first chart, s": ("≤ 1.5×", ratio("page load to first chart, s") <= 1.5),
        "theme filter redraw, s": ("≤ 2×", ratio("theme filter redraw, s") <= 2.0),
        f"search `{SEARCH}` redraw, s": ("≤ 2×", ratio(f"search `{SEARCH}` redraw, s") <= 2.0),
    }
    for name in PAGES:
        key = f"largest ws message /{name}, MB"
        out[key] = (f"≤ {message_mb:g} MB", large.values[key] <= message_mb)
    rss = [large.values[f"server VmRSS with {n} sessions, MB"] for n in SESSIONS]
    # Flat: under PER_SESSION_MB per extra session (a copy of the corpus per session would add
    # hundreds of MB each; allocator noise between runs is a few tens of MB in all).
    flat = (rss[-1] - rss[0]) / (SESSIONS[-1] - SESSIONS[0]) < PER_SESSION_MB
    for n in SESSIONS:
        key = f"server VmRSS with {n} sessions, MB"
        target = f"< {rss_mb:g} MB; 1→{SESSIONS[-1]}: < {PER_SESSION_MB} MB/session"
        out[key] = (target, large.values[key] < rss_mb and flat)
    out["server VmHWM (peak) at the end, MB"] = (
        f"< {rss_mb:g} MB",
        large.values["server VmHWM (peak) at the end, MB"] < rss_mb,
    )
    return out


def table(small: Measured, large: Measured, targets: dict) -> str:
    lines = [
        f"| measurement | {small.label} | {large.label} | ratio | target | holds |",
        "|---|---:|---:|---:|---|---|",
    ]
    for name, value in small.values.items():
        other = large.values.get(name, float("nan"))
        digits = 2 if name.endswith(", s") else (3 if "message" in name else 0)
        ratio = other / value if value else float("nan")
        target, holds = targets.get(name, ("", None))
        verdict = "" if holds is None else ("yes" if holds else "**no**")
        lines.append(
            f"| {name} | {value:.{digits}f} | {other:.{digits}f} | {ratio:.2f}× | {target} "
            f"| {verdict} |"
        )
    return "\n".join(lines)


def machine() -> str:
    load = os.getloadavg()[0]
    memory = int(Path("/proc/meminfo").read_text().split()[1]) / 2**20
    return (
        f"{platform.node() or 'host'}: {os.cpu_count()} cores, {memory:.0f} GiB, "
        f"Python {platform.python_version()}, load average {load:.1f} at the end"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", type=Path, help="a built large dataset (Parquet) to reuse")
    parser.add_argument("--articles", type=int, default=1_000_000, help="when --large is absent")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/insights-bench"))
    parser.add_argument("--repeat", type=int, default=5, help="loads and redraws per dataset")
    parser.add_argument("--message-mb", type=float, default=5.0, help="largest message target")
    parser.add_argument("--rss-mb", type=float, default=1536.0, help="server RSS target")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    try:
        if not CHROMIUM.exists():
            raise BenchFailure(f"no chromium at {CHROMIUM}: run `make browser`")
        with tempfile.TemporaryDirectory(prefix="insights-browser-") as scratch:
            small_path = small_dataset(Path(scratch))
            large_path = (
                args.large or large_dataset(args.articles, args.workdir, args.seed)
            ).resolve()
            if not large_path.exists():
                raise BenchFailure(f"no dataset at {large_path}")
            large_rows, small_rows = rows(large_path), rows(small_path)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
                )
                try:
                    small = measure(
                        browser, small_path, f"{small_rows:,} articles", args.repeat, Path(scratch)
                    )
                    large = measure(
                        browser, large_path, f"{large_rows:,} articles", args.repeat, Path(scratch)
                    )
                finally:
                    browser.close()
    except BenchFailure as exc:
        print(f"\nBROWSER BENCH FAILED: {exc}", file=sys.stderr)
        return 1

    targets = verdicts(small, large, args.message_mb, args.rss_mb)
    print(f"\nDashboard in chromium, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; {machine()}.")
    print(f"Medians of {args.repeat} runs, each in a fresh browser context; ratio = large / small.")
    print(f"Large dataset: {large_path}\n")
    print(table(small, large, targets))
    print()
    for note in small.notes + large.notes:
        print(f"- {note}")
    missed = [name for name, (_, holds) in targets.items() if not holds]
    print(f"\ntargets missed: {', '.join(missed) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
