"""Publish a build's whole output set in one step: a reader sees one build or the next, never both.

Theory of operation
-------------------
Renaming files into place one at a time leaves a window in which some
outputs are new and others old (a build killed in it leaves them so for
good). Instead every build is a folder of its own, and one symbolic link
says which is current::

    out/
      .vntimeline-builds/
        3f2a9c0e1b7d4a55/        one build's files, never changed once published
        current -> 3f2a9c0e1b7d4a55
        previous -> 07c1e5d2a8b94f13
      vntimeline.ics -> .vntimeline-builds/current/vntimeline.ics
      timeline.svg   -> .vntimeline-builds/current/timeline.svg
      ...

A build writes into a staging folder ``.vntimeline-builds/.staging-*``,
renames it to the name of its contents' hash, and then switches ``current``
with a single ``rename(2)`` of a new link over the old one: the one step
that publishes. The paths the README promises (``build/vntimeline.ics``)
are fixed links through ``current``, so every file opened by its path after
the switch is from the new build, and every file opened before from the old
one; a reader that wants several files from one build resolves ``current``
once (its target never changes). A link is added for a file that is new in
this build only after the switch, and the link of a file that went away (a
category renamed) is removed right after it, so nothing stale stays.

The build before stays as ``previous`` (a reader that resolved ``current``
just before the switch can finish); older builds, staging folders of
builds that were killed, and the staging folders of the old layout
(``out/.vntimeline-build-*``) are removed by the next build. Builds into one
folder take turns (an advisory lock on ``.vntimeline-builds/.lock``, which
the system releases when a process dies), so what is left over from another
build is always garbage.

Files are flushed to disk before the switch, and the switch itself after,
so a power cut leaves the old set or the new one. The limits (file systems
without symbolic links, hosts that will not follow them) are in
``docs/explanation/publishing.rst``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Final

from .errors import ExportError

__all__ = ["BUILDS_DIR", "CURRENT", "Publisher"]

#: The folder of builds inside the output folder.
BUILDS_DIR: Final = ".vntimeline-builds"
#: The link to the current build, inside BUILDS_DIR.
CURRENT: Final = "current"
_PREVIOUS: Final = "previous"
_LOCK: Final = ".lock"
_STAGING: Final = ".staging-"
_LINK_TMP: Final = ".link-"
#: The staging folders of the layout before versioned builds.
_OLD_STAGING: Final = ".vntimeline-build-"


class Publisher:
    """The builds of one output folder: stage a set of files, then publish it in one step.

    Use as a context manager: entering takes the folder's lock and removes
    what killed builds left; leaving removes an unpublished staging folder
    and releases the lock.
    """

    def __init__(self, out: Path) -> None:
        self.out = out
        self.builds = out / BUILDS_DIR
        self._lock: int | None = None
        self._staging: Path | None = None

    def __enter__(self) -> Publisher:
        try:
            self.builds.mkdir(parents=True, exist_ok=True)
            self._lock = _lock(self.builds / _LOCK)
            self._clean_leftovers()
        except OSError as exc:
            self.__exit__()
            raise ExportError(f"cannot write to {self.out}: {exc.strerror or exc}") from exc
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._staging is not None:
            shutil.rmtree(self._staging, ignore_errors=True)
            self._staging = None
        if self._lock is not None:
            os.close(self._lock)  # closing the file releases its lock
            self._lock = None

    @property
    def current(self) -> Path:
        """The current build's folder (through the link; it may not exist yet)."""
        return self.builds / CURRENT

    def staging(self) -> Path:
        """The staging folder of this build, made on first use."""
        if self._staging is None:
            self._staging = Path(tempfile.mkdtemp(prefix=_STAGING, dir=self.builds))
        return self._staging

    def keep(self, name: str) -> None:
        """Put the published file *name* into staging as it is (a hard link if possible)."""
        source, target = (self.out / name).resolve(), self.staging() / name
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)

    def publish(self, names: list[str], *, old_names: Iterable[str] = ()) -> list[Path]:
        """Publish the staged files *names* in one step; their paths in the output folder.

        *old_names* are files an earlier build of the old layout wrote as
        plain files: those not published again are removed.
        """
        staging = self.staging()
        _sync_files(staging)
        version = self._version_folder(staging)
        self._staging = None
        previous = _link_target(self.current)
        if previous != version.name:
            _swap_link(self.builds, CURRENT, version.name)
            if previous is not None:
                _swap_link(self.builds, _PREVIOUS, previous)
            _sync_folder(self.builds)
        self._link_outputs(names, set(old_names))
        self._prune()
        return [self.out / name for name in names]

    # -- the steps ----------------------------------------------------------------

    def _version_folder(self, staging: Path) -> Path:
        """Rename *staging* to the hash of its contents (reusing an identical current build)."""
        digest = _folder_digest(staging)
        name = digest[:16]
        version = self.builds / name
        if version.exists():
            if _link_target(self.current) == name and _folder_digest(version) == digest:
                shutil.rmtree(staging)  # the very set that is published already
                return version
            if _link_target(self.current) == name:
                # The published copy was changed by hand: publish beside it.
                name = f"{name}-{os.urandom(4).hex()}"
                version = self.builds / name
            else:
                shutil.rmtree(version)
        staging.rename(version)
        # mkdtemp made it private; a published build is as readable as any new folder.
        umask = os.umask(0)
        os.umask(umask)
        version.chmod(0o777 & ~umask)
        return version

    def _link_outputs(self, names: list[str], old_names: set[str]) -> None:
        """Point each output's path at the current build; remove those of vanished outputs."""
        wanted = set(names)
        for entry in sorted(self.out.iterdir()):
            name = entry.name
            if name in wanted:
                continue
            ours = entry.is_symlink() and _points_into_builds(entry)
            old = name in old_names and entry.is_file() and not entry.is_symlink()
            if ours or old:
                entry.unlink()
        for name in names:
            link = self.out / name
            target = f"{BUILDS_DIR}/{CURRENT}/{name}"
            if _link_target(link) == target:
                continue
            _swap_link(self.out, name, target)

    def _prune(self) -> None:
        """Remove every build but the current and the previous one."""
        keep = {_link_target(self.builds / CURRENT), _link_target(self.builds / _PREVIOUS)}
        for entry in self.builds.iterdir():
            if entry.name.startswith(".") or entry.name in (CURRENT, _PREVIOUS):
                continue
            if entry.name not in keep and entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)

    def _clean_leftovers(self) -> None:
        """Remove what builds killed midway left: staging folders and half-made links."""
        for entry in self.builds.iterdir():
            if entry.name.startswith(_STAGING) and entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            elif entry.name.startswith(_LINK_TMP) and entry.is_symlink():
                entry.unlink()
            elif entry.name in (CURRENT, _PREVIOUS) and not entry.is_symlink():
                self._adopt(entry)
        for entry in self.out.iterdir():
            if entry.name.startswith(_OLD_STAGING) and entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            elif entry.name.startswith(_LINK_TMP) and entry.is_symlink():
                entry.unlink()

    def _adopt(self, entry: Path) -> None:
        """Make a copied build (``cp -rL``: its link became a folder) a build again."""
        if not entry.is_dir():
            entry.unlink()
            return
        name = _folder_digest(entry)[:16]
        if (self.builds / name).exists():
            shutil.rmtree(entry)
        else:
            entry.rename(self.builds / name)
        _swap_link(self.builds, entry.name, name)


def _lock(path: Path) -> int:
    """Open *path* and take an exclusive lock on it (waiting for another build to finish)."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        import fcntl
    except ImportError:  # no advisory locks here (Windows): builds must not overlap
        return fd
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
    except OSError:
        os.close(fd)
        raise
    return fd


def _swap_link(folder: Path, name: str, target: str) -> None:
    """Make ``folder/name`` a link to *target* in one step (a new link renamed over it)."""
    for _attempt in range(3):
        temporary = folder / f"{_LINK_TMP}{os.urandom(6).hex()}"
        try:
            temporary.symlink_to(target)
        except FileExistsError:
            continue
        try:
            temporary.replace(folder / name)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        return
    raise FileExistsError(f"cannot make a temporary link in {folder}")


def _link_target(link: Path) -> str | None:
    """What the link *link* points at, or None when it is not a link."""
    try:
        return str(link.readlink())
    except OSError:
        return None


def _points_into_builds(link: Path) -> bool:
    """Whether *link* is one of the output links this module makes."""
    target = _link_target(link)
    return target is not None and target.startswith(f"{BUILDS_DIR}/")


def _folder_digest(folder: Path) -> str:
    """A SHA-256 of every file's name and bytes in *folder*."""
    digest = hashlib.sha256()
    for path in sorted(folder.iterdir()):
        if not path.is_file():
            continue
        digest.update(path.name.encode("utf-8") + b"\0")
        with path.open("rb") as handle:
            digest.update(hashlib.file_digest(handle, "sha256").digest())
    return digest.hexdigest()


def _sync_files(folder: Path) -> None:
    """Flush every file in *folder*, and the folder, to disk."""
    from concurrent.futures import ThreadPoolExecutor

    # All at once: the file system commits concurrent flushes together (one
    # after the other, each waited for its own journal commit: 5 ms a file).
    with ThreadPoolExecutor(max_workers=16) as pool:
        list(pool.map(_sync_file, folder.iterdir()))
    _sync_folder(folder)


def _sync_file(path: Path) -> None:
    """Flush one file to disk, where the system allows it."""
    with contextlib.suppress(OSError), _opened(path, os.O_RDONLY) as fd:
        os.fsync(fd)


def _sync_folder(folder: Path) -> None:
    """Flush a folder's entries to disk, where the system allows it."""
    with contextlib.suppress(OSError), _opened(folder, os.O_RDONLY) as fd:
        os.fsync(fd)


@contextlib.contextmanager
def _opened(path: Path, flags: int) -> Iterator[int]:
    """A file descriptor of *path*, closed after the block."""
    fd = os.open(path, flags)
    try:
        yield fd
    finally:
        os.close(fd)
