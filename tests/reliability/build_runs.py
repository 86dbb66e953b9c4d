"""`insights build` run as a user runs it: a separate process, judged by exit code and output.

    run = build_runs.build(tmp_path, "listing.txt", out="articles.parquet")
    run.code, run.stderr, run.report, run.accounted()

The runner can make a file vanish the moment the build opens it, record which files the build
opened, cap the size of any file it writes (a full disk) and drop root's licence to ignore
file permissions (so an unwritable folder is unwritable on a CI machine that runs as root).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from insights import store

REPO = Path(__file__).resolve().parents[2]
TAXONOMY = REPO / "data" / "taxonomy.toml"
LISTING = REPO / "data" / "ecpat-uk-news-2017-10_to_2018-10.txt"
LISTING_ITEMS = 26

# Runs in the child before the CLI: an audit hook sees every open() by path.
BOOTSTRAP = """
import os, sys
vanish, opened_log = os.environ.get("VANISH"), os.environ.get("OPENED_LOG")
def hook(event, args):
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        path = os.path.abspath(os.fsdecode(args[0]))
        if opened_log and path != opened_log:
            with open(opened_log, "a") as log:
                log.write(path + "\\n")
        if vanish and path == vanish and os.path.exists(path):
            os.unlink(path)  # gone between the build's look at it and its read
sys.addaudithook(hook)
if os.environ.get("FSIZE_LIMIT"):
    import resource, signal
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails: EFBIG
    limit = int(os.environ["FSIZE_LIMIT"])
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from insights.cli import main
sys.exit(main(sys.argv[1:]))
"""


@dataclass
class Run:
    """One finished `insights build`."""

    code: int
    stdout: str
    stderr: str
    out: Path
    opened: list[str]

    @property
    def report(self) -> dict[str, Any]:
        return store.read_metadata(self.out)["report"]

    def accounted(self) -> int:
        """Items in the dataset or named in its report (each merged duplicate counts once)."""
        report = self.report
        return report["articles"] + report["duplicates_merged"] + len(report["left_out"])


def _without_file_permission_override() -> list[str]:
    # root ignores permission bits (CAP_DAC_OVERRIDE); setpriv (util-linux) drops that
    if os.geteuid() != 0:
        return []
    caps = "-dac_override,-dac_read_search"
    return ["setpriv", "--bounding-set", caps, "--inh-caps", caps]


def build(
    workdir: Path,
    *sources: str | Path,
    out: str | Path = "articles.parquet",
    vanish: Path | None = None,
    fsize_limit: int | None = None,
    no_override: bool = False,
    extra: tuple[str, ...] = (),
    timeout: float = 300,
) -> Run:
    """Run `insights build SOURCES --out OUT` in `workdir` (relative paths are from there).

    Args:
        vanish: a file deleted the moment the build opens it.
        fsize_limit: no file the build writes may grow past this many bytes.
        no_override: run without root's licence to ignore file permissions.
    """
    opened_log = Path(tempfile.mkstemp(prefix="opened-", suffix=".log")[1])
    env = {**os.environ, "OPENED_LOG": str(opened_log)}
    if vanish is not None:
        env["VANISH"] = str((workdir / vanish).resolve())
    if fsize_limit is not None:  # the log of opened files would outgrow the limit itself
        env["FSIZE_LIMIT"], env["OPENED_LOG"] = str(fsize_limit), ""
    command = [
        *(_without_file_permission_override() if no_override else []),
        *(sys.executable, "-c", BOOTSTRAP, "build", *map(str, sources)),
        *("--out", str(out), "--taxonomy", str(TAXONOMY), *extra),
    ]
    try:
        done = subprocess.run(
            command, cwd=workdir, env=env, capture_output=True, text=True, timeout=timeout
        )
        opened = opened_log.read_text().splitlines() if env["OPENED_LOG"] else []
    finally:
        opened_log.unlink(missing_ok=True)
    return Run(done.returncode, done.stdout, done.stderr, workdir / out, opened)


def one_line_error(run: Run) -> str:
    """The single stderr line of a failed build, checked for shape; returns it."""
    assert run.code == 1, (run.code, run.stdout, run.stderr)
    assert "Traceback" not in run.stderr + run.stdout, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("insights: error: "), run.stderr
    return lines[0]


def json_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
