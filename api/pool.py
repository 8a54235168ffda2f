"""A pool of query worker processes with a hard time limit per job.

A job goes to an idle worker through a pipe; the event loop waits on the pipe's file descriptor,
so it stays free for other clients. When the limit passes, the worker is killed (the only way to
stop a pyoxigraph query), a fresh one takes its place, and the client gets a 504. Workers come
from a fork server that has already imported the worker module, so a replacement is ready in
milliseconds.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from api import jobs
from api.errors import ApiError

log = logging.getLogger("api.pool")
_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["api.query_worker"])


@dataclass(eq=False)  # identity, so handles can live in a set
class _Handle:
    process: BaseProcess
    conn: Connection


class WorkerPool:
    """``await pool.run(job)`` runs a job in a worker process, within ``timeout`` seconds."""

    def __init__(self, config: jobs.WorkerConfig, size: int, timeout: float) -> None:
        self.config = config
        self.size = max(size, 1)
        self.timeout = timeout
        self._idle: asyncio.Queue[_Handle] | None = None
        self._all: set[_Handle] = set()
        self._update_lock: asyncio.Lock | None = None
        self._closed = False

    # ------------------------------------------------------------ life cycle
    def _spawn(self) -> _Handle:
        from api import query_worker

        parent, child = _CONTEXT.Pipe()
        process = _CONTEXT.Process(target=query_worker.main, args=(child, self.config),
                                   name="kg-query-worker", daemon=True)
        with _main_module_hidden():
            process.start()
        child.close()
        handle = _Handle(process, parent)
        self._all.add(handle)
        return handle

    def start(self) -> None:
        """Start the workers now (the service does at startup), not at the first query."""
        self._start()

    def _start(self) -> asyncio.Queue[_Handle]:
        if self._closed:
            raise ApiError(503, "shutting_down", "the service is shutting down")
        if self._idle is None:
            self._idle = asyncio.Queue()
            self._update_lock = asyncio.Lock()
            for _ in range(self.size):
                self._idle.put_nowait(self._spawn())
        return self._idle

    def _retire(self, handle: _Handle) -> None:
        """Kill a worker (it may be in the middle of a query) and put a fresh one in its place."""
        self._all.discard(handle)
        handle.process.kill()
        handle.conn.close()
        handle.process.join(timeout=1)
        if not self._closed and self._idle is not None:
            self._idle.put_nowait(self._spawn())

    async def close(self) -> None:
        """Stop every worker: idle ones are asked to leave, busy ones are killed."""
        self._closed = True
        for handle in list(self._all):
            try:
                handle.conn.send(None)
            except OSError:
                pass
        for handle in list(self._all):
            await asyncio.to_thread(handle.process.join, 1)
            if handle.process.is_alive():
                handle.process.kill()
                handle.process.join(timeout=1)
            handle.conn.close()
        self._all.clear()

    def alive(self) -> int:
        return sum(1 for h in self._all if h.process.is_alive())

    # ------------------------------------------------------------ running jobs
    async def run(self, job: object, timeout: float | None = None) -> Any:
        """The worker's reply to ``job``; raises :class:`ApiError` for failures and timeouts."""
        limit = self.timeout if timeout is None else timeout
        if isinstance(job, jobs.ProtocolUpdate):
            self._start()
            assert self._update_lock is not None
            async with self._update_lock:  # one writer at a time: each update copies the store
                return await self._run(job, limit)
        return await self._run(job, limit)

    async def _run(self, job: object, limit: float) -> Any:
        handle = await self._acquire(limit)
        try:
            reply = await self._call(handle, job, limit)
        except asyncio.TimeoutError:
            self._retire(handle)
            raise ApiError(504, "timeout", f"the query ran longer than the time limit of {limit:g} s "
                           "and was stopped") from None
        except (EOFError, OSError) as exc:
            self._retire(handle)
            raise ApiError(500, "worker_died", f"the query worker stopped unexpectedly ({exc!r})") from None
        except BaseException:
            self._retire(handle)  # cancelled while a job ran: the worker's state is unknown
            raise
        if self._idle is not None:
            self._idle.put_nowait(handle)
        if isinstance(reply, jobs.Failure):
            raise ApiError(reply.status, reply.code, reply.message, detail=reply.detail)
        return reply

    async def _acquire(self, limit: float) -> _Handle:
        """An idle, living worker; 503 when none frees up within ``limit``."""
        idle = self._start()
        for _ in range(2):
            try:
                handle = await asyncio.wait_for(idle.get(), timeout=limit)
            except asyncio.TimeoutError:
                raise ApiError(503, "busy", f"all {self.size} query workers stayed busy for {limit:g} s; "
                               "try again later", headers={"Retry-After": "5"}) from None
            if handle.process.is_alive():
                return handle
            self._retire(handle)  # it died while idle (the system killed it): use a fresh one
        raise ApiError(500, "worker_died", "query workers die as soon as they start; see the server log")

    async def _call(self, handle: _Handle, job: object, limit: float) -> Any:
        await asyncio.to_thread(handle.conn.send, (job, limit))  # a large body must not block the loop
        await asyncio.wait_for(_readable(handle.conn), timeout=limit)
        return await asyncio.to_thread(handle.conn.recv)


@contextmanager
def _main_module_hidden() -> Iterator[None]:
    """Start a worker without re-running the main script in it.

    multiprocessing imports the parent's ``__main__`` into every child it starts. A worker needs
    only ``api.query_worker`` (the fork server has it loaded), while the main script of
    ``kg serve`` imports the whole command line, spaCy included: 140 MB and seconds per worker.
    """
    main = sys.modules.get("__main__")
    if main is None:
        yield
        return
    saved: dict[str, Any] = {name: main.__dict__[name] for name in ("__file__", "__spec__") if name in main.__dict__}
    main.__dict__.pop("__file__", None)
    main.__dict__["__spec__"] = None
    try:
        yield
    finally:
        main.__dict__.pop("__spec__", None)
        main.__dict__.update(saved)


async def _readable(conn: Connection) -> None:
    """Wait, without a thread, until the worker has written its reply (or died)."""
    loop = asyncio.get_running_loop()
    ready = loop.create_future()
    fd = conn.fileno()

    def wake() -> None:
        if not ready.done():
            ready.set_result(None)

    loop.add_reader(fd, wake)
    try:
        await ready
    finally:
        loop.remove_reader(fd)
