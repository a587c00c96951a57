"""Run one function over many items in several processes, this one included.

`Pool(jobs)` starts `jobs - 1` worker processes; `Pool.run(func, shared, items, on_result)`
cuts the items into chunks that the workers and this process take one at a time, each the
next one by a counter kept here (so a slow chunk never holds the others back), computing
`func(shared, item)` for each item; the results reach `on_result(index, result)` in this
process as chunks finish, in no particular order (callers put them back in order by index).
Workers get `shared` (pickled once a run) and each chunk's items through their pipe, so a
pool started early serves later runs: a forked worker holds (and the system counts again)
all that this process holds when it is forked, so start it before holding anything large.

A worker that dies (killed, out of memory) only loses time: the chunks it did not deliver
are computed here at the end. An exception raised by `func` in a worker ends that worker
quietly and is raised again here, where the same chunk is computed again.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

T = TypeVar("T")
R = TypeVar("R")
Chunk = tuple[int, int]  # items[start:end]


def cpu_count() -> int:
    """CPUs this process may run on (the affinity mask and container limits, where known)."""
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if counter is not None:
        return int(counter() or 1)
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def chunk_size(items: int, jobs: int) -> int:
    """Small enough that every process gets several chunks (balance), large enough to
    keep messages few: 4 to 32 items."""
    return max(4, min(32, items // (jobs * 8) or 1))


def _context() -> Any:
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    # fork shares the imported modules at no cost; elsewhere, spawn.
    return multiprocessing.get_context("fork" if "fork" in methods and sys.platform != "darwin" else "spawn")


def _worker(inbox: Connection, outbox: Connection, ours: list[Connection]) -> None:
    """Until the pool closes (or the parent dies): for each run, compute the chunks sent
    (None: the run is over) and send back their results."""
    for connection in ours:  # the parent's ends, copied by fork: its death must close them
        connection.close()
    try:
        while True:
            func, shared = inbox.recv()
            while (chunk := inbox.recv()) is not None:
                index, items = chunk
                outbox.send((index, [func(shared, item) for item in items]))
    except BaseException:  # noqa: BLE001, S110 - closed; or the parent computes its chunks again
        pass
    finally:
        inbox.close()
        outbox.close()


class _Worker:
    """A worker process and our ends of its two pipes (one-way: a two-way pipe is a socket)."""

    def __init__(self, context: Any, others: list[_Worker]) -> None:
        inbox, self.inbox = context.Pipe(duplex=False)
        self.outbox, outbox = context.Pipe(duplex=False)
        ours = [self.inbox, self.outbox, *(c for w in others for c in (w.inbox, w.outbox))]
        forked = context.get_start_method() == "fork"
        self.process = context.Process(target=_worker, args=(inbox, outbox, ours if forked else []), daemon=True)
        self.process.start()
        inbox.close()
        outbox.close()

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()
        self.inbox.close()
        self.outbox.close()


class Pool:
    """`jobs - 1` worker processes, until `close`."""

    def __init__(self, jobs: int, workers: int | None = None) -> None:
        """`workers`: how many to start now (default `jobs - 1`); `run` starts those it needs."""
        self.jobs = jobs
        self._workers: list[_Worker] = []
        self._grow(jobs - 1 if workers is None else workers)

    def _grow(self, count: int) -> None:
        """Start workers until there are `count` (at most `jobs - 1`)."""
        count = min(count, self.jobs - 1)
        if len(self._workers) >= count:
            return
        context = _context()
        for stream in (sys.stdout, sys.stderr):  # a forked child must not write our buffered output again
            stream.flush()
        while len(self._workers) < count:
            self._workers.append(_Worker(context, self._workers))

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        for worker in list(self._workers):
            self._drop(worker)

    def _drop(self, worker: _Worker) -> None:
        self._workers.remove(worker)
        worker.stop()

    def run(
        self,
        func: Callable[[Any, T], R],
        shared: Any,
        items: Sequence[T],
        on_result: Callable[[int, R], None],
        size: int | None = None,
    ) -> None:
        """Call `on_result(i, func(shared, items[i]))` for every item. `items` is sliced a chunk
        at a time, when the chunk is taken: it may make them as they are asked for."""
        size = size or chunk_size(len(items), self.jobs)
        chunks: list[Chunk] = [(start, min(start + size, len(items))) for start in range(0, len(items), size)]
        self._grow(len(chunks) - 1)
        workers = self._workers[: max(0, len(chunks) - 1)]
        job = None
        if workers:
            from multiprocessing.reduction import ForkingPickler

            try:
                job = bytes(ForkingPickler.dumps((func, shared)))
            except Exception:  # noqa: BLE001 - not picklable (a plugin's value): all computed here
                workers = []
        claimed = iter(range(len(chunks)))
        done: set[int] = set()
        lock = threading.Lock()
        failures: list[BaseException] = []
        lost: list[_Worker] = []

        def claim() -> int | None:
            with lock:
                return next(claimed, None)

        def deliver(index: int, results: list[R]) -> None:
            with lock:
                for offset, result in enumerate(results):
                    on_result(chunks[index][0] + offset, result)
                done.add(index)

        def serve(worker: _Worker) -> None:
            sent = 0  # chunks sent and not delivered: one more while many are left, so that the
            # worker never waits for this process (busy in its own chunk) to reply

            def send_next() -> None:
                nonlocal sent
                index = claim()
                if index is not None:
                    worker.inbox.send((index, list(items[slice(*chunks[index])])))
                    sent += 1

            try:
                assert job is not None
                worker.inbox.send_bytes(job)
                send_next()
                while sent:
                    if sent == 1 and len(chunks) - len(done) > 2 * self.jobs:
                        send_next()
                    index, results = worker.outbox.recv()
                    sent -= 1
                    if not sent:
                        send_next()
                    deliver(index, results)
                worker.inbox.send(None)
            except (EOFError, OSError):
                lost.append(worker)  # it died (or raised): its chunks are computed at the end
            except BaseException as error:  # noqa: BLE001 - raised again in the calling thread
                failures.append(error)
                lost.append(worker)

        threads = [threading.Thread(target=serve, args=(worker,), daemon=True) for worker in workers]
        try:
            for thread in threads:
                thread.start()
            while (index := claim()) is not None:
                deliver(index, [func(shared, item) for item in items[slice(*chunks[index])]])
            for thread in threads:
                thread.join()
        except BaseException:
            lost.extend(workers)  # stopped here: stop them too (their threads end)
            raise
        finally:
            for worker in lost:
                if worker in self._workers:
                    self._drop(worker)
        if failures:
            raise failures[0]
        for index in range(len(chunks)):
            if index not in done:  # a worker died with it (or raised): compute it here
                deliver(index, [func(shared, item) for item in items[slice(*chunks[index])]])


def run(
    func: Callable[[Any, T], R],
    shared: Any,
    items: Sequence[T],
    jobs: int,
    on_result: Callable[[int, R], None],
    size: int | None = None,
) -> None:
    """`Pool.run` with a pool of its own (no more processes than chunks)."""
    size = size or chunk_size(len(items), jobs)
    with Pool(min(jobs, -(-len(items) // size))) as pool:
        pool.run(func, shared, items, on_result, size)
