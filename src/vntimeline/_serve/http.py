"""The HTTP server: the feed app on uvicorn, a watcher for the data file, and signals.

Theory of operation
-------------------
:class:`FeedServer` binds its listening socket itself (so a busy port fails
at once, naming it, and ``port=0`` is known before serving), then runs
uvicorn on it in a thread of its own, with one event loop that serves every
connection and, beside it, a watcher task that asks the store to refresh
every ``interval`` seconds (in a worker thread: a rebuild never stops the
loop). Requests are answered from memory only (:mod:`.app`).

Why uvicorn, with its httptools parser: the previous front, hand-rolled on
:mod:`http.server`, never read request bodies (a body was parsed as the
next request: request smuggling), wrote headers and body separately (40 ms
Nagle stalls on keep-alive), listened with a backlog of 5 and spent a thread
on every idle connection. Those are the HTTP server's job, and uvicorn is a
well-kept one that does each properly: llhttp (Node.js's parser, through
httptools) frames every body by Content-Length or chunked encoding and
refuses ambiguous framing, so a body is consumed as a body whether or not the
app reads it; asyncio sets ``TCP_NODELAY`` on every connection; the backlog,
the idle timeout and a cap on connections (503 beyond it) are settings; and
an idle connection costs a few kilobytes, not a thread. It is one
dependency (with h11 and click) rather than a framework: the app is a plain
ASGI callable, and ``vntimeline serve`` stays one command. aiohttp would
also do, with a larger dependency tree and its own app model.

What uvicorn lacks is added in a small subclass of its protocol
(:mod:`.protocol`): the idle timeout also for a connection that has not sent
a request yet, a timeout on each request's arrival (against clients that
send a byte at a time) and on responses left unread, ``TCP_NODELAY``
whatever the event loop, and one write per response.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from types import FrameType
from typing import TYPE_CHECKING, Final

import uvicorn

from ..errors import ExportError
from .app import FeedApp
from .protocol import REQUEST_TIMEOUT, SEND_TIMEOUT, FeedProtocol
from .store import FeedStore, Loader

if TYPE_CHECKING:
    from .._export.ical import FeedOptions

__all__ = [
    "BACKLOG",
    "IDLE_TIMEOUT",
    "INTERVAL",
    "REQUEST_TIMEOUT",
    "SEND_TIMEOUT",
    "SETTLE",
    "FeedServer",
    "serve",
]

log = logging.getLogger("vntimeline.serve")

#: Connections the kernel queues before they are accepted.
BACKLOG: Final = 2048
#: Seconds a connection may stay idle (before its first request or between two).
IDLE_TIMEOUT: Final = 15.0
#: Seconds between two looks at the data file.
INTERVAL: Final = 0.25
#: Seconds a changed data file must stay unchanged before it is read (see :mod:`.watch`).
SETTLE: Final = 0.5
#: The most connections served at once, when the file descriptor limit allows it.
MAX_CONNECTIONS: Final = 10_000
_SPARE_FILES: Final = 64  # descriptors kept for the data file, logs and the like


class FeedServer:
    """An HTTP server for the feeds of one data file; start it in a thread or block on it.

    The feeds themselves are in :attr:`store`. ``port=0`` picks a free port
    (see :attr:`url`). The data file is loaded on construction, so a broken
    file raises here rather than serving nothing. *limit* caps the
    connections served at once (further requests get 503; default: as many
    as the process may open, up to :data:`MAX_CONNECTIONS`); *settle* and
    *interval* say how reloads are timed, *idle_timeout* when an idle
    connection is closed, *request_timeout* how long a request may take to
    arrive whole, *send_timeout* how long a client may leave its responses
    unread (see :mod:`.protocol`).
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        host: str = "127.0.0.1",
        port: int = 8000,
        *,
        options: FeedOptions | None = None,
        loader: Loader | None = None,
        settle: float = SETTLE,
        interval: float = INTERVAL,
        idle_timeout: float = IDLE_TIMEOUT,
        request_timeout: float = REQUEST_TIMEOUT,
        send_timeout: float = SEND_TIMEOUT,
        limit: int | None = None,
        backlog: int = BACKLOG,
    ) -> None:
        self.store = FeedStore(path, options=options, loader=loader, settle=settle)
        self.interval = interval
        self.limit = connection_limit() if limit is None else limit
        self._socket = _listen(host, port, backlog)
        config = uvicorn.Config(
            FeedApp(self.store, _authority(*self.address)),
            http=_protocol(request_timeout, send_timeout),
            ws="none",
            lifespan="off",
            interface="asgi3",
            log_config=None,
            log_level=logging.WARNING,
            access_log=False,  # the app logs each request itself, escaped
            proxy_headers=False,
            server_header=False,
            headers=[("server", "vntimeline")],
            # typed int, used as seconds for call_later: a fraction works (tests use one)
            timeout_keep_alive=idle_timeout,  # type: ignore[arg-type]
            # uvicorn answers 503 once connections >= its limit, the new one included
            limit_concurrency=self.limit + 1,
            backlog=backlog,
            timeout_graceful_shutdown=5,
        )
        self._server = uvicorn.Server(config)
        self._thread: threading.Thread | None = None
        self._failure: BaseException | None = None

    @property
    def address(self) -> tuple[str, int]:
        """The host and port actually listened on."""
        host, port = self._socket.getsockname()[:2]
        return str(host), int(port)

    @property
    def url(self) -> str:
        """The base URL, such as ``http://127.0.0.1:8000/``."""
        return f"http://{_authority(*self.address)}/"

    def start(self) -> FeedServer:
        """Serve in a background thread, once it is ready; returns self."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="vntimeline-serve", daemon=True)
            self._thread.start()
            while not self._server.started and self._thread.is_alive():
                time.sleep(0.005)
            if self._failure is not None:
                raise ExportError(f"the server could not start: {self._failure}")
        return self

    def serve_forever(self) -> None:
        """Serve until :meth:`shutdown` (from another thread) or Ctrl-C (KeyboardInterrupt)."""
        thread = self.start()._thread
        while thread is not None and thread.is_alive():
            thread.join(0.5)  # a timeout keeps the main thread responsive to signals

    def shutdown(self) -> None:
        """Stop serving (open connections finish their response) and release the port."""
        if self._thread is not None:
            self._server.should_exit = True
            self._thread.join()
            self._thread = None
        self._socket.close()

    def __enter__(self) -> FeedServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.shutdown()

    def _run(self) -> None:
        """The server thread: one event loop for uvicorn and the watcher."""
        try:
            with asyncio.Runner(loop_factory=_loop_factory()) as runner:
                runner.run(self._main())
        except BaseException as exc:  # reported by start(), or logged if serving had begun
            self._failure = exc
            if self._server.started:
                log.exception("the server stopped")

    async def _main(self) -> None:
        watcher = asyncio.create_task(self._watch())
        try:
            await self._server.serve(sockets=[self._socket])
        finally:
            watcher.cancel()

    async def _watch(self) -> None:
        """Look at the data file every :attr:`interval` seconds, rebuilding in a worker thread."""
        while True:
            await asyncio.sleep(self.interval)
            try:
                await asyncio.to_thread(self.store.refresh)
            except Exception:  # the store logs its own failures; this is a bug
                log.exception("checking %s failed", self.store.path)


def _loop_factory() -> Callable[[], asyncio.AbstractEventLoop] | None:
    """The event loop of uvloop where it is installed; None (asyncio's own) elsewhere."""
    try:
        import uvloop
    except ImportError:
        return None
    return uvloop.new_event_loop


def _protocol(request_timeout: float, send_timeout: float) -> type[FeedProtocol]:
    """The protocol class of a server: :class:`FeedProtocol` with its timeouts."""

    class Protocol(FeedProtocol):
        pass

    Protocol.request_timeout = request_timeout
    Protocol.send_timeout = send_timeout
    return Protocol


def _listen(host: str, port: int, backlog: int) -> socket.socket:
    """A listening TCP socket on *host*:*port*; ExportError naming them if that fails."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        if sys.platform != "win32":  # there it would let two servers share the port
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(backlog)
        sock.setblocking(False)
    except OSError as exc:
        sock.close()
        raise ExportError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    return sock


def _authority(host: str, port: int) -> str:
    """``host:port`` as it goes into a URL: an IPv6 address in brackets."""
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def connection_limit() -> int:
    """How many connections this process can serve at once: its file limit, less some spare."""
    try:
        import resource
    except ImportError:  # Windows
        return 1_000
    soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return MAX_CONNECTIONS
    return max(16, min(MAX_CONNECTIONS, soft - _SPARE_FILES))


def raise_file_limit() -> None:
    """Let this process open enough files for :data:`MAX_CONNECTIONS` connections, if allowed.

    Many systems start programs with a soft limit of 1024 open files and a
    far higher hard limit; a server raises its own soft limit, as Go
    programs do by default.
    """
    try:
        import resource
    except ImportError:  # Windows
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = MAX_CONNECTIONS + _SPARE_FILES
    if soft != resource.RLIM_INFINITY and soft < wanted:
        target = wanted if hard == resource.RLIM_INFINITY else min(hard, wanted)
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))


def serve(
    path: str | os.PathLike[str],
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    options: FeedOptions | None = None,
) -> None:
    """Serve the feeds of *path* until Ctrl-C (or SIGTERM), then return normally."""
    if not logging.getLogger().handlers:
        # The command's own output; a program embedding serve() configures logging itself.
        logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
        _lean_log_records()
    raise_file_limit()
    server = FeedServer(path, host, port, options=options)
    names = list(server.store.feeds())
    log.info(
        "serving %d feed%s from %s at %s (Ctrl-C to stop)",
        len(names),
        "s" if len(names) != 1 else "",
        server.store.path,
        server.url,
    )
    for name in names:
        log.info("  %s%s", server.url, name)
    with _sigterm_as_interrupt():
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            log.info("stopped")
        finally:
            server.shutdown()


def _lean_log_records() -> None:
    """Leave out of each log record what the command's one-message format never prints.

    The logging HOWTO's "Optimization" settings: no caller's frame, thread,
    process or multiprocessing name per record. With a line logged per
    request, finding the caller (a walk up the stack) and asking for the
    process id (a system call) were a tenth of the server's time under load.
    Set only when this process's logging is the command's own.
    """
    logging._srcfile = None  # documented in the logging HOWTO
    logging.logThreads = False
    logging.logProcesses = False
    logging.logMultiprocessing = False


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """Make SIGTERM stop :func:`serve` the way Ctrl-C does (signals work in the main thread)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    """The SIGTERM handler: stop as Ctrl-C does."""
    raise KeyboardInterrupt
