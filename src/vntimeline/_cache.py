"""The build cache: a warm ``vntimeline build`` of unchanged data redoes nothing.

Theory of operation
-------------------
:func:`vntimeline._build.build` keeps a manifest in
``<out>/.vntimeline-cache/manifest.json`` of what its last successful run
read and wrote:

* the *inputs*: the SHA-256 of the data file; of every seed file it read,
  with the absence of each seed path looked at before it (a seed that
  appears earlier in the search changes what is read); and an *environment*
  key, hashing vntimeline's own source files, the versions of Python and of
  the libraries that shape the outputs, ``SOURCE_DATE_EPOCH``, and the
  build's *variant* (its feed options);
* the *outputs*: the SHA-256 of every file written, and of the feed history
  the feeds were rendered with (their SEQUENCE numbers come from it: see
  :mod:`vntimeline._export.ical.state`).

A warm build hashes the inputs. If they all match, an output is kept when
its file is still there with the recorded hash (a feed also needs the feed
history unchanged); the others are rendered again, and the kept ones are
carried into the new build's folder (:mod:`vntimeline._publish`). When every output is kept,
nothing is loaded at all, which is what makes a warm build cheap.

When something must be rendered, the timeline is taken from
``timeline.pickle`` beside the manifest if that was written for the same
inputs, which skips parsing the YAML. Reading a pickle can run code, so it is
read only if it carries an HMAC made with a key kept in the user's own cache
folder (``$XDG_CACHE_HOME/vntimeline/cache-key``, readable by the user
alone): a build folder copied from elsewhere (a CI artifact, a download) is
ignored, never unpickled.

A cache that is missing, unreadable, corrupt, stale or forged is ignored
and replaced, never trusted and never an error: it can make a build faster,
never different.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import importlib.metadata
import json
import os
import pickle
import secrets
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Final

from ._atomic import atomic_write
from ._model.events import Timeline

__all__ = ["CACHE_DIR", "BuildCache", "file_digest"]

#: The cache's folder inside the output folder.
CACHE_DIR: Final = ".vntimeline-cache"
_MANIFEST: Final = "manifest.json"
_PICKLE: Final = "timeline.pickle"
_KEY_FILE: Final = "cache-key"
#: 2: the outputs are links into versioned build folders, the state a history digest.
_FORMAT: Final = 2
#: Libraries whose versions can change an output's bytes.
_LIBRARIES: Final = ("PyYAML", "attrs", "pendulum", "icalendar", "matplotlib")


def file_digest(path: Path) -> str | None:
    """The SHA-256 of a file's bytes, or None if it cannot be read."""
    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


@functools.cache
def _code_and_versions() -> str:
    """A hash of the package's own source files and of what else shapes the outputs."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    # The code itself, not its version number: a changed module (a fix, a
    # checkout of another branch) must never reuse outputs of the old one.
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode("utf-8") + b"\0")
        digest.update(source.read_bytes())
    versions = [sys.version]
    for name in _LIBRARIES:
        try:
            versions.append(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{name} (unknown)")
    digest.update(json.dumps(versions).encode("utf-8"))
    return digest.hexdigest()


def _environment(variant: str) -> str:
    """The environment key: code, versions, ``SOURCE_DATE_EPOCH`` (it sets DTSTAMP), *variant*."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    key = f"{_FORMAT}\0{_code_and_versions()}\0{epoch}\0{variant}"
    return hashlib.sha256(key.encode()).hexdigest()


def _user_key() -> bytes | None:
    """The user's secret key for the pickle's HMAC, made on first use; None if unavailable."""
    try:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    except RuntimeError:  # no home folder to be found
        return None
    path = Path(base) / "vntimeline" / _KEY_FILE
    for _attempt in range(2):
        try:
            key = path.read_bytes()
            return key if len(key) >= 32 else None
        except FileNotFoundError:
            pass
        except OSError:
            return None
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue  # another build made it meanwhile: read that one
        except OSError:
            return None
        key = secrets.token_bytes(32)
        with os.fdopen(fd, "wb") as handle:
            handle.write(key)
        return key
    return None


class BuildCache:
    """The cache of one output folder for one data file: what to keep, and what to record.

    *variant* is whatever else shapes the outputs (the feed options): a build
    of another variant keeps nothing.
    """

    def __init__(self, data: Path, out: Path, *, variant: str = "") -> None:
        self.data = data
        self.out = out
        self.folder = out / CACHE_DIR
        self._data = file_digest(data)
        self._environment = _environment(variant)
        self._manifest = self._matching_manifest()

    # -- reading --------------------------------------------------------------

    def _matching_manifest(self) -> dict[str, Any] | None:
        """The last build's manifest, if it was made from the very same inputs."""
        if self._data is None:
            return None
        try:
            manifest = json.loads((self.folder / _MANIFEST).read_text(encoding="utf-8"))
            if not (
                isinstance(manifest, dict)
                and manifest.get("format") == _FORMAT
                and manifest.get("data") == self._data
                and manifest.get("environment") == self._environment
            ):
                return None
            seeds, outputs = manifest["seeds"], manifest["outputs"]
            if not (
                isinstance(outputs, dict)
                and all(isinstance(k, str) and isinstance(v, str) for k, v in outputs.items())
            ):
                return None
            for path, digest in seeds:
                if not isinstance(path, str) or file_digest(Path(path)) != digest:
                    return None  # a seed changed, appeared or went away
        except (OSError, ValueError, TypeError, KeyError):
            return None
        return manifest

    def kept(self, names: Iterable[str], state: str | None) -> set[str]:
        """The outputs among *names* still as the last build wrote them (for these inputs).

        *state* is the digest of the feed history the feeds would be rendered with.
        """
        manifest = self._manifest
        if manifest is None:
            return set()
        state_ok = state == manifest.get("state")
        found = set()
        for name in names:
            recorded = manifest["outputs"].get(name)
            if recorded is None or (name.endswith(".ics") and not state_ok):
                continue
            if file_digest(self.out / name) == recorded:
                found.add(name)
        return found

    def complete(self, state: str | None) -> list[str] | None:
        """Every output of the last build, in order, if all can be kept; else None."""
        if self._manifest is None:
            return None
        names = list(self._manifest["outputs"])
        return names if len(self.kept(names, state)) == len(names) else None

    def timeline(self) -> Timeline | None:
        """The timeline loaded by the last build, if it was for these inputs and is genuine."""
        manifest = self._manifest
        key = _user_key() if manifest is not None else None
        if manifest is None or key is None or not isinstance(manifest.get("pickle"), str):
            return None
        try:
            payload = (self.folder / _PICKLE).read_bytes()
        except OSError:
            return None
        if not hmac.compare_digest(self._mac(key, manifest["seeds"], payload), manifest["pickle"]):
            return None
        try:
            timeline = pickle.loads(payload)
        except Exception:  # a pickle of classes that have since changed, say
            return None
        return timeline if isinstance(timeline, Timeline) else None

    def _mac(self, key: bytes, seeds: Any, payload: bytes) -> str:
        """The HMAC of a pickle, bound to the inputs it was loaded from."""
        inputs = json.dumps([self._data, self._environment, seeds]).encode("utf-8")
        return hmac.new(key, inputs + b"\0" + payload, hashlib.sha256).hexdigest()

    # -- recording --------------------------------------------------------------

    def previous_outputs(self) -> list[str]:
        """The outputs the last build recorded, whatever its inputs or format (for clean-up)."""
        try:
            manifest = json.loads((self.folder / _MANIFEST).read_text(encoding="utf-8"))
            outputs = manifest["outputs"]
        except (OSError, ValueError, TypeError, KeyError):
            return []
        if not isinstance(outputs, dict):
            return []
        # Only plain file names: a forged manifest must not reach outside the folder.
        return [
            name
            for name in outputs
            if isinstance(name, str) and name == Path(name).name and not name.startswith(".")
        ]

    def save(
        self, timeline: Timeline, names: Sequence[str], state: str | None, *, loaded: bool
    ) -> None:
        """Record a successful build of *names*; *loaded*: the timeline was parsed anew.

        *state* is the digest of the feed history after the build.

        Never raises for a cache that cannot be written: the build succeeded.
        """
        if self._data is None:
            return
        from ._load.loader import seed_folders

        seeds: list[tuple[str, str | None]] = []
        for name in sorted({s.seed for s in timeline.sources if s.seed is not None}):
            for folder in seed_folders(self.data, None):
                path = folder / name
                digest = file_digest(path) if path.is_file() else None
                seeds.append((str(path), digest))
                if digest is not None:
                    break
        outputs = {}
        for name in names:
            digest = file_digest(self.out / name)
            if digest is None:
                return
            outputs[name] = digest
        manifest: dict[str, Any] = {
            "format": _FORMAT,
            "data": self._data,
            "environment": self._environment,
            "seeds": seeds,
            "outputs": outputs,
            "state": state,
        }
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            previous = self._manifest
            key = _user_key()
            if key is not None:
                if not loaded and previous is not None and previous.get("pickle"):
                    manifest["pickle"] = previous["pickle"]  # the same timeline as before
                else:
                    payload = pickle.dumps(timeline, protocol=pickle.HIGHEST_PROTOCOL)
                    atomic_write(self.folder / _PICKLE, payload)
                    # JSON turns the (path, digest) pairs into lists: sign what is read back.
                    manifest["pickle"] = self._mac(key, json.loads(json.dumps(seeds)), payload)
            atomic_write(self.folder / _MANIFEST, json.dumps(manifest, indent=1) + "\n")
        except Exception:  # an unwritable cache (a full disk, an odd file system)
            return
