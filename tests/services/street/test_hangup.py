"""A publish given up from another thread (the window closing): an open connection's wait on
a server that never answers ends once it is cut, and a cut one takes no new socket; a
connection being made ends too, through psycopg's private hook (pyproject.toml bounds psycopg
to the versions where it was tested)."""

from __future__ import annotations

import socket
import threading

import psycopg
import pytest
from black_hole import black_hole

from volunteer_app.services.street import server
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


def test_psycopg_still_has_the_private_hook_a_connection_being_made_is_cut_through():
    # server._Connection overrides it; were it renamed, the override would never be called
    # and a cut connecting would go on until libpq's connect_timeout (pyproject.toml's bound)
    hook = getattr(psycopg.Connection, "_connect_gen", None)
    assert callable(hook), (
        f"psycopg {psycopg.__version__} has no Connection._connect_gen: services/street/server.py "
        "cannot give up a connection being made; adapt _Connection or keep psycopg below this version")


class _Watching(Hangup):
    """A Hangup that notes when psycopg's connection generator was handed to it."""

    consulted = False

    def watched(self, steps):
        self.consulted = True
        return super().watched(steps)


def test_a_connection_being_made_to_a_silent_server_ends_when_cut():
    hangup, outcome = _Watching(), []

    def connecting() -> None:
        try:
            server.connect(hole.url, timeout=20, hangup=hangup).close()
        except BaseException as error:      # the outcome is the assertion's
            outcome.append(error)

    with black_hole() as hole:
        making = threading.Thread(target=connecting, daemon=True)
        making.start()
        try:
            assert hole.heard.wait(30)      # libpq sent its start-up and waits for the answer
            # psycopg made the connection through the hook: else a cut would be seen only
            # once libpq's connect_timeout had passed
            assert hangup.consulted, (
                f"psycopg {psycopg.__version__} did not call Connection._connect_gen: "
                "services/street/server.py cannot give up a connection being made")
        finally:
            hangup.cut()
        making.join(60)
        assert not making.is_alive()
        [error] = outcome
        assert isinstance(error, Abandoned), f"not cut off but {type(error).__name__}: {error}"
        assert hole.hung_up.wait(30)        # the socket was let go
