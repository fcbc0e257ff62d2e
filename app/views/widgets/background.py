"""Long work off the GUI thread (ARCHITECTURE rule 4), with results posted back by signals.

A `TaskRunner` runs a plain function on `QThreadPool`; the function reports progress through a
callback (it knows nothing of Qt) and the runner turns each call into a queued signal, so no
widget is ever touched from the worker thread. Tests build the runner with `synchronous=True`
and get the same signals, in order, without threads.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from app.errors import DugnadError

ProgressCallback = Callable[[int, int], None]


class TaskSignals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    crashed = Signal(object)


class _Task(QRunnable):
    def __init__(self, work: Callable[[ProgressCallback], Any], signals: TaskSignals) -> None:
        super().__init__()
        self.work = work
        self.signals = signals

    def run(self) -> None:
        try:
            result = self.work(self.signals.progress.emit)
        except DugnadError as exc:
            self.signals.failed.emit(exc.message)
        except Exception as exc:  # noqa: BLE001 - handed to the GUI thread's crash handler
            self.signals.crashed.emit(exc)
        else:
            self.signals.finished.emit(result)


class _Relay(QObject):
    """Lives on the GUI thread; its slots run there, whatever thread emitted the signal."""

    def __init__(
        self,
        on_done: Callable[[Any], None],
        on_failed: Callable[[str], None],
        on_progress: ProgressCallback | None,
        forget: Callable[[_Relay], None],
    ) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_failed = on_failed
        self._on_progress = on_progress
        self._forget = forget

    @Slot(int, int)
    def progress(self, done: int, total: int) -> None:
        if self._on_progress is not None:
            self._on_progress(done, total)

    @Slot(object)
    def finished(self, result: object) -> None:
        self._forget(self)
        self._on_done(result)

    @Slot(str)
    def failed(self, message: str) -> None:
        self._forget(self)
        self._on_failed(message)

    @Slot(object)
    def crashed(self, exc: BaseException) -> None:
        self._forget(self)
        sys.excepthook(type(exc), exc, exc.__traceback__)


class TaskRunner:
    """Starts background tasks; one per application window."""

    def __init__(self, *, synchronous: bool = False, pool: QThreadPool | None = None) -> None:
        self.synchronous = synchronous
        self.pool = pool or QThreadPool.globalInstance()
        self._running: set[_Relay] = set()

    def start(
        self,
        work: Callable[[ProgressCallback], Any],
        *,
        on_done: Callable[[Any], None],
        on_failed: Callable[[str], None],
        on_progress: ProgressCallback | None = None,
    ) -> None:
        """Run `work(progress)`; then `on_done(result)` or `on_failed(message)` in the GUI."""
        relay = _Relay(on_done, on_failed, on_progress, self._running.discard)
        self._running.add(relay)
        signals = TaskSignals()
        signals.progress.connect(relay.progress)
        signals.finished.connect(relay.finished)
        signals.failed.connect(relay.failed)
        signals.crashed.connect(relay.crashed)
        relay.signals = signals  # keep the signals object alive as long as the relay
        task = _Task(work, signals)
        if self.synchronous:
            task.run()
        else:
            self.pool.start(task)

    def wait(self) -> None:
        """Block until every started task is done (for closing the window and for tests)."""
        self.pool.waitForDone()
