"""How the web app reads a store that `dyad run` may be writing at the same time.

DuckDB lets one process write a file, or several read it, never both at once, and `dyad run`
opens the file only while it commits a batch. So the app holds the file only while requests
read it: an in-memory database attaches the store READ_ONLY when a request needs it and
detaches it when the last request in flight is done. Under steady load it still lets go:
once the file has been held for `hold_seconds`, new requests wait until those in flight
finish, the file is left free for `gap_seconds` (longer than a writer's 0.1 s lock poll), and
then it is attached again. A request that finds a writer committing waits for it (up to
`wait_seconds`), so every answer shows the last committed batch.

What is derived from the whole store (the happenings' digest, the codes and contexts it
names, the busiest dyads, the search index, kept answers) belongs to one version of the
file, known by the size and modification time of the file and its write-ahead log, and is
rebuilt when they change.
"""

from __future__ import annotations

import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import duckdb

from dyad.query import Dyad
from dyad.search import Hit, SearchIndex
from dyad.store import Store, when_unlocked
from dyad.web import queries as q

T = TypeVar("T")
BUSIEST = 10  # dyads the overview lists
DEFAULT_CACHE_SIZE = 512  # answers kept; each is one page's data
Version = tuple[int, ...]


def file_version(path: str) -> Version:
    """Size and modification time of the database and its write-ahead log: any commit changes them."""
    parts: list[int] = []
    for name in (path, path + ".wal"):
        try:
            stat = os.stat(name)
            parts += [stat.st_size, stat.st_mtime_ns]
        except FileNotFoundError:
            parts += [-1, -1]
    return tuple(parts)


class StoreAccess:
    """Requests' way into one store: `reader()` for a query cursor, `answer()` and `keep()` for
    answers that only change when the file does, `search()` for the full-text index."""

    def __init__(
        self,
        path: str | Path,
        *,
        timeout_s: float,
        wait_seconds: float = 60.0,
        hold_seconds: float = 1.0,
        gap_seconds: float = 0.25,
        cache_size: int = DEFAULT_CACHE_SIZE,
    ) -> None:
        self.path = str(path)
        self.timeout_s = timeout_s
        self.wait_seconds = wait_seconds
        self.hold_seconds = hold_seconds
        self.gap_seconds = gap_seconds
        self.cache_size = cache_size
        with Store(self.path, read_only=True):  # a missing, foreign or too-new file is refused here, by name
            pass
        self._memory = duckdb.connect()
        q.load_state_names(self._memory)
        self._state = threading.Condition()
        self._active = 0  # requests reading now
        self._attached = False
        self._draining = False  # new requests wait while those in flight finish and the file is let go
        self._busy_since = 0.0  # when the file was last taken after being left free for a gap
        self._released_at: float | None = None
        self._resume_at = 0.0  # not attached again before this, so that a waiting writer can take the file
        self._built: Version | None = None
        self._cache: OrderedDict[Hashable, tuple[Version, object]] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._index: tuple[Version, SearchIndex] | None = None
        self._index_lock = threading.Lock()
        self.known_countries: set[str] = set()
        self.contexts: list[str] = []
        self.busiest_dyads: list[Dyad] = []
        with self.reader():  # builds the digest now rather than on the first request
            pass

    @contextmanager
    def reader(self, timeout_s: float | None = None) -> Iterator[q.Reader]:
        """A cursor on the store (and the digest) for one request; the file is held until it closes."""
        self._enter()
        try:
            reader = q.Reader(self._memory, self.timeout_s if timeout_s is None else timeout_s)
            try:
                yield reader
            finally:
                reader.close()
        finally:
            self._leave()

    def read(self, compute: Callable[[q.Reader], T]) -> T:
        """`compute(reader)` on a reader held just for it."""
        with self.reader() as reader:
            return compute(reader)

    def answer(self, key: Hashable) -> object | None:
        """An answer kept for `key` while the file is still the version it was made from."""
        with self._cache_lock:
            found = self._cache.get(key)
            if found is None or found[0] != file_version(self.path):
                return None
            self._cache.move_to_end(key)
            return found[1]

    def keep(self, key: Hashable, version: Version, value: object) -> None:
        """Keep an answer made from `version` of the file (the least recently used go first)."""
        if self.cache_size <= 0 or version != self._built:
            return
        with self._cache_lock:
            self._cache[key] = (version, value)
            self._cache.move_to_end(key)
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)

    def search(self, text: str, limit: int, reader: q.Reader) -> list[Hit]:
        """BM25 hits over evidence and articles; the index is built once per version of the file,
        through the caller's `reader` (a request never opens a second)."""
        with self._index_lock:
            if self._index is None or self._index[0] != file_version(self.path):
                self._index = (self._built or (), SearchIndex(reader.connection))
            index = self._index[1]
        return index.search(text, limit=limit)

    # -- holding and letting go of the file ---------------------------------------------------
    def _enter(self) -> None:
        with self._state:
            while True:
                if self._draining:
                    self._state.wait()
                elif not self._attached:
                    self._attach()
                    break
                elif time.monotonic() - self._busy_since > self.hold_seconds:
                    self._draining = True  # let a waiting writer in once the requests in flight are done
                else:
                    break
            self._active += 1

    def _leave(self) -> None:
        with self._state:
            self._active -= 1
            if self._active == 0:
                self._detach()
                self._draining = False
                self._state.notify_all()

    def _attach(self) -> None:
        """Called holding `_state` with no request in flight."""
        wait = self._resume_at - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        now = time.monotonic()
        if self._released_at is None or now - self._released_at >= self.gap_seconds:
            self._busy_since = now  # a writer has had a gap to take the file since it was last held
        path = self.path.replace("'", "''")  # ATTACH takes no parameters; the path is quoted as a literal
        when_unlocked(
            lambda: self._memory.execute(f"ATTACH '{path}' AS store (READ_ONLY)"), self.path, self.wait_seconds
        )
        self._attached = True
        try:
            self._refresh()
        except BaseException:
            self._detach()
            raise

    def _detach(self) -> None:
        self._memory.execute("DETACH store")
        self._attached = False
        now = time.monotonic()
        self._released_at = now
        if now - self._busy_since >= self.hold_seconds:
            self._resume_at = now + self.gap_seconds

    def _refresh(self) -> None:
        """Rebuild what is derived from the whole store if the file changed since it was built."""
        version = file_version(self.path)  # steady while attached: no writer can hold the file now
        if version == self._built:
            return
        self._memory.execute("DROP TABLE IF EXISTS memory.digest")
        reader = q.Reader(self._memory, self.timeout_s)
        try:
            reader.connection.execute(q.DIGEST)
            self.known_countries = q.known_countries(reader)
            self.contexts = q.contexts(reader)
            self.busiest_dyads = q.busiest(reader, BUSIEST)  # a scan of every event: once per version
        finally:
            reader.close()
        self._built = version
