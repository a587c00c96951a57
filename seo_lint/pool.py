"""Run one function over many items in several processes, this one included.

`run(func, shared, items, jobs, on_result)` cuts the items into chunks. `jobs - 1` worker
processes and the calling process take chunks one at a time from a shared counter (so a slow
chunk never holds the others back) and compute `func(shared, item)` for each item; the
results reach `on_result(index, result)` in this process as chunks finish, in no particular
order (callers put them back in order by index). `shared` (the per-file configurations) goes
to the workers once: inherited when processes are forked, pickled once per worker otherwise.

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
    # fork shares the imported modules and the configuration at no cost; elsewhere, spawn.
    return multiprocessing.get_context("fork" if "fork" in methods and sys.platform != "darwin" else "spawn")


def _claim(counter: Any, total: int) -> int | None:
    with counter.get_lock():
        index = int(counter.value)
        if index >= total:
            return None
        counter.value = index + 1
    return index


def _compute(func: Callable[[Any, T], R], shared: Any, items: Sequence[T], chunk: Chunk) -> list[tuple[int, R]]:
    start, end = chunk
    return [(start + offset, func(shared, item)) for offset, item in enumerate(items[start:end])]


def _worker(
    connection: Connection, counter: Any, func: Callable[[Any, T], R], shared: Any, items: Sequence[T],
    chunks: list[Chunk],
) -> None:
    try:
        while (index := _claim(counter, len(chunks))) is not None:
            connection.send((index, _compute(func, shared, items, chunks[index])))
    except BaseException:  # noqa: BLE001, S110 - the parent computes this chunk again and reports
        pass
    finally:
        connection.close()


def run(
    func: Callable[[Any, T], R],
    shared: Any,
    items: Sequence[T],
    jobs: int,
    on_result: Callable[[int, R], None],
    size: int | None = None,
) -> None:
    """Call `on_result(i, func(shared, items[i]))` for every item, using up to `jobs` processes.
    `items` is sliced a chunk at a time, by the process that computes the chunk: it may make
    them as they are asked for (forked workers share it; `spawn` pickles it)."""
    size = size or chunk_size(len(items), jobs)
    chunks: list[Chunk] = [(start, min(start + size, len(items))) for start in range(0, len(items), size)]
    workers = min(jobs, len(chunks)) - 1
    if workers <= 0:
        for chunk in chunks:
            for index, result in _compute(func, shared, items, chunk):
                on_result(index, result)
        return
    context = _context()
    counter = context.Value("q", 0)
    for stream in (sys.stdout, sys.stderr):  # a forked child must not write our buffered output again
        stream.flush()
    done: set[int] = set()
    lock = threading.Lock()
    processes: list[Any] = []
    readers: list[threading.Thread] = []

    def deliver(index: int, results: list[tuple[int, R]]) -> None:
        with lock:
            for position, result in results:
                on_result(position, result)
            done.add(index)

    failures: list[BaseException] = []

    def read(connection: Connection) -> None:
        try:
            while True:
                deliver(*connection.recv())
        except (EOFError, OSError):
            pass
        except BaseException as error:  # noqa: BLE001 - raised again in the calling thread
            failures.append(error)
        finally:
            connection.close()  # a worker still sending gets a broken pipe and stops

    try:
        for _ in range(workers):
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(target=_worker, args=(sender, counter, func, shared, items, chunks),
                                      daemon=True)
            process.start()
            sender.close()  # the worker holds the only sending end: EOF when it exits
            processes.append(process)
            readers.append(threading.Thread(target=read, args=(receiver,), daemon=True))
            readers[-1].start()
        while (claimed := _claim(counter, len(chunks))) is not None:
            deliver(claimed, _compute(func, shared, items, chunks[claimed]))
        for reader in readers:
            reader.join()
        for process in processes:
            process.join()
        if failures:
            raise failures[0]
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()
    for lost in range(len(chunks)):
        if lost not in done:  # a worker died with it (or raised): compute it here
            deliver(lost, _compute(func, shared, items, chunks[lost]))
