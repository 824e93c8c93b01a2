"""A signal that reaches the handler while a step must not be cut (a worker being forked, a file being
registered) waits for the step's end: raised in the middle, it could land in a fork's hooks, which print it
as a traceback and go on (seen in CI: "Exception ignored in: <function _releaseLock …>")."""
from __future__ import annotations

import signal

import pytest

from generator import entry
from generator.core import cleanup


@pytest.fixture
def handler_armed(monkeypatch):
    monkeypatch.setattr(entry, "_running", True)
    previous = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    yield
    for s, h in previous.items():
        signal.signal(s, h)


def test_a_signal_during_a_held_step_is_raised_when_it_ends(handler_armed):
    reached_the_end = False
    with pytest.raises(cleanup.Interrupted) as stopped:
        with cleanup.signals_held():
            entry._stop(signal.SIGTERM, None)      # as when another thread took the signal: no raise here
            reached_the_end = True
    assert reached_the_end and stopped.value.signum == signal.SIGTERM
    assert not cleanup.held(signal.SIGTERM)         # nothing held any more, nothing pending


def test_outside_a_held_step_the_signal_stops_at_once(handler_armed):
    with pytest.raises(cleanup.Interrupted):
        entry._stop(signal.SIGINT, None)
