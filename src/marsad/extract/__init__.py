"""Extraction: from one report to sourced, geocoded events (``marsad.extraction/1``).

Use :func:`extract` for one document or :class:`Pipeline` for many. Stages, one module
each, run in the order of :data:`marsad.extract.pipeline.DEFAULT_STAGES`.
"""

from .pipeline import DEFAULT_STAGES, EXTRACTOR_VERSION, SCHEMA, Pipeline, Resources

__all__ = ["DEFAULT_STAGES", "EXTRACTOR_VERSION", "SCHEMA", "Pipeline", "Resources", "extract"]


def extract(document: dict | str, pipeline: Pipeline | None = None, **meta) -> dict:
    """Extract one document (a document object, or a text plus ``published=``, ``outlet=``...)."""
    if isinstance(document, str):
        document = {"text": document, **meta}
    return (pipeline or Pipeline()).run(document)
