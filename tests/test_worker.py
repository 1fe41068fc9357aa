"""Background jobs deliver results and errors on the main thread."""

from __future__ import annotations

import threading

from desktop.ui.worker import Background


def test_result_arrives_on_the_main_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    background = Background()
    seen: dict[str, object] = {}

    def work(x: int) -> int:
        seen["worker"] = threading.get_ident()
        return x * 2

    def done(value: int) -> None:
        seen["value"] = value
        seen["receiver"] = threading.get_ident()

    job = background.submit(work, 21, on_done=done)
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    assert seen["value"] == 42
    assert seen["receiver"] == threading.main_thread().ident != seen["worker"]


def test_error_arrives_as_the_exception(qtbot) -> None:  # type: ignore[no-untyped-def]
    background = Background()
    errors: list[BaseException] = []

    def boom() -> None:
        raise ValueError("no such contractor")

    job = background.submit(boom, on_error=errors.append)
    with qtbot.waitSignal(job.failed, timeout=5000):
        pass
    assert [str(e) for e in errors] == ["no such contractor"]


def test_jobs_run_one_at_a_time_in_order(qtbot) -> None:  # type: ignore[no-untyped-def]
    background = Background()
    order: list[int] = []
    active = threading.Semaphore(1)

    def work(n: int) -> int:
        assert active.acquire(blocking=False), "two jobs ran at once"
        try:
            return n
        finally:
            active.release()

    jobs = [background.submit(work, n, on_done=order.append) for n in range(5)]
    with qtbot.waitSignal(jobs[-1].finished, timeout=5000):
        pass
    assert order == [0, 1, 2, 3, 4]


def test_cancelled_job_delivers_nothing(qtbot) -> None:  # type: ignore[no-untyped-def]
    background = Background()
    gate = threading.Event()
    got: list[object] = []
    job = background.submit(gate.wait, 5, on_done=got.append)
    job.cancel()
    gate.set()
    after = background.submit(lambda: "next", on_done=got.append)
    with qtbot.waitSignal(after.finished, timeout=5000):
        pass
    assert got == ["next"]
