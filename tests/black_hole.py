"""A TCP server on 127.0.0.1 that accepts a connection and never answers: a street server
behind a stalled link. The street tests connect to it to see a wait being cut off."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator


class BlackHole:
    """A TCP server on 127.0.0.1 that accepts connections, reads what comes and never
    answers; it holds each connection until the client hangs up or the hole is closed."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.heard = threading.Event()          # a client connected and spoke (libpq's start-up)
        self.hung_up = threading.Event()        # that client closed its end
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"postgresql://gaolizhuang:pw@127.0.0.1:{self.port}/street"

    def _serve(self) -> None:
        with contextlib.suppress(OSError):
            client, _ = self._listener.accept()
            with client:
                while client.recv(4096):
                    self.heard.set()
                self.hung_up.set()

    def close(self) -> None:
        self._listener.close()


@contextlib.contextmanager
def black_hole() -> Iterator[BlackHole]:
    hole = BlackHole()
    try:
        yield hole
    finally:
        hole.close()
