"""Best-effort confinement of a query worker process (Linux): no network, dies with its parent.

The policy check in :mod:`api.policy` refuses SERVICE and LOAD to hosts nobody allowed; this is
the second wall. A worker that may reach no host moves into a network namespace of its own, where
no interface is up, so even a query the check misread cannot open a connection. Where user
namespaces are not permitted (some containers) the worker runs without it and says so once.
"""

from __future__ import annotations

import ctypes
import logging
import os
import signal

log = logging.getLogger("api.worker")

_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000
_PR_SET_PDEATHSIG = 1


def _libc() -> ctypes.CDLL | None:
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None


def isolate_network() -> bool:
    """Move this (single-threaded) process into an empty network namespace; True on success."""
    libc = _libc()
    if libc is None or not hasattr(libc, "unshare"):
        return False
    uid, gid = os.getuid(), os.getgid()
    if libc.unshare(_CLONE_NEWUSER | _CLONE_NEWNET) != 0:
        log.info("query worker keeps the host network: unshare failed (errno %d)", ctypes.get_errno())
        return False
    _map_ids(uid, gid)
    return True


def _map_ids(uid: int, gid: int) -> None:
    """Keep the worker's own user and group inside the namespace, so files it writes (a new store
    generation after an update) belong to the same user as before."""
    for name, text in (("setgroups", "deny"), ("uid_map", f"{uid} {uid} 1"), ("gid_map", f"{gid} {gid} 1")):
        try:
            with open(f"/proc/self/{name}", "w", encoding="ascii") as handle:
                handle.write(text)
        except OSError:
            log.debug("could not write /proc/self/%s", name)


def die_with_parent() -> None:
    """Ask the kernel to kill this worker when the process that forked it exits."""
    libc = _libc()
    if libc is not None and hasattr(libc, "prctl"):
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def prepare_worker(no_network: bool) -> bool:
    """Everything a worker does before it opens the store; returns whether the network is cut."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C on `kg serve` is the server's to handle
    die_with_parent()
    return isolate_network() if no_network else False
