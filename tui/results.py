"""Results of background work, handed to the UI thread only while they are still wanted.

Every store call of a pane runs in a thread worker, never on the UI thread. Its result must
reach the screen on the UI thread, and a result of an older request must never overwrite a
newer one: a slow search for 'songj' that finishes after the search for 'songj 42' is
dropped. :class:`Latest` does both for one stream of requests (a pane's searches, its
comparisons, the reader's document):

- :meth:`Latest.begin`, on the UI thread, numbers a new request; every older one is stale;
- :meth:`Latest.deliver`, from the worker's thread, queues the result on the owner's message
  queue (``call_later`` posts a message, which Textual makes thread-safe) with that number;
- the callback runs there only if no newer request began in the meantime.

Results that are never stale (a further page of the listing being shown, which the list
checks itself, a document text for a cache) go straight through the owner's ``call_later``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Generic, ParamSpec

from textual.message_pump import MessagePump

P = ParamSpec("P")


class Latest(Generic[P]):
    """One stream of requests whose newest result alone is applied, by ``apply``."""

    def __init__(self, owner: MessagePump, apply: Callable[P, object]) -> None:
        self._owner = owner
        self._apply = apply
        self.generation = 0
        """The newest request's number (0: none yet)."""
        self.applied = 0
        """The number of the request whose result was last applied (0: none)."""

    def begin(self) -> int:
        """Number a new request (UI thread): the results of all older ones become stale."""
        self.generation += 1
        return self.generation

    def is_current(self, generation: int) -> bool:
        """Whether ``generation`` is still the newest request: a worker may give up if not."""
        return generation == self.generation

    @property
    def shown(self) -> bool:
        """Whether the newest request's result has been applied."""
        return self.applied == self.generation

    def deliver(self, generation: int, *args: P.args, **kwargs: P.kwargs) -> None:
        """Apply ``args`` on the owner's thread, if ``generation`` is then still the newest.

        Safe from any thread; it never blocks (a worker must not wait for the UI).
        """
        self._owner.call_later(self._run, generation, partial(self._apply, *args, **kwargs))

    def _run(self, generation: int, apply: Callable[[], object]) -> None:
        if generation == self.generation:
            self.applied = generation
            apply()
