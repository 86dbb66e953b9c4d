"""The file a build writes: checked before anything is read, locked while a build writes it,
and swept of what an interrupted build left behind.

    data/articles.parquet                             the dataset
    data/.articles.parquet.lock                       held (flock) by the build writing it
    data/.articles.parquet.<random>.tmp               store.write_dataset's temporary file
    data/articles.index/.building-<random>/           serving-copy scratch folders
    data/articles.index/<version>/.building-<random>/
"""

from __future__ import annotations

import contextlib
import fcntl
import glob
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

# A scratch folder nothing has written to for this long belongs to no live writer (a build
# writes its files back to back; a server writing a serving copy does too).
STALE_AFTER_SECONDS = 15 * 60
SCRATCH_PREFIX = ".building-"


class TargetError(Exception):
    """The output cannot or must not be written; the message is one line for the user."""


def check(out: Path, inputs: Sequence[str | Path | None]) -> Path:
    """Refuse an output that would destroy an input or that cannot be written, before any read.

    Args:
        out: the dataset file the build would write.
        inputs: every file the build reads (sources, taxonomy, dates); None entries are skipped.

    Returns:
        `out` as given (relative paths stay relative, for messages).

    Raises:
        TargetError: one line naming the problem.
    """
    out = Path(out)
    resolved = _real(out)
    index = resolved.with_suffix(".index")
    for given in (Path(i) for i in inputs if i is not None):
        source = _real(given)
        if source == resolved or _same_file(given, out):
            raise TargetError(
                f"--out {out} is the input {given}: writing it would destroy the input; "
                "choose another --out file"
            )
        if index in source.parents:
            raise TargetError(
                f"the input {given} is inside {out}'s serving folder {index}, which a build "
                "replaces; move it out first"
            )
    if out.is_dir():
        raise TargetError(
            f"--out {out} is a folder; give a file name, e.g. --out {out / 'articles.parquet'}"
        )
    if out.exists() and not out.is_file():
        raise TargetError(f"--out {out} exists and is not a regular file")
    folder = _nearest_existing(resolved.parent)
    if not folder.is_dir():
        raise TargetError(f"--out {out}: {folder} is a file, not a folder")
    try:
        fd, probe = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".probe", dir=folder)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise TargetError(f"--out {out}: cannot write in {folder} ({reason})") from exc
    os.close(fd)
    os.unlink(probe)
    return out


def _real(path: Path) -> Path:
    # os.path.realpath, unlike Path.resolve, stops at a symlink loop instead of raising
    return Path(os.path.realpath(path))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)  # a hard link or another path to the same file
    except OSError:
        return False


def _nearest_existing(folder: Path) -> Path:
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


@dataclass
class BuildLock:
    """Held by the one build writing `out`; a second build waits or is refused.

    The lock file holds its holder's description while the build runs and is emptied when it
    ends, so a holder killed mid-build (kill -9, power loss) is recognised by the next one.
    """

    out: Path
    interrupted: str = ""  # the description a killed build left, if one did

    @property
    def path(self) -> Path:
        return self.out.parent / f".{self.out.name}.lock"

    @contextlib.contextmanager
    def hold(self, sources: Sequence[str | Path], *, wait: bool = False) -> Iterator[BuildLock]:
        """Take the lock for the duration of the block.

        Raises:
            TargetError: another build holds it and `wait` is False.
        """
        self.out.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if not wait:
                    holder = _read(fd) or "another build"
                    raise TargetError(
                        f"{holder} is writing {self.out}; wait for it to finish or run again "
                        "with --wait"
                    ) from None
                fcntl.flock(fd, fcntl.LOCK_EX)
            self.interrupted = _read(fd)
            started = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
            names = ", ".join(Path(s).name for s in sources[:3])
            names += " …" if len(sources) > 3 else ""
            _write(fd, f"the build of {names} (pid {os.getpid()}, started {started})")
            try:
                yield self
            finally:
                _write(fd, "")  # a clean end, whatever the outcome
        finally:
            os.close(fd)  # releases the lock


def _read(fd: int) -> str:
    os.lseek(fd, 0, os.SEEK_SET)
    return os.read(fd, 4096).decode("utf-8", "replace").strip()


def _write(fd: int, text: str) -> None:
    os.ftruncate(fd, 0)
    os.pwrite(fd, text.encode(), 0)


def sweep(out: Path, *, interrupted: bool, now: float | None = None) -> list[Path]:
    """Remove what killed builds left beside `out`; call it while holding the BuildLock.

    Temporary dataset files are only ever written by a build, so under the lock every one is
    an orphan. Serving-copy scratch folders are removed when the previous build was killed, or
    when nothing has been written in them for STALE_AFTER_SECONDS (a dashboard server may be
    writing a fresh one for a dataset that has none).

    Returns:
        The paths removed.
    """
    out = Path(out)
    now = time.time() if now is None else now
    # '.articles.parquet.k3j_x9a2.tmp' (mkstemp's eight characters), never the temporary
    # file of another --out in the folder ('.articles.parquet.v2.k3j_x9a2.tmp')
    mine = re.compile(rf"\.{re.escape(out.name)}\.[a-z0-9_]{{8}}\.tmp")
    removed = [
        tmp
        for tmp in out.parent.glob(f".{glob.escape(out.name)}.*.tmp")
        if mine.fullmatch(tmp.name) and _remove(tmp)
    ]
    index = out.with_suffix(".index")
    scratch = [*index.glob(f"{SCRATCH_PREFIX}*"), *index.glob(f"*/{SCRATCH_PREFIX}*")]
    for folder in scratch:
        if (interrupted or now - _last_write(folder) > STALE_AFTER_SECONDS) and _remove(folder):
            removed.append(folder)
    return removed


def _last_write(folder: Path) -> float:
    try:
        times = [folder.stat().st_mtime] + [p.stat().st_mtime for p in folder.rglob("*")]
    except OSError:  # vanished while looking: someone is working on it
        return time.time()
    return max(times)


def _remove(path: Path) -> bool:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    except FileNotFoundError:
        return False
    return True
