"""The adaptive in-flight limit: grows while answers are healthy, backs off on trouble."""

from __future__ import annotations

import threading

from syncerr_gui.core.cancel import CancelToken
from syncerr_gui.core.salesforce.concurrency import CEILING, SLOW_SECONDS, START, AdaptiveLimit


def test_it_starts_moderate_and_grows_to_the_ceiling_while_answers_are_healthy() -> None:
    limit = AdaptiveLimit()
    assert limit.limit == START
    for _ in range(100):
        limit.answered(0.15)
    assert limit.limit == CEILING < 25  # below Salesforce's concurrent long-running limit


def test_fast_answers_from_a_nearby_server_do_not_grow_it() -> None:
    limit = AdaptiveLimit()
    for _ in range(100):
        limit.answered(0.002)  # loopback: no round trip to hide
    assert limit.limit == START


def test_overload_halves_once_per_burst_and_growth_then_slows() -> None:
    limit = AdaptiveLimit(ceiling=24, start=24)
    limit.overloaded("429")
    limit.overloaded("429")  # answers already in flight report the same trouble
    assert limit.limit == 12 and limit.backoffs == 1
    for _ in range(14):
        limit.answered(0.15)
    assert limit.limit == 13  # one per window of answers after a backoff, not one per answer


def test_a_slow_answer_lowers_the_limit() -> None:
    limit = AdaptiveLimit(ceiling=24, start=20)
    limit.answered(SLOW_SECONDS + 1)
    assert limit.limit == 15


def test_no_more_than_the_limit_are_in_flight() -> None:
    limit = AdaptiveLimit(ceiling=3, start=3)
    cancel, release = CancelToken(), threading.Event()
    inside: list[int] = []
    lock = threading.Lock()

    def work() -> None:
        with limit.slot(cancel):
            with lock:
                inside.append(1)
            release.wait(5)

    threads = [threading.Thread(target=work) for _ in range(6)]
    for thread in threads:
        thread.start()
    for _ in range(50):
        if len(inside) >= 3:
            break
        release.wait(0.02)
    assert len(inside) == 3  # the other three wait for a slot
    release.set()
    for thread in threads:
        thread.join(5)
    assert len(inside) == 6 and limit.peak == 3
