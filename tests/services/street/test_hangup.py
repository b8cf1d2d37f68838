"""A publish given up from another thread (the window closing): an open connection's wait on
a server that never answers ends once it is cut, and a cut one takes no new socket."""

from __future__ import annotations

import socket
import threading

import pytest

from volunteer_app.services.street.hangup import Abandoned, Hangup


def test_a_wait_on_a_silent_socket_ends_when_cut():
    ours, server = socket.socketpair()      # the server holds its end and never answers
    hangup, heard, holding = Hangup(), [], threading.Event()
    with ours, server:
        def wait() -> None:
            with hangup.holding(ours.fileno()):
                holding.set()
                heard.append(ours.recv(10))

        waiting = threading.Thread(target=wait)
        waiting.start()
        assert holding.wait(30)
        hangup.cut()
        waiting.join(30)
        assert not waiting.is_alive() and heard == [b""]    # its wait ended, nothing came
        assert server.fileno() != -1                        # the server's end still held
        with pytest.raises(Abandoned), hangup.holding(ours.fileno()):
            pass
