"""Messages that cross screens: any pane may ask the app to show a figure's evidence.

Widget-local messages live on their widgets (``DocumentList.Opened``); only messages that a
screen posts for the *app* to handle live here.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class OpenEvidence(Message):
    """Open a document in the reader, scrolled to one figure and with it selected.

    Posted by the Facts and Compare panes (or anything else); handled by the app, which
    switches to the Documents pane. ``fact_id`` None opens the document at its top.
    """

    doc_id: str
    """Id of the document to open."""
    fact_id: int | None = None
    """Id of the fact to select; it must belong to ``doc_id``."""


class GoBack(Message):
    """Escape found nothing to close: go back to where the user came from.

    Posted by a pane (an empty query, the reader); handled by the app, which remembers the
    panes the user came from and which pane opened a reader.
    """
