"""marsad: an offline-first conflict-event observatory.

Library first: ``marsad.store.Store`` holds documents, extractions, events, incidents and
the review log; ``marsad.ingest`` turns files, pages, feeds and URLs into documents;
``marsad.extract`` turns a document into sourced events (``marsad.extraction/1``);
``marsad.reconcile`` groups events into incidents. The ``marsad`` command is a thin
layer over these.
"""

__version__ = "0.1.0"
